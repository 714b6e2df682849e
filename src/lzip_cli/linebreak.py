"""Breaking lines of mixed Chinese and English text by terminal columns.

A Chinese character takes two columns. Lines break between words and between any two Chinese
characters, as Chinese typesetting does (避头尾): closing punctuation does not start a line and
an opening bracket does not end one. Used for the Chinese help, for the names in the check
table and for the catalog tables (lzip indicators, lzip agencies), which Rich would fold at
any character.
"""

from __future__ import annotations

import re
import unicodedata


def cell_width(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide (Chinese) character."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


#: The narrowest a column of names is made in the catalog and diff tables (before it goes into
#: another block): five Chinese characters, or a few English words (never narrower than its
#: longest word).
TEXT_MIN_WIDTH = {"zh": 10, "en": 16}
#: A bracketed note ([默认：zh], kept whole), a run of spaces, a run of other ASCII (a word,
#: --option), or any one other character.
_WRAP_TOKEN = re.compile(r"\[[^\[\]]*\]|\s+|[!-~]+|.")
#: What Chinese typesetting keeps off the start of a line: it stays at the end of the one before.
#: So do English commas and semicolons after a Chinese name (鹿寨县林业局; 林业局).
_NO_LINE_START = frozenset("，。、；：？！）】》」』”’,.;:!?)")
#: What it keeps off the end of a line: it goes down to the start of the next one.
_NO_LINE_END = frozenset("（【《「『“‘")
#: A count or a year after its word ("tracked 4", "in 2024"): it does not start a line alone.
_NUMBER = re.compile(r"[0-9]{1,4}[,.;:]?")


def share_spare(
    widths: list[int] | dict[int, int], needs: list[int], columns: list[int], spare: int
) -> int:
    """Give ``spare`` cells of width, one at a time, to whichever of ``columns`` is furthest
    from its need (its cells would take the most lines); return what no column needed."""
    while spare > 0:
        short = [i for i in columns if widths[i] < needs[i]]
        if not short:
            break
        widest = max(short, key=lambda i: needs[i] / widths[i])
        widths[widest] += 1
        spare -= 1
    return spare


def wrap_cells(text: str, width: int, *, keep_first: bool = False) -> list[str]:
    """``text`` in lines of at most ``width`` columns, counting a Chinese character as two.

    Breaks between words and between any two Chinese characters, as Chinese typesetting does:
    closing punctuation never starts a line (the character before it goes down with it) and an
    opening bracket never ends one. Paragraphs are kept apart by a blank line. ``keep_first``:
    the first word stays on one line with what follows it (an id with its name: ``1.1 查``).
    """
    lines: list[str] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text.strip())):
        if number:
            lines.append("")
        line: list[str] = []
        used = 0  # columns of ``line`` without its trailing space
        tokens = _WRAP_TOKEN.findall(" ".join(paragraph.split()))
        if keep_first and len(tokens) > 2 and tokens[1].isspace():
            tokens[:3] = ["".join(tokens[:3])]
        while tokens:
            token = tokens.pop(0)
            size = cell_width(token)
            if size > width and token.startswith("[") and len(token) > 1:
                tokens[:0] = ["[", *_WRAP_TOKEN.findall(token[1:])]  # wider than a line: split
                continue
            if token.isspace():
                if line:
                    line.append(token)
                continue
            gap = 1 if line and line[-1].isspace() else 0
            if line and used + gap + size > width:
                carried = _carried_down(line, token)
                if carried is not None:  # else it hangs past the edge
                    lines.append("".join(line).rstrip())
                    line = carried
                    used = cell_width("".join(line).rstrip())
                    gap = 1 if line and line[-1].isspace() else 0
            line.append(token)
            used += gap + size
        lines.append("".join(line).rstrip())
    return lines


def _carried_down(line: list[str], token: str) -> list[str] | None:
    """The tokens at the end of ``line`` that go down with ``token`` to the next line (taken off
    ``line``): opening brackets, and before closing punctuation the character it closes. None
    when closing punctuation has nothing to go down with: it hangs past the edge instead."""
    carried: list[str] = []
    if _NUMBER.fullmatch(token) and len(line) > 2 and line[-1].isspace():
        return [line.pop(-2), line.pop()]  # the word before goes down with it
    if token[0] in _NO_LINE_START:
        while line and line[-1] in _NO_LINE_START:
            carried.insert(0, line.pop())
        if len(line) > 1 and not line[-1].isspace():
            carried.insert(0, line.pop())
        else:
            line += carried
            return None
    while len(line) > 1 and line[-1] in _NO_LINE_END:
        carried.insert(0, line.pop())
    return carried
