"""Which line above the story is its headline, in plain text: a learned ranking.

A page puts many short lines above its story: the site's name, its menus, a section, a
kicker, a sponsor line, a teaser's title, the headline, a dek. No single test picks the
headline out of them; several kinds of evidence each shift the odds: the line's place (the
text's first line, the first title-shaped line, the last one before the story, a byline
under it), its shape (title-like, a breadcrumb or meta line, one or two words, a date or a
clock time, a first word in lower case as in a list of tags, a last word that leads on to
what follows as in "IN ASSOCIATION WITH"), whether the story uses its words, and whether
the text's first line (a whole page's <title>) holds it.
A logistic model weighs these features (`headline_weights.json`, fitted on the Dragnet "tune"
half by `benchmarks/train_headline.py`) and the best-scored line wins: deterministic, and
explained by the weights of named features.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import regex

from ..byline import line_names
from ..document import Document
from ..features import reads_as_title, table_row
from ..model import Label
from .bylines import MONTHS
from .noise import SITE_FURNITURE

CANDIDATE_WORDS = 30  # a line longer than this is a paragraph, not a title
NEAREST_LINES = 40  # lines above the story that may hold its headline, besides the first
STORY_WORD = 4  # shorter words say little about what a line is about
STORY_BLOCKS = 8  # of the story's opening, where its headline's words come back
IN_TITLE_CHARS = 8  # a shorter line found in the <title> is found there by chance

# A breadcrumb or a line of meta ("Home » News", "Home > News", "News and Updates >", "» More";
# a title may open with a quote, a bracket, a currency sign or a "#"), or link labels glued
# into one word ("BabywearingColoradoFamily"): an "iPhone" has one inner capital, glued labels
# more.
NOT_HEADLINE = regex.compile(
    r"\s(?:\||»|›|>|→|·|•|::|\|\|)(?:\s|$)|^[^\w\p{Pi}\p{Ps}\p{Sc}\"'#¿¡]"
    r"|\p{Ll}\p{Lu}\p{L}*?\p{Ll}\p{Lu}"
)
_SEPARATOR = regex.compile(r"\s(?:\||»|›|>|→|·|•|::|\|\|)\s")
MENU_ITEM_WORDS = 2  # the longest entry of a menu line ("Advertise | AdChoices")
_SLASH = regex.compile(r"\s/\s")
_COMMA = regex.compile(r",\s")
LIST_ENTRIES = 3  # a breadcrumb's parts ("Home / News / Politics"), a list of tags' entries


def meta_line(text: str) -> bool:
    """A breadcrumb or a meta line (`NOT_HEADLINE`), or a breadcrumb written with slashes:
    three entries or more of a word or two ("Home / Economia / Lavoro"; a title may hold one
    slash, "Lindenhurst / Babylon")."""
    return bool(NOT_HEADLINE.search(text)) or _short_entries(_SLASH.split(text))


def tag_list(text: str) -> bool:
    """A list of tags written with commas: three entries or more of a word or two, ending on a
    word ("Internet, Google Docs, Proxy"). A title may be one too ("Eat, Pray, Love"), so it
    only gives way to another title above the story, as a meta line does; a list in a title
    often ends on its mark ("Learn, Learner, Learni.st?")."""
    return text.rstrip()[-1:].isalnum() and _short_entries(_COMMA.split(text))


def _short_entries(parts: Sequence[str]) -> bool:
    return len(parts) >= LIST_ENTRIES and all(
        len(part.split()) <= MENU_ITEM_WORDS for part in parts
    )


def menu_line(text: str) -> bool:
    """Entries of a word or two between separators: a menu, not a title with its site's name
    ("Night train returns to Hamburg | Rail Weekly")."""
    parts = _SEPARATOR.split(text)
    return len(parts) > 1 and all(len(part.split()) <= MENU_ITEM_WORDS for part in parts)


# A full stop after a word in lower case, then a capital: a second sentence (after "U.S." or
# "Dr." a title goes on).
TWO_SENTENCES = regex.compile(r"\p{Ll}{3,}\.\s+\p{Lu}")
_WORD = regex.compile(r"[^\W_]+")

FEATURES = (
    "blocks_to_story",  # log of the lines between it and the story's first
    "opens_text",  # the text's first line
    "byline_below",  # a byline in the next two lines
    "title_shape",  # short, unfinished by a full stop, mostly letters
    "meta_shape",  # a breadcrumb, a meta line, glued link labels, a list of tags
    "one_or_two_words",  # a section's or a site's name
    "shared_words",  # log of its longer words that the story uses too
    "nearest_title",  # no title-shaped line between it and the story
    "first_plain_title",  # the first title-shaped line of three words or more, not meta
    "in_first_line",  # the text's first line, a whole page's <title>, holds it
    "prose_below",  # the next line is prose: a dek or the story itself
    "dated",  # a date or a clock time: a timestamp, a dateline
    "opens_lowercase",  # its first word in lower case: tags, a credit
    "ends_open",  # ends on a function word: a label for what follows
)


@lru_cache(maxsize=1)
def _weights() -> tuple[float, tuple[float, ...]]:
    data = json.loads(
        resources.files(__package__).joinpath("headline_weights.json").read_text("utf-8")
    )
    if tuple(data["features"]) != FEATURES or len(data["weights"]) != len(FEATURES):
        raise RuntimeError("headline_weights.json does not match the scorer's features: refit it")
    return float(data["bias"]), tuple(float(weight) for weight in data["weights"])


# A clock time ("2:02pm", "15:25"; not "6.01"), or a day of a month in words ("July 24",
# "17 juillet"): a post's timestamp, a dateline. A date in figures is left out: a column's
# title may be named by its day ("Opening Bell 11.18.19").
CLOCK_TIME = regex.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?!\d)")
DATED = regex.compile(
    rf"{CLOCK_TIME.pattern}|\b(?:{MONTHS})\.?\s+\d{{1,2}}(?!\d)|(?<!\d)\d{{1,2}}\.?\s+(?:{MONTHS})\b"
)
# Words that a title does not end on: it goes on below ("IN ASSOCIATION WITH", "Follow me on").
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for with by from and or but as into about than via
    de du des la le les et avec par pour sur dans à au aux ou
    der die das den dem und mit von für auf im zu oder
    el los las del con por para en y al
    il lo gli della di da per e
    o os as do dos das com em ou
    van het een en met voor op te""".split()
)
PARTICLE_GAP = len(" der ")  # the most between a name's particle and its capital ("von der L")


