"""Reading a benchmark folder of ../shared/bench-data: pages and their ground truth, by path."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    truth: str
    path: Path

    def read_text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def read_bytes(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


def load(data_dir: str | Path) -> list[Page]:
    """Pages of a folder holding ground-truth.json and either <id>.txt or html/<id>.html.gz."""
    root = Path(data_dir)
    truth_file = root / "ground-truth.json"
    if not truth_file.is_file():
        raise SystemExit(f"{root}: no ground-truth.json here; pass a folder of bench-data")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        candidates = [
            root / f"{page_id}.txt",
            root / "html" / f"{page_id}.html.gz",
            root / "html" / f"{page_id}.html",
        ]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            raise SystemExit(f"{root}: page {page_id} is in the ground truth but has no file")
        entry = truth[page_id]
        pages.append(Page(page_id, entry.get("url", ""), entry.get("articleBody", ""), path))
    return pages
