"""A typed application's use of the public API, as the docs show it: checked by
`mypy --strict` in tests/test_typing.py, never run. Each use here is one a user writes; a
declared type that rejects it is a bug of the package's types, not of this file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from article_clean import (
    Article,
    Block,
    BlockStats,
    Cleaner,
    Content,
    Document,
    Label,
    LanguageSource,
    PatternRule,
    Rule,
    RuleAnswer,
    RuleSet,
    Segment,
    clean,
    clean_many,
    learn_rules,
    rule,
)

PATTERN = re.compile(r"^BREAKING\b")


@rule("APP001", Label.NOISE)
def kicker(block: Block, doc: Document) -> bool:
    """A kicker line."""
    return block.text == "BREAKING"


@rule("APP002", Label.NOISE)
def breaking(block: Block, doc: Document) -> re.Match[str] | None:
    """A match counts as True, None as False (docs/plugins.md)."""
    return PATTERN.match(block.text)


@rule("APP003", Label.NOISE)
def sponsored(block: Block, doc: Document) -> bool | None:
    """A function that ends without a return answers None."""
    if block.text == "Sponsored":
        return True
    return None


def short_line(block: Block, doc: Document) -> bool:
    stats: BlockStats = doc.stats(block.index)
    return stats.words < 3


pattern_rule: PatternRule = PatternRule("APP004", Label.NOISE, r"^Advertisement$")
answer: RuleAnswer = breaking(Block(0, 0, 13, "BREAKING news", 0), Document("BREAKING news", ()))
rules: RuleSet = RuleSet("app", [kicker, breaking, sponsored, pattern_rule])
every: Iterator[Rule] = iter(rules)
ids: list[str] = [r.id for r in rules]
fewer: RuleSet = rules.without("APP001").without(["APP002"])

cleaner = Cleaner(rules=[rules])
data = bytearray(b"Some story text.")
articles: list[Article] = [
    clean("Some story text."),
    clean(b"Some story text."),
    clean(data),
    clean(memoryview(data)),
    cleaner.clean(data, url="https://example.com/a", kind="text"),
]
source: LanguageSource | None = articles[0].language_source
pieces: list[Segment] = list(articles[0].removed)
learned: dict[str, RuleSet] = learn_rules(
    [("Story text.", "https://example.com/1"), (None, "https://example.com/2"), b"bytes"],
    on_error=lambda index, error: None,
)
pages: list[Content] = ["Story text.", b"bytes", data, memoryview(data)]
batch: list[Article | None] = [r.article for r in clean_many(pages)]
with_urls: list[Article | None] = [
    r.article for r in clean_many([(data, "https://example.com/a"), ("Text.", None)], jobs=2)
]
