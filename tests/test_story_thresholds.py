"""The story region's own numbers (`builtin/story.py`), each just inside and just outside.

A block's score is its words if it reads as prose, and a small cost or gain by its kind if not;
the story is the run of blocks with the highest total. These tests pin the word counts and
shares that decide a block's kind, and the numbers that decide where the story ends, each at its
value and a step past it. As in `tests/test_thresholds.py`, the boundaries are written as
numbers, not read from the constants, so that a moved value fails them.
"""

from __future__ import annotations

import pytest

from article_clean import Label, clean
from article_clean.blocks import split_blocks
from article_clean.builtin.story import (
    LINK_LINE,
    LIST_ITEM,
    LONG_LINE,
    SHORT_LINE,
    SHORT_SENTENCE,
    _record_follows,
    _run_under,
    _thread_start,
    _under_title,
    _with_gaps,
    block_scores,
)
from article_clean.document import Document
from article_clean.features import block_stats
from article_clean.thresholds import THRESHOLDS


def sentence(n: int, first: str = "Then") -> str:
    """A finished sentence of `n` words: prose from eight, and scored by its words."""
    return " ".join([first] + ["people"] * (n - 2) + ["agreed."])


def decisions(*paragraphs: str) -> dict[str, tuple[Label, str | None]]:
    """The label and rule of each line of the text of `paragraphs`, once cleaned."""
    return {s.text.strip(): (s.label, s.rule) for s in clean("\n\n".join(paragraphs)).segments}


STORY = (
    "The council met on Tuesday night and voted to rebuild the old bridge over the river, which "
    "has been closed to traffic since the spring floods damaged it.",
    "Work will begin in the spring, officials from the city said on Tuesday, after two days of "
    "talks with the engineers who will lead the work.",
)


@pytest.mark.parametrize("words", [8, 9])
def test_a_line_a_marker_took_costs_four_and_half_its_words_to_the_story_across_it(
    words: int,
) -> None:
    # A paragraph under a "Read more" link is the story's only if it outweighs the link: the
    # link of 8 words costs 4 (MARKED) and 4, so a paragraph of 8 words is the trailer.
    link = "Read more: " + " ".join(["Bridge"] * 6)
    last = sentence(words)
    rules = decisions(*STORY, link, last)
    if words > 8:
        assert rules[link] == (Label.NOISE, "NOI004") and rules[last] == (Label.BODY, None)
    else:
        assert rules[link] == rules[last] == (Label.TRAILER, "STO002")


@pytest.mark.parametrize(
    "prose, kept", [(49, True), (50, False)]  # STORY_BEFORE_COMMENTS
)
def test_a_storys_tags_line_ends_it_after_fifty_words_of_prose(prose: int, kept: bool) -> None:
    # Above fifty words the tags line is the story's footer, and what is under it (a sponsor's
    # post) is not the story's; above fewer it is a tag line inside a story that goes on.
    first = sentence(25, "The")
    below = (
        "The camp is a free, all-day event for the product management community, with talks, "
        "workshops and a lunch, held at the convention centre on the first Saturday of November."
    )
    rules = decisions(first, sentence(prose - 25), "Tags: bridges, council", below)
    assert rules["Tags: bridges, council"] == (Label.TRAILER, "TRL007")
    assert rules[below] == ((Label.BODY, None) if kept else (Label.TRAILER, "STO002"))


def scores(*paragraphs: str) -> list[float]:
    """The story region's score of each line of the text of `paragraphs`, none decided."""
    text = "\n\n".join(paragraphs)
    return block_scores(Document(text, split_blocks(text)))


@pytest.mark.parametrize(
    "n, expected", [(7, SHORT_LINE), (8, LONG_LINE)]  # LONG_LINE_WORDS
)
def test_a_line_that_ends_no_sentence_costs_less_from_a_paragraphs_length(
    n: int, expected: float
) -> None:
    assert scores(" ".join(["Bridge"] * n)) == [expected]


