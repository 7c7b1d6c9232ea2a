"""Layout rules: decisions that depend on where a block sits relative to the story.

They run after the markers, in this order: the name after a lone "By", the headline, names
next to it, lines the page repeats, captions known by their place next to a credit (found by
`caption_places.py`), then everything before the story (noise) and after it (trailer). The
headline is chosen before repeated lines are removed, because pages repeat their headline.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..byline import line_names
from ..document import Document
from ..features import reads_as_title, table_row
from ..model import Block, Hint, Label
from ..rules import Example, FunctionRule, RuleSet, Scope, Stage
from . import tags as tag
from .anchors import (
    blog_title,
    extracted_region,
    part_lines,
    shows_story_of,
    title_among_words,
    title_key,
    title_lines,
    titled_page,
)
from .caption_places import (
    CLOSERS,
    NAME_CONNECTORS,
    SOURCE_LINE,
    positional_captions,
    positional_rule,
)
from .captions import credit_alone
from .headline_score import (
    CLOCK_TIME,
    FUNCTION_WORDS,
    best_candidate,
    first_plain_title,
    menu_line,
    meta_line,
    shares_story_words,
)
from .story import (
    STORY_UNDER_PART,
    STORY_UNDER_TITLE,
    block_scores,
    cut_off_paragraph,
    item_number,
    story_span,
)

_SLUG_WORD = re.compile(r"[^\W_]+")


def _span(doc: Document) -> tuple[int, int] | None:
    return doc.memo(story_span)


SLUG_WORDS = 3  # words a URL's slug needs to name its story ('/2024/01/news/' names none)
SLUG_SHARED = 2  # words a title must share with the slug: one is chance ('china')
SLUG_SHARE = 0.5  # of the shorter one's words: a title that matches the slug, not one it touches


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
    return best if len(best) >= SLUG_WORDS else set()


TITLE_ABOVE_WORDS = 15  # the longest line right above the story taken for its title, any shape


def choose_headline(doc: Document) -> tuple[int, str] | None:
    """The headline's block and why: it matches the URL's slug, or it shows the page's <title>
    again, or, among the lines above the story, it is the one the headline scorer ranks first
    (plain text) or the first plain title (`first_plain_title`, a page's text). In plain text
    with no title-shaped line above the story, the line right above the story and its byline,
    whatever its shape."""
    if any(doc.label(b.index) is Label.HEADLINE for b in doc.blocks):
        return None
    span = _span(doc)  # after that check: once a headline is taken, no span is found for it
    # A line inside a paragraph of several lines (a stanza, a wrapped paragraph) is no title.
    grouped = doc.memo(_grouped_lines, text_only=True)
    plain = all(b.hint is None for b in doc.blocks)
    if span is None:  # no prose: a photo or video post, whose title sits by its byline or date
        ranked = best_candidate(doc, len(doc), grouped) if plain else None
        if ranked is None or not _next_to_byline(doc, ranked):
            return None
        return ranked, "shape"
    candidates = [
        b
        for b in doc.blocks[: span[0]]
        if doc.label(b.index) is None
        and b.index not in grouped
        and reads_as_title(b.text, doc.stats(b.index))
        and not _under_credit_label(doc, b.index)
    ]
    if not candidates:
        # On a page, the markup had its say on the headline (HTM001); in text, position has.
        if plain and span[0] == 0 and _opening_title(doc, grouped):
            return 0, "shape"
        above = _line_above_story(doc, span[0]) if plain else None
        return None if above is None else (above, "shape")
    slug = _slug_words(doc.url)
    if slug:
        scored = [(_overlap(b.text, slug), b) for b in candidates]
        matching = [(shared, -b.index, b) for (shared, ratio), b in scored if ratio >= SLUG_SHARE]
        if matching:
            return _slug_headline(matching).index, "slug"
    if titled_page(doc) and not _writer_under_first_line(doc):
        # A menu that repeats the text's first line ("Advertise | AdChoices") is no title.
        titled = [
            i
            for i in title_lines(doc)
            if span[0] - STORY_UNDER_TITLE <= i < span[0]
            and not menu_line(doc.blocks[i].text)
        ]
        parts = [i for i in part_lines(doc) if span[0] - STORY_UNDER_PART <= i < span[0]]
        shown = _title_shown_again(doc, titled, parts, _post_title_in_span(doc, span, grouped))
        if shown is not None:
            return shown, "title"
    if plain:  # the learned ranking; on a page, the first plain title
        ranked = best_candidate(doc, span[0], grouped)
        if ranked is not None:
            ranked = _story_part_below(doc, ranked, candidates, span[0])
        return None if ranked is None else (ranked, "shape")
    shaped = first_plain_title(doc, [b.index for b in candidates])
    if shaped is not None:
        return shaped, "shape"
    # A short title of one or two words ("Catharsis", "Pickled Peaches") where the text opens
    # with it and no longer one stands above the story.
    first = candidates[0]
    if first.index == 0 and not meta_line(first.text):
        return first.index, "shape"
    return None


def _post_title_in_span(
    doc: Document, span: tuple[int, int], grouped: frozenset[int]
) -> list[int]:
    """The lines a few blocks under the story's first (`span`) that show the page's <title>
    or one part of it, next to a date, with the story's prose right under them:
    a blog's post title, where the story found starts at the blog's description under its
    masthead, over the post's date and title ("Blog Name" / "Every day I ..." / "Tuesday,
    October 23, 2012" / "Post Title" / the post). A line of a paragraph of several lines, a
    caption or a quotation that repeats the title has no date next to it. Not a line that
    holds the title among words of its own ("Re: Post Title", "Comments on Post Title"), nor
    one that repeats a line shown above the story: a comment thread's heading under a short
    post and its sign-off."""
    last = span[0] + STORY_UNDER_PART
    scores = block_scores(doc)
    titled = frozenset(title_lines(doc))
    shown = (*titled, *part_lines(doc))
    above = {title_key(doc.blocks[i].text) for i in shown if i < span[0]}
    return [
        i
        for i in shown
        if span[0] < i <= last
        and i not in grouped
        and not (i in titled and title_among_words(doc, i))
        and title_key(doc.blocks[i].text) not in above
        and any(_date_line(doc, j) for j in (i - 1, i + 1))
        and any(scores[j] > 0 for j in range(i + 1, min(len(doc), i + 1 + STORY_UNDER_PART)))
    ]


def _date_line(doc: Document, index: int) -> bool:
    """A byline that names no one: a post's date. (A sign-off, "Posted by Jane Doe", stands
    under a post, and the line under it opens the thread.)"""
    return (
        0 <= index < len(doc)
        and doc.label(index) is Label.BYLINE
        and not line_names(doc.blocks[index].text).names
    )


def _title_shown_again(
    doc: Document, titled: list[int], parts: list[int], in_span: list[int]
) -> int | None:
    """Of the lines above the story that show the page's <title> (`titled`, as `title_lines`
    knows it) or one part of it alone (`parts`), the headline.

    `title_lines` knows the story's part as the title's longest. A blog's "Name: Post" title
    (`blog_title`) does not say which part is the post's: the blog's name is as long, and its
    masthead shows it again. There the line nearest the story is the headline: the blog's name
    heads the page above its menus, the post's title heads the post. Not so for "Story | Site"
    of even parts ("Wildfire Forces Evacuations - Los Angeles Times"): a publisher's line
    under the byline, or a section or author named in the title, stands nearer the story than
    its headline. A line that shows it a few blocks into the story, next to a date
    (`in_span`, `_post_title_in_span`), comes first: the story found starts above its headline.
    """
    if in_span and doc.label(in_span[-1]) is None:
        return in_span[-1]
    if blog_title(doc.blocks[0].text):
        nearest = max(titled[-1:] + parts[-1:], default=None)
        if nearest is not None and doc.label(nearest) is None:
            return nearest
    if titled and doc.label(titled[-1]) is None:
        return titled[-1]
    if parts and doc.label(parts[-1]) is None:
        return parts[-1]
    return None


def _story_part_below(doc: Document, index: int, candidates: list[Block], start: int) -> int:
    """The last line under block `index` that shows its story alone, where `index` is a page's
    <title> shown in the text, "Story | Site": the headline, set near the story."""
    below = [
        b.index
        for b in candidates
        if b.index > index
        and doc.stats(b.index).words >= STORY_PART_WORDS
        and shows_story_of(b.text, doc.blocks[index].text)
    ]
    # A site's name longer than the story's title is shown alone too (a masthead, a byline's
    # publisher): the story's own title has its byline under it and shares words with the story.
    if below and _byline_under(doc, below[-1]) and shares_story_words(doc, below[-1], start):
        return below[-1]
    return index


def _byline_under(doc: Document, index: int) -> bool:
    return any(i < len(doc) and doc.label(i) is Label.BYLINE for i in (index + 1, index + 2))


STORY_PART_WORDS = 3  # a shorter line may show a part by chance ("Latest News")


def _under_credit_label(doc: Document, index: int) -> bool:
    """Whether a credit's label alone ("Photo:") stands right above block `index`: the name
    under it is the picture's credit (CAP102), not a title."""
    above = doc.decision(index - 1) if index > 0 else None
    return above is not None and above.rule in doc.rules_tagged(tag.CREDIT_LABEL)


