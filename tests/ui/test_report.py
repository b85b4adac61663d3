"""The HTML report in a real browser: everything highlighted, nothing fetched, nothing run."""

from __future__ import annotations

import pytest

import newsresearch as nr
from newsresearch.analysis import analyze
from newsresearch.paths import REPORTS, SAMPLE_ARTICLE
from newsresearch.report import CSP, write_report

SCREENSHOT = REPORTS / "ui-report.png"

HOSTILE = (
    "Town council votes on the budget\n\n"
    "“<script>window.__pwned = 1</script> We will not pay,” said Mayor Jane Doe on Monday.\n\n"
    "The council spent $3.5 million, officials said. "
    "<img src=x onerror=\"window.__pwned = 2\"> More than 40,000 residents signed.\n\n"
    "“<b onmouseover=alert(1)>Bold</b> claims,” Ms. Doe added. </div></span><style>*{display:none}"
    "</style>"
)


def _open(page, path):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return requests


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    art = nr.read_article(SAMPLE_ARTICLE)
    a = analyze(art)
    path = write_report(a, tmp_path_factory.mktemp("report") / "report.html")
    return a, path


def test_report_highlights_every_quote_and_figure(page, sample_report):
    a, path = sample_report
    requests = _open(page, path)
    assert page.locator(".nr-quote").count() == len(a.quotes) > 0
    assert page.locator(".nr-figure").count() == len(a.figures) > 0
    assert page.locator(".nr-actor").count() >= 0.9 * len(a.actors)
    # every quote element carries its own text: the browser shows what the table says
    shown = page.locator(".nr-quote").evaluate_all("els => els.map(e => e.textContent)")
    assert [s.strip() for s in shown][:5] == [q.strip() for q in a.quotes["quote"]][:5]
    # charts are embedded images that decode; nothing was fetched from anywhere
    images = page.locator("figure img")
    assert images.count() >= 5
    assert all(images.evaluate_all("els => els.map(i => i.complete && i.naturalWidth > 100)"))
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert page.title().startswith("Blinken returns to the Middle East")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


@pytest.mark.parametrize("keep_csp", [True, False], ids=["as written", "without its CSP"])
def test_hostile_article_shows_as_text_and_runs_nothing(page, tmp_path, keep_csp):
    art = nr.Article.from_text(HOSTILE)
    path = write_report(art, tmp_path / "hostile.html")
    if not keep_csp:
        # escaping alone must be enough: drop the Content-Security-Policy and try again
        html = path.read_text(encoding="utf-8")
        assert CSP in html
        path.write_text(html.replace(CSP, "default-src * 'unsafe-inline'"), encoding="utf-8")
    _open(page, path)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    body = page.inner_text("body")
    assert "<script>window.__pwned = 1</script>" in body
    assert '<img src=x onerror="window.__pwned = 2">' in body
    assert "<b onmouseover=alert(1)>Bold</b>" in body
    # the script text is visible to a reader, not hidden by the injected <style>
    assert page.get_by_text("<script>window.__pwned = 1</script>", exact=False).first.is_visible()
    assert page.locator("script, img[onerror], b[onmouseover], body style").count() == 0
    a = analyze(art)
    assert page.locator(".nr-quote").count() == len(a.quotes) >= 2
    assert page.locator(".nr-figure").count() == len(a.figures) >= 2
