"""HTML input: a page becomes the text the rest of the pipeline cleans, with structural hints.

trafilatura finds the main content (comments, images and tables kept, so that our rules see what
it kept and decide for themselves). It runs in its fast mode, favouring recall: precision is our
rules' job, and that mode skips trafilatura's own second guesses. Where it keeps too little to be
a story, readability's region or the page's visible lines are read instead (`regions.py`; the
lines themselves come from `page_lines.py`), as the rules read plain text. lxml reads
what text loses: the page's title and description, its figure captions and asides, its canonical
URL and language. Each line of the result is a Block whose `hint` says where it came from, and
from there on HTML goes through the same rules as text.

The Article's segments index into the text built here: its blocks joined by blank lines.
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import lxml.etree
import lxml.html

from . import metadata, page_authors, page_headline
from .blocks import split_blocks
from .errors import InputError, InputTooLarge
from .features import block_stats
from .model import Block
from .page_lines import (
    ASIDE,
    CAPTION,
    DEK,
    HEADING,
    ITEM,
    OUTSIDE,
    PARAGRAPH,
    TEASER,
    TITLE,
    ImageAlt,
    Line,
    extracted_lines,
    item_key,
    text_key,
    visible_lines,
)
from .regions import holds_prose, story_lines

_EMPTY_PAGE = b"<html><body></body></html>"
# Control characters XML cannot hold (as UTF-8 bytes): a page never shows them, lxml refuses them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# Noncharacters (as UTF-8 bytes): two that lxml refuses, and the four that mark breaks, block
# ends, list items and table cells in a page's lines (U+FDD0 to U+FDD3: `page_lines.BREAK` and
# its kin, which a test checks against this pattern). One regex scan finds any of them: a
# substring test per character costs more.
_NONCHARACTERS = re.compile(rb"\xef(?:\xbf[\xbe\xbf]|\xb7[\x90-\x93])")
# Character references that may name a character lxml reads into the tree but then refuses to
# set as an element's text (a control character, a surrogate, U+FFFE) or one that marks breaks
# here: those ranges, as hexadecimal or decimal numbers. The references pages hold (&#39;,
# &#8217;) do not match; what matches is checked again by its number.
_SUSPECT_REFERENCE = re.compile(
    rb"&#(?:[xX](0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF][dD][dD][0-3]|"
    rb"[fF]{3}[eEfF]|[1-9a-fA-F][0-9a-fA-F]{5,}))(?![0-9a-fA-F])"
    rb"|(0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|5[5-7][0-9]{3}|6497[6-9]|6553[45]|[1-9][0-9]{6,}))"
    rb"(?![0-9]));?"
)
_UNREADABLE = frozenset([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def _without_unreadable(reference: re.Match[bytes]) -> bytes:
    """A character reference as it stands, or nothing where it names a character that no
    page shows and lxml cannot hold (see `_SUSPECT_REFERENCE`)."""
    hexadecimal, decimal = reference.groups()
    code = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
    unreadable = (
        code in _UNREADABLE or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDD3
        or code > 0x10FFFF
    )
    return b"" if unreadable else reference.group()


_PARAGRAPH_TAGS = ("p", "li", "blockquote", "dd", "h1", "h2", "h3", "h4", "h5", "h6")
_ASIDE_MAX_CHARS = (
    3000  # a "share" or "related" class on the whole article's wrapper is not an aside
)
# Class tokens that name a caption or an aside: "caption", "wp-caption-text", "related-links",
# but not "captionable" or "shared-styles".
# A class token that names a term of the page's taxonomy ("tag-share", "category-social": what
# WordPress and its kin put on a post's own element) says what the post is about, not what a box is.
_TAXONOMY = r"(?!(?:tag|category|topic|post_tag)[-_])"
# A token of words joined by "-" or "_", up to the word a pattern names. Written with one way to
# read each "_" (which \w matches too): "(?:\w+[-_])*" backtracked through every way to split
# a token of underscores before it failed (28 of them: 22 s on one class attribute).
_WORDS_BEFORE = r"(?=[\w-]*$)(?!-|.*--|.*-$)(?:\w[\w-]*?(?<!-)[-_])?"
_WORDS_AFTER = r"(?:[-_]\w|$)"
_CAPTION_CLASS = re.compile(
    _TAXONOMY + _WORDS_BEFORE + r"(?:caption|credit|figcaption)" + _WORDS_AFTER, re.I
)
_ASIDE_CLASS = re.compile(
    _TAXONOMY
    + _WORDS_BEFORE
    + r"(?:related|share|sharing|social|newsletter|promo|recirc|outbrain|taboola)"
    + _WORDS_AFTER,
    re.IGNORECASE,
)
_CAPTION_MAX_CHARS = 800
_CAPTION_PARAGRAPH_WORDS = 15  # a caption this long may be the story's paragraph repeated
_START_WORDS = 12  # a caption's words that a paragraph must start with
_KEY_WORDS = _START_WORDS - 1  # whole words of it: the last may be the start of a longer one
_STRING = lxml.etree.XPath("string()")
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space() collapses
_DEK_WITHIN = 4  # lines from the top where a dek may sit
_TITLE_WITHIN = 10  # lines from the top where the headline may already be
# Lower-case only: re searches a case-insensitive alternation several times slower.
_CLASS_WORD = re.compile(
    r"caption|credit|related|shar|social|newsletter|promo|recirc|outbrain|taboola"
)


@dataclass(frozen=True)
class Page:
    """What an HTML page gives the pipeline: text, its blocks with hints, and metadata."""

    text: str
    blocks: tuple[Block, ...]
    url: str | None
    title: str | None
    language: str | None  # as the page declares it
    published: str | None
    warnings: tuple[str, ...] = ()
    # The writers the page's metadata names, read only when the story's text names none.
    authors: Callable[[], tuple[str, ...]] = tuple
    about: metadata.About = metadata.About()  # site name, description, image, tags
    # The whole page's text and blocks, where the text is a region readability found on a page
    # where trafilatura found too little: read only if the rules find no story in the region.
    whole: Callable[[], tuple[str, tuple[Block, ...]]] | None = None


# lxml.html's own class lookup is Python code run for every element a caller touches (a tenth
# of trafilatura's time on a page); this one gives the same HtmlElement API from C. Only the form
# element classes, which nothing here uses, are lost.
_HTML_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def parse(html: str, utf8: bytes | None = None) -> tuple[lxml.html.HtmlElement, tuple[str, ...]]:
    """Parse a page; one with no element at all (a lone doctype) is an empty page, and a warning
    says so; one lxml cannot read is an InputError.

    libxml2 reads at most 256 levels of nesting; what lies deeper is not read, and the warning
    returned says so. Control characters, which no page shows, are dropped first.
    """
    # As UTF-8 bytes, the control characters go in one C call (a regex over the page's text
    # costs a third of the parse); the noncharacters are rare enough to look for first.
    # `utf8`: the page's own bytes, when `html` was decoded from them as UTF-8.
    data = (html.encode("utf-8", "surrogatepass") if utf8 is None else utf8).translate(
        None, _CONTROL_BYTES
    )
    if b"\xef" in data and _NONCHARACTERS.search(data):  # their lead byte: a 7th of the regex
        data = _NONCHARACTERS.sub(b"", data)
    if b"&#" in data:  # the same characters written as references, which lxml reads in
        data = _SUSPECT_REFERENCE.sub(_without_unreadable, data)
    parser = lxml.etree.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    parser.set_element_class_lookup(_HTML_CLASSES)
    warnings: tuple[str, ...] = ()
    try:
        tree = lxml.html.document_fromstring(data, parser=parser)
    except lxml.etree.ParserError:  # "Document is empty": libxml2 found no element
        tree = None
    except ValueError as error:
        raise InputError(f"cannot parse the page as HTML: {error}") from None
    if tree is None:
        # Only a doctype, comments or processing instructions: a page that shows nothing.
        tree = lxml.html.document_fromstring(_EMPTY_PAGE, parser=parser)
        if data.strip():  # an empty input is said to be empty, and only that
            warnings = ("html: the page holds no elements, only a doctype or comments",)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        warnings += (
            "html: the page nests elements deeper than 256 levels; what lies deeper was not read",
        )
    return tree, warnings


def _shown_chars(noframes: lxml.html.HtmlElement) -> int:
    """What a <noframes> would show: its markup's text, not the markup (a notice with a long
    style block outweighed the page's story by its length)."""
    try:
        body = lxml.html.fragment_fromstring(noframes.text or "", create_parent="body")
    except (lxml.etree.ParserError, ValueError):
        return 0
    for hidden in body.xpath(".//script|.//style"):
        hidden.drop_tree()
    return len("".join(body.text_content().split()))


