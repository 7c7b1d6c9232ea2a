"""The public Rule / RuleSet API: what plugins and the built-in sets are written with."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest

from article_clean import (
    Cleaner,
    FunctionRule,
    Label,
    PatternRule,
    RuleConfigError,
    RuleSet,
    Scope,
    Stage,
    clean,
    rule,
)
from article_clean.blocks import split_blocks
from article_clean.document import Document
from article_clean.model import Block


def test_pattern_rule_labels_matching_blocks_and_names_itself() -> None:
    sponsor = RuleSet("test-sponsor", [PatternRule("TST001", "noise", r"^Brought to you by ")])
    text = (
        "A headline for a test\n\nBrought to you by Acme.\n\n" + "A story sentence goes here. " * 5
    )
    article = clean(text, rules=[sponsor])
    removed = {s.text.strip(): s.rule for s in article.removed}
    assert removed["Brought to you by Acme."] == "TST001"
    assert "Brought to you by" not in article.body


def test_function_rule_from_decorator_gets_its_docstring_as_description() -> None:
    @rule("TST002", Label.NOISE)
    def shouting(block, doc):  # type: ignore[no-untyped-def]
        """A line in capitals only."""
        return block.text.isupper()

    assert isinstance(shouting, FunctionRule)
    assert shouting.description == "A line in capitals only."
    article = Cleaner(rules=[RuleSet("test-shout", [shouting])]).clean(
        "A real paragraph of the story, long enough to count as prose here.\n\nBUY NOW\n\n"
        "Another paragraph of the same story, also long enough to count as prose."
    )
    assert [(s.text.strip(), s.rule) for s in article.removed] == [("BUY NOW", "TST002")]


def test_rest_scope_marks_everything_after_as_trailer() -> None:
    story = "\n\n".join(
        f"Paragraph {i} of the story has more than enough words to count." for i in range(6)
    )
    text = story + "\n\nEnd of the page\n\nfooter one\n\nfooter two"
    ending = RuleSet(
        "test-end", [PatternRule("TST003", "trailer", r"^End of the page$", scope="rest")]
    )
    article = clean(text, rules=[ending])
    assert article.trailer == "End of the page\n\nfooter one\n\nfooter two"
    assert {s.rule for s in article.segments if s.label is Label.TRAILER} == {"TST003"}

_V0_AND_V1 = 0x2000 | 0x100  # regex.VERSION0 | regex.VERSION1


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: PatternRule("bad id", "noise", "x"), "rule id"),
        (lambda: PatternRule("TST001", "nonsense", "x"), "unknown label"),
        (lambda: PatternRule("TST001", "noise", "(unclosed"), "invalid pattern"),
        (lambda: PatternRule("TST001", "noise", ""), "non-empty"),
        (lambda: PatternRule("TST001", "noise", "x", scope="sideways"), "unknown scope"),
        (lambda: PatternRule("TST001", "noise", "x", flags="LOUD"), "unknown regex flag"),
        (lambda: PatternRule("TST001", "noise", "x", linear="yes"), "true or false"),  # type: ignore[arg-type]
        (lambda: FunctionRule("TST001", "noise", "not callable"), "callable"),  # type: ignore[arg-type]
        (
            lambda: FunctionRule("TST001", "noise", bool, description=5),  # type: ignore[arg-type]
            "description must be a string, not int",
        ),
        (lambda: RuleSet("", []), "non-empty name"),
        (lambda: RuleSet("x", ["not a rule"]), "is not a Rule"),  # type: ignore[list-item]
        # One rule where a list of them goes: named, not "'PatternRule' object is not iterable".
        (
            lambda: RuleSet("x", PatternRule("TST001", "noise", "x")),  # type: ignore[arg-type]
            r"a list of rules, not <PatternRule TST001",
        ),
        (lambda: RuleSet("x", "TST001"), "a list of rules, not 'TST001'"),  # type: ignore[arg-type]
        (lambda: RuleSet("x", [], domains=["https://example.com/"]), "is not a domain"),
        # Forms no URL's host takes: the set would never apply, and nothing would say so.
        (lambda: RuleSet("x", [], domains=["*.example.com"]), "which covers its subdomains"),
        (lambda: RuleSet("x", [], domains=[".example.com"]), "which covers its subdomains"),
        (lambda: RuleSet("x", [], domains=["example.com:443"]), "without a port"),
        (lambda: RuleSet("x", [], domains=["me@example.com"]), "is not a domain"),
        (lambda: RuleSet("x", [], domains=["example..com"]), "is not a domain"),
        # A top-level domain: one contributor's "site" set would run first on every site under it.
        (lambda: RuleSet("x", [], domains=["com"]), "'com' is a top-level domain"),
        (lambda: RuleSet("x", [], domains=["www.uk."]), "'www.uk.' is a top-level domain"),
        (lambda: RuleSet("x", [], stage="later"), "unknown stage"),
        # A missing list is named as the argument it is, not "'NoneType' is not iterable".
        (lambda: PatternRule("TST001", "noise", "x", examples=None), "examples must be a list"),  # type: ignore[arg-type]
        (lambda: PatternRule("TST001", "noise", "x", tags=None), "tags must be a list"),  # type: ignore[arg-type]
        (lambda: PatternRule("TST001", "noise", "x", requires=None), "requires must be a list"),  # type: ignore[arg-type]
        (lambda: RuleSet("x", [], domains=None), "domains are a list"),  # type: ignore[arg-type]
        (lambda: RuleSet("x", [], domains=5), "domains are a list"),  # type: ignore[arg-type]
        # An int of flags holds regex flags only; V0 and V1 together are refused by regex.
        (lambda: PatternRule("TST001", "noise", "x", flags=-1), "no set of regex flags"),
        (lambda: PatternRule("TST001", "noise", "x", flags=2**40), "no set of regex flags"),
        (lambda: PatternRule("TST001", "noise", "x", flags=_V0_AND_V1), "mutually incompatible"),
        (
            lambda: RuleSet(
                "x", [PatternRule("TST001", "noise", "a"), PatternRule("TST001", "noise", "b")]
            ),
            "appears twice",
        ),
    ],
)
def test_bad_rules_are_rejected_when_built(build, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleConfigError, match=message):
        build()


def test_a_vetted_pattern_is_compiled_on_first_use_and_still_checked_before_cleaning() -> None:
    vetted = PatternRule("TST001", "noise", "(unclosed", linear=True)  # not compiled yet
    with pytest.raises(RuleConfigError, match="invalid pattern"):
        clean("some text", rules=[RuleSet("test-vetted", [vetted])])
    good = pickle.loads(pickle.dumps(PatternRule("TST002", "noise", "^Share$", linear=True)))
    assert good.search("Share") is not None and good.search("Shared") is None


def test_a_vetted_pattern_that_does_not_compile_fails_when_the_cleaner_is_made() -> None:
    vetted = PatternRule("TST001", "noise", "(unclosed", linear=True)
    with pytest.raises(RuleConfigError, match="TST001: invalid pattern"):
        Cleaner(rules=[RuleSet("test-vetted", [vetted])])  # so clean_many never sees a record


def test_a_pattern_of_groups_nested_too_deeply_to_compile_is_a_config_error() -> None:
    # The compiler recurses a level a group: 400 levels raised a bare RecursionError (and the
    # command printed an internal error's traceback).
    deep = "(" * 400 + "a" + ")" * 400
    with pytest.raises(RuleConfigError, match="DEEP001: pattern nests its groups too deeply"):
        PatternRule("DEEP001", "noise", deep)
    assert PatternRule("DEEP002", "noise", "(" * 20 + "a" + ")" * 20).search("a") is not None


def test_a_disabled_vetted_pattern_is_not_compiled() -> None:
    broken = PatternRule("TST001", "noise", "(unclosed", linear=True)
    zebra = PatternRule("TST002", "noise", "^Zebra notes$", linear=True)
    cleaner = Cleaner(rules=[RuleSet("test-vetted", [broken, zebra])], disable=["TST001"])
    story = "A paragraph of the story, long enough to read as prose in any test. " * 2
    article = cleaner.clean(f"Zebra notes\n\n{story}")
    assert [piece.rule for piece in article.removed] == ["TST002"]


def test_rule_ids_must_be_unique_across_rule_sets() -> None:
    clash = RuleSet("test-clash", [PatternRule("AD001", "noise", "x")])
    with pytest.raises(RuleConfigError, match="AD001 is in both"):
        clean("text", rules=[clash])


def test_a_clash_names_where_each_rule_comes_from_and_says_to_rename_one(tmp_path: Path) -> None:
    mine = tmp_path / "mysite.toml"
    mine.write_text(
        'name = "mysite"\n[[rule]]\nid = "AD001"\nlabel = "noise"\npattern = "^Junk$"\n',
        encoding="utf-8",
    )
    expected = (
        f"rule id AD001 is in both rule set 'ads' (built-in) and rule set 'mysite' (file {mine}); "
        "ids must be unique across rule sets: rename one of them (disabling AD001 would leave "
        "out both)"
    )
    for disable in ([], ["AD001"]):  # disabling the id would leave neither rule: no way out
        with pytest.raises(RuleConfigError) as raised:
            Cleaner(rules=[mine], disable=disable).rule_sets
        assert str(raised.value) == expected


def test_a_rule_file_or_set_given_twice_is_said_to_be(tmp_path: Path) -> None:
    path = tmp_path / "hollow.toml"
    path.write_text(
        'name = "hollow"\n[[rule]]\nid = "HOL001"\nlabel = "noise"\npattern = "^Hollow$"\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    again = tmp_path / "sub" / ".." / "hollow.toml"
    cases = [
        ([str(path), str(path)], f"rules: rule file {path} is given twice; give it once"),
        ([path, again], f"rules: rule file {path} is given twice (as {path} and {again})"),
        ([RuleSet.from_toml(path), path], f"rules: rule set 'hollow' (file {path}) is given twice"),
    ]
    hollow = RuleSet("hollow", [PatternRule("HOL001", "noise", "^Hollow$")])
    cases.append(([hollow, hollow], "rules: rule set 'hollow' (python) is given twice"))
    for rules, message in cases:
        with pytest.raises(RuleConfigError) as raised:
            Cleaner(rules=rules).rule_sets
        assert str(raised.value).startswith(message)


def test_one_rule_set_is_taken_as_rules_and_a_rule_is_told_to_go_in_one() -> None:
    junk = RuleSet("test-one", [PatternRule("TST001", "noise", "^Junk line$")])
    text = "Junk line\n\n" + "A story sentence goes here. " * 5
    assert [s.rule for s in clean(text, rules=junk).removed] == ["TST001"]
    for given in (junk.rules[0], [junk.rules[0]], junk.rules):
        with pytest.raises(TypeError, match=r"rule TST001 is a PatternRule: put rules in a Rule"):
            clean(text, rules=given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "build",
    [
        lambda: PatternRule("TST009", "junk", "x"),
        lambda: PatternRule("TST009", "noise", "x", scope="sideways"),
        lambda: PatternRule("TST009", "noise", "x", flags="LOUD"),
        lambda: PatternRule("TST009", "noise", "x", flags=1.5),  # type: ignore[arg-type]
        lambda: FunctionRule("TST009", "noise", bool, scope="sideways"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_label_scope_or_flag_names_the_rule(build) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleConfigError, match="^rule TST009: "):
        build()


def test_domains_limit_a_rule_set_to_a_site_and_its_subdomains() -> None:
    site = RuleSet(
        "test-site", [PatternRule("TST004", "noise", "^x$")], domains=["www.example.com"]
    )
    assert site.domains == ("example.com",)
    assert site.applies_to("example.com")
    assert site.applies_to("news.example.com")
    assert not site.applies_to("badexample.com")
    assert not site.applies_to(None)
    text = "x\n\n" + "A paragraph of story text that is long enough to be prose. " * 3
    assert "TST004" in {
        s.rule for s in clean(text, rules=[site], url="https://news.example.com/a").removed
    }
    assert "TST004" not in {
        s.rule for s in clean(text, rules=[site], url="https://other.org/a").segments
    }
    assert "TST004" not in {s.rule for s in clean(text, rules=[site]).segments}


@pytest.mark.parametrize(
    "domain, url",
    [
        ("bücher.de", "https://xn--bcher-kva.de/a"),  # a crawler stores the DNS's spelling
        ("xn--bcher-kva.de", "https://bücher.de/a"),
        ("bücher.de", "https://shop.xn--bcher-kva.de/a"),
        ("[::1]", "http://[::1]/a"),  # an address as a URL writes it
        ("straße.de", "https://xn--strae-oqa.de/a"),  # IDNA 2008, as browsers map it
        ("example.com", "feed://example.com/rss"),  # a feed's address names its site
        ("example.com", "feed:https://example.com/rss"),
        ("example.com", "feed:example.com/rss"),
        ("example.com", " HTTPS://Example.com:443/a "),
    ],
)
def test_a_site_is_one_however_its_url_spells_its_host(domain: str, url: str) -> None:
    site = RuleSet("test-site", [PatternRule("TST004", "noise", "^x$")], domains=[domain])
    text = "x\n\n" + "A paragraph of story text that is long enough to be prose. " * 3
    assert "TST004" in {s.rule for s in clean(text, rules=[site], url=url).removed}


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "mailto:editor@example.com",
        "javascript:alert(1)",
        "example com",
        "javascript://example.com/%0aalert(1)",  # a host after "//", of no web page
        "file://example.com/share/page.html",
    ],
)
def test_an_address_that_is_no_web_pages_names_no_site_and_says_so(url: str) -> None:
    """A word, a mail address or a script given for `url=` was read as a host ("not a url",
    "example.com" for the mail address): the site's rules ran on a page of no site, or a
    site's rules were left out without the warning."""
    site = RuleSet("test-site", [PatternRule("TST004", "noise", "^x$")], domains=["example.com"])
    text = "x\n\n" + "A paragraph of story text that is long enough to be prose. " * 3
    article = clean(text, rules=[site], url=url)
    assert "TST004" not in {s.rule for s in article.segments}
    assert any("has a URL that names no site" in warning for warning in article.warnings)


