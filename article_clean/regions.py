"""Which part of a page is read as the story's region: trafilatura's, readability's or all of it.

trafilatura's main content is the region on most pages. Where it keeps a short part of a story
laid out in sibling boxes, readability's (trafilatura's port) second opinion joins it; where it
keeps too little or no prose, readability's region is read instead, and the whole page behind
it (read only if the rules find no story there); where readability keeps nothing either, the
whole page's visible lines, marked with what either extractor kept.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable

import lxml.html

from .features import block_stats
from .page_lines import (
    ITEM,
    OUTSIDE,
    PARAGRAPH,
    SECOND,
    TABLE,
    Line,
    as_item,
    line_key,
    visible_lines,
)

# Under this many characters, what trafilatura kept is not a story (a menu, a teaser, a footer).
_SHORT_EXTRACTION = 500
# Under this many, it may be one part of a story laid out in sibling boxes: a second opinion.
_SECOND_OPINION_BELOW = 1000
_PARTS_APART = 8  # visible lines at most between two parts of one story
_SECOND_OPINION_TAGS = 50_000  # "<" in the page; the largest dev page has 21,000


def holds_prose(lines: list[Line]) -> bool:
    """Whether trafilatura kept a paragraph of prose: a list of teasers and dates is not a story."""
    return any(block_stats(text).prose for text, hint in lines if hint not in (ITEM, TABLE))


def _length(lines: list[Line]) -> int:
    return sum(len(text) for text, _ in lines)


def _hints_by_key(lines: list[Line], hint: str | None = None) -> dict[str, str]:
    """Each line's hint (or `hint`) by the key of each of its pieces."""
    hints: dict[str, str] = {}
    for text, own in lines:
        for piece in text.split("\n"):
            if piece:
                # A list item as the page shows it, without the bullet it is written with.
                hints.setdefault(line_key(piece), own if own == ITEM else hint or own or PARAGRAPH)
    return hints


def _with_second_opinion(
    kept: list[Line], other: list[Line], page_lines: Callable[[], tuple[Line, ...]]
) -> list[Line]:
    """trafilatura's lines, with the rest of the story where it kept only one part of it.

    A story laid out in sibling boxes loses all but one of them to trafilatura; its port of
    readability weighs the page's boxes differently and often takes another. The two join, in
    the page's order, where readability's holds more than twice the text and prose, and the
    two parts stand close together; further apart, readability's is another part of the page
    (the comment thread under a short post).
    """
    if _length(other) <= 2 * _length(kept) or not holds_prose(other):
        return kept
    ours = _hints_by_key(kept)
    hints = _hints_by_key(other, PARAGRAPH) | ours
    joined: list[Line] = []
    positions: dict[bool, list[int]] = {True: [], False: []}  # trafilatura's or not
    for at, (text, _) in enumerate(page_lines()):
        keys = [line_key(piece) for piece in text.split("\n")]
        hint = next((hints[key] for key in keys if key in hints), None)
        if hint is not None:
            joined.append((as_item(text) if hint == ITEM else text, hint))
            positions[any(key in ours for key in keys)].append(at)
    if not positions[True] or not positions[False]:
        return kept
    ends = {side: (at[0], at[-1]) for side, at in positions.items()}
    apart = min(abs(a - b) for a in ends[True] for b in ends[False]) - 1
    return joined if apart <= _PARTS_APART else kept


def readability_lines(tree: lxml.html.HtmlElement) -> list[Line]:
    from trafilatura.readability_lxml import Document as ReadabilityDocument

    try:
        # On a copy: readability prunes the tree it reads.
        summary = ReadabilityDocument(copy.deepcopy(tree), min_text_length=25).summary()
        region = lxml.html.fromstring(summary)
        return [(text, hint or PARAGRAPH) for text, hint in visible_lines(region, items=True)]
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion, not an error
        return []


def whole_page(visible: Callable[[], tuple[Line, ...]], kept: list[Line]) -> list[Line]:
    """The page's visible lines: those trafilatura (or readability) kept with its hint, the
    others OUTSIDE."""
    hints = _hints_by_key(kept)
    lines: list[Line] = []
    for text, _ in visible():
        found = (hints.get(line_key(piece)) for piece in text.split("\n"))
        hint = next((hint for hint in found if hint), OUTSIDE)
        lines.append((as_item(text) if hint == ITEM else text, hint))
    return lines


def story_lines(
    kept: list[Line],
    tree: lxml.html.HtmlElement,
    page_lines: Callable[[], tuple[Line, ...]],
    *,
    extracted: bool,
    tags: int,
) -> tuple[list[Line], Callable[[], list[Line]] | None]:
    """The lines of the story's region, from trafilatura's lines (`kept`); and the whole page's,
    to be read if the rules find no story in readability's region (else None).

    `extracted`: whether trafilatura was run (a page past the extraction's bounds is read whole);
    `tags`: the page's count of "<", for the bound on readability's second reading."""
    # On a page of this much markup and so little text (a listing, a generated page), a second
    # reading costs seconds and finds no story.
    readable = extracted and tags <= _SECOND_OPINION_TAGS
    second_opinion = functools.cache(lambda: readability_lines(tree) if readable else [])
    lines = kept
    if _length(lines) < _SECOND_OPINION_BELOW:
        lines = _with_second_opinion(lines, second_opinion(), page_lines)
    if _length(lines) >= _SHORT_EXTRACTION and holds_prose(lines):
        return lines, None
    # Too little to be sure of, or no paragraph of prose (teasers and dates). Where readability
    # (trafilatura's port) keeps something, its lines are the story's region: it weighs the
    # page's boxes, which finds a short post, a poem, a story in a table's cell or in sibling
    # boxes, better than the longest prose run of the whole page. Where it keeps nothing, our
    # rules find the story in the whole page, as in plain text, knowing which lines trafilatura
    # kept (a short post is often all there is).
    readability = second_opinion()
    marked = lines + [(text, SECOND) for text, _ in readability]
    if readability:
        return readability, functools.partial(whole_page, page_lines, marked)
    return whole_page(page_lines, marked), None
