"""Real pages, mutated: what random strings miss, because the rules see real structure.

    python benchmarks/mutated_pages.py --root ../shared/bench-data            # 100 pages
    python benchmarks/mutated_pages.py --root ../shared/bench-data --pages 20 --seed 3

Each page (ScrapingHub, then Dragnet "tune") is cleaned after each of several mutations: cut
short, bytes flipped, a stretch repeated thirty times, its lines joined into one or split at
every tag, its markup cut mid-tag, re-encoded as UTF-16, references to characters no page shows
(`&#xFFFE;`, the reader's own marks), its paragraphs turned into list items that open with a
break or a paragraph, and nested lists. A fault is any of: an error that is not one of
article_clean's typed errors, segments that do not give the text back, a body that changes when
cleaned again as text, a mark of the reader's (U+FDD0-U+FDD2) left in the text, or more than
three seconds a megabyte. `docs/robustness.md` ("Fuzzing") says what the method found.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import ArticleCleanError, clean  # noqa: E402
from benchmarks.data import load  # noqa: E402
from benchmarks.split import half_of  # noqa: E402

SECONDS_PER_MB = 3.0  # slower than this on a page is a fault: a step worse than linear
_MARKS = ("\ufdd0", "\ufdd1", "\ufdd2")
_UNREADABLE = ("&#xFFFE;", "&#1;", "&#xD800;", "&#xFDD2;", "&#64977;", "&#x110000;")

Mutation = Callable[[bytes, random.Random], bytes | str]


def _text(page: bytes) -> str:
    return page.decode("utf-8", "replace")


def _cut_short(page: bytes, rng: random.Random) -> bytes:
    return page[: rng.randrange(1, max(2, len(page)))]


def _bytes_flipped(page: bytes, rng: random.Random) -> bytes:
    data = bytearray(page)
    for _ in range(max(1, len(data) // 500)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _stretch_repeated(page: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(max(1, len(page) - 500))
    return page[:start] + page[start : start + 500] * 30 + page[start:]


def _one_line(page: bytes, rng: random.Random) -> str:
    return re.sub(r"\s*\n\s*", " ", _text(page))


def _split_at_tags(page: bytes, rng: random.Random) -> str:
    return _text(page).replace("<", "\n<")


def _markup_cut(page: bytes, rng: random.Random) -> str:
    text = _text(page)
    tags = [m.start() for m in re.finditer("<", text)]
    return text[: rng.choice(tags) + 3] if tags else text


def _utf16(page: bytes, rng: random.Random) -> bytes:
    return _text(page).encode("utf-16")


def _unreadable_references(page: bytes, rng: random.Random) -> str:
    return re.sub("<p>", lambda _: "<p>" + rng.choice(_UNREADABLE), _text(page), count=20)


def _paragraphs_as_items(page: bytes, rng: random.Random) -> str:
    opening = rng.choice(("<ul><li><br>", "<ul><li><p>", "<ul><li><img src='a.jpg'><br>"))
    return _text(page).replace("<p>", opening).replace("</p>", "</li></ul>")


def _nested_lists(page: bytes, rng: random.Random) -> str:
    return _text(page).replace("<p>", "<ul><li><ul><li>", 5)


MUTATIONS: dict[str, Mutation] = {
    "cut short": _cut_short,
    "bytes flipped": _bytes_flipped,
    "a stretch repeated 30 times": _stretch_repeated,
    "lines joined": _one_line,
    "split at every tag": _split_at_tags,
    "markup cut mid-tag": _markup_cut,
    "re-encoded as UTF-16": _utf16,
    "unreadable references": _unreadable_references,
    "paragraphs as list items": _paragraphs_as_items,
    "nested lists": _nested_lists,
}


def faults(content: bytes | str) -> Iterator[str]:
    """What goes wrong when `content` is cleaned as HTML, then its body again as text."""
    started = time.perf_counter()
    try:
        article = clean(content, kind="html")
    except ArticleCleanError:
        return  # refused with a typed error: what bad input should get
    except Exception as error:  # noqa: BLE001 - the fault this looks for
        yield f"untyped {type(error).__name__}: {error}"[:160]
        return
    seconds = time.perf_counter() - started
    megabytes = len(content) / 1e6
    if seconds > 0.5 and seconds > SECONDS_PER_MB * megabytes:
        yield f"slow: {seconds:.2f} s for {megabytes:.2f} MB"
    if "".join(segment.text for segment in article.segments) != article.text:
        yield "segments do not give the text back"
    if any(mark in article.text for mark in _MARKS):
        yield "a mark of the reader's is left in the text"
    if clean(article.body, kind="text").body != article.body:
        yield "the body changes when cleaned again"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("../shared/bench-data"))
    parser.add_argument("--pages", type=int, default=100, help="pages to mutate")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pages = [page for page in load(args.root / "scrapinghub")]
    pages += [page for page in load(args.root / "dragnet") if half_of(page.id) == "tune"]
    # Warmed up first: the first page's time would count the imports, the language model and
    # the rules' compilation (about a second), and a page of 0.3 MB is allowed 0.9 s.
    clean(pages[0].read_bytes(), kind="html")
    cases = found = 0
    for page in pages[: args.pages]:
        original = page.read_bytes()
        for name, mutate in MUTATIONS.items():
            cases += 1
            for fault in faults(mutate(original, rng)):
                found += 1
                print(f"{page.id[:16]:16}  {name:28}  {fault}")
    print(f"{cases} mutated pages, {found} faults")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
