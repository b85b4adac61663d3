"""The article as HTML: quotes coloured by speaker, actors underlined, figures boxed.

:func:`highlight` only marks up tables it is given (an :class:`~newsresearch.analysis.Analysis`
or its ``quotes``/``actors``/``figures``); it never extracts anything itself. Every piece of
article text is HTML-escaped: an article is untrusted input.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .style import PALETTE

__all__ = ["Highlighted", "highlight", "speaker_colours"]

_NO_SPEAKER = "#BBBBBB"


def speaker_colours(quotes: pd.DataFrame) -> dict:
    """Give every speaker a palette colour, in order of first quote; no speaker is grey.

    Speakers of quoted passages come first, speakers of reported speech only (kind
    ``indirect``) after them; the seven colours repeat after the seventh speaker.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Ann", None, "Bo", "Ann"], "kind": ["direct"] * 4})
    >>> speaker_colours(q)
    {'Ann': '#0072B2', 'Bo': '#E69F00', None: '#BBBBBB'}
    """
    colours: dict = {}
    kinds = quotes["kind"] if "kind" in quotes else pd.Series(["direct"] * len(quotes))
    quoted = [s for s, k in zip(quotes["speaker"], kinds, strict=True) if k != "indirect"]
    names = [s for s in quoted + list(quotes["speaker"]) if isinstance(s, str) and s]
    for i, name in enumerate(dict.fromkeys(names)):
        colours[name] = PALETTE[i % (len(PALETTE) - 1)]  # skip black, the last colour
    colours[None] = _NO_SPEAKER
    return colours


class Highlighted:
    """An article rendered as HTML; Jupyter shows it through ``_repr_html_``.

    Attributes
    ----------
    html : str
        The complete fragment (a ``<div class="nr-highlight">``): legend plus text.
    counts : dict
        How many ``nr-quote``, ``nr-actor``, ``nr-figure`` elements it contains.
    """

    def __init__(self, html: str, counts: dict):
        self.html = html
        self.counts = counts

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}={v}" for k, v in self.counts.items())
        return f"Highlighted({parts}, chars={len(self.html)})"

    def save(self, path) -> Path:
        """Write a stand-alone HTML page and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<!doctype html><meta charset='utf-8'><title>newsresearch</title>"
                        + self.html, encoding="utf-8")
        return path


