"""Per-agency shortfall lists (督办清单): what each agency still owes, built from a check result.

Pure functions; the formats live in :mod:`lzip_cli.render.shortfall_lists`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lzip_cli.evaluate import AgencyResult, CheckResult, Figure, milestone_for
from lzip_cli.models import Indicator
from lzip_cli.numbers import display_milestone, shown_actual


@dataclass(frozen=True, slots=True)
class Shortfall:
    """One indicator an agency owes, with everything its list shows."""

    indicator: Indicator
    milestone: float | None
    actual: Figure
    own: Figure | None
    others: tuple[str, ...]
    next_year: int | None
    next_milestone: float | None
    #: The agency's note (备注) on its report row of this indicator.
    note: str | None = None
    #: Owed only as the agency's missing part of a sum tracked as actual (see
    #: :attr:`lzip_cli.evaluate.AgencyLine.own_figure_owed`).
    own_figure_owed: bool = False

    @property
    def needed(self) -> float | None:
        """How much the figure must still move to reach the next milestone as it is shown
        (0 when reached): the list's actual figure, as shown, and this add up to the figure it
        asks for (63.34 − 3.33, not 63.34 − 3.329333 rounded up to 60.02 beside 3.33)."""
        if self.next_milestone is None:
            return None
        indicator, value = self.indicator, self.actual.value or 0.0
        increase = indicator.direction == "increase"
        goal = display_milestone(self.next_milestone, indicator.unit, increase)
        shown, _ = shown_actual(
            value,
            indicator.unit,
            increase=increase,
            milestone=self.milestone,
            target=indicator.target.number,
        )
        gap = round(goal - shown if increase else shown - goal, 6)  # 63.34 − 3.33: 60.0100…05
        return max(0.0, gap)


@dataclass(frozen=True, slots=True)
class AgencyShortfalls:
    agency_id: str
    items: tuple[Shortfall, ...]
    indicator_count: int


def next_year(indicator: Indicator, year: int) -> int | None:
    """The year of the next milestone after ``year``; None from the target year on."""
    return year + 1 if year < indicator.target.year else None


def build(result: CheckResult, agencies: list[AgencyResult]) -> list[AgencyShortfalls]:
    """The shortfall list of every agency in ``agencies``, in the plan's order."""
    lists = []
    for agency in agencies:
        items = []
        for line in agency.lines:
            if line.indicator_id not in agency.shortfalls:
                continue
            indicator_result = result.indicator(line.indicator_id)
            indicator = indicator_result.indicator
            upcoming = next_year(indicator, result.year)
            items.append(
                Shortfall(
                    indicator=indicator,
                    milestone=indicator_result.milestone,
                    actual=line.actual,
                    own=line.own,
                    # Under scope "each" every agency answers for its own figure alone.
                    others=()
                    if indicator.scope == "each"
                    else tuple(a for a in indicator.agencies if a != agency.agency_id),
                    next_year=upcoming,
                    next_milestone=None if upcoming is None else milestone_for(indicator, upcoming),
                    note=result.note(indicator.id, agency.agency_id),
                    own_figure_owed=line.own_figure_owed,
                )
            )
        lists.append(AgencyShortfalls(agency.agency_id, tuple(items), len(agency.lines)))
    return lists
