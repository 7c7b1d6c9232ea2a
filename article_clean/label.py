"""The labelling stage: run the active rule sets over a Document's blocks.

Markers run block by block, the first rule in order that applies deciding. A pattern rule's answer
depends on the block's text alone, so it is remembered by text for the whole `clean()` call: the
second pass over the body, and a menu repeated down the page, cost a dict lookup. Layout rules run
one at a time, each seeing the decisions of those before it. A block no rule decides is story
body.

A rest-scope marker opens the trailer only below a story's worth of prose (see
`_leaves_story_before`); above it, it labels its own block. A rest-scope layout rule sees the
story and is taken at its word: it is asked about every block, decided or not, and the region it
opens takes in what markers labelled there.
"""

from __future__ import annotations

import bisect
import functools
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

import ahocorasick
import regex

from .blocks import as_spelled
from .builtin import tags
from .document import Document
from .errors import RuleFailedError, TimeBudgetExceeded
from .model import Block, Label, RuleFailure
from .rules import (
    FunctionRule,
    PatternRule,
    Rule,
    RuleSet,
    Scope,
    Stage,
    checked_answer,
    fold_for_hints,
)

_DEADLINE_EVERY = 32  # blocks between two looks at the clock
BLAMED_SHARE = 0.25  # of the passes' time, the user rules (one, or all) took, to be named
STORY_BEFORE_TRAILER = 50  # words of prose a rest-scope marker needs above it
TRAILER_WINDOW = 40  # blocks above it where that prose must be

@dataclass
class RuleClock:
    """The seconds each user rule took over one document's passes, and when the first began:
    the time budget's error names the slowest where it took a real share of that time."""

    began: float = field(default_factory=time.monotonic)
    spent: dict[str, float] = field(default_factory=dict)


class _Run:
    """Failure bookkeeping for one document: a rule that failed once is not asked again."""

    def __init__(
        self,
        doc: Document,
        strict: bool,
        deadline: float | None,
        quick: frozenset[str] = frozenset(),
        clock: RuleClock | None = None,
    ) -> None:
        self.doc = doc
        self.strict = strict
        self.deadline = deadline
        self.quick = quick  # ids of rules quick on any block: no clock read after each call
        self.failures: list[RuleFailure] = []
        self.broken: set[str] = set()
        # Seconds each user rule took, read where the clock is read after its calls anyway: the
        # time budget's error names the slowest.
        self.clock = RuleClock() if clock is None else clock
        self.spent = self.clock.spent

    def charge(self, rule: Rule, since: float) -> None:
        """Add the time since `since` to `rule`'s (where the run times rules), and stop if the
        budget is spent. Called after a rule's failure is recorded (or raised, in strict mode),
        never in a `finally`: the clock must not replace an error on its way out."""
        if self.deadline is None:
            return
        now = time.monotonic()
        self.spent[rule.id] = self.spent.get(rule.id, 0.0) + now - since
        if now > self.deadline:
            self.check_clock()

    def hits(self, rule: Rule, blocks: Sequence[Block], *, first: bool = False) -> list[int]:
        """The indexes of `blocks` that `rule` applies to (`first`: only the first of them);
        what `applies` does, in one loop."""
        if rule.id in self.broken:
            return []
        test = _test_of(rule, rule.id in self.quick)
        doc = self.doc
        # A user's rule may take any time over a block: the clock is read after each call. A
        # built-in one is quick on any block: the engine reads the clock before each rule's pass
        # (reading it after every call of every rule cost 4 % of the text path).
        limit = None if rule.id in self.quick else self.deadline
        found: list[int] = []
        for block in blocks:
            since = 0.0 if limit is None else time.monotonic()
            try:
                applies = test(block, doc)
            except (Exception, SystemExit) as exc:  # a rule is user code: isolated and recorded
                self.fail(rule, exc)
                return found  # a rule that failed is not asked again: its time no longer counts
            if limit is not None:
                self.charge(rule, since)
            if applies:
                found.append(block.index)
                if first:
                    return found
        return found

    def fail(self, rule: Rule, exc: BaseException) -> None:
        # A pattern's search that ran out; a Python rule's own TimeoutError keeps its message.
        if isinstance(exc, TimeoutError) and isinstance(rule, PatternRule):
            message = f"pattern search ran past the rule timeout ({self.doc.rule_timeout} s)"
        else:
            message = f"{type(exc).__name__}: {exc}"
        if self.strict:
            raise RuleFailedError(rule.id, message) from exc
        self.failures.append(RuleFailure(rule.id, message))
        self.broken.add(rule.id)

    def check_clock(self) -> None:
        now = time.monotonic()
        if self.deadline is not None and now > self.deadline:
            slowest = max(self.spent, key=self.spent.__getitem__, default=None)
            share = BLAMED_SHARE * (now - self.clock.began)
            if slowest is None or sum(self.spent.values()) < share:
                raise TimeBudgetExceeded(TimeBudgetExceeded.MESSAGE)  # no rule of yours, say
            if self.spent[slowest] >= share:
                said = f"{slowest} took the most time ({self.spent[slowest]:.2f} s)"
            else:  # many rules, each a little: the time is theirs together
                said = (
                    f"{len(self.spent)} took {sum(self.spent.values()):.2f} s together, "
                    f"{slowest} the most ({self.spent[slowest]:.2f} s)"
                )
            raise TimeBudgetExceeded(
                f"{TimeBudgetExceeded.MESSAGE}; of the rules given to it, {said}", rule=slowest
            )


