"""A year's report in several files, one per agency, read as one: ``lzip check returns/``.

The agencies send their forms back one file each. lzip reads them together: the same judgement
as one file holding every row, every file's problems in one run, one year for all of them, and
an indicator reported by the same agency in two files refused with both places named.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
HEADER = "指标,责任单位,数值,笔数,备注\n"


pytestmark = pytest.mark.usefixtures("in_tmp")  # problems name files relative to it


def check_json(*args: str | Path) -> dict[str, Any]:
    result = run_lzip("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def split_example(directory: Path, name: str = "{agency}.csv") -> list[Path]:
    """examples/2024.csv as the agencies return it: one file per agency, the county rows in 汇总."""
    rows: dict[str, list[list[str]]] = defaultdict(list)
    lines = list(csv.reader(io.StringIO(EXAMPLE.read_text(encoding="utf-8"))))
    for row in lines[1:]:
        rows[row[1] or "汇总"].append(row)
    directory.mkdir(exist_ok=True)
    paths = []
    for agency, agency_rows in rows.items():
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([lines[0], *agency_rows])
        path = directory / name.format(agency=agency)
        path.write_bytes(buffer.getvalue().encode("gbk"))  # as Excel on Chinese Windows saves
        paths.append(path)
    return paths


def judged(document: dict[str, Any]) -> dict[str, Any]:
    return {key: document[key] for key in ("year", "summary", "indicators", "agencies")}


# --- the same judgement as one file -----------------------------------------------------------


def test_a_directory_of_agency_files_is_judged_as_the_whole_example() -> None:
    split_example(Path("2024"))
    assert judged(check_json("2024")) == judged(check_json(EXAMPLE))


def test_files_named_one_by_one_are_judged_as_the_whole_example() -> None:
    paths = split_example(Path("returns"), "2024年{agency}.csv")
    assert len(paths) == 9  # eight agencies and the county rows
    assert judged(check_json(*paths)) == judged(check_json(EXAMPLE))


def test_csv_and_xlsx_files_together() -> None:
    paths = split_example(Path("2024"))
    forestry = Path("2024/县林业局.csv")
    rows = list(csv.reader(io.StringIO(forestry.read_bytes().decode("gbk"))))
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save("2024/县林业局.xlsx")
    forestry.unlink()
    assert len(paths) == len(list(Path("2024").iterdir()))
    assert judged(check_json("2024")) == judged(check_json(EXAMPLE))


def test_a_directory_reads_only_report_files() -> None:
    split_example(Path("2024"))
    Path("2024/说明.docx").write_bytes(b"PK\x03\x04")
    Path("2024/~$县林业局.xlsx").write_bytes(b"an Excel lock file")  # the form is open in Excel
    Path("2024/.hidden.csv").write_text("junk", encoding="utf-8")
    Path("2024/old").mkdir()
    Path("2024/old/2023.csv").write_text(HEADER + "4.3,,1\n", encoding="utf-8")
    assert judged(check_json("2024")) == judged(check_json(EXAMPLE))


def test_a_file_named_twice_is_read_once() -> None:
    split_example(Path("2024"))
    document = check_json("2024", "2024/县林业局.csv", "./2024/县林业局.csv")
    assert judged(document) == judged(check_json(EXAMPLE))


def test_warnings_name_the_file_of_their_row() -> None:
    split_example(Path("2024"))
    # 县公安局 is not responsible for 1.1: counted, with a warning on its own file and row.
    Path("2024/县公安局.csv").write_text(HEADER + "1.1,县公安局,1,,\n", encoding="utf-8")
    warnings = check_json("2024")["warnings"]
    assert [(w["file"], w["line"], w["code"]) for w in warnings] == [
        (str(Path("2024/县公安局.csv")), 2, "LZ241")
    ]


def test_github_annotations_point_at_the_file_of_the_figure() -> None:
    split_example(Path("2024"))
    result = run_lzip("check", "2024", "--format", "github")
    assert result.exit_code == 1
    # 2.1 is judged per agency: 县新闻出版局 did not carry it out, on row 3 of its own file.
    press = str(Path("2024/县新闻出版局.csv"))
    assert any(
        line.startswith(f"::warning file={press},line=3,") and "2.1" in line
        for line in result.stdout.splitlines()
    ), result.stdout


# --- the year -----------------------------------------------------------------------------


def test_files_without_a_year_take_the_year_of_the_others() -> None:
    split_example(Path("returns"))
    Path("returns/汇总.csv").rename("returns/2024年汇总.csv")
    assert check_json("returns")["year"] == 2024


def test_no_year_anywhere_asks_for_one() -> None:
    split_example(Path("returns"))
    result = run_lzip("check", "returns", "--lang", "en")
    assert result.exit_code == 2
    first = str(Path("returns/县农业农村局.csv"))
    assert f"{first}: error LZ214: cannot tell the report's year" in result.stderr
    assert check_json("returns", "--year", "2024")["year"] == 2024


def test_the_year_option_wins_over_the_directory_name_with_one_warning() -> None:
    split_example(Path("returns-2024"))
    document = check_json("returns-2024", "--year", "2025")
    assert document["year"] == 2025
    warned = [w["file"] for w in document["warnings"] if w["code"] == "LZ245"]
    assert warned == ["returns-2024"]


def test_files_given_one_by_one_take_the_year_of_their_folder() -> None:
    paths = split_example(Path("2024"))
    assert check_json(*paths)["year"] == 2024
    assert run_lzip("validate", paths[0]).exit_code == 0


def test_a_folder_name_with_several_years_says_so() -> None:
    split_example(Path("returns-2023-2024"))
    result = run_lzip("check", "returns-2023-2024", "--lang", "en")
    assert result.exit_code == 2
    assert "the name returns-2023-2024 holds several years (2023, 2024)" in result.stderr


def test_a_year_in_the_file_name_wins_over_the_folder_name() -> None:
    split_example(Path("2023"))
    for path in Path("2023").iterdir():
        path.rename(path.with_name(path.stem + "2024年" + path.suffix))
    assert check_json("2023")["year"] == 2024


def test_a_name_with_several_years_is_the_one_named_when_no_year_is_found() -> None:
    split_example(Path("returns"))
    Path("returns/县林业局.csv").rename("returns/县林业局2023-2024.csv")
    result = run_lzip("check", "returns", "--lang", "en")
    assert result.exit_code == 2
    assert (
        f"{Path('returns/县林业局2023-2024.csv')}: error LZ214: cannot tell the report's year: "
        "the name 县林业局2023-2024.csv holds several years (2023, 2024)"
    ) in result.stderr


def test_files_for_different_years_are_refused() -> None:
    split_example(Path("returns"))
    Path("returns/县农业农村局.csv").rename("returns/县农业农村局2023.csv")
    Path("returns/县林业局.csv").rename("returns/县林业局2024.csv")
    result = run_lzip("check", "returns", "--lang", "en")
    assert result.exit_code == 2
    second = str(Path("returns/县林业局2024.csv"))
    first = str(Path("returns/县农业农村局2023.csv"))
    assert (
        f"{second}: error LZ215: the report files are for different years: {first} is for "
        "2023, this file for 2024"
    ) in result.stderr


def test_files_for_different_years_by_their_year_columns_name_the_year_cell() -> None:
    Path("a.csv").write_text("指标,责任单位,数值,年度\n1.1,县林业局,3,2024\n", encoding="utf-8")
    Path("b.csv").write_text("指标,责任单位,数值,年度\n1.1,县农业农村局,3,2023\n", encoding="utf-8")
    result = run_lzip("check", "a.csv", "b.csv", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "b.csv:2:4: error LZ215: the report files are for different years: a.csv is for 2024, "
        "this file for 2023"
    ) in result.stderr


# --- forms without an agency column ----------------------------------------------------------


def own_figures(document: dict[str, Any], indicator_id: str) -> dict[str, float]:
    entry = next(e for e in document["indicators"] if e["id"] == indicator_id)
    return {row["id"]: row["actual"] for row in entry["contributions"]}


def warnings_of(document: dict[str, Any], code: str) -> list[str]:
    return [w["message"] for w in document["warnings"] if w["code"] == code]


def test_a_form_whose_title_names_its_agency_is_that_agencys() -> None:
    Path("2024.csv").write_text("填报单位：县林业局,\n指标,数值\n1.1,2\n7.1,3\n", encoding="utf-8")
    document = check_json("2024.csv")
    assert own_figures(document, "1.1") == {"forestry": 2}
    assert own_figures(document, "7.1") == {"forestry": 3}
    assert warnings_of(document, "LZ263") == [
        "报表没有责任单位列，标题写明填报单位是县林业局：各行按县林业局的数值读取"
    ]


def test_forms_named_for_their_agencies_in_a_folder_are_each_agencys() -> None:
    # Without their names, the two would be two county-wide rows of 1.1 (LZ210).
    Path("2024").mkdir()
    Path("2024/forestry.csv").write_text("指标,数值\n1.1,2\n", encoding="utf-8")
    Path("2024/县知识产权局.csv").write_text("指标,数值\n1.1,9\n", encoding="utf-8")
    document = check_json("2024")
    assert own_figures(document, "1.1") == {"forestry": 2, "ip-office": 9}
    assert len(warnings_of(document, "LZ263")) == 2


def test_a_titled_form_with_indicators_its_agency_does_not_answer_for_stays_county_wide() -> None:
    # The county IP office's summary of the whole county: 5.3 is not the IP office's.
    text = "填报单位：县知识产权局,\n指标,数值\n4.3,1652\n5.3,—\n"
    Path("2024.csv").write_text(text, encoding="utf-8")
    document = check_json("2024.csv", "--lang", "en")
    assert own_figures(document, "4.3") == {}
    assert next(e for e in document["indicators"] if e["id"] == "4.3")["actual"] == 1652
    assert warnings_of(document, "LZ263") == [
        "the report has no agency column and its title names County Intellectual Property "
        "Office as who filled it in, but it holds indicators County Intellectual Property "
        "Office is not responsible for (5.3): the rows are read as county-wide figures. If "
        "they are County Intellectual Property Office's, add an agency column (责任单位)"
    ]


def fill_per_agency_form(path: Path, figures: dict[str, int], keep_agency: int = 0) -> None:
    """Fill ``template --per-agency``'s form as an agency might: figures typed by indicator,
    the agency cells of all but the first ``keep_agency`` rows cleared ("it is our form")."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=2):
        if row[1].value in figures:
            row[5].value = figures[row[1].value]
        if row[0].row > 1 + keep_agency:
            row[4].value = None
    workbook.save(path)


