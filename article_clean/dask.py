"""Dask: clean a Bag or a DataFrame column (`pip install -e '.[dask]'`).

    from article_clean.dask import clean_bag, clean_dataframe
    articles = clean_bag(db.read_text("articles/*.txt", linedelimiter="\\f"))
    cleaned = clean_dataframe(dd.read_json("articles/*.jsonl", lines=True), "text", url_column="url")

`clean_dataframe` maps `clean_frame` over the partitions with a typed `meta`: every input column
is kept and the Article columns are appended as strings (`captions` and `warnings` joined into
one string each, `removed` as a JSON array of {"rule", "label", "text"} objects, so that
`to_parquet`'s files read back with pandas and dask), failures in `error`. `clean_bag`
maps each item (a text, bytes, or a (content, url) pair) to a dict of the same fields. The Cleaner travels as its
settings; each worker process builds it once. dask is imported only when these are called.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .cleaner import Cleaner
from .frames import (
    ARTICLE_COLUMNS,
    check_columns,
    check_kind,
    check_text_type,
    clean_frame,
    clean_values,
    settings_blob,
)

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd


def _dtypes(prefix: str = "") -> dict[str, Any]:
    import pandas as pd
    import pyarrow as pa

    return {prefix + name: pd.ArrowDtype(pa.string()) for name in ARTICLE_COLUMNS}


def article_meta(frame_meta: pd.DataFrame, prefix: str = "") -> pd.DataFrame:
    """The typed meta of a cleaned frame: the input's columns, then the Article columns (each
    name after `prefix`), all Arrow strings (the list columns joined, see `JOINED`, or as JSON,
    see `AS_JSON`)."""
    import pandas as pd

    meta = frame_meta.iloc[:0].copy()
    for name, dtype in _dtypes(prefix).items():
        meta[name] = pd.Series([], dtype=dtype)
    return meta


# The columns that are lists, each written as one string, with what joins its entries: a
# caption and its credit are lines of one entry, so captions stand a blank line apart
# (`.split("\n\n")` gives them back); a warning is one line. A column of lists (Arrow
# `list<string>`) is written to parquet with a pandas dtype name that pandas cannot read back:
# the files would open with pyarrow only, not with pandas' or dask's `read_parquet`. A string
# column reads back everywhere.
JOINED = {"captions": "\n\n", "warnings": "\n"}
# The removed pieces, each a record of three fields, as the command line writes them: JSON.
AS_JSON = frozenset({"removed"})


def _as_string(name: str, value: Any) -> Any:
    """A list column's value as the one string its column holds (None stays None)."""
    if value is None:
        return None
    if name in AS_JSON:
        return json.dumps(value, ensure_ascii=False)
    joiner = JOINED.get(name)
    return value if joiner is None else joiner.join(value)


def _clean_partition(
    frame: pd.DataFrame,
    column: str,
    url_column: str | None,
    blob: bytes,
    kind: str | None,
    prefix: str = "",
) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    out = clean_frame(frame, column, url_column, blob, kind, prefix)
    for name, dtype in _dtypes(prefix).items():
        # A column of missing values comes back from pandas as NaN floats: Arrow wants None.
        items = [None if isinstance(value, float) else value for value in out[name].tolist()]
        items = [_as_string(name[len(prefix) :], value) for value in items]
        values = pa.array(items, type=dtype.pyarrow_dtype, from_pandas=True)
        out[name] = pd.Series(pd.arrays.ArrowExtensionArray(values), index=out.index)
    return out


def clean_dataframe(
    ddf: dask.dataframe.DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    cleaner: Cleaner | None = None,
    kind: str | None = None,
    prefix: str = "",
) -> dask.dataframe.DataFrame:
    """`ddf` with the Article columns appended, cleaned from `column`; `prefix` names them
    apart from the input's own ("article_" gives article_body, ...)."""
    import pandas as pd

    check_columns(list(ddf.columns), column, url_column, prefix)
    check_kind(kind)
    dtype = ddf._meta[column].dtype
    if isinstance(dtype, pd.CategoricalDtype):  # a column of repeated strings, stored as codes
        dtype = dtype.categories.dtype
    # A NumPy dtype compares equal to the type it stands for: `is` would not hold.
    is_text = dtype == object or pd.api.types.is_string_dtype(dtype)  # noqa: E721
    check_text_type(column, str(dtype), is_text)
    blob = settings_blob(cleaner)
    meta = article_meta(ddf._meta, prefix)
    partitions = ddf.map_partitions
    cleaned: dask.dataframe.DataFrame = partitions(  # type: ignore[no-untyped-call, unused-ignore]
        _clean_partition, column, url_column, blob, kind, prefix, meta=meta
    )
    return cleaned


def _clean_item(item: Any, blob: bytes, kind: str | None) -> dict[str, Any]:
    if isinstance(item, tuple) and len(item) != 2:  # that item's error, not the bag's
        row = dict.fromkeys(ARTICLE_COLUMNS)
        row["error"] = (
            f"InputError: an item is a text or a (text, url) pair, not a tuple of {len(item)}"
        )
        return row
    content, url = item if isinstance(item, tuple) else (item, None)
    values = clean_values(blob, [content], [url], kind)
    return {name: values[name][0] for name in ARTICLE_COLUMNS}


def clean_bag(
    bag: dask.bag.Bag, *, cleaner: Cleaner | None = None, kind: str | None = None
) -> dask.bag.Bag:
    """A Bag of Article dicts: the `ARTICLE_COLUMNS` of `frames`."""
    check_kind(kind)
    articles: dask.bag.Bag = bag.map(  # type: ignore[no-untyped-call, unused-ignore]
        _clean_item, blob=settings_blob(cleaner), kind=kind
    )
    return articles
