"""Word spans by NLTK's Treebank rules, applied without redoing work on each sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from .sentences import _APOSTROPHES, _LETTER, SentenceIndex

_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.U)


# For each of NLTK's Treebank patterns, substrings of which at least one must be in the text
# for the pattern to match (lower-cased for the case-insensitive contractions). A rule whose
# substrings are all absent is a no-op and is skipped; a pattern not listed here (another NLTK
# version) always runs, so the result is NLTK's either way.
_NEEDLES = {
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"),
    r"^\"": ('"',),
    "(``)": ("``",),
    r"([ \(\[{<])(\"|\'{2})": ('"', "''"),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": ("'",),
    r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$": (".",),
    r"([:,])([^\d])": (":", ","),
    r"([:,])$": (":", ","),
    r"\.{2,}": ("..",),
    r"[;@#$%&]": (";", "@", "#", "$", "%", "&"),
    r"[\u2012-\u2015]": ("\u2012", "\u2013", "\u2014", "\u2015"),
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': (".",),
    r"[?!]": ("?", "!"),
    r"([^'])' ": ("' ",),
    r"[*]": ("*",),
    r"[\]\[\(\)\{\}\<\>]": ("]", "[", "(", ")", "{", "}", "<", ">"),
    r"--": ("--",),
    "([»”’])": ("»", "”", "’"),
    r"''": ("''",),
    r'"': ('"',),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": ("'",),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'",),
    r"(?i)\b(can)(?#X)(not)\b": ("cannot",),
    r"(?i)\b(d)(?#X)('ye)\b": ("d'ye",),
    r"(?i)\b(gim)(?#X)(me)\b": ("gimme",),
    r"(?i)\b(gon)(?#X)(na)\b": ("gonna",),
    r"(?i)\b(got)(?#X)(ta)\b": ("gotta",),
    r"(?i)\b(lem)(?#X)(me)\b": ("lemme",),
    r"(?i)\b(more)(?#X)('n)\b": ("more'n",),
    r"(?i)\b(wan)(?#X)(na)(?=\s)": ("wanna",),
    r"(?i) ('t)(?#X)(is)\b": ("'tis",),
    r"(?i) ('t)(?#X)(was)\b": ("'twas",),
}


@lru_cache(maxsize=1)
def _treebank_rules():
    """NLTKWordTokenizer's own substitution rules, in its order, as plain compiled patterns.

    NLTK routes each ``sub`` through a per-call timeout guard (``nltk.redos``) meant for
    patterns a caller supplies; these are NLTK's fixed, vetted patterns, so we apply the
    compiled patterns directly with exactly NLTK's order and replacements, and skip a rule
    when none of the substrings it needs (``_NEEDLES``) is in the text. About 3x faster;
    ``tests/test_tokens.py`` checks the spans equal NLTK's ``span_tokenize``.
    """
    from nltk.tokenize.destructive import NLTKWordTokenizer as W

    def rule(pattern, repl):
        rx = getattr(pattern, "_rx", pattern)
        needles = _NEEDLES.get(rx.pattern)
        # one search for any of the substrings (a C loop, not a generator per rule)
        probe = re.compile("|".join(map(re.escape, needles))) if needles else None
        return rx, repl, probe, bool(needles) and rx.pattern.startswith("(?i)")

    subs = [rule(p, r) for p, r in W.STARTING_QUOTES + W.PUNCTUATION]
    subs += [rule(*W.PARENS_BRACKETS), rule(*W.DOUBLE_DASHES)]
    ending = [rule(p, r) for p, r in W.ENDING_QUOTES]
    ending += [rule(p, r" \1 \2 ") for p in W.CONTRACTIONS2 + W.CONTRACTIONS3]
    return subs, ending


def _apply(rules, text: str) -> str:
    lower = None
    for rx, repl, probe, fold in rules:
        if probe is not None:
            if fold:
                lower = text.lower() if lower is None else lower
                hay = lower
            else:
                hay = text
            if probe.search(hay) is None:
                continue
        out = rx.sub(repl, text)
        if out is not text:
            text, lower = out, None
    return text


_RESTORED_QUOTES = re.compile(r"``|'{2}|\"")


def _treebank_spans(sentence: str) -> list[tuple[int, int]]:
    """``NLTKWordTokenizer().span_tokenize(sentence)`` (same rules, same alignment)."""
    from nltk.tokenize.util import align_tokens

    subs, ending = _treebank_rules()
    out = _apply(ending, " " + _apply(subs, sentence) + " ")
    tokens = out.split()
    if '"' in sentence or "''" in sentence:  # converted quotes back to the original marks
        marks = iter(_RESTORED_QUOTES.findall(sentence))
        tokens = [next(marks) if t in ('"', "``", "''") else t for t in tokens]
    return align_tokens(tokens, sentence)


def _tokens_in(sentence: str) -> list[tuple[int, int]]:
    """Token spans inside one sentence; NLTK's rules first, a plain regex if they cannot align."""
    probe = sentence.translate(_APOSTROPHES)  # same length, so offsets stay valid
    try:
        spans = _treebank_spans(probe)
        if all(0 <= s < e <= len(sentence) for s, e in spans):
            return spans
    except Exception:  # alignment fails on quote characters NLTK rewrote
        pass
    return [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]


def token_spans(text: str, index: SentenceIndex) -> list[tuple[int, int, int]]:
    """Return ``(start, end, sentence_id)`` of every token of ``text`` (the records of
    :func:`tokenize`), given its sentence index."""
    out = []
    for sid, (s, e) in enumerate(zip(index.starts, index.ends, strict=True)):
        out += [(s + ts, s + te, sid) for ts, te in _tokens_in(text[s:e])]
    return out


def count_words(text: str, spans) -> int:
    """Return how many of the token ``spans`` contain a letter (``is_word`` of :func:`tokenize`)."""
    search = _LETTER.search
    return sum(1 for s, e, _ in spans if search(text, s, e))