def _writer_under_first_line(doc: Document) -> bool:
    """Whether the line under the text's first names its writer: then the first line may be
    the post's own headline ("The Future of Rust: Live this Friday" over "2012-10-29 by Jane
    Doe"), not a whole page's <title> "Post: Site", which menus follow (or a blog's date
    alone), so no line below is looked for as that title shown again; the ranking chooses."""
    return (
        len(doc) > 1
        and doc.label(1) is Label.BYLINE
        and bool(line_names(doc.blocks[1].text).names)
    )


OPENING_TITLE_LOWERCASE = 0.5  # share of lower-case words under which an opening line is a title


def _opening_title(doc: Document, grouped: frozenset[int]) -> bool:
    """Whether the text opens with its title though the story starts there: a line of its own
    in a title's shape and case (most words capitalised; "Quiet Lake + Canoe = Perfect!"
    ends as a sentence would, and so reads as prose), over a longer paragraph. Not an item of
    a numbered list that goes on below ("1. Lisbon, Portugal", then "2. Kraków"): a list
    article's body, cleaned again, opens with it."""
    if len(doc) < 2 or 0 in grouped or _opens_numbered_list(doc):
        return False
    stats, below = doc.stats(0), doc.stats(1)
    return (
        reads_as_title(doc.blocks[0].text, stats)
        and stats.lowercase < OPENING_TITLE_LOWERCASE
        and below.prose
        and below.words > stats.words
    )


