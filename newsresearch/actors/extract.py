"""The public entry points: :func:`find_actors` (one row per mention) and :func:`actor_table`.

Inside, the mentions are plain column lists (:func:`mention_records`); the DataFrame is built
once, at the edge (:func:`mention_frame`), so a batch of articles can gather the lists of many
texts and build one frame.
"""

from __future__ import annotations

import pandas as pd

from ..articles import as_text
from ..frames import build_frame
from ..tokens import SentenceIndex, sentence_index
from .clustering import _cluster_people
from .gender import _names_for, _person_genders
from .lexicon import _lexicon_for
from .orgs import _other_candidates
from .patterns import _P_PERSON
from .people import _find_people

MENTION_COLUMNS = ["mention_id", "actor", "actor_type", "surface", "start", "end",
                   "sentence_id", "gender", "title"]
ACTOR_TABLE_COLUMNS = ["actor", "actor_type", "mentions", "first_start", "surfaces", "gender"]
_INT_COLUMNS = ("mention_id", "start", "end", "sentence_id")
# "no gender"/"no title" stay None (object columns), the names are pandas' text dtype
_MENTION_KINDS = {**dict.fromkeys(_INT_COLUMNS, "int64"), "actor": "text",
                  "actor_type": "text", "surface": "text", "gender": "object", "title": "object"}
_ACTOR_TABLE_KINDS = {"actor": "text", "actor_type": "text", "mentions": "int64",
                      "first_start": "int64", "surfaces": "text", "gender": "text"}


def find_actors(text, *, sentences=None, aliases=None, names=None) -> pd.DataFrame:
    """Find every mention of a person, organization, place or group, with its canonical actor.

    Parameters
    ----------
    text : str or Article
        Offsets index exactly this string (``article.text`` for an Article).
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (:func:`~newsresearch.tokens.sentence_index`
        or a ``split_sentences`` frame).
    aliases : str, Path or DataFrame, optional
        Your own alias table (columns ``alias, actor, actor_type``, optional ``gender``); its
        rows override the shipped gazetteer alias by alias. See :func:`read_aliases`.
    names : str, Path or DataFrame, optional
        Your own given names and their gender (columns ``name, gender``); its rows override
        the shipped lists name by name, for the ``gender`` column only. See
        :func:`read_names`.

    Returns
    -------
    DataFrame
        ``mention_id, actor, actor_type, surface, start, end, sentence_id, gender, title`` —
        one row per mention in text order; ``text[start:end] == surface``. ``gender`` is
        ``"male"``, ``"female"`` or None (people only), from what the text says: titles, role
        and kinship nouns, the pronouns used for the person, the given name (see
        :mod:`newsresearch.actors.gender`); ``title`` is the title or role written before a
        person's name ("Mr.", "Secretary of State"), else None.

    Raises
    ------
    ValueError
        When ``aliases`` or ``names`` is malformed (one line naming the file and the problem).

    Examples
    --------
    >>> t = "Secretary of State Antony J. Blinken met Mr Netanyahu. Mr. Blinken left Israel."
    >>> df = find_actors(t)
    >>> df[["actor", "actor_type", "surface"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Antony J. Blinken', 'person', 'Antony J. Blinken'], ['Netanyahu', 'person', 'Netanyahu'],
     ['Antony J. Blinken', 'person', 'Blinken'], ['Israel', 'place', 'Israel']]

    "Andrea" is a woman's name in some countries and a man's in others, so the shipped list
    leaves it unknown; your own list (a CSV path or a DataFrame) decides:

    >>> t = "Andrea Rossi, a lawyer, spoke."
    >>> find_actors(t)["gender"].tolist()
    [None]
    >>> italian = pd.DataFrame({"name": ["Andrea"], "gender": ["male"]})
    >>> find_actors(t, names=italian)["gender"].tolist()
    ['male']
    """
    text = as_text(text)
    _lexicon_for(aliases)  # a bad alias table or name list fails even on an empty text
    _names_for(names)
    if not text.strip():
        return pd.DataFrame(columns=MENTION_COLUMNS).astype({c: "int64" for c in _INT_COLUMNS})
    return mention_frame(mention_records(text, sentence_index(text, sentences), aliases=aliases,
                                         names=names))


