"""A page's lines, as trafilatura's extraction gives them or as a browser shows the page.

Each line is a paragraph's text and a hint of what the markup says it is (a heading, a list
item, a table row, an image's alt text). In HTML a newline in the source is a space, so the
page's own breaks (<br>, a block's end, a list item's start) are marked with noncharacters
that no parsed page holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html

from .model import Hint

# The hints a Block may carry (`model.Hint`), by the short names this module uses.
TITLE = Hint.TITLE
PARAGRAPH = Hint.PARAGRAPH
HEADING = Hint.HEADING
ITEM = Hint.ITEM
BULLET = "• "
QUOTE = Hint.QUOTE
TABLE = Hint.TABLE
CAPTION = Hint.CAPTION
ASIDE = Hint.ASIDE
TEASER = Hint.TEASER
DEK = Hint.DEK
OUTSIDE = Hint.OUTSIDE
SECOND = Hint.SECOND


@dataclass(frozen=True)
class ImageAlt:
    """The hint of an image's place among the lines: the key of its alt text, which makes the
    line after it that repeats it the image's caption. It never reaches a Block."""

    key: str


# Where the page breaks a line (<br>) and where a block ends. In HTML a newline in the source is
# a space, so breaks are marked with noncharacters that no parsed page holds (`parse` drops them).
BREAK = "\ufdd0"
_BLOCK_END = "\ufdd1"
_ITEM_START = "\ufdd2"
_CELL_START = "\ufdd3"

