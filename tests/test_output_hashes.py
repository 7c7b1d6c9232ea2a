"""Every Article the samples give, hashed whole: a change of output anywhere is caught.

`test_samples.py` checks the fields a reader cares about; this checks everything else too (every
segment's offsets, label and rule id, warnings, failures, language, date), so that work meant to
change nothing but speed is held to exactly that. Each file in `samples/` is cleaned as it is;
each HTML page's extracted text is also cleaned again as plain text (a whole page's worth of
lines through the text path); and so is every record of `tests/data/scale/` (181 region texts
and 120 whole-page texts), so that the text path is held on some three hundred real pages.

When a change of output is meant (a new rule, a fixed decision), refresh the stored hashes
deliberately, and say in the commit which samples changed and why:

    python tests/test_output_hashes.py --refresh

then look at `git diff tests/data/output-hashes.json`: only the files you expect should move.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

from article_clean import Article, Cleaner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
STORED = Path(__file__).resolve().parent / "data" / "output-hashes.json"


def fingerprint(article: Article) -> str:
    """SHA-256 of the Article's JSON form: all fields, every segment with its label and rule."""
    encoded = json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _sources() -> list[Path]:
    return sorted(
        p
        for p in SAMPLES.rglob("*")
        if p.is_file() and p.name.endswith((".txt", ".html.gz")) and "LICENSE" not in p.name
    )


def _url(source: Path) -> str | None:
    stem = source.name.split(".")[0]
    expected = source.with_name(stem + ".expected.json")
    if expected.is_file():
        return json.loads(expected.read_text(encoding="utf-8")).get("url")
    return None


def current_hashes() -> dict[str, str]:
    """Name of each case (the sample's path, `+text` for a page's text) to its Article's hash."""
    cleaner = Cleaner()
    hashes = {}
    for source in _sources():
        name = source.relative_to(SAMPLES).as_posix()
        url = _url(source)
        if source.name.endswith(".html.gz"):
            page = cleaner.clean(gzip.decompress(source.read_bytes()), url=url)
            hashes[name] = fingerprint(page)
            hashes[name + "+text"] = fingerprint(cleaner.clean(page.text, url=url, kind="text"))
        else:
            hashes[name] = fingerprint(cleaner.clean(source.read_text(encoding="utf-8"), url=url))
    for part in sorted((Path(__file__).resolve().parent / "data" / "scale").glob("*.jsonl.gz")):
        for line in gzip.decompress(part.read_bytes()).decode("utf-8").splitlines():
            record = json.loads(line)
            if isinstance(record.get("text"), str):
                article = cleaner.clean(record["text"], url=record.get("url"), kind="text")
                hashes[f"scale/{record['id']}"] = fingerprint(article)
    return hashes


@pytest.fixture(scope="module")
def hashes() -> dict[str, str]:
    return current_hashes()


def test_every_sample_is_hashed(hashes: dict[str, str]) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert sorted(stored) == sorted(hashes), "samples were added or removed: refresh the hashes"
    assert len(hashes) >= 300


def test_outputs_are_unchanged(hashes: dict[str, str]) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    changed = sorted(name for name in stored if hashes.get(name) != stored[name])
    assert not changed, f"output changed for {changed}; if meant, refresh (see module docstring)"


def test_fingerprint_sees_a_rule_id() -> None:
    text = (SAMPLES / "000_99f8204d1b9f3a68.txt").read_text(encoding="utf-8")
    article = Cleaner().clean(text)
    removed = next(i for i, s in enumerate(article.segments) if s.rule)
    segment = article.segments[removed]
    renamed = list(article.segments)
    renamed[removed] = type(segment)(
        segment.start, segment.end, segment.text, segment.label, segment.rule + "X"
    )
    changed = type(article)(**{**article.__dict__, "segments": tuple(renamed)})
    assert fingerprint(changed) != fingerprint(article)


if __name__ == "__main__":
    if sys.argv[1:] != ["--refresh"]:
        raise SystemExit("usage: python tests/test_output_hashes.py --refresh")
    STORED.write_text(json.dumps(current_hashes(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {STORED.relative_to(ROOT)}")
