"""``lzip check --format json``: the stable, documented contract other tools build on.

Numbers are numbers, missing figures are ``null``; a "not carried out" baseline is ``0`` with
``baseline_not_carried_out: true``; a target the plan leaves to actual business is ``null`` with
``target_per_actual: true``.
"""

from __future__ import annotations

import io
from typing import Any, TextIO

from lzip_cli.evaluate import AgencyResult, CheckResult, Figure, IndicatorResult
from lzip_cli.messages import Lang
from lzip_cli.render import jsonstream
from lzip_cli.render.problems import message

SCHEMA_VERSION = 1


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    if value.is_integer():  # most figures: rounding to 6 places would return them unchanged
        return int(value)
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded


def _gap(value: float | None) -> float | int | None:
    """A gap as :func:`_num` gives it, but a positive one never as 0 (it is a shortfall)."""
    if value is None or value.is_integer():
        return _num(value)
    rounded = round(value, 6)
    if rounded == 0:
        return 0.000001
    return int(rounded) if rounded.is_integer() else rounded


def _figure(figure: Figure, compound: bool) -> dict[str, Any]:
    # Two literals rather than a dict built up key by key: a million agency rows come here.
    if compound:
        return {
            "actual": _num(figure.value),
            "not_carried_out": figure.not_carried_out,
            "count": _num(figure.count),
            "gap_to_milestone": _gap(figure.gap_to_milestone),
            "gap_to_target": _gap(figure.gap_to_target),
            "status": figure.status,
            "regressed": figure.regressed,
        }
    return {
        "actual": _num(figure.value),
        "not_carried_out": figure.not_carried_out,
        "gap_to_milestone": _gap(figure.gap_to_milestone),
        "gap_to_target": _gap(figure.gap_to_target),
        "status": figure.status,
        "regressed": figure.regressed,
    }


def indicator_record(result: IndicatorResult, check: CheckResult) -> dict[str, Any]:
    indicator = result.indicator
    note = check.note
    record: dict[str, Any] = {
        "id": indicator.id,
        "name": indicator.name,
        "name_en": indicator.name_en,
        "unit": indicator.unit,
        "unit_en": indicator.unit_label("en"),
        "scope": indicator.scope,
        "direction": indicator.direction,
        "baseline": _num(indicator.baseline.number),
        "baseline_not_carried_out": indicator.baseline.not_carried_out,
        "milestone": _num(result.milestone),
        "target": _num(indicator.target.number),
        "target_per_actual": indicator.tracked_only,
    }
    if indicator.compound:
        record["count_unit"] = indicator.count_unit
        record["count_unit_en"] = indicator.count_unit_label("en")
    record.update(_figure(result.county, indicator.compound))
    record["note"] = note(indicator.id, None)
    if indicator.scope == "each":
        record["actual"] = None
        record["agencies"] = [
            {
                "id": agency_id,
                **_figure(figure, indicator.compound),
                "note": note(indicator.id, agency_id),
            }
            for agency_id, figure in result.per_agency.items()
        ]
    else:
        record["contributions"] = [
            {
                "id": agency_id,
                "actual": _num(figure.value),
                "not_carried_out": figure.not_carried_out,
                **({"count": _num(figure.count)} if indicator.compound else {}),
                "note": note(indicator.id, agency_id),
            }
            for agency_id, figure in result.own.items()
        ]
    return record


def agency_record(result: CheckResult, agency: AgencyResult, lang: Lang) -> dict[str, Any]:
    plan_agency = result.plan.agency(agency.agency_id)
    rows = jsonstream.Records()
    append = rows.append
    indicator_of = result.plan.indicator
    notes = result.notes
    agency_id = agency.agency_id
    # One literal per row, in the key order of ``_figure`` and the own figure's keys after it:
    # a million rows come here, and building a dict by unpacking and updating one costs more.
    for line in agency.lines:
        indicator_id = line.indicator_id
        actual = line.actual
        own = line.own
        if indicator_of(indicator_id).compound:
            append(
                {
                    "indicator": indicator_id,
                    "actual": _num(actual.value),
                    "not_carried_out": actual.not_carried_out,
                    "count": _num(actual.count),
                    "gap_to_milestone": _gap(actual.gap_to_milestone),
                    "gap_to_target": _gap(actual.gap_to_target),
                    "status": actual.status,
                    "regressed": actual.regressed,
                    "own": _num(own.value) if own else None,
                    "own_not_carried_out": bool(own and own.not_carried_out),
                    "own_count": _num(own.count) if own else None,
                    "note": notes.get((indicator_id, agency_id)),
                }
            )
        else:
            append(
                {
                    "indicator": indicator_id,
                    "actual": _num(actual.value),
                    "not_carried_out": actual.not_carried_out,
                    "gap_to_milestone": _gap(actual.gap_to_milestone),
                    "gap_to_target": _gap(actual.gap_to_target),
                    "status": actual.status,
                    "regressed": actual.regressed,
                    "own": _num(own.value) if own else None,
                    "own_not_carried_out": bool(own and own.not_carried_out),
                    "note": notes.get((indicator_id, agency_id)),
                }
            )
    return {
        "id": plan_agency.id,
        "name": plan_agency.name,
        "name_en": plan_agency.name_en,
        "rows": rows,
        "shortfalls": agency.shortfalls,
    }


def document(
    result: CheckResult, agencies: list[AgencyResult], lang: Lang, *, lazy: bool = False
) -> dict[str, Any]:
    """The whole JSON document as Python data; ``lazy``: its long lists as generators."""
    collect: Any = iter if lazy else list
    return {
        "schema_version": SCHEMA_VERSION,
        "year": result.year,
        "plan": {"title": result.plan.info.title, "document": result.plan.info.document},
        "summary": result.summary(),
        "indicators": collect(indicator_record(r, result) for r in result.indicators),
        "agencies": collect(agency_record(result, agency, lang) for agency in agencies),
        "warnings": collect(
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "code": p.code,
                "message": message(p, lang),
            }
            for p in result.warnings
        ),
    }


def write(result: CheckResult, agencies: list[AgencyResult], lang: Lang, out: TextIO) -> None:
    """Write :func:`render`'s text to ``out`` record by record, never holding all of it."""
    jsonstream.dump(document(result, agencies, lang, lazy=True), out.write)
    out.write("\n")


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> str:
    """``json.dumps(document(...), ensure_ascii=False, indent=2)`` and a newline."""
    buffer = io.StringIO()
    write(result, agencies, lang, buffer)
    return buffer.getvalue()
