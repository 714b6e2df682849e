"""A plain scalar is the same value whether the YAML builder's fast path or its general path
reads it (the general one runs when positions are recorded), and the value YAML itself resolves,
except the number forms YAML versions read differently, which stay text."""

from __future__ import annotations

import pytest
import yaml

from lzip_cli.yamlsource import NUMBER_FORMS, _Builder

SCALARS = [
    # text, some starting with a letter that also starts a YAML boolean or null
    "name", "name_en", "target", "title", "on_time", "yes", "no", "on", "off", "y", "n",
    "True", "false", "null", "Null", "~", "<<x", "县知识产权局", "a0", "—",
    # numbers, whole and not, and the forms kept as text
    "0", "7", "2023", "-3", "+5", "1_000", "1.5", "6.10", "1e3", ".inf", "-.inf",
    "123456789012345678", "1234567890123456789012", "015", "0x1F", "0o17", "1:30",
    "2024-01-31", "'quoted 1'", '"2023"',
]  # fmt: skip


def _built(text: str, *, marks: bool) -> str:
    # repr, not ==: 1 == 1.0 == True, and the type is the point
    return repr(_Builder("plan.yaml", marks=marks).run(text).data)


@pytest.mark.parametrize("scalar", SCALARS)
@pytest.mark.parametrize("place", ["item", "value", "key"])
def test_fast_path_reads_a_scalar_as_the_general_path_does(scalar: str, place: str) -> None:
    text = {"item": f"- {scalar}\n", "value": f"k: {scalar}\n", "key": f"{scalar}: 1\n"}[place]
    assert _built(text, marks=False) == _built(text, marks=True)


@pytest.mark.parametrize("scalar", [s for s in SCALARS if not NUMBER_FORMS.fullmatch(s)])
def test_fast_path_reads_a_scalar_as_yaml_does(scalar: str) -> None:
    text = f"- {scalar}\n"
    assert _built(text, marks=False) == repr(yaml.safe_load(text))


def test_number_forms_stay_text() -> None:
    assert _built("- 015\n- 0x1F\n- 1:30\n- 1_000\n", marks=False) == repr(
        ["015", "0x1F", "1:30", "1_000"]
    )


def test_duplicate_key_found_on_the_fast_path() -> None:
    document = _Builder("plan.yaml").run("name: a\nname: b\n")
    assert document.data == {"name": "a"}
    assert [(p.code, p.line) for p in document.problems] == [("LZ014", 2)]
