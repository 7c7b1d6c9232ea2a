"""The text headline scorer: its shipped weights, and the choices its features promise."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from article_clean import clean
from article_clean.blocks import split_blocks
from article_clean.builtin import headline_score
from article_clean.document import Document

STORY = (
    "The night train from Vienna to Hamburg returned this week after eight years, and its "
    "sleeping cars were sold out for the first month before the first train left the station.",
    "Rail operators across Europe are adding night trains again, as travellers look for ways "
    "to cross the continent without flying; the Vienna train stops in Munich and Hanover.",
)
HEADLINE = "The quiet return of the night train"


def test_the_shipped_weights_name_every_feature_once_and_are_finite() -> None:
    data = json.loads(
        resources.files("article_clean.builtin").joinpath("headline_weights.json").read_text()
    )
    assert data["features"] == list(headline_score.FEATURES)
    assert len(data["weights"]) == len(headline_score.FEATURES)
    assert all(math.isfinite(w) for w in [*data["weights"], data["bias"]])


@pytest.mark.parametrize(
    "above",
    [
        ["Technology", "IN ASSOCIATION WITH", HEADLINE, "By Anna Berg"],  # sponsor line, kicker
        ["Travel news", "Most read this week", HEADLINE, "By Anna Berg"],  # a box's heading
        ["Rail Weekly", "Sponsored by a travel company", HEADLINE, "March 3, 2024"],
        ["IN ASSOCIATION WITH", HEADLINE],  # a label that leads on: no plain title
        ["Sponsored content in partnership with", HEADLINE, "Anna Berg"],
    ],
)
def test_the_headline_is_the_title_over_the_byline_not_the_kicker_above_it(
    above: list[str],
) -> None:
    article = clean("\n\n".join([*above, *STORY]), kind="text")
    assert article.headline == HEADLINE


def test_a_posts_timestamp_above_its_title_is_no_plain_title() -> None:
    # A short post under a blog's controls: the line with a clock time, title-shaped and first,
    # is the post's timestamp; the title is the next one.
    controls = ["Edit", "Delete", "Tags", "Autopost", "3 Mar 2024", "March 3rd, 2:02pm 0 comments"]
    post = ["via railweekly.example", "You need not fly to cross a continent. Take the train."]
    article = clean("\n\n".join([*controls, HEADLINE, *post]), kind="text")
    assert article.headline == HEADLINE


def _rows(*lines: str, start: int) -> dict[str, dict[str, float]]:
    """Each candidate line's features by name, the story starting at block `start`."""
    text = "\n\n".join(lines)
    doc = Document(text, split_blocks(text))
    rows = headline_score.candidate_rows(doc, start, frozenset())
    return {
        doc.blocks[index].text: dict(zip(headline_score.FEATURES, features))
        for index, features in rows
    }


def test_the_first_line_holds_a_candidate_only_as_whole_words() -> None:
    rows = _rows(
        "Breaking newsletters of the week | Rail Weekly",
        "Letters of the week",  # inside "newsletters": not the title's words
        "Newsletters of the week",
        *STORY,
        start=3,
    )
    assert rows["Newsletters of the week"]["in_first_line"] == 1.0
    assert rows["Letters of the week"]["in_first_line"] == 0.0


def test_every_candidate_gets_one_value_per_feature_and_the_title_ranks_first() -> None:
    text = "\n\n".join(["Rail Weekly", "Home » Travel", HEADLINE, "By Anna Berg", *STORY])
    doc = Document(text, split_blocks(text))
    rows = headline_score.candidate_rows(doc, 4, frozenset())
    assert [index for index, _ in rows] == [0, 1, 2, 3]
    assert all(len(features) == len(headline_score.FEATURES) for _, features in rows)
    first = headline_score.best_candidate(doc, 4, frozenset())
    assert first is not None and doc.blocks[first].text == HEADLINE


def test_a_post_with_no_prose_takes_its_title_from_beside_its_byline() -> None:
    body = "Velvet jacket, silk shirt, old boots\n\nWorn in the Marais on a grey morning"
    text = f"Velvet and shine\n\nPosted by Anna Berg on July 8, 2011\n\n{body}"
    article = clean(text, kind="text")
    assert (article.headline, article.body) == ("Velvet and shine", body)
    assert clean(article.body, kind="text").body == body


