"""`lzip template`: the report form, and the round trip form → filled in → `lzip check`."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpers import run_lzip
from lzip_cli.plan_loader import load_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
DATA = ROOT / "data"
HEADER = ["年度", "指标", "指标名称", "计量单位", "责任单位", "数值", "笔数/件数", "备注"]
COUNTY = "（全县合计，责任单位留空）"
#: The figures of examples/2024.csv, keyed by (indicator, agency name or None for the county).
EXAMPLE_FIGURES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("1.1", "县农业农村局"): ("3", ""),
    ("1.1", "县知识产权局"): ("9", ""),
    ("1.1", "县林业局"): ("2", ""),
    ("1.1", "县新闻出版局"): ("2", ""),
    ("1.2", None): ("80", ""),
    ("2.1", "县农业农村局"): ("8", ""),
    ("2.1", "县知识产权局"): ("12", ""),
    ("2.1", "县林业局"): ("5", ""),
    ("2.1", "县新闻出版局"): ("—", ""),
    ("3.1", None): ("1", ""),
    ("4.2", None): ("17", ""),
    ("4.3", None): ("1652", ""),
    ("5.1", "县财政局"): ("850", "3"),
    ("5.2", "柳州银保监分局鹿寨监管组"): ("—", ""),
    ("5.3", None): ("未开展", ""),
    ("5.4", "县知识产权局"): ("120", "2"),
    ("6.1", "县知识产权局"): ("3", ""),
    ("6.1", "县教育局"): ("1", ""),
    ("7.1", None): ("6", ""),
    ("7.1", "县知识产权局"): ("4", ""),
    ("7.1", "县文体广旅局"): ("2", ""),
    ("8.1", None): ("4", ""),
}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@pytest.fixture(scope="module")
def plan():  # type: ignore[no-untyped-def]
    return load_plan(DATA)


def csv_form(*args: str | Path) -> list[list[str]]:
    result = run_lzip("template", *args)
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith("\ufeff".encode()), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def expected_rows(plan, year: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows = []
    for indicator in plan.indicators:
        unit = (
            f"{indicator.unit}/{indicator.count_unit}" if indicator.count_unit else indicator.unit
        )
        if indicator.scope == "shared":
            rows.append([str(year), indicator.id, indicator.name + COUNTY, unit, ""])
        for agency in indicator.agencies:
            rows.append([str(year), indicator.id, indicator.name, unit, plan.agency(agency).name])
    return [[*row, "", "", ""] for row in rows]


# --- the form -----------------------------------------------------------------------------


def test_csv_form_has_a_row_per_indicator_and_agency_plus_county_rows(plan) -> None:  # type: ignore[no-untyped-def]
    header, *rows = csv_form("2025")
    assert header == HEADER
    assert rows == expected_rows(plan, 2025)
    assert len(rows) == sum(len(i.agencies) for i in plan.indicators) + sum(
        1 for i in plan.indicators if i.scope == "shared"
    )


@pytest.mark.parametrize("args", [["--year", "2025"], ["-y", "2025"], ["2025", "--year", "2025"]])
def test_the_year_may_be_given_as_check_takes_it(args: list[str]) -> None:
    assert csv_form(*args) == csv_form("2025")


def test_csv_form_uses_crlf_as_excel_does() -> None:
    result = run_lzip("template", "2025")
    assert result.stdout_bytes.count(b"\r\n") == result.stdout_bytes.count(b"\n")


def test_each_indicator_gets_no_county_row() -> None:
    _, *rows = csv_form("2025")
    # 2.1 is judged per agency: a county-wide figure would mean nothing.
    assert [r[4] for r in rows if r[1] == "2.1"] == [
        "县农业农村局",
        "县知识产权局",
        "县林业局",
        "县新闻出版局",
    ]


def test_compound_indicators_show_both_units() -> None:
    _, *rows = csv_form("2025")
    units = {r[1]: r[3] for r in rows}
    assert [units[i] for i in ("5.1", "5.2", "5.3", "5.4", "1.1")] == [
        "万元/笔",
        "万元/件",
        "万元/件",
        "万元/笔",
        "起",
    ]


def test_agency_option_keeps_only_its_rows_and_no_county_rows() -> None:
    _, *rows = csv_form("2025", "--agency", "县财政局")
    assert [(r[1], r[4]) for r in rows] == [(i, "县财政局") for i in ("5.1", "5.2", "5.3", "5.4")]


def test_agency_option_repeated() -> None:
    _, *rows = csv_form("2025", "-a", "court", "-a", "procuratorate")
    assert [(r[1], r[4]) for r in rows] == [("8.1", "县人民法院"), ("8.1", "县人民检察院")]


def test_english_form_has_english_headers_and_names() -> None:
    header, first, *_ = csv_form("2025", "--lang", "en")
    assert header == ["year", "indicator", "name", "unit", "agency", "value", "count", "note"]
    assert first[:5] == [
        "2025",
        "1.1",
        "Administrative cases of counterfeit IP investigated (county-wide: leave agency blank)",
        "cases",
        "",
    ]


def test_unknown_agency_exits_2() -> None:
    result = run_lzip("template", "2025", "--agency", "县气象局")
    assert result.exit_code == 2
    assert "县气象局" in result.stderr
    assert result.stdout == ""


def test_xlsx_needs_an_output_file() -> None:
    result = run_lzip("template", "2025", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "lzip: 错误 LZ309: xlsx 格式需要 -o/--output 指定写入的文件\n"
    assert result.stdout == ""


def test_xlsx_form_is_chosen_by_extension_and_matches_the_csv(tmp_path: Path) -> None:
    output = tmp_path / "2025年报表.xlsx"
    result = run_lzip("template", "2025", "-o", output)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(output).active
    rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert [[str(c) for c in row] for row in rows] == csv_form("2025")
    # The year is a number, so Excel marks no "number stored as text"; the ids stay text.
    assert {type(row[0]) for row in rows[1:]} == {int}
    assert {type(row[1]) for row in rows[1:]} == {str}


def test_an_output_suffix_naming_no_format_is_refused(tmp_path: Path) -> None:
    output = tmp_path / "form.txt"
    result = run_lzip("template", "2025", "-o", output, "--lang", "en")
    assert result.exit_code == 2
    assert "error LZ307: cannot tell the output format from the suffix" in result.stderr
    assert ".csv, .xlsx" in result.stderr
    assert not output.exists()


def test_the_format_option_writes_any_file_name(tmp_path: Path) -> None:
    output = tmp_path / "form.txt"
    assert run_lzip("template", "2025", "-o", output, "--format", "csv").exit_code == 0
    assert output.read_bytes().decode("utf-8-sig").startswith(",".join(HEADER))


def test_xlsx_form_has_frozen_header_readable_widths_and_shaded_fixed_columns(
    tmp_path: Path,
) -> None:
    output = tmp_path / "form.xlsx"
    run_lzip("template", "2025", "-o", output)
    sheet = openpyxl.load_workbook(output).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    # the longest name, with its county-wide note, fits up to the cap
    assert widths["C"] == 60
    assert widths["E"] >= 2 * len("柳州银保监分局鹿寨监管组")
    for column, header in zip("ABCDEFGH", HEADER, strict=True):
        assert widths[column] >= 2 * len(header), column
    grey = "00E7E6E6"
    for row in sheet.iter_rows(min_row=2):
        assert [c.fill.fgColor.rgb == grey for c in row] == [True] * 5 + [False] * 3


def _validation_cells(sheet) -> dict[str, tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    cells = {}
    for rule in sheet.data_validations.dataValidation:
        for cell_range in rule.sqref.ranges:
            for row, column in cell_range.cells:
                coordinate = sheet.cell(row, column).coordinate
                cells[coordinate] = (rule.type, rule.formula1, rule.formula2)
    return cells


def test_xlsx_form_validates_value_and_count_cells(tmp_path: Path) -> None:
    output = tmp_path / "form.xlsx"
    run_lzip("template", "2025", "-o", output)
    sheet = openpyxl.load_workbook(output).active
    cells = _validation_cells(sheet)
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row, 2).value
        unit = sheet.cell(row, 4).value
        number = "whole" if unit in ("起", "个", "件", "次", "篇次") else "decimal"
        expected = (number, "0", "100.0" if unit == "%" else None)
        assert cells[f"F{row}"] == expected, (row, indicator)
        if indicator in ("5.1", "5.2", "5.3", "5.4"):
            assert cells[f"G{row}"] == ("whole", "0", None)
        else:
            assert f"G{row}" not in cells
    # the header and the fixed columns are never validated
    assert not [c for c in cells if c[1:] == "1" or c[0] in "ABCDEH"]


def test_xlsx_validation_prompts_for_the_value(tmp_path: Path) -> None:
    output = tmp_path / "form.xlsx"
    run_lzip("template", "2025", "-o", output)
    rule = openpyxl.load_workbook(output).active.data_validations.dataValidation[0]
    assert rule.showInputMessage and rule.allow_blank
    assert "未开展填 —" in rule.prompt


def test_xlsx_count_cells_prompt_for_the_count_not_the_value(tmp_path: Path) -> None:
    # The 笔数/件数 cells of 5.1–5.4 had the value's prompt (数值; 比率填 0–100).
    output = tmp_path / "form.xlsx"
    run_lzip("template", "2025", "-o", output)
    sheet = openpyxl.load_workbook(output).active
    prompts = {
        sheet.cell(row, column).coordinate: (rule.promptTitle, rule.prompt)
        for rule in sheet.data_validations.dataValidation
        for cell_range in rule.sqref.ranges
        for row, column in cell_range.cells
    }
    counts = {c: p for c, p in prompts.items() if c.startswith("G")}
    assert counts
    assert set(counts.values()) == {
        ("笔数/件数", "填写整数，与金额同时填写；未开展的在金额填 — 并将笔数/件数留空")
    }
    assert all(p[0] == "数值" for c, p in prompts.items() if c.startswith("F"))


# --- where it is written ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["form.csv", "form.xlsx"])
def test_existing_output_is_kept_without_force(tmp_path: Path, name: str) -> None:
    output = tmp_path / name
    output.write_bytes(b"filled in by hand")
    result = run_lzip("template", "2025", "-o", output)
    assert result.exit_code == 2
    assert "LZ303" in result.stderr and str(output) in result.stderr
    assert output.read_bytes() == b"filled in by hand"


def test_force_overwrites_output(tmp_path: Path) -> None:
    output = tmp_path / "form.csv"
    output.write_bytes(b"old")
    result = run_lzip("template", "2025", "-o", output, "--force")
    assert result.exit_code == 0
    assert output.read_bytes() == run_lzip("template", "2025").stdout_bytes


@pytest.mark.parametrize("name", ["indicators.yaml", "agencies.yaml"])
def test_refuses_to_write_over_the_plan_even_with_force(tmp_path: Path, name: str) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(DATA, plan_dir)
    before = (plan_dir / name).read_bytes()
    result = run_lzip("template", "2025", "--data", plan_dir, "-o", plan_dir / name, "--force")
    assert result.exit_code == 2
    assert "LZ301" in result.stderr
    assert (plan_dir / name).read_bytes() == before


def test_output_that_is_a_directory_exits_2(tmp_path: Path) -> None:
    result = run_lzip("template", "2025", "-o", tmp_path, "--format", "csv")
    assert result.exit_code == 2
    assert "LZ302" in result.stderr


def test_output_in_a_missing_directory_exits_2_located(tmp_path: Path) -> None:
    output = tmp_path / "missing" / "form.csv"
    result = run_lzip("template", "2025", "-o", output)
    assert result.exit_code == 2
    assert "LZ305" in result.stderr and str(output) in result.stderr
    assert "Traceback" not in result.output


def test_formula_names_are_escaped_in_the_form(tmp_path: Path) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(DATA, plan_dir)
    agencies = plan_dir / "agencies.yaml"
    agencies.write_text(
        agencies.read_text("utf-8").replace("name: 县财政局", "name: '=cmd|\" /C calc\"!A0'"),
        encoding="utf-8",
    )
    indicators = plan_dir / "indicators.yaml"
    indicators.write_text(
        indicators.read_text("utf-8").replace(
            "name: 专利质押融资金额", "name: '@专利质押融资金额'"
        ),
        encoding="utf-8",
    )
    _, *rows = csv_form("2025", "--data", plan_dir)
    assert ["2025", "5.1", "'@专利质押融资金额", "万元/笔", '\'=cmd|" /C calc"!A0'] in [
        r[:5] for r in rows
    ]
    run_lzip("template", "2025", "--data", plan_dir, "-o", tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx").active
    texts = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            texts.append(cell.value)
    # Text cells, shown as written and never run: no apostrophe to show in the workbook.
    assert "@专利质押融资金额" in texts and '=cmd|" /C calc"!A0' in texts


# --- round trip: form → filled in → check -------------------------------------------------


def without_notes(value: Any) -> Any:
    """The document without its "note" fields: the example's notes are not typed into forms."""
    if isinstance(value, dict):
        return {k: without_notes(v) for k, v in value.items() if k != "note"}
    if isinstance(value, list):
        return [without_notes(v) for v in value]
    return value


