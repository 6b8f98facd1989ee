"""Russian case forms of gazetteer names, generated with pymorphy3 (`Южная Корея` → `Южной Корее`, ...).

The words up to the first noun (the head) are inflected in agreement with it; words after the head
stay as written (`Республика Казахстан` → `Республики Казахстан`, `Соединённые Штаты Америки`);
after `и` the next noun phrase is inflected too (`Босния и Герцеговина`). Abbreviations and
indeclinable words keep their form.
"""

from __future__ import annotations

from functools import cache

from ..lang.morph import morph

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_ADJ = ("ADJF", "PRTF")


def _parse(word: str, want_adj: bool):
    """The most plausible nominative parse of a word of a name, or None."""
    parses = [p for p in morph().parse(word.lower()) if "nomn" in p.tag]
    if not parses:
        return None

    def rank(p) -> tuple:
        pos = p.tag.POS
        return (
            (pos in _ADJ) if want_adj else (pos == "NOUN"),
            "Geox" in p.tag,
            "Abbr" not in p.tag,
            p.score,
        )

    return max(parses, key=rank)


def _restore(form: str, model: str) -> str:
    """`form` with the letter case of `model` (ALL CAPS or Capitalised parts around hyphens)."""
    if model.isupper():
        return form.upper()
    parts, models = form.split("-"), model.split("-")
    out = []
    for i, part in enumerate(parts):
        m = models[min(i, len(models) - 1)]
        out.append(part[:1].upper() + part[1:] if m[:1].isupper() else part)
    return "-".join(out)


@cache
def case_forms(name: str) -> frozenset[str]:
    """The name in the six cases (its own number), including the name itself."""
    words = name.split()
    if any(w.isupper() and len(w) > 1 for w in words[:1]):
        return frozenset({name})
    parses = []
    head = None
    for i, w in enumerate(words):
        if head is not None and w.lower() != "и":
            parses.append(None)
            continue
        if w.lower() in ("и", "—", "–", "-"):
            parses.append(None)
            if w.lower() == "и":
                head = None  # inflect the next noun phrase as well
            continue
        later_noun = i + 1 < len(words)
        p = _parse(w, want_adj=later_noun)
        if p is not None and p.tag.POS not in _ADJ:
            head = p
        parses.append(p)
    heads = [p for p in parses if p is not None and p.tag.POS not in _ADJ]
    if not heads and len(words) == 1 and parses[0] is not None:
        return _adjective_forms(words[0], parses[0])
    out = {name}
    for case in CASES:
        forms = []
        current_head = None
        for i, (w, p) in enumerate(zip(words, parses)):
            if p is None:
                forms.append(w)
                continue
            if p.tag.POS in _ADJ:
                nxt = next((q for q in parses[i + 1:] if q is not None and q.tag.POS not in _ADJ), current_head)
                grams = {case}
                if nxt is not None:
                    grams.add(nxt.tag.number or "sing")
                    if nxt.tag.number == "sing" and nxt.tag.gender:
                        grams.add(nxt.tag.gender)
                f = (p.inflect(grams | {"inan"}) if case == "accs" else None) or p.inflect(grams)
            else:
                current_head = p
                f = p.inflect({case})
            forms.append(_restore(f.word, w) if f is not None else w)
        out.add(" ".join(forms))
    return frozenset(out)


def _adjective_forms(word: str, parse) -> frozenset[str]:
    """Every full form (case, gender, number) of a single adjective such as `отечественный`."""
    out = {word}
    for f in parse.lexeme:
        if f.tag.POS in _ADJ and "Cmp2" not in f.tag and "Supr" not in f.tag:
            out.add(_restore(f.word, word))
    return frozenset(out)