_TEMPLATE_TEXT = 500  # characters: a story's worth, more than a template's card or form holds


def _without_templates(tree: lxml.html.HtmlElement) -> int:
    """Drop the <template> elements: markup for scripts to copy, never shown as it is (cards,
    forms, dialogs); the characters of text they held."""
    # The outermost ones: a template inside another is dropped with it, its text counted once.
    templates = [
        t for t in tree.iter("template") if next(t.iterancestors("template"), None) is None
    ]
    held = sum(len("".join(t.text_content().split())) for t in templates)
    for template in templates:
        template.drop_tree()
    return held


def _templates_unread(held: int, lines: list[Line]) -> tuple[str, ...]:
    """A warning where the dropped templates held a story's worth of text and the region read
    holds no story (`lines`: no prose, or too little of it): a page its scripts render, its
    story in a template. A page read whole, a dialog's template beside it, has none."""
    story = sum(len(text) for text, _ in lines)
    if held < _TEMPLATE_TEXT or (holds_prose(lines) and story >= _TEMPLATE_TEXT):
        return ()
    return (
        f"html: its <template> elements hold {held:,} characters of text that a script would "
        "show, and no story was found outside them; they are not read (a page rendered by its "
        "scripts: clean what a browser renders)",
    )


def _read_noframes(tree: lxml.html.HtmlElement) -> None:
    """A <noframes> holds markup the parser keeps as text ("&lt;p&gt;..." in the body). On a
    page of frames, the one holding the most is all the page has to read (others are notices:
    "This page uses frames"): its markup becomes the page's body, in place of the outermost
    frameset. On any other page, a browser shows nothing of them, and they go."""
    found = [e for e in tree.iter("noframes")]
    frameset = next(tree.iter("frameset"), None)
    fullest = max(found, key=_shown_chars, default=None) if frameset is not None else None
    for element in found:
        element.drop_tree()  # its tail, the text after it, stays
    if frameset is None or fullest is None or not (fullest.text or "").strip() or len(fullest):
        return
    try:
        body = lxml.html.fragment_fromstring(fullest.text, create_parent="body")
    except (lxml.etree.ParserError, ValueError):  # nothing lxml can read: as if none
        return
    parent = frameset.getparent()
    if parent is not None:
        parent.replace(frameset, body)


