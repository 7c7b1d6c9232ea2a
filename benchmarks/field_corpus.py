"""A field-labelled corpus: every line of each dev page's article region, labelled by field.

    python benchmarks/field_corpus.py --root ../shared/bench-data --out .bench-cache/fields

The body metric says nothing about headlines, bylines, captions or the junk left between
paragraphs; this corpus does. For every HTML dev page (ScrapingHub and Dragnet) it finds the
article region as a scraper would hand it over (the smallest element holding the headline and
most of the true body, plus up to two following siblings), renders it to text one line per block
with a blank line between blocks, and labels every line from the markup and the truth:

- headline: the line of the <h1>/entry-title element that agrees with og:title or <title>
  (minus the site name), with the truth's first line as extra evidence on Dragnet;
- byline: a short line naming an author from meta/JSON-LD, from "by Name" under the
  headline, or from byline-sized author markup (rel=author, itemprop=author, byline classes);
- caption: figcaption and caption/credit elements, photo credits, and lines under an image
  that repeat its alt text, sit in its box or are set in italics;
- body: lines whose 4-token shingles are mostly in the true body, less dates alone and the
  headings of related/tags/share lists;
- boilerplate: everything else above the last body line; trailer: everything below it, but
  for captions right under the story.

One JSONL per corpus goes to --out (Dragnet is AGPL: keep it under the git-ignored
.bench-cache/). Pages with no region are skipped and counted; pages with no headline are kept
with a reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import ArticleCleanError  # noqa: E402
from article_clean.decode import decode  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.field_render import (  # noqa: E402
    Element,
    Line,
    collapse,
    common_ancestor,
    render,
    self_and_ancestors,
    tag_of,
)
from benchmarks.split import half_of, is_split  # noqa: E402

CORPORA = ("scrapinghub", "dragnet")
# Corpora whose truth starts with the headline and may hold captions, bylines and dates: there
# the first truth line is headline evidence, and markup wins over the truth.
TITLE_IN_TRUTH = ("dragnet",)
LABELS = ("headline", "byline", "caption", "body", "boilerplate", "trailer")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_TOKEN = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W_]")
_MONTH = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
_DATE_PART = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?|[ap]\.?m|et|est|edt|pst|pdt|cst|"
    r"cdt|gmt|utc|bst|cet|updated|posted|published|on|at|last)\b",
    re.I,
)
_DATE_SIGN = re.compile(rf"\b(?:{_MONTH})\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b", re.I)


def _class_token(*words: str) -> re.Pattern[str]:
    """A class/id token naming one of `words`, alone or with prefixes and suffixes."""
    alternatives = "|".join(words)
    return re.compile(rf"^(?:[a-z0-9]+[-_]+)*(?:{alternatives})(?:[-_]+[a-z0-9]+)*$", re.I)


_CAPTION_CLASS = _class_token("caption", "captions", "figcaption", "credit", "credits", "legend")
_AUTHOR_CLASS = _class_token(
    "byline", "by-line", "bylines", "by", "author", "authors", "autor", "auteur", "writer", "vcard",
    "contributor", "reporter", "fn"
)
_HEADLINE_CLASS = _class_token("headline", "entry-title", "post-title", "article-title",
                               "story-title", "title", "titulo", "titre")
_DATE_CLASS = _class_token("date", "time", "timestamp", "published", "posted", "updated",
                           "pubdate", "datetime", "entry-date", "fecha", "datum")
_COMMENT_CLASS = re.compile(r"comment|respond|reply", re.I)
_AUTHOR_XPATH = "//*[@rel='author' or contains(concat(' ', @itemprop, ' '), ' author ')]"
_CAPTION_MAX_CHARS = 800
_AUTHOR_MAX_CHARS = 300
_HEADLINE_MAX_CHARS = 300
_CAPTION_MAX_WORDS = 60
_IMAGE_BOX = _class_token("image", "images", "img", "photo", "picture", "pic", "figure", "media",
                          "thumbnail", "thumb", "gallery")
_NEVER = re.compile("$^")
_BY = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|od|от|przez|tekst|text|texto|written by|posted by|"
    r"reported by|author|autor|auteur|verfasser|автор|текст|作者)\b[\s:]*",
    re.I,
)
# "Photo: ...", "Photo by ...", "Image credit: ...": a credit wherever it stands.
_CREDIT_PREFIX = re.compile(
    r"^\(?(?:photo|photos|photograph|image|images|picture|pictured|credit|foto|fotos|bild|"
    r"illustration|graphic)s?\b\s*(?:credit\b)?\s*(?::|/|©|by\b|via\b|courtesy\b)",
    re.I,
)
# An agency or a copyright sign: a credit only next to an image.
_CREDIT = re.compile(
    r"[(/]\s*(?:getty images|ap photo|reuters|afp|epa|shutterstock|istock)\b[^()]{0,40}\)?$"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?)\s*\)?$"
    r"|^©|^\(c\)|^source\s*:",
    re.I,
)
# The heading of a related, tags or share list: never the story's, even where a truth has it.
_LIST_HEADING = re.compile(
    r"^(?:related(?: posts| stories| articles| content| links| coverage)?|story timeline|"
    r"you (?:may|might) also like|more (?:stories|from .{1,30}|on .{1,30})|"
    r"share this(?: story| article| post| page)?|tags?|filed under|topics|categories|"
    r"leave a (?:reply|comment)|about the author|further reading|recommended(?: for you)?|"
    r"popular posts|trending|permalink)\W*$",
    re.I,
)
# A credit's label alone on its line ("Photo:"), the credit itself on the next.
_CREDIT_LABEL = re.compile(
    r"^(?:photo|photos|foto|fotos|фото|image|credit|bild|source)\s*:$", re.I
)
# "by Name Surname" inside a short line: a byline that no markup names.
_BY_NAME = re.compile(
    r"(?:^|[\s|,·•-])(?:by|By|BY|von|par|por)(?::\s*|\s+)"
    r"((?:[A-Z][\w.'’-]*|van|von|de|da|di|del|der|le|la)"
    r"(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|da|di|del|der|le|la|and|&)){0,5})"
)
_CREDIT_MAX_WORDS = 14
_BYLINE_MAX_WORDS = 25
_PARTICLES = frozenset("van von de da di del der le la du dos bin al and & und et y e".split())
_NOT_NAMES = frozenset(
    "view profile email rss more articles posts follow biography contact twitter facebook "
    "about author bio staff comments share discuss".split()
)
_BY_BEFORE = re.compile(r"\b(?:by|von|par|por|door|av|af|od|przez)\W*$", re.I)
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")  # "PaurEmail": a name glued to a link's label
_SAYS = re.compile(r"\b(?:says|said|wrote|writes)\s*:?\s*$", re.I)  # a comment's header
_NOT_BY = re.compile(
    r"\b(?:powered|sponsored|presented|produced|hosted|designed|supported|made|photos?|images?|"
    r"pictures?|illustrations?|videos?|graphics?|courtesy)\s*.$",
    re.I,
)
_DATE_WORDS = frozenset(
    "published posted updated on at rss feed email january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov "
    "dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun".split()
)
_BIO = re.compile(r"^\W*(?:is|was|has|writes|covers|teaches|lives)\b")
_DATE_MAX_WORDS = 10
_DATE_MAX_CHARS = 200  # a date element with a byline and a time beside it; a post is longer
_NAME_MAX_WORDS = 6
_REGION_SHARE = 0.8  # the region holds this share of the body text found on the page
_BODY_SHARE = 0.5  # a line is body when more than this share of its shingles is true body


# ---------------------------------------------------------------- page metadata


def parse(data: bytes) -> Element:
    text = decode(data, html=True).text
    raw = text.encode("utf-8", "surrogatepass").translate(None, _CONTROL_BYTES)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(raw, parser=parser)


def _meta(tree: Element, *keys: str) -> list[str]:
    found = []
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for value in tree.xpath(f"//meta[@{attr}=$key]/@content", key=key):
                if collapse(value):
                    found.append(collapse(value))
    return found


def _json_ld(tree: Element) -> list[Any]:
    items = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            items.append(json.loads(script.text or "", strict=False))
        except ValueError:
            continue
    return items


def _walk_json(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk_json(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk_json(child)


def _names_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from _names_in(value.get("name"))
    elif isinstance(value, list):
        for item in value:
            yield from _names_in(item)


def _title_pieces(title: str, site: str | None, domain: str) -> list[str]:
    """A title and every run of its pieces between separators that does not name the site.

    "Headline / part two – Site" gives "Headline / part two" among others: which piece is the
    site's name is not always known, so every run is a reference.
    """
    parts = re.split(r"(\s+[|\-–—:»«·•/]\s+|\s*[|»«·•]\s*|(?<=\w):\s+)", title)
    pieces, separators = parts[0::2], parts[1::2]
    site_like = [_names_site(p, site, domain) for p in pieces]
    runs = [title]
    for i in range(len(pieces)):
        for j in range(i, len(pieces)):
            if not any(site_like[i : j + 1]):
                run = "".join(p + s for p, s in zip(pieces[i:j], separators[i:j])) + pieces[j]
                runs.append(run.strip())
    return [r for r in dict.fromkeys(runs) if r]


def _names_site(piece: str, site: str | None, domain: str) -> bool:
    """Whether a title's piece is the site's name: og:site_name, or a few words that spell
    the domain ("The Guardian" on theguardian.com, not "The Guardian view on Hong Kong")."""
    squeezed = _norm(piece).replace(" ", "")
    if site and squeezed == _norm(site).replace(" ", ""):
        return True
    if len(domain) < 4 or len(piece.split()) > 3:
        return False
    return domain in squeezed or bool(squeezed) and squeezed in domain


def _plain_name(name: str) -> str | None:
    """An author name fit to look for in the text: short, not a URL, "by" removed."""
    name = _BY.sub("", collapse(name)).strip(" ,;|-")
    name = re.sub(r"^.{0,20}?\bby\s+", "", name, flags=re.I)  # "Analysis by Jane Doe"
    person, comma, role = name.partition(", ")
    if comma and len(person.split()) >= 2:  # "Tom Krisher, AP Auto Writer": the name alone
        name = person
    if not name or "http" in name or "@" in name or "/" in name:
        return None
    if len(name) < 3 or len(name.split()) > _NAME_MAX_WORDS:
        return None
    return name


@dataclass(frozen=True)
class Metadata:
    """What the page says about itself: headline candidates' references and author names."""

    titles: tuple[str, ...]
    site: str | None
    authors: tuple[str, ...]
    url: str  # the page's own, or its canonical URL where the corpus has none