def test_a_footers_byline_does_not_make_the_last_line_of_a_post_its_title() -> None:
    post = "Grey morning\n\nVelvet jacket\n\nSilk shirts of the Marais"
    article = clean(f"{post}\n\nPosted by Anna Berg at 3:14 PM", kind="text")
    assert article.headline is None
    assert article.body == post


def test_with_no_prose_and_no_byline_no_line_is_taken_for_a_title() -> None:
    # Cleaning the body again sees no byline either, so the body keeps every line.
    poem = "Roses are red\n\nViolets are blue\n\nSugar is sweet\n\nAnd so are you"
    article = clean(poem, kind="text")
    assert article.headline is None
    assert article.body == poem


def test_a_dated_line_a_lowercase_tag_line_and_an_open_label_are_named_as_such() -> None:
    rows = _rows(
        "squee sloths Rail Weekly the cute show",  # a list of tags
        "IN ASSOCIATION WITH",  # a label for what follows
        "July 17th, 2:02pm 0 comments",  # a post's timestamp
        HEADLINE,
        *STORY,
        start=4,
    )
    named = {
        "squee sloths Rail Weekly the cute show": "opens_lowercase",
        "IN ASSOCIATION WITH": "ends_open",
        "July 17th, 2:02pm 0 comments": "dated",
    }
    for line, feature in named.items():
        assert rows[line][feature] == 1.0, line
        assert all(rows[line][f] == 0.0 for f in set(named.values()) - {feature}), line
    assert all(rows[HEADLINE][f] == 0.0 for f in named.values())


@pytest.mark.parametrize(
    ("text", "dated", "lower", "open_"),
    [
        ("HARBOURTON, Ore. May 14, 2012 (AP)", True, False, False),
        ("thebrainbehind @ 15:34", True, True, False),
        ("Apple releases iOS 6.01 for the iPhone", False, False, False),
        ("Opening Bell 11.18.19", False, False, False),  # a column named by its day
        ("17 juillet : la une", True, False, False),
        ("eReader Lite to launch in October", False, False, False),  # a brand's name
        ("via designtaxi", False, True, False),
        ("80-20 software", False, False, False),
        ("Follow me on", False, False, True),
        ("Bring It On!", False, False, False),
        ("Mit freundlicher Unterstützung von", False, False, True),
    ],
)
def test_the_line_shapes_behind_the_features(
    text: str, dated: bool, lower: bool, open_: bool
) -> None:
    assert bool(headline_score.DATED.search(text)) is dated
    assert headline_score.opens_lowercase(text) is lower
    assert headline_score.ends_open(text) is open_


def test_a_photo_post_takes_its_title_from_above_its_timestamp() -> None:
    body = "Created by a designer in Leeds, via a design blog"
    title = "Logos Made Over for the Last Days"
    text = f"{title}\n\nimages, posters — thebrainbehind @ 15:34\n\n{body}"
    assert clean(text, kind="text").headline == title
    # Without the clock time, nothing says the first line heads a post.
    assert clean(text.replace(" @ 15:34", ""), kind="text").headline is None


def test_a_menu_that_repeats_the_first_line_is_not_the_title_shown_again() -> None:
    menu = "Advertise | AdChoices"
    story = "\n\n".join(STORY)
    text = f"{menu}\n\nNews\n\n{menu}\n\n{HEADLINE}\n\n{story}"
    assert clean(text, kind="text").headline == HEADLINE


def test_a_title_with_its_sites_name_shown_again_is_the_title_not_a_menu() -> None:
    title = "Night train returns to Hamburg | Rail Weekly"
    story = "\n\n".join(STORY)
    text = f"{title}\n\nHome\n\nNews\n\n{title}\n\n{story}"
    assert clean(text, kind="text").headline == title


@pytest.mark.parametrize(
    "headline",
    [
        "$2 billion plan brings back the night train to Hamburg",  # a currency sign first
        "£200m plan brings back the night train to Hamburg",
        "de Blasio rides the new night train to Hamburg",  # a name's particle first
        "von der Leyen rides the night train to Hamburg",
    ],
)
def test_a_headline_opening_with_a_currency_sign_or_a_names_particle_is_taken(
    headline: str,
) -> None:
    text = "\n\n".join(["Rail Weekly", "Europe", headline, *STORY])
    assert clean(text, kind="text").headline == headline


