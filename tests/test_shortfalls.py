"""`lzip shortfalls`: per-agency lists (督办清单) and their index, as the agencies receive them.

Golden files live under tests/golden/shortfalls/; regenerate them with LZIP_UPDATE_GOLDEN=1
after checking the difference by eye.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

from helpers import run_lzip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"
DATA = ROOT / "data"
GOLDEN = Path(__file__).parent / "golden" / "shortfalls"
UPDATE = os.environ.get("LZIP_UPDATE_GOLDEN") == "1"

#: Agencies with something owed in examples/2024.csv, and what they owe.
OWED = {
    "agriculture": ["1.1", "7.1"],
    "ip-office": ["1.1", "4.1", "4.2", "5.1", "5.2", "7.1"],
    "forestry": ["1.1", "2.1", "7.1"],
    "press-publication": ["1.1", "2.1", "7.1"],
    "industry-trade": ["4.1", "4.2", "7.1"],
    "development-reform": ["4.1", "4.2", "7.1"],
    "education": ["4.1", "4.2", "7.1"],
    # 5.1–5.4 are tracked as actual, summed from the agencies' rows: each part is owed.
    "finance": ["5.2", "5.4"],
    "financial-regulator": ["5.1", "5.4"],
    "public-security": ["7.1"],
    "culture-tourism": ["7.1"],
}
CLEAR = ["court", "procuratorate"]
FORMULA_STARTS = ("=", "+", "-", "@")
PLAN_FILES = ("agencies.yaml", "indicators.yaml")


def listing(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir()}


def copy_plan(tmp_path: Path, replacements: list[tuple[str, str]]) -> Path:
    """A copy of the shipped plan with text replaced in both YAML files."""
    plan = tmp_path / "plan"
    plan.mkdir()
    texts = {name: (DATA / name).read_text(encoding="utf-8") for name in PLAN_FILES}
    for old, new in replacements:
        assert any(old in text for text in texts.values()), old
        texts = {name: text.replace(old, new) for name, text in texts.items()}
    for name, text in texts.items():
        (plan / name).write_text(text, encoding="utf-8")
    return plan


def assert_golden(actual: Path, golden: Path) -> None:
    """``actual`` (a file or a directory of files) equals ``golden`` byte for byte."""
    if UPDATE:
        if actual.is_dir():
            shutil.rmtree(golden, ignore_errors=True)
            shutil.copytree(actual, golden)
        else:
            golden.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(actual, golden)
        return
    if actual.is_dir():
        assert listing(actual) == listing(golden)
        for path in sorted(actual.iterdir()):
            assert path.read_bytes() == (golden / path.name).read_bytes(), path.name
    else:
        assert actual.read_bytes() == golden.read_bytes()


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode()), "CSV for Excel must start with a BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def index_table(path: Path) -> list[list[str]]:
    """The agency rows of an index in any of its formats, as text cells."""
    if path.suffix == ".csv":
        return read_csv(path)[1:]
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        return [
            ["" if c is None else str(c) for c in r]
            for r in sheet.iter_rows(min_row=4, values_only=True)
        ]
    lines = path.read_text("utf-8").splitlines()
    return [
        [c.strip() for c in line.strip("|").split("|")] for line in lines if line.startswith("| ")
    ][1:]


# --- the lists in each format -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_lists_of_the_example_match_golden_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", fmt)
    assert result.exit_code == 1, result.output
    assert listing(out) == {f"{a}.{fmt}" for a in OWED} | {f"index.{fmt}"}
    assert_golden(out, GOLDEN / fmt)


def test_english_lists_on_stdout_match_golden(tmp_path: Path) -> None:
    result = run_lzip(
        "shortfalls", EXAMPLE, "--lang", "en", "--agency", "forestry", "--agency", "县教育局"
    )
    assert result.exit_code == 1
    produced = tmp_path / "stdout.en.md"
    produced.write_text(result.stdout, encoding="utf-8")
    assert_golden(produced, GOLDEN / "stdout-forestry-education.en.md")


def test_shared_with_names_co_owners_only_where_the_figure_is_joint(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "csv", "--agency", "forestry")
    header, *rows = read_csv(out / "forestry.csv")
    shared_with = {row[header.index("序号")]: row[header.index("共同责任单位")] for row in rows}
    # 1.1 is one county figure the four agencies make together; 2.1 is judged per agency.
    assert shared_with["1.1"] == "县农业农村局、县知识产权局、县新闻出版局"
    assert shared_with["2.1"] == ""


def test_markdown_list_shows_every_column_the_agency_needs() -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--agency", "ip-office")
    text = result.stdout
    assert "# 县知识产权局2024年度知识产权量化指标督办清单" in text
    # 1.1: 17 due in 2024, 18 by 2025; the county reached 3+9+2+2 = 16, the office itself 9.
    row = next(line for line in text.splitlines() if line.startswith("| 1.1 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == [
        "1.1",
        "查处假冒知识产权行政案件",
        "起",
        "17",
        "18",
        "16",
        "9",
        "1",
        "2",
        "滞后",
        "县农业农村局、县林业局、县新闻出版局",
        "全县2025年全年应达到18（按年重新计数）",  # the county's cases, counted anew each year
        "含“铁拳”行动查办案件",  # the office's own note on its 1.1 row
    ]


def test_an_unreported_flow_indicator_asks_for_next_years_whole_figure(tmp_path: Path) -> None:
    report = tmp_path / "2023.csv"
    report.write_text("指标,责任单位,数值\n4.3,,1600\n", encoding="utf-8")  # 1.1 not reported
    result = run_lzip("shortfalls", report, "--agency", "ip-office")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 1.1 |"))
    assert row.rstrip(" |").endswith("请补报本年数据；全县2024年全年应达到17（按年重新计数）")


def test_a_stock_indicator_needs_what_is_still_missing_by_next_year() -> None:
    # 4.2 (patents held at year end): 17 held, 20 due by 2025.
    result = run_lzip("shortfalls", EXAMPLE, "--agency", "ip-office")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 4.2 |"))
    assert row.rstrip(" |").endswith("全县2025年应达到20，尚差3")


def test_no_next_milestone_is_asked_for_in_the_plans_last_year(tmp_path: Path) -> None:
    report = tmp_path / "2025.csv"
    report.write_text("指标,责任单位,数值\n4.2,,17\n", encoding="utf-8")
    result = run_lzip("shortfalls", report, "--agency", "ip-office", "--lang", "en")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 4.2 |"))
    assert row.endswith("|  |")  # the gap to the target says what is owed; no 2026 milestone


def test_unreported_indicator_asks_for_the_figure() -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--agency", "education")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 4.1 |"))
    assert "未填报" in row
    assert "请补报本年数据；全县2025年应达到1" in row


def test_a_missing_figure_says_not_reported_in_words_as_dash_means_not_carried_out() -> None:
    # forestry's own 7.1 figure is missing; an agency types "—" in its form for 未开展.
    text = run_lzip("shortfalls", EXAMPLE, "--agency", "forestry").stdout
    row = next(line for line in text.splitlines() if line.startswith("| 7.1 |"))
    assert [c.strip() for c in row.strip("|").split("|")][6] == "未填报"
    assert "“未填报”表示没有报送数值" in text
    assert "“—”表示未填报" not in text


def markdown_cells(markdown: str, indicator: str) -> dict[str, str]:
    """``indicator``'s row of a Markdown list, by column header."""
    lines = markdown.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"| {indicator} |"))
    rule = next(i for i in range(at, -1, -1) if lines[i].startswith("|---"))
    header = lines[rule - 1]
    cells = [
        [c.strip() for c in line.strip().strip("|").split("|")] for line in (header, lines[at])
    ]
    return dict(zip(*cells, strict=True))


def needed(markdown: str, indicator: str) -> str:
    """The 下一阶段要求 (needed by next milestone) cell of ``indicator``'s row in a list."""
    cells = markdown_cells(markdown, indicator)
    return cells.get("下一阶段要求", cells.get("Needed by next milestone", ""))


def test_requirement_names_the_county_for_a_shared_figure_and_the_agency_for_its_own() -> None:
    # Forestry's own 1.1 figure is 2: the 18 asked for is the county's, which four agencies make.
    # 2.1 (scope each) judges forestry on its own figure: the requirement is forestry's.
    text = run_lzip("shortfalls", EXAMPLE, "--agency", "forestry").stdout
    assert needed(text, "1.1") == "全县2025年全年应达到18（按年重新计数）"
    assert needed(text, "2.1") == "2025年应达到10，尚差5"


