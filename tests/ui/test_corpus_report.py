"""The corpus report in a real browser: nothing fetched, nothing run, the compare numbers shown."""

from __future__ import annotations

import pytest
from test_report import HOSTILE_SPEAKER, HOSTILE_TITLE, hostile_corpus, shown

from newsresearch import compare
from newsresearch.charts.registry import CORPUS_CHARTS
from newsresearch.paths import REPORTS
from newsresearch.report import CSP, wikinews_results, write_corpus_report

SCREENSHOT = REPORTS / "ui-corpus-report.png"
NUMBERS = ["n_articles", "numerator", "denominator", "estimate", "ci_low", "ci_high"]


def _open(page, path):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return requests


def _table(page, table_id) -> list[list[str]]:
    return page.locator(f"#{table_id} tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()))")


def _header(page, table_id) -> list[str]:
    return page.locator(f"#{table_id} thead th").evaluate_all(
        "ths => ths.map(t => t.textContent.trim())")


@pytest.fixture(scope="module")
def wikinews_report(tmp_path_factory):
    res = wikinews_results()
    return res, write_corpus_report(res, tmp_path_factory.mktemp("corpus") / "corpus.html")


def test_wikinews_report_shows_the_compare_tables_offline(page, wikinews_report):
    res, path = wikinews_report
    requests = _open(page, path)
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert page.locator("script").count() == 0
    images = page.locator("figure img")
    assert images.count() == len(CORPUS_CHARTS)
    assert all(images.evaluate_all("els => els.map(i => i.complete && i.naturalWidth > 100)"))
    # what the browser shows is the compare table, number for number
    women = compare.voice(res, by="year", level="speaker_gender")
    cols = _header(page, "t-06_women-quoted")
    got = [dict(zip(cols, row, strict=True)) for row in _table(page, "t-06_women-quoted")]
    assert [[r["year"], r["speaker_gender"]] + [r[c] for c in NUMBERS] for r in got] == [
        [str(y), g] + [shown(v) for v in vals] for y, g, *vals in
        women[["year", "speaker_gender", *NUMBERS]].values.tolist()]
    anon = compare.sourcing(res, by="year")
    anon = anon[anon["measure"] == "anonymous share of quotes"]
    cols = _header(page, "t-06_anonymous-by-year")
    got = [dict(zip(cols, row, strict=True)) for row in _table(page, "t-06_anonymous-by-year")]
    assert [[r[c] for c in NUMBERS] for r in got] == [
        [shown(v) for v in row] for row in anon[NUMBERS].astype(object).values.tolist()]
    assert page.locator("#t-articles tbody tr").count() == len(res.articles)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


@pytest.mark.parametrize("keep_csp", [True, False], ids=["as written", "without its CSP"])
def test_hostile_corpus_shows_as_text_and_runs_nothing(page, tmp_path, keep_csp):
    res = hostile_corpus(tmp_path)
    path = write_corpus_report(res, tmp_path / "hostile.html")
    if not keep_csp:
        html = path.read_text(encoding="utf-8")
        assert CSP in html
        path.write_text(html.replace(CSP, "default-src * 'unsafe-inline'"), encoding="utf-8")
    requests = _open(page, path)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    body = page.inner_text("body")
    assert HOSTILE_SPEAKER in body and HOSTILE_TITLE in body
    assert page.locator("script, b").count() == 0
    cols = _header(page, "t-06_speakers")
    assert dict(zip(cols, _table(page, "t-06_speakers")[0], strict=True))["speaker"] \
        == HOSTILE_SPEAKER