def metadata(tree: Element, url: str) -> Metadata:
    site = next(iter(_meta(tree, "og:site_name")), None)
    if not url:  # Dragnet has no URLs: the page's own
        url = next(iter(tree.xpath("//link[@rel='canonical']/@href") + _meta(tree, "og:url")), "")
    host = urlsplit(url).hostname or ""
    domain = max(host.removeprefix("www.").split(".")[:-1] or [""], key=len).replace("-", "")
    titles = [
        piece
        for title in _meta(tree, "og:title", "twitter:title", "headline", "sailthru.title")
        for piece in _title_pieces(title, site, domain)
    ]
    authors = _meta(
        tree, "author", "article:author", "dc.creator", "DC.creator", "sailthru.author",
        "parsely-author", "byl", "citation_author",
    )
    for item in _json_ld(tree):
        for node in _walk_json(item):
            if isinstance(node.get("headline"), str):
                titles.append(collapse(node["headline"]))
            authors.extend(_names_in(node.get("author")))
    for title in tree.xpath("/html/head/title"):
        titles.extend(_title_pieces(collapse(title.text_content()), site, domain))
    for element in tree.xpath(_AUTHOR_XPATH):
        names = element.xpath(".//*[@itemprop='name']")
        name = _plain_name((names[0] if names else element).text_content())
        if name and _looks_like_name(name):
            authors.append(name)
    titles = list(dict.fromkeys(titles))
    clean = [n for n in (_plain_name(a) for a in authors) if n]
    return Metadata(tuple(titles), site, tuple(dict.fromkeys(clean)), url)


