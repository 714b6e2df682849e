""".xlsx workbooks as Excel and WPS leave them: formatting far from the data, a sheet per year,
Boolean cells. Each case runs `lzip check` on a workbook built with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import warnings as python_warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Border, Font, Side
from typer.testing import Result

from helpers import patched, run_lzip

pytestmark = pytest.mark.usefixtures("in_tmp")  # messages name files as the user typed them

HEADER = ["指标", "责任单位", "数值"]


def check(path: Path, *options: str) -> Result:
    return run_lzip("check", str(path), "--format", "json", *options, inputs=[path])


def actual(result: Result, indicator: str) -> object:
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    document = json.loads(result.stdout)
    return next(row["actual"] for row in document["indicators"] if row["id"] == indicator)


def warnings(result: Result) -> list[str]:
    return [w["message"] for w in json.loads(result.stdout)["warnings"] if w["code"] == "LZ232"]


def sheets(name: str, *sheets: tuple[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(name)
    return Path(name)


# --- formatting far from the data ------------------------------------------------------------


def test_formatted_empty_cells_in_the_sheets_last_row_and_column_are_read_past() -> None:
    # Bold set on A1048576 and XFD1048576: the sheet declares itself A1:XFD1048576, which
    # openpyxl would fill with a billion empty cells.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["4.3", None, 1652])
    sheet["A1048576"].font = Font(bold=True)
    sheet["XFD1048576"].font = Font(bold=True)
    book.save("2024_corner.xlsx")
    result = check(Path("2024_corner.xlsx"))
    assert actual(result, "4.3") == 1652
    assert " LZ" not in result.stderr


def test_a_sheet_declaring_too_small_a_size_is_read_whole() -> None:
    # Some generators write <dimension ref="A1"/> whatever the sheet holds: openpyxl's
    # read-only mode would then read column A only, and no value column.
    book = openpyxl.Workbook()
    for row in [HEADER, ["4.3", None, 1652], ["1.1", "县林业局", 3]]:
        book.active.append(row)
    book.save("book.xlsx")
    with zipfile.ZipFile("book.xlsx") as source, zipfile.ZipFile("2024.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert count == 1
            target.writestr(item, data)
    result = check(Path("2024.xlsx"))
    assert actual(result, "4.3") == 1652


@pytest.mark.parametrize("blank_rows", [69, 2000])
def test_formatted_empty_rows_above_the_header_do_not_narrow_the_form(blank_rows: int) -> None:
    # A border drawn down column A from row 1: the header far below still gives the width.
    book = openpyxl.Workbook()
    sheet = book.active
    for row in range(1, blank_rows + 1):
        sheet.cell(row, 1).border = Border(left=Side(style="thin"))
    header = ["年度", "指标", "指标名称", "计量单位", "责任单位", "数值", "笔数", "备注"]
    for column, text in enumerate(header, start=1):
        sheet.cell(blank_rows + 1, column, text)
    for column, value in enumerate([2024, "5.1", None, "万元", None, 850, 3, "三笔"], start=1):
        sheet.cell(blank_rows + 2, column, value)
    sheet.cell(blank_rows + 3, 2, "4.3")
    sheet.cell(blank_rows + 3, 6, 1652)
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert actual(result, "5.1") == 850 and actual(result, "4.3") == 1652
    financing = next(r for r in json.loads(result.stdout)["indicators"] if r["id"] == "5.1")
    assert (financing["count"], financing["note"]) == (3, "三笔")


def test_formatted_empty_rows_between_the_title_and_the_header() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["鹿寨县2024年知识产权指标完成情况表"])
    for row in range(2, 100):
        sheet.cell(row, 1).border = Border(left=Side(style="thin"))
    header = ["序号", "指标", "指标名称", "计量单位", "责任单位", "数值"]
    for column, text in enumerate(header, start=1):
        sheet.cell(100, column, text)
    for column, value in enumerate([1, "4.3", "有效注册商标拥有量", "件", None, 1652], start=1):
        sheet.cell(101, column, value)
    book.save("2024.xlsx")
    assert actual(check(Path("2024.xlsx")), "4.3") == 1652


# --- a sheet per year ------------------------------------------------------------------------


LAST_YEAR = [HEADER, ["4.3", None, 1500]]
THIS_YEAR = [HEADER, ["4.3", None, 1652]]


@pytest.mark.parametrize(
    ("name", "title", "options"),
    [
        ("sheets_2024.xlsx", "2024年", ()),
        ("sheets_2024.xlsx", "2024", ()),
        ("sheets_2024.xlsx", "2024年度", ()),
        ("报表.xlsx", "鹿寨县2024年报表", ("--year", "2024")),
    ],
)
def test_the_sheet_named_for_the_reports_year_is_read_not_last_years_in_front(
    name: str, title: str, options: tuple[str, ...]
) -> None:
    path = sheets(name, ("2023年", LAST_YEAR), (title, THIS_YEAR))
    result = check(path, *options)
    assert actual(result, "4.3") == 1652
    assert warnings(result) == [
        f"读取名称为报表年度 2024 年的工作表 '{title}'，另有 1 个工作表被忽略（2023年）"
    ]


@pytest.mark.parametrize("folder", ["2024", "2024年", "2024年度"])
def test_a_folder_named_for_the_year_chooses_the_sheet_of_each_form_in_it(folder: str) -> None:
    Path(folder).mkdir()
    path = sheets(f"{folder}/林业局.xlsx", ("2023年", LAST_YEAR), ("2024", THIS_YEAR))
    result = run_lzip("check", folder, "--format", "json", inputs=[path])
    assert actual(result, "4.3") == 1652
    assert warnings(result) == [
        "读取名称为报表年度 2024 年的工作表 '2024'，另有 1 个工作表被忽略（2023年）"
    ]


def test_a_year_in_the_forms_own_name_outranks_its_folders() -> None:
    Path("2024").mkdir()
    path = sheets("2024/林业局_2023.xlsx", ("2024", THIS_YEAR), ("2023", LAST_YEAR))
    result = run_lzip("check", path, "--format", "json", inputs=[path])
    assert json.loads(result.stdout)["year"] == 2023
    assert actual(result, "4.3") == 1500


def test_the_sheet_read_for_the_year_is_named_in_english() -> None:
    path = sheets("sheets_2024.xlsx", ("2023年", LAST_YEAR), ("2024年", THIS_YEAR))
    result = check(path, "--lang", "en")
    assert warnings(result) == [
        "the sheet '2024年', named for the report's year 2024, is read; 1 other sheet "
        "ignored (2023年)"
    ]


@pytest.mark.parametrize(
    ("books", "cell"),
    [
        # last year's sheet in front: C2 alone would point at the 2023年 sheet Excel opens on
        ((("2023年", LAST_YEAR), ("2024年", [HEADER, ["4.3", None, "一千"]])), "'2024年'!C2"),
        # the sheet read first, but another beside it: which one is still said
        ((("填报", [HEADER, ["4.3", None, "一千"]]), ("说明", [["填表说明"]])), "'填报'!C2"),
        # a quote in the sheet's name is doubled, as Excel writes it
        ((("林业局's", [HEADER, ["4.3", None, "一千"]]), ("说明", [["x"]])), "'林业局''s'!C2"),
        # one sheet: the cell alone, as before
        ((("2024年", [HEADER, ["4.3", None, "一千"]]),), "C2"),
    ],
)
def test_a_cell_in_a_workbook_of_several_sheets_is_named_with_its_sheet(
    books: tuple[tuple[str, list[list[object]]], ...], cell: str
) -> None:
    path = sheets("2024.xlsx", *books)
    result = check(path)
    assert result.exit_code == 2, result.stdout
    assert f"2024.xlsx:2:3: 错误 LZ218: {cell}: " in result.stderr, result.stderr


def test_a_hidden_sheet_beside_the_one_read_does_not_name_it() -> None:
    # the drop-downs' lists in a hidden sheet: the person sees one sheet, and C2 is enough
    path = sheets("2024.xlsx", ("填报", [HEADER, ["4.3", None, "一千"]]), ("lists", [["x"]]))
    book = openpyxl.load_workbook(path)
    book["lists"].sheet_state = "hidden"
    book.save(path)
    result = check(path)
    assert "2024.xlsx:2:3: 错误 LZ218: C2: " in result.stderr, result.stderr


def test_the_sheet_of_a_cell_is_named_in_english() -> None:
    path = sheets("2024.xlsx", ("2023年", LAST_YEAR), ("2024年", [HEADER, ["4.3", None, "x"]]))
    result = check(path, "--lang", "en")
    assert "2024.xlsx:2:3: error LZ218: '2024年'!C2: " in result.stderr, result.stderr


def test_the_sheet_is_in_the_message_not_the_file_of_validates_json() -> None:
    path = sheets("2024.xlsx", ("2023年", LAST_YEAR), ("2024年", [HEADER, ["4.3", None, "x"]]))
    result = run_lzip("validate", "--format", "json", str(path), inputs=[path])
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == ("2024.xlsx", 2, 3)
    assert problem["message"].startswith("'2024年'!C2: 'x' 不是数值")


def test_a_sheet_named_for_a_year_gives_the_year_when_nothing_else_does() -> None:
    path = sheets("报表.xlsx", ("2024年", THIS_YEAR))
    result = check(path)
    assert json.loads(result.stdout)["year"] == 2024
    assert actual(result, "4.3") == 1652


def test_a_sheet_named_for_last_year_is_refused() -> None:
    path = sheets("2024.xlsx", ("2023年", LAST_YEAR), ("说明", [["填表说明"]]))
    result = check(path)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert (
        "2024.xlsx: 错误 LZ215: 读取的工作表 '2023年' 名称为 2023 年，而报表年度为 2024："
        "可能是上一年的报表。请把 2024 年的报表移到第一个工作表，或将其工作表命名为 2024年"
    ) in result.stderr


@pytest.mark.parametrize("where", ["县林业局2023.xlsx", "2023/县林业局.xlsx"])
def test_a_sheet_named_for_a_later_year_than_the_name_says_the_name_may_be_wrong(
    where: str,
) -> None:
    # This year's form saved under last year's name (or in last year's folder): the sheet is
    # right, the name is not; renaming the sheet to 2023年 would be the wrong advice.
    Path(where).parent.mkdir(exist_ok=True)
    path = sheets(where, ("2024", THIS_YEAR))
    result = check(path, "--lang", "en")
    assert result.exit_code == 2, result.stdout
    assert (
        "error LZ215: the sheet read, '2024', is named for 2024 but the file or folder name says "
        "2023. If it is the 2024 report, correct the name (and any year the form gives); if it is "
        "the 2023 report, rename this sheet 2023"
    ) in result.stderr, result.stderr


def test_a_sheet_named_for_a_later_year_than_year_asked_is_not_called_last_years() -> None:
    path = sheets("报表.xlsx", ("2025年", THIS_YEAR))
    result = check(path, "--year", "2024")
    assert result.exit_code == 2, result.stdout
    assert (
        "报表.xlsx: 错误 LZ215: 读取的工作表 '2025年' 名称中的年份为 2025 年，晚于报表年度 2024 年。"
        "若这是 2025 年的报表，请用 --year 2025 检查"
    ) in result.stderr, result.stderr
    assert "上一年" not in result.stderr


def test_a_later_years_sheet_beside_a_year_column_says_to_correct_the_year_given() -> None:
    # The year column says 2024, the sheet 2025年: --year 2025 would contradict the column.
    path = sheets("报表.xlsx", ("2025年", [["年度", *HEADER], ["2024", "4.3", None, 1652]]))
    result = check(path, "--lang", "en")
    assert result.exit_code == 2, result.stdout
    assert (
        "error LZ215: the sheet read, '2025年', is named for 2025 but the report says 2024 (its "
        "year column, header or title, or another file of the report)"
    ) in result.stderr, result.stderr
    assert "--year" not in result.stderr


def test_a_hidden_sheet_for_the_year_is_said_to_be_hidden() -> None:
    path = sheets("2024.xlsx", ("2023年", LAST_YEAR), ("2024年", THIS_YEAR))
    book = openpyxl.load_workbook(path)
    book["2024年"].sheet_state = "hidden"
    book.save(path)
    result = check(path)
    assert result.exit_code == 2, result.stdout
    assert (
        "2024.xlsx: 错误 LZ215: 读取的工作表 '2023年' 名称为 2023 年，而报表年度为 2024；"
        "名为 2024 年的工作表 '2024年' 已隐藏，不会读取。请在 Excel 或 WPS 中取消隐藏该工作表"
    ) in result.stderr, result.stderr


def test_two_sheets_for_the_year_are_named_and_neither_is_guessed() -> None:
    path = sheets(
        "2024.xlsx", ("2023年", LAST_YEAR), ("2024年", THIS_YEAR), ("2024年（修订）", THIS_YEAR)
    )
    result = check(path, "--lang", "en")
    assert result.exit_code == 2, result.stdout
    assert (
        "2024.xlsx: error LZ215: the sheet read, '2023年', is named for 2023 but the report is "
        "for 2024; 2 sheets are named for 2024 (2024年, 2024年（修订）), so which one to read is "
        "unclear. Keep only one, or move the one to read to the first sheet"
    ) in result.stderr, result.stderr


def test_a_sheet_named_for_another_year_than_the_year_column_is_refused_in_english() -> None:
    # No year before reading (报表.xlsx, no --year): the year column settles it, then the
    # sheet's name is checked against it.
    rows = [["指标", "年度", "数值"], ["4.3", 2024, 1652]]
    path = sheets("报表.xlsx", ("2023年度", rows))
    result = check(path, "--lang", "en")
    assert result.exit_code == 2, result.stdout
    assert (
        "报表.xlsx: error LZ215: the sheet read, '2023年度', is named for 2023 but the report "
        "is for 2024: it may be last year's report. Move the 2024 report to the first sheet, "
        "or name its sheet 2024"
    ) in result.stderr


# --- cells as Excel shows them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (dt.datetime(1900, 1, 9), "1900/1/9"),
        (dt.datetime(2024, 12, 31, 9, 30), "2024/12/31 9:30"),
        (dt.date(2024, 3, 5), "2024/3/5"),
    ],
)
def test_a_date_cell_is_quoted_as_excel_shows_it(cell: dt.date, shown: str) -> None:
    path = sheets("2024.xlsx", ("Sheet", [HEADER, ["4.3", None, cell]]))
    result = check(path)
    assert result.exit_code == 2
    assert f"2024.xlsx:2:3: 错误 LZ218: C2: '{shown}' 不是数值" in result.stderr


def test_a_date_in_a_note_reaches_the_lists_as_excel_shows_it() -> None:
    path = sheets(
        "2024.xlsx",
        ("Sheet", [[*HEADER, "备注"], ["1.1", "县林业局", 2, dt.datetime(2024, 12, 31)]]),
    )
    result = run_lzip("shortfalls", path, "--agency", "forestry", inputs=[path])
    assert result.exit_code == 1
    assert "| 2024/12/31 |" in result.stdout


def test_a_boolean_cell_is_quoted_as_excel_shows_it() -> None:
    path = sheets("2024.xlsx", ("Sheet", [HEADER, ["4.3", None, True]]))
    result = check(path)
    assert result.exit_code == 2
    assert "2024.xlsx:2:3: 错误 LZ218: C2: 'TRUE' 不是数值" in result.stderr


# --- formulas as Excel and WPS save them -----------------------------------------------------


def formula_results(path: Path, refs: dict[str, bytes]) -> Path:
    """``path`` with each formula cell in ``refs`` saved as Excel saves a formula whose result
    is text: ``t="str"`` and the given ``<v>`` (``b"<v></v>"``, ``b"<v/>"``, ``b""`` for none).
    openpyxl itself writes ``<c r="B2"><f>…</f><v /></c>``: a formula never computed."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for ref, value in refs.items():
        pattern = rb'<c r="' + ref.encode() + rb'">(<f>[^<]*</f>)<v ?/>'
        sheet, count = re.subn(pattern, rb'<c r="' + ref.encode() + rb'" t="str">\1' + value, sheet)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as target:
        for member, data in parts.items():
            target.writestr(member, data)
    return path


