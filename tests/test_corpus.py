"""Tests for newsresearch.corpus: reading corpora, analysing them in batches, bad input at scale."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import re
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsresearch as nr
from newsresearch.analysis import analyze_batch
from newsresearch.articles import Article
from newsresearch.corpus import CorpusError, WorkerDied, analyze_corpus, iter_articles
from newsresearch.corpus.schema import COLUMNS, TABLES

GOOD = "“We will stay,” said Mayor Jane Doe on Monday. The city has 40,000 residents."
OTHER = "Officials said 12 people were hurt in the fire."


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return path


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values only: every column as objects, every missing value as None."""
    df = df.astype(object)
    return df.where(df.notna(), None)


def ids(items) -> list[str]:
    return [aid for aid, _, _ in items]


# --------------------------------------------------------------------------- iter_articles


@pytest.mark.parametrize("suffix,opener", [
    pytest.param(".jsonl", open, id="plain jsonl"),
    pytest.param(".jsonl.gz", gzip.open, id="gzip"),
    pytest.param(".jsonl.bz2", bz2.open, id="bzip2"),
    pytest.param(".jsonl.xz", lzma.open, id="xz"),
])
def test_jsonl_corpora_compressed_or_not(tmp_path, suffix, opener):
    path = write_jsonl(tmp_path / f"news{suffix}", [
        {"id": "a", "text": GOOD, "title": "First", "published": "2024-01-05",
         "outlet": "Daily", "words": 3},
        {"text": OTHER}], opener)
    items = list(iter_articles(path))
    assert ids(items) == ["a", "news:2"]  # given id, else file name and line
    _, art, extra = items[0]
    assert (art.title, art.published) == ("First", "2024-01-05")
    # other fields are carried; one that would take over a table column gets field_
    assert extra == {"input": f"{path}:1", "outlet": "Daily", "field_words": 3}


def test_folders_csv_parquet_and_python_items_in_one_stream(tmp_path):
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "a.md").write_text("# Title\n\n" + OTHER, encoding="utf-8")
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF not an article type")
    csv = tmp_path / "t.csv"
    pd.DataFrame({"body": [GOOD, OTHER], "outlet": ["X", "Y"]}).to_csv(csv, index=False)
    parquet = tmp_path / "t.parquet"
    pd.DataFrame({"id": ["p1"], "body": [GOOD]}).to_parquet(parquet)
    items = list(iter_articles(folder, csv, parquet, [OTHER, {"body": GOOD, "id": "d"},
                                                      Article.from_text(OTHER)],
                               text_column="body"))
    # folder files sorted, hidden skipped; CSV rows numbered as in a spreadsheet (header = 1)
    assert ids(items) == ["b", "a", "t:2", "t:3", "p1", "item:1", "d", "item:3"]
    assert items[2][2] == {"input": f"{csv}:2", "outlet": "X"}


def test_a_dataframe_is_read_row_by_row():
    df = pd.DataFrame({"id": ["a", None], "text": [GOOD, OTHER], "year": [2024, 2025]})
    items = list(iter_articles(df))
    assert ids(items) == ["a", "row:2"]
    assert items[1][2] == {"input": "row:2", "year": 2025}


def test_repeated_ids_get_a_suffix():
    items = list(iter_articles([{"id": "x", "text": GOOD}, {"id": "x", "text": OTHER},
                                {"id": "x", "text": OTHER}]))
    assert ids(items) == ["x", "x~2", "x~3"]


def test_iter_articles_is_lazy(tmp_path):
    def endless():
        n = 0
        while True:
            n += 1
            yield f"Article number {n} said nothing."

    stream = iter_articles(endless())
    assert next(stream)[0] == "item:1" and next(stream)[0] == "item:2"


