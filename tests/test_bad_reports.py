"""Issue 5: a bad report never crashes lzip or changes a file; every error is located.

Each case runs `lzip check` (and `lzip validate` where it matters) on one broken report and
asserts the exit code, the exact location (file:row[:column]) and the words the user reads, in
Chinese (the default) or English. Every run also checks that no input file changed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
HEADER = "指标,责任单位,数值\n"


pytestmark = pytest.mark.usefixtures("in_tmp")  # messages name files as the user typed them


def write(name: str, content: bytes | str) -> Path:
    path = Path(name)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def check(path: Path, *options: str) -> Result:
    return run_lzip("check", str(path), "--format", "json", *options, inputs=[path])


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if " LZ" in line]


def assert_error(result: Result, where: str, code: str, *words: str, exit_code: int = 2) -> str:
    """The run failed with ``exit_code`` and an error ``code`` located exactly at ``where``."""
    assert result.exit_code == exit_code, result.output + result.stderr
    assert result.stdout == ""
    lines = [line for line in errors(result) if line.startswith(f"{where}: ") and code in line]
    assert lines, result.stderr
    matching = [line for line in lines if all(word in line for word in words)]
    assert matching, (words, lines)
    return matching[0]


# --- empty and almost empty ------------------------------------------------------------------


def test_empty_file() -> None:
    result = check(write("2024.csv", b""))
    assert_error(result, "2024.csv", "LZ201", "报表为空", "没有表头行")


def test_empty_file_in_english() -> None:
    result = check(write("2024.csv", b""), "--lang", "en")
    assert_error(result, "2024.csv", "LZ201", "error", "the report is empty: no header row")


def test_header_without_rows() -> None:
    result = check(write("2024.csv", HEADER + ",,\n"))
    assert_error(result, "2024.csv:1", "LZ250", "只有表头", "没有数据行")


def test_header_without_rows_validate_in_english() -> None:
    path = write("2024.csv", HEADER)
    result = run_lzip("validate", str(path), "--lang", "en", inputs=[path])
    assert result.exit_code == 1
    assert "2024.csv:1: error LZ250: the report has a header but no data rows" in result.stderr


# --- columns ---------------------------------------------------------------------------------


def test_missing_required_column() -> None:
    result = check(write("2024.csv", "指标,责任单位\n1.1,县林业局\n"))
    assert_error(result, "2024.csv:1", "LZ208", "缺少必需的列 value / 数值")


def test_missing_both_required_columns_are_both_reported() -> None:
    result = check(write("2024.csv", "a,b\n1,2\n"), "--lang", "en")
    assert_error(result, "2024.csv:1", "LZ208", "required column indicator / 指标 is missing")
    assert_error(result, "2024.csv:1", "LZ208", "required column value / 数值 is missing")


def test_a_missing_column_lists_the_english_headers_too_in_english() -> None:
    result = check(write("2024.csv", "指标,金额\n1.1,3\n"), "--lang", "en")
    assert_error(
        result,
        "2024.csv:1",
        "LZ208",
        "(headers not recognised: 金额; headers it may have: value, 数值, 完成值,",
    )


def test_an_error_below_a_two_row_header_names_its_row() -> None:
    text = "鹿寨县2024年知识产权指标完成情况表,,,\n指标,责任单位,完成情况,\n,,数值,笔数\n"
    result = check(write("2024.csv", text + "4.3,,1652,\n5.1,县财政局,三百,4\n"))
    assert_error(result, "2024.csv:5:3", "LZ218", "'三百' 不是数值")


def test_a_column_twice_in_the_second_row_of_a_header_names_that_row() -> None:
    result = check(write("2024.csv", "指标,责任单位,完成情况,\n,,数值,完成值\n4.3,,1652,\n"))
    assert_error(result, "2024.csv:2:4", "LZ207", "'完成值'", "第 3 列")


def test_a_running_number_is_no_indicator_column() -> None:
    result = check(write("2024.csv", "序号,责任单位,数值\n1,县林业局,3\n"))
    assert_error(result, "2024.csv:1", "LZ208", "缺少必需的列 indicator / 指标")


def test_two_columns_of_indicator_names_without_an_id_column() -> None:
    result = check(write("2024.csv", "指标名称,指标内容,数值\n有效注册商标拥有量,,1652\n"))
    assert_error(result, "2024.csv:1:2", "LZ207", "'指标内容'", "第 1 列")


def test_two_columns_with_the_same_meaning() -> None:
    result = check(write("2024.csv", "指标,value,数值\n1.1,3,4\n"))
    assert_error(result, "2024.csv:1:3", "LZ207", "'数值'", "第 2 列", "value")


def test_two_columns_with_the_same_meaning_in_english() -> None:
    result = check(write("2024.csv", "indicator,value,数值\n1.1,3,4\n"), "--lang", "en")
    assert_error(result, "2024.csv:1:3", "LZ207", "column '数值' means the same as column 2")


def test_a_title_naming_another_year_than_the_name_is_last_years_form() -> None:
    text = "鹿寨县2023年度知识产权量化指标完成情况填报表,,\n指标,责任单位,数值\n4.3,,1500\n"
    result = check(write("鹿寨县2024年报表.csv", text))
    assert_error(
        result, "鹿寨县2024年报表.csv:1:1", "LZ215", "标题写的是 2023 年度，而报表年度为 2024 年"
    )


def test_a_title_naming_another_year_than_year_option_in_english() -> None:
    text = ",鹿寨县2023年度填报表,\n指标,责任单位,数值\n4.3,,1500\n"
    result = check(write("report.csv", text), "--year", "2024", "--lang", "en")
    assert_error(
        result,
        "report.csv:1:2",
        "LZ215",
        "the title names 2023, but the report is for 2024: if last year's form was reused, "
        "check the figures and correct the title",
    )


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("指标,指标名称,责任单位,数值", "查处假冒知识产权行政案件"),  # lzip's own form
        ("指标编号,指标内容,责任单位,数值", "Administrative cases of counterfeit IP investigated"),
    ],
)
def test_an_indicators_id_beside_another_indicators_name(header: str, name: str) -> None:
    # Whether the 4 is 1.1's or 1.2's cannot be told: the row is refused, not guessed.
    text = f"{header}\n1.1,查处假冒知识产权行政案件,县林业局,3\n1.2,{name},县知识产权局,4\n"
    result = check(write("2024.csv", text))
    assert_error(result, "2024.csv:3:2", "LZ262", f"'{name}' 是指标 1.1 的名称", "本行的指标是 1.2")
    assert len(errors(result)) == 1


def test_an_indicators_id_beside_another_indicators_name_in_english() -> None:
    text = "指标,指标名称,数值\n4.3,专利质押融资金额,1652\n"
    result = check(write("2024.csv", text), "--lang", "en")
    assert_error(
        result,
        "2024.csv:2:2",
        "LZ262",
        "the indicator name '专利质押融资金额' is the name of indicator 5.1, but the row's "
        "indicator is 4.3 (Valid registered trademarks held): which one the figure is for cannot be "
        "told, correct one of them",
    )


@pytest.mark.parametrize(
    ("text", "where", "cell"),
    [
        ("指标,责任科室,数值\n1.1,县林业局,3\n1.1,县农业农村局,4\n", "2024.csv:2:2", "'县林业局'"),
        ("指标,数值,科室\n4.3,1652,\n1.1,3,林业局\n", "2024.csv:3:3", "'林业局'"),  # an alias
        ("指标,数值,科室\n1.1,3,forestry\n", "2024.csv:2:3", "'forestry'"),  # an agency id
    ],
    ids=["name", "alias", "id"],
)
def test_agencies_under_an_unknown_header_stop_the_report(text: str, where: str, cell: str) -> None:
    # Read without an agency column, each row would be taken as the county's figure.
    result = check(write("2024.csv", text))
    assert_error(result, where, "LZ260", cell, "无法识别", "请把该列表头改为“责任单位”")
    assert len(errors(result)) == 1  # and no duplicated county row (LZ210) after it


def test_agencies_under_an_unknown_header_in_english() -> None:
    result = check(write("2024.csv", "指标,责任科室,数值\n1.1,县林业局,3\n"), "--lang", "en")
    assert_error(
        result,
        "2024.csv:2:2",
        "LZ260",
        "'县林业局' is an agency, but lzip does not know its column's header '责任科室'",
        "head the column 责任单位",
    )


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        # (rows as Excel shows them, which hides the sep= line; a broken text at its file line)
        ("sep=;\r\n指标;责任单位;数值\r\n1.1;县林业局;abc\r\n", "2024.csv:2:3", "LZ218"),
        ('sep=;\r\n指标;责任单位;数值\r\n1.1;县林业局;"3\r\n', "2024.csv:3", "LZ206"),
        ("sep=;\r\n指标;数值\r\n", "2024.csv:1", "LZ250"),
    ],
    ids=["cell", "unclosed-quote", "header-only"],
)
def test_errors_below_excels_sep_line_name_the_row_as_excel_shows_it(
    text: str, where: str, code: str
) -> None:
    assert_error(check(write("2024.csv", text)), where, code)


# --- not text, not a known encoding -----------------------------------------------------------


def test_binary_garbage() -> None:
    garbage = bytes(range(256)) * 8
    result = check(write("2024.csv", garbage))
    assert_error(result, "2024.csv:1", "LZ204", "NUL 字节", "不是文本文件")


def test_binary_garbage_without_nul_bytes() -> None:
    garbage = bytes(b for b in range(128, 256)) * 8
    result = check(write("2024.csv", garbage), "--lang", "en")
    assert_error(result, "2024.csv:1", "LZ203", "neither UTF-8 nor GBK")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "row",
    [
        "1.1,县林业局,3\n",
        # 开 (U+5F00) and 一 (U+4E00) put a NUL byte where the ASCII characters have none
        "5.3,县知识产权局,未开展\n",
        "1.1,县林业局,3,统一执法\n",
    ],
)
def test_utf16_without_bom_is_refused(encoding: str, row: str) -> None:
    result = check(write("2024.csv", (HEADER + row).encode(encoding)))
    assert_error(result, "2024.csv:1", "LZ203", "UTF-16", "CSV UTF-8")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_excel_unicode_text_is_read(bom: bytes) -> None:
    # Excel's "Unicode 文本" (and a PowerShell 5 redirection): UTF-16 with a BOM, tab-separated,
    # CRLF line ends; read as the same report saved as CSV.
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    rows = csv.reader(EXAMPLE.read_text(encoding="utf-8-sig").splitlines())
    text = "".join("\t".join(cells) + "\r\n" for cells in rows)
    unicode_text = write("2024.txt", bom + text.encode(codec))
    as_csv = run_lzip("check", str(EXAMPLE), "-f", "json", "--lang", "en")
    result = run_lzip("check", str(unicode_text), "-f", "json", "--lang", "en")
    assert result.exit_code == as_csv.exit_code == 1
    assert json.loads(result.stdout)["indicators"] == json.loads(as_csv.stdout)["indicators"]


def test_utf16_cut_off_mid_character_names_the_line() -> None:
    data = (HEADER + "1.1,县林业局,3\n").encode("utf-16") + b"A"
    assert_error(check(write("2024.csv", data), "--lang", "en"), "2024.csv:3", "LZ203")


def test_latin1_text_names_the_line_and_the_byte() -> None:
    text = "indicator,value,note\n1.1,3,ok\n4.3,1652,café\n"
    result = check(write("2024.csv", text.encode("latin-1")), "--lang", "en")
    assert_error(result, "2024.csv:3", "LZ203", "byte 0xE9 is neither UTF-8 nor GBK")


def test_nul_byte_in_a_text_report() -> None:
    result = check(write("2024.csv", HEADER + "1.1,县林业局,3\n4.3,,16\x0052\n"))
    assert_error(result, "2024.csv:3", "LZ204", "NUL")


def test_bad_utf8_after_the_first_mebibyte_is_located() -> None:
    filler = "".join(f"1.1,县林业局,3,note {i:07d}\n" for i in range(40_000))  # > 1 MiB
    rows = HEADER.replace("\n", ",备注\n") + filler
    content = rows.encode() + b"4.3,,1652,\xff\xfe\n"
    line = rows.count("\n") + 1
    result = check(write("2024.csv", content))
    assert_error(result, f"2024.csv:{line}", "LZ203")


# --- CSV structure ---------------------------------------------------------------------------


def test_ragged_row() -> None:
    result = check(write("2024.csv", HEADER + "1.1,县林业局,3\n4.3,,1652,extra,more\n"))
    assert_error(result, "2024.csv:3:4", "LZ209", "本行有 5 个单元格", "表头只有 3 列")


# A CSV typed in Notepad writes 1,652 unquoted: the comma splits the number over two columns.
@pytest.mark.parametrize(
    ("header", "row", "where", "words"),
    [
        # no column after the value: a ragged row, said as the number it was
        ("指标,责任单位,数值", "4.3,,1,652", "2024.csv:2:3", ["1,652", "1652"]),
        # the rest lands in 备注 and would be read as a note: 4.3 would be 1
        ("指标,责任单位,数值,备注", "4.3,,1,652", "2024.csv:2:3", ["1,652", "1652"]),
        # two separators: 1 万元, 234 笔 and a note of 567
        ("指标,责任单位,数值,笔数,备注", "5.1,县财政局,1,234,567", "2024.csv:2:3", ["1,234,567"]),
        # decimals and a unit after the last group
        ("指标,责任单位,数值,备注", "5.1,县财政局,1,234.5万元", "2024.csv:2:3", ["1,234.5万元"]),
        # lzip's form, typed into in Notepad: 200 lands in the count, the count 3 in 备注 and
        # the empty 备注 past the header (the row is one cell wider)
        (
            "年度,指标,指标名称,计量单位,责任单位,数值,笔数/件数,备注",
            "2024,5.1,专利质押融资金额,万元/笔,,1,200,3,",
            "2024.csv:2:6",
            ["1,200"],
        ),
        # Excel's keep-as-text apostrophe before the number: read past, as in any figure
        ("指标,责任单位,数值,笔数,备注", "4.3,,'1,652,,", "2024.csv:2:3", ["1,652"]),
    ],
)
def test_a_number_split_by_an_unquoted_thousands_separator(
    header: str, row: str, where: str, words: list[str]
) -> None:
    result = check(write("2024.csv", f"{header}\n{row}\n"))
    assert_error(result, where, "LZ258", "千分位", *words)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # reading 2023's column: 150 is 2024's figure in a column of its own, not 12,150
        ("2023.csv", "指标,责任单位,2023年完成值,2024年完成值\n1.1,县知识产权局,12,150\n"),
        # 150 is last year's count, in a column of its own
        ("2024.csv", "指标,责任单位,数值,2023年笔数,2024年笔数\n5.4,县财政局,45,150,3\n"),
        # tab-separated text: a comma cannot split a cell
        ("2024.txt", "指标\t责任单位\t数值\t笔数\n5.4\t县财政局\t45\t150\n"),
        # a note that starts with three digits, not a number's last group
        ("2024.csv", "指标,责任单位,数值,备注\n6.1,县教育局,1,120人次参训\n"),
    ],
)
def test_figures_in_columns_of_their_own_are_not_a_split_number(name: str, text: str) -> None:
    result = check(write(name, text))
    assert result.exit_code in (0, 1), result.stderr
    codes = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert "LZ258" not in result.stderr and "LZ259" not in codes


def test_a_split_number_in_the_column_passed_over_is_said_in_a_row_too_wide() -> None:
    # 2023's 1,409 typed unquoted: the row is one cell wider than the header
    text = "指标,责任单位,2023年完成值,2024年完成值,备注\n4.3,,1,409,1652,截至年底\n"
    assert_error(check(write("2024.csv", text)), "2024.csv:2:3", "LZ258", "1,409")


def test_a_row_shorter_than_the_indicators_column_is_no_split_number() -> None:
    # the indicator's column comes last; the totals row 合计,1,652 stops before it
    text = "序号,数值,笔数,指标,责任单位\n1,850,3,5.1,县财政局\n合计,1,652\n"
    result = check(write("2024.csv", text))
    assert result.exit_code in (0, 1), result.stderr
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == ["LZ248"]


def test_a_split_thousands_number_in_english() -> None:
    result = check(write("2024.csv", "指标,责任单位,数值,备注\n4.3,,1,652\n"), "--lang", "en")
    assert_error(result, "2024.csv:2:3", "LZ258", "thousands separator", '"1,652"')


def test_amount_and_count_that_may_be_a_split_number_are_read_with_a_warning() -> None:
    # 45 万元 in 150 笔 may be right: read as written, but said
    result = check(write("2024.csv", "指标,责任单位,数值,笔数\n5.4,县财政局,45,150\n"))
    assert result.exit_code in (0, 1), result.stderr
    warning = next(w for w in json.loads(result.stdout)["warnings"] if w["code"] == "LZ259")
    assert (warning["line"], warning["column"]) == (2, 3)
    assert "45,150万元" in warning["message"]
    row = next(i for i in json.loads(result.stdout)["indicators"] if i["id"] == "5.4")
    assert (row["actual"], row["count"]) == (45, 150)


@pytest.mark.parametrize("cell", ["0", "'0"])
def test_a_decimal_comma_split_over_two_columns_is_said_as_one(cell: str) -> None:
    # 0,700 万元 is 0.7 written with a decimal comma, never a thousands grouping (quoted, LZ218)
    result = check(write("2024.csv", f"指标,责任单位,数值,备注\n5.1,县财政局,{cell},700,\n"))
    assert_error(result, "2024.csv:2:3", "LZ258", "小数点", "0.700")
    assert "0700" not in result.stderr and '"0,700"' not in result.stderr


def test_a_split_zero_of_a_whole_number_indicator_is_no_decimal_comma() -> None:
    # 1.1 counts cases: 0.700 would be refused (LZ228), so it is said as one number split
    result = check(
        write("2024.csv", "指标,责任单位,数值,备注\n1.1,县林业局,0,700\n"), "--lang", "en"
    )
    assert_error(result, "2024.csv:2:3", "LZ258", "split by the CSV's comma")
    assert "0.700" not in result.stderr and "0700" not in result.stderr


def test_a_decimal_comma_beside_a_count_is_said_as_a_decimal_comma() -> None:
    # 0 万元 in 700 笔 may be 0.7 万元 typed with a decimal comma, not 0,700 with a thousands one
    result = check(write("2024.csv", "指标,责任单位,数值,笔数\n5.1,县财政局,0,700\n"))
    assert result.exit_code in (0, 1), result.stderr
    [warning] = [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "LZ259"]
    assert "小数点" in warning["message"] and "0.700" in warning["message"]
    assert "千分位" not in warning["message"]


def test_an_apostrophe_before_an_amount_and_count_that_may_be_a_split_number() -> None:
    # Excel's keep-as-text mark is read past here too: 1 万元 in 200 笔, and a note of 3
    text = "指标,责任单位,数值,笔数,备注\n5.1,县财政局,'1,200,3\n"
    result = check(write("2024.csv", text))
    assert result.exit_code in (0, 1), result.stderr
    warning = next(w for w in json.loads(result.stdout)["warnings"] if w["code"] == "LZ259")
    assert (warning["line"], warning["column"]) == (2, 3)
    assert "1,200万元" in warning["message"]


@pytest.mark.parametrize(
    "row",
    ["5.4,县财政局,45,150,", "5.4,县财政局,45,150,已核实,"],
    ids=["no note", "a note in words"],
)
def test_a_trailing_comma_alone_does_not_make_amount_and_count_a_split_number(row: str) -> None:
    result = check(write("2024.csv", f"指标,责任单位,数值,笔数,备注\n{row}\n"))
    assert result.exit_code in (0, 1), result.stderr
    codes = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert "LZ259" in codes and "LZ258" not in result.stderr


@pytest.mark.parametrize(
    "row",
    [
        "4.3,,1652,",  # four digits before: not a thousands group
        "5.1,县财政局,1200,30",  # a count of two digits
        '5.1,县财政局,"1,234",3',  # quoted, as Excel writes it
    ],
)
def test_numbers_that_are_not_split_pass(row: str) -> None:
    result = check(write("2024.csv", f"指标,责任单位,数值,笔数\n{row}\n"))
    assert result.exit_code in (0, 1), result.stderr
    assert not [w for w in json.loads(result.stdout)["warnings"] if w["code"] in ("LZ258", "LZ259")]


def test_unterminated_quote_is_located_where_it_opens() -> None:
    text = HEADER + '1.1,县林业局,3\n4.3,,"1652\n7.1,,6\n8.1,,4\n'
    result = check(write("2024.csv", text), "--lang", "en")
    assert_error(result, "2024.csv:3", "LZ206", "unclosed quote")


def test_stray_quote_after_a_quoted_cell() -> None:
    result = check(write("2024.csv", HEADER + '1.1,县林业局,3\n4.3,,"1652"件\n'))
    assert_error(result, "2024.csv:3", "LZ206", "CSV 格式错误", "引号要写成两个")


def test_one_mebibyte_cell_on_one_line() -> None:
    result = check(write("2024.csv", HEADER + "1.1,县林业局," + "9" * (1 << 20) + "\n"))
    assert_error(result, "2024.csv:2", "LZ205", "1 MiB")


def test_long_quoted_cell_over_several_lines() -> None:
    cell = '"' + ("x" * 1000 + "\n") * 100 + '"'
    result = check(write("2024.csv", HEADER + "1.1,县林业局,3\n4.3,," + cell + "\n"))
    assert_error(result, "2024.csv:3", "LZ206", "单元格过长", "65,536")


@pytest.fixture(scope="session")
def junk_100mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 MB of 'x' on one line, written once per session without holding it in memory."""
    path = tmp_path_factory.mktemp("junk") / "2024.csv"
    block = b"x" * (1 << 20)
    with path.open("wb") as handle:
        for _ in range(100):
            handle.write(block)
    return path


