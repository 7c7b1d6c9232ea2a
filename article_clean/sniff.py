"""Is an input a page or a text? Told from its first characters, before anything is parsed.

A page may open with a script, a comment, an HTTP response's head or a PHP notice before its
markup; a text may quote a tag or open its lines with one. What decides is the shape of the
first lines: markup that a browser reads as a document, or prose that happens to hold tags.
Every pattern here is written so that no input makes it backtrack (a comment's text cannot run
past its own end), as untrusted input demands.
"""

from __future__ import annotations

import re

from .blocks import INVISIBLE

# A comment whose text cannot run past its own end: with ".*?" a run of comments and no match
# after them backtracked through every way to split them (30 comments: minutes).
_COMMENT = r"<!--(?:[^-]|-(?!->))*-->"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_START = re.compile(
    rf"^\s*(?:{_COMMENT}\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE
)
_SNIFF_CHARS = 2048
# A document's start where the markup begins a line: its doctype, or its <html> tag.
_DOCUMENT_START = re.compile(r"(?<![^\n])(?:<!doctype\s+html\b|<html\b)", re.IGNORECASE)
# An HTTP response's status line or a header field ("Content-Type: text/html").
_HTTP_HEAD_LINE = re.compile(r"HTTP/\d(?:\.\d)? \d{3}.*|[!#$%&'*+.^_`|~\w-]+:.*")
# A fragment opens with its markup, or with a line or two before it; a page's text that quotes
# markup further down (a template a scraper wrote out as text) has lines and lines before it.
_TEXT_LINES_BEFORE_MARKUP = 3
SNIFF_LIMIT = 256 * 1024  # where a page that opens with a script still has its <body>
_MARKUP = re.compile(r"<[a-zA-Z/!?]")
_ONE_TAG = re.compile(r"<[^>]*>?")
_DOCTYPE = re.compile(rf"^\s*(?:{_COMMENT}\s*)*<!doctype\s+html\b", re.IGNORECASE)

# Tags, then words to the end of the line and no more markup: a line of prose opened by tags.
_TAG_LED_PROSE = re.compile(r"(?:<[^<>]*>\s*)+[^<>]*[^<>\s]")
# What a page's head may hold that is no markup of its own (to its end, when cut off there).
_RAW_TEXT = re.compile(
    r"<(script|style)\b.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)", re.IGNORECASE | re.DOTALL
)
_ELEMENT_TAG = re.compile(r"<[a-zA-Z]")
_DOCTYPE_ANYWHERE = re.compile(r"<!doctype\s+html\b", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)\b[^<>]*>", re.IGNORECASE)  # no "<" inside: linear
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|tr|td|img|meta|script|section|article)\b",
    re.IGNORECASE,
)


# What ends a line of markup: not every character str.splitlines() breaks at. Bytes are sniffed
# as Latin-1 (`decode.head_for_sniffing`), where a legacy page's "…" (cp1252 0x85) or a
# Shift_JIS character's second byte reads as U+0085, a line break to splitlines(); and a
# fragment's paragraph may hold a form feed or U+2028 (a JSON feed's line separator).
_LINE_END = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[str]:
    return _LINE_END.split(text)


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document or fragment rather than plain text.

    A page may open with a long script or style block, a comment or a malformed doctype before
    its <html>: what starts with markup and holds a document's tags further on is a page. A
    fragment's tags start within its first lines; a text that quotes some markup after lines
    of its own (a page's text with a template the scraper wrote out) is text. Short of a
    doctype, the lines that open with a tag must be mostly markup: prose lines that merely
    start with tags (a story's body once the junk above it is gone) are text, so that cleaning
    a text's body again reads it as text too.
    """
    head = text[:_SNIFF_CHARS].lstrip(INVISIBLE)  # a byte-order mark, a zero-width space
    first = _MARKUP.search(text, 0, SNIFF_LIMIT)
    lone = first is None or not _MARKUP.search(text, first.end(), SNIFF_LIMIT)
    if lone and _ONE_TAG.sub("", head, 1).strip():
        # Prose that names one tag ("<html> is the root element..."): text, which it must stay
        # when its cleaned body, now starting with the tag, is cleaned again.
        return False
    if _DOCTYPE.match(head) or _XML_DECLARATION.match(head) and "<html" in head.lower():
        return True
    if first is not None and _document_after_lines(text, first.start()):
        return True
    if not _markup_shaped(head):
        # Prose whose lines open with tags ("<b><i> are inline tags, and..."): a story's body
        # may start so once the junk above it is gone, and cleaning that body again must read
        # it as the text it was.
        return False
    if _HTML_START.match(head):
        return True
    tags = list(_TAG.finditer(head))
    if len(tags) >= 3 and _lines_before(head, tags[0].start()) <= _TEXT_LINES_BEFORE_MARKUP:
        return True
    return head.lstrip().startswith("<") and bool(_DOCUMENT_TAG.search(text, 0, SNIFF_LIMIT))


def _document_after_lines(text: str, first_markup: int) -> bool:
    """Whether the first markup opens a whole document (a doctype or <html> at a line's start)
    under a line or two (a PHP notice) or an HTTP response's head: a page saved with what the
    server wrote before it. Its lines must be markup, as for any page (`_markup_shaped`): prose
    that opens with "<html>" stays text, and so does its body cleaned again."""
    start = _DOCUMENT_START.match(text, first_markup)
    if start is None or not _markup_shaped(text[first_markup : first_markup + _SNIFF_CHARS]):
        return False
    lines = [line.strip() for line in _lines(text[:first_markup]) if line.strip()]
    return len(lines) <= _TEXT_LINES_BEFORE_MARKUP or all(map(_HTTP_HEAD_LINE.fullmatch, lines))


def text_before_markup(text: str) -> bool:
    """Whether lines of text stand before the first tag of a fragment (no <html>, <head> or
    <body>, no doctype): a text with a few tags in it, which a browser shows as one run of words.
    A whole page with a line before its markup (HTTP headers, a PHP notice) is a page."""
    first = _MARKUP.search(text, 0, SNIFF_LIMIT)
    if first is None or _DOCUMENT_TAG.search(text, 0, SNIFF_LIMIT):
        return False
    element = _ELEMENT_TAG.search(text, 0, SNIFF_LIMIT)
    if _DOCTYPE_ANYWHERE.search(text, 0, SNIFF_LIMIT if element is None else element.start()):
        return False  # the page's doctype, before its first element: a whole page
    return bool(text[: first.start()].strip().strip(INVISIBLE))


def _markup_shaped(head: str) -> bool:
    """Whether most lines that open with a tag are markup (closed, or more tags further on)
    rather than prose after a few tags; what scripts, styles and comments hold is not counted.
    Where tags stand inside lines but none opens one ("0<p><p>Paragraph"), the lines are text:
    a text's body, once the lines above it that opened with tags are cut away (a page minified
    to one line behind a notice on that line is read as text too: prose that names "<html>"
    reads the same). A head that is all script says nothing either way."""
    lines = [raw.strip().strip(INVISIBLE) for raw in _lines(_RAW_TEXT.sub("", head))]
    opened = [line for line in lines if line.startswith("<")]
    if not opened:
        return not any(_MARKUP.search(line) for line in lines)
    led = sum(1 for line in opened if _TAG_LED_PROSE.fullmatch(line))
    return 2 * led <= len(opened)


def _lines_before(text: str, end: int) -> int:
    return sum(1 for line in _lines(text[:end]) if line.strip())
