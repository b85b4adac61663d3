"""One index of the actor mentions of a text, shared by quote attribution and figure sources.

:func:`~newsresearch.actors.find_actors` finds the mentions once per article; quotes (who is
the speaker phrase?) and figures (which actor does a source phrase name?) look them up by
offset through one :class:`MentionIndex` instead of each sorting and scanning the mentions in
its own way.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

import pandas as pd

__all__ = ["Mention", "MentionIndex"]


class Mention(NamedTuple):
    """One actor mention: ``text[start:end]`` names ``actor``."""

    start: int
    end: int
    actor: str
    actor_type: str | None = None
    gender: str | None = None
    title: str | None = None


def _clean(v):
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v


class MentionIndex:
    """The actor mentions of one text, sorted by offset, with lookups by span.

    Parameters
    ----------
    mentions : iterable of Mention or tuples ``(start, end, actor[, actor_type, gender, title])``

    Examples
    --------
    >>> idx = MentionIndex([(0, 5, "Smith", "person", "male"), (20, 29, "Hamas", "group")])
    >>> idx.best_overlap(18, 40).actor
    'Hamas'
    >>> [m.actor for m in idx.starting_in(0, 25)]
    ['Smith', 'Hamas']
    """

    __slots__ = ("mentions", "starts")

    def __init__(self, mentions=()):
        self.mentions = tuple(sorted(Mention(*m) for m in mentions))
        self.starts = [m.start for m in self.mentions]

    @classmethod
    def from_frame(cls, actors: pd.DataFrame | None) -> MentionIndex:
        """Build the index from a :func:`~newsresearch.actors.find_actors` frame (or None)."""
        if actors is None or not len(actors):
            return cls()
        n = len(actors)

        def col(name):
            if name not in actors.columns:
                return [None] * n
            return [_clean(v) for v in actors[name].tolist()]

        return cls(zip(map(int, actors["start"].tolist()), map(int, actors["end"].tolist()),
                       map(str, actors["actor"].tolist()), col("actor_type"), col("gender"),
                       col("title"), strict=True))

    def __len__(self) -> int:
        return len(self.mentions)

    def __iter__(self):
        return iter(self.mentions)

    def __getitem__(self, i: int) -> Mention:
        return self.mentions[i]

    def __repr__(self) -> str:
        return f"MentionIndex({len(self)} mentions)"

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """Return the mentions that start in ``[lo, hi)``, in text order."""
        i = bisect_left(self.starts, lo)
        j = bisect_left(self.starts, hi, lo=i)
        return list(self.mentions[i:j])

    def overlapping(self, s: int, e: int, *, reach: int = 200) -> list[Mention]:
        """Return the mentions that overlap ``[s, e)`` (mentions are at most ``reach`` long)."""
        return [m for m in self.starting_in(s - reach, e) if min(e, m.end) > max(s, m.start)]

    def best_overlap(self, s: int, e: int) -> Mention | None:
        """Return the mention that overlaps ``[s, e)`` most (the first of equals), or None."""
        best, size = None, 0
        for m in self.overlapping(s, e):
            ov = min(e, m.end) - max(s, m.start)
            if ov > size:
                best, size = m, ov
        return best

    def rightmost(self, s: int, e: int) -> Mention | None:
        """Return the overlapping mention that starts last (the longer of equals), or None.

        In a speaker phrase the name comes last: "State Department spokesman Matthew Miller"
        → Matthew Miller.
        """
        best = None
        for m in self.overlapping(s, e):
            if best is None or (m.start, m.end) > (best.start, best.end):
                best = m
        return best
