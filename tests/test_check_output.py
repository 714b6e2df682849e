"""``lzip check --output FILE``: the report written straight to a file, not through the shell.

PowerShell 5 re-encodes what a native program prints (a redirection becomes UTF-16, Chinese
decoded with the console's code page first); a file lzip writes itself is UTF-8 whatever the
shell, CSV with the BOM Excel needs, and written atomically like every file lzip writes.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import Result

from helpers import run_lzip
from lzip_cli.errors import Problem
from lzip_cli.messages import Bilingual
from lzip_cli.render.table import warnings_block

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
PLAIN = {"NO_COLOR": "1", "FORCE_COLOR": None, "TERM": "dumb", "COLUMNS": "100"}


pytestmark = pytest.mark.usefixtures("in_tmp")


def lzip(*args: str | Path) -> Result:
    return run_lzip(*args, env=PLAIN)


@pytest.mark.parametrize(
    ("name", "output_format"),
    [("2024.json", "json"), ("2024.csv", "csv"), ("2024.md", "markdown"), ("2024.MD", "markdown")],
)
def test_the_suffix_names_the_format(name: str, output_format: str) -> None:
    written = lzip("check", EXAMPLE, "--output", name)
    printed = lzip("check", EXAMPLE, "--format", output_format)
    assert written.exit_code == printed.exit_code == 1  # the example has shortfalls
    assert written.stdout == ""
    assert f"已写入 1 个文件到 {name}" in written.stderr
    text = Path(name).read_bytes().decode("utf-8")
    # (The runner's stdout reads CSV's CRLF as LF: compare lines, not line ends.)
    lines = text.removeprefix("\ufeff").splitlines()
    assert lines == printed.stdout.removeprefix("\ufeff").splitlines()
    assert len(lines) > 10


def test_csv_starts_with_a_bom_for_excel() -> None:
    lzip("check", EXAMPLE, "-o", "2024.csv")
    assert Path("2024.csv").read_bytes().startswith("\ufeffyear,".encode())


def test_json_is_utf8_without_a_bom() -> None:
    lzip("check", EXAMPLE, "-o", "2024.json")
    raw = Path("2024.json").read_bytes()
    assert raw.startswith(b"{")
    assert json.loads(raw)["plan"]["document"] == "鹿政办发〔2023〕4号"


def test_a_txt_file_gets_the_table_without_colour() -> None:
    lzip("check", EXAMPLE, "-o", "2024.txt")
    text = Path("2024.txt").read_text(encoding="utf-8")
    assert "县知识产权局（ip-office）" in text
    assert "\x1b[" not in text


def test_a_txt_file_takes_any_text_format() -> None:
    lzip("check", EXAMPLE, "-o", "2024.txt", "--format", "json")
    assert json.loads(Path("2024.txt").read_text(encoding="utf-8"))["year"] == 2024


@pytest.mark.parametrize(
    ("name", "output_format"),
    [("2024.xlsx", "csv"), ("2024.csv", "json"), ("2024.json", "xlsx"), ("2024.md", "csv")],
)
def test_a_format_that_contradicts_the_suffix_is_refused(name: str, output_format: str) -> None:
    # Excel would not open CSV text saved as 2024.xlsx.
    result = lzip("check", EXAMPLE, "-o", name, "-f", output_format, "--lang", "en")
    assert result.exit_code == 2
    assert f"{name}: error LZ307: the suffix {Path(name).suffix} does not match --format" in (
        result.stderr
    )
    assert not Path(name).exists()


def test_a_contradicting_format_is_said_before_the_file_exists_already() -> None:
    Path("2024.xlsx").write_bytes(b"last year's")
    result = lzip("check", EXAMPLE, "-o", "2024.xlsx", "-f", "json", "--lang", "en")
    assert "LZ307" in result.stderr and "LZ303" not in result.stderr  # --force would not help
    assert Path("2024.xlsx").read_bytes() == b"last year's"


def test_an_xlsx_file_holds_every_agencys_table_with_figures_as_numbers() -> None:
    import openpyxl

    result = lzip("check", EXAMPLE, "-o", "2024.xlsx")
    assert result.exit_code == 1
    assert "已写入 1 个文件到 2024.xlsx" in result.stderr
    sheet = openpyxl.load_workbook("2024.xlsx")["2024"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "鹿寨县知识产权强县建设工作方案（2022-2025年） · 2024 年度完成情况"
    assert rows[1][:4] == ("责任单位", "序号", "指标", "计量单位")
    first = rows[2]
    assert first[:4] == ("县农业农村局", "1.1", "查处假冒知识产权行政案件", "起")
    # baseline, milestone, target, actual, its count (none), own
    assert first[4:10] == (15, 17, 18, 16, None, 3)
    assert first[-1] == "滞后"
    printed = lzip("check", EXAMPLE, "-f", "csv")
    assert len(rows) - 2 == len(printed.stdout.splitlines()) - 1  # a row per agency line


def test_an_xlsx_file_gives_amount_and_count_in_columns_of_their_own() -> None:
    import openpyxl

    lzip("check", EXAMPLE, "-o", "2024.xlsx", "--agency", "finance")
    rows = list(openpyxl.load_workbook("2024.xlsx")["2024"].iter_rows(values_only=True))
    header = rows[1]
    row = next(r for r in rows[2:] if r[1] == "5.1")  # 850 万元 in 3 deals
    by_title = dict(zip(header, row, strict=True))
    assert (by_title["完成值"], by_title["笔数/件数"]) == (850, 3)
    assert (by_title["本单位"], by_title["本单位笔数/件数"]) == (850, 3)


def test_an_xlsx_file_shows_a_figure_just_short_of_the_target_as_the_table_does() -> None:
    import openpyxl

    Path("short-2024.csv").write_text("指标,责任单位,数值\n1.2,,94.999\n", encoding="utf-8")
    lzip("check", "short-2024.csv", "-o", "2024.xlsx", "--agency", "ip-office")
    rows = list(openpyxl.load_workbook("2024.xlsx")["2024"].iter_rows(values_only=True))
    by_title = dict(zip(rows[1], next(r for r in rows[2:] if r[1] == "1.2"), strict=True))
    assert (by_title["完成值"], by_title["目标值"], by_title["距目标"]) == (94.99, 95, 0.01)


def _row_of_1_2(markdown: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith("| 1.2 "))


@pytest.mark.parametrize(
    "command",
    [
        ("check", "-f", "md", "--agency", "ip-office"),
        ("shortfalls", "--agency", "ip-office"),
    ],
    ids=["check", "shortfalls"],
)
def test_an_agencys_own_figure_that_is_the_county_figure_is_shown_as_the_judged_one(
    command: tuple[str, ...],
) -> None:
    # 1.2 is shared, and 县知识产权局 alone reported it: its own 94.999 is the county figure,
    # shown 94.99 beside "0.01 short", never 95.
    Path("2025.csv").write_text("指标,责任单位,数值\n1.2,县知识产权局,94.999\n", encoding="utf-8")
    result = lzip(command[0], "2025.csv", *command[1:])
    cells = [cell.strip() for cell in _row_of_1_2(result.stdout).split("|")]
    assert cells.count("94.99") == 2
    assert "95" in cells and "0.01" in cells  # the target, and the gap to it


def test_an_xlsx_file_shows_the_agencys_own_county_figure_as_the_judged_one() -> None:
    import openpyxl

    Path("2025.csv").write_text("指标,责任单位,数值\n1.2,县知识产权局,94.999\n", encoding="utf-8")
    lzip("check", "2025.csv", "-o", "2025.xlsx", "--agency", "ip-office")
    rows = list(openpyxl.load_workbook("2025.xlsx")["2025"].iter_rows(values_only=True))
    by_title = dict(zip(rows[1], next(r for r in rows[2:] if r[1] == "1.2"), strict=True))
    assert (by_title["完成值"], by_title["本单位"]) == (94.99, 94.99)


def forms_with_a_warning() -> Path:
    """Two agencies' forms for 2024; the county's 7.1 (2) is less than the rows' sum (3):
    warning LZ240 at ip.csv's row 3."""
    folder = Path("returns", "2024")
    folder.mkdir(parents=True)
    (folder / "forestry.csv").write_text(
        "指标,责任单位,数值\n1.1,县林业局,2\n7.1,县林业局,3\n", encoding="utf-8"
    )
    (folder / "ip.csv").write_text(
        "指标,责任单位,数值\n1.1,县知识产权局,9\n7.1,,2\n", encoding="utf-8"
    )
    return folder


