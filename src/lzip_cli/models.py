"""Pydantic models of the plan: agencies, agency groups and quantitative indicators.

The models check the shape and type of every field. Rules that relate several fields or both
files (unique ids, references, directions, ranges) live in :mod:`lzip_cli.rules`, so that every
broken entry is reported with its own location in one run.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lzip_cli.cells import INVISIBLE
from lzip_cli.messages import LANGS, Bilingual, t

NOT_CARRIED_OUT = "not-carried-out"
PER_ACTUAL = "per-actual"

Kind = Literal["flow", "stock", "rate"]
Direction = Literal["increase", "decrease"]
Scope = Literal["shared", "each"]

AGENCY_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
#: Without leading zeros: report forms write 1.2, so 01.2 or 1.02 beside it would be one indicator.
INDICATOR_ID_PATTERN = r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$"
AgencyId = Annotated[str, Field(pattern=AGENCY_ID_PATTERN, max_length=64)]
IndicatorId = Annotated[str, Field(pattern=INDICATOR_ID_PATTERN, max_length=16)]
#: Characters a plan's text never needs: control characters (a bell, an escape; not the tab
#: or line break of a note) and format characters that change how a text shows or compares
#: without showing themselves (U+202E reverses it, U+200B hides inside it).
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff]"
)


def _refuse_character(value: str, pattern: re.Pattern[str], error: str, message: str) -> str:
    """``value``, unless ``pattern`` finds a character in it: then ``error``, naming it."""
    if found := pattern.search(value):
        raise PydanticCustomError(error, message, {"char": f"U+{ord(found[0]):04X}"})
    return value


def _readable(value: str) -> str:
    """``value``, unless it is only spaces or holds a character in :data:`_UNPRINTABLE`."""
    if not value.strip():  # str.strip() takes the full-width space too
        raise PydanticCustomError("blank_text", "must not be blank")
    return _refuse_character(
        value, _UNPRINTABLE, "unprintable_character", "holds the invisible character {char}"
    )


#: A tab or a line break: what a name copied out of a spreadsheet cell brings along.
_LINE_BREAK = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")


def _one_line(value: str) -> str:
    """``value``, unless it holds a tab or a line break (a name, an alias, a unit or a title
    is looked up and printed on one line; a note may hold both)."""
    return _refuse_character(
        value, _LINE_BREAK, "line_break_in_name", "holds a tab or a line break ({char})"
    )


Text = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_readable)]
#: A name, an alias or a title: readable text on one line.
Name = Annotated[Text, AfterValidator(_one_line)]
Unit = Annotated[
    str, Field(min_length=1, max_length=16), AfterValidator(_readable), AfterValidator(_one_line)
]
#: English units are words (``10k yuan``, ``trademarks``): they get more room than 件.
UnitEn = Annotated[
    str, Field(min_length=1, max_length=32), AfterValidator(_readable), AfterValidator(_one_line)
]
Year = Annotated[int, Field(ge=1900, le=2200)]


#: An id before the name, as lzip's own table prints it: 4.3有效注册商标拥有量, (4.3), 4.3、…
_ID_BEFORE_NAME = re.compile(r"\(?(?P<id>[0-9]+\.[0-9]+)")
#: What follows the id: a closing bracket or a separator, and the name.
_AFTER_ID = re.compile(r"\)?[.、:]?(?P<rest>.*)")


def _id_and_name(key: str, index: dict[str, Indicator]) -> Indicator | None:
    """The indicator a normalised text names by its id and name together, or with its unit
    written out (有效注册商标拥有量（单位：件）), or as ``lzip template`` names its county row
    (…（全县合计，责任单位留空）); None if the two disagree."""
    key = key.replace("(单位:", "(")
    if key in index:
        return index[key]
    for suffix in _county_row_suffixes():
        if key.endswith(suffix) and key[: -len(suffix)] in index:
            return index[key[: -len(suffix)]]
    found = _ID_BEFORE_NAME.match(key)
    if found is None:
        return None
    # The spaces are folded away: 4.2 10年以上… reads 4.210年…, so the id may end before its
    # digits do. The longest id the plan knows whose name follows it is the one.
    digits, start = found["id"], found.start("id")
    for end in range(len(digits), digits.index(".") + 1, -1):
        by_id = index.get(digits[:end])
        if by_id is None:
            continue
        rest = _AFTER_ID.fullmatch(key, start + end)["rest"]  # type: ignore[index]
        if not rest or index.get(rest) is by_id:
            return by_id
    return None


@functools.cache
def _county_row_suffixes() -> tuple[str, ...]:
    """What ``lzip template`` adds to an indicator's name on its county-wide row, normalised."""
    return tuple(normalize_text(t("tpl_county_name", lang, name="")) for lang in LANGS)


