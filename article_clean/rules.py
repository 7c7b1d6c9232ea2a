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

Every rule carries `examples` (lines it must take; for a layout rule, a small document and the
line of it the rule must label) and `counter_examples` (lines it must leave): they document the
rule, and `article_clean.examples` runs them as tests, for built-in rules, plugins and rule files
alike. Rules refer to each other by named tags, never by id: a rule `tags` itself ("lone-by")
and another `needs` that tag, so that renaming one cannot silently switch the other off, and
disabling the only rule with a tag another needs is an error that names both.

Rules and rule sets are immutable once made: they are shared by every document of a process.
"""

from __future__ import annotations

import abc
import enum
import functools
import importlib
import operator
import os
import pickle
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from .blocks import as_spelled
from .document import ipv6_spelled, public_suffix
from .errors import RuleConfigError
from .model import Block, Label
from .pattern_size import check_size

if TYPE_CHECKING:
    from .document import Document

#: flake8-style ids: a short upper-case prefix and three or four digits (AD001, CAP010, STAR0001).
RULE_ID = re.compile(r"^[A-Z][A-Z_]{0,7}[0-9]{3,4}$")

#: What a rule function answers: True or False; None counts as False (a function that ends
#: without a `return`), a regex match as True (`return PATTERN.match(block.text)`).
RuleAnswer = bool | re.Match[str] | None
BlockPredicate = Callable[[Block, "Document"], RuleAnswer]
_T = TypeVar("_T")


def fold_for_hints(text: str) -> str:
    """`text` as a rule's `requires` words are looked for in it: case-folded, and with the
    dotted capital I ("İ", which casefold() turns into "i" and a combining dot) as a plain "i",
    since a pattern searched without case takes it for an "i": a hint must never reject a line
    its pattern matches."""
    return text.casefold().replace("i\u0307", "i")


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


def _named(rule_id: str, coerce: Callable[[Any], _T], value: Any) -> _T:
    """`coerce(value)`, its RuleConfigError naming the rule: made in Python, a rule has no file
    and field to say which rule is meant."""
    try:
        return coerce(value)
    except RuleConfigError as error:
        raise RuleConfigError(f"rule {rule_id}: {error}") from None


def _check_id(rule_id: object) -> str:
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise RuleConfigError(
            f"rule id {rule_id!r} is not of the form PREFIX + 3 or 4 digits, e.g. AD001 or SITE0001"
        )
    return rule_id


@dataclass(frozen=True)
class Example:
    """A document and the line of it a rule must label (an example) or leave (a counter-example).

    A marker judges a line by its text alone, so its examples are plain strings, each read as a
    document of one line. A layout rule judges a line by its place: its example is a small
    document (`text`, or an HTML page with `kind="html"`) and `line` is the text of the block it
    must label. `url` is the page's address, for rules that read it (the slug, a site's rules).
    """

    text: str
    line: str | None = None
    url: str | None = None
    kind: str = "text"

    @property
    def target(self) -> str:
        """The text of the block the example is about."""
        return self.text.strip() if self.line is None else self.line


def _coerce_examples(
    items: Iterable[Example | str], rule_id: str, what: str
) -> tuple[Example, ...]:
    if isinstance(items, (str, Example)):
        items = (items,)
    if not isinstance(items, Iterable):
        raise RuleConfigError(
            f"rule {rule_id}: {what} must be a list of strings or Example objects, not "
            f"{type(items).__name__}"
        )
    found = []
    for item in items:
        if isinstance(item, str) and item.strip():
            item = Example(item)
        if not isinstance(item, Example) or not item.text.strip():
            raise RuleConfigError(
                f"rule {rule_id}: {what} must be non-empty strings or Example objects, not {item!r}"
            )
        if item.kind not in ("text", "html"):
            raise RuleConfigError(f"rule {rule_id}: an example's kind is 'text' or 'html'")
        found.append(item)
    return tuple(found)


def _coerce_tags(items: Iterable[str], rule_id: str, what: str) -> frozenset[str]:
    if (
        isinstance(items, str)
        or not isinstance(items, Iterable)
        or not all(isinstance(t, str) and t.strip() for t in items)
    ):
        raise RuleConfigError(f"rule {rule_id}: {what} must be a list of non-empty strings")
    found = frozenset(t.strip() for t in items)
    for item in found - _known_tags():
        near = next((known for known in sorted(_known_tags()) if _one_edit(item, known)), None)
        if near is not None:  # a tag of one's own is allowed; a letter off a built-in one, said
            warnings.warn(
                f"rule {rule_id}: {what} has {item!r}, which no built-in rule uses: "
                f"did you mean {near!r}?",
                stacklevel=5,  # the line that made the rule
            )
    return found


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` is `b` with one letter added, dropped, changed, or two next ones swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one letter changed
        pair = a[start : start + 2]  # or the two next ones swapped
        swapped = len(pair) == 2 and pair[::-1] == b[start : start + 2]
        return swapped and a[start + 2 :] == b[start + 2 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


@functools.cache
def _known_tags() -> frozenset[str]:
    """The tags the built-in rules carry and read (builtin/tags.py)."""
    from .builtin import tags  # here: the built-in rules are made with this module

    return frozenset(v for k, v in vars(tags).items() if k.isupper() and isinstance(v, str))


class _Frozen(abc.ABCMeta):
    """Freezes an instance once its constructor (its subclass's too) has run."""

    def __call__(cls: type[_T], *args: Any, **kwargs: Any) -> _T:
        made: _T = super().__call__(*args, **kwargs)  # type: ignore[misc]
        object.__setattr__(made, "_frozen", True)
        return made


class _Immutable:
    _frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise AttributeError(
                f"{type(self).__name__} is immutable (shared by every document); make a new one"
            )
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__delattr__(self, name)


class Rule(_Immutable, metaclass=_Frozen):
    """A named decision: when `applies(block, doc)` is true, the block gets `label`.

    `examples` and `counter_examples`: lines (or `Example` documents) it must take and leave.
    `tags`: names other rules may know this rule by; `needs`: tags of rules it reads the
    decisions of (at least one enabled rule must carry each).
    """

    def __init__(
        self,
        id: str,
        label: Label | str,
        *,
        description: str,
        scope: Scope | str = Scope.BLOCK,
        examples: Iterable[Example | str] = (),
        counter_examples: Iterable[Example | str] = (),
        tags: Iterable[str] = (),
        needs: Iterable[str] = (),
    ) -> None:
        self.id = _check_id(id)
        self.label = _named(self.id, _coerce_label, label)
        self.scope = _named(self.id, _coerce_scope, scope)
        if not isinstance(description, str):
            raise RuleConfigError(
                f"rule {self.id}: description must be a string, not {type(description).__name__}"
            )
        self.description = " ".join(description.split()) or self.id
        self.examples = _coerce_examples(examples, self.id, "examples")
        self.counter_examples = _coerce_examples(counter_examples, self.id, "counter_examples")
        self.tags = _coerce_tags(tags, self.id, "tags")
        self.needs = _coerce_tags(needs, self.id, "needs")

    # Rules pickled before these attributes were there.
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()
    tags: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()

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

# Every bit the regex module gives a flag: an int of flags holds no other.
_ALL_FLAGS = functools.reduce(operator.or_, (int(flag) for flag in regex.RegexFlag), 0)


def parse_flags(flags: int | str | Iterable[str] | None) -> int:
    """Flags as an int, from an int, `"IGNORECASE|MULTILINE"`, or a list of names."""
    if flags is None:
        return 0
    if isinstance(flags, int):
        if isinstance(flags, bool) or flags < 0 or flags & ~_ALL_FLAGS:
            raise RuleConfigError(
                f"flags {flags!r} is no set of regex flags; give names such as "
                f"'IGNORECASE|MULTILINE' (known: {', '.join(FLAG_NAMES)})"
            )
        return flags
    if isinstance(flags, bytes) or not isinstance(flags, (str, Iterable)):
        raise RuleConfigError(
            f"flags must be an int, a string such as 'IGNORECASE|MULTILINE' or a list of flag "
            f"names, not {type(flags).__name__}"
        )
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


# Lines of every shape, length and script: a pattern found in each of them is found in any line.
_ANY_LINES = (
    "The story goes on.", "12:30", "— ✓ —", "* * *", "Ä", " ", "x", "Новости дня",
    "Ειδήσεις", "أخبار اليوم", "חדשות היום", "आज की खबर", "ข่าววันนี้", "오늘의 뉴스",
    "今日のニュース。", "中文新闻！", "words " * 40,
)  # fmt: skip
_MATCHES = (re.Match, type(regex.match("", "")))  # a match is a yes: `return PATTERN.match(...)`


def checked_answer(answer: object) -> bool:
    """A rule function's answer as a yes or no: True, False, None (a function that ends without
    a `return`) or a regex match; any other ("no", a count) would decide every block it is
    asked about, unseen, so it is a TypeError, the rule's recorded failure."""
    if answer is True or answer is False:
        return answer
    if answer is None:
        return False
    if isinstance(answer, _MATCHES):
        return True
    raise TypeError(f"it returned {answer!r:.60} (a {type(answer).__name__}), not True or False")


class PatternRule(Rule):
    """A block applies when `pattern` is found in its stripped text (`regex.search`).

    Optional hints let the engine skip the search where it cannot match, which matters
    because most blocks are story paragraphs that no marker matches:

    - `max_chars`: the rule is about lines no longer than that (an ad label, a share bar);
    - `requires`: strings of which the block's case-folded text must contain at least one
      (the keywords of a phrase list); the pattern is searched only where one is found;
    - `screen`: a pattern, searched with the same flags, that every text `pattern` matches
      holds somewhere (a date's digits in their shape, for a dateline rule whose only word hint
      would be a digit); cheaper than `pattern`, it is searched first, and `pattern` only
      where it is found.

    `linear=True` says the pattern was checked to run in time linear in the text (no repeat
    inside an unbounded repeat that can match the same text two ways; possessive repeats where
    it could): it is searched without the rule timeout, whose clock costs as much as a failed
    search, and compiled on first use rather than when the rule is made (the engine compiles it
    when it is built), so that importing the built-in rules costs no compilation. The built-in
    rules are, and `tests/test_hostile.py` holds them to it. A rule file's patterns are always
    searched with the timeout.
    """

    linear = False  # for rules pickled before the attribute was there
    screen: str | None = None
    _compiled: Any = None
    _screen: Any = None

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
        screen: str | None = None,
        linear: bool = False,
        examples: Iterable[Example | str] = (),
        counter_examples: Iterable[Example | str] = (),
        tags: Iterable[str] = (),
        needs: Iterable[str] = (),
    ) -> None:
        super().__init__(
            id,
            label,
            description=description or f"matches {pattern!r}",
            scope=scope,
            examples=examples,
            counter_examples=counter_examples,
            tags=tags,
            needs=needs,
        )
        if not isinstance(pattern, str) or not pattern:
            raise RuleConfigError(f"rule {id}: pattern must be a non-empty string")
        if max_chars is not None and (
            isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1
        ):
            raise RuleConfigError(f"rule {id}: max_chars must be a positive whole number")
        if (
            isinstance(requires, str)
            or not isinstance(requires, Iterable)
            or not all(isinstance(r, str) and r for r in requires)
        ):
            raise RuleConfigError(f"rule {id}: requires must be a list of non-empty strings")
        if screen is not None and (not isinstance(screen, str) or not screen):
            raise RuleConfigError(f"rule {id}: screen must be a non-empty pattern")
        if not isinstance(linear, bool):
            raise RuleConfigError(f"rule {id}: linear must be true or false")
        self.max_chars = max_chars
        self.screen = screen
        if screen is not None:
            check_size(screen, id)
        self.requires = tuple(fold_for_hints(r) for r in requires)
        self.linear = linear
        self.pattern = pattern
        self.flags = _named(id, parse_flags, flags)
        check_size(pattern, id)  # before compiling: nested counts can take all the memory there is
        self._compiled: Any = None
        if not linear:  # a vetted pattern is compiled on first use: importing stays quick
            self.compiled()
        self._check_hints()

    def compiled(self) -> Any:
        """The compiled pattern (and screen); raises RuleConfigError if one does not compile,
        or if the screen skips one of the rule's examples.

        The engine asks for it when it is built, so a bad pattern is reported before any
        document is cleaned.
        """
        if self._compiled is None:
            compiled = self._compile(self.pattern, "pattern")
            self._check_not_everything(compiled)
            # A cache, not state: the frozen rule's meaning does not change.
            object.__setattr__(self, "_compiled", compiled)
        if self.screen is not None and self._screen is None:
            screen = self._compile(self.screen, "screen")
            for example in self.examples:
                if screen.search(example.target) is None:
                    raise RuleConfigError(
                        f"rule {self.id}: its screen skips its example {example.target!r}"
                    )
            object.__setattr__(self, "_screen", screen)
        return self._compiled

    def _check_not_everything(self, compiled: Any) -> None:
        """A pattern found in any line ("x*", which matches the empty string, or ".") with
        nothing else to narrow it (`max_chars`, `requires`, `screen`) takes every block of
        every document: a mistake, said when the rule is made rather than seen as empty bodies."""
        if self.max_chars is not None or self.requires or self.screen is not None:
            return
        try:
            everything = all(compiled.search(probe, timeout=1.0) for probe in _ANY_LINES)
        except TimeoutError:  # slow on a short line: the rule timeout will speak for it
            return
        if everything:
            raise RuleConfigError(
                f"rule {self.id}: pattern {self.pattern!r} matches every line; narrow it, or "
                "give max_chars, requires or screen"
            )

    def _compile(self, pattern: str, what: str) -> Any:
        try:
            return regex.compile(pattern, self.flags)
        except (regex.error, ValueError) as error:  # ValueError: flags that clash (V0 and V1)
            raise RuleConfigError(f"rule {self.id}: invalid {what} {pattern!r}: {error}") from None
        except RecursionError:  # the compiler recurses once per level of nested groups
            raise RuleConfigError(
                f"rule {self.id}: {what} nests its groups too deeply to compile; flatten it"
            ) from None

    def screened_out(self, text: str, timeout: float | None = None) -> bool:
        """Whether the `screen` is not found in `text`, so that `pattern` cannot match it."""
        if self.screen is None:
            return False
        if self._screen is None:
            self.compiled()
        if self.linear:
            return self._screen.search(text) is None
        return self._screen.search(text, timeout=timeout) is None

    def _check_hints(self) -> None:
        """`max_chars` and `requires` are hand-kept shortcuts: neither may skip a line the rule
        must take, or a branch of the pattern is silently switched off (`compiled` checks the
        `screen` so, when it compiles it)."""
        for example in self.examples:
            text = example.target
            if self.max_chars is not None and len(text) > self.max_chars:
                raise RuleConfigError(
                    f"rule {self.id}: max_chars={self.max_chars} skips its example {text!r}"
                )
            folded = fold_for_hints(text)
            if self.requires and not any(word in folded for word in self.requires):
                raise RuleConfigError(
                    f"rule {self.id}: requires {list(self.requires)} skips its example {text!r}; "
                    "add a word of it to requires"
                )

    def applies(self, block: Block, doc: Document) -> bool:
        if self.search(block.text, doc.rule_timeout) is not None:
            return True
        # The line as a pattern spells it (no-break spaces as spaces, no soft hyphens), as the
        # engine reads it for markers.
        spaced = as_spelled(block.text)
        return spaced != block.text and self.search(spaced, doc.rule_timeout) is not None

    def search(self, text: str, timeout: float | None = None, folded: str | None = None) -> Any:
        """The first match in `text`, or None; raises TimeoutError past `timeout` seconds.

        `folded` is `fold_for_hints(text)`, when the caller has it already.
        """
        if self.max_chars is not None and len(text) > self.max_chars:
            return None
        if self.requires:
            folded = fold_for_hints(text) if folded is None else folded
            if not any(word in folded for word in self.requires):
                return None
        if self.screen is not None and self.screened_out(text, timeout):
            return None
        return self.search_unhinted(text, timeout)

    def search_unhinted(self, text: str, timeout: float | None = None) -> Any:
        """`search` without the `max_chars`, `requires` and `screen` checks, for callers that
        made them."""
        compiled = self._compiled or self.compiled()
        if self.linear:
            return compiled.search(text)
        return compiled.search(text, timeout=timeout)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_compiled"] = None
        state["_screen"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


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
        examples: Iterable[Example | str] = (),
        counter_examples: Iterable[Example | str] = (),
        tags: Iterable[str] = (),
        needs: Iterable[str] = (),
    ) -> None:
        if not callable(func):
            raise RuleConfigError(f"rule {id}: func must be callable, not {type(func).__name__}")
        doc = (func.__doc__ or "").strip().split("\n\n")[0]
        super().__init__(
            id,
            label,
            description=description or doc,
            scope=scope,
            examples=examples,
            counter_examples=counter_examples,
            tags=tags,
            needs=needs,
        )
        self.func = func

    def applies(self, block: Block, doc: Document) -> bool:
        return checked_answer(self.func(block, doc))

    def __call__(self, block: Block, doc: Document) -> RuleAnswer:
        """The function as written: a name the `@rule` decorator took stays callable (in a
        unit test of the rule, say)."""
        return self.func(block, doc)

    def __reduce_ex__(self, protocol: Any) -> str | tuple[Any, ...]:
        """Pickled by its module's name for it where the `@rule` decorator made it: the name
        holds this rule, not the function, which pickle then cannot find by name (a Cleaner
        with such a rule could not go to worker processes)."""
        module = sys.modules.get(getattr(self.func, "__module__", None) or "")
        qualname = getattr(self.func, "__qualname__", "")
        found: Any = module
        for part in qualname.split("."):
            found = getattr(found, part, None)
        if found is self:
            return (_module_attribute, (module.__name__, qualname))  # type: ignore[union-attr]
        if isinstance(found, FunctionRule):  # the decorator's name now holds another rule
            raise pickle.PicklingError(
                f"rule {self.id}: its function's name {self.func.__module__}.{qualname} holds "
                f"rule {found.id}, not this one; keep a decorated rule under its own name to "
                "send it to worker processes"
            )
        return super().__reduce_ex__(protocol)


