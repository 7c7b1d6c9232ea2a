"""Field-by-field scores of article_clean on the field corpus of benchmarks/field_corpus.py.

    python benchmarks/field_corpus.py --root ../shared/bench-data --out .bench-cache/fields
    python benchmarks/fields.py --corpus .bench-cache/fields --root ../shared/bench-data
    python benchmarks/fields.py --show dragnet:113      # one readable page's lines and labels

The body metric cannot see a headline that is wrong, a caption left in the body or a byline
that carries its date. Here each page's rendered region text is cleaned as text, and every
line takes the label of the segment it fell in (one block per non-blank line); the page's HTML
is cleaned too, for the HTML headline. Per corpus, and per half for Dragnet:

- headline exact, text and HTML: equal after normalising whitespace and quote characters only;
  and from the page's whole text (`dragnet-text/`, `scrapinghub-text/`), where no region cuts
  the menus, sections and teasers above the story away;
- caption lines: precision and recall;
- byline: on pages whose region names an author, whether Article.byline holds a name
  ("found") and nothing but names and joining words such as "By" and "and" ("clean"), for
  the region's text and for the page's HTML (where the page's metadata may name the writer);
- boilerplate left: the share of boilerplate lines that ended up in the body, of all the
  lines, and its mean per page over the pages that have boilerplate lines (the issue's
  measure: a short page counts as much as a long one);
- trailer lines: precision and recall (and body lines, for context).

The worst examples come from pages one may read only (ScrapingHub and Dragnet "tune").
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Article, ArticleCleanError, Cleaner, Label  # noqa: E402
from benchmarks.data import Page  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench-data"
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / ".bench-cache" / "fields"
# article_clean's labels in the corpus's words: junk inside the story is "boilerplate" there.
LABEL_NAMES = {label: label.value for label in Label} | {Label.NOISE: "boilerplate"}
TARGETS = (
    "targets: headline exact >= 0.92 (text) and >= 0.95 (HTML); caption P >= 0.90, R >= 0.85;"
    " byline found and clean >= 0.85; boilerplate left <= 0.03; trailer P ~0.98, R ~0.95"
)
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
# Words that join names on a byline: what may stand beside the names and still be "clean".
_JOINERS = frozenset(
    "by and und et y e i og och en von par por di de da van der with text texto tekst "
    "текст автор и".split()
)


def normalise(text: str | None) -> str:
    """Whitespace collapsed and quote characters made plain: the only leeway a headline gets."""
    return _SPACE.sub(" ", (text or "").translate(_QUOTES)).strip()


@lru_cache(maxsize=None)
def _cleaner() -> Cleaner:
    return Cleaner(time_budget=None)  # as in accuracy.py: scores that do not depend on load


@dataclass(frozen=True)
class PageResult:
    """What article_clean made of one page: a label and rule per corpus line, and the fields."""

    corpus: str
    id: str
    half: str
    predicted: tuple[str, ...]
    rules: tuple[str, ...]
    headline_text: str | None
    headline_html: str | None
    byline: str | None
    misaligned: int
    error: str | None = None
    byline_html: str | None = None
    whole_read: bool = False  # the set has the page's whole text, and it was cleaned
    headline_whole: str | None = None  # the headline found in it


def line_labels(record: dict[str, Any], article: Article) -> tuple[list[str], list[str], int]:
    """The label and rule of the segment each corpus line starts in; and lines not found."""
    segments = article.segments
    starts = [s.start for s in segments]
    labels, rules, misaligned = [], [], 0
    for line in record["lines"]:
        at = bisect.bisect_right(starts, line["start"]) - 1
        segment = segments[at]
        if segment.text.strip() != line["text"] and not segment.text.strip().startswith(
            line["text"]
        ):
            misaligned += 1
        labels.append(LABEL_NAMES[segment.label])
        rules.append(segment.rule or "-")
    return labels, rules, misaligned


def score_page(record: dict[str, Any], root: Path) -> PageResult:
    """Clean one page's region text (and its HTML, for the headline) and label its lines."""
    cleaner = _cleaner()
    try:
        article = cleaner.clean(record["text"], kind="text", url=record["url"] or None)
        html = Page(record["id"], record["url"], "", root / record["source"]).read_bytes()
        page = cleaner.clean(html, kind="html", url=record["url"] or None)
    except ArticleCleanError as error:
        return failed_result(record, error)
    result = page_result(record, article, page)
    path = root / f"{record['corpus']}-text" / f"{record['id']}.txt"  # the page's whole text
    if not path.is_file():
        return result
    try:  # read as the region text is: a failure here is a headline not found, not a lost page
        whole = cleaner.clean(path.read_bytes(), kind="text", url=record["url"] or None)
    except ArticleCleanError:
        return replace(result, whole_read=True)
    return replace(result, whole_read=True, headline_whole=whole.headline)