# Bounds that keep the extraction (trafilatura, readability) near linear: library code the
# time budget cannot interrupt. trafilatura's time grows with the square of the text nodes of
# one paragraph (5,000 <b> in one <p>: 2.3 s; 10,000: 10 s) and by a third of a millisecond
# per element, so a page beyond these bounds is read in a cheaper way, and says so.
# Inline elements under one element; past it, their text only. At this bound the square costs
# under a second; real pages reach 2,000 (a page of the Dragnet set: 1,835).
MAX_INLINE_CHILDREN = 3_000
MAX_EXTRACTED_ELEMENTS = 50_000  # past it, the page is read whole, without the extraction
# Text-level elements, whose markup the extraction can do without; not <br> (a line break keeps
# lines apart) nor <img> (a figure the story may caption).
_TEXT_LEVEL = metadata.STYLING_TAGS
LIBXML_TEXT_LIMIT = 10_000_000  # bytes of one text node libxml2 reads; past it, the page stops


def bound_extraction(
    html: str, tree: lxml.html.HtmlElement, tags: int
) -> tuple[bool, tuple[str, ...]]:
    """Whether to run the extraction on `tree`, and what was given up; linear in the page.
    `tags`: the "<" in `html`, counted once by the caller (a count costs a tenth of the parse).

    An element with more than MAX_INLINE_CHILDREN inline children keeps their text, not their
    markup; a page of more than MAX_EXTRACTED_ELEMENTS elements is read whole by our own
    reader. A text over libxml2's limit cut the page short: the warning says so.
    """
    warnings: tuple[str, ...] = ()
    longest = max(map(len, html.split("<"))) if len(html) > LIBXML_TEXT_LIMIT // 4 else 0
    if longest > LIBXML_TEXT_LIMIT // 4:
        longest = max(len(run.encode("utf-8", "surrogatepass")) for run in html.split("<"))
        if longest > LIBXML_TEXT_LIMIT:
            warnings += (
                f"html: a text of {longest:,} bytes is over the HTML parser's limit of "
                f"{LIBXML_TEXT_LIMIT:,}; the page after it was not read",
            )
    if tags <= MAX_INLINE_CHILDREN:
        return True, warnings
    elements = int(tree.xpath("count(//*)"))
    if elements > MAX_EXTRACTED_ELEMENTS:
        return False, warnings + (
            f"html: {elements:,} elements, over {MAX_EXTRACTED_ELEMENTS:,}: read whole, without "
            "the main-content extraction",
        )
    crowded = [node for node in tree.iter() if len(node) > MAX_INLINE_CHILDREN]
    for node in crowded:
        inline = [c for c in node if isinstance(c.tag, str) and c.tag in _TEXT_LEVEL]
        if len(inline) > MAX_INLINE_CHILDREN:
            lxml.etree.strip_tags(node, *{child.tag for child in inline})
            # Stripping leaves the texts as runs of separate nodes, which cost the extraction
            # as much as the elements did; setting a text makes each run one node.
            node.text = node.text
            for child in node:
                child.tail = child.tail
            warnings += (
                f"html: a <{node.tag}> holds {len(inline):,} inline elements; their text was "
                "read without their markup",
            )
    return True, warnings


def _check_size(tags: int, tree: lxml.html.HtmlElement, max_elements: int | None) -> None:
    # Every element starts with a "<": a page with fewer of them (`tags`) needs no count.
    if max_elements is None or tags <= max_elements:
        return
    count = int(tree.xpath("count(//*)"))
    if count > max_elements:
        raise InputTooLarge(
            f"the page has {count} elements, more than {max_elements} (the cleaner's "
            "max_blocks allows ten per block; raise it, or set it to None)"
        )


