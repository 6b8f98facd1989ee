"""The DOCX reader through ingest.read(): body, tables, headers kept out, tracked changes, titles, and
one-line errors for corrupt or empty files."""

from __future__ import annotations

import io
import zipfile

import pytest

import ingest
from ingest import IngestError
from ingest.docx import meaningful_title
from tests.test_readers import texts, write


def make_docx(title: str = "Еңбек мигранттарының құқықтары туралы депутаттық сауал") -> bytes:
    """A small inquiry as python-docx writes it: header/footer, table with a merged cell, nested table."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    section = document.sections[0]
    section.header.paragraphs[0].text = "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ПАРЛАМЕНТІ МӘЖІЛІСІНІҢ ДЕПУТАТЫ"
    section.footer.paragraphs[0].text = "Орын.: М.Ырысбекұлы, тел.: 74-63-61"
    document.add_paragraph("Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрі")
    document.add_paragraph("ДЕПУТАТТЫҚ САУАЛ")
    document.add_paragraph("Құрметті Светлана Жақыпқызы!")
    document.add_paragraph("Ресми дерек бойынша Оңтүстік Кореяда еліміздің 9600 азаматы заңсыз\tеңбек "
                           "мигранты болып жұмыс істеді. Корея ЕРS жүйесіне қосылу мәселесі шешілмеді.")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Жыл", "Заңсыз мигранттар"
    table.cell(1, 0).text, table.cell(1, 1).text = "2019", "10 707"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Дереккөз: Еңбек министрлігі"
    frame = document.add_table(rows=1, cols=1)  # a one-cell "frame" table around long text
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "Ұсыныстар:"
    cell.add_paragraph("1. Еңбекке рұқсат беру жүйесіне қосылу жоспарын пысықтау.")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "2020", "8 902"
    document.add_paragraph("")
    run = document.add_paragraph("Депутаттар:").add_run()
    run.add_break()
    run.add_text("А.Әлтай")
    document.add_paragraph("Осы сауалға заңнамада белгіленген мерзімде жазбаша жауап беруіңізді сұраймын.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_body_tables_in_order_headers_out(tmp_path):
    doc = ingest.read(write(tmp_path, "inquiry.docx", make_docx()))
    assert doc.format == "docx"
    assert texts(doc) == [
        "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрі",
        "ДЕПУТАТТЫҚ САУАЛ",
        "Құрметті Светлана Жақыпқызы!",
        ("Ресми дерек бойынша Оңтүстік Кореяда еліміздің 9600 азаматы заңсыз еңбек мигранты болып жұмыс "
        "істеді. Корея EPS жүйесіне қосылу мәселесі шешілмеді."),
        "Жыл | Заңсыз мигранттар",
        "2019 | 10 707",
        "Дереккөз: Еңбек министрлігі",           # a merged cell is read once
        "Ұсыныстар:",
        "1. Еңбекке рұқсат беру жүйесіне қосылу жоспарын пысықтау.",
        "2020 | 8 902",                           # nested table
        "Депутаттар: А.Әлтай",                    # a manual line break is a space
        "Осы сауалға заңнамада белгіленген мерзімде жазбаша жауап беруіңізді сұраймын.",
    ]
    assert "ПАРЛАМЕНТІ" not in doc.text and "74-63-61" not in doc.text
    assert doc.metadata["headers"] == ["ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ПАРЛАМЕНТІ МӘЖІЛІСІНІҢ ДЕПУТАТЫ"]
    assert doc.metadata["footers"] == ["Орын.: М.Ырысбекұлы, тел.: 74-63-61"]
    assert doc.title == "Еңбек мигранттарының құқықтары туралы депутаттық сауал"
    assert doc.language == "kk"
    assert doc.page_count is None


def test_docx_tracked_changes_hyperlinks_and_content_controls(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Мигранттар саны ")
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>15 мың</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>11 мың</w:delText>'
                                  "</w:r></w:del>"))
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t xml:space="preserve"> (enbek.gov.kz)'
                                  "</w:t></w:r></w:hyperlink>"))
    paragraph.add_run(".")
    document.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Шығыс № ДС-244</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    out = io.BytesIO()
    document.save(out)
    doc = ingest.read(write(tmp_path, "tracked.docx", out.getvalue()))
    assert texts(doc) == ["Шығыс № ДС-244", "Мигранттар саны 15 мың (enbek.gov.kz)."]


@pytest.mark.parametrize("title, expected", [
    ("Еңбек мигранттары туралы", "Еңбек мигранттары туралы"),
    ("  Ответ на депутатский  запрос ", "Ответ на депутатский запрос"),
    ("Документ1", None), ("Document 2", None), ("Microsoft Word - 8925.docx", None), ("Құжат", None),
    ("Microsoft Word - Депутатский запрос", "Депутатский запрос"), ("", None), (None, None), ("--", None),
    ("сауал_8925.doc", None),
])
def test_meaningful_title_table(title, expected):
    assert meaningful_title(title) == expected


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("make, reason", [
    (lambda: _zip({"notes.txt": b"hello"}), "not a Word document (zip archive without word/document.xml)"),
    (lambda: make_docx()[: len(make_docx()) // 2], "corrupt DOCX (truncated or damaged zip archive)"),
    (lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}), None),
], ids=["zip-not-docx", "truncated", "broken-xml"])
def test_corrupt_docx_is_a_one_line_error(tmp_path, make, reason):
    path = write(tmp_path, "broken.docx", make())
    with pytest.raises(IngestError) as err:
        ingest.read(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    if reason:
        assert message == f"{path}: {reason}"
    else:
        assert "DOCX" in message or "Word document" in message


def test_empty_docx_body_is_an_error(tmp_path):
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    path = write(tmp_path, "empty.docx", out.getvalue())
    with pytest.raises(IngestError, match="no text"):
        ingest.read(path)

