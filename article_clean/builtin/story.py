"""Where the story is: the one whole-document analysis the layout rules share.

A story is a run of prose paragraphs; navigation, link lists, bylines and credits are runs of short
lines. Each block gets a score, positive for prose (its word count), negative for short lines and
for blocks a marker already took, and the story is the run of blocks with the highest total (the
maximum-sum subarray, as in Finn et al.'s body text extraction). A short line inside the story,
such as a subheading, costs little against the paragraphs around it, while a dek above the byline
is cut off by the byline and its neighbours.
"""

from __future__ import annotations

import re

from ..document import Document
from ..features import block_stats
from ..model import Label

SHORT_LINE = -2.0  # a line too short to be a paragraph
LONG_LINE = -1.0  # a long line that ends no sentence: a teaser title, a list item
LINK_LINE = -3.0  # a line that is mostly a URL or an address
MARKED = -4.0  # plus half the words: a block a marker took (ad, share bar, byline)
UNFINISHED = 0.3  # per word: a sentence-like line without its full stop
SHORT_SENTENCE = 1.0  # a finished sentence of a few words: a story's closing line
SHORT_SENTENCE_WORDS = 4
CAPTION_LINE = -2.0  # a photo caption: part of the page's story area, not of its text
HEAD_SHARE = 0.35  # a byline this early in the span marks the real start of the story


def _teaser(doc: Document, index: int) -> bool:
    """Cut off with an ellipsis next to another such line: a list of teasers, not a story.

    A lone paragraph cut off that way is the story itself, truncated by a paywall.
    """
    if not doc.stats(index).ellipsis:
        return False
    return (index > 0 and doc.stats(index - 1).ellipsis) or (
        index + 1 < len(doc) and doc.stats(index + 1).ellipsis
    )


_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+\S")
LIST_ITEM = 0.5  # per word, up to 10 words: an item of a list the story announced
LIST_INTRO_WORDS = 3  # a line ending in a colon that introduces a list ("Here are the highlights:")


def list_items(doc: Document) -> frozenset[int]:
    """Short lines that belong to a list the story itself announces.

    A list follows a prose line ending in a colon ("Here are the highlights:"), or counts up
    ("1) ...", "2) ..."). It runs until a block a rule decided or a paragraph of prose.
    """
    items: set[int] = set()
    in_list = False
    last_numbered: tuple[int, int] | None = None  # (number, block index)
    for block in doc.blocks:
        if doc.label(block.index) is not None:
            in_list, last_numbered = False, None
            continue
        stats = doc.stats(block.index)
        numbered = _NUMBERED.match(block.text)
        if numbered:
            number = int(numbered.group(1))
            if last_numbered is not None and number == last_numbered[0] + 1:
                items.update((last_numbered[1], block.index))
            last_numbered = (number, block.index)
        if in_list and not stats.prose:
            items.add(block.index)
        elif stats.prose or stats.words >= 5 or block.text.endswith(":"):
            in_list = block.text.endswith(":") and stats.words >= LIST_INTRO_WORDS
    return frozenset(items)


def _wrapped_paragraphs(doc: Document) -> dict[int, float]:
    """Lines of hard-wrapped prose paragraphs, with each line's share of its paragraph's score.

    A paragraph broken into lines (a <br> per line, a text wrapped at 72 columns) has no line
    that reads as prose on its own, though together they do.
    """
    groups: dict[int, list[int]] = {}
    for block in doc.blocks:
        if doc.label(block.index) is None:
            groups.setdefault(block.group, []).append(block.index)
    shares: dict[int, float] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        joined = block_stats(" ".join(doc.blocks[i].text for i in members))
        if joined.prose and joined.words >= 15:
            for i in members:
                shares[i] = float(max(doc.stats(i).words, 1))
    return shares


def _short_sentence(doc: Document, index: int) -> bool:
    """A sentence too short to be prose on its own: 'Colombia had lost to Belgium on Monday.'"""
    stats = doc.stats(index)
    text = doc.blocks[index].text
    return (
        stats.ends_sentence
        and not stats.ellipsis
        and SHORT_SENTENCE_WORDS <= stats.words < 8
        and stats.lowercase >= 0.5
        and text[:1].isupper()
        and not stats.has_link
    )


def block_score(doc: Document, index: int) -> float:
    stats = doc.stats(index)
    label = doc.label(index)
    if label is Label.BODY:
        return stats.words + 5.0
    if label is Label.CAPTION:
        return CAPTION_LINE  # photos sit between the paragraphs of a story
    if label is not None:
        return MARKED - stats.words / 2
    if stats.prose and not _teaser(doc, index):
        return float(stats.words)
    if stats.sentence_like:
        return UNFINISHED * stats.words
    if _short_sentence(doc, index):
        return SHORT_SENTENCE
    wrapped = doc.memo(_wrapped_paragraphs).get(index)
    if wrapped is not None:
        return wrapped
    if index in doc.memo(list_items):
        return LIST_ITEM * min(stats.words, 10)
    if stats.has_link and stats.words < 15:
        return LINK_LINE
    if stats.words >= 8:
        return LONG_LINE
    return SHORT_LINE


def story_span(doc: Document) -> tuple[int, int] | None:
    """First and last block of the story, or None when the text has no prose at all."""
    scores = [block_score(doc, b.index) for b in doc.blocks]
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best:
            best, best_span = total, (start, index)
    if best_span is None:
        return None
    return _after_header(doc, scores, *best_span)


def _after_header(doc: Document, scores: list[float], start: int, end: int) -> tuple[int, int]:
    """Move the start past a byline or headline that sits early in the span.

    Such a block means what precedes it is a dek or a caption, not the story.
    """
    prose_total = sum(s for s in scores[start : end + 1] if s > 0)
    seen = 0.0
    cut = None
    for index in range(start, end + 1):
        if scores[index] > 0:
            seen += scores[index]
        if seen > HEAD_SHARE * prose_total:
            break
        if doc.label(index) in (Label.BYLINE, Label.HEADLINE):
            cut = index
    if cut is None:
        return start, end
    new_start = cut + 1
    while new_start <= end and scores[new_start] <= 0:
        new_start += 1
    return (new_start, end) if new_start <= end else (start, end)
