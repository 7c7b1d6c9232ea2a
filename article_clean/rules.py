"""The public rule API: the built-in rule sets are written with it, and so are plugins.

A `Rule` looks at one block (and, if it needs, the whole `Document`) and says whether it applies;
when it does, the block gets the rule's label and the rule's id is recorded against it. Rules are
grouped into named `RuleSet`s, which run in two stages:

- `Stage.MARKERS`: a block judged by its own text ("ADVERTISING", "Leave a Reply"). Markers do
  not see each other's decisions, so their order only settles which rule a block is credited to.
- `Stage.LAYOUT`: a block judged by where it sits (the first title-like block is the headline;
  what follows the story is trailer). Layout rules run one after another and see every decision
  taken before them.

A rule with `Scope.REST` labels its block and every later block, except blocks already decided
as body: it marks where the trailer starts.
"""

from __future__ import annotations

import abc
import enum
import os
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import regex

from .errors import RuleConfigError
from .model import Block, Label
from .pattern_size import check_size

if TYPE_CHECKING:
    from .document import Document

#: flake8-style ids: a short upper-case prefix and three or four digits (AD001, CAP010, STAR0001).
RULE_ID = re.compile(r"^[A-Z][A-Z_]{0,7}[0-9]{3,4}$")

BlockPredicate = Callable[[Block, "Document"], bool]


class Scope(str, enum.Enum):
    BLOCK = "block"
    REST = "rest"


class Stage(str, enum.Enum):
    MARKERS = "markers"
    LAYOUT = "layout"


def _coerce_scope(scope: Scope | str) -> Scope:
    try:
        return Scope(scope.lower() if isinstance(scope, str) else scope)
    except ValueError:
        raise RuleConfigError(f"unknown scope {scope!r}; expected 'block' or 'rest'") from None


def _coerce_label(label: Label | str) -> Label:
    if isinstance(label, Label):
        return label
    try:
        return Label.parse(label)
    except (TypeError, ValueError) as error:
        raise RuleConfigError(str(error)) from None


def _check_id(rule_id: object) -> str:
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise RuleConfigError(
            f"rule id {rule_id!r} is not of the form PREFIX + 3 or 4 digits, e.g. AD001 or SITE0001"
        )
    return rule_id