@pytest.mark.parametrize("saved", [b"<v></v>", b"<v/>"])
def test_a_formula_whose_saved_result_is_empty_text_is_a_blank_cell(saved: bytes) -> None:
    # =IF(…,"",…) and =IFERROR(VLOOKUP(…),"") left blank on the form: not an unknown agency
    # '=IF(…)', a count or note that is a formula's text, or a figure "never computed".
    rows = [
        [*HEADER, "笔数", "备注"],
        ["5.1", '=IF(C2>0,"","县林业局")', 850, '=IF(1,"","")', '=IF(C2>0,"","未填")'],
        ["4.3", None, '=IFERROR(VLOOKUP(A3,D:D,1,0),"")', None, None],
    ]
    path = sheets("2024.xlsx", ("Sheet", rows))
    formula_results(path, dict.fromkeys(("B2", "D2", "E2", "C3"), saved))
    result = check(path)
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    found = {row["id"]: row for row in document["indicators"]}
    financing, trademarks = found["5.1"], found["4.3"]
    assert (financing["actual"], financing["count"], financing["note"]) == (850, None, None)
    assert (trademarks["actual"], trademarks["status"]) == (None, "not-reported")
    assert [w["code"] for w in document["warnings"]] == ["LZ265"]  # the blank count, as typed


