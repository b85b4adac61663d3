"""One text through every step: marks → attribution → speakers → inheritance → records."""

from __future__ import annotations

from .attribution import attribute_segment, inherit, relabel, reported_before, set_contexts
from .indirect import find_indirect
from .marks import find_segments
from .quoted_names import quoted_names
from .scan import Scan
from .sources import source_type
from .speakers import NEW_NAME, resolve_phrases

__all__ = ["scan_text", "COLUMNS"]

COLUMNS = ("start", "end", "quote", "speaker", "speaker_surface", "speaker_start",
           "speaker_end", "speaker_role", "speaker_new_actor", "speaker_gender", "cue",
           "cue_start", "cue_end", "kind", "source_type", "sentence_id", "paragraph_id")
GENDERS = ("female", "male")
UNKNOWN = "unknown"


def scan_text(text: str, sentences, mentions, *, indirect: bool = True, labels: bool = True,
              warnings: list | None = None) -> dict[str, list]:
    """The quote records of ``text`` as column lists (``COLUMNS``), in text order."""
    scan = Scan(text, sentences, mentions)
    paras = sentences.paragraphs
    segs, warns = find_segments(text, paras)
    scan.set_quoted((g.open_start, g.close_end) for g in segs)
    if warnings is not None:
        warnings.extend(warns)
    # pass 1: cues and speaker phrases, segment by segment
    set_contexts(segs, paras)
    quoted_names(scan, segs)  # “Perry” countered: “…” (these segments are attributed)
    for g in segs:
        if not g.how:
            attribute_segment(scan, g, paras)
    for g in segs:
        g.reported = reported_before(scan, g)
    # reported speech is looked for even when not asked for, so that the quotes' speakers
    # never depend on the option
    reported = find_indirect(scan, segs)
    # pass 2: every phrase described, then descriptions and pronouns resolved in text order
    # (the speakers of quotes and of reported speech alike are antecedents)
    speakers = resolve_phrases(scan, [scan.phrases])
    # pass 3: continued and split quotes inherit their speaker
    inherit(scan, segs, paras, speakers)
    # pass 4: what is left without cue and speaker and is short is a label
    relabel(scan, segs)
    known: dict[str, str | None] = {}  # actor -> the first gender any of its mentions has
    for m in mentions:
        if known.get(m.actor) is None:
            known[m.actor] = m.gender if m.gender in GENDERS else None
    rows = [_row(scan, g.start, g.end, g.speaker, g.cue, g.kind or "direct", g.paragraph_id,
                 g.document, known) for g in segs if labels or g.kind != "label"]
    rows.extend(_row(scan, s, e, speakers[p], cue, "indirect", pid, None, known)
                for s, e, p, cue, pid in (reported if indirect else ()))
    rows.sort(key=lambda r: (r[0], r[1]))
    return {c: [r[i] for r in rows] for i, c in enumerate(COLUMNS)}


def _row(scan: Scan, s, e, sp, cue, kind, pid, document, known) -> tuple:
    text = scan.text
    # a person speaker whose name is no actor of find_actors (found from the speech cue)
    new = sp is not None and sp.name is not None and sp.type == "person" and \
        sp.name not in known and bool(NEW_NAME.fullmatch(sp.name))
    return (s, e, text[s:e],
            sp.name if sp else None, sp.surface if sp else None,
            sp.start if sp else None, sp.end if sp else None,
            sp.role if sp else None, new, speaker_gender(sp, known),
            text[cue[0]:cue[1]] if cue else None,
            cue[0] if cue else None, cue[1] if cue else None,
            kind, source_type(scan, s, e, sp, cue, document),
            scan.sentences.sentence_at(s), pid)


def speaker_gender(sp, known: dict) -> str:
    """``female``, ``male`` or ``unknown``: the gender of the speaker's actor (any of its
    mentions), else what the speaker phrase itself gives — a title or role noun ("Mrs",
    "spokeswoman") or the pronoun that names them ("she said", also when its antecedent is
    unknown). Organisations, documents, groups and quotes without a speaker are ``unknown``."""
    if sp is None or sp.type not in (None, "person", "pronoun"):
        return UNKNOWN
    gender = known.get(sp.name) if sp.name is not None else None
    if gender is None:
        gender = sp.gender or _PRONOUN_GENDER.get(sp.surface.lower())
    return gender if gender in GENDERS else UNKNOWN


_PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
