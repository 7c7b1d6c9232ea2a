"""Apache Spark: clean a DataFrame column on the cluster (`pip install -e '.[spark]'`).

    from article_clean.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("articles/*.jsonl"), "text", url_column="url")

`clean_dataframe` keeps every input column and appends `headline`, `byline`, `caption`, `captions`,
`body`, `trailer`, `removed` (what was taken out, each piece with its rule: an array of structs
`rule`, `label`, `text`), `language`, `published`, `warnings` and `error`
(`frames.ARTICLE_COLUMNS`), using `DataFrame.mapInPandas`. A record that cannot be cleaned
gets its reason in `error` and nulls elsewhere; it never fails the job. `clean_udf` is the same
as a struct-returning pandas UDF, for use inside `select`. `learn_rules` learns each site's rule
set from its pages (`article_clean.learn`), counting their lines in one distributed aggregation.

The Cleaner travels to the executors as its settings; each Python worker builds it once.
pyspark is imported only when these functions are called.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .batch import cleaner_from_blob
from .cleaner import Cleaner
from .errors import ArticleCleanError
from .frames import (
    ARTICLE_COLUMNS,
    check_columns,
    check_kind,
    check_text_type,
    clean_frame,
    clean_values,
    settings_blob,
    utf8_string,
)
from .learn import (
    DEFAULT_MIN_PAGES,
    DEFAULT_MIN_SHARE,
    LineStats,
    SiteKey,
    check_site,
    check_thresholds,
    line_key,
    marker_ids,
    observe,
    registered_domain,
    rule_sets_from_counts,
    site_key,
)
from .model import REMOVED_PIECE
from .rules import RuleSet

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType


def article_schema(prefix: str = "") -> StructType:
    """The Spark schema of the Article columns, each name after `prefix`."""
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    # A removed piece as the command line writes it: the rule's id, its label and the text.
    piece = StructType([StructField(name, StringType(), True) for name in REMOVED_PIECE])
    types = {
        "captions": ArrayType(StringType()),
        "removed": ArrayType(piece),
        "warnings": ArrayType(StringType()),
    }
    return StructType(
        [
            StructField(prefix + name, types.get(name, StringType()), True)
            for name in ARTICLE_COLUMNS
        ]
    )


def clean_dataframe(
    df: DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    cleaner: Cleaner | None = None,
    kind: str | None = None,
    prefix: str = "",
) -> DataFrame:
    """`df` with the Article columns appended, cleaned from `column` (string or binary);
    `prefix` names them apart from the input's own ("article_" gives article_body, ...)."""
    from pyspark.sql.types import BinaryType, StringType, StructType

    check_columns(df.columns, column, url_column, prefix)
    given = df.schema[column].dataType
    check_text_type(column, given.simpleString(), isinstance(given, (StringType, BinaryType)))
    check_kind(kind)
    blob = settings_blob(cleaner)
    readable, strings = _strings_as_bytes(df)
    schema = StructType(readable.schema.fields + article_schema(prefix).fields)

    def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            yield clean_frame(
                batch, column, url_column, blob, kind, prefix, strings_as_bytes=column in strings
            )

    cleaned = readable.mapInPandas(clean_batches, schema)
    return cleaned.select(
        *(_column(name, "string" if name in strings else None) for name in cleaned.columns)
    )


def _column(name: str, cast: str | None = None) -> Any:
    """The column named `name` (however it is spelt: dots, backticks), cast if asked."""
    from pyspark.sql import functions as F

    column = F.col("`" + name.replace("`", "``") + "`")
    return column if cast is None else column.cast(cast).alias(name)


def _as_bytes(df: DataFrame, name: str) -> str | None:
    """"binary" for a string column, which is to be read as bytes; else None (as it is)."""
    from pyspark.sql.types import StringType

    return "binary" if isinstance(df.schema[name].dataType, StringType) else None


