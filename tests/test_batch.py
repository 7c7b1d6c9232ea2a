"""clean_many: in order, lazy over endless streams, errors as values, parallel like serial."""

from __future__ import annotations

import itertools

import pytest

from article_clean import Cleaner, Label, PatternRule, RuleSet
from article_clean.batch import clean_many

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