def _boxes(elements: metadata.Marked) -> tuple[list[Any], list[Any]]:
    """Caption elements and aside boxes: by tag, or by a class token that names one, among the
    page's `metadata.marked` elements."""
    captions = list(elements.figcaptions)
    asides = list(elements.asides)
    classed = elements.classed
    # One search over all class attributes at once: a search per element costs more than the
    # rest of the hints together.
    for index in metadata.classes_matching(classed, _CLASS_WORD):
        element, value = classed[index]
        tokens = value.lower().split()
        if any(_CAPTION_CLASS.match(token) for token in tokens):
            captions.append(element)
        elif any(_ASIDE_CLASS.match(token) for token in tokens):
            asides.append(element)
    return captions, asides


def _hint_keys(tree: lxml.html.HtmlElement, elements: metadata.Marked) -> dict[str, str]:
    """Text keys of captions and asides: the structure that plain text loses.

    Boxes larger than a box can be (a "share" class on the article's wrapper) are passed over.
    """
    hints: dict[str, str] = {}
    captions, asides = _boxes(elements)
    caption_set = set(captions)
    paragraphs = _ParagraphIndex(tree)
    for element in asides:
        if element.tag in ("html", "body") or len(element.text_content()) > _ASIDE_MAX_CHARS:
            continue
        for piece in element.itertext():
            if len(piece.strip()) > 3:
                hints.setdefault(text_key(piece), ASIDE)
        # A paragraph with a link or emphasis near its start is no piece of the box's text:
        # keyed whole, it is the box's too, as its plain paragraphs are.
        for paragraph in element.iter(*_PARAGRAPH_TAGS):
            text = paragraph.text_content()
            if len(text.strip()) > 3:
                hints.setdefault(text_key(text), ASIDE)
    for element in captions:
        text = element.text_content()
        if not text.strip() or len(text) > _CAPTION_MAX_CHARS:
            continue
        if _also_a_paragraph(element, text, caption_set, paragraphs):
            continue
        hints[text_key(text)] = CAPTION
        for piece in element.itertext():
            if len(piece.strip()) > 3:
                hints[text_key(piece)] = CAPTION
    return hints


def _card_keys(headings: list[Any]) -> frozenset[str]:
    """The keys of the page's teaser cards, each as a whole item, which trafilatura writes as
    one line: a card's summary may be the story's own first paragraph (the page's own post
    among the cards), so its pieces are not keyed. `headings`: the page's <h1>-<h6>."""
    keys = (item_key(element.text_content()) for element in _teaser_cards(headings))
    return frozenset(key for key in keys if key)


def _teaser_cards(headings: list[Any]) -> list[Any]:
    """Items of a list that hold a heading, where two or more of the list's items do: cards that
    each title another page (recent posts, a teaser grid). A story's own lists hold phrases and
    sentences; where its items are headed sections (a list article), they hold most of the
    page's prose, and the rule that reads this hint leaves them in the story.

    Found from the headings up: a page has few of them, and many more elements.
    """
    by_list: dict[Any, dict[Any, None]] = {}
    for heading in headings:
        item = next(heading.iterancestors("li"), None)
        if item is not None:
            by_list.setdefault(item.getparent(), {})[item] = None
    return [item for items in by_list.values() if len(items) >= 2 for item in items]


def _normalised(text: str) -> str:
    """`text` as XPath's normalize-space() gives it. Most paragraphs need no change, which a
    few scans in C tell four times faster than the substitution finds it."""
    changed = "  " in text or "\n" in text or "\t" in text or "\r" in text
    if changed or text.startswith(" ") or text.endswith(" "):
        return _XPATH_SPACE.sub(" ", text).strip(" ")
    return text


class _ParagraphIndex:
    """The page's `<p>` elements by their first words, read once, on the first long caption.

    A search of the whole tree per caption made a page with many long captions quadratic in its
    size (seconds on a 10 MB page). The text is normalised as XPath's `normalize-space()` does.
    """

    def __init__(self, tree: Any) -> None:
        self._tree = tree
        self._all: list[tuple[Any, str]] | None = None
        self._by_key: dict[str, list[tuple[Any, str]]] = {}

    def starting(self, start: str) -> Iterator[Any]:
        """The paragraphs whose normalised text starts with `start` (words joined by single
        spaces), in the page's order."""
        if self._all is None:
            self._all = []
            for paragraph in self._tree.iter("p"):
                text = _normalised(_STRING(paragraph))
                self._all.append((paragraph, text))
                key = " ".join(text.split(" ", _KEY_WORDS)[:_KEY_WORDS])
                self._by_key.setdefault(key, []).append((paragraph, text))
        words = start.split(" ", _KEY_WORDS)
        # A start of more than the key's words: a paragraph holding it has the key's words
        # whole; a shorter start may end inside any paragraph's key.
        whole = len(words) > _KEY_WORDS
        candidates = self._by_key.get(" ".join(words[:-1]), []) if whole else self._all
        for paragraph, text in candidates:
            if text.startswith(start):
                yield paragraph


