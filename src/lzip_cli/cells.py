"""Reading one report cell: the forms Excel and WPS produce on Chinese Windows.

Accepted: ``1700``, ``1,700``, ``１７００`` (full width), ``95%`` (for % indicators), ``18起``
(with the indicator's own unit), ``—``/``-``/``－``/``未开展``/``无``/``/``/``／`` ("not carried
out", counted as 0).
A blank cell is "not reported". Anything else is a :class:`CellError` saying what was expected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# ― (U+2015): what Windows code page 936 decodes GBK's "—" (A1AA) to. 无 and a slash (／, which
# folding makes /) are how Chinese forms often strike out an item that was not carried out.
NOT_CARRIED_OUT_MARKS = frozenset(
    {"—", "——", "―", "――", "-", "--", "–", "未开展", "未开展该项工作", "无", "/", "／"}
)

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
#: A number with thousands separators: 1,700 or 12,345.6, never 0,850 (a decimal comma).
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _odd_numeral(char: str) -> bool:
    """A numeric character other than 0-9 and ０-９ (superscripts, circled digits, ...)."""
    return (
        unicodedata.category(char).startswith("N")
        and not "0" <= char <= "9"
        and not "\uff10" <= char <= "\uff19"
    )


#: Largest figure lzip accepts; beyond it a cell is a typo, not a count of cases or 万元.
MAX_VALUE = 1e12
_LIMIT = f"{MAX_VALUE:,.0f}"  # as the messages name it: 1,000,000,000,000


class CellError(ValueError):
    """A cell lzip cannot read; ``key`` names the message, ``params`` fill it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class UncomputedFormula(str):
    """A workbook cell's formula that was saved without its result (a workbook written by a
    program, never opened in Excel): the formula's text (``=A2``), which is no cell's value."""


class ScaledNumber(str):
    """A workbook cell's number whose number format shows another number than it holds
    (``0!.0,"万"`` shows 8500000 as ``850.0万``), or none (``hidden``: ``;;;``, ``"—"``): its
    text is the number held, and reading it as a figure is refused (LZ269) rather than taken
    10,000 times too large, or read where a person sees a blank or a mark."""

    number_format: str
    hidden: bool

    def __new__(cls, text: str, number_format: str, *, hidden: bool = False) -> ScaledNumber:
        made = super().__new__(cls, text)
        made.number_format = number_format
        made.hidden = hidden
        return made


@dataclass(frozen=True, slots=True)
class NotCarriedOut:
    """The cell said the work was not carried out; it counts as 0."""


NOT_CARRIED_OUT = NotCarriedOut()
CellValue = float | NotCarriedOut | None


#: Characters that show as nothing: zero-width spaces and joiners, and a byte order mark inside
#: the text (a file saved with two BOMs has one before its first header).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
#: The C0 control characters but tab and line ends: what text has no place for, and what no
#: worksheet cell may hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def line_break_or_nothing(found: re.Match[str]) -> str:
    """For ``re.sub`` over control characters: a vertical tab (Word's line break pasted into a
    cell), a form feed or a next-line becomes a line break; any other is left out."""
    return "\n" if found.group() in "\x0b\x0c\x85" else ""


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms; spaces and characters
    that show as nothing removed."""
    if text.isascii():  # NFKC leaves ASCII unchanged
        return "".join(text.split())
    return "".join(unicodedata.normalize("NFKC", text).translate(INVISIBLE).split())


@lru_cache(maxsize=256)
def _suffixes(units: tuple[str, ...], percent: bool) -> tuple[tuple[str, ...], bool]:
    """The folded suffixes a figure may carry, and whether one could cut a plain number short."""
    # Folded (10kyuan, as fold() writes a cell) and as written (10k yuan), in any letter case.
    forms = (form for u in units if u for form in (fold(u), unicodedata.normalize("NFKC", u)))
    suffixes = list(dict.fromkeys(form.strip().casefold() for form in forms))
    if percent and "%" not in suffixes:
        suffixes.append("%")
    return tuple(suffixes), any(not s or s.isdigit() for s in suffixes)


def parse_figure(text: str, units: tuple[str, ...] = (), *, percent: bool = False) -> CellValue:
    """A reported figure: a non-negative number, :data:`NOT_CARRIED_OUT`, or None for blank.

    ``units`` are suffixes that may follow the number (the indicator's unit, its count unit);
    ``percent`` also allows a trailing ``%``.
    """
    suffixes, digit_suffix = _suffixes(units, percent)
    ascii_text = text.isascii()
    if ascii_text and text.isdigit() and not digit_suffix:
        # The common cell, plain "1700": nothing to fold, strip or cut off.
        value = float(text)
        if value > MAX_VALUE:
            raise CellError("cell_too_large", text=text, limit=_LIMIT)
        return value
    raw = fold(text)
    if not raw:
        return None
    if raw in NOT_CARRIED_OUT_MARKS or fold(text.strip()) in NOT_CARRIED_OUT_MARKS:
        return NOT_CARRIED_OUT
    if not ascii_text and any(_odd_numeral(char) for char in text):  # ASCII has only 0-9
        # NFKC turns ² into 2 and ① into 1: "17²" must not become 172
        raise CellError("cell_not_a_number", text=text, units="/".join(suffixes))
    # Spaces may surround the number and its unit, not split the digits ("12 3" is not 123).
    body = (
        text if ascii_text else unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    ).strip()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if len(body) > len(suffix) and body[-len(suffix) :].casefold() == suffix:  # 3 Cases
            body = body[: -len(suffix)].rstrip()
            break
    if body.startswith(("-", "\u2212")) and _NUMBER.fullmatch(body[1:].replace(",", "")):
        # "-0" is what Excel writes for a negative zero (and an xlsx -0.0 reads as 0).
        if float(body[1:].replace(",", "")) == 0:
            return 0.0
        raise CellError("cell_negative", text=text)
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    if not _NUMBER.fullmatch(body):
        raise CellError("cell_not_a_number", text=text, units="/".join(suffixes))
    value = float(body)
    if value > MAX_VALUE:
        raise CellError("cell_too_large", text=text, limit=_LIMIT)
    return value


@lru_cache(maxsize=256)  # a report's year cells repeat one or two texts, a million times
def parse_year(text: str) -> int | None:
    """A year cell (``2024``, ``2024年``, ``2024年度``, ``２０２４``); None when blank."""
    if not text:  # no year column: nothing to fold
        return None
    raw = fold(text).removesuffix("年度").removesuffix("年")
    if not raw:
        return None
    if not re.fullmatch(r"(19|20|21)[0-9]{2}", raw):
        raise CellError("cell_not_a_year", text=text)
    return int(raw)