def test_an_international_site_is_not_another_site_its_name_folds_to() -> None:
    site = RuleSet("test-site", [PatternRule("TST004", "noise", "^x$")], domains=["straße.de"])
    text = "x\n\n" + "A paragraph of story text that is long enough to be prose. " * 3
    # IDNA 2003 (Python's own codec) folds "straße" to "strasse": another registered domain.
    other = clean(text, rules=[site], url="https://strasse.de/a")
    assert "TST004" not in {s.rule for s in other.segments}


def test_disable_takes_ids_and_prefixes() -> None:
    paragraph = "A paragraph of story text that is long enough to be prose. " * 3
    text = f"{paragraph}\n\nADVERTISING\n\n{paragraph}"
    assert [s.rule for s in clean(text).removed] == ["AD001"]
    assert "ADVERTISING" in clean(text, disable=["AD001"]).body
    assert "ADVERTISING" in clean(text, disable=["AD"]).body


def test_a_rule_sets_without_takes_one_id_or_a_list() -> None:
    rules = RuleSet("x", [PatternRule("TST001", "noise", "a"), PatternRule("TST002", "noise", "b")])
    assert [r.id for r in rules.without("TST001")] == ["TST002"]  # one id, not its letters
    assert [r.id for r in rules.without(["TST001"])] == ["TST002"]
    assert [r.id for r in rules.without("TST")] == []
    with pytest.raises(TypeError, match="non-empty strings"):
        rules.without([""])