def test_a_text_formula_without_a_saved_result_is_still_not_computed() -> None:
    # t="str" with no <v> at all: nothing was computed, so blank would silently be "not reported".
    path = sheets("2024.xlsx", ("Sheet", [HEADER, ["4.3", None, '=IF(1,"","")']]))
    formula_results(path, {"C2": b""})
    result = check(path)
    assert result.exit_code == 2
    assert '2024.xlsx:2:3: 错误 LZ251: C2: \'=IF(1,"","")\' 是公式' in result.stderr


# --- what openpyxl says to itself ------------------------------------------------------------


#: A drop-down whose list is on another sheet, as Excel 2010 and later save it (x14).
X14_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></extLst>'
    b"</worksheet>"
)


def warned_workbook(case: str) -> Path:
    """A workbook on which openpyxl warns: a drop-down it does not support (in a sheet whose
    uncomputed formula is read again too), or no default cell style."""
    path = sheets("2024.xlsx", ("Sheet", [HEADER, ["4.3", None, 1652], ["1.1", None, "=1+1"]]))
    if case == "x14 data validation":
        return patched(path, "xl/worksheets/sheet1.xml", b"</worksheet>", X14_VALIDATION)
    return patched(path, "xl/styles.xml", STYLES, b"")


#: The cell styles openpyxl writes; a workbook without any has "no default style".
STYLES = b'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles>'


