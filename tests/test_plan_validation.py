"""Every rule of the plan data, shown by a broken copy of the shipped files.

Each case copies ``data/*.yaml`` into a temporary directory, changes one thing by editing the
text, and loads the copy. The expected problem is given by its code, its path inside the entry,
its English message, and the place it points at: the line holding ``line`` in the edited file
and the column where ``at`` starts on that line. A problem inside an indicator, agency or group
whose id is valid names it before the path (``indicator 1.1, milestones.2026``).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from lzip_cli.errors import MAX_PROBLEMS, LzipError, Problem
from lzip_cli.plan_loader import default_data_dir, load_plan
from lzip_cli.render.problems import format_problem

AGENCIES = "agencies.yaml"
INDICATORS = "indicators.yaml"

# Rows of the shipped indicators.yaml that the cases edit.
ROW_1_1 = "    baseline: {year: 2022, value: 15}\n    target: {year: 2025, value: 18}\n"
ROW_1_2_AGENCIES = "    agencies: [ip-office]\n"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped plan; problems name files relative to it (``indicators.yaml``)."""
    for name in (AGENCIES, INDICATORS):
        shutil.copyfile(default_data_dir() / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(data: Path, file: str, old: str, new: str) -> str:
    """Replace the one occurrence of ``old`` in ``file``; return the edited text."""
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {file}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def rewrite(data: Path, file: str, text: str) -> None:
    (data / file).write_text(text, encoding="utf-8")


def problems(data: Path) -> list[Problem]:
    with pytest.raises(LzipError) as caught:
        load_plan(data)
    return caught.value.problems


def position(text: str, line: str, at: str | None = None) -> tuple[int, int]:
    """1-based line of the one line containing ``line``, and column of ``at`` on it."""
    numbers = [n for n, content in enumerate(text.splitlines(), 1) if line in content]
    assert len(numbers) == 1, f"{line!r} must be on exactly one line"
    content = text.splitlines()[numbers[0] - 1]
    return numbers[0], content.index(at if at is not None else line) + 1


@dataclass(frozen=True)
class Case:
    file: str
    old: str
    new: str
    code: str
    path: str | None
    message: str
    line: str  # text on the line the problem points at
    at: str | None = None  # text the column points at (default: ``line``)
    entry: str | None = None  # the entry the problem is in, when its id is valid: indicator 1.1


# fmt: off  (a table: one case per entry, its arguments grouped as they read)
CASES = {
    # --- shape -------------------------------------------------------------------------------
    "unknown key in an indicator": Case(
        INDICATORS,
        "    scope: each\n",
        "    scope: each\n    owner: ip-office\n",
        "LZ100",
        "owner",
        "unknown field owner",
        "owner: ip-office",
        entry="indicator 2.1",
    ),
    "unknown key in an agency": Case(
        AGENCIES,
        "    aliases: [鹿寨县林业局, 林业局]\n",
        "    aliases: [鹿寨县林业局, 林业局]\n    phone: 0772-6812345\n",
        "LZ100",
        "phone",
        "unknown field phone",
        "phone: 0772-6812345",
        entry="agency forestry",
    ),
    "unknown top-level key": Case(
        AGENCIES,
        "groups:\n",
        "group:\n",
        "LZ100",
        "group",
        "unknown field group; did you mean 'groups'?",
        "group:",
    ),
    "indicator with no agency": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "    agencies: []\n",
        "LZ100",
        "agencies",
        "needs at least 1 item",
        "agencies: []",
        "[]",
        entry="indicator 1.2",
    ),
    "indicator without an agencies field": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "",
        "LZ100",
        "agencies",
        "required field agencies is missing",
        'id: "1.2"',
        "id",
        entry="indicator 1.2",
    ),
    "a list where the target mapping belongs": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        "target: [2025, 18]",
        "LZ100",
        "target",
        "must be a mapping (key: value)",
        "target: [2025, 18]",
        "[",
        entry="indicator 1.1",
    ),
    "a list where an agency mapping belongs": Case(
        AGENCIES,
        "  - id: agriculture\n",
        "  - [agriculture]\n  - id: agriculture\n",
        "LZ100",
        "agencies.0",
        "must be a mapping (key: value)",
        "- [agriculture]",
        "[",
    ),
    "a mapping where the agencies list belongs": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "    agencies: {ip-office: lead}\n",
        "LZ100",
        "agencies",
        "must be a list",
        "agencies: {ip-office: lead}",
        "{",
        entry="indicator 1.2",
    ),
    # --- types -------------------------------------------------------------------------------
    "target value that is not a number": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        "target: {year: 2025, value: lots}",
        "LZ100",
        "target.value",
        "must be a number or 'per-actual'",
        "value: lots",
        "lots",
        entry="indicator 1.1",
    ),
    "target value given as text": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        'target: {year: 2025, value: "18"}',
        "LZ100",
        "target.value",
        "'18' is text, not a number (quoted, or in full-width digits): write 18, without quotes",
        'value: "18"',
        '"18"',
        entry="indicator 1.1",
    ),
    "target value yes/no": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        "target: {year: 2025, value: true}",
        "LZ100",
        "target.value",
        "must be a number or 'per-actual'",
        "value: true",
        "true",
        entry="indicator 1.1",
    ),
    "target value not finite": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        "target: {year: 2025, value: .inf}",
        "LZ100",
        "target.value",
        "must be a finite number",
        "value: .inf",
        ".inf",
        entry="indicator 1.1",
    ),
    "target value too large for a float": Case(  # was an OverflowError traceback
        INDICATORS,
        "target: {year: 2025, value: 18}",
        "target: {year: 2025, value: 1" + "0" * 400 + "}",
        "LZ100",
        "target.value",
        "must be a finite number",
        "value: 1000",
        "1000",
        entry="indicator 1.1",
    ),
    "baseline value too large for a float": Case(
        INDICATORS,
        "value: 1409}",
        "value: 1" + "0" * 400 + "}",
        "LZ100",
        "baseline.value",
        "must be a finite number",
        "value: 1000",
        "1000",
        entry="indicator 4.3",
    ),
    "baseline value that is neither a number nor not-carried-out": Case(
        INDICATORS,
        "value: 1409}",
        "value: n/a}",
        "LZ100",
        "baseline.value",
        "must be a number or 'not-carried-out'",
        "value: n/a",
        "n/a",
        entry="indicator 4.3",
    ),
    "year given as text": Case(
        INDICATORS,
        "target: {year: 2025, value: 18}",
        'target: {year: "2025", value: 18}',
        "LZ100",
        "target.year",
        "'2025' is text, not a number (quoted, or in full-width digits): write 2025, without "
        "quotes",
        'year: "2025"',
        '"2025"',
        entry="indicator 1.1",
    ),
    "kind outside flow, stock and rate": Case(
        INDICATORS,
        "    kind: rate\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}",
        "    kind: ratio\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}",
        "LZ100",
        "kind",
        "must be one of 'flow', 'stock' or 'rate'",
        "kind: ratio",
        "ratio",
        entry="indicator 1.2",
    ),
    "milestone that is not a number": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2023: sixteen}\n",
        "LZ100",
        "milestones.2023",
        "the 2023 milestone 'sixteen' must be a number",
        "milestones:",
        "sixteen",
        entry="indicator 1.1",
    ),
    "unquoted indicator id read as a float": Case(
        INDICATORS,
        'id: "4.3"',
        "id: 4.3",
        "LZ100",
        "id",
        'must be quoted, e.g. "4.3": unquoted, YAML reads it as a number',
        "id: 4.3",
        "4.3",
    ),
    "indicator id that is not group.position": Case(
        INDICATORS,
        'id: "4.3"',
        'id: "4-3"',
        "LZ100",
        "id",
        "'4-3' is not an indicator id: an indicator id is the group number, a dot and the "
        "position, e.g. 4.3",
        'id: "4-3"',
        '"4-3"',
    ),
    "unquoted indicator id that quoting would not make one": Case(
        INDICATORS,
        'id: "4.3"',
        "id: 4",
        "LZ100",
        "id",
        "'4' is not an indicator id: an indicator id is the group number, a dot and the "
        "position, e.g. 4.3",
        "id: 4",
        "4",
    ),
    "indicator id whose group has a leading zero": Case(
        INDICATORS,
        'id: "1.2"',
        'id: "01.2"',
        "LZ100",
        "id",
        "'01.2' is not an indicator id: its numbers must not start with 0; write 1.2 (report "
        "forms write ids without leading zeros, so the two would name one indicator)",
        'id: "01.2"',
        '"01.2"',
    ),
    "indicator id whose position has a leading zero": Case(
        INDICATORS,
        'id: "1.2"',
        'id: "1.02"',
        "LZ100",
        "id",
        "'1.02' is not an indicator id: its numbers must not start with 0; write 1.2 (report "
        "forms write ids without leading zeros, so the two would name one indicator)",
        'id: "1.02"',
        '"1.02"',
    ),
    # --- ids and references ------------------------------------------------------------------
    "duplicate indicator id": Case(
        INDICATORS,
        'id: "1.2"',
        'id: "1.1"  # copied from the row above',
        "LZ104",
        "id",
        "indicator id '1.1' is used twice",
        "# copied",
        '"1.1"',
        entry="indicator 1.1",
    ),
    "duplicate agency id": Case(
        AGENCIES,
        "  - id: public-security\n",
        "  - id: ip-office  # the IP protection centre\n    name: 县知识产权保护中心\n"
        "    name_en: County IP Protection Centre\n  - id: public-security\n",
        "LZ102",
        "id",
        "agency id 'ip-office' is used twice",
        "# the IP protection centre",
        "ip-office",
        entry="agency ip-office",
    ),
    "group id that is also an agency id": Case(
        AGENCIES,
        "  - id: leading-group\n",
        "  - id: ip-office  # the leading group\n",
        "LZ102",
        "id",
        "agency id 'ip-office' is used twice",
        "# the leading group",
        "ip-office",
        entry="group ip-office",
    ),
    "indicator naming an unknown agency": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "    agencies: [ip-ofice]\n",
        "LZ101",
        "agencies.0",
        "unknown agency 'ip-ofice'; did you mean 'ip-office'?",
        "[ip-ofice]",
        "ip-ofice",
        entry="indicator 1.2",
    ),
    "group member that is not an agency": Case(
        AGENCIES,
        "      - human-resources\n",
        "      - personnel\n",
        "LZ101",
        "members.17",
        "unknown agency 'personnel'",
        "- personnel",
        "personnel",
        entry="group leading-group",
    ),
    "indicator naming a group instead of agencies": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "    agencies: [leading-group]\n",
        "LZ106",
        "agencies.0",
        "'leading-group' is a group of agencies; list the agencies",
        "[leading-group]",
        "leading-group",
        entry="indicator 1.2",
    ),
    "group listing itself as a member": Case(
        AGENCIES,
        "      - human-resources\n",
        "      - leading-group\n",
        "LZ106",
        "members.17",
        "'leading-group' is a group of agencies; list the agencies",
        "- leading-group",
        "leading-group",
        entry="group leading-group",
    ),
    "agency listed twice for one indicator": Case(
        INDICATORS,
        ROW_1_2_AGENCIES,
        "    agencies: [ip-office, ip-office]\n",
        "LZ107",
        "agencies.1",
        "agency 'ip-office' is listed twice",
        "[ip-office, ip-office]",
        "ip-office]",
        entry="indicator 1.2",
    ),
    "alias equal to another agency's id": Case(
        AGENCIES,
        "aliases: [鹿寨县林业局, 林业局]",
        "aliases: [鹿寨县林业局, 林业局, agriculture]",
        "LZ103",
        "aliases.2",
        "'agriculture' is already the id, name or alias of agency 'agriculture'",
        "林业局, agriculture",
        "agriculture",
        entry="agency forestry",
    ),
    "alias a report reads as the county-wide row": Case(
        AGENCIES,
        "aliases: [鹿寨县林业局, 林业局]",
        "aliases: [鹿寨县林业局, 林业局, 全县]",
        "LZ103",
        "aliases.2",
        "'全县' in a report's agency column means the county-wide row: it cannot be an agency's id, "
        "name or alias",
        "林业局, 全县",
        "全县",
        entry="agency forestry",
    ),
    "English name a report reads as the county-wide row": Case(
        AGENCIES,
        "name_en: County Forestry Bureau",
        "name_en: Total",
        "LZ103",
        "name_en",
        "'Total' in a report's agency column means the county-wide row: it cannot be an agency's "
        "id, name or alias",
        "name_en: Total",
        "Total",
        entry="agency forestry",
    ),
    "id prefix not matching the group": Case(
        INDICATORS,
        'id: "1.2"\n    group: 1',
        'id: "1.2"\n    group: 2  # moved',
        "LZ105",
        "group",
        "indicator 1.2 does not belong to group 2",
        "# moved",
        "2",
        entry="indicator 1.2",
    ),
    # --- figures -----------------------------------------------------------------------------
    "baseline year equal to the target year": Case(
        INDICATORS,
        ROW_1_1,
        "    baseline: {year: 2025, value: 15}\n    target: {year: 2025, value: 18}\n",
        "LZ108",
        "target.year",
        "the baseline year 2025 must come before the target year 2025",
        "target: {year: 2025, value: 18}",
        "2025",
        entry="indicator 1.1",
    ),
    "baseline year after the target year": Case(
        INDICATORS,
        ROW_1_1,
        "    baseline: {year: 2026, value: 15}\n    target: {year: 2025, value: 18}\n",
        "LZ108",
        "target.year",
        "the baseline year 2026 must come before the target year 2025",
        "target: {year: 2025, value: 18}",
        "2025",
        entry="indicator 1.1",
    ),
    "rate above 100": Case(
        INDICATORS,
        "target: {year: 2025, value: 95}",
        "target: {year: 2025, value: 120}",
        "LZ110",
        "target.value",
        "the rate 120 must lie between 0 and 100",
        "value: 120",
        "120",
        entry="indicator 1.2",
    ),
    "negative figure": Case(
        INDICATORS,
        ROW_1_1,
        "    baseline: {year: 2022, value: -15}\n    target: {year: 2025, value: 18}\n",
        "LZ109",
        "baseline.value",
        "the value -15 must not be negative",
        "value: -15",
        "-15",
        entry="indicator 1.1",
    ),
    "figure beyond what a report may give": Case(
        INDICATORS,
        "target: {year: 2025, value: 1700}",
        "target: {year: 2025, value: 17000000000000000000000000000}",
        "LZ116",
        "target.value",
        "the value 17,000,000,000,000,000,000,000,000,000 is too large: at most 1,000,000,000,000",
        "value: 17000000000000000000000000000",
        "17000000000000000000000000000",
        entry="indicator 4.3",
    ),
    "figure just beyond what a report may give, in full": Case(
        INDICATORS,
        "target: {year: 2025, value: 1700}",
        "target: {year: 2025, value: 1234567890123}",
        "LZ116",
        "target.value",
        "the value 1,234,567,890,123 is too large: at most 1,000,000,000,000",
        "value: 1234567890123",
        "1234567890123",
        entry="indicator 4.3",
    ),
    "rate whose unit is not %": Case(
        INDICATORS,
        'unit: "%"\n    unit_en: "%"\n    kind: rate\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}',
        'unit: "percent"\n    unit_en: "%"\n    kind: rate\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}',
        "LZ111",
        "unit",
        "a rate's unit must be %, not 'percent'",
        'unit: "percent"',
        '"percent"',
        entry="indicator 1.2",
    ),
    "flow whose unit is %": Case(
        INDICATORS,
        'unit: "起"\n    unit_en: cases\n    kind: flow',
        'unit: "%"\n    unit_en: "%"\n    kind: flow  # were cases',
        "LZ111",
        "kind",
        "an indicator in % must be a rate (kind: rate), not flow: the agencies' figures of a flow "
        "indicator are added up",
        "kind: flow  # were cases",
        "flow",
        entry="indicator 1.1",
    ),
    "increasing indicator with a target below its baseline": Case(
        INDICATORS,
        "target: {year: 2025, value: 1700}",
        "target: {year: 2025, value: 1000}",
        "LZ112",
        "target.value",
        "with direction increase, the target 1000 must not be worse than the baseline 1409",
        "value: 1000",
        "1000",
        entry="indicator 4.3",
    ),
    "decreasing indicator with a target above its baseline": Case(
        INDICATORS,
        "    direction: increase\n" + ROW_1_1,
        "    direction: decrease\n" + ROW_1_1,
        "LZ112",
        "target.value",
        "with direction decrease, the target 18 must not be worse than the baseline 15",
        "target: {year: 2025, value: 18}",
        "18",
        entry="indicator 1.1",
    ),
    "decreasing indicator with a target above a baseline not carried out": Case(
        INDICATORS,
        "    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}",
        "    direction: decrease\n    baseline: {year: 2022, value: not-carried-out}\n    target: {year: 2025, value: 95}",
        "LZ112",
        "target.value",
        "with direction decrease, the target 95 must not be worse than the baseline, which is "
        "not-carried-out and counts as 0",
        "target: {year: 2025, value: 95}",
        "95",
        entry="indicator 1.2",
    ),
    "milestone after the target year": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2026: 18}\n",
        "LZ113",
        "milestones.2026",
        "milestone year 2026 must be after 2022 and before 2025 (2023–2024)",
        "milestones:",
        "2026",
        entry="indicator 1.1",
    ),
    "milestone in the baseline year": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2022: 15}\n",
        "LZ113",
        "milestones.2022",
        "milestone year 2022 must be after 2022 and before 2025 (2023–2024)",
        "milestones:",
        "2022",
        entry="indicator 1.1",
    ),
    "milestone above the target": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2023: 16, 2024: 25}\n",
        "LZ114",
        "milestones.2024",
        "the 2024 milestone 25 must lie between 15 and 18",
        "milestones:",
        "25",
        entry="indicator 1.1",
    ),
    "milestone below the baseline": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2023: 10}\n",
        "LZ114",
        "milestones.2023",
        "the 2023 milestone 10 must lie between 15 and 18",
        "milestones:",
        "10",
        entry="indicator 1.1",
    ),
    "milestones falling from year to year": Case(
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones: {2023: 17.5, 2024: 16}\n",
        "LZ115",
        "milestones.2024",
        "the 2024 milestone 16 is below the 2023 one, 17.5: the indicator must increase, so its "
        "milestones must not fall from year to year",
        "milestones:",
        "16",
        entry="indicator 1.1",
    ),
    "milestones of an indicator without a numeric target": Case(
        INDICATORS,
        "    name: 专利质押融资金额\n",
        "    name: 专利质押融资金额\n    milestones: {2023: 500, 2024: 800}\n",
        "LZ117",
        "milestones",
        "milestones need a numeric target: the target is per-actual, so there is none for them "
        "to lead to; remove milestones",
        "milestones: {2023: 500",
        "milestones",
        entry="indicator 5.1",
    ),
    "English count unit of an indicator that takes no count": Case(
        INDICATORS,
        "    unit_en: cases\n",
        "    unit_en: cases\n    count_unit_en: raids\n",
        "LZ118",
        "count_unit_en",
        "count_unit_en is the English count unit of an indicator that takes a count: add its "
        "count_unit, or remove count_unit_en",
        "count_unit_en: raids",
        "raids",
        entry="indicator 1.1",
    ),
    "English count unit left behind when the count unit is removed": Case(
        INDICATORS,
        "    count_unit: 笔\n    count_unit_en: deals\n",
        "    count_unit_en: deals\n",
        "LZ118",
        "count_unit_en",
        "count_unit_en is the English count unit of an indicator that takes a count: add its "
        "count_unit, or remove count_unit_en",
        "count_unit_en: deals",
        "deals",
        entry="indicator 5.1",
    ),
    "empty English unit": Case(
        INDICATORS,
        "    unit_en: cases\n",
        '    unit_en: ""\n',
        "LZ100",
        "unit_en",
        "must not be empty",
        'unit_en: ""',
        '""',
        entry="indicator 1.1",
    ),
    "indicator named as another indicator": Case(  # a report naming it could mean either
        INDICATORS,
        "    name: 非正常专利申请主动撤回率\n",
        "    name: 查处假冒 知识产权行政案件\n",  # spaced: names compare without spaces
        "LZ119",
        "name",
        "'查处假冒 知识产权行政案件' is already the id or name of indicator 1.1: a report naming "
        "it could mean either",
        "name: 查处假冒 知识产权行政案件",
        "查处",
        entry="indicator 1.2",
    ),
    "English name of another indicator, in other letter case": Case(
        INDICATORS,
        "    name_en: Voluntary withdrawal rate of abnormal patent applications\n",
        "    name_en: administrative cases of counterfeit IP investigated\n",
        "LZ119",
        "name_en",
        "'administrative cases of counterfeit IP investigated' is already the id or name of "
        "indicator 1.1: a report naming it could mean either",
        "name_en: administrative",
        "administrative",
        entry="indicator 1.2",
    ),
    "indicator name of full-width spaces only": Case(
        INDICATORS,
        "    name: 查处假冒知识产权行政案件\n",
        '    name: "\u3000\u3000"\n',
        "LZ100",
        "name",
        "is only spaces: it must not be empty",
        'name: "\u3000',
        '"',
        entry="indicator 1.1",
    ),
    "agency name holding a right-to-left override": Case(
        AGENCIES,
        "    name: 县林业局\n",
        '    name: "县林业局\\u202e"\n',
        "LZ100",
        "name",
        "holds the invisible character U+202E"
        ": delete it (it changes how the text shows or compares, and usually comes with copied text)",
        'name: "县林业局',
        '"',
        entry="agency forestry",
    ),
    "agency alias holding a bell": Case(
        AGENCIES,
        "    aliases: [鹿寨县林业局, 林业局]\n",
        '    aliases: [鹿寨县林业局, "林业\\a局"]\n',
        "LZ100",
        "aliases.1",
        "holds the invisible character U+0007"
        ": delete it (it changes how the text shows or compares, and usually comes with copied text)",
        "aliases: [鹿寨县林业局",
        '"林业',
        entry="agency forestry",
    ),
    "indicator name holding a tab copied from a spreadsheet": Case(
        INDICATORS,
        "    name: 查处假冒知识产权行政案件\n",
        "    name: 查处假冒\t知识产权行政案件\n",
        "LZ100",
        "name",
        "holds a tab or a line break (U+0009): a name is on one line; delete that character",
        "name: 查处假冒",
        "查处假冒",
        entry="indicator 1.1",
    ),
    "agency alias ending in a line break": Case(
        AGENCIES,
        "    aliases: [鹿寨县林业局, 林业局]\n",
        '    aliases: [鹿寨县林业局, "林业局\\n"]\n',
        "LZ100",
        "aliases.1",
        "holds a tab or a line break (U+000A): a name is on one line; delete that character",
        "aliases: [鹿寨县林业局",
        '"林业局',
        entry="agency forestry",
    ),
    "English unit too long": Case(
        INDICATORS,
        "    unit_en: cases\n",
        "    unit_en: " + "administrative cases of counterfeiting" + "\n",
        "LZ100",
        "unit_en",
        "is too long: at most 32 characters",
        "unit_en: administrative",
        "administrative",
        entry="indicator 1.1",
    ),
    "note too long": Case(  # says how long a note may be, not only that it is too long
        INDICATORS,
        "    note: Each responsible agency",
        "    note: " + "很长的说明" * 200 + " Each responsible agency",
        "LZ100",
        "note",
        "is too long: at most 500 characters",
        "note: 很长",
        "很长",
        entry="indicator 2.1",
    ),
    "English count unit that is not text": Case(
        INDICATORS,
        "    count_unit_en: policies\n",
        "    count_unit_en: [policies]\n",
        "LZ100",
        "count_unit_en",
        "must be text",
        "count_unit_en: [policies]",
        "[policies]",
        entry="indicator 5.4",
    ),
    # --- YAML itself -------------------------------------------------------------------------
    "YAML anchor and alias": Case(
        INDICATORS,
        ROW_1_1,
        "    baseline: &row {year: 2022, value: 15}\n    target: {year: 2025, value: 18}\n",
        "LZ010",
        None,
        "YAML anchors and aliases (&, *, <<) are not allowed; write the content out",
        "&row",
        "&row",
    ),
    "YAML merge key": Case(
        INDICATORS,
        ROW_1_1,
        "    baseline: {year: 2022, value: 15}\n    target:\n      <<: {year: 2025}\n      value: 18\n",
        "LZ010",
        None,
        "YAML anchors and aliases (&, *, <<) are not allowed; write the content out",
        "<<:",
        "<<",
    ),
}
# fmt: on


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_broken_copy_fails_with_a_located_problem(data: Path, case: Case) -> None:
    text = edit(data, case.file, case.old, case.new)
    line, column = position(text, case.line, case.at)
    found = problems(data)
    assert [(p.code, p.path) for p in found] == [(case.code, case.path)]
    where = ", ".join(part for part in (case.entry, case.path) if part)
    assert format_problem(found[0], "en") == (
        f"{case.file}:{line}:{column}: error {case.code}: "
        + (f"{where}: " if where else "")
        + case.message
    )


