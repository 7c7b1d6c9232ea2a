"""Readers' comments as a field of their own, apart from the trailer's reply form and policy."""

from __future__ import annotations

import re

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


def test_two_comments_with_no_heading_over_them_are_comments_not_the_story() -> None:
    # A scraper that drops the "2 responses" heading leaves the commenters' lines, each with
    # its date right under it: two such comments are a thread, not the story going on.
    comments = (
        "jdoe says:\n\nMarch 12, 2024 at 10:14 am\n\n"
        "About time! I have been driving the long way round the river for months now.\n\n"
        "riverfan says:\n\nMarch 12, 2024 at 11:02 am\n\n"
        "Twelve million pounds for one bridge seems a lot of money to me, to be honest."
    )
    form = "Leave a Reply\n\nYour email address will not be published."
    article = clean(f"{STORY}\n\n{comments}\n\n{form}", kind="text")
    assert article.body == STORY
    assert article.comments == comments.replace("\n\nMarch", "\nMarch").replace("am\n\n", "am\n")


def test_two_comments_each_with_its_reply_link_and_no_heading_are_comments() -> None:
    # WordPress puts "Reply" under each comment: it opens the trailer, which sweeps the next
    # comment's date in; that date still makes the next commenter's line a comment's header.
    replies = [
        "jdoe says:", "March 12, 2024 at 10:14 am",
        "About time! I have been driving the long way round the river for months now.", "Reply",
        "riverfan says:", "March 12, 2024 at 11:02 am",
        "Twelve million pounds for one bridge seems a lot of money to me, to be honest.", "Reply",
    ]  # fmt: skip
    article = clean("\n\n".join([STORY, *replies]), kind="text")
    assert article.body == STORY
    assert article.comments.count(" says:\nMarch 12, 2024") == 2


def test_a_story_line_that_introduces_a_quote_does_not_start_a_thread() -> None:
    # "... writes:" over a quoted paragraph reads as a commenter's line, but no date stands
    # under it, and the story's own byline at its end is no second comment.
    quoted = (
        "As you may recall, Colon writes:\n\n"
        "“As journalists, we choose words carefully and conscientiously, and we connect dots.”"
    )
    text = f"{STORY}\n\n{quoted}\n\nThe Post story never goes there, and that is the problem."
    article = clean(f"{text}\n\nWritten by: tmatt on August 9, 2012.", kind="text")
    assert "we connect dots" in article.body
    assert article.body.endswith("that is the problem.")


def test_one_comment_under_a_dated_line_of_the_story_does_not_cut_the_story() -> None:
    # An update's date inside the story and one comment's header below: two records, but
    # only one of them a comment's, so the story's paragraphs after the update stay.
    later = [
        "The mayor said the council had waited too long, and that the bridge would open again.",
        "Residents who cross the bridge every day said they were glad the work would start.",
    ]
    comment = "jdoe says:\n\nMarch 12, 2024 at 10:14 am\n\nAbout time! I have waited for months."
    text = "\n\n".join([STORY, "Updated March 11, 2024 at 3:00 pm", *later, comment])
    article = clean(text, kind="text")
    assert article.body.endswith(later[1])


def test_comments_show_in_markdown_xml_and_the_explain_report() -> None:
    article = clean(PAGE, kind="text")
    markdown = article.to_markdown()
    assert markdown.index("## Trailer") < markdown.index("## Comments")
    assert "jdoe says:  \nNovember 19, 2019 at 6:34 am  \nAbout time" in markdown
    root = lxml.etree.fromstring(article.to_xml().encode("utf-8"))
    assert [c.text.split("\n")[0] for c in root.find("comments")] == ["jdoe says:", "mroe says:"]
    page = report(article)
    assert re.search(r'<dd id="field-comments"><span lang="\w+">jdoe says:', page)


def test_a_reply_form_written_with_no_break_spaces_ends_the_last_comment() -> None:
    page = PAGE.replace("Leave a Reply", "Leave\xa0a\xa0Reply")
    article = clean(page, kind="text", strict=True)
    assert article.comments.endswith("Where will the buses go now?")
    assert "Leave\xa0a\xa0Reply" in article.trailer


def test_a_thread_of_short_lines_in_chinese_is_left_out_of_the_overcleaned_share() -> None:
    """The thread's words leave the share as its lines count them: one character of an
    unspaced script is a word on a line of its own, half of one inside a longer text."""
    comment = "\n\n".join("好是对行" * 3)  # twelve lines of one character
    thread = "\n\n".join(
        f"user{n} says:\n\nNovember 19, 2019 at 6:34 am\n\n{comment}" for n in range(60)
    )
    article = clean(f"{STORY}\n\n60 responses to “Bridge”\n\n{thread}", kind="text", strict=True)
    assert article.comments.count("says:") == 60
    assert not any(w.startswith("overcleaned") for w in article.warnings)


def test_a_plugins_commenter_and_trailer_rules_make_comments_by_their_tags() -> None:
    # Comments were read from TRL008's id and the built-in trailer rules' alone: a site's own
    # commenter rule (tagged comment-record, as the docs say rules know each other) and its
    # own rule opening the trailer gave no comments.
    from article_clean import PatternRule, RuleSet

    page = (
        STORY + "\n\nReader talk\n\n"
        "jdoe writes in:\n\nNovember 19, 2019 at 6:34 am\n\nAbout time they closed it.\n\n"
        "mroe writes in:\n\nNovember 19, 2019 at 6:44 am\n\nWhere will the buses go now?"
    )
    site = RuleSet(
        "site",
        [
            PatternRule("SIT001", "trailer", r"^Reader talk$", scope="rest"),
            PatternRule("SIT002", "trailer", r"^\w+ writes in:$", tags=["comment-record"]),
        ],
    )
    article = clean(page, kind="text", rules=[site], disable=["TRL008"])
    assert article.body == STORY
    assert article.comments == (
        "jdoe writes in:\nNovember 19, 2019 at 6:34 am\nAbout time they closed it."
        "\n\nmroe writes in:\nNovember 19, 2019 at 6:44 am\nWhere will the buses go now?"
    )
    assert article.trailer == "Reader talk"
