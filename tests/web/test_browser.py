"""The web UI in a real browser (Debian's chromium driven by Playwright); screenshots go to test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SPINSCOPE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTICLE = (
    "Leaders meet in Geneva\n\n"
    "The corrupt traitors in the capital met again on Tuesday, officials said.\n"
    "Make the nation great, the minister told the crowd.\n"
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> [click](javascript:window.__pwned=1)\n'
)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install the 'test' extra")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def _analyse(page, live_server, web_detector):
    page.goto(live_server + "/")
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=detectors]", f"{web_detector},profile")
    page.click("button.primary")
    page.wait_for_selector(".article-text")


def test_browser_highlights_filters_and_runs_no_script(page, live_server, web_detector):
    _analyse(page, live_server, web_detector)
    texts = page.eval_on_selector_all(".article-text .hl", "els => els.map(e => [e.dataset.t, e.textContent])")
    assert ["9", "traitors"] in texts and ["8", "corrupt "] in texts and ["11", "Make the nation great"] in texts
    # Overlap: 'traitors' is inside the Loaded_Language span and carries its own Name_Calling span.
    assert page.locator(".hl.t8 > .hl.t9", has_text="traitors").count() == 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.inner_text(".article-text")
    assert "<script>window.__pwned=1</script>" in body and 'onerror="window.__pwned=1"' in body and "javascript:" in body
    page.screenshot(path=str(ARTIFACTS / "analyze.png"), full_page=True)

    assert page.locator(".legend-item.t8 .count").inner_text() == "1"
    page.click(".legend-item.t8")
    assert page.get_attribute(".legend-item.t8", "aria-pressed") == "false"
    assert page.locator(".hl.t8.off").count() == page.locator(".hl.t8").count() > 0
    assert page.locator(".hl.t9.off").count() == 0
    assert page.inner_text(".visible-count") == "2"
    page.screenshot(path=str(ARTIFACTS / "analyze-filtered.png"), full_page=True)
    page.click(".legend-item.t8")
    page.fill(".min-score", "0.8")
    page.dispatch_event(".min-score", "input")
    assert page.locator(".hl.t9:not(.off)").count() > 0 and page.locator(".hl.t11.off").count() > 0
    assert page.inner_text(".min-score-value") == "0.80"
    title = page.get_attribute(".hl.t9", "title")
    assert "Name calling / labelling — confidence 0.90" in title and "Loaded language — confidence 0.40" in title


def test_browser_corpus_pages(page, live_server):
    for path, expect in [("/outlets", "Herald"), ("/stories", "Ceasefire talks"), ("/duplicates", "0.93"), ("/search?q=traitors", "Stored article"), ("/articles", "Stored article")]:
        page.goto(live_server + path)
        assert expect in page.inner_text("main"), path
        page.screenshot(path=str(ARTIFACTS / f"{path.strip('/').split('?')[0]}.png"), full_page=True)
    page.goto(live_server + "/outlets")
    assert page.locator("svg.chart rect").count() >= 4  # two outlets in at least two charts
    page.goto(live_server + "/search?q=traitors")
    assert page.locator("mark", has_text="traitors").count() >= 1
    page.goto(live_server + "/articles/doc-1")
    assert page.get_attribute("a[href^='/articles?outlet=']", "href") == "/articles?outlet=Daily Planet"
    assert page.locator("a[href='/stories#story-7']").count() == 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_browser_form_keeps_the_text_and_its_fields(page, live_server, web_detector):
    page.goto(live_server + "/")
    assert page.is_disabled("input[name=store]")  # the test server has no store
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=title]", "Leaders meet in Geneva")
    page.fill("input[name=outlet]", "Daily Planet")
    page.fill("input[name=published]", "2024-03-01")
    page.fill("input[name=detectors]", f"{web_detector},profile")
    page.click("button.primary")
    page.wait_for_selector(".article-text")
    assert page.input_value("textarea[name=text]") == ARTICLE  # the pasted text, still there to edit and send again
    assert page.input_value("input[name=title]") == "Leaders meet in Geneva" and page.input_value("input[name=outlet]") == "Daily Planet"
    assert page.input_value("input[name=published]") == "2024-03-01"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.inner_text(".article-head h2") == "Leaders meet in Geneva"
    assert page.inner_text(".article-text").startswith("The corrupt traitors")  # the title is not repeated as the first line
    assert "Outlet: Daily Planet" in page.inner_text(".article-head") and "Published: 2024-03-01" in page.inner_text(".article-head")


def test_browser_explanations_in_place_and_in_print(page, live_server, web_detector):
    _analyse(page, live_server, web_detector)
    assert not page.is_visible(".explanations") and not page.is_visible(".explain-tag")
    page.check(".explain-toggle")
    assert page.is_visible(".explanations") and page.locator(".explain-tag:visible").count() == 3
    assert "Loaded language" in page.inner_text(".explanations") and "Example:" in page.inner_text(".explanations")
    after = page.eval_on_selector(".explain-tag.t9", "e => [e.textContent, e.previousElementSibling.textContent]")
    assert after == ["Name calling / labelling", "traitors"]  # the name right after its span
    page.screenshot(path=str(ARTIFACTS / "analyze-explained.png"), full_page=True)
    page.click(".legend-item.t8")  # a hidden technique hides its name too
    assert page.locator(".explain-tag:visible").count() == 2
    page.click(".legend-item.t8")
    page.uncheck(".explain-toggle")
    page.emulate_media(media="print")
    assert page.is_visible(".explanations") and page.locator(".explain-tag:visible").count() == 3  # printed without the switch
    assert not page.is_visible(".explain-toggle") and not page.is_visible("form.analyze")
    page.pdf(path=str(ARTIFACTS / "analyze-print.pdf"))
