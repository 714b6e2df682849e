"""``lzip check --format json``: the stable, documented contract other tools build on.

Numbers are numbers, missing figures are ``null``; a "not carried out" baseline is ``0`` with
``baseline_not_carried_out: true``; a target the plan leaves to actual business is ``null`` with
``target_per_actual: true``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, TextIO

from lzip_cli.evaluate import AgencyResult, CheckResult, Figure, IndicatorResult
from lzip_cli.messages import Lang
from lzip_cli.models import Plan
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


_BOOL = ("false", "true")
_NULL = "null"
_FIGURE_KEYS = (
    "actual",
    "not_carried_out",
    "gap_to_milestone",
    "gap_to_target",
    "status",
    "regressed",
)
_COMPOUND_FIGURE_KEYS = (
    "actual",
    "not_carried_out",
    "count",
    "gap_to_milestone",
    "gap_to_target",
    "status",
    "regressed",
)
#: The keys of an ``each`` indicator's agency records and of a shared one's contributions.
_PER_AGENCY_KEYS = ("id", *_FIGURE_KEYS, "note")
_COMPOUND_PER_AGENCY_KEYS = ("id", *_COMPOUND_FIGURE_KEYS, "note")
_CONTRIBUTION_KEYS = ("id", "actual", "not_carried_out", "note")
_COMPOUND_CONTRIBUTION_KEYS = ("id", "actual", "not_carried_out", "count", "note")
#: The keys of a row of an agency's table: the figure, then the agency's own.
_ROW_KEYS = ("indicator", *_FIGURE_KEYS, "own", "own_not_carried_out", "note")
_COMPOUND_ROW_KEYS = (
    "indicator",
    *_COMPOUND_FIGURE_KEYS,
    "own",
    "own_not_carried_out",
    "own_count",
    "note",
)
#: The own figure's texts on the row of an agency that reported none.
_NO_OWN = (_NULL, "false")
_NO_OWN_COMPOUND = (_NULL, "false", _NULL)


class _Remembered(dict[Any, str]):
    """Texts by value, each worked out by ``make`` on first need: ``texts[value]``."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        text = self[key] = self.make(key)
        return text


class _Texts:
    """JSON text of the values a check writes a million times, remembered.

    A report repeats few figures: their text as :func:`_num` and :func:`_gap` give it is worked
    out once per distinct value, a status or an id once per distinct string, and a judged
    figure's texts once per figure (a shared indicator's is on each responsible agency's row).
    """

    def __init__(self, plan: Plan) -> None:
        self.numbers = _Remembered(lambda value: jsonstream.scalar_text(_num(value)))
        self.gaps = _Remembered(lambda value: jsonstream.scalar_text(_gap(value)))
        self.strings = _Remembered(jsonstream.scalar_text)  # ids and statuses
        self.notes = _Remembered(jsonstream.scalar_text)  # few: most rows have none (None)
        self.compound = frozenset(i.id for i in plan.indicators if i.compound)
        self._figures: dict[int, tuple[str, ...]] = {}  # by id(): figures live as long as this

    def figure(self, figure: Figure, compound: bool) -> tuple[str, ...]:
        """The texts of :data:`_FIGURE_KEYS` (:data:`_COMPOUND_FIGURE_KEYS`) for ``figure``."""
        texts = self._figures.get(id(figure))
        if texts is not None:
            return texts
        numbers, gaps = self.numbers, self.gaps
        texts = (
            numbers[figure.value],
            _BOOL[figure.not_carried_out],
            *((numbers[figure.count],) if compound else ()),
            gaps[figure.gap_to_milestone],
            gaps[figure.gap_to_target],
            self.strings[figure.status],
            _BOOL[figure.regressed],
        )
        self._figures[id(figure)] = texts
        return texts