# ---------------------------------------------------------------- truth matching


def date_line(text: str) -> bool:
    """A line that is a date and nothing else ("July 24, 2012 9:30 AM", "Posted 05/10/2012")."""
    return (
        len(text.split()) <= _DATE_MAX_WORDS
        and bool(_DATE_SIGN.search(text))
        and not _LETTER.search(_DATE_PART.sub("", text))
    )


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _shingles(tokens: Sequence[str], size: int = 4) -> list[tuple[str, ...]]:
    if len(tokens) < size:
        return [tuple(tokens)] if tokens else []
    return [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


@dataclass
class Truth:
    """The true body as shingles (consumed as lines claim them) and as whole lines."""

    shingles: Counter[tuple[str, ...]]
    ngrams: set[tuple[str, ...]]
    lines: set[str]

    @classmethod
    def of(cls, body: str) -> Truth:
        tokens = _TOKEN.findall(body)
        ngrams = {tuple(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)}
        lines = {_norm(line) for line in body.splitlines() if line.strip()}
        return cls(Counter(_shingles(tokens)), ngrams, lines)


def match_truth(lines: Sequence[Line], truth: Truth) -> list[int]:
    """Per line, how many of its shingles the truth holds; 0 for a line that is not body.

    Lines claim shingles in page order, so a second copy of a paragraph (a pull quote, a
    teaser) is not body. A line of 1-3 tokens is body when it is a whole truth line (a
    subheading) next to a body line, or when it sits between two body lines.
    """
    remaining = Counter(truth.shingles)
    matched = [0] * len(lines)
    short = []
    for index, line in enumerate(lines):
        tokens = _TOKEN.findall(line.text)
        if not _LETTER.search(line.text):  # a rule of underscores or dashes is no paragraph
            continue
        if len(tokens) < 4:
            short.append((index, tuple(tokens)))
            continue
        own = Counter(_shingles(tokens))
        hits = own & remaining
        if sum(hits.values()) > _BODY_SHARE * sum(own.values()):
            remaining -= hits
            matched[index] = sum(hits.values())
    long_body = [count > 0 for count in matched]
    for index, tokens in short:
        before = any(long_body[max(0, index - 2) : index])
        after = any(long_body[index + 1 : index + 3])
        whole = _norm(lines[index].text) in truth.lines and (before or after)
        if tokens and (whole or tokens in truth.ngrams and before and after):
            matched[index] = 1
    return matched


# ---------------------------------------------------------------- the region


def _similarity(a: str, b: str) -> float:
    """1 for the same words; 0.9 when one is the other's start or end; else the better of the
    character ratio and the words' overlap (a title that reorders the headline's words)."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    shorter, longer = sorted((na, nb), key=len)
    if len(shorter) >= 0.5 * len(longer) and (
        longer.startswith(shorter) or longer.endswith(shorter)
    ):
        return 0.9
    words_a, words_b = Counter(na.split()), Counter(nb.split())
    overlap = 2 * sum((words_a & words_b).values()) / (len(na.split()) + len(nb.split()))
    matcher = SequenceMatcher(None, na, nb, autojunk=False)
    ratio = matcher.ratio() if matcher.real_quick_ratio() > 0.7 else 0.0
    return max(ratio, min(overlap, 0.89))


def _within(
    element: Element, pattern: re.Pattern[str], tags: tuple[str, ...] = ()
) -> Element | None:
    """The nearest element from `element` up whose tag is in `tags` or a class/id token matches."""
    for candidate in self_and_ancestors(element):
        if tag_of(candidate) in ("body", "html"):
            return None
        if tag_of(candidate) in tags or _has_token(candidate, pattern):
            return candidate
    return None


def _has_token(element: Element, pattern: re.Pattern[str]) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(pattern.match(name) for name in names)


def _headline_rank(line: Line, page_url: str = "") -> int:
    """How much the markup says "headline": 0 for an h1, 3 for a line with no such markup.

    A site's name in an h1 is a link to the home page: no headline, whatever <title> says.
    """
    element = line.element
    links = element.xpath("ancestor-or-self::a/@href | .//a/@href")
    if any(_home_link(href, page_url) for href in links):
        return 4
    if _within(element, _NEVER, ("h1",)) is not None:
        return 0
    if element.xpath("ancestor-or-self::*[@itemprop='headline']") or (
        _headline_box(element) is not None
    ):
        return 1
    if _within(element, _NEVER, ("h2", "h3")) is not None:
        return 2
    return 3


def _headline_box(element: Element) -> Element | None:
    """The element with a headline class holding `element`, if it is a headline's size (a
    "title" class also sits on menus and widgets)."""
    found = _within(element, _HEADLINE_CLASS)
    if found is None or len(found.text_content()) > _HEADLINE_MAX_CHARS:
        return None
    return found


def _home_link(href: str, page_url: str) -> bool:
    """A link to a site's home ("/", "http://example.com") or to the blog the page is in."""
    parts = urlsplit(href.strip())
    if not (parts.netloc or parts.path) or parts.query:
        return False
    path = parts.path.removesuffix("index.html").removesuffix("index.php")
    if path in ("", "/"):
        return True
    page_path = urlsplit(page_url).path
    return path.endswith("/") and page_path.startswith(path) and len(page_path) > len(path)


