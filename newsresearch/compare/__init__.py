"""Compare coverage across many articles: who is present, who speaks, sourcing, framing.

Each function takes a corpus run (:func:`~newsresearch.results.open_results`), a list of
:class:`~newsresearch.analysis.Analysis`, or a dict of their tables, and returns a tidy
DataFrame with one row per group (``by=``: an ``articles`` column, ``"year"``/``"month"`` of
``published``, or a function of an article row) and item, in the columns

``[by], item column(s), measure, n_articles, numerator, denominator, estimate, ci_low, ci_high``

* :func:`presence` — each actor's (or actor type's) share of mentions and of articles;
* :func:`voice` — shares of quotes per speaker, ``source_type`` or speaker gender (women's
  share among quotes with a known gender, the unknown share beside it), and
  voice-vs-presence ratios;
* :func:`sourcing` — anonymous and document sources, claim figures with a source;
* :func:`framing` — mean sentiment toward each actor with enough mentions.

A share is a ratio of two sums over the articles of a group, given with both sums. Its 95 %
interval is a percentile **bootstrap over articles** (:mod:`~newsresearch.compare.bootstrap`):
articles are drawn with replacement within each group and the ratio recomputed — never a
resample of quotes or mentions, which within one article are not independent. A group with a
zero denominator keeps its row, with estimate and interval NaN.
"""

from .bootstrap import boot_weights, nan_quantiles, ratio_arrays
from .framing import SCORES, TOO_FEW, framing
from .measures import GENDERS, NO_SPEAKER, VOICE_LEVELS, presence, sourcing, speaker_genders, voice
from .shares import OUTPUT_COLUMNS
from .tables import article_groups, corpus_tables

__all__ = ["presence", "voice", "sourcing", "framing", "speaker_genders", "article_groups",
           "corpus_tables", "boot_weights", "ratio_arrays", "nan_quantiles", "OUTPUT_COLUMNS", "NO_SPEAKER",
           "GENDERS", "VOICE_LEVELS", "TOO_FEW", "SCORES"]
