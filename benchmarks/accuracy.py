"""Body accuracy of article_clean beside its peers, on every dev set, in one run.

    python benchmarks/accuracy.py                         # every dev set in ../shared/bench-data
    python benchmarks/accuracy.py --sets dragnet,dragnet-text --worst 20
    python benchmarks/accuracy.py --data ../shared/bench-data/scrapinghub-region   # one folder
    python benchmarks/accuracy.py --fields --sets ''      # the field scores alone

The dev sets: ScrapingHub as HTML, as article-region text and as whole-page text, and Dragnet
as HTML and as whole-page text. Dragnet is split by page id into a "tune" half, which is read
and debugged, and a "check" half, which is only scored (`benchmarks/split.py`); both are
reported, with their gap. The HTML peers are trafilatura (default and favor_precision) and
readability-lxml; the text peers the C4 line filter and "everything is body". Every system runs
in this run on the same pages.

Dragnet's truth starts with the post's title; on it every system is also scored with its
headline prepended to its body ("+title"), and the summary reports that figure (a peer's title
is its own metadata's). Its truth also counts bylines, datelines and captions, which the Article
keeps apart from the body: a diagnostic row scores article_clean's headline, bylines, captions
and body together, in the page's order (never a target's figure). After the tables come the
worst pages that may be read (never a "check" page), each with a one-line reason, and a summary
of the targets.

`--fields` adds the field-by-field scores (headline, captions, byline, boilerplate left,
trailer) on the field corpus of `benchmarks/field_corpus.py`, built into the cache folder on
first use; `benchmarks/fields.py` says what each score means.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, Cleaner, Label  # noqa: E402
from benchmarks import baselines  # noqa: E402
from benchmarks.data import Page, load  # noqa: E402
from benchmarks.metric import Result, evaluate, score_page, shingles  # noqa: E402
from benchmarks.split import HALVES, half_of, is_split  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench-data"
DEV_SETS = ("scrapinghub", "scrapinghub-region", "scrapinghub-text", "dragnet", "dragnet-text")
TITLE_IN_TRUTH = ("dragnet",)  # corpora whose truth starts with the headline
# The HTML pages of a text corpus: where its trafilatura peer comes from for the empty-body check.
HTML_OF = {
    "scrapinghub-region": "scrapinghub",
    "scrapinghub-text": "scrapinghub",
    "dragnet-text": "dragnet",
}
EMPTY_BODY_CHARS = 200  # an empty body where trafilatura extracts this much is a miss
OURS = "article_clean"
TRAFILATURA = "trafilatura (default)"

Output = tuple[str, str]  # (headline or title, body)


# Systems are looked up by name in each worker process, so that only names and pages travel.
# Without the per-document time budget: a loaded machine would turn the slowest page (seven
# seconds alone) into an error and change the scores; speed is measured in speed.py.
@lru_cache(maxsize=None)
def _cleaner() -> Cleaner:
    return Cleaner(time_budget=None)


def _ours(page: Page, is_html: bool) -> Article:
    content = page.read_bytes() if is_html else page.read_text()
    return _cleaner().clean(content, url=page.url or None)


def _peer(page: Page, name: str, is_html: bool) -> Output:
    if is_html:
        return baselines.html_peers()[name].title_and_body(page.read_bytes(), page.url)
    text = page.read_text()
    return "", baselines.text_peers()[name](text)


def _run_ours(page: Page, is_html: bool) -> Article:
    return _ours(page, is_html)


def _peer_names(is_html: bool) -> list[str]:
    return list(baselines.html_peers() if is_html else baselines.text_peers())


@dataclass
class Corpus:
    name: str
    pages: list[Page]
    is_html: bool

    @property
    def split(self) -> bool:
        return is_split(self.name)

    @property
    def title_in_truth(self) -> bool:
        return self.name.startswith(TITLE_IN_TRUTH)

    def halves(self) -> list[tuple[str, list[Page]]]:
        if not self.split:
            return [("all", self.pages)]
        return [(h, [p for p in self.pages if half_of(p.id) == h]) for h in HALVES]

    def readable(self) -> list[Page]:
        """The pages one may open to debug: all of them, or the "tune" half."""
        return [p for p in self.pages if not self.split or half_of(p.id) == "tune"]


def _map(function: Callable[..., object], pages: Sequence[Page], *args: object, jobs: int) -> list:
    if jobs <= 1:
        return [function(page, *args) for page in pages]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(function, pages, *[[a] * len(pages) for a in args], chunksize=8))


def _cache_path(cache: Path | None, corpus: Corpus, name: str) -> Path | None:
    if cache is None:
        return None
    safe = "".join(c if c.isalnum() else "_" for c in name)
    return cache / corpus.name / f"{safe}-{baselines.peer_versions()}.json"


def run_peer(corpus: Corpus, name: str, jobs: int, cache: Path | None) -> dict[str, Output]:
    """A peer's (title, body) per page; peers do not change, so their output may be cached."""
    path = _cache_path(cache, corpus, name)
    if path is not None and path.is_file():
        stored = json.loads(path.read_text(encoding="utf-8"))
        if set(stored) >= {p.id for p in corpus.pages}:
            return {k: (v[0], v[1]) for k, v in stored.items()}
    results = _map(_peer, corpus.pages, name, corpus.is_html, jobs=jobs)
    outputs = {p.id: r for p, r in zip(corpus.pages, results)}
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
    return outputs