def highlight(source, *, quotes=None, actors=None, figures=None, show_speakers: bool = True,
              indirect: bool = True, legend: bool = True,
              title: str | None = None) -> Highlighted:
    """Render the article as HTML with quotes coloured by speaker, actors and figures marked.

    Nothing is extracted here: pass an :class:`~newsresearch.analysis.Analysis` (its quotes,
    actors and figures are marked) or a text with the tables to mark. Every piece of article
    text is HTML-escaped, so ``<script>`` in it is shown as text, never run.

    Parameters
    ----------
    source : Analysis, str or Article
        An analysis, or the text the tables' offsets index.
    quotes : DataFrame, optional
        An ``extract_quotes`` frame (default: the analysis's; none for a text).
    actors : DataFrame, optional
        A ``find_actors`` frame: mentions are underlined (``nr-actor`` elements).
    figures : DataFrame, optional
        An ``extract_figures`` frame (``start, end, surface, kind, value, unit``): figures
        are boxed (``nr-figure`` elements).
    show_speakers : bool
        Also mark each quote's speaker words and cue (``nr-speaker``, ``nr-cue``).
    indirect : bool
        Also colour reported speech without quote marks (dotted underline, same colours).
    legend : bool
        Put a legend of speakers (with their number of quoted passages) above the text.

    Returns
    -------
    Highlighted
        ``.html`` is the fragment; Jupyter displays the object itself. Every quote is one
        ``<span class="nr-quote" data-quote-id=… data-speaker=… data-kind=…>``, every actor
        mention one ``nr-actor`` and every figure one ``nr-figure`` element; spans that
        cross an enclosing one are cut at its edge so elements always nest.

    Examples
    --------
    >>> from newsresearch import analyze
    >>> h = highlight(analyze("“Hi <script>alert(1)</script>,” said Ann Lee."))
    >>> "&lt;script&gt;" in h.html and "<script>" not in h.html
    True
    >>> h.counts["nr-quote"], h.counts["nr-actor"]
    (1, 1)
    """
    from ..analysis import Analysis
    from ..articles import as_text

    if isinstance(source, Analysis):
        quotes = source.quotes if quotes is None else quotes
        actors = source.actors if actors is None else actors
        figures = source.figures if figures is None else figures
        source = source.article
    text = as_text(source)
    quotes = _with_quote_columns(pd.DataFrame(columns=["start", "end"]) if quotes is None
                                 else quotes)
    if not indirect and len(quotes):
        quotes = quotes[quotes["kind"] != "indirect"]
    colours = speaker_colours(quotes)
    spans = _quote_spans(quotes, colours, show_speakers=show_speakers)
    if actors is not None:
        spans += _actor_spans(actors)
    if figures is not None:
        spans += _figure_spans(figures)
    body, counts = _nest(text, spans)
    head = f"<h3>{html.escape(title)}</h3>" if title else ""
    if legend:
        head += _legend(quotes, colours, actors=actors is not None,
                        figures=figures is not None)
    out = (f'<div class="nr-highlight" style="font-family:Georgia,serif;line-height:1.6;'
           f'white-space:pre-wrap;max-width:48em">{head}<div class="nr-text">{body}</div></div>')
    return Highlighted(out, counts)


def _attr(name: str, value) -> str:
    if value is None or (isinstance(value, float) and value != value) or str(value) == "<NA>":
        return ""
    return f' {name}="{html.escape(str(value), quote=True)}"'


def _quote_spans(quotes: pd.DataFrame, colours: dict, *, show_speakers: bool) -> list[tuple]:
    """(start, end, layer, open tag, class) of every quote, and of its speaker and cue."""
    spans: list[tuple[int, int, int, str, str]] = []
    seen: set = set()
    for q in quotes.itertuples(index=False):
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else None
        colour = colours.get(speaker, _NO_SPEAKER)
        style = (f"background:{colour}2e;border-bottom:2px dotted {colour}"
                 if q.kind == "indirect" else f"background:{colour}40")
        cue = q.cue if isinstance(q.cue, str) and q.cue else "no cue"
        tip = f"{speaker or 'speaker unknown'} — {cue} ({q.kind}, {q.source_type})"
        spans.append((int(q.start), int(q.end), 0,
                      f'<span class="nr-quote"{_attr("data-quote-id", q.quote_id)}'
                      f'{_attr("data-speaker", speaker)}{_attr("data-kind", q.kind)}'
                      f'{_attr("data-source-type", q.source_type)}{_attr("title", tip)}'
                      f' style="{style}">', "nr-quote"))
        if not show_speakers:
            continue
        if not pd.isna(q.speaker_start) and (int(q.speaker_start), int(q.speaker_end)) not in seen:
            seen.add((int(q.speaker_start), int(q.speaker_end)))
            spans.append((int(q.speaker_start), int(q.speaker_end), 1,
                          f'<span class="nr-speaker"{_attr("data-speaker", speaker)}'
                          f' style="font-weight:600;border-bottom:3px solid {colour}">',
                          "nr-speaker"))
        if not pd.isna(q.cue_start) and ("cue", int(q.cue_start)) not in seen:
            seen.add(("cue", int(q.cue_start)))
            spans.append((int(q.cue_start), int(q.cue_end), 1,
                          '<span class="nr-cue" style="font-style:italic">', "nr-cue"))
    return spans


