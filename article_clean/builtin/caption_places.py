"""Captions known by their place: the text next to a photo credit alone is its picture's caption.

A credit ('Photo: Jane Doe', '(Getty Images)') is found by its words; the caption it credits
has none of its own. Pages put it above the credit or, by their template, under it, so each
step looks at a neighbour of a credit, a caption or a gallery's control, and sees what the steps
before it found. The steps run inside the layout rules (`CAP100` to `CAP104`), after the
markers and before the story's bounds are drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Document
from ..model import Block, Hint, Label
from . import tags as tag
from .captions import CREDIT_LABEL_START, CREDIT_WORDS, SOURCE_WORDS, credit_alone
from .story import table_rows

# Words that join the parts of names ("Mary and John", "Ana de la Cruz"), and the marks that
# may close a line after its last word.
NAME_CONNECTORS = frozenset(
    {"and", "&", "of", "de", "da", "do", "dos", "van", "von", "der", "y", "e", "et", "und"}
)
CLOSERS = "\"'”’»)]"

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PICTURE_CREDIT = re.compile(r"^(?:photo|image|picture|foto|bild|illustration)", re.IGNORECASE)
_QUOTES = "\"“”‘'«„"
_HANDLE = re.compile(r"(?:^|\s)@\w")
SOURCE_LINE = re.compile(r"^(?:" + SOURCE_WORDS + r")s?\b", re.IGNORECASE)
CAPTION_LOWERCASE = 0.4  # a caption is a phrase in lower case; a heading is capitalised
CAPTION_WORDS = 40  # the longest a caption next to its credit runs
CAPTION_MIN_WORDS = 3  # fewer, all capitalised, is a name or a heading ('Jane Doe'), not a caption


class _Captions:
    """The labels as the positional caption rules see them, with their own decisions so far."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.found: dict[int, str] = {}
        # Decisions not seen: the story's own bounds, which are drawn after it (a caption
        # between two paragraphs is part of the story's area, not a gap in it), and its own.
        self.unseen = doc.rules_tagged(tag.STORY_BOUND) | doc.rules_tagged(tag.POSITIONAL_CAPTION)

    def rule(self, index: int) -> str | None:
        if index in self.found:
            return self.found[index]
        decision = self.doc.decision(index)
        if decision is None or decision.rule in self.unseen:
            return None
        return decision.rule or "-"

    def rule_tagged(self, index: int, tag: str) -> bool:
        """Whether the rule that decided block `index` (as seen here) carries `tag`."""
        return self.rule(index) in self.doc.rules_tagged(tag)

    def label(self, index: int) -> Label | None:
        if index in self.found:
            return Label.CAPTION
        return None if self.rule(index) is None else self.doc.label(index)

    def credit_alone(self, index: int) -> bool:
        """Whether block `index` is a photo credit and nothing else."""
        return credit_alone(self.doc.blocks[index].text, self.rule(index), self.doc)

    def open_caption(self, index: int) -> bool:
        """A caption, not a credit."""
        return self.label(index) is Label.CAPTION and not self.credit_alone(index)


def _caption_shaped(doc: Document, index: int) -> bool:
    """Short enough to be a caption, and more than a name: a bare name next to a credit is a
    heading or the subject of a list entry, and a line ending in a colon introduces what follows.
    A table's row is no caption either: the 'Source:' line under a table is the table's note."""
    stats = doc.stats(index)
    text = doc.blocks[index].text
    if doc.blocks[index].hint == Hint.TABLE or doc.memo(table_rows, text_only=True)[index]:
        return False
    if stats.words > CAPTION_WORDS or stats.introduces or stats.has_link or _HANDLE.search(text):
        return False
    if text[:1] in _QUOTES:
        return False  # a quotation is the story's
    return stats.words >= CAPTION_MIN_WORDS or any(w[0].islower() for w in _WORD.findall(text))


STORY_AFTER_CREDIT = 4  # lines under a credit where the story goes on
GALLERY_LINES = 24  # with the captions, credits and controls of a gallery between


def _story_goes_on(view: _Captions, credit: int) -> bool:
    """Whether the story goes on under the credit at block `credit` (a paragraph or a byline
    within a few lines, past a gallery's captions and controls, before any trailer): a photo
    inside the story or above its byline.

    A credit at the story's end credits the post's picture; the line above it is the story's
    last paragraph.
    """
    doc = view.doc
    undecided = 0
    for index in range(credit + 1, min(len(doc), credit + 1 + GALLERY_LINES)):
        label = view.label(index)
        if label in (Label.BYLINE, Label.HEADLINE):
            return True
        if label is Label.TRAILER:
            return False
        if label is None:
            if doc.stats(index).prose:
                return True
            undecided += 1
            if undecided >= STORY_AFTER_CREDIT:
                return False
    return False


