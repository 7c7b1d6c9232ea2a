"""Layout rules: decisions that depend on where a block sits relative to the story.

They run after the markers, in this order: the name after a lone "By", the headline, names
next to it, lines the page repeats, captions named by the credit line under them, then
everything before the story (noise) and after it (trailer). The headline is chosen before
repeated lines are removed, because pages repeat their headline.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..document import Document
from ..features import reads_as_title
from ..model import Block, Label
from ..rules import FunctionRule, RuleSet, Scope, Stage
from .story import story_span

_NAME_CONNECTORS = frozenset(
    {"and", "&", "of", "de", "da", "do", "dos", "van", "von", "der", "y", "e", "et", "und"}
)
_PHOTO_CREDIT = re.compile(r"^(?:photo|image|picture|foto|bild|illustration)", re.I)
_SLUG_WORD = re.compile(r"[^\W_]+")
_CLOSERS = "\"'”’»)]"


def _span(doc: Document) -> tuple[int, int] | None:
    return doc.memo(story_span)


def _slug_words(url: str | None) -> set[str]:
    """Words of the URL's slug: the path segment with the most words, if it has three."""
    if not url:
        return set()
    try:
        path = unquote(urlsplit(url if "//" in url else "//" + url).path)
    except ValueError:
        return set()
    best: set[str] = set()
    for segment in path.split("/"):
        words = {w.lower() for w in _SLUG_WORD.findall(segment) if not w.isdigit() and len(w) > 1}
        if len(words) > len(best):
            best = words
    return best if len(best) >= 3 else set()


def choose_headline(doc: Document) -> tuple[int, str] | None:
    """The headline's block and why: it matches the URL's slug, or it is the title-like block
    nearest the story (the longest of the last few, which skips section names and kickers)."""
    span = _span(doc)
    if span is None or any(doc.label(b.index) is Label.HEADLINE for b in doc.blocks):
        return None
    candidates = [
        b
        for b in doc.blocks[: span[0]]
        if doc.label(b.index) is None and reads_as_title(b.text, doc.stats(b.index))
    ]
    if not candidates:
        return None
    slug = _slug_words(doc.url)
    if slug:
        scored = [(_overlap(b.text, slug), b) for b in candidates]
        matching = [(shared, -b.index, b) for (shared, ratio), b in scored if ratio >= 0.5]
        if matching:
            return max(matching)[2].index, "slug"
    nearest = candidates[-8:]
    best = max(nearest, key=lambda b: (min(doc.stats(b.index).words, 20), -b.index))
    if doc.stats(best.index).words < 3 and len(candidates) > 1:
        return None
    return best.index, "shape"


def _overlap(text: str, slug: set[str]) -> tuple[int, float]:
    """Words shared by title and slug, and their share of the shorter (0 under two words)."""
    words = {w.lower() for w in _SLUG_WORD.findall(text)}
    shared = len(words & slug)
    return shared, (shared / min(len(words), len(slug)) if shared >= 2 else 0.0)


def headline_by_slug(block: Block, doc: Document) -> bool:
    """The block before the story whose words match the words of the URL's path."""
    return doc.memo(choose_headline) == (block.index, "slug")


def headline_by_shape(block: Block, doc: Document) -> bool:
    """The title-like block nearest the start of the story."""
    return doc.memo(choose_headline) == (block.index, "shape")


def name_after_by(block: Block, doc: Document) -> bool:
    """A short line right after a lone 'By': the author's name."""
    if block.index == 0 or doc.stats(block.index).words > 8:
        return False
    previous = doc.decision(block.index - 1)
    return previous is not None and previous.rule == "BYL002"


_DATELINES = frozenset({"BYL003", "BYL004", "BYL005"})


def names_near_byline(block: Block, doc: Document) -> bool:
    """A short line of capitalised names below the headline or a byline, or above a dateline,
    above the story.

    Above the headline such a line is a kicker ("Hong Kong"), not an author.
    """
    span = _span(doc)
    if span is None or block.index >= span[0] or block.index == 0:
        return False
    stats = doc.stats(block.index)
    if stats.words > 6 or stats.words < 2 or stats.has_link or any(c.isdigit() for c in block.text):
        return False
    after_head = doc.label(block.index - 1) in (Label.BYLINE, Label.HEADLINE)
    below = doc.decision(block.index + 1) if block.index + 1 < len(doc) else None
    # Above a dateline or a handle, a name is its writer's; above a "By ..." line, which names
    # the writer itself, a line of capitalised words is a title or a kicker.
    before_byline = below is not None and below.label is Label.BYLINE and below.rule in _DATELINES
    if not (after_head or before_byline):
        return False
    words = [w for w in re.split(r"[\s,]+", block.text) if w]
    return all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words)


_PROFILE_LINK = re.compile(
    r"^(?:view|see|read|visit|full|more)\s+(?:(?:full|author(?:'s)?)\s+)?"
    r"(?:profile|bio(?:graphy)?|all\s+(?:posts|articles|stories)\b.*|(?:articles|posts|stories)\b.*)$",
    re.I,
)


