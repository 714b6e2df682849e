"""Read YAML safely and remember where every value came from.

PyYAML's ``safe_load`` forgets positions and keeps the last of two duplicate keys. Here the
document is composed into nodes (libyaml's C parser when available), checked (duplicate keys,
anchors and aliases, tags outside the YAML core schema, depth) and turned into plain Python data
together with a map from each value's path to its line and column.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lzip_cli import progress
from lzip_cli.errors import LzipError, Problem, ProblemLog, unreadable
from lzip_cli.messages import TEXTS, Bilingual

try:  # libyaml is several times faster; the pure-Python parser gives the same marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_BYTES = 64 * 1024 * 1024

_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)

Path_ = tuple[str | int, ...]


#: A plain (unquoted) scalar in a block or flow collection, up to a comment or the next item.
_PLAIN_VALUE = re.compile(r"[^\s,\[\]{}#\"']+")


#: Plain numbers that YAML readers tell apart by version, none as most people read them: a
#: leading zero (015 is octal 13 in YAML 1.1, 15 in YAML 1.2, and 018 text), a base prefix
#: (0x12, 0o17, 0b11), base 60 (1:30 is 90), underscores (YAML 1.1 reads 1_7_0_0 as 1700) and
#: exponents (YAML 1.1 reads 1.0e+4 as 10000 but 1e4 and 1.7e3 as text).
#: They are kept as the text written, so that a figure written so is refused where a number
#: belongs, never read as another figure.
NUMBER_FORMS = re.compile(
    r"[-+]?(?:0[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+"
    r"|0[xXoObB][0-9a-fA-F_]+"
    r"|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[0-9.]*_[0-9_.]*(?:[eE][-+]?[0-9]+)?)"
)


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    column: int


@dataclass(slots=True)
class YamlDocument:
    """Plain data of one YAML file and the position of each of its values and keys.

    The positions are only needed to locate a problem, and for a large plan they took most of
    the memory (8 million paths and marks for 100,000 indicators, 1.3 GB): a document read from
    ``text`` computes them by reading the text again the first time they are asked for.
    """

    file: str
    data: Any
    text: str | None = field(default=None, repr=False)
    marks: tuple[dict[Path_, Mark], dict[Path_, Mark]] | None = field(default=None, repr=False)
    line_starts: list[int] | None = field(default=None, repr=False)
    #: Problems that leave the data usable: a duplicate key (LZ014), whose first value is kept,
    #: so that the rest of the file is still validated and reported in the same run.
    problems: list[Problem] = field(default_factory=list)

    @property
    def value_marks(self) -> dict[Path_, Mark]:
        return self._marks()[0]

    @property
    def key_marks(self) -> dict[Path_, Mark]:
        return self._marks()[1]

    def _marks(self) -> tuple[dict[Path_, Mark], dict[Path_, Mark]]:
        if self.marks is None:
            builder = _Builder(self.file, marks=True)
            builder.run(self.text or "")
            self.marks = builder.value_marks, builder.key_marks
        return self.marks

    def written(self, mark: Mark) -> str | None:
        """The plain value as the file writes it at ``mark``: ``6.10``, which YAML reads as 6.1."""
        line = self.line(mark.line)
        if line is None:
            return None
        found = _PLAIN_VALUE.match(line, mark.column - 1)
        return found.group() if found else None

    def line(self, number: int) -> str | None:
        """The text of line ``number`` (from 1), without its line break; None if unknown."""
        if self.text is None:
            return None
        if self.line_starts is None:  # only for a problem's message: not worth keeping before
            self.line_starts = [0, *(found.end() for found in re.finditer("\n", self.text))]
        if not 0 < number <= len(self.line_starts):
            return None
        start = self.line_starts[number - 1]
        end = self.line_starts[number] - 1 if number < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def locate(self, path: Path_, *, key: bool = False) -> Mark | None:
        """Position of the value at ``path`` (or its key), else of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if key or end < len(path):
                mark = self.key_marks.get(prefix)
                if mark is not None:
                    return mark
            mark = self.value_marks.get(prefix)
            if mark is not None:
                return mark
        return None


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml_bytes(path: Path, name: str) -> bytes:
    """The bytes of a YAML file named ``name`` in problems; raise :class:`LzipError` if unusable."""
    try:
        if path.is_dir():
            raise LzipError([Problem("LZ001", "file_is_directory", file=name)])
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO would wait forever, /dev/zero never end
            raise LzipError([Problem("LZ001", "file_not_regular", file=name)])
        size = status.st_size
        if size > MAX_BYTES:
            raise LzipError([Problem("LZ002", "file_too_large", file=name, params={"size": size})])
        return path.read_bytes()
    except FileNotFoundError:
        raise LzipError([Problem("LZ003", "file_missing", file=name)]) from None
    except OSError as exc:
        raise unreadable(name, exc) from None


