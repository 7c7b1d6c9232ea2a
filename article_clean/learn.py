"""Learning a site's rules from its own pages: the lines its template repeats on every page.

Each page is cleaned with the built-in rules, and each of its lines is normalised (numbers, dates
and times become placeholders, so "12 Comments" and "3 Comments" are one line) and noted with
where it sat: before the story, inside it (between its first and last body line), after it, or
as the line that opens the part after it. The notes are counted per site (the URL's registered
domain), and a line seen on enough of a site's pages becomes a rule of that site's rule set:

- noise, for a line before or inside the story;
- trailer, for a line after it; of scope "rest" where it opens the part after the story on most
  of its pages and never sits inside the story, so the rest of the page goes with it.

Never a story line. A line is learned only where it is on at least `min_pages` pages and
`min_share` of the site's pages. A line inside the found story on some page (between its first
and last body line) is learned only where it is on most of the site's pages (over half). A line
the cleaner kept as the body on some page (a recurring sign-off sentence, the same wire-service
paragraph in two stories) needs far more: most of the site's pages, at least `STORY_EVIDENCE`
times `min_pages` pages, and the cleaner's own verdict that it is no story on most of them (kept
as body on fewer than half); a line the cleaner keeps on most of its pages is, by its own
judgement, story, and a paragraph that two or three stories share is on a few pages, not most.
Neither kind opens the trailer with scope "rest". A line kept as headline, byline or caption on
any page is left alone (a noise rule would take it out of its field), and so is one a built-in
marker already removes on every page.

Patterns are exact: anchored at both ends, the line's text escaped, only the placeholders as
classes, with no repeat inside a repeat that could match the same text two ways, so a search runs
in linear time and a learned rule can never match a story sentence that merely contains the line.

Counting is streaming, in bounded memory per site: lossy counting (Manku and Motwani, 2002) of
hashed normalised lines. Every `BUCKET_PAGES` pages of a site, the lines seen too rarely to ever
reach one page in `BUCKET_PAGES` are dropped; a line dropped and seen again is counted from then
on, with the pages it may have missed (`missed`) kept as its error bound. So a site's memory
holds about `BUCKET_PAGES` pages' worth of lines whatever its number of pages, and every line on
at least one page in `BUCKET_PAGES` is kept, with its count short by at most that share: a line
is learned on its counted (lowest possible) pages, and suspected of being story on its highest
possible body count. One pass was chosen over two because the costly step is cleaning each page,
which a second pass would repeat; over a count-min sketch because a sketch overcounts, and an
overcount is what would turn a story line into a rule. Below `BUCKET_PAGES` pages a site's
counts are exact, and they are what the Spark aggregation (`article_clean.spark.learn_rules`)
counts exactly on any number of pages.
"""

from __future__ import annotations

import functools
import hashlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from .cleaner import Cleaner
from .document import domain_of, suffix_list
from .errors import ArticleCleanError, InputError, RuleConfigError
from .model import Article, KindOption, Label
from .rules import PatternRule, RuleSet, Stage

DEFAULT_MIN_PAGES = 3
DEFAULT_MIN_SHARE = 0.3
STORY_EVIDENCE = 5  # a line kept as body on some page needs this many times min_pages pages
MOST = 0.5  # "most pages": more than this share
BUCKET_PAGES = 100  # lossy counting's bucket: lines on under 1% of a site's pages may be dropped
MAX_LINE_CHARS = 500  # longer lines are paragraphs or long notices: left out, to keep counts small

SiteKey = Callable[[str | None], str | None]

# What varies between pages of one template, each with the pattern that matches it back.
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAYS = r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_NUMBER = r"\d+(?:[.,:/]\d+)*"
_PLACEHOLDERS = {
    "N": _NUMBER,
    "M": _MONTHS + r"\.?",
    "D": _DAYS + r"\.?",
    "T": r"[AaPp]\.?[Mm]\.?",
}
_VARYING = regex.compile(
    rf"(?P<N>{_NUMBER})"
    rf"|(?P<M>\b{_MONTHS}\b\.?(?=\s*\d))"
    rf"|(?P<D>\b{_DAYS}\b\.?(?=,?\s*(?:{_MONTHS}|\d)))"
    r"|(?<=\d\s?)(?P<T>[AaPp]\.?[Mm]\b\.?)"
)
_MARK = "\x1d"  # starts a placeholder in a normalised line (a control character lines never hold)
_PIECE = regex.compile(rf"{_MARK}[NMDT]|\s+|[^\s{_MARK}]+")
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\w{3,}")


