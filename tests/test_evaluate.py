"""The rules of ``lzip check`` as pure functions: milestones, statuses, gaps, sums and shortfalls.

Most cases use a small plan built in code (agencies a, b, c, d; one indicator of each kind) so
that every figure is easy to check by hand; the rest use the shipped plan and its example.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from lzip_cli.cells import NOT_CARRIED_OUT
from lzip_cli.errors import LzipError
from lzip_cli.evaluate import (
    CheckResult,
    Yardstick,
    evaluate,
    judge,
    milestone_for,
    regressed,
    worst,
)
from lzip_cli.models import Agency, Indicator, Plan, PlanInfo
from lzip_cli.plan_loader import default_data_dir, load_plan
from lzip_cli.render.problems import format_problem
from lzip_cli.report import Report, ReportRow
from lzip_cli.report_reader import read_report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"


def indicator(**fields: Any) -> Indicator:
    """An indicator of the test plan: 15 → 18 cases (2022 → 2025), shared by a and b."""
    values: dict[str, Any] = {
        "id": "1.1",
        "group": 1,
        "name": "查处案件",
        "name_en": "Cases",
        "unit": "起",
        "kind": "flow",
        "direction": "increase",
        "baseline": {"year": 2022, "value": 15},
        "target": {"year": 2025, "value": 18},
        "agencies": ["a", "b"],
        "scope": "shared",
    }
    values.update(fields)
    return Indicator(**values)


#: The test plan. 1.1 shared flow 15→18; 1.2 rate —→95 (a only); 2.1 each rate —→10 (a, b, c);
#: 3.1 with explicit milestones; 4.1 decrease 30→15 days; 5.1 per-actual compound.
INDICATORS = [
    indicator(),
    indicator(
        id="1.2",
        name="撤回率",
        name_en="Withdrawal rate",
        unit="%",
        kind="rate",
        baseline={"year": 2022, "value": "not-carried-out"},
        target={"year": 2025, "value": 95},
        agencies=["a"],
    ),
    indicator(
        id="2.1",
        group=2,
        name="压缩时限",
        name_en="Time limit cut",
        unit="%",
        kind="rate",
        baseline={"year": 2022, "value": "not-carried-out"},
        target={"year": 2025, "value": 10},
        agencies=["a", "b", "c"],
        scope="each",
    ),
    indicator(
        id="3.1",
        group=3,
        name="商标",
        name_en="Trademarks",
        unit="件",
        kind="stock",
        baseline={"year": 2022, "value": 1409},
        target={"year": 2025, "value": 1700},
        milestones={2023: 1450, 2024: 1500},
        agencies=["a", "c"],
    ),
    indicator(
        id="4.1",
        group=4,
        name="办案天数",
        name_en="Days per case",
        unit="天",
        direction="decrease",
        baseline={"year": 2022, "value": 30},
        target={"year": 2025, "value": 15},
        agencies=["b", "c"],
    ),
    indicator(
        id="5.1",
        group=5,
        name="质押融资",
        name_en="Pledge financing",
        unit="万元",
        count_unit="笔",
        baseline={"year": 2022, "value": "not-carried-out"},
        target={"year": 2025, "value": "per-actual"},
        agencies=["a", "b"],
    ),
]
AGENCIES = [Agency(id=x, name=f"单位{x}", name_en=f"Agency {x}") for x in ("a", "b", "c", "d")]
PLAN = Plan(
    info=PlanInfo(title="测试方案", title_en="Test plan"),
    agencies=AGENCIES,
    groups=[],
    indicators=INDICATORS,
)
BY_ID = {ind.id: ind for ind in INDICATORS}


def row(number: int, indicator_id: str, agency: str | None, value: Any, count: Any = None):
    return ReportRow(number, indicator_id, agency, value, count)


def check(*rows: ReportRow, year: int = 2024, plan: Plan = PLAN) -> CheckResult:
    return evaluate(plan, Report("2024.csv", year, list(rows)))


def codes(result: CheckResult) -> list[tuple[str, int | None]]:
    return [(w.code, w.line) for w in result.warnings]


@pytest.fixture(scope="module")
def shipped() -> Plan:
    return load_plan(default_data_dir())


# --- milestones ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2020, 15), (2022, 15), (2023, 16), (2024, 17), (2025, 18), (2026, 18), (2030, 18)],
)
def test_milestone_is_the_straight_line_held_at_both_ends(year: int, expected: float) -> None:
    assert milestone_for(BY_ID["1.1"], year) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("year", "expected"), [(2022, 0), (2023, 95 / 3), (2024, 190 / 3), (2025, 95), (2026, 95)]
)
def test_a_not_carried_out_baseline_counts_as_0(year: int, expected: float) -> None:
    assert milestone_for(BY_ID["1.2"], year) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("year", "expected"), [(2022, 1409), (2023, 1450), (2024, 1500), (2025, 1700), (2026, 1700)]
)
def test_explicit_milestones_win(year: int, expected: float) -> None:
    assert milestone_for(BY_ID["3.1"], year) == expected


def test_an_explicit_milestone_for_one_year_only() -> None:
    ind = indicator(milestones={2024: 16.5})  # baseline 15 in 2022, target 18 in 2025
    assert milestone_for(ind, 2023) == pytest.approx(15.75)  # the line from 15 to 16.5
    assert milestone_for(ind, 2024) == 16.5


@pytest.mark.parametrize(
    ("milestones", "year", "expected"),
    [
        ({2024: 16.5}, 2023, 15.75),  # baseline → milestone
        ({2023: 17}, 2024, 17.5),  # milestone → target
        ({2023: 15.5, 2025: 18}, 2024, 16.75),  # a milestone in the target's year changes nothing
    ],
)
def test_a_year_between_set_figures_is_on_the_line_between_them(
    milestones: dict[int, float], year: int, expected: float
) -> None:
    assert milestone_for(indicator(milestones=milestones), year) == pytest.approx(expected)


def test_a_milestone_below_the_straight_line_pulls_the_years_before_it_down() -> None:
    # 2024 set at 1450 between 1409 and 1700: 2023 was 1506 (the line to the target), due
    # higher than 2024's; now it is on the way to 1450.
    ind = indicator(
        baseline={"year": 2022, "value": 1409},
        target={"year": 2025, "value": 1700},
        milestones={2024: 1450},
    )
    assert milestone_for(ind, 2023) == pytest.approx(1429.5)


@pytest.mark.parametrize(("year", "expected"), [(2022, 30), (2023, 25), (2024, 20), (2025, 15)])
def test_milestones_of_a_decreasing_indicator(year: int, expected: float) -> None:
    assert milestone_for(BY_ID["4.1"], year) == pytest.approx(expected)


def test_no_milestone_without_a_numeric_target() -> None:
    assert milestone_for(BY_ID["5.1"], 2024) is None


@pytest.mark.parametrize(
    ("indicator_id", "year", "expected"),
    [
        ("1.1", 2023, 16),
        ("1.1", 2024, 17),
        ("1.1", 2025, 18),
        ("4.3", 2023, 1409 + 291 / 3),
        ("4.3", 2024, 1603),
        ("4.2", 2024, 15 + 10 / 3),
        ("1.2", 2024, 190 / 3),
        ("8.1", 2022, 2),
        ("8.1", 2026, 4),
    ],
)
def test_shipped_milestones(shipped: Plan, indicator_id: str, year: int, expected: float) -> None:
    assert milestone_for(shipped.indicator(indicator_id), year) == pytest.approx(expected)


# --- statuses, gaps and regressions: one figure --------------------------------------------


def approx_or_none(expected: float | None) -> Any:
    return None if expected is None else pytest.approx(expected)


@pytest.mark.parametrize(
    ("actual", "status", "to_milestone", "to_target", "worse"),
    [
        (None, "not-reported", None, None, False),
        (0, "behind", 17, 18, True),
        (14, "behind", 3, 4, True),
        (15, "behind", 2, 3, False),
        (16, "behind", 1, 2, False),
        (17, "on-track", 0, 1, False),
        (17.000000000000004, "on-track", 0, 1, False),
        (16.999999999999996, "on-track", 0, 1, False),
        (17.5, "on-track", 0, 0.5, False),
        (18, "achieved", 0, 0, False),
        (25, "achieved", 0, 0, False),
    ],
)
def test_increase(
    actual: float | None, status: str, to_milestone: Any, to_target: Any, worse: bool
) -> None:
    ind, milestone = BY_ID["1.1"], 17.0
    figure = Yardstick(ind, milestone).figure(actual)
    assert figure.status == judge(ind, actual, milestone) == status
    assert figure.gap_to_milestone == approx_or_none(to_milestone)
    assert figure.gap_to_target == approx_or_none(to_target)
    assert figure.regressed is regressed(ind, actual) is worse


@pytest.mark.parametrize(
    ("actual", "status", "to_milestone", "to_target", "worse"),
    [
        (None, "not-reported", None, None, False),
        (35, "behind", 15, 20, True),
        (30, "behind", 10, 15, False),
        (21, "behind", 1, 6, False),
        (20, "on-track", 0, 5, False),
        (16, "on-track", 0, 1, False),
        (15, "achieved", 0, 0, False),
        (0, "achieved", 0, 0, False),
    ],
)
def test_decrease_mirrors_everything(
    actual: float | None, status: str, to_milestone: Any, to_target: Any, worse: bool
) -> None:
    ind = BY_ID["4.1"]
    milestone = milestone_for(ind, 2024)
    assert milestone == pytest.approx(20)
    figure = Yardstick(ind, milestone).figure(actual)
    assert figure.status == judge(ind, actual, milestone) == status
    assert figure.gap_to_milestone == approx_or_none(to_milestone)
    assert figure.gap_to_target == approx_or_none(to_target)
    assert figure.regressed is regressed(ind, actual) is worse


def test_decrease_through_evaluate() -> None:
    result = check(row(2, "4.1", None, 22.0), row(3, "4.1", "b", 22.0))
    county = result.indicator("4.1").county
    assert (county.status, county.gap_to_milestone, county.gap_to_target) == ("behind", 2, 7)
    assert not county.regressed
    result = check(row(2, "4.1", None, 31.0))
    assert result.indicator("4.1").county.regressed
    assert check(row(2, "4.1", None, 12.0)).indicator("4.1").status == "achieved"


def test_tracked_indicators_have_no_gaps() -> None:
    ind = BY_ID["5.1"]
    assert judge(ind, 850, None) == "tracked"
    assert judge(ind, None, None) == "not-reported"
    figure = Yardstick(ind, None).figure(850)
    assert (figure.gap_to_milestone, figure.gap_to_target) == (None, None)
    result = check(row(2, "5.1", "a", 850.0, 3.0), row(3, "5.1", "b", 150.0, 1.0))
    county = result.indicator("5.1").county
    assert (county.value, county.count, county.status) == (1000, 4, "tracked")
    assert (county.gap_to_milestone, county.gap_to_target) == (None, None)
    assert check().indicator("5.1").status == "not-reported"


def test_no_regression_against_a_baseline_that_was_not_carried_out() -> None:
    assert not regressed(BY_ID["1.2"], 0)
    assert not regressed(BY_ID["1.2"], 0.0)


def test_worst_status_order() -> None:
    assert worst(["achieved", "behind", "on-track"]) == "behind"
    assert worst(["behind", "not-reported"]) == "not-reported"
    assert worst(["tracked", "achieved"]) == "achieved"
    assert worst([]) == "not-reported"


# --- county figures: the county row, or the sum of the agencies' rows ----------------------


def test_county_figure_is_the_sum_of_agency_rows() -> None:
    result = check(row(2, "1.1", "a", 9.0), row(3, "1.1", "b", 7.0))
    ind = result.indicator("1.1")
    assert (ind.county.value, ind.county.status) == (16, "behind")
    assert {k: f.value for k, f in ind.own.items()} == {"a": 9, "b": 7}
    assert result.warnings == []


def test_an_unreported_agency_adds_nothing_to_the_sum() -> None:
    ind = check(row(2, "1.1", "a", 18.0)).indicator("1.1")
    assert (ind.county.value, ind.county.status) == (18, "achieved")


def test_the_county_row_stands_and_a_different_sum_is_a_warning() -> None:
    result = check(row(2, "1.1", "a", 9.0), row(3, "1.1", None, 18.0), row(4, "1.1", "b", 3.0))
    ind = result.indicator("1.1")
    assert (ind.county.value, ind.county.status, ind.county.row) == (18, "achieved", 3)
    assert codes(result) == [("LZ240", 3)]
    assert result.warnings[0].params == {"indicator": "1.1", "county": 18, "total": 12}


def test_a_county_row_equal_to_the_sum_is_silent() -> None:
    result = check(row(2, "1.1", "a", 9.0), row(3, "1.1", None, 16.0), row(4, "1.1", "b", 7.0))
    assert result.indicator("1.1").county.value == 16
    assert result.warnings == []


def test_not_carried_out_counts_as_0() -> None:
    ind = check(row(2, "1.1", None, NOT_CARRIED_OUT)).indicator("1.1")
    county = ind.county
    assert (county.value, county.not_carried_out, county.status) == (0, True, "behind")
    assert (county.gap_to_milestone, county.gap_to_target, county.regressed) == (17, 18, True)


def test_not_carried_out_in_a_sum() -> None:
    mixed = check(row(2, "1.1", "a", NOT_CARRIED_OUT), row(3, "1.1", "b", 17.0))
    assert (mixed.indicator("1.1").county.value, mixed.indicator("1.1").county.not_carried_out) == (
        17,
        False,
    )
    assert mixed.indicator("1.1").own["a"].not_carried_out
    none = check(row(2, "1.1", "a", NOT_CARRIED_OUT), row(3, "1.1", "b", NOT_CARRIED_OUT))
    county = none.indicator("1.1").county
    assert (county.value, county.not_carried_out) == (0, True)


@pytest.mark.parametrize(
    ("indicator_id", "rows", "not_carried_out", "regressed"),
    [
        # 1.1 (15 → 18, a and b): b has not reported; its figure can only raise the sum.
        ("1.1", [("a", NOT_CARRIED_OUT)], False, False),
        ("1.1", [("a", 3.0)], False, False),
        ("1.1", [("a", 3.0), ("b", 4.0)], False, True),  # every agency reported: below 15
        ("1.1", [("a", NOT_CARRIED_OUT), ("b", NOT_CARRIED_OUT)], True, True),
        # A blank figure on a form is no report: b's row is there, its figure is not.
        ("1.1", [("a", NOT_CARRIED_OUT), ("b", None)], False, False),
        # 4.1 (30 → 15 days, decrease, b and c): a partial sum above 30 is above it for good.
        ("4.1", [("b", 31.0)], False, True),
    ],
)
def test_a_sum_some_agencies_have_not_reported_into_is_not_the_countys_whole_figure(
    indicator_id: str,
    rows: list[tuple[str, Any]],
    not_carried_out: bool,
    regressed: bool,
) -> None:
    result = check(*(row(n, indicator_id, a, v) for n, (a, v) in enumerate(rows, start=2)))
    county = result.indicator(indicator_id).county
    assert (county.not_carried_out, county.regressed) == (not_carried_out, regressed)


@pytest.mark.parametrize(
    ("rows", "status"),
    [
        ([("b", 10.0)], "not-reported"),  # within the 2024 milestone (20), but c may add to it
        ([("b", 25.0)], "behind"),  # above it already, whatever c reports
        ([("b", 10.0), ("c", 5.0)], "achieved"),  # every agency reported: 15 days
    ],
)
def test_a_partial_sum_of_an_indicator_to_bring_down_is_not_judged_within_its_milestone(
    rows: list[tuple[str, float]], status: str
) -> None:
    result = check(*(row(n, "4.1", a, v) for n, (a, v) in enumerate(rows, start=2)))
    county = result.indicator("4.1").county
    assert county.status == status
    assert (county.gap_to_milestone is None) == (status == "not-reported")


def test_a_county_count_that_differs_from_the_agencies_is_flagged(shipped: Plan) -> None:
    rows = [
        row(2, "5.1", None, 300.0, 5.0),
        row(3, "5.1", "finance", 100.0, 1.0),
        row(4, "5.1", "ip-office", 200.0, 2.0),
    ]
    result = check(*rows, plan=shipped)
    [warning] = [w for w in result.warnings if w.code == "LZ240"]
    assert (warning.key, warning.line) == ("county_count_differs_from_sum", 2)
    assert warning.params == {"indicator": "5.1", "county": 5.0, "total": 3.0}


def test_a_rate_is_not_summed() -> None:
    with pytest.raises(LzipError) as caught:
        check(row(5, "1.2", "b", 60.0), row(2, "1.2", "a", 50.0))
    (problem,) = caught.value.problems
    assert (problem.code, problem.file, problem.line) == ("LZ243", "2024.csv", 5)
    assert problem.params["rows"] == "2, 5"


def test_a_rate_from_one_agency_row_or_the_county_row() -> None:
    assert check(row(2, "1.2", "a", 50.0)).indicator("1.2").county.value == 50
    result = check(row(2, "1.2", "a", 50.0), row(3, "1.2", "b", 70.0), row(4, "1.2", None, 66.0))
    assert result.indicator("1.2").county.value == 66
    # Rates are not summed: the county's 66 is compared with a's 50 alone, the one responsible
    # agency's rate, and b (not responsible, LZ241) with nothing.
    assert codes(result) == [("LZ241", 3), ("LZ240", 4)]


def test_a_row_for_an_agency_not_responsible_is_counted_with_a_warning() -> None:
    result = check(row(2, "1.1", "a", 9.0), row(3, "1.1", "d", 8.0))
    assert result.indicator("1.1").county.value == 17
    assert codes(result) == [("LZ241", 3)]
    warning = result.warnings[0]
    assert format_problem(warning, "zh", "warning").endswith(
        "单位d不是指标 1.1 的责任单位，其数值仍计入"
    )
    assert format_problem(warning, "en", "warning").endswith(
        "Agency d is not responsible for indicator 1.1; its figure is counted anyway"
    )
    # d is not responsible for anything, so it has no table
    assert "d" not in [a.agency_id for a in result.agencies]


@pytest.mark.parametrize(
    ("rows", "county", "zh", "en"),
    [
        # 2.1 judges a, b and c each on its own figure: d's is in no status.
        (
            (row(2, "2.1", "a", 12.0), row(3, "2.1", "d", 8.0)),
            None,
            "其数值不计入考核（该指标由各责任单位分别考核）",
            "its figure is not counted (each responsible agency is judged on its own)",
        ),
        # 1.1's county row is the county's figure: d's row is not added to it.
        (
            (row(2, "1.1", None, 16.0), row(3, "1.1", "d", 8.0)),
            16,
            "其数值不计入：全县数以全县合计行为准",
            "its figure is not counted: the county row stands for the county",
        ),
    ],
)
def test_a_row_for_an_agency_not_responsible_that_is_not_counted_says_why(
    rows: tuple[ReportRow, ...], county: float | None, zh: str, en: str
) -> None:
    result = check(*rows)
    (warning,) = [w for w in result.warnings if w.code == "LZ241"]
    assert result.indicator(rows[0].indicator_id).county.value == county
    assert format_problem(warning, "zh", "warning").endswith(zh)
    assert format_problem(warning, "en", "warning").endswith(en)


def test_an_each_indicator_judges_only_its_responsible_agencies() -> None:
    # d's 8 is below 2.1's milestone, but d answers for nothing: it is judged nowhere.
    result = check(row(2, "2.1", "a", 12.0), row(3, "2.1", "d", 8.0))
    assert list(result.indicator("2.1").per_agency) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2021, [("year_before_plan", {"year": 2021, "first": 2022, "last": 2025})]),
        (2022, []),
        (2025, []),
        (2026, [("year_after_plan", {"year": 2026, "first": 2022, "last": 2025})]),
    ],
)
def test_a_year_outside_the_plan_period_is_a_warning(
    year: int, expected: list[tuple[str, dict[str, int]]]
) -> None:
    result = check(row(2, "1.1", "a", 9.0), year=year)
    assert [(w.key, w.params) for w in result.warnings if w.code == "LZ244"] == expected


def test_after_the_plan_period_the_milestone_is_the_final_target() -> None:
    result = check(row(2, "1.1", "a", 17.0), year=2026)
    assert (result.indicator("1.1").milestone, result.indicator("1.1").status) == (18, "behind")


def test_every_figure_on_the_shipped_example(shipped: Plan) -> None:
    result = evaluate(shipped, read_report(EXAMPLE, shipped))
    county = {r.indicator.id: (r.county.value, r.status) for r in result.indicators}
    assert county == {
        "1.1": (16, "behind"),
        "1.2": (80, "on-track"),
        "2.1": (None, "behind"),
        "3.1": (1, "achieved"),
        "4.1": (None, "not-reported"),
        "4.2": (17, "behind"),
        "4.3": (1652, "on-track"),
        "5.1": (850, "tracked"),
        "5.2": (0, "tracked"),
        "5.3": (0, "tracked"),
        "5.4": (120, "tracked"),
        "6.1": (4, "on-track"),
        "7.1": (6, "behind"),
        "8.1": (4, "achieved"),
    }
    assert result.summary() == {
        "not-reported": 1,
        "behind": 4,
        "on-track": 3,
        "achieved": 2,
        "tracked": 4,
    }
    assert result.warnings == []


# --- `each` indicators ---------------------------------------------------------------------


def test_each_agency_judged_on_its_own_and_the_county_takes_the_worst() -> None:
    result = check(row(2, "2.1", "a", 12.0), row(3, "2.1", "b", 5.0), row(4, "2.1", "c", 8.0))
    ind = result.indicator("2.1")
    assert {k: f.status for k, f in ind.per_agency.items()} == {
        "a": "achieved",
        "b": "behind",
        "c": "on-track",
    }
    assert ind.status == "behind"
    assert ind.county.value is None
    assert ind.county.gap_to_milestone == pytest.approx(20 / 3 - 5)  # the largest gap
    assert ind.county.gap_to_target == pytest.approx(5)


def test_each_an_agency_that_did_not_report_makes_the_county_not_reported() -> None:
    result = check(row(2, "2.1", "a", 12.0), row(3, "2.1", "b", 12.0))
    ind = result.indicator("2.1")
    assert ind.per_agency["c"].status == "not-reported"
    assert ind.status == "not-reported"


def test_each_the_county_gap_is_unknown_while_an_agency_has_not_reported() -> None:
    # a and b are past the target; c's gap, unknown, may be the largest: not 0 beside 未填报.
    result = check(row(2, "2.1", "a", 12.0), row(3, "2.1", "b", 12.0))
    county = result.indicator("2.1").county
    assert (county.gap_to_milestone, county.gap_to_target) == (None, None)


def test_each_a_county_row_is_ignored_with_a_warning() -> None:
    result = check(row(2, "2.1", None, 50.0), row(3, "2.1", "a", 12.0), row(4, "2.1", "b", 12.0))
    assert result.indicator("2.1").status == "not-reported"  # c still owes its figure
    assert codes(result) == [("LZ242", 2)]


def test_each_not_carried_out_is_0_and_behind() -> None:
    result = check(row(2, "2.1", "a", NOT_CARRIED_OUT))
    figure = result.indicator("2.1").per_agency["a"]
    assert (figure.value, figure.not_carried_out, figure.status, figure.regressed) == (
        0,
        True,
        "behind",
        False,
    )


def test_each_county_is_regressed_when_any_agency_is() -> None:
    ind = indicator(scope="each", agencies=["a", "b"])
    plan = Plan(info=PLAN.info, agencies=AGENCIES, groups=[], indicators=[ind])
    result = check(row(2, "1.1", "a", 20.0), row(3, "1.1", "b", 14.0), plan=plan)
    assert result.indicator("1.1").county.regressed
    assert result.indicator("1.1").county.status == "behind"


# --- agency lines and shortfalls -----------------------------------------------------------


def test_shortfalls_use_the_county_status_for_shared_and_the_own_for_each() -> None:
    result = check(
        row(2, "1.1", "a", 18.0),  # shared, achieved by a alone: b is clear too
        row(3, "1.2", "a", 50.0),  # behind 63.3
        row(4, "2.1", "a", 12.0),
        row(5, "2.1", "b", 5.0),
        row(6, "2.1", "c", 8.0),
        row(7, "3.1", None, 1500.0),
        row(8, "4.1", "b", 25.0),
        row(9, "5.1", "a", 100.0, 1.0),  # tracked, summed: b's part is missing from it
    )
    by_agency = {a.agency_id: a for a in result.agencies}
    assert list(by_agency) == ["a", "b", "c"]
    assert {k: a.shortfalls for k, a in by_agency.items()} == {
        "a": ["1.2"],
        "b": ["2.1", "4.1", "5.1"],
        "c": ["4.1"],
    }
    lines = {line.indicator_id: line for line in by_agency["b"].lines}
    assert list(lines) == ["1.1", "2.1", "4.1", "5.1"]
    assert lines["1.1"].own is None and lines["1.1"].status == "achieved"
    assert lines["2.1"].actual.value == 5 and lines["2.1"].own is not None
    assert result.has_shortfalls


#: Rows of the test plan's 5.1 (tracked as actual, summed from a and b), and whether b owes it.
TRACKED_OWN_FIGURE = [
    pytest.param([row(2, "5.1", "a", 100.0, 1.0)], True, id="b-sent-nothing"),
    pytest.param(
        [row(2, "5.1", "a", 100.0, 1.0), row(3, "5.1", "b", None, 2.0)],
        True,
        id="b-sent-a-count-without-its-amount",
    ),
    pytest.param(
        [row(2, "5.1", "a", 100.0, 1.0), row(3, "5.1", "b", 0.0, 0.0)], False, id="b-sent-0"
    ),
    pytest.param(
        [row(2, "5.1", "a", 100.0, 1.0), row(3, "5.1", "b", NOT_CARRIED_OUT)],
        False,
        id="b-sent-not-carried-out",
    ),
    pytest.param(
        [row(2, "5.1", None, 100.0, 1.0), row(3, "5.1", "a", 100.0, 1.0)],
        False,
        id="a-county-row-stands-for-the-county",
    ),
]


@pytest.mark.parametrize(("rows", "owed"), TRACKED_OWN_FIGURE)
def test_an_agency_owes_its_part_of_a_summed_indicator_tracked_as_actual(
    rows: list[ReportRow], owed: bool
) -> None:
    result = check(*rows)
    by_agency = {a.agency_id: a for a in result.agencies}
    assert result.indicator("5.1").status == "tracked"
    assert ("5.1" in by_agency["b"].shortfalls) is owed
    assert "5.1" not in by_agency["a"].shortfalls


def test_a_summed_indicator_on_track_asks_nothing_of_an_agency_missing_from_it() -> None:
    # 1.1's 2024 milestone is 17: a's 17 alone meets it, and b's part can only add to it.
    result = check(row(2, "1.1", "a", 17.0))
    by_agency = {a.agency_id: a for a in result.agencies}
    assert result.indicator("1.1").status == "on-track"
    assert "1.1" not in by_agency["b"].shortfalls


def test_nothing_reported_every_agency_owes_every_indicator_but_the_tracked() -> None:
    result = check()
    assert {a.agency_id: a.shortfalls for a in result.agencies} == {
        "a": ["1.1", "1.2", "2.1", "3.1", "5.1"],
        "b": ["1.1", "2.1", "4.1", "5.1"],
        "c": ["2.1", "3.1", "4.1"],
    }


def test_no_shortfalls() -> None:
    result = check(
        row(2, "1.1", None, 18.0),
        row(3, "1.2", None, 95.0),
        row(4, "2.1", "a", 10.0),
        row(5, "2.1", "b", 10.0),
        row(6, "2.1", "c", 10.0),
        row(7, "3.1", None, 1700.0),
        row(8, "4.1", None, 15.0),
        row(9, "5.1", None, NOT_CARRIED_OUT),
    )
    assert not result.has_shortfalls
    assert result.summary()["achieved"] == 5


def test_shipped_example_shortfalls(shipped: Plan) -> None:
    result = evaluate(shipped, read_report(EXAMPLE, shipped))
    assert {a.agency_id: a.shortfalls for a in result.agencies} == {
        "agriculture": ["1.1", "7.1"],
        "ip-office": ["1.1", "4.1", "4.2", "5.1", "5.2", "7.1"],
        "forestry": ["1.1", "2.1", "7.1"],
        "press-publication": ["1.1", "2.1", "7.1"],
        "industry-trade": ["4.1", "4.2", "7.1"],
        "development-reform": ["4.1", "4.2", "7.1"],
        "education": ["4.1", "4.2", "7.1"],
        "finance": ["5.2", "5.4"],
        "financial-regulator": ["5.1", "5.4"],
        "public-security": ["7.1"],
        "culture-tourism": ["7.1"],
        "court": [],
        "procuratorate": [],
    }


def test_the_order_of_rows_does_not_matter(shipped: Plan) -> None:
    report = read_report(EXAMPLE, shipped)
    expected = evaluate(shipped, report)
    shuffled = list(report.rows)
    random.Random(3).shuffle(shuffled)
    again = evaluate(shipped, Report(report.file, report.year, shuffled))
    assert again.indicators == expected.indicators
    assert again.agencies == expected.agencies


@pytest.mark.parametrize(("year", "status"), [(2023, "on-track"), (2024, "behind")])
def test_the_year_moves_the_milestone(year: int, status: str) -> None:
    assert check(row(2, "1.1", None, 16.0), year=year).indicator("1.1").status == status


# --- rows that count as not reported, counts, rates ------------------------------------------


def test_a_county_row_with_a_count_and_no_amount_leaves_the_agencies_sum_standing() -> None:
    result = check(
        row(2, "5.1", None, None, 4.0),
        row(3, "5.1", "a", 850.0, 3.0),
        row(4, "5.1", "b", 120.0, 1.0),
    )
    county = result.indicator("5.1").county
    assert (county.value, county.count, county.status) == (970.0, 4.0, "tracked")


def test_an_agencys_count_without_an_amount_is_not_added_to_the_countys_count() -> None:
    result = check(row(2, "5.1", "a", 850.0, 3.0), row(3, "5.1", "b", None, 2.0))
    county = result.indicator("5.1").county
    assert (county.value, county.count) == (850.0, 3.0)


def test_an_amount_without_its_count_makes_the_countys_count_unknown() -> None:
    result = check(row(2, "5.1", "a", 850.0, 3.0), row(3, "5.1", "b", 120.0, None))
    county = result.indicator("5.1").county
    assert (county.value, county.count) == (970.0, None)


@pytest.mark.parametrize(
    ("b_value", "b_count", "expected"),
    [(0.0, None, 3.0), (NOT_CARRIED_OUT, None, 3.0)],
    ids=["zero", "not-carried-out"],
)
def test_nothing_done_needs_no_count(b_value: Any, b_count: Any, expected: float) -> None:
    result = check(row(2, "5.1", "a", 850.0, 3.0), row(3, "5.1", "b", b_value, b_count))
    assert result.indicator("5.1").county.count == expected


def test_a_rates_county_row_differing_from_its_one_agencys_row_is_warned() -> None:
    result = check(row(2, "1.2", None, 95.0), row(3, "1.2", "a", 50.0))
    assert codes(result) == [("LZ240", 2)]
    assert result.indicator("1.2").county.value == 95.0


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # 3.1 is a year-end stock: a and c both sending 1652 looks like the county's figure twice.
        ((row(2, "3.1", "a", 1652.0), row(3, "3.1", "c", 1652.0)), [("LZ266", 3)]),
        # Different figures add up without a word.
        ((row(2, "3.1", "a", 1200.0), row(3, "3.1", "c", 452.0)), []),
        # A county row stands for the county: the agencies' rows are not added up.
        (
            (row(2, "3.1", None, 1652.0), row(3, "3.1", "a", 1652.0), row(4, "3.1", "c", 1652.0)),
            [("LZ240", 2)],
        ),
        # Zeros and "not carried out" repeat without meaning the county's figure.
        ((row(2, "3.1", "a", 0.0), row(3, "3.1", "c", 0.0)), []),
        # Equal flows (3 cases each) are common: 1.1 is not a stock.
        ((row(2, "1.1", "a", 3.0), row(3, "1.1", "b", 3.0)), []),
    ],
)
def test_a_stock_figure_repeated_by_two_agencies_is_warned_of(
    rows: tuple[ReportRow, ...], expected: list[tuple[str, int]]
) -> None:
    assert codes(check(*rows)) == expected


def test_a_repeated_stock_figure_is_warned_of_alike_in_either_row_order() -> None:
    # The warning stands at the row of the agency later in the plan and names the earlier one,
    # wherever the rows stand: sorting a report changes no message.
    in_plan_order = check(row(2, "3.1", "a", 1652.0), row(3, "3.1", "c", 1652.0))
    reversed_rows = check(row(2, "3.1", "c", 1652.0), row(3, "3.1", "a", 1652.0))
    assert codes(in_plan_order) == [("LZ266", 3)]
    assert codes(reversed_rows) == [("LZ266", 2)]
    assert in_plan_order.warnings[0].params == reversed_rows.warnings[0].params


def test_a_repeated_stock_figure_is_still_added_up_and_the_warning_says_so() -> None:
    result = check(row(2, "3.1", "a", 1234567.0), row(3, "3.1", "c", 1234567.0))
    assert result.indicator("3.1").county.value == 2469134
    (warning,) = result.warnings
    assert format_problem(warning, "zh", "warning").endswith(
        "指标 3.1 是年末存量：单位c填报的 1,234,567 与单位a相同，全县数按各单位之和计为 "
        "2,469,134；若这是全县数，请只填一行全县合计（责任单位留空）"
    )
    assert "reports 1,234,567, as Agency a does, and the county figure is their sum, 2,469,134" in (
        format_problem(warning, "en", "warning")
    )


@pytest.mark.parametrize(
    ("county", "warned"),
    [
        (30.0, False),  # above the part reported: the agencies not reported make up the rest
        (5.0, True),  # below the part reported: the county row and the rows disagree
    ],
)
def test_a_county_row_beside_some_agencies_rows_differs_only_when_below_their_sum(
    shipped: Plan, county: float, warned: bool
) -> None:
    # 7.1 has nine responsible agencies; two reported.
    rows = [
        row(2, "7.1", None, county),
        row(3, "7.1", "forestry", 3.0),
        row(4, "7.1", "education", 4.0),
    ]
    result = check(*rows, plan=shipped)
    assert [w.code for w in result.warnings if w.code == "LZ240"] == (["LZ240"] if warned else [])
    assert result.indicator("7.1").county.value == county


def test_a_county_count_beside_some_agencies_rows_is_compared_when_the_amounts_agree(
    shipped: Plan,
) -> None:
    # 5.1: the amounts add up, so the agencies not reported had nothing, and no deals either.
    rows = [row(2, "5.1", None, 300.0, 5.0), row(3, "5.1", "finance", 300.0, 3.0)]
    [warning] = [w for w in check(*rows, plan=shipped).warnings if w.code == "LZ240"]
    assert warning.key == "county_count_differs_from_sum"


def test_a_county_count_beside_an_amount_short_of_the_county_is_not_compared(
    shipped: Plan,
) -> None:
    rows = [row(2, "5.1", None, 500.0, 5.0), row(3, "5.1", "finance", 300.0, 3.0)]
    assert [w.code for w in check(*rows, plan=shipped).warnings if w.code == "LZ240"] == []


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # 7.1: the county's 6 is forestry's 4 and education's 2; the court is not responsible.
        pytest.param(
            [
                row(2, "7.1", None, 6.0),
                row(3, "7.1", "forestry", 4.0),
                row(4, "7.1", "education", 2.0),
                row(5, "7.1", "court", 5.0),
            ],
            [("LZ241", 5)],
            id="a sum",
        ),
        # 1.2 is a rate: one responsible agency's 80 beside the county's 80, and the court's.
        pytest.param(
            [
                row(2, "1.2", None, 80.0),
                row(3, "1.2", "ip-office", 80.0),
                row(4, "1.2", "court", 95.0),
            ],
            [("LZ241", 4)],
            id="a rate",
        ),
        # Only the court's row beside the county's: nothing to compare.
        pytest.param(
            [row(2, "7.1", None, 6.0), row(3, "7.1", "court", 5.0)],
            [("LZ241", 3)],
            id="only the court",
        ),
    ],
)
def test_a_county_row_is_not_compared_with_a_row_it_does_not_count(
    shipped: Plan, rows: list[ReportRow], expected: list[tuple[str, int]]
) -> None:
    """LZ241 says the figure of an agency not responsible is not counted beside a county row;
    LZ240 does not count it in the agencies' sum either."""
    result = check(*rows, plan=shipped)
    assert codes(result) == expected


SHARED_FIGURES = [
    pytest.param({"value": 15}, {"value": 15}, True, id="equal baselines are one"),
    pytest.param({"value": 15}, {"value": 16}, False, id="another value"),
    pytest.param({"value": 15}, {"year": 2023, "value": 15}, False, id="another year"),
    pytest.param({"value": 15}, {"value": "not-carried-out"}, False, id="a figure and —"),
]


@pytest.mark.parametrize(("first", "second", "same"), SHARED_FIGURES)
def test_indicators_with_equal_baselines_share_one(
    first: dict[str, Any], second: dict[str, Any], same: bool
) -> None:
    one = indicator(baseline={"year": 2022, **first})
    other = indicator(id="1.2", baseline={"year": 2022, **second})
    assert (one.baseline is other.baseline) is same
    expected = {"year": 2022, **second}
    assert (other.baseline.year, other.baseline.value) == (expected["year"], expected["value"])


def test_a_baseline_and_a_target_of_one_figure_stay_what_they_are() -> None:
    shared = indicator(baseline={"year": 2025, "value": 18}, target={"year": 2025, "value": 18})
    assert type(shared.baseline).__name__ == "Baseline"
    assert type(shared.target).__name__ == "Target"
