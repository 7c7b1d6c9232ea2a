"""TOML rule files: the way to add rules without writing Python.

```toml
name = "example-news"
domains = ["example.com"]          # optional: only for pages of these sites
[[rule]]
id = "EXN001"
label = "noise"
pattern = '^Sponsored by '
flags = ["IGNORECASE"]             # optional
scope = "block"                    # or "rest": this block and everything after it
max_chars = 100                    # optional: longer blocks are not searched
requires = ["sponsored"]           # optional: search only blocks containing one of these
description = "sponsor line above the story"
examples = ["Sponsored by Acme"]   # lines it must take: `article-clean rules --check FILE`
counter_examples = ["Sponsored by the city, the fair drew crowds."]  # lines it must leave
tags = ["related-heading"]         # optional: read like the built-in rules with this tag
```
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import Any

from .errors import RuleConfigError
from .pattern_size import check_file_size
from .rules import PatternRule, RuleSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_TOP_KEYS = {"name", "domains", "description", "stage", "rule"}
_RULE_KEYS = {
    "id", "label", "pattern", "flags", "scope", "description", "max_chars", "requires",
    "examples", "counter_examples", "tags",
}  # fmt: skip


def rule_files(path: str | os.PathLike[str]) -> list[str]:
    """The rule files `path` stands for: itself, or, for a folder, its *.toml files in name
    order (as `learn` writes one per site; not its subfolders'); a folder with none, or one that
    cannot be read, is a RuleConfigError, not a run without its rules."""
    where = os.fsdecode(path)
    if not os.path.isdir(where):
        return [where]
    try:
        with os.scandir(where) as entries:  # one listing, whose failure is said (glob's is not)
            names = sorted(e.name for e in entries if e.name.endswith(".toml") and e.is_file())
    except OSError as error:
        raise RuleConfigError(
            f"{where}: cannot read the folder: {error.strerror or error}"
        ) from None
    found = [str(Path(where) / name) for name in names]
    if not found:
        raise RuleConfigError(f"{where}: the folder holds no .toml rule file")
    return found


def load_rule_file(path: str | os.PathLike[str]) -> RuleSet:
    """Read a TOML rule file; any mistake is a RuleConfigError naming file, rule and field."""
    if not isinstance(path, (str, os.PathLike)):
        # An int would be opened as a file descriptor, read and closed: stdout, a pipe.
        raise TypeError(f"a rule file is named by a path (str or Path), not {type(path).__name__}")
    where = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        # A byte-order mark, as some Windows editors write it, is no TOML: read past it.
        skip = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
        data = tomllib.loads(raw[skip:].decode("utf-8"))
    except OSError as error:
        raise RuleConfigError(
            f"{where}: cannot read rule file: {error.strerror or error}"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise RuleConfigError(f"{where}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise RuleConfigError(
            f"{where}: not UTF-8 text (a TOML file must be): byte "
            f"{error.start + skip}: {error.reason}"
        ) from None
    except RecursionError:
        raise RuleConfigError(f"{where}: not valid TOML: nested too deeply") from None
    if not data:
        raise RuleConfigError(
            f"{where}: the file sets nothing (a rule file needs a name and rules)"
        )
    return rule_set_from_dict(data, where)


def _shown_id(rule_id: object, position: int) -> str:
    """A rule's id as a message shows it before ids are checked: as written where it is
    printable, else quoted (a line break in it would forge a second message)."""
    if not isinstance(rule_id, str):
        return f"#{position}"
    return rule_id if rule_id.isprintable() else repr(rule_id)


def rule_set_from_dict(data: dict[str, Any], where: str) -> RuleSet:
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RuleConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = _field(data, "name", str, where, required=True)
    domains = _field(data, "domains", list, where, required=False) or []
    if not all(isinstance(d, str) for d in domains):
        raise RuleConfigError(f"{where}: field 'domains' must be a list of strings")
    tables = _field(data, "rule", list, where, required=True)
    if not tables:
        raise RuleConfigError(f"{where}: no [[rule]] table")
    check_file_size(
        (
            (_shown_id(table.get("id"), position), table[key])
            for position, table in enumerate(tables, 1)
            if isinstance(table, dict)
            for key in ("pattern", "screen")
            if isinstance(table.get(key), str)
        ),
        where,
    )
    rules = [_rule(table, position, where) for position, table in enumerate(tables, 1)]
    stage = _field(data, "stage", str, where, required=False) or "markers"
    description = _field(data, "description", str, where, required=False) or ""
    try:
        return RuleSet(
            name,
            rules,
            stage=stage,
            domains=domains,
            description=description,
            origin=f"file {where}",  # the path as given: two sites' files may share a name
        )
    except RuleConfigError as error:
        raise RuleConfigError(f"{where}: {error}") from None


def _rule(table: Any, position: int, where: str) -> PatternRule:
    if not isinstance(table, dict):
        raise RuleConfigError(f"{where}: rule #{position} is not a table")
    rule_id = table.get("id", f"#{position}")
    here = f"{where}: rule {rule_id}"
    unknown = set(table) - _RULE_KEYS
    if unknown:
        raise RuleConfigError(f"{here}: unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("id", "label", "pattern"):
        if required not in table:
            raise RuleConfigError(f"{here}: missing field {required!r}")
    for key in ("id", "label", "pattern", "scope", "description"):
        if key in table and not isinstance(table[key], str):
            raise RuleConfigError(f"{here}: field {key!r} must be a string")
    max_chars = table.get("max_chars")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)):
        raise RuleConfigError(f"{here}: field 'max_chars' must be a whole number")
    for key in ("requires", "examples", "counter_examples", "tags"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
            raise RuleConfigError(f"{here}: field {key!r} must be a list of strings")
    requires = table.get("requires", [])
    flags = table.get("flags", [])
    if not isinstance(flags, (str, list)):
        raise RuleConfigError(f"{here}: field 'flags' must be a string or a list of strings")
    try:
        return PatternRule(
            table["id"],
            table["label"],
            table["pattern"],
            flags=flags,
            scope=table.get("scope", "block"),
            description=table.get("description", ""),
            max_chars=max_chars,
            requires=requires,
            examples=table.get("examples", []),
            counter_examples=table.get("counter_examples", []),
            tags=table.get("tags", []),
        )
    except RuleConfigError as error:
        # The file, the rule and the field are named here: the rule's own naming is dropped.
        message = str(error).removeprefix(f"rule {table['id']}: ")
        raise RuleConfigError(f"{here}: field {_blamed_field(message)!r}: {message}") from None


def _blamed_field(message: str) -> str:
    """The field a rule's message is about: the one it names first. The message goes on to
    quote the rule's own text (its pattern, an example), which may hold any of these words."""
    found = [(at, key) for key, needle in _FIELD_WORDS if (at := message.find(needle)) >= 0]
    return min(found)[1] if found else "rule"


# Each field of a rule file and the word a rule's message names it by.
_FIELD_WORDS = (
    ("id", "rule id"),
    ("label", "label"),
    ("pattern", "pattern"),
    ("flags", "flag"),
    ("scope", "scope"),
    ("max_chars", "max_chars"),
    ("requires", "requires"),
    ("counter_examples", "counter_examples"),
    ("examples", "example"),
    ("tags", "tags"),
)


_KIND_NAMES = {str: "a string", list: "a list", int: "an integer", bool: "true or false"}


def _field(data: dict[str, Any], key: str, kind: type, where: str, *, required: bool) -> Any:
    if key not in data:
        if required:
            raise RuleConfigError(f"{where}: missing field {key!r}")
        return None
    value = data[key]
    if not isinstance(value, kind):
        raise RuleConfigError(f"{where}: field {key!r} must be {_KIND_NAMES[kind]}")
    return value
