"""Pages per second of article_clean beside its peers, single process, in the same run.

    python benchmarks/speed.py --data ../shared/bench-data/scrapinghub-region
    python benchmarks/speed.py --data ../shared/bench-data/scrapinghub       # HTML pages

Inputs are read into memory first, so only cleaning is timed. Each page is cleaned by every
system in turn, `--rounds` times, and each page's best CPU time counts (the least disturbed by
whatever else the machine is doing). The last column is each peer's speed as a ratio of
article_clean's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Cleaner  # noqa: E402
from benchmarks import baselines  # noqa: E402
from benchmarks.data import load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True, help="a folder of ../shared/bench-data")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    pages = load(args.data)
    is_html = any(p.path.name.endswith((".html", ".html.gz")) for p in pages)
    cleaner = Cleaner()
    systems: dict[str, Callable[[object], object]]
    if is_html:
        inputs: list[object] = [(p.read_bytes(), p.url) for p in pages]
        systems = {"article_clean": lambda item: cleaner.clean(item[0], url=item[1])}  # type: ignore[index]
        for name, peer in baselines.html_peers().items():
            systems[name] = lambda item, peer=peer: peer.extract(item[0], item[1])  # type: ignore[index]
    else:
        inputs = [(p.read_text(), p.url) for p in pages]
        systems = {
            "article_clean": lambda item: cleaner.clean(item[0], url=item[1]),  # type: ignore[index]
            "C4 line filter": lambda item: baselines.c4_line_filter(item[0]),  # type: ignore[index]
        }
    for system in systems.values():  # warm up: compile rules, import lazily loaded modules
        system(inputs[0])
    # Page by page, each system in turn, in the thread's CPU time: a slow spell of the machine
    # (another process, a throttled core) then hits every system alike, not one system's pass.
    best = {name: [float("inf")] * len(inputs) for name in systems}
    for _ in range(args.rounds):
        for index, item in enumerate(inputs):
            for name, system in systems.items():
                start = time.thread_time()
                system(item)
                best[name][index] = min(best[name][index], time.thread_time() - start)
    totals = {name: sum(times) for name, times in best.items()}
    ours = len(inputs) / totals["article_clean"]
    print(
        f"{len(inputs)} pages from {args.data}, each page's best of {args.rounds} rounds, "
        "CPU time, one process\n"
    )
    print(f"{'system':34} {'pages/s':>10} {'article_clean / system':>24}")
    for name, seconds in totals.items():
        rate = len(inputs) / seconds
        print(f"{name:34} {rate:10.1f} {ours / rate:23.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
