"""Read a news article from a file or a string and clean it: ``read_article`` and ``Article``.

Cleaning is the *only* place where text is changed. Everything downstream works on
``Article.text`` (or a plain ``str``) and reports character offsets into exactly that string.

What cleaning does, in order:

1. decode the bytes (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 with a
   warning; never guessed into mojibake) and normalise line ends (CRLF, CR) to ``\\n``;
2. for saved web pages (``.html``/``.htm``) extract the main text with trafilatura
   (Barbaresi 2021), keeping the title, author and date it finds;
3. split into paragraphs (blank lines) and drop scraped boilerplate listed in
   ``resources/boilerplate.tsv`` (comment forms, lone comment counters, share/subscribe lines,
   site slogans), short site lines above the headline, and detect the headline and a closing
   byline ("X reported from …"). Every dropped piece is listed in ``Article.removed`` with its
   offsets into ``Article.raw`` and a reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .resources import table

__all__ = ["Article", "ArticleError", "read_article", "as_text", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
REMOVED_COLUMNS = ["start", "end", "text", "reason"]


class ArticleError(ValueError):
    """An article file cannot be used; the message is one line naming the problem and the file."""


@dataclass(frozen=True, eq=False)
class Article:
    """A news article: the exact input and the cleaned text every other function works on.

    Attributes
    ----------
    raw : str
        The input exactly as decoded (for a web page, its HTML source).
    text : str
        The cleaned article body: paragraphs separated by one blank line.
    title, byline : str or None
        Headline and closing byline, when found.
    authors : tuple of str
        Author names found in the byline or the page metadata.
    published : str or None
        Publication date (``YYYY-MM-DD`` or a prefix such as ``YYYY-MM``) when known.
    removed : list of dict
        What cleaning dropped: ``start``/``end`` offsets into ``raw``, ``text``, ``reason``.
        ``removed_frame()`` gives it as a DataFrame.
    warnings : tuple of str
        Things a careful reader should know (encoding fallbacks, nothing found, …).

    Examples
    --------
    >>> art = Article.from_text("Headline here\\n\\nMr. Smith said it was fine.\\n\\nLeave A Reply")
    >>> art.title
    'Headline here'
    >>> art.text
    'Mr. Smith said it was fine.'
    >>> [r["reason"] for r in art.removed]
    ['headline', 'comment form']
    """

    raw: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    removed: list = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    metadata: dict = field(default_factory=dict)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        clean: bool = True,
        title: str | None = None,
        published: str | None = None,
        url: str | None = None,
        authors: tuple[str, ...] | list[str] = (),
    ) -> Article:
        """Build an ``Article`` from a string, cleaning it unless ``clean=False``.

        Examples
        --------
        >>> Article.from_text("Plain text.", clean=False).text
        'Plain text.'
        """
        if not isinstance(text, str):
            raise TypeError(f"Article.from_text expects a str, got {type(text).__name__}")
        if not clean:
            return cls(raw=text, text=text, title=title, published=published, url=url,
                       authors=tuple(authors))
        return _build(text, title=title, published=published, url=url, authors=tuple(authors))

    @property
    def year(self) -> int | None:
        """The publication year, when ``published`` gives one."""
        m = re.match(r"(\d{4})", self.published or "")
        return int(m.group(1)) if m else None

    def removed_frame(self):
        """Return ``removed`` as a DataFrame with columns start, end, text, reason."""
        import pandas as pd

        return pd.DataFrame(self.removed, columns=REMOVED_COLUMNS)

    def __repr__(self) -> str:
        head = self.title or self.text[:60]
        return (f"Article(title={head!r}, chars={len(self.text)}, removed={len(self.removed)}, "
                f"warnings={len(self.warnings)})")


def as_text(obj) -> str:
    """Return the text that offsets refer to: ``obj`` itself for a ``str``, ``obj.text`` for an Article.

    Examples
    --------
    >>> as_text("abc")
    'abc'
    """
    if isinstance(obj, str):
        return obj
    if isinstance(obj, Article):
        return obj.text
    raise TypeError(
        f"expected a str or a newsresearch.Article, got {type(obj).__name__}; "
        "read a file with newsresearch.read_article(path)"
    )


# --------------------------------------------------------------------------- reading files


def read_article(path, *, clean: bool = True) -> Article:
    """Read a news article from a ``.txt``, ``.md``, ``.html`` or ``.htm`` file.

    Parameters
    ----------
    path : str or Path
        The file. It is only read, never written.
    clean : bool, default True
        Remove boilerplate and detect headline and byline. With ``clean=False`` the decoded,
        newline-normalised text is returned as is (web pages are still text-extracted).

    Notes
    -----
    A JSON file beside the article named ``NAME.meta.json`` (as in ``data/raw/``) fills in
    ``title``, ``authors``, ``published`` (or ``published_approx``) and ``url`` where the article
    itself does not give them.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        One line naming the problem and the file: missing, a directory, empty, binary,
        undecodable, unsupported extension, or a web page with no article text.

    Examples
    --------
    >>> from newsresearch.paths import SAMPLE_ARTICLE
    >>> art = read_article(SAMPLE_ARTICLE)
    >>> art.title
    'Blinken returns to the Middle East as tensions with Israel rise'
    >>> art.authors
    ('Edward Wong', 'Michael Crowley')
    >>> art.published  # from the sidecar data/raw/000_08a178f498c347a9.meta.json
    '2024-01'
    """
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"file not found: {p}")
    if p.is_dir():
        raise ArticleError(f"is a directory, not an article file: {p}")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(
            f"unsupported file type {suffix or '(none)'!r} (use .txt, .md, .html or .htm): {p}"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror}): {p}") from None
    raw, warnings = _decode(data, p)
    if not raw.strip():
        raise ArticleError(f"empty file (nothing but whitespace): {p}")
    if suffix in (".html", ".htm"):
        art = _from_html(raw, p, warnings, clean=clean)
    else:
        text = raw
        title = None
        if suffix == ".md":
            text, title = _strip_markdown(raw)
        if not clean:
            art = Article(raw=raw, text=_normalise_newlines(text), path=str(p),
                          warnings=tuple(warnings))
        else:
            art = _build(text, title=title, path=str(p), warnings=warnings)
            if suffix == ".md":
                # offsets in `removed` refer to the markdown-stripped text; raw is the real input
                art = _replace(art, raw=raw)
    return _with_sidecar(art, p)


def _with_sidecar(art: Article, path: Path) -> Article:
    """Fill missing title/authors/published/url from ``NAME.meta.json`` beside the file.

    The sidecar is how ``data/raw`` records what a scraped text file cannot carry (the
    publication date, for instance). Values found in the article itself win; a broken sidecar
    is a warning, not an error.
    """
    side = path.with_name(path.stem + ".meta.json")
    if not side.is_file():
        return art
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return _replace(art, warnings=art.warnings + (
            f"ignored unreadable metadata file {side.name}: {exc}",))
    published = meta.get("published") or meta.get("published_approx")
    authors = meta.get("authors") or ()
    return _replace(
        art,
        title=art.title or meta.get("title"),
        authors=art.authors or tuple(authors),
        published=art.published or (str(published) if published else None),
        url=art.url or meta.get("url"),
        metadata={**art.metadata, "sidecar": side.name},
    )


def _replace(art: Article, **changes) -> Article:
    from dataclasses import replace

    return replace(art, **changes)


def _decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Decode file bytes without ever producing mojibake; raise ArticleError on binary data."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark found)"]
        except UnicodeDecodeError:
            raise ArticleError(f"undecodable UTF-16 text: {path}") from None
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.10:
        raise ArticleError(f"binary file, not text: {path}")
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Valid multi-byte UTF-8 sequences mean the file is UTF-8 with a few bad bytes:
    # decoding it as Windows-1252 would turn every “ into â€œ (mojibake).
    multibyte = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data))
    if multibyte >= 3:
        text = data.decode("utf-8-sig", errors="replace")
        n = text.count("\ufffd")
        warnings.append(
            f"{n} undecodable byte(s) replaced with U+FFFD (file is mostly UTF-8; first bad byte "
            f"at {utf8_error.start})"
        )
        return text, warnings
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(
            f"undecodable text (neither UTF-8 nor Windows-1252): {path}"
        ) from None
    warnings.append("decoded as Windows-1252 (the file is not valid UTF-8)")
    return text, warnings


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    ctrl = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / len(data)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _strip_markdown(raw: str) -> tuple[str, str | None]:
    """Drop markdown syntax that is not article text; return (text, first-level heading)."""
    text = _normalise_newlines(raw)
    title = None
    m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    if m and not text[: m.start()].strip():
        title = m.group(1).strip()
        text = text[m.end():]
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    return text, title


def _from_html(raw: str, path: Path, warnings: list[str], *, clean: bool) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise ArticleError(f"cannot parse web page ({type(exc).__name__}): {path}") from None
    if doc is None:
        raise ArticleError(f"no article text found in web page: {path}")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if len(body.split()) < 5:  # navigation crumbs ("Home") are not an article
        raise ArticleError(f"no article text found in web page: {path}")
    # trafilatura puts one newline between paragraphs; our convention is a blank line
    body = re.sub(r"\n+", "\n\n", _normalise_newlines(body))
    title = data.get("title") or None
    author = data.get("author") or ""
    authors = tuple(a.strip() for a in re.split(r";|\band\b|,", author) if a.strip())
    published = data.get("date") or None
    meta = {k: data.get(k) for k in ("sitename", "hostname", "url", "description", "date")
            if data.get(k)}
    meta["extractor"] = "trafilatura"
    if clean:
        art = _build(body, title=title, published=published, url=data.get("url"),
                     authors=authors, path=str(path), warnings=warnings)
        removed = [dict(r, note="offsets index the extracted text, not the HTML")
                   for r in art.removed]
        return _replace(art, raw=raw, removed=removed, metadata=meta,
                        authors=art.authors or authors)
    return Article(raw=raw, text=body, title=title, authors=authors, published=published,
                   url=data.get("url"), path=str(path), warnings=tuple(warnings), metadata=meta)


# --------------------------------------------------------------------------- cleaning

_BYLINE_REPORTED = re.compile(
    r"((?:[A-Z][\w’'.-]+\s){1,3}?[A-Z][\w’'-]+)\s+(?:reported|contributed reporting|contributed)"
    r"\s+(?:from|to|reporting)\b"
)
_BYLINE_BY = re.compile(r"^by\s+([A-Z][^\n]{2,120})$", re.I)
_TERMINAL = re.compile(r"[.!?…:;,]['\"”’)\]]*$")


@dataclass
class _Block:
    start: int  # offsets into raw (covering the stripped content)
    end: int
    text: str  # content with line ends normalised and each line stripped


def _blocks(raw: str) -> list[_Block]:
    """Split raw text into paragraphs (runs of non-blank lines) with offsets into ``raw``."""
    out: list[_Block] = []
    lines = []
    pos = 0
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw):
        if m.start() == len(raw) and m.group() == "":
            break
        line = m.group().rstrip("\r\n")
        lines.append((m.start(), m.start() + len(line), line))
        pos = m.end()
        if pos >= len(raw):
            break
    cur: list[tuple[int, int, str]] = []
    for item in lines + [(len(raw), len(raw), "")]:
        if item[2].strip():
            cur.append(item)
            continue
        if cur:
            first, last = cur[0], cur[-1]
            lstrip = len(first[2]) - len(first[2].lstrip())
            rstrip = len(last[2]) - len(last[2].rstrip())
            text = "\n".join(ln[2].strip() for ln in cur)
            out.append(_Block(first[0] + lstrip, last[1] - rstrip, text))
            cur = []
    return out


def boilerplate_reason(line: str) -> str | None:
    """Return why ``line`` is scraped boilerplate (``resources/boilerplate.tsv``), else None.

    Examples
    --------
    >>> boilerplate_reason("Leave A Reply"), boilerplate_reason("Mr. Smith said so.")
    ('comment form', None)
    """
    line = " ".join(line.split())
    for rx, reason in _boilerplate_rules():
        if rx.fullmatch(line):
            return reason
    return None


@cache
def _boilerplate_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["reason"]) for r in table("boilerplate.tsv"))


def _is_headline_like(text: str) -> bool:
    words = text.split()
    return (
        "\n" not in text
        and 2 <= len(words) <= 25
        and not _TERMINAL.search(text)
        and text[:1].isupper()
    )


def _byline_authors(text: str) -> tuple[str, ...] | None:
    names = [m.group(1).strip() for m in _BYLINE_REPORTED.finditer(text)]
    if names and len(text.split()) <= 60:
        seen: list[str] = []
        for n in names:
            n = re.sub(r"^(?:And|and)\s+", "", n)
            if n not in seen:
                seen.append(n)
        return tuple(seen)
    m = _BYLINE_BY.match(text)
    if m and len(text.split()) <= 12:
        parts = re.split(r",\s*|\s+and\s+", m.group(1).rstrip("."))
        return tuple(p.strip() for p in parts if p.strip())
    return None


def _build(raw: str, *, title=None, published=None, url=None, authors=(), path=None,
           warnings=()) -> Article:
    blocks = _blocks(raw)
    removed: list[dict] = []
    keep = [True] * len(blocks)

    def drop(i: int, reason: str) -> None:
        keep[i] = False
        b = blocks[i]
        removed.append({"start": b.start, "end": b.end, "text": raw[b.start:b.end],
                        "reason": reason})

    for i, b in enumerate(blocks):
        reason = boilerplate_reason(b.text)
        if reason:
            drop(i, reason)

    found_title = None
    found_authors: tuple[str, ...] = ()
    byline = None

    def leading_byline() -> None:
        nonlocal found_authors, byline
        kept = [i for i in range(len(blocks)) if keep[i]]
        if kept and not found_authors and blocks[kept[0]].text.lower().startswith("by "):
            names = _byline_authors(blocks[kept[0]].text)
            if names:
                found_authors, byline = names, blocks[kept[0]].text
                drop(kept[0], "byline")

    leading_byline()
    kept = [i for i in range(len(blocks)) if keep[i]]
    # headline: the first kept paragraph, short, no end punctuation, with body text after it
    if title is not None:
        # the title is known (page metadata, corpus field): drop it only where it is repeated
        if kept and " ".join(blocks[kept[0]].text.split()) == " ".join(title.split()):
            drop(kept[0], "headline")
    elif len(kept) > 1 and _is_headline_like(blocks[kept[0]].text):
        found_title = blocks[kept[0]].text
        drop(kept[0], "headline")
    elif len(kept) > 3 and kept[0] == 0 and len(blocks[0].text.split()) <= 8 and \
            _is_headline_like(blocks[kept[1]].text):
        # a short line *above* the headline is site furniture (slogan, section name)
        drop(kept[0], "site header above the headline")
        found_title = blocks[kept[1]].text
        drop(kept[1], "headline")
    leading_byline()

    kept = [i for i in range(len(blocks)) if keep[i]]
    for i in reversed(kept[-2:] if not found_authors else []):
        names = _byline_authors(blocks[i].text)
        if names:
            found_authors, byline = names, blocks[i].text
            drop(i, "byline")
            break
    removed.sort(key=lambda r: r["start"])
    text = "\n\n".join(b.text for i, b in enumerate(blocks) if keep[i])
    warns = list(warnings)
    if not text.strip():
        warns.append("cleaning left no article text")
    return Article(
        raw=raw,
        text=text,
        title=title or found_title,
        authors=tuple(authors) or found_authors,
        byline=byline,
        published=published,
        url=url,
        path=path,
        removed=removed,
        warnings=tuple(warns),
    )
