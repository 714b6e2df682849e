"""Report forms as the agencies send them back: the headers, separators and marks they use.

Each test runs ``lzip check --format json`` on a form written byte for byte as Excel, WPS or a
text editor saves it, and asserts what was read: whose figure each is, and what lzip warned
about. Forms lzip refuses are in ``test_bad_reports.py``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import run_lzip

pytestmark = pytest.mark.usefixtures("in_tmp")


def check(name: str, content: str | bytes, *options: str) -> dict[str, Any]:
    """The JSON document ``lzip check`` gives for a report ``name`` holding ``content``."""
    path = Path(name)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    result = run_lzip("check", name, "--format", "json", *options)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


def indicator(document: dict[str, Any], indicator_id: str) -> dict[str, Any]:
    return next(entry for entry in document["indicators"] if entry["id"] == indicator_id)


def own_rows(document: dict[str, Any], indicator_id: str) -> dict[str, float]:
    """Each agency's own figure for an indicator: agency id → figure."""
    entry = indicator(document, indicator_id)
    return {row["id"]: row["actual"] for row in entry["contributions"]}


def warning_codes(document: dict[str, Any]) -> list[str]:
    return [warning["code"] for warning in document["warnings"]]


# --- the agency column -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["责任部门", "牵头单位", "牵头部门", "责任单位（部门）", "报送单位", "单位名称", "部门"],
)
def test_the_agency_column_under_another_usual_header(header: str) -> None:
    document = check("2024.csv", f"指标,{header},数值\n1.1,县林业局,3\n6.1,县教育局,2\n")
    assert own_rows(document, "1.1") == {"forestry": 3}
    assert own_rows(document, "6.1") == {"education": 2}
    assert warning_codes(document) == []


def test_a_unit_column_beside_an_agency_column_under_another_header_stays_a_unit() -> None:
    document = check("2024.csv", "指标,单位,责任部门,数值\n1.1,起,县林业局,3\n")
    assert own_rows(document, "1.1") == {"forestry": 3}
    assert warning_codes(document) == []


def test_an_unknown_column_of_other_text_is_only_ignored() -> None:
    # Nothing in 填报人 names an agency: the rows are county-wide, as there is no agency column.
    document = check("2024.csv", "指标,数值,填报人\n4.3,1652,张三\n")
    assert indicator(document, "4.3")["actual"] == 1652
    assert warning_codes(document) == ["LZ222"]


# --- the indicator column --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "指标编号,指标名称,责任单位,数值\n1.1,查处假冒知识产权行政案件,县林业局,3\n",
        "指标序号,指标内容,牵头单位,完成值\n1.1,查处假冒知识产权行政案件,县林业局,3\n",
        "序号,指标名称,计量单位,责任单位,2024年完成值\n1,查处假冒知识产权行政案件,起,县林业局,3\n",
        "指标内容,责任单位,完成值\n查处假冒知识产权行政案件,县林业局,3\n",
    ],
    ids=["指标编号", "指标序号", "指标名称-alone", "指标内容-alone"],
)
def test_the_indicator_column_under_a_forms_header(text: str) -> None:
    document = check("2024.csv", text)
    assert own_rows(document, "1.1") == {"forestry": 3}
    assert warning_codes(document) == []


@pytest.mark.parametrize(
    "name",
    ["查处假冒知识产权行政案件", "查处假冒知识产权行政案件（起）", "查处假冒案件（简称）", ""],
    ids=["its-name", "with-unit", "reworded", "blank"],
)
def test_an_indicator_name_beside_its_id_is_read_past(name: str) -> None:
    # Only the name of another indicator stops the row (LZ262): a reworded one cannot be told.
    text = f"指标,指标名称,责任单位,数值\n1.1,{name},县林业局,3\n"
    document = check("2024.csv", text)
    assert own_rows(document, "1.1")["forestry"] == 3
    assert "LZ262" not in warning_codes(document)


def test_a_running_number_beside_the_indicators_name_is_not_its_id() -> None:
    document = check("2024.csv", "序号,指标名称,数值\n1,有效注册商标拥有量,1652\n2,1.1,3\n")
    # 序号 1 and 2 are not indicators 1 and 2: the names (or the id typed as one) decide.
    assert indicator(document, "4.3")["actual"] == 1652
    assert indicator(document, "1.1")["actual"] == 3


