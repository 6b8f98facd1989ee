"""corpus.rows: every registered nlp extractor has a table, and items map onto their row columns."""

from __future__ import annotations

import nlp
from corpus.rows import ROW_KINDS
from nlp import Entity, Figure


def test_every_registered_extractor_is_stored() -> None:
    stored = {kind.field for kind in ROW_KINDS}
    assert {ex.name for ex in nlp.extractors()} <= stored
    assert all(hasattr(nlp.Analysis(), field) for field in stored)


def test_figure_columns_include_derived_approx() -> None:
    fig = Figure(text="20 мыңға жуық", start=0, end=13, value=20000, qualifier="about", what="қазақстандық\x02")
    cols = next(k for k in ROW_KINDS if k.field == "figures").columns(fig)
    assert cols["approx"] is True and cols["value"] == 20000 and cols["qualifier"] == "about"
    assert cols["what"] == "қазақстандық "  # control characters cleaned
    assert "start" not in cols and "text" not in cols


def test_entity_id_is_stored_as_entity_id() -> None:
    ent = Entity(text="Бектенов", start=0, end=8, label="PER", canonical="Бектенов", id="official.bektenov")
    cols = next(k for k in ROW_KINDS if k.field == "entities").columns(ent)
    assert cols["entity_id"] == "official.bektenov" and cols["label"] == "PER"


def test_items_round_trip_through_their_rows() -> None:
    fig = Figure(text="20 мыңға жуық", start=3, end=16, value=20000, qualifier="about", page=2, year=2022,
                 place="South Korea", source_kind="unofficial")
    ent = Entity(text="Бектенов", start=0, end=8, label="PER", canonical="Бектенов", page=1,
                 id="official.bektenov", name_en="Olzhas Bektenov")
    for item in (fig, ent):
        kind = next(k for k in ROW_KINDS if isinstance(item, k.item))
        row = kind.row(document_id=1, start=item.start, end=item.end, text=item.text,
                       page=getattr(item, "page", None), **kind.columns(item))
        assert kind.item_of(row) == item