# Elements a browser shows as blocks of their own: each starts and ends a paragraph.
_BLOCK_ELEMENTS = (
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table", "td", "th", "tr",
    "ul",
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def text_key(text: str) -> str:
    # Whitespace is collapsed as str.split() cuts: where re's \s matches, three times as fast.
    return " ".join(text.split()).casefold()[:80]


def item_key(text: str) -> str:
    """A list item's key without its bullet and spaces: trafilatura joins the item's pieces
    (a card's heading and its summary) with no space between them."""
    return "".join(text.removeprefix(BULLET).split()).casefold()[:80]


Line = tuple[str, Any]  # a line's text and its Hint (an ImageAlt for an image), or None
# Elements of trafilatura's XML that make a table cell a piece of page layout, not data.
_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table"})


def extracted_lines(element: lxml.etree._Element | None, hint: str | None) -> Iterator[Line]:
    """The lines of trafilatura's XML: one per paragraph, heading, list item or table row."""
    if element is None:
        return
    for line_break in element.iter("lb"):
        line_break.tail = BREAK + (line_break.tail or "")
    # Text between the elements is part of the content too: trafilatura leaves a paragraph
    # that follows a heading without its own <p> as the heading's tail.
    yield from _loose_lines(element.text, hint)
    for child in element:
        yield from _element_lines(child, hint)
        yield from _loose_lines(child.tail, hint)


def _loose_lines(text: str | None, hint: str | None, keep_newlines: bool = False) -> Iterator[Line]:
    """A piece of text as one paragraph: its lines, broken where the page breaks them.

    A newline in the page's source is a space, as a browser shows it (a hard-wrapped paragraph
    is one line), except in preformatted text, where it is a line break.
    """
    if text and not text.isspace():
        if keep_newlines:
            text = text.replace("\n", BREAK)
        pieces = [" ".join(piece.split()) for piece in text.split(BREAK)]
        lines = [piece for piece in pieces if piece]
        if lines:
            yield "\n".join(lines), hint


_ITEM_OPENING = re.compile(f"^[\\s{BREAK}]+")


def as_item(text: str) -> str:
    """A list item's text as a scraper writes it: after a bullet. A break that opens the item
    (`<li><br>Text`) is no line of its own: a bullet alone would be one."""
    return BULLET + _ITEM_OPENING.sub("", text).removeprefix(BULLET)


def line_key(piece: str) -> str:
    """A line's key, a list item's without the bullet it is written with: the same item read
    from trafilatura's lines, readability's or the whole page."""
    return text_key(piece.removeprefix(BULLET))


def _element_lines(element: lxml.etree._Element, hint: str | None) -> Iterator[Line]:
    tag = element.tag
    if tag == "list":
        for item in element:
            yield from _element_lines(item, hint or ITEM)
        return
    if tag == "table":
        for row in element.iterchildren("row"):
            if any(child.tag in _BLOCK_TAGS for cell in row for child in cell):
                # A table laid out as a page (a story in a cell): its paragraphs stay lines.
                for cell in row:
                    yield from extracted_lines(cell, hint)
                continue
            cells = [" ".join("".join(cell.itertext()).split()) for cell in row]
            line = "\t".join(cell for cell in cells if cell)
            if line:
                yield line, hint or TABLE
        return
    if tag == "graphic":
        alt = (element.get("alt") or element.get("title") or "").strip()
        if alt:
            yield "", ImageAlt(text_key(alt))
        return
    own = {"p": PARAGRAPH, "head": HEADING, "quote": QUOTE, "item": ITEM}.get(str(tag))
    if tag == "quote" and any(child.tag in _BLOCK_TAGS for child in element):
        # A quote of several paragraphs: each its own line, as the page shows them.
        yield from extracted_lines(element, hint or own)
        return
    if tag == "item" and _holds_a_list(element):
        yield from _item_of_lists(element, hint)
        return
    text = "".join(element.itertext())
    if tag == "item" and text.strip():
        # As a scraper writes a list item, so that the text rules see a list in the text.
        text = as_item(text)
    # The lines of one element (split by <br>) stay one paragraph: joined by a newline.
    yield from _loose_lines(text, hint or own, keep_newlines=tag == "code")


def _holds_a_list(item: lxml.etree._Element) -> bool:
    """Whether a list item holds a list and no other block: a menu's entry and its sub-menu, a
    box of links under its heading. An item with a heading or a paragraph besides (a teaser
    card's heading, summary and list of topics) stays one line, as the cards are keyed."""
    blocks = [child.tag for child in item if child.tag in _BLOCK_TAGS]
    return bool(blocks) and all(tag == "list" for tag in blocks)


def _item_of_lists(item: lxml.etree._Element, hint: str | None) -> Iterator[Line]:
    """A list item that holds a list, as a browser shows it: the item's text is its line, each
    nested item another, and a text after the nested list a line of its own. As one text, they
    ran together with no space between them ("Only on NBCNews.comDrought-hit cattlemen: ...").
    `hint`: the item's (a quote's, where a quote holds the list), which its lines keep."""
    held = None if hint == ITEM else hint  # a line that is no item is an item's no more
    opened = False
    pieces = [item.text or ""]

    def flush() -> Iterator[Line]:
        nonlocal opened
        text = "".join(pieces)
        pieces.clear()
        if not opened and _ITEM_OPENING.sub("", text):
            yield from _loose_lines(as_item(text), hint or ITEM)
        else:
            yield from _loose_lines(text, held)
        opened = True

    for child in item:
        if child.tag == "list":
            yield from flush()
            yield from _element_lines(child, held)
            pieces.append(child.tail or "")
        else:
            pieces.append("".join(child.itertext()) + (child.tail or ""))
    yield from flush()


def visible_lines(tree: lxml.html.HtmlElement, items: bool = False) -> Iterator[Line]:
    """Every visible paragraph of the page, for pages where trafilatura finds no main content.

    As a browser lays it out: a block element is a paragraph of its own, a <br> breaks a line
    within it, and a newline in the source is a space (but in <pre>); a row of a table of data
    is one line, its cells apart by tabs (`_data_table_cells`). `items`: a list item's
    text is written as a scraper writes it, after a bullet, with the item's hint (in a story's
    region; on a whole page, menus are lists too).
    """
    body = tree.find("body")
    if body is None:
        body = tree
    hidden = [
        element
        for element in body.iter("script", "style", "noscript", "template", lxml.etree.Element)
        if element.tag in ("script", "style", "noscript", "template")
        or element.get("hidden") is not None
        or _HIDDEN_STYLE.search(element.get("style") or "")
    ]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()
    for element in body.iter("pre"):
        for node in element.iter():
            node.text = node.text and node.text.replace("\n", BREAK)
            if node is not element:
                node.tail = node.tail and node.tail.replace("\n", BREAK)
    for element in body.iter("br"):
        element.tail = BREAK + (element.tail or "")
    # A list item's text, or that of the block it opens with (`<li><p>Text</p></li>`).
    openers = {_item_opener(item) for item in body.iter("li")} if items else set()
    cells = _data_table_cells(body)
    for element in body.iter(*_BLOCK_ELEMENTS):
        if element in cells:  # one line per row: the row's end ends it
            element.text = _CELL_START + (element.text or "")
            continue
        start = _ITEM_START if element in openers else ""
        element.text = _BLOCK_END + start + (element.text or "")
        element.tail = _BLOCK_END + (element.tail or "")
    for paragraph in body.text_content().split(_BLOCK_END):
        if _CELL_START in paragraph:
            pieces = paragraph.split(_CELL_START)
            texts = (" ".join(piece.replace(BREAK, " ").split()) for piece in pieces)
            row = "\t".join(text for text in texts if text)
            if row:
                yield row, TABLE
        elif paragraph.startswith(_ITEM_START):
            text = paragraph[1:].replace(_ITEM_START, "")
            if _ITEM_OPENING.sub("", text):  # an item with no text gives no bullet alone
                yield from _loose_lines(as_item(text), ITEM)
        else:
            yield from _loose_lines(paragraph, None)


CELL_WORDS = 12  # a longer cell is a page's column (a post typed into a layout table)
DATA_ROWS = 2  # rows of data that make a table of data: one row is a layout's


def _data_table_cells(body: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The cells of the tables of data: each of their rows is one line, its cells apart by
    tabs, as trafilatura writes a table's rows (and the same rows match, read from either).
    A cell a line made a table of figures a run of short lines that ended the story above it.
    A table of one row, or one whose cells hold blocks or a column of text, is the page's
    layout: its cells stay lines."""
    by_table: dict[Any, list[list[Any]]] = {}
    for row in body.iter("tr"):
        table = next(row.iterancestors("table"), None)
        by_table.setdefault(table, []).append(_data_cells(row))
    return {
        cell
        for rows in by_table.values()
        if sum(1 for row in rows if row) >= DATA_ROWS
        for row in rows
        for cell in row
    }


def _data_cells(row: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The cells of a table's row of data: two or more with text, each a short text (no
    block, no line break inside)."""
    cells = [child for child in row if child.tag in ("td", "th")]
    words = [cell.text_content().split() for cell in cells]
    if sum(1 for cell_words in words if cell_words) < 2:
        return []  # a picture beside its caption, a label beside nothing: a layout's
    if any(len(cell_words) > CELL_WORDS for cell_words in words):
        return []
    if any(next(cell.iterdescendants("br", *_BLOCK_ELEMENTS), None) is not None for cell in cells):
        return []
    return cells


def _item_opener(item: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element whose text a list item's line starts with: the item's own, or, where the
    item holds no text before its first child and that child is a block, the child's."""
    while (
        not (item.text or "").strip()
        and len(item)
        and item[0].tag in _BLOCK_ELEMENTS
        and item[0].tag not in ("ul", "ol")
    ):
        item = item[0]
    return item