def test_every_milestone_that_is_not_a_number_is_located_at_its_figure(data: Path) -> None:
    text = edit(
        data,
        INDICATORS,
        ROW_1_1,
        ROW_1_1 + "    milestones:\n      2023: 16件\n      2024: 十八\n",
    )
    found = problems(data)
    assert [(p.code, p.path) for p in found] == [
        ("LZ100", "milestones.2023"),
        ("LZ100", "milestones.2024"),
    ]
    assert [format_problem(p, "en") for p in found] == [
        f"{INDICATORS}:{position(text, '2023: 16件', '16件')[0]}:13: error LZ100: indicator 1.1, "
        "milestones.2023: the 2023 milestone '16件' must be a number",
        f"{INDICATORS}:{position(text, '2024: 十八', '十八')[0]}:13: error LZ100: indicator 1.1, "
        "milestones.2024: the 2024 milestone '十八' must be a number",
    ]


NUMBER_FORMS = [
    # (as written, what the message says): YAML 1.1 would read 015 as 13, 1:30 as 90, 0x12 as
    # 18, 1_700 as 1700, and 018 or 0o17 as text; every such form is refused alike, at the figure.
    (
        "015",
        "'015' starts with 0: YAML reads a number starting with 0 as octal (015 as 13) or as text; write 15",
    ),
    (
        "018",
        "'018' starts with 0: YAML reads a number starting with 0 as octal (015 as 13) or as text; write 18",
    ),
    (
        "012.5",
        "'012.5' starts with 0: YAML reads a number starting with 0 as octal (015 as 13) or as text; write 12.5",
    ),
    (
        "0x12",
        "'0x12' is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with colons, in base 16, 8, 2 or 60 (this one as 18); write plan figures in decimal, such as 18",
    ),
    (
        "0o17",
        "'0o17' is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with colons, in base 16, 8, 2 or 60 (this one as 15); write plan figures in decimal, such as 15",
    ),
    (
        "0b11",
        "'0b11' is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with colons, in base 16, 8, 2 or 60 (this one as 3); write plan figures in decimal, such as 3",
    ),
    (
        "1:30",
        "'1:30' is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with colons, in base 16, 8, 2 or 60 (this one as 90); write plan figures in decimal, such as 90",
    ),
    (  # no number in base 2: the message without one
        "0b12",
        "'0b12' is not a decimal number: YAML reads a number starting 0x, 0o or 0b, or with colons, in base 16, 8, 2 or 60; write plan figures in decimal",
    ),
    (
        "1_700",
        "'1_700' has underscores: YAML drops them and reads 1700; write plan figures without separators, 1700",
    ),
    (
        "1_7_0_0.5",
        "'1_7_0_0.5' has underscores: YAML drops them and reads 1700.5; write plan figures without separators, 1700.5",
    ),
    # Exponent notation: YAML 1.1 reads 1.0e+4 as 10000, 1e4 and 1.7e3 as text.
    *[
        (
            written,
            f"'{written}' is in exponent notation, which YAML reads one way or another (1.0e+4 as "
            f"a number, 1e4 as text); write plan figures as plain decimals, {fixed}",
        )
        for written, fixed in [
            ("1.7e3", "1700"),
            ("1e4", "10000"),
            ("1.0e+4", "10000"),
            ("2.5E-1", "0.25"),
            ("-1.5e2", "-150"),
        ]
    ],
    # Text where a number belongs: quoted, or in full-width digits.
    (
        '"18"',
        "'18' is text, not a number (quoted, or in full-width digits): write 18, without quotes",
    ),
    (
        "'17.5'",
        "'17.5' is text, not a number (quoted, or in full-width digits): write 17.5, without quotes",
    ),
    (
        "１８",
        "'１８' is text, not a number (quoted, or in full-width digits): write 18, without quotes",
    ),
]