def test_a_rule_file_is_named_by_a_path_not_a_file_descriptor() -> None:
    with pytest.raises(TypeError, match="named by a path"):
        RuleSet.from_toml(1)  # type: ignore[arg-type]


def test_label_parse_accepts_any_case() -> None:
    assert Label.parse("Trailer") is Label.TRAILER
    assert Label.parse(" body ") is Label.BODY


def test_rules_and_rule_sets_pickle() -> None:
    rules = RuleSet("test-pickle", [PatternRule("TST005", "noise", "^x$", flags="IGNORECASE")])
    copy = pickle.loads(pickle.dumps(rules))
    assert copy.rules[0].search("X") is not None
    assert copy.stage is Stage.MARKERS
    assert copy.rules[0].scope is Scope.BLOCK


def test_builtin_rule_ids_are_unique_and_described() -> None:
    ids = [r.id for s in Cleaner().rule_sets for r in s.rules]
    assert len(ids) == len(set(ids))
    assert all(r.description for s in Cleaner().rule_sets for r in s.rules)


def test_a_rule_made_by_the_decorator_still_calls_its_function() -> None:
    @rule("TST009", Label.NOISE)
    def shouting(block: Block, doc: Document) -> bool:
        return block.text.isupper()

    text = "LOUD\n\nquiet words here"
    doc = Document(text, split_blocks(text))
    assert isinstance(shouting, FunctionRule)
    assert [shouting(block, doc) for block in doc.blocks] == [True, False]


