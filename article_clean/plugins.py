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
    """The installed plugins by entry-point name."""
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=GROUP):
        found.setdefault(point.name, point)
    return found


@functools.lru_cache(maxsize=None)
def load(name: str) -> tuple[RuleSet, ...]:
    """The rule sets of the plugin `name`; a PluginError says why when there are none."""
    points = installed()
    if name not in points:
        known = ", ".join(sorted(points)) or "none installed"
        raise PluginError(f"no rule plugin named {name!r} (installed: {known})")
    point = points[name]
    try:
        value = point.load()
    except Exception as error:  # importing third-party code: report any failure as ours
        raise PluginError(f"plugin {name!r} ({point.value}) failed to load: {error}") from error
    # A rule is callable too (its function), but a plugin names sets, never one rule.
    if callable(value) and not isinstance(value, (RuleSet, Rule)):
        try:
            value = value()
        except Exception as error:
            raise PluginError(
                f"plugin {name!r}: its factory {point.value} raised: {error}"
            ) from error
    sets = (value,) if isinstance(value, RuleSet) else tuple(_as_rule_sets(value, name, point))
    distribution = getattr(point.dist, "name", None) or point.value
    # Copies that name the plugin: the plugin's own objects are left as it made them.
    return tuple(rule_set.with_origin(f"plugin {name} ({distribution})") for rule_set in sets)


def _as_rule_sets(value: object, name: str, point: EntryPoint) -> Iterable[RuleSet]:
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = list(value)
        if items and all(isinstance(item, RuleSet) for item in items):
            return items
    raise PluginError(
        f"plugin {name!r}: {point.value} gave {type(value).__name__}, expected a RuleSet, "
        "a list of RuleSets, or a zero-argument function returning one"
    )


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
