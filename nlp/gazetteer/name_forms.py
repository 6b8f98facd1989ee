"""Names generated from other records by the templates of data/name_forms.tsv: akimats of regions and
cities (`Алматы қаласының әкімдігі`, `акимат города Алматы`), factions of parties (`«AMANAT» партиясының
фракциясы`, `фракция партии «AMANAT»`) and the `ҚР X` / `X РК` forms of central bodies."""

from __future__ import annotations

from functools import cache

from . import russian_forms as rf
from .records import GazetteerError, tsv_rows


@cache
def _templates() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """(rule, lang) → (when, template) rows of name_forms.tsv, in file order."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for n, cells in tsv_rows("name_forms.tsv"):
        if len(cells) != 4:
            raise GazetteerError(f"name_forms.tsv:{n}: expected rule, lang, when, template")
        out.setdefault((cells[0], cells[1]), []).append((cells[2], cells[3]))
    return {k: tuple(v) for k, v in out.items()}


def _holds(when: str, name: str, kind: str) -> bool:
    """Whether a row's `when` applies to the source name (and the source record's kind)."""
    if when == "*":
        return True
    if when.startswith("ends:"):
        return name.endswith(when[len("ends:"):])
    if when == "abbr":
        return name.isupper() and len(name.split()) == 1 and not name.isascii()
    if when == "word":
        return len(name.split()) == 1 or name[:1] == "«"
    return when == kind


def generated(rule: str, lang: str, name: str, kind: str = "") -> list[str]:
    """The names `rule` makes from `name` in `lang`: the templates of the first `when` that holds."""
    rows = _templates().get((rule, lang), ())
    chosen = next((when for when, _ in rows if _holds(when, name, kind)), None)
    gen = None
    out = []
    for when, template in rows:
        if when != chosen:
            continue
        if gen is None and "{gen}" in template:
            gen = rf.genitive(name)
        out.append(template.format(n=name, gen=gen))
    return out