def _opens_numbered_list(doc: Document) -> bool:
    """Whether the text's first line is an item of a numbered list: the next line that opens
    with a number is the next item, a line of its own ("6. Lisbon", then "7. Kraków"), not a
    paragraph that opens with one ("2. Bundesliga side Hamburg had tried ...")."""
    first = item_number(doc.blocks[0].text)
    if first is None:
        return False
    following = next((b for b in doc.blocks[1:] if item_number(b.text) is not None), None)
    return (
        following is not None
        and item_number(following.text) == first + 1
        and not doc.stats(following.index).prose
    )


def _next_to_byline(doc: Document, index: int) -> bool:
    """Whether a byline or dateline is within two lines of block `index`, or a post's
    timestamp right under it, with nothing of the post above it. (A text cleaned again has no
    byline: the body of a post with no prose keeps its lines.)"""
    near = range(max(0, index - 2), min(len(doc), index + 3))
    if not any(doc.label(i) is Label.BYLINE for i in near) and not _timestamp_below(doc, index):
        return False
    # Above the line, only what a rule took (a date, a menu): with a byline in the post's
    # footer, the post's last line is no headline.
    return all(doc.label(i) is not None for i in range(index))


def _timestamp_below(doc: Document, index: int) -> bool:
    """Whether the line under block `index` holds a clock time and it holds none: a post's
    timestamp ("images — thebrainbehind @ 15:34") under its title. The timestamp stays in the
    body, which, cleaned again, opens with it: a line with a clock time is no title, so the
    body keeps its lines."""
    return (
        index + 1 < len(doc)
        and doc.label(index + 1) is None
        and bool(CLOCK_TIME.search(doc.blocks[index + 1].text))
        and not CLOCK_TIME.search(doc.blocks[index].text)
    )


def _grouped_lines(doc: Document) -> frozenset[int]:
    """Blocks that share their group (lines of one paragraph, no blank line between them)."""
    sizes: dict[int, int] = {}
    for block in doc.blocks:
        sizes[block.group] = sizes.get(block.group, 0) + 1
    return frozenset(b.index for b in doc.blocks if sizes[b.group] > 1)


def _line_above_story(doc: Document, start: int) -> int | None:
    """The line right above the story and what stands between a title and its story (its
    bylines and dates, a lead photo's caption and credit, its tags on a line), if it may be a
    title of any shape ("Shuteye", "We're back. Sort of.", "The week: July 20, 2012")."""
    tags_lines = doc.rules_tagged(tag.TAGS_HEADING)
    index = start - 1
    while index >= 0 and _between_title_and_story(doc, index, tags_lines):
        index -= 1
    if index < 0 or doc.label(index) is not None:
        return None
    if _under_credit_label(doc, index):
        return None
    stats = doc.stats(index)
    text = doc.blocks[index].text
    if stats.words > TITLE_ABOVE_WORDS or stats.has_link or stats.introduces or table_row(text):
        return None
    if stats.ellipsis and stats.words <= CONTROL_WORDS and any(
        (decision := doc.decision(i)) is not None and decision.rule in tags_lines
        for i in range(index + 1, start)
    ):
        return None  # "Read more…" over tags ends the post above, where a blog lists posts
    return None if meta_line(text) else index


