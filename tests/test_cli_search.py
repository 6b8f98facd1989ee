"""The `saual search` and `saual serve` commands over a seeded SQLite corpus: JSON and table hits,
filters, query syntax, snippet highlighting, and the explorer started by `serve`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_cli import ROOT, SAUAL, SEEDS, _a_word, runner, saual
from ui import cli


# ------------------------------------------------------------------ search
@pytest.fixture
def seeded_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    result = runner.invoke(cli.app, ["ingest", *map(str, SEEDS), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_search_json_hits_are_highlighted(seeded_db: str) -> None:
    word = _a_word(SEEDS[0], "ru")
    result = saual("search", word, "--json", "--db", seeded_db)
    assert result.returncode == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and any(Path(h["path"]).name == SEEDS[0].name for h in hits)
    for hit in hits:
        assert "\x02" not in hit["snippet"] and hit["highlights"]
        s, e = hit["highlights"][0]
        assert hit["snippet"][s:e]


def test_search_table(seeded_db: str) -> None:
    word = _a_word(SEEDS[1], "kk")
    result = saual("search", word, "--db", seeded_db, "--lang", "kk")
    assert result.returncode == 0, result.stderr
    assert "match" in result.stdout and SEEDS[1].name in result.stdout
    assert "\x02" not in result.stdout


def test_search_filters(seeded_db: str) -> None:
    word = _a_word(SEEDS[1], "kk")
    kk = runner.invoke(cli.app, ["search", word, "--json", "--lang", "kk", "--db", seeded_db])
    assert kk.exit_code == 0 and kk.stdout.strip()
    assert all(json.loads(line)["language"] == "kk" for line in kk.stdout.splitlines())
    ru = runner.invoke(cli.app, ["search", word, "--json", "--lang", "ru", "--db", seeded_db])
    assert all(json.loads(line)["language"] == "ru" for line in ru.stdout.splitlines())
    limited = runner.invoke(cli.app, ["search", word, "--json", "--limit", "1", "--db", seeded_db])
    assert len(limited.stdout.splitlines()) == 1
    future = runner.invoke(cli.app, ["search", word, "--json", "--from", "2999-01-01", "--db", seeded_db])
    assert future.exit_code == 0 and future.stdout == ""


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "a:b", "(", "'; DROP TABLE x; --", "NEAR("])
def test_search_query_syntax_never_raises(seeded_db: str, query: str) -> None:
    result = runner.invoke(cli.app, ["search", query, "--db", seeded_db])
    assert result.exit_code == 0, result.output


def test_search_no_match_says_so(seeded_db: str) -> None:
    result = runner.invoke(cli.app, ["search", "zzzqqqxxyy", "--db", seeded_db])
    assert result.exit_code == 0
    assert "no matches" in result.stderr


def test_highlighted_snippet_is_bold_and_never_markup() -> None:
    text = cli.highlighted("a [bold]x[/bold] \x02мигрант\x03тар and \x02b\x03")
    assert text.plain == "a [bold]x[/bold] мигранттар and b"
    bold = [text.plain[s.start:s.end] for s in text.spans if s.style == "bold"]
    assert bold == ["мигрант", "b"]


def test_plain_snippet_offsets() -> None:
    plain, spans = cli.plain_snippet("x \x02ab\x03 y \x02c\x03")
    assert plain == "x ab y c" and [plain[s:e] for s, e in spans] == ["ab", "c"]


# ------------------------------------------------------------------ serve
def test_streamlit_command() -> None:
    cmd = cli.streamlit_command(8600)
    assert cmd[:4] == [sys.executable, "-m", "streamlit", "run"] and cmd[4].endswith("ui/app/main.py")
    # always headless: otherwise Streamlit's first run waits for an e-mail address on stdin
    assert cmd[5:] == ["--server.port", "8600", "--server.address", "localhost", "--server.headless", "true",
                       "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]
    # localhost unless told otherwise: the explorer has no authentication (SECURITY.md)
    assert cli.streamlit_command(8600, host="0.0.0.0")[7:9] == ["--server.address", "0.0.0.0"]


def test_serve_without_headless_never_waits_on_stdin(tmp_path: Path) -> None:
    """A first run (no ~/.streamlit) without --headless must serve, not stop at a prompt."""
    port = _free_port()
    env = dict(os.environ, HOME=str(tmp_path), BROWSER="true")  # BROWSER=true: the opener does nothing
    db = f"sqlite:///{tmp_path / 'x.db'}"
    proc = subprocess.Popen([str(SAUAL), "serve", "--port", str(port), "--db", db], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                    assert r.read() == b"ok"
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                time.sleep(0.5)
        else:
            pytest.fail("explorer did not answer within 60 s")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_starts_the_explorer(seeded_db: str) -> None:
    if not cli.APP_MAIN.exists():
        pytest.skip("ui/app/main.py (the explorer) not written yet")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SAUAL_DATABASE_URL"}
    proc = subprocess.Popen([str(SAUAL), "serve", "--port", str(port), "--headless", "--db", seeded_db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        body = ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        assert body == "ok", (proc.poll(), proc.stderr.read1(4000) if proc.poll() is not None else "")
    finally:  # `saual serve` became Streamlit (exec); end its whole session group
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