@pytest.mark.parametrize(("written", "message"), NUMBER_FORMS, ids=[w for w, _ in NUMBER_FORMS])
@pytest.mark.parametrize("where", ["target", "milestone"])
def test_a_figure_in_a_number_form_yaml_reads_otherwise_is_refused_at_the_figure(
    data: Path, written: str, message: str, where: str
) -> None:
    if where == "target":
        new, path = ROW_1_1.replace("value: 18}", f"value: {written}}}"), "target.value"
    else:
        new, path = ROW_1_1 + f"    milestones: {{2023: {written}}}\n", "milestones.2023"
    text = edit(data, INDICATORS, ROW_1_1, new)
    line, column = position(text, f": {written}}}", written)
    found = problems(data)
    assert [format_problem(p, "en") for p in found] == [
        f"{INDICATORS}:{line}:{column}: error LZ100: indicator 1.1, {path}: {message}"
    ]


THOUSANDS = [
    # (edited row, the figure as written, path): in a flow mapping YAML reads 1,700 as the figure
    # 1 and a key 700; in a block mapping as text. Either is one problem, at the figure.
    (ROW_1_1.replace("value: 18}", "value: 1,700}"), "1,700", "target.value"),
    (ROW_1_1.replace("value: 18}", "value: 1,234,567}"), "1,234,567", "target.value"),
    # 000 and 050 are keys YAML 1.1 reads as octal: lzip keeps them as written (text).
    (ROW_1_1.replace("value: 18}", "value: 12,000}"), "12,000", "target.value"),
    (ROW_1_1.replace("value: 15}", "value: 2,050}"), "2,050", "baseline.value"),
    # two groups of 000: two equal keys to YAML, not a duplicate key (LZ014) besides
    (ROW_1_1.replace("value: 18}", "value: 1,000,000}"), "1,000,000", "target.value"),
    (ROW_1_1 + "    milestones: {2023: 1,600, 2024: 17}\n", "1,600", "milestones.2023"),
    (
        ROW_1_1.replace("{year: 2025, value: 18}", "\n      year: 2025\n      value: 1,700"),
        "1,700",
        "target.value",
    ),
]


