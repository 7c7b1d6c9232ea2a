"""The labelling engine: order, rest scope, and rules that fail or run too long."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import article_clean.cleaner as cleaner_module
from article_clean import (
    Cleaner,
    Label,
    PatternRule,
    RuleFailedError,
    RuleSet,
    UnsettledError,
    clean,
    rule,
)

STORY = "\n\n".join(
    f"Paragraph {n} of the story says something with more than enough words in it."
    for n in range(5)
)
# Exponential backtracking in any regex engine: (a|aa)+ tries every split of the run of a's.
CATASTROPHIC = r"(a|aa)+$"
BOMB = "a" * 40 + "!"


@rule("TST100", Label.NOISE)
def explodes(block, doc):  # type: ignore[no-untyped-def]
    """Raises on every block."""
    raise ZeroDivisionError("boom")


def test_a_rule_that_raises_is_recorded_and_the_document_still_cleaned() -> None:
    text = STORY + "\n\nADVERTISING\n\n" + STORY
    article = clean(text, rules=[RuleSet("test-explodes", [explodes])])
    assert [(f.rule, f.error) for f in article.failures] == [("TST100", "ZeroDivisionError: boom")]
    assert [s.rule for s in article.removed] == ["AD001"]
    assert article.body.count("Paragraph 0") == 2


def test_strict_mode_raises_on_a_failing_rule() -> None:
    with pytest.raises(RuleFailedError, match="TST100.*boom") as caught:
        clean(STORY, rules=[RuleSet("test-explodes", [explodes])], strict=True)
    assert caught.value.rule == "TST100"
    assert isinstance(caught.value.__cause__, ZeroDivisionError)


def test_a_catastrophic_pattern_times_out_and_is_recorded() -> None:
    slow = RuleSet("test-slow", [PatternRule("TST101", "noise", CATASTROPHIC)])
    cleaner = Cleaner(rules=[slow], rule_timeout=0.05)
    text = STORY + "\n\n" + BOMB + "\n\n" + STORY
    started = time.monotonic()
    article = cleaner.clean(text)
    assert time.monotonic() - started < 5  # without the timeout this takes hours
    assert [f.rule for f in article.failures] == ["TST101"]
    assert "timeout" in article.failures[0].error
    assert BOMB in article.body  # the rule that failed decided nothing


def test_a_python_rule_s_own_timeout_error_keeps_its_message() -> None:
    # Only a pattern's search runs into the rule timeout; a Python rule's TimeoutError (a
    # socket's, its own) is its failure as it said it, not "ran past the rule timeout".
    @rule("TST105", Label.NOISE)
    def waits(block, doc):  # type: ignore[no-untyped-def]
        """Gives up waiting for a service."""
        raise TimeoutError("the lookup service did not answer")

    article = clean(STORY, rules=[RuleSet("test-waits", [waits])])
    assert [(f.rule, f.error) for f in article.failures] == [
        ("TST105", "TimeoutError: the lookup service did not answer")
    ]


def test_a_catastrophic_pattern_in_strict_mode_raises() -> None:
    slow = RuleSet("test-slow", [PatternRule("TST101", "noise", CATASTROPHIC)])
    with pytest.raises(RuleFailedError, match="TST101"):
        Cleaner(rules=[slow], rule_timeout=0.05, strict=True).clean(BOMB)


def test_first_rule_in_order_decides() -> None:
    first = RuleSet("test-first", [PatternRule("TST102", "caption", r"^ADVERTISING$")])
    article = clean(STORY + "\n\nADVERTISING\n\n" + STORY, rules=[first])
    # Built-ins run before rule sets a user adds, so AD001 takes the line.
    assert [s.rule for s in article.removed] == ["AD001"]
    article = clean(STORY + "\n\nADVERTISING\n\n" + STORY, rules=[first], disable=["AD001"])
    assert [(s.rule, s.label) for s in article.segments if s.rule] == [("TST102", Label.CAPTION)]


def test_site_rules_run_before_the_built_ins_on_their_site() -> None:
    site = RuleSet(
        "test-site", [PatternRule("TST103", "caption", r"^ADVERTISING$")], domains=["example.com"]
    )
    text = STORY + "\n\nADVERTISING\n\n" + STORY
    assert [
        s.rule for s in clean(text, rules=[site], url="https://example.com/x").segments if s.rule
    ] == ["TST103"]
    assert [
        s.rule for s in clean(text, rules=[site], url="https://example.org/x").segments if s.rule
    ] == ["AD001"]


def test_a_trailer_marker_above_the_story_does_not_swallow_it() -> None:
    article = clean("Leave a Reply\n\n" + STORY)
    assert article.body == STORY
    assert [s.rule for s in article.removed] == ["TRL001"]


def test_a_trailer_marker_far_below_other_prose_does_not_swallow_the_story_under_it() -> None:
    """A "Comments" tab by the headline, far below a sign-up box's prose and a long menu:
    the prose that lets a marker open the trailer is the story's, just above it."""
    signup = (
        "Register for free to read more of our stories, to save the articles you like best and "
        "to receive our newsletters, which we send every morning and every evening of the week. "
        "Members also take part in our readers' forums, where they discuss the day's stories with "
        "our reporters and with each other."
    )
    menu = "\n\n".join(f"Section {n}" for n in range(45))
    article = clean(f"{signup}\n\n{menu}\n\nComments\n\n{STORY}")
    assert article.body == STORY


