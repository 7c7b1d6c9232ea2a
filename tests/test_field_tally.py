"""The field benchmark's boilerplate figure, pooled over lines and as a mean per page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.fields import PageResult, Tally  # noqa: E402


def _page(labels: list[str], predicted: list[str]) -> tuple[dict[str, object], PageResult]:
    record = {
        "headline": None,
        "authors": [],
        "lines": [{"label": label, "text": label} for label in labels],
    }
    result = PageResult(
        corpus="c", id="p", half="all", predicted=tuple(predicted), rules=("-",) * len(labels),
        headline_text=None, headline_html=None, byline=None, misaligned=0,
    )
    return record, result


def test_a_short_page_counts_as_much_as_a_long_one_in_the_mean_per_page() -> None:
    tally = Tally()
    tally.add(*_page(["boilerplate", "body"], ["body", "body"]))  # its one line left: 1.0
    long_page = ["boilerplate"] * 3 + ["body"]
    tally.add(*_page(long_page, ["boilerplate"] * 3 + ["body"]))  # none of three left: 0.0
    tally.add(*_page(["body"], ["body"]))  # no boilerplate: not in the mean
    assert tally.left_in_body() == pytest.approx(1 / 4)
    assert tally.left_per_page() == pytest.approx(1 / 2)
    assert len(tally.left_shares) == 2