def page_result(record: dict[str, Any], article: Article, page: Article | None) -> PageResult:
    """What the region text's Article made of the page's lines and fields; and the HTML
    page's headline and byline, where the page was cleaned too."""
    labels, rules, misaligned = line_labels(record, article)
    return PageResult(
        corpus=record["corpus"],
        id=record["id"],
        half=record["half"] or "all",
        predicted=tuple(labels),
        rules=tuple(rules),
        headline_text=article.headline,
        headline_html=page.headline if page is not None else None,
        byline=article.byline,
        misaligned=misaligned,
        byline_html=page.byline if page is not None else None,
    )


def failed_result(record: dict[str, Any], error: ArticleCleanError) -> PageResult:
    """A page the cleaner refused: counted as an error, not the run's end."""
    half = record["half"] or "all"
    return PageResult(
        record["corpus"], record["id"], half, (), (), None, None, None, 0, repr(error)
    )


def _score(args: tuple[dict[str, Any], Path]) -> PageResult:
    return score_page(*args)


def byline_state(byline: str | None, names: Sequence[str]) -> tuple[bool, bool]:
    """(found, clean): a name is in the byline; and nothing but names and joining words is."""
    if not byline or not names:
        return False, False
    rest = byline.casefold()
    found = any(name.casefold() in rest for name in names)
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name.casefold(), " ")
    extra = [w for w in re.findall(r"\w+", rest) if w not in _JOINERS]
    return found, found and not extra


@dataclass
class Tally:
    """Counts for one corpus half: pages, headlines, and line confusions."""

    pages: int = 0
    headlines: int = 0
    headline_text: int = 0
    headline_html: int = 0
    wholes: int = 0  # pages with a headline and a whole-page text
    headline_whole: int = 0
    authored: int = 0
    byline_found: int = 0
    byline_clean: int = 0
    byline_found_html: int = 0
    byline_clean_html: int = 0
    misaligned: int = 0
    errors: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (true, got): lines
    # Per page with boilerplate lines, the share of them left in the body: the measure
    # is this mean, where a long page counts as much as a short one; `left_in_body` pools lines.
    left_shares: list[float] = field(default_factory=list)

    def add(self, record: dict[str, Any], result: PageResult) -> None:
        self.pages += 1
        if result.error:
            self.errors += 1
            return
        self.misaligned += result.misaligned
        if record["headline"]:
            self.headlines += 1
            self.headline_text += normalise(result.headline_text) == normalise(record["headline"])
            self.headline_html += normalise(result.headline_html) == normalise(record["headline"])
            if result.whole_read:
                self.wholes += 1
                self.headline_whole += normalise(result.headline_whole) == normalise(
                    record["headline"]
                )
        if record["authors"]:
            self.authored += 1
            found, clean = byline_state(result.byline, record["authors"])
            self.byline_found += found
            self.byline_clean += clean
            found, clean = byline_state(result.byline_html, record["authors"])
            self.byline_found_html += found
            self.byline_clean_html += clean
        boilerplate = left = 0
        for line, predicted in zip(record["lines"], result.predicted):
            self.confusion[line["label"], predicted] += 1
            if line["label"] == "boilerplate":
                boilerplate += 1
                left += predicted == "body"
        if boilerplate:
            self.left_shares.append(left / boilerplate)

    def precision(self, label: str) -> float:
        predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
        return self.confusion[label, label] / predicted if predicted else float("nan")

    def recall(self, label: str) -> float:
        true = sum(n for (t, _), n in self.confusion.items() if t == label)
        return self.confusion[label, label] / true if true else float("nan")

    def pr(self, label: str) -> str:
        return f"P {self.precision(label):.3f}  R {self.recall(label):.3f}"

    def left_in_body(self) -> float:
        true = sum(n for (t, _), n in self.confusion.items() if t == "boilerplate")
        return self.confusion["boilerplate", "body"] / true if true else float("nan")

    def left_per_page(self) -> float:
        shares = self.left_shares
        return sum(shares) / len(shares) if shares else float("nan")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


