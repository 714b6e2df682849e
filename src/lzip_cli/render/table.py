"""``lzip check`` for the terminal: a summary, one Rich table per agency, then the warnings.

A table never loses a column. Where the console is too narrow for all of them, even with names
and other text wrapped (names fold), the columns go into blocks one under the other: the first
holds the most important ones, each further block the next ones, each repeating the id column
so that its rows can be read against the first block's. Figures never fold, nor does a
completion bar part from its percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lzip_cli.errors import Problem
from lzip_cli.evaluate import AgencyResult, CheckResult
from lzip_cli.linebreak import wrap_cells
from lzip_cli.messages import Lang, t
from lzip_cli.render import view
from lzip_cli.render.problems import warning_lines

STATUS_STYLES = {
    "behind": "bold red",
    "not-reported": "bold magenta",
    "on-track": "cyan",
    "achieved": "green",
    "tracked": "dim",
}
#: Columns from most to least important: the first block takes them in this order while they
#: fit, the next block the rest.
PRIORITY = (
    "id",
    "name",
    "status",
    "actual",
    "milestone",
    "gap_to_milestone",
    "target",
    "gap_to_target",
    "own",
    "unit",
    "baseline",
    "progress",
)
NUMERIC = frozenset(
    {"baseline", "milestone", "target", "actual", "own", "gap_to_milestone", "gap_to_target"}
)
#: The narrowest the name column gets before the columns go into another block.
NAME_MIN_WIDTH = {"zh": 10, "en": 16}


def table_width(widths: Iterable[int]) -> int:
    """The cells a table with columns of these content widths takes: a space at either edge,
    and a padding space on each side of the separator between two columns."""
    widths = list(widths)
    return sum(widths) + 3 * len(widths) - 1


#: Where a cell may wrap: at spaces, but not those around the slash of ``850 / 3``; a unit at
#: any space (``10k yuan /`` above ``trademarks``).
#: Where a cell may break: at spaces, but not around "/" (万元 / 笔) nor before "·", which stays
#: with the word before it (滞后 · 低于基础值), so that no line of a status starts with it.
_BREAK = re.compile(r"(?<!/) +(?![/·])")
_UNIT_BREAK = re.compile(r" +")


def _longest_word(text: str, column: str) -> int:
    breaks = _UNIT_BREAK if column == "unit" else _BREAK
    return max((cell_len(word) for word in breaks.split(text)), default=0)


def column_blocks(
    needs: dict[str, int], mins: dict[str, int], width: int | None
) -> list[dict[str, int]]:
    """Every column's width, in blocks that each fit ``width`` (None: one block, as wide as
    its content needs), in display order.

    ``needs`` is what a column's content takes on one line, ``mins`` the least it can wrap to.
    A block takes columns by :data:`PRIORITY` at their minimum widths while they fit, then
    strictly stops (a narrower, less important column does not jump in); every block after the
    first starts with the id column.
    """
    if width is None:
        return [{c: needs[c] for c in view.COLUMNS}]
    groups: list[list[str]] = [[]]
    for column in PRIORITY:
        group = groups[-1]
        fits = table_width(mins[c] for c in [*group, column]) <= width
        if not fits and len(group) > 1:
            groups.append(["id", column])
        else:
            group.append(column)  # a column alone (beside the id) always gets a block
    return [_widen(group, needs, mins, width) for group in groups]


def _widen(
    group: list[str], needs: dict[str, int], mins: dict[str, int], width: int
) -> dict[str, int]:
    """A block's column widths, in display order: the minimums, and what is spare of ``width``
    given to the status (on one line), the names (less cramped), as many other short texts
    ("not carried out") on one line as fit, the shortest first, then to the names again."""
    widths = {c: mins[c] for c in view.COLUMNS if c in group}
    spare = width - table_width(widths.values())
    order = [("status", needs["status"]), ("name", min(needs["name"], 2 * mins["name"]))]
    others = sorted(
        (c for c in widths if c not in ("name", "status")), key=lambda c: needs[c] - widths[c]
    )
    order += [(c, needs[c]) for c in others] + [("name", needs["name"])]
    for column, goal in order:
        if column in widths and spare > 0 and goal > widths[column]:
            step = min(spare, goal - widths[column])
            widths[column] += step
            spare -= step
    return widths


def agency_table(
    result: CheckResult, agency: AgencyResult, lang: Lang, width: int | None
) -> RenderableType:
    """An agency's heading, its table in one or more blocks of columns that each fit ``width``
    cells (None: as wide as they need), and its shortfall count.

    Headings are lines of their own, not the tables' titles: a title would wrap at the width
    of a narrow block, and Rich pads it to the table's width.
    """
    plan_agency = result.plan.agency(agency.agency_id)
    shortfalls = agency.shortfalls
    line_views = [view.line_view(result, line, lang) for line in agency.lines]
    titles = {c: view.column_title(c, result.year, lang) for c in view.COLUMNS}
    needs = {
        c: max([cell_len(titles[c])] + [cell_len(v.cells[c]) for v in line_views])
        for c in view.COLUMNS
    }
    mins = {
        c: max([cell_len(titles[c])] + [_longest_word(v.cells[c], c) for v in line_views])
        for c in view.COLUMNS
    }
    mins["name"] = min(needs["name"], max(cell_len(titles["name"]), NAME_MIN_WIDTH[lang]))
    mins["progress"] = needs["progress"]  # a bar never without its percentage
    parts: list[RenderableType] = []
    for number, widths in enumerate(column_blocks(needs, mins, width)):
        heading = "agency_heading" if number == 0 else "agency_heading_continued"
        title = t(heading, lang, name=plan_agency.label(lang), id=plan_agency.id)
        parts.append(Text(title, style="bold"))
        table = Table(box=box.SIMPLE_HEAVY, pad_edge=False)  # its edges: a blank line each
        for column, column_width in widths.items():
            table.add_column(
                titles[column],
                justify="right" if column in NUMERIC else "left",
                overflow="fold",
                width=column_width,
            )
        for line_view in line_views:
            cells: list[RenderableType] = []
            for column, column_width in widths.items():
                text = line_view.cells[column]
                if column == "name" and cell_len(text) > column_width:
                    # Rich folds at any character: "、培训" could start a line.
                    cells.append("\n".join(wrap_cells(text, column_width)))
                elif column == "status":
                    # A line owed as the agency's missing part stands out as "not reported"
                    # does, not dimmed as the tracked line it also is.
                    style = STATUS_STYLES[
                        "not-reported" if line_view.own_figure_owed else line_view.status
                    ]
                    cells.append(Text(text, style=style))
                else:
                    cells.append(text)
            table.add_row(*cells)
        parts.append(table)
    parts.append(
        t("shortfalls_count", lang, count=len(shortfalls))
        if shortfalls
        else t("no_shortfalls", lang)
    )
    return Group(*parts)


def _broken(text: str, width: int | None) -> str:
    """``text`` in lines of ``width`` columns by Chinese line-breaking rules (no line starting
    with ，or ）), which Rich's folding at any character does not follow; None: one line."""
    return text if width is None else "\n".join(wrap_cells(text, width))


