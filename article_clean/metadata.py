"""What an HTML page says about itself: its story's title, its authors, language and description.

The page states its title several times: in <title> and og:title (often with the site's name),
in JSON-LD, and in a heading. The story's headline is the heading that agrees with those
statements; a blog's <h1> is often the blog's name, repeated on every page, and agrees with none
of them but the site's name.

It states its authors in JSON-LD (the article's "author": a name, a Person, or a list of them),
in <meta name="author"> and its kin, and in the markup around the byline (itemprop="author",
rel="author"). Those are the byline where the story's text names no one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .byline import has_byline_word, leads_on, line_names, marked_names, person_like
from .features import past_a_title

# What separates a story's title from its site's name: "Story | Site", "Site - Story".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*|:\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_HEADING_TAGS = ("h1", "h2", "h3")
# With "title" or "headline" in their class, in any case ("entry-title", "newsTitle"): a
# headline set in a box of its own rather than a heading (a <dl class="newsTitle"><dt>, a table
# cell, bold text).
_TITLED_TAGS = frozenset({"div", "span", "header", "p", "dl", "dt", "td", "strong", "b", "font"})
# A stated title's end part that is the site's name: "Story | Site", "Site » Story" (a colon
# joins a story's title to its subtitle as often as to a site's name, so it does not count).
_COLON = re.compile(r":\s+")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*")
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


@functools.lru_cache(maxsize=64)
def _compiled(xpath: str) -> lxml.etree.XPath:
    return lxml.etree.XPath(xpath)


def first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    """The first non-blank text an XPath finds, whitespace collapsed."""
    for found in _compiled(xpath)(tree):
        text = " ".join((found if isinstance(found, str) else found.text_content()).split())
        if text:
            return text
    return None


def _dek_classed(element: lxml.html.HtmlElement) -> bool:
    """Whether one of the element's classes names a dek ("headline__dek"), not a headline
    that has one ("headline--with-dek")."""
    return any(
        _DEK_CLASS.search(name) and not _HAS_DEK.search(name)
        for name in element.get("class", "").split()
    )


@dataclass(frozen=True)
class Marked:
    """The page's elements that the readers here look at, found in one walk over the page (an
    XPath per kind walks the whole tree each time): headings, in page order; elements with a
    class (with its value); with an itemprop; links with a rel; and the boxes that hold a long
    run of text loose, beside their elements (`LOOSE_TEXT`), or short lines that add up to one,
    each after a <br>, or, beside a picture's box, inside styling elements (`_beside_a_picture`),
    perhaps more than once."""

    headings: list[Any]
    classed: list[tuple[Any, str]]
    itemprops: list[Any]
    rels: list[Any]
    loose: list[Any] = field(default_factory=list)
    # What the HTML reader's hints look at, found in the same walk: <figcaption> and <aside>
    # elements, and every heading (<h1>-<h6>).
    figcaptions: list[Any] = field(default_factory=list)
    asides: list[Any] = field(default_factory=list)
    all_headings: list[Any] = field(default_factory=list)


# A link to a writer's page of posts: ".../author/jane-doe/", as blog software builds it.
_AUTHOR_PAGE = re.compile(r"/(?:author|authors|autor|autore|auteur)/[^/?#\s]+/?(?:[?#]|$)", re.I)
_LINKS_TO_AUT = lxml.etree.XPath("//a[contains(@href, '/aut') or contains(@href, '/Aut')]")


def _author_links(tree: lxml.html.HtmlElement) -> list[Any]:
    """Links to a writer's page of posts, outside the comments (read only where the page's
    other sources name no one: the search walks the whole page)."""
    return [
        link
        for link in _LINKS_TO_AUT(tree)
        if _AUTHOR_PAGE.search(link.get("href", "")) and not _in_comment(link)
    ]


LOOSE_TEXT = 80  # characters of text between two elements that may be a paragraph
_WALK_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "aside"})
_BOXES = frozenset({"div", "td"})
# Text-level elements: they style or mark words inside a line (not <br>, which breaks it, nor
# <img>). A blog editor wraps a typed paragraph in them (<span style=...>), so beside a picture
# their text counts as the box's own loose text (see `_beside_a_picture`).
STYLING_TAGS = frozenset(
    "a abbr acronym b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var".split()
)


def _styled_box(element: Any) -> Any:
    """The box whose loose text `element`, a styling element, is part of; None where it sits in
    a paragraph, a heading, a list's item, or a link (a link's text is a link's)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "a":
            return None
        if ancestor.tag not in STYLING_TAGS:
            return ancestor if ancestor.tag in _BOXES else None
    return None