def check_json(report: Path) -> dict:
    result = run_lzip("check", report, "--format", "json")
    assert result.exit_code == 1, result.output  # the example owes shortfalls
    payload = without_notes(json.loads(result.stdout))
    # Contributions come in the report's row order, which the form fixes to the plan's order
    # while examples/2024.csv lists ip-office before education: compare them as sets.
    for indicator in payload["indicators"]:
        if "contributions" in indicator:
            indicator["contributions"].sort(key=lambda c: c["id"])
    return payload


def _figure(row: list[str]) -> tuple[str, str] | None:
    return EXAMPLE_FIGURES.get((row[1], row[4] or None))


def fill_xlsx(form: Path) -> None:
    """Type the example's figures into a form's workbook, as a person does in Excel."""
    workbook = openpyxl.load_workbook(form)
    for row in workbook.active.iter_rows(min_row=2):
        figure = _figure([str(c.value or "") for c in row])
        if figure:
            value, count = figure
            # numbers typed as numbers; — and 未开展 typed as text
            row[5].value = float(value) if value.isdigit() else value
            row[6].value = int(count) if count else None
    workbook.save(form)


def test_filled_csv_saved_by_excel_as_gbk_checks_like_the_hand_written_report(
    tmp_path: Path,
) -> None:
    header, *rows = csv_form("2024")
    for row in rows:
        figure = _figure(row)
        if figure:
            # Excel on Chinese Windows: full-width digits typed with the IME, saved as GBK.
            row[5], row[6] = (part.translate(FULL_WIDTH) for part in figure)
    row_7_1 = next(r for r in rows if r[1] == "7.1" and not r[4])
    row_7_1[7] = "含县融媒体中心稿件"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    filled = tmp_path / "鹿寨县知识产权指标填报.csv"
    filled.write_bytes(buffer.getvalue().encode("gbk"))
    assert check_json(filled) == check_json(EXAMPLE)
    document = json.loads(run_lzip("check", filled, "--format", "json").stdout)
    assert (
        next(i for i in document["indicators"] if i["id"] == "7.1")["note"] == "含县融媒体中心稿件"
    )
    validated = run_lzip("validate", filled)
    assert validated.exit_code == 0, validated.output


