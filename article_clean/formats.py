"""The Article as Markdown and as XML: the formats people feed to language models and archives.

Markdown: the headline as a `#` heading, the byline and date in italics under it, the body's
paragraphs, then `## Captions`, `## Trailer` and `## Comments` sections. List items (a bullet in
the text) stay a Markdown list, table rows (cells a tab apart) a Markdown table. A line of the story that would
read as Markdown syntax (`# 1`, `> quote`, `1. point`, `[1]: https://...`) has its first
character escaped, and so has inline syntax anywhere in a line: a tag (a page's text
`<img onerror=...>` is text, and must not become markup where the Markdown is shown), a link's
`](`, emphasis's `*` and `_` (not an underscore inside a word), code's backtick, `~`, a
backslash and an entity's `&`. So the text renders as it was written (a test renders it with a
CommonMark parser).

A lone surrogate is written as its escape (`\\ud800`), as the command line writes it.

XML: one `<article>` element; see `docs/cli.md` for its shape. Characters XML 1.0 cannot carry
(control characters but tab and newline) are written as U+FFFD, the one change made to the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from .model import Article
from .output import escape_surrogates

_BULLETS = ("• ", "- ", "* ", "+ ")  # a list item as the text writes it
# A line start that Markdown would read as structure: a heading, a quote, a list item, a rule
# ("-- -" too), a table row, a fence, a heading's underline.
_MARKDOWN_START = re.compile(
    r"^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|\||```|~~~|=+\s*$|-[-\s]*$"
    r"|\["  # a link reference's definition, "[1]: https://..." (its label may span lines)
    r"|:?-+:?\s*\|)"  # a table's delimiter row under a line with a "|", "--- | ---"
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Inside a line: a tag (Markdown passes HTML through, so a page's text "<img onerror=...>" would
# become markup where the Markdown is shown), a link's "](" (a "[text](javascript:...)"), the
# marks of emphasis, code and strikethrough, a backslash, and an entity's "&" ("&amp;" would
# show as "&"). An underscore inside a word ("snake_case") opens no emphasis: it stays bare.
_INLINE_MARKUP = re.compile(
    r"<(?=[A-Za-z/!?])|\](?=\()|[\\`*~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)"
)


_CLOSING_HASHES = re.compile(r"#(?=#*\s*$)")


def _escape_inline(text: str) -> str:
    return _INLINE_MARKUP.sub(lambda found: "\\" + found.group(), text)


def _escape_line(line: str) -> str:
    line = _escape_inline(line)
    if _MARKDOWN_START.match(line):
        if line[0].isdigit():  # "1. point": escape the dot after the number
            digits = len(line) - len(line.lstrip("0123456789"))
            return line[:digits] + "\\" + line[digits:]
        return "\\" + line
    return line


def _is_item(paragraph: str) -> bool:
    return paragraph.startswith(_BULLETS)


def _is_row(paragraph: str) -> bool:
    return "\t" in paragraph and "\n" not in paragraph


def _item(paragraph: str) -> str:
    """A paragraph of list items as Markdown items: a line that opens with a bullet opens an
    item (a scraper writes a list's items on lines of their own, with no blank line between
    them); a line without one goes on with the item above."""
    lines = []
    for line in paragraph.split("\n"):
        if line.startswith(_BULLETS):
            lines.append("- " + _escape_line(line[2:].lstrip()))
        else:
            lines.append("  " + _escape_line(line))
    return "\n".join(lines)


def _table(rows: list[str]) -> str:
    cells = [
        [_escape_inline(cell.strip()).replace("|", "\\|") for cell in row.split("\t")]
        for row in rows
    ]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def markdown_blocks(paragraphs: Iterable[str]) -> list[str]:
    """The paragraphs as Markdown blocks: runs of list items one list, runs of rows one table."""
    blocks: list[str] = []
    pending: list[str] = []  # the rows of the table being read
    items: list[str] = []  # the items of the list being read
    for paragraph in paragraphs:
        if not _is_row(paragraph) and pending:
            blocks.append(_table(pending))
            pending = []
        if (not _is_item(paragraph) or _is_row(paragraph)) and items:  # a row is a row first
            blocks.append("\n".join(items))
            items = []
        if _is_row(paragraph):
            pending.append(paragraph)
        elif _is_item(paragraph):
            items.append(_item(paragraph))
        else:
            blocks.append("\n".join(_escape_line(line) for line in paragraph.split("\n")))
    if pending:
        blocks.append(_table(pending))
    if items:
        blocks.append("\n".join(items))
    return blocks


def as_markdown(article: Article) -> str:
    """The Article as a Markdown document (see the module's docstring)."""
    parts = []
    if article.headline:
        # A "#" at its end would close the heading, and not be shown ("We're #1 #").
        parts.append("# " + _CLOSING_HASHES.sub(r"\\\g<0>", _escape_inline(article.headline)))
    about = " · ".join(filter(None, (article.byline, article.published)))
    if about:
        parts.append(f"*{_escape_inline(about)}*")
    parts.extend(markdown_blocks(article.paragraphs))
    if article.captions:
        parts.append("## Captions")
        parts.append(
            "\n".join(
                "- " + "  \n  ".join(_escape_line(line) for line in caption.split("\n"))
                for caption in article.captions
            )
        )
    if article.trailer:
        parts.append("## Trailer")
        parts.extend(markdown_blocks(article.trailer.split("\n\n")))
    if article.comments:
        parts.append("## Comments")
        parts.extend(
            "\n".join(_escape_line(line) + "  " for line in comment.split("\n")).rstrip()
            for comment in article.comments.split("\n\n")
        )
    # A lone surrogate (a JSON record's "\ud800") has no UTF-8 form: written as its escape, as
    # the command line writes it, the Markdown can be saved and sent.
    return escape_surrogates("\n\n".join(parts) + "\n")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _child(parent: etree._Element, tag: str, text: str | None, **attributes: str | None) -> None:
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name, _text(value))
    if text is not None:
        element.text = _text(text)