def _searched(rule: Rule) -> TypeGuard[PatternRule]:
    """A pattern rule whose answer is its pattern's, searched once per distinct line text for
    the whole document; a subclass that overrides `applies` (to read the page's URL, the
    block's neighbours) is asked block by block, as a function rule is."""
    return isinstance(rule, PatternRule) and type(rule).applies is PatternRule.applies


def _test_of(rule: Rule, quick: bool) -> Callable[[Block, Document], object]:
    """What to call for `rule` over a block: a FunctionRule's own function, without the method
    around it (a call per block and rule is the layout stage's main cost; a subclass may define
    `applies`). A user's rule (not `quick`) has its answer checked: a function that returns
    "no" or a count would otherwise decide every block it is asked about, unseen."""
    test = rule.func if type(rule) is FunctionRule else rule.applies
    return test if quick else functools.partial(_checked_answer, test)


def _checked_answer(
    test: Callable[[Block, Document], object], block: Block, doc: Document
) -> bool:
    return checked_answer(test(block, doc))


class Engine:
    """Rule sets compiled once, for every document that uses the same active sets.

    The Cleaner checks that rule ids are unique before it builds one.
    """

    def __init__(self, rule_sets: Sequence[RuleSet], *, quick: Iterable[str] = ()) -> None:
        """`quick`: ids of rules that take little time over any block (the built-in ones), after
        whose calls the clock need not be read one by one."""
        self.rule_sets = tuple(rule_sets)
        self.quick = frozenset(quick)
        self.markers: tuple[Rule, ...] = tuple(
            r for s in self.rule_sets if s.stage is Stage.MARKERS for r in s.rules
        )
        self.layout: tuple[Rule, ...] = tuple(
            r for s in self.rule_sets if s.stage is Stage.LAYOUT for r in s.rules
        )
        tagged: dict[str, set[str]] = {}
        for item in (*self.markers, *self.layout):
            for tag in item.tags:
                tagged.setdefault(tag, set()).add(item.id)
            if item.scope is Scope.REST and item.label is Label.TRAILER:
                tagged.setdefault(tags.OPENS_TRAILER, set()).add(item.id)
        self.tagged = {tag: frozenset(ids) for tag, ids in tagged.items()}
        for r in self.markers:  # a bad pattern is reported now, before any document
            if isinstance(r, PatternRule):
                r.compiled()
        # Each pattern rule with its hints: the longest block it searches, the words it needs.
        self._patterns: tuple[_Entry, ...] = tuple(
            (position, r, r.max_chars or sys.maxsize, frozenset(r.requires))
            for position, r in enumerate(self.markers)
            if _searched(r)
        )
        # Every needed word with the longest block a rule needing it searches: a block's words
        # are looked up once for all rules, and a long block skips the short-line rules' words.
        limits: dict[str, int] = {}
        for _, _, limit, needs in self._patterns:
            for word in needs:
                limits[word] = max(limits.get(word, 0), limit)
        ranked = sorted(limits.items(), key=lambda item: -item[1])
        self._word_limits = [-limit for _, limit in ranked]  # ascending, for bisect
        # All the needed words found in one pass over a block (Aho-Corasick), overlaps too: a
        # substring test per word and block cost more than the pattern searches they spare.
        self._finder: ahocorasick.Automaton | None = None
        if ranked:
            self._finder = ahocorasick.Automaton()
            for rank, (word, _) in enumerate(ranked):
                self._finder.add_word(word, (rank, word))
            self._finder.make_automaton()
        # Each function marker with what to call (a FunctionRule's own function, as in `hits`)
        # and whether it is quick (the clock is then read once a chunk of blocks, not after it).
        self._functions = tuple(
            (position, r, _test_of(r, r.id in self.quick), r.id in self.quick)
            for position, r in enumerate(self.markers)
            if not _searched(r)
        )
        # The pattern rules a block may match, by its first characters: an anchored pattern
        # that cannot begin so (a partial match of them fails) is not searched. Most markers
        # are anchored and searched on nearly every short line; this spares about half of it.
        self._by_start: dict[str, tuple[tuple[_Entry, ...], tuple[_Entry, ...]]] = {}
        self._anchored = frozenset(p for p, r, _, _ in self._patterns if _anchored(r))

    def run(
        self,
        doc: Document,
        *,
        strict: bool = False,
        deadline: float | None = None,
        memory: dict[str, int] | None = None,
        clock: RuleClock | None = None,
    ) -> tuple[RuleFailure, ...]:
        """Decide a label for every block of `doc`; return the rule failures met on the way.

        `memory` maps block texts to the first pattern rule that applies to them; pass the same
        dict for documents cleaned with this engine in one call. `clock`: the user rules' time,
        added to (the passes over one document share the time budget).
        """
        run = _Run(doc, strict, deadline, self.quick, clock)
        doc.use_tags(self.tagged)
        doc._judge(True)
        try:
            self._run_rules(run, memory)
        finally:
            doc._judge(False)
        return tuple(run.failures)

    def _run_rules(self, run: _Run, memory: dict[str, int] | None) -> None:
        doc = run.doc
        self._run_markers(run, {} if memory is None else memory)
        for item in self.layout:
            run.check_clock()
            if item.scope is Scope.REST:
                for start in run.hits(item, doc.blocks, first=True):
                    _apply_rest(doc, start, item)
                continue
            undecided = [b for b, label in zip(doc.blocks, doc.labels()) if label is None]
            hits = run.hits(item, undecided)
            doc._record([(i, item.label, item.id) for i in hits])
        run.check_clock()  # after the last rule's pass too
        labels = doc.labels()
        doc._record([(i, Label.BODY, None) for i, label in enumerate(labels) if label is None])

    def _first_pattern(self, text: str, run: _Run) -> int:
        """Position in `self.markers` of the first pattern rule that applies, or len(markers)."""
        timeout = run.doc.rule_timeout
        broken = run.broken
        size = len(text)
        present: set[str] = set()
        searched = bisect.bisect_right(self._word_limits, -size)  # words of rules this long
        if self._finder is not None and searched:
            present = {
                w for _, (rank, w) in self._finder.iter(fold_for_hints(text)) if rank < searched
            }
        every, unhinted = self._may_start(text[:_START])
        # A line with none of the needed words (two lines in five) is offered the rules that
        # need none: the others would each be turned down by their words.
        for position, item, limit, needs in every if present else unhinted:
            if size > limit or (needs and needs.isdisjoint(present)):
                continue
            if broken and item.id in broken:
                continue
            # A hundred user patterns timing out on one line add up: each is timed.
            timed = not item.linear and run.deadline is not None
            since = time.monotonic() if timed else 0.0
            try:
                matched = not (
                    item.screen is not None and item.screened_out(text, timeout)
                ) and (item.search_unhinted(text, timeout) is not None)
            except Exception as exc:  # a user's pattern that times out or breaks: isolated
                matched = False
                run.fail(item, exc)
            if timed:
                run.charge(item, since)
            if matched:
                return position
        return len(self.markers)

    def _may_start(self, start: str) -> tuple[tuple[_Entry, ...], tuple[_Entry, ...]]:
        """The pattern rules that may match a block beginning with `start`, in order; and
        those of them that need no word."""
        found = self._by_start.get(start)
        if found is None:
            every = tuple(
                entry
                for entry in self._patterns
                if entry[0] not in self._anchored
                or entry[1].compiled().match(start, partial=True) is not None
            )
            found = every, tuple(entry for entry in every if not entry[3])
            if len(self._by_start) >= _STARTS_KEPT:  # a long run's rare starts: begin again
                self._by_start.clear()
            self._by_start[start] = found
        return found

    def _run_markers(self, run: _Run, memory: dict[str, int]) -> None:
        doc = run.doc
        broken = run.broken
        deadline = run.deadline
        rest_hits: list[tuple[int, Rule]] = []
        for block in doc.blocks:
            if block.index % _DEADLINE_EVERY == 0:
                run.check_clock()
            first = memory.get(block.text)
            if first is None:
                first = self._first_pattern(block.text, run)
                # And the line as a rule's pattern spells it: a space " " for a no-break one, no
                # soft hyphen ("will not be\xa0pub\xadlished" is the same notice). The first rule
                # to take either reading decides, as `PatternRule.applies` reads a line.
                spaced = as_spelled(block.text)
                if spaced != block.text:
                    first = min(first, self._first_pattern(spaced, run))
                memory[block.text] = first
            # Each function marker before the first pattern that applies, its failures and the
            # clock handled as `run.hits` does: a call per block and marker, in one loop.
            for position, item, test, quick in self._functions:
                if position > first:
                    break
                if broken and item.id in broken:
                    continue
                timed = not quick and deadline is not None
                since = time.monotonic() if timed else 0.0
                try:
                    applies = bool(test(block, doc))
                except (Exception, SystemExit) as exc:  # a rule is user code: isolated
                    run.fail(item, exc)
                    applies = False
                if timed:
                    run.charge(item, since)
                if applies:
                    first = position
                    break
            if first < len(self.markers):
                item = self.markers[first]
                doc._record([(block.index, item.label, item.id)])
                if item.scope is Scope.REST:
                    rest_hits.append((block.index, item))
        prose: list[int] | None = None  # read once: no label changes until the rest is taken
        for start, item in rest_hits:
            if not _leaves_story_before(doc, start):
                continue
            if doc.stats(start).prose and _prose_follows(doc, start):
                prose = _prose_words_up_to(doc) if prose is None else prose
                if _story_goes_on(prose, start):
                    continue
            _apply_rest(doc, start, item)
            break


