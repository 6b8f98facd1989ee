"""Who a document says a number comes from: attribution cues in Kazakh and Russian text.

`find_sources(text, lang)` finds cues (`по данным МВД`, `Ресми дерек`, `оны орталықтар растап отыр`,
`…, — рассказал вице-министр`) and returns `SourceCue`s with the source's name in the document's
words and its kind. Cue patterns are data (resources/sources_<lang>.tsv); so are the words that
make a source official (ministries, committees, akimats, ministers, "ресми/официальные") or
unofficial (diaspora, compatriot centres, associations, NGOs, experts, media, open sources) and
the words trimmed from a source's edges (resources/source_words_<lang>.tsv).

Kind: a cue may fix it (`Ресми дерек` official, `бейресми деректер` unofficial, `Согласно имеющейся
информации` unknown); otherwise the source words decide: in Russian the first kind word of the
source (its head: `эксперты министерства` unofficial), in Kazakh the last (`министрлік сарапшылары`);
a web domain (`Lada.kz`) is media (unofficial); a name (`Ертаев`) that was named earlier in the
text with a known kind keeps that kind; anything else is unknown.

Scope: `following` when the cue opens its sentence and is followed by a comma or colon
(`Ресми дерек, …`, `По данным МВД: …`) or when the pattern says so; otherwise `sentence`.

Which cue governs a figure is decided in nlp.attribution (`CueIndex.attribute`):
1. a cue in the figure's sentence: the nearer of the last cue before the figure and the first cue
   after it (reported speech `…, — рассказал вице-министр`, `…, оны орталықтар растап отыр`);
2. else the nearest earlier sentence of the same paragraph that has a cue, at most
   `FOLLOW_SENTENCES` back: its last cue governs only if its scope is `following` (it introduces
   a series); a sentence-scope cue in between stops the search;
3. in a news item (`news=True`) a speaker (a speech-verb cue such as `рассказал`, `мәлімдеді`) keeps
   governing later sentences, across paragraphs, until another cue appears.
Pronoun sources (`по их данным`, `олардың деректеріне сүйенсек`) are resolved to the last
organisation or official named in the text just before the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .indicators import stem_regex
from .lang import LANGS, UPPER
from .lang.cases import case_endings
from .lang.resources import ResourceError, alternation, forms, rows
from .lang.spans import Span
from .lang.wordlists import ending_alt, word_alt

__all__ = ["KINDS", "SourceCue", "find_sources"]

KINDS = ("official", "unofficial", "unknown")
MAX_WORDS = 9            # longest source phrase, in words
ANAPHOR_WINDOW = 400     # characters searched back for the body a pronoun refers to

_WORD = r"[^\W\d_](?:[\w\-‐]|\.(?=\w))*"
_TOKEN_RE = re.compile(rf"(?P<w>{_WORD})|(?P<q>[«»\"“”„'’])|(?P<nl>\n[^\S\n]*\n)|(?P<p>\S)")
_DOMAIN_RE = re.compile(r"^[\w\-]+\.(?:kz|ru|com|org|net|info|io|uz|kg)$", re.IGNORECASE)
_SENT_START_RE = re.compile(r"(?:^|[.!?…:;]\s*|\n[^\S\n]*\n)[\s«\"(]*$")


@dataclass(frozen=True)
class SourceCue(Span):
    """One attribution in the text: the cue with its source words, a readable name and kind."""

    source: str
    kind: str = "unknown"        # official | unofficial | unknown
    scope: str = "sentence"      # sentence | following
    speech: bool = False         # a speech verb (рассказал, мәлімдеді): a news speaker


@dataclass(frozen=True)
class _Grammar:
    cue_re: re.Pattern
    cue_rows: tuple[tuple[str, str, str], ...]   # (slot, kind, scope) per group c<i>
    words: dict[str, re.Pattern]                # role → regex matching a whole word sequence
    trims: tuple[tuple[str, ...], ...]          # trim phrases as word tuples
    stops: frozenset[str]
    anaphors: frozenset[str]
    nominative: dict[str, str]
    verb: re.Pattern                            # a verb form ends a following source (были, выросла)
    leads: frozenset[str]                       # prepositions dropped from a self-naming cue (по, согласно)
    speech_after: re.Pattern                    # before a speech verb: the speaker follows it
    genitive: re.Pattern                        # a Kazakh genitive ending (dropped from a source's head)
    surname_gen: re.Pattern                     # a Russian surname in the genitive (Ертаева)


def _words_regex(cells: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + alternation([stem_regex(f) for c in cells for f in forms(c)]) + ")",
                      re.IGNORECASE)


def _cues(lang: str) -> tuple[re.Pattern, tuple[tuple[str, str, str], ...]]:
    """One regex with a group per cue row of sources_<lang>.tsv, and (slot, kind, scope) per group."""
    parts, cue_rows, firsts = [], [], set()
    for i, row in enumerate(rows(f"sources_{lang}.tsv", columns=4)):
        if row[1] not in {"after", "before", "speech", "self"} \
                or row[2] not in {*KINDS, "auto"} or row[3] not in {"sentence", "following", "auto"}:
            raise ResourceError(f"sources_{lang}.tsv: bad row {row!r}")
        parts.append(f"(?P<c{i}>" + alternation([stem_regex(f) for f in forms(row[0])]) + ")")
        cue_rows.append((row[1], row[2], row[3]))
        firsts.update(f[0].lower() + f[0].upper() for f in forms(row[0]))
    # a cheap look at the first letter lets the scan skip most word starts before trying every cue
    first = f"(?=[{re.escape(''.join(sorted(firsts)))}])" if all(c.isalpha() for c in "".join(firsts)) else ""
    return re.compile(r"(?<!\w)" + first + "(?:" + "|".join(parts) + ")", re.IGNORECASE), tuple(cue_rows)


@cache
def _grammar(lang: str) -> _Grammar:
    """The compiled cues and source words of one language."""
    by_role: dict[str, list[str]] = {}
    for row in rows(f"source_words_{lang}.tsv", columns=2):
        by_role.setdefault(row[1], []).append(row[0])
    words = {role: _words_regex(cells) for role, cells in by_role.items() if role in ("official", "unofficial")}

    def plain(role: str) -> list[str]:
        return [f.lower() for c in by_role.get(role, []) for f in forms(c)]

    nominative = {}
    if lang == "ru":
        nominative = {r[0].lower(): r[1] for r in rows("source_nominative_ru.tsv") if len(r) > 1}
    surname = word_alt("source_words", "surname_end", (lang,))
    return _Grammar(*_cues(lang), words,
                    tuple(sorted((tuple(t.split()) for t in plain("trim")), key=len, reverse=True)),
                    frozenset(plain("stop")), frozenset(plain("anaphor")), nominative,
                    re.compile(rf"^\w{{2,}}(?:{word_alt('verb_endings', 'finite', (lang,))})$", re.IGNORECASE),
                    frozenset(plain("lead")),
                    re.compile(rf"(?:[,—–\-‐»\"”:]|\b(?:{word_alt('source_words', 'speech_lead')}))\s*$", re.IGNORECASE),
                    re.compile(rf"(?<=\w\w)(?:{ending_alt(case_endings('gen'))})$"),
                    re.compile(rf"^([{UPPER}]\w+(?:{surname}))а$"))


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(type, start, end) tokens of text[start:end]: w word, q quote, nl blank line, p other."""
    return [(m.lastgroup, start + m.start(), start + m.end()) for m in _TOKEN_RE.finditer(text[start:end])]


