"""Find the actors of a news article — people, organizations, places and groups — and merge aliases.

``find_actors`` returns one row per *mention*, in text order, each with the canonical actor it
refers to, so "Secretary of State Antony J. Blinken", "Mr. Blinken", "Mr Blinken" and
"Blinken’s" become four mentions of one actor, ``Antony J. Blinken``.

The method is rule-based and deliberately reviewable, in the tradition of gazetteer-plus-
pattern named-entity recognisers (Mikheev, Moens & Grover 1999, "Named entity recognition
without gazetteers"; Cunningham et al. 2002, GATE/ANNIE) and of the within-document
coreference rule "a later surname mention refers to the most recent full name that ends in it"
(Bagga & Baldwin 1998). Every editorial choice is a data file in ``newsresearch/resources/``:

* ``actors_gazetteer.csv`` — alias → canonical actor and type (countries, capitals, regions,
  institutions, armed groups, parties, agencies, news organizations, a few well-known people);
* ``actors_demonyms.csv`` — "Israeli"/"Israelis" → Israel;
* ``actors_group_words.csv`` — the heads and modifiers of group mentions ("officials",
  "demonstrators", "Democratic lawmakers");
* ``actors_titles.csv`` — titles and roles that introduce or describe a name;
* ``actors_first_names.csv`` — given names that are evidence of a person (and, where the
  name statistics lack them, of a gender);
* ``actors_given_names.csv`` — 81,734 given names from public name statistics, with their
  gender where it is clear (p ≥ 0.9) and ``unknown`` where it is not (built by
  ``benchmarks/build_given_names.py``; source and licence in its header);
* ``actors_gender_words.csv`` — role and kinship nouns ("wife", "actress") and pronouns;
* ``actors_org_words.txt`` — institution words for :func:`guess_type`;
* ``actors_not_names.txt`` — capitalised words that are never part of a name;
* ``actors_title_surnames.txt`` — title words that are also family names ("King").

How people are found
    A person is found only by evidence: a title or role before the name ("Mr.", "Mr" without
    period, "President", "Prime Minister", "Secretary of State", "spokesman Matthew Miller"),
    an apposition after it ("Khaled Elgindy, a senior fellow", "Tad Devine, his top aide",
    "Asa Khalif, who …", "Gisela Grimm, 67,"), a reporting verb before it ("said Khaled
    Elgindy"), a name the person gives themselves ("his name was “Perry”", "identified
    herself only as Maria": the pronoun gives the gender too), a known given name ("Bezalel
    Smotrich"), or the gazetteer. Two weaker signals
    count when the text confirms them: a given name of the name statistics (clear gender, no
    common English word, not after another capitalised word) when the surname also stands on
    its own elsewhere ("Maurice Greene aims … Greene believes"), and a word before a reporting
    verb followed by "he" or "she" ("Shadman says as he …") when the text also writes it after
    name words ("Hikmatullah Shadman"). An honorific before a single letter is a person too
    ("Ms A, who cannot be named"). Of a name with two family names ("Guadalupe Salinas
    Hernández"), the first written alone as a name ("Salinas’ home", "Salinas had") is a
    mention of it and confirms it as a person even when the given name is ambiguous. Every
    surname so found is then searched for in the whole text, so "Netanyahu is experiencing"
    and "Miller’s name" are mentions too, and the capitalised words just before a surname
    ("Saleh al-Arouri") extend it to a full name. A bare capitalised word is never a person:
    sentence-initial words, weekdays, months, "Leave A Reply", "Middle East", bare titles
    and the words of a Title Case headline are not.

Choices where the task left room (reviewable, documented here once)
    * ``surface`` is the **name only**, without title or possessive: "Mr. Blinken" gives the
      surface "Blinken", "Miller’s" gives "Miller". The title, when there is one, is in the
      ``title`` column (an extra column after the contract's eight).
    * ``actor`` for a person is the **first full-name mention as written** (with middle
      initial: "Antony J. Blinken"), unless the gazetteer knows the person ("President Biden"
      → "Joe Biden"); with no full name in the text it is the surname ("Ben-Gvir" if only
      "Mr. Ben-Gvir" appears). Two full names sharing a surname stay two actors; a bare
      surname goes to the most recently mentioned of them (any mention counts: "Mr. Clinton
      said he … Clinton" stays Bill), skipping one of the other gender when a title says it
      ("Mrs. Clinton" skips a more recent "Bill Clinton"; with no fitting full name she
      stays a separate "Clinton") and preferring one that a following subject pronoun fits
      ("Cruz said he"). A non-gendered title goes to the person already written with it
      ("President Clinton"). Once an untitled bare surname has meant one person it keeps
      meaning that person when a relative is named in passing ("Ted Cruz … Cruz … a photo
      of Heidi Cruz … Cruz said"), unless the other full name has just opened a sentence
      ("Bill Clinton said he … Clinton").
    * A known given name written alone ("Bernie said") is a mention of the one full name it
      begins, when exactly one does and it is no one's surname; not after a capitalised
      word ("Mullah Omar") or before a name-like word ("David and Charles Koch").
    * Title words that are common family names (``actors_title_surnames.txt``: "King",
      "Prince" …) end a name after a given name ("Charlie King") or stand alone after an
      honorific ("Mr. King"), never start one ("King Abdullah"). A Korean given name with
      a lower-case hyphenated part ends a name and makes the first word the family name
      ("Ban Ki-moon" … "Mr. Ban").
    * Demonyms: a plural demonym ("Palestinians", "Israelis") is a *group*; adjective + group
      word ("Israeli ministers", "American officials") is a *group* named so, with "U.S."/"US"
      written "American" (so "U.S. officials" and "American officials" are one group);
      adjective + institution ("Israeli army", "Israeli military") is that *organization*
      (Israel Defense Forces) via the gazetteer; any other bare adjective ("Israeli orders",
      "Palestinian state") is **not** a mention of the country — it describes, not names.
    * Capitalised sequences ending in an institution word ("Middle East Institute",
      "Ministry of Foreign Affairs") are organizations even when the gazetteer lacks them.
    * When two candidate spans overlap the longer wins ("Biden administration" is an
      organization, not a mention of Biden); on a tie a titled person beats the gazetteer,
      which beats a group, which beats any other pattern.

Gender
    ``gender`` comes only from what the text says about the person — titles, the gazetteer,
    role and kinship nouns, the pronouns used after naming them, the given name — in
    that order of trust (:mod:`newsresearch.actors.gender`); with none of these it is None.
    Your own given names: ``names=`` (:func:`read_names`).

Known limits
    Pronouns ("he", "his") are not mentions here (quote attribution resolves them with the
    ``gender`` column); gender from a given name is a statistic about people so named, not
    the person's own account of their gender. Names that put the family name first ("Lou Jiwei" … "Mr. Lou") split
    in two unless the gazetteer lists them or the given name is hyphenated ("Ban Ki-moon"); a
    common-word given name opening a sentence ("Hunter Biden said") loses that word unless
    the full name recurs in the text; a gazetteer organization that is also a surname
    ("Bloomberg") stays an organization when written alone.

:func:`actor_table` summarises the mentions, one row per actor. For a speaker phrase that is
no mention (quote attribution), :func:`strip_title`, :func:`title_gender` and
:func:`guess_type` apply the same titles and word lists.

The package, by job
    ``patterns`` (name shapes and cheap text checks), ``aliases`` (alias tables, the user's
    :func:`read_aliases`), ``lexicon`` (every word list and pattern compiled once), ``names``
    (name words, surnames, given names, titles), ``people`` (finding people), ``clustering``
    (which full name a surname means), ``gender`` (the gender column, :func:`read_names`), ``orgs`` (organisations, places, groups) and
    ``extract`` (:func:`find_actors`, its column-list records, :func:`actor_table`).
"""

from __future__ import annotations

from .aliases import ACTOR_TYPES, ALIAS_COLUMNS, read_aliases
from .extract import (
    ACTOR_TABLE_COLUMNS,
    MENTION_COLUMNS,
    actor_rows,
    actor_table,
    find_actors,
    mention_frame,
    mention_records,
)
from .gender import read_names
from .names import strip_title, title_gender
from .orgs import guess_type

__all__ = ["find_actors", "actor_table", "read_aliases", "read_names", "strip_title", "title_gender",
           "guess_type", "mention_records", "mention_frame", "actor_rows", "MENTION_COLUMNS",
           "ACTOR_TABLE_COLUMNS", "ACTOR_TYPES", "ALIAS_COLUMNS"]