def test_100mb_of_junk_fails_with_a_located_error(junk_100mb: Path) -> None:
    result = check(junk_100mb)
    assert result.exit_code == 2
    assert re.search(r"2024\.csv:1: 错误 LZ205: 行过长", result.stderr), result.stderr


def test_100mb_of_junk_is_not_read_into_memory(junk_100mb: Path) -> None:
    # Peak memory of a separate process: far below the file's size. VmHWM (Linux) is the
    # process's own high-water mark; ru_maxrss would include the parent's from before exec.
    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc")
    script = (
        "import re, sys\n"
        "from lzip_cli.cli import main\n"
        f"sys.argv = ['lzip', 'validate', {str(junk_100mb)!r}]\n"
        "try:\n    main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "status = open('/proc/self/status').read()\n"
        "print(code, re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    code, peak_kib = done.stdout.splitlines()[-1].split()
    assert code == "2"  # not text lzip can read: unusable, not merely invalid
    assert "LZ205" in done.stderr
    assert int(peak_kib) < 60 * 1024, f"peak {int(peak_kib) // 1024} MiB for a 100 MB file"


# --- paths that are not readable files --------------------------------------------------------


def test_a_directory_without_reports() -> None:
    # A directory is read as one report from its files (see test_report_set.py): here there
    # are none, only what is not a report.
    Path("2024").mkdir()
    Path("2024/说明.docx").write_bytes(b"PK")
    Path("2024/old").mkdir()
    Path("2024/~$县林业局.xlsx").write_bytes(b"lock")
    result = check(Path("2024"))
    assert_error(
        result,
        "2024",
        "LZ254",
        "目录中没有报表文件（.csv、.tsv、.txt、.xlsx、.xlsm、.xls、.et、.ods、.numbers、.xlsb）",
    )


def test_a_missing_path() -> None:
    result = check(Path("2023.csv"), "--lang", "en")
    assert_error(result, "2023.csv", "LZ003", "no such file")


def test_a_missing_path_in_validate_is_exit_2() -> None:
    result = run_lzip("validate", "nowhere/2024.csv")
    assert result.exit_code == 2
    assert "nowhere/2024.csv: 错误 LZ003: 文件不存在" in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "lzip: 错误 LZ280: 不支持从标准输入（-）读取报表：请给出报表的文件名（如 2024.csv）"
            "或所在目录（如 returns/2024/）\n",
        ),
        (
            "en",
            "lzip: error LZ280: reading a report from standard input (-) is not supported: name "
            "the report's file (such as 2024.csv) or its folder (such as returns/2024/)\n",
        ),
    ],
)
def test_a_report_given_as_dash_says_standard_input_is_not_read(lang: str, said: str) -> None:
    # `lzip check - < 2024.csv`, as many tools take it: not "-: no such file".
    result = run_lzip("check", "-", "--lang", lang)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)