def _phrase_after(text: str, pos: int, g: _Grammar) -> tuple[int, int] | None:
    """Offsets of the source phrase that starts at pos: words (and quotes) up to punctuation, a digit or a stop word."""
    toks = _tokens(text, pos, min(len(text), pos + 200))
    s = e = None
    n = 0
    for typ, a, b in toks:
        if typ == "q":
            continue
        if typ != "w" or n >= MAX_WORDS or text[a:b].lower() in g.stops or (n > 0 and g.verb.search(text[a:b])):
            break
        s = a if s is None else s
        e, n = b, n + 1
    return (s, e) if s is not None else None


def _phrase_before(text: str, pos: int) -> tuple[int, int] | None:
    """Offsets of the source phrase that ends at pos: words back to punctuation, a digit or a paragraph break."""
    toks = _tokens(text, max(0, pos - 250), pos)
    s = e = None
    n = 0
    for typ, a, b in reversed(toks):
        if typ == "q":
            continue
        if typ != "w" or n >= MAX_WORDS:
            break
        e = b if e is None else e
        s, n = a, n + 1
    return (s, e) if s is not None else None


def _trim(text: str, span: tuple[int, int], g: _Grammar) -> tuple[int, int] | None:
    """Drop conjunctions, pronouns and fillers (trim words) from both edges of a phrase."""
    words = [(m.start() + span[0], m.end() + span[0]) for m in re.finditer(_WORD, text[span[0]:span[1]])]
    changed = True
    while words and changed:
        changed = False
        low = [text[a:b].lower() for a, b in words]
        for t in g.trims:
            if tuple(low[:len(t)]) == t and len(words) > len(t) - 1:
                words, changed = words[len(t):], True
                break
        if words and not changed:
            low = [text[a:b].lower() for a, b in words]
            for t in g.trims:
                if len(words) >= len(t) and tuple(low[-len(t):]) == t:
                    words, changed = words[:-len(t)], True
                    break
    return (words[0][0], words[-1][1]) if words else None


