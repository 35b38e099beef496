"""The story grouping rule: lead extraction, the score, the date window, single vs average link."""

from __future__ import annotations

import pytest

from spinscope.corpus.clusters import clusters, components
from spinscope.corpus.stories import group, similarity
from spinscope.corpus.vectors import lead


def test_stories_lead_is_title_and_first_sentences_without_repeating_the_title():
    text = "Storm hits coast. Winds of 100 mph struck the town. Crews cut power. Schools closed. Shops shut."
    assert lead("Storm hits coast", text, sentences=2) == "Storm hits coast. Winds of 100 mph struck the town. Crews cut power."
    assert lead("", "One.\nTwo. Three.", sentences=2) == "One. Two."


def test_stories_similarity_mixes_cosine_and_entity_overlap():
    assert similarity(0.5, {"a", "b"}, {"b", "c"}, weight=0.7) == pytest.approx(0.7 * 0.5 + 0.3 / 3)
    assert similarity(0.5, set(), {"b"}) == 0.5  # no entities on one side: the cosine alone


def test_stories_single_link_chains_average_link_does_not():
    edges = {(0, 1): 0.9, (1, 2): 0.6, (0, 2): 0.1}
    assert components(3, {p: s for p, s in edges.items() if s >= 0.5}) == [[0, 1, 2]]
    assert clusters(3, edges, 0.5, "single") == [[0, 1, 2]]
    assert clusters(3, edges, 0.5, "average") == [[0, 1]]
    with pytest.raises(ValueError):
        clusters(3, edges, 0.5, "complete")


def _item(doc_id, title, text, published, entities=()):
    return {"doc_id": doc_id, "outlet": doc_id[0], "tone": None, "words": 20, "title": title, "text": text, "published": published, "entities": set(entities), "techniques": 0, "has_techniques": False}


def test_stories_date_window_separates_the_same_words_months_apart():
    text = "The city council voted to close the old steel mill after a long debate about jobs and pollution."
    items = [
        _item("a1", "Council votes to close steel mill", text, "2024-03-01"),
        _item("b1", "Council votes to close steel mill", text + " Again.", "2024-03-02"),
        _item("c1", "Council votes to close steel mill", text + " Later.", "2024-06-01"),
    ]
    stories = group(items, encoder="tfidf", threshold=0.3, days=3)
    assert [s["articles"] for s in stories] == [["a1", "b1"]]
    assert stories[0]["id"] == "story-1" and stories[0]["start"] == "2024-03-01"
    assert [len(s["articles"]) for s in group(items, encoder="tfidf", threshold=0.3, days=365)] == [3]


def test_stories_unknown_encoder_is_a_usage_error():
    from spinscope.errors import UsageError

    with pytest.raises(UsageError, match="E506"):
        group([_item("a", "t", "x", None), _item("b", "t", "x", None)], encoder="bert")


def test_stories_average_link_splits_an_oversized_component(monkeypatch):
    from spinscope.corpus import clusters as mod

    monkeypatch.setattr(mod, "MAX_AVERAGE", 3)
    edges = {(0, 1): 0.9, (1, 2): 0.52, (2, 3): 0.9, (3, 4): 0.9, (2, 4): 0.8}
    assert sorted(map(sorted, clusters(5, edges, 0.5, "average"))) == [[0, 1], [2, 3, 4]]
    assert sorted(map(sorted, mod._bounded(list(range(5)), edges, 0.5))) == [[0, 1], [2, 3, 4]]  # split at 0.55 before averaging
    monkeypatch.setattr(mod, "MAX_AVERAGE", 10)
    assert mod._bounded(list(range(5)), edges, 0.5) == [[0, 1, 2, 3, 4]]
