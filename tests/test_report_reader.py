"""Reading a year's report: headers, names, encodings, the year, and every located error.

Reports are written in each test, byte for byte as Excel, WPS or a text editor would save them.
Errors are asserted by code, row (``line``) and column, and by what the message tells the user.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import ROOT, patched, run_lzip
from lzip_cli.cells import NOT_CARRIED_OUT
from lzip_cli.errors import MAX_PROBLEMS, LzipError, Problem
from lzip_cli.models import Plan
from lzip_cli.plan_loader import default_data_dir, load_plan
from lzip_cli.render.problems import column_letters, format_problem
from lzip_cli.report import Report, ReportRow
from lzip_cli.report_reader import read_report, years_in_name

EXAMPLE = ROOT / "examples" / "2024.csv"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(default_data_dir())


# Problems name the report relative to the working directory: "2024.csv".
pytestmark = pytest.mark.usefixtures("in_tmp")


def write(name: str, text: str, encoding: str = "utf-8") -> Path:
    path = Path(name)
    path.write_bytes(text.encode(encoding))
    return path


def read(plan: Plan, name: str, text: str, year: int | None = None, **kw: str) -> Report:
    return read_report(write(name, text, **kw), plan, year)


def problems(plan: Plan, name: str, text: str | bytes, year: int | None = None) -> list[Problem]:
    path = Path(name)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(LzipError) as caught:
        read_report(path, plan, year)
    return caught.value.problems


def one(found: list[Problem]) -> Problem:
    assert len(found) == 1, found
    return found[0]


def figures(report: Report) -> dict[tuple[str, str | None], object]:
    return {(r.indicator_id, r.agency_id): r.value for r in report.rows}


def english(problem: Problem) -> str:
    return format_problem(problem, "en")


# --- headers -------------------------------------------------------------------------------


EXPECTED = {("4.3", None): 1652.0, ("1.1", "ip-office"): 9.0}


@pytest.mark.parametrize(
    "text",
    [
        "indicator,agency,value\n4.3,,1652\n1.1,ip-office,9\n",
        "指标,责任单位,数值\n4.3,,1652\n1.1,ip-office,9\n",
        "数值,指标,责任单位\n1652,4.3,\n9,1.1,ip-office\n",
        "value,agency,indicator\n1652,,4.3\n9,ip-office,1.1\n",
        "Indicator,AGENCY,Value\n4.3,,1652\n1.1,ip-office,9\n",
        "指标内容,责任单位,完成值\n4.3,,1652\n1.1,ip-office,9\n",
        " 指标 ,责任单位 ,数值\n4.3,,1652\n1.1,ip-office,9\n",
        "ｉｎｄｉｃａｔｏｒ,agency,ｖａｌｕｅ\n4.3,,1652\n1.1,ip-office,9\n",
        # a blank first line and blank rows are skipped
        "\n指标,责任单位,数值\n\n4.3,,1652\n,,\n1.1,ip-office,9\n",
    ],
    ids=[
        "english",
        "chinese",
        "chinese-reordered",
        "english-reordered",
        "mixed-case",
        "synonyms",
        "padded",
        "full-width",
        "blank-lines",
    ],
)
def test_headers_in_either_language_and_any_order(plan: Plan, text: str) -> None:
    report = read(plan, "2024.csv", text)
    assert figures(report) == EXPECTED
    assert report.warnings == []


def test_optional_columns_note_count_year(plan: Plan) -> None:
    report = read(
        plan,
        "2024.csv",
        "年度,指标,责任单位,数值,笔数,备注\n2024,5.1,县财政局,850,3,两笔贷款\n2024,5.4,,120,2,\n",
    )
    rows = {r.indicator_id: r for r in report.rows}
    assert rows["5.1"] == ReportRow(2, "5.1", "finance", 850.0, 3.0, "两笔贷款", "2024.csv")
    assert rows["5.4"].count == 2.0
    assert report.year == 2024


def test_a_row_with_a_note_and_no_figure_gives_no_row_but_keeps_its_note(plan: Plan) -> None:
    # Why a figure was not reported is what the office needs to read; it used to be dropped.
    report = read(
        plan,
        "2024.csv",
        "指标,责任单位,数值,备注\n7.1,县林业局,,稿件已投送，待刊发\n7.1,,,全县待汇总\n4.3,,1652,\n",
    )
    assert [r.indicator_id for r in report.rows] == ["4.3"]
    assert report.notes == {("7.1", "forestry"): "稿件已投送，待刊发", ("7.1", None): "全县待汇总"}


def test_count_header_synonyms(plan: Plan) -> None:
    for header in ("count", "笔数", "件数", "笔数/件数"):
        report = read(plan, "2024.csv", f"指标,数值,{header}\n5.2,300,4\n")
        assert report.rows[0].count == 4.0, header


def test_ignored_columns_are_named_in_a_warning(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,数值,填报人,联系电话,责任单位\n4.3,1652,张三,123,\n")
    assert figures(report) == {("4.3", None): 1652.0}
    warning = one(report.warnings)
    assert (warning.code, warning.line) == ("LZ222", 1)
    assert "填报人" in english(warning) and "联系电话" in english(warning)


def test_a_header_of_many_unknown_columns_names_ten_and_counts_the_rest(plan: Plan) -> None:
    unknown = ",".join(f"列{i}" for i in range(1, 1001))
    report = read(plan, "2024.csv", f"指标,数值,{unknown}\n4.3,1652\n")
    warning = one(report.warnings)
    assert english(warning).endswith(
        "列1, 列2, 列3, 列4, 列5, 列6, 列7, 列8, 列9, 列10 and 990 more"
    )
    assert format_problem(warning, "zh").endswith("列10 等 1000 列")


def test_form_columns_are_read_past_without_a_warning(plan: Plan) -> None:
    # lzip template writes 指标名称 and 计量单位 for the reader's benefit.
    report = read(plan, "2024.csv", "指标,指标名称,计量单位,数值\n4.3,有效注册商标拥有量,件,1652\n")
    assert report.warnings == []


def test_a_row_number_column_is_read_past_without_a_warning(plan: Plan) -> None:
    report = read(plan, "2024.csv", "序号,指标,数值\n1,4.3,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}
    assert report.warnings == []


@pytest.mark.parametrize("header", ["单位", "填报单位"])
def test_a_unit_column_without_an_agency_column_is_the_agency(plan: Plan, header: str) -> None:
    # Read as a unit of measure, 县林业局's rows would have been summed as county figures.
    report = read(plan, "2024.csv", f"指标,{header},数值\n1.1,县林业局,2\n")
    assert figures(report) == {("1.1", "forestry"): 2.0}


def test_a_unit_column_beside_the_agency_column_is_read_past(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,单位,责任单位,数值\n4.3,件,,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}
    assert report.warnings == []


def test_a_unit_of_measure_in_a_lone_unit_column_is_refused_not_dropped(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,单位,数值\n4.3,件,1652\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ217", 2, 2)
    assert "'件' is a unit of measure in the column read as the agency" in english(problem)


@pytest.mark.parametrize(
    "footer",
    [
        ",,\n注：1.数值填写截至12月31日数据。,,\n",
        "填表人：张三,,联系电话：13800000000\n审核人：李四,,\n",
        "说明：含专项行动,,\n联系人:王五,,\n",
        "填报日期：2025年1月10日,,\n审核：李四,,\n制表单位：县知识产权局,,\n（盖章）,,\n",
        "填表说明：数值填截至年末的数,,\n",
    ],
)
def test_a_forms_footer_rows_are_read_past(plan: Plan, footer: str) -> None:
    report = read(plan, "2024.csv", BODY + footer)
    assert figures(report) == TITLED


def test_an_unknown_indicator_is_still_an_error_below_the_data(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", BODY + "9.9,,1661\n"))
    assert (problem.code, problem.line) == ("LZ211", 4)


@pytest.mark.parametrize(
    "layout",
    [
        # lzip's own form: the year in column A, where staff type the notes below the figures
        "年度,指标,责任单位,数值\n2024,4.3,,1652\n2024,1.1,ip-office,9\n"
        "注：数值按年末统计,,,\n填表人：张三,,,\n",
        # a WPS form numbering its rows in column A
        "序号,指标,责任单位,数值\n1,4.3,,1652\n2,1.1,ip-office,9\n注：数值按年末统计,,,\n",
    ],
    ids=["year-first", "row-number-first"],
)
def test_footer_rows_are_read_past_whichever_column_they_are_typed_in(
    plan: Plan, layout: str
) -> None:
    report = read(plan, "2024.csv", layout)
    assert figures(report) == TITLED
    assert report.warnings == []


@pytest.mark.parametrize("label", ["合计", "合  计", "总计：", "汇总", "Total"])
def test_a_totals_row_is_skipped_with_a_warning(plan: Plan, label: str) -> None:
    report = read(plan, "2024.csv", BODY + f"{label},,1661\n")
    assert figures(report) == TITLED
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.column) == ("LZ248", 4, 1)


def test_a_totals_row_after_a_row_number_is_skipped_with_a_warning(plan: Plan) -> None:
    report = read(plan, "2024.csv", "序号,指标,责任单位,数值\n1,4.3,,1652\n2,合计,,1652\n")
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.column) == ("LZ248", 3, 2)


@pytest.mark.parametrize(
    "footer",
    [
        "经办人：王五,,联系电话：13877200000",  # a figure-like cell does not make it a row
        "填表人：张三,联系电话：,13877200000",
        "制表时间：2025年1月,,",
        "填报时间：2025年1月,,",
        "报送日期：2025年1月10日,,",
        "统计时间：2024年12月31日,,",
        "主要负责人：李四,,",
        "填报单位（盖章）：,,",
        "单位（盖章）,,",
        "附：填表说明,,",
        "2025年1月10日,,",  # no indicator and no figure: nothing reported
        ",县林业局,",
    ],
)
def test_rows_without_an_indicator_or_a_figure_are_read_past(plan: Plan, footer: str) -> None:
    report = read(plan, "2024.csv", BODY + footer + "\n")
    assert figures(report) == TITLED
    assert report.warnings == []


def test_a_row_with_a_figure_but_no_indicator_is_still_an_error(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", BODY + ",县林业局,3\n"))
    assert (problem.code, problem.line) == ("LZ216", 4)


@pytest.mark.parametrize(
    "county",
    ["合计", "全县", "全县合计", "（全县合计）", "全县合计：", "全县汇总", "小计", "Total"],
)
def test_a_county_row_may_name_the_county_instead_of_leaving_the_agency_blank(
    plan: Plan, county: str
) -> None:
    report = read(plan, "2024.csv", f"指标,责任单位,数值\n4.3,{county},1652\n1.1,ip-office,9\n")
    assert figures(report) == TITLED


# --- title rows above the header -------------------------------------------------------------

TITLED = {("4.3", None): 1652.0, ("1.1", "ip-office"): 9.0}
BODY = "指标,责任单位,数值\n4.3,,1652\n1.1,ip-office,9\n"


@pytest.mark.parametrize(
    "above",
    [
        "鹿寨县2024年知识产权强县建设指标填报表,,\n",
        "鹿寨县2024年知识产权强县建设指标填报表\n",
        "知识产权指标填报表,,\n填报单位：（盖章）,,填报日期：2025年1月\n\n",
        "表一\n\n单位：起、件、%\n",
        "一,二,三\n四\n五\n六\n七\n",
        # A county form's head: title, period, who, when, units, a note (six rows).
        "鹿寨县2024年度知识产权强县建设指标完成情况表,,\n（2024年1月1日至2024年12月31日）,,\n"
        "填报单位（盖章）：县知识产权局,,\n填报日期：2025年1月10日,,\n单位：件、万元、%,,\n"
        "说明：全县合计行责任单位留空,,\n",
        "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n",
    ],
    ids=[
        "title",
        "title-one-cell",
        "title-and-subtitle",
        "blank-between",
        "five-rows",
        "six-rows-of-a-county-form",
        "ten-rows",
    ],
)
def test_title_rows_above_the_header_are_read_past(plan: Plan, above: str) -> None:
    report = read(plan, "2024.csv", above + BODY)
    assert figures(report) == TITLED
    assert report.warnings == []


@pytest.mark.parametrize("label", ["填报单位", "单位", "报送单位："])
def test_a_label_and_the_agency_in_cells_of_their_own_are_a_title_not_the_header(
    plan: Plan, label: str
) -> None:
    text = f"{label},县林业局,,\n指标,责任单位,数值,联系人\n4.3,,1652,张三\n"
    report = read(plan, "2024.csv", text)
    assert figures(report) == {("4.3", None): 1652.0}
    [warning] = report.warnings
    assert (warning.code, warning.line) == ("LZ222", 2)  # the header's own row


def test_errors_below_a_title_keep_their_row_numbers(plan: Plan) -> None:
    found = one(problems(plan, "2024.csv", "填报表\n" + BODY + "4.2,,十七\n"))
    assert (found.code, found.line, found.column) == ("LZ218", 5, 3)


@pytest.mark.parametrize(
    "above",
    [
        "1.1,县林业局,2\n",  # a row of figures: the header must come first
        "说明,,\n4.3,,1652\n",
        "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n",  # more than a title
    ],
    ids=["figures", "title-then-figures", "eleven-rows"],
)
def test_rows_above_the_header_that_are_no_title_make_the_header_missing(
    plan: Plan, above: str
) -> None:
    found = problems(plan, "2024.csv", above + BODY)
    assert {p.code for p in found} == {"LZ208"}
    assert {p.line for p in found} == {1}


# --- indicators and agencies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "indicator_id"),
    [
        ("4.3", "4.3"),
        ("４．３", "4.3"),
        ("有效注册商标拥有量", "4.3"),
        ("有效注册商标拥有量(件)", "4.3"),
        ("有效注册商标拥有量（件）", "4.3"),
        ("有效注册商标拥有量 （件）", "4.3"),
        ("Valid registered trademarks held", "4.3"),
        ("非正常专利申请主动撤回率（%）", "1.2"),
        ("非正常专利申请主动撤回率（％）", "1.2"),
        ("10年以上高维持发明专利保有量（件）", "4.2"),
        ("专利质押融资金额（万元）/笔", "5.1"),
        ("知识产权文化法律“四进”活动", "8.1"),
    ],
)
def test_indicator_by_id_or_name(plan: Plan, cell: str, indicator_id: str) -> None:
    report = read(plan, "2024.csv", f'指标,数值\n"{cell}",1\n')
    assert report.rows[0].indicator_id == indicator_id


@pytest.mark.parametrize(
    ("cell", "agency_id"),
    [
        ("", None),
        ("  ", None),
        ("procuratorate", "procuratorate"),
        ("县人民检察院", "procuratorate"),
        ("县检察院", "procuratorate"),
        ("鹿寨县人民检察院", "procuratorate"),
        ("County People's Procuratorate", "procuratorate"),
        ("国家金融监督管理总局鹿寨监管支局", "financial-regulator"),
        ("县 知识产权局", "ip-office"),
        ("IP-OFFICE", "ip-office"),
    ],
)
def test_agency_by_id_name_or_alias(plan: Plan, cell: str, agency_id: str | None) -> None:
    report = read(plan, "2024.csv", f'指标,责任单位,数值\n8.1,"{cell}",1\n')
    assert report.rows[0].agency_id == agency_id


def test_rows_left_blank_are_not_reported(plan: Plan) -> None:
    # The filled-in form keeps a row for every agency: a blank value says nothing.
    report = read(plan, "2024.csv", "指标,责任单位,数值,备注\n4.3,,,尚未统计\n4.3,,1652,\n")
    assert figures(report) == {("4.3", None): 1652.0}


def test_not_carried_out_marks(plan: Plan) -> None:
    report = read(
        plan,
        "2024.csv",
        "指标,责任单位,数值,笔数\n5.1,,—,—\n5.2,,－,\n5.3,,未开展,\n2.1,forestry,-,\n",
    )
    assert set(figures(report).values()) == {NOT_CARRIED_OUT}
    assert report.rows[0].count is NOT_CARRIED_OUT


# --- encodings and cell forms --------------------------------------------------------------

EXCEL_TEXT = (
    "指标,责任单位,数值,备注\r\n"
    "有效注册商标拥有量（件）,,１，６５２,截至年底\r\n"
    "查处假冒知识产权行政案件(起),鹿寨县知识产权局,１８起,\r\n"
    "非正常专利申请主动撤回率,,９５％,\r\n"
    "5.3,,未开展,\r\n"
    "2.1,县新闻出版局,—,尚未制定\r\n"
)
EXCEL_FIGURES = {
    ("4.3", None): 1652.0,
    ("1.1", "ip-office"): 18.0,
    ("1.2", None): 95.0,
    ("5.3", None): NOT_CARRIED_OUT,
    ("2.1", "press-publication"): NOT_CARRIED_OUT,
}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_encodings_and_line_ends(plan: Plan, encoding: str, newline: str) -> None:
    report = read(plan, "2024.csv", EXCEL_TEXT.replace("\r\n", newline), encoding=encoding)
    assert figures(report) == EXCEL_FIGURES
    assert report.rows[0].note == "截至年底"
    assert report.warnings == []


@pytest.mark.parametrize(
    "above",
    ["", "鹿寨县2024年填报表\r\n", "鹿寨县2024年填报表\t\t\t\r\n"],
    ids=["", "title", "tabbed-title"],
)
def test_excel_text_tab_delimited(plan: Plan, above: str) -> None:
    # Excel's and WPS's "文本文件(制表符分隔)": GBK, tabs, and "1,652" left unquoted.
    text = above + EXCEL_TEXT.replace(",", "\t").replace("１，６５２", "1,652")
    report = read(plan, "2024.txt", text, encoding="gbk")
    assert figures(report) == EXCEL_FIGURES
    assert report.warnings == []


@pytest.mark.parametrize("header", ["指标\t数值\t备注(如有,请说明)", "指标\t完成值(万元,件)\t备注"])
def test_a_comma_in_a_header_cell_leaves_tab_delimited_text_tab_delimited(
    plan: Plan, header: str
) -> None:
    report = read(plan, "2024.txt", f"{header}\r\n4.3\t1652\t\r\n")
    assert figures(report) == {("4.3", None): 1652.0}


def test_a_tab_inside_a_csv_cell_leaves_it_a_csv(plan: Plan) -> None:
    report = read(plan, "2024.csv", '指标,数值,备注\n4.3,1652,"截至\t年底"\n')
    assert figures(report) == {("4.3", None): 1652.0}
    assert report.rows[0].note == "截至\t年底"


def test_bom_does_not_hide_the_first_header(plan: Plan) -> None:
    path = Path("2024.csv")
    path.write_bytes(codecs.BOM_UTF8 + "指标,数值\n4.3,1652\n".encode())
    assert figures(read_report(path, plan)) == {("4.3", None): 1652.0}


def test_gb18030_four_byte_characters(plan: Plan) -> None:
    # 𠀀 is outside GBK: only GB18030 encodes it (four bytes).
    report = read(plan, "2024.csv", "指标,数值,备注\n4.3,1652,𠀀\n", encoding="gb18030")
    assert report.rows[0].note == "𠀀"


def test_a_utf8_line_in_a_gbk_file_is_an_error_at_its_line(plan: Plan) -> None:
    # A row pasted from a UTF-8 file into one saved as GBK: read as GBK it names an agency
    # 鍘挎枃浣撳箍鏃呭眬, which is no typo to suggest a name for.
    data = "指标,责任单位,数值,备注\n6.1,县教育局,1,培训\n".encode("gbk")
    data += "6.1,县文体广旅局,2,培训\n".encode()
    problem = one(problems(plan, "2024.csv", data))
    assert (problem.code, problem.key, problem.line) == ("LZ203", "report_utf8_line", 3)
    assert "UTF-8" in english(problem) and "GBK" in english(problem)


@pytest.mark.parametrize(
    "text",
    [
        "指标,责任单位,数值,备注\n6.1,县教育局,1,培训\n4.3,,1652,是\n",
        # every line of the shipped example, as Excel on Chinese Windows saves it
        EXAMPLE.read_text(encoding="utf-8-sig").replace("—", "-"),
    ],
    ids=["short", "example"],
)
def test_gbk_text_is_not_taken_for_utf8(plan: Plan, text: str) -> None:
    report = read(plan, "2024.csv", text, encoding="gbk")
    assert report.rows


def test_gbk_deep_in_a_long_utf8_looking_file_is_an_error(plan: Plan) -> None:
    # The first MiB decides the encoding; a later GBK line is reported where it is.
    head = "指标,数值,备注\n" + "4.3,1652,x\n".replace("4.3", "4.3") * 1
    filler = "".join(f"4.{i % 3 + 1},,\n" for i in range(120_000))
    data = head.encode() + filler.encode() + "4.3,1,县\n".encode("gbk")
    problem = one(problems(plan, "2024.csv", data))
    assert problem.code == "LZ203"
    assert problem.line is not None and problem.line > 100_000


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "LZ201"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "LZ202"),
        ("指标,数值\n4.3,1652\n".encode("utf-16-le"), "LZ203"),
        (b"\xfa\xfb\x80\x81" * 10, "LZ203"),
        (b"indicator,value\n4.3,1\x00652\n", "LZ204"),
        (b'indicator,value\n4.3,"1652\n', "LZ206"),
    ],
    ids=["empty", "xls", "utf16", "binary", "nul", "open-quote"],
)
def test_unreadable_files(plan: Plan, data: bytes, code: str) -> None:
    problem = one(problems(plan, "2024.csv", data))
    assert (problem.code, problem.file) == (code, "2024.csv")


def test_missing_file_and_directory(plan: Plan) -> None:
    with pytest.raises(LzipError) as caught:
        read_report(Path("2024.csv"), plan)
    assert one(caught.value.problems).code == "LZ003"
    Path("2024").mkdir()
    with pytest.raises(LzipError) as caught:
        read_report(Path("2024"), plan)
    assert one(caught.value.problems).code == "LZ001"


# --- the year ------------------------------------------------------------------------------

ROWS = "指标,数值\n4.3,1652\n"


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("2024.csv", 2024),
        ("鹿寨县2024年报.csv", 2024),
        ("report-2023.csv", 2023),
        ("2024年度知识产权指标.CSV", 2024),
    ],
)
def test_year_from_the_file_name(plan: Plan, name: str, year: int) -> None:
    assert read(plan, name, ROWS).year == year


def test_year_from_the_option(plan: Plan) -> None:
    assert read(plan, "report.csv", ROWS, year=2023).year == 2023
    assert read(plan, "2024.csv", ROWS, year=2024).year == 2024


@pytest.mark.parametrize("cell", ["2024", "2024年", "２０２４", "2024年度"])
def test_year_from_the_column(plan: Plan, cell: str) -> None:
    report = read(plan, "report.csv", f"年度,指标,数值\n{cell},4.3,1652\n,1.1,9\n")
    assert report.year == 2024


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("鹿寨县2024年报表_2025.01.10.csv", 2024),
        ("2024年知识产权指标(2025年1月10日填报).csv", 2024),
        ("2024报表_2025-01-10.csv", 2024),
        ("2024报表_20250110.csv", 2024),
        ("2024年度报表2025.1.10.csv", 2024),
        ("report-2024-v2.csv", 2024),
    ],
)
def test_a_date_in_the_file_name_is_not_the_report_year(plan: Plan, name: str, year: int) -> None:
    assert read(plan, name, ROWS).year == year


@pytest.mark.parametrize(
    "name",
    ["导出2025.01.10.csv", "报表(2025年1月10日).csv", "导出2025-01.csv", "截至2024年12月.csv"],
)
def test_a_name_with_only_a_date_gives_no_year(plan: Plan, name: str) -> None:
    assert one(problems(plan, name, ROWS)).code == "LZ214"
    assert read(plan, name, "year,indicator,value\n2024,4.3,1\n").year == 2024


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2024年12月报表.csv", "2024年12月"),
        ("2024_10.csv", "2024_10"),
        ("导出2025-01-10.csv", "2025-01-10"),
    ],
)
def test_a_name_with_only_a_date_says_it_read_a_date(plan: Plan, name: str, date: str) -> None:
    """Not "put the year in the file name": the name has one, read as a month or a day."""
    problem = one(problems(plan, name, ROWS))
    assert (problem.code, problem.key) == ("LZ214", "year_name_date")
    assert english(problem).endswith(
        f"cannot tell the report's year: {date} in the name {name} reads as a date (a month or "
        "a day), not as the report's year; pass --year"
    )
    assert f"文件名 {name} 中的 {date} 读作日期" in format_problem(problem, "zh")


def test_a_name_with_several_years_says_so(plan: Plan) -> None:
    problem = one(problems(plan, "2023年、2024年指标.csv", ROWS))
    assert (problem.code, problem.file) == ("LZ214", "2023年、2024年指标.csv")
    assert "the name 2023年、2024年指标.csv holds several years (2023, 2024); pass --year" in (
        english(problem)
    )


def test_the_year_option_wins_over_the_file_name_with_a_warning(plan: Plan) -> None:
    report = read(plan, "2024.csv", ROWS, year=2023)
    assert report.year == 2023
    warning = one(report.warnings)
    assert (warning.code, warning.file) == ("LZ245", "2024.csv")
    assert "--year 2023 differs from the year 2024 in the file or folder name" in english(warning)


def test_a_year_column_against_the_year_option_names_the_file_name_year_too(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "年度,指标,数值\n2024,4.3,1\n", 2023))
    assert problem.code == "LZ215"
    assert "--year 2023, file or folder name 2024, year column 2024" in english(problem)


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("２０２４年度报表_2025.csv", [2024]),
        ("鹿寨县２０２４年报.csv", [2024]),
        ("2023-2024年度.csv", [2023, 2024]),
        ("2023至2024年报表.csv", [2023, 2024]),
        ("2024年报（2023-2024年度对比）.csv", [2023, 2024]),
    ],
)
def test_years_in_names_with_full_width_digits_and_spans(name: str, years: list[int]) -> None:
    assert years_in_name(Path(name)) == years


def test_two_years_in_the_year_column_of_a_workbook_name_the_cell(plan: Plan) -> None:
    rows = [["指标", "数值", "年度"], ["4.3", 1652, 2024], ["1.1", 9, 2023]]
    path = workbook(Path("book.xlsx"), rows)
    with pytest.raises(LzipError) as caught:
        read_report(path, plan)
    problem = one(caught.value.problems)
    assert (problem.code, problem.line, problem.column) == ("LZ213", 3, 3)
    assert english(problem).startswith("book.xlsx:3:3: error LZ213: C3: ")


def test_the_year_option_agreeing_with_the_name_warns_nothing(plan: Plan) -> None:
    assert read(plan, "2024.csv", ROWS, year=2024).warnings == []


def test_a_name_with_two_years_leaves_it_to_the_column(plan: Plan) -> None:
    # 20231231 is not a year; "2023-2024" holds two: neither decides.
    assert read(plan, "导出20231231-2024.csv", "year,indicator,value\n2024,4.3,1\n").year == 2024
    assert read(plan, "2023-2024.csv", "year,indicator,value\n2024,4.3,1\n").year == 2024


def test_no_year_anywhere(plan: Plan) -> None:
    problem = one(problems(plan, "report.csv", ROWS))
    assert problem.code == "LZ214"
    assert "--year" in english(problem)


@pytest.mark.parametrize(
    ("name", "text", "option", "shown"),
    [
        (
            "2024.csv",
            "年度,指标,数值\n2023,4.3,1\n",
            None,
            "contradictory: file or folder name 2024, year column 2023",  # no "--year —"
        ),
        (
            "report.csv",
            "年度,指标,数值\n2023,4.3,1\n",
            2024,
            "contradictory: --year 2024, year column 2023",
        ),
    ],
    ids=["name-vs-column", "option-vs-column"],
)
def test_year_conflicts(plan: Plan, name: str, text: str, option: int | None, shown: str) -> None:
    problem = one(problems(plan, name, text, option))
    assert (problem.code, problem.file) == ("LZ215", name)
    assert english(problem).endswith(shown)
    assert "—" not in format_problem(problem, "zh")


def test_two_years_in_the_column(plan: Plan) -> None:
    problem = one(
        problems(plan, "report.csv", "年度,指标,数值\n2024,4.3,1\n2024,1.1,2\n2023,3.1,1\n")
    )
    assert (problem.code, problem.line) == ("LZ213", 4)
    assert problem.params["row_a"] == 2


def test_a_bad_year_cell(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,数值,年度\n4.3,1652,去年\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ227", 2, 3)


# --- errors in cells: file, row, column, the text and what was expected -------------------


@pytest.mark.parametrize(
    ("row", "code", "column", "says"),
    [
        ("9.9,,1", "LZ211", 1, "unknown indicator '9.9': expected an id such as 4.3"),
        ("商标拥有量,,1", "LZ211", 1, "'商标拥有量'"),
        (",,1", "LZ216", 1, "the indicator is blank"),
        (
            "4.3,税务局,1",
            "LZ217",
            2,
            "unknown agency '税务局': expected an agency id, name or alias",
        ),
        (
            "4.3,,abc",
            "LZ218",
            3,
            "'abc' is not a figure: expected a number (optionally with 件/trademarks)",
        ),
        ("4.3,,1e309", "LZ218", 3, "'1e309' is not a figure"),
        ("1.2,,NaN", "LZ218", 3, "'NaN' is not a figure: expected a number (optionally with %)"),
        ("4.3,,18起", "LZ218", 3, "'18起' is not a figure"),
        (
            "5.1,,3笔",
            "LZ218",
            3,
            "'3笔' is not a figure: expected a number (optionally with 万元/万/10k yuan)",
        ),
        ("4.3,,-3", "LZ219", 3, "'-3' is negative"),
        ("1.2,,101", "LZ223", 3, "'101': a rate cannot exceed 100%"),
        ("1.2,,101%", "LZ223", 3, "'101%': a rate cannot exceed 100%"),
        ("4.3,,1" + "0" * 13, "LZ224", 3, "implausibly large"),
        ("4.3,,16.5", "LZ228", 3, "'16.5': a figure in trademarks must be a whole number"),
        ("1.1,,１２．５起", "LZ228", 3, "a figure in cases must be a whole number"),
    ],
)
def test_value_errors_are_located(plan: Plan, row: str, code: str, column: int, says: str) -> None:
    problem = one(problems(plan, "2024.csv", f"指标,责任单位,数值,笔数\n4.3,,1652,\n{row},\n"))
    assert (problem.code, problem.file, problem.line, problem.column) == (
        code,
        "2024.csv",
        3,
        column,
    )
    text = english(problem)
    assert text.startswith(f"2024.csv:3:{column}: error {code}: ")
    assert says in text


@pytest.mark.parametrize(
    ("row", "code", "suggestion"),
    [
        ("4.3,县农业局,1", "LZ217", "did you mean '县农业农村局'?"),
        ("4.3,县知识产权,1", "LZ217", "did you mean '县知识产权局'?"),
        ("4.3,鹿寨县林业,1", "LZ217", "did you mean '县林业局'?"),
        ("4.3,县林业局（盖章）,1", "LZ217", "did you mean '县林业局'?"),
        ("有效注册商标量,,1", "LZ211", "did you mean '4.3 有效注册商标拥有量'?"),
        ("1.10,,1", "LZ211", "did you mean '1.1 查处假冒知识产权行政案件'?"),
        ("专利质押融资,,1", "LZ211", "did you mean '5.1 专利质押融资金额'?"),
    ],
)
def test_a_near_miss_is_answered_with_the_closest_name(
    plan: Plan, row: str, code: str, suggestion: str
) -> None:
    problem = one(problems(plan, "2024.csv", f"指标,责任单位,数值\n{row}\n"))
    assert problem.code == code
    assert english(problem).endswith(suggestion)
    assert format_problem(problem, "zh").endswith(
        "；是否指 " + suggestion.split(" ", 3)[3][:-1] + "？"
    )


def test_only_problems_that_are_shown_get_a_suggestion(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past MAX_PROBLEMS a problem is only counted: no time is spent finding it a suggestion.
    asked: list[str] = []
    original = Plan.closest_agency
    monkeypatch.setattr(
        Plan, "closest_agency", lambda self, text: asked.append(text) or original(self, text)
    )
    rows = "".join(f"4.3,县农业局{n},1\n" for n in range(MAX_PROBLEMS + 50))
    with pytest.raises(LzipError) as caught:
        read_report(write("2024.csv", "指标,责任单位,数值\n" + rows), plan)
    assert (len(caught.value.problems), caught.value.omitted) == (MAX_PROBLEMS, 50)
    assert len(asked) == MAX_PROBLEMS


@pytest.mark.parametrize(
    "row", ["4.3,县市场监管局,1", "4.3,税务局,1", "9.9,,1", "4.4,,1", "专利总数,,1"]
)
def test_nothing_is_suggested_when_no_name_is_close(plan: Plan, row: str) -> None:
    problem = one(problems(plan, "2024.csv", f"指标,责任单位,数值\n{row}\n"))
    assert "did you mean" not in english(problem)
    assert "suggestion" not in problem.params


@pytest.mark.parametrize(
    ("row", "value"),
    [("4.3,,16.0", 16.0), ("5.1,,850.5", 850.5), ("1.2,,95.5%", 95.5), ("1.1,,１２起", 12.0)],
)
def test_fractions_only_where_the_unit_allows_them(plan: Plan, row: str, value: float) -> None:
    report = read(plan, "2024.csv", f"指标,责任单位,数值\n{row}\n")
    assert [r.value for r in report.rows] == [value]


@pytest.mark.parametrize(
    ("row", "code", "says"),
    [
        ("4.3,,1652,3", "LZ226", "indicator 4.3 takes no count"),
        ("5.1,,850,2.5", "LZ225", "'2.5': a count must be a whole number"),
        ("5.1,,850,-2", "LZ219", "'-2' is negative"),
        (
            "5.1,,850,3个",
            "LZ218",
            "'3个' is not a figure: expected a number (optionally with 笔/件/deals)",
        ),
        ("5.1,,850,几笔", "LZ218", "'几笔'"),
    ],
)
def test_count_errors_are_located(plan: Plan, row: str, code: str, says: str) -> None:
    problem = one(problems(plan, "2024.csv", f"指标,责任单位,数值,笔数\n{row}\n"))
    assert (problem.code, problem.line, problem.column) == (code, 2, 4)
    assert says in english(problem)


def test_a_count_where_none_is_taken_names_the_plans_indicators_that_take_one(
    tmp_path: Path,
) -> None:
    # Another plan: 5.4 (insurance) without a count of policies. The message once said "5.1–5.4".
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    indicators = data / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    policies = "    count_unit: 笔\n    count_unit_en: policies\n"
    assert policies in text
    indicators.write_text(text.replace(policies, ""), encoding="utf-8")
    problem = one(problems(load_plan(data), "2024.csv", "指标,责任单位,数值,笔数\n5.4,,850,3\n"))
    assert problem.code == "LZ226"
    assert english(problem).endswith(
        "indicator 5.4 takes no count (the plan's indicators with a count: 5.1, 5.2, 5.3)"
    )
    assert format_problem(problem, "zh").endswith("（方案中填笔数/件数的指标：5.1、5.2、5.3）")


@pytest.mark.parametrize(
    ("row", "value", "count"),
    [
        ("5.1,850万,3件", 850.0, 3.0),  # 5.1 counts in 笔: the form's column is 笔数/件数
        ("5.2,300万元,4笔", 300.0, 4.0),  # 5.2 counts in 件
        ("5.3,12.5万,1", 12.5, 1.0),
    ],
)
def test_a_count_in_either_word_and_an_amount_in_wan(
    plan: Plan, row: str, value: float, count: float
) -> None:
    report = read(plan, "2024.csv", f"指标,数值,笔数\n{row}\n")
    assert [(r.value, r.count) for r in report.rows] == [(value, count)]


def test_counts_accept_their_unit_and_full_width_digits(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,数值,笔数\n5.1,850万元,３笔\n5.2,300,4件\n")
    assert [(r.value, r.count) for r in report.rows] == [(850.0, 3.0), (300.0, 4.0)]


def test_every_bad_cell_is_reported_in_one_run(plan: Plan) -> None:
    found = problems(
        plan,
        "2024.csv",
        "指标,责任单位,数值\n9.9,,1\n4.3,税务局,1\n4.3,,abc\n1.2,,150\n1.1,,-1\n",
    )
    assert [(p.code, p.line) for p in found] == [
        ("LZ211", 2),
        ("LZ217", 3),
        ("LZ218", 4),
        ("LZ223", 5),
        ("LZ219", 6),
    ]


@pytest.mark.parametrize(
    ("rows", "indicator", "agency"),
    [
        ("4.3,,1652\n4.3,,1700\n", "4.3", None),
        ("1.1,ip-office,9\n1.1,县知识产权局,9\n", "1.1", "ip-office"),
        ("1.1,知识产权局,9\n查处假冒知识产权行政案件（起）,ip-office,10\n", "1.1", "ip-office"),
    ],
    ids=["county", "same-agency-by-id-and-name", "by-alias-and-name"],
)
def test_duplicate_rows_name_both_rows(
    plan: Plan, rows: str, indicator: str, agency: str | None
) -> None:
    problem = one(problems(plan, "2024.csv", "指标,责任单位,数值\n" + rows))
    # At the row's agency cell (blank for the county-wide row): the key that repeats.
    assert (problem.code, problem.line, problem.column) == ("LZ210", 3, 2)
    assert problem.params["first"] == 2
    text = english(problem)
    assert text.startswith("2024.csv:3:2: error LZ210:")
    assert "first at row 2" in text and indicator in text
    if agency is None:
        assert "county-wide" in text
        assert "全县合计" in format_problem(problem, "zh")
    else:
        assert f"for {plan.agency(agency).name_en} is reported twice" in text
        assert f"{plan.agency(agency).name}的指标 {indicator} 重复" in format_problem(problem, "zh")


def test_a_blank_duplicate_is_no_duplicate(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,责任单位,数值\n4.3,,\n4.3,,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}


# --- errors in the header ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("责任单位,数值", "indicator / 指标"),
        ("指标,责任单位", "value / 数值"),
        ("a,b", "indicator"),
    ],
)
def test_missing_required_column(plan: Plan, header: str, missing: str) -> None:
    found = problems(plan, "2024.csv", f"{header}\n4.3,1\n")
    assert {p.code for p in found} == {"LZ208"}
    assert all(p.line == 1 for p in found)
    assert any(missing in english(p) for p in found)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("指标,数值,value", 3),
        ("指标,数值,完成值", 3),
        ("indicator,指标,数值", 2),
        ("指标,数值,笔数,件数", 4),
    ],
)
def test_two_columns_with_one_meaning(plan: Plan, header: str, column: int) -> None:
    problem = one(problems(plan, "2024.csv", f"{header}\n4.3,1,2\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ207", 1, column)
    assert "means the same as column" in english(problem)


@pytest.mark.parametrize(
    "header",
    [
        "指标,责任单位,数值,备注,说明",
        "指标,责任单位,数值,说明,备注",
        "指标,责任单位,数值,note,说明",
    ],
)
def test_a_second_notes_column_is_read_past_beside_the_forms_own(plan: Plan, header: str) -> None:
    # 说明 added by a clerk beside the template's 备注: the form's own column keeps the notes.
    first = header.split(",")[3]
    report = read(plan, "2024.csv", f"{header}\n1.1,县林业局,2,甲,乙\n")
    kept = "甲" if first in ("备注", "note") else "乙"
    assert [row.note for row in report.rows] == [kept]
    assert [(w.code, w.params["headers"]) for w in report.warnings] == [
        ("LZ222", "说明"),
    ]


def test_a_row_wider_than_the_header(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,数值\n4.3,1652,县知识产权局\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ209", 2, 3)


def test_a_number_split_by_its_thousands_separator_is_said_as_such(plan: Plan) -> None:
    # "1,652" unquoted: the comma splits the number into two cells.
    problem = one(problems(plan, "2024.csv", "指标,数值\n4.3,1,652\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ258", 2, 2)
    assert problem.params["number"] == "1,652"


def test_a_split_number_into_the_count_column_of_an_indicator_without_counts(plan: Plan) -> None:
    # The form from `lzip template` has 笔数/件数 right after 数值: 4.3 takes no count, so 652
    # there is 1,652's second group, not a count (LZ226 would blame the count column).
    text = "指标,责任单位,数值,笔数,备注\n4.3,,1,652,\n"
    problem = one(problems(plan, "2024.csv", text))
    assert (problem.code, problem.line, problem.column) == ("LZ258", 2, 3)
    assert problem.params["number"] == "1,652"


def test_a_count_beside_an_amount_is_still_a_count(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,责任单位,数值,笔数\n5.1,县财政局,850,300\n")
    assert [(r.value, r.count) for r in report.rows] == [(850.0, 300.0)]


@pytest.mark.parametrize("units", [",,万元,笔", ",,（万元）,（笔）", "单位：,,万元,笔"])
def test_a_row_of_units_under_the_header_is_read_past(plan: Plan, units: str) -> None:
    report = read(plan, "2024.csv", f"指标,责任单位,数值,笔数\n{units}\n5.1,县财政局,850,3\n")
    assert figures(report) == {("5.1", "finance"): 850.0}


def test_a_row_with_a_figure_beside_a_unit_is_no_row_of_units(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,责任单位,数值,笔数\n,,万元,3\n"))
    assert (problem.code, problem.line) == ("LZ216", 2)


def test_trailing_empty_cells_are_fine(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,数值\n4.3,1652,,\n")
    assert figures(report) == {("4.3", None): 1652.0}


@pytest.mark.parametrize("text", ["", "\n\n", " , ,\n,,\n"])
def test_a_report_without_a_header(plan: Plan, text: str) -> None:
    problem = one(problems(plan, "2024.csv", text.encode()))
    assert (problem.code, problem.file) == ("LZ201", "2024.csv")


def test_header_only_is_an_error(plan: Plan) -> None:
    # A header and nothing else is most likely the wrong file (an export cut short, the wrong
    # sheet): say so instead of marking all 14 indicators "not reported". A form whose rows
    # are all left blank is different: it has rows, and every indicator is not reported.
    problem = one(problems(plan, "2024.csv", "指标,责任单位,数值\n\n"))
    assert (problem.code, problem.file, problem.line) == ("LZ250", "2024.csv", 1)
    assert "no data rows" in english(problem)
    report = read(plan, "2024.csv", "指标,责任单位,数值\n4.3,,\n1.1,ip-office,\n")
    assert report.rows == [] and report.year == 2024


# --- .xlsx ---------------------------------------------------------------------------------


def workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报表"
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("cell", "located", "says"),
    [
        ('<c r="B2" s="999"><v>1652</v></c>', "2024.xlsx:2:2:", "this cell's format is damaged"),
        ('<c r="B2"><v>abc</v></c>', "2024.xlsx:", "a cell of the sheet '报表' is damaged"),
        ('<c r="B2" t="s"><v>99999</v></c>', "2024.xlsx:", "a cell of the sheet '报表' is damaged"),
    ],
    ids=["style-past-the-list", "text-as-a-number", "shared-text-past-the-list"],
)
def test_a_damaged_cell_is_an_error_not_a_traceback(
    plan: Plan, cell: str, located: str, says: str
) -> None:
    # B2 as openpyxl writes it, replaced by what a damaged file (or a tool writing it wrongly) holds
    path = patched(
        workbook(Path("2024.xlsx"), [["指标", "数值"], ["4.3", 1652]]),
        "xl/worksheets/sheet1.xml",
        b'<c r="B2" t="n"><v>1652</v></c>',
        cell.encode(),
    )
    problem = one(problems(plan, "2024.xlsx", path.read_bytes()))
    assert problem.code == "LZ231"
    line = english(problem)
    assert line.startswith(located) and says in line, line
    assert "int()" not in line and "index out of range" not in line


def test_xlsx_merged_title_above_the_header(plan: Plan) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["鹿寨县2024年知识产权指标填报表"],
        ["指标", "责任单位", "数值"],
        ["4.3", None, 1652],
    ]:
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    book.save("2024.xlsx")
    report = read_report(Path("2024.xlsx"), plan)
    assert figures(report) == {("4.3", None): 1652.0}


def test_xlsx_merged_cells_below_a_title_are_refused(plan: Plan) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["填报表"],
        ["指标", "责任单位", "数值"],
        ["1.1", "县林业局", 2],
        [None, "县知识产权局", 9],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("A3:A4")
    book.save("2024.xlsx")
    found = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (found.code, found.line, found.column) == ("LZ253", 3, 1)
    assert "A3:A4" in english(found)


@pytest.mark.parametrize(
    "footer",
    ["注：以上数据截至2024年12月31日", "填表人：张三  联系电话：123", "填报日期：2025年1月10日"],
)
def test_xlsx_merged_footer_below_the_rows_is_read_past(plan: Plan, footer: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["指标", "责任单位", "数值"], ["4.3", None, 1652], [footer]]:
        sheet.append(row)
    sheet.merge_cells("A3:C3")
    book.save("2024.xlsx")
    assert figures(read_report(Path("2024.xlsx"), plan)) == {("4.3", None): 1652.0}


def test_xlsx_merged_totals_label_is_skipped_with_a_warning(plan: Plan) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["序号", "指标", "责任单位", "数值"],
        [1, "4.3", None, 1652],
        ["合计", None, None, 1652],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A3:C3")
    book.save("2024.xlsx")
    report = read_report(Path("2024.xlsx"), plan)
    assert figures(report) == {("4.3", None): 1652.0}
    assert [w.code for w in report.warnings] == ["LZ248"]


def test_xlsx_merged_footer_in_a_form_numbering_its_rows_is_read_past(plan: Plan) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["序号", "指标", "责任单位", "数值"], [1, "4.3", None, 1652], ["注：数值按年末统计"]]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A3:D3")
    book.save("2024.xlsx")
    assert figures(read_report(Path("2024.xlsx"), plan)) == {("4.3", None): 1652.0}


def test_xlsx_merged_cells_in_a_row_of_figures_are_refused(
    plan: Plan,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["指标", "责任单位", "数值"], ["4.3", None, 1652], ["1.1", "县林业局", 2]]:
        sheet.append(row)
    sheet.merge_cells("B3:C3")  # the figure 2 is hidden under the merge: not a footer
    book.save("2024.xlsx")
    found = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (found.code, found.line, found.column) == ("LZ253", 3, 2)


def test_xlsx_a_note_in_the_first_column_does_not_make_a_row_of_figures_a_footer(
    plan: Plan,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["备注", "指标", "责任单位", "数值"], [None, "4.3", None, 1652]]
    for row in [*rows, ["说明：数据来自统计", "1.1", "县知识产权局", 9]]:
        sheet.append(row)
    sheet.merge_cells("C3:D3")  # hides the 9
    book.save("2024.xlsx")
    found = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (found.code, found.line, found.column) == ("LZ253", 3, 3)


def test_xlsx_numbers_and_percent_cells(plan: Plan) -> None:
    path = workbook(
        Path("鹿寨县2024年报.xlsx"),
        [
            ["指标", "责任单位", "数值", "笔数"],
            ["1.2", None, 0.95],
            ["2.1", "agriculture", 0.08],
            ["4.3", None, 1652],
            ["5.1", "县财政局", 850.0, 3],
            ["4.2", None, "17"],
            [4.1, None, 1],  # an id Excel turned into a number
            ["5.3", None, "—"],
        ],
        {"C2": "0%", "C3": "0.00%"},
    )
    report = read_report(path, plan)
    assert report.year == 2024
    assert figures(report) == {
        ("1.2", None): 95.0,
        ("2.1", "agriculture"): 8.0,
        ("4.3", None): 1652.0,
        ("5.1", "finance"): 850.0,
        ("4.2", None): 17.0,
        ("4.1", None): 1.0,
        ("5.3", None): NOT_CARRIED_OUT,
    }
    assert report.rows[3].count == 3.0
    assert report.warnings == []


@pytest.mark.parametrize(
    "number_format",
    ['0"%"', "0\\%", '0"件（占比%）"', '0.0"%"', "[$%-804]0"],
)
def test_xlsx_a_literal_percent_sign_in_a_format_does_not_scale(
    plan: Plan, number_format: str
) -> None:
    # 80 shown as "80%" by a custom format that types the sign: read as 80, not 8000 %.
    path = workbook(
        Path("2024.xlsx"),
        [["指标", "数值"], ["1.2", 80], ["2.1", 0.5], ["4.3", 1652]],
        {"B2": number_format, "B3": "0.0%", "B4": number_format},
    )
    report = read_report(path, plan)
    assert figures(report) == {("1.2", None): 80.0, ("2.1", None): 50.0, ("4.3", None): 1652.0}


def test_xlsx_a_format_in_sections_scales_by_the_values_own(plan: Plan) -> None:
    # A positive figure is shown by the first section: 0;[Red]-0% shows 80 as 80, and
    # 0%;[Red]-0 shows 0.8 as 80%.
    path = workbook(
        Path("2024.xlsx"),
        [["指标", "数值"], ["1.2", 80], ["2.1", 0.8]],
        {"B2": "0;[Red]-0%", "B3": "0%;[Red]-0"},
    )
    assert figures(read_report(path, plan)) == {("1.2", None): 80.0, ("2.1", None): 80.0}


def amount_refused(plan: Plan, amount: int, number_format: str) -> Problem:
    """The one problem of a 5.1 row whose amount ``amount`` (C2) is in ``number_format``:
    LZ269 at that cell."""
    path = workbook(
        Path("2024.xlsx"),
        [["指标", "责任单位", "数值", "笔数"], ["5.1", "县财政局", amount, 3]],
        {"C2": number_format},
    )
    with pytest.raises(LzipError) as caught:
        read_report(path, plan)
    problem = one(caught.value.problems)
    assert (problem.code, problem.line, problem.column) == ("LZ269", 2, 3)
    return problem


@pytest.mark.parametrize(
    "number_format",
    [
        pytest.param('0!.0,"万"', id="万 with one decimal: 8500000 shown as 850.0万"),
        pytest.param('0!.0000"万"', id="万 with four decimals"),
        pytest.param('0\\.0000"万"', id="万 with the point after a backslash"),
        pytest.param('0"."0000', id="the point in quotes"),
        pytest.param('0.0,"万"', id="a thousand's comma after the decimals"),
        pytest.param('#,##0.00,,"万"', id="two thousand's commas"),
        pytest.param("#,##0,", id="thousands"),
        pytest.param("#,##0,;[Red]-#,##0,", id="thousands in the positive section"),
        pytest.param('0"000"', id="zeros written as text after the digits"),
    ],
)
def test_xlsx_a_format_that_shows_another_number_is_refused(plan: Plan, number_format: str) -> None:
    # Excel shows 8500000 in 0!.0,"万" as 850.0万: read as held it would be 10,000 times too
    # much, as shown it would take Excel's whole formatting; the user is asked for General.
    problem = amount_refused(plan, 8500000, number_format)
    assert english(problem) == (
        f"2024.xlsx:2:3: error LZ269: C2: '8500000' has the number format {number_format!r}, "
        "which shows another number than the cell holds (scaled to 万 or thousands): set the "
        "cell's format to General and type the figure in 10k yuan"
    )
    assert "请把单元格格式改为“常规”" in format_problem(problem, "zh")


@pytest.mark.parametrize(
    "number_format",
    [
        pytest.param(";;;", id="hidden: a blank is seen"),
        pytest.param('"—"', id="a dash is seen: read as not carried out"),
        pytest.param('"未开展"', id="words are seen"),
        pytest.param('"—";"—";0', id="a dash for any figure but 0"),
    ],
)
def test_xlsx_a_format_that_shows_no_number_is_refused(plan: Plan, number_format: str) -> None:
    # A person sees a blank or a mark; lzip read the 850 the cell holds.
    problem = amount_refused(plan, 850, number_format)
    assert english(problem) == (
        f"2024.xlsx:2:3: error LZ269: C2: '850' has the number format {number_format!r}, which "
        "shows no number (a blank or a mark) for the figure the cell holds: set the cell's "
        "format to General and type the figure, — for not carried out, or leave it blank if "
        "not reported"
    )


def test_xlsx_a_count_in_a_format_that_shows_another_number_is_refused(plan: Plan) -> None:
    path = workbook(
        Path("2024.xlsx"),
        [["指标", "责任单位", "数值", "笔数"], ["5.1", "县财政局", 850, 3000]],
        {"D2": "#,##0,"},
    )
    with pytest.raises(LzipError) as caught:
        read_report(path, plan)
    problem = one(caught.value.problems)
    assert (problem.code, problem.line, problem.column) == ("LZ269", 2, 4)


@pytest.mark.parametrize(
    "number_format",
    [
        "General",
        "0",
        "#,##0",
        "#,##0.00",
        '0"万元"',
        '#,##0"万"',
        "#,##0_);(#,##0)",
        "0.0_ ",
        '0;-0;"—"',
        "#,##0;-#,##0,",  # the thousands' comma only in the negative section
        "[DBNum1]0",
        "@",
        '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-',  # the accounting format: 0 shown as -
    ],
)
def test_xlsx_a_format_that_shows_the_number_held_is_read(plan: Plan, number_format: str) -> None:
    path = workbook(
        Path("2024.xlsx"),
        [["指标", "责任单位", "数值", "笔数"], ["5.1", "县财政局", 850, 3]],
        {"C2": number_format, "D2": number_format},
    )
    report = read_report(path, plan)
    assert figures(report) == {("5.1", "finance"): 850.0}
    assert report.rows[0].count == 3.0


def test_xlsx_errors_are_located_by_sheet_row(plan: Plan) -> None:
    path = workbook(
        Path("2024.xlsx"), [["指标", "数值"], ["4.3", 1652], ["1.2", 1.5]], {"B3": "0%"}
    )
    with pytest.raises(LzipError) as caught:
        read_report(path, plan)
    problem = one(caught.value.problems)
    assert (problem.code, problem.file, problem.line, problem.column) == (
        "LZ223",
        "2024.xlsx",
        3,
        2,
    )
    assert english(problem).startswith("2024.xlsx:3:2: error LZ223: B3: '150%'")
    assert format_problem(problem, "zh").startswith("2024.xlsx:3:2: 错误 LZ223: B3: '150%'")


def test_csv_errors_name_no_cell(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,数值\n4.3,1652\n1.2,150%\n"))
    assert english(problem).startswith("2024.csv:3:2: error LZ223: '150%'")


def test_xlsx_reads_the_first_sheet_and_warns_about_the_others(plan: Plan) -> None:
    path = Path("2024.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["指标", "数值"])
    book.active.append(["4.3", 1652])
    book.create_sheet("说明").append(["指标", "数值"])
    book.create_sheet("旧数据").append(["4.3", 1])
    book.save(path)
    report = read_report(path, plan)
    assert figures(report) == {("4.3", None): 1652.0}
    warning = one(report.warnings)
    assert warning.code == "LZ232"
    assert english(warning).endswith(
        "only the first sheet 'Sheet' is read; 2 other sheets ignored (说明, 旧数据)"
    )
    assert format_problem(warning, "zh").endswith("另有 2 个工作表被忽略（说明、旧数据）")


def test_the_warning_about_other_sheets_names_five_and_says_there_are_more(plan: Plan) -> None:
    path = Path("2024.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["指标", "数值"])
    book.active.append(["4.3", 1652])
    for number in range(1, 8):
        book.create_sheet(f"表{number}")
    book.save(path)
    warning = one(read_report(path, plan).warnings)
    assert english(warning).endswith("7 other sheets ignored (表1, 表2, 表3, 表4, 表5…)")


@pytest.mark.parametrize("header", ["2023年完成值", "完成值（2023年）", "数值(2023)", "2023完成值"])
def test_a_value_header_naming_another_year_is_an_error(plan: Plan, header: str) -> None:
    # last year's form filled in again: its figures may be last year's
    problem = one(problems(plan, "2024.csv", f"指标,{header}\n4.3,1652\n"))
    assert (problem.code, problem.line, problem.column) == ("LZ215", 1, 2)
    assert "the value column's header names 2023, but the report is for 2024" in english(problem)


def test_a_value_header_naming_the_reports_year_is_fine(plan: Plan) -> None:
    assert read(plan, "2024.csv", "指标,2024年完成值\n4.3,1652\n").year == 2024


def test_a_value_header_gives_the_year_when_nothing_else_does(plan: Plan) -> None:
    assert read(plan, "报表.csv", "指标,2024年完成值\n4.3,1652\n").year == 2024


def test_a_missing_column_names_the_headers_that_were_not_recognised(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,本期完成,备注\n4.3,1652,\n"))
    assert english(problem) == (
        "2024.csv:1: error LZ208: the required column value / 数值 is missing "
        "(headers not recognised: 本期完成; "
        "headers it may have: value, 数值, 完成值, 实际值, 实际完成值, 本年完成值, 完成数, 完成数值)"
    )


def test_a_missing_indicator_column_names_every_header_it_may_have(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标ID,数值\n4.3,1652\n"))
    assert problem.params["accepted"].zh == "指标、指标编号、指标序号、指标名称、指标内容"


@pytest.mark.parametrize(
    "header",
    [
        "数值（件）",
        "数值(万元)",
        "2024年完成值",
        "2024年度数值【件】",
        "实际完成值",
        "本年完成值",
        "完成数",
    ],
)
def test_a_header_word_with_a_unit_or_a_year_is_recognised(plan: Plan, header: str) -> None:
    report = read(plan, "2024.csv", f"指标,{header}\n4.3,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}
    assert report.warnings == []


@pytest.mark.parametrize(
    ("cell", "indicator"),
    [
        ("4.3 有效注册商标拥有量", "4.3"),  # as lzip's own table prints it
        ("4.3有效注册商标拥有量", "4.3"),
        ("4.3、有效注册商标拥有量（件）", "4.3"),
        # a name that starts with digits: 4.210年… once the space is folded away
        ("4.2 10年以上高维持发明专利保有量", "4.2"),
        ("4.2\u300010年以上高维持发明专利保有量", "4.2"),
        ("（4.3）", "4.3"),
        ("有效注册商标拥有量（单位：件）", "4.3"),
    ],
)
def test_an_indicator_written_with_its_id_and_name_or_unit_is_recognised(
    plan: Plan, cell: str, indicator: str
) -> None:
    report = read(plan, "2024.csv", f"指标,数值\n{cell},1652\n")
    assert figures(report) == {(indicator, None): 1652.0}


def test_an_id_and_a_name_that_disagree_are_an_unknown_indicator(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,数值\n4.3 查处假冒知识产权行政案件,1\n"))
    assert problem.code == "LZ211"


@pytest.mark.parametrize("cell", ["4月1日", "2024/4/1", "2024-04-01"])
def test_an_indicator_id_that_excel_made_a_date_is_named(plan: Plan, cell: str) -> None:
    problem = one(problems(plan, "2024.csv", f"指标,数值\n{cell},1\n"))
    assert (problem.code, problem.key, problem.params["id"]) == (
        "LZ211",
        "indicator_is_a_date",
        "4.1",
    )
    assert "Format the column as Text and type 4.1 again" in english(problem)


def test_an_indicator_id_that_excel_made_a_date_is_named_in_a_workbook(plan: Plan) -> None:
    import datetime

    workbook(Path("2024.xlsx"), [["指标", "数值"], [datetime.datetime(2024, 4, 1), 1]])
    problem = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (problem.code, problem.key, problem.line) == ("LZ211", "indicator_is_a_date", 2)


def test_a_date_that_is_no_indicator_id_is_an_unknown_indicator(plan: Plan) -> None:
    problem = one(problems(plan, "2024.csv", "指标,数值\n2024-12-31,1\n"))
    assert (problem.code, problem.key) == ("LZ211", "unknown_indicator")


def test_a_count_without_its_amount_is_flagged(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,责任单位,数值,笔数\n5.1,县财政局,,3\n")
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.column) == ("LZ249", 2, 3)
    assert "the count 3 has no amount (10k yuan)" in english(warning)
    # Not "or — for not carried out": — beside a count of 3 is LZ261, and the 3 deals counted.
    assert english(warning).endswith(
        "(if the work was not carried out, — in the amount and the count left blank)"
    )


@pytest.mark.parametrize(
    ("amount", "count"),
    [("—", "2"), ("0", "2"), ("100", "—"), ("100", "0")],
)
def test_an_amount_and_count_that_disagree_are_flagged(plan: Plan, amount: str, count: str) -> None:
    report = read(plan, "2024.csv", f"指标,责任单位,数值,笔数\n5.2,县财政局,{amount},{count}\n")
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.column) == ("LZ261", 2, 4)
    assert f"the amount {amount} and the count {count} disagree" in english(warning)


@pytest.mark.parametrize(("amount", "count"), [("100", "2"), ("—", "—"), ("0", "0"), ("—", "0")])
def test_an_amount_and_count_that_agree_are_not_flagged(
    plan: Plan, amount: str, count: str
) -> None:
    report = read(plan, "2024.csv", f"指标,责任单位,数值,笔数\n5.2,县财政局,{amount},{count}\n")
    assert report.warnings == []


def test_excels_leading_apostrophe_is_read_past_in_a_figure(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,数值\n4.3,'1652\n")
    assert figures(report) == {("4.3", None): 1652.0}


def test_xlsx_a_hidden_first_sheet_is_passed_over(plan: Plan) -> None:
    # the lists behind a form's drop-downs, hidden before the report's sheet
    book = openpyxl.Workbook()
    book.active.title = "下拉选项"
    book.active.append(["县林业局"])
    book.active.sheet_state = "hidden"
    sheet = book.create_sheet("2024")
    for row in [["指标", "数值"], ["4.3", 1652]]:
        sheet.append(row)
    book.save("2024.xlsx")
    report = read_report(Path("2024.xlsx"), plan)
    assert figures(report) == {("4.3", None): 1652.0}
    assert report.warnings == []  # a hidden sheet is not a sheet of ignored figures
    book["2024"].append(["1.2", "=40+40"])  # a formula Excel never computed: read from this sheet
    book.save("2024.xlsx")
    problem = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (problem.code, problem.line, problem.params["text"]) == ("LZ251", 3, "=40+40")


def test_xlsx_with_a_cover_sheet_first_says_where_the_report_may_be(plan: Plan) -> None:
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["鹿寨县2024年知识产权量化指标填报表"])
    book.create_sheet("数据").append(["指标", "数值"])
    book["数据"].append(["4.3", 1652])
    book.save("2024.xlsx")
    found = problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes())
    assert [p.code for p in found] == ["LZ208", "LZ208", "LZ208"]  # indicator, value, and:
    assert english(found[-1]) == (
        "2024.xlsx: error LZ208: lzip reads only the first sheet '封面'; this file has 1 more "
        "(数据): if the report is on one of them, move it to the first place"
    )


def test_xlsx_header_with_every_column_but_a_repeated_one_gets_no_other_sheet_advice(
    plan: Plan,
) -> None:
    # The sheet read is the report (its columns are all there): a repeated 数值 column is the
    # one error; "move the report to the first sheet" would send the clerk looking elsewhere.
    book = openpyxl.Workbook()
    book.active.title = "2024年"
    book.active.append(["指标", "数值", "数值"])
    book.active.append(["1.1", 3, 4])
    book.create_sheet("说明").append(["x"])
    book.save("2024.xlsx")
    problem = one(problems(plan, "2024.xlsx", Path("2024.xlsx").read_bytes()))
    assert (problem.code, problem.line, problem.column) == ("LZ207", 1, 3)


def test_a_workbook_named_csv_and_a_csv_named_xlsx(plan: Plan) -> None:
    workbook(Path("book.xlsx"), [["指标", "数值"], ["4.3", 1652]])
    Path("book.xlsx").rename("2024.csv")
    report = read_report(Path("2024.csv"), plan)
    assert figures(report) == {("4.3", None): 1652.0}
    assert [w.code for w in report.warnings] == ["LZ220"]
    write("2024.xlsx", "指标,数值\n4.3,1652\n")
    report = read_report(Path("2024.xlsx"), plan)
    assert figures(report) == {("4.3", None): 1652.0}
    assert [w.code for w in report.warnings] == ["LZ221"]


def test_a_broken_workbook(plan: Plan) -> None:
    Path("2024.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LzipError) as caught:
        read_report(Path("2024.xlsx"), plan)
    assert one(caught.value.problems).code == "LZ231"


def test_the_dash_windows_936_decodes_gbks_dash_to_is_not_carried_out(plan: Plan) -> None:
    report = read(plan, "2024.csv", "指标,数值\n5.3,―\n")
    assert figures(report) == {("5.3", None): NOT_CARRIED_OUT}


# --- a rate typed as a fraction --------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "cell", "warned"),
    [
        ("1.2", "0.95", True),
        ("1.2", "０．９５", True),
        ("1.2", "1.00", True),
        ("2.1", "0.1", True),
        ("1.2", "95", False),
        ("1.2", "95%", False),
        ("1.2", "0.95%", False),
        ("1.2", "1", False),
        ("1.2", "—", False),
        ("5.1", "0.5", False),  # an amount in 万元, not a rate
    ],
)
def test_a_rate_typed_as_a_fraction_is_flagged(
    plan: Plan, indicator: str, cell: str, warned: bool
) -> None:
    agency = "forestry" if indicator == "2.1" else ""
    report = read(plan, "2024.csv", f"指标,责任单位,数值\n{indicator},{agency},{cell}\n")
    codes = [(w.code, w.line, w.column) for w in report.warnings]
    assert codes == ([("LZ246", 2, 3)] if warned else [])


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("0.95", "0.95 is read as 0.95 %; if 95 % is meant, write 95 or 95%"),
        ("0.07", "0.07 is read as 0.07 %; if 7 % is meant, write 7 or 7%"),  # not 7.000000000000001
        # every digit read, never rounded: following the advice gives the figure meant
        (
            "0.99999999999",
            "0.99999999999 is read as 0.99999999999 %; if 99.999999999 % is meant, write "
            "99.999999999 or 99.999999999%",
        ),
        # in full, never 1e-07 %
        (
            "0.0000001",
            "0.0000001 is read as 0.0000001 %; if 0.00001 % is meant, write 0.00001 or 0.00001%",
        ),
    ],
)
def test_a_rate_typed_as_a_fraction_is_still_read_as_a_percentage(
    plan: Plan, cell: str, said: str
) -> None:
    report = read(plan, "2024.csv", f"指标,数值\n1.2,{cell}\n")
    assert figures(report) == {("1.2", None): float(cell)}
    assert (
        format_problem(one(report.warnings), "en", "warning")
        == f"2024.csv:2:2: warning LZ246: {said}"
    )


@pytest.mark.parametrize(
    ("column", "letters"), [(1, "A"), (4, "D"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")]
)
def test_column_letters_are_excels(column: int, letters: str) -> None:
    assert column_letters(column) == letters


def test_rows_are_numbered_as_excel_shows_them_past_a_cell_with_a_line_break(plan: Plan) -> None:
    text = '指标,责任单位,数值,备注\n1.1,ip-office,9,"第一行\n第二行"\n1.2,,一百,\n'
    problem = one(problems(plan, "2024.csv", text))
    assert (problem.code, problem.line, problem.column) == ("LZ218", 3, 3)


@pytest.mark.parametrize(("suffix", "warned"), [(".xls", True), (".et", True), (".txt", False)])
def test_text_named_as_an_excel_or_wps_file_is_read_as_csv_with_a_warning(
    plan: Plan, suffix: str, warned: bool
) -> None:
    report = read(plan, f"2024{suffix}", "指标,数值\n4.3,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}
    assert [w.code for w in report.warnings] == (["LZ221"] if warned else [])


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><table><tr><td>\xe6\x8c\x87\xe6\xa0\x87</td></tr></table></body></html>",
        b"\xef\xbb\xbf\r\n  <!DOCTYPE html>\n<html>",
        b'<table border="1"><tr><td>4.3</td></tr></table>',
        b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    ],
    ids=["html", "bom-doctype", "bare-table", "excel-2003-xml"],
)
def test_a_web_page_or_xml_table_named_xls_says_to_save_it_as_xlsx(
    plan: Plan, content: bytes
) -> None:
    problem = one(problems(plan, "2024.xls", content))
    assert (problem.code, problem.key) == ("LZ202", "report_is_markup")
    assert "save it as .xlsx" in english(problem)


def test_a_csv_whose_first_cell_starts_with_a_bracket_is_still_csv(plan: Plan) -> None:
    report = read(plan, "2024.csv", "<注>,,\n指标,数值\n4.3,1652\n")
    assert figures(report) == {("4.3", None): 1652.0}


def test_characters_that_show_as_nothing_are_read_past_in_every_cell(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(
        "指标,责任单位,数值\n"
        "1.1,县林业局,\u200b3\n"
        "1.1,县农\u200b业农村局,4\n"
        "4.\u200b3,,1700\n"
        "1.2,\ufeff,80\n",
        encoding="utf-8",
    )
    result = run_lzip("check", report, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    actual = {i["id"]: i["actual"] for i in json.loads(result.stdout)["indicators"]}
    assert (actual["1.1"], actual["4.3"], actual["1.2"]) == (7, 1700, 80)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        # Excel pads the header with a comma when a figure was typed past it.
        ("指标,责任单位,数值,\r\n4.3,,,1652\r\n", (2, 4, "'1652'")),
        ("指标,责任单位,数值,,备注\r\n4.3,,1652,x,\r\n4.2,,17,y,\r\n", (2, 4, "'x'")),
    ],
)
def test_text_in_a_column_without_a_header_is_warned_of_once(
    tmp_path: Path, text: str, cell: tuple[int, int, str]
) -> None:
    report = tmp_path / "2024.csv"
    report.write_bytes(text.encode("utf-8"))
    result = run_lzip("check", report, "-f", "json", "--lang", "en")
    warnings = [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "LZ267"]
    assert [(w["line"], w["column"]) for w in warnings] == [cell[:2]]
    assert warnings[0]["message"].startswith(f"{cell[2]} is in a column without a header")


def test_a_blank_column_without_a_header_says_nothing(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值,\n4.3,,1652,\n", encoding="utf-8")
    result = run_lzip("check", report, "-f", "json")
    assert json.loads(result.stdout)["warnings"] == []


@pytest.mark.parametrize(
    "content",
    [
        b"\xe6\x8c\x87\xe6\xa0\x87,\xe8\xb4\xa3\xe4\xbb\xbb\xe5\x8d\x95\xe4\xbd\x8d,\xe6\x95\xb0\xe5\x80\xbc\r\n4.3,,1652\x1a",
        b"\xe6\x8c\x87\xe6\xa0\x87,\xe8\xb4\xa3\xe4\xbb\xbb\xe5\x8d\x95\xe4\xbd\x8d,\xe6\x95\xb0\xe5\x80\xbc\r\n4.3,,1652\r\n\x1a",
    ],
    ids=["stuck-to-the-last-cell", "on-a-line-of-its-own"],
)
def test_a_dos_end_of_file_mark_is_no_part_of_the_report(tmp_path: Path, content: bytes) -> None:
    report = tmp_path / "2024.csv"
    report.write_bytes(content)  # 指标,责任单位,数值 then 4.3's row and Ctrl-Z
    result = run_lzip("check", report, "-f", "json")
    actual = {i["id"]: i["actual"] for i in json.loads(result.stdout)["indicators"]}
    assert actual["4.3"] == 1652


@pytest.mark.parametrize(
    "text",
    [
        "指标,年份,责任单位,数值\n1.1,2023,县知识产权局,3\n1.1,2024,县知识产权局,4\n",
        "指标,年份,数值\n1.1,2023,3\n1.1,2024,4\n",  # county rows
    ],
    ids=["agency-rows", "county-rows"],
)
def test_one_indicators_rows_of_two_years_are_two_years_not_a_row_given_twice(
    plan: Plan, text: str
) -> None:
    # Deleting the "repeated" row, as LZ210 would have the user do, could keep last year's.
    problem = one(problems(plan, "2024.csv", text))
    assert (problem.code, problem.line, problem.column) == ("LZ213", 3, 2)
    assert {k: problem.params[k] for k in ("a", "b", "row_a")} == {"a": 2023, "b": 2024, "row_a": 2}
    assert problem.params["years"].zh == "2023、2024"


def test_two_years_in_the_column_are_said_beside_the_rows_other_problems(plan: Plan) -> None:
    text = "指标,年份,数值\n1.1,2023,3\n1.2,2024,很多\n"
    found = [(p.code, p.line) for p in problems(plan, "2024.csv", text)]
    assert found == [("LZ218", 3), ("LZ213", 3)]


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("年度,指标,责任单位,数值\n2023,3.1,,1\n2024,1.1,县林业局,2\n2024,1.1,县林业局,7\n", 4),
        ("年度,指标,责任单位,数值\n2024,1.1,县林业局,2\n2024,1.1,县林业局,7\n2023,3.1,,1\n", 3),
    ],
    ids=["other-year-first", "other-year-last"],
)
def test_a_row_given_twice_for_one_year_is_said_beside_the_years_wherever_they_are(
    plan: Plan, text: str, repeated: int
) -> None:
    found = problems(plan, "2024.csv", text)
    assert sorted(p.code for p in found) == ["LZ210", "LZ213"]
    assert [p.line for p in found if p.code == "LZ210"] == [repeated]


def test_a_row_with_a_blank_year_beside_one_of_the_year_is_a_row_given_twice(plan: Plan) -> None:
    # A blank year cell is the report's year: read as two rows, the second would silently win.
    text = "年度,指标,责任单位,数值\n2024,1.1,县林业局,2\n,1.1,县林业局,7\n"
    problem = one(problems(plan, "2024.csv", text))
    assert (problem.code, problem.line, problem.params["first"]) == ("LZ210", 3, 2)
