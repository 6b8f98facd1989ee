"""`saual draft-reply DOC --out reply.docx`: a reply draft for a stored inquiry (corpus.reply_outline → DOCX)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import common
from .common import DbOption

EPILOG = """[bold]Examples[/bold]

  saual draft-reply 12 --out reply.docx              by document id (see saual search / the explorer)

  saual draft-reply samples/pdf/8930.pdf --out r.docx   by the path it was ingested from

The draft quotes every question, proposal and demand (rhetorical questions left out), lists the figures
the corpus holds on the same indicators from other documents, and states the deadline, whose term is a
setting (SAUAL_RESPONSE_DAYS), not a verified rule."""

DocArgument = Annotated[str, typer.Argument(metavar="DOC", help="A stored document's id, or the path it was ingested from.")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Where to write the DOCX.", dir_okay=False)]


def draft_reply_command(doc: DocArgument, out: OutOption, db: DbOption = None) -> None:
    """Write a reply draft (DOCX) for a stored inquiry: each point quoted, the corpus's figures, the deadline."""
    import corpus
    from ui.reply_docx import reply_docx

    engine = common.open_engine(db)
    try:
        data = reply_docx(corpus.reply_outline(engine, common.document_id(engine, doc)))
        out.write_bytes(data)
    except typer.Exit:
        raise
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None
    except OSError as exc:
        raise common.fatal(f"{out}: {exc.strerror or exc}") from None
    common.stdout_console().print(f"wrote {out}")
