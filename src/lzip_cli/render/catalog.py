"""The plan's catalog (indicators, agencies) as Rich tables or JSON-ready data.

The tables fit the console as the check table does: every column at least as wide as its
longest word (English words never split), Chinese text and lists of names wrapped by
:func:`~lzip_cli.linebreak.wrap_cells` (closing punctuation never starts a line), and columns
that do not fit beside the others at those widths go into a further block below, which starts
with the id column again. Nothing is cut off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lzip_cli.linebreak import TEXT_MIN_WIDTH, cell_width, share_spare, wrap_cells
from lzip_cli.messages import Lang, name_list, t
from lzip_cli.models import Indicator, Plan
from lzip_cli.numbers import format_number, json_number
from lzip_cli.render.plan_text import baseline_text, grouped, target_text, unit_text
from lzip_cli.stdio import MIN_WIDTH

#: A paragraph of a cell: text, wrapped by :func:`wrap_cells`, or pieces each kept whole on a
#: line (those after the first begin with the space, if any, that joins them).
Paragraph = str | tuple[str, ...]


def _text(paragraph: Paragraph) -> str:
    return paragraph if isinstance(paragraph, str) else "".join(paragraph)


@dataclass
class _Column:
    """A column's title and its cells; a cell is paragraphs, each wrapped on its own (a name,
    then its milestones or its Chinese name below it)."""

    title: str
    cells: list[list[Paragraph]] = field(default_factory=list)
    #: Chinese in it may break between any two characters (else a Chinese word stays whole).
    text: bool = False
    #: Names and lists of names: kept at least :data:`TEXT_MIN_WIDTH` wide when that long.
    names: bool = False
    #: A list (责任单位, aliases, an agency's indicators): widened last, with what the others
    #: leave.
    last: bool = False

    def need(self) -> int:
        """Columns the widest cell takes on one line a paragraph."""
        return max(cell_width(p) for p in [self.title, *map(_text, self._paragraphs())])

    def least(self) -> int:
        """The least width at which no word is split and no line is wider than the column: in a
        column of names and lists, Chinese may break between characters; in the others a
        Chinese word (年末存量, 万元/笔) stays whole."""
        if not self.text:
            return max(_longest_word(p) for p in [self.title, *map(_text, self._paragraphs())])
        width = max([_longest_word(self.title)] + [_unbreakable(p) for p in self._paragraphs()])
        if not self.names:
            return width
        script = "en" if all(_text(p).isascii() for p in self._paragraphs()) else "zh"
        return max(width, min(self.need(), TEXT_MIN_WIDTH[script]))

    def _paragraphs(self) -> list[Paragraph]:
        return [p for cell in self.cells for p in cell]


def _longest_word(text: str) -> int:
    return max((cell_width(word) for word in text.split()), default=0)


def _unbreakable(paragraph: Paragraph) -> int:
    """The narrowest width ``paragraph`` wraps to without a line wider: its longest English
    word, or a Chinese character with the punctuation that stays with it, or its widest piece."""
    if isinstance(paragraph, tuple):
        return max(cell_width(piece.strip()) for piece in paragraph)
    text = paragraph
    width = max(_longest_word(text) if text.isascii() else 2, 1)
    while any(cell_width(line) > width for line in wrap_cells(text, width)):
        width += 1
    return width


def _table_width(widths: list[int]) -> int:
    """The cells a table with Rich's default box takes: a rule at either edge and between
    columns, and a padding space on each side of every column."""
    return sum(widths) + 3 * len(widths) + 1


def _groupings(least: list[int], width: int) -> list[list[list[int]]]:
    """The ways to lay the columns out in blocks that each fit ``width`` cells at their least
    widths: the first block holding as many columns as fit, or fewer (which can take fewer
    lines: a long list column moved below leaves the names beside the id room to stay whole).
    Every block after the first starts with the first (id) column, and every block holds the id
    and at least one more column, whether or not they fit."""
    found: list[list[list[int]]] = []
    for first in range(len(least), 1, -1):
        if first > 2 and _table_width(least[:first]) > width:
            continue
        groups = [list(range(first))] + ([[0, first]] if first < len(least) else [])
        for number in range(first + 1, len(least)):
            group = groups[-1]
            if len(group) > 1 and _table_width([least[i] for i in [*group, number]]) > width:
                groups.append([0, number])
            else:
                group.append(number)
        if groups not in found:
            found.append(groups)
    return found


def _packing_changes(least: list[int], width: int) -> list[int]:
    """The widths under ``width``, widest first, at which :func:`_groupings` packs the columns
    otherwise than one cell wider: one less than the least width of each block it may form (the
    first columns, or the id column and a run of others)."""
    blocks = {_table_width(least[:end]) for end in range(2, len(least) + 1)}
    for start in range(1, len(least)):
        for end in range(start + 1, len(least) + 1):
            blocks.add(_table_width([least[0], *least[start:end]]))
    return sorted({b - 1 for b in blocks if MIN_WIDTH <= b - 1 < width}, reverse=True)


def _blocks(columns: list[_Column], width: int) -> list[list[tuple[_Column, int]]]:
    """The columns with their widths, in blocks that each fit ``width`` cells (see
    :func:`_groupings`), laid out in the fewest lines. In a block each column starts at its
    least width, and what is spare of ``width`` goes first to the names, then to the other
    columns in order, each up to its natural width; a list of names (责任单位) takes what is left.
    A wider terminal never makes the output longer."""
    least = [c.least() for c in columns]
    needs = [max(c.need(), w) for c, w in zip(columns, least, strict=True)]
    counted: dict[tuple[int, int], list[int]] = {}

    def lines(number: int, column_width: int) -> list[int]:
        key = (number, column_width)
        if key not in counted:
            column = columns[number]
            counted[key] = [len(_wrapped(cell, column_width)) for cell in column.cells]
            counted[key].append(len(wrap_cells(column.title, column_width)))
        return counted[key]

    def widen(group: list[int], cells: int) -> dict[int, int]:
        widths = {i: least[i] for i in group}
        spare = cells - _table_width(list(widths.values()))
        first = [i for i in group if columns[i].names and not columns[i].last]
        for i in first + [i for i in group if i not in first and not columns[i].last]:
            step = max(0, min(spare, needs[i] - widths[i]))
            widths[i] += step
            spare -= step
        # The lists share the rest: the one that would take most lines first.
        share_spare(widths, needs, [i for i in group if columns[i].last], spare)
        return widths

    def length(layout: list[dict[int, int]]) -> int:
        total = 0
        for widths in layout:  # a title, three rules and the header, the rows
            counts = [lines(i, w) for i, w in widths.items()]
            total += 4 + sum(max(row) for row in zip(*counts, strict=True))
        return total

    def best_at(cells: int) -> list[dict[int, int]]:
        layouts = [[widen(group, cells) for group in groups] for groups in _groupings(least, cells)]
        return min(layouts, key=length)  # the first of the shortest: most columns side by side

    # A layout that fits a narrower terminal fits this one, so the shortest of them all is
    # printed (the widest of those as short): a wider terminal never makes the output longer.
    # Blocks are packed greedily, and one column more in the first block can cost lines, so the
    # best layout at this width alone is not always the shortest. The ways to pack change only
    # where a block's least width crosses the width; between two such widths more room never
    # adds lines, so the widest width before each is the one to try.
    best = best_at(width)
    shortest = length(best)
    for cells in _packing_changes(least, width):
        layout = best_at(cells)
        if length(layout) < shortest:
            best, shortest = layout, length(layout)
    return [[(columns[i], w) for i, w in widths.items()] for widths in best]


def _tables(title: str, columns: list[_Column], lang: Lang, width: int) -> list[Table]:
    tables = []
    for number, block in enumerate(_blocks(columns, width)):
        heading = title if number == 0 else t("catalog_continued", lang, title=title)
        table = Table(title=heading)
        for column, column_width in block:
            table.add_column(column.title, width=column_width, overflow="fold")
        for row in range(len(columns[0].cells)):
            table.add_row(*("\n".join(_wrapped(c.cells[row], w)) for c, w in block))
        tables.append(table)
    return tables


def _wrapped(paragraphs: list[Paragraph], width: int) -> list[str]:
    return [line for p in paragraphs for line in _lines(p, width)]


def _lines(paragraph: Paragraph, width: int) -> list[str]:
    if isinstance(paragraph, str):
        return wrap_cells(paragraph, width) if paragraph else [""]
    lines = [paragraph[0]]
    for piece in paragraph[1:]:
        if cell_width(lines[-1] + piece) <= width:
            lines[-1] += piece
        else:
            lines.append(piece.strip())
    return lines


def milestones_text(indicator: Indicator, lang: Lang) -> tuple[str, ...] | None:
    """The milestones the plan sets, ``阶段值：2023年 16、2024年 17`` or ``Milestones: 2023: 16,
    2024: 17``, in pieces that are each kept on one line (a year with its figure); None when it
    sets none."""
    if not indicator.milestones:
        return None
    items = [
        t(
            "catalog_milestone",
            lang,
            year=year,
            value=format_number(value, group=grouped(indicator)),
        )
        for year, value in sorted(indicator.milestones.items())
    ]
    prefix = t("catalog_milestones", lang)
    if lang == "zh":
        return (prefix, *(item + "、" for item in items[:-1]), items[-1])
    return (prefix, *(f" {item}," for item in items[:-1]), f" {items[-1]}")


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """An indicator as it appears in ``lzip indicators --format json``: its figures as the plan
    writes them, whole ones as integers (``1409``, not ``1409.0``), as ``check`` and ``diff``
    write them."""
    record = indicator.model_dump(mode="json")
    for end in ("baseline", "target"):
        record[end]["value"] = json_number(record[end]["value"])
    record["milestones"] = {year: json_number(v) for year, v in record["milestones"].items()}
    return record


def indicators_table(
    plan: Plan, indicators: list[Indicator], lang: Lang, width: int = 80
) -> RenderableType:
    """The indicators in tables that fit ``width`` cells, each name with the milestones the plan
    sets below it, then a note on the years it sets none for."""
    columns = [
        _Column(t("col_id", lang)),
        _Column(t("col_name", lang), text=True, names=True),
        _Column(t("col_unit", lang)),
        _Column(t("col_kind", lang)),
        _Column(t("col_baseline", lang)),
        _Column(t("col_target", lang), text=True),
        _Column(t("col_scope", lang)),
        _Column(t("col_agencies", lang), text=True, names=True, last=True),
    ]
    for indicator in indicators:
        name: list[Paragraph] = [indicator.label(lang)]
        milestones = milestones_text(indicator, lang)
        if milestones is not None:
            name.append(milestones)
        row = [
            [indicator.id],
            name,
            [unit_text(indicator, lang)],
            [t("kind_" + indicator.kind, lang)],
            [baseline_text(indicator, lang)],
            [target_text(indicator, lang)],
            [t("scope_" + indicator.scope, lang)],
            [name_list((plan.agency(a).label(lang) for a in indicator.agencies), lang)],
        ]
        for column, cell in zip(columns, row, strict=True):
            column.cells.append(cell)
    note = Text("\n".join(wrap_cells(t("catalog_milestones_note", lang), width)), style="dim")
    return Group(*_tables(t("indicators_title", lang), columns, lang, width), note)


def agencies_table(plan: Plan, lang: Lang, width: int = 80) -> RenderableType:
    """The agencies in tables that fit ``width`` cells; in English each name with the Chinese
    name, as the plan prints it, below it."""
    columns = [
        _Column(t("col_agency_id", lang)),
        _Column(t("col_agency", lang), text=True, names=True),
        _Column(t("col_aliases", lang), text=True, names=True, last=True),
        _Column(t("col_indicators", lang), last=True),
    ]
    for agency in plan.agencies:
        names = [agency.label(lang)] if lang == "zh" else [agency.name_en, agency.name]
        row = [
            [agency.id],
            names,
            [name_list(agency.aliases, lang)],
            [" ".join(ind.id for ind in plan.indicators_of(agency.id)) or "—"],
        ]
        for column, cell in zip(columns, row, strict=True):
            column.cells.append(cell)
    return Group(*_tables(t("agencies_title", lang), columns, lang, width))


def agency_record(plan: Plan, agency_id: str) -> dict[str, Any]:
    agency = plan.agency(agency_id)
    return {
        **agency.model_dump(mode="json"),
        "indicators": [ind.id for ind in plan.indicators_of(agency.id)],
    }
