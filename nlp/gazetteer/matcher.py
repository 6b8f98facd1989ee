"""Find gazetteer places in Kazakh/Russian text: longest match first, Kazakh endings and Russian cases.

The index is built once (cached): every Russian case form and every exact name keyed by its first
lower-case token; Kazakh names also by stem, so that `Кореяда` = `Корея` + `да` and `Түркістан
облысында` = `Түркістан облыс` + `ында`, accepted only when the rest is a valid ending chain.
Letter case: a name written with a capital must be capitalised in the text; abbreviations
(`ҚР`, `США`) must be in capitals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..lang import endings as kazakh
from . import russian
from .records import KAZAKHSTAN, Place, RecordMention, load_deictic, load_places, tsv_rows

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’‐-][^\W\d_]+)*")
_GAP_RE = re.compile(r"[^\S\n]*(?:\n[^\S\n]*)?(?:[–—-][^\S\n]*)?")
_HYPHENS = "-‐"
CANDIDATE_CACHE = 200_000  # distinct (token, capitalised) keys remembered per index before starting over


@dataclass(frozen=True)
class PlaceMention(RecordMention):
    """A place found in a text: offsets, matched text, the record and the base form of the surface."""

    deictic: bool = False
    canonical: str = ""
    adjective: bool = False
    lang: str | None = None


@dataclass(frozen=True)
class _Target:
    """What a name in the index points to: the record id, the name's language and base form."""

    place_id: str        # the record id (of a place, body, position or not-organisation)
    lang: str
    base: str
    deictic: bool = False
    adjective: bool = False
    quoted: bool = False  # the name matches only inside quotation marks


@dataclass(frozen=True)
class _Entry:
    """One name: all tokens but the last are exact; the last is exact or stem + allowed ending."""

    tokens: tuple[str, ...]        # lower-case tokens (for stems: the last token is the stem)
    models: tuple[str, ...]        # the tokens as written in the data (for letter case)
    target: _Target
    endings: frozenset[str] | None = None  # None: exact last token


def fold(text: str) -> str:
    """Lower case with ё → е (length-preserving for Cyrillic)."""
    return text.lower().replace("ё", "е")


