"""The number layer of figures: find numeric expressions in Kazakh and Russian text and normalise them.

`find_numbers(text, lang)` returns one `NumberMatch` per number that can be a figure: digits
(`10 707`, `1.200`, `156,7`), scale words (`126 тыс.`, `20 мыңға`, `3 млн 200 тыс.`), units (`%`, `тенге`, `$`),
ranges (`2-4%`, `от 5 до 7`, `5-тен 7-ге дейін`) and approximation/limit words before or after
the number (`около`, `более`, `жуық`, `астам`, `-дай`). All words are data in nlp/resources/.

Rules that decide what is NOT returned (conventions of the gold annotation):
- dates (`21.05.2025`, `21 мая`, `2 қыркүйекте`), years (a year-like number before год/жыл/г./ж.,
  `2020-2022 жылдары`, a bare year range), times (`14:30`), versions and stamps (`7.23.0`),
  telephone numbers (`74-67-84`, `тел. 746842`, `8(7172) 74-63-61`);
- document, article and clause numbers (`№ 81`, `ст.6`, `пункт 36`, `81-бап`, `36 тармағына`),
  list numbering (`1)`, `2.` or `1 –` at a line start), codes (`Е-9`, `1А`);
- ordinals: a digit with a hyphenated ending that is not a case ending (`7-ші`, `3-й`, `5-го`);
- vague magnitudes (`мыңдаған`, `жүз мыңдаған`, `ондаған миллиард`, `несколько тысяч`);
- number words that only refer or enumerate: a spelled-out number is returned only when a scale
  word, a unit, a person noun or a time noun follows it (`два года`, `екі жүз мың`, `бес пайыз`);
  one (`бір`, `один`) only before a scale word or unit. Shares (`половина`, `треть`, `жарты`,
  `үштен бірі`) are returned as percent (половина → 50, unit percent) unless a time noun follows
  (`половина года`); "zero" adjectives only before a rate noun (`нулевая ставка` → 0).
Unit is "percent", a currency code (KZT, USD, RUB, EUR), "persons" when a person noun follows
(адам, азамат, граждан, казахстанцев...; the noun is then inside the span), or None.

Modules: match.py (values, digit and word arithmetic), lex.py (shared patterns, `Lex`), grammar.py
(the compiled vocabulary and parsing steps), find.py (the pass over a text, ranges).
"""

from .find import find_numbers
from .match import APPROX, QUALIFIERS, NumberMatch

__all__ = ["APPROX", "QUALIFIERS", "NumberMatch", "find_numbers"]
