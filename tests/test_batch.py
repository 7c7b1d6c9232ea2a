"""clean_many: in order, lazy over endless streams, errors as values, parallel like serial."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from article_clean import (
    Cleaner,
    FunctionRule,
    Label,
    PatternRule,
    Rule,
    RuleConfigError,
    RuleSet,
    rule,
)
from article_clean.batch import clean_many
from article_clean.document import Document
from article_clean.model import Block

STORY = "A paragraph of the story, long enough to read as prose in any test. " * 2


def documents(n: int) -> list[str]:
    return [("ADVERTISING\n\n" if i % 2 else "") + STORY + f"Number {i}." for i in range(n)]


def test_results_come_in_input_order_with_their_index() -> None:
    results = list(clean_many(documents(10)))
    assert [r.index for r in results] == list(range(10))
    assert all(r.ok for r in results)
    assert [r.article.body.endswith(f"Number {i}.") for i, r in enumerate(results)] == [True] * 10


def test_a_bad_record_is_an_error_value_and_the_rest_go_on() -> None:
    items = [
        STORY,
        b"\x00\x01binary\xff" * 20,
        42,
        (STORY, "https://example.com/x"),
        ("a", "b", "c"),
    ]
    results = list(clean_many(items))  # type: ignore[arg-type]
    assert [r.ok for r in results] == [True, False, False, True, False]
    assert results[1].error.kind == "DecodeError"
    assert results[2].error.kind == "TypeError"
    assert results[3].article.url == "https://example.com/x"


def test_strict_mode_failures_are_per_record() -> None:
    boom = RuleSet("test-boom", [PatternRule("TST200", "noise", r"(a|aa)+$")])
    cleaner = Cleaner(rules=[boom], strict=True, rule_timeout=0.05)
    results = list(clean_many([STORY, "a" * 40 + "!", STORY], cleaner=cleaner))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error.kind == "RuleFailedError"


def test_an_endless_stream_is_consumed_lazily() -> None:
    pulled = 0

    def endless():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield STORY + f"Number {i}."

    first = list(itertools.islice(clean_many(endless(), jobs=2, chunk_size=4), 10))
    assert [r.index for r in first] == list(range(10))
    assert pulled <= 10 + 2 * 2 * 4 + 4  # what was shown, plus at most the window in flight


def test_parallel_results_equal_serial_results() -> None:
    docs = documents(30)
    serial = [r.article for r in clean_many(docs, jobs=1)]
    parallel = [r.article for r in clean_many(docs, jobs=2, chunk_size=3)]
    assert parallel == serial
    assert [s.label for s in parallel[1].removed] == [Label.NOISE]


@pytest.mark.parametrize("kwargs", [{"jobs": -1}, {"jobs": 1.5}, {"chunk_size": 0}])
def test_bad_arguments_are_rejected(kwargs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        list(clean_many([STORY], **kwargs))


def _made_inside() -> FunctionRule:
    @rule("TST301", Label.NOISE)
    def nested(block: Block, doc: Document) -> bool:
        return False

    return nested


@pytest.mark.parametrize(
    "made, rule_id",
    [
        (_made_inside, "TST301"),
        (lambda: FunctionRule("TST302", Label.NOISE, lambda block, doc: False), "TST302"),
    ],
)
def test_a_rule_that_cannot_go_to_workers_is_named_before_any_record_is_read(
    made: Callable[[], Rule], rule_id: str
) -> None:
    pulled = []

    def items() -> Iterator[str]:
        pulled.append(1)
        yield STORY

    mine = RuleSet("test-local", [PatternRule("TST300", "noise", "^x$"), made()])
    settings: list[dict[str, Any]] = [{"jobs": 2}, {"jobs": 1, "record_timeout": 5.0}]
    for kwargs in settings:
        with pytest.raises(RuleConfigError) as raised:
            list(clean_many(items(), cleaner=Cleaner(rules=[mine]), **kwargs))
        message = str(raised.value)
        assert message.startswith(f"rule {rule_id} (rule set 'test-local') cannot go to worker")
        assert "define its function at module level" in message and "(jobs=1" in message
    assert not pulled
    assert [r.ok for r in clean_many(items(), cleaner=Cleaner(rules=[mine]))] == [True]


def test_a_records_error_reads_as_a_log_line_shows_an_exception() -> None:
    [result] = clean_many([b"\x00binary"])
    assert result.error is not None
    assert str(result.error) == f"{result.error.kind}: {result.error.message}"
    assert str(result.error).startswith("DecodeError: ")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: list(clean_many("one text")), TypeError, "a str or bytes is one document"),
        (lambda: list(clean_many(["x"], cleaner="x")), TypeError, "cleaner must be a Cleaner"),
        (lambda: list(clean_many(["x"], kind="xml")), ValueError, "kind must be"),
        (lambda: list(clean_many(["x"], record_timeout=float("nan"))), ValueError, "record_t"),
        (lambda: Cleaner(time_budget=float("nan")), ValueError, "time_budget must be positive"),
        (lambda: Cleaner(rule_timeout=float("nan")), ValueError, "rule_timeout must be positive"),
        # Finite, but past what the clocks below hold: they overflowed while a record ran.
        (lambda: list(clean_many(["x"], record_timeout=30 * 86400)), ValueError, "record_t"),
        (lambda: Cleaner(rule_timeout=1e15), ValueError, "rule_timeout must be at most"),
        (lambda: Cleaner(time_budget=10**400), ValueError, "time_budget must be at most"),
    ],
)
def test_a_mistaken_call_is_one_clear_error_before_any_record(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


def test_a_mistake_in_the_call_is_raised_by_clean_many_itself_not_by_its_first_result() -> None:
    # A pipeline builds its iterator early and reads it elsewhere: the mistake is said where
    # the call is written.
    with pytest.raises(ValueError, match="jobs must be"):
        clean_many(["x"], jobs=-1)
    with pytest.raises(ValueError, match="kind"):
        clean_many(["x"], kind="pdf")  # type: ignore[arg-type]


def test_workers_start_only_for_records_there_are() -> None:
    import multiprocessing

    before = set(multiprocessing.active_children())
    results = clean_many(documents(1), jobs=4, record_timeout=60)
    first = next(results)
    started = set(multiprocessing.active_children()) - before
    assert first.article is not None and len(started) == 1
    assert list(results) == []


def test_a_cleaner_with_a_rule_file_pickles_with_its_rules_not_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    rules = tmp_path / "mine.toml"
    rules.write_text(
        'name = "mine"\n[[rule]]\nid = "MIN001"\nlabel = "noise"\npattern = "^Zebra notes$"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    blob = pickle.dumps(Cleaner(rules=["mine.toml"]))
    rules.unlink()  # a worker elsewhere: no such file in its folder
    monkeypatch.chdir(tmp_path.parent)
    article = pickle.loads(blob).clean(f"Zebra notes\n\n{STORY}")
    assert [piece.rule for piece in article.removed] == ["MIN001"]
    with pytest.raises(RuleConfigError, match="cannot read rule file"):
        pickle.dumps(Cleaner(rules=["mine.toml"]))  # a missing file fails where it is given


def test_a_pickled_cleaner_carries_the_rules_its_parent_read_not_the_file_as_it_is_now(
    tmp_path: Path,
) -> None:
    import pickle

    rules = tmp_path / "live.toml"
    rule = 'name = "live"\n[[rule]]\nid = "LIV001"\nlabel = "noise"\npattern = "^{}$"\n'
    rules.write_text(rule.format("Zebra notes"), encoding="utf-8")
    cleaner = Cleaner(rules=[rules])
    text = f"Zebra notes\n\n{STORY}"
    assert [piece.rule for piece in cleaner.clean(text).removed] == ["LIV001"]
    rules.write_text(rule.format("Something else"), encoding="utf-8")
    again = pickle.loads(pickle.dumps(cleaner))
    assert [piece.rule for piece in again.clean(text).removed] == ["LIV001"]


def test_a_record_no_worker_process_can_take_is_its_own_error_and_the_batch_goes_on() -> None:
    # A memoryview (which clean() reads as bytes) and a function cannot go down the pipe to a
    # worker: sending the chunk failed and the batch stopped there, its other records lost.
    story = STORY.encode()
    items: list[Any] = [STORY] * 3 + [memoryview(story), (bytearray(story), None)]
    items += [lambda: STORY, STORY]
    in_process = list(clean_many(items, jobs=1))
    in_workers = list(clean_many(items, jobs=2))
    assert len(in_workers) == len(items)
    for one, two in zip(in_process, in_workers):
        assert (one.article is None) == (two.article is None)
        if one.article is not None and two.article is not None:
            assert one.article.body == two.article.body == STORY.strip()
    assert in_workers[5].error is not None and "cannot be sent to a worker" in (
        in_workers[5].error.message
    )


class _RefusesPickling:
    """Pickling it raises ValueError, as a ctypes pointer's does."""

    def __reduce__(self) -> Any:
        raise ValueError("no pickle")