def mention_records(text: str, index: SentenceIndex, *, aliases=None,
                    names=None) -> dict[str, list]:
    """Return the mentions of ``text`` as column lists, keyed by :data:`MENTION_COLUMNS`.

    The records behind :func:`find_actors`, for batch code that builds one frame for many
    texts (:func:`mention_frame`). ``index`` is the text's
    :func:`~newsresearch.tokens.sentence_index`; ``aliases`` and ``names`` as for
    :func:`find_actors`.

    Examples
    --------
    >>> from newsresearch.tokens import sentence_index
    >>> t = "Mr. Blinken met Hamas. Blinken left."
    >>> rec = mention_records(t, sentence_index(t))
    >>> rec["actor"], rec["sentence_id"]
    (['Blinken', 'Hamas', 'Blinken'], [0, 0, 1])
    """
    lex = _lexicon_for(aliases)
    if not text.strip():
        return {c: [] for c in MENTION_COLUMNS}
    cands, gaz_people = _other_candidates(text, lex)
    for p, actor, gender in _cluster_people(text, _find_people(text, lex, gaz_people), lex):
        cands.append((p.ext_start, p.end, p.priority, p.start, actor, "person", gender,
                      p.title))
        if p.ext_start < p.start:
            # the name alone, for when the title belongs to an overlapping longer name
            # ("MMQB's Peter King. Suh probably …")
            cands.append((p.start, p.end, _P_PERSON, p.start, actor, "person", gender, None))
    kept = _resolve_overlaps(cands, len(text))
    persons = [(c[0], c[3], c[1], c[4]) for c in kept if c[5] == "person"]
    titled = {c[4]: c[6] for c in kept if c[5] == "person" and c[6]}
    gender = _person_genders(text, index, persons, titled, lex, names)
    return {
        "mention_id": list(range(len(kept))),
        "actor": [c[4] for c in kept],
        "actor_type": [c[5] for c in kept],
        "surface": [text[c[3]:c[1]] for c in kept],
        "start": [c[3] for c in kept],
        "end": [c[1] for c in kept],
        "sentence_id": [max(index.sentence_at(c[3]), 0) for c in kept],
        "gender": [gender[c[4]] if c[5] == "person" else None for c in kept],
        "title": [c[7] for c in kept],
    }


def _resolve_overlaps(cands: list[tuple], n: int) -> list[tuple]:
    """Keep the longest extent first, then the lower priority; return them in text order."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(n + 1)
    kept = []
    for c in cands:
        if any(taken[c[0]:c[1]]):
            continue
        taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        kept.append(c)
    kept.sort(key=lambda c: c[3])
    return kept


def mention_frame(records: dict[str, list]) -> pd.DataFrame:
    """Build the :func:`find_actors` frame from :func:`mention_records` column lists.

    Examples
    --------
    >>> from newsresearch.tokens import sentence_index
    >>> t = "Mr. Blinken met Hamas."
    >>> mention_frame(mention_records(t, sentence_index(t))).equals(find_actors(t))
    True
    """
    return build_frame({c: records[c] for c in MENTION_COLUMNS}, _MENTION_KINDS)


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Summarise a ``find_actors`` frame: one row per actor, most-mentioned first.

    Parameters
    ----------
    mentions : DataFrame
        The output of :func:`find_actors`.

    Returns
    -------
    DataFrame
        ``actor, actor_type, mentions, first_start, surfaces, gender`` — ``surfaces`` lists
        the distinct ways the actor was written, in order of first use; ``gender`` is the
        first one given among the actor's mentions.

    Examples
    --------
    >>> m = find_actors("Mr. Blinken met Mr. Netanyahu. Antony Blinken left.")
    >>> actor_table(m)[["actor", "mentions", "surfaces"]].values.tolist()
    [['Antony Blinken', 2, 'Blinken; Antony Blinken'], ['Netanyahu', 1, 'Netanyahu']]
    """
    if mentions.empty:
        return actor_table_frame([])
    records = {c: mentions[c].tolist() for c in ("actor", "actor_type", "surface", "start",
                                                  "gender")}
    return actor_table_frame(actor_rows(records))


def actor_table_frame(rows: list[tuple]) -> pd.DataFrame:
    """Build the :func:`actor_table` frame from :func:`actor_rows`."""
    if not rows:
        return pd.DataFrame(columns=ACTOR_TABLE_COLUMNS)
    return build_frame(dict(zip(ACTOR_TABLE_COLUMNS, zip(*rows, strict=True), strict=True)),
                       _ACTOR_TABLE_KINDS)


def actor_rows(records: dict[str, list]) -> list[tuple]:
    """The rows of :func:`actor_table` from mention column lists, most-mentioned first.

    ``records`` needs ``actor, actor_type, surface, start, gender`` (as
    :func:`mention_records` gives them, or a frame's columns as lists).

    Examples
    --------
    >>> actor_rows({"actor": ["A", "B", "A"], "actor_type": ["person"] * 3,
    ...             "surface": ["A", "B", "Mr A"], "start": [0, 5, 9],
    ...             "gender": [None, None, "male"]})
    [('A', 'person', 2, 0, 'A; Mr A', 'male'), ('B', 'person', 1, 5, 'B', None)]
    """
    groups: dict[tuple, list] = {}  # (actor, type) -> [count, first start, surfaces, gender]
    for actor, atype, surface, start, gender in zip(
            records["actor"], records["actor_type"], records["surface"], records["start"],
            records["gender"], strict=True):
        if actor is None or actor != actor or atype is None or atype != atype:
            continue  # (a groupby drops missing keys too)
        g = groups.get((actor, atype))
        if g is None:
            g = groups[(actor, atype)] = [0, int(start), {}, None]
        g[0] += 1
        g[1] = min(g[1], int(start))
        g[2].setdefault(surface, None)
        if g[3] is None and gender is not None and gender == gender:  # (NaN != NaN)
            g[3] = gender
    rows = [(actor, atype, n, first, "; ".join(surfaces), gender)
            for (actor, atype), (n, first, surfaces, gender) in groups.items()]
    rows.sort(key=lambda r: (-r[2], r[3]))
    return rows