def test_a_report_given_as_dash_in_validate_is_exit_2() -> None:
    result = run_lzip("validate", "-", "--lang", "en")
    assert result.exit_code == 2
    assert "lzip: error LZ280: reading a report from standard input (-)" in result.stderr


@pytest.mark.parametrize("name", ["./-", ".//-", "./././-"])
def test_a_file_named_dash_is_read_as_a_report_when_given_as_dot_slash_dash(name: str) -> None:
    Path("-").write_text("指标,责任单位,数值\n1.1,,16\n", encoding="utf-8")
    result = run_lzip("check", name, "--year", "2024", "-f", "json")
    assert result.exit_code == 1  # judged: 1.1 is behind, the rest not reported
    assert "LZ280" not in result.stderr


def test_a_bare_dash_is_refused_even_beside_a_file_named_dash() -> None:
    Path("-").write_text("指标,责任单位,数值\n1.1,,16\n", encoding="utf-8")
    result = run_lzip("check", "-", "--year", "2024")
    assert result.exit_code == 2
    assert "LZ280" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", ""],
        ["check", "examples/2024.csv", "-o", ""],
        ["check", "examples/2024.csv", "--output="],
        ["shortfalls", "examples/2024.csv", "--out", ""],
        ["check", "examples/2024.csv", "--data", ""],
    ],
)
def test_an_empty_argument_is_a_usage_error_not_the_current_folder(args: list[str]) -> None:
    result = run_lzip(*args, "--lang", "en")
    assert result.exit_code == 2
    assert "an argument is empty" in result.stderr
    assert list(Path().iterdir()) == []  # nothing written here


