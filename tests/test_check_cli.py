"""``lzip check`` and ``lzip validate REPORT`` as a user runs them: exit codes, options, formats.

Golden files (tests/golden/check_2024.*) hold the output for examples/2024.csv: the table at 100
columns without colour, the Markdown and the JSON. After a deliberate change to the output,
regenerate them with ``LZIP_UPDATE_GOLDEN=1 python -m pytest tests/test_check_cli.py`` and read
the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import Result

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LZIP_UPDATE_GOLDEN") == "1"

#: A terminal of a fixed width without colour, whatever the machine running the tests has.
PLAIN = {"NO_COLOR": "1", "FORCE_COLOR": None, "TERM": "dumb", "LINES": "50"}

#: Every indicator reaching its 2025 target: nothing owed in 2024.
ALL_ACHIEVED = """指标,责任单位,数值,笔数
1.1,,18,
1.2,,95%,
2.1,agriculture,10,
2.1,ip-office,10,
2.1,forestry,10,
2.1,press-publication,10,
3.1,,1,
4.1,,1,
4.2,,20,
4.3,,1700,
5.1,,—,
5.2,,—,
5.3,,300,2
5.4,,—,
6.1,,5,
7.1,,10,
8.1,,4,
"""


def run(*args: str | Path, columns: int = 100) -> Result:
    return run_lzip(*args, env={**PLAIN, "COLUMNS": str(columns)})


def check_json(*args: str | Path) -> dict[str, Any]:
    result = run("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def assert_golden(text: str, name: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"{golden} missing: run with LZIP_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8")


# --- exit codes ----------------------------------------------------------------------------


def test_shortfalls_exit_1() -> None:
    result = run("check", EXAMPLE)
    assert result.exit_code == 1
    assert result.stderr == ""


def test_fail_on_never_exits_0() -> None:
    assert run("check", EXAMPLE, "--fail-on", "never").exit_code == 0
    assert run("check", EXAMPLE, "--fail-on", "never", "-f", "json").exit_code == 0


def test_nothing_owed_exits_0(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", ALL_ACHIEVED)
    for output_format in ("table", "json", "csv", "markdown"):
        result = run("check", report, "--format", output_format)
        assert result.exit_code == 0, (output_format, result.output)
    document = check_json(report)
    assert all(not a["shortfalls"] for a in document["agencies"])
    assert document["summary"] == {
        "not-reported": 0,
        "behind": 0,
        "on-track": 0,
        "achieved": 10,
        "tracked": 4,
    }


def test_exit_code_counts_only_the_selected_agencies() -> None:
    assert run("check", EXAMPLE, "--agency", "court").exit_code == 0
    assert run("check", EXAMPLE, "--agency", "court", "--agency", "forestry").exit_code == 1


@pytest.mark.parametrize(
    ("args", "where", "says"),
    [
        (["--agency", "县气象局"], "lzip: ", "'县气象局'"),
        (["--data", "/nonexistent"], "", "LZ00"),
    ],
)
def test_unusable_input_exits_2(args: list[str], where: str, says: str) -> None:
    result = run("check", EXAMPLE, *args)
    assert result.exit_code == 2, result.output
    assert where in result.stderr and says in result.stderr
    assert result.stdout == ""


def test_the_year_option_judges_a_file_named_for_another_year() -> None:
    document = check_json(EXAMPLE, "--year", "2025", "--lang", "en")
    assert document["year"] == 2025
    [warning] = [w for w in document["warnings"] if w["code"] == "LZ245"]
    assert warning["message"].startswith("--year 2025 differs from the year 2024")


def test_missing_report_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path / "2024.csv")
    assert result.exit_code == 2
    assert "LZ003" in result.stderr


# --- malformed reports: located errors on stderr, no traceback ----------------------------

BROKEN = "指标,责任单位,数值\n4.3,,1652\n4.2,,1,2,3\n1.2,,120%\n9.9,,1\n4.3,县气象局,1\n"


def test_malformed_report_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", BROKEN)
    result = run("check", "2024.csv", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert lines == [
        "2024.csv:3:4: error LZ209: this row has 5 cells but the header has 3 columns",
        "2024.csv:4:3: error LZ223: '120%': a rate cannot exceed 100%",
        "2024.csv:5:1: error LZ211: unknown indicator '9.9': expected an id such as 4.3 or "
        "the name in the plan",
        "2024.csv:6:2: error LZ217: unknown agency '县气象局': expected an agency id, name or "
        "alias (blank or 'total' for the county)",
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        b"PK\x03\x04garbage",
        b"indicator,value\n4.3,1\x00\n",
        "指标,数值\n4.3,abc\n".encode("utf-16"),
        b"\x81\xff\xfe" * 50,
        b"",
    ],
    ids=["xls", "bad-zip", "nul", "utf-16", "binary", "empty"],
)
def test_unreadable_reports_in_a_real_process(tmp_path: Path, content: bytes) -> None:
    # A real interpreter, so that a traceback would show on stderr as the user would see it.
    report = tmp_path / "2024.csv"
    report.write_bytes(content)
    completed = subprocess.run(
        [sys.executable, "-m", "lzip_cli", "check", str(report)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "2024.csv" in completed.stderr and "错误 LZ" in completed.stderr
    assert completed.stdout == ""


# --- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "agency", ["ip-office", "县知识产权局", "鹿寨县知识产权局", "知识产权局", "ＩＰ－ＯＦＦＩＣＥ"]
)
def test_agency_by_id_or_name(agency: str) -> None:
    document = check_json(EXAMPLE, "--agency", agency)
    assert [a["id"] for a in document["agencies"]] == ["ip-office"]
    # the whole county's indicators and summary are still there
    assert len(document["indicators"]) == 14


@pytest.mark.parametrize(
    ("agency", "says"),
    [
        ("县教育", "lzip: error LZ313: unknown agency '县教育'; did you mean '县教育局'?"),
        (
            "agricultur",
            "lzip: error LZ313: unknown agency 'agricultur'; did you mean 'agriculture'?",
        ),
        ("县气象局", "lzip: error LZ313: unknown agency '县气象局'\n"),
    ],
)
def test_an_unknown_agency_option_exits_2_with_the_closest_name(agency: str, says: str) -> None:
    result = run("check", EXAMPLE, "--agency", agency, "--lang", "en")
    assert result.exit_code == 2
    assert says in result.stderr


def test_agency_repeatable_in_plan_order() -> None:
    document = check_json(EXAMPLE, "-a", "县人民检察院", "--agency", "finance", "-a", "县检察院")
    assert [a["id"] for a in document["agencies"]] == ["finance", "procuratorate"]


def test_agency_table_shows_only_that_agency() -> None:
    result = run("check", EXAMPLE, "--agency", "县林业局")
    assert "县林业局（forestry）" in result.stdout
    assert "县知识产权局（ip-office）" not in result.stdout


def test_lang_en() -> None:
    result = run("check", EXAMPLE, "--lang", "en", "--agency", "forestry")
    assert result.exit_code == 1
    out = result.stdout
    assert "progress in 2024" in out
    assert "County Forestry Bureau (forestry)" in out
    assert "Administrative" in out and "behind" in out
    assert "3 shortfalls" in out
    assert "滞后" not in out and "县林业局" not in out


def test_lang_from_environment() -> None:
    result = run_lzip("check", str(EXAMPLE), "-a", "court", env={**PLAIN, "LZIP_LANG": "en"})
    assert "County People's Court" in result.stdout


def test_year_option_matching_the_name() -> None:
    assert check_json(EXAMPLE, "--year", "2024")["year"] == 2024


def test_year_from_the_column(tmp_path: Path) -> None:
    report = write(tmp_path / "report.csv", "年度,指标,数值\n2023,1.1,16\n")
    document = check_json(report)
    assert document["year"] == 2023
    (row,) = [i for i in document["indicators"] if i["id"] == "1.1"]
    assert (row["milestone"], row["status"]) == (16, "on-track")


# --- the JSON contract ---------------------------------------------------------------------


def types(record: dict[str, Any]) -> dict[str, str]:
    return {key: type(value).__name__ for key, value in record.items()}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    result = run_lzip("check", str(EXAMPLE), "--format", "json")
    return json.loads(result.stdout)


def indicator_of(document: dict[str, Any], indicator_id: str) -> dict[str, Any]:
    return next(i for i in document["indicators"] if i["id"] == indicator_id)


def test_json_top_level(document: dict[str, Any]) -> None:
    assert types(document) == {
        "schema_version": "int",
        "year": "int",
        "plan": "dict",
        "summary": "dict",
        "indicators": "list",
        "agencies": "list",
        "warnings": "list",
    }
    assert document["schema_version"] == 1 and document["year"] == 2024
    assert document["plan"] == {
        "title": "鹿寨县知识产权强县建设工作方案（2022-2025年）",
        "document": "鹿政办发〔2023〕4号",
    }
    assert list(document["summary"]) == [
        "not-reported",
        "behind",
        "on-track",
        "achieved",
        "tracked",
    ]
    assert [i["id"] for i in document["indicators"]][:3] == ["1.1", "1.2", "2.1"]
    assert len(document["agencies"]) == 13


SHARED_KEYS = {
    "id": "str",
    "name": "str",
    "name_en": "str",
    "unit": "str",
    "unit_en": "str",
    "scope": "str",
    "direction": "str",
    "baseline": "int",
    "baseline_not_carried_out": "bool",
    "milestone": "int",
    "target": "int",
    "target_per_actual": "bool",
    "actual": "int",
    "not_carried_out": "bool",
    "gap_to_milestone": "int",
    "gap_to_target": "int",
    "status": "str",
    "regressed": "bool",
    "note": "NoneType",
    "contributions": "list",
}


def test_json_shared_indicator(document: dict[str, Any]) -> None:
    record = indicator_of(document, "1.1")
    assert types(record) == SHARED_KEYS
    assert record == {
        "id": "1.1",
        "name": "查处假冒知识产权行政案件",
        "name_en": "Administrative cases of counterfeit IP investigated",
        "unit": "起",
        "unit_en": "cases",
        "scope": "shared",
        "direction": "increase",
        "baseline": 15,
        "baseline_not_carried_out": False,
        "milestone": 17,
        "target": 18,
        "target_per_actual": False,
        "actual": 16,
        "not_carried_out": False,
        "gap_to_milestone": 1,
        "gap_to_target": 2,
        "status": "behind",
        "regressed": False,
        "note": None,
        "contributions": [
            {
                "id": "agriculture",
                "actual": 3,
                "not_carried_out": False,
                "note": "农资打假专项行动",
            },
            {
                "id": "ip-office",
                "actual": 9,
                "not_carried_out": False,
                "note": "含“铁拳”行动查办案件",
            },
            {"id": "forestry", "actual": 2, "not_carried_out": False, "note": None},
            {"id": "press-publication", "actual": 2, "not_carried_out": False, "note": None},
        ],
    }


def test_json_notes_of_the_county_row_and_of_agency_rows(document: dict[str, Any]) -> None:
    assert indicator_of(document, "4.3")["note"] == "截至2024年12月31日"
    assert indicator_of(document, "5.4")["contributions"][0]["note"] == "专利执行保险"


def _csv_rows() -> list[dict[str, str]]:
    text = run("check", EXAMPLE, "-f", "csv").stdout.lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_carries_the_agency_rows_note() -> None:
    notes = {(r["agency_id"], r["indicator"]): r["note"] for r in _csv_rows()}
    assert notes[("press-publication", "2.1")] == "尚未制定压缩时限办法"
    assert notes[("forestry", "1.1")] == ""


def test_csv_ends_with_the_county_rows_note_on_every_agencys_line() -> None:
    # 4.3 has only a county row: its note was in the JSON and nowhere in the CSV.
    rows = _csv_rows()
    assert list(rows[0])[-5:-2] == ["note", "county_note", "own_not_carried_out"]
    county_notes = {r["agency_id"]: r["county_note"] for r in rows if r["indicator"] == "4.3"}
    assert set(county_notes.values()) == {"截至2024年12月31日"}
    assert sorted(county_notes) == ["industry-trade", "ip-office"]
    assert {r["county_note"] for r in rows if r["indicator"] == "1.1"} == {""}


def test_an_agencys_own_not_carried_out_is_told_from_a_reported_0() -> None:
    # 5.2: the regulator's own row is "—"; the county's sum is 0 (others have not reported).
    [regulator] = [r for r in _csv_rows() if (r["indicator"], r["agency_id"]) == (
        "5.2", "financial-regulator")]  # fmt: skip
    assert (regulator["own"], regulator["own_not_carried_out"]) == ("0", "yes")
    assert (regulator["actual"], regulator["not_carried_out"]) == ("0", "")


def test_json_fractional_milestones_are_numbers(document: dict[str, Any]) -> None:
    record = indicator_of(document, "4.2")
    assert record["milestone"] == pytest.approx(18.333333)
    assert record["gap_to_milestone"] == pytest.approx(1.333333)


def test_json_not_carried_out_baseline_is_0_with_a_flag(document: dict[str, Any]) -> None:
    record = indicator_of(document, "1.2")
    assert (record["baseline"], record["baseline_not_carried_out"]) == (0, True)
    assert record["milestone"] == pytest.approx(63.333333)
    assert not record["regressed"]


def test_json_missing_figures_are_null(document: dict[str, Any]) -> None:
    record = indicator_of(document, "4.1")
    assert record["status"] == "not-reported"
    assert record["actual"] is None
    assert record["gap_to_milestone"] is None and record["gap_to_target"] is None
    assert record["contributions"] == []


def test_json_each_indicator(document: dict[str, Any]) -> None:
    record = indicator_of(document, "2.1")
    assert "contributions" not in record
    assert record["scope"] == "each" and record["actual"] is None
    assert record["status"] == "behind"
    assert [a["id"] for a in record["agencies"]] == [
        "agriculture",
        "ip-office",
        "forestry",
        "press-publication",
    ]
    agency = record["agencies"][3]
    assert types(agency) == {
        "id": "str",
        "actual": "int",
        "not_carried_out": "bool",
        "gap_to_milestone": "float",
        "gap_to_target": "int",
        "status": "str",
        "regressed": "bool",
        "note": "str",
    }
    assert (agency["actual"], agency["not_carried_out"], agency["status"]) == (0, True, "behind")
    assert agency["note"] == "尚未制定压缩时限办法"
    assert [a["status"] for a in record["agencies"]] == ["on-track", "achieved", "behind", "behind"]


def test_json_compound_indicator(document: dict[str, Any]) -> None:
    record = indicator_of(document, "5.1")
    assert (record["count_unit"], record["actual"], record["count"]) == ("笔", 850, 3)
    assert (record["unit_en"], record["count_unit_en"]) == ("10k yuan", "deals")
    assert (record["target"], record["target_per_actual"], record["milestone"]) == (
        None,
        True,
        None,
    )
    assert record["status"] == "tracked"
    assert record["contributions"] == [
        {"id": "finance", "actual": 850, "not_carried_out": False, "count": 3, "note": None}
    ]
    # 5.2: only the regulator reported, "—"; the county's sum is 0, not yet "not carried out".
    partial = indicator_of(document, "5.2")
    assert (partial["actual"], partial["not_carried_out"], partial["count"]) == (0, False, None)
    [regulator] = partial["contributions"]
    assert (regulator["id"], regulator["actual"], regulator["not_carried_out"]) == (
        "financial-regulator",
        0,
        True,
    )
    assert "count" not in indicator_of(document, "1.1")


def test_json_agency(document: dict[str, Any]) -> None:
    agency = next(a for a in document["agencies"] if a["id"] == "ip-office")
    assert types(agency) == {
        "id": "str",
        "name": "str",
        "name_en": "str",
        "rows": "list",
        "shortfalls": "list",
    }
    assert agency["shortfalls"] == ["1.1", "4.1", "4.2", "5.1", "5.2", "7.1"]
    rows = {r["indicator"]: r for r in agency["rows"]}
    assert list(rows)[:3] == ["1.1", "1.2", "2.1"]
    assert rows["1.1"] == {
        "indicator": "1.1",
        "actual": 16,
        "not_carried_out": False,
        "gap_to_milestone": 1,
        "gap_to_target": 2,
        "status": "behind",
        "regressed": False,
        "own": 9,
        "own_not_carried_out": False,
        "note": "含“铁拳”行动查办案件",
    }
    assert rows["2.1"]["actual"] == 12 and rows["2.1"]["own"] == 12  # each: its own figure
    assert rows["4.1"]["actual"] is None and rows["4.1"]["own"] is None
    assert rows["5.4"]["count"] == 2


def test_a_report_after_the_plan_period_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2026.csv", "指标,责任单位,数值\n1.1,县知识产权局,9\n")
    document = check_json("2026.csv", "--lang", "en")
    assert [(w["code"], w["file"], w["line"]) for w in document["warnings"]] == [
        ("LZ244", "2026.csv", None)
    ]
    assert "after the plan's target year 2025" in document["warnings"][0]["message"]
    table = run("check", "2026.csv")
    assert "警告 LZ244: 报表年度 2026 晚于方案的目标年 2025 年" in table.output


def test_json_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", "指标,责任单位,数值,填报人\n1.1,,2,张三\n1.1,县林业局,3,\n")
    document = check_json("2024.csv", "--lang", "en")
    assert [(w["code"], w["line"]) for w in document["warnings"]] == [("LZ222", 1), ("LZ240", 2)]
    warning = document["warnings"][1]
    assert types(warning) == {
        "file": "str",
        "line": "int",
        "column": "int",
        "code": "str",
        "message": "str",
    }
    assert (warning["file"], warning["column"]) == ("2024.csv", 3)  # the county figure
    assert "2 differs from the agencies' sum 3" in warning["message"]


# --- reports as Excel and WPS save them ----------------------------------------------------


def excel_copy(text: str) -> str:
    """The example as typed on Chinese Windows: full-width digits and dashes, CRLF."""
    text = text.replace("1,652", "１，６５２").replace(",9,", ",９,").replace("4次", "４次")
    return text.replace(",—,", ",—,").replace("\n", "\r\n")


def test_gbk_csv_from_excel_reads_as_the_utf8_example(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_bytes(excel_copy(EXAMPLE.read_text(encoding="utf-8")).encode("gbk"))
    assert "１，６５２".encode("gbk") in report.read_bytes()
    assert check_json(report) == check_json(EXAMPLE)


def test_gbk_form_with_a_title_and_a_row_number_column_reads_as_the_example(
    tmp_path: Path,
) -> None:
    # What a WPS form saved as CSV looks like: a title row, a 序号 column, GBK, CRLF.
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    numbered = ["序号," + lines[0]] + [f"{n},{line}" for n, line in enumerate(lines[1:], 1)]
    text = "鹿寨县2024年知识产权强县建设指标填报表,,,,,\n" + "\n".join(numbered) + "\n"
    report = tmp_path / "2024.csv"
    report.write_bytes(excel_copy(text).encode("gbk"))
    assert check_json(report) == check_json(EXAMPLE)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_other_encodings_read_as_the_example(tmp_path: Path, encoding: str) -> None:
    report = tmp_path / "2024.csv"
    report.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode(encoding))
    assert check_json(report) == check_json(EXAMPLE)


def test_xlsx_report(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        (cells,) = list(csv.reader([line]))
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in cells])
    book.save(tmp_path / "鹿寨县2024年报.xlsx")
    assert (
        check_json(tmp_path / "鹿寨县2024年报.xlsx")["indicators"]
        == check_json(EXAMPLE)["indicators"]
    )


#: The example's header as WPS and Excel forms often have it, over two rows: 完成情况 merged
#: across 数值 and 笔数 below it, 指标, 责任单位 and 备注 merged down over both rows. Saved as CSV
#: a merge keeps its text in its first cell and leaves the others blank.
TWO_ROW_HEADER = ["指标,责任单位,完成情况,,备注", ",,数值,笔数,"]
FORM_TITLE = "鹿寨县2024年知识产权指标完成情况表"


@pytest.mark.parametrize("title", ["", FORM_TITLE + ",,,,\n"], ids=["header-first", "title"])
def test_a_two_row_header_saved_as_csv_reads_as_the_example(tmp_path: Path, title: str) -> None:
    header, *rows = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert header == "指标,责任单位,数值,笔数,备注"
    report = write(tmp_path / "2024.csv", title + "\n".join([*TWO_ROW_HEADER, *rows]) + "\n")
    assert check_json(report) == check_json(EXAMPLE)  # warnings included: there are none


def test_a_two_row_header_of_merged_cells_in_a_workbook_reads_as_the_example(
    tmp_path: Path,
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([FORM_TITLE])
    sheet.append(["指标", "责任单位", "完成情况", None, "备注"])
    sheet.append([None, None, "数值", "笔数", None])
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines()[1:]:
        (cells,) = list(csv.reader([line]))
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in cells])
    for merged in ["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"]:
        sheet.merge_cells(merged)
    book.save(tmp_path / "鹿寨县2024年报.xlsx")
    document = check_json(tmp_path / "鹿寨县2024年报.xlsx")
    assert document["indicators"] == check_json(EXAMPLE)["indicators"]
    assert document["warnings"] == []


def test_a_year_over_a_two_row_header_is_the_value_columns_year(tmp_path: Path) -> None:
    # 2024年完成情况 merged over 数值 and 笔数: last year's form filled in again is caught (LZ215)
    text = "指标,责任单位,2024年完成情况,\n,,数值,笔数\n5.1,县财政局,850,3\n"
    report = write(tmp_path / "报表.csv", text)
    assert check_json(report)["year"] == 2024
    refused = run("check", report, "--year", "2023", "--format", "json")
    assert refused.exit_code == 2
    assert "LZ215" in refused.stderr


def test_a_year_merged_over_each_pair_of_columns_chooses_that_years_pair(tmp_path: Path) -> None:
    # 2023年 over 数值 | 笔数, 2024年 over 数值 | 笔数: the report year's pair is read (LZ255)
    text = "指标,责任单位,2023年,,2024年,\n,,数值,笔数,数值,笔数\n5.1,县财政局,700,2,850,3\n"
    document = check_json(write(tmp_path / "2024.csv", text))
    figure = next(i for i in document["indicators"] if i["id"] == "5.1")
    assert (figure["actual"], figure["count"]) == (850, 3)
    assert [w["code"] for w in document["warnings"]] == ["LZ255", "LZ255"]


def test_years_under_a_merged_value_header_are_its_yearly_columns(tmp_path: Path) -> None:
    # 完成值 merged over 2023年 | 2024年, 笔数 over 2023 | 2024: 2024's pair is read (LZ255)
    text = "指标,责任单位,完成值,,笔数,\n,,2023年,2024年,2023,2024\n5.1,县财政局,700,850,2,3\n"
    document = check_json(write(tmp_path / "2024.csv", text))
    figure = next(i for i in document["indicators"] if i["id"] == "5.1")
    assert (figure["actual"], figure["count"]) == (850, 3)
    assert [(w["code"], w["line"]) for w in document["warnings"]] == [("LZ255", 2)] * 2


def test_a_row_with_one_year_and_no_indicator_is_no_row_of_years(tmp_path: Path) -> None:
    result = run("check", write(tmp_path / "2024.csv", "指标,责任单位,数值\n,,2024\n"))
    assert result.exit_code == 2
    assert "2024.csv:2:1:" in result.stderr and "LZ216" in result.stderr


# --- validate ------------------------------------------------------------------------------


def test_validate_a_good_report() -> None:
    result = run("validate", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "OK：14 项指标" in result.stdout and "2024.csv" in result.stdout
    assert result.stderr == ""


def test_validate_a_broken_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", BROKEN)
    result = run("validate", "2024.csv", "--lang", "en")
    assert result.exit_code == 1
    checked = run("check", "2024.csv", "--lang", "en")
    assert result.stderr == checked.stderr  # the same errors as check
    assert result.stdout == "OK: 14 indicators, 18 agencies\n"  # the plan passed, the report not


def test_validate_a_missing_report_exits_2(tmp_path: Path) -> None:
    assert run("validate", tmp_path / "2024.csv").exit_code == 2


def test_validate_shows_report_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", "指标,数值,填报人\n4.3,1652,张三\n")
    result = run("validate", "2024.csv", "--lang", "en")
    assert result.exit_code == 0
    assert "2024.csv:1:3: warning LZ222: ignored unrecognised columns: 填报人" in result.stderr
    assert "OK: 2024.csv" in result.stdout


def test_validate_several_reports_reports_all_their_errors(tmp_path: Path) -> None:
    good = write(tmp_path / "2024.csv", "指标,数值\n4.3,1652\n")
    bad_a = write(tmp_path / "2023.csv", "指标,数值\n4.3,abc\n")
    bad_b = write(tmp_path / "2022.csv", "指标,数值\n9.9,1\n")
    result = run("validate", good, bad_a, bad_b)
    assert result.exit_code == 1
    assert "LZ218" in result.stderr and "LZ211" in result.stderr


def test_validate_says_which_reports_passed_beside_the_errors_of_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", "指标,数值\n4.3,1652\n")
    write(tmp_path / "2023.csv", "指标,数值\n4.3,abc\n")
    result = run("validate", "2024.csv", "2023.csv", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["OK: 14 indicators, 18 agencies", "OK: 2024.csv"]
    assert "2023.csv:2:2: error LZ218" in result.stderr


# --- gaps as shown -------------------------------------------------------------------------

#: Just short of the 2024 milestones: 1.2's is 63.333… (63.33 is 0.0033 short), 2.1's 6.666…
#: (forestry's 6.666 is 0.0007 short). Rounded to the nearest 0.01, both gaps showed as 0.
JUST_SHORT = "指标,责任单位,数值\n1.2,,63.33\n2.1,县林业局,6.666\n"


def markdown_row(text: str, indicator_id: str, after: str = "") -> list[str]:
    """The cells of ``indicator_id``'s first Markdown row after the line ``after``."""
    lines = text.splitlines()
    start = lines.index(after) if after else 0
    row = next(line for line in lines[start:] if line.startswith(f"| {indicator_id} |"))
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_a_shortfall_below_the_shown_precision_shows_a_gap_of_0_01_in_the_table(
    tmp_path: Path,
) -> None:
    report = write(tmp_path / "2024.csv", JUST_SHORT)
    result = run("check", report, "--agency", "ip-office", columns=200)
    row = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("1.2 "))
    # id, name, unit, baseline, milestone, target, actual, own, the two gaps, progress, status
    cells = row.split()
    assert cells[4:10] == ["63.34", "95", "63.33", "未填报", "0.01", "31.67"]
    assert cells[-1] == "滞后"


