"""Blocks kept in the body though a marker would take them (STO003).

Markers judge a line by its words alone. A short post is often a single paragraph, and one
that ends like a credit ("... (Video via YouTube)", "... (Photo: Jane Doe)") reads to them as a
caption; taken, it leaves the page with no story at all, and the story finder then looks for
one among the menus. A caption goes with a story: a document's only paragraph is that story.

Only the caption markers are overruled: the only paragraph of a photo post may be a comment
under it, which the story finder, not this rule, tells apart.
"""

from __future__ import annotations

from ..document import Document
from ..features import SENTENCE_LIKE_WORDS
from ..model import Block, Label
from ..rules import Example, FunctionRule, RuleSet
from .captions import CAPTION_RULES


def _prose_blocks(doc: Document) -> list[int]:
    """The blocks that read as prose: a finished sentence, or a paragraph's worth of words
    with a sentence end in it or the look of a sentence (a caption-like ending left aside)."""
    found = []
    for index in range(len(doc)):
        stats = doc.stats(index)
        if stats.prose or (
            stats.words >= SENTENCE_LIKE_WORDS and (stats.sentences or stats.sentence_like)
        ):
            found.append(index)
    return found


def only_paragraph(block: Block, doc: Document) -> bool:
    """The document's only paragraph, though it ends like a photo's caption: the story."""
    prose = doc.memo(_prose_blocks, text_only=True)
    return (
        len(prose) == 1
        and prose[0] == block.index
        and doc.stats(block.index).words >= SENTENCE_LIKE_WORDS
        and any(rule.applies(block, doc) for rule in CAPTION_RULES.rules)
    )


_POST = (
    "Someone in the neighbourhood built a full-size bowling lane out of snow last night, and "
    "by the morning half the street had lined up to try it. (Video via YouTube)"
)
_CAPTION = "Fans wait outside the stadium before the final on Sunday. (Photo: Jane Doe/Agency)"

KEEP_RULES = RuleSet(
    "keep",
    [
        FunctionRule(
            "STO003",
            Label.BODY,
            only_paragraph,
            examples=(Example(f"Snow lanes\n\n{_POST}", _POST),),
            counter_examples=(  # beside a story, a credited line is the picture's caption
                Example(
                    f"Snow lanes\n\n{_POST}\n\n{_CAPTION}\n\nThe lane stayed open until noon, "
                    "when the sun came out and the pins began to sink into the slush.",
                    _POST,
                ),
            ),
        ),
    ],
    description="blocks kept in the body though a marker would take them",
)
