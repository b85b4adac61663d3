"""build_frame: the one place column lists become a DataFrame."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsresearch.frames import build_frame


def test_dtypes_and_values_as_asked():
    df = build_frame(
        {"n": [3, 1], "x": [0.5, 2.0], "ok": [True, False], "word": ["a", None],
         "note": [None, (1, 2)], "maybe": [None, 7], "tag": ["u", "v"]},
        {"n": "int64", "x": "float64", "ok": "bool", "word": "str", "note": "object",
         "maybe": "Int64", "tag": "text"})
    assert df.dtypes.astype(str).tolist() == [
        "int64", "float64", "bool", "str", "object", "Int64", "str"]
    assert df["n"].tolist() == [3, 1]
    assert df["word"].iloc[0] == "a" and pd.isna(df["word"].iloc[1])
    assert df["note"].tolist() == [None, (1, 2)]  # objects kept as they are, tuples too
    assert df["maybe"].isna().tolist() == [True, False] and df["maybe"].iloc[1] == 7
    assert list(df.columns) == ["n", "x", "ok", "word", "note", "maybe", "tag"]
    assert isinstance(df.index, pd.RangeIndex) and len(df) == 2


@pytest.mark.parametrize(("values", "dtype"), [
    pytest.param(["a", None], "str", id="a string and None"),
    pytest.param([None, None], "object", id="only None"),
    pytest.param([1, 2], "int64", id="not text after all"),
])
def test_text_is_what_pandas_infers(values, dtype):
    assert str(build_frame({"c": values}, {"c": "text"})["c"].dtype) == dtype
    assert str(pd.DataFrame({"c": values})["c"].dtype) == dtype


def test_text_without_rows_is_object():  # (pandas makes an empty list float64)
    assert build_frame({"c": []}, {"c": "text"})["c"].dtype == object


def test_arrays_without_a_kind_are_taken_as_they_are():
    ints = np.array([4, 5], dtype=np.int32)
    cats = pd.Categorical(["x", "y"])
    df = build_frame({"i": ints, "c": cats}, {})
    assert df["i"].dtype == np.int32 and df["c"].dtype == "category"


def test_bad_columns_are_refused():
    with pytest.raises(ValueError, match="'b' has 1 values, not 2"):
        build_frame({"a": [1, 2], "b": [1]}, {"a": "int64", "b": "int64"})
    with pytest.raises(ValueError, match="unknown kind 'text64'"):
        build_frame({"a": [1]}, {"a": "text64"})
    with pytest.raises(TypeError, match="give a kind for a list"):
        build_frame({"a": [1]}, {})


@given(st.lists(st.tuples(st.integers(-2**62, 2**62), st.one_of(st.none(), st.text()),
                          st.text(), st.booleans())))
def test_the_same_frame_as_the_pandas_constructor(rows):
    cols = {"n": [r[0] for r in rows], "maybe": [r[1] for r in rows],
            "word": [r[2] for r in rows], "ok": [r[3] for r in rows]}
    kinds = {"n": "int64", "maybe": "text", "word": "text", "ok": "bool"}
    expected = pd.DataFrame(cols, columns=list(cols))
    if not rows:  # pandas' empty columns are float64/object; build_frame keeps the kinds
        expected = expected.astype({"n": "int64", "maybe": object, "word": object,
                                    "ok": "bool"})
    pd.testing.assert_frame_equal(build_frame(cols, kinds), expected)
