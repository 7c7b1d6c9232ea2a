"""Caption and boilerplate lines of small documents, as the field scores count them
(`benchmarks/fields.py`): what a caption rule must leave to the body or to the noise rules."""

from __future__ import annotations

from article_clean import Label, clean

HEAD = "Council delays the vote on the new bridge until spring"
P1 = (
    "The city council voted on Tuesday to put off its decision on the new bridge until the spring, "
    "after residents asked for more time to read the engineers' report."
)
P2 = (
    "Members said the report raised questions about the cost of the project, which has grown by a "
    "third since the first plans were drawn two years ago."
)
P3 = (
    "The mayor said she was disappointed but would accept the delay, and that the work could still "
    "begin before the end of next year if the money was found."
)


def _segment(text: str, line: str) -> tuple[Label, str | None]:
    article = clean(text)
    found = next(s for s in article.segments if s.text.strip() == line)
    return found.label, found.rule


def test_a_read_more_link_between_paragraphs_is_noise_not_a_gallery_caption() -> None:
    text = "\n\n".join([HEAD, P1, "Read more", P2, P3])
    assert _segment(text, "Read more") == (Label.NOISE, "NOI007")
    article = clean(text)
    assert article.captions == ()
    assert "Read more" not in article.body


def test_a_gallery_caption_keeps_its_toggle_and_its_label() -> None:
    toggle = "Residents crowd the council chamber in the city hall on Tuesday evening. less"
    text = "\n\n".join([HEAD, P1, toggle, P2, P3])
    assert _segment(text, toggle) == (Label.CAPTION, "CAP007")
