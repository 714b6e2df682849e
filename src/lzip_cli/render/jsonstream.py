"""Indented JSON written in pieces: the same text as ``json.dumps(obj, ensure_ascii=False, indent=2)``.

The standard library's indenting encoder is pure Python built on nested generators, and it joins
the whole document into one string before anything is written. :func:`dump` writes the same
characters through ``write`` in chunks of about :data:`CHUNK` pieces, about three times faster,
and takes iterators (generators) where the document has lists, so that a document of a million
rows never exists whole in memory, neither as data nor as text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import c_make_encoder, encode_basestring  # C functions when available
from typing import Any

CHUNK = 4096
#: Exactly these types are written alike by both encoders (subclasses take the general path).
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})

_INFINITY = float("inf")
_float_repr = float.__repr__
_int_repr = int.__repr__


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return _float_repr(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, int | float) or key is None:  # bool is an int: true, false
        return scalar_text(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


class Table:
    """A JSON list of flat records whose values are JSON text already: one ``(keys, texts)`` pair
    per record, ``texts[i]`` the encoded value of ``keys[i]`` (see :func:`scalar_text`).

    :func:`dump` writes each record with one %-format per key tuple, the same text as the list
    of dicts would give, without a dict per record or a pass over its values: a million agency
    rows had been more than half of writing ``check --format json``.
    """

    __slots__ = ("rows",)

    def __init__(self) -> None:
        self.rows: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def append(self, keys: tuple[str, ...], texts: tuple[str, ...]) -> None:
        """Add a record: ``keys`` (non-empty, shared by records of one shape) and their texts."""
        self.rows.append((keys, texts))

    def records(self) -> list[dict[str, Any]]:
        """The records as Python data: what their text reads back as."""
        return [dict(zip(keys, map(json.loads, texts), strict=True)) for keys, texts in self.rows]


def scalar_text(value: str | int | float | bool | None) -> str:
    """``value`` as JSON text, as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _int_repr(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not a JSON scalar")


def dump(obj: Any, write: Callable[[str], object], indent: int = 2) -> None:
    """Write ``obj`` as indented JSON through ``write`` (no trailing newline)."""
    parts: list[str] = []
    append = parts.append
    newlines: list[str] = []

    def newline(level: int) -> str:
        while len(newlines) <= level:
            newlines.append("\n" + " " * (indent * len(newlines)))
        return newlines[level]

    flat_encoders: list[Any] = []

    def flat_encoder(level: int) -> Any:
        """The C encoder for a container at ``level`` whose items are scalars."""
        while len(flat_encoders) <= level:
            separator = "," + newline(len(flat_encoders) + 1)
            flat_encoders.append(
                c_make_encoder(
                    None, None, encode_basestring, None, ": ", separator, False, False, True
                )  # type: ignore[misc]
            )
        return flat_encoders[level]

    def flat(container: dict[Any, Any] | list[Any], level: int) -> str:
        """A non-empty dict or list of scalars only, through the C encoder (several times faster).

        With ``indent=None`` the C encoder writes ``{"a": 1<sep>"b": 2}``; with the separator
        ``",\n" + indentation`` that is the indented text without its first and last newline.
        """
        text = "".join(flat_encoder(level)(container, 0))
        return text[0] + newline(level + 1) + text[1:-1] + newline(level) + text[-1]

    def flat_records(items: list[dict[Any, Any]], level: int) -> str:
        """A list of non-empty dicts of scalars only (a table's rows), in one C-encoder call.

        Encoded with the separator of the dicts' items, the list's own separators come out as
        ``}`` + separator + ``{``; with a newline in the separator that text occurs nowhere else
        (a string's newline is escaped), so one replace gives the list its own indentation.
        """
        text = "".join(flat_encoder(level + 1)(items, 0))
        inner, deeper = newline(level + 1), newline(level + 2)
        text = text.replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        return "[" + inner + "{" + deeper + text[2:-2] + inner + "}" + newline(level) + "]"

    formats: dict[tuple[tuple[str, ...], int], str] = {}

    def record_format(keys: tuple[str, ...], level: int) -> str:
        """The %-format of a record of ``keys`` in a :class:`Table` at ``level``."""
        form = formats.get((keys, level))
        if form is None:
            deeper = newline(level + 2)
            members = ("," + deeper).join(
                encode_basestring(key).replace("%", "%%") + ": %s" for key in keys
            )
            form = formats[keys, level] = "{" + deeper + members + newline(level + 1) + "}"
        return form

    def table(rows: Table, level: int) -> str:
        """A :class:`Table` at ``level``: each record through its key tuple's %-format."""
        if not rows.rows:
            return "[]"
        inner = newline(level + 1)
        shape: tuple[str, ...] = ()
        form = ""
        pieces = []
        for keys, texts in rows.rows:
            if keys is not shape:
                shape, form = keys, record_format(keys, level)
            pieces.append(form % texts)
        return "[" + inner + ("," + inner).join(pieces) + newline(level) + "]"

    def scalar(value: Any) -> str | None:
        if isinstance(value, str | int | float) or value is None:  # bool is an int
            return scalar_text(value)
        return None

    def encode(value: Any, level: int) -> None:
        text = scalar(value)
        if text is not None:
            append(text)
        elif type(value) is Table:
            # A table is a long piece: written with what is pending, not held among CHUNK
            # pieces (thousands of agencies' tables had been 120 MB of pending text).
            append(table(value, level))
            write("".join(parts))
            parts.clear()
        elif isinstance(value, dict):
            encode_dict(value, level)
        elif isinstance(value, list | tuple | Iterator):
            encode_list(value, level)
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        if len(parts) >= CHUNK:
            write("".join(parts))
            parts.clear()

    def encode_list(items: Any, level: int) -> None:
        kind = type(items)
        if kind is list and items and flat_encoders_usable:
            if _SCALAR_TYPES.issuperset(map(type, items)):
                append(flat(items, level))
                return
            if all(
                type(item) is dict and item and _SCALAR_TYPES.issuperset(map(type, item.values()))
                for item in items
            ):
                write("".join(parts))  # a long piece: written at once, not held among CHUNK
                parts.clear()
                write(flat_records(items, level))
                return
        inner = newline(level + 1)
        separator = "," + inner
        first = True
        for item in items:
            append(("[" + inner) if first else separator)
            first = False
            encode(item, level + 1)
        append("[]" if first else newline(level) + "]")

    def encode_dict(mapping: dict[Any, Any], level: int) -> None:
        if not mapping:
            append("{}")
            return
        if flat_encoders_usable and _SCALAR_TYPES.issuperset(map(type, mapping.values())):
            append(flat(mapping, level))
            return
        inner = newline(level + 1)
        separator = "," + inner
        before = "{" + inner  # what comes before the next item
        if flat_encoders_usable:
            # Runs of scalar items through the C encoder: its text of ``{run}`` between the
            # braces is the run's items, each on its own line (see :func:`flat`).
            run: dict[Any, Any] = {}
            for key, value in mapping.items():
                if type(value) in _SCALAR_TYPES:
                    run[key] = value
                    continue
                if run:
                    append(before + "".join(flat_encoder(level)(run, 0))[1:-1])
                    before, run = separator, {}
                append(before + encode_basestring(_key(key)) + ": ")
                before = separator
                encode(value, level + 1)
            if run:
                append(before + "".join(flat_encoder(level)(run, 0))[1:-1])
        else:
            for key, value in mapping.items():
                append(before + encode_basestring(_key(key)) + ": ")
                before = separator
                encode(value, level + 1)
        append(newline(level) + "}")

    flat_encoders_usable = c_make_encoder is not None
    encode(obj, 0)
    if parts:
        write("".join(parts))
