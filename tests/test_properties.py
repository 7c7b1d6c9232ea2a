"""The promises of DESIGN.md, as properties over arbitrary text and over realistic articles."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_clean import Article, Cleaner, Label, clean

from .strategies import any_text, articles, pages

KEPT = {Label.HEADLINE, Label.BYLINE, Label.CAPTION, Label.BODY}
INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")


@given(any_text)
def test_segments_give_the_text_back(text: str) -> None:
    article = clean(text, kind="text")
    assert "".join(s.text for s in article.segments) == text
    assert article.text == text  # the property a caller reads, not only the segments' join
    position = 0
    for segment in article.segments:
        assert segment.start == position
        assert text[segment.start : segment.end] == segment.text
        position = segment.end
    assert position == len(text)


@given(any_text)
def test_removed_is_exactly_the_segments_not_kept(text: str) -> None:
    article = clean(text)
    assert article.removed == tuple(s for s in article.segments if s.label not in KEPT)

    # Every word of the body comes from a body segment, in order (invisible spacers aside).
    def words(text: str) -> list[str]:
        return text.translate(INVISIBLE).split()

    body_segments = " ".join(s.text for s in article.segments if s.label is Label.BODY)
    assert words(article.body) == words(body_segments)


@given(any_text)
def test_same_input_same_output(text: str) -> None:
    assert clean(text) == clean(text)


@settings(max_examples=300)
@given(any_text)
def test_cleaning_the_body_again_changes_nothing(text: str) -> None:
    body = clean(text).body
    assert clean(body).body == body


STORY_LINE = "Paragraph {} of the story runs on long enough to read as a paragraph of news."


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 300),
    st.lists(st.sampled_from(["<p>", "<table><tr><td>", "<b>", "</div>", "<html>"]), max_size=3),
)
def test_a_texts_body_with_markup_inside_its_lines_cleaned_again_as_text_changes_nothing(
    junk_lines: int, tags: list[str]
) -> None:
    """Junk above the story may push markup inside its lines past what the sniffer reads; as
    text, the body cleaned again is the same body."""
    story = [STORY_LINE.format(n) for n in range(6)]
    for n, tag in enumerate(tags, start=1):
        story[n] = story[n].replace(" the story ", f" the {tag}story ")
    menu = "\n".join(f"Menu item {n}" for n in range(junk_lines))
    article = clean(f"{menu}\n\nThe Headline Of The Story\n\n" + "\n\n".join(story), kind="text")
    assert clean(article.body, kind="text").body == article.body


@given(articles)
def test_any_article_gives_an_article(text: str) -> None:
    article = clean(text)
    assert isinstance(article, Article)
    assert article.failures == ()


@given(any_text)
def test_a_pickled_cleaner_cleans_the_same(text: str) -> None:
    cleaner = Cleaner()
    assert pickle.loads(pickle.dumps(cleaner)).clean(text) == cleaner.clean(text)


@pytest.mark.parametrize("bad", [None, 42, 4.2, ["a"], {"text": "a"}, object()])
def test_a_non_str_argument_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="clean\\(\\) takes the article as str"):
        clean(bad)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(pages())
def test_any_page_gives_an_article_whose_segments_give_its_text_back(page: str) -> None:
    article = clean(page, kind="html")
    assert isinstance(article, Article)
    assert article.failures == ()
    assert "".join(s.text for s in article.segments) == article.text


@settings(max_examples=40, deadline=None)
@given(pages())
def test_the_same_page_gives_the_same_article(page: str) -> None:
    assert clean(page, kind="html") == clean(page, kind="html")


@settings(max_examples=60, deadline=None)
@given(pages())
def test_cleaning_a_pages_body_again_changes_nothing(page: str) -> None:
    body = clean(page, kind="html").body
    assert clean(body, kind="text").body == body
