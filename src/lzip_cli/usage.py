"""Usage errors (an unknown option, a missing argument) in the user's language.

Typer (through Click) words them in English. ``lzip`` speaks Chinese by default, so for ``zh``
the usage line, the help hint and the known messages are said again in Chinese; a message
lzip does not know keeps Click's English words inside the Chinese frame. English is Click's own
text, unchanged.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer

from lzip_cli.messages import Lang, t

#: Click's exception classes, from wherever this Typer takes Click (recent ones vendor it).
_CLICK = sys.modules[typer.BadParameter.__module__]
ClickException: type[Exception] = _CLICK.ClickException
#: ``lzip`` or ``lzip check`` alone: the help itself, not an error to translate (Click ≥ 8.2).
_HELP_FOR_NO_ARGS: type[Exception] | None = getattr(_CLICK, "NoArgsIsHelpError", None)

#: How Click names a parameter: 'REPORT', '--year' / '-y', '--lang' (env var: 'LZIP_LANG').
_NAME = r"(?P<name>'[^']+'(?: / '[^']+')*(?: \(env var: '[^']+'\))?)"

_ENV_VAR = re.compile(r" \(env var: '(?P<var>[^']+)'\)")

#: Click's English message → the message key that says it in Chinese, most specific first.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (
            r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.+)\)",
            "no_option_near",
        ),
        (r"No such option: (?P<option>\S+) Did you mean (?P<options>.+)\?", "no_option_near"),
        (r"No such option: (?P<option>\S+)", "no_option"),
        (r"No such command '(?P<command>.+)'\. Did you mean (?P<options>.+)\?", "no_command_near"),
        (r"No such command '(?P<command>.+)'\.", "no_command"),
        (rf"Missing argument {_NAME}\.\s*Choose from:\s*(?P<choices>.+)", "missing_choice"),
        (rf"Missing argument {_NAME}\.", "missing_argument"),
        (rf"Missing option {_NAME}\.\s*Choose from:\s*(?P<choices>.+)", "missing_choice"),
        (rf"Missing option {_NAME}\.", "missing_option"),
        (rf"Option {_NAME} requires an argument\.", "option_needs_value"),
        (rf"Option {_NAME} does not take a value\.", "option_takes_no_value"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.+)\)", "extra_arguments"),
        (rf"Invalid value for {_NAME}: (?P<detail>.+)", "invalid_value"),
    )
)

#: What pydantic and Click say about a bad value → its Chinese message key.
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Input should be less than or equal to (?P<limit>\S+)", "value_at_most"),
        (r"Input should be greater than or equal to (?P<limit>\S+)", "value_at_least"),
        (r"Input should be a valid integer.*", "value_not_integer"),
        (r"'(?P<value>.*)' is not a valid integer\.?", "value_not_integer"),
        (
            r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.+?)\.?",
            "value_not_choice",
        ),
        (r"(?P<value>\S+) is not in the range (?P<range>.+?)\.?", "value_out_of_range"),
    )
)


def language(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language the command line asks for: ``--lang``, else ``LZIP_LANG``, else Chinese."""
    chosen = environ.get("LZIP_LANG", "zh")
    for index, arg in enumerate(args):
        given = None
        if arg == "--lang" and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
        if given in ("zh", "en"):  # a bad value is the error being reported: not a language
            chosen = given
    return "en" if chosen == "en" else "zh"


def show(error: Any, lang: Lang) -> int:
    """Print a Click usage error to stderr in ``lang``; return its exit code."""
    if lang == "en" or (_HELP_FOR_NO_ARGS and isinstance(error, _HELP_FOR_NO_ARGS)):
        error.show()
        return int(error.exit_code)
    lines = []
    context = getattr(error, "ctx", None)
    if context is not None:
        usage = context.get_usage().removeprefix("Usage:").strip()
        lines += [
            t("usage_line", lang, usage=usage),
            t("usage_help", lang, command=context.command_path),
            "",
        ]
    lines.append(f"{t('error', lang)}：{translate(error.format_message(), lang)}")
    for line in lines:
        typer.echo(line, err=True)
    return int(error.exit_code)


def translate(message: str, lang: Lang) -> str:
    """Click's English ``message`` in ``lang``; as it is when lzip does not know it."""
    for pattern, key in _MESSAGES:
        found = pattern.fullmatch(message.strip())
        if found:
            params = found.groupdict()
            if "detail" in params:
                params["detail"] = _detail(params["detail"], lang)
            if params.get("name"):
                params["name"] = _ENV_VAR.sub(
                    lambda m: t("usage.env_var", lang, var=m["var"]), params["name"]
                )
            if "choices" in params:  # one per line, tab-indented, comma-ended
                params["choices"] = " ".join(params["choices"].split())
            return t("usage." + key, lang, **params)
    return message


def _detail(detail: str, lang: Lang) -> str:
    for pattern, key in _DETAILS:
        found = pattern.fullmatch(detail)
        if found:
            return t("usage." + key, lang, **found.groupdict())
    return detail
