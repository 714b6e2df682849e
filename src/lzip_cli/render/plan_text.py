"""The plan's own figures as text: an indicator's unit, baseline and target."""

from __future__ import annotations

from lzip_cli.messages import Lang, t
from lzip_cli.models import Indicator
from lzip_cli.numbers import GROUP_FROM, format_number


def unit_text(indicator: Indicator, lang: Lang) -> str:
    """The unit in ``lang``; for a compound indicator the amount's and the count's, as its
    figures are written (``850 / 3``): ``万元/笔``, ``10k yuan / deals``."""
    unit, count_unit = indicator.unit_label(lang), indicator.count_unit_label(lang)
    if count_unit is None:
        return unit
    return f"{unit}/{count_unit}" if lang == "zh" else f"{unit} / {count_unit}"


def grouped(indicator: Indicator) -> bool:
    """Whether every figure of ``indicator`` a person reads is written with thousands separators,
    from 1,000 on: when the plan's own figures for it (baseline, target, milestones) reach
    10,000. A gap of 1,030 then looks as the figures of 16,030 and 17,000 beside it do; the
    indicators of smaller figures keep four digits together (1700), as is usual in Chinese."""
    figures = (indicator.baseline.number, indicator.target.number, *indicator.milestones.values())
    return any(figure is not None and abs(figure) >= GROUP_FROM for figure in figures)


def baseline_text(indicator: Indicator, lang: Lang) -> str:
    if indicator.baseline.not_carried_out:
        return t("not_carried_out_short", lang)
    return format_number(indicator.baseline.number, group=grouped(indicator))


def target_text(indicator: Indicator, lang: Lang, *, compact: bool = False) -> str:
    """The target, or "per actual business" (abridged when ``compact``, for narrow columns)."""
    target = indicator.target.number
    if target is None:
        return t("per_actual_tiny" if compact else "per_actual_short", lang)
    return format_number(target, group=grouped(indicator))
