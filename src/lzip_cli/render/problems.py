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


def message(problem: Problem, lang: Lang) -> str:
    """The problem's message, prefixed by its path inside the file when it has one."""
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
    return f"{problem.path}: {text}" if problem.path else text


def format_problem(problem: Problem, lang: Lang, severity: str = "error") -> str:
    label = t(severity, lang)
    return f"{location(problem)}: {label} {problem.code}: {message(problem, lang)}"


def format_problems(
    problems: Iterable[Problem], omitted: int, lang: Lang, severity: str = "error"
) -> list[str]:
    lines = [format_problem(p, lang, severity) for p in problems]
    if omitted:
        lines.append(t("more_problems", lang, count=omitted))
    return lines
