"""Where the story is, on whole pages: what outweighs the longest run of prose."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_clean import Document, clean
from article_clean.blocks import split_blocks
from article_clean.builtin.story import table_rows
from article_clean.model import Hint

POST = (
    "I finally tried the new bakery on the corner this morning, and the rye loaf was every bit "
    "as good as the neighbours had promised."
)
COMMENTS = [
    (
        "Anna Berg",
        "October 2, 2012 | Permalink",
        "Lovely! We went there last weekend too and the cinnamon buns were gone by nine in the "
        "morning, so get there early if you want to try them before the queue forms.",
    ),
    (
        "Tom Weller",
        "October 3, 2012 | Permalink",
        "The owner used to run a stall at the Saturday market, and he still bakes everything "
        "himself in the back room, which is why the bread is sold out by lunchtime most days.",
    ),
    (
        "Maria Lopez",
        "October 4, 2012 | Permalink",
        "I have been buying their sourdough for months now and it keeps for almost a week, which "
        "is more than I can say for anything from the supermarket down the road from us.",
    ),
]
SIDEBAR = [
    "About me",
    "I am a food writer and photographer living in the city, and I have been writing this blog "
    "about bread, cakes and the people who make them since the winter of 2009.",
    "Archives",
    "October 2012 (12)",
    "September 2012 (9)",
]


def _whole_page(title_line: str, post_title: str) -> str:
    """A blog page as a generic HTML-to-text tool writes it: <title>, menu, post, thread."""
    lines = [title_line, "Home", "Recipes", "Contact", post_title, "October 1, 2012", POST]
    lines += ["3 Comments"]
    for name, date, text in COMMENTS:
        lines += [name, date, text]
    lines += SIDEBAR
    return "\n".join(lines)


def test_a_short_post_under_its_title_beats_the_longer_comment_thread() -> None:
    text = _whole_page("Corner bakery rye | Crumbs and Crusts", "Corner bakery rye")
    article = clean(text, kind="text")
    assert article.body == POST
    assert all(text not in article.body for _, _, text in COMMENTS)


def test_a_thread_is_known_by_its_records_without_a_heading_or_a_title_line() -> None:
    # No title line shown again, no comments heading: a name and a date after every comment.
    text = _whole_page("Crumbs and Crusts", "Corner bakery rye").replace("3 Comments\n", "")
    assert clean(text, kind="text").body == POST


def test_a_storys_own_byline_and_dateline_are_not_a_thread() -> None:
    story = [
        "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
        "which has been closed to traffic since the spring floods damaged it.",
        "Work starts in March and should take about a year, the mayor said after the vote.",
        "A temporary crossing will open for cyclists next month, the council said.",
    ]
    text = "\n".join(
        ["Bridge to be rebuilt", "By Jane Doe", "October 2, 2012", story[0], story[1],
         "Updated October 3, 2012", story[2]]
    )
    assert clean(text, kind="text").paragraphs == tuple(story)


def test_a_first_line_that_is_a_sentence_anchors_nothing() -> None:
    # A fact-check opens with the claim it checks, and its story quotes the claim again.
    claim = "A million loaves a week are baked in this town."
    story = [
        "The bakers' guild met on Monday to count the town's output for the first time in ten "
        "years, and the figure surprised even its own members.",
        f"The mayor said that {claim[0].lower()}{claim[1:]}",
        "Most of that bread is sold within a day of baking, the guild said, and very little of it "
        "leaves the region, because the shops buy from the bakeries next door.",
        "We rate the claim Mostly True, since the guild's own count comes close to it.",
    ]
    header = [
        claim,
        "— the mayor on Sunday, October 13th, 2019 in a radio interview",
        "How much bread does the town bake?",
        "By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m.",
    ]
    article = clean("\n\n".join([*header, *story]), kind="text")
    assert article.paragraphs == tuple(story)


def test_a_story_byline_after_a_share_bar_comments_link_is_not_a_thread() -> None:
    story = [
        "The city council voted on Tuesday to keep the old market hall open for another ten "
        "years, after traders collected more than four thousand signatures.",
        "The hall will get a new roof next spring, paid for by the traders' association and a "
        "grant from the region, the mayor told reporters after the vote.",
    ]
    text = "\n".join(
        [
            "Market hall stays open | City News",
            "Home",
            "Market hall stays open",
            "Facebook",
            "Comments",
            "By Jane Doe",
            "October 2, 2012",
            *story,
        ]
    )
    assert clean(text, kind="text").paragraphs == tuple(story)


def test_a_page_read_whole_keeps_the_short_post_trafilatura_found() -> None:
    # trafilatura keeps under 500 characters: the page is read whole, and its footer holds
    # more prose than the post.
    footer = (
        "<footer><p>The street has had a bakery on this corner since the war, and the building "
        "still carries the painted sign of the family who ran it for three generations before "
        "the shop closed in the spring of 1998.</p><p>Volunteers from the old town society keep "
        "this site, and they welcome photographs and stories of the shops that once stood along "
        "the river.</p></footer>"
    )
    months = [f"{month} 2012" for month in ("January", "February", "March", "April", "May")]
    links = [*months, "Bread", "Cakes", "Markets", "Recipes", "Travel", "Older posts", "Feed"]
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in links * 3)
    page = (
        "<html><body><div class='post'><h2 class='entry-title'>Corner bakery rye</h2>"
        f"<div class='entry-content'><p>{POST}</p></div></div><ul>{menu}</ul>{footer}"
        "</body></html>"
    )
    article = clean(page, kind="html")
    assert article.body == POST


def test_a_whole_menu_written_as_one_line_is_not_prose() -> None:
    months = " ".join(f"{m} 2012 ({n})" for n, m in enumerate(("January", "February", "March"), 4))
    archive = "Archives by Author Adam DuVander Jane Doe Select Month " + months * 8 + " Home."
    story = [
        "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
        "which has been closed to traffic since the spring floods damaged it.",
        "Work starts in March and should take about a year, the mayor said after the vote, "
        "adding that a temporary crossing will open for cyclists next month.",
    ]
    text = "\n".join(["Bridge to be rebuilt", *story, "Share", "Tweet", "Email", archive])
    assert clean(text, kind="text").paragraphs == tuple(story)


def test_a_long_gap_of_short_lines_ends_the_story() -> None:
    story = [
        "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
        "which has been closed to traffic since the spring floods damaged it.",
        "Work starts in March and should take about a year, the mayor said after the vote, "
        "adding that a temporary crossing will open for cyclists next month.",
    ]
    widgets = ["Bread", "Cakes", "Markets", "Recipes", "Travel", "Gardens", "Schools", "Sport"]
    blurb = (
        "Our weekly newsletter brings you the best of the town's news, events and long reads "
        "every Friday morning, with a look back at the stories our readers liked the most."
    )
    text = "\n".join(["Bridge to be rebuilt", *story, *widgets, blurb])
    assert clean(text, kind="text").paragraphs == tuple(story)



def test_a_group_of_capitalised_link_titles_is_not_a_wrapped_paragraph() -> None:
    # A sidebar's links, one group of lines: an abbreviation's full stops make "sentences" of
    # them, but lines of capitalised titles are no paragraph broken into lines.
    links = [
        "Senate Passes the U.S. Farm Bill After Long Debate | The Daily Ledger",
        "Why the G.O.P. Platform Matters for Rural Voters This Fall",
        "Ten Things We Learned From the County Fair Season",
        "Harvest Moon Festival Returns to the Old Mill Next Weekend",
    ]
    story = [
        "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
        "which has been closed to traffic since the spring floods damaged it.",
        "Work starts in March and should take about a year, the mayor said after the vote, "
        "adding that a temporary crossing will open for cyclists next month.",
    ]
    text = "\n\n".join(["Bridge to be rebuilt", "\n".join(links), "Share", *story])
    assert clean(text, kind="text").paragraphs == tuple(story)
    # Lines of prose broken at a fixed width are one paragraph, kept whole.
    lines = textwrap.wrap(" ".join(story), width=40)
    text = "\n\n".join(["Bridge to be rebuilt", "\n".join(lines), "Share", "Tweet"])
    assert clean(text, kind="text").paragraphs == tuple(lines)


def test_a_list_a_two_word_line_announces_stays_in_the_story() -> None:
    story = [
        "The festival opens on Friday with a week of screenings in a dozen cities, and the "
        "director will introduce the film in person at the first two of them.",
        "Tickets go on sale at each theatre's box office and online from Monday morning.",
    ]
    schedule = [
        "Upcoming screenings:",
        "Harbourton, TX – The Lantern Picturehouse",
        "Eastbrook, CO – Northfield Cinema",
        "Westmere, OR – Riverside Theatre",
        "Kettleby, OK – Orchard Cinemas",
    ]
    text = "\n".join(["Festival comes to town", *story, *schedule, "Share", "Tweet", "Email"])
    assert clean(text, kind="text").paragraphs == (*story, *schedule)


def test_a_short_post_ends_at_a_blogger_style_comments_heading() -> None:
    text = _whole_page("Corner bakery rye | Crumbs and Crusts", "Corner bakery rye")
    text = text.replace("3 Comments", "{ 3 comments… read them below or add one }")
    text = text.replace("Anna Berg", "Anna said...")
    assert clean(text, kind="text").body == POST


def test_on_a_whole_page_the_title_shown_again_is_the_headline() -> None:
    text = _whole_page("Corner bakery rye | Crumbs and Crusts", "Corner bakery rye")
    text = text.replace("Home\n", "Home\nBread and cakes from the old town\n")
    assert clean(text, kind="text").headline == "Corner bakery rye"


ABOUT = [
    "About me",
    "I am a food writer and photographer living in the city, and I have been writing this blog "
    "about bread, cakes and the people who make them since the winter of 2009, when I moved here.",
    "Before that I worked in a bakery for ten years, first at the counter and then at the ovens, "
    "which is where I learned most of what I know about dough and the patience it asks of us.",
]


def test_one_part_of_the_title_shown_as_a_line_heads_the_short_post_under_it() -> None:
    """The post's title is the shorter part of "Site name » Post title": the line showing it
    heads the post, although a longer run of prose (an About box) sits below the thread."""
    lines = ["The Crumbs and Crusts Blog » Corner rye", "Corner rye", "bread — crumbs @ 11:56"]
    lines += [POST, "Comments (0)", "No comments yet.", "Leave a comment", "Name (required)"]
    article = clean("\n".join([*lines, *ABOUT]), kind="text")
    assert article.body == POST
    assert article.headline == "Corner rye"


def test_a_part_of_the_title_inside_the_story_is_a_subheading_not_its_start() -> None:
    story = [
        "The bakery opened in the spring in the old shoe shop, and for weeks the windows were "
        "covered in paper while the owners rebuilt the ovens that had stood there for a century.",
        "They bake three kinds of bread every morning and a fourth on Saturdays, and they sell "
        "what is left at half price in the last hour before the shop closes in the evening.",
        "Corner rye",
        POST,
        COMMENTS[1][2],
    ]
    lines = ["The Crumbs and Crusts Blog » Corner rye", "Home", "Recipes", *story, "Archives"]
    article = clean("\n".join(lines), kind="text")
    assert article.body == "\n\n".join(story)


def test_the_storys_tags_line_ends_it_before_the_sponsored_posts_below() -> None:
    story = [
        "The startup, founded last year by two former engineers of a large software company, "
        "lets people ask questions of others who have made the same decision before them.",
        "Its founders say that answers from strangers who have been in the same place are more "
        "useful than the results of a web search, and come within minutes of the question.",
        "The company raised half a million dollars from angel investors this month and plans to "
        "open the service to everyone who signs up for it before the end of the year.",
    ]
    sponsored = [
        "Sponsor Posts",
        "Come to the school's preview day",
        "Become a skilled information professional at the school of information, whose graduates "
        "find work in libraries, in archives, in museums and at the largest software companies.",
        "Learn more about preview day here.",
        "Product camp returns",
        "The camp is a free, all-day event for the product management community, with talks, "
        "workshops and a lunch, held at the convention centre on the first Saturday of November.",
    ]
    lines = [*story, "Filed Under: Startups, Tech Tagged With: Angels, Startups", *sponsored]
    article = clean("\n\n".join(lines), kind="text")
    assert article.body == "\n\n".join(story)


def test_a_short_post_ends_at_its_comments_heading_with_two_comments_under_it() -> None:
    # Two comments are too few to be known as a thread by their records alone: the heading
    # (a rule tagged comments-heading) with records under it ends the post.
    text = _whole_page("Corner bakery rye | Crumbs and Crusts", "Corner bakery rye")
    for line in COMMENTS[2]:
        text = text.replace(f"\n{line}\n", "\n", 1)
    assert all(line not in text for line in COMMENTS[2])
    assert clean(text, kind="text").body == POST


_TITLE_WORDS = st.sampled_from(
    ["Talks", "begin", "in", "Paris", "Daily", "News", "İstanbul", "ǅemal", "straße", "STRASSE",
     "café", "2024", "_", "-", "|", "»", ":", "«", "'s", "Ο", "ς"]
)


@settings(max_examples=400)
@given(
    st.lists(_TITLE_WORDS, min_size=1, max_size=8).map(" ".join),
    st.lists(_TITLE_WORDS, min_size=1, max_size=8).map(" ".join),
    st.sampled_from(["", "upper", "lower"]),
)
def test_a_title_line_is_found_as_normalising_every_line_finds_it(
    title: str, line: str, case: str
) -> None:
    """`_names_title` looks for the pieces' first words before it normalises a line: it
    answers as it does without that look (titles and lines of the same words, in any case)."""
    from article_clean.builtin.anchors import PIECE_SHARE, _first_words, _names_title, title_key

    line = {"upper": line.upper(), "lower": line.lower()}.get(case, line)
    pieces = frozenset({title_key(title), *(title_key(part) for part in title.split("|"))}) - {""}
    long_pieces = [(f" {p} ", len(p.split())) for p in pieces if len(p.split()) >= 3]
    normal = title_key(line)
    unscreened = normal in pieces or any(
        words >= PIECE_SHARE * len(normal.split()) and piece in f" {normal} "
        for piece, words in long_pieces
    )
    assert _names_title(line, pieces, long_pieces, _first_words(pieces)) == unscreened


CUT_OFF = (
    "A court in the capital heard on Monday that the former director had allowed the bank's "
    "money to be lent to the buyers of its own shares as the stock fell toward ..."
)
BRIDGE = [
    "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
    "which has been closed to traffic since the spring floods damaged it.",
    "Work starts in March and should take about a year, the mayor said after the vote, "
    "adding that a temporary crossing will open for cyclists next month.",
]


def test_a_last_paragraph_cut_off_by_a_paywall_stays_the_storys() -> None:
    # One unfinished sentence is no prose by its shape, but right under the story it is the
    # story's last paragraph, cut off before the "Subscribe" box.
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, CUT_OFF, "Subscribe", "Log In"])
    assert clean(text, kind="text").paragraphs == (*BRIDGE, CUT_OFF)
    # A story of one paragraph and the cut-off one, printed twice: the second copy goes, as a
    # pair of paragraphs shown again together does.
    lead = BRIDGE[0]
    twice = "\n\n".join(["Bridge to be rebuilt", lead, CUT_OFF, "Print", lead, CUT_OFF])
    assert clean(twice, kind="text").paragraphs == (lead, CUT_OFF)


def test_teasers_cut_off_under_the_story_are_not_its_last_paragraph() -> None:
    other = (
        "The mayor of the next town said on Friday that her council would also look again at "
        "the plans for a new ferry across the river, which ..."
    )
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, CUT_OFF, other, "Subscribe"])
    assert clean(text, kind="text").paragraphs == tuple(BRIDGE)
    # Nor a capitalised title cut off the same way: a link to another story.
    title = "Ten Things We Learned From The County Fair Season This Year And Why They ..."
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, title, "Subscribe"])
    assert clean(text, kind="text").paragraphs == tuple(BRIDGE)


@pytest.mark.parametrize("control", ["Continue reading...", "Read more…", "Loading..."])
def test_a_paywalls_cut_off_paragraph_stays_over_a_short_control_cut_off_too(control: str) -> None:
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, CUT_OFF, control])
    assert clean(text, kind="text").paragraphs == (*BRIDGE, CUT_OFF)


def test_a_cut_off_paragraph_with_a_link_is_not_the_storys_last() -> None:
    linked = CUT_OFF.replace("shares", "shares (https://example.com/shares)")
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, linked, "Subscribe"])
    assert clean(text, kind="text").paragraphs == tuple(BRIDGE)


PHOTO_COMMENT = (
    "I have been reading this blog for years and this is exactly the kind of reminder I needed "
    "this week, thank you so much for sharing it with all of us here."
)


def _photo_post(between: list[str]) -> str:
    """A photo post's page as text: <title>, menu, the post's title and `between` (its lines
    under the picture), then a thread whose heading stands right under the post."""
    return "\n\n".join(
        [
            "A quiet morning | Lena's notebook",
            "Home",
            "About",
            "A quiet morning",
            *between,
            "3 comments:",
            "Marta said...",
            PHOTO_COMMENT,
            "September 10, 2012 4:45 AM",
            "Jonas said...",
            "Such a lovely picture.",
            "September 10, 2012 6:14 AM",
        ]
    )


def test_a_photo_post_with_no_prose_does_not_take_a_comment_under_it_for_its_story() -> None:
    # The longest prose of the page is the first comment; the thread's heading and its
    # commenters' lines stand between it and the post's headline, with no prose above them.
    article = clean(_photo_post([]))
    assert article.headline == "A quiet morning"
    assert article.body == ""
    assert PHOTO_COMMENT in article.comments


def test_a_photo_posts_lines_under_its_headline_are_its_story_up_to_eleven_of_them() -> None:
    # POST_LINES: the heading 12 lines under the headline (11 between) ends the post's lines;
    # 13 lines under it, they are the page's boxes, and the post is its headline alone.
    lines = [f"Frame {n} of the roll" for n in range(1, 13)]
    assert clean(_photo_post(lines[:11])).body == "\n\n".join(lines[:11])
    assert clean(_photo_post(lines)).body == ""


def test_a_comments_link_over_the_storys_byline_does_not_make_it_a_thread() -> None:
    # Records under the heading (the story's byline and dateline, twice, with a dek between),
    # but no commenter's line: a share bar's "Comments" link, and the story below stays.
    page = "\n\n".join(
        [
            "A quiet morning | Lena's notebook",
            "Home",
            "A quiet morning",
            "Comments",
            "By Lena Berg",
            "September 9, 2012",
            "A walk by the river before the town wakes up.",
            "Lena Berg",
            "September 9, 2012",
            PHOTO_COMMENT,
            POST,
        ]
    )
    assert PHOTO_COMMENT in clean(page).body


@pytest.mark.parametrize(
    ("neighbour", "kept"),
    [("Read the rest...", True), ("Read the whole story...", False)],  # TEASER_NEIGHBOUR_WORDS
)
def test_a_line_cut_off_beside_the_excerpt_makes_it_a_teaser_from_a_titles_words(
    neighbour: str, kept: bool
) -> None:
    text = "\n\n".join(["Bridge to be rebuilt", *BRIDGE, CUT_OFF, neighbour])
    paragraphs = clean(text, kind="text").paragraphs
    assert paragraphs == ((*BRIDGE, CUT_OFF) if kept else tuple(BRIDGE))


SHORT_POST = [
    "Not exactly a cool technology, but a cool product of nature. I was walking in the orchard "
    "at dawn this morning and came upon a giant white puffball mushroom - Calvatia Gigantea",
    "As a forager, I usually get calls about people eating wild mushrooms. With this one, I "
    "worry more about mushrooms eating people!",
    "A fungus that is bigger than a car tire. That's cool!",
]
LAST_COMMENT = [
    "As a fellow emergency physician, I'm wondering if you ever got an answer to the question "
    "that every doctor in the department asks a patient who has eaten something from the woods "
    "(all the clinicians want to know):",
    '"Why did you eat that?"',
    "(Obviously, I'm talking about the small group of people who are not experts, and who eat "
    "a mushroom just before its season is about to expire...)",
]


POST_FOOTER = ["Labels: fungi, nature", "Share", "Tweet", "Pin it", "Email", "Print"]
POST_FOOTER += ["Older Post", "Newer Post", "Home", "Subscribe to: Post Comments (Atom)"]


LAST_DATE = "October 22, 2012 9:02 AM"


def _post_and_thread(footer: list[str], last: list[str]) -> str:
    """The short post, signed off, its `footer`, then a thread of four comments, the `last`
    of them as given (its commenter's line, its date, its paragraphs)."""
    return "\n\n".join(
        [
            "Cool Technology of the Week",
            *SHORT_POST,
            "Posted by John Halamka at 3:00 AM",
            "Email ThisBlogThis!Share to TwitterShare to Facebook",
            *footer,
            "4 comments:",
            "Anonymous said...",
            "Wowza! That is really cool!",
            "So I take it that it is safe to eat?",
            "October 19, 2012 10:54 AM",
            "Kevin Groff said...",
            "I see a big eating challenge in your future...",
            "October 19, 2012 11:58 AM",
            "John Halamka said...",
            "Completely edible, but not incredible. Slice it thin and cook it as you would a steak",
            "October 19, 2012 12:14 PM",
            *last,
            "Post a Comment",
        ]
    )


@pytest.mark.parametrize("footer", [[], POST_FOOTER])  # the heading near or far (POST_LINES)
def test_a_short_post_above_its_thread_beats_the_longer_last_comment(footer: list[str]) -> None:
    """The thread's last comment outscores the post of three short paragraphs; no commenter's
    line follows it, but one stands right above it: it is a comment, and the post the story,
    however far below it the thread's heading stands."""
    text = _post_and_thread(footer, ["Jim Thompson MD said...", *LAST_COMMENT, LAST_DATE])
    article = clean(text, kind="text", strict=True)
    assert article.headline == "Cool Technology of the Week"
    assert article.body == "\n\n".join(SHORT_POST)
    assert LAST_COMMENT[0] in article.comments


def test_a_short_post_under_its_blogs_longer_description_is_the_story() -> None:
    """A blog's whole page: its name, its description, the post's date and title, the short
    post, its thread. The story found is the description alone; the post's title a few blocks
    under it, next to its date, is the headline, and the story is the run under it."""
    description = (
        "Every day I experience life in the world of foraging, walking the orchards and woods "
        "around the town at dawn, and I write about what I find there for anyone who asks."
    )
    text = "\n\n".join(
        [
            "Notes of a Forager: Cool Technology of the Week",
            "skip to main | skip to sidebar",
            "Notes of a Forager",
            description,
            "Friday, October 19, 2012",
            "Cool Technology of the Week",
            *SHORT_POST,
            "Posted by John Halamka at 3:00 AM",
            *POST_FOOTER,
            "4 comments:",
            "Anonymous said...",
            "Wowza! That is really cool!",
            "October 19, 2012 10:54 AM",
        ]
    )
    article = clean(text, kind="text", strict=True)
    assert article.headline == "Cool Technology of the Week"
    assert article.body == "\n\n".join(SHORT_POST)


def test_the_last_comment_under_its_commenters_line_and_date_is_a_comment() -> None:
    """The last commenter's line with its date under it, then the comment: the comment opens
    two lines under the name (COMMENTER_ABOVE), and the short post above is still the story."""
    text = _post_and_thread([], ["Jim Thompson MD said...", LAST_DATE, *LAST_COMMENT])
    article = clean(text, kind="text", strict=True)
    assert article.body == "\n\n".join(SHORT_POST)
    assert LAST_COMMENT[0] in article.comments


def test_a_story_lines_below_the_last_commenters_line_is_no_last_comment() -> None:
    """A signed-off note, a box of comments, then a story of about the note's length a few lines
    under the box's last commenter: not right under a name line (COMMENTER_ABOVE), so not the
    thread's last comment; the story stays."""
    page = "\n\n".join(
        [
            "Bridge to be rebuilt",
            "A short note from the editor on the bridge, the vote and the work to come, with "
            "more on the cost of the crossing in the story below.",
            "Posted by Jane Doe at 9:00 AM",
            *THREAD_BOX,
            "Finally!",
            "March 4, 2014",
            "Bridge to be rebuilt next year",
            BRIDGE[0],
        ]
    )
    assert clean(page, kind="text", strict=True).paragraphs[-1] == BRIDGE[0]


def test_a_brief_under_a_box_of_recent_comments_is_not_taken_for_one() -> None:
    """A dek, a box of recent comments, then a story of one paragraph, no longer than twice
    the dek: the dek is no post, for no byline signs it off above the box."""
    story = (
        "The council voted on Tuesday night to rebuild the old bridge over the river, closed "
        "since the spring floods damaged it, and work will start in March."
    )
    page = "\n\n".join(
        [
            "Bridge to be rebuilt",
            "The town will replace its old bridge next year after a long fight over the cost of "
            "the work.",
            "Most recent comments",
            "jdoe says:",
            "Great news for us.",
            "March 3, 2014",
            "mary says:",
            "Finally!",
            story,
        ]
    )
    assert clean(page, kind="text", strict=True).body == story


# A comments box: its heading, two commenters' lines, a comment and its date between them.
THREAD_BOX = ["3 Comments", "jdoe said...", "Great news for us.", "March 3, 2014", "mary said..."]


def test_a_run_over_twice_the_signed_post_under_a_commenter_is_no_last_comment() -> None:
    """Under a signed-off post and its thread, a run over twice the post's prose right under
    the last commenter's line may be the page's story (COMMENT_OVER_POST): it stays."""
    page = "\n\n".join(
        [
            "Bridge to be rebuilt",
            "A short note from the editor on the bridge.",
            "Posted by Jane Doe at 9:00 AM",
            *THREAD_BOX,
            *BRIDGE,
            POST,
        ]
    )
    assert clean(page, kind="text", strict=True).paragraphs[-3:] == (*BRIDGE, POST)


def test_a_long_story_under_a_comments_box_is_no_last_comment() -> None:
    """A box of recent comments between a short dek and the story: the story opens right under
    a commenter's line, but it is over twice the dek's prose (COMMENT_OVER_POST)."""
    page = "\n\n".join(
        [
            "Bridge to be rebuilt",
            "The town will replace its old bridge next year.",
            *THREAD_BOX,
            *BRIDGE,
            POST,
        ]
    )
    assert clean(page, kind="text").paragraphs[-3:] == (*BRIDGE, POST)


def test_a_short_thread_between_the_headline_and_the_story_leaves_the_story() -> None:
    # A comments box above the story: the run found is the story itself, with no commenter's
    # line under it, so the post is not taken for one with no prose.
    page = "\n\n".join(
        [
            "Bridge to be rebuilt | River Town",
            "Bridge to be rebuilt",
            *THREAD_BOX,
            "Finally!",
            "March 4, 2014",
            *BRIDGE,
            POST,
        ]
    )
    assert clean(page, kind="text").paragraphs[-3:] == (*BRIDGE, POST)


GUIDE = [
    f"Paragraph {n} of the guide explains how the two kinds of retirement account differ, "
    "who may open one, and what each costs in taxes now and later."
    for n in range(6)
]


def _guide_with_footer(headline: str) -> str:
    footer = [
        f"Posts Related to {headline}",
        "401(k) Is Not Enough: 4 Alternatives to Your Retirement Planning",
        "Retirement is Overrated!",
        "Dominique Brown",
        "Dominique Brown is the CEO of a financial planning firm, a landlord, a financial "
        "educator and the owner of a non-profit that teaches budgeting in schools.",
    ]
    return "\n\n".join([headline, *GUIDE, *footer])


@pytest.mark.parametrize(
    "headline",
    [
        "An in-depth view on Roth vs. Traditional IRA",  # an article's own headline
        "Retirement: An in-depth view on Roth vs. Traditional IRA",  # or a page's <title>
        "An in-depth view on Roth vs. Traditional IRA | Your Finance Site",
    ],
)
def test_a_line_naming_the_post_under_it_heads_nothing(headline: str) -> None:
    """"Posts Related to <title>" under the story, then teaser titles and the writer's bio:
    taken for the title shown again, it made the bio the story and the story noise."""
    article = clean(_guide_with_footer(headline), kind="text", strict=True)
    # The footer's short lines are a cheap gap in the run: the story finder keeps them with
    # the bio under them (ending the story above the line cost "check" more than it gained).
    assert article.body.startswith("\n\n".join(GUIDE))


def test_a_line_naming_the_post_with_more_story_under_it_heads_that_story() -> None:
    """A line that holds the title among words of its own heads the story under it where
    more of the story stands under it than above: a dek above a "Review: <title>" line."""
    headline = "Corner bakery rye"
    dek = (
        "A new bakery opened on the corner this spring, and the neighbours have been talking "
        "about its bread ever since."
    )
    review = [
        f"Paragraph {n} of the review says the rye loaf was every bit as good as the "
        "neighbours had promised, and the crust kept for three days."
        for n in range(4)
    ]
    text = "\n\n".join([headline, dek, f"Review: {headline}", *review])
    article = clean(text, kind="text", strict=True)
    assert article.body == "\n\n".join(review)


@pytest.mark.parametrize("title_line", ["Think Apps not Books | 47 Hats", "Think Apps not Books"])
def test_the_title_alone_shown_again_heads_the_story_under_a_sidebar(title_line: str) -> None:
    """A whole page's text, its first line the <title> with or without the site's name: the
    title alone shown again heads the story, however much prose a sidebar puts above it."""
    about = [
        f"About this blog, part {n}: I write about the tools I use to run a small company, "
        "and about the books on management that I read on the train every morning."
        for n in range(4)
    ]
    story = [
        f"Paragraph {n} of the post says what the author learned from the interview, and how "
        "a founder might keep the list of what to do next out of the head and on paper."
        for n in range(2)
    ]
    page = [title_line, *about, "Think Apps not Books", *story]
    article = clean("\n\n".join(page), kind="text", strict=True)
    assert article.body == "\n\n".join(story)


STORY_PARAGRAPHS = [
    f"Paragraph {n} of the market report says how prices moved in the month, city by city, "
    "and what the agents expect of the autumn."
    for n in range(6)
]
CITIES = ["Phoenix", "Denver", "Boston", "Chicago", "Seattle", "Austin", "Portland", "Miami"]


def _table(rows: int) -> list[str]:
    header = "City\tMedian price\tYearly change\tMonthly change"
    return [header] + [
        f"{CITIES[n % len(CITIES)]} {n}\t${100 + n}\t{n % 9}.{n % 7}%\t-{n % 3}.{n % 5}%"
        for n in range(rows)
    ]


def test_a_long_table_between_two_parts_of_a_story_does_not_end_it() -> None:
    """Sixty short rows would read as the gap where the page's lists begin; a table's rows
    (cells written apart by tabs) are the story's figures, and the story goes on under them,
    however little of it: rows cost nothing."""
    table = _table(60)
    text = "\n\n".join([*STORY_PARAGRAPHS[:3], *table, STORY_PARAGRAPHS[3]])
    article = clean(text, strict=True)
    assert article.body == text
    assert clean(article.body, strict=True).body == article.body


def test_a_table_under_the_story_does_not_extend_it() -> None:
    """With no prose under it, a table does not join the story: rows score nothing either way."""
    footer = ["Jobs", "Contact", "Advertise", "Privacy"]
    text = "\n\n".join([*STORY_PARAGRAPHS, *_table(6), *footer])
    article = clean(text, strict=True)
    assert article.body == "\n\n".join(STORY_PARAGRAPHS)


def test_an_html_table_between_two_parts_of_a_story_does_not_end_it() -> None:
    rows = "".join(
        f"<tr><td>{c}</td><td>{p}</td><td>{y}</td><td>{m}</td></tr>"
        for c, p, y, m in (row.split("\t") for row in _table(40))
    )
    first = "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS[:3])
    last = "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS[3:])
    page = (
        "<html><head><title>Home prices in July</title></head><body><article>"
        f"<h1>Home prices in July</h1>{first}<table>{rows}</table>{last}</article>"
        "<footer><p>Jobs</p><p>Contact</p></footer></body></html>"
    )
    article = clean(page, strict=True)
    assert article.body.startswith(STORY_PARAGRAPHS[0])
    assert article.body.endswith(STORY_PARAGRAPHS[-1])
    assert "Seattle 4" in article.body


def _rows_of(text: str, hints: dict[int, Hint] | None = None) -> list[bool]:
    blocks = tuple(
        replace(b, hint=(hints or {}).get(b.index, b.hint)) for b in split_blocks(text)
    )
    return table_rows(Document(text, blocks))


def test_a_tables_rows_are_lines_of_two_cells_or_more_next_to_another() -> None:
    text = "\n".join(["Intro line", "a\tb", "c\td", "one tab\t", "lone\tline", "x", "e\tf\tg"])
    # "one tab\t" has one cell; "lone\tline" follows it and "x" follows that: no neighbour row.
    assert _rows_of(text) == [False, True, True, False, False, False, False]


def test_a_table_line_of_one_cell_is_a_row_in_trafilaturas_region_only() -> None:
    text = "Figures for July\nPhoenix: up 3%\nDenver: up 2%"
    region = {0: Hint.PARAGRAPH, 1: Hint.TABLE, 2: Hint.TABLE}
    assert _rows_of(text, region) == [False, True, True]
    # On a page read whole (lines outside trafilatura's region), no table is a story's.
    whole = {**region, 0: Hint.OUTSIDE}
    assert _rows_of("a\tb\nc\td\ne", whole) == [False, False, False]
    assert _rows_of(text, whole) == [False, False, False]


def test_a_title_shown_above_every_paragraph_is_weighed_a_few_times_not_once_per_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each copy of the title weighed as a heading costs a pass to the text's end: a text
    that repeats its title above each of its paragraphs would take time by their square."""
    from article_clean.builtin import story

    calls = []
    run_under = story._run_under
    monkeypatch.setattr(story, "_run_under", lambda *a, **k: calls.append(1) or run_under(*a, **k))
    paragraph = "The council met on Tuesday to discuss the budget for the schools and the roads."
    text = "\n\n".join(f"Council Approves Budget\n\n{paragraph} ({n})" for n in range(400))
    article = clean(text, kind="text", strict=True)
    assert paragraph in article.body
    assert 0 < len(calls) <= 4 * story.TITLE_LINES_LOOKED_AT