@pytest.mark.parametrize(
    ("row", "written", "path"),
    THOUSANDS,
    ids=["flow", "millions", "zeros", "leading-zero", "repeated-group", "milestone", "block"],
)
def test_a_figure_with_a_thousands_separator_is_one_problem_at_the_figure(
    data: Path, row: str, written: str, path: str
) -> None:
    text = edit(data, INDICATORS, ROW_1_1, row)
    line, column = position(text, written)
    found = problems(data)
    assert [format_problem(p, "en") for p in found] == [
        f"{INDICATORS}:{line}:{column}: error LZ100: indicator 1.1, {path}: {written!r} has a "
        f"thousands separator: write plan figures without separators, {written.replace(',', '')}"
    ]
    assert "LZ100" in format_problem(found[0], "zh") and "千位分隔符" in format_problem(
        found[0], "zh"
    )


INDEPENDENT = [
    # (edited 1.1, the problems in file order): a wrong field hides no check that does not need it
    (
        "    baseline: {year: 2022, value: 15}\n    target: {year: 2025, value: 1700件}\n",
        "    agencies: [agriculture, ip-office, forestry, press-publication]\n",
        "    agencies: [agriculture, industy-trade, forestry, press-publication]\n",
        [
            ("LZ100", "target.value", "must be a number or 'per-actual'"),
            (
                "LZ101",
                "agencies.1",
                "unknown agency 'industy-trade'; did you mean 'industry-trade'?",
            ),
        ],
    ),
    (
        ROW_1_1 + "    milestones: {2023: 25}\n",
        "    kind: flow\n",
        "    kind: yearly\n",
        [
            ("LZ100", "kind", "must be one of 'flow', 'stock' or 'rate'"),
            ("LZ114", "milestones.2023", "the 2023 milestone 25 must lie between 15 and 18"),
        ],
    ),
    (
        "    baseline: {year: 2022, value: 15}\n    target: {year: 2025, value: lots}\n"
        "    milestones: {2023: 16, 2026: 17}\n",
        "    scope: shared\n",
        "    scope: shared\n",
        [
            ("LZ100", "target.value", "must be a number or 'per-actual'"),
            (
                "LZ113",
                "milestones.2026",
                "milestone year 2026 must be after 2022 and before 2025 (2023–2024)",
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("rows", "old", "new", "expected"), INDEPENDENT, ids=["agency", "milestone", "year"]
)
def test_one_wrong_field_of_an_indicator_hides_none_of_its_other_problems(
    data: Path, rows: str, old: str, new: str, expected: list[tuple[str, str, str]]
) -> None:
    path = data / INDICATORS
    text = path.read_text(encoding="utf-8")
    first = text.index('  - id: "1.2"')
    entry = text[:first].replace(ROW_1_1, rows, 1)
    entry = entry[: entry.rindex('  - id: "1.1"')] + entry[entry.rindex('  - id: "1.1"') :].replace(
        old, new, 1
    )
    path.write_text(entry + text[first:], encoding="utf-8")
    found = problems(data)
    assert [(p.code, p.path, p.entry) for p in found] == [
        (code, where, ("indicator", "1.1")) for code, where, _ in expected
    ]
    assert [format_problem(p, "en").split(", ", 1)[1] for p in found] == [
        f"{where}: {message}" for _, where, message in expected
    ]


#: A wrong field of 1.2 (a line of it, and what it is edited to).
WRONG_FIELDS_OF_1_2 = [
    (ROW_1_2_AGENCIES, "    agencies: []\n"),
    (ROW_1_2_AGENCIES, "    agencies: ip-office\n"),
    (ROW_1_2_AGENCIES, "    agencies:\n"),
    (ROW_1_2_AGENCIES, "    agencies: [IP Office]\n"),
    (
        "    kind: rate\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n"
        "    target: {year: 2025, value: 95}\n    agencies: [ip-office]\n",
        "    kind: rate\n    direction: increase\n    baseline: {year: 2022, value: not-carried-out}\n"
        "    target: 95\n    agencies: [ip-office]\n",
    ),
    ("    name: 非正常专利申请主动撤回率\n", "    name: ''\n"),
    (ROW_1_2_AGENCIES, ROW_1_2_AGENCIES + "    colour: red\n"),
]


@pytest.mark.parametrize(
    ("old", "new"),
    WRONG_FIELDS_OF_1_2,
    ids=["empty", "word", "null", "bad-id", "target-number", "name-empty", "unknown-field"],
)
def test_a_wrong_field_does_not_hide_a_duplicate_id(data: Path, old: str, new: str) -> None:
    edit(data, INDICATORS, 'id: "1.2"\n', 'id: "1.1"\n')
    edit(data, INDICATORS, old, new)
    found = problems(data)
    assert "LZ104" in [p.code for p in found], [format_problem(p, "en") for p in found]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        # forestry renamed ip-office, its aliases a plain word: the id is still a duplicate
        (
            "  - id: forestry\n    name: 县林业局\n    name_en: County Forestry Bureau\n"
            "    aliases: [鹿寨县林业局, 林业局]\n",
            "  - id: ip-office\n    name: 县林业局\n    name_en: County Forestry Bureau\n"
            "    aliases: 林业局\n",
            "LZ102",
        ),
        # an alias that names another agency, beside a field lzip does not know
        (
            "    aliases: [鹿寨县林业局, 林业局]\n",
            "    aliases: [鹿寨县林业局, 林业局, 县知识产权局]\n    colour: green\n",
            "LZ103",
        ),
        # a wrong name does not hide an English name taken twice
        (
            "    name: 县林业局\n    name_en: County Forestry Bureau\n",
            "    name: ''\n    name_en: County Intellectual Property Office\n",
            "LZ103",
        ),
        # one alias holding a tab: the next, another agency's alias, is still said
        (
            "    aliases: [鹿寨县林业局, 林业局]\n",
            '    aliases: [鹿寨县林业局, "林业\\t局", 知识产权局]\n',
            "LZ103",
        ),
    ],
    ids=["id", "alias", "name_en", "one-alias"],
)
def test_a_wrong_field_of_an_agency_hides_none_of_its_other_problems(
    data: Path, old: str, new: str, code: str
) -> None:
    edit(data, AGENCIES, old, new)
    found = problems(data)
    assert "LZ100" in [p.code for p in found]
    assert code in [p.code for p in found], [format_problem(p, "en") for p in found]


def test_an_alias_two_agencies_hold_is_said_at_both(data: Path) -> None:
    # Which of the two was added cannot be told: each is said, so that one is in the change.
    text = edit(
        data, AGENCIES, "aliases: [鹿寨县教育局, 教育局]", "aliases: [鹿寨县教育局, 教育局, 财政局]"
    )
    found = problems(data)
    assert [(p.code, p.entry, p.path, p.line) for p in found] == [
        ("LZ103", ("agency", "education"), "aliases.2", position(text, "教育局, 财政局")[0]),
        ("LZ103", ("agency", "finance"), "aliases.1", position(text, "鹿寨县财政局, 财政局")[0]),
    ]
    assert [format_problem(p, "en").split(": ", 2)[2] for p in found] == [
        "agency education, aliases.2: '财政局' is already the id, name or alias of agency 'finance'",
        "agency finance, aliases.1: '财政局' is already the id, name or alias of agency 'education'",
    ]


@pytest.mark.parametrize(
    ("alias", "field"),
    [("Finance", "an id"), ("县财政局", "a name"), ("County Finance Bureau", "an English name")],
)
def test_an_alias_that_is_another_agencys_id_or_name_is_said_at_the_alias(
    data: Path, alias: str, field: str
) -> None:
    # education comes before finance in the file: the alias is what is wrong, not finance's id.
    edit(
        data,
        AGENCIES,
        "aliases: [鹿寨县教育局, 教育局]",
        f"aliases: [鹿寨县教育局, 教育局, {alias}]",
    )
    found = problems(data)
    assert [(p.code, p.entry, p.path) for p in found] == [
        ("LZ103", ("agency", "education"), "aliases.2")
    ], field


def test_an_indicator_whose_id_is_wrong_is_still_checked_without_its_id(data: Path) -> None:
    edit(data, INDICATORS, 'id: "1.2"\n', 'id: "1-2"\n')
    edit(data, INDICATORS, ROW_1_2_AGENCIES, "    agencies: [ip-ofice]\n")
    found = problems(data)
    assert [(p.code, p.path, p.entry) for p in found] == [
        ("LZ100", "id", None),
        ("LZ101", "agencies.0", None),
    ]


def test_the_shipped_plan_is_valid() -> None:
    assert len(load_plan(default_data_dir()).indicators) == 14


def test_a_decreasing_indicator_with_a_lower_target_and_milestones_between_is_valid(
    data: Path,
) -> None:
    edit(
        data, INDICATORS, "    direction: increase\n" + ROW_1_1,
        "    direction: decrease\n"
        "    baseline: {year: 2022, value: 18}\n    target: {year: 2025, value: 12}\n"
        "    milestones: {2023: 16, 2024: 14}\n",
    )  # fmt: skip
    indicator = load_plan(data).indicator("1.1")
    assert (indicator.direction, indicator.milestones) == ("decrease", {2023: 16.0, 2024: 14.0})


def test_a_decreasing_indicators_milestones_must_not_rise(data: Path) -> None:
    edit(
        data, INDICATORS, "    direction: increase\n" + ROW_1_1,
        "    direction: decrease\n"
        "    baseline: {year: 2022, value: 18}\n    target: {year: 2025, value: 12}\n"
        "    milestones: {2023: 14, 2024: 16}\n",
    )  # fmt: skip
    with pytest.raises(LzipError) as raised:
        load_plan(data)
    [problem] = raised.value.problems
    assert problem.code == "LZ115"
    assert "the 2024 milestone 16 is above the 2023 one, 14" in format_problem(problem, "en")


@pytest.mark.parametrize(
    ("row", "duplicate", "key"),
    [
        ('    unit: "起"\n', '    unit: "件"  # second\n', "unit"),
        ('  - id: "1.2"\n', '    id: "1.3"\n', "id"),
        ("    scope: each\n", "    scope: shared  # second\n", "scope"),
    ],
)
def test_duplicate_yaml_key_is_refused_not_silently_overwritten(
    data: Path, row: str, duplicate: str, key: str
) -> None:
    text = edit(data, INDICATORS, row, row + duplicate)
    first, _ = position(text, row.rstrip("\n"))
    line, column = position(text, duplicate.rstrip("\n"), key)
    (problem,) = problems(data)
    assert format_problem(problem, "en") == (
        f"indicators.yaml:{line}:{column}: error LZ014: "
        f"duplicate key {key!r} (first at line {first})"
    )


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object:os.system {year: 2025, value: 18}", "!!python/object:os.system"),
        ("!!python/object/apply:os.system ['touch pwned']", "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!include target.yaml", "!include"),
    ],
)
def test_tags_outside_the_yaml_core_schema_are_refused(data: Path, value: str, tag: str) -> None:
    text = edit(data, INDICATORS, "target: {year: 2025, value: 18}", f"target: {value}")
    line, column = position(text, value)
    (problem,) = problems(data)
    assert format_problem(problem, "en") == (
        f"indicators.yaml:{line}:{column}: error LZ011: YAML tag {tag} is not allowed"
    )
    assert not (data / "pwned").exists()


