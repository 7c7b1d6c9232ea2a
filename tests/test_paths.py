"""The paths benchmark: which part of a page the Article was made from."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import clean  # noqa: E402
from benchmarks.paths import READABILITY, TRAFILATURA, WHOLE, path_of, shared  # noqa: E402

_SENTENCE = (
    "The council voted on Tuesday to rebuild the old river bridge, which has been closed to "
    "traffic since the spring floods damaged two of its piers."
)
_MENU = "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12)) + "</ul>"


def _page(body: str) -> str:
    return f"<html><head><title>Bridge</title></head><body>{_MENU}{body}</body></html>"


def test_a_story_is_read_from_trafilaturas_main_content() -> None:
    paragraphs = "".join(f"<p>In week {week}, {_SENTENCE}</p>" for week in range(1, 7))
    html = _page(f"<article><h1>Bridge to be rebuilt</h1>{paragraphs}</article>")
    assert path_of(html, clean(html)) == TRAFILATURA


def test_a_short_post_is_read_from_readabilitys_region() -> None:
    # Under 500 characters: trafilatura's main content is too little to be sure of.
    html = _page(f"<div id='content'><h2>Bridge</h2><p>{_SENTENCE}</p><p>More to come.</p></div>")
    assert path_of(html, clean(html)) == READABILITY


def test_a_page_of_no_prose_is_read_whole() -> None:
    html = _page("<div><h1>Bridge</h1><p>Closed.</p></div>")
    assert path_of(html, clean(html)) == WHOLE


def test_shared_is_the_share_of_the_peers_text_held() -> None:
    assert shared(_SENTENCE, _SENTENCE) == 1.0
    assert shared("nothing alike at all here", _SENTENCE) == 0.0
    assert shared(_SENTENCE, "") == 1.0
    half = " ".join(_SENTENCE.split()[:13])
    assert 0.3 < shared(half, _SENTENCE) < 0.6