CONTROL_WORDS = 3  # a line cut off with no more words is a control ("Continue reading…")


def _between_title_and_story(doc: Document, index: int, tags_lines: frozenset[str]) -> bool:
    decision = doc.decision(index)
    if decision is None:  # a caption known by its place next to a credit
        return index in doc.memo(positional_captions)
    if decision.label is Label.CAPTION and credit_alone(
        doc.blocks[index].text, decision.rule, doc
    ):
        # A credit is passed with its caption next to it; the line over a credit alone is the
        # picture's caption or the story's title, and CAP101 would make the story's first
        # paragraph the caption under a title so found.
        return any(
            0 <= other < len(doc) and _caption_line(doc, other) for other in (index - 1, index + 1)
        )
    return decision.label in (Label.BYLINE, Label.CAPTION) or decision.rule in tags_lines


def _caption_line(doc: Document, index: int) -> bool:
    """A caption of a picture's own words, not a credit alone."""
    decision = doc.decision(index)
    if decision is None:
        return index in doc.memo(positional_captions)
    return decision.label is Label.CAPTION and not credit_alone(
        doc.blocks[index].text, decision.rule, doc
    )


def _overlap(text: str, slug: set[str]) -> tuple[int, float]:
    """Words shared by title and slug, and their share of the shorter (0 under `SLUG_SHARED`)."""
    words = {w.lower() for w in _SLUG_WORD.findall(text)}
    shared = len(words & slug)
    return shared, (shared / min(len(words), len(slug)) if shared >= SLUG_SHARED else 0.0)


def _slug_headline(matching: list[tuple[int, int, Block]]) -> Block:
    """Of the lines that match the slug (`(shared words, -index, line)`), the headline: the
    first with the most of the slug's words, unless another line as good shows it whole inside
    itself (the page's <title> "River Notes: Bridge Vote Tonight", a breadcrumb "Home News
    <headline>" over the headline itself). A dek, a caption or a shorter teaser with the same
    words is no part of the headline: a slug drops the short words a headline has."""
    best = max(matching)
    in_order = sorted(matching, key=lambda m: -m[1])  # -(-index): the page's order
    tied = [line for shared, _, line in in_order if shared == best[0]]
    inside = [
        line
        for line in tied
        if any(_shown_inside(line.text, other.text) for other in tied if other is not line)
    ]
    return inside[0] if inside else best[2]


def _shown_inside(inner: str, outer: str) -> bool:
    """Whether line `inner` is shown whole, word for word, inside the longer line `outer`
    (its leading article may be left out there: "The Doobie Brothers ..." in "Doobie Brothers
    ... - Rolling Stone")."""
    words, around = _SLUG_WORD.findall(inner.casefold()), _SLUG_WORD.findall(outer.casefold())
    if not words or len(words) >= len(around):
        return False
    padded = f" {' '.join(around)} "
    runs = [words, words[1:]] if len(words) > 1 and words[0] in FUNCTION_WORDS else [words]
    return any(f" {' '.join(run)} " in padded for run in runs)


def headline_by_slug(block: Block, doc: Document) -> bool:
    """The block before the story whose words match the words of the URL's path."""
    return doc.memo(choose_headline) == (block.index, "slug")


def headline_by_shape(block: Block, doc: Document) -> bool:
    """The line above the story that the headline scorer ranks first (plain text; see
    `headline_score.py`), or the first plain title above the story (a page's text)."""
    return doc.memo(choose_headline) == (block.index, "shape")


def headline_by_title(block: Block, doc: Document) -> bool:
    """On a whole page's text, the line above the story that shows the page's <title> again."""
    return doc.memo(choose_headline) == (block.index, "title")


NAME_AFTER_BY_WORDS = 8  # the longest name under a lone 'By': a few names, not a sentence


def name_after_by(block: Block, doc: Document) -> bool:
    """A short line right after a lone 'By': the author's name."""
    if block.index == 0:
        return False
    previous = doc.decision(block.index - 1)
    return (
        previous is not None
        and previous.rule in doc.rules_tagged(tag.LONE_BY)
        and doc.stats(block.index).words <= NAME_AFTER_BY_WORDS
    )


NAMES_MIN_WORDS = 2  # a first name and a last one: a single word is a kicker or a section
NAMES_MAX_WORDS = 6  # two writers' full names; a longer line of capitals is a title


