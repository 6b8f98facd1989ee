"""The TXT and HTML readers through ingest.read(): TXT (encodings, paragraphs, date line), HTML (main
text, title, date), and their one-line errors (DOCX: tests/test_readers_docx.py)."""

from __future__ import annotations

import codecs
import datetime as dt
import random
from pathlib import Path

import pytest

import ingest
from ingest import IngestError
from ingest.html import NO_TEXT, page_metadata, parse_date
from ingest.text import UNDECODABLE, decode_text, join_wrapped, split_paragraphs, strip_metadata_line

from .conftest import DATA, SEEDS

HTML = DATA / "html"
RU_PROSE = ("Вице-министр труда и социальной защиты населения рассказал сенаторам о текущей ситуации "
            "с трудовой миграцией. Всего за границей работают 126 тыс. казахстанцев.")
KK_PROSE = ("Еңбек миграциясы қазір өте өзекті мәселеге айналды. Өзге елге жұмыс іздеп кеткен "
            "қазақстандықтардың саны мыңдап саналады.")
RU_SHORT = ["ДЕПУТАТСКИЙ ЗАПРОС", "Уважаемый министр!", "Оглашено 21 мая 2025 года", "привет мир", "Привет"]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def texts(doc: ingest.Document) -> list[str]:
    return [doc.text[p.start:p.end] for p in doc.paragraphs]


# --- TXT: encodings -------------------------------------------------------------------------------

ENCODING_CASES = [
    (RU_PROSE, "utf-8", "utf-8"),
    (RU_PROSE, "utf-8-sig", "utf-8-bom"),
    (KK_PROSE, "utf-8-sig", "utf-8-bom"),
    (RU_PROSE, "utf-16", "utf-16-le-bom"),
    (KK_PROSE, "utf-16-be", "utf-16-be"),  # no BOM
    (KK_PROSE, "utf-16-le", "utf-16-le"),  # no BOM
    (RU_PROSE, "utf-16-le", "utf-16-le"),
    (RU_PROSE, "cp1251", "cp1251"),
    (RU_PROSE, "koi8_r", "koi8_r"),  # the trap: cp1251 and KOI8-R both decode anything
    (KK_PROSE, "kz1048", "kz1048"),  # Kazakh 8-bit (cp1251 has no ә, ғ, қ, ң, ө, ұ, ү, һ)
    ("Latin only text, plain ASCII.", "ascii", "utf-8"),
] + [(s, "cp1251", "cp1251") for s in RU_SHORT] + [(s, "koi8_r", "koi8_r") for s in RU_SHORT] \
  + [(s, "utf-16-le", "utf-16-le") for s in RU_SHORT]


@pytest.mark.parametrize("text, encoding, expected", ENCODING_CASES)
def test_decode_text_table(text, encoding, expected):
    decoded = decode_text(text.encode(encoding))
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (text, expected)


@pytest.mark.parametrize("encoding, found", [
    ("cp1251", "cp1251"), ("koi8_r", "koi8_r"), ("utf-16", "utf-16-le-bom"), ("utf-16-le", "utf-16-le"),
    ("utf-8-sig", "utf-8-bom"), ("kz1048", "kz1048"),
])
def test_read_txt_in_any_encoding(tmp_path, encoding, found):
    body = KK_PROSE if encoding == "kz1048" else RU_PROSE
    source = f"Заголовок\n\n{body}\n" if encoding != "kz1048" else f"Тақырып\n\n{body}\n"
    doc = ingest.read(write(tmp_path, "note.txt", source.encode(encoding)))
    assert doc.format == "txt"
    assert texts(doc) == [source.split("\n")[0], body]
    assert "\ufeff" not in doc.text
    assert doc.metadata["encoding"] == found
    assert doc.language == ("kk" if encoding == "kz1048" else "ru")


