"""Layout rules on whole texts: what position and repetition decide."""

from __future__ import annotations

import pytest

from article_clean import PatternRule, RuleSet, clean
from article_clean.builtin.anchors import shows_story_of

BRIDGE_STORY = (
    "The council met on Tuesday night and voted to rebuild the old bridge over the river, "
    "which has been closed to traffic since the spring floods damaged it."
)
# The story as two paragraphs, for the tests of what stands above it.
BRIDGE_PARAGRAPHS = (BRIDGE_STORY, BRIDGE_STORY.replace("Tuesday", "Wednesday"))


def _above_story(*lines: str) -> str:
    """`lines` above the bridge story's two paragraphs, each a paragraph of its own."""
    return "\n\n".join([*lines, *BRIDGE_PARAGRAPHS])


def test_a_long_line_under_every_photo_is_removed_but_a_repeated_paragraph_is_not() -> None:
    credit = (
        "2018 Jeongdong Theater Tradition Series Performance [The Palace: Tale of Jang Noksu] "
        "2018 Welcome Daehak-ro Festival Performance at Marronnier Park in Seoul"
    )
    story = [
        "The opening ceremony of the festival was held on a special stage in the park, and crowds "
        "had gathered long before the first drums sounded across the square on Saturday evening.",
        "The theater prepared three pieces for the evening, beginning with a court dance set to "
        "old tunes and followed by a drum dance that had the youngest visitors clapping along.",
        "Dancers in traditional dress moved slowly between the lanterns while the musicians, "
        "seated at the edge of the stage, kept a steady rhythm that carried across the park.",
        "The company said it hopes to bring the performance to more festivals next year, and that "
        "tickets for the winter season at its own hall will go on sale at the start of December.",
    ]
    text = "\n\n".join([story[0], credit, story[1], credit, story[2], credit, story[3]])
    article = clean(text, kind="text")
    assert credit not in article.body
    assert all(paragraph in article.body for paragraph in story)
    twice = "\n\n".join([story[0], credit, story[1], credit, story[2]])
    assert clean(twice, kind="text").body.count(credit) == 2


def test_a_short_line_ending_in_a_colon_announces_the_list_below_it() -> None:
    story = [
        "The studio released the third edition of its party game on Friday, two years after the "
        "second one sold more than a million copies around the world.",
        "Players who bought the earlier editions can upgrade for free until the end of the month, "
        "the studio said in a statement posted on its website.",
        "Here are the highlights:",
        "Hundreds of new tasks written by players",
        "Dozens of tricky questions for both teams",
        "Weekly challenges that carry on after the game",
        "Better support for older phones and tablets",
    ]
    article = clean("\n\n".join(story), kind="text")
    for line in story:
        assert line in article.body


def test_a_label_ending_in_a_colon_ends_the_list_above_it() -> None:
    """A sidebar's labels ("About me:", "Blogroll:") each end the box above them: only a label
    long enough to introduce a list starts one, and a one-word label starts none."""
    post = (
        "There is a strange habit online of scolding the small shops that stayed open during the "
        "storm, as if the owners had not thought about their own safety before they opened."
    )
    blogroll = [
        "Media Watch", "Pandagon", "Daily Report", "Matthew Young", "Josh Martin", "Hullabaloo",
        "First Draft", "Echo Chamber", "Crooked Timber", "The Big Picture", "Talk Left",
        "Washington Monthly", "Whiskey Fire", "Think Again", "The Sideshow", "Tom Tomorrow",
    ]  # fmt: skip
    lines = [post, "by Quillby at 09:53", "About me:", "Name: Jane Roe", "Blogroll:"]
    article = clean("\n\n".join([*lines, *blogroll]), kind="text")
    assert post in article.body
    assert not any(name in article.body.split("\n\n") for name in blogroll)


def test_a_short_label_repeated_between_the_storys_paragraphs_is_kept() -> None:
    answers = [
        "I started cooking for friends at university, and when they kept asking for the recipes "
        "I began to write them down and post them online for anyone who wanted them.",
        "My grandmother taught me to bake bread when I was six, and I still use her recipe every "
        "weekend, although I have changed the flour and added seeds to the dough.",
        "A colleague dared me to cook a different dish every day for a year, and by the end of "
        "that year I had a few thousand readers and a publisher asking for a book.",
    ]
    question = "What made you start your cooking page?"
    intro = (
        "We asked three of the most popular food writers in the country the same questions "
        "about how they started, what they cook at home and what they would never eat."
    )
    lines = ["Home", "Recipes", "Three cooks, three kitchens", intro]
    for answer in answers:
        lines += [question, answer]
    lines += ["Home", "Recipes"]
    article = clean("\n\n".join(lines), kind="text")
    assert article.body.count(question) == 3
    assert "Home" not in article.body and "Recipes" not in article.body


