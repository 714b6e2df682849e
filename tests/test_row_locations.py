"""Problems found in a row's figures name the cell they are about, not the row alone.

The forms below put a 备注 column first, so every column is one to the right of lzip's own
form: a location that assumed the template's layout would be off by one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers import run_lzip
from lzip_cli.plan_loader import default_data_dir, load_plan

HEADER = "备注,指标,责任单位,数值,笔数\n"
#: The agencies responsible for 5.1 (专利质押融资金额).
FINANCE = ("finance", "ip-office", "financial-regulator")


@pytest.mark.parametrize(
    ("rows", "located"),
    [
        # a row of an agency not responsible: at its agency cell
        (",3.1,县林业局,3,\n", "2024.csv:2:3: warning LZ241:"),
        # a county-wide row for an indicator judged per agency: at its (blank) agency cell
        (",2.1,,5,\n", "2024.csv:2:3: warning LZ242:"),
        # a year-end stock two agencies both report: at the second figure
        (",4.3,县知识产权局,1500,\n,4.3,县科工贸局,1500,\n", "2024.csv:3:4: warning LZ266:"),
        # a county figure other than the agencies' sum: at the county figure
        (
            ",4.3,县知识产权局,1500,\n,4.3,县科工贸局,100,\n,4.3,,1700,\n",
            "2024.csv:4:4: warning LZ240:",
        ),
        # … or at the county count, when the counts differ
        (",5.1,县财政局,850,3\n,5.1,,850,5\n", "2024.csv:3:5: warning LZ240:"),
        # a rate two agencies report without a county row: at the second agency
        (",1.2,县知识产权局,0.5,\n,1.2,县林业局,0.6,\n", "2024.csv:3:3: error LZ243:"),
        # a row given twice: at the repeated agency
        (",1.1,县林业局,3,\n,1.1,林业局,4,\n", "2024.csv:3:3: error LZ210:"),
    ],
    ids=["LZ241", "LZ242", "LZ266", "LZ240", "LZ240-count", "LZ243", "LZ210"],
)
def test_a_problem_in_a_rows_figures_names_its_cell(
    rows: str, located: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2024.csv").write_text(HEADER + rows, encoding="utf-8")
    result = run_lzip("validate", "2024.csv", "--lang", "en")
    assert located in result.stderr, result.stderr


def test_a_row_repeated_in_another_form_names_its_agency_cell_in_that_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2024").mkdir()
    Path("2024/a.csv").write_text("指标,责任单位,数值\n1.1,县林业局,3\n", encoding="utf-8")
    Path("2024/b.csv").write_text(HEADER + ",1.1,县林业局,3,\n", encoding="utf-8")
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{Path('2024/b.csv')}:2:3: error LZ210:"), result.stderr


def test_a_workbook_names_the_cell_of_a_rows_problem_with_its_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    book = Workbook()
    book.active.title = "2024年"
    for row in (HEADER.strip().split(","), [None, "3.1", "县林业局", 3]):
        book.active.append(row)
    book.create_sheet("2023年").append(["指标", "责任单位", "数值"])
    book.save("2024.xlsx")
    result = run_lzip("validate", "2024.xlsx", "--lang", "en")
    assert "2024.xlsx:2:3: warning LZ241: '2024年'!C2:" in result.stderr, result.stderr


def test_two_warnings_of_one_row_come_in_the_same_order_whatever_the_column_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The county's 5.1 differs from the agencies' sum (LZ240, at its figure) and gives no count
    # (LZ265): with the count column before the figure, sorting by cell swapped them.
    monkeypatch.chdir(tmp_path)
    orders = {}
    for name, header, rows in (
        ("figure-first", "指标,责任单位,数值,笔数\n", "".join(f"5.1,{a},0,0\n" for a in FINANCE)),
        ("count-first", "笔数,指标,责任单位,数值\n", "".join(f"0,5.1,{a},0\n" for a in FINANCE)),
    ):
        row = "5.1,,1,\n" if name == "figure-first" else ",5.1,,1\n"
        Path(name).mkdir()
        Path(name, "2024.csv").write_text(header + rows + row, encoding="utf-8")
        result = run_lzip("check", Path(name, "2024.csv"), "-f", "json")
        orders[name] = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert orders["figure-first"] == orders["count-first"]
    assert sorted(orders["figure-first"]) == ["LZ240", "LZ265"]


def test_columns_not_read_are_located_at_the_first_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2024.csv").write_text(
        "指标,联系人,责任单位,数值,电话\n1.1,张三,县林业局,3,1\n", encoding="utf-8"
    )
    result = run_lzip("validate", "2024.csv", "--lang", "en")
    assert (
        "2024.csv:1:2: warning LZ222: ignored unrecognised columns: 联系人, 电话" in result.stderr
    )


def many_agencies_not_responsible(path: Path) -> int:
    """A report of 3.1 and 4.3 with a row for every agency not responsible for them (LZ241
    each), and the figures of those that are; returns how many LZ241 it holds."""
    plan = load_plan(default_data_dir())
    rows, count = ["指标,责任单位,数值"], 0
    for indicator in (plan.indicator("3.1"), plan.indicator("4.3")):
        for agency in plan.agencies:
            rows.append(f"{indicator.id},{agency.id},1")
            count += agency.id not in indicator.agencies
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return count


@pytest.mark.parametrize("output_format", ["text", "table", "markdown"])
def test_a_person_sees_twenty_warnings_of_a_code_and_how_many_more(
    output_format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    count = many_agencies_not_responsible(Path("2024.csv"))
    assert count > 20
    if output_format == "text":  # validate: warnings on stderr
        result = run_lzip("validate", "2024.csv", "--lang", "en")
        said = result.stderr
    else:
        result = run_lzip("check", "2024.csv", "-f", output_format, "--lang", "en")
        said = result.stdout
    assert said.count("warning LZ241") == 20
    more = count - 20
    assert (
        f"… and {more} more LZ241 warnings (lzip check REPORT --format json lists them all)" in said
    )


def test_the_json_output_holds_every_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    count = many_agencies_not_responsible(Path("2024.csv"))
    document = json.loads(run_lzip("check", "2024.csv", "-f", "json").stdout)
    assert [w["code"] for w in document["warnings"]].count("LZ241") == count


def test_shortfalls_points_to_check_for_the_warnings_it_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # shortfalls has no JSON format: the hint names the command that lists every warning.
    monkeypatch.chdir(tmp_path)
    count = many_agencies_not_responsible(Path("2024.csv"))
    result = run_lzip("shortfalls", "2024.csv", "--out", "lists", "--lang", "en")
    assert result.stderr.count("warning LZ241") == 20
    assert f"… and {count - 20} more LZ241 warnings (lzip check REPORT --format json" in (
        result.stderr
    )
    assert "(--format json" not in result.stderr