def opens_lowercase(text: str) -> bool:
    """The line's first word is in lower case: a list of tags, a credit, a sentence's tail (a
    brand's name, "iPad", "eBay", has a capital inside; a name's particle, "de Blasio", "von
    der Leyen", a capital after it)."""
    words = _WORD.finditer(text)
    first = next(words, None)
    if first is None or not first.group()[0].islower() or not first.group().islower():
        return False  # "iPad", "200m"
    capital = next((w for w in words if w.group()[0].isupper()), None)
    return capital is None or capital.start() - first.end() > PARTICLE_GAP


def ends_open(text: str) -> bool:
    """The line ends on a function word or a colon: a label that introduces what follows."""
    tail = text.rstrip()
    if tail.endswith((":", "：")):
        return True
    words = _WORD.findall(tail.casefold())
    return bool(words) and tail[-1].isalpha() and words[-1] in FUNCTION_WORDS


PLAIN_TITLE_WORDS = 3  # a section's name or a kicker is shorter ('World', 'Hong Kong')


def first_plain_title(doc: Document, shaped: Sequence[int]) -> int | None:
    """Of title-shaped lines, the first with three words or more that is no breadcrumb or
    meta line ("Home » News", "Mary · Quickies · 7 Comments"): section names and kickers are
    shorter, and deks and teasers come after the headline. A line with a capital beats one
    with none (a list of tags), a line that is no list of tags one that is, one sentence beats two (a notice), a title beats a label that
    leads on to what follows ("IN ASSOCIATION WITH", a sponsor's line), and a line without a
    clock time one with it (a post's timestamp, "July 17th, 2:02pm 0 comments")."""
    plain = [
        i
        for i in shaped
        if doc.stats(i).words >= PLAIN_TITLE_WORDS and not meta_line(doc.blocks[i].text)
    ]
    plain = [i for i in plain if not doc.blocks[i].text.islower()] or plain
    plain = [i for i in plain if not tag_list(doc.blocks[i].text)] or plain
    plain = [i for i in plain if not TWO_SENTENCES.search(doc.blocks[i].text)] or plain
    plain = [i for i in plain if not ends_open(doc.blocks[i].text)] or plain
    plain = [i for i in plain if not CLOCK_TIME.search(doc.blocks[i].text)] or plain
    return plain[0] if plain else None