def normalize_text(text: str) -> str:
    """Fold full-width forms and spacing so that names typed in Excel or WPS compare equal."""
    if text.isascii():  # NFKC leaves ASCII unchanged
        return "".join(text.split()).casefold()
    return "".join(unicodedata.normalize("NFKC", text).translate(INVISIBLE).split()).casefold()


#: One set per combination of fields a file gave, shared by the models that gave it.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @model_validator(mode="after")
    def _share_fields_set(self) -> Self:
        # Every instance keeps the set of field names it was given (`model_fields_set`), 200 to
        # 700 bytes each: at 100,000 indicators, 300,000 equal sets took 115 of the models' 252
        # MB. The models are frozen, and pydantic copies the set before changing it (model_copy),
        # so sharing one is safe.
        given = self.__pydantic_fields_set__
        object.__setattr__(
            self, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(frozenset(given), given)
        )
        return self


def _number(value: Any, word: str, error_type: str) -> float | str:
    if value == word:
        return word
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError(error_type, "must be a number or '{word}'", {"word": word})
    try:  # an integer too large for a float (10**400) is no more usable than .inf
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        raise PydanticCustomError("finite_number", "must be a finite number")
    return float(value)


class Baseline(_Strict):
    """The figure of the plan's base year; ``not-carried-out`` is the plan's "—"."""

    year: Year
    value: float | Literal["not-carried-out"]

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any) -> float | str:
        return _number(value, NOT_CARRIED_OUT, "baseline_value")

    @property
    def not_carried_out(self) -> bool:
        return self.value == NOT_CARRIED_OUT

    @property
    def number(self) -> float:
        """The baseline as a number: "not carried out" counts as 0."""
        return 0.0 if isinstance(self.value, str) else self.value


class Target(_Strict):
    """The figure of the plan's final year; ``per-actual`` is 以实际业务开展为准."""

    year: Year
    value: float | Literal["per-actual"]

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any) -> float | str:
        return _number(value, PER_ACTUAL, "target_value")

    @property
    def number(self) -> float | None:
        """The target as a number, or None when the plan sets none."""
        return None if isinstance(self.value, str) else self.value


#: One baseline or target per distinct (kind, year, value), shared by the indicators that set it.
_FIGURES: dict[tuple[type, int, float | str], Baseline | Target] = {}


