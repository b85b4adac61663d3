"""Clustering person mentions into actors: which full name a bare surname means, and gender.

A later surname mention refers to the most recent full name that ends in it (Bagga & Baldwin
1998), with the refinements documented in :mod:`newsresearch.actors` (titles' gender, a
following subject pronoun, a title already written with a name, the person a bare surname
has meant so far).
"""

from __future__ import annotations

from .lexicon import _Lexicon
from .names import _given, _surname
from .patterns import _PRONOUN, _SUBJECT
from .people import _inner_surname, _Person


def _pronoun_cue(text: str, end: int) -> str:
    """The gender of a subject pronoun one or two words after a mention ("Cruz said he",
    "Clinton added that she"), else ""."""
    m = _PRONOUN.match(text, end)
    if m is None:
        return ""
    return "male" if m.group(1) else "female"


def _subject_like(text: str, start: int) -> bool:
    """True when a mention opens its sentence (at most three words before it)."""
    return _SUBJECT.search(text, max(0, start - 60), start) is not None


def _title_key(title: str) -> str:
    """The word that says which title it is: "Secretary of State" and "Secretary" →
    "secretary", "former President" → "president"."""
    words = title.rstrip(".").lower().split()
    while len(words) > 1 and words[0] in ("former", "then", "ex", "late", "the"):
        words.pop(0)
    return words[0]


def _pick_by_gender(cands: list[str], sex: dict, title_gender: str, cue: str) -> str | None:
    """The first candidate given name whose gender fits a bare surname mention.

    A title's gender ("Mrs.") rules out candidates of the other gender (None when all are);
    a following subject pronoun ("Cruz said he") rules them out only while some remain.
    """
    for g in (title_gender, cue):
        if not g:
            continue
        fit = [c for c in cands if sex.get(c, "") in ("", g)]
        if g is title_gender and not fit:
            return None
        cands = fit or cands
    return cands[0] if cands else None


class _Clan:
    """The full names sharing one surname, read in text order, and whom each mention meant."""

    def __init__(self, text: str, lex: _Lexicon):
        self.text = text
        self.lex = lex
        self.firsts: dict[str, str] = {}  # given name -> first full-name mention as written
        self.seen: list[str] = []  # given names in order of their latest mention (any form)
        self.sex: dict[str, str] = {}  # given name -> gender from its name or titles
        self.last: dict[str, tuple[int, bool]] = {}  # given -> (latest start, opened sentence)
        self.usual: str | None = None  # whom the first resolved untitled bare surname meant
        self.titled: dict[str, set] = {}  # given name -> last words of its titles

    def full_name(self, p: _Person, name: str, g: str) -> None:
        """Record a mention written with a given name ("Hillary Clinton")."""
        self.firsts.setdefault(g, name)
        if g in self.seen:
            self.seen.remove(g)
        self.seen.append(g)
        self.sex.setdefault(g, p.gender or self.lex.first_gender.get(g, ""))
        self.last[g] = (p.start, _subject_like(self.text, p.ext_start))
        if p.title is not None:
            self.titled.setdefault(g, set()).add(_title_key(p.title))

    def bare_surname(self, p: _Person, cue: tuple[str, str]) -> str | None:
        """The given name a bare surname mention means (None: no full name fits yet).

        The most recently mentioned full name, skipping one of the other gender ("Bill
        Clinton … Hillary Clinton … Mrs. Clinton") and preferring one whose gender a
        following pronoun confirms ("Cruz said he").
        """
        seen, sex, usual = self.seen, self.sex, self.usual
        cands = list(reversed(seen))
        pick = _pick_by_gender(cands, sex, *cue)
        if pick is None and seen and not p.gender:
            pick = seen[-1]
        if p.title is not None and not p.gender and pick:
            # "President Clinton": the candidate already written with that title
            t = _title_key(p.title)
            pick = next((c for c in cands if t in self.titled.get(c, ()) and
                         _pick_by_gender([c], sex, *cue) == c), pick)
        if p.title is None and pick and usual and usual != pick and usual in cands \
                and not (p.start - self.last[pick][0] < 250 and self.last[pick][1]) \
                and _pick_by_gender([usual], sex, *cue) == usual:
            # a bare surname already used for one person keeps meaning that person
            # ("Ted Cruz … Cruz … a photo of Heidi Cruz … Cruz said"), unless the other
            # full name just opened a sentence ("Bill Clinton said he … Clinton")
            pick = usual
        if pick:
            seen.remove(pick)
            seen.append(pick)  # "Mr. Clinton said he … Clinton": still Bill
            self.last[pick] = (p.start, _subject_like(self.text, p.ext_start))
            if p.title is None and usual is None and pick in self.lex.first_gender:
                self.usual = pick  # (a known given name: not a headline word, "Exploits Trump")
            if p.title is not None:
                self.titled.setdefault(pick, set()).add(_title_key(p.title))
        return pick


