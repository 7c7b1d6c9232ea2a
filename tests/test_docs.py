"""The docs stay true: every Python block of the guides runs, and the rule reference is current."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import lxml.etree
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


# Every guide with code in it: the README and docs/*.md.
GUIDES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
RUN = ("python", "sh", "bash")  # blocks that are run; "text" and bare fences show output
PARSED = ("toml", "json", "xml")
_SKIP = re.compile(r'skip="([^"]+)"')
_NEEDS = re.compile(r"needs=([\w.,]+)")


def _options(info: str) -> dict[str, str]:
    """A fence's options after its language: `file=NAME`, `skip="why"`, `needs=module`."""
    found = dict(part.split("=", 1) for part in info.split() if "=" in part)
    skip = _SKIP.search(info)
    if skip:
        found["skip"] = skip.group(1)
    return found


def _skipped_blocks() -> list[tuple[str, int, str]]:
    return [
        (path.name, number, _options(info)["skip"])
        for path in GUIDES
        for number, (language, info, _) in enumerate(blocks(path), 1)
        if language in RUN and "skip" in _options(info)
    ]


def _missing(info: str) -> list[str]:
    import importlib.util

    needs = _NEEDS.search(info)
    names = needs.group(1).split(",") if needs else []
    return [name for name in names if importlib.util.find_spec(name) is None]


def run_shell(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """A guide's shell block, run as a reader would: bash stopping at the first failure, with
    this interpreter's article-clean on the PATH."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_code_block_runs_as_pasted(guide: Path, tmp_path: Path) -> None:
    """Each guide's blocks run in order in a fresh folder holding samples/ and examples/, as a
    reader who pasted them in a checkout would: Python blocks share one namespace, shell blocks
    run with article-clean on the PATH. A shell block that installs packages or needs data
    outside the repository says why it is skipped (`sh skip="..."`); a block that needs an
    optional extra (`python needs=pyspark`) runs where it is installed. The cli guide's
    `sh run` blocks are run, and their output checked, by the test below."""
    for name in ("samples", "examples"):
        (tmp_path / name).symlink_to(ROOT / name)
    namespace: dict[str, object] = {"__name__": "docs"}
    ran, missing = 0, set()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        for number, (language, info, code) in enumerate(blocks(guide), 1):
            options = _options(info)
            where = f"{guide.name}, block {number}"
            if "file" in options:
                Path(options["file"]).write_text(code, encoding="utf-8")
            if language == "toml":
                tomllib.loads(code)
            elif language == "json":
                json.loads(code)
            elif language == "xml":
                lxml.etree.fromstring(code.encode("utf-8"))
            if language not in RUN or "skip" in options or info == "run":
                continue
            if _missing(info):
                missing.update(_missing(info))
                continue
            if language == "python":
                exec(compile(code, where, "exec"), namespace)  # noqa: S102
            else:
                done = run_shell(code)
                assert done.returncode == 0, f"{where}:\n{code}\n{done.stderr}"
            ran += 1
    finally:
        os.chdir(cwd)
    if guide.name == "plugins.md":
        assert ran >= 5
    if missing:
        pytest.skip(f"{guide.name}: some blocks need {', '.join(sorted(missing))} (not installed)")
    assert ran or not any(lang in RUN for lang, _, _ in blocks(guide)) or guide.name in (
        "cli.md",
        "accuracy.md",
        "robustness.md",
    )


@pytest.mark.parametrize("guide, number, reason", _skipped_blocks())
def test_a_block_that_is_not_run_says_why(guide: str, number: int, reason: str) -> None:
    """Reported in the test summary: which blocks do not run here, and why."""
    assert len(reason.split()) >= 2, f"{guide}, block {number}: say why it is not run"
    pytest.skip(f"{guide}, block {number} is not run: {reason}")


def test_the_readme_shows_what_the_command_prints() -> None:
    """The README's output block: every line of it, but the elided ones, is in the output."""
    shown = next(code for lang, _, code in blocks(ROOT / "README.md") if lang == "text")
    done = subprocess.run(
        [sys.executable, "-m", "article_clean", "samples/000_99f8204d1b9f3a68.txt", "-q",
         "--format", "text"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    printed = done.stdout.splitlines()
    for line in shown.splitlines():
        if line.startswith("...") or not line:
            continue
        assert line in printed or (line.endswith("...") and any(
            p.startswith(line[:-3]) for p in printed
        )), line


def test_the_rule_reference_is_up_to_date() -> None:
    current = (DOCS / "rules.md").read_text("utf-8")
    assert current == reference.as_markdown(), (
        "docs/rules.md is stale: regenerate it with `article-clean rules --markdown > docs/rules.md`"
    )


def test_every_command_of_the_cli_guide_runs(tmp_path: Path) -> None:
    """Each `sh run` block runs in a folder holding samples/, with article-clean on the PATH."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    outputs = {}
    for language, info, code in blocks(DOCS / "cli.md"):
        if language != "sh" or info != "run":
            continue
        done = run_shell(code, tmp_path)
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
        and '"id": 3,' in texts[4]
    )
    assert "EXN001" in texts[5]
    assert texts[6].strip() == "samples/rules/example-news.toml: 6 of 6 examples hold"
    assert texts[7].strip() == "5"


def test_the_plugin_guide_shows_the_example_plugins_whole_pyproject() -> None:
    guide = (DOCS / "plugins.md").read_text("utf-8")
    shown = next(code for language, _, code in blocks(DOCS / "plugins.md") if "[project]" in code)
    assert "This is the whole\n`pyproject.toml`" in guide
    example = ROOT / "examples" / "plugin-staradvertiser" / "pyproject.toml"
    assert shown == example.read_text("utf-8")