# A pattern rule as the engine searches it: its position among the markers, the rule, the
# longest block it searches and the words it needs (one of them).
_Entry = tuple[int, PatternRule, int, frozenset[str]]
_START = 4  # characters of a block that pick the anchored rules worth searching
_STARTS_KEPT = 1 << 16  # distinct starts remembered per engine (216,877 dev lines have 19,545)
# Assertions that a partial match judges wrongly at the end of the start ("ab" ends a word,
# "abc" does not): a pattern holding one is always searched.
_END_SENSITIVE = regex.compile(r"\\[BmMGK]")


def _anchored_pattern(pattern: str, flags: int) -> bool:
    """Whether every match of `pattern` starts at the text's start: each top-level branch
    begins with `^`, without MULTILINE, VERBOSE or a reverse search, and no assertion that
    reads past the start's end (see `_END_SENSITIVE`)."""
    if flags & (regex.MULTILINE | regex.VERBOSE | regex.REVERSE) or _END_SENSITIVE.search(pattern):
        return False
    if regex.search(r"\(\?[a-zA-Z]*[mxr]", pattern):  # inline flags that could say the same
        return False
    branches, depth, in_class, index = [0], 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if pattern[index + 1 : index + 2] == "^" else 0
            index += 1 if pattern[index + 1 : index + 2] == "]" else 0
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(index + 1)
        index += 1
    return all(pattern.startswith("^", at) for at in branches)


