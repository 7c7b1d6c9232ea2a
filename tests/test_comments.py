"""Readers' comments as a field of their own, apart from the trailer's reply form and policy."""

from __future__ import annotations

import lxml.etree

from article_clean import clean
from article_clean.explain import report

STORY = "\n\n".join(
    f"Paragraph {n} of the story tells what the council decided about the old bridge on Tuesday."
    for n in range(4)
)
PAGE = (
    STORY
    + "\n\n2 responses to “Bridge to close”\n\n"
    + "jdoe says:\n\nNovember 19, 2019 at 6:34 am\n\nAbout time they closed it, it was unsafe.\n\n"
    + "Reply\n\n"
    + "mroe says:\n\nNovember 19, 2019 at 6:44 am\n\nWhere will the buses go now?\n\n"
    + "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
)


def test_comments_are_apart_from_the_reply_form_and_policy() -> None:
    article = clean(PAGE, kind="text")
    assert article.comments == (
        "jdoe says:\nNovember 19, 2019 at 6:34 am\nAbout time they closed it, it was unsafe."
        "\n\nmroe says:\nNovember 19, 2019 at 6:44 am\nWhere will the buses go now?"
    )
    assert article.trailer == (
        "2 responses to “Bridge to close”\n\nReply\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *"
    )
    assert "jdoe" not in article.trailer and "Leave a Reply" not in article.comments
    assert article.to_dict()["comments"] == article.comments
    assert clean(STORY).comments == ""


def test_comments_show_in_markdown_xml_and_the_explain_report() -> None:
    article = clean(PAGE, kind="text")
    markdown = article.to_markdown()
    assert markdown.index("## Trailer") < markdown.index("## Comments")
    assert "jdoe says:  \nNovember 19, 2019 at 6:34 am  \nAbout time" in markdown
    root = lxml.etree.fromstring(article.to_xml().encode("utf-8"))
    assert [c.text.split("\n")[0] for c in root.find("comments")] == ["jdoe says:", "mroe says:"]
    page = report(article)
    assert '<dd id="field-comments">jdoe says:' in page