def _is_abbr(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def loan_endings(stem: str, need_p3: bool = False) -> frozenset[str]:
    """Kazakh ending chains after `stem` in either vowel harmony (loans and names: `Банкінің`, `Бектеновке`)."""
    _, classes = kazakh.stem_key(stem)
    return kazakh.chains(frozenset({kazakh.BACK, kazakh.FRONT}), classes, need_p3)


def _tokens(name: str) -> list[str]:
    return TOKEN_RE.findall(name)


class Index:
    """The lookup tables of all gazetteer names."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[_Entry]] = defaultdict(list)
        self.stems: dict[str, list[_Entry]] = defaultdict(list)  # single-word kk stems
        self.lower_stems: dict[str, list[_Entry]] = defaultdict(list)  # single-word stems written lower-case
        self.max_stem = 0
        self.max_lower_stem = 0
        self.surfaces: dict[str, set[str]] = defaultdict(set)     # exact folded surface → ids
        self.blocked = frozenset(fold(cells[0]) for _, cells in tsv_rows("not_places.tsv"))
        self.cached: dict[tuple[str, bool], tuple[_Entry, ...]] = {}  # candidates by (token, capitalised)

    def candidates(self, low: str, upper: bool) -> tuple[_Entry, ...]:
        """Entries that may match at a folded token: by first token, then single-word stems by prefix
        (capitalised tokens use every stem); remembered per distinct token, as words recur."""
        key = (low, upper)
        found = self.cached.get(key)
        if found is None:
            if len(self.cached) >= CANDIDATE_CACHE:
                self.cached.clear()
            out = list(self.by_first.get(low, ()))
            stems, longest = (self.stems, self.max_stem) if upper else (self.lower_stems, self.max_lower_stem)
            for cut in range(min(len(low), longest), 1, -1):
                out.extend(stems.get(low[:cut], ()))
            found = self.cached[key] = tuple(out)
        return found

    def add_exact(self, surface: str, target: _Target) -> None:
        toks = _tokens(surface)
        if not toks:
            return
        self.cached.clear()
        entry = _Entry(tuple(fold(t) for t in toks), tuple(toks), target)
        self.by_first[entry.tokens[0]].append(entry)
        self.surfaces[" ".join(entry.tokens)].add(target.place_id)

    def add_kazakh(self, name: str, target: _Target, either_harmony: bool = False) -> None:
        """A Kazakh name: the last word may take endings (3rd-person possessives are re-inflected);
        `either_harmony`: endings of both vowel harmonies (loans: `Банкінің`, `Банкке`)."""
        toks = _tokens(name)
        if not toks:
            return
        self.add_exact(name, target)
        last = toks[-1]
        if _is_abbr(last):
            stem, ends = last, kazakh.endings_for(last, abbreviation=True)
            ends = frozenset(e for e in ends if e)
        else:
            poss_stem = kazakh.split_possessive(last) if len(toks) > 1 else None
            stem = poss_stem or last
            ends = loan_endings(stem, poss_stem is not None) if either_harmony else \
                kazakh.endings_for(stem, need_p3=poss_stem is not None)
        entry = _Entry(tuple(fold(t) for t in toks[:-1]) + (fold(stem),), tuple(toks[:-1]) + (stem,), target, ends)
        if len(toks) == 1 and stem[:1].islower():
            self.lower_stems[entry.tokens[0]].append(entry)
            self.max_lower_stem = max(self.max_lower_stem, len(stem))
        elif len(toks) == 1:
            self.stems[entry.tokens[0]].append(entry)
            self.max_stem = max(self.max_stem, len(stem))
        else:
            self.by_first[entry.tokens[0]].append(entry)


@cache
def index() -> Index:
    """Build the index of every place name and deictic form (once per process)."""
    idx = Index()
    for place in load_places().values():
        for name in place.names("en"):
            idx.add_exact(name, _Target(place.id, "en", name))
        for name in _with_generic(place, "kk"):
            idx.add_kazakh(name, _Target(place.id, "kk", name))
        for name in _with_generic(place, "ru"):
            for form in russian.case_forms(name):
                idx.add_exact(form, _Target(place.id, "ru", name))
    for d in load_deictic():
        target = _Target(KAZAKHSTAN, d.lang, d.form, deictic=True, adjective=d.adjective)
        if d.inflect == "kk":
            idx.add_kazakh(d.form, target)
        elif d.inflect == "ru":
            for form in russian.case_forms(d.form):
                idx.add_exact(form, target)
        else:
            idx.add_exact(d.form, target)
    return idx


def _with_generic(place: Place, lang: str) -> list[str]:
    """The names of a place plus `X қаласы` / `город X` for towns named by a bare name."""
    names = list(place.names(lang))
    if place.kind in ("city", "town") and names:
        base = names[0]
        if len(base.split()) == 1:
            names.append(f"{base} қаласы" if lang == "kk" else f"город {base}")
    return names


def _case_ok(surface: str, model: str) -> bool:
    if _is_abbr(model):
        return surface.isupper()
    if model[:1].isupper():
        return surface[:1].isupper()
    return True


class _Scanner:
    """Token positions of one text and the matching of entries at a token."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = fold(text)
        self.folded = folded if len(folded) == len(text) else None
        self.spans = [m.span() for m in TOKEN_RE.finditer(text)]
        if self.folded is not None:
            self.lows = [folded[s:e] for s, e in self.spans]
        else:
            self.lows = [fold(text[s:e]) for s, e in self.spans]

    def low(self, i: int) -> str:
        """Token i folded (lower case, ё → е)."""
        return self.lows[i]

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i after spaces (at most one line break) or a dash."""
        gap_start, gap_end = self.spans[i][1], self.spans[i + 1][0]
        m = _GAP_RE.match(self.text, gap_start)
        return m is not None and m.end() == gap_end and gap_end > gap_start

    def match(self, i: int, entry: _Entry) -> int | None:
        """End offset when `entry` matches at token i, else None."""
        n = len(entry.tokens)
        if i + n > len(self.spans):
            return None
        for k in range(n):
            s, e = self.spans[i + k]
            if k and not self.adjacent(i + k - 1):
                return None
            low = self.lows[i + k]
            if k < n - 1 or entry.endings is None:
                if low != entry.tokens[k]:
                    return None
            else:
                stem = entry.tokens[k]
                if not low.startswith(stem):
                    return None
                rest = low[len(stem):]
                if rest[:1] in _HYPHENS:
                    rest = rest[1:]
                    if not rest:
                        return None
                if rest not in entry.endings:
                    return None
                if not _case_ok(self.text[s:s + len(stem)], entry.models[k]):
                    return None
                continue
            if not _case_ok(self.text[s:e], entry.models[k]):
                return None
            if k and entry.target.deictic and low != self.text[s:e].replace("ё", "е"):
                return None  # `в республике` is deictic, `в Республике Казахстан` is not
        return self.spans[i + n - 1][1]


def longest_matches(idx: Index, sc: _Scanner, lang: str | None, want=None, accept=None,
                    skip_blocked: bool = False) -> Iterator[tuple[int, int, _Entry]]:
    """(start, end, entry) of the longest match at each token, left to right; a tie goes to the name in
    `lang`, then to an exact name. `want(entry)` filters candidates before matching, `accept(start, end,
    entry)` after; `skip_blocked`: tokens of not_places.tsv start no match."""
    lows, blocked = sc.lows, idx.blocked if skip_blocked else frozenset()
    i, n = 0, len(lows)
    while i < n:
        low = lows[i]
        if low in blocked:
            i += 1
            continue
        best: tuple[int, int, _Entry] | None = None  # (end, preference, entry)
        start = sc.spans[i][0]
        for entry in idx.candidates(low, sc.text[start].isupper()):
            if want is not None and not want(entry):
                continue
            k = len(entry.tokens)
            if i + k > n or (k > 1 and lows[i + 1:i + k - 1] != list(entry.tokens[1:k - 1])):
                continue  # cheap pre-check of the inner tokens before the full match
            last = lows[i + k - 1]
            if k > 1 and (last != entry.tokens[-1] if entry.endings is None else not last.startswith(entry.tokens[-1])):
                continue
            end = sc.match(i, entry)
            if end is None or accept is not None and not accept(start, end, entry):
                continue
            pref = (entry.target.lang == lang) + (entry.endings is None)
            if best is None or (end, pref) > (best[0], best[1]):
                best = (end, pref, entry)
        if best is None:
            i += 1
            continue
        yield start, best[0], best[2]
        while i < n and sc.spans[i][0] < best[0]:
            i += 1


def _canonical(target: _Target, lang: str | None) -> str:
    if lang is None or target.lang == lang or target.deictic:
        return target.base
    names = load_places()[target.place_id].names(lang)
    return names[0] if names else target.base


def find_places(text: str, lang: str | None = None, deictic: bool = True) -> list[PlaceMention]:
    """Every place mention in `text`, longest match first, in text order.

    `lang` ('kk'/'ru') chooses the language of `canonical` and is preferred when names tie;
    `deictic=False` leaves out references such as `еліміз` / `в нашей стране`.
    """
    out: list[PlaceMention] = []
    want = None if deictic else (lambda entry: not entry.target.deictic)
    for start, end, entry in longest_matches(index(), _Scanner(text), lang, want, skip_blocked=True):
        t = entry.target
        place = load_places()[t.place_id]
        out.append(PlaceMention(start, end, text[start:end], place.id, place.name_en, place.kind,
                                t.deictic, _canonical(t, lang), t.adjective, t.lang))
    return out


def resolve_place(surface: str, lang: str | None = None) -> Place | None:
    """The place a single phrase names (`Оңтүстік Кореяда`, `Туркестанской области`), else None.

    The whole phrase (apart from surrounding spaces and punctuation) must be one mention;
    deictic references resolve to Kazakhstan.
    """
    phrase = surface.strip().strip(".,;:!?«»\"'()")
    found = find_places(phrase, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase):
        return load_places()[found[0].id]
    return None
