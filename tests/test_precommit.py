"""The ``lzip-validate`` and ``lzip-validate-plan-change`` pre-commit hooks (.pre-commit-hooks.yaml).

With pre-commit installed, the hook runs for real: ``pre-commit try-repo`` installs lzip from a
temporary git copy of this checkout into its own environment and runs the hook on a temporary data
repository. Without pre-commit those tests skip, and the command the hook calls is tested instead:
the hook's entry and args with the files its ``files`` pattern selects.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from helpers import run_lzip
from lzip_cli.report_set import REPORT_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK = next(hook for hook in HOOKS if hook["id"] == "lzip-validate")
PLAN_HOOK = next(hook for hook in HOOKS if hook["id"] == "lzip-validate-plan-change")
BAD_ROW = "9.9,县知识产权局,3,,\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=lzip", "-c", "user.email=lzip@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def make_data_repo(path: Path) -> Path:
    """A data repository: the plan in data/, a report in reports/, an export elsewhere."""
    shutil.copytree(ROOT / "data", path / "data")
    (path / "reports").mkdir()
    shutil.copy(ROOT / "examples" / "2024.csv", path / "reports" / "2024.csv")
    (path / "out").mkdir()
    (path / "out" / "index.csv").write_text("not,a,report\n", encoding="utf-8")
    (path / "notes.yaml").write_text("not: the plan\n", encoding="utf-8")
    git(path, "init", "-q")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "plan and 2024 report")
    return path


# --- the hook's definition --------------------------------------------------------------------


def test_hook_definition() -> None:
    assert HOOK["entry"] == "lzip validate"
    assert HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is True
    assert HOOK["require_serial"] is True  # one run: the plan once, every report against it
    assert HOOK["args"] == ["--data", "data", "--by-folder"]
    files = re.compile(HOOK["files"])
    for selected in (
        "data/indicators.yaml",
        "data/agencies.yaml",
        "reports/2024.csv",
        "reports/2024/林业局.xlsx",
        "reports/2025/ip.tsv",
        "reports/2025/林业局.CSV",
    ):
        assert files.search(selected), selected
    for suffix in REPORT_SUFFIXES:  # whatever `lzip check reports/2025/` reads as a form
        for name in (f"reports/2025/form{suffix}", f"reports/2025/form{suffix.upper()}"):
            assert files.search(name), name
    for ignored in (
        "notes.yaml",
        "data/other.yaml",
        "data/indicators.yml",  # lzip reads only indicators.yaml: no hook run to end in LZ015
        "data/agencies.yml",
        "out/index.csv",
        "examples/2024.csv",
        "reports/readme.md",
    ):
        assert not files.search(ignored), ignored


def hook_argv(repo: Path) -> list[str]:
    """What pre-commit runs with --all-files: entry, args, then the selected files."""
    files = re.compile(HOOK["files"])
    tracked = sorted(
        p.relative_to(repo).as_posix()
        for p in repo.rglob("*")
        if p.is_file() and ".git" not in p.parts
    )
    return [*HOOK["entry"].split()[1:], *HOOK["args"], *[f for f in tracked if files.search(f)]]


def test_hook_command_on_good_and_bad_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("LZIP_DATA", raising=False)
    argv = hook_argv(repo)
    assert argv[:3] == ["validate", "--data", "data"]
    assert "out/index.csv" not in argv
    good = run_lzip(*argv, "--lang", "en")
    assert good.exit_code == 0, good.output
    assert "OK: reports/2024.csv" in good.stdout
    with (repo / "reports" / "2024.csv").open("a", encoding="utf-8") as report:
        report.write(BAD_ROW)
    bad = run_lzip(*argv, "--lang", "en")
    assert bad.exit_code == 1
    assert "reports/2024.csv:" in bad.stderr and "LZ211" in bad.stderr


# --- forms in a folder per year: --by-folder ------------------------------------------------


def add_forms_folder(repo: Path, rows: dict[str, str]) -> None:
    """reports/2025/: one form per agency, as the agencies return them (GBK, from Excel)."""
    folder = repo / "reports" / "2025"
    folder.mkdir(parents=True)
    for name, body in rows.items():
        (folder / name).write_bytes(("指标,责任单位,数值,笔数,备注\n" + body).encode("gbk"))


#: 县林业局's row for 2.1 sent in its own form and, again, in the 知识产权局's one (LZ210).
REPEATED_ROW = {
    "林业局.csv": "2.1,县林业局,12,,\n",
    "知识产权局.csv": "2.1,县知识产权局,30,,\n2.1,县林业局,12,,\n",
}


def validate(*args: str) -> Result:
    return run_lzip("validate", "--data", "data", "--lang", "en", *args)


def test_by_folder_validates_a_changed_form_with_the_rest_of_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    add_forms_folder(repo, REPEATED_ROW)
    monkeypatch.chdir(repo)
    result = validate("--by-folder", "reports/2025/林业局.csv")
    assert result.exit_code == 1, result.output
    assert "LZ210" in result.stderr
    assert "reports/2025/知识产权局.csv" in result.stderr  # the form that was not changed


def test_without_by_folder_each_form_is_validated_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    add_forms_folder(repo, REPEATED_ROW)
    monkeypatch.chdir(repo)
    result = validate("reports/2025/林业局.csv")
    assert result.exit_code == 0, result.output
    assert "OK: reports/2025/林业局.csv" in result.stdout


def test_by_folder_validates_a_folder_once_for_all_its_changed_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    add_forms_folder(
        repo, {"林业局.csv": "2.1,县林业局,12,,\n", "知识产权局.csv": "2.1,县知识产权局,30,,\n"}
    )
    monkeypatch.chdir(repo)
    result = validate("--by-folder", "reports/2025/林业局.csv", "reports/2025/知识产权局.csv")
    assert result.exit_code == 0, result.output
    ok_lines = [line for line in result.stdout.splitlines() if line.startswith("OK: reports")]
    assert ok_lines == ["OK: reports/2025"]


def test_by_folder_leaves_a_report_file_outside_a_year_folder_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")  # reports/2024.csv: reports/ is not a year's folder
    monkeypatch.chdir(repo)
    result = validate("--by-folder", "reports/2024.csv")
    assert result.exit_code == 0, result.output
    assert "OK: reports/2024.csv" in result.stdout


def test_by_folder_takes_a_year_folder_as_check_does_named_for_the_year_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    folder = repo / "reports" / "鹿寨县2025年度考核"  # a year among other words: no year folder
    folder.mkdir(parents=True)
    for name, body in REPEATED_ROW.items():
        (folder / name).write_bytes(("指标,责任单位,数值,笔数,备注\n" + body).encode("gbk"))
    monkeypatch.chdir(repo)
    result = validate("--by-folder", "reports/鹿寨县2025年度考核/林业局.csv")
    assert result.exit_code == 0, result.output  # read on its own, as check reads it
    assert "OK: reports/鹿寨县2025年度考核/林业局.csv" in result.stdout


def test_hook_command_finds_a_row_repeated_across_two_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    add_forms_folder(repo, REPEATED_ROW)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("LZIP_DATA", raising=False)
    result = run_lzip(*hook_argv(repo), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "LZ210" in result.stderr


# --- the real thing ---------------------------------------------------------------------------

needs_pre_commit = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit (pip install pre-commit) and git are needed",
)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A committed copy of this checkout (try-repo reads committed and staged files only)."""
    base = tmp_path_factory.mktemp("precommit")
    tool = base / "lzip"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("src", "data", "schemas"):
        shutil.copytree(ROOT / name, tool / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, tool / name)
    git(tool, "init", "-q")
    git(tool, "add", ".")
    git(tool, "commit", "-q", "-m", "lzip")
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "LZIP_LANG": "en"}
    env.pop("LZIP_DATA", None)
    return tool, env


