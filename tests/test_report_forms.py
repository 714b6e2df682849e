"""Report forms as the agencies send them back: the headers, separators and marks they use.

Each test runs ``lzip check --format json`` on a form written byte for byte as Excel, WPS or a
text editor saves it, and asserts what was read: whose figure each is, and what lzip warned
about. Forms lzip refuses are in ``test_bad_reports.py``.
"""

from __future__ import annotations

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
