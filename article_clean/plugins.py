"""Rule plugins: packages that expose rule sets through the entry-point group `article_clean.rules`.

Discovery is explicit: an installed plugin changes nothing until a caller names it (or passes
`"*"` for all of them). Entry points are read once per process and each plugin is loaded once,
as pytest and flake8 do, so that a worker cleaning millions of documents pays for it once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

from .errors import PluginError
from .rules import Rule, RuleSet

GROUP = "article_clean.rules"
ALL = "*"


@functools.lru_cache(maxsize=1)
def installed() -> dict[str, EntryPoint]:
    """The installed plugins by entry-point name (the first one found, where two packages
    give the same name: `load` refuses such a name)."""
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=GROUP):
        found.setdefault(point.name, point)
    return found


def _namesakes() -> dict[str, tuple[EntryPoint, ...]]:
    """The plugin names that two or more installed packages give, with their entry points
    (read when a plugin loads, which is once per name and process)."""
    by_name: dict[str, dict[tuple[str, str], EntryPoint]] = {}
    for point in entry_points(group=GROUP):
        key = (getattr(point.dist, "name", None) or "", point.value)
        by_name.setdefault(point.name, {}).setdefault(key, point)
    return {name: tuple(points.values()) for name, points in by_name.items() if len(points) > 1}


@functools.lru_cache(maxsize=None)
def load(name: str) -> tuple[RuleSet, ...]:
    """The rule sets of the plugin `name`; a PluginError says why when there are none."""
    points = installed()
    if name not in points:
        known = ", ".join(sorted(points)) or "none installed"
        raise PluginError(f"no rule plugin named {name!r} (installed: {known})")
    namesakes = _namesakes().get(name)
    if namesakes:  # which one would win depends on the order of sys.path: neither is taken
        given = " and ".join(_package(point) for point in namesakes)
        raise PluginError(
            f"two installed packages give a rule plugin named {name!r}: {given}; "
            "uninstall one of them"
        )
    point = points[name]
    try:
        value = point.load()
    # Importing third-party code: any failure is reported as ours, an exit() called on import too
    # (it would end the caller's program, or a worker, with no word of which plugin did it).
    except (Exception, SystemExit) as error:
        raise PluginError(
            f"plugin {name!r} ({point.value}) failed to load: {_failure(error)}"
        ) from error
    # A rule is callable too (its function), but a plugin names sets, never one rule.
    if callable(value) and not isinstance(value, (RuleSet, Rule)):
        try:
            value = value()
        except (Exception, SystemExit) as error:
            raise PluginError(
                f"plugin {name!r}: its factory {point.value} raised: {_failure(error)}"
            ) from error
    sets = (value,) if isinstance(value, RuleSet) else tuple(_as_rule_sets(value, name, point))
    # Copies that name the plugin: the plugin's own objects are left as it made them.
    return tuple(rule_set.with_origin(origin(name)) for rule_set in sets)


def _failure(error: BaseException) -> str:
    """What went wrong, as a message: an exit() says it exited, and with what."""
    if isinstance(error, SystemExit):
        return "it called exit()" if error.code is None else f"it called exit({error.code!r})"
    return str(error) or type(error).__name__


def origin(name: str) -> str:
    """How listings and segments name the installed plugin `name`: with the distribution that
    installed it, so that a user knows which package to fix or remove."""
    return f"plugin {name} ({_package(installed()[name])})"


def _package(point: EntryPoint) -> str:
    """The distribution that installed the entry point `point`, or its value without one."""
    return getattr(point.dist, "name", None) or point.value


def _as_rule_sets(value: object, name: str, point: EntryPoint) -> Iterable[RuleSet]:
    expected = "expected a RuleSet, a list of RuleSets, or a zero-argument function returning one"
    items = [value]
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Rule)):
        items = list(value)
        if not items:
            raise PluginError(f"plugin {name!r}: {point.value} gave an empty list, {expected}")
        sets = [item for item in items if isinstance(item, RuleSet)]
        if len(sets) == len(items):
            return sets
    at, item = next((at, i) for at, i in enumerate(items) if not isinstance(i, RuleSet))
    what = f"rule {item.id}, a {type(item).__name__}" if isinstance(item, Rule) else (
        type(item).__name__
    )
    where = "" if item is value else f"a {type(value).__name__} whose item {at} is "
    hint = " (put rules in a RuleSet: RuleSet('mine', [...]))" if isinstance(item, Rule) else ""
    raise PluginError(f"plugin {name!r}: {point.value} gave {where}{what}{hint}, {expected}")


def resolve(names: Iterable[str]) -> tuple[RuleSet, ...]:
    """Rule sets of the named plugins, in the order named; `"*"` stands for every installed one."""
    expanded: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"plugin names must be strings, not {type(name).__name__}")
        for item in sorted(installed()) if name == ALL else [name]:
            if item not in expanded:
                expanded.append(item)
    return tuple(rule_set for name in expanded for rule_set in load(name))