def test_an_xlsx_file_opens_on_the_status_summary_the_table_shows() -> None:
    import openpyxl

    lzip("check", EXAMPLE, "-o", "2024.xlsx")
    book = openpyxl.load_workbook("2024.xlsx")
    assert book.sheetnames == ["汇总", "2024"]  # no warnings in the example: no warnings sheet
    assert book.active.title == "汇总"
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "鹿寨县知识产权强县建设工作方案（2022-2025年） · 2024 年度完成情况"
    summary = next(
        line for line in lzip("check", EXAMPLE).stdout.splitlines() if "指标状态" in line
    )
    assert rows[1][0].splitlines() == ["鹿政办发〔2023〕4号", summary.strip()]


def test_an_xlsx_summary_counts_each_agencys_shortfalls_as_numbers() -> None:
    import openpyxl

    lzip("check", EXAMPLE, "-o", "2024.xlsx")
    rows = list(openpyxl.load_workbook("2024.xlsx")["汇总"].iter_rows(values_only=True))
    assert rows[2] == ("责任单位", "编号", "欠账项数", "欠账指标")
    counts = {row[1]: (row[2], row[3]) for row in rows[3:]}
    assert counts["ip-office"] == (6, "1.1, 4.1, 4.2, 5.1, 5.2, 7.1")
    assert counts["court"] == (0, None)  # an empty cell
    table = lzip("check", EXAMPLE, "--agency", "ip-office").stdout
    assert "欠账 6 项" in table  # as the table under ip-office's rows says it
    assert len(counts) == 13


