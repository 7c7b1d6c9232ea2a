"""Learning a site's rules from its pages: what is learned, what never is, and the rule files.

The corpora are real stories from `samples/` (a page per four paragraphs), each given the
Star-Advertiser's real reply form, a comment count, a newsletter line, morebikes.co.uk's real
subscription offer (its price changing), a gallery link and a section line, as a site's pages
carry them; some pages also share a story paragraph (the same wire-service paragraph in several
stories), which must never become a rule.
"""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest
import regex
import tomlkit
from hypothesis import given
from hypothesis import strategies as st

from article_clean import Cleaner, InputError, InputTooLarge, Label, RuleSet, learn_rules
from article_clean.cli import main
from article_clean.learn import (
    BUCKET_PAGES,
    STORY_EVIDENCE,
    LearnedRule,
    Learner,
    LineStats,
    Seen,
    SiteCounts,
    decide,
    line_key,
    normalise,
    pattern_of,
    registered_domain,
)
from article_clean.learnfile import to_toml, write_rule_files
from article_clean.rulefile import load_rule_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SITE = "staradvertiser.com"

# The Star-Advertiser's own reply form, as samples/000_99f8204d1b9f3a68.txt ends.
FOOTER = [
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "*",
]
NEWSLETTER = "Get the Star-Advertiser's top stories delivered to your inbox every morning."
SUBSCRIBE = "Subscribe today to the Honolulu Star-Advertiser for full digital access."
SECTION = "Hawaii News | Top News"
PHOTOS = "Click here to see more photos from the Star-Advertiser's photo gallery of the week."


def offer(number: int) -> str:
    """A real site's subscription offer (morebikes.co.uk's, as tests/data/learn shows it), its
    price changing from page to page."""
    return (
        "Get Motor Cycle Monthly delivered through your letterbox every month. "
        f"12 issues for £{10 + number % 4}.99. Click here for more information."
    )


