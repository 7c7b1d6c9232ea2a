from __future__ import annotations

from article_clean.blocks import split_blocks


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
