"""The catalog commands: ``lzip validate``, ``lzip indicators`` and ``lzip agencies``."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from itertools import zip_longest
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.plan_loader import default_data_dir, load_plan

INDICATOR_FIELDS = {
    "id", "group", "name", "name_en", "unit", "unit_en", "count_unit", "count_unit_en", "kind",
    "direction",
    "baseline", "target", "agencies", "scope", "milestones", "note",
}  # fmt: skip
ALL_IDS = ["1.1", "1.2", "2.1", "3.1", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "6.1", "7.1", "8.1"]  # fmt: skip


@pytest.fixture
def broken(in_tmp: Path) -> Path:
    """A copy of the plan in ``tmp_path/plan`` whose indicator 1.1 has a target of "lots"."""
    plan = in_tmp / "plan"
    plan.mkdir()
    for name in ("agencies.yaml", "indicators.yaml"):
        shutil.copyfile(default_data_dir() / name, plan / name)
    path = plan / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    old = "target: {year: 2025, value: 18}"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "target: {year: 2025, value: lots}"), encoding="utf-8")
    return plan


def broken_line(plan: Path) -> str:
    """``file:line:col`` of the "lots" in the broken copy, as lzip prints it."""
    for number, line in enumerate((plan / "indicators.yaml").read_text("utf-8").splitlines(), 1):
        if "value: lots" in line:
            return f"plan/indicators.yaml:{number}:{line.index('lots') + 1}"
    raise AssertionError("no broken line")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "OK：14 项指标，18 个责任单位\n"),
        (["--lang", "en"], "OK: 14 indicators, 18 agencies\n"),
    ],
    ids=["zh", "en"],
)
def test_validate_reports_the_shipped_plan_ok(args: list[str], expected: str) -> None:
    result = run_lzip("validate", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ([], "错误 LZ100: 指标 1.1 的 target.value: 应为数字或 'per-actual'"),
        (
            ["--lang", "en"],
            "error LZ100: indicator 1.1, target.value: must be a number or 'per-actual'",
        ),
    ],
    ids=["zh", "en"],
)
def test_validate_of_a_broken_plan_exits_1_with_located_errors(
    broken: Path, lang: list[str], message: str
) -> None:
    result = run_lzip("validate", "--data", "plan", *lang)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{broken_line(broken)}: {message}\n"


def test_validate_reads_the_data_directory_from_lzip_data(broken: Path) -> None:
    result = run_lzip("validate", "--lang", "en", env={"LZIP_DATA": "plan"})
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{broken_line(broken)}: error LZ100: ")


def test_validate_of_a_broken_plan_shows_no_traceback(broken: Path) -> None:
    result = run_lzip("validate", "--data", "plan")
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_validate_of_a_missing_data_directory_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_lzip("validate", "--data", "no-such-plan", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "no-such-plan: error LZ003: the plan data directory does not exist\n"


def indicators_json(*args: str) -> list[dict]:
    result = run_lzip("indicators", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_indicators_json_lists_the_fourteen_indicators_in_order() -> None:
    assert [record["id"] for record in indicators_json()] == ALL_IDS


def test_indicators_json_records_carry_every_field() -> None:
    for record in indicators_json():
        assert set(record) == INDICATOR_FIELDS


def test_indicators_json_writes_figures_and_words_as_in_the_plan() -> None:
    records = {record["id"]: record for record in indicators_json()}
    assert records["4.3"]["baseline"] == {"year": 2022, "value": 1409}
    assert records["1.2"]["baseline"] == {"year": 2022, "value": "not-carried-out"}
    assert records["5.1"]["target"] == {"year": 2025, "value": "per-actual"}
    assert (records["5.1"]["unit"], records["5.1"]["count_unit"]) == ("万元", "笔")
    assert records["8.1"]["name"] == "知识产权文化法律“四进”活动"


@pytest.mark.parametrize(
    ("agency", "ids"),
    [
        ("ip-office", [i for i in ALL_IDS if i != "5.3"]),
        ("县知识产权局", [i for i in ALL_IDS if i != "5.3"]),
        ("县检察院", ["8.1"]),
        ("国家金融监督管理总局鹿寨监管支局", ["5.1", "5.2", "5.3", "5.4"]),
        ("县司法局", []),  # responsible only for main tasks, not for indicators
    ],
)
def test_indicators_filtered_by_agency_id_name_or_alias(agency: str, ids: list[str]) -> None:
    assert [record["id"] for record in indicators_json("--agency", agency)] == ids


def test_indicators_for_an_unknown_agency_exits_2() -> None:
    result = run_lzip("indicators", "--agency", "县税务局")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "lzip: 错误 LZ313: 未知的责任单位 '县税务局'\n"


@pytest.mark.parametrize("group", ["leading-group", "县知识产权强县战略领导小组各成员单位"])
def test_indicators_for_an_agency_group_says_it_is_a_group(group: str) -> None:
    result = run_lzip("indicators", "--agency", group)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"lzip: 错误 LZ313: {group!r} 是单位组“县知识产权强县战略领导小组各成员单位”（leading-group），"
        "不是责任单位：量化指标由单位负责，不由单位组负责；请指定其成员单位，"
        "如 agriculture、ip-office、forestry 等 18 个\n"
    )
    assert "未知" not in result.stderr


def test_an_agency_group_in_english() -> None:
    result = run_lzip("template", "2025", "-a", "leading-group", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "lzip: error LZ313: 'leading-group' is the agency group 'Member units of the County Leading "
        "Group for the IP-Strong-County Strategy' (leading-group), not an agency: indicators "
        "are owned by agencies, not by groups; name one of its 18 members, such as "
        "agriculture, ip-office, forestry\n"
    )


def test_agencies_json_lists_every_agency_with_the_indicators_it_owns() -> None:
    result = run_lzip("agencies", "--format", "json")
    assert result.exit_code == 0
    records = {record["id"]: record for record in json.loads(result.stdout)}
    assert len(records) == 18
    assert records["procuratorate"]["name"] == "县人民检察院"
    assert "县检察院" in records["procuratorate"]["aliases"]
    assert records["procuratorate"]["indicators"] == ["8.1"]
    assert records["justice"]["indicators"] == []


def test_the_shipped_data_directory_holds_the_plan() -> None:
    data = default_data_dir()
    assert (data / "indicators.yaml").is_file()
    assert (data / "agencies.yaml").is_file()


def test_without_data_the_shipped_plan_is_used_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_lzip("validate", "--lang", "en")
    assert (result.exit_code, result.stdout) == (0, "OK: 14 indicators, 18 agencies\n")


def _lzip_script() -> str:
    beside_python = Path(sys.executable).with_name("lzip")
    found = str(beside_python) if beside_python.is_file() else shutil.which("lzip")
    if found is None:
        pytest.skip("the lzip console script is not installed")
    return found


def test_installed_console_script_validates_from_an_empty_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LZIP_DATA", "LZIP_LANG")}
    completed = subprocess.run(
        [_lzip_script(), "validate", "--lang", "en"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert (completed.returncode, completed.stdout, completed.stderr) == (
        0, "OK: 14 indicators, 18 agencies\n", "",
    )  # fmt: skip


def test_version_is_the_installed_distributions() -> None:
    result = run_lzip("--version")
    assert result.exit_code == 0
    assert result.stdout == f"lzip {importlib.metadata.version('lzip-cli')}\n"


def test_version_comes_before_any_command() -> None:
    result = run_lzip("--version", "check", "no-such-report.csv")
    assert result.exit_code == 0  # eager: printed and done, the command never runs
    assert result.stdout.startswith("lzip ")


@pytest.mark.parametrize("args", [["indicators"], ["agencies"], ["indicators", "--lang", "en"]])
def test_tables_in_a_pipe_carry_no_trailing_spaces(args: list[str]) -> None:
    result = run_lzip(*args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == []


def test_english_agency_names_in_a_list_are_separated_by_semicolons() -> None:
    # English names hold commas (County Bureau of Science, Technology, Industry and Trade).
    result = run_lzip("indicators", "--lang", "en", env={"COLUMNS": "300"})
    (row,) = [line for line in result.stdout.splitlines() if line.startswith("│ 4.3 ")]
    assert row.split("│")[-2].strip() == (
        "County Intellectual Property Office; County Bureau of Science, Technology, Industry "
        "and Trade"
    )


def test_an_agencys_aliases_are_listed_with_the_chinese_enumeration_comma() -> None:
    result = run_lzip("agencies", env={"COLUMNS": "200"})
    (row,) = [line for line in result.stdout.splitlines() if line.startswith("│ forestry ")]
    assert row.split("│")[3].strip() == "鹿寨县林业局、林业局"


def catalog(*args: str, columns: int = 80, data: Path | None = None) -> str:
    """What ``lzip ARGS`` prints to a pipe on a terminal ``columns`` wide."""
    extra = ["--data", str(data)] if data else []
    result = run_lzip(*args, *extra, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def table_cells(output: str) -> dict[str, dict[str, str]]:
    """Every row's cells by column title, the row by its id, over all blocks of the tables; a
    cell's lines joined with spaces."""
    rows: dict[str, dict[str, str]] = {}
    titles: list[str] = []
    row: dict[str, str] = {}
    for line in output.splitlines():
        parts = [part.strip() for part in line.split(line[0])[1:-1]] if line else []
        if line.startswith("┏"):
            titles = []
        elif line.startswith("┃"):
            titles = [" ".join(filter(None, p)) for p in zip_longest(titles, parts, fillvalue="")]
        elif line.startswith("│"):
            if parts[0]:
                row = rows.setdefault(parts[0], {})
            for title, part in zip(titles[1:], parts[1:], strict=True):
                row[title] = " ".join(filter(None, [row.get(title, ""), part]))
    return rows