def candidates(doc: Document, start: int, grouped: frozenset[int]) -> list[int]:
    """Lines above the story (block `start`) that no rule has claimed and that may be a title:
    not a paragraph, a link or a table's row; the text's first line and the nearest lines to
    the story."""
    return [
        b.index
        for b in doc.blocks[:start]
        if (b.index == 0 or b.index >= start - NEAREST_LINES)
        and doc.label(b.index) is None
        and b.index not in grouped
        and 1 <= doc.stats(b.index).words <= CANDIDATE_WORDS
        and not doc.stats(b.index).has_link
        and not table_row(b.text)
    ]


def _words(text: str) -> list[str]:
    return list(_WORD.findall(text.casefold()))


def _story_words(doc: Document, start: int) -> frozenset[str]:
    """The longer words of the story's opening, where a headline's words come back."""
    opening = " ".join(
        block.text
        for block in doc.blocks[start : start + STORY_BLOCKS]
        if doc.label(block.index) in (None, Label.BODY)
    )
    return frozenset(w for w in _words(opening) if len(w) >= STORY_WORD)


def _shared(words: list[str], story: frozenset[str]) -> int:
    """How many of a line's longer words the story's opening uses too."""
    return sum(len(w) >= STORY_WORD and w in story for w in words)


def shares_story_words(doc: Document, index: int, start: int) -> bool:
    """Whether block `index` shares a longer word with the opening of the story at `start`."""
    return _shared(_words(doc.blocks[index].text), _story_words(doc, start)) > 0


def candidate_rows(
    doc: Document, start: int, grouped: frozenset[int]
) -> list[tuple[int, tuple[float, ...]]]:
    """Each candidate line with its features, in the order of FEATURES."""
    chosen = candidates(doc, start, grouped)
    if not chosen:
        return []
    story = _story_words(doc, start)
    first_line = f" {' '.join(_words(doc.blocks[0].text))} "
    shaped = [i for i in chosen if reads_as_title(doc.blocks[i].text, doc.stats(i))]
    first_plain = first_plain_title(doc, shaped)
    rows: list[tuple[int, tuple[float, ...]]] = []
    for index in chosen:
        text = doc.blocks[index].text
        words = _words(text)
        folded = " ".join(words)
        in_first_line = f" {folded} " in first_line  # whole words of the <title> line
        below = (index + 1, index + 2)
        rows.append(
            (
                index,
                (
                    math.log1p(start - index - 1),
                    float(index == 0),
                    float(any(i < len(doc) and doc.label(i) is Label.BYLINE for i in below)),
                    float(index in shaped),
                    float(meta_line(text) or tag_list(text)),
                    float(doc.stats(index).words <= 2),
                    math.log1p(_shared(words, story)),
                    float(bool(shaped) and shaped[-1] == index),
                    float(first_plain == index),
                    float(index > 0 and len(folded) >= IN_TITLE_CHARS and in_first_line),
                    float(index + 1 < len(doc) and doc.stats(index + 1).prose),
                    float(bool(DATED.search(text))),
                    float(opens_lowercase(text)),
                    float(ends_open(text)),
                ),
            )
        )
    return rows


def score(row: Sequence[float]) -> float:
    """The model's score of a candidate's features: the higher, the likelier its headline."""
    bias, weights = _weights()
    return bias + float(sum(map(operator.mul, weights, row)))


BYLINE_NEAR = 2  # lines from a title down to its byline (a dek between them)
OWN_BYLINE = 5  # lines between a text's first line and a byline that makes it the story's title
BYLINE_OVER_STORY = 3  # lines at most between a byline and the story it signs (a photo, a dek)


def _key(text: str) -> str:
    return " ".join(_words(text))


def _opens_with_name(text: str) -> bool:
    """Whether the line opens with a person's name of two words or more ("Gary Younge in
    Sarasota, Florida"): over a dateline that names no one, its writer."""
    names = line_names(text).names
    return bool(names) and text.startswith(names[0]) and len(names[0].split()) >= 2


def _story_byline(doc: Document, start: int) -> int | None:
    """The first line of the run of bylines right above the story (block `start`): the story's
    byline and its date. Further up, a byline is a teaser's or a masthead's date (a story with
    none of its own)."""
    above = range(start - 1, max(-1, start - 2 - BYLINE_OVER_STORY), -1)
    byline = next((i for i in above if doc.label(i) is Label.BYLINE), None)
    while byline is not None and byline > 0 and doc.label(byline - 1) is Label.BYLINE:
        byline -= 1
    return byline