def test_blank_agency_cells_on_a_per_agency_form_are_its_agencys() -> None:
    # Read as county-wide, 1.1's 3 from forestry would replace the sum 3 + 10 (LZ240).
    assert run_lzip("template", "2025", "--per-agency", "-f", "xlsx", "-o", "2025").exit_code == 0
    fill_per_agency_form(Path("2025/forestry.xlsx"), {"1.1": 3, "6.1": 2})
    fill_per_agency_form(Path("2025/ip-office.xlsx"), {"1.1": 10}, keep_agency=99)
    document = check_json("2025")
    assert own_figures(document, "1.1") == {"ip-office": 10, "forestry": 3}
    assert next(e for e in document["indicators"] if e["id"] == "1.1")["actual"] == 13
    assert own_figures(document, "6.1") == {"forestry": 2}
    assert warnings_of(document, "LZ263") == [
        "责任单位列留空的行按县林业局的数值读取：文件名 'forestry.xlsx' 写明了单位"
    ]
    assert warnings_of(document, "LZ240") == []


def test_blank_agency_cells_below_the_agency_typed_once_are_its_agencys() -> None:
    assert run_lzip("template", "2025", "--per-agency", "-f", "xlsx", "-o", "2025").exit_code == 0
    fill_per_agency_form(Path("2025/forestry.xlsx"), {"1.1": 3, "2.1": 50}, keep_agency=1)
    document = check_json("2025")
    entry = next(e for e in document["indicators"] if e["id"] == "2.1")  # judged per agency
    assert {a["id"]: a["actual"] for a in entry["agencies"]}["forestry"] == 50
    assert warnings_of(document, "LZ242") == []