def test_a_record_whose_pickling_raises_value_error_is_its_own_error_not_a_dead_worker() -> None:
    # A ValueError from sending was read as a worker that died idle: the chunk was sent again
    # and again, the batch hung, restarting workers.
    results = list(clean_many([STORY, _RefusesPickling(), STORY], jobs=2))
    assert [r.article is not None for r in results] == [True, False, True]
    assert results[1].error is not None and "no pickle" in results[1].error.message


_NESTED_JUST_TOO_DEEP = """
import pickle, sys
from multiprocessing.reduction import ForkingPickler
from article_clean import clean_many
story = "A paragraph of the story, long enough to read as prose in any test. " * 2
def nested(depth):
    item = "leaf"
    for _ in range(depth):
        item = [item]
    return item
def refused(item):
    try:
        ForkingPickler.dumps(item)
    except RecursionError:
        return True
    return False
# The depth where a record pickles alone but not in its chunk (a list of (index, record)).
depth = next(d for d in range(100, 5000) if not refused(nested(d)) and refused([(0, nested(d))]))
results = list(clean_many([story, nested(depth), story], jobs=2))
print([r.article is not None for r in results])
"""


def test_a_record_that_pickles_alone_but_not_in_its_chunk_does_not_hang_the_batch() -> None:
    # The chunk adds two levels: each record pickled, the chunk did not, and it was sent again
    # forever. In a process of its own, with a timeout: a hang must fail, not stop the suite.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _NESTED_JUST_TOO_DEEP], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[True, False, True]"


