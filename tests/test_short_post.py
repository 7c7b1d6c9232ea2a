"""CAP000: a short document's only paragraph is its story, though it ends like a caption."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from article_clean import Cleaner, Label

POST = (
    "Someone on our street built a full-size bowling lane out of snow last night, and by the "
    "morning half the neighbourhood had lined up to try it. (Video via YouTube)"
)
STORY = (
    "The lane stayed open until noon, when the sun came out and the pins began to sink slowly "
    "into the slush."
)
CREDITS = ["(Video via YouTube)", "(Photo: Jane Doe)", "(AP Photo/Evan Vucci)", "(Credit: CNET)"]

PAGE = f"""<!doctype html><html lang="en"><head><title>Snow lanes | Corner Blog</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li>
<li><a href="/archive">Archive</a></li></ul></nav>
<div id="main"><div class="post"><h2 class="entry-title">Snow lanes</h2>
<div class="entry"><p>{POST}</p></div><p class="meta">Posted in <a href="/c/fun">Fun</a></p>
</div></div>
<div id="sidebar"><h3>Blogroll</h3><ul><li><a href="http://a.example">Friends of the lane</a></li>
<li><a href="http://b.example">Winter sports weekly</a></li></ul></div>
<footer><p>Copyright 2012 Corner Blog. All rights reserved.</p></footer></body></html>"""

CLEANER = Cleaner(strict=True)
WITHOUT = Cleaner(strict=True, disable=["CAP000"])


def test_a_short_posts_only_paragraph_ending_in_a_credit_is_its_body_not_a_caption() -> None:
    text = f"Snow lanes\n\n{POST}"
    article = CLEANER.clean(text)
    assert article.headline == "Snow lanes"
    assert article.body == POST
    assert article.captions == ()
    assert [s.rule for s in article.segments if s.label is Label.BODY] == ["CAP000"]
    # Without the rule, the paragraph is a caption and the page's scraps are the story.
    without = WITHOUT.clean(text)
    assert without.captions == (POST,)
    assert POST not in without.body


def test_a_byline_and_a_date_above_the_paragraph_leave_the_post_short() -> None:
    # Markers take them before the paragraph is read: they are no story.
    for lines in (["By Jane Doe"], ["By Jane Doe", "March 4, 2024"]):
        article = CLEANER.clean("\n\n".join(["Snow lanes", *lines, POST]))
        assert (article.headline, article.byline, article.body) == ("Snow lanes", "Jane Doe", POST)
        assert article.captions == ()
    html = (
        "<html><body><article><h1>Snow lanes</h1><p class='byline'>By Jane Doe</p>"
        f"<p>{POST}</p></article></body></html>"
    )
    assert CLEANER.clean(html).body == POST


def test_a_line_under_the_paragraph_makes_the_document_no_short_post() -> None:
    # Whether it is a reply form's heading or a story's line (a list's item), the rule cannot
    # tell when it reads the paragraph: the paragraph stays the caption its credit says, and
    # the line under it stays in the body.
    for below in ("Leave a Reply", "Tariffs on soybeans cut by half from June"):
        assert CLEANER.clean(f"Snow lanes\n\n{POST}\n\n{below}").captions == (POST,)
    item = "Tariffs on soybeans cut by half from June"
    for under in (f"<ul><li>{item}</li></ul>", f"<p>{item}</p>"):
        # The <h1> is the headline before the paragraph is read: still, a line follows it.
        html = f"<html><body><h1>Snow lanes</h1><p>{POST}</p>{under}</body></html>"
        article = CLEANER.clean(html)
        assert article.captions == (POST,)
        assert item in article.body


def test_a_story_line_above_the_paragraph_makes_the_document_no_short_post() -> None:
    item = "Tariffs on soybeans cut by half from June"
    article = CLEANER.clean(f"Trade deal signed\n\n{item}\n\n{POST}")
    assert article.captions == (POST,)
    assert item in article.body


def test_a_caption_above_makes_the_paragraph_one_more_caption_of_a_gallery() -> None:
    first = "Rowers at the start of the race. (Photo: Jane Doe)"
    article = CLEANER.clean(f"Regatta photos\n\n{first}\n\n{POST}")
    assert article.captions == (f"{first}\n{POST}",)  # one picture's caption lines, joined
    assert POST not in article.body


def test_a_question_for_a_title_is_no_second_paragraph() -> None:
    title = "Have you ever seen a bowling lane made of snow?"
    text = CLEANER.clean(f"{title}\n\n{POST}")
    assert text.captions == () and text.body.endswith(POST)
    page = PAGE.replace(">Snow lanes</h2>", f">{title}</h2>")
    article = CLEANER.clean(page)
    assert (article.headline, article.body) == (title, POST)


def test_on_html_the_post_is_kept_instead_of_reading_the_whole_page_for_another_story() -> None:
    article = CLEANER.clean(PAGE)
    assert (article.headline, article.body, article.captions) == ("Snow lanes", POST, ())
    without = WITHOUT.clean(PAGE)
    assert without.body == "" and without.captions == (POST,)


def test_a_paragraph_alone_is_the_story() -> None:
    caption = "Protesters march through the old town on Monday evening, as the rain sets in. " + (
        "(AP Photo/Evan Vucci)"
    )
    assert CLEANER.clean(caption).body == caption


def test_beside_another_paragraph_the_credited_line_is_the_pictures_caption() -> None:
    for text in (f"Snow lanes\n\n{POST}\n\n{STORY}", f"{POST}\n\n{STORY}"):
        article = CLEANER.clean(text)
        assert article.captions == (POST,)
        assert article.body == STORY
        assert "CAP000" not in {s.rule for s in article.segments}


def test_beside_a_story_of_short_lines_the_credited_paragraph_is_the_pictures_caption() -> None:
    # A story told in a list under a heading: its lines are no prose, and the picture's
    # caption is the document's only paragraph. The document is no short post, even with a
    # single line beside the title and the paragraph.
    items = ["Tariffs on soybeans cut by half from June", "Quotas on steel lifted next year"]
    text = "\n\n".join(["Trade deal signed", POST, "What changes", *items])
    article = CLEANER.clean(text)
    assert article.captions == (POST,)
    assert article.body.endswith("\n\n".join(["What changes", *items]))
    assert CLEANER.clean("\n\n".join(["Trade deal signed", POST, items[0]])).captions == (POST,)
    html = (
        f"<html><body><article><h1>Trade deal signed</h1><img src='a.jpg'><p>{POST}</p>"
        f"<h2>What changes</h2><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>"
        "</article></body></html>"
    )
    assert CLEANER.clean(html).captions == (POST,)


def test_a_comment_ending_in_a_credit_under_a_photo_post_is_no_story() -> None:
    comment = (
        "What a lovely morning light, I printed it for my kitchen wall and it looks great there. "
        "(Photo: Jane Doe)"
    )
    text = "\n\n".join(
        ["A quiet morning", "3 comments:", "Marta said...", comment, "September 10, 2012"]
    )
    for document in (text, f"3 comments:\n\n{comment}"):
        article = CLEANER.clean(document)
        assert comment not in article.body
        assert "CAP000" not in {s.rule for s in article.segments}
    assert CLEANER.clean(f"A quiet morning\n\n{comment}").body == comment


def test_a_line_too_short_for_a_paragraph_stays_a_caption() -> None:
    # Fourteen words, a finished sentence: prose, the document's only one, and a caption.
    caption = "Three of the reading lamps on the desk in the study. Image from Lampworksdaily.com."
    article = CLEANER.clean(f"Lamps\n\n{caption}")
    assert article.captions == (caption,)
    assert "CAP000" not in {s.rule for s in article.segments}


def test_the_only_paragraph_is_kept_only_where_a_caption_marker_would_take_it() -> None:
    article = CLEANER.clean(f"Snow lanes\n\n{STORY}")
    assert article.body == STORY
    assert "CAP000" not in {s.rule for s in article.segments}


def test_the_exception_reads_only_the_caption_markers_the_cleaner_has() -> None:
    # CAP001 alone takes POST: without it, no marker would, and nothing needs keeping.
    text = f"Snow lanes\n\n{POST}"
    article = Cleaner(strict=True, disable=["CAP001"]).clean(text)
    assert article.body == POST
    assert [s.rule for s in article.segments if s.label is Label.BODY] == [None]


def test_a_paragraph_that_says_it_is_a_caption_stays_one() -> None:
    for caption in (
        f"Caption: {POST}",
        "Pictured: rowers at the start of the race on the river, as the rain sets in over the "
        "old town. (Video via YouTube)",
    ):
        article = CLEANER.clean(f"Snow lanes\n\n{caption}")
        assert article.captions == (caption,)
        assert "CAP000" not in {s.rule for s in article.segments}


@settings(max_examples=40, deadline=None)
@given(
    credit=st.sampled_from(CREDITS),
    words=st.lists(
        st.sampled_from("snow lane street night morning pins sun".split()), min_size=15, max_size=40
    ),
)
def test_the_kept_paragraph_survives_cleaning_the_body_again(credit: str, words: list[str]) -> None:
    paragraph = "The " + " ".join(words) + ". " + credit
    article = CLEANER.clean(f"Snow lanes\n\n{paragraph}")
    assert article.body == paragraph
    assert CLEANER.clean(article.body).body == article.body