def test_blank_agency_cells_with_an_indicator_not_the_forms_agencys_stay_county_wide() -> None:
    # Forestry's form holds 4.3, which is not forestry's: its blank rows may be the county's.
    assert (
        run_lzip("template", "2025", "--agency", "forestry", "-o", "forestry.xlsx").exit_code == 0
    )
    workbook = openpyxl.load_workbook("forestry.xlsx")
    sheet = workbook.active
    sheet["E2"], sheet["F2"] = None, 3
    sheet.append([2025, "4.3", "有效注册商标拥有量", "件", None, 1652])
    workbook.save("forestry.xlsx")
    document = check_json("forestry.xlsx", "--lang", "en")
    assert next(e for e in document["indicators"] if e["id"] == "1.1")["actual"] == 3
    assert own_figures(document, "1.1") == {}
    assert warnings_of(document, "LZ263") == [
        "the form's name 'forestry.xlsx' names County Forestry Bureau, but the rows whose "
        "agency cell is blank hold indicators County Forestry Bureau is not responsible for "
        "(4.3): they are read as county-wide figures. If they are County Forestry Bureau's, "
        "fill in the agency cell of every row"
    ]


def test_the_county_rows_of_the_whole_form_titled_by_one_agency_stay_county_wide() -> None:
    # The IP office fills in only the county rows of the form for every agency.
    assert run_lzip("template", "2025", "-o", "2025.xlsx").exit_code == 0
    workbook = openpyxl.load_workbook("2025.xlsx")
    sheet = workbook.active
    sheet["F26"] = 1652  # 4.3, the county row
    sheet.insert_rows(1)
    sheet["A1"] = "填报单位：县知识产权局"
    workbook.save("2025.xlsx")
    document = check_json("2025.xlsx")
    assert next(e for e in document["indicators"] if e["id"] == "4.3")["actual"] == 1652
    assert own_figures(document, "4.3") == {}
    assert warnings_of(document, "LZ263") == []


def test_blank_agency_cells_on_a_form_holding_several_agencies_stay_county_wide() -> None:
    # The IP office's summary of the whole county: its blank rows are the county's figures.
    text = "指标,责任单位,数值\n4.3,,1652\n4.3,县科工贸局,40\n"
    Path("县知识产权局2025.csv").write_text(text, encoding="utf-8")
    document = check_json("县知识产权局2025.csv")
    assert next(e for e in document["indicators"] if e["id"] == "4.3")["actual"] == 1652
    assert own_figures(document, "4.3") == {"industry-trade": 40}
    assert warnings_of(document, "LZ263") == []


@pytest.mark.parametrize("name", ["2024.csv", "county_2024.csv", "全县2024.csv"])
def test_a_form_that_names_no_agency_is_county_wide_without_a_word(name: str) -> None:
    Path(name).write_text("鹿寨县2024年填报表,\n指标,数值\n4.3,1652\n", encoding="utf-8")
    document = check_json(name)
    assert next(e for e in document["indicators"] if e["id"] == "4.3")["actual"] == 1652
    assert warnings_of(document, "LZ263") == []


# --- problems across files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (
            "1.1,县林业局,2,,",
            "indicator 1.1 for County Forestry Bureau is reported twice: first in {first} at row 2."
            " If one of the files is a form since corrected, move it out of the reports",
        ),
        (
            "3.1,,1,,",
            "indicator 3.1 has two county-wide rows (blank agency): first in {first} at row 3."
            " If one of the files is a form since corrected, move it out of the reports",
        ),
    ],
    ids=["agency-row", "county-row"],
)
def test_a_row_reported_in_two_files_names_both(row: str, says: str) -> None:
    split_example(Path("2024"))
    # Files are read in name order: 补报 (U+8865) after 县林业局 (U+53BF) and 汇总 (U+6C47).
    Path("2024/补报.csv").write_text(HEADER + "4.2,县教育局,1,,\n" + row + "\n", encoding="utf-8")
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    first = Path("2024") / ("汇总.csv" if "county" in says else "县林业局.csv")
    where = str(Path("2024/补报.csv")) + ":3:2"  # at the row's agency cell
    assert result.stderr == f"{where}: error LZ210: {says.format(first=first)}\n"