@pytest.mark.parametrize(
    "n, expected", [(14, LINK_LINE), (15, LONG_LINE)]  # LINK_LINE_WORDS
)
def test_a_line_with_a_link_is_a_link_line_under_fifteen_words(n: int, expected: float) -> None:
    assert scores(" ".join(["Bridge"] * (n - 1) + ["www.example.com"])) == [expected]


@pytest.mark.parametrize("n, counted", [(9, 9), (10, 10), (11, 10)])  # LIST_ITEM_WORDS
def test_an_announced_lists_item_scores_by_its_words_up_to_ten(n: int, counted: int) -> None:
    item = scores("Here are the highlights:", " ".join(["Bridge"] * n))[1]
    assert item == LIST_ITEM * counted


def short_sentence(n: int, lower: int) -> str:
    """A finished sentence of `n` words, `lower` of them in lower case: 'Colombia lost Belgium.'"""
    return " ".join(["Colombia"] + ["lost"] * lower + ["Belgium"] * (n - 1 - lower)) + "."


@pytest.mark.parametrize(
    "n, lower, expected",
    [
        (3, 2, SHORT_LINE),  # a label
        (4, 3, SHORT_SENTENCE),  # SHORT_SENTENCE_WORDS
        (6, 3, SHORT_SENTENCE),  # half in lower case (SHORT_SENTENCE_LOWERCASE)
        (7, 3, SHORT_LINE),  # under half
    ],
)
def test_a_short_sentence_is_four_words_or_more_and_half_in_lower_case(
    n: int, lower: int, expected: float
) -> None:
    line = short_sentence(n, lower)
    assert block_stats(line).words == n < THRESHOLDS.prose_words
    assert scores(line) == [expected]


@pytest.mark.parametrize("n, wrapped", [(14, False), (15, True)])  # WRAPPED_WORDS
def test_the_lines_of_a_wrapped_paragraph_score_their_words_from_fifteen_together(
    n: int, wrapped: bool
) -> None:
    first = " ".join(["The"] + ["council"] * 7)  # no line reads as prose on its own
    second = " ".join(["voted"] * (n - 9) + ["again."])
    expected = [8.0, float(n - 8)] if wrapped else [LONG_LINE, SHORT_LINE]
    assert scores(f"{first}\n{second}", "Menu")[:2] == expected


@pytest.mark.parametrize("intro, listed", [("Highlights:", False), ("The highlights:", True)])
def test_a_line_ending_in_a_colon_announces_a_list_from_two_words(
    intro: str, listed: bool
) -> None:  # LIST_INTRO_WORDS
    item = scores(intro, "Bridge Bridge Bridge")[1]
    assert item == (LIST_ITEM * 3 if listed else SHORT_LINE)


@pytest.mark.parametrize("lower, wrapped", [(7, False), (8, True)])  # WRAPPED_LOWERCASE
def test_the_lines_of_a_wrapped_paragraph_are_half_in_lower_case(
    lower: int, wrapped: bool
) -> None:
    words = ["The"] + ["Council"] * (15 - lower) + ["council"] * lower  # 16 words
    first, second = " ".join(words[:9]), " ".join(words[9:]) + "."
    expected = [9.0, 7.0] if wrapped else [LONG_LINE, SHORT_LINE]
    assert scores(f"{first}\n{second}", "Menu")[:2] == expected


@pytest.mark.parametrize(
    "before, expected", [(21, (Label.NOISE, "STO001")), (22, (Label.BODY, None))]
)  # HEAD_SHARE
def test_a_byline_within_the_first_35_percent_of_the_storys_prose_starts_it(
    before: int, expected: tuple[Label, str | None]
) -> None:
    # 60 words of prose in all: a byline after 21 of them (35%) marks what is above it as a
    # dek; after 22, the byline is a story's own, inside it.
    first = sentence(before, "Earlier")
    rules = decisions(first, "By Jane Doe", sentence(30 - before), sentence(30, "Later"))
    assert rules["By Jane Doe"][0] is Label.BYLINE
    assert rules[first] == expected


# --- The costs by kind, the gap's growing cost and the windows --------------------------------
# Each cost is written as its documented number: a moved cost fails here.