def no_spaces(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_indicators_table_at_any_width_holds_every_name_and_agency_list_whole(
    lang: str, columns: int
) -> None:
    rows = table_cells(catalog("indicators", "--lang", lang, columns=columns))
    name, agencies = ("指标", "责任单位") if lang == "zh" else ("Indicator", "Agencies")
    plan = {record["id"]: record for record in indicators_json()}
    names = {
        r["id"]: (r["name"], r["name_en"]) for r in json.loads(catalog("agencies", "-f", "json"))
    }
    assert list(rows) == ALL_IDS
    for indicator_id, cells in rows.items():
        record = plan[indicator_id]
        assert no_spaces(cells[name]) == no_spaces(record["name" if lang == "zh" else "name_en"])
        listed = [names[a][0 if lang == "zh" else 1] for a in record["agencies"]]
        separator = "、" if lang == "zh" else "; "
        assert no_spaces(cells[agencies]) == no_spaces(separator.join(listed))


@pytest.mark.parametrize("command", ["indicators", "agencies"])
def test_english_words_and_ids_are_never_split_at_80_columns(command: str) -> None:
    word = r"[A-Za-z][\w'-]*"
    shown = set(re.findall(word, catalog(command, "--lang", "en")))
    records = json.loads(catalog(command, "-f", "json"))
    texts = [text for r in records for text in (r["id"], r["name_en"])]
    assert [w for text in texts for w in re.findall(word, text) if w not in shown] == []


@pytest.mark.parametrize(
    ("command", "lang"), [("indicators", "zh"), ("agencies", "zh"), ("agencies", "en")]
)
def test_no_line_of_a_cell_starts_with_closing_punctuation_at_80_columns(
    command: str, lang: str
) -> None:
    lines = catalog(command, "--lang", lang).splitlines()
    closing = tuple("、，；;,）)")
    cells = [cell.strip() for line in lines if line.startswith("│") for cell in line.split("│")]
    assert [cell for cell in cells if cell.startswith(closing)] == []


def test_english_agencies_table_shows_the_chinese_name_below_the_english_one() -> None:
    rows = table_cells(catalog("agencies", "--lang", "en"))
    assert (
        rows["agriculture"]["Agency"]
        == "County Bureau of Agriculture and Rural Affairs 县农业农村局"
    )


@pytest.fixture
def with_milestones(tmp_path: Path) -> Path:
    """A copy of the plan whose indicator 1.1 (15 in 2022, 18 in 2025) sets both milestones."""
    for name in ("agencies.yaml", "indicators.yaml"):
        shutil.copyfile(default_data_dir() / name, tmp_path / name)
    path = tmp_path / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    target: {year: 2025, value: 18}\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old + "    milestones: {2023: 16, 2024: 17}\n"), "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("lang", "name", "expected"),
    [
        ("zh", "指标", "查处假冒知识产权行政案件 阶段值：2023年 16、2024年 17"),
        (
            "en",
            "Indicator",
            "Administrative cases of counterfeit IP investigated Milestones: 2023: 16, 2024: 17",
        ),
    ],
)
def test_indicators_table_shows_the_milestones_the_plan_sets_below_the_name(
    with_milestones: Path, lang: str, name: str, expected: str
) -> None:
    rows = table_cells(catalog("indicators", "--lang", lang, columns=200, data=with_milestones))
    assert rows["1.1"][name] == expected
    assert "阶段值" not in rows["1.2"][name] and "Milestones" not in rows["1.2"][name]