def test_every_files_problems_in_one_run() -> None:
    Path("2024").mkdir()
    Path("2024/a.csv").write_text(HEADER + "4.3,,十七,,\n", encoding="utf-8")
    Path("2024/b.csv").write_text(HEADER + "9.9,,1,,\n", encoding="utf-8")
    Path("2024/c.csv").write_text("指标,责任单位\n4.3,\n", encoding="utf-8")
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    located = Counter(line.split(": error ")[0] for line in result.stderr.splitlines())
    assert located == {
        str(Path("2024/a.csv")) + ":2:3": 1,
        str(Path("2024/b.csv")) + ":2:1": 1,
        str(Path("2024/c.csv")) + ":1": 1,
    }


# --- shortfalls and validate --------------------------------------------------------------


def test_shortfalls_from_a_directory_equal_those_from_one_file() -> None:
    split_example(Path("2024"))
    together = run_lzip("shortfalls", "2024")
    whole = run_lzip("shortfalls", str(EXAMPLE))
    assert together.exit_code == whole.exit_code == 1
    assert together.stdout == whole.stdout


def test_shortfall_lists_never_overwrite_a_returned_form() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").rename("2024/forestry.csv")  # the name forestry's list gets
    result = run_lzip("shortfalls", "2024", "--out", "2024", "--format", "csv", "--force")
    assert result.exit_code == 2
    assert "LZ301" in result.stderr and "forestry.csv" in result.stderr
    assert not Path("2024/index.csv").exists()  # nothing written at all


def test_validate_reads_a_directory_as_one_report() -> None:
    split_example(Path("2024"))
    assert run_lzip("validate", "2024").exit_code == 0
    Path("2024/重复.csv").write_text(HEADER + "4.3,,1,,\n", encoding="utf-8")
    result = run_lzip("validate", "2024", "--lang", "en")
    assert result.exit_code == 1
    assert "LZ210" in result.stderr


def test_a_directory_reads_excels_tab_text_and_refuses_an_old_xls() -> None:
    split_example(Path("2024"))
    forestry = Path("2024/县林业局.csv")
    text = forestry.read_bytes().decode("gbk").replace(",", "\t")
    Path("2024/县林业局.txt").write_bytes(text.encode("gbk"))
    forestry.unlink()
    assert judged(check_json("2024")) == judged(check_json(EXAMPLE))
    Path("2024/县教育局.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    assert f"{Path('2024/县教育局.xls')}: error LZ202" in result.stderr


@pytest.mark.parametrize("suffix", [".ods", ".numbers", ".xlsb"])
def test_a_form_saved_in_a_format_lzip_cannot_read_is_refused_not_passed_over(
    suffix: str,
) -> None:
    # Passed over, the agency was "not reported" and validate said OK.
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    with zipfile.ZipFile(Path("2024/县林业局" + suffix), "w") as archive:  # a workbook's zip
        archive.writestr("content.xml", "<document/>")
    result = run_lzip("validate", "2024", "--lang", "en")
    assert result.exit_code == 2
    assert f"{Path('2024/县林业局' + suffix)}: error LZ202: this is a" in result.stderr
    assert "save it as .xlsx" in result.stderr


def test_a_file_in_the_current_folder_takes_its_year_and_names_the_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = Path("2023年考核").resolve()
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "报表.csv")
    monkeypatch.chdir(folder)
    assert check_json("报表.csv")["year"] == 2023
    document = check_json("报表.csv", "--year", "2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ245"]
    assert warning["file"] == str(folder)


# --- a form that holds no figures -------------------------------------------------------------


def blank_form(path: Path, text: str = HEADER) -> None:
    """The form as an agency returns it after deleting every row: the header and nothing else."""
    path.write_bytes(text.encode("gbk"))


def test_a_header_only_form_among_several_is_a_warning_naming_its_agency() -> None:
    split_example(Path("2024"))
    blank_form(Path("2024/县林业局.csv"))
    result = run_lzip("check", "2024")
    assert result.exit_code == 1  # judged: the example's shortfalls, not exit 2
    forestry = str(Path("2024/县林业局.csv"))
    said = "".join(result.stdout.split())  # the table's warnings, below the tables, wrapped
    assert (
        f"{forestry}:1:警告LZ256:县林业局的报表只有表头，没有填报任何数值：已跳过，"
        "其余报表照常检查，县林业局应填报的指标按未填报计"
    ) in said


@pytest.mark.parametrize(
    "below_the_header",
    [
        "注：本单位本年度无此项工作,,,,\n填表人：张三,,联系电话：13800000000,,\n",  # a footer
        "合计,,,,\n",  # an empty totals row
    ],
)
def test_a_form_with_a_footer_or_totals_row_and_no_figures_is_a_form_without_figures(
    below_the_header: str,
) -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").write_text(HEADER + below_the_header, encoding="utf-8")
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["file"] == str(Path("2024/县林业局.csv"))


def test_a_header_only_form_is_judged_as_if_its_rows_were_missing() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    without = judged(check_json("2024"))
    blank_form(Path("2024/县林业局.csv"))
    assert judged(check_json("2024")) == without
    forestry = {a["id"]: a for a in without["agencies"]}["forestry"]
    rows = {row["indicator"]: row for row in forestry["rows"]}
    assert (rows["1.1"]["own"], rows["2.1"]["status"]) == (None, "not-reported")


