"""The one loader of nlp's language data (TSV, one concept per file) and the checks every data file passes.

Data files live in nlp/resources/ (`<concept>_<lang>.tsv`), nlp/gazetteer/data/, nlp/lang/data/,
nlp/kk/data/, corpus/resources/ and ingest/resources/. All are read by `ingest.resources.read_table`;
`check_file` validates one (consistent columns, a non-empty first column, no word mixing Latin and
Cyrillic letters) and tests/test_lang.py runs it over every one of them.

Entry syntax of the first column (nlp/resources/README.md): `a|b` alternatives, `stem*` any letters
after the stem, `stem+` an optional Kazakh ending; matching ignores case.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ingest.resources import read_table
from ingest.script import LETTER, mixed_words

from ..errors import NlpError

NLP = Path(__file__).resolve().parent.parent
RESOURCES = NLP / "resources"
LETTERS = LETTER
# Regex syntax inside data and code literals is not words: classes ([A-ZА-Я]), ranges (A-Z), escapes (\b).
_REGEX_SYNTAX = re.compile(r"\[[^\]]*\]|\\[A-Za-z]|(?<![^\W\d_])[^\W\d_]-[^\W\d_]")


class ResourceError(NlpError):
    """A language data file is missing or malformed."""


def table(path: Path, columns: int | None = None) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, cells) of a data file, validated; `columns`: the fewest cells a row must have."""
    if not path.is_file():
        raise ResourceError(f"missing language resource {path}")
    out = read_table(path)
    problems = file_problems(path, out, columns)
    if problems:
        raise ResourceError(problems[0])
    return out


def file_problems(path: Path, lines: list[tuple[int, tuple[str, ...]]] | None = None,
                  columns: int | None = None) -> list[str]:
    """What is wrong with one data file (`path:line: reason`), empty when it is sound.

    Columns: a TAB-separated header comment (`# ending<TAB>slot<TAB>free`) gives the most cells a row
    may have (later ones optional); without one every row of a .tsv has as many cells as the first.
    """
    lines = read_table(path) if lines is None else lines
    header = _header_width(path)
    width = len(lines[0][1]) if lines else 0
    problems = []
    for n, cells in lines:
        if not cells[0]:
            problems.append(f"{path}:{n}: empty first column")
        if columns is not None and len(cells) < columns:
            problems.append(f"{path}:{n}: {len(cells)} columns, expected at least {columns}")
        elif header and len(cells) > header:
            problems.append(f"{path}:{n}: {len(cells)} columns where the header names {header}")
        elif not header and len(cells) != width and path.suffix == ".tsv":
            problems.append(f"{path}:{n}: {len(cells)} columns where the first row has {width}")
        for cell in cells:
            for word in script_mixes(cell):
                problems.append(f"{path}:{n}: {word!r} mixes Latin and Cyrillic letters")
    return problems


def _header_width(path: Path) -> int:
    """Cells of the last TAB-separated comment line before the first row (0 when there is none)."""
    width = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        if line.lstrip().startswith("#") and "\t" in line:
            width = len(line.split("\t"))
    return width


def script_mixes(text: str) -> list[str]:
    """The words of text (regex syntax aside) that mix Latin and Cyrillic letters: always a typo."""
    return mixed_words(_REGEX_SYNTAX.sub(" ", text))


@cache
def rows(name: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """The validated rows of nlp/resources/<name> (cells split on TABs)."""
    return tuple(cells for _, cells in table(RESOURCES / name, columns))


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
    """Regex source for one form: a word's trailing `*` → any letters, `+` → optional `ending` group,
    spaces → \\s+."""
    tail = ""
    if form.endswith("*") and len(form) > 1:
        form, tail = form[:-1], LETTERS + "*"
    elif form.endswith("+") and len(form) > 1:
        form, tail = form[:-1], f"(?:{ending})?"
    body = r"\s+".join(re.escape(part[:-1]) + LETTERS + "*" if part.endswith("*") and len(part) > 1
                        else re.escape(part) for part in form.split())
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
