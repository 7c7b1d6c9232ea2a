"""Rule plugins: TOML rule files, and an installable package found through its entry point."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sysconfig
import textwrap
import venv
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from article_clean import (
    Cleaner,
    Label,
    PatternRule,
    PluginError,
    RuleConfigError,
    RuleSet,
    clean,
    clean_many,
    plugins,
    reference,
    rule,
)
from article_clean.blocks import split_blocks
from article_clean.document import Document
from article_clean.model import Block
from article_clean.rulefile import load_rule_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_RULES = ROOT / "samples" / "rules" / "example-news.toml"
PLUGIN = ROOT / "examples" / "plugin-staradvertiser"
SEED = ROOT / "samples" / "000_99f8204d1b9f3a68.txt"
STAR_URL = "https://www.staradvertiser.com/2024/01/30/breaking-news/china-and-us-fentanyl/"

STORY = "\n\n".join(
    f"Paragraph {n} of the story says something with more than enough words in it."
    for n in range(5)
)


def test_the_example_rule_file_loads() -> None:
    rules = RuleSet.from_toml(EXAMPLE_RULES)
    assert rules.name == "example-news"
    assert rules.domains == ("example-news.com",)
    assert [r.id for r in rules.rules] == ["EXN001", "EXN002", "EXN003"]
    assert [r.label for r in rules.rules] == [Label.NOISE, Label.NOISE, Label.TRAILER]
    assert rules.rules[2].scope.value == "rest"


def test_the_example_rule_file_cleans_its_site() -> None:
    text = (
        "Presented by Acme Bank\n\n"
        + STORY
        + "\n\nGET THE EXAMPLE NEWS BRIEFING every morning\n\n"
        + STORY
        + "\n\nWhat our readers say\n\nGreat story!\n\nI disagree."
    )
    article = clean(text, rules=[EXAMPLE_RULES], url="https://www.example-news.com/2024/story")
    assert [(s.rule, s.text.strip()) for s in article.removed] == [
        ("EXN001", "Presented by Acme Bank"),
        ("EXN002", "GET THE EXAMPLE NEWS BRIEFING every morning"),
        ("EXN003", "What our readers say"),
        ("EXN003", "Great story!"),
        ("EXN003", "I disagree."),
    ]
    assert article.body == STORY + "\n\n" + STORY
    # Another site: the file's rules do not apply.
    other = clean(text, rules=[EXAMPLE_RULES], url="https://elsewhere.org/story")
    assert not {s.rule for s in other.segments} & {"EXN001", "EXN002", "EXN003"}


@pytest.mark.parametrize(
    "content, message",
    [
        ("name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\n", "rule X001: missing field 'pattern'"),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='nois'\npattern='a'\n",
            "rule X001: field 'label'",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='(a'\n",
            "rule X001: field 'pattern'",
        ),
        ("name = 'x'\n[[rule]]\nid='x-1'\nlabel='noise'\npattern='a'\n", "field 'id'"),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='a'\nscope='all'\n",
            "field 'scope'",
        ),
        (  # the rule is named once, as the file names it, not again as a Python rule is
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='a'\nflags='LOUD'\n",
            "broken.toml: rule X001: field 'flags': unknown regex flag 'LOUD'",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='a'\nmax_chars=0\n",
            "broken.toml: rule X001: field 'max_chars': max_chars must be a positive",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='a'\ncolour='red'\n",
            "unknown field",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern=3\n",
            "field 'pattern' must be a string",
        ),
        (  # the rule's own text names another field: the message's own words are read
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='^(Print label'\n",
            "rule X001: field 'pattern': invalid pattern",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='label'\nmax_chars=5\n"
            "examples=['Shipping label']\n",
            "rule X001: field 'max_chars': max_chars=5 skips",
        ),
        (
            "name = 'x'\n[[rule]]\nid='X001'\nlabel='noise'\npattern='id'\nrequires=['zz']\n"
            "examples=['a rule id']\n",
            "rule X001: field 'requires': requires",
        ),
        ("[[rule]]\nid='X001'\nlabel='noise'\npattern='a'\n", "missing field 'name'"),
        ("name = 'x'\n", "missing field 'rule'"),
        ("name = 'x\n", "not valid TOML"),
    ],
)
def test_a_malformed_rule_file_names_file_rule_and_field(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleConfigError) as caught:
        load_rule_file(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_a_missing_rule_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuleConfigError, match="cannot read rule file"):
        clean("text", rules=[tmp_path / "nowhere.toml"])


def test_an_unknown_plugin_is_a_clear_error() -> None:
    with pytest.raises(PluginError, match="no rule plugin named 'no-such-plugin'"):
        clean("text", plugins=["no-such-plugin"])


@rule("TST010", Label.NOISE)
def ONE_RULE(block: Block, doc: Document) -> bool:  # noqa: N802 - an entry point's target
    return False


def test_a_plugin_naming_one_rule_instead_of_a_set_says_what_it_gave(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A rule is callable (its function); it must not be taken for a set-making factory.
    point = EntryPoint("one-rule", "tests.test_plugins:ONE_RULE", plugins.GROUP)
    monkeypatch.setattr(plugins, "installed", lambda: {"one-rule": point})
    with pytest.raises(PluginError, match=r"gave rule \w+, a FunctionRule \(put rules in a Ru"):
        plugins.load.__wrapped__("one-rule")


CLASH_A = RuleSet("clash-a", [PatternRule("TST020", "noise", "^a$")])
CLASH_B = RuleSet("clash-b", [PatternRule("TST020", "noise", "^b$")])


RULES_IN_A_LIST = [PatternRule("TST030", "noise", "^a$")]


def test_a_plugin_giving_a_list_of_rules_or_nothing_says_which_item_is_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = EntryPoint("listed", "tests.test_plugins:RULES_IN_A_LIST", plugins.GROUP)
    empty = EntryPoint("empty", "builtins:list", plugins.GROUP)  # a factory giving []
    monkeypatch.setattr(plugins, "installed", lambda: {"listed": listed, "empty": empty})
    with pytest.raises(PluginError, match="gave a list whose item 0 is rule TST030, a PatternRule"):
        plugins.load.__wrapped__("listed")
    with pytest.raises(PluginError, match="gave an empty list, expected a RuleSet"):
        plugins.load.__wrapped__("empty")


def test_a_plugin_that_exits_as_it_loads_is_a_plugin_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # exit() in a plugin would end the caller's program with no word of which plugin did it.
    points = {
        "exits": EntryPoint("exits", "sys:exit", plugins.GROUP),  # a factory calling exit()
        "exits-on-import": EntryPoint(
            "exits-on-import", "tests.plugin_exits_on_import:RULES", plugins.GROUP
        ),
    }
    monkeypatch.setattr(plugins, "installed", lambda: points)
    with pytest.raises(PluginError, match=r"its factory sys:exit raised: it called exit\(\)"):
        plugins.load.__wrapped__("exits")
    with pytest.raises(PluginError, match=r"failed to load: it called exit\(3\)"):
        plugins.load.__wrapped__("exits-on-import")
    # The rule listing names what cannot load by the package that installed it.
    monkeypatch.setattr(plugins, "load", plugins.load.__wrapped__)
    listed = {item.name: item for item in reference.available([])}
    assert listed["exits-on-import"].origin == (
        "plugin exits-on-import (tests.plugin_exits_on_import:RULES)"
    )
    assert "it called exit(3)" in (listed["exits-on-import"].error or "")


def test_two_plugins_sharing_an_id_are_both_named(monkeypatch: pytest.MonkeyPatch) -> None:
    points = {
        name: EntryPoint(name, f"tests.test_plugins:{target}", plugins.GROUP)
        for name, target in (("clash-a", "CLASH_A"), ("clash-b", "CLASH_B"))
    }
    monkeypatch.setattr(plugins, "installed", lambda: points)
    monkeypatch.setattr(plugins, "load", plugins.load.__wrapped__)  # this test's plugins alone
    with pytest.raises(RuleConfigError) as raised:
        Cleaner(plugins=["*"]).rule_sets
    assert str(raised.value).startswith(
        "rule id TST020 is in both rule set 'clash-a' (plugin clash-a (tests.test_plugins:CLASH_A))"
        " and rule set 'clash-b' (plugin clash-b (tests.test_plugins:CLASH_B)); ids must be "
        "unique across rule sets: rename one of them"
    )


FACTORY = """
from article_clean import Label, RuleSet, rule