def report(tallies: dict[tuple[str, str], Tally]) -> None:
    print("headline: exact after normalising whitespace and quote characters only")
    print(TARGETS)
    for (corpus, half), t in sorted(tallies.items()):
        print(f"\n{corpus} [{half}]: {t.pages} pages, {sum(t.confusion.values())} lines")
        print(f"  headline exact, text    {_share(t.headline_text, t.headlines)}")
        print(f"  headline exact, HTML    {_share(t.headline_html, t.headlines)}")
        print(f"  headline exact, whole-page text {_share(t.headline_whole, t.wholes)}")
        print(f"  caption lines           {t.pr('caption')}")
        print(f"  byline found            {_share(t.byline_found, t.authored)}")
        print(f"  byline found and clean  {_share(t.byline_clean, t.authored)}")
        print(f"  byline found, HTML      {_share(t.byline_found_html, t.authored)}")
        print(f"  byline found and clean, HTML {_share(t.byline_clean_html, t.authored)}")
        print(f"  boilerplate left        {t.left_in_body():.3f} of the lines, "
              f"{t.left_per_page():.3f} mean per page ({len(t.left_shares)} pages)")
        print(f"  trailer lines           {t.pr('trailer')}")
        print(f"  body lines              {t.pr('body')}")
        if t.misaligned or t.errors:
            print(f"  ({t.misaligned} lines not aligned to a segment, {t.errors} pages failed)")


def _clip(text: str | None, width: int = 90) -> str:
    if text is None:
        return "None"
    flat = normalise(text)
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


def _lines_where(
    record: dict[str, Any], result: PageResult, wrong: Iterable[tuple[str, str]]
) -> list[str]:
    """The page's lines whose (true, predicted) labels are among `wrong`, with their rules."""
    wanted = set(wrong)
    return [
        f"{line['label']} as {predicted} ({rule}): {_clip(line['text'], 70)}"
        for line, predicted, rule in zip(record["lines"], result.predicted, result.rules)
        if (line["label"], predicted) in wanted
    ]