def names_near_byline(block: Block, doc: Document) -> bool:
    """A short line of capitalised names below the headline or a byline, or above a dateline,
    above the story.

    Above the headline such a line is a kicker ("Hong Kong"), not an author.
    """
    if block.index == 0:
        return False
    stats = doc.stats(block.index)
    if (
        not NAMES_MIN_WORDS <= stats.words <= NAMES_MAX_WORDS
        or stats.has_link
        or any(c.isdigit() for c in block.text)
        or table_row(block.text)
    ):
        return False
    above = doc.decision(block.index - 1)
    # Under a wire story's dateline ("WASHINGTON (AP) —"), a line is the story's, not its writer.
    after_head = (
        above is not None
        and above.label in (Label.BYLINE, Label.HEADLINE)
        and above.rule not in doc.rules_tagged(tag.PLACE_LINE)
    )
    below = doc.decision(block.index + 1) if block.index + 1 < len(doc) else None
    # Above a dateline or a handle, a name is its writer's; above a "By ..." line, which names
    # the writer itself, a line of capitalised words is a title or a kicker.
    before_byline = (
        below is not None
        and below.label is Label.BYLINE
        and below.rule in doc.rules_tagged(tag.DATELINE)
    )
    if not (after_head or before_byline):
        return False
    words = [w for w in re.split(r"[\s,]+", block.text) if w]
    if not all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words):
        return False
    span = _span(doc)  # last: found again after each round, so asked for only when needed
    return span is not None and block.index < span[0]


_PROFILE_LINK = re.compile(
    r"^(?:view|see|read|visit|full|more)\s+(?:(?:full|author(?:'s)?)\s+)?"
    r"(?:profile|bio(?:graphy)?|all\s+(?:posts|articles|stories)\b.*|(?:articles|posts|stories)\b.*)$",
    re.I,
)


CARD_NAME_WORDS = 4  # the longest name on an author's card: one writer's, middle names and all


def name_above_profile_link(block: Block, doc: Document) -> bool:
    """An author's card above the story: a short line of capitalised names, and under it a
    link to the writer's page ("View Profile", "More articles by ...", "Full bio")."""
    if block.index + 1 >= len(doc) or not _PROFILE_LINK.match(doc.blocks[block.index + 1].text):
        return False
    span = _span(doc)  # after the link: the span is found for few blocks
    if span is None or block.index >= span[0]:
        return False
    stats = doc.stats(block.index)
    if not NAMES_MIN_WORDS <= stats.words <= CARD_NAME_WORDS or any(map(str.isdigit, block.text)):
        return False
    words = [w for w in re.split(r"[\s,]+", block.text) if w]
    return all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words)


def _line_places(doc: Document) -> dict[str, list[int]]:
    places: dict[str, list[int]] = {}
    for block in doc.blocks:
        places.setdefault(block.text.casefold(), []).append(block.index)
    return places


REPEATED_LONG = 3  # times a longer line must repeat: the same photo credit under every picture
REPEATED_LABEL = 3  # times a short line repeats inside the story: a question, a column's label
REPEATED_SHORT_WORDS = 15  # the longest line a second copy marks: a menu entry, a teaser title


def repeated_line(block: Block, doc: Document) -> bool:
    """A short line the page repeats, or a longer one it repeats three times: a menu entry, a
    teaser title shown twice, the same caption under every photo.

    Story paragraphs do not repeat; a pull quote that does is left to the story's own count.
    A list item written with a bullet, or an HTML table row, is let be: what repeats there is
    the story's own (product features, a schedule's columns); menus seldom have bullets. So is
    a short line repeated three times or more, every time between the story's paragraphs: an
    interviewer's question, a day's label in a meal plan.
    """
    stats = doc.stats(block.index)
    if stats.prose or stats.bullet or block.hint == Hint.TABLE:
        return False
    places = doc.memo(_line_places, text_only=True)[block.text.casefold()]
    if len(places) >= REPEATED_LABEL and stats.words <= REPEATED_SHORT_WORDS:
        span = _span(doc)
        if span is not None and all(span[0] < i < span[1] for i in places):
            return False
    count = len(places)
    return count > 1 and (stats.words <= REPEATED_SHORT_WORDS or count >= REPEATED_LONG)


PARAGRAPH_WORDS = 20  # a heading or a question shown again in a list of contents is shorter


def repeated_paragraph(block: Block, doc: Document) -> bool:
    """A paragraph the page shows again with the paragraph next to it: the later copy of a
    story printed twice (a page and its print version). The first copy stays the story's. A
    paragraph that comes back alone, or more than twice, is the story's own: a refrain, a meal
    plan's days."""
    if not _long_paragraph(doc, block.index):
        return False
    places = doc.memo(_line_places, text_only=True)
    first = _earlier_copy(doc, places, block.index)
    if first is None:
        return False
    span = _span(doc)
    # A teaser above the story that repeats its lead is not the story's first copy.
    if span is None or first < span[0]:
        return False
    return any(
        0 <= block.index + step < len(doc)
        and _long_paragraph(doc, block.index + step)
        and _earlier_copy(doc, places, block.index + step) == first + step
        for step in (-1, 1)
    )