@pytest.mark.parametrize("case", ["x14 data validation", "no default style"])
def test_openpyxls_warnings_are_not_passed_on(case: str) -> None:
    path = warned_workbook(case)
    with python_warnings.catch_warnings(record=True) as caught:
        python_warnings.simplefilter("always")
        result = check(path)
    assert result.exit_code == 2  # the formula =1+1, never computed: the sheet was read
    assert "2024.xlsx:3:3: 错误 LZ251" in result.stderr
    assert [str(warning.message) for warning in caught] == []


def test_openpyxls_warnings_do_not_reach_stderr() -> None:
    # As the user runs it: a UserWarning on stderr named a file in site-packages, in English.
    path = warned_workbook("x14 data validation")
    done = subprocess.run(
        [sys.executable, "-m", "lzip_cli", "check", str(path), "--year", "2024"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("2024.xlsx:3:3: 错误 LZ251"), done.stderr
    assert "Warning" not in done.stderr and "openpyxl" not in done.stderr


# --- lists of sheet names said in the user's language ------------------------------------------

FIGURES: list[list[object]] = [HEADER, ["4.3", None, 1652]]
COVER_FIRST = (("Data", FIGURES), ("Notes", [["x"]]), ("Contacts", []))


@pytest.mark.parametrize(
    ("book", "lang", "said"),
    [
        (COVER_FIRST, "en", "2 other sheets ignored (Notes, Contacts)"),
        (COVER_FIRST, "zh", "另有 2 个工作表被忽略（Notes、Contacts）"),
        (
            (("说明", [["填表说明"]]), ("Data", FIGURES), ("D2", [])),
            "en",
            "this file has 2 more (Data, D2)",
        ),
        (
            (("2023", FIGURES), ("2024", FIGURES), ("2024 (2)", [])),
            "en",
            "2 sheets are named for 2024 (2024, 2024 (2))",
        ),
    ],
    ids=["LZ232-en", "LZ232-zh", "LZ208-en", "LZ215-en"],
)
def test_sheet_names_are_listed_in_the_users_language(
    book: tuple[tuple[str, list[list[object]]], ...], lang: str, said: str
) -> None:
    path = sheets("2024.xlsx", *book)
    result = run_lzip("check", str(path), "--lang", lang, "--format", "json", inputs=[path])
    assert said in result.stdout + result.stderr


# --- other sheets that hold figures too (LZ275) -------------------------------------------------

FORESTRY = ("县林业局", [HEADER, ["1.1", "县林业局", 2], ["7.1", "县林业局", 1]])
IP_OFFICE = ("县知识产权局", [HEADER, ["1.1", "县知识产权局", 9], ["6.1", "县知识产权局", 3]])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "除读取的工作表 '县林业局' 外，另有 1 个工作表也填有数值（县知识产权局）"),
        ("en", "besides the sheet '县林业局' that is read, 1 other sheet holds figures too"),
    ],
)
def test_a_workbook_of_one_form_per_sheet_is_refused_not_read_in_part(lang: str, said: str) -> None:
    # The office copied each agency's form into one workbook: the IP office's 9 cases would
    # have been lost, and the office asked for figures it had been sent.
    result = check(sheets("2024.xlsx", FORESTRY, IP_OFFICE), "--lang", lang)
    assert result.exit_code == 2
    assert "LZ275" in result.stderr
    assert said in result.stderr


