"""Speakers found from the speech cue that the actor finder did not know, as actor mentions.

A capitalised name right next to a speech verb ("“…,” said Darian Lonechild") is a person even
when neither word is in the given-name list; :func:`~newsresearch.actors.find_actors` may miss
it, and then nothing about that person (type, gender, other mentions) would be known. The
quotes mark such speakers (``speaker_new_actor``); :func:`new_speaker_mentions` turns them
into mention records (``actors.MENTION_COLUMNS``, ``actor_type`` person) that the corpus
pipeline adds to the actors table. Their gender is the quote's ``speaker_gender`` (a title or
role word of the speaker phrase: "Mrs", "spokeswoman"), else None.
"""

from __future__ import annotations

__all__ = ["new_speaker_mentions"]


def new_speaker_mentions(text: str, quotes: dict, sentences) -> dict[str, list]:
    """Mention records of the new speakers of ``quotes`` (column lists of quote records).

    One mention per distinct speaker phrase naming a new person (pronouns that refer to one
    are not mentions), in text order; ``mention_id`` counts from 0.

    Examples
    --------
    >>> from newsresearch.mentions import MentionIndex
    >>> from newsresearch.quotes import quote_records
    >>> from newsresearch.tokens import sentence_index
    >>> t = "“It was hard,” Zorblat Quexly told reporters. “Yes,” she said."
    >>> idx = sentence_index(t)
    >>> m = new_speaker_mentions(t, quote_records(t, idx, MentionIndex()), idx)
    >>> m["actor"], m["actor_type"], m["start"]
    (['Zorblat Quexly'], ['person'], [15])
    """
    seen: set[tuple[int, int]] = set()
    rows = []
    for name, s, e, gender, new in zip(quotes["speaker"], quotes["speaker_start"],
                                       quotes["speaker_end"], quotes["speaker_gender"],
                                       quotes["speaker_new_actor"], strict=True):
        if not new or s is None or (s, e) in seen:
            continue
        surface = text[s:e]
        if surface.lower() in ("he", "she", "they", "it"):
            continue
        seen.add((s, e))
        rows.append((name, surface, s, e, None if gender == "unknown" else gender))
    rows.sort(key=lambda r: r[2])
    return {
        "mention_id": list(range(len(rows))),
        "actor": [r[0] for r in rows],
        "actor_type": ["person"] * len(rows),
        "surface": [r[1] for r in rows],
        "start": [r[2] for r in rows],
        "end": [r[3] for r in rows],
        "sentence_id": [max(sentences.sentence_at(r[2]), 0) for r in rows],
        "gender": [r[4] for r in rows],
        "title": [None] * len(rows),
    }
