"""The compiled core's prototype, measured: block statistics and the story scan's maximum-sum
run in Cython (`benchmarks/core_prototype/block_stats.pyx`) against the package's Python.

    pip install -e '.[prototype]'
    python benchmarks/core_prototype.py                      # ScrapingHub whole-page text
    python benchmarks/core_prototype.py --data ../shared/bench-data/scrapinghub-region

It builds the extension in a temporary folder (Cython and a C compiler), checks that it gives
every field of `article_clean.features.block_stats` for every non-blank line of the folder's
texts, then times both on the same lines, a round of each in turn, best of `--rounds` (CPU
time; read the ratio, the machine is shared). It exits with 1 when the two disagree anywhere.
It is a measurement for `docs/design.md`'s plan, not part of the package: nothing in
`article_clean` imports it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import random
import sys
import tempfile
import time
from pathlib import Path

from article_clean import features
from article_clean.builtin import story

HERE = Path(__file__).resolve().parent


def build(folder: Path):  # noqa: ANN201 - the compiled module has no stub
    from Cython.Build import cythonize  # the optional `prototype` extra
    from setuptools import Distribution, Extension

    source = HERE / "core_prototype" / "block_stats.pyx"
    extension = Extension("block_stats", [str(source)], extra_compile_args=["-O2"])
    distribution = Distribution({"ext_modules": cythonize([extension], quiet=True,
                                                          build_dir=str(folder))})
    command = distribution.get_command_obj("build_ext")
    command.build_lib = str(folder)
    command.build_temp = str(folder)
    command.ensure_finalized()
    command.run()
    built = next(folder.glob("block_stats*.so"), None) or next(folder.glob("block_stats*.pyd"))
    spec = importlib.util.spec_from_file_location("block_stats", built)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _awkward_lines(count: int = 20_000) -> list[str]:
    """Random lines from the characters the statistics treat specially (sentence ends and
    closers in several scripts, unusual spaces, unspaced scripts, bullets, link marks, and the
    letters an initial's full stop follows: capitals in other scripts, letter-like symbols,
    combining marks)."""
    pool = list("aZ .,:;!?…。！？、，\"'”’»)]*•·–-@/w\u00a0\u2028\u001c\u3000漢字カナไทยßǅ1 ")
    pool += list("ДдΩωⅠⅰⒶ½_\u0301\u200d‿")
    pool += ["www.", "://", "...", "By ", "Photo: ", "M. ", "U.S. "]
    rng = random.Random(16)
    return ["".join(rng.choices(pool, k=rng.randint(1, 40))) for _ in range(count)]


def python_stats(lines: list[str]) -> list[features.BlockStats]:
    return [features.block_stats(line) for line in lines]


def compiled_stats(core, lines: list[str]) -> tuple[list, ...]:  # noqa: ANN001
    return core.stats_of(
        lines,
        features.count_words,
        features._has_link,
        features._UNSPACED_CHAR.search,
        features.UNCASED,
    )


def best_times(first, second, rounds: int) -> tuple[float, float]:  # noqa: ANN001
    """Each function's best CPU time over `rounds`, a round of each in turn."""
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for which, function in enumerate((first, second)):
            start = time.process_time()
            function()
            best[which] = min(best[which], time.process_time() - start)
    return best[0], best[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/bench-data/scrapinghub-text")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.data).glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {args.data}", file=sys.stderr)
        return 2
    real = [line for text in texts for line in text.splitlines() if line.strip()]
    lines = real + _awkward_lines()  # checked, not timed
    with tempfile.TemporaryDirectory() as folder:
        core = build(Path(folder))
        columns = compiled_stats(core, lines)
        names = [f.name for f in dataclasses.fields(features.BlockStats)]
        wrong = 0
        for index, expected in enumerate(python_stats(lines)):
            got = features.BlockStats(**{name: columns[k][index] for k, name in enumerate(names)})
            if got != expected:
                wrong += 1
                if wrong <= 5:
                    print(f"differs: {lines[index]!r}\n  python {expected}\n  cython {got}")
        print(f"{len(texts)} documents, {len(real):,} lines and {len(lines) - len(real):,} "
              f"random awkward ones: {wrong} lines differ")
        py, cy = best_times(
            lambda: python_stats(real), lambda: compiled_stats(core, real), args.rounds
        )
        print(f"block statistics of the documents' lines: Python {py * 1e6 / len(real):.2f} "
              f"us/line, Cython {cy * 1e6 / len(real):.2f} us/line: {py / cy:.1f}x")
        rng = random.Random(16)  # a score per line, as the story finder's range of them
        scores = [[rng.uniform(-6.0, 40.0) for _ in text.splitlines()] for text in texts]
        py, cy = best_times(
            lambda: [story._best_run(s) for s in scores],
            lambda: [core.best_run(s) for s in scores],
            args.rounds,
        )
        same = all(story._best_run(s) == core.best_run(s) for s in scores)
        print(f"maximum-sum run: Python {py * 1e3:.2f} ms, Cython {cy * 1e3:.2f} ms for the "
              f"{len(texts)} documents: {py / cy:.1f}x (same runs: {same})")
    return 1 if wrong or not same else 0


if __name__ == "__main__":
    sys.exit(main())