def _actor_spans(actors: pd.DataFrame) -> list[tuple]:
    return [(int(m.start), int(m.end), 2,
             f'<span class="nr-actor"{_attr("data-actor", m.actor)}'
             f'{_attr("data-actor-type", getattr(m, "actor_type", None))}{_attr("title", m.actor)}'
             ' style="text-decoration:underline;text-underline-offset:3px">', "nr-actor")
            for m in actors.itertuples(index=False)]


def _figure_spans(figures: pd.DataFrame) -> list[tuple]:
    spans = []
    for f in figures.itertuples(index=False):
        kind, value, unit = (getattr(f, c, None) for c in ("kind", "value", "unit"))
        tip = " ".join(str(x) for x in (kind, value, unit) if _attr("x", x))
        spans.append((int(f.start), int(f.end), 3,
                      f'<span class="nr-figure"{_attr("data-kind", kind)}'
                      f'{_attr("data-value", value)}{_attr("data-unit", unit)}'
                      f'{_attr("title", tip)} style="outline:1px solid #555;border-radius:2px">',
                      "nr-figure"))
    return spans


def _legend(quotes: pd.DataFrame, colours: dict, *, actors: bool, figures: bool) -> str:
    """The speakers with their colour and number of passages, then the actor/figure keys."""
    items = []
    for name, colour in colours.items():
        rows = quotes[quotes["speaker"].isna()] if name is None else \
            quotes[quotes["speaker"] == name]
        n_q = int((rows["kind"] != "indirect").sum())
        n_i = int((rows["kind"] == "indirect").sum())
        if n_q + n_i == 0:
            continue
        what = f"{n_q} quoted" + (f", {n_i} reported" if n_i else "")
        label = html.escape(name if name else "speaker unknown")
        items.append(f'<span class="nr-legend-item" style="margin-right:1em">'
                     f'<span style="background:{colour}66;padding:0 .6em">&nbsp;</span> '
                     f'{label} ({what})</span>')
    keys = ""
    if actors:
        keys += ' <span style="text-decoration:underline">actor</span>'
    if figures:
        keys += ' <span style="outline:1px solid #555">figure</span>'
    return (f'<div class="nr-legend" style="margin-bottom:.8em;font-size:90%">'
            f'<strong>Speakers:</strong> {" ".join(items) or "none"}{keys}</div>')


def _with_quote_columns(quotes: pd.DataFrame) -> pd.DataFrame:
    """Fill the columns ``highlight`` reads when a hand-made quotes frame lacks them."""
    quotes = quotes.copy()
    defaults = {"quote_id": range(len(quotes)), "speaker": None, "kind": "direct",
                "source_type": "unknown", "cue": None, "speaker_start": pd.NA,
                "speaker_end": pd.NA, "cue_start": pd.NA, "cue_end": pd.NA}
    for col, value in defaults.items():
        if col not in quotes.columns:
            quotes[col] = list(value) if isinstance(value, range) else value
    return quotes


def _nest(text: str, spans) -> tuple[str, dict]:
    """Interleave escaped text and tags so that every span is one properly nested element."""
    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)),
                   key=lambda s: (s[0], -s[1], s[2]))
    out: list[str] = []
    counts = {"nr-quote": 0, "nr-actor": 0, "nr-figure": 0, "nr-speaker": 0, "nr-cue": 0}
    stack: list[int] = []  # ends of the open elements
    pos = 0
    for start, end, _layer, tag, cls in spans:
        while stack and stack[-1] <= start:
            close = stack.pop()
            out.append(html.escape(text[pos:close]))
            out.append("</span>")
            pos = close
        if stack and end > stack[-1]:
            end = stack[-1]  # cut at the edge of the enclosing element
        if stack and start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(tag)
        counts[cls] = counts.get(cls, 0) + 1
        stack.append(end)
        pos = start
    while stack:
        close = stack.pop()
        out.append(html.escape(text[pos:close]))
        out.append("</span>")
        pos = close
    out.append(html.escape(text[pos:]))
    return "".join(out), counts
