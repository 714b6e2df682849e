"""Did you mean …? The plan's closest entry to a text that names none of its entries."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

#: Below this similarity (difflib's ratio) nothing is suggested: 县农业局 → 县农业农村局 is 0.8,
#: 县科技局 → 县科工贸局 0.67, and a wrong guess is worse than none.
CUTOFF = 0.7
#: A plan with more names than this (a province's roll-up) gets no suggestions: comparing a
#: text with every name costs too much there, and near names are too many to guess among.
MAX_NAMES = 2000


def closest(key: str, index: Mapping[str, T]) -> T | None:
    """The entry of ``index`` whose (normalised) name is closest to ``key``, if close enough."""
    if not key or len(index) > MAX_NAMES:
        return None
    # A name with something after it (县林业局（盖章）, 县林业局填报) is that name, however far
    # the whole text is from it: the longest name the text starts with.
    starts = [name for name in index if len(name) >= 2 and key.startswith(name)]
    if starts:
        return index[max(starts, key=len)]
    found = difflib.get_close_matches(key, list(index), n=1, cutoff=CUTOFF)
    return index[found[0]] if found else None
