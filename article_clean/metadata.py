"""What an HTML page says about itself: its story's title, its authors, language and description.

The page states its title several times: in <title> and og:title (often with the site's name),
in JSON-LD, and in a heading. The story's headline is the heading that agrees with those
statements; a blog's <h1> is often the blog's name, repeated on every page, and agrees with none
of them but the site's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

_SPACE = re.compile(r"\s+")
# What separates a story's title from its site's name: "Story | Site", "Site - Story".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*|:\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_HEADINGS = lxml.etree.XPath(
    "//h1 | //h2 | //h3 | //*[contains(@class, 'title') or contains(@class, 'headline')]"
    "[self::div or self::span or self::header or self::p]"
)
# A stated title's end part that is the site's name: "Story | Site", "Site » Story" (a colon
# joins a story's title to its subtitle as often as to a site's name, so it does not count).
_COLON = re.compile(r":\s+")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*")
_TITLE_CLASS = re.compile(r"(?:^|[-_ ])(?:entry|post|article|story|news)[-_]?(?:title|headline)", re.I)
AGREES = 0.3  # of the longest stated title a heading must say to be taken for the headline
HEADINGS_READ = 150  # headings looked at: the story's is in the first part of the page
SITE_BOX_LEVELS = 3  # a heading's own element and the two around it, where a logo's box shows
_SITE_BOX = re.compile(r"logo|brand|site[-_]?(?:title|name)|masthead|blog[-_]?(?:title|name)", re.I)


def first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    """The first non-blank text an XPath finds, whitespace collapsed."""
    for found in tree.xpath(xpath):
        text = _SPACE.sub(" ", found if isinstance(found, str) else found.text_content()).strip()
        if text:
            return text
    return None


def _normal(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """The page's JSON-LD objects, flattened out of lists and @graph; broken ones skipped."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:  # a page's broken JSON is the page's problem, not a reason to fail
            continue
        found.extend(_objects(data))
    return found


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def site_name(tree: lxml.html.HtmlElement) -> str | None:
    return first_text(tree, "/html/head/meta[@property='og:site_name']/@content") or first_text(
        tree, "/html/head/meta[@name='application-name']/@content"
    )


def _stated_titles(tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]) -> list[str]:
    """The titles the page states outside its body: og:title, twitter:title, JSON-LD, <title>."""
    titles = [
        first_text(tree, "/html/head/meta[@property='og:title']/@content"),
        first_text(tree, "/html/head/meta[@name='twitter:title']/@content"),
        *(obj.get("headline") for obj in ld if isinstance(obj.get("headline"), str)),
        first_text(tree, "/html/head/title"),
    ]
    return [_SPACE.sub(" ", title).strip() for title in titles if title and title.strip()]


def _pieces(title: str, site: str | None) -> dict[str, int]:
    """A stated title's runs of parts ("Story: Subtitle | Site" gives "Story", "Story
    Subtitle", ...) but the site's name, normalised, each with its number of words."""
    parts = [_normal(part) for part in _SEPARATOR.split(title) if part.strip()]
    site_key = _normal(site) if site else None
    pieces: dict[str, int] = {}
    for first in range(len(parts)):
        for last in range(first + 1, len(parts) + 1):
            piece = " ".join(part for part in parts[first:last] if part)
            if piece and piece != site_key:
                pieces[piece] = len(piece.split())
    return pieces


def _agreement(text: str, pieces: dict[str, int]) -> float:
    """How well a heading agrees with the stated titles: the share of the longest stated title
    that the heading says, in the same words or nearly (it holds a stated piece, or is held
    by one). A heading that says only a site's or a section's name agrees little."""
    key = _normal(text)
    if not key or not pieces:
        return 0.0
    words = len(key.split())
    longest = max(pieces.values())
    best = 0.0
    for piece, size in pieces.items():
        if piece == key:
            match = 1.0
        elif size >= 3 and (f" {piece} " in f" {key} " or f" {key} " in f" {piece} "):
            match = min(words, size) / max(words, size)
        else:
            continue
        best = max(best, match * min(words, size) / longest)
    return best


def _site_heading(element: Any, text: str, site: str | None) -> bool:
    """A heading that names the site: the site's name, a logo's box, a link to the home page."""
    if site and _normal(text) == _normal(site):
        return True
    node = element
    for _ in range(SITE_BOX_LEVELS):
        if node is None:
            break
        if _SITE_BOX.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    links = element.xpath(".//a/@href")
    return len(links) == 1 and _home(links[0])


def _home(href: str) -> bool:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def headline(tree: lxml.html.HtmlElement) -> str | None:
    """The story's headline: the heading that agrees best with the titles the page states; else
    the first <h1> that does not name the site; else a stated title without the site's name."""
    ld = json_ld(tree)
    site = site_name(tree)
    stated = _stated_titles(tree, ld)
    pieces: dict[str, int] = {}
    for title in stated:
        pieces.update(_pieces(title, site))
    best: tuple[float, int, str] | None = None
    first_h1: str | None = None
    site_names = {_normal(site)} if site else set()
    for order, element in enumerate(_HEADINGS(tree)[:HEADINGS_READ]):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if not text or len(text) > 300:
            continue
        if _site_heading(element, text, site):
            site_names.add(_normal(text))
        elif element.tag == "h1" and first_h1 is None:
            first_h1 = text
        score = _agreement(text, pieces)
        if element.tag == "h1" or _TITLE_CLASS.search(element.get("class", "")):
            score += 0.01  # of two headings that agree as well, the story's own
        if score >= AGREES and (best is None or score > best[0]):
            best = (score, order, text)
    if best is not None:
        return best[2]
    if first_h1 is not None:
        return first_h1
    for title in stated:
        story = _without_site(title, site_names, title is stated[-1])
        if story:
            return story
    return None


def _without_site(title: str, site_names: set[str], document_title: bool) -> str:
    """A stated title with the site's name cut from its start or end.

    The page names its site in og:site_name or a logo; failing that, a <title> ("Story | Site")
    is taken to end or start with it, whichever end part is shorter, while og:title and its
    kin usually state the story alone.
    """
    for separator in (_SITE_SEPARATOR, _COLON):
        parts = [part.strip() for part in separator.split(title) if part.strip()]
        if len(parts) < 2:
            continue
        if _normal(parts[0]) in site_names:
            return title[title.index(parts[1]) :].strip()
        if _normal(parts[-1]) in site_names:
            return title[: title.rindex(parts[-2]) + len(parts[-2])].strip()
    parts = [part.strip() for part in _SITE_SEPARATOR.split(title) if part.strip()]
    if not document_title or len(parts) < 2:
        return title.strip()
    return max(parts, key=lambda part: len(part.split()))