def _with_title(output: Output) -> str:
    title, body = output
    return f"{title}\n\n{body}" if title else body


# A diagnostic, not the metric: what a truth that counts bylines and captions as text (Dragnet's)
# would give the Article's text fields, in the page's order.
DIAGNOSTIC = f"{OURS} +title+captions+bylines"
_TEXT_FIELDS = frozenset({Label.HEADLINE, Label.BYLINE, Label.CAPTION, Label.BODY})


def _text_fields(article: Article) -> str:
    pieces = (s.text.strip() for s in article.segments if s.label in _TEXT_FIELDS)
    return "\n\n".join(piece for piece in pieces if piece)


@dataclass
class Scores:
    """One system's scores on each half of one corpus."""

    system: str
    by_half: dict[str, Result]


def score(corpus: Corpus, outputs: dict[str, str]) -> dict[str, Result]:
    return {
        half: evaluate({p.id: p.truth for p in pages}, outputs) for half, pages in corpus.halves()
    }


def _row(name: str, half: str, r: Result) -> str:
    return (
        f"  {name:38} {half:6} {r.precision:.3f} ±{r.precision_std:.3f}"
        f"  {r.recall:.3f} ±{r.recall_std:.3f}  {r.f1:.3f} ±{r.f1_std:.3f}"
    )


def _reason(page: Page, article: Article) -> str:
    """Why a page scored low: the biggest piece kept wrongly or lost, with the rule that lost it."""
    truth = shingles(page.truth)
    result = score_page(page.truth, article.body)
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
    parts = [f"P={result.precision or 0:.2f} R={result.recall or 0:.2f}"]
    if missing and (result.recall or 0) < 0.95:
        lost, segment = max(missing, key=lambda m: m[0])
        parts.append(
            f"lost {lost} shingles to {segment.rule} ({segment.label.value}): {_clip(segment.text)}"
        )
    if (result.precision or 0) < 0.95 and worst_extra:
        parts.append(f"kept {_clip(worst_extra)}")
    if not article.body:
        parts.append("empty body")
    return " | ".join(parts)


