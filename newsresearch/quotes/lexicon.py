"""The word lists of quote attribution, read once from ``newsresearch/resources/``.

Every list is a data file, so an editorial choice shows up in a diff:

* ``speech_verbs.txt`` — inflected speech and reporting verbs (the cues);
* ``quote_loaded_verbs.txt`` — cue verbs that are not neutral ("claimed", "admitted");
* ``quote_source_nouns.txt`` — nouns that head an unnamed speaker ("officials");
* ``quote_document_nouns.txt`` — nouns that make the source a document ("statement");
* ``quote_role_nouns.txt`` — nouns that identify one person ("the mayor");
* ``quote_skip_words.txt`` — adverbs and auxiliaries between a speaker and its verb;
* ``quote_function_words.txt`` — words that never belong to a speaker phrase;
* ``quote_not_names.txt`` + the months and weekdays of ``figure_months.tsv`` (except "May",
  also a name) — capitalised words that start no speaker phrase;
* ``quote_indirect_verbs.tsv`` — the verbs of reported speech without quote marks;
* ``quote_navigation.txt`` — page headings before a linked headline ("READ MORE:", "WATCH:").

Titles, their gender and the type of an unknown name are the actors' rules
(:func:`~newsresearch.actors.strip_title`, :func:`~newsresearch.actors.title_gender`,
:func:`~newsresearch.actors.guess_type`); ``TITLE`` here only lists the abbreviations whose
period does not end a speaker phrase ("Sen. Jane Doe").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import table, word_list

__all__ = ["Lexicon", "lexicon", "TITLE"]

# abbreviated titles before a name, whose period ends no phrase ("Sen. Jane Doe", "Gov Smith")
TITLE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Del|Prof|Rev|Gov|Amb|"
         r"Pres|Supt|Cmdr|Maj|St)")
TITLE_RX = re.compile(TITLE)


@dataclass(frozen=True)
class Lexicon:
    """The word lists, as frozensets (see the module docstring for the files)."""

    verbs: frozenset
    loaded: frozenset
    source_nouns: frozenset
    doc_nouns: frozenset
    role_nouns: frozenset
    skip: frozenset
    function: frozenset
    not_names: frozenset
    indirect_after: tuple
    indirect_before: frozenset
    navigation: frozenset


@cache
def lexicon() -> Lexicon:
    """Return the shipped word lists (read once)."""
    calendar = {r["name"].title() for r in table("figure_months.tsv") if r["name"] != "may"}
    indirect = table("quote_indirect_verbs.tsv")
    return Lexicon(
        verbs=word_list("speech_verbs.txt"),
        loaded=word_list("quote_loaded_verbs.txt"),
        source_nouns=word_list("quote_source_nouns.txt"),
        doc_nouns=word_list("quote_document_nouns.txt"),
        role_nouns=word_list("quote_role_nouns.txt"),
        skip=word_list("quote_skip_words.txt"),
        function=word_list("quote_function_words.txt"),
        not_names=word_list("quote_not_names.txt") | frozenset(calendar),
        indirect_after=tuple(r["form"] for r in indirect if r["after"] == "1"),
        indirect_before=frozenset(r["form"] for r in indirect if r["before"] == "1"),
        navigation=word_list("quote_navigation.txt"),
    )