def test_an_alias_of_a_scalar_is_refused_where_it_is_written(data: Path) -> None:
    text = edit(
        data, INDICATORS, "    name_en: Administrative cases of counterfeit IP investigated\n",
        "    name_en: &en Administrative cases of counterfeit IP investigated\n    note: *en\n",
    )  # fmt: skip
    found = problems(data)
    assert [(p.code, p.line, p.column) for p in found] == [
        ("LZ010", *position(text, "&en")),
        ("LZ010", *position(text, "*en")),
    ]


def test_billion_laughs_fails_fast_without_expanding(data: Path) -> None:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        items = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{items}]")
    rewrite(data, INDICATORS, "\n".join(lines) + "\n")
    started = time.perf_counter()
    found = problems(data)
    assert time.perf_counter() - started < 2
    assert {p.code for p in found} == {"LZ010"}
    assert len(found) <= MAX_PROBLEMS


def test_tab_indentation_is_a_located_yaml_syntax_error(data: Path) -> None:
    text = edit(data, INDICATORS, '    unit: "起"\n', '\tunit: "起"\n')
    line, _ = position(text, '\tunit: "起"')
    (problem,) = problems(data)
    assert (problem.code, problem.file, problem.line, problem.column) == (
        "LZ007", "indicators.yaml", line, 1,
    )  # fmt: skip
    assert format_problem(problem, "en").startswith(
        f"indicators.yaml:{line}:1: error LZ007: YAML syntax error: "
    )


