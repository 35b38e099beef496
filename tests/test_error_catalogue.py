"""The error catalogue: every code raised is catalogued, every catalogued code is raised, docs/errors.md is current."""

import re
from pathlib import Path

import spinscope
import spinscope_train
from spinscope import errors

SRC = Path(spinscope.__file__).parent
TRAIN = Path(spinscope_train.__file__).parent  # training raises the same catalogued errors
DOCS = SRC.parents[1] / "docs" / "errors.md"
CODE = re.compile(r"""["'\[](E\d{3})["'\]]""")


def used_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")) + sorted(TRAIN.rglob("*.py")):
        if path == SRC / "errors.py":
            continue
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(path.relative_to(SRC.parent).as_posix())
    return found


def test_every_code_used_in_the_code_is_catalogued():
    catalogued = {code for code, _, _ in errors.catalogue()}
    missing = {code: where for code, where in used_codes().items() if code not in catalogued}
    assert not missing, f"codes used but not in errors.Errors: {missing}"


def test_every_catalogued_code_is_used():
    unused = [code for code, _, _ in errors.catalogue() if code not in used_codes()]
    assert not unused, f"catalogued but never raised: {unused}"


def test_each_code_has_one_http_status_in_its_family():
    for code, _, status in errors.catalogue():
        assert 400 <= status < 600, code
        if code[1] in "12":
            assert status == 422, code  # bad input or options
    assert errors.http_status("E609") == 404 and errors.http_status("E607") == 401


def test_one_record_shape():
    rec = errors.InputError("E102", source="a.txt").to_dict()
    assert rec == {"ok": False, "code": "E102", "error": errors.message("E102"), "status": 422, "source": "a.txt"}
    assert set(errors.record("E600", "x")) == set(rec)


def test_docs_errors_md_is_generated_from_the_catalogue():
    assert DOCS.read_text(encoding="utf-8") == errors.catalogue_markdown(), "run: python -m spinscope.errordocs > docs/errors.md"
