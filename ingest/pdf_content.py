"""Content-stream pre-filter: keep only the operators that matter for text.

pdfminer tokenises content streams in pure Python, and letterhead emblems drawn as thousands of
curve operators cost more than the text itself. One C-speed regex pass drops path construction,
painting, colour and marked-content operators (with their operands) before pdfminer sees the
stream. Anything the filter does not fully understand (inline images, deeply nested strings)
returns the stream unchanged, so the result is never wrong, at worst not faster.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+ | %[^\r\n]*)
  | (?P<str>\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\))
  | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
  | (?P<open><<|\[)
  | (?P<close>>>|\])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<num>[-+]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*0-9]+|[{}])
""", re.VERBOSE | re.DOTALL)

# Operators that never change where or how text is drawn.
DROP = frozenset(
    b"m l c v y h re S s f F f* B B* b b* n W W* sh d w J j M ri i "
    b"CS cs SC SCN sc scn G g RG rg K k BMC BDC EMC MP DP d0 d1".split()
)
# Inline images hold binary data the tokeniser cannot skip safely.
_GIVE_UP = frozenset((b"BI", b"ID", b"EI"))


def text_operators_only(data: bytes) -> bytes:
    """`data` (a decoded content stream) without the operators in DROP and their operands."""
    out: list[bytes] = []
    start = 0  # where the pending operands of the next operator begin
    pos = 0
    depth = 0
    n = len(data)
    match = _TOKEN.match
    while pos < n:
        m = match(data, pos)
        if m is None:
            return data
        kind = m.lastgroup
        end = m.end()
        if kind == "op" and depth == 0:
            op = m.group()
            if op in _GIVE_UP:
                return data
            if op not in DROP:
                out.append(data[start:end].strip())
                out.append(b"\n")
            start = end
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return data
        pos = end
    if depth:
        return data
    out.append(data[start:].strip())
    return b"".join(out)