def test_a_teaser_ending_in_an_exclamation_does_not_end_a_box_of_links() -> None:
    story = [
        "Police released dramatic video on Monday showing the rescue of an eight-year-old girl "
        "who was taken from her mother on a city street last spring.",
        "The man who took her was found guilty in September and was sentenced to life in prison "
        "on Monday, the prosecutors said after the hearing ended.",
        "Officers found the girl in a motel room about twenty miles away from her home, less "
        "than a day after her mother had reported her missing.",
        "A tip from a driver who had seen the car led the officers to the motel shortly before "
        "midnight, and they broke down the door a few minutes later.",
        "The girl's mother thanked the police and the volunteers who searched the city for her "
        "daughter, and asked for privacy for her family in the months ahead.",
    ]
    box = [
        "Trending News",
        'Video shows dramatic rescue of kidnapped girl: "We got her!"',
        "Man arrested after seven trafficking victims found in car",
        "Safety officials urge planemaker to redesign part on jets",
    ]
    article = clean("\n\n".join([*story[:2], *box, *story[2:]]), kind="text")
    assert article.paragraphs == tuple(story)


def test_a_short_closing_sentence_stays_with_the_story() -> None:
    story = [
        "Colombia beat Peru two goals to one in a friendly in Miami on Friday night, with both of "
        "the goals coming in the last twenty minutes of a scrappy match.",
        "The coach said afterwards that he had used the game to look at younger players before "
        "the qualifiers in March, and that he was pleased with what he saw.",
        "Colombia had lost to Belgium on Monday.",
    ]
    text = "\n\n".join([*story, "Leave a Reply Cancel reply", "Comment", "Name *"])
    article = clean(text, kind="text")
    assert article.paragraphs == tuple(story)


def test_a_bulleted_list_between_paragraphs_is_the_storys_own() -> None:
    story = [
        "The studio released the third edition of its party game on Friday, two years after the "
        "second one sold more than a million copies around the world.",
        "• Hundreds of new tasks",
        "• Dozens of tricky questions",
        "• Weekly challenges",
        "• Support for older phones",
        "• A new night mode",
        "• Cards in twelve languages",
        "• Timers for every round",
        "• Team scores saved online",
        "• A party mode for ten",
        "• Custom decks",
        "Players who bought the earlier editions can upgrade for free until the end of the month, "
        "the studio said in a statement posted on its website.",
    ]
    assert clean("\n\n".join(story), kind="text").paragraphs == tuple(story)


def test_the_headline_is_the_first_title_above_the_story_that_is_not_a_breadcrumb() -> None:
    text = _above_story(
        "Home » News » Local",
        "Local",
        "Council votes to rebuild the old bridge",
        "Traffic will be back on the river crossing by next winter",
        "Mary · Town Hall · 7 Comments",
        "NewsLocalTownHall",
    )
    article = clean(text, kind="text")
    assert article.headline == "Council votes to rebuild the old bridge"


@pytest.mark.parametrize(
    ("under", "headline"),
    [  # a writer named under the first line: the post's headline, its kicker shown below it
        ("2012-10-29 by Jane Doe", "Bridge works: the council votes to rebuild the old bridge"),
        # a date alone under it: a whole page's <title>, the headline shown again below
        ("Tuesday, November 13, 2012", "Bridge works"),
    ],
)
def test_a_first_line_with_its_writer_under_it_is_the_headline_not_a_pages_title(
    under: str, headline: str
) -> None:
    title = "Bridge works: the council votes to rebuild the old bridge"
    article = clean(_above_story(title, under, "Bridge works"), kind="text")
    assert article.headline == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        # The page's <title> with its site's name, then the headline alone by the byline.
        ("Council votes to rebuild the old bridge - River Town News", "Council votes to rebuild "
         "the old bridge"),
        ("River Town News | Council votes to rebuild the old bridge", "Council votes to rebuild "
         "the old bridge"),
        # A colon joins a title to its subtitle: the part under it is a kicker, a series.
        ("The future of the old bridge: live vote on Friday", "The future of the old bridge: "
         "live vote on Friday"),
    ],
)
def test_under_a_story_and_site_title_the_story_shown_alone_is_the_headline(
    title: str, headline: str
) -> None:
    story_part = title.split(" - ")[0].split(" | ")[-1].split(":")[0]
    text = _above_story(
        "Skip to main content", "Home | News | Sport", title, "Local", story_part,
        "By Jane Doe, River Town News", "Updated 5:04 PM, Mon October 30, 2023",
    )  # fmt: skip
    assert clean(text, kind="text", strict=True).headline == headline