def test_a_report_outside_the_current_directory_is_named_as_given(tmp_path: Path) -> None:
    outside = tmp_path.parent / "elsewhere" / "2024.csv"
    result = run_lzip("check", str(outside))
    assert result.stderr.startswith(f"{outside}: 错误 LZ003")


def test_an_unreadable_file() -> None:
    path = write("2024.csv", HEADER + "1.1,县林业局,3\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        result = check(path)
        assert_error(result, "2024.csv", "LZ004", "无法读取文件", "没有权限")
    finally:
        path.chmod(0o644)


def test_a_file_held_open_by_excel_says_to_close_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows refuses to open a workbook that Excel holds: "Permission denied".
    path = write("2024.csv", HEADER + "1.1,县林业局,3\n")
    real_open = Path.open

    def held_by_excel(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "2024.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", held_by_excel)
    result = check(path)
    assert_error(
        result, "2024.csv", "LZ004", "无法读取文件：没有权限。如文件正在 Excel 或 WPS 中打开"
    )


# --- the wrong kind of file under the right name, and the other way round -----------------------
# lzip reads by content: a workbook named .csv is read as a workbook and a text file named
# .xlsx as CSV, each with a warning that says so. The user meant the figures in the file.


def workbook(name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(name)
    return Path(name)


def test_an_xlsx_named_csv_is_read_as_a_workbook_with_a_warning(tmp_path: Path) -> None:
    book = workbook("book.xlsx", [["指标", "责任单位", "数值"], ["4.3", "", 1652]])
    shutil.move(book, "2024.csv")
    result = check(Path("2024.csv"))
    assert result.exit_code in (0, 1)
    assert "LZ220" in result.stdout and '"actual": 1652' in result.stdout


def test_a_csv_named_xlsx_is_read_as_csv_with_a_warning() -> None:
    path = write("2024.xlsx", HEADER + "4.3,,1652\n")
    result = check(path)
    assert result.exit_code in (0, 1)
    assert "LZ221" in result.stdout and '"actual": 1652' in result.stdout


def test_an_old_xls_workbook() -> None:
    path = write("2024.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert_error(check(path), "2024.xls", "LZ202", ".xls", "另存为 .xlsx")


def ods_file() -> bytes:
    """An OpenDocument spreadsheet's start: a zip whose first entry, stored, is its mimetype."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("2024.ods", ods_file(), "OpenDocument 电子表格（.ods）"),
        ("2024.xlsx", ods_file(), "OpenDocument 电子表格（.ods）"),  # saved as .ods, renamed
        ("2024.numbers", ods_file(), "Numbers 表格（.numbers）"),
        ("2024.xlsb", ods_file(), "Excel 二进制工作簿（.xlsb）"),
        ("2024.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "WPS 表格文件（.et）"),
    ],
    ids=["ods", "ods-renamed-xlsx", "numbers", "xlsb", "wps-et"],
)
def test_a_workbook_lzip_cannot_read_is_named_for_what_it_is(
    name: str, content: bytes, kind: str
) -> None:
    path = write(name, content)
    assert_error(check(path), name, "LZ202", f"这是 {kind}", "另存为 .xlsx")


@pytest.mark.parametrize("suffix", [".ods", ".numbers", ".xlsb"])
def test_an_xlsx_workbook_under_another_workbooks_name_is_read_as_xlsx(suffix: str) -> None:
    book = openpyxl.Workbook()
    for row in (["指标", "数值"], ["4.3", 1652]):
        book.active.append(row)
    book.save("2024" + suffix)
    result = check(Path("2024" + suffix))
    assert result.exit_code in (0, 1), result.stderr
    assert '"actual": 1652' in result.stdout and "LZ220" in result.stdout


def excel_lock_file(user: str) -> bytes:
    """What Excel leaves beside an open workbook (``~$2024.xlsx``): the user's name as a counted
    ANSI string padded with spaces, then again in UTF-16, 165 bytes in all."""
    ansi, wide = user.encode("gbk"), user.encode("utf-16-le")
    data = bytes([len(ansi)]) + ansi + b" " * (53 - len(ansi)) + bytes([len(user), 0]) + wide
    return (data + " ".encode("utf-16-le") * 60)[:165]


@pytest.mark.parametrize("user", ["admin", "张三"])
@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("锁定文件", "请指定工作簿本身")), ("en", ("lock file", "name the workbook itself"))],
)
def test_an_excel_lock_file_named_on_the_command_line_is_called_one(
    user: str, lang: str, words: tuple[str, ...]
) -> None:
    # `lzip check 2024/*.xlsx` while a form is open in Excel names its lock file too: it was
    # called UTF-16 text (LZ203) or a NUL byte (LZ204), which sends the user to save it again.
    write("2024.xlsx", HEADER + "4.3,,1652\n")
    path = write("~$2024.xlsx", excel_lock_file(user))
    line = assert_error(check(path, "--lang", lang), "~$2024.xlsx", "LZ202", *words)
    assert "UTF-16" not in line
    for command in ("check", "validate"):
        result = run_lzip(command, str(path), "--year", "2024")
        assert result.exit_code == 2 and "LZ202" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["._县林业局.xlsx", "._2024.csv"])
@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("macOS", "附属文件", "请指定文件本身")), ("en", ("macOS", "name the file itself"))],
)
def test_a_macos_companion_file_named_on_the_command_line_is_called_one(
    name: str, lang: str, words: tuple[str, ...]
) -> None:
    # A folder read passes ._ files over; `lzip check 2024/*.xlsx` names them: it was a NUL
    # byte (LZ204), a CSV's error, for a file named .xlsx.
    path = write(name, b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(40))
    line = assert_error(check(path, "--year", "2024", "--lang", lang), name, "LZ202", *words)
    assert "NUL" not in line


def test_a_workbook_named_like_a_lock_file_is_still_read() -> None:
    book = workbook("book.xlsx", [["指标", "责任单位", "数值"], ["4.3", "", 1652]])
    shutil.move(book, "~$2024.xlsx")
    result = check(Path("~$2024.xlsx"))
    assert result.exit_code in (0, 1) and '"actual": 1652' in result.stdout


def ole_file(names: list[str], data: bytes = b"") -> bytes:
    """An OLE (compound file) container, as .xls and encrypted .xlsx are: a 512-byte header,
    one sector of 128-byte directory entries named ``names``, then ``data``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors; the directory is sector 0
    entries = bytearray(512)
    for index, entry_name in enumerate(names):
        encoded = entry_name.encode("utf-16-le") + b"\0\0"
        entries[index * 128 : index * 128 + len(encoded)] = encoded
        entries[index * 128 + 64 : index * 128 + 66] = len(encoded).to_bytes(2, "little")
    return bytes(header + entries) + data


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ("设有打开密码", "文件 → 信息 → 保护工作簿 → 用密码进行加密", "清空密码后保存")),
        ("en", ("password-protected", "Encrypt with Password", "clear the password")),
    ],
)
def test_a_password_protected_workbook_is_not_called_an_old_xls(
    lang: str, words: tuple[str, ...]
) -> None:
    # Excel saves a workbook with a password to open as an OLE container, as an .xls is, that
    # holds the encrypted .xlsx: saving it as .xlsx again would not help.
    names = ["Root Entry", "\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]
    path = write("2024.xlsx", ole_file(names, bytes(1024)))
    line = assert_error(check(path, "--lang", lang), "2024.xlsx", "LZ268", *words)
    assert ".xls " not in line


def test_an_old_xls_mentioning_an_encrypted_package_is_still_an_old_xls() -> None:
    # The name counts only where a directory entry begins, not among the cells' text.
    data = b"\0" + "EncryptedPackage".encode("utf-16-le")
    path = write("2024.xls", ole_file(["Root Entry", "Workbook"], data))
    assert_error(check(path), "2024.xls", "LZ202", ".xls", "另存为 .xlsx")


@pytest.mark.parametrize(
    "members",
    [
        {},  # an empty zip: it starts PK\x05\x06, was read as text and had "a NUL byte" (LZ204)
        {"hello.txt": "not a workbook"},
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"},
    ],
)
def test_a_zip_that_is_not_a_workbook(members: dict[str, str]) -> None:
    with zipfile.ZipFile("2024.xlsx", "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    assert_error(
        check(Path("2024.xlsx")),
        "2024.xlsx",
        "LZ231",
        "无法读取 .xlsx 工作簿：文件不是有效的 .xlsx 工作簿（是 zip 压缩包，但其中没有工作簿）",
    )


def _damaged(part: str, edit: object) -> Path:
    """The form from `lzip template` with one part of its zip edited (``edit(text) -> text``)."""
    assert run_lzip("template", "2024", "-o", "form.xlsx").exit_code == 0
    with zipfile.ZipFile("form.xlsx") as source, zipfile.ZipFile("2024.xlsx", "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == part:
                data = edit(data.decode()).encode()  # type: ignore[operator]
            target.writestr(member, data)
    return Path("2024.xlsx")


@pytest.mark.parametrize(
    ("part", "edit"),
    [
        ("xl/worksheets/sheet1.xml", lambda text: text[: len(text) // 2]),  # cut off
        ("xl/workbook.xml", lambda text: text.replace('r:id="rId1"', 'r:id="rId99"')),
    ],
    ids=["sheet-cut-off", "sheet-missing"],
)
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["工作簿已损坏或不完整", "请在 Excel 或 WPS 中打开后重新保存"]),
        ("en", ["the workbook is damaged or incomplete", "open it in Excel or WPS and save it"]),
    ],
)
def test_a_damaged_workbook_is_said_to_be_damaged(
    part: str, edit: object, lang: str, words: list[str]
) -> None:
    result = check(_damaged(part, edit), "--lang", lang)
    assert_error(result, "2024.xlsx", "LZ231", *words)


def test_an_empty_zip_is_no_workbook_in_english_either() -> None:
    zipfile.ZipFile("2024.xlsx", "w").close()
    assert Path("2024.xlsx").read_bytes().startswith(b"PK\x05\x06")
    result = check(Path("2024.xlsx"), "--lang", "en")
    assert_error(result, "2024.xlsx", "LZ231", "not a valid .xlsx workbook")


#: The namespaces an ordinary .xlsx uses and those Excel's "Strict Open XML" uses instead.
STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ("Strict Open XML", "不支持", "另存为“Excel 工作簿 (*.xlsx)”")),
        ("en", ("Strict Open XML", "does not read", "save it as 'Excel Workbook (*.xlsx)'")),
    ],
)
def test_a_strict_open_xml_workbook(lang: str, words: tuple[str, ...]) -> None:
    # Excel's "Strict Open XML 电子表格": openpyxl finds no sheet in it, which is no reason.
    book = workbook("book.xlsx", [["指标", "数值"], ["4.3", 1652]])
    with zipfile.ZipFile(book) as source, zipfile.ZipFile("2024.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith((".xml", ".rels")):
                for transitional, strict in STRICT.items():
                    data = data.replace(transitional, strict)
            target.writestr(item, data)
    line = assert_error(check(Path("2024.xlsx"), "--lang", lang), "2024.xlsx", "LZ231", *words)
    assert "没有工作表" not in line and "no sheet" not in line


def test_a_truncated_workbook() -> None:
    book = workbook("book.xlsx", [["指标", "数值"], ["4.3", 1652]])
    write("2024.xlsx", book.read_bytes()[:300])
    assert_error(check(Path("2024.xlsx")), "2024.xlsx", "LZ231", "不是 zip 压缩包")


def test_a_workbook_with_a_broken_sheet() -> None:
    book = workbook("book.xlsx", [["指标", "数值"], ["4.3", 1652]])
    with zipfile.ZipFile(book) as source, zipfile.ZipFile("2024.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of <sheetData>
            target.writestr(item, data)
    assert_error(check(Path("2024.xlsx")), "2024.xlsx", "LZ231")


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size that the zip's central directory declares for ``member``,
    as a zip bomb's directory would: the data stays a few bytes."""
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    while True:
        name_length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        extra_length = int.from_bytes(data[entry + 30 : entry + 32], "little")
        comment_length = int.from_bytes(data[entry + 32 : entry + 34], "little")
        if data[entry + 46 : entry + 46 + name_length].decode() == member:
            data[entry + 24 : entry + 28] = size.to_bytes(4, "little")
            break
        entry += 46 + name_length + extra_length + comment_length
    path.write_bytes(bytes(data))


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_unread() -> None:
    book = workbook("2024.xlsx", [["指标", "数值"], ["4.3", 1652]])
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("xl/media/padding.bin", bytes(1000), zipfile.ZIP_DEFLATED)
    _declare_size(book, "xl/media/padding.bin", 3 << 30)
    assert_error(check(book), "2024.xlsx", "LZ234", "解压后有 3,072 MB", "上限 1,024 MB")


def test_shared_strings_have_a_lower_limit() -> None:
    # Excel and WPS keep a sheet's texts in sharedStrings.xml, which openpyxl holds in memory.
    book = workbook("2024.xlsx", [["指标", "数值"], ["4.3", 1652]])
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst/>", zipfile.ZIP_DEFLATED)
    _declare_size(book, "xl/sharedStrings.xml", 200 << 20)
    result = check(book, "--lang", "en")
    assert_error(
        result,
        "2024.xlsx",
        "LZ234",
        "shared strings (xl/sharedStrings.xml) unpack to 200 MB",
        "128 MB",
        "zip bomb",
    )


def test_a_workbook_under_the_limits_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from lzip_cli import xlsx_reader

    book = workbook("2024.xlsx", [["指标", "数值"], ["4.3", 1652]])
    unpacked = sum(item.file_size for item in zipfile.ZipFile(book).infolist())
    monkeypatch.setattr(xlsx_reader, "MAX_UNPACKED_BYTES", unpacked)
    result = check(book)
    assert result.exit_code in (0, 1), result.stderr
    assert '"actual": 1652' in result.stdout


# --- .xlsx specifics -----------------------------------------------------------------------


def test_formulas_without_a_computed_value() -> None:
    # openpyxl (and other generators) write formulas with no cached result; data_only reads
    # them as blank, which would silently be "not reported".
    path = workbook("2024.xlsx", [["指标", "数值"], ["4.3", "=1000+652"], ["7.1", 6]])
    result = check(path)
    assert_error(result, "2024.xlsx:2:2", "LZ251", "'=1000+652' 是公式", "打开并保存")


def test_formulas_without_a_computed_value_in_english() -> None:
    path = workbook("2024.xlsx", [["indicator", "value", "count"], ["5.1", 850, "=1+2"]])
    result = check(path, "--lang", "en")
    assert_error(result, "2024.xlsx:2:3", "LZ251", "is a formula without a computed value")


@pytest.mark.parametrize(
    ("rows", "where", "formula"),
    [
        # 元 said by a formula: the amount must not be read as 8,500,000 万元
        (
            [
                ["指标", "计量单位", "责任单位", "数值", "笔数"],
                ["5.1", '=IF(1,"元")', "县财政局", 8500000, 3],
            ],
            "2024.xlsx:2:2",
            '=IF(1,"元")',
        ),
        # a note would go out as its formula's text
        (
            [["指标", "责任单位", "数值", "备注"], ["1.1", "县林业局", 3, '=A2&"备注"']],
            "2024.xlsx:2:4",
            '=A2&"备注"',
        ),
        # an indicator column filled down: not "unknown indicator '=A2'"
        (
            [["指标", "责任单位", "数值"], ["1.1", "县林业局", 3], ["=A2", "县知识产权局", 2]],
            "2024.xlsx:3:1",
            "=A2",
        ),
        # not "unknown agency '=\"县林业局\"'; did you mean '县林业局'?"
        ([["指标", "责任单位", "数值"], ["1.1", '="县林业局"', 3]], "2024.xlsx:2:2", '="县林业局"'),
        (
            [["指标", "责任单位", "数值", "年度"], ["1.1", "县林业局", 3, "=2023"]],
            "2024.xlsx:2:4",
            "=2023",
        ),
    ],
    ids=["unit", "note", "indicator", "agency", "year"],
)
def test_a_formula_without_a_computed_value_in_any_column_read(
    rows: list[list[object]], where: str, formula: str
) -> None:
    result = check(workbook("2024.xlsx", rows), "--lang", "en")
    assert_error(result, where, "LZ251", f"{formula!r} is a formula without a computed value")


def test_a_footers_formula_without_a_computed_value_is_still_a_footer() -> None:
    rows = [["指标", "责任单位", "数值"], ["1.1", "县林业局", 3], ["填表日期：", "=TODAY()", None]]
    result = check(workbook("2024.xlsx", rows))
    assert result.exit_code in (0, 1), result.stderr
    assert "LZ251" not in result.stderr


def test_a_formula_with_a_computed_value_reads_the_value() -> None:
    # What Excel saves: the formula and its cached result. lzip reads the result.
    book = workbook("book.xlsx", [["指标", "数值"], ["4.3", "=1000+652"]])
    with zipfile.ZipFile(book) as source, zipfile.ZipFile("2024.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<f>1000\+652</f>)<v\s*/?>(</v>)?", rb"\1<v>1652</v>", data)
                assert b"<v>1652</v>" in data
            target.writestr(item, data)
    result = check(Path("2024.xlsx"))
    assert result.exit_code in (0, 1), result.stderr
    assert '"actual": 1652' in result.stdout


def test_a_formula_typed_into_a_csv() -> None:
    result = check(write("2024.csv", HEADER + "4.3,,=SUM(A1:A3)\n"))
    assert_error(result, "2024.csv:2:3", "LZ251", "'=SUM(A1:A3)' 是公式")


def test_merged_cells() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["指标", "责任单位", "数值"], ["1.1", "县林业局", 2], [None, "县知识产权局", 9]]:
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert_error(result, "2024.xlsx:2:1", "LZ253", "A2:A3", "合并单元格", "取消合并")
    assert "LZ216" not in result.stderr  # not a misleading "indicator is blank" on row 3


#: A header over two rows, as WPS and Excel forms have it: 完成情况 across 数值 and 笔数.
TWO_ROW_HEADER = [["指标", "责任单位", "完成情况", None], [None, None, "数值", "笔数"]]


def test_merged_cells_below_a_two_row_header_are_refused_and_the_headers_are_not() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [*TWO_ROW_HEADER, ["1.1", "县林业局", 2, None], [None, "县知识产权局", 9, None]]:
        sheet.append(row)
    for merged in ["A1:A2", "B1:B2", "C1:D1", "A3:A4"]:
        sheet.merge_cells(merged)
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert_error(result, "2024.xlsx:3:1", "LZ253", "A3:A4")
    assert len([line for line in errors(result) if "LZ253" in line]) == 1


def test_a_header_cell_merged_down_into_the_rows_is_refused() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [*TWO_ROW_HEADER, [None, "县林业局", 2, None]]:
        sheet.append(row)
    for merged in ["A1:A3", "C1:D1"]:  # 指标 over the first row's indicator too: 1.1 lost
        sheet.merge_cells(merged)
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert_error(result, "2024.xlsx:1:1", "LZ253", "A1:A3")
    assert "C1:D1" not in result.stderr


def test_several_sheets_read_the_first_with_a_warning() -> None:
    book = openpyxl.Workbook()
    book.active.append(["指标", "数值"])
    book.active.append(["4.3", 1652])
    book.create_sheet("说明").append(["随便写点什么"])
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"), "--lang", "en")
    assert result.exit_code in (0, 1)
    assert "LZ232" in result.stdout and "only the first sheet" in result.stdout


def test_an_empty_first_sheet() -> None:
    book = openpyxl.Workbook()
    book.active.title = "封面"
    data = book.create_sheet("报表")  # a name without the year: "2024" would be read (LZ232)
    data.append(["指标", "数值"])
    data.append(["4.3", 1652])
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert_error(result, "2024.xlsx", "LZ252", "第一个工作表 '封面' 为空", "只读取第一个工作表")


def test_an_empty_workbook() -> None:
    openpyxl.Workbook().save("2024.xlsx")
    assert_error(check(Path("2024.xlsx")), "2024.xlsx", "LZ201")


# --- cells that are not figures --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "code", "words"),
    [
        ("1e309", "LZ218", "'1e309' 不是数值"),
        ("NaN", "LZ218", "'NaN' 不是数值"),
        ("inf", "LZ218", "'inf' 不是数值"),
        ("-inf", "LZ218", "'-inf' 不是数值"),
        ("--5", "LZ218", "'--5' 不是数值"),
        ('"1,2,3"', "LZ218", "'1,2,3' 不是数值"),
        ("1e3", "LZ218", "'1e3' 不是数值"),
        ("0x10", "LZ218", "'0x10' 不是数值"),
        ("-5", "LZ219", "'-5' 为负数"),
        ("1" * 400, "LZ224", "数值过大：数值不能超过 1,000,000,000,000"),
    ],
)
def test_numbers_that_are_not_figures(cell: str, code: str, words: str) -> None:
    result = check(write("2024.csv", HEADER + "1.1,县林业局,3\n4.3,," + cell + "\n"))
    assert_error(result, "2024.csv:3:3", code, words)


