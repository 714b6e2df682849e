"""One row below a report's header, read into a :class:`~lzip_cli.report.ReportRow`: the
indicator and agency it names, and its figures, checked cell by cell.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lzip_cli.cells import (
    INVISIBLE,
    CellError,
    CellValue,
    NotCarriedOut,
    ScaledNumber,
    UncomputedFormula,
    fold,
    line_break_or_nothing,
    parse_figure,
    parse_year,
)
from lzip_cli.errors import Problem, ProblemLog
from lzip_cli.messages import Bilingual
from lzip_cli.models import Agency, Indicator, Plan
from lzip_cli.numbers import WHOLE_UNITS, format_full
from lzip_cli.report import ReportRow
from lzip_cli.report_form import (
    MONEY_SCALES,
    header_field,
    is_footer_text,
    is_units_row,
    names_the_county,
    total_label,
)

FIELDS = ("indicator", "agency", "value", "count", "note", "year", "name")


#: A date that Excel made of an indicator id typed into a cell: 4.1 → 2024-04-01, 4月1日.
_DATE_FOR_ID = re.compile(
    r"(?:[0-9]{4}[-/])?(?P<month>[0-9]{1,2})[-/月](?P<day>[0-9]{1,2})日?(?:T00:00:00)?"
)


CELL_CODES = {
    "unknown_indicator": "LZ211",
    "indicator_is_a_date": "LZ211",
    "blank_indicator": "LZ216",
    "unknown_agency_cell": "LZ217",
    "unit_in_agency_column": "LZ217",
    "cell_not_a_number": "LZ218",
    "cell_negative": "LZ219",
    "cell_rate_above_100": "LZ223",
    "cell_too_large": "LZ224",
    "cell_count_whole": "LZ225",
    "count_not_compound": "LZ226",
    "cell_not_a_year": "LZ227",
    "cell_value_whole": "LZ228",
    "cell_formula": "LZ251",
    "indicator_name_mismatch": "LZ262",
    "cell_scaled_format": "LZ269",
    "cell_hidden_format": "LZ269",
    "header_repeated": "LZ270",
    "unit_cell_scale": "LZ271",
}


#: The words a count of deals is written with on the form's 笔数/件数 column.
_COUNT_WORDS = ("笔", "件")


def _figure(text: str, units: tuple[str, ...], *, percent: bool = False) -> CellValue:
    """:func:`parse_figure`, but a formula (``=A1+B1``; also what an uncomputed .xlsx formula
    cell reads as) is refused as such rather than as "not a figure"."""
    if type(text) is ScaledNumber:  # before the cache, which knows the same text unscaled
        key = "cell_hidden_format" if text.hidden else "cell_scaled_format"
        raise CellError(key, format=text.number_format)
    if text.lstrip().startswith("="):
        raise CellError("cell_formula", text=text.strip())
    if text.startswith("'"):  # Excel's mark for "keep as text", left in by some exports
        text = text[1:]
    return _cached_figure(text, units, percent)


@lru_cache(maxsize=1024)
def _cached_figure(text: str, units: tuple[str, ...], percent: bool) -> CellValue:
    """:func:`parse_figure`, remembered by cell text: a report repeats few figures, and rows that
    share one share its float. (A cell that raises is not remembered: it raises again.)"""
    return parse_figure(text, units, percent=percent)


def _units_said(params: dict[str, object], units: tuple[str, ...], english: str | None) -> dict:
    """A cell error's params with the units a figure may carry said per language: the Chinese
    ones, and in English the English unit after them (``件/trademarks``), as written."""
    if "units" not in params:
        return params
    zh = "/".join(dict.fromkeys(unit for unit in units if unit))
    en = "/".join(dict.fromkeys(unit for unit in (*units, english) if unit))
    return {**params, "units": Bilingual(zh, en)}


def _fraction_for_percent(value: CellValue, text: str, indicator: Indicator) -> bool:
    """Whether a rate cell looks like a fraction typed for a percentage: ``0.95`` for 95 %.

    Such a cell is read as 0.95 %. It is only flagged: a decimal up to 1 without a % sign, for a
    rate whose plan figures are on the percent scale (a target of 95, not 0.95).
    """
    if not isinstance(value, float) or not 0 < value <= 1:
        return False
    folded = fold(text)
    if "%" in folded or "." not in folded:
        return False
    figures = (indicator.baseline.value, indicator.target.value, *indicator.milestones.values())
    return any(isinstance(figure, float) and figure > 1 for figure in figures)


def _id_made_a_date(text: str, plan: Plan) -> str | None:
    """The indicator id that Excel turned into the date ``text`` (4.1 → 4月1日), or None."""
    found = _DATE_FOR_ID.fullmatch(fold(text))
    if found is None:
        return None
    candidate = f"{int(found['month'])}.{int(found['day'])}"
    return candidate if plan.find_indicator(candidate) is not None else None


def _cell(cells: list[str], columns: dict[str, int], column: str) -> str:
    index = columns.get(column)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


#: The first group of a number written with thousands separators (1,234): one to three digits.
_LEADING_GROUP = re.compile(r"[+-]?[0-9]{1,3}")


#: A later group: three digits; the last may have decimals and a unit (234.5万元).
_NEXT_GROUP = re.compile(r"[0-9]{3}")


_LAST_GROUP = re.compile(r"(?P<digits>[0-9]{3}(?:\.[0-9]+)?)(?P<unit>.*)")


def thousands_split(
    cells: list[str], value_column: int, units: tuple[str, ...] = ()
) -> dict[str, str] | None:
    """The number ``1,234`` an unquoted CSV split into the value cell and the next ones, or None.

    Excel and WPS quote such numbers when they save CSV; a CSV typed in Notepad does not, and the
    groups after the first land in the count or note column, read as a figure of their own. The
    last group may end in one of ``units`` (``1,234万元``), nothing else (``120人次参训`` is a note).
    """
    following = cells[value_column + 1 : value_column + 4]
    if not following or not following[0][:3].isdigit():  # most rows: the next cell is blank
        return None
    # Excel's keep-as-text mark ('1) is read past, as in any figure (:func:`_figure`).
    leading = unicodedata.normalize("NFKC", cells[value_column]).strip().removeprefix("'")
    if _LEADING_GROUP.fullmatch(leading) is None:
        return None
    groups: list[str] = []
    for cell in following:
        text = unicodedata.normalize("NFKC", cell).strip()
        if _NEXT_GROUP.fullmatch(text):
            groups.append(text)
            continue
        last = _LAST_GROUP.fullmatch(text)
        if last is not None and last["unit"].strip() in ("", *units):
            groups.append(text)
        break
    if not groups:
        return None
    number = ",".join([leading, *groups])
    unit = _LAST_GROUP.fullmatch(groups[-1])["unit"]  # type: ignore[index]
    plain = number.replace(",", "").removesuffix(unit)
    return {"value": leading, "rest": ",".join(groups), "number": number, "plain": plain}


def _trim(text: str) -> str:
    """A name cell without surrounding spaces or the characters that show as nothing
    (zero-width spaces, a stray byte order mark), which text pasted from the web carries."""
    return text.strip() if text.isascii() else text.translate(INVISIBLE).strip()


def agency_cell(text: str) -> str:
    """The agency cell's text to look up: trimmed, and "" for a blank cell or one naming the
    county (合计 / 全县 in the agency column: the county row, as a blank one is)."""
    text = _trim(text)
    return "" if text and names_the_county(text) else text


#: What :attr:`TextsSeen.figures` holds for a cell not read yet (None is a blank cell's figure).
_UNSEEN = object()


class TextsSeen:
    """Cell texts a report's rows have held, for the rows below: each agency cell's
    :func:`agency_cell` and its agency, each value cell's figure as read for an indicator's unit
    and kind, and each note, so that a report's many rows of one note share one string. (A value
    cell that was refused is not remembered: it is read, and refused, again.)"""

    __slots__ = ("agencies", "figures", "notes", "units")

    def __init__(self) -> None:
        self.agencies: dict[str, tuple[str, Agency | None]] = {}
        self.figures: dict[tuple[str, str, str | None, str], CellValue] = {}
        self.notes: dict[str, str] = {}
        #: :func:`unit_mismatch` of each unit cell's text and indicator id.
        self.units: dict[tuple[str, str], str] = {}


def _unit_texts(indicator: Indicator) -> Bilingual:
    """The indicator's unit as its form writes it: ``万元/笔``, ``10k yuan / deals``."""
    zh, en = indicator.unit, indicator.unit_label("en")
    if indicator.count_unit is not None:
        zh, en = f"{zh}/{indicator.count_unit}", f"{en} / {indicator.count_unit_label('en')}"
    return Bilingual(zh, en)


