"""Human labels for stored codes (languages, document kinds), document titles and a password-free database URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from corpus.titles import base_title

LANGUAGES = {
    "kk": "Kazakh", "ru": "Russian", "kk+ru": "Kazakh + Russian", "ru+kk": "Russian + Kazakh",
    "other": "Other",
}
KINDS = {
    "inquiry": "Inquiry", "reply": "Reply", "press_release": "Press release", "news": "News",
    "other": "Other",
}


def language_label(code: str | None) -> str:
    """'Kazakh (kk)' for 'kk'; unknown codes are shown as they are."""
    if not code:
        return "—"
    name = LANGUAGES.get(code)
    return f"{name} ({code})" if name else code


def kind_label(code: str | None) -> str:
    """'Press release' for 'press_release'; unknown codes are shown with spaces."""
    if not code:
        return "—"
    return KINDS.get(code, code.replace("_", " ").capitalize())


def safe_url(url: str | None) -> str:
    """The database URL with any password replaced by ***, for display."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username or ''}:***@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def document_title(hit: Any) -> str:
    """The stored title of a hit's document, else its file name, else 'Document N'."""
    return base_title(getattr(hit, "title", None), getattr(hit, "path", None), hit.document_id)
