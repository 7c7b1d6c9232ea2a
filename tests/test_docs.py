"""The docs stay true: every Python block of the guides runs, and the rule reference is current."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean import reference
from article_clean.rulefile import tomllib

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(path: Path) -> list[tuple[str, str, str]]:
    return [
        (m.group(1), m.group(2).strip(), m.group(3))
        for m in FENCE.finditer(path.read_text("utf-8"))
    ]


@pytest.mark.parametrize("name", ["plugins.md"])
def test_every_code_block_of_the_guide_runs(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs"}
    ran = 0
    for language, info, code in blocks(DOCS / name):
        target = dict(part.split("=", 1) for part in info.split() if "=" in part).get("file")
        if target:
            Path(target).write_text(code, encoding="utf-8")
        if language == "toml":
            tomllib.loads(code)  # every TOML block parses
        elif language == "python":
            exec(compile(code, f"{name}:block", "exec"), namespace)  # noqa: S102
            ran += 1
    if name == "plugins.md":
        assert ran >= 5


def test_the_rule_reference_is_up_to_date() -> None:
    current = (DOCS / "rules.md").read_text("utf-8")
    assert current == reference.as_markdown(), (
        "docs/rules.md is stale: regenerate it with `article-clean rules --markdown > docs/rules.md`"
    )


def test_every_command_of_the_cli_guide_runs(tmp_path: Path) -> None:
    """Each `sh run` block runs in a folder holding samples/, with article-clean on the PATH."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    outputs = {}
    for language, info, code in blocks(DOCS / "cli.md"):
        if language != "sh" or info != "run":
            continue
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", code],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, f"{code}\n{done.stderr}"
        outputs[code.splitlines()[0]] = done.stdout
    texts = list(outputs.values())
    assert texts[0].startswith("headline: China and US start working group")
    assert '"caption": "Sen. John Kennedy' in texts[1]
    assert texts[2].strip() == str(len(list((ROOT / "samples").glob("region_*.txt"))))
    assert [line for line in texts[3].splitlines()] == [
        '{"id": "a1", "url": "https://example.com/a1", "body": "The council voted on Tuesday to close '
        'the old bridge to cars from next spring."}',
        '{"id": "a2", "body": "The mayor said the decision would be reviewed by the end of the year."}',
    ]
    assert (
        "exit code 1" in texts[4]
        and '"id": "mixed.jsonl:2"' in texts[4]
        and '"id": "3"' in texts[4]
    )
    assert "EXN001" in texts[5]
    assert texts[6].strip() == "samples/rules/example-news.toml: 6 of 6 examples hold"
    assert texts[7].strip() == "5"
