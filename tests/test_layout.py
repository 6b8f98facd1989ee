"""Unit tests of ingest.layout and ingest.lookalike rules on hand-made lines and glyphs."""

from __future__ import annotations

import pytest

from ingest.layout import (
    Glyph,
    Line,
    Page,
    analyse,
    build_blocks,
    build_lines,
    cut_stamps,
    find_furniture,
    join_lines,
    rotated_lines,
)
from ingest.lexicon import is_known_word
from ingest.lookalike import normalise_lookalikes

KNOWN = {"экономикалық", "шаралар", "правительство", "мемлекеттік"}


def known(word: str) -> bool:
    return word.lower() in KNOWN


@pytest.mark.parametrize("left, right, expected", [
    ("әлеуметтік-эконо-", "микалық жағдай", "әлеуметтік-экономикалық жағдай"),
    ("іс-", "шаралар өтті", "іс-шаралар өтті"),          # kept: "ісшаралар" is no word
    ("көші-", "қон мәселесі", "көші-қон мәселесі"),
    ("Шри-", "Ланка", "Шри-Ланка"),                       # capital after lower case: a compound name
    ("Е-", "9 визасы", "Е-9 визасы"),                     # a digit after the hyphen
    ("7-", "ші сынып", "7-ші сынып"),
    ("олардың 90%-", "ына зерттеу", "олардың 90%-ына зерттеу"),
    ("(одан әрі -", "Агенттік)", "(одан әрі - Агенттік)"),  # a dash after a space stays a dash
    ("Саяқ –", "Балқаш", "Саяқ – Балқаш"),
    ("прави-", "тельство решило", "правительство решило"),
    ("мемле\u00ad", "кеттік", "мемлекеттік"),             # soft hyphen always joins
    ("обычная строка", "дальше", "обычная строка дальше"),
    ("", "только правая", "только правая"),
])
def test_join_lines(left, right, expected):
    assert join_lines(left, right, known) == expected


def test_join_lines_keeps_a_compound_used_elsewhere():
    assert join_lines("прави-", "тельство", known, compounds={"прави-тельство"}) == "прави-тельство"


@pytest.mark.parametrize("word, expected", [
    ("мемлекеттік", True), ("тұрғындарының", True), ("правительство", True),
    ("экономического", True), ("шаралар", True), ("ісшаралар", False), ("шриланка", False),
    ("жжжжжж", False),
])
def test_lexicon(word, expected):
    assert is_known_word(word) is expected


@pytest.mark.parametrize("text, expected", [
    ("ЕРS жүйесі", "EPS жүйесі"),              # majority by letters that exist in one script only
    ("Еmployment Permit System", "Employment Permit System"),
    ("мемлекеттiк", "мемлекеттік"),              # Latin i inside a Kazakh word
    ("Астанa", "Астана"),
    ("EPS және ЕРС", "EPS және ЕРС"),            # single-script words untouched
    ("COVID-19, Tele2, iPhone", "COVID-19, Tele2, iPhone"),
    ("Қазақстан Kazakhstan", "Қазақстан Kazakhstan"),
])
def test_normalise_lookalikes(text, expected):
    assert normalise_lookalikes(text) == expected


