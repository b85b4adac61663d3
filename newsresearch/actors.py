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
* ``actors_first_names.csv`` — given names with a usual gender (evidence of a person, and
  the ``gender`` column when no title gives it);
* ``actors_not_names.txt`` — capitalised words that are never part of a name;
* ``actors_title_surnames.txt`` — title words that are also family names ("King").

How people are found
    A person is found only by evidence: a title or role before the name ("Mr.", "Mr" without
    period, "President", "Prime Minister", "Secretary of State", "spokesman Matthew Miller"),
    an apposition after it ("Khaled Elgindy, a senior fellow", "Tad Devine, his top aide",
    "Asa Khalif, who …", "Gisela Grimm, 67,"), a reporting verb before it ("said Khaled
    Elgindy"), a known given name ("Bezalel Smotrich"), or the gazetteer. Every surname so
    found is then searched for in the whole text, so "Netanyahu is experiencing" and "Miller’s
    name" are mentions too, and the capitalised words just before a surname ("Saleh
    al-Arouri") extend it to a full name. A bare capitalised word is never a person:
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

Known limits
    Pronouns ("he", "his") are not mentions here (quote attribution resolves them with the
    ``gender`` column). Names that put the family name first ("Lou Jiwei" … "Mr. Lou") split
    in two unless the gazetteer lists them or the given name is hyphenated ("Ban Ki-moon"); a common-word given name opening a sentence
    ("Hunter Biden said") loses that word unless the full name recurs in the text; a gazetteer organization that is also a surname
    ("Bloomberg") stays an organization when written alone.

:func:`actor_table` summarises the mentions, one row per actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .articles import as_text
from .resources import table, word_list
from .tokens import sentence_index, stopwords

__all__ = ["find_actors", "actor_table", "read_aliases", "MENTION_COLUMNS", "ACTOR_TYPES"]

MENTION_COLUMNS = ["mention_id", "actor", "actor_type", "surface", "start", "end",
                   "sentence_id", "gender", "title"]
ACTOR_TABLE_COLUMNS = ["actor", "actor_type", "mentions", "first_start", "surfaces", "gender"]
ACTOR_TYPES = ("person", "organization", "place", "group")
ALIAS_COLUMNS = ["alias", "actor", "actor_type"]

# priorities on equal span length (lower wins)
_P_TITLED, _P_GAZ, _P_GROUP, _P_PERSON, _P_ORG = 0, 1, 2, 3, 4

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_TOK = rf"(?:[{_UP}][’'])?[{_UP}][{_LOW}]*[{_UP}]?[{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"
_PARTICLE = (r"(?:al|el|Al|El|bin|ibn|abu|Abu|van|von|Van|Von|de|De|da|di|du|del|della|der|"
             r"den|le|la|ben)")
_NAMEPART = rf"(?:{_PARTICLE}-{_TOK}|{_PARTICLE}[ \t]+{_TOK}|{_TOK})"
_INITIAL = rf"[{_UP}]\."
# a Korean given name after the family name: "Ban Ki-moon", "Kim Jong-un", "Moon Jae-in"
# (not a compound adjective: "Biden-led", "Obama-era")
_SYLLABLES = (rf"[{_UP}][{_LOW}]{{1,4}}-(?!(?:led|era|run|style|like|born|based|made|type|ish|"
              rf"free|wide|held|owned|only|bound|proof|funded|backed|linked|aided)(?![\w-]))"
              rf"[{_LOW}]{{2,5}}(?![\w-])")
_NAME = (rf"{_NAMEPART}(?:[ \t]+(?:{_INITIAL}[ \t]+)*(?:{_SYLLABLES}|{_NAMEPART})){{0,3}}"
         rf"(?:,?[ \t]+Jr\.?)?")
_NAME_TOKEN = re.compile(rf"{_PARTICLE}[- \t]{_TOK}|{_SYLLABLES}|{_INITIAL}|{_TOK}|Jr\.?")
_SYLLABLES_RX = re.compile(_SYLLABLES)
_SPEECH = r"(?:said|says|told|added|wrote|according to|asked|explained|noted|argued)"
_ORG_HEADS = ("Ministry|Department|University|Institute|Council|Committee|Office|Agency|Court|"
              "Commission|Embassy|Bureau|Academy|Foundation|Association|Organization|Union|"
              "Federation|Center|Centre")
_ORG_TAILS = ("Institute|University|Ministry|Department|Council|Committee|Agency|Party|"
              "Corporation|Corp\\.|Inc\\.|Ltd|Group|Bank|Fund|Foundation|Association|"
              "Organization|Commission|Authority|Police|Times|Post|News|Journal|Network|"
              "Union|League|Brigades|Front|Movement|Court|Center|Centre|Forum|Coalition|Partners|"
              "Associates|Capital|Securities|Holdings?|Airlines|Airways|Motors|Systems|Labs|Exchange|"
              "Corp|Co|Company|Advisors|Advisers|Industries|Enterprises|Technologies|"
              "Pharmaceuticals|Communications|Trust|Institution|Society|Alliance|Council")

_SURNAME_CANDIDATE = re.compile(rf"(?<![\w-])(?:{_PARTICLE}[- \t]{_TOK}|{_TOK})(?![\w-])")
_PREFIX = re.compile(rf"(?<![\w.-])(?:(?:{_NAMEPART}|{_INITIAL})[ \t]+){{1,3}}$")
_PREFIX_LAST = re.compile(rf"[{_LOW}.]")


def _prefix(text: str, pos: int) -> re.Match | None:
    """The capitalised name words right before ``pos`` ("Saleh " before "al-Arouri"), if any.

    A cheap look at the characters before ``pos`` first: only when a lower-case letter or an
    initial's period stands before the blanks is the (costly, end-anchored) pattern searched.
    """
    j = pos
    if j and text[j - 1] == "\n":  # "$" also matches before a final newline
        j -= 1
    k = j
    while k and text[k - 1] in " \t":
        k -= 1
    if k == j or not k or not _PREFIX_LAST.match(text, k - 1):
        return None
    # the match has no newline and at most six blank-separated chunks (three name parts,
    # each possibly "al Arouri"): search from the start of the sixth chunk back only
    lo = max(0, pos - 120)
    lo = max(lo, text.rfind("\n", lo, j) + 1)
    p = k  # end of the current chunk
    for _ in range(6):
        b = max(text.rfind(" ", lo, p), text.rfind("\t", lo, p))
        if b < 0:
            break
        start, p = b + 1, b
        while p > lo and text[p - 1] in " \t":
            p -= 1
        if p == lo:
            break
    else:
        lo = start
    return _PREFIX.search(text, lo, pos)
_AFTER_GIVEN = re.compile(rf"(?:[ \t]+{_INITIAL})*[ \t]+{_NAMEPART}(?![\w-])")
_NAME_BEFORE = re.compile(rf"(?<![\w.-]){_NAME}$")
_NOT_PERSON_END = ("County|City|Street|Avenue|Road|River|Island|Islands|Springs|Beach|Valley|"
                   "Bay|Square|Lake|Mountains|College|School|Hospital|Stadium|Airport|Station|"
                   "Prize|Awards?|Cup|Festival|Act|Show")
_ORG_END = re.compile(rf"\b(?:{_ORG_TAILS}|{_ORG_HEADS}|{_NOT_PERSON_END})$")

# --------------------------------------------------------------------------- alias tables


def read_aliases(aliases) -> pd.DataFrame:
    """Read and check a user alias table: a CSV path or a DataFrame with alias, actor, actor_type.

    Parameters
    ----------
    aliases : str, Path or DataFrame
        Columns ``alias, actor, actor_type`` (optional ``gender``); ``actor_type`` one of
        ``person``, ``organization``, ``place``, ``group``. Lines starting with ``#`` are
        comments.

    Returns
    -------
    DataFrame
        ``alias, actor, actor_type, gender`` as strings (``gender`` empty when not given).

    Raises
    ------
    ValueError
        One line naming the file (or "alias table") and what is wrong: missing columns,
        unknown actor types, an unreadable file.

    Examples
    --------
    >>> df = pd.DataFrame({"alias": ["the Fed"], "actor": ["Federal Reserve"],
    ...                    "actor_type": ["organization"]})
    >>> read_aliases(df)[["alias", "actor"]].values.tolist()
    [['the Fed', 'Federal Reserve']]
    """
    if isinstance(aliases, pd.DataFrame):
        df, name = aliases.copy(), "alias table (DataFrame)"
    elif isinstance(aliases, (str, Path)):
        name = f"alias file {aliases}"
        try:
            df = pd.read_csv(aliases, comment="#", dtype=str, keep_default_na=False,
                             skipinitialspace=True, encoding="utf-8-sig")  # Excel's BOM
        except FileNotFoundError:
            raise ValueError(f"{name}: file not found") from None
        except (OSError, UnicodeDecodeError, pd.errors.ParserError,
                pd.errors.EmptyDataError) as exc:
            raise ValueError(f"{name}: cannot read as CSV ({type(exc).__name__})") from None
    else:
        raise TypeError(f"aliases must be a CSV path or a DataFrame, got {type(aliases).__name__}")
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in ALIAS_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {', '.join(missing)}; "
                         f"expected columns alias, actor, actor_type (found: "
                         f"{', '.join(map(str, df.columns)) or 'none'})")
    if "gender" not in df.columns:
        df["gender"] = ""
    df = df[ALIAS_COLUMNS + ["gender"]].fillna("").astype(str)
    for c in df.columns:
        df[c] = df[c].str.strip()
    df = df[df["alias"] != ""]
    bad = sorted(set(df["actor_type"]) - set(ACTOR_TYPES))
    if bad:
        raise ValueError(f"{name}: unknown actor_type {', '.join(map(repr, bad))}; "
                         f"use one of {', '.join(ACTOR_TYPES)}")
    return df.reset_index(drop=True)