def _beside_a_picture(box: Any) -> bool:
    """Whether `box` holds a picture's box: an element with an image and no text.

    trafilatura, keeping a page's images, drops the run of text that follows a picture's box
    in the same box (trafilatura issues 194 and 842: images change the text it extracts); made
    a paragraph of its own first, the run stays (a post's opening paragraph under its photo).
    Elsewhere, styled text is left as the page has it."""
    return any(
        isinstance(child.tag, str)
        and (child.tag == "img" or child.find(".//img") is not None)
        and not child.text_content().strip()
        for child in box
    )


def marked(tree: lxml.html.HtmlElement) -> Marked:
    found = Marked([], [], [], [])
    headings, classed, itemprops, rels, loose = (
        found.headings, found.classed, found.itemprops, found.rels, found.loose
    )
    broken: dict[Any, int] = {}  # characters of the lines after a <br>, by the box that holds them
    pictured: dict[Any, bool] = {}  # boxes of styled text, by whether they hold a picture's box
    for element in tree.iter(lxml.etree.Element):
        tag = element.tag
        if tag in _WALK_TAGS:  # one test for most elements, which are none of these
            if tag in _HEADING_TAGS:
                headings.append(element)
            if tag == "figcaption":
                found.figcaptions.append(element)
            elif tag == "aside":
                found.asides.append(element)
            else:
                found.all_headings.append(element)
        value = element.get("class")
        if value:
            classed.append((element, value))
            if tag in _TITLED_TAGS:
                lowered = value.lower()
                if "title" in lowered or "headline" in lowered:
                    headings.append(element)
        if element.get("itemprop") is not None:
            itemprops.append(element)
        if tag == "a" and element.get("rel") is not None:
            rels.append(element)
        tail = element.tail
        if tail is not None and len(tail) > LOOSE_TEXT and len(tail.strip()) > LOOSE_TEXT:
            parent = element.getparent()
            if parent is not None and parent.tag in _BOXES:
                loose.append(parent)
        elif tag == "br" and tail is not None and not tail.isspace():
            # Lines typed into a box, one <br> after each (a poem, a post's short lines): each
            # line is short, the run of them is a paragraph.
            parent = element.getparent()
            if parent is not None and parent.tag in _BOXES:
                line = len(tail.strip())  # not the source's indentation
                broken[parent] = broken.get(parent, 0) + line
                if broken[parent] > LOOSE_TEXT >= broken[parent] - line:
                    loose.append(parent)
        if tag in _BOXES and len(element):  # the text read only here: each read makes a str
            text = element.text
            if text is not None and len(text) > LOOSE_TEXT and len(text.strip()) > LOOSE_TEXT:
                loose.append(element)
        elif tag in STYLING_TAGS and tag != "a":  # a link's text is a link, not a paragraph
            text = element.text
            if text is not None and len(text) > LOOSE_TEXT and len(text.strip()) > LOOSE_TEXT:
                box = _styled_box(element)
                if box is not None and box not in pictured:
                    pictured[box] = _beside_a_picture(box)  # once a box: it may hold thousands
                    if pictured[box]:
                        loose.append(box)
    return found


def classes_matching(classed: list[tuple[Any, str]], pattern: re.Pattern[str]) -> list[int]:
    """The indexes of the `classed` elements (`marked`) whose class, lower-cased, `pattern`
    finds (a pattern that cannot match a NUL). One search over all the classes at once,
    NUL-separated, lower-cased in one call: a call per element costs several times as much."""
    values = [value for _, value in classed]
    joined = "\x00".join(values)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter that lower-cases to two ("İ"): offsets move
        values = [value.lower() for value in values]
        lowered = "\x00".join(values)
    # Where each class starts (its length and a NUL after each), summed in C.
    starts = list(itertools.accumulate(map((1).__add__, map(len, values)), initial=0))
    # A match runs on to its class's end, so that a class is found once, not once a word.
    whole = re.compile(f"(?:{pattern.pattern})[^\\x00]*", pattern.flags)
    return [bisect.bisect_right(starts, match.start()) - 1 for match in whole.finditer(lowered)]