def _ranked_first(text: str, start: int) -> str:
    """The candidate line the model's scores alone put first, before the ranking's filters."""
    doc = Document(text, split_blocks(text))
    rows = headline_score.candidate_rows(doc, start, frozenset())
    best = max(rows, key=lambda row: (headline_score.score(row[1]), row[0]))[0]
    return doc.blocks[best].text


def test_a_breadcrumb_next_to_the_story_is_not_taken_over_a_title_above_it() -> None:
    crumbs = "Full list of categories: Night Trains » Travel » Europe"
    title = "Night trains are back. Sort of."  # two sentences: no title's shape
    lines = ["July", title, "2", crumbs]
    text = "\n\n".join([*lines, *STORY])
    assert _ranked_first(text, len(lines)) == crumbs  # the scores alone take the breadcrumb
    assert clean(text, kind="text").headline == title


def test_a_list_of_tags_opening_the_text_is_not_taken_over_the_title_below_it() -> None:
    tags = "night trains travel europe Vienna Hamburg rail sleeper cars"
    lines = [tags, "Rail Weekly", "Follow", HEADLINE, "Anna Berg"]
    text = "\n\n".join([*lines, *STORY])
    assert _ranked_first(text, len(lines)) == tags  # the scores alone take the tags
    assert clean(text, kind="text").headline == HEADLINE


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Advertise | AdChoices", True),
        ("Advertise here | Ad Choices", True),  # MENU_ITEM_WORDS: two words an entry
        ("Advertise with us | Ad Choices", False),
        ("Night train returns to Hamburg | Rail Weekly", False),
        ("Night train returns to Hamburg", False),
    ],
)
def test_a_menu_line_is_entries_of_a_word_or_two(line: str, menu: bool) -> None:
    assert headline_score.menu_line(line) is menu


@pytest.mark.parametrize(
    ("line", "lower"),
    [
        ("von der Leyen visits", False),  # PARTICLE_GAP: " der " between particle and capital
        ("von derr Leyen visits", True),  # one character more: words in lower case, a name later
        ("van de Berg visits", False),
        ("vo de Berg", False),
        ("de Blasio rides", False),
    ],
)
def test_a_names_particle_ends_where_its_capital_is_near(line: str, lower: bool) -> None:
    assert headline_score.opens_lowercase(line) is lower


@pytest.mark.parametrize("trail", ["News and Updates >", "News and Updates\u200e > \u200e", "Blog »"])
def test_a_breadcrumb_ending_in_its_separator_is_no_headline(trail: str) -> None:
    """A breadcrumb's trail ends in its separator; with a direction mark after it (stripped
    from the line's end as a character that shows nothing) it must read the same."""
    story = (
        "It's time, once again, for the Carnival of Space! This week's edition is hosted by a "
        "reader who writes about rockets, and it has a dozen posts about the planets."
    )
    text = f"{trail}\n\nCarnival of Space Number Two Hundred\n\nposted Aug 7, 2012 by Allen\n\n{story}"
    assert clean(text, kind="text", strict=True).headline == "Carnival of Space Number Two Hundred"


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("Home / Economia / Lavoro", True),  # a breadcrumb written with slashes
        ("News / World / Asia Pacific", True),  # LIST_ENTRIES entries of a word or two
        ("Home / Economia", False),  # two entries: a title may hold one slash
        ("photos: Sandy destruction in Lindenhurst / Babylon (part 2)", False),
        ("AC/DC returns to the stage / Live in Berlin", False),
        ("Home » News", True),
    ],
)
def test_a_breadcrumb_written_with_slashes_is_a_meta_line(line: str, meta: bool) -> None:
    assert headline_score.meta_line(line) is meta


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Internet, Google Docs, Proxy", True),  # a list of tags written with commas
        ("Politik, Wahlen, Bayern", True),
        ("Learn, Learner, Learni.st?", False),  # a title's list ends on its mark
        ("Rain, wind and snow close mountain roads", False),  # an entry of more words
        ("Bread, Wine", False),  # two entries
    ],
)
def test_a_list_of_tags_is_told_by_its_short_entries(line: str, tags: bool) -> None:
    assert headline_score.tag_list(line) is tags


