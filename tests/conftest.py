"""Shared fixtures: paths to the sample corpus and test data; strict mode (`make test`, CI): no skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Database fixtures (SQLite and a throwaway PostgreSQL cluster) live in their own plugin module.
pytest_plugins = ["tests.fixtures_db"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))
SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))
DATA = Path(__file__).resolve().parent / "data"
PDFTOTEXT = DATA / "pdftotext"  # the pdftotext renderings the gold offsets refer to
STRICT = os.environ.get("SAUAL_STRICT_TESTS") == "1"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    return SAMPLE_PDFS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under SAUAL_STRICT_TESTS=1 (`make test`, CI) a skipped test is reported as failed, with its reason."""
    report = yield
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"SAUAL_STRICT_TESTS=1: a skip fails the run ({reason})"
    return report


def pytest_sessionfinish(session, exitstatus):
    """Under SAUAL_STRICT_TESTS=1 a skip anywhere (also a whole module at collection) fails the run."""
    if not STRICT:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"SAUAL_STRICT_TESTS: {len(skipped)} test(s) skipped; failing the run", red=True)
        session.exitstatus = 1
