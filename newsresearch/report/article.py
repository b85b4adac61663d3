"""The self-contained HTML report of one article (``newsresearch report ARTICLE``).

``render_report`` turns an :class:`~newsresearch.analysis.Analysis` into one HTML page that
opens offline: no scripts, no network, no CDN (a Content-Security-Policy forbids them); the
charts are embedded as base64 PNG images. Every piece of article text is HTML-escaped, because
an article is untrusted input.

Presentation only: every number comes from :func:`newsresearch.analysis.analyze`, every chart
from the chart registry (:mod:`newsresearch.charts.registry`) the notebooks draw from.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..analysis import Analysis, analyze, summary_html
from ..charts.registry import CHARTS, chart_data, source_line
from .page import figure_html, page_end, page_start, table_html, write_page

__all__ = ["render_report", "write_report", "report_charts"]

METHODS_NOTE = """\
<p><strong>How this was made.</strong> The article was split into sentences with Punkt
(Kiss &amp; Strunk 2006) and into words with NLTK's tokenizer. Actors (people,
organizations, places, groups) were found with reviewable rules and a gazetteer, and their
aliases merged ("Mr. Blinken" is Antony J. Blinken). Sentiment toward each mention combines a
target-aware model with VADER (Hutto &amp; Gilbert 2014) and TextBlob scores of its sentence;
intervals are bootstrap intervals over an actor's mentions. Quotes were paired by their marks
and attributed to a speaker by the reporting verb next to them ("said", "according to").
Figures were parsed with their unit, hedge ("more than"), what they count and the source
named in the same sentence.</p>
<p><strong>What it cannot see.</strong> Rules miss unusual phrasings: a speaker named two
sentences away, an actor known only by a pronoun, irony, a number written in an unusual way.
Sentiment scores measure the words around a name, not the journalist's stance, and are
uncertain for actors mentioned once or twice. Counts describe this one text, not the outlet or
the event. Treat every table as a starting point for close reading, not as a verdict.</p>
"""

# --------------------------------------------------------------------------- charts


def report_charts(analysis: Analysis) -> list[tuple[str, str, object, pd.DataFrame]]:
    """Draw every chart of the registry for an analysis: a list of ``(name, caption, figure,
    data)``. A chart with nothing to draw (no quotes, no figures…) is left out."""
    out = []
    for c in CHARTS:
        data = chart_data(c.name, analysis)
        if len(data):
            out.append((c.name, c.caption, c.plot(data, analysis, source_line(analysis)),
                        data))
    return out


# --------------------------------------------------------------------------- HTML


def render_report(analysis: Analysis, *, charts: bool = True) -> str:
    """Return the complete HTML page for an analysis (escaped, self-contained, no scripts).

    Examples
    --------
    >>> page = render_report(analyze("Mr. Smith said <b>it</b> was fine."), charts=False)
    >>> "&lt;b&gt;it&lt;/b&gt;" in page and "<b>it</b>" not in page
    True
    """
    a = analysis
    art = a.article
    title = html.escape(art.title or "Untitled article")
    meta = " · ".join(html.escape(x) for x in (
        ", ".join(art.authors) if art.authors else None, art.published, art.url,
        Path(art.path).name if art.path else None) if x)
    parts = [
        page_start(art.title or "Untitled article"),
        f"<h1>{title}</h1><p class='nr-meta'>{meta}</p>",
        summary_html(a, title=False),
        f"<div class='nr-note'>{METHODS_NOTE}</div>",
        "<h2>The article</h2>",
        "<p class='nr-meta'>Quotes are coloured by speaker (dotted: reported speech without "
        "quote marks), actors underlined, figures boxed. Hover for details.</p>",
        a.highlight().html,
    ]
    if charts:
        parts.append("<h2>Charts</h2>")
        for name, caption, fig, _data in report_charts(a):
            parts.append(figure_html(name, caption, fig))
    parts += [
        "<h2>Actors</h2>",
        table_html(a.actor_table, ["actor", "actor_type", "mentions", "surfaces", "gender"],
                    limit=40),
        "<h2>How each actor is framed</h2>",
        table_html(a.actor_sentiment, ["actor", "actor_type", "mentions", "mean", "ci_low",
                                        "ci_high", "share_negative", "share_neutral",
                                        "share_positive"], limit=40),
        "<h2>Quotes</h2>",
        table_html(a.quotes, ["quote_id", "quote", "speaker", "cue", "kind", "source_type"]),
        "<h2>Figures</h2>",
        table_html(a.figures, ["figure_id", "surface", "value", "unit", "kind", "qualifier",
                                "counted", "source"]),
        "<h2>Text quality and warnings</h2>",
        table_html(a.quality, ["kind", "surface", "note"]),
        table_html(a.warnings, ["stage", "message"]) if len(a.warnings) else "",
        page_end("Made with newsresearch. Offsets in the tables index the cleaned article "
                 "text."),
    ]
    return "\n".join(parts)


def write_report(article, path, *, aliases=None) -> Path:
    """Analyse an article and write its self-contained HTML report to ``path``.

    Parameters
    ----------
    article : str, Path, Article or Analysis
        An article file, an Article, or an analysis you already have.
    path : str or Path
        The HTML file to write (via a temporary file, renamed when complete).
    aliases : optional
        Your own alias table for :func:`~newsresearch.actors.find_actors`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from newsresearch.paths import SAMPLE_ARTICLE
    >>> out = write_report(SAMPLE_ARTICLE, pathlib.Path(tempfile.mkdtemp()) / "r.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    from ..articles import Article, read_article

    if isinstance(article, Analysis):
        analysis = article
    else:
        art = article if isinstance(article, Article) else read_article(article)
        analysis = analyze(art, aliases=aliases)
    return write_page(render_report(analysis), path)