def _shipped_alias_rows() -> list[tuple[str, str, str, str]]:
    rows = [(r["alias"], r["actor"], r["actor_type"], r.get("gender") or "")
            for r in table("actors_gazetteer.csv", delimiter=",")]
    for r in table("actors_demonyms.csv", delimiter=","):
        if r["plural"]:
            rows.append((r["plural"], r["plural"], "group", ""))
    return rows


# --------------------------------------------------------------------------- compiled lexicon


def _alternation(words) -> str:
    """Return a regex matching any of ``words``, written as a character trie.

    The trie tries longer continuations before stopping, so at any position it finds the
    same word as a longest-first alternation ("Middle East Institute" before "Middle East")
    and backtracks through the same shorter words — but it tests each character once
    instead of every word in turn, which makes a 500-alias pattern ~5x faster.
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(c for c in node if c)]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return emit(root)


@dataclass(frozen=True)
class _Lexicon:
    aliases: dict  # alias -> (actor, actor_type, gender)
    alias_rx: re.Pattern | None
    person_aliases: dict  # alias -> (actor, gender) for person rows
    person_gender: dict  # person actor -> gender, where the alias table gives one
    group_rx: re.Pattern
    group_canon: dict  # modifier/noun surface -> canonical
    title_rx: re.Pattern
    appos_rx: re.Pattern
    said_rx: re.Pattern
    org_rx: tuple
    title_gender: dict  # lower-case title -> gender
    title_words: frozenset  # lower-case words that occur in titles
    first_gender: dict
    blocked: frozenset  # capitalised words never in a name
    stop: frozenset
    honorifics: frozenset = frozenset()  # "Mr", "Dr" …
    title_surnames: frozenset = frozenset()  # blocked title words that end names ("King")


def _build_lexicon(rows: list[tuple[str, str, str, str]]) -> _Lexicon:
    aliases: dict[str, tuple[str, str, str]] = {}
    for alias, actor, atype, gender in rows:
        aliases[alias] = (actor, atype, gender or "")
    person_aliases = {a: (v[0], v[2]) for a, v in aliases.items() if v[1] == "person"}
    # a zero-width lookahead finds the longest alias at *every* position, so a shorter alias
    # starting earlier ("Middle East") cannot hide a longer one ("Middle East Institute")
    alias_rx = (re.compile(rf"(?<![\w])(?=(?P<a>{_alternation(aliases)})(?![\w]))")
                if aliases else None)

    demonyms = table("actors_demonyms.csv", delimiter=",")
    words = table("actors_group_words.csv", delimiter=",")
    canon: dict[str, str] = {}
    modifiers, nouns, heads = [], [], []
    for r in demonyms:
        adj = r["adjective"]
        canon[adj] = "American" if r["place"] == "United States" else adj
        modifiers.append(adj)
    for r in words:
        w = r["word"]
        canon[w] = r["canonical"]
        if r["role"] == "modifier":
            modifiers.append(w)
            continue
        forms = [w]
        if w[:1].islower():
            forms.append(w[:1].upper() + w[1:])
            canon[forms[1]] = r["canonical"]
        (heads if r["role"] == "head" else nouns).extend(forms)
    mod = _alternation(modifiers)
    # the lookahead (every group starts with a modifier or a noun) rejects most words in one
    # trie walk instead of three
    group_rx = re.compile(
        rf"(?<![\w.-])(?=(?:{_alternation(modifiers + nouns)})(?!\w))"
        rf"(?:(?:(?P<m1>{mod})[ \t]+)?(?:(?P<m2>{mod})[ \t]+)?"
        rf"(?P<noun>{_alternation(nouns)})|(?P<m3>{mod})[ \t]+(?:(?P<m4>{mod})[ \t]+)?"
        rf"(?P<head>{_alternation(heads)}))(?![\w-])"
    )

    titles = table("actors_titles.csv", delimiter=",")
    title_gender = {r["title"].lower(): r["gender"] for r in titles}
    honor = [r["title"] for r in titles if r["kind"] == "honorific"]
    roles = [r["title"] for r in titles if r["kind"] == "role"]
    role_alts = sorted(set(roles), key=lambda w: (-len(w), w))
    role_pat = _alternation([v for r in role_alts for v in (r[0].upper() + r[1:],
                                                             r[0].lower() + r[1:])])
    title_rx = re.compile(
        rf"(?<![\w.])(?P<title>(?:{_alternation(honor)})\.?|(?:{role_pat}))[ \t]+"
        rf"(?P<name>{_NAME})"
    )
    lower_roles = "|".join(re.escape(r.lower()) for r in role_alts)
    # the part after the comma; the name before it is found by _NAME_BEFORE (fast: the
    # comma anchors the search instead of trying a name at every position)
    appos_rx = re.compile(
        rf",[ \t]+(?:(?:a|an|the|his|her|their|its|[{_UP}][\w’'.-]*[’']s)[ \t]+"
        rf"(?:[^\s,.;]+[ \t]+){{0,4}}?(?P<role>{lower_roles})\b|(?P<who>who)[ \t]"
        rf"|(?P<age>\d{{1,3}}),)"
    )
    said_rx = re.compile(rf"\b{_SPEECH}[ \t]+(?P<name>{_NAME})")
    first_gender = {r["name"]: r["gender"] for r in table("actors_first_names.csv",
                                                          delimiter=",")}
    cap = rf"[{_UP}][\w’'-]*"
    org_rx = (
        # "Middle East Institute", "Democratic Party of Japan": capitalised words + tail
        re.compile(rf"(?<![\w.-])(?=(?P<org>(?:{cap}[ \t]+(?:(?:of|for|and|on)[ \t]+"
                   rf"(?:the[ \t]+)?)?){{1,4}}(?:{_ORG_TAILS}))(?![\w-]))"),
        # "Ministry of Foreign Affairs": head + of + capitalised words
        re.compile(rf"(?<![\w.-])(?P<org>(?:{_ORG_HEADS})[ \t]+(?:of|for|on)[ \t]+"
                   rf"(?:the[ \t]+)?{cap}(?:[ \t]+(?:and[ \t]+)?{cap}){{0,3}})(?![\w-])"),
    )
    # words of formal titles ("Prime", "Minister", "Secretary") are never part of a name;
    # lower-case roles ("singer", "chief") are, as surnames (Paul Singer)
    title_words = frozenset(w.lower() for r in titles if r["title"][:1].isupper()
                            for w in r["title"].split())
    single_aliases = {a for a, v in aliases.items() if " " not in a and v[1] != "person"}
    blocked = frozenset(word_list("actors_not_names.txt")) | frozenset(single_aliases) \
        | frozenset(canon) | frozenset(w[:1].upper() + w[1:] for w in title_words)
    return _Lexicon(
        aliases=aliases, alias_rx=alias_rx, person_aliases=person_aliases,
        person_gender={a: g for a, g in person_aliases.values() if g}, group_rx=group_rx,
        group_canon=canon, title_rx=title_rx, appos_rx=appos_rx, said_rx=said_rx,
        org_rx=org_rx, title_gender=title_gender, title_words=title_words,
        first_gender=first_gender, blocked=blocked, stop=stopwords(),
        honorifics=frozenset(honor), title_surnames=word_list("actors_title_surnames.txt"),
    )


@lru_cache(maxsize=1)
def _default_lexicon() -> _Lexicon:
    return _build_lexicon(_shipped_alias_rows())


def _lexicon_for(aliases) -> _Lexicon:
    if aliases is None:
        return _default_lexicon()
    user = read_aliases(aliases)
    key = tuple(map(tuple, user.values.tolist()))
    return _cached_user_lexicon(key)


@lru_cache(maxsize=8)
def _cached_user_lexicon(user_rows: tuple) -> _Lexicon:
    overridden = {r[0] for r in user_rows}
    rows = [r for r in _shipped_alias_rows() if r[0] not in overridden]
    rows.extend(user_rows)
    return _build_lexicon(rows)


# --------------------------------------------------------------------------- people


@dataclass
class _Person:
    start: int  # of the name
    end: int
    ext_start: int  # of the name plus title, for overlap resolution
    title: str | None
    gender: str
    priority: int
    known: str | None = None  # gazetteer actor


def _name_tokens(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(s + m.start(), s + m.end()) for m in _NAME_TOKEN.finditer(text[s:e])]


def _ok_name_token(tok: str, lex: _Lexicon) -> bool:
    if tok.endswith(".") and len(tok) == 2:  # initial
        return True
    return (tok not in lex.blocked and tok.lower() not in lex.stop
            and tok.lower() not in lex.title_words)


def _trim_name(text: str, s: int, e: int, lex: _Lexicon, *, from_left: bool,
               after_honorific: bool = False) -> tuple | None:
    """Cut a candidate name at the first word that cannot be part of a name.

    ``from_left=True`` keeps the tokens after the last bad one (for text before a surname);
    otherwise keeps the tokens before the first bad one (for text after a title).
    """
    toks = _name_tokens(text, s, e)
    if not toks:
        return None
    if from_left:
        keep = []
        for ts, te in reversed(toks):
            tok = text[ts:te]
            if keep and not _ok_name_token(tok, lex):
                break
            # only the word right before the surname may be a common English word
            # ("Hunter Biden"); further left it is a job title ("Ranger Supervisor Robert X")
            if len(keep) >= 2 and tok not in lex.first_gender and len(tok) > 2 \
                    and tok.lower() in _english_words():
                break
            keep.append((ts, te))
        keep.reverse()
        first = text[keep[0][0]:keep[0][1]]
        if len(keep) > 1 and first.endswith("s") and first not in lex.first_gender \
                and first.lower() in _english_words():
            keep.pop(0)  # a headline verb or plural is no given name ("Exploits Trump")
        last = text[keep[-1][0]:keep[-1][1]]
        if not _ok_name_token(last, lex) and not (len(keep) > 1 and last in lex.title_surnames):
            return None  # (a title word may end a full name: "Charlie King")
        # a capitalised common word opening a sentence ("Later Smith left") is not a given
        # name — unless the same full name also occurs elsewhere ("… Hunter Biden …")
        if len(keep) > 1 and _sentence_initial(text, keep[0][0]):
            first = text[keep[0][0]:keep[0][1]]
            if first not in lex.first_gender and first.lower() in _english_words() \
                    and text.count(text[keep[0][0]:keep[-1][1]]) < 2 \
                    and not _SYLLABLES_RX.fullmatch(text, keep[1][0], keep[1][1]):
                keep.pop(0)  # (but "Ban Ki-moon": a Korean given name follows)
    else:
        keep = []
        for ts, te in toks:
            t = text[ts:te]
            if t.startswith("Jr") and keep:
                keep.append((ts, te))
                break
            if not _ok_name_token(t, lex):
                # a title word that is also a family name, as the last word after a given
                # name ("Mr. Charlie King") or alone after an honorific ("Mr. King")
                if (ts, te) == toks[-1] and t in lex.title_surnames \
                        and (keep or after_honorific):
                    keep.append((ts, te))
                break
            keep.append((ts, te))
    while keep and len(text[keep[0][0]:keep[0][1]]) == 2 and text[keep[0][1] - 1] == ".":
        keep.pop(0)  # a name does not start with a lone initial here
    while keep and (text[keep[-1][0]:keep[-1][1]].endswith(".")
                    and not text[keep[-1][0]:keep[-1][1]].startswith("Jr")):
        keep.pop()  # nor end with one
    if not keep:
        return None
    return keep[0][0], keep[-1][1]


_WORD = re.compile(r"[^\W\d_][\w’'-]*")


class _Lines:
    """Line bounds of a text, found once, for headline checks at many positions."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.memo: dict[int, bool] = {}

    def headline_like(self, pos: int) -> bool:
        """True when the line around ``pos`` is a Title Case headline (no final stop,
        4 to 25 words, at least 60% capitalised, a capitalised function word after the
        first)."""
        i = bisect_right(self.breaks, pos)
        if i not in self.memo:
            ls = self.breaks[i - 1] + 1 if i else 0
            le = self.breaks[i] if i < len(self.breaks) else len(self.text)
            self.memo[i] = le - ls <= 250 and _is_headline(self.text[ls:le].strip())
        return self.memo[i]


