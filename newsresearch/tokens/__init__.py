"""Sentences, tokens, vocabulary, keywords in context, collocations and text-quality flags.

Sentences are found with NLTK's Punkt algorithm (Kiss & Strunk 2006) run with *our own*
parameters — an abbreviation list shipped in ``resources/nltk_data/tokenizers/punkt_tab`` —
so nothing is downloaded and no pickle is loaded. Paragraphs (blank-line separated) are split
first; a Punkt break followed by a lower-case word is undone, because in scraped and
machine-translated news that is almost always a damaged fragment ("destroyed. attacked."), not
a new sentence. Words are found with NLTK's ``NLTKWordTokenizer`` (an improved Treebank
tokenizer) on each sentence, with curly apostrophes read as straight ones.

Every function takes a ``str`` or an :class:`~newsresearch.articles.Article`; offsets index
exactly that string (``article.text`` for an Article), so ``text[start:end]`` is the surface.

The package is split by job: :mod:`.sentences` (paragraphs, Punkt, the :class:`SentenceIndex`),
:mod:`.treebank` (word spans by NLTK's Treebank rules), :mod:`.words` (token tables, vocabulary,
keywords in context, collocations, lexical statistics) and :mod:`.quality` (text-quality flags).
"""

# Also re-exported for the batch path (pipeline, analysis) and the other extractors: the column
# lists, the record builders and frames, and the paragraph spans quotes' warnings use.
from .quality import quality_frame, quality_records, text_quality  # noqa: F401
from .sentences import (  # noqa: F401
    QUALITY_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
    SentenceIndex,
    _paragraph_spans,
    sentence_index,
    split_paragraphs,
    split_sentences,
    stopwords,
    use_nltk_data,
)
from .treebank import count_words, token_spans  # noqa: F401
from .words import (  # noqa: F401
    collocations,
    concordance,
    lexical_stats,
    token_frame,
    tokenize,
    word_frequencies,
)

__all__ = [
    "split_sentences",
    "split_paragraphs",
    "tokenize",
    "word_frequencies",
    "concordance",
    "collocations",
    "lexical_stats",
    "text_quality",
    "stopwords",
    "use_nltk_data",
    "sentence_index",
    "SentenceIndex",
]
