"""Tests for newsresearch.evaluate on tiny hand-made gold/prediction pairs.

Every expected precision, recall, F1 and agreement below was computed by hand from the pairs
written here (the arithmetic is in the comments), not by running the scorer.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsresearch.evaluate import (
    Evaluation,
    names_match,
    polarity_agreement,
    qualifier_agreement,
    read_antecedents,
    read_figure_annotations,
    read_quote_annotations,
    records_from_annotations,
    records_from_attributions,
    score_figures,
    score_quotes,
    sentiment_agreement,
    summarize,
)

# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("a, b, same", [
    pytest.param("Bill Clinton", "Hillary Clinton", False, id="Bill is not Hillary Clinton"),
    pytest.param("Mr. Obama", "Barack Obama", True, id="title and surname = full name"),
    pytest.param("Barack Obama", "Obama", True, id="full name = surname"),
    pytest.param("Mr. Obama", "Obama", True, id="title dropped"),
    pytest.param("Obama's", "Obama", True, id="possessive dropped"),
    pytest.param("Obama’s", "Barack Obama", True, id="curly possessive dropped"),
    pytest.param("Antony J. Blinken", "Antony Blinken", True, id="middle initial ignored"),
    pytest.param("Secretary of State Hillary Clinton", "Clinton", True, id="long role before"),
    pytest.param("President Bill Clinton", "Hillary Clinton", False, id="role does not help"),
    pytest.param("Republican nominee Trump", "Donald Trump", True,
                 id="lower-case description is no first name"),
    pytest.param("John Smith", "Jane Doe", False, id="different people"),
    pytest.param("he", "Barack Obama", False, id="pronoun"),
    pytest.param(None, "Obama", False, id="no speaker"),
    pytest.param("Mr.", "Mr.", False, id="only a title"),
])
def test_names_match(a, b, same):
    assert names_match(a, b) is same
    assert names_match(b, a) is same  # symmetric


# --------------------------------------------------------------------------- figures

FIGURE_TEXT = "Over 300 people paid $5 million on Oct. 7."
GOLD_FIGURES = pd.DataFrame([
    {"surface": "300", "start": 5, "end": 8, "value": 300, "unit": None, "kind": "count",
     "qualifier": "gt"},
    {"surface": "$5 million", "start": 21, "end": 31, "value": 5e6, "unit": "USD",
     "kind": "money", "qualifier": None},
    {"surface": "Oct. 7", "start": 35, "end": 41, "value": "XXXX-10-07", "unit": None,
     "kind": "date", "qualifier": None},
])
PREDICTED_FIGURES = pd.DataFrame([
    # right value, qualifier missed
    {"surface": "300", "start": 5, "end": 8, "value": 300, "unit": None, "kind": "count",
     "qualifier": None},
    # right value, wrong currency
    {"surface": "$5 million", "start": 21, "end": 31, "value": 5e6, "unit": "EUR",
     "kind": "money", "qualifier": None},
    # right span, wrong day
    {"surface": "Oct. 7", "start": 35, "end": 41, "value": "2023-10-08", "unit": None,
     "kind": "date", "qualifier": None},
    # spurious, overlapping no gold figure
    {"surface": "people", "start": 9, "end": 15, "value": 1, "unit": None, "kind": "count",
     "qualifier": None},
])


@pytest.mark.parametrize("level, tp, fp, fn, precision, recall, f1", [
    # all three spans overlap; "people" is spurious: P 3/4, R 3/3, F1 2·.75/1.75 = 6/7
    pytest.param("span", 3, 1, 0, 0.75, 1.0, 6 / 7, id="span"),
    # the date's value differs (fn + fp): P 2/4, R 2/3, F1 2·(1/3)/(7/6) = 4/7
    pytest.param("value", 2, 2, 1, 0.5, 2 / 3, 4 / 7, id="value"),
    # the currency differs too: P 1/4, R 1/3, F1 2·(1/12)/(7/12) = 2/7
    pytest.param("value+unit", 1, 3, 2, 0.25, 1 / 3, 2 / 7, id="value+unit"),
])
def test_score_figures_levels(level, tp, fp, fn, precision, recall, f1):
    ev = score_figures(GOLD_FIGURES, PREDICTED_FIGURES, level=level)
    assert (ev.tp, ev.fp, ev.fn) == (tp, fp, fn)
    assert (ev.precision, ev.recall, ev.f1) == pytest.approx((precision, recall, f1))
    assert ev.gold == 3


def test_figure_pairs_are_well_formed():
    for df in (GOLD_FIGURES, PREDICTED_FIGURES):
        assert [FIGURE_TEXT[s:e] for s, e in zip(df["start"], df["end"], strict=True)] == \
            df["surface"].tolist()


def test_score_figures_outcomes_say_why():
    ev = score_figures(GOLD_FIGURES, PREDICTED_FIGURES, level="value+unit")
    out = ev.outcomes.set_index("surface")
    assert out.loc["300", "outcome"] == "tp"
    assert out.loc["people", "outcome"] == "fp"
    missed = ev.outcomes[ev.outcomes["outcome"] == "fn"].set_index("gold_surface")
    assert missed.loc["$5 million", "note"] == "unit differs: 'EUR'"
    assert missed.loc["Oct. 7", "note"] == "value differs: 'Oct. 7'"


def test_qualifier_agreement_on_matched_figures():
    # value+unit: only "300" is matched and its qualifier (gt) is missed: 0 of 1
    q = qualifier_agreement(score_figures(GOLD_FIGURES, PREDICTED_FIGURES))
    assert (q.agree, q.n) == (0, 1)
    # span: all three matched; "$5 million" and "Oct. 7" have no qualifier on both sides: 2 of 3
    q = qualifier_agreement(score_figures(GOLD_FIGURES, PREDICTED_FIGURES, level="span"))
    assert (q.agree, q.n) == (2, 3)


def test_score_figures_cases_with_scope_and_extract():
    # the case annotates money only: the count found there is neither right nor wrong
    cases = [{"id": "c1", "text": FIGURE_TEXT, "scope": ["money"],
              "figures": [GOLD_FIGURES.iloc[1].to_dict()]}]
    preds = [PREDICTED_FIGURES.iloc[[1, 3]].assign(unit=["USD", None])]
    ev = score_figures(cases, preds)
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 0)
    assert ev.outcomes["outcome"].tolist() == ["skip", "tp"]  # in text order: people, $5 million
    assert score_figures(cases, extract=lambda text: preds[0]).f1 == 1.0


def test_score_figures_optional_gold_is_neither_rewarded_nor_penalised():
    gold = GOLD_FIGURES.assign(optional=[True, False, False])
    ev = score_figures(gold, PREDICTED_FIGURES.iloc[[1, 2]], level="span")
    # "300" optional and not found: skip, not fn; the two others overlap: P 2/2, R 2/2
    assert (ev.tp, ev.fp, ev.fn) == (2, 0, 0)
    # a prediction inside the optional figure that does not match it is not spurious either
    inside = PREDICTED_FIGURES.iloc[[0]].assign(value=301)
    assert score_figures(gold, inside, level="value").outcomes["outcome"].tolist()[:2] == [
        "skip", "skip"]


def test_score_figures_is_one_to_one():
    # two gold figures on one span, one prediction: tp 1, fn 1 → P 1/1, R 1/2, F1 2/3
    gold = pd.DataFrame([{"start": 0, "end": 1, "value": 5, "unit": None, "kind": "count"}] * 2)
    pred = gold.iloc[:1]
    ev = score_figures(gold, pred)
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 1)
    assert ev.f1 == pytest.approx(2 / 3)


@pytest.mark.parametrize("gold, pred", [
    pytest.param({"value": 0.5, "unit": "USD", "kind": "money"},
                 {"value": 50, "unit": "cent", "kind": "money"}, id="cents are dollars"),
    pytest.param({"value": 2, "unit": "GBP", "kind": "money"},
                 {"value": 200, "unit": "pence", "kind": "money"}, id="pence are pounds"),
    pytest.param({"value": 3, "unit": "t", "kind": "quantity"},
                 {"value": 3, "unit": "ton", "kind": "quantity"}, id="ton is t"),
    pytest.param({"value": "2023-10-07", "unit": None, "kind": "date"},
                 {"value": "XXXX-10-07", "unit": None, "kind": "date"}, id="X is a wildcard"),
    pytest.param({"value": 22000, "unit": None, "kind": "count"},
                 {"value": 22001, "unit": None, "kind": "count"}, id="relative tolerance 1e-4"),
    pytest.param({"value": "22000", "unit": None, "kind": "count"},
                 {"value": 22000, "unit": None, "kind": "count"}, id="number read as text"),
    pytest.param({"value": None, "low": 10, "high": 20, "unit": None, "kind": "range"},
                 {"value": None, "low": 10, "high": 20, "unit": None, "kind": "range"},
                 id="range by its bounds"),
])
def test_score_figures_same_value(gold, pred):
    g = pd.DataFrame([dict(gold, start=0, end=5)])
    p = pd.DataFrame([dict(pred, start=0, end=8)])
    assert score_figures(g, p).tp == 1


@pytest.mark.parametrize("gold, pred", [
    pytest.param({"value": 22000}, {"value": 22100}, id="value off by 0.5 %"),
    pytest.param({"value": None, "low": 10, "high": 20, "kind": "range"},
                 {"value": None, "low": 10, "high": 25, "kind": "range"}, id="other bound"),
    pytest.param({"value": "2023-10-07", "kind": "date"}, {"value": "2023-10-08", "kind": "date"},
                 id="other day"),
])
def test_score_figures_different_value(gold, pred):
    g = pd.DataFrame([dict({"kind": "count", "unit": None}, **gold, start=0, end=5)])
    p = pd.DataFrame([dict({"kind": "count", "unit": None}, **pred, start=0, end=5)])
    ev = score_figures(g, p)
    assert (ev.tp, ev.fp, ev.fn) == (0, 1, 1)


def test_score_figures_needs_predictions_or_extract():
    with pytest.raises(ValueError, match="predictions= or extract="):
        score_figures([{"id": "a", "text": "3", "figures": []}])
    with pytest.raises(ValueError, match="level must be one of"):
        score_figures(GOLD_FIGURES, PREDICTED_FIGURES, level="exact")


def test_read_figure_annotations(tmp_path):
    path = tmp_path / "figs.csv"
    path.write_text("surface,start,end,value,low,high,unit,kind,optional,note\n"
                    "3 days,0,6,3,,,day,duration,0,# not a comment\n"
                    "Monday,7,13,XXXX-WXX-1,,,,date,1,\n", encoding="utf-8")
    g = read_figure_annotations(path)
    assert g["value"].tolist() == [3.0, "XXXX-WXX-1"]
    assert g["unit"].tolist() == ["day", None]
    assert g["optional"].tolist() == [False, True]
    assert g["note"].tolist() == ["# not a comment", None]
    (tmp_path / "bad.csv").write_text("surface,value\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv"):
        read_figure_annotations(tmp_path / "bad.csv")


# --------------------------------------------------------------------------- quotes


def _gold_record():
    return {"id": "r1", "text": "", "quotes": [
        {"id": "Q1", "kind": "direct", "start": 0, "end": 10, "speaker": "Hillary Clinton",
         "speaker_start": 20, "speaker_end": 35},
        {"id": "Q2", "kind": "direct", "start": 40, "end": 70,
         "content_spans": [[40, 50], [60, 70]], "speaker": "Ann Lee",
         "speaker_start": 52, "speaker_end": 59},
        {"id": "Q3", "kind": "mixed", "start": 80, "end": 90, "speaker": "Ann Lee"},
        {"id": "Q4", "kind": "direct", "start": 100, "end": 110, "speaker": "Bob Ray"},
        {"id": "Q5", "kind": "direct", "start": 120, "end": 130, "speaker": None},
    ]}


PREDICTED_QUOTES = [
    {"start": 0, "end": 10, "speaker": "Bill Clinton", "kind": "direct"},  # wrong speaker
    {"start": 40, "end": 50, "speaker": "Ann Lee", "kind": "direct"},  # right
    {"start": 60, "end": 70, "speaker": "Ms. Lee", "kind": "direct"},  # right (2nd part)
    {"start": 80, "end": 90, "speaker": "Ann Lee", "kind": "partial"},  # only mixed: neutral
    {"start": 100, "end": 110, "speaker": None, "kind": "direct"},  # no speaker
    {"start": 200, "end": 210, "speaker": "Cy Young", "kind": "direct"},  # no such quote
    {"start": 0, "end": 10, "speaker": None, "kind": "label"},  # a label: no quote at all
    {"start": 120, "end": 130, "speaker": "Zed", "kind": "direct"},  # gold has no speaker
    {"start": 140, "end": 150, "speaker": "Dee", "kind": "indirect"},  # not quoted
]


def test_score_quotes_headline_counts_speakerless_rows_as_wrong():
    ev = score_quotes([_gold_record()], [PREDICTED_QUOTES])
    # right rows: Q2's two parts = 2; wrong: Bill Clinton, the speakerless row, Cy Young = 3
    # gold with a speaker: Q1, Q2, Q4; found: Q2 = 1; missed: Q1, Q4 = 2
    # P 2/5, R 1/3, F1 2·(2/15)/(11/15) = 4/11
    assert (ev.tp, ev.fp, ev.found, ev.fn) == (2, 3, 1, 2)
    assert (ev.precision, ev.recall, ev.f1) == pytest.approx((0.4, 1 / 3, 4 / 11))
    pred = ev.outcomes[ev.outcomes["item"] == "predicted"]
    assert pred["outcome"].tolist() == ["fp", "tp", "tp", "neutral", "fp", "fp", "neutral"]
    assert pred["reason"].tolist()[:1] + pred["reason"].tolist()[4:6] == [
        "wrong speaker", "no speaker", "no such quote in the gold"]


def test_score_quotes_lenient_sets_speakerless_rows_aside():
    ev = score_quotes([_gold_record()], [PREDICTED_QUOTES], count_unattributed=False)
    # the speakerless row is set aside: P 2/4, R 1/3, F1 2·(1/6)/(5/6) = 0.4
    assert (ev.tp, ev.fp, ev.found, ev.fn) == (2, 2, 1, 2)
    assert ev.f1 == pytest.approx(0.4)
    assert "set aside" in ev.what


def test_score_quotes_speaker_span_overlap_is_enough():
    pred = [dict(PREDICTED_QUOTES[0], speaker_start=22, speaker_end=34)]
    ev = score_quotes([_gold_record()], [pred])
    assert (ev.tp, ev.fp, ev.found) == (1, 0, 1)


@pytest.mark.parametrize("pred_start, matches", [
    pytest.param(5, True, id="overlap 5 of the shorter 10: matches"),
    pytest.param(6, False, id="overlap 4 of the shorter 10: no match"),
])
def test_score_quotes_half_the_shorter_span(pred_start, matches):
    rec = {"id": "r", "text": "", "quotes": [
        {"id": "Q", "kind": "direct", "start": 0, "end": 10, "speaker": "Ann Lee"}]}
    ev = score_quotes([rec], [[{"start": pred_start, "end": 30, "speaker": "Ann Lee",
                                "kind": "direct"}]])
    assert (ev.tp, ev.fn) == ((1, 0) if matches else (0, 1))


def test_score_quotes_need_name_and_antecedents():
    rec = {"id": "polnear/dev/x", "text": "", "quotes": [
        {"id": "E1", "kind": "direct", "start": 0, "end": 10, "speaker": "he",
         "speaker_start": 12, "speaker_end": 14, "speaker_is_pronoun": True,
         "speaker_aliases_silver": []}]}
    he = [{"start": 0, "end": 10, "speaker": "he", "speaker_start": 12, "speaker_end": 14,
           "kind": "direct"}]
    named = [dict(he[0], speaker="Ann Lee")]
    assert score_quotes([rec], [he]).tp == 1  # speaker-strict: the span is the source
    assert score_quotes([rec], [he], need_name=True).tp == 0  # a pronoun is no name
    assert score_quotes([rec], [named], need_name=True).tp == 0  # nothing says who "he" is
    ante = {("polnear/dev/x", "E1"): "Ann Lee"}
    assert score_quotes([rec], [named], need_name=True, antecedents=ante).tp == 1


def test_score_quotes_kinds_and_aliases():
    rec = {"id": "a", "text": "", "quotes": [
        {"id": "Q", "kind": "label", "start": 0, "end": 5, "speaker": "demonstrators",
         "speaker_aliases": []},
        {"id": "R", "kind": "partial", "start": 10, "end": 20, "speaker": "Matthew Miller",
         "speaker_aliases": ["State Department"]}]}
    pred = [{"start": 0, "end": 5, "speaker": "the demonstrators", "kind": "label"},
            {"start": 10, "end": 20, "speaker": "the State Department", "kind": "partial"}]
    assert score_quotes([rec], [pred]).tp == 0  # only direct gold is scored by default
    ev = score_quotes([rec], [pred], kinds=("label", "partial"))
    assert (ev.tp, ev.fp, ev.found, ev.fn) == (2, 0, 2, 0)


def test_score_quotes_accepts_frames_and_extract():
    rec = _gold_record()
    frame = pd.DataFrame(PREDICTED_QUOTES)
    a = score_quotes([rec], [frame])
    b = score_quotes([rec], extract=lambda text: frame)
    assert (a.tp, a.fp, a.fn) == (b.tp, b.fp, b.fn) == (2, 3, 2)
    with pytest.raises(ValueError, match="2 predictions for 1 records"):
        score_quotes([rec], [frame, frame])


def test_read_quote_annotations(tmp_path):
    text = "“Go,” said Ann Lee. Then “Stop,” she said. Signs read “No.”"
    path = tmp_path / "q.csv"
    path.write_text("# comment\nquote,speakers,kind\nGo,,direct\nStop,Ann Lee|Ms. Lee,direct\n"
                    "No.,demonstrators,label\n", encoding="utf-8")
    rec = read_quote_annotations(path, text, record_id="t")
    assert [(text[q["start"]:q["end"]], q["speaker"]) for q in rec["quotes"]] == [
        ("Go", None), ("Stop", "Ann Lee"), ("No.", "demonstrators")]
    assert rec["quotes"][1]["speaker_aliases"] == ["Ms. Lee"]
    with pytest.raises(ValueError, match="not in the text"):
        read_quote_annotations(path, "nothing here")


def _annotated(tmp_path, text, quotes):
    import hashlib

    for q in quotes:
        q["quote_sha1"] = hashlib.sha1(text[q["start"]:q["end"]].encode()).hexdigest()[:10]
    articles, notes = tmp_path / "a.jsonl", tmp_path / "q.jsonl"
    articles.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    notes.write_text(json.dumps({"id": "x", "quotes": quotes}) + "\n", encoding="utf-8")
    return articles, notes


def test_records_from_annotations_and_gold_labels(tmp_path):
    # “No,” is a direct quote of Ann Lee (resolved name Ann Lee for the pronoun); “sham” a label
    text = "Ann Lee spoke. “No,” she said. It was a “sham” deal."
    articles, notes = _annotated(tmp_path, text, [
        {"qid": "Q1", "kind": "direct", "start": 16, "end": 19, "speaker": "she",
         "speaker_start": 21, "speaker_end": 24, "speaker_name": "Ann Lee"},
        {"qid": "Q2", "kind": "label", "start": 41, "end": 45, "speaker": None}])
    rec = records_from_annotations(articles, notes)
    assert [text[q["start"]:q["end"]] for q in rec[0]["quotes"]] == ["No,", "sham"]
    assert rec[0]["quotes"][0]["speaker_aliases"] == ["Ann Lee"]
    # a name-matched speaker is right; a scare quote output as a quote is a wrong prediction,
    # and one the extractor itself types as a label is left out
    pred = [{"start": 16, "end": 19, "speaker": "Ann Lee", "kind": "direct"},
            {"start": 41, "end": 45, "speaker": None, "kind": "partial"}]
    ev = score_quotes(rec, [pred])
    assert (ev.tp, ev.fp, ev.found, ev.fn) == (1, 1, 1, 0)
    assert ev.outcomes["reason"].tolist()[1].startswith("a label in the gold")
    pred[1]["kind"] = "label"
    assert score_quotes(rec, [pred]).fp == 0


def test_records_from_annotations_detects_a_changed_text(tmp_path):
    articles, notes = _annotated(tmp_path, "“No,” she said.", [
        {"qid": "Q1", "kind": "direct", "start": 1, "end": 3}])
    articles.write_text(json.dumps({"id": "x", "text": "“Ok,” she said."}) + "\n",
                        encoding="utf-8")
    with pytest.raises(ValueError, match="changed"):
        records_from_annotations(articles, notes)


def test_records_from_attributions_kind_rule(tmp_path):
    text = 'He said "we will win the vote" and called it "a plan" for all. Taxes rise, he said.'
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    spans = {"direct": (9, 29), "mixed": (35, 61), "indirect": (63, 74)}
    assert [text[s:e] for s, e in spans.values()] == [
        "we will win the vote", 'called it "a plan" for all', "Taxes rise,"]
    attributions = tmp_path / "att.jsonl"
    attributions.write_text(json.dumps({"id": "a1", "attributions": [
        {"content": [{"start": s, "end": e}], "source": [{"text": "He", "start": 0, "end": 2}]}
        for s, e in spans.values()]}) + "\n", encoding="utf-8")
    rec = records_from_attributions(articles, attributions)[0]
    # "we will win the vote": all inside quotes; 'called it "a plan" for all': some; none
    assert [q["kind"] for q in rec["quotes"]] == ["direct", "mixed", "indirect"]
    assert all(q["speaker_is_pronoun"] for q in rec["quotes"])
    assert records_from_attributions(articles, attributions, exclude={"a1"}) == []


def test_read_antecedents_names_the_file(tmp_path):
    (tmp_path / "a.csv").write_text("record,quote\nx,E1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a.csv"):
        read_antecedents(tmp_path / "a.csv")


# --------------------------------------------------------------------------- sentiment


def test_polarity_agreement_and_macro_f1():
    # agree on 3 of 4; F1 per class: −1: 1; 0: P 1/1 R 1/2 → 2/3; 1: P 1/2 R 1/1 → 2/3
    ev = polarity_agreement([-1, 0, 0, 1], [-1, 0, 1, 1])
    assert (ev.agree, ev.n, ev.agreement) == (3, 4, 0.75)
    assert ev.macro_f1 == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    # always neutral: 2 of 4; F1 −1: 0, 0: P 2/4 R 2/2 → 2/3, 1: 0 → mean 2/9
    base = polarity_agreement([-1, 0, 0, 1], [0, 0, 0, 0])
    assert (base.agree, base.macro_f1) == (2, pytest.approx(2 / 9))
    with pytest.raises(ValueError, match="3 predictions for 4 hand labels"):
        polarity_agreement([-1, 0, 0, 1], [0, 0, 0])


def test_sentiment_agreement_tiny_text():
    text = "Prosecutors accused Smith of fraud. Garcia arrived on Monday. Lee met Garcia."
    labels = pd.DataFrame({"sentence_id": [0, 1, 2, 2], "surface": ["Smith", "Garcia", "Lee",
                                                                   "Nobody"],
                           "polarity": [-1, 0, 0, 1]})
    with pytest.warns(UserWarning, match="'Nobody' not found in sentence 2"):
        evs = sentiment_agreement(text, labels)
    assert list(evs) == ["target", "vader", "textblob", "majority"]
    # three labels found (-1, 0, 0): the majority answers 0 and agrees on 2 of 3
    base = evs["majority"]
    assert (base.agree, base.n) == (2, 3)
    out = evs["target"].outcomes
    assert [text[s:e] for s, e in zip(out["start"], out["end"], strict=True)] == [
        "Smith", "Garcia", "Lee"]
    assert out["gold"].tolist() == [-1, 0, 0]
    table = summarize(evs)
    assert table["what"].tolist() == ["target", "vader", "textblob", "majority"]
    assert table["n"].tolist() == [3, 3, 3, 3]


def test_sentiment_agreement_names_missing_columns():
    with pytest.raises(ValueError, match="missing: polarity"):
        sentiment_agreement("A b.", pd.DataFrame({"sentence_id": [0], "surface": ["A"]}))


# --------------------------------------------------------------------------- result shape


def test_evaluation_summary_by_and_repr():
    out = pd.DataFrame({"outcome": ["tp", "fn", "tp", "fp"],
                        "kind": ["date", "date", "count", "count"]})
    ev = Evaluation("toy", out, tp=2, fp=1, fn=1)
    # P 2/3, R 2/3
    assert repr(ev) == ("Evaluation(toy: P=0.667 R=0.667 F1=0.667; 2 of 3 predictions right, "
                        "2 of 3 gold found)")
    row = ev.summary().iloc[0]
    assert (row["tp"], row["fp"], row["fn"], row["gold"]) == (2, 1, 1, 3)
    by = ev.by("kind").set_index("kind")
    # count: 1 tp + 1 fp → P 1/2, R 1/1; date: 1 tp + 1 fn → P 1/1, R 1/2
    assert by.loc["count", ["precision", "recall"]].tolist() == [0.5, 1.0]
    assert by.loc["date", ["precision", "recall"]].tolist() == [1.0, 0.5]


def test_empty_evaluation_scores_zero():
    ev = score_figures(pd.DataFrame(columns=["start", "end", "kind"]),
                       pd.DataFrame(columns=["start", "end", "kind"]))
    assert (ev.tp, ev.fp, ev.fn, ev.precision, ev.recall, ev.f1) == (0, 0, 0, 0.0, 0.0, 0.0)