class Rule(abc.ABC):
    """A named decision: when `applies(block, doc)` is true, the block gets `label`."""

    def __init__(
        self,
        id: str,
        label: Label | str,
        *,
        description: str,
        scope: Scope | str = Scope.BLOCK,
    ) -> None:
        self.id = _check_id(id)
        self.label = _coerce_label(label)
        self.scope = _coerce_scope(scope)
        self.description = " ".join(description.split()) or self.id

    @abc.abstractmethod
    def applies(self, block: Block, doc: Document) -> bool:
        """Whether this rule decides `block`; may raise, the engine isolates the failure."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} -> {self.label.name}: {self.description}>"


# Flags a rule file may name; the regex module's own names.
FLAG_NAMES = {
    "IGNORECASE": regex.IGNORECASE,
    "I": regex.IGNORECASE,
    "MULTILINE": regex.MULTILINE,
    "M": regex.MULTILINE,
    "DOTALL": regex.DOTALL,
    "S": regex.DOTALL,
    "VERBOSE": regex.VERBOSE,
    "X": regex.VERBOSE,
    "UNICODE": regex.UNICODE,
    "U": regex.UNICODE,
    "ASCII": regex.ASCII,
    "A": regex.ASCII,
}


def parse_flags(flags: int | str | Iterable[str] | None) -> int:
    """Flags as an int, from an int, `"IGNORECASE|MULTILINE"`, or a list of names."""
    if flags is None:
        return 0
    if isinstance(flags, int):
        return flags
    names = flags.replace(",", "|").split("|") if isinstance(flags, str) else list(flags)
    value = 0
    for name in names:
        key = str(name).strip().upper()
        if not key:
            continue
        if key not in FLAG_NAMES:
            raise RuleConfigError(f"unknown regex flag {name!r}; known: {', '.join(FLAG_NAMES)}")
        value |= FLAG_NAMES[key]
    return value


class PatternRule(Rule):
    """A block applies when `pattern` is found in its stripped text (`regex.search`).

    Two optional hints let the engine skip the search where it cannot match, which matters
    because most blocks are story paragraphs that no marker matches:

    - `max_chars`: the rule is about lines no longer than that (an ad label, a share bar);
    - `requires`: strings of which the block's case-folded text must contain at least one
      (the keywords of a phrase list); the pattern is searched only where one is found.

    `linear=True` says the pattern was checked to run in time linear in the text (no repeat
    inside an unbounded repeat that can match the same text two ways; possessive repeats where
    it could): it is searched without the rule timeout, whose clock costs as much as a failed
    search. The built-in rules are, and `tests/test_hostile.py` holds them to it. A rule file's
    patterns are always searched with the timeout.
    """

    linear = False  # for rules pickled before the attribute was there

    def __init__(
        self,
        id: str,
        label: Label | str,
        pattern: str,
        *,
        description: str = "",
        scope: Scope | str = Scope.BLOCK,
        flags: int | str | Iterable[str] | None = 0,
        max_chars: int | None = None,
        requires: Iterable[str] = (),
        linear: bool = False,
    ) -> None:
        super().__init__(id, label, description=description or f"matches {pattern!r}", scope=scope)
        if not isinstance(pattern, str) or not pattern:
            raise RuleConfigError(f"rule {id}: pattern must be a non-empty string")
        if max_chars is not None and (
            isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1
        ):
            raise RuleConfigError(f"rule {id}: max_chars must be a positive whole number")
        if isinstance(requires, str) or not all(isinstance(r, str) and r for r in requires):
            raise RuleConfigError(f"rule {id}: requires must be a list of non-empty strings")
        if not isinstance(linear, bool):
            raise RuleConfigError(f"rule {id}: linear must be true or false")
        self.max_chars = max_chars
        self.requires = tuple(r.casefold() for r in requires)
        self.linear = linear
        self.pattern = pattern
        self.flags = parse_flags(flags)
        check_size(pattern, id)  # before compiling: nested counts can take all the memory there is
        try:
            self._compiled: Any = regex.compile(pattern, self.flags)
        except regex.error as error:
            raise RuleConfigError(f"rule {id}: invalid pattern {pattern!r}: {error}") from None

    def applies(self, block: Block, doc: Document) -> bool:
        return self.search(block.text, doc.rule_timeout) is not None

    def search(self, text: str, timeout: float | None = None, folded: str | None = None) -> Any:
        """The first match in `text`, or None; raises TimeoutError past `timeout` seconds.

        `folded` is `text.casefold()`, when the caller has it already.
        """
        if self.max_chars is not None and len(text) > self.max_chars:
            return None
        if self.requires:
            folded = text.casefold() if folded is None else folded
            if not any(word in folded for word in self.requires):
                return None
        return self.search_unhinted(text, timeout)

    def search_unhinted(self, text: str, timeout: float | None = None) -> Any:
        """`search` without the `max_chars` and `requires` checks, for callers that made them."""
        if self.linear:
            return self._compiled.search(text)
        return self._compiled.search(text, timeout=timeout)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_compiled"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._compiled = regex.compile(self.pattern, self.flags)


class FunctionRule(Rule):
    """A rule backed by a plain function `func(block, doc) -> bool`."""

    def __init__(
        self,
        id: str,
        label: Label | str,
        func: BlockPredicate,
        *,
        description: str | None = None,
        scope: Scope | str = Scope.BLOCK,
    ) -> None:
        if not callable(func):
            raise RuleConfigError(f"rule {id}: func must be callable, not {type(func).__name__}")
        doc = (func.__doc__ or "").strip().split("\n\n")[0]
        super().__init__(id, label, description=description or doc, scope=scope)
        self.func = func

    def applies(self, block: Block, doc: Document) -> bool:
        return bool(self.func(block, doc))


def rule(
    id: str,
    label: Label | str,
    *,
    scope: Scope | str = Scope.BLOCK,
    description: str | None = None,
) -> Callable[[BlockPredicate], FunctionRule]:
    """Decorator: turn `func(block, doc) -> bool` into a FunctionRule (registered nowhere)."""

    def build(func: BlockPredicate) -> FunctionRule:
        return FunctionRule(id, label, func, description=description, scope=scope)

    return build


class RuleSet:
    """An ordered, named group of rules, optionally limited to some sites."""

    def __init__(
        self,
        name: str,
        rules: Iterable[Rule],
        *,
        stage: Stage | str = Stage.MARKERS,
        domains: Iterable[str] = (),
        description: str = "",
        origin: str = "python",
    ) -> None:
        if not isinstance(name, str) or not name.strip():
            raise RuleConfigError("a rule set needs a non-empty name")
        self.name = name
        self.rules: tuple[Rule, ...] = tuple(rules)
        for item in self.rules:
            if not isinstance(item, Rule):
                raise RuleConfigError(
                    f"rule set {name!r}: {item!r} is not a Rule (use PatternRule, FunctionRule "
                    "or the @rule decorator)"
                )
        seen: set[str] = set()
        for item in self.rules:
            if item.id in seen:
                raise RuleConfigError(f"rule set {name!r}: rule id {item.id} appears twice")
            seen.add(item.id)
        try:
            self.stage = Stage(stage.lower() if isinstance(stage, str) else stage)
        except ValueError:
            raise RuleConfigError(
                f"rule set {name!r}: unknown stage {stage!r}; expected 'markers' or 'layout'"
            ) from None
        if isinstance(domains, str):
            domains = (domains,)
        self.domains: tuple[str, ...] = tuple(_normalise_domain(d, name) for d in domains)
        self.description = description
        self.origin = origin

    def applies_to(self, domain: str | None) -> bool:
        """True for a general set; for a site set, when `domain` is one of its domains or below."""
        if not self.domains:
            return True
        if not domain:
            return False
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def without(self, disabled: Iterable[str]) -> RuleSet:
        """A copy without the rules whose id equals or starts with one of `disabled`."""
        prefixes = tuple(disabled)
        kept = [r for r in self.rules if not r.id.startswith(prefixes)] if prefixes else self.rules
        copy = RuleSet.__new__(RuleSet)
        copy.__dict__.update(self.__dict__)
        copy.rules = tuple(kept)
        return copy

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> RuleSet:
        """Load a rule file; see docs/plugins.md for its format."""
        from .rulefile import load_rule_file

        return load_rule_file(path)

    def __iter__(self) -> Any:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __repr__(self) -> str:
        where = f" for {', '.join(self.domains)}" if self.domains else ""
        return f"<RuleSet {self.name!r} ({self.stage.value}, {len(self.rules)} rules{where})>"


def _normalise_domain(domain: object, set_name: str) -> str:
    if not isinstance(domain, str) or not domain.strip():
        raise RuleConfigError(f"rule set {set_name!r}: a domain must be a non-empty string")
    cleaned = domain.strip().lower().rstrip(".")
    if "/" in cleaned or " " in cleaned:
        raise RuleConfigError(
            f"rule set {set_name!r}: {domain!r} is not a domain (write 'example.com', not a URL)"
        )
    return cleaned[4:] if cleaned.startswith("www.") else cleaned