def test_a_cell_error_in_english_says_what_was_expected() -> None:
    result = check(write("2024.csv", HEADER + "4.3,,NaN\n"), "--lang", "en")
    assert_error(result, "2024.csv:2:3", "LZ218", "'NaN' is not a figure", "expected a number")


def test_a_figure_too_large_says_the_largest_accepted_in_english() -> None:
    result = check(write("2024.csv", HEADER + "4.3,,99999999999999\n"), "--lang", "en")
    assert_error(
        result,
        "2024.csv:2:3",
        "LZ224",
        "'99999999999999' is implausibly large: a figure may be at most 1,000,000,000,000",
    )


def test_a_formula_result_error_value_from_excel() -> None:
    # data_only reads a formula that failed in Excel as its error text, e.g. #DIV/0!
    result = check(write("2024.csv", HEADER + "4.3,,#DIV/0!\n"))
    assert_error(result, "2024.csv:2:3", "LZ218", "'#DIV/0!' 不是数值")


# --- the year column --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "options", "where", "words"),
    [
        (
            "2023.csv",
            "指标,年度,数值\n4.3,,1652\n1.1,2024,3\n",
            (),
            "2023.csv:3:2",
            "文件（夹）名中为 2023，年度列中为 2024",
        ),
        (
            "报表.csv",
            "年度,指标,数值\n2024,4.3,1652\n",
            ("--year", "2023"),
            "报表.csv:2:1",
            "--year 为 2023，年度列中为 2024",
        ),
        (
            "2023.csv",
            "指标,数值,年度\n4.3,1652,2024年\n",
            ("--year", "2022"),
            "2023.csv:2:3",
            "--year 为 2022，文件（夹）名中为 2023，年度列中为 2024",
        ),
    ],
    ids=["name", "option", "both"],
)
def test_a_year_column_against_the_reports_year_names_its_first_year_cell(
    name: str, text: str, options: tuple[str, ...], where: str, words: str
) -> None:
    assert_error(check(write(name, text), *options), where, "LZ215", words)


