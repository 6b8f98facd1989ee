"""Whom an inquiry is addressed to: the officials of its address block, or of its salutation when there
is none (`Құрметті Әлихан Асханұлы!`), resolved in the gazetteer at the document's date.

Each language part of a bilingual inquiry gives its own addressee (with its own span).
"""

from __future__ import annotations

import datetime as dt

from ..analysis import Addressee
from ..extractors import extractor
from ..gazetteer import find_officials, find_positions, holders, load_officials, load_positions, post_at
from ..gazetteer.people import PersonMention
from ..lang import Segmentation
from .frame import Line, Part, cue, parts


def _when(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _position(official_id: str, header_post: str | None, when: str | None) -> str | None:
    """The position's English name: as the address block writes it, else the post held at the date."""
    posts = load_positions()
    if header_post in posts:
        return posts[header_post].name_en
    post = post_at(load_officials()[official_id], when)
    return posts[post.post_id].name_en if post and post.post_id in posts else None


def _block(header: tuple[Line, ...], text: str) -> tuple[int, str]:
    start = header[0].start
    return start, text[start:header[-1].end]


def _from_header(part: Part, text: str, when: str | None) -> list[Addressee]:
    """Every official named in the address block, each with the position written before the name."""
    if not part.header:
        return []
    offset, block = _block(part.header, text)
    lang = "kk" if any(line.lang == "kk" for line in part.header) or (
        part.title is not None and part.lines[part.title].lang == "kk") else "ru"
    posts = find_positions(block, lang)
    out: list[Addressee] = []
    for m in find_officials(block, lang, when):
        if any(a.name_en == m.name_en for a in out):
            continue
        before = [p.post_id for p in posts if p.end <= m.start]
        out.append(_addressee(m, offset, _position(m.id, before[-1] if before else None, when)))
    if not out and posts:  # a title without a name: whoever held the post at the date
        held = holders(posts[-1].post_id, when)
        if held:
            p = posts[-1]
            out.append(Addressee(p.text, offset + p.start, offset + p.end, held[0].full_name(lang),
                                 held[0].name_en, p.name_en))
    return out


def _addressee(m: PersonMention, offset: int, position: str | None) -> Addressee:
    return Addressee(m.text, offset + m.start, offset + m.end, m.canonical, m.name_en, position)


def _from_salutation(part: Part, text: str, when: str | None) -> list[Addressee]:
    """The official the salutation names (`Уважаемый Олжас Абаевич!`); unresolved names are kept bare."""
    if part.salutation is None:
        return []
    line = part.lines[part.salutation]
    opener = cue("salutation").search(line.text)
    name_start = line.start + (opener.end() if opener else 0)
    name = text[name_start:line.end].split("!")[0].split(",")[0]
    found = find_officials(name, line.lang, when)
    if found:
        return [_addressee(m, name_start, _position(m.id, None, when)) for m in found[:1]]
    bare = name.strip()
    if not bare:
        return []
    start = name_start + name.index(bare)
    return [Addressee(bare, start, start + len(bare), bare)]


@extractor("addressee", Addressee)
def extract_addressee(seg: Segmentation) -> list[Addressee]:
    """The addressees of an inquiry (none for other kinds of document)."""
    doc = seg.doc
    if doc.kind != "inquiry":
        return []
    when = _when(doc.date)
    out: list[Addressee] = []
    for part in parts(doc.text):
        out.extend(_from_header(part, doc.text, when) or _from_salutation(part, doc.text, when))
    return out