def _kind_of(phrase: str, lang: str, g: _Grammar) -> str:
    """official / unofficial / unknown from the kind words of a source phrase (head first in ru, last in kk)."""
    hits = [(m.start(), role) for role, rx in g.words.items() for m in rx.finditer(phrase)]
    if not hits:
        return "unofficial" if any(_DOMAIN_RE.match(w) for w in phrase.split()) else "unknown"
    hits.sort()
    return hits[0][1] if lang == "ru" else hits[-1][1]


def _normalise(phrase: str, lang: str, g: _Grammar) -> str:
    """A readable name in the document's words: whitespace collapsed; genitive heads made nominative."""
    words = phrase.split()
    if lang == "kk" and words:
        words[-1] = g.genitive.sub("", words[-1])
    elif lang == "ru" and words:
        first = words[0].lower()
        if first in g.nominative:
            nom = g.nominative[first]
            words[0] = nom[0].upper() + nom[1:] if words[0][0].isupper() and nom.islower() else nom
        elif len(words) <= 3:
            words = [g.surname_gen.sub(r"\1", w) for w in words]
    return " ".join(words).strip(" «»\"“”")


def _body_before(text: str, pos: int, lang: str, g: _Grammar) -> tuple[int, int] | None:
    """The phrase around the last official/unofficial body word before pos (what a pronoun refers to)."""
    lo = max(0, pos - ANAPHOR_WINDOW)
    hits = [m for rx in g.words.values() for m in rx.finditer(text, lo, pos)]
    hits = [m for m in hits if m.group().lower() not in g.anaphors]
    if not hits:
        return None
    m = max(hits, key=lambda h: h.end())
    if lang == "kk":
        end = re.match(_WORD, text[m.start():]).end() + m.start()
        span = _phrase_before(text, end)
    else:
        left = _phrase_before(text, m.start())
        start = m.start()
        if left:  # capitalised words just before the head (Республиканская ассоциация)
            caps = [w for w in re.finditer(_WORD, text[left[0]:left[1]])]
            while caps and caps[-1].group()[0].isupper():
                start = left[0] + caps.pop().start()
        after = _phrase_after(text, start, g)
        span = (start, after[1]) if after else None
    return _trim(text, span, g) if span else None


def _at_sentence_start(text: str, pos: int) -> bool:
    return bool(_SENT_START_RE.search(text[max(0, pos - 40):pos]))


