"""Units in English output: the plan's ``unit_en`` and ``count_unit_en``, or the Chinese unit
where a plan gives none. Reports are still written, and read, in the Chinese units."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.plan_loader import default_data_dir, load_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
PLAIN = {"NO_COLOR": "1", "FORCE_COLOR": None, "TERM": "dumb", "LINES": "50"}

#: The Chinese units of the shipped plan: 起, 个, 件, 万元, 笔, 次, 篇次.
CHINESE_UNITS = sorted(
    {u for i in load_plan(default_data_dir()).indicators for u in (i.unit, i.count_unit) if u}
    - {"%"}
)
#: Chinese text an English output rightly shows: the plan's document number and the notes of
#: the example report (含“铁拳”行动查办案件 holds a 件 that is no unit).
QUOTED = [
    "鹿政办发〔2023〕4号",
    *(line.rsplit(",", 1)[1] for line in EXAMPLE.read_text("utf-8").splitlines()[1:]),
]


def xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def written_text(path: Path) -> str:
    """Every text lzip wrote at ``path`` (a file, or the files in a folder)."""
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "\n".join(
        xlsx_text(f) if f.suffix == ".xlsx" else f.read_text(encoding="utf-8-sig") for f in files
    )


#: (command line, COLUMNS, what it writes under -o, or None for stdout)
OUTPUTS = {
    "check table 80": (["check", EXAMPLE], 80, None),
    "check table 160": (["check", EXAMPLE], 160, None),
    "check markdown": (["check", EXAMPLE, "-f", "markdown"], 100, None),
    "check github": (["check", EXAMPLE, "-f", "github"], 100, None),
    "check csv": (["check", EXAMPLE, "-f", "csv"], 100, None),
    "check xlsx": (["check", EXAMPLE], 100, "check.xlsx"),
    "indicators 80": (["indicators"], 80, None),
    "indicators 160": (["indicators"], 160, None),
    "indicators of an agency": (["indicators", "-a", "finance"], 100, None),
    "shortfalls markdown": (["shortfalls", EXAMPLE], 100, None),
    "shortfalls csv": (["shortfalls", EXAMPLE, "-f", "csv"], 100, "lists"),
    "shortfalls xlsx": (["shortfalls", EXAMPLE, "-f", "xlsx"], 100, "lists"),
    "template csv": (["template", "2024"], 100, "form.csv"),
    "template xlsx": (["template", "2024"], 100, "form.xlsx"),
    "template per agency": (["template", "2024", "--per-agency"], 100, "forms"),
}


def output_text(
    tmp_path: Path, args: list[str | Path], columns: int, written: str | None, lang: str
) -> str:
    argv = [*args, "--lang", lang]
    if written is not None:
        argv += ["-o", tmp_path / written]
    result = run_lzip(*argv, env={**PLAIN, "COLUMNS": str(columns)})
    assert result.exit_code in (0, 1), result.output
    return result.stdout if written is None else written_text(tmp_path / written)


@pytest.mark.parametrize(("args", "columns", "written"), OUTPUTS.values(), ids=OUTPUTS.keys())
def test_english_output_shows_no_chinese_unit(
    tmp_path: Path, args: list[str | Path], columns: int, written: str | None
) -> None:
    text = output_text(tmp_path, args, columns, written, "en")
    for quoted in QUOTED:
        text = text.replace(quoted, "")
    assert [unit for unit in CHINESE_UNITS if unit in text] == []
    assert re.search(r"\b(cases|patents|trademarks|articles|events)\b", text)


@pytest.mark.parametrize(("args", "columns", "written"), OUTPUTS.values(), ids=OUTPUTS.keys())
def test_chinese_output_keeps_the_chinese_units(
    tmp_path: Path, args: list[str | Path], columns: int, written: str | None
) -> None:
    text = output_text(tmp_path, args, columns, written, "zh")
    assert any(unit in text for unit in CHINESE_UNITS)
    assert not re.search(r"\b(cases|patents|trademarks|10k yuan)\b", text)


def test_the_shipped_plan_names_every_unit_in_english() -> None:
    for indicator in load_plan(default_data_dir()).indicators:
        assert indicator.unit_en, indicator.id
        assert (indicator.count_unit_en is None) == (indicator.count_unit is None), indicator.id
        assert indicator.unit_en.isascii() and (indicator.count_unit_en or "").isascii()
    assert {i.unit_en for i in load_plan(default_data_dir()).indicators if i.unit == "%"} == {"%"}


@pytest.fixture
def plan_without_english_units(tmp_path: Path) -> Path:
    """The shipped plan as another county might write it: no unit_en nor count_unit_en, but
    5.1's unit, which keeps its English one (its count unit does not)."""
    data = tmp_path / "plan"
    shutil.copytree(default_data_dir(), data)
    path = data / "indicators.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("    unit_en:", "    count_unit_en:"))]
    text = "".join(kept).replace(
        '    name_en: Patent pledge financing\n    unit: "万元"\n',
        '    name_en: Patent pledge financing\n    unit: "万元"\n    unit_en: 10k yuan\n',
    )
    assert text.count("unit_en:") == 1
    path.write_text(text, encoding="utf-8")
    return data


