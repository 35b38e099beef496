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


LONG_BODY = (
    "The city council voted on Tuesday night to close the harbour branch library, ending a fight that has lasted most of the year, officials said.\n\n"
    "Residents packed the chamber and several of them spoke against the plan, saying the branch was the only quiet place many children had."
)


@pytest.mark.parametrize(
    "head, tail, expected",
    [
        ("Written by Yusuf Karaca on March 3, 2019", "", {"authors": ["Yusuf Karaca"], "published": "2019-03-03"}),
        ("Elena Marchetti, Staff Reporter\n\n12 June 2018", "", {"authors": ["Elena Marchetti"], "published": "2018-06-12"}),
        ("Priya Raman · 5 Nov 2019", "", {"authors": ["Priya Raman"], "published": "2019-11-05"}),
        ("By Jane Doe for The Morning Ledger", "", {"authors": ["Jane Doe"], "outlet": "The Morning Ledger"}),
        ("By Maria Lindqvist, The Morning Ledger", "", {"authors": ["Maria Lindqvist"], "outlet": "The Morning Ledger"}),
        ("Story by Jane Doe", "", {"authors": ["Jane Doe"]}),
        ("Updated 12 June 2018", "", {"published": "2018-06-12"}),
        ("Published March 3, 2019\n\nUpdated 12 June 2020", "", {"published": "2019-03-03"}),
        ("", "© 2019 Capital Signal. All rights reserved.", {"outlet": "Capital Signal"}),
        ("", "Copyright © 2018 The Lantern Review Ltd. All rights reserved.", {"outlet": "The Lantern Review"}),
        ("", "About the author: Grace Holloway writes about politics and the media. Contact: grace@example.org", {"authors": ["Grace Holloway"]}),
    ],
)
def test_more_byline_date_and_credit_shapes(head, tail, expected):
    page = "Library to close\n\n" + (head + "\n\n" if head else "") + LONG_BODY + ("\n\n" + tail if tail else "")
    article = from_string(page, options=Options())
    for field, value in expected.items():
        assert getattr(article, field) == value, field
    assert article.title == "Library to close"
    for line in filter(None, (head + "\n" + tail).split("\n")):
        assert line not in article.text


def test_a_masthead_or_section_link_above_the_headline_is_not_the_title():
    page = f"Capital Signal\n\nLocal\n\nLibrary to close\n\n{LONG_BODY}\n\n© 2019 Capital Signal. All rights reserved."
    article = from_string(page, options=Options())
    assert article.title == "Library to close"
    assert article.outlet == "Capital Signal"


def test_a_shop_advert_is_never_the_title():
    ad = "Visit Red Revolution Media's online store for all your socialist, progressive and protest fashions and accessories."
    article = from_string(f"{ad}\n\nLibrary to close\n\n{LONG_BODY}", options=Options())
    assert article.title == "Library to close"
    assert ad not in article.text


def test_each_removed_line_lists_what_was_read_from_it():
    page = "Library to close\n\nBy Jane Doe | Springfield Gazette\n\n" + LONG_BODY + "\n\n© 2019 Capital Signal. All rights reserved."
    article = from_string(page, options=Options())
    read = {b.text: b.read for b in article.boilerplate}
    assert read["By Jane Doe | Springfield Gazette"] == {"authors": ["Jane Doe"], "outlet": "Springfield Gazette"}
    assert read["© 2019 Capital Signal. All rights reserved."] == {"outlet": "Capital Signal"}  # read, though the byline's outlet won
    assert article.outlet == "Springfield Gazette"


def test_a_date_in_a_file_name_is_the_last_resort(tmp_path):
    from spinscope.ingest import iter_paths

    dated = tmp_path / "2020-01-05-library.txt"
    dated.write_text("Library to close\n\n" + LONG_BODY, encoding="utf-8")
    both = tmp_path / "20200105_library.txt"
    both.write_text("Library to close\n\nMarch 3, 2019\n\n" + LONG_BODY.replace("harbour", "river"), encoding="utf-8")
    plain = tmp_path / "library-2020.txt"
    plain.write_text("Library to close\n\n" + LONG_BODY.replace("harbour", "lake"), encoding="utf-8")
    found = {a.source.rsplit("/", 1)[-1]: (a.published, a.metadata_sources.get("published")) for a in iter_paths([str(tmp_path)], Options())}
    assert found == {
        "2020-01-05-library.txt": ("2020-01-05", "file_name"),
        "20200105_library.txt": ("2019-03-03", "date_line"),
        "library-2020.txt": (None, None),
    }
