"""Reading and cleaning articles: encodings, boilerplate, headline, byline, one-line errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsresearch import Article, ArticleError, read_article
from newsresearch.paths import SAMPLE_ARTICLE

DATA = Path(__file__).parent / "data"


# ------------------------------------------------------------------ the sample article


def test_sample_raw_is_byte_for_byte_and_matches_meta():
    meta = json.loads(SAMPLE_ARTICLE.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(SAMPLE_ARTICLE.read_bytes()).hexdigest() == meta["sha256"]


def test_sample_raw_is_kept_exactly(sample_article):
    assert sample_article.raw == SAMPLE_ARTICLE.read_text(encoding="utf-8")


def test_sample_headline_and_byline(sample_article):
    assert sample_article.title == "Blinken returns to the Middle East as tensions with Israel rise"
    assert sample_article.authors == ("Edward Wong", "Michael Crowley")
    assert sample_article.byline.startswith("Edward Wong reported from Washington")


def test_sample_four_boilerplate_lines_removed_and_reported(sample_article):
    removed = {r["text"]: r["reason"] for r in sample_article.removed}
    for line in ["The news is by your side.", "0", "Leave A Reply",
                 "Your email address will not be published."]:
        assert line in removed, line
        assert line not in sample_article.text.split("\n")
    # every removed piece is reported with offsets into raw
    for r in sample_article.removed:
        assert sample_article.raw[r["start"]:r["end"]] == r["text"]
    assert set(removed.values()) >= {"site slogan", "comment counter", "comment form",
                                     "headline", "byline"}


def test_sample_date_comes_from_the_sidecar_metadata(sample_article):
    assert sample_article.published == "2024-01" and sample_article.year == 2024
    assert sample_article.metadata["sidecar"] == "000_08a178f498c347a9.meta.json"


def test_sidecar_never_overrides_the_article_and_bad_sidecar_is_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Real headline here\n\nBody text, he said.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Other", "published": "2020-05-01"}',
                                          encoding="utf-8")
    art = read_article(tmp_path / "a.txt")
    assert art.title == "Real headline here" and art.published == "2020-05-01"
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    art = read_article(tmp_path / "a.txt")
    assert art.published is None
    assert any("a.meta.json" in w for w in art.warnings)


def test_sample_text_starts_and_ends_with_the_body(sample_article):
    assert sample_article.text.startswith("Secretary of State Antony J. Blinken returns")
    assert sample_article.text.endswith("Mr Blinken is expected to raise the issue again during "
                                        "his visit.")
    assert "Leave A Reply" not in sample_article.text


def test_removed_frame_columns(sample_article):
    df = sample_article.removed_frame()
    assert list(df.columns) == ["start", "end", "text", "reason"]
    assert len(df) == len(sample_article.removed)


# ------------------------------------------------------------------ from_text


def test_from_text_without_headline_keeps_first_paragraph():
    # corpus text: no headline, the first paragraph is body text ending in a full stop
    text = "Maternity pay for new mothers is to rise.\n\nThe plan was announced on Monday."
    art = Article.from_text(text)
    assert art.text == text
    assert art.title is None
    assert art.removed == []


def test_from_text_unknown_site_line_above_headline():
    text = ("Daily Bugle.\n\nCity council approves new budget\n\n"
            "The council voted 7-2 on Tuesday to approve the budget.\n\nIt takes effect in May.")
    art = Article.from_text(text)
    assert art.title == "City council approves new budget"
    assert art.text == ("The council voted 7-2 on Tuesday to approve the budget.\n\n"
                        "It takes effect in May.")


def test_from_text_with_known_title_never_eats_the_first_paragraph():
    # corpus records carry the title separately; a short first paragraph is body text
    text = "Shares fell sharply\n\nThe index lost 3 pct on Monday."
    art = Article.from_text(text, title="Markets slide")
    assert art.text == text and art.title == "Markets slide"
    art2 = Article.from_text("Markets slide\n\n" + text, title="Markets slide")
    assert art2.text == text


def test_from_text_by_line_at_top():
    art = Article.from_text("By Jane Doe and John Roe\n\nThe vote was close, officials said.")
    assert art.authors == ("Jane Doe", "John Roe")
    assert art.text == "The vote was close, officials said."


def test_from_text_rejects_non_str():
    with pytest.raises(TypeError, match="expects a str"):
        Article.from_text(b"bytes")


def test_as_text_rejects_other_types():
    from newsresearch import as_text

    with pytest.raises(TypeError, match="str or a newsresearch.Article"):
        as_text(42)


# ------------------------------------------------------------------ encodings

BODY = "Headline of the day\n\n“Curly quotes,” she said. It’s fine — really.\n"


@pytest.mark.parametrize(
    "name,data,warning",
    [
        pytest.param("utf8.txt", BODY.encode("utf-8"), None, id="plain UTF-8"),
        pytest.param("bom.txt", b"\xef\xbb\xbf" + BODY.encode("utf-8"), None, id="UTF-8 with BOM"),
        pytest.param("crlf.txt", BODY.replace("\n", "\r\n").encode("utf-8"), None,
                     id="Windows line ends"),
        pytest.param("cp1252.txt", BODY.encode("cp1252"), "Windows-1252",
                     id="smart quotes in cp1252"),
        pytest.param("utf16.txt", BODY.encode("utf-16"), "UTF-16", id="UTF-16 with BOM"),
    ],
)
def test_encodings_come_out_right(tmp_path, name, data, warning):
    p = tmp_path / name
    p.write_bytes(data)
    art = read_article(p)
    assert art.title == "Headline of the day"
    assert art.text == "“Curly quotes,” she said. It’s fine — really."
    assert "â€" not in art.text  # never mojibake
    if warning:
        assert any(warning in w for w in art.warnings)
    else:
        assert art.warnings == ()


def test_mostly_utf8_with_a_bad_byte_is_not_mojibake(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_bytes("“Quote,” he said. Café. Naïve. Über.\n".encode() + b"bad \x81 byte.\n")
    art = read_article(p)
    assert "“Quote,”" in art.text and "Café" in art.text
    assert "\ufffd" in art.text
    assert any("replaced" in w for w in art.warnings)


def test_read_never_writes_to_input(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Title line\r\n\r\nBody text here.\r\n\r\nLeave A Reply\r\n")
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    read_article(p)
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


# ------------------------------------------------------------------ other formats


def test_markdown_title_and_syntax(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("# Ferry is back\n\nThe **ferry** resumed, [the port](http://x.y) said.\n",
                 encoding="utf-8")
    art = read_article(p)
    assert art.title == "Ferry is back"
    assert art.text == "The ferry resumed, the port said."


def test_saved_web_page_uses_trafilatura_metadata():
    art = read_article(DATA / "html" / "saved_page.html")
    assert art.title == "Harbour ferry returns after storm repairs"
    assert art.authors == ("Jane Rivera",)
    assert art.published == "2024-03-14"
    assert art.year == 2024
    assert art.text.startswith("The harbour ferry resumed service on Thursday")
    assert "Most read" not in art.text and "All rights reserved" not in art.text
    assert art.raw.lstrip().startswith("<!DOCTYPE html>")


# ------------------------------------------------------------------ bad input


def _make_bad(tmp_path: Path, case: str) -> Path:
    if case == "missing":
        return tmp_path / "nope.txt"
    if case == "directory":
        d = tmp_path / "folder.txt"
        d.mkdir()
        return d
    p = tmp_path / {"empty": "empty.txt", "whitespace": "blank.txt", "binary": "image.txt",
                    "pdf": "paper.pdf", "noext": "README", "undecodable": "odd.txt",
                    "html-empty": "page.html"}[case]
    p.write_bytes({
        "empty": b"",
        "whitespace": b"  \n\t\r\n  \n",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "pdf": b"%PDF-1.4 whatever",
        "noext": b"some text",
        "undecodable": b"abc \x81\x8d\x8f\x90\x9d def",
        "html-empty": b"<html><body><nav>Home</nav></body></html>",
    }[case])
    return p


@pytest.mark.parametrize(
    "case,message",
    [
        ("missing", "file not found"),
        ("directory", "is a directory"),
        ("empty", "empty file"),
        ("whitespace", "empty file"),
        ("binary", "binary file"),
        ("pdf", "unsupported file type '.pdf'"),
        ("noext", "unsupported file type '(none)'"),
        ("undecodable", "undecodable text"),
        ("html-empty", "no article text found"),
    ],
)
def test_bad_input_gives_one_line_error_naming_the_file(tmp_path, case, message):
    p = _make_bad(tmp_path, case)
    with pytest.raises(ArticleError) as info:
        read_article(p)
    msg = str(info.value)
    assert message in msg
    assert p.name in msg
    assert "\n" not in msg
