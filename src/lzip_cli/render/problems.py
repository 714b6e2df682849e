"""Problems as text lines: ``file:line:col: path: message`` in the user's language."""

from __future__ import annotations

import errno
from collections.abc import Iterable

from lzip_cli.errors import Problem
from lzip_cli.messages import TEXTS, Lang, t


def location(problem: Problem) -> str:
    """``file:line:col`` with whatever parts are known."""
    parts = [problem.file or "lzip"]
    if problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


#: Files whose rows and columns a person finds by Excel's cell names (D5), not by numbers.
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def column_letters(column: int) -> str:
    """Excel's name for a 1-based column: 1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_name(problem: Problem) -> str | None:
    """``D5`` for a problem located at a cell of a workbook (``'2024年'!D5`` in one of several
    sheets); None otherwise."""
    if problem.line is None or problem.column is None or not problem.file:
        return None
    if not problem.file.lower().endswith(_WORKBOOK_SUFFIXES):
        return None
    cell = f"{column_letters(problem.column)}{problem.line}"
    sheet = getattr(problem.file, "sheet", None)  # see errors.WorkbookFile
    if not sheet:
        return cell
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{cell}"


def message(problem: Problem, lang: Lang) -> str:
    """The problem's message, prefixed by its path inside the file or its cell in a workbook."""
    params = problem.params
    if "errno" in params:  # an OS error's reason in the user's language, when lzip knows it
        name = errno.errorcode.get(params["errno"], "")
        if "os." + name in TEXTS:
            params = {**params, "reason": t("os." + name, lang)}
    for name in ("problem", "reason"):  # a library's English words, in the user's language
        if "detail." + str(params.get(name)) in TEXTS:
            params = {**params, name: t("detail." + params[name], lang)}
    text = t(problem.key, lang, **params)
    if params.get("suggestion"):
        text += t("did_you_mean", lang, suggestion=params["suggestion"])
    text += _hidden_rows_text(problem, lang)
    where = problem.path or cell_name(problem)
    if problem.entry is not None:  # the plan entry by its id: 指标 1.1 的 milestones.2026
        kind, entry_id = problem.entry
        named = t("entry", lang, kind=t("entry." + kind, lang), id=entry_id)
        where = t("entry_path", lang, entry=named, path=problem.path) if problem.path else named
    return f"{where}: {text}" if where else text


def _hidden_rows_text(problem: Problem, lang: Lang) -> str:
    """What a problem at rows a workbook hides adds: that they are hidden, which Excel shows
    neither with their cells nor with their numbers. Its own row; the first row of a duplicate
    (LZ210), in this workbook or in another; the other year's row of LZ213."""
    params = problem.params
    named: list[tuple[str, object]] = [(problem.file or "", problem.line)]
    if problem.code == "LZ210":
        named.append((params.get("first_file") or problem.file or "", params.get("first")))
    elif problem.code == "LZ213":
        named.append((problem.file or "", params.get("row_a")))
    elif problem.code == "LZ273":
        return ""  # it says so itself
    own: set[int] = set()
    elsewhere: list[tuple[str, int]] = []
    for file, row in named:
        if isinstance(row, int) and row in getattr(file, "hidden_rows", ()):
            if file == problem.file:
                own.add(row)
            else:
                elsewhere.append((file, row))
    text = ""
    if own:
        rows = ("、" if lang == "zh" else ", ").join(map(str, sorted(own)))
        text += t("rows_hidden_in_sheet", lang, rows=rows, count=len(own))
    for file, row in elsewhere:
        text += t("row_hidden_in_other_sheet", lang, file=file, row=row)
    return text


def format_problem(problem: Problem, lang: Lang, severity: str = "error") -> str:
    label = t(severity, lang)
    return f"{location(problem)}: {label} {problem.code}: {message(problem, lang)}"


#: Warnings of one code shown to a person (text, table, Markdown) before the rest are counted;
#: the machine formats (JSON, github, the .xlsx warnings sheet) hold every one.
WARNINGS_SHOWN_PER_CODE = 20


def warning_lines(problems: Iterable[Problem], lang: Lang) -> list[str]:
    """Each warning as a line, at most :data:`WARNINGS_SHOWN_PER_CODE` of one code, then one line
    saying how many more of that code there are: a generated or merged report may repeat one
    warning thousands of times, which would bury the rest (and the tables) from sight."""
    shown: dict[str, int] = {}
    more: dict[str, int] = {}
    lines = []
    for problem in problems:
        if shown.get(problem.code, 0) < WARNINGS_SHOWN_PER_CODE:
            shown[problem.code] = shown.get(problem.code, 0) + 1
            lines.append(format_problem(problem, lang, "warning"))
        else:
            more[problem.code] = more.get(problem.code, 0) + 1
    lines += [t("more_warnings", lang, count=count, code=code) for code, count in more.items()]
    return lines


def format_problems(
    problems: Iterable[Problem], omitted: int, lang: Lang, severity: str = "error"
) -> list[str]:
    lines = [format_problem(p, lang, severity) for p in problems]
    if omitted:
        lines.append(t("more_problems", lang, count=omitted))
    return lines