def test_a_milestone_year_stays_on_one_line_with_its_figure(with_milestones: Path) -> None:
    lines = catalog("indicators", "--lang", "en", columns=60, data=with_milestones).splitlines()
    assert [line for line in lines if re.search(r"\b20\d\d:\s*│", line)] == []
    assert any("2024: 17" in line for line in lines)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("zh", "其余年份按前后相邻的设定值（基础值、阶段值、目标值）线性推算"),
        ("en", "in the other years the milestone is on the straight line between the figures"),
    ],
)
def test_indicators_table_notes_that_other_years_follow_the_straight_line(
    lang: str, note: str
) -> None:
    output = catalog("indicators", "--lang", lang, columns=200)
    last_lines = output.rstrip().splitlines()[-2:]  # the note, wrapped at 200 columns
    assert note in " ".join(line.strip() for line in last_lines)


def test_indicators_json_is_the_plan_with_its_milestones(with_milestones: Path) -> None:
    (record, *_) = indicators_json("--data", str(with_milestones))
    assert record["milestones"] == {"2023": 16, "2024": 17}


@pytest.mark.parametrize(
    ("milestones", "figures"),
    [
        # Whole figures as the plan writes them, and as check -f json and diff -f json do.
        ("{2023: 16, 2024: 17}", '"baseline": {"year": 2022, "value": 15}, '
         '"target": {"year": 2025, "value": 18}, "milestones": {"2023": 16, "2024": 17}'),
        ("{2023: 16.5, 2024: 17}", '"baseline": {"year": 2022, "value": 15}, '
         '"target": {"year": 2025, "value": 18}, "milestones": {"2023": 16.5, "2024": 17}'),
    ],
)  # fmt: skip
def test_indicators_json_writes_whole_figures_as_integers(
    tmp_path: Path, milestones: str, figures: str
) -> None:
    for name in ("agencies.yaml", "indicators.yaml"):
        shutil.copyfile(default_data_dir() / name, tmp_path / name)
    path = tmp_path / "indicators.yaml"
    old = "    target: {year: 2025, value: 18}\n"
    text = path.read_text(encoding="utf-8").replace(old, f"{old}    milestones: {milestones}\n")
    path.write_text(text, encoding="utf-8")
    result = run_lzip("indicators", "-f", "json", "--data", tmp_path)
    (record, *_) = json.loads(result.stdout)
    picked = {key: record[key] for key in ("baseline", "target", "milestones")}
    assert json.dumps(picked, ensure_ascii=False) == "{" + figures + "}"


