"""What an HTML page states about itself, read once for the readers that need it: its JSON-LD
objects, its meta tags (site name, description, language, canonical address, and what
trafilatura reads of them), and the elements the headline, byline and hint readers look at,
found in one walk over the page (`marked`).

What those statements make of the story's headline is `page_headline.py`'s to say; of its
writers, `page_authors.py`'s.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

# What separates a title's parts: "Story | Site", "Site » Story" (a colon joins a story's title
# to its subtitle as often as to a site's name, so it is none).
SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|‹|›|·|•|~|/)\s+|\s*\|\s*")
NOT_WORD = re.compile(r"[\W_]+")
HEADING_TAGS = ("h1", "h2", "h3")
# With "title" or "headline" in their class, in any case ("entry-title", "newsTitle"): a
# headline set in a box of its own rather than a heading (a <dl class="newsTitle"><dt>, a table
# cell, bold text).
_TITLED_TAGS = frozenset({"div", "span", "header", "p", "dl", "dt", "td", "strong", "b", "font"})


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
            if tag in HEADING_TAGS:
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


def folded_words(text: str) -> str:
    """The text's words, case-folded, one space apart: titles, headings and a site's name are
    compared so."""
    return NOT_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class BrokenJson:
    """A JSON-LD script's text that does not parse as JSON: trafilatura still reads a site's
    name from it (`about`); the readers of objects pass it over."""

    text: str


def json_ld_scripts(tree: lxml.html.HtmlElement) -> list[Any]:
    """What each of the page's JSON-LD scripts holds, parsed (a `BrokenJson` where it does not
    parse). Parsed once a page: the readers of its metadata (`json_ld`, `about`) start from it."""
    found: list[Any] = []
    # By tag, in C: an XPath search of the whole page costs several times as much.
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        text = script.text or ""
        try:
            found.append(json.loads(_LONE_SURROGATE_ESCAPE.sub(_replacement, text)))
        # A page's broken JSON is the page's problem, not a reason to fail; so is JSON nested
        # past what the reader goes down.
        except (ValueError, RecursionError):
            found.append(BrokenJson(text))
    return found


def json_ld(
    tree: lxml.html.HtmlElement, scripts: list[Any] | None = None
) -> list[dict[str, Any]]:
    """The page's JSON-LD objects, flattened out of lists and @graph; `scripts`: the page's
    `json_ld_scripts`, where the caller has them."""
    found: list[dict[str, Any]] = []
    for data in json_ld_scripts(tree) if scripts is None else scripts:
        try:
            found.extend(_objects(data))
        except RecursionError:  # lists nested past what the walk of them goes down
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


# The JSON-LD types of a page's own story, whatever the vocabulary's subtype ("NewsArticle",
# "BlogPosting", "ReportageNewsArticle", a "WebPage" that holds the story).
ARTICLE_TYPES = re.compile(r"article|posting|report|story|blog|webpage|creativework", re.I)


def ld_kind(obj: dict[str, Any]) -> str:
    """A JSON-LD object's @type, its types joined by spaces where it has several."""
    kind = obj.get("@type", "")
    return " ".join(map(str, kind)) if isinstance(kind, list) else str(kind)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def open_graph(tree: lxml.html.HtmlElement, name: str) -> str | None:
    """An Open Graph property of the page ("title" for og:title), written as a prefix
    (`property="og:title"`) or, as RDFa allows, as its full URI
    (`property="http://ogp.me/ns#title"`)."""
    return first_text(
        tree,
        f"/html/head/meta[@property='og:{name}' or @property='http://ogp.me/ns#{name}']/@content",
    )


def site_name(tree: lxml.html.HtmlElement) -> str | None:
    return open_graph(tree, "site_name") or first_text(
        tree, "/html/head/meta[@name='application-name']/@content"
    )


