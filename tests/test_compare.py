"""newsresearch.compare on small corpora whose right answers are worked out by hand.

The hand-made corpus (``TABLES``): five articles, written as tables.

====  ======  ==========  ===============================================================
id    outlet  published   quotes (speaker, gender, source_type)
====  ======  ==========  ===============================================================
a1    A       2019-01-05  Jane Doe f ×2, John Roe m ×1 (named_person); one label row
a2    A       2019-06     officials ? anonymous; no speaker ? unknown; the ministry ? document
a3    B       2020-02-01  Jane Doe f, Bob Poe m ×2 (named_person)
a4    C       2020-03-01  no quotes
a5    D       2020-04-01  a spokesperson ? anonymous ×2 (only unknown genders)
====  ======  ==========  ===============================================================

Mentions: a1 Jane Doe ×3, John Roe, Acme; a2 Acme ×2, officials; a3 Jane Doe, Bob Poe ×2;
a4 Acme; a5 none (12 mentions). Claim figures: a1 a count sourced to Jane Doe and a sum
sourced to "officials" (plus a date, not a claim); a3 a percentage without source; a4 a
count sourced to Acme.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsresearch as nr
from newsresearch.compare import (
    NO_SPEAKER,
    OUTPUT_COLUMNS,
    TOO_FEW,
    framing,
    presence,
    ratio_arrays,
    sourcing,
    voice,
)

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "a4", "a5"],
    "outlet": ["A", "A", "B", "C", "D"],
    "published": ["2019-01-05", "2019-06", "2020-02-01", "2020-03-01", "2020-04-01"],
})
_Q = [  # article, speaker, gender, source_type, kind
    ("a1", "Jane Doe", "female", "named_person", "direct"),
    ("a1", "Jane Doe", "female", "named_person", "direct"),
    ("a1", "John Roe", "male", "named_person", "direct"),
    ("a1", "Acme Gazette", "unknown", "named_organization", "label"),
    ("a2", "officials", "unknown", "anonymous", "indirect"),
    ("a2", None, "unknown", "unknown", "direct"),
    ("a2", "the ministry", "unknown", "document", "indirect"),
    ("a3", "Jane Doe", "female", "named_person", "direct"),
    ("a3", "Bob Poe", "male", "named_person", "direct"),
    ("a3", "Bob Poe", "male", "named_person", "partial"),
    ("a5", "a spokesperson", "unknown", "anonymous", "direct"),
    ("a5", "a spokesperson", "unknown", "anonymous", "direct"),
]
QUOTES = pd.DataFrame(_Q, columns=["article_id", "speaker", "speaker_gender", "source_type",
                                   "kind"])
_M = ([("a1", "Jane Doe", "person", "female")] * 3 + [("a1", "John Roe", "person", "male"),
      ("a1", "Acme", "organization", None)] + [("a2", "Acme", "organization", None)] * 2
      + [("a2", "officials", "group", None), ("a3", "Jane Doe", "person", "female")]
      + [("a3", "Bob Poe", "person", "male")] * 2 + [("a4", "Acme", "organization", None)])
ACTORS = pd.DataFrame(_M, columns=["article_id", "actor", "actor_type", "gender"])
FIGURES = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a3", "a4"], "figure_id": [0, 1, 2, 0, 0],
    "surface": ["300", "$5", "Monday", "4%", "12"],
    "kind": ["count", "money", "date", "percent", "count"],
    "source": ["Ms. Doe", "officials", None, None, "Acme"],
    "source_actor": ["Jane Doe", None, None, None, "Acme"]})
SENTIMENT = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a2", "a3", "a3", "a4"],
    "actor": ["Jane Doe", "John Roe", "Acme", "Acme", "officials", "Jane Doe", "Bob Poe",
              "Acme"],
    "mentions": [3, 1, 1, 2, 1, 1, 2, 1],
    "target_mean": [0.4, -0.5, 0.0, -0.5, 0.1, -0.6, 0.3, 0.5]})
TABLES = {"articles": ARTICLES, "quotes": QUOTES, "actors": ACTORS, "figures": FIGURES,
          "actor_sentiment": SENTIMENT}
FAST = {"n_boot": 200, "seed": 1}


def _row(df, **where):
    hit = df
    for col, value in where.items():
        hit = hit[hit[col].isna()] if value is None else hit[hit[col] == value]
    assert len(hit) == 1, f"{len(hit)} rows for {where}"
    return hit.iloc[0]


def _check(row, numerator, denominator, n_articles=None):
    assert row["numerator"] == numerator
    assert row["denominator"] == denominator
    if n_articles is not None:
        assert row["n_articles"] == n_articles
    if denominator == 0:
        assert math.isnan(row["estimate"]) and math.isnan(row["ci_low"])
    else:
        assert row["estimate"] == pytest.approx(numerator / denominator)


# --------------------------------------------------------------------------- voice


@pytest.mark.parametrize(("outlet", "gender", "num", "den", "n_art"), [
    pytest.param("A", "female", 2, 3, 1, id="known genders only in a1"),
    pytest.param("A", "male", 1, 3, 1, id="male share among known"),
    pytest.param("A", "unknown", 3, 6, 2, id="unknown share of all quotes, label excluded"),
    pytest.param("B", "unknown", 0, 3, 1, id="no unknowns"),
    pytest.param("C", "female", 0, 0, 0, id="group with no quotes: female"),
    pytest.param("C", "unknown", 0, 0, 0, id="group with no quotes: unknown"),
    pytest.param("D", "female", 0, 0, 0, id="only unknown genders: no known denominator"),
    pytest.param("D", "male", 0, 0, 0, id="only unknown genders: male"),
    pytest.param("D", "unknown", 2, 2, 1, id="only unknown genders: all unknown"),
])
def test_voice_gender_by_outlet(outlet, gender, num, den, n_art):
    v = voice(TABLES, by="outlet", level="speaker_gender", **FAST)
    _check(_row(v, outlet=outlet, speaker_gender=gender), num, den, n_art)


def test_voice_gender_rows_and_measures():
    v = voice(TABLES, by="outlet", level="speaker_gender", **FAST)
    assert list(v.columns) == ["outlet", "speaker_gender", *OUTPUT_COLUMNS,
                               "voice_presence_ratio"]
    assert v["outlet"].tolist() == ["A"] * 3 + ["B"] * 3 + ["C"] * 3 + ["D"] * 3
    assert v["speaker_gender"].tolist() == ["female", "male", "unknown"] * 4
    assert v["measure"].tolist()[:3] == ["share of quotes with a known gender"] * 2 + [
        "share of quotes"]


def test_voice_gender_by_year_from_published():
    v = voice(TABLES, by="year", level="speaker_gender", **FAST)
    assert v["year"].tolist() == [2019] * 3 + [2020] * 3
    _check(_row(v, year=2020, speaker_gender="female"), 1, 3)
    _check(_row(v, year=2020, speaker_gender="unknown"), 2, 5, 2)  # a3 and a5 have quotes


def test_voice_presence_ratio_of_genders():
    v = voice(TABLES, level="speaker_gender", **FAST)
    # quotes with a known gender: Doe 3 (f), Roe 1 + Poe 2 (m) -> 3/6 each;
    # person mentions with a known gender: Doe 4 (f), Roe 1 + Poe 2 (m) of 7
    assert _row(v, speaker_gender="female")["voice_presence_ratio"] == pytest.approx(
        0.5 / (4 / 7))
    assert _row(v, speaker_gender="male")["voice_presence_ratio"] == pytest.approx(
        0.5 / (3 / 7))
    assert math.isnan(_row(v, speaker_gender="unknown")["voice_presence_ratio"])
    _check(_row(v, speaker_gender="unknown"), 5, 11, 4)


def test_voice_speakers_whole_corpus():
    v = voice(TABLES, **FAST)
    assert "outlet" not in v.columns and v.columns[0] == "speaker"
    expected = {"Jane Doe": 3, "Bob Poe": 2, "a spokesperson": 2, "John Roe": 1,
                "officials": 1, NO_SPEAKER: 1, "the ministry": 1}
    assert dict(zip(v["speaker"], v["numerator"], strict=True)) == expected
    assert set(v["denominator"]) == {11}  # 12 rows, one of them a label
    assert v["speaker"].tolist()[:3] == ["Jane Doe", "Bob Poe", "a spokesperson"]
    # Doe: 3 of 11 quotes, 4 of 12 mentions
    assert _row(v, speaker="Jane Doe")["voice_presence_ratio"] == pytest.approx(
        (3 / 11) / (4 / 12))
    assert math.isnan(_row(v, speaker="the ministry")["voice_presence_ratio"])


def test_voice_group_without_quotes_keeps_a_row():
    v = voice(TABLES, by="outlet", **FAST)
    row = _row(v, outlet="C")
    assert pd.isna(row["speaker"])
    _check(row, 0, 0, 0)


@pytest.mark.parametrize(("year", "stype", "num", "den"), [
    pytest.param(2019, "named_person", 3, 6, id="2019 named"),
    pytest.param(2019, "anonymous", 1, 6, id="2019 anonymous"),
    pytest.param(2019, "document", 1, 6, id="2019 document"),
    pytest.param(2019, "unknown", 1, 6, id="2019 unknown"),
    pytest.param(2019, "named_organization", 0, 6, id="label is not a named organization"),
    pytest.param(2020, "anonymous", 2, 5, id="2020 anonymous"),
    pytest.param(2020, "document", 0, 5, id="listed though absent"),
])
def test_voice_source_type_by_year(year, stype, num, den):
    v = voice(TABLES, by="year", level="source_type", **FAST)
    assert len(v) == 10  # five source types in each of two years
    _check(_row(v, year=year, source_type=stype), num, den)


def test_month_from_published_and_mixed_group_values():
    s = sourcing(TABLES, by="month", **FAST)
    assert s["month"].unique().tolist() == ["2019-01", "2019-06", "2020-02", "2020-03",
                                            "2020-04"]
    odd = voice(TABLES, by=lambda row: 1 if row["outlet"] == "A" else "other", **FAST)
    assert set(odd["group"]) == {1, "other"}


def test_articles_without_date_are_their_own_group():
    arts = ARTICLES.assign(published=["2019-01-05", None, "2020-02-01", "2020-03-01", ""])
    v = voice({**TABLES, "articles": arts}, by="year", level="speaker_gender", **FAST)
    assert v["year"].iloc[:6].tolist() == [2019] * 3 + [2020] * 3
    assert str(v["year"].dtype) == "Int64"  # whole years, not 2019.0, beside the missing
    missing = v[v["year"].isna()]  # a2 (None) and a5 (""): 3 + 2 quotes, all unknown
    _check(_row(missing, speaker_gender="unknown"), 5, 5, 2)


def test_voice_by_function_of_article_row():
    v = voice(TABLES, by=lambda row: row["outlet"] in ("A", "B"), level="speaker_gender",
              **FAST)
    assert v.columns[0] == "group" and v["group"].tolist() == [False] * 3 + [True] * 3
    _check(_row(v, group=True, speaker_gender="female"), 3, 6, 2)  # a1: 2 of 3, a3: 1 of 3
    _check(_row(v, group=False, speaker_gender="unknown"), 2, 2, 1)  # a4 none, a5 two


def test_voice_gender_from_actors_when_quotes_lack_it():
    tables = {**TABLES, "quotes": QUOTES.drop(columns="speaker_gender")}
    v = voice(tables, level="speaker_gender", **FAST)
    _check(_row(v, speaker_gender="female"), 3, 6)
    _check(_row(v, speaker_gender="unknown"), 5, 11)


# --------------------------------------------------------------------------- presence


def test_presence_actors_whole_corpus():
    p = presence(TABLES, **FAST)
    assert list(p.columns) == ["actor", "actor_type", *OUTPUT_COLUMNS]
    m = p[p["measure"] == "share of mentions"]
    assert dict(zip(m["actor"], m["numerator"], strict=True)) == {
        "Jane Doe": 4, "Acme": 4, "Bob Poe": 2, "John Roe": 1, "officials": 1}
    _check(_row(m, actor="Jane Doe"), 4, 12, 4)  # a5 has no mention
    a = p[p["measure"] == "share of articles"]
    _check(_row(a, actor="Acme"), 3, 5, 5)
    _check(_row(a, actor="Jane Doe"), 2, 5, 5)
    assert p["measure"].tolist() == ["share of mentions"] * 5 + ["share of articles"] * 5


def test_presence_actor_types_and_empty_group():
    p = presence(TABLES, by="outlet", level="actor_type", **FAST)
    m = p[p["measure"] == "share of mentions"]
    _check(_row(m, outlet="A", actor_type="person"), 4, 8, 2)
    _check(_row(m, outlet="A", actor_type="organization"), 3, 8, 2)
    row = _row(m, outlet="D")  # no mentions at all
    assert pd.isna(row["actor_type"])
    _check(row, 0, 0, 0)
    _check(_row(p[p["measure"] == "share of articles"], outlet="D"), 0, 1, 1)


def test_presence_only_people():
    p = presence(TABLES, actor_types=["person"], **FAST)
    _check(_row(p, actor="Jane Doe", measure="share of mentions"), 4, 7)


# --------------------------------------------------------------------------- sourcing


@pytest.mark.parametrize(("year", "measure", "num", "den"), [
    pytest.param(2019, "anonymous share of quotes", 1, 6, id="2019 anonymous"),
    pytest.param(2020, "anonymous share of quotes", 2, 5, id="2020 anonymous"),
    pytest.param(2019, "document share of quotes", 1, 6, id="2019 document"),
    pytest.param(2020, "document share of quotes", 0, 5, id="2020 document"),
    pytest.param(2019, "share of claim figures with a source", 2, 2, id="date not a claim"),
    pytest.param(2019, "share of claim figures with a named source", 1, 2, id="named 2019"),
    pytest.param(2020, "share of claim figures with a source", 1, 2, id="2020 sourced"),
    pytest.param(2020, "share of claim figures with a named source", 1, 2, id="named 2020"),
])
def test_sourcing_by_year(year, measure, num, den):
    s = sourcing(TABLES, by="year", **FAST)
    assert list(s.columns) == ["year", *OUTPUT_COLUMNS] and len(s) == 8
    _check(_row(s, year=year, measure=measure), num, den)


def test_sourcing_group_without_quotes_or_figures():
    s = sourcing(TABLES, by="outlet", **FAST)
    assert (s["outlet"] == "D").sum() == 4
    _check(_row(s, outlet="D", measure="share of claim figures with a source"), 0, 0, 0)
    _check(_row(s, outlet="C", measure="anonymous share of quotes"), 0, 0, 0)


# --------------------------------------------------------------------------- framing


def test_framing_whole_corpus_with_too_few():
    f = framing(TABLES, min_mentions=3, **FAST)
    assert list(f.columns) == ["actor", *OUTPUT_COLUMNS, "n_actors"]
    assert f["actor"].tolist() == ["Acme", "Jane Doe", TOO_FEW]
    doe = _row(f, actor="Jane Doe")  # 3 x 0.4 + 1 x -0.6 over 4 mentions
    assert doe["numerator"] == pytest.approx(0.6) and doe["denominator"] == 4
    assert doe["estimate"] == pytest.approx(0.15) and doe["n_articles"] == 2
    acme = _row(f, actor="Acme")  # 0 + 2 x -0.5 + 0.5 over 4 mentions
    assert acme["estimate"] == pytest.approx(-0.125) and acme["n_articles"] == 3
    few = _row(f, actor=TOO_FEW)  # Roe -0.5, officials 0.1, Poe 2 x 0.3
    assert few["n_actors"] == 3 and few["denominator"] == 4
    assert few["numerator"] == pytest.approx(0.2) and math.isnan(few["estimate"])


def test_framing_threshold_is_per_group():
    f = framing(TABLES, by="year", min_mentions=3, **FAST)
    assert f["actor"].tolist() == ["Acme", "Jane Doe", TOO_FEW, TOO_FEW]
    assert _row(f, year=2019, actor="Acme")["estimate"] == pytest.approx(-1 / 3)
    assert _row(f, year=2019, actor="Jane Doe")["estimate"] == pytest.approx(0.4)
    assert _row(f, year=2020, actor=TOO_FEW)["n_actors"] == 3  # Doe 1, Poe 2, Acme 1
    assert _row(f, year=2019, actor=TOO_FEW)["n_actors"] == 2


def test_framing_every_actor_enough_keeps_too_few_row():
    f = framing(TABLES, by="outlet", min_mentions=1, **FAST)
    d = f[f["outlet"] == "D"]
    assert d["actor"].tolist() == [TOO_FEW] and d["n_actors"].tolist() == [0]


# --------------------------------------------------------------------------- intervals


def test_interval_resamples_articles_not_quotes():
    # two articles: one all women (10 quotes), one all men (10): every quote-level interval
    # would be narrow; over articles a replicate can hold either article twice
    tables = {"articles": pd.DataFrame({"article_id": ["x", "y"]}),
              "quotes": pd.DataFrame({"article_id": ["x"] * 10 + ["y"] * 10,
                                      "speaker": ["A"] * 10 + ["B"] * 10,
                                      "speaker_gender": ["female"] * 10 + ["male"] * 10,
                                      "kind": "direct", "source_type": "named_person"}),
              "actors": ACTORS.iloc[:0]}
    row = _row(voice(tables, level="speaker_gender", **FAST), speaker_gender="female")
    assert row["estimate"] == 0.5
    assert row["ci_low"] == 0.0 and row["ci_high"] == 1.0


def test_one_article_gives_no_interval():
    r = ratio_arrays(3, 1, [0, 0], [0, 0], [1, 0], [2, 0, 0], shared=True, n_boot=100, seed=0)
    assert r["estimate"].tolist() == [0.5] and r["n_articles"].tolist() == [1]
    assert math.isnan(r["ci_low"][0]) and math.isnan(r["ci_high"][0])


def test_seed_reproducible_and_changes_interval():
    a = voice(TABLES, level="source_type", n_boot=100, seed=3)
    b = voice(TABLES, level="source_type", n_boot=100, seed=3)
    c = voice(TABLES, level="source_type", n_boot=100, seed=4)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_high"], c["ci_high"], equal_nan=True) or not np.allclose(
        a["ci_low"], c["ci_low"], equal_nan=True)


def _clustered_corpus(rng, n):
    """``n`` articles of 1-8 quotes; each article's quotes come from women with its own
    probability (Beta(1.5, 3.5), mean 0.3), so quotes cluster by article; the true share of
    women among quotes is 0.3."""
    k = rng.integers(1, 9, size=n)
    women = rng.binomial(k, rng.beta(1.5, 3.5, size=n))
    ids = [f"n{i}" for i in range(n)]
    genders = [g for w, m in zip(women, k, strict=True) for g in ["female"] * w + ["male"] * (m - w)]
    quotes = pd.DataFrame({"article_id": np.repeat(ids, k), "speaker": "S",
                           "speaker_gender": genders, "kind": "direct",
                           "source_type": "named_person"})
    return {"articles": pd.DataFrame({"article_id": ids}), "quotes": quotes,
            "actors": ACTORS.iloc[:0]}


@pytest.mark.slow
def test_article_bootstrap_covers_known_share_about_95_percent():
    rng = np.random.default_rng(20261203)
    reps, hits, naive = 200, 0, 0
    for rep in range(reps):
        v = voice(_clustered_corpus(rng, 40), level="speaker_gender", n_boot=400, seed=rep)
        row = _row(v, speaker_gender="female")
        hits += row["ci_low"] <= 0.3 <= row["ci_high"]
        # the textbook interval treating quotes as independent, for contrast
        p, n = row["estimate"], row["denominator"]
        naive += abs(p - 0.3) <= 1.96 * (p * (1 - p) / n) ** 0.5
    assert 0.88 <= hits / reps <= 0.99
    assert naive / reps < 0.9  # clustered quotes: an interval over quotes is too narrow


@st.composite
def _corpora(draw):
    n = draw(st.integers(1, 6))
    ids = [f"d{i}" for i in range(n)]
    quotes = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(["P", "Q", None]),
                                     st.sampled_from(["female", "male", "unknown", None]),
                                     st.sampled_from(["direct", "label", "indirect"])),
                           max_size=25))
    groups = draw(st.lists(st.sampled_from(["g1", "g2", None]), min_size=n, max_size=n))
    q = pd.DataFrame(quotes, columns=["article_id", "speaker", "speaker_gender", "kind"])
    q["source_type"] = np.where(q["speaker"].isna(), "unknown", "named_person")
    return {"articles": pd.DataFrame({"article_id": ids, "desk": groups}), "quotes": q,
            "actors": ACTORS.iloc[:0]}


@given(_corpora(), st.sampled_from(["speaker", "source_type", "speaker_gender"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_shares_and_intervals_are_sane(tables, level):
    v = voice(tables, by="desk", level=level, n_boot=60, seed=0)
    est, lo, hi = v["estimate"], v["ci_low"], v["ci_high"]
    assert ((est >= 0) & (est <= 1) | est.isna()).all()
    assert ((lo <= est + 1e-12) & (est <= hi + 1e-12) | lo.isna()).all()
    assert (lo.isna() | est.notna()).all()
    assert (v["numerator"] <= v["denominator"]).all()
    n_groups = tables["articles"]["desk"].nunique(dropna=False)
    assert v["desk"].nunique(dropna=False) == n_groups  # no group dropped
    if level == "speaker":  # the speakers' quotes add up to every quote of the group
        sums = v.groupby("desk", dropna=False).agg(n=("numerator", "sum"),
                                                   d=("denominator", "first"))
        assert (sums["n"] == sums["d"]).all()


# --------------------------------------------------------------------------- Analysis / Results

TEXTS = [
    "“We will build the bridge,” said Mayor Jane Doe. “It costs too much,” said Mr. John "
    "Smith. “We will find the money,” Doe said.",
    "“The plan is sound,” said Ms. Jane Doe. The council voted on Monday.",
    "The council met on Monday. Nobody spoke to reporters.",
]


@pytest.fixture(scope="module")
def analyses():
    return [nr.analyze(nr.Article.from_text(t)) for t in TEXTS]


def test_voice_of_hand_written_articles(analyses):
    v = voice(analyses, by=lambda row: row["article_id"], level="speaker", **FAST)
    speakers = v["speaker"].fillna("missing")
    assert dict(zip(zip(v["group"], speakers, strict=True), v["numerator"], strict=True)) == {
        ("0", "Jane Doe"): 2, ("0", "John Smith"): 1, ("1", "Jane Doe"): 1, ("2", "missing"): 0}
    _check(_row(v, group="2"), 0, 0, 0)
    g = voice(analyses, level="speaker_gender", **FAST)
    _check(_row(g, speaker_gender="female"), 3, 4, 2)
    _check(_row(g, speaker_gender="unknown"), 0, 4, 2)


def test_results_give_the_same_tables_as_analyses(analyses, tmp_path):
    from newsresearch.corpus import analyze_corpus

    res = analyze_corpus(TEXTS, tmp_path / "out", workers=1)
    for fn, kw in [(presence, {}), (voice, {"level": "speaker"}),
                   (voice, {"level": "speaker_gender"}), (sourcing, {}),
                   (framing, {"min_mentions": 1})]:
        pd.testing.assert_frame_equal(fn(res, **kw, **FAST), fn(analyses, **kw, **FAST),
                                      check_dtype=False)


@pytest.mark.parametrize(("by", "message"), [
    pytest.param("nope", "not a column of the articles table", id="unknown column"),
    pytest.param(3, "by must be None", id="not a name or function"),
])
def test_bad_by_is_one_clear_error(by, message):
    with pytest.raises((ValueError, TypeError), match=message):
        voice(TABLES, by=by, **FAST)


@pytest.mark.parametrize(("call", "message"), [
    pytest.param(lambda: voice(TABLES, level="gender"), "level must be one of",
                 id="unknown voice level"),
    pytest.param(lambda: presence(TABLES, n_boot=0), "n_boot must be a positive int",
                 id="no replicates"),
    pytest.param(lambda: framing(TABLES, score="x"), "score must be one of", id="bad score"),
    pytest.param(lambda: sourcing("results/"), "source must be a Results", id="a path"),
    pytest.param(lambda: voice([1, 2]), "not an Analysis", id="list of non-analyses"),
    pytest.param(lambda: voice({"articles": ARTICLES}), "lack quotes", id="missing table"),
])
def test_bad_options_are_one_clear_error(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_inputs_are_not_altered():
    before = {k: v.copy() for k, v in TABLES.items()}
    for fn in (presence, voice, sourcing, framing):
        fn(TABLES, by="year", n_boot=20)
    for k, v in TABLES.items():
        pd.testing.assert_frame_equal(v, before[k])


@given(st.lists(st.tuples(st.sampled_from(["d0", "d1", "d2", "d3"]),
                          st.sampled_from(["P", "Q", "R"]), st.integers(1, 4),
                          st.floats(-1, 1)), max_size=12),
       st.integers(1, 6))
@settings(max_examples=40, deadline=None)
def test_framing_keeps_every_mention(rows, min_mentions):
    arts = pd.DataFrame({"article_id": ["d0", "d1", "d2", "d3"], "desk": ["x", "x", "y", "z"]})
    s = pd.DataFrame(rows, columns=["article_id", "actor", "mentions", "target_mean"])
    s = s.drop_duplicates(["article_id", "actor"])
    f = framing({"articles": arts, "actor_sentiment": s}, by="desk", min_mentions=min_mentions,
                n_boot=40)
    assert f.groupby("desk")["denominator"].sum().to_dict() == {
        d: int(s["mentions"][s["article_id"].map(dict(zip(arts.article_id, arts.desk,
                                                          strict=True))) == d].sum())
        for d in ("x", "y", "z")}
    own = f[f["actor"] != TOO_FEW]
    assert (own["denominator"] >= min_mentions).all()
    assert ((own["estimate"] >= -1 - 1e-9) & (own["estimate"] <= 1 + 1e-9)).all()
    assert ((own["ci_low"] <= own["estimate"] + 1e-9) | own["ci_low"].isna()).all()
    assert (f["actor"] == TOO_FEW).sum() == 3  # one per group


@given(st.lists(st.lists(st.one_of(st.none(), st.floats(-5, 5)), min_size=3, max_size=3),
                min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_nan_quantiles_match_numpy(cells):
    import warnings

    from newsresearch.compare import nan_quantiles

    v = np.array([[np.nan if c is None else c for c in row] for row in cells])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = np.nanquantile(v, [0.025, 0.5, 0.975], axis=0)
    got = np.array(nan_quantiles(v, [0.025, 0.5, 0.975]))
    np.testing.assert_allclose(got, expected, equal_nan=True)


@pytest.mark.parametrize("fn", [presence, voice, sourcing, framing],
                         ids=lambda f: f.__name__)
def test_empty_corpus_gives_no_rows_but_the_columns(fn):
    df = fn([], by="year", n_boot=10)
    assert len(df) == 0 and list(df.columns)[0] == "year"
    cols = list(df.columns)
    assert cols[cols.index("measure"):cols.index("ci_high") + 1] == OUTPUT_COLUMNS


@pytest.mark.parametrize("fn", [presence, framing], ids=lambda f: f.__name__)
def test_small_memory_blocks_give_the_same_table(fn, monkeypatch):
    # blocks of 7 floats: replicates, items and rows are all taken a few at a time
    import newsresearch.compare.bootstrap as bootstrap

    wide = fn(TABLES, by="year", n_boot=300)
    monkeypatch.setattr(bootstrap, "_BLOCK", 7)
    pd.testing.assert_frame_equal(fn(TABLES, by="year", n_boot=300), wide)
