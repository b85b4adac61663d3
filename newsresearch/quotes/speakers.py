"""Who a speaker phrase names: actors for names, antecedents for pronouns.

A name becomes a canonical actor through the :class:`~newsresearch.mentions.MentionIndex`
(the rightmost mention before an apposition comma: "State Department spokesman Matthew Miller"
→ Matthew Miller, "Flynn, a top Trump surrogate" → Flynn). Pronouns are resolved to the most
recent compatible candidate that is the subject of a preceding sentence (centering: Grosz,
Joshi & Weinstein 1995) — "he"/"she" a person of that gender (from the actor, a title, or a
pronoun already resolved), "they" a group or organization, "it" an organization.

The state this needs is explicit and ordered. :func:`resolve_phrases` first describes every
phrase that is no pronoun (pure functions of the text and the mentions); these are the
"explicit speakers" a later pronoun may refer to, and the names they confirm. Then one
:class:`Coreference` pass resolves the pronouns in text order: a pronoun sees only the
sentences, explicit speakers and gender evidence that come before it, so its antecedent does
not depend on which rule asked first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ..actors import guess_type, strip_title, title_gender
from .lexicon import TITLE, lexicon
from .scan import Phrase, Scan

__all__ = ["Speaker", "describe", "resolve_phrases", "is_description", "NEW_NAME"]

PRONOUNS = ("he", "she", "they", "it")
_PRONOUN = re.compile(r"\b(he|she|they|He|She|They|HE|SHE|THEY)\b")
_GENDER = {"he": "male", "she": "female"}
_FALLBACK_NAME = re.compile(
    rf"(?:{TITLE}\.?\s+)?[A-Z][a-z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+))*")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}")
_LETTERS = re.compile(r"[A-Za-z]+")


class Speaker(NamedTuple):
    """What a speaker phrase names (``name`` None: unresolved or unsure)."""

    name: str | None
    surface: str
    start: int
    end: int
    type: str | None
    gender: str | None
    mention: bool = False  # the name is an actor mention
    pronoun: bool = False  # a pronoun resolved to ``name``
    role: str | None = None  # the descriptor of the speaker phrase ("Cambridge cartoonist")


class _Cand(NamedTuple):
    """An antecedent candidate: a name with its type and gender."""

    name: str | None
    type: str | None
    gender: str | None
    plural: bool = False
    sure: bool = True  # an actor mention or a speaker, not a capitalised word the rules guess


# --------------------------------------------------------------------------- names


def mention_at(scan: Scan, s: int, e: int):
    """The actor mention heading the phrase ``text[s:e]``: the rightmost one before an
    apposition comma."""
    cut = scan.text.find(",", s, e)
    return scan.mentions.rightmost(s, cut if cut > s else e)


def gender_of(scan: Scan, s: int, e: int, mention) -> str | None:
    """The gender of the speaker ``text[s:e]``: its actor's, else a title, role noun or
    pronoun in or just before the phrase (:func:`~newsresearch.actors.title_gender`; a
    male word first)."""
    if mention is not None and mention.gender in ("male", "female"):
        return mention.gender
    found = {title_gender(w) for w in _LETTERS.findall(scan.text[max(0, s - 12):e])}
    return "male" if "male" in found else "female" if "female" in found else None


def describe(scan: Scan, phrase: Phrase) -> Speaker:
    """Describe a speaker phrase that is no pronoun.

    The name heads the phrase: "Cambridge cartoonist Andre Campbell" is Andre Campbell, with
    "Cambridge cartoonist" as its ``role``; so is an apposition ("Khaled Elgindy, a senior
    fellow at …").
    """
    text, lex = scan.text, scan.lex
    s, e = phrase.start, phrase.end
    surface = text[s:e]
    words = surface.split()
    head = words[-1].lower() if words else ""
    m = mention_at(scan, s, e)
    om = _SOURCE_OF.match(surface)
    if om is not None and om.group(1).lower() in lex.source_nouns | lex.role_nouns:
        # "A spokeswoman for the Information Commissioner's Office": one person, whom the
        # organisation named after "for" does not head
        m, head = None, om.group(1).lower()
    if m is not None:
        cut = text.find(",", s, e)
        tail = text[m.end:cut if cut > s else e]
        if _LOWER_WORD.search(tail) and not tail.lstrip().startswith(("of ", "(")):
            m = None  # the name only modifies the head: "a Trump supporter", "Obama aides"
    role = None
    if m is not None:
        name, typ = m.actor, m.actor_type or "person"
        if m.end - m.start < e - s and m.start >= s and m.end <= e:
            role = _role(text, s, e, m.start, m.end, lex)
            if "," in surface or "(" in surface:
                s, e = m.start, m.end
                surface = text[s:e]
    else:
        hm = _HEADED.fullmatch(surface)
        if hm and hm.group(2).lower() not in lex.function and not phrase.group and \
                om is None:
            # "Cambridge cartoonist Andre Campbell": the name after the descriptor
            ns = s + hm.start(3)
            role = _role(text, s, e, ns, e, lex)
            s, surface, words = ns, hm.group(3), hm.group(3).split()
        name = strip_title(surface)
        if head in lex.role_nouns:  # "the mayor said": one identifiable person
            typ = "person"
        elif head in lex.source_nouns:  # "officials" a group, "a spokeswoman" one person
            typ = "group" if head.endswith("s") else "person"
        elif len(words) > 1 and words[-1].isalpha() and words[-1].islower() and \
                head.endswith("s") and not head.endswith(("ss", "us", "is")):
            typ = "group"  # a plural description: "the two companies", "the suppliers"
        else:
            typ = guess_type(surface)
    if phrase.group:
        typ = "group"
    return Speaker(name, surface, s, e, typ, gender_of(scan, s, e, m), mention=m is not None,
                   role=role)


_SOURCE_OF = re.compile(r"(?:an?|the|one)\s+([a-z]+)\s+(?:for|of|at|with)\s", re.I)
# a descriptor ending in a lower-case word, then a capitalised name of up to four words
_HEADED = re.compile(r"(.*(?<![\w’'])([a-z][\w\-]*))\s+((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+)")
#: A person name of two to four capitalised words ("Darian Lonechild"): a speaker with such a
#: name that is no actor of ``find_actors`` is a new actor found from the speech cue.
NEW_NAME = re.compile(r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+)){1,3}")


def _role(text: str, s: int, e: int, ns: int, ne: int, lex) -> str | None:
    """The descriptor around the name ``text[ns:ne]`` in the phrase ``text[s:e]``: the words
    before it ("State Department spokesman") or an apposition after it ("a senior fellow")."""
    before_ = text[s:ns].strip(" ,\t\n")
    after_ = text[ne:e].strip(" ,()\t\n")
    role = before_ or after_
    if not role or not _LOWER_WORD.search(role) or role.lower() in lex.function:
        return None  # a title alone ("Sen.") is the actor's title, not a role
    return role


def confirms(scan: Scan, sp: Speaker) -> bool:
    """A capitalised speaker phrase that is no actor mention: a name later pronouns may take
    ("“I would,” Melanie said")."""
    words = sp.surface.split()
    head = words[-1].lower() if words else ""
    return not sp.mention and sp.surface[:1].isupper() and head not in scan.lex.source_nouns


# --------------------------------------------------------------------------- pronouns


def resolve_phrases(scan: Scan, stages: list[list[Phrase]]) -> dict[Phrase, Speaker]:
    """Describe the phrases of each stage, then resolve its descriptions and pronouns in
    text order.

    The stages are lists of phrases; a pronoun sees the explicit speakers of its stage and
    the stages before it that precede it in the text. A definite description of one person
    ("the rookie defenceman", "the 63-year-old") takes the name of the person it describes
    when one comes before it (:func:`is_description`); the description is kept as
    ``Speaker.role``.
    """
    text = scan.text
    out: dict[Phrase, Speaker] = {}
    coref = Coreference(scan)
    for phrases in stages:
        pronouns = []
        explicit = []
        for p in sorted(set(phrases) - out.keys()):
            low = text[p.start:p.end].lower()
            if low in PRONOUNS:
                pronouns.append((p, low))
            else:
                out[p] = describe(scan, p)
                explicit.append(out[p])
        coref.add(explicit)
        for p in sorted(p for p in out if is_description(scan, out[p])):
            sp = out[p]
            ante = coref.resolve(p.start, {"male": "he", "female": "she"}.get(sp.gender,
                                                                               "person"))
            if ante is not None and ante.name and ante.type == "person":
                out[p] = sp._replace(name=ante.name, gender=sp.gender or ante.gender,
                                     role=sp.surface)
                coref.replace(sp, out[p])
        for p, low in pronouns:
            ante = coref.resolve(p.start, low)
            surface = text[p.start:p.end]
            if ante is None:
                out[p] = Speaker(None, surface, p.start, p.end, "pronoun", None)
            else:
                out[p] = Speaker(ante.name, surface, p.start, p.end, ante.type, ante.gender,
                                 pronoun=True)
    return out


_AGE = re.compile(r"\d+-year-old")


def is_description(scan: Scan, sp: Speaker) -> bool:
    """A definite description of one person that is no actor mention: "the" and at most
    three words before a role noun of ``resources/quote_role_nouns.txt`` ("the former
    president", "the rookie defenceman") or an age ("the 63-year-old")."""
    words = sp.surface.split()
    if sp.mention or sp.pronoun or sp.type not in ("person", None) or \
            not 2 <= len(words) <= 5 or words[0].lower() != "the":
        return False
    return words[-1] in scan.lex.role_nouns or _AGE.fullmatch(words[-1]) is not None


_NOT_NAME = frozenset({"the", "a", "an", "he", "she", "his", "her", "him", "they", "their",
                       "we", "our", "i", "my", "you", "your", "it", "its", "this", "that"})
_AUXILIARIES = frozenset({"has", "had", "is", "was", "will", "would", "could", "can",
                          "did", "does"})
_APPOSED_VERB = re.compile(r",\s+(?:[a-z]+ly\s+)?([a-z]{3,})\b")
_SUBJECT_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_DESCRIPTOR_BEFORE = re.compile(r"\b([a-z]{3,})\s+$")
_CLAUSE_BEFORE = re.compile(r"(?:^|[,;:—–]\s*)$")


def _subject_name(scan: Scan, lo: int, s: int, e: int) -> bool:
    """A capitalised name no actor mention covers that opens a clause and is followed by
    its (lower-case) verb: "Mendoza regularly witnessed …", "…, Mendoza said" — the
    subject of its sentence, so a later "he" may refer to it."""
    text, lex = scan.text, scan.lex
    words = text[s:e].split()
    if words[0] in lex.not_names or any(w.lower() in lex.function or w.lower() in _NOT_NAME
                                        or "’" in w or "'" in w for w in words) or (
            len(words) == 1 and words[0].lower().endswith(("ing", "ed", "ly"))):
        return False
    m = _SUBJECT_AFTER.match(text, e)
    verb = m.group(1) if m else ""
    if not (verb.endswith("ed") or verb in lex.verbs or verb in _AUXILIARIES):
        am = _APPOSED_VERB.match(text, e)  # "…, Erlan Idrissov, plays down concerns"
        if am is None or not (am.group(1).endswith(("s", "ed")) or am.group(1) in lex.verbs):
            return False
    if s <= lo or _CLAUSE_BEFORE.search(text[max(lo, s - 3):s].rstrip(" ")):
        return True
    # after a descriptor that opens the clause: "… climatologist Gavin Schmidt likened"
    dm = _DESCRIPTOR_BEFORE.search(text, max(lo, s - 40), s)
    return dm is not None and dm.group(1) not in lex.function and \
        dm.group(1) not in lex.verbs and not dm.group(1).endswith(("ed", "ing", "ly"))


def _descriptions(scan: Scan, spans) -> list[tuple[int, _Cand]]:
    """Indefinite or definite descriptions of one person that open a clause ("A 29-year-old
    Berlin woman received …"): antecedents of last resort, in sentences that name nobody."""
    lex, out = scan.lex, []
    for a, b in spans:
        for dm in _DESCRIPTION.finditer(scan.text, a, b):
            noun = dm.group(1)
            if noun in _PERSON_NOUNS or noun in lex.role_nouns or (
                    noun in lex.source_nouns and not noun.endswith("s")):
                out.append((dm.start(), _Cand(dm.group(), "person", title_gender(noun),
                                              sure=False)))
    return out


_DESCRIPTION = re.compile(r"\b(?:A|An|The)\s+(?:[\w\-]+\s+){0,3}?([a-z]+)\b(?=,|\s+[a-z])")
_PERSON_NOUNS = frozenset({"woman", "man", "girl", "boy", "mother", "father", "wife",
                           "husband", "daughter", "son", "teenager", "grandmother",
                           "grandfather", "widow", "worker", "student", "voter"})


def _singular_body(cand: _Cand) -> bool:
    """A speaker that "it" may refer to besides an organization: a singular noun phrase that
    is no person ("the newsletter", "the report", "the association")."""
    words = (cand.name or "").split()
    core = words[1:] if words[:1] == ["The"] else words
    if len(core) == 1 and core[0].isupper() and len(core[0]) >= 3:
        return True  # an acronym: "the EIA said … it said", "The UNECE warned"
    if not cand.sure and cand.gender is None and len(words) == 1 and words[0][:1].isupper():
        return True  # a one-word name find_actors does not know: "Wipro said … It said"
    if cand.type not in ("group", "place", "person") or cand.plural or not words or \
            not words[-1].islower() or words[-1].endswith("s") or cand.gender or \
            words[-1] in lexicon().role_nouns or words[-1] in lexicon().source_nouns:
        return False  # people: "the mayor", "the spokesman"
    return len(words) == 1 or words[0].lower() == "the"  # "the company" (or "company")


class Coreference:
    """Pronoun antecedents of one text: explicit state, filled in a defined order.

    ``add`` gives the explicit speakers (described phrases that are no pronoun). A pronoun
    at ``pos`` looks at the sentences before it (up to five back, within two paragraphs): the
    actor mentions, the explicit speakers and the names they confirmed, and the pronouns
    there (resolved first, so resolution runs backwards to the start of the text). Every
    antecedent is fixed once found; a "he"/"she" that finds a person of unknown gender
    teaches that gender to the pronouns after it ("Smith … She said": Smith is a woman).
    """

    def __init__(self, scan: Scan):
        self.scan = scan
        self.explicit: list[tuple[int, Speaker]] = []
        self.explicit_starts: list[int] = []
        # name surfaces seen as speakers (no actor mention) -> where: a name confirmed in an
        # earlier stage counts everywhere (-1), one of the current stage after its position
        self.confirmed: dict[str, int] = {}
        self.memo: dict[int, _Cand | None] = {}
        self.learned: dict[str, tuple[int, str]] = {}  # name -> (pronoun position, gender)
        self.windows: dict[int, tuple] = {}

    def replace(self, old: Speaker, new: Speaker) -> None:
        """Put ``new`` in the place of the explicit speaker ``old`` (a resolved description)."""
        i = bisect_left(self.explicit_starts, old.start)
        while i < len(self.explicit) and self.explicit[i][0] == old.start:
            if self.explicit[i][1] is old:
                self.explicit[i] = (old.start, new)
            i += 1
        self.memo.clear()

    def add(self, explicit: list[Speaker]) -> None:
        """Add explicit speakers (they become candidates for the pronouns after them)."""
        self.explicit = sorted(self.explicit + [(sp.start, sp) for sp in explicit],
                               key=lambda x: x[0])
        self.explicit_starts = [pos for pos, _ in self.explicit]
        self.confirmed = dict.fromkeys(self.confirmed, -1)
        for sp in explicit:
            if confirms(self.scan, sp) and sp.start < self.confirmed.get(sp.surface, sp.start + 1):
                self.confirmed[sp.surface] = sp.start

    def resolve(self, pos: int, pronoun: str) -> _Cand | None:
        """The antecedent of ``pronoun`` at ``pos`` (None when there is no safe one)."""
        if pos in self.memo:
            return self.memo[pos]
        self.memo[pos] = None  # guards against cycles
        result = self._antecedent(pos, pronoun)
        want = _GENDER.get(pronoun)
        if result is not None and want and not result.gender and \
                result.name not in self.learned:
            self.learned[result.name] = (pos, want)
        self.memo[pos] = result
        return result

    def _learned(self, name: str | None, pos: int) -> str | None:
        got = self.learned.get(name)
        return got[1] if got is not None and got[0] < pos else None

    def _antecedent(self, pos: int, pronoun: str) -> _Cand | None:
        idx = self.scan.sentences
        if not len(idx):
            return None
        want = _GENDER.get(pronoun)
        si = idx.sentence_at(pos)
        first_para = idx.paragraph_ids[si]
        for k in range(si, max(-1, si - 6), -1):
            ss, se, pid = self.scan.sentence(k)
            if first_para - pid > 2:
                break
            for cand in self._candidates(k, ss, min(se, pos), pos):
                if pronoun == "it":  # "the company said … It added": an organization
                    if cand.type == "organization" or _singular_body(cand):
                        return cand
                    continue
                if pronoun == "they":
                    if cand.type in ("group", "organization") or cand.plural:
                        return cand
                    continue
                if cand.type not in ("person", "pronoun"):
                    continue
                gender = cand.gender or self._learned(cand.name, pos)
                if want and gender and gender != want:
                    continue
                return cand
        return None

    def _candidates(self, k: int, lo: int, hi: int, pos: int) -> list[_Cand]:
        """Candidate antecedents in ``text[lo:hi]`` (sentence ``k``) as seen from ``pos``,
        most subject-like (leftmost) first."""
        full = hi == self.scan.sentences.ends[k]
        window = self.windows.get(k) if full else None
        if window is None:
            window = self._window(lo, hi)
            if full:
                self.windows[k] = window
        spans, mentions, names, pronouns = window
        out = list(mentions)
        have = {p for p, _ in mentions}
        for p, surf, cand, subject in names:
            if subject or self.confirmed.get(surf, pos) < pos:
                out.append((p, cand))
                have.add(p)
        for a, b in spans:
            i = bisect_left(self.explicit_starts, a)
            while i < len(self.explicit) and self.explicit[i][0] < b:
                p, sp = self.explicit[i]
                if p not in have and sp.type in ("person", "group", "organization"):
                    out.append((p, _Cand(sp.name, sp.type, sp.gender)))
                i += 1
        if not any(c.type == "person" for _, c in out):
            # no person named in the sentence: "A 29-year-old Berlin woman … she wrote"
            out.extend(_descriptions(self.scan, spans))
        for p, word in pronouns:
            ante = self.resolve(p, word)
            if ante is not None:
                out.append((p, _Cand(ante.name, ante.type, _GENDER.get(word, ante.gender),
                                     ante.plural or word == "they")))
        out.sort(key=lambda x: x[0])
        return [c for _, c in out]

    def _window(self, lo: int, hi: int) -> tuple:
        """What a window holds, independent of who looks: its spans outside quotes, the
        mentions, the capitalised names no mention covers, and the pronouns."""
        scan, text = self.scan, self.scan.text
        spans = scan.outside(lo, hi)
        mentions, names, pronouns = [], [], []
        for a, b in spans:
            for m in scan.mentions.starting_in(a, b):
                mentions.append((m.start, _Cand(m.actor, m.actor_type or "person",
                                                gender_of(scan, m.start, m.end, m))))
            for nm in _FALLBACK_NAME.finditer(text, a, b):
                if scan.mentions.rightmost(nm.start(), nm.end()) is None:
                    surf = nm.group()
                    names.append((nm.start(), surf, _Cand(
                        strip_title(surf), guess_type(surf),
                        gender_of(scan, nm.start(), nm.end(), None), sure=False),
                        _subject_name(scan, lo, nm.start(), nm.end())))
            pronouns.extend((pm.start(), pm.group().lower())
                            for pm in _PRONOUN.finditer(text, a, b))
        return spans, mentions, names, pronouns
