"""The self-contained HTML report of a corpus run (``newsresearch report results/``).

The comparisons of notebook 06 — who is present, who speaks, who stands behind the quotes,
women's share of quotes by year with the unknown share beside it, anonymous sourcing and
sourced figures by year, how the most-mentioned actors are framed — each as its chart
(embedded PNG) and the :mod:`newsresearch.compare` table it draws (every number of the chart,
with its denominator and its interval from a bootstrap over articles), plus the list of
articles. The same page rules as the article report: no script, no network request, every
string from an article (titles, names, speakers) HTML-escaped.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..charts.registry import CORPUS_CHARTS, chart_data, source_line
from .page import figure_html, page_end, page_start, table_html, write_page

__all__ = ["render_corpus_report", "write_corpus_report", "CORPUS_METHODS_NOTE"]

CORPUS_METHODS_NOTE = """\
<p><strong>How this was made.</strong> Every article was analysed on its own (sentences,
actors, quotes with their speakers and source types, figures with their sources, sentiment
toward each actor mention), and the tables of all articles compared. Each share is a ratio of
sums over the articles of a group — quotes from women over all quotes, for instance — with
its numerator, its denominator and the number of articles it rests on. The 95&nbsp;% intervals
come from a <em>bootstrap over articles</em>: articles, not quotes or mentions, are resampled
(1,000 times, seeded), because the quotes of one article are not independent of each other.</p>
<p><strong>What it cannot see.</strong> A speaker's gender is read from the text (titles,
role nouns, pronouns, given names), not self-described, and is often unknown; the unknown
share is always shown beside women's share. Source types, sentiment and figure sources are
rules with measured error rates (see the project's CHANGELOG), and their errors do not cancel
out over a corpus. A corpus of one outlet describes that outlet's style, not the news.</p>
"""

# The columns of a compare table shown in the report, in this order (those present).
_COLUMNS = ("year", "group", "actor", "actor_type", "speaker", "source_type",
            "speaker_gender", "measure", "n_articles", "numerator", "denominator", "estimate",
            "ci_low", "ci_high")


def _tables(source):
    if hasattr(source, "manifest"):
        return source.articles, source.manifest
    raise TypeError("render_corpus_report needs the results of a corpus run "
                    f"(nr.open_results(out)), not {type(source).__name__}")


def _headline(articles, manifest) -> str:
    counts = manifest.get("counts", {})
    published = articles["published"].dropna().astype(str)
    span = f"{published.min()} → {published.max()}" if len(published) else "no dates"
    rows = [("articles analysed", f"{len(articles):,}"),
            ("published", span),
            ("words", f"{int(articles['words'].sum()):,}"),
            ("actor mentions", f"{int(counts.get('actors', 0)):,}"),
            ("quote rows (labels included)", f"{int(counts.get('quotes', 0)):,}"),
            ("figures", f"{int(counts.get('figures', 0)):,}"),
            ("articles that failed", f"{int(counts.get('failures', 0)):,}")]
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                    for k, v in rows)
    return f"<table class='nr-counts' id='nr-headline'>{cells}</table>"


def render_corpus_report(results, *, charts: bool = True) -> str:
    """Return the complete HTML page for a corpus run (escaped, self-contained, no scripts).

    Parameters
    ----------
    results : Results
        ``nr.open_results(out)`` (or what ``analyze_corpus`` returns).
    charts : bool
        Embed the charts (False: the tables only, faster).

    Examples
    --------
    >>> import tempfile
    >>> from newsresearch import analyze_corpus
    >>> res = analyze_corpus([{"id": "a", "title": "<b>Hi</b>", "published": "2020-01-02",
    ...                        "text": "“Yes,” said Mayor Jane Doe."}], tempfile.mkdtemp(),
    ...                      workers=1, progress=False)
    >>> page = render_corpus_report(res, charts=False)
    >>> "&lt;b&gt;Hi&lt;/b&gt;" in page and "<b>Hi</b>" not in page
    True
    """
    articles, manifest = _tables(results)
    parts = [
        page_start(f"Corpus of {len(articles)} articles"),
        f"<h1>Corpus of {len(articles):,} articles</h1>",
        f"<p class='nr-meta'>{html.escape(source_line(results))}</p>",
        _headline(articles, manifest),
        f"<div class='nr-note'>{CORPUS_METHODS_NOTE}</div>",
    ]
    for c in CORPUS_CHARTS:
        data = chart_data(c.name, results)
        parts.append(f"<h2 id='h-{html.escape(c.name)}'>{html.escape(c.caption)}</h2>")
        if charts and len(data):
            parts.append(figure_html(c.name, c.caption, c.plot(data, results,
                                                               source_line(results))))
        parts.append(table_html(data, _COLUMNS, table_id=f"t-{c.name}", float_format="{:.3f}"))
    parts += [
        "<h2>The articles</h2>",
        table_html(articles, ["article_id", "title", "published", "words", "quotes",
                              "figures", "url"], limit=500, table_id="t-articles"),
        page_end("Made with newsresearch. Shares are ratios of sums over articles; intervals "
                 "are 95 % percentile intervals of a bootstrap over articles."),
    ]
    return "\n".join(parts)


def write_corpus_report(results, path, *, charts: bool = True) -> Path:
    """Write the corpus report of ``results`` (a ``Results`` or its folder) to ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from newsresearch import analyze_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = analyze_corpus(["“Yes,” said Jane Doe."], out, workers=1, progress=False)
    >>> p = write_corpus_report(out, pathlib.Path(out) / "corpus.html", charts=False)
    >>> p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    if not hasattr(results, "manifest"):
        from ..results import open_results

        results = open_results(results)
    return write_page(render_corpus_report(results, charts=charts), path)
