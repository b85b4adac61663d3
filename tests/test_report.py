"""Tests for newsresearch.report: the report draws the registry's charts from an analysis."""

from __future__ import annotations

import re

import pytest

from newsresearch import analyze, read_article
from newsresearch.charts import CHARTS
from newsresearch.paths import SAMPLE_ARTICLE
from newsresearch.report import NOTEBOOK_CHARTS, render_report, report_charts


@pytest.fixture(scope="module")
def sample():
    return analyze(read_article(SAMPLE_ARTICLE))


def _figure_ids(page: str) -> list[str]:
    return re.findall(r"<figure id='([^']+)'>", page)


def test_the_report_shows_every_chart_of_the_registry_once(sample):
    page = render_report(sample)
    assert _figure_ids(page) == [c.name for c in CHARTS] == list(NOTEBOOK_CHARTS)
    assert page.count("src='data:image/png;base64,") == len(CHARTS)


def test_the_report_leaves_out_charts_with_nothing_to_draw():
    a = analyze("Mr. Smith arrived in Paris on Monday.\n\nHe left again.")
    shown = _figure_ids(render_report(a))
    assert "03_cue-verbs" not in shown and "03_sourcing" not in shown  # no quotes
    assert "04_magnitudes" not in shown  # no amounts
    assert "02_mention-map" in shown
    assert [name for name, *_ in report_charts(a)] == shown


def test_the_report_never_extracts(sample, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the report re-ran extraction")

    for target in ("newsresearch.tokens.tokenize", "newsresearch.tokens.split_paragraphs",
                   "newsresearch.tokens.sentences._sentence_spans", "newsresearch.actors.find_actors",
                   "newsresearch.quotes.extract_quotes", "newsresearch.figures.extract_figures",
                   "newsresearch.sentiment.sentiment_by_mention", "newsresearch.analysis.analyze"):
        monkeypatch.setattr(target, boom)
    page = render_report(sample)
    assert page.count('class="nr-quote"') == len(sample.quotes)
    assert len(_figure_ids(page)) == len(CHARTS)
