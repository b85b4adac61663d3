"""MentionIndex: the one lookup of actor mentions by offset (quotes and figures share it)."""

import pandas as pd
import pytest

from newsresearch.actors import find_actors
from newsresearch.mentions import Mention, MentionIndex

TEXT = "State Department spokesman Matthew Miller said Hamas attacked."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890


@pytest.fixture()
def index():
    return MentionIndex([(0, 16, "State Department", "organization"),
                         (27, 41, "Matthew Miller", "person", "male"),
                         (47, 52, "Hamas", "group")])


def test_rightmost_is_the_name_heading_a_speaker_phrase(index):
    assert index.rightmost(0, 41).actor == "Matthew Miller"


def test_best_overlap_prefers_the_larger_overlap(index):
    # 10:30 overlaps State Department by 6 characters and Matthew Miller by 3
    assert index.best_overlap(10, 30).actor == "State Department"
    assert index.best_overlap(42, 46) is None


def test_starting_in_is_half_open(index):
    assert [m.actor for m in index.starting_in(27, 47)] == ["Matthew Miller"]
    assert [m.actor for m in index.starting_in(27, 48)] == ["Matthew Miller", "Hamas"]


def test_from_frame_reads_find_actors_and_turns_missing_values_into_none():
    idx = MentionIndex.from_frame(find_actors(TEXT))
    miller = idx.rightmost(0, 41)
    assert (miller.actor, miller.gender) == ("Matthew Miller", "male")
    assert idx.best_overlap(47, 52).title is None
    assert len(MentionIndex.from_frame(None)) == 0
    frame = pd.DataFrame({"start": [3], "end": [8], "actor": ["Smith"],
                          "gender": [float("nan")]})
    assert MentionIndex.from_frame(frame)[0] == Mention(3, 8, "Smith")
