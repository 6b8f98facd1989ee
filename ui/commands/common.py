"""What every `saual` command shares: one-line messages, known errors, the database option and engine.

Library errors (IngestError, NlpError, CorpusError) become one line `path: reason` or
`saual: error: reason`; only a real bug is shown as `unexpected <Class>: message`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

MAX_REASON = 500

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="URL", show_default=False,
                 help="Database URL (default: $SAUAL_DATABASE_URL, else sqlite:///data/saual.db)."),
]


def stderr_console() -> Console:
    """A rich console on stderr (progress and messages), never guessing highlights."""
    return Console(stderr=True, highlight=False)


def stdout_console() -> Console:
    """A rich console on stdout (tables), never guessing highlights."""
    return Console(highlight=False)


def one_line(message: str) -> str:
    """A message squeezed onto one line (newlines and runs of spaces collapsed), at most MAX_REASON chars."""
    text = " ".join(str(message).split())
    return text if len(text) <= MAX_REASON else text[:MAX_REASON - 1] + "…"


def shown(path: Path | str) -> str:
    """A path as printable text (a file name that is not UTF-8 shows its bytes as `\\xff`)."""
    import ingest

    return ingest.shown_path(path)


def failure_line(path: Path | str, reason: str) -> str:
    """`path: reason` on one line; a reason that already starts with the path is not doubled."""
    path = shown(path)
    reason = str(reason)
    if reason.startswith(path + ": "):
        reason = reason[len(path) + 2:]
    return one_line(f"{path}: {reason}")


def known_errors() -> tuple[type[Exception], ...]:
    """The error bases of the three libraries: a known failure, never shown as 'unexpected'."""
    import corpus
    import ingest
    import nlp

    return (ingest.IngestError, nlp.NlpError, corpus.CorpusError)


def exception_reason(exc: BaseException) -> str:
    """The reason for an exception: a library error's own message, else 'unexpected <Class>: message'."""
    import ingest

    if isinstance(exc, ingest.IngestError):
        return exc.reason
    message = str(exc).strip()
    if isinstance(exc, known_errors()):
        return message or type(exc).__name__
    name = f"unexpected {type(exc).__name__}"
    return f"{name}: {message}" if message else name


def say_error(line: str) -> None:
    """Write one line to stderr at once (plain text, no rich markup)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def fatal(message: str, code: int = 1) -> typer.Exit:
    """Print `saual: error: message` on stderr and return the Exit to raise."""
    say_error(one_line(f"saual: error: {message}"))
    return typer.Exit(code)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders walked recursively for supported formats (ingest.expand_paths: one rule)."""
    import ingest

    try:
        return ingest.expand_paths(paths)
    except ingest.IngestError as exc:  # a malformed limit setting: one line, not a traceback
        raise fatal(str(exc)) from None


def open_engine(db: str | None) -> Any:
    """The corpus engine for --db (or the default); a bad URL or missing driver is one line and exit 1."""
    import corpus

    try:
        return corpus.get_engine(db)
    except corpus.CorpusError as exc:
        raise fatal(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a malformed URL, a missing driver: one line, no traceback
        raise fatal(f"cannot open database: {exception_reason(exc)}") from None


def shown_url(engine: Any) -> str:
    """The engine's URL with the password hidden."""
    url = getattr(engine, "url", None)
    try:
        return url.render_as_string(hide_password=True)
    except AttributeError:
        return str(url) if url is not None else "?"


def document_id(engine: object, doc: str) -> int:
    """The id of DOC: a number, else the stored document whose path is DOC (as given or resolved)."""
    import corpus

    if doc.strip().isdigit():
        return int(doc)
    for d in corpus.list_documents(engine, include_undated=True):
        if d.path in (doc, str(Path(doc).resolve())):
            return d.id
    raise fatal(f"{doc}: no stored document with this path (saual ingest it first)")
