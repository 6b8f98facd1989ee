"""`saual search`: full-text search of the stored documents, as a rich table or JSON lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .common import (
    DbOption,
    exception_reason,
    fatal,
    known_errors,
    one_line,
    open_engine,
    say_error,
    stdout_console,
)

EPILOG = """[bold]Examples[/bold]

  saual search "еңбек мигранттары"

  saual search Корея --lang ru --kind news

  saual search квота --from 2025-01-01 --to 2025-12-31 --limit 5

  saual search "EPS" --json | jq .path

Kazakh words match by prefix, so 'мигрант' also finds 'мигранттардың'. Query syntax characters are taken literally."""


class Lang(str, enum.Enum):
    """--lang choices: the passage languages stored."""

    kk = "kk"
    ru = "ru"


class Kind(str, enum.Enum):
    """--kind choices: the document kinds ingest decides."""

    inquiry = "inquiry"
    press_release = "press_release"
    news = "news"
    reply = "reply"
    other = "other"


def highlighted(snippet: str, style: str = "bold") -> Text:
    """A snippet with the corpus's highlight markers shown in `style` (never parsed as markup)."""
    from corpus import split_highlights

    text = Text()
    for piece, marked in split_highlights(snippet.replace("\n", " ")):
        text.append(piece, style=style if marked else None)
    return text


def plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet without markers and the [start, end] offsets of its highlighted terms."""
    from corpus import split_highlights

    plain: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    for piece, marked in split_highlights(snippet):
        if marked:
            spans.append([pos, pos + len(piece)])
        plain.append(piece)
        pos += len(piece)
    return "".join(plain), spans


def hit_record(hit: Any) -> dict[str, Any]:
    """One search hit as a JSON-ready dict: plain snippet plus highlight offsets into it."""
    record = dataclasses.asdict(hit) if dataclasses.is_dataclass(hit) else dict(vars(hit))
    for key, value in record.items():
        if isinstance(value, dt.date):
            record[key] = value.isoformat()
    record["snippet"], record["highlights"] = plain_snippet(str(record.get("snippet") or ""))
    return record


def _shown_path(path: str) -> str:
    """A stored path relative to the current folder when it lies below it, else as stored."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def hits_table(hits: list[Any], query: str) -> Table:
    """Search hits as a rich table: document (title, path, kind, date), page, language, highlighted snippet."""
    table = Table(title=Text(f"{len(hits)} match{'es' if len(hits) != 1 else ''} for «{query}»"),
                  show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Document", ratio=2, overflow="fold")
    table.add_column("Page", justify="right", no_wrap=True)
    table.add_column("Lang", no_wrap=True)
    table.add_column("Snippet", ratio=3)
    for i, hit in enumerate(hits, 1):
        title = one_line(hit.title or Path(hit.path).name)
        doc = Text(title if len(title) <= 80 else title[:79] + "…", style="bold")
        details = " · ".join(str(x) for x in (hit.kind, hit.date) if x)
        doc.append(f"\n{_shown_path(hit.path)}" + (f"\n{details}" if details else ""), style="dim")
        table.add_row(str(i), doc, str(hit.page) if hit.page is not None else "-",
                      str(hit.language or hit.doc_language or "-"), highlighted(hit.snippet or ""))
    return table


def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for.", show_default=False)],
    lang: Annotated[Lang | None, typer.Option("--lang", help="Only passages in this language.",
                                              show_default=False)] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only documents of this kind.",
                                              show_default=False)] = None,
    date_from: Annotated[dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
                                                          help="Only documents dated on or after this day.",
                                                          show_default=False)] = None,
    date_to: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
                                                        help="Only documents dated on or before this day.",
                                                        show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="At most this many matches.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many matches first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per match and line.")] = False,
    db: DbOption = None,
) -> None:
    """Full-text search of the stored documents, best matches first."""
    import corpus

    engine = open_engine(db)
    try:
        hits = corpus.search(engine, query, language=lang.value if lang else None,
                             kind=kind.value if kind else None,
                             date_from=date_from.date() if date_from else None,
                             date_to=date_to.date() if date_to else None, limit=limit, offset=offset)
    except known_errors() as exc:
        raise fatal(exception_reason(exc)) from None
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        raise fatal(f"search failed: {exception_reason(exc)}") from None
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit_record(hit), ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()
    elif not hits:
        say_error(f"no matches for «{query}»")
    else:
        stdout_console().print(hits_table(hits, query))
