"""Where the story must be: blocks that pin the story run down, when the page offers them.

The longest run of prose is the story on most pages, but not on a blog whose post is short and
whose comment thread, About box or footer is long. Two kinds of evidence outweigh length:

- The page's title. A whole page's text opens with its <title>, "Post title | Site"; where the
  post's title comes back as a line of its own, the post starts under it.
- What trafilatura (or its port of readability) kept, on an HTML page read whole: too little
  to be trusted with the whole story, yet nearly always part of it (a short post, the story's
  first paragraph).
"""

from __future__ import annotations

import regex

from ..document import Document
from ..features import BlockStats, count_words, past_a_title, reads_as_title
from ..model import Hint

ANCHOR_WORDS = 10  # a line of trafilatura's this long is part of a story, if a short one
_STORY_HINTS = frozenset({Hint.PARAGRAPH, Hint.QUOTE, Hint.ITEM, Hint.SECOND})

# What separates a title from its site's name: "Post | Site", "Site - Post"; and, less surely
# (a colon joins a title to its subtitle as often), "Site: Post".
# Tried once per run of spaces (from its first, taking all of it): from each space of a long run
# the search ran to the run's end.
_SITE_SEPARATOR = regex.compile(r"(?<!\s)\s++(?:\||-|–|—|«|»|::|/|·|•|~)\s+")
_TITLE_SEPARATOR = regex.compile(rf"{_SITE_SEPARATOR.pattern}|:\s+")
_NOT_WORD = regex.compile(r"[\W_]+")
TITLE_LINE_WORDS = 40  # a line longer than this is a paragraph, not the title shown again
PIECE_SHARE = 0.6  # of a line's words a title piece must cover to name the line
PIECE_WORDS = 2  # a piece of one word is a site's name or a section ('News'), not the post's
PIECE_INSIDE_WORDS = 3  # a piece found inside a longer line: two words may be a phrase of it


def trafilatura_anchor(doc: Document) -> int | None:
    """On a page read whole, the longest paragraph trafilatura or readability kept: the story
    runs through it."""
    return doc.memo(_trafilatura_anchor, text_only=True)


def _trafilatura_anchor(doc: Document) -> int | None:
    if not any(block.hint == Hint.OUTSIDE for block in doc.blocks):
        return None
    kept = [
        block.index
        for block in doc.blocks
        if block.hint in _STORY_HINTS and doc.stats(block.index).words >= ANCHOR_WORDS
    ]
    return max(kept, key=lambda i: doc.stats(i).words, default=None)


def extracted_region(doc: Document) -> bool:
    """Whether `doc` is a page's main content as trafilatura found it (not the page read whole)."""
    return any(b.hint is not None for b in doc.blocks) and not any(
        b.hint == Hint.OUTSIDE for b in doc.blocks
    )


def title_key(text: str) -> str:
    """A line's or a title's words, case-folded, one space apart: a title shown again matches
    whatever its punctuation ("Post Title." under "Post Title | Site")."""
    return str(_NOT_WORD.sub(" ", text.casefold())).strip()


def title_pieces(title: str, stats: BlockStats) -> frozenset[str]:
    """The ways the post's title may come back: the first line whole, and every run of its
    parts that holds the longest part (the post's title, not the site's name).

    None when the first line is no title: neither "Post | Site" nor shaped like a headline, or
    longer than a title runs.
    """
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if past_a_title(title, len(parts)) or (len(parts) < 2 and not reads_as_title(title, stats)):
        return frozenset()
    pieces = {title_key(title), *_story_runs(parts)}
    return frozenset(piece for piece in pieces if count_words(piece) >= PIECE_WORDS)


def _story_runs(parts: list[str]) -> set[str]:
    """Every run of a title's parts that holds its longest part (the post's title, not the
    site's name), normalised."""
    if not parts:
        return set()
    longest = max(range(len(parts)), key=lambda k: len(parts[k].split()))
    return {
        title_key(" ".join(parts[first:last]))
        for first in range(longest + 1)
        for last in range(longest + 1, len(parts) + 1)
    }


STORY_OVER_SITE = 1  # times the words of the rest of the title that its story part exceeds


def story_part(title: str) -> str | None:
    """The story's part of a "Story | Site" line `title`, where the title says which it is.

    It says so where the story is plain: one part holds more words than the others together (a
    site's name as long as a short headline, "Wildfire forces evacuations - Los Angeles
    Times", is shown alone in a masthead), and the others open as names do, not in lower case
    ("Bridge to be rebuilt — and Mayor Smith cheers" is one headline; a site that writes its
    name so, "nu.nl", keeps its <title> line whole, as before). Not across a colon,
    which joins a title to its subtitle as often as to a site ("The Future of C++: Live this
    Friday" over "The Future of C++")."""
    parts: list[str] = [part.strip() for part in _SITE_SEPARATOR.split(title) if part.strip()]
    if len(parts) < 2:
        return None
    words = [count_words(part) for part in parts]
    story = max(range(len(parts)), key=words.__getitem__)
    if words[story] <= STORY_OVER_SITE * (sum(words) - words[story]):
        return None
    if any(part[0].islower() for k, part in enumerate(parts) if k != story):
        return None
    return parts[story]


_COLON = regex.compile(r":\s+")


