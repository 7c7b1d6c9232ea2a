"""Body accuracy of article_clean beside its peers, on one folder of ../shared/bench-data.

    python benchmarks/accuracy.py --data ../shared/bench-data/scrapinghub-region
    python benchmarks/accuracy.py --data ../shared/bench-data/scrapinghub-text
    python benchmarks/accuracy.py --data ../shared/bench-data/scrapinghub        # HTML pages

Every system runs in this process on the same pages. For text folders the peers are the C4 line
filter and "everything is body"; for the HTML folder, trafilatura (default and favor_precision)
and readability-lxml, where installed. After the table come article_clean's ten worst pages,
each with a one-line reason, so the next person knows where the remaining error is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, Cleaner  # noqa: E402
from benchmarks import baselines  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import evaluate, score_page, shingles  # noqa: E402

System = Callable[[Page], str]


def text_systems(cleaner: Cleaner, articles: dict[str, Article]) -> dict[str, System]:
    def ours(page: Page) -> str:
        article = cleaner.clean(page.read_text(), url=page.url)
        articles[page.id] = article
        return article.body

    return {
        "article_clean": ours,
        "C4 line filter": lambda page: baselines.c4_line_filter(page.read_text()),
        "everything as body": lambda page: baselines.everything_as_body(page.read_text()),
    }


def html_systems(cleaner: Cleaner, articles: dict[str, Article]) -> dict[str, System]:
    def ours(page: Page) -> str:
        article = cleaner.clean(page.read_bytes(), url=page.url)
        articles[page.id] = article
        return article.body

    systems: dict[str, System] = {"article_clean": ours}
    systems.update(baselines.html_peers())
    return systems


def _reason(page: Page, article: Article) -> str:
    """Why a page scored low: the biggest piece kept wrongly or lost, with the rule that lost it."""
    truth = shingles(page.truth)
    score = score_page(page.truth, article.body)
    worst_extra = max(
        article.paragraphs,
        key=lambda p: sum((shingles(p) - truth).values()),
        default="",
    )
    missing = []
    for segment in article.segments:
        if segment.removed and segment.text.strip():
            lost = sum((shingles(segment.text) & truth).values())
            if lost:
                missing.append((lost, segment))
    parts = [f"P={score.precision or 0:.2f} R={score.recall or 0:.2f}"]
    if missing and (score.recall or 0) < 0.95:
        lost, segment = max(missing, key=lambda m: m[0])
        parts.append(
            f"lost {lost} shingles to {segment.rule} ({segment.label.value}): {_clip(segment.text)}"
        )
    if (score.precision or 0) < 0.95 and worst_extra:
        parts.append(f"kept {_clip(worst_extra)}")
    if not article.body:
        parts.append("empty body")
    return " | ".join(parts)


def _clip(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, help="a folder of ../shared/bench-data")
    parser.add_argument("--only", help="run only the systems whose name contains this")
    parser.add_argument("--worst", type=int, default=10, help="how many worst pages to explain")
    parser.add_argument("--save", help="write article_clean's bodies to this JSON file")
    args = parser.parse_args(argv)

    pages = load(args.data)
    is_html = any(p.path.name.endswith((".html", ".html.gz")) for p in pages)
    articles: dict[str, Article] = {}
    cleaner = Cleaner()
    systems = (html_systems if is_html else text_systems)(cleaner, articles)
    truth = {p.id: p.truth for p in pages}
    print(f"{len(pages)} pages from {args.data}\n")
    print(f"{'system':34} {'P':>13} {'R':>13} {'F1':>13}")
    outputs: dict[str, dict[str, str]] = {}
    for name, system in systems.items():
        if args.only and args.only not in name:
            continue
        predicted = {p.id: system(p) for p in pages}
        outputs[name] = predicted
        r = evaluate(truth, predicted)
        print(
            f"{name:34} {r.precision:.3f} ±{r.precision_std:.3f} {r.recall:.3f} ±{r.recall_std:.3f}"
            f" {r.f1:.3f} ±{r.f1_std:.3f}"
        )
    if args.save and "article_clean" in outputs:
        Path(args.save).write_text(
            json.dumps(outputs["article_clean"], ensure_ascii=False), encoding="utf-8"
        )
    if articles and args.worst:
        print(f"\narticle_clean's {args.worst} worst pages:")
        ranked = sorted(pages, key=lambda p: score_page(p.truth, articles[p.id].body).f1)
        for page in ranked[: args.worst]:
            f1 = score_page(page.truth, articles[page.id].body).f1
            print(
                f"  {page.id[:12]} F1={f1:.2f} {page.url[:60]}\n      {_reason(page, articles[page.id])}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
