"""The rough edges a new user meets in the first hour: each one said, never silent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean import Cleaner, DecodeError, InputError, RuleConfigError, clean

from .test_cli import SEED, STORY, run

ROOT = Path(__file__).resolve().parent.parent


def _two_files(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("ADVERTISING\n\n" + STORY, encoding="utf-8")
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_output_to_a_new_folder_makes_the_folder(tmp_path: Path) -> None:
    inputs = _two_files(tmp_path / "in")
    result = run(str(inputs), "-o", str(tmp_path / "cleaned"), "--fields", "body")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cleaned").is_dir()
    written = sorted(p.name for p in (tmp_path / "cleaned").iterdir())
    assert written == ["a.txt.json", "b.txt.json"]


def test_output_to_a_new_file_name_with_a_suffix_stays_one_file(tmp_path: Path) -> None:
    inputs = _two_files(tmp_path / "in")
    result = run(str(inputs), "-o", str(tmp_path / "all.jsonl"), "--fields", "body")
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "all.jsonl").read_text("utf-8").splitlines()) == 2


def test_text_format_over_several_documents_names_each_source(tmp_path: Path) -> None:
    inputs = _two_files(tmp_path / "in")
    result = run(str(inputs), "--format", "text", "--fields", "body")
    assert result.returncode == 0, result.stderr
    a, b = str(inputs / "a.txt"), str(inputs / "b.txt")
    assert result.stdout.startswith(f"==> {a} <==\n")
    assert f"\n\n==> {b} <==\n" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--disable", "ZZZ999"], "'ZZZ999' is no rule id or id prefix"),
        (["--disable", "cap"], "rule ids are upper case: 'CAP'"),
        (["--glob", "*.txt"], "--glob picks files from directories"),
    ],
)
def test_options_that_would_do_nothing_are_usage_errors(args: list[str], message: str) -> None:
    result = run(str(SEED), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_url_for_several_documents_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(_two_files(tmp_path / "in")), "--url", "https://example.com/a")
    assert result.returncode == 2
    assert "--url is for a single document" in result.stderr


def test_empty_standard_input_is_a_usage_error() -> None:
    result = run(stdin=b"")
    assert result.returncode == 2
    assert "standard input is empty" in result.stderr
    assert result.stdout == ""


def test_disabling_an_unknown_rule_in_python_is_a_rule_config_error() -> None:
    with pytest.raises(RuleConfigError, match="'AD9' is no rule id"):
        Cleaner(disable=["AD9"]).clean(STORY)
    kept = Cleaner(disable=["AD"]).clean("ADVERTISING\n\n" + STORY)
    assert "AD001" not in {s.rule for s in kept.segments}


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "article_clean", str(SEED), "--format", "json", "--fields=headline"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["headline"].startswith("China and US")


def test_a_file_named_like_a_command_can_be_cleaned(tmp_path: Path) -> None:
    (tmp_path / "rules").write_text(STORY, encoding="utf-8")
    listed = run("rules", cwd=tmp_path)
    assert listed.returncode == 0
    assert "to clean the file named 'rules', write ./rules" in listed.stderr
    for args in (["clean", "rules"], ["./rules"]):
        cleaned = run(*args, "--format", "json", "--fields", "body", cwd=tmp_path)
        assert cleaned.returncode == 0, cleaned.stderr
        assert json.loads(cleaned.stdout)["body"] == STORY.strip()


def test_the_text_view_says_what_removed_counts() -> None:
    result = run(str(SEED), "--format", "text")
    assert "--- removed as noise or trailer (5) ---" in result.stdout


@pytest.mark.parametrize("content", [b"\x00\x01binary", "\x00\x01binary", b"story\x00" * 40])
def test_nul_characters_are_refused_alike_in_str_and_bytes(content: str | bytes) -> None:
    expected = DecodeError if isinstance(content, bytes) else InputError
    with pytest.raises(expected, match="NUL character"):
        clean(content)


def test_utf16_bytes_with_their_zero_bytes_still_decode() -> None:
    assert clean(("\ufeff" + STORY).encode("utf-16")).body == STORY.strip()


def test_to_dict_is_the_command_lines_json_with_segments() -> None:
    article = clean(SEED.read_text("utf-8"))
    data = article.to_dict()
    assert [r["rule"] for r in data["removed"]] == ["AD001", "TRL001", "TRL002", "TRL001", "TRL003"]
    assert len(data["segments"]) == len(article.segments)
    assert "segments" not in article.to_dict(segments=False)
    cli = json.loads(run(str(SEED), "--format", "json").stdout)
    assert cli == {k: v for k, v in data.items() if k != "segments"} | {"source": str(SEED)}


def test_a_rule_file_rule_shadowed_by_a_built_in_one_is_said(tmp_path: Path) -> None:
    rules = tmp_path / "shadow.toml"
    rules.write_text(
        'name = "shadowed"\ndescription = "a rule a built-in rule shadows"\n\n[[rule]]\n'
        "id = \"SHD001\"\nlabel = \"noise\"\npattern = '^ADVERTISING$'\n"
        'description = "the ad marker, again"\nexamples = ["ADVERTISING"]\n',
        encoding="utf-8",
    )
    result = run("--rules", str(rules), str(SEED), "--format", "json", "--fields", "headline")
    assert result.returncode == 0, result.stderr
    assert (
        "warning: rule SHD001 (shadowed) never takes its example 'ADVERTISING': "
        "rule AD001 takes it first" in result.stderr
    )
    quiet = run("--rules", str(ROOT / "samples/rules/example-news.toml"), str(SEED))
    assert "warning" not in quiet.stderr