def _is_headline(line: str) -> bool:
    if not line or line[-1] in ".!?:;,”\"'’)":
        return False
    words = _WORD.findall(line)
    return 4 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.6 * len(words) \
        and any(w in ("To", "The", "Of", "In", "On", "For", "As", "And", "At", "With")
                for w in words[1:])


_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n])[\"'“‘”’(\[\s]*$")


def _sentence_initial(text: str, pos: int) -> bool:
    """True when only quotes/brackets/space stand between ``pos`` and a sentence end."""
    return bool(_SENTENCE_END.search(text[max(0, pos - 12):pos])) or pos == 0


@lru_cache(maxsize=1)
def _english_words() -> frozenset:
    """Common English words: entries written in lower case in TextBlob's bundled lexicon.

    Proper nouns there are capitalised ("Cynthia NNP"), so they are left out: a given name
    that is not also a common word is never mistaken for one.
    """
    from importlib import resources as ir

    try:
        lex = (ir.files("textblob.en") / "en-lexicon.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - textblob is a dep
        return frozenset()
    return frozenset(w for w in (ln.split(" ", 1)[0] for ln in lex.splitlines())
                     if w.isalpha() and w.islower())


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    parts = name.replace(",", " ").split()
    while len(parts) > 1 and parts[-1].startswith("Jr"):
        parts.pop()
    if len(parts) == 2 and _SYLLABLES_RX.fullmatch(parts[1]):
        return parts[0]  # family name first: "Ban Ki-moon" … "Mr. Ban"
    last = parts[-1]
    if len(parts) > 1 and re.fullmatch(_PARTICLE, parts[-2]):
        last = parts[-2] + " " + last
    return last


@lru_cache(maxsize=4096)
def _given(name: str) -> str | None:
    parts = name.replace(",", " ").split()
    while len(parts) > 1 and parts[-1].startswith("Jr"):
        parts.pop()
    if len(parts) == 2 and _SYLLABLES_RX.fullmatch(parts[1]):
        return parts[1]
    sur = _surname(name).split()
    if len(parts) <= len(sur):
        return None
    first = parts[0]
    return None if (len(first) == 2 and first.endswith(".")) else first


def _find_people(text: str, lex: _Lexicon, gaz_people: list) -> list[_Person]:
    found: dict[tuple[int, int], _Person] = {}

    def add(s, e, ext_s, title, gender, prio, known=None):
        if known is None and _ORG_END.search(text, s, e):
            return  # "said Janco Partners", "official Disasters Emergency Committee"
        key = (s, e)
        old = found.get(key)
        if old is None or prio < old.priority:
            found[key] = _Person(s, e, ext_s, title, gender, prio, known or
                                 (old.known if old else None))

    lines = None
    for m in lex.title_rx.finditer(text):
        span = _trim_name(text, m.start("name"), m.end("name"), lex, from_left=False,
                          after_honorific=m.group("title").rstrip(".") in lex.honorifics)
        if span is None:
            continue
        if lines is None:
            lines = _Lines(text)
        if lines.headline_like(m.start()):
            # Title Case Headline: "Mr. Blinken Returns To …" — keep the first name word only
            span = (span[0], _name_tokens(text, *span)[0][1])
        title = m.group("title")
        if title[0].islower() and len(_name_tokens(text, *span)) < 2:
            continue  # "spokesman Miller" is rare; "official Reports" is common
        g = lex.title_gender.get(title.rstrip(".").lower(), "")
        add(span[0], span[1], m.start(), title, g, _P_TITLED)
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
        add(span[0], span[1], span[0], None, lex.title_gender.get(m.group("role") or "", ""),
            _P_PERSON)
    for m in lex.said_rx.finditer(text):
        span = _trim_name(text, m.start("name"), m.end("name"), lex, from_left=True)
        if span is None or len(_name_tokens(text, *span)) < 2:
            continue
        add(span[0], span[1], span[0], None, "", _P_PERSON)
    # name-like words, found once: known given names start names, surnames are looked up
    words = list(_SURNAME_CANDIDATE.finditer(text))
    for m in words:
        if m.group() not in lex.first_gender or text[m.start() - 1:m.start()] == ".":
            continue
        rest = _AFTER_GIVEN.match(text, m.end())
        if rest is None:
            continue
        span = _trim_name(text, m.start(), rest.end(), lex, from_left=False)
        if span is None or len(_name_tokens(text, *span)) < 2:
            continue
        add(span[0], span[1], span[0], None, "", _P_PERSON)
    for s, e, actor, gender in gaz_people:
        add(s, e, s, None, gender, _P_GAZ, actor)

    # every surname found anywhere: search it in the whole text, with the name before it
    surnames = {_surname(text[p.start:p.end]) for p in found.values()}
    surnames = {s for s in surnames if s not in lex.aliases or
                lex.aliases[s][1] == "person"}
    by_start: dict[int, list] = {}
    for k in found:
        by_start.setdefault(k[0], []).append(k)
    # one precompiled pass over name-like words (no regex compiled per text)
    hits = [m for m in words if m.group() in surnames] if surnames else []
    for m in hits:
        pre = _prefix(text, m.start())
        if pre is not None:
            if lines is None:
                lines = _Lines(text)
            if lines.headline_like(m.start()):
                pre = None  # "Mogul Exploits Trump For Ratings": headline words are no names
        s0 = pre.start() if pre else m.start()
        span = _trim_name(text, s0, m.end(), lex, from_left=True)
        if span is None:
            continue
        if (span[0], span[1]) in found:
            continue
        # a shorter name already found inside (e.g. "Blinken" of "Antony J. Blinken")
        inner = [k for ts, _ in _name_tokens(text, *span) for k in by_start.get(ts, ())
                 if k in found and k[1] <= span[1]]
        if inner:
            old = found[inner[0]]
            if old.title is None:
                for k in inner:
                    found.pop(k)
                found[span] = _Person(span[0], span[1], span[0], None, old.gender,
                                      old.priority, old.known)
                by_start.setdefault(span[0], []).append(span)
            continue
        found[span] = _Person(span[0], span[1], span[0], None, "", _P_PERSON)
        by_start.setdefault(span[0], []).append(span)
    _add_lone_given_names(text, lex, words, found, by_start)
    return sorted(found.values(), key=lambda p: p.start)


# what makes a lone given name part of a longer name: a capitalised word, initial, particle
# or quoted nickname after it ("Hillary Duff", "Lena deCasparis", 'George "Jay" Keyworth'),
# "and" + a name ("David and Charles Koch"), or a capitalised word before it ("Mullah Omar")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+(?:{_INITIAL}[ \t]+)*(?:and[ \t]+)?(?:[\"“‘']+)?"
                             rf"(?:[{_UP}]|[{_LOW}]+[{_UP}]|{_PARTICLE}[ \t-])")
