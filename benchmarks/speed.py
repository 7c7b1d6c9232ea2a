"""article_clean's speed as ratios against its peers, measured in the same run.

    python benchmarks/speed.py                     # the whole table and the size ladder
    python benchmarks/speed.py --data ../shared/bench-data/scrapinghub-region   # one folder

The table: whole-page text (`../shared/bench-data/scrapinghub-text`) and region text
(`../shared/bench-data/scrapinghub-region`) against the C4 line filter, HTML
(`../shared/bench-data/scrapinghub`) against trafilatura's default, a generated 10 MB page
against trafilatura (fast and default), and the import against `import trafilatura`.

Pages are read into memory first, so only cleaning is timed. Each page is cleaned by every
system in turn, `--rounds` times, and each page's best CPU time counts (the least disturbed by
whatever else the machine is doing); a ratio of two systems timed so is what a shared machine
can tell. Imports are timed as fresh processes, wall time, interleaved, best of `--rounds` + 4.

The size ladder cleans generated pages (`benchmarks/synthetic.py`: every sentence unique) of
1 KB to 10 MB, text and HTML, each in a fresh process: CPU time, and the process's peak
resident size beside what it held once warmed up (modules imported, rules compiled, a page
cleaned). Those runs lift the cleaner's time budget and block limit, which a 10 MB page exceeds.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article_clean import Cleaner  # noqa: E402
from benchmarks import baselines  # noqa: E402
from benchmarks.data import load  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench-data"
LADDER = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
System = Callable[[object], object]


def best_times(systems: dict[str, System], inputs: list[object], rounds: int) -> dict[str, float]:
    """Each system's total over the pages of each page's best CPU time."""
    for system in systems.values():  # warm up: compile rules, import lazily loaded modules
        system(inputs[0])
    # Page by page, each system in turn: a slow spell of the machine hits every system alike.
    best = {name: [float("inf")] * len(inputs) for name in systems}
    for _ in range(rounds):
        for index, item in enumerate(inputs):
            for name, system in systems.items():
                start = time.thread_time()
                system(item)
                best[name][index] = min(best[name][index], time.thread_time() - start)
    return {name: sum(times) for name, times in best.items()}


def folder_systems(data: str | Path) -> tuple[dict[str, System], list[object]]:
    """article_clean and the peers for a folder of bench-data, and its pages in memory."""
    pages = load(data)
    cleaner = Cleaner()
    if any(p.path.name.endswith((".html", ".html.gz")) for p in pages):
        inputs: list[object] = [(p.read_bytes(), p.url) for p in pages]
        systems: dict[str, System] = {
            "article_clean": lambda item: cleaner.clean(item[0], url=item[1])  # type: ignore[index]
        }
        for name, peer in baselines.html_peers().items():
            systems[name] = lambda item, peer=peer: peer.extract(item[0], item[1])  # type: ignore[index]
        return systems, inputs
    inputs = [(p.read_text(), p.url) for p in pages]
    return {
        "article_clean": lambda item: cleaner.clean(item[0], url=item[1]),  # type: ignore[index]
        "C4 line filter": lambda item: baselines.c4_line_filter(item[0]),  # type: ignore[index]
    }, inputs


def one_folder(data: str, rounds: int) -> None:
    systems, inputs = folder_systems(data)
    totals = best_times(systems, inputs, rounds)
    ours = len(inputs) / totals["article_clean"]
    print(f"{len(inputs)} pages from {data}, each page's best of {rounds} rounds, CPU time\n")
    print(f"{'system':34} {'pages/s':>10} {'article_clean / system':>24}")
    for name, seconds in totals.items():
        rate = len(inputs) / seconds
        print(f"{name:34} {rate:10.1f} {ours / rate:23.2f}x")


def rung(kind: str, size: int) -> dict[str, float]:
    """One step of the ladder, in this (fresh) process: seconds and peak memory growth in MB."""
    from benchmarks.synthetic import html_page, text_page

    cleaner = Cleaner(time_budget=None, max_blocks=None, max_bytes=None)
    make = html_page if kind == "html" else text_page
    cleaner.clean(make(2_000, seed=1), kind=kind)  # warm: rules compiled, modules loaded
    content = make(size)
    if kind == "html":
        import trafilatura

        trafilatura.extract(make(2_000, seed=1), fast=True)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    cleaner.clean(content, kind=kind)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"seconds": seconds, "base_mb": base / 1024, "peak_mb": peak / 1024}
    result["mb"] = len(content) / 1e6
    if kind == "html":
        import trafilatura

        for name, fast in (("trafilatura_fast", True), ("trafilatura", False)):
            start = time.process_time()
            trafilatura.extract(content, fast=fast)
            result[name] = time.process_time() - start
    return result


def _run_rung(kind: str, size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--rung", kind, str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def import_times(rounds: int) -> dict[str, float]:
    """Wall seconds of a fresh process that imports, interleaved, best of `rounds`."""
    commands = {
        "import article_clean": [sys.executable, "-c", "import article_clean"],
        "article-clean --help": [sys.executable, "-m", "article_clean.cli", "--help"],
        "import trafilatura": [sys.executable, "-c", "import trafilatura"],
        "python alone": [sys.executable, "-c", "pass"],
    }
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(rounds):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def table(rounds: int) -> None:
    print(f"article_clean against its peers, one process, each page's best of {rounds} rounds\n")
    print("| path | article_clean | peer | peer's | ratio |\n|---|---|---|---|---|")
    for name, folder in (
        ("whole-page text", "scrapinghub-text"),
        ("region text", "scrapinghub-region"),
        ("HTML", "scrapinghub"),
    ):
        systems, inputs = folder_systems(BENCH / folder)
        peer = "C4 line filter" if "C4 line filter" in systems else "trafilatura (default)"
        systems = {k: v for k, v in systems.items() if k in ("article_clean", peer)}
        totals = best_times(systems, inputs, rounds)
        ours, theirs = (len(inputs) / totals[k] for k in ("article_clean", peer))
        print(
            f"| {name} ({len(inputs)}) | {ours:,.1f} pages/s | {peer} | {theirs:,.1f} pages/s "
            f"| {ours / theirs:.3f}x |",
            flush=True,
        )
    big = _run_rung("html", LADDER[-1])
    print(
        f"| {big['mb']:.0f} MB HTML page | {big['seconds']:.2f} s | trafilatura fast / default "
        f"| {big['trafilatura_fast']:.2f} s / {big['trafilatura']:.2f} s "
        f"| {big['trafilatura_fast'] / big['seconds']:.2f}x / "
        f"{big['trafilatura'] / big['seconds']:.2f}x |"
    )
    imports = import_times(rounds + 4)
    peer = imports["import trafilatura"]
    for name in ("import article_clean", "article-clean --help"):
        print(
            f"| `{name}` (wall) | {imports[name] * 1000:.0f} ms | `import trafilatura` "
            f"| {peer * 1000:.0f} ms | {peer / imports[name]:.2f}x |"
        )
    print(f"\n(a Python that imports nothing: {imports['python alone'] * 1000:.0f} ms)\n")
    print("Size ladder: generated pages, unique content, one fresh process each, CPU time\n")
    print("| input | size | seconds | MB/s | peak RSS (warmed up before) | trafilatura fast |")
    print("|---|---|---|---|---|---|")
    for kind in ("text", "html"):
        for size in LADDER:
            result = big if (kind, size) == ("html", LADDER[-1]) else _run_rung(kind, size)
            peer_time = f"{result['trafilatura_fast']:.3f} s" if kind == "html" else ""
            print(
                f"| {kind} | {result['mb']:.3f} MB | {result['seconds']:.3f} "
                f"| {result['mb'] / max(result['seconds'], 1e-9):.2f} "
                f"| {result['peak_mb']:.0f} MB ({result['base_mb']:.0f} MB) | {peer_time} |",
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", help="one folder of ../shared/bench-data, peers beside it")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rung", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rung:
        print(json.dumps(rung(args.rung[0], int(args.rung[1]))))
    elif args.data:
        one_folder(args.data, args.rounds)
    else:
        table(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
