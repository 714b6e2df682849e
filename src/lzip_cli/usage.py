"""Usage errors (an unknown option, a missing argument) and help in the user's language.

Typer (through Click) words them in English. ``lzip`` speaks Chinese by default, so for ``zh``
the usage line, the help hint and the known messages are said again in Chinese; a message
lzip does not know keeps Click's English words inside the Chinese frame. English is Click's own
text, without the ``Value error, `` that pydantic puts before the words of a value Typer refuses
(an enum option's ``'pdf' is not one of …``), and in Click's words where Typer passes pydantic's
on (``--year 2300``: ``2300 is not in the range 1900<=x<=2200.``, not ``Input should be less than
or equal to 2200``).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer

from lzip_cli.linebreak import cell_width, wrap_cells
from lzip_cli.messages import Lang, choices, t

#: Click's exception classes, from wherever this Typer takes Click (recent ones vendor it).
_CLICK = sys.modules[typer.BadParameter.__module__]
ClickException: type[Exception] = _CLICK.ClickException
UsageError: type[Exception] = _CLICK.UsageError
#: ``lzip`` or ``lzip check`` alone: the help itself, not an error to translate (Click ≥ 8.2).
_HELP_FOR_NO_ARGS: type[Exception] | None = getattr(_CLICK, "NoArgsIsHelpError", None)

#: How Click names a parameter: 'REPORT', '--year' / '-y', '--lang' (env var: 'LZIP_LANG').
_NAME = r"(?P<name>'[^']+'(?: / '[^']+')*(?: \(env var: '[^']+'\))?)"

_ENV_VAR = r" \(env var: '(?P<var>[^']+)'\)"

#: Click's English message → the message key that says it in Chinese, most specific first.
#: (Patterns as text: ``re`` compiles them on first use, not when ``--help`` imports this.)
_MESSAGES: tuple[tuple[str, str], ...] = (
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

#: What pydantic and Click say about a bad value → its Chinese message key.
_DETAILS: tuple[tuple[str, str], ...] = (
    (r"Input should be less than or equal to (?P<limit>\S+)", "value_at_most"),
    (r"Input should be greater than or equal to (?P<limit>\S+)", "value_at_least"),
    (r"Input should be a valid integer.*", "value_not_integer"),
    (r"Unable to parse input string as an integer.*", "value_not_integer"),  # too many digits
    (r"Input should be (?P<expected>'[^']*'(?:, '[^']*')* or '[^']*')\.?", "value_not_literal"),
    (r"(?P<value>'.*') is not a valid integer\.?", "value_not_valid_integer"),
    (
        r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.+?)\.?",
        "value_not_choice",
    ),
    (r"(?P<value>\S+) is not in the range (?P<range>.+?)\.?", "value_out_of_range"),
    (r"'(?P<value>.*)' names a folder; give the name of the file to write", "value_names_folder"),
)


def usage_error(context: Any, name: str, detail: str | None = None) -> Exception:
    """Click's usage error for the parameter called ``name`` in the command's Python signature.

    Without ``detail``, the parameter is missing; with it, its value is invalid for that reason.
    """
    param = next(p for p in context.command.params if p.name == name)
    if detail is None:
        return _CLICK.MissingParameter(ctx=context, param=param)
    return _CLICK.BadParameter(detail, ctx=context, param=param)


#: What pydantic puts before the message of a ValueError raised while validating: Typer (0.29)
#: checks an enum option's value so (``Value error, 'pdf' is not one of 'table', …``).
_PYDANTIC_VALUE_ERROR = "Value error, "


#: pydantic's error types for a whole-number option's value (Typer 0.29 checks ``--year`` with
#: a TypeAdapter): not a whole number, or outside the option's ``min`` and ``max``.
_NOT_AN_INTEGER = frozenset({"int_parsing", "int_parsing_size", "int_from_float", "int_type"})
_OUT_OF_RANGE = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than"})


_LONGEST_VALUE_SHOWN = 20


def _in_clicks_words(error: Any) -> str | None:
    """What Click says of a whole-number option's value that pydantic refused, as Click's
    ``IntRange`` said it before Typer checked values with pydantic: ``2300 is not in the range
    1900<=x<=2200.``, ``'abc' is not a valid integer.``; None for any other error."""
    try:
        [found] = error.__cause__.errors(include_url=False)
    except (AttributeError, TypeError, ValueError):
        return None  # not pydantic's
    kind, value, limits = found["type"], found.get("input"), found.get("ctx") or {}
    if kind not in _NOT_AN_INTEGER | _OUT_OF_RANGE or not all(
        isinstance(limit, int) for limit in limits.values()
    ):
        return None
    try:
        number = int(value)  # as Click converts it: 2400.0 is no whole number to Click
    except (TypeError, ValueError):
        number = None
    if kind in _NOT_AN_INTEGER or number is None:
        if isinstance(value, str) and len(value) > _LONGEST_VALUE_SHOWN:
            value = value[:_LONGEST_VALUE_SHOWN] + "…"  # 5,000 digits pasted: not all echoed
        return t("usage.value_not_valid_integer", "en", value=repr(value))
    low = getattr(error.param, "min", None)
    high = getattr(error.param, "max", None)
    if low is None and high is None:  # only the limit passed is known
        low, high = limits.get("ge", limits.get("gt")), limits.get("le", limits.get("lt"))
    if low is None:
        bounds = f"x<={high}"
    elif high is None:
        bounds = f"x>={low}"
    else:
        bounds = f"{low}<=x<={high}"
    return t("usage.value_out_of_range", "en", value=number, range=bounds)


def show(error: Any, lang: Lang) -> int:
    """Print a Click usage error to stderr in ``lang``; return its exit code."""
    message = getattr(error, "message", None)
    if isinstance(message, str) and message.startswith(_PYDANTIC_VALUE_ERROR):
        error.message = message.removeprefix(_PYDANTIC_VALUE_ERROR)  # Click's words alone
    if (words := _in_clicks_words(error)) is not None:
        # not pydantic's "Input should be a valid integer": Click's words name the value
        error.message = words
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
    if getattr(getattr(error, "param", None), "name", None) == "lang":
        # The language asked for is not one lzip speaks (--lang fr): the reader may not read
        # the default, Chinese; the English follows.
        english = _in_clicks_words(error) or error.format_message()
        lines.append(f"{t('error', 'en').capitalize()}: {english}")
    for line in lines:
        typer.echo(line, err=True)
    return int(error.exit_code)


#: Typer's and Click's own words in ``--help`` → the message key that says them in Chinese.
_FRAME: tuple[tuple[str, str], ...] = (
    (r"^Usage: ", "help_frame.usage"),
    (r"^Arguments:$", "help_frame.arguments"),
    (r"^Options:$", "help_frame.options"),
    (r"^Commands:$", "help_frame.commands"),
    (r"Show this message\s+and\s+exit\.", "help_frame.help"),
    (r"\[required\]", "help_frame.required"),
    (r"\[(?P<before>[^\[\]]+?);\s+required\]", "help_frame.with_required"),
    (
        r"\[env\s+var:\s+(?P<var>[^;\]]+);\s+default:\s+(?P<default>[^\]]+)\]",
        "help_frame.env_default",
    ),
    (r"\[env\s+var:\s+(?P<var>[^\]]+)\]", "help_frame.env"),
    (r"\[default:\s+(?P<default>[^\]]+)\]", "help_frame.default"),
)


def localize_help(text: str, lang: Lang) -> str:
    """Typer's ``--help`` text with its own words (Usage, Options, [default: …]) in ``lang``."""
    if lang == "en":
        return text
    for pattern, key in _FRAME:
        text = re.sub(
            pattern,
            lambda found, key=key: t(key, lang, **found.groupdict()),
            text,
            flags=re.MULTILINE,
        )
    return text


