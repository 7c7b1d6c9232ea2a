"""The article-extraction benchmark's body metric: 4-token shingles, pages weighted equally.

Per page, true and predicted bodies become multisets of 4-token shingles (`\\w+` tokens; a text of
1 to 3 tokens is one shingle of all of them). TP, FP and FN are counted on the multisets and
scaled so that TP + FP + FN = 1. Precision is averaged over pages with some output, recall over
pages with some truth, and F1 is the harmonic mean of the two averages. Standard deviations come
from a bootstrap over pages.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SIZE = 4  # tokens per shingle


def shingles(text: str | None, size: int = SIZE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None where the page had no output (it does not count toward precision)."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == 0 and self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == 0 and self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(truth: str | None, predicted: str | None) -> PageScore:
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class Result:
    precision: float
    recall: float
    f1: float
    precision_std: float
    recall_std: float
    f1_std: float
    pages: int


def _aggregate(pages: Sequence[PageScore]) -> tuple[float, float, float]:
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _std(values: Sequence[float]) -> float:
    mean = sum(values) / len(values)
    return (
        (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5
        if len(values) > 1
        else 0.0
    )


def evaluate(
    truth: Mapping[str, str | None],
    predicted: Mapping[str, str | None],
    *,
    resamples: int = 1000,
    seed: int = 0,
) -> Result:
    """Score `predicted` bodies against `truth`, both keyed by page id; missing means empty."""
    ids = sorted(truth)
    pages = [score_page(truth[i], predicted.get(i)) for i in ids]
    precision, recall, f1 = _aggregate(pages)
    rng = random.Random(seed)
    samples = [
        _aggregate([pages[rng.randrange(len(pages))] for _ in pages]) for _ in range(resamples)
    ]
    return Result(
        precision=precision,
        recall=recall,
        f1=f1,
        precision_std=_std([s[0] for s in samples]) if samples else 0.0,
        recall_std=_std([s[1] for s in samples]) if samples else 0.0,
        f1_std=_std([s[2] for s in samples]) if samples else 0.0,
        pages=len(ids),
    )
