"""Score predicted quotes against the PolNeAR dev slice (rules of ../shared/data/eval/quotes).

Used by ``benchmarks/bench_quotes.py`` and ``tests/test_quotes.py``; kept out of the package
because scoring is evaluation, not extraction.

Matching (README of the eval set): a predicted quote matches a gold one when their character
overlap is at least 50 % of the shorter span; the speaker is right when the predicted speaker
span overlaps the gold source span or the names match after dropping titles. Predictions
matching a gold ``mixed``/``indirect`` attribution (and not a ``direct`` one) are neutral.

Precision counts predictions, recall counts gold quotes: a quote split by "he said" is one
gold quote but two predicted rows, and both rows are right when both carry the right speaker.
Only quoted rows (kind direct, partial, label) that name a speaker are predictions;
``count_unattributed=True`` also counts rows without a speaker as wrong predictions.
"""

from __future__ import annotations

import json
import re

TITLES = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|sen|senator|rep|representative|gov|governor|gen|general|del|"
    r"president|secretary|prof|professor|rev|the|former|vice|chancellor|prime|minister|"
    r"chairman|chairwoman)\b\.?", re.I)
PRONOUNS = {"he", "she", "they", "him", "her", "it", "i", "we"}


def read_gold(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _name_key(name: str | None) -> set[str]:
    if not name:
        return set()
    name = re.sub(r"[’']s\b", "", name)
    words = re.findall(r"[A-Za-z\u00C0-\u024F\-]+", TITLES.sub(" ", name))
    return {w.lower() for w in words if len(w) > 1}


def names_match(pred: str | None, gold: str | None) -> bool:
    """True when the names share their last word after dropping titles ("Mr. Obama" ~ "Obama")."""
    p, g = _name_key(pred), _name_key(gold)
    if not p or not g:
        return False
    plast = re.findall(r"[A-Za-z\u00C0-\u024F\-]+", TITLES.sub(" ", pred or ""))
    glast = re.findall(r"[A-Za-z\u00C0-\u024F\-]+", TITLES.sub(" ", gold or ""))
    return bool(plast and glast and (plast[-1].lower() in g or glast[-1].lower() in p))


def _overlap(a0, a1, b0, b1) -> int:
    if any(_missing(x) for x in (a0, a1, b0, b1)):
        return 0
    return max(0, min(int(a1), int(b1)) - max(int(a0), int(b0)))


def _missing(x) -> bool:
    return x is None or x != x or str(x) == "<NA>"


def _matches(ps, pe, gq) -> bool:
    spans = gq.get("content_spans") or [[gq["start"], gq["end"]]]
    for gs, ge in spans:
        ov = _overlap(ps, pe, gs, ge)
        if ov and ov >= 0.5 * min(pe - ps, ge - gs):
            return True
    return False


def read_antecedents(path) -> dict:
    """Read our hand-resolved pronoun sources: ``{(record id, quote id): name}``."""
    import csv

    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {("polnear/dev/" + r["record"], r["quote_id"]): r["antecedent"] for r in rows}


def speaker_right(pred: dict, gq: dict, *, need_name: bool = False,
                  antecedent: str | None = None) -> bool:
    """The predicted speaker is right for the gold quote ``gq``.

    With ``need_name`` the predicted speaker must be a name matching the gold source, or for
    a pronoun source our hand-resolved ``antecedent`` when given, else one of PolNeAR's
    silver aliases.
    """
    name = pred.get("speaker")
    if name is None or _missing(name):
        return False
    if need_name:
        if str(name).lower() in PRONOUNS:
            return False
        golds = [gq.get("speaker")] if not gq.get("speaker_is_pronoun") else []
        # our hand-resolved antecedent replaces PolNeAR's noisy silver aliases
        golds += [antecedent] if antecedent else list(gq.get("speaker_aliases_silver") or [])
        if any(names_match(name, g) for g in golds):
            return True
        # span overlap still proves the name when the gold source is itself a name
        return (not gq.get("speaker_is_pronoun")
                and _overlap(pred.get("speaker_start"), pred.get("speaker_end"),
                             gq.get("speaker_start"), gq.get("speaker_end")) > 0)
    if _overlap(pred.get("speaker_start"), pred.get("speaker_end"), gq.get("speaker_start"),
                gq.get("speaker_end")) > 0:
        return True
    return names_match(name, gq.get("speaker"))


def score(records: list[dict], predictions: list[list[dict]], *, need_name: bool = False,
          count_unattributed: bool = False, antecedents: dict | None = None) -> dict:
    """P/R/F1 of quote+speaker on gold ``direct`` quotes with a speaker.

    ``predictions[i]`` is a list of dicts (``start, end, speaker, speaker_start,
    speaker_end, kind``) for ``records[i]``.
    """
    tp_pred = fp = 0
    found = 0
    n_gold = 0
    errors = []
    for rec, preds in zip(records, predictions, strict=True):
        gold_direct = [q for q in rec["quotes"] if q["kind"] == "direct" and q.get("speaker")]
        gold_other = [q for q in rec["quotes"] if q["kind"] != "direct" or not q.get("speaker")]
        n_gold += len(gold_direct)
        hit = [False] * len(gold_direct)
        for p in preds:
            if p.get("kind") == "indirect":
                continue
            if _missing(p.get("speaker")) and not count_unattributed:
                continue
            ps, pe = int(p["start"]), int(p["end"])
            m_direct = [i for i, g in enumerate(gold_direct) if _matches(ps, pe, g)]
            if not m_direct:
                if any(_matches(ps, pe, g) for g in gold_other):
                    continue  # neutral
                fp += 1
                errors.append((rec["id"], "extra", p, None))
                continue
            good = [i for i in m_direct
                    if speaker_right(p, gold_direct[i], need_name=need_name,
                                     antecedent=(antecedents or {}).get(
                                         (rec["id"], gold_direct[i]["id"])))]
            if good:
                tp_pred += 1
                for i in good:
                    hit[i] = True
            else:
                fp += 1
                errors.append((rec["id"], "wrong speaker", p, gold_direct[m_direct[0]]))
        found += sum(hit)
        for i, h in enumerate(hit):
            if not h:
                errors.append((rec["id"], "missed", None, gold_direct[i]))
    precision = tp_pred / (tp_pred + fp) if tp_pred + fp else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": n_gold,
            "found": found, "predictions_right": tp_pred, "predictions_wrong": fp,
            "errors": errors}


