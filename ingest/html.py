"""HTML reader (press releases, news pages): main text by trafilatura, title and date from metadata.

Offline only: the page's bytes are parsed, nothing is fetched. Paragraphs are trafilatura's blocks
(p, head, list items, table rows); the date comes from the page's own metadata (JSON-LD,
article:published_time, <time datetime>), then from trafilatura's date finder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from .document import Block, Extracted
from .errors import IngestError
from .lookalike import normalise_lookalikes

NO_TEXT = "no main text found in the HTML page"

_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date",
    "dcterms.date", "date", "sailthru.date", "parsely-pub-date",
)
_TITLE_META = ("og:title", "twitter:title")
_BLOCK_TAGS = {"p", "head", "quote", "code", "item", "cell"}


def read_html(path: Path, data: bytes) -> Extracted:
    """Main text of a web page as paragraphs, with title, date and page metadata."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(shrink_blobs(data))
    if tree is None:
        raise IngestError(str(path), "cannot parse HTML")
    meta = page_metadata(tree)
    # Dates only from markup (and the page's own URL), never guessed from free text: the extensive
    # search would take a footer's "© 2023" for 1 January 2023.
    options = {"with_metadata": True, "include_comments": False, "include_tables": True,
               "include_images": False, "include_links": False, "url": meta.get("url"),
               "date_extraction_params": {"extensive_search": False, "original_date": True}}
    page = strip_page_chrome(tree)
    try:
        main = trafilatura.bare_extraction(page, **options)
        recall = trafilatura.bare_extraction(page, favor_recall=True, **options)
    except MemoryError:
        raise  # the memory limit, not a bad page: the worker reports it
    except Exception as exc:  # noqa: BLE001 — trafilatura has no error class of its own
        raise IngestError(str(path), f"cannot extract text from HTML ({type(exc).__name__}: {exc})") from None
    paragraphs = merge_blocks(_blocks(main), _blocks(recall))
    paragraphs = [normalise_lookalikes(p) for p in paragraphs]
    if not any(p.strip() for p in paragraphs):
        raise IngestError(str(path), NO_TEXT)
    title = meta.pop("title", None) or (main.title if main is not None else None)
    date = meta.pop("date", None)
    if date is None and main is not None and main.date:
        date = parse_date(main.date)
    if main is not None:
        for key in ("author", "sitename", "url", "description"):
            value = getattr(main, key, None)
            if value and key not in meta:
                meta[key] = value
    return Extracted(blocks=[Block.of(p) for p in paragraphs], page_count=None,
                     title=_clean(title) or None, date=date, metadata=meta)