def rule_set():
    @rule("NST001", Label.NOISE)
    def shout(block, doc):
        return block.text == "SHOUT"

    return RuleSet("nested", [shout])
"""


def test_a_plugins_factory_made_rules_go_to_workers_by_the_plugins_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Installed for real (a dist-info on the path), so that a spawned worker finds it too.
    (tmp_path / "tst_nested_plugin.py").write_text(FACTORY, encoding="utf-8")
    info = tmp_path / "tst_nested_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tst-nested-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        f"[{plugins.GROUP}]\ntst-nested = tst_nested_plugin:rule_set\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(plugins, "load", plugins.load.__wrapped__)
    plugins.installed.cache_clear()
    try:
        cleaner = Cleaner(plugins=["tst-nested"])
        results = list(clean_many(["SHOUT\n\n" + STORY] * 3, jobs=2, cleaner=cleaner))
    finally:
        plugins.installed.cache_clear()
    assert [[s.rule for s in r.article.removed] for r in results if r.article] == [["NST001"]] * 3


# --- an installed plugin, in a venv of its own -------------------------------------------------

CHECK = textwrap.dedent(
    """
    import json, sys
    from article_clean import clean, Cleaner
    text = open(sys.argv[1], encoding="utf-8").read()
    url = sys.argv[2]
    out = {}
    for name, kwargs in [("off", {}), ("on", {"plugins": ["staradvertiser"]}), ("all", {"plugins": ["*"]})]:
        a = clean(text, url=url, **kwargs)
        out[name] = {"headline": a.headline, "caption": a.caption, "body": a.body, "trailer": a.trailer,
                     "removed": [[s.rule, s.text.strip()] for s in a.removed]}
    print(json.dumps(out))
    """
)


@pytest.fixture(scope="module")
def plugin_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv that sees this environment's packages and has the example plugin installed."""
    home = tmp_path_factory.mktemp("plugin-venv")
    venv.create(home, with_pip=True)
    python = home / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # This environment's packages (article_clean and its dependencies) stay visible in the venv.
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], str(ROOT)}
    Path(site, "article_clean_parent_env.pth").write_text("\n".join(sorted(ours)) + "\n")
    # Older Pythons seed a venv with an old setuptools that shadows ours and cannot build wheels.
    subprocess.run(
        [str(python), "-m", "pip", "uninstall", "--quiet", "--yes", "setuptools"],
        check=False,
        capture_output=True,
        text=True,
    )
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            str(PLUGIN),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return python


