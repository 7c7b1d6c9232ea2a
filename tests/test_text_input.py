"""Plain text as tools hand it over: pages split by form feeds (pdftotext), lines by Unicode's
separators (JSON feeds), spaces that do not break (&nbsp; pasted as a character)."""

from __future__ import annotations

import pytest

from article_clean import clean
from article_clean.blocks import split_blocks

S1 = (
    "The council voted on Tuesday to close the old bridge to cars from next spring, after "
    "engineers found cracks in two of its supports."
)
S2 = (
    "Residents who rely on the bridge to reach the hospital said the decision came without "
    "warning and asked for a shuttle service."
)


@pytest.mark.parametrize("sep", ["\f", "\v", "\x85", "\u2028", "\u2029"])
def test_a_line_separator_other_than_newline_ends_a_line(sep: str) -> None:
    text = f"ADVERTISING{sep}{S1}{sep}{sep}{S2}{sep}Leave a Reply"
    article = clean(text, strict=True)
    assert [piece.rule for piece in article.removed] == ["AD001", "TRL001"]
    assert article.paragraphs == (S1, S2)
    assert "".join(s.text for s in article.segments) == text
    assert clean(article.body, strict=True).body == article.body


def test_two_separators_make_a_blank_line_and_one_does_not() -> None:
    blocks = split_blocks("one\ftwo\f\fthree\r\nfour")
    assert [(b.text, b.group) for b in blocks] == [
        ("one", 0),
        ("two", 0),
        ("three", 1),
        ("four", 1),
    ]


def test_a_no_break_space_does_not_hide_a_line_from_the_pattern_rules() -> None:
    article = clean(f"{S1}\n\n{S2}\n\nYour email address will not be\xa0published.", strict=True)
    assert [piece.rule for piece in article.removed] == ["TRL002"]
    assert article.trailer == "Your email address will not be\xa0published."


@pytest.mark.parametrize(
    "notice",
    [
        "Your email address will not be pub\xadlished.",  # a soft hyphen, as German sites set
        "Your email address will not\u200b be published.",  # a zero-width space
        "Your email address will not be\xa0pub\xadlished.",
    ],
)
def test_characters_that_show_nothing_do_not_hide_a_line_from_the_pattern_rules(
    notice: str,
) -> None:
    article = clean(f"{S1}\n\n{S2}\n\n{notice}", strict=True)
    assert [piece.rule for piece in article.removed] == ["TRL002"]
    assert article.trailer == notice  # read without them, kept with them
    page = f"<html><body><article><p>{S1}</p><p>{S2}</p><p>{notice}</p></article></body></html>"
    assert [piece.rule for piece in clean(page, strict=True).removed] == ["TRL002"]


def test_the_first_rule_to_take_a_line_decides_whichever_reading_it_takes() -> None:
    from article_clean import Cleaner, PatternRule, RuleSet

    # MY001 comes first and takes the line read with its no-break space as a space; MY002 takes
    # it as written. Rule order decides, in both stages, as PatternRule.applies reads a line.
    line = "Promo code\xa0SAVE10"
    for stage in ("markers", "layout"):
        rules = RuleSet(
            "m",
            [PatternRule("MY001", "trailer", r"^Promo code \w+$"),
             PatternRule("MY002", "noise", r"^Promo\s")],
            stage=stage,
        )
        article = Cleaner(rules=[rules], strict=True).clean(f"{S1}\n\n{line}\n\n{S2}")
        assert [piece.rule for piece in article.removed] == ["MY001"], stage
    credit = "Jane Doe | Bloomberg | Getty\xa0Images"
    taken = [s.rule for s in clean(f"{S1}\n\n{credit}\n\n{S2}").segments if "Getty" in s.text]
    assert taken == ["CAP004"]  # the credit rule comes before the line in capitals


def test_a_title_alone_is_an_empty_story_and_says_so() -> None:
    article = clean("<html><head><title>Council news</title></head><body></body></html>")
    assert article.body == ""
    assert "empty: no story found; the text holds only other parts of a page" in article.warnings


def test_a_long_comment_thread_under_a_short_story_is_no_overcleaning() -> None:
    thread = "\n\n".join(
        f"Reader {n} says:\n\nI think the bridge should stay open for the buses at least, "
        f"because the detour adds twenty minutes to every trip into town. ({n})"
        for n in range(30)
    )
    article = clean(f"{S1}\n\n{S2}\n\n12 Comments\n\n{thread}", strict=True)
    assert article.comments and article.paragraphs == (S1, S2)
    assert not any(w.startswith("overcleaned") for w in article.warnings)


def test_text_read_as_html_for_a_few_tags_says_so() -> None:
    text = f"Sign up for our newsletter\n\n{S1}\n\n<p>{S2}</p>\n\n<p>{S2}</p>\n"
    article = clean(text)
    assert article.kind == "html"
    assert any(w.startswith("kind: read as HTML for its tags") for w in article.warnings)
    assert S1 in clean(text, kind="text").body  # as the warning says
    assert not clean("\ufeff<html><body><p>" + S1 + "</p></body></html>").warnings
    assert not clean(f"<p>{S1}</p>", kind="html").warnings  # asked for, not guessed


