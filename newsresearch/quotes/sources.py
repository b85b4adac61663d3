"""Source types: who stands behind a quote — a named person or organization, an anonymous
source, a document — decided from the speaker and the sentence around the quote."""

from __future__ import annotations

import re

from .cues import is_document
from .scan import Scan
from .speakers import Speaker

__all__ = ["source_type", "SOURCE_TYPES"]

SOURCE_TYPES = ("named_person", "named_organization", "anonymous", "document", "unknown")

# "said in a statement", "wrote in a letter": the words come from a document
_DOCUMENT_CUE = re.compile(
    r"\b(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|letter|release|report|memo|memorandum|filing|communiqu[eé])\b", re.I)
_ANONYMITY = re.compile(
    r"\b(?:on (?:the )?condition of anonymity|speaking anonymously|spoke anonymously|"
    r"not authorized to (?:speak|discuss|comment)|declined to be (?:named|identified)|"
    r"requested anonymity|asked not to be (?:named|identified)|familiar with)\b", re.I)
_STOP_BEFORE_DOC = re.compile(r"[.!?“”\"]")


def anonymity_stated(scan: Scan, s: int, e: int) -> bool:
    """The sentence says the source is not named ("on condition of anonymity")."""
    sent = scan.sentence_of(s)
    ss, se = (sent[0], sent[1]) if sent else (s, e)
    return bool(_ANONYMITY.search(scan.text, ss, max(se, e)))


def document_cue(scan: Scan, cue: tuple) -> bool:
    """The cue is followed by "in a statement" (a letter, release, report …), or its sentence
    opens with it ("In a statement, the ministry said …")."""
    text = scan.text
    lo, hi = cue[1], min(len(text), cue[1] + 60)
    m = _DOCUMENT_CUE.search(text, lo, hi)
    if m and not _STOP_BEFORE_DOC.search(text, lo, m.start()):
        return True
    sent = scan.sentence_of(cue[0])
    return bool(_DOCUMENT_CUE.match(text, sent[0] if sent else 0, cue[0]))


def source_type(scan: Scan, s: int, e: int, sp: Speaker | None, cue, document) -> str:
    """The source type of the quote ``text[s:e]`` (one of ``SOURCE_TYPES``)."""
    if document or (cue and document_cue(scan, cue)) or (
            document is None and sp is not None and (
                is_document(scan, sp.start, sp.end) if not sp.pronoun else
                (sp.name or " ").split()[-1].lower() in scan.lex.doc_nouns)):
        return "document"  # "in a statement", "the report said"
    if sp is None or not sp.name:
        return "unknown"
    typ, surface = sp.type, sp.surface or ""
    if typ == "group" or (typ not in ("person", "organization") and not surface[:1].isupper()):
        return "anonymous"
    words = (sp.name if sp.pronoun else surface).split()  # a pronoun: its antecedent
    first = words[0].lower() if words else ""
    if not sp.mention and words and (
            first in ("a", "an", "one", "another", "some") or
            words[-1].lower() in scan.lex.source_nouns):
        return "anonymous"  # "a lawyer", "one Western official", "the spokeswoman": no name
    if typ != "person" and anonymity_stated(scan, s, e):
        return "anonymous"  # "officials said, on condition of anonymity"
    if typ in ("organization", "place"):  # "Israel has warned": a government speaks
        words = surface.split()
        head = words[-1] if words else ""
        if not sp.mention and head[:1].islower() and words[0].lower() in ("the", "a", "an"):
            return "anonymous"  # "the commission": not a name
        return "named_organization"
    return "named_person"