def test_gaps_round_up_to_the_shown_precision_in_markdown(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", JUST_SHORT)
    text = run("check", report, "--format", "markdown").stdout
    # forestry's 6.666 against 6.666… and 10: 0.0007 and 3.334 short
    cells = markdown_row(text, "2.1", after="## 县林业局（forestry）")
    # (the figure is shown below the milestone it falls short of: 6.66, not 6.67)
    assert cells[6:10] == ["6.66", "6.66", "0.01", "3.34"]
    assert cells[-1] == "滞后"


def test_github_annotation_of_a_small_shortfall_names_a_gap_of_0_01(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", JUST_SHORT)
    text = run("check", report, "--format", "github", "--lang", "en").stdout
    line = next(line for line in text.splitlines() if "1.2 " in line and "behind" in line)
    assert "; 0.01 to the milestone" in line and " 0 to" not in line


def test_json_keeps_a_small_gap_as_it_is(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", JUST_SHORT)
    record = indicator_of(check_json(report), "1.2")
    assert record["status"] == "behind"
    assert record["gap_to_milestone"] == pytest.approx(0.003333)


def test_json_gap_below_six_decimals_is_not_rounded_to_0(tmp_path: Path) -> None:
    # 63.333333 is 0.00000033 short of 63.333…: still behind, and its gap must say so.
    report = write(tmp_path / "2024.csv", "指标,数值\n1.2,63.333333\n")
    record = indicator_of(check_json(report), "1.2")
    assert record["status"] == "behind"
    assert record["gap_to_milestone"] == 0.000001


def test_csv_gap_below_four_decimals_is_not_rounded_to_0(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", "指标,数值\n1.2,63.333333\n")
    text = run("check", report, "--format", "csv").stdout.lstrip("\ufeff")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["indicator"] == "1.2")
    assert (row["status"], row["gap_to_milestone"]) == ("behind", "0.0001")


# --- the terminal table --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 60])
def test_table_fits_the_terminal(lang: str, columns: int) -> None:
    result = run("check", EXAMPLE, "--lang", lang, columns=columns)
    lines = result.stdout.splitlines()
    assert len(lines) > 100
    too_wide = [line for line in lines if cell_len(line) > columns]
    assert too_wide == []
    assert "\x1b[" not in result.stdout  # no colour codes when not a terminal


def test_table_at_80_columns_keeps_the_essentials_in_the_first_block() -> None:
    result = run("check", EXAMPLE, "-a", "ip-office", columns=80)
    header = next(line for line in result.stdout.splitlines() if "序号" in line)
    for title in ("序号", "指标", "阶段值", "完成值", "状态"):
        assert title in header
    assert "完成率" not in header  # in the block below, headed 县知识产权局（ip-office，续）
    assert "4.3" in result.stdout and "1652" in result.stdout


#: Every column of an agency's table, as its header names it.
COLUMN_TITLES = {
    "zh": ["序号", "指标", "计量单位", "基础值", "阶段值", "目标值", "完成值", "本单位", "距阶段值",
           "距目标", "完成率", "状态"],
    "en": ["ID", "Indicator", "Unit", "Baseline", "Milestone", "Target", "Actual", "Own",
           "To milestone", "To target", "Of target", "Status"],
}  # fmt: skip


def header_titles(text: str, lang: str) -> list[list[str]]:
    """The column titles of each header line of the tables in ``text`` (3+ spaces apart)."""
    first = COLUMN_TITLES[lang][0]
    return [
        re.split(r"\s{2,}", line.strip())
        for line in text.splitlines()
        if line.strip().startswith(first + "  ")
    ]


def regressed_example(tmp_path: Path) -> Path:
    """The example with 4.3 below its 2022 baseline: a long status, 滞后 · 低于基础值."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert '"1,652"' in text
    return write(tmp_path / "2024.csv", text.replace('"1,652"', "1300"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 60])
def test_a_narrow_table_keeps_every_column(tmp_path: Path, lang: str, columns: int) -> None:
    report = regressed_example(tmp_path)
    result = run("check", report, "-a", "ip-office", "--lang", lang, columns=columns)
    assert ("低于基础值" if lang == "zh" else "regressed") in result.stdout
    headers = header_titles(result.stdout, lang)
    titles = [title for header in headers for title in header]
    assert sorted(set(titles)) == sorted(COLUMN_TITLES[lang])
    # a block that does not fit goes below the first, its rows named by id again
    assert titles.count(COLUMN_TITLES[lang][0]) == len(headers)
    rows_43 = [line for line in result.stdout.splitlines() if line.lstrip().startswith("4.3 ")]
    assert len(rows_43) == len(headers)
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= columns


def test_a_narrow_english_table_shows_the_target_and_the_gaps() -> None:
    result = run("check", EXAMPLE, "-a", "ip-office", "--lang", "en", columns=80)
    lines = result.stdout.splitlines()
    cells = [cell for line in lines if line.startswith(" 4.3 ") for cell in line.split()]
    # 4.3: 1652 of 1603 due in 2024 and of 1700 by 2025: 48 to go
    assert {"1603", "1700", "1652", "48"} <= set(cells)


@pytest.mark.parametrize("columns", [60, 66, 72, 80])
def test_a_wrapped_name_never_starts_a_line_with_closing_punctuation(columns: int) -> None:
    # 6.1 县级各类知识产权学习、培训、交流: Rich alone folds it as "…学习/、培训…" at 60 columns.
    result = run("check", EXAMPLE, "-a", "agriculture", columns=columns)
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.strip().startswith("序号"))
    # The name column's first cell; the rows' id cells before it are ASCII, one column a character.
    start = cell_len(header[: header.index("指标")])
    name_cells = [line[start:].split("  ")[0] for line in lines if len(line) > start]
    assert "交流" in "".join(name_cells)
    assert [
        cell for cell in name_cells if cell.startswith(tuple("，。、；：？！）】》」』”’"))
    ] == []


def test_piped_table_lines_carry_no_trailing_spaces() -> None:
    result = run("check", EXAMPLE, columns=80)
    padded = [line for line in result.stdout.splitlines() if line != line.rstrip()]
    assert padded == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_written_with_output_has_every_column_on_one_line_per_indicator(
    tmp_path: Path, lang: str
) -> None:
    report = regressed_example(tmp_path)
    written = tmp_path / "2024结果.txt"
    result = run("check", report, "--lang", lang, "-o", written, columns=80)
    assert result.exit_code == 1, result.output
    text = written.read_text(encoding="utf-8")
    headers = header_titles(text, lang)
    assert len(headers) == 13  # one table per agency, none continued
    assert all(header == COLUMN_TITLES[lang] for header in headers)
    rows_43 = [line for line in text.splitlines() if line.lstrip().startswith("4.3 ")]
    # 4.3's 1300 is 303 short of 1603 due in 2024, 400 short of 1700 by 2025
    assert rows_43 and all({"1300", "303", "400"} <= set(row.split()) for row in rows_43)
    assert [line for line in text.splitlines() if line != line.rstrip()] == []


def test_table_at_160_columns_shows_everything() -> None:
    result = run("check", EXAMPLE, "-a", "ip-office", columns=160)
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "序号" in line)
    for title in ("基础值", "目标值", "本单位", "距阶段值", "距目标", "完成率", "状态"):
        assert title in header
    assert max(cell_len(line) for line in lines) <= 160
    row = next(line for line in lines if line.lstrip().startswith("4.3 "))
    assert "有效注册商标拥有量" in row  # one line per indicator: names do not fold
    assert "█" in row and "97%" in row


def test_table_lists_warnings_after_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", "指标,责任单位,数值\n1.1,,8\n1.1,县知识产权局,9\n")
    result = run("check", "2024.csv")
    out = result.stdout
    assert out.index("警告") > out.index("县人民检察院（procuratorate）")
    assert "2024.csv:2:3: 警告 LZ240" in out


# --- golden files --------------------------------------------------------------------------


def test_golden_table() -> None:
    result = run("check", EXAMPLE, columns=100)
    assert result.exit_code == 1
    assert_golden(result.stdout, "check_2024.table.txt")


def test_golden_markdown() -> None:
    result = run("check", EXAMPLE, "--format", "markdown")
    assert_golden(result.stdout, "check_2024.md")


def test_golden_json() -> None:
    result = run("check", EXAMPLE, "--format", "json")
    assert_golden(result.stdout, "check_2024.json")


def test_csv_format(tmp_path: Path) -> None:
    result = run("check", EXAMPLE, "--format", "csv")
    text = result.stdout
    assert text.startswith("\ufeffyear,agency_id,agency,indicator,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == sum(len(a["rows"]) for a in check_json(EXAMPLE)["agencies"])
    first = rows[0]
    assert (first["agency_id"], first["indicator"], first["actual"], first["own"]) == (
        "agriculture",
        "1.1",
        "16",
        "3",
    )
    assert (first["milestone"], first["gap_to_milestone"], first["status"]) == ("17", "1", "behind")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_number_columns_hold_numbers_or_nothing(lang: str) -> None:
    # 5.3 其他知识产权质押融资金额: the plan sets no target (以实际业务开展为准) and the example
    # reports it as 未开展.
    text = run("check", EXAMPLE, "--format", "csv", "--lang", lang).stdout.lstrip("\ufeff")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["indicator"] == "5.3")
    assert (row["target"], row["target_per_actual"]) == ("", "yes")
    assert (row["actual"], row["not_carried_out"]) == ("0", "yes")


def test_csv_says_a_number_target_and_a_real_figure_are_such() -> None:
    text = run("check", EXAMPLE, "--format", "csv").stdout.lstrip("\ufeff")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["indicator"] == "4.3")
    assert (row["target"], row["target_per_actual"]) == ("1700", "")
    assert (row["actual"], row["not_carried_out"]) == ("1652", "")


def test_warnings_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "2024.csv", "指标,数值,填报人\n4.3,1652,张三\n")
    warning = "2024.csv:1:3: warning LZ222: ignored unrecognised columns: 填报人"
    as_csv = run("check", "2024.csv", "--lang", "en", "--format", "csv")
    assert warning in as_csv.stderr and "LZ222" not in as_csv.stdout
    as_markdown = run("check", "2024.csv", "--lang", "en", "--format", "markdown")
    assert f"- {warning}" in as_markdown.stdout and as_markdown.stderr == ""
    as_json = run("check", "2024.csv", "--lang", "en", "--format", "json")
    assert as_json.stderr == "" and "LZ222" in as_json.stdout


def test_an_agency_without_indicators_is_told_so() -> None:
    # 县司法局 is named in the plan's tasks but owns no quantitative indicator.
    result = run("check", EXAMPLE, "--agency", "县司法局", "--lang", "en")
    assert result.exit_code == 0
    assert (
        "lzip: warning LZ247: County Justice Bureau owns none of the plan's quantitative indicators"
    ) in result.stdout  # among the table's warnings


def test_an_agency_without_indicators_is_a_warning_of_the_json_result() -> None:
    # Else a script gets an empty result with no reason.
    document = check_json(EXAMPLE, "--agency", "justice")
    assert document["agencies"] == []
    assert [w["code"] for w in document["warnings"]] == ["LZ247"]


@pytest.mark.parametrize("command", ["check", "shortfalls", "indicators"])
def test_each_agency_without_indicators_is_named_among_others(command: str) -> None:
    args = [EXAMPLE] if command != "indicators" else []
    result = run(command, *args, "--agency", "县司法局", "--agency", "县林业局")
    said = result.stdout + result.stderr
    assert said.count("警告 LZ247") == 1
    assert "lzip: 警告 LZ247: 县司法局没有负责的量化指标" in said


def test_md_is_markdown_as_shortfalls_calls_it() -> None:
    assert (
        run("check", EXAMPLE, "-f", "md").stdout == run("check", EXAMPLE, "-f", "markdown").stdout
    )


def test_a_figure_just_short_of_the_target_is_not_shown_as_the_target(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值\n1.2,,94.999\n", encoding="utf-8")
    text = run("check", report, "--format", "markdown").stdout
    cells = markdown_row(text, "1.2", after="## 县知识产权局（ip-office）")
    # milestone 63.34, target 95, actual 94.99 (not 95), gaps 0 and 0.01
    assert cells[4:7] + cells[8:10] == ["63.34", "95", "94.99", "0", "0.01"]


def test_an_indicator_in_ten_thousands_shows_its_gaps_with_separators_as_its_figures(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    for name in ("agencies.yaml", "indicators.yaml"):
        text = (ROOT / "data" / name).read_text(encoding="utf-8")
        text = text.replace("{year: 2022, value: 1409}", "{year: 2022, value: 14090}")
        text = text.replace("{year: 2025, value: 1700}", "{year: 2025, value: 17000}")
        (plan / name).write_text(text, encoding="utf-8")
    report = write(tmp_path / "2024.csv", '指标,责任单位,数值\n4.3,,"15,000"\n')
    result = run("check", report, "--data", plan, "-a", "ip-office", "-f", "markdown")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 4.3 |"))
    # baseline, milestone, target, county figure, own, gap to milestone, gap to target
    assert "| 14,090 | 16,030 | 17,000 | 15,000 | 未填报 | 1,030 | 2,000 |" in row


@pytest.mark.parametrize(
    ("rows", "warned"),
    [
        ("5.1,县财政局,850,3\n5.1,柳州银保监分局鹿寨监管组,120,\n", [("LZ265", 3, 4)]),
        ("5.1,县财政局,850,3\n5.1,柳州银保监分局鹿寨监管组,0,\n", []),
        ("5.1,县财政局,850,3\n5.1,柳州银保监分局鹿寨监管组,—,\n", []),
    ],
    ids=["amount", "zero", "not-carried-out"],
)
def test_an_amount_without_its_count_on_a_form_asking_for_counts_is_warned(
    tmp_path: Path, rows: str, warned: list[tuple[str, int, int]]
) -> None:
    report = write(tmp_path / "2024.csv", "指标,责任单位,数值,笔数\n" + rows)
    document = check_json(report)
    assert [(w["code"], w["line"], w["column"]) for w in document["warnings"]] == warned
    county = next(i for i in document["indicators"] if i["id"] == "5.1")
    assert county["count"] == (None if warned else 3)


@pytest.mark.parametrize(
    ("rows", "message", "county_count"),
    [
        (
            "5.1,县财政局,850,\n",
            "金额 850（万元）没有填写笔数/件数（笔）：本单位的笔数/件数未知，"
            "没有全县合计行时全县的也未知；请填写笔数，或 0",
            None,
        ),
        (  # the county-wide row gives the county's count: the agency's alone is unknown
            "5.1,,850,3\n5.1,县财政局,850,\n",
            "金额 850（万元）没有填写笔数/件数（笔）：本单位的笔数/件数未知，"
            "没有全县合计行时全县的也未知；请填写笔数，或 0",
            3,
        ),
        (
            "5.1,,850,\n",
            "金额 850（万元）没有填写笔数/件数（笔）：全县的笔数/件数因此未知；请填写笔数，或 0",
            None,
        ),
    ],
    ids=["agency-row", "agency-row-under-a-county-count", "county-row"],
)
def test_an_amount_without_its_count_says_whose_count_is_unknown(
    tmp_path: Path, rows: str, message: str, county_count: int | None
) -> None:
    report = write(tmp_path / "2024.csv", "指标,责任单位,数值,笔数\n" + rows)
    document = check_json(report)
    assert [w["message"] for w in document["warnings"] if w["code"] == "LZ265"] == [message]
    county = next(i for i in document["indicators"] if i["id"] == "5.1")
    assert county["count"] == county_count


def test_an_agency_amount_without_its_count_in_english(tmp_path: Path) -> None:
    report = write(
        tmp_path / "2024.csv", "指标,责任单位,数值,笔数\n5.1,,850,3\n5.1,县财政局,850,\n"
    )
    [warning] = check_json(report, "--lang", "en")["warnings"]
    assert warning["message"] == (
        "the amount 850 (10k yuan) has no count (deals) beside it: this agency's count is "
        "unknown, and so is the county's unless a county-wide row gives it"
    )


def test_an_amount_on_a_form_without_a_count_column_is_not_warned(tmp_path: Path) -> None:
    report = write(tmp_path / "2024.csv", "指标,责任单位,数值\n5.1,县财政局,850\n")
    assert [w["code"] for w in check_json(report)["warnings"]] == []


def test_csv_carries_the_agencys_own_count_beside_the_countys() -> None:
    # 5.1: the finance bureau's own 850 万元 in 3 deals, and the county's sum of them; the count
    # had been in the table, Markdown, .xlsx and JSON but not in the CSV.
    rows = {(r["indicator"], r["agency_id"]): r for r in _csv_rows()}
    finance = rows["5.1", "finance"]
    assert list(finance)[-2:] == ["own_count", "shortfall"]
    assert (finance["own"], finance["own_count"], finance["count"]) == ("850", "3", "3")
    assert rows["5.1", "ip-office"]["own_count"] == ""  # sent no row