def test_a_slashed_breadcrumb_above_the_headline_is_not_taken_for_it() -> None:
    story = (
        "Venerdì sarà una giornata difficile per chi si sposta con i mezzi pubblici. I "
        "sindacati hanno proclamato uno sciopero nazionale di 24 ore."
    )
    title = "Sciopero dei trasporti, venerdì a rischio treni"
    text = f"Home / Economia / Lavoro\n\n{title}\n\nDi Giulia Bianchi\n\n{story}"
    assert clean(text, kind="text").headline == title


def test_a_list_of_tags_opening_a_post_is_not_taken_over_its_title() -> None:
    story = (
        "The text-only web browser runs in the cloud and renders every page as plain text, "
        "which makes it quick to load on a slow connection."
    )
    title = "A Text-only Browser Powered by Scripts"
    text = f"Internet, Google Docs, Proxy\n\n02 nov 2012\n\n{title}\n\n{story}"
    assert clean(text, kind="text").headline == title
    # A title that is a list, alone above the story, is still its title.
    for listed in ("Eat, Pray, Love", "Lights, Camera, Action"):
        assert clean(f"{listed}\n\nJuly 5, 2012\n\n{story}", kind="text").headline == listed


def test_on_a_page_read_without_hints_a_list_of_tags_gives_way_to_the_title_below_it() -> None:
    story = "<p>" + "The council met and voted to close the old bridge to cars next spring. " * 3
    page = "<html><body><p>Politik, Wahlen, Bayern</p><p>Bridge to close next spring</p>"
    assert clean(f"{page}{story}</p>{story}</p></body></html>", kind="html").headline == (
        "Bridge to close next spring"
    )
    alone = f"<html><body><p>Eat, Pray, Love</p>{story}</p>{story}</p></body></html>"
    assert clean(alone, kind="html").headline == "Eat, Pray, Love"  # a list alone is a title


SEO_TITLE = "Vienna Hamburg night train sold out for first month"  # a <title> in words of its own
PAGE_TOP = [SEO_TITLE, "Skip to main content", "Travel", "Rail", "Opinion", "Culture"]


@pytest.mark.parametrize(
    "by_title",
    [
        [HEADLINE, "By Anna Berg"],  # the title over its byline
        ["March 3, 2024", HEADLINE],  # a blog's date over its post's title
    ],
)
def test_a_pages_title_in_words_of_its_own_gives_way_to_the_title_by_the_byline(
    by_title: list[str],
) -> None:
    article = clean("\n\n".join([*PAGE_TOP, *by_title, *STORY]), kind="text")
    assert article.headline == HEADLINE


@pytest.mark.parametrize(
    "lines",
    [
        # No page chrome under the first line: an article's region, which opens with its title.
        [SEO_TITLE, *PAGE_TOP[2:], "Sleeper trains across Europe", HEADLINE, "By Anna Berg",
         *STORY],
        # The page shows its first line again (in a box of links under the story): its headline.
        [*PAGE_TOP, "Sleeper cars sold out in Vienna", "By Anna Berg", *STORY, "Most read",
         SEO_TITLE],
        # Over a dateline that names no one, a line that opens with a name is its writer's.
        [*PAGE_TOP, "Anna Berg in Vienna, Austria", "Monday 3 March 2024 13.42 GMT", *STORY],
    ],
)
def test_the_first_line_stays_the_headline_where_the_page_says_it_is(lines: list[str]) -> None:
    assert clean("\n\n".join(lines), kind="text").headline == SEO_TITLE


BYLINE = "By Anna Berg"
DEK = "Sleeper cars were sold out for the first month, and more trains are coming."


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        # A dek between the title and its byline: the title stands two lines over it.
        ([*PAGE_TOP, HEADLINE, DEK, BYLINE, *STORY], HEADLINE),
        # A byline within five lines of the first line: the first line may be the post's own.
        ([SEO_TITLE, *PAGE_TOP[1:4], HEADLINE, BYLINE, *STORY], SEO_TITLE),
        # Three lines over the byline, past a caption and its credit: a teaser, not the title.
        (
            [*PAGE_TOP, "Vienna ferry prices rise again", "The station at dawn, in March.",
             "Photo: Jane Roe", BYLINE, *STORY],
            SEO_TITLE,
        ),
        # Over the byline, a line that shares no word with the story: a section's banner.
        ([*PAGE_TOP, "Weekend Leisure Picks Section", BYLINE, *STORY], SEO_TITLE),
        # Over the byline, a sentence: a dek, not a title.
        ([*PAGE_TOP, "The night train is back, and Vienna loves it.", BYLINE, *STORY], SEO_TITLE),
        # Under a byline that names its writer, a line of the author's card, not a title.
        ([*PAGE_TOP, BYLINE, "Night train guide for Vienna travellers", *STORY], SEO_TITLE),
    ],
)
def test_the_title_by_the_byline_stands_close_over_it_and_reads_as_the_storys_title(
    lines: list[str], headline: str
) -> None:
    assert clean("\n\n".join(lines), kind="text").headline == headline


