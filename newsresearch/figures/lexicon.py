"""The word lists of the figures grammar, read once from ``newsresearch/resources``.

Every editorial choice of the grammar is a data file: number words and fraction characters
(``number_words.tsv``, ``figure_fractions.tsv``), magnitude words (``scale_words.tsv``), units
(``units.tsv``), currencies (``currencies.tsv``, ``dollar_prefixes.tsv``), hedges
(``figure_qualifiers.tsv``), months (``figure_months.tsv``), attribution cues
(``figure_attribution.tsv``) and the small word classes the rules consult
(``figure_word_classes.tsv``). :func:`lexicon` reads them into one frozen :class:`Lexicon`.
Values are :class:`~decimal.Decimal` so that arithmetic on them stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..resources import table

#: digit runs, letter runs, or one other non-space character: no nesting, no backtracking
TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables over the shipped word lists (see the module docstring)."""

    nums: dict          # number word -> (Decimal value, type); plural fractions: "denominator"
    vague: dict         # "thousands" -> Decimal(1000)
    scales: dict        # "million"/"M"/"bn" -> (Decimal factor, attached, cased, money only)
    fractions: dict     # "½" -> Decimal("0.5")
    fraction_singular: dict  # "sixth" -> Decimal(6) ("one sixth", "a fifth")
    fraction_plural: dict    # "eighths" -> Decimal(8) ("three eighths")
    unit_dims: dict     # "km" -> ("length", Decimal(1000), imperial) for composite measures
    units: dict         # token trie -> (unit, kind)
    cur_suffix: dict    # token trie -> ISO code
    cur_symbols: dict   # "$" -> "USD"
    cur_prefix_words: dict  # "USD"/"Rs" -> (code, cased)
    cur_prefix_lower: dict
    dollar: dict        # "us" -> ("USD", attached)
    quals_left: dict    # reversed token trie -> code
    quals_right: dict   # token trie -> code
    date_quals: dict    # "early" -> "early", "late" -> "end"
    date_of_quals: dict  # "end" (of) -> "end", "beginning" (of) -> "start"
    months: dict
    weekdays: dict
    strong_months: frozenset
    verbs: frozenset
    according: tuple    # attribution phrases as token lists
    words: dict         # word class -> frozenset (figure_word_classes.tsv)
    multipliers: frozenset  # hundred, thousand … trillion, dozen (after "a", "several")
    big_scales: frozenset   # thousand, million, billion, trillion (scale number words)
    comma_scales: frozenset  # million-and-up scale words after a decimal comma ("3,5 mln")
    word_starts: frozenset  # every lower-case word a figure can start with (a fast filter)


def unquote(surface: str) -> str:
    """The units file writes the inch mark ``"`` as ``QUOTE`` (csv readers eat a bare one)."""
    return '"' if surface == "QUOTE" else surface


def trie(items, *, cased=frozenset(), reverse: bool = False) -> dict:
    """Token trie: surfaces are cut with :data:`TOKEN`; the ``None`` key holds the payload."""
    root: dict = {}
    for surface, payload in items:
        toks = TOKEN.findall(surface)
        if surface not in cased:
            toks = [t.lower() for t in toks]
        if reverse:
            toks = toks[::-1]
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node[None] = (payload, surface in cased, len(toks))
    return root


def _word_classes() -> dict:
    words = {r["class"]: frozenset(r["words"].split()) for r in table("figure_word_classes.tsv")}
    words["counted_end"] = words["function"] | words["counted_stop"]  # derived, for speed
    return words


def _currencies() -> dict:
    rows = table("currencies.tsv")
    cased = {r["surface"] for r in rows if r["cased"] == "1"}
    suffix = trie(((r["surface"], r["code"]) for r in rows
                   if r["position"] in ("suffix", "both")), cased=cased)
    prefix_words, symbols = {}, {}
    for r in rows:
        if r["position"] not in ("prefix", "both"):
            continue
        if TOKEN.fullmatch(r["surface"]) and not r["surface"][0].isalnum():
            symbols[r["surface"]] = r["code"]
        else:
            prefix_words[r["surface"]] = (r["code"], r["cased"] == "1")
    return {"cur_suffix": suffix, "cur_symbols": symbols, "cur_prefix_words": prefix_words,
            "cur_prefix_lower": {k.lower(): v for k, v in prefix_words.items() if not v[1]},
            "dollar": {r["prefix"]: (r["code"], r["attached"] == "1")
                       for r in table("dollar_prefixes.tsv")}}


