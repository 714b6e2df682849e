"""``validate``/``check`` in CI formats: GitHub workflow commands and the validate JSON verdict.

Golden files live under tests/golden/ci/; regenerate them with LZIP_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli.errors import Problem
from lzip_cli.render import github

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "ci"
UPDATE = os.environ.get("LZIP_UPDATE_GOLDEN") == "1"
#: A plan directory whose name needs escaping in a ``file=`` property.
PLAN = "plan:v2,draft"

BROKEN_REPORT = """指标,责任单位,数值,笔数,备注
1.1,县知识产权局,9,,
1.1,,99,,全县合计与各单位之和不符
9.9,县知识产权局,3,,
4.3,县无此局,1500,,
2.1,县林业局,12%,,
7.1,县知识产权局,2,,
"""


def assert_golden(text: str, name: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} missing: run with LZIP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def workdir(in_tmp: Path) -> Path:
    """A copy of the shipped plan under ``PLAN`` with four mistakes, and the cwd set there."""
    plan = in_tmp / PLAN
    shutil.copytree(ROOT / "data", plan)
    indicators = plan / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    text = text.replace(
        '    agencies: [ip-office, industry-trade]\n    scope: shared\n  - id: "5.1"',
        '    agencies: [ip-office, nobody]\n    scope: shared\n    colour: blue\n  - id: "5.1"',
    )
    text = text.replace("target: {year: 2025, value: 1700}", "target: {year: 2025, value: 1e999}")
    text = text.replace(
        "agencies: [agriculture, ip-office, forestry, press-publication]",
        "agencies: [agriculture, ip-office, forestry, nobody]",
    )
    indicators.write_text(text, encoding="utf-8")
    (in_tmp / "2024.csv").write_text(BROKEN_REPORT, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "2024.csv", in_tmp / "good-2024.csv")
    return in_tmp


# --- escaping -------------------------------------------------------------------------------


def test_escape_data_and_properties() -> None:
    assert github.escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_command_omits_unknown_parts() -> None:
    assert github.command("error", "boom") == "::error::boom"
    assert github.command("error", "boom", line=3) == "::error::boom"  # no line without a file
    assert github.command("warning", "x", file="a/b.csv", col=2) == "::warning file=a/b.csv::x"
    problem = Problem(
        "LZ101", "unknown_agency", file="d/i.yaml", line=4, column=7, params={"id": "x"}
    )
    assert github.problem_command(problem, "en") == (
        "::error file=d/i.yaml,line=4,col=7,title=LZ101::unknown agency 'x'"
    )


@pytest.mark.parametrize(
    ("separators", "file", "named"),
    [
        (("\\",), "reports\\2024.csv", "reports/2024.csv"),  # Windows: a separator
        ((), "reports\\2024.csv", "reports\\2024.csv"),  # POSIX: part of the file's name
    ],
    ids=["windows", "posix"],
)
def test_a_backslash_is_a_separator_only_where_the_system_says_so(
    monkeypatch: pytest.MonkeyPatch, separators: tuple[str, ...], file: str, named: str
) -> None:
    monkeypatch.setattr(github, "_SEPARATORS", separators)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    assert github.command("error", "x", file=file) == f"::error file={named}::x"


def test_annotations_name_files_from_the_repository_root(in_tmp: Path) -> None:
    # A step with `working-directory: reports`, the plan one folder up: GitHub reads `file=`
    # from the repository's root, $GITHUB_WORKSPACE, not from the step's folder.
    shutil.copytree(ROOT / "data", in_tmp / "data")
    (in_tmp / "reports").mkdir()
    (in_tmp / "reports" / "2024.csv").write_text(BROKEN_REPORT, encoding="utf-8")
    os.chdir(in_tmp / "reports")
    env = {"GITHUB_WORKSPACE": str(in_tmp)}
    result = run_lzip(
        "validate", "2024.csv", "--data", "../data", "--format", "github", "--lang", "en", env=env
    )
    assert result.exit_code == 1
    assert "::error file=reports/2024.csv,line=4," in result.stdout
    assert "file=2024.csv" not in result.stdout
    edited = (in_tmp / "data" / "agencies.yaml").read_text(encoding="utf-8")
    (in_tmp / "data" / "agencies.yaml").write_text(
        edited.replace("name: 县林业局", "name: ''"), encoding="utf-8"
    )
    result = run_lzip("validate", "--data", "../data", "--format", "github", env=env)
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=data/agencies.yaml,line=")


def test_a_workspace_reached_through_a_link_names_files_from_its_root(in_tmp: Path) -> None:
    # A self-hosted runner's workspace behind a symbolic link: the current directory is the
    # resolved path, $GITHUB_WORKSPACE the link.
    (in_tmp / "real" / "sub dir").mkdir(parents=True)
    (in_tmp / "real" / "sub dir" / "2024.csv").write_text(BROKEN_REPORT, encoding="utf-8")
    (in_tmp / "ws").symlink_to(in_tmp / "real", target_is_directory=True)
    os.chdir(in_tmp / "ws" / "sub dir")
    env = {"GITHUB_WORKSPACE": str(in_tmp / "ws")}
    result = run_lzip("validate", "2024.csv", "--format", "github", "--lang", "en", env=env)
    assert "::error file=sub dir/2024.csv,line=4," in result.stdout


def test_a_file_outside_the_repository_keeps_its_own_name(in_tmp: Path) -> None:
    (in_tmp / "2024.csv").write_text(BROKEN_REPORT, encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(in_tmp / "elsewhere")}
    result = run_lzip("validate", "2024.csv", "--format", "github", "--lang", "en", env=env)
    assert "::error file=2024.csv,line=4," in result.stdout


# --- validate -------------------------------------------------------------------------------


def test_validate_github_on_broken_plan(workdir: Path) -> None:
    result = run_lzip("validate", "--data", PLAN, "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines, result.output
    assert all(line.startswith("::error file=plan%3Av2%2Cdraft/indicators.yaml,") for line in lines)
    assert any(",title=LZ101::" in line for line in lines)
    assert_golden(result.stdout, "validate-broken-plan.github.txt")


def test_validate_json_on_broken_plan(workdir: Path) -> None:
    result = run_lzip("validate", "--data", PLAN, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert document["summary"]["errors"] == len(document["problems"]) >= 3
    assert document["summary"]["indicators"] is None
    for problem in document["problems"]:
        assert set(problem) == {"file", "line", "column", "code", "severity", "message"}
        assert re.fullmatch(r"LZ\d{3}", problem["code"])
        assert problem["file"] == f"{PLAN}/indicators.yaml"
        assert isinstance(problem["line"], int)
    assert_golden(result.stdout, "validate-broken-plan.json")


def test_validate_github_on_broken_report(workdir: Path) -> None:
    result = run_lzip("validate", "2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert "::error file=2024.csv,line=4," in result.stdout
    assert result.stderr == ""  # everything is on stdout, where the runner reads commands
    assert_golden(result.stdout, "validate-broken-report.github.txt")


@pytest.mark.parametrize(
    ("args", "annotation"),
    [
        (["2024.csv"], "::error file=2024.csv,line=4,"),  # a bad report
        (["good-2024.csv", "--data", PLAN], "::error file=plan%3Av2%2Cdraft/indicators.yaml,"),
    ],
)
def test_check_github_annotates_the_errors_that_stop_it(
    workdir: Path, args: list[str], annotation: str
) -> None:
    result = run_lzip("check", *args, "--format", "github", "--lang", "en")
    assert result.exit_code == 2
    assert annotation in result.stdout
    assert all(line.startswith("::error ") for line in result.stdout.splitlines())
    assert "error LZ" in result.stderr  # and the plain messages, as without --format github


def test_check_errors_are_not_annotations_in_other_formats(workdir: Path) -> None:
    result = run_lzip("check", "2024.csv", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_validate_github_points_at_the_file_line_below_a_sep_line(in_tmp: Path) -> None:
    (in_tmp / "2024.csv").write_text(
        "sep=;\n指标;责任单位;数值\n1.1;县林业局;2\n1.1;县农业局;3\n", encoding="utf-8"
    )
    result = run_lzip("validate", "2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    # Excel shows the bad row as row 3 (it hides the sep= line); the file has it on line 4.
    assert result.stdout.startswith("::error file=2024.csv,line=4,col=2,title=LZ217::")
    text = run_lzip("validate", "2024.csv", "--lang", "en")
    assert "2024.csv:3:2: error LZ217:" in text.stderr  # people are told the row Excel shows


def test_validate_github_points_at_the_file_line_below_a_cell_with_a_line_break(
    in_tmp: Path,
) -> None:
    (in_tmp / "2024.csv").write_text(
        '指标,责任单位,数值,备注\n1.1,县林业局,2,"说明：\n第二行"\n1.1,县农业局,3,\n',
        encoding="utf-8",
    )
    result = run_lzip("validate", "2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=2024.csv,line=4,col=2,title=LZ217::")
    document = json.loads(run_lzip("validate", "2024.csv", "--format", "json").stdout)
    assert [(p["code"], p["line"]) for p in document["problems"]] == [("LZ217", 3)]


def test_check_github_points_a_shortfall_at_the_file_line_of_its_row(workdir: Path) -> None:
    report = (workdir / "good-2024.csv").read_text(encoding="utf-8")
    # A note over two lines in the first row: every row below it begins one line lower.
    report = report.replace(",农资打假专项行动", ',"农资打假专项行动\n（第二批）"', 1)
    (workdir / "noted-2024.csv").write_text(report, encoding="utf-8")
    result = run_lzip("check", "noted-2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert any(
        line.startswith("::warning file=noted-2024.csv,line=21,title=7.1 behind::")
        for line in result.stdout.splitlines()
    )


def test_validate_json_on_broken_report(workdir: Path) -> None:
    result = run_lzip("validate", "2024.csv", "--format", "json", "--lang", "zh")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert document["summary"]["indicators"] == 14
    assert document["summary"]["reports"] == 1
    assert {p["severity"] for p in document["problems"]} <= {"error", "warning"}
    assert_golden(result.stdout, "validate-broken-report.json")


def test_validate_formats_on_valid_input(workdir: Path) -> None:
    text = run_lzip("validate", "good-2024.csv", "--lang", "en")
    assert text.exit_code == 0
    as_json = run_lzip("validate", "good-2024.csv", "--format", "json")
    assert as_json.exit_code == 0
    document = json.loads(as_json.stdout)
    assert document["valid"] is True and document["summary"]["errors"] == 0
    gh = run_lzip("validate", "good-2024.csv", "--format", "github", "--lang", "en")
    assert gh.exit_code == 0
    assert "::error" not in gh.stdout
    assert gh.stdout.splitlines()[-1] == "OK: good-2024.csv"


def test_validate_unusable_plan_exits_2_in_every_format(workdir: Path) -> None:
    for fmt in ("text", "json", "github"):
        result = run_lzip("validate", "--data", "missing", "--format", fmt, "--lang", "en")
        assert result.exit_code == 2, fmt
    document = json.loads(run_lzip("validate", "--data", "missing", "-f", "json").stdout)
    assert [p["code"] for p in document["problems"]] == ["LZ003"]


def test_validate_text_keeps_errors_on_stderr(workdir: Path) -> None:
    result = run_lzip("validate", "--data", PLAN, "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "error LZ101" in result.stderr


def test_validate_says_reports_were_not_checked_against_a_broken_plan(workdir: Path) -> None:
    # What the pre-commit hook runs when a plan edit breaks it: the report is not checked.
    args = ("validate", "--data", PLAN, "2024.csv", "good-2024.csv")
    zh = run_lzip(*args)
    assert zh.exit_code == 1
    assert zh.stderr.splitlines()[-1] == "lzip: 方案有误，2 份报表未检查"
    en = run_lzip(*args, "--lang", "en")
    assert en.stderr.splitlines()[-1] == "lzip: 2 reports not checked: the plan is invalid"
    gh = run_lzip(*args, "--format", "github", "--lang", "en")
    assert gh.exit_code == 1
    assert gh.stderr == "lzip: 2 reports not checked: the plan is invalid\n"
    assert "2024.csv" not in gh.stdout  # only the plan's errors
    document = json.loads(run_lzip(*args, "--format", "json").stdout)
    assert document["summary"]["reports"] == 2
    assert document["summary"]["reports_checked"] == 0
    assert document["notes"] == ["方案有误，2 份报表未检查"]
    unusable = run_lzip("validate", "--data", "missing", "2024.csv", "--lang", "en")
    assert unusable.exit_code == 2
    assert unusable.stderr.splitlines()[-1] == (
        "lzip: 1 report not checked: the plan could not be read"
    )


def test_validate_json_counts_reports_checked_against_a_valid_plan(workdir: Path) -> None:
    document = json.loads(run_lzip("validate", "2024.csv", "good-2024.csv", "-f", "json").stdout)
    assert document["summary"]["reports"] == document["summary"]["reports_checked"] == 2
    assert document["notes"] == []


# --- a plan file as an argument (what a pre-commit hook passes) -----------------------------


def test_plan_file_argument_names_the_plan(workdir: Path) -> None:
    result = run_lzip("validate", f"{PLAN}/indicators.yaml", "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert "title=LZ101" in result.stdout
    good = workdir / "good"
    shutil.copytree(ROOT / "data", good)
    ok = run_lzip("validate", "good/agencies.yaml", "good/indicators.yaml", "good-2024.csv")
    assert ok.exit_code == 0, ok.output


def test_plan_file_outside_the_data_dir_is_refused(workdir: Path) -> None:
    result = run_lzip("validate", "--data", PLAN, "elsewhere/indicators.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "LZ015" in result.stderr
    (workdir / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run_lzip("validate", "notes.yaml", "-f", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["problems"][0]["code"] == "LZ015"


def test_plan_file_argument_wins_over_lzip_data(workdir: Path) -> None:
    # An exported LZIP_DATA is a default: the plan file named on the command line is validated.
    shutil.copytree(ROOT / "data", workdir / "good")
    env = {"LZIP_DATA": str(workdir / "good")}
    result = run_lzip("validate", f"{PLAN}/indicators.yaml", "--lang", "en", env=env)
    assert result.exit_code == 1
    assert "LZ101" in result.stderr and "LZ015" not in result.stderr


def test_plan_files_of_two_folders_are_refused_at_the_second(workdir: Path) -> None:
    shutil.copytree(ROOT / "data", workdir / "good")
    result = run_lzip("validate", "good/indicators.yaml", f"{PLAN}/agencies.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{PLAN}/agencies.yaml: error LZ015: is not in the folder of good/indicators.yaml: one "
        "plan is checked at a time, and its agencies.yaml and indicators.yaml stand in one "
        "folder; check them one by one\n"
    )


# --- check ----------------------------------------------------------------------------------


def test_check_github(workdir: Path) -> None:
    result = run_lzip("check", "good-2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 1  # shortfalls, as with every format
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::warning file=good-2024.csv") for line in lines)
    # A not-reported figure has no row; a reported one points at it.
    assert any("title=4.1 not reported::" in line and ",line=" not in line for line in lines)
    assert any(
        line.startswith("::warning file=good-2024.csv,line=20,title=7.1 behind::") for line in lines
    )
    assert "to the target (in %25)" in result.stdout  # the % unit, escaped
    assert_golden(result.stdout, "check-2024.github.txt")


def test_check_github_on_a_folder_names_no_folder_as_a_file(workdir: Path) -> None:
    (workdir / "returns" / "2024").mkdir(parents=True)
    (workdir / "good-2024.csv").rename(workdir / "returns" / "2024" / "forms.csv")
    result = run_lzip("check", "returns/2024", "--format", "github", "--lang", "en")
    lines = result.stdout.splitlines()
    assert not any("file=returns/2024," in line or "file=returns/2024::" in line for line in lines)
    # not reported: no row, so no file; reported: the form and row holding the figure
    assert any(line.startswith("::warning title=4.1 not reported::") for line in lines)
    assert any(line.startswith("::warning file=returns/2024/forms.csv,line=20,") for line in lines)


def test_check_github_agency_filter_and_fail_on_never(workdir: Path) -> None:
    result = run_lzip(
        "check", "good-2024.csv", "-f", "github", "-a", "public-security", "--fail-on", "never"
    )
    assert result.exit_code == 0
    shortfall_lines = [line for line in result.stdout.splitlines() if "title=LZ" not in line]
    assert shortfall_lines and all("县公安局" in line for line in shortfall_lines)


def test_report_warnings_are_github_warnings(workdir: Path) -> None:
    report = (workdir / "good-2024.csv").read_text(encoding="utf-8") + "1.1,,99,,\n"
    (workdir / "warned-2024.csv").write_text(report, encoding="utf-8")
    result = run_lzip("validate", "warned-2024.csv", "--format", "github", "--lang", "en")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning")]
    assert len(warnings) == 1 and ",title=LZ240::" in warnings[0]
    document = json.loads(run_lzip("validate", "warned-2024.csv", "--format", "json").stdout)
    assert document["valid"] is True
    assert [(p["code"], p["severity"]) for p in document["problems"]] == [("LZ240", "warning")]
    checked = run_lzip("check", "warned-2024.csv", "--format", "github")
    assert ",title=LZ240::" in checked.stdout


# --- the example workflow -------------------------------------------------------------------

WORKFLOW = ROOT / "examples" / "ci" / "lzip.yml"


def _workflow_steps() -> tuple[dict[str, dict], dict[str, str]]:
    import yaml

    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = document["jobs"]["lzip"]
    return {step.get("name", step.get("uses")): step for step in job["steps"]}, job["env"]


def test_workflow_installs_lzip_and_uses_the_github_format() -> None:
    steps, env = _workflow_steps()
    assert env["LZIP_DATA"] == "data"
    install = steps["Install lzip"]
    assert install["env"]["LZIP_SOURCE"] == "${{ vars.LZIP_SOURCE }}"
    assert 'pip install "lzip-cli @ $LZIP_SOURCE"' in install["run"]
    assert "lzip validate --format github" in steps["Validate the plan and every report"]["run"]
    assert "--format github" in steps["Check the latest report"]["run"]


needs_bash_and_lzip = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("lzip") is None,
    reason="needs bash and the lzip script on PATH",
)


def _data_repository(tmp_path: Path, reports: dict[str, Path]):  # type: ignore[no-untyped-def]
    """A data repository holding the plan and ``reports`` (name → source); runs a workflow
    step there by its name, with the job's environment and ``extra_env``."""
    import subprocess

    steps, job_env = _workflow_steps()
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    for name, source in reports.items():
        (repo / "reports" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, repo / "reports" / name)

    def step(name: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
        env.update(job_env, LZIP_LANG="en", **extra_env)
        return subprocess.run(
            ["bash", "-e", "-c", steps[name]["run"]],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
        )

    return repo, step


@needs_bash_and_lzip
def test_workflow_steps_run(tmp_path: Path) -> None:
    """The workflow's validate and check steps, run by bash in a data repository."""
    example = ROOT / "examples" / "2024.csv"
    repo, run_step = _data_repository(tmp_path, {"2023.csv": example, "2024.csv": example})
    summary = tmp_path / "summary.md"

    def step(name: str):  # type: ignore[no-untyped-def]
        return run_step(name, GITHUB_STEP_SUMMARY=str(summary))

    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "OK: reports/2024.csv" in validated.stdout
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::warning file=reports/2024.csv,line=20," in checked.stdout
    assert "2024" in summary.read_text(encoding="utf-8")
    with (repo / "reports" / "2024.csv").open("a", encoding="utf-8") as report:
        report.write("9.9,县知识产权局,3,,\n")
    broken = step("Validate the plan and every report")
    assert broken.returncode == 1
    assert "::error file=reports/2024.csv,line=" in broken.stdout


@needs_bash_and_lzip
def test_workflow_steps_take_a_folder_of_forms_as_the_latest_report(tmp_path: Path) -> None:
    example = ROOT / "examples" / "2024.csv"
    _, step = _data_repository(tmp_path, {"2023.csv": example, "2024/returned.csv": example})
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "OK: reports/2024\n" in validated.stdout
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::warning file=reports/2024/returned.csv,line=20," in checked.stdout


@needs_bash_and_lzip
def test_workflow_steps_read_every_kind_of_report_in_any_letter_case(tmp_path: Path) -> None:
    """The hook checks a .tsv form or an .XLSX: so must the workflow, else a bad figure in one
    passes CI unseen and its shortfalls are never annotated."""
    example = ROOT / "examples" / "2024.csv"
    repo, step = _data_repository(tmp_path, {"2023.csv": example})
    run_lzip("template", "2025", "-o", str(repo / "reports" / "2025.XLSX"), "-f", "xlsx")
    tsv = repo / "reports" / "2024.tsv"
    with example.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    tsv.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "OK: reports/2024.tsv" in validated.stdout
    assert "OK: reports/2025.XLSX" in validated.stdout
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "2025" in checked.stdout
    with tsv.open("a", encoding="utf-8") as report:
        report.write("9.9\t县知识产权局\t3\t\t\n")
    broken = step("Validate the plan and every report")
    assert broken.returncode == 1
    assert "::error file=reports/2024.tsv,line=" in broken.stdout


@needs_bash_and_lzip
def test_workflow_steps_pass_over_other_folders_and_a_year_folder_without_forms(
    tmp_path: Path,
) -> None:
    """README: reports/archive/ and a year's folder made ahead are passed over, as the
    plan-change hook passes them over; the latest report with forms is checked."""
    example = ROOT / "examples" / "2024.csv"
    repo, step = _data_repository(
        tmp_path,
        {"2024.csv": example, "archive/2022.csv": example, "archive/2023.csv": example},
    )
    (repo / "reports" / "2025").mkdir()
    (repo / "reports" / "2025" / ".gitkeep").touch()
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "OK: reports/2024.csv" in validated.stdout
    assert "archive" not in validated.stdout and "LZ254" not in validated.stdout
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::warning file=reports/2024.csv,line=20," in checked.stdout


@needs_bash_and_lzip
@pytest.mark.parametrize(
    ("latest", "other"),
    [
        # The check step took 2025-模板/ as the latest year (LZ250), or read 2024_old/ with
        # 2024/ (LZ210 on every row), while validate passed both over.
        ("2024/returned.csv", "2025-模板/returned.csv"),
        ("2024/returned.csv", "2024_old/returned.csv"),
        # validate reads such a file on its own (OK): the check step must not read it with
        # 2024.csv as one report (LZ210 on every row, exit 2).
        ("2024.csv", "2024_old.csv"),
        ("2024.csv", "2024-模板.csv"),
        ("2024.csv", "2024 (1).xlsx"),
    ],
)
def test_workflow_steps_pass_over_a_report_named_for_more_than_a_year(
    tmp_path: Path, latest: str, other: str
) -> None:
    example = ROOT / "examples" / "2024.csv"
    repo, step = _data_repository(tmp_path, {latest: example})
    if other.endswith(".xlsx"):
        run_lzip("template", "2024", "-o", str(repo / "reports" / other), "-f", "xlsx")
    else:
        (repo / "reports" / other).parent.mkdir(exist_ok=True)
        shutil.copy(example, repo / "reports" / other)
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"::warning file=reports/{latest},line=20," in checked.stdout
    assert other.split("/")[0] not in checked.stdout


@needs_bash_and_lzip
@pytest.mark.parametrize(
    "no_report",
    [
        "2025/~$forestry.xlsx",  # what Excel leaves while a form is open: no form of 2025 yet
        "2026.numbers/Data/",  # a Numbers document is a folder: lzip reads no folder as a file
    ],
    ids=["lock-file", "numbers-folder"],
)
def test_workflow_steps_take_what_lzip_reads_as_no_report_for_no_later_year(
    tmp_path: Path, no_report: str
) -> None:
    example = ROOT / "examples" / "2024.csv"
    repo, step = _data_repository(tmp_path, {"2024.csv": example})
    path = repo / "reports" / no_report
    if no_report.endswith("/"):
        path.mkdir(parents=True)
    else:
        path.parent.mkdir(parents=True)
        path.write_bytes(b"x")
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    checked = step("Check the latest report")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::warning file=reports/2024.csv,line=20," in checked.stdout


@needs_bash_and_lzip
def test_workflow_steps_both_fail_on_a_broken_link_in_the_latest_years_folder(
    tmp_path: Path,
) -> None:
    example = ROOT / "examples" / "2024.csv"
    repo, step = _data_repository(tmp_path, {"2024.csv": example})
    (repo / "reports" / "2025").mkdir()
    (repo / "reports" / "2025" / "林业局.csv").symlink_to("../../nowhere.csv")
    assert step("Validate the plan and every report").returncode == 2
    checked = step("Check the latest report")
    assert checked.returncode == 2 and "LZ003" in checked.stdout + checked.stderr


@needs_bash_and_lzip
def test_workflow_steps_without_reports_validate_the_plan(tmp_path: Path) -> None:
    _, step = _data_repository(tmp_path, {})
    validated = step("Validate the plan and every report")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "OK: 14 indicators, 18 agencies" in validated.stdout
    checked = step("Check the latest report")
    assert checked.returncode == 0 and "no report in reports/ yet" in checked.stdout
