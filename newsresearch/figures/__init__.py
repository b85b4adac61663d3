"""Numeric figures in news text: value, unit, kind, hedge, what is counted and who vouches.

``extract_figures`` finds every figure a careful reader would list — counts, money,
percentages, physical quantities, durations, ordinals, dates and ranges — and returns one row
per figure with its normalised value and canonical unit, following the conventions of the
figures evaluation set (``../shared/data/eval/figures/README.md``): ISO 4217 currency codes,
``mm``/``lb``/``km``…, durations in ``year month week day h min``, percentage points, dates as
TIMEX-like strings (``XXXX-10-07``, ``2023-12``, ``199X``; Pustejovsky et al. 2005, *TimeML*).

Method. A rule-based grammar in the tradition of Microsoft's Recognizers-Text and quantulum3,
but written as a single left-to-right pass over a flat token list instead of large regular
expressions, so time is linear in the text and no pattern can backtrack catastrophically.
The text is cut into digit runs, letter runs and single symbols by one regex without nested
quantifiers; the scan then tries, at each token, a date, a (digit or word) number with its
scale word, currency and unit, a range, or a vague quantity ("thousands of"). Values are
computed in decimal arithmetic, so "$147.5 million" is exactly 147500000. Every word list
— number words, scale words, currencies, units, hedges, months, attribution cues, the word
classes the rules consult — is a data file in ``newsresearch/resources`` that can be read and
edited.

*What is counted* is the noun phrase right after the number (or after "in"/"of"/"for" for
money, or before "worth"); *the source* is an attribution in the same sentence: "according to
X", "X said/told/reported", "said X". Dates and ordinals never get a source: they frame the
story rather than being claims someone vouches for.

Month-day dates are completed with a year only when one is given (``year=``, or the
``Article``'s ``published`` date): with a full reference date (``YYYY-MM`` or ``YYYY-MM-DD``)
the most recent occurrence *on or before* it is chosen — "October 7" in an article of
January 2024 is 2023-10-07 — and with a bare year that year is used.

Modules, one job each: :mod:`.lexicon` (the word lists), :mod:`.scan` (tokens and the scan
state), :mod:`.grammar` (which rule to try where), :mod:`.numerals` (digits, scale words),
:mod:`.number_words` (numbers written as words),
:mod:`.units` (currencies and units), :mod:`.amounts` (a number with all around it),
:mod:`.names` (numbers inside names), :mod:`.dates`, :mod:`.ranges`, :mod:`.attribution`
(what is counted, who vouches), :mod:`.extract` (records to one DataFrame) and
:mod:`.coverage` (what the grammar covers, from its data files).
"""

from __future__ import annotations

from .coverage import grammar_coverage, word_lists
from .dates import timex_to_timestamp
from .extract import (  # figure_columns/figure_frame: the batch path of analysis
    FIGURE_COLUMNS,
    KINDS,
    extract_figures,
    figure_columns,  # noqa: F401
    figure_frame,  # noqa: F401
)

__all__ = ["extract_figures", "timex_to_timestamp", "grammar_coverage", "word_lists",
           "FIGURE_COLUMNS", "KINDS"]