def indicator_record(
    result: IndicatorResult, check: CheckResult, texts: _Texts | None = None
) -> dict[str, Any]:
    texts = texts or _Texts(check.plan)
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
    compound = indicator.compound
    if compound:
        record["count_unit"] = indicator.count_unit
        record["count_unit_en"] = indicator.count_unit_label("en")
    record.update(_figure(result.county, compound))
    record["note"] = note(indicator.id, None)
    table = jsonstream.Table()
    # The rows list's own append (Table.append's work without its call): a million records.
    append, strings, numbers, notes = table.rows.append, texts.strings, texts.numbers, texts.notes
    note_of, indicator_id = check.notes.get, indicator.id
    if indicator.scope == "each":
        record["actual"] = None
        keys = _COMPOUND_PER_AGENCY_KEYS if compound else _PER_AGENCY_KEYS
        for agency_id, figure in result.per_agency.items():
            append(
                (
                    keys,
                    (
                        strings[agency_id],
                        *texts.figure(figure, compound),
                        notes[note_of((indicator_id, agency_id))],
                    ),
                )
            )
        record["agencies"] = table
    else:
        for agency_id, figure in result.own.items():
            if compound:
                append(
                    (
                        _COMPOUND_CONTRIBUTION_KEYS,
                        (
                            strings[agency_id],
                            numbers[figure.value],
                            _BOOL[figure.not_carried_out],
                            numbers[figure.count],
                            notes[note_of((indicator_id, agency_id))],
                        ),
                    )
                )
            else:
                append(
                    (
                        _CONTRIBUTION_KEYS,
                        (
                            strings[agency_id],
                            numbers[figure.value],
                            _BOOL[figure.not_carried_out],
                            notes[note_of((indicator_id, agency_id))],
                        ),
                    )
                )
        record["contributions"] = table
    return record


def agency_record(
    result: CheckResult, agency: AgencyResult, lang: Lang, texts: _Texts | None = None
) -> dict[str, Any]:
    texts = texts or _Texts(result.plan)
    plan_agency = result.plan.agency(agency.agency_id)
    rows = jsonstream.Table()
    append, strings, numbers, figure = rows.rows.append, texts.strings, texts.numbers, texts.figure
    notes = texts.notes
    compound_ids = texts.compound
    note_of = result.notes.get
    agency_id = agency.agency_id
    # Each row as the texts of its values, in the key order of the figure and the own figure's
    # keys after it: a million rows come here.
    for line in agency.lines:
        indicator_id = line.indicator_id
        own = line.own
        note = notes[note_of((indicator_id, agency_id))]
        if indicator_id in compound_ids:
            own_texts = (
                (numbers[own.value], _BOOL[own.not_carried_out], numbers[own.count])
                if own
                else _NO_OWN_COMPOUND
            )
            keys = _COMPOUND_ROW_KEYS
            actual = figure(line.actual, True)
        else:
            own_texts = (numbers[own.value], _BOOL[own.not_carried_out]) if own else _NO_OWN
            keys = _ROW_KEYS
            actual = figure(line.actual, False)
        append((keys, (strings[indicator_id], *actual, *own_texts, note)))
    return {
        "id": plan_agency.id,
        "name": plan_agency.name,
        "name_en": plan_agency.name_en,
        "rows": rows,
        "shortfalls": agency.shortfalls,
    }


def document(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> dict[str, Any]:
    """The whole JSON document for :func:`jsonstream.dump`: its long lists as generators, its
    tables of records as :class:`jsonstream.Table`."""
    texts = _Texts(result.plan)
    return {
        "schema_version": SCHEMA_VERSION,
        "year": result.year,
        "plan": {"title": result.plan.info.title, "document": result.plan.info.document},
        "summary": result.summary(),
        "indicators": (indicator_record(r, result, texts) for r in result.indicators),
        "agencies": (agency_record(result, agency, lang, texts) for agency in agencies),
        "warnings": (
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
    jsonstream.dump(document(result, agencies, lang), out.write)
    out.write("\n")


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> str:
    """``json.dumps(document(...), ensure_ascii=False, indent=2)`` and a newline."""
    buffer = io.StringIO()
    write(result, agencies, lang, buffer)
    return buffer.getvalue()
