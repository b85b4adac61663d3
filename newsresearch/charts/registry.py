"""The chart registry: every chart of the notebooks, the report and ``newsresearch figures``.

Each :class:`Chart` is defined once, here: its name (``NN_short-name``, the notebook that
teaches it first), a caption, the **data selection** (a function of an
:class:`~newsresearch.analysis.Analysis` returning exactly the rows drawn) and the **drawing**
(a function of those rows). A notebook cell calls ``charts.draw("02_sentiment-by-actor", a)``,
``newsresearch figures`` calls :func:`draw_all`, the report calls :func:`render`; all three
use the same entry, so ``reports/figures/NN_name.csv`` is the data the notebook drew.

:data:`CHARTS` are drawn from one article's analysis (notebooks 01–05, the article report);
:data:`CORPUS_CHARTS` from many articles — a :class:`~newsresearch.results.Results` or a list
of analyses — through :mod:`newsresearch.compare` (notebook 06, the corpus report). ``draw``,
``render`` and ``chart_data`` take either, by the chart's name.

Nothing here extracts: every table comes from the analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..analysis import Analysis
from . import amounts, coverage, framing, voices, words
from .style import SOURCE, chart_csv, close, save_chart

__all__ = ["Chart", "CHARTS", "CORPUS_CHARTS", "get_chart", "chart_data", "render", "draw",
           "draw_all", "check_figures", "source_line", "MIN_MENTIONS"]

#: Actors with at least this many mentions are framed (02_sentiment-by-actor): fewer give
#: no interval worth drawing.
MIN_MENTIONS = 3


@dataclass(frozen=True)
class Chart:
    """One chart: ``name``, ``caption``, ``data(analysis)`` (the rows drawn) and
    ``plot(data, analysis, source)`` (the figure). ``corpus`` charts are drawn from many
    articles (``Results`` or a list of ``Analysis``) instead of one analysis."""

    name: str
    caption: str
    data: Callable[[Analysis], pd.DataFrame]
    plot: Callable[[pd.DataFrame, Analysis, str], object]
    corpus: bool = False


# ---------------------------------------------------------------- data selections


def _word_data(a: Analysis) -> pd.DataFrame:
    from ..tokens import word_frequencies

    return word_frequencies(a.text, exclude_stopwords=True, tokens=a.tokens, top=20)


def _framed(a: Analysis) -> pd.DataFrame:
    t = a.actor_sentiment
    return t[t["mentions"] >= MIN_MENTIONS].reset_index(drop=True)


def _lexicon_data(a: Analysis) -> pd.DataFrame:
    return _framed(a)[["actor", "mentions", "vader_mean", "textblob_mean", "target_mean"]]


def timeline_since(a: Analysis) -> str | None:
    """The story's own time: from January of the year before publication (None: no date).

    Older dates ("the 1990s") would squash the axis; the chart title counts what it leaves out.
    """
    year = a.article.year
    return f"{year - 1}-01-01" if year else None


def _timeline_data(a: Analysis) -> pd.DataFrame:
    return amounts.figure_timeline_data(a.figures, a.article, since=timeline_since(a))


# ---------------------------------------------------------------- drawings that need more


def _quality_plot(d: pd.DataFrame, a: Analysis, src: str):
    n = a.quality["sentence_id"].nunique() if len(a.quality) else 0
    return words.quality_chart(d, source=src,
                               title=f"{n} of {len(a.sentences)} sentences carry visible damage")


def _timeline_plot(d: pd.DataFrame, a: Analysis, src: str):
    every = amounts.figure_timeline_data(a.figures)
    return amounts.figure_timeline_chart(d, not_shown=len(every) - len(d), source=src)


def _simple(chart_fn, **options):
    """A drawing that needs only the data (and the source line)."""
    return lambda d, a, src: chart_fn(d, source=src, **options)


CHARTS: tuple[Chart, ...] = (
    Chart("01_word-frequencies", "The most frequent words (stopwords removed).", _word_data,
          _simple(words.word_frequency_chart, what="content words")),
    Chart("01_quality-flags", "Damage that scraping and translation left in the text.",
          lambda a: words.quality_data(a.quality), _quality_plot),
    Chart("02_mention-map", "Where each actor is mentioned, paragraph by paragraph.",
          lambda a: framing.mention_map_data(a.actors, a.sentences),
          _simple(framing.mention_map_chart)),
    Chart("02_sentiment-by-actor", f"Sentiment toward each actor mentioned {MIN_MENTIONS} "
          "times or more: mean over its mentions with a bootstrap interval.", _framed,
          _simple(framing.actor_sentiment_chart)),
    Chart("02_lexicons-by-actor", "The same actors scored by three methods.", _lexicon_data,
          _simple(framing.lexicon_comparison_chart)),
    Chart("03_voice-vs-presence", "Who is present (mentions) and who speaks (quoted passages).",
          lambda a: voices.voice_presence_data(a.quotes, a.actors),
          _simple(voices.voice_presence_chart)),
    Chart("03_cue-verbs", "The verbs that introduce quotes: neutral or loaded.",
          lambda a: voices.cue_verb_data(a.quotes), _simple(voices.cue_verb_chart)),
    Chart("03_sourcing", "Quotes by kind of source: named, anonymous, documents.",
          lambda a: voices.sourcing_data(a.quotes), _simple(voices.sourcing_chart)),
    Chart("04_sourcing", "Figures by kind: vouched for by a named source, an unnamed one, or "
          "none.", lambda a: amounts.figure_sourcing_data(a.figures),
          _simple(amounts.figure_sourcing_chart)),
    Chart("04_magnitudes", "The size of every figure, on a log scale.",
          lambda a: amounts.figure_magnitude_data(a.figures),
          _simple(amounts.figure_magnitude_chart)),
    Chart("04_timeline", "The dates the article mentions.", _timeline_data, _timeline_plot),
    Chart("05_figure-sources", "Which numbers the story rests on, and who vouches for them.",
          lambda a: a.figure_sources(), _simple(amounts.figure_sources_chart)),
)


def _corpus(name, caption, data_fn, title_fn, *, xlabel="share (%)", percent=True,
            signed=False) -> Chart:
    """A corpus chart: ``data_fn(source)`` is a compare table, drawn by ``interval_chart``."""
    def plot(d, source, src):
        return coverage.interval_chart(d, title=title_fn(d) if len(d) else "", xlabel=xlabel,
                                       percent=percent, signed=signed, source=src)
    return Chart(name, caption, data_fn, plot, corpus=True)


CORPUS_CHARTS: tuple[Chart, ...] = (
    _corpus("06_presence", "Who is present: each actor's share of all actor mentions.",
            coverage.presence_data, coverage.presence_title, xlabel="share of mentions (%)"),
    _corpus("06_speakers", "Who speaks: each speaker's share of all quotes.",
            coverage.speakers_data, coverage.speakers_title, xlabel="share of quotes (%)"),
    _corpus("06_source-types", "Who stands behind the quotes: named people, organizations, "
            "anonymous sources, documents.", coverage.source_type_data,
            coverage.source_type_title, xlabel="share of quotes (%)"),
    _corpus("06_women-quoted", "Quotes by the speaker's gender, 2019 vs 2020, with the unknown "
            "share beside it.", coverage.women_by_year_data, coverage.women_title,
            xlabel="share of quotes (%)"),
    _corpus("06_anonymous-by-year", "Quotes from anonymous sources, 2019 vs 2020.",
            coverage.anonymous_by_year_data, coverage.anonymous_title,
            xlabel="share of quotes (%)"),
    _corpus("06_sourced-figures", "Claim figures that name a source, 2019 vs 2020.",
            coverage.sourced_figures_by_year_data, coverage.sourced_figures_title,
            xlabel="share of claim figures (%)"),
    _corpus("06_framing", f"Mean target sentiment of the most-mentioned actors "
            f"({coverage.MIN_MENTIONS}+ mentions).", coverage.framing_data,
            coverage.framing_title, xlabel="mean target sentiment (−1 … 1)", percent=False,
            signed=True),
)


# ---------------------------------------------------------------- using the registry


def get_chart(name: str) -> Chart:
    """Return the chart called ``name``; a ``KeyError`` lists the names there are."""
    for c in CHARTS + CORPUS_CHARTS:
        if c.name == name:
            return c
    raise KeyError(f"no chart called {name!r}; the charts are: "
                   + ", ".join(c.name for c in CHARTS + CORPUS_CHARTS))


def _need_analysis(a, name: str) -> None:
    if get_chart(name).corpus:
        if isinstance(a, Analysis) or not (hasattr(a, "manifest") or isinstance(a, list)):
            raise TypeError(f"chart {name!r} is drawn from many articles (res = "
                            "nr.open_results(out), or a list of analyses), not from "
                            f"{type(a).__name__}")
    elif not isinstance(a, Analysis):
        raise TypeError(f"chart {name!r} is drawn from an Analysis (a = nr.analyze(article)), "
                        f"not from {type(a).__name__}")


def source_line(a) -> str:
    """The source line under every chart of ``a``: the sample article, or the article's title
    (for many articles: how many, and the Wikinews credit for the Wikinews corpus)."""
    from ..paths import SAMPLE_ARTICLE

    if not isinstance(a, Analysis):
        return coverage.corpus_source_line(a)
    path = a.article.path
    if path and Path(path).resolve() == SAMPLE_ARTICLE.resolve():
        return SOURCE
    name = a.article.title or (Path(path).name if path else "the article")
    return f"Source: newsresearch analysis of “{name}”."


def chart_data(name: str, analysis) -> pd.DataFrame:
    """Return the rows chart ``name`` draws for ``analysis`` (without drawing; a corpus chart
    takes a ``Results`` or a list of analyses).

    Examples
    --------
    >>> from newsresearch import analyze
    >>> a = analyze("“We stay,” said Mayor Jane Doe. “We go,” said Mr. Bo Li.")
    >>> chart_data("03_voice-vs-presence", a)[["actor", "quotes"]].values.tolist()
    [['Bo Li', 1], ['Jane Doe', 1]]
    """
    _need_analysis(analysis, name)
    return get_chart(name).data(analysis)


def render(name: str, analysis) -> tuple[object, pd.DataFrame]:
    """Draw chart ``name`` for ``analysis``; return ``(figure, data)`` without saving."""
    c = get_chart(name)
    data = chart_data(name, analysis)
    return c.plot(data, analysis, source_line(analysis)), data


def draw(name: str, analysis, *, out_dir=None) -> pd.DataFrame:
    """Draw chart ``name`` for ``analysis``, save ``NAME.png`` + ``NAME.csv``; return the data.

    This is what a notebook cell calls. In Jupyter the figure shows under the cell; the
    returned table is exactly what was drawn and what ``NAME.csv`` holds.

    Parameters
    ----------
    name : str
        A chart of :data:`CHARTS`, e.g. ``"02_sentiment-by-actor"``.
    analysis : Analysis, Results or list of Analysis
        ``nr.analyze(article)``; for a chart of :data:`CORPUS_CHARTS` (``06_…``),
        ``nr.open_results(out)`` or a list of analyses.
    out_dir : path, optional
        Default ``reports/figures`` of the project.

    Examples
    --------
    >>> import tempfile
    >>> from newsresearch import analyze
    >>> a = analyze("“We stay,” said Mayor Jane Doe.")
    >>> draw("03_cue-verbs", a, out_dir=tempfile.mkdtemp()).values.tolist()
    [['said', 'neutral', 1]]
    """
    fig, data = render(name, analysis)
    save_chart(fig, name, data, out_dir=out_dir)
    close(fig)
    return data


def draw_all(analysis, *, out_dir=None, charts=None) -> list[Path]:
    """Draw and save every chart of :data:`CHARTS` (or of ``charts``, e.g.
    :data:`CORPUS_CHARTS` for a ``Results``); return the PNG paths."""
    import matplotlib.pyplot as plt

    written = []
    for c in CHARTS if charts is None else charts:
        fig, data = render(c.name, analysis)
        written.append(save_chart(fig, c.name, data, out_dir=out_dir)["png"])
        plt.close(fig)
    return written


def check_figures(analysis, *, out_dir=None, charts=None) -> list[str]:
    """Compare every ``NAME.csv`` in ``out_dir`` with the data its chart draws; list problems.

    Returns one line per chart (of :data:`CHARTS`, or of ``charts``) whose CSV is missing or
    holds other data (empty: all agree). Nothing is drawn or written.
    """
    from .. import paths

    out = Path(out_dir) if out_dir is not None else paths.FIGURES
    problems = []
    for c in CHARTS if charts is None else charts:
        csv = out / f"{c.name}.csv"
        if not csv.is_file():
            problems.append(f"{csv}: missing")
        elif csv.read_text(encoding="utf-8") != chart_csv(chart_data(c.name, analysis)):
            problems.append(f"{csv}: not the data chart {c.name} draws")
    return problems
