"""Throughput of the article-clean command with --jobs 1 and --jobs 2, in the same run.

    python benchmarks/cli_throughput.py --data ../shared/bench-data/scrapinghub-region

Times the whole command (start-up included) over every .txt file of the folder, best of
`--rounds`, and checks that both runs write the same output.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def run(data: str, jobs: int) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "article_clean.cli",
            data,
            "--glob",
            "*.txt",
            "--jobs",
            str(jobs),
            "--quiet",
        ],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode("utf-8", "replace"))
    return elapsed, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    docs = len(list(Path(args.data).glob("*.txt")))
    best: dict[int, float] = {}
    outputs: dict[int, bytes] = {}
    for _ in range(args.rounds):
        for jobs in (1, 2):
            elapsed, output = run(args.data, jobs)
            best[jobs] = min(best.get(jobs, elapsed), elapsed)
            outputs[jobs] = output
    assert outputs[1] == outputs[2], "--jobs 2 wrote different output"
    print(f"{docs} documents from {args.data}, best of {args.rounds}, whole command\n")
    print(f"{'command':28} {'seconds':>8} {'docs/s':>8} {'speed-up':>9}")
    for jobs, seconds in best.items():
        print(
            f"{'article-clean --jobs ' + str(jobs):28} {seconds:8.2f} {docs / seconds:8.1f} {best[1] / seconds:8.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
