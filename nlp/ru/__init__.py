"""Russian named entities: slovnet/natasha NER repaired by rules, base forms with pymorphy3.

Public API: `russian_entities(text) -> list[RuEntity]` and the spaCy factory `saual_ru_ner`
(registered when nlp.ru.component is imported).
"""

from nlp.ru.entities import RuEntity, canonical, russian_entities
from nlp.ru.model import RuNerError

__all__ = ["RuEntity", "RuNerError", "canonical", "russian_entities"]