def test_lines_cut_by_form_feeds_count_toward_max_blocks_before_the_text_is_split() -> None:
    from article_clean import Cleaner, InputTooLarge

    with pytest.raises(InputTooLarge, match="more than 100 lines"):
        Cleaner(max_blocks=100).clean("a\f" * 1000, kind="text")


def test_a_pattern_that_spells_a_no_break_space_still_matches_it() -> None:
    from article_clean import Cleaner, PatternRule, RuleSet

    for stage in ("markers", "layout"):
        rules = RuleSet("prices", [PatternRule("PRI001", "noise", "^Prix\xa0:")], stage=stage)
        article = Cleaner(rules=[rules], strict=True).clean(f"{S1}\n\nPrix\xa0: 12 €\n\n{S2}")
        assert [piece.rule for piece in article.removed] == ["PRI001"], stage
        spaced = RuleSet("prices", [PatternRule("PRI001", "noise", "^Prix :")], stage=stage)
        article = Cleaner(rules=[spaced], strict=True).clean(f"{S1}\n\nPrix\xa0: 12 €\n\n{S2}")
        assert [piece.rule for piece in article.removed] == ["PRI001"], stage
        hyphenated = f"{S1}\n\nPreis\xadvergleich: 12 €\n\n{S2}"
        rules = RuleSet("prices", [PatternRule("PRI001", "noise", "^Preisvergleich:")], stage=stage)
        article = Cleaner(rules=[rules], strict=True).clean(hyphenated)
        assert [piece.rule for piece in article.removed] == ["PRI001"], stage


def test_blank_input_says_it_holds_no_text_whatever_came_before() -> None:
    assert "empty: the input holds no text" in clean(b"\xa0\xa0 \n").warnings
    assert clean("\u200b\u200b").warnings == ("empty: the input holds no text",)


def test_a_whole_page_with_a_line_before_its_markup_draws_no_kind_warning() -> None:
    headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    page = f"{headers}<html><body><p>{S1}</p></body></html>"
    assert not any(w.startswith("kind:") for w in clean(page).warnings)


def test_blank_lines_however_many_are_no_lines_toward_max_blocks() -> None:
    from article_clean import Cleaner

    article = Cleaner(max_blocks=100, strict=True).clean("\r\n" * 1000 + S1, kind="text")
    assert article.body == S1


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u202b", "\u2066", "\u2062", "\u180e"])
def test_a_text_of_direction_marks_and_invisible_operators_is_empty(mark: str) -> None:
    article = clean(f"{mark}\n\n{mark}{mark}\n", kind="text")
    assert article.body == "" and article.warnings == ("empty: the input holds no text",)


@pytest.mark.parametrize(
    "text", ["https://example.com/news/story-slug", " www.example.com/a\n", "\u200ehttps://x.org/a"]
)
def test_a_url_given_as_the_text_says_pages_are_not_fetched(text: str) -> None:
    article = clean(text)
    assert any(w.startswith("kind: the text is a URL alone") for w in article.warnings)
    assert not clean(f"Read it at {text.strip()} today.").warnings  # a line that names a URL


@pytest.mark.parametrize(
    "before",
    [
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nServer: nginx\r\nDate: Mon, 30 Nov 2026 "
        "10:00:00 GMT\r\nContent-Length: 1000\r\n\r\n",
        "PHP Notice: Undefined index: id in /var/www/page.php on line 3\n",
    ],
)
@pytest.mark.parametrize("start", ["<!DOCTYPE html>\n<html>", "<html lang='en'>"])
def test_a_page_saved_with_what_its_server_wrote_before_it_is_a_page(
    before: str, start: str
) -> None:
    page = f"{before}{start}<head><title>T</title></head>\n<body>\n<p>{S1}</p>\n</body></html>"
    article = clean(page, strict=True)
    assert article.kind == "html" and article.body == S1 and not article.warnings


def test_a_text_whose_notes_run_on_into_a_page_it_quotes_stays_text() -> None:
    notes = "\n".join(f"Line {n} of my notes on the template." for n in range(5))
    text = f"{notes}\n<html><body><p>{S1}</p></body></html>"
    assert clean(text).kind == "text"


def test_a_fragment_that_quotes_a_doctype_further_down_still_draws_the_kind_warning() -> None:
    text = f"Sign up for our newsletter\n\n<p>{S1}</p>\n\n<p>{S2}</p>\n\nWrite <!DOCTYPE html> first."
    article = clean(text)
    assert article.kind == "html"
    assert any(w.startswith("kind: read as HTML for its tags") for w in article.warnings)


def test_kind_auto_decides_from_the_content_as_the_command_line_does() -> None:
    from article_clean import clean_many

    page = f"<html><body><h1>Budget Approved</h1><p>{S1}</p><p>{S2}</p></body></html>"
    for content in (page, f"Budget Approved\n\n{S1}\n\n{S2}", page.encode("utf-8")):
        assert clean(content, kind="auto") == clean(content)
    assert [r.article.kind for r in clean_many([page, S1], kind="auto") if r.article] == [
        "html",
        "text",
    ]
    with pytest.raises(ValueError, match="'text', 'html', 'auto' or None"):
        clean(S1, kind="xml")  # type: ignore[arg-type]
