"""One input record before it becomes an Article: :class:`Record`, and the rules every reader
shares (ids, the text field, the size limit, which fields become ``articles`` columns).

Every input record — an article file, a JSONL line, a CSV or Parquet row, an item of a Python
iterable — becomes exactly one :class:`Record`, in input order. A record that cannot become an
article (a line that is not JSON, a row without text, a truncated archive's unreadable tail, an
article over the size limit) is still a record: its ``problem`` says why in one line naming the
file, so it ends up in the ``failures`` table and nothing is silently lost.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

__all__ = ["Record", "InputProblem", "dict_record", "exc_text", "plain_value", "MAX_CHARS",
           "BYTES_PER_CHAR", "META_FIELDS", "RESERVED_COLUMNS"]

MAX_CHARS = 1_000_000
#: Bytes per character a JSON line may need at most (``\\uXXXX`` escapes of surrogate pairs);
#: a line or file longer than ``max_chars`` times this is refused without being read whole.
BYTES_PER_CHAR = 16
#: Metadata fields that go into the Article (not carried as extra columns).
META_FIELDS = ("title", "published", "url", "authors")
#: Columns of the ``articles`` table that an input field may not take over; a field with one of
#: these names is carried as ``field_NAME``.
RESERVED_COLUMNS = frozenset({
    "article_id", "input", "title", "published", "url", "authors", "text", "characters",
    "paragraphs", "sentences", "words", "actors", "mentions", "people", "organizations",
    "places", "groups", "quotes", "direct_quotes", "quoted_speakers", "anonymous_quotes",
    "figures", "sourced_figures", "quality_flags", "warnings"})


class InputProblem(Exception):
    """An input record that cannot be analysed; the message is one line naming the file."""

    one_line = True  # reported as is (see newsresearch.analysis.one_line)


@dataclass
class Record:
    """One input record, before it is turned into an :class:`~newsresearch.articles.Article`.

    Exactly one of ``text`` (a record's text), ``path`` (an article file), ``article`` (the
    fields of an Article given in Python) or ``problem`` (why it cannot be analysed) is set.
    """

    article_id: str
    input: str  # where it comes from: a file, or "file:line" / "file:row"
    text: str | None = None
    path: str | None = None
    article: dict | None = None
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    problem: str | None = None

    def to_json(self) -> str:
        d = {k: v for k, v in asdict(self).items() if v not in (None, {})}
        return json.dumps(d, ensure_ascii=False, default=_jsonable)

    @classmethod
    def from_json(cls, line: str | bytes) -> Record:
        return cls(**json.loads(line))


def dict_record(obj: dict, opts, *, where: str, input: str, fallback_id: str) -> Record:
    """A record from a dict (JSONL line, CSV/Parquet row, Python item)."""
    tcol, icol = opts["text_column"], opts["id_column"]
    rid = obj.get(icol)
    aid = str(rid) if rid is not None and rid == rid and str(rid) != "" else fallback_id
    text = obj.get(tcol)
    problem = None
    if tcol not in obj:
        problem = f"{where}: no \"{tcol}\" field"
    elif not isinstance(text, str):
        problem = f"{where}: \"{tcol}\" is {type(text).__name__}, not a string"
    elif not text.strip():
        problem = f"{where}: \"{tcol}\" is empty"
    elif len(text) > opts["max_chars"]:
        problem = (f"{where}: article of {len(text):,} characters is over the size limit "
                   f"({opts['max_chars']:,} characters; max_chars=)")
    if problem:
        return Record(aid, input, problem=problem)
    meta = {k: obj[k] for k in META_FIELDS if obj.get(k) is not None and obj[k] == obj[k]}
    extra = {}
    for k, v in obj.items():
        if k in (tcol, icol) or k in META_FIELDS:
            continue
        extra[f"field_{k}" if k in RESERVED_COLUMNS else str(k)] = plain_value(v)
    return Record(aid, input, text=text, meta=meta, extra=extra)




def plain_value(v):
    """A value as JSON can carry it: dates as ISO text, other objects as text."""
    if v is None or isinstance(v, (str, int, float, bool, list, dict)):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return str(v)


def _jsonable(v):
    return list(v) if isinstance(v, tuple) else str(v)


def _opt_str(v) -> str | None:
    return None if v is None else str(v)


def exc_text(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
