"""nlp.stanza_backend: the adapter on real stanza Documents read from CoNLL-U, missing models, the setting.

stanza is in the dev extra (with the CPU torch pin), so these tests run in CI; its kk/ru models are
not installed there (nothing is downloaded), which is exactly the "missing models" path tested here.
"""

from __future__ import annotations

import logging

import pytest
from stanza.utils.conll import CoNLL

import nlp.stanza_backend as sb
from nlp.entities import EntityError, backend_setting, backends, extract_entities
from tests.textdoc import document_from_text


def conllu(tokens: list[tuple[str, str]], space_after: set[int] = frozenset()) -> tuple[str, str]:
    """(CoNLL-U with start_char/end_char/ner in MISC, the text) for (token, BIOES tag) pairs."""
    lines, text = [], ""
    for i, (tok, tag) in enumerate(tokens):
        if text and (i - 1) not in space_after:
            text += " "
        start = len(text)
        text += tok
        lines.append(f"{i + 1}\t{tok}\t_\tX\t_\t_\t0\tdep\t_\tstart_char={start}|end_char={len(text)}|ner={tag}")
    return f"# text = {text}\n" + "\n".join(lines) + "\n\n", text


KK = [("Құрметті", "O"), ("Олжас", "B-PERSON"), ("Бектенов", "E-PERSON"), ("Астанада", "S-GPE"),
      ("«Ақ", "B-ORGANISATION"), ("жол»", "I-ORGANISATION"), ("партиясы", "E-ORGANISATION"),
      ("2024", "S-DATE"), ("жылы", "O")]
RU = [("Министерство", "B-ORG"), ("финансов", "E-ORG"), ("и", "O"), ("Ертаев", "S-PER"), ("в", "O"),
      ("Южной", "B-LOC"), ("Корее", "E-LOC"), ("Lada.kz", "S-MISC")]


@pytest.mark.parametrize(("tokens", "expected"), [
    (KK, [("Олжас Бектенов", "PER"), ("Астанада", "LOC"), ("«Ақ жол» партиясы", "ORG")]),
    (RU, [("Министерство финансов", "ORG"), ("Ертаев", "PER"), ("Южной Корее", "LOC")]),
])
def test_adapter_on_conllu_documents(tokens, expected):
    source, text = conllu(tokens)
    doc = CoNLL.conll2doc(input_str=source)
    doc.build_ents()
    spans = sb.document_spans(doc, text)
    assert [(text[s:e], label) for s, e, label in spans] == expected


def test_adapter_reanchors_drifting_offsets():
    source, text = conllu(RU)
    doc = CoNLL.conll2doc(input_str=source)
    doc.build_ents()
    shifted = "  " + text  # the tagger saw the text without its leading spaces
    spans = sb.document_spans(doc, shifted)
    assert next((shifted[s:e], label) for s, e, label in spans) == ("Министерство финансов", "ORG")


def test_missing_models_message(tmp_path):
    sb.pipeline.cache_clear()
    with pytest.raises(sb.StanzaUnavailable, match=r"stanza models for 'kk' are not installed in .*download"):
        sb.stanza_entities("Олжас Бектенов", "kk", model_dir=str(tmp_path))


def test_stanza_setting_falls_back_with_one_message(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    monkeypatch.setattr(backends, "_warned", set())
    sb.pipeline.cache_clear()
    doc = document_from_text("Құрметті Олжас Абайұлы!\n\nТүркістан облысындағы шаруалар.\n\nАстанаға келді.")
    with caplog.at_level(logging.WARNING, logger="nlp.entities"):
        got = extract_entities(doc, backend="stanza")
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "stanza backend unavailable" in caplog.records[0].getMessage()
    assert [(e.text, e.label) for e in got] == [(e.text, e.label) for e in extract_entities(doc, "default")]


def test_stanza_spans_enter_the_pipeline(monkeypatch):
    """With a (stand-in) loaded pipeline that returns a real stanza Document, its spans are used."""
    source, text = conllu([("Мұхтар", "B-PERSON"), ("Әуезов", "E-PERSON"), ("жазған", "O")])

    def fake_pipeline(lang, model_dir=None):
        def run(t):
            doc = CoNLL.conll2doc(input_str=source)
            doc.build_ents()
            return doc
        return run

    monkeypatch.setattr(sb, "pipeline", fake_pipeline)
    doc = document_from_text(text)
    got = [(e.text, e.label, e.name_en) for e in extract_entities(doc, backend="stanza")]
    assert ("Мұхтар Әуезов", "PER", "Mukhtar Auyezov") in got


def test_backend_setting(monkeypatch):
    monkeypatch.delenv("SAUAL_NER_BACKEND", raising=False)
    assert backend_setting() == "default"
    monkeypatch.setenv("SAUAL_NER_BACKEND", "Stanza")
    assert backend_setting() == "stanza"
    assert backend_setting("default") == "default"
    with pytest.raises(EntityError, match="unknown NER backend 'spacy'"):
        backend_setting("spacy")