def normalise(line: str) -> str:
    """The line with what varies between pages (numbers, dates, times) as placeholders."""
    line = " ".join(line.replace(_MARK, " ").split())
    return str(_VARYING.sub(lambda m: _MARK + str(m.lastgroup), line))


def pattern_of(template: str) -> str:
    """The anchored, escaped pattern matching exactly the lines `template` stands for."""
    parts = []
    for piece in _PIECE.findall(template):
        if piece.startswith(_MARK):
            parts.append(_PLACEHOLDERS[piece[1:]])
        elif piece.isspace():
            parts.append(r"\s+")
        else:
            parts.append(regex.escape(piece))
    return "^" + "".join(parts) + "$"


def line_key(template: str) -> int:
    """A 64-bit signed hash of a normalised line (a Spark long)."""
    digest = hashlib.blake2b(template.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def site_key(site: SiteKey | None) -> SiteKey:
    """The function from a page's URL to its site: the caller's `site`, its answers read as
    domains are ("WWW.Example.com." is "example.com": one site, one rule file), else the
    registered domain."""
    if site is None:
        return registered_domain
    return functools.partial(_domain_named, site)


def _domain_named(site: SiteKey, url: str | None) -> str | None:
    named = site(url)
    return (domain_of(named) or named) if isinstance(named, str) and named else named


def registered_domain(url: str | None) -> str | None:
    """The site of `url`: its registered domain ('bbc.co.uk' for news.bbc.co.uk), else its host.

    A trailing dot ('example.com.', the same host written fully qualified) is no other site."""
    host = domain_of(url) or ""
    if not host:
        return None
    return suffix_list()(host).top_domain_under_public_suffix or host


@dataclass(frozen=True)
class Seen:
    """One distinct normalised line of one page, and where it sat there."""

    template: str
    example: str
    body: bool  # the cleaner kept it as story body
    kept: bool  # kept as headline, byline or caption
    marked: bool  # a built-in marker (a rule judging the line alone) removed it
    zone: str | None  # "before", "inside" or "after" the story; None on a page without one
    opens: bool  # the first line after the story


def observe(article: Article, markers: frozenset[str]) -> list[Seen]:
    """The distinct lines of a cleaned page, each where it first sat (`markers`: rule ids that
    judge a line by its text alone)."""
    lines = [(s.text.strip(), s.label, s.rule) for s in article.segments]
    body = [i for i, (_, label, _) in enumerate(lines) if label is Label.BODY]
    first, last = (body[0], body[-1]) if body else (None, None)
    found: dict[str, Seen] = {}
    for index, (text, label, rule) in enumerate(lines):
        if not text or len(text) > MAX_LINE_CHARS or not _LETTER.search(text):
            continue
        template = normalise(text)
        if first is None or last is None:
            zone = None
        else:
            zone = "before" if index < first else "inside" if index <= last else "after"
        seen = Seen(
            template=template,
            example=text,
            body=label is Label.BODY,
            kept=label in (Label.HEADLINE, Label.BYLINE, Label.CAPTION),
            marked=rule in markers,
            zone=zone,
            opens=last is not None and index == last + 1,
        )
        earlier = found.get(template)
        if earlier is None:
            found[template] = seen
        else:  # where it first sat, unless it was inside the story too: any story place counts
            found[template] = Seen(
                template,
                earlier.example,
                earlier.body or seen.body,
                earlier.kept or seen.kept,
                earlier.marked and seen.marked,
                "inside" if seen.zone == "inside" else earlier.zone,
                earlier.opens or seen.opens,
            )
    return list(found.values())


@dataclass
class LineStats:
    """What one site's pages say about one normalised line; counts are pages."""

    template: str
    pages: int = 0
    body: int = 0
    kept: int = 0
    marked: int = 0
    before: int = 0
    inside: int = 0
    after: int = 0
    opens: int = 0
    missed: int = 0  # pages it may have been on before it was (again) counted
    first_example: str = ""  # the smallest and largest example in code-point order
    last_example: str = ""

    def add(self, seen: Seen) -> None:
        self.pages += 1
        self.body += seen.body
        self.kept += seen.kept
        self.marked += seen.marked
        self.opens += seen.opens
        if seen.zone == "before":
            self.before += 1
        elif seen.zone == "inside":
            self.inside += 1
        elif seen.zone == "after":
            self.after += 1
        if not self.first_example or seen.example < self.first_example:
            self.first_example = seen.example
        if seen.example > self.last_example:
            self.last_example = seen.example

    @property
    def examples(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for e in (self.first_example, self.last_example) if e))


