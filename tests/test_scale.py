"""Spark and Dask on loopback: the engines' output equals Cleaner().clean() in one process.

Marked `spark` and `dask`: `pytest -m "not spark and not dask"` skips them locally. CI installs
the extras (`pip install -e '.[test,spark,dask]'`) and runs them.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from article_clean import Cleaner
from article_clean.frames import ARTICLE_COLUMNS

DATA = Path(__file__).resolve().parent / "data" / "scale"
PARTS = sorted(DATA.glob("part-*.jsonl.gz"))


def records() -> list[dict]:  # type: ignore[type-arg]
    out = []
    for part in PARTS:
        with gzip.open(part, "rt", encoding="utf-8") as handle:
            out.extend(json.loads(line) for line in handle)
    return out


def expected() -> dict[str, dict]:  # type: ignore[type-arg]
    """What one process gives, record by record, keyed by id."""
    cleaner = Cleaner()
    result = {}
    for record in records():
        if record["text"] is None:
            result[record["id"]] = {name: None for name in ARTICLE_COLUMNS}
            result[record["id"]]["error"] = "InputError: the record has no text"
            continue
        article = cleaner.clean(record["text"], url=record["url"])
        result[record["id"]] = {
            "headline": article.headline,
            "caption": article.caption,
            "captions": list(article.captions),
            "body": article.body,
            "trailer": article.trailer,
            "removed": [
                {"rule": s.rule, "label": s.label.value, "text": s.text.strip()}
                for s in article.removed
                if s.text.strip()
            ],
            "byline": article.byline,
            "language": article.language,
            "published": article.published,
            "warnings": list(article.warnings),
            "error": None,
        }
    return result


def read_parquet(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    import pyarrow.parquet as pq

    return pq.read_table(folder).to_pylist()  # type: ignore[no-any-return]


def _normal(row: dict) -> dict:  # type: ignore[type-arg]
    """A row's list columns as lists of str (the removed pieces as dicts), however the engine
    wrote them."""
    lists = {name: row[name] for name in ("captions", "warnings")}
    listed = {k: None if v is None else [str(c) for c in list(v)] for k, v in lists.items()}
    removed = row["removed"]
    pieces = None if removed is None else [dict(piece) for piece in removed]
    return {**row, **listed, "removed": pieces}


def compare(rows: list[dict]) -> None:  # type: ignore[type-arg]
    want = expected()
    assert len(rows) == len(want) == 302  # nothing lost, nothing duplicated
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == set(want)
    for record_id, fields in want.items():
        got = _normal({name: by_id[record_id][name] for name in ARTICLE_COLUMNS})
        assert got == fields, record_id
    assert by_id["corrupt-no-text"]["error"] == "InputError: the record has no text"
    assert all(by_id[i]["url"] for i in by_id if i != "corrupt-no-text")  # input columns kept


# --- Spark --------------------------------------------------------------------------------------


SCHEMA = "id string, url string, text string"


@pytest.mark.spark
def test_spark_jsonl_to_parquet_equals_one_process(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe

    df = spark.read.schema(SCHEMA).json([str(p) for p in PARTS])
    assert df.rdd.getNumPartitions() >= 2
    clean_dataframe(df, "text", url_column="url").write.parquet(str(tmp_path / "out"))
    compare(read_parquet(tmp_path / "out"))


@pytest.mark.spark
def test_the_documented_spark_example_runs(
    spark, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
    try:
        import spark_clean
    finally:
        sys.path.pop(0)
    assert spark_clean.main(str(DATA / "part-*.jsonl.gz"), str(tmp_path / "out"), spark=spark) == 0
    assert "cleaned 302 records" in capsys.readouterr().out
    compare(read_parquet(tmp_path / "out"))


@pytest.mark.spark
def test_spark_udf_inside_select(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_udf

    df = spark.read.schema(SCHEMA).json([str(p) for p in PARTS])
    article = clean_udf(with_url=True)
    rows = [
        r.asDict(recursive=True)
        for r in df.select("id", "url", article("text", "url").alias("a"))
        .select("id", "url", "a.*")
        .collect()
    ]
    compare(rows)


@pytest.mark.spark
def test_spark_reports_a_malformed_line_and_loses_nothing(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe

    source = tmp_path / "mixed.jsonl"
    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    source.write_text(
        json.dumps({"id": "ok", "text": "ADVERTISING\n\n" + story})
        + "\n{not json\n"
        + json.dumps({"id": "huge", "text": "x" * 5000})
        + "\n",
        encoding="utf-8",
    )
    df = spark.read.schema(SCHEMA).option("mode", "PERMISSIVE").json(str(source))
    out = {
        r["id"]: r for r in clean_dataframe(df, "text", cleaner=Cleaner(max_bytes=1000)).collect()
    }
    assert len(out) == 3
    assert out["ok"]["body"] == story.strip() and out["ok"]["error"] is None
    # The removed pieces are structs with named fields, as the command line's JSON has them.
    assert [piece.asDict() for piece in out["ok"]["removed"]] == [
        {"rule": "AD001", "label": "noise", "text": "ADVERTISING"}
    ]
    assert out[None]["error"] == "InputError: the record has no text"
    assert out["huge"]["error"].startswith("InputTooLarge")


@pytest.mark.spark
def test_spark_text_that_is_not_utf8_is_a_rows_error_not_a_failed_job(  # type: ignore[no-untyped-def]
    spark, tmp_path: Path
) -> None:
    from article_clean.spark import clean_dataframe, learn_rules

    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    latin1 = ('{"id": "lat", "text": "Caf\xe9 ' + story + '"}\n').encode("latin-1")
    source = tmp_path / "mixed.jsonl"
    nul = json.dumps({"id": "nul", "text": "A\u0000 " + story}).encode() + b"\n"
    source.write_bytes(json.dumps({"id": "ok", "url": "https://e.com/a", "text": story}).encode()
                       + b"\n" + latin1 + nul)
    # The schema the docs advise, with the malformed line kept: Arrow cannot hand its
    # invalid UTF-8 to Python as a string, so it crosses as bytes and comes back as it was.
    schema = SCHEMA + ", _corrupt_record string"
    df = spark.read.schema(schema).option("mode", "PERMISSIVE").json(str(source))
    cleaned = clean_dataframe(df, "text", url_column="url")
    assert [f.dataType.simpleString() for f in cleaned.schema.fields[:4]] == ["string"] * 4
    rows = cleaned.collect()
    assert len(rows) == 3
    ok = next(r for r in rows if r["id"] == "ok")
    assert ok["body"] == story.strip() and ok["error"] is None and ok["url"] == "https://e.com/a"
    bad = next(r for r in rows if r["id"] not in ("ok", "nul"))
    assert bad["error"] is not None
    # A string's row says what it says elsewhere (Dask, the command line): not a DecodeError.
    nul_row = next(r for r in rows if r["id"] == "nul")
    assert nul_row["error"].startswith("InputError: the input holds a NUL character")
    # The text read whole (spark.read.text): the Latin-1 file is decoded as bytes are.
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes(f"Caf\xe9 {story}".encode("latin-1"))
    (pages / "b.txt").write_text(story, encoding="utf-8")
    text = spark.read.text(str(pages), wholetext=True)
    bodies = sorted(r["body"] for r in clean_dataframe(text, "value").collect())
    assert bodies == sorted([f"Café {story}".strip(), story.strip()])
    assert learn_rules(text, "value") == {}  # the pages name no site; no job fails


@pytest.mark.spark
def test_spark_refuses_a_kind_there_is_none_of_before_any_work(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe, clean_udf

    df = spark.createDataFrame([("x",)], "text string")
    for call in (lambda: clean_dataframe(df, "text", kind="HTML"), lambda: clean_udf(kind="HTML")):
        with pytest.raises(ValueError, match="kind must be 'text', 'html', 'auto' or None"):
            call()


@pytest.mark.spark
def test_spark_rejects_a_clashing_column(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe

    df = spark.createDataFrame([("x", "y")], "text string, body string")
    with pytest.raises(ValueError, match="already has column.*prefix="):
        clean_dataframe(df, "text")


@pytest.mark.spark
def test_spark_prefix_names_the_article_columns_apart(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe

    text = next(record["text"] for record in records() if record["text"])
    df = spark.createDataFrame(
        [(text, "en", "mine")], "text string, language string, body string"
    )
    cleaned = clean_dataframe(df, "text", prefix="article_")
    assert cleaned.columns == [
        "text", "language", "body", *(f"article_{name}" for name in ARTICLE_COLUMNS)
    ]
    row = cleaned.collect()[0]
    want = Cleaner().clean(text)
    assert (row["language"], row["body"]) == ("en", "mine")  # the input's own, untouched
    assert row["article_body"] == want.body
    assert row["article_language"] == want.language


# --- Dask ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dask_client():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip(
        "distributed", reason="pip install -e '.[dask]' for the Dask tests"
    )
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.dask
def test_dask_dataframe_jsonl_to_parquet_equals_one_process(dask_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd

    from article_clean.dask import clean_dataframe

    ddf = dd.read_json(
        [str(p) for p in PARTS],
        lines=True,
        compression="gzip",
        blocksize=None,
        dtype={"id": object, "url": object, "text": object},
    )
    assert ddf.npartitions >= 2
    cleaned = clean_dataframe(ddf, "text", url_column="url")
    assert list(cleaned.columns) == ["id", "url", "text", *ARTICLE_COLUMNS]
    cleaned.to_parquet(str(tmp_path / "out"))
    # Read back as a user would: pyarrow, and pandas' and dask's own readers, default backend.
    import pandas as pd

    for back in (
        read_parquet(tmp_path / "out"),
        pd.read_parquet(tmp_path / "out").to_dict("records"),
        dd.read_parquet(tmp_path / "out").compute().to_dict("records"),
    ):
        compare([_split_lists(row) for row in back])


@pytest.mark.dask
def test_dask_prefix_names_the_article_columns_apart(dask_client) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd
    import pandas as pd

    from article_clean.dask import clean_dataframe

    text = next(record["text"] for record in records() if record["text"])
    frame = pd.DataFrame({"text": [text], "language": ["en"], "body": ["mine"]})
    ddf = dd.from_pandas(frame, npartitions=1)
    with pytest.raises(ValueError, match="already has column.*prefix="):
        clean_dataframe(ddf, "text")
    cleaned = clean_dataframe(ddf, "text", prefix="article_")
    names = [f"article_{name}" for name in ARTICLE_COLUMNS]
    assert list(cleaned.columns) == ["text", "language", "body", *names]
    row = cleaned.compute().to_dict("records")[0]
    want = Cleaner().clean(text)
    assert (row["language"], row["body"]) == ("en", "mine")  # the input's own, untouched
    assert row["article_body"] == want.body
    assert row["article_language"] == want.language
    assert (_split_captions(row["article_captions"]) or []) == list(want.captions)


def _split_captions(joined: str | None) -> list[str] | None:
    """The Dask frame's captions, one string with entries a blank line apart, as a list."""
    return None if joined is None else [c for c in joined.split("\n\n") if c]


