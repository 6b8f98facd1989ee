"""Latin/Cyrillic look-alike letters inside one word put into the word's dominant script.

PDFs and web pages often mix scripts inside a word (`ЕРS`, `Еmployment`), which breaks search and
matching. `normalise_lookalikes` is shared by every reader; the letter pairs are a data file.
"""

from __future__ import annotations

from functools import lru_cache

from .resources import load_rows
from .script import LETTER_RUN_RE, script_of


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(latin → cyrillic, cyrillic → latin) from resources/lookalikes.tsv."""
    to_cyr: dict[str, str] = {}
    to_lat: dict[str, str] = {}
    for row in load_rows("lookalikes.tsv"):
        lat, cyr = row[0], row[1]
        to_cyr[lat] = cyr
        to_lat.setdefault(cyr, lat)
    return to_cyr, to_lat


def normalise_word(word: str) -> str:
    """One word with look-alike letters mapped to its dominant script; unmixed words unchanged.

    The script is decided by the letters that exist only in one script (`S`, `m`, `Қ`), then by a
    plain majority; ties go to Cyrillic. If a letter cannot be mapped the other way is tried.
    """
    scripts = [script_of(c) for c in word]
    if "latin" not in scripts or "cyrillic" not in scripts:
        return word
    to_cyr, to_lat = _tables()
    only = {"latin": 0, "cyrillic": 0}
    count = {"latin": 0, "cyrillic": 0}
    for ch, sc in zip(word, scripts):
        if sc == "other":
            continue
        count[sc] += 1
        if ch not in (to_cyr if sc == "latin" else to_lat):
            only[sc] += 1
    if only["latin"] != only["cyrillic"]:
        order = ["latin", "cyrillic"] if only["latin"] > only["cyrillic"] else ["cyrillic", "latin"]
    else:
        order = ["latin", "cyrillic"] if count["latin"] > count["cyrillic"] else ["cyrillic", "latin"]
    for target in order:
        table = to_cyr if target == "cyrillic" else to_lat
        source = "latin" if target == "cyrillic" else "cyrillic"
        if all(sc != source or ch in table for ch, sc in zip(word, scripts)):
            return "".join(table[ch] if sc == source else ch for ch, sc in zip(word, scripts))
    return word


def normalise_lookalikes(text: str) -> str:
    """`text` with every mixed Latin/Cyrillic word put into one script (`ЕРS` → `EPS`)."""
    if text.isascii():
        return text
    return LETTER_RUN_RE.sub(lambda m: normalise_word(m.group()), text)
