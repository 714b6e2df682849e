"""A progress bar on stderr for long work: only on a terminal, and only after about a second.

:func:`track` wraps an iterable. When stderr is not a terminal (a pipe, a file, CI, the tests) it
yields the items and does nothing else; Rich is not even imported. On a terminal it looks at the
clock every :data:`CHECK_EVERY` items and starts a transient Rich bar once :data:`DELAY` seconds
have passed, so that quick runs print nothing at all.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: Seconds of work before a bar appears.
DELAY = 1.0
#: Items between two looks at the clock (a power of two minus one is used as a mask).
CHECK_EVERY = 1024


def enabled() -> bool:
    """Whether stderr is a terminal that can redraw a bar (not ``TERM=dumb``, such as Emacs'
    shell, where a bar leaves its lines behind)."""
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def track(
    items: Iterable[T],
    description: str,
    total: int | None = None,
    *,
    delay: float | None = None,
    position: Callable[[T], int] | None = None,
    every: int | None = None,
) -> Iterator[T]:
    """Yield ``items``; on a terminal, show a bar on stderr once the work takes ``delay`` s
    (default :data:`DELAY`), looking at the clock every ``every`` items (a power of two;
    default :data:`CHECK_EVERY`, for items of microseconds; 1 for items of milliseconds).

    The bar counts items out of ``total``; with ``position`` it shows how far ``position(item)``
    is through ``total`` instead, as a percentage (say, an event's offset in a file's text).

    Off a terminal the items' own iterator is returned: no generator stands between them and the
    caller, which costs a call per item (a million rows of a large CSV).
    """
    if not enabled():
        return iter(items)
    return _tracked(
        items,
        description,
        total,
        DELAY if delay is None else delay,
        position,
        CHECK_EVERY if every is None else every,
    )


def _tracked(
    items: Iterable[T],
    description: str,
    total: int | None,
    delay: float,
    position: Callable[[T], int] | None,
    every: int,
) -> Iterator[T]:
    start = time.monotonic()
    bar = None
    task = None
    done = 0
    mask = every - 1
    try:
        for item in items:
            yield item
            done += 1
            if done & mask:
                continue
            if bar is None:
                if time.monotonic() - start < delay:
                    continue
                bar = _bar(percent=position is not None)
                bar.start()
                task = bar.add_task(description, total=total)
            completed = done if position is None else position(item)
            bar.update(task, completed=completed)  # type: ignore[arg-type]
    finally:
        if bar is not None:
            bar.stop()


def _bar(*, percent: bool = False):  # type: ignore[no-untyped-def]
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from lzip_cli.render import terminal

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn() if percent else MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=terminal.console(stderr=True),
        transient=True,
    )
