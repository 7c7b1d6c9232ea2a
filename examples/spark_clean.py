"""Clean a folder of JSONL articles with Spark and write Parquet: the example in docs/scale.md.

    spark-submit --master yarn examples/spark_clean.py 's3://bucket/articles/*.jsonl' s3://bucket/cleaned/

Each input line is a JSON object with a `text` field (and optionally `url`, `id`, anything else);
the output keeps every input column and adds headline, byline, caption, captions, body, trailer,
language, published and error. Records that cannot be cleaned have their reason in `error`.
"""

from __future__ import annotations

import sys

from pyspark.sql import SparkSession

from article_clean import Cleaner
from article_clean.spark import clean_dataframe


def main(source: str, target: str, spark: SparkSession | None = None) -> int:
    spark = spark or SparkSession.builder.appName("article-clean").getOrCreate()
    articles = spark.read.schema("id string, url string, text string").json(source)
    cleaned = clean_dataframe(articles, "text", url_column="url", cleaner=Cleaner())
    cleaned.write.mode("overwrite").parquet(target)
    failed = spark.read.parquet(target).where("error IS NOT NULL").count()
    print(
        f"cleaned {articles.count()} records into {target}; {failed} failed (see the error column)"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: spark_clean.py SOURCE_JSONL TARGET_PARQUET")
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