@dataclass(frozen=True)
class About:
    """What the page says of itself, by trafilatura's names: the site's name, the page's
    description, its lead image and its tags."""

    sitename: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def about(
    tree: lxml.html.HtmlElement,
    url: str | None,
    ld: list[dict[str, Any]] | None = None,
    scripts: list[Any] | None = None,
) -> About:
    """Read as trafilatura reads them (its meta-tag, OpenGraph and JSON-LD readers, and its
    fallback for the site's name), without its date and author searches, which cost ten times
    as much and which this package does its own way, nor its scan of the page's links for tags
    that no meta tag states. `ld`, `scripts`: the page's `json_ld` and `json_ld_scripts`, where
    the caller has them. Call it before anything changes the tree."""
    # Here, not at the top: text input never reads a page's metadata, and trafilatura loads slowly.
    from trafilatura.metadata import examine_meta, extract_sitename

    found = examine_meta(tree)
    # Its JSON-LD reader given the scripts as parsed here: its own search of the page and its
    # rewriting of each script's text before parsing it cost 2 % of the HTML path. In the
    # page's order, as it reads them, with the other type it reads (a CMS's settings).
    parsed = iter(json_ld_scripts(tree) if scripts is None else scripts)
    try:
        for script in tree.iter("script"):
            kind = script.get("type")
            if kind == "application/ld+json":
                data = next(parsed, None)
                if not script.text:
                    continue
                if isinstance(data, BrokenJson):
                    found = _read_as_trafilatura(data.text, found)
                else:
                    found = _read_parsed(data, found)
            elif kind == "application/settings+json" and script.text:
                found = _read_as_trafilatura(script.text, found)
    except Exception:  # noqa: BLE001 - as trafilatura: a script it breaks on ends its reading
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
        tags=stated_tags(found.tags or [], json_ld(tree, scripts) if ld is None else ld),
    )


def _read_parsed(data: Any, found: Any) -> Any:
    """A parsed script read by trafilatura's reader of one. It reads the script's text with
    its markup stripped first, so a site's name taken from it is stripped so too."""
    from trafilatura.json_metadata import extract_json

    stated = found.sitename
    found = extract_json(data, found)
    if found.sitename is not stated and found.sitename and "<" in found.sitename:
        from trafilatura.utils import HTML_STRIP_TAGS, trim

        found.sitename = trim(HTML_STRIP_TAGS.sub("", found.sitename))
    return found


def _read_as_trafilatura(text: str, found: Any) -> Any:
    """A script read as trafilatura reads one: its text rewritten (no spaces between tokens,
    escapes read, tags stripped), parsed if it parses so, else searched by its regexes."""
    from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
    from trafilatura.metadata import JSON_MINIFY

    rewritten = normalize_json(JSON_MINIFY.sub(r"\1", text))
    try:
        return extract_json(json.loads(rewritten, strict=False), found)
    except json.JSONDecodeError:
        return extract_json_parse_error(rewritten, found)


TAG_CHARS = 100  # the longest tag: a longer "keyword" is a sentence or a pasted description
# The story's own object, whose keywords are the story's tags: not the site's ("Blog",
# "WebSite") nor an organisation's. A "WebPage" that holds the story is read where none is.
_STORY_TYPES = re.compile(r"article|posting|report|story", re.I)
_PAGE_TYPE = re.compile(r"webpage", re.I)


def stated_tags(meta: Sequence[str], ld: list[dict[str, Any]]) -> tuple[str, ...]:
    """The page's tags as trafilatura reads its meta tags; where they state none, its story's
    JSON-LD keywords, cleaned as trafilatura cleans a meta tag's: a list, or a string whose
    entries commas part (a meta tag's own value may be one tag with a comma in it, "Trump,
    Donald J", so it is not split). The same tag in another case is one tag, its first
    spelling kept."""
    if meta:
        return tuple(tag for tag in meta if tag)
    from trafilatura.metadata import normalize_tags
    from trafilatura.utils import HTML_STRIP_TAGS, line_processing

    found: dict[str, str] = {}
    for piece in _keywords(ld):
        tag = line_processing(normalize_tags(HTML_STRIP_TAGS.sub("", piece))) or ""
        if tag and len(tag) <= TAG_CHARS:
            found.setdefault(tag.casefold(), tag)
    return tuple(found.values())


def _keywords(ld: list[dict[str, Any]]) -> list[str]:
    """The keywords of the page's first story object: a page may describe related stories or
    a live blog's updates too, each with keywords of its own."""
    stating = [obj for obj in ld if obj.get("keywords")]
    for kind in (_STORY_TYPES, _PAGE_TYPE):
        story = next((obj for obj in stating if kind.search(ld_kind(obj))), None)
        if story is not None:
            keywords = story["keywords"]
            if isinstance(keywords, str):
                return keywords.split(",")
            # A list of strings, or of terms with a name ({"@type": "DefinedTerm", "name": ...}).
            entries = keywords if isinstance(keywords, list) else [keywords]
            names = (e.get("name") if isinstance(e, dict) else e for e in entries)
            return [name for name in names if isinstance(name, str)]
    return []


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
        or open_graph(tree, "locale")
    )


def description(tree: lxml.html.HtmlElement) -> str | None:
    return open_graph(tree, "description") or (
        first_text(tree, "/html/head/meta[@name='description']/@content")
    )
