"""Translation links of bilingual inquiries: golden tables of small kk+ru inquiries, the bilingual samples
(8930: one text in two halves; 8924: a mixed-language text, no halves), the contract, the stored links on
SQLite and PostgreSQL, and a translated figure pair counted once on the conflict cards."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import corpus
import ingest
from corpus.models import DemandRow, FigureRow
from nlp import analyze, demands_of, segment, to_contract
from nlp.translations import align, halves
from tests.conftest import SAMPLES
from tests.fixtures_db import synthetic_document

KK = [
    "Қазақстан Республикасының Премьер-Министрі О.А. Бектеновке",
    "ДЕПУТАТТЫҚ САУАЛ",
    "Құрметті Олжас Абайұлы!",
    "Алматы облысында 120 мектеп апатты жағдайда тұр. Балалар қайда оқиды? Бұл мәселе жылдар бойы шешілмей келеді.",
    "Ұсыныстар:",
    "1. Апатты мектептерді жөндеуге 5 млрд теңге бөлу.",
    "2. Жаңа мектептер салу бағдарламасын қабылдау.",
    "Ауыл мектептеріне қанша қаржы бөлінеді?",
    "Депутаттық сауалға заңнамада белгіленген мерзімде жазбаша жауап беруіңізді сұраймыз.",
]
RU = [
    "Премьер-Министру Республики Казахстан Бектенову О.А.",
    "ДЕПУТАТСКИЙ ЗАПРОС",
    "Уважаемый Олжас Абаевич!",
    ("В Алматинской области 120 школ находятся в аварийном состоянии. Где учиться детям? Эта проблема не решается "
     "годами."),
    "Предлагаем:",
    "1. Выделить 5 млрд тенге на ремонт аварийных школ.",
    "2. Принять программу строительства новых школ.",
    "3. Создать рабочую группу с участием родителей.",
    "Сколько средств будет выделено сельским школам?",
    "Прошу дать ответ в установленный законодательством срок.",
]
# untitled: two language runs, each most of its half
RUNS_KK = ["Ауыл жолдары жөндеуді қажет етеді, жолдардың жартысы апатты жағдайда тұр.", "Ұсыныстар:",
           "1. Жолдарды жөндеуге қаржы бөлу.", "2. Жөндеу сапасын тексеру."]
RUNS_RU = ["Сельские дороги требуют ремонта, половина дорог находится в аварийном состоянии.", "Предлагаем:",
           "1. Выделить средства на ремонт дорог.", "2. Проверить качество ремонта."]
# one text whose paragraphs change language (one title): no halves, nothing to pair
MIXED = [RU[0], RU[1], KK[3], RU[3], RU[4], RU[5], RU[6], KK[5], KK[8]]


def _doc(paragraphs: list[str], language: str = "kk+ru"):
    langs = ["kk" if any(c in "әғқңөұүһі" for c in p.lower()) else "ru" for p in paragraphs]
    return synthetic_document(list(zip(paragraphs, langs, strict=True)), kind="inquiry", language=language)


def _links(paragraphs: list[str], language: str = "kk+ru") -> list[tuple[str, str | None]]:
    """(first two words of each demand, first two words of its counterpart or None)."""
    found = demands_of(segment(_doc(paragraphs, language)))

    def words(d) -> str:
        return " ".join(d.text.split()[:2])

    return [(words(d), None if d.translation is None else words(found[d.translation])) for d in found]


KK_RU_LINKS = [
    ("Балалар қайда", "Где учиться"), ("1. Апатты", "1. Выделить"), ("2. Жаңа", "2. Принять"),
    ("Ауыл мектептеріне", "Сколько средств"), ("Депутаттық сауалға", "Прошу дать"),
    ("Где учиться", "Балалар қайда"), ("1. Выделить", "1. Апатты"), ("2. Принять", "2. Жаңа"),
    ("3. Создать", None), ("Сколько средств", "Ауыл мектептеріне"), ("Прошу дать", "Депутаттық сауалға"),
]
GOLDEN = [
    ("kk half then ru half", KK + RU, "kk+ru", KK_RU_LINKS),
    ("ru half then kk half", RU + KK, "ru+kk", KK_RU_LINKS[5:] + KK_RU_LINKS[:5]),
    ("untitled halves by language runs", RUNS_KK + RUNS_RU, "kk+ru", [
        ("1. Жолдарды", "1. Выделить"), ("2. Жөндеу", "2. Проверить"),
        ("1. Выделить", "1. Жолдарды"), ("2. Проверить", "2. Жөндеу")]),
    ("a monolingual document has no halves", RU, "ru", [
        ("Где учиться", None), ("1. Выделить", None), ("2. Принять", None), ("3. Создать", None),
        ("Сколько средств", None), ("Прошу дать", None)]),
]


@pytest.mark.parametrize(("name", "paragraphs", "language", "expected"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_demand_links(name: str, paragraphs: list[str], language: str, expected: list) -> None:
    assert _links(paragraphs, language) == expected


def test_a_mixed_language_text_has_no_halves() -> None:
    seg = segment(_doc(MIXED, "ru+kk"))
    assert halves(seg) is None
    assert all(d.translation is None for d in demands_of(seg))


def test_figures_of_the_two_halves_are_linked() -> None:
    figures = analyze(_doc(KK + RU)).figures
    linked = {(f.lang_part, f.value, figures[f.translation].lang_part, figures[f.translation].value)
              for f in figures if f.translation is not None}
    assert linked == {("kk", 120, "ru", 120), ("ru", 120, "kk", 120), ("kk", 5e9, "ru", 5e9), ("ru", 5e9, "kk", 5e9)}


@pytest.mark.parametrize(("weights", "expected"), [
    ([[1, 0], [0, 1]], [(0, 0), (1, 1)]),
    ([[0, 1], [1, 0]], [(0, 1)]),  # order kept: one crossing pair at most
    ([[0, 0], [0, 0]], []),  # nothing alike: nothing paired
    ([[1, 0, 0], [0, 0, 2]], [(0, 0), (1, 2)]),  # the other half's middle item stays unpaired
    ([[1, 3], [0, 1]], [(0, 1)]),  # the heavier pair wins over two lighter ones
    ([[-1, 0.5]], [(0, 1)]),
    ([], []),
])
def test_align_keeps_order_and_takes_the_heaviest_pairing(weights: list, expected: list) -> None:
    m = len(weights[0]) if weights else 0
    assert align(len(weights), m, lambda i, j: weights[i][j]) == expected


def _sample(name: str) -> tuple:
    doc = ingest.read(SAMPLES / "pdf" / f"{name}.pdf")
    return doc, analyze(doc)


def _pairs(items: list) -> list[tuple[int, int]]:
    return sorted((i, it.translation) for i, it in enumerate(items) if it.translation is not None and i < it.translation)


def test_sample_8930_halves_are_linked() -> None:
    doc, analysis = _sample("8930")
    demands, figures = analysis.demands, analysis.figures
    for items in (demands, figures):
        assert all(items[it.translation].translation == i for i, it in enumerate(items) if it.translation is not None)
    pairs = _pairs(demands)
    assert len(pairs) == 3 and len(demands) == 6
    assert all((demands[i].lang_part, demands[j].lang_part) == ("kk", "ru") for i, j in pairs)
    assert all(demands[i].number == demands[j].number and demands[i].type == demands[j].type for i, j in pairs)
    fig_pairs = _pairs(figures)
    assert len(fig_pairs) == 4
    assert all((figures[i].value, figures[i].unit) == (figures[j].value, figures[j].unit)
               and (figures[i].lang_part, figures[j].lang_part) == ("kk", "ru") for i, j in fig_pairs)
    unpaired = [f for f in figures if f.translation is None]
    assert [(f.lang_part, f.value) for f in unpaired] == [("kk", 100.0)]  # the Russian half says `весь рынок`
    contract = to_contract(doc, analysis)
    assert [d["translation"] for d in contract["demands"]] == [d.translation for d in demands]


def test_sample_8924_is_mixed_not_translated() -> None:
    _, analysis = _sample("8924")
    assert {d.lang_part for d in analysis.demands} == {"kk", "ru"}
    assert {f.lang_part for f in analysis.figures} == {"ru"}
    assert all(it.translation is None for it in analysis.demands + analysis.figures)


@pytest.fixture(scope="module")
def samples_engine(module_db_url: str):
    report = corpus.build_sample_corpus(module_db_url, SAMPLES)
    assert report.ok, report.failed
    return corpus.get_engine(module_db_url)


def _document_id(engine, stem: str) -> int:
    return next(d.id for d in corpus.list_documents(engine) if d.path.endswith(f"{stem}.pdf"))


def test_stored_links_point_at_each_other(samples_engine) -> None:
    doc_id = _document_id(samples_engine, "8930")
    with samples_engine.connect() as conn:
        for model, pairs in ((DemandRow, 3), (FigureRow, 4)):
            rows = {r.id: r for r in conn.execute(select(model).where(model.document_id == doc_id))}
            linked = [r for r in rows.values() if r.translation_of is not None]
            assert len(linked) == 2 * pairs
            assert all(rows[r.translation_of].translation_of == r.id and rows[r.translation_of].lang_part != r.lang_part
                       for r in linked)
        other = _document_id(samples_engine, "8924")
        assert conn.execute(select(FigureRow.id).where(FigureRow.document_id == other,
                                                       FigureRow.translation_of.is_not(None))).all() == []


def test_stored_document_gives_the_links_back(samples_engine) -> None:
    _, analysis = _sample("8930")
    stored = corpus.get_document(samples_engine, _document_id(samples_engine, "8930"))
    for field in ("demands", "figures"):
        assert [(it.start, it.translation) for it in getattr(stored, field)] == \
            [(it.start, it.translation) for it in getattr(analysis, field)]
    assert [d.label for d in stored.demands] == ["1", "2", "3"] * 2


def test_a_translated_pair_is_one_figure_on_the_cards_and_one_demand_in_the_count(samples_engine) -> None:
    doc_id = _document_id(samples_engine, "8930")
    with samples_engine.connect() as conn:
        linked = {(r.start, r.translation_of) for r in conn.execute(
            select(FigureRow.start, FigureRow.translation_of).where(FigureRow.document_id == doc_id))}
        starts = {r.id: r.start for r in conn.execute(select(FigureRow.id, FigureRow.start)
                                                      .where(FigureRow.document_id == doc_id))}
    copies = {frozenset((start, starts[other])) for start, other in linked if other is not None}
    cards = [c for c in corpus.list_conflicts(samples_engine) if any(f.document_id == doc_id for f in c.figures)]
    assert cards, "8930's disjoint shares (51 % domestic, > 75 % relocant) make a card"
    for card in cards:
        on_card = {f.start for f in card.figures if f.document_id == doc_id}
        assert not any(pair <= on_card for pair in copies)
        assert len(card.figures) == len({(f.document_id, f.value, f.qualifier) for f in card.figures})
    summary = next(s for s in corpus.list_inquiries(samples_engine) if s.id == doc_id)
    assert summary.demands == 3  # six rows: three proposals in each half


def test_long_halves_are_aligned_piece_by_piece() -> None:
    """Halves of more than PIECE demands (8930's lists repeated) are paired in pieces, all of them still."""
    doc = ingest.read(SAMPLES / "pdf" / "8930.pdf")
    cut = halves(segment(doc))[1].start
    paras = [(doc.text[p.start:p.end], p.language) for p in doc.paragraphs]
    first = [p for p, q in zip(paras, doc.paragraphs, strict=True) if q.start < cut]
    second = [p for p, q in zip(paras, doc.paragraphs, strict=True) if q.start >= cut]
    body = [p for p in first if "САУАЛ" not in p[0]], [p for p in second if "ЗАПРОС" not in p[0]]
    long = synthetic_document(first + body[0] * 80 + second + body[1] * 80, kind="inquiry", language="kk+ru")
    found = demands_of(segment(long))
    assert len(found) > 2 * 200 and all(d.translation is not None for d in found)
    assert all((d.number, d.type) == (found[d.translation].number, found[d.translation].type) for d in found)
