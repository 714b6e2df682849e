"""``lzip diff``: what changed between two versions of the plan, one line per change."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.plan_diff import Change, diff
from lzip_cli.plan_loader import load_plan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def edited(tmp_path: Path, name: str, **replacements: str) -> Path:
    """A copy of the shipped plan with text replaced in ``indicators.yaml`` / ``agencies.yaml``."""
    target = tmp_path / name
    shutil.copytree(DATA, target)
    for file_name, pairs in (
        ("indicators.yaml", replacements.get("indicators")),
        ("agencies.yaml", replacements.get("agencies")),
    ):
        if not pairs:
            continue
        path = target / file_name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:  # type: ignore[misc]
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return target


def plan_diff(tmp_path: Path, **replacements) -> list[Change]:
    new = edited(tmp_path, "new", **replacements)
    return diff(load_plan(DATA), load_plan(new))


TARGET_4_3 = [("target: {year: 2025, value: 1700}", "target: {year: 2025, value: 1800}")]


def test_target_change_in_one_line(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=TARGET_4_3)
    zh = run_lzip("diff", str(DATA), str(new), "--format", "text")
    assert zh.exit_code == 0
    assert zh.stdout == "4.3 有效注册商标拥有量：目标值 1700 → 1800\n"
    en = run_lzip("diff", str(DATA), str(new), "--format", "text", "--lang", "en")
    assert en.stdout == "4.3 Valid registered trademarks held: target 1700 → 1800\n"


def test_target_change_as_table_and_json(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=TARGET_4_3)
    table = run_lzip("diff", str(DATA), str(new), "--lang", "en")
    assert table.exit_code == 0
    assert "Valid registered trademarks held" in table.stdout
    assert "target 1700 → 1800" in table.stdout
    as_json = run_lzip("diff", str(DATA), str(new), "-f", "json")
    document = json.loads(as_json.stdout)
    assert document["count"] == 1
    assert document["changes"] == [
        {
            "kind": "indicator_changed",
            "subject": "4.3",
            "field": "target",
            "old": 1700,
            "new": 1800,
            "text": "4.3 有效注册商标拥有量：目标值 1700 → 1800",
        }
    ]


def test_same_plan_has_no_changes() -> None:
    assert diff(load_plan(DATA), load_plan(DATA)) == []
    result = run_lzip("diff", str(DATA), str(DATA), "--exit-code", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.strip() == "the two plans say the same"


def test_same_plan_in_chinese_says_fangan() -> None:
    # 方案, the plan's own word (工作方案), as in help and README: not 计划.
    result = run_lzip("diff", str(DATA), str(DATA))
    assert result.stdout.strip() == "两版方案内容相同"


def test_chinese_diff_says_jichuzhi_for_the_baseline(tmp_path: Path) -> None:
    # 基础值 and 基础年, as validate and the catalog say: not 基准值.
    new = edited(
        tmp_path,
        "new",
        indicators=[("baseline: {year: 2022, value: 1409}", "baseline: {year: 2021, value: 1400}")],
    )
    result = run_lzip("diff", str(DATA), str(new), "-f", "text")
    assert result.stdout.splitlines() == [
        "4.3 有效注册商标拥有量：基础值 1409 → 1400",
        "4.3 有效注册商标拥有量：基础年 2022 → 2021",
    ]
    table = run_lzip("diff", str(DATA), str(new))
    assert "方案变更" in table.stdout and "计划" not in table.stdout


def test_exit_code_option(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=TARGET_4_3)
    assert run_lzip("diff", str(DATA), str(new), "--exit-code").exit_code == 1


def test_indicator_fields(tmp_path: Path) -> None:
    changes = plan_diff(
        tmp_path,
        indicators=[
            ("baseline: {year: 2022, value: 1409}", "baseline: {year: 2022, value: 1400}"),
            *TARGET_4_3,
            (
                "agencies: [ip-office, industry-trade]\n    scope: shared",
                "agencies: [ip-office, forestry]\n    scope: each\n"
                "    milestones: {2023: 1500, 2024: 1600}",
            ),
            ('unit: "篇次"', 'unit: "篇"'),
        ],
    )
    got = {(c.kind, c.subject, c.field, c.old, c.new) for c in changes}
    assert got == {
        ("indicator_changed", "4.3", "baseline", 1409.0, 1400.0),
        ("indicator_changed", "4.3", "target", 1700.0, 1800.0),
        ("indicator_changed", "4.3", "scope", "shared", "each"),
        ("indicator_changed", "4.3", "milestones.2023", None, 1500.0),
        ("indicator_changed", "4.3", "milestones.2024", None, 1600.0),
        ("responsibility_removed", "4.3", "agencies", "industry-trade", None),
        ("responsibility_added", "4.3", "agencies", None, "forestry"),
        ("indicator_changed", "7.1", "unit", "篇次", "篇"),
    }
    # Plan order: all of 4.3 before 7.1.
    assert [c.subject for c in changes][-1] == "7.1"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                "4.3 有效注册商标拥有量：英文计量单位 trademarks → marks",
                "5.1 专利质押融资金额：英文笔数单位 deals → —",
            ],
        ),
        (
            "en",
            [
                "4.3 Valid registered trademarks held: English unit trademarks → marks",
                "5.1 Patent pledge financing: English count unit deals → —",
            ],
        ),
    ],
)
def test_english_units_are_compared_as_the_english_names_are(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[
            ("    unit_en: trademarks\n    kind: stock", "    unit_en: marks\n    kind: stock"),
            ("    count_unit: 笔\n    count_unit_en: deals\n", "    count_unit: 笔\n"),
        ],
    )
    assert {(c.subject, c.field, c.old, c.new) for c in diff(load_plan(DATA), load_plan(new))} == {
        ("4.3", "unit_en", "trademarks", "marks"),
        ("5.1", "count_unit_en", "deals", None),
    }
    result = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", lang)
    assert result.stdout.splitlines() == expected


def test_lines_read_naturally(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[
            (
                "baseline: {year: 2022, value: 1409}",
                "baseline: {year: 2022, value: not-carried-out}",
            ),
            (
                "agencies: [ip-office, industry-trade]\n    scope: shared",
                "agencies: [ip-office, forestry]\n    scope: shared\n    milestones: {2024: 1600}",
            ),
        ],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", "en").stdout.splitlines()
    name = "4.3 Valid registered trademarks held"
    assert lines == [
        f"{name}: baseline 1409 → not carried out",
        f"{name}: milestone 2024 not set (straight line between the figures set on either side) → 1600",
        f"{name}: responsible agency removed: County Bureau of Science, Technology, Industry and Trade",
        f"{name}: responsible agency added: County Forestry Bureau",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                "4.3 有效注册商标拥有量：类型 年末存量 → 年度量",
                "4.3 有效注册商标拥有量：方向 增加 → 减少",
                "4.3 有效注册商标拥有量：考核方式 全县合计 → 各单位分别",
                "4.3 有效注册商标拥有量：目标值 1700 → 1300",
            ],
        ),
        (
            "en",
            [
                "4.3 Valid registered trademarks held: kind year-end stock → yearly flow",
                "4.3 Valid registered trademarks held: direction increase → decrease",
                "4.3 Valid registered trademarks held: scope county-wide → each agency",
                "4.3 Valid registered trademarks held: target 1700 → 1300",
            ],
        ),
    ],
)
def test_kind_direction_and_scope_are_said_in_words(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[
            ("kind: stock\n    direction: increase\n    baseline: {year: 2022, value: 1409}\n"
             "    target: {year: 2025, value: 1700}",
             "kind: flow\n    direction: decrease\n    baseline: {year: 2022, value: 1409}\n"
             "    target: {year: 2025, value: 1300}"),
            ("agencies: [ip-office, industry-trade]\n    scope: shared",
             "agencies: [ip-office, industry-trade]\n    scope: each"),
        ],
    )  # fmt: skip
    result = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", lang)
    assert result.stdout.splitlines() == expected


def test_indicator_added_and_removed(tmp_path: Path) -> None:
    block_start = '  - id: "8.1"'
    text = (DATA / "indicators.yaml").read_text(encoding="utf-8")
    block = text[text.index(block_start) :]
    block = block[: block.index("    scope: shared\n") + len("    scope: shared\n")]
    added = block.replace('id: "8.1"', 'id: "8.2"').replace("“四进”", "“五进”")
    changes = plan_diff(tmp_path, indicators=[(block, added)])
    assert [(c.kind, c.subject) for c in changes] == [
        ("indicator_removed", "8.1"),
        ("indicator_added", "8.2"),
    ]
    new = tmp_path / "new"
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "8.1 知识产权文化法律“四进”活动：删除指标",
        "8.2 知识产权文化法律“五进”活动：新增指标",
    ]


def test_agency_rename_and_aliases(tmp_path: Path) -> None:
    changes = plan_diff(
        tmp_path,
        agencies=[
            (
                "    name: 县林业局\n    name_en: County Forestry Bureau\n"
                "    aliases: [鹿寨县林业局, 林业局]",
                "    name: 县林业和园林局\n    name_en: County Forestry and Gardens Bureau\n"
                "    aliases: [鹿寨县林业局, 县林业局]",
            )
        ],
    )
    got = [(c.kind, c.subject, c.field, c.old, c.new) for c in changes]
    assert got == [
        ("agency_changed", "forestry", "name", "县林业局", "县林业和园林局"),
        (
            "agency_changed",
            "forestry",
            "name_en",
            "County Forestry Bureau",
            "County Forestry and Gardens Bureau",
        ),
        ("alias_removed", "forestry", "aliases", "林业局", None),
        ("alias_added", "forestry", "aliases", None, "县林业局"),
    ]
    lines = run_lzip("diff", str(DATA), str(tmp_path / "new"), "-f", "text").stdout.splitlines()
    assert lines[0] == "县林业和园林局：名称 县林业局 → 县林业和园林局"
    assert lines[2] == "县林业和园林局：删除别名“林业局”"


def test_agency_id_change_is_one_unit(tmp_path: Path) -> None:
    new = edited(tmp_path, "new")
    for name in ("agencies.yaml", "indicators.yaml"):
        path = new / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("forestry", "forest-bureau"), encoding="utf-8"
        )
    changes = diff(load_plan(DATA), load_plan(new))
    kinds = [(c.kind, c.subject) for c in changes]
    assert ("agency_id_changed", "forest-bureau") in kinds
    assert ("agency_removed", "forestry") not in kinds
    assert ("agency_added", "forest-bureau") not in kinds
    text = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", "en").stdout
    assert "County Forestry Bureau: id forestry → forest-bureau" in text


def test_agency_and_group_members_added(tmp_path: Path) -> None:
    changes = plan_diff(
        tmp_path,
        agencies=[
            (
                "groups:\n",
                "  - id: tax\n    name: 县税务局\n    name_en: County Tax Bureau\ngroups:\n",
            ),
            ("    members:\n", "    members:\n      - tax\n"),
        ],
    )
    assert [(c.kind, c.subject, c.new) for c in changes] == [
        ("agency_added", "tax", None),
        ("member_added", "leading-group", "tax"),
    ]
    lines = run_lzip("diff", str(DATA), str(tmp_path / "new"), "-f", "text").stdout.splitlines()
    assert lines == [
        "县税务局：新增单位",
        "县知识产权强县战略领导小组各成员单位：新增县税务局为成员单位",
    ]


def test_broken_plan_is_unusable(tmp_path: Path) -> None:
    result = run_lzip("diff", str(DATA), str(tmp_path / "missing"), "--lang", "en")
    assert result.exit_code == 2
    assert "LZ003" in result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    git = _repo_with_plan(repo)
    indicators = repo / "data" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(text.replace(*TARGET_4_3[0]), encoding="utf-8")
    monkeypatch.chdir(repo)
    result = run_lzip("diff", "git:HEAD", "data", "-f", "text", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == "4.3 Valid registered trademarks held: target 1700 → 1800\n"
    git("commit", "-q", "-am", "raise 4.3")
    assert run_lzip("diff", "git:HEAD~1", "git:HEAD", "-f", "text").stdout.startswith("4.3 ")
    assert run_lzip("diff", "git:HEAD~1:data", "data", "-f", "text").exit_code == 0
    missing = run_lzip("diff", "git:no-such-rev", "data", "--lang", "en")
    assert missing.exit_code == 2
    assert "LZ016" in missing.stderr


def _repo_with_plan(repo: Path):
    """A git repository holding the shipped plan in data/, committed; its git runner."""
    shutil.copytree(DATA, repo / "data")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "data")
    git("commit", "-q", "-m", "plan")
    return git


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_invalid_old_plan_is_located_at_the_revision_as_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    git = _repo_with_plan(repo)
    indicators = repo / "data" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    broken = text.replace("    agencies: [ip-office]\n", "    agencies: [ip-ofice]\n", 1)
    indicators.write_text(broken, encoding="utf-8")
    git("commit", "-q", "-am", "a typo")
    indicators.write_text(text, encoding="utf-8")
    line = broken[: broken.index("[ip-ofice]")].count("\n") + 1
    monkeypatch.chdir(repo)
    for old, shown in (("git:HEAD", "git:HEAD:data"), ("git:HEAD:data/", "git:HEAD:data")):
        result = run_lzip("diff", old, "data", "--lang", "en")
        assert result.exit_code == 2
        assert result.stderr.startswith(f"{shown}/indicators.yaml:{line}:16: error LZ101: "), (
            result.stderr
        )
        assert "lzip-diff-" not in result.stderr
    monkeypatch.chdir(repo / "data")
    result = run_lzip("diff", "git:HEAD:.", ".", "--lang", "en")
    assert result.stderr.startswith(f"git:HEAD:./indicators.yaml:{line}:16: "), result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_plan_missing_from_git_names_the_path_git_was_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    _repo_with_plan(repo)
    monkeypatch.chdir(repo / "data")  # DIR is relative to here: data/data does not exist
    result = run_lzip("diff", "git:HEAD:data", ".", "--lang", "en")
    assert result.exit_code == 2
    (said,) = result.stderr.splitlines()
    assert said.startswith("git:HEAD:data: error LZ016: cannot read HEAD:data/data/agencies.yaml")
    assert "'data/data/agencies.yaml'" in said  # git's own words name the same path
    assert "relative to the current directory, data/" in said
    zh = run_lzip("diff", "git:HEAD:data", ".")
    assert "无法从 git 读取 HEAD:data/data/agencies.yaml" in zh.stderr
    assert "相对于当前目录 data/" in zh.stderr
    assert run_lzip("diff", "git:HEAD:.", ".").exit_code == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_absolute_dir_in_the_repository_is_read_from_the_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # git takes REV:PATH from the top only: it said the absolute path was not in HEAD.
    repo = tmp_path / "repo"
    _repo_with_plan(repo)
    monkeypatch.chdir(repo / "data")
    result = run_lzip("diff", f"git:HEAD:{repo / 'data'}", ".", "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "两版方案内容相同\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_absolute_dir_outside_the_repository_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    _repo_with_plan(repo)
    monkeypatch.chdir(repo)
    source = f"git:HEAD:{tmp_path / 'elsewhere'}"
    result = run_lzip("diff", source, "data", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{source}: error LZ016: {tmp_path / 'elsewhere'} is not inside"
    )


def with_new_agency_id(tmp_path: Path, old_id: str, new_id: str, **replacements) -> Path:
    """A copy of the plan whose agency ``old_id`` is called ``new_id`` everywhere."""
    new = edited(tmp_path, "new", **replacements)
    for name in ("agencies.yaml", "indicators.yaml"):
        path = new / name
        path.write_text(path.read_text(encoding="utf-8").replace(old_id, new_id), encoding="utf-8")
    return new


def test_an_agency_given_a_new_id_keeps_its_responsibilities(tmp_path: Path) -> None:
    new = with_new_agency_id(tmp_path, "ip-office", "market-regulation")
    changes = diff(load_plan(DATA), load_plan(new))
    assert [c for c in changes if c.kind.startswith("responsibility")] == []
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == ["县知识产权局：编号 ip-office → market-regulation"]


def test_an_agency_given_a_new_id_stays_a_member_of_its_group(tmp_path: Path) -> None:
    new = with_new_agency_id(tmp_path, "ip-office", "market-regulation")
    document = json.loads(
        run_lzip("diff", str(DATA), str(new), "-f", "json", "--lang", "en").stdout
    )
    assert [(c["kind"], c["subject"]) for c in document["changes"]] == [
        ("agency_id_changed", "market-regulation")
    ]
    assert document["changes"][0]["text"] == (
        "County Intellectual Property Office: id ip-office → market-regulation"
    )


def test_a_real_responsibility_change_shows_beside_a_new_agency_id(tmp_path: Path) -> None:
    new = with_new_agency_id(
        tmp_path,
        "ip-office",
        "market-regulation",
        indicators=[("agencies: [ip-office, industry-trade]", "agencies: [ip-office, forestry]")],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", "en").stdout.splitlines()
    name = "4.3 Valid registered trademarks held"
    assert lines == [
        f"{name}: responsible agency removed: County Bureau of Science, Technology, Industry and Trade",
        f"{name}: responsible agency added: County Forestry Bureau",
        "County Intellectual Property Office: id ip-office → market-regulation",
    ]


def test_two_agencies_swapping_ids_are_two_id_changes(tmp_path: Path) -> None:
    # Matched by id, they read as each renamed into the other, with six orders "changed".
    new = edited(tmp_path, "new")
    for name in ("agencies.yaml", "indicators.yaml"):
        path = new / name
        text = path.read_text(encoding="utf-8").replace("forestry", "\0")
        text = text.replace("press-publication", "forestry").replace("\0", "press-publication")
        path.write_text(text, encoding="utf-8")
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "县新闻出版局：编号 press-publication → forestry",
        "县林业局：编号 forestry → press-publication",
    ]


def test_an_id_given_to_another_unit_is_that_units_new_id_and_the_old_unit_removed(
    tmp_path: Path,
) -> None:
    # 县新闻出版局 (press-publication) is gone; 县林业局 takes its id.
    new = edited(
        tmp_path,
        "new",
        agencies=[
            (
                "  - id: press-publication\n    name: 县新闻出版局\n"
                "    name_en: County Press and Publication Bureau\n"
                "    aliases: [鹿寨县新闻出版局, 新闻出版局]\n",
                "",
            ),
            ("      - forestry\n", ""),
        ],
    )
    for name in ("agencies.yaml", "indicators.yaml"):
        path = new / name
        text = path.read_text(encoding="utf-8")
        text = text.replace(", forestry, press-publication", ", press-publication")
        text = text.replace(
            "agriculture, forestry, press-publication", "agriculture, press-publication"
        )
        path.write_text(text.replace("id: forestry", "id: press-publication"), encoding="utf-8")
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert "县林业局：编号 forestry → press-publication" in lines
    assert "县新闻出版局：删除单位" in lines
    assert "1.1 查处假冒知识产权行政案件：不再由县新闻出版局负责" in lines
    assert "县知识产权强县战略领导小组各成员单位：县新闻出版局不再是成员单位" in lines
    assert not [line for line in lines if "县林业局" in line and "编号" not in line], lines


def test_an_agency_renamed_under_its_id_is_still_that_unit(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        agencies=[("name: 县林业局", "name: 县林业和草原局"), ("[鹿寨县林业局, 林业局]", "[]")],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines[0] == "县林业和草原局：名称 县林业局 → 县林业和草原局"
    assert not [line for line in lines if "删除单位" in line or "新增单位" in line], lines


def with_new_4_2(tmp_path: Path) -> Path:
    """The plan with an indicator put in as 4.2: the old 4.2 and 4.3 become 4.3 and 4.4."""
    new = edited(tmp_path, "new")
    path = new / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('id: "4.3"', 'id: "4.4"').replace('id: "4.2"', 'id: "4.3"')
    start, end = text.index('  - id: "4.3"'), text.index('  - id: "4.4"')
    added = (
        text[start:end]
        .replace('id: "4.3"', 'id: "4.2"')
        .replace("10年以上高维持发明专利保有量", "每万人高价值发明专利拥有量")
        .replace(
            "Invention patents maintained for more than 10 years",
            "High-value invention patents per 10,000 people",
        )
    )
    path.write_text(text[:start] + added + text[start:], encoding="utf-8")
    return new


def test_an_indicator_put_in_before_others_renumbers_them_and_changes_nothing_else(
    tmp_path: Path,
) -> None:
    # Matched by id, the old 4.2 and 4.3 read as renamed into each other with every figure changed.
    new = with_new_4_2(tmp_path)
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.2 每万人高价值发明专利拥有量：新增指标",
        "4.3 10年以上高维持发明专利保有量：编号 4.2 → 4.3",
        "4.4 有效注册商标拥有量：编号 4.3 → 4.4",
    ]


def test_a_renumbered_indicator_is_one_json_change_from_its_old_id_to_its_new(
    tmp_path: Path,
) -> None:
    new = with_new_4_2(tmp_path)
    result = run_lzip("diff", str(DATA), str(new), "-f", "json", "--lang", "en")
    changes = [
        (c["kind"], c["subject"], c["field"], c["old"], c["new"])
        for c in json.loads(result.stdout)["changes"]
    ]
    assert changes == [
        ("indicator_added", "4.2", None, None, None),
        ("indicator_id_changed", "4.3", "id", "4.2", "4.3"),
        ("indicator_id_changed", "4.4", "id", "4.3", "4.4"),
    ]


def test_an_id_given_to_another_indicator_names_the_removed_one_from_the_old_plan(
    tmp_path: Path,
) -> None:
    new = edited(tmp_path, "new")
    path = new / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index('  - id: "4.2"'), text.index('  - id: "4.3"')
    text = text[:start] + text[end:]
    path.write_text(text.replace('id: "4.3"', 'id: "4.2"'), encoding="utf-8")
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.2 10年以上高维持发明专利保有量：删除指标",
        "4.2 有效注册商标拥有量：编号 4.3 → 4.2",
    ]


def test_two_indicators_swapping_places_and_ids_are_two_id_changes_and_no_new_order(
    tmp_path: Path,
) -> None:
    # The rows still read 4.2, 4.3: an "order of indicators" line showed the same ids twice.
    new = edited(tmp_path, "new")
    path = new / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    a, b, c = (text.index(f'  - id: "{i}"') for i in ("4.2", "4.3", "5.1"))
    second = text[a:b].replace('id: "4.2"', 'id: "4.3"')
    first = text[b:c].replace('id: "4.3"', 'id: "4.2"')
    path.write_text(text[:a] + first + second + text[c:], encoding="utf-8")
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.2 有效注册商标拥有量：编号 4.3 → 4.2",
        "4.3 10年以上高维持发明专利保有量：编号 4.2 → 4.3",
    ]


def test_a_renumbered_indicators_unset_milestone_is_read_from_its_old_self(
    tmp_path: Path,
) -> None:
    new = with_new_4_2(tmp_path)
    path = new / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "target: {year: 2025, value: 1700}",
        "target: {year: 2025, value: 1700}\n    milestones: {2024: 1600}",
    )
    path.write_text(text, encoding="utf-8")
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert (
        "4.4 有效注册商标拥有量：2024 年阶段值 未设定（按前后相邻的设定值线性推算） → 1600" in lines
    )


def test_a_renumbered_indicators_figures_are_grouped_by_its_own_figures(tmp_path: Path) -> None:
    # In the old plan 4.3 (trademarks) reaches 12,000; the patents renumbered 4.2 → 4.3 do not.
    old = edited(
        tmp_path,
        "old",
        indicators=[("target: {year: 2025, value: 1700}", "target: {year: 2025, value: 12000}")],
    )
    new = with_new_4_2(tmp_path)
    path = new / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('  - id: "4.3"')
    text = text[:start] + text[start:].replace("value: 20}", "value: 5000}", 1)
    path.write_text(text, encoding="utf-8")
    lines = run_lzip("diff", str(old), str(new), "-f", "text").stdout.splitlines()
    assert "4.3 10年以上高维持发明专利保有量：目标值 20 → 5000" in lines


def test_an_indicator_renamed_under_its_id_is_still_that_indicator(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=[("name: 有效注册商标拥有量", "name: 有效商标注册量")])
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == ["4.3 有效商标注册量：名称 有效注册商标拥有量 → 有效商标注册量"]


SWAPPED_4_3 = [("agencies: [ip-office, industry-trade]", "agencies: [industry-trade, ip-office]")]


def test_a_new_lead_agency_is_a_change(tmp_path: Path) -> None:
    # The first unit listed leads (牵头单位): swapping the two is a change to the plan.
    new = edited(tmp_path, "new", indicators=SWAPPED_4_3)
    zh = run_lzip("diff", str(DATA), str(new), "-f", "text", "--exit-code")
    assert zh.exit_code == 1
    assert zh.stdout.splitlines() == [
        "4.3 有效注册商标拥有量：责任单位顺序（牵头单位在前）县知识产权局、县科工贸局"
        " → 县科工贸局、县知识产权局"
    ]
    en = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", "en")
    assert en.stdout.splitlines() == [
        "4.3 Valid registered trademarks held: order of responsible agencies (lead agency first): "
        "County Intellectual Property Office; County Bureau of Science, Technology, Industry and "
        "Trade → County Bureau of Science, Technology, Industry and Trade; County Intellectual "
        "Property Office"
    ]


def test_a_new_agency_order_in_json(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=SWAPPED_4_3)
    document = json.loads(run_lzip("diff", str(DATA), str(new), "-f", "json").stdout)
    (change,) = document["changes"]
    assert {k: v for k, v in change.items() if k != "text"} == {
        "kind": "responsibility_reordered",
        "subject": "4.3",
        "field": "agencies",
        "old": ["ip-office", "industry-trade"],
        "new": ["industry-trade", "ip-office"],
    }


def test_a_new_agency_order_in_the_table_keeps_every_name_whole(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=SWAPPED_4_3)
    result = run_lzip("diff", str(DATA), str(new), env={"COLUMNS": "80"})
    assert result.exit_code == 0
    cells = "".join(
        line.split("│")[2].strip() for line in result.stdout.splitlines() if line.count("│") == 3
    )
    assert cells == (
        "责任单位顺序（牵头单位在前）县知识产权局、县科工贸局 → 县科工贸局、县知识产权局"
    )


def test_an_agency_added_in_front_becomes_the_lead(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[
            (
                "agencies: [ip-office, industry-trade]",
                "agencies: [forestry, ip-office, industry-trade]",
            )
        ],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.3 有效注册商标拥有量：新增县林业局为责任单位",
        "4.3 有效注册商标拥有量：责任单位顺序（牵头单位在前）县知识产权局、县科工贸局"
        " → 县林业局、县知识产权局、县科工贸局",
    ]


def test_chinese_lines_put_no_spaces_around_agency_names(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[("agencies: [ip-office, industry-trade]", "agencies: [ip-office, forestry]")],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.3 有效注册商标拥有量：不再由县科工贸局负责",
        "4.3 有效注册商标拥有量：新增县林业局为责任单位",
    ]


MILESTONE_4_3 = [
    (
        "agencies: [ip-office, industry-trade]\n    scope: shared",
        "agencies: [ip-office, industry-trade]\n    scope: shared\n    milestones: {2024: 1600}",
    )
]


def test_an_added_milestone_was_not_set_before(tmp_path: Path) -> None:
    # "—" is the plan's 未开展 (not carried out): an absent milestone is "not set", and the
    # straight line between the figures set on either side stood in for it.
    new = edited(tmp_path, "new", indicators=MILESTONE_4_3)
    zh = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout
    assert zh == (
        "4.3 有效注册商标拥有量：2024 年阶段值 未设定（按前后相邻的设定值线性推算） → 1600\n"
    )
    en = run_lzip("diff", str(new), str(DATA), "-f", "text", "--lang", "en").stdout
    assert en == (
        "4.3 Valid registered trademarks held: milestone 2024 1600 → not set "
        "(straight line between the figures set on either side)\n"
    )


def test_a_milestone_under_a_per_actual_target_makes_the_plan_unusable(tmp_path: Path) -> None:
    # 以实际业务开展为准 has no target for milestones to lead to (LZ117).
    new = edited(
        tmp_path,
        "new",
        indicators=[
            (
                "    target: {year: 2025, value: per-actual}\n",
                "    target: {year: 2025, value: per-actual}\n    milestones: {2024: 500}\n",
            )
        ],
    )
    result = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", "en")
    assert result.exit_code == 2
    assert "error LZ117: indicator 5.1, milestones: milestones need a numeric target" in (
        result.stderr
    )


def test_a_member_leaving_the_group_reads_as_chinese(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", agencies=[("      - forestry\n", "")])
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == ["县知识产权强县战略领导小组各成员单位：县林业局不再是成员单位"]


NOTE_2_ZH = [("，意为未开展该项工作。", "，表示未开展该项工作。")]
NOTE_2_EN = [('"—" means the work was', '"—" means that the work was')]
NOTE_2_ZH_OLD, NOTE_2_ZH_NEW = (
    "2022年指标值标记“—”，意为未开展该项工作。",
    "2022年指标值标记“—”，表示未开展该项工作。",
)
NOTE_2_EN_OLD = (
    'A 2022 figure marked "—" means the work was not carried out (recorded as not-carried-out).'
)
NOTE_2_EN_NEW = NOTE_2_EN_OLD.replace("means the", "means that the")


@pytest.mark.parametrize(
    ("edit", "lang", "expected"),
    [
        # The interface language's text, or the other's when only that one changed.
        (NOTE_2_ZH, "zh", f"方案：第 2 条说明 {NOTE_2_ZH_OLD} → {NOTE_2_ZH_NEW}"),
        (NOTE_2_ZH, "en", f"plan: note 2 {NOTE_2_ZH_OLD} → {NOTE_2_ZH_NEW}"),
        (NOTE_2_EN, "zh", f"方案：第 2 条说明 {NOTE_2_EN_OLD} → {NOTE_2_EN_NEW}"),
        (NOTE_2_EN, "en", f"plan: note 2 {NOTE_2_EN_OLD} → {NOTE_2_EN_NEW}"),
        (NOTE_2_ZH + NOTE_2_EN, "zh", f"方案：第 2 条说明 {NOTE_2_ZH_OLD} → {NOTE_2_ZH_NEW}"),
        (NOTE_2_ZH + NOTE_2_EN, "en", f"plan: note 2 {NOTE_2_EN_OLD} → {NOTE_2_EN_NEW}"),
    ],
    ids=["zh-in-zh", "zh-in-en", "en-in-zh", "en-in-en", "both-in-zh", "both-in-en"],
)  # fmt: skip
def test_a_changed_plan_note_shows_the_text_that_changed(
    tmp_path: Path, edit: list[tuple[str, str]], lang: str, expected: str
) -> None:
    new = edited(tmp_path, "new", indicators=edit)
    result = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", lang)
    assert result.stdout.splitlines() == [expected]


def test_a_changed_plan_note_in_json_holds_both_languages(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", indicators=NOTE_2_ZH)
    document = json.loads(run_lzip("diff", str(DATA), str(new), "-f", "json").stdout)
    (change,) = document["changes"]
    assert {k: v for k, v in change.items() if k != "text"} == {
        "kind": "plan_changed",
        "subject": "plan",
        "field": "notes.2",
        "old": {"zh": NOTE_2_ZH_OLD, "en": NOTE_2_EN_OLD},
        "new": {"zh": NOTE_2_ZH_NEW, "en": NOTE_2_EN_OLD},
    }


def broken_plan(tmp_path: Path, name: str, file_name: str) -> Path:
    """A copy of the shipped plan whose ``file_name`` holds a YAML syntax error on line 2."""
    target = tmp_path / name
    shutil.copytree(DATA, target)
    (target / file_name).write_text("plan:\n  title: [\n", encoding="utf-8")
    return target


def test_both_broken_plans_are_reported_in_one_run(tmp_path: Path) -> None:
    old = broken_plan(tmp_path, "old", "indicators.yaml")
    new = broken_plan(tmp_path, "new", "agencies.yaml")
    result = run_lzip("diff", old, new, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert [line.split(": error ")[0] for line in result.stderr.splitlines()] == [
        f"{old}/indicators.yaml:3:1",
        f"{new}/agencies.yaml:3:1",
    ]


def test_a_broken_plan_named_twice_is_reported_once(tmp_path: Path) -> None:
    old = broken_plan(tmp_path, "old", "indicators.yaml")
    result = run_lzip("diff", old, f"{old}/", "--lang", "en")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


BASELINE_4_3 = "baseline: {year: 2022, value: 1409}"


@pytest.mark.parametrize(
    ("baseline", "target", "milestones", "expected"),
    [
        # Once the indicator's plan figures reach 10,000 in either plan, all its figures carry
        # separators, on both sides, as lzip indicators writes them (9,409 │ 12,000).
        (9409, 12000, "", ["基础值 1,409 → 9,409", "目标值 1,700 → 12,000"]),
        (9409, 9900, "", ["基础值 1409 → 9409", "目标值 1700 → 9900"]),
        (1409, 9900, "{2024: 9000}", ["目标值 1700 → 9900", "2024 年阶段值 未设定（按前后相邻的设定值线性推算） → 9000"]),
    ],
)  # fmt: skip
def test_figures_of_ten_thousand_group_all_of_the_indicators_figures(
    tmp_path: Path, baseline: int, target: int, milestones: str, expected: list[str]
) -> None:
    replacement = (
        f"baseline: {{year: 2022, value: {baseline}}}\n"
        f"    target: {{year: 2025, value: {target}}}"
        + (f"\n    milestones: {milestones}" if milestones else "")
    )
    new = edited(
        tmp_path,
        "new",
        indicators=[(BASELINE_4_3 + "\n    target: {year: 2025, value: 1700}", replacement)],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [f"4.3 有效注册商标拥有量：{what}" for what in expected]


def test_a_grouped_indicators_years_stay_as_years(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        indicators=[
            (
                BASELINE_4_3 + "\n    target: {year: 2025, value: 1700}",
                "baseline: {year: 2021, value: 1409}\n    target: {year: 2025, value: 12000}",
            )
        ],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "4.3 有效注册商标拥有量：基础年 2022 → 2021",
        "4.3 有效注册商标拥有量：目标值 1,700 → 12,000",
    ]


GROUP_NEW_ID = [("id: leading-group", "id: ip-leading-group")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "县知识产权强县战略领导小组各成员单位：编号 leading-group → ip-leading-group"),
        ("en", "Member units of the County Leading Group for the IP-Strong-County Strategy: "
         "id leading-group → ip-leading-group"),
    ],
)  # fmt: skip
def test_a_group_given_a_new_id_is_one_change(tmp_path: Path, lang: str, expected: str) -> None:
    new = edited(tmp_path, "new", agencies=GROUP_NEW_ID)
    result = run_lzip("diff", str(DATA), str(new), "-f", "text", "--lang", lang)
    assert result.stdout.splitlines() == [expected]


def test_a_group_given_a_new_id_in_json(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", agencies=GROUP_NEW_ID)
    document = json.loads(run_lzip("diff", str(DATA), str(new), "-f", "json").stdout)
    assert [{k: v for k, v in c.items() if k != "text"} for c in document["changes"]] == [
        {
            "kind": "group_id_changed",
            "subject": "ip-leading-group",
            "field": "id",
            "old": "leading-group",
            "new": "ip-leading-group",
        }
    ]


def test_a_group_given_a_new_id_and_a_new_name_is_known_by_its_members(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        "new",
        agencies=[
            *GROUP_NEW_ID,
            (
                "name: 县知识产权强县战略领导小组各成员单位",
                "name: 县知识产权强县战略领导小组成员单位",
            ),
        ],
    )
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "县知识产权强县战略领导小组成员单位：编号 leading-group → ip-leading-group",
        "县知识产权强县战略领导小组成员单位：名称 县知识产权强县战略领导小组各成员单位"
        " → 县知识产权强县战略领导小组成员单位",
    ]


def test_a_group_given_a_new_id_keeps_its_members_compared(tmp_path: Path) -> None:
    new = edited(tmp_path, "new", agencies=[*GROUP_NEW_ID, ("      - forestry\n", "")])
    lines = run_lzip("diff", str(DATA), str(new), "-f", "text").stdout.splitlines()
    assert lines == [
        "县知识产权强县战略领导小组各成员单位：编号 leading-group → ip-leading-group",
        "县知识产权强县战略领导小组各成员单位：县林业局不再是成员单位",
    ]


def swapped(tmp_path: Path, file_name: str, first: str, second: str, after: str) -> Path:
    """A copy of the plan whose entries ``first`` and ``second`` (each up to the next entry,
    ``second`` up to ``after``) change places in ``file_name``."""
    new = edited(tmp_path, "new")
    path = new / file_name
    text = path.read_text(encoding="utf-8")
    a, b, c = (text.index(f"  - id: {entry}\n") for entry in (first, second, after))
    path.write_text(text[:a] + text[b:c] + text[a:b] + text[c:], encoding="utf-8")
    return new


SWAP_INDICATORS = ("indicators.yaml", '"1.2"', '"2.1"', '"3.1"')
SWAP_AGENCIES = ("agencies.yaml", "ip-office", "forestry", "press-publication")


@pytest.mark.parametrize(
    ("swap", "lang", "expected"),
    [
        (SWAP_INDICATORS, "zh", "方案：指标顺序（报表、核查表和目录的行序）…、1.2、2.1、… → …、2.1、1.2、…"),
        (SWAP_INDICATORS, "en", "plan: order of indicators (the rows of forms, check tables and "
         "catalogs): …, 1.2, 2.1, … → …, 2.1, 1.2, …"),
        (SWAP_AGENCIES, "zh", "方案：单位顺序（报表、核查表和目录的行序）…、县知识产权局、县林业局、… "
         "→ …、县林业局、县知识产权局、…"),
        (SWAP_AGENCIES, "en", "plan: order of agencies (the rows of forms, check tables and "
         "catalogs): …; County Intellectual Property Office; County Forestry Bureau; … → …; "
         "County Forestry Bureau; County Intellectual Property Office; …"),
    ],
    ids=["indicators-zh", "indicators-en", "agencies-zh", "agencies-en"],
)  # fmt: skip
def test_a_new_order_of_indicators_or_agencies_is_a_change(
    tmp_path: Path, swap: tuple[str, ...], lang: str, expected: str
) -> None:
    # The plan's order is the order of the rows in forms, check tables and catalogs.
    new = swapped(tmp_path, *swap)
    result = run_lzip("diff", DATA, new, "-f", "text", "--lang", lang, "--exit-code")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [expected]


def test_a_new_order_names_each_side_as_its_plan_does(tmp_path: Path) -> None:
    # 县林业局 is renamed and moved in one edit: the old order says the old name.
    new = swapped(tmp_path, *SWAP_AGENCIES)
    agencies = new / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(
        text.replace("name: 县林业局\n", "name: 县林业和草原局\n"), encoding="utf-8"
    )
    result = run_lzip("diff", DATA, new, "-f", "text")
    assert result.stdout.splitlines() == [
        "方案：单位顺序（报表、核查表和目录的行序）…、县知识产权局、县林业局、… "
        "→ …、县林业和草原局、县知识产权局、…",
        "县林业和草原局：名称 县林业局 → 县林业和草原局",
    ]


def test_a_new_order_after_a_new_agency_id_says_the_old_name(tmp_path: Path) -> None:
    # forestry becomes forestry-grassland (its name kept as an alias) and changes place.
    new = swapped(tmp_path, *SWAP_AGENCIES)
    agencies = new / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    text = text.replace("  - id: forestry\n", "  - id: forestry-grassland\n")
    text = text.replace("name: 县林业局\n", "name: 县林业和草原局\n")
    text = text.replace("aliases: [鹿寨县林业局, 林业局]", "aliases: [县林业局, 林业局]")
    text = text.replace("- forestry\n", "- forestry-grassland\n")
    agencies.write_text(text, encoding="utf-8")
    indicators = new / "indicators.yaml"
    indicators.write_text(
        indicators.read_text(encoding="utf-8").replace("forestry", "forestry-grassland"),
        encoding="utf-8",
    )
    result = run_lzip("diff", DATA, new, "-f", "text")
    assert result.stdout.splitlines()[0] == (
        "方案：单位顺序（报表、核查表和目录的行序）…、县知识产权局、县林业局、… "
        "→ …、县林业和草原局、县知识产权局、…"
    ), result.stdout + result.stderr


@pytest.mark.parametrize(
    ("swap", "kind", "field", "moved"),
    [
        (SWAP_INDICATORS, "indicators_reordered", "indicators", ("1.2", "2.1")),
        (SWAP_AGENCIES, "agencies_reordered", "agencies", ("ip-office", "forestry")),
    ],
    ids=["indicators", "agencies"],
)
def test_a_new_order_in_json_holds_both_lists_of_ids(
    tmp_path: Path, swap: tuple[str, ...], kind: str, field: str, moved: tuple[str, str]
) -> None:
    new = swapped(tmp_path, *swap)
    document = json.loads(run_lzip("diff", DATA, new, "-f", "json").stdout)
    (change,) = document["changes"]
    assert (change["kind"], change["subject"], change["field"]) == (kind, "plan", field)
    first, second = moved
    assert change["old"].index(first) + 1 == change["old"].index(second)
    assert change["new"] == [
        {first: second, second: first}.get(item, item) for item in change["old"]
    ]


def test_a_new_order_in_the_table(tmp_path: Path) -> None:
    new = swapped(tmp_path, *SWAP_INDICATORS)
    result = run_lzip("diff", DATA, new, env={"COLUMNS": "80"})
    cells = "".join(
        line.split("│")[2].strip() for line in result.stdout.splitlines() if line.count("│") == 3
    )
    assert cells == "指标顺序（报表、核查表和目录的行序）…、1.2、2.1、… → …、2.1、1.2、…"


def test_an_indicator_added_in_between_is_no_new_order(tmp_path: Path) -> None:
    block_start = '  - id: "8.1"'
    text = (DATA / "indicators.yaml").read_text(encoding="utf-8")
    block = text[text.index(block_start) :]
    block = block[: block.index("    scope: shared\n") + len("    scope: shared\n")]
    inserted = block.replace('id: "8.1"', 'id: "7.2"').replace("group: 8", "group: 7")
    inserted = inserted.replace("“四进”", "“五进”").replace('"Four intos"', '"Five intos"')
    changes = plan_diff(tmp_path, indicators=[(block_start, inserted + block_start)])
    assert [(c.kind, c.subject) for c in changes] == [("indicator_added", "7.2")]


def test_an_agency_given_a_new_id_in_place_is_no_new_order(tmp_path: Path) -> None:
    new = with_new_agency_id(tmp_path, "ip-office", "market-regulation")
    changes = diff(load_plan(DATA), load_plan(new))
    assert [c.kind for c in changes] == ["agency_id_changed"]


#: What Chinese typesetting keeps off the start of a line.
CLOSING = tuple("，。、；：？！）】》」』”’")
NAME_1_1 = [("name: 查处假冒知识产权行政案件\n", "name: 查处假冒知识产权行政案件（含专利）\n")]


def table_cells(output: str) -> list[tuple[str, str]]:
    """The (subject, change) lines of a two-column diff table, one pair per printed line."""
    return [
        (parts[1].strip(), parts[2].strip())
        for parts in (line.split("│") for line in output.splitlines())
        if len(parts) == 4
    ]


@pytest.mark.parametrize("columns", [40, 60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_breaks_lines_as_the_catalog_does(
    tmp_path: Path, columns: int, lang: str
) -> None:
    new = edited(tmp_path, "new", indicators=NAME_1_1 + TARGET_4_3)
    result = run_lzip("diff", DATA, new, "--lang", lang, env={"COLUMNS": str(columns)})
    cells = table_cells(result.stdout)
    assert max(map(len, result.stdout.splitlines())) <= columns
    assert not [line for pair in cells for line in pair if line.startswith(CLOSING)], cells
    subjects = [subject for subject, _ in cells if subject]
    assert subjects[0].startswith("1.1 ") and subjects[0] != "1.1", subjects
    assert not any(subject in ("1.1", "4.3") for subject in subjects), subjects
    changes = "".join(change for _, change in cells)
    assert "查处假冒知识产权行政案件（含专利）" in changes


def test_a_long_change_leaves_the_names_on_one_line_each(tmp_path: Path) -> None:
    # Five short target changes and one agency's long note: the table is lowest when the note
    # takes a line or two more and no name is folded to make room for it.
    targets = [
        (f"target: {{year: 2025, value: {old}}}", f"target: {{year: 2025, value: {old}0}}")
        for old in (18, 20, 1700, 5, 4)
    ]
    note = "The plan writes this unit as 县人民检察院"
    new = edited(tmp_path, "new", indicators=targets, agencies=[(note, note + " (revised)")])
    result = run_lzip("diff", DATA, new, env={"COLUMNS": "80"})
    cells = table_cells(result.stdout)
    subjects = [subject for subject, _ in cells if subject]
    assert subjects == [
        "1.1 查处假冒知识产权行政案件",
        "4.2 10年以上高维持发明专利保有量",
        "4.3 有效注册商标拥有量",
        "6.1 县级各类知识产权学习、培训、交流",
        "8.1 知识产权文化法律“四进”活动",
        "县人民检察院",
    ], cells
    assert all(change.endswith("0") for _, change in cells[:5]), cells
