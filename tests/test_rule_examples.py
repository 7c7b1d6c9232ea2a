"""Every rule's examples, built-in and from installed plugins, and the checks that keep rules
honest: keyword pre-filters against the examples, tags instead of ids, immutable rule objects."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from article_clean import (
    Cleaner,
    FunctionRule,
    Label,
    PatternRule,
    RuleConfigError,
    RuleSet,
    Stage,
    builtin,
    clean,
    plugins,
)
from article_clean.builtin import tags
from article_clean.cli import main
from article_clean.examples import Limits, check_rule, check_rule_set, engine_sets
from article_clean.label import Engine
from article_clean.rules import Example

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _all_rule_sets() -> list[RuleSet]:
    return [*builtin.rule_sets(), *plugins.resolve(["*"])]


_RULES = [(rule_set, item) for rule_set in _all_rule_sets() for item in rule_set.rules]
_ENGINES: dict[str, Engine] = {}


@pytest.mark.parametrize("rule_set, item", _RULES, ids=[item.id for _, item in _RULES])
def test_every_rule_takes_its_examples_and_leaves_its_counter_examples(
    rule_set: RuleSet, item: object
) -> None:
    engine = _ENGINES.get(rule_set.name)
    if engine is None:
        engine = _ENGINES[rule_set.name] = Engine(engine_sets(rule_set))
    assert [str(f) for f in check_rule(item, engine)] == []  # type: ignore[arg-type]


def test_every_built_in_rule_has_examples_of_both_kinds() -> None:
    for rule_set in builtin.rule_sets():
        for item in rule_set.rules:
            assert item.examples, f"{item.id} has no example"
            assert item.counter_examples, f"{item.id} has no counter-example"


@pytest.mark.parametrize(
    "rule_id, line",
    [  # branches that the keyword lists used to switch off
        ("NOI003", "Inscreva-se"),
        ("NOI003", "By clicking Continue, you agree to our Terms of Service."),
        ("NOI009", "There was a problem with your sign-up."),
        ("TRL003", "Please be respectful."),
        ("TRL003", "Please keep it civil."),
        ("TRL005", "No part of this may be reproduced without permission."),
        ("CAP013", "In a video of the launch, the rocket lifts off from Cape Canaveral."),
        ("NOI010", "NFL Scores\u00a0| Expert Picks\u00a0| Odds"),
    ],
)
def test_a_branch_behind_the_keyword_filter_is_reached(rule_id: str, line: str) -> None:
    assert [s.rule for s in clean(line).segments] == [rule_id]


def test_a_keyword_filter_that_skips_an_example_is_an_error() -> None:
    with pytest.raises(RuleConfigError, match="requires .* skips its example 'Sponsored'"):
        PatternRule("TST001", "noise", "^Sponsored$", requires=["ad"], examples=["Sponsored"])
    with pytest.raises(RuleConfigError, match="max_chars=5 skips"):
        PatternRule("TST001", "noise", "^Sponsored$", max_chars=5, examples=["Sponsored"])
    # Where every example holds a keyword, the rule is built.
    PatternRule("TST001", "noise", "^Sponsored$", requires=["sponsor"], examples=["Sponsored"])


def test_a_wrong_example_is_reported_with_the_rule_and_the_line() -> None:
    rule_set = RuleSet(
        "tst",
        [
            PatternRule(
                "TST001",
                "noise",
                "^Hello from Acme$",
                examples=["Hello from Acme", "Hello from Acme Corp"],
                counter_examples=["Hello from Acme"],
            )
        ],
    )
    assert [str(f) for f in check_rule_set(rule_set)] == [
        "TST001 must take 'Hello from Acme Corp', but it went to no rule (body)",
        "TST001 must leave 'Hello from Acme', but took it",
    ]


def test_a_marker_example_taken_first_by_a_built_in_rule_fails() -> None:
    # Rule sets added by a user run after the built-in ones: 'ADVERTISING' is AD001's.
    ad = PatternRule("TST001", "noise", "^ADVERTISING$", examples=["ADVERTISING"])
    rule_set = RuleSet("tst", [ad])
    (failure,) = check_rule_set(rule_set)
    assert failure.decided_by == ("AD001",)
    # A site's rules run first, as Cleaner.engine_for runs them.
    site = RuleSet(
        "tst",
        [PatternRule("TST001", "noise", "^ADVERTISING$", examples=["ADVERTISING"])],
        domains=["example.com"],
    )
    assert check_rule_set(site) == []


def test_a_layout_example_names_its_line_in_the_document() -> None:
    doc = "Headline of the story\n\nA first paragraph of the story, long enough to read as prose."
    first_line = FunctionRule(
        "TST101",
        Label.NOISE,
        lambda block, doc: block.index == 0,
        description="the first line",
        examples=[Example(doc, "Headline of the story")],
        counter_examples=[Example(doc, "A missing line")],
    )
    layout = RuleSet("tst", [first_line], stage=Stage.LAYOUT)
    failures = [str(f) for f in check_rule_set(layout, context=[layout])]
    assert failures == ["TST101: the line is not in the example: 'A missing line'"]


def test_rules_check_runs_a_rule_files_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--check", str(SAMPLES / "rules" / "example-news.toml")]) == 0
    assert "6 of 6 examples hold" in capsys.readouterr().out
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        'name = "wrong"\n[[rule]]\nid = "WRG001"\nlabel = "noise"\npattern = "^Hello$"\n'
        'examples = ["Hello", "Goodbye"]\ncounter_examples = ["Hello there"]\n',
        encoding="utf-8",
    )
    assert main(["rules", "--check", str(wrong)]) == 1
    out = capsys.readouterr().out
    assert "WRG001 must take 'Goodbye', but it went to no rule (body)" in out
    assert "2 of 3 examples hold" in out
    filtered = tmp_path / "filtered.toml"
    filtered.write_text(
        'name = "f"\n[[rule]]\nid = "FLT001"\nlabel = "noise"\npattern = "^Hello$"\n'
        'requires = ["bye"]\nexamples = ["Hello"]\n',
        encoding="utf-8",
    )
    assert main(["rules", "--check", str(filtered)]) == 2
    assert "skips its example 'Hello'" in capsys.readouterr().err


def test_a_rule_files_example_costs_no_more_than_a_document_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A pattern that backtracks without end on its own counter-example: checked before the run
    # (and by --check) with no rule timeout, the command hung before its first record.
    evil = tmp_path / "evil.toml"
    evil.write_text(
        'name = "evil"\n[[rule]]\nid = "EVL001"\nlabel = "noise"\npattern = \'^(a|aa)+$\'\n'
        f'counter_examples = ["{"a" * 62}!"]\n',
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("A story sentence goes here, and it says enough.\n", encoding="utf-8")
    assert main(["--rules", str(evil), str(article), "-q"]) == 0
    assert "A story sentence goes here" in capsys.readouterr().out
    assert main(["rules", "--check", str(evil)]) == 1
    assert "EVL001: cannot label the example" in capsys.readouterr().out
    # A Python rule that takes its time over the example stops at the budget given.
    calls = []

    def slow(block, doc) -> bool:  # type: ignore[no-untyped-def]
        """Takes its time over each line."""
        calls.append(block.index)
        time.sleep(0.05)
        return False

    lines = Example("\n\n".join(f"Slow line {n}" for n in range(40)), "Slow line 0")
    rule_set = RuleSet("slow", [FunctionRule("SLW001", Label.NOISE, slow, examples=[lines])])
    [failure] = check_rule_set(rule_set, limits=Limits(time_budget=0.2))
    assert "TimeBudgetExceeded" in failure.problem
    assert len(calls) < 40


def test_rules_check_fails_a_file_as_a_run_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clashing = tmp_path / "clashing.toml"  # an id of a built-in rule, and no example to check
    clashing.write_text(
        'name = "clashing"\n[[rule]]\nid = "AD001"\nlabel = "noise"\npattern = "^Junk$"\n',
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("A story sentence goes here.\n", encoding="utf-8")
    assert main(["--rules", str(clashing), str(article)]) == 2
    run = capsys.readouterr()
    assert main(["rules", "--check", str(clashing)]) == 2
    check = capsys.readouterr()
    assert check.out == "" and check.err == run.err
    assert f"rule set 'clashing' (file {clashing}); ids must be unique" in check.err


# Rules that read other rules' decisions know them by tag.


@pytest.mark.parametrize(
    "disabled, dependent",
    [
        ("BYL002", "BYL100"),
        ("TRL007", "TRL100"),
        ("CAP015", "CAP102"),
        ("NOI006", "CAP104"),
    ],
)
def test_disabling_the_only_rule_another_needs_is_an_error_naming_both(
    disabled: str, dependent: str
) -> None:
    with pytest.raises(RuleConfigError, match=f"rule {dependent} needs .*{disabled}.* disabled"):
        Cleaner(disable=[disabled]).rule_sets
    # Disabled together, or with another rule that carries the tag left on, all is well.
    assert Cleaner(disable=[disabled, dependent]).rule_sets
    assert Cleaner(disable=["NOI008"]).rule_sets  # TRL012 heads related links too


def test_a_plugin_rule_with_a_tag_is_read_as_the_built_in_ones_are() -> None:
    paragraph = (
        "Chinese and American officials held the first meeting of a working group that aims to "
        "curb the flow of illegal drugs to the U.S."
    )
    more = "The group will meet again in the spring, officials from both countries said."
    picks = "Our picks\nPolice find fentanyl in a school"
    text = f"Talks begin\n\n{paragraph}\n\n{picks}\n\n{more}\n\n{more}"
    site = RuleSet(
        "site",
        [PatternRule("SIT001", "noise", "^Our picks$", tags=[tags.RELATED_HEADING])],
    )
    decided = {s.text.strip(): s.rule for s in clean(text, rules=[site]).segments}
    assert decided["Our picks"] == "SIT001"
    assert decided["Police find fentanyl in a school"] == "NOI101"
    untagged = RuleSet("site", [PatternRule("SIT001", "noise", "^Our picks$")])
    decided = {s.text.strip(): s.rule for s in clean(text, rules=[untagged]).segments}
    assert decided["Police find fentanyl in a school"] != "NOI101"


def test_renaming_a_rule_keeps_the_rules_that_read_it_working() -> None:
    # BYL100 reads whatever rule is tagged lone-by, whatever its id.
    lone_by = RuleSet(
        "mine", [PatternRule("MIN001", "byline", "^Words by$", tags=[tags.LONE_BY])]
    )
    text = (
        "Talks begin\n\nWords by\nTom Krisher\n\nChinese and American officials held the first "
        "meeting of a working group that aims to curb the flow of illegal drugs to the U.S."
    )
    decided = {s.text.strip(): s.rule for s in clean(text, rules=[lone_by]).segments}
    assert decided["Tom Krisher"] == "BYL100"


# Rules and rule sets are shared by every document: they cannot be changed.


def test_rules_and_rule_sets_are_immutable() -> None:
    item = builtin.rule_sets()[1].rules[0]
    with pytest.raises(AttributeError, match="immutable"):
        item.id = "AD999"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        builtin.rule_sets()[1].rules = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        builtin.rule_sets()[1].origin = "elsewhere"  # type: ignore[misc]


def test_a_rule_set_with_another_origin_is_a_copy() -> None:
    original = RuleSet("tst", [PatternRule("TST001", "noise", "^x$")], origin="python")
    copy = original.with_origin("plugin tst (tst-dist)")
    assert (original.origin, copy.origin) == ("python", "plugin tst (tst-dist)")
    assert copy.rules == original.rules


def test_a_rule_with_examples_and_tags_pickles() -> None:
    item = next(r for s in builtin.rule_sets() for r in s.rules if r.id == "NOI008")
    again = pickle.loads(pickle.dumps(item))
    assert (again.examples, again.tags) == (item.examples, item.tags)
    assert again.search("Related Stories") is not None
    with pytest.raises(AttributeError):
        again.id = "NOI999"


def test_a_plugin_credit_tagged_photo_credit_makes_the_line_above_it_a_caption() -> None:
    # CAP100 knows a credit alone by the tag of the rule that took it, not by a list of ids.
    first = (
        "Chinese and American officials held the first meeting of a working group that aims to "
        "curb the flow of illegal drugs to the U.S."
    )
    later = "The group will meet again in the spring, officials from both countries said."
    photo = "Protesters gather outside the parliament in Hong Kong"
    text = f"Talks begin\n\n{first}\n\n{photo}\nShot by Meier\n\n{later}\n\n{later}"
    for carried, rule in (([tags.PHOTO_CREDIT], "CAP100"), ([], None)):
        site = RuleSet("site", [PatternRule("SIT002", "caption", r"^Shot by \w+$", tags=carried)])
        decided = {s.text.strip(): s.rule for s in clean(text, rules=[site]).segments}
        assert (decided["Shot by Meier"], decided[photo]) == ("SIT002", rule)


def test_a_name_under_a_plugin_s_lone_by_is_the_byline_as_under_the_built_in_one() -> None:
    # The Article's byline reads a line of names alone where a rule tagged writer-line took it.
    lone_by = RuleSet(
        "mine", [PatternRule("MIN001", "byline", "^Words by$", tags=[tags.LONE_BY])]
    )
    text = (
        "Talks begin\n\nMay 6, 2013 by Jane Roe\n\nWords by\nTom Krisher\n\nChinese and "
        "American officials held the first meeting of a working group that aims to curb the flow "
        "of illegal drugs to the U.S."
    )
    # Read as if "By" led it (it did), the name line counts beside the dateline's "by Jane Roe".
    assert clean(text, rules=[lone_by]).byline == "Jane Roe, Tom Krisher"



def _decomposed(text: str) -> str:
    """`text` with decomposed letters ("e" and a combining accent), as macOS tools, PDFs and
    some CMSs write it."""
    import unicodedata

    return unicodedata.normalize("NFD", text)


_DECOMPOSABLE = [
    (rule_set, item, example)
    for rule_set, item in _RULES
    if isinstance(item, PatternRule)
    for example in item.examples
    if example.kind == "text" and _decomposed(example.text) != example.text
]


@pytest.mark.parametrize(
    "rule_set, item, example", _DECOMPOSABLE, ids=[i.id for _, i, _ in _DECOMPOSABLE]
)
def test_a_pattern_takes_its_example_written_with_decomposed_letters(
    rule_set: RuleSet, item: PatternRule, example: Example
) -> None:
    """"Publicite\u0301" is the marker "Publicité": it was left in the body, and the same text
    in two spellings gave two records of what was removed."""
    from article_clean.blocks import split_blocks
    from article_clean.document import Document

    engine = _ENGINES.get(rule_set.name) or Engine(engine_sets(rule_set))
    text, target = _decomposed(example.text), _decomposed(example.target)
    doc = Document(text, split_blocks(text), url=example.url)
    assert not engine.run(doc, strict=False, deadline=None)
    deciders = [d.rule for b in doc.blocks if b.text == target and (d := doc.decision(b.index))]
    assert item.id in deciders
