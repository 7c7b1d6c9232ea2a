"""The story's headline as an HTML page states it.

The page states its title several times: in <title> and og:title (often with the site's name),
in JSON-LD, and in a heading. The story's headline is the heading that agrees with those
statements; a blog's <h1> is often the blog's name, repeated on every page, and agrees with none
of them but the site's name.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .features import past_a_title
from .metadata import (
    HEADING_TAGS,
    SITE_SEPARATOR,
    Marked,
    first_text,
    folded_words,
    json_ld,
    marked,
    open_graph,
    site_name,
)

# What separates a story's title from its site's name: "Story | Site", "Site - Story".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*|:\s+")
_COLON = re.compile(r":\s+")
_TITLE_CLASS = re.compile(
    r"(?:^|[-_ ])(?:(?:entry|post|article|story|news)[-_]?(?:title|headline)"
    r"|(?<!sub[-_ ])hed(?:$|[-_ ]))",
    re.I,
)
# A newsroom's names for the line under the headline ("article-dek", "sl-art-head-dek",
# "subtitle", "standfirst", "sub-hed"): a heading so classed is the dek, even an <h1>; "hed"
# (above) is the same newsrooms' headline. Read class by class: "headline--with-dek" names a
# headline that has a dek, not the dek.
_DEK_CLASS = re.compile(
    r"(?:^|[-_ ])(?:dek|deck|subtitle|sub-?head(?:line)?|sub[-_]?hed|standfirst)(?:$|[-_ ])", re.I
)
_HAS_DEK = re.compile(r"(?:with|has)[-_]?(?:dek|deck|subtitle|sub-?head|standfirst)", re.I)
AGREES = 0.3  # of the longest stated title a heading must say to be taken for the headline
HEADINGS_READ = 150  # headings looked at: the story's is in the first part of the page
SITE_BOX_LEVELS = 3  # a heading's own element and the two around it, where a logo's box shows
_SITE_BOX = re.compile(
    r"logo|brand|banner|site[-_]?(?:title|name)|masthead|blog[-_]?(?:title|name)", re.I
)


def _dek_classed(element: lxml.html.HtmlElement) -> bool:
    """Whether one of the element's classes names a dek ("headline__dek"), not a headline
    that has one ("headline--with-dek")."""
    return any(
        _DEK_CLASS.search(name) and not _HAS_DEK.search(name)
        for name in element.get("class", "").split()
    )


def _stated_titles(tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]) -> list[str]:
    """The titles the page states outside its body: og:title, twitter:title, JSON-LD, <title>."""
    titles = [
        open_graph(tree, "title"),
        first_text(tree, "/html/head/meta[@name='twitter:title']/@content"),
        *(obj.get("headline") for obj in ld if isinstance(obj.get("headline"), str)),
        first_text(tree, "/html/head/title"),
    ]
    return [" ".join(title.split()) for title in titles if title and title.strip()]


def _pieces(title: str, site: str | None) -> dict[str, int]:
    """A stated title's runs of parts ("Story: Subtitle | Site" gives "Story", "Story
    Subtitle", ...) but the site's name, normalised, each with its number of words; none for
    a title too long to be one."""
    parts = [folded_words(part) for part in _SEPARATOR.split(title) if part.strip()]
    if past_a_title(title, len(parts)):
        return {}
    site_key = folded_words(site) if site else None
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
    key = folded_words(text)
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
    """A heading that names the site: the site's name, a logo's box or the page's banner (by
    class, id or ARIA role), a link to the home page."""
    if site and folded_words(text) == folded_words(site):
        return True
    node = element
    for _ in range(SITE_BOX_LEVELS):
        if node is None:
            break
        if _SITE_BOX.search(f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"):
            return True
        node = node.getparent()
    links = element.xpath(".//a/@href")
    return len(links) == 1 and _home(links[0])


# The page's furniture, where boxes have titles of their own; and what holds the story.
_CHROME_TAGS = frozenset({"aside", "nav", "footer"})
_STORY_TAGS = frozenset({"article", "main"})


def _in_page_chrome(element: Any) -> bool:
    """Whether a heading stands in the page's furniture: the nearest box around it that says
    what it holds is an <aside>, a menu or a footer, not an <article> or <main>. (Classes are
    not read: "sidebar_right" names the box around story and sidebar both in some themes.)"""
    for node in element.iterancestors():
        if node.tag in _STORY_TAGS or node.get("role") == "main":
            return False
        if node.tag in _CHROME_TAGS:
            return True
    return False


def _home(href: str) -> bool:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def headline(
    tree: lxml.html.HtmlElement,
    ld: list[dict[str, Any]] | None = None,
    elements: Marked | None = None,
) -> str | None:
    """The story's headline: the heading that agrees best with the titles the page states; else,
    where the first <h1> shares no word with those titles, a stated title's story that an
    element of the page shows whole (`_story_shown`); else the first <h1> that does not name
    the site; else the first heading whose class names a post's title; else a stated title
    without the site's name.

    `ld`, `elements`: the page's JSON-LD objects and `marked` elements, where the caller has
    them already."""
    if ld is None:
        ld = json_ld(tree)
    if elements is None:
        elements = marked(tree)
    site = site_name(tree)
    stated = _stated_titles(tree, ld)
    pieces: dict[str, int] = {}
    for title in stated:
        pieces.update(_pieces(title, site))
    agreeing: list[tuple[float, int, str, Any]] = []
    headings: list[tuple[Any, str]] = []
    for order, element in enumerate(elements.headings[:HEADINGS_READ]):
        text = " ".join(element.text_content().split())
        if not text or len(text) > 300:
            continue
        headings.append((element, text))
        score = _agreement(text, pieces)
        if element.tag == "h1" or _TITLE_CLASS.search(element.get("class", "")):
            score += 0.01  # of two headings that agree as well, the story's own
        if score >= AGREES:
            agreeing.append((score, -order, text, element))
    # A blog's <title> is "Blog: Post", and both its headings agree with it: the post's, not the
    # one that names the site (a link to the home page, a logo's box), where both do.
    own = [item for item in agreeing if not _site_heading(item[3], item[2], site)]
    # A sidebar's box titled with the site's name ("The Style Scout @" over its app's ad, in an
    # <aside>) agrees with "Site - Story" as the post's heading does, and comes later on the page.
    in_story = [item for item in own if not _in_page_chrome(item[3])]
    if own or agreeing:
        candidates = in_story or own or agreeing
        top = max(round(item[0], 2) for item in candidates)
        tied = [item for item in candidates if round(item[0], 2) >= top - 0.01]
        if len({folded_words(item[2]) for item in tied}) > 1:
            # Two different headings each say as much of "Blog: Post": the site's header comes
            # first on the page, the post's heading later, next to its text.
            return min(tied, key=lambda item: item[1])[2]
        return max(candidates, key=lambda item: item[:2])[2]
    # No heading agrees: a stated title's story shown on the page (below), else the first <h1>
    # that is not the site's name, else a stated title without the site's name (told by the
    # headings that name it).
    site_names = {folded_words(site)} if site else set()
    first_h1: str | None = None
    for element, text in headings:
        if _site_heading(element, text, site):
            site_names.add(folded_words(text))
        elif element.tag == "h1" and first_h1 is None and not _dek_classed(element):
            first_h1 = text
    # An <h1> that shares no word with the stated titles names a section, a teaser, the site in
    # its own script; short words ("the", "of") are shared by chance. (The titles' words count
    # whole: without og:site_name, "nook | Paulo Coelho's Blog" does not say which end is the
    # site, and an <h1> "nook" is the story's.)
    title_words = {
        w for title in stated for w in folded_words(title).split() if len(w) >= SHARED_WORD
    }
    if first_h1 is None or title_words.isdisjoint(folded_words(first_h1).split()):
        stories = [_without_site(title, site_names, title == stated[-1]) for title in stated]
        shown = _story_shown(tree, stories)
        if shown is not None:
            return shown
    if first_h1 is not None:
        return first_h1
    # No <h1> (or only the dek's): a blog's post title is an <h2>/<h3> whose class says so
    # ("entry-title", "hed"), else one with the post's text under it.
    for element, text in headings:
        if _TITLE_CLASS.search(element.get("class", "")) and not _site_heading(element, text, site):
            return text
    over_story = _heading_over_story(headings, site)
    if over_story is not None:
        return over_story
    for title in stated:
        story = _without_site(title, site_names, title == stated[-1])
        if story:
            return story
    return None


STORY_UNDER_HEADING = 50  # words after a heading, in its box, that make it a story's
_BOXES_AROUND_HEADING = 2  # the heading's own level and one above (a header box around it)


def _heading_over_story(headings: list[tuple[Any, str]], site: str | None) -> str | None:
    """The first <h2> or <h3> with a story's text under it (`STORY_UNDER_HEADING` words in the
    boxes that follow it, before the next heading): a blog whose <title> states only its own
    name titles its post so. Not the site's heading, nor one in the page's furniture or lists."""
    for element, text in headings:
        if (
            element.tag not in ("h2", "h3")
            or _site_heading(element, text, site)
            or _in_page_chrome(element)
            or _in_lists_or_menus(element)
        ):
            continue
        if _words_under(element) >= STORY_UNDER_HEADING:
            return text
    return None


def _words_under(heading: Any) -> int:
    """Words in the boxes after `heading` (or after the box holding it alone), up to the next
    heading, counted until there are enough."""
    node, words = heading, 0
    for _ in range(_BOXES_AROUND_HEADING):
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in HEADING_TAGS or sibling.find(".//h2") is not None:
                return words  # the next section, or the next post
            for piece in sibling.itertext():
                words += len(piece.split())
                if words >= STORY_UNDER_HEADING:
                    return words
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            break
        node = parent
    return words


SHOWN_TITLE_WORDS = 3  # a shorter stated title is found on the page by chance ("Home")
SHOWN_TITLE_CHARS = 300  # a longer one is no headline (headings are read up to as long)
SHARED_WORD = 4  # letters of a word that an <h1> and a stated title share not by chance
_SHOWN_LEVELS = 3  # the text's own element and the two above it
# A list's item, a menu, a footer: teasers, breadcrumbs, links to other pages. (A link alone
# may be the headline, linked to its own page as blog and CMS templates do.)
_NOT_SHOWN_IN = frozenset({"li", "nav", "footer", "option"})


def _story_shown(tree: lxml.html.HtmlElement, stories: list[str]) -> str | None:
    """A stated title's story (the site's name cut) that an element of the page shows whole,
    not as a list's item or in a menu (a teaser, a breadcrumb): the headline set in a box that
    no heading tag or title class marks.

    One walk over the body's text, in Python (a title from JSON-LD may hold characters that
    XPath refuses); each element's text is read at most once, so the walk stays linear."""
    keys: dict[str, str] = {}
    for story in stories:
        key = folded_words(story)
        if len(key.split()) >= SHOWN_TITLE_WORDS and len(story) <= SHOWN_TITLE_CHARS:
            keys.setdefault(key, max(key.split(), key=len))  # a word its text must hold
    body = tree.find("body")
    if not keys or body is None:
        return None
    read: dict[Any, str] = {}
    for element in body.iter(lxml.etree.Element):
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            if not text:
                continue
            folded = text.casefold()
            if not any(probe in folded for probe in keys.values()):
                continue
            node = holder
            for _ in range(_SHOWN_LEVELS):
                if node is None or node.tag in ("body", "html") or node.tag in _NOT_SHOWN_IN:
                    break  # a list's item, a menu: what holds it shows it as one too
                if node not in read:
                    read[node] = folded_words(node.text_content())
                if read[node] in keys and not _in_lists_or_menus(node):
                    return " ".join(node.text_content().split())
                if len(read[node]) > SHOWN_TITLE_CHARS:
                    break  # the boxes above hold more still
                node = node.getparent()
    return None


def _in_lists_or_menus(node: Any) -> bool:
    return any(
        isinstance(element.tag, str) and element.tag in _NOT_SHOWN_IN
        for element in (node, *node.iterancestors())
    )


def _without_site(title: str, site_names: set[str], document_title: bool) -> str:
    """A stated title with the site's name cut from its start or end.

    The page names its site in og:site_name or a logo; failing that, a <title> ("Story | Site")
    is taken to end or start with it, whichever end part is shorter, while og:title and its
    kin usually state the story alone.
    """
    if folded_words(title) in site_names:  # the site's name alone: no story's title
        return ""
    for separator in (SITE_SEPARATOR, _COLON):
        parts = [part.strip() for part in separator.split(title) if part.strip()]
        if len(parts) < 2:
            continue
        if folded_words(parts[0]) in site_names:
            return title[title.index(parts[1]) :].strip()
        if folded_words(parts[-1]) in site_names:
            return title[: title.rindex(parts[-2]) + len(parts[-2])].strip()
    parts = [part.strip() for part in SITE_SEPARATOR.split(title) if part.strip()]
    if not document_title or len(parts) < 2:
        return title.strip()
    return max(parts, key=lambda part: len(part.split()))