def _also_a_paragraph(
    caption: Any, text: str, captions: set[Any], paragraphs: _ParagraphIndex
) -> bool:
    """Whether a long caption's text is also a paragraph elsewhere on the page, outside captions.

    A video player or a lead photo often repeats the story's first paragraph as its caption;
    the paragraph is the story's, whichever of the two trafilatura kept.
    """
    words = text.split()
    if len(words) < _CAPTION_PARAGRAPH_WORDS:
        return False
    start = " ".join(words[:_START_WORDS])
    for paragraph in paragraphs.starting(start):
        boxes = {paragraph, *paragraph.iterancestors()}
        if not boxes & captions and paragraph not in caption.iterdescendants():
            return True
    return False


def _structure(
    tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]
) -> tuple[dict[str, str], frozenset[str], str | None, Callable[[], tuple[str, ...]], list[Any]]:
    """The hints of captions and asides, the keys of teaser cards, the headline, the stated
    authors (read when asked), and the boxes that hold text loose; `ld`: the page's JSON-LD.

    The page's marked elements are let go here: a thousand live element proxies make the
    extraction that follows slower.
    """
    elements = metadata.marked(tree)
    hints = _hint_keys(tree, elements)
    title = page_headline.headline(tree, ld, elements)
    authors = functools.partial(
        page_authors.authors, tree, ld, page_authors.for_authors(elements)
    )
    cards = _card_keys(elements.all_headings)
    return hints, cards, title, functools.cache(authors), elements.loose


def read_page(
    html: str,
    url: str | None = None,
    *,
    max_elements: int | None = None,
    utf8: bytes | None = None,
    check_clock: Callable[[], None] = lambda: None,
    max_lines: int | None = None,
) -> Page:
    """Turn a page into text and blocks for the pipeline, with its metadata.

    `check_clock` raises when the document's time is up; it is called between the steps.
    `max_lines`: an InputTooLarge as soon as the page is known to have more lines.
    """
    tree, warnings = parse(html, utf8)
    _read_noframes(tree)
    templates_held = _without_templates(tree)
    tags = html.count("<")
    _check_size(tags, tree, max_elements)
    check_clock()
    extract, given_up = bound_extraction(html, tree, tags)
    warnings += given_up
    canonical = metadata.canonical_url(tree)
    scripts = metadata.json_ld_scripts(tree)
    ld = metadata.json_ld(tree, scripts)
    about = metadata.about(tree, url or canonical, ld, scripts)
    hints, cards, title, authors, loose = _structure(tree, ld)
    check_clock()
    _unquote_paragraphs(tree)
    figure_captions = _figcaptions_as_paragraphs(tree, hints)
    _paragraphs_of_loose_text(loose)
    _paragraphs_of_a_fragment(tree)
    _paragraphs_of_preformatted_text(tree)
    del loose  # live element proxies slow the extraction down
    language = metadata.declared_language(tree)
    published = _published(tree, url or canonical)
    # Without trafilatura's comment extraction: it takes a post's own paragraphs for comments
    # often enough to cost recall, and a millisecond a page; the comment section it prunes is
    # neither body nor trailer (on a page read whole, the story finder stops at a thread).
    # Its XML body is what is read here: output_format "txt" spares the rendering of it as text
    # that the default ("python") adds (7 % of the extraction's time on the ScrapingHub pages).
    import trafilatura  # here, not at the top: text input never needs it, and it loads slowly

    extracted = None if not extract else trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        favor_recall=True,
        include_comments=False,
        include_images=True,
        include_tables=True,
        with_metadata=False,
        output_format="txt",
    )
    check_clock()
    lines: list[Line] = []
    if extracted is not None and not isinstance(extracted, dict):
        lines.extend(extracted_lines(extracted.body, None))
        lines = _with_stated_paragraphs(lines, ld)

    @functools.cache
    def page_lines() -> tuple[Line, ...]:
        # Reading them marks up the tree, so the stated authors are read from it first.
        authors()
        return tuple(visible_lines(tree))

    lines, whole_lines = story_lines(lines, tree, page_lines, extracted=extract, tags=tags)
    lines = _with_lead_captions(lines, tree, figure_captions, title)
    warnings += _templates_unread(templates_held, lines)
    description = metadata.description(tree)
    check_clock()
    if max_lines is not None and len(lines) > max_lines:  # before the lines' word statistics
        raise InputTooLarge(f"the page has {len(lines)} lines, over max_blocks={max_lines}")

    def finish(lines: list[Line]) -> tuple[str, tuple[Block, ...]]:
        hinted = _with_hints(lines, hints, cards)
        titled = _with_title(_with_dek(hinted, description), title)
        check_clock()
        return _blocks(titled)

    text, blocks = finish(lines)
    return Page(
        text=text,
        blocks=blocks,
        url=url or canonical,
        title=title,
        language=language,
        published=published,
        warnings=warnings,
        authors=authors,
        about=about,
        whole=None if whole_lines is None else functools.partial(_finished, finish, whole_lines),
    )