# --- the year --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "鹿寨县2024年度知识产权量化指标完成情况填报表",
        "鹿寨县知识产权强县建设工作方案（2022-2025年）２０２４年完成情况",  # the plan's span
        "2024年度填报表（填报日期：2025年1月10日）",  # the day it was filled in
    ],
    ids=["title", "beside-the-plans-span", "beside-a-date"],
)
def test_the_year_a_title_row_names_is_the_reports_year(title: str) -> None:
    document = check("报表.csv", f"{title},,\n指标,责任单位,数值\n4.3,,1652\n")
    assert document["year"] == 2024


# --- separators ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("sep=;\r\n指标;责任单位;数值\r\n1.1;县林业局;3\r\n", "utf-8-sig"),
        ("sep=;\r\n指标;责任单位;数值\r\n1.1;县林业局;3\r\n", "gb18030"),
        ("sep=,\r\n指标,责任单位,数值\r\n1.1,县林业局,3\r\n", "utf-8"),
        ("sep=\t\r\n指标\t责任单位\t数值\r\n1.1\t县林业局\t3\r\n", "utf-8"),
        ("sep=|\n指标|责任单位|数值\n1.1|县林业局|3\n", "utf-8"),
        ("指标;责任单位;数值\r\n1.1;县林业局;3\r\n", "utf-8"),
        ("鹿寨县2024年填报表;;\r\n指标;责任单位;数值\r\n1.1;县林业局;3\r\n", "gb18030"),
        ("填报表(单位:件;万元)\r\n指标,责任单位,数值\r\n1.1,县林业局,3\r\n", "gb18030"),
        ("填报说明:逗号,分号\r\n指标\t责任单位\t数值\r\n1.1\t县林业局\t3\r\n", "utf-8"),
        ("指标，责任单位，数值\r\n1.1，县林业局，3\r\n", "gb18030"),
        ("\ufeff\ufeff指标,责任单位,数值\r\n1.1,县林业局,3\r\n", "utf-8"),
    ],
    ids=[
        "sep-semicolon",
        "sep-semicolon-gbk",
        "sep-comma",
        "sep-tab",
        "sep-bar",
        "semicolons",
        "semicolons-below-a-title",
        "commas-below-a-title-with-a-semicolon",
        "tabs-below-a-title-with-a-comma",
        "full-width-commas",
        "two-byte-order-marks",
    ],
)
def test_a_delimiter_named_by_excels_sep_line_or_told_from_the_header(
    content: str, encoding: str
) -> None:
    document = check("2024.csv", content.encode(encoding))
    assert own_rows(document, "1.1") == {"forestry": 3}
    assert warning_codes(document) == []


def test_quoted_cells_hold_the_semicolon_and_the_comma_in_a_semicolon_csv() -> None:
    text = '指标;责任单位;数值;备注\r\n4.3;;"1,652";"截至年底;含续展"\r\n'
    entry = indicator(check("2024.csv", text), "4.3")
    assert (entry["actual"], entry["note"]) == (1652, "截至年底;含续展")


# --- marks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["无", "/", "／", "—", "未开展"])
def test_a_mark_for_not_carried_out(mark: str) -> None:
    document = check(
        "2024.csv", f"指标,责任单位,数值,笔数\n8.1,,{mark},\n5.1,县财政局,{mark},{mark}\n"
    )
    county = indicator(document, "8.1")
    assert (county["actual"], county["not_carried_out"]) == (0, True)
    [finance] = indicator(document, "5.1")["contributions"]
    assert (finance["actual"], finance["not_carried_out"], finance["count"]) == (0, True, 0)


# --- the form's unit column (计量单位) --------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "indicator_id", "verdict"),
    [
        ("起", "1.1", "same"),
        (" 起 ", "1.1", "same"),
        ("cases", "1.1", "same"),  # the English form's
        ("万元/笔", "5.1", "same"),
        ("万元／笔", "5.1", "same"),  # full-width slash
        ("10k yuan / deals", "5.1", "same"),
        ("万元", "5.1", "same"),  # the amount's unit alone
        ("元/笔", "5.1", "scale"),
        ("元", "5.1", "scale"),
        ("亿元", "5.1", "scale"),
        ("yuan / deals", "5.1", "scale"),
        ("件", "1.1", "other"),
        ("万元/件", "5.1", "other"),
        ("%", "1.1", "other"),
    ],
)
def test_a_unit_cell_is_compared_with_the_indicators_unit(
    unit: str, indicator_id: str, verdict: str
) -> None:
    from lzip_cli.plan_loader import load_plan
    from lzip_cli.report_row import unit_mismatch

    plan = load_plan(Path(__file__).resolve().parents[1] / "data")
    assert unit_mismatch(unit, plan.indicator(indicator_id)) == verdict