# --- every error in one run, capped ---------------------------------------------------------


def test_all_errors_in_one_run_and_a_count_of_the_rest() -> None:
    rows = "".join(f"4.3,,bad{i}\n" for i in range(5000))
    result = check(write("2024.csv", HEADER + rows))
    lines = errors(result)
    assert result.exit_code == 2
    assert len(lines) == 200
    assert lines[0].startswith("2024.csv:2:3: 错误 LZ218: 'bad0'")
    assert lines[-1].startswith("2024.csv:201:3: 错误 LZ218: 'bad199'")
    assert result.stderr.splitlines()[-1] == "……另有 4,800 处问题"


def test_the_cap_in_english_and_across_reports_in_validate() -> None:
    one = write("2024.csv", HEADER + "".join(f"4.3,,x{i}\n" for i in range(3000)))
    two = write("2024b.csv", HEADER + "".join(f"nope{i},,1\n" for i in range(2012)))
    result = run_lzip(
        "validate", str(one), str(two), "--year", "2024", "--lang", "en", inputs=[one]
    )
    assert result.exit_code == 1
    assert len(errors(result)) == 200
    assert result.stderr.splitlines()[-1] == "… and 4,812 more"


# --- the example report is untouched by every command ------------------------------------------


def test_commands_never_modify_the_report(tmp_path: Path) -> None:
    report = Path("2024.csv")
    shutil.copy(EXAMPLE, report)
    for args in (
        ["check", "2024.csv"],
        ["check", "2024.csv", "-f", "csv"],
        ["validate", "2024.csv"],
        ["shortfalls", "2024.csv"],
        ["shortfalls", "2024.csv", "--out", ".", "-f", "csv", "--force"],
    ):
        result = run_lzip(*args, inputs=[report])
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert report.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("utf16.csv", "指标,数值\n4.3,1652\n".encode("utf-16-le"), "LZ203"),
        ("binary.csv", bytes(range(256)) * 4, "LZ204"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "LZ202"),
    ],
)
def test_validate_exits_2_for_a_report_it_cannot_read(name: str, content: bytes, code: str) -> None:
    path = write(name, content)
    result = run_lzip("validate", str(path), "--year", "2024", "--lang", "en", inputs=[path])
    assert result.exit_code == 2
    assert f"{name}:" in result.stderr and code in result.stderr


