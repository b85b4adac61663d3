"""Organisations, places and groups: gazetteer hits, group phrases, capitalised institutions.

Also :func:`guess_type`, the actor type of a speaker phrase that is no known mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import word_list
from .lexicon import _english_words, _Lexicon, _lexicon_for
from .names import strip_title
from .patterns import (
    _CALENDAR,
    _ORG_HEADS,
    _ORG_TAILS,
    _P_GAZ,
    _P_GROUP,
    _P_ORG,
    _sentence_initial,
)


def _other_candidates(text: str, lex: _Lexicon) -> tuple[list[tuple], list[tuple]]:
    """Non-person candidate spans, and the gazetteer's person hits (for the people finder).

    Candidates are ``(ext_start, end, priority, start, actor, type, gender, title)``; person
    hits are ``(start, end, actor, gender)``.
    """
    cands: list[tuple] = []
    gaz_people = []
    if lex.alias_rx is not None:
        for m in lex.alias_rx.finditer(text):
            s, e = m.span("a")
            actor, atype, gender = lex.aliases[m.group("a")]
            if atype == "person":
                gaz_people.append((s, e, actor, gender))
                continue
            cands.append((s, e, _P_GAZ, s, actor, atype, None, None))
    for m in lex.group_rx.finditer(text):
        parts = [lex.group_canon.get(m.group(k), m.group(k))
                 for k in ("m1", "m2", "noun", "m3", "m4", "head") if m.group(k)]
        cands.append((m.start(), m.end(), _P_GROUP, m.start(), " ".join(parts), "group",
                      None, None))
    for rx in lex.org_rx:
        for m in rx.finditer(text):
            s, e = m.span("org")
            s = _trim_org(text, s, e, lex)
            if len(text[s:e].split()) < 2:
                continue
            cands.append((s, e, _P_ORG, s, text[s:e], "organization", None, None))
    return cands, gaz_people


def _trim_org(text: str, s: int, e: int, lex: _Lexicon) -> int:
    """Drop leading words of a capitalised organisation candidate that are not part of it.

    Dropped: function words ("The", "But"), weekdays and months ("Tuesday the Ministry …"),
    and a common English word opening the sentence ("Within the State Department").
    """
    while True:
        m = re.match(r"(\S+)[ \t]+", text[s:e])
        if not m:
            return s
        w = m.group(1)
        if (w.lower() in lex.stop or w in _CALENDAR
                or (_sentence_initial(text, s) and w.lower() in _english_words())):
            s += m.end()
            continue
        return s


@lru_cache(maxsize=1)
def _org_word_rx() -> re.Pattern:
    words = sorted(word_list("actors_org_words.txt"))
    return re.compile(rf"\b(?:{_ORG_TAILS}|{_ORG_HEADS}|{'|'.join(map(re.escape, words))})\b")


def guess_type(surface: str, *, aliases=None) -> str:
    """Return the actor type of a speaker phrase that is no mention ``find_actors`` found.

    Parameters
    ----------
    surface : str
        A phrase such as "the Foreign Ministry", "Dr. Ruth Smith", "local residents".
    aliases : str, Path or DataFrame, optional
        Your own alias table, as for :func:`find_actors`.

    Returns
    -------
    str
        One of :data:`ACTOR_TYPES`, by the first rule that applies: an alias of the
        gazetteer (without a leading "the" and a possessive) gives its type; a leading title
        or role ("Dr.", "spokesman") gives ``"person"``; an institution word ("Ministry",
        "Times", "Senate" — ``actors_org_words.txt`` and the words organisations end with)
        ``"organization"``; a group phrase ("officials", "Israeli ministers") ``"group"``; a
        capitalised phrase ``"person"``, anything else ``"group"``.

    Examples
    --------
    >>> guess_type("the Foreign Ministry"), guess_type("Dr. Ruth Smith")
    ('organization', 'person')
    >>> guess_type("Palestinian officials"), guess_type("Jane Doe"), guess_type("residents")
    ('group', 'person', 'group')
    """
    lex = _lexicon_for(aliases)
    phrase = re.sub(r"[’']s$", "", surface.strip())
    bare = re.sub(r"^(?:the|The)[ \t]+", "", phrase)
    for form in (phrase, bare):
        if form in lex.aliases:
            return lex.aliases[form][1]
    if strip_title(phrase) != phrase:
        return "person"
    if _org_word_rx().search(phrase):
        return "organization"
    m = lex.group_rx.search(phrase)
    if m is not None and m.end() == len(phrase):
        return "group"
    return "person" if phrase[:1].isupper() else "group"
