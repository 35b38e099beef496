"""The format tables: every entry resolves to its code, the readers and writers cover exactly them, the docs are current."""

import inspect
from pathlib import Path

from spinscope import formats
from spinscope.ingest import files
from spinscope.outputs.base import Writer
from spinscope.outputs.formats import FORMATS

DOCS = Path(__file__).parents[1] / "docs" / "formats.md"


def test_every_record_kind_has_a_reader_taking_path_options_stats():
    record_kinds = set(formats.INPUT_SUFFIXES.values()) - formats.SINGLE_KINDS
    assert set(formats.RECORD_READERS) == record_kinds
    for target in formats.RECORD_READERS.values():
        params = list(inspect.signature(formats.load(target)).parameters)
        assert params[:3] == ["path", "options", "stats"], target


def test_every_output_format_has_its_writer_and_nothing_else():
    assert set(formats.WRITERS) == set(formats.OUTPUT_FORMATS) == set(FORMATS)
    for name, cls in FORMATS.items():
        assert issubclass(cls, Writer) and cls.name == name


def test_suffixes_are_matched_longest_first_and_gzipped():
    assert files.kind_of("a.html.gz") == "html" and files.kind_of("a.xhtml") == "html"
    assert files.kind_of("dump.ndjson.gz") == "jsonl" and files.kind_of("a.pdf") is None
    assert all(files.kind_of("x" + s) == k for s, k in formats.input_kinds().items())


def test_a_record_file_is_read_through_its_registered_reader(tmp_path):
    from spinscope.options import Options

    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "One sentence here."}\n', encoding="utf-8")
    out = list(files.iter_paths([str(path)], Options()))
    assert [a.id for a in out] == ["a"]


def test_docs_formats_md_is_generated_from_the_tables():
    assert DOCS.read_text(encoding="utf-8") == formats.markdown(), "run: python -m spinscope.formats > docs/formats.md"