def test_money_in_another_scale_in_the_unit_column_is_refused_at_that_cell() -> None:
    Path("2025.csv").write_text(
        "年度,指标,计量单位,责任单位,数值,笔数\n2025,5.1,元/笔,县知识产权局,8500000,3\n",
        encoding="utf-8",
    )
    result = run_lzip("check", "2025.csv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "2025.csv:2:3: error LZ271: the unit cell says '元/笔', but indicator 5.1 counts its "
        "amount in 10k yuan, so the figure would be off by a power of ten: convert it to 10k yuan "
        "and put 10k yuan / deals back in the unit cell\n"
    )


def test_another_unit_in_the_unit_column_is_read_in_the_indicators_unit_with_a_warning() -> None:
    document = check("2024.csv", "指标,计量单位,责任单位,数值\n1.1,件,县林业局,3\n")
    assert own_rows(document, "1.1") == {"forestry": 3}
    [warning] = document["warnings"]
    assert (warning["code"], warning["line"], warning["column"]) == ("LZ272", 2, 2)
    assert warning["message"] == "计量单位写作 '件'，与指标 1.1 的单位 起 不同：数值按 起 读取"


def test_a_unit_cell_beside_no_figure_is_not_compared() -> None:
    document = check(
        "2024.csv", "指标,计量单位,责任单位,数值\n1.1,元,县林业局,\n6.1,次,县教育局,2\n"
    )
    assert warning_codes(document) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_forms_from_lzip_template_have_units_lzip_reads_as_the_indicators(lang: str) -> None:
    run_lzip("template", "2025", "-o", "form.csv", "--lang", lang)
    header, *rows = csv.reader(io.StringIO(Path("form.csv").read_text(encoding="utf-8-sig")))
    unit, agency, value, count = 3, 4, 5, 6  # 计量单位, 责任单位, 数值, 笔数/件数
    # Every agency's row filled in, units as the form gives them; a count where it takes one.
    filled = [header] + [
        [*row[:value], str(number), "1" if "/" in row[unit] else "", *row[count + 1 :]]
        for number, row in enumerate(rows, start=1)
        if row[agency]
    ]
    with open("2025.csv", "w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(filled)
    result = run_lzip("validate", "2025.csv", "--lang", lang)
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_second_unit_column_is_read_past() -> None:
    document = check("2024.csv", "指标,单位,计量单位,责任单位,数值\n1.1,起,起,县林业局,3\n")
    assert own_rows(document, "1.1") == {"forestry": 3}
    assert warning_codes(document) == []


def test_money_in_another_scale_on_the_xlsx_form_is_refused_at_its_unit_cell() -> None:
    import openpyxl

    run_lzip("template", "2025", "-o", "form.xlsx", "--agency", "ip-office")
    book = openpyxl.load_workbook("form.xlsx")
    sheet = book.active
    row = next(r for r in sheet.iter_rows() if r[1].value == "5.1")
    row[3].value, row[5].value, row[6].value = "元/笔", 8500000, 3  # the unit changed, not the sum
    book.save("2025.xlsx")
    result = run_lzip("check", "2025.xlsx")
    assert result.exit_code == 2
    assert f"2025.xlsx:{row[3].row}:4" in result.stderr and "LZ271" in result.stderr


@pytest.mark.parametrize(
    "header", ["数值（元）", "数值(元)", "完成值（单位：元）", "完成值【亿元】"]
)
def test_money_in_another_scale_in_the_value_header_is_refused_on_each_money_row(
    header: str,
) -> None:
    Path("2024.csv").write_text(
        f"指标,责任单位,{header},笔数\n1.1,县林业局,2,\n5.1,县财政局,8500000,3\n",
        encoding="utf-8",
    )
    result = run_lzip("check", "2024.csv")
    assert result.exit_code == 2
    unit = header.rstrip(")）】").split("（")[-1].split("(")[-1].split("【")[-1]
    unit = unit.removeprefix("单位：")
    assert result.stderr == (
        f"2024.csv:3:3: 错误 LZ271: 表头 {header!r} 写明数值以 {unit} 计，而指标 5.1 的金额以 "
        "万元 计，数值会差几个数量级：请把数值换算为 万元 后填写，并把表头的单位改为 万元\n"
    )  # 1.1's 2 起 under the same header is no amount of money: not refused


def test_money_in_another_scale_in_the_value_header_in_english() -> None:
    Path("2024.csv").write_text(
        "指标,责任单位,数值（元）,笔数\n5.1,县财政局,8500000,3\n", encoding="utf-8"
    )
    result = run_lzip("check", "2024.csv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "2024.csv:2:3: error LZ271: the header '数值（元）' gives the figures in 元, but indicator "
        "5.1 counts its amount in 10k yuan"
    )


@pytest.mark.parametrize(
    ("header", "cell"),
    [("数值（万元）", "850"), ("数值（元）", "—"), ("数值（元）", ""), ("数值（件）", "850")],
    ids=["the-plans-unit", "not-carried-out", "blank", "not-money"],
)
def test_a_value_header_unit_that_changes_no_figure_is_accepted(header: str, cell: str) -> None:
    document = check("2024.csv", f"指标,责任单位,{header},笔数\n5.1,县财政局,{cell},3\n")
    assert "LZ271" not in warning_codes(document)


@pytest.mark.parametrize("units", [",,元,笔", ",,（元）,（笔）", "单位：,,元,笔", ",,亿元,"])
def test_money_in_another_scale_in_a_units_row_is_refused_on_each_money_row(units: str) -> None:
    Path("2024.csv").write_text(
        f"指标,责任单位,数值,笔数\n{units}\n1.1,县林业局,2,\n5.1,县财政局,8500000,3\n",
        encoding="utf-8",
    )
    result = run_lzip("check", "2024.csv")
    assert result.exit_code == 2
    unit = "亿元" if "亿元" in units else "元"
    assert result.stderr == (
        f"2024.csv:4:3: 错误 LZ271: 第 2 行的单位行写明数值以 {unit} 计，而指标 5.1 的金额以 "
        "万元 计，数值会差几个数量级：请把数值换算为 万元 后填写，并把单位行改为 万元\n"
    )  # 1.1's 2 起 under the same units row is no amount of money: not refused


def test_money_in_another_scale_in_a_units_row_in_english() -> None:
    Path("2024.csv").write_text(
        "指标,责任单位,数值,笔数\n,,元,笔\n5.1,县财政局,8500000,3\n", encoding="utf-8"
    )
    result = run_lzip("check", "2024.csv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "2024.csv:3:3: error LZ271: the units row (row 2) gives the figures in 元, but indicator "
        "5.1 counts its amount in 10k yuan"
    )


@pytest.mark.parametrize(
    "units",
    [",,万元,笔", ",,,笔", ",,(万元),(笔)"],
    ids=["the-plans-unit", "count-only", "brackets"],
)
def test_a_units_row_in_the_plans_scale_is_read_past(units: str) -> None:
    document = check("2024.csv", f"指标,责任单位,数值,笔数\n{units}\n5.1,县财政局,850,3\n")
    assert "LZ271" not in warning_codes(document)
    assert indicator(document, "5.1")["actual"] == 850


def test_money_in_another_scale_in_the_xlsx_value_header_is_refused() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标", "责任单位", "数值（元）", "笔数"])
    sheet.append(["5.1", "县财政局", 8500000, 3])
    book.save("2024.xlsx")
    result = run_lzip("check", "2024.xlsx")
    assert result.exit_code == 2
    assert result.stderr.startswith("2024.xlsx:2:3: 错误 LZ271: C2: 表头 '数值（元）'")


@pytest.mark.parametrize(
    ("row", "indicator_id", "expected"),
    [
        ("1.1,,3 cases,", "1.1", (3, None)),
        ("1.1,,3 Cases,", "1.1", (3, None)),
        ("4.3,,1700 trademarks,", "4.3", (1700, None)),
        ("5.1,,850 10k yuan,3 deals", "5.1", (850, 3)),
    ],
)
def test_a_figure_may_carry_the_english_unit_the_english_form_shows(
    row: str, indicator_id: str, expected: tuple[int, int | None]
) -> None:
    document = check("2024.csv", f"indicator,agency,value,count\n{row}\n")
    entry = indicator(document, indicator_id)
    assert (entry["actual"], entry.get("count")) == expected


def test_a_figure_in_another_unit_names_the_units_in_the_language_of_the_run() -> None:
    Path("2024.csv").write_text("indicator,agency,value\n4.3,,1700 items\n", encoding="utf-8")
    zh, en = run_lzip("check", "2024.csv"), run_lzip("check", "2024.csv", "--lang", "en")
    assert "（可带单位 件）" in zh.stderr
    assert "(optionally with 件/trademarks)" in en.stderr
