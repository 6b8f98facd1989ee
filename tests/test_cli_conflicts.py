"""`saual conflicts`: the exact JSON shape score.py reads, the filters, the plain table and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import corpus
from tests.test_cli import SEEDS, runner, saual
from tests.test_corpus_conflicts import _seed
from tests.test_corpus_figures import ILLEGAL_KR
from ui import cli

CARD_KEYS = ["id", "indicator", "label", "place", "period", "kind", "spread", "first_seen", "figures", "pairs"]
FIGURE_KEYS = ["doc", "path", "document_id", "text", "value", "value_max", "qualifier", "unit", "year", "period",
               "source", "source_kind", "page", "start", "end"]


@pytest.fixture
def conflict_db(tmp_path: Path) -> str:
    """The seeds with hand-built figures (a 2022 official count and the inquiry's own ~20 000 estimate)."""
    url = f"sqlite:///{tmp_path / 'conflicts.db'}"
    engine = corpus.get_engine(url)
    _seed(engine)
    corpus.recompute_conflicts(engine)
    yield url
    corpus.close_engine(url)


def _cards(*args: str) -> list[dict]:
    result = runner.invoke(cli.app, ["conflicts", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["conflicts"]


def test_json_shape(conflict_db: str) -> None:
    [card] = _cards("--db", conflict_db)
    assert list(card)[:len(CARD_KEYS)] == CARD_KEYS  # the keys first, in order; extensions after
    assert list(card)[len(CARD_KEYS):] == ["bases", "confidence", "pairs_total"]
    assert len(card["bases"]) == len(card["pairs"]) == card["pairs_total"]
    assert all(list(f) == FIGURE_KEYS for f in card["figures"])
    assert card["indicator"] == ILLEGAL_KR and card["kind"] == "official vs unofficial"
    assert [(f["doc"], f["value"], f["qualifier"]) for f in card["figures"]] == [
        ("003_47f95be80caae6ce", 9600, "exact"), ("003_47f95be80caae6ce", 20000, "about")]
    assert card["pairs"] == [[0, 1]] and card["spread"] == 0.52 and card["first_seen"]


@pytest.mark.parametrize("args, count", [
    (["--indicator", ILLEGAL_KR], 1),
    (["--indicator", "present|persons|South Korea"], 0),
    (["--place", "South Korea"], 1),
    (["--place", "Russia"], 0),
    (["--since", "2000-01-01"], 1),
    (["--since", "2999-01-01"], 0),
])
def test_filters(conflict_db: str, args: list[str], count: int) -> None:
    assert len(_cards("--db", conflict_db, *args)) == count


def test_table_and_empty(conflict_db: str, tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["conflicts", "--db", conflict_db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1 conflict" in result.stdout and "~20 000" in result.stdout and "official vs unofficial" in result.stdout
    empty = runner.invoke(cli.app, ["conflicts", "--db", f"sqlite:///{tmp_path / 'empty.db'}"])
    assert empty.exit_code == 0 and "no conflicts" in empty.stderr


def test_recompute_and_ingest(tmp_path: Path) -> None:
    """Ingesting runs the recompute; --recompute rebuilds; the output is a JSON document either way."""
    url = f"sqlite:///{tmp_path / 'seeds.db'}"
    assert runner.invoke(cli.app, ["ingest", *map(str, SEEDS), "--db", url]).exit_code == 0
    listed = runner.invoke(cli.app, ["conflicts", "--json", "--recompute", "--db", url])
    assert listed.exit_code == 0, listed.output
    cards = json.loads(listed.stdout)["conflicts"]
    assert all(card["pairs"] for card in cards)
    corpus.close_engine(url)


@pytest.mark.parametrize("args, message", [
    (["--db", "mysql://u@h/db"], "saual: error: unsupported database"),
    (["--since", "yesterday"], "Invalid value"),
])
def test_errors_are_one_line(args: list[str], message: str) -> None:
    result = saual("conflicts", *args)
    assert result.returncode != 0 and message in result.stderr
    if message.startswith("saual"):
        assert len(result.stderr.strip().splitlines()) == 1