def test_a_copy_of_the_sheet_with_figures_is_refused_too() -> None:
    copy = ("Sheet1 (2)", FORESTRY[1])
    result = check(sheets("2024.xlsx", ("Sheet1", FORESTRY[1]), copy))
    assert result.exit_code == 2
    assert "（Sheet1 (2)）" in result.stderr


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(("说明", [["填表说明：数值填阿拉伯数字"], ["联系人：张三"]]), id="notes"),
        pytest.param(("Sheet2", [HEADER, ["1.1", "县林业局", None]]), id="an-unfilled-form"),
        pytest.param(("2023年", IP_OFFICE[1]), id="last-years-sheet"),
    ],
)
def test_other_sheets_without_this_years_figures_are_only_named(
    other: tuple[str, list[list[object]]],
) -> None:
    result = check(sheets("2024.xlsx", FORESTRY, other))
    assert actual(result, "1.1") == 2
    assert "LZ275" not in result.stderr
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == ["LZ232"]


def test_the_sheet_named_for_the_year_is_read_beside_notes_and_last_years_sheet() -> None:
    notes = ("说明", [["填表说明：数值填阿拉伯数字"]])
    book = sheets("2024.xlsx", ("2023年", FORESTRY[1]), ("2024年", IP_OFFICE[1]), notes)
    result = check(book)
    assert actual(result, "1.1") == 9
    assert "LZ275" not in result.stderr


@pytest.mark.parametrize(
    ("read", "other"),
    [
        pytest.param(("2024年", IP_OFFICE[1]), FORESTRY, id="an-agencys-sheet-beside-2024年"),
        pytest.param(("2024年", IP_OFFICE[1]), ("2024年（修订）", FORESTRY[1]), id="a-revision"),
        pytest.param(
            FORESTRY,
            ("县知识产权局", [*IP_OFFICE[1], ["4.3", None, "约1652"]]),
            id="figures-beside-a-mistake",
        ),
        pytest.param(("Sheet1", [HEADER]), FORESTRY, id="figures-below-a-header-only-sheet"),
    ],
)
def test_figures_on_another_sheet_of_this_year_are_never_lost(
    read: tuple[str, list[list[object]]], other: tuple[str, list[list[object]]]
) -> None:
    result = check(sheets("2024.xlsx", read, other))
    assert result.exit_code == 2
    assert "LZ275" in result.stderr
    assert f"（{other[0]}）" in result.stderr


@pytest.mark.parametrize(
    "last_year",
    [
        pytest.param([["年度", *HEADER], [2023, "1.1", "县林业局", 2]], id="by-its-year-cells"),
        pytest.param(
            [["鹿寨县2023年知识产权指标填报表"], HEADER, ["1.1", "县林业局", 2]], id="by-title"
        ),
        pytest.param(
            [["指标", "责任单位", "2023年完成值"], ["1.1", "县林业局", 2]], id="by-header"
        ),
    ],
)
def test_last_years_form_on_a_sheet_not_named_for_it_is_passed_over(
    last_year: list[list[object]],
) -> None:
    result = check(sheets("2024.xlsx", IP_OFFICE, ("上年", last_year)))
    assert actual(result, "1.1") == 9
    assert "LZ275" not in result.stderr


@pytest.mark.parametrize(
    "this_year",
    [
        pytest.param(
            [["鹿寨县2024年知识产权指标填报表"], HEADER, ["1.1", "县林业局", 2]], id="by-title"
        ),
        pytest.param(
            [["指标", "责任单位", "2024年完成值"], ["1.1", "县林业局", 2]], id="by-header"
        ),
    ],
)
def test_auditing_last_year_with_this_years_form_in_front_is_lz215_not_lz275(
    this_year: list[list[object]],
) -> None:
    # The sheet read is 2024's form (its title or value header says so); 上年 is 2023's.
    # --year 2023 is refused for the sheet read, not for the very sheet the user wants.
    last_year = [["鹿寨县2023年知识产权指标填报表"], HEADER, ["1.1", "县知识产权局", 9]]
    result = check(
        sheets("report.xlsx", ("Sheet1", this_year), ("上年", last_year)), "--year", "2023"
    )
    assert result.exit_code == 2
    assert "LZ215" in result.stderr
    assert "LZ275" not in result.stderr


def test_a_folder_form_whose_first_sheet_is_blank_is_refused_for_the_figures_after_it(
    tmp_path: Path,
) -> None:
    # The first sheet holds the header only: in a folder it was passed over as unfilled, and
    # the agency's figures on Sheet2 went with it.
    folder = tmp_path / "2024"
    folder.mkdir()
    sheets(str(folder / "edu.xlsx"), ("Sheet1", [HEADER]), ("Sheet2", FORESTRY[1]))
    (folder / "ip.csv").write_text("指标,责任单位,数值\n1.1,县知识产权局,9\n", "utf-8")
    result = run_lzip("check", str(folder), "--lang", "en", inputs=[folder])
    assert result.exit_code == 2
    assert f"{Path('2024', 'edu.xlsx')}: error LZ275" in result.stderr