def _credit_after_label(view: _Captions, index: int) -> bool:
    """The line after a credit's label alone ('Фото:') is the credit: 'личный архив ...'."""
    stats = view.doc.stats(index)
    return (
        index > 0
        and view.rule_tagged(index - 1, tag.CREDIT_LABEL)
        and stats.words <= CREDIT_WORDS
        and not stats.prose
    )


def _caption_above_credit(view: _Captions, index: int) -> bool:
    """The text right above a photo credit alone is that photo's caption, unless the line under
    the credit is a caption already (some pages put the credit first: 'Image copyright Getty
    Images' above 'Image caption ...') or reads as one where the line above is the story's
    lead (a finished paragraph right under the byline or dateline; under the credit, a phrase
    or a short sentence with no heading's markup: the picture's caption), the line is the
    headline's dek, or the story ends there
    (the credit of the post's picture, under its last paragraph)."""
    doc = view.doc
    if index + 1 >= len(doc) or not view.credit_alone(index + 1) or not _caption_shaped(doc, index):
        return False
    if index + 2 < len(doc) and view.open_caption(index + 2):
        return False
    if _opens_story(view, index) and _caption_under_credit(view, index + 2):
        return False  # the story's first paragraph, the credit, then the picture's caption
    if index > 0 and view.label(index - 1) is Label.HEADLINE:
        # The dek's place: a lead photo's credit may stand alone under it, unless it says whose
        # picture it credits ('Photograph: ...', not 'Credit...').
        return bool(_PICTURE_CREDIT.match(doc.blocks[index + 1].text))
    return _story_goes_on(view, index + 1)


def _opens_story(view: _Captions, index: int) -> bool:
    """Whether block `index` is a finished paragraph right under the story's head (its
    headline, byline or dateline) or the text's first line: the story's lead."""
    head = index == 0 or view.label(index - 1) in (Label.HEADLINE, Label.BYLINE)
    return head and view.doc.stats(index).ends_sentence


def _caption_under_credit(view: _Captions, index: int) -> bool:
    """Whether block `index`, undecided, reads as a caption: a phrase or a short sentence ("Der
    Marktplatz im Sommer."), not a paragraph, and no heading by its markup."""
    doc = view.doc
    if index >= len(doc) or view.label(index) is not None or not _caption_shaped(doc, index):
        return False
    heading = doc.blocks[index].hint in (Hint.HEADING, Hint.TITLE)  # a subheading's markup
    return not doc.stats(index).prose and not heading


def _caption_below_credit(view: _Captions, index: int) -> bool:
    """The text right under a photo credit alone is its caption where the line above the credit
    cannot be: nothing or a gallery control ('Enlarge This Image') is there, the story's lead
    (see CAP100), or the headline and
    the text is no finished sentence (a picture with a credit and no caption stands between the
    headline and the story's first paragraph), the caption sits between the credit and a
    byline, or it reads as a caption (no full stop) under a paragraph too long or too open
    (ending in a colon) to be one."""
    doc = view.doc
    if index == 0 or not view.credit_alone(index - 1) or not _caption_shaped(doc, index):
        return False
    if index + 1 < len(doc) and view.credit_alone(index + 1):
        return False  # the caption of the credit under it
    if index == 1:
        return True
    if _opens_story(view, index - 2) and _caption_under_credit(view, index):
        return True  # the caption CAP100 leaves the story's lead above the credit for
    above = view.label(index - 2)
    if above is Label.CAPTION:
        return False
    if view.rule_tagged(index - 2, tag.PICTURE_CONTROL):
        return True
    if index + 1 < len(doc) and view.label(index + 1) in (Label.BYLINE, Label.HEADLINE):
        return True
    if above is Label.HEADLINE:  # unless it is the story's first paragraph, a sentence ended
        return not doc.stats(index).ends_sentence
    stats = doc.stats(index)
    return (
        above is None
        and not stats.ends_sentence
        and stats.lowercase >= CAPTION_LOWERCASE
        and index + 1 < len(doc)
        and view.label(index + 1) is None
        and doc.stats(index + 1).prose
    )


PHOTOGRAPHER_WORDS = 5  # the longest name under a caption: a photographer's, an agency's


