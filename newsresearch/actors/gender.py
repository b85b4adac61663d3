"""The ``gender`` column: every signal the text gives about a person, never a guess from nothing.

For each person actor, the first of these that says a gender decides:

1. **titles** written with the name ("Mrs. Clinton", "spokeswoman Jane Doe", "Elgindy, a
   spokesman") — the majority of them;
2. the **gazetteer**'s gender for a known person (or your alias table's);
3. **role and kinship nouns** right before the name or in an apposition after it ("his wife
   Mary Smith", "actress Jane Doe", "Azmat Begg, father of …", "Jane Doe, a mother of three";
   ``actors_gender_words.csv``) — the majority, none on a tie;
4. the **pronouns** the text uses for the person after naming them (below), and the **given
   name** as one more vote — the majority, none on a tie. The given name
   (the first word before the surname that a list knows: "Wall Streeter Charlotte Beyer") is
   looked up in your ``names=`` list, else ``actors_given_names.csv`` (public name
   statistics; a name whose gender is not clear is listed as unknown and votes for neither),
   else ``actors_first_names.csv``.

Otherwise the gender is None. The given name is only a vote because pronouns are the text's
own word for the person ("Lindsey Graham … he … he") and a name is a statistic about other
people so named; one pronoun against the name ("Carole Walker said … he") leaves it unknown.

Pronoun rule
    A pronoun ("he", "she"; "his", "himself", "herself", and "her" before a noun — not
    "told her the news"; never inside quotation marks, “…”, "…" or ''…'') is linked to a
    person when that person is the **only candidate**: the only actor mentioned in the
    pronoun's sentence before it, for the first pronoun of any kind after that mention
    ("Freeland said she", but not "Smith told her she"; half a vote when more than two words
    stand between: "Walker said the timing hurt his efforts … he"), or — for the first
    pronoun of a sentence with no person mention before it — the only actor mentioned in the
    nearest of the two preceding sentences that mentions anyone ("Cecil Foster spoke. … He
    said"). No link when another person is a candidate, or when a gendered noun ("his wife",
    "a woman") stands between the name and the pronoun and may be what the pronoun means.
    A possessive or reflexive is half a vote, and none when it opens an apposition
    ("Condoleezza Rice, his adviser") or follows a title or role word that may be its owner
    ("Lee met the minister and his wife"; an apposition of the person itself, ", a lawyer,",
    does not count).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

import pandas as pd

from ..resources import read_text, table
from .aliases import _read_user_table
from .lexicon import _alternation, _Lexicon
from .names import _given, _surname
from .patterns import _PRONOUN

NAME_COLUMNS = ["name", "gender"]
_GENDERS = ("male", "female", "unknown", "")
# a word after "her" that makes it an object, not a possessive ("told her the news")
_NOT_OWNED = ("the|a|an|to|that|this|these|those|and|or|but|in|on|at|for|with|of|about|as|"
              "from|by|into|up|down|out|off|back|over|if|when|not|it|what|how|why|some|any|"
              "no|all|his|their|my|our|your|its|is|was|be|been|would|will|could|should|can|"
              "may|might|has|had|have|do|did|so|than|then|there|here|because|after|before|"
              "while|until|since|through|again|too|very|last|first|once|twice|either|neither|"
              "he|she|they|we|i|you|him|her|them|us|me|who|whom|which|where|whether")
# subject pronouns (groups 1, 2), possessive and reflexive ones (3, 4): "he", "she", "his",
# "himself", "herself", "her" before a noun; the look-ahead for a first letter makes the
# one pattern faster than the subject pronouns alone
_ANY_PRONOUN = re.compile(
    rf"(?<![\w’'-])(?=[hHsS])(?:(he|He|HE)(?![\w-])|(she|She|SHE)(?![\w-])|"
    rf"(his|His|himself)(?![\w’'-])|(herself|(?:her|Her)(?=[ \t]+(?!(?:{_NOT_OWNED})\b)"
    rf"[a-z]))(?![\w’'-]))")
_APPOSITION = re.compile(r"[ \t]*,[^,.;:!?“”\"]{1,60},")
_BETWEEN_PRONOUN = re.compile(r"(?i)(?<![\w’'-])(?:he|she|his|her|him|himself|herself)(?![\w’'-])")
_QUOTE_MARK = re.compile(r"[“”\"]|''")


# --------------------------------------------------------------------------- name lists


def read_names(names) -> pd.DataFrame:
    """Read and check a user list of given names and their gender: a CSV path or a DataFrame.

    Parameters
    ----------
    names : str, Path or DataFrame
        Columns ``name, gender``; ``gender`` one of ``male``, ``female`` or ``unknown`` (or
        empty: unknown). Lines starting with ``#`` are comments. Case and accents of
        ``name`` do not matter ("José" = "jose").

    Returns
    -------
    DataFrame
        ``name, gender`` as strings, ``gender`` lower case ("" for unknown).

    Raises
    ------
    ValueError
        One line naming the file (or "name list") and what is wrong: missing columns, an
        unknown gender, an unreadable file.

    Examples
    --------
    >>> df = pd.DataFrame({"name": ["Andrea", "Chrystia"], "gender": ["male", "female"]})
    >>> read_names(df).values.tolist()
    [['Andrea', 'male'], ['Chrystia', 'female']]
    """
    df, label = _read_user_table(names, "names", "name list", "name file")
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in NAME_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{label} is missing column(s) {', '.join(missing)}; expected columns "
                         f"name, gender (found: {', '.join(map(str, df.columns)) or 'none'})")
    df = df[NAME_COLUMNS].fillna("").astype(str)
    df["name"] = df["name"].str.strip()
    df["gender"] = df["gender"].str.strip().str.lower()
    df = df[df["name"] != ""]
    bad = sorted(set(df["gender"]) - set(_GENDERS))
    if bad:
        raise ValueError(f"{label}: unknown gender {', '.join(map(repr, bad))}; use male, "
                         f"female or unknown")
    df.loc[df["gender"] == "unknown", "gender"] = ""
    return df.reset_index(drop=True)


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    """Lower case without accents: "José" -> "jose"."""
    low = name.lower()
    if low.isascii():
        return low
    return "".join(ch for ch in unicodedata.normalize("NFKD", low)
                   if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _shipped_names() -> dict[str, str]:
    """Folded given name -> "male"/"female"/"" (unknown): the statistics, then the curated
    list for names the statistics lack."""
    out = {}
    # 80,000 plain "name,gender" lines: split them directly (a csv reader takes ~1 s)
    for line in read_text("actors_given_names.csv").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition(",")
            out[name] = "" if gender == "unknown" else gender
    out.pop("name", None)  # the header
    for r in table("actors_first_names.csv", delimiter=","):
        out.setdefault(_fold(r["name"]), r["gender"])
    return out


def _names_for(names) -> dict[str, str]:
    if names is None:
        return _shipped_names()
    user = read_names(names)
    return _cached_user_names(tuple(map(tuple, user.values.tolist())))


@lru_cache(maxsize=8)
def _cached_user_names(rows: tuple) -> dict[str, str]:
    out = dict(_shipped_names())
    out.update((_fold(n), g) for n, g in rows)
    return out


def _name_gender(actor: str, genders: dict[str, str]) -> str:
    """The gender the given name of a full-name actor says ("" when none or ambiguous).

    The given name is the first word before the surname that the lists know, so a word no
    list has does not hide it ("Streeter Charlotte Beyer", "Hazrat Omar Zakhilwal"); a listed
    ambiguous name decides too (unknown).
    """
    if " " not in actor:
        return ""
    first = _given(actor) or actor.split()[0]
    words = actor.replace(",", " ").split()
    n_before = len(words) - len(_surname(actor).split())
    if words and words[0] == first and n_before > 1:
        tries = words[:n_before]  # "Streeter Charlotte Beyer": Streeter, then Charlotte
    else:
        tries = [first]
    for word in tries:
        if len(word) == 2 and word.endswith("."):
            continue  # an initial
        given = _fold(word)
        g = genders.get(given)
        if g is None and "-" in given:
            g = genders.get(given.split("-")[0])  # "Mary-Kate" -> "mary"
        if g is not None:
            return g
    return ""


# --------------------------------------------------------------------------- nouns


@lru_cache(maxsize=1)
def _noun_patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """Gender nouns, and the patterns of one right before a name and in an apposition."""
    nouns = {r["word"]: r["gender"] for r in table("actors_gender_words.csv", delimiter=",")
             if r["kind"] == "noun"}
    alt = _alternation(nouns)
    before = re.compile(rf"(?<![\w’'-])(?P<w>{alt})[ \t]*,?[ \t]+$")
    # ", a mother of three", ", the Tory spokeswoman", ", Smith's wife" — up to three words
    # between, none of which starts a clause of its own ("whose wife", "and his wife")
    gap = (r"(?!(?:who|whose|which|and|or|but|with|of|for|to|in|on|at|by|from|said|says|"
           r"told|than|as|like)\b)[\w’'.-]+[ \t]+")
    after = re.compile(
        rf"[ \t]*,[ \t]+(?:(?:a|an|the|his|her|their|its|our|my|[A-Z][\w.-]*[’']s)[ \t]+)?"
        rf"(?:{gap}){{0,3}}?(?P<w>{alt})(?![\w’'-])")
    return nouns, before, after


def _noun_votes(text: str, persons: list[tuple]) -> dict[str, dict[str, int]]:
    """Actor -> gender votes from gender nouns next to its mentions."""
    nouns, before, after = _noun_patterns()
    votes: dict[str, dict[str, int]] = {}
    for ext_start, _start, end, actor in persons:
        for m in (before.search(text, max(0, ext_start - 40), ext_start),
                  after.match(text, end)):
            if m is not None:
                v = votes.setdefault(actor, {})
                g = nouns[m.group("w")]
                v[g] = v.get(g, 0) + 1
    return votes


# --------------------------------------------------------------------------- pronouns


def _quoted_spans(text: str, index) -> list[tuple[int, int]]:
    """Spans inside double quotation marks, per paragraph (an unclosed quote runs to the end
    of its paragraph, as a quote continued in the next paragraph does)."""
    spans = []
    for ps, pe in index.paragraphs or [(0, len(text))]:
        opened = None
        for m in _QUOTE_MARK.finditer(text, ps, pe):
            mark = m.group()
            if opened is None and mark != "”":
                opened = m.end()
            elif opened is not None and mark != "“":
                spans.append((opened, m.start()))
                opened = None
        if opened is not None:
            spans.append((opened, pe))
    return spans


def _pronoun_votes(text: str, index, persons: list[tuple]) -> dict[str, dict[str, float]]:
    """Actor -> gender votes from the pronouns that the pronoun rule links to it."""
    if not persons or not len(index):
        return {}
    noun_rx, person_rx = _gender_noun_rx(), _person_noun_rx()
    quoted = _quoted_spans(text, index)
    q_starts = [s for s, _ in quoted]
    starts = [p[1] for p in persons]
    votes: dict[str, dict[str, float]] = {}
    first_in: set[int] = set()  # sentences whose first pronoun was seen
    for m in _ANY_PRONOUN.finditer(text):
        pos = m.start()
        i = bisect_left(q_starts, pos + 1) - 1
        if i >= 0 and quoted[i][0] <= pos < quoted[i][1]:
            continue  # "“He is wrong,” she said": the quoted "He" is someone else
        sid = index.sentence_at(pos)
        first = sid not in first_in
        first_in.add(sid)
        cand = _candidate(text, index, persons, starts, sid, pos, first)
        if cand is None:
            continue
        actor, last_end, weight = cand
        if noun_rx.search(text, last_end, pos):
            continue  # "Smith's wife said she": the noun may be the antecedent
        owner = m.group(1) is None and m.group(2) is None
        if owner:
            appos = _APPOSITION.match(text, last_end, pos)  # ", a lawyer," is the person
            if not text[last_end:pos].strip(" \t,") or person_rx.search(
                    text, appos.end() if appos else last_end, pos):
                # "Condoleezza Rice, his adviser": an apposition's possessive is another's;
                continue  # "Lee met the minister and his wife": "his" may be the minister's
            weight = 0.5  # "his", "her" and "himself" refer to others more often than "he"
        v = votes.setdefault(actor, {})
        g = "male" if m.group(1) or m.group(3) else "female"
        v[g] = v.get(g, 0) + weight
    return votes


@lru_cache(maxsize=1)
def _gender_noun_rx() -> re.Pattern:
    nouns, _, _ = _noun_patterns()
    return re.compile(rf"(?<![\w’'-])(?:{_alternation(nouns)})(?![\w’'-])")


@lru_cache(maxsize=1)
def _person_noun_rx() -> re.Pattern:
    """Any word of a title or role ("minister", "official", "President"), any case: an
    unnamed person a possessive may belong to."""
    words = {w.lower() for r in table("actors_titles.csv", delimiter=",")
             for w in r["title"].split() if len(w) > 3 and w.lower() != "former"}
    return re.compile(rf"(?i)(?<![\w’'-])(?:{_alternation(words)})s?(?![\w’'-])")


def _candidate(text, index, persons, starts, sid: int, pos: int, first: bool):
    """``(actor, end of its last mention, weight)`` when one person is the only candidate."""
    lo = bisect_left(starts, index.starts[sid])
    hi = bisect_left(starts, pos)
    weight = 1.0
    if hi > lo:  # mentions in the pronoun's own sentence, before it: its first pronoun after
        group = persons[lo:hi]
        if _BETWEEN_PRONOUN.search(text, group[-1][2], pos):
            return None  # "Smith told her she": the first pronoun after the name decides
        m = _PRONOUN.match(text, group[-1][2])
        if m is None or m.start(1 if m.group(1) else 2) != pos:
            weight = 0.5  # further into the sentence ("Walker said the timing … he is")
    elif first:
        group = []
        for back in (1, 2):  # the nearest of the two preceding sentences with a mention
            if sid - back < 0:
                break
            a = bisect_left(starts, index.starts[sid - back])
            b = bisect_left(starts, index.starts[sid - back + 1])
            if b > a:
                group = persons[a:b]
                break
    else:
        return None
    actors = {p[3] for p in group}
    if len(actors) != 1:
        return None
    return group[-1][3], group[-1][2], weight


# --------------------------------------------------------------------------- all together


def _majority(votes: dict[str, float] | None) -> str:
    if not votes:
        return ""
    best = max(votes.values())
    top = [g for g, n in votes.items() if n == best]
    return top[0] if len(top) == 1 else ""


def _person_genders(text: str, index, persons: list[tuple], titled: dict[str, str],
                    lex: _Lexicon, names=None) -> dict[str, str | None]:
    """Actor -> gender for every person actor of ``persons``.

    ``persons`` are the kept person mentions ``(ext_start, start, end, actor)`` in text order;
    ``titled`` the gender that titles give an actor (step 1 of the module docstring).
    """
    genders = _names_for(names)
    nouns = _noun_votes(text, persons)
    pronouns = _pronoun_votes(text, index, persons)
    out: dict[str, str | None] = {}
    for actor in dict.fromkeys(p[3] for p in persons):
        g = titled.get(actor) or lex.person_gender.get(actor) or _majority(nouns.get(actor))
        if not g:
            # the pronouns and the given name together: the name is one vote more
            v = dict(pronouns.get(actor) or {})
            name = _name_gender(actor, genders)
            if name:
                v[name] = v.get(name, 0) + 1
            g = _majority(v)
        out[actor] = g or None
    return out
