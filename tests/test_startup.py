"""What the ``lzip`` process does before it reads anything: pydantic plugins stay unlooked-for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2024.csv"

_PLUGIN = """
import sys

sys.stderr.write("PLUGIN LOADED\\n")


class _Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = _Plugin()
"""


@pytest.fixture
def installed_pydantic_plugin(tmp_path: Path) -> Path:
    """A folder holding a pydantic plugin as an installed distribution (for ``PYTHONPATH``)."""
    (tmp_path / "noisy_plugin.py").write_text(_PLUGIN, encoding="utf-8")
    dist_info = tmp_path / "noisy_plugin-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: noisy-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        "[pydantic]\nnoisy = noisy_plugin:plugin\n", encoding="utf-8"
    )
    return tmp_path


def _check_example(site: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(PYTHONPATH=str(site), PYTHONIOENCODING="utf-8", **extra_env)
    return subprocess.run(
        [sys.executable, "-m", "lzip_cli", "check", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def test_lzip_does_not_load_pydantic_plugins(installed_pydantic_plugin: Path) -> None:
    result = _check_example(installed_pydantic_plugin)

    assert result.returncode == 1  # the example has shortfalls
    assert "PLUGIN LOADED" not in result.stderr


def test_a_user_who_sets_pydantic_disable_plugins_keeps_their_choice(
    installed_pydantic_plugin: Path,
) -> None:
    result = _check_example(installed_pydantic_plugin, PYDANTIC_DISABLE_PLUGINS="")

    assert result.returncode == 1
    assert "PLUGIN LOADED" in result.stderr