def find_headline(
    lines: Sequence[Line],
    titles: Sequence[str],
    truth_title: str | None,
    first_body: int,
    page_url: str,
) -> int | None:
    """The index of the headline line: the line whose markup and text agree best with the titles.

    An h1 that fairly matches a title, or an h2/h3 or headline class that closely does, wins
    over a line with no such markup that matches exactly (a breadcrumb, a menu link). Ties go
    to a close match with the page's own titles, then to agreement with the truth's first
    line (extra evidence: that line is sometimes a dek), the stronger markup, the closer
    match, and the line nearest above the body. Where nothing agrees (an SEO <title>), the
    h1 or itemprop=headline above the body closest to a title, else the first.
    """
    best: tuple[int, bool, bool, int, float, int] | None = None
    chosen = None
    marked: tuple[tuple[float, int], int] | None = None
    for index, line in enumerate(lines):
        if len(line.text.split()) > 40 or index > first_body + 5 or date_line(line.text):
            continue
        rank = _headline_rank(line, page_url)
        if rank > 3:
            continue
        meta_score = max((_similarity(line.text, t) for t in titles), default=0.0)
        score = meta_score
        if truth_title is not None:
            score = max(score, _similarity(line.text, truth_title))
        if rank <= 1 and index < first_body and len(_TOKEN.findall(line.text)) >= 2:
            fallback = (round(score, 1), -index)  # the closest to a title, else the first
            if marked is None or fallback > marked[0]:
                marked = (fallback, index)
        if score >= 0.9 and rank <= 2 or score >= 0.7 and rank == 0:
            tier = 2
        elif score >= 0.7 and rank <= 2:
            tier = 1
        elif score >= 0.9:
            tier = 0
        else:
            continue
        agrees = truth_title is not None and _similarity(line.text, truth_title) >= 0.9
        key = (tier, meta_score >= 0.9, agrees, -rank, meta_score, -abs(first_body - index))
        if best is None or key > best:
            best, chosen = key, index
    return chosen if chosen is not None or marked is None else marked[1]


