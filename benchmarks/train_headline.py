"""Retrain the text headline scorer (article_clean/builtin/headline_score.py) from Dragnet "tune".

    pip install -e '.[train]'
    python benchmarks/field_corpus.py --root ../shared/bench-data --out .bench-cache/fields
    python benchmarks/train_headline.py --corpus .bench-cache/fields --root ../shared/bench-data

Examples come from "tune" pages only, read two ways: the field corpus's article region as
text, and the page's whole text (`dragnet-text/`). Every candidate line the scorer sees above
the story is one example, positive when it is the page's headline (as the field corpus labels
it from the markup); pages where no candidate is the headline teach nothing and are left out.
The weights are fitted as a ranking, which is how the scorer uses them: the lines of one text
compete, and a softmax over them gives each its chance of being the headline (a conditional
logit, with an L2 penalty). A logistic regression over single lines, fitted before, wasted its
fit on telling lines apart across texts (a whole page's first line is rarely its headline, a
region's often is), which ranks no line of either. The weights are written to
`article_clean/builtin/headline_weights.json`, with the 4-fold cross-validated count of texts
ranked right. "check" pages are never read here: score them with `benchmarks/fields.py`
afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_clean import Cleaner  # noqa: E402
from article_clean.builtin import headline_score  # noqa: E402
from benchmarks.data import load  # noqa: E402
from benchmarks.fields import DEFAULT_CORPUS, DEFAULT_ROOT, load_corpus, normalise  # noqa: E402

WEIGHTS = Path(headline_score.__file__).with_name("headline_weights.json")
# The strength of the L2 penalty: of 0.01 to 10, the best in a 4-fold cross-validation on
# "tune" (523 of 570 texts ranked right, as at 0.3; the logistic regression before: 505).
PENALTY = 0.1
FOLDS = 4

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


def fit(found: Sequence[Example], penalty: float = PENALTY) -> list[float]:
    """The weights that make each text's headline likeliest under a softmax over its lines,
    less `penalty` times half their squared length. A text with one candidate teaches nothing."""
    import numpy as np
    from scipy.optimize import minimize

    groups = [
        (np.array(rows, dtype=float), np.array(flags)) for rows, flags in found if len(rows) > 1
    ]

    def loss(weights: Any) -> tuple[float, Any]:
        total, gradient = 0.5 * penalty * weights @ weights, penalty * weights
        for rows, flags in groups:
            scores = rows @ weights
            chances = np.exp(scores - scores.max())
            chances /= chances.sum()
            right = chances[flags].sum()  # a headline shown twice: either line is right
            total -= np.log(right)
            gradient = gradient - (chances[flags] @ rows[flags] / right - chances @ rows)
        return float(total), gradient

    start = np.zeros(len(headline_score.FEATURES))
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B")
    return [round(float(weight), 4) for weight in fitted.x]


def ranked_right(found: Sequence[Example], weights: Sequence[float]) -> int:
    """The texts whose headline the weights rank first (on a tie, the line nearer the story)."""
    right = 0
    for rows, flags in found:
        scores = [sum(w * f for w, f in zip(weights, row)) for row in rows]
        right += flags[max(range(len(scores)), key=lambda k: (scores[k], k))]
    return right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with ProcessPoolExecutor(args.workers) as pool:
        found = [e for e in pool.map(_examples, jobs(args.corpus, args.root), chunksize=8) if e]
    folds = [found[k::FOLDS] for k in range(FOLDS)]
    validated = sum(
        ranked_right(folds[k], fit([e for j, fold in enumerate(folds) if j != k for e in fold]))
        for k in range(FOLDS)
    )
    weights = fit(found)
    features = list(headline_score.FEATURES)
    # No bias: the scorer only ranks the lines of one text, which a constant leaves as it was.
    WEIGHTS.write_text(
        json.dumps({"features": features, "weights": weights, "bias": 0.0}, indent=1) + "\n",
        encoding="utf-8",
    )
    rows = sum(len(rows) for rows, _ in found)
    print(
        f"{len(found)} texts, {rows} candidate lines; ranked first right on "
        f"{ranked_right(found, weights)} ({validated} in a {FOLDS}-fold cross-validation)"
    )
    for name, weight in sorted(zip(features, weights), key=lambda p: -abs(p[1])):
        print(f"  {weight:+.3f}  {name}")
    print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
