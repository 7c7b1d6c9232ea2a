"""Cleaning many documents: in order, lazily, in parallel, with per-record errors as values.

`clean_many` keeps a bounded window of work in flight, so it runs over an endless stream in
constant memory, and yields results in input order. A record that fails (undecodable bytes, a
failing rule in strict mode, a page too large) comes back as a `Result` carrying the error; the
iteration goes on.

Workers receive the cleaner's settings as a small pickle and keep the Cleaner they build from
it, so each worker process compiles rules and loads plugins once. They are supervised (see
`workers`): a worker that dies or overruns `record_timeout` costs its record, not the batch.
"""

from __future__ import annotations

import functools
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Union

from .cleaner import MAX_SECONDS, Cleaner, chosen_kind
from .errors import ArticleCleanError, RuleConfigError
from .model import Article, Content, KindOption
from .rules import Rule, RuleSet

#: What clean_many takes per record: the content, or (content, url).
Item = Union[Content, tuple[Content, Union[str, None]]]

DEFAULT_CHUNK = 8


@dataclass(frozen=True)
class RecordError:
    """Why one record could not be cleaned: the error's type name and message."""

    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.kind, "message": self.message}

    def __str__(self) -> str:  # as a log line shows an exception: "DecodeError: ..."
        return f"{self.kind}: {self.message}"


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


def clean_one(
    cleaner: Cleaner, index: int, item: Item, kind: str | None = None, *, isolated: bool = False
) -> Result:
    """Clean one record; any failure becomes the Result's error instead of an exception.

    `isolated`: in a worker process, which ignores Ctrl-C, even a KeyboardInterrupt can only
    come from a rule, so it costs the record too; in the caller's process it stops the run.
    """
    try:
        content, url = _split(item)
        article = cleaner.clean(content, url=url, kind=kind)  # type: ignore[arg-type]
    except (ArticleCleanError, TypeError, ValueError, UnicodeError, TimeoutError) as error:
        return Result(index, None, RecordError(type(error).__name__, str(error)))
    except (Exception, SystemExit) as error:  # a bug must cost one record, not the batch
        return Result(index, None, RecordError(type(error).__name__, f"unexpected error: {error}"))
    except KeyboardInterrupt as error:
        if not isolated:
            raise
        return Result(index, None, RecordError(type(error).__name__, f"unexpected error: {error}"))
    return Result(index, article, None)


@functools.lru_cache(maxsize=4)
def cleaner_from_blob(blob: bytes) -> Cleaner:
    """The Cleaner for these settings in this worker process, built once."""
    cleaner = pickle.loads(blob)
    if not isinstance(cleaner, Cleaner):
        raise TypeError("expected a pickled Cleaner")
    return cleaner


def _for_workers(cleaner: Cleaner) -> bytes:
    """The cleaner pickled for worker processes; where a rule given as a RuleSet cannot be (a
    lambda, a function made inside another), a RuleConfigError names it and the way out.

    Plugins go by name, and each worker loads them itself: their rules are never pickled."""
    try:
        return pickle.dumps(cleaner)
    except (pickle.PicklingError, AttributeError, TypeError):
        given = [r for r in cleaner.settings.rules if isinstance(r, RuleSet)]
        for rule_set in given:
            for item in rule_set.rules:
                _check_picklable(item, rule_set)
        raise


def _check_picklable(item: Rule, rule_set: RuleSet) -> None:
    try:
        pickle.dumps(item)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        raise RuleConfigError(
            f"rule {item.id} (rule set {rule_set.name!r}) cannot go to worker processes: "
            f"{error}; define its function at module level, under its own name (not a lambda, "
            "nor a function made inside another), or clean in this process (jobs=1, no "
            "record_timeout)"
        ) from error


def _check_call(items: Any, cleaner: Any, kind: Any) -> None:
    """Mistakes of the call itself, said once before any record: not an error per record."""
    if isinstance(items, (str, bytes)):
        raise TypeError(
            "clean_many takes an iterable of documents; a str or bytes is one document: "
            "clean_many([text]), or clean(text)"
        )
    if cleaner is not None and not isinstance(cleaner, Cleaner):
        raise TypeError(f"cleaner must be a Cleaner or None, not {type(cleaner).__name__}")
    chosen_kind(kind)  # a ValueError for a kind there is none of


def clean_many(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    cleaner: Cleaner | None = None,
    kind: KindOption | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    record_timeout: float | None = None,
) -> Iterator[Result]:
    """Clean every item, yielding a Result per item in input order.

    `items` are contents (str or bytes) or (content, url) pairs. `jobs` > 1 cleans in that many
    worker processes; `jobs=0` means one per CPU. At most `2 * jobs` chunks of `chunk_size`
    records are in flight, so memory stays bounded however long the stream is.

    `record_timeout`: seconds a record may run before its worker process is killed and the
    record reported as `RecordTimeout` (with it, even `jobs=1` cleans in a worker process). A
    worker that dies is replaced, and the record it was on is retried once before it is
    reported as `WorkerDied`.

    Mistakes in the call (a bad setting, a rule that cannot go to the workers) raise here, when
    `clean_many` is called, not when the first result is asked for.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number >= 0, not {jobs!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, not {chunk_size!r}")
    if record_timeout is not None and (
        isinstance(record_timeout, bool)
        or not isinstance(record_timeout, (int, float))
        or not 0 < record_timeout <= MAX_SECONDS  # NaN too; past it, the clocks overflow
    ):
        raise ValueError(
            f"record_timeout must be a number of seconds > 0 and <= {MAX_SECONDS:,}, or None, "
            f"not {record_timeout!r}"
        )
    _check_call(items, cleaner, kind)
    cleaner = cleaner if cleaner is not None else Cleaner()
    cleaner.rule_sets  # noqa: B018 - fail on bad settings here, not once per record in the workers
    workers = jobs or os.cpu_count() or 1
    if workers == 1 and record_timeout is None:
        return (clean_one(cleaner, index, item, kind) for index, item in enumerate(items))
    from .workers import supervised  # it builds on this module

    return supervised(
        items,
        _for_workers(cleaner),
        kind,
        workers=workers,
        chunk_size=chunk_size,
        record_timeout=record_timeout,
    )