def _clip(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


@dataclass
class CorpusRun:
    corpus: Corpus
    articles: dict[str, Article]
    scores: dict[str, dict[str, Result]]  # system -> half -> result
    peers: dict[str, dict[str, Output]]


def run_corpus(corpus: Corpus, jobs: int, cache: Path | None, only: str | None) -> CorpusRun:
    articles_list = _map(_run_ours, corpus.pages, corpus.is_html, jobs=jobs)
    articles = {p.id: a for p, a in zip(corpus.pages, articles_list)}
    scores: dict[str, dict[str, Result]] = {}
    ours = {i: (a.headline or "", a.body) for i, a in articles.items()}
    systems: dict[str, dict[str, Output]] = {OURS: ours}
    peers: dict[str, dict[str, Output]] = {}
    for name in _peer_names(corpus.is_html):
        if only and only not in name and only != OURS:
            continue
        peers[name] = systems[name] = run_peer(corpus, name, jobs, cache)
    for name, outputs in systems.items():
        scores[name] = score(corpus, {i: body for i, (_, body) in outputs.items()})
        if corpus.title_in_truth:
            scores[f"{name} +title"] = score(
                corpus, {i: _with_title(o) for i, o in outputs.items()}
            )
    if corpus.title_in_truth:
        scores[DIAGNOSTIC] = score(corpus, {i: _text_fields(a) for i, a in articles.items()})
    return CorpusRun(corpus, articles, scores, peers)


def print_corpus(run: CorpusRun, worst: int) -> None:
    corpus = run.corpus
    sizes = ", ".join(f"{h} {len(p)}" for h, p in corpus.halves())
    kind = "HTML" if corpus.is_html else "text"
    print(f"\n== {corpus.name} ({kind}; {len(corpus.pages)} pages: {sizes}) ==")
    print(f"  {'system':38} {'half':6} {'P':>12}  {'R':>12}  {'F1':>12}")
    for name, by_half in run.scores.items():
        for half, result in by_half.items():
            print(_row(name, half, result))
    if corpus.split:
        for name in (OURS, f"{OURS} +title"):
            if name in run.scores:
                tune, check = run.scores[name]["tune"].f1, run.scores[name]["check"].f1
                print(f"  gap tune - check, {name}: {tune - check:+.3f}")
    if worst:
        readable = corpus.readable()
        label = "tune half" if corpus.split else "all pages"
        print(f"\n  article_clean's {worst} worst pages ({label}):")
        prepend = corpus.title_in_truth

        def page_f1(page: Page) -> float:
            article = run.articles[page.id]
            body = _with_title((article.headline or "", article.body)) if prepend else article.body
            return score_page(page.truth, body).f1

        for page in sorted(readable, key=page_f1)[:worst]:
            article = run.articles[page.id]
            where = page.url[:60] or str(page.path.name)
            print(f"    {page.id[:12]} F1={page_f1(page):.2f} {where}")
            print(f"        {_reason(page, article)}")


def empty_bodies(run: CorpusRun, html_run: CorpusRun | None) -> tuple[int, list[str]] | None:
    """Pages whose body is empty where trafilatura extracts EMPTY_BODY_CHARS or more."""
    source = run if run.corpus.is_html else html_run
    if source is None or TRAFILATURA not in source.peers:
        return None
    peer = source.peers[TRAFILATURA]
    missed = [
        i
        for i, article in run.articles.items()
        if not article.body.strip() and len(peer.get(i, ("", ""))[1]) >= EMPTY_BODY_CHARS
    ]
    return len(missed), [i for i in missed if not run.corpus.split or half_of(i) == "tune"]


def _f1(run: CorpusRun | None, system: str, half: str = "all") -> float | None:
    if run is None or system not in run.scores:
        return None
    return run.scores[system][half].f1


def print_summary(runs: dict[str, CorpusRun]) -> None:
    """The targets of the story-finding work, each with its figure from this run."""
    print("\n== summary ==")
    lines: list[str] = []
    sh = runs.get("scrapinghub")
    if sh is not None:
        f1 = sh.scores[OURS]["all"].f1
        lines.append(f"ScrapingHub HTML F1 {f1:.4f} (target >= 0.975)")
    for name, target in (("scrapinghub-region", 0.97), ("scrapinghub-text", 0.96)):
        if name in runs:
            lines.append(f"{name} F1 {runs[name].scores[OURS]['all'].f1:.4f} (target >= {target})")
    dragnet = runs.get("dragnet")
    best_peer: float | None = None
    if dragnet is not None:
        suffix = " +title" if dragnet.corpus.title_in_truth else ""
        for half in HALVES:
            ours = dragnet.scores[OURS + suffix][half]
            peers = {
                n: dragnet.scores[n + suffix][half]
                for n in dragnet.peers
                if n + suffix in dragnet.scores
            }
            line = (
                f"dragnet HTML {half}: F1 {ours.f1:.4f} P {ours.precision:.4f} R {ours.recall:.4f}"
            )
            if peers:
                best = max(peers, key=lambda n: peers[n].f1)
                line += f"; best peer {best} {peers[best].f1:.4f} (target F1 >= {peers[best].f1 + 0.01:.4f})"
                if half == "check":
                    best_peer = peers[best].f1
            if TRAFILATURA in peers:
                t = peers[TRAFILATURA]
                line += f"; trafilatura P {t.precision:.4f} R {t.recall:.4f}"
            lines.append(line)
    text = runs.get("dragnet-text")
    if text is not None:
        suffix = " +title" if text.corpus.title_in_truth else ""
        for half in HALVES:
            f1 = text.scores[OURS + suffix][half].f1
            line = f"dragnet text {half}: F1 {f1:.4f}"
            if best_peer is not None and half == "check":
                line += f" (target >= best HTML peer - 0.03 = {best_peer - 0.03:.4f})"
            lines.append(line)
    for name, run in runs.items():
        found = empty_bodies(run, runs.get(HTML_OF.get(name, "")))
        if found is not None:
            count, readable = found
            shown = f": {', '.join(readable[:12])}" if readable else ""
            lines.append(
                f"{name}: {count} empty bodies where trafilatura extracts >= {EMPTY_BODY_CHARS} chars"
                f" (readable ones{shown or ': none'})"
            )
    for line in lines:
        print(f"  {line}")


def _corpora(args: argparse.Namespace) -> list[Corpus]:
    if args.data:
        folders = [Path(args.data)]
    else:
        names = list(DEV_SETS) if args.sets is None else [n for n in args.sets.split(",") if n]
        folders = [Path(args.root) / name for name in names]
    corpora = []
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder; pass --root or --data")
        pages = load(folder)
        is_html = any(p.path.name.endswith((".html", ".html.gz")) for p in pages)
        corpora.append(Corpus(folder.name, pages, is_html))
    return corpora


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", default=str(DEFAULT_ROOT), help="the bench-data folder")
    parser.add_argument("--sets", help=f"comma-separated dev sets (default: {','.join(DEV_SETS)})")
    parser.add_argument("--data", help="one folder of bench-data instead of the dev sets")
    parser.add_argument("--only", help="run only the peers whose name contains this")
    parser.add_argument("--worst", type=int, default=10, help="worst readable pages to explain")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument(
        "--cache",
        default=str(Path(__file__).resolve().parent.parent / ".bench-cache"),
        help="folder for the peers' outputs, which do not change between runs ('' for none)",
    )
    parser.add_argument(
        "--save", help="write article_clean's headlines and bodies to this JSON file, by set/id"
    )
    parser.add_argument(
        "--fields", action="store_true", help="also score each Article field on the field corpus"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)

    cache = Path(args.cache) if args.cache else None
    runs: dict[str, CorpusRun] = {}
    for corpus in _corpora(args):
        run = runs[corpus.name] = run_corpus(corpus, args.jobs, cache, args.only)
        print_corpus(run, args.worst)
    if runs:
        print_summary(runs)
    if args.fields:
        _print_fields(Path(args.root), cache, args.jobs)
    if args.save:
        saved = {
            f"{n}/{i}": {"headline": a.headline, "body": a.body}
            for n, r in runs.items()
            for i, a in r.articles.items()
        }
        Path(args.save).write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    return 0


def _print_fields(root: Path, cache: Path | None, jobs: int) -> None:
    """The field scores, on the field corpus built from `root` (once, into the cache)."""
    from benchmarks import field_corpus, fields

    corpus = (cache or Path(".bench-cache")) / "fields"
    wanted = ("scrapinghub", "dragnet")
    if not all((corpus / f"{name}.jsonl").exists() for name in wanted):
        print(f"\n== building the field corpus in {corpus} ==")
        field_corpus.main(
            [
                "--root",
                str(root),
                "--out",
                str(corpus),
                "--corpora",
                ",".join(wanted),
                "--jobs",
                str(jobs),
            ]
        )
    print("\n== fields ==")
    fields.main(["--corpus", str(corpus), "--root", str(root), "--jobs", str(jobs)])


if __name__ == "__main__":
    raise SystemExit(main())
