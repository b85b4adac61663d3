"""Quotes and speakers against gold attributions: the PolNeAR protocol of
``../shared/data/eval/quotes/README.md``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from .result import Evaluation, _missing, _predictions, _read_csv, _read_jsonl, _records

__all__ = [
    "score_quotes",
    "names_match",
    "read_quote_records",
    "read_quote_annotations",
    "records_from_attributions",
    "records_from_annotations",
    "read_antecedents",
]

# --------------------------------------------------------------------------- quotes

#: Words dropped before names are compared (titles, roles, articles).
TITLES = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|sen|senator|rep|representative|gov|governor|gen|general|del|"
    r"president|secretary|prof|professor|rev|the|former|vice|chancellor|prime|minister|"
    r"chairman|chairwoman)\b\.?", re.I)
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it", "i", "we"})
_PRONOUN_SOURCES = PRONOUNS | {"you"}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"[’']s?(?=\W|$)")
QUOTE_OUTCOME_COLUMNS = [
    "record_id", "item", "outcome", "reason", "start", "end", "kind", "speaker",
    "gold_id", "gold_kind", "gold_speaker",
]


def _name_words(name) -> list[str]:
    if _missing(name) or not str(name).strip():
        return []
    text = TITLES.sub(" ", _POSSESSIVE.sub("", str(name)))
    return [w for w in _WORD.findall(text) if len(w) > 1]  # initials ("J.") carry nothing


def names_match(a, b) -> bool:
    """Return True when two speaker names can refer to the same person or body.

    Titles ("Mr.", "Sen.", "President" …) and possessives are dropped and initials ignored;
    the last word of one name must occur in the other, and where both names give a
    capitalised word before it (a first name), those words must be equal too. So "Mr. Obama",
    "Barack Obama", "Obama" and "Obama's" match each other, while "Bill Clinton" and
    "Hillary Clinton" do not. A lower-case word before the surname is a description
    ("nominee Trump"), not a first name.

    Examples
    --------
    >>> names_match("Mr. Obama", "Barack Obama"), names_match("Obama's", "Obama")
    (True, True)
    >>> names_match("Bill Clinton", "Hillary Clinton"), names_match("he", "Obama")
    (False, False)
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    for x, y in ((wa, wb), (wb, wa)):
        last = x[-1].lower()
        for j, w in enumerate(y):
            if w.lower() != last:
                continue
            fx, fy = (x[-2] if len(x) > 1 else ""), (y[j - 1] if j else "")
            if fx[:1].isupper() and fy[:1].isupper() and fx.lower() != fy.lower():
                continue  # two different first names: Bill vs Hillary Clinton
            return True
    return False


def _overlap(a0, a1, b0, b1) -> int:
    if any(_missing(x) for x in (a0, a1, b0, b1)):
        return 0
    return max(0, min(int(a1), int(b1)) - max(int(a0), int(b0)))


def _quote_match(ps: int, pe: int, gq: dict) -> bool:
    spans = gq.get("content_spans") or [[gq["start"], gq["end"]]]
    for gs, ge in spans:
        ov = _overlap(ps, pe, gs, ge)
        if ov and ov >= 0.5 * min(pe - ps, ge - gs):
            return True
    return False


def _speaker_right(pred: dict, gq: dict, *, need_name: bool, antecedent) -> bool:
    """The predicted speaker is right for the gold quote ``gq`` (see :func:`score_quotes`)."""
    name = pred.get("speaker")
    if _missing(name):
        return False
    span_ok = _overlap(pred.get("speaker_start"), pred.get("speaker_end"),
                       gq.get("speaker_start"), gq.get("speaker_end")) > 0
    if need_name:
        if str(name).lower() in PRONOUNS:
            return False
        golds = [gq.get("speaker")] if not gq.get("speaker_is_pronoun") else []
        # our hand-resolved antecedent replaces PolNeAR's noisy silver aliases
        golds += [antecedent] if antecedent else list(gq.get("speaker_aliases_silver") or [])
        if any(names_match(name, g) for g in golds):
            return True
        # span overlap still proves the name when the gold source is itself a name
        return not gq.get("speaker_is_pronoun") and span_ok
    golds = [gq.get("speaker")] + list(gq.get("speaker_aliases") or [])
    return span_ok or any(names_match(name, g) for g in golds)


