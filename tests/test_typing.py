"""The package's declared types accept what its docs show a typed application doing.

`tests/typing/consumer.py` uses the public API as README.md and docs/plugins.md do (a rule that
returns a regex match or None, a bytearray to clean, a page without text to learn from) and is
checked with `mypy --strict` from the repository's root, where the package is found as source
(an editable install's import hook is invisible to mypy).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_typed_application_checks_clean_under_mypy_strict(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--no-incremental",
            "--cache-dir", str(tmp_path / "cache"), "tests/typing/consumer.py",
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found in 1 source file" in done.stdout
