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
Each case's decisions (every segment's label and rule) are stored too, so that a failure says
which lines moved and where to ("segment 7 noise AD001 -> body: 'Comment & Opinion'"), not only
which cases changed: a refresh then approves what was read, not an over-match unseen.
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
DECISIONS = STORED.with_name("output-decisions.json.gz")
SHOWN_CASES = 10  # changed cases described in a failure's message
SHOWN_SEGMENTS = 5  # moved segments described per case


def decisions(article: Article) -> list[str]:
    """Each segment's label and rule, as "label RULE" ("body -" where no rule decided)."""
    return [f"{s.label.value} {s.rule or '-'}" for s in article.segments]


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


def current_articles() -> dict[str, Article]:
    """Name of each case (the sample's path, `+text` for a page's text) to its Article."""
    cleaner = Cleaner()
    articles = {}
    for source in _sources():
        name = source.relative_to(SAMPLES).as_posix()
        url = _url(source)
        if source.name.endswith(".html.gz"):
            page = cleaner.clean(gzip.decompress(source.read_bytes()), url=url)
            articles[name] = page
            articles[name + "+text"] = cleaner.clean(page.text, url=url, kind="text")
        else:
            articles[name] = cleaner.clean(source.read_text(encoding="utf-8"), url=url)
    for part in sorted((Path(__file__).resolve().parent / "data" / "scale").glob("*.jsonl.gz")):
        for line in gzip.decompress(part.read_bytes()).decode("utf-8").splitlines():
            record = json.loads(line)
            if isinstance(record.get("text"), str):
                article = cleaner.clean(record["text"], url=record.get("url"), kind="text")
                articles[f"scale/{record['id']}"] = article
    return articles


def moved(name: str, article: Article, stored: list[str] | None) -> str:
    """What changed in one case: the segments whose label or rule moved, with their text; else
    the fields beside them (a headline, a byline, a warning)."""
    now = decisions(article)
    if stored is None or len(stored) != len(now):
        return f"{name}: the text was cut into other segments"
    lines = [
        f"{name}: segment {i} {was} -> {is_}: {article.segments[i].text.strip()[:70]!r}"
        for i, (was, is_) in enumerate(zip(stored, now))
        if was != is_
    ]
    if not lines:
        return f"{name}: the same decisions; a field beside them changed (headline, byline, ...)"
    more = len(lines) - SHOWN_SEGMENTS
    return "\n".join(lines[:SHOWN_SEGMENTS] + ([f"{name}: and {more} more"] if more > 0 else []))


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return current_articles()


@pytest.fixture(scope="module")
def hashes(articles: dict[str, Article]) -> dict[str, str]:
    return {name: fingerprint(article) for name, article in articles.items()}


def test_every_sample_is_hashed(hashes: dict[str, str]) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert sorted(stored) == sorted(hashes), "samples were added or removed: refresh the hashes"
    assert len(hashes) >= 300


def test_outputs_are_unchanged(hashes: dict[str, str], articles: dict[str, Article]) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    changed = sorted(name for name in stored if hashes.get(name) != stored[name])
    if not changed:
        return
    was = json.loads(gzip.decompress(DECISIONS.read_bytes()))
    described = [
        moved(name, articles[name], was.get(name)) if name in articles else f"{name}: no case now"
        for name in changed[:SHOWN_CASES]
    ]
    pytest.fail(
        f"output changed for {len(changed)} cases; if meant, refresh (see module docstring):\n"
        + "\n".join(described)
    )


def test_a_failure_says_which_segments_moved_and_to_what() -> None:
    text = (SAMPLES / "000_99f8204d1b9f3a68.txt").read_text(encoding="utf-8")
    article = Cleaner().clean(text)
    stored = decisions(article)
    first = next(i for i, d in enumerate(stored) if not d.startswith("body"))
    stored[first] = "body -"
    said = moved("seed", article, stored)
    assert said == (
        f"seed: segment {first} body - -> {decisions(article)[first]}: "
        f"{article.segments[first].text.strip()[:70]!r}"
    )
    assert "same decisions" in moved("seed", article, decisions(article))
    assert "other segments" in moved("seed", article, stored[:-1])


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
    found = current_articles()
    hashed = {name: fingerprint(article) for name, article in found.items()}
    STORED.write_text(json.dumps(hashed, indent=1, sort_keys=True) + "\n")
    decided = {name: decisions(article) for name, article in found.items()}
    encoded = json.dumps(decided, sort_keys=True, separators=(",", ":")).encode("utf-8")
    DECISIONS.write_bytes(gzip.compress(encoded, mtime=0))  # the same bytes for the same decisions
    print(f"wrote {STORED.relative_to(ROOT)} and {DECISIONS.relative_to(ROOT)}")
