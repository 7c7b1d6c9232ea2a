"""What a JSONL record keeps of its own fields beside the Article's, and which fields each
output format can show: nothing a record carries is overwritten without a word."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import STORY, run


def _records(*records: dict[str, object]) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()


def test_a_records_url_field_is_its_url_by_default_as_for_learn() -> None:
    stdin = _records({"id": "a", "url": "https://example.com/a", "text": STORY})
    result = run("-", "--field", "text", "--fields", "body,url", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["url"] == "https://example.com/a"


def test_a_field_the_article_would_overwrite_fails_its_record_and_the_rest_go_on() -> None:
    stdin = _records(
        {"id": "a", "headline": "The publisher's headline", "text": "Council votes\n\n" + STORY},
        {"id": "b", "text": STORY},
    )
    result = run("-", "--field", "text", "--fields", "headline,body", stdin=stdin)
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["b"]
    assert "FieldClash" in result.stderr and "headline" in result.stderr
    assert "--prefix" in result.stderr


def test_prefix_keeps_the_records_fields_beside_the_articles() -> None:
    stdin = _records(
        {
            "id": "a",
            "url": "https://example.com/a",
            "headline": "The publisher's headline",
            "language": "fr",
            "tags": ["local"],
            "text": STORY,
        }
    )
    result = run("-", "--field", "text", "--prefix", "article_", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["headline"], out["language"], out["tags"]) == (
        "The publisher's headline",
        "fr",
        ["local"],
    )
    assert out["article_body"] == STORY.strip()
    assert out["article_url"] == "https://example.com/a"
    assert "body" not in out


def test_prefix_is_for_json_output_only() -> None:
    result = run("-", "--format", "text", "--prefix", "article_", stdin=STORY.encode())
    assert result.returncode == 2
    assert "--prefix names fields in json and jsonl output, not in text" in result.stderr


def test_the_text_view_refuses_fields_it_does_not_show() -> None:
    result = run("-", "--format", "text", "--fields", "headline,url,tags", stdin=STORY.encode())
    assert result.returncode == 2
    assert "--format text shows no url, tags; use --format json or jsonl" in result.stderr
    shown = run("-", "--format", "text", "--fields", "headline,body", stdin=STORY.encode())
    assert shown.returncode == 0, shown.stderr


def test_a_folder_of_rule_files_is_each_of_its_files(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for n, line in ((1, "Hollow kitchen corner"), (2, "Hollow garden corner")):
        (rules / f"site{n}.toml").write_text(
            f'name = "site{n}"\n[[rule]]\nid = "SIT00{n}"\nlabel = "noise"\n'
            f'pattern = "^{line}$"\n',
            encoding="utf-8",
        )
    text = f"Hollow kitchen corner\n\n{STORY}\n\nHollow garden corner\n\n{STORY}"
    result = run("-", "--rules", str(rules), "--format", "json", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    removed = {piece["rule"] for piece in json.loads(result.stdout)["removed"]}
    assert {"SIT001", "SIT002"} <= removed
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run("-", "--rules", str(empty), stdin=STORY.encode())
    assert refused.returncode == 2
    assert "the folder holds no .toml rule file" in refused.stderr


def test_a_rule_that_fails_is_named_on_standard_error_when_the_output_leaves_failures_out(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "slow.toml"
    rules.write_text(
        'name = "slow"\n[[rule]]\nid = "SLO001"\nlabel = "noise"\npattern = "(a+)+$"\n',
        encoding="utf-8",
    )
    stuck = "a" * 3000 + "b"  # the pattern backtracks on it until the rule's time is up
    stdin = _records({"id": "a", "text": f"{STORY}\n\n{stuck}"}, {"id": "b", "text": STORY})
    result = run("-", "--field", "text", "--rules", str(rules), "--fields", "body", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "warning: rule SLO001 failed on 1 of 2 records" in result.stderr
    fields = "body,failures"
    shown = run("-", "--field", "text", "--rules", str(rules), "--fields", fields, stdin=stdin)
    assert "SLO001" not in shown.stderr
    assert "SLO001" in shown.stdout
    xml = run("-", "--field", "text", "--rules", str(rules), "--format", "xml", stdin=stdin)
    assert '<failure rule="SLO001">' in xml.stdout
    assert "SLO001" not in xml.stderr  # the XML shows its failures


def test_a_command_named_like_a_document_says_how_to_clean_the_document(tmp_path: Path) -> None:
    note = "running the 'rules' command; to clean the file named 'rules'"
    (tmp_path / "rules").write_text(STORY, encoding="utf-8")
    assert note in run("rules", cwd=tmp_path).stderr
    (tmp_path / "rules").unlink()
    (tmp_path / "rules").mkdir()  # learn's folder of rule files: no document to clean in it
    (tmp_path / "rules" / "example.com.toml").write_text('name = "x"\n', encoding="utf-8")
    assert note not in run("rules", cwd=tmp_path).stderr
    (tmp_path / "rules" / "page.txt").write_text(STORY, encoding="utf-8")
    assert note in run("rules", cwd=tmp_path).stderr


def test_an_empty_field_of_the_record_is_filled_in_not_a_clash() -> None:
    stdin = _records({"id": "a", "headline": None, "tags": [], "text": "Council votes\n\n" + STORY})
    result = run("-", "--field", "text", "--fields", "headline,tags,body", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["body"] == STORY.strip()


def test_rules_check_takes_a_folder_as_the_clean_command_does(tmp_path: Path) -> None:
    (tmp_path / "one.toml").write_text(
        'name = "one"\n[[rule]]\nid = "ONE001"\nlabel = "noise"\npattern = "^Hollow corner$"\n'
        'examples = ["Hollow corner"]\n',
        encoding="utf-8",
    )
    result = run("rules", "--check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "1 of 1" in result.stdout


def _rule_file(path: Path, rule_id: str, pattern: str, example: str, domains: str = "") -> Path:
    path.write_text(
        f'name = "{path.stem}"\n{domains}[[rule]]\nid = "{rule_id}"\nlabel = "noise"\n'
        f"pattern = '{pattern}'\nexamples = [\"{example}\"]\n",
        encoding="utf-8",
    )
    return path


def test_the_shadowed_example_warning_reads_the_rules_that_run(tmp_path: Path) -> None:
    # Against every rule that runs, in its order: an earlier rule file shadows too, a rule that
    # --disable leaves out does not, and a site's file runs before the built-in rules.
    page = tmp_path / "page.txt"
    page.write_text("ADVERTISING\n\nFoo line\n\n" + STORY, encoding="utf-8")
    first = _rule_file(tmp_path / "a.toml", "AAA001", "^Foo line$", "Foo line")
    second = _rule_file(tmp_path / "b.toml", "BBB001", "^Foo", "Foo line")
    ads = _rule_file(tmp_path / "ads.toml", "ADS001", "^ADVERTISING$", "ADVERTISING")
    site = _rule_file(
        tmp_path / "site.toml", "SIT001", "^ADVERTISING$", "ADVERTISING", 'domains = ["x.ex"]\n'
    )
    shadowed = run(str(page), "--rules", str(first), "--rules", str(second))
    assert "rule BBB001 (b) never takes its example 'Foo line': rule AAA001" in shadowed.stderr
    assert "AAA001" not in shadowed.stderr.replace("rule AAA001 takes it first", "")
    assert "warning" in run(str(page), "--rules", str(ads)).stderr
    assert "warning" not in run(str(page), "--rules", str(ads), "--disable", "AD001").stderr
    on_its_site = run(str(page), "--rules", str(site), "--url", "https://x.ex/1")
    assert "warning" not in on_its_site.stderr


def test_rules_check_leaves_out_what_disable_names_and_refuses_what_it_ignores(
    tmp_path: Path,
) -> None:
    ads = _rule_file(tmp_path / "ads.toml", "ADS001", "^ADVERTISING$", "ADVERTISING")
    shadowed = run("rules", "--check", str(ads))
    assert shadowed.returncode == 1 and "went to AD001" in shadowed.stdout
    assert run("rules", "--check", str(ads), "--disable", "AD001").returncode == 0
    for extra in (["--rules", str(ads)], ["--strict"]):
        refused = run("rules", "--check", str(ads), *extra)
        assert refused.returncode == 2 and "drop --rules, --plugin and --strict" in refused.stderr
    # --markdown prints the built-in rules alone: an option that would change it is refused.
    for extra in (["--rules", str(ads)], ["--disable", "AD001"], ["--check", str(ads)]):
        refused = run("rules", "--markdown", *extra)
        assert refused.returncode == 2 and "--markdown prints the built-in rules alone" in (
            refused.stderr
        )


def test_a_rule_file_of_too_many_examples_is_not_checked_before_the_run(tmp_path: Path) -> None:
    # Each example is a document cleaned with every rule: 10,000 rules took 40 s to start.
    from article_clean.cli import WARN_EXAMPLES_AT_MOST

    rules = ['name = "many"']
    for n in range(WARN_EXAMPLES_AT_MOST + 1):
        rules.append(
            f'[[rule]]\nid = "MNY{n:04d}"\nlabel = "noise"\npattern = "^Junk {n}$"\n'
            f'examples = ["Junk {n}"]'
        )
    (tmp_path / "many.toml").write_text("\n".join(rules), encoding="utf-8")
    (tmp_path / "page.txt").write_text(STORY, encoding="utf-8")
    result = run("page.txt", "--rules", "many.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"have {WARN_EXAMPLES_AT_MOST + 1} examples and counter-examples, too many" in (
        result.stderr
    )


def test_jsonl_saved_in_utf16_or_utf32_is_read_by_its_byte_order_mark(tmp_path: Path) -> None:
    # A Windows shell's redirection writes UTF-16: split at b"\n", every line after the first
    # was cut in two, each record a misleading decoding error.
    records = [{"id": n, "text": f"Council votes ({n})\n\n{STORY}"} for n in range(3)]
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    for encoding in ("utf-16", "utf-32"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes(lines.encode(encoding))
        result = run(str(path), "--fields", "headline")
        assert result.returncode == 0, result.stderr
        read = [json.loads(line) for line in result.stdout.splitlines()]
        assert read == [{"id": n, "headline": f"Council votes ({n})"} for n in range(3)]
    broken = tmp_path / "broken.jsonl"  # a unit no UTF-16 text holds: said, never a traceback
    broken.write_bytes(lines.encode("utf-16") + b"\x00\xd8" + lines.encode("utf-16-le"))
    result = run(str(broken), "--fields", "headline")
    assert result.returncode == 1 and "ReadError" in result.stderr
    assert "Traceback" not in result.stderr
