"""Judge a year's report against the plan: milestones, statuses, gaps and shortfalls.

Pure functions: no I/O. Input is the validated :class:`~lzip_cli.models.Plan` and a
:class:`~lzip_cli.report.Report`; output is a :class:`CheckResult`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from operator import itemgetter
from typing import Literal

from lzip_cli.cells import NotCarriedOut
from lzip_cli.errors import LzipError, Problem
from lzip_cli.messages import t
from lzip_cli.models import Indicator, Plan
from lzip_cli.numbers import RELATIVE_TOLERANCE
from lzip_cli.progress import track
from lzip_cli.report import Report, ReportRow

Status = Literal["not-reported", "tracked", "achieved", "on-track", "behind"]
#: Statuses from worst to best; an ``each`` indicator takes the worst of its agencies'.
STATUS_ORDER: tuple[Status, ...] = ("not-reported", "behind", "on-track", "achieved", "tracked")
SHORTFALL_STATUSES: frozenset[Status] = frozenset({"behind", "not-reported"})


def milestone_for(indicator: Indicator, year: int) -> float | None:
    """The figure ``indicator`` should reach in ``year``; None when the plan sets no target.

    An explicit milestone wins; otherwise the straight line between the figures the plan sets
    on either side of the year: the baseline ("not carried out" counts as 0), the milestones
    and the target. Before the baseline's year it is the baseline, after the target's the target.
    """
    target = indicator.target.number
    if target is None:
        return None
    milestones = indicator.milestones
    if year in milestones:
        return milestones[year]
    first, last = indicator.baseline.year, indicator.target.year
    baseline = indicator.baseline.number
    if year >= last:
        return target
    if year <= first:
        return baseline
    # Between a milestone of 2024 and the baseline, 2023 rises towards that milestone, not
    # towards the target: the figures due never go back down where the plan's do not.
    before = max((y for y in milestones if first < y < year), default=first)
    after = min((y for y in milestones if year < y < last), default=last)
    start = milestones[before] if before != first else baseline
    end = milestones[after] if after != last else target
    return start + (end - start) * (year - before) / (after - before)


class Yardstick:
    """What every figure of one indicator is judged against in the report year.

    Built once per indicator, so that judging a million figures does not look up the target,
    the direction and the baseline through the plan's models a million times.
    """

    __slots__ = ("_tolerance_m", "_tolerance_t", "baseline", "increase", "milestone", "target")

    def __init__(self, indicator: Indicator, milestone: float | None) -> None:
        self.increase = indicator.direction == "increase"
        self.milestone = milestone
        self.target = indicator.target.number
        #: None when the base year's work was not carried out: nothing to regress from.
        self.baseline = None if indicator.baseline.not_carried_out else indicator.baseline.number
        # Absorbs float noise when comparing with an interpolated milestone (16.000000000000004).
        self._tolerance_m = (
            RELATIVE_TOLERANCE * max(1.0, abs(milestone)) if milestone is not None else 0.0
        )
        self._tolerance_t = (
            RELATIVE_TOLERANCE * max(1.0, abs(self.target)) if self.target is not None else 0.0
        )

    def figure(
        self,
        value: float | None,
        count: float | None = None,
        *,
        not_carried_out: bool = False,
        row: int | None = None,
        file: str | None = None,
    ) -> Figure:
        """``value`` judged: status, gaps to the milestone and the target, regression."""
        return self.judge(value, count, not_carried_out, row, file)

    def judge(
        self,
        value: float | None,
        count: float | None,
        not_carried_out: bool,
        row: int | None,
        file: str | None,
    ) -> Figure:
        """:meth:`figure` with positional arguments: the per-row path of :func:`evaluate`."""
        if value is None:
            return Figure(
                None, count, "not-reported", None, None, False, not_carried_out, row, file
            )
        baseline = self.baseline
        regressed = baseline is not None and (
            value < baseline if self.increase else value > baseline
        )
        target, milestone = self.target, self.milestone
        if target is None or milestone is None:
            return Figure(
                value, count, "tracked", None, None, regressed, not_carried_out, row, file
            )
        # How far ``value`` is from each goal, in the indicator's direction (> 0: short of it).
        if self.increase:
            to_target, to_milestone = target - value, milestone - value
        else:
            to_target, to_milestone = value - target, value - milestone
        reached_target = to_target <= self._tolerance_t
        reached_milestone = to_milestone <= self._tolerance_m
        status: Status = (
            "achieved" if reached_target else "on-track" if reached_milestone else "behind"
        )
        return Figure(
            value,
            count,
            status,
            0.0 if reached_milestone else to_milestone,
            0.0 if reached_target else to_target,
            regressed,
            not_carried_out,
            row,
            file,
        )


def judge(indicator: Indicator, actual: float | None, milestone: float | None) -> Status:
    """The status of one figure against the indicator's milestone and target."""
    return Yardstick(indicator, milestone).figure(actual).status


