"""Generate synthetic plans and reports for the benchmark (``bench/run.py``).

A plan of N indicators has N // 4 agencies (at least 18, the real plan's count) and gives each
indicator 10 of them, so the report with one row per indicator and agency has 10 × N rows:
140, 10,000, 100,000 and 1,000,000 rows for 14, 1,000, 10,000 and 100,000 indicators. The
indicators mix the real plan's shapes: flow/stock/rate, shared/each, compound (amount and count),
"not carried out" baselines and explicit milestones; the report cells mix the forms agencies
type (ids and names, grouped and full-width digits, units, "—").

    python bench/generate.py 1000 /tmp/plan1000   # writes agencies.yaml, indicators.yaml, report-2024.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

AGENCIES_PER_INDICATOR = 10
YEAR = 2024
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def agency_count(indicators: int) -> int:
    return max(18, indicators // 4)


def _shape(i: int) -> dict[str, object]:
    """Kind, scope, unit and figures of the i-th indicator (deterministic)."""
    if i % 7 == 2:
        return {"kind": "rate", "scope": "each", "unit": "%", "base": 50, "target": 90}
    if i % 5 == 4:
        return {
            "kind": "flow",
            "scope": "shared",
            "unit": "万元",
            "count_unit": "笔",
            "base": 800,
            "target": 2000,
        }
    kind = "stock" if i % 3 == 0 else "flow"
    return {
        "kind": kind,
        "scope": "shared",
        "unit": "件" if i % 2 else "起",
        "base": 100,
        "target": 200,
    }


def _indicator_id(i: int) -> tuple[int, str]:
    group = i // 10 + 1
    return group, f"{group}.{i % 10 + 1}"


def _agencies_of(i: int, total: int) -> list[int]:
    start = (i * 7) % total
    return [(start + j) % total for j in range(AGENCIES_PER_INDICATOR)]


def write_plan(directory: Path, indicators: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    total = agency_count(indicators)
    lines = ["agencies:"]
    for n in range(total):
        lines += [
            f"  - id: a{n}",
            f"    name: 县第{n}局",
            f"    name_en: County Bureau No. {n}",
            f"    aliases: [鹿寨县第{n}局]",
        ]
    (directory / "agencies.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = [
        "plan:",
        "  title: 合成基准方案",
        "  title_en: Synthetic benchmark plan",
        "indicators:",
    ]
    for i in range(indicators):
        shape = _shape(i)
        group, ident = _indicator_id(i)
        base = "not-carried-out" if i % 11 == 5 else shape["base"]
        agencies = ", ".join(f"a{n}" for n in _agencies_of(i, total))
        lines += [
            f'  - id: "{ident}"',
            f"    group: {group}",
            f"    name: 合成指标第{i}项",
            f"    name_en: Synthetic indicator {i}",
            f'    unit: "{shape["unit"]}"',
        ]
        if "count_unit" in shape:
            lines.append(f'    count_unit: "{shape["count_unit"]}"')
        lines += [
            f"    kind: {shape['kind']}",
            "    direction: increase",
            f"    baseline: {{year: 2022, value: {base}}}",
            f"    target: {{year: 2025, value: {shape['target']}}}",
            f"    agencies: [{agencies}]",
            f"    scope: {shape['scope']}",
        ]
        if i % 9 == 1 and base != "not-carried-out":
            low, high = int(shape["base"]), int(shape["target"])  # type: ignore[call-overload]
            lines.append(
                f"    milestones: {{2023: {low + (high - low) // 4}, 2024: {(low + high) // 2}}}"
            )
    (directory / "indicators.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cell_value(i: int, j: int, shape: dict[str, object]) -> str:
    seed = (i * 31 + j * 17) % 97
    if seed == 13:
        return "—"
    if shape["kind"] == "rate":
        return f"{40 + seed % 60}%"
    # 万元 figures reach 1,000 and are then written with a thousands separator.
    wan = shape["unit"] == "万元"
    number = 60 + seed * 11 if wan else int(shape["base"]) // 7 + seed % 9  # type: ignore[call-overload]
    if seed % 13 == 0:
        return str(number).translate(_FULL_WIDTH)
    if seed % 17 == 0:
        return f"{number}{shape['unit']}"
    if number >= 1000 and seed % 2:
        return f'"{number:,}"'
    return str(number)


def report_rows(indicators: int, broken_every: int = 0) -> list[str]:
    """CSV lines of a report with one row per indicator and responsible agency."""
    total = agency_count(indicators)
    out = ["指标,责任单位,数值,笔数,备注"]
    number = 0
    for i in range(indicators):
        shape = _shape(i)
        _, ident = _indicator_id(i)
        indicator = f"合成指标第{i}项" if i % 4 == 3 else ident
        for j, n in enumerate(_agencies_of(i, total)):
            number += 1
            agency = f"鹿寨县第{n}局" if j % 3 == 2 else f"县第{n}局"
            value = _cell_value(i, j, shape)
            count = str(1 + j) if "count_unit" in shape and value != "—" else ""
            note = "含专项行动" if (i + j) % 10 == 0 else ""
            if broken_every and number % broken_every == 0:
                kind = (number // broken_every) % 4
                if kind == 0:
                    value = "约十件"  # not a number
                elif kind == 1:
                    indicator_cell = f"不存在的指标{i}"
                    out.append(f"{indicator_cell},{agency},{value},{count},{note}")
                    continue
                elif kind == 2:
                    agency = f"不存在的单位{n}"
                else:
                    value = "-5"  # negative
            out.append(f"{indicator},{agency},{value},{count},{note}")
    return out


def write_report(path: Path, indicators: int, broken_every: int = 0) -> int:
    lines = report_rows(indicators, broken_every)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    write_plan(target, size)
    print(write_report(target / f"report-{YEAR}.csv", size), "rows")