def _cluster_people(text: str, people: list[_Person], lex: _Lexicon) -> list[tuple]:
    """Give every person mention its canonical actor and its titles' gender:
    ``(person, actor, gender or None)``."""
    by_surname: dict[str, list[_Person]] = {}
    for p in people:
        by_surname.setdefault(_surname(text[p.start:p.end]), []).append(p)
    given_owner = _given_owners(text, people)
    out: list[tuple[_Person, str]] = []
    apart: set[int] = set()  # bare mentions a title's gender keeps from every full name
    for sur, group in by_surname.items():
        out.extend(_surname_actors(text, sur, group, lex, given_owner, apart))
    return _actor_genders(_join_surname_actors(out, apart, lex))


def _given_owners(text: str, people: list[_Person]) -> dict[str, str]:
    """Given name -> full name, for given names that begin exactly one full name's surname
    and are no one's surname ("Sir Digby" after "Sir Digby Jones")."""
    given_full: dict[str, set] = {}
    first_full: dict[str, str] = {}
    full_surnames = set()
    for p in people:
        name = text[p.start:p.end]
        g = _given(name)
        if g is not None:
            given_full.setdefault(g, set()).add(_surname(name))
            first_full.setdefault(g, name)
            full_surnames.add(_surname(name))
    return {g: first_full[g] for g, surs in given_full.items()
            if len(surs) == 1 and g not in full_surnames}


def _surname_actors(text: str, sur: str, group: list[_Person], lex: _Lexicon,
                    given_owner: dict, apart: set) -> list[tuple[_Person, str]]:
    """The actor of each mention sharing the surname ``sur``: one per given name, named by its
    first full-name mention as written (or the gazetteer's name for it)."""
    clan = _Clan(text, lex)
    owner: list[str | None] = []
    cues: list[tuple[str, str]] = []  # (title gender, pronoun gender) of bare mentions
    for p in group:
        name = text[p.start:p.end]
        g = _given(name)
        if g is not None:
            clan.full_name(p, name, g)
            owner.append(g)
            cues.append(("", ""))
            continue
        cue = (p.gender, _pronoun_cue(text, p.end))
        cues.append(cue)
        owner.append(clan.bare_surname(p, cue))
    firsts = clan.firsts
    if not firsts and len(sur.split()) == 1 and sur in given_owner and all(
            (p.title or "sir").rstrip(".").lower() in ("sir", "dame") for p in group):
        # "Sir Digby" after "Sir Digby Jones": a lone given name of one full name
        firsts = {sur: given_owner[sur]}
    out = []
    for p, g, cue in zip(group, owner, cues, strict=True):
        if g is None and firsts:
            # before any full name: the first one of a compatible gender ("Mrs. Clinton
            # … her husband, Bill Clinton" keeps Mrs. Clinton apart)
            g = _pick_by_gender(list(firsts), clan.sex, *cue)
            if g is None and not cue[0]:
                g = next(iter(firsts))
        if g:
            full = firsts[g]
            actor = lex.person_aliases.get(full, (full,))[0]
        else:
            actor = p.known or lex.person_aliases.get(sur, (sur,))[0]
            if firsts:
                apart.add(id(p))
        out.append((p, actor))
    return out


def _join_surname_actors(out: list[tuple[_Person, str]], apart: set, lex: _Lexicon) -> list:
    """A surname-only actor ("Netanyahu") joins the one full-name actor ending in it
    ("Benjamin Netanyahu", e.g. reached through a user alias "Bibi") — unless a title already
    kept it apart from that name for its gender."""
    names = {a for _, a in out}
    ends: dict[str, list[str]] = {}
    for a in names:
        if " " in a:
            ends.setdefault(_surname(a), []).append(a)
    for a in names:  # "Salinas" -> "Guadalupe Salinas Hernández", when no name ends in it
        inner = _inner_surname(a, lex) if " " in a else ""
        if inner and inner not in ends:
            ends.setdefault(f"inner:{inner}", []).append(a)
    for key in [k for k in ends if k.startswith("inner:")]:
        ends.setdefault(key[6:], ends.pop(key))
    return [(p, ends[a][0] if " " not in a and len(ends.get(a, ())) == 1
             and id(p) not in apart else a) for p, a in out]


def _actor_genders(out: list[tuple[_Person, str]]) -> list[tuple]:
    """The gender the titles written with an actor's names give it (the majority of them), or
    None; the other signals are weighed later (:mod:`newsresearch.actors.gender`)."""
    votes: dict[str, dict[str, int]] = {}
    for p, actor in out:
        if p.gender:
            v = votes.setdefault(actor, {})
            v[p.gender] = v.get(p.gender, 0) + 1
    result = []
    for p, actor in out:
        v = votes.get(actor)
        result.append((p, actor, max(v, key=v.get) if v else None))
    return result