class SiteCounts:
    """The lossy count of one site's lines (see the module's docstring)."""

    def __init__(self) -> None:
        self.pages = 0
        self.lines: dict[int, LineStats] = {}

    def add_page(self, seen: Iterable[Seen]) -> None:
        self.pages += 1
        bucket = -(-self.pages // BUCKET_PAGES)
        for item in seen:
            key = line_key(item.template)
            stats = self.lines.get(key)
            if stats is None:
                stats = self.lines[key] = LineStats(item.template, missed=bucket - 1)
            stats.add(item)
        if self.pages % BUCKET_PAGES == 0:
            self.lines = {k: s for k, s in self.lines.items() if s.pages + s.missed > bucket}


@dataclass(frozen=True)
class Evidence:
    """Why a rule was learned: on how many of the site's pages its line was, and where."""

    site: str
    pages: int
    of: int
    before: int
    inside: int
    after: int
    opens: int
    body: int
    examples: tuple[str, ...]

    def summary(self) -> str:
        where = ", ".join(
            f"{n} {name}"
            for n, name in (
                (self.before, "before the story"),
                (self.inside, "inside the story"),
                (self.after, "after the story"),
                (self.opens, "first after the story"),
                (self.body, "kept as body"),
            )
            if n
        )
        return f"seen on {self.pages} of {self.pages_word} of {self.site}" + (
            f" ({where})" if where else ""
        )

    @property
    def pages_word(self) -> str:
        return f"{self.of} pages" if self.of != 1 else "1 page"


class LearnedRule(PatternRule):
    """A PatternRule that carries the evidence it was learned from."""

    def __init__(self, *args: Any, evidence: Evidence, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.evidence = evidence


def decide(
    stats: LineStats, site_pages: int, *, min_pages: int, min_share: float
) -> tuple[Label, str] | None:
    """The label and scope a line is learned with, or None where it is not learned."""
    pages = stats.pages  # the lowest it can be
    if pages < min_pages or pages < min_share * site_pages:
        return None
    if stats.kept or stats.marked >= pages:
        return None
    body = stats.body + stats.missed  # the highest they can be
    inside = stats.inside + stats.missed
    if (body or inside) and pages <= MOST * site_pages:
        return None  # inside the story somewhere: only a line on most pages
    if body and (body >= MOST * pages or pages < STORY_EVIDENCE * min_pages):
        return None  # the story on some pages: far more pages, and kept on fewer than half
    if stats.after > stats.before + stats.inside:
        rest = not (body or inside) and stats.opens > MOST * pages
        return Label.TRAILER, "rest" if rest else "block"
    return Label.NOISE, "block"


def rule_prefix(site: str) -> str:
    """A rule id prefix of the site's name and two letters of its hash: ids of sites differ."""
    name = site.split(".")[0] if "." in site else site
    letters = "".join(c for c in name.upper() if "A" <= c <= "Z")[:5] or "SITE"
    digest = hashlib.blake2b(site.encode("utf-8"), digest_size=2).digest()
    return letters + "".join(chr(ord("A") + b % 26) for b in digest)


_ZONE_ORDER = {Label.NOISE: 0, Label.TRAILER: 1}


def site_rules(
    site: str, site_pages: int, lines: Iterable[LineStats], *, min_pages: int, min_share: float
) -> RuleSet | None:
    """The site's learned rule set, or None where no line qualifies."""
    chosen = []
    for stats in lines:
        decision = decide(stats, site_pages, min_pages=min_pages, min_share=min_share)
        if decision is not None:
            chosen.append((decision, stats))
    if not chosen:
        return None
    chosen.sort(key=lambda c: (_ZONE_ORDER[c[0][0]], -c[1].pages, c[1].template))
    prefix = rule_prefix(site)
    width = 3 if len(chosen) < 1000 else 4
    rules = []
    for number, ((label, scope), stats) in enumerate(chosen, 1):
        evidence = Evidence(
            site,
            stats.pages,
            site_pages,
            stats.before,
            stats.inside,
            stats.after,
            stats.opens,
            stats.body,
            stats.examples,
        )
        examples = "; ".join(repr(e) for e in evidence.examples)
        words = sorted(_WORD.findall(regex.sub(rf"{_MARK}[NMDT]", " ", stats.template)), key=len)
        rules.append(
            LearnedRule(
                f"{prefix}{number:0{width}d}",
                label,
                pattern_of(stats.template),
                scope=scope,
                requires=[words[-1]] if words else (),
                linear=True,
                examples=evidence.examples,
                description=f"learned: {evidence.summary()}; e.g. {examples}",
                evidence=evidence,
            )
        )
    return RuleSet(
        f"learned-{site}",
        rules,
        stage=Stage.MARKERS,
        domains=[site],
        description=f"lines repeated on the pages of {site}, learned from {site_pages} pages",
        origin="learned",
    )


def rule_sets_from_counts(
    counts: Mapping[str, tuple[int, Iterable[LineStats]]], *, min_pages: int, min_share: float
) -> dict[str, RuleSet]:
    """{site: (pages, line stats)} to {site: RuleSet}, sites without a learned rule left out."""
    found = {}
    for site in sorted(counts):
        pages, lines = counts[site]
        learned = site_rules(site, pages, lines, min_pages=min_pages, min_share=min_share)
        if learned is not None:
            found[site] = learned
    return found


def check_thresholds(min_pages: Any, min_share: Any) -> None:
    if isinstance(min_pages, bool) or not isinstance(min_pages, int) or min_pages < 2:
        raise ValueError(f"min_pages must be a whole number of 2 or more, got {min_pages!r}")
    if isinstance(min_share, bool) or not isinstance(min_share, (int, float)):
        raise TypeError(f"min_share must be a number between 0 and 1, got {min_share!r}")
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be in (0, 1], got {min_share!r}")


def check_site(site: Any) -> None:
    """A site key must be a domain name: its rule set applies to the pages of that domain."""
    try:
        if not isinstance(site, str):
            raise RuleConfigError("not a string")
        RuleSet("site", [], domains=[site])
    except RuleConfigError:
        raise ValueError(
            f"site {site!r} is not a domain name ('example.com'): a learned rule set applies to "
            "the pages of its domain"
        ) from None


def marker_ids(cleaner: Cleaner) -> frozenset[str]:
    """Ids of the rules that judge a line by its text alone."""
    return frozenset(
        r.id for s in cleaner.rule_sets if s.stage is Stage.MARKERS for r in s.rules
    )


class Learner:
    """Streaming learner: `add` pages one at a time, then `rule_sets()`."""

    def __init__(
        self,
        *,
        site: SiteKey | None = None,
        cleaner: Cleaner | None = None,
        kind: KindOption | None = None,
    ) -> None:
        self.site = site_key(site)
        self.keyed = site is not None  # the caller's site key, whose mistakes are not the pages'
        self.cleaner = cleaner or Cleaner(detect_language=False)
        self.kind = kind
        self.markers = marker_ids(self.cleaner)
        self.sites: dict[str, SiteCounts] = {}
        self.pages = 0
        self.without_site = 0

    def add(self, content: str | bytes, url: str | None = None) -> str | None:
        """Count one page; its site, or None where it has none. Raises what `clean` and
        `add_article` raise."""
        return self.add_article(self.cleaner.clean(content, url=url, kind=self.kind), url)

    def add_article(self, article: Article, url: str | None = None) -> str | None:
        """Count a page cleaned elsewhere (by `self.cleaner`'s settings, for instance in
        `clean_many`'s workers); its site, or None where it has none. Raises InputError, counting
        nothing, where the page's URL names no domain (a bad record, not a bad run)."""
        site = self.site_of(url or article.url)
        self.pages += 1
        if site is None:
            self.without_site += 1
            return None
        self.sites.setdefault(site, SiteCounts()).add_page(observe(article, self.markers))
        return site

    def site_of(self, url: str | None) -> str | None:
        """The site of a page at `url`, or None; InputError where its host is no domain name
        (ValueError where the caller's site key gives one: that is the key's mistake)."""
        site = self.site(url)
        if not site or site in self.sites:
            return site or None
        try:
            check_site(site)
        except ValueError:
            if self.keyed:
                raise
            raise InputError(
                f"the URL {url!r} names no domain ('example.com'), so the page has no site to "
                "learn for"
            ) from None
        return site

    def rule_sets(
        self, *, min_pages: int = DEFAULT_MIN_PAGES, min_share: float = DEFAULT_MIN_SHARE
    ) -> dict[str, RuleSet]:
        check_thresholds(min_pages, min_share)
        counts = {site: (c.pages, c.lines.values()) for site, c in self.sites.items()}
        return rule_sets_from_counts(counts, min_pages=min_pages, min_share=min_share)


def _pairs(documents: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
    if isinstance(documents, (str, bytes)):
        raise TypeError("documents must be an iterable of (content, url) pairs, not one document")
    for index, item in enumerate(documents):
        if isinstance(item, (str, bytes)):
            yield item, None
        elif isinstance(item, tuple) and len(item) == 2:
            yield item
        else:
            what = (
                f"a tuple of {len(item)} items" if isinstance(item, tuple) else type(item).__name__
            )
            raise TypeError(
                f"document {index}: each document must be a (content, url) pair or a str, "
                f"not {what}"
            )


def _add(learner: Learner, index: int, content: Any, url: str | None) -> None:
    """Count one document; a document without text (a None, as a JSON null gives) is a bad
    document like one that cannot be cleaned, not a TypeError from deep inside `clean`."""
    if not isinstance(content, (str, bytes)):
        raise InputError(
            f"document {index} has no text: its content is {type(content).__name__}, "
            "not str or bytes"
        )
    learner.add(content, url)


def learn_rules(
    documents: Iterable[tuple[str | bytes | None, str | None] | str | bytes],
    *,
    min_pages: int = DEFAULT_MIN_PAGES,
    min_share: float = DEFAULT_MIN_SHARE,
    site: SiteKey | None = None,
    cleaner: Cleaner | None = None,
    kind: KindOption | None = None,
    on_error: Callable[[int, ArticleCleanError], None] | None = None,
) -> dict[str, RuleSet]:
    """Each site's rule set, learned from the lines its pages repeat (see the module docstring).

    `documents`: (text or HTML, url) pairs; an HTML page without a URL is placed by its canonical
    link. `site` maps a URL to its group (default: the registered domain). A page that cannot be
    cleaned, has no text, or whose URL names no domain is left out and passed to
    `on_error(index, error)`; without it, a warning names how many were left out and why the
    first was. Pages with no site at all (no URL and no canonical link) are left out with a
    warning that counts them, unless `site` is given (it may leave pages out on purpose).
    """
    check_thresholds(min_pages, min_share)
    learner = Learner(site=site, cleaner=cleaner, kind=kind)
    failed: list[tuple[int, ArticleCleanError]] = []
    for index, (content, url) in enumerate(_pairs(documents)):
        if url is not None and not isinstance(url, str):
            raise TypeError(
                f"document {index}: url must be a str or None, not {type(url).__name__}"
            )
        try:
            _add(learner, index, content, url)
        except ArticleCleanError as error:
            if on_error is not None:
                on_error(index, error)
            else:
                failed.append((index, error))
    if learner.without_site and not learner.keyed:
        # Not errors (a caller's `site` key may leave pages out on purpose), but never silent:
        # a page with no URL, or one with no host, and no canonical link teaches no site.
        warnings.warn(
            f"learn_rules: {learner.without_site} document(s) have no site (no URL, or a URL "
            "with no host, and no canonical link on the page) and taught nothing",
            stacklevel=2,
        )
    if failed:
        first, reason = failed[0]
        warnings.warn(
            f"learn_rules: {len(failed)} document(s) could not be used and were left out "
            f"(document {first}: {type(reason).__name__}: {reason})",
            stacklevel=2,
        )
    return learner.rule_sets(min_pages=min_pages, min_share=min_share)
