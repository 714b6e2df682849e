"""How numbers are shown: whole numbers without decimals, others to two places."""

from __future__ import annotations

import math
from typing import Any

WHOLE_UNITS = frozenset({"起", "个", "件", "次", "篇次", "笔", "家", "项", "人"})

#: From here on a figure is written with thousands separators (``16,030``); below it four digits
#: stay together (``1700``), as is usual in Chinese, unless ``group`` asks for them.
GROUP_FROM = 10000


def format_number(value: float | None, digits: int = 2, *, group: bool = False) -> str:
    """``1700`` for 1700.0, ``16.67`` for 16.666…, ``—`` for None.

    Thousands separators from :data:`GROUP_FROM` on (``16,030``), or on every figure from 1,000
    with ``group`` (``1,030``): the figures of an indicator whose plan reaches 10,000, so that
    its gaps look as its figures do (see :func:`lzip_cli.render.plan_text.grouped`).
    """
    if value is None:
        return "—"
    whole = value == int(value) and abs(value) < 1e15
    shown = int(value) if whole else round(value, digits)
    separator = "," if group or abs(shown) >= GROUP_FROM else ""
    if whole:
        return f"{shown:{separator}}"
    return f"{value:{separator}.{digits}f}".rstrip("0").rstrip(".")


def json_number(value: Any) -> Any:
    """A figure as data formats hold it: whole numbers as integers (1700, not 1700.0), as
    ``check --format json`` writes them; anything else as it is."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def format_full(value: float) -> str:
    """A figure in full with thousands separators, never in exponent form: 1,234,567,890,123
    for 1234567890123.0, 17,000,000,000,000,000,000,000,000,000 for 1.7e28 (the shortest
    decimal that reads back as ``value``, as the file most likely writes it)."""
    from decimal import Decimal

    return f"{Decimal(repr(float(value))).normalize():,f}"


def display_milestone(value: float, unit: str, increase: bool) -> float:
    """A milestone as shown: rounded towards the stricter figure, whole for whole-number units
    and to 0.01 otherwise, so that reaching the figure shown is enough (63.333… shows as 63.34:
    63.33 is behind, and the gap beside it is 0.01)."""
    return _round_to_step(value, 1 if unit in WHOLE_UNITS else 100, up=increase)


def _round_to_step(value: float, steps_per_unit: int, *, up: bool) -> float:
    """``value`` rounded up or down to a multiple of 1 / ``steps_per_unit``."""
    scaled = round(value * steps_per_unit, 6)  # absorbs float noise such as 16.000000000000004
    return (math.ceil(scaled) if up else math.floor(scaled)) / steps_per_unit


def display_gap(value: float, unit: str) -> float:
    """A gap as shown: rounded up to the shown precision (whole units: 1, others: 0.01).

    Up, so that a shortfall never shows as 0 beside its status (63.33 against the milestone
    63.333… is 0.01 short) and reaching the figure shown is enough.
    """
    if value <= 0:
        return 0.0
    step = 1 if unit in WHOLE_UNITS else 100  # steps per unit
    # rounding first absorbs float noise such as 0.10000000000000142, which is 0.1, not 0.11
    return max(1, math.ceil(round(value * step, 6))) / step


#: Absorbs float noise when comparing a figure with an interpolated milestone
#: (16.000000000000004), relative to the milestone: judging and showing use the same.
RELATIVE_TOLERANCE = 1e-9


def display_actual(
    value: float,
    unit: str,
    *,
    increase: bool,
    milestone: float | None,
    target: float | None,
    group: bool = False,
) -> str:
    """A judged figure as shown (:func:`shown_actual`), written out. ``group``: as
    :func:`format_number`'s."""
    shown, digits = shown_actual(value, unit, increase=increase, milestone=milestone, target=target)
    if digits == 2:
        return format_number(shown, group=group)
    text = format_number(shown, digits, group=group)
    return text if text.strip("-0") else format_full(value)  # never 1e-07


def shown_actual(
    value: float,
    unit: str,
    *,
    increase: bool,
    milestone: float | None,
    target: float | None,
) -> tuple[float, int]:
    """A judged figure as shown, and to how many places: to two, but on the same side of the
    milestone and the target as shown (:func:`display_milestone`) as the figure is of the exact
    ones.

    Rounded to nearest, 94.999 against a target of 95 showed as 95 beside "0.01 short"; it is
    rounded away from a mark it falls short of (94.99) and towards one it reaches (63.3333334,
    on track for 63.333…, shows as 63.34, the milestone shown). Where the two marks pull apart,
    the figure is shown to six places; a figure other than 0 is never shown as 0 (0.004 万元).
    """
    marks = []
    if milestone is not None:
        marks.append((milestone, display_milestone(milestone, unit, increase)))
    if target is not None:
        marks.append((target, target))

    def reached(figure: float, mark: float) -> bool:
        slack = RELATIVE_TOLERANCE * max(1.0, abs(mark))
        return figure >= mark - slack if increase else figure <= mark + slack

    shown = round(value, 2)
    for exact, as_shown in marks:
        if reached(value, exact) and not reached(shown, as_shown):
            shown = _round_to_step(value, 100, up=increase)
        elif not reached(value, exact) and reached(shown, as_shown):
            shown = _round_to_step(value, 100, up=not increase)
    if any(reached(value, exact) != reached(shown, as_shown) for exact, as_shown in marks):
        return round(value, 6), 6
    if value and not shown:  # 0.004 万元 reported: not shown as a reported 0
        return value, 6
    return shown, 2


def nonzero_gap(value: float, digits: int) -> float:
    """A data format's gap rounded to ``digits`` places, but a positive one never to 0."""
    rounded = round(value, digits)
    return 10.0**-digits if value > 0 and rounded == 0 else rounded