def test_filled_xlsx_checks_like_the_hand_written_report(tmp_path: Path) -> None:
    form = tmp_path / "2024年填报.xlsx"
    assert run_lzip("template", "2024", "-o", form).exit_code == 0
    fill_xlsx(form)
    assert check_json(form) == check_json(EXAMPLE)
    validated = run_lzip("validate", form)
    assert validated.exit_code == 0, validated.output


def test_untouched_form_checks_as_nothing_reported(tmp_path: Path) -> None:
    form = tmp_path / "2024.csv"
    run_lzip("template", "2024", "-o", form)
    report = check_json(form)
    assert report["year"] == 2024
    assert report["summary"]["not-reported"] + report["summary"]["tracked"] == 14
    assert report["warnings"] == []


# --- one form per agency ------------------------------------------------------------------

PER_AGENCY_FILES = [
    "agriculture",
    "county",
    "court",
    "culture-tourism",
    "development-reform",
    "education",
    "finance",
    "financial-regulator",
    "forestry",
    "industry-trade",
    "ip-office",
    "press-publication",
    "procuratorate",
    "public-security",
]


def test_per_agency_writes_one_form_per_agency_that_owns_an_indicator(tmp_path: Path) -> None:
    result = run_lzip("template", "2025", "--per-agency", "-o", tmp_path / "forms")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "forms").iterdir())
    # 县司法局, 县卫健局 … own no indicator: no form for them.
    assert written == [f"{stem}.csv" for stem in PER_AGENCY_FILES]


