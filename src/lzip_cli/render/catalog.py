"""The plan's catalog (indicators, agencies) as Rich tables or JSON-ready data."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from lzip_cli.messages import Lang, name_list, t
from lzip_cli.models import Indicator, Plan
from lzip_cli.render.plan_text import baseline_text, target_text, unit_text


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """An indicator as it appears in ``lzip indicators --format json``."""
    return indicator.model_dump(mode="json")


def indicators_table(plan: Plan, indicators: list[Indicator], lang: Lang) -> Table:
    table = Table(title=t("indicators_title", lang), show_lines=False)
    for key in (
        "col_id",
        "col_name",
        "col_unit",
        "col_kind",
        "col_baseline",
        "col_target",
        "col_scope",
        "col_agencies",
    ):
        table.add_column(t(key, lang), overflow="fold")
    for indicator in indicators:
        table.add_row(
            indicator.id,
            indicator.label(lang),
            unit_text(indicator),
            t("kind_" + indicator.kind, lang),
            baseline_text(indicator, lang),
            target_text(indicator, lang),
            t("scope_" + indicator.scope, lang),
            name_list((plan.agency(a).label(lang) for a in indicator.agencies), lang),
        )
    return table


def agencies_table(plan: Plan, lang: Lang) -> Table:
    table = Table(title=t("agencies_title", lang))
    for key in ("col_agency_id", "col_agency", "col_aliases", "col_indicators"):
        table.add_column(t(key, lang), overflow="fold")
    for agency in plan.agencies:
        table.add_row(
            agency.id,
            agency.label(lang),
            name_list(agency.aliases, lang),
            " ".join(ind.id for ind in plan.indicators_of(agency.id)) or "—",
        )
    return table


def agency_record(plan: Plan, agency_id: str) -> dict[str, Any]:
    agency = plan.agency(agency_id)
    return {
        **agency.model_dump(mode="json"),
        "indicators": [ind.id for ind in plan.indicators_of(agency.id)],
    }