def _long_paragraph(doc: Document, index: int) -> bool:
    """A paragraph of prose, or one cut off with an ellipsis (a paywall's excerpt of the
    story's last paragraph, printed twice as the rest of the story is)."""
    stats = doc.stats(index)
    return stats.words >= PARAGRAPH_WORDS and (stats.prose or cut_off_paragraph(doc, index))


def _earlier_copy(doc: Document, places: dict[str, list[int]], index: int) -> int | None:
    """Where block `index` was shown first, if it is the second of exactly two copies."""
    copies = places[doc.blocks[index].text.casefold()]
    return copies[0] if len(copies) == 2 and copies[1] == index else None


RELATED_BOX_MAX = 12  # links a related-links heading can head
RELATED_TITLE_WORDS = 15  # the longest a linked title runs


def _lines_under(doc: Document, heading_tag: str) -> frozenset[int]:
    """The blocks under a heading a rule tagged `heading_tag` took, at most a box's length
    under it, with no prose or other decided block between them: one pass over the document,
    for the labels of one round (asked block by block, each looked back up to a box's length)."""
    headings = doc.rules_tagged(heading_tag)
    found = []
    stop, after_heading = -RELATED_BOX_MAX - 1, False  # the last decided block or paragraph
    for index, decision in enumerate(doc.decisions):
        paragraph = _paragraph(doc, index)
        if not paragraph and after_heading and index - stop <= RELATED_BOX_MAX:
            found.append(index)
        if decision is not None:
            stop, after_heading = index, decision.rule in headings
        elif paragraph:
            stop, after_heading = index, False
    return frozenset(found)


def _under_related(doc: Document) -> frozenset[int]:
    return _lines_under(doc, tag.RELATED_HEADING)


def _under_tags(doc: Document) -> frozenset[int]:
    return _lines_under(doc, tag.TAGS_HEADING)


def _paragraph(doc: Document, index: int) -> bool:
    """Prose, unless it is as short as a title and ends in '!' or '?' as teasers do."""
    stats = doc.stats(index)
    if not stats.prose:
        return False
    return stats.words > RELATED_TITLE_WORDS or doc.blocks[index].text.rstrip(CLOSERS)[-1:] == "."


def under_related_heading(block: Block, doc: Document) -> bool:
    """A link under a 'Related', 'More from' or 'Most popular' heading, up to the next paragraph
    of prose (a box of picks inside the story, where its heading could not open the trailer)."""
    return block.index in doc.memo(_under_related)


def under_tags_heading(block: Block, doc: Document) -> bool:
    """The tags under a 'Tags' or 'Filed under' heading below the start of the story (a tag
    cloud above it is page furniture, left to the story region)."""
    if block.index not in doc.memo(_under_tags):  # first: the span is found for few blocks
        return False
    span = _span(doc)
    return span is None or block.index > span[0]




LEAD_WORDS = 20  # a paragraph this long above the story, in trafilatura's region, is the story's


def before_story(block: Block, doc: Document) -> bool:
    """Everything above the story that no rule claimed: kickers, section names, deks, menus.

    A caption known by its place (a lead photo's, above the byline) is left to its rule. So is
    a paragraph of prose that trafilatura kept above the story: pages put the story's lead or
    an update above its headline and byline more often than trafilatura keeps a stray one.
    """
    span = _span(doc)
    return (
        span is not None
        and block.index < span[0]
        and block.index not in doc.memo(positional_captions)
        and not _lead_above(doc, block.index)
    )


def _lead_above(doc: Document, index: int) -> bool:
    stats = doc.stats(index)
    return stats.prose and stats.words >= LEAD_WORDS and extracted_region(doc)


def after_story(block: Block, doc: Document) -> bool:
    """The first block after the story, past the captions of a last photo right under it:
    from here on, the page's trailer."""
    span = _span(doc)
    return (
        span is not None
        and block.index > span[1]
        and not (
            doc.label(block.index) is Label.CAPTION
            and not SOURCE_LINE.match(block.text)  # a story's source, not a picture's
        )
        and block.index not in doc.memo(positional_captions)
    )


