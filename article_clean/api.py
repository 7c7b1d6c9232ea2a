"""The one-call entry point, `clean()`, backed by a cached Cleaner per distinct setting."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import Any

from .cleaner import Cleaner, RuleSource
from .errors import RuleConfigError
from .model import Article, Content, KindOption
from .rulefile import rule_files
from .rules import RuleSet


@functools.lru_cache(maxsize=16)
def _cleaner(key: tuple[Any, ...]) -> Cleaner:
    rules, plugins, disable, strict = key
    sources = [rule[0] if isinstance(rule, tuple) else rule for rule in rules]  # (path, state)
    return Cleaner(rules=sources, plugins=plugins, disable=disable, strict=strict)


def _key(value: Any, files: bool = False) -> tuple[Any, ...]:
    """A hashable form of a setting: RuleSets by identity, paths as strings. One RuleSet is one
    setting, as `Cleaner` takes it, not the rules it iterates over. `files`: the values name
    rule files, which are keyed by their state on disk too, so that a file edited between two
    calls is read again (as a user edits a rule and runs it again in a notebook)."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, RuleSet)) or not isinstance(value, Iterable):
        value = [value]
    paths = tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)
    if not files:
        return paths
    return tuple((path, _file_state(path)) if isinstance(path, str) else path for path in paths)


def _file_state(path: str) -> tuple[Any, ...] | None:
    """What tells an edited rule file: its inode, size and times; for a folder, those of the
    rule files it stands for (`rule_files`: its own *.toml files, nothing below them)."""
    try:
        if os.path.isdir(path):
            return tuple((file, _file_state(file)) for file in rule_files(path))
        found = os.stat(path)
    except (OSError, ValueError, RuleConfigError):  # the Cleaner will say what is wrong
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def clean(
    text: Content,
    *,
    url: str | None = None,
    kind: KindOption | None = None,
    rules: Iterable[RuleSource] | RuleSource | None = None,
    plugins: Iterable[str] | str | None = None,
    disable: Iterable[str] | str | None = None,
    strict: bool = False,
) -> Article:
    """Clean one scraped article, as text or as an HTML page; see `Cleaner` for the settings.

    Cleaners are cached by setting, so calling `clean()` in a loop compiles the rules once.
    """
    try:
        key = (_key(rules, files=True), _key(plugins), _key(disable), strict)
        hash(key)
    except TypeError:  # an unhashable setting: build a cleaner for this call alone
        return Cleaner(rules=rules, plugins=plugins, disable=disable, strict=strict).clean(
            text, url=url, kind=kind
        )
    return _cleaner(key).clean(text, url=url, kind=kind)
