"""``--format github``: GitHub Actions workflow commands, so that findings land on PR lines.

Each finding is one ``::error …::message`` or ``::warning …::message`` line on standard output.
The runner turns them into annotations on the named file and line. Escaping follows the
workflow-command rules of ``@actions/core``: ``%``, CR and LF in the message; those and also ``:``
and ``,`` in property values.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lzip_cli.errors import Problem, file_line
from lzip_cli.messages import Lang, t
from lzip_cli.render.problems import message

if TYPE_CHECKING:
    from lzip_cli.evaluate import AgencyResult, CheckResult

#: Files that are not files in the repository: no ``file=`` property for them.
_PSEUDO_FILES = frozenset({"<stdout>", "<stdin>", "-"})


def escape_data(text: str) -> str:
    """Escape a message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(
    level: str,
    text: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command: ``::level prop=value,…::text``."""
    props = []
    if file and file not in _PSEUDO_FILES:
        props.append(f"file={escape_property(_posix(file))}")
        if line is not None:
            props.append(f"line={line}")
            if col is not None:
                props.append(f"col={col}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = f"::{level} {','.join(props)}" if props else f"::{level}"
    return f"{head}::{escape_data(text)}"


#: The system's path separators other than ``/`` (Windows: ``\\``); on POSIX a backslash is
#: part of a file's name.
_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep and sep != "/")


def _posix(path: str) -> str:
    """The file as GitHub names it: relative to the repository's root (``$GITHUB_WORKSPACE``,
    which a step's ``working-directory`` does not change) when it lies in it, with forward
    slashes. Elsewhere, or outside Actions, as the problem names it."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        # As given, then with links resolved (a workspace reached through a symbolic link, as
        # the current directory always is).
        for resolve in (os.path.abspath, os.path.realpath):
            try:
                relative = os.path.relpath(resolve(path), resolve(workspace))
            except ValueError:  # another drive on Windows
                continue
            if relative.split(os.sep, 1)[0] != os.pardir:
                path = relative
                break
    for sep in _SEPARATORS:
        path = path.replace(sep, "/")
    return path


def problem_command(problem: Problem, lang: Lang, severity: str = "error") -> str:
    """A :class:`Problem` as an ``::error`` (or ``::warning``) line titled with its code."""
    return command(
        severity,
        message(problem, lang),
        file=problem.file,
        # The line of the file (a CSV report's row may begin lower: see RowNumber).
        line=problem.file_line if problem.file_line is not None else problem.line,
        col=problem.column,
        title=problem.code,
    )


def problem_commands(
    errors: Iterable[Problem], warnings: Iterable[Problem], omitted: int, lang: Lang
) -> list[str]:
    lines = [problem_command(p, lang, "warning") for p in warnings]
    lines += [problem_command(p, lang, "error") for p in errors]
    if omitted:
        lines.append(command("error", t("more_problems", lang, count=omitted), title="lzip"))
    return lines


def check_commands(
    result: CheckResult, agencies: list[AgencyResult], report_file: str | None, lang: Lang
) -> list[str]:
    """``lzip check --format github``: a ``::warning`` per shortfall and per report warning.

    A shortfall points at the report row of its figure (the line of the file it begins on) when there is one (the county row, else
    the agency's own row); a figure that was not reported has no row and points at
    ``report_file``, or at no file when the report is a folder or several files.
    """
    from lzip_cli.render.view import gap_text

    lines = [problem_command(p, lang, "warning") for p in result.warnings]
    plan = result.plan
    for agency in agencies:
        plan_agency = plan.agency(agency.agency_id)
        for line in agency.lines:
            if not line.owed:
                continue
            indicator = plan.indicator(line.indicator_id)
            figure = line.actual
            source = figure if figure.row is not None else line.own
            row = file_line(source.row) if source else None
            file = (source.file if source else None) or report_file
            gaps = ""
            if figure.gap_to_milestone is not None or figure.gap_to_target is not None:
                gaps = t(
                    "gh_gaps",
                    lang,
                    milestone=gap_text(figure.gap_to_milestone, indicator) or "—",
                    target=gap_text(figure.gap_to_target, indicator) or "—",
                    unit=indicator.unit_label(lang),
                )
            status = t(f"status_{line.status}", lang)
            key = "gh_shortfall"
            if line.own_figure_owed:
                sent_count = line.own is not None and line.own.count is not None
                key = "gh_own_amount_owed" if sent_count else "gh_own_figure_owed"
            text = t(
                key,
                lang,
                agency=plan_agency.label(lang),
                indicator=f"{indicator.id} {indicator.label(lang)}",
                status=status,
                year=result.year,
                gaps=gaps,
            )
            shown = t("status_own_figure_missing", lang) if line.own_figure_owed else status
            title = f"{indicator.id} {shown}"
            lines.append(command("warning", text, file=file, line=row, title=title))
    return lines