_CAP_BEFORE = re.compile(rf"(?<![\w’'.-])([{_UP}][\w’'.-]*)[ \t]+$")


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


_PRONOUN = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){1,2}?(?:that[ \t]+)?(?:(he)|(she))\b")
_SUBJECT = re.compile(r"(?:^|[.!?\n][\"'“‘”’)\s]*)(?:[\w’'.,-]+[ \t]+){0,3}$")


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


def _cluster_people(text: str, people: list[_Person], lex: _Lexicon) -> list[tuple]:
    """Give every person mention its canonical actor and gender: (person, actor, gender)."""
    by_surname: dict[str, list[_Person]] = {}
    for p in people:
        by_surname.setdefault(_surname(text[p.start:p.end]), []).append(p)
    # given name -> full name, for given names that belong to exactly one full name
    given_full: dict[str, set] = {}
    for p in people:
        name = text[p.start:p.end]
        g = _given(name)
        if g is not None:
            given_full.setdefault(g, set()).add(_surname(name))
    full_surnames = {_surname(text[p.start:p.end]) for p in people
                     if _given(text[p.start:p.end]) is not None}
    first_full: dict[str, str] = {}
    for p in people:
        name = text[p.start:p.end]
        g = _given(name)
        if g is not None:
            first_full.setdefault(g, name)
    given_owner = {g: first_full[g] for g, surs in given_full.items()
                   if len(surs) == 1 and g not in full_surnames}
    out = []
    apart: set[int] = set()  # bare mentions a title's gender keeps from every full name
    for sur, group in by_surname.items():
        # sub-actors: one per given name, canonical = first full-name mention as written
        firsts: dict[str, str] = {}
        owner: list[str | None] = []
        seen: list[str] = []  # given names in order of their latest mention (any form)
        sex: dict[str, str] = {}  # given name -> gender from its name or titles
        cues: list[tuple[str, str]] = []  # (title gender, pronoun gender) of bare mentions
        last: dict[str, tuple[int, bool]] = {}  # given name -> (latest start, opened sentence)
        usual: str | None = None  # whom the first resolved untitled bare surname meant
        titled: dict[str, set] = {}  # given name -> last words of the titles written with it
        for p in group:
            name = text[p.start:p.end]
            g = _given(name)
            if g is not None:
                firsts.setdefault(g, name)
                if g in seen:
                    seen.remove(g)
                seen.append(g)
                sex.setdefault(g, p.gender or lex.first_gender.get(g, ""))
                last[g] = (p.start, _subject_like(text, p.ext_start))
                if p.title is not None:
                    titled.setdefault(g, set()).add(_title_key(p.title))
                owner.append(g)
                cues.append(("", ""))
                continue
            # a bare surname: the most recently mentioned full name, skipping one of the
            # other gender ("Bill Clinton … Hillary Clinton … Mrs. Clinton") and preferring
            # one whose gender a following pronoun confirms ("Cruz said he")
            cue = (p.gender, _pronoun_cue(text, p.end))
            cues.append(cue)
            cands = list(reversed(seen))
            pick = _pick_by_gender(cands, sex, *cue)
            if pick is None and seen and not p.gender:
                pick = seen[-1]
            if p.title is not None and not p.gender and pick:
                # "President Clinton": the candidate already written with that title
                t = _title_key(p.title)
                pick = next((c for c in cands if t in titled.get(c, ()) and
                             _pick_by_gender([c], sex, *cue) == c), pick)
            if p.title is None and pick and usual and usual != pick and usual in cands \
                    and not (p.start - last[pick][0] < 250 and last[pick][1]) \
                    and _pick_by_gender([usual], sex, *cue) == usual:
                # a bare surname already used for one person keeps meaning that person
                # ("Ted Cruz … Cruz … a photo of Heidi Cruz … Cruz said"), unless the other
                # full name just opened a sentence ("Bill Clinton said he … Clinton")
                pick = usual
            if pick:
                seen.remove(pick)
                seen.append(pick)  # "Mr. Clinton said he … Clinton": still Bill
                last[pick] = (p.start, _subject_like(text, p.ext_start))
                if p.title is None and usual is None and pick in lex.first_gender:
                    usual = pick  # (a known given name: not a headline word, "Exploits Trump")
                if p.title is not None:
                    titled.setdefault(pick, set()).add(_title_key(p.title))
            owner.append(pick)
        if not firsts and len(sur.split()) == 1 and sur in given_owner and all(
                (p.title or "sir").rstrip(".").lower() in ("sir", "dame") for p in group):
            # "Sir Digby" after "Sir Digby Jones": a lone given name of one full name
            firsts = {sur: given_owner[sur]}
        for p, g, cue in zip(group, owner, cues, strict=True):
            if g is None and firsts:
                # before any full name: the first one of a compatible gender ("Mrs. Clinton
                # … her husband, Bill Clinton" keeps Mrs. Clinton apart)
                g = _pick_by_gender(list(firsts), sex, *cue)
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
    # a surname-only actor ("Netanyahu") joins the one full-name actor ending in it
    # ("Benjamin Netanyahu", e.g. reached through a user alias "Bibi") — unless a title
    # already kept it apart from that name for its gender
    names = {a for _, a in out}
    ends: dict[str, list[str]] = {}
    for a in names:
        if " " in a:
            ends.setdefault(_surname(a), []).append(a)
    out = [(p, ends[a][0] if " " not in a and len(ends.get(a, ())) == 1
            and id(p) not in apart else a) for p, a in out]
    # gender per actor: titles first, then gazetteer, then given names
    votes: dict[str, dict[str, int]] = {}
    for p, actor in out:
        if p.gender:
            v = votes.setdefault(actor, {})
            v[p.gender] = v.get(p.gender, 0) + 1
    result = []
    for p, actor in out:
        v = votes.get(actor)
        if v:
            gender = max(v, key=v.get)
        else:
            gender = lex.person_gender.get(actor) or (
                lex.first_gender.get(_given(actor) or actor.split()[0], "") if " " in actor
                else "")
        result.append((p, actor, gender or None))
    return result


