"""Which built-in rules earn their keep on pages nobody has read: each switched off in turn.

    python benchmarks/ablation.py                       # every built-in rule, every dev set
    python benchmarks/ablation.py --rules STO001,NOI100 --jobs 2
    python benchmarks/ablation.py --fields              # the Article's fields instead of the body

For each rule, the change in body F1 (the benchmark metric; Dragnet's with the headline
prepended, as `accuracy.py` reports it) when the cleaner runs without it, on ScrapingHub's
HTML, region text and whole-page text and on Dragnet's HTML and text, each Dragnet half apart.
Nothing is read here but scores: a "check" page is never shown.

How to read it: a rule whose absence raises the F1 of both Dragnet halves does more harm than
good on pages it was not made from, and is mended or removed. One whose absence helps "tune"
only is a rule that fits the pages read, which the "check" half says nothing for. Rules that
another rule needs (its `needs` tags) are switched off with it, and the row names them.

`--fields`: the same for the field scores of `benchmarks/fields.py` on the text path (caption
lines' precision and recall, the headline exact, the byline found and clean, the boilerplate
left in the body), on the field corpus of `benchmarks/field_corpus.py`; a rule's row lists the
scores it moves by 0.001 or more.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article_clean import ArticleCleanError, Cleaner, RuleConfigError  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.fields import (  # noqa: E402
    DEFAULT_CORPUS,
    PageResult,
    Tally,
    failed_result,
    load_corpus,
    page_result,
)
from benchmarks.metric import PageScore, score_page  # noqa: E402
from benchmarks.split import half_of, is_split  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench-data"
SETS = ("scrapinghub", "scrapinghub-region", "scrapinghub-text", "dragnet", "dragnet-text")
TITLE_IN_TRUTH = ("dragnet",)  # as accuracy.py: Dragnet's truth opens with the headline
_NEEDED_BY = re.compile(r"rule (\S+) needs a rule tagged")


@dataclass(frozen=True)
class Job:
    disabled: tuple[str, ...]
    path: str
    url: str
    html: bool
    titled: bool


@lru_cache(maxsize=4)
def _cleaner(disabled: tuple[str, ...]) -> Cleaner:
    # No time budget: a loaded machine must not change a score (as in accuracy.py).
    return Cleaner(disable=disabled, time_budget=None)


def _body(job: Job) -> str:
    page = Page("", job.url, "", Path(job.path))
    content = page.read_bytes() if job.html else page.read_text()
    try:
        article = _cleaner(job.disabled).clean(content, url=job.url or None)
    except ArticleCleanError:  # a page the cleaner refuses scores as an empty body
        return ""
    if job.titled and article.headline:
        return f"{article.headline}\n\n{article.body}"
    return article.body


def with_dependents(rule: str) -> tuple[str, ...]:
    """`rule` and every rule that cannot run without it (its `needs`), switched off together."""
    disabled = [rule]
    while True:
        try:
            Cleaner(disable=disabled).rule_sets  # noqa: B018 - the sets are checked when built
        except RuleConfigError as error:
            found = _NEEDED_BY.search(str(error))
            if found is None or found.group(1) in disabled:
                raise
            disabled.append(found.group(1))
            continue
        return tuple(disabled)


def _f1(scores: Sequence[PageScore]) -> float:
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def columns(root: Path, sets: Sequence[str]) -> list[tuple[str, list[Page], bool, bool]]:
    """(column name, its pages, HTML or not, headline prepended or not), a half per column."""
    found = []
    for name in sets:
        pages = load(root / name)
        html = pages[0].path.name.endswith((".html", ".html.gz"))
        titled = name.startswith(TITLE_IN_TRUTH)
        if is_split(name):
            for half in ("tune", "check"):
                chosen = [p for p in pages if half_of(p.id) == half]
                found.append((f"{name}:{half}", chosen, html, titled))
        else:
            found.append((name, pages, html, titled))
    return found


def score(
    pool: ProcessPoolExecutor,
    disabled: tuple[str, ...],
    cols: list[tuple[str, list[Page], bool, bool]],
) -> list[float]:
    jobs = [
        Job(disabled, str(page.path), page.url, html, titled)
        for _, pages, html, titled in cols
        for page in pages
    ]
    bodies = iter(pool.map(_body, jobs, chunksize=16))
    return [
        _f1([score_page(page.truth, next(bodies)) for page in pages]) for _, pages, _, _ in cols
    ]


FIELD_SETS = ("dragnet", "scrapinghub")


def _field_result(job: tuple[tuple[str, ...], dict[str, Any]]) -> PageResult:
    disabled, record = job
    try:
        article = _cleaner(disabled).clean(record["text"], kind="text", url=record["url"] or None)
    except ArticleCleanError as error:
        return failed_result(record, error)
    return page_result(record, article, None)


def field_scores(
    pool: ProcessPoolExecutor, disabled: tuple[str, ...], records: list[dict[str, Any]]
) -> dict[str, float]:
    """Each field score by "corpus:half": caption P and R, headline, byline, boilerplate left."""
    tallies: dict[str, Tally] = {}
    jobs = [(disabled, record) for record in records]
    for record, result in zip(records, pool.map(_field_result, jobs, chunksize=16)):
        key = f"{record['corpus']}:{record['half'] or 'all'}"
        tallies.setdefault(key, Tally()).add(record, result)
    scores = {}
    for key, tally in sorted(tallies.items()):
        scores[f"{key} caption P"] = tally.precision("caption")
        scores[f"{key} caption R"] = tally.recall("caption")
        scores[f"{key} headline"] = tally.headline_text / max(tally.headlines, 1)
        scores[f"{key} byline clean"] = tally.byline_clean / max(tally.authored, 1)
        scores[f"{key} boilerplate left"] = tally.left_in_body()
    return scores


def _moved(before: float, after: float) -> str | None:
    """A field score's change, if it moved by FIELD_STEP or more; a score that appears or
    vanishes (no caption predicted, say: a precision of nothing) is said as such."""
    if math.isnan(before) and math.isnan(after):
        return None
    if math.isnan(before) or math.isnan(after):
        return f"{before:.3f} -> {after:.3f}"
    return f"{after - before:+.3f}" if abs(after - before) >= FIELD_STEP else None


def fields_main(plan: list[tuple[str, ...]], corpus: Path, sets: Sequence[str], jobs: int) -> None:
    records = load_corpus(corpus, sets)
    print("Field scores with every rule on, then those each rule moves when off\n")
    with ProcessPoolExecutor(jobs) as pool:
        base = field_scores(pool, (), records)
        for name, value in base.items():
            print(f"  {name:38} {value:.3f}")
        print(flush=True)
        for disabled in plan:
            scores = field_scores(pool, disabled, records)
            moved = [
                f"{name} {change}"
                for name, value in base.items()
                if (change := _moved(value, scores[name])) is not None
            ]
            also = f" (with {', '.join(disabled[1:])})" if len(disabled) > 1 else ""
            print(f"{disabled[0]:8}{also} " + ("; ".join(moved) or "-"), flush=True)


FIELD_STEP = 0.001  # a field score that moves less is left out of a rule's row


def builtin_rules() -> list[str]:
    return [rule.id for rule_set in Cleaner().rule_sets for rule in rule_set.rules]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=BENCH, help="the bench-data folder (body)")
    parser.add_argument(
        "--sets",
        help=f"comma-separated sets (default: {','.join(SETS)}; "
        f"with --fields, of the field corpus: {','.join(FIELD_SETS)})",
    )
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--fields", action="store_true", help="score the fields, not the body")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="field corpus folder")
    args = parser.parse_args(argv)
    known = FIELD_SETS if args.fields else SETS
    sets = [s for s in (args.sets or ",".join(known)).split(",") if s]
    if not sets or not set(sets) <= set(known):
        parser.error(f"--sets: one or more of {', '.join(known)}")
    # Each rule with those that need it, known before any page is cleaned: a mistyped id is
    # said at once, not after the first half hour.
    try:
        plan = [with_dependents(r) for r in args.rules.split(",") if r]
    except RuleConfigError as error:
        parser.error(str(error))
    plan = plan or [with_dependents(r) for r in builtin_rules()]
    if args.fields:
        fields_main(plan, args.corpus, sets, args.jobs)
        return 0
    cols = columns(args.root, sets)
    names = [name for name, *_ in cols]
    width = max(len(name) for name in names)
    print("F1 with every rule on, then its change with each rule off (+ : better without it)\n")
    with ProcessPoolExecutor(args.jobs) as pool:
        base = score(pool, (), cols)
        print(f"{'rule':8} " + " ".join(f"{name:>{width}}" for name in names))
        print(f"{'(all on)':8} " + " ".join(f"{value:>{width}.4f}" for value in base), flush=True)
        for disabled in plan:
            changes = [new - old for new, old in zip(score(pool, disabled, cols), base)]
            also = f"  (with {', '.join(disabled[1:])})" if len(disabled) > 1 else ""
            row = " ".join(f"{change:>+{width}.4f}" for change in changes)
            print(f"{disabled[0]:8} {row}{also}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