def _run_check(python: Path, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    script = tmp_path / "check.py"
    script.write_text(CHECK, encoding="utf-8")
    result = subprocess.run(
        [str(python), str(script), str(SEED), STAR_URL], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_installed_plugin_cleans_the_seed_when_enabled(
    plugin_python: Path, tmp_path: Path
) -> None:
    expected = json.loads(
        (ROOT / "samples" / "000_99f8204d1b9f3a68.expected.json").read_text("utf-8")
    )
    result = _run_check(plugin_python, tmp_path)["on"]
    assert result["headline"] == expected["headline"]
    assert result["caption"] == expected["caption"]
    assert result["body"] == "\n\n".join(expected["paragraphs"])
    assert result["trailer"] == "\n\n".join(expected["trailer"])
    # Site rules run first on their site, so they are credited where they match; the reply
    # form's small print is a built-in trailer marker, and the trailer STAR002 opens takes "*".
    assert result["removed"] == [
        ["STAR001", "ADVERTISING"],
        ["STAR002", "Leave a Reply"],
        ["TRL002", "Your email address will not be published. Required fields are marked *"],
        ["STAR002", "*"],
        ["STAR003", expected["trailer"][-1]],
    ]


def test_an_installed_plugin_changes_nothing_until_enabled(
    plugin_python: Path, tmp_path: Path
) -> None:
    result = _run_check(plugin_python, tmp_path)
    builtin = clean(SEED.read_text("utf-8"), url=STAR_URL)
    assert result["off"]["removed"] == [[s.rule, s.text.strip()] for s in builtin.removed]
    assert result["off"]["body"] == builtin.body
    assert result["all"] == result["on"]  # "*" enables every installed plugin


# --- a rule author's mistakes, each said where it is made --------------------------------------


@rule("ANS001", Label.NOISE)
def _answers_in_words(block: Block, doc: Document) -> object:
    """Says "no" where it means False."""
    return "no"


@rule("ANS002", Label.NOISE)
def _falls_through(block: Block, doc: Document) -> object:
    """Returns True for the junk line, and nothing otherwise."""
    if block.text == "JUNK LINE":
        return True
    return None


@rule("WRT001", Label.NOISE)
def _cuts_the_document(block: Block, doc: Document) -> bool:
    """Shortens the document it reads."""
    doc.blocks = doc.blocks[:1]
    return False


@rule("WRT002", Label.NOISE)
def _decides_itself(block: Block, doc: Document) -> bool:
    """Records a decision with a label that is no Label."""
    doc.decide(block.index, "garbage", None)  # type: ignore[arg-type]
    return False


@rule("WRT003", Label.NOISE)
def _decides_for_others(block: Block, doc: Document) -> bool:
    """Labels the first line trailer itself, and every line after with it, unasked."""
    doc.decide_many([(0, Label.TRAILER, "WRT003")])
    return False


@rule("ANS003", Label.NOISE)
def _answers_with_a_match(block: Block, doc: Document) -> object:
    """A match for the promo line: `return PATTERN.match(...)`."""
    return PROMO.match(block.text)


PROMO = re.compile(r"PROMO \d+$")


def test_a_rule_answering_other_than_true_or_false_is_its_failure_and_none_is_false() -> None:
    rules = RuleSet("answers", [_answers_in_words, _falls_through, _answers_with_a_match])
    article = Cleaner(rules=[rules]).clean("JUNK LINE\n\nPROMO 42\n\n" + STORY)
    assert article.body == STORY  # "no" decided nothing; None was a no, True or a match a yes
    assert [(s.rule, s.text.strip()) for s in article.removed] == [
        ("ANS002", "JUNK LINE"),
        ("ANS003", "PROMO 42"),
    ]
    assert [(f.rule, f.error) for f in article.failures] == [
        ("ANS001", "TypeError: it returned 'no' (a str), not True or False")
    ]
    # The rule asked alone answers as the engine takes its answer.
    block = Block(index=0, start=0, end=8, text="PROMO 42", group=0)
    assert _answers_with_a_match.applies(block, Document("PROMO 42", [block])) is True
    with pytest.raises(TypeError, match="returned 'no'"):
        _answers_in_words.applies(block, Document("PROMO 42", [block]))


def test_a_rule_cannot_change_the_document_it_reads() -> None:
    writers = [_cuts_the_document, _decides_itself, _decides_for_others]
    for stage in ("markers", "layout"):
        article = Cleaner(rules=[RuleSet("writers", writers, stage=stage)]).clean(STORY)
        assert article.body == STORY
        assert {s.label for s in article.segments} == {Label.BODY}
        assert [(f.rule, f.error.split(":")[0]) for f in article.failures] == [
            ("WRT001", "AttributeError"),
            ("WRT002", "RuntimeError"),
            ("WRT003", "RuntimeError"),
        ]
        assert "Document.blocks is read-only" in article.failures[0].error
        assert "it does not decide labels" in article.failures[2].error
    doc = Document(STORY, [])
    with pytest.raises(AttributeError, match="read-only"):
        del doc.blocks


def test_a_rule_file_may_open_with_a_byte_order_mark_and_an_empty_one_is_said_to_be(
    tmp_path: Path,
) -> None:
    body = 'name = "bom"\n[[rule]]\nid = "BOM001"\nlabel = "noise"\npattern = "^JUNK LINE$"\n'
    marked = tmp_path / "bom.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert [r.id for r in load_rule_file(marked).rules] == ["BOM001"]
    for name, content in (("empty.toml", ""), ("comments.toml", "# to do\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(RuleConfigError, match=f"{name}: the file sets nothing"):
            load_rule_file(path)
    marked.write_bytes(b"\xef\xbb\xbfname = 'x\xff'\n")  # the bad byte's place in the file
    with pytest.raises(RuleConfigError, match="not UTF-8 text .*: byte 12:"):
        load_rule_file(marked)


@pytest.mark.parametrize("pattern", ["x*", ".", "^", ".*", "(?:\\w+\\s){0,40}"])
def test_a_pattern_found_in_every_line_is_refused_unless_narrowed(pattern: str) -> None:
    with pytest.raises(RuleConfigError, match="AAA001: pattern .* matches every line"):
        PatternRule("AAA001", "noise", pattern)
    PatternRule("AAA002", "noise", pattern, max_chars=3)  # the short lines: a rule
    PatternRule("AAA003", "noise", pattern, requires=["junk"])


@pytest.mark.parametrize(
    "pattern",
    [
        "^(?!.*\\w)", "\\S", "^JUNK", "\\d", "^.{1,40}$", "^(?!.*[。！？]$)",
        # a site's lines in no letter of its script: its menus, its share buttons
        *(f"^[^\\p{{{script}}}]+$" for script in (
            "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "Hangul",
            "Han", "Hiragana",
        )),
    ],
)  # fmt: skip
def test_a_pattern_for_lines_of_one_kind_is_not_taken_for_one_of_every_line(
    pattern: str,
) -> None:
    PatternRule("AAA004", "noise", pattern)


def test_site_rules_that_a_document_without_url_cannot_use_are_said_so() -> None:
    site = RuleSet("my-site", [PatternRule("SIT001", "noise", "^JUNK LINE$")], domains=["a.test"])
    cleaner = Cleaner(rules=[site])
    unused = "rules: the document has no URL, so the site rule sets my-site were not used"
    assert cleaner.clean("JUNK LINE\n\n" + STORY).warnings == (unused,)
    assert cleaner.clean(STORY, url="file:///tmp/story.txt").warnings == (
        "rules: the document has a URL that names no site, so the site rule sets my-site were "
        "not used",
    )
    on_site = cleaner.clean("JUNK LINE\n\n" + STORY, url="https://a.test/story")
    assert on_site.warnings == ()
    assert [s.rule for s in on_site.removed] == ["SIT001"]
    assert not Cleaner().clean(STORY).warnings  # no site rules, nothing to say
    assert not Cleaner(rules=[site], disable=["SIT001"]).clean(STORY).warnings  # none left


def test_an_installed_site_plugins_rules_are_not_said_unused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    point = EntryPoint("site", "tests.test_plugins:SITE_PLUGIN", plugins.GROUP)
    monkeypatch.setattr(plugins, "installed", lambda: {"site": point})
    monkeypatch.setattr(plugins, "load", plugins.load.__wrapped__)
    article = Cleaner(plugins=["*"]).clean("JUNK LINE\n\n" + STORY)
    assert "JUNK LINE" in article.text and not article.warnings


SITE_PLUGIN = RuleSet("site", [PatternRule("SIT002", "noise", "^JUNK LINE$")], domains=["a.test"])


def test_two_packages_giving_one_plugin_name_make_it_an_error_naming_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    points = [
        EntryPoint("twin", f"tests.test_plugins:{target}", plugins.GROUP)
        for target in ("CLASH_A", "CLASH_B")
    ]
    monkeypatch.setattr(plugins, "entry_points", lambda group: points)
    monkeypatch.setattr(plugins, "installed", lambda: {"twin": points[0]})
    with pytest.raises(PluginError) as raised:
        plugins.load.__wrapped__("twin")
    assert str(raised.value) == (
        "two installed packages give a rule plugin named 'twin': tests.test_plugins:CLASH_A and "
        "tests.test_plugins:CLASH_B; uninstall one of them"
    )


def test_a_rule_set_that_cannot_be_built_fails_when_the_cleaner_is_made(tmp_path: Path) -> None:
    clash = tmp_path / "clash.toml"
    clash.write_text(
        'name = "clash"\n[[rule]]\nid = "AD001"\nlabel = "noise"\npattern = "^x$"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleConfigError, match="AD001 is in both"):
        Cleaner(rules=[clash])


def test_a_bad_decision_leaves_no_stale_labels_behind() -> None:
    blocks = split_blocks("one\n\ntwo")
    doc = Document("one\n\ntwo", blocks)
    assert doc.labels() == (None, None)  # read, and so cached
    decided = [(0, Label.NOISE, "TST001"), (1, "garbage", None)]
    with pytest.raises(TypeError):
        doc.decide_many(decided)  # type: ignore[arg-type]
    assert doc.labels() == (Label.NOISE, None)