@rule("TST011", Label.NOISE)
def short_shout(block: Block, doc: Document) -> bool:
    return block.text.isupper() and doc.stats(block.index).words <= 3


def test_a_rule_made_by_the_decorator_pickles_and_goes_to_workers() -> None:
    # The module's name holds the rule, not the function: pickled by that name, as a Cleaner
    # is for worker processes.
    assert pickle.loads(pickle.dumps(short_shout)) is short_shout
    cleaner = Cleaner(rules=[RuleSet("test-shout", [short_shout])])
    again = pickle.loads(pickle.dumps(cleaner))
    story = "EXCLUSIVE\n\n" + "A paragraph of the story, long enough to read as prose. " * 3
    assert [s.rule for s in again.clean(story).removed] == ["TST011"]


short_shout_twin = rule("TST012", Label.NOISE)(short_shout.func)


def test_a_second_rule_over_a_decorated_function_says_why_it_cannot_be_pickled() -> None:
    with pytest.raises(pickle.PicklingError, match="holds rule TST011, not this one"):
        pickle.dumps(short_shout_twin)


def test_two_python_rule_sets_of_one_name_clash_on_the_id_not_as_one_set_given_twice() -> None:
    first = RuleSet("mine", [PatternRule("MIN001", "noise", "^foo$")])
    second = RuleSet("mine", [PatternRule("MIN001", "noise", "^bar$")])
    with pytest.raises(RuleConfigError, match="rule id MIN001 is in both"):
        Cleaner(rules=[first, second]).rule_sets  # noqa: B018
    with pytest.raises(RuleConfigError, match="is given twice"):
        Cleaner(rules=[first, first]).rule_sets  # noqa: B018


