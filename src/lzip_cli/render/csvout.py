"""``lzip check --format csv``: one row per agency and indicator, plain numbers, for spreadsheets.

Number columns hold numbers or nothing; what a blank means is in a yes/blank column beside it
(``target_per_actual``: the plan sets no target; ``not_carried_out``: the 0 is "—", 未开展).
``note`` is the agency's own row's note, ``county_note`` the county-wide row's.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) is
prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from lzip_cli.evaluate import AgencyResult, CheckResult
from lzip_cli.messages import Lang
from lzip_cli.numbers import format_number, nonzero_gap

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value``, with text that a spreadsheet would evaluate made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: A figure as the human formats write it: ``1700``, ``16,030``, ``1,030`` (see
#: :func:`lzip_cli.numbers.format_number`), ``16.67``.
SHOWN_NUMBER = re.compile(r"[0-9]{1,3}(?:,?[0-9]{3})*(?:\.[0-9]+)?")


def plain_figure(value: object) -> object:
    """A figure as people read it (``16,030``) as data reads it (``16030``): a CSV cell that
    spreadsheets, csv readers and pandas take for a number. Any other value as it is."""
    if isinstance(value, str) and SHOWN_NUMBER.fullmatch(value):
        return value.replace(",", "")
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()


def _plain(value: float | None) -> str:
    return "" if value is None else format_number(round(value, 4), 4).replace(",", "")


def _gap(value: float | None) -> str:
    """A gap as :func:`_plain` gives it, but a positive one never as 0 (it is a shortfall)."""
    return "" if value is None else format_number(nonzero_gap(value, 4), 4).replace(",", "")


HEADER_KEYS = (
    "year",
    "agency_id",
    "agency",
    "indicator",
    "name",
    "unit",
    "milestone",
    "target",
    "target_per_actual",
    "actual",
    "not_carried_out",
    "count",
    "own",
    "gap_to_milestone",
    "gap_to_target",
    "status",
    "regressed",
    "note",
    "county_note",
    "own_not_carried_out",  # columns are only ever added at the end
    "own_count",
    "shortfall",
)


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> str:
    rows = []
    for agency in agencies:
        plan_agency = result.plan.agency(agency.agency_id)
        for line in agency.lines:
            indicator_result = result.indicator(line.indicator_id)
            indicator = indicator_result.indicator
            target = indicator.target.number
            rows.append(
                [
                    result.year,
                    plan_agency.id,
                    plan_agency.label(lang),
                    indicator.id,
                    indicator.label(lang),
                    indicator.unit_label(lang),
                    _plain(indicator_result.milestone),
                    _plain(target),  # blank when the plan leaves it to actual business
                    "yes" if target is None else "",
                    _plain(line.actual.value),
                    "yes" if line.actual.not_carried_out else "",
                    _plain(line.actual.count),
                    _plain(line.own.value) if line.own else "",
                    _gap(line.actual.gap_to_milestone),
                    _gap(line.actual.gap_to_target),
                    line.actual.status,
                    "yes" if line.actual.regressed else "",
                    result.note(indicator.id, plan_agency.id) or "",
                    # The county-wide row's note (截至2024年12月31日) is on the figure every
                    # agency sharing the indicator is judged by.
                    result.note(indicator.id, None) or "",
                    "yes" if line.own and line.own.not_carried_out else "",
                    _plain(line.own.count) if line.own else "",
                    # What the agency's 欠账 count and the exit code count: behind, not
                    # reported, or its part of a sum tracked as actual not sent.
                    "yes" if line.owed else "",
                ]
            )
    return to_csv(HEADER_KEYS, rows)