def _failing_rule(block: Block, doc: Document) -> bool:
    raise RuntimeError("broken on purpose")


def _clean_strictly(text: str) -> str:
    cleaner = Cleaner(
        rules=[RuleSet("test-broken", [FunctionRule("TST210", "noise", _failing_rule)])],
        strict=True,
    )
    return cleaner.clean(text).body


def test_a_strict_failure_in_a_callers_own_worker_process_reaches_the_caller_whole() -> None:
    """A RuleFailedError raised in a process pool's worker is pickled back to the caller: with
    only its message pickled, the pool broke (and multiprocessing.Pool hung)."""
    from concurrent.futures import ProcessPoolExecutor

    from article_clean import RuleFailedError

    with ProcessPoolExecutor(1) as pool:
        with pytest.raises(RuleFailedError) as raised:
            pool.submit(_clean_strictly, STORY).result(timeout=120)
        assert raised.value.rule == "TST210"
        assert "broken on purpose" in raised.value.error
        assert pool.submit(len, "pool still works").result(timeout=120) == 16


@pytest.mark.parametrize(
    "error",
    [
        "RuleFailedError('AD001', 'ValueError: x')",
        "TimeBudgetExceeded('ran out', 'MYS001')",
        "DecodeError('not text')",
        "InputTooLarge('too large')",
        "RuleConfigError('bad rule')",
        "PluginError('no plugin')",
        "UnsettledError('unsettled')",
    ],
)
def test_every_error_pickles_with_its_message_and_fields(error: str) -> None:
    import pickle

    import article_clean.errors as errors

    original = eval(error, vars(errors))  # noqa: S307 - the test's own literals
    original.__notes__ = ["record 7"]  # add_note, from Python 3.11 on
    again = pickle.loads(pickle.dumps(original))
    assert again.__notes__ == ["record 7"]
    assert type(again) is type(original)
    assert str(again) == str(original)
    assert vars(again) == vars(original)
