"""The story's writers as an HTML page states them.

It states them in JSON-LD (the article's "author": a name, a Person, or a list of them), in
<meta name="author"> and its kin, and in the markup around the byline (itemprop="author",
rel="author", a byline's class, a link to the writer's page). Those are the byline where the
story's text names no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import lxml.etree
import lxml.html

from .byline import has_byline_word, leads_on, line_names, marked_names, person_like
from .metadata import (
    ARTICLE_TYPES,
    NOT_WORD,
    SITE_SEPARATOR,
    Marked,
    classes_matching,
    first_text,
    json_ld,
    ld_kind,
    marked,
    site_name,
)

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


def for_authors(found: Marked) -> Marked:
    """What `authors` reads of the marked elements: those with an itemprop or a rel, those
    whose class may name a byline, and the page's first <h1>."""
    classed = [found.classed[index] for index in classes_matching(found.classed, _CLASS_WORD)]
    h1 = next(([element] for element in found.headings if element.tag == "h1"), [])
    return Marked(h1, classed, found.itemprops, found.rels)


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
    return _SITE_SUFFIX.sub("", NOT_WORD.sub("", name.casefold()))


def _site_names(tree: lxml.html.HtmlElement) -> list[str]:
    """The names the page gives its site: og:site_name, and the end of a <title> ("Story -
    ABC News")."""
    names = [site_name(tree) or ""]
    title = first_text(tree, "/html/head/title") or ""
    parts = [part for part in SITE_SEPARATOR.split(title) if part.strip()]
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


def _not_the_sites_meta(elements: list[Any], tree: lxml.html.HtmlElement) -> list[Any]:
    """Of the itemprop="author" elements, all but a <meta> that names the site: a template
    fills that in, as it fills the author <meta> tags, and the page shows it nowhere."""
    if not any(element.tag == "meta" for element in elements):
        return elements
    sites = _site_names(tree)
    return [
        element
        for element in elements
        if element.tag != "meta" or not _the_site(element.get("content") or "", sites)
    ]


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
    with_author = [obj for obj in ld if "author" in obj and "Comment" not in ld_kind(obj)]
    # An article's, a post's, a report's "author" is the story's (not a comment's, a review's
    # or a book's that the page mentions).
    articles = [obj for obj in with_author if ARTICLE_TYPES.search(ld_kind(obj))]
    nodes = {obj["@id"]: obj for obj in ld if isinstance(obj.get("@id"), str)}
    # Read one source after the other, and only as far as needed: the markup's are slower.
    candidates: list[Callable[[], list[str]]] = [
        lambda: [
            name for obj in articles or with_author for name in _ld_names(obj["author"], nodes)
        ],
        lambda: [
            name for xpath in _META_AUTHORS for value in xpath(tree) for name in _names(value)
        ],
        lambda: _markup_names(
            _not_the_sites_meta(_with_word(page.itemprops, "itemprop", "author"), tree)
        ),
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
