"""Rules on the structure HTML gives (HTM0xx): what a page's markup says a block is.

Text input has no hints, so these rules never fire on it; for HTML they carry what lxml read
from the page (see `article_clean.html`) into the same labelling as every other rule.
"""

from __future__ import annotations

from .. import html
from ..document import Document
from ..model import Block, Label
from ..rules import FunctionRule, RuleSet


def page_title(block: Block, doc: Document) -> bool:
    """The page's own headline, from its <h1> or og:title."""
    return block.hint == html.TITLE


def figure_caption(block: Block, doc: Document) -> bool:
    """Text of a <figcaption> or a caption or credit element, or an image's alt text repeated;
    but not a caption's paragraph where the captions hold most of the page's prose: a photo
    post told in its captions."""
    if block.hint != html.CAPTION:
        return False
    return not (doc.stats(block.index).prose and doc.memo(_told_in_captions, text_only=True))


def _told_in_captions(doc: Document) -> bool:
    in_captions = elsewhere = 0
    for block in doc.blocks:
        stats = doc.stats(block.index)
        if not stats.prose:
            continue
        if block.hint == html.CAPTION:
            in_captions += stats.words
        elif block.hint not in (html.ASIDE, html.OUTSIDE):
            elsewhere += stats.words
    return in_captions > elsewhere


def aside_box(block: Block, doc: Document) -> bool:
    """Text of an <aside> or of a related, share, newsletter or promo box."""
    return block.hint == html.ASIDE


def dek(block: Block, doc: Document) -> bool:
    """A subheading above the story that repeats the page's description: the story's summary."""
    return block.hint == html.DEK


STRUCTURE_RULES = RuleSet(
    "structure",
    [
        FunctionRule("HTM001", Label.HEADLINE, page_title),
        FunctionRule("HTM002", Label.CAPTION, figure_caption),
        FunctionRule("HTM003", Label.NOISE, aside_box),
        FunctionRule("HTM005", Label.NOISE, dek),
    ],
    description="What an HTML page's markup says a block is (no effect on text input).",
    origin="built-in",
)