def _finished(
    finish: Callable[[list[Line]], tuple[str, tuple[Block, ...]]], lines: Callable[[], list[Line]]
) -> tuple[str, tuple[Block, ...]]:
    """The text and blocks of `lines()`, read only when asked: the whole page is read lazily."""
    return finish(lines())


def _prose_words(lines: list[Line], enough: int | None = None) -> int:
    """Words of the lines that read as prose: how much of a story they hold; counted only as
    far as `enough`, where that is all the caller needs to know."""
    words = 0
    for text, _ in lines:
        stats = block_stats(text)
        if stats.prose:
            words += stats.words
            if enough is not None and words >= enough:
                break
    return words


def _with_title(lines: list[Line], title: str | None) -> list[Line]:
    """Mark the headline's line among the first lines, or put the headline on top. Where more
    of the story's prose stands above that line than under it, the line moves to the top."""
    if not title:
        return lines
    key = text_key(title)
    first = lines[:_TITLE_WITHIN]
    at = next((i for i, (text, _) in enumerate(first) if text_key(text) == key), None)
    if at is None:
        return [(title, TITLE), *lines]
    above = _prose_words(lines[:at])  # none where the title is the first line, as mostly
    if above and above > _prose_words(lines[at + 1 :], enough=above):
        # More of the story above its title than under it: the extraction put the post's title
        # (and date) after its text. The title goes back on top.
        return [(lines[at][0], TITLE), *lines[:at], *lines[at + 1 :]]
    return [*lines[:at], (lines[at][0], TITLE), *lines[at + 1 :]]


def _unquote_paragraphs(tree: lxml.html.HtmlElement) -> None:
    """A blockquote of paragraphs in a table cell becomes a plain box of them: there,
    trafilatura keeps the quote's first words and drops its paragraphs (a blog quoting a long
    passage, in a page laid out as a table)."""
    for quote in list(tree.iter("blockquote")):  # renamed as found: not while iterating
        if quote.find("p") is not None and next(quote.iterancestors("td", "th"), None) is not None:
            quote.tag = "div"


# The page's own furniture: a picture there (a logo, a newsroom's photo) is not the story's.
# (Not <header>: a story's own header holds its lead picture.)
_CHROME_BOXES = ("nav", "footer", "aside")
# Elements that make a caption a box of lines rather than one paragraph.
_BLOCK_IN_CAPTION = (
    "p", "div", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "blockquote", "dl", "section",
)  # fmt: skip


def _figcaptions_as_paragraphs(tree: lxml.html.HtmlElement, hints: dict[str, str]) -> list[Any]:
    """A figure's caption becomes a paragraph (a box, if it holds blocks): trafilatura
    keeps the picture and drops its <figcaption>, so the caption and its credit never reached
    `Article.captions`. Only a caption hinted as one (`hints`, read from the markup before):
    one that repeats a paragraph of the story is left to be dropped, and so is one in a menu,
    a footer or an aside. A figure set inside a paragraph is left alone too: a paragraph in a
    paragraph loses the text after the figure, the paragraph's own. Returns the captions
    made paragraphs."""
    made: list[Any] = []
    for caption in list(tree.iter("figcaption")):  # renamed as found: not while iterating
        if hints.get(text_key(caption.text_content())) != CAPTION:
            continue
        if next(caption.iterancestors("p", *_CHROME_BOXES), None) is None:
            blocks = next(caption.iterdescendants(*_BLOCK_IN_CAPTION), None) is not None
            caption.tag = "div" if blocks else "p"
            made.append(caption)
    return made


def _read_in(caption: Any, keys: set[str]) -> bool:
    """Whether the lines (their `_squeezed` keys) hold the caption: whole, or a piece of it
    (a caption of paragraphs is read as lines of its own, one with a <br> as a line of two)."""
    pieces = (caption.text_content(), *caption.itertext())
    return any(_squeezed(piece) in keys for piece in pieces if len(piece.strip()) > 3)


def _squeezed(text: str) -> str:
    """A text's key without its spaces and line breaks: a caption's pieces that its markup
    breaks apart run together in its text content ("Monday.Photo: ...")."""
    return "".join(text.split()).casefold()[:80]


LEAD_CAPTIONS = 2  # a lead picture's caption and its credit's: more is a gallery's
LEAD_PARAGRAPH_WORDS = 15  # the story's first paragraph, not its dek or byline