# --- lzip's own outputs sent back as reports ---------------------------------------------------


@pytest.mark.parametrize(
    ("written", "options", "where", "said"),
    [
        ("lists/agriculture.csv", ("-f", "csv"), "2024/agriculture.csv:1:8",
         "written by lzip (column '本单位填报')"),
        ("lists/agriculture.csv", ("-f", "csv", "--lang", "en"), "2024/agriculture.csv:1:8",
         "written by lzip (column 'Own figure')"),
        ("lists/index.csv", ("-f", "csv"), "2024/index.csv:1:3",
         "written by lzip (column '欠账项数')"),
        ("lists/forestry.xlsx", ("-f", "xlsx"), "2024/forestry.xlsx",
         "written by lzip (its properties say so)"),
    ],
)  # fmt: skip
def test_a_shortfall_list_among_the_reports_is_refused_not_read_as_the_agencys_figures(
    written: str, options: tuple[str, ...], where: str, said: str
) -> None:
    # A list's 完成值 is the county's figure: read as a report it credited the agency with it.
    assert run_lzip("shortfalls", EXAMPLE, "--out", "lists", *options).exit_code == 1
    Path("2024").mkdir()
    shutil.copy(written, "2024")
    assert_error(run_lzip("check", "2024", "--lang", "en"), where, "LZ264", said)
    validated = run_lzip("validate", "2024", "--lang", "en")
    assert validated.exit_code == 1
    assert [line for line in errors(validated) if line.startswith(f"{where}: error LZ264")]


