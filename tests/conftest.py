from __future__ import annotations

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs Apache Spark local[2] (skip: -m 'not spark')")
    config.addinivalue_line("markers", "dask: runs a Dask LocalCluster (skip: -m 'not dask')")
