"""The values that flow through the pipeline: blocks in, labelled segments and an Article out.

Everything here is immutable, so an Article can be cached, compared, pickled and shared between
threads without copies.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

#: What an input is read as.
Kind = Literal["text", "html"]
#: What `kind=` takes: a kind, or "auto" (as None: decided from the content, as `--kind auto`).
KindOption = Literal["text", "html", "auto"]
#: What `clean` takes: text, or a page's bytes (a bytearray or a memoryview of them too).
Content = str | bytes | bytearray | memoryview
#: Where an Article's language comes from: "declared" by the page, or "detected" from the text.
LanguageSource = Literal["declared", "detected"]


class Label(str, enum.Enum):
    """What a piece of the article is. The string value is what JSON output carries."""

    HEADLINE = "headline"
    BYLINE = "byline"
    CAPTION = "caption"
    BODY = "body"
    NOISE = "noise"
    TRAILER = "trailer"

    @classmethod
    def parse(cls, name: str) -> Label:
        """Accept a label name in any case (`body`, `BODY`, `Body`), as rule files write it."""
        if not isinstance(name, str):
            raise TypeError(f"a label name must be a str, not {type(name).__name__}")
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(label.value for label in cls)  # as rule files write them
            raise ValueError(f"unknown label {name!r}; expected one of {choices}") from None

    def __str__(self) -> str:
        return self.value


class Hint(str, enum.Enum):
    """What a page's markup says a block is, for HTML input (text input has none): the front
    end (`html.py`, `page_lines.py`, `regions.py`) writes them, and rules read them as
    `block.hint` without importing it."""

    TITLE = "title"  # the page's headline, from <h1> or og:title
    PARAGRAPH = "p"  # a paragraph of the main content
    HEADING = "heading"  # a heading inside the content
    ITEM = "item"  # a list item, written with a bullet in front
    QUOTE = "quote"
    TABLE = "table"  # a table row, cells joined by tabs
    CAPTION = "caption"  # a <figcaption>, a caption or credit element, an image's alt text
    ASIDE = "aside"  # text of an <aside> or a related-links box
    TEASER = "teaser"  # an item of a list of headed cards, each the teaser of another page
    DEK = "dek"  # a subheading above the story that repeats the page's description
    # A line of a page read whole (trafilatura kept too little) that trafilatura did not keep;
    # the lines it kept carry its hints, so the story finder knows where it saw the story.
    OUTSIDE = "outside"
    # A line of a page read whole that trafilatura's port of readability kept and it did not.
    SECOND = "second"

    def __str__(self) -> str:
        return self.value


#: Labels whose text stays in the Article's story fields; everything else is "removed".
KEPT_LABELS = frozenset({Label.HEADLINE, Label.BYLINE, Label.CAPTION, Label.BODY})


@dataclass(frozen=True)
class Block:
    """One non-blank line of the source text: the unit that rules label.

    `start`/`end` are the offsets of the stripped line in the source, so `source[start:end] == text`.
    `group` numbers the runs of lines between blank lines: lines sharing a group were one paragraph
    in the source. `hint` carries structure that plain text lost (an HTML tag such as `h1` or
    `figcaption`, as a `Hint`), or None.
    """

    index: int
    start: int
    end: int
    text: str
    group: int
    hint: Hint | None = None


@dataclass(frozen=True)
class Segment:
    """A span of the source with the label it got and the id of the rule that decided it.

    Segments tile the source: each runs from its block to the next block, so the blank lines and
    line breaks after a block belong to it, and joining every segment's `text` gives the source.
    """

    start: int
    end: int
    text: str
    label: Label
    rule: str | None

    @property
    def removed(self) -> bool:
        return self.label not in KEPT_LABELS

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label.value,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised or ran past its time limit on this document; the rest of the rules ran."""

    rule: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "error": self.error}


