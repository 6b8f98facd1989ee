"""Escaping of document text for HTML-enabled markdown, and the one place highlights are made: search
snippets (corpus's match markers) and <mark> spans (figure quotes, mention quotes, the document text).

Document text is data, never markup: it is passed through html.escape first, then the characters
Streamlit's markdown would interpret (emphasis, links, math, directives, headings) become numeric
character references, so the browser shows them literally. Only then do we add our own tags.
"""

from __future__ import annotations

import html
import re

# The corpus marks matches in snippets with these control characters; defined once, in corpus.text.
from corpus.text import HIGHLIGHT_END, HIGHLIGHT_START
from corpus.text import split_highlights as snippet_pieces  # snippet parsing lives in corpus, once

_MARKDOWN_CHARS = "*_`[]$:~#|\\\n"
# An entity html.escape produced (kept whole) or one markdown-significant character (neutralised).
_ENTITY_OR_CHAR = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|([" + re.escape(_MARKDOWN_CHARS) + "])")


def _neutralise(match: re.Match[str]) -> str:
    char = match.group(1)
    return f"&#{ord(char)};" if char else match.group(0)


def escape_text(text: str) -> str:
    """Text safe inside st.markdown(unsafe_allow_html=True): no tag, entity or markdown survives.

    Newlines become `&#10;` so the output never contains a blank line that would end an HTML block.
    """
    return _ENTITY_OR_CHAR.sub(_neutralise, html.escape(text, quote=True))


def mark_open(css_class: str = "", title: str | None = None) -> str:
    """The opening <mark> tag of every highlight, with an optional class and (escaped) tooltip."""
    class_attr = f' class="{css_class}"' if css_class else ""
    title_attr = f' title="{escape_text(title)}"' if title else ""
    return f"<mark{class_attr}{title_attr}>"


def mark_span(text: str, start: int, end: int, css_class: str = "", title: str | None = None) -> str:
    """`text` escaped, with text[start:end] (clamped to the text) wrapped in a <mark>."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    end = max(start, end)
    return (escape_text(text[:start]) + mark_open(css_class, title) + escape_text(text[start:end]) + "</mark>"
            + escape_text(text[end:]))


def render_snippet(snippet: str) -> str:
    """A snippet as HTML: every piece escaped, the matches corpus marked wrapped in <mark>…</mark>."""
    return "".join(mark_open() + escape_text(text) + "</mark>" if marked else escape_text(text)
                   for text, marked in snippet_pieces(snippet.replace("\r", "")))


def strip_markers(snippet: str) -> str:
    """The snippet as plain text, without the match markers (for CSV and copy-paste)."""
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=])")


def escape_markdown(text: str) -> str:
    """Text for Streamlit markdown without HTML (messages, labels): every special character backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