def _with_lead_captions(
    lines: list[Line], tree: lxml.html.HtmlElement, captions: list[Any], title: str | None
) -> list[Line]:
    """A lead picture's caption, between the headline and the story in the story's box, where
    the region read (an `articleBody` box inside it) leaves the picture out: put above the
    story, as the page shows it. Left out, its text reached no segment and `captions` held
    nothing, on the commonest layout of a newspaper's page. A picture in a link is another
    story's teaser, not the story's."""
    if not captions or not title:  # most pages: no line's key is needed
        return lines
    keys = {_squeezed(part) for text, _ in lines for part in (text, *text.split("\n"))}
    missing = {caption for caption in captions if not _read_in(caption, keys)}
    if not missing:
        return lines
    key = text_key(title)
    heading = next((h for h in tree.iter("h1") if text_key(h.text_content()) == key), None)
    # The story's first long paragraph finds the box that holds the story and its headline.
    first = next(
        (
            text
            for text, hint in lines
            if hint in (None, PARAGRAPH) and len(text.split()) >= LEAD_PARAGRAPH_WORDS
        ),
        None,
    )
    if heading is None or first is None:
        return lines
    start = " ".join(first.split()[:_START_WORDS])
    paragraph = next(_ParagraphIndex(tree).starting(start), None)
    above = set(heading.iterancestors())
    box = None
    if paragraph is not None:
        box = next((a for a in paragraph.iterancestors() if a in above), None)
    if box is None or box.tag in ("body", "html"):
        return lines  # no box holds the headline and the story but the page itself
    lead: list[Any] = []
    after_heading = False
    for element in box.iter():
        if element is paragraph:
            break
        if element is heading:
            after_heading = True
        elif after_heading and element in missing:
            if next(element.iterancestors("a"), None) is None:
                lead.append(element)
    if not lead or len(lead) > LEAD_CAPTIONS:
        return lines
    found: list[Line] = []
    for element in lead:  # read as the page shows it: a line per block, a <br> a line break
        alone = copy.deepcopy(element)
        alone.tail = None
        found.extend((text, CAPTION) for text, _ in visible_lines(alone))
    # Under the headline where the region holds it, else on top: above the story's lead.
    top = enumerate(lines[:_TITLE_WITHIN])
    at = next((i + 1 for i, (text, _) in top if text_key(text) == key), 0)
    return [*lines[:at], *found, *lines[at:]]


_INLINE = metadata.STYLING_TAGS | {"br", "img"}
_BLOCK_CHILDREN = ("p", "div", "table")


def _paragraphs_of_loose_text(boxes: list[Any]) -> None:
    """Text written straight into a box, beside its pictures and inner boxes, becomes
    paragraphs, split where a blank line (<br><br>) or a box stands; so do the inner boxes that
    hold nothing but text.

    trafilatura reads a box of paragraphs by its paragraphs and drops the text between them (a
    blog post typed into one box around its pictures); a box that is all text it reads whole.
    """
    for box in dict.fromkeys(boxes):  # once each, in page order
        if all(box.find(tag) is None for tag in _BLOCK_CHILDREN):
            continue
        if not _wrap_runs(box):
            continue
        for child in box:
            # A picture's box, with no text, stays a box.
            inline = child.tag == "div" and all(c.tag in _INLINE for c in child)
            if inline and child.text_content().strip():
                child.tag = "p"


def _with_stated_paragraphs(lines: list[Line], ld: list[dict[str, Any]]) -> list[Line]:
    """trafilatura's one paragraph, where it is the page's JSON-LD `articleBody` (a page its
    scripts render, whose markup shows nothing), as the paragraphs the page states: the
    extraction joins them into one run of words."""
    if len(lines) != 1:
        return lines
    words = lines[0][0].split()
    for obj in ld:
        stated = obj.get("articleBody")
        if isinstance(stated, str) and stated.split() == words:
            # Paragraphs a blank line apart, their lines wrapped; else a line each.
            breaks = _BLANK_LINE if _BLANK_LINE.search(stated) else _LINE_BREAKS
            paragraphs = [" ".join(p.split()) for p in breaks.split(stated) if p.strip()]
            return [(paragraph, lines[0][1]) for paragraph in paragraphs]
    return lines


_LINE_BREAKS = re.compile(r"[\r\n]\s*")
_BLANK_LINE = re.compile(r"\r?\n[ \t]*(?:\r?\n[ \t]*)+")  # one blank line or more