def test_a_hidden_sheet_of_figures_is_passed_over_as_before() -> None:
    path = sheets("2024.xlsx", FORESTRY, IP_OFFICE)
    book = openpyxl.load_workbook(path)
    book["县知识产权局"].sheet_state = "hidden"
    book.save(path)
    assert actual(check(path), "1.1") == 2


def test_a_folder_with_such_a_workbook_names_it_and_reads_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "2024"
    folder.mkdir()
    sheets(str(folder / "合并.xlsx"), FORESTRY, IP_OFFICE)
    (folder / "education.csv").write_text("指标,责任单位,数值\n6.1,县教育局,1\n", "utf-8")
    result = run_lzip("check", str(folder), "--lang", "en", inputs=[folder])
    assert result.exit_code == 2
    assert f"{Path('2024', '合并.xlsx')}: error LZ275" in result.stderr


# --- hidden rows and columns ------------------------------------------------------------------


def hiding(
    name: str, rows: list[list[object]], hidden: list[int], columns: tuple[str, ...] = ()
) -> Path:
    """A workbook of ``rows`` whose rows numbered ``hidden`` and ``columns`` (letters) are
    hidden, as Excel hides them."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for number in hidden:
        book.active.row_dimensions[number].hidden = True
    for letter in columns:
        book.active.column_dimensions[letter].hidden = True
    book.save(name)
    return Path(name)


def hidden_warnings(result: Result) -> list[tuple[int, int, str]]:
    document = json.loads(result.stdout)
    return [
        (w["line"], w["column"], w["message"]) for w in document["warnings"] if w["code"] == "LZ273"
    ]


def test_a_hidden_row_of_figures_is_read_and_said_to_be_hidden() -> None:
    # Last year's form filled in again, last year's row hidden rather than deleted: its figure
    # is read, and the warning says where it comes from.
    rows = [HEADER, ["4.3", None, 1500], ["1.1", "县林业局", 3]]
    result = check(hiding("2024.xlsx", rows, hidden=[2]), "--lang", "en")
    assert actual(result, "4.3") == 1500
    assert hidden_warnings(result) == [
        (
            2,
            3,
            "C2: the figures of 1 hidden row are read (row 2): delete those that are not this "
            "year's figures, and unhide the rest so that what is read can be seen",
        )
    ]


def test_the_warning_in_chinese_names_the_hidden_rows() -> None:
    rows = [HEADER, ["4.3", None, 1500], ["1.1", "县林业局", 3], ["3.1", None, 1]]
    result = check(hiding("2024.xlsx", rows, hidden=[2, 4]))
    [(_, _, message)] = hidden_warnings(result)
    assert message.startswith("C2: 读取了 2 个被隐藏的行中的数值（第 2、4 行）")


def test_hidden_rows_without_figures_are_not_warned_about() -> None:
    # The form's own rows for other agencies, filtered out of view, hold no figure: nothing is
    # read from them, nor from blank rows hidden to tidy the form or a hidden row below the last.
    rows = [HEADER, ["4.3", None, 1652], ["1.1", "县教育局", None], [], ["1.1", "县林业局", 3]]
    result = check(hiding("2024.xlsx", rows, hidden=[3, 4, 9]))
    assert hidden_warnings(result) == []


def test_among_many_hidden_rows_only_those_with_figures_are_named() -> None:
    # A form filtered down to one agency: dozens of the form's rows hidden, one with a figure.
    rows: list[list[object]] = [HEADER]
    rows += [[indicator, "县教育局", None] for indicator in ("1.1", "2.1", "6.1", "7.1")]
    rows += [["7.1", "县文体广旅局", 9], ["1.1", "县林业局", 2]]
    result = check(hiding("2024.xlsx", rows, hidden=[2, 3, 4, 5, 6]), "--lang", "en")
    [(line, column, message)] = hidden_warnings(result)
    assert (line, column) == (6, 3)
    assert message.startswith("C6: the figures of 1 hidden row are read (row 6)")


def test_more_than_ten_hidden_rows_with_figures_are_counted_and_ten_named() -> None:
    agencies = ["县知识产权局", "县农业农村局", "县林业局", "县新闻出版局"]
    rows: list[list[object]] = [HEADER]
    rows += [[indicator, agency, 1] for indicator in ("1.1", "2.1", "6.1") for agency in agencies]
    result = check(hiding("2024.xlsx", rows, hidden=list(range(2, 14))), "--lang", "en")
    [(_, _, message)] = hidden_warnings(result)
    assert message.startswith(
        "C2: the figures of 12 hidden rows are read (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…)"
    )


def test_a_row_of_no_height_is_hidden_too() -> None:
    # Dragged shut rather than hidden: Excel and WPS show it no more than a hidden one.
    rows = [HEADER, ["4.3", None, 1500], ["1.1", "县林业局", 3]]
    path = patched(
        hiding("2024.xlsx", rows, hidden=[]),
        "xl/worksheets/sheet1.xml",
        b'<row r="2"',
        b'<row r="2" ht="0" customHeight="1"',
    )
    assert [line for line, _, _ in hidden_warnings(check(path))] == [2]


def test_the_hidden_row_of_a_workbook_with_several_sheets_names_its_sheet() -> None:
    book = openpyxl.Workbook()
    book.active.title = "2024年"
    for row in [HEADER, ["4.3", None, 1652], ["1.1", "县林业局", 3]]:
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    book.create_sheet("说明").append(["填表说明"])
    book.save("2024.xlsx")
    result = run_lzip("validate", "2024.xlsx", "--lang", "en", inputs=["2024.xlsx"])
    assert "2024.xlsx:3:3: warning LZ273: '2024年'!C3: the figures of 1 hidden row" in (
        result.stderr
    ), result.stderr


def test_a_hidden_value_column_that_is_read_is_said_to_be_hidden() -> None:
    rows = [
        ["指标", "责任单位", "数值", "备注"],
        ["4.3", None, 1652, ""],
        ["1.1", "县林业局", 3, ""],
    ]
    result = check(hiding("2024.xlsx", rows, hidden=[], columns=("C", "D")), "--lang", "en")
    assert actual(result, "4.3") == 1652
    assert hidden_warnings(result) == [
        (
            1,
            3,
            "C1: column C (数值), read, is hidden in the sheet: unhide it so that what is read "
            "can be seen",
        )
    ]


def test_a_hidden_row_written_without_its_number_is_found_by_its_place() -> None:
    # <row> may leave out r="N": it is then the row after the one before, as openpyxl reads it.
    rows = [HEADER, ["1.1", "县林业局", 3], ["4.3", None, 1500]]
    path = hiding("2024.xlsx", rows, hidden=[3])
    for number in (1, 2):
        patched(path, "xl/worksheets/sheet1.xml", f'<row r="{number}">'.encode(), b"<row>")
    path = patched(path, "xl/worksheets/sheet1.xml", b'<row r="3" hidden="1">', b'<row hidden="1">')
    result = check(path)
    assert actual(result, "4.3") == 1500
    assert [line for line, _, _ in hidden_warnings(result)] == [3]


#: Errors located in rows a workbook hides: (rows, hidden rows, language, what stderr says).
ERRORS_IN_HIDDEN_ROWS = [
    pytest.param(
        [HEADER, ["4.3", None, 1500], ["4.3", None, 1652]],
        [2],
        "en",
        "2024.xlsx:3:2: error LZ210: B3: indicator 4.3 has two county-wide rows (blank agency): "
        "first at row 2 (row 2 is hidden in the sheet: unhide it to see it)",
        id="the-first-of-a-duplicate-hidden",
    ),
    pytest.param(
        [HEADER, ["4.3", None, 1500], ["4.3", None, 1652]],
        [2, 3],
        "zh",
        "（第 2、3 行在工作表中被隐藏，取消隐藏才能看到）",
        id="both-rows-hidden-in-chinese",
    ),
    pytest.param(
        [HEADER, ["1.1", "县林业局", "三"], ["4.3", None, 1652]],
        [2],
        "en",
        "(row 2 is hidden in the sheet: unhide it to see it)",
        id="a-bad-cell-in-a-hidden-row",
    ),
]


@pytest.mark.parametrize(("rows", "hidden", "lang", "said"), ERRORS_IN_HIDDEN_ROWS)
def test_an_error_in_a_hidden_row_says_the_row_is_hidden(
    rows: list[list[object]], hidden: list[int], lang: str, said: str
) -> None:
    result = check(hiding("2024.xlsx", rows, hidden=hidden), "--lang", lang)
    assert result.exit_code == 2
    assert said in result.stderr


def test_a_year_cell_of_another_year_in_a_hidden_row_says_the_row_is_hidden() -> None:
    # LZ213 alone (no other error in the sheet): last year's row, hidden rather than deleted.
    rows = [["年度", *HEADER], [2024, "4.3", None, 1652], [2023, "1.1", "县林业局", 2]]
    result = check(hiding("2024.xlsx", rows, hidden=[3]), "--lang", "en")
    assert result.exit_code == 2
    assert "LZ213" in result.stderr
    assert "(row 3 is hidden in the sheet: unhide it to see it)" in result.stderr


def test_last_years_hidden_rows_above_this_years_name_both_rows_and_say_what_to_do() -> None:
    # Last year's rows hidden above this year's: the error is at the first visible row of
    # 2025, and says which row holds 2024 (hidden) and what to keep.
    rows = [["年度", *HEADER], [2024, "1.1", "县林业局", 2], [2025, "1.1", "县林业局", 3]]
    result = check(hiding("2025.xlsx", rows, hidden=[2]), "--lang", "en")
    assert result.exit_code == 2
    assert (
        "2025.xlsx:3:1: error LZ213: A3: the year column holds different years (2024, 2025): "
        "2024 in row 2, 2025 in this row: the report is of 2025: keep its 2025 rows only, and "
        "delete the others (row 2 is hidden in the sheet: unhide it to see it)"
    ) in result.stderr


def test_merged_cells_in_a_hidden_row_say_the_row_is_hidden() -> None:
    rows = [HEADER, ["4.3", None, 1652], ["1.1", "县林业局", 2], ["1.1", "县知识产权局", 9]]
    path = hiding("2024.xlsx", rows, hidden=[3])
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("C3:C4")
    book.save(path)
    result = check(path, "--lang", "en")
    assert result.exit_code == 2
    assert "LZ253" in result.stderr
    assert "(row 3 is hidden in the sheet: unhide it to see it)" in result.stderr


def test_a_duplicate_across_two_workbooks_says_which_of_its_rows_are_hidden(
    tmp_path: Path,
) -> None:
    # One agency's form sent twice, its row hidden in each: both workbooks' rows are named.
    folder = tmp_path / "2024"
    folder.mkdir()
    hiding(
        str(folder / "a.xlsx"), [HEADER, ["1.1", "县知识产权局", 9], ["6.1", "县教育局", 1]], [2]
    )
    hiding(
        str(folder / "b.xlsx"), [HEADER, ["7.1", "县教育局", 1], ["1.1", "县知识产权局", 9]], [3]
    )
    result = run_lzip("check", str(folder), "--lang", "en", inputs=[folder])
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if "LZ210" in line]
    assert f"{Path('2024', 'b.xlsx')}:3:2: error LZ210" in line
    assert line.endswith(
        f"(row 3 is hidden in the sheet: unhide it to see it) (row 2 of {Path('2024', 'a.xlsx')} "
        "is hidden in its sheet: unhide it to see it)"
    )


def test_the_hidden_rows_warning_does_not_say_it_twice() -> None:
    rows = [HEADER, ["4.3", None, 1500], ["1.1", "县林业局", 3]]
    result = check(hiding("2024.xlsx", rows, hidden=[2]), "--lang", "en")
    [(_, _, message)] = hidden_warnings(result)
    assert "unhide it to see it" not in message


def test_an_error_in_a_row_that_is_not_hidden_says_nothing_of_hidden_rows() -> None:
    rows = [HEADER, ["4.3", None, 1500], ["1.1", "县林业局", 3], ["1.1", "县林业局", 4]]
    result = check(hiding("2024.xlsx", rows, hidden=[2]), "--lang", "en")
    assert result.exit_code == 2
    assert "LZ210" in result.stderr
    assert "hidden" not in result.stderr


# --- a merged header over a row of years --------------------------------------------------------


def test_a_value_header_merged_over_a_row_of_years_reads_the_reports_year() -> None:
    # 完成值 merged across C1:D1 over 2023年 | 2024年, as the CSV of the same form reads.
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["指标", "责任单位", "完成值", None], [None, None, "2023年", "2024年"]):
        sheet.append(row)
    sheet.append(["4.3", None, 1500, 1652])
    sheet.merge_cells("C1:D1")
    book.save("2024.xlsx")
    result = check(Path("2024.xlsx"))
    assert actual(result, "4.3") == 1652
    assert "LZ253" not in result.stderr


# --- hostile layouts: millions of hidden rows or merged ranges in a small file ----------------


def test_a_sheet_of_more_rows_than_a_report_may_have_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A 2.4 MB file can declare 60 million hidden rows, whose attributes openpyxl keeps as it
    # reads them: 11 GB of memory before the reader's own limit was reached.
    from lzip_cli import xlsx_reader

    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 3)
    read: list[int] = []
    real_sheet_rows = xlsx_reader._sheet_rows

    def sheet_rows(sheet, name):  # type: ignore[no-untyped-def]
        for number, row in real_sheet_rows(sheet, name):
            read.append(number)
            yield number, row

    monkeypatch.setattr(xlsx_reader, "_sheet_rows", sheet_rows)
    rows = [HEADER, *[["4.3", None, n] for n in range(6)]]
    path = hiding("2024.xlsx", rows, hidden=[2, 3, 4, 5, 6])
    result = run_lzip("check", str(path), "--lang", "en", inputs=[path])
    assert result.exit_code == 2
    assert "2024.xlsx:4: error LZ233: too many rows" in result.stderr, result.stderr
    assert read == []  # refused by the layout scan, before openpyxl read a row


def test_more_merged_ranges_than_any_form_has_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from lzip_cli import xlsx_reader

    monkeypatch.setattr(xlsx_reader, "MAX_MERGED", 3)
    book = openpyxl.Workbook()
    for row in [["鹿寨县2024年报表"], ["填报单位：县林业局"], HEADER, ["4.3", None, 1652]]:
        book.active.append(row)
    for ref in ("A1:C1", "A2:C2", "D1:E1", "D2:E2"):
        book.active.merge_cells(ref)
    book.save("2024.xlsx")
    result = run_lzip("check", "2024.xlsx", "--lang", "en", inputs=["2024.xlsx"])
    assert result.exit_code == 2
    assert (
        "2024.xlsx: error LZ253: the sheet has more than 3 merged ranges: unmerge the cells and "
        "save it again"
    ) in result.stderr, result.stderr


def test_a_sheet_is_not_parsed_for_its_declared_size_when_the_workbook_is_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without a <dimension>, openpyxl's look for one parses the whole sheet into memory (5 GB
    # for a 2 MB file of 60 million rows); lzip drops the declared size anyway.
    from openpyxl.worksheet._reader import WorkSheetParser

    looked: list[object] = []
    real = WorkSheetParser.parse_dimensions

    def parse_dimensions(self):  # type: ignore[no-untyped-def]
        looked.append(self)
        return real(self)

    monkeypatch.setattr(WorkSheetParser, "parse_dimensions", parse_dimensions)
    rows = [HEADER, ["4.3", None, 1652], ["1.1", "县林业局", 3]]
    result = check(hiding("2024.xlsx", rows, hidden=[]))
    assert actual(result, "4.3") == 1652
    assert looked == []
