"""Cleaning a column of a pandas DataFrame: the one piece of work Spark and Dask both run.

Both engines hand a worker a pandas batch; `clean_frame` adds the Article columns to it. The
Cleaner travels as its settings (a small pickle) and each worker process builds it once.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .batch import clean_one, cleaner_from_blob
from .cleaner import Cleaner, chosen_kind
from .model import ARTICLE_FIELDS
from .output import escape_surrogates

_SURROGATE = re.compile("[\ud800-\udfff]")

if TYPE_CHECKING:
    import pandas as pd

#: The columns appended to each row, in order: the Article's fields marked `column`, then the
#: record's error.
ARTICLE_COLUMNS = (*(field.name for field in ARTICLE_FIELDS if field.column), "error")


def settings_blob(cleaner: Cleaner | None) -> bytes:
    """What a worker needs to rebuild the cleaner: its pickled settings, checked here first."""
    cleaner = cleaner if cleaner is not None else Cleaner()
    cleaner.rule_sets  # noqa: B018 - a bad rule file or plugin fails on the driver, not in every task
    return pickle.dumps(cleaner)


def check_columns(
    existing: list[str], column: str, url_column: str | None, prefix: str = ""
) -> None:
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be a str (such as 'article_'), not {type(prefix).__name__}")
    if column not in existing:
        raise ValueError(f"no column {column!r} to clean; the columns are {', '.join(existing)}")
    if url_column is not None and url_column not in existing:
        raise ValueError(f"no URL column {url_column!r}; the columns are {', '.join(existing)}")
    clash = [prefix + name for name in ARTICLE_COLUMNS if prefix + name in existing]
    if clash:
        raise ValueError(
            f"the input already has column(s) {', '.join(clash)}; rename them, or name the "
            "Article's columns apart with prefix= (prefix='article_' gives article_body, ...)"
        )


def check_kind(kind: Any) -> None:
    """A kind there is none of ("HTML"), refused before any work: not an error on every row."""
    chosen_kind(kind)


def check_text_type(column: str, type_name: str, text: bool) -> None:
    """A column of numbers, dates or booleans is no text: refused before any work, not
    reported on every row."""
    if not text:
        raise ValueError(
            f"column {column!r} holds {type_name}, not text: clean a column of strings or bytes"
        )


def _missing(value: Any) -> bool:
    """None, or a missing value as pandas writes one (NaN, NA, NaT)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except TypeError:  # pandas.NA refuses to be a bool
        return type(value).__name__ == "NAType"
    except ValueError:  # an array (a column of lists): a value, just not a text
        return False


def utf8_string(content: Any) -> Any:
    """Bytes (a bytearray, a memoryview) as the UTF-8 string they spell, or as they are where
    they spell none."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        try:
            return bytes(content).decode("utf-8")
        except UnicodeDecodeError:
            return content
    return content


class _NotUtf8:
    """A URL given as bytes that are not UTF-8: no address, said as the row's error."""


def _url_text(url: Any) -> Any:
    """A URL given as bytes (Spark hands string columns over as binary) as its text."""
    text = utf8_string(url)
    return _NotUtf8() if isinstance(text, (bytes, bytearray, memoryview)) else text


def _row_error(content: Any, url: Any) -> str | None:
    """Why a row cannot be cleaned before the cleaner sees it, if it cannot."""
    if _missing(content):
        return "InputError: the record has no text"
    if not isinstance(content, (str, bytes)):
        return f"InputError: the text is {type(content).__name__}, not a str or bytes"
    if isinstance(url, _NotUtf8):
        return "InputError: the URL is not UTF-8 text"
    if not _missing(url) and not isinstance(url, str):
        return f"InputError: the URL is {type(url).__name__}, not a str"
    return None


def clean_values(
    blob: bytes, contents: list[Any], urls: list[Any] | None, kind: str | None = None
) -> dict[str, list[Any]]:
    """The Article columns for `contents` (str, bytes or missing), one row each."""
    cleaner = cleaner_from_blob(blob)
    columns: dict[str, list[Any]] = {name: [] for name in ARTICLE_COLUMNS}
    for index, content in enumerate(contents):
        url = _url_text(urls[index]) if urls is not None else None
        if isinstance(content, (bytearray, memoryview)):
            content = bytes(content)
        refused = _row_error(content, url)
        if refused is not None:
            row: dict[str, Any] = {"error": refused}
        else:
            result = clean_one(
                cleaner, index, (content, url if isinstance(url, str) else None), kind
            )
            if result.article is None:
                assert result.error is not None
                row = {"error": f"{result.error.kind}: {result.error.message}"}
            else:
                article = result.article
                row = {f.name: f.write(article) for f in ARTICLE_FIELDS if f.column}
                row["error"] = None
        row = _storable(row)
        for name in ARTICLE_COLUMNS:
            columns[name].append(row.get(name))
    return columns


def _texts(value: Any) -> Iterator[str]:
    """The strings in a column's value: a text, a list of them, the removed pieces' dicts."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        yield from _texts(list(value.values()))


def _storable(row: dict[str, Any]) -> dict[str, Any]:
    """`row`, or an error row when its text holds lone surrogates (a JSON `"\\ud800"`): Arrow
    strings, which both engines write, are UTF-8 and cannot hold them, and one such value would
    fail the whole partition."""
    values = [row.get(name) for name in ARTICLE_COLUMNS if name != "error"]
    if any(_SURROGATE.search(text) for text in _texts(values)):
        return {"error": "InputError: the text holds lone surrogates, which UTF-8 cannot store"}
    error = row.get("error")
    if isinstance(error, str):
        return {**row, "error": escape_surrogates(error)}
    return row


def clean_frame(
    frame: pd.DataFrame,
    column: str,
    url_column: str | None,
    blob: bytes,
    kind: str | None = None,
    prefix: str = "",
    *,
    strings_as_bytes: bool = False,
) -> pd.DataFrame:
    """`frame` with the Article columns appended, each name after `prefix`; failures go to the
    `error` column. `strings_as_bytes`: the text column held strings, handed over as bytes
    (Spark's, see `spark._strings_as_bytes`): each is cleaned as the string it was where it is
    UTF-8, so that a row says what a string's row says (a NUL: an InputError)."""
    urls = frame[url_column].tolist() if url_column is not None else None
    contents = frame[column].tolist()
    if strings_as_bytes:
        contents = [utf8_string(content) for content in contents]
    values = clean_values(blob, contents, urls, kind)
    out = frame.copy()
    for name in ARTICLE_COLUMNS:
        out[prefix + name] = values[name]
    return out
