"""The reference points measured beside article_clean on text input.

The C4 line filter (Raffel et al., 2020) as the benchmark data's README describes it: keep a line
that ends in terminal punctuation, has at least 5 words, and mentions neither "javascript" nor a
policy phrase. "Everything as body" is the floor: what recall costs when nothing is removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.data import Page

_TERMINAL = (".", "!", "?", '"', "”", "'", "’")
_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


def c4_line_filter(text: str) -> str:
    kept = []
    for line in text.splitlines():
        line = line.strip()
        lowered = line.lower()
        if not line.endswith(_TERMINAL) or len(line.split()) < 5:
            continue
        if "javascript" in lowered or any(phrase in lowered for phrase in _POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def everything_as_body(text: str) -> str:
    return text


class HtmlPeer:
    """An HTML extractor run beside article_clean: `extract(html_bytes, url) -> body text`."""

    def __init__(self, name: str, extract: Callable[[bytes, str], str]) -> None:
        self.name = name
        self.extract = extract

    def __call__(self, page: Page) -> str:
        return self.extract(page.read_bytes(), page.url)


def html_peers() -> dict[str, HtmlPeer]:
    """trafilatura (default, favor_precision) and readability-lxml, where installed."""
    peers: dict[str, HtmlPeer] = {}
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        trafilatura = None
    if trafilatura is not None:
        peers["trafilatura (default)"] = HtmlPeer(
            "trafilatura",
            lambda data, url: trafilatura.extract(data, url=url, include_comments=False) or "",
        )
        peers["trafilatura (favor_precision)"] = HtmlPeer(
            "trafilatura-precision",
            lambda data, url: (
                trafilatura.extract(data, url=url, include_comments=False, favor_precision=True)
                or ""
            ),
        )
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        Document = None
    if Document is not None:

        def readability_body(data: bytes, url: str) -> str:
            summary = Document(data, url=url).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

        peers["readability-lxml"] = HtmlPeer("readability", readability_body)
    return peers
