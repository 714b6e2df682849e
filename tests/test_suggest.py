"""Did you mean …: the closest name, or nothing when no name is close or the plan is too large."""

from __future__ import annotations

import pytest

from lzip_cli.suggest import MAX_NAMES, closest

AGENCIES = {"县农业农村局": "agriculture", "县科工贸局": "industry-trade", "县林业局": "forestry"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县农业局", "agriculture"),  # 0.8
        ("县林业", "forestry"),
        ("县林业局（盖章）", "forestry"),  # a name with a stamp note after it: 0.67, but the name
        ("县林业局填报", "forestry"),
        ("县科技局", None),  # 0.67: a guess, not a near miss
        ("县气象局", None),
        ("", None),
    ],
)
def test_closest(text: str, expected: str | None) -> None:
    assert closest(text, AGENCIES) == expected


def test_a_plan_with_too_many_names_gets_no_suggestion() -> None:
    names = {f"县第{n}局": n for n in range(MAX_NAMES + 1)}
    assert closest("县第7局", dict(list(names.items())[:MAX_NAMES])) is not None
    assert closest("县第7局", names) is None