def _scope(text: str, start: int, end: int, fixed: str, speech: bool = False) -> str:
    if fixed != "auto":
        return fixed
    nxt = text[end:end + 3].lstrip(" \t")
    if nxt.startswith(":"):
        return "following"
    if speech:  # "отметил, что …" governs its own sentence
        return "sentence"
    return "following" if _at_sentence_start(text, start) and nxt[:1] in {",", ":"} else "sentence"


def _cues_lang(text: str, lang: str) -> list[SourceCue]:
    g = _grammar(lang)
    out: list[SourceCue] = []
    for m in g.cue_re.finditer(text):
        slot, kind, fixed_scope = g.cue_rows[int(m.lastgroup[1:])]
        cue_low = m.group().lower()
        span: tuple[int, int] | None = None
        if slot == "self":
            words = m.group().split()
            if lang == "ru" and len(words) > 1 and words[0].lower() in g.leads:
                words = words[1:]
            src = " ".join(words)
            start, end = m.start(), m.end()
        else:
            if slot == "after" or (slot == "speech" and g.speech_after.search(text[max(0, m.start() - 12):m.start()])):
                span = _phrase_after(text, m.end(), g)
                span = span and _trim(text, span, g)
            else:
                span = _phrase_before(text, m.start())
                span = span and _trim(text, span, g)
                if span is None and slot == "speech":
                    span = _phrase_after(text, m.end(), g)
                    span = span and _trim(text, span, g)
            anaphor = any(w in g.anaphors for w in cue_low.split()) or (
                span is not None and text[span[0]:span[1]].split()[0].lower() in g.anaphors)
            if anaphor:
                body = _body_before(text, min(m.start(), span[0]) if span else m.start(), lang, g)
                if body is None:
                    continue
                src = _normalise(text[body[0]:body[1]], lang, g)
                kind = kind if kind != "auto" else _kind_of(src, lang, g)
                start = min(m.start(), span[0]) if span else m.start()
                end = max(m.end(), span[1]) if span else m.end()
                out.append(SourceCue(start, end, text[start:end], src, kind,
                                     _scope(text, start, end, fixed_scope, slot == "speech"), slot == "speech"))
                continue
            if span is None:
                continue
            phrase = text[span[0]:span[1]]
            named = phrase.split()[-2:] if lang == "kk" and span[1] <= m.start() else phrase.split()
            if slot == "speech" and not any(_kind_of(w, lang, g) != "unknown" or w[:1].isupper() for w in named):
                continue  # "бұл туралы айтты", "маған арыздарын айтты": no speaker named
            src = _normalise(phrase, lang, g)
            start, end = min(m.start(), span[0]), max(m.end(), span[1])
        if kind == "auto":
            kind = _kind_of(src if slot == "self" else text[span[0]:span[1]], lang, g)
        out.append(SourceCue(start, end, text[start:end], src, kind,
                             _scope(text, start, end, fixed_scope, slot == "speech"), slot == "speech"))
    return out


def _stem(word: str) -> str:
    return word.lower()[:5]


def _inherit_kinds(cues: list[SourceCue]) -> list[SourceCue]:
    """An unknown-kind source that repeats a name of an earlier known one (Ертаев) takes its kind."""
    out: list[SourceCue] = []
    for c in cues:
        if c.kind == "unknown":
            names = {_stem(w) for w in c.source.split() if w[:1].isupper() and len(w) >= 4}
            for prev in reversed(out):
                if prev.kind != "unknown" and names & {_stem(w) for w in prev.source.split() if w[:1].isupper()}:
                    c = SourceCue(c.start, c.end, c.text, c.source, prev.kind, c.scope, c.speech)
                    break
        out.append(c)
    return out


def find_sources(text: str, lang: str | None = None) -> list[SourceCue]:
    """All attribution cues of `text` in text order (lang "kk", "ru" or None for both)."""
    langs = (lang,) if lang in LANGS else LANGS
    found = sorted((c for lg in langs for c in _cues_lang(text, lg)), key=lambda c: (c.start, -c.end))
    kept: list[SourceCue] = []
    for c in found:  # overlapping cues: keep the first, longest one
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return _inherit_kinds(kept)
