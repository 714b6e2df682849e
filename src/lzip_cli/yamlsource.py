"""Read YAML safely and remember where every value came from.

PyYAML's ``safe_load`` forgets positions and keeps the last of two duplicate keys. Here the
document is composed into nodes (libyaml's C parser when available), checked (duplicate keys,
anchors and aliases, tags outside the YAML core schema, depth) and turned into plain Python data
together with a map from each value's path to its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lzip_cli.errors import LzipError, Problem, ProblemLog

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


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    column: int


@dataclass(slots=True)
class YamlDocument:
    """Plain data of one YAML file and the position of each of its values and keys."""

    file: str
    data: Any
    value_marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]

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


def load_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Load one YAML file into a :class:`YamlDocument`; raise :class:`LzipError` if unusable."""
    name = display_name or str(path)
    try:
        if path.is_dir():
            raise LzipError([Problem("LZ001", "file_is_directory", file=name)])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LzipError([Problem("LZ002", "file_too_large", file=name, params={"size": size})])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LzipError([Problem("LZ003", "file_missing", file=name)]) from None
    except OSError as exc:
        raise LzipError(
            [
                Problem(
                    "LZ004",
                    "file_unreadable",
                    file=name,
                    params={"reason": exc.strerror, "errno": exc.errno},
                )
            ]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LzipError([Problem("LZ005", "yaml_not_utf8", file=name, line=line)]) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text; see :func:`load_yaml`."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LzipError([Problem("LZ006", "nul_byte", file=name, line=line)])
    try:
        _refuse_anchors(text, name)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context or "").strip()
        key, code = "yaml_syntax", "LZ007"
        if "nesting depth" in problem:  # libyaml's own limit
            key, code = "yaml_too_deep", "LZ008"
        elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            key = "yaml_tab"
        raise LzipError(
            [
                Problem(
                    code,
                    key,
                    file=name,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    params={"problem": problem},
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise LzipError(
            [Problem("LZ007", "yaml_syntax", file=name, params={"problem": str(exc)})]
        ) from None
    except RecursionError:
        raise LzipError([Problem("LZ008", "yaml_too_deep", file=name)]) from None
    if node is None:
        raise LzipError([Problem("LZ009", "yaml_empty", file=name)])
    builder = _Builder(name)
    data = builder.build(node, (), 0)
    builder.log.raise_if_any()
    return YamlDocument(name, data, builder.value_marks, builder.key_marks)


def _refuse_anchors(text: str, name: str) -> None:
    """Refuse every anchor (``&a``) and alias (``*a``) where it is written, before composing.

    Scanning parser events finds them on scalars too, locates an alias at the ``*`` rather than
    at its anchor, and stops a "billion laughs" document before any node is built.
    """
    log = ProblemLog()
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            log.add(Problem("LZ010", "yaml_alias", name, mark.line + 1, mark.column + 1))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                # Stop before composing: a node tree thousands of levels deep is built and
                # walked recursively, which can exhaust the stack.
                mark = event.start_mark
                log.add(Problem("LZ008", "yaml_too_deep", name, mark.line + 1, mark.column + 1))
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    log.raise_if_any()


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based YAML mark, "" past the end."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _tag_text(tag: str) -> str:
    """A tag as it is written in YAML: ``!!python/object`` rather than its full URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _Builder:
    """Turns a node tree into plain data, recording marks and refusing what plan data never needs."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.log = ProblemLog()
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self._seen: set[int] = set()
        self._scalars = yaml.SafeLoader("")  # only its scalar constructors are used

    def _problem(self, code: str, message: str, node: yaml.Node, /, **params: Any) -> None:
        mark = _mark(node)
        self.log.add(Problem(code, message, self.file, mark.line, mark.column, params=params))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.value_marks[path] = _mark(node)
        if depth > MAX_DEPTH:
            self._problem("LZ008", "yaml_too_deep", node)
            return None
        if id(node) in self._seen:
            # Composed aliases share the node object: refuse them instead of expanding them
            # (which is how a "billion laughs" document explodes).
            self._problem("LZ010", "yaml_alias", node)
            return None
        if not isinstance(node, yaml.ScalarNode):
            self._seen.add(id(node))
        if node.tag not in _CORE_TAGS:
            self._problem("LZ011", "yaml_tag", node, tag=_tag_text(node.tag))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            text = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            self._problem("LZ012", "yaml_bad_scalar", node, text=text, reason=str(exc)[:200])
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem("LZ010", "yaml_alias", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _CORE_TAGS:
                self._problem("LZ013", "yaml_complex_key", key_node)
                continue
            key = self.build(key_node, (*path, "<key>"), depth + 1)
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalars are hashable
                continue
            if key in first_seen:
                self._problem(
                    "LZ014", "yaml_duplicate_key", key_node, key=key, first=first_seen[key].line
                )
                continue
            first_seen[key] = _mark(key_node)
            child = (*path, key)
            self.key_marks[child] = _mark(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        self.value_marks.pop((*path, "<key>"), None)
        return result