def test_a_sites_name_longer_than_the_story_shown_alone_is_not_the_headline() -> None:
    # The publisher under the byline shows the longer part alone, and shares "river" with the
    # story; the story's own title is the line with the byline under it.
    title = "Bridge reopens - The River Town Daily News"
    text = _above_story(
        "Home | News", title, "Bridge reopens", "By Jane Doe", "The River Town Daily News"
    )
    assert clean(text, kind="text", strict=True).headline != "The River Town Daily News"
    # Here the publisher's line has a dateline under it, as a byline has; it shares no word
    # with the story.
    title = "Bridge reopens - South China Morning Post"
    text = _above_story(
        "Home | News", title, "Bridge reopens", "By Jane Doe", "South China Morning Post",
        "Updated 5:04 PM, Mon October 30, 2023",
    )  # fmt: skip
    assert clean(text, kind="text", strict=True).headline != "South China Morning Post"


@pytest.mark.parametrize(
    ("title", "site", "post"),
    [
        ("River Town Notes: Bridge Vote Tonight", "River Town Notes", "Bridge Vote Tonight"),
        ("Life in a River Town: Bridge Vote", "Life in a River Town", "Bridge Vote"),
        # The post's title holds a colon of its own: shown whole, it is one side of the first.
        (
            "River Town Notes: Bridge, Ferry, Tunnel: The Vote Tonight",
            "River Town Notes",
            "Bridge, Ferry, Tunnel: The Vote Tonight",
        ),
    ],
)
def test_under_a_blogs_name_and_post_title_the_post_title_by_the_post_is_the_headline(
    title: str, site: str, post: str
) -> None:
    # A blog's whole page: its name heads the page (and the <title>, as long as the post's
    # title or longer), the post's title stands over the post's date and text.
    masthead = [title, "Home", "About", "Archive", site, "Notes from a small town by the river"]
    text = _above_story(*masthead, "Tuesday, October 30, 2012", post)
    assert clean(text, kind="text", strict=True).headline == post


def test_a_sites_name_of_two_parts_in_its_masthead_is_no_side_of_the_title_shown() -> None:
    # "Jane Doe | River Notes" is one side of the <title>'s "»", as "Bridge vote: council says
    # yes" is; a story's side holds colons only, a site's name other separators.
    post = "Bridge vote: council says yes to the new span"
    masthead = [
        f"Jane Doe | River Notes » {post}", "Home", "Best of River Notes", "Contact",
        "Jane Doe | River Notes", "making notes of a small town",
        "My name is Jane Doe and I write about the town where I live, its council, its river and "
        "the people who keep both going.",
        "Relevant links:", "my columns", "my book", "Archive", "Ferry fares go up again »",
    ]  # fmt: skip
    assert clean(_above_story(*masthead, post), kind="text", strict=True).headline == post


@pytest.mark.parametrize(
    "title",
    [
        "River Town Notes: Council votes to rebuild the bridge",  # "Blog: Post"
        "Council votes to rebuild the bridge - River Town Notes",  # "Post - Blog"
    ],
)
def test_a_posts_title_under_its_blogs_description_and_date_is_the_headline(title: str) -> None:
    """A blog's whole page: its name, then its description, a paragraph of prose, then the
    post's date and title over the post. The story found starts at the description; the line
    a few blocks into it that shows the <title>'s post, next to the date, is the headline, and
    the story starts under it."""
    description = (
        "Every day I write about life in a small town by the river, its council, its ferry and "
        "the people who keep the old bridge standing, one short post at a time."
    )
    post = "Council votes to rebuild the bridge"
    text = _above_story(title, "River Town Notes", description, "Tuesday, October 30, 2012", post)
    article = clean(text, kind="text", strict=True)
    assert article.headline == post
    assert article.body == "\n\n".join(BRIDGE_PARAGRAPHS)


@pytest.mark.parametrize(
    "heading",
    [
        "Re: Council votes to rebuild the bridge",  # the title among words of its own
        "Comments on Council votes to rebuild the bridge",
        "Council votes to rebuild the bridge",  # the title above the story, repeated
        "“Council Votes to Rebuild the Bridge!”",  # so, in other marks and case
        "River Town Notes",  # the blog's name, under the post's sign-off
    ],
)
def test_a_comment_threads_heading_under_a_short_posts_sign_off_is_no_title(heading: str) -> None:
    """A short post signed off by its writer, then its thread under a heading that holds the
    post's title: the story is the post under the title above it, not the comment under the
    heading."""
    title = "Council votes to rebuild the bridge"
    comment = (
        "This is great news for the town, my kids can finally walk to school again without the "
        "long detour around the lake."
    )
    for sign_off in ("Posted by Jane Doe", "Posted at 3:00 AM"):  # a writer's, or a date alone
        if sign_off.endswith("AM") and heading == "River Town Notes":
            continue  # next to a date, the blog's name may head the post's title's place
        page = [f"{title} | River Town Notes", title, BRIDGE_STORY, sign_off, heading, comment]
        article = clean("\n\n".join(page), kind="text")
        assert article.headline == title
        assert article.body.startswith(BRIDGE_STORY)