def _truth_lines(truth: str) -> list[str]:
    """The truth's first lines that may be a title: short, and not a date."""
    lines = [line.strip() for line in truth.splitlines() if line.strip()][:3]
    return [line for line in lines if len(line.split()) <= 30 and not date_line(line)]


def without_title(truth: str, headline: str) -> str:
    """The truth without its title line (one of its first lines, agreeing with the headline)."""
    lines = truth.splitlines()
    for at in [i for i, line in enumerate(lines) if line.strip()][:3]:
        if _similarity(lines[at], headline) >= 0.8:
            return "\n".join(lines[:at] + lines[at + 1 :])
    return truth


def _headline_element(line: Line) -> Element:
    """The element a headline line belongs to: its h1-h3, else its headline-class element."""
    element = line.element
    found = _within(element, _NEVER, ("h1", "h2", "h3"))
    if found is None:
        found = _headline_box(element)
    return found if found is not None else element


def body_element(lines: Sequence[Line], matched: Sequence[int]) -> Element | None:
    """The deepest element holding most of the body text found on the page."""
    mass: Counter[Element] = Counter()
    for line, count in zip(lines, matched):
        if count:
            for element in self_and_ancestors(line.element):
                mass[element] += count
    total = sum(matched)
    if not total:
        return None
    element = lines[0].element.getroottree().getroot()
    while True:
        heavy = [c for c in element if mass[c] >= _REGION_SHARE * total]
        if not heavy:
            return element
        element = heavy[0]


def region(headline: Element | None, body: Element) -> list[Element]:
    """The smallest element holding headline and body, plus up to two following siblings."""
    top = body if headline is None else common_ancestor([headline, body])
    elements = [top]
    if tag_of(top) not in ("body", "html"):
        for sibling in top.itersiblings():
            if len(elements) == 3:
                break
            if isinstance(sibling.tag, str) and render([sibling]):
                elements.append(sibling)
    return elements


# ---------------------------------------------------------------- labels


def _caption_elements(tree: Element) -> set[Element]:
    found = set(tree.iter("figcaption"))
    found.update(tree.xpath("//*[@itemprop='caption' or @itemprop='copyrightHolder']"))
    for element in tree.iter(lxml.etree.Element):
        if element.get("class") and _has_token(element, _CAPTION_CLASS):
            found.add(element)
    return {e for e in found if len(e.text_content()) <= _CAPTION_MAX_CHARS}


def _inside(line: Line, elements: set[Element]) -> bool:
    return all(any(a in elements for a in self_and_ancestors(o)) for o in line.owners)


def _touches(line: Line, pattern: re.Pattern[str], tags: tuple[str, ...] = ()) -> bool:
    return any(_within(o, pattern, tags) is not None for o in line.owners)


def _in_date_element(line: Line) -> bool:
    """Whether the line is in a <time> or a date-class element of a date's size: Blogger's
    "date-posts" box holds the whole post, and its list items are no dates."""
    return any(
        (found := _within(o, _DATE_CLASS, ("time",))) is not None
        and len(found.text_content()) <= _DATE_MAX_CHARS
        for o in line.owners
    )


def _is_author_element(element: Element) -> bool:
    """rel=author, itemprop=author or an author/byline class on an element the size of a byline
    (Typepad puts "entry-author-..." on the whole post)."""
    return len(element.text_content()) <= _AUTHOR_MAX_CHARS and (
        element.get("rel") == "author"
        or "author" in (element.get("itemprop") or "").split()
        or "byline" in (element.get("class") or "").lower()  # "nodebyline", "bylineWrap"
        or (_has_token(element, _AUTHOR_CLASS) and not _has_token(element, _COMMENT_CLASS))
    )


def _author_elements(line: Line) -> list[Element]:
    """The author elements a line has text from, innermost first (within the article)."""
    found = []
    for owner in line.owners:
        for element in self_and_ancestors(owner):
            if tag_of(element) in ("body", "html", "article"):
                break
            if _is_author_element(element) and element not in found:
                found.append(element)
    return found


def markup_names(lines: Sequence[Line]) -> list[str]:
    """Names the author markup holds, for pages whose metadata names nobody on the page."""
    names = []
    for line in lines:
        if len(line.text.split()) <= _BYLINE_MAX_WORDS and _author_elements(line):
            texts = [line.text, *(e.text_content() for e in _author_elements(line))]
            for name in filter(None, (_plain_name(_cut_name(t)) for t in texts)):
                before = line.text.casefold().partition(name.casefold())[0]
                if _looks_like_name(name) or _BY_BEFORE.search(before):  # "/by jdadmin"
                    names.append(name)
    return list(dict.fromkeys(names))