def test_a_check_result_as_csv_is_refused_as_a_report() -> None:
    assert run_lzip("check", EXAMPLE, "-f", "csv", "-o", "result-2024.csv").exit_code == 1
    result = check(Path("result-2024.csv"))
    assert_error(result, "result-2024.csv:1:9", "LZ264", "'target_per_actual'", "lzip template")


def test_a_countys_own_form_with_gap_columns_is_still_a_report() -> None:
    # One or two columns named as lzip's lists name theirs do not make a list of a form.
    path = write("2024.csv", "指标,目标值,完成值,距阶段值,距目标\n4.3,1700,1652,0,48\n")
    result = check(path)
    assert result.exit_code == 1, result.stderr  # read: the other indicators are not reported
    [trademarks] = [i for i in json.loads(result.stdout)["indicators"] if i["id"] == "4.3"]
    assert trademarks["actual"] == 1652
    assert "LZ264" not in result.stderr


def test_a_check_result_workbook_is_refused_as_a_report() -> None:
    # Its year sheet has only two of the lists' columns (距阶段值, 距目标): its properties tell.
    assert run_lzip("check", EXAMPLE, "-o", "2024结果.xlsx").exit_code == 1
    result = check(Path("2024结果.xlsx"), "--lang", "en")
    assert_error(result, "2024结果.xlsx", "LZ264", "written by lzip (its properties say so)")


def test_a_form_from_lzip_template_is_not_taken_for_its_output() -> None:
    assert run_lzip("template", "2024", "-o", "2024.xlsx").exit_code == 0
    result = check(Path("2024.xlsx"))
    assert result.exit_code == 1  # read: nothing reported yet
    assert "LZ264" not in result.stderr


# --- folders of several years ----------------------------------------------------------------


def year_folders() -> None:
    """reports/2023 and reports/2024, each holding a copy of the example."""
    for year in ("2023", "2024"):
        Path("reports", year).mkdir(parents=True)
        shutil.copy(EXAMPLE, Path("reports", year, "all.csv"))


def test_two_years_folders_with_year_say_the_years_before_the_repeated_rows() -> None:
    year_folders()
    result = run_lzip("check", "reports/2023", "reports/2024", "--year", "2024", "--lang", "en")
    assert result.exit_code == 2
    first = errors(result)[0]
    assert first == (
        "reports/2023: error LZ215: its name gives the year 2023, but --year is 2024, and its "
        "rows repeat another report's: check each year's reports on their own"
    )
    assert "LZ210" in result.stderr


def test_a_folder_of_year_folders_names_them() -> None:
    year_folders()
    result = run_lzip("check", "reports", "--lang", "en")
    assert_error(
        result, "reports", "LZ254", "only folders of years (2023, 2024)", "such as reports/2024"
    )


@pytest.mark.parametrize("command", ["agencies", "validate"])
def test_an_unreadable_plan_folder_is_lzips_located_error_not_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # What a user without read permission on the folder meets; faked, as tests may run as root.
    shutil.copytree(ROOT / "data", "plan")
    real_open = Path.open

    def refused(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.parent.name == "plan":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    monkeypatch.setattr(Path, "open", refused)
    result = run_lzip(command, "--data", "plan")

    assert result.exit_code == 2
    assert "LZ004" in result.stderr and "plan/agencies.yaml" in result.stderr
    assert "用法" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_given_as_a_report_is_refused_not_waited_on() -> None:
    os.mkfifo("2024.csv")  # opening it would wait for a writer that never comes
    result = run_lzip("check", "2024.csv", "--lang", "en")
    assert result.exit_code == 2
    assert "2024.csv: error LZ280: this is no regular file (a pipe, device or FIFO)" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("重复了表头", "copy /b")), ("en", ("repeats the header", "copy /b"))],
)
def test_two_files_joined_name_the_repeated_header(lang: str, words: tuple[str, ...]) -> None:
    # `copy /b a.csv+b.csv 2024.csv` on Windows: the second file's header, BOM and all, is a row.
    first = ("\ufeff" + HEADER + "1.1,县林业局,3\n").encode()
    second = ("\ufeff" + HEADER + "1.1,县知识产权局,9\n").encode()
    result = check(write("2024.csv", first + second), "--lang", lang)
    line = assert_error(result, "2024.csv:3:1", "LZ270", *words)
    assert "\\ufeff" not in line and "LZ211" not in result.stderr
