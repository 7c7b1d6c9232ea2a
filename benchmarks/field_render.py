"""A page's region rendered to text as a scraper renders it, each line with the elements that
made it: the field corpus (`field_corpus.py`) labels the lines from those elements.

One line per block element, inline text joined, table cells apart, hidden and non-text
elements skipped: the layout of bench-data's scrapinghub-region files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import lxml.html

Element = lxml.html.HtmlElement

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody tfoot thead tr ul".split()
)
# Never shown as text: code, metadata, form values, media fallbacks, icons.
SKIP_TAGS = frozenset(
    "audio canvas embed head iframe input link map meta noscript object option script select "
    "style svg template textarea title video".split()
)
_SPACE = re.compile(r"\s+")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(frozen=True)
class Line:
    """One rendered line and the elements whose own text (or tail) made it."""

    text: str
    owners: tuple[Element, ...]
    image: Element | None = None  # the image just above the line, if any

    @property
    def element(self) -> Element:
        """The smallest element holding the whole line."""
        return common_ancestor(self.owners)


def common_ancestor(elements: Sequence[Element]) -> Element:
    first = elements[0]
    if len(elements) == 1:
        return first
    chains = [set(self_and_ancestors(e)) for e in elements[1:]]
    for candidate in self_and_ancestors(first):
        if all(candidate in chain for chain in chains):
            return candidate
    return first.getroottree().getroot()


def self_and_ancestors(element: Element) -> Iterator[Element]:
    yield element
    yield from element.iterancestors()


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text.translate({ord(c): None for c in INVISIBLE})).strip()


def tag_of(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _hidden(element: Element) -> bool:
    return (
        element.get("hidden") is not None
        or (element.get("type") or "").lower() == "hidden"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


@dataclass
class _Renderer:
    """Visible text as a scraper renders it: one line per block element, inline text joined.

    Table cells are blocks of their own, as in bench-data's scrapinghub-region files.
    """

    lines: list[Line] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    owners: list[Element] = field(default_factory=list)
    image: Element | None = None

    def flush(self) -> None:
        text = collapse("".join(self.pieces))
        if text:
            self.lines.append(Line(text, tuple(dict.fromkeys(self.owners)), self.image))
            self.image = None
        self.pieces, self.owners = [], []

    def add(self, text: str | None, owner: Element) -> None:
        if text:
            self.pieces.append(text)
            if text.strip():
                self.owners.append(owner)

    def element(self, element: Element) -> None:
        tag = tag_of(element)
        if not tag or tag in SKIP_TAGS or _hidden(element):
            return
        if tag == "br":
            self.flush()
            return
        if tag == "img":
            self.image = element
            return
        block = tag in BLOCK_TAGS or tag in ("td", "th")
        if block:
            self.flush()
        self.add(element.text, element)
        for child in element:
            self.element(child)
            self.add(child.tail, element)
        if block:
            self.flush()


def render(elements: Iterable[Element]) -> list[Line]:
    renderer = _Renderer()
    for element in elements:
        renderer.element(element)
    renderer.flush()
    return renderer.lines
