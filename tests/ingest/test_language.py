"""Article.language: the record's or page's own word first, else read from the text; null when unclear."""

import json

import pytest

from spinscope.ingest import from_string
from spinscope.ingest.language import code_of, detect
from spinscope.ingest.records import iter_jsonl
from spinscope.options import Options

TEXTS = {
    "en": "The city council voted on Tuesday night to close the harbour branch library, ending a fight that has lasted most of the year.",
    "fr": "Le conseil municipal a voté mardi soir la fermeture de la bibliothèque du port, mettant fin à une bataille qui a duré presque toute l'année.",
    "de": "Der Stadtrat hat am Dienstagabend beschlossen, die Hafenbibliothek zu schließen, und damit einen Streit beendet, der fast das ganze Jahr dauerte.",
    "es": "El ayuntamiento votó el martes por la noche el cierre de la biblioteca del puerto, poniendo fin a una disputa que ha durado casi todo el año.",
    "ru": "Городской совет во вторник вечером проголосовал за закрытие библиотеки в порту, положив конец спору, который длился почти весь год.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_language_is_read_from_the_text(code):
    article = from_string("Headline\n\n" + TEXTS[code], options=Options())
    assert article.language == code
    assert article.metadata_sources["language"] == "detected"


def test_too_little_text_gives_no_language():
    assert detect("OK 12 34") is None
    assert from_string("Short note.\n\nYes.", options=Options()).language is None


def test_the_html_lang_attribute_wins_over_the_text():
    html = f"<html lang='es-MX'><head><title>Titulo</title></head><body><article><h1>Titulo</h1><p>{TEXTS['en']}</p><p>{TEXTS['en']}</p></article></body></html>"
    article = from_string(html, options=Options())
    assert article.language == "es" and article.metadata_sources["language"] == "html"


def test_a_record_field_wins_and_is_normalised(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXTS["en"], "language": "de-AT"}) + "\n", encoding="utf-8")
    (article,) = list(iter_jsonl(str(path), Options()))
    assert article.language == "de" and article.metadata_sources["language"] == "record"


def test_codes_are_normalised():
    assert [code_of(v) for v in ("en-US", "EN", "pt_BR", "english language", "", None)] == ["en", "en", "pt", None, None, None]


def test_detection_is_the_same_every_time():
    assert len({detect(TEXTS["fr"] * 3) for _ in range(5)}) == 1