#: A plan of one agency, one group of it alone and one indicator: its counts are all 1.
ONE_AGENCY = """\
agencies:
  - id: ip-office
    name: 县知识产权局
    name_en: County Intellectual Property Office
groups:
  - id: office-team
    name: 县知识产权工作专班
    name_en: County IP Task Team
    members: [ip-office]
"""
ONE_INDICATOR = """\
plan:
  title: 鹿寨县知识产权强县建设工作方案（2022-2025年）
  title_en: Luzhai County IP-Strong-County Work Plan (2022-2025)
indicators:
  - id: "1.1"
    group: 1
    name: 查处假冒知识产权行政案件
    name_en: Administrative cases of counterfeit IP investigated
    unit: "起"
    kind: flow
    direction: increase
    baseline: {year: 2022, value: 15}
    target: {year: 2025, value: 18}
    agencies: [ip-office]
    scope: shared
"""


@pytest.fixture
def one_agency_plan(in_tmp: Path) -> Path:
    plan = in_tmp / "plan"
    plan.mkdir()
    (plan / "agencies.yaml").write_text(ONE_AGENCY, encoding="utf-8")
    (plan / "indicators.yaml").write_text(ONE_INDICATOR, encoding="utf-8")
    return plan


def test_validate_counts_one_indicator_and_one_agency_in_the_singular(
    one_agency_plan: Path,
) -> None:
    result = run_lzip("validate", "--data", one_agency_plan, "--lang", "en")
    assert (result.exit_code, result.stdout) == (0, "OK: 1 indicator, 1 agency\n")


def test_a_group_of_one_member_is_named_in_the_singular(one_agency_plan: Path) -> None:
    result = run_lzip(
        "indicators", "--data", one_agency_plan, "--agency", "office-team", "--lang", "en"
    )
    assert result.exit_code == 2
    assert result.stderr.endswith("name one of its 1 member, such as ip-office\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", ["indicators", "agencies"])
def test_a_wider_terminal_never_makes_the_catalog_longer(command: str, lang: str) -> None:
    # Every width: one cell more made the Chinese indicators 67 → 75 lines at 62 → 63 columns.
    widths = range(40, 131)
    lengths = [len(catalog(command, "--lang", lang, columns=c).splitlines()) for c in widths]
    assert lengths == sorted(lengths, reverse=True), dict(zip(widths, lengths, strict=True))


@pytest.mark.parametrize("columns", [90, 100, 120])
def test_names_take_their_width_before_the_agencies_do(columns: int) -> None:
    # Spare width went to 责任单位 while names shrank to five characters (查处假冒知/识产权行政/案件).
    lines = catalog("indicators", columns=columns).splitlines()
    for indicator in load_plan(default_data_dir()).indicators:
        assert any(indicator.name in line for line in lines), (indicator.name, columns)
    agencies = catalog("agencies", columns=columns).splitlines()
    for agency in load_plan(default_data_dir()).agencies:
        assert any(f"│ {agency.name} " in line for line in agencies), (agency.name, columns)


def test_the_target_takes_its_width_before_the_agencies_do() -> None:
    # 以实际业务开展为准 wrapped over three lines at 100 columns beside a wide 责任单位.
    lines = catalog("indicators", columns=100).splitlines()
    assert sum("│ 以实际业务开展为准 │" in line for line in lines) == 4
