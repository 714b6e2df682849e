"""``lzip check -o 结果.xlsx``: every agency's table on one worksheet, figures as numbers.

The cells are the table's (the same rounding, 未开展, 按实际), with a column naming the agency so
that Excel's filter shows one agency at a time; the progress bar is left to the terminal.
"""

from __future__ import annotations

from lzip_cli.evaluate import AgencyResult, CheckResult
from lzip_cli.messages import Lang, t
from lzip_cli.render import view
from lzip_cli.render.xlsx import Sheet, workbook_bytes

COLUMNS = tuple(column for column in view.COLUMNS if column != "progress")
_NUMERIC = {
    "baseline",
    "milestone",
    "target",
    "actual",
    "own",
    "gap_to_milestone",
    "gap_to_target",
}


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> bytes:
    """The workbook: a title row, the header, one row per agency and indicator."""
    header = [
        t("col_responsible", lang),
        *(view.column_title(c, result.year, lang) for c in COLUMNS),
    ]
    rows: list[list[object]] = []
    for agency in agencies:
        name = result.plan.agency(agency.agency_id).label(lang)
        for line in agency.lines:
            cells = view.line_view(result, line, lang).cells
            rows.append([name, *(cells[column] for column in COLUMNS)])
    sheet = Sheet(
        title=str(result.year),
        header=header,
        rows=rows,
        heading=view.title_text(result, lang),
        numeric_columns=frozenset(i + 1 for i, c in enumerate(COLUMNS) if c in _NUMERIC),
    )
    return workbook_bytes([sheet])