def test_the_sites_name_under_a_posts_footer_is_no_title_in_the_story() -> None:
    """A one-paragraph post signed off with its time, and the blog's name under the sign-off:
    a part of the <title> next to a date a few blocks into the story, with no prose under it,
    is the page's footer, not the post's title."""
    page = [
        "Bridge vote tonight | River Town Notes", "Home", "About", "Bridge vote tonight",
        "March 3, 2024", BRIDGE_STORY, "Posted at 3:00 AM", "River Town Notes", "Subscribe",
        "Archive",
    ]  # fmt: skip
    article = clean("\n\n".join(page), kind="text")
    assert article.headline == "Bridge vote tonight"
    assert article.body == BRIDGE_STORY


@pytest.mark.parametrize(
    "above",
    [
        "River Notes: Bridge Vote Tonight",  # a blog's <title>, the blog's name first
        "Home News Local Bridge Vote Tonight",  # a breadcrumb written as one line
        "Bridge Vote Tonight | River Notes",
    ],
)
def test_of_the_lines_with_the_slugs_words_the_one_with_no_others_is_the_headline(
    above: str,
) -> None:
    # Both lines hold every word of the slug; the earlier one holds the site's or the
    # sections' names too.
    masthead = [above, "River Notes", "Home", "About"]
    text = _above_story(*masthead, "Bridge Vote Tonight", "June 3, 2024")
    article = clean(text, kind="text", url="https://example.com/bridge-vote-tonight/", strict=True)
    assert article.headline == "Bridge Vote Tonight"
    assert article.byline is None
    # Shown inside the longer line without its leading article, as a <title> may show it.
    text = _above_story(*masthead, "The Bridge Vote Tonight", "June 3, 2024")
    article = clean(text, kind="text", url="https://example.com/bridge-vote-tonight/", strict=True)
    assert article.headline == "The Bridge Vote Tonight"


@pytest.mark.parametrize(
    "other",
    [
        "Bridge rebuild: council votes yes",  # a dek under the headline
        "Bridge · Council · Votes · Rebuild",  # a row of topics
        "Council votes on rebuild of Mill River bridge",  # a caption over the story
    ],
)
def test_a_shorter_line_with_the_slugs_words_does_not_take_the_headline(other: str) -> None:
    # The slug drops the headline's short words; a line as good on the slug that is no part of
    # the headline is not taken for it.
    headline = "Council votes to rebuild the old bridge over the river"
    text = _above_story(headline, other, "By Jane Smith", "June 4, 2024")
    url = "https://example.com/2024/06/04/council-votes-rebuild-bridge/"
    assert clean(text, kind="text", url=url, strict=True).headline == headline


@pytest.mark.parametrize(
    ("title", "near"),
    [
        # "Story | Site" of even parts: the publisher's line under the byline.
        ("Wildfire Forces Evacuations - Los Angeles Times", "Los Angeles Times"),
        ("Wildfire Forces Evacuations | Jane Doe", "Jane Doe"),  # a writer's blog
        ("Wildfire Forces Evacuations | California | Los Angeles Times", "California"),
        ("Opinion: Wildfire Forces Evacuations", "Opinion"),  # a kicker before a colon
    ],
)
def test_a_part_of_the_title_by_the_story_is_no_headline_where_the_title_names_its_story(
    title: str, near: str
) -> None:
    text = _above_story(
        title, "Los Angeles Times", "Home", "News", "Wildfire Forces Evacuations",
        "By Jane Doe", near, "October 3, 2024",
    )  # fmt: skip
    assert clean(text, kind="text", strict=True).headline == "Wildfire Forces Evacuations"


def test_a_title_in_chinese_shown_again_is_the_headline_not_the_sites_name() -> None:
    # Chinese words are counted by character: the story's part is no one-word site's name.
    title, site, story_title = "山火迫使居民撤离 - 新华网", "新华网", "山火迫使居民撤离"
    lines = [title, site, "首页", "新闻", story_title, "2024年10月3日", site]
    story = "消防员连夜扑救山火，强风把火势推向山谷上方的山坡，官员星期二早上说。" * 2
    text = "\n\n".join([*lines, story, story.replace("星期二", "星期三")])
    assert clean(text, kind="text", strict=True).headline == story_title