def decode_yaml(raw: bytes, name: str, *, label: str | None = None) -> YamlDocument:
    """Decode the bytes of a YAML file (UTF-8, with or without BOM) and parse them into a
    :class:`YamlDocument`; raise :class:`LzipError` if unusable.

    ``label`` is the text of the progress bar a long read shows (default: the file's name)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1  # the column of the first byte not UTF-8
        column = len(raw[start : exc.start].decode("utf-8-sig" if start == 0 else "utf-8")) + 1
        problem = Problem("LZ005", "yaml_not_utf8", file=name, line=line, column=column)
        raise LzipError([problem]) from None
    return parse_yaml(text, name, label=label)


def parse_yaml(text: str, name: str, *, label: str | None = None) -> YamlDocument:
    """Parse YAML text; see :func:`decode_yaml`."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LzipError([Problem("LZ006", "nul_byte", file=name, line=line)])
    try:
        return _Builder(name, label=label).run(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context or "").strip()
        key, code = "yaml_syntax", "LZ007"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        params: dict[str, Any] = {"problem": problem}
        if "nesting depth" in problem:  # libyaml's own limit
            key, code = "yaml_too_deep", "LZ008"
        elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            key = "yaml_tab"
        elif (quote := _runaway_quote(text, exc)) is not None:
            # A quote left open swallows the lines after it up to the next quote of its kind,
            # often far below, where the parser stops: name the quote.
            key = "yaml_unpaired_quote"
            params.update(line=line, column=column, quote=Bilingual(*TEXTS["quote." + quote[2]]))
            line, column = quote[0], quote[1]
        elif (opened := _unclosed_flow(exc)) is not None:
            key, opening = "yaml_unclosed_flow", opened
            params.update(line=line, column=column, opening=opening, closing=_CLOSING[opening])
            line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        elif mark is not None and (cause := likely_cause(text, mark.line)) is not None:
            # The parser stops where the text stops making sense, often a line or two after
            # the slip a Chinese keyboard makes; name the slip, and where the parser stopped.
            key, cause_line, cause_column = cause
            params.update(line=line, column=column)
            line, column = cause_line, cause_column
        raise LzipError(
            [Problem(code, key, file=name, line=line, column=column, params=params)]
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, only an offset
        line, column = _offset_position(text, exc.position)
        raise LzipError(
            [
                Problem(
                    "LZ007",
                    "yaml_syntax",
                    file=name,
                    line=line,
                    column=column,
                    params={"problem": exc.reason},
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise LzipError(
            [Problem("LZ007", "yaml_syntax", file=name, params={"problem": str(exc)})]
        ) from None
    except RecursionError:
        raise LzipError([Problem("LZ008", "yaml_too_deep", file=name)]) from None


#: A key followed by a full-width colon: ``unit："件"``.
_FULL_WIDTH_COLON = re.compile(r"^[ \u3000]*(?:-[ \u3000]+)?[\w.-]+[ \u3000]*(：)")
#: How many lines above a syntax error to look for its cause.
_CAUSE_LINES = 3
#: A single-quoted value closed by an apostrophe inside it: ``name_en: 'Admin's cases'``.
_APOSTROPHE = re.compile(r"^[ \t]*(?:-[ \t]+)?[\w.-]+:[ \t]+'(?:[^']|'')*(')[^\s#,\]}]")


_CLOSING = {"{": "}", "[": "]"}


def _unclosed_flow(error: yaml.MarkedYAMLError) -> str | None:
    """``{`` or ``[`` when the error is a flow collection left open on an earlier line."""
    context, start, stop = error.context or "", error.context_mark, error.problem_mark
    if start is None or stop is None or start.line >= stop.line:
        return None
    if "flow mapping" in context:
        return "{"
    if "flow sequence" in context:
        return "["
    return None


def likely_cause(text: str, error_line: int) -> tuple[str, int, int] | None:
    """A typing slip that explains a YAML syntax error found on ``error_line`` (from 0).

    Looks at that line and the few above it, nearest first, for a full-width space in the
    indentation (or a no-break space), a key followed by a full-width colon, or an apostrophe that closes a
    single-quoted value. Returns the message key and the slip's line and column (from 1), or
    None. (A quote left open is found by :func:`_runaway_quote`.)
    """
    lines = text.split("\n", error_line + 1)[: error_line + 1]
    for number in range(len(lines) - 1, max(-1, len(lines) - 2 - _CAUSE_LINES), -1):
        line = lines[number]
        indent = len(line) - len(line.lstrip(" \u3000\u00a0"))
        if "\u3000" in line[:indent]:
            return "yaml_full_width_space", number + 1, line.index("\u3000") + 1
        if "\u00a0" in line[:indent]:  # pasted from Word or a web page
            return "yaml_no_break_space", number + 1, line.index("\u00a0") + 1
        if colon := _FULL_WIDTH_COLON.match(line):
            return "yaml_full_width_colon", number + 1, colon.start(1) + 1
        if apostrophe := _APOSTROPHE.match(line):
            return "yaml_apostrophe", number + 1, apostrophe.start(1) + 1
    return None


def _runaway_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """Line, column (from 1) and character of a quote left open on an earlier line.

    Plan values are one line each: a quoted value that runs over several lines is a quote
    without its closing one, whatever the kind (``'`` or ``"``). Either the text ends inside it
    (the scanner's own context is the quoted scalar and where it began), or it ended at the next
    such quote, far below, and the parser stopped soon after: the last quoted scalar ending a
    few lines above the error, and begun on an earlier line, is the culprit.
    """
    stop = error.problem_mark
    if stop is None:
        return None
    start = error.context_mark
    if "quoted scalar" in (error.context or "") and start is not None and start.line < stop.line:
        return start.line + 1, start.column + 1, _char_at(text, start.line, start.column)
    found: tuple[int, int, str] | None = None
    loader = _Loader(text)
    try:
        while (token := loader.get_token()) is not None:
            begin, end = token.start_mark, token.end_mark
            if begin.line > stop.line or (begin.line == stop.line and begin.column >= stop.column):
                break
            if (
                type(token) is yaml.ScalarToken
                and token.style in ("'", '"')
                and begin.line < end.line
                and stop.line - end.line <= _CAUSE_LINES
            ):
                found = begin.line + 1, begin.column + 1, token.style
    except yaml.YAMLError:
        pass  # the scanner's own error, at or after the parser's: the tokens before it count
    finally:
        loader.dispose()
    return found


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a reader error's offset: bytes of UTF-8 for libyaml."""
    before = (
        text.encode("utf-8")[:offset].decode("utf-8", "ignore")
        if _Loader is not yaml.SafeLoader
        else text[:offset]
    )
    line_start = before.rfind("\n") + 1
    return before.count("\n") + 1, len(before) - line_start + 1


def _event_offset(event: yaml.Event) -> int:
    """Where an event starts in the text, in characters."""
    return event.start_mark.index


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based YAML mark, "" past the end."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _tag_text(tag: str) -> str:
    """A tag as it is written in YAML: ``!!python/object`` rather than its full URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))
_SIMPLE_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("int", "float", "bool", "null", "timestamp")
)
#: First character → implicit resolvers, as PyYAML's ``Resolver.resolve`` looks them up.
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_MAP, _SEQ = 0, 1
_SCALAR_EVENT = yaml.ScalarEvent
#: A whole number YAML 1.1 and 1.2 and everyone read alike (see NUMBER_FORMS for the others).
_PLAIN_INT = re.compile(r"[1-9][0-9]{0,17}|0")
_GENERAL = object()  # not a plain scalar: built by the general path
#: Strings up to this length are shared between equal occurrences (see ``_Builder._strings``).
_SHARED_LEN = 16


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    """The tag the composer would give a scalar event (the SafeLoader has no path resolvers),
    except that a number in one of the :data:`NUMBER_FORMS` stays text."""
    tag = event.tag
    if tag is None or tag == "!":
        value = event.value
        if event.implicit[0]:
            for resolved, regexp in _IMPLICIT.get(value[:1], ()):
                if regexp.match(value):
                    if resolved in _NUMBER_TAGS and NUMBER_FORMS.fullmatch(value):
                        return _STR_TAG
                    return resolved
        return _STR_TAG
    return tag


#: A digit and a comma just before a key: the key is a group of a figure's digits.
_AFTER_FIGURE = re.compile(r"[0-9],[ \t]*$")


class _Builder:
    """Turns parser events into plain data, recording marks and refusing what plan data never needs.

    One pass over the parser's events, without composing a node tree and walking it (which took
    three quarters of the time of loading a large plan). On the way it finds every anchor and
    alias and a document nested deeper than :data:`MAX_DEPTH`; those make the document unusable
    and are reported alone, before a second document and before any problem of the data.
    """

    def __init__(self, file: str, *, marks: bool = False, label: str | None = None) -> None:
        self.file = file
        self.label = label or file  # of the progress bar
        self.marks = marks  # record the position of every value and key
        self.log = ProblemLog()
        self.refused = ProblemLog()
        self.kept: list[Problem] = []  # see YamlDocument.problems
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self._scalars = yaml.SafeLoader("")  # only its scalar constructors are used
        # Keys and short values repeat on every entry ("id", "increase", agency ids): one
        # string object each instead of one per occurrence (a third of a large plan's data).
        self._strings: dict[str, str] = {}
        self._text = ""  # the document, to look at what stands before a key

    def _split_group(self, event: Any, mark: yaml.Mark) -> bool:
        """Whether a key is the digits after a comma in a figure (``{value: 1,000,000}`` is
        ``{value: 1, 000: null, 000: null}`` to YAML): the loader reports the figure, once."""
        before = self._text[max(0, mark.index - 8) : mark.index]
        return (
            not event.style  # plain (None, or "" from libyaml)
            and len(event.value) == 3
            and event.value.isdigit()
            and _AFTER_FIGURE.search(before) is not None
        )

    def _problem(self, code: str, message: str, mark: yaml.Mark, /, **params: Any) -> None:
        line, column = mark.line + 1, mark.column + 1
        self.log.add(Problem(code, message, self.file, line, column, params=params))

    def _scalar(self, event: yaml.ScalarEvent, tag: str, mark: yaml.Mark) -> Any:
        if tag == _STR_TAG:
            text = event.value
            return self._strings.setdefault(text, text) if len(text) <= _SHARED_LEN else text
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            if tag in _SIMPLE_SCALAR_TAGS:
                return yaml.SafeLoader.yaml_constructors[tag](self._scalars, node)
            return self._scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            value = event.value
            text = value if len(value) <= 40 else value[:40] + "…"
            self._problem("LZ012", "yaml_bad_scalar", mark, text=text, reason=str(exc)[:200])
            return None

    def run(self, text: str) -> YamlDocument:
        """Parse ``text``; raise :class:`LzipError` (or a YAML error for the caller to locate)."""
        value_marks, key_marks = self.value_marks, self.key_marks
        self._text = text
        # A frame is [kind, path, container, first_seen, child path, expecting_key, skip_value]
        # for a mapping, [kind, path, container, next index] for a sequence.
        stack: list[list[Any]] = []
        root: Any = None
        root_mark: yaml.Mark | None = None
        documents = 0
        another: yaml.Mark | None = None  # start of a second document
        nothing = False  # the document's root is an empty plain scalar (``---`` alone)
        depth = 0
        skip = 0  # > 0: inside a collection that is not built (refused tag, complex key, …)
        stopped = False  # refused, or a second document: scan on, build nothing
        marks, strings = self.marks, self._strings
        text_words: set[str] = set()  # plain scalars found to resolve to text
        loader = _Loader(text)
        # get_event directly, without yaml.parse's generator around it (a large plan has
        # millions of events); through a progress bar only on a terminal.
        events: Iterable[Any] = iter(loader.get_event, None)
        if progress.enabled():
            events = progress.track(events, self.label, len(text), position=_event_offset)
        try:
            for event in events:
                kind = type(event)
                if (
                    kind is _SCALAR_EVENT
                    and stack
                    and not (stopped or skip or marks)
                    and event.anchor is None
                    and event.tag is None
                ):
                    # Most events are a plain string or whole number in a collection: built
                    # here, as the general path below would, without its calls and checks.
                    raw = event.value
                    plain: Any
                    if not event.implicit[0] or raw[:1] not in _IMPLICIT or raw in text_words:
                        plain = strings.setdefault(raw, raw) if len(raw) <= _SHARED_LEN else raw
                    elif _PLAIN_INT.fullmatch(raw):
                        plain = int(raw)
                    elif len(raw) <= _SHARED_LEN and _scalar_tag(event) == _STR_TAG:
                        text_words.add(raw)  # "name", "target": text, though n and t start bools
                        plain = strings.setdefault(raw, raw)
                    else:
                        plain = _GENERAL
                    if plain is not _GENERAL:
                        parent = stack[-1]
                        if parent[0] == _SEQ:
                            parent[2].append(plain)
                            parent[3] += 1
                            continue
                        if not parent[5]:  # a value
                            parent[5] = True
                            if parent[6]:
                                parent[6] = False
                            else:
                                parent[2][parent[4][-1]] = plain
                            continue
                        first_seen = parent[3]
                        if plain not in first_seen:  # a new key; a duplicate goes on below
                            parent[5] = False
                            first_seen[plain] = event.start_mark
                            parent[4] = (*parent[1], plain)
                            continue
                if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
                    start = event.start_mark
                    self.refused.add(
                        Problem("LZ010", "yaml_alias", self.file, start.line + 1, start.column + 1)
                    )
                    stopped = True
                opens = kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent
                if opens:
                    depth += 1
                    if depth > MAX_DEPTH:
                        # Stop here: a document thousands of levels deep is not worth reading on.
                        start = event.start_mark
                        self.refused.add(
                            Problem(
                                "LZ008",
                                "yaml_too_deep",
                                self.file,
                                start.line + 1,
                                start.column + 1,
                            )
                        )
                        break
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    depth -= 1
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents == 2:
                        another = event.start_mark
                        stopped = True
                if stopped:
                    continue  # only scanning on: the document will not be used
                if skip:
                    if opens:
                        skip += 1
                    elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                        skip -= 1
                    continue
                if kind is yaml.MappingEndEvent:
                    frame = stack.pop()
                    value_marks.pop((*frame[1], "<key>"), None)
                    continue
                if kind is yaml.SequenceEndEvent:
                    stack.pop()
                    continue
                if not (opens or kind is yaml.ScalarEvent):
                    continue  # stream and document events
                mark = event.start_mark
                parent = stack[-1] if stack else None
                if parent is None:
                    path: Path_ = ()
                    root_mark = mark
                    # ``---`` and nothing else: a document with no content, as empty as no text
                    nothing = kind is yaml.ScalarEvent and event.value == "" and event.implicit[0]
                elif parent[0] == _MAP:
                    if parent[5]:  # a key
                        parent[5] = False
                        self._key(event, kind, mark, parent)
                        if opens:
                            skip = 1  # a complex key is refused, not built
                        continue
                    parent[5] = True
                    if parent[6]:  # the value of a refused or duplicate key
                        parent[6] = False
                        if opens:
                            skip = 1
                        continue
                    path = parent[4]
                else:
                    path = (*parent[1], parent[3])
                    parent[3] += 1
                if self.marks:
                    value_marks[path] = Mark(mark.line + 1, mark.column + 1)
                if kind is yaml.ScalarEvent:
                    if event.tag is None and (
                        not event.implicit[0] or event.value[:1] not in _IMPLICIT
                    ):
                        tag = _STR_TAG  # quoted, or no resolver starts with its first character
                    else:
                        tag = _scalar_tag(event)
                else:
                    tag = event.tag
                    if tag is None or tag == "!":
                        tag = (
                            "tag:yaml.org,2002:map"
                            if kind is yaml.MappingStartEvent
                            else "tag:yaml.org,2002:seq"
                        )
                value: Any
                if tag not in _CORE_TAGS:
                    self._problem("LZ011", "yaml_tag", mark, tag=_tag_text(tag))
                    value = None
                    if opens:
                        skip = 1
                elif kind is yaml.ScalarEvent:
                    value = self._scalar(event, tag, mark)
                elif kind is yaml.MappingStartEvent:
                    value = {}
                    stack.append([_MAP, path, value, {}, None, True, False])
                else:
                    value = []
                    stack.append([_SEQ, path, value, 0])
                if parent is None:
                    root = value
                elif parent[0] == _MAP:
                    parent[2][path[-1]] = value
                else:
                    parent[2].append(value)
        finally:
            loader.dispose()
        self.refused.raise_if_any()
        if another is not None:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                root_mark,
                "but found another document",
                another,
            )
        if not documents or nothing:
            raise LzipError([Problem("LZ009", "yaml_empty", file=self.file)])
        if self.log:
            self.log.extend(self.kept)
            self.log.raise_if_any()
        if self.marks:
            return YamlDocument(self.file, root, marks=(value_marks, key_marks))
        return YamlDocument(self.file, root, text=text, problems=self.kept)

    def _key(self, event: Any, kind: type, mark: yaml.Mark, frame: list[Any]) -> None:
        """Check one mapping key; on success the next node is built at ``frame[4]``."""
        tag = _scalar_tag(event) if kind is yaml.ScalarEvent else event.tag or ""
        if tag == _MERGE_TAG:
            self._problem("LZ010", "yaml_alias", mark)
            frame[6] = True
            return
        if kind is not yaml.ScalarEvent or tag not in _CORE_TAGS:
            self._problem("LZ013", "yaml_complex_key", mark)
            frame[6] = True
            return
        path = frame[1]
        located = Mark(mark.line + 1, mark.column + 1) if self.marks else None
        if located is not None:
            self.value_marks[(*path, "<key>")] = located
        key = self._scalar(event, tag, mark)
        try:
            hash(key)
        except TypeError:  # pragma: no cover - scalars are hashable
            frame[6] = True
            return
        first_seen = frame[3]
        if key in first_seen:
            if self._split_group(event, mark):
                frame[6] = True
                return
            first = first_seen[key].line + 1
            line, column = mark.line + 1, mark.column + 1
            self.kept.append(
                Problem(
                    "LZ014",
                    "yaml_duplicate_key",
                    self.file,
                    line,
                    column,
                    params={"key": key, "first": first},
                )
            )
            frame[6] = True
            return
        first_seen[key] = mark
        child = (*path, key)
        if located is not None:
            self.key_marks[child] = located
        frame[4] = child
