"""Last year's form filled in again, with a column added for this year.

An office takes last year's returned form, keeps last year's figures and adds a column for this
year: the report has two value columns, each naming its year (``2023年完成值``,
``2024年完成值``). lzip reads the column of the report's year, told as always (``--year``, the
file or folder name, the 年度 column, the other files of the report), and passes over the
others with warning LZ255. Each case runs the real ``lzip check`` and asserts the figures judged,
or the exit code, the location and the words of the error, as the user reads them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import Result

from helpers import run_lzip

TWO_YEARS = "指标,责任单位,2023年完成值,2024年完成值\n4.3,,1500,1652\n1.1,县林业局,3,5\n"


pytestmark = pytest.mark.usefixtures("in_tmp")  # problems name files relative to it


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("gbk"))  # as Excel on Chinese Windows saves
    return path


def check_json(*args: str | Path) -> dict[str, Any]:
    result = run_lzip("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def county(document: dict[str, Any], indicator: str, field: str = "actual") -> object:
    return next(i[field] for i in document["indicators"] if i["id"] == indicator)


def forestry(document: dict[str, Any], indicator: str) -> object:
    agency = next(a for a in document["agencies"] if a["id"] == "forestry")
    return next(r["own"] for r in agency["rows"] if r["indicator"] == indicator)


def warnings(document: dict[str, Any]) -> list[tuple[str, int | None, int | None, str]]:
    return [(w["code"], w["line"], w["column"], w["message"]) for w in document["warnings"]]


def error_lines(result: Result) -> list[str]:
    assert result.exit_code == 2, result.output + result.stderr
    assert result.stdout == ""
    return [line for line in result.stderr.splitlines() if " LZ" in line]


def workbook(name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(name)
    return Path(name)


# --- the column of the report's year is read ---------------------------------------------------


def test_the_file_names_year_chooses_the_column() -> None:
    document = check_json(write("2024.csv", TWO_YEARS))
    assert document["year"] == 2024
    assert county(document, "4.3") == 1652
    assert forestry(document, "1.1") == 5


def test_the_column_passed_over_is_named_with_the_column_read() -> None:
    document = check_json(write("2024.csv", TWO_YEARS))
    assert warnings(document) == [
        (
            "LZ255",
            1,
            3,
            "已跳过 '2023年完成值' 列：报表年度为 2024 年，读取的是第 4 列 '2024年完成值'",
        )
    ]


def test_the_warning_in_english() -> None:
    document = check_json(write("2024.csv", TWO_YEARS), "--lang", "en")
    assert warnings(document)[0][3] == (
        "column '2023年完成值' is passed over: the report is for 2024, so column 4 "
        "'2024年完成值' is read"
    )


def test_the_year_option_chooses_the_column() -> None:
    document = check_json(write("鹿寨县知识产权指标填报表.csv", TWO_YEARS), "--year", "2023")
    assert (document["year"], county(document, "4.3")) == (2023, 1500)
    assert warnings(document)[0][:3] == ("LZ255", 1, 4)  # 2024年完成值 passed over


def test_the_year_option_wins_over_the_name_here_too() -> None:
    document = check_json(write("2024.csv", TWO_YEARS), "--year", "2023")
    assert county(document, "4.3") == 1500
    assert [w[0] for w in warnings(document)] == ["LZ245", "LZ255"]


def test_the_year_column_chooses_the_column() -> None:
    text = "指标,责任单位,年度,2023年完成值,2024年完成值\n4.3,,2024,1500,1652\n"
    document = check_json(write("知识产权指标填报表.csv", text))
    assert (document["year"], county(document, "4.3")) == (2024, 1652)
    assert warnings(document)[0][:3] == ("LZ255", 1, 4)


def test_the_year_of_the_folder_chooses_the_column() -> None:
    write("2024/县知识产权局.csv", TWO_YEARS)
    document = check_json("2024")
    assert (document["year"], county(document, "4.3")) == (2024, 1652)


def test_the_year_of_the_other_files_chooses_the_column() -> None:
    # returns/ names no year; the forestry bureau's 2023.csv does, and the report is for 2023
    write("returns/县知识产权局.csv", "指标,责任单位,2023年完成值,2024年完成值\n4.3,,1500,1652\n")
    write("returns/2023.csv", "指标,责任单位,数值\n1.1,县林业局,3\n")
    document = check_json("returns")
    assert (document["year"], county(document, "4.3")) == (2023, 1500)
    assert warnings(document)[0][:3] == ("LZ255", 1, 4)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("完成值（2023年）", "完成值（2024年）"),
        ("数值(2023)", "数值(2024)"),
        ("2023完成值", "2024完成值"),
        ("2023年度数值（件）", "2024年完成值"),
    ],
)
def test_every_way_of_writing_a_year_in_a_header(old: str, new: str) -> None:
    document = check_json(write("2024.csv", f"指标,责任单位,{old},{new}\n4.3,,1500,1652\n"))
    assert county(document, "4.3") == 1652


def test_every_column_passed_over_has_its_warning() -> None:
    text = "指标,责任单位,2022年完成值,2023年完成值,2024年完成值\n4.3,,1409,1500,1652\n"
    document = check_json(write("2024.csv", text))
    assert county(document, "4.3") == 1652
    assert [w[:3] for w in warnings(document)] == [("LZ255", 1, 3), ("LZ255", 1, 4)]


def test_the_column_passed_over_is_not_read() -> None:
    # last year's column may hold anything: it is not this year's figure
    text = "指标,责任单位,2023年完成值,2024年完成值\n4.3,,见附件,1652\n1.1,县林业局,-3,5\n"
    document = check_json(write("2024.csv", text))
    assert county(document, "4.3") == 1652


def test_an_error_in_the_column_read_is_located_in_it() -> None:
    text = "指标,责任单位,2023年完成值,2024年完成值\n4.3,,1500,十七\n"
    (line,) = error_lines(run_lzip("check", write("2024.csv", text)))
    assert line.startswith("2024.csv:2:4: 错误 LZ218: '十七' 不是数值")


# --- counts of the financing indicators ---------------------------------------------------------


def test_the_count_column_of_the_years_is_chosen_too() -> None:
    text = "指标,责任单位,数值,2023年笔数,2024年笔数\n5.1,,1200,3,4\n"
    document = check_json(write("2024.csv", text))
    assert (county(document, "5.1"), county(document, "5.1", "count")) == (1200, 4)
    assert warnings(document) == [
        (
            "LZ255",
            1,
            4,
            "已跳过 '2023年笔数' 列：报表年度为 2024 年，读取的是第 5 列 '2024年笔数'",
        )
    ]


def test_amount_and_count_both_by_year() -> None:
    text = "指标,责任单位,2023年完成值,2024年完成值,2023年笔数,2024年笔数\n5.1,,1000,1200,3,4\n"
    document = check_json(write("2023.csv", text))
    assert (county(document, "5.1"), county(document, "5.1", "count")) == (1000, 3)
    assert [w[:3] for w in warnings(document)] == [("LZ255", 1, 4), ("LZ255", 1, 6)]


def test_the_value_headers_year_chooses_the_count_column() -> None:
    text = "指标,责任单位,2024年完成值,2023年笔数,2024年笔数\n5.1,,1200,3,4\n"
    document = check_json(write("鹿寨县知识产权指标填报表.csv", text))
    assert (document["year"], county(document, "5.1", "count")) == (2024, 4)


# --- when the year cannot be told, or no column is the year's -----------------------------------


def test_headers_alone_do_not_tell_the_year() -> None:
    (line,) = error_lines(run_lzip("check", write("知识产权指标填报表.csv", TWO_YEARS)))
    assert line == (
        "知识产权指标填报表.csv:1:3: 错误 LZ214: 无法确定报表年度：表头 '2023年完成值'、"
        "'2024年完成值' 各写一个年份（2023、2024）。请用 --year 指定报表年度，读取该年的一列"
        "（如 --year 2024）"
    )


def test_headers_alone_do_not_tell_the_year_in_english() -> None:
    result = run_lzip("check", write("知识产权指标填报表.csv", TWO_YEARS), "--lang", "en")
    (line,) = error_lines(result)
    assert line == (
        "知识产权指标填报表.csv:1:3: error LZ214: cannot tell the report's year: the headers "
        "'2023年完成值', '2024年完成值' each name a year (2023, 2024); pass --year to choose "
        "the year whose column is read (--year 2024)"
    )


def test_no_column_names_the_reports_year() -> None:
    text = "指标,责任单位,2022年完成值,2023年完成值\n4.3,,1409,1500\n"
    (line,) = error_lines(run_lzip("check", write("填报表.csv", text), "--year", "2024"))
    assert line == (
        "填报表.csv:1:3: 错误 LZ215: 表头 '2022年完成值'、'2023年完成值' 各写一个年份"
        "（2022、2023），没有一列是报表年度 2024 年：请核对报表年度（--year、文件名、年度列），"
        "或补上 2024 年的列"
    )


def test_no_count_column_names_the_reports_year() -> None:
    text = "指标,责任单位,2023年完成值,2024年完成值,2022年笔数,2023年笔数\n5.1,,1000,1200,3,4\n"
    result = run_lzip("check", write("2024.csv", text), "--lang", "en")
    (line,) = error_lines(result)
    assert line.startswith(
        "2024.csv:1:5: error LZ215: the headers '2022年笔数', '2023年笔数' each name a year "
        "(2022, 2023), none the report's year 2024"
    )


def test_no_column_names_the_year_of_the_other_files_which_are_named() -> None:
    # returns/ names no year; the forestry bureau's form is for 2024, the IP office sent last
    # year's form again without a column for this year
    text = "指标,责任单位,2022年完成值,2023年完成值\n4.3,,1409,1500\n"
    write("returns/县知识产权局.csv", text)
    write("returns/2024年县林业局.csv", "指标,责任单位,数值\n1.1,县林业局,3\n")
    (line,) = error_lines(run_lzip("check", "returns"))
    assert line == (
        f"{Path('returns/县知识产权局.csv')}:1:3: 错误 LZ215: 各报表文件的年度不一致："
        f"{Path('returns/2024年县林业局.csv')} 为 2024 年，本文件的表头 '2022年完成值'、"
        "'2023年完成值' 各写一个年份（2022、2023），没有一列是 2024 年：请核对本文件的年度，"
        "或补上 2024 年的列"
    )


def test_no_column_names_the_year_of_the_other_files_in_english() -> None:
    write("returns/县知识产权局.csv", "指标,责任单位,2022年完成值,2023年完成值\n4.3,,1409,1500\n")
    write("returns/2024年县林业局.csv", "指标,责任单位,数值\n1.1,县林业局,3\n")
    (line,) = error_lines(run_lzip("check", "returns", "--lang", "en"))
    assert line == (
        f"{Path('returns/县知识产权局.csv')}:1:3: error LZ215: the report files are for "
        f"different years: {Path('returns/2024年县林业局.csv')} is for 2024, while this file's "
        "headers '2022年完成值', '2023年完成值' each name another year (2022, 2023): check this "
        "file's year or add a column for 2024"
    )


def test_a_file_read_after_the_others_reports_its_errors() -> None:
    write("returns/县知识产权局.csv", "指标,责任单位,2023年完成值,2024年完成值\n4.3,,十五,1652\n")
    write("returns/2023.csv", "指标,责任单位,数值\n1.1,县林业局,3\n")
    (line,) = error_lines(run_lzip("check", "returns"))
    assert line.startswith(str(Path("returns/县知识产权局.csv")) + ":2:3: 错误 LZ218: '十五'")


# --- workbooks ----------------------------------------------------------------------------------


def test_a_workbook_reads_the_column_of_its_year() -> None:
    rows: list[list[object]] = [
        ["鹿寨县2024年知识产权强县建设指标填报表"],
        ["指标", "责任单位", "2023年完成值", "2024年完成值"],
        ["4.3", None, 1500, 1652],
    ]
    document = check_json(workbook("2024.xlsx", rows))
    assert county(document, "4.3") == 1652
    assert warnings(document)[0][:3] == ("LZ255", 2, 3)


def test_a_workbook_names_the_cell_of_the_column_passed_over() -> None:
    rows: list[list[object]] = [["指标", "责任单位", "2023年完成值", "2024年完成值"]]
    book = workbook("2024.xlsx", [*rows, ["4.3", None, 1500, 1652]])
    result = run_lzip("check", book)
    assert "2024.xlsx:1:3: 警告 LZ255: C1: 已跳过 '2023年完成值' 列" in result.stdout


def test_a_workbook_whose_year_cannot_be_told() -> None:
    rows: list[list[object]] = [["序号", "指标", "2023年完成值", "2024年完成值"]]
    book = workbook("填报表.xlsx", [*rows, [1, "4.3", 1500, 1652]])
    (line,) = error_lines(run_lzip("check", book))
    assert line.startswith("填报表.xlsx:1:3: 错误 LZ214: C1: 无法确定报表年度")


#: Rows of three years in the year column, and what LZ213 says to keep.
MIXED_YEARS = (
    "年度,指标,责任单位,数值\n2024,1.1,县林业局,2\n2025,1.1,县知识产权局,9\n2023,6.1,县教育局,1\n"
)


@pytest.mark.parametrize(
    ("name", "options", "kept"),
    [
        ("report.csv", ("--year", "2023"), "the report is of 2023: keep its 2023 rows only"),
        ("2025.csv", (), "the report is of 2025: keep its 2025 rows only"),
        ("report.csv", (), "a report is of one year: keep the rows of the report's year only"),
    ],
)
def test_rows_of_several_years_name_every_year_and_the_one_to_keep(
    name: str, options: tuple[str, ...], kept: str
) -> None:
    write(name, MIXED_YEARS)
    result = run_lzip("check", name, *options, "--lang", "en")
    assert result.exit_code == 2
    assert "the year column holds different years (2024, 2025, 2023)" in result.stderr
    assert kept in result.stderr
