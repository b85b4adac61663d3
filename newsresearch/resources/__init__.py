"""Shipped editorial resources (word lists, gazetteers, model weights) and their readers.

Every list is a plain text/TSV/CSV/JSON file in this folder, so editorial choices are
reviewable in a diff and a user can pass their own instead.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources as _ir

_PKG = "newsresearch.resources"


def read_text(name: str) -> str:
    """Return the text of the shipped resource file ``name`` (a path relative to this folder)."""
    ref = _ir.files(_PKG)
    for part in name.split("/"):
        ref = ref / part
    return ref.read_text(encoding="utf-8")


@cache
def word_list(name: str) -> frozenset[str]:
    """Return the non-comment, non-blank lines of a one-item-per-line resource as a set."""
    return frozenset(
        line.strip()
        for line in read_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def table(name: str, *, delimiter: str = "\t") -> tuple[dict[str, str], ...]:
    """Return the rows of a TSV/CSV resource (header row first, ``#`` comment lines skipped)."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter))


@cache
def json_resource(name: str):
    """Return a parsed JSON resource (``.json`` or gzipped ``.json.gz``)."""
    if name.endswith(".gz"):
        import gzip

        data = (_ir.files(_PKG) / name).read_bytes()
        return json.loads(gzip.decompress(data).decode("utf-8"))
    return json.loads(read_text(name))


@cache
def textblob_lexicon_words() -> frozenset[str]:
    """Return the alphabetic words of TextBlob's bundled tagger lexicon (``en-lexicon.txt``),
    as written there: common words in lower case, proper nouns capitalised ("Cynthia")."""
    try:
        lex = (_ir.files("textblob.en") / "en-lexicon.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - textblob is a dep
        return frozenset()
    return frozenset(w for w in (ln.partition(" ")[0] for ln in lex.splitlines()) if w.isalpha())


def nltk_data_dir() -> str:
    """Return the folder laid out like NLTK's data (our Punkt parameters and stopwords)."""
    return str(_ir.files(_PKG) / "nltk_data")
