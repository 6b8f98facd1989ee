"""Per-file limits on reading (settings with defaults), so that no file can hang or exhaust a worker.

Each limit is an environment variable read at the time of the call (see docs/RELIABILITY.md):
SAUAL_MAX_FILE_MB, SAUAL_MAX_UNPACKED_MB, SAUAL_MAX_PAGES, SAUAL_MAX_TEXT_CHARS, SAUAL_READ_TIMEOUT,
SAUAL_READ_MEMORY_MB, SAUAL_OCR_PAGE_TIMEOUT and SAUAL_READ_ISOLATION (`process`, default, or `off`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import IngestError

ISOLATION_MODES = ("process", "off")
_SETTINGS = {  # field: (environment variable, default)
    "file_mb": ("SAUAL_MAX_FILE_MB", 200.0),
    "unpacked_mb": ("SAUAL_MAX_UNPACKED_MB", 300.0),
    "pages": ("SAUAL_MAX_PAGES", 2000),
    "text_chars": ("SAUAL_MAX_TEXT_CHARS", 3_000_000),
    "timeout_s": ("SAUAL_READ_TIMEOUT", 600.0),
    "memory_mb": ("SAUAL_READ_MEMORY_MB", 3072.0),
    "ocr_page_s": ("SAUAL_OCR_PAGE_TIMEOUT", 120.0),
}


@dataclass(frozen=True)
class Limits:
    """What one file may cost: bytes on disk and unpacked, pages, characters of text, seconds, memory."""

    file_mb: float = 200.0
    unpacked_mb: float = 300.0
    pages: int = 2000
    text_chars: int = 3_000_000
    timeout_s: float = 600.0
    memory_mb: float = 3072.0
    ocr_page_s: float = 120.0
    isolation: str = "process"

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * (1 << 20))

    @property
    def unpacked_bytes(self) -> int:
        return int(self.unpacked_mb * (1 << 20))


def setting_name(field: str) -> str:
    """The environment variable that sets a Limits field (for messages: `… (SAUAL_MAX_PAGES)`)."""
    return _SETTINGS[field][0]


def current_limits() -> Limits:
    """The limits from the environment; a malformed value is an IngestError naming the setting."""
    values: dict = {}
    for field, (name, default) in _SETTINGS.items():
        raw = os.environ.get(name, "").strip()
        if not raw:
            continue
        try:
            value = type(default)(float(raw)) if isinstance(default, int) else float(raw)
        except ValueError:
            value = -1
        if value <= 0:
            raise IngestError("", f"{name} must be a positive number, not {raw!r}")
        values[field] = value
    isolation = os.environ.get("SAUAL_READ_ISOLATION", "process").strip().lower() or "process"
    if isolation not in ISOLATION_MODES:
        raise IngestError("", f"SAUAL_READ_ISOLATION must be one of {', '.join(ISOLATION_MODES)}, "
                              f"not {isolation!r}")
    return Limits(**values, isolation=isolation)


def megabytes(size: int) -> str:
    """A byte count as `12.3 MB` for messages."""
    return f"{size / (1 << 20):.1f} MB"