@pytest.mark.parametrize(
    ("line", "shows"),
    [
        ("Council votes to rebuild the old bridge", True),
        ("council votes to rebuild the old bridge!", True),  # the same words
        ("The River Town News", False),  # the site's name, not the story
        ("Council votes to rebuild the old bridge | The River Town News", False),  # all of it
        ("Council votes", False),
    ],
)
def test_a_line_shows_the_story_of_a_story_and_site_title(line: str, shows: bool) -> None:
    title = "Council votes to rebuild the old bridge | The River Town News"
    assert shows_story_of(line, title) is shows
    # A part no longer than the rest, or a headline's own second half: no site's name to cut.
    # (A site's name longer than the story, the title cannot tell: see the test above.)
    story, site = "Wildfire forces evacuations", "Los Angeles Times"
    for lat in (f"{story} - {site}", f"{site} - {story}"):
        assert not shows_story_of(story, lat)
        assert not shows_story_of("Los Angeles Times", lat)
    assert not shows_story_of("Storm hits city", "Storm hits city - South China Morning Post")
    assert not shows_story_of("Bridge to be rebuilt soon", "Bridge to be rebuilt soon — and fast")
    headline = "Council votes to rebuild the old bridge — and Mayor Smith cheers"
    assert not shows_story_of("Council votes to rebuild the old bridge", headline)
    # Across a colon, the longer part may be the series' name: "The Future of C++: Live Friday".
    kicker = "The future of the old bridge: Vote on Friday"
    assert not shows_story_of("The future of the old bridge", kicker)


@pytest.mark.parametrize(
    "crumbs",
    ["Home > News > Local", "Latest News → Town Hall", "See the full map. Order a print of it now"],
)
def test_a_breadcrumb_or_a_notice_of_two_sentences_is_not_the_headline(crumbs: str) -> None:
    article = clean(_above_story(crumbs, "Council votes to rebuild the old bridge"), kind="text")
    assert article.headline == "Council votes to rebuild the old bridge"
    # After an abbreviation's full stop a title goes on.
    title = "U.S. Senate votes to rebuild the old bridge"
    assert clean(_above_story(crumbs, title), kind="text").headline == title


def test_a_line_of_tags_in_lower_case_above_the_title_is_not_the_headline() -> None:
    text = _above_story(
        "bridges river crossing town hall council",
        "Council votes to rebuild the old bridge",
        "Mary Jones",
    )
    article = clean(text, kind="text")
    assert article.headline == "Council votes to rebuild the old bridge"


@pytest.mark.parametrize(
    "title", ['"A fire in the old mill!"', "“Nobody saw it coming”", "#3 and a few other things"]
)
def test_a_headline_may_open_with_a_quote_or_a_number_sign(title: str) -> None:
    assert clean(_above_story("» More local news", title), kind="text").headline == title


def test_a_line_inside_a_paragraph_of_several_lines_is_not_the_headline() -> None:
    # A box of links written as one paragraph (no blank line between them), above the title.
    links = "Recent posts\nWhy we moved to the coast\nThe best bakeries in town"
    title = "Council votes to rebuild the old bridge"
    assert clean(_above_story("Share", links, title), kind="text").headline == title


@pytest.mark.parametrize(
    "title", ["We're back. Sort of.", "Shuteye", "The biggest mistake I made …"]
)
def test_with_no_title_shaped_line_the_line_above_the_story_and_its_byline_is_the_headline(
    title: str,
) -> None:
    article = clean(_above_story("Oct", "23", title, "By Jane Doe"), kind="text")
    assert article.headline == title
    assert article.paragraphs == BRIDGE_PARAGRAPHS


@pytest.mark.parametrize(
    ("above", "between"),
    [
        (["March 3, 2014", "Homecoming"], ["Tags: Family, Travel"]),  # the post's tags
        (  # its dates, a lead photo's credit and caption, and its byline (ScrapingHub, nj.com)
            [
                "Entertainment",
                "South Dakota doubles down on 'Meth. We're on it.' They just might be.",
            ],
            [
                "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
                "Alex Wong | Getty Images",
                "Kristi Noem, governor of South Dakota, pictured at the White House turkey pardon "
                "in 2018, when she was a congresswoman.",
                "By Amy Kuperinsky | NJ Advance Media for NJ.com",
            ],
        ),
    ],
)
def test_the_line_above_the_story_is_found_past_its_tags_and_its_lead_photo(
    above: list[str], between: list[str]
) -> None:
    article = clean(_above_story(*above, *between), kind="text")
    assert article.headline == above[-1]
    assert article.paragraphs == BRIDGE_PARAGRAPHS


@pytest.mark.parametrize(
    "opening",
    [
        ["Pickled Peaches"],  # a short title the text opens with
        ["Home » Recipes", "Pickled Peaches"],  # under a breadcrumb
        ["Recipes", "Pickled Peaches", "Posted on 3 July 2012"],  # under a section's name
    ],
)
def test_a_two_word_title_is_the_headline(opening: list[str]) -> None:
    story = (
        "Peaches from the market were ripe this week, so I put up six jars of them in a spiced "
        "vinegar with cloves, cinnamon and a little brown sugar."
    )
    article = clean("\n\n".join([*opening, story, story.replace("six", "eight")]), kind="text")
    assert article.headline == "Pickled Peaches"