def for_authors(found: Marked) -> Marked:
    """What `authors` reads of the marked elements: those with an itemprop or a rel, those
    whose class may name a byline, and the page's first <h1>."""
    classed = [found.classed[index] for index in classes_matching(found.classed, _CLASS_WORD)]
    h1 = next(([element] for element in found.headings if element.tag == "h1"), [])
    return Marked(h1, classed, found.itemprops, found.rels)


def _normal(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """The page's JSON-LD objects, flattened out of lists and @graph; broken ones skipped."""
    found: list[dict[str, Any]] = []
    # By tag, in C: an XPath search of the whole page costs several times as much.
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(_LONE_SURROGATE_ESCAPE.sub(_replacement, script.text or ""))
            found.extend(_objects(data))
        # A page's broken JSON is the page's problem, not a reason to fail; so is JSON nested
        # past what the reader (or the walk of its lists) goes down.
        except (ValueError, RecursionError):
            continue
    return found


# A JSON escape of half a surrogate pair with no other half: it would put a character no text
# can hold (no UTF-8, no Arrow column) in a headline or a byline taken from the page's metadata.
# Read as U+FFFD, as a decoder reads a broken byte.
_LONE_SURROGATE_ESCAPE = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<![\\][uU][dD][89abAB][0-9a-fA-F]{2})(?<!\\)((?:\\\\)*)\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _replacement(escape: re.Match[str]) -> str:
    """The escaped backslashes before the lone half (kept), then the replacement character."""
    return (escape.group(1) or escape.group(2) or "") + "\\ufffd"


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


# The scripts trafilatura's JSON reader reads (`extract_meta_json`).
_META_JSON_TYPES = frozenset({"application/ld+json", "application/settings+json"})


@dataclass(frozen=True)
class About:
    """What the page says of itself, by trafilatura's names: the site's name, the page's
    description, its lead image and its tags."""

    sitename: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def about(tree: lxml.html.HtmlElement, url: str | None) -> About:
    """Read as trafilatura reads them (its meta-tag, OpenGraph and JSON-LD readers, and its
    fallback for the site's name), without its date and author searches, which cost ten times
    as much and which this package does its own way, nor its scan of the page's links for tags
    that no meta tag states. Call it before anything changes the tree."""
    # Here, not at the top: text input never reads a page's metadata, and trafilatura loads slowly.
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename

    found = examine_meta(tree)
    # Its JSON reader searches the whole page by XPath, slow in libxml2; most pages have no
    # JSON to read, which one walk by tag in C tells.
    if any(script.get("type") in _META_JSON_TYPES for script in tree.iter("script")):
        try:
            found = extract_meta_json(tree, found)
        except Exception:  # noqa: BLE001 - a page's broken JSON-LD: its meta tags still count
            pass
    sitename = found.sitename or extract_sitename(tree)
    if sitename:  # as trafilatura: no Twitter handle's @, a lowercase name capitalised
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # a canonical link that does not parse ("https://exa\u2100mple.com")
            host = ""
        sitename = host.removeprefix("www.") or None
    found.sitename = sitename or None
    # Not trafilatura's last resort for tags, the page's links to tag pages: a scan of every
    # link that cost a third of this function's time, for tags few pages state only so.
    found.clean_and_trim()  # trafilatura's last step: entities, spaces, control characters
    image = _picture_address(found.image) if found.image else None
    if image and url:  # a path ("/img/a.jpg") names the image on the page's own site
        try:
            image = urljoin(url, image)
        except ValueError:  # a URL that does not parse ("http://[::1"): the image as stated
            pass
    return About(
        sitename=found.sitename or None,
        description=found.description or None,
        image=image,
        tags=tuple(tag for tag in found.tags or () if tag),
    )


def canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    """The page's canonical address, where it is one: a web address with its host, not a path
    ("/story/1", which no page URL given here could be read against) nor a script."""
    # In <head> first, where it belongs: searching the whole tree is the slow path.
    href = first_text(tree, "/html/head/link[@rel='canonical']/@href") or first_text(
        tree, "//link[@rel='canonical']/@href"
    )
    if href is None or _scheme(href) not in _WEB_SCHEMES:
        return None
    try:
        host = urlsplit(href).netloc
    except ValueError:  # a host that does not parse ("https://exa\u2100mple.com"): as stated
        return href
    return href if host else None


