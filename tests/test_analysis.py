"""Tests for newsresearch.analysis: one pass over every stage, consistent tables, writing them."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsresearch as nr
from newsresearch.analysis import SUMMARY_COLUMNS, TABLES, analyze, figure_sources

# (table, start column, end column, column holding the surface)
SPANS = [
    ("sentences", "start", "end", "text"),
    ("tokens", "start", "end", "token"),
    ("actors", "start", "end", "surface"),
    ("mentions_sentiment", "start", "end", "surface"),
    ("quotes", "start", "end", "quote"),
    ("quotes", "speaker_start", "speaker_end", "speaker_surface"),
    ("quotes", "cue_start", "cue_end", "cue"),
    ("figures", "start", "end", "surface"),
    ("figures", "source_start", "source_end", "source"),
    ("quality", "start", "end", "surface"),
]


@pytest.fixture(scope="module")
def sample(sample_article):
    return analyze(sample_article)


def _bad_spans(text: str, df: pd.DataFrame, s: str, e: str, col: str) -> list:
    bad = []
    for start, end, surface in zip(df[s], df[e], df[col], strict=True):
        if pd.isna(start):
            assert pd.isna(end)
            continue
        if not (0 <= int(start) <= int(end) <= len(text)) or text[int(start):int(end)] != surface:
            bad.append((start, end, surface))
    return bad


# --------------------------------------------------------------------------- the sample


@pytest.mark.parametrize("table,s,e,col", SPANS, ids=[f"{t}.{c}" for t, _, _, c in SPANS])
def test_every_offset_slices_back(sample, table, s, e, col):
    df = getattr(sample, table)
    assert len(df) or table == "quality"
    assert _bad_spans(sample.text, df, s, e, col) == []


def test_offsets_index_the_article_text(sample, sample_article):
    assert sample.text is sample_article.text
    assert sample.article is sample_article


def test_quote_speakers_that_name_an_actor_are_in_the_actor_table(sample):
    actors = set(sample.actor_table["actor"])
    m = sample.actors
    checked = 0
    for q in sample.quotes.itertuples():
        if pd.isna(q.speaker_start):
            continue
        overlaps = m[(m["start"] < q.speaker_end) & (m["end"] > q.speaker_start)]
        if len(overlaps) or q.source_type == "named_person":
            checked += 1
            assert q.speaker in actors, (q.speaker, q.speaker_surface)
    assert checked >= 15  # the sample has 19 quotes, almost all attributed to a named actor


def test_figure_sources_that_name_an_actor_are_in_the_actor_table(sample):
    actors = set(sample.actor_table["actor"])
    f, m = sample.figures, sample.actors
    named = f[f["source_actor"].notna()]
    assert len(named) >= 3  # Gaza Ministry of Health, Israel, U.S. government
    assert set(named["source_actor"]) <= actors
    for r in f[f["source_start"].notna()].itertuples():
        overlaps = m[(m["start"] < r.source_end) & (m["end"] > r.source_start)]
        if len(overlaps):
            assert r.source_actor in set(overlaps["actor"]), r.source


def test_mention_tables_agree(sample):
    # sentiment was computed on the very mentions find_actors returned
    assert sample.mentions_sentiment["mention_id"].tolist() == sample.actors["mention_id"].tolist()
    assert set(sample.actor_sentiment["actor"]) == set(sample.actor_table["actor"])
    assert sample.actor_table["mentions"].sum() == len(sample.actors)
    # every sentence id used anywhere exists
    ids = set(sample.sentences["sentence_id"])
    for name in ("tokens", "actors", "quotes", "figures"):
        assert set(getattr(sample, name)["sentence_id"]) <= ids, name


# A tiny hand-written article; every count below was made by reading it, not by running code:
# 2 paragraphs, 3 sentences, 140 characters; 21 words (9 + 7 + 5: tokens with a letter, so "$"
# and "4" and "300" are not words); 3 actors, one mention each: Jane Doe (person), "officials"
# and "residents" (groups of people, as find_actors counts them); 2 quotes: one direct with a
# named speaker, and the reported "The project will cost $4 million", said by anonymous
# officials; 2 named speakers; 2 figures, $4 million (vouched for by the officials) and 300
# (on the story's own authority); no quality flags, no warnings, no title.
SUMMARY_TEXT = ("“We will rebuild the bridge,” said Mayor Jane Doe.\n\n"
                "The project will cost $4 million, officials said. "
                "About 300 residents signed a petition.")
SUMMARY_BY_HAND = {
    "characters": 140, "paragraphs": 2, "sentences": 3, "words": 21, "actors": 3,
    "mentions": 3, "people": 1, "organizations": 0, "places": 0, "groups": 2, "quotes": 2,
    "direct_quotes": 1, "quoted_speakers": 2, "anonymous_quotes": 1, "figures": 2,
    "sourced_figures": 1, "quality_flags": 0, "warnings": 0,
}


def test_summary_counts_equal_hand_counts():
    s = analyze(SUMMARY_TEXT).summary()
    assert list(s.columns) == SUMMARY_COLUMNS and len(s) == 1
    row = s.iloc[0]
    assert {k: int(row[k]) for k in SUMMARY_BY_HAND} == SUMMARY_BY_HAND
    assert row["title"] is None and row["published"] is None


def test_sample_summary_matches_the_hand_annotation(sample):
    row = sample.summary().iloc[0]
    # 52 sentences in data/annotations/sample_sentences.txt; the title from the .meta.json
    assert row["sentences"] == 52
    assert row["title"] == "Blinken returns to the Middle East as tensions with Israel rise"


def test_figure_sources_counts_claims_only(sample):
    fs = sample.figure_sources()
    claims = sample.figures["kind"].isin(["count", "money", "percent", "quantity", "duration",
                                          "range"])
    assert fs["figures"].sum() == claims.sum()
    assert "no source" in set(fs["source"])
    assert set(fs["vouched"]) <= {"named source", "unnamed source", "no source"}
    assert figure_sources(sample.figures, claims_only=False)["figures"].sum() == len(
        sample.figures)


def test_repr_html_has_counts_and_highlighted_article(sample):
    page = sample._repr_html_()
    assert page.count('class="nr-quote"') == len(sample.quotes)
    assert page.count('class="nr-figure"') == len(sample.figures)
    assert "52</td>" in page  # sentences
    assert "Analysis(" in repr(sample)


# --------------------------------------------------------------------------- the pipeline


def test_work_is_shared_split_once_actors_once(monkeypatch, sample_article):
    import newsresearch.actors as actors_pkg
    import newsresearch.actors.extract as extract_mod
    import newsresearch.tokens.sentences as tokens_mod

    # Punkt runs in tokens.sentences._sentence_spans; mentions are found in actors.mention_records
    calls = {"sentence_spans": 0, "mention_records": 0}
    real_split, real_find = tokens_mod._sentence_spans, extract_mod.mention_records

    def split(*a, **k):
        calls["sentence_spans"] += 1
        return real_split(*a, **k)

    def find(*a, **k):
        calls["mention_records"] += 1
        return real_find(*a, **k)

    monkeypatch.setattr(tokens_mod, "_sentence_spans", split)
    for mod in (actors_pkg, extract_mod):
        monkeypatch.setattr(mod, "mention_records", find)
    a = analyze(sample_article)
    for name in TABLES:  # building every table must not redo either
        a.summary() if name == "summary" else getattr(a, name)
    assert calls == {"sentence_spans": 1, "mention_records": 1}


def test_str_is_analysed_as_given_not_cleaned():
    # "Leave A Reply" would be removed by cleaning; a str is taken as is
    text = "Headline here\n\nMr. Smith said it was fine.\n\nLeave A Reply"
    a = analyze(text)
    assert a.text == text
    assert a.sentences["text"].iloc[-1] == "Leave A Reply"


def test_article_published_date_completes_figure_dates():
    art = nr.Article.from_text("The army said it struck on Dec. 8 and again on Jan. 2.",
                               clean=False, published="2024-01-05")
    dates = analyze(art).figures.query("kind == 'date'")["value"].tolist()
    assert dates == ["2023-12-08", "2024-01-02"]


def test_aliases_are_passed_to_find_actors():
    aliases = pd.DataFrame({"alias": ["the Fed"], "actor": ["Federal Reserve"],
                            "actor_type": ["organization"]})
    a = analyze("Officials at the Fed said rates would stay.", aliases=aliases)
    assert "Federal Reserve" in set(a.actors["actor"])


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty text"),
    pytest.param("   \n\n  ", id="only whitespace"),
    pytest.param("“", id="a lone opening quote mark"),
])
def test_empty_or_degenerate_text_gives_empty_tables(text):
    a = analyze(text)
    for name in TABLES:
        df = a.tables()[name]
        assert isinstance(df, pd.DataFrame)
    assert len(a.actors) == len(a.figures) == 0
    assert a.summary()["sentences"].iloc[0] == len(a.sentences)


def test_quote_warnings_reach_the_warnings_table():
    a = analyze("He said “no. Then he left.\n\nThe end.")
    w = a.warnings
    assert list(w.columns) == ["stage", "start", "end", "message"]
    assert (w["stage"] == "quotes").sum() == 1
    assert w["message"].iloc[0].startswith("unclosed quote")


def test_article_warnings_reach_the_warnings_table():
    art = nr.Article.from_text("Leave A Reply")  # cleaning removes everything
    a = analyze(art)
    assert "article" in set(a.warnings["stage"])


# --------------------------------------------------------------------------- escaping


def test_repr_html_escapes_article_text():
    text = "“<script>window.__pwned=1</script> <img src=x onerror=alert(1)>,” said Ann Lee."
    page = analyze(nr.Article.from_text(text, title="<b>bold</b> title"))._repr_html_()
    assert "<script>" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;bold&lt;/b&gt;" in page


# --------------------------------------------------------------------------- writing


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_to_dir_writes_every_table(tmp_path, sample, fmt):
    out = sample.to_dir(tmp_path, format=fmt)
    assert sorted(out) == sorted(TABLES)
    for name, path in out.items():
        assert path.name == f"{name}.{fmt}"
        if fmt == "csv":
            back = pd.read_csv(path) if path.stat().st_size > 1 else pd.DataFrame()
        elif fmt == "parquet":
            back = pd.read_parquet(path)
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            back = pd.DataFrame([json.loads(x) for x in lines])
        assert len(back) == len(sample.tables()[name]), name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_to_dir_rejects_unknown_format(tmp_path, sample):
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        sample.to_dir(tmp_path, format="xlsx")


def test_parquet_keeps_mixed_figure_values_as_text(tmp_path, sample):
    path = sample.to_dir(tmp_path, format="parquet")["figures"]
    back = pd.read_parquet(path)
    assert "22000" in set(back["value"].dropna())
    assert back["start"].tolist() == sample.figures["start"].tolist()


# --------------------------------------------------------------------------- properties


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
               max_size=200))
def test_any_text_never_raises_and_offsets_slice_back(text):
    a = analyze(text)
    for table, s, e, col in SPANS:
        assert _bad_spans(text, getattr(a, table), s, e, col) == [], (table, col)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Mr. Smith said", "“We will win,”", "the ministry said", " 40,000 people", " $3.5 million",
    "\n\n", ". ", " according to officials", "Israel", " ’", "“", "\u00a0", "Ms. Lee:", "5%",
]), max_size=25).map("".join))
def test_news_like_fragments_never_raise(text):
    a = analyze(text)
    assert a.summary()["characters"].iloc[0] == len(text)
    for table, s, e, col in SPANS:
        assert _bad_spans(text, getattr(a, table), s, e, col) == [], (table, col)


def test_interrupted_write_leaves_no_table_and_no_temp_file(tmp_path, monkeypatch):
    from newsresearch.analysis import write_table

    def boom(self, path, **kw):
        with open(path, "w") as fh:  # half a table, then the run dies
            fh.write("a,b\n1,")
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        write_table(pd.DataFrame({"a": [1], "b": [2]}), tmp_path / "t")
    assert list(tmp_path.iterdir()) == []
