"""Demands directed to the addressees of their part (nlp.analyze.direct_demands): the run of address
entries before a demand; a bilingual inquiry addresses each half anew."""

from __future__ import annotations

from nlp import Analysis
from nlp.analysis import Addressee, Demand
from nlp.analyze import direct_demands


def A(start: int, name: str, name_en: str | None = None) -> Addressee:
    return Addressee(text=name, start=start, end=start + len(name), name=name, name_en=name_en)


def D(start: int) -> Demand:
    return Demand(text="x", start=start, end=start + 1, type="proposal")


def test_each_half_is_directed_to_its_own_block_and_several_addressees_join() -> None:
    analysis = Analysis(addressee=[A(10, "Премьер-Министрі", "Olzhas Bektenov"), A(60, "Министр", "Marat Karabayev"),
                                   A(900, "Премьер-Министру", "Olzhas Bektenov")],
                        demands=[D(400), D(500), D(1200)])
    direct_demands(analysis)
    assert [d.directed_to for d in analysis.demands] == ["Olzhas Bektenov; Marat Karabayev"] * 2 + ["Olzhas Bektenov"]


def test_a_name_without_english_and_demands_before_any_block() -> None:
    analysis = Analysis(addressee=[A(300, "Ермек Бахытжанович")], demands=[D(100), D(400)])
    direct_demands(analysis)
    assert [d.directed_to for d in analysis.demands] == ["Ермек Бахытжанович"] * 2
    empty = Analysis(demands=[D(5)])
    direct_demands(empty)
    assert empty.demands[0].directed_to is None
