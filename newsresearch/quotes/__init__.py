"""Quotations and who said them: ``extract_quotes`` and ``quote_warnings``.

The method is rule-based and needs no parser model, in the tradition of the quotation
extractors of Pouliquen, Steinberger & Best (2007) and Pareti (2016), and of textacy's
``direct_quotations`` (pairs quote marks with reporting verbs by distance):

1. **Marks** (:mod:`.marks`). Quote marks are paired by type — “ ” ‘ ’ « » „ ‹ › and straight
   ``"`` ``'`` and the old typewriter ````` ``…'' `````. Pairing restarts in every paragraph,
   so an odd mark damages at most one paragraph and is reported by :func:`quote_warnings`. A
   quote left open at the end of a paragraph whose next paragraph opens again is news style
   for a quote that runs over several paragraphs (one row per paragraph, same speaker).
2. **Cues** (:mod:`.cues`). A shipped list of inflected speech verbs
   (``resources/speech_verbs.txt``: said, told, tweeted, insisted…), noun cues ("according
   to", "in a statement") and a colon that ends the sentence before a quote.
3. **Speakers** (:mod:`.phrases`, :mod:`.speakers`). The noun phrase next to the cue, before or
   after the quote or between two segments ("“A,” he said. “B.”"), with descriptors on either
   side ("State Department spokesman Matthew Miller told reporters", "said Khaled Elgindy, a
   senior fellow at …"). Names become canonical actors through the actor mentions of
   :func:`newsresearch.actors.find_actors` (a :class:`~newsresearch.mentions.MentionIndex`);
   pronouns are resolved, in one pass in text order, to the most recent compatible candidate
   that is the subject of a preceding sentence (centering: Grosz, Joshi & Weinstein 1995).
   A quote of whole sentences with no cue inherits the speaker of the quote (or the reported
   speech) just before it (:mod:`.attribution`). When unsure the speaker is left empty
   rather than guessed.
4. **Kinds and sources** (:mod:`.sources`, :mod:`.indirect`). ``direct`` (a whole statement),
   ``partial`` (a fragment inside reported speech), ``label`` (a sign, chant or title),
   ``indirect`` (reported speech without marks: "…, officials said"); sources are
   ``named_person``, ``named_organization``, ``anonymous`` (no name: "a senior official",
   "officials said, on condition of anonymity"), ``document`` ("in a statement", "a report
   said") or ``unknown`` (no speaker found).

Offsets index exactly the text passed (``article.text`` for an Article).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..articles import as_text
from ..resources import word_list
from .sources import SOURCE_TYPES

__all__ = ["extract_quotes", "quote_warnings", "quote_records", "QUOTE_COLUMNS",
           "WARNING_COLUMNS", "KINDS", "SOURCE_TYPES", "speech_verbs", "loaded_verbs"]

QUOTE_COLUMNS = [
    "quote_id", "start", "end", "quote", "speaker", "speaker_surface", "speaker_start",
    "speaker_end", "speaker_role", "speaker_new_actor", "speaker_gender", "cue", "cue_start",
    "cue_end", "kind", "source_type", "sentence_id", "paragraph_id",
]
WARNING_COLUMNS = ["start", "end", "mark", "problem", "paragraph_id"]
KINDS = ("direct", "partial", "indirect", "label")
_DTYPES = {"quote_id": "int64", "start": "int64", "end": "int64", "speaker_start": "Int64",
           "speaker_end": "Int64", "speaker_new_actor": "bool", "cue_start": "Int64",
           "cue_end": "Int64", "sentence_id": "int64", "paragraph_id": "int64"}


def speech_verbs() -> frozenset[str]:
    """Return the shipped speech-verb forms (``resources/speech_verbs.txt``).

    Examples
    --------
    >>> {"said", "told", "tweeted"} <= speech_verbs()
    True
    """
    return word_list("speech_verbs.txt")


def loaded_verbs() -> frozenset[str]:
    """Return the cue verbs that are not neutral ("claimed", "admitted", "insisted").

    Examples
    --------
    >>> "claimed" in loaded_verbs(), "said" in loaded_verbs()
    (True, False)
    """
    return word_list("quote_loaded_verbs.txt")


def extract_quotes(text, *, sentences=None, actors=None, indirect: bool = True,
                   labels: bool = True, warnings: list | None = None) -> pd.DataFrame:
    """Find quotations and attribute each to a speaker, with its cue, kind and source type.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The :func:`~newsresearch.tokens.sentence_index` of the same text (or a
        :func:`~newsresearch.tokens.split_sentences` frame); split here when not given.
    actors : DataFrame, optional
        A :func:`~newsresearch.actors.find_actors` frame; computed when not given (if the
        actors module is available; otherwise speaker names are their own surface).
    indirect : bool, default True
        Also report reported speech without quote marks ("…, American officials said").
    labels : bool, default True
        Also return the ``label`` rows: words in quote marks that are no speech — a scare
        quote or term with no speech cue and no speaker (at most four words, or a title in
        Title Case), the text of a sign or chant, a title, navigation furniture ("READ
        MORE: ‘…’", "WATCH: “…”"). They are kept by default because scare quotes are worth
        studying too; they are never quotes: every count of quotes (the article summary,
        the notebooks, the report) leaves them out. ``labels=False`` drops them here.
    warnings : list, optional
        If given, the rows of :func:`quote_warnings` are appended to it.

    Returns
    -------
    DataFrame
        One row per quoted segment (a quote split by "he said" or running over paragraphs
        gives one row per piece, all with the same speaker): ``quote_id, start, end``
        (the content between the marks), ``quote, speaker`` (canonical actor name, a group
        such as "American officials", or None when unsure), ``speaker_surface,
        speaker_start, speaker_end`` (the words naming the speaker; for a pronoun the
        pronoun itself, with its antecedent in ``speaker``), ``speaker_role`` (the
        descriptor the phrase gives the named speaker: "Cambridge cartoonist" for "Cambridge
        cartoonist Andre Campbell", "a senior fellow at …" for an apposition, "the rookie
        defenceman" for a description resolved to the person named before it; None when
        there is none), ``speaker_new_actor`` (True when the speaker is a person name that
        :func:`~newsresearch.actors.find_actors` did not find — found from the speech cue;
        the corpus pipeline adds such speakers to the actors table as ``actor_type``
        person), ``speaker_gender`` (``female``, ``male`` or ``unknown``: the gender
        :func:`~newsresearch.actors.find_actors` gives the speaker's actor, else a title or
        role noun of the speaker phrase or the pronoun naming them; ``unknown`` also for
        organisations, documents and quotes without a speaker), ``cue, cue_start, cue_end``,
        ``kind`` (direct, partial, indirect, label), ``source_type`` (named_person,
        named_organization, anonymous, document, unknown), ``sentence_id``,
        ``paragraph_id``.

    Examples
    --------
    >>> t = "“We will win,” said Sen. Jane Doe. “It is over.”"
    >>> extract_quotes(t)[["quote", "speaker", "cue", "kind"]].values.tolist()
    [['We will win,', 'Jane Doe', 'said', 'direct'], ['It is over.', 'Jane Doe', 'said', 'direct']]
    """
    from ..mentions import MentionIndex
    from ..tokens import sentence_index

    text = as_text(text)
    if not text.strip():
        return _frame(None)
    index = sentence_index(text, sentences)
    if actors is None:
        actors = _default_actors(text, index)
    cols = quote_records(text, index, MentionIndex.from_frame(actors), indirect=indirect,
                         labels=labels, warnings=warnings)
    return _frame(cols)


def quote_records(text: str, sentences, mentions, *, indirect: bool = True,
                  labels: bool = True, warnings: list | None = None) -> dict[str, list]:
    """Return the quotes of one text as column lists (``QUOTE_COLUMNS``), for batch tables.

    ``sentences`` is the text's :class:`~newsresearch.tokens.SentenceIndex`, ``mentions`` a
    :class:`~newsresearch.mentions.MentionIndex` of its actors. This is the record path
    behind :func:`extract_quotes` (which builds the DataFrame from these lists).

    Examples
    --------
    >>> from newsresearch.mentions import MentionIndex
    >>> from newsresearch.tokens import sentence_index
    >>> t = "“No,” said Ann Lee."
    >>> cols = quote_records(t, sentence_index(t), MentionIndex([(11, 18, "Ann Lee", "person")]))
    >>> cols["quote"], cols["speaker"]
    (['No,'], ['Ann Lee'])
    """
    from .extract import scan_text

    return scan_text(text, sentences, mentions, indirect=indirect, labels=labels,
                     warnings=warnings)


def _frame(cols: dict | None) -> pd.DataFrame:
    """The quotes DataFrame of column lists (``QUOTE_COLUMNS`` without ``quote_id``).

    Text columns stay ``object`` with None for missing, as documented.
    """
    if not cols or not cols["start"]:
        return _empty_frame().copy()
    from ..frames import build_frame

    data = {"quote_id": range(len(cols["start"])), **cols}
    return build_frame({c: data[c] for c in QUOTE_COLUMNS},
                       {c: _DTYPES.get(c, "object") for c in QUOTE_COLUMNS})


@cache
def _empty_frame() -> pd.DataFrame:
    """The frame of a text without quotes (built once: ``astype`` costs milliseconds)."""
    return pd.DataFrame(columns=QUOTE_COLUMNS).astype(_DTYPES)


def _default_actors(text, sentences):
    try:
        from ..actors import find_actors
    except ImportError:  # pragma: no cover
        return None
    try:
        return find_actors(text, sentences=sentences)
    except Exception:  # pragma: no cover - quotes must not fail because actors did
        return None


def quote_warnings(text) -> pd.DataFrame:
    """List quote marks that could not be paired, with offsets (they never stop extraction).

    Returns
    -------
    DataFrame
        ``start, end, mark, problem, paragraph_id``: an opening mark never closed (the
        quote is taken to run to the end of its paragraph), a closing mark with no opening
        mark, a single opening mark never closed.

    Examples
    --------
    >>> quote_warnings("He said “no. Then he left.\\n\\nThe end.")[["mark", "problem"]].values.tolist()
    [['“', 'unclosed quote: runs to the end of its paragraph']]
    """
    from ..tokens import _paragraph_spans
    from .marks import find_segments

    text = as_text(text)
    _, warns = find_segments(text, _paragraph_spans(text))
    warns.sort(key=lambda w: w[0])
    return pd.DataFrame(warns, columns=WARNING_COLUMNS).astype(
        {"start": "int64", "end": "int64", "paragraph_id": "int64"})
