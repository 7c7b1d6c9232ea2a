"""The one-call entry point, `clean()`, backed by a cached Cleaner per distinct setting."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import Any

from .cleaner import Cleaner, KindOption, RuleSource
from .model import Article
from .rules import RuleSet


@functools.lru_cache(maxsize=16)
def _cleaner(key: tuple[Any, ...]) -> Cleaner:
    rules, plugins, disable, strict = key
    return Cleaner(rules=rules, plugins=plugins, disable=disable, strict=strict)


def _key(value: Any) -> tuple[Any, ...]:
    """A hashable form of a setting: RuleSets by identity, paths as strings. One RuleSet is one
    setting, as `Cleaner` takes it, not the rules it iterates over."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, RuleSet)) or not isinstance(value, Iterable):
        value = [value]
    return tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)


def clean(
    text: str | bytes,
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
        key = (_key(rules), _key(plugins), _key(disable), strict)
        hash(key)
    except TypeError:  # an unhashable setting: build a cleaner for this call alone
        return Cleaner(rules=rules, plugins=plugins, disable=disable, strict=strict).clean(
            text, url=url, kind=kind
        )
    return _cleaner(key).clean(text, url=url, kind=kind)
