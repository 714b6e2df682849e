"""Shared test settings: Hypothesis profiles, a clean environment, the ``in_tmp`` fixture.

The in-process runner, ``run_lzip``, is in helpers.py (``from helpers import run_lzip``).

``HYPOTHESIS_PROFILE=ci`` (what ``.ci/run`` sets) runs few examples so that the suite stays
fast; ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py`` runs many, by
hand. Without the variable, ``dev``: a middle ground for a local ``python -m pytest``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "dev")


@pytest.fixture(autouse=True, scope="session")
def _no_lzip_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test chooses the plan data and the language itself: LZIP_DATA and LZIP_LANG unset,
    and LZIP_CACHE_DIR a folder of the test session's own.

    Session-wide, so that module-scoped fixtures run without them too; a test that wants one sets
    it with ``monkeypatch.setenv`` or ``run_lzip(..., env=...)``, and it is unset again after.
    """
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.delenv("LZIP_DATA", raising=False)
        monkeypatch.delenv("LZIP_LANG", raising=False)
        # A large plan is cached (plan_cache.py): never in the user's own cache folder.
        cache = tmp_path_factory.mktemp("lzip-cache")
        monkeypatch.setenv("LZIP_CACHE_DIR", str(cache))
        yield


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test runs in its own empty ``tmp_path``, which it returns.

    lzip names files relative to the working directory ("2024.csv:3:2"), and ``run_lzip`` then
    watches every file there. Opt in with ``pytestmark = pytest.mark.usefixtures("in_tmp")``, or
    request it from a file's own fixture that puts files there.
    """
    monkeypatch.chdir(tmp_path)
    return tmp_path