def _score_record(rec: dict, preds: list[dict], kinds, opts: dict) -> tuple[list, int]:
    """Outcome rows of one record, and how many of its gold quotes were found."""
    scored = [q for q in rec["quotes"] if q["kind"] in kinds and q.get("speaker")]
    other = [q for q in rec["quotes"] if not (q["kind"] in kinds and q.get("speaker"))]
    ante = opts["antecedents"] or {}
    hit = [False] * len(scored)
    rows = []
    for p in preds:
        kind = p.get("kind")
        if kind == "indirect" or (kind == "label" and "label" not in kinds):
            continue  # not a quoted passage: labels are scare quotes and titles
        ps, pe = int(p["start"]), int(p["end"])
        no_speaker = _missing(p.get("speaker"))
        matched = [i for i, g in enumerate(scored) if _quote_match(ps, pe, g)]
        good = [i for i in matched
                if _speaker_right(p, scored[i], need_name=opts["need_name"],
                                  antecedent=ante.get((rec["id"], scored[i]["id"])))]
        if no_speaker and not opts["count_unattributed"]:
            outcome, reason = "skip", "no speaker (set aside: count_unattributed=False)"
        elif good:
            outcome, reason = "tp", ""
            for i in good:
                hit[i] = True
        elif matched:
            outcome, reason = "fp", "no speaker" if no_speaker else "wrong speaker"
        elif any(_quote_match(ps, pe, g) for g in other if g["kind"] != "label"):
            outcome, reason = "neutral", "matches only a quote of a kind not scored"
        elif any(_quote_match(ps, pe, g) for g in other):
            outcome, reason = "fp", "a label in the gold (scare quote, title), not a quote"
        else:
            outcome, reason = "fp", "no such quote in the gold"
        g = scored[(good or matched)[0]] if (good or matched) else {}
        rows.append((rec["id"], "predicted", outcome, reason, ps, pe, kind, p.get("speaker"),
                     g.get("id"), g.get("kind"), g.get("speaker")))
    for g, h in zip(scored, hit, strict=True):
        rows.append((rec["id"], "gold", "found" if h else "fn", "", g["start"], g["end"], None,
                     None, g.get("id"), g["kind"], g.get("speaker")))
    return rows, sum(hit)