def _name_under_caption(view: _Captions, index: int) -> bool:
    """A name alone right under a caption that names no credit: the photographer or the
    picture's source ('Michael Conroy', 'TEDMED')."""
    if index == 0 or not view.rule_tagged(index - 1, tag.UNCREDITED_CAPTION):
        return False
    if CREDIT_LABEL_START.match(view.doc.blocks[index - 1].text):
        return False  # 'Image copyright ...': a credit itself
    stats = view.doc.stats(index)
    if not 1 <= stats.words <= PHOTOGRAPHER_WORDS or stats.ends_sentence or stats.introduces:
        return False
    words = view.doc.blocks[index].text.split()
    return all(w[0].isupper() or w[0] in "@&/" or w.casefold() in NAME_CONNECTORS for w in words)


TEMPLATE_PAIRS = 2  # pictures that show a page puts its credits above its captions


def _credits_first(view: _Captions) -> bool:
    """Whether the page puts each picture's credit above its caption: it does so at least
    twice, and more than twice as often as the other way round."""
    doc = view.doc
    decided = [i for i, d in enumerate(doc.decisions) if d is not None and d.label is Label.CAPTION]
    credits = [i for i in sorted({*decided, *view.found}) if view.credit_alone(i)]
    below = sum(1 for i in credits if i + 1 < len(doc) and view.open_caption(i + 1))
    above = sum(1 for i in credits if i > 0 and view.open_caption(i - 1))
    return below >= TEMPLATE_PAIRS and below > 2 * above


def _caption_below_credit_by_template(view: _Captions, index: int) -> bool:
    """On a page that puts its credits above its captions, the text right under a credit alone
    is its caption, if short enough to be one and not a sentence ended by a full stop (the
    story's paragraph under a picture that has no caption)."""
    return (
        index > 0
        and view.credit_alone(index - 1)
        and _caption_shaped(view.doc, index)
        and not view.doc.blocks[index].text.rstrip(CLOSERS).endswith(".")
        and not (index + 1 < len(view.doc) and view.credit_alone(index + 1))
    )


_PICTURE_CONTROL = re.compile(
    r"^(?:enlarge(?: this)? (?:image|photo|picture)"
    r"|(?:image|photo|picture|slide)s?\s*\d+\s*(?:of|/)\s*/?\s*\d+)\W*$",
    re.IGNORECASE,
)


def _caption_under_picture(view: _Captions, index: int) -> bool:
    """The line right under a picture's own control ('Enlarge This Image', 'Image 2 of 5') is
    that picture's caption, if it is short enough to be one."""
    return (
        index > 0
        and view.rule_tagged(index - 1, tag.PICTURE_CONTROL)
        and bool(_PICTURE_CONTROL.match(view.doc.blocks[index - 1].text))
        and _caption_shaped(view.doc, index)
    )


_STEPS = (
    ("CAP102", _credit_after_label),
    ("CAP100", _caption_above_credit),
    ("CAP101", _caption_below_credit),
    ("CAP104", _caption_under_picture),
    ("CAP103", _name_under_caption),
)


def positional_captions(doc: Document) -> dict[int, str]:
    """Captions and credits known by their place next to a credit or a caption, by block, with
    the rule that finds each. Each step sees what the steps before it found."""
    view = _Captions(doc)
    # Every step looks at a neighbour of a caption or of a gallery's control: only those lines.
    controls = doc.rules_tagged(tag.PICTURE_CONTROL)
    marked = [
        i
        for i, decision in enumerate(doc.decisions)
        if decision is not None and (decision.label is Label.CAPTION or decision.rule in controls)
    ]
    if not marked:
        return view.found

    def candidates() -> list[int]:
        near = {j for i in (*marked, *view.found) for j in (i - 1, i + 1) if 0 <= j < len(doc)}
        return sorted(j for j in near if view.rule(j) is None)

    enabled = doc.rules_tagged(tag.POSITIONAL_CAPTION)
    for rule_id, test in _STEPS:
        if rule_id not in enabled:
            continue  # disabled: what it would find is no caption for the steps after it
        if rule_id == "CAP100" and _credits_first(view):
            continue  # the caption of a credit is under it on this page
        found = [i for i in candidates() if test(view, i)]
        view.found.update((i, rule_id) for i in found)
    if "CAP101" in enabled and _credits_first(view):
        test = _caption_below_credit_by_template
        found = [i for i in candidates() if test(view, i)]
        view.found.update((i, "CAP101") for i in found)
        # Taken before the page's template was known: the text above a credit whose caption
        # is under it is the story's (an aside, a paragraph), not a second caption.
        for i in found:
            if view.found.get(i - 2) == "CAP100":
                del view.found[i - 2]
    return view.found


def positional_rule(rule_id: str) -> Callable[[Block, Document], bool]:
    def applies(block: Block, doc: Document) -> bool:
        return doc.memo(positional_captions).get(block.index) == rule_id

    applies.__doc__ = next(test for i, test in _STEPS if i == rule_id).__doc__
    return applies
