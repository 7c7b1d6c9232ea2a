"""Scores by the part of each page that was read as the story's region.

    python benchmarks/paths.py                                   # Dragnet HTML, both halves
    python benchmarks/paths.py --data ../shared/bench-data/scrapinghub
    python benchmarks/paths.py --list                            # and the "tune" pages, by path

The HTML front end reads one of four things (`article_clean/regions.py`): trafilatura's main
content; readability's region, where trafilatura kept too little or no prose; the whole page,
after that region gave no story to the rules; the whole page, where readability kept nothing
either. A rule that helps on one path may hurt on another, and the paths are not equally common
on every corpus. Per path and half, this prints the pages and the mean page F1 of article_clean
and the HTML peers ("+title" where the truth opens with the post's title). It also prints the
pages where article_clean's body shares under 40 % of its text with each peer's: where the
systems disagree, a gap between the halves shows first. For "check", aggregates only; `--list`
names the "tune" pages alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import article_clean.html as html_module  # noqa: E402
from article_clean import Article, Cleaner, regions  # noqa: E402
from benchmarks.accuracy import (  # noqa: E402
    DEFAULT_ROOT,
    OURS,
    Corpus,
    Output,
    _cleaner,
    _map,
    _with_title,
    run_peer,
)
from benchmarks.baselines import html_peers  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import score_page, shingles  # noqa: E402

TRAFILATURA = "trafilatura's main content"
READABILITY = "readability's region"
READ_THEN_WHOLE = "readability's region, then the whole page"
WHOLE = "the whole page"
PATHS = (TRAFILATURA, READABILITY, READ_THEN_WHOLE, WHOLE)
DISAGREE = 0.4  # share of a peer's text that article_clean's output holds, under which they differ


def cleaned_with_path(cleaner: Cleaner, html: str | bytes) -> tuple[Article, str]:
    """`cleaner`'s Article of an HTML page, and the part of the page it was made from.

    The path is traced as the front end takes it, not inferred afterwards (a page read whole
    may hold no line outside the extractors' regions, or the same text as readability's): the
    region chooser (`regions.story_lines`) and the whole page's reader (`regions.whole_page`,
    also what the cleaner calls when readability's region gave no story) are watched.
    """
    taken: list[str] = []
    choose, read_whole = regions.story_lines, regions.whole_page

    def watched_whole(*args: Any, **kwargs: Any) -> Any:
        taken.append(READ_THEN_WHOLE if taken == [READABILITY] else WHOLE)
        return read_whole(*args, **kwargs)

    def watched_choice(*args: Any, **kwargs: Any) -> Any:
        lines, whole = choose(*args, **kwargs)
        if whole is not None:
            taken.append(READABILITY)
        elif not taken:  # neither readability's region nor the whole page
            taken.append(TRAFILATURA)
        return lines, whole

    with (
        mock.patch.object(html_module, "story_lines", watched_choice),
        mock.patch.object(regions, "whole_page", watched_whole),
    ):
        article = cleaner.clean(html, kind="html")
    return article, taken[-1] if taken else WHOLE


def _traced(page: Page) -> tuple[Article, str]:
    return cleaned_with_path(_cleaner(), page.read_bytes())


def shared(ours: str, theirs: str) -> float:
    """The share of `theirs`'s 4-token shingles that `ours` holds too (1.0 when it has none)."""
    wanted = shingles(theirs)
    total = sum(wanted.values())
    return sum((wanted & shingles(ours)).values()) / total if total else 1.0


def table(
    corpus: Corpus,
    articles: Mapping[str, Article],
    paths: Mapping[str, str],
    peers: Mapping[str, Mapping[str, Output]],
) -> dict[tuple[str, str, str], dict[str, list[float]]]:
    """(half, group, path) -> system -> the page F1s, for every path and for disagreeing pages."""
    rows: dict[tuple[str, str, str], dict[str, list[float]]]
    rows = defaultdict(lambda: defaultdict(list))
    title = corpus.title_in_truth
    for half, pages in corpus.halves():
        for page in pages:
            article = articles[page.id]
            ours = _with_title((article.headline or "", article.body)) if title else article.body
            outputs = {OURS: ours}
            bodies = []
            for name, by_page in peers.items():
                peer_output = by_page.get(page.id, ("", ""))
                outputs[name] = _with_title(peer_output) if title else peer_output[1]
                bodies.append(peer_output[1])
            apart = bool(bodies) and all(shared(ours, body) < DISAGREE for body in bodies)
            groups = ("all", "disagreeing") if apart else ("all",)
            for group in groups:
                for system, text in outputs.items():
                    rows[(half, group, paths[page.id])][system].append(
                        score_page(page.truth, text).f1
                    )
    return rows


def print_table(rows: Mapping[tuple[str, str, str], Mapping[str, list[float]]], size: int) -> None:
    """`size`: pages of the half, by which each path's share of the loss is weighed."""
    for (half, group, path), systems in sorted(rows.items()):
        pages = len(systems[OURS])
        means = "  ".join(f"{name} {statistics.mean(f1s):.3f}" for name, f1s in systems.items())
        loss = sum(1 - f1 for f1 in systems[OURS]) / size
        print(f"  {half:5} {group:11} {path:42} {pages:4} pages  F1: {means}  (1-F1)/n {loss:.4f}")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(DEFAULT_ROOT / "dragnet"), help="an HTML set")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument(
        "--cache",
        default=str(Path(__file__).resolve().parent.parent / ".bench-cache"),
        help="the peers' outputs, as accuracy.py caches them ('' for none)",
    )
    parser.add_argument("--list", action="store_true", help="name the readable pages by path")
    args = parser.parse_args(list(argv) if argv is not None else None)

    folder = Path(args.data)
    corpus = Corpus(folder.name, load(folder), is_html=True)
    if not any(p.path.name.endswith((".html", ".html.gz")) for p in corpus.pages):
        raise SystemExit(f"{folder}: not an HTML set; the paths are the HTML front end's")
    cache = Path(args.cache) if args.cache else None
    ids = [p.id for p in corpus.pages]
    traced = _map(_traced, corpus.pages, jobs=args.jobs)
    articles = {i: article for i, (article, _) in zip(ids, traced)}
    paths = {i: path for i, (_, path) in zip(ids, traced)}
    peers = {name: run_peer(corpus, name, args.jobs, cache) for name in html_peers()}
    print(f"== {corpus.name}: {len(corpus.pages)} pages ==")
    sizes = {half: len(pages) for half, pages in corpus.halves()}
    rows = table(corpus, articles, paths, peers)
    for half in sizes:
        print_table({key: value for key, value in rows.items() if key[0] == half}, sizes[half])
    if args.list:
        by_path: dict[str, list[str]] = defaultdict(list)
        for page in corpus.readable():
            by_path[paths[page.id]].append(page.id)
        for path in PATHS:
            if by_path[path] and path != TRAFILATURA:
                print(f"  {path}: {' '.join(by_path[path])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
