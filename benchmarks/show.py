"""One page's blocks as article_clean labelled them, each marked by whether the truth holds it.

    python benchmarks/show.py --data ../shared/bench-data/dragnet R727 312
    python benchmarks/show.py --data ../shared/bench-data/scrapinghub-region --worst 5

For debugging a rule: a line starts with "T" when most of its 4-token shingles are in the
page's true body, "." otherwise; then its label, the rule that decided it, its word count and
its text. A page of a split corpus's "check" half is refused: those are scored,
never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, Cleaner  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import score_page, shingles  # noqa: E402
from benchmarks.split import half_of, is_split  # noqa: E402


def _clean(cleaner: Cleaner, page: Page, is_html: bool) -> Article:
    content = page.read_bytes() if is_html else page.read_text()
    return cleaner.clean(content, url=page.url or None)


def show(page: Page, article: Article, width: int) -> None:
    truth = shingles(page.truth)
    body = f"{article.headline or ''}\n\n{article.body}"
    f1 = score_page(page.truth, body).f1
    print(f"===== {page.id} F1(+headline)={f1:.2f} url={page.url or '-'}")
    print(f"      headline={article.headline!r} byline={article.byline!r}")
    for segment in article.segments:
        text = segment.text.strip()
        if not text:
            continue
        own = shingles(text)
        size = sum(own.values())
        mark = "T" if size and sum((own & truth).values()) / size > 0.5 else "."
        flat = " ".join(text.split())
        print(
            f"{mark} {segment.label.value[:7]:7} {segment.rule or '':7} {len(flat.split()):4}"
            f" | {flat[:width]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, help="a folder of ../shared/bench-data")
    parser.add_argument("ids", nargs="*", help="page ids")
    parser.add_argument("--worst", type=int, default=0, help="show the N worst readable pages")
    parser.add_argument("--width", type=int, default=140, help="characters of text per line")
    args = parser.parse_args(argv)

    folder = Path(args.data)
    split = is_split(folder.name)
    pages = {p.id: p for p in load(folder)}
    is_html = any(p.path.name.endswith((".html", ".html.gz")) for p in pages.values())
    cleaner = Cleaner()
    chosen = [pages[i] for i in args.ids if i in pages]
    for missing in (i for i in args.ids if i not in pages):
        print(f"{missing}: no such page in {folder}", file=sys.stderr)
    if split:
        refused = [p.id for p in chosen if half_of(p.id) != "tune"]
        if refused:
            raise SystemExit(f"refused: {', '.join(refused)} in the 'check' half, never read")
    articles = {p.id: _clean(cleaner, p, is_html) for p in chosen}
    if args.worst:
        readable = [p for p in pages.values() if not split or half_of(p.id) == "tune"]
        for page in readable:
            articles[page.id] = _clean(cleaner, page, is_html)
        readable.sort(key=lambda p: score_page(p.truth, articles[p.id].body).f1)
        chosen += readable[: args.worst]
    try:
        for page in chosen:
            show(page, articles[page.id], args.width)
    except BrokenPipeError:  # piped into head: the reader has seen enough
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
