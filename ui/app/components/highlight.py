"""Escaping of document text for HTML-enabled markdown, and search snippets with <mark> highlights.

Document text is data, never markup: it is passed through html.escape first, then the characters
Streamlit's markdown would interpret (emphasis, links, math, directives, headings) become numeric
character references, so the browser shows them literally. Only then do we add our own tags.
"""

from __future__ import annotations

import html
import re

# The corpus marks matches in snippets with these control characters (corpus.HIGHLIGHT_START/END).
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

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


def render_snippet(snippet: str) -> str:
    """A snippet as HTML: escaped first, then the corpus match markers turned into <mark>…</mark>.

    Unbalanced markers (a snippet cut inside a match) are closed or dropped, never left open.
    """
    escaped = escape_text(snippet.replace("\r", ""))
    out: list[str] = []
    open_mark = False
    for char in escaped:
        if char == HIGHLIGHT_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif char == HIGHLIGHT_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(char)
    if open_mark:
        out.append("</mark>")
    return "".join(out)


def strip_markers(snippet: str) -> str:
    """The snippet as plain text, without the match markers (for CSV and copy-paste)."""
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=])")


def escape_markdown(text: str) -> str:
    """Text for Streamlit markdown without HTML (messages, labels): every special character backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