_APP_PROMPT_STORY = (
    "Big storm hits coast\n\nThe storm arrived on Monday night, flooding streets in three towns "
    "and cutting power to thousands of homes across the region.\n\nTap here to get our app\n\n"
    "Officials said repairs could take a week, and asked residents to stay indoors while crews "
    "cleared fallen trees from the main roads."
)


def _rule_file(path: Path, pattern: str, label: str = "noise") -> Path:
    path.write_text(
        f'name = "mine"\n[[rule]]\nid = "MYN001"\nlabel = "{label}"\npattern = "{pattern}"\n',
        encoding="utf-8",
    )
    return path


def test_clean_reads_a_rule_file_again_once_it_is_edited(tmp_path: Path) -> None:
    # clean() caches its Cleaner by setting; an edited rule file is a new setting.
    rules = _rule_file(tmp_path / "mine.toml", "^Nothing matches this$")
    assert [s.rule for s in clean(_APP_PROMPT_STORY, rules=[rules]).removed] == []
    _rule_file(rules, "^Tap here")
    assert [s.rule for s in clean(_APP_PROMPT_STORY, rules=[rules]).removed] == ["MYN001"]
    _rule_file(rules, "^Tap here", label="junk")
    with pytest.raises(RuleConfigError, match="unknown label 'junk'; expected one of headline"):
        clean(_APP_PROMPT_STORY, rules=[str(rules)])


def test_a_folder_of_rule_files_stands_for_its_files_as_on_the_command_line(
    tmp_path: Path,
) -> None:
    _rule_file(tmp_path / "mine.toml", "^Tap here")
    (tmp_path / "notes.txt").write_text("not a rule file", encoding="utf-8")
    article = Cleaner(rules=[tmp_path]).clean(_APP_PROMPT_STORY)
    assert [s.rule for s in article.removed] == ["MYN001"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RuleConfigError, match="the folder holds no .toml rule file"):
        Cleaner(rules=[empty]).clean(_APP_PROMPT_STORY)


@pytest.mark.parametrize("disable", ["", [""], ["AD", " "]])
def test_an_empty_rule_id_to_disable_is_refused_not_taken_as_every_rule(disable: object) -> None:
    with pytest.raises(RuleConfigError, match="names no rule"):
        Cleaner(disable=disable).clean(_APP_PROMPT_STORY)  # type: ignore[arg-type]


