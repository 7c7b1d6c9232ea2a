"""Learned rule sets as TOML rule files, with each rule's evidence as comments to review.

The files are ordinary rule files (`article_clean.rulefile`): `rules=` and `--rules` take them as
they are, and a reviewer deletes the rules they disagree with.
"""

from __future__ import annotations

import os
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from .learn import LearnedRule
from .rules import PatternRule, RuleSet


def _string(value: str) -> tomlkit.items.String:
    # A literal string ('...') keeps a pattern's backslashes readable, where it can hold it.
    literal = "'" not in value and "\n" not in value and value.isprintable()
    return tomlkit.string(value, literal=literal)


def to_toml(rule_set: RuleSet) -> str:
    """The rule file of a learned rule set."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment(f"Learned by 'article-clean learn': {rule_set.description}."))
    doc.add(tomlkit.comment("Review each rule and delete the ones that would remove story text."))
    doc.add("name", rule_set.name)
    doc.add("domains", rule_set.domains)
    doc.add("description", rule_set.description)
    rules = tomlkit.aot()
    for rule in rule_set.rules:
        if not isinstance(rule, PatternRule):
            raise TypeError(f"rule {rule.id} is no pattern rule: only those go into a rule file")
        table = tomlkit.table()
        if isinstance(rule, LearnedRule):
            evidence = rule.evidence
            table.add(tomlkit.comment(evidence.summary()))
            for example in evidence.examples:
                table.add(tomlkit.comment(f"e.g. {example!r}"))
        table.add("id", rule.id)
        table.add("label", rule.label.value)
        table.add("scope", rule.scope.value)
        table.add("pattern", _string(rule.pattern))
        if rule.requires:
            table.add("requires", list(rule.requires))
        examples = [e.text for e in rule.examples if e.line is None and e.kind == "text"]
        if examples:  # `article-clean rules --check FILE` runs them
            table.add("examples", examples)
        table.add("description", rule.description)
        rules.append(table)
    doc.add("rule", rules)
    return tomlkit.dumps(doc)


def file_name(site: str) -> str:
    """`<site>.toml`, with nothing in it that could leave the folder."""
    safe = "".join(c if c.isalnum() or c in ".-_" else "_" for c in site).strip(".")
    return f"{safe or 'site'}.toml"


def rules_in_file(path: Path) -> int | None:
    """How many rules the rule file at `path` holds; None where it cannot be read as one."""
    try:
        rules = tomlkit.parse(path.read_text("utf-8")).unwrap().get("rule", [])
    except (OSError, UnicodeDecodeError, TOMLKitError):
        return None
    return len(rules) if isinstance(rules, list) else None


def replaced_files(
    rule_sets: dict[str, RuleSet], directory: str | os.PathLike[str]
) -> list[tuple[Path, int | None, int]]:
    """The files `write_rule_files` would replace, each with the rules it holds now (None where
    it cannot be read) and will hold: a rule a reviewer deleted is learned again, so say so."""
    found = []
    for site, rule_set in sorted(rule_sets.items()):
        path = Path(directory) / file_name(site)
        if path.exists():
            found.append((path, rules_in_file(path), len(rule_set)))
    return found


def write_rule_files(
    rule_sets: dict[str, RuleSet], directory: str | os.PathLike[str]
) -> list[Path]:
    """Write `<site>.toml` for each site into `directory` (made if missing), replacing a file
    there of that name (`replaced_files` says which); the paths written."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for site, rule_set in sorted(rule_sets.items()):
        path = folder / file_name(site)
        path.write_text(to_toml(rule_set), encoding="utf-8")
        written.append(path)
    return written
