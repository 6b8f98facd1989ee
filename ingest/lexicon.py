"""Known Kazakh and Russian word forms, to decide whether a line-end hyphen splits one word.

The data file `resources/lexicon_kk_ru.tsv.gz` stores stems with inflection paradigms (compact,
about 1 MB) instead of every form; `build()` regenerates it from Hunspell dictionaries and KazNERD.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

RESOURCE = Path(__file__).resolve().parent / "resources" / "lexicon_kk_ru.tsv.gz"
_MIN_LEN = 3

HEADER = """\
# Known Kazakh and Russian word forms (lower case, ё folded to е) as stems with suffix paradigms.
# A form is known when it splits into a stem listed here plus one suffix of that stem's paradigm.
# Lines: `@<id><TAB><suffix>,<suffix>,...` define paradigms ("" is the empty suffix);
#        `<stem><TAB><id>[,<id>...]` list stems.
# Built by `python -m ingest.lexicon build` (see ingest/lexicon.py) from:
#  - Russian Hunspell dictionary ru_RU (Debian package hunspell-ru), (c) 1997-2008 Alexander I.
#    Lebedev, BSD-style licence (redistribution with this notice; see the Debian copyright file).
#  - Kazakh Hunspell dictionary kk_KZ (Debian package hunspell-kk), used under MPL 1.1
#    (tri-licensed GPL-2+/LGPL-2.1+/MPL-1.1+), authors A. Lipchansky, A. Mussayeva and others.
#  - Word forms of KazNERD (IS2AI/KazNERD, validation and test files), CC BY 4.0:
#    Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset", LREC 2022.
"""


def fold(word: str) -> str:
    """The lookup key of a word: lower case, ё as е, soft hyphens dropped."""
    return word.lower().replace("ё", "е").replace("\u00ad", "")


class Lexicon:
    """A set of word forms stored as stem → paradigms; `in` tests one form."""

    def __init__(self, stems: dict[str, tuple[int, ...]], paradigms: list[frozenset[str]]):
        self.stems = stems
        self.paradigms = paradigms

    def __contains__(self, word: str) -> bool:
        w = fold(word)
        if len(w) < _MIN_LEN:
            return False
        for i in range(len(w), 0, -1):
            ids = self.stems.get(w[:i])
            if ids and any(w[i:] in self.paradigms[p] for p in ids):
                return True
        return False

    def __len__(self) -> int:
        return len(self.stems)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once on first use."""
    return load(RESOURCE)


def is_known_word(word: str) -> bool:
    """True when `word` is a known Kazakh or Russian word form."""
    return word in lexicon()


def load(path: Path) -> Lexicon:
    """Read a lexicon file written by `write`."""
    stems: dict[str, tuple[int, ...]] = {}
    paradigms: dict[int, frozenset[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            key, _, value = line.rstrip("\n").partition("\t")
            if key.startswith("@"):
                paradigms[int(key[1:])] = frozenset(value.split(","))
            else:
                stems[key] = tuple(int(x) for x in value.split(","))
    table = [paradigms.get(i, frozenset()) for i in range(max(paradigms, default=-1) + 1)]
    return Lexicon(stems, table)


# --- building the data file (developer tool; needs hunspell-ru, hunspell-kk, hunspell-tools) ---

_WORD = re.compile(r"^[^\W\d_]+$")


def hunspell_groups(dic: Path, forms: Path) -> Iterator[list[str]]:
    """Group `unmunch` output (each dictionary entry followed by its forms) by entry."""
    entries = []
    with dic.open(encoding="utf-8-sig") as fh:
        next(fh)  # the entry count
        for line in fh:
            word = line.strip().split("/")[0]
            if word:
                entries.append(word)
    heads = set(entries)
    group: list[str] = []
    with forms.open(encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            word = line.strip().split("/")[0]
            if not word:
                continue
            if word in heads and group:
                yield group
                group = []
            group.append(word)
    if group:
        yield group


def _common_prefix(words: list[str]) -> str:
    lo, hi = min(words), max(words)
    i = 0
    while i < len(lo) and lo[i] == hi[i]:
        i += 1
    return lo[:i]


def build(groups: Iterable[list[str]], extra_words: Iterable[str]) -> tuple[dict[str, set[int]], list[str]]:
    """Stems → paradigm ids, and paradigm texts, from groups of inflected forms plus single words."""
    paradigm_ids: dict[str, int] = {}
    stems: dict[str, set[int]] = {}

    def add(stem: str, suffixes: set[str]) -> None:
        key = ",".join(sorted(suffixes))
        pid = paradigm_ids.setdefault(key, len(paradigm_ids))
        stems.setdefault(stem, set()).add(pid)

    for group in groups:
        words = sorted({fold(w) for w in group if _WORD.match(w)})
        if not words:
            continue
        stem = _common_prefix(words)
        if len(stem) < 2:
            for w in words:
                add(w, {""})
            continue
        add(stem, {w[len(stem):] for w in words})
    for w in extra_words:
        w = fold(w)
        if len(w) >= _MIN_LEN and _WORD.match(w):
            add(w, {""})
    return stems, [k for k, _ in sorted(paradigm_ids.items(), key=lambda kv: kv[1])]


def write(path: Path, stems: dict[str, set[int]], paradigms: list[str]) -> None:
    """Write the lexicon data file (gzip, deterministic order)."""
    with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as raw:
        raw.write(HEADER.encode("utf-8"))
        for i, key in enumerate(paradigms):
            raw.write(f"@{i}\t{key}\n".encode())
        for stem in sorted(stems):
            raw.write(f"{stem}\t{','.join(map(str, sorted(stems[stem])))}\n".encode())


def conll_words(paths: Iterable[Path]) -> Iterator[str]:
    """Tokens of CoNLL files (first column)."""
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                token = line.split(" ", 1)[0].strip()
                if token:
                    yield token


def main(argv: list[str]) -> None:
    """`python -m ingest.lexicon build RU_DIC RU_FORMS KK_DIC KK_FORMS KAZNERD_DIR`."""
    if len(argv) != 6 or argv[0] != "build":
        raise SystemExit(main.__doc__)
    ru_dic, ru_forms, kk_dic, kk_forms, kaznerd = map(Path, argv[1:])

    def groups() -> Iterator[list[str]]:
        yield from hunspell_groups(ru_dic, ru_forms)
        yield from hunspell_groups(kk_dic, kk_forms)

    stems, paradigms = build(groups(), conll_words(sorted(kaznerd.glob("IOB2_*.txt"))))
    write(RESOURCE, stems, paradigms)
    print(f"{RESOURCE}: {len(stems)} stems, {len(paradigms)} paradigms")


if __name__ == "__main__":
    main(sys.argv[1:])