def _anchored(rule: PatternRule) -> bool:
    """A vetted (linear) pattern anchored at the start; a user's pattern is always searched."""
    return rule.linear and _anchored_pattern(rule.pattern, rule.flags)


def _leaves_story_before(doc: Document, start: int) -> bool:
    """Whether a story's worth of prose precedes block `start`, close enough to be the story
    it ends (not a sign-up box's blurb above a long menu).

    A marker sees one line: a "Comments" link next to the byline must not swallow the story
    below it, so a marker opens the trailer only where a story already lies behind it.
    """
    before = 0
    for block in doc.blocks[max(0, start - TRAILER_WINDOW) : start]:
        if doc.label(block.index) is None:
            stats = doc.stats(block.index)
            if stats.prose and not stats.list_on_one_line:
                before += stats.words
                if before >= STORY_BEFORE_TRAILER:
                    return True
    return False


def _prose_words_up_to(doc: Document) -> list[int]:
    """Words of undecided prose in the blocks before each block (and, last, in them all)."""
    totals = [0]
    for index in range(len(doc)):
        stats = doc.stats(index)
        counted = doc.label(index) is None and stats.prose and not stats.list_on_one_line
        totals.append(totals[-1] + (stats.words if counted else 0))
    return totals


RECORD_WINDOW = 3  # blocks under a bio where a thread's first record stands


