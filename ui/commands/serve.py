"""`saual serve`: run the Streamlit explorer (ui/app) over the corpus and open it in a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOption, fatal, open_engine, say_error, shown_url

APP_MAIN = Path(__file__).resolve().parent.parent / "app" / "main.py"

EPILOG = """[bold]Examples[/bold]

  saual serve                          http://localhost:8501, opens a browser

  saual serve --port 8600 --headless   on a server: no browser

  saual serve --db postgresql+psycopg://localhost/saual

  saual serve --host 0.0.0.0 --read-only   a public explorer: every interface, no writes (see SECURITY.md)"""


def streamlit_command(port: int, app_path: Path = APP_MAIN, host: str = "localhost") -> list[str]:
    """The `python -m streamlit run` command line for the explorer, listening on `host` only.

    Always headless: a non-headless first run stops at Streamlit's e-mail prompt on stdin; the
    browser is opened by `open_browser_when_ready` instead.
    """
    return [sys.executable, "-m", "streamlit", "run", str(app_path),
            "--server.port", str(port), "--server.address", host, "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]


_OPENER = """
import sys, time, urllib.request, webbrowser
url = sys.argv[1]
for _ in range(120):
    try:
        urllib.request.urlopen(url + "_stcore/health", timeout=1)
    except OSError:
        time.sleep(0.5)
        continue
    webbrowser.open(url)
    break
"""


def open_browser_when_ready(url: str) -> None:
    """A detached helper that opens `url` in the user's browser once the explorer answers."""
    subprocess.Popen([sys.executable, "-c", _OPENER, url], start_new_session=True,
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def serve_command(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8501,
    db: DbOption = None,
    headless: Annotated[bool, typer.Option("--headless", help="Do not open a browser.")] = False,
    host: Annotated[str, typer.Option("--host", help="Address to listen on: localhost (default) or 0.0.0.0 for "
                                      "every interface, which has no authentication (see SECURITY.md).")] = "localhost",
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only (as "
                                            "SAUAL_READ_ONLY=1 does): the explorer cannot write.")] = False,
) -> None:
    """Start the Streamlit explorer over the corpus: search, documents, figures and entities.

    Full-text search with filters; the documents list and each document with its figures and entities marked; the figures table; entities and where each is mentioned.
    """
    import corpus

    if not APP_MAIN.exists():
        raise fatal(f"the explorer app is missing: {APP_MAIN}")
    if read_only:
        os.environ[corpus.ENV_READ_ONLY] = "1"
    engine = open_engine(db)  # surfaces a bad URL here, as one line, before Streamlit starts
    url = corpus.database_url(db)
    engine.dispose()
    env = dict(os.environ, SAUAL_DATABASE_URL=url)
    command = streamlit_command(port, host=host)
    mode = ", read-only" if corpus.read_only_setting() else ""
    say_error(f"saual: explorer on http://{host}:{port}  ({shown_url(engine)}{mode}); Ctrl+C stops it")
    if not headless:
        open_browser_when_ready(f"http://localhost:{port}/")
    sys.stdout.flush()
    if os.name == "posix":  # become Streamlit: signals (Ctrl+C, kill) reach it directly, no orphan left
        try:
            os.execve(command[0], command, env)
        except OSError as exc:
            raise fatal(f"cannot start Streamlit: {exc}") from None
    try:
        code = subprocess.call(command, env=env)
    except KeyboardInterrupt:
        code = 130
    raise typer.Exit(code)
