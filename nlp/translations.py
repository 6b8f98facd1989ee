"""Translation links in a bilingual inquiry: the demands and figures of one language half paired with
their counterparts in the other, so that a translated pair is counted once.

The halves are two titled parts in different languages (`ДЕПУТАТТЫҚ САУАЛ` … `ДЕПУТАТСКИЙ ЗАПРОС` …),
else two runs of paragraph language that each cover a good share of the text. Items are paired by a
monotone alignment (both halves keep their order) of the largest total weight; the caller's weight says
how alike two items are (0 or less: never a pair).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .analysis import Quoted
from .inquiry.frame import Part, parts
from .lang import Segmentation

MIN_PARAGRAPH = 40  # shorter paragraphs (headers, closings, names) do not break a language run
MIN_SHARE = 0.25  # each language run of an untitled bilingual text covers at least this share of it
MAX_DRIFT = 0.3  # counterparts lie at about the same relative place in their halves
PIECE = 200  # halves with more items are aligned in pieces of about this many (by relative place)


@dataclass(frozen=True)
class Half:
    """One language half of a document: text[start:end] in `lang`."""

    start: int
    end: int
    lang: str

    def relative(self, offset: int) -> float:
        """Where `offset` lies in the half, from 0 (its start) to 1 (its end)."""
        return (offset - self.start) / max(self.end - self.start, 1)


Weight = Callable[[Quoted, Quoted, float], float]  # (item of half 1, item of half 2, drift) → how alike


def halves(seg: Segmentation) -> tuple[Half, Half] | None:
    """The two language halves of a bilingual document (None when it has no such halves)."""
    if "+" not in (seg.doc.language or ""):
        return None
    text = seg.doc.text
    titled = parts(text)
    if len(titled) == 2 and titled[1].title is not None:
        cut = _cut(titled[1])
        first, second = _lang(seg, 0, cut), _lang(seg, cut, len(text))
        if first and second and first != second:
            return Half(0, cut, first), Half(cut, len(text), second)
        return None
    return _runs(seg) if len(titled) < 2 else None


def _cut(part: Part) -> int:
    """Where the second half begins: its address block, as far as its lines are in its title's language."""
    k = part.title or 0
    while k > 0 and part.lines[k - 1].lang == part.lines[part.title or 0].lang:
        k -= 1
    return part.lines[k].start


def _lang(seg: Segmentation, start: int, end: int) -> str | None:
    """The language most of the paragraphs in text[start:end] are in (by length)."""
    size: dict[str, int] = {}
    for para in seg.segments:
        if start <= para.start < end:
            lang = para.lang or para.script_lang
            size[lang] = size.get(lang, 0) + para.end - para.start
    return max(size, key=lambda k: size[k]) if size else None


def _runs(seg: Segmentation) -> tuple[Half, Half] | None:
    """Two runs of paragraph language (short paragraphs aside), each over MIN_SHARE of the text."""
    runs: list[list] = []  # [lang, first start, last end] of the paragraphs in one language
    for para in seg.segments:
        if len(para.text.strip()) < MIN_PARAGRAPH:
            continue
        lang = para.lang or para.script_lang
        if runs and runs[-1][0] == lang:
            runs[-1][2] = para.end
        else:
            runs.append([lang, para.start, para.end])
    total = max(len(seg.doc.text), 1)
    if len(runs) != 2 or not MIN_SHARE <= runs[1][1] / total <= 1 - MIN_SHARE:
        return None
    cut = runs[1][1]
    return Half(0, cut, runs[0][0]), Half(cut, len(seg.doc.text), runs[1][0])


def translations(seg: Segmentation, items: Sequence[Quoted], weight: Weight) -> list[int | None]:
    """For each item, the index of its counterpart in the other half (None: unpaired or no halves)."""
    out: list[int | None] = [None] * len(items)
    pair = halves(seg)
    if pair is None:
        return out
    a, b = pair
    first = sorted((i for i, it in enumerate(items) if a.start <= it.start < a.end), key=lambda i: items[i].start)
    second = sorted((i for i, it in enumerate(items) if b.start <= it.start < b.end), key=lambda i: items[i].start)

    pieces = max(1, -(-max(len(first), len(second)) // PIECE))
    for k in range(pieces):  # long halves piece by piece (by relative place), so the work stays linear
        xs = [i for i in first if min(int(a.relative(items[i].start) * pieces), pieces - 1) == k]
        ys = [j for j in second if min(int(b.relative(items[j].start) * pieces), pieces - 1) == k]

        def alike(i: int, j: int, xs: list[int] = xs, ys: list[int] = ys) -> float:
            x, y = items[xs[i]], items[ys[j]]
            drift = abs(a.relative(x.start) - b.relative(y.start))
            return weight(x, y, drift) if drift <= MAX_DRIFT else 0.0

        for i, j in align(len(xs), len(ys), alike):
            out[xs[i]], out[ys[j]] = ys[j], xs[i]
    return out


def align(n: int, m: int, alike: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """The order-keeping pairs (i, j) of two sequences of n and m items with the largest total `alike`
    (pairs of weight 0 or less are never taken): the dynamic programme of a weighted common subsequence."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            w = alike(i, j)
            best[i + 1][j + 1] = max(best[i][j + 1], best[i + 1][j], best[i][j] + w if w > 0 else 0.0)
    pairs = []
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]
