"""The voice rules on parsed sentences (spaCy only, no technique model)."""

import pytest

from spinscope import nlp
from spinscope.detectors.techniques.voice import voice_of


@pytest.mark.parametrize(
    "text, word, voice, speaker",
    [
        ("The opposition leader called the Prime Minister a traitor on Tuesday.", "traitor", "quoted", "The opposition leader"),
        ("Critics have branded the protesters thugs.", "thugs", "quoted", "Critics"),
        ("She described the plan as a disgrace to the nation.", "disgrace", "quoted", "She"),
        ("We call them what they are: traitors.", "traitors", "author", None),
        ("The senator called for an end to the reckless war.", "reckless", "author", None),
        ("This reckless government is a disgrace.", "reckless", "author", None),
    ],
)
def test_reported_naming(text, word, voice, speaker):
    doc = next(nlp.pipe([text]))
    start = text.index(word)
    found = voice_of(start, start + len(word), [], doc)
    assert found.voice == voice
    assert (found.speaker or {}).get("text") == speaker