class Indicator(_Strict):
    """One row of the plan's 量化指标 table."""

    id: IndicatorId
    group: Annotated[int, Field(ge=1)]
    name: Name
    name_en: Name
    unit: Unit
    unit_en: UnitEn | None = None
    count_unit: Unit | None = None
    count_unit_en: UnitEn | None = None
    kind: Kind
    direction: Direction
    baseline: Baseline
    target: Target
    agencies: Annotated[list[AgencyId], Field(min_length=1)]
    scope: Scope
    #: Each figure is checked on its own (a problem at each bad one, naming its year).
    milestones: dict[Year, Annotated[float, Field(allow_inf_nan=False)]] = Field(
        default_factory=dict
    )
    note: Text | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _quoted_id(cls, value: Any) -> Any:
        # Unquoted, `id: 4.3` is a YAML float; say so instead of a bare "must be text".
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise PydanticCustomError("quoted_id", "must be quoted", {"value": str(value)})
        return value

    @model_validator(mode="after")
    def _share_figures(self) -> Self:
        # Most indicators of a large plan share a baseline (2022, 100) and a target: one frozen
        # instance each instead of one per indicator (~60 MB at 100,000 indicators).
        for field_name in ("baseline", "target"):
            figure = getattr(self, field_name)
            key = (type(figure), figure.year, figure.value)
            object.__setattr__(self, field_name, _FIGURES.setdefault(key, figure))
        return self

    @property
    def compound(self) -> bool:
        """Whether a figure is an amount together with a count (the financing indicators)."""
        return self.count_unit is not None

    @property
    def tracked_only(self) -> bool:
        return self.target.number is None

    def label(self, lang: str) -> str:
        return self.name if lang == "zh" else self.name_en

    def unit_label(self, lang: str) -> str:
        """The unit in ``lang``: ``万元`` or ``10k yuan``; the Chinese one where the plan gives
        no English one."""
        return self.unit if lang == "zh" else self.unit_en or self.unit

    def count_unit_label(self, lang: str) -> str | None:
        """The count unit in ``lang`` (``笔`` or ``deals``), as :meth:`unit_label`; None if the
        indicator takes no count."""
        if self.count_unit is None:
            return None
        return self.count_unit if lang == "zh" else self.count_unit_en or self.count_unit

    def units(self) -> Bilingual:
        """Its unit in both languages, for a message param."""
        return Bilingual(self.unit, self.unit_label("en"))

    def count_units(self) -> Bilingual | None:
        """Its count unit in both languages, for a message param; None if it takes no count."""
        if self.count_unit is None:
            return None
        return Bilingual(self.count_unit, self.count_unit_label("en") or self.count_unit)


class Agency(_Strict):
    """A unit the plan names as responsible (责任单位)."""

    id: AgencyId
    name: Name
    name_en: Name
    aliases: list[Name] = Field(default_factory=list)
    note: Text | None = None

    def label(self, lang: str) -> str:
        return self.name if lang == "zh" else self.name_en

    def names(self) -> Bilingual:
        """Its name in both languages, for a message param."""
        return Bilingual(self.name, self.name_en)


class AgencyGroup(_Strict):
    """A named set of agencies, such as the members of the county's leading group."""

    id: AgencyId
    name: Name
    name_en: Name
    members: Annotated[list[AgencyId], Field(min_length=1)]
    note: Text | None = None


class Note(_Strict):
    zh: Text
    en: Text


class PlanInfo(_Strict):
    """What the plan is: its title, document number and plan-level notes."""

    title: Name
    title_en: Name
    document: Text | None = None
    notes: list[Note] = Field(default_factory=list)


class IndicatorsFile(_Strict):
    """Top level of ``indicators.yaml``; entries are validated one by one."""

    plan: PlanInfo
    indicators: Annotated[list[dict[str, Any]], Field(min_length=1)]


class AgenciesFile(_Strict):
    """Top level of ``agencies.yaml``; entries are validated one by one."""

    agencies: Annotated[list[dict[str, Any]], Field(min_length=1)]
    groups: list[dict[str, Any]] = Field(default_factory=list)


