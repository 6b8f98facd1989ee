"""Indicator keys: a language-independent name for what a figure counts, so that figures can be compared.

`indicator_for(what, context, lang, unit, place)` builds `<concept>[.<modifier>…]|<unit>|<place>`, e.g.
`migrant_workers.illegal|persons|South Korea`, from a concept lexicon (resources/concepts.tsv with
ids, labels and priorities; concepts_<lang>.tsv with Kazakh and Russian stems → ids). A Kazakh and a
Russian statement of the same thing get the same key; a subset gets another (illegal migrants ≠ all
labour migrants ≠ all citizens present) because subset markers (illegal, domestic, local…) are part of it.

Rules:
- the base concept comes from `what` first; when `what` names only a group of people (citizens,
  persons) or nothing, from the clause around the number, then the stretch between the neighbouring
  numbers, then the whole context; the highest priority wins (a share or debt over the companies or
  subsidies it is of; labour migrants over citizens), the nearest on ties;
- modifiers come from `what`, the number's clause and the concept's clause; sector modifiers
  (transport, agriculture…) fall back to the whole context;
- rules (resources/concept_rules.tsv) refine a base: people working abroad or in a foreign place are
  labour migrants;
- no concept recognised → the counted noun's lemma (`noun:зейнеткер`, Kazakh by the endings of
  nlp.lang, Russian by pymorphy3), so that the same unknown thing is still grouped; no counted noun →
  None (a key is never made from arbitrary words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ingest.lexicon import is_known_word

from .lang import LANGS, morph, stem_key
from .lang.endings import chains
from .lang.resources import LETTERS, ResourceError, forms, rows
from .lang.wordlists import word_alt

__all__ = ["INDICATOR_CONCEPTS", "Concept", "carry_subject", "describe_indicator", "generic_key", "indicator_for",
           "noun_lemma", "stem_regex"]

_NUMBER_RE = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_QUOTED_RE = re.compile(r"«[^»\n]{1,80}»|\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|„[^“\n]{1,80}“")
_ABBREV_RE = re.compile(r"[^\S\n]*[^\W\d_]{2,4}\.")
_LEAD_RE = re.compile(r"[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,2}[^\S\n]*\n?[^\S\n]*(?=\d)")  # порядка, более, до 60%


@cache
def _clause_re() -> re.Pattern[str]:
    """Clause boundaries: punctuation, a spaced dash, a sentence end, a conjunction (conjunctions_<lang>)."""
    conj = "|".join(word_alt("conjunctions", role) for role in ("and", "but"))
    return re.compile(rf"[,;:()\[\]]|\s[-–—]\s|[.!?](?=\s)|\s(?:{conj})\s")


@dataclass(frozen=True)
class Concept:
    """One concept of the lexicon: a base (what is counted), a subset modifier or a sector."""

    id: str
    label: str
    priority: int
    cls: str  # base | mod | sector
    people: bool = False  # counts people: the only concepts a figure in persons may take


@cache
def _concepts() -> dict[str, Concept]:
    out = {}
    for row in rows("concepts.tsv", columns=4):
        if row[3] not in {"base", "mod", "sector"}:
            raise ResourceError(f"concepts.tsv: bad row {row!r}")
        out[row[0]] = Concept(row[0], row[1], int(row[2]) if row[2].isdigit() else 0, row[3],
                              len(row) > 4 and row[4] == "people")
    return out


INDICATOR_CONCEPTS: dict[str, str] = {c.id: c.label for c in _concepts().values()}


def stem_regex(form: str) -> str:
    """Regex source for a lexicon form whose every word may be a stem: `местн* бюджет*`, `еңбек мигрант*`."""
    parts = [re.escape(w[:-1]) + LETTERS + "*" if w.endswith("*") and len(w) > 1 else re.escape(w)
             for w in form.split()]
    return r"\s+".join(parts) + r"(?!\w)"


@cache
def _lexicon(lang: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """One regex with a group per form (longest stems first) and the concept id of each group."""
    concepts = _concepts()
    entries = []
    for row in rows(f"concepts_{lang}.tsv", columns=2):
        if row[1] not in concepts:
            raise ResourceError(f"concepts_{lang}.tsv: unknown concept in {row!r}")
        entries.extend((f, row[1]) for f in forms(row[0]))
    entries.sort(key=lambda e: len(e[0].rstrip("*+")), reverse=True)
    rx = re.compile("(?<!\\w)(?:" + "|".join(f"(?P<g{i}>{stem_regex(f)})" for i, (f, _) in enumerate(entries)) + ")",
                    re.IGNORECASE)
    return rx, tuple(c for _, c in entries)


@cache
def _rules() -> tuple[tuple[str, str, str], ...]:
    """(base, condition, new base) rows of concept_rules.tsv."""
    return tuple((row[0], row[1], row[2]) for row in rows("concept_rules.tsv", columns=3))


@cache
def _domestic_places() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("places_kz_en.tsv"))


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    concept: Concept


@lru_cache(maxsize=256)  # figures of one sentence share its context
def _hits(text: str, langs: tuple[str, ...]) -> tuple[_Hit, ...]:
    """Concept mentions in text, leaving out quoted names («Жастар» театры, "Даму" қоры)."""
    concepts = _concepts()
    quoted = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]
    out = []
    for lang in langs:
        rx, ids = _lexicon(lang)
        out.extend(_Hit(m.start(), m.end(), concepts[ids[int(m.lastgroup[1:])]]) for m in rx.finditer(text)
                   if not any(a < m.start() and m.end() < b for a, b in quoted))
    return tuple(sorted(out, key=lambda h: h.start))


def _between(rx: re.Pattern[str], context: str, pos: int, after: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch of context[lo:hi] between the last match of rx ending by pos and the first starting at
    or after `after`."""
    for m in rx.finditer(context, lo, hi):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= after:
            return lo, m.start()
    return lo, hi