def translate(message: str, lang: Lang) -> str:
    """Click's English ``message`` in ``lang``; as it is when lzip does not know it."""
    for pattern, key in _MESSAGES:
        found = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if found:
            params = found.groupdict()
            if "detail" in params:
                params["detail"] = _detail(params["detail"], lang)
            if params.get("name"):
                params["name"] = re.sub(
                    _ENV_VAR, lambda m: t("usage.env_var", lang, var=m["var"]), params["name"]
                )
            if "choices" in params:  # one per line, tab-indented, comma-ended
                params["choices"] = " ".join(params["choices"].split())
            for listed in ("choices", "options"):  # 'check'、'schema' in a Chinese sentence
                if listed in params and lang == "zh":
                    params[listed] = re.sub(r",\s*", "、", params[listed])
            # （或环境变量 LZIP_LANG） 的值无效: no space after a full-width bracket
            return t("usage." + key, lang, **params).replace("） ", "）")
    return message


def _detail(detail: str, lang: Lang) -> str:
    for pattern, key in _DETAILS:
        found = re.fullmatch(pattern, detail)
        if found:
            params: dict[str, Any] = found.groupdict()
            if "expected" in params:  # 'a' 或 'b' in Chinese
                params["expected"] = choices(params["expected"])
            if "choices" in params and lang == "zh":  # 'zh'、'en'
                params["choices"] = re.sub(r",\s*", "、", params["choices"])
            return t("usage." + key, lang, **params)
    return detail


def cell_help_formatter(base: type) -> type:
    """A subclass of Click's ``HelpFormatter`` for Chinese help: its definition lists (options,
    commands) are said in Chinese and wrapped by terminal columns, not by characters (Click's
    own wrapping let a line of Chinese run to twice the terminal's width)."""

    class CellHelpFormatter(base):  # type: ignore[misc, valid-type]
        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            for line in wrap_cells(text, max(self.width - self.current_indent, 11)):
                self.write((indent + line).rstrip() + "\n")

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [(first, localize_help(second, "zh")) for first, second in rows]
            first_col = min(max(cell_width(first) for first, _ in rows), col_max) + col_spacing
            indent = " " * self.current_indent
            for first, second in rows:
                self.write(f"{indent}{first}")
                if not second:
                    self.write("\n")
                    continue
                if cell_width(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - cell_width(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                lines = wrap_cells(second, max(self.width - first_col - 2, 10))
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write((" " * (first_col + self.current_indent) + line).rstrip() + "\n")

    return CellHelpFormatter
