"""A self-contained HTML report of one article, and the charts of the notebooks, redrawn.

``render_report`` turns an :class:`~newsresearch.analysis.Analysis` into one HTML page that
opens offline: no scripts, no network, no CDN (a Content-Security-Policy forbids them); the
charts are embedded as base64 PNG images. Every piece of article text is HTML-escaped, because
an article is untrusted input. ``regenerate_figures`` redraws every chart into
``reports/figures/`` (what ``newsresearch figures`` does) and ``check_regenerated`` compares
the CSVs there with the data the charts draw (what ``make run`` does after the notebooks).

Presentation only: every number comes from :func:`newsresearch.analysis.analyze`, every chart
from the chart registry (:mod:`newsresearch.charts.registry`) the notebooks draw from.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyze, summary_html
from .charts.registry import CHARTS, chart_data, check_figures, draw_all, source_line

__all__ = ["render_report", "write_report", "report_charts", "regenerate_figures",
           "check_regenerated", "NOTEBOOK_CHARTS"]

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

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:62em;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.nr-meta{color:#555}.nr-counts th,.nr-counts td{padding:.1em .8em}
table.nr-table{border-collapse:collapse;font-size:85%;margin:.5em 0 1.5em}
table.nr-table th,table.nr-table td{border-bottom:1px solid #e5e5e5;padding:.25em .5em;
text-align:left;vertical-align:top}
figure{margin:1em 0 2em}figure img{max-width:100%}figcaption{color:#555;font-size:90%}
.nr-note{background:#f6f6f6;padding:.6em 1em;border-left:4px solid #0072B2}
"""

# Nothing may be fetched or run: only inline styles and embedded (data:) images.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


# --------------------------------------------------------------------------- charts


def _fig_to_data_uri(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


#: Names of every chart (``reports/figures/NAME.png`` + ``.csv``), from the chart registry.
NOTEBOOK_CHARTS = tuple(c.name for c in CHARTS)


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


def regenerate_figures(*, out_dir=None, article=None) -> list[Path]:
    """Redraw every chart of the registry from the sample article; return the PNG paths.

    The same entries the notebooks draw (``charts.draw``), so each ``NAME.csv`` written here
    is the data the executed notebook drew.

    Parameters
    ----------
    out_dir : path, optional
        Default ``reports/figures/`` of the project.
    article : str, Path or Article, optional
        Another article file or Article (default: the sample article).
    """
    return draw_all(_analysis_of(article), out_dir=out_dir)


def check_regenerated(*, out_dir=None, article=None) -> list[str]:
    """Compare the CSVs in ``out_dir`` with the data the registry draws; list what differs."""
    return check_figures(_analysis_of(article), out_dir=out_dir)


def _analysis_of(article) -> Analysis:
    from .articles import Article, read_article
    from .paths import SAMPLE_ARTICLE

    if article is None:
        article = SAMPLE_ARTICLE
    return analyze(article if isinstance(article, Article) else read_article(article))


# --------------------------------------------------------------------------- HTML


def _table_html(df: pd.DataFrame, columns, *, limit: int | None = None) -> str:
    cols = [c for c in columns if c in df.columns]
    shown = df[cols].head(limit) if limit else df[cols]
    more = ""
    if limit and len(df) > limit:
        more = f"<p class='nr-meta'>First {limit} of {len(df)} rows.</p>"
    if not len(shown):
        return "<p class='nr-meta'>None found.</p>"
    return shown.to_html(index=False, escape=True, na_rep="", border=0,
                         classes="nr-table", float_format=lambda x: f"{x:.2f}") + more


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
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{title} — newsresearch report</title><style>{CSS}</style></head><body>",
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
            parts.append(f"<figure id='{html.escape(name)}'><img alt='{html.escape(caption)}' "
                         f"src='{_fig_to_data_uri(fig)}'><figcaption>{html.escape(caption)}"
                         "</figcaption></figure>")
    parts += [
        "<h2>Actors</h2>",
        _table_html(a.actor_table, ["actor", "actor_type", "mentions", "surfaces", "gender"],
                    limit=40),
        "<h2>How each actor is framed</h2>",
        _table_html(a.actor_sentiment, ["actor", "actor_type", "mentions", "mean", "ci_low",
                                        "ci_high", "share_negative", "share_neutral",
                                        "share_positive"], limit=40),
        "<h2>Quotes</h2>",
        _table_html(a.quotes, ["quote_id", "quote", "speaker", "cue", "kind", "source_type"]),
        "<h2>Figures</h2>",
        _table_html(a.figures, ["figure_id", "surface", "value", "unit", "kind", "qualifier",
                                "counted", "source"]),
        "<h2>Text quality and warnings</h2>",
        _table_html(a.quality, ["kind", "surface", "note"]),
        _table_html(a.warnings, ["stage", "message"]) if len(a.warnings) else "",
        "<p class='nr-meta'>Made with newsresearch. Offsets in the tables index the cleaned "
        "article text.</p></body></html>\n",
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
    from .articles import Article, read_article

    if isinstance(article, Analysis):
        analysis = article
    else:
        art = article if isinstance(article, Article) else read_article(article)
        analysis = analyze(art, aliases=aliases)
    page = render_report(analysis)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
