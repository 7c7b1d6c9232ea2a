"""The package is ready to publish: one version everywhere, a licence, metadata a registry shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import article_clean
from article_clean.rulefile import tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_one_version_in_pyproject_the_package_and_the_changelog() -> None:
    assert PROJECT["version"] == article_clean.__version__
    top = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text("utf-8"), re.MULTILINE)
    assert top is not None and top.group(1) == PROJECT["version"]


def test_the_wheel_carries_the_licence_and_the_metadata(tmp_path: Path) -> None:
    # Built from a copy of what a wheel is made of, so the build leaves nothing in the checkout.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "article_clean", source / "article_clean",
                    ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("article_clean-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(archive.read(n) for n in names if n.endswith(".dist-info/METADATA"))
    text = metadata.decode("utf-8")
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in text
    assert f"Version: {article_clean.__version__}" in text
    assert "Classifier: Development Status :: 3 - Alpha" in text
    assert "Requires-Python: >=3.10" in text
    assert "article_clean/builtin/headline_weights.json" in names
    assert not any(n.startswith(("tests/", "samples/", "benchmarks/")) for n in names)


def test_text_input_never_loads_the_html_extractor() -> None:
    # The import and a text document stay quick: trafilatura (and its metadata readers) load
    # only when a page is HTML.
    script = (
        "import sys, article_clean\n"
        "assert 'trafilatura' not in sys.modules, 'imported with the package'\n"
        "article_clean.clean('A story told in plain words, long enough to be prose here. ' * 9)\n"
        "assert 'trafilatura' not in sys.modules, 'imported by a text document'\n"
        "page = '<html><body><p>' + 'A paragraph of words. ' * 30 + '</p></body></html>'\n"
        "article_clean.clean(page)\n"
        "assert 'trafilatura' in sys.modules, 'an HTML page reads it'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
