"""Rules' examples run as tests: the lines a rule must take and the lines it must leave.

Each example is labelled as `clean()` labels it: by every rule set the rule runs with (the
built-in ones and the rule's own set, a site's set first), one pass of the engine. So an example
of a marker must be the first marker in order to take its line, and a layout rule's example sees
the decisions taken before it. `tests/test_rule_examples.py` runs the examples of every built-in
and installed plugin rule; `article-clean rules --check FILE` runs those of a rule file.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import builtin
from .blocks import split_blocks
from .cleaner import DEFAULT_RULE_TIMEOUT, DEFAULT_TIME_BUDGET
from .document import Document
from .label import Engine
from .rules import Example, Rule, RuleSet


@dataclass(frozen=True)
class ExampleFailure:
    """An example a rule got wrong: `must_take` says whether the rule had to label its line."""

    rule: str
    example: Example
    must_take: bool
    decided_by: tuple[str | None, ...]  # the rules that labelled the line's blocks instead
    problem: str = ""

    def __str__(self) -> str:
        line = self.example.target
        if self.problem:
            return f"{self.rule}: {self.problem}: {line!r}"
        if self.must_take:
            others = ", ".join(r or "no rule (body)" for r in self.decided_by)
            return f"{self.rule} must take {line!r}, but it went to {others}"
        return f"{self.rule} must leave {line!r}, but took it"


def engine_sets(rule_set: RuleSet, context: Sequence[RuleSet] | None = None) -> list[RuleSet]:
    """The rule sets `rule_set`'s rules run with, in the order `Cleaner.engine_for` runs them."""
    around = list(builtin.rule_sets() if context is None else context)
    if any(s is rule_set for s in around):
        return around
    return [rule_set, *around] if rule_set.domains else [*around, rule_set]


@dataclass(frozen=True)
class Limits:
    """What an example may cost, as a document cleaned by `Cleaner` may: a rule file's examples
    are untrusted input too (a pattern that backtracks without end on its counter-example)."""

    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT
    time_budget: float | None = DEFAULT_TIME_BUDGET


def check_rule_set(
    rule_set: RuleSet, context: Sequence[RuleSet] | None = None, limits: Limits = Limits()
) -> list[ExampleFailure]:
    """Every example of every rule of `rule_set` that the rule gets wrong."""
    engine = Engine(engine_sets(rule_set, context))
    return [failure for item in rule_set.rules for failure in check_rule(item, engine, limits)]


def check_rule(item: Rule, engine: Engine, limits: Limits = Limits()) -> Iterable[ExampleFailure]:
    """The examples `item` gets wrong, each labelled by `engine` (which holds `item`)."""
    cases = [(e, True) for e in item.examples] + [(e, False) for e in item.counter_examples]
    for example, must_take in cases:
        try:
            deciders = _deciders(example, engine, limits)
        except Exception as error:  # a rule or the page reader failed: report, go on
            problem = f"cannot label the example ({type(error).__name__}: {error})"
            yield ExampleFailure(item.id, example, must_take, (), problem)
            continue
        if deciders is None:
            yield ExampleFailure(item.id, example, must_take, (), "the line is not in the example")
        elif (item.id in deciders) is not must_take:
            yield ExampleFailure(item.id, example, must_take, deciders)


def _deciders(
    example: Example, engine: Engine, limits: Limits
) -> tuple[str | None, ...] | None:
    """The rules that labelled the example's line (each block with its text), or None when no
    block has that text."""
    if example.kind == "html":
        from .html import read_page

        page = read_page(example.text, example.url)
        text, blocks = page.text, page.blocks
    else:
        text, blocks = example.text, split_blocks(example.text)
    doc = Document(text, blocks, url=example.url, rule_timeout=limits.rule_timeout)
    budget = limits.time_budget
    deadline = None if budget is None else time.monotonic() + budget
    failures = engine.run(doc, strict=False, deadline=deadline)
    if failures:
        raise RuntimeError("; ".join(f"{f.rule}: {f.error}" for f in failures))
    target = example.target
    found = [b.index for b in doc.blocks if b.text == target]
    if not found:
        return None
    return tuple(d.rule if d is not None else None for d in (doc.decision(i) for i in found))