def _random_bytes(n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


@pytest.mark.parametrize("data", [
    _random_bytes(4000, 1),
    _random_bytes(4001, 2),
    bytes(range(1, 32)) * 40,                       # control characters, valid UTF-8
    codecs.BOM_UTF8 + b"\xff\xfe\xfa broken",       # a UTF-8 BOM, then not UTF-8
    b"\x00\x01\x02\x03" * 300,                      # NULs everywhere, not UTF-16 text either
    bytes(range(0x80, 0xC0)) * 30,                  # 8-bit symbols only: box drawing in KOI8-R, Ђ‰Џ in cp1251
], ids=["random", "random-odd", "controls", "bad-after-bom", "nul-controls", "high-symbols"])
def test_undecodable_text_is_a_one_line_error(tmp_path, data):
    path = write(tmp_path, "junk.txt", data)
    with pytest.raises(IngestError) as err:
        ingest.read(path)
    assert str(err.value) == f"{path}: {UNDECODABLE}"
    assert "\n" not in str(err.value)


# --- TXT: paragraphs and the date line ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # one line per paragraph (the news seed's shape), trailing spaces dropped
    ("Первый абзац.  \n\nВторой абзац.\n", ["Первый абзац.", "Второй абзац."]),
    # wrapped prose inside a block is joined; a blank line closes the paragraph
    ("Бұл бірінші жол, ол\nжалғасады және бітеді.\n\nЕкінші абзац.",
     ["Бұл бірінші жол, ол жалғасады және бітеді.", "Екінші абзац."]),
    # lines without wrapping (each its own sentence, short) stay separate paragraphs
    ("Трудности с переводом.\nОтказы банков.\nРиск мошенничества.",
     ["Трудности с переводом.", "Отказы банков.", "Риск мошенничества."]),
    # a short heading line above the body in the same block stays its own paragraph
    ("Меры по легализации\nВице-министр подчеркнул важность соблюдения законодательства страны.",
     ["Меры по легализации", "Вице-министр подчеркнул важность соблюдения законодательства страны."]),
    # a blank line in the middle of a sentence (a page break) is bridged
    ("Өзге елге жұмыс\n\nіздеп кеткен азаматтар.", ["Өзге елге жұмыс іздеп кеткен азаматтар."]),
    # list items start paragraphs even inside a wrapped block
    ("Ұсыныстар:\n1. Бірінші ұсыныс мәтіні осында жазылған және ол\nжалғасады.\n 2. Екінші ұсыныс.",
     ["Ұсыныстар:", "1. Бірінші ұсыныс мәтіні осында жазылған және ол жалғасады.", "2. Екінші ұсыныс."]),
    # wrapped lines of a long paragraph go on after a capitalised word (a name)
    (("Азаматтарымыз заңдық тұрғыда еш қорғансыз қалып жатыр. Оның бір дәлелі\n"
     "Оңтүстік Кореяда еңбек етіп жатқан отандастарымыз."),
     [("Азаматтарымыз заңдық тұрғыда еш қорғансыз қалып жатыр. Оның бір дәлелі "
      "Оңтүстік Кореяда еңбек етіп жатқан отандастарымыз.")]),
    # CRLF and form feeds
    ("Раз.\r\nДва.\r\n\fТри.", ["Раз.", "Два.", "Три."]),
    # runs of spaces and tabs inside a line collapse
    ("себебі  екіжақты\tкелісім.", ["себебі екіжақты келісім."]),
])
def test_split_paragraphs_table(text, expected):
    assert split_paragraphs(text) == expected


@pytest.mark.parametrize("left, right, expected", [
    ("мемле-", "кеттік", "мемлекеттік"),          # a known word: the hyphen was a soft break
    ("тиісті іс-", "шаралар", "тиісті іс-шаралар"),  # a real hyphenated word stays
    ("берілетін Е-", "9 визасы", "берілетін Е-9 визасы"),
    ("(одан әрі -", "EPS)", "(одан әрі - EPS)"),   # a dash, not a hyphen
    ("90%-", "ына", "90%-ына"),
    ("бір", "екі", "бір екі"),
])
def test_join_wrapped_table(left, right, expected):
    assert join_wrapped(left, right) == expected