def _looks_like_name(text: str) -> bool:
    """Two to five capitalised words, none of them a link's label ("View Profile")."""
    words = text.split()
    return (
        2 <= len(words) <= _NAME_MAX_WORDS
        and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)
        and not any(c.isdigit() for c in text)
        and not {w.lower().strip(".:") for w in words} & _NOT_NAMES
    )


def _cut_name(text: str) -> str:
    """A name up to where a date, a link's label, an agency in capitals or a glued label
    ("Jason PaurEmail Author") begins."""
    kept = []
    for word in collapse(text).split():
        pieces = _GLUED.split(word, maxsplit=1)
        glued = len(pieces) > 1 and _first_word(pieces[1]) in _NOT_NAMES | _DATE_WORDS
        word = pieces[0] if glued else word
        if word.lower().strip(".,:") in _NOT_NAMES | _DATE_WORDS:
            break
        bare = word.strip(".,;:")
        if kept and bare.isupper() and len(bare) > 1 and not kept[-1].isupper():
            break  # "Tom Fenwick HTN Sport": the agency after the name
        kept.append(word)
        if glued:
            break
    return " ".join(kept).removesuffix(" and").removesuffix(" &").strip()


def _first_word(text: str) -> str:
    match = re.match(r"[A-Z]?[a-z]+", text)
    return match.group().lower() if match else ""


def by_names(lines: Sequence[Line], start: int, end: int) -> list[str]:
    """Names after "by" on short lines between `start` and `end`: bylines with no markup.

    Not after "powered by", "photo by" and the like; a name ends where a date, a link's
    label or a glued word ("Jason PaurEmail Author") begins.
    """
    names = []
    for line in lines[max(0, start) : end]:
        if len(line.text.split()) > 15 or re.match(r"\d+[.)]\s", line.text):  # a list's item
            continue
        for match in _BY_NAME.finditer(line.text):
            if _NOT_BY.search(line.text[: match.start() + 1]):
                continue
            name = _cut_name(match.group(1))
            if name and _plain_name(name):
                names.append(name)
    return list(dict.fromkeys(names))


def _byline_names(line: Line, names: Sequence[str], near_top: bool) -> list[str] | None:
    """The author names on a byline line, or None when the line is not a byline.

    A name is not enough on a longer line (a story may mention its author, a comment its
    writer): the line must start with "By" or with the name, carry author markup, say "by"
    before the name, or be short (up to 15 words under the headline, else 8); a one-word name
    ("Intel") must stand alone or after "by".
    """
    words = len(line.text.split())
    if words > _BYLINE_MAX_WORDS or _SAYS.search(line.text):
        return None
    text = line.text.casefold()
    found = [n for n in names if n.casefold() in text]
    # The longest of names that extend each other ("News Nation Bureau", not "News Nation")
    named = [n for n in found if not any(m != n and n.casefold() in m.casefold() for m in found)]
    if not named:
        return None
    name = named[0].casefold()
    before, _, after = text.partition(name)
    if _BIO.match(after):  # "Jane Doe is a professor at ...": a note about the author
        return None
    by = bool(_BY.match(line.text)) or bool(_BY_BEFORE.search(before))
    if by or _author_elements(line):
        return named
    if len(name.split()) == 1:
        return named if text.strip(" .,:|-") == name else None
    return named if words <= (15 if near_top else 8) or not before.strip() else None


def _near_image(lines: Sequence[Line], index: int) -> bool:
    before = any(lines[i].image is not None for i in range(max(0, index - 1), index + 1))
    after = index + 1 < len(lines) and lines[index + 1].image is not None
    return before or after


def _icon(image: Element) -> bool:
    """An image too small to caption: an icon, an avatar, a share button."""
    sizes = [image.get("width") or "", image.get("height") or ""]
    return any(size.isdigit() and int(size) < 100 for size in sizes)


def _under_image(line: Line) -> str | None:
    """Why a line right under an image is its caption, if it is: captions without markup."""
    image = line.image
    words_count = len(line.text.split())
    if image is None or not 3 <= words_count <= _CAPTION_MAX_WORDS or _icon(image):
        return None
    if all(_within(o, _NEVER, ("a",)) is not None for o in line.owners):
        return None  # a link under a thumbnail: a related story, not a caption
    alt = set(re.findall(r"[^\W_]+", (image.get("alt") or image.get("title") or "").casefold()))
    words = re.findall(r"[^\W_]+", line.text.casefold())
    if alt and words and sum(w in alt for w in words) >= 0.6 * len(words):
        return "repeats the image's alt text"
    ancestors = set(self_and_ancestors(line.element))
    for box in image.iterancestors():
        if tag_of(box) in ("body", "html") or len(box.text_content()) > _CAPTION_MAX_CHARS:
            break
        if box in ancestors and _has_token(box, _IMAGE_BOX):
            return "in the image's box"
    if (
        all(_within(o, _NEVER, ("em", "i", "small")) is not None for o in line.owners)
        and words_count <= 25
        and line.text[0] not in "\"“‘'«„"
    ):
        return "in italics under an image"
    return None