STORY = [
    "Another cloud of choking smoke and dust is set to descend upon the twenty million residents "
    "of the capital this week, with forecasters warning that the air will get worse.",
    "The gray haze led to canceled flights and closed schools last month, and the government "
    "handed out five million face masks to schoolchildren across the city.",
    "Farmers upwind of the city burn the stubble of their fields after the harvest, and the "
    "smoke drifts over the capital for weeks every autumn, officials said on Monday.",
    "Getting more meaningful reductions in pollution means tackling all of the sources at the "
    "same time, which has proven to be an enormous hurdle for the city's government.",
]


def _rules(text: str) -> dict[str, str | None]:
    return {s.text.strip(): s.rule for s in clean(text, kind="text").segments}


def test_the_line_above_a_credit_alone_is_its_caption_and_both_make_one_entry() -> None:
    caption = "Burning crop stubble outside the city is sending smoke into its streets."
    credit = "Sakib Ali/Hindustan Times/Getty Images"
    text = "\n\n".join([STORY[0], STORY[1], caption, credit, STORY[2], STORY[3]])
    article = clean(text, kind="text")
    assert _rules(text)[caption] == "CAP100"
    assert article.captions == (f"{caption}\n{credit}",)
    assert all(paragraph in article.body for paragraph in STORY)


@pytest.mark.parametrize(
    "caption, credit",
    [
        (
            "Sen. Jane Doe speaks to reporters in Des Moines, Iowa, on Jan. 5, 2020.",
            "Charlie Neibergall/AP",
        ),
        (
            "Microsoft Corp. Chief Executive Officer Satya Nadella speaks during an event.",
            "Photographer: Mark Kauzlarich/Bloomberg",
        ),
        (
            "Firefighters battle the blaze on Monday. The fire destroyed three homes.",
            "Photo: John Smith/AP",
        ),
    ],
)
def test_a_caption_between_paragraphs_above_its_credit_is_a_caption_whatever_its_stops(
    caption: str, credit: str
) -> None:
    """Abbreviations ("Sen.", "Corp.") and a second sentence are a wire caption's usual shape:
    a paragraph of the story above a picture's credit does not look different enough, by its
    full stops, to be told apart (docs/accuracy.md, "Field accuracy")."""
    text = "\n\n".join([STORY[0], STORY[1], caption, credit, STORY[2], STORY[3]])
    article = clean(text, kind="text", strict=True)
    assert article.captions == (f"{caption}\n{credit}",)


def test_a_caption_with_an_initial_above_a_credit_is_one_sentence() -> None:
    caption = "Neil Gaiman and John M. Ford in 2002."
    credit = "Photo by David Dyer-Bennet"
    text = "\n\n".join([STORY[0], STORY[1], caption, credit, STORY[2], STORY[3]])
    article = clean(text, kind="text", strict=True)
    assert article.captions == (f"{caption}\n{credit}",)
    assert caption not in article.body


def test_the_last_paragraph_above_the_posts_credit_is_the_storys() -> None:
    credit = "Photo: Getty Images"
    text = "\n\n".join([*STORY, credit])
    article = clean(text, kind="text")
    assert STORY[-1] in article.body
    assert article.captions == (credit,)


def test_a_credit_label_alone_takes_the_line_under_it_and_not_the_name_above_it() -> None:
    text = "\n\n".join(
        [STORY[0], STORY[1], "Андрей Рудьков", "Фото:", "личный архив Андрея Рудькова", STORY[2]]
    )
    rules = _rules(text)
    assert rules["Фото:"] == "CAP015"
    assert rules["личный архив Андрея Рудькова"] == "CAP102"
    assert rules["Андрей Рудьков"] is None


def test_the_caption_under_a_credit_where_a_gallery_control_is_above_it() -> None:
    caption = "Andy Coulson at his home near London on Tuesday, the day he was indicted."
    text = "\n\n".join(
        [STORY[0], STORY[1], "Enlarge This Image", "Paul Hackett/Reuters", caption, STORY[2]]
    )
    assert _rules(text)[caption] == "CAP101"


def test_under_the_headline_a_credit_takes_a_caption_but_not_the_storys_first_paragraph() -> None:
    # A picture with a credit and no caption between the headline and the story: the lead
    # paragraph under the credit was taken for the caption, and the story lost its first lines.
    headline = "Council approves a new cycle path along the river"
    credit = "Photo: John Smith/AP"
    lead = (
        "The city council voted on Monday night to build a new cycle path along the river. "
        "Work is due to begin in the spring."
    )
    article = clean("\n\n".join(["Home | News", headline, credit, lead, *STORY]), kind="text")
    assert article.headline == headline
    assert article.captions == (credit,)
    assert article.body == "\n\n".join([lead, *STORY])
    caption = "The river path near the old bridge"
    rules = _rules("\n\n".join(["Home | News", headline, credit, caption, lead, *STORY]))
    assert rules[caption] == "CAP101"
    assert rules[lead] is None