def try_repo(
    tool: Path, env: dict[str, str], repo: Path, hook: str = "lzip-validate", *more: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pre-commit", "try-repo", str(tool), hook, "--color", "never", *(more or ["--all-files"])],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@needs_pre_commit
def test_pre_commit_passes_on_good_data(hook_repo, tmp_path: Path) -> None:
    tool, env = hook_repo
    repo = make_data_repo(tmp_path / "repo")
    result = try_repo(tool, env, repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


@needs_pre_commit
def test_pre_commit_fails_on_a_bad_report(hook_repo, tmp_path: Path) -> None:
    tool, env = hook_repo
    repo = make_data_repo(tmp_path / "repo")
    with (repo / "reports" / "2024.csv").open("a", encoding="utf-8") as report:
        report.write(BAD_ROW)
    git(repo, "add", "reports/2024.csv")
    result = try_repo(tool, env, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "reports/2024.csv:" in result.stdout and "LZ211" in result.stdout


@needs_pre_commit
def test_pre_commit_fails_on_a_bad_plan(hook_repo, tmp_path: Path) -> None:
    tool, env = hook_repo
    repo = make_data_repo(tmp_path / "repo")
    indicators = repo / "data" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(
        text.replace("[ip-office, industry-trade]", "[ip-office, nobody]"), encoding="utf-8"
    )
    git(repo, "add", "data/indicators.yaml")
    result = try_repo(tool, env, repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "data/indicators.yaml:" in result.stdout and "LZ101" in result.stdout


# --- the plan changed: every report, lzip-validate-plan-change -------------------------------


def rename_forestry(repo: Path) -> None:
    """县林业局 renamed 县林业和草原局 without its old name as an alias: reports/2024.csv, which
    names 县林业局, no longer matches the plan."""
    agencies = repo / "data" / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    assert "    name: 县林业局\n" in text and "[鹿寨县林业局, 林业局]" in text
    text = text.replace("    name: 县林业局\n", "    name: 县林业和草原局\n")
    agencies.write_text(
        text.replace("[鹿寨县林业局, 林业局]", "[鹿寨县林业和草原局]"), encoding="utf-8"
    )


def test_plan_hook_definition() -> None:
    assert PLAN_HOOK["entry"] == "lzip validate"
    assert PLAN_HOOK["args"] == ["--data", "data", "--all-reports", "reports", "--missing-ok"]
    assert PLAN_HOOK["pass_filenames"] is False  # every report, not the changed files
    files = re.compile(PLAN_HOOK["files"])
    assert files.search("data/agencies.yaml") and files.search("data/indicators.yaml")
    for ignored in ("reports/2024.csv", "data/indicators.yml", "notes.yaml", "data/other.yaml"):
        assert not files.search(ignored), ignored


def test_plan_hook_command_finds_a_report_the_plan_change_broke(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    argv = [*PLAN_HOOK["entry"].split()[1:], *PLAN_HOOK["args"], "--lang", "en"]
    assert run_lzip(*argv).exit_code == 0
    rename_forestry(repo)
    changed_alone = run_lzip(*hook_argv_for(repo, ["data/agencies.yaml"]), "--lang", "en")
    assert changed_alone.exit_code == 0  # lzip-validate sees only the plan: it passes
    result = run_lzip(*argv)
    assert result.exit_code == 1, result.output
    assert "OK: 14 indicators" in result.stdout
    assert "reports/2024.csv:" in result.stderr and "县林业局" in result.stderr


def test_plan_hook_command_passes_a_new_data_repository_with_no_reports_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    shutil.rmtree(repo / "reports")
    monkeypatch.chdir(repo)
    result = run_lzip(*PLAN_HOOK["entry"].split()[1:], *PLAN_HOOK["args"], "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "OK: 14 indicators" in result.stdout
    assert (
        result.stderr == "lzip: reports does not exist: no reports there checked (--missing-ok)\n"
    )


def test_missing_ok_still_refuses_a_file_named_as_the_folder_of_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    result = validate("--all-reports", "reports/2024.csv", "--missing-ok")
    assert result.exit_code == 2
    assert "reports/2024.csv: error LZ003: is a file" in result.stderr


def test_missing_ok_says_in_json_which_folder_was_not_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    result = validate(
        "--all-reports", "reports", "--all-reports", "later", "--missing-ok", "-f", "json"
    )
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert document["summary"]["reports_checked"] == 1
    assert document["notes"] == ["later does not exist: no reports there checked (--missing-ok)"]


def hook_argv_for(repo: Path, changed: list[str]) -> list[str]:
    """What pre-commit runs for lzip-validate when only ``changed`` files are staged."""
    files = re.compile(HOOK["files"])
    return [*HOOK["entry"].split()[1:], *HOOK["args"], *[f for f in changed if files.search(f)]]


@needs_pre_commit
def test_pre_commit_plan_hook_fails_when_a_plan_change_breaks_a_committed_report(
    hook_repo, tmp_path: Path
) -> None:
    tool, env = hook_repo
    repo = make_data_repo(tmp_path / "repo")
    rename_forestry(repo)
    git(repo, "add", "data/agencies.yaml")
    result = try_repo(tool, env, repo, "lzip-validate-plan-change")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "reports/2024.csv:" in result.stdout


def test_all_reports_takes_report_files_and_year_folders_and_passes_over_the_rest(
    tmp_path: Path,
) -> None:
    from lzip_cli.report_set import every_report_in

    reports = tmp_path / "reports"
    for name in ("2024.csv", "2023.XLSX", "~$2024.xlsx", ".2024.csv", "readme.md"):
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text("", encoding="utf-8")
    for folder in ("2025", "2026年", "archive", "2024年度考核"):
        (reports / folder).mkdir()
        (reports / folder / "林业局.csv").write_text("", encoding="utf-8")
    assert [p.name for p in every_report_in(reports)] == ["2023.XLSX", "2024.csv", "2025", "2026年"]


def test_all_reports_validates_each_report_once_also_when_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    result = validate("reports/2024.csv", "--all-reports", "reports")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("OK: reports/2024.csv") == 1


@pytest.mark.parametrize(
    ("folder", "message"),
    [("nowhere", "no such folder of reports"), ("reports/2024.csv", "is a file")],
)
def test_all_reports_of_no_folder_is_a_located_error_beside_the_plan_s_ok(
    folder: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    result = validate("--all-reports", folder)
    assert result.exit_code == 2
    assert f"{folder}: error LZ003: {message}" in result.stderr
    assert "OK: 14 indicators" in result.stdout


def forestry_form(repo: Path, year: str) -> None:
    """``reports/YEAR/林业局.csv``: a form reporting 1.1 for 县林业局, as reports/2024.csv does."""
    (repo / "reports" / year).mkdir()
    (repo / "reports" / year / "林业局.csv").write_text(
        "指标,责任单位,数值\n1.1,县林业局,2\n", encoding="utf-8"
    )


def test_all_reports_reads_a_years_folder_with_the_years_file_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the shipped workflow's check step reads them: a row in both is reported twice (LZ210).
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    forestry_form(repo, "2024")
    result = validate("--all-reports", "reports")
    assert result.exit_code == 1, result.output
    assert "reports/2024.csv:4:2: error LZ210:" in result.stderr, result.stderr
    assert "first in reports/2024/林业局.csv at row 2" in result.stderr
    assert result.stdout.splitlines()[1:] == []


def a_year_in_a_folder_and_a_file(repo: Path) -> None:
    """``reports/2024.csv`` (the example) and ``reports/2024/林业局.csv`` reporting 3.1 alone."""
    (repo / "reports" / "2024").mkdir()
    (repo / "reports" / "2024" / "林业局.csv").write_text(
        "指标,责任单位,数值\n3.1,县林业局,1\n", encoding="utf-8"
    )


@pytest.mark.parametrize(
    "args",
    [("--all-reports", "reports"), ("--by-folder", "reports/2024/林业局.csv")],
    ids=["all-reports", "by-folder"],
)
def test_a_years_folder_and_file_read_together_are_one_report_passed(
    args: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    a_year_in_a_folder_and_a_file(repo)
    result = validate(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["OK: reports/2024 + reports/2024.csv"]
    summary = json.loads(validate(*args, "-f", "json").stdout)["summary"]
    assert (summary["reports"], summary["reports_checked"]) == (1, 1)


def test_a_years_folder_and_file_are_one_report_not_checked_beside_a_broken_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    a_year_in_a_folder_and_a_file(repo)
    (repo / "data" / "agencies.yaml").unlink()
    result = validate("--all-reports", "reports")
    assert result.exit_code == 2
    assert result.stderr.endswith("lzip: 1 report not checked: the plan could not be read\n")


def test_all_reports_reads_other_years_files_beside_a_year_folder_on_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    forestry_form(repo, "2025")
    result = validate("--all-reports", "reports")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["OK: reports/2024.csv", "OK: reports/2025"]


@pytest.mark.parametrize(
    "args",
    [("--all-reports", "reports"), ("--by-folder", "reports/2024_old.csv")],
    ids=["all-reports", "by-folder"],
)
def test_a_file_named_for_more_than_the_year_is_read_on_its_own_beside_the_years_folder(
    args: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2024_old.csv is last draft's copy: read with 2024/ every row was reported twice (LZ210),
    # while the workflow's check step reads 2024/ (and 2024.csv) alone.
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    a_year_in_a_folder_and_a_file(repo)
    (repo / "reports" / "2024.csv").rename(repo / "reports" / "2024_old.csv")
    result = validate(*args)
    assert result.exit_code == 0, result.output
    assert "OK: reports/2024_old.csv" in result.stdout.splitlines()
    assert "LZ210" not in result.stderr


@pytest.mark.parametrize(
    ("others", "args"),
    [
        # two files named for the year alone: the workflow's check step reads both as one
        (["2024年.csv"], ("--all-reports", "reports")),
        (["2024年.csv"], ("--by-folder", "reports/2024年.csv")),
        # a file and two folders named for the year: all three are the year's report
        (["2024/农业.csv", "2024年/林业局.csv"], ("--all-reports", "reports")),
        (["2024/农业.csv", "2024年/林业局.csv"], ("--by-folder", "reports/2024年/林业局.csv")),
    ],
    ids=["two-files", "two-files-by-folder", "two-folders", "two-folders-by-folder"],
)
def test_everything_named_for_the_year_alone_is_one_report_as_the_workflow_reads_it(
    others: list[str], args: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last repeats reports/2024.csv's 1.1 for 县林业局: read together, LZ210.
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    for other in others:
        row = "1.1,县林业局,2" if other == others[-1] else "3.1,县林业局,1"
        (repo / "reports" / other).parent.mkdir(exist_ok=True)
        (repo / "reports" / other).write_text(f"指标,责任单位,数值\n{row}\n", "utf-8")
    result = validate(*args)
    assert result.exit_code == 1, result.output
    assert "LZ210" in result.stderr, result.stderr


def test_a_link_not_named_for_a_year_is_no_part_of_the_years_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reports/current -> ../store/2025: the workflow's shell sees "current", no year's name.
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / "store" / "2025").mkdir(parents=True)
    (repo / "store" / "2025" / "林业局.csv").write_text(
        "指标,责任单位,数值\n1.1,县林业局,2\n", encoding="utf-8"
    )
    (repo / "reports" / "current").symlink_to(repo / "store" / "2025", target_is_directory=True)
    shutil.copy(repo / "reports" / "2024.csv", repo / "reports" / "2025.csv")
    result = validate("--all-reports", "reports")
    assert "LZ210" not in result.stderr, result.stderr


def test_a_link_to_the_years_folder_leaves_the_folder_read_by_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # reports/0-latest -> 2024 sorts first: 2024/ must still be read with 2024.csv (LZ210).
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    forestry_form(repo, "2024")
    (repo / "reports" / "0-latest").symlink_to("2024", target_is_directory=True)
    result = validate("--all-reports", "reports")
    assert result.exit_code == 1, result.output
    assert "LZ210" in result.stderr


@pytest.mark.parametrize("changed", ["reports/2024/林业局.csv", "reports/2024.csv"])
def test_the_report_hook_reads_a_changed_years_folder_and_file_together(
    changed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Either changed alone passed the hook, and the workflow's check then failed on LZ210.
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    forestry_form(repo, "2024")
    result = run_lzip(*hook_argv_for(repo, [changed]), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "reports/2024.csv:4:2: error LZ210:" in result.stderr, result.stderr


def test_the_report_hook_reads_a_year_file_alone_beside_no_folder_of_that_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    forestry_form(repo, "2025")
    result = run_lzip(*hook_argv_for(repo, ["reports/2024.csv"]), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["OK: reports/2024.csv"]


def test_all_reports_passes_over_a_year_folder_without_a_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / "reports" / "2026").mkdir()
    (repo / "reports" / "2026" / ".gitkeep").write_text("", encoding="utf-8")
    (repo / "reports" / "2027").mkdir()
    result = validate("--all-reports", "reports")
    assert result.exit_code == 0, result.output
    assert "2026" not in result.output and "2027" not in result.output


def test_all_reports_reads_a_report_reached_twice_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_data_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    (repo / "reports" / "latest.csv").symlink_to("2024.csv")
    result = validate("--all-reports", "reports", "--all-reports", str(repo / "reports"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["OK: reports/2024.csv"]
