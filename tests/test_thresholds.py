"""The numbers that decide labels, each just below and just above its boundary.

They are named in `article_clean.thresholds.THRESHOLDS`, and a rule's own in its module (their
tests: `tests/test_story_thresholds.py`, `tests/test_layout_thresholds.py`); these tests pin
each one to what it decides, so that moving one is a decision a test records, not an accident.
The boundaries are written as numbers, not read from the constants: a test that read them would
move with a moved value."""

from __future__ import annotations

import dataclasses

import pytest

from article_clean import Label, clean
from article_clean.blocks import split_blocks
from article_clean.builtin.story import block_score
from article_clean.document import Document
from article_clean.features import block_stats, reads_as_title
from article_clean.label import Engine
from article_clean.rules import PatternRule, RuleSet, Scope
from article_clean.thresholds import THRESHOLDS, Thresholds


def words(n: int, end: str = ".", word: str = "word") -> str:
    return " ".join(["Every"] + [word] * (n - 1)) + end


def test_the_thresholds_are_frozen_and_documented() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        THRESHOLDS.prose_words = 9  # type: ignore[misc]
    assert THRESHOLDS == Thresholds()
    for field in dataclasses.fields(Thresholds):
        assert field.metadata.get("why"), f"{field.name} says nothing of why"


def test_a_finished_sentence_is_prose_from_eight_words() -> None:
    assert not block_stats(words(7)).prose
    assert block_stats(words(8)).prose
    # Two sentences are finished even when the line ends in an ellipsis; one is a teaser.
    assert not block_stats(words(8, "...")).prose
    assert block_stats("Every word counts. " + words(7, "...")).prose


def test_a_line_that_introduces_what_follows_is_prose_from_ten_words() -> None:
    assert not block_stats(words(9, ":")).prose
    assert block_stats(words(10, ":")).prose


def test_a_menu_on_one_line_is_sixty_capitalised_words() -> None:
    menu = "Annex Baldwin Bayview Leaside Beaches ".split()
    line = lambda n: " ".join((menu * 20)[:n])  # noqa: E731
    assert not block_stats(line(59)).list_on_one_line
    assert block_stats(line(60)).list_on_one_line
    # Lower case from 35% of the words: prose, however long.
    mixed = lambda lower: " ".join(["word"] * lower + ["Name"] * (60 - lower))  # noqa: E731
    assert block_stats(mixed(20)).list_on_one_line  # 33%
    assert not block_stats(mixed(21)).list_on_one_line  # 35%


def test_a_sentence_without_its_full_stop_is_fifteen_words_mostly_in_lower_case() -> None:
    assert not block_stats(words(14, "")).sentence_like
    assert block_stats(words(15, "")).sentence_like
    sixty = " ".join(["Word"] * 6 + ["word"] * 9)  # 60% in lower case
    assert block_stats(sixty).sentence_like
    assert not block_stats(" ".join(["Word"] * 7 + ["word"] * 8)).sentence_like


@pytest.mark.parametrize(
    "text, title",
    [
        ("Talks", False),
        ("Talks begin", True),
        (" ".join(["Talks"] * 30), True),
        (" ".join(["Talks"] * 31), False),
    ],
)
def test_a_title_is_two_to_thirty_words(text: str, title: bool) -> None:
    assert reads_as_title(text, block_stats(text)) is title


def test_a_title_is_at_most_250_characters_and_half_letters() -> None:
    at_limit = "Talks " + "x" * 244
    assert len(at_limit) == 250 and reads_as_title(at_limit, block_stats(at_limit))
    over = at_limit + "x"
    assert not reads_as_title(over, block_stats(over))
    half = "Talks 12345"  # 5 letters of 11 characters: under half
    assert not reads_as_title(half, block_stats(half))
    assert reads_as_title("Talks 1234", block_stats("Talks 1234"))  # 5 of 10


def test_a_block_decided_as_body_scores_its_words_and_five() -> None:
    text = words(8)
    doc = Document(text, split_blocks(text))
    assert block_score(doc, 0) == 8.0
    doc.decide(0, Label.BODY, "KEEP001")
    assert block_score(doc, 0) == 13.0


def test_a_rest_marker_opens_the_trailer_under_fifty_words_of_prose() -> None:
    def opens(prose: int, gap: int = 0) -> bool:
        lines = [words(prose), *(["Menu"] * gap), "Comments", "A reply"]
        text = "\n\n".join(lines)
        doc = Document(text, split_blocks(text))
        marker = PatternRule("TST001", "trailer", "^Comments$", scope=Scope.REST)
        Engine([RuleSet("tst", [marker])]).run(doc)
        return doc.label(len(lines) - 1) is Label.TRAILER

    assert not opens(49)
    assert opens(50)
    # ... within the 40 blocks above it.
    assert opens(50, gap=39)
    assert not opens(50, gap=40)


def test_a_name_under_a_lone_by_is_eight_words_at_most() -> None:
    story = (
        "Chinese and American officials held the first meeting of a working group that aims to "
        "curb the flow of illegal drugs to the U.S."
    )
    for n, taken in ((8, True), (9, False)):  # NAME_AFTER_BY_WORDS
        name = " ".join(["Name"] * n)
        article = clean(f"Talks begin\n\nBy\n{name}\n\n{story}\n\n{story}")
        rules = {s.text.strip(): s.rule for s in article.segments}
        assert (rules[name] == "BYL100") is taken


def test_a_story_printed_twice_loses_its_second_copy_from_twenty_words_a_paragraph() -> None:
    def second_copy_removed(n: int) -> bool:
        first = " ".join(["The", "council"] + ["met"] * (n - 3) + ["today."])
        second = " ".join(["Then", "the", "mayor"] + ["spoke"] * (n - 4) + ["briefly."])
        rest = [
            "The talks will go on, said the minister, who spoke to reporters at the airport on "
            f"Wednesday before flying home for the {i}th time."
            for i in range(4)
        ]
        text = "\n\n".join(["Talks begin", first, second, rest[0], first, second, *rest[1:]])
        rules = [s.rule for s in clean(text).segments if s.text.strip() == second]
        return rules == [None, "NOI102"]

    assert not second_copy_removed(19)
    assert second_copy_removed(20)


def test_a_line_of_names_next_to_a_byline_is_two_to_six_words() -> None:
    story = (
        "Chinese and American officials held the first meeting of a working group that aims to "
        "curb the flow of illegal drugs to the U.S."
    )
    # NAMES_MIN_WORDS and NAMES_MAX_WORDS
    for n, taken in ((1, False), (2, True), (6, True), (7, False)):
        names = " ".join(["Jane", "Doe", "And", "John", "Roe", "Smith", "Jones"][:n])
        text = f"Talks begin\n\n{names}\nMay 6, 2013\n\n{story}\n\n{story}"
        rules = {s.text.strip(): s.rule for s in clean(text).segments}
        assert (rules[names] == "BYL101") is taken, n
