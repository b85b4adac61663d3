"""Self-contained HTML reports, and the charts of the notebooks redrawn.

* :mod:`~newsresearch.report.article` — ``render_report`` / ``write_report``: one article
  (``newsresearch report ARTICLE -o report.html``);
* :mod:`~newsresearch.report.corpus` — ``render_corpus_report`` / ``write_corpus_report``:
  the comparisons of notebook 06 over a corpus run (``newsresearch report results/ -o
  corpus.html``);
* :mod:`~newsresearch.report.page` — what both pages share: style, Content-Security-Policy,
  escaped tables, embedded images;
* :mod:`~newsresearch.report.figures` — ``regenerate_figures`` (``newsresearch figures``) and
  ``check_regenerated`` (``--check``).

Every page opens offline: no scripts, no network, no CDN (a Content-Security-Policy forbids
them), charts embedded as base64 PNG images, every string from an article HTML-escaped.
Presentation only: numbers come from the analysis or from :mod:`newsresearch.compare`, charts
from the chart registry the notebooks draw from.
"""

from __future__ import annotations

from .article import METHODS_NOTE, render_report, report_charts, write_report
from .corpus import render_corpus_report, write_corpus_report
from .figures import NOTEBOOK_CHARTS, check_regenerated, regenerate_figures, wikinews_results
from .page import CSP, CSS

__all__ = ["render_report", "write_report", "report_charts", "render_corpus_report",
           "write_corpus_report", "regenerate_figures", "check_regenerated", "NOTEBOOK_CHARTS",
           "wikinews_results", "CSP", "CSS", "METHODS_NOTE"]
