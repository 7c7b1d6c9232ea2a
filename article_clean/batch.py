"""Cleaning many documents: in order, lazily, in parallel, with per-record errors as values.

`clean_many` keeps a bounded window of work in flight, so it runs over an endless stream in
constant memory, and yields results in input order. A record that fails (undecodable bytes, a
failing rule in strict mode, a page too large) comes back as a `Result` carrying the error; the
iteration goes on.

Workers receive the cleaner's settings once per chunk as a small pickle and keep the Cleaner
they build from it, so each worker process compiles rules and loads plugins once.
"""

from __future__ import annotations

import functools
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, Union

from .cleaner import Cleaner
from .errors import ArticleCleanError
from .model import Article

#: What clean_many takes per record: the content, or (content, url).
Item = Union[str, bytes, tuple[Union[str, bytes], Union[str, None]]]

DEFAULT_CHUNK = 8


@dataclass(frozen=True)
class RecordError:
    """Why one record could not be cleaned: the error's type name and message."""

    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.kind, "message": self.message}


@dataclass(frozen=True)
class Result:
    """One record's outcome: an Article, or the error that stopped it."""

    index: int
    article: Article | None
    error: RecordError | None

    @property
    def ok(self) -> bool:
        return self.error is None


def _split(item: Item) -> tuple[Any, str | None]:
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError("a record tuple must be (content, url)")
        return item[0], item[1]
    return item, None


def clean_one(cleaner: Cleaner, index: int, item: Item, kind: str | None = None) -> Result:
    """Clean one record; any failure becomes the Result's error instead of an exception."""
    try:
        content, url = _split(item)
        article = cleaner.clean(content, url=url, kind=kind)  # type: ignore[arg-type]
    except (ArticleCleanError, TypeError, ValueError, UnicodeError, TimeoutError) as error:
        return Result(index, None, RecordError(type(error).__name__, str(error)))
    except Exception as error:  # a bug must cost one record, not the batch; it is reported
        return Result(index, None, RecordError(type(error).__name__, f"unexpected error: {error}"))
    return Result(index, article, None)


@functools.lru_cache(maxsize=4)
def cleaner_from_blob(blob: bytes) -> Cleaner:
    """The Cleaner for these settings in this worker process, built once."""
    cleaner = pickle.loads(blob)
    if not isinstance(cleaner, Cleaner):
        raise TypeError("expected a pickled Cleaner")
    return cleaner


def _clean_chunk(blob: bytes, start: int, items: list[Item], kind: str | None) -> list[Result]:
    cleaner = cleaner_from_blob(blob)
    return [clean_one(cleaner, start + offset, item, kind) for offset, item in enumerate(items)]


def clean_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    cleaner: Cleaner | None = None,
    kind: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Result]:
    """Clean every item, yielding a Result per item in input order.

    `items` are contents (str or bytes) or (content, url) pairs. `jobs` > 1 cleans in that many
    worker processes; `jobs=0` means one per CPU. At most `2 * jobs` chunks of `chunk_size`
    records are in flight, so memory stays bounded however long the stream is.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number >= 0, not {jobs!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, not {chunk_size!r}")
    cleaner = cleaner if cleaner is not None else Cleaner()
    cleaner.rule_sets  # noqa: B018 - fail on bad settings here, not once per record in the workers
    workers = jobs or os.cpu_count() or 1
    if workers == 1:
        for index, item in enumerate(items):
            yield clean_one(cleaner, index, item, kind)
        return
    yield from _parallel(items, cleaner, workers, kind, chunk_size)


def _parallel(
    items: Iterable[Item], cleaner: Cleaner, workers: int, kind: str | None, chunk_size: int
) -> Iterator[Result]:
    blob = pickle.dumps(cleaner)
    source = iter(items)
    pending: deque[Future[list[Result]]] = deque()
    start = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:

        def submit() -> bool:
            nonlocal start
            chunk = list(islice(source, chunk_size))
            if not chunk:
                return False
            pending.append(pool.submit(_clean_chunk, blob, start, chunk, kind))
            start += len(chunk)
            return True

        more = True
        while more and len(pending) < 2 * workers:
            more = submit()
        while pending:
            yield from pending.popleft().result()
            if more:
                more = submit()
