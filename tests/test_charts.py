"""Tests for newsresearch.charts: one registry, charts that draw what they are given, no extraction.

The end-to-end test at the bottom runs `make run`'s steps (execute the notebooks headless, run
`newsresearch figures` into another folder) and compares every chart's CSV.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from newsresearch import analyze, charts, read_article
from newsresearch.analysis import VOUCHED, figure_sources, figure_vouching
from newsresearch.charts import CHARTS, chart_data, check_figures, draw, draw_all
from newsresearch.charts.registry import CORPUS_CHARTS
from newsresearch.cli import main
from newsresearch.paths import NOTEBOOKS, SAMPLE_ARTICLE
from newsresearch.tokens import sentence_index


@pytest.fixture(scope="module")
def sample():
    return analyze(read_article(SAMPLE_ARTICLE))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _notebook_cells():
    for nb in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                yield nb.name, "".join(cell["source"])


# --------------------------------------------------------------------------- the registry


def test_chart_names_are_unique_and_start_with_a_notebook_number():
    names = [c.name for c in CHARTS + CORPUS_CHARTS]
    assert len(names) == len(set(names))
    numbers = {p.name[:2] for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    for name in names:
        assert re.fullmatch(r"\d\d_[a-z0-9-]+", name), name
        assert name[:2] in numbers, name


def test_notebooks_draw_every_chart_through_the_registry_and_nothing_else():
    drawn, direct = set(), []
    for nb, src in _notebook_cells():
        drawn |= set(re.findall(r"""charts\.draw\(\s*["'](\d\d_[\w-]+)["']""", src))
        direct += [(nb, m) for m in re.findall(r"\b(save_chart|\w+_chart)\(", src)]
    assert drawn == {c.name for c in CHARTS + CORPUS_CHARTS}
    assert direct == []  # no chart is drawn or saved past the registry


def test_draw_saves_the_png_and_the_csv_of_the_rows_it_returns(sample, tmp_path):
    for c in CHARTS:
        data = draw(c.name, sample, out_dir=tmp_path)
        assert (tmp_path / f"{c.name}.png").stat().st_size > 5000, c.name
        back = pd.read_csv(tmp_path / f"{c.name}.csv")
        assert list(back.columns) == list(data.columns) and len(back) == len(data), c.name


def test_draw_needs_an_analysis_and_a_known_name(sample):
    with pytest.raises(TypeError, match="nr.analyze"):
        draw("03_cue-verbs", read_article(SAMPLE_ARTICLE))
    with pytest.raises(KeyError, match="02_sentiment-by-actor"):
        draw("02_sentiment", sample)


def test_check_figures_finds_missing_and_changed_csvs(sample, tmp_path, capsys):
    draw_all(sample, out_dir=tmp_path)
    assert check_figures(sample, out_dir=tmp_path) == []
    (tmp_path / "03_cue-verbs.csv").write_text("cue,tone,quotes\nsaid,neutral,1\n")
    (tmp_path / "04_timeline.csv").unlink()
    problems = check_figures(sample, out_dir=tmp_path)
    assert len(problems) == 2
    assert "03_cue-verbs.csv: not the data" in problems[0] and "04_timeline.csv: missing" in problems[1]
    assert main(["figures", "--check", "--out", str(tmp_path)]) == 1
    # the corpus charts of notebook 06 were never drawn into tmp_path: missing too
    assert f"{2 + len(CORPUS_CHARTS)} chart(s) on disk are not the data" in capsys.readouterr().err


# --------------------------------------------------------------------------- the sample's charts


def test_sentiment_chart_shows_every_actor_with_three_or_more_mentions(sample):
    data = chart_data("02_sentiment-by-actor", sample)
    at = sample.actor_table
    assert set(data["actor"]) == set(at.loc[at["mentions"] >= 3, "actor"])
    assert "Hezbollah" in set(data["actor"])  # 3 mentions: the notebook's cut, not a top 15
    lex = chart_data("02_lexicons-by-actor", sample)
    assert lex["actor"].tolist() == data["actor"].tolist()


def test_timeline_leaves_out_the_1990s_and_says_so(sample):
    data = chart_data("04_timeline", sample)
    assert "1990s" not in set(data["surface"]) and "Dec. 8" in set(data["surface"])
    assert (data["when"] >= pd.Timestamp("2023-01-01")).all()
    fig, drawn = charts.render("04_timeline", sample)
    assert fig.axes[0].get_title(loc="left").endswith("(1 earlier not shown)")
    assert len(fig.axes[0].collections[0].get_offsets()) == len(drawn)  # a point per CSV row


def test_mention_map_paragraphs_come_from_the_sentences(sample):
    data = chart_data("02_mention-map", sample)
    assert list(data.columns) == ["actor", "actor_type", "paragraph", "mentions", "paragraphs"]
    assert (data["paragraphs"] == sample.summary()["paragraphs"].iloc[0]).all()
    blinken = data[data["actor"] == "Antony J. Blinken"]
    assert blinken["mentions"].sum() == 21 and blinken["paragraph"].min() == 1
    index = sentence_index(sample.text, sample.sentences)
    by_index = charts.mention_map_data(sample.actors, index)
    pd.testing.assert_frame_equal(by_index, data)
    with pytest.raises(TypeError, match="sentences the mentions were found in"):
        charts.mention_map_data(sample.actors, sample.text)
    empty = analyze("")
    assert charts.mention_map_data(empty.actors, empty.sentences).empty


def test_who_vouches_is_counted_once_with_one_label_set(sample):
    by_source = chart_data("05_figure-sources", sample)
    by_kind = chart_data("04_sourcing", sample)
    assert set(by_source["vouched"]) <= set(VOUCHED) and set(by_kind["vouched"]) <= set(VOUCHED)
    # the two charts aggregate one classification: their totals per label agree
    assert (by_source.groupby("vouched")["figures"].sum().to_dict()
            == by_kind.groupby("vouched")["figures"].sum().to_dict())
    # the Gaza Ministry of Health vouches for the death toll of more than 22,000
    row = by_source[by_source["source"] == "Gaza Ministry of Health"]
    assert row[["vouched", "figures"]].values.tolist() == [["named source", 1]]


@pytest.mark.parametrize("source, actor, expected", [
    pytest.param("the ministry", "Health Ministry", "named source", id="source names an actor"),
    pytest.param("officials", None, "unnamed source", id="source without a known actor"),
    pytest.param(None, None, "no source", id="stated on the story's authority"),
])
def test_figure_vouching(source, actor, expected):
    f = pd.DataFrame({"figure_id": [0, 1], "surface": ["300", "Oct. 7"], "kind": ["count", "date"],
                      "source": [source, source], "source_actor": [actor, actor]})
    v = figure_vouching(f)
    assert v["vouched"].tolist() == [expected]  # the date is no claim
    assert figure_sources(f)["vouched"].tolist() == [expected]
    assert len(figure_vouching(f, claims_only=False)) == 2


# --------------------------------------------------------------------------- charts draw what they get


def _actors(n: int) -> pd.DataFrame:
    return pd.DataFrame({"actor": [f"A{i}" for i in range(n)], "mentions": [3] * n,
                         "mean": [-0.1] * n, "ci_low": [-0.3] * n, "ci_high": [0.1] * n,
                         "vader_mean": [-0.2] * n, "textblob_mean": [0.1] * n,
                         "target_mean": [-0.1] * n, "method": "target"})


@pytest.mark.parametrize("chart", [
    pytest.param(charts.actor_sentiment_chart, id="actor sentiment"),
    pytest.param(charts.lexicon_comparison_chart, id="lexicon comparison"),
])
def test_actor_charts_draw_every_row(chart):
    fig = chart(_actors(20))
    assert len(fig.axes[0].get_yticklabels()) == 20


def test_figure_sources_chart_draws_every_source():
    d = pd.DataFrame({"source": [f"S{i}" for i in range(14)], "vouched": "named source",
                      "figures": 1})
    ax = charts.figure_sources_chart(d).axes[0]
    assert len(ax.patches) == 14 and ax.get_title(loc="left") == "14 of 14 figures are attributed to a source"


def test_every_chart_of_an_article_without_quotes_or_figures(tmp_path):
    a = analyze("Nothing happened here.\n\nStill nothing.")
    written = draw_all(a, out_dir=tmp_path)
    assert len(written) == len(CHARTS)
    fig, data = charts.render("03_cue-verbs", a)
    assert data.empty and fig.axes[0].get_title(loc="left") == "No cues found"


# --------------------------------------------------------------------------- no extraction


def _forbid_extraction(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("presentation re-ran extraction")

    for target in ("newsresearch.tokens.tokenize", "newsresearch.tokens.split_paragraphs",
                   "newsresearch.tokens.words.tokenize", "newsresearch.tokens.sentences.split_paragraphs",
                   "newsresearch.tokens.sentences._sentence_spans",
                   "newsresearch.tokens.sentences._paragraph_spans",
                   "newsresearch.actors.find_actors", "newsresearch.quotes.extract_quotes",
                   "newsresearch.figures.extract_figures",
                   "newsresearch.sentiment.sentiment_by_mention",
                   "newsresearch.sentiment.sentiment_by_actor", "newsresearch.analysis.analyze"):
        monkeypatch.setattr(target, boom)


def test_highlight_and_charts_never_extract(sample, tmp_path, monkeypatch):
    _forbid_extraction(monkeypatch)
    h = charts.highlight(sample)
    assert h.counts["nr-quote"] == len(sample.quotes)
    assert h.counts["nr-figure"] == len(sample.figures)
    assert len(draw_all(sample, out_dir=tmp_path)) == len(CHARTS)


def test_highlight_of_a_bare_text_marks_nothing():
    text = "“Hi,” said Ann Lee."
    assert charts.highlight(text).counts["nr-quote"] == 0  # no tables given: nothing extracted
    assert charts.highlight(analyze(text)).counts["nr-quote"] == 1


# --------------------------------------------------------------------------- make run's steps


@pytest.mark.slow
def test_every_figure_csv_is_the_data_the_executed_notebook_drew(tmp_path):
    """`make run`: execute the notebooks, then `newsresearch figures` — the CSVs must agree.

    Also checks that Jupyter shows every chart a cell draws (before, only the first chart of
    each notebook was shown: leaving ``rc_context`` switched interactive mode off again).
    """
    import nbformat
    from nbclient import NotebookClient

    nb_reports = tmp_path / "notebooks-run"
    redirect = ("import newsresearch.paths as _paths\n"
                "from pathlib import Path as _Path\n"
                f"_paths.REPORTS = _Path({str(nb_reports)!r})\n"
                "_paths.FIGURES, _paths.TABLES = _paths.REPORTS / 'figures', _paths.REPORTS / 'tables'")
    drawing = sorted({nb for nb, src in _notebook_cells() if "charts.draw(" in src})
    for name in drawing:
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(redirect))
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
        for cell in nb.cells:  # Jupyter shows every chart drawn, once
            if cell.cell_type == "code" and "charts.draw(" in cell.source:
                shown = sum("image/png" in o.get("data", {}) for o in cell.outputs)
                assert shown == 1, (name, cell.source)
    by_notebooks = nb_reports / "figures"
    by_command = tmp_path / "figures-command"
    assert main(["figures", "--out", str(by_command), "--quiet"]) == 0
    names = {c.name for c in CHARTS + CORPUS_CHARTS}
    assert {p.stem for p in by_notebooks.glob("*.csv")} == names
    assert {p.stem for p in by_command.glob("*.csv")} == names
    for n in sorted(names):
        assert ((by_notebooks / f"{n}.csv").read_bytes()
                == (by_command / f"{n}.csv").read_bytes()), f"{n}.csv differs"
    assert main(["figures", "--check", "--out", str(by_notebooks), "--quiet"]) == 0