def score_quotes(records, predictions=None, *, extract: Callable | None = None,
                 count_unattributed: bool = True, need_name: bool = False,
                 antecedents: Mapping | None = None, kinds: Iterable[str] = ("direct",)
                 ) -> Evaluation:
    """Score predicted quotes and their speakers with the PolNeAR protocol.

    The protocol of ``../shared/data/eval/quotes/README.md``: a prediction matches a gold
    quote when their character overlap is at least 50 % of the shorter span (of any of the
    gold's content segments); the speaker is right when the predicted speaker span overlaps
    the gold source span or the names match (:func:`names_match`, also against the gold's
    ``speaker_aliases`` when given). A prediction matching no scored gold quote but one of
    another kind (``mixed``/``indirect`` when scoring ``direct``) is neutral. Rows of kind
    ``indirect`` are not predictions, nor are ``label`` rows (scare quotes, titles) unless
    ``"label"`` is among ``kinds``. Precision counts predictions, recall gold quotes: a quote
    split by "he said" is one gold quote and two predicted rows, both right when both carry
    the right speaker.

    Parameters
    ----------
    records : list of dict
        Gold records (``id, text, quotes``) as read by :func:`read_quote_records`.
    predictions : list, optional
        Per record, an ``extract_quotes`` frame or a list of dicts (``start, end, speaker,
        speaker_start, speaker_end, kind``).
    extract : callable, optional
        ``text -> quotes DataFrame``, run on each record's text when ``predictions`` is not given.
    count_unattributed : bool, default True
        The headline: a quoted row without a speaker is a wrong prediction (its gold quote
        stays unfound). False sets such rows aside (the lenient number; label it so).
    need_name : bool, default False
        The speaker must be a name, not a pronoun: it must match the gold source name or,
        for a pronoun source, the hand-resolved ``antecedents`` entry when given, else one of
        PolNeAR's silver aliases.
    antecedents : mapping, optional
        ``{(record id, gold quote id): name}`` from :func:`read_antecedents`.
    kinds : iterable of str, default ("direct",)
        The gold kinds scored.

    Returns
    -------
    Evaluation
        ``tp``/``fp`` count predicted rows, ``found``/``fn`` gold quotes. ``outcomes``: one
        row per prediction (``item`` "predicted", outcome tp, fp, neutral or skip, with the
        ``reason``) and per scored gold quote (``item`` "gold", outcome found or fn), with
        ``record_id, start, end, kind, speaker, gold_id, gold_kind, gold_speaker``.

    Examples
    --------
    >>> text = '"We will win," said Bill Clinton. "No," said Ann Lee.'
    >>> gold = [{"id": "t", "text": text, "quotes": [
    ...     {"id": "Q1", "kind": "direct", "start": 1, "end": 13, "speaker": "Hillary Clinton"},
    ...     {"id": "Q2", "kind": "direct", "start": 35, "end": 38, "speaker": "Ann Lee"}]}]
    >>> pred = [[{"start": 1, "end": 13, "speaker": "Bill Clinton", "kind": "direct"},
    ...          {"start": 35, "end": 38, "speaker": None, "kind": "direct"}]]
    >>> ev = score_quotes(gold, pred)
    >>> (ev.tp, ev.fp, ev.found, ev.fn), ev.outcomes["reason"].tolist()[:2]
    ((0, 2, 0, 2), ['wrong speaker', 'no speaker'])
    >>> lenient = score_quotes(gold, pred, count_unattributed=False)
    >>> (lenient.tp, lenient.fp, lenient.found, lenient.fn)
    (0, 1, 0, 2)
    """
    records = list(records)
    predictions = _predictions("score_quotes", records, predictions, extract, "records")
    kinds = frozenset(kinds)
    opts = {"count_unattributed": count_unattributed, "need_name": need_name,
            "antecedents": antecedents}
    rows, found = [], 0
    for rec, preds in zip(records, predictions, strict=True):
        r, f = _score_record(rec, _records(preds), kinds, opts)
        rows.extend(r)
        found += f
    out = pd.DataFrame(rows, columns=QUOTE_OUTCOME_COLUMNS)
    n = Counter(out["outcome"])
    what = (f"quotes ({'/'.join(sorted(kinds))}), speaker "
            + ("must be a name" if need_name else "strict")
            + ("" if count_unattributed else ", speakerless rows set aside"))
    return Evaluation(what, out, tp=n["tp"], fp=n["fp"], fn=n["fn"], found=found)


def read_quote_records(path) -> list[dict]:
    """Read gold quote records (``id, text, quotes``) such as ``polnear_dev30.jsonl``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
    ...     _ = fh.write('{"id": "a", "text": "", "quotes": []}\\n')
    >>> [r["id"] for r in read_quote_records(fh.name)]
    ['a']
    >>> os.remove(fh.name)
    """
    records = _read_jsonl(path)
    for k, r in enumerate(records, 1):
        if not {"id", "text", "quotes"} <= set(r):
            raise ValueError(f"{path}: record {k} needs 'id', 'text' and 'quotes'")
    return records


