"""Figures against gold figures: the self-check of ``../shared/data/eval/figures/README.md``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pandas as pd

from .result import Evaluation, _missing, _predictions, _read_csv, _read_jsonl, _records

__all__ = ["score_figures", "qualifier_agreement", "read_figure_cases", "read_figure_annotations"]

# --------------------------------------------------------------------------- figures

FIGURE_LEVELS = ("span", "value", "value+unit")
FIGURE_OUTCOME_COLUMNS = [
    "case_id", "outcome", "kind", "gold_surface", "gold_value", "gold_unit", "gold_qualifier",
    "surface", "value", "unit", "qualifier", "start", "end", "note",
]


def _same_value(a, b) -> bool:
    """Same number (relative tolerance 1e-4), same date string with ``X`` as a wildcard, or
    both missing. A number read from a CSV as text ("22000") equals the number 22000."""
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    if isinstance(a, str) and isinstance(b, str):
        if len(a) == len(b) and all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True)):
            return True
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-4 * max(abs(a), abs(b), 1e-9)


def _canonical(unit, value):
    """Minor currency units to their major unit, ``ton`` = ``t`` (the eval README's rule)."""
    if not isinstance(unit, str):
        unit = None  # NaN from a CSV
    if unit in ("cent", "pence") and isinstance(value, (int, float)):
        return ("USD" if unit == "cent" else "GBP"), value / 100
    return ("t" if unit == "ton" else unit), value


def _overlaps(p: dict, g: dict) -> bool:
    return p["start"] < g["end"] and g["start"] < p["end"]


def _figure_match(p: dict, g: dict, level: str) -> bool:
    if not _overlaps(p, g):
        return False
    if level == "span":
        return True
    pu, pv = _canonical(p.get("unit"), p.get("value"))
    gu, gv = _canonical(g.get("unit"), g.get("value"))
    if g.get("kind") == "range" or _missing(gv):
        ok = all(_same_value(_canonical(p.get("unit"), p.get(k))[1],
                             _canonical(g.get("unit"), g.get(k))[1]) for k in ("low", "high"))
    else:
        ok = _same_value(pv, gv)
    return ok and (level == "value" or pu == gu)


def _is_optional(g: dict) -> bool:
    """True for a gold row marked optional (True, 1, "1", "true"); NaN/None/0 are not."""
    v = g.get("optional")
    return not _missing(v) and str(v).strip().lower() in ("1", "true", "yes")


def _why_missed(g: dict, preds: list[dict], taken: set[int]) -> str:
    near = [p for k, p in enumerate(preds) if k not in taken and _overlaps(p, g)]
    if not near:
        return "no free prediction overlaps"
    if any(_figure_match(p, g, "value") for p in near):
        return f"unit differs: {near[0].get('unit')!r}"
    return f"value differs: {near[0].get('surface')!r}"


def _score_case(case_id, golds: list[dict], preds: list[dict], level: str, scope) -> list:
    """Outcome rows of one case: gold rows first (tp/fn/skip), then unmatched predictions."""
    taken: set[int] = set()
    rows = []
    for g in golds:
        hit = next((k for k, p in enumerate(preds) if k not in taken
                    and _figure_match(p, g, level)), None)
        p = preds[hit] if hit is not None else {}
        if _is_optional(g):
            outcome, note = "skip", "optional gold figure"
        elif hit is not None:
            outcome, note = "tp", ""
        else:
            outcome, note = "fn", _why_missed(g, preds, taken)
        if hit is not None:
            taken.add(hit)
        rows.append((case_id, outcome, g.get("kind"), g.get("surface"), g.get("value"),
                     g.get("unit"), g.get("qualifier"), p.get("surface"), p.get("value"),
                     p.get("unit"), p.get("qualifier"), g["start"], g["end"], note))
    for k, p in enumerate(preds):
        if k in taken:
            continue
        if any(_is_optional(g) and _overlaps(p, g) for g in golds):
            outcome, note = "skip", "inside an optional gold figure"
        elif scope != "all" and p.get("kind") not in scope:
            outcome, note = "skip", f"kind {p.get('kind')!r} out of scope"
        else:
            outcome, note = "fp", ""
        rows.append((case_id, outcome, p.get("kind"), None, None, None, None, p.get("surface"),
                     p.get("value"), p.get("unit"), p.get("qualifier"), p["start"], p["end"],
                     note))
    return rows


def _figure_cases(gold, predictions, extract, scope):
    """Normalise the accepted inputs to ``[(case_id, golds, preds, scope)]``."""
    if isinstance(gold, pd.DataFrame):
        if predictions is None:
            raise ValueError("score_figures: with a gold DataFrame, pass predictions= "
                             "(the figures found in the same text)")
        return [(0, _records(gold), _records(predictions), scope or "all")]
    cases = list(gold)
    predictions = _predictions("score_figures", cases, predictions, extract, "cases")
    return [(c.get("id", k), list(c["figures"]), _records(p), c.get("scope", scope or "all"))
            for k, (c, p) in enumerate(zip(cases, predictions, strict=True))]


def score_figures(gold, predictions=None, *, extract: Callable | None = None,
                  level: str = "value+unit", scope=None) -> Evaluation:
    """Score predicted figures against gold ones, one-to-one within each case.

    Matching follows ``../shared/data/eval/figures/README.md``: spans must overlap; at level
    ``value`` the numbers agree (relative tolerance 1e-4; ``X`` in a date is a wildcard;
    ranges by ``low`` and ``high``), at ``value+unit`` the canonical units too (cents and
    pence converted, ``ton`` = ``t``). Each gold figure takes the first free prediction that
    matches. A gold figure marked ``optional`` is neither rewarded nor penalised (outcome
    ``skip``), nor is an unmatched prediction inside one, nor an unmatched prediction whose
    kind is out of the case's ``scope``.

    Parameters
    ----------
    gold : list of dict or DataFrame
        Cases in the README's format (``id, text, scope, figures``), or the gold figures of a
        single text (``start, end, value, unit, kind`` and optionally ``low, high, surface,
        qualifier, optional``).
    predictions : list or DataFrame, optional
        The figures found: one ``extract_figures`` frame (or list of dicts) per case, or one
        frame for a single text.
    extract : callable, optional
        ``text -> figures DataFrame``, run on each case's text when ``predictions`` is not given.
    level : {"span", "value", "value+unit"}
    scope : "all" or list of kinds, optional
        The scope of a single text, or of cases that do not give theirs (default ``"all"``).

    Returns
    -------
    Evaluation
        ``outcomes``: ``case_id, outcome`` (tp, fn, fp, skip), ``kind`` (the gold kind, or the
        predicted kind of an unmatched prediction), ``gold_surface, gold_value, gold_unit,
        gold_qualifier, surface, value, unit, qualifier, start, end`` (of the gold figure,
        else the prediction) and ``note`` (why a figure was missed or skipped).

    Examples
    --------
    >>> gold = pd.DataFrame([{"start": 4, "end": 10, "value": 22000, "unit": None,
    ...                       "kind": "count", "surface": "22,000"}])
    >>> pred = pd.DataFrame([{"start": 4, "end": 10, "value": 22000, "unit": None,
    ...                       "kind": "count", "surface": "22,000"},
    ...                      {"start": 15, "end": 17, "value": 5, "unit": "%",
    ...                       "kind": "percent", "surface": "5%"}])
    >>> ev = score_figures(gold, pred)
    >>> ev.outcomes["outcome"].tolist(), round(ev.f1, 3), (ev.tp, ev.fp, ev.fn)
    (['tp', 'fp'], 0.667, (1, 1, 0))
    """
    if level not in FIGURE_LEVELS:
        raise ValueError(f"level must be one of {', '.join(FIGURE_LEVELS)}; got {level!r}")
    rows = []
    for case_id, golds, preds, case_scope in _figure_cases(gold, predictions, extract, scope):
        rows.extend(_score_case(case_id, golds, preds, level, case_scope))
    out = pd.DataFrame(rows, columns=FIGURE_OUTCOME_COLUMNS)
    out["_case"] = pd.factorize(out["case_id"])[0]
    out = out.sort_values(["_case", "start"], kind="stable").drop(columns="_case")
    out = out.reset_index(drop=True)
    n = Counter(out["outcome"])
    return Evaluation(f"figures, {level}", out, tp=n["tp"], fp=n["fp"], fn=n["fn"])


def qualifier_agreement(evaluation: Evaluation) -> Evaluation:
    """Return how often the qualifier ("more than", "about" …) is right on matched figures.

    Parameters
    ----------
    evaluation : Evaluation
        A :func:`score_figures` result; its ``tp`` rows are compared (no qualifier on both
        sides counts as agreement).

    Examples
    --------
    >>> gold = pd.DataFrame([{"start": 0, "end": 2, "value": 30, "unit": None,
    ...                       "kind": "count", "qualifier": "gt"}])
    >>> pred = gold.assign(qualifier=None)
    >>> qualifier_agreement(score_figures(gold, pred))
    Evaluation(qualifier on matched figures: agreement 0.000, 0 of 1)
    """
    tp = evaluation.outcomes[evaluation.outcomes["outcome"] == "tp"].copy()
    same = [(_missing(g) and _missing(p)) or g == p
            for g, p in zip(tp["gold_qualifier"], tp["qualifier"], strict=True)]
    tp["outcome"] = ["agree" if s else "disagree" for s in same]
    return Evaluation("qualifier on matched figures", tp.reset_index(drop=True),
                      agree=sum(same), n=len(tp))


def read_figure_cases(path) -> list[dict]:
    """Read figure gold cases from a JSONL file in the eval README's format.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
    ...     _ = fh.write('{"id": "a", "text": "3 cats", "scope": "all", "figures": []}\\n')
    >>> [c["id"] for c in read_figure_cases(fh.name)]
    ['a']
    >>> os.remove(fh.name)
    """
    cases = _read_jsonl(path)
    for k, c in enumerate(cases, 1):
        if "text" not in c or "figures" not in c:
            raise ValueError(f"{path}: case {k} needs 'text' and 'figures'")
    return cases


def read_figure_annotations(path) -> pd.DataFrame:
    """Read a hand annotation of one text's figures (CSV) as a gold frame for
    :func:`score_figures`.

    Columns ``surface, start, end, value, low, high, unit, kind`` (and optionally
    ``qualifier, counted, source, optional, note``); empty cells are missing; values are
    numbers except for dates, which stay TIMEX strings; ``optional`` is 1 or 0.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
    ...     _ = fh.write("surface,start,end,value,low,high,unit,kind,optional\\n"
    ...                  "22,0,2,22,,,,count,0\\nMay 3,3,8,XXXX-05-03,,,,date,1\\n")
    >>> g = read_figure_annotations(fh.name)
    >>> g["value"].tolist(), g["optional"].tolist()
    ([22.0, 'XXXX-05-03'], [False, True])
    >>> os.remove(fh.name)
    """
    df = _read_csv(path)
    missing = [c for c in ("start", "end", "kind") if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: figure annotations need the columns {', '.join(missing)}")
    df = df.astype(object).where(df != "", None)
    df["start"], df["end"] = df["start"].astype(int), df["end"].astype(int)
    if "optional" in df:
        df["optional"] = [str(v).strip().lower() in ("1", "true", "yes") for v in df["optional"]]
    for c in ("value", "low", "high"):
        if c in df:
            df[c] = [v if v is None or k == "date" else float(v)
                     for v, k in zip(df[c], df["kind"], strict=True)]
    return df
