"""The pieces every report page shares: style, Content-Security-Policy, tables, images, writing.

A page opens offline: no scripts, no network, no CDN (the Content-Security-Policy forbids
them); charts are embedded as base64 PNG images; every string that comes from an article
(text, titles, names, speakers) is HTML-escaped, because an article is untrusted input.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path

import pandas as pd

__all__ = ["CSS", "CSP", "page_start", "page_end", "table_html", "figure_html", "write_page"]

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


def page_start(title: str) -> str:
    """The ``<head>`` and the opening ``<body>`` of a page titled ``title`` (escaped here)."""
    t = html.escape(title)
    return "\n".join([
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{t} — newsresearch report</title><style>{CSS}</style></head><body>"])


def page_end(note: str) -> str:
    """The closing line (``note`` is escaped) and the end of the page."""
    return f"<p class='nr-meta'>{html.escape(note)}</p></body></html>\n"


def fig_to_data_uri(fig) -> str:
    """The figure as a ``data:image/png;base64,…`` URI (the figure is closed)."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def figure_html(name: str, caption: str, fig) -> str:
    """One ``<figure id=NAME>`` with the embedded chart and its (escaped) caption."""
    n, c = html.escape(name, quote=True), html.escape(caption, quote=True)
    return (f"<figure id='{n}'><img alt='{c}' src='{fig_to_data_uri(fig)}'>"
            f"<figcaption>{c}</figcaption></figure>")


def table_html(df: pd.DataFrame, columns, *, limit: int | None = None,
               table_id: str | None = None, float_format="{:.2f}") -> str:
    """An escaped HTML table of ``df[columns]`` (the first ``limit`` rows).

    Examples
    --------
    >>> "<td>&lt;b&gt;</td>" in table_html(pd.DataFrame({"a": ["<b>"]}), ["a"])
    True
    """
    cols = [c for c in columns if c in df.columns]
    shown = df[cols].head(limit) if limit else df[cols]
    more = ""
    if limit and len(df) > limit:
        more = f"<p class='nr-meta'>First {limit} of {len(df)} rows.</p>"
    tid = f" id='{html.escape(table_id, quote=True)}'" if table_id else ""
    if not len(shown):
        return f"<p class='nr-meta'{tid}>None found.</p>"
    out = shown.to_html(index=False, escape=True, na_rep="", border=0, classes="nr-table",
                        float_format=float_format.format)
    if table_id:
        out = out.replace("<table ", f"<table{tid} ", 1)
    return out + more


def write_page(page: str, path) -> Path:
    """Write ``page`` to ``path`` via a temporary file renamed when complete."""
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