# --------------------------------------------------------------------------- main function


def find_actors(text, *, sentences=None, aliases=None) -> pd.DataFrame:
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

    Returns
    -------
    DataFrame
        ``mention_id, actor, actor_type, surface, start, end, sentence_id, gender, title`` —
        one row per mention in text order; ``text[start:end] == surface``. ``gender`` is
        ``"male"``, ``"female"`` or None (people only); ``title`` is the title or role written
        before a person's name ("Mr.", "Secretary of State"), else None.

    Raises
    ------
    ValueError
        When ``aliases`` lacks the required columns (one line naming the file and columns).

    Examples
    --------
    >>> t = "Secretary of State Antony J. Blinken met Mr Netanyahu. Mr. Blinken left Israel."
    >>> df = find_actors(t)
    >>> df[["actor", "actor_type", "surface"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Antony J. Blinken', 'person', 'Antony J. Blinken'], ['Netanyahu', 'person', 'Netanyahu'],
     ['Antony J. Blinken', 'person', 'Blinken'], ['Israel', 'place', 'Israel']]
    """
    text = as_text(text)
    lex = _lexicon_for(aliases)
    if not text.strip():
        return pd.DataFrame(columns=MENTION_COLUMNS).astype(
            {c: "int64" for c in ("mention_id", "start", "end", "sentence_id")})

    cands: list[tuple] = []  # (ext_start, end, priority, start, actor, type, gender, title)
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
    for p, actor, gender in _cluster_people(text, _find_people(text, lex, gaz_people), lex):
        cands.append((p.ext_start, p.end, p.priority, p.start, actor, "person", gender,
                      p.title))
        if p.ext_start < p.start:
            # the name alone, for when the title belongs to an overlapping longer name
            # ("MMQB's Peter King. Suh probably …")
            cands.append((p.start, p.end, _P_PERSON, p.start, actor, "person", gender, None))

    # resolve overlaps: longest extent first, then priority
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(len(text) + 1)
    kept = []
    for c in cands:
        if any(taken[c[0]:c[1]]):
            continue
        taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        kept.append(c)
    kept.sort(key=lambda c: c[3])

    index = sentence_index(text, sentences)
    ss = np.fromiter((c[3] for c in kept), dtype=np.int64, count=len(kept))
    sids = np.fromiter((max(index.sentence_at(c[3]), 0) for c in kept), dtype=np.int64,
                       count=len(kept))
    # Series share one RangeIndex and the dict is in column order: no reindexing (~0.1 ms)
    idx = pd.RangeIndex(len(kept))
    return pd.DataFrame({
        "mention_id": np.arange(len(kept), dtype=np.int64),
        "actor": [c[4] for c in kept],
        "actor_type": [c[5] for c in kept],
        "surface": [text[c[3]:c[1]] for c in kept],
        "start": ss,
        "end": np.fromiter((c[1] for c in kept), dtype=np.int64, count=len(kept)),
        "sentence_id": sids.astype(np.int64),
        # object columns so that "no gender"/"no title" stay None (not NaN) under pandas 3
        "gender": pd.Series([c[6] for c in kept], dtype=object, index=idx),
        "title": pd.Series([c[7] for c in kept], dtype=object, index=idx),
    }, index=idx)


_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                      "February March April May June July August September October November "
                      "December".split())


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
        the distinct ways the actor was written, in order of first use.

    Examples
    --------
    >>> m = find_actors("Mr. Blinken met Mr. Netanyahu. Antony Blinken left.")
    >>> actor_table(m)[["actor", "mentions", "surfaces"]].values.tolist()
    [['Antony Blinken', 2, 'Blinken; Antony Blinken'], ['Netanyahu', 1, 'Netanyahu']]
    """
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_TABLE_COLUMNS)
    rows = []
    for (actor, atype), g in mentions.groupby(["actor", "actor_type"], sort=False):
        surfaces = list(dict.fromkeys(g["surface"]))
        genders = g["gender"].dropna()
        rows.append((actor, atype, len(g), int(g["start"].min()), "; ".join(surfaces),
                     genders.iloc[0] if len(genders) else None))
    out = pd.DataFrame(rows, columns=ACTOR_TABLE_COLUMNS)
    return out.sort_values(["mentions", "first_start"], ascending=[False, True],
                           ignore_index=True)