# Examples: small documents, and the line of each a rule must label or leave.
_HEAD = "China and US start working group to combat fentanyl"
_P1 = (
    "Chinese and American officials held the first meeting of a working group that aims to curb "
    "the flow of illegal drugs to the U.S."
)
_P2 = (
    "The group will meet again in the spring, officials from both countries said on Tuesday, "
    "after two days of talks in Beijing."
)
_P3 = (
    "Both sides agreed to share more information about shipments of the chemicals, they said, and "
    "to meet every three months."
)
_P4 = (
    "The talks will go on, said the minister, who spoke to reporters at the airport on Wednesday "
    "before flying home."
)
_P5 = (
    "Officials in Washington said they were pleased with the progress, but warned that much work "
    "remained to be done."
)
_P6 = (
    "The meeting was the first since the two presidents met in California last year and agreed "
    "to resume the talks."
)
_PHOTO = "Protesters gather outside the parliament in Hong Kong"
_SHORT_CAPTION = "The square in summer."
_OPENING = "Quiet Lake + Canoe + Paddleboard = Perfect Day Out!"
_SLUG_URL = "https://example.com/2024/01/30/china-us-fentanyl-working-group/"
_LINKED = "Police find fentanyl in a school"


def _doc(*paragraphs: str) -> str:
    """A text of these paragraphs; a paragraph's lines are joined by newlines."""
    return "\n\n".join(paragraphs)


def _story(*middle: str) -> str:
    """The headline, the first paragraph, `middle`, and the rest of the story."""
    return _doc(_HEAD, _P1, *middle, _P2, _P3)