@pytest.mark.parametrize(
    "text", ["", "\n\n", "# 量化指标 to be filled in\n"], ids=["empty", "blank", "comment"]
)
def test_an_empty_file_is_refused(data: Path, text: str) -> None:
    rewrite(data, INDICATORS, text)
    (problem,) = problems(data)
    assert format_problem(problem, "en") == "indicators.yaml: error LZ009: the file is empty"


def test_a_list_at_the_top_of_a_file_is_refused(data: Path) -> None:
    rewrite(data, AGENCIES, "- id: ip-office\n  name: 县知识产权局\n")
    (problem,) = problems(data)
    assert format_problem(problem, "en") == (
        "agencies.yaml:1:1: error LZ100: must be a mapping (key: value)"
    )


def test_a_missing_file_is_named(data: Path) -> None:
    (data / AGENCIES).unlink()
    (problem,) = problems(data)
    assert format_problem(problem, "en") == "agencies.yaml: error LZ003: no such file"


def test_a_missing_data_directory_is_reported(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LzipError) as caught:
        load_plan(tmp_path / "plan")
    (problem,) = caught.value.problems
    assert format_problem(problem, "en") == (
        "plan: error LZ003: the plan data directory does not exist"
    )


def test_errors_in_several_indicators_and_both_files_are_all_reported_in_one_run(
    data: Path,
) -> None:
    indicators = edit(
        data, INDICATORS, "target: {year: 2025, value: 95}", "target: {year: 2025, value: 120}"
    )
    indicators = edit(
        data, INDICATORS, "target: {year: 2025, value: 1700}", "target: {year: 2025, value: lots}"
    )
    indicators = edit(
        data, INDICATORS, "agencies: [industry-trade, ip-office]", "agencies: [industry, ip-office]"
    )
    agencies = edit(data, AGENCIES, "      - health\n", "      - healthcare\n")
    found = {(p.file, p.code, p.line, p.column) for p in problems(data)}
    assert found == {
        ("indicators.yaml", "LZ110", *position(indicators, "value: 120", "120")),
        ("indicators.yaml", "LZ100", *position(indicators, "value: lots", "lots")),
        ("indicators.yaml", "LZ101", *position(indicators, "[industry,", "industry")),
        ("agencies.yaml", "LZ101", *position(agencies, "- healthcare", "healthcare")),
    }


