"""Agreement with hand coding: one place that scores our output against a careful reader.

Every scorer returns an :class:`Evaluation`: the per-item ``outcomes`` (a DataFrame saying,
for every gold and every predicted item, what happened to it and why) plus the headline
numbers with their denominators — precision, recall and F1 with ``tp``, ``fp``, ``fn``, or an
agreement rate with its ``n``.

* **Figures** (:func:`score_figures`) — the self-check of the figures evaluation set
  (``../shared/data/eval/figures/README.md``): one-to-one matching within a case at three
  levels (*span*, *value*, *value+unit*), the ``scope`` rule, optional gold figures, and
  qualifier accuracy on the matched figures (:func:`qualifier_agreement`).
* **Quotes** (:func:`score_quotes`) — the PolNeAR protocol of
  ``../shared/data/eval/quotes/README.md``: a predicted quote matches a gold one when their
  overlap is at least half the shorter span; the speaker is right when the predicted speaker
  span overlaps the gold source span or the names match (:func:`names_match`). Predictions
  matching only gold quotes of a kind not scored are neutral; rows the extractor types
  ``label`` are no quotes. A row without a speaker is a wrong prediction and its gold quote
  stays unfound — the headline; ``count_unattributed=False`` gives the lenient number beside it.
* **Sentiment** (:func:`sentiment_agreement`) — agreement of the target-aware model, sentence
  VADER and sentence TextBlob with hand labels of actor mentions, next to the majority-class
  baseline; :func:`polarity_agreement` for labels already predicted (with macro-F1).

The gold data is read from the paths given (``read_*`` functions); nothing here embeds it.
"""

from __future__ import annotations

from .figures import (
    qualifier_agreement,
    read_figure_annotations,
    read_figure_cases,
    score_figures,
)
from .quotes import (
    names_match,
    read_antecedents,
    read_quote_annotations,
    read_quote_records,
    records_from_annotations,
    records_from_attributions,
    score_quotes,
)
from .result import Evaluation, summarize
from .sentiment import polarity_agreement, sentiment_agreement

__all__ = [
    "Evaluation",
    "summarize",
    "score_figures",
    "qualifier_agreement",
    "read_figure_cases",
    "read_figure_annotations",
    "score_quotes",
    "names_match",
    "read_quote_records",
    "read_quote_annotations",
    "records_from_annotations",
    "records_from_attributions",
    "read_antecedents",
    "sentiment_agreement",
    "polarity_agreement",
]