def unit_mismatch(text: str, indicator: Indicator) -> str:
    """How a unit cell of the form (计量单位) compares with the unit ``indicator`` is counted in:
    ``same`` (as the form from ``lzip template`` writes it, in either language, or the amount's
    unit alone), ``scale`` (money in another scale: 元 where the plan counts 万元), or ``other``.
    """
    written = fold(text).casefold()
    texts = _unit_texts(indicator)
    accepted = {indicator.unit, indicator.unit_label("en"), texts.zh, texts.en}
    if written in {fold(unit).casefold() for unit in accepted}:
        return "same"
    amount = written.split("/")[0]
    scale, planned = MONEY_SCALES.get(amount), MONEY_SCALES.get(fold(indicator.unit).casefold())
    if scale is not None and planned is not None and scale != planned:
        return "scale"
    return "other"


def parse_row(
    cells: list[str],
    texts: tuple[str, ...],
    columns: dict[str, int],
    row: int,
    plan: Plan,
    name: str,
    log: ProblemLog,
    year_cells: dict[int, int],
    warnings: list[Problem],
    seen: TextsSeen | None = None,
) -> ReportRow | None:
    """The row read, or None when it holds no figure or a problem (added to ``log``).

    ``seen``: what the report's rows above held, kept for the ones below (one per report).
    """
    if seen is None:
        seen = TextsSeen()

    def problem(column: str, key: str, **params: object) -> None:
        index = columns.get(column)
        log.add(
            Problem(
                CELL_CODES[key],
                key,
                file=name,
                line=row,
                column=index + 1 if index is not None else None,
                params={"text": _cell(cells, columns, column), **params},
            )
        )

    def warn(code: str, key: str, column: str, **params: object) -> None:
        """A warning at this row's cell of ``column``."""
        warnings.append(
            Problem(code, key, file=name, line=row, column=columns[column] + 1, params=params)
        )

    indicator_text, agency_text, value_text, count_text, note_text, year_text, name_text = texts
    indicator_text = _trim(indicator_text)
    indicator = plan.find_indicator(indicator_text) if indicator_text else None
    if indicator is None and is_footer_text(indicator_text, cells):
        return None  # a form's footer: 注：…, 填表人：…, 联系电话：…, in any column
    if indicator is None and is_units_row(cells, plan):
        return None  # the units under a header: ,,万元,笔
    if indicator is None and (total := total_label(cells)) is not None:
        warnings.append(
            Problem(
                "LZ248",
                "total_row",
                file=name,
                line=row,
                column=total[0] + 1,
                params={"text": total[1]},
            )
        )
        return None
    if indicator is None and not value_text.strip() and not count_text.strip():
        return None  # no indicator and no figure (a signature line, a date): nothing reported
    # A formula saved without its result is no text: not an unknown indicator '=A2' (a column
    # filled down), an agency '="县林业局"', a year or a note '=A3&"备注"'. Looked at past the
    # footers (a =TODAY() beside 填表日期); the figures' columns refuse any formula as such, and
    # the unit's is looked at where it is read.
    if UncomputedFormula in map(type, texts):  # a type test per row: a million rows come here
        for column, text in zip(FIELDS, texts, strict=True):
            if type(text) is UncomputedFormula and column not in ("value", "count"):
                problem(column, "cell_formula")
                return None
    if indicator is None:
        if not indicator_text:
            problem("indicator", "blank_indicator")
        elif header_field(indicator_text) in ("indicator", "name"):
            # 指标 again below the rows: two files joined (copy /b a.csv+b.csv), header and all.
            problem("indicator", "header_repeated")
        elif (meant := _id_made_a_date(indicator_text, plan)) is not None:
            problem("indicator", "indicator_is_a_date", id=meant)
        elif log.full or (near := plan.closest_indicator(indicator_text)) is None:
            problem("indicator", "unknown_indicator")
        else:
            problem("indicator", "unknown_indicator", suggestion=f"{near.id} {near.name}")
        return None
    if name_text and (named := plan.find_indicator(name_text.strip())) not in (None, indicator):
        # 4.3 beside the name of 4.1: which of the two the figure is for cannot be told.
        problem(
            "name",
            "indicator_name_mismatch",
            named=named.id,
            indicator=indicator.id,
            indicator_name=Bilingual(indicator.name, indicator.name_en),
        )
        return None
    if (named_agency := seen.agencies.get(agency_text)) is None:
        looked_up = agency_cell(agency_text)
        named_agency = (looked_up, plan.find_agency(looked_up) if looked_up else None)
        seen.agencies[agency_text] = named_agency
    agency_text, agency = named_agency
    agency_id = None
    if agency_text:
        if agency is None:
            if agency_text in (
                indicator.unit,
                indicator.count_unit,
                f"{indicator.unit}/{indicator.count_unit}",
            ):
                problem("agency", "unit_in_agency_column")  # a 单位 column of units of measure
            elif log.full or (nearest := plan.closest_agency(agency_text)) is None:
                problem("agency", "unknown_agency_cell")
            else:
                problem("agency", "unknown_agency_cell", suggestion=nearest.name)
            return None
        agency_id = agency.id
    ok = True
    unit_text = _cell(cells, columns, "unit") if "unit" in columns else ""
    if type(unit_text) is UncomputedFormula:
        problem("unit", "cell_formula")  # not a unit said or left to the plan: unknown
        return None
    unit_text = unit_text.strip()
    if unit_text and (value_text.strip() or count_text.strip()):
        if (verdict := seen.units.get((unit_text, indicator.id))) is None:
            verdict = seen.units[unit_text, indicator.id] = unit_mismatch(unit_text, indicator)
        if verdict == "scale":  # 元 where the plan counts 万元: the figure is 10,000 times off
            problem(
                "unit",
                "unit_cell_scale",
                indicator=indicator.id,
                amount=indicator.units(),
                unit=_unit_texts(indicator),
            )
            ok = False
        elif verdict == "other":
            warn(
                "LZ272",
                "unit_cell_other",
                "unit",
                text=unit_text,
                indicator=indicator.id,
                unit=_unit_texts(indicator),
            )
    # Only the amount's own unit: "3笔" in the value column is a count in the wrong place.
    # 万 alone is how 万元 is often written (850万).
    units = (indicator.unit, "万") if indicator.unit == "万元" else (indicator.unit,)
    # The English unit too, as the English form from `lzip template` shows it (3 cases).
    units_read = (*units, indicator.unit_en) if indicator.unit_en else units
    # A value read before for the same units and kind passed the same checks: only the warning
    # below remains. (An .xlsx ScaledNumber is no plain str: never looked up, always read.)
    figure_key = (value_text, indicator.unit, indicator.unit_en, indicator.kind)
    try:
        if (
            type(value_text) is not str
            or (value := seen.figures.get(figure_key, _UNSEEN)) is _UNSEEN
        ):
            value = _figure(value_text, units_read, percent=indicator.unit == "%")
            if indicator.kind == "rate" and isinstance(value, float) and value > 100:
                raise CellError("cell_rate_above_100")
            if (
                isinstance(value, float)
                and not value.is_integer()
                and indicator.unit in WHOLE_UNITS
            ):
                raise CellError("cell_value_whole")
            if type(value_text) is str:
                seen.figures[figure_key] = value
    except CellError as exc:
        params = _units_said(exc.params, units, indicator.unit_en)
        problem("value", exc.key, expected=indicator.units(), **params)
        value, ok = None, False
    else:
        if indicator.kind == "rate" and _fraction_for_percent(value, value_text, indicator):
            warn(
                "LZ246",
                "rate_as_fraction",
                "value",
                text=value_text.strip(),
                value=format_full(value),
                percent=_percent(value),
            )
    count: CellValue = None
    if count_text.strip():
        if not indicator.compound:
            problem("count", "count_not_compound", indicator=indicator.id, counted=_counted(plan))
            ok = False
        else:
            try:
                # The form's column is 笔数/件数: a count in either word is a count.
                count_units = (indicator.count_unit or "", *_COUNT_WORDS)
                count = _figure(count_text, (*count_units, indicator.count_unit_en or ""))
                if isinstance(count, float) and not count.is_integer():
                    raise CellError("cell_count_whole")
            except CellError as exc:
                params = _units_said(exc.params, count_units, indicator.count_unit_en)
                problem("count", exc.key, expected=indicator.count_units(), **params)
                ok = False
    try:
        year = parse_year(year_text)
    except CellError as exc:
        problem("year", exc.key, **exc.params)
        ok = False
    else:
        if year is not None:
            year_cells.setdefault(year, row)
    if not ok:
        return None
    if value is None and count is not None:  # 3 deals, no amount: judged as not reported
        warn(
            "LZ249",
            "count_without_value",
            "value",
            count=count_text.strip(),
            unit=indicator.units(),
        )
    if (
        count is None
        and value is not None
        and not _nothing_done(value)
        and indicator.compound
        and "count" in columns
    ):  # 120 万元 beside a blank 笔数 on a form that asks for it: its deals unknown
        warn(
            "LZ265",
            # An agency's row: a county-wide row may still give the county's count.
            "value_without_count" if agency_id is None else "value_without_count_agency",
            "count",
            amount=value_text.strip(),
            unit=indicator.units(),
            count_unit=indicator.count_units(),
        )
    if count is not None and value is not None and _nothing_done(value) != _nothing_done(count):
        # "—" beside 2 deals, or 100 万元 in "—" or 0 deals: one of the two is wrong.
        warn(
            "LZ261",
            "amount_count_disagree",
            "count",
            amount=value_text.strip(),
            count=count_text.strip(),
            unit=indicator.units(),
            count_unit=indicator.count_units(),
        )
    note = note_text.strip()
    if note and _CONTROL.search(note):  # most rows have no note: no search
        note = _CONTROL.sub(line_break_or_nothing, note)
    return ReportRow(
        row, indicator.id, agency_id, value, count, seen.notes.setdefault(note, note), name
    )


#: Control characters a note has no use for (tab and line ends excepted): an escape sequence
#: (ESC, or its one-character form CSI, U+009B) would act on the terminal that shows a list,
#: and no workbook cell may hold one.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _percent(value: float) -> str:
    """``value`` × 100 in full, exactly as the cell's digits make it: 7 for 0.07 (not
    7.000000000000001), 99.999999999 for 0.99999999999, 0.00001 for 1e-07."""
    from decimal import Decimal

    return f"{(Decimal(repr(value)) * 100).normalize():f}"


def _counted(plan: Plan) -> Bilingual:
    """The ids of the plan's indicators that take a count (5.1、5.2…), the first six."""
    ids = [indicator.id for indicator in plan.indicators if indicator.compound]
    if not ids:
        return Bilingual("无", "none")
    more = len(ids) > 6
    return Bilingual("、".join(ids[:6]) + "等" * more, ", ".join(ids[:6]) + " …" * more)


def _nothing_done(cell: float | NotCarriedOut) -> bool:
    """Whether an amount or a count says nothing was done: "—" (not carried out) or 0."""
    return isinstance(cell, NotCarriedOut) or cell == 0
