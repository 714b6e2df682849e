"""Rich output as it is on a terminal; in a pipe or a file without Rich's padding, and in
characters the output's encoding has."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

#: Stand-ins for characters an output encoding may lack (GBK has no ░): each as wide.
_PLAINER = str.maketrans({"█": "#", "░": "-"})


def console(**options: Any) -> Console:
    """A Rich console as wide as :func:`lzip_cli.stdio.layout_width` says (``COLUMNS=0`` or
    ``COLUMNS=1`` from a CI runner would otherwise lay tables out to nothing or to one cell)."""
    from rich.console import Console

    from lzip_cli.stdio import layout_width

    return Console(width=layout_width(), **{**PLAIN_TEXT, **options})


#: Text is printed as written: a name such as "Trademarks [incl. collective]" is data, not
#: Rich markup (which dropped the brackets' text, and failed on "[/]").
PLAIN_TEXT: dict[str, Any] = {"markup": False, "emoji": False}


def show(console: Console, draw: Callable[[], None]) -> None:
    """Run ``draw`` (which prints to ``console``): lines written to anything but a terminal lose
    the trailing spaces Rich pads them with, also when colour is forced on a pipe."""
    if writes_to_terminal(console):
        draw()
        return
    with console.capture() as capture:
        draw()
    text = "".join(_trimmed(line) + "\n" for line in capture.get().splitlines())
    console.file.write(encodable(text, getattr(console.file, "encoding", None)))


def writes_to_terminal(console: Console) -> bool:
    """Whether ``console`` writes to a terminal (else to a file or pipe, in one piece)."""
    return console.is_terminal and _isatty(console.file)


#: Spaces and colour codes at a line's end: colour forced on a pipe (``FORCE_COLOR=1`` in CI)
#: leaves Rich's padding inside them (``滞后    \x1b[0m ``).
_TRAILING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$")
_COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*m")


def _trimmed(line: str) -> str:
    """``line`` without trailing spaces, keeping the colour codes among them."""
    return _TRAILING.sub(lambda end: "".join(_COLOUR_CODE.findall(end.group())), line)


def _isatty(file: Any) -> bool:
    try:
        return bool(file.isatty())
    except (AttributeError, ValueError, OSError):  # no such method, or a closed file
        return False


def print_plain(console: Console, *renderables: Any) -> None:
    """``console.print(*renderables)`` through :func:`show`."""
    show(console, lambda: console.print(*renderables))


def encodable(text: str, encoding: str | None) -> str:
    """``text`` with the progress bar's blocks made plain when ``encoding`` cannot write them."""
    try:
        text.encode(encoding or "utf-8")
    except UnicodeEncodeError:
        return text.translate(_PLAINER)
    except LookupError:
        pass
    return text