def test_a_trailer_marker_below_the_story_takes_the_rest() -> None:
    tail = (
        "Leave a Reply\n\nMy comment is that I liked the story, and here is why I think so.\n\nBob"
    )
    article = clean(STORY + "\n\n" + tail)
    assert article.body == STORY
    assert article.trailer == tail


BIO = (
    "Jane Doe is a columnist for the Daily Record, where she has written about the history of "
    "money for twenty years."
)


def test_a_bio_like_sentence_inside_the_story_does_not_end_it() -> None:
    """A story about a writer may say who she is after a few paragraphs (a story's worth of
    prose, so that a trailer could open there): what follows is still the story, and longer
    than what precedes."""
    rest = "\n\n".join(STORY.replace("Paragraph", name) for name in ("Section", "Part"))
    text = f"{STORY}\n\n{BIO}\n\n{rest}"
    article = clean(text, strict=True)
    assert article.body == f"{STORY}\n\n{rest}"
    assert article.trailer == BIO  # the sentence alone: its marker's, but no end


def test_a_bio_under_the_story_ends_it() -> None:
    tail = f"{BIO}\n\nMore from this writer"
    article = clean(f"{STORY}\n\n{tail}", strict=True)
    assert article.body == STORY
    assert article.trailer == tail
    assert article.removed[0].rule == "TRL009"


def test_a_bio_with_as_much_prose_under_it_as_above_ends_the_story() -> None:
    """The story goes on past a bio only when more of it follows than precedes: a closing bio
    over a reader's letter as long as the story is the story's end (a tie is no story going
    on, so a page does not lose its trailer to a count that comes out even)."""
    under = STORY.replace("Paragraph", "Letter")
    article = clean(f"{STORY}\n\n{BIO}\n\n{under}", strict=True)
    assert article.body == STORY
    assert article.trailer == f"{BIO}\n\n{under}"


@pytest.mark.parametrize("under", ["Early years", "Photo: John Smith/Daily Record"])
def test_a_subheading_or_a_credit_under_a_bio_inside_the_story_does_not_end_it(under: str) -> None:
    rest = "\n\n".join(STORY.replace("Paragraph", name) for name in ("Section", "Part"))
    article = clean(f"{STORY}\n\n{BIO}\n\n{under}\n\n{rest}", strict=True)
    assert article.body.startswith(STORY)
    assert article.body.endswith(rest)