class Plan(BaseModel):
    """The whole validated plan, with look-ups by id, name and alias."""

    model_config = ConfigDict(frozen=True)

    info: PlanInfo
    agencies: list[Agency]
    groups: list[AgencyGroup]
    indicators: list[Indicator]
    sources: tuple[str, ...] = ()

    _agency_index: dict[str, Agency] = PrivateAttr(default_factory=dict)
    _indicator_index: dict[str, Indicator] = PrivateAttr(default_factory=dict)
    _by_id: dict[str, Indicator] = PrivateAttr(default_factory=dict)
    _agency_by_id: dict[str, Agency] = PrivateAttr(default_factory=dict)
    _agency_position: dict[str, int] = PrivateAttr(default_factory=dict)
    # A report names the same indicator and agency on many rows: each distinct text is
    # normalised and looked up once.
    _found_agency: dict[str, Agency | None] = PrivateAttr(default_factory=dict)
    _found_indicator: dict[str, Indicator | None] = PrivateAttr(default_factory=dict)
    _units: frozenset[str] | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any) -> None:
        # Private attributes are read through pydantic's ``__getattr__`` (a few µs each): the
        # indexes are filled through locals and read from ``__pydantic_private__`` directly.
        agency_by_id, agency_index = self._agency_by_id, self._agency_index
        by_id, indicator_index = self._by_id, self._indicator_index
        agency_position = self._agency_position
        for position, agency in enumerate(self.agencies):
            agency_position.setdefault(agency.id, position)
            agency_by_id[agency.id] = agency
            for text in (agency.id, agency.name, agency.name_en, *agency.aliases):
                agency_index.setdefault(normalize_text(text), agency)
        for indicator in self.indicators:
            by_id[indicator.id] = indicator
            for text in (indicator.id, indicator.name, indicator.name_en):
                indicator_index.setdefault(normalize_text(text), indicator)
            with_unit = f"{indicator.name}({indicator.unit})"
            indicator_index.setdefault(normalize_text(with_unit), indicator)
            if indicator.count_unit:
                both = f"{indicator.name}({indicator.unit})/{indicator.count_unit}"
                indicator_index.setdefault(normalize_text(both), indicator)

    def agency_position(self, agency_id: str) -> int:
        """Where the agency stands in ``agencies.yaml`` (for ordering output like the plan)."""
        return self.__pydantic_private__["_agency_position"][agency_id]  # type: ignore[index]

    def agency(self, agency_id: str) -> Agency:
        return self.__pydantic_private__["_agency_by_id"][agency_id]  # type: ignore[index]

    def indicator(self, indicator_id: str) -> Indicator:
        return self.__pydantic_private__["_by_id"][indicator_id]  # type: ignore[index]

    def find_agency(self, text: str) -> Agency | None:
        """The agency whose id, name, English name or alias is ``text``."""
        private = self.__pydantic_private__
        found = private["_found_agency"]  # type: ignore[index]
        if text not in found:
            found[text] = private["_agency_index"].get(normalize_text(text))  # type: ignore[index]
        return found[text]

    def find_group(self, text: str) -> AgencyGroup | None:
        """The agency group whose id, name or English name is ``text`` (groups are few)."""
        wanted = normalize_text(text)
        for group in self.groups:
            if wanted in (normalize_text(group.id), normalize_text(group.name)) or (
                wanted == normalize_text(group.name_en)
            ):
                return group
        return None

    def find_indicator(self, text: str) -> Indicator | None:
        """The indicator whose id or name (with or without its unit) is ``text``."""
        private = self.__pydantic_private__
        found = private["_found_indicator"]  # type: ignore[index]
        if text not in found:
            index = private["_indicator_index"]  # type: ignore[index]
            key = normalize_text(text)
            found[text] = index.get(key) or _id_and_name(key, index)
        return found[text]

    def closest_agency(self, text: str) -> Agency | None:
        """The agency a text that names none most likely means (a typo, a shortened name)."""
        from lzip_cli.suggest import closest

        index = self.__pydantic_private__["_agency_index"]  # type: ignore[index]
        return closest(normalize_text(text), index)

    def closest_indicator(self, text: str) -> Indicator | None:
        """The indicator a text that names none most likely means."""
        from lzip_cli.suggest import closest

        index = self.__pydantic_private__["_indicator_index"]  # type: ignore[index]
        return closest(normalize_text(text), index)

    def units(self) -> frozenset[str]:
        """Every unit of measure the plan's figures are written in: ``件``, ``万元``, ``笔``,
        ``万元/笔`` and ``%``; worked out once (a report may ask on every row)."""
        private = self.__pydantic_private__
        units = private["_units"]  # type: ignore[index]
        if units is None:
            found = {"%"}
            for indicator in self.indicators:
                found.add(indicator.unit)
                if indicator.count_unit:
                    found |= {indicator.count_unit, f"{indicator.unit}/{indicator.count_unit}"}
            units = private["_units"] = frozenset(found)  # type: ignore[index]
        return units

    def indicators_of(self, agency_id: str) -> list[Indicator]:
        return [ind for ind in self.indicators if agency_id in ind.agencies]
