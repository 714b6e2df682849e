"""The plan's own figures as text: an indicator's unit, baseline and target."""

from __future__ import annotations

from lzip_cli.messages import Lang, t
from lzip_cli.models import Indicator
from lzip_cli.numbers import format_number


def unit_text(indicator: Indicator) -> str:
    """``万元/笔`` for a compound indicator, else the unit."""
    return f"{indicator.unit}/{indicator.count_unit}" if indicator.count_unit else indicator.unit


def baseline_text(indicator: Indicator, lang: Lang) -> str:
    if indicator.baseline.not_carried_out:
        return t("not_carried_out_short", lang)
    return format_number(indicator.baseline.number)


def target_text(indicator: Indicator, lang: Lang, *, compact: bool = False) -> str:
    """The target, or "per actual business" (abridged when ``compact``, for narrow columns)."""
    target = indicator.target.number
    if target is None:
        return t("per_actual_tiny" if compact else "per_actual_short", lang)
    return format_number(target)
