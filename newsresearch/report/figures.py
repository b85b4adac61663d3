"""The charts of the notebooks, redrawn (``newsresearch figures``) or checked (``--check``).

``regenerate_figures`` redraws every chart of the registry into ``reports/figures/``: the
article charts (notebooks 01–05) from the sample article, the corpus charts (notebook 06)
from the analysed Wikinews corpus. ``check_regenerated`` compares the CSVs there with the
data the charts draw (what ``make run`` does after executing the notebooks).
"""

from __future__ import annotations

from pathlib import Path

from ..analysis import Analysis, analyze
from ..charts.registry import CHARTS, CORPUS_CHARTS, check_figures, draw_all

__all__ = ["regenerate_figures", "check_regenerated", "NOTEBOOK_CHARTS", "wikinews_results"]

#: Names of every chart (``reports/figures/NAME.png`` + ``.csv``), from the chart registry.
NOTEBOOK_CHARTS = tuple(c.name for c in CHARTS)


def wikinews_results(*, out=None, progress: bool = False):
    """Open the analysed Wikinews corpus, analysing it first when it is missing or unfinished.

    The results live in ``data/processed/wikinews/`` (``make run`` writes them); when they are
    there and finished this only opens them (``analyze_corpus(..., resume=True)`` keeps every
    finished batch); results that cannot be resumed (another package version, another copy of
    the corpus) are replaced.

    Parameters
    ----------
    out : path, optional
        Default :data:`newsresearch.paths.WIKINEWS_RESULTS`.
    progress : bool
        Show the progress bar while analysing.
    """
    from .. import paths
    from ..corpus import CorpusError, analyze_corpus

    out = paths.WIKINEWS_RESULTS if out is None else Path(out)
    try:
        return analyze_corpus(paths.WIKINEWS, out, resume=True, progress=progress)
    except CorpusError:  # written by another version or from another copy: start over
        return analyze_corpus(paths.WIKINEWS, out, progress=progress)


def regenerate_figures(*, out_dir=None, article=None, corpus=None) -> list[Path]:
    """Redraw every chart of the registry; return the PNG paths.

    The same entries the notebooks draw (``charts.draw``), so each ``NAME.csv`` written here
    is the data the executed notebook drew.

    Parameters
    ----------
    out_dir : path, optional
        Default ``reports/figures/`` of the project.
    article : str, Path or Article, optional
        Another article file or Article (default: the sample article).
    corpus : Results, optional
        The corpus of the ``06_`` charts (default: the Wikinews corpus, analysed if missing).
    """
    written = draw_all(_analysis_of(article), out_dir=out_dir)
    res = wikinews_results() if corpus is None else corpus
    return written + draw_all(res, out_dir=out_dir, charts=CORPUS_CHARTS)


def check_regenerated(*, out_dir=None, article=None, corpus=None) -> list[str]:
    """Compare the CSVs in ``out_dir`` with the data the registry draws; list what differs."""
    problems = check_figures(_analysis_of(article), out_dir=out_dir)
    res = wikinews_results() if corpus is None else corpus
    return problems + check_figures(res, out_dir=out_dir, charts=CORPUS_CHARTS)


def _analysis_of(article) -> Analysis:
    from ..articles import Article, read_article
    from ..paths import SAMPLE_ARTICLE

    if article is None:
        article = SAMPLE_ARTICLE
    return analyze(article if isinstance(article, Article) else read_article(article))
