"""The file formats ingest reads, in one table: `read()` dispatches on it and folder walks use it.

Adding a format: its extensions here, its reader in read.py's `_reader`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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


def is_walked(path: Path, root: Path) -> bool:
    """Whether a folder walk from `root` takes `path`: a supported extension, not hidden, not a note."""
    return (path.is_file() and format_of(path) is not None and path.stem.lower() not in FOLDER_NOTES
            and not any(part.startswith(".") for part in path.relative_to(root).parts))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: folders walked recursively (sorted) for supported files, files as given (always
    tried, whatever their extension); each file once, in the order first met."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found = sorted(p for p in path.rglob("*") if is_walked(p, path)) if path.is_dir() else [path]
        for p in found:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out
