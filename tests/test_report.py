"""Tests for newsresearch.report: the report draws the registry's charts from an analysis."""

from __future__ import annotations

import re
from pathlib import Path

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


# --------------------------------------------------------------------------- the corpus report

from html.parser import HTMLParser  # noqa: E402

import pandas as pd  # noqa: E402

from newsresearch import compare  # noqa: E402
from newsresearch.charts.registry import CORPUS_CHARTS  # noqa: E402
from newsresearch.cli import main  # noqa: E402
from newsresearch.report import render_corpus_report, write_corpus_report  # noqa: E402

HOSTILE_SPEAKER = "<script>alert(1)</script> Doe"
HOSTILE_TITLE = "<script>window.__pwned = 1</script> & <b>bold</b>"


def hostile_corpus(tmp: Path):
    """Two articles (2019, 2020) whose title and speaker carry markup (the speaker through an
    alias table, the way a user's own names reach every table)."""
    from newsresearch import analyze_corpus

    pd.DataFrame({"alias": ["Jane Doe"], "actor": [HOSTILE_SPEAKER],
                  "actor_type": ["person"]}).to_csv(tmp / "aliases.csv", index=False)
    records = [
        {"id": "a1", "title": HOSTILE_TITLE, "published": "2019-03-01",
         "text": "“We will not pay,” said Mayor Jane Doe on Monday. “Never,” Ms. Doe added."},
        {"id": "a2", "title": "Second", "published": "2020-03-01",
         "text": "“Yes,” said Mr. John Smith. Officials said the plan works."}]
    return analyze_corpus(records, tmp / "out", workers=1, progress=False,
                          aliases=tmp / "aliases.csv")


class _Tables(HTMLParser):
    """Every ``<table id=…>`` of a page: its header and the text of each cell."""

    def __init__(self):
        super().__init__()
        self.tables, self._id, self._row, self._cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id"):
            self._id = dict(attrs)["id"]
            self.tables[self._id] = []
        elif tag == "tr" and self._id:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._id].append(self._row)
            self._row = None
        elif tag == "table":
            self._id = None


def page_tables(page: str) -> dict[str, pd.DataFrame]:
    """The page's tables as frames of strings (header row as columns)."""
    p = _Tables()
    p.feed(page)
    return {k: pd.DataFrame(rows[1:], columns=rows[0]) for k, rows in p.tables.items() if rows}


def shown(value) -> str:
    """How the report prints a number: integers as they are, floats with 3 decimals, NaN empty."""
    if isinstance(value, float):
        return "" if value != value else f"{value:.3f}"
    return str(value)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_corpus(tmp_path_factory.mktemp("hostile"))


def test_corpus_report_escapes_titles_and_speakers(hostile):
    page = render_corpus_report(hostile, charts=False)
    assert "<script" not in page.lower() and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Doe" in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    tables = page_tables(page)
    assert tables["t-06_speakers"]["speaker"].tolist()[0] == HOSTILE_SPEAKER  # text, not markup
    assert tables["t-articles"]["title"].tolist() == [HOSTILE_TITLE, "Second"]


def test_corpus_report_numbers_written_by_hand(hostile):
    women = page_tables(render_corpus_report(hostile, charts=False))["t-06_women-quoted"]
    got = women[["year", "speaker_gender", "numerator", "denominator", "estimate"]]
    # 2019: Doe's two quotes, female; 2020: John Smith (male) and "officials" (gender unknown)
    assert got.values.tolist() == [
        ["2019", "female", "2", "2", "1.000"], ["2019", "male", "0", "2", "0.000"],
        ["2019", "unknown", "0", "2", "0.000"],
        ["2020", "female", "0", "1", "0.000"], ["2020", "male", "1", "1", "1.000"],
        ["2020", "unknown", "1", "2", "0.500"]]
    anon = page_tables(render_corpus_report(hostile, charts=False))["t-06_anonymous-by-year"]
    assert anon[["year", "numerator", "denominator"]].values.tolist() == [
        ["2019", "0", "2"], ["2020", "1", "2"]]


@pytest.mark.parametrize("name, call", [
    pytest.param("06_women-quoted",
                 lambda r: compare.voice(r, by="year", level="speaker_gender"), id="women"),
    pytest.param("06_source-types", lambda r: compare.voice(r, level="source_type"),
                 id="source types"),
    pytest.param("06_anonymous-by-year", lambda r: compare.sourcing(r, by="year").iloc[[0, 4]],
                 id="anonymous"),
])
def test_corpus_report_numbers_equal_the_compare_tables(hostile, name, call):
    table = page_tables(render_corpus_report(hostile, charts=False))[f"t-{name}"]
    numbers = ["n_articles", "numerator", "denominator", "estimate", "ci_low", "ci_high"]
    labels = [c for c in table.columns if c not in numbers and c != "voice_presence_ratio"]
    page_rows = sorted(table[labels + numbers].values.tolist())
    expected = call(hostile)
    assert page_rows == sorted([shown(v) for v in row]
                               for row in expected[labels + numbers].values.tolist())


def test_corpus_report_has_every_corpus_chart_and_its_table(hostile):
    page = render_corpus_report(hostile)
    assert _figure_ids(page) == [c.name for c in CORPUS_CHARTS if len(
        compare_table_of(c.name, hostile))]
    assert set(re.findall(r"id='(t-06_[\w-]+)'", page)) == {f"t-{c.name}" for c in CORPUS_CHARTS}
    assert "06_framing" not in _figure_ids(page)  # nobody has 20 mentions: no chart, no rows
    assert "<script" not in page.lower() and "http://" not in page and "https://" not in page


def compare_table_of(name, res):
    from newsresearch.charts import chart_data

    return chart_data(name, res)


def test_corpus_report_never_extracts(hostile, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the corpus report re-ran extraction")

    for target in ("newsresearch.actors.find_actors", "newsresearch.quotes.extract_quotes",
                   "newsresearch.figures.extract_figures", "newsresearch.analysis.analyze"):
        monkeypatch.setattr(target, boom)
    assert "t-06_presence" in render_corpus_report(hostile, charts=False)


def test_report_command_writes_the_corpus_report(hostile, tmp_path, capsys):
    out = tmp_path / "corpus.html"
    assert main(["report", str(hostile.path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == f"newsresearch: wrote {out}"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "folder without corpus results (no manifest.json)" in err[0]


def test_write_corpus_report_takes_the_results_folder(hostile, tmp_path):
    path = write_corpus_report(hostile.path, tmp_path / "c.html", charts=False)
    assert "t-06_framing" in path.read_text(encoding="utf-8")


def test_corpus_chart_titles_state_the_finding_with_its_denominator(hostile):
    from newsresearch.charts import chart_data, coverage

    women = chart_data("06_women-quoted", hostile)
    assert coverage.women_title(women) == ("Women's share of quotes — 2019: 100% of 2 known; "
                                           "2020: 0% of 1 known\n(gender unknown for 0%, 50% "
                                           "of all quotes)")
    anon = chart_data("06_anonymous-by-year", hostile)
    assert coverage.anonymous_title(anon) == ("Anonymous sources — 2019: 0% of 2 quotes; "
                                              "2020: 50% of 2 quotes")


def test_corpus_charts_need_many_articles(sample, hostile):
    from newsresearch.charts import draw

    with pytest.raises(TypeError, match="open_results"):
        draw("06_women-quoted", sample)
    with pytest.raises(TypeError, match="nr.analyze"):
        draw("03_cue-verbs", hostile)
