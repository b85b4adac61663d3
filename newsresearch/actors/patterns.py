"""Regular expressions and cheap text checks shared by the actor finders.

Name shapes ("Antony J. Blinken", "Saleh al-Arouri", "Ban Ki-moon"), organisation heads and
tails ("Ministry of …", "… Institute"), headline and sentence-start checks. No word lists
here: those are data files read by :mod:`newsresearch.actors.lexicon`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
# a reporting verb after a name ("Shadman says", "Habbema said")
_SPEECH_AFTER = (r"(?:said|says|told|tells|added|adds|asked|asks|explained|explains|noted|"
                 r"notes|argued|argues|wrote|writes|insisted|insists|warned|warns|recalled|"
                 r"recalls|replied|replies|stated|continued|continues)")
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
_SAYS_AFTER = re.compile(rf"[ \t]+{_SPEECH_AFTER}(?![\w-])")  # after a name word
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
# up to two name parts after a given name ("Murilo Rubens Habbema")
_AFTER_GIVEN_2 = re.compile(rf"(?:[ \t]+{_INITIAL})*[ \t]+{_NAMEPART}(?:[ \t]+{_NAMEPART})?"
                            rf"(?![\w-])")
_NAME_BEFORE = re.compile(rf"(?<![\w.-]){_NAME}$")
_NOT_PERSON_END = ("County|City|Street|Avenue|Road|River|Island|Islands|Springs|Beach|Valley|"
                   "Bay|Square|Lake|Mountains|College|School|Hospital|Stadium|Airport|Station|"
                   "Prize|Awards?|Cup|Festival|Act|Show|Amendment|Force|Forces")
_ORG_END = re.compile(rf"\b(?:{_ORG_TAILS}|{_ORG_HEADS}|{_NOT_PERSON_END})$")

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


# what makes a lone given name part of a longer name: a capitalised word, initial, particle
# or quoted nickname after it ("Hillary Duff", "Lena deCasparis", 'George "Jay" Keyworth'),
# "and" + a name ("David and Charles Koch"), or a capitalised word before it ("Mullah Omar")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+(?:{_INITIAL}[ \t]+)*(?:and[ \t]+)?(?:[\"“‘']+)?"
                             rf"(?:[{_UP}]|[{_LOW}]+[{_UP}]|{_PARTICLE}[ \t-])")
_CAP_BEFORE = re.compile(rf"(?<![\w’'.-])([{_UP}][\w’'.-]*)[ \t]+$")

# a subject pronoun one or two words after a mention ("Cruz said he"); a mention opening
# its sentence (at most three words before it)
_PRONOUN = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){1,2}?(?:that[ \t]+)?(?:(he)|(she))\b")
_SUBJECT = re.compile(r"(?:^|[.!?\n][\"'“‘”’)\s]*)(?:[\w’'.,-]+[ \t]+){0,3}$")

# words that open a capitalised organisation candidate but are not part of it
_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                      "February March April May June July August September October November "
                      "December".split())
