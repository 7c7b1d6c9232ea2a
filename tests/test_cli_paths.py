"""The command's check of what a run would read back, held to what `Path.rglob` really picks."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_clean.cli_paths import _listed

TREE = ["a.txt", "b.html", "doc1.txt", "a/x.txt", "a/b/y.txt", "a/b/z.html", "c/a/b/w.txt",
        ".hidden.txt", "a/doc2.txt.json"]  # fmt: skip
PATTERNS = ["*.txt", "**/*.txt", "a/*.txt", "a/**/b/*.txt", "*", "*/*", "[ab]*.txt",
            "[!a]*.txt", "doc*", "./*.txt", "a//x.txt", "*.json", "b/*"]  # fmt: skip


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_file_is_judged_listed_exactly_when_rglob_picks_it(tmp_path: Path, pattern: str) -> None:
    for name in TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    picked = {path for path in tmp_path.rglob(pattern) if path.is_file()}
    files = {tmp_path / name for name in TREE}
    assert {path for path in files if _listed(path, tmp_path, pattern)} == picked