def _split_lists(row: dict) -> dict:  # type: ignore[type-arg]
    """A Dask frame's row with its joined list columns (captions, warnings) and its JSON one
    (removed) as lists."""
    warnings = row["warnings"]
    return {
        **row,
        "captions": _split_captions(row["captions"]),
        "removed": None if row["removed"] is None else json.loads(row["removed"]),
        "warnings": None if warnings is None else [w for w in warnings.split("\n") if w],
    }


@pytest.mark.dask
def test_dask_bag_equals_one_process(dask_client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from article_clean.dask import clean_bag

    items = records()
    bag = db.from_sequence([(r["text"], r["url"]) for r in items], npartitions=4)
    rows = [
        {"id": r["id"], "url": r["url"], **out} for r, out in zip(items, clean_bag(bag).compute())
    ]
    compare(rows)


@pytest.mark.dask
def test_dask_bag_reports_an_item_of_the_wrong_shape_and_goes_on(dask_client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from article_clean.dask import clean_bag

    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    items = [story, (story, None, "extra"), (story,), (story, "https://e.com/a")]
    out = clean_bag(db.from_sequence(items, npartitions=2)).compute()
    assert [row["error"] for row in out] == [
        None,
        "InputError: an item is a text or a (text, url) pair, not a tuple of 3",
        "InputError: an item is a text or a (text, url) pair, not a tuple of 1",
        None,
    ]
    assert out[3]["body"] == story.strip()


@pytest.mark.dask
def test_dask_refuses_a_kind_there_is_none_of_before_any_work() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import dask.bag as db
    import pandas as pd

    from article_clean.dask import clean_bag, clean_dataframe

    frame = dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1)
    for call in (
        lambda: clean_dataframe(frame, "text", kind="HTML"),
        lambda: clean_bag(db.from_sequence(["x"]), kind="HTML"),
    ):
        with pytest.raises(ValueError, match="kind must be 'text', 'html', 'auto' or None"):
            call()


def test_a_row_that_is_no_text_says_what_it_is() -> None:
    from article_clean.frames import clean_values, settings_blob

    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    contents = [story, None, float("nan"), 42, story, story, ["a", "b"], story, story]
    urls = [None, None, None, None, 7, float("nan"), None, b"https://e.com/\xff", b"https://e.com/"]
    values = clean_values(settings_blob(None), contents, urls)
    assert values["error"] == [
        None,
        "InputError: the record has no text",
        "InputError: the record has no text",
        "InputError: the text is int, not a str or bytes",
        "InputError: the URL is int, not a str",
        None,
        "InputError: the text is list, not a str or bytes",
        "InputError: the URL is not UTF-8 text",  # a URL as bytes, as Spark hands it over
        None,
    ]
    # A lone surrogate in a removed piece alone (the body and trailer are clean) fails no
    # partition: Arrow cannot store it, so the row says so.
    related = f"{story}\n\nRelated: \ud800 news\n\n{story}"
    article = Cleaner().clean(related)
    assert "\ud800" not in article.body + article.trailer and article.removed
    assert clean_values(settings_blob(None), [related], None)["error"] == [
        "InputError: the text holds lone surrogates, which UTF-8 cannot store"
    ]
    empty = clean_values(settings_blob(None), [""], None)
    assert empty["warnings"] == [["empty: the input holds no text"]] and empty["error"] == [None]
    numpy = pytest.importorskip("numpy")
    arrays = [numpy.array([1, 2]), story], [None, numpy.array([1])]
    errors = clean_values(settings_blob(None), *arrays)["error"]
    assert errors == [
        "InputError: the text is ndarray, not a str or bytes",
        "InputError: the URL is ndarray, not a str",
    ]


@pytest.mark.spark
def test_spark_refuses_a_column_that_is_no_text(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import clean_dataframe

    df = spark.createDataFrame([(1, 5)], "id int, n int")
    with pytest.raises(ValueError, match="column 'n' holds int, not text"):
        clean_dataframe(df, "n")


@pytest.mark.dask
def test_dask_refuses_a_column_that_is_no_text() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    from article_clean.dask import clean_dataframe

    with pytest.raises(ValueError, match="column 'n' holds int64, not text"):
        clean_dataframe(dd.from_pandas(pd.DataFrame({"n": [1, 2]}), npartitions=1), "n")
    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    categories = pd.DataFrame({"text": pd.Categorical([story, story])})
    cleaned = clean_dataframe(dd.from_pandas(categories, npartitions=1), "text")
    assert cleaned.compute(scheduler="sync")["body"].tolist() == [story.strip()] * 2
