"""``lzip check`` for the terminal: a summary, one Rich table per agency, then the warnings.

Tables fit the console: columns are kept in order of importance until the width runs out
(Chinese text counts double), and long names fold.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lzip_cli.errors import Problem
from lzip_cli.evaluate import AgencyResult, CheckResult
from lzip_cli.messages import Lang, t
from lzip_cli.render import view
from lzip_cli.render.problems import format_problem

STATUS_STYLES = {
    "behind": "bold red",
    "not-reported": "bold magenta",
    "on-track": "cyan",
    "achieved": "green",
    "tracked": "dim",
}
#: Columns from most to least important: kept in this order until the width runs out.
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
#: Cells a column spends besides its content: padding on both sides and a separator.
COLUMN_OVERHEAD = 3


def choose_columns(width: int, needs: dict[str, int]) -> list[str]:
    """The columns whose content fits in ``width`` terminal cells, in display order.

    ``needs`` is the width each column's widest cell (or header) takes; the name column folds,
    so it only claims a minimum.
    """
    chosen: set[str] = set()
    used = 0
    for column in PRIORITY:
        need = needs[column] + COLUMN_OVERHEAD
        if used + need > width and len(chosen) >= 3:
            break  # strictly by importance: a narrower, less important column does not jump in
        chosen.add(column)
        used += need
    return [column for column in view.COLUMNS if column in chosen]


def agency_table(result: CheckResult, agency: AgencyResult, lang: Lang, width: int) -> Table:
    plan_agency = result.plan.agency(agency.agency_id)
    shortfalls = agency.shortfalls
    caption = (
        t("shortfalls_count", lang, count=len(shortfalls))
        if shortfalls
        else t("no_shortfalls", lang)
    )
    table = Table(
        title=t("agency_heading", lang, name=plan_agency.label(lang), id=plan_agency.id),
        caption=caption,
        box=box.SIMPLE_HEAVY,
        title_justify="left",
        title_style="bold",
        pad_edge=False,
        caption_justify="left",
        expand=width >= 120,
    )
    line_views = [view.line_view(result, line, lang) for line in agency.lines]
    titles = {c: view.column_title(c, result.year, lang) for c in view.COLUMNS}
    needs = {
        c: max([cell_len(titles[c])] + [cell_len(v.cells[c]) for v in line_views])
        for c in view.COLUMNS
    }
    needs["name"] = 10 if lang == "zh" else 16
    columns = choose_columns(width, needs)
    numeric = {
        "baseline",
        "milestone",
        "target",
        "actual",
        "own",
        "gap_to_milestone",
        "gap_to_target",
    }
    for column in columns:
        table.add_column(
            titles[column],
            justify="right" if column in numeric else "left",
            overflow="fold",
            no_wrap=column != "name",
            min_width=needs["name"] if column == "name" else None,
        )
    for line_view in line_views:
        cells: list[RenderableType] = []
        for column in columns:
            text = line_view.cells[column]
            if column == "status":
                cells.append(Text(text, style=STATUS_STYLES[line_view.status]))
            else:
                cells.append(text)
        table.add_row(*cells)
    return table


def warnings_block(problems: Iterable[Problem], lang: Lang) -> RenderableType:
    lines = [Text(format_problem(p, lang, "warning"), style="yellow") for p in problems]
    return Group(Text(t("warnings_heading", lang), style="bold yellow"), *lines)


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang, console: Console) -> None:
    """Print the whole check to ``console``."""
    console.print(Text(view.title_text(result, lang), style="bold"))
    if result.plan.info.document:
        console.print(result.plan.info.document)
    console.print(t("check_summary", lang, counts=view.summary_text(result, lang)))
    console.print(t("milestone_explained", lang, year=result.year), style="dim")
    console.print()
    for agency in agencies:
        console.print(agency_table(result, agency, lang, console.width))
        console.print()
    if result.warnings:
        console.print(warnings_block(result.warnings, lang))