def _segment(context: str, at: int) -> tuple[int, int]:
    """The stretch between the numbers before and after the one at `at`."""
    return _between(_NUMBER_RE, context, at, _own_end(context, at), 0, len(context))


def _own_end(context: str, at: int) -> int:
    """End of the number at `at`, with a short abbreviated scale word after it (`11 тыс.`, `2 млрд.`)."""
    m = _NUMBER_RE.match(context, at)
    if not m:
        return at
    abbrev = _ABBREV_RE.match(context, m.end())
    return abbrev.end() if abbrev else m.end()


def _clause(context: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause (between commas, brackets, dashes) around pos, inside lo..hi."""
    return _between(_clause_re(), context, pos, pos, lo, hi)


def _best(hits: tuple[_Hit, ...] | list[_Hit], at: int, own_end: int, people: bool) -> _Hit | None:
    """Highest priority, then nearest; the counted noun usually follows the number, so words before it count 5 chars further."""
    base = [h for h in hits if h.concept.cls == "base" and (h.concept.people or not people)]
    if not base:
        return None
    return max(base, key=lambda h: (h.concept.priority,
                                    -(h.start - own_end if h.start >= own_end else at - h.end + 5)))


def _inside(hits: tuple[_Hit, ...], span: tuple[int, int]) -> list[_Hit]:
    return [h for h in hits if span[0] <= h.start and h.end <= span[1]]


NOUN_PREFIX = "noun:"
MIN_STEM = 4


@lru_cache(maxsize=4096)
def noun_lemma(word: str, lang: str) -> str:
    """The base form of a counted noun: Kazakh by stripping an ending chain (nlp.lang endings) — the
    longest chain whose stem is a known word (ingest.lexicon), else the word when known (`отбасы`), else
    the longest chain; Russian by pymorphy3's normal form; other words lower-cased."""
    w = word.lower()
    if lang == "ru":
        return morph().parse(w)[0].normal_form
    if lang != "kk":
        return w
    stems = [w[:i] for i in range(MIN_STEM, len(w)) if w[i:] in chains(*stem_key(w[:i]))]
    known = [s for s in stems if is_known_word(s)]
    if known:
        return known[0]
    return w if is_known_word(w) or not stems else stems[0]


def indicator_for(what: str | None, context: str, lang: str, unit: str | None, place: str | None,
                  at: int | None = None, noun: str | None = None) -> str | None:
    """The indicator key of a figure (rules in the module docstring); `at` is the number's offset in
    context, `noun` the counted noun (the key of an unknown concept)."""
    langs = (lang,) if lang in LANGS else LANGS
    context = context or ""
    if at is None:
        i = context.find(what) if what else -1
        m = _NUMBER_RE.search(context)
        at = i if i >= 0 else (m.start() if m else 0)
    lead = _LEAD_RE.match(context, at)
    if lead:  # the figure starts with a qualifier word (около, до, жобамен): anchor at its number
        at = lead.end()
    own_end = _own_end(context, at)
    what_hits = _hits(what, langs) if what else ()
    ctx_hits = _hits(context, langs)
    segment = _segment(context, at)
    clause = _between(_clause_re(), context, at, own_end, *segment)
    best = _best(what_hits, at, own_end, unit == "persons")
    from_what = best is not None
    people = unit == "persons" or (best is not None and best.concept.people)
    if best is None or best.concept.priority < 2:
        for span in (clause, segment, (0, len(context))):
            cand = _best(_inside(ctx_hits, span), at, own_end, people)
            if cand and (best is None or cand.concept.priority > best.concept.priority):
                best, from_what = cand, False
            if best and best.concept.priority >= 2:
                break
    if best is not None and best.concept.people and unit == "count":
        unit = "persons"  # `20 мыңы`, `около 20 тыс.` of a people concept count persons
    if best is None:
        if not noun or not re.fullmatch(r"[^\W\d_]{3,}", noun):
            return None
        mods = {h.concept.id for h in (*what_hits, *_inside(ctx_hits, clause)) if h.concept.cls != "base"}
        return _key(NOUN_PREFIX + noun_lemma(noun, lang), mods, unit, place)
    mods = {h.concept.id for h in what_hits if h.concept.cls != "base"}
    spans = [clause]
    if not from_what:
        spans.append(_clause(context, best.start, *_segment(context, best.start)))
    for span in spans:
        mods |= {h.concept.id for h in _inside(ctx_hits, span) if h.concept.cls != "base"}
    if not any(_concepts()[m].cls == "sector" for m in mods):
        mods |= {h.concept.id for h in ctx_hits if h.concept.cls == "sector"}
    base = best.concept.id
    foreign = bool(place) and place.lower() not in _domestic_places()
    for b, cond, new in _rules():
        if b != base:
            continue
        if cond == "@foreign" and foreign or cond in mods:
            base = new
            mods.discard(cond)
    if base == "migrant_workers":
        mods.discard("abroad")
    return _key(base, mods, unit, place)


def generic_key(key: str | None) -> bool:
    """No key, or one that names only a group of people (persons, citizens: priority 1)."""
    if key is None:
        return True
    concept = _concepts().get(key.partition("|")[0].split(".")[0])
    return concept is not None and concept.priority < 2


def carry_subject(own: str | None, count: str | None, unit: str | None, place: str | None) -> str | None:
    """The key of a bare number that continues a count (`126 тыс. казахстанцев работают за границей. Из
    них 15 тыс. находятся в Корее`): the count's concept and modifiers when they say more about people
    than its own words (a higher priority), with its own modifiers, unit and place."""
    if count is None:
        return own
    concepts = _concepts()
    c_ids = count.partition("|")[0].split(".")
    c_base = concepts.get(c_ids[0])
    o_ids = own.partition("|")[0].split(".") if own else []
    o_base = concepts.get(o_ids[0]) if o_ids else None
    if c_base is None or not c_base.people or (own is not None and (o_base is None or not o_base.people)):
        return own
    if o_base is not None and o_base.priority >= c_base.priority:
        return own
    return _key(c_base.id, set(c_ids[1:]) | set(o_ids[1:]), unit, place)


def _key(base: str, mods: set[str], unit: str | None, place: str | None) -> str:
    return "|".join([".".join([base, *sorted(mods)]), unit or "-", place or "-"])


SHARE = "share"


@cache
def _complements() -> tuple[frozenset[str], ...]:
    """Groups of disjoint subset markers (complements.tsv)."""
    concepts = _concepts()
    groups = tuple(frozenset(forms(row[0])) for row in rows("complements.tsv"))
    for group in groups:
        if len(group) < 2 or any(concepts.get(m) is None or concepts[m].cls != "mod" for m in group):
            raise ResourceError(f"complements.tsv: {sorted(group)} is not two or more subset markers")
    return groups


def part_of(key: str) -> list[tuple[str, str]]:
    """(whole, marker) for each disjoint subset marker of a share key: `share.domestic.transport|percent|X`
    → [(`share.transport|percent|X`, `domestic`)]; empty for other keys."""
    concept, _, rest = key.partition("|")
    ids = concept.split(".")
    if ids[0] != SHARE:
        return []
    markers = {m for group in _complements() for m in group}
    return [("|".join([".".join(i for i in ids if i != m), rest]), m) for m in ids[1:] if m in markers]


def disjoint(a: str, b: str) -> bool:
    """Two subset markers that never describe the same members (one row of complements.tsv)."""
    return a != b and any({a, b} <= group for group in _complements())


def complementary_whole(a: str, b: str) -> str | None:
    """The whole that two share keys are disjoint parts of (`share.domestic.transport|percent|X` and
    `share.relocant.transport|percent|X` → `share.transport|percent|X`), else None: such shares add up
    to at most 100 %."""
    wholes_b = dict(part_of(b))
    return next((w for w, m in part_of(a) if w in wholes_b and disjoint(m, wholes_b[w])), None)


def describe_indicator(key: str) -> str:
    """A readable English label for an indicator key: `labour migrants (working abroad), illegal — persons — South Korea`."""
    concept, _, rest = key.partition("|")
    unit, _, place = rest.partition("|")
    ids = concept.split(".")
    label = INDICATOR_CONCEPTS.get(ids[0], ids[0].removeprefix(NOUN_PREFIX))
    if ids[1:]:
        label += ", " + ", ".join(INDICATOR_CONCEPTS.get(i, i) for i in ids[1:])
    return " — ".join(p for p in (label, unit if unit != "-" else "", place if place != "-" else "") if p)
