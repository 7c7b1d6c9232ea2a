"""The numbers that decide how a block reads and where the story is, named in one frozen place.

Each was chosen on the benchmarks' "tune" half and ScrapingHub (see docs/accuracy.md); moving
one moves labels, so `tests/test_thresholds.py` pins each just below and just above its value.
The modules that use them bind them to module names (`features.PROSE_WORDS`), which read fastest
in the loops over blocks. A rule's own parameters (how far a caption sits from its credit, how
many links a related-links heading heads) stay next to the rule, named in its module.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _why(why: str) -> dict[str, str]:
    return {"why": why}


@dataclass(frozen=True)
class Thresholds:
    """How a block reads (`features.BlockStats`) and how the story region scores it."""

    # What reads as prose: a story's paragraph, not a label, a title or a teaser.
    prose_words: int = field(
        default=8,
        metadata=_why("words a finished sentence needs to read as a paragraph"),
    )
    introducing_words: int = field(
        default=10,
        metadata=_why("words a line ending in a colon needs to read as prose ('Here is how:')"),
    )
    # A whole menu, archive or tag cloud a scraper wrote as one line.
    giant_words: int = field(
        default=60,
        metadata=_why("words from which a line with few sentence ends may be a menu"),
    )
    words_per_sentence: int = field(
        default=40,
        metadata=_why("words per sentence end above which a giant line has 'few' sentence ends"),
    )
    list_lowercase: float = field(
        default=0.35,
        metadata=_why("share of lower-case words under which a giant line is names, not prose"),
    )
    names_only: float = field(
        default=0.1,
        metadata=_why("lower-case share under which a line is names, whatever its full stops"),
    )
    uncased: float = field(
        default=0.5,
        metadata=_why("the lower-case share of a text in a script without case: neither side"),
    )
    # A sentence whose full stop the page left out.
    sentence_like_words: int = field(
        default=15,
        metadata=_why("words a line without a full stop needs to read as one"),
    )
    sentence_like_lowercase: float = field(
        default=0.6,
        metadata=_why("share of lower-case words such a line needs (titles are capitalised)"),
    )
    # The shape of a headline.
    title_min_words: int = field(
        default=2,
        metadata=_why("fewest words of a title-shaped line"),
    )
    title_max_words: int = field(
        default=30,
        metadata=_why("most words of a title-shaped line"),
    )
    title_max_chars: int = field(
        default=250,
        metadata=_why("most characters of a title-shaped line"),
    )
    title_min_letters: float = field(
        default=0.5,
        metadata=_why("share of letters a title-shaped line needs"),
    )
    # The story region (builtin/story.py): the run of blocks with the highest total score.
    body_bonus: float = field(
        default=5.0,
        metadata=_why("score a block that a rule kept as body gets over its word count"),
    )


THRESHOLDS = Thresholds()