def test_a_thread_under_a_bio_is_not_taken_for_the_story_going_on() -> None:
    """Comments longer than the story under its closing bio: the first thing under the bio
    is a commenter's name, not the story's next paragraph."""
    thread = "\n\n".join(
        f"reader{n}\n\nOctober {n + 2}, 2012 at 10:{n}5 am\n\n"
        f"I have followed this debate for years, and comment number {n} is that the council "
        "should have listened to the librarians before it spent the money on the new site.\n\n"
        "Reply"
        for n in range(8)
    )
    article = clean(f"{STORY}\n\n{BIO}\n\n{thread}", strict=True)
    assert article.body == STORY
    assert article.trailer == f"{BIO}\n\n{thread}"


PICKS = (
    "You may also like\n\nFive things to know about the new tram line\n"
    "Mayor announces run for second term"
)
RESUMED = "\n\n".join(
    f"Section {n} of the story goes on under the box, with more than enough words in it to be "
    "read as a paragraph of prose."
    for n in range(2)
)


@pytest.mark.parametrize(
    "under",
    [
        # Teasers: a title over each summary, not the story's paragraphs one after the other.
        "\n\n".join(
            f"Teaser title {n}\n\nThe summary of another story, number {n}, runs on with enough "
            "words in it to be read as a paragraph of prose."
            for n in range(3)
        ),
        # A thread: a commenter's name and date under the links, over two paragraphs each.
        "\n\n".join(
            f"reader{n}\n\nOctober {n + 2}, 2012 at 10:{n}5 am\n\n"
            + "\n\n".join(
                f"Comment number {n}, part {part}, is that the council should have listened to "
                "the librarians and the teachers before it spent the money on the new site."
                for part in range(2)
            )
            for n in range(3)
        ),
        # Teasers whose titles are glued to their summaries, one a line.
        "\n\n".join(
            f"Another story {n} has its title glued to its summary The summary runs on with "
            "enough words in it to be read as a paragraph of prose."
            for n in range(3)
        ),
        # The next story, under its own headline and byline (a page that scrolls on).
        "Council delays vote on river bike lanes\n\nBy John Smith\n\n" + RESUMED,
        # A single paragraph, too little to be the story going on; two too short together.
        RESUMED.split("\n\n")[0],
        "\n\n".join(
            f"Line {n} of the page under the box has sixteen words in it and no more than that."
            for n in range(2)
        ),
    ],
)
def test_a_box_of_picked_stories_under_the_story_ends_it(under: str) -> None:
    article = clean(f"{STORY}\n\n{PICKS}\n\n{under}", strict=True)
    assert article.body == STORY
    assert article.trailer.startswith("You may also like")
    # A commenter's lines go to the comments, the rest of what is under the box to the trailer.
    assert under.split("\n\n")[-1] in (article.trailer + article.comments)


@pytest.mark.parametrize("title", ["", "Teaser title of another story\n\n"])
def test_a_heading_of_picks_over_paragraphs_with_no_box_of_links_ends_the_story(title: str) -> None:
    """A heading over paragraphs, with no box of links (a line or none): the paragraphs are what
    it heads, teasers whose titles are glued to their summaries."""
    teasers = "\n\n".join(
        f"Another story {n} has its title glued to its summary The summary runs on with enough "
        "words in it to be read as a paragraph of prose."
        for n in range(3)
    )
    article = clean(f"{STORY}\n\nMost Popular\n\n{title}{teasers}", strict=True)
    assert article.body == STORY


def test_the_time_budget_is_enforced() -> None:
    from article_clean import TimeBudgetExceeded

    @rule("TST104", Label.NOISE)
    def sleepy(block, doc):  # type: ignore[no-untyped-def]
        """Takes its time."""
        time.sleep(0.02)
        return False

    cleaner = Cleaner(rules=[RuleSet("test-sleepy", [sleepy])], time_budget=0.1)
    with pytest.raises(TimeBudgetExceeded):
        cleaner.clean("\n".join(f"entry number {n} of a long list" for n in range(200)))


