"""The one result shape of every comparison with hand coding: :class:`Evaluation`."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["Evaluation", "summarize"]

# --------------------------------------------------------------------------- result shape


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(frozen=True, eq=False, repr=False)
class Evaluation:
    """The result of comparing our output with hand coding.

    Attributes
    ----------
    what : str
        What was scored, e.g. ``"figures, value+unit"``.
    outcomes : DataFrame
        One row per gold or predicted item with an ``outcome`` column (``tp``, ``fp``, ``fn``,
        ``found``, ``skip``, ``neutral``; or ``agree``/``disagree``) and the details needed
        to see why.
    tp, fp, fn : int or None
        Right predictions, wrong predictions, gold items not found.
    found : int or None
        Gold items found, when it can differ from ``tp`` (quotes: a gold quote split by "he
        said" is one gold item but two predicted rows). None means one-to-one: ``tp``.
    agree, n : int or None
        For agreement: items where prediction and hand label agree, out of ``n``.

    Examples
    --------
    >>> ev = Evaluation("toy", pd.DataFrame({"outcome": ["tp", "tp", "fp", "fn"]}),
    ...                 tp=2, fp=1, fn=1, found=2)
    >>> ev
    Evaluation(toy: P=0.667 R=0.667 F1=0.667; 2 of 3 predictions right, 2 of 3 gold found)
    >>> ev.summary()[["precision", "recall", "tp", "fp", "fn", "gold"]].round(3)
       precision  recall  tp  fp  fn  gold
    0      0.667   0.667   2   1   1     3
    """

    what: str
    outcomes: pd.DataFrame = field(default_factory=pd.DataFrame)
    tp: int | None = None
    fp: int | None = None
    fn: int | None = None
    found: int | None = None
    agree: int | None = None
    n: int | None = None

    @property
    def is_agreement(self) -> bool:
        return self.n is not None

    @property
    def precision(self) -> float:
        """Right predictions / all predictions (``tp / (tp + fp)``; 0 when there are none)."""
        return _ratio(self.tp or 0, (self.tp or 0) + (self.fp or 0))

    @property
    def recall(self) -> float:
        """Gold items found / all gold items (``found / (found + fn)``)."""
        found = self.tp if self.found is None else self.found
        return _ratio(found or 0, (found or 0) + (self.fn or 0))

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        """Gold items scored (found + missed)."""
        found = self.tp if self.found is None else self.found
        return (found or 0) + (self.fn or 0)

    @property
    def agreement(self) -> float:
        """Share of items where prediction and hand label agree (``agree / n``)."""
        return _ratio(self.agree or 0, self.n or 0)

    @property
    def macro_f1(self) -> float:
        """Mean over the gold classes of each class's F1 (agreement only; needs the
        ``gold`` and ``predicted`` columns of ``outcomes``)."""
        gold, pred = self.outcomes["gold"].tolist(), self.outcomes["predicted"].tolist()
        f1s = []
        for c in sorted(set(gold), key=str):
            tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
            prec, rec = _ratio(tp, pred.count(c)), _ratio(tp, gold.count(c))
            f1s.append(2 * prec * rec / (prec + rec) if tp else 0.0)
        return sum(f1s) / len(f1s) if f1s else 0.0

    def summary(self) -> pd.DataFrame:
        """Return the headline numbers as a one-row DataFrame (with their denominators)."""
        if self.is_agreement:
            row = {"what": self.what, "agreement": self.agreement, "agree": self.agree,
                   "n": self.n}
            if {"gold", "predicted"} <= set(self.outcomes.columns):
                row["macro_f1"] = self.macro_f1
        else:
            row = {"what": self.what, "precision": self.precision, "recall": self.recall,
                   "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                   "found": self.tp if self.found is None else self.found, "gold": self.gold}
        return pd.DataFrame([row])

    def by(self, column: str) -> pd.DataFrame:
        """Return :meth:`summary` per value of an ``outcomes`` column (e.g. ``"kind"``).

        Examples
        --------
        >>> out = pd.DataFrame({"outcome": ["tp", "fn", "tp"], "kind": ["date", "date", "count"]})
        >>> Evaluation("toy", out, tp=2, fp=0, fn=1).by("kind")[["kind", "recall"]].values.tolist()
        [['count', 1.0], ['date', 0.5]]
        """
        rows = []
        for value, part in self.outcomes.groupby(column, sort=True, dropna=False):
            n = part["outcome"].value_counts()
            if self.is_agreement:
                ev = Evaluation(self.what, part, agree=int(n.get("agree", 0)), n=len(part))
            else:
                ev = Evaluation(self.what, part, tp=int(n.get("tp", 0)), fp=int(n.get("fp", 0)),
                                fn=int(n.get("fn", 0)),
                                found=None if self.found is None else int(n.get("found", 0)))
            rows.append(ev.summary().assign(**{column: value}))
        if not rows:
            return pd.DataFrame(columns=[column])
        out = pd.concat(rows, ignore_index=True)
        return out[[column] + [c for c in out.columns if c != column]]

    def __repr__(self) -> str:
        if self.is_agreement:
            return (f"Evaluation({self.what}: agreement {self.agreement:.3f}, "
                    f"{self.agree} of {self.n})")
        return (f"Evaluation({self.what}: P={self.precision:.3f} R={self.recall:.3f} "
                f"F1={self.f1:.3f}; {self.tp} of {(self.tp or 0) + (self.fp or 0)} predictions "
                f"right, {self.gold - (self.fn or 0)} of {self.gold} gold found)")


def summarize(evaluations) -> pd.DataFrame:
    """Stack the :meth:`Evaluation.summary` rows of several evaluations into one table.

    Parameters
    ----------
    evaluations : iterable or mapping of Evaluation
        A mapping's keys become the ``what`` column.

    Examples
    --------
    >>> a = Evaluation("a", agree=3, n=4)
    >>> b = Evaluation("b", agree=1, n=4)
    >>> summarize([a, b])[["what", "agreement"]].values.tolist()
    [['a', 0.75], ['b', 0.25]]
    """
    if isinstance(evaluations, Mapping):
        parts = [ev.summary().assign(what=k) for k, ev in evaluations.items()]
    else:
        parts = [ev.summary() for ev in evaluations]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["what"])


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and x != x) or x is pd.NA or x is pd.NaT


def _records(rows) -> list[dict]:
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        return rows.to_dict("records")
    return [dict(r) for r in rows]


def _predictions(who: str, items: list, predictions, extract, what: str) -> list:
    """One prediction per gold item: as given, or ``extract(item["text"])``; the lengths must
    agree. ``who`` names the calling function and ``what`` the items in error messages."""
    if predictions is None:
        if extract is None:
            raise ValueError(f"{who}: pass predictions= or extract= (a function text -> "
                             "DataFrame)")
        predictions = [extract(item["text"]) for item in items]
    predictions = list(predictions)
    if len(predictions) != len(items):
        raise ValueError(f"{who}: {len(predictions)} predictions for {len(items)} {what}")
    return predictions


def _read_csv(path) -> pd.DataFrame:
    """A CSV of hand coding as strings (empty cells ""); whole lines starting with ``#`` are
    comments (a ``#`` inside a cell is kept)."""
    with open(path, encoding="utf-8") as fh:
        body = "".join(line for line in fh if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), keep_default_na=False, dtype=str)


def _read_jsonl(path) -> list[dict]:
    path = Path(path)
    out = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}: line {k} is not JSON ({exc.msg})") from None
    return out