@dataclass(frozen=True)
class Labelled:
    text: str
    label: str
    why: str


def _bylines(
    lines: Sequence[Line],
    matched: Sequence[int],
    headline: set[int],
    authors: Sequence[str],
    structural: dict[int, tuple[str, str]],
) -> dict[int, list[str]]:
    """Mark the byline lines above the story's end in `structural`; their names, by line.

    Names from the metadata and from "by Name" come first; the author markup's own text
    only where those find no byline (a class "author" also sits on icons and bio links).
    """
    story_end = max((i for i, count in enumerate(matched) if count), default=-1)
    # "by Name" counts near the top: under the headline, or above the first long paragraph.
    top = min(headline, default=-1)
    first_long = next(
        (i for i, count in enumerate(matched) if count and len(lines[i].text.split()) > 15),
        len(lines),
    )
    end = top + 8 if top >= 0 else first_long
    names: dict[int, list[str]] = {}
    for candidates in ([*authors, *by_names(lines, top - 3, end)], markup_names(lines[:story_end])):
        for index, line in enumerate(lines[:story_end]):
            decided = structural.get(index, ("boilerplate", ""))
            if decided[0] != "boilerplate" and not (
                decided[1] == "caption element" and _BY.match(line.text)
            ):
                continue  # a caption class on a "By ..." line is the site's styling
            found = _byline_names(line, candidates, top - 3 <= index <= end)
            if found is not None:
                structural[index] = ("byline", "author name on a short or marked line")
                names[index] = found
        if names:
            break
    for index in list(names):  # a "By" alone on its line, above the name
        if index and _BY.sub("", lines[index - 1].text) == "" and index - 1 not in structural:
            structural[index - 1] = ("byline", "'By' above a byline")
    return names


def label_lines(
    lines: Sequence[Line],
    matched: Sequence[int],
    headline: set[int],
    captions: set[Element],
    authors: Sequence[str],
    loose_truth: bool,
) -> tuple[list[Labelled], list[str]]:
    """Each line's label and the markup or truth that decided it; and the authors named.

    The order is the order of trust: the headline, caption markup and credits, dates, then
    bylines (a byline may carry a date), then captions guessed from an image above, then the
    truth. A `loose_truth` (Dragnet's) may hold captions and dates; where the truth leaves
    them out (ScrapingHub), a long caption-like line or a date that the truth holds is body.
    Below the last body line everything is trailer, but for the captions right under it.
    """
    structural: dict[int, tuple[str, str]] = {}

    def caption_ok(index: int) -> bool:
        return loose_truth or not matched[index] or len(lines[index].text.split()) < 12

    for index, line in enumerate(lines):
        words = len(line.text.split())
        if index in headline:
            structural[index] = ("headline", "headline element")
        elif _inside(line, captions) and caption_ok(index):
            structural[index] = ("caption", "caption element")
        elif words <= _CREDIT_MAX_WORDS and _CREDIT_PREFIX.match(line.text):
            structural[index] = ("caption", "photo credit")
        elif words <= _CREDIT_MAX_WORDS and _CREDIT.search(line.text) and _near_image(lines, index):
            structural[index] = ("caption", "credit next to an image")
        elif _CREDIT_LABEL.match(line.text) or (
            index and _CREDIT_LABEL.match(lines[index - 1].text) and words <= _CREDIT_MAX_WORDS
        ):
            structural[index] = ("caption", "photo credit and its label")
        elif words <= _DATE_MAX_WORDS and _in_date_element(line) and any(
            c.isdigit() for c in line.text
        ):
            structural[index] = ("boilerplate", "date element")
        elif date_line(line.text) and (loose_truth or not matched[index]):
            structural[index] = ("boilerplate", "a date alone")
        elif _LIST_HEADING.match(line.text):
            structural[index] = ("boilerplate", "heading of a list of links")
    for index, line in enumerate(lines):  # "09" / "July" / "2012": a date's pieces
        near = [structural.get(i, ("", ""))[1] for i in (index - 1, index + 1)]
        if line.text.isdigit() and len(line.text) <= 4 and "a date alone" in near:
            structural[index] = ("boilerplate", "a date alone")
    names = _bylines(lines, matched, headline, authors, structural)
    for index, line in enumerate(lines):
        if index not in structural and (why := _under_image(line)) and caption_ok(index):
            structural[index] = ("caption", why)
    body = [i for i, count in enumerate(matched) if count and i not in structural]
    last = max(body, default=-1)
    captions_after = last + 1  # the captions of a last photo, right under the story
    while structural.get(captions_after, ("", ""))[0] == "caption":
        captions_after += 1
    result = []
    for index, line in enumerate(lines):
        if index >= captions_after:
            label, why = "trailer", "after the last body line"
        elif index in structural:
            label, why = structural[index]
        elif matched[index]:
            label, why = "body", "in the true body"
        else:
            label, why = "boilerplate", "not in the true body"
        result.append(Labelled(line.text, label, why))
    # Names only from bylines above the story's end: the ones a reader sees as the byline.
    named = [name for index, found in names.items() if index <= last for name in found]
    return result, list(dict.fromkeys(named))