def _module_attribute(module: str, qualname: str) -> Any:
    """What `module`'s dotted name `qualname` holds: a rule pickled by name."""
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def rule(
    id: str,
    label: Label | str,
    *,
    scope: Scope | str = Scope.BLOCK,
    description: str | None = None,
    examples: Iterable[Example | str] = (),
    counter_examples: Iterable[Example | str] = (),
    tags: Iterable[str] = (),
    needs: Iterable[str] = (),
) -> Callable[[BlockPredicate], FunctionRule]:
    """Decorator: turn `func(block, doc) -> bool` into a FunctionRule (registered nowhere)."""

    def build(func: BlockPredicate) -> FunctionRule:
        return FunctionRule(
            id,
            label,
            func,
            description=description,
            scope=scope,
            examples=examples,
            counter_examples=counter_examples,
            tags=tags,
            needs=needs,
        )

    return build


class RuleSet(_Immutable, metaclass=_Frozen):
    """An ordered, named group of rules, optionally limited to some sites.

    `origin` says where it comes from ("built-in", "file x.toml", "plugin x (dist)"); the plugin
    loader gives a plugin's sets theirs with `with_origin`, a copy, never by writing on them."""

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
        if isinstance(rules, (Rule, str)) or not isinstance(rules, Iterable):
            raise RuleConfigError(
                f"rule set {name!r}: its rules are a list of rules, not {rules!r} (write "
                "RuleSet(name, [rule]) for one)"
            )
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
        if not isinstance(domains, Iterable):
            raise RuleConfigError(
                f"rule set {name!r}: domains are a list of domains such as ['example.com'], "
                f"not {type(domains).__name__}"
            )
        self.domains: tuple[str, ...] = tuple(_normalise_domain(d, name) for d in domains)
        # Each domain as a URL may spell it: a name in its own script, or as the DNS writes it.
        self._spellings = tuple(
            dict.fromkeys(s for d in self.domains for s in (d, _other_spelling(d)) if s)
        )
        self.description = description
        self.origin = origin

    def applies_to(self, domain: str | None) -> bool:
        """True for a general set; for a site set, when `domain` is one of its domains or below."""
        if not self.domains:
            return True
        if not domain:
            return False
        return any(domain == d or domain.endswith("." + d) for d in self._spellings)

    def without(self, disabled: str | Iterable[str]) -> RuleSet:
        """A copy without the rules whose id equals or starts with one of `disabled` (one id or
        prefix, or a list of them)."""
        prefixes = (disabled,) if isinstance(disabled, str) else tuple(disabled)
        if not all(isinstance(prefix, str) and prefix for prefix in prefixes):
            raise TypeError(f"rule ids to leave out are non-empty strings, not {disabled!r}")
        if not prefixes:
            return self
        return self._copy(rules=[r for r in self.rules if not r.id.startswith(prefixes)])

    def with_origin(self, origin: str) -> RuleSet:
        """A copy that says it comes from `origin`."""
        return self._copy(origin=origin)

    def _copy(self, **changes: Any) -> RuleSet:
        fields: dict[str, Any] = {
            "rules": self.rules,
            "stage": self.stage,
            "domains": self.domains,
            "description": self.description,
            "origin": self.origin,
        }
        fields.update(changes)
        return RuleSet(self.name, **fields)

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> RuleSet:
        """Load a rule file; see docs/plugins.md for its format."""
        from .rulefile import load_rule_file

        return load_rule_file(path)

    def __iter__(self) -> Iterator[Rule]:
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
    if cleaned.startswith("[") and cleaned.endswith("]"):  # an IPv6 address, as a URL writes it
        cleaned = cleaned[1:-1]
    address = ipv6_spelled(cleaned)  # in the one spelling a URL's host is read in ("::1")
    if address is not None:
        return address
    if "*" in cleaned or cleaned.startswith("."):
        raise RuleConfigError(
            f"rule set {set_name!r}: {domain!r} is no domain: write 'example.com', which covers "
            "its subdomains too ('news.example.com')"
        )
    if _NOT_IN_A_HOST.search(cleaned) or ".." in cleaned:
        # A port, a user, a query: a URL's host never holds them, so the set would never apply.
        raise RuleConfigError(
            f"rule set {set_name!r}: {domain!r} is not a domain (write 'example.com', without a "
            "port or any other part of a URL)"
        )
    site = cleaned[4:] if cleaned.startswith("www.") else cleaned
    # A top-level domain is no site's: one contributor's "site" set would run first on every
    # site under it. (A suffix of two labels may be a site too: "gov.uk", learnt from its pages.)
    if "." not in site and public_suffix(site):
        raise RuleConfigError(
            f"rule set {set_name!r}: {domain!r} is a top-level domain, under which anyone may "
            "register a site, not one site's domain (write 'example.com')"
        )
    return site


_NOT_IN_A_HOST = re.compile(r"[:@?#%\\\s]")


def _other_spelling(domain: str) -> str | None:
    """The same domain as the other form a URL may hold: "bücher.de" as the DNS writes it,
    "xn--bcher-kva.de", and back, by IDNA 2008 as browsers map names (the `idna` package;
    Python's own codec, IDNA 2003, maps "straße.de" to another site, "strasse.de"). None where
    there is no other (an ASCII name, an address) or the name is no valid international one."""
    import idna  # here: only a site's domains are spelt, once a rule set is made

    try:
        if domain.isascii():
            if "xn--" not in domain:
                return None
            other = idna.decode(domain)
        else:
            other = idna.encode(domain, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    return other.lower() if other.lower() != domain else None
