"""The layout rules' own numbers (`builtin/layout.py`, and `builtin/caption_places.py` for the
captions known by their place), each just inside and just outside.

Each test builds its documents from a count (`line_of(n, ...)`) and gives the boundary as the
number the constant's comment documents: at it one label and rule, a step past it another, so
moving the value or loosening its comparison fails the test, and renaming it does not. (A
boundary read from the constant itself would move with it, and a moved value would pass
unseen.) What each number guards is said in its comment there; the numbers of
`thresholds.py` are tested in `tests/test_thresholds.py`, those of `builtin/story.py` in
`tests/test_story_thresholds.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from article_clean import Kind, Label, PatternRule, RuleSet, clean
from article_clean.blocks import split_blocks
from article_clean.builtin.anchors import title_lines
from article_clean.builtin.headline_score import first_plain_title
from article_clean.document import Document
from article_clean.features import count_words

from .test_layout import STORY

Decided = tuple[Label, str | None]
BODY: Decided = (Label.BODY, None)

CREDIT = "Sakib Ali/Hindustan Times/Getty Images"
CAPTION = "Burning crop stubble outside the city is sending smoke into its streets."


def paragraph(day: int) -> str:
    """A story paragraph of its own, for stories of as many paragraphs as a test needs."""
    return (
        f"On day {day} of the talks the council met again and voted to rebuild the old bridge "
        "over the river, which the spring floods closed."
    )


def line_of(n: int, first: str, word: str, last: str = "") -> str:
    """`first`, then `word` as often as makes `n` words, then `last` glued to the end."""
    text = " ".join([first] + [word] * (n - 1)) + last
    assert count_words(text) == n
    return text


def decided(
    content: str,
    line: str,
    kind: Kind = "text",
    rules: Sequence[RuleSet] = (),
    url: str | None = None,
) -> Decided:
    """The label and rule of the last copy of `line` once `content` is cleaned."""
    segments = clean(content, kind=kind, rules=rules, url=url).segments
    found = [(s.label, s.rule) for s in segments if s.text.strip() == line]
    assert found, f"{line!r} is no block of the text"
    return found[-1]


def text(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "n, expected",
    [
        (15, (Label.HEADLINE, "HED002")),  # TITLE_ABOVE_WORDS
        (16, (Label.NOISE, "STO001")),
    ],
)
def test_a_line_of_any_shape_right_above_the_story_is_its_headline_if_short(
    n: int, expected: Decided
) -> None:
    title = line_of(n, "Mistakes", "ever", "…")  # no title's shape: it ends in an ellipsis
    assert decided(text("Oct", "23", title, "By Jane Doe", STORY[0], STORY[1]), title) == expected


@pytest.mark.parametrize(
    "lower, expected",
    [
        (4, (Label.HEADLINE, "HED002")),  # 4 of 10 words in lower case: a title's case
        (5, BODY),  # OPENING_TITLE_LOWERCASE: from half, the story's opening sentence
    ],
)
def test_a_text_that_opens_with_a_capitalised_line_over_the_story_opens_with_its_title(
    lower: int, expected: Decided
) -> None:
    # It ends as a sentence would, so it reads as prose and the story starts with it.
    capitalised = ["Island"] * (10 - lower)
    title = " ".join(capitalised[:1] + ["the"] * lower + capitalised[1:]) + "!"
    assert count_words(title) == 10
    assert decided(text(title, STORY[0], STORY[1], STORY[2]), title) == expected


SLUG_POOL = ["fentanyl", "talks", "begin", "today", "beijing"]
OTHER_WORDS = ["end", "very", "soon", "again", "now"]


def slug_url(words: list[str]) -> str:
    return "https://example.com/2024/01/30/" + "-".join(words) + "/"


def headline_rule(title: str, slug: list[str]) -> Decided:
    return decided(text("World", title, STORY[0], STORY[1]), title, url=slug_url(slug))


@pytest.mark.parametrize(
    "n, expected",
    [(2, (Label.HEADLINE, "HED002")), (3, (Label.HEADLINE, "HED001"))],  # SLUG_WORDS
)
def test_a_slug_names_the_story_from_three_words(n: int, expected: Decided) -> None:
    # Without a slug, the same line is still the headline, by its shape.
    title = " ".join(SLUG_POOL[:3]).capitalize()
    assert headline_rule(title, SLUG_POOL[:n]) == expected


@pytest.mark.parametrize(
    "shared, expected",
    [(1, (Label.HEADLINE, "HED002")), (2, (Label.HEADLINE, "HED001"))],  # SLUG_SHARED
)
def test_a_title_matches_the_slug_from_two_shared_words(shared: int, expected: Decided) -> None:
    title = " ".join([*SLUG_POOL[:shared], OTHER_WORDS[0]]).capitalize()
    assert headline_rule(title, SLUG_POOL) == expected


@pytest.mark.parametrize(
    "words, expected",
    [(4, (Label.HEADLINE, "HED001")), (5, (Label.HEADLINE, "HED002"))],  # SLUG_SHARE
)
def test_a_title_matches_the_slug_if_half_its_words_are_the_slugs(
    words: int, expected: Decided
) -> None:
    title = " ".join([*SLUG_POOL[:2], *OTHER_WORDS[: words - 2]]).capitalize()  # 2 shared
    assert headline_rule(title, SLUG_POOL) == expected


@pytest.mark.parametrize(
    "n, expected",
    [
        (1, (Label.NOISE, "STO001")),
        (2, (Label.BYLINE, "BYL102")),  # NAMES_MIN_WORDS
        (4, (Label.BYLINE, "BYL102")),  # CARD_NAME_WORDS
        (5, (Label.NOISE, "STO001")),
    ],
)
def test_the_name_on_an_authors_card_is_two_to_four_words(n: int, expected: Decided) -> None:
    name = " ".join(["Jane", "Mary", "Ann", "Lee", "Doe", "Smith"][:n])
    card = f"Opinion\n{name}\nView Profile"
    assert decided(text("Smoke over the capital", card, STORY[0], STORY[1]), name) == expected


@pytest.mark.parametrize(
    "n, expected",
    [(5, (Label.CAPTION, "CAP103")), (6, BODY)],  # PHOTOGRAPHER_WORDS
)
def test_a_name_under_a_caption_is_its_photographer_up_to_five_words(
    n: int, expected: Decided
) -> None:
    name = " ".join(["Michael", "Conroy", "Lee", "Ann", "Mary", "Jones", "Smith"][:n])
    picture = f"An artist's concept of the Blue Moon lander.\n{name}"
    assert decided(text(STORY[0], picture, STORY[1], STORY[2]), name) == expected


@pytest.mark.parametrize(
    "times, expected", [(2, BODY), (3, (Label.NOISE, "NOI100"))]  # REPEATED_LONG
)
def test_a_long_line_is_furniture_once_the_page_repeats_it_often(
    times: int, expected: Decided
) -> None:
    credit = line_of(16, "Photo", "Credit")  # too long to be a short line
    lines = [paragraph(0)]
    for day in range(1, times + 1):
        lines += [credit, paragraph(day)]
    assert decided(text(*lines), credit) == expected


@pytest.mark.parametrize(
    "n, expected",
    [(15, (Label.NOISE, "NOI100")), (16, BODY)],  # REPEATED_SHORT_WORDS
)
def test_a_short_line_is_furniture_once_the_page_shows_it_twice(
    n: int, expected: Decided
) -> None:
    line = line_of(n, "Photo", "Credit")
    story = text(paragraph(0), line, paragraph(1), line, paragraph(2))
    assert decided(story, line) == expected


@pytest.mark.parametrize(
    "times, expected", [(2, (Label.NOISE, "NOI100")), (3, BODY)]  # REPEATED_LABEL
)
def test_a_short_line_repeated_often_between_the_storys_paragraphs_is_its_own(
    times: int, expected: Decided
) -> None:
    question = "What happens next?"  # an interviewer's question
    lines = [paragraph(0)]
    for day in range(1, times + 1):
        lines += [question, paragraph(day)]
    assert decided(text(*lines), question) == expected


@pytest.mark.parametrize(
    "links, expected",
    [(12, (Label.NOISE, "NOI101")), (13, (Label.NOISE, "STO001"))],  # RELATED_BOX_MAX
)
def test_a_related_heading_heads_a_box_of_a_dozen_links(links: int, expected: Decided) -> None:
    titles = [f"Police find fentanyl in school number {i}" for i in range(1, links + 1)]
    story = text(paragraph(0), "Related Stories", *titles, paragraph(1), paragraph(2))
    # The last link of a longer box is no longer under the heading: the story's rule takes it.
    assert decided(story, titles[-1]) == expected


@pytest.mark.parametrize(
    "n, expected",
    [(15, (Label.NOISE, "NOI101")), (16, BODY)],  # RELATED_TITLE_WORDS
)
def test_a_teaser_ending_in_an_exclamation_is_a_linked_title_if_short(
    n: int, expected: Decided
) -> None:
    teaser = line_of(n, "Police", "find", "!")
    first, last = "Police find fentanyl in a school", "Man arrested after a chase"
    story = text(paragraph(0), "Related Stories", first, teaser, last, paragraph(1), paragraph(2))
    assert decided(story, teaser) == expected
    assert decided(story, last) == expected  # a paragraph ends the box


WORDS_OF_CAPTION = 20


@pytest.mark.parametrize(
    "lower, expected",
    [(7, BODY), (8, (Label.CAPTION, "CAP101"))],  # 35% and 40% (CAPTION_LOWERCASE) of 20 words
)
def test_a_line_under_a_credit_is_its_caption_if_it_reads_as_a_phrase(
    lower: int, expected: Decided
) -> None:
    # Under the credit, above a paragraph, below one too long to be a caption itself: a line
    # with no full stop is the caption if enough of its words are in lower case.
    caption = " ".join(["Smoke"] + ["over"] * lower + ["Delhi"] * (WORDS_OF_CAPTION - 1 - lower))
    too_long = f"{STORY[1]} {STORY[2]}"
    assert count_words(too_long) > 40
    story = text(STORY[0], too_long, CREDIT, caption, STORY[2], STORY[3])
    assert decided(story, caption) == expected


@pytest.mark.parametrize(
    "n, expected", [(40, (Label.CAPTION, "CAP100")), (41, BODY)]  # CAPTION_WORDS
)
def test_the_line_above_a_credit_is_its_caption_if_short_enough(
    n: int, expected: Decided
) -> None:
    caption = line_of(n, "Smoke", "over", ".")
    story = text(STORY[0], STORY[1], caption, CREDIT, STORY[2], STORY[3])
    assert decided(story, caption) == expected


@pytest.mark.parametrize(
    "caption, expected", [("Smoke Delhi", BODY), ("Smoke Over Delhi", (Label.CAPTION, "CAP100"))]
)  # CAPTION_MIN_WORDS
def test_a_line_above_a_credit_is_more_than_a_name_from_three_words(
    caption: str, expected: Decided
) -> None:
    story = text(STORY[0], STORY[1], caption, CREDIT, STORY[2], STORY[3])
    assert decided(story, caption) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [(3, (Label.CAPTION, "CAP100")), (4, BODY)],  # STORY_AFTER_CREDIT
)
def test_a_credit_is_inside_the_story_if_a_paragraph_follows_within_a_few_lines(
    lines: int, expected: Decided
) -> None:
    # After four short lines, the story has ended at the credit: it credits the post's
    # picture, and the line above it is the story's last paragraph.
    headings = [f"Section {chr(ord('A') + i)}" for i in range(lines)]
    story = text(STORY[0], STORY[1], CAPTION, CREDIT, *headings, STORY[2], STORY[3])
    assert decided(story, CAPTION) == expected


GALLERY = RuleSet("gallery", [PatternRule("GAL001", "body", r"^Picture \d+$")])


@pytest.mark.parametrize(
    "pictures, expected",
    [(23, (Label.CAPTION, "CAP100")), (24, BODY)],  # GALLERY_LINES
)
def test_a_credit_is_inside_the_story_if_a_paragraph_follows_past_a_gallery(
    pictures: int, expected: Decided
) -> None:
    # Lines a rule decided (here a site's own rule, which keeps them in the story) do not count
    # as the story's end; 24 lines under the credit, the paragraph is too far to tell.
    gallery = [f"Picture {i}" for i in range(pictures)]
    story = text(STORY[0], STORY[1], CAPTION, CREDIT, *gallery, STORY[2], STORY[3])
    assert decided(story, CAPTION, rules=[GALLERY]) == expected


@pytest.mark.parametrize(
    "pairs, expected", [(1, BODY), (2, (Label.CAPTION, "CAP101"))]  # TEMPLATE_PAIRS
)
def test_a_page_that_puts_credits_above_captions_twice_has_its_captions_under_them(
    pairs: int, expected: Decided
) -> None:
    # Each picture: a paragraph too long to be a caption, the credit, then a caption found by
    # its shape. Then one more picture whose caption is a question, no caption's shape: it is
    # known by the page's habit alone.
    ordinals = ["first", "second", "third", "fourth", "fifth"]
    question = "Why would you send me across a motorway, Atlas?"
    lines = ["Maps vs Atlas: which app finds the way"]
    for i in range(pairs + 1):
        lines += [f"{STORY[i % 3]} {STORY[3]}", "Source: Ana Lima"]
        lines.append(question if i == pairs else f"Maps vs Atlas: the {ordinals[i]} route")
    assert decided(text(*lines, STORY[3]), question) == expected


def lead_page(words: int) -> str:
    """A page whose main content opens with a paragraph of `words` words above the byline."""
    lead = line_of(words, "Officials", "agreed", ".")
    story = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<article><p>{lead}</p><p>By Jane Doe</p>{story}</article>"
    return f"<html><head><title>Smoke</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "words, expected", [(19, (Label.NOISE, "STO001")), (20, BODY)]  # LEAD_WORDS
)
def test_a_long_paragraph_above_the_byline_in_the_pages_main_content_is_the_storys(
    words: int, expected: Decided
) -> None:
    lead = line_of(words, "Officials", "agreed", ".")
    assert decided(lead_page(words), lead, kind="html") == expected


# The helpers the layout rules read: where a whole page's text shows its <title> again, and
# which title-shaped line above the story is a page's headline.


def document(*lines: str) -> Document:
    source = "\n\n".join(lines)
    return Document(source, split_blocks(source))


@pytest.mark.parametrize("title, again", [("Talks", False), ("Talks begin", True)])  # PIECE_WORDS
def test_a_part_of_the_title_shown_again_names_the_post_from_two_words(
    title: str, again: bool
) -> None:
    doc = document(f"{title} | Daily", "Home", title, STORY[0])
    assert title_lines(doc) == ((2,) if again else ())


@pytest.mark.parametrize(
    "title, again", [("Talks begin", False), ("Talks begin again", True)]  # PIECE_INSIDE_WORDS
)
def test_a_part_of_the_title_inside_a_longer_line_names_it_from_three_words(
    title: str, again: bool
) -> None:
    doc = document(f"{title} | Daily", "Home", f"{title} today", STORY[0])
    assert title_lines(doc) == ((2,) if again else ())


@pytest.mark.parametrize(
    "title, first", [("Talks begin", None), ("Talks begin today", 1)]  # PLAIN_TITLE_WORDS
)
def test_a_plain_title_is_three_words_or_more(title: str, first: int | None) -> None:
    doc = document("Hong Kong", title, STORY[0])
    assert first_plain_title(doc, [0, 1]) == first


@pytest.mark.parametrize(
    "label, first", [("Presented in association with", 2), ("Presented by Rail Weekly", 1)]
)
def test_a_plain_title_is_no_label_that_leads_on_to_what_follows(
    label: str, first: int
) -> None:
    doc = document("Hong Kong", label, "Talks begin today", STORY[0])
    assert first_plain_title(doc, [0, 1, 2]) == first


def test_a_label_is_the_plain_title_when_no_other_line_is() -> None:
    doc = document("Hong Kong", "Presented in association with", STORY[0])
    assert first_plain_title(doc, [0, 1]) == 1