def test_a_memo_is_recomputed_after_a_decision_unless_it_reads_the_text_only() -> None:
    from article_clean import Document
    from article_clean.blocks import split_blocks

    doc = Document(STORY, split_blocks(STORY))
    calls = {"decided": 0, "text": 0}

    def undecided(d: Document) -> int:
        calls["decided"] += 1
        return sum(d.label(b.index) is None for b in d.blocks)

    def words(d: Document) -> int:
        calls["text"] += 1
        return sum(d.stats(b.index).words for b in d.blocks)

    assert doc.memo(undecided) == 5
    assert doc.memo(words, text_only=True) == doc.memo(words, text_only=True)
    doc.decide(0, Label.NOISE, "TST001")
    assert doc.memo(undecided) == 4
    doc.memo(words, text_only=True)
    assert calls == {"decided": 2, "text": 1}


def _first_match_unfiltered(engine, text: str) -> int:  # type: ignore[no-untyped-def]
    """The first pattern rule in order whose pattern is found, every rule searched (its
    `requires` words not consulted: the engine must decide as the patterns alone do)."""
    for position, item, limit, _ in engine._patterns:
        if len(text) <= limit and item.search_unhinted(text) is not None:
            return int(position)
    return len(engine.markers)


_ENGINE = Cleaner().engine_for(None)
_LINES = sorted(
    {
        example.target
        for item in _ENGINE.markers
        if isinstance(item, PatternRule)
        for example in (*item.examples, *item.counter_examples)
    }
)


def test_anchored_rules_are_found_and_the_start_screen_keeps_their_examples() -> None:
    from article_clean.label import _START

    anchored = [_ENGINE.markers[position] for position in _ENGINE._anchored]
    assert len(anchored) >= 20  # most markers are anchored: the screen is worth having
    for item in anchored:
        for example in item.examples:
            start = example.target[:_START]
            assert item in [entry[1] for entry in _ENGINE._may_start(start)[0]], (item.id, start)


