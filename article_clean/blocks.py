"""Cut text into Blocks: one per non-blank line, each knowing where it sits in the source.

A block is a line, not a paragraph, because scrapers hand over one line per HTML block and junk
("Share", "ADVERTISING") often sits on a line of its own inside a paragraph-sized group. Blank lines
still matter: they number the groups, and lines of one group that stay in the story are joined
back into one paragraph.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Block

# What ends a line, as str.splitlines() has it for text: besides CR and LF, the form feed that
# separates pdftotext's pages, the vertical tab, NEL, and Unicode's line and paragraph separators
# (JSON feeds carry U+2028). Not the C0 information separators 0x1C-0x1E, which no text uses
# for lines.
_BREAKS = "\r\n\v\f\x85\u2028\u2029"
_LINE = re.compile(f"[^{_BREAKS}]+")
_BREAK = re.compile(f"\r\n|[{_BREAKS}]")
# Characters that show nothing: zero-width spaces and joiners, word joiner, a stray BOM, the
# marks and embeddings that set a line's direction (right-to-left pages open lines with them),
# the invisible operators, the Mongolian vowel separator. Pages use them as spacers, and
# str.strip() keeps them.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _strip(line: str) -> str:
    while True:
        stripped = line.strip().strip(INVISIBLE)
        if stripped == line:
            return stripped
        line = stripped


def _line_breaks(gap: str) -> int:
    return len(_BREAK.findall(gap))


def line_break_characters(text: str) -> int:
    """The characters that end lines in `text` (a CR LF counts twice): a bound on its lines
    counted in C, before any line is cut."""
    return sum(text.count(char) for char in _BREAKS)


def more_lines_than(text: str, limit: int) -> bool:
    """Whether `text` has more than `limit` lines that show something: blank lines, however
    many, are no blocks. Counted without keeping the lines."""
    count = 0
    for match in _LINE.finditer(text):
        if _strip(match.group()):
            count += 1
            if count > limit:
                return True
    return False


# A line as a rule's pattern spells it: no-break spaces (HTML's &nbsp; pasted as a character,
# French typography's thin ones) as spaces, and without the characters that show nothing inside
# words (zero-width spaces and joiners, and soft hyphens: "pub&shy;lished", a hyphenation hint
# that German and Dutch sites put in long words). Rules read a line both ways; the first to take
# either reading decides.
AS_SPELLED = str.maketrans(
    dict.fromkeys("\xa0\u2007\u202f", " ") | dict.fromkeys(INVISIBLE + "\xad", None)
)
# Any of them: a line without one is spelled as it stands (a translation builds a new string
# character by character, ten times the cost of this search).
_RESPELLED = re.compile("[" + re.escape("".join(map(chr, AS_SPELLED))) + "]")


def as_spelled(text: str) -> str:
    """`text` as a rule's pattern spells it (`AS_SPELLED`), its letters composed (NFC): text
    from macOS tools, PDFs and some CMSs writes "é" as "e" and a combining accent, and
    "Publicite\u0301" is the marker "Publicité" all the same."""
    if text.isascii():
        return text
    spelled = text.translate(AS_SPELLED) if _RESPELLED.search(text) else text
    if unicodedata.is_normalized("NFC", spelled):
        return spelled
    return unicodedata.normalize("NFC", spelled)


def split_blocks(text: str) -> tuple[Block, ...]:
    """Every non-blank line of `text` as a Block, with offsets of its stripped content.

    Lines separated by at least one blank line fall in different groups. A text without any blank
    line (Common Crawl WET, a scraper writing one block per line) gives each line its own group,
    since there a line is the only paragraph boundary there is.
    """
    spans: list[tuple[int, int, str, bool]] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[0] in INVISIBLE or stripped[-1] in INVISIBLE:  # seldom: strip them too
            stripped = _strip(stripped)
            if not stripped:
                continue
        start = match.start() + line.index(stripped)
        gap_has_blank = bool(spans) and _line_breaks(text[previous_end:start]) >= 2
        spans.append((start, start + len(stripped), stripped, gap_has_blank))
        previous_end = start + len(stripped)

    any_blank = any(new_group for _, _, _, new_group in spans)
    blocks = []
    group = 0
    for index, (start, end, stripped, new_group) in enumerate(spans):
        if index and (new_group or not any_blank):
            group += 1
        blocks.append(Block(index, start, end, stripped, group))  # by position: a line's cost
    return tuple(blocks)