def undecided(*paragraphs: str) -> Document:
    text = "\n\n".join(paragraphs)
    return Document(text, split_blocks(text))


def test_each_kind_of_line_costs_its_documented_score() -> None:
    long_unfinished = " ".join(["the council voted"] * 5)  # 15 words in lower case, no stop
    assert scores("Bridge Bridge") == [-2.0]  # SHORT_LINE
    assert scores(" ".join(["Bridge"] * 8)) == [-1.0]  # LONG_LINE
    assert scores("Bridge news www.example.com") == [-3.0]  # LINK_LINE
    assert scores(long_unfinished) == [pytest.approx(0.3 * 15)]  # UNFINISHED, per word
    assert scores(short_sentence(5, 3)) == [1.0]  # SHORT_SENTENCE
    assert scores("Here are the highlights:", "Bridge Bridge Bridge")[1] == 1.5  # LIST_ITEM
    doc = undecided("Share this story on Facebook now", "A bridge at dusk, seen from the river")
    doc.decide(0, Label.NOISE, "NOI001")
    doc.decide(1, Label.CAPTION, "CAP003")
    assert block_scores(doc) == [-4.0 - 6 / 2, -2.0]  # MARKED plus half its words; CAPTION_LINE


@pytest.mark.parametrize("gap, weighted", [(3, [-2.0] * 3), (5, [-2.0, -2.0, -2.0, -3.0, -4.0])])
def test_a_gap_of_short_lines_costs_one_more_a_line_after_three(
    gap: int, weighted: list[float]
) -> None:
    # GAP_FREE lines cost their own score; each further one GAP_STEP more than the one before.
    doc = undecided(sentence(20), *[f"Bridge {n}" for n in range(gap)], sentence(20))
    assert _with_gaps(doc, block_scores(doc))[1 : gap + 1] == weighted


def test_a_bulleted_item_costs_half_a_point_and_is_no_gap() -> None:
    doc = undecided(sentence(20), "Bridge", "Bridge", "Bridge", "• Bridge", "Bridge", sentence(20))
    assert _with_gaps(doc, block_scores(doc))[1:6] == [-2.0, -2.0, -2.0, -0.5, -3.0]  # BULLET_LINE


@pytest.mark.parametrize("at, found", [(12, True), (13, False)])  # STORY_UNDER_TITLE
def test_the_story_under_a_title_line_starts_within_twelve_lines_of_it(
    at: int, found: bool
) -> None:
    doc = undecided(*[f"Line {n}" for n in range(20)])
    line_scores = [-2.0] * 20
    line_scores[at] = 30.0
    run = _run_under(doc, line_scores, 0)
    assert (run == (30.0, at, at)) if found else run is None


@pytest.mark.parametrize("gap, thread", [(12, True), (13, False)])  # THREAD_GAP
def test_records_make_a_thread_twelve_lines_apart_at_most(gap: int, thread: bool) -> None:
    # Three name-and-date records, each after a comment's text: the last comes `gap` lines
    # after the second.
    lines = [sentence(20), "Ann Lee", "Nice piece.", "Bo Chan", *["Agreed."] * (gap - 1), "Cy Dunn"]
    doc = undecided(*lines)
    for index in (1, 3, len(lines) - 1):
        doc.decide(index, Label.BYLINE, "BYL001")
    assert _thread_start(doc, 0) == (1 if thread else len(doc))


@pytest.mark.parametrize("at, follows", [(12, True), (13, False)])  # THREAD_WINDOW
def test_a_comments_heading_is_followed_by_records_within_twelve_lines(
    at: int, follows: bool
) -> None:
    # The heading at 0; a record at 1, a comment's text, and the second record at `at`.
    lines = ["Comments", "Ann Lee", *["Nice piece."] * (at - 2), "Bo Chan", "Agreed."]
    doc = undecided(*lines)
    doc.decide(1, Label.BYLINE, "BYL001")
    doc.decide(at, Label.BYLINE, "BYL001")
    assert _record_follows(doc, 0) is follows