def test_a_per_agency_form_returned_without_rows_names_its_agency_by_its_file_name() -> None:
    assert run_lzip("template", "2024", "--per-agency", "-f", "xlsx", "-o", "2024").exit_code == 0
    book = openpyxl.load_workbook("2024/forestry.xlsx")
    book.active.delete_rows(2, book.active.max_row)  # every row deleted, the header kept
    book.save("2024/forestry.xlsx")
    document = check_json("2024", "--lang", "en")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert (warning["file"], warning["line"]) == (str(Path("2024/forestry.xlsx")), 1)
    assert warning["message"].startswith(
        "the form of County Forestry Bureau has a header but no figures: it is skipped"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_blank_copy_beside_an_agencys_filled_form_does_not_say_its_figures_are_missing(
    lang: str,
) -> None:
    # 县林业局's form came back filled; an unfilled copy of lzip's form was left beside it.
    assert run_lzip("template", "2024", "--per-agency", "-f", "xlsx", "-o", "forms").exit_code == 0
    split_example(Path("2024"))
    shutil.copy("forms/forestry.xlsx", "2024/forestry - 副本.xlsx")
    document = check_json("2024", "--lang", lang)
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["file"] == str(Path("2024/forestry - 副本.xlsx"))
    filled = str(Path("2024/县林业局.csv"))
    if lang == "en":
        assert warning["message"] == (
            "this form for County Forestry Bureau holds no figures and is skipped (probably a "
            f"blank copy); the figures for County Forestry Bureau are read from {filled}. If it is "
            "not needed, move it out of the report folder"
        )
    else:
        assert warning["message"] == (
            f"县林业局的这份报表未填报任何数值，已跳过（可能是空白副本）；县林业局的数值取自 {filled}。"
            "如无用处，可将其移出报表文件夹"
        )
    forestry = {a["id"]: a for a in document["agencies"]}["forestry"]
    assert {row["indicator"]: row["own"] for row in forestry["rows"]}["1.1"] == 2


def blank_county_form_warning(blank: str, files: dict[str, str | Path]) -> dict[str, Any]:
    """The LZ256 warning (English) of lzip's county form copied unfilled into 2024/ as ``blank``,
    beside ``files`` there (name → its text, or a file to copy)."""
    assert run_lzip("template", "2024", "--per-agency", "-o", "forms").exit_code == 0
    Path("2024").mkdir(exist_ok=True)
    shutil.copy("forms/county.csv", Path("2024") / blank)
    for name, content in files.items():
        if isinstance(content, Path):
            shutil.copy(content, Path("2024") / name)
        else:
            (Path("2024") / name).write_text(content, encoding="utf-8")
    document = check_json("2024", "--lang", "en")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["file"] == str(Path("2024") / blank)
    return warning


def test_a_blank_copy_beside_the_filled_county_form_names_where_county_figures_come_from() -> None:
    split_example(Path("2024"))  # its county rows in 汇总.csv
    assert blank_county_form_warning("county copy.csv", {})["message"] == (
        "this county-wide form holds no figures and is skipped (probably a blank copy); the county "
        f"totals are read from {Path('2024/汇总.csv')}. If it is not needed, move it out of the "
        "report folder"
    )


def test_a_blank_county_form_beside_a_whole_report_names_the_county_rows_read() -> None:
    # 2024.csv holds county rows among the agencies': it is no county-wide form; its county rows
    # give those indicators' county figures, the agencies' rows the others'.
    assert blank_county_form_warning("county.csv", {"2024.csv": EXAMPLE})["message"] == (
        "this county-wide form holds no figures and is skipped; the county totals are read from "
        f"the county-wide rows of other forms (such as {Path('2024/2024.csv')}), and summed from "
        "the agencies' rows where there is none"
    )


def test_a_blank_county_form_beside_a_county_form_without_an_agency_column() -> None:
    # 全县.csv is a blank copy; county.csv gives the county's figures without an agency column.
    files = {
        "county.csv": "指标,数值\n4.3,1652\n",
        "forestry.csv": "指标,责任单位,数值\n1.1,县林业局,2\n",
    }
    warning = blank_county_form_warning("全县.csv", files)
    assert f"the county totals are read from {Path('2024/county.csv')}" in warning["message"]


@pytest.mark.parametrize(
    ("files", "said"),
    [
        # 补充数据.csv has no agency column and names no agency: its rows are the county's
        (
            {
                "补充数据.csv": "指标,数值\n1.1,11\n",
                "forestry.csv": "指标,责任单位,数值\n1.1,县林业局,2\n",
            },
            f"the county totals are read from {Path('2024/补充数据.csv')}",
        ),
        # 知识产权局.csv's blank agency cells are the 县知识产权局's (LZ263): no county row anywhere
        (
            {"知识产权局.csv": "指标,责任单位,数值\n1.1,县知识产权局,3\n4.3,,1800\n"},
            "county figures are the sums of the agencies' rows",
        ),
    ],
    ids=["county-rows-without-agency-column", "blank-cells-of-a-named-agency"],
)
def test_a_blank_county_form_says_where_county_figures_come_from_once_rows_are_assigned(
    files: dict[str, str | Path], said: str
) -> None:
    assert said in blank_county_form_warning("county.csv", files)["message"]


def test_a_header_only_county_form_says_county_figures_are_the_agencies_sums() -> None:
    split_example(Path("2024"))
    Path("2024/汇总.csv").unlink()
    blank_form(Path("2024/county.csv"))
    document = check_json("2024", "--lang", "en")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["message"] == (
        "the form of the county-wide rows has a header but no figures: it is skipped, the other "
        "forms are checked as usual, and county figures are the sums of the agencies' rows"
    )


def test_a_title_row_names_the_agency_of_a_header_only_form() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    blank_form(
        Path("2024/补报.csv"),
        "鹿寨县2024年知识产权强县建设量化指标完成情况表\n填报单位：鹿寨县林业局（盖章）\n" + HEADER,
    )
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert (warning["file"], warning["line"]) == (str(Path("2024/补报.csv")), 3)
    assert warning["message"].startswith("县林业局的报表只有表头")


TITLE = "鹿寨县2024年知识产权强县建设量化指标完成情况表\n"


@pytest.mark.parametrize(
    "title_row",
    [
        "填报单位：,县林业局",
        "填报单位,县林业局",
        "单位：县林业局",
        "单位,鹿寨县林业局",
        "报送单位：县林业局",
        "单位（盖章）：,,,鹿寨县林业局,,填报日期：2025年1月10日",
    ],
)
def test_a_title_row_names_the_agency_after_any_of_its_labels_in_one_cell_or_two(
    title_row: str,
) -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    blank_form(Path("2024/补报.csv"), TITLE + title_row + "\n" + HEADER)
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert (warning["file"], warning["line"]) == (str(Path("2024/补报.csv")), 3)
    assert warning["message"].startswith("县林业局的报表只有表头")


@pytest.mark.parametrize("title_row", ["单位：万元", "单位,万元", "单位：起、件、%"])
def test_a_title_row_of_units_names_no_agency(title_row: str) -> None:
    split_example(Path("2024"))
    blank_form(Path("2024/补报.csv"), TITLE + title_row + "\n" + HEADER)
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert (warning["file"], warning["line"]) == (str(Path("2024/补报.csv")), 3)
    assert warning["message"].startswith("只有表头")


def test_a_merged_label_and_the_agency_beside_it_in_a_workbook_name_the_agency() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["鹿寨县2024年知识产权强县建设量化指标完成情况表"])
    sheet.append(["填报单位（盖章）：", None, "鹿寨县林业局"])
    sheet.append(["指标", "责任单位", "数值", "笔数", "备注"])
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("A2:B2")
    book.save("2024/补报.xlsx")
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["message"].startswith("县林业局的报表只有表头")