# A web address's scheme, or none (a path, "//host/path" that takes the page's own), read as
# a browser reads it (C0 controls and spaces before it skipped, tabs and line breaks in it
# dropped) and apart from `urlsplit`, which refuses some addresses ("javascript://[...").
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_NOISE = str.maketrans("", "", "\t\n\r")
_WEB_SCHEMES = ("", "http", "https")


def _scheme(address: str) -> str:
    found = _SCHEME.match(address.lstrip("".join(map(chr, range(33)))).translate(_URL_NOISE))
    return found.group(1).lower() if found else ""


def _picture_address(address: str) -> str | None:
    """`address` unless it names something other than a file on the web: a script
    ("javascript:..."), which an application showing the image as a link would run."""
    return address if _scheme(address) in _WEB_SCHEMES else None


def declared_language(tree: lxml.html.HtmlElement) -> str | None:
    """The language the page declares: <html lang>, else a Content-Language or og:locale."""
    return (
        first_text(tree, "/html/@lang")
        or first_text(tree, "/html/head/meta[@http-equiv='content-language']/@content")
        or first_text(tree, "/html/head/meta[@property='og:locale']/@content")
    )


def description(tree: lxml.html.HtmlElement) -> str | None:
    return first_text(tree, "/html/head/meta[@property='og:description']/@content") or (
        first_text(tree, "/html/head/meta[@name='description']/@content")
    )


def _stated_titles(tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]) -> list[str]:
    """The titles the page states outside its body: og:title, twitter:title, JSON-LD, <title>."""
    titles = [
        first_text(tree, "/html/head/meta[@property='og:title']/@content"),
        first_text(tree, "/html/head/meta[@name='twitter:title']/@content"),
        *(obj.get("headline") for obj in ld if isinstance(obj.get("headline"), str)),
        first_text(tree, "/html/head/title"),
    ]
    return [" ".join(title.split()) for title in titles if title and title.strip()]


def _pieces(title: str, site: str | None) -> dict[str, int]:
    """A stated title's runs of parts ("Story: Subtitle | Site" gives "Story", "Story
    Subtitle", ...) but the site's name, normalised, each with its number of words; none for
    a title too long to be one."""
    parts = [_normal(part) for part in _SEPARATOR.split(title) if part.strip()]
    if past_a_title(title, len(parts)):
        return {}
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
    """A heading that names the site: the site's name, a logo's box or the page's banner (by
    class, id or ARIA role), a link to the home page."""
    if site and _normal(text) == _normal(site):
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
        if len({_normal(item[2]) for item in tied}) > 1:
            # Two different headings each say as much of "Blog: Post": the site's header comes
            # first on the page, the post's heading later, next to its text.
            return min(tied, key=lambda item: item[1])[2]
        return max(candidates, key=lambda item: item[:2])[2]
    # No heading agrees: a stated title's story shown on the page (below), else the first <h1>
    # that is not the site's name, else a stated title without the site's name (told by the
    # headings that name it).
    site_names = {_normal(site)} if site else set()
    first_h1: str | None = None
    for element, text in headings:
        if _site_heading(element, text, site):
            site_names.add(_normal(text))
        elif element.tag == "h1" and first_h1 is None and not _dek_classed(element):
            first_h1 = text
    # An <h1> that shares no word with the stated titles names a section, a teaser, the site in
    # its own script; short words ("the", "of") are shared by chance. (The titles' words count
    # whole: without og:site_name, "nook | Paulo Coelho's Blog" does not say which end is the
    # site, and an <h1> "nook" is the story's.)
    title_words = {w for title in stated for w in _normal(title).split() if len(w) >= SHARED_WORD}
    if first_h1 is None or title_words.isdisjoint(_normal(first_h1).split()):
        stories = [_without_site(title, site_names, title is stated[-1]) for title in stated]
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
        story = _without_site(title, site_names, title is stated[-1])
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
            if sibling.tag in _HEADING_TAGS or sibling.find(".//h2") is not None:
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
        key = _normal(story)
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
                    read[node] = _normal(node.text_content())
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
    if _normal(title) in site_names:  # the site's name alone: no story's title
        return ""
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