def name_above_profile_link(block: Block, doc: Document) -> bool:
    """An author's card above the story: a short line of capitalised names, and under it a
    link to the writer's page ("View Profile", "More articles by ...", "Full bio")."""
    span = _span(doc)
    if span is None or block.index >= span[0] or block.index + 1 >= len(doc):
        return False
    if not _PROFILE_LINK.match(doc.blocks[block.index + 1].text):
        return False
    stats = doc.stats(block.index)
    if stats.words > 4 or stats.words < 2 or any(c.isdigit() for c in block.text):
        return False
    words = [w for w in re.split(r"[\s,]+", block.text) if w]
    return all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words)


def _line_places(doc: Document) -> dict[str, list[int]]:
    places: dict[str, list[int]] = {}
    for block in doc.blocks:
        places.setdefault(block.text.casefold(), []).append(block.index)
    return places


REPEATED_LONG = 3  # times a longer line must repeat: the same photo credit under every picture
REPEATED_LABEL = 3  # times a short line repeats inside the story: a question, a column's label


def repeated_line(block: Block, doc: Document) -> bool:
    """A short line the page repeats, or a longer one it repeats three times: a menu entry, a
    teaser title shown twice, the same caption under every photo.

    Story paragraphs do not repeat; a pull quote that does is left to the story's own count.
    An HTML list item or table row is let be: the page's menus are gone with its navigation,
    and what repeats there is the story's own (product features, a schedule's columns). So is
    a short line repeated three times or more, every time between the story's paragraphs: an
    interviewer's question, a day's label in a meal plan.
    """
    stats = doc.stats(block.index)
    if stats.prose or block.hint in ("item", "table"):
        return False
    places = doc.memo(_line_places)[block.text.casefold()]
    if len(places) >= REPEATED_LABEL and stats.words <= 15:
        span = _span(doc)
        if span is not None and all(span[0] < i < span[1] for i in places):
            return False
    count = len(places)
    return count > 1 and (stats.words <= 15 or count >= REPEATED_LONG)


RELATED_BOX_MAX = 12  # links a related-links heading can head
RELATED_TITLE_WORDS = 15  # the longest a linked title runs


def _under(block: Block, doc: Document, *heading_rules: str) -> bool:
    """Whether `block` is one of the lines under a heading one of `heading_rules` took, with no
    prose or other decided block between them."""
    if _paragraph(doc, block.index):
        return False
    for index in range(block.index - 1, max(-1, block.index - RELATED_BOX_MAX - 1), -1):
        decision = doc.decision(index)
        if decision is not None:
            return decision.rule in heading_rules
        if _paragraph(doc, index):
            return False
    return False


def _paragraph(doc: Document, index: int) -> bool:
    """Prose, unless it is as short as a title and ends in '!' or '?' as teasers do."""
    stats = doc.stats(index)
    if not stats.prose:
        return False
    return stats.words > RELATED_TITLE_WORDS or doc.blocks[index].text.rstrip(_CLOSERS)[-1:] == "."


def under_related_heading(block: Block, doc: Document) -> bool:
    """A link under a 'Related', 'More from' or 'Most popular' heading, up to the next paragraph
    of prose (a box of picks inside the story, where its heading could not open the trailer)."""
    return _under(block, doc, "NOI008", "TRL012")


def under_tags_heading(block: Block, doc: Document) -> bool:
    """The tags under a 'Tags' or 'Filed under' heading below the start of the story (a tag
    cloud above it is page furniture, left to the story region)."""
    span = _span(doc)
    return (span is None or block.index > span[0]) and _under(block, doc, "TRL007")


def caption_above_credit(block: Block, doc: Document) -> bool:
    """The text right above a photo credit line is that photo's caption."""
    if block.index + 1 >= len(doc) or doc.stats(block.index).words > 80:
        return False
    below = doc.decision(block.index + 1)
    return (
        below is not None
        and below.rule == "CAP003"
        and bool(_PHOTO_CREDIT.match(doc.blocks[block.index + 1].text))
    )


def before_story(block: Block, doc: Document) -> bool:
    """Everything above the story that no rule claimed: kickers, section names, deks, menus."""
    span = _span(doc)
    return span is not None and block.index < span[0]


def after_story(block: Block, doc: Document) -> bool:
    """The first block after the story: from here on, the page's trailer."""
    span = _span(doc)
    return span is not None and block.index > span[1]


LAYOUT_RULES = RuleSet(
    "layout",
    [
        FunctionRule("BYL100", Label.BYLINE, name_after_by),
        FunctionRule("HED001", Label.HEADLINE, headline_by_slug),
        FunctionRule("HED002", Label.HEADLINE, headline_by_shape),
        FunctionRule("BYL101", Label.BYLINE, names_near_byline),
        FunctionRule("BYL102", Label.BYLINE, name_above_profile_link),
        FunctionRule("NOI100", Label.NOISE, repeated_line),
        FunctionRule("NOI101", Label.NOISE, under_related_heading),
        FunctionRule("TRL100", Label.TRAILER, under_tags_heading),
        FunctionRule("CAP100", Label.CAPTION, caption_above_credit),
        FunctionRule("STO001", Label.NOISE, before_story),
        FunctionRule("STO002", Label.TRAILER, after_story, scope=Scope.REST),
    ],
    stage=Stage.LAYOUT,
    description="Headline, bylines and captions by position; what lies outside the story.",
    origin="built-in",
)
