"""libyaml's C loader and PyYAML's pure-Python one give the same data, marks and errors."""

from __future__ import annotations

import pytest
import yaml

from lzip_cli import yamlsource
from lzip_cli.errors import LzipError

pytestmark = pytest.mark.skipif(
    not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml"
)

GOOD = """\
plan:
  title: 方案
indicators:
  - id: "1.1"
    baseline: {year: 2022, value: 15}
    agencies: [a, b]
    note: >-
      folded
      text
  - id: '1.2'
    milestones: {2023: 16.5, 2024: 17}
    empty:
"""

BROKEN = {
    "duplicate_key": "a: 1\nb:\n  c: 2\n  c: 3\na: 4\n",
    "unclosed_flow": "a: [1, 2\nb: 3\n",
    "bad_indent": "a:\n  b: 1\n c: 2\n",
    "unclosed_quote": 'a: "open\nb: 2\n',
    "anchor_alias": "a: &x 1\nb: *x\nc: [&y {d: 1}]\n",
    "merge_key": "a: {b: 1}\nc:\n  <<: {b: 2}\n",
    "python_tag": "a: !!python/object:os.system {}\nb: !custom 1\n",
    "complex_key": "? [1, 2]\n: x\n",
    "two_documents": "a: 1\n---\nb: 2\n",
    "bad_timestamp": "a: 2024-13-45\n",
    "too_deep": "a: " + "[" * 80 + "]" * 80 + "\n",
    "scalar_after_map": "a: 1\nb: 2\n- c\n",
    "full_width_colon": 'a:\n  b："件"\n  c: 2\n',
    "full_width_indent": "a:\n  b: 1\n\u3000\u3000c: 2\n  d: 3\n",
}


def _outcome(text: str, loader: type, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(yamlsource, "_Loader", loader)
    try:
        doc = yamlsource.parse_yaml(text, "plan.yaml")
        problems = doc.problems  # a duplicate key: the data is still usable
    except LzipError as exc:
        problems = exc.problems
    if problems:
        # Syntax errors carry the parser's own wording, which libyaml phrases differently
        # ("did not find expected key" / "expected <block end>, but found ..."): their code and
        # location must agree, their text may not.
        return [
            (p.code, p.key, p.line, p.column, {} if p.code == "LZ007" else p.params)
            for p in problems
        ]
    return doc.data, doc.value_marks, doc.key_marks


def test_good_file_same_data_and_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _outcome(GOOD, yaml.CSafeLoader, monkeypatch)
    pure = _outcome(GOOD, yaml.SafeLoader, monkeypatch)
    assert c == pure
    assert isinstance(c, tuple)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_same_problems(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    c = _outcome(BROKEN[name], yaml.CSafeLoader, monkeypatch)
    pure = _outcome(BROKEN[name], yaml.SafeLoader, monkeypatch)
    assert isinstance(c, list), c  # every one of them is refused
    assert c == pure