def test_a_header_only_form_of_no_known_agency_is_named_by_its_file_only() -> None:
    split_example(Path("2024"))
    blank_form(Path("2024/补报.csv"))
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 1
    assert (
        f"{Path('2024/补报.csv')}:1: warning LZ256: the form has a header but no figures: it is "
        "skipped and the other forms are checked as usual"
    ) in " ".join(result.stdout.split())


def test_an_empty_file_among_the_forms_is_a_warning() -> None:
    split_example(Path("2024"))
    Path("2024/新建文本文档.txt").write_bytes(b"")  # Explorer's New > Text Document, never filled
    document = check_json("2024", "--lang", "en")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning == {
        "file": str(Path("2024/新建文本文档.txt")),
        "line": None,
        "column": None,
        "code": "LZ256",
        "message": "the file is empty and holds no figures: it is skipped and the other forms "
        "are checked as usual",
    }
    assert judged(document) == judged(check_json(EXAMPLE))


def test_an_empty_form_named_for_its_agency_names_it() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").write_bytes(b"")
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["message"].startswith("县林业局的报表文件为空，没有填报任何数值：已跳过")


def test_forms_without_figures_are_an_error_only_when_none_has_figures() -> None:
    Path("2024").mkdir()
    blank_form(Path("2024/县林业局.csv"))
    blank_form(Path("2024/县教育局.csv"))
    Path("2024/县财政局.csv").write_bytes(b"")
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{Path('2024/县教育局.csv')}:1: error LZ250: the report has a header but no data rows: "
        "is it the right file?",
        f"{Path('2024/县林业局.csv')}:1: error LZ250: the report has a header but no data rows: "
        "is it the right file?",
        f"{Path('2024/县财政局.csv')}: error LZ201: the report is empty: no header row",
    ]
    Path("2024/汇总.csv").write_bytes((HEADER + "4.3,,1652,,\n").encode("gbk"))
    document = check_json("2024")
    assert [w["code"] for w in document["warnings"]] == ["LZ256"] * 3


def test_a_header_only_form_named_on_the_command_line_beside_others_is_a_warning() -> None:
    paths = split_example(Path("returns"), "2024年{agency}.csv")
    blank_form(Path("returns/2024年县林业局.csv"))
    document = check_json(*paths)
    assert [(w["file"], w["code"]) for w in document["warnings"]] == [
        (str(Path("returns/2024年县林业局.csv")), "LZ256")
    ]


def test_a_header_only_form_keeps_the_other_warnings_about_its_file() -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["指标", "责任单位", "数值"])  # the header copied, the rows typed elsewhere
    book.create_sheet("填报").append(["1.1", "县林业局", 2])
    book.save("2024/县林业局.xlsx")
    document = check_json("2024")
    codes = [w["code"] for w in document["warnings"] if w["file"].endswith("县林业局.xlsx")]
    assert codes == ["LZ232", "LZ256"]


# --- lzip's own form sent back unfilled ---------------------------------------------------------


def sent_back_unfilled(path: Path, form: str = "forestry", year: str = "2024") -> None:
    """lzip's form for ``form`` (an agency id, or ``county``) returned as it was sent out: its
    indicators, agency and year printed, every figure, count and note cell blank."""
    suffix = path.suffix.lstrip(".")
    made = run_lzip("template", year, "--per-agency", "-f", suffix, "-o", "sent", "--force")
    assert made.exit_code == 0, made.output
    shutil.move(Path("sent") / f"{form}.{suffix}", path)


def test_an_unfilled_form_among_filled_ones_is_passed_over_with_a_warning_naming_its_agency() -> (
    None
):
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    without = judged(check_json("2024"))
    sent_back_unfilled(Path("2024/forestry.xlsx"))
    document = check_json("2024")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert (warning["file"], warning["line"]) == (str(Path("2024/forestry.xlsx")), 1)
    assert warning["message"] == (
        "县林业局的报表各行都没有填报数值（数值、笔数、备注均为空）：已跳过，其余报表照常检查，"
        "县林业局应填报的指标按未填报计"
    )
    assert judged(document) == without