def regressed(indicator: Indicator, actual: float | None) -> bool:
    """Whether ``actual`` is worse than a numeric base-year figure."""
    return Yardstick(indicator, None).figure(actual).regressed


def worst(statuses: list[Status]) -> Status:
    return min(statuses, key=STATUS_ORDER.index) if statuses else "not-reported"


@dataclass(slots=True)
class Figure:
    """A judged figure: the county's for an indicator, or one agency's own."""

    value: float | None
    count: float | None
    status: Status
    gap_to_milestone: float | None
    gap_to_target: float | None
    regressed: bool
    not_carried_out: bool = False
    row: int | None = None
    file: str | None = None  # the report file of ``row`` when it is not the report's own


@dataclass(slots=True)
class IndicatorResult:
    """One indicator for the year. ``own`` holds each reporting agency's own figure."""

    indicator: Indicator
    milestone: float | None
    county: Figure
    own: dict[str, Figure] = field(default_factory=dict)
    #: ``each`` indicators only: every responsible agency's judged figure, reported or not.
    per_agency: dict[str, Figure] = field(default_factory=dict)

    @property
    def status(self) -> Status:
        return self.county.status


@dataclass(slots=True)
class AgencyLine:
    """One line of an agency's table: an indicator it is responsible for."""

    indicator_id: str
    actual: Figure
    own: Figure | None

    @property
    def status(self) -> Status:
        return self.actual.status

    @property
    def own_figure_owed(self) -> bool:
        """Whether the agency owes its own figure of an indicator tracked as actual (no
        target) whose county figure is the sum of the agencies' rows, having sent none: such
        an indicator asks for nothing but its figure, and the sum lacks this agency's part.

        (Of an indicator with a target, a sum still short of the milestone is ``behind`` for
        every agency sharing it; one that meets the milestone can only rise.)"""
        actual, own = self.actual, self.own
        return (
            actual.status == "tracked"
            and actual.row is None  # no county row (an ``each`` agency's figure has its row)
            and (own is None or own.value is None)
        )

    @property
    def owed(self) -> bool:
        """Whether the line is one of the agency's shortfalls: behind, not reported, or its
        own figure of a summed indicator tracked as actual not sent."""
        return self.actual.status in SHORTFALL_STATUSES or self.own_figure_owed


@dataclass(slots=True)
class AgencyResult:
    agency_id: str
    lines: list[AgencyLine]

    @property
    def shortfalls(self) -> list[str]:
        return [line.indicator_id for line in self.lines if line.owed]


@dataclass
class CheckResult:
    """Everything ``lzip check`` shows, in plan order."""

    year: int
    plan: Plan
    indicators: list[IndicatorResult]
    agencies: list[AgencyResult]
    warnings: list[Problem]
    #: The report's notes (备注), by indicator and agency (None: the county-wide row).
    notes: dict[tuple[str, str | None], str] = field(default_factory=dict)

    def note(self, indicator_id: str, agency_id: str | None) -> str | None:
        """The note on the report row of this indicator and agency, if it has one."""
        return self.notes.get((indicator_id, agency_id))

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for result in self.indicators:
            counts[result.status] += 1
        return counts

    def indicator(self, indicator_id: str) -> IndicatorResult:
        return self._by_id[indicator_id]

    @cached_property
    def _by_id(self) -> dict[str, IndicatorResult]:
        # Renderers look up every agency line's indicator: a dict, not a scan per line.
        return {r.indicator.id: r for r in reversed(self.indicators)}

    @property
    def has_shortfalls(self) -> bool:
        return any(agency.shortfalls for agency in self.agencies)