@settings(max_examples=300)
@given(st.sampled_from(_LINES), st.text(max_size=5), st.text(max_size=20), st.booleans())
def test_the_start_screen_decides_as_searching_every_rule_does(
    line: str, head: str, tail: str, cut: bool
) -> None:
    """Whatever a line begins with, screening by its first characters picks the same first
    rule as searching every pattern (the partial match of a start never wrongly fails)."""
    from article_clean.document import Document
    from article_clean.label import _Run

    for text in (line + tail, head + line, line[: len(line) // 2] if cut else line.lower()):
        text = text.strip()
        if not text:
            continue
        run = _Run(Document(text, ()), strict=True, deadline=None)
        assert _ENGINE._first_pattern(text, run) == _first_match_unfiltered(_ENGINE, text)


def test_a_pattern_rule_is_not_searched_where_none_of_the_words_it_requires_is() -> None:
    """The engine decides as the rule's own `search` does: its `requires` words are a promise
    that no other line can match (one the engine may skip), not a suggestion."""
    hinted = PatternRule("TST001", Label.NOISE, "^Bridge", requires=["bridge works"])
    lines = ["Bridge news today", "Bridge works begin"]
    assert [hinted.search(line) is not None for line in lines] == [False, True]
    article = clean("\n\n".join([*lines, STORY]), rules=[RuleSet("tst", [hinted])])
    rules = {s.text.strip(): s.rule for s in article.segments}
    assert [rules[line] == "TST001" for line in lines] == [False, True]


def test_a_body_that_does_not_settle_is_a_warning_and_in_strict_mode_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Breaking\n\n" + STORY
    assert not [w for w in clean(text).warnings if w.startswith("unsettled")]
    # With no settle pass allowed, the body is never seen to settle.
    monkeypatch.setattr(cleaner_module, "_MAX_SETTLE_PASSES", 0)
    article = Cleaner().clean(text)
    assert [w for w in article.warnings if w.startswith("unsettled")] == [
        "unsettled: cleaning the body again still changed it after 0 passes, so cleaning this "
        "article's body may change it again"
    ]
    with pytest.raises(UnsettledError):
        Cleaner(strict=True).clean(text)


def test_a_block_a_rule_keeps_as_body_stays_body_inside_the_trailer() -> None:
    keep = RuleSet("keep", [PatternRule("KEP001", Label.BODY, r"^Editor's note:")])
    note = "Editor's note: this story was updated on Friday with the council's reply."
    article = clean(f"{STORY}\n\nLeave a Reply\n\n{note}\n\nName (required)", rules=[keep])
    decided = {s.text.strip(): (s.label, s.rule) for s in article.segments}
    assert decided["Leave a Reply"] == (Label.TRAILER, "TRL001")
    assert decided[note] == (Label.BODY, "KEP001")
    assert decided["Name (required)"][0] is Label.TRAILER


def _sample_lines() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "samples"
    return sorted(
        {
            line.strip()
            for path in root.glob("*.txt")
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
    )


_HINTED = [
    item for item in _ENGINE.markers if isinstance(item, PatternRule) and item.requires
]


@settings(max_examples=300)
@given(
    st.sampled_from(_LINES + _sample_lines()),
    st.sampled_from(["", "upper", "turkish", "title"]),
)
def test_no_keyword_hint_rejects_a_line_its_pattern_matches(line: str, case: str) -> None:
    # A `requires` list only spares searches: with it or without it, every built-in rule
    # matches the same lines, in any case ("İ" is an "i" to a pattern searched without case).
    text = {
        "upper": line.upper(),
        "turkish": line.upper().replace("I", "İ"),
        "title": line.title(),
    }.get(case, line)
    for item in _HINTED:
        if item.max_chars is None or len(text) <= item.max_chars:
            hinted = item.search(text) is not None
            assert hinted == (item.search_unhinted(text) is not None), (item.id, text)


_SCREENED = [item for item in _ENGINE.markers if isinstance(item, PatternRule) and item.screen]


def _one_of(*options: str) -> st.SearchStrategy[str]:
    return st.sampled_from(options)


_DAY = _one_of("1", "05", "9", "12", "31", "٣", "١٢")
_YEAR = _one_of("2013", "2019", "'13", "99", "١٩٩٩", "5")
_MONTH = _one_of("May", "Nov.", "November", "Sept", "mars", "décembre", "maio", "января", "Mei")
_GAP = _one_of(" ", ". ", ", ", " de ", "", ",", "  ", "th, ", "\t")
_MARK = _one_of("-", "/", ".", " ", ":", "h")
_CLOCK = _one_of("", " 7:45 am PST", " at 6:34", ", 10.31 pm", " 5h30", " 9:1")
_TAIL = _one_of("", " by Jane Doe", " | News", " Jane Doe", " - by admin", " ago")
_DATE = st.one_of(
    st.builds("{}{}{}{}{}".format, _MONTH, _GAP, _DAY, _GAP, _YEAR),
    st.builds("{}{}{}{}{}".format, _DAY, _GAP, _MONTH, _GAP, _YEAR),
    st.builds("{}{}{}{}{}".format, _YEAR, _MARK, _DAY, _MARK, _DAY),
    st.builds("{}{}{}{}{}".format, _DAY, _MARK, _DAY, _MARK, _YEAR),
    st.builds("{}年{}月{}日".format, _YEAR, _DAY, _DAY),
    st.builds("{}{}{} ago".format, _DAY, _GAP, _one_of("minutes", "hrs", "day", "weeks")),
    st.builds("{}{}{}".format, _MONTH, _GAP, _DAY),
)
# A dateline of every shape the rule knows, and near misses: a character dropped, other
# separators, a day where a year goes, a clock without its minutes.
_DATE_LINE = st.builds(
    "{}{}{}{}".format, _one_of("", "Monday, ", "Posted ", "site.com, ", "5:45 AM "), _DATE,
    _CLOCK, _TAIL,
)


@settings(max_examples=1000)
@given(_DATE_LINE, st.integers(min_value=-1, max_value=40), st.sampled_from(["", "upper"]))
def test_no_screen_rejects_a_line_its_pattern_matches(line: str, cut: int, case: str) -> None:
    """A `screen` only spares searches: every built-in rule with one matches the same lines
    with it or without it."""
    text = (line if cut < 0 else line[:cut] + line[cut + 1 :]).strip()
    text = text.upper() if case else text
    for item in _SCREENED:
        if item.search_unhinted(text) is not None:
            assert not item.screened_out(text), (item.id, text)


def test_a_screen_keeps_every_example_and_sample_line_its_pattern_matches() -> None:
    assert _SCREENED  # the dateline rule has one
    for item in _SCREENED:
        matched = [t for t in _LINES + _sample_lines() if item.search_unhinted(t) is not None]
        assert len(matched) >= 10, item.id  # the check below has lines to hold it to
        assert [t for t in matched if item.screened_out(t)] == [], item.id


def test_a_screen_that_skips_an_example_is_an_error_when_the_rule_is_compiled() -> None:
    from article_clean.errors import RuleConfigError

    item = PatternRule(
        "TST002", Label.BYLINE, r"^\d+ days ago$", screen=r"\d{4}", linear=True,
        examples=["3 days ago"],
    )
    with pytest.raises(RuleConfigError, match="screen skips its example"):
        item.compiled()
    assert PatternRule("TST003", Label.BYLINE, "^ago", screen="ago").search("1 day") is None


def test_the_limits_errors_say_which_setting_to_change() -> None:
    from article_clean import Cleaner, InputTooLarge, TimeBudgetExceeded

    page = "<html><body>" + "<p>x</p>" * 100 + "</body></html>"
    with pytest.raises(InputTooLarge, match="max_blocks allows ten per block"):
        Cleaner(max_blocks=2).clean(page)
    assert "Cleaner(time_budget=SECONDS)" in str(TimeBudgetExceeded(TimeBudgetExceeded.MESSAGE))


def test_an_articles_kind_and_language_source_are_typed_as_the_values_they_take() -> None:
    import typing

    from article_clean import Article, Kind

    hints = typing.get_type_hints(Article)
    assert hints["kind"] == Kind and typing.get_args(Kind) == ("text", "html")
    assert set(typing.get_args(hints["language_source"])) == {
        typing.Literal["declared", "detected"],
        type(None),
    }


class _OnSponsoredPages(PatternRule):
    """A pattern rule gated by the page's address: `applies`, the documented hook, overridden."""

    def applies(self, block, doc):  # type: ignore[no-untyped-def]
        return "/sponsored/" in (doc.url or "") and super().applies(block, doc)


def test_a_pattern_rule_that_overrides_applies_is_asked_as_a_marker() -> None:
    # In the markers stage the engine searches a pattern rule's pattern itself, once per line
    # text: a subclass's own `applies` was passed over there, and its pattern decided alone.
    gated = _OnSponsoredPages("GAT001", Label.NOISE, r"^Brought to you with Acme")
    cleaner = Cleaner(rules=[RuleSet("gated", [gated])])
    text = f"Brought to you with Acme\n\n{STORY}"
    elsewhere = cleaner.clean(text, url="https://news.example/world/1")
    assert "GAT001" not in {s.rule for s in elsewhere.segments}
    sponsored = cleaner.clean(text, url="https://news.example/sponsored/1")
    assert sponsored.segments[0].rule == "GAT001" and sponsored.body == STORY
