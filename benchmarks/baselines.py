"""The reference points measured beside article_clean on text input.

The C4 line filter (Raffel et al., 2020) as the benchmark data's README describes it: keep a line
that ends in terminal punctuation, has at least 5 words, and mentions neither "javascript" nor a
policy phrase. "Everything as body" is the floor: what recall costs when nothing is removed.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Callable
from functools import lru_cache
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


def text_peers() -> dict[str, Callable[[str], str]]:
    """The text reference points, by name."""
    return {"C4 line filter": c4_line_filter, "everything as body": everything_as_body}


class HtmlPeer:
    """An HTML extractor run beside article_clean.

    `extract(html_bytes, url)` is the body as a user calls for it (what speed is measured on);
    `title_and_body(html_bytes, url)` adds the title from the peer's own metadata.
    """

    def __init__(
        self,
        name: str,
        extract: Callable[[bytes, str], str],
        title_and_body: Callable[[bytes, str], tuple[str, str]],
    ) -> None:
        self.name = name
        self.extract = extract
        self.title_and_body = title_and_body

    def __call__(self, page: Page) -> str:
        return self.extract(page.read_bytes(), page.url)


def _trafilatura(favor_precision: bool) -> HtmlPeer:
    import trafilatura

    def body(data: bytes, url: str) -> str:
        return (
            trafilatura.extract(
                data, url=url or None, include_comments=False, favor_precision=favor_precision
            )
            or ""
        )

    def title_and_body(data: bytes, url: str) -> tuple[str, str]:
        found = trafilatura.bare_extraction(
            data,
            url=url or None,
            include_comments=False,
            favor_precision=favor_precision,
            with_metadata=True,
            as_dict=False,
        )
        if found is None:
            return "", ""
        return found.title or "", found.text or ""

    name = "trafilatura-precision" if favor_precision else "trafilatura"
    return HtmlPeer(name, body, title_and_body)


def _readability_title_and_body(data: bytes, url: str) -> tuple[str, str]:
    import lxml.html
    from readability import Document

    document = Document(data, url=url or None)
    summary = document.summary(html_partial=True)
    body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return document.short_title() or "", body


@lru_cache(maxsize=None)
def html_peers() -> dict[str, HtmlPeer]:
    """trafilatura (default, favor_precision) and readability-lxml, where installed."""
    peers: dict[str, HtmlPeer] = {}
    if importlib.util.find_spec("trafilatura") is not None:
        peers["trafilatura (default)"] = _trafilatura(False)
        peers["trafilatura (favor_precision)"] = _trafilatura(True)
    if importlib.util.find_spec("readability") is not None:
        peers["readability-lxml"] = HtmlPeer(
            "readability",
            lambda data, url: _readability_title_and_body(data, url)[1],
            _readability_title_and_body,
        )
    return peers


def peer_versions() -> str:
    """The installed peers' versions, as a key for their cached outputs."""
    names = ("trafilatura", "readability-lxml")
    found = []
    for name in names:
        try:
            found.append(f"{name}{importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return "-".join(found)
