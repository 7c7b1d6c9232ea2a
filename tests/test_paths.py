"""The paths benchmark: which part of a page the Article was made from."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Cleaner, clean  # noqa: E402
from benchmarks.paths import (  # noqa: E402
    READ_THEN_WHOLE,
    READABILITY,
    TRAFILATURA,
    WHOLE,
    cleaned_with_path,
    shared,
)

_SENTENCE = (
    "The council voted on Tuesday to rebuild the old river bridge, which has been closed to "
    "traffic since the spring floods damaged two of its piers."
)
_MENU = "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12)) + "</ul>"
_STORY = "".join(f"<p>In week {week}, {_SENTENCE}</p>" for week in range(1, 7))


def _page(body: str) -> str:
    return f"<html><head><title>Bridge</title></head><body>{_MENU}{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "path"),
    [
        (_page(f"<article><h1>Bridge to be rebuilt</h1>{_STORY}</article>"), TRAFILATURA),
        # Under 500 characters: trafilatura's main content is too little to be sure of.
        (
            _page(f"<div id='content'><h2>Bridge</h2><p>{_SENTENCE}</p><p>More to come.</p></div>"),
            READABILITY,
        ),
        # The region readability finds holds a caption alone: no story, the page is read whole.
        (
            "<html><body><figure><img alt=x><figcaption>Bridge closed</figcaption></figure>"
            "</body></html>",
            READ_THEN_WHOLE,
        ),
        (_page("<div><h1>Bridge</h1><p>Closed.</p></div>"), WHOLE),  # no prose anywhere
        ("<html><body></body></html>", WHOLE),  # nothing shown: no line outside a region either
    ],
)
def test_the_path_is_the_one_the_front_end_took(html: str, path: str) -> None:
    article, taken = cleaned_with_path(Cleaner(), html)
    assert taken == path
    assert article == clean(html, kind="html")  # watching the path changes nothing


def test_shared_is_the_share_of_the_peers_text_held() -> None:
    assert shared(_SENTENCE, _SENTENCE) == 1.0
    assert shared("nothing alike at all here", _SENTENCE) == 0.0
    assert shared(_SENTENCE, "") == 1.0
    half = " ".join(_SENTENCE.split()[:13])
    assert 0.3 < shared(half, _SENTENCE) < 0.6