PRONOUN_SOURCES = {"he", "she", "they", "i", "we", "it", "him", "her", "you"}
_DOUBLE = re.compile(r"``|''|[\"“”]")


def _inside_double_quotes(text: str) -> bytearray:
    """1 for every character inside a pair of double quote marks (pairing restarts per
    paragraph; an unclosed quote runs to the end of its paragraph), as in the eval README."""
    mask = bytearray(len(text))
    pos = 0
    for para in re.split(r"(\n[ \t]*\n)", text):
        open_at = None
        for m in _DOUBLE.finditer(para):
            g = m.group()
            if open_at is None and g in ('"', "“", "``", "''"):
                open_at = m.end()
            elif open_at is not None and g in ('"', "”", "''"):
                mask[pos + open_at:pos + m.start()] = b"\x01" * (m.start() - open_at)
                open_at = None
        if open_at is not None:
            mask[pos + open_at:pos + len(para)] = b"\x01" * (len(para) - open_at)
        pos += len(para)
    return mask


def records_from_attributions(articles_path, attributions_path, *, exclude=()) -> list[dict]:
    """Turn ``corpora/news_dev.attributions.jsonl`` (128 PolNeAR *train* articles, disjoint
    from the dev slice) into records in the dev-slice format, deriving ``kind`` with the
    README's rule (≥ 95 % of the content's letters and digits inside double quotes → direct).
    """
    with open(articles_path, encoding="utf-8") as fh:
        texts = {r["id"]: r["text"] for r in map(json.loads, fh)}
    records = []
    with open(attributions_path, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in exclude or a["id"] not in texts:
                continue
            text = texts[a["id"]]
            mask = _inside_double_quotes(text)
            quotes = []
            for k, att in enumerate(a["attributions"]):
                spans = [(c["start"], c["end"]) for c in att.get("content") or []]
                if not spans:
                    continue
                chars = [i for s, e in spans for i in range(s, e) if text[i].isalnum()]
                ratio = sum(mask[i] for i in chars) / len(chars) if chars else 0.0
                src = (att.get("source") or [None])[0]
                quotes.append({
                    "id": f"A{k}",
                    "kind": "direct" if ratio >= 0.95 else "mixed" if ratio > 0 else "indirect",
                    "start": min(s for s, _ in spans), "end": max(e for _, e in spans),
                    "content_spans": [list(s) for s in spans],
                    "speaker": src["text"] if src else None,
                    "speaker_start": src["start"] if src else None,
                    "speaker_end": src["end"] if src else None,
                    "speaker_is_pronoun": bool(src) and src["text"].lower() in PRONOUN_SOURCES,
                    "speaker_aliases_silver": [],
                })
            records.append({"id": a["id"], "text": text, "quotes": quotes})
    return records