def test_a_rule_files_wrong_top_level_type_names_the_file_once(tmp_path: Path) -> None:
    path = tmp_path / "top.toml"
    path.write_text(
        'name = "x"\ndescription = 5\n[[rule]]\nid = "TOP001"\nlabel = "noise"\npattern = "^a$"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleConfigError) as raised:
        Cleaner(rules=[path]).clean(_APP_PROMPT_STORY)
    assert str(raised.value) == f"{path}: field 'description' must be a string"


def test_a_site_rule_applies_to_its_host_written_with_the_root_dot() -> None:
    # "example.com." is the same host as "example.com" (as learn_rules groups them).
    site = RuleSet("site", [PatternRule("SIT001", "noise", "^Tap here")], domains=["example.com"])
    article = clean(_APP_PROMPT_STORY, rules=[site], url="https://www.example.com./news/1")
    assert [s.rule for s in article.removed] == ["SIT001"]


def test_a_tag_a_letter_off_a_built_in_one_is_said_and_ones_own_tags_are_not() -> None:
    # The rule would silently join nothing that reads the built-in tag; a tag of one's own,
    # even one sharing words with a built-in one, is allowed without a word.
    with pytest.warns(UserWarning, match="did you mean 'related-heading'"):
        PatternRule("TST001", "noise", "x", tags=["related-headng"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for own in ("story-end", "writer-name", "uk-dateline", "dateline-fr", "my-story-bound"):
            assert own in PatternRule("TST001", "noise", "x", tags=[own]).tags


def test_an_ipv6_host_is_a_domain_with_its_brackets_or_without() -> None:
    # Its colons are the address's own, not a port's: both spellings load and apply.
    # An address has many spellings; the set's and the URL's are read as one.
    for written in ("::1", "[::1]", "0:0::1", "[0:0:0:0:0:0:0:1]"):
        site = RuleSet("site", [PatternRule("SIT001", "noise", "^Tap here")], domains=[written])
        for url in ("http://[::1]:8080/news/1", "http://[0:0::1]:8000/a"):
            article = clean(_APP_PROMPT_STORY, rules=[site], url=url)
            assert [s.rule for s in article.removed] == ["SIT001"]
    site = RuleSet("site", [PatternRule("SIT001", "noise", "^Tap here")], domains=["[FE80::0:1]"])
    assert site.domains == ("fe80::1",)
    assert clean(_APP_PROMPT_STORY, rules=[site], url="http://[fe80:0::1]/").removed


def test_clean_reads_a_folder_again_once_a_rule_file_in_it_is_edited(tmp_path: Path) -> None:
    rules = _rule_file(tmp_path / "mine.toml", "^Nothing matches this$")
    assert [s.rule for s in clean(_APP_PROMPT_STORY, rules=[tmp_path]).removed] == []
    _rule_file(rules, "^Tap here")
    assert [s.rule for s in clean(_APP_PROMPT_STORY, rules=[tmp_path]).removed] == ["MYN001"]


def test_a_rule_file_given_by_itself_and_in_its_folder_is_named_with_the_folder(
    tmp_path: Path,
) -> None:
    rules = _rule_file(tmp_path / "mine.toml", "^Tap here")
    with pytest.raises(RuleConfigError, match=r"given twice \(in the folder .*\); give it once"):
        Cleaner(rules=[rules, tmp_path]).clean(_APP_PROMPT_STORY)


def test_a_folder_of_rules_that_cannot_be_read_is_a_rule_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rule_file(tmp_path / "mine.toml", "^Tap here")

    def refused(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("article_clean.rulefile.os.scandir", refused)
    with pytest.raises(RuleConfigError, match="cannot read the folder: Permission denied"):
        Cleaner(rules=[tmp_path]).clean(_APP_PROMPT_STORY)


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.Example.com./a", "example.com"),
        ("http://./", None),
        ("http://.", None),
        ("example.com.", "example.com"),
        ("http://[2001:db8::1]/a", "2001:db8::1"),
    ],
)
def test_a_urls_domain_is_its_host_without_www_or_the_root_dot(
    url: str, domain: str | None
) -> None:
    assert Document("", (), url=url).domain == domain