def _site_furniture_under_first_line(doc: Document, end: int) -> int | None:
    """The first line of the site's furniture (a skip link, "Home", a cookie notice) under the
    text's first line and above block `end`: where a whole page's text shows its menus. An
    article's region has none (an article's own tools, "Listen to article", are no sign)."""
    return next(
        (
            i
            for i in range(1, end)
            if doc.label(i) is Label.NOISE and SITE_FURNITURE.match(doc.blocks[i].text)
        ),
        None,
    )


def title_by_byline(
    doc: Document, start: int, rows: Sequence[tuple[int, tuple[float, ...]]]
) -> int | None:
    """Where the ranking's first (`rows`) is the text's first line, the best-ranked title by
    the story's byline, if the site's furniture (a skip link, "Home") stands under the first
    line, the byline stands more than a few lines under it and above the story (block
    `start`), and no other line of the page says the first line's words. The first line is
    then a whole page's <title> that names the story in words of its own (for search engines:
    "IFC Films Picks Up Mickey Rourke Thriller" over "Mickey Rourke And Kellen Lutz Are Finally
    Together" and its byline), or the headline with its site's name glued on ("Honda Jazz S -
    RM99,800 ! SiMon Har_"), or a menu's entry. An article's region (no furniture) opens with
    its headline; a page that shows its first line again has it as <title> and as heading.

    The title stands under the furniture, one or two lines over the byline or right under a
    date that names no one (a blog's date over its post's title; under a writer's name stands
    an author's card); it is title-shaped or held whole by the first line (a dek is a
    sentence), of three words or more (a kicker, "Bottom Line", is shorter), shares a longer
    word with the story or is held by the first line, stands over no photo's credit (it is
    that photo's caption), and is no writer's name over a dateline ("Gary Younge in Sarasota,
    Florida"). The byline stands right above the story (`_story_byline`): a story with no byline
    of its own keeps the ranking's choice."""
    byline = _story_byline(doc, start)
    if byline is None or byline <= OWN_BYLINE:
        return None
    first = f" {_key(doc.blocks[0].text)} "
    if any(first in f" {_key(block.text)} " for block in doc.blocks[1:]):
        return None
    top = _site_furniture_under_first_line(doc, byline)
    if top is None:  # no site furniture under the first line: an article's region, not a page
        return None
    dated = not line_names(doc.blocks[byline].text).names  # a date or dateline alone
    shape, held = FEATURES.index("title_shape"), FEATURES.index("in_first_line")
    shared = FEATURES.index("shared_words")
    near = [
        row
        for row in rows
        if row[0] > top
        and (byline - BYLINE_NEAR <= row[0] < byline or (row[0] == byline + 1 and dated))
        and (row[1][shape] or row[1][held])
        and (row[1][shared] or row[1][held])
        and doc.stats(row[0]).words >= PLAIN_TITLE_WORDS
        and doc.label(row[0] + 1) is not Label.CAPTION  # a candidate stands above the story
        and not (row[0] == byline - 1 and dated and _opens_with_name(doc.blocks[row[0]].text))
    ]
    if not near:
        return None
    return max(near, key=lambda row: (score(row[1]), row[0]))[0]


def best_candidate(doc: Document, start: int, grouped: frozenset[int]) -> int | None:
    """The candidate line the model ranks first (on a tie, the one nearer the story), of those
    that are no breadcrumb or meta line if there are any, and of those that do not open with a
    word in lower case if there are any: next to the story, a breadcrumb ("Full list of
    categories: A » B » C") scores well on its place and its words, and so does a list of tags
    ("squee sloths Aviarios Del Caribe the cute show") as the text's first line. Above a
    story, the text's first line gives way to a title by the story's byline
    (`title_by_byline`)."""
    rows = candidate_rows(doc, start, grouped)
    for feature in ("meta_shape", "opens_lowercase"):
        column = FEATURES.index(feature)
        rows = [row for row in rows if not row[1][column]] or rows
    if not rows:
        return None
    best = max(rows, key=lambda row: (score(row[1]), row[0]))[0]
    if best == 0 and start < len(doc):
        below = title_by_byline(doc, start, rows)
        if below is not None:
            return below
    return best
