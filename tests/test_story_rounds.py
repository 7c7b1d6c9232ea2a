"""The story finder keeps its block scores from one round of decisions to the next, scoring again
only the blocks a round can change (`builtin/story.py`, `_Scores`). The promise: after any
sequence of rounds, the scores and the span are those found afresh for the same decisions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from article_clean.blocks import split_blocks
from article_clean.builtin.story import _with_gaps, block_scores, list_items, story_span
from article_clean.document import Document
from article_clean.model import Label

from .strategies import JUNK_LINES, STORY_LINES

# Lines of the kinds whose score hangs on their neighbours' decisions: lines of a wrapped
# paragraph, items of a list a colon announces or that counts up, bullets, and plain prose.
LINES = [
    *STORY_LINES[:6],
    *JUNK_LINES[:8],
    "Here are the highlights of the day:",
    "About me:",
    "1. The first thing",
    "2) The second thing",
    "3. The third thing",
    "• a bullet item",
    "- another bullet item",
    "the rain fell on the hills and the town",
    "and the river rose over its banks",
    "at night, as it had done before.",
    "Short line",
    "https://example.com/a-link",
]

texts = st.lists(
    st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\n", "\n\n"])),
    min_size=1,
    max_size=30,
).map(lambda lines: "".join(line + end for line, end in lines))
labels = st.sampled_from([Label.BODY, Label.NOISE, Label.CAPTION, Label.BYLINE, Label.TRAILER])
rounds = st.lists(
    st.lists(st.tuples(st.integers(0, 59), labels), max_size=6), min_size=1, max_size=6
)


@given(texts, rounds)
def test_scores_kept_between_rounds_equal_scores_found_afresh(
    text: str, decided: list[list[tuple[int, Label]]]
) -> None:
    blocks = split_blocks(text)
    kept = Document(text, blocks)
    block_scores(kept)  # scored once before any decision, then kept
    for round_ in decided:
        kept.decide_many([(i % len(blocks), label, "TEST") for i, label in round_])
        fresh = Document(text, blocks)
        now = enumerate(kept.labels())
        fresh.decide_many([(i, label, "TEST") for i, label in now if label is not None])
        assert block_scores(kept) == block_scores(fresh)
        assert _with_gaps(kept, block_scores(kept)) == _with_gaps(fresh, block_scores(fresh))
        assert list_items(kept) == list_items(fresh)
        assert story_span(kept) == story_span(fresh)


def test_a_decision_breaks_the_list_around_it() -> None:
    text = "Here are the highlights of the day:\nShort line\nShort line\nShort line\n"
    doc = Document(text, split_blocks(text))
    assert block_scores(doc)[1:] == [1.0, 1.0, 1.0]  # list items: half a point a word
    doc.decide(2, Label.NOISE, "TEST")
    assert list_items(doc) == frozenset({1})
    assert block_scores(doc)[1:] == [1.0, -4.0 - 1.0, -2.0]  # the list ends at the decision


def _under_one_block(doc: Document, index: int, headings: frozenset[str]) -> bool:
    """A block under a heading, looked for from the block up, as the rules once asked."""
    from article_clean.builtin.layout import RELATED_BOX_MAX, _paragraph

    if _paragraph(doc, index):
        return False
    for above in range(index - 1, max(-1, index - RELATED_BOX_MAX - 1), -1):
        decision = doc.decision(above)
        if decision is not None:
            return decision.rule in headings
        if _paragraph(doc, above):
            return False
    return False


@given(
    texts,
    st.lists(
        st.tuples(st.integers(0, 59), labels, st.sampled_from(["HEAD1", "HEAD2", "OTHER"])),
        max_size=12,
    ),
)
def test_lines_under_a_heading_found_in_one_pass_equal_those_found_block_by_block(
    text: str, decided: list[tuple[int, Label, str]]
) -> None:
    """The layout rules' lines under a related-links or tags heading (NOI101, TRL100), found
    for the whole document at once, are those each block finds looking up from itself."""
    from article_clean.builtin.layout import _lines_under

    blocks = split_blocks(text)
    doc = Document(text, blocks)
    headings = frozenset({"HEAD1", "HEAD2"})
    doc.use_tags({"heading": headings})
    doc.decide_many([(i % len(blocks), label, rule) for i, label, rule in decided])
    expected = {i for i in range(len(doc)) if _under_one_block(doc, i, headings)}
    assert _lines_under(doc, "heading") == expected