def article_element(article: Article, source: str | None = None) -> etree._Element:
    """The Article as an `<article>` element (see docs/cli.md for the shape)."""
    root = etree.Element("article")
    attributes = {
        "source": source,
        "url": article.url,
        "kind": article.kind,
        "language": article.language,
        "published": article.published,
    }
    for name, value in attributes.items():
        if value is not None:
            root.set(name, _text(value))
    rules: dict[str, str | None] = {}
    for segment in article.segments:
        if segment.text.strip():
            rules.setdefault(segment.label.value, segment.rule)
    if article.headline is not None:
        _child(root, "headline", article.headline, rule=rules.get("headline"))
    if article.byline is not None:
        _child(root, "byline", article.byline)
    captions = etree.SubElement(root, "captions")
    for caption in article.captions:
        _child(captions, "caption", caption)
    body = etree.SubElement(root, "body")
    for paragraph in article.paragraphs:
        _child(body, "p", paragraph)
    trailer = etree.SubElement(root, "trailer")
    for paragraph in filter(None, article.trailer.split("\n\n")):
        _child(trailer, "p", paragraph)
    comments = etree.SubElement(root, "comments")
    for comment in filter(None, article.comments.split("\n\n")):
        _child(comments, "comment", comment)
    removed = etree.SubElement(root, "removed")
    for segment in article.removed:
        if segment.text.strip():
            text = segment.text.strip()
            _child(removed, "line", text, label=segment.label.value, rule=segment.rule)
    for warning in article.warnings:
        _child(root, "warning", warning)
    for failure in article.failures:
        _child(root, "failure", failure.error, rule=failure.rule)
    return root


def as_xml(article: Article, source: str | None = None) -> str:
    """The Article as one XML document, UTF-8, with its declaration."""
    return _serialised(article_element(article, source))


def article_xml(article: Article, source: str | None = None) -> str:
    """The `<article>` element alone, to go inside an `<articles>` of several."""
    element = article_element(article, source)
    text: str = etree.tostring(element, encoding="unicode", pretty_print=True)
    return text


def _serialised(element: etree._Element) -> str:
    text: str = etree.tostring(element, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