def test_english_output_falls_back_to_the_chinese_unit(plan_without_english_units: Path) -> None:
    env = {**PLAIN, "COLUMNS": "200"}
    data = ["--data", plan_without_english_units, "--lang", "en"]
    rows = run_lzip("indicators", *data, env=env).stdout.splitlines()
    unit_of: dict[str, str] = {}
    for row in rows:  # the first block's rows: ID, Indicator, Unit …
        if re.match(r"│ \d\.\d ", row):
            unit_of.setdefault(row.split()[1], row.split("│")[3].strip())
    assert unit_of["1.1"] == "起"
    assert unit_of["5.1"] == "10k yuan / 笔"  # the English unit given, the count's not
    assert unit_of["5.2"] == "万元 / 件"
    github = run_lzip("check", EXAMPLE, "-f", "github", *data, env=env).stdout
    assert "1 to the milestone, 2 to the target (in 起)" in github


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the amount 45 (10k yuan) has no count (deals) beside it"),
        ("zh", "金额 45（万元）没有填写笔数/件数（笔）"),
    ],
)
def test_a_message_names_the_unit_in_the_users_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值,笔数\n5.1,县财政局,45,\n", encoding="utf-8")
    result = run_lzip("check", report, "--lang", lang, "-f", "json")
    [warning] = json.loads(result.stdout)["warnings"]
    assert warning["code"] == "LZ265"
    assert expected in warning["message"]


def test_a_message_falls_back_to_the_chinese_unit(
    tmp_path: Path, plan_without_english_units: Path
) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值\n4.3,,16.5\n", encoding="utf-8")
    result = run_lzip("check", report, "--lang", "en", "--data", plan_without_english_units)
    assert result.exit_code == 2
    assert "'16.5': a figure in 件 must be a whole number" in result.stderr


def test_reports_are_still_read_in_the_chinese_units(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(
        "指标,责任单位,数值,笔数\n4.3,,1652件,\n5.1,县财政局,850万元,3笔\n1.1,,16起,\n",
        encoding="utf-8",
    )
    result = run_lzip("check", report, "--lang", "en", "-f", "json")
    assert result.exit_code == 1, result.output  # shortfalls, and no error
    indicators = json.loads(result.stdout)["indicators"]
    figures = {i["id"]: (i["actual"], i.get("count")) for i in indicators}
    assert (figures["4.3"], figures["5.1"], figures["1.1"]) == ((1652, None), (850, 3), (16, None))


def test_a_unit_cell_naming_another_unit_says_which_unit_the_indicator_is_counted_in(
    tmp_path: Path,
) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,计量单位,数值\n1.1,ip-office,件,3\n", encoding="utf-8")
    result = run_lzip("check", report, "--lang", "en", "-f", "json")
    messages = [w["message"] for w in json.loads(result.stdout)["warnings"]]
    assert messages == [
        "the unit cell says '件', but indicator 1.1 is counted in cases: the figure is read in cases"
    ]
