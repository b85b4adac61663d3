"""Sentiment toward actors: per target span, per actor mention and per actor.

Three methods are reported side by side:

* **VADER** — the compound score of the sentence, from the ``vaderSentiment`` package
  (Hutto & Gilbert 2014), which ships its own lexicon. (NLTK's copy of VADER scores some
  sentences differently; we use the package.) Labels use the authors' ±0.05 thresholds.
* **TextBlob** — the polarity of the sentence from TextBlob's bundled *pattern* lexicon
  (De Smedt & Daelemans 2012). Labels: > 0 positive, < 0 negative.
* **target** — our target-aware method. A sentence-level score gives a victim and its
  attacker the same mood ("the army killed 22,000 Palestinians"); the target-aware method
  scores the sentiment *toward* the span. Each sentence is tokenised and scored against both
  lexicons once (cached per sentence); from those arrays we derive, for the target span,
  valence sums in windows of 3 and 8 tokens, to the left and right, distance-weighted
  (1/d), inside the target's clause (split at , ; : — ( ) ? ! quote marks and *but/
  while/although/though/whereas/however/yet*) and in the whole sentence, with the target's own words excluded
  and negators ("not", "never", "n't" … within three tokens before a word) flipping the
  word's valence as VADER does (×−0.74); whether the target is the **speaker** ("X said",
  "said X", "according to X") or inside a quotation; and the **words of a window around
  the target** with the target masked as ``<t>`` (unigrams and bigrams, e.g. ``"<t> said"``,
  ``"killed <t>"``). A multinomial logistic regression over these features was fitted on
  the NewsMTSC training split (Hamborg & Donnay 2021, EACL) by
  ``benchmarks/train_sentiment.py``, with window size and regularisation chosen by
  cross-validation on the training split; each window word is scaled by its largest
  per-class naive-Bayes log-count ratio (NB weighting, Wang & Manning 2012), and small
  per-class offsets chosen on out-of-fold predictions shift the intercepts. Both are baked
  into the shipped weights, ``resources/sentiment_model.json.gz``, so inference is one linear
  model and needs only numpy.
  ``target_score`` is P(positive) − P(negative); ``target_polarity`` is the most probable
  class.

References: C. J. Hutto and E. Gilbert (2014), *VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text*, ICWSM. F. Hamborg and K. Donnay (2021), *NewsMTSC:
A Dataset for (Multi-)Target-dependent Sentiment Classification in Political News Articles*,
EACL. S. Wang and C. D. Manning (2012), *Baselines and Bigrams: Simple, Good Sentiment and
Topic Classification*, ACL.

The package is split by job: :mod:`.lexicons` (the word lists, VADER and TextBlob valences per
sentence), :mod:`.features` (what the model sees around a target), :mod:`.model` (the shipped
weights and the per-target functions) and :mod:`.mentions` (per mention, per actor, and the
words the lexicons see).
"""

# Also re-exported: the names the batch path (pipeline, analysis), evaluate and
# benchmarks/train_sentiment.py use.
from .features import DENSE_NAMES, _features  # noqa: F401
from .lexicons import LEXICON_COLUMNS, _sentence, lexicon_words  # noqa: F401
from .mentions import (  # noqa: F401
    ACTOR_COLUMNS,
    ACTOR_SENTIMENT_COLUMNS,
    MENTION_SENTIMENT_COLUMNS,
    _labels,
    actor_sentiment_rows,
    mention_frame,
    mention_scores,
    sentiment_by_actor,
    sentiment_by_mention,
)
from .model import (  # noqa: F401
    CLASSES,
    LABELS,
    METHODS,
    MODEL_FILE,
    target_polarity,
    target_proba,
    target_score,
)

__all__ = [
    "target_polarity",
    "target_score",
    "target_proba",
    "lexicon_words",
    "sentiment_by_mention",
    "sentiment_by_actor",
    "MENTION_SENTIMENT_COLUMNS",
    "ACTOR_SENTIMENT_COLUMNS",
    "LEXICON_COLUMNS",
]
