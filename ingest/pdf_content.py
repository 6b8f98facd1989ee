"""Content-stream pre-filter: keep only the operators that matter for text.

pdfminer tokenises content streams in pure Python, and letterhead emblems drawn as thousands of
curve operators cost more than the text itself. One C-speed regex pass drops path construction,
painting, colour and marked-content operators (with their operands) before pdfminer sees the
stream. Anything the filter does not fully understand (inline images, deeply nested strings)
returns the stream unchanged, so the result is never wrong, at worst not faster.
"""

from __future__ import annotations

import re

from pdfminer.psparser import LIT, PSLiteral

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


# --- a C-speed tokeniser producing pdfminer's operand values, for the text interpreter ---------

class Unsupported(Exception):
    """The stream holds something the fast tokeniser does not handle; use pdfminer's parser."""


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
            b"(": b"(", b")": b")", b"\\": b"\\", b"\n": b"", b"\r": b""}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.DOTALL)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_HEX_JUNK = re.compile(rb"[^0-9A-Fa-f]")
_CONSTANTS = {b"true": True, b"false": False, b"null": None}


def _unescape(m: re.Match[bytes]) -> bytes:
    """One backslash escape of a literal string: octal code, line continuation or named escape."""
    code = m.group(1)
    if code[:1].isdigit():
        return bytes((int(code, 8) & 0xFF,))
    if code == b"\r\n":
        return b""
    return _ESCAPES.get(code, code)


_WS = rb"[\x00\t\n\x0c\r ]"
_NUM = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
# A run of path-construction, painting and colour operators with their numeric operands: skipped
# by one regex call (letterhead emblems are thousands of curve segments).
_PATH_RUN = re.compile(
    rb"(?:(?:" + _NUM + _WS + rb"+)*(?:re|rg|RG|ri|f\*|B\*|b\*|W\*|[mlcvyhSsfFBbnWwJjMigGkK])"
    rb"(?=[\x00\t\n\x0c\r /\[<(]|$)" + _WS + rb"*)+")
_LEAD = re.compile(_WS + rb"+")


def _string(tok: bytes) -> bytes:
    """A literal string token `(…)` as bytes, escapes resolved."""
    body = tok[1:-1]
    return _ESCAPE.sub(_unescape, body) if b"\\" in body else body


def _hex(tok: bytes) -> bytes:
    """A hex string token `<…>` as bytes (junk dropped, an odd last digit padded with 0)."""
    if not len(tok) % 2:  # the usual clean `<0041…>`: no junk to drop, no digit to pad
        try:
            return bytes.fromhex(tok[1:-1].decode("ascii"))
        except ValueError:
            pass
    digits = _HEX_JUNK.sub(b"", tok)
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii"))


def _name(tok: bytes) -> PSLiteral:
    """A name token `/Name` as pdfminer's PSLiteral, #xx escapes resolved."""
    raw = tok[1:]
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda e: bytes((int(e.group(1), 16),)), raw)
    try:
        return LIT(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


# Converters of the rarer operand tokens, by token kind (numbers, hex strings: in `operations`).
_OPERANDS = {"str": _string, "name": _name, "op": _CONSTANTS.__getitem__}


def _close(stack: list[list], dict_marks: list[bool], tok: bytes) -> None:
    """End the innermost array or dictionary and add it to its parent as a list or dict."""
    if not dict_marks or dict_marks[-1] != (tok == b">>"):
        raise Unsupported("unbalanced brackets")
    items = stack.pop()
    if dict_marks.pop():
        keys = [k.name if hasattr(k, "name") else k for k in items[0::2]]
        stack[-1].append(dict(zip(keys, items[1::2])))
    else:
        stack[-1].append(items)


def operations(data: bytes, skip: frozenset[bytes] = DROP) -> list[tuple[bytes, list]]:
    """(operator, operands) pairs of a content stream, operands as pdfminer values.

    Strings are bytes, names PSLiteral, numbers int/float, arrays lists, dictionaries dicts.
    Operators in `skip` are left out. Raises Unsupported for inline images and odd syntax.
    """
    ops: list[tuple[bytes, list]] = []
    stack: list[list] = [[]]
    dict_marks: list[bool] = []  # per open container: is it a dictionary?
    pos, n = 0, len(data)
    match, lead = _TOKEN.match, _LEAD.match
    path_run = _PATH_RUN.match if skip >= DROP else None
    while pos < n:
        w = lead(data, pos)
        if w:
            pos = w.end()
            if pos >= n:
                break
        if path_run is not None and not stack[0] and len(stack) == 1:
            r = path_run(data, pos)
            if r:
                pos = r.end()
                continue
        m = match(data, pos)
        if m is None:
            raise Unsupported(f"unexpected byte at {pos}")
        kind = m.lastgroup
        pos = m.end()
        if kind == "ws":
            continue
        tok = m.group()
        if kind == "num":
            stack[-1].append(float(tok) if b"." in tok else int(tok))
        elif kind == "op" and tok not in _CONSTANTS:  # its operands are the pending top-level values
            if len(stack) > 1:
                raise Unsupported("operator inside an array or dictionary")
            if tok in _GIVE_UP:
                raise Unsupported("inline image")
            if tok not in skip:
                ops.append((tok, stack[0]))
            stack[0] = []
        elif kind == "hex":
            stack[-1].append(_hex(tok))
        elif kind == "open":
            stack.append([])
            dict_marks.append(tok == b"<<")
        elif kind == "close":
            _close(stack, dict_marks, tok)
        else:  # a string, a name, or true/false/null
            stack[-1].append(_OPERANDS[kind](tok))
    if len(stack) > 1:
        raise Unsupported("unclosed array or dictionary")
    return ops
