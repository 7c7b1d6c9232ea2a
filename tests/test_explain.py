"""The explain report: its content, its safety, and how it renders in a real headless Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean import clean
from article_clean.explain import report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_99f8204d1b9f3a68.txt"
ARTIFACTS = ROOT / "artifacts"
HOSTILE = (
    "Breaking: a headline for the test\n\n"
    "A paragraph of the story, long enough to read as prose in any test at all.\n\n"
    "<script>document.body.setAttribute('data-pwned', 'script')</script>\n\n"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">\n\n"
    "Another paragraph of the story, also long enough to read as prose in a test."
)


def test_report_marks_every_removed_segment_with_its_rule() -> None:
    article = clean(SEED.read_text("utf-8"))
    page = report(article, title="seed")
    removed = re.findall(
        r'<span class="segment removed" data-label="(\w+)" data-rule="(\w+)"', page
    )
    assert removed == [(s.label.value, s.rule) for s in article.removed]
    for rule in ("AD001", "TRL001", "TRL002", "TRL003", "CAP001"):
        assert f'data-rule="{rule}"><td><code>{rule}</code>' in page  # in the legend
    assert 'title="noise · AD001: an ad slot label on a line of its own' in page  # on hover


def test_report_escapes_the_article_text() -> None:
    page = report(clean(HOSTILE, kind="text"), title="<b>hostile</b>")
    assert "<script>" not in page and "<img" not in page
    assert html.escape("<script>document.body") in page
    assert "&lt;b&gt;hostile&lt;/b&gt;" in page
    assert "default-src 'none'" in page  # and the page forbids scripts anyway


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _headless(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    binary = _chromium()
    if binary is None:
        pytest.skip("no Chromium on this machine (Debian package 'chromium'; .ci/run installs it)")
    profile = page.parent / "chromium-profile"
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_chromium_shows_the_removed_segments_of_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "seed-report.html"
    made = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", "explain", str(SEED), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    dom = _headless(out, "--dump-dom").stdout
    removed = re.findall(r'class="segment removed"', dom)
    assert len(removed) == 5  # ADVERTISING and the four trailer blocks
    assert re.findall(r'<tr class="legend-rule" data-rule="(\w+)"', dom) == [
        "AD001",
        "CAP001",
        "HED002",
        "TRL001",
        "TRL002",
        "TRL003",
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "explain-seed.png"
    _headless(out, "--window-size=1200,1600", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_chromium_runs_no_script_from_the_article(tmp_path: Path) -> None:
    out = tmp_path / "hostile-report.html"
    out.write_text(report(clean(HOSTILE, kind="text"), title="hostile"), encoding="utf-8")
    dom = _headless(out, "--dump-dom").stdout
    assert "<body" in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;" in dom


def test_the_kept_article_comes_first_and_removed_lines_fold_by_rule() -> None:
    article = clean(SEED.read_text("utf-8"))
    page = report(article, title="seed")
    article_at, removed_at = page.index('id="field-headline"'), page.index('id="removed"')
    assert article_at < removed_at < page.index('class="segment removed"')
    folded = re.findall(r'<details class="removed-rule" data-rule="(\w+)">', page)
    assert folded == ["AD001", "TRL001", "TRL002", "TRL003"]
    trl001 = page.split('data-rule="TRL001">', 1)[1].split("</details>", 1)[0]
    assert trl001.count('class="removed-line"') == 2


def test_kept_headline_and_caption_carry_their_rule_badge() -> None:
    article = clean(SEED.read_text("utf-8"))
    page = report(article, title="seed")
    headline_rule = next(s.rule for s in article.segments if s.label.value == "headline")
    caption_rule = next(s.rule for s in article.segments if s.label.value == "caption")
    assert re.search(
        rf'id="field-headline"><span class="rule"[^>]*>{headline_rule}</span>'
        r'<span lang="en">China and US',
        page,
    )
    caption_badge = (
        rf'id="field-caption"><span class="rule"[^>]*>{caption_rule}</span><span lang="en">Sen\.'
    )
    assert re.search(caption_badge, page)
    kept = re.search(r'<span class="segment" data-label="headline"[^>]*>(.*?)</span>', page)
    assert kept is not None and f">{headline_rule}" in kept.group(1)


KOREAN = "서울에서 열린 선거에서 많은 시민들이 투표에 참여했다. "


def test_the_report_says_where_a_byline_came_from_and_the_storys_language_date_and_url() -> None:
    page_html = (
        '<html lang="ko"><head><meta name="author" content="Kim Min-ji">'
        '<link rel="canonical" href="https://news.example.kr/a/1"></head><body><article>'
        "<h1>서울 시장 선거 결과</h1>"
        + "".join(f"<p>{KOREAN * 4}{n}</p>" for n in range(4))
        + "</article></body></html>"
    )
    article = clean(page_html)
    assert article.byline == "Kim Min-ji" and article.language == "ko"
    assert not any(s.label.value == "byline" for s in article.segments)  # not in the text
    page = report(article, title="kr")
    assert re.search(
        r'id="field-byline"><span class="source">from the page\'s metadata</span> '
        r'<span lang="ko">Kim Min-ji</span>',
        page,
    )
    assert f'id="about-language">ko ({article.language_source})</dd>' in page
    assert 'id="about-url">https://news.example.kr/a/1</dd>' in page
    assert '<div class="text" lang="ko">' in page
    assert page.startswith('<!DOCTYPE html><html lang="en">')  # the report's own words


def test_records_piped_to_explain_are_explained_as_one_text_and_said_to_be() -> None:
    from tests.test_cli import run

    records = "\n".join(json.dumps({"text": f"story {n}"}) for n in range(3)) + "\n"
    done = run("explain", "-", "-o", "-", stdin=records.encode("utf-8"))
    assert done.returncode == 0 and "story 2" in done.stdout
    assert "standard input holds JSON lines and is explained as one text" in done.stderr


def test_an_explain_error_line_names_the_errors_kind(tmp_path: Path) -> None:
    from tests.test_cli import run

    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"a story\x00with a NUL in it")
    done = run("explain", str(binary), "-o", str(tmp_path / "r.html"))
    assert done.returncode == 1
    assert done.stderr.startswith(f"article-clean: {binary}: DecodeError: ")


def test_a_rest_scope_rules_lines_are_said_to_run_on_after_the_line_it_matched() -> None:
    from article_clean.builtin import rule_sets
    from article_clean.explain import descriptions

    described = descriptions(rule_sets())
    rest = [r for s in rule_sets() for r in s.rules if r.scope.value == "rest"]
    block = [r for s in rule_sets() for r in s.rules if r.scope.value == "block"]
    assert rest and block
    suffix = " (the line it matched, and the lines after it that no other rule took)"
    assert all(described[r.id] == r.description + suffix for r in rest)
    assert all(described[r.id] == r.description for r in block)
    page = report(clean(SEED.read_text("utf-8")), title="seed")
    trl001 = next(r for r in rest if r.id == "TRL001")
    assert html.escape(described["TRL001"]) in page and trl001.scope.value == "rest"


def test_a_metadata_byline_is_marked_so_though_the_text_has_a_line_of_other_names() -> None:
    page_html = (
        '<html><head><meta name="author" content="Jane Roe"></head><body><article>'
        "<h1>Council votes to rebuild the old bridge</h1><p>John Smith and Mary Major</p>"
        + "".join(f"<p>{STORY_LINE} {n}</p>" for n in range(4))
        + "</article></body></html>"
    )
    article = clean(page_html)
    assert article.byline == "Jane Roe"
    assert re.search(
        r'id="field-byline"><span class="source">from the page\'s metadata</span> ', report(article)
    )


STORY_LINE = (
    "The council voted on Monday to rebuild the old bridge over the river, ending a debate that "
    "had run for years among the town's residents and its engineers."
)