def test_a_broken_agency_entry_is_reported_once_not_at_every_reference(data: Path) -> None:
    text = edit(data, AGENCIES, "    name: 县知识产权局\n", "")
    found = problems(data)
    assert [(p.code, p.path, p.line) for p in found] == [
        ("LZ100", "name", position(text, "- id: ip-office")[0])
    ]


def test_messages_are_in_chinese_too(data: Path) -> None:
    text = edit(
        data, INDICATORS, "target: {year: 2025, value: 18}", "target: {year: 2025, value: lots}"
    )
    line, column = position(text, "value: lots", "lots")
    (problem,) = problems(data)
    assert format_problem(problem, "zh") == (
        f"indicators.yaml:{line}:{column}: 错误 LZ100: 指标 1.1 的 target.value: 应为数字或 'per-actual'"
    )


def test_an_english_name_shared_by_two_agencies_is_refused(tmp_path: Path) -> None:
    shutil.copytree(default_data_dir(), tmp_path, dirs_exist_ok=True)
    agencies = tmp_path / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(
        text.replace("name_en: County Forestry Bureau", "name_en: County Education Bureau"),
        encoding="utf-8",
    )
    with pytest.raises(LzipError) as caught:
        load_plan(tmp_path)
    [problem] = caught.value.problems
    assert (problem.code, problem.path) == ("LZ103", "name_en")


def test_a_group_member_listed_twice_is_refused(tmp_path: Path) -> None:
    shutil.copytree(default_data_dir(), tmp_path, dirs_exist_ok=True)
    agencies = tmp_path / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(
        text.replace("      - human-resources\n", "      - human-resources\n      - forestry\n"),
        encoding="utf-8",
    )
    with pytest.raises(LzipError) as caught:
        load_plan(tmp_path)
    [problem] = caught.value.problems
    assert problem.code == "LZ107"
    assert problem.path == "members.18"


def test_indicators_given_the_same_fields_share_one_fields_set_without_leaking_changes() -> None:
    plan = load_plan(default_data_dir())
    first, second = [i for i in plan.indicators if "note" not in i.model_fields_set][:2]
    assert first.model_fields_set == second.model_fields_set
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.baseline.__pydantic_fields_set__ is second.baseline.__pydantic_fields_set__

    changed = first.model_copy(update={"note": "改"})

    assert "note" in changed.model_fields_set
    assert "note" not in second.model_fields_set
