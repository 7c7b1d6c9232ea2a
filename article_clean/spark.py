"""Apache Spark: clean a DataFrame column on the cluster (`pip install -e '.[spark]'`).

    from article_clean.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("articles/*.jsonl"), "text", url_column="url")

`clean_dataframe` keeps every input column and appends `headline`, `caption`, `captions`, `body`,
`trailer`, `byline` and `error`, using `DataFrame.mapInPandas`. A record that cannot be cleaned
gets its reason in `error` and nulls elsewhere; it never fails the job. `clean_udf` is the same
as a struct-returning pandas UDF, for use inside `select`.

The Cleaner travels to the executors as its settings; each Python worker builds it once.
pyspark is imported only when these functions are called.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .cleaner import Cleaner
from .frames import ARTICLE_COLUMNS, check_columns, clean_frame, clean_values, settings_blob

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType


def article_schema() -> StructType:
    """The Spark schema of the Article columns."""
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    types = {"captions": ArrayType(StringType())}
    return StructType(
        [StructField(name, types.get(name, StringType()), True) for name in ARTICLE_COLUMNS]
    )


def clean_dataframe(
    df: DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    cleaner: Cleaner | None = None,
    kind: str | None = None,
) -> DataFrame:
    """`df` with the Article columns appended, cleaned from `column` (string or binary)."""
    from pyspark.sql.types import StructType

    check_columns(df.columns, column, url_column)
    blob = settings_blob(cleaner)
    schema = StructType(df.schema.fields + article_schema().fields)

    def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            yield clean_frame(batch, column, url_column, blob, kind)

    return df.mapInPandas(clean_batches, schema)


def clean_udf(
    cleaner: Cleaner | None = None, *, with_url: bool = False, kind: str | None = None
) -> Any:
    """A pandas UDF returning the Article struct, for use inside `select`.

        article = clean_udf(with_url=True)
        df.select("id", article("text", "url").alias("a")).select("id", "a.*")

    Without `with_url` it takes the content column alone.
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]

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
