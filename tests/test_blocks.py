from __future__ import annotations

import unicodedata

import regex
from hypothesis import given
from hypothesis import strategies as st

from article_clean.blocks import AS_SPELLED, INVISIBLE, as_spelled, split_blocks


def test_lines_become_blocks_with_offsets_of_their_stripped_text() -> None:
    text = "  Title  \n\nFirst line\nsecond line\r\n\r\n\tLast\n"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Title", "First line", "second line", "Last"]
    for block in blocks:
        assert text[block.start : block.end] == block.text


def test_blank_lines_separate_groups() -> None:
    blocks = split_blocks("a\nb\n\nc\n \nd")
    assert [b.group for b in blocks] == [0, 0, 1, 2]


def test_text_without_blank_lines_is_one_paragraph_per_line() -> None:
    blocks = split_blocks("nav\nmenu\nstory line one\nstory line two")
    assert [b.group for b in blocks] == [0, 1, 2, 3]


def test_empty_and_blank_text_have_no_blocks() -> None:
    assert split_blocks("") == ()
    assert split_blocks(" \n\t\r\n ") == ()


def test_lone_carriage_returns_break_lines() -> None:
    assert [b.text for b in split_blocks("one\rtwo\r\rthree")] == ["one", "two", "three"]


_PIECES = st.sampled_from(
    ["a", "Word", " ", "\t", "\n", "\r", "\r\n", "\u200b", "\ufeff", "\u2060", "\xa0", "\u3000"]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_each_block_is_its_line_stripped_of_spaces_and_invisible_characters(text: str) -> None:
    """Every non-blank line, stripped of whitespace and zero-width characters in any order
    (a line of only those is blank), at its offsets, with a new group after a blank line."""
    expected = []
    for match in regex.finditer(r"[^\r\n]+", text):
        line, before = match.group(), None
        while line != before:
            before, line = line, line.strip().strip(INVISIBLE)
        if line:
            expected.append((match.start(), line))
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == [line for _, line in expected]
    for block, (line_start, _) in zip(blocks, expected):
        assert text[block.start : block.end] == block.text
        assert block.start >= line_start


_SPELLING = st.sampled_from(
    ["a", "e", "\u0301", "Publicite", " ", "\xa0", "\u2007", "\u202f", "\xad", "\u200b", "é", "ﬁ"]
)


@given(st.lists(_SPELLING, max_size=30).map("".join))
def test_a_line_as_spelled_is_its_translation_composed(text: str) -> None:
    # The quick paths (ASCII, nothing to translate) give what the translation gives.
    assert as_spelled(text) == unicodedata.normalize("NFC", text.translate(AS_SPELLED))


def test_no_character_a_line_is_spelled_without_is_ascii() -> None:
    # An ASCII line is returned as it stands, untranslated.
    assert all(code > 0x7F for code in AS_SPELLED)


def test_a_line_as_spelled_drops_soft_hyphens_and_spaces_its_no_break_spaces() -> None:
    assert as_spelled("pub\xadli\u200bshed\xa0here") == "published here"
    assert as_spelled("Publicite\u0301") == "Publicité"
