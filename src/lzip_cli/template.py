"""The report form agencies fill in: one row per indicator and responsible agency.

A ``shared`` indicator also gets a county-wide row (agency left blank). The form's header is one
that :mod:`lzip_cli.report_reader` reads, so a filled-in form checks with no editing.
"""

from __future__ import annotations

from dataclasses import dataclass

from lzip_cli.messages import Lang, t
from lzip_cli.models import Indicator, Plan
from lzip_cli.numbers import WHOLE_UNITS
from lzip_cli.render.csvout import to_csv
from lzip_cli.render.plan_text import unit_text

COLUMNS = ("year", "indicator", "name", "unit", "agency", "value", "count", "note")
#: Columns the agency must not change (shaded in the workbook).
FIXED = frozenset({0, 1, 2, 3, 4})
YEAR_COLUMN = COLUMNS.index("year")
VALUE_COLUMN, COUNT_COLUMN = COLUMNS.index("value"), COLUMNS.index("count")


@dataclass(frozen=True, slots=True)
class FormRow:
    indicator: Indicator
    agency_id: str | None


def form_rows(plan: Plan, agency_ids: list[str] | None = None) -> list[FormRow]:
    """The form's rows in plan order; with ``agency_ids``, only those agencies' rows."""
    rows = []
    for indicator in plan.indicators:
        if indicator.scope == "shared" and not agency_ids:
            rows.append(FormRow(indicator, None))
        for agency_id in indicator.agencies:
            if not agency_ids or agency_id in agency_ids:
                rows.append(FormRow(indicator, agency_id))
    return rows


#: The file of the county-wide rows among the per-agency forms.
COUNTY_STEM = "county"


def per_agency_rows(
    plan: Plan, agency_ids: list[str] | None = None
) -> list[tuple[str, list[FormRow]]]:
    """One form per agency owning an indicator, as ``(file stem, rows)``, in plan order.

    The county-wide rows of ``shared`` indicators (the blank-agency rows the IP office fills
    in) get a form of their own, :data:`COUNTY_STEM`, unless ``agency_ids`` picks agencies.
    """
    from lzip_cli.output import safe_filename, unique_names

    forms = []
    if not agency_ids:
        county = [FormRow(i, None) for i in plan.indicators if i.scope == "shared"]
        if county:
            forms.append((COUNTY_STEM, county))
    for agency in plan.agencies:
        if agency_ids and agency.id not in agency_ids:
            continue
        rows = form_rows(plan, [agency.id])
        if rows:
            forms.append((agency.id, rows))
    stems = unique_names(safe_filename(stem) for stem, _ in forms)
    return [(stem, rows) for stem, (_, rows) in zip(stems, forms, strict=True)]


def header(lang: Lang) -> list[str]:
    return [t("tpl_col_" + column, lang) for column in COLUMNS]


def cells(plan: Plan, year: int, row: FormRow, lang: Lang) -> list[str]:
    indicator = row.indicator
    name = indicator.label(lang)
    if row.agency_id is None:
        name = t("tpl_county_name", lang, name=name)
    agency = plan.agency(row.agency_id).label(lang) if row.agency_id else ""
    return [str(year), indicator.id, name, unit_text(indicator, lang), agency, "", "", ""]


def form_csv(plan: Plan, year: int, rows: list[FormRow], lang: Lang) -> bytes:
    """The form as CSV, UTF-8 with a BOM so that Excel on Chinese Windows shows the Chinese."""
    text = to_csv(header(lang), [cells(plan, year, row, lang) for row in rows])
    return ("\ufeff" + text).encode("utf-8")


def form_xlsx(plan: Plan, year: int, rows: list[FormRow], lang: Lang) -> bytes:
    """The form as a workbook: frozen header, fixed columns shaded, value cells validated."""
    from lzip_cli.render.xlsx import Sheet, workbook_bytes

    validations = []
    for row in rows:
        indicator = row.indicator
        number = "whole" if indicator.unit in WHOLE_UNITS else "decimal"
        rules = {VALUE_COLUMN: (number, 100.0 if indicator.kind == "rate" else None)}
        if indicator.compound:
            rules[COUNT_COLUMN] = ("whole", None)
        validations.append(rules)
    sheet = Sheet(
        title=str(year),
        header=header(lang),
        rows=[cells(plan, year, row, lang) for row in rows],
        fixed_columns=FIXED,
        numeric_columns=frozenset({YEAR_COLUMN}),  # no "number stored as text" marker
        validations=validations,
        prompt=(t("tpl_col_value", lang), t("tpl_prompt", lang)),
        column_prompts={COUNT_COLUMN: (t("tpl_col_count", lang), t("tpl_prompt_count", lang))},
    )
    return workbook_bytes([sheet], form=True)
