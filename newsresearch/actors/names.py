"""Name words: cutting a candidate name to its name words, surnames and given names.

Also the public helpers for a speaker phrase that is no mention: :func:`strip_title` and
:func:`title_gender`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import table
from .lexicon import _alternation, _english_words, _Lexicon
from .patterns import _NAME_TOKEN, _PARTICLE, _SYLLABLES_RX, _UP, _sentence_initial


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
        keep = _keep_before_surname(text, toks, lex)
        if keep is None:
            return None
    else:
        keep = _keep_after_title(text, toks, lex, after_honorific)
    while keep and len(text[keep[0][0]:keep[0][1]]) == 2 and text[keep[0][1] - 1] == ".":
        keep.pop(0)  # a name does not start with a lone initial here
    while keep and (text[keep[-1][0]:keep[-1][1]].endswith(".")
                    and not text[keep[-1][0]:keep[-1][1]].startswith("Jr")):
        keep.pop()  # nor end with one
    if not keep:
        return None
    return keep[0][0], keep[-1][1]


def _keep_before_surname(text: str, toks: list, lex: _Lexicon) -> list | None:
    """The name tokens of a candidate read from its end (None when its last word is no name)."""
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
    return keep


def _keep_after_title(text: str, toks: list, lex: _Lexicon, after_honorific: bool) -> list:
    """The name tokens of a candidate read from its start, up to the first non-name word."""
    keep = []
    for ts, te in toks:
        t = text[ts:te]
        if t.startswith("Jr") and keep:
            keep.append((ts, te))
            break
        if not _ok_name_token(t, lex):
            # a title word that is also a family name, as the last word after a given
            # name ("Mr. Charlie King") or alone after an honorific ("Mr. King")
            if (ts, te) == toks[-1] and t in lex.title_surnames and (keep or after_honorific):
                keep.append((ts, te))
            break
        keep.append((ts, te))
    return keep


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


# --------------------------------------------------------------------------- public helpers

# abbreviated titles that strip_title removes although find_actors does not take them as
# evidence of a person (they would also start "Del Toro", "Maj. League" …)
_MORE_ABBREVIATIONS = ("Amb", "Cmdr", "Del", "Maj", "Pres", "Supt")
_ARTICLE = r"(?:(?:the|The|a|A|an|An)[ \t]+)?"


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    """Lower-case title, role noun or pronoun -> "male"/"female" (gendered ones only)."""
    out = {r["word"].lower(): r["gender"]
           for r in table("actors_gender_words.csv", delimiter=",") if r["gender"]}
    for r in table("actors_titles.csv", delimiter=","):
        if r["gender"]:
            out[r["title"].lower()] = r["gender"]
    return out


@lru_cache(maxsize=1)
def _title_prefix() -> re.Pattern:
    titles = table("actors_titles.csv", delimiter=",")
    honor = [r["title"] for r in titles if r["kind"] == "honorific"]
    honor += list(_MORE_ABBREVIATIONS)
    roles = {r["title"] for r in titles if r["kind"] == "role"}
    roles = [v for r in roles for v in (r[0].upper() + r[1:], r[0].lower() + r[1:])]
    # an honorific before any word; a role only before a capitalised one ("spokesman for …"
    # keeps its role)
    return re.compile(rf"{_ARTICLE}(?:(?:{_alternation(honor)})\.?[ \t]+|"
                      rf"(?:{_alternation(roles)})[ \t]+(?=[{_UP}]))")


def strip_title(name: str) -> str:
    """Return a person's name without a leading title or role and without a possessive.

    Parameters
    ----------
    name : str
        A speaker phrase such as "Mr. Blinken's" or "the Rev. Al Sharpton".

    Returns
    -------
    str
        The phrase with a final "'s"/"’s", a leading article and the titles and roles of
        ``actors_titles.csv`` before the name removed (several: "Deputy Prime Minister Dr.
        X" gives "X"); a title alone is returned as it is.

    Examples
    --------
    >>> strip_title("Mr. Blinken’s"), strip_title("the Rev. Al Sharpton")
    ('Blinken', 'Al Sharpton')
    >>> strip_title("spokeswoman Jane Doe"), strip_title("spokeswoman for the ministry")
    ('Jane Doe', 'spokeswoman for the ministry')
    """
    out = re.sub(r"[’']s$", "", name.strip())
    rx = _title_prefix()
    while (m := rx.match(out)) is not None and m.end() < len(out):
        out = out[m.end():]
    return out.strip()


def title_gender(title: str) -> str | None:
    """Return the gender that a title, role or kinship noun, or a personal pronoun says.

    Parameters
    ----------
    title : str
        "Mrs.", "Ms", "Lady", "spokeswoman", "his mother", "former chairwoman", "she" …

    Returns
    -------
    str or None
        ``"male"`` or ``"female"`` from ``actors_titles.csv`` and
        ``actors_gender_words.csv``, looked up as written (case and a final period
        ignored), then without leading words ("former", "his"), so the last word decides
        ("White House spokeswoman"); None when the words do not say it ("President",
        "Dr.").

    Examples
    --------
    >>> title_gender("Mrs."), title_gender("White House spokeswoman"), title_gender("Dr.")
    ('female', 'female', None)
    """
    words = [w.strip(".,") for w in title.lower().split()]
    words = [w for w in words if w]
    genders = _gender_words()
    while words:
        g = genders.get(" ".join(words))
        if g:
            return g
        words.pop(0)
    return None
