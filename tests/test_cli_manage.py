"""`saual failed` lists what ingest could not store, `saual remove` deletes documents (issue 10): real CLI runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAUAL = Path(sys.executable).with_name("saual")


def saual(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([str(SAUAL), *args], check=False, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_failed_then_remove(db_url: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("По данным министерства, в 2024 году в Казахстане работали 11 тыс. мигрантов.\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n%truncated")
    assert saual("ingest", str(tmp_path), "--db", db_url).returncode == 1
    listed = saual("failed", "--json", "--db", db_url)
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert row["path"] == str(tmp_path / "broken.pdf") and row["reason"] and row["attempts"] == 1
    removed = saual("remove", str(good), "--db", db_url)
    assert removed.returncode == 0 and "removed document" in removed.stdout, removed.stderr
    assert "no matches" in saual("search", "министерства", "--db", db_url).stderr
    missing = saual("remove", "999", "--db", db_url)
    assert missing.returncode == 1 and missing.stderr.strip().count("\n") == 0 and "999" in missing.stderr


def test_documents_page_lists_failed_files(db_url: str, tmp_path: Path, monkeypatch) -> None:
    from tests.test_app_entities import run_page

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n%truncated")
    (tmp_path / "good.txt").write_text("В 2024 году в Казахстане работали 11 тыс. мигрантов.\n", encoding="utf-8")
    saual("ingest", str(tmp_path), "--db", db_url)
    at = run_page(db_url, monkeypatch, "views/documents.py")
    [expander] = [e for e in at.expander if "could not be stored" in e.label]
    assert "(1)" in expander.label
    table = at.dataframe[0].value
    assert list(table["file"]) == [str(tmp_path / "broken.pdf")] and table["reason"][0]


def test_ingest_retry_failed(db_url: str, tmp_path: Path) -> None:
    """A file refused under a tight size limit is recorded; `saual ingest --retry-failed` stores it later."""
    doc = tmp_path / "report.txt"
    doc.write_text("По данным министерства, в 2024 году в Казахстане работали 11 тыс. мигрантов.\n", encoding="utf-8")
    refused = saual("ingest", str(doc), "--db", db_url, env={"SAUAL_MAX_FILE_MB": "0.00001"})
    assert refused.returncode == 1 and "report.txt" in refused.stderr
    assert [r["path"] for r in json.loads(saual("failed", "--json", "--db", db_url).stdout)] == [str(doc)]
    nothing = saual("ingest", "--db", db_url)
    assert nothing.returncode == 2 and "--retry-failed" in nothing.stderr
    retried = saual("ingest", "--retry-failed", "--db", db_url)
    assert retried.returncode == 0 and "1 added" in retried.stdout, retried.stderr
    assert json.loads(saual("failed", "--json", "--db", db_url).stdout) == []
    again = saual("ingest", "--retry-failed", "--db", db_url)
    assert again.returncode == 0 and "no failed files" in again.stdout

