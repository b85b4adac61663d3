"""Shared fixtures: the sample article and the ../shared research data (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsresearch.paths import SAMPLE_ARTICLE

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture(scope="session")
def sample_article():
    """The sample article, read and cleaned."""
    from newsresearch import read_article

    return read_article(SAMPLE_ARTICLE)


@pytest.fixture(scope="session")
def sample_text(sample_article):
    """The cleaned text of the sample article (what offsets index)."""
    return sample_article.text


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared/data, skipping the test with a clear reason if absent."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared research data not available: {p} (it lives beside the checkout)")
    return p


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
