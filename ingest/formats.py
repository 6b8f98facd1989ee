"""The file formats ingest reads, in one table: `read()` dispatches on it and folder walks use it.

Adding a format: its extensions here, its reader in read.py's `_reader`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .files import file_kind, too_large
from .limits import Limits, current_limits

FORMATS = ("pdf", "html", "txt", "docx")
EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx",
}
SUPPORTED_EXTENSIONS = tuple(EXTENSIONS)
# A folder's own notes (README.md, SOURCES.md, LICENSE.txt, …) describe it; a walk leaves them out.
FOLDER_NOTES = frozenset(("readme", "sources", "changelog", "changes", "license", "licence", "copying",
                          "contributing", "authors", "notice"))


def format_of(path: Path) -> str | None:
    """The format `path`'s extension names, or None for an extension ingest does not read."""
    return EXTENSIONS.get(path.suffix.lower())


def skip_reason(path: Path, root: Path, limits: Limits | None = None) -> str | None:
    """Why a folder walk from `root` leaves `path` out (hidden, a note, unknown type, not a regular
    file, too large), or None when it takes it."""
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return "hidden"
    if format_of(path) is None:
        return f"unknown type {path.suffix or '(no extension)'!r}"
    if path.stem.lower() in FOLDER_NOTES:
        return "a note about the folder, not a document"
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({file_kind(info.st_mode)})"
    limits = limits or current_limits()
    return too_large(info.st_size, limits) if info.st_size > limits.file_bytes else None


def is_walked(path: Path, root: Path) -> bool:
    """Whether a folder walk from `root` takes `path`: a supported extension, not hidden, not a note."""
    return skip_reason(path, root) is None


@dataclass
class Walk:
    """The files a walk takes, in order, and those it leaves out with the reason for each."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def walk(paths: Iterable[str | Path]) -> Walk:
    """Files to read: folders walked recursively (sorted) for supported files, files as given (always
    tried, whatever their extension); each file once, in the order first met. A hidden folder is
    skipped whole (reported once)."""
    out = Walk()
    seen: set[Path] = set()
    limits = current_limits()
    for raw in paths:
        path = Path(raw)
        found = _walk_folder(path, limits, out.skipped) if path.is_dir() else [path]
        for p in found:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                out.files.append(p)
    return out


def _walk_folder(root: Path, limits: Limits, skipped: list[tuple[Path, str]]) -> list[Path]:
    taken: list[Path] = []
    left_out: list[tuple[Path, str]] = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        for name in [d for d in dirs if d.startswith(".")]:
            dirs.remove(name)
            left_out.append((here / name, "hidden folder"))
        for name in names:
            reason = skip_reason(here / name, root, limits)
            if reason is None:
                taken.append(here / name)
            else:
                left_out.append((here / name, reason))
    skipped.extend(sorted(left_out))
    return sorted(taken)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files of `walk(paths)`, without the skipped ones."""
    return walk(paths).files
