"""Where the body's missing text goes: the ground truth that article_clean leaves out, by the
rule that took it, or because it never reached the page's text.

    python benchmarks/losses.py                                    # Dragnet HTML, "tune"
    python benchmarks/losses.py --data ../shared/bench-data/dragnet --half check   # totals only
    python benchmarks/losses.py --data ../shared/bench-data/scrapinghub

Per page, the truth's 4-token shingles that the output (headline, then body: the "+title" of
`accuracy.py` where the truth opens with the title) lacks are looked for in the Article's
whole text: each counts for the removed segment where it starts (a shingle across two segments,
as a paragraph cut into lines makes, is found there too); what the text does not hold never
reached the text the rules saw (the HTML front end, trafilatura's region or the page read whole,
left it out). Shares are of all the truth's shingles (not averaged per page as the F1 is), so
they say which mechanism costs recall, not the F1 itself; `--per-page` weighs every page alike
instead, as the F1's recall does, so that a short post's lost lines count as much as a long
page's. The pages that lose most to each rule are listed for the halves one may read ("tune"
and ScrapingHub); for "check", totals only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, Cleaner, Label  # noqa: E402
from benchmarks.accuracy import TITLE_IN_TRUTH  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import SIZE, TOKEN, shingles  # noqa: E402
from benchmarks.split import half_of, is_split  # noqa: E402

UNSEEN = "never in the text (the front end left it out)"


def output(article: Article, title: bool) -> str:
    if title and article.headline:
        return f"{article.headline}\n\n{article.body}"
    return article.body


def _shingle_places(article: Article) -> dict[tuple[str, ...], list[int]]:
    """Where each 4-token shingle of the Article's whole text starts: the index of the segment
    holding its first token. A shingle across two segments (a paragraph cut into lines) is
    found too: the segments' own shingles would miss it."""
    tokens: list[tuple[str, int]] = []
    for number, segment in enumerate(article.segments):
        tokens.extend((match.group(), number) for match in TOKEN.finditer(segment.text))
    places: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(max(len(tokens) - SIZE + 1, 1 if tokens else 0)):
        window = tokens[i : i + SIZE]
        places[tuple(word for word, _ in window)].append(window[0][1])
    return places


def losses(page: Page, article: Article, title: bool) -> Counter[str]:
    """The truth's missing shingles of one page, by where they went: the rule of the removed
    segment where the shingle starts (a shingle the text holds more than once, the first
    removed place)."""
    missing = shingles(page.truth) - shingles(output(article, title))
    places = _shingle_places(article)
    segments = article.segments
    found: Counter[str] = Counter()
    for shingle, count in missing.items():
        removed = [n for n in places.get(shingle, ()) if segments[n].label is not Label.BODY]
        if removed:
            segment = segments[removed[0]]
            found[f"{segment.label.value} {segment.rule or '-'}"] += count
        else:
            found[UNSEEN] += count
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/bench-data/dragnet", help="bench-data folder")
    parser.add_argument("--half", choices=("tune", "check"), default="tune")
    parser.add_argument("--top", type=int, default=20, help="causes listed")
    parser.add_argument(
        "--per-page", action="store_true", help="each page's share of its own truth, averaged"
    )
    args = parser.parse_args(argv)
    corpus = Path(args.data).name
    split = is_split(corpus)
    pages = [p for p in load(args.data) if not split or half_of(p.id) == args.half]
    readable = not split or args.half == "tune"
    title = corpus.startswith(TITLE_IN_TRUTH)  # as accuracy.py scores it ("+title")
    cleaner = Cleaner(time_budget=None)
    totals: Counter[str] = Counter()
    shares: Counter[str] = Counter()  # per page: the share of that page's truth
    by_page: dict[str, list[tuple[float, str]]] = defaultdict(list)
    truth = 0
    for page in pages:
        content = page.read_text() if page.path.suffix == ".txt" else page.read_bytes()
        article = cleaner.clean(content, url=page.url or None)
        page_truth = sum(shingles(page.truth).values())
        truth += page_truth
        for cause, count in losses(page, article, title).items():
            totals[cause] += count
            shares[cause] += count / max(page_truth, 1)
            weight = count / max(page_truth, 1) if args.per_page else count
            by_page[cause].append((weight, page.id))
    lost = sum(totals.values())
    name = f"{corpus} {args.half}" if split else corpus
    print(f"{name}: {len(pages)} pages, {truth:,} truth shingles, {lost:,} missing "
          f"({lost / max(truth, 1):.3f}; per page {sum(shares.values()) / max(len(pages), 1):.3f})")
    ranked = shares if args.per_page else totals
    for cause, _ in ranked.most_common(args.top):
        worst = sorted(by_page[cause], reverse=True)[:4] if readable else []
        if args.per_page:
            pages_shown = ", ".join(f"{page_id} ({n:.2f})" for n, page_id in worst)
            share = shares[cause] / max(len(pages), 1)
        else:
            pages_shown = ", ".join(f"{page_id} ({n:.0f})" for n, page_id in worst)
            share = totals[cause] / max(truth, 1)
        print(f"  {share:.4f}  {totals[cause]:7,}  {cause:40} {pages_shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