def _strings_as_bytes(df: DataFrame) -> tuple[DataFrame, frozenset[str]]:
    """`df` with its string columns as binary, and their names.

    Spark hands a string column to Python through Arrow, which fails the whole task on a
    value that is not UTF-8 (a Latin-1 line kept in `_corrupt_record`, a page read with
    `spark.read.text`). As bytes, each value crosses untouched: the text is decoded by the
    cleaner (or is that row's `error`), the others go back to strings as they came, unread.
    """
    from pyspark.sql.types import StringType

    strings = frozenset(f.name for f in df.schema.fields if isinstance(f.dataType, StringType))
    if not strings:
        return df, strings
    return df.select(
        *(_column(name, "binary" if name in strings else None) for name in df.columns)
    ), strings


def clean_udf(
    cleaner: Cleaner | None = None, *, with_url: bool = False, kind: str | None = None
) -> Any:
    """A pandas UDF returning the Article struct, for use inside `select`.

        article = clean_udf(with_url=True)
        df.select("id", article("text", "url").alias("a")).select("id", "a.*")

    Without `with_url` it takes the content column alone.
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined, unused-ignore]

    check_kind(kind)
    blob = settings_blob(cleaner)

    def frame(values: dict[str, list[Any]]) -> pd.DataFrame:
        return pd.DataFrame(values, columns=list(ARTICLE_COLUMNS))

    # Real classes, not the strings `from __future__ import annotations` leaves: pyspark reads
    # the hints to choose the UDF's kind.
    if with_url:

        def article_at(contents: pd.Series, urls: pd.Series) -> pd.DataFrame:
            return frame(clean_values(blob, contents.tolist(), urls.tolist(), kind))

        article_at.__annotations__ = {
            "contents": pd.Series,
            "urls": pd.Series,
            "return": pd.DataFrame,
        }
        return pandas_udf(article_schema())(article_at)

    def article(contents: pd.Series) -> pd.DataFrame:
        return frame(clean_values(blob, contents.tolist(), None, kind))

    article.__annotations__ = {"contents": pd.Series, "return": pd.DataFrame}
    return pandas_udf(article_schema())(article)


def learn_rules(
    df: DataFrame,
    column: str,
    url_column: str | None = None,
    *,
    min_pages: int = DEFAULT_MIN_PAGES,
    min_share: float = DEFAULT_MIN_SHARE,
    site: SiteKey | None = None,
    cleaner: Cleaner | None = None,
    kind: str | None = None,
) -> dict[str, RuleSet]:
    """Each site's learned rule set, counted on the cluster (see `article_clean.learn`).

    The executors clean the pages and note their lines; one aggregation counts them per site
    and line, exactly; only the lines on at least `min_pages` pages come back to the driver,
    where the same decisions as `article_clean.learn_rules` make the rule sets. Pages that
    cannot be cleaned are left out, with a warning naming how many and why the first was.
    """
    from pyspark.sql import functions as F

    check_thresholds(min_pages, min_share)
    check_kind(kind)
    for name in (column, url_column):
        if name is not None and name not in df.columns:
            raise ValueError(f"no column {name!r}; the columns are {', '.join(df.columns)}")
    blob = settings_blob(cleaner if cleaner is not None else Cleaner(detect_language=False))
    site_of = site_key(site)
    urls = url_column

    def observe_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        worker = cleaner_from_blob(blob)
        markers = marker_ids(worker)
        for batch in batches:
            rows = []
            for content, url in zip(
                batch[column].tolist(),
                batch[urls].tolist() if urls is not None else [None] * len(batch),
            ):
                content = utf8_string(content) if text_cast else content
                rows.extend(_observed(worker, markers, site_of, content, url, kind))
            yield pd.DataFrame(rows, columns=_OBSERVED_COLUMNS)

    # As bytes, for the reason `_strings_as_bytes` gives; a string's UTF-8 read back as such.
    text_cast = _as_bytes(df, column)
    selected = df.select(
        _column(column, text_cast),
        *([_column(url_column, _as_bytes(df, url_column))] if url_column else []),
    )
    observed = selected.mapInPandas(observe_batches, _OBSERVED_SCHEMA)
    ones = [F.sum(name).alias(name) for name in _FLAGS]
    counted = (
        observed.groupBy("row", "site", "key")
        .agg(
            F.count(F.lit(1)).alias("pages"),
            F.min("template").alias("template"),
            F.min("example").alias("first_example"),
            F.max("example").alias("last_example"),
            *ones,
        )
        .where((F.col("row") != "line") | (F.col("pages") >= min_pages))
        .collect()
    )
    site_pages: dict[str, int] = {}
    lines: dict[str, list[LineStats]] = {}
    for row in counted:
        if row["row"] == "error":
            warnings.warn(
                f"learn_rules: {row['pages']} record(s) could not be used and were left out "
                f"({row['first_example']})",
                stacklevel=2,
            )
        elif row["row"] == "page" and row["site"] is not None:
            site_pages[row["site"]] = row["pages"]
        elif row["row"] == "line":
            lines.setdefault(row["site"], []).append(
                LineStats(
                    row["template"],
                    pages=row["pages"],
                    first_example=row["first_example"],
                    last_example=row["last_example"],
                    **{name: row[name] for name in _FLAGS},
                )
            )
    for name in site_pages:
        check_site(name)
    counts = {s: (n, lines.get(s, [])) for s, n in site_pages.items()}
    return rule_sets_from_counts(counts, min_pages=min_pages, min_share=min_share)


_FLAGS = ("body", "kept", "marked", "before", "inside", "after", "opens")
_OBSERVED_COLUMNS = ("row", "site", "key", "template", "example", *_FLAGS)
_OBSERVED_SCHEMA = (
    "row string, site string, key long, template string, example string, "
    + ", ".join(f"{name} int" for name in _FLAGS)
)


def _names_a_domain(site: str) -> bool:
    try:
        check_site(site)
    except ValueError:
        return False
    return True


def _observed(
    cleaner: Cleaner,
    markers: frozenset[str],
    site_of: SiteKey,
    content: Any,
    url: Any,
    kind: str | None,
) -> list[tuple[Any, ...]]:
    """The rows one page adds: a "page" row and a "line" row per distinct line, or an "error"."""
    none = (0,) * len(_FLAGS)
    url = utf8_string(url)  # a string column, read as bytes (`_strings_as_bytes`)
    if isinstance(url, bytes):
        return [("error", None, None, None, "InputError: the URL is not UTF-8 text", *none)]
    url = url if isinstance(url, str) else None
    if isinstance(content, (bytearray, memoryview)):
        content = bytes(content)
    if not isinstance(content, (str, bytes)):
        return [("error", None, None, None, "InputError: the record has no text", *none)]
    try:
        article = cleaner.clean(content, url=url, kind=kind)  # type: ignore[arg-type]
    except ArticleCleanError as error:
        return [("error", None, None, None, f"{type(error).__name__}: {error}", *none)]
    site = site_of(url or article.url)
    if site and site_of is registered_domain and not _names_a_domain(site):
        # A bad record, as in learn_rules: left out and counted, not the end of the job.
        problem = f"InputError: the URL {url or article.url!r} names no domain"
        return [("error", None, None, None, problem, *none)]
    rows: list[tuple[Any, ...]] = [("page", site, None, None, None, *none)]
    if site:
        for seen in observe(article, markers):
            flags = {
                "body": seen.body,
                "kept": seen.kept,
                "marked": seen.marked,
                "before": seen.zone == "before",
                "inside": seen.zone == "inside",
                "after": seen.zone == "after",
                "opens": seen.opens,
            }
            rows.append(
                ("line", site, line_key(seen.template), seen.template, seen.example,
                 *(int(flags[name]) for name in _FLAGS))
            )
    return rows