def test_a_name_alone_under_a_caption_without_credit_is_its_photographer() -> None:
    caption = (
        "Indiana teachers hold a rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019, "
        "calling for more money for schools."
    )
    text = "\n\n".join([STORY[0], STORY[1], caption, "Michael Conroy", STORY[2], STORY[3]])
    article = clean(text, kind="text")
    assert _rules(text)["Michael Conroy"] == "CAP103"
    assert article.captions == (f"{caption}\nMichael Conroy",)


def test_a_short_heading_between_paragraphs_is_no_caption() -> None:
    text = "\n\n".join([STORY[0], STORY[1], "What the city plans next", STORY[2], STORY[3]])
    assert clean(text, kind="text").captions == ()


def test_each_picture_of_a_gallery_is_its_own_entry() -> None:
    pictures = [
        ("Image copyright Getty Images", "Image caption The haze over the city on Monday"),
        ("Image copyright Reuters", "Image caption Schoolchildren wearing masks on their way home"),
    ]
    lines = [STORY[0], STORY[1]]
    for credit, caption in pictures:
        lines += [credit, caption]
    text = "\n\n".join([*lines, STORY[2], STORY[3]])
    article = clean(text, kind="text")
    assert article.captions == tuple(f"{credit}\n{caption}" for credit, caption in pictures)


def test_the_line_under_a_pictures_own_control_is_its_caption() -> None:
    caption = "An illustration of the company's lunar lander on the moon's surface"
    text = "\n\n".join([STORY[0], STORY[1], "Image 2 of 5", caption, STORY[2], STORY[3]])
    assert _rules(text)[caption] == "CAP104"


def test_a_page_that_puts_credits_first_has_its_captions_under_them() -> None:
    captions = [
        "Maps vs Atlas: the route to the harbour",
        "Maps vs Atlas: the walk across the old town",
        "Why would you send me across a motorway, Atlas?",
    ]
    lines = ["Maps vs Atlas: which app finds the way"]
    for paragraph, caption in zip(STORY, captions):
        long_paragraph = f"{paragraph} {STORY[3]}"  # longer than a caption runs
        lines += [long_paragraph, "Source: Ana Lima", caption]
    text = "\n\n".join([*lines, STORY[3]])
    rules = _rules(text)
    assert [rules[caption] for caption in captions] == ["CAP101"] * 3


def test_on_a_page_that_puts_credits_first_the_aside_above_a_credit_is_the_storys() -> None:
    """The line above a credit was taken for its caption before the page's template was
    known; once the credit's caption is found under it, the line above is the story's."""
    captions = [
        "Smoke over the ring road at dawn",
        "Schoolchildren in masks on their way home",
        "A farmer burning the stubble of his field",
        "The river under the haze on Monday",
    ]
    aside = "(Note the haze over the river in the last picture.)"
    lines = ["Smoke over the capital"]
    for index, caption in enumerate(captions):
        paragraph = f"{STORY[index]} {STORY[(index + 1) % 4]}"  # longer than a caption runs
        lines += [paragraph, *([aside] if index == 3 else []), "Source: Jane Doe", caption]
    text = "\n\n".join([*lines, STORY[3]])
    rules = _rules(text)
    assert [rules[caption] for caption in captions] == ["CAP101"] * 4
    assert rules[aside] is None


def test_a_quotation_or_a_title_above_a_credit_is_no_caption() -> None:
    quote = "“It doesn't affect me at all now,” he said."
    text = "\n\n".join([STORY[0], STORY[1], quote, "Photo: Getty Images", STORY[2], STORY[3]])
    assert _rules(text)[quote] is None
    title = "Moon Rush: Private Lunar Lander Plans"
    teaser = "Here's Where Commercial Landers Will Land on the Moon for NASA"
    text = "\n\n".join([STORY[0], STORY[1], title, teaser, STORY[2], STORY[3]])
    assert _rules(text)[title] != "CAP100"


def test_a_story_printed_twice_keeps_one_copy_of_each_paragraph() -> None:
    """A page and its print version: the later copy of a paragraph is the repeat. A sentence
    the story says twice (a refrain) is shorter than a paragraph, and stays."""
    story = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next "
        "spring, after engineers found cracks in two of the steel beams that carry the deck.",
        "Buses and bicycles will still be allowed across, and the council said it would spend "
        "the coming winter deciding whether to repair the bridge or to build a new one.",
        "Shop owners on both banks said the closure would cost them customers, and asked the "
        "council to open a temporary ferry until the work on the bridge is finished.",
    ]
    text = "\n\n".join(["Harbour bridge to close to cars", *story, "Print this story", *story])
    body = clean(text, kind="text").body
    assert all(body.count(paragraph) == 1 for paragraph in story)
    refrain = "The bridge has carried the city's traffic for more than ninety years."
    told = "\n\n".join([story[0], refrain, story[1], refrain, story[2]])
    assert clean(told, kind="text").body.count(refrain) == 2
    # A paragraph that comes back alone, between others, is the story's own: it stays twice.
    again = "\n\n".join([story[0], story[1], story[2], story[0]])
    assert clean(again, kind="text").body.count(story[0]) == 2


