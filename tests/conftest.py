from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: the first example of a run loads the language model (most of a
# second), and a timed assertion on a noisy machine tests the machine, not the promise.
settings.register_profile("article_clean", deadline=None)
settings.load_profile("article_clean")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SAMPLES / "000_99f8204d1b9f3a68.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    """A Spark session on local[2], shared by the tests of one module marked `spark`.

    At its end the JVM goes too: a JVM resolves relative paths against the folder it started
    in, so a guide's Spark block run later (in its own folder) needs a JVM of its own."""
    pyspark = pytest.importorskip("pyspark", reason="pip install -e '.[spark]' for the Spark tests")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("article-clean-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    context = pyspark.SparkContext
    if context._gateway is not None:
        context._gateway.shutdown()
        context._gateway = None
        context._jvm = None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs Apache Spark local[2] (skip: -m 'not spark')")
    config.addinivalue_line("markers", "dask: runs a Dask LocalCluster (skip: -m 'not dask')")