def stories() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs): the sample stories, four paragraphs a page, each page different."""
    by_headline: dict[str, list[str]] = {}
    for path in sorted(SAMPLES.glob("**/*.expected.json")):
        expected = json.loads(path.read_text("utf-8"))
        if expected["headline"]:
            by_headline.setdefault(expected["headline"], expected["paragraphs"])
    found = []
    for headline, paragraphs in by_headline.items():
        for start in range(0, len(paragraphs), 4):
            part = paragraphs[start : start + 4]
            if len(part) >= 3:
                found.append((headline if start == 0 else f"{headline} ({start // 4 + 1})", part))
    return found


# A story paragraph of one sample that other stories carry too, as wire copy is.
SHARED = stories()[0][1][-1]


def page(number: int, headline: str, paragraphs: list[str], *, shared: bool = False) -> str:
    middle = len(paragraphs) // 2
    story = paragraphs[:middle] + [NEWSLETTER] + paragraphs[middle:]
    if shared:
        story.append(SHARED)
    if number % 8 == 0:  # the gallery link ends the story on some pages, the page on the others
        story.append(PHOTOS)
    head = [headline] + ([SECTION] if number % 2 == 0 else [])
    tail = [SUBSCRIBE, offer(number), f"{number * 7 + 3} Comments", *FOOTER]
    if number % 8:
        tail.append(PHOTOS)
    return "\n\n".join(head + story + tail) + "\n"


def corpus(shared_pages: int = 5, pages: int | None = None) -> list[tuple[str, str]]:
    return [
        (
            page(n, headline, paragraphs, shared=n < shared_pages),
            f"https://www.{SITE}/2024/01/{n:02d}/story-{n}/",
        )
        for n, (headline, paragraphs) in enumerate(stories()[:pages])
    ]


@pytest.fixture(scope="module")
def learner() -> Learner:
    learner = Learner()
    for text, url in corpus():
        learner.add(text, url)
    return learner


@pytest.fixture(scope="module")
def learned(learner: Learner) -> RuleSet:
    rule_sets = learner.rule_sets()
    assert list(rule_sets) == [SITE]
    return rule_sets[SITE]


def rule_for(rule_set: RuleSet | None, line: str) -> LearnedRule | None:
    """The learned rule that matches `line`, if one does."""
    for rule in rule_set.rules if rule_set is not None else ():
        if isinstance(rule, LearnedRule) and rule.search(line) is not None:
            return rule
    return None


def stats(learner: Learner, line: str):  # type: ignore[no-untyped-def]
    return learner.sites[SITE].lines[line_key(normalise(line))]


def test_the_corpus_is_real_stories_of_one_site() -> None:
    assert len(stories()) >= 30
    assert len({headline for headline, _ in stories()}) == len(stories())
    assert learn_rules(corpus()).keys() == {SITE}


def test_the_site_template_lines_are_learned_with_their_place(learned: RuleSet) -> None:
    assert rule_for(learned, NEWSLETTER).label is Label.NOISE  # inside the story on most pages
    assert rule_for(learned, SECTION).label is Label.NOISE  # before the story, on half the pages
    assert rule_for(learned, offer(1)).label is Label.TRAILER  # after the story on every page
    assert rule_for(learned, PHOTOS).label is Label.TRAILER  # after the story on most pages
    assert learned.domains == (SITE,)


def test_story_paragraphs_and_a_shared_paragraph_are_never_learned(
    learner: Learner, learned: RuleSet
) -> None:
    assert stats(learner, SHARED).pages == 5 and stats(learner, SHARED).body == 5
    assert rule_for(learned, SHARED) is None
    paragraphs = {p for _, ps in stories() for p in ps}
    for rule in learned.rules:
        assert isinstance(rule, LearnedRule)
        for paragraph in paragraphs:
            assert rule.search(paragraph) is None, (rule.id, paragraph)


def test_a_paragraph_every_story_shares_is_still_never_learned() -> None:
    everywhere = corpus(shared_pages=len(stories()))
    assert rule_for(learn_rules(everywhere, min_pages=2).get(SITE), SHARED) is None


def test_a_line_the_cleaner_keeps_on_most_pages_is_never_learned(
    learner: Learner, learned: RuleSet
) -> None:
    seen = stats(learner, SUBSCRIBE)
    assert seen.pages == len(stories()) and seen.body > seen.pages / 2
    assert rule_for(learned, SUBSCRIBE) is None


def test_a_line_kept_as_body_on_some_pages_needs_far_more_pages(learner: Learner) -> None:
    seen = stats(learner, PHOTOS)
    assert 0 < seen.body < seen.pages / 2  # the story's last line on a few pages
    few = STORY_EVIDENCE * 3 - 1
    assert rule_for(learn_rules(corpus(0, pages=few)).get(SITE), PHOTOS) is None
    assert rule_for(learn_rules(corpus(0, pages=few)).get(SITE), SECTION) is not None
    assert rule_for(learn_rules(corpus(0)).get(SITE), PHOTOS) is not None


def test_a_non_story_line_needs_min_pages_and_min_share(learner: Learner) -> None:
    pages = corpus()
    share = stats(learner, SECTION).pages / len(pages)
    assert rule_for(learn_rules(pages, min_share=share).get(SITE), SECTION) is not None
    assert rule_for(learn_rules(pages, min_share=share + 0.01).get(SITE), SECTION) is None
    assert rule_for(learn_rules(pages[:5], min_pages=4).get(SITE), SECTION) is None


@st.composite
def line_stats(draw: st.DrawFn) -> tuple[LineStats, int]:
    pages = draw(st.integers(1, 300))
    before = draw(st.integers(0, pages))
    inside = draw(st.integers(0, pages - before))
    after = draw(st.integers(0, pages - before - inside))
    stats = LineStats(
        "a line",
        pages=pages,
        body=draw(st.integers(0, pages)),
        kept=draw(st.sampled_from([0, 0, 0, 1])),
        marked=draw(st.integers(0, pages)),
        before=before,
        inside=inside,
        after=after,
        opens=draw(st.integers(0, after)),
        missed=draw(st.sampled_from([0, 0, 0, 1, 5])),
    )
    return stats, pages + stats.missed + draw(st.integers(0, 300))


@given(line_stats(), st.integers(2, 10), st.floats(0.01, 1.0))
def test_never_a_story_line(drawn: tuple[LineStats, int], min_pages: int, share: float) -> None:
    """What the cleaner kept as story, or found inside it, is learned only on far more evidence."""
    stats, site_pages = drawn
    decision = decide(stats, site_pages, min_pages=min_pages, min_share=share)
    if decision is None:
        return
    assert stats.pages >= min_pages and stats.pages >= share * site_pages
    assert not stats.kept and stats.marked < stats.pages
    if stats.body or stats.inside or stats.missed:
        assert stats.pages > site_pages / 2
        assert decision[1] == "block"
    if stats.body or stats.missed:
        assert stats.pages >= STORY_EVIDENCE * min_pages
        assert stats.body + stats.missed < stats.pages / 2


def test_counts_and_dates_are_normalised_into_one_rule(learned: RuleSet) -> None:
    assert normalise("12 Comments") == normalise("3 Comments")
    assert normalise("Updated Jan. 30, 2024 3:45 p.m.") == normalise("Updated May 2, 2023 11:05 AM")
    assert normalise("May I help you") != normalise("June I help you")  # a month only by a number
    offers = {offer(n) for n in range(4)}
    assert len(offers) == 4
    [rule] = [r for r in learned.rules if all(r.search(line) for line in offers)]
    assert isinstance(rule, LearnedRule) and set(rule.evidence.examples) == {offer(0), offer(3)}
    counted = [r for r in learned.rules if r.search("1,234 Comments") is not None]
    # A comment count either fell to a built-in rule on every page or is one learned rule.
    assert len(counted) <= 1


def test_every_rule_carries_its_evidence(learned: RuleSet) -> None:
    pages = len(stories())
    assert len(learned) >= 3
    for rule in learned.rules:
        assert isinstance(rule, LearnedRule)
        evidence = rule.evidence
        assert evidence.of == pages and 3 <= evidence.pages <= pages
        assert 1 <= len(evidence.examples) <= 2
        assert evidence.pages == sum(1 for text, _ in corpus() if any(
            rule.search(line.strip()) for line in text.splitlines()))
        assert f"seen on {evidence.pages} of {pages} pages" in rule.description
        for example in evidence.examples:
            assert rule.search(example) is not None
            assert repr(example) in rule.description


def test_the_rule_file_round_trips_with_comments(learned: RuleSet, tmp_path: Path) -> None:
    [path] = write_rule_files({SITE: learned}, tmp_path / "rules")
    assert path.name == f"{SITE}.toml"
    text = path.read_text("utf-8")
    assert text.count("# seen on ") == len(learned)
    assert "# e.g. " in text
    loaded = load_rule_file(path)
    assert [(r.id, r.label, r.scope, r.pattern, r.description) for r in loaded.rules] == [
        (r.id, r.label, r.scope, r.pattern, r.description) for r in learned.rules
    ]
    assert loaded.domains == (SITE,)
    assert [r.examples for r in loaded.rules] == [r.examples for r in learned.rules]
    assert main(["rules", "--check", str(path)]) == 0  # each rule takes its example lines
    assert to_toml(learned) == text


def test_learned_rules_clean_a_new_page_of_the_site(learned: RuleSet, tmp_path: Path) -> None:
    [path] = write_rule_files({SITE: learned}, tmp_path)
    headline, paragraphs = stories()[0]
    new = page(104, headline, paragraphs)  # the gallery link ends its story
    url = f"https://{SITE}/2024/02/01/new/"
    assert PHOTOS in Cleaner().clean(new, url=url).body
    with_rules = Cleaner(rules=[path]).clean(new, url=url)
    assert PHOTOS not in with_rules.body and NEWSLETTER not in with_rules.body
    assert with_rules.paragraphs == tuple(paragraphs)
    assert with_rules.headline == headline
    elsewhere = Cleaner(rules=[path]).clean(new, url="https://example.org/story")
    assert PHOTOS in elsewhere.body  # a site's rules are for its pages only


def test_two_sites_get_two_files_whose_ids_do_not_clash(tmp_path: Path) -> None:
    pages = corpus(0)
    other = [(text, url.replace(SITE, "example.co.uk")) for text, url in pages]
    rule_sets = learn_rules(pages + other)
    assert set(rule_sets) == {SITE, "example.co.uk"}
    paths = write_rule_files(rule_sets, tmp_path)
    cleaner = Cleaner(rules=paths)
    assert len(cleaner.rule_sets) > 2  # loaded together: no id appears twice


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_a_learned_pattern_matches_its_line_and_nothing_longer(line: str) -> None:
    template = normalise(line)
    if not template:
        return
    pattern = regex.compile(pattern_of(template))
    shown = " ".join(line.split())
    assert pattern.search(shown) is not None
    assert pattern.search(shown + " and more") is None
    assert pattern.search("More of " + shown) is None


@pytest.mark.parametrize(
    "line",
    ["12 Comments", "Updated Jan. 30, 2024 3:45 p.m.", "Page 1 of 3", "1 2 3 4 5 6 7 8 9 10",
     "Share: Facebook | Twitter | Email", "Posted on Monday, May 6, 2019 at 10:30 AM"],
)
def test_a_learned_pattern_never_backtracks_for_long(line: str) -> None:
    pattern = regex.compile(pattern_of(normalise(line)))
    for unit in ("1", "1 ", "1.", "1,1 ", "a ", "May 1 ", "12 Comments ", line + " ", ". "):
        hostile = (unit * (5000 // len(unit) + 1))[:5000]
        for text in (hostile, hostile[:-1] + "!"):
            pattern.search(text, timeout=0.5)  # a TimeoutError fails the test


def test_sites_are_registered_domains() -> None:
    assert registered_domain("https://news.bbc.co.uk/story") == "bbc.co.uk"
    assert registered_domain("http://www.staradvertiser.com/x") == SITE
    assert registered_domain("http://localhost:8000/x") == "localhost"
    assert registered_domain(None) is None


def test_a_site_key_groups_pages_another_way() -> None:
    pages = corpus(0)
    rule_sets = learn_rules(pages, site=lambda url: "hawaii.example")
    assert list(rule_sets) == ["hawaii.example"]


def test_counting_stays_bounded_and_keeps_what_repeats() -> None:
    counts = SiteCounts()
    common = Seen("Share this", "Share this", False, False, False, "after", True)
    pages = 3 * BUCKET_PAGES + BUCKET_PAGES // 2
    for n in range(pages):
        unique = [
            Seen(f"story line {n} {k}", f"story line {n} {k}", True, False, False, "inside", False)
            for k in range(5)
        ]
        counts.add_page([common, *unique])
        assert len(counts.lines) <= 5 * BUCKET_PAGES + 1
    kept = [s for s in counts.lines.values() if s.template == "Share this"]
    assert kept and kept[0].pages == pages and kept[0].missed == 0


def test_bad_documents_are_reported_and_the_rest_go_on() -> None:
    pages = corpus(0)
    limit = 64_000
    assert all(len(text.encode("utf-8")) < limit for text, _ in pages)
    huge = ("x" * (limit + 1), f"https://{SITE}/huge")
    cleaner = Cleaner(max_bytes=limit, detect_language=False)
    failed: list[tuple[int, Exception]] = []
    rule_sets = learn_rules(
        [huge, *pages], cleaner=cleaner, on_error=lambda i, e: failed.append((i, e))
    )
    assert [i for i, _ in failed] == [0] and isinstance(failed[0][1], InputTooLarge)
    assert SITE in rule_sets
    with pytest.warns(UserWarning, match="1 document.* could not be used.*InputTooLarge"):
        assert SITE in learn_rules([huge, *pages], cleaner=cleaner)


@pytest.mark.parametrize("url", ["not a url", "https://my site.example/a"])
def test_a_page_whose_url_names_no_domain_is_reported_and_the_rest_go_on(url: str) -> None:
    pages = corpus(0, pages=6)
    failed: list[tuple[int, Exception]] = []
    rule_sets = learn_rules(
        [*pages, (pages[0][0], url)], on_error=lambda i, e: failed.append((i, e))
    )
    assert list(rule_sets) == [SITE]
    assert [i for i, _ in failed] == [6] and isinstance(failed[0][1], InputError)
    assert url in str(failed[0][1])
    with pytest.warns(UserWarning, match="1 document.* could not be used.*names no domain"):
        assert list(learn_rules([(pages[0][0], url), *pages])) == [SITE]


def test_a_document_without_text_is_reported_by_its_index() -> None:
    pages = corpus(0, pages=6)
    failed: list[tuple[int, Exception]] = []
    rule_sets = learn_rules(
        [*pages[:2], (None, f"https://{SITE}/empty"), *pages[2:]],  # type: ignore[list-item]
        on_error=lambda i, e: failed.append((i, e)),
    )
    assert list(rule_sets) == [SITE]
    assert [i for i, _ in failed] == [2] and isinstance(failed[0][1], InputError)
    assert "document 2 has no text" in str(failed[0][1])


def test_a_trailing_dot_on_the_host_is_the_same_site() -> None:
    assert registered_domain("https://hollow.example./a") == "hollow.example"
    assert registered_domain("https://www.bbc.co.uk./a") == "bbc.co.uk"
    assert registered_domain("https://./a") is None
    pages = corpus(0, pages=6)
    dotted = [
        (text, f"https://hollow.example{'.' if n % 2 else ''}/{n}")
        for n, (text, _) in enumerate(pages)
    ]
    rule_sets = learn_rules(dotted)
    assert list(rule_sets) == ["hollow.example"]
    assert all(
        isinstance(r, LearnedRule) and r.evidence.of == 6 for r in rule_sets["hollow.example"].rules
    )


def test_wrong_arguments_are_typed_errors() -> None:
    with pytest.raises(TypeError):
        learn_rules("a single page")
    with pytest.raises(TypeError):
        learn_rules([("text", "https://a.example", "extra")])
    with pytest.raises(ValueError):
        learn_rules([], min_pages=1)
    with pytest.raises(ValueError):
        learn_rules([], min_share=0)
    assert learn_rules([]) == {}
    with pytest.raises(ValueError, match="not a domain name"):
        learn_rules(corpus(0, pages=3), site=lambda url: "the Star-Advertiser")


def test_the_learn_command_writes_a_file_per_site_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "pages.jsonl"
    lines = [json.dumps({"id": f"p{n}", "text": text, "url": url}) for n, (text, url) in
             enumerate(corpus())]
    source.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    out = tmp_path / "rules"
    code = main(
        ["learn", str(source), "-o", str(out), "--min-pages", "3", "--min-share", "0.3", "-j", "2"]
    )
    captured = capsys.readouterr()
    assert code == 1  # the bad line is reported, the rest learned from
    assert "pages.jsonl:" in captured.err and "JSONDecodeError" in captured.err
    assert (out / f"{SITE}.toml").is_file()
    assert SITE in captured.out and "lines covered" in captured.out
    rule_set = load_rule_file(out / f"{SITE}.toml")
    assert main(["learn", str(source), "-o", str(tmp_path / "one"), "--frobnicate"]) == 2
    capsys.readouterr()
    assert main(["learn", str(source), "-o", str(tmp_path / "quiet"), "-q"]) == 1
    quiet = capsys.readouterr()
    assert quiet.out == "" and "JSONDecodeError" in quiet.err  # -q: no summary, errors still said
    assert main(["learn", str(source), "-o", str(tmp_path / "one")]) == 1
    assert (tmp_path / "one" / f"{SITE}.toml").read_text("utf-8") == (
        out / f"{SITE}.toml"
    ).read_text("utf-8")  # one process or two: the same file
    assert main(["learn", str(source), "-o", str(out), "--min-pages", "1"]) == 2
    assert main(["learn", str(source), "-o", str(out), "--site", "a site"]) == 2
    assert main(["rules", "--rules", str(out / f"{SITE}.toml")]) == 0
    assert len(rule_set) >= 3


def write_jsonl(path: Path, pages: list[tuple[str | None, str | None]]) -> Path:
    lines = [json.dumps({"id": f"p{n}", "text": t, "url": u}) for n, (t, u) in enumerate(pages)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_learn_command_reports_a_url_without_a_domain_and_writes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages: list[tuple[str | None, str | None]] = [*corpus(0, pages=6)]
    pages += [(pages[0][0], "not a url"), (pages[1][0], "https://my site.example/a")]
    source = write_jsonl(tmp_path / "pages.jsonl", pages)
    code = main(["learn", str(source), "-o", str(tmp_path / "rules")])
    captured = capsys.readouterr()
    assert code == 1
    assert "p6 (" in captured.err and "pages.jsonl:7): InputError:" in captured.err
    assert "p7 (" in captured.err and "pages.jsonl:8): InputError:" in captured.err
    assert "2 records could not be used" in captured.err and "internal error" not in captured.err
    assert [p.name for p in (tmp_path / "rules").iterdir()] == [f"{SITE}.toml"]
    assert "6 pages read, 1 site: 1 with rules" in captured.out


def test_learning_again_names_each_file_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "pages.jsonl", [*corpus(0, pages=6)])
    out = tmp_path / "rules"
    assert main(["learn", str(source), "-o", str(out)]) == 0
    assert "replaced" not in capsys.readouterr().err
    path = out / f"{SITE}.toml"
    rules = len(load_rule_file(path))
    reviewed = tomlkit.parse(path.read_text("utf-8"))
    del reviewed["rule"][1:]  # a reviewer kept one rule
    path.write_text(tomlkit.dumps(reviewed), encoding="utf-8")
    assert main(["learn", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"replaced {path} (1 rule before, {rules} rules now)" in err
    assert "rules deleted in review are learned again" in err
    path.write_text("not [toml", encoding="utf-8")
    assert main(["learn", str(source), "-o", str(out)]) == 0
    assert f"replaced {path} (unreadable before, {rules} rules now)" in capsys.readouterr().err


def test_the_summary_says_when_no_site_got_rules_and_how_to_give_pages_a_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, _ = corpus(0, pages=1)[0]
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    assert main(["learn", str(tmp_path / "page.txt"), "-o", str(tmp_path / "rules")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no site got rules\n") and "lines covered" not in out
    assert "1 page without a site (no URL: --site DOMAIN puts every page under one site" in out
    parsed = main(["learn", str(tmp_path / "page.txt"), "-o", str(tmp_path / "r"), "--site", SITE])
    assert parsed == 0 and "without a site (" not in capsys.readouterr().out


@pytest.mark.spark
def test_spark_learns_the_same_rule_sets(spark) -> None:  # type: ignore[no-untyped-def]
    from article_clean.spark import learn_rules as spark_learn

    pages = corpus()
    pages += [(text, url.replace(SITE, "example.co.uk")) for text, url in corpus(0, pages=20)]
    rows = [*pages, (None, f"https://{SITE}/no-text")]  # one bad record: reported, not fatal
    df = spark.createDataFrame(rows, "text string, url string").repartition(2)
    expected = learn_rules(pages)
    with pytest.warns(UserWarning, match="1 record.* could not be used.*no text"):
        found = spark_learn(df, "text", "url")
    assert set(found) == set(expected) == {SITE, "example.co.uk"}
    for site, rule_set in expected.items():
        assert to_toml(found[site]) == to_toml(rule_set)


def test_the_learn_guide_shows_what_its_commands_print(tmp_path: Path) -> None:
    """Each `sh run` block of docs/learn.md runs, from a folder holding tests/, and prints the
    block that follows it (when that block is its output: text or TOML)."""
    from tests.test_docs import blocks, run_shell

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "tests").symlink_to(root / "tests")
    found = blocks(root / "docs" / "learn.md")
    ran = 0
    for (language, info, code), following in zip(found, [*found[1:], ("", "", "")]):
        if language != "sh" or info != "run":
            continue
        done = run_shell(code, tmp_path)
        assert done.returncode == 0, f"{code}\n{done.stderr}"
        assert following[0] in ("text", "toml")
        assert done.stdout == following[2], code
        ran += 1
    assert ran == 4


def test_a_spark_page_whose_url_names_no_domain_is_an_error_row_not_the_jobs_end() -> None:
    from article_clean.learn import marker_ids, registered_domain
    from article_clean.spark import _observed

    cleaner = Cleaner(detect_language=False)
    story = "A paragraph of the story, long enough to read as prose in any test. " * 3
    rows = _observed(
        cleaner, marker_ids(cleaner), registered_domain, story, "https://my site.example/a", None
    )
    assert [(row[0], row[4]) for row in rows] == [
        ("error", "InputError: the URL 'https://my site.example/a' names no domain")
    ]
    good = _observed(
        cleaner, marker_ids(cleaner), registered_domain, story, "https://news.example.com/a", None
    )
    assert good[0][:2] == ("page", "example.com")


def test_learn_rules_counts_documents_without_a_site_and_names_a_malformed_one() -> None:
    pages: list[tuple[str, str | None] | str] = [*corpus(0, pages=6)]
    errors: list[int] = []
    with pytest.warns(UserWarning, match="2 document.s. have no site"):
        learned = learn_rules(
            [*pages, "a text with no URL", (pages[0][0], "http://./")],  # type: ignore[index]
            on_error=lambda i, e: errors.append(i),
        )
    assert errors == [] and list(learned) == [SITE]
    # A caller's site key may leave pages out on purpose: no warning then.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        learn_rules([*pages, "no URL"], site=lambda url: SITE if url else None)
    with pytest.raises(TypeError, match="document 6: .* not a tuple of 3 items"):
        learn_rules([*pages, ("text", "https://example.com/a", "extra")])  # type: ignore[list-item]


def test_a_site_key_is_read_as_a_domain_is_so_one_site_gets_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "pages.jsonl", [*corpus(0, pages=6)])
    out = tmp_path / "rules"
    for written in ("WWW.StarAdvertiser.com.", SITE):
        assert main(["learn", str(source), "-o", str(out), "--site", written]) == 0
    assert [p.name for p in out.iterdir()] == [f"{SITE}.toml"]
    assert f"replaced {out / f'{SITE}.toml'}" in capsys.readouterr().err
    assert list(learn_rules(corpus(0, pages=6), site=lambda url: "www.Hawaii.example")) == [
        "hawaii.example"
    ]


def test_records_piped_in_without_field_are_said_to_be_read_as_one_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "pages.jsonl", [*corpus(0, pages=3)])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source.read_bytes())))
    assert main(["learn", "-", "-o", str(tmp_path / "rules")]) == 0
    err = capsys.readouterr().err
    assert "standard input holds JSON lines and was read as one page; give --field NAME" in err


def test_the_learn_commands_thresholds_are_named_as_its_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "pages.jsonl", [*corpus(0, pages=3)])
    assert main(["learn", str(source), "-o", str(tmp_path / "r"), "--min-pages", "1"]) == 2
    assert "--min-pages must be 2 or more" in capsys.readouterr().err
    assert main(["learn", str(source), "-o", str(tmp_path / "r"), "--min-share", "2"]) == 2
    assert "--min-share must be in (0, 1]" in capsys.readouterr().err


def test_a_site_whose_domain_is_a_public_suffix_too_is_learnt(tmp_path: Path) -> None:
    # www.gov.uk's registered domain is "gov.uk", itself on the public suffix list: refusing
    # public suffixes as site domains reported every page as naming no domain.
    pages = [(text, url.replace(f"www.{SITE}", "www.gov.uk")) for text, url in corpus()]
    learned = learn_rules(pages)
    assert list(learned) == ["gov.uk"]
    write_rule_files(learned, tmp_path)
    assert load_rule_file(tmp_path / "gov.uk.toml").domains == ("gov.uk",)