def _prose_follows(doc: Document, start: int) -> bool:
    """Whether the story may go on under block `start`: no record of a thread (a commenter's
    date line, a "says:" line: a byline or a trailer line a marker decided) within the next
    few blocks. A subheading or a photo's credit may stand there in a story."""
    return not any(
        doc.label(index) in (Label.BYLINE, Label.TRAILER)
        for index in range(start + 1, min(len(doc), start + 1 + RECORD_WINDOW))
    )


def _story_goes_on(prose: list[int], start: int) -> bool:
    """Whether more prose follows block `start`, a paragraph of prose that a rest-scope marker
    matched, than precedes it (`prose` from `_prose_words_up_to`).

    A heading ("Comments", "About the author") ends a story whatever follows it, a thread as
    long as you like. A sentence does not: one that reads like a writer's bio ("Jane Doe is a
    columnist for ...") may open the fourth paragraph of a story about her, and the story does
    not end there. The bio that ends a story has most of the story above it, and what follows
    it, when longer, is a thread whose first record (a name, a date) stands right under it
    (`_prose_follows`). The sentence itself stays its marker's: a paragraph left to the layout
    rules there would join a short story to a thread under it.
    """
    return prose[-1] - prose[start + 1] > prose[start]


def _apply_rest(doc: Document, start: int, item: Rule) -> None:
    """`item` decided block `start`: it and every later block get its label.

    Blocks a rule kept as body keep it, and blocks that already have the label keep the rule
    that gave it, which names the reason more precisely.
    """
    decided = []
    for index in range(start, len(doc)):
        if doc.label(index) not in (Label.BODY, item.label):
            decided.append((index, item.label, item.id))
    doc._record(decided)
