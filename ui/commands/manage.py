"""`saual remove DOC…` and `saual failed`: delete stored documents, list the files ingest could not store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from . import common
from .common import DbOption

REMOVE_EPILOG = """[bold]Examples[/bold]

  saual remove 12                      document 12 and everything extracted from it

  saual remove samples/pdf/8930.pdf    by the path it was ingested from

A removed document's figures leave the conflict cards; if an older version of the same file is stored,
it becomes the newest again."""

FAILED_EPILOG = """[bold]Examples[/bold]

  saual failed                         files the last ingest runs could not store, and why

  saual failed --json                  the same as JSON

  saual ingest --retry-failed          try them again (e.g. after installing OCR languages)"""


def remove_command(docs: Annotated[list[str], typer.Argument(metavar="DOC…", help="Stored document ids or the "
                                                            "paths they were ingested from.")],
                   db: DbOption = None) -> None:
    """Delete stored documents and every row derived from them (passages, figures, entities, demands...)."""
    import corpus

    engine = common.open_engine(db)
    out = common.stdout_console()
    for doc in docs:
        try:
            ident = common.document_id(engine, doc)
            corpus.remove_document(engine, ident)
        except typer.Exit:
            raise
        except common.known_errors() as exc:
            raise common.fatal(common.exception_reason(exc)) from None
        out.print(f"removed document {ident} ({doc})", highlight=False, markup=False)


def failed_command(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
                   db: DbOption = None) -> None:
    """List the files ingest could not store: path, reason, when, attempts (retry: saual ingest --retry-failed)."""
    import corpus

    engine = common.open_engine(db)
    try:
        failures = corpus.list_failures(engine)
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None
    out = common.stdout_console()
    if as_json:
        rows = [{"path": f.path, "sha256": f.sha256, "reason": f.reason, "failed_at": f.failed_at.isoformat(),
                 "attempts": f.attempts} for f in failures]
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    for f in failures:
        out.print(f"{f.path}: {f.reason}  ({f.failed_at:%Y-%m-%d %H:%M}, {f.attempts}×)", highlight=False, markup=False)
    common.say_error(f"{len(failures)} failed file{'s' if len(failures) != 1 else ''}")