def blog_title(title: str) -> bool:
    """Whether `title` reads "Blog Name: Post Title": parts joined by colons alone, the first
    (the blog's name) as long as any other.

    There, unlike in "Story | Site", the title does not say which part is the post's: a blog's
    name is as long as its posts' titles or longer ("Schneier on Security: New SSL
    Vulnerability"). A shorter first part is a kicker or a series ("Opinion: ...",
    "Review: ...", "Wildfire: Thousands flee"), the story after it.
    """
    if _SITE_SEPARATOR.search(title):
        return False
    parts = [part for part in _COLON.split(title) if part.strip()]
    if len(parts) < 2:
        return False
    words = [count_words(part) for part in parts]
    return words[0] >= max(words[1:])


def shows_story_of(line: str, title: str) -> bool:
    """Whether `line` shows the story of a "Story | Site" line `title` without the site's
    name (`story_part`): the headline under the page's <title>."""
    story = story_part(title)
    return story is not None and title_key(line) == title_key(story)


def title_among_words(doc: Document, index: int) -> bool:
    """Whether block `index`, a line `title_lines` found, holds the title among words of its own
    ("Posts Related to <title>", "Comments on <title>"): a line that names the post, where the
    title alone, or a run of its parts, heads it."""
    pieces = title_pieces(doc.blocks[0].text, doc.stats(0))
    return bool(pieces) and title_key(doc.blocks[index].text) not in pieces


def titled_page(doc: Document) -> bool:
    """Whether the text opens with a page's <title>, "Post | Site", as a whole page's text does
    (an article's own text opens with its headline or its section)."""
    return bool(doc.blocks) and len(
        [part for part in _TITLE_SEPARATOR.split(doc.blocks[0].text) if part.strip()]
    ) >= 2


def _first_words(pieces: frozenset[str] | set[str]) -> frozenset[str]:
    """The first word of each normalised piece: a line that is a piece, or holds one word for
    word, holds one of them as it is case-folded (a word of `title_key(line)` is a run of its
    case-folded characters). Looking for them spares normalising most lines."""
    return frozenset(piece.split()[0] for piece in pieces if piece.split())


def _names_title(
    text: str,
    pieces: frozenset[str],
    long_pieces: list[tuple[str, int]],
    firsts: frozenset[str],
) -> bool:
    """Whether the line is a piece of the title, or holds a piece of three words or more that
    makes up a good share of it (`long_pieces`: each such piece, padded, with its words;
    `firsts`: `_first_words(pieces)`)."""
    folded = text.casefold()
    if not any(word in folded for word in firsts):
        return False
    line = title_key(text)
    if line in pieces:
        return True
    if not long_pieces:
        return False
    least = PIECE_SHARE * len(line.split())
    padded = f" {line} "
    return any(words >= least and piece in padded for piece, words in long_pieces)


def title_lines(doc: Document) -> tuple[int, ...]:
    """The blocks after the first that show the first, the page's title, again.

    A paragraph that quotes the title is not the title shown again. On a page trafilatura
    extracted, the text starts at the headline, so a line like it further on is a subheading.
    """
    return doc.memo(_title_lines, text_only=True)


def _title_lines(doc: Document) -> tuple[int, ...]:
    if len(doc) < 3 or extracted_region(doc):
        return ()
    pieces = title_pieces(doc.blocks[0].text, doc.stats(0))
    if not pieces:
        return ()
    long_pieces = [(f" {piece} ", len(piece.split())) for piece in pieces]
    long_pieces = [(padded, words) for padded, words in long_pieces if words >= PIECE_INSIDE_WORDS]
    firsts = _first_words(pieces)
    again = tuple(
        block.index
        for block in doc.blocks[1:]
        if doc.stats(block.index).words <= TITLE_LINE_WORDS
        and not doc.stats(block.index).prose
        and _names_title(block.text, pieces, long_pieces, firsts)
    )
    return again


def part_lines(doc: Document) -> tuple[int, ...]:
    """The blocks that show one part of the page's title on its own, where no block shows the
    title as `title_lines` knows it: "Broken Arrows" under "The Curious Brain » Broken Arrows".

    Which part is the post's and which the site's, the title does not say; the site's name
    heads the page above its menus, the post's title heads the post's text right under it.
    """
    return doc.memo(_part_lines, text_only=True)


def _part_lines(doc: Document) -> tuple[int, ...]:
    if len(doc) < 3 or extracted_region(doc):
        return ()
    title = doc.blocks[0].text
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(parts) < 2 or past_a_title(title, len(parts)):
        return ()
    # And either side of a separator where that side's own separators are colons: a story's
    # title may hold one ("Blog: Post: Subtitle" shows "Post: Subtitle"), a site's name's are
    # others ("Jane Doe | Blog", shown in its masthead, is no story).
    sides = (
        side
        for found in _TITLE_SEPARATOR.finditer(title)
        for side in (title[: found.start()], title[found.end() :])
        if not _SITE_SEPARATOR.search(side)
    )
    named = {title_key(part) for part in (*parts, *sides)} - {""}
    firsts = _first_words(named)
    shown = frozenset(title_lines(doc))
    found = []
    for block in doc.blocks[1:]:
        if block.index in shown:
            continue
        folded = block.text.casefold()
        if any(word in folded for word in firsts) and title_key(block.text) in named:
            found.append(block.index)
    return tuple(found)