@pytest.mark.parametrize("text, date, body_start", [
    (" date 2025-10-09 Қазақ тіліне аудару\n\nТекст.", dt.date(2025, 10, 9), "\nТекст."),
    ("\n\ndate 2024-02-29\nТекст.", dt.date(2024, 2, 29), "Текст."),
    ("Текст.\ndate 2025-10-09", None, "Текст."),           # only a leading line counts
    ("date 2025-13-40 x\nТекст.", None, "date 2025-13-40"),  # not a date: kept
    ("dated 2025-10-09\nТекст.", None, "dated"),
])
def test_strip_metadata_line_table(text, date, body_start):
    body, found, _ = strip_metadata_line(text)
    assert found == date
    assert body.startswith(body_start)


def test_news_seed_one_paragraph_per_line_and_date_line():
    seed = next(p for p in SEEDS if p.name.startswith("000_"))
    doc = ingest.read(seed)
    paragraphs = texts(doc)
    lines = [l.strip() for l in seed.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert paragraphs == [" ".join(l.split()) for l in lines[1:]]  # every body line, metadata line dropped
    assert doc.date == dt.date(2025, 10, 9)
    assert "date 2025" not in doc.text and "Қазақ тіліне аудару" not in doc.text
    assert doc.metadata["header_line"].startswith("date 2025-10-09")
    assert doc.language == "ru"
    assert all(p.language == "ru" for p in doc.paragraphs)


def test_inquiry_seed_wrapped_prose_joined():
    seed = next(p for p in SEEDS if p.name.startswith("003_"))
    doc = ingest.read(seed)
    paragraphs = texts(doc)
    assert paragraphs[:2] == ["ДЕПУТАТТЫҚ САУАЛ", "Құрметті Әлихан Асханұлы!"]
    assert paragraphs[2].startswith("Еңбек миграциясы") and paragraphs[2].endswith("отандастырымыз.")
    assert "Өзге елге жұмыс іздеп кеткен" in paragraphs[2]   # bridged over a blank line
    assert "Оның бір дәлелі Оңтүстік Кореяда" in paragraphs[2]
    assert "іс-шаралар" in doc.text                          # over a blank line, hyphen kept
    assert "EPS-ге" in doc.text and "Employment Permit" in doc.text  # look-alikes normalised
    assert "ЕРS" not in doc.text and "Еmployment" not in doc.text
    numbered = [p for p in paragraphs if p[:2] in ("1.", "2.")]
    assert [p[:14] for p in numbered] == ["1. Қазақстанды", "2. Екі ел арас"]
    assert numbered[0].endswith("іс-шаралар жоспарын пысықтауды тапсырамын.")
    assert paragraphs[-1] == "Осы депутаттық сауалға заңнамада белгіленген мерзім ішінде жазбаша жауап күтеміз."
    assert 12 <= len(paragraphs) <= 16
    assert doc.language == "kk"
    assert "  " not in doc.text and not any(line != line.strip() for line in doc.text.split("\n"))


# --- HTML -----------------------------------------------------------------------------------------

NEWS_BOILERPLATE = ["Происшествия", "cookie", "Поиск по сайту", "Все права защищены", "Читайте также",
                    "центр занятости для молодёжи", "Самое популярное", "Поделиться", "Теги", "просмотров",
                    "Главная", "Астана −2", "Реклама", "Қазақ тіліне аудару"]
PRESS_BOILERPLATE = ["Басты бет", "Министрлік туралы", "cookie", "Келісемін", "Барлық құқықтар қорғалған",
                     "Соңғы жаңалықтар", "Зейнетақы төлемдері", "Бөлісу", "Қаралды", "Сенім телефоны",
                     "Нашар көретіндерге", "Рус"]


def test_html_news_page_main_text_only():
    doc = ingest.read(HTML / "news_ru.html")
    assert doc.format == "html"
    assert doc.title == "Минтруд: за рубежом работают 126 тысяч казахстанцев"
    assert doc.date == dt.date(2025, 10, 9)
    for junk in NEWS_BOILERPLATE:
        assert junk not in doc.text, junk
    paragraphs = texts(doc)
    assert paragraphs[1].startswith("Казахстан намерен заключить новые соглашения")
    assert "Переговоры с Южной Кореей" in paragraphs  # the subheading is its own paragraph
    assert paragraphs[-1].startswith("В министерстве подчеркнули")
    assert all("\n" not in p for p in paragraphs)
    assert doc.language == "ru"
    assert doc.kind == "news"  # og:type article plus reported speech
    assert doc.metadata["url"].startswith("https://kaznews.example/")
    assert doc.metadata["og_type"] == "article"
    assert doc.pages == [ingest.PageSpan(1, 0, len(doc.text))] and doc.page_count is None


def test_html_press_release_keeps_its_list_and_drops_the_page():
    doc = ingest.read(HTML / "press_release_kk.html")
    assert doc.title == "Шетелде жұмыс істейтін азаматтардың құқықтары қорғалады"
    assert doc.date == dt.date(2025, 5, 15)
    for junk in PRESS_BOILERPLATE:
        assert junk not in doc.text, junk
    paragraphs = texts(doc)
    assert paragraphs[0].startswith("Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі")
    items = ["жеке жұмыспен қамту агенттіктерінің тізілімін жариялау;", "шетелге шығар алдында тегін кеңес беру;",
             "мигранттарға арналған call-орталықтың жұмысын кеңейту."]
    start = paragraphs.index(items[0])
    assert paragraphs[start:start + 3] == items  # the in-article list, item by item, in place
    assert paragraphs[start - 1].endswith("жоспарлап отыр:")
    assert paragraphs[-1] == "Қосымша ақпаратты министрліктің баспасөз қызметінен алуға болады."
    assert doc.language == "kk"


def test_html_legacy_charset_is_decoded(tmp_path):
    source = (HTML / "news_ru.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1251"')
    path = write(tmp_path, "news.html", source.encode("cp1251", errors="xmlcharrefreplace"))
    doc = ingest.read(path)
    assert doc.title == "Минтруд: за рубежом работают 126 тысяч казахстанцев"
    assert "Большинство из них, примерно 102 тысячи человек" in doc.text


def test_html_lookalikes_normalised(tmp_path):
    body = ("<p>Қазақстан «Еңбекке рұқсат беру жүйесіне» (Еmployment Permit System, ЕРS) қосылу "
            "мәселесін талқылады. Келіссөздер бірнеше жылдан бері жүріп жатыр, бірақ нәтиже әлі жоқ.</p>") * 3
    path = write(tmp_path, "a.html", f"<html><body><article>{body}</article></body></html>".encode())
    doc = ingest.read(path)
    assert "Employment Permit System, EPS" in doc.text and "ЕРS" not in doc.text


SHORT_PAGE = ("<html><head><title>Брифинг | Министрлік</title></head><body>{open}<header><a href='/'>Басты бет</a>"
              "</header><nav><a href='/news'>Жаңалықтар</a></nav><div class='cookie-bar'>Біз cookie қолданамыз</div>"
              "<article><h1>Брифинг өтеді</h1><p>Ертең сағат 11:00-де министрдің брифингі өтеді.</p></article>"
              "<footer>© 2025 Министрлік</footer>{close}</body></html>")


@pytest.mark.parametrize("wrap", [("", ""), ("<form id='aspnetForm'>", "</form>"),
                                  ("<div class='page cookie-ok'>", "</div>")], ids=["plain", "form", "wrapper"])
def test_html_short_page_drops_chrome(tmp_path, wrap):
    html = SHORT_PAGE.format(open=wrap[0], close=wrap[1])
    doc = ingest.read(write(tmp_path, "short.html", html.encode()))
    assert texts(doc) == ["Брифинг өтеді", "Ертең сағат 11:00-де министрдің брифингі өтеді."]
    assert doc.title == "Брифинг өтеді"


def test_html_page_wide_form_without_article_tags_is_kept(tmp_path):
    paragraphs = ["Министрлік шетелде еңбек ететін отандастарымыздың құқықтарын қорғау жұмысын жалғастырып жатыр.",
                  "Шет мемлекеттерде 126 мыңға жуық қазақстандық жұмыс істейді, олардың 15 мыңы Кореяда.",
                  "Корея Республикасымен еңбек көші-қоны туралы келісім бойынша келіссөздер жалғасуда."]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><body><form id='aspnetForm'><div class='menu'><a href='/'>Басты бет</a></div>"
            f"<div class='content'>{body}</div></form></body></html>")
    doc = ingest.read(write(tmp_path, "aspx.html", html.encode()))
    assert texts(doc)[-3:] == paragraphs


ARTICLE = ("<p>Министрлік шетелде еңбек ететін отандастарымыздың құқықтарын қорғау жөніндегі жұмысты "
           "жалғастырып жатыр. Шет мемлекеттерде 126 мыңға жуық қазақстандық жұмыс істейді.</p>") * 3


def test_html_copyright_year_is_not_a_date(tmp_path):
    html = f"<html><body><article>{ARTICLE}</article><div>© 2023 Министрлік</div></body></html>"
    doc = ingest.read(write(tmp_path, "p.html", html.encode()))
    assert doc.date is None


def test_html_date_from_the_page_url(tmp_path):
    head = '<link rel="canonical" href="https://www.gov.kz/memleket/news/2025/03/14/enbek">'
    doc = ingest.read(write(tmp_path, "p.html", _head(head, f"<article>{ARTICLE}</article>").encode()))
    assert doc.date == dt.date(2025, 3, 14)


@pytest.mark.parametrize("html", [
    ("<html><head><title>Басты бет</title></head><body><nav><a href='/'>Басты бет</a> <a href='/a'>Біз туралы</a>"
    "</nav><footer>© 2025</footer></body></html>"),
    "<!doctype html><html><body><div id='root'></div><script>window.app = {}</script></body></html>",
    "<html><body>   </body></html>",
], ids=["menu-only", "js-shell", "blank-body"])
def test_html_without_main_text_is_an_error(tmp_path, html):
    path = write(tmp_path, "page.html", html.encode())
    with pytest.raises(IngestError) as err:
        ingest.read(path)
    assert str(err.value) == f"{path}: {NO_TEXT}"


def _head(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("html, title, date", [
    (_head('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "H",'
           ' "datePublished": "2025-03-01T09:00:00+05:00"}]}</script>'), "H", dt.date(2025, 3, 1)),
    (_head('<meta property="og:title" content="OG"><meta property="article:published_time" '
           'content="2025-04-02">'), "OG", dt.date(2025, 4, 2)),
    (_head("", '<article><time datetime="2025-05-03T10:00">3 мая</time></article>'), None, dt.date(2025, 5, 3)),
    (_head('<meta name="date" content="04.06.2025">'), None, dt.date(2025, 6, 4)),
    (_head('<script type="application/ld+json">{not json</script>'), None, None),
    (_head("", '<header><time datetime="2020-01-01">today</time></header>'), None, None),  # not the article's
])
def test_page_metadata_table(html, title, date):
    from trafilatura.utils import load_html

    meta = page_metadata(load_html(html))
    assert meta.get("title") == title
    assert meta.get("date") == date


@pytest.mark.parametrize("value, expected", [
    ("2025-10-09T10:42:00+05:00", dt.date(2025, 10, 9)), ("2025-10-09", dt.date(2025, 10, 9)),
    ("09.10.2025", dt.date(2025, 10, 9)), ("2025-02-30", None), ("вчера", None), (None, None), (20251009, None),
])
def test_parse_date_table(value, expected):
    assert parse_date(value) == expected


def test_html_json_ld_article_type_is_kept(tmp_path):
    page = tmp_path / "ld.html"
    page.write_text(
        '<html lang="ru"><head><title>Новость</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Квоты на 2026 год",'
        ' "datePublished": "2025-11-03"}</script></head><body><article><h1>Квоты на 2026 год</h1>'
        "<p>Министерство труда утвердило квоты на привлечение иностранной рабочей силы на 2026 год."
        " Об этом рассказали в ведомстве, отметив рост спроса в строительстве.</p></article></body></html>",
        encoding="utf-8")
    doc = ingest.read(page)
    assert doc.metadata["schema_type"] == "NewsArticle"
    assert doc.date == dt.date(2025, 11, 3)
    assert doc.kind == "news"
