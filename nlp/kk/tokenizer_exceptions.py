"""Kazakh tokenizer exceptions: abbreviations with a full stop kept whole (data/abbreviations.txt)."""

from __future__ import annotations

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import ORTH
from spacy.util import update_exc

from .data import data_lines

_EXC = {}
for _abbr in data_lines("abbreviations.txt"):
    for _form in {_abbr, _abbr.capitalize()}:
        _EXC[_form] = [{ORTH: _form}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _EXC)
