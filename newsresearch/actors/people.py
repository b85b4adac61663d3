"""Finding people: a name with evidence that it names a person, then every mention of it.

Evidence, in order: a title or role before the name ("Mr. Blinken", "spokesman Matthew
Miller"), an apposition after it ("Khaled Elgindy, a senior fellow", "Asa Khalif, who …",
"Gisela Grimm, 67,"), a reporting verb before it ("said Khaled Elgindy"), a name the person
gives themselves ("his name was “Perry”", "identified herself only as Maria"), a known given
name ("Bezalel Smotrich"), or the gazetteer. Every surname so found is then searched for in the
whole text, with the capitalised words just before it ("Saleh al-Arouri"), and a known given
name written alone ("Bernie said") is added when it begins exactly one full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gender import _fold, _shipped_names
from .lexicon import _english_words, _Lexicon
from .names import _given, _name_tokens, _ok_name_token, _surname, _trim_name
from .patterns import (
    _AFTER_GIVEN,
    _AFTER_GIVEN_2,
    _CAP_BEFORE,
    _NAME_BEFORE,
    _NEXT_NAME_WORD,
    _ORG_END,
    _P_GAZ,
    _P_PERSON,
    _P_TITLED,
    _SAYS_AFTER,
    _SURNAME_CANDIDATE,
    _Lines,
    _prefix,
    _sentence_initial,
)


@dataclass
class _Person:
    start: int  # of the name
    end: int
    ext_start: int  # of the name plus title, for overlap resolution
    title: str | None
    gender: str
    priority: int
    known: str | None = None  # gazetteer actor


class _Found:
    """The person spans found so far in one text, keyed by ``(start, end)``."""

    def __init__(self, text: str, lex: _Lexicon):
        self.text = text
        self.lex = lex
        self.spans: dict[tuple[int, int], _Person] = {}
        self._lines: _Lines | None = None

    @property
    def lines(self) -> _Lines:
        if self._lines is None:  # built on first use: most texts never need it
            self._lines = _Lines(self.text)
        return self._lines

    def add(self, s, e, ext_s, title, gender, prio, known=None) -> None:
        """Keep the span unless it ends like an organisation; a lower priority wins a tie."""
        if known is None and _ORG_END.search(self.text, s, e):
            return  # "said Janco Partners", "official Disasters Emergency Committee"
        key = (s, e)
        old = self.spans.get(key)
        if old is None or prio < old.priority:
            self.spans[key] = _Person(s, e, ext_s, title, gender, prio, known or
                                      (old.known if old else None))


def _find_people(text: str, lex: _Lexicon, gaz_people: list) -> list[_Person]:
    """Every person mention of ``text``, in text order (``gaz_people``: gazetteer hits)."""
    found = _Found(text, lex)
    _titled_people(found)
    _apposition_people(found)
    _reported_people(found)
    _named_as_people(found)
    _lettered_people(found)
    # name-like words, found once: known given names start names, surnames are looked up
    words = list(_SURNAME_CANDIDATE.finditer(text))
    _given_name_people(found, words)
    _common_given_name_people(found, words)
    _said_surname_people(found, words)
    for s, e, actor, gender in gaz_people:
        found.add(s, e, s, None, gender, _P_GAZ, actor)
    by_start = _surname_mentions(found, words)
    _add_lone_given_names(text, lex, words, found.spans, by_start)
    return sorted(found.spans.values(), key=lambda p: p.start)


def _titled_people(found: _Found) -> None:
    """A title or role before a name: "Mr. Blinken", "Secretary of State Antony J. Blinken"."""
    text, lex = found.text, found.lex
    for m in lex.title_rx.finditer(text):
        _titled_person(found, m)
        # "spokesman Sir Menzies Campbell": the role's match hid the honorific's
        inner = lex.title_rx.match(text, m.start("name"))
        if inner is not None and inner.group("title").rstrip(".") in lex.honorifics:
            _titled_person(found, inner)


def _titled_person(found: _Found, m: re.Match) -> None:
    text, lex = found.text, found.lex
    span = _trim_name(text, m.start("name"), m.end("name"), lex, from_left=False,
                      after_honorific=m.group("title").rstrip(".") in lex.honorifics)
    if span is None:
        return
    if found.lines.headline_like(m.start()):
        # Title Case Headline: "Mr. Blinken Returns To …" — keep the first name word only
        span = (span[0], _name_tokens(text, *span)[0][1])
    title = m.group("title")
    toks = _name_tokens(text, *span)
    if len(toks) < 2 and (title[0].islower() or (
            title.split()[0].rstrip(".").lower() not in lex.title_words
            and text[toks[0][0]:toks[0][1]].lower() in _english_words())):
        # "spokesman Miller" is rare; "official Reports" is common, and so are a role
        # capitalised before a word ("Artist View", "Chief Whip"; not "Captain Rochester")
        return
    g = lex.title_gender.get(title.rstrip(".").lower(), "")
    found.add(span[0], span[1], m.start(), title, g, _P_TITLED)


def _apposition_people(found: _Found) -> None:
    """An apposition after a full name: ", a senior fellow", ", who", ", 67,"."""
    text, lex = found.text, found.lex
    for m in lex.appos_rx.finditer(text):
        nm = _NAME_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if nm is None:
            continue
        span = _trim_name(text, nm.start(), nm.end(), lex, from_left=True)
        if span is None:
            continue
        toks = _name_tokens(text, *span)
        if len(toks) < 2:
            continue
        if m.group("role") is None:
            # ", who" and ", 67," are weaker evidence: the given name must not be a
            # common word ("Goldman Sachs, who" is rare; "Human Rights, who" is not a name)
            first = text[toks[0][0]:toks[0][1]]
            if first not in lex.first_gender and first.lower() in _english_words():
                continue
        found.add(span[0], span[1], span[0], None,
                  lex.title_gender.get(m.group("role") or "", ""), _P_PERSON)


def _reported_people(found: _Found) -> None:
    """A full name after a reporting verb: "said Khaled Elgindy"."""
    text, lex = found.text, found.lex
    for m in lex.said_rx.finditer(text):
        span = _trim_name(text, m.start("name"), m.end("name"), lex, from_left=True)
        if span is None or len(_name_tokens(text, *span)) < 2:
            continue
        found.add(span[0], span[1], span[0], None, "", _P_PERSON)


# "his name was “Perry”", "identified herself only as Maria", "gave only his first name, Ali"
_NAMED_AS = re.compile(
    r"(?<![\w’'-])(?:(?:([Hh]is|[Hh]er)[ \t]+(?:(?:first|last|full|real)[ \t]+)?name[ \t]+"
    r"(?:is|was|as)|(?:identified|introduced|described)[ \t]+(?:(himself)|herself)[ \t]+"
    r"(?:only[ \t]+)?as|(?:gave|gives|give|giving|provided|offered)[ \t]+(?:only[ \t]+)?"
    r"(?:(his)|her)[ \t]+(?:(?:first|last|full)[ \t]+)?name(?:[ \t]+only)?(?:[ \t]+as|,)?)"
    r"[ \t]+[\"“‘']?)(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?)")
_NAMED_AS_ANCHOR = re.compile(r"name[ \t,]|self[ \t]")


def _named_as_people(found: _Found) -> None:
    """A name the person gives themselves ("his name was “Perry”", "identified herself only
    as Maria"): a person, and the pronoun says the gender."""
    text, lex = found.text, found.lex
    stats = _shipped_names()
    matches = {}
    for a in _NAMED_AS_ANCHOR.finditer(text):  # the full pattern only near its key words
        m = _NAMED_AS.search(text, max(0, a.start() - 30), a.end() + 40)
        if m is not None:
            matches[m.start()] = m
    for m in matches.values():
        span = _trim_name(text, m.start("name"), m.end("name"), lex, from_left=False)
        if span is None:
            continue
        first = text[span[0]:span[1]].split()[0]
        if first.lower() in _english_words() and stats.get(_fold(first)) not in (
                "male", "female"):
            continue  # "his name was Mud"
        male = (m.group(1) or "").lower() == "his" or m.group(2) or m.group(3)
        found.add(span[0], span[1], span[0], None, "male" if male else "female", _P_PERSON)


# "Ms A, who cannot be named", "Thurman’s Mrs. H": an honorific and one capital letter
_LETTERED = re.compile(r"(?P<title>Mrs|Mr|Ms|Miss|Mx|Dr)\.?[ \t]+(?P<name>[A-Z])"
                       r"(?=[’']s(?!\w)|[^\w.’'-]|$)")


def _lettered_people(found: _Found) -> None:
    """A person named by a letter after an honorific ("Ms A", "Mrs. H"); the title says the
    gender where it can."""
    text, lex = found.text, found.lex
    for m in _LETTERED.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._"):
            continue  # (checked here: a look-behind in the pattern is 3x slower)
        title = m.group("title")
        found.add(m.start("name"), m.end("name"), m.start(), text[m.start():m.start("name")]
                  .strip(), lex.title_gender.get(title.lower(), ""), _P_TITLED)


def _given_name_people(found: _Found, words: list) -> None:
    """A known given name followed by name words: "Bezalel Smotrich"."""
    text, lex = found.text, found.lex
    for m in words:
        if m.group() not in lex.first_gender or text[m.start() - 1:m.start()] == ".":
            continue
        rest = _AFTER_GIVEN.match(text, m.end())
        if rest is None:
            continue
        span = _trim_name(text, m.start(), rest.end(), lex, from_left=False)
        if span is None or len(_name_tokens(text, *span)) < 2:
            continue
        found.add(span[0], span[1], span[0], None, "", _P_PERSON)


def _full_name_ok(found: _Found, span) -> bool:
    """A span of two or more name words that names no organisation or place."""
    if span is None or len(_name_tokens(found.text, *span)) < 2:
        return False
    name = found.text[span[0]:span[1]]
    alias = found.lex.aliases.get(name)
    return (alias is None or alias[1] == "person") and not _ORG_END.search(name)


def _common_given_name_people(found: _Found, words: list) -> None:
    """A given name of the name statistics (``actors_given_names.csv``: a clear gender, not a
    common English word, not after another capitalised word) + name words, when the surname
    also stands on its own elsewhere ("Maurice Greene aims … Greene believes"; not "Hong Kong
    … Hong Kong"); any listed given name, also of no clear gender, + two family names when
    the first stands on its own ("Guadalupe Salinas Hernández … Salinas")."""
    text, lex = found.text, found.lex
    stats = _shipped_names()
    taken = {_surname(text[p.start:p.end]) for p in found.spans.values()}
    counts: dict[str, int] = {}
    for m in words:
        counts[m.group()] = counts.get(m.group(), 0) + 1
    english = _english_words()
    for m in words:
        w = m.group()
        if stats.get(_fold(w)) is None or w in lex.first_gender or w in taken \
                or w.lower() in english or not _ok_name_token(w, lex) \
                or _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or text[m.start() - 1:m.start()] == ".":
            continue
        rest = _AFTER_GIVEN_2.match(text, m.end())
        if rest is None:
            continue
        span = _trim_name(text, m.start(), rest.end(), lex, from_left=False)
        if not _full_name_ok(found, span) or found.lines.headline_like(m.start()):
            continue
        name = text[span[0]:span[1]]
        alone = counts.get(_surname(name), 0) > text.count(name) and stats[_fold(w)] != ""
        inner = _inner_surname(name, lex)  # "Guadalupe Salinas Hernández … Salinas"
        if alone or (inner and _stands_alone(text, inner, words)):
            found.add(span[0], span[1], span[0], None, "", _P_PERSON)


# what follows a name used as one: a possessive, a clause end, an auxiliary or reporting verb
_AS_A_NAME = re.compile(r"[’']s?(?!\w)|[ \t]*[,.;:!?)]|[ \t]+(?:said|says|told|added|had|has|"
                        r"was|is|would|will|could|did|who)\b")


def _stands_alone(text: str, word: str, words: list) -> bool:
    """True when ``word`` is written somewhere as a name on its own: no name word before it,
    a possessive, punctuation or a verb after it ("Salinas’ home", "Salinas had"; not "Vigo
    County Voter", "Catholic priests")."""
    return any(m.group() == word and _prefix(text, m.start()) is None
               and _AS_A_NAME.match(text, m.end()) for m in words)


_HE_SHE = re.compile(r"(?<![\w’'-])(?:he|she|He|She)(?![\w-])")


def _said_surname_people(found: _Found, words: list) -> None:
    """A word before a reporting verb and a he or she ("Shadman says as he") is a surname when
    the text also writes it after name words: those full names are people ("Hikmatullah
    Shadman")."""
    text, lex = found.text, found.lex
    # the speaker is a he or she: a subject pronoun follows soon ("Shadman says as he …";
    # not "Deutsche Boerse said it …")
    said = set()
    for m in words:
        v = _SAYS_AFTER.match(text, m.end())
        if v is not None and _HE_SHE.search(text, v.end(), v.end() + 150):
            said.add(m.group())
    said = {w for w in said if _ok_name_token(w, lex) and w not in lex.aliases}
    if not said:
        return
    for m in words:
        if m.group() not in said:
            continue
        pre = _prefix(text, m.start())
        if pre is None or found.lines.headline_like(m.start()):
            continue
        span = _trim_name(text, pre.start(), m.end(), lex, from_left=True)
        if _full_name_ok(found, span):
            found.add(span[0], span[1], span[0], None, "", _P_PERSON)


def _surname_mentions(found: _Found, words: list) -> dict[int, list]:
    """Search every surname found anywhere in the whole text, with the name words before it.

    Returns the found spans by start offset (for the lone given names that follow).
    """
    text, lex, spans = found.text, found.lex, found.spans
    surnames = {_surname(text[p.start:p.end]) for p in spans.values()}
    inner = {_inner_surname(text[p.start:p.end], lex) for p in spans.values()} - surnames
    surnames = {s for s in surnames | inner if s not in lex.aliases or
                lex.aliases[s][1] == "person"}
    by_start: dict[int, list] = {}
    for k in spans:
        by_start.setdefault(k[0], []).append(k)
    # one precompiled pass over name-like words (no regex compiled per text)
    hits = [m for m in words if m.group() in surnames] if surnames else []
    for m in hits:
        if m.group() in inner:
            # "Salinas" of "Guadalupe Salinas Hernández": written alone, outside the name
            if _prefix(text, m.start()) is None and not any(
                    k[0] < m.start() < k[1] for k in spans):
                spans[(m.start(), m.end())] = _Person(m.start(), m.end(), m.start(), None, "",
                                                      _P_PERSON)
                by_start.setdefault(m.start(), []).append((m.start(), m.end()))
            continue
        pre = _prefix(text, m.start())
        if pre is not None and found.lines.headline_like(m.start()):
            pre = None  # "Mogul Exploits Trump For Ratings": headline words are no names
        s0 = pre.start() if pre else m.start()
        span = _trim_name(text, s0, m.end(), lex, from_left=True)
        if span is None or (span[0], span[1]) in spans:
            continue
        # a shorter name already found inside (e.g. "Blinken" of "Antony J. Blinken")
        inner = [k for ts, _ in _name_tokens(text, *span) for k in by_start.get(ts, ())
                 if k in spans and k[1] <= span[1]]
        if inner:
            old = spans[inner[0]]
            if old.title is None:
                for k in inner:
                    spans.pop(k)
                spans[span] = _Person(span[0], span[1], span[0], None, old.gender,
                                      old.priority, old.known)
                by_start.setdefault(span[0], []).append(span)
            continue
        spans[span] = _Person(span[0], span[1], span[0], None, "", _P_PERSON)
        by_start.setdefault(span[0], []).append(span)
    return by_start


def _inner_surname(name: str, lex: _Lexicon) -> str:
    """The first of two family names ("Salinas" of "Guadalupe Salinas Hernández", as Spanish
    and Portuguese names are written and then shortened): the word before the surname of a
    name of three or more words, when no list knows it as a given name and it is no common
    English word ("" otherwise)."""
    words = name.split()
    if len(words) < 3 or " " in _surname(name):
        return ""
    w = words[-2]
    if not w[:1].isupper() or w.endswith(".") or len(w) < 3 or w in lex.first_gender \
            or _fold(w) in _shipped_names() or not _ok_name_token(w, lex) \
            or w.lower() in _english_words():
        return ""  # ("Roman Catholic Christianity … Catholic churches")
    return w


def _add_lone_given_names(text, lex, words, found, by_start) -> None:
    """Add a known given name written alone ("Hillary said") when it begins exactly one full
    name of the text and is no one's surname; the clustering gives it that full name."""
    owners: dict[str, set] = {}
    surnames = set()
    for p in found.values():
        name = text[p.start:p.end]
        surnames.add(_surname(name))
        g = _given(name)
        if g is not None and g in lex.first_gender:
            owners.setdefault(g, set()).add(_surname(name))
    lone = {g for g, surs in owners.items() if len(surs) == 1 and g not in surnames}
    if not lone:
        return
    for m in words:
        w, s, e = m.group(), m.start(), m.end()
        if w not in lone or any(k[1] >= e for k in by_start.get(s, ())):
            continue  # (the start of a name already found: "Hillary Clinton")
        if _NEXT_NAME_WORD.match(text, e) or text[s - 1:s] == "." \
                or not _ok_name_token(w, lex):
            continue  # "Hillary Duff" is someone else
        before = _CAP_BEFORE.search(text, max(0, s - 40), s)
        if before and not (_sentence_initial(text, before.start()) and (
                before.group(1).lower() in lex.stop or before.group(1).lower() in _english_words())):
            continue  # "Mullah Omar", "Crooked Hillary" (but "If Hillary wants", "Later Bernie")
        if _sentence_initial(text, s) and w.lower() in _english_words():
            continue  # "Will", "Mark" opening a sentence
        found[(s, e)] = _Person(s, e, s, None, "", _P_PERSON)