@pytest.mark.parametrize(
    ("form", "replaces", "says"),
    [
        ("forestry", "县林业局.csv", "the form of County Forestry Bureau holds no figures"),
        ("county", "汇总.csv", "the form of the county-wide rows holds no figures"),
    ],
)
def test_an_unfilled_form_under_another_name_is_named_by_the_agency_its_rows_name(
    form: str, replaces: str, says: str
) -> None:
    split_example(Path("2024"))
    (Path("2024") / replaces).unlink()
    sent_back_unfilled(Path("2024/补报.csv"), form)
    document = check_json("2024", "--lang", "en")
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ256"]
    assert warning["file"] == str(Path("2024/补报.csv"))
    assert warning["message"].startswith(says + " (every value, count and note cell is blank)")


def test_last_years_form_sent_back_unfilled_takes_no_part_in_settling_the_year() -> None:
    split_example(Path("2024"))
    sent_back_unfilled(Path("2024/forestry.csv"), year="2023")  # its year column says 2023
    document = check_json("2024")
    assert document["year"] == 2024
    assert [w["file"] for w in document["warnings"] if w["code"] == "LZ256"] == [
        str(Path("2024/forestry.csv"))
    ]


@pytest.mark.parametrize(
    ("column", "text"),
    [(5, "2"), (5, "—"), (5, "未开展"), (7, "本单位本年度无林业知识产权执法案件")],
    ids=["figure", "dash", "not-carried-out", "note"],
)
def test_a_form_with_one_figure_or_note_filled_in_is_read_not_passed_over(
    column: int, text: str
) -> None:
    split_example(Path("2024"))
    Path("2024/县林业局.csv").unlink()
    sent_back_unfilled(Path("2024/forestry.csv"))
    header, first, *rest = csv.reader(io.StringIO(Path("2024/forestry.csv").read_text("utf-8-sig")))
    first[column] = text  # in the row of 1.1
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, first, *rest])
    Path("2024/forestry.csv").write_text(buffer.getvalue(), encoding="utf-8-sig")
    document = check_json("2024")
    assert [w for w in document["warnings"] if w["code"] == "LZ256"] == []


def test_a_note_on_a_row_without_a_figure_in_one_form_of_several_reaches_the_output() -> None:
    split_example(Path("2024"))
    with Path("2024/县林业局.csv").open("a", encoding="gbk") as form:
        form.write("7.1,县林业局,,,宣传稿件已投送，待刊发\n")
    document = check_json("2024")
    forestry = next(a for a in document["agencies"] if a["id"] == "forestry")
    line = next(r for r in forestry["rows"] if r["indicator"] == "7.1")
    assert line["note"] == "宣传稿件已投送，待刊发"
    assert line["own"] is None  # still not reported: a note is no figure


def test_forms_all_sent_back_unfilled_check_as_nothing_reported_as_one_such_form_does() -> None:
    assert run_lzip("template", "2024", "--per-agency", "-o", "2024").exit_code == 0
    document = check_json("2024")
    assert document["year"] == 2024
    assert document["summary"]["not-reported"] + document["summary"]["tracked"] == 14
    assert document["warnings"] == []


def test_github_annotations_carry_the_header_only_form() -> None:
    split_example(Path("2024"))
    blank_form(Path("2024/县林业局.csv"))
    result = run_lzip("check", "2024", "--format", "github", "--lang", "en")
    forestry = str(Path("2024/县林业局.csv"))
    assert any(
        line.startswith(f"::warning file={forestry},line=1,title=LZ256::the form of County ")
        for line in result.stdout.splitlines()
    ), result.stdout


def test_validate_passes_a_folder_with_a_header_only_form_with_a_warning() -> None:
    split_example(Path("2024"))
    blank_form(Path("2024/县林业局.csv"))
    result = run_lzip("validate", "2024", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "OK: 2024" in result.stdout
    assert f"{Path('2024/县林业局.csv')}:1: warning LZ256:" in result.stderr
    document = json.loads(run_lzip("validate", "2024", "--format", "json").stdout)
    assert document["valid"] is True
    assert [(p["code"], p["severity"]) for p in document["problems"]] == [("LZ256", "warning")]


def test_the_message_for_a_folder_without_reports_names_every_suffix_lzip_reads() -> None:
    from lzip_cli.messages import t
    from lzip_cli.report_set import REPORT_SUFFIXES

    for lang in ("zh", "en"):
        said = t("report_dir_empty", lang)
        assert all(suffix in said for suffix in REPORT_SUFFIXES), (lang, said)


def test_a_broken_link_among_a_folders_forms_is_an_error_naming_it(in_tmp: Path) -> None:
    split_example(in_tmp / "2024")
    (in_tmp / "2024" / "林业局.csv").symlink_to("gone.csv")
    result = run_lzip("check", "2024")
    assert result.exit_code == 2
    assert "2024/林业局.csv: 错误 LZ003: 符号链接所指的文件 gone.csv 不存在" in result.stderr


def test_one_folder_named_twice_through_a_link_is_read_once(in_tmp: Path) -> None:
    split_example(in_tmp / "2024")
    (in_tmp / "latest").symlink_to("2024")
    assert check_json("2024", "latest") == check_json("2024")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_check_table_put_back_among_the_forms_is_named_as_lzips_output(lang: str) -> None:
    # `check -o result.txt`, then moved into the folder: read as tab-separated text, it was a
    # missing-column error (LZ208) naming the title as an unknown header.
    split_example(Path("2024"))
    written = run_lzip("check", "2024", "-o", "result.txt", "--lang", lang)
    assert written.exit_code == 1 and Path("result.txt").exists()
    Path("result.txt").rename(Path("2024/result.txt"))
    result = run_lzip("check", "2024", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{Path('2024/result.txt')}:1:1: error LZ264: this is a table lzip check wrote ("
    ), result.stderr
    assert "LZ208" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "advice"),
    [
        ("en", "not a report: check the agencies' report instead"),
        ("zh", "不是报表：请检查各单位填报的报表"),
    ],
)
def test_a_check_table_named_as_the_report_is_told_what_to_check_instead(
    lang: str, advice: str
) -> None:
    # Named on the command line, not found in a folder: "move it out of the folder of reports"
    # would change nothing.
    written = run_lzip("check", EXAMPLE, "--format", "md", "-o", "m2024.txt", "--lang", lang)
    assert written.exit_code == 1
    result = run_lzip("check", "m2024.txt", "--lang", lang)
    assert result.exit_code == 2
    assert "LZ264" in result.stderr and advice in result.stderr, result.stderr