LAYOUT_RULES = RuleSet(
    "layout",
    [
        FunctionRule(
            "BYL100",
            Label.BYLINE,
            name_after_by,
            tags=(tag.WRITER_LINE,),
            needs=(tag.LONE_BY,),
            examples=(Example(_doc(_HEAD, "By\nTom Krisher", _P1, _P2), "Tom Krisher"),),
            counter_examples=(Example(_doc(_HEAD, "Tom Krisher", _P1, _P2), "Tom Krisher"),),
        ),
        FunctionRule(
            "HED001",
            Label.HEADLINE,
            headline_by_slug,
            examples=(Example(_doc("World", "Talks", _HEAD, _P1, _P2), _HEAD, _SLUG_URL),),
            counter_examples=(Example(_doc("World", "Talks", _HEAD, _P1, _P2), _HEAD),),
        ),
        FunctionRule(
            "HED002",
            Label.HEADLINE,
            headline_by_shape,
            examples=(
                Example(_doc(_HEAD, _P1, _P2), _HEAD),
                Example(_doc(_OPENING, _P1, _P2), _OPENING),  # a title ending as a sentence
            ),
            counter_examples=(
                Example(_doc(_HEAD, _P1, _P2), _P1),
                Example(_doc(_OPENING.capitalize(), _P1, _P2), _OPENING.capitalize()),
            ),
        ),
        FunctionRule(
            "HED003",
            Label.HEADLINE,
            headline_by_title,
            examples=(
                Example(_doc("Talks begin | Daily", "Home", "Talks begin", _P1), "Talks begin"),
            ),
            counter_examples=(
                Example(_doc("Talks begin", "Home", "Talks begin", _P1), "Talks begin"),
            ),
        ),
        FunctionRule(
            "BYL101",
            Label.BYLINE,
            names_near_byline,
            needs=(tag.DATELINE,),
            examples=(Example(_doc(_HEAD, "Jane Doe\nMay 6, 2013", _P1, _P2), "Jane Doe"),),
            counter_examples=(
                Example(_doc(_HEAD, "Jane Doe 2013\nMay 6, 2013", _P1, _P2), "Jane Doe 2013"),
            ),
        ),
        FunctionRule(
            "BYL102",
            Label.BYLINE,
            name_above_profile_link,
            tags=(tag.WRITER_LINE,),
            examples=(Example(_doc(_HEAD, "Opinion\nJane Doe\nView Profile", _P1), "Jane Doe"),),
            counter_examples=(
                Example(_doc(_HEAD, "Opinion\nJane Doe\nMay 6, 2013", _P1), "Jane Doe"),
            ),
        ),
        FunctionRule(
            "NOI100",
            Label.NOISE,
            repeated_line,
            examples=(Example(_doc(_HEAD, "Sports", _P1, _P2, _P3, "Sports"), "Sports"),),
            counter_examples=(  # a list's items repeat in a story
                Example(_doc(_HEAD, "• Sports", _P1, _P2, _P3, "• Sports"), "• Sports"),
            ),
        ),
        FunctionRule(
            "NOI102",
            Label.NOISE,
            repeated_paragraph,
            examples=(Example(_doc(_HEAD, _P1, _P2, _P3, _P1, _P2, _P4, _P5, _P6), _P2),),
            counter_examples=(  # a paragraph that comes back alone
                Example(_doc(_HEAD, _P1, _P2, _P3, _P1, _P4, _P5, _P6), _P1),
            ),
        ),
        FunctionRule(
            "NOI101",
            Label.NOISE,
            under_related_heading,
            needs=(tag.RELATED_HEADING,),
            examples=(
                Example(_story(f"Related Stories\n{_LINKED}"), _LINKED),
            ),
            counter_examples=(Example(_story(_LINKED), _LINKED),),
        ),
        FunctionRule(
            "TRL100",
            Label.TRAILER,
            under_tags_heading,
            needs=(tag.TAGS_HEADING,),
            examples=(Example(_doc(_HEAD, _P1, _P2, _P3, "Tags:\nChina\nFentanyl"), "Fentanyl"),),
            counter_examples=(  # a tag cloud above the story is left to the story's bounds
                Example(_doc("Tags:\nChina\nFentanyl", _HEAD, _P1, _P2, _P3), "Fentanyl"),
            ),
        ),
        FunctionRule(
            "STO001",
            Label.NOISE,
            before_story,
            tags=(tag.STORY_BOUND,),
            examples=(Example(_doc("Weather 72F", _HEAD, _P1, _P2, _P3), "Weather 72F"),),
            counter_examples=(Example(_doc("Weather 72F", _HEAD, _P1, _P2, _P3), _P2),),
        ),
        FunctionRule(
            "STO002",
            Label.TRAILER,
            after_story,
            scope=Scope.REST,
            tags=(tag.STORY_BOUND,),
            examples=(Example(_doc(_HEAD, _P1, _P2, _P3, "Jobs\nClassifieds\nContact"), "Jobs"),),
            counter_examples=(Example(_doc(_HEAD, _P1, _P2, _P3, "Jobs\nClassifieds"), _P3),),
        ),
        FunctionRule(
            "CAP102",
            Label.CAPTION,
            positional_rule("CAP102"),
            tags=(tag.POSITIONAL_CAPTION, tag.PHOTO_CREDIT, tag.CREDIT_BY_PLACE),
            needs=(tag.CREDIT_LABEL,),
            examples=(Example(_doc(_HEAD, "Фото:\nличный архив", _P1, _P2), "личный архив"),),
            counter_examples=(Example(_doc(_HEAD, "личный архив", _P1, _P2), "личный архив"),),
        ),
        FunctionRule(
            "CAP100",
            Label.CAPTION,
            positional_rule("CAP100"),
            tags=(tag.POSITIONAL_CAPTION,),
            examples=(
                Example(_story(f"{_PHOTO}\nSakib Ali/Getty Images"), _PHOTO),
                # A caption that ends a sentence, its credit, then a subheading: not the lead.
                Example(_story(f"{_P5}\nSakib Ali/Getty Images\nWhat happens next"), _P5),
            ),
            counter_examples=(
                Example(_story(_PHOTO), _PHOTO),
                # The story's lead above the credit, the picture's caption under it.
                Example(_doc(_HEAD, f"{_P4}\nPhoto: Sakib Ali\n{_PHOTO}", _P1, _P2), _P4),
            ),
        ),
        FunctionRule(
            "CAP101",
            Label.CAPTION,
            positional_rule("CAP101"),
            tags=(tag.POSITIONAL_CAPTION,),
            examples=(
                Example(_story(f"Sakib Ali/Getty Images\n{_PHOTO}"), _PHOTO),
                # Under the story's lead, the credit, then its caption, a short sentence.
                Example(_doc(_HEAD, f"{_P4}\nPhoto: Sakib Ali\n{_SHORT_CAPTION}", _P1), _SHORT_CAPTION),
            ),
            counter_examples=(Example(_story(f"Weather 72F\n{_PHOTO}"), _PHOTO),),
        ),
        FunctionRule(
            "CAP104",
            Label.CAPTION,
            positional_rule("CAP104"),
            tags=(tag.POSITIONAL_CAPTION,),
            needs=(tag.PICTURE_CONTROL,),
            examples=(Example(_story(f"Enlarge this image\n{_PHOTO}"), _PHOTO),),
            counter_examples=(Example(_story(_PHOTO), _PHOTO),),
        ),
        FunctionRule(
            "CAP103",
            Label.CAPTION,
            positional_rule("CAP103"),
            tags=(tag.POSITIONAL_CAPTION,),
            needs=(tag.UNCREDITED_CAPTION,),
            examples=(
                Example(
                    _story("An artist's concept of the Blue Moon lander.\nMichael Conroy"),
                    "Michael Conroy",
                ),
            ),
            counter_examples=(
                Example(_story("The lander carries four.\nMichael Conroy"), "Michael Conroy"),
            ),
        ),
    ],
    stage=Stage.LAYOUT,
    description="Headline, bylines and captions by position; what lies outside the story.",
    origin="built-in",
)