# ---------------------------------------------------------------- one page


def build_page(page: Page, corpus: str, source: str) -> dict[str, Any]:
    """The labelled record of one page; `reason` says why a page has no region or headline."""
    record: dict[str, Any] = {
        "corpus": corpus,
        "id": page.id,
        "url": page.url,
        "half": half_of(page.id) if is_split(corpus) else None,
        "source": source,
        "headline": None,
        "authors": [],
        "reason": None,
        "text": "",
        "lines": [],
    }
    try:
        tree = parse(page.read_bytes())
    except (ArticleCleanError, lxml.etree.ParserError) as error:
        record["reason"] = f"cannot read the page: {error}"
        return record
    meta = metadata(tree, page.url)
    truth_title = None
    if corpus.startswith(TITLE_IN_TRUTH):  # the truth's first line: evidence for the headline
        truth_title = next(iter(_truth_lines(page.truth)), None)
    body_root = tree.find("body")
    page_lines = render([body_root if body_root is not None else tree])
    if not page_lines:
        record["reason"] = "no visible text"
        return record
    matched = match_truth(page_lines, Truth.of(page.truth))
    body = body_element(page_lines, matched)
    if body is None:
        record["reason"] = "no true body text on the page"
        return record
    first_body = next(
        i for i, count in enumerate(matched) if count and _inside(page_lines[i], {body})
    )
    at = find_headline(page_lines, meta.titles, truth_title, first_body, meta.url)
    truth_body = page.truth
    if at is not None and corpus.startswith(TITLE_IN_TRUTH):
        truth_body = without_title(page.truth, page_lines[at].text)
    headline_element = _headline_element(page_lines[at]) if at is not None else None
    elements = region(headline_element, body)
    lines = render(elements)
    matched = match_truth(lines, Truth.of(truth_body))
    headline = set()
    if headline_element is not None:
        headline = {i for i, line in enumerate(lines) if _inside(line, {headline_element})}
        words = sum(len(lines[i].text.split()) for i in headline)
        if words > 40 or len(headline) > 3:  # a headline class on a box: the matching line
            same = [i for i in sorted(headline) if lines[i].text == page_lines[at].text]
            headline = set(same[:1])
    labelled, names = label_lines(
        lines,
        matched,
        headline,
        _caption_elements(tree),
        meta.authors,
        loose_truth=corpus.startswith(TITLE_IN_TRUTH),
    )
    record["headline"] = " ".join(lines[i].text for i in sorted(headline)) or None
    record["authors"] = names
    if not headline:
        record["reason"] = "no headline found"
    record["region"] = [_describe(e) for e in elements]
    texts = []
    position = 0
    for item in labelled:
        record["lines"].append(
            {
                "start": position,
                "end": position + len(item.text),
                "text": item.text,
                "label": item.label,
                "why": item.why,
            }
        )
        texts.append(item.text)
        position += len(item.text) + 2
    record["text"] = "\n\n".join(texts)
    return record


def _describe(element: Element) -> str:
    """A short name for an element: tag#id.class, for reading a record."""
    name = tag_of(element)
    if element.get("id"):
        name += "#" + element.get("id")
    if element.get("class"):
        name += "." + ".".join(element.get("class").split())
    return name


def _build(args: tuple[Page, str, str]) -> dict[str, Any]:
    return build_page(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=Path("../shared/bench-data"))
    parser.add_argument("--out", type=Path, default=Path(".bench-cache/fields"))
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for corpus in args.corpora.split(","):
        pages = load(args.root / corpus)
        work = [(p, corpus, str(p.path.relative_to(args.root))) for p in pages]
        with ProcessPoolExecutor(args.jobs) as pool:
            records = list(pool.map(_build, work, chunksize=4))
        kept = [r for r in records if r["lines"]]
        reasons = Counter(r["reason"] for r in records if r["reason"])
        path = args.out / f"{corpus}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in kept:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        counts = Counter(line["label"] for r in kept for line in r["lines"])
        print(f"{corpus}: {len(kept)} of {len(records)} pages written to {path}")
        for reason, count in sorted(reasons.items()):
            state = "kept" if reason == "no headline found" else "skipped"
            print(f"  {count:4} {state}: {reason}")
        print("  lines: " + ", ".join(f"{label} {counts[label]}" for label in LABELS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
