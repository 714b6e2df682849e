"""Issue 5, as properties (Hypothesis; profiles in conftest.py, HYPOTHESIS_PROFILE=ci in CI).

- Any bytes as a report: `check` and `validate` exit 0, 1 or 2 and never raise.
- A valid report's JSON does not depend on row order, column order, header language or
  encoding. Column order changes the column numbers that warnings carry, so they are compared
  without them. Row order also changes the row numbers, and the order in which warnings are
  listed (file order); so when rows are shuffled, warnings are compared without their line and
  as a sorted list. Everything else must be identical.
- `lzip template` filled in with a report's figures checks to the same JSON as the report
  (warnings again without line and column numbers: the form lists rows in plan order, and has
  columns of its own).
- For any small valid plan, milestones lie between baseline and target, and an actual figure
  equal to the target is `achieved`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from helpers import run_lzip
from lzip_cli.evaluate import judge, milestone_for
from lzip_cli.plan_loader import load_plan
from lzip_cli.template import form_rows

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PLAN = load_plan(DATA)
HEADERS = {
    "en": {
        "indicator": "indicator",
        "agency": "agency",
        "value": "value",
        "count": "count",
        "year": "year",
    },
    "zh": {
        "indicator": "指标",
        "agency": "责任单位",
        "value": "数值",
        "count": "笔数",
        "year": "年度",
    },
}
COLUMNS = ("indicator", "agency", "value", "count")


# --- any bytes -------------------------------------------------------------------------------

CSV_LIKE = st.lists(
    st.sampled_from(["指标", "数值", "value", "4.3", ",", '"', "\n", "\r\n", "—", "1,652", "\x00"])
    | st.text(max_size=8),
    max_size=30,
).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


@given(
    content=st.binary(max_size=2000) | CSV_LIKE,
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
)
def test_any_bytes_never_crash(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"2024{suffix}"
        path.write_bytes(content)
        for command in (["check", str(path), "-f", "json"], ["validate", str(path)]):
            result = run_lzip(*command)
            assert result.exit_code in (0, 1, 2), result.stderr
            if result.exit_code == 2:
                assert " LZ" in result.stderr  # a coded, located message
        assert path.read_bytes() == content


@given(cells=st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_any_cells_under_a_valid_header_never_crash(cells: list[str]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "2024.csv"
        buffer = io.StringIO()
        csv.writer(buffer).writerows([["指标", "责任单位", "数值", "笔数"], cells])
        path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
        result = run_lzip("check", str(path), "-f", "json")
        assert result.exit_code in (0, 1, 2)


# --- valid reports ---------------------------------------------------------------------------


def _slots() -> list[tuple[Any, str | None]]:
    """(indicator, agency id or None) pairs a valid report may fill."""
    slots = []
    for row in form_rows(PLAN):
        indicator = row.indicator
        if indicator.kind == "rate" and indicator.scope == "shared" and row.agency_id:
            continue  # several agency rows of a rate need a county row: keep it simple
        slots.append((indicator, row.agency_id))
    return slots


SLOTS = _slots()


@st.composite
def reports(draw: st.DrawFn) -> list[dict[str, str]]:
    """A valid report as rows of canonical cells (English ids, agency ids, plain numbers)."""
    chosen = draw(st.lists(st.sampled_from(range(len(SLOTS))), min_size=1, unique=True))
    rows = []
    for index in sorted(chosen):
        indicator, agency = SLOTS[index]
        high = 100 if indicator.kind == "rate" else 5000
        value = draw(st.integers(0, high).map(str) | st.just("—"))
        count = ""
        if indicator.compound and value != "—":  # a count agreeing with its amount (LZ261)
            count = draw(st.sampled_from(["", "0"] if value == "0" else ["", "3", "12"]))
        rows.append(
            {"indicator": indicator.id, "agency": agency or "", "value": value, "count": count}
        )
    return rows


def render(rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS, lang: str = "en") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([HEADERS[lang][c] for c in columns])
    for row in rows:
        writer.writerow([row[c] for c in columns])
    return buffer.getvalue()


def check_json(path: Path) -> dict[str, Any]:
    """`lzip check` on ``path``, run in its directory so that messages name it "2024.csv"."""
    with contextlib.chdir(path.parent):
        result = run_lzip("check", path.name, "-f", "json", "--fail-on", "never", "--year", "2024")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def without_columns(payload: dict[str, Any]) -> dict[str, Any]:
    warnings = [{k: v for k, v in w.items() if k != "column"} for w in payload["warnings"]]
    return {**payload, "warnings": warnings}


def without_lines(payload: dict[str, Any]) -> dict[str, Any]:
    warnings = sorted(
        ({k: v for k, v in w.items() if k not in ("line", "column")} for w in payload["warnings"]),
        key=lambda w: json.dumps(w, sort_keys=True, ensure_ascii=False),
    )
    return {**payload, "warnings": warnings}


def checked_with_variant(directory: str, rows: list[dict[str, str]]) -> tuple[dict[str, Any], Path]:
    """``check`` of ``rows`` written plainly in ``directory``, and where to write a variant of
    them (a folder beside, so that messages name it "2024.csv" too)."""
    plain = Path(directory) / "2024.csv"
    plain.write_text(render(rows), encoding="utf-8")
    variant = Path(directory) / "variant" / "2024.csv"
    variant.parent.mkdir()
    return check_json(plain), variant


@given(
    rows=reports(),
    data=st.data(),
    lang=st.sampled_from(["en", "zh"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_row_order_column_order_language_and_encoding_do_not_matter(
    rows: list[dict[str, str]], data: st.DataObject, lang: str, encoding: str
) -> None:
    shuffled_rows = data.draw(st.permutations(rows))
    columns = tuple(data.draw(st.permutations(COLUMNS)))
    with tempfile.TemporaryDirectory() as directory:
        expected, variant = checked_with_variant(directory, rows)
        variant.write_text(render(rows, columns, lang), encoding=encoding)
        # Same rows in the same order: warnings equal but for their columns.
        assert without_columns(check_json(variant)) == without_columns(expected)
        variant.write_text(render(shuffled_rows, columns, lang), encoding=encoding)
        assert without_lines(check_json(variant)) == without_lines(expected)


#: How a year cell of the report's own year may be written; blank is the report's year too.
YEAR_CELLS = ["2024", "2024年", "２０２４", "2024年度", ""]


@given(rows=reports(), data=st.data())
def test_a_year_column_of_the_reports_own_year_changes_nothing(
    rows: list[dict[str, str]], data: st.DataObject
) -> None:
    years = data.draw(st.lists(st.sampled_from(YEAR_CELLS), min_size=len(rows), max_size=len(rows)))
    with tempfile.TemporaryDirectory() as directory:
        expected, dated = checked_with_variant(directory, rows)
        dated.write_text(
            render([{**row, "year": year} for row, year in zip(rows, years, strict=True)],
                   ("year", *COLUMNS), "zh"),
            encoding="utf-8",
        )  # fmt: skip
        assert without_columns(check_json(dated)) == without_columns(expected)


@pytest.fixture(scope="module")
def form() -> list[list[str]]:
    """`lzip template 2024` as a table of cells."""
    result = run_lzip("template", "2024")
    assert result.exit_code == 0
    text = result.stdout.removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text)))


@given(rows=reports())
def test_template_filled_in_checks_like_the_report(
    rows: list[dict[str, str]], form: list[list[str]]
) -> None:
    header, *body = form
    at = {name: header.index(name) for name in ("指标", "责任单位", "数值", "笔数/件数")}
    figures = {(r["indicator"], r["agency"]): r for r in rows}
    filled = [header]
    for cells in body:
        cells = list(cells)
        agency = PLAN.find_agency(cells[at["责任单位"]]) if cells[at["责任单位"]] else None
        row = figures.pop((cells[at["指标"]], agency.id if agency else ""), None)
        if row is not None:
            cells[at["数值"]], cells[at["笔数/件数"]] = row["value"], row["count"]
        filled.append(cells)
    assert not figures, f"rows the form has no place for: {figures}"
    with tempfile.TemporaryDirectory() as directory:
        report = Path(directory) / "2024.csv"
        report.write_text(render(rows), encoding="utf-8")
        returned = Path(directory) / "returned" / "2024.csv"
        returned.parent.mkdir()
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(filled)
        returned.write_text(buffer.getvalue(), encoding="utf-8-sig")  # as Excel saves it
        assert without_lines(check_json(returned)) == without_lines(check_json(report))


# --- small generated plans -------------------------------------------------------------------


@st.composite
def indicators(draw: st.DrawFn, number: int, agency_ids: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["flow", "stock", "rate"]))
    direction = draw(st.sampled_from(["increase", "decrease"]))
    high = 100 if kind == "rate" else 10_000
    first = draw(st.integers(2000, 2030))
    last = draw(st.integers(first + 1, first + 8))
    carried_out = draw(st.booleans()) or direction == "decrease"
    baseline = draw(st.integers(0, high)) if carried_out else 0
    if direction == "increase":
        target = draw(st.integers(baseline, high))
    else:
        target = draw(st.integers(0, baseline))
    between = list(range(first + 1, last))
    years = draw(st.lists(st.sampled_from(between), unique=True, max_size=3)) if between else []
    low, top = sorted((baseline, target))
    # Milestones lead from the baseline towards the target: no year goes back (LZ115).
    values = sorted(draw(st.integers(low, top)) for _ in years)
    if direction == "decrease":
        values.reverse()
    milestones = dict(zip(sorted(years), values, strict=True))
    return {
        "id": f"1.{number}",
        "group": 1,
        "name": f"指标{number}",
        "name_en": f"Indicator {number}",
        "unit": "%" if kind == "rate" else "件",
        "kind": kind,
        "direction": direction,
        "baseline": {"year": first, "value": baseline if carried_out else "not-carried-out"},
        "target": {"year": last, "value": target},
        "agencies": draw(st.lists(st.sampled_from(agency_ids), min_size=1, unique=True)),
        "scope": "shared",
        "milestones": milestones,
    }


@st.composite
def plans(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    count = draw(st.integers(1, 4))
    agency_ids = [f"unit-{i}" for i in range(count)]
    agencies = {
        "agencies": [
            {"id": a, "name": f"单位{i}", "name_en": f"Unit {i}"} for i, a in enumerate(agency_ids)
        ]
    }
    items = [draw(indicators(n, agency_ids)) for n in range(1, draw(st.integers(1, 5)) + 1)]
    plan = {"plan": {"title": "测试方案", "title_en": "Test plan"}, "indicators": items}
    return agencies, plan


@given(plans())
def test_milestones_lie_between_baseline_and_target_and_the_target_is_achieved(
    generated: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    agencies, indicators_file = generated
    with tempfile.TemporaryDirectory() as directory:
        data = Path(directory)
        (data / "agencies.yaml").write_text(yaml.safe_dump(agencies, allow_unicode=True))
        (data / "indicators.yaml").write_text(yaml.safe_dump(indicators_file, allow_unicode=True))
        plan = load_plan(data)
        for indicator in plan.indicators:
            baseline, target = indicator.baseline.number, indicator.target.number
            assert target is not None
            low, high = sorted((baseline, target))
            for year in range(indicator.baseline.year - 1, indicator.target.year + 2):
                milestone = milestone_for(indicator, year)
                assert milestone is not None and low <= milestone <= high, (year, milestone)
                assert judge(indicator, target, milestone) == "achieved"
        # And through the CLI: every indicator reported at its target, in its target year.
        for indicator in plan.indicators:
            report = data / "report.csv"
            report.write_text(f"indicator,value\n{indicator.id},{indicator.target.number:g}\n")
            result = run_lzip(
                "check",
                str(report),
                "--data",
                str(data),
                "--year",
                str(indicator.target.year),
                "-f",
                "json",
            )
            assert result.exit_code in (0, 1), result.stderr
            (judged,) = [
                i for i in json.loads(result.stdout)["indicators"] if i["id"] == indicator.id
            ]
            assert judged["status"] == "achieved"