def test_two_headings_a_blank_line_apart_give_the_first_as_the_headline() -> None:
    """A subtitle that some rule also calls a headline (on a page, cleaning the body again can:
    it opens the body and matches the URL's slug) is not glued to the headline above it."""
    headings = RuleSet(
        "test-headings",
        [
            PatternRule("TST300", "headline", r"^Council votes to rebuild the old bridge$"),
            PatternRule("TST301", "headline", r"^What comes next for the river crossing$"),
        ],
    )
    text = _above_story(
        "Council votes to rebuild the old bridge", "What comes next for the river crossing"
    )
    article = clean(text, kind="text", rules=[headings])
    assert article.headline == "Council votes to rebuild the old bridge"


@pytest.mark.parametrize("credit", ["Alex Wong | Getty Images", "Photo: Alex Wong"])
def test_a_credit_alone_over_the_story_leaves_its_first_paragraph_the_storys(credit: str) -> None:
    # The line over a credit with no caption is no title found past a lead photo: as one, it
    # would make the story's first paragraph the caption under a credit under the headline.
    article = clean(_above_story("Homecoming", credit), kind="text")
    assert article.paragraphs == BRIDGE_PARAGRAPHS
    one = clean("\n\n".join(["Homecoming", credit, BRIDGE_PARAGRAPHS[0], "Tags: x"]), kind="text")
    assert one.paragraphs == BRIDGE_PARAGRAPHS[:1]


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        # A title under a post's tags is the title: the tags are the post's above.
        (["Tags: Family, Travel", "Homecoming"], "Homecoming"),
        (["Tags:", "Family", "Travel", "Homecoming"], "Homecoming"),
        # A control cut off over the tags ends the post above; a title may end so.
        (["Read more…", "Tags: Family, Travel"], None),
        (["Waiting for the rain…", "Tags: Family, Travel"], "Waiting for the rain…"),
        (["Read more here…", "Tags: Family, Travel"], None),  # CONTROL_WORDS
    ],
)
def test_the_line_above_the_story_and_a_posts_tags(lines: list[str], headline: str | None) -> None:
    assert clean(_above_story(*lines), kind="text", strict=True).headline == headline


def test_the_name_under_a_credit_label_over_the_story_is_the_credit_not_the_headline() -> None:
    article = clean(_above_story("Homecoming", "Photo:", "Alex Wong"), kind="text", strict=True)
    assert article.headline != "Alex Wong"
    assert "Alex Wong" in article.caption
    assert article.paragraphs == BRIDGE_PARAGRAPHS


def test_a_wire_caption_of_two_sentences_above_its_credit_is_a_caption() -> None:
    # AP's captions run to two sentences and thirty words: above the credit, still a caption.
    caption = (
        "A man walks his dog past the flooded river near the old mill in the north of the "
        "county. Forecasters expect more rain over the weekend and into next week."
    )
    text = "\n\n".join([STORY[0], STORY[1], caption, "(AP Photo/Jane Roe)", STORY[2], STORY[3]])
    assert _rules(text)[caption] == "CAP100"


def test_a_players_controls_under_the_story_still_end_it() -> None:
    # A gallery's counter between captions is the story's; a player's and a pager's controls
    # with no caption beside them are chrome, and the teaser under them is not the story's.
    teaser = "Another reader asked which of the new phones lasts longest, and we found out."
    text = "\n\n".join([*STORY, "Video", "Watch video", "Next", "Previous", teaser])
    assert teaser not in clean(text, kind="text").body


def test_a_stray_tab_in_a_caption_does_not_make_it_a_tables_row() -> None:
    caption = "The mayor speaks to reporters\toutside city hall on Tuesday."
    text = "\n\n".join([STORY[0], STORY[1], caption, "Photo: Jane Doe/Reuters", STORY[2], STORY[3]])
    assert _rules(text)[caption] == "CAP100"


@pytest.mark.parametrize(
    "rows",
    [("Home\tNews", "Sport\tWeather"), ("Arsenal\t2", "Chelsea\t1"), ("Jane Doe\tJohn Smith",)],
)
def test_a_tables_rows_above_the_story_are_no_headline_and_no_byline(rows: tuple[str, ...]) -> None:
    # A menu laid out as a table, a results table, a table of names: rows written with tabs,
    # short and capitalised as titles and names are, but a table's.
    article = clean("\n\n".join(["Council approves a bigger budget", *rows, *STORY]), kind="text")
    assert article.headline == "Council approves a bigger budget"
    assert article.byline is None
    assert {piece.text.strip() for piece in article.removed} >= set(rows)
    article = clean("\n\n".join([*rows, *STORY]), kind="text")
    assert article.headline is None
