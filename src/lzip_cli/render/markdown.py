"""``lzip check --format markdown``: the same tables as the terminal, for pasting into documents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lzip_cli.evaluate import AgencyResult, CheckResult
from lzip_cli.messages import Lang, t
from lzip_cli.render import view
from lzip_cli.render.problems import warning_lines

#: Columns shown in markdown: all but the bar, which reads badly outside a terminal.
MARKDOWN_COLUMNS = tuple(c for c in view.COLUMNS if c != "progress")


#: A line break as Python's ``str.splitlines`` knows them: CR LF, a lone LF or CR (each ends a
#: line under CommonMark, and so a table row), vertical tab, form feed, the file, group and
#: record separators, NEL and the Unicode line and paragraph separators.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


#: What CommonMark reads as markup inside a line: emphasis (an agency's note ``*重点*``), code,
#: links and HTML. Each is written with a backslash, which shows as the character itself.
_INLINE_MARKUP = re.compile(r"([\\|*_`\[\]<>])")


def escape(text: str) -> str:
    """A cell's text safe inside a pipe table, shown as written, on one line: each line break is
    one space."""
    return _LINE_BREAK.sub(" ", _INLINE_MARKUP.sub(r"\\\1", text))


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(escape(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return lines


def render(result: CheckResult, agencies: list[AgencyResult], lang: Lang) -> str:
    lines = [f"# {view.title_text(result, lang)}", ""]
    if result.plan.info.document:
        lines += [result.plan.info.document, ""]
    lines += [t("check_summary", lang, counts=view.summary_text(result, lang)), ""]
    header = [view.column_title(c, result.year, lang) for c in MARKDOWN_COLUMNS]
    for agency in agencies:
        plan_agency = result.plan.agency(agency.agency_id)
        lines.append(
            f"## {t('agency_heading', lang, name=plan_agency.label(lang), id=plan_agency.id)}"
        )
        lines.append("")
        rows = [
            [cells[c] for c in MARKDOWN_COLUMNS]
            for cells in (view.line_view(result, line, lang).cells for line in agency.lines)
        ]
        lines += table(header, rows)
        shortfalls = agency.shortfalls
        lines += [
            "",
            t("shortfalls_count", lang, count=len(shortfalls))
            if shortfalls
            else t("no_shortfalls", lang),
            "",
        ]
    if result.warnings:
        lines += [f"## {t('warnings_heading', lang)}", ""]
        lines += [f"- {escape(line)}" for line in warning_lines(result.warnings, lang)]
        lines.append("")
    return "\n".join(lines)
