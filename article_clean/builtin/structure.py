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
    return block.hint == html.CAPTION and not _holds_the_story(doc, block)


def aside_box(block: Block, doc: Document) -> bool:
    """Text of an <aside> or of a related, share, newsletter or promo box; but not a box's
    paragraph where such boxes hold most of the page's prose: a post inside a box whose class
    names sharing."""
    return block.hint == html.ASIDE and not _holds_the_story(doc, block)


def teaser_card(block: Block, doc: Document) -> bool:
    """An item of a list whose items hold headings: a card that titles and sums up another
    page (recent posts, a teaser grid); but not where such cards hold most of the page's prose:
    a list article told in headed items."""
    return block.hint == html.TEASER and not _holds_the_story(doc, block)


def _holds_the_story(doc: Document, block: Block) -> bool:
    """Whether `block` is prose and the blocks with its hint hold more prose than the page's
    plain paragraphs do (the lines neither caption, aside nor outside trafilatura's region)."""
    if not doc.stats(block.index).prose:
        return False
    words = doc.memo(_prose_by_hint, text_only=True)
    return words.get(block.hint, 0) > words.get(None, 0)


_BOXED = frozenset({html.CAPTION, html.ASIDE, html.TEASER, html.OUTSIDE, html.SECOND})


def _prose_by_hint(doc: Document) -> dict[str | None, int]:
    """Words of prose under each boxed hint; under None, those of every other line."""
    words: dict[str | None, int] = {}
    for block in doc.blocks:
        stats = doc.stats(block.index)
        if stats.prose:
            key = block.hint if block.hint in _BOXED else None
            words[key] = words.get(key, 0) + stats.words
    return words


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
        FunctionRule("HTM006", Label.NOISE, teaser_card),
    ],
    description="What an HTML page's markup says a block is (no effect on text input).",
    origin="built-in",
)
