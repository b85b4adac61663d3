"""A self-contained HTML report of one article, and the charts of the notebooks, redrawn.

``render_report`` turns an :class:`~newsresearch.analysis.Analysis` into one HTML page that
opens offline: no scripts, no network, no CDN (a Content-Security-Policy forbids them); the
charts are embedded as base64 PNG images. Every piece of article text is HTML-escaped, because
an article is untrusted input. ``regenerate_figures`` redraws every chart of the notebooks from
the sample article into ``reports/figures/`` (what ``newsresearch figures`` and ``make run`` do).

Presentation only: every number comes from :func:`newsresearch.analysis.analyze`, every chart
from a function of :mod:`newsresearch.charts`.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyze, summary_html

__all__ = ["render_report", "write_report", "report_charts", "regenerate_figures",
           "NOTEBOOK_CHARTS"]

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


def _is_sample(a: Analysis) -> bool:
    from .paths import SAMPLE_ARTICLE

    path = a.article.path
    return bool(path) and Path(path).resolve() == SAMPLE_ARTICLE.resolve()


def _source_line(a: Analysis) -> str:
    from .charts import SOURCE

    path = a.article.path
    if _is_sample(a):
        return SOURCE
    name = a.article.title or (Path(path).name if path else "the article")
    return f"Source: newsresearch analysis of “{name}”."


def _chart_specs(src: str):
    """(name, caption, builder) for every chart; a builder returns (fig, data) or None."""
    from . import charts
    from .tokens import word_frequencies

    def words(a: Analysis):
        freqs = word_frequencies(a.text, exclude_stopwords=True)
        return charts.word_frequency_chart(freqs, source=src), freqs.head(20)

    def quality(a: Analysis):
        if not len(a.quality):
            return None
        data = a.quality.groupby("kind").size().rename("flags").reset_index()
        return charts.quality_chart(a.quality, source=src), data

    def mention_map(a: Analysis):
        data = charts.mention_map_data(a.actors, a.text)
        return (charts.mention_map_chart(a.actors, a.text, source=src), data) if len(data) else None

    def sentiment(a: Analysis):
        # actors with 3+ mentions, as notebook 02; the chart draws the 15 most mentioned
        named = a.actor_sentiment[a.actor_sentiment["mentions"] >= 3].head(15)
        if not len(named):
            return None
        return charts.actor_sentiment_chart(named, source=src), named

    def lexicons(a: Analysis):
        named = a.actor_sentiment[a.actor_sentiment["mentions"] >= 3].head(15)
        if not len(named):
            return None
        data = named[["actor", "mentions", "vader_mean", "textblob_mean", "target_mean"]]
        return charts.lexicon_comparison_chart(named, source=src), data

    def voice(a: Analysis):
        data = charts.voice_presence_data(a.quotes, a.actors)
        return (charts.voice_presence_chart(data, source=src), data) if len(data) else None

    def cues(a: Analysis):
        data = charts.cue_verb_data(a.quotes)
        return (charts.cue_verb_chart(data, source=src), data) if len(data) else None

    def sourcing(a: Analysis):
        if not len(a.quotes):
            return None
        data = charts.sourcing_data(a.quotes)
        return charts.sourcing_chart(data, source=src), data

    def figure_sourcing(a: Analysis):
        data = charts.figure_sourcing_data(a.figures)
        return (charts.figure_sourcing_chart(a.figures, source=src), data) if len(data) else None

    def magnitudes(a: Analysis):
        data = charts.figure_magnitude_data(a.figures)
        return (charts.figure_magnitude_chart(a.figures, source=src), data) if len(data) \
            else None

    def timeline(a: Analysis):
        data = charts.figure_timeline_data(a.figures, a.article)
        # the story's own time: from the year before publication on (older dates such as
        # "the 1990s" would squash the axis; the chart title counts what it leaves out)
        year = a.article.year
        since = f"{year - 1}-01-01" if year else None
        if since is not None and len(data):
            data = data[data["when"] >= pd.Timestamp(since)]
        if not len(data):
            return None
        return charts.figure_timeline_chart(a.figures, a.article, since=since,
                                            source=src), data

    def voice05(a: Analysis):
        data = charts.voice_presence_data(a.quotes, a.actors, top=10)
        return (charts.voice_presence_chart(data, source=src), data) if len(data) else None

    def framing05(a: Analysis):
        return sentiment(a)

    def figure_sources(a: Analysis):
        data = a.figure_sources()
        return (charts.figure_sources_chart(data, source=src), data) if len(data) else None

    return [
        ("01_word-frequencies", "The most frequent words (stopwords removed).", words),
        ("01_quality-flags", "Damage that scraping and translation left in the text.", quality),
        ("02_mention-map", "Where each actor is mentioned, paragraph by paragraph.",
         mention_map),
        ("02_sentiment-by-actor", "Sentiment toward each actor mentioned 3 times or more: mean "
         "over its mentions with a bootstrap interval.", sentiment),
        ("02_lexicons-by-actor", "The same actors scored by three methods.", lexicons),
        ("03_voice-vs-presence", "Who is present (mentions) and who speaks (quoted passages).",
         voice),
        ("03_cue-verbs", "The verbs that introduce quotes: neutral or loaded.", cues),
        ("03_sourcing", "Quotes by kind of source: named, anonymous, documents.", sourcing),
        ("04_sourcing", "Figures by kind: vouched for by a named source, an unnamed one, or "
         "none.", figure_sourcing),
        ("04_magnitudes", "The size of every figure, on a log scale.", magnitudes),
        ("04_timeline", "The dates the article mentions.", timeline),
        ("05_voice-vs-presence", "Who is present and who speaks (notebook 05).", voice05),
        ("05_actor-framing", "How each actor is framed (notebook 05).", framing05),
        ("05_figure-sources", "Which numbers the story rests on, and who vouches for them.",
         figure_sources),
    ]


#: Names of the charts ``regenerate_figures`` draws (``reports/figures/NAME.png`` + ``.csv``).
NOTEBOOK_CHARTS = ("01_word-frequencies", "01_quality-flags", "02_mention-map",
                   "02_sentiment-by-actor", "02_lexicons-by-actor", "03_voice-vs-presence",
                   "03_cue-verbs", "03_sourcing", "04_sourcing", "04_magnitudes", "04_timeline",
                   "05_voice-vs-presence", "05_actor-framing", "05_figure-sources")
# notebook 05 repeats two charts of 02 and 03 for its synthesis; the report shows them once
_REPEATS = ("05_voice-vs-presence", "05_actor-framing")


def report_charts(analysis: Analysis, *, repeats: bool = False
                  ) -> list[tuple[str, str, object, pd.DataFrame]]:
    """Draw every chart of an analysis: a list of ``(name, caption, figure, data)``.

    A chart whose table is empty (no quotes, no figures…) is left out; so are the charts
    notebook 05 repeats from notebooks 02 and 03, unless ``repeats=True``.
    """
    out = []
    for name, caption, build in _chart_specs(_source_line(analysis)):
        if name in _REPEATS and not repeats:
            continue
        made = build(analysis)
        if made is not None:
            fig, data = made
            out.append((name, caption, fig, data))
    return out


def regenerate_figures(*, out_dir=None, article=None) -> list[Path]:
    """Redraw every chart of the notebooks from the sample article; return the PNG paths.

    Parameters
    ----------
    out_dir : path, optional
        Default ``reports/figures/`` of the project.
    article : str, Path or Article, optional
        Another article file or Article (default: the sample article).
    """
    from .articles import Article, read_article
    from .charts import save_chart
    from .paths import SAMPLE_ARTICLE

    if article is None:
        article = SAMPLE_ARTICLE
    art = article if isinstance(article, Article) else read_article(article)
    written = []
    for name, _caption, fig, data in report_charts(analyze(art), repeats=True):
        paths = save_chart(fig, name, data, out_dir=out_dir)
        import matplotlib.pyplot as plt

        plt.close(fig)
        written.append(paths["png"])
    return written


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