# lxml stops at a text node or attribute of 10 MB and silently drops the rest of the page: inline
# data (a `data:` image, a bundled script or style) that big is cut before parsing.
_DATA_URI = re.compile(rb"data:[\w/+.-]{0,100}(?:;[\w=.+-]{1,100}){0,8},[^\"'\s<>)]{%d,}" % 4096, re.IGNORECASE)
_SCRIPT_OR_STYLE = re.compile(rb"(<(script|style)\b[^>]{0,2000}>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)
MAX_INLINE_BYTES = 1 << 20


def shrink_blobs(data: bytes) -> bytes:
    """The page with `data:` URIs of 4 KB and more emptied (`data:,`) and script or style bodies over
    1 MB dropped; linear in the page's size."""
    data = _DATA_URI.sub(b"data:,", data)

    def body(match: re.Match) -> bytes:
        return match.group(0) if len(match.group(3)) <= MAX_INLINE_BYTES else match.group(1) + match.group(4)

    return _SCRIPT_OR_STYLE.sub(body, data)


_CHROME_TAGS = ("nav", "footer", "aside", "form", "noscript", "dialog")
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog")
_CHROME_WORDS = re.compile(r"cookie|consent|gdpr|breadcrumb", re.IGNORECASE)


def strip_page_chrome(tree: Any) -> str:
    """The page as HTML without its chrome, marked as such by HTML5 semantics: nav, footer, aside,
    forms, dialogs, ARIA landmark roles, a <header> outside the article, cookie/consent banners and
    breadcrumbs. trafilatura copes with chrome on long pages, but keeps it on short ones. An element
    wrapping the article (an ASP.NET page-wide <form>, say) is never removed."""
    from copy import deepcopy

    from lxml import html as lxml_html

    page = deepcopy(tree)
    total = len(page.text_content() or "")
    doomed = []
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        marks = f"{element.get('id') or ''} {element.get('class') or ''}"
        chrome = (tag in _CHROME_TAGS or (element.get("role") or "").lower() in _CHROME_ROLES
                  or (tag == "header" and not any(a.tag in ("article", "main") for a in element.iterancestors()))
                  or (tag in ("div", "section", "ul", "ol", "p") and _CHROME_WORDS.search(marks)))
        if chrome and not _holds_article(element, total):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    return lxml_html.tostring(page, encoding="unicode")


def _holds_article(element: Any, page_chars: int) -> bool:
    """An element wrapping the article: it holds <article>, <main> or <h1>, or most of the text."""
    if any(isinstance(d.tag, str) and d.tag.lower() in ("article", "main", "h1") for d in element.iterdescendants()):
        return True
    return len(element.text_content() or "") * 2 > page_chars


def _blocks(doc: Any) -> list[tuple[str, str]]:
    """(kind, text) of each top-level element of trafilatura's body: `list`/`table` kinds keep
    their items as separate paragraphs joined by newlines."""
    body = getattr(doc, "body", None) if doc is not None else None
    if body is None:
        return []
    out: list[tuple[str, str]] = []
    for element in body:
        texts = list(_element_paragraphs(element))
        if texts:
            out.append((element.tag, "\n".join(texts)))
    return out


def _element_paragraphs(element: Any):
    """Paragraph texts inside one trafilatura element (lists item by item, tables row by row)."""
    tag = element.tag
    if tag == "table":
        for row in element.iter("row"):
            cells = [_clean("".join(cell.itertext())) for cell in row if cell.tag == "cell"]
            line = " | ".join(c for c in cells if c)
            if line:
                yield line
        return
    if tag == "list":
        for item in element:
            if item.tag != "item":
                continue
            own = _clean(_text_without(item, "list"))
            if own:
                yield own
            for nested in item.iterfind("list"):
                yield from _element_paragraphs(nested)
        return
    text = _clean("".join(element.itertext()))
    if text:
        yield text


def _text_without(element: Any, skip: str) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag != skip:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def merge_blocks(main: list[tuple[str, str]], recall: list[tuple[str, str]]) -> list[str]:
    """Paragraphs of the balanced extraction, plus lists and tables that only the recall-oriented
    extraction kept (trafilatura drops many in-article lists) when they sit between two blocks the
    balanced extraction kept: inside the article, not in a sidebar or footer."""
    kept = {text for _, text in main}
    if not recall:
        return _split(text for _, text in main)
    inside = [text in kept for _, text in recall]
    chosen: list[str] = []
    for i, (kind, text) in enumerate(recall):
        if inside[i] or kind in ("list", "table") and any(inside[:i]) and any(inside[i + 1:]):
            chosen.append(text)
    recall_texts = {text for _, text in recall}
    if any(text not in recall_texts for text in kept):  # the two runs disagree: trust the balanced one
        return _split(text for _, text in main)
    return _split(chosen)


def _split(texts) -> list[str]:
    return [line for text in texts for line in text.split("\n") if line.strip()]


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


# --- metadata -------------------------------------------------------------------------------------

def page_metadata(tree: Any) -> dict[str, Any]:
    """Title, date, url, site name and language from the page's head (no fetching)."""
    meta: dict[str, Any] = {}
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = element.get("content")
        if key and content and key not in tags:
            tags[key] = content.strip()
    ld = list(_json_ld(tree))
    title = next((tags[k] for k in _TITLE_META if tags.get(k)), None)
    title = title or next((str(x["headline"]) for x in ld if x.get("headline")), None)
    if title:
        meta["title"] = _clean(title)
    date = next((d for d in (parse_date(x.get("datePublished")) for x in ld) if d), None)
    date = date or next((d for d in (parse_date(tags.get(k)) for k in _DATE_META) if d), None)
    date = date or _time_element_date(tree)
    if date:
        meta["date"] = date
    canonical = next((link.get("href") for link in tree.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and link.get("href")), None)
    url = tags.get("og:url") or canonical
    if url:
        meta["url"] = url
    if tags.get("og:site_name"):
        meta["sitename"] = tags["og:site_name"]
    if tags.get("og:type"):
        meta["og_type"] = tags["og:type"]  # "article" on news pages: a hint for the kind
    ld_type = next((x["@type"] for x in ld if isinstance(x.get("@type"), str) and "Article" in x["@type"]), None)
    if ld_type:
        meta["schema_type"] = ld_type  # schema.org NewsArticle/Article: the same hint as og:type
    lang = tree.get("lang") if tree.tag == "html" else None
    if lang:
        meta["html_lang"] = lang
    return meta


def _json_ld(tree: Any):
    """Every JSON-LD object of the page, @graph members included."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _time_element_date(tree: Any) -> dt.date | None:
    """The date of a <time datetime> marked as publication, else the first one in the article."""
    times = [t for t in tree.iter("time") if t.get("datetime")]
    for t in times:
        marks = " ".join(filter(None, (t.get("itemprop"), t.get("class"), t.get("pubdate")))).lower()
        marked = "publish" in marks or "pubdate" in marks or t.get("pubdate") is not None
        if marked and (d := parse_date(t.get("datetime"))):
            return d
    for container in ("article", "main"):
        for node in tree.iter(container):
            for t in node.iter("time"):
                if (d := parse_date(t.get("datetime"))):
                    return d
    return None


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DMY_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def parse_date(value: Any) -> dt.date | None:
    """A date from an ISO string (`2025-10-09T10:42:00+05:00`) or `09.10.2025`; None otherwise."""
    if not isinstance(value, str):
        return None
    try:
        if (m := _ISO_DATE.match(value)):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _DMY_DATE.match(value)):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None
