"""STO003: a document's only paragraph is its story, though it ends like a photo's caption."""

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
WITHOUT = Cleaner(strict=True, disable=["STO003"])


def test_a_short_posts_only_paragraph_ending_in_a_credit_is_its_body_not_a_caption() -> None:
    text = f"Snow lanes\n\n{POST}\n\nPosted in Fun"
    article = CLEANER.clean(text)
    assert article.headline == "Snow lanes"
    assert article.body == POST
    assert article.captions == ()
    assert [s.rule for s in article.segments if s.label is Label.BODY] == ["STO003"]
    # Without the rule, the paragraph is a caption and the page's scraps are the story.
    without = WITHOUT.clean(text)
    assert without.captions == (POST,)
    assert POST not in without.body


def test_on_html_the_post_is_kept_instead_of_reading_the_whole_page_for_another_story() -> None:
    article = CLEANER.clean(PAGE)
    assert (article.headline, article.body, article.captions) == ("Snow lanes", POST, ())
    without = WITHOUT.clean(PAGE)
    assert without.body == "" and without.captions == (POST,)


def test_beside_another_paragraph_the_credited_line_is_the_pictures_caption() -> None:
    article = CLEANER.clean(f"Snow lanes\n\n{POST}\n\n{STORY}")
    assert article.captions == (POST,)
    assert article.body == STORY
    assert "STO003" not in {s.rule for s in article.segments}


def test_a_short_line_with_a_credit_is_no_paragraph_and_stays_a_caption() -> None:
    # Under fifteen words: a picture's caption even where the document holds no other prose.
    caption = "Fans wait outside the stadium on Sunday. (Photo: Jane Doe)"
    article = CLEANER.clean(f"Snow lanes\n\n{caption}")
    assert article.captions == (caption,)


def test_the_only_paragraph_is_kept_only_where_a_caption_marker_would_take_it() -> None:
    # A comment under a photo post is left to the story finder (see test_story.py).
    article = CLEANER.clean(f"Snow lanes\n\n{STORY}")
    assert article.body == STORY
    assert "STO003" not in {s.rule for s in article.segments}


@settings(max_examples=40, deadline=None)
@given(
    credit=st.sampled_from(CREDITS),
    words=st.lists(st.sampled_from("snow lane street night morning pins sun".split()),
                   min_size=15, max_size=40),
)
def test_the_kept_paragraph_survives_cleaning_the_body_again(credit: str, words: list[str]) -> None:
    paragraph = "The " + " ".join(words) + ". " + credit
    article = CLEANER.clean(f"Snow lanes\n\n{paragraph}")
    assert article.body == paragraph
    assert CLEANER.clean(article.body).body == article.body