def test_the_note_of_a_form_since_corrected_is_not_put_beside_the_figure_of_another(
    in_tmp: Path,
) -> None:
    # Education's first form left 4.2 blank, "being verified"; its corrected form gives 1 and no
    # note. The old note beside the new figure would say the figure was not reported.
    split_example(in_tmp / "2024")
    Path("2024/education-first.csv").write_text(
        "指标,责任单位,数值,笔数,备注\n4.2,县教育局,,,正在核实，数据暂不报\n", encoding="utf-8"
    )
    Path("2024/education-corrected.csv").write_text(
        "指标,责任单位,数值,笔数,备注\n4.2,县教育局,1,,\n", encoding="utf-8"
    )
    document = check_json("2024")
    [education] = [a for a in document["agencies"] if a["id"] == "education"]
    [line] = [row for row in education["rows"] if row["indicator"] == "4.2"]
    assert line["own"] == 1
    assert "note" not in line or not line["note"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_row_given_in_two_forms_says_to_move_a_form_since_corrected_out(lang: str) -> None:
    split_example(Path("2024"))
    Path("2024/forestry-again.csv").write_text(
        "指标,责任单位,数值\n1.1,县林业局,3\n", encoding="utf-8"
    )
    result = run_lzip("check", "2024", "--lang", lang)
    assert result.exit_code == 2
    advice = {
        "en": "If one of the files is a form since corrected, move it out of the reports",
        "zh": "如其中一个文件是被更正的旧报表，请把它移出报表目录",
    }[lang]
    assert "LZ210" in result.stderr and advice in result.stderr, result.stderr


@pytest.mark.parametrize(
    "command", [["check", "reports/2024"], ["validate", "--all-reports", "reports"]]
)
def test_a_link_in_a_folder_of_reports_to_a_file_outside_it_is_refused(
    command: list[str],
) -> None:
    # A link committed to a data repository could put the first line of any file the CI job can
    # read in its log (as an unknown header, LZ208).
    Path("reports").mkdir()
    split_example(Path("reports/2024"))
    Path("secret.txt").write_text("token,abc123\n", encoding="utf-8")
    Path("reports/2024/secret.csv").symlink_to(Path("../../secret.txt"))
    Path("reports/secret.csv").symlink_to(Path("../secret.txt"))
    result = run_lzip(*command, "--lang", "en")
    assert result.exit_code == 2
    assert "error LZ274: a symbolic link to ../" in result.stderr, result.stderr
    assert "abc123" not in result.stdout + result.stderr


def test_a_link_in_a_folder_of_reports_to_a_form_in_it_is_read_once() -> None:
    split_example(Path("2024"))
    expected = check_json("2024")
    Path("2024/latest.csv").symlink_to("县林业局.csv")
    assert check_json("2024") == expected


def test_a_year_folder_that_is_a_link_to_a_folder_named_otherwise_gives_its_year() -> None:
    # returns/2024 -> store/final: the year is the name the folder is given.
    Path("store").mkdir()
    split_example(Path("store/final"))
    Path("returns").mkdir()
    Path("returns/2024").symlink_to(Path("../store/final"))
    document = check_json("returns/2024")
    assert document["year"] == 2024


def test_all_reports_validates_the_others_beside_a_link_to_a_file_outside() -> None:
    Path("reports").mkdir()
    Path("reports/2024.csv").write_bytes(EXAMPLE.read_bytes())
    Path("elsewhere.csv").write_bytes(EXAMPLE.read_bytes())
    Path("reports/2023.csv").symlink_to(Path("../elsewhere.csv"))
    result = run_lzip("validate", "--all-reports", "reports", "--lang", "en")
    assert result.exit_code == 2
    assert "reports/2023.csv: error LZ274" in result.stderr
    assert "OK: reports/2024.csv" in result.stdout


def test_a_broken_link_among_all_reports_is_a_missing_file_not_one_to_copy_in() -> None:
    Path("reports").mkdir()
    Path("reports/2024.csv").write_bytes(EXAMPLE.read_bytes())
    Path("reports/2023.csv").symlink_to(Path("/nonexistent/lzip-test/2023.csv"))
    result = run_lzip("validate", "--all-reports", "reports", "--lang", "en")
    assert "reports/2023.csv: error LZ003" in result.stderr, result.stderr
    assert "LZ274" not in result.stderr
    assert "OK: reports/2024.csv" in result.stdout
