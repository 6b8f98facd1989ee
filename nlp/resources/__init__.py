"""Language data files of nlp (TSV, one concept per file, `<concept>_<lang>.tsv`).

Entry syntax of the first column is described in README.md here: `a|b` alternatives, `stem*`
any letters after the stem, `stem+` an optional Kazakh ending; matching ignores case.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..errors import NlpError

RESOURCES = Path(__file__).resolve().parent
LETTERS = r"[^\W\d_]"


class ResourceError(NlpError):
    """A resource file is missing or malformed."""


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment, non-blank lines of resources/<name> split on TABs."""
    path = RESOURCES / name
    if not path.is_file():
        raise ResourceError(f"missing language resource {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if not cells[0]:
            raise ResourceError(f"{path}:{n}: empty first column")
        out.append(cells)
    return tuple(out)


def lang_rows(concept: str, langs: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Rows of `<concept>_<lang>.tsv` for each language that has such a file."""
    out: list[tuple[str, ...]] = []
    for lang in langs:
        if (RESOURCES / f"{concept}_{lang}.tsv").is_file():
            out.extend(rows(f"{concept}_{lang}.tsv"))
    return out


def forms(cell: str) -> list[str]:
    """The alternative forms of one entry cell."""
    return [f for f in cell.split("|") if f]


def form_regex(form: str, ending: str = "") -> str:
    """Regex source for one form: `*` → any letters, `+` → optional `ending` group, spaces → \\s+."""
    tail = ""
    if form.endswith("*") and len(form) > 1:
        form, tail = form[:-1], LETTERS + "*"
    elif form.endswith("+") and len(form) > 1:
        form, tail = form[:-1], f"(?:{ending})?"
    body = r"\s+".join(re.escape(part) for part in form.split())
    guard = r"(?!\w)" if (tail or form[-1].isalnum()) else ""
    return body + tail + guard


def alternation(items: list[str]) -> str:
    """Longest-first alternation so that Python's first-match picks the longest literal; never empty."""
    return "|".join(sorted(set(items), key=len, reverse=True)) or "(?!)"


def trie_regex(words: set[str] | list[str]) -> str:
    """Regex source matching any of `words`, factored as a prefix tree (much faster than a flat alternation)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) or "(?!)"