def test_an_xlsx_file_lists_the_warnings_on_a_sheet_of_their_own() -> None:
    import openpyxl

    result = lzip("check", forms_with_a_warning(), "-o", "2024.xlsx", "--lang", "en")
    book = openpyxl.load_workbook("2024.xlsx")
    assert book.sheetnames == ["Summary", "2024", "Warnings"]
    rows = list(book["Warnings"].iter_rows(values_only=True))
    assert rows == [
        ("Code", "File", "Row", "Column", "Message"),
        (
            "LZ240",
            "returns/2024/ip.csv",
            3,
            3,
            "indicator 7.1: the county figure 2 differs from the agencies' sum 3; the county "
            "figure stands",
        ),
    ]
    assert "returns/2024/ip.csv:3:3: warning LZ240" in result.stderr  # and on stderr too


def test_an_xlsx_summary_points_to_the_warnings_sheet() -> None:
    import openpyxl

    lzip("check", forms_with_a_warning(), "-o", "2024.xlsx")
    intro = openpyxl.load_workbook("2024.xlsx")["汇总"]["A2"].value
    assert intro.splitlines()[-1] == "另有 1 条警告，见“警告”工作表。"


def test_the_sheets_of_an_xlsx_file_have_filters_on_their_headers() -> None:
    import openpyxl

    lzip("check", forms_with_a_warning(), "-o", "2024.xlsx", "--agency", "forestry")
    book = openpyxl.load_workbook("2024.xlsx")
    # The title (and on the summary the paragraph) above; a filter from the header down.
    assert book["汇总"].auto_filter.ref == "A3:D4"
    assert book["2024"].auto_filter.ref == "A2:N8"  # forestry's 6 indicators
    assert book["警告"].auto_filter.ref == "A1:E2"


def test_xlsx_needs_an_output_file() -> None:
    result = lzip("check", EXAMPLE, "-f", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "lzip: error LZ309: the xlsx format needs -o/--output naming the file to write\n"
    )


def test_an_unknown_suffix_is_refused_and_nothing_written() -> None:
    result = lzip("check", EXAMPLE, "-o", "2024.xls", "--lang", "en")
    assert result.exit_code == 2
    assert "2024.xls: error LZ307: cannot tell the output format from the suffix" in result.stderr
    assert ".json, .csv, .md" in result.stderr
    assert not Path("2024.xls").exists()


def test_an_existing_file_is_kept_without_force() -> None:
    Path("2024.json").write_text("last year's", encoding="utf-8")
    result = lzip("check", EXAMPLE, "-o", "2024.json", "--lang", "en")
    assert result.exit_code == 2
    assert "2024.json: error LZ303" in result.stderr
    assert Path("2024.json").read_text(encoding="utf-8") == "last year's"
    assert lzip("check", EXAMPLE, "-o", "2024.json", "--force").exit_code == 1
    assert json.loads(Path("2024.json").read_text(encoding="utf-8"))["year"] == 2024


def test_an_existing_file_is_refused_before_the_report_is_read() -> None:
    # A check of a large report refused after its reading would have made the user wait for
    # nothing: the report here is broken, and its error is never reached.
    Path("2024.json").write_text("last year's", encoding="utf-8")
    report = Path("2024.csv")
    report.write_text("指标,责任单位,数值\n9.9,县市场监管局,3\n", encoding="utf-8")
    result = lzip("check", report, "-o", "2024.json", "--lang", "en")
    assert result.exit_code == 2
    assert "2024.json: error LZ303" in result.stderr
    assert "LZ211" not in result.stderr
    assert Path("2024.json").read_text(encoding="utf-8") == "last year's"