@dataclass(frozen=True)
class Article:
    """The cleaned article: the four fields users ask for, and the record of how they were made.

    `segments` index into `text`: the input itself for text input, the text extracted from the
    page for HTML input. `language` is an ISO 639-1 code (639-3 for a language with no two-letter
    code): the page's declaration read against the registry of language tags, unless the text
    plainly is in another language (`language_source` says which of the two it is). `byline` is
    the story's writers' names alone (its lines, dates and roles included, stay in `segments`);
    for HTML, where the text names no one, the authors the page's metadata states. `published`
    is "YYYY-MM-DD": the page's date, else the date on the story's dateline.
    """

    headline: str | None
    caption: str | None
    captions: tuple[str, ...]
    body: str
    paragraphs: tuple[str, ...]
    trailer: str
    byline: str | None
    segments: tuple[Segment, ...]
    failures: tuple[RuleFailure, ...] = ()
    warnings: tuple[str, ...] = ()
    kind: Kind = "text"
    url: str | None = None
    language: str | None = None
    language_source: LanguageSource | None = None
    published: str | None = None
    # HTML only, as trafilatura names them: the site's name, the page's description, its lead
    # image's URL and its tags, as the page states them.
    sitename: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    # The readers' comments below the story, apart from the rest of the trailer (the reply
    # form and the comment policy stay there): one paragraph per comment, its lines by "\n".
    comments: str = ""

    @property
    def removed(self) -> tuple[Segment, ...]:
        """The segments that are not headline, caption, byline or body, each with its rule."""
        return tuple(s for s in self.segments if s.removed)

    @property
    def text(self) -> str:
        """The text the segments tile: joining them gives it back."""
        return "".join(s.text for s in self.segments)

    def to_markdown(self) -> str:
        """The Article as Markdown: the headline a heading, the body's paragraphs (lists and
        tables kept), then the captions and the trailer in sections of their own."""
        from .formats import as_markdown

        return as_markdown(self)

    def to_xml(self) -> str:
        """The Article as an XML document (its shape is in docs/cli.md)."""
        from .formats import as_xml

        return as_xml(self)

    def to_dict(self, *, segments: bool = True) -> dict[str, Any]:
        """A JSON-ready dict: plain strings, lists and numbers only; the command line's JSON has
        the same keys. `removed` lists each removed piece (noise and trailer) with its rule and
        label, stripped; `segments` (every piece with its offsets, repeating the whole text)
        is left out with `segments=False`."""
        data = {
            field.name: field.write(self)
            for field in ARTICLE_FIELDS
            if segments or field.name != "segments"
        }
        return data


def _plain(value: Any) -> Any:
    """A field's value as JSON has it: tuples as lists, records as dicts."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


#: The keys of each removed piece that the outputs write, in order (Spark's struct fields).
REMOVED_PIECE = ("rule", "label", "text")


def _removed_pieces(article: Article) -> list[dict[str, Any]]:
    return [
        dict(zip(REMOVED_PIECE, (s.rule, s.label.value, s.text.strip())))
        for s in article.removed
        if s.text.strip()
    ]


@dataclass(frozen=True)
class ArticleField:
    """One field of the Article, as every output writes it. `ARTICLE_FIELDS` is the one list
    of them: `to_dict`, the command line's `--fields` and text view, the explain report and
    the Spark/Dask columns all read it, so a new field is declared there once."""

    name: str
    # The segments' label the field is made of: the explain report shows these fields.
    label: Label | None = None
    # Written "name: value" at the head of the text view.
    text_line: bool = False
    # One of the columns that Spark and Dask append.
    column: bool = False
    # Its value in JSON, when it is more than the attribute of the same name.
    writer: Callable[[Article], Any] | None = None

    def write(self, article: Article) -> Any:
        if self.writer is not None:
            return self.writer(article)
        return _plain(getattr(article, self.name))


# In the order the command line writes them; `segments` only when asked for.
ARTICLE_FIELDS = (
    ArticleField("headline", label=Label.HEADLINE, text_line=True, column=True),
    ArticleField("byline", label=Label.BYLINE, text_line=True, column=True),
    ArticleField("caption", label=Label.CAPTION, text_line=True, column=True),
    ArticleField("captions", column=True),
    ArticleField("body", label=Label.BODY, column=True),
    ArticleField("paragraphs"),
    ArticleField("trailer", label=Label.TRAILER, column=True),
    ArticleField("comments", label=Label.TRAILER),
    ArticleField("removed", writer=_removed_pieces, column=True),
    ArticleField("url"),
    ArticleField("kind"),
    ArticleField("language", text_line=True, column=True),
    ArticleField("language_source"),
    ArticleField("published", text_line=True, column=True),
    ArticleField("sitename"),
    ArticleField("description"),
    ArticleField("image"),
    ArticleField("tags"),
    ArticleField("warnings", column=True),
    ArticleField("failures"),
    ArticleField("segments"),
)