@pytest.mark.parametrize("text, rest, stamp", [
    ("22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", "", "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    ("сұраймын. 23.05.2025 ЕСЭДО ГО (версия 7.23.0)", "сұраймын.", "23.05.2025 ЕСЭДО ГО (версия 7.23.0)"),
    ("01.02.2024 СЭД (version 3.1) text", "text", "01.02.2024 СЭД (version 3.1)"),
    ("21.05.2025ж. жарияланды", "21.05.2025ж. жарияланды", None),
    ("от 01.01.2024 ТОО (см. 1.2)", "от 01.01.2024 ТОО (см. 1.2)", None),
])
def test_cut_stamps(text, rest, stamp):
    got_rest, found = cut_stamps(text)
    assert got_rest == rest
    assert [m.group(0) for m in found] == ([stamp] if stamp else [])


def _line(page, text, top, x0=57.0, x1=540.0, size=14.0):
    return Line(page=page, text=text, x0=x0, x1=x1, top=top, bottom=top + size, size=size)


def test_furniture_needs_position_and_repetition():
    heights = {1: 842.0, 2: 842.0, 3: 842.0}
    pages = [
        [_line(1, "Body text one", 300), _line(1, "Қазақстан Республикасы Парламенті", 20)],
        [_line(2, "2", 20, 290, 300), _line(2, "Body text", 300), _line(2, "Қазақстан Республикасы Парламенті", 20)],
        [_line(3, "3", 20, 290, 300), _line(3, "Body text", 300), _line(3, "Қазақстан Республикасы Парламенті", 20),
         _line(3, "4", 400, 290, 300)],  # a lone number in the middle of the page is body text
    ]
    removed = find_furniture(pages, heights)
    texts = sorted((ln.page, ln.text) for page in pages for ln in page if id(ln) in removed)
    assert texts == [(1, "Қазақстан Республикасы Парламенті"), (2, "2"), (2, "Қазақстан Республикасы Парламенті"),
                     (3, "3"), (3, "Қазақстан Республикасы Парламенті")]


def test_repeated_line_in_body_area_is_kept():
    heights = {1: 842.0, 2: 842.0}
    pages = [[_line(1, "Құрметпен,", 400)], [_line(2, "Құрметпен,", 400)]]
    assert find_furniture(pages, heights) == set()


def test_paragraphs_from_indent_gap_and_list_markers():
    lines = [
        _line(1, "Бірінші абзац басталады және", 100, x0=93),
        _line(1, "жалғасады.", 118.5, x1=200),
        _line(1, "Екінші абзац шегініссіз, бірақ алдыңғы жол қысқа.", 137),
        _line(1, "1) бірінші тармақ", 155.5, x0=93),
        _line(1, "2) екінші тармақ", 174, x0=93),
        _line(1, "Бос жолдан кейінгі абзац", 230),
        _line(2, "келесі бетте жалғасады.", 60, x1=300),
    ]
    blocks = build_blocks(lines, known)
    assert [b.text for b in blocks] == [
        "Бірінші абзац басталады және жалғасады.",
        "Екінші абзац шегініссіз, бірақ алдыңғы жол қысқа.",
        "1) бірінші тармақ",
        "2) екінші тармақ",
        "Бос жолдан кейінгі абзац келесі бетте жалғасады.",
    ]
    assert blocks[-1].pieces == [(1, "Бос жолдан кейінгі абзац"), (2, "келесі бетте жалғасады.")]


def _glyphs(text, x, top, size=14.0, direction=0):
    out = []
    for ch in text:
        if direction == 90:  # reading bottom to top: x fixed, top decreasing
            out.append(Glyph(ch, x, x + size, top - 5, top, size, 90))
            top -= 5
        else:
            out.append(Glyph(ch, x, x + 6, top, top + size, size, 0))
            x += 6
    return out


def test_build_lines_and_columns():
    glyphs = _glyphs("Оглашено 21 мая", 57, 100) + _glyphs("Премьеру", 400, 101) + _glyphs("келесі жол", 57, 120)
    lines = build_lines(1, glyphs)
    assert [ln.text for ln in lines] == ["Оглашено 21 мая", "Премьеру", "келесі жол"]


def test_rotated_stamp_goes_to_metadata_not_body():
    stamp = "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"
    glyphs = _glyphs("Мәтін бірінші жолы, ол ұзағырақ және басқа.", 57, 100) + _glyphs(stamp, 575, 700, 5, 90)
    assert rotated_lines([g for g in glyphs if g.direction == 90]) == [stamp]
    layout = analyse([Page(1, 595, 842, glyphs)], known)
    assert [b.text for b in layout.blocks] == ["Мәтін бірінші жолы, ол ұзағырақ және басқа."]
    assert [s.text for s in layout.stamps] == [stamp]
    assert layout.stamps[0].date == "2025-05-22" and layout.stamps[0].version == "7.23.0"


@pytest.mark.parametrize("stream, expected", [
    (b"q 1 0 0 1 5 5 cm 10 20 m 30 40 l 1 2 3 4 5 6 c h f Q", b"q\n1 0 0 1 5 5 cm\nQ\n"),
    (b"/P <</MCID 3>> BDC BT /F1 12 Tf 1 0 0 1 57 700 Tm [(a)-3(b)] TJ ET EMC",
     b"BT\n/F1 12 Tf\n1 0 0 1 57 700 Tm\n[(a)-3(b)] TJ\nET\n"),
    (b"BT [(10 20 m \\) re \\(x)] TJ ET", b"BT\n[(10 20 m \\) re \\(x)] TJ\nET\n"),  # operators inside strings stay
    (b"BT <0012003A> Tj ET 0 0 1 rg 0 0 10 10 re f", b"BT\n<0012003A> Tj\nET\n"),
    (b"q BI /W 1 /H 1 ID \x00\xff EI Q", b"q BI /W 1 /H 1 ID \x00\xff EI Q"),  # inline image: unchanged
    (b"BT [(unbalanced] TJ ET", b"BT [(unbalanced] TJ ET"),
])
def test_text_operators_only(stream, expected):
    from ingest.pdf_content import text_operators_only

    assert text_operators_only(stream) == expected


def test_operations_values_match_pdfminer_conventions():
    from pdfminer.psparser import LIT

    from ingest.pdf_content import operations

    stream = (b"0 0 1 rg 10 20 m 30 40 l S /GS7 gs BT /F#31 12 Tf 1 0 0 1 57.5 -7 Tm "
              b"[(a\\)b\\101\\\nc)-3.5<00 4>] TJ (x\\ny) Tj ET")
    assert operations(stream) == [
        (b"gs", [LIT("GS7")]), (b"BT", []), (b"Tf", [LIT("F1"), 12]),
        (b"Tm", [1, 0, 0, 1, 57.5, -7]), (b"TJ", [[b"a)bAc", -3.5, b"\x00\x40"]]), (b"Tj", [b"x\ny"]),
        (b"ET", []),
    ]
