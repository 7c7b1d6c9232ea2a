"""Learned site rules, leave-one-out: do a site's own pages teach rules that help its next page?

    python benchmarks/learn.py                       # ScrapingHub and Dragnet HTML, the defaults
    python benchmarks/learn.py --min-pages 2 --min-share 0.5
    python benchmarks/learn.py --show example.com    # the rules a site's pages teach

Pages are grouped by site, the registered domain of their URL (Dragnet gives none: the page's
canonical link, as `clean()` reads it). On every site with at least three pages, each page in turn
is held out: rules are learned from the site's other pages (`article_clean.learn`) and the page is
cleaned with them and without. The body scores of `benchmarks/metric.py` are compared (for
Dragnet, whose truth starts with the title, headline and body: the "+title" figure of
`benchmarks/accuracy.py`): every page's recall must stay where it was, and precision must rise
on average.

Dragnet "check" pages are scored, never read: no line and no rule learned from one is printed,
and a site with a check page among its pages is named only by its number.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, Cleaner, RuleSet  # noqa: E402
from article_clean.learn import (  # noqa: E402
    DEFAULT_MIN_PAGES,
    DEFAULT_MIN_SHARE,
    Seen,
    SiteCounts,
    marker_ids,
    observe,
    registered_domain,
    site_rules,
)
from article_clean.learnfile import to_toml  # noqa: E402
from article_clean.metadata import canonical_url  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import PageScore, score_page  # noqa: E402
from benchmarks.split import half_of, is_split  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench-data"
CORPORA = ("scrapinghub", "dragnet")
MIN_SITE_PAGES = 3
TITLE_IN_TRUTH = ("dragnet",)


@dataclass
class Held:
    """One page of a site with enough pages: what it says, and its scores without and with."""

    corpus: str
    page: Page
    url: str
    readable: bool  # not a Dragnet "check" page
    seen: list[Seen] | None = None
    without: PageScore | None = None
    with_rules: PageScore | None = None
    rules: int = 0


def _cleaner(rules: Sequence[RuleSet] = ()) -> Cleaner:
    return Cleaner(rules=list(rules), time_budget=None, detect_language=False)


def page_url(page: Page) -> str | None:
    if page.url:
        return page.url
    tree = lxml.html.fromstring(page.read_bytes())
    return canonical_url(tree)


def sites_of(root: Path) -> dict[str, list[Held]]:
    """Pages by site, sites with at least three pages only."""
    sites: dict[str, list[Held]] = defaultdict(list)
    for corpus in CORPORA:
        for page in load(root / corpus):
            url = page_url(page)
            site = registered_domain(url)
            if site:
                readable = not is_split(corpus) or half_of(page.id) == "tune"
                sites[site].append(Held(corpus, page, url or "", readable))
    return {s: pages for s, pages in sorted(sites.items()) if len(pages) >= MIN_SITE_PAGES}


def scored(held: Held, article: Article) -> str:
    """The body; for Dragnet, whose truth starts with the post's title, the headline and body
    (the "+title" figure of benchmarks/accuracy.py): a teaser of the story in a list below it
    would otherwise be the only place the title is found."""
    if held.corpus in TITLE_IN_TRUTH and article.headline:
        return f"{article.headline}\n\n{article.body}"
    return article.body


def learn_without(
    site: str, pages: list[Held], held: Held, min_pages: int, min_share: float
) -> RuleSet | None:
    counts = SiteCounts()
    for other in pages:
        if other is not held and other.seen is not None:
            counts.add_page(other.seen)
    return site_rules(
        site, counts.pages, counts.lines.values(), min_pages=min_pages, min_share=min_share
    )


def run(root: Path, min_pages: int, min_share: float, show: str | None) -> int:
    sites = sites_of(root)
    plain = _cleaner()
    markers = marker_ids(plain)
    for pages in sites.values():
        for held in pages:
            article = plain.clean(held.page.read_bytes(), url=held.url or None, kind="html")
            held.seen = observe(article, markers)
            held.without = score_page(held.page.truth, scored(held, article))
    for site, pages in sites.items():
        for held in pages:
            learned = learn_without(site, pages, held, min_pages, min_share)
            if learned is None:
                held.with_rules = held.without
                continue
            held.rules = len(learned)
            article = _cleaner([learned]).clean(
                held.page.read_bytes(), url=held.url or None, kind="html"
            )
            held.with_rules = score_page(held.page.truth, scored(held, article))
        if show == site:
            _show(site, pages, min_pages, min_share)
    _report(sites, min_pages, min_share)
    everyone = [h for pages in sites.values() for h in pages]
    dropped = [h for h in everyone if _recall(h.with_rules) < _recall(h.without) - 1e-9]
    return 1 if dropped else 0


def _recall(score: PageScore | None) -> float:
    return (score.recall or 0.0) if score is not None else 0.0


def _show(site: str, pages: list[Held], min_pages: int, min_share: float) -> None:
    if not all(h.readable for h in pages):
        print(f"{site}: has Dragnet check pages, whose lines are never shown", file=sys.stderr)
        return
    learned = learn_without(site, pages, Held("", pages[0].page, "", True), min_pages, min_share)
    print(to_toml(learned) if learned is not None else f"# {site}: no rule learned\n")


def _scores(held: Iterable[Held], which: str) -> tuple[float, float, float]:
    """Mean precision over pages with output, mean recall, and their F1 (as metric.evaluate)."""
    scores = [getattr(h, which) for h in held]
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _report(sites: dict[str, list[Held]], min_pages: int, min_share: float) -> None:
    everyone = [h for pages in sites.values() for h in pages]
    print(
        f"leave-one-out on {len(sites)} sites with >= {MIN_SITE_PAGES} pages, "
        f"{len(everyone)} pages; min_pages={min_pages}, min_share={min_share}"
    )
    print(f"  {'pages':<34} {'n':>4}  {'P without':>9} {'P with':>7}  {'R without':>9} "
          f"{'R with':>7}  {'F1 without':>10} {'F1 with':>7}")
    groups = {
        "all": everyone,
        "scrapinghub": [h for h in everyone if h.corpus == "scrapinghub"],
        "dragnet tune": [h for h in everyone if h.corpus == "dragnet" and h.readable],
        "dragnet check": [h for h in everyone if h.corpus == "dragnet" and not h.readable],
        "pages given rules": [h for h in everyone if h.rules],
    }
    for name, held in groups.items():
        if not held:
            continue
        p0, r0, f0 = _scores(held, "without")
        p1, r1, f1 = _scores(held, "with_rules")
        print(f"  {name:<34} {len(held):>4}  {p0:>9.4f} {p1:>7.4f}  {r0:>9.4f} {r1:>7.4f}  "
              f"{f0:>10.4f} {f1:>7.4f}")
    changed = [h for h in everyone if h.with_rules != h.without]
    lower = [h for h in everyone if _recall(h.with_rules) < _recall(h.without) - 1e-9]
    rules = sum(h.rules for h in everyone)
    print(f"  rules applied: {rules} over {sum(1 for h in everyone if h.rules)} pages; "
          f"bodies changed: {len(changed)}; pages whose recall fell: {len(lower)}")
    numbers = {site: number for number, site in enumerate(sites, 1)}
    for held in lower:
        site = next(s for s, pages in sites.items() if held in pages)
        named = site if all(h.readable for h in sites[site]) else f"site #{numbers[site]}"
        print(f"    recall fell: {named} {held.corpus}/{held.page.id if held.readable else '-'} "
              f"{_recall(held.without):.3f} -> {_recall(held.with_rules):.3f}")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(DEFAULT_ROOT), help="the bench-data folder")
    parser.add_argument("--min-pages", type=int, default=DEFAULT_MIN_PAGES)
    parser.add_argument("--min-share", type=float, default=DEFAULT_MIN_SHARE)
    parser.add_argument("--show", metavar="SITE", help="print the rules a site's pages teach")
    args = parser.parse_args(list(argv) if argv is not None else None)
    return run(Path(args.root), args.min_pages, args.min_share, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
