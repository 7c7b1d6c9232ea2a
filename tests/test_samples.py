"""End to end: every sample article against its hand-checked expected result, field by field."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from article_clean import Label, builtin, clean
from article_clean.examples import check_rule, engine_sets
from article_clean.label import Engine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = sorted([*SAMPLES.glob("*.expected.json"), *SAMPLES.glob("html/*.expected.json")])


def _source(expected_path: Path) -> Path:
    stem = expected_path.name[: -len(".expected.json")]
    matches = [
        p
        for p in expected_path.parent.iterdir()
        if p.name.startswith(stem + ".") and p != expected_path
    ]
    assert len(matches) == 1, f"no single source file for {expected_path.name}: {matches}"
    return matches[0]


def test_there_are_samples() -> None:
    assert len([c for c in CASES if c.parent == SAMPLES]) >= 9
    assert len([c for c in CASES if c.parent.name == "html"]) >= 4


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name.split(".")[0][:16])
def test_sample(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = _source(expected_path)
    if source.name.endswith(".html.gz"):
        article = clean(gzip.decompress(source.read_bytes()), url=expected.get("url"))
        assert article.kind == "html"
    else:
        article = clean(source.read_text(encoding="utf-8"), url=expected.get("url"))
        assert article.kind == "text"
    # HTML: the page's stated date; text: the date on the story's dateline, if it has one.
    assert article.published == expected["published"]
    assert article.language == expected["language"]
    assert article.language_source == expected["language_source"]

    assert article.headline == expected["headline"]
    assert article.byline == expected["byline"]
    assert article.caption == expected["caption"]
    assert list(article.captions) == expected["captions"]
    assert list(article.paragraphs) == expected["paragraphs"]
    assert article.body == "\n\n".join(expected["paragraphs"])
    assert article.trailer == "\n\n".join(expected["trailer"])
    assert article.comments == "\n\n".join(expected.get("comments", []))
    noise = [s.text.strip() for s in article.segments if s.label is Label.NOISE]
    assert noise == expected["noise"]
    # Every removed piece names the rule that removed it, the one the expected result records.
    assert all(s.rule for s in article.removed)
    removed = [{"rule": s.rule, "text": s.text.strip()} for s in article.removed]
    assert removed == expected["removed"]


def test_every_built_in_rule_fires_in_a_sample_or_in_its_examples() -> None:
    """A rule that stops firing shows: in a sample's recorded rules, or in its own examples."""
    seen = {
        item["rule"]
        for case in CASES
        for item in json.loads(case.read_text(encoding="utf-8"))["removed"]
    }
    for rule_set in builtin.rule_sets():
        engine = Engine(engine_sets(rule_set))
        for rule in rule_set.rules:
            if rule.id in seen:
                continue
            assert rule.examples, f"{rule.id} fires in no sample and has no example"
            failures = list(check_rule(rule, engine))
            assert not [f for f in failures if f.must_take], f"{rule.id} fires nowhere: {failures}"