TITLE = "Bridge reopens after the floods | Daily News"  # a whole page's text opens with its <title>


def titled(lines: dict[int, str], size: int = 30) -> Document:
    """A page's text of `size` lines: the <title> first, `lines` where given, filler lines."""
    return undecided(TITLE, *[lines.get(n, f"Line {n}") for n in range(1, size)])


@pytest.mark.parametrize("at, footer", [(8, True), (9, False)])  # TITLE_UNDER_STORY
def test_the_title_shown_again_three_lines_under_the_story_is_its_footer(
    at: int, footer: bool
) -> None:
    doc = titled({at: "Bridge reopens after the floods"})
    line_scores = [-2.0] * len(doc)
    for index in (2, 3, 4, 5):  # the longest run: 40
        line_scores[index] = 10.0
    line_scores[at + 1] = 100.0  # a story under the title line
    found = _under_title(doc, line_scores, (2, 5))
    assert found is None if footer else found == (at + 1, at + 1)


@pytest.mark.parametrize("below, kept", [(12.0, True), (11.5, False)])  # BELOW_SHARE
def test_a_story_under_a_title_line_below_the_longest_run_needs_three_tenths_of_it(
    below: float, kept: bool
) -> None:
    doc = titled({15: "Bridge reopens after the floods"})
    line_scores = [-2.0] * len(doc)
    for index in (2, 3, 4, 5):  # the longest run: 40, of which 0.3 is 12
        line_scores[index] = 10.0
    line_scores[16] = below
    found = _under_title(doc, line_scores, (2, 5))
    assert found == ((16, 16) if kept else None)


@pytest.mark.parametrize("at, found", [(5, True), (6, False)])  # STORY_UNDER_PART
def test_the_story_under_one_part_of_the_title_starts_within_three_lines_of_it(
    at: int, found: bool
) -> None:
    # "Daily News" alone is a part of the title, not the title shown again.
    doc = titled({2: "Daily News"})
    line_scores = [-5.0] * len(doc)
    for index in (20, 21):  # the longest run, far below
        line_scores[index] = 10.0
    line_scores[at] = 30.0
    run = _under_title(doc, line_scores, (20, 21))
    assert (run is not None and run[0] == at) if found else run is None


# A comments box under a short signed post: its heading, commenters' lines, a comment, a date.
THREAD_BOX = ["3 Comments", "jdoe said...", "Great news for us.", "March 3, 2014", "mary said..."]


@pytest.mark.parametrize(("comment", "is_story"), [(20, False), (21, True)])
def test_a_run_under_the_last_commenter_is_the_story_past_twice_the_posts_prose(
    comment: int, is_story: bool
) -> None:
    # COMMENT_OVER_POST: the run right under the last commenter's line is that comment while
    # it is at most twice the post's prose (10 words); past it, the page's story.
    page = [
        "Bridge to be rebuilt",
        sentence(10, "Editors"),
        "Posted by Jane Doe at 9:00 AM",
        *THREAD_BOX,
        sentence(comment, "Readers"),
    ]
    body = clean("\n\n".join(page), kind="text").body
    assert body == (sentence(comment, "Readers") if is_story else sentence(10, "Editors"))


@pytest.mark.parametrize(("copies", "under_title"), [(8, True), (9, False)])
def test_the_first_eight_copies_of_the_title_are_weighed_as_the_storys_heading(
    copies: int, under_title: bool
) -> None:
    # TITLE_LINES_LOOKED_AT: the story under the title's eighth copy is found; under the ninth,
    # the copy is not looked at and the longest run (a sidebar above) is taken.
    title = "Council Approves New Budget Plan"
    sidebar = [sentence(40, "Sidebar")] * 3
    story = [sentence(30, "Story")] * 2
    page = [title, *sidebar]
    for _ in range(copies - 1):
        page += [title, *(f"Menu item {n}" for n in range(13))]
    page += [title, *story]
    body = clean("\n\n".join(page), kind="text").body
    assert body == "\n\n".join(story if under_title else sidebar)
