"""Exact figure values (issue 9, part 4), the package's word lists, TIMEX values on a calendar,
and the records-inside / frame-at-the-edge path (figure_columns, figure_frame)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsresearch.figures import (
    FIGURE_COLUMNS,
    extract_figures,
    figure_columns,
    figure_frame,
    timex_to_timestamp,
)
from newsresearch.figures.lexicon import lexicon
from newsresearch.tokens import sentence_index, split_sentences


def one(text, **kw):
    df = extract_figures(text, actors=False, **kw)
    assert len(df) == 1, df[["surface", "value", "unit"]].to_dict("records")
    return df.iloc[0]


# --------------------------------------------------------------------------- exact values

@pytest.mark.parametrize(
    "text, value, unit",
    [
        pytest.param("It cost $147.5 million.", 147_500_000, "USD", id="$147.5 million"),
        pytest.param("It cost C$16.4 million.", 16_400_000, "CAD", id="C$16.4 million"),
        pytest.param("It cost $1.07bn.", 1_070_000_000, "USD", id="bn"),
        pytest.param("It cost 4.1bn rupees.", 4_100_000_000, "INR", id="bn rupees"),
        pytest.param("Debt fell to 8.36 mln dlrs.", 8_360_000, "USD", id="mln dlrs"),
        pytest.param("a $64.4m deal", 64_400_000, "USD", id="m after $"),
        pytest.param("about 2.3 thousand people", 2_300, None, id="thousand"),
        pytest.param("1.7 trillion dollars", 1_700_000_000_000, "USD", id="trillion"),
        pytest.param("10.5k signatures", 10_500, None, id="k"),
        pytest.param("10.5K signatures", 10_500, None, id="K"),
        pytest.param("a €3.3bn fund", 3_300_000_000, "EUR", id="€ bn"),
        pytest.param("£1.1 billion", 1_100_000_000, "GBP", id="billion"),
        pytest.param("$2.9 tn", 2_900_000_000_000, "USD", id="tn"),
        pytest.param("$0.9 trn", 900_000_000_000, "USD", id="trn"),
        pytest.param("1.15mil people", 1_150_000, None, id="mil"),
        pytest.param("$4.56 mill", 4_560_000, "USD", id="mill"),
        pytest.param("3.3M people", 3_300_000, None, id="M"),
        pytest.param("a 7.7 mn deficit", 7_700_000, None, id="mn"),
        pytest.param("0.7 bln euros", 700_000_000, "EUR", id="bln"),
        pytest.param("$1.2b", 1_200_000_000, "USD", id="b"),
        pytest.param("$9.99B", 9_990_000_000, "USD", id="B"),
        pytest.param("2.5 dozen eggs", 30, None, id="dozen"),
        pytest.param("0.3 million people", 300_000, None, id="0.3 million"),
        pytest.param("1,234.5 million people", 1_234_500_000, None, id="separators and decimal"),
        pytest.param("$2.174 trillion", 2_174_000_000_000, "USD", id="three decimals"),
        pytest.param("$33.3 billion", 33_300_000_000, "USD", id="33.3 billion"),
        pytest.param("one point five million", 1_500_000, None, id="spelled decimal"),
        pytest.param("3,5 million people", 3_500_000, None, id="decimal comma"),
    ],
)
def test_scaled_values_are_exact_integers(text, value, unit):
    fig = one(text)
    assert type(fig["value"]) is int and fig["value"] == value
    assert fig["unit"] == unit


@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param("$0.30 each", 0.3, id="cents as a decimal"),
        pytest.param("$19.99 each", 19.99, id="price"),
        pytest.param("up 16.4 percent", 16.4, id="percent"),
        pytest.param("the result is ⅓", 1 / 3, id="third as a character"),
        pytest.param("two thirds of voters", 2 / 3, id="two thirds"),
        pytest.param("he is 6 ft 2 in tall", 6 + 2 / 12, id="feet and inches"),
    ],
)
def test_fractional_values_are_the_nearest_float(text, value):
    fig = one(text)
    assert type(fig["value"]) is float and fig["value"] == value


def test_range_ends_are_exact():
    fig = one("$1.1 to 1.3 billion")
    assert (fig["low"], fig["high"]) == (1_100_000_000, 1_300_000_000)
    assert type(fig["low"]) is int and type(fig["high"]) is int


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "bn": 10**9, "mln": 10**6}


@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from(sorted(_SCALES)))
def test_property_decimal_times_scale_is_exact(whole, frac, scale):
    digits = f"{whole}.{frac:03d}".rstrip("0").rstrip(".")
    expected = Decimal(digits) * _SCALES[scale]  # the test's own decimal oracle
    fig = one(f"It cost ${digits} {scale}.")
    assert Decimal(str(fig["value"])) == expected or fig["value"] == float(expected)
    if expected == expected.to_integral_value():
        assert type(fig["value"]) is int


# --------------------------------------------------------------------------- word lists


def test_every_word_class_the_rules_use_is_in_the_data_file():
    import newsresearch.figures as package

    src = "\n".join(p.read_text(encoding="utf-8")
                    for p in Path(package.__file__).parent.glob("*.py"))
    used = set(re.findall(r'words\["(\w+)"\]', src)) | set(
        re.findall(r'in_class\(st, [^,]+, "(\w+)"\)', src))
    assert used, "no word classes found: the pattern of this test is out of date"
    assert used <= set(lexicon().words), sorted(used - set(lexicon().words))
    assert all(lexicon().words[c] for c in used)


def test_word_lists_are_read_from_resources():
    lex = lexicon()
    assert lex.months["october"] == 10 and "thousands" in lex.vague
    assert lex.fractions["¾"] == Decimal("0.75")
    assert "GMT" in lex.words["time_zone"] and "killed" in lex.words["counted_stop"]


# --------------------------------------------------------------------------- TIMEX


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param("2023-10-07", pd.Timestamp(2023, 10, 7), id="a day"),
        pytest.param("2023-10", pd.Timestamp(2023, 10, 15), id="a month at its middle"),
        pytest.param("2023", pd.Timestamp(2023, 7, 1), id="a year at its middle"),
        pytest.param("199X", pd.Timestamp(1990, 1, 1), id="a decade at its start"),
        pytest.param("XXXX-10-07", None, id="no year"),
        pytest.param("XXXX-WXX-1", None, id="a weekday"),
        pytest.param("T14:00", None, id="a clock time"),
        pytest.param(None, None, id="not a string"),
    ],
)
def test_timex_to_timestamp(value, expected):
    assert timex_to_timestamp(value) == expected


# --------------------------------------------------------------------------- records and frame


TEXT = ("Israel has killed more than 22,000 Palestinians, according to the Gaza Ministry of "
        "Health. On Dec. 8 the U.S. sent $147.5 million in shells, officials said.")


def test_sentences_as_index_or_frame_give_the_same_table():
    a = extract_figures(TEXT, sentences=sentence_index(TEXT), actors=False)
    b = extract_figures(TEXT, sentences=split_sentences(TEXT), actors=False)
    c = extract_figures(TEXT, actors=False)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    assert a["sentence_id"].tolist() == [0, 1, 1]


def test_figure_columns_build_the_same_frame_as_extract_figures():
    index = sentence_index(TEXT)
    mentions = [(TEXT.index("Gaza"), TEXT.index(" Health") + 7, "Gaza Ministry of Health")]
    cols = figure_columns(TEXT, sentences=index, mentions=mentions)
    assert list(cols) == FIGURE_COLUMNS and all(len(v) == 3 for v in cols.values())
    assert cols["source_actor"] == ["Gaza Ministry of Health", None, None]
    actors = pd.DataFrame(mentions, columns=["start", "end", "actor"])
    pd.testing.assert_frame_equal(figure_frame(cols),
                                  extract_figures(TEXT, sentences=index, actors=actors))


def test_figure_frame_of_many_articles_keeps_extra_columns_first():
    cols = figure_columns("Now 5 km.", sentences=None)
    more = figure_columns("Then 7 boats and 8%.", sentences=None)
    both = {k: cols[k] + more[k] for k in cols}
    both = {"article_id": ["a"] + ["b", "b"], **both}
    df = figure_frame(both)
    assert list(df.columns) == ["article_id"] + FIGURE_COLUMNS
    assert df["article_id"].tolist() == ["a", "b", "b"]
    assert df["value"].tolist() == [5, 7, 8] and df["unit"].tolist() == ["km", None, "%"]


def test_empty_frame_has_the_columns_and_dtypes():
    df = figure_frame(figure_columns("", sentences=None))
    assert list(df.columns) == FIGURE_COLUMNS and df.empty
    assert str(df["start"].dtype) == "int64" and str(df["sentence_id"].dtype) == "Int64"
