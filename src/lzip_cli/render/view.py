"""Display values shared by every human-readable format: cells as strings, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from lzip_cli.evaluate import AgencyLine, CheckResult, Figure, IndicatorResult
from lzip_cli.messages import Lang, t
from lzip_cli.models import Indicator
from lzip_cli.numbers import display_actual, display_gap, display_milestone, format_number
from lzip_cli.render.plan_text import baseline_text, grouped, target_text, unit_text

#: Column keys of an agency's table, in display order.
COLUMNS = (
    "id",
    "name",
    "unit",
    "baseline",
    "milestone",
    "target",
    "actual",
    "own",
    "gap_to_milestone",
    "gap_to_target",
    "progress",
    "status",
)


def amount_text(
    figure: Figure | None,
    indicator: Indicator,
    lang: Lang,
    *,
    judged: bool = False,
    milestone: float | None = None,
) -> str:
    """A figure's value without its count: in words when not reported or not carried out.

    The ``judged`` figure, shown beside ``milestone`` and the target, is rounded to the side of
    them it is on (:func:`display_actual`); an agency's own part of a county figure to nearest
    (:func:`own_is_judged` says which).
    """
    if figure is None or figure.value is None:
        return t("not_reported_short", lang)
    if figure.not_carried_out:  # in a report "—" means "not carried out"
        return t("not_carried_out_short", lang)
    if not judged:
        return format_number(figure.value, group=grouped(indicator))
    return display_actual(
        figure.value,
        indicator.unit,
        increase=indicator.direction == "increase",
        milestone=milestone,
        target=indicator.target.number,
        group=grouped(indicator),
    )


def own_is_judged(own: Figure | None, actual: Figure, indicator: Indicator) -> bool:
    """Whether an agency's own figure is shown as the judged one is (:func:`display_actual`):
    under ``each`` it is the one judged, and where it is the whole county figure (the only part
    of a sum) it must not read 95 beside the judged 94.99; another part is rounded to nearest."""
    if indicator.scope == "each":
        return True
    return own is not None and own.value is not None and own.value == actual.value


def figure_text(
    figure: Figure | None,
    indicator: Indicator,
    lang: Lang,
    *,
    judged: bool = False,
    milestone: float | None = None,
) -> str:
    """A figure as :func:`amount_text` says it, with its count for compound indicators
    (``850 / 3``, ``未填报 / 3``)."""
    text = amount_text(figure, indicator, lang, judged=judged, milestone=milestone)
    if figure is not None and indicator.compound and figure.count is not None:
        text = f"{text} / {format_number(figure.count)}"
    return text


def milestone_text(result: IndicatorResult, lang: Lang) -> str:
    indicator = result.indicator
    if result.milestone is None:
        return "—"
    shown = display_milestone(result.milestone, indicator.unit, indicator.direction == "increase")
    return format_number(shown, group=grouped(indicator))


def gap_text(value: float | None, indicator: Indicator) -> str:
    if value is None:
        return ""
    return format_number(display_gap(value, indicator.unit), group=grouped(indicator))


def completion(figure: Figure, indicator: Indicator) -> float | None:
    """Share of the target reached, 0–1; None when the plan sets no numeric target, or the
    figure is not (wholly) reported: a sum lacking some agencies' parts is no share of it."""
    target = indicator.target.number
    if target is None or figure.value is None or figure.status == "not-reported":
        return None
    if figure.status == "achieved":  # judged with the tolerance the status is
        return 1.0
    if indicator.direction == "increase":
        return 1.0 if target <= 0 else max(0.0, min(1.0, figure.value / target))
    return 1.0 if figure.value <= target else max(0.0, min(1.0, target / figure.value))


def progress_text(share: float | None, width: int = 8) -> str:
    """A bar of ``width`` cells and the share in whole percent, rounded to the nearest, but
    full and 100 % only once the target is reached: 1,699 of 1,700 is 99 %, 16 of 18 is 89 %."""
    if share is None:
        return ""
    if share >= 1:
        filled, percent = width, 100
    else:
        filled = min(width - 1, round(share * width))
        percent = min(99, round(share * 100))
    return "█" * filled + "░" * (width - filled) + f" {percent}%"


def status_text(
    figure: Figure, lang: Lang, indicator: Indicator, *, own_figure_owed: bool = False
) -> str:
    """The status, and whether the figure is worse than the baseline: 低于 (below) it for an
    indicator that must rise, 高于 (above) it for one that must come down. ``own_figure_owed``:
    the agency's part of a sum tracked as actual is missing (see
    :attr:`AgencyLine.own_figure_owed`), what makes such a line a shortfall, said instead."""
    # What is owed, rather than 仅跟踪 (tracked), which the target column (按实际) says already.
    text = t("status_own_figure_missing" if own_figure_owed else "status_" + figure.status, lang)
    if figure.regressed:
        key = "regressed" if indicator.direction == "increase" else "regressed_decrease"
        text += " · " + t(key, lang)
    return text


@dataclass(frozen=True, slots=True)
class LineView:
    """One agency-table line as display strings keyed by :data:`COLUMNS`."""

    cells: dict[str, str]
    status: str
    regressed: bool
    #: The line is owed as the agency's missing part of a sum tracked as actual.
    own_figure_owed: bool = False


def line_view(result: CheckResult, line: AgencyLine, lang: Lang) -> LineView:
    indicator_result = result.indicator(line.indicator_id)
    indicator = indicator_result.indicator
    cells = {
        "id": indicator.id,
        "name": indicator.label(lang),
        "unit": unit_text(indicator, lang),
        "baseline": baseline_text(indicator, lang),
        "milestone": milestone_text(indicator_result, lang),
        "target": target_text(indicator, lang, compact=True),
        "actual": figure_text(
            line.actual, indicator, lang, judged=True, milestone=indicator_result.milestone
        ),
        "own": figure_text(
            line.own,
            indicator,
            lang,
            judged=own_is_judged(line.own, line.actual, indicator),
            milestone=indicator_result.milestone,
        ),
        "gap_to_milestone": gap_text(line.actual.gap_to_milestone, indicator),
        "gap_to_target": gap_text(line.actual.gap_to_target, indicator),
        "progress": progress_text(completion(line.actual, indicator)),
        "status": status_text(line.actual, lang, indicator, own_figure_owed=line.own_figure_owed),
    }
    return LineView(cells, line.actual.status, line.actual.regressed, line.own_figure_owed)


def column_title(column: str, year: int, lang: Lang) -> str:
    key = {
        "id": "col_id",
        "name": "col_name",
        "unit": "col_unit",
        "baseline": "col_baseline",
        "milestone": "col_milestone",
        "target": "col_target",
        "actual": "col_actual",
        "own": "col_own",
        "gap_to_milestone": "col_gap_milestone",
        "gap_to_target": "col_gap_target",
        "progress": "col_progress",
        "status": "col_status",
    }[column]
    return t(key, lang, year=year)


def summary_text(result: CheckResult, lang: Lang) -> str:
    parts = [f"{t('status_' + status, lang)} {count}" for status, count in result.summary().items()]
    return "，".join(parts) if lang == "zh" else ", ".join(parts)


def title_text(result: CheckResult, lang: Lang) -> str:
    info = result.plan.info
    return t(
        "check_title", lang, title=info.title if lang == "zh" else info.title_en, year=result.year
    )