def _paragraphs_of_preformatted_text(tree: lxml.html.HtmlElement) -> None:
    """A <pre> of text alone whose paragraphs stand a blank line apart (a plain text put on the
    web as it is) becomes those paragraphs, its lines kept: trafilatura reads a <pre> as one
    quotation or one block of code, its blank lines lost."""
    for pre in list(tree.iter("pre")):
        text = pre.text or ""
        if len(pre) or not _BLANK_LINE.search(text):
            continue
        box = lxml.html.Element("div")
        for part in _BLANK_LINE.split(text.strip("\n")):
            paragraph = lxml.etree.SubElement(box, "p")
            lines = part.split("\n")
            paragraph.text = lines[0]
            for line in lines[1:]:
                lxml.etree.SubElement(paragraph, "br").tail = line
        box.tail = pre.tail
        pre.getparent().replace(pre, box)


def _paragraphs_of_a_fragment(tree: lxml.html.HtmlElement) -> None:
    """A fragment's text written straight into the page, paragraphs a blank line apart
    ("P1<br><br>P2", a feed's item), becomes paragraphs: trafilatura, favouring recall, drops
    the text before the body's first element, the story's lead. Only a fragment's: a page with
    boxes may have a line of its masthead loose before them."""
    body = tree.find("body")
    text = body.text if body is not None else None
    if (
        text is not None
        and len(text.strip()) > metadata.LOOSE_TEXT
        and all(child.tag in _INLINE for child in body)  # <br>s and inline elements alone
    ):
        _wrap_runs(body)


def _wrap_runs(box: Any) -> bool:
    """Each run of text and inline elements in `box` longer than `metadata.LOOSE_TEXT` goes
    into a <p> of its own; whether there was one."""
    children = list(box)
    run_text, members = box.text or "", []
    box.text = None
    runs: list[tuple[str, list[Any], Any]] = []  # (leading text, inline elements, next element)
    for position, child in enumerate(children):
        blank = (
            child.tag == "br"
            and position + 1 < len(children)
            and children[position + 1].tag == "br"
            and not (child.tail or "").strip()
        )
        if child.tag in _INLINE and not blank:
            members.append(child)
            continue
        runs.append((run_text, members, child))
        run_text, members = "", []
        if not blank:
            run_text, child.tail = child.tail or "", None
    runs.append((run_text, members, None))
    wrapped = False
    for text, inline, following in runs:
        length = len(text.strip()) + sum(len(m.text_content()) + len(m.tail or "") for m in inline)
        if length <= metadata.LOOSE_TEXT:
            _put_back(box, text, inline, following)
            continue
        paragraph = lxml.html.Element("p")
        paragraph.text = text
        if following is None:
            box.append(paragraph)
        else:
            following.addprevious(paragraph)
        paragraph.extend(inline)
        wrapped = True
    return wrapped


def _put_back(box: Any, text: str, inline: list[Any], following: Any) -> None:
    """Return a short run's leading text to where it stood: before its first element."""
    if not text:
        return
    if inline:
        previous = inline[0].getprevious()
    elif following is not None:
        previous = following.getprevious()
    else:
        previous = box[-1] if len(box) else None
    if previous is None:
        box.text = (box.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _with_dek(lines: list[Line], description: str | None) -> list[Line]:
    """Mark the dek: a heading among the first lines whose text is the page's description."""
    if not description:
        return lines
    key = text_key(description)
    return [
        (text, DEK)
        if at < _DEK_WITHIN and hint == HEADING and text_key(text) == key
        else (text, hint)
        for at, (text, hint) in enumerate(lines)
    ]


def _blocks(lines: list[Line]) -> tuple[str, tuple[Block, ...]]:
    """Join the lines into the text the Article indexes, and cut it into hinted blocks."""
    starts: list[int] = []
    position = 0
    for line, _ in lines:
        starts.append(position)
        position += len(line) + 2
    text = "\n\n".join(line for line, _ in lines)
    blocks = []
    for block in split_blocks(text):
        owner = bisect.bisect_right(starts, block.start) - 1
        blocks.append(replace(block, hint=lines[owner][1]))
    return text, tuple(blocks)


def _with_hints(lines: list[Line], hints: dict[str, str], cards: frozenset[str]) -> list[Line]:
    """Attach the page's structure to trafilatura's lines, and drop image placeholders.

    A line that repeats the alt text of the image just before it is that image's caption; a
    list item whose whole text is a teaser card's (`cards`) is that card.
    """
    result: list[Line] = []
    pending_alt: str | None = None
    for text, hint in lines:
        if not text:  # an image: remember its alt text
            pending_alt = hint.key if isinstance(hint, ImageAlt) else None
            continue
        key = text_key(text)
        if hint == ITEM and item_key(text) in cards:
            hint = TEASER
        elif hint in (None, PARAGRAPH, OUTSIDE):
            hint = hints.get(key, hint)
            if hint is None and pending_alt and len(key) >= 20 and pending_alt.startswith(key[:40]):
                hint = CAPTION
        pending_alt = None
        result.append((text, hint))
    return result


def _published(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The publication date, as htmldate (trafilatura's date finder) reads it; None if unsure."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return found or None