def warnings_block(
    problems: Iterable[Problem], lang: Lang, width: int | None = None
) -> RenderableType:
    lines = [Text(_broken(line, width), style="yellow") for line in warning_lines(problems, lang)]
    return Group(Text(t("warnings_heading", lang), style="bold yellow"), *lines)


def render(
    result: CheckResult,
    agencies: list[AgencyResult],
    lang: Lang,
    console: Console,
    *,
    fit: bool = True,
) -> None:
    """Print the whole check to ``console``.

    Tables fit the console's width, or with ``fit=False`` (a file) take the width they need.
    Lines written to anything but a terminal lose the spaces Rich pads them with.
    """
    from lzip_cli.progress import track
    from lzip_cli.render.terminal import show, writes_to_terminal

    # Rich takes about a millisecond a row: thousands of agencies' tables for a file take
    # seconds, which a bar on the terminal's stderr then shows. On the terminal itself the
    # tables show as they are drawn, and a bar would be drawn among them.
    drawn: Iterable[AgencyResult] = (
        agencies
        if writes_to_terminal(console)
        else track(agencies, t("progress_tables", lang), len(agencies), every=1)
    )
    show(console, lambda: _print(result, drawn, lang, console, console.width if fit else None))


def _print(
    result: CheckResult,
    agencies: Iterable[AgencyResult],
    lang: Lang,
    console: Console,
    width: int | None,
) -> None:
    console.print(Text(_broken(view.title_text(result, lang), width), style="bold"))
    if result.plan.info.document:
        console.print(result.plan.info.document)
    summary = t("check_summary", lang, counts=view.summary_text(result, lang))
    console.print(Text(_broken(summary, width)))
    milestone = t("milestone_explained", lang, year=result.year)
    console.print(Text(_broken(milestone, width), style="dim"))
    console.print(Text(_broken(t("completion_explained", lang), width), style="dim"))
    console.print()
    for agency in agencies:
        console.print(agency_table(result, agency, lang, width))
        console.print()
    if result.warnings:
        console.print(warnings_block(result.warnings, lang, width))
