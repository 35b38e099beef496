"""Metadata read from a pasted page's own lines: bylines, date lines, datelines, signatures; the lines stay out of the text."""

import pytest

from spinscope.ingest import from_string
from spinscope.options import Options

BODY = "The council voted on Tuesday to close the library, officials said.\n\nResidents said they would appeal the decision."


@pytest.mark.parametrize(
    "page, expected",
    [
        (f"Published March 3, 2025 | By Jane Doe | Springfield Gazette\n\n{BODY}", {"published": "2025-03-03", "authors": ["Jane Doe"], "outlet": "Springfield Gazette"}),
        (f"Library to close\n\nJuly 11, 2017\n\nBy John Smith and Mary Jones\n\n{BODY}", {"published": "2017-07-11", "authors": ["John Smith", "Mary Jones"], "title": "Library to close"}),
        (f"Library to close\n\nSunday, 05 Jan, 2020\n\n{BODY}", {"published": "2020-01-05", "title": "Library to close"}),
        (f"Library to close\n\n{BODY}\n\nJohn Smith writes for The Anti-Media, where this article first appeared.", {"authors": ["John Smith"], "origin": "The Anti-Media"}),
    ],
)
def test_lines_give_metadata_and_leave_the_text(page, expected):
    article = from_string(page, options=Options())
    for field, value in expected.items():
        assert getattr(article, field) == value, field
        assert article.metadata_sources[field]
    for line in ("By ", "Published", "writes for", "Jan, 2020", "July 11"):
        assert line not in article.text


def test_wire_dateline_names_the_agency_and_is_not_the_title():
    article = from_string(f"DORRIN, March 14 (Meridian Press Agency) - {BODY}", options=Options())
    assert article.origin == "Meridian Press Agency" and article.metadata_sources["origin"] == "agency_credit"
    assert article.title is None


def test_options_win_over_the_page():
    opts = Options(metadata={"outlet": "Given", "published": "2024-01-02"})
    article = from_string(f"Published March 3, 2025 | By Jane Doe | Springfield Gazette\n\n{BODY}", options=opts)
    assert (article.outlet, article.published, article.authors) == ("Given", "2024-01-02", ["Jane Doe"])
    assert article.metadata_sources["outlet"] == "option"
