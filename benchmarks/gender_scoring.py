"""Score speaker gender against the hand annotation of 40 news_dev articles (issue 11).

The annotation (``tests/data/news_dev_quotes_part1.jsonl`` and ``…_part2.jsonl``, written by two
annotators from the text alone, guidelines in ``tests/data/news_dev_quotes_GUIDELINES.md``) gives
every quote's ``speaker_name`` (the full name as the article first writes it) and
``speaker_gender`` (``female``, ``male`` or ``unknown``). For every quote whose speaker is a
named person, :func:`our_actor` finds our actor for that name among the article's
``find_actors`` person mentions, and :func:`score` compares the genders:

* ``right`` — our gender equals the annotation's, among quotes where we give a gender (an
  annotated ``unknown`` that we call male or female counts as wrong);
* ``unknown`` — quotes we give no gender (including a name we found no actor for), of all;
* women's share — ``female / (female + male)`` over the same quotes, ours and the annotation's.

Each quote counts once (a speaker quoted ten times weighs ten), as gender-gap studies count.
Used by ``benchmarks/bench_actors_gender.py`` and ``tests/test_actors_gender.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATION = [ROOT / "tests" / "data" / f"news_dev_quotes_part{i}.jsonl" for i in (1, 2)]
#: The eight articles chosen before any tuning (smallest ``sha1(id)``; ``tests/data/README.md``):
#: scored, never inspected.
HELD_OUT = frozenset({
    "bbc-business-264", "bbc-business-375", "bbc-business-376", "bbc-politics-167",
    "newspaper3k-reuters.com2", "newspaper3k-telegraph.co.uk1",
    "newspaper3k-theatlanticcities.com2", "reuters21578-7088"})


def read_annotation(paths=ANNOTATION) -> dict[str, list[dict]]:
    """Article id -> its annotated quotes with a named person speaker."""
    out: dict[str, list[dict]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                out[rec["id"]] = [q for q in rec["quotes"] if q.get("speaker_type") == "person"
                                  and q.get("speaker_name")]
    return out


def _last(name: str) -> str:
    words = name.replace("’s", "").replace("'s", "").split()
    return words[-1] if words else ""


def our_actor(mentions, quote: dict) -> str | None:
    """Our actor for the annotated ``speaker_name``: the actor of that name, else of a mention
    written so, else the one actor ending in its surname, else the person mention at the
    speaker's words; None when none is found."""
    people = mentions[mentions["actor_type"] == "person"]
    name = quote["speaker_name"]
    actors = list(dict.fromkeys(people["actor"]))
    if name in actors:
        return name
    written = people.loc[people["surface"] == name, "actor"]
    if len(written):
        return written.iloc[0]
    same_surname = [a for a in actors if _last(a) == _last(name)]
    if len(same_surname) == 1:
        return same_surname[0]
    s, e = quote.get("speaker_start"), quote.get("speaker_end")
    if s is not None and not quote.get("speaker_is_pronoun"):
        at = people[(people["start"] < e) & (people["end"] > s)]
        if len(at):
            return at["actor"].iloc[0]
    return None


def gender_pairs(texts: dict[str, str], find_actors, annotation=None) -> list[tuple]:
    """``(article id, speaker_name, annotated gender, our gender or None)`` per quote."""
    annotation = annotation if annotation is not None else read_annotation()
    rows = []
    for aid, quotes in annotation.items():
        if not quotes:
            continue
        mentions = find_actors(texts[aid])
        gender_of = {}
        for actor, gender in zip(mentions["actor"], mentions["gender"], strict=True):
            if gender in ("male", "female"):
                gender_of.setdefault(actor, gender)
        for q in quotes:
            actor = our_actor(mentions, q)
            rows.append((aid, q["speaker_name"], q["speaker_gender"],
                         gender_of.get(actor) if actor is not None else None))
    return rows


def score(pairs: list[tuple]) -> dict:
    """The agreement numbers of ``pairs`` (see the module docstring), with their counts."""
    n = len(pairs)
    given = [(a, o) for _, _, a, o in pairs if o is not None]
    right = sum(a == o for a, o in given)

    def women(genders) -> tuple[int, int]:
        known = [g for g in genders if g in ("male", "female")]
        return sum(g == "female" for g in known), len(known)

    ow, ok = women(o for *_, o in pairs)
    aw, ak = women(a for _, _, a, _ in pairs)
    return {
        "quotes": n, "given": len(given), "right": right,
        "share_right": right / len(given) if given else float("nan"),
        "unknown": n - len(given), "share_unknown": (n - len(given)) / n if n else float("nan"),
        "ours_female": ow, "ours_known": ok, "ours_women_share": ow / ok if ok else float("nan"),
        "ann_female": aw, "ann_known": ak, "ann_women_share": aw / ak if ak else float("nan"),
        "ann_unknown": n - ak,
    }


def pipeline_pairs(texts: dict[str, str], find_actors, extract_quotes,
                   annotation=None) -> list[tuple]:
    """End to end, as a gender-gap table would count: ``(article id, annotated gender, ours)``
    per annotated quote, ``ours`` the gender of the speaker that ``extract_quotes`` gives the
    first extracted quote overlapping it (its actor's in ``find_actors``), else ``"no
    quote"``, ``"no speaker"`` or ``"unknown"`` — so attribution errors count here too."""
    annotation = annotation if annotation is not None else read_annotation()
    rows = []
    for aid, quotes in annotation.items():
        if not quotes:
            continue
        mentions, found = find_actors(texts[aid]), extract_quotes(texts[aid])
        gender_of = {}
        for actor, gender in zip(mentions["actor"], mentions["gender"], strict=True):
            if gender in ("male", "female"):
                gender_of.setdefault(actor, gender)
        for q in quotes:
            hit = found[(found["start"] < q["end"]) & (found["end"] > q["start"])]
            if not len(hit):
                ours = "no quote"
            elif not isinstance(hit["speaker"].iloc[0], str):
                ours = "no speaker"
            else:
                ours = gender_of.get(hit["speaker"].iloc[0], "unknown")
            rows.append((aid, q["speaker_gender"], ours))
    return rows