def _qualifiers() -> dict:
    rows = table("figure_qualifiers.tsv")
    return {"quals_left": trie(((r["phrase"], r["code"]) for r in rows if r["side"] == "left"),
                               reverse=True),
            "quals_right": trie((r["phrase"], r["code"]) for r in rows if r["side"] == "right"),
            "date_quals": {r["phrase"]: r["code"] for r in rows if r["side"] == "date"},
            "date_of_quals": {r["phrase"]: r["code"] for r in rows if r["side"] == "date_of"}}


def _calendar() -> dict:
    months, weekdays, strong = {}, {}, set()
    for r in table("figure_months.tsv"):
        (months if r["type"] == "month" else weekdays)[r["name"]] = int(r["number"])
        if r["strong"] == "1":
            strong.add(r["name"])
    return {"months": months, "weekdays": weekdays, "strong_months": frozenset(strong)}


def _numbers() -> dict:
    nums, vague = {}, {}
    for r in table("number_words.tsv"):
        if r["type"] == "vague":
            vague[r["word"]] = Decimal(r["value"])
        else:
            nums[r["word"]] = (Decimal(r["value"]), r["type"])
    scales = {}
    for r in table("scale_words.tsv"):
        key = r["word"] if r["cased"] == "1" else r["word"].lower()
        scales[key] = (Decimal(r["factor"]), r["attached"] == "1", r["cased"] == "1",
                       r["money"] == "1")
    comma_scales = frozenset(k for k, (f, attached, _, _) in scales.items()
                             if f >= 1_000_000 and len(k) > 1 and not attached)
    rows = table("figure_fractions.tsv")
    fractions = {r["surface"]: Decimal(r["numerator"]) / Decimal(r["denominator"])
                 for r in rows if r["type"] == "symbol"}
    singular = {r["surface"]: Decimal(r["denominator"]) for r in rows if r["type"] == "singular"}
    plural = {r["surface"]: Decimal(r["denominator"]) for r in rows if r["type"] == "plural"}
    for w, den in plural.items():
        nums.setdefault(w, (den, "denominator"))
    units = [w for w, (v, t) in nums.items() if t == "unit" and 0 < v < 10]
    tens = [w for w, (_, t) in nums.items() if t == "tens"]
    for t in tens:  # run together: "twentyone", "thirtyseven"
        for u in units:
            nums.setdefault(t + u, (nums[t][0] + nums[u][0], "unit"))
    return {"nums": nums, "vague": vague, "scales": scales, "fractions": fractions,
            "comma_scales": comma_scales, "fraction_singular": singular,
            "fraction_plural": plural,
            "multipliers": frozenset(w for w, (_, t) in nums.items()
                                     if t in ("hundred", "scale", "dozen")),
            "big_scales": frozenset(w for w, (_, t) in nums.items() if t == "scale")}


# words the grammar itself starts a figure with ("a week", "half of", "minus five", "u . s . $")
_GRAMMAR_STARTS = ("a", "an", "half", "one", "quarter", "point", "u")


@cache
def lexicon() -> Lexicon:
    """Read the shipped word lists once into lookup tables.

    Examples
    --------
    >>> lex = lexicon()
    >>> lex.nums["twenty"], lex.scales["bn"][0], lex.cur_symbols["£"]
    ((Decimal('20'), 'tens'), Decimal('1000000000'), 'GBP')
    """
    units = table("units.tsv")
    dims = {r["unit"]: (r["dimension"], Decimal(r["factor"]), r["system"] == "imperial")
            for r in table("unit_dimensions.tsv")}
    attribution = table("figure_attribution.tsv")
    parts = {"words": _word_classes(), **_numbers(), **_currencies(), **_qualifiers(),
             **_calendar()}
    starts = set(_GRAMMAR_STARTS) | parts["words"]["vague_few"] | parts["words"]["minus"]
    for name in ("nums", "vague", "months", "weekdays", "dollar", "cur_prefix_words"):
        starts.update(k.lower() for k in parts[name])
    return Lexicon(
        units=trie(((unquote(r["surface"]), (r["unit"], r["kind"])) for r in units),
                   cased={r["surface"] for r in units if r["cased"] == "1"}),
        verbs=frozenset(r["word"] for r in attribution if r["type"] == "verb"),
        according=tuple(r["word"].split() for r in attribution if r["type"] == "phrase"),
        word_starts=frozenset(starts), unit_dims=dims, **parts)
