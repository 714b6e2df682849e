"""A large plan, once validated, is kept in a cache and read from there while its files are unchanged.

The shipped plan is far below the size that is cached; these tests lower the size to 0, so that
the real plan files stand in for a province's roll-up.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import run_lzip
from lzip_cli import plan_cache, plan_loader
from lzip_cli.errors import LzipError
from lzip_cli.plan_loader import load_plan

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, used for plans of any size."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LZIP_CACHE_DIR", str(folder))
    monkeypatch.setattr(plan_cache, "MIN_BYTES", 0)
    return folder


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    """A copy of the shipped plan that a test may change."""
    return Path(shutil.copytree(DATA, tmp_path / "plan"))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("plan-*.pickle")) if folder.is_dir() else []


def without_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, reading a plan's YAML fails the test: the plan must come from the cache."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the plan's YAML was read again")

    monkeypatch.setattr(plan_loader, "decode_yaml", refuse)


def test_a_validated_plan_is_kept_in_the_cache(cache: Path, plan_dir: Path) -> None:
    load_plan(plan_dir)
    assert len(entries(cache)) == 1


def test_the_second_load_comes_from_the_cache_and_equals_the_first(
    cache: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_plan(plan_dir)
    without_yaml(monkeypatch)
    second = load_plan(plan_dir)
    assert second == first
    assert second.find_agency("县林业局") == first.find_agency("县林业局")
    assert second.indicator("5.1").name == first.indicator("5.1").name


def test_a_cached_plan_names_the_files_it_was_asked_for(
    cache: Path, plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_plan(plan_dir)
    elsewhere = Path(shutil.copytree(plan_dir, tmp_path / "elsewhere"))
    without_yaml(monkeypatch)
    plan = load_plan(elsewhere)
    assert plan.sources == (str(elsewhere / "agencies.yaml"), str(elsewhere / "indicators.yaml"))
    assert load_plan(elsewhere, "git:HEAD:data").sources == (
        "git:HEAD:data/agencies.yaml",
        "git:HEAD:data/indicators.yaml",
    )


@pytest.mark.parametrize("changed", ["indicators.yaml", "agencies.yaml"])
def test_a_changed_plan_file_is_a_new_entry(cache: Path, plan_dir: Path, changed: str) -> None:
    load_plan(plan_dir)
    path = plan_dir / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n# 修订\n", encoding="utf-8")
    load_plan(plan_dir)
    assert len(entries(cache)) == 2


def test_a_renamed_indicator_shows_its_new_name_after_a_cached_load(
    cache: Path, plan_dir: Path
) -> None:
    load_plan(plan_dir)
    path = plan_dir / "indicators.yaml"
    name = load_plan(plan_dir).indicator("1.1").name
    path.write_text(
        path.read_text(encoding="utf-8").replace(name, name + "（修订）", 1), encoding="utf-8"
    )
    assert load_plan(plan_dir).indicator("1.1").name == name + "（修订）"


def test_a_plan_with_a_problem_is_not_kept(cache: Path, plan_dir: Path) -> None:
    path = plan_dir / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LzipError):
            load_plan(plan_dir)
    assert entries(cache) == []


def test_an_entry_that_cannot_be_read_is_passed_over_and_replaced(
    cache: Path, plan_dir: Path
) -> None:
    expected = load_plan(plan_dir)
    (entry,) = entries(cache)
    entry.write_bytes(b"not a pickle")
    assert load_plan(plan_dir) == expected
    assert entry.read_bytes() != b"not a pickle"


def test_an_entry_holding_something_else_is_passed_over(cache: Path, plan_dir: Path) -> None:
    import pickle

    expected = load_plan(plan_dir)
    (entry,) = entries(cache)
    entry.write_bytes(pickle.dumps({"indicators": []}))
    assert load_plan(plan_dir) == expected


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LZIP_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(plan_cache, "MIN_BYTES", 0)
    assert load_plan(plan_dir).indicator("1.1")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("setting", ["off", "OFF", "0", "", "no", "false"])
def test_lzip_cache_dir_off_turns_the_cache_off(
    setting: str, tmp_path: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LZIP_CACHE_DIR", setting)
    monkeypatch.setattr(plan_cache, "MIN_BYTES", 0)
    monkeypatch.chdir(tmp_path)
    load_plan(plan_dir)
    assert plan_cache.cache_dir() is None
    assert list(tmp_path.rglob("plan-*.pickle")) == []


def test_a_small_plan_is_never_cached(
    tmp_path: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LZIP_CACHE_DIR", str(folder))
    load_plan(plan_dir)
    assert not folder.exists()


def test_an_entry_of_other_code_is_not_used(
    cache: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_plan(plan_dir)
    monkeypatch.setattr(plan_cache, "_code_digest", lambda: b"another version of lzip")
    load_plan(plan_dir)
    assert len(entries(cache)) == 2


def test_the_least_recently_used_entries_are_dropped_beyond_keep(
    cache: Path, plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_cache, "KEEP", 2)
    path = plan_dir / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    for revision in range(3):
        path.write_text(f"{text}\n# 第{revision}版\n", encoding="utf-8")
        load_plan(plan_dir)
        for age, entry in enumerate(sorted(entries(cache), key=os.path.getmtime)):
            os.utime(entry, (1_000_000 + age, 1_000_000 + age))  # mtimes apart, oldest first
    assert len(entries(cache)) == 2
    path.write_text(f"{text}\n# 第2版\n", encoding="utf-8")  # the newest is still there
    without_yaml(monkeypatch)
    load_plan(plan_dir)


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/x/cache"}, Path("/x/cache/lzip")),
        ("linux", {"XDG_CACHE_HOME": None}, Path.home() / ".cache" / "lzip"),
        ("darwin", {}, Path.home() / "Library" / "Caches" / "lzip"),
        ("win32", {"LOCALAPPDATA": "C:/Users/li/AppData/Local"}, None),
        ("win32", {"LOCALAPPDATA": None}, None),
        ("linux", {"LZIP_CACHE_DIR": "/srv/lzip-cache"}, Path("/srv/lzip-cache")),
    ],
)
def test_where_the_cache_is(
    platform: str,
    env: dict[str, str | None],
    expected: Path | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LZIP_CACHE_DIR")
    monkeypatch.setattr(plan_cache.sys, "platform", platform)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    if platform == "win32" and env.get("LOCALAPPDATA"):
        expected = Path(env["LOCALAPPDATA"] or "", "lzip", "Cache")
    assert plan_cache.cache_dir() == expected


def test_lzip_check_reads_a_cached_plan_with_the_same_result(
    cache: Path,
    plan_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = Path(__file__).resolve().parents[1] / "examples" / "2024.csv"
    first = run_lzip("check", report, "--data", plan_dir, "--format", "json")
    assert first.exit_code in (0, 1), first.output
    without_yaml(monkeypatch)
    second = run_lzip("check", report, "--data", plan_dir, "--format", "json")
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert len(entries(cache)) == 1