def without_county_row(tmp_path: Path, indicator: str) -> Path:
    """The example without ``indicator``'s county row: its county figure is the agencies' sum."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{indicator},,")]
    assert len(kept) == len(lines) - 1
    report = tmp_path / "2024.csv"
    report.write_text("".join(kept), encoding="utf-8")
    return report


def test_an_agency_missing_from_the_countys_sum_is_asked_for_its_figure(tmp_path: Path) -> None:
    # 7.1 without its county row is 县知识产权局's 4 + 县文体广旅局's 2: forestry sent nothing.
    report = without_county_row(tmp_path, "7.1")
    text = run_lzip("shortfalls", report, "--agency", "forestry").stdout
    assert needed(text, "7.1") == (
        "请补报本单位本年数据（全县数为各单位数据之和，目前缺贵单位数据）；全县2025年全年应达到10（按年重新计数）"
    )
    english = run_lzip("shortfalls", report, "--agency", "forestry", "--lang", "en").stdout
    assert needed(english, "7.1").startswith("send your own figure for this year")


def test_an_agency_in_the_countys_sum_is_not_asked_again(tmp_path: Path) -> None:
    report = without_county_row(tmp_path, "7.1")
    text = run_lzip("shortfalls", report, "--agency", "ip-office").stdout
    assert needed(text, "7.1") == "全县2025年全年应达到10（按年重新计数）"


def test_a_county_row_makes_an_agencys_own_row_optional() -> None:
    # The example has 7.1's county row (6): forestry's missing row takes nothing from it.
    text = run_lzip("shortfalls", EXAMPLE, "--agency", "forestry").stdout
    assert needed(text, "7.1") == "全县2025年全年应达到10（按年重新计数）"


#: (report file, its text, agency, indicator, Chinese and English requirement), shared scope.
SHARED_REQUIREMENTS = [
    pytest.param(
        "2023.csv",
        "指标,责任单位,数值\n1.1,,15\n",
        "ip-office",
        "1.1",
        "全县2024年全年应达到17（按年重新计数）",
        "the county must reach 17 within 2024 (counted anew each year)",
        id="flow-next-milestone",
    ),
    pytest.param(
        "2023.csv",
        "指标,责任单位,数值\n4.3,,1600\n",
        "ip-office",
        "1.1",
        "请补报本年数据；全县2024年全年应达到17（按年重新计数）",
        "report this year's figure; the county must reach 17 within 2024 (counted anew each year)",
        id="flow-not-reported",
    ),
    pytest.param(
        "2024.csv",
        EXAMPLE.read_text("utf-8"),
        "forestry",
        "1.1",
        "全县2025年全年应达到18（按年重新计数）",
        "the county must reach 18 within 2025 (counted anew each year)",
        id="flow-target",
    ),
    pytest.param(
        "2024.csv",
        EXAMPLE.read_text("utf-8"),
        "education",
        "4.2",
        "全县2025年应达到20，尚差3",
        "the county must reach 20 by 2025: 3 more",
        id="stock-target",
    ),
    pytest.param(
        "2023.csv",
        "指标,责任单位,数值\n4.2,,15\n",
        "industry-trade",
        "4.2",
        "全县2024年应达到19，尚差4",
        "the county must reach 19 by 2024: 4 more",
        id="stock-next-milestone",
    ),
    pytest.param(
        "2024.csv",
        EXAMPLE.read_text("utf-8"),
        "education",
        "4.1",
        "请补报本年数据；全县2025年应达到1",
        "report this year's figure; the county must reach 1 by 2025",
        id="stock-not-reported",
    ),
    pytest.param(
        "2024.csv",
        "指标,数值\n1.2,63.33\n",
        "ip-office",
        "1.2",
        "全县2025年应达到95，尚差31.67",
        "the county must reach 95 by 2025: 31.67 more",
        id="rate-target",
    ),
    pytest.param(
        "2023.csv",
        "指标,数值\n1.2,3.329333\n",
        "ip-office",
        "1.2",
        # 63.333… − 3.329333 = 60.004 rounded up once, not 63.34 − 3.329333 rounded up again
        "全县2024年应达到63.34，尚差60.01",
        "the county must reach 63.34 by 2024: 60.01 more",
        id="rate-fractional-milestone",
    ),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("name", "report", "agency", "indicator", "zh", "en"), SHARED_REQUIREMENTS)
def test_a_shared_indicators_requirement_is_the_countys_figure(
    tmp_path: Path, name: str, report: str, agency: str, indicator: str, zh: str, en: str, lang: str
) -> None:
    # A 2023 report's next milestone is 2024's; a 2024 report's is the 2025 target.
    path = tmp_path / name
    path.write_text(report, encoding="utf-8")
    result = run_lzip("shortfalls", path, "--agency", agency, "--lang", lang)
    assert needed(result.stdout, indicator) == (zh if lang == "zh" else en)


def decreasing_plan(tmp_path: Path) -> Path:
    """The shipped plan with 1.1 (a flow) and 4.2 (a stock) to be brought down, not up."""
    return copy_plan(
        tmp_path,
        [
            (
                "direction: increase\n    baseline: {year: 2022, value: 15}\n"
                "    target: {year: 2025, value: 18}",
                "direction: decrease\n    baseline: {year: 2022, value: 18}\n"
                "    target: {year: 2025, value: 15}",
            ),
            (
                "direction: increase\n    baseline: {year: 2022, value: 15}\n"
                "    target: {year: 2025, value: 20}",
                "direction: decrease\n    baseline: {year: 2022, value: 20}\n"
                "    target: {year: 2025, value: 15}",
            ),
        ],
    )


@pytest.mark.parametrize(
    ("lang", "flow", "stock"),
    [
        ("zh", "全县2025年全年应不超过15（按年重新计数）", "全县2025年应降至15，尚需降低4"),
        (
            "en",
            "the county must stay at or below 15 within 2025 (counted anew each year)",
            "the county must bring it down to 15 by 2025: still 4 too high",
        ),
    ],
    ids=["zh", "en"],
)
def test_a_decreasing_indicator_asks_to_bring_the_figure_down(
    tmp_path: Path, lang: str, flow: str, stock: str
) -> None:
    plan = decreasing_plan(tmp_path)
    report = tmp_path / "2024.csv"  # 2024 milestones: 16 for both; 17 and 19 are above them
    report.write_text("指标,责任单位,数值\n1.1,,17\n4.2,,19\n", encoding="utf-8")
    result = run_lzip("shortfalls", report, "--data", plan, "--agency", "ip-office", "--lang", lang)
    assert needed(result.stdout, "1.1") == flow
    assert needed(result.stdout, "4.2") == stock


@pytest.mark.parametrize(
    ("lang", "above", "below"),
    [
        ("zh", "滞后 · 高于基础值", "滞后 · 低于基础值"),
        ("en", "behind · regressed", "behind · regressed"),
    ],
    ids=["zh", "en"],
)
def test_a_figure_worse_than_the_baseline_is_above_it_when_it_must_come_down(
    tmp_path: Path, lang: str, above: str, below: str
) -> None:
    plan = decreasing_plan(tmp_path)  # 1.1 must come down from 18; 4.3 rise from 1409
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值\n1.1,,19\n4.3,,1300\n", encoding="utf-8")
    result = run_lzip("shortfalls", report, "--data", plan, "--agency", "ip-office", "--lang", lang)
    status = "状态" if lang == "zh" else "Status"
    assert markdown_cells(result.stdout, "1.1")[status] == above
    assert markdown_cells(result.stdout, "4.3")[status] == below


#: The finance bureau reports 5.2 in full and 5.1's count without its amount; 5.3 and 5.4 not at all.
FINANCE_2024 = "指标,责任单位,数值,笔数\n5.2,县财政局,100,2\n5.1,县财政局,,3\n"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", {"5.3": "请补报本年金额（万元）和件数", "5.4": "请补报本年金额（万元）和笔数"}),
        (
            "en",
            {
                "5.3": "report this year's amount (10k yuan) and count (items)",
                "5.4": "report this year's amount (10k yuan) and count (policies)",
            },
        ),
    ],
    ids=["zh", "en"],
)
def test_unreported_financing_asks_for_its_amount_and_count(
    tmp_path: Path, lang: str, expected: dict[str, str]
) -> None:
    # 5.1–5.4 are tracked as actual (no target, so no next milestone): still to be reported.
    report = tmp_path / "2024.csv"
    report.write_text(FINANCE_2024, encoding="utf-8")
    text = run_lzip("shortfalls", report, "--agency", "finance", "--lang", lang).stdout
    assert {i: needed(text, i) for i in expected} == expected


def test_a_count_sent_without_its_amount_asks_for_the_amount(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(FINANCE_2024, encoding="utf-8")
    text = run_lzip("shortfalls", report, "--agency", "finance").stdout
    row = next(line for line in text.splitlines() if line.startswith("| 5.1 |"))
    assert "| 未填报 / 3 |" in row
    assert needed(text, "5.1") == "请补报本年金额（万元）"


def test_an_unreported_indicator_tracked_as_actual_asks_only_for_the_figure(
    tmp_path: Path,
) -> None:
    # 8.1 made 以实际业务开展为准 (no target): nothing to reach, but the figure is still owed.
    plan = copy_plan(
        tmp_path,
        [
            (
                "baseline: {year: 2022, value: 2}\n    target: {year: 2025, value: 4}",
                "baseline: {year: 2022, value: 2}\n    target: {year: 2025, value: per-actual}",
            )
        ],
    )
    report = tmp_path / "2024.csv"
    report.write_text("指标,责任单位,数值\n1.1,,17\n", encoding="utf-8")
    text = run_lzip("shortfalls", report, "--data", plan, "--agency", "court").stdout
    assert needed(text, "8.1") == "请补报本年数据"


def test_an_unreported_indicator_in_the_plans_last_year_asks_for_the_figure(
    tmp_path: Path,
) -> None:
    # 2025 has no next milestone, and the gap to the target is blank without a figure.
    report = tmp_path / "2025.csv"
    report.write_text("指标,责任单位,数值\n4.2,,20\n", encoding="utf-8")
    text = run_lzip("shortfalls", report, "--agency", "education", "--lang", "en").stdout
    assert needed(text, "4.1") == "report this year's figure"


#: 1.2's 2024 milestone is 63.333…: 63.33 is 0.0033 short, which must not show as 0.
JUST_SHORT = "指标,数值\n1.2,63.33\n"


def test_a_shortfall_below_the_shown_precision_shows_0_01_in_the_list(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(JUST_SHORT, encoding="utf-8")
    text = run_lzip("shortfalls", report, "--agency", "ip-office").stdout
    row = next(line for line in text.splitlines() if line.startswith("| 1.2 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[3:10] == ["63.34", "95", "63.33", "未填报", "0.01", "31.67", "滞后"]


def as_text(cell: object) -> str:
    """A workbook cell as the CSV shows it (figures are stored as numbers in the workbook)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return f"{cell:,}" if isinstance(cell, int) and cell >= 10000 else str(cell)