def test_each_agency_form_holds_only_its_rows_and_the_county_form_the_blank_ones(
    tmp_path: Path,
) -> None:
    run_lzip("template", "2025", "--per-agency", "-o", tmp_path)
    forestry = (tmp_path / "forestry.csv").read_bytes().decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(forestry))
    assert header == HEADER
    assert {row[4] for row in rows} == {"县林业局"}
    assert [row[1] for row in rows] == ["1.1", "2.1", "5.3", "6.1", "7.1", "8.1"]
    county = (tmp_path / "county.csv").read_bytes().decode("utf-8-sig")
    _, *county_rows = csv.reader(io.StringIO(county))
    assert {row[4] for row in county_rows} == {""}
    assert "2.1" not in [row[1] for row in county_rows]  # judged per agency: no county row


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_county_form_without_its_id_column_is_read_by_the_names_it_gives(
    tmp_path: Path, lang: str
) -> None:
    # The 指标 column deleted, as a user tidying the form may: 指标名称 still names each row,
    # with the template's own note that it is the county's row.
    run_lzip("template", "2025", "--per-agency", "--lang", lang, "-o", tmp_path / "forms")
    text = (tmp_path / "forms" / "county.csv").read_bytes().decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text))
    value = header.index("数值" if lang == "zh" else "value")
    rows[0][value] = "17"  # 1.1
    kept = [[cell for i, cell in enumerate(row) if i != 1] for row in (header, *rows)]
    report = tmp_path / "2025.csv"
    with report.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(kept)
    result = run_lzip("check", report, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    [first] = [i for i in json.loads(result.stdout)["indicators"] if i["id"] == "1.1"]
    assert (first["actual"], first["contributions"]) == (17, [])


def test_per_agency_with_agency_writes_only_those_forms(tmp_path: Path) -> None:
    run_lzip("template", "2025", "--per-agency", "-a", "县林业局", "-a", "finance", "-o", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["finance.csv", "forestry.csv"]


@pytest.mark.parametrize(
    ("name", "options", "hint"),
    [
        ("forms.xlsx", [], True),  # .xlsx forms were meant: -f xlsx makes them
        ("forms.xlsx", ["-f", "xlsx"], False),
        ("forms.csv", [], False),  # CSV forms are what --per-agency writes anyway
    ],
)
def test_per_agency_output_named_like_a_file_is_refused(
    tmp_path: Path, name: str, options: list[str], hint: bool
) -> None:
    result = run_lzip(
        "template", "2025", "--per-agency", "-o", tmp_path / name, *options, "--lang", "en"
    )
    assert result.exit_code == 2
    assert "with --per-agency, -o names the folder for the agencies' forms, not a file" in (
        result.stderr
    )
    assert ("add -f xlsx" in result.stderr) is hint
    assert not (tmp_path / name).exists()


def test_per_agency_needs_a_directory(tmp_path: Path) -> None:
    result = run_lzip("template", "2025", "--per-agency", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "lzip: error LZ309: --per-agency needs -o naming the directory for the forms\n"
    )


def test_per_agency_keeps_every_existing_form_without_force(tmp_path: Path) -> None:
    (tmp_path / "forestry.csv").write_text("filled in already", encoding="utf-8")
    result = run_lzip("template", "2025", "--per-agency", "-o", tmp_path, "--lang", "en")
    assert result.exit_code == 2
    assert "forestry.csv: error LZ303" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forestry.csv"]  # none written
    assert (tmp_path / "forestry.csv").read_text(encoding="utf-8") == "filled in already"


def test_per_agency_xlsx_forms_filled_in_check_as_the_whole_report(tmp_path: Path) -> None:
    forms = tmp_path / "2024"
    assert run_lzip("template", "2024", "--per-agency", "-f", "xlsx", "-o", forms).exit_code == 0
    for form in forms.iterdir():
        fill_xlsx(form)
    document, example = check_json(forms), check_json(EXAMPLE)
    # The example has no figure for 县法院, 县公安局 …: their forms come back unfilled (LZ256).
    warnings = document.pop("warnings")
    assert {w["code"] for w in warnings} == {"LZ256"}
    assert [Path(w["file"]).stem for w in warnings] == [
        "court",
        "development-reform",
        "industry-trade",
        "procuratorate",
        "public-security",
    ]
    assert example.pop("warnings") == []
    assert document == example


@pytest.mark.parametrize(
    ("year", "warning"),
    [
        (2021, "warning LZ244: report year 2021 is before the plan's base year 2022"),
        (2022, None),
        (2025, None),
        (2026, "warning LZ244: report year 2026 is after the plan's target year 2025"),
    ],
)
def test_a_form_for_a_year_outside_the_plan_is_written_with_a_warning(
    year: int, warning: str | None
) -> None:
    result = run_lzip("template", str(year), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith(f"{year},")
    if warning is None:
        assert "LZ244" not in result.stderr
    else:
        assert warning in result.stderr


def test_a_form_for_an_agency_owning_no_indicator_is_refused_and_not_written(
    tmp_path: Path,
) -> None:
    # 县司法局 is named in the plan's tasks but owns none of the quantitative indicators: its form
    # would hold a header only, which check and validate refuse as the wrong file (LZ250).
    out = tmp_path / "司法局.csv"
    result = run_lzip("template", "2025", "--agency", "县司法局", "-o", out, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "lzip: error LZ313: County Justice Bureau owns none of the plan's quantitative "
        "indicators: there is no form to fill in (lzip would refuse a form with a header only "
        "as the wrong file)\n"
    )
    assert not out.exists()


def test_per_agency_forms_for_agencies_owning_nothing_are_refused_with_no_directory(
    tmp_path: Path,
) -> None:
    out = tmp_path / "forms"
    result = run_lzip(
        "template", "2025", "--per-agency", "-a", "县司法局", "-a", "health", "-o", out
    )
    assert result.exit_code == 2
    assert "错误 LZ313: 县司法局、县卫健局没有负责的量化指标" in result.stderr
    assert "已写入" not in result.stderr
    assert not out.exists()


def test_an_agency_owning_nothing_beside_one_that_owns_some_is_a_warning() -> None:
    result = run_lzip("template", "2025", "-a", "县司法局", "-a", "forestry", "--lang", "en")
    assert result.exit_code == 0
    assert "warning LZ247: County Justice Bureau owns none" in result.stderr
    rows = result.stdout.splitlines()[1:]
    assert rows and all("County Forestry Bureau" in row for row in rows)


@pytest.mark.parametrize(("name", "chosen"), [("form.csv", "xlsx"), ("form.xlsx", "csv")])
def test_a_format_that_contradicts_the_suffix_is_refused(
    tmp_path: Path, name: str, chosen: str
) -> None:
    result = run_lzip("template", "2024", "-o", tmp_path / name, "-f", chosen)
    assert result.exit_code == 2
    assert "LZ307" in result.stderr
    assert not (tmp_path / name).exists()


def test_a_txt_form_takes_the_format_asked_for(tmp_path: Path) -> None:
    result = run_lzip("template", "2024", "-o", tmp_path / "form.txt", "-f", "csv")
    assert result.exit_code == 0
    assert (tmp_path / "form.txt").read_text(encoding="utf-8-sig").startswith("年度,")


@pytest.mark.parametrize(
    "cut_short",
    [OSError(28, "No space left on device"), SystemExit(143), KeyboardInterrupt()],
    ids=["full-disk", "sigterm", "ctrl-c"],
)
def test_per_agency_forms_cut_short_leave_no_folder_they_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_short: BaseException
) -> None:
    # The folder -o names did not exist: a run cut short while the forms are written leaves
    # neither a form, nor a temporary file, nor the new (empty) folder.
    real_fsync, calls = os.fsync, []

    def fail_third(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise cut_short
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fail_third)
    out = tmp_path / "forms" / "2025"
    result = run_lzip("template", "--year", "2025", "--per-agency", "-o", out)
    assert result.exit_code != 0
    assert len(calls) >= 3
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", ["forms/", "表格/"])
def test_per_agency_takes_its_folder_written_with_a_trailing_slash(
    tmp_path: Path, folder: str
) -> None:
    """README: ``lzip template 2025 --per-agency -f xlsx -o forms/``."""
    result = run_lzip(
        "template", "2025", "--per-agency", "-f", "xlsx", "-o", str(tmp_path / folder)
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / folder / "forestry.xlsx").is_file()
    assert (tmp_path / folder / "county.xlsx").is_file()