# JSON-LD types whose "author" is the story's: an article, a post, a report (not a comment's, a
# review's or a book's that the page mentions).
_ARTICLE_TYPES = re.compile(r"article|posting|report|story|blog|webpage|creativework", re.I)
_META_AUTHORS = tuple(
    lxml.etree.XPath(f"/html/head/meta[{test}]/@content")
    for test in (
        "@name='author' or @property='author' or @name='Author'",
        "@name='article:author' or @property='article:author'",
        "@name='dc.creator' or @name='DC.creator' or @name='dcterms.creator'",
        "@name='parsely-author' or @name='sailthru.author' or @name='byl'",
    )
)
# Markup around a byline: schema.org microdata and rel="author" links, but not in a comment.
# Markup around a byline: schema.org microdata and rel="author" links, but not in a comment.
# The attributes are found by XPath and their words told apart here (a word test in XPath,
# over every element of the page, costs ten times as much).
_COMMENT = re.compile(r"comment", re.I)
# A class or id word that names a comment: "comment", "commentlist", "comment-body", "fb_comments";
# not a page's feature flag on <html> or <body> ("feature_newcomments").
_COMMENT_WORD = re.compile(
    r"(?:^|\s)(?:[a-z0-9]+[-_]+)*comment[a-z0-9]*(?:[-_]+[a-z0-9]+)*(?=\s|$)", re.I
)


