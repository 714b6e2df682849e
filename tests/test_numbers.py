"""How judged figures are shown: never on the other side of the milestone or target shown."""

from __future__ import annotations

import pytest

from lzip_cli.numbers import display_actual, format_number

THIRD = 190 / 3  # 63.333…, shown as 63.34 (the stricter side)


@pytest.mark.parametrize(
    ("value", "increase", "milestone", "target", "shown"),
    [
        (94.5, True, THIRD, 95, "94.5"),  # two places or fewer: as reported
        (94.999, True, THIRD, 95, "94.99"),  # short of 95: not 95 beside "0.01 short"
        (95.0, True, THIRD, 95, "95"),
        (63.3333334, True, THIRD, 95, "63.34"),  # on track for 63.333…: not below 63.34
        (63.332, True, THIRD, 95, "63.33"),  # behind
        (63.33333333, True, THIRD, 95, "63.34"),  # =190/3 as Excel saves it: on track, as judged
        (15.001, False, 20, 15, "15.01"),  # must come down to 15: 0.001 short is not 15
        (14.999, False, 20, 15, "15"),  # reached: to nearest
        (94.996, True, 94.995, 95, "94.996"),  # past the milestone (95 shown), short of 95
        (94.999, True, None, None, "95"),  # nothing to judge by: to nearest
        (0.004, True, None, None, "0.004"),  # not shown as a reported 0
        (0.0000001, True, None, None, "0.0000001"),  # never in exponent form
        (0.0, True, None, None, "0"),
    ],
)
def test_a_figure_is_shown_on_its_side_of_the_milestone_and_target(
    value: float, increase: bool, milestone: float | None, target: float | None, shown: str
) -> None:
    assert (
        display_actual(value, "%", increase=increase, milestone=milestone, target=target) == shown
    )


@pytest.mark.parametrize(
    ("value", "group", "shown"),
    [
        (1700.0, False, "1700"),  # four digits stay together, as is usual in Chinese
        (16030.0, False, "16,030"),
        (1234.5, False, "1234.5"),  # a fraction as a whole number: not 1,234.5 beside 1234
        (12345.678, False, "12,345.68"),
        (9999.999, False, "10,000"),  # grouped as it is shown, not as it was
        (1030.0, True, "1,030"),  # an indicator whose figures reach 10,000: every figure alike
        (999.0, True, "999"),
        (None, True, "—"),
    ],
)
def test_thousands_separators_from_10000_or_for_every_figure_of_a_grouped_indicator(
    value: float | None, group: bool, shown: str
) -> None:
    assert format_number(value, group=group) == shown