def _number(value: float | NotCarriedOut | None) -> float | None:
    if isinstance(value, NotCarriedOut):
        return 0.0
    return value


def _row_figure(yardstick: Yardstick, row: ReportRow) -> Figure:
    # Called once per report row: the two "not carried out" checks inline, not via _number.
    value, count = row.value, row.count
    not_carried_out = isinstance(value, NotCarriedOut)
    return yardstick.judge(
        0.0 if not_carried_out else value,  # type: ignore[arg-type]
        0.0 if isinstance(count, NotCarriedOut) else count,
        not_carried_out,
        row.row,
        row.file or None,
    )


def _sum(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def evaluate(plan: Plan, report: Report, *, label: str | None = None) -> CheckResult:
    """Judge every indicator and agency of ``plan`` on ``report``'s figures.

    ``label`` is the text of the progress bar a long run shows, in the user's language (default:
    Chinese, as :func:`lzip_cli.messages.t`)."""
    by_indicator: dict[str, list[ReportRow]] = defaultdict(list)
    for row in report.rows:
        by_indicator[row.indicator_id].append(row)
    warnings = list(report.warnings)
    errors: list[Problem] = []
    results = []
    if label is None:
        label = t("progress_indicators")
    # Looked up once per agency row: a dict, not a call through the plan's private state.
    position = {agency.id: plan.agency_position(agency.id) for agency in plan.agencies}
    for indicator in track(plan.indicators, label, len(plan.indicators)):
        result = _evaluate_indicator(
            plan, indicator, report, by_indicator.get(indicator.id, []), warnings, errors, position
        )
        results.append(result)
    if errors:
        raise LzipError(errors)
    # One pass over the indicators (not one per agency): each agency's lines in plan order.
    lines_of: dict[str, list[AgencyLine]] = defaultdict(list)
    for result in results:
        indicator = result.indicator
        indicator_id, own_of = indicator.id, result.own.get
        if indicator.scope == "each":
            per_agency = result.per_agency
            for agency_id in dict.fromkeys(indicator.agencies):
                line = AgencyLine(indicator_id, per_agency[agency_id], own_of(agency_id))
                lines_of[agency_id].append(line)
        else:
            county = result.county
            for agency_id in dict.fromkeys(indicator.agencies):
                lines_of[agency_id].append(AgencyLine(indicator_id, county, own_of(agency_id)))
    agencies = [
        AgencyResult(agency.id, lines_of[agency.id])
        for agency in plan.agencies
        if agency.id in lines_of
    ]
    period_warning = year_outside_plan(plan, report.year, report.file)
    if period_warning is not None:
        warnings.append(period_warning)
    # In file order, as the user reads the report (judging goes in plan order). By row only:
    # two warnings of one row stay in the order judging gives them, which the order of the
    # form's columns (their cells) must not change.
    warnings.sort(key=_file_order)
    notes = {(row.indicator_id, row.agency_id): row.note for row in report.rows if row.note}
    for (indicator_id, agency_id), note in report.notes.items():  # rows with a note, no figure
        # Why a figure was not reported, unless another row (another form) reports it: the
        # note of a form since corrected ("正在核实，暂不报") beside its figure would contradict it.
        if not any(row.agency_id == agency_id for row in by_indicator.get(indicator_id, ())):
            notes.setdefault((indicator_id, agency_id), note)
    return CheckResult(report.year, plan, results, agencies, warnings, notes)


def year_outside_plan(plan: Plan, year: int, file: str | None = None) -> Problem | None:
    """LZ244 when ``year`` is before every baseline or after every target year of the plan."""
    if not plan.indicators:
        return None
    first = min(indicator.baseline.year for indicator in plan.indicators)
    last = max(indicator.target.year for indicator in plan.indicators)
    params = {"year": year, "first": first, "last": last}
    if year < first:
        return Problem("LZ244", "year_before_plan", file=file, params=params)
    if year > last:
        return Problem("LZ244", "year_after_plan", file=file, params=params)
    return None


def _file_order(problem: Problem) -> tuple[str, int]:
    return (problem.file or "", problem.line or 0)


def _largest_gap(gaps: list[float | None]) -> float | None:
    """The largest of the agencies' gaps; None while one is unknown (a figure not reported),
    which could be the largest: a gap of 0 beside "not reported" would read as on track."""
    if not gaps or any(gap is None for gap in gaps):
        return None
    return max(gap for gap in gaps if gap is not None)


def _warn_repeated_stock(
    plan: Plan,
    indicator: Indicator,
    report: Report,
    agency_rows: list[ReportRow],
    total: float,
    warnings: list[Problem],
) -> None:
    """LZ266 at each agency row of a year-end stock that repeats the figure of an agency before
    it in the plan: agencies that each sent the county's figure (1,652 trademarks held) would
    have it counted twice. Equal flows (3 cases each) are common and left alone. Plan order,
    not row order, decides which agency is named at which row, so that the same figures give
    the same warnings however the rows are sorted."""
    first: dict[float, ReportRow] = {}
    named = [row for row in agency_rows if row.agency_id is not None]
    for row in sorted(
        named, key=lambda r: (plan.agency_position(r.agency_id or ""), r.file, r.row)
    ):
        value = row.value
        if not isinstance(value, float | int) or value <= 0:
            continue
        earlier = first.setdefault(float(value), row)
        if earlier is row or earlier.agency_id == row.agency_id:
            continue
        warnings.append(
            Problem(
                "LZ266",
                "stock_figure_repeated",
                file=row.file or report.file,
                line=row.row,
                column=report.column_of(row, "value"),
                params={
                    "indicator": indicator.id,
                    "agency": plan.agency(row.agency_id).names(),
                    "other": plan.agency(earlier.agency_id or "").names(),
                    "value": float(value),
                    "total": total,
                },
            )
        )


def _evaluate_indicator(
    plan: Plan,
    indicator: Indicator,
    report: Report,
    rows: list[ReportRow],
    warnings: list[Problem],
    errors: list[Problem],
    position: dict[str, int],
) -> IndicatorResult:
    milestone = milestone_for(indicator, report.year)
    yardstick = Yardstick(indicator, milestone)
    # A row with a count and no amount counts as not reported (LZ249 says so): a county row
    # holding only a count does not stand in for the agencies' sum; an agency's is shown as
    # its own figure (未填报 / 3) but adds nothing to the county's.
    county_row = next((r for r in rows if r.agency_id is None and r.value is not None), None)
    # Plan order, not file order: the same figures give the same result however rows are sorted.
    agency_rows = [r for r in rows if r.agency_id is not None]
    order = [position[r.agency_id] for r in agency_rows]  # type: ignore[index]
    if any(a > b for a, b in pairwise(order)):  # most reports list them in plan order already
        agency_rows = [
            r for _, r in sorted(zip(order, agency_rows, strict=True), key=itemgetter(0))
        ]
    # Only a sum of the agencies' rows takes in a row of an agency not responsible: an `each`
    # indicator judges the responsible agencies alone, and a county row stands for the county.
    summed = indicator.scope != "each" and county_row is None
    for row in agency_rows:
        if row.agency_id not in indicator.agencies:
            warnings.append(
                Problem(
                    "LZ241",
                    "agency_not_responsible"
                    if summed
                    else "agency_not_responsible_ignored"
                    if indicator.scope == "each"
                    else "agency_not_responsible_county_row",
                    file=row.file or report.file,
                    line=row.row,
                    column=report.column_of(row, "agency"),
                    params={
                        "agency": plan.agency(row.agency_id).names(),
                        "indicator": indicator.id,
                    },
                )
            )
    own: dict[str, Figure] = {}
    judge = yardstick.judge
    for r in agency_rows:  # _row_figure, inline: a million rows come here
        value, count = r.value, r.count
        not_carried_out = isinstance(value, NotCarriedOut)
        own[r.agency_id] = judge(  # type: ignore[index]
            0.0 if not_carried_out else value,  # type: ignore[arg-type]
            0.0 if isinstance(count, NotCarriedOut) else count,
            not_carried_out,
            r.row,
            r.file or None,
        )
    if indicator.scope == "each":
        if county_row is not None:
            warnings.append(
                Problem(
                    "LZ242",
                    "county_row_each",
                    file=county_row.file or report.file,
                    line=county_row.row,
                    column=report.column_of(county_row, "agency"),
                    params={"indicator": indicator.id},
                )
            )
        # Only the responsible agencies: another's row is not judged (LZ241 says so).
        per_agency = {a: own.get(a) or yardstick.figure(None) for a in indicator.agencies}
        figures = [per_agency[a] for a in indicator.agencies]
        status = worst([f.status for f in figures])
        county = Figure(
            value=None,
            count=None,
            status=status,
            gap_to_milestone=_largest_gap([f.gap_to_milestone for f in figures]),
            gap_to_target=_largest_gap([f.gap_to_target for f in figures]),
            regressed=any(f.regressed for f in figures),
        )
        return IndicatorResult(indicator, milestone, county, own, per_agency)
    if county_row is not None:
        county = _row_figure(yardstick, county_row)
        # The county row stands for the county: an agency not responsible is not in its sum
        # (LZ241 says its figure is not counted), so it is not compared with it either.
        counted = [f for a, f in own.items() if a in indicator.agencies]
        # A rate is not summed, but one agency's rate beside the county's is the same figure.
        if indicator.kind != "rate" or len(counted) == 1:
            # With responsible agencies not reported, the county's figure takes in theirs: only
            # a county figure below the part reported disagrees with the agencies' rows.
            partial = indicator.kind != "rate" and any(
                a not in own or own[a].value is None for a in indicator.agencies
            )
            for key, county_figure, total in (
                ("county_differs_from_sum", county.value, _sum([f.value for f in counted])),
                (
                    "county_count_differs_from_sum",
                    county.count,
                    _sum([f.count for f in counted if f.value is not None]),
                ),
            ):
                if total is None or county_figure is None:
                    continue
                if abs(total - county_figure) <= RELATIVE_TOLERANCE * max(1.0, abs(total)):
                    # the amounts agree: those not reported add nothing, to the count either
                    partial = False
                    continue
                if partial and county_figure > total:
                    continue
                warnings.append(
                    Problem(
                        "LZ240",
                        key,
                        file=county_row.file or report.file,
                        line=county_row.row,
                        column=report.column_of(
                            county_row, "count" if key.startswith("county_count") else "value"
                        ),
                        params={
                            "indicator": indicator.id,
                            "county": county_figure,
                            "total": total,
                        },
                    )
                )
        return IndicatorResult(indicator, milestone, county, own)
    if indicator.kind == "rate" and len(agency_rows) > 1:
        # Rows in file order: the error points at the second row and lists them as read.
        ordered = sorted(agency_rows, key=lambda r: (r.file, r.row))
        several_files = len({r.file for r in ordered}) > 1
        rows_text = ", ".join(f"{r.file}:{r.row}" if several_files else str(r.row) for r in ordered)
        errors.append(
            Problem(
                "LZ243",
                "rate_needs_county_row",
                file=ordered[1].file or report.file,
                line=ordered[1].row,
                column=report.column_of(ordered[1], "agency"),
                params={"indicator": indicator.id, "rows": rows_text},
            )
        )
    value = _sum([f.value for f in own.values()])
    if indicator.kind == "stock" and value is not None:
        _warn_repeated_stock(plan, indicator, report, agency_rows, value, warnings)
    count = _sum([f.count for f in own.values() if f.value is not None])
    if any(f.count is None and f.value for f in own.values() if not f.not_carried_out):
        count = None  # an amount whose deals were not counted (LZ265): the county's is unknown
    county = yardstick.figure(value, count)
    # A sum that some responsible agencies have not reported into yet is not the county's whole
    # figure, and it can only rise as they do: one agency's — does not make the county's work
    # not carried out; a sum of an indicator to raise is not (yet) below the baseline, and one
    # of an indicator to bring down is not (yet) within its milestone, but not reported.
    reported = {r.agency_id for r in agency_rows if r.value is not None}
    complete = set(indicator.agencies) <= reported
    all_nco = bool(agency_rows) and all(isinstance(r.value, NotCarriedOut) for r in agency_rows)
    county.not_carried_out = all_nco and complete
    if not complete and yardstick.increase:
        county.regressed = False
    elif not complete and county.status in ("achieved", "on-track"):
        county.status = "not-reported"
        county.gap_to_milestone = county.gap_to_target = None
    return IndicatorResult(indicator, milestone, county, own)