def _in_comment(element: Any) -> bool:
    """Whether an element sits in a comment (by its microdata type, class or id)."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("html", "body"):
            break
        if _COMMENT.search(node.get("itemtype") or ""):
            return True
        words = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _COMMENT.search(words) and _COMMENT_WORD.search(words):  # the screen is quicker
            return True
    return False


def _with_word(elements: list[Any], attribute: str, word: str) -> list[Any]:
    return [
        element
        for element in elements
        if word in (element.get(attribute) or "").lower().split() and not _in_comment(element)
    ]


# A byline's own element: class="byline", "author", "article-author", "c-byline__name".
# "byline" may be glued to a prefix ("nodebyline", "newsByLine"); "by" and "submitted" name
# the element of "By ..." or "Submitted by ... on ..." as blog templates write it.
_BYLINE_CLASS = re.compile(
    r"^(?:(?:[a-z0-9]+[-_]+)*(?:byline|bylines|by-line|author|authors|author[-_]?name|writer)"
    r"(?:[-_]+(?:name|names|link|text|info|line|wrap|wrapper|container|block))?"
    r"|[a-z0-9]*byline|by|submitted|posted[-_]?by)$",
    re.I,
)
# A quick screen, on the lower-cased value: a case-insensitive search is several times slower.
_CLASS_WORD = re.compile(r"by|uthor|riter|ubmitted|osted")
MARKUP_AUTHORS = 4  # more distinct names in the markup than this: a list of posts, not a byline
BYLINE_MAX_CHARS = 200
_URL_LIKE = re.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net)/", re.I)
_SITE_SUFFIX = re.compile(r"(?:com|org|net|couk|de|fr|es|it)$")


def _names(value: str | None, stated: bool = True) -> list[str]:
    """The writers' names in one value ("Jane Doe", "By Jane Doe, Staff Writer").

    `stated`: the value is stated to be the author (a <meta>, a JSON-LD name), so a single
    word in lower case ("admin") is a name too; a page element's text must read as a byline.
    """
    if not value or _URL_LIKE.search(value.strip()) or len(value) > BYLINE_MAX_CHARS:
        return []
    text = " ".join(value.split())
    found = line_names(text).names
    if not found and stated:
        found = line_names(text, marked_line=True).names
    return list(found)


def _compact(name: str) -> str:
    return _SITE_SUFFIX.sub("", _NOT_WORD.sub("", name.casefold()))


def _site_names(tree: lxml.html.HtmlElement) -> list[str]:
    """The names the page gives its site: og:site_name, and the end of a <title> ("Story -
    ABC News")."""
    names = [site_name(tree) or ""]
    title = first_text(tree, "/html/head/title") or ""
    parts = [part for part in _SITE_SEPARATOR.split(title) if part.strip()]
    if len(parts) >= 2:
        names += [parts[0], parts[-1]]
    return [_compact(name) for name in names if _compact(name)]


def _the_site(name: str, sites: list[str]) -> bool:
    """Whether a stated author is the site itself ("CBSNews.com" on CBS News): the publisher
    that a page's template fills in, not a writer."""
    key = _compact(name)
    return bool(key) and any(
        key == site or (" " not in name and site.startswith(key)) for site in sites
    )


def _ld_names(value: Any, nodes: dict[str, dict[str, Any]] | None = None) -> Iterator[str]:
    """Names in a JSON-LD "author": a string, a Person or Organization, or a list of them.

    `nodes`: the page's objects by "@id", for an author given as a reference to a Person
    elsewhere in the @graph ({"@id": ".../#/schema/person/..."}, as SEO plugins write it).
    """
    if isinstance(value, str):
        yield from _names(value)
    elif isinstance(value, list):
        for item in value:
            yield from _ld_names(item, nodes)
    elif isinstance(value, dict):
        reference = value.get("@id")
        if "name" not in value and nodes and isinstance(reference, str) and reference in nodes:
            value = nodes[reference]
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(part for part in name if isinstance(part, str))
        if isinstance(name, str):
            yield from _names(name)
        elif isinstance(value.get("givenName"), str):
            given, family = value["givenName"], value.get("familyName")
            yield from _names(f"{given} {family}" if isinstance(family, str) else given)


def _kind(obj: dict[str, Any]) -> str:
    kind = obj.get("@type", "")
    return " ".join(kind) if isinstance(kind, list) else str(kind)


def _markup_names(elements: list[Any]) -> list[str]:
    names: list[str] = []
    for element in elements:
        inner = element.xpath(".//*[@itemprop='name']")
        value = (
            element.get("content")
            or (inner[0].get("content") or inner[0].text_content() if inner else None)
            or element.text_content()
        )
        names.extend(_names(value, stated=False))
    unique = list(dict.fromkeys(names))
    return unique if len(unique) <= MARKUP_AUTHORS else []


UNDER_HEADLINE = 40  # elements after the <h1> where its byline may stand


def _following(element: Any, limit: int) -> Iterator[Any]:
    """The first `limit` elements after `element` in document order (XPath's following axis
    builds the whole rest of the page first)."""
    count = 0
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            for found in sibling.iter():
                yield found
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


# Elements a browser starts a line at: the lines of a box of credits ("Written by ...",
# "Edited by ...") are apart, not glued into one name ("Jane DoeEdited").
_LINE_TAGS = frozenset(
    "address blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header li "
    "ol p section table td th tr ul".split()
)


def _short_lines(element: Any) -> list[str] | None:
    """The element's lines if it is as short as a byline: a wrapper of the whole story is not
    read through."""
    pieces: list[str] = []
    size = 0
    walk = lxml.etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for count, (event, node) in enumerate(walk):
        if count >= 2 * BYLINE_MAX_NODES:
            return None  # a byline is a few elements, not a box of hundreds
        breaks = "\n" if node.tag in _LINE_TAGS else ""
        if event == "start":
            if node.tag in _UNSHOWN:
                walk.skip_subtree()  # an icon's hundred paths, a script: nothing shown as text
            text = node.text if node.tag not in _UNSHOWN else None
            found = [breaks, _spaced(text)]
        elif event != "end":  # a comment: its tail is shown, not its text
            found = [_spaced(node.tail)]
        else:
            found = [breaks, _spaced(node.tail) if node is not element else ""]
        size += sum(len(piece.strip()) for piece in found)  # a template's indents are no text
        if size > BYLINE_MAX_CHARS * 2:
            return None
        pieces.extend(found)
    lines: list[str] = []
    for piece in "".join(pieces).split("\n"):
        line = " ".join(piece.split())
        if not line:
            continue
        if lines and leads_on(lines[-1]):  # "By Jane Doe,<br>John Smith": one byline
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines if sum(len(line) for line in lines) <= BYLINE_MAX_CHARS else None


def _spaced(text: str | None) -> str:
    """A piece of the page's text with its source's line breaks as spaces, as a browser shows
    them: the lines are the elements' own."""
    return text.translate(_AS_SPACES) if text else ""


_AS_SPACES = str.maketrans("\n\r", "  ")


_UNSHOWN = frozenset({"script", "style", "template", "noscript", "svg"})
BYLINE_MAX_NODES = 500


def _names_under_headline(headings: list[Any]) -> list[str]:
    """The names on a "By ..." line among the elements right after the page's <h1>: a
    byline that the page marks up as nothing in particular."""
    h1 = next((element for element in headings if element.tag == "h1"), None)
    if h1 is None:
        return []
    for element in _following(h1, UNDER_HEADLINE):
        if not isinstance(element.tag, str) or element.tag in _UNSHOWN:
            continue
        for line in _short_lines(element) or ():
            if not has_byline_word(line):
                continue
            found = marked_names(line)
            if found and not _in_comment(element):
                return list(found)
    return []


_MENU_CLASS = re.compile(r"menu|dropdown|nav", re.IGNORECASE)


def _linked_items(element: Any) -> bool:
    """Whether `element` is a list whose every item holds a link."""
    items = [child for child in element if child.tag == "li"]
    return bool(items) and all(next(item.iter("a"), None) is not None for item in items)


def _classed_names(classed: list[tuple[Any, str]]) -> list[str]:
    """The names in the first element whose class names a byline or an author."""
    for element, value in classed:
        if not any(_BYLINE_CLASS.match(token) for token in value.split()):
            continue
        if _in_comment(element):
            continue
        # Read line by line: the first line that names anyone after a byline word; else, in a
        # list of links that all read as people's names, every item's names; else the first
        # line that reads as a person's name. The other lines are the story's title above, a
        # section, the writer's role, agency, editor and links ("AIM", "Google Plus").
        lines = _short_lines(element) or []
        named = [(names, has_byline_word(line)) for line in lines if (names := _names(line, False))]
        marked = [names for names, by in named if by]
        if marked:
            return marked[0]
        listed = element.tag in ("ul", "ol") and len(named) > 1
        in_nav = next(element.iterancestors("nav"), None) is not None
        if listed and (_MENU_CLASS.search(value) or in_nav):
            continue  # a menu of the site's writers
        people = [names for names, _ in named if all(person_like(name) for name in names)]
        if listed and len(people) == len(named) and _linked_items(element):
            # A list of links to writers: the story's co-authors (a list of a writer, her place
            # and her section links only the writer).
            return list(dict.fromkeys(name for names in people for name in names))
        found = people or [names for names, _ in named]
        if found:
            return found[0]
    return []


def authors(
    tree: lxml.html.HtmlElement,
    ld: list[dict[str, Any]] | None = None,
    elements: Marked | None = None,
) -> tuple[str, ...]:
    """The story's writers as the page states them, from the first source that names any:
    the JSON-LD article's "author", the author <meta> tags, itemprop="author", rel="author",
    an element with a byline's class, a link to the writer's page of posts, a "By ..." line
    just under the <h1>. The site's own name as author is passed over.

    `ld`, `elements`: the page's JSON-LD objects and its marked elements as `for_authors`
    keeps them, where the caller has them already.
    """
    if ld is None:
        ld = json_ld(tree)
    page = for_authors(marked(tree)) if elements is None else elements
    with_author = [obj for obj in ld if "author" in obj and "Comment" not in _kind(obj)]
    articles = [obj for obj in with_author if _ARTICLE_TYPES.search(_kind(obj))]
    nodes = {obj["@id"]: obj for obj in ld if isinstance(obj.get("@id"), str)}
    # Read one source after the other, and only as far as needed: the markup's are slower.
    candidates: list[Callable[[], list[str]]] = [
        lambda: [
            name for obj in articles or with_author for name in _ld_names(obj["author"], nodes)
        ],
        lambda: [
            name for xpath in _META_AUTHORS for value in xpath(tree) for name in _names(value)
        ],
        lambda: _markup_names(_with_word(page.itemprops, "itemprop", "author")),
        lambda: _markup_names(_with_word(page.rels, "rel", "author")),
        lambda: _classed_names(page.classed),
        lambda: _markup_names(_author_links(tree)),
        lambda: _names_under_headline(page.headings),
    ]
    sites: list[str] | None = None
    for stated, source in enumerate(candidates):
        names = source()
        if not names:
            continue
        if sites is None:
            sites = _site_names(tree)
        unique: dict[str, str] = {}
        for name in names:
            # A template fills the site's name into its JSON-LD and <meta>; a visible byline
            # that names it ("Posted by Vortex" on Vortex Cannon) is the page's own word.
            if stated >= 2 or not _the_site(name, sites):
                unique.setdefault(name.casefold(), name)
        # "Amy" beside "Amy Locurto": the same writer, named twice by the page.
        words = {word for name in unique for word in name.split() if " " in name}
        found = [name for key, name in unique.items() if " " in key or key not in words]
        if found:
            return tuple(found)
    return ()
