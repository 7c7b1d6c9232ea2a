"""Caption and boilerplate lines of small documents, as the field scores count them
(`benchmarks/fields.py`): what a caption rule must leave to the body or to the noise rules."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "link", ["Read more", "See more", "Learn more", "Know more", "Discover more"]
)
def test_a_leads_paragraph_with_its_link_to_the_rest_is_the_story_not_a_caption(link: str) -> None:
    """A feed's item ends its lead with a link to the rest: it was taken for a gallery's
    caption and its toggle, and a one-paragraph item had an empty body."""
    lead = f"{P1} {link}"
    assert clean(f"<p>{P1} <a href='/story'>{link}</a></p>", kind="html").body == lead
    text = "\n\n".join([HEAD, lead, P2, P3])
    assert _segment(text, lead)[0] is Label.BODY
    assert clean(text).captions == ()


def test_a_gallery_caption_keeps_its_toggle_and_its_label() -> None:
    toggle = "Residents crowd the council chamber in the city hall on Tuesday evening. less"
    text = "\n\n".join([HEAD, P1, toggle, P2, P3])
    assert _segment(text, toggle) == (Label.CAPTION, "CAP007")


def test_a_disabled_caption_place_rule_finds_nothing_for_the_rules_after_it() -> None:
    # The positional caption rules run as steps of one analysis, each seeing what the steps
    # before it found: CAP100, disabled, still made the line above the credit a caption for
    # CAP101, which then left the line under the credit alone.
    paragraphs = [
        "The city council voted on Tuesday to rebuild the old bridge over the river, which has "
        "been closed since the floods.",
        "Engineers told the council that the work would take about eighteen months and that the "
        "bridge would reopen next summer.",
    ]
    picture = (
        "Crowds gather at the old bridge on Monday\nSakib Ali/Getty Images\n"
        "the mayor speaking to reporters outside the hall"
    )
    text = "\n\n".join(["Council votes to rebuild the bridge", paragraphs[0], picture, paragraphs[1]])
    decided = {s.text.strip(): s.rule for s in clean(text, kind="text").segments}
    assert decided["Crowds gather at the old bridge on Monday"] == "CAP100"
    without = clean(text, kind="text", disable=["CAP100"])
    decided = {s.text.strip(): s.rule for s in without.segments}
    assert "CAP100" not in decided.values()
    assert decided["the mayor speaking to reporters outside the hall"] == "CAP101"
