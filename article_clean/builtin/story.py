"""Where the story is: the one whole-document analysis the layout rules share.

A story is a run of prose paragraphs; navigation, link lists, bylines and credits are runs of short
lines. Each block gets a score, positive for prose (its word count), negative for short lines and
for blocks a marker already took, and the story is the run of blocks with the highest total (the
maximum-sum subarray, as in Finn et al.'s body text extraction). A short line inside the story,
such as a subheading, costs little against the paragraphs around it, while a dek above the byline
is cut off by the byline and its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..byline import dates
from ..document import Document
from ..features import PROSE_WORDS, block_stats, table_row
from ..model import Hint, Label
from ..thresholds import THRESHOLDS
from . import tags as tag
from .anchors import (
    extracted_region,
    part_lines,
    title_among_words,
    title_lines,
    trafilatura_anchor,
)

BODY_BONUS = THRESHOLDS.body_bonus  # over its words, for a block a rule kept as body
SHORT_LINE = -2.0  # a line too short to be a paragraph
LONG_LINE = -1.0  # a long line that ends no sentence: a teaser title, a list item
LONG_LINE_WORDS = 8  # as long as a paragraph, though it ends no sentence
LINK_LINE = -3.0  # a line that is mostly a URL or an address
LINK_LINE_WORDS = 15  # a line with a link and this many words is text that cites one
MARKED = -4.0  # plus half the words: a block a marker took (ad, share bar, byline)
UNFINISHED = 0.3  # per word: a sentence-like line without its full stop
SHORT_SENTENCE = 1.0  # a finished sentence of a few words: a story's closing line
SHORT_SENTENCE_WORDS = 4  # fewer words than this is a label ('Read on.'), not a closing line
SHORT_SENTENCE_LOWERCASE = 0.5  # share of lower-case words of that sentence: titles are capitalised
CAPTION_LINE = -2.0  # a photo caption: part of the page's story area, not of its text
TABLE_ROW = 0.0  # a short row of a table in the main content: a story's data, not its edge
HEAD_SHARE = 0.35  # a byline this early in the span marks the real start of the story
TEASER_NEIGHBOUR_WORDS = 4  # a line cut off next to one is a teaser only with a title's words


def _teaser(doc: Document, index: int) -> bool:
    """Cut off with an ellipsis next to another such line: a list of teasers, not a story.

    A lone paragraph cut off that way is the story itself, truncated by a paywall; a short
    line cut off next to it ("Continue reading...", "Loading...") does not make it a teaser
    (the short line itself, beside the long one, still counts as one).
    """
    if not doc.stats(index).ellipsis:
        return False
    return any(
        0 <= other < len(doc)
        and doc.stats(other).ellipsis
        and doc.stats(other).words >= TEASER_NEIGHBOUR_WORDS
        for other in (index - 1, index + 1)
    )


_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+\S")


def item_number(text: str) -> int | None:
    """The number a line opens with as an item of a numbered list ("2. Kraków", "3) Salt")."""
    numbered = _NUMBERED.match(text)
    return int(numbered.group(1)) if numbered else None


LIST_ITEM = 0.5  # per word, up to LIST_ITEM_WORDS: an item of a list the story announced
LIST_ITEM_WORDS = 10  # a longer item scores no more: a list must not outweigh the story
LIST_INTRO_WORDS = 2  # a line ending in a colon that introduces a list ("Here are the highlights:")


def list_items(doc: Document) -> frozenset[int]:
    """Short lines that belong to a list the story itself announces.

    A list follows a prose line ending in a colon ("Here are the highlights:"), or counts up
    ("1) ...", "2) ..."). It runs until a block a rule decided, a paragraph of prose, or the
    next line ending in a colon: a sidebar's labels ("About me:", "Blogroll:") each head a box
    of their own, and only one long enough to introduce a list starts one.
    """
    return frozenset(_list_items_between(doc, doc.labels(), 0, len(doc)))


def _list_items_between(
    doc: Document, labels: tuple[Label | None, ...], start: int, stop: int
) -> list[int]:
    """`list_items` among blocks `start` to `stop` (excluded), which a decided block or the
    document's edge bounds on each side: a decided block ends every list, so the blocks between
    two decided ones are read alone."""
    items: list[int] = []
    in_list = False
    last_numbered: tuple[int, int] | None = None  # (number, block index)
    blocks = doc.blocks
    for index in range(start, stop):
        if labels[index] is not None:
            in_list, last_numbered = False, None
            continue
        text = blocks[index].text
        stats = doc.stats(index)
        number = item_number(text)
        if number is not None:
            if last_numbered is not None and number == last_numbered[0] + 1:
                items.extend((last_numbered[1], index))
            last_numbered = (number, index)
        if in_list and not stats.prose and not text.endswith(":"):
            items.append(index)
        elif stats.prose or stats.words >= 5 or text.endswith(":"):
            in_list = text.endswith(":") and stats.words >= LIST_INTRO_WORDS
    return items


WRAPPED_LOWERCASE = 0.5  # share of lower-case words in a wrapped paragraph's lines
WRAPPED_WORDS = 15  # words the lines need together: fewer are a box of short links


def _wrapped_paragraphs(doc: Document) -> dict[int, float]:
    """Lines of hard-wrapped prose paragraphs, with each line's share of its paragraph's score.

    A paragraph broken into lines (a <br> per line, a text wrapped at 72 columns) has no line
    that reads as prose on its own, though together they do. Lines mostly of capitalised words
    are a list of titles (a sidebar's links), however many full stops they hold together.
    """
    labels = doc.labels()
    shares: dict[int, float] = {}
    for members in doc.memo(_groups, text_only=True).values():
        shares.update(_wrapped_shares(doc, [i for i in members if labels[i] is None]))
    return shares


def _groups(doc: Document) -> dict[int, list[int]]:
    """The blocks of each group (the lines between two blank lines), in order."""
    groups: dict[int, list[int]] = {}
    for block in doc.blocks:
        groups.setdefault(block.group, []).append(block.index)
    return groups


def _wrapped_shares(doc: Document, members: list[int]) -> dict[int, float]:
    """`_wrapped_paragraphs` of one group's undecided lines."""
    if len(members) < 2:
        return {}
    joined = block_stats(" ".join(doc.blocks[i].text for i in members))
    if joined.prose and joined.words >= WRAPPED_WORDS and joined.lowercase >= WRAPPED_LOWERCASE:
        return {i: float(max(doc.stats(i).words, 1)) for i in members}
    return {}


def _short_sentence(doc: Document, index: int) -> bool:
    """A sentence too short to be prose on its own: 'Colombia had lost to Belgium on Monday.'"""
    stats = doc.stats(index)
    text = doc.blocks[index].text
    return (
        stats.ends_sentence
        and not stats.ellipsis
        and SHORT_SENTENCE_WORDS <= stats.words < PROSE_WORDS
        and stats.lowercase >= SHORT_SENTENCE_LOWERCASE
        and text[:1].isupper()
        and not stats.has_link
    )


def _text_scores(doc: Document) -> list[float | None]:
    """Each block's score while no rule has decided it, where its text and its neighbours'
    settle it; None where decisions matter (a line of a wrapped paragraph, a list's item).

    Computed once per document: the story span is found again after every round of decisions.
    """
    scores: list[float | None] = []
    rows = doc.memo(table_rows, text_only=True)
    for index in range(len(doc)):
        stats = doc.stats(index)
        if rows[index] and not stats.prose:
            scores.append(None)  # a table's row: see `_undecided_score`
        elif stats.list_on_one_line:
            scores.append(LONG_LINE)
        elif stats.prose and not _teaser(doc, index):
            scores.append(float(stats.words))
        elif stats.sentence_like:
            scores.append(UNFINISHED * stats.words)
        elif _short_sentence(doc, index):
            scores.append(SHORT_SENTENCE)
        else:
            scores.append(None)
    return scores


def block_scores(doc: Document) -> list[float]:
    """`block_score` of every block, in order (its steps, with the shared analyses read once)."""
    return list(doc.memo(_Scores, text_only=True).update(doc))


class _Scores:
    """The block scores of one document, kept from one round of decisions to the next.

    A decision changes its own block's score, and those of the lines of the wrapped paragraph
    (its group) and of the list (the undecided blocks between two decided ones) it breaks; the
    others keep theirs. The story span is found again after every round, so only what a round
    changed is scored again.
    """

    def __init__(self, doc: Document) -> None:
        self.labels: tuple[Label | None, ...] | None = None  # those the scores were made for
        self.scores: list[float] = []
        # The wrapped-paragraph shares and the list items, read on first need: where every
        # undecided block's text settles its score, neither is read.
        self.shares: dict[int, float] | None = None
        self.listed: set[int] | None = None

    def update(self, doc: Document) -> list[float]:
        labels = doc.labels()
        old = self.labels
        if old is labels:
            return self.scores
        text_scores = doc.memo(_text_scores, text_only=True)
        if old is None:
            self.scores = [self._score(doc, i, labels, text_scores) for i in range(len(doc))]
            self.labels = labels
            return self.scores
        changed = [i for i, (was, now) in enumerate(zip(old, labels)) if was is not now]
        opened = [i for i in changed if (old[i] is None) != (labels[i] is None)]
        again = set(changed)
        if opened and self.shares is not None and self.listed is not None:
            groups = doc.memo(_groups, text_only=True)
            for group in {doc.blocks[i].group for i in opened}:
                members = groups[group]
                for i in members:
                    self.shares.pop(i, None)
                self.shares.update(_wrapped_shares(doc, [i for i in members if labels[i] is None]))
                again.update(members)
            for start, stop in _runs_around(old, labels, opened):
                self.listed.difference_update(range(start, stop))
                self.listed.update(_list_items_between(doc, labels, start, stop))
                again.update(range(start, stop))
        scores = self.scores
        for i in again:
            scores[i] = self._score(doc, i, labels, text_scores)
        self.labels = labels
        return scores

    def _score(
        self,
        doc: Document,
        index: int,
        labels: tuple[Label | None, ...],
        text_scores: list[float | None],
    ) -> float:
        label = labels[index]
        if label is not None:
            return _decided_score(doc, index, label)
        score = text_scores[index]
        if score is not None:
            return score
        if self.shares is None or self.listed is None:  # read for the labels of this round
            self.shares = _wrapped_paragraphs(doc)
            self.listed = set(list_items(doc))
        return _undecided_score(doc, index, self.shares, self.listed)


def _runs_around(
    old: tuple[Label | None, ...], new: tuple[Label | None, ...], indexes: list[int]
) -> list[tuple[int, int]]:
    """The runs of blocks undecided before or now (start, stop excluded) that hold `indexes`:
    each is bounded by blocks decided both before and now, where every list ends."""
    runs: list[tuple[int, int]] = []
    for index in sorted(indexes):
        if runs and index < runs[-1][1]:
            continue
        start = index
        while start > 0 and (old[start - 1] is None or new[start - 1] is None):
            start -= 1
        stop = index + 1
        while stop < len(old) and (old[stop] is None or new[stop] is None):
            stop += 1
        runs.append((start, stop))
    return runs


def _decided_score(doc: Document, index: int, label: Label) -> float:
    words = doc.stats(index).words
    if label is Label.BODY:
        return words + BODY_BONUS
    if label is Label.CAPTION or _picture_control(doc, index):
        # Photos sit between the paragraphs of a story, and so do a gallery's controls
        # ("2 of 5") beside their captions: marked as chrome, they are still the story's.
        return CAPTION_LINE
    return MARKED - words / 2


def _picture_control(doc: Document, index: int) -> bool:
    """A gallery's or a picture's control ("2 of 5") next to a caption; elsewhere a player's
    or a pager's ("Next", "Watch video") is chrome like any other."""
    decision = doc.decision(index)
    if decision is None or decision.rule not in doc.rules_tagged(tag.PICTURE_CONTROL):
        return False
    return any(
        0 <= other < len(doc) and doc.label(other) is Label.CAPTION
        for other in (index - 1, index + 1)
    )


def block_score(doc: Document, index: int) -> float:
    label = doc.label(index)
    if label is not None:
        return _decided_score(doc, index, label)
    text_score = doc.memo(_text_scores, text_only=True)[index]
    if text_score is not None:
        return text_score
    return _undecided_score(doc, index, doc.memo(_wrapped_paragraphs), doc.memo(list_items))


def _undecided_score(
    doc: Document, index: int, wrapped: dict[int, float], listed: AbstractSet[int]
) -> float:
    """The score of a block no rule decided and its text alone does not settle."""
    share = wrapped.get(index)
    if share is not None:
        return share
    stats = doc.stats(index)
    if index in listed:
        return LIST_ITEM * min(stats.words, LIST_ITEM_WORDS)
    if doc.memo(table_rows, text_only=True)[index]:
        # A table of figures between two parts of a story is a hundred short rows: scored as
        # short lines, they would end the story above it. A table neither ends the story nor
        # extends it (unless the story announced it): the story runs across it to the prose
        # under it, or ends above it where none follows.
        return TABLE_ROW
    if stats.has_link and stats.words < LINK_LINE_WORDS:
        return LINK_LINE
    if stats.words >= LONG_LINE_WORDS:
        return LONG_LINE
    return SHORT_LINE


STORY_UNDER_TITLE = 12  # blocks under the title line where the story's first paragraph may sit
STORY_UNDER_PART = 3  # the same under one part of the title, which may be the site's name
TITLE_UNDER_STORY = 3  # the title shown again this close under a story is that story's footer
BELOW_SHARE = 0.3  # of the longest run's total, a run under a title line below it must reach
STORY_BEFORE_COMMENTS = 50  # words of prose after which a comments heading ends the story
THREAD_WINDOW = 12  # blocks after a comments heading where the thread's first records show


def _run_through(doc: Document, scores: list[float], anchor: int) -> tuple[int, int]:
    """The run with the highest total among those that hold block `anchor` and end before
    the comments."""
    start, best, total = anchor, float("-inf"), 0.0
    for index in range(anchor, -1, -1):
        total += scores[index]
        if total > best:
            best, start = total, index
    end, best, total = anchor, 0.0, 0.0
    for index in range(anchor + 1, _comments_start(doc, start)):
        total += scores[index]
        if total > best:
            best, end = total, index
    return start, end


def _best_run(scores: list[float]) -> tuple[int, int] | None:
    """The run of blocks with the highest total (maximum-sum subarray), or None if none is
    positive."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def _comments_start(doc: Document, start: int) -> int:
    """Where a story that an anchor starts at `start` meets the comments: a comments heading
    (or the story's tags line) after a story's worth of prose, or right away when comments
    follow it (a photo post's story may be its title and a line)."""
    prose = 0
    # A story's tags line ("Filed under: ...") closes it, once a story's worth of prose is above.
    footers = doc.rules_tagged(tag.TAGS_HEADING)
    headings = doc.rules_tagged(tag.COMMENTS_HEADING)
    for index in range(start, len(doc)):
        decision = doc.decision(index)
        if decision is None:
            stats = doc.stats(index)
            if stats.prose:
                prose += stats.words
            continue
        if decision.rule in footers and prose >= STORY_BEFORE_COMMENTS:
            return min(index, _thread_start(doc, start))
        if decision.rule not in headings:
            continue
        if prose >= STORY_BEFORE_COMMENTS or _record_follows(doc, index):
            return min(index, _thread_start(doc, start))
    return _thread_start(doc, start)


THREAD_RECORDS = 3  # records, each after some text, that make a thread with no heading
HEADED_RECORDS = 2  # as many, where each is a commenter's line with its date under it
THREAD_GAP = 12  # blocks at most between two records of one thread


def _is_record(doc: Document, index: int) -> bool:
    decision = doc.decision(index)
    return decision is not None and (
        decision.label is Label.BYLINE or decision.rule in doc.rules_tagged(tag.COMMENT_RECORD)
    )


def _comment_header(doc: Document, index: int) -> bool:
    """Whether block `index` is a commenter's line with its date right under it ("jdoe says:",
    then "March 12, 2024 at 10:14 am"): a comment's own header, which a story's line that
    introduces a quote ("As you may recall, Colon writes:") is not. The date is a byline by
    its shape, or a trailer's line where the "Reply" under the comment above swept it in."""
    decision = doc.decision(index)
    if (
        decision is None
        or decision.rule not in doc.rules_tagged(tag.COMMENT_RECORD)
        or index + 1 >= len(doc)
    ):
        return False
    below = doc.label(index + 1)
    return below is Label.BYLINE or (
        below is Label.TRAILER and bool(dates(doc.blocks[index + 1].text))
    )


def _thread_start(doc: Document, start: int) -> int:
    """Where a thread with no heading starts below a story starting at `start`: the first of
    three or more records (a name and a date, "Posted by: name at ...") that each follow some
    text, close together, once the story has had a paragraph; or of two, where both are
    comments' headers (`_comment_header`: a name and its date count as one record, being
    together). A story has its own byline and dateline at its top, and perhaps one at its
    end, not one after every few paragraphs; and it may quote a dated source once ("Smith
    writes:", "March 12, 2024")."""
    records: list[int] = []
    seen_prose = False
    text_since = False
    for index in range(start, len(doc)):
        if _is_record(doc, index):
            if not seen_prose:
                continue
            if records and (index - records[-1] > THREAD_GAP or not text_since):
                records = [] if index - records[-1] > THREAD_GAP else records
            if not records or text_since:
                records.append(index)
            headers = sum(_comment_header(doc, i) for i in records)
            enough = HEADED_RECORDS if headers >= HEADED_RECORDS else THREAD_RECORDS
            if len(records) >= enough:
                return records[0]
            text_since = False
        elif doc.label(index) is None:
            text_since = True
            seen_prose = seen_prose or doc.stats(index).prose
    return len(doc)


def _record_follows(doc: Document, index: int) -> bool:
    """Whether comments follow block `index`: records (a name or date line, a "says:" line) at
    least twice, with a comment's text between them, within a few blocks. A story's own byline
    and dateline sit together, with no text between them."""
    records: list[int] = []
    comment_records = doc.rules_tagged(tag.COMMENT_RECORD)
    for after in range(index + 1, min(len(doc), index + 1 + THREAD_WINDOW)):
        decision = doc.decision(after)
        if decision is None:
            continue
        if decision.label is Label.BYLINE or decision.rule in comment_records:
            if records and records[-1] < after - 1:
                return True
            records.append(after)
    return False


def _commenter_follows(doc: Document, index: int) -> bool:
    """Whether a commenter's name line ("jdoe says:") stands within a thread's window under
    block `index`: a thread's own record, which a story's byline and dateline under a
    "Comments" link are not."""
    commenters = doc.rules_tagged(tag.COMMENT_RECORD)
    stop = min(len(doc), index + 1 + THREAD_WINDOW)
    for after in range(index + 1, stop):
        decision = doc.decision(after)
        if decision is not None and decision.rule in commenters:
            return True
    return False


def _before_comments(doc: Document, scores: list[float], start: int, end: int) -> tuple[int, int]:
    """The run cut where it meets the comments, at its best total before them."""
    stop = _comments_start(doc, start)
    if stop > end:
        return start, end
    best, last, total = float("-inf"), start, 0.0
    for index in range(start, stop):
        total += scores[index]
        if total > best:
            best, last = total, index
    return start, last


def _run_under(
    doc: Document, scores: list[float], title: int, within: int = STORY_UNDER_TITLE
) -> tuple[float, int, int] | None:
    """The best run that starts with the first story-like block under the title line, at most
    `within` blocks under it, and ends before the comments: (its total, its first block, its
    last block)."""
    first = next(
        (i for i in range(title + 1, min(len(doc), title + 1 + within)) if scores[i] > 0),
        None,
    )
    if first is None:
        return None
    end, best, total = first, 0.0, 0.0
    for index in range(first, _comments_start(doc, first)):
        total += scores[index]
        if total > best:
            best, end = total, index
    return (best, first, end) if best > 0 else None


TITLE_LINES_LOOKED_AT = 8  # copies of the title line weighed as the story's heading


def _under_title(
    doc: Document, scores: list[float], longest: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The story under the title line where the page shows its title again, if it does.

    Of several such lines, the one with the most story under it; a title shown again just
    under the longest run is that run's footer, not a heading, and one further below (a
    footer, a list of posts) needs a good share of the longest run's story under it. A line
    that holds the title among words of its own ("Posts Related to <title>", "Comments on
    <title>"), with more of the longest run's story above it than under it, names the post
    above it and heads nothing (`_closes_story`); the title alone still heads what is under
    it, however much prose a sidebar puts above it.
    """
    if longest is None:
        return None
    longest_total = sum(scores[longest[0] : longest[1] + 1])
    runs = []
    # The first few only: a text that shows its title above every paragraph (a feed's items, a
    # paste) heads no single story with each copy, and each one looked at costs a pass to the end.
    lines = [(title, STORY_UNDER_TITLE) for title in title_lines(doc)[:TITLE_LINES_LOOKED_AT]]
    parts = [title for title in part_lines(doc) if not longest[0] < title <= longest[1]]
    # A part inside the longest run is a name the story quotes.
    lines += [(title, STORY_UNDER_PART) for title in parts[:TITLE_LINES_LOOKED_AT]]
    for title, within in lines:
        if 0 < title - longest[1] <= TITLE_UNDER_STORY:
            continue
        run = _run_under(doc, scores, title, within)
        if run is None or (title > longest[1] and run[0] < BELOW_SHARE * longest_total):
            continue
        if _closes_story(scores, longest[0], title, run[0]) and title_among_words(doc, title):
            continue
        runs.append(run)
    if not runs:
        return None
    _, first, last = max(runs)
    return first, last


def _closes_story(scores: list[float], start: int, title: int, under: float) -> bool:
    """Whether the title line at block `title` has more of the story that starts at block
    `start` above it than the `under` of the run under it: the story's footer, not its heading."""
    return under < sum(scores[start:title])


GAP_FREE = 3  # lines of a gap between paragraphs that cost only their own score
GAP_STEP = 1.0  # what each further line of a gap costs more than the one before it
BULLET_LINE = -0.5  # a list item written with a bullet


def _with_gaps(doc: Document, scores: list[float]) -> list[float]:
    """Scores where a long gap of lines that are not prose costs more the longer it runs.

    A story holds a subheading, a photo and its credit between two paragraphs; a gap of ten
    short lines is where the story ended and the page's lists began, however much prose a
    list of teasers below it holds. A list written with bullets is no gap: pages write their
    story's lists so (a product's features, a schedule), their menus seldom. Nor is a table's
    row (`table_rows`): a story's figures.
    """
    weighted = []
    gap = 0
    for bullet, table, label, score in zip(
        doc.memo(_bullets, text_only=True), doc.memo(table_rows, text_only=True), doc.labels(),
        scores,
    ):
        if bullet and label is None:
            weighted.append(max(score, BULLET_LINE))  # a list's item: not a gap
            continue
        if table and label is None:
            weighted.append(score)
            continue
        gap = gap + 1 if score <= 0 else 0
        weighted.append(score - GAP_STEP * max(0, gap - GAP_FREE))
    return weighted


def _bullets(doc: Document) -> list[bool]:
    return [doc.stats(index).bullet for index in range(len(doc))]


def table_rows(doc: Document) -> list[bool]:
    """A table's rows: lines of two cells or more, written apart by tabs, next to another such
    line, as the HTML reader writes a table's rows and the body's text keeps them (so that the
    body cleaned again reads them the same); and in the region trafilatura kept, every line of
    a table in the first reading (the body cleaned again, as text, knows only the rows written
    with tabs: a table of one cell per row still ends the story there).

    Not on an HTML page read whole: its tables may be the page's layout, its menus or its
    sidebar's, which would join the story to the prose around them."""
    if any(block.hint == Hint.OUTSIDE for block in doc.blocks):
        return [False] * len(doc)
    celled = [table_row(block.text) for block in doc.blocks]
    region = extracted_region(doc)
    return [
        (here and ((i > 0 and celled[i - 1]) or (i + 1 < len(celled) and celled[i + 1])))
        or (region and doc.blocks[i].hint == Hint.TABLE)
        for i, here in enumerate(celled)
    ]


def story_span(doc: Document) -> tuple[int, int] | None:
    """First and last block of the story, or None when the text has no prose at all."""
    span = _story_span(doc)
    if span is None:
        return None
    start, end = span
    if _cut_off_after(doc, end):
        return start, end + 1
    return start, _list_end(doc, end)


def _list_end(doc: Document, end: int) -> int:
    """Where a list that the story's last block belongs to ends: a story that ends inside a
    list written with bullets goes on to its last item. (Its items score as short lines by
    their shape: the run of best total would stop at the last long one.) An item with a link
    or one a rule has decided ends it; the line under the list is not the story's."""
    if not doc.stats(end).bullet:
        return end
    while (
        end + 1 < len(doc)
        and doc.label(end + 1) is None
        and doc.stats(end + 1).bullet
        and not doc.stats(end + 1).has_link
    ):
        end += 1
    return end


def _story_span(doc: Document) -> tuple[int, int] | None:
    scores = _with_gaps(doc, block_scores(doc))
    anchor = trafilatura_anchor(doc)
    if anchor is not None:
        start, end = _run_through(doc, scores, anchor)
        span = _after_header(doc, scores, start, end, latest=anchor)
    else:
        longest = _best_run(scores)
        if longest is not None:
            longest = _before_comments(doc, scores, *longest)
        found = _under_title(doc, scores, longest) or longest
        if found is None:
            return None
        span = _after_header(doc, scores, *found)
    span = _under_headline(doc, scores, span) or span
    return _post_above_thread(doc, scores, span) or span


def _under_headline(
    doc: Document, scores: list[float], span: tuple[int, int]
) -> tuple[int, int] | None:
    """The run under a headline taken a few blocks under the start of the story found, below
    its end (a post's title under its blog's one-paragraph description and its date): the
    story is under its headline."""
    start, end = span
    head = next(
        (
            i
            for i in range(end + 1, min(start + STORY_UNDER_PART + 1, len(doc)))
            if doc.label(i) is Label.HEADLINE
        ),
        None,
    )
    if head is None:
        return None
    run = _run_under(doc, scores, head, STORY_UNDER_PART)
    return None if run is None else (run[1], run[2])


# Further apart, what stands between the headline and a thread's heading is the page's boxes.
POST_LINES = 12  # lines from the headline to the heading: the post's date, credit, captions


def _post_above_thread(
    doc: Document, scores: list[float], span: tuple[int, int]
) -> tuple[int, int] | None:
    """The story of a short post, where the story found (`span`) is in the comment thread
    under it: the post's prose above the thread's heading, or, with none, the headline and its
    lines down to that heading.

    A photo or video post is its headline, a date and a credit; right under it a comments
    heading opens a thread: a commenter's line ("jdoe said...") and records follow it. The
    longest prose of the page is then a comment, or a box further down. With no story-like
    block between the headline and that heading, the post is what stands between them (its
    headline alone, where they stand far apart), and the run below is none of it. A post of a
    few lines, signed off by its byline above the thread, loses the same way to a longer
    comment. A "Comments" link in a share bar over the story's own byline and dateline has no
    commenter's line.
    """
    start = span[0]
    headline = next((i for i in range(start) if doc.label(i) is Label.HEADLINE), None)
    if headline is None:
        return None
    openers = doc.rules_tagged(tag.COMMENTS_HEADING)
    for index in range(headline + 1, start):
        decision = doc.decision(index)
        if decision is not None and decision.rule in openers:
            if not _commenter_follows(doc, index) or not _record_follows(doc, index):
                return None
            prose = [i for i in range(headline + 1, index) if scores[i] > 0]
            if prose and not _signed_off(doc, prose[-1], index):
                return None  # a dek over a box of comments, the story under it
            if not _commenter_follows(doc, start) and not _last_comment(doc, scores, span, prose):
                return None  # the run found is no comment: the story under a thread above it
            if prose:
                return prose[0], prose[-1]
            return headline, index - 1 if index - headline <= POST_LINES else headline
    return None


def _signed_off(doc: Document, last: int, heading: int) -> bool:
    """Whether a post's footer stands between its last paragraph (block `last`) and the
    thread's heading: a byline under it ("Posted by Jane at 3:00 AM"), as a blog signs its
    posts. A dek over a box of recent comments has none."""
    return any(doc.label(i) is Label.BYLINE for i in range(last + 1, heading))


COMMENTER_ABOVE = 2  # a commenter's name line this close above a comment's first paragraph
COMMENT_OVER_POST = 2.0  # a comment this many times the post's prose may be a story below


def _last_comment(
    doc: Document, scores: list[float], span: tuple[int, int], post: list[int]
) -> bool:
    """Whether the run `span` is the thread's last comment (no commenter's line under it):
    it opens right under a commenter's name line, and is no longer than twice the post's
    prose above the thread (a longer one may be the story under a comments box)."""
    if not post:
        return False
    commenters = doc.rules_tagged(tag.COMMENT_RECORD)
    above = range(max(0, span[0] - COMMENTER_ABOVE), span[0])
    if not any((d := doc.decision(i)) is not None and d.rule in commenters for i in above):
        return False
    run = sum(scores[span[0] : span[1] + 1])
    return run <= COMMENT_OVER_POST * sum(scores[i] for i in post)


CUT_OFF_LOWERCASE = THRESHOLDS.sentence_like_lowercase  # a sentence's share: titles are capitalised


def _cut_off_after(doc: Document, end: int) -> bool:
    """Whether the block right after the story's last one is the story's own last paragraph,
    cut off with an ellipsis (a paywall, an excerpt's "..." before its "Read more").

    Such a line is no prose by its shape (one unfinished sentence, as a teaser for another page
    is), so the story's run ends above it. Right under the story's prose, a sentence of a
    paragraph's length in lower case is the story going on; a teaser is known by its
    neighbours cut off the same way, a title by its capitals.
    """
    after = end + 1
    if after >= len(doc) or doc.label(after) is not None or not doc.stats(end).prose:
        return False
    return cut_off_paragraph(doc, after)


def cut_off_paragraph(doc: Document, index: int) -> bool:
    """A paragraph's length of sentence in lower case, cut off with an ellipsis, with no line
    next to it cut off the same way (a list of teasers)."""
    stats = doc.stats(index)
    return (
        stats.ellipsis
        and stats.words >= PROSE_WORDS
        and stats.lowercase >= CUT_OFF_LOWERCASE
        and not stats.has_link
        and not _teaser(doc, index)
    )


def _after_header(
    doc: Document, scores: list[float], start: int, end: int, latest: int | None = None
) -> tuple[int, int]:
    """Move the start past a byline or headline that sits early in the span, but not past
    block `latest` (an anchor the story holds).

    Such a block means what precedes it is a dek or a caption, not the story.
    """
    prose_total = sum(s for s in scores[start : end + 1] if s > 0)
    seen = 0.0
    # In plain text, a headline a few blocks under the start (a post's title under its blog's
    # description and its date) heads the story, however long the paragraph above it. (On a
    # page, the markup's headline may stand under a short note that is the story's.)
    head = None
    if all(block.hint is None for block in doc.blocks):
        head = next(
            (
                i
                for i in range(start, min(start + STORY_UNDER_PART, end) + 1)
                if doc.label(i) is Label.HEADLINE and (latest is None or i < latest)
            ),
            None,
        )
    cut = None
    for index in range(start, end if latest is None else latest):
        if scores[index] > 0:
            seen += scores[index]
        if seen > HEAD_SHARE * prose_total:
            break
        if doc.label(index) in (Label.BYLINE, Label.HEADLINE):
            cut = index
    if head is not None and (cut is None or cut < head):
        cut = head
    if cut is None:
        return start, end
    new_start = cut + 1
    while new_start <= end and scores[new_start] <= 0:
        new_start += 1
    return (new_start, end) if new_start <= end else (start, end)
