"""newsresearch: take a news article apart — words, actors, framing, quotes and figures.

Every public function takes a ``str`` or an :class:`Article` and returns a tidy
``pandas.DataFrame`` whose ``start``/``end`` offsets index exactly the text passed
(``article.text`` for an Article).

The names below are imported lazily, on first use, so ``import newsresearch`` stays fast
and never imports matplotlib or Jupyter.

Examples
--------
>>> import newsresearch as nr
>>> art = nr.Article.from_text("Mr. Blinken flew to Israel. He met Mr. Netanyahu.")
>>> len(nr.split_sentences(art))
2
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0.dev0"

# public name -> module that defines it
_EXPORTS = {
    "Article": "articles",
    "ArticleError": "articles",
    "read_article": "articles",
    "as_text": "articles",
    "split_sentences": "tokens",
    "sentence_index": "tokens",
    "SentenceIndex": "tokens",
    "split_paragraphs": "tokens",
    "tokenize": "tokens",
    "word_frequencies": "tokens",
    "concordance": "tokens",
    "collocations": "tokens",
    "lexical_stats": "tokens",
    "text_quality": "tokens",
    "use_nltk_data": "tokens",
    # issue 3
    "find_actors": "actors",
    "actor_table": "actors",
    "target_polarity": "sentiment",
    "target_score": "sentiment",
    "sentiment_by_mention": "sentiment",
    "sentiment_by_actor": "sentiment",
    "target_proba": "sentiment",
    "lexicon_words": "sentiment",
    # issue 4
    "extract_quotes": "quotes",
    "quote_warnings": "quotes",
    "highlight": "charts",
    # issue 5
    "extract_figures": "figures",
    # issue 6
    "analyze": "analysis",
    "Analysis": "analysis",
    # issue 9: agreement with hand coding
    "Evaluation": "evaluate",
    "score_figures": "evaluate",
    "score_quotes": "evaluate",
    "sentiment_agreement": "evaluate",
    "polarity_agreement": "evaluate",
    "qualifier_agreement": "evaluate",
    "names_match": "evaluate",
    # issue 10
    "iter_articles": "corpus",
    "analyze_corpus": "corpus",
    "open_results": "results",
    "Results": "results",
    # issue 11: comparing coverage across articles
    "presence": "compare",
    "voice": "compare",
    "sourcing": "compare",
    "framing": "compare",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsresearch' has no attribute {name!r}")
    try:
        mod = importlib.import_module(f".{module}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module}":
            raise
        raise AttributeError(f"newsresearch.{name} is not available yet") from None
    value = getattr(mod, name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
