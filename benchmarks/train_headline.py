"""Retrain the text headline scorer (article_clean/builtin/headline_score.py) from Dragnet "tune".

    pip install -e '.[train]'
    python benchmarks/field_corpus.py --root ../shared/bench-data --out .bench-cache/fields
    python benchmarks/train_headline.py --corpus .bench-cache/fields --root ../shared/bench-data

Examples come from "tune" pages only, read two ways: the field corpus's article region as
text, and the page's whole text (`dragnet-text/`). Every candidate line the scorer sees above
the story is one example, positive when it is the page's headline (as the field corpus labels
it from the markup); pages where no candidate is the headline teach nothing and are left out.
A logistic regression over the features is fitted and its weights written to
`article_clean/builtin/headline_weights.json`. "check" pages are never read here: score them
with `benchmarks/fields.py` afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Cleaner  # noqa: E402
from article_clean.builtin import headline_score  # noqa: E402
from benchmarks.data import load  # noqa: E402
from benchmarks.fields import DEFAULT_CORPUS, DEFAULT_ROOT, load_corpus, normalise  # noqa: E402

WEIGHTS = Path(headline_score.__file__).with_name("headline_weights.json")
# scikit-learn's C, the inverse strength of the L2 penalty: of 0.01 to 3, the best in a 4-fold
# cross-validation on "tune" (499 of 569 texts ranked right).
REGULARISATION = 0.1

Example = tuple[list[tuple[float, ...]], list[bool]]


def _examples(job: tuple[str, str]) -> Example | None:
    """The candidate rows of one text's first pass, and which of them is the headline."""
    text, headline = job
    captured: list[list[tuple[str, tuple[float, ...]]]] = []
    original = headline_score.candidate_rows

    def recording(doc: Any, *args: Any) -> list[tuple[int, tuple[float, ...]]]:
        rows = original(doc, *args)
        if not captured:  # the first pass; later ones clean the body again
            captured.append([(doc.blocks[index].text, row) for index, row in rows])
        return rows

    headline_score.candidate_rows = recording  # type: ignore[assignment]
    try:
        Cleaner().clean(text, kind="text")
    finally:
        headline_score.candidate_rows = original  # type: ignore[assignment]
    if not captured or not captured[0]:
        return None
    want = normalise(headline)
    truth = [normalise(line) == want for line, _ in captured[0]]
    if not any(truth):
        return None
    return [row for _, row in captured[0]], truth


def jobs(corpus: Path, root: Path) -> Iterator[tuple[str, str]]:
    records = [
        r for r in load_corpus(corpus, ["dragnet"]) if r["half"] == "tune" and r["headline"]
    ]
    whole = {page.id: page for page in load(root / "dragnet-text")}
    for record in records:
        yield record["text"], record["headline"]
        page = whole.get(record["id"])
        if page is not None:
            yield page.read_text(), record["headline"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    with ProcessPoolExecutor(args.workers) as pool:
        found = [e for e in pool.map(_examples, jobs(args.corpus, args.root), chunksize=8) if e]
    rows = [row for example_rows, _ in found for row in example_rows]
    truth = [flag for _, flags in found for flag in flags]
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(rows, truth)
    weights = [round(float(w), 4) for w in model.coef_[0]]
    bias = round(float(model.intercept_[0]), 4)
    features = list(headline_score.FEATURES)
    WEIGHTS.write_text(
        json.dumps({"features": features, "weights": weights, "bias": bias}, indent=1) + "\n",
        encoding="utf-8",
    )
    right = 0
    for example_rows, flags in found:
        scores = [bias + sum(w * f for w, f in zip(weights, row)) for row in example_rows]
        right += flags[max(range(len(scores)), key=lambda k: (scores[k], k))]
    print(f"{len(found)} texts, {len(rows)} candidate lines; ranked first right on {right}")
    for name, weight in sorted(zip(features, weights), key=lambda p: -abs(p[1])):
        print(f"  {weight:+.3f}  {name}")
    print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
