"""Scale-out: one process, clean_many(jobs=2), Spark local[2] and Dask LocalCluster(2), one run.

    pip install -e '.[spark,dask]'
    python benchmarks/scale.py --data ../shared/bench-data/scrapinghub-region --docs 20000

The region set is repeated to `--docs` documents and written as JSONL in two files. Each engine
cleans all of them; its start-up (JVM and session, cluster and workers) is timed apart from the
work, and a small warm-up job runs first so that workers have loaded article_clean. The speed-up
is each engine's work time against the single process on the same documents.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Cleaner, clean_many  # noqa: E402
from benchmarks.data import load  # noqa: E402


def write_inputs(data: str, docs: int, folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    pages = load(data)
    items = [(p.read_text(), p.url) for p in pages]
    repeated = [items[i % len(items)] for i in range(docs)]
    parts = [folder / "part-0.jsonl", folder / "part-1.jsonl"]
    half = docs // 2
    for part, chunk, offset in ((parts[0], repeated[:half], 0), (parts[1], repeated[half:], half)):
        with part.open("w", encoding="utf-8") as handle:
            for n, (text, url) in enumerate(chunk, offset):
                handle.write(json.dumps({"id": n, "url": url, "text": text}) + "\n")
    return parts, repeated


def timed(work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def run_spark(parts: list[Path], out: Path) -> tuple[float, float, int]:
    from pyspark.sql import SparkSession

    from article_clean.spark import clean_dataframe

    os.environ["PYSPARK_PYTHON"] = sys.executable
    startup, spark = timed(
        lambda: (
            SparkSession.builder.master("local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "4g")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
    )
    spark.sparkContext.setLogLevel("ERROR")
    schema = "id long, url string, text string"
    warm = spark.createDataFrame([(0, None, "A warm-up sentence of a story. " * 5)] * 4, schema)
    clean_dataframe(warm, "text").count()
    df = spark.read.schema(schema).json([str(p) for p in parts])
    work, _ = timed(
        lambda: (
            clean_dataframe(df, "text", url_column="url").write.mode("overwrite").parquet(str(out))
        )
    )
    rows = spark.read.parquet(str(out)).count()
    spark.stop()
    return startup, work, rows


def run_dask(parts: list[Path], out: Path) -> tuple[float, float, int]:
    import dask.dataframe as dd
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster

    from article_clean.dask import clean_dataframe

    def start():  # type: ignore[no-untyped-def]
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        )
        return cluster, Client(cluster)

    startup, (cluster, client) = timed(start)
    client.run(lambda: Cleaner().clean("A warm-up sentence of a story. " * 5))
    ddf = dd.read_json(
        [str(p) for p in parts],
        lines=True,
        blocksize=2**22,
        dtype={"id": "int64", "url": object, "text": object},
    )
    work, _ = timed(lambda: clean_dataframe(ddf, "text", url_column="url").to_parquet(str(out)))
    rows = pq.read_table(str(out), columns=["id"]).num_rows
    client.close()
    cluster.close()
    return startup, work, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, help="a text folder of ../shared/bench-data")
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--skip", action="append", default=[], choices=["spark", "dask"])
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parts, items = write_inputs(args.data, args.docs, folder)
        cleaner = Cleaner()
        cleaner.clean(items[0][0])
        rows = []
        single, _ = timed(lambda: [cleaner.clean(t, url=u) for t, u in items])
        rows.append(("single process", 0.0, single, len(items)))
        pooled, results = timed(lambda: sum(1 for _ in clean_many(items, jobs=2, cleaner=cleaner)))
        rows.append(("clean_many(jobs=2)", 0.0, pooled, results))
        if "spark" not in args.skip:
            rows.append(("Spark local[2]", *run_spark(parts, folder / "spark-out")))
        if "dask" not in args.skip:
            rows.append(("Dask LocalCluster(2)", *run_dask(parts, folder / "dask-out")))

    print(f"{args.docs} documents ({args.data} repeated), {os.cpu_count()} cores\n")
    print(
        f"{'engine':24} {'start-up s':>11} {'work s':>9} {'docs/s':>9} {'speed-up':>9} {'rows':>7}"
    )
    for name, startup, work, count in rows:
        print(
            f"{name:24} {startup:11.1f} {work:9.1f} {args.docs / work:9.0f} {single / work:8.2f}x {count:7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
