"""Build the Article's fields and segments from a labelled Document."""

from __future__ import annotations

from dataclasses import dataclass

from .builtin import tags as tag
from .builtin.captions import carries_credit, credit_alone, credit_shaped
from .builtin.trailer import ends_a_comment
from .byline import story_byline
from .document import Decision, Document
from .model import Block, Label, Segment


@dataclass(frozen=True)
class Fields:
    headline: str | None
    byline: str | None
    byline_marked: bool  # the byline's names followed "By" or its kin, not a guess from shape
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]
    trailer: str
    comments: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _runs(blocks: list[tuple[Block, Decision]], label: Label, same_group: bool) -> list[str]:
    """Texts of the maximal runs of consecutive blocks with `label`, each run joined by newlines.

    With `same_group`, a run also ends where the source had a blank line.
    """
    runs: list[list[Block]] = []
    previous: Block | None = None
    for block, decision in blocks:
        if decision.label is not label:
            previous = None
            continue
        if previous is None or (same_group and block.group != previous.group):
            runs.append([])
        runs[-1].append(block)
        previous = block
    return ["\n".join(b.text for b in run) for run in runs]


def _captions(blocks: list[tuple[Block, Decision]], doc: Document) -> list[str]:
    """Each picture's caption and credit, joined by a newline: runs of consecutive caption
    blocks, a run split where a caption and a credit are complete and the next picture's begin.
    Two captions' texts with no credit between them stay one entry: one picture's caption may
    take two lines (a page's two paragraphs in one figure, a gallery's caption and its toggled
    copy), and nothing tells them from two pictures' captions side by side."""
    entries: list[list[str]] = []
    complete = False  # the entry holds a caption's text and its credit
    has_credit = has_text = False
    previous: Block | None = None
    for block, decision in blocks:
        if decision.label is not Label.CAPTION:
            previous = None
            continue
        # On a page, a caption element's credit is a line of its own that no credit rule took,
        # read by its shape, or the end of the caption's own line.
        credit = credit_alone(block.text, decision.rule, doc)
        page = block.hint is not None
        credit = credit or (page and credit_shaped(block.text))
        if previous is None or complete:
            entries.append([])
            has_credit = has_text = False
        entries[-1].append(block.text)
        has_credit = has_credit or credit or (page and carries_credit(block.text))
        has_text = has_text or not credit
        complete = has_credit and has_text
        previous = block
    return ["\n".join(entry) for entry in entries]


def _comments(
    blocks: list[tuple[Block, Decision]], doc: Document
) -> tuple[list[str], list[str]]:
    """The trailer's reader comments apart from the rest of it: a comment is its author line
    ('jdoe says:', a trailer line of a rule tagged comment-record) and the trailer lines below
    it that a rule opening the trailer swept in, up to the next author line, a line of the
    thread's furniture (a reply form or link, a comment policy) or a line some other rule
    decided. Each comment's lines are joined by a newline; the rest stays the trailer, one
    entry per line."""
    authors = doc.rules_tagged(tag.COMMENT_RECORD)
    sweeping = doc.rules_tagged(tag.OPENS_TRAILER)
    comments: list[list[str]] = []
    trailer: list[str] = []
    within = False
    for block, decision in blocks:
        if decision.label is not Label.TRAILER:
            within = False
            continue
        if decision.rule in authors:
            comments.append([block.text])
            within = True
        elif within and decision.rule in sweeping and not ends_a_comment(block.text):
            comments[-1].append(block.text)
        else:
            within = False
            trailer.append(block.text)
    return ["\n".join(comment) for comment in comments], trailer


def labelled(doc: Document) -> list[tuple[Block, Decision]]:
    """The blocks some rule decided, with the decision."""
    return [(b, d) for b, d in zip(doc.blocks, doc.decisions) if d is not None]


def fields(doc: Document) -> Fields:
    """The text fields: body paragraphs are runs of body lines that were one paragraph; the
    headline is the first run of headline lines in one paragraph (a subtitle a blank line
    below, which a rule may also call a headline, is not glued to it); the byline is the names
    on the story's byline lines (see `byline.py`)."""
    decided = labelled(doc)
    byline = story_byline(
        decided,
        writer_rules=doc.rules_tagged(tag.WRITER_LINE),
        place_rules=doc.rules_tagged(tag.PLACE_LINE),
    )
    headlines = _runs(decided, Label.HEADLINE, same_group=True)
    comments, trailer = _comments(decided, doc)
    return Fields(
        headline=headlines[0].replace("\n", " ") if headlines else None,
        byline=byline.names,
        byline_marked=byline.marked,
        captions=tuple(_captions(decided, doc)),
        paragraphs=tuple(_runs(decided, Label.BODY, same_group=True)),
        trailer="\n\n".join(trailer),
        comments="\n\n".join(comments),
    )


def segments(doc: Document) -> tuple[Segment, ...]:
    """Segments tiling `doc.text`: each block's segment runs up to the next block.

    The whitespace before the first block belongs to the first segment; a text with no block at
    all (blank lines, spaces, characters that show nothing) is one body segment with no rule, as
    the blank lines of a body are: nothing was removed, and no rule decided anything.
    """
    text = doc.text
    if not doc.blocks:
        return (Segment(0, len(text), text, Label.BODY, None),) if text else ()
    result = []
    for position, block in enumerate(doc.blocks):
        start = 0 if position == 0 else block.start
        end = doc.blocks[position + 1].start if position + 1 < len(doc.blocks) else len(text)
        decision = doc.decision(block.index)
        label, rule = (decision.label, decision.rule) if decision else (Label.BODY, None)
        result.append(Segment(start, end, text[start:end], label, rule))
    return tuple(result)
