"""scripts/system-deps.sh, the one set-up script of `make run`, `make test` and CI: what each set needs,
and the exact command it prints when something is missing (checked with --check: nothing installed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "system-deps.sh"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, **env})


@pytest.mark.parametrize("profile", ["venv", "run", "test"])
def test_everything_present_is_silent_success(profile: str) -> None:
    result = run(profile, "--check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_missing_package_names_the_exact_command(tmp_path: Path) -> None:
    result = run("test", "--check", SAUAL_CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert "missing system packages for 'test': chromium" in result.stderr
    assert "apt-get install -y --no-install-recommends chromium'" in result.stderr


def test_run_does_not_need_the_test_tiers(tmp_path: Path) -> None:
    assert run("run", "--check", SAUAL_CHROMIUM=str(tmp_path / "no-chromium")).returncode == 0


@pytest.mark.parametrize("args", [[], ["tset"]])
def test_usage_errors(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "venv, run or test" in result.stderr