def test_xlsx_list_figures_are_numbers_so_excel_can_sum_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx", "--agency", "ip-office")
    sheet = openpyxl.load_workbook(out / "ip-office.xlsx").active
    header = [c.value for c in sheet[3]]  # below the title and the intro
    first = {h: c.value for h, c in zip(header, sheet[4], strict=True)}
    assert first["序号"] == "1.1"  # ids stay text: 1.10 is not 1.1
    assert first["2024年阶段值"] == 17
    assert first["完成值"] == 16
    assert first["本单位填报"] == 9


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("第一行\v第二行", "第一行\n第二行"),  # Word's line break pasted into a cell
        ("第一行\f第二行", "第一行\n第二行"),
        ("\x1b[31m加急\x1b[0m", "[31m加急[0m"),  # no cell may hold ESC: left out
        ("见\x01附件", "见附件"),
    ],
    ids=["vertical-tab", "form-feed", "escape", "control"],
)
def test_a_control_character_in_a_note_does_not_stop_an_xlsx_list(
    tmp_path: Path, note: str, shown: str
) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(f"指标,责任单位,数值,笔数,备注\n1.1,县林业局,2,,{note}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_lzip(
        "shortfalls", report, "--out", out, "--format", "xlsx", "--agency", "forestry"
    )
    assert result.exit_code == 1, result.stderr
    sheet = openpyxl.load_workbook(out / "forestry.xlsx").active
    header = [c.value for c in sheet[3]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert next(r for r in rows if r["序号"] == "1.1")["本单位备注"] == shown


@pytest.mark.parametrize("output_format", ["md", "csv"])
def test_a_note_reaches_no_list_with_a_terminals_control_sequence(
    tmp_path: Path, output_format: str
) -> None:
    # A note is text for people: an escape sequence in it would recolour (or retitle) the
    # terminal that shows the list, and no cell may hold one.
    report = tmp_path / "2024.csv"
    note = "\x1b[31m加急\x07\x9b0m"  # ESC, a bell, and CSI: the escape in one character
    report.write_text(f"指标,责任单位,数值,笔数,备注\n1.1,县林业局,2,,{note}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_lzip("shortfalls", report, "--out", out, "-f", output_format, "-a", "forestry")
    assert result.exit_code == 1, result.stderr
    text = (out / f"forestry.{output_format}").read_text(encoding="utf-8-sig")
    assert "[31m加急" in text
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text


def test_a_workbooks_escaped_control_characters_are_read_as_excel_shows_them(
    tmp_path: Path,
) -> None:
    # Excel saves Word's line break in a cell as _x000B_, an escape as _x001B_.
    report = tmp_path / "2024.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["指标", "责任单位", "数值", "备注"])
    book.active.append(["1.1", "县林业局", 2, "第一行_x000B_第二行_x001B_[31m"])
    book.save(report)
    result = run_lzip("check", report, "-f", "json", "-a", "forestry")
    indicator = {i["id"]: i for i in json.loads(result.stdout)["indicators"]}["1.1"]
    [forestry] = [c for c in indicator["contributions"] if c["id"] == "forestry"]
    assert forestry["note"] == "第一行\n第二行[31m"


def test_xlsx_list_shows_a_small_shortfall_as_0_01(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(JUST_SHORT, encoding="utf-8")
    out = tmp_path / "out"
    run_lzip("shortfalls", report, "--out", out, "--format", "xlsx", "--agency", "ip-office")
    sheet = openpyxl.load_workbook(out / "ip-office.xlsx").active
    header = [c.value for c in sheet[3]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=4, values_only=True)]
    row = next(r for r in rows if r["序号"] == "1.2")
    assert (row["状态"], row["距阶段值"]) == ("滞后", 0.01)


def test_xlsx_lists_hold_the_csv_values_with_title_frozen_header_and_widths(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx")
    assert result.exit_code == 1
    assert listing(out) == {f"{a}.xlsx" for a in OWED} | {"index.xlsx"}
    for agency in OWED:
        sheet = openpyxl.load_workbook(out / f"{agency}.xlsx").active
        rows = [[as_text(c) for c in r] for r in sheet.iter_rows(values_only=True)]
        assert rows[0][0].endswith("2024年度知识产权量化指标督办清单")
        # The CSV's table without its agency column (the workbook's title names the agency),
        # and without its notes column where the agency wrote no note on an item it owes.
        table = [row[1:] for row in read_csv(GOLDEN / "csv" / f"{agency}.csv")]
        if not any(row[-1] for row in table[1:]):
            table = [row[:-1] for row in table]
        assert rows[2 : 2 + len(table)] == table
        assert sheet.freeze_panes == "A4"  # title, intro and header stay in view
        assert sheet.print_title_rows == "$3:$3"
        assert sheet.page_setup.orientation == "landscape"
        for column, header in enumerate(rows[2], start=1):
            width = sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width
            assert len(header) <= width <= 62, (agency, header, width)


def test_xlsx_widths_fit_the_longest_cell_up_to_a_cap(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx", "--agency", "ip-office")
    sheet = openpyxl.load_workbook(out / "ip-office.xlsx").active
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    # 指标 column: 查处假冒知识产权行政案件 is 12 wide characters = 24 cells, plus padding.
    assert widths["B"] >= 24
    # 共同责任单位 for 7.1 lists eight agencies: capped and wrapped rather than 100 wide.
    assert widths["K"] == 60
    assert sheet["K7"].alignment.wrap_text


@pytest.mark.parametrize(
    ("lang", "intro", "footnote"),
    [
        ("zh", "依据《鹿寨县知识产权强县建设工作方案", "注：阶段值为本年度按方案应达到的数值；"),
        ("en", "Under the quantitative indicators of", "Milestone: the figure due this year"),
    ],
    ids=["zh", "en"],
)
def test_xlsx_list_explains_itself_above_and_below_the_table(
    tmp_path: Path, lang: str, intro: str, footnote: str
) -> None:
    out = tmp_path / "out"
    run_lzip(
        "shortfalls", EXAMPLE, "--out", out, "-f", "xlsx", "--agency", "forestry", "--lang", lang
    )
    sheet = openpyxl.load_workbook(out / "forestry.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0].startswith(intro)  # the basis, the count and 请于督查考核前落实
    assert rows[-1][0].startswith(footnote)  # what 未填报, 未开展 and "—" mean
    assert rows[-2] == (None,) * 12  # a blank row between the table and the footnote
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged == {"A2:L2", f"A{len(rows)}:L{len(rows)}"}  # across the table's 12 columns
    for row in (2, len(rows)):
        assert sheet.cell(row, 1).alignment.wrap_text
        assert sheet.row_dimensions[row].height >= 16


def test_csv_list_names_the_agency_on_every_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip(
        "shortfalls", EXAMPLE, "--out", out, "-f", "csv", "--agency", "forestry", "--lang", "en"
    )
    header, *rows = read_csv(out / "forestry.csv")
    assert header[:3] == ["Agency", "ID", "Indicator"]
    assert [row[0] for row in rows] == ["County Forestry Bureau"] * 3


def test_xlsx_index_says_how_many_agencies_owe_under_its_title(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx")
    sheet = openpyxl.load_workbook(out / "index.xlsx").active
    assert sheet["A2"].value == "13个责任单位中有11个存在欠账。"  # as index.md says it
    assert "A2:E2" in {str(r) for r in sheet.merged_cells.ranges}


def test_xlsx_index_has_title_and_every_agency(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx")
    sheet = openpyxl.load_workbook(out / "index.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "2024年度督办清单索引"
    assert rows[2] == ("编号", "单位", "欠账项数", "欠账指标", "清单文件")
    assert [r[0] for r in rows[3:]] == [
        "agriculture",
        "ip-office",
        "forestry",
        "press-publication",
        "industry-trade",
        "development-reform",
        "education",
        "finance",
        "financial-regulator",
        "public-security",
        "culture-tourism",
        "court",
        "procuratorate",
    ]
    assert sheet.freeze_panes == "A4"


def test_xlsx_index_counts_are_numbers_excel_can_sum(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "xlsx")
    sheet = openpyxl.load_workbook(out / "index.xlsx").active
    counts = [row[2] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert all(type(count) is int for count in counts), counts
    lists = [openpyxl.load_workbook(f).active for f in out.glob("*.xlsx") if f.name != "index.xlsx"]
    # Every list: title, intro, header, its items, a blank row and the footnote.
    assert sum(counts) == sum(sheet.max_row - 5 for sheet in lists)


# --- the index ----------------------------------------------------------------------------


def test_index_lists_every_agency_with_its_count_and_clear_ones_as_clear(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "csv")
    header, *rows = read_csv(out / "index.csv")
    assert header == ["编号", "单位", "欠账项数", "欠账指标", "清单文件"]
    by_id = {row[0]: row for row in rows}
    assert set(by_id) == set(OWED) | set(CLEAR)
    for agency, owed in OWED.items():
        assert by_id[agency][2:] == [str(len(owed)), ", ".join(owed), f"{agency}.csv"]
    for agency in CLEAR:
        assert by_id[agency][2:] == ["0", "", "无欠账"]


def test_index_in_markdown_counts_owing_agencies(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    text = (out / "index.md").read_text(encoding="utf-8")
    assert "13个责任单位中有11个存在欠账。" in text
    assert "| court | 县人民法院 | 0 |  | 无欠账 |" in text


def test_the_english_index_says_why_an_agency_has_no_list_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--lang", "en")
    text = (out / "index.md").read_text(encoding="utf-8")
    assert "| court | County People's Court | 0 |  | no shortfalls, no list |" in text


@pytest.mark.parametrize(
    ("agencies", "said"),
    [
        (["court"], "No agency has shortfalls (1 agency checked)."),
        (["court", "procuratorate"], "No agency has shortfalls (2 agencies checked)."),
        (["forestry"], "1 of 1 agency has shortfalls."),
        (["forestry", "court"], "1 of 2 agencies has shortfalls."),
        (["forestry", "education", "court"], "2 of 3 agencies have shortfalls."),
    ],
)
def test_the_english_index_counts_agencies_in_the_singular_and_plural(
    agencies: list[str], said: str
) -> None:
    options = [arg for agency in agencies for arg in ("--agency", agency)]
    result = run_lzip("shortfalls", EXAMPLE, *options, "--lang", "en")
    assert said in result.stdout.splitlines()


# --- --agency, exit codes, stdout ---------------------------------------------------------


@pytest.mark.parametrize("name", ["forestry", "县林业局", "鹿寨县林业局", "County Forestry Bureau"])
def test_agency_option_takes_id_name_or_alias(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--agency", name)
    assert result.exit_code == 1
    assert listing(out) == {"forestry.md", "index.md"}
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "13个责任单位中有11个存在欠账。" in index  # the index still covers every agency
    assert "| forestry | 县林业局 | 3 | 1.1, 2.1, 7.1 | forestry.md |" in index
    assert "| agriculture | 县农业农村局 | 2 | 1.1, 7.1 | 本次未生成清单 |" in index


def test_agency_option_repeated_writes_the_lists_of_those_agencies(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "csv", "-a", "court", "-a", "education")
    assert listing(out) == {"education.csv", "index.csv"}  # the court owes nothing


def test_one_agencys_list_written_again_keeps_the_whole_index(tmp_path: Path) -> None:
    # An agency re-submits: its list is written again, and the index still names everyone's.
    out = tmp_path / "out"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "csv").exit_code == 1
    full = read_csv(out / "index.csv")
    result = run_lzip(
        "shortfalls", EXAMPLE, "--out", out, "-f", "csv", "--agency", "agriculture", "--force"
    )
    assert result.exit_code == 1
    assert read_csv(out / "index.csv") == full


def test_agency_with_nothing_owed_exits_0_and_writes_only_the_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--agency", "court")
    assert result.exit_code == 0
    assert listing(out) == {"index.md"}
    assert "| court | 县人民法院 | 0 |  | 无欠账 |" in (out / "index.md").read_text("utf-8")


def test_unknown_agency_exits_2_naming_it() -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--agency", "县气象局")
    assert result.exit_code == 2
    assert "县气象局" in result.stderr


def test_fail_on_never_exits_0_despite_shortfalls(tmp_path: Path) -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--out", tmp_path / "o", "--fail-on", "never")
    assert result.exit_code == 0
    assert (tmp_path / "o" / "ip-office.md").exists()


def test_report_meeting_every_milestone_exits_0_with_everyone_clear(tmp_path: Path) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(
        "指标,责任单位,数值,笔数\n"
        "1.1,,17,\n1.2,,80,\n"
        "2.1,县农业农村局,8,\n2.1,县知识产权局,12,\n2.1,县林业局,7,\n2.1,县新闻出版局,7,\n"
        "3.1,,1,\n4.1,,1,\n4.2,,19,\n4.3,,1652,\n"
        "5.1,,850,3\n5.2,,0,0\n5.3,,0,0\n5.4,,120,2\n"
        "6.1,,4,\n7.1,,7,\n8.1,,4,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_lzip("shortfalls", report, "--out", out)
    assert result.exit_code == 0, result.output
    assert listing(out) == {"index.md"}
    assert "13个责任单位中没有单位存在欠账。" in (out / "index.md").read_text("utf-8")


def test_missing_report_exits_2_located(tmp_path: Path) -> None:
    result = run_lzip("shortfalls", tmp_path / "2024.csv", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "2024.csv" in result.stderr
    assert not (tmp_path / "out").exists()


def test_without_out_markdown_goes_to_stdout_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_lzip("shortfalls", EXAMPLE)
    assert result.exit_code == 1
    assert result.stdout.count("年度知识产权量化指标督办清单") == len(OWED)
    assert "# 2024年度督办清单索引" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_non_markdown_format_without_out_exits_2(fmt: str) -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "xlsx" in result.stderr or "--out" in result.stderr


def test_report_warnings_reach_stderr(tmp_path: Path) -> None:
    # The court is not responsible for 1.1: its row is ignored, and the user must hear of it.
    report = tmp_path / "2024.csv"
    report.write_text(EXAMPLE.read_text("utf-8") + "1.1,县人民法院,1,,\n", encoding="utf-8")
    result = run_lzip("shortfalls", report, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "LZ241" in result.stderr
    assert "2024.csv:24" in result.stderr


# --- never over an existing file or an input ----------------------------------------------


def test_second_run_refuses_to_overwrite_and_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    (out / "ip-office.md").write_text("已批注的清单", encoding="utf-8")
    (out / "court.md").unlink(missing_ok=True)
    (out / "education.md").unlink()
    result = run_lzip("shortfalls", EXAMPLE, "--out", out)
    assert result.exit_code == 2
    assert "LZ303" in result.stderr and "--force" in result.stderr
    assert str(out / "ip-office.md") in result.stderr
    assert (out / "ip-office.md").read_text(encoding="utf-8") == "已批注的清单"
    assert not (out / "education.md").exists()  # checked before anything is written


def test_force_overwrites_existing_lists(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    (out / "ip-office.md").write_text("旧清单", encoding="utf-8")
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--force")
    assert result.exit_code == 1
    assert (out / "ip-office.md").read_bytes() == (GOLDEN / "md" / "ip-office.md").read_bytes()


def test_refuses_a_list_that_would_replace_the_report(tmp_path: Path) -> None:
    # The report sits in the output directory under the name ip-office's CSV list would take.
    report = tmp_path / "ip-office.csv"
    shutil.copyfile(EXAMPLE, report)
    result = run_lzip("shortfalls", report, "--year", "2024", "--out", tmp_path, "-f", "csv")
    assert result.exit_code == 2
    assert "LZ301" in result.stderr and "ip-office.csv" in result.stderr
    assert report.read_bytes() == EXAMPLE.read_bytes()
    assert listing(tmp_path) == {"ip-office.csv"}


def test_refuses_an_index_that_would_replace_the_report_even_with_force(tmp_path: Path) -> None:
    report = tmp_path / "index.csv"
    shutil.copyfile(EXAMPLE, report)
    result = run_lzip("shortfalls", report, "-y", "2024", "--out", tmp_path, "-f", "csv", "--force")
    assert result.exit_code == 2
    assert "LZ301" in result.stderr
    assert report.read_bytes() == EXAMPLE.read_bytes()


def test_refuses_a_list_named_after_an_agency_that_is_the_report_via_a_test_plan(
    tmp_path: Path,
) -> None:
    # An agency whose id equals the report's stem: its list would be written over the report.
    plan = copy_plan(tmp_path, [("ip-office", "report")])
    report = tmp_path / "report.md"
    shutil.copyfile(EXAMPLE, report)
    result = run_lzip("shortfalls", report, "-y", "2024", "--data", plan, "--out", tmp_path)
    assert result.exit_code == 2
    assert "LZ301" in result.stderr
    assert report.read_bytes() == EXAMPLE.read_bytes()


# --- hostile plan data --------------------------------------------------------------------


def formula_plan(tmp_path: Path) -> Path:
    """A plan whose names start with characters a spreadsheet would run as a formula."""
    return copy_plan(
        tmp_path,
        [
            ("name: 县农业农村局", 'name: \'=HYPERLINK("http://evil.example","点击")\''),
            ("aliases: [鹿寨县农业农村局,", "aliases: [县农业农村局, 鹿寨县农业农村局,"),
            ("name: 县知识产权局", "name: '@SUM(1+1)'"),
            ("aliases: [鹿寨县知识产权局,", "aliases: [县知识产权局, 鹿寨县知识产权局,"),
            ("name: 县林业局", "name: '-2+3'"),
            ("aliases: [鹿寨县林业局,", "aliases: [县林业局, 鹿寨县林业局,"),
            ("name: 查处假冒知识产权行政案件", "name: '+1 查处假冒知识产权行政案件'"),
            ("name: 县级以上媒体知识产权工作宣传", "name: '=1+1'"),
        ],
    )


def _all_cells_inert(cells: list[str]) -> None:
    for cell in cells:
        assert not cell.startswith(FORMULA_STARTS), cell


def test_formula_names_are_escaped_in_csv_lists_and_index(tmp_path: Path) -> None:
    plan = formula_plan(tmp_path)
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--data", plan, "--out", out, "-f", "csv")
    assert result.exit_code == 1, result.output
    cells = [c for path in out.iterdir() for row in read_csv(path) for c in row]
    _all_cells_inert(cells)
    assert '\'=HYPERLINK("http://evil.example","点击")' in cells
    assert "'@SUM(1+1)" in cells
    assert "'-2+3" in cells
    assert "'+1 查处假冒知识产权行政案件" in cells
    assert "'=1+1" in cells


def test_formula_names_are_escaped_in_xlsx_lists_and_index(tmp_path: Path) -> None:
    plan = formula_plan(tmp_path)
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--data", plan, "--out", out, "-f", "xlsx")
    assert result.exit_code == 1, result.output
    cells = []
    for path in out.iterdir():
        for row in openpyxl.load_workbook(path).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    # Stored as text, which a spreadsheet shows as written and never runs: no apostrophe shown.
    assert '=HYPERLINK("http://evil.example","点击")' in cells  # index row
    assert "@SUM(1+1)2024年度知识产权量化指标督办清单" in cells  # the list's title
    assert "=1+1" in cells
    assert "-2+3" in cells


def test_reserved_and_colliding_agency_ids_get_safe_file_names(tmp_path: Path) -> None:
    # Valid ids that are device names on Windows, or that would take the index's name.
    plan = copy_plan(
        tmp_path, [("ip-office", "con"), ("agriculture", "aux"), ("forestry", "index")]
    )
    out = tmp_path / "out"
    result = run_lzip("shortfalls", EXAMPLE, "--data", plan, "--out", out, "-f", "csv")
    assert result.exit_code == 1, result.output
    expected = {f"{a}.csv" for a in OWED if a not in ("ip-office", "agriculture", "forestry")}
    assert listing(out) == expected | {"_con.csv", "_aux.csv", "index.csv", "_index.csv"}
    _, *rows = read_csv(out / "_index.csv")
    files = {row[0]: row[4] for row in rows}
    assert files["con"] == "_con.csv"
    assert files["aux"] == "_aux.csv"
    assert files["index"] == "index.csv"
    header, *items = read_csv(out / "index.csv")  # the "index" agency's own list
    assert header[:2] == ["责任单位", "序号"]
    assert [i[1] for i in items] == OWED["forestry"]


# --- where the writing goes wrong ---------------------------------------------------------


def test_out_that_is_a_file_exits_2_located(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    out.write_text("not a directory", encoding="utf-8")
    result = run_lzip("shortfalls", EXAMPLE, "--out", out)
    assert result.exit_code == 2
    assert f"{out}: " in result.stderr and "LZ304" in result.stderr
    assert out.read_text(encoding="utf-8") == "not a directory"


def test_out_below_a_file_exits_2_located(tmp_path: Path) -> None:
    blocker = tmp_path / "lists"
    blocker.write_text("x", encoding="utf-8")
    result = run_lzip("shortfalls", EXAMPLE, "--out", blocker / "2024")
    assert result.exit_code == 2
    assert "LZ305" in result.stderr and str(blocker / "2024") in result.stderr
    assert "Traceback" not in result.output


def test_missing_out_directory_is_created(tmp_path: Path) -> None:
    out = tmp_path / "督办" / "2024"
    result = run_lzip("shortfalls", EXAMPLE, "--out", out)
    assert result.exit_code == 1
    assert "index.md" in listing(out)
    assert "已写入 12 个文件" in result.stderr


def test_no_space_left_exits_2_located_without_traceback_or_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real_fsync, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC)  # no strerror: the message must still say why
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    result = run_lzip("shortfalls", EXAMPLE, "--out", out)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "LZ305" in result.stderr
    assert str(out / "forestry.md") in result.stderr  # the third file written
    assert os.strerror(errno.ENOSPC) in result.stderr
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert not (out / "forestry.md").exists()


def test_a_write_cut_short_leaves_no_folder_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder --out names did not exist: a full disk (or a SIGTERM) while the lists are
    # written leaves no empty folder behind, only the parent as it was.
    out = tmp_path / "new" / "lists"
    real_fsync, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    result = run_lzip("shortfalls", EXAMPLE, "--out", out)
    assert result.exit_code == 2
    assert "LZ305" in result.stderr
    assert not (tmp_path / "new").exists()


def test_lists_left_from_an_earlier_run_are_named_in_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out).exit_code == 1
    # 县农业农村局 catches up on 1.1 and the county on 7.1: it owes nothing now.
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("1.1,县农业农村局,3,", "1.1,县农业农村局,30,").replace(
        "7.1,,6,", "7.1,,60,"
    )
    report = tmp_path / "2024.csv"
    report.write_text(text, encoding="utf-8")
    result = run_lzip("shortfalls", report, "--out", out, "--force", "--lang", "en")
    assert f"{out / 'agriculture.md'}: warning LZ312: a list from an earlier run" in result.stderr
    assert "index.md is a list" not in result.stderr
    assert f"{out / 'ip-office.md'} is a list" not in result.stderr  # written again this run


def test_a_stale_list_is_named_in_chinese_without_a_space_after_the_agency(
    tmp_path: Path,
) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out).exit_code == 1
    result = run_lzip("shortfalls", caught_up_report(tmp_path), "--out", out, "--force")
    assert (
        f"{out / 'agriculture.md'}: 警告 LZ312: 这是以前生成的清单：县农业农村局本次没有欠账，请勿发送，或将其删除"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("court.md", b"my notes\n"),  # the court owes nothing in the example
        ("forestry.csv", "指标,数值\n1.1,2\n".encode()),  # forestry owes: its list is forestry.md
    ],
)
def test_a_file_of_the_users_named_like_a_list_is_not_called_an_earlier_list(
    tmp_path: Path, name: str, content: bytes
) -> None:
    out = tmp_path / "lists"
    out.mkdir()
    (out / name).write_bytes(content)
    os.utime(out / name, ns=(0, 0))  # older than the report: as a list of a run before it
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--lang", "en")
    assert result.exit_code == 1
    agency = "County People's Court" if name == "court.md" else "County Forestry Bureau"
    assert (
        f"{out / name}: warning LZ312: has the file name of the list for {agency} but is not a "
        "list lzip wrote: do not send it as one; rename it or move it out of this folder"
        in result.stderr
    )
    assert "earlier run" not in result.stderr and "another format" not in result.stderr
    assert (out / name).read_bytes() == content


def caught_up_report(tmp_path: Path) -> Path:
    """The example, but 县农业农村局 catches up on 1.1 and the county on 7.1: it owes nothing."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("1.1,县农业农村局,3,", "1.1,县农业农村局,30,").replace(
        "7.1,,6,", "7.1,,60,"
    )
    report = tmp_path / "2024.csv"
    report.write_text(text, encoding="utf-8")
    return report


@pytest.mark.parametrize(("before", "now"), [("md", "csv"), ("xlsx", "md"), ("csv", "xlsx")])
def test_a_list_left_in_another_format_is_named_in_a_warning_and_kept(
    tmp_path: Path, before: str, now: str
) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", before).exit_code == 1
    old = (out / f"agriculture.{before}").read_bytes()
    result = run_lzip(
        "shortfalls", caught_up_report(tmp_path), "--out", out, "-f", now, "--force", "--lang", "en"
    )
    assert result.exit_code == 1
    assert (
        f"{out / f'agriculture.{before}'}: warning LZ312: a list from an earlier run"
        in result.stderr
    )
    assert (out / f"agriculture.{before}").read_bytes() == old  # named, never deleted
    # A list of an agency that still owes is not called stale: this run's list replaces it.
    assert (
        f"{out / f'forestry.{before}'}: warning LZ312: a list from an earlier run:"
        not in result.stderr
    )


@pytest.mark.parametrize(("before", "now"), [("md", "csv"), ("xlsx", "md"), ("csv", "xlsx")])
def test_lists_and_index_left_in_another_format_are_named_beside_their_replacement(
    tmp_path: Path, before: str, now: str
) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", before).exit_code == 1
    old = (out / f"forestry.{before}").read_bytes()
    report = corrected_later(tmp_path, out / f"forestry.{before}")
    result = run_lzip("shortfalls", report, "--out", out, "-f", now, "--force", "--lang", "en")
    assert result.exit_code == 1
    for stem in ("forestry", "index"):
        assert (
            f"{out / f'{stem}.{before}'}: warning LZ312: a list in another format from a run "
            "before a report or the plan changed; its figures may be out of date. This run "
            f"wrote {out / f'{stem}.{now}'}"
        ) in result.stderr.splitlines()
    assert (out / f"forestry.{before}").read_bytes() == old  # named, never deleted


def test_lists_kept_in_two_formats_from_the_same_report_are_not_named(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "md").exit_code == 1
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "xlsx", "--lang", "en")
    assert result.exit_code == 1
    assert "is a list" not in result.stderr


def corrected_later(tmp_path: Path, listed: Path) -> Path:
    """A copy of the example, saved after ``listed`` was written (a report corrected since)."""
    report = tmp_path / "2024.csv"
    report.write_bytes(EXAMPLE.read_bytes())
    later = listed.stat().st_mtime_ns + 5_000_000_000
    os.utime(report, ns=(later, later))
    return report


def forestry_again(report: Path, out: Path, *options: str) -> Result:
    """``shortfalls REPORT --out OUT --force --agency forestry``: one agency's list written again
    (it resent its form), the others' left as they are."""
    return run_lzip("shortfalls", report, "--out", out, "--force", "--agency", "forestry", *options)


def forms_by_agency(folder: Path) -> None:
    """The example as a folder of forms, the forestry bureau's rows in its own form, all of it
    dated two minutes back (collected before the lists are written)."""
    header, *rows = EXAMPLE.read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    forestry = [row for row in rows if ",县林业局," in row]
    rest = [row for row in rows if row not in forestry]
    (folder / "forestry.csv").write_text("\n".join([header, *forestry]) + "\n", encoding="utf-8")
    (folder / "others.csv").write_text("\n".join([header, *rest]) + "\n", encoding="utf-8")
    for path in (folder / "forestry.csv", folder / "others.csv", folder):
        collected = path.stat().st_mtime_ns - 120_000_000_000
        os.utime(path, ns=(collected, collected))


def written_before(out: Path) -> None:
    """The lists in ``out`` dated a minute back: written after the forms were collected, well
    before what follows."""
    for path in out.iterdir():
        earlier = path.stat().st_mtime_ns - 60_000_000_000
        os.utime(path, ns=(earlier, earlier))


@pytest.mark.parametrize(
    "change",
    ["a form taken out", "a corrected form moved in with the time it was saved"],
)
def test_lists_in_another_format_are_named_after_the_folder_of_forms_changed(
    tmp_path: Path, change: str
) -> None:
    # The times of the forms left say nothing of either change; their folder's does.
    folder, out = tmp_path / "2024", tmp_path / "lists"
    forms_by_agency(folder)
    assert run_lzip("shortfalls", folder, "--out", out, "-f", "xlsx").exit_code == 1
    written_before(out)
    form = folder / "forestry.csv"
    if change == "a form taken out":
        form.rename(tmp_path / "withdrawn.csv")
    else:
        corrected = tmp_path / "corrected.csv"
        corrected.write_text(form.read_text(encoding="utf-8").replace(",2,", ",3,"), "utf-8")
        saved = out.joinpath("index.xlsx").stat().st_mtime_ns - 30_000_000_000
        os.utime(corrected, ns=(saved, saved))  # saved before the lists were written
        corrected.replace(form)
    result = run_lzip("shortfalls", folder, "--out", out, "-f", "md", "--lang", "en")
    assert result.exit_code == 1
    assert f"{out / 'index.xlsx'}: warning LZ312: a list in another format" in result.stderr


def test_lists_kept_in_two_formats_beside_their_report_are_not_named(tmp_path: Path) -> None:
    # --out the report's own folder: the first run's lists change that folder's time, which is
    # no change of the report.
    report = tmp_path / "2024.csv"
    report.write_bytes(EXAMPLE.read_bytes())
    assert run_lzip("shortfalls", report, "--out", tmp_path, "-f", "md").exit_code == 1
    result = run_lzip("shortfalls", report, "--out", tmp_path, "-f", "xlsx", "--lang", "en")
    assert result.exit_code == 1
    assert "LZ312" not in result.stderr


def test_a_list_in_another_format_of_an_agency_left_out_by_agency_is_not_named(
    tmp_path: Path,
) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out).exit_code == 1
    report = corrected_later(tmp_path, out / "forestry.md")
    result = run_lzip(
        "shortfalls", report, "--out", out, "-f", "csv", "--agency", "forestry", "--lang", "en"
    )
    assert result.exit_code == 1
    assert f"{out / 'forestry.md'}: warning LZ312: a list in another format" in result.stderr
    assert f"{out / 'education.md'}" not in result.stderr  # no education.csv was written


def test_a_list_of_an_agency_left_out_by_agency_that_still_owes_is_not_called_stale(
    tmp_path: Path,
) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out).exit_code == 1
    result = run_lzip(
        "shortfalls", EXAMPLE, "--out", out, "--force", "--agency", "forestry", "--lang", "en"
    )
    assert result.exit_code == 1
    assert "is a list from an earlier run" not in result.stderr  # education.md… still owe


@pytest.mark.parametrize("list_format", ["csv", "xlsx"])
def test_csv_and_xlsx_lists_need_a_directory(list_format: str) -> None:
    result = run_lzip("shortfalls", "no-such-report.csv", "-f", list_format, "--lang", "en")
    assert result.exit_code == 2
    # Said before the report is read (the missing report is not even mentioned), with its code.
    assert result.stderr == (
        f"lzip: error LZ309: lists in {list_format} need --out naming the directory to write them "
        "to\n"
    )


def test_markdown_and_output_are_spelt_as_check_spells_them(tmp_path: Path) -> None:
    assert (
        run_lzip("shortfalls", EXAMPLE, "-f", "markdown").stdout
        == run_lzip("shortfalls", EXAMPLE).stdout
    )
    result = run_lzip("shortfalls", EXAMPLE, "--output", tmp_path / "lists", "-f", "markdown")
    assert result.exit_code == 1
    assert listing(tmp_path / "lists") == {f"{a}.md" for a in OWED} | {"index.md"}


def test_a_printed_list_has_a_notes_column_only_where_the_agency_wrote_a_note(
    tmp_path: Path,
) -> None:
    # 县知识产权局 wrote 含“铁拳”行动查办案件 on its 1.1 row; 县林业局 wrote no note on what it owes.
    assert "| 本单位备注 |" in run_lzip("shortfalls", EXAMPLE, "--agency", "ip-office").stdout
    assert "备注" not in run_lzip("shortfalls", EXAMPLE, "--agency", "forestry").stdout
    english = run_lzip("shortfalls", EXAMPLE, "--agency", "ip-office", "--lang", "en").stdout
    assert markdown_cells(english, "1.1")["Your note"] == "含“铁拳”行动查办案件"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\v", "\f"], ids=repr)
def test_a_line_break_in_a_note_is_one_space_in_the_markdown_list(
    tmp_path: Path, newline: str
) -> None:
    report = tmp_path / "2024.csv"
    report.write_bytes(
        f'指标,责任单位,数值,备注\r\n1.1,县林业局,2,"第一行{newline}第二行"\r\n'.encode()
    )
    result = run_lzip("shortfalls", report, "--agency", "forestry")
    assert result.exit_code == 1
    # Each line of the table is one row: a CR alone ends a line in Markdown, as LF does.
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert all(line.endswith("|") for line in table), table
    assert markdown_cells(result.stdout, "1.1")["本单位备注"] == "第一行 第二行"


@pytest.mark.parametrize(
    ("note", "written"),
    [
        ("*重点*核查", "\\*重点\\*核查"),
        ("见`附件`", "见\\`附件\\`"),
        ("[链接](http://x)", "\\[链接\\](http://x)"),
        ("<b>加急</b>", "\\<b\\>加急\\</b\\>"),
        ("file_name_2024", "file\\_name\\_2024"),
    ],
)
def test_a_note_is_shown_as_written_in_the_markdown_list_not_as_markup(
    tmp_path: Path, note: str, written: str
) -> None:
    report = tmp_path / "2024.csv"
    report.write_text(f"指标,责任单位,数值,备注\n1.1,县林业局,2,{note}\n", encoding="utf-8")
    result = run_lzip("shortfalls", report, "--agency", "forestry")
    assert result.exit_code == 1
    assert f"| {written} |" in result.stdout


def trademarks_in_ten_thousands(tmp_path: Path) -> tuple[Path, Path]:
    """A plan whose 4.3 runs from 14,090 to 17,000, and a report of 15,000 for it: 1,030 short
    of the 2024 milestone of 16,030."""
    plan = copy_plan(
        tmp_path,
        [
            ("baseline: {year: 2022, value: 1409}", "baseline: {year: 2022, value: 14090}"),
            ("target: {year: 2025, value: 1700}", "target: {year: 2025, value: 17000}"),
        ],
    )
    report = tmp_path / "2024.csv"
    report.write_text('指标,责任单位,数值\n4.3,,"15,000"\n', encoding="utf-8")
    return plan, report


def test_a_markdown_list_writes_every_figure_of_an_indicator_alike(tmp_path: Path) -> None:
    plan, report = trademarks_in_ten_thousands(tmp_path)
    result = run_lzip("shortfalls", report, "--data", plan, "--agency", "ip-office")
    assert result.exit_code == 1
    cells = markdown_cells(result.stdout, "4.3")
    figures = ("2024年阶段值", "目标值", "完成值", "距阶段值", "距目标")
    assert [cells[c] for c in figures] == ["16,030", "17,000", "15,000", "1,030", "2,000"]
    assert cells["下一阶段要求"] == "全县2025年应达到17,000，尚差2,000"


def test_a_csv_list_writes_figures_as_plain_numbers(tmp_path: Path) -> None:
    plan, report = trademarks_in_ten_thousands(tmp_path)
    out = tmp_path / "out"
    result = run_lzip(
        "shortfalls", report, "--data", plan, "--agency", "ip-office", "-f", "csv", "--out", out
    )
    assert result.exit_code == 1
    text = (out / "ip-office.csv").read_text(encoding="utf-8-sig")
    line = next(line for line in text.splitlines() if ",4.3," in line)
    # Numbers unquoted and without separators, as pandas reads numbers; the sentence is text.
    assert line.startswith(
        "县知识产权局,4.3,有效注册商标拥有量,件,16030,17000,15000,未填报,1030,2000,"
    )
    assert line.endswith(',"全县2025年应达到17,000，尚差2,000",')


def test_a_csv_list_always_has_the_notes_column(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "--format", "csv", "--agency", "forestry")
    header, *rows = read_csv(out / "forestry.csv")
    assert header[-1] == "本单位备注"
    assert rows and all(row[-1] == "" for row in rows)


def test_the_agencies_forms_in_the_folder_written_to_are_not_called_lists(tmp_path: Path) -> None:
    # `template --per-agency` names each form by agency id, as the lists are: forestry.xlsx.
    forms = tmp_path / "2024"
    assert run_lzip("template", "2024", "--per-agency", "-f", "xlsx", "-o", forms).exit_code == 0
    book = openpyxl.load_workbook(forms / "forestry.xlsx")
    book.active["F2"] = 2
    book.save(forms / "forestry.xlsx")
    result = run_lzip("shortfalls", forms, "--out", forms, "-f", "md", "--lang", "en")
    assert result.exit_code == 1
    assert (forms / "forestry.md").is_file()
    assert "is a list" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "intro"),
    [
        ("zh", "依据《鹿寨县知识产权强县建设工作方案（2022-2025年）》确定的量化指标，"),
        ("en", "Under the quantitative indicators of the "),
    ],
)
def test_a_plan_without_a_document_number_gets_no_empty_brackets(
    tmp_path: Path, lang: str, intro: str
) -> None:
    plan = copy_plan(tmp_path, [("  document: 鹿政办发〔2023〕4号\n", "")])
    result = run_lzip(
        "shortfalls", EXAMPLE, "--data", plan, "--agency", "agriculture", "--lang", lang
    )
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith(intro))
    assert "（）" not in line and "()" not in line


def test_what_is_still_needed_adds_up_with_the_figures_the_list_shows(tmp_path: Path) -> None:
    # 31.666 shows as 31.66 (behind the 2023 milestone); the 2024 milestone 63.333… as 63.34.
    report = tmp_path / "2023.csv"
    report.write_text("指标,责任单位,数值\n1.2,,31.666\n", encoding="utf-8")
    text = run_lzip("shortfalls", report, "--agency", "ip-office").stdout
    assert needed(text, "1.2") == "全县2024年应达到63.34，尚差31.68"


BACKLOG = """  - id: "9.3"
    group: 9
    name: 积压案件
    name_en: Backlogged cases
    unit: "件"
    kind: stock
    direction: decrease
    baseline: {year: 2022, value: 40}
    target: {year: 2025, value: 15}
    agencies: [ip-office, forestry]
    scope: shared
"""


def test_a_sum_still_lacking_parts_asks_for_no_amount_to_come_down(tmp_path: Path) -> None:
    # Only 县知识产权局's 10 of 9.3 (to bring down): the county's sum is not reported yet.
    plan = copy_plan(tmp_path, [])
    with (plan / "indicators.yaml").open("a", encoding="utf-8") as indicators:
        indicators.write(BACKLOG)
    report = tmp_path / "2023.csv"
    report.write_text("指标,责任单位,数值\n9.3,县知识产权局,10\n", encoding="utf-8")
    text = run_lzip("shortfalls", report, "--data", plan, "--agency", "forestry").stdout
    assert needed(text, "9.3") == (
        "请补报本单位本年数据（全县数为各单位数据之和，目前缺贵单位数据）；全县2024年应降至23"
    )
    table = run_lzip(
        "check", report, "--data", plan, "--agency", "forestry", env={"COLUMNS": "200"}
    )
    row = next(line for line in table.stdout.splitlines() if line.startswith(" 9.3"))
    assert "%" not in row  # no completion bar beside 未填报


def test_a_list_left_out_by_agency_after_the_report_changed_is_named(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out).exit_code == 1
    report = corrected_later(tmp_path, out / "agriculture.md")
    # The agriculture bureau's 1.1 corrected from 3 to 4: its list (own figure 3) is stale.
    text = report.read_text(encoding="utf-8")
    assert "1.1,县农业农村局,3," in text
    report.write_text(text.replace("1.1,县农业农村局,3,", "1.1,县农业农村局,4,"), "utf-8")
    later = (out / "agriculture.md").stat().st_mtime_ns + 5_000_000_000
    os.utime(report, ns=(later, later))
    result = run_lzip(
        "shortfalls", report, "--out", out, "--force", "--agency", "forestry", "--lang", "en"
    )
    assert result.exit_code == 1
    assert (
        f"{out / 'agriculture.md'}: warning LZ312: a list from a run before a report or the "
        "plan changed, not rewritten by this run (--agency left its agency out)"
    ) in result.stderr
    assert f"{out / 'forestry.md'}: warning LZ312" not in result.stderr  # rewritten


@pytest.mark.parametrize(
    ("fmt", "lang"),
    [("md", "zh"), ("csv", "zh"), ("xlsx", "zh"), ("md", "en")],  # en: the others stay Chinese
)
def test_a_list_left_out_by_agency_that_would_not_change_is_not_named(
    tmp_path: Path, fmt: str, lang: str
) -> None:
    # One agency sends its form again: only its list is written again. The others' lists are
    # older than the folder of forms, but what they hold is what this run would write (in
    # either language: a list of the same figures in the other language is not stale).
    out = tmp_path / "lists"
    assert run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", fmt).exit_code == 1
    report = corrected_later(tmp_path, out / f"agriculture.{fmt}")
    result = forestry_again(report, out, "-f", fmt, "--lang", lang)
    assert result.exit_code == 1
    assert "LZ312" not in result.stderr


def test_a_workbook_list_formatted_outside_its_table_is_not_named(tmp_path: Path) -> None:
    # A cell made bold far below the table widens the sheet's used range, not what it holds.
    from openpyxl.styles import Font

    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "xlsx")
    book = openpyxl.load_workbook(out / "agriculture.xlsx")
    book.active["K50"].font = Font(bold=True)
    book.save(out / "agriculture.xlsx")
    report = corrected_later(tmp_path, out / "agriculture.xlsx")
    result = forestry_again(report, out, "-f", "xlsx")
    assert "LZ312" not in result.stderr


def test_a_list_edited_after_the_report_changed_is_named_as_differing(tmp_path: Path) -> None:
    # The agriculture bureau's 1.1 corrected, then its old list annotated by hand: newer than
    # the report, but not what the figures now make, and the index still names it.
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    report = corrected_later(tmp_path, out / "agriculture.md")
    text = report.read_text(encoding="utf-8").replace("1.1,县农业农村局,3,", "1.1,县农业农村局,4,")
    report.write_text(text, encoding="utf-8")
    listed = out / "agriculture.md"
    listed.write_text(listed.read_text(encoding="utf-8") + "\n备注：已电话通知\n", "utf-8")
    later = report.stat().st_mtime_ns + 5_000_000_000
    os.utime(listed, ns=(later, later))
    result = forestry_again(report, out, "--lang", "en")
    assert (
        f"{listed}: warning LZ312: differs from the list the figures now make (edited by hand?)"
    ) in result.stderr


def test_an_empty_file_named_like_a_list_is_named_whenever_it_was_saved(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    (out / "education.md").write_bytes(b"")  # saved after the report
    result = forestry_again(EXAMPLE, out)
    assert f"{out / 'education.md'}: 警告 LZ312: 无法作为 2024 年度的清单读取" in result.stderr


def test_an_unreadable_list_is_named_as_one_the_index_does_not_name(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", "xlsx")
    (out / "education.xlsx").write_bytes(b"garbage")
    report = corrected_later(tmp_path, out / "agriculture.xlsx")
    result = forestry_again(report, out, "-f", "xlsx", "--lang", "en")
    assert (
        f"{out / 'education.xlsx'}: warning LZ312: cannot be read as a list for 2024, and the "
        "index does not name it: do not send it as a list"
    ) in result.stderr


def test_a_users_own_file_named_as_the_list_of_an_agency_left_out_is_not_to_be_deleted(
    tmp_path: Path,
) -> None:
    # It may be the user's notes, or a list spoilt: lzip cannot tell, and asks to delete neither.
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    (out / "education.md").write_text("my notes\n", encoding="utf-8")
    result = forestry_again(EXAMPLE, out)
    assert f"{out / 'education.md'}: 警告 LZ312: 无法作为 2024 年度的清单读取" in result.stderr
    assert "删除" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "list_sheet", "index_sheet"),
    [("zh", "2024年督办清单", "2024年索引"), ("en", "Shortfalls 2024", "Index 2024")],
)
def test_xlsx_sheets_are_named_in_the_language_of_the_lists(
    tmp_path: Path, lang: str, list_sheet: str, index_sheet: str
) -> None:
    out = tmp_path / "lists"
    run_lzip(
        "shortfalls", EXAMPLE, "--out", out, "-f", "xlsx", "--agency", "forestry", "--lang", lang
    )
    assert openpyxl.load_workbook(out / "forestry.xlsx").sheetnames == [list_sheet]
    assert openpyxl.load_workbook(out / "index.xlsx").sheetnames == [index_sheet]


# --- lists left in the folder by a run for another year ------------------------------------


@pytest.mark.parametrize("list_format", ["md", "csv", "xlsx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_year_of_a_written_list_is_read_back_from_it(
    tmp_path: Path, list_format: str, lang: str
) -> None:
    from lzip_cli.render.shortfall_lists import list_year

    report = tmp_path / "2023.csv"
    report.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "lists"
    run_lzip("shortfalls", report, "--out", out, "-f", list_format, "--lang", lang)
    assert list_year(out / f"ip-office.{list_format}") == 2023


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.md", "# 2024 年度工作总结\n".encode()),
        ("export.csv", "指标,2024年阶段值,完成值\n".encode()),  # not a list's whole header
        ("book.xlsx", b"PK\x03\x04 not really a workbook"),
        ("empty.md", b""),
    ],
)
def test_a_file_lzip_did_not_write_as_a_list_has_no_list_year(
    tmp_path: Path, name: str, content: bytes
) -> None:
    from lzip_cli.render.shortfall_lists import list_year

    (tmp_path / name).write_bytes(content)
    assert list_year(tmp_path / name) is None


@pytest.mark.parametrize("list_format", ["md", "csv", "xlsx"])
def test_the_index_of_one_agency_does_not_name_last_years_list_of_another(
    tmp_path: Path, list_format: str
) -> None:
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out, "-f", list_format)  # the 2024 lists
    report = tmp_path / "2023.csv"
    report.write_bytes(EXAMPLE.read_bytes())
    result = run_lzip(
        "shortfalls",
        report,
        "--out",
        out,
        "-f",
        list_format,
        "--agency",
        "forestry",
        "--force",
        "--lang",
        "en",
    )
    assert result.exit_code == 0  # forestry owes nothing against the 2023 milestones
    index = {row[0]: row for row in index_table(out / f"index.{list_format}")}
    assert index["ip-office"][4] == "no list written in this run"  # not ip-office.{format}
    assert (
        f"{out / f'ip-office.{list_format}'}: warning LZ312: a list for 2024 from an earlier run; "
        "this run is for 2023, did not rewrite it and does not name it in the index"
    ) in result.stderr


def test_the_index_of_one_agency_still_names_this_years_list_of_another(tmp_path: Path) -> None:
    out = tmp_path / "lists"
    run_lzip("shortfalls", EXAMPLE, "--out", out)
    result = run_lzip("shortfalls", EXAMPLE, "--out", out, "--agency", "forestry", "--force")
    assert "| ip-office | 县知识产权局 | 6 | 1.1, 4.1, 4.2, 5.1, 5.2, 7.1 | ip-office.md |" in (
        out / "index.md"
    ).read_text("utf-8")
    assert "LZ312" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_named_like_a_list_has_no_list_year_and_is_not_opened(tmp_path: Path) -> None:
    from lzip_cli.render.shortfall_lists import list_year

    os.mkfifo(tmp_path / "forestry.md")  # opening it to read would wait for a writer
    (tmp_path / "folder.csv").mkdir()
    assert list_year(tmp_path / "forestry.md") is None
    assert list_year(tmp_path / "folder.csv") is None


def test_an_english_list_of_one_indicator_asks_to_act_on_it_not_them() -> None:
    result = run_lzip("shortfalls", EXAMPLE, "--agency", "public-security", "--lang", "en")
    assert "has 1 indicator behind or not reported for 2024; please act on it before" in (
        result.stdout
    )
    several = run_lzip("shortfalls", EXAMPLE, "--agency", "education", "--lang", "en")
    assert "has 3 indicators behind or not reported for 2024; please act on them" in several.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_and_the_lists_name_the_gap_columns_alike(lang: str) -> None:
    def header(command: str, *options: str) -> list[str]:
        output = run_lzip(command, EXAMPLE, "--agency", "forestry", *options, "--lang", lang)
        line = next(row for row in output.stdout.splitlines() if row.startswith("| "))
        return [cell.strip() for cell in line.strip("|").split("|")]

    listed, checked = header("shortfalls"), header("check", "-f", "md")
    gaps = {"zh": ["距阶段值", "距目标"], "en": ["To milestone", "To target"]}[lang]
    assert [c for c in listed if c in gaps] == [c for c in checked if c in gaps] == gaps


# --- an agency's missing part of a sum tracked as actual (5.1–5.4) --------------------------------

#: 5.1 from 县知识产权局 alone; 县财政局 sent its count of deals without the amount (LZ249).
COUNT_WITHOUT_AMOUNT = (
    "指标,责任单位,数值,笔数,备注\n5.1,县财政局,,3,金额待核\n5.1,县知识产权局,100,1,\n"
)


def count_without_amount(tmp_path: Path) -> Path:
    report = tmp_path / "2024.csv"
    report.write_text(COUNT_WITHOUT_AMOUNT, encoding="utf-8")
    return report


@pytest.mark.parametrize(
    ("agency", "lang", "asked"),
    [
        (
            "finance",
            "zh",
            "请补报本单位本年金额（万元）（全县数为各单位数据之和，目前缺贵单位数据）",
        ),
        (
            "finance",
            "en",
            "send your own amount (10k yuan) for this year (the county's is the sum of the "
            "agencies' figures, and yours is missing)",
        ),
        (
            # Sent nothing: both of the form's columns, as the county-wide request asks them.
            "financial-regulator",
            "zh",
            "请补报本单位本年金额（万元）和笔数（全县数为各单位数据之和，目前缺贵单位数据）",
        ),
    ],
)
def test_a_missing_part_of_a_tracked_sum_asks_for_what_the_agency_did_not_send(
    tmp_path: Path, agency: str, lang: str, asked: str
) -> None:
    # 县财政局 sent 3 deals without their amount: its amount is asked for, not its "data".
    text = run_lzip("shortfalls", count_without_amount(tmp_path), "-a", agency, "--lang", lang)
    assert needed(text.stdout, "5.1") == asked


def test_a_missing_part_of_a_tracked_sum_is_marked_in_the_status_column() -> None:
    text = run_lzip("check", EXAMPLE, "--agency", "finance", "--format", "markdown").stdout
    rows = {
        line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| 5.")
    }
    assert rows["5.2"].rstrip().endswith("| 缺本单位数据 |")
    assert rows["5.4"].rstrip().endswith("| 缺本单位数据 |")
    assert rows["5.3"].rstrip().endswith("| 仅跟踪 |")  # 5.3 has the county's row: not owed
    assert "欠账 2 项" in text


def test_the_csv_of_a_check_says_which_lines_are_shortfalls() -> None:
    text = run_lzip("check", EXAMPLE, "--agency", "finance", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {row["indicator"]: row["shortfall"] for row in rows} == {
        "5.1": "",
        "5.2": "yes",
        "5.3": "",
        "5.4": "yes",
    }


@pytest.mark.parametrize(
    ("lang", "intro"),
    [
        ("zh", "负责或参与的以下2项指标滞后、未填报或缺本单位数据，请于督查考核前落实。"),
        ("en", "has 2 indicators behind, not reported or missing its own figure for 2024;"),
    ],
)
def test_a_list_with_a_missing_part_says_so_above_the_table(lang: str, intro: str) -> None:
    text = run_lzip("shortfalls", EXAMPLE, "--agency", "finance", "--lang", lang).stdout
    assert intro in text


def test_a_list_without_a_missing_part_keeps_the_short_intro() -> None:
    text = run_lzip("shortfalls", EXAMPLE, "--agency", "forestry").stdout
    assert "负责或参与的以下3项指标滞后或未填报，请于督查考核前落实。" in text


@pytest.mark.parametrize(
    ("agency", "said"),
    [
        (
            "县财政局",
            "::warning file=2024.csv,line=2,title=5.1 缺本单位数据::县财政局：5.1 专利质押融资金额 "
            "2024 年只报送了本单位的笔数，未报送金额（全县数为各单位数据之和，目前缺该单位数据）",
        ),
        (
            "柳州银保监分局鹿寨监管组",
            "::warning file=2024.csv,title=5.1 缺本单位数据::柳州银保监分局鹿寨监管组：5.1 "
            "专利质押融资金额 2024 年未报送本单位数据（全县数为各单位数据之和，目前缺该单位数据）",
        ),
    ],
)
def test_github_annotations_say_what_part_of_a_tracked_sum_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, agency: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    count_without_amount(tmp_path)
    result = run_lzip("check", "2024.csv", "--format", "github")
    assert result.exit_code == 1
    assert said in result.stdout.splitlines()