def test_unreadable_records_are_reported_to_on_error(tmp_path):
    seen = []
    items = list(iter_articles([GOOD, 42, {"id": "e", "text": "  "}],
                               on_error=lambda aid, reason: seen.append((aid, reason))))
    assert ids(items) == ["item:1"]
    assert seen == [("item:2", "item 2 is int; expected str, dict, Article or Path"),
                    ("e", 'item 3: "text" is empty')]


# --------------------------------------------------------------------------- bad input at scale


def _bad_corpus(tmp_path):
    """A folder of inputs each broken in its own way, with the records they hold."""
    d = tmp_path / "bad"
    d.mkdir()
    good = [{"id": f"g{i}", "text": f"{GOOD} Story {i}."} for i in range(3)]
    write_jsonl(d / "a_good.jsonl", good)
    # a truncated .gz: two whole lines, then the stream ends early
    full = gzip.compress(("\n".join(json.dumps({"id": f"z{i}", "text": OTHER})
                                    for i in range(400)) + "\n").encode())
    (d / "b_truncated.jsonl.gz").write_bytes(full[: len(full) // 2])
    # one 50 MB line, an article over the size limit, a line that is not UTF-8
    with open(d / "c_huge.jsonl", "wb") as fh:
        fh.write(json.dumps({"id": "huge", "text": "word " * 10_000_000}).encode() + b"\n")
        fh.write(json.dumps({"id": "long", "text": "x" * 1_000_001}).encode() + b"\n")
        fh.write(b'{"id": "latin1", "text": "caf\xe9"}\n')
        fh.write(json.dumps({"id": "after", "text": OTHER}).encode() + b"\n")
    (d / "d_notext.csv").write_text("headline,body\nA,B\n", encoding="utf-8")
    (d / "e_fake.parquet").write_bytes(b"this is not parquet at all")
    write_jsonl(d / "f_explodes.jsonl", [{"id": "boom", "text": "Please explode now."}])
    return d


def test_bad_input_at_scale_loses_nothing(tmp_path, capsys, monkeypatch):
    import newsresearch.pipeline as pipeline_mod

    real = pipeline_mod.analyze_parts

    def flaky(art, **kw):  # an article that makes an extractor raise
        if "explode" in nr.as_text(art):
            raise RuntimeError("simulated extractor failure")
        return real(art, **kw)

    monkeypatch.setattr(pipeline_mod, "analyze_parts", flaky)
    d = _bad_corpus(tmp_path)
    res = analyze_corpus(d, tmp_path / "out", workers=1, batch_size=4)
    f = res.failures.set_index("article_id")["reason"]
    expected = {
        "truncated": r".*b_truncated\.jsonl\.gz: damaged or truncated after line \d+ .*",
        "huge": r".*c_huge\.jsonl line 1: longer than 16,000,000 bytes, over the size limit .*",
        "long": r".*c_huge\.jsonl line 2: article of 1,000,001 characters is over the size lim.*",
        "latin1": r".*c_huge\.jsonl line 3: not UTF-8 \(byte 29\)",
        "csv": r'.*d_notext\.csv: no "text" column \(columns: headline, body\); name the text .*',
        "parquet": r"not a Parquet file \(.*\): .*e_fake\.parquet",
        "boom": r"RuntimeError: simulated extractor failure",
    }
    assert len(f) == len(expected)
    for (name, pattern), reason in zip(expected.items(), f.tolist(), strict=True):
        assert re.fullmatch(pattern, reason), (name, reason)
    # every input record is in exactly one of articles and failures
    arts = res.articles["article_id"].tolist()
    z = [a for a in arts if a.startswith("z")]
    assert arts == ["g0", "g1", "g2", *z, "after"] and z == [f"z{i}" for i in range(len(z))]
    assert z and not set(arts) & set(f.index)
    records = 3 + len(z) + 1 + 4 + 1 + 1 + 1  # the truncated tail counts as one record
    assert res.manifest["records"] == records == len(arts) + len(f)
    # one line on stderr per failure
    err = [line for line in capsys.readouterr().err.splitlines() if "skipped" in line]
    assert len(err) == len(f)


def test_size_limit_is_an_option(tmp_path):
    res = analyze_corpus([GOOD, OTHER], tmp_path / "o", workers=1, max_chars=60)
    assert res.articles["article_id"].tolist() == ["item:2"]
    assert res.failures["reason"].tolist() == [
        f"item 1: article of {len(GOOD)} characters is over the size limit "
        "(60 characters; max_chars=)"]


# --------------------------------------------------------------------------- parts and schema


def test_every_column_the_analysis_returns_has_a_declared_type(sample_article):
    tables = analyze_batch([("s", sample_article, {"input": "x"})])
    for name in ("sentences", "actors", "actor_sentiment", "quotes", "figures"):
        declared = [c for c, _ in COLUMNS[name]]
        assert list(tables[name].columns) == declared, (
            f"{name}: declare new columns in newsresearch/corpus/schema.py")
    declared = {c for c, _ in COLUMNS["articles_head"] + COLUMNS["articles"]}
    assert set(tables["articles"].columns) == declared


def test_parts_have_one_schema_even_when_empty_or_all_null(tmp_path):
    # batch 0 has no quotes, no figures and no actors; batch 1 has all of them
    res = analyze_corpus(["no quotes here at all.", "nothing else either.", GOOD,
                          {"text": OTHER, "outlet": None}],
                         tmp_path / "o", workers=1, batch_size=2)
    for name in TABLES:
        schemas = [pq.read_schema(p) for p in res.parts(name)]
        assert len(schemas) == 2 and schemas[0] == schemas[1], name
    assert pq.read_table(res.parts("quotes")[0]).num_rows == 0
    assert pq.read_schema(res.parts("quotes")[0]).field("speaker_start").type == pa.int64()
    assert pq.read_schema(res.parts("articles")[0]).field("outlet").type == pa.string()
    # one dataset for pyarrow
    assert pq.ParquetDataset([str(p) for p in res.parts("quotes")]).read().num_rows == 1


def test_tables_equal_analyze_batch(tmp_path):
    texts = [GOOD, OTHER, "Mr. Smith, the mayor, said on Tuesday that 3 in 10 homes flooded."]
    res = analyze_corpus(texts, tmp_path / "o", workers=1, batch_size=2)
    want = analyze_batch([(f"item:{i}", Article.from_text(t), {"input": f"item:{i}"})
                          for i, t in enumerate(texts, start=1)])
    for name in ("sentences", "actors", "actor_sentiment", "quotes"):
        pd.testing.assert_frame_equal(plain(res.table(name)), plain(want[name]),
                                      check_dtype=False)
    # figures.value holds numbers and dates: stored as text, the way the data dictionary says
    assert res.figures[["surface", "value"]].values.tolist() == [
        ["Monday", "XXXX-WXX-1"], ["40,000", "40000"], ["12", "12"], ["Tuesday", "XXXX-WXX-2"],
        ["3", "3"], ["10", "10"]]


def test_extra_fields_keep_their_types(tmp_path):
    res = analyze_corpus([{"text": GOOD, "n": 1, "share": 0.5, "ok": True, "tags": ["a"]},
                          {"text": OTHER, "n": None, "share": 2, "ok": False, "tags": "b"}],
                         tmp_path / "o", workers=1)
    a = res.articles
    assert a["n"].dtype == "Int64" and a["n"].tolist()[0] == 1 and a["n"].isna().tolist()[1]
    assert a["share"].tolist() == [0.5, 2.0]
    assert a["ok"].tolist() == [True, False]
    assert a["tags"].tolist() == ['["a"]', "b"]  # mixed kinds become text


# --------------------------------------------------------------------------- runs and resume


def test_unfinished_run_is_not_replaced_without_resume(tmp_path):
    out = tmp_path / "o"
    analyze_corpus([GOOD], out, workers=1)
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["complete"] = False
    manifest["finished"] = {}
    (out / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CorpusError, match=r"holds an unfinished run \(wrote 0 of 1 articles\); "
                                          "run again with --resume"):
        analyze_corpus([GOOD], out, workers=1)
    res = analyze_corpus([GOOD], out, workers=1, resume=True)
    assert res.complete and len(res.articles) == 1


@pytest.mark.parametrize("change,message", [
    pytest.param({"batch_size": 1}, "batch_size was 100, now 1", id="other batch size"),
    pytest.param({"max_chars": 10_000}, "max_chars was 1000000, now 10000", id="other limit"),
    pytest.param({"source": [GOOD, GOOD]}, r"the input changed since the first run \(2 records "
                 r"then, 2 now\)", id="other input"),
    pytest.param({"version": "9.9"}, r"it was written by newsresearch 0\..* and this is 9\.9",
                 id="other version"),
])
def test_resume_with_other_options_is_refused(tmp_path, monkeypatch, change, message):
    out = tmp_path / "o"
    analyze_corpus([GOOD, OTHER], out, workers=1)
    m = json.loads((out / "manifest.json").read_text())
    m["complete"] = False
    (out / "manifest.json").write_text(json.dumps(m))
    if "version" in change:
        monkeypatch.setattr(nr, "__version__", change.pop("version"))
    kw = {"source": [GOOD, OTHER], "workers": 1, **change}
    with pytest.raises(CorpusError) as exc:
        analyze_corpus(kw.pop("source"), out, resume=True, **kw)
    assert re.search(message, str(exc.value)) and "\n" not in str(exc.value)
    assert str(exc.value).startswith(f"cannot resume {out}: ")


def test_resume_with_the_input_named_otherwise_says_so(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n", encoding="utf-8")
    out = tmp_path / "o"
    analyze_corpus(corpus, out, workers=1)
    m = json.loads((out / "manifest.json").read_text())
    m["complete"] = False
    (out / "manifest.json").write_text(json.dumps(m))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusError, match="the input is named differently from the first "
                                          "run's .*; name it as the first run did"):
        analyze_corpus("c.jsonl", out, workers=1, resume=True)
    assert analyze_corpus(corpus, out, workers=1, resume=True).complete


def test_resume_without_a_run_starts_one(tmp_path):
    res = analyze_corpus([GOOD], tmp_path / "new", workers=1, resume=True)
    assert res.complete and res.articles["article_id"].tolist() == ["item:1"]


def test_a_finished_run_is_replaced_but_other_files_are_kept(tmp_path):
    out = tmp_path / "o"
    analyze_corpus([GOOD, OTHER], out, workers=1, batch_size=1, format="csv")
    (out / "notes.txt").write_text("mine")
    res = analyze_corpus([OTHER], out, workers=1)
    assert res.articles["article_id"].tolist() == ["item:1"]
    assert sorted(p.name for p in (out / "quotes").iterdir()) == ["part-000000.parquet"]
    assert not (out / "quotes.csv").exists() and (out / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_worker_that_dies_stops_the_run_and_resume_finishes_it(tmp_path, monkeypatch):
    import os

    import newsresearch.pipeline as pipeline_mod

    real = pipeline_mod.analyze_parts

    def deadly(art, **kw):  # like the kernel's OOM killer: no exception, no clean-up
        if "die now" in nr.as_text(art):
            os._exit(9)
        return real(art, **kw)

    monkeypatch.setattr(pipeline_mod, "analyze_parts", deadly)  # forked workers inherit it
    texts = [GOOD, OTHER, "Then die now, please.", GOOD]
    out = tmp_path / "o"
    with pytest.raises(WorkerDied, match=r"a worker process died .*; wrote \d of 4 articles; "
                                         "run again with --resume"):
        analyze_corpus(texts, out, workers=2, batch_size=1)
    monkeypatch.setattr(pipeline_mod, "analyze_parts", real)
    res = analyze_corpus(texts, out, workers=2, batch_size=1, resume=True)
    assert res.complete and len(res.articles) == 4