def read_quote_annotations(path, text, *, record_id: str = "annotation") -> dict:
    """Read a hand annotation of one text's quoted passages (CSV) as a gold record.

    The CSV (``#`` comment lines allowed) has ``quote`` (the words between the marks, found
    in ``text`` in order), ``speakers`` (acceptable names separated by ``|``; the first is
    the speaker, the others ``speaker_aliases``) and ``kind``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
    ...     _ = fh.write("quote,speakers,kind\\nNo.,Ann Lee|the mayor,direct\\n")
    >>> rec = read_quote_annotations(fh.name, '"No." said Ann Lee.')
    >>> q = rec["quotes"][0]
    >>> (q["start"], q["end"], q["speaker"], q["speaker_aliases"])
    (1, 4, 'Ann Lee', ['the mayor'])
    >>> os.remove(fh.name)
    """
    gold = _read_csv(path)
    missing = [c for c in ("quote", "speakers", "kind") if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: quote annotations need the columns {', '.join(missing)}")
    quotes, pos = [], 0
    for k, g in enumerate(gold.itertuples(index=False)):
        start = text.find(g.quote, pos)
        if start < 0:
            start = text.find(g.quote)
        if start < 0:
            raise ValueError(f"{path}: quote {k} ({g.quote[:30]!r}) is not in the text")
        pos = start + len(g.quote)
        names = [s.strip() for s in g.speakers.split("|") if s.strip()]
        quotes.append({"id": f"Q{k}", "kind": g.kind, "quote_text": g.quote, "start": start,
                       "end": pos, "speaker": names[0] if names else None,
                       "speaker_aliases": names[1:]})
    return {"id": record_id, "text": text, "quotes": quotes}


def read_antecedents(path) -> dict:
    """Read hand-resolved pronoun sources: ``{("polnear/dev/" + record, quote_id): name}``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
    ...     _ = fh.write("# a comment\\nrecord,quote_id,antecedent\\nnyt_x,E4,Ann Lee\\n")
    >>> read_antecedents(fh.name)
    {('polnear/dev/nyt_x', 'E4'): 'Ann Lee'}
    >>> os.remove(fh.name)
    """
    rows = _read_csv(path)
    missing = [c for c in ("record", "quote_id", "antecedent") if c not in rows.columns]
    if missing:
        raise ValueError(f"{path}: antecedents need the columns {', '.join(missing)}")
    return {("polnear/dev/" + r.record, r.quote_id): r.antecedent for r in rows.itertuples()}


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


def _attribution_quote(k: int, att: dict, text: str, mask: bytearray) -> dict | None:
    spans = [(c["start"], c["end"]) for c in att.get("content") or []]
    if not spans:
        return None
    chars = [i for s, e in spans for i in range(s, e) if text[i].isalnum()]
    ratio = sum(mask[i] for i in chars) / len(chars) if chars else 0.0
    src = (att.get("source") or [None])[0]
    return {
        "id": f"A{k}",
        "kind": "direct" if ratio >= 0.95 else "mixed" if ratio > 0 else "indirect",
        "start": min(s for s, _ in spans), "end": max(e for _, e in spans),
        "content_spans": [list(s) for s in spans],
        "speaker": src["text"] if src else None,
        "speaker_start": src["start"] if src else None,
        "speaker_end": src["end"] if src else None,
        "speaker_is_pronoun": bool(src) and src["text"].lower() in _PRONOUN_SOURCES,
        "speaker_aliases_silver": [],
    }


def records_from_attributions(articles_path, attributions_path, *, exclude=()) -> list[dict]:
    """Turn gold attributions (``corpora/news_dev.attributions.jsonl``) into quote records.

    Each article of ``articles_path`` (JSONL with ``id, text``) that has attributions becomes
    a record in the format of :func:`read_quote_records`; ``kind`` is derived with the eval
    README's rule: at least 95 % of the content's letters and digits inside double quotes →
    ``direct``, some → ``mixed``, none → ``indirect``.

    Examples
    --------
    >>> import tempfile, os, json
    >>> d = tempfile.mkdtemp()
    >>> with open(os.path.join(d, "a.jsonl"), "w") as fh:
    ...     _ = fh.write(json.dumps({"id": "x", "text": '"Go," Ann said.'}) + "\\n")
    >>> with open(os.path.join(d, "b.jsonl"), "w") as fh:
    ...     _ = fh.write(json.dumps({"id": "x", "attributions": [{
    ...         "content": [{"start": 1, "end": 3}],
    ...         "source": [{"text": "Ann", "start": 5, "end": 8}]}]}) + "\\n")
    >>> recs = records_from_attributions(os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl"))
    >>> recs[0]["quotes"][0]["kind"], recs[0]["quotes"][0]["speaker"]
    ('direct', 'Ann')
    """
    texts = {r["id"]: r["text"] for r in _read_jsonl(articles_path)}
    records = []
    for a in _read_jsonl(attributions_path):
        if a["id"] in exclude or a["id"] not in texts:
            continue
        text = texts[a["id"]]
        mask = _inside_double_quotes(text)
        quotes = [_attribution_quote(k, att, text, mask)
                  for k, att in enumerate(a["attributions"])]
        records.append({"id": a["id"], "text": text, "quotes": [q for q in quotes if q]})
    return records


def records_from_annotations(articles_path, annotations_path, *, ids=None,
                             exclude=()) -> list[dict]:
    """Join hand annotations of offsets (``tests/data/news_dev_quotes.jsonl``) to their texts.

    ``annotations_path`` holds one ``{id, quotes}`` object per article, its quotes with
    offsets into the ``text`` of the article of the same ``id`` in ``articles_path`` (the
    format of ``tests/data/news_dev_quotes_GUIDELINES.md``; the annotation holds no text).
    ``speaker_name`` (the speaker resolved to the name the article writes in full) becomes a
    ``speaker_aliases`` entry, so a pronoun or a description resolved to that name is right.
    Gold ``mixed`` quotes keep their kind; ``label`` rows have no speaker and are never
    scored, but a predicted quote that matches only one is wrong (see :func:`score_quotes`).

    Raises
    ------
    ValueError
        When an annotated article is missing from ``articles_path`` or a quote's
        ``quote_sha1`` does not match the text (the corpus changed).

    Examples
    --------
    >>> import tempfile, os, json, hashlib
    >>> d = tempfile.mkdtemp()
    >>> text = '"Go," Ann said.'
    >>> h = hashlib.sha1(text[1:4].encode()).hexdigest()[:10]
    >>> with open(os.path.join(d, "a.jsonl"), "w") as fh:
    ...     _ = fh.write(json.dumps({"id": "x", "text": text}) + "\\n")
    >>> with open(os.path.join(d, "b.jsonl"), "w") as fh:
    ...     _ = fh.write(json.dumps({"id": "x", "quotes": [{"qid": "Q1", "kind": "direct",
    ...         "start": 1, "end": 4, "quote_sha1": h, "speaker": "Ann",
    ...         "speaker_start": 6, "speaker_end": 9, "speaker_name": "Ann Lee"}]}) + "\\n")
    >>> q = records_from_annotations(os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl"))
    >>> q[0]["quotes"][0]["speaker"], q[0]["quotes"][0]["speaker_aliases"]
    ('Ann', ['Ann Lee'])
    """
    import hashlib

    texts = {r["id"]: r["text"] for r in _read_jsonl(articles_path)}
    records = []
    for a in _read_jsonl(annotations_path):
        if a["id"] in exclude or (ids is not None and a["id"] not in ids):
            continue
        if a["id"] not in texts:
            raise ValueError(f"{annotations_path}: article {a['id']!r} is not in {articles_path}")
        text = texts[a["id"]]
        quotes = []
        for q in a["quotes"]:
            sha = hashlib.sha1(text[q["start"]:q["end"]].encode()).hexdigest()[:10]
            if q.get("quote_sha1") and sha != q["quote_sha1"]:
                raise ValueError(f"{annotations_path}: {a['id']} {q.get('qid')}: the text at "
                                 f"{q['start']}:{q['end']} changed (sha1 {sha})")
            name = q.get("speaker_name")
            quotes.append({**q, "id": q.get("qid"),
                           "speaker_aliases": [name] if name else []})
        records.append({"id": a["id"], "text": text, "quotes": quotes})
    return records
