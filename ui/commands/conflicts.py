"""`saual conflicts`: figures of one indicator and moment that disagree, as a table or one JSON document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from . import common
from .common import DbOption

EPILOG = """[bold]Examples[/bold]

  saual conflicts

  saual conflicts --json > conflicts.json

  saual conflicts --place "South Korea" --since 2025-01-01

  saual conflicts --recompute --db sqlite:////tmp/x.db

  saual conflicts --claimreview 13779d6905d075ba > draft.jsonld

Cards are recomputed on every ingest; --recompute rebuilds them all (e.g. for a database ingested before)."""


def conflicts_json(cards: list[Any]) -> dict[str, Any]:
    """The `--json` document: {"conflicts": [card, …]} with each card's figures and disagreeing pairs."""
    return {"conflicts": [dataclasses.asdict(card) for card in cards]}


def _value(figure: Any) -> str:
    """A figure's value as shown: 9 600, 3–5, ~20 000, >75."""
    marks = {"about": "~", "more_than": ">", "at_least": "≥", "up_to": "≤", "less_than": "<"}
    shown = f"{figure.value:,.0f}".replace(",", " ") if float(figure.value).is_integer() else f"{figure.value:g}"
    if figure.value_max is not None:
        shown += f"–{figure.value_max:g}"
    return marks.get(figure.qualifier, "") + shown


def conflicts_table(cards: list[Any]) -> Table:
    """One row per card: indicator, moment, kind, spread, and its figures with their sources."""
    table = Table(title=Text(f"{len(cards)} conflict{'s' if len(cards) != 1 else ''}"), show_lines=True,
                  expand=True)
    for name in ("#", "Indicator", "Period", "Kind", "Spread", "Figures"):
        table.add_column(name, overflow="fold")
    for n, card in enumerate(cards, 1):
        clashing = {i for pair in card.pairs for i in pair}
        lines = Text()
        for i, f in enumerate(card.figures):
            lines.append(("! " if i in clashing else "  ") + _value(f), style="bold" if i in clashing else None)
            lines.append(f"  {f.source_kind} · {f.doc} p.{f.page or '-'} · «{common.one_line(f.text)}»\n")
        table.add_row(str(n), card.label, card.period, card.kind, f"{card.spread:.0%}", lines)
    return table


IndicatorOption = Annotated[str | None, typer.Option("--indicator", help="Only this indicator key.",
                                                   show_default=False)]
PlaceOption = Annotated[str | None, typer.Option("--place", help="Only cards about this place.", show_default=False)]
SinceOption = Annotated[dt.datetime | None, typer.Option(
    "--since", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", show_default=False,
    help="Only conflicts first seen on or after this day.")]
RecomputeOption = Annotated[bool, typer.Option("--recompute", help="Recompute every card first.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document with every card.")]
ClaimReviewOption = Annotated[str | None, typer.Option(
    "--claimreview", metavar="CARD_ID", show_default=False,
    help="Print one card as a schema.org ClaimReview JSON-LD fact-check draft.")]
BaseUrlOption = Annotated[str | None, typer.Option(
    "--base-url", metavar="URL", show_default=False,
    help="The explorer's address, for absolute links in --claimreview (e.g. http://localhost:8501/).")]


def claimreview_json(engine: Any, card_id: str, base_url: str | None) -> dict[str, Any] | None:
    """The ClaimReview draft of one card, or None when there is no such active card."""
    import corpus

    view = corpus.get_conflict_view(engine, card_id.strip())
    return corpus.claim_review(view.card, view.hits, base_url=base_url) if view else None


def _print_json(document: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    sys.stdout.flush()


def conflicts_command(indicator: IndicatorOption = None, place: PlaceOption = None, since: SinceOption = None,
                      recompute: RecomputeOption = False, as_json: JsonOption = False,
                      claimreview: ClaimReviewOption = None, base_url: BaseUrlOption = None,
                      db: DbOption = None) -> None:
    """Figures that disagree: one card per indicator and moment, with every figure and the pairs that clash."""
    import corpus

    engine = common.open_engine(db)
    try:
        if recompute:
            corpus.recompute_conflicts(engine)
        draft = claimreview_json(engine, claimreview, base_url) if claimreview is not None else None
        cards = [] if claimreview is not None else corpus.list_conflicts(
            engine, indicator=indicator, place=place, since=since.date() if since else None)
    except common.known_errors() as exc:
        raise common.fatal(common.exception_reason(exc)) from None
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        raise common.fatal(f"conflicts failed: {common.exception_reason(exc)}") from None
    if claimreview is not None:
        if draft is None:
            raise common.fatal(f"no conflict card {claimreview!r} (`saual conflicts` lists the card ids)")
        _print_json(draft)
    elif as_json:
        _print_json(conflicts_json(cards))
    elif not cards:
        common.say_error("no conflicts")
    else:
        common.stdout_console().print(conflicts_table(cards))