PORTLAND = [
    "The council voted 7-2 on Tuesday to raise downtown parking fees and put the money into "
    "bus service, after a debate that ran past midnight.",
    "Council members said the transit budget would add buses on the busiest routes and keep "
    "fares flat for another year, while parking fees rise by a quarter.",
]
PORTLAND_TITLE = "Portland's council backs the transit budget, raising parking fees"
PORTLAND_PAGE = [
    "Council backs budget - Portland Tribune", "Skip to main content", "Home", "News", "Politics"
]


def test_an_articles_own_tools_under_its_headline_do_not_make_its_region_a_page() -> None:
    # "Listen to article" is page chrome to NOI007, but no site's menu: the region's first line
    # is its headline, and a line over the byline is no title in its place.
    lines = [PORTLAND_TITLE, "Listen to article", "Share", "Save", "Comments",
             "Portland City Hall budget news", "By Maria Lopez", *PORTLAND]
    assert clean("\n\n".join(lines), kind="text").headline == PORTLAND_TITLE


def test_a_photos_caption_over_its_credit_is_no_title_by_the_byline() -> None:
    caption = "Portland City Council members at the budget meeting"
    lines = [*PORTLAND_PAGE, "Sports", PORTLAND_TITLE, caption, "Photo: John Smith",
             "By Maria Lopez", *PORTLAND]
    assert clean("\n\n".join(lines), kind="text").headline != caption


def test_the_title_by_the_byline_is_by_the_storys_byline_not_a_masthead_date() -> None:
    lines = [*PORTLAND_PAGE, "Sports", "Business", "Tuesday, June 4, 2024",
             "Breaking: Portland storm closes schools", "Local News", PORTLAND_TITLE,
             "By Maria Lopez", *PORTLAND]
    assert clean("\n\n".join(lines), kind="text").headline == PORTLAND_TITLE


def test_a_first_line_the_page_shows_inside_a_longer_line_stays_the_headline() -> None:
    # Shown again with the site's section glued on, it is the page's heading, not a <title>
    # in words of its own; the ranking's choice stands.
    lines = [*PAGE_TOP, f"{SEO_TITLE} | Pictures", "Sleeper cars sold out in Vienna", BYLINE,
             *STORY]
    assert clean("\n\n".join(lines), kind="text").headline != "Sleeper cars sold out in Vienna"


@pytest.mark.parametrize(
    ("between", "headline"),
    [
        # Three lines between the byline and the story (a photo's credit, an article's tools).
        (["Photo: John Smith", "Listen to article", "Print article"], PORTLAND_TITLE),
        # Four: the byline signs something else further up.
        (["Photo: John Smith", "Listen to article", "Print article", "Share this story"], None),
    ],
)
def test_the_title_by_the_byline_needs_the_byline_right_over_the_story(
    between: list[str], headline: str | None
) -> None:
    lines = [*PORTLAND_PAGE, "Sports", "Business", PORTLAND_TITLE, "By Maria Lopez", *between,
             *PORTLAND]
    got = clean("\n\n".join(lines), kind="text").headline
    assert got == headline if headline else got != PORTLAND_TITLE


def test_a_story_with_no_byline_takes_no_title_from_a_teaser_under_a_masthead_date() -> None:
    teaser = "Portland storm closes schools across the city"
    lines = [*PORTLAND_PAGE, "Sports", "Business", "Tuesday, June 4, 2024", teaser, "Local News",
             "City Hall", PORTLAND_TITLE, *PORTLAND]
    assert clean("\n\n".join(lines), kind="text").headline != teaser