def worst(pairs: Sequence[tuple[dict[str, Any], PageResult]], count: int) -> None:
    """A few readable pages per field, each with the reason it failed."""
    readable = [(r, p) for r, p in pairs if not p.error and (r["half"] in (None, "tune"))]
    print(f"\nworst examples ({count} per field, ScrapingHub and Dragnet tune only)")
    headline = [
        (r, p) for r, p in readable
        if r["headline"] and normalise(p.headline_text) != normalise(r["headline"])
    ]
    print("- headline (text path)")
    for r, p in headline[:count]:
        line = next(
            (f"{x} ({rule})" for x, rule, truth in zip(p.predicted, p.rules, r["lines"])
             if truth["label"] == "headline"),
            "-",
        )
        print(f"  {r['corpus']}:{r['id'][:12]} want {_clip(r['headline'], 70)}")
        print(f"      got {_clip(p.headline_text, 70)} (HTML {_clip(p.headline_html, 50)}); "
              f"its line labelled {line}")
    print("- headline (HTML path)")
    for r, p in [
        (r, p) for r, p in readable
        if r["headline"] and normalise(p.headline_html) != normalise(r["headline"])
    ][:count]:
        print(f"  {r['corpus']}:{r['id'][:12]} want {_clip(r['headline'], 70)}")
        print(f"      got {_clip(p.headline_html, 70)}")
    fields = {
        "caption": {("caption", x) for x in LABEL_NAMES.values() if x != "caption"}
        | {(x, "caption") for x in LABEL_NAMES.values() if x != "caption"},
        "boilerplate left in the body": {("boilerplate", "body")},
        "trailer": {("trailer", x) for x in LABEL_NAMES.values() if x != "trailer"}
        | {(x, "trailer") for x in LABEL_NAMES.values() if x != "trailer"},
    }
    for name, wrong in fields.items():
        print(f"- {name}")
        ranked = sorted(readable, key=lambda rp: -len(_lines_where(*rp, wrong)))
        for r, p in ranked[:count]:
            lines = _lines_where(r, p, wrong)
            if not lines:
                break
            print(f"  {r['corpus']}:{r['id'][:12]} {len(lines)} lines, e.g.")
            for line in lines[:3]:
                print(f"      {line}")
    print("- byline")
    shown = 0
    for r, p in readable:
        found, clean = byline_state(p.byline, r["authors"])
        if r["authors"] and not clean and shown < count:
            shown += 1
            why = "not clean" if found else "not found"
            lines = _lines_where(r, p, {("byline", x) for x in LABEL_NAMES.values()})
            print(f"  {r['corpus']}:{r['id'][:12]} {why}: names {r['authors']}, "
                  f"byline {_clip(p.byline, 60)}")
            for line in lines[:2]:
                print(f"      {line}")


def load_corpus(folder: Path, names: Sequence[str]) -> list[dict[str, Any]]:
    records = []
    for name in names:
        path = folder / f"{name}.jsonl"
        if not path.is_file():
            raise SystemExit(f"{path}: missing; build it with benchmarks/field_corpus.py")
        with path.open(encoding="utf-8") as lines:
            records.extend(json.loads(line) for line in lines)
    return records


def show(records: Sequence[dict[str, Any]], key: str, root: Path) -> None:
    """One readable page: each line's true label, article_clean's label and rule, and why."""
    corpus, _, page_id = key.partition(":")
    record = next((r for r in records if r["corpus"] == corpus and r["id"] == page_id), None)
    if record is None:
        raise SystemExit(f"{key}: no such page in the corpus")
    if record["half"] not in (None, "tune"):
        raise SystemExit(f"{key}: a 'check' page; those are scored, never read")
    result = score_page(record, root)
    print(f"===== {key} {record['url']} region={record['region']}")
    print(f"      headline={record['headline']!r} authors={record['authors']}")
    print(f"      got headline={result.headline_text!r} byline={result.byline!r}")
    for line, predicted, rule in zip(record["lines"], result.predicted, result.rules):
        mark = " " if predicted == line["label"] else "x"
        print(f"{mark} {line['label'][:7]:7} {predicted[:7]:7} {rule:7} | {line['text'][:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="field corpus folder")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="bench-data folder")
    parser.add_argument("--sets", default="scrapinghub,dragnet", help="corpora to score")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--worst", type=int, default=3, help="examples per field")
    parser.add_argument("--show", metavar="CORPUS:ID", help="print one readable page")
    args = parser.parse_args(argv)
    records = load_corpus(args.corpus, args.sets.split(","))
    if args.show:
        show(records, args.show, args.root)
        return 0
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(_score, [(r, args.root) for r in records], chunksize=4))
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for record, result in zip(records, results):
        tallies[record["corpus"], result.half].add(record, result)
    report(tallies)
    if args.worst:
        worst(list(zip(records, results)), args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