def test_an_existing_file_is_refused_before_the_plan_is_read(tmp_path: Path) -> None:
    Path("2024.json").write_text("last year's", encoding="utf-8")
    result = lzip("check", EXAMPLE, "-o", "2024.json", "--data", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "2024.json: 错误 LZ303" in result.stderr
    assert "nowhere" not in result.stderr


def test_the_report_itself_is_never_the_output() -> None:
    report = Path("2024.csv")
    report.write_bytes(EXAMPLE.read_bytes())
    result = lzip("check", report, "-o", report, "--force", "--lang", "en")
    assert result.exit_code == 2
    assert "2024.csv: error LZ301" in result.stderr
    assert report.read_bytes() == EXAMPLE.read_bytes()


def test_nothing_owed_still_exits_0_with_an_output_file() -> None:
    result = lzip("check", EXAMPLE, "-o", "2024.json", "--fail-on", "never")
    assert result.exit_code == 0


@pytest.mark.parametrize("name", ["2024.json", "2024.txt", "2024.md", "2024.csv"])
def test_warnings_are_shown_on_stderr_once_as_well_as_written(name: str) -> None:
    result = lzip("check", EXAMPLE, "--year", "2023", "-o", name, "--lang", "en")
    assert result.stderr.count("warning LZ245: --year 2023 differs from the year 2024") == 1


@pytest.mark.parametrize("width", range(40, 121))
def test_no_warning_line_under_the_tables_starts_with_closing_punctuation(width: int) -> None:
    # Rich folds at any character: at 42, 56, 66 or 84 columns a line began with ，or ）.
    from rich.cells import cell_len
    from rich.console import Console

    unfilled = Problem(
        "LZ256",
        "form_unfilled_agency",
        file="returns/2024/林业局.csv",
        line=2,
        params={"agency": Bilingual("县林业局", "County Forestry Bureau")},
    )
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(
        warnings_block([unfilled], "zh", width)
    )
    lines = buffer.getvalue().splitlines()
    assert not [line for line in lines if line[:1] in "，。、）；：」』"]
    assert all(cell_len(line.rstrip()) <= width for line in lines)


@pytest.mark.parametrize(
    ("indicator", "figure", "shown"),
    [
        ("4.3", "1699", "███████░ 99%"),  # 1 short of 1700: not yet 100 %
        ("1.2", "94.7", "███████░ 99%"),  # 0.3 short of 95 %
        ("1.1", "17", "███████░ 94%"),  # 17 of 18: the bar is not full
        ("4.3", "1700", "████████ 100%"),
        ("4.3", "850", "████░░░░ 50%"),
        ("1.1", "16", "███████░ 89%"),  # 88.9 % rounds to the nearest below the target
    ],
)
def test_the_share_of_target_is_below_100_percent_until_the_target_is_reached(
    indicator: str, figure: str, shown: str
) -> None:
    Path("2024.csv").write_text(f"指标,责任单位,数值\n{indicator},,{figure}\n", encoding="utf-8")
    result = run_lzip("check", "2024.csv", "--agency", "ip-office", env={**PLAIN, "COLUMNS": "200"})
    row = next(line for line in result.stdout.splitlines() if line.startswith(f" {indicator} "))
    assert shown in row


def workbooks() -> dict[str, bytes]:
    """Every workbook lzip writes, from the example: a check result, the lists, a form."""
    assert lzip("check", EXAMPLE, "-o", "结果.xlsx", "--force").exit_code == 1
    assert lzip("shortfalls", EXAMPLE, "-f", "xlsx", "--out", "lists", "--force").exit_code == 1
    assert lzip("template", "2025", "-o", "form.xlsx", "--force").exit_code == 0
    return {str(path): path.read_bytes() for path in sorted(Path().rglob("*.xlsx"))}


def test_the_same_figures_give_the_same_workbook_bytes_run_after_run() -> None:
    # openpyxl dates the document and each part of its zip with the time of the run: a data
    # repository that commits its lists saw every workbook change on every run.
    first = workbooks()
    time.sleep(1.1)  # past the second of core.xml's dates and, often, the zip's two seconds
    assert workbooks() == first
    assert len(first) >= 4


@pytest.mark.parametrize(
    ("epoch", "dated"),
    [(None, "2000-01-01T00:00:00Z"), ("1735689600", "2025-01-01T00:00:00Z")],
    ids=["fixed", "source-date-epoch"],
)
def test_a_workbook_is_dated_by_source_date_epoch_else_a_fixed_date(
    monkeypatch: pytest.MonkeyPatch, epoch: str | None, dated: str
) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert lzip("template", "2025", "-o", "form.xlsx").exit_code == 0
    with zipfile.ZipFile("form.xlsx") as book:
        core = book.read("docProps/core.xml").decode()
        times = {entry.date_time for entry in book.infolist()}
    assert f">{dated}</dcterms:created>" in core and f">{dated}</dcterms:modified>" in core
    year, month, day = (int(part) for part in dated[:10].split("-"))
    assert times == {(year, month, day, 0, 0, 0)}
