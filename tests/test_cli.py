"""The article-clean command, run as a user runs it: a subprocess with files and pipes."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean.inputs import expand

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_99f8204d1b9f3a68.txt"
EXPECTED = json.loads((ROOT / "samples" / "000_99f8204d1b9f3a68.expected.json").read_text("utf-8"))
STORY = "A paragraph of the story, long enough to read as prose in any test. " * 2


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "article_clean.cli", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[str]:
    """`run` with standard input given as bytes that need not be UTF-8 (a gzip)."""
    done = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", *args], input=stdin, capture_output=True
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    return subprocess.CompletedProcess(done.args, done.returncode, out, err)


def test_one_file_as_text_shows_fields_and_removed_pieces() -> None:
    result = run(str(SEED), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"headline: {EXPECTED['headline']}\n")
    assert "\n".join(EXPECTED["paragraphs"][:2]) in result.stdout.replace("\n\n", "\n")
    assert "[AD001 noise] ADVERTISING" in result.stdout
    assert "--- removed as noise or trailer (5) ---" in result.stdout


def test_one_file_as_json_has_every_field() -> None:
    result = run(str(SEED), "--format", "json")
    data = json.loads(result.stdout)
    assert data["headline"] == EXPECTED["headline"]
    assert data["body"] == "\n\n".join(EXPECTED["paragraphs"])
    assert data["trailer"] == "\n\n".join(EXPECTED["trailer"])
    assert [r["rule"] for r in data["removed"]] == ["AD001", "TRL001", "TRL002", "TRL001", "TRL003"]
    assert "segments" not in data


def test_a_directory_is_read_recursively_in_order_with_a_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "one.txt").write_text("ADVERTISING\n\n" + STORY, encoding="utf-8")
    (tmp_path / "skip.md").write_text("not taken", encoding="utf-8")
    result = run(str(tmp_path), "--glob", "*.txt", "--fields", "body")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["source"]).name for line in lines] == ["two.txt", "one.txt"]
    assert all(line["body"] == STORY.strip() for line in lines)


def test_without_a_glob_a_directory_gives_its_documents_only(tmp_path: Path) -> None:
    """A folder of pages also holds notes, licences and expected results: no articles."""
    names = ["a.txt", "b.html", "c.html.gz", "d.jsonl", "e.HTM", "README.md", "LICENSE",
             "a.expected.json", "rules.toml"]  # fmt: skip
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    found = [Path(name).name for name in expand([str(tmp_path)], None)]
    assert found == ["a.txt", "b.html", "c.html.gz", "d.jsonl", "e.HTM"]
    named = tmp_path / "README.md"  # a file named on the command line is always read
    assert list(expand([str(named)], None)) == [str(named)]


def test_a_directory_without_documents_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.returncode == 0  # an empty folder is no error in a pipeline, but not silent
    assert result.stdout == ""
    assert "no documents found" in result.stderr and ".html" in result.stderr
    assert "'*.xml'" in run(str(tmp_path), "--glob", "*.xml").stderr


def test_jsonl_pipeline_passes_fields_through_and_reports_bad_records(tmp_path: Path) -> None:
    records = [
        {
            "id": "a",
            "text": "ADVERTISING\n\n" + STORY,
            "url": "https://example.com/a",
            "lang": "en",
        },
        "this line is not JSON",
        {"id": "c", "body": "no text field"},
        {"id": "d", "text": STORY},
    ]
    stdin = "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()
    errors = tmp_path / "errors.jsonl"
    result = run(
        "-",
        "--field",
        "text",
        "--url-field",
        "url",
        "--fields",
        "body,url",
        "--errors",
        str(errors),
        stdin=stdin,
    )
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out == [
        {"id": "a", "url": "https://example.com/a", "lang": "en", "body": STORY.strip()},
        {"id": "d", "body": STORY.strip(), "url": None},
    ]
    failed = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert [(f["id"], f["error"]["type"]) for f in failed] == [
        ("-:2", "JSONDecodeError"),
        ("c", "InputError"),
    ]
    # A record with an id of its own says where it was too: two files may reuse ids.
    assert [f.get("where") for f in failed] == [None, "-:3"]
    assert "2 of 4 records failed" in result.stderr
    # Where in the line JSON failed, by character: the file's line is the one named before.
    assert failed[0]["error"]["message"] == (
        "not a JSON line: Expecting value (character 1 of the line)"
    )


def test_parallel_output_equals_serial_output(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": n, "text": ("ADVERTISING\n\n" if n % 3 else "") + STORY + f" Number {n}."}
        )
        for n in range(40)
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    serial = run(str(source), "--jobs", "1")
    parallel = run(str(source), "--jobs", "2")
    assert serial.returncode == parallel.returncode == 0
    assert parallel.stdout == serial.stdout
    assert [json.loads(line)["id"] for line in parallel.stdout.splitlines()] == list(range(40))


def test_output_directory_gets_one_file_per_record(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(str(SEED), "--output", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    written = list(out.iterdir())
    assert [p.name for p in written] == ["000_99f8204d1b9f3a68.txt.json"]
    assert json.loads(written[0].read_text("utf-8"))["headline"] == EXPECTED["headline"]


def test_undecodable_file_is_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00garbage" * 10)
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    result = run(str(tmp_path), "--fields", "body")
    assert result.returncode == 1
    assert [json.loads(line)["body"] for line in result.stdout.splitlines()] == [STORY.strip()]
    assert "a.txt: DecodeError" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.txt"], "no such file or directory: missing.txt"),
        ([str(SEED), "--fields", "body,colour"], "unknown field(s): colour"),
        ([str(SEED), "--fields", ""], "no field given"),
        ([str(SEED), "--disable", ","], "--disable names no rule id"),
        ([str(SEED), "--disable", "AD001", "--disable", ""], "--disable names no rule id"),
        ([str(SEED), "--rules", "missing.toml"], "cannot read rule file"),
        ([str(SEED), "--plugin", "no-such-plugin"], "no rule plugin named"),
        ([str(SEED), "--jobs", "-1"], "--jobs"),
        ([str(SEED), str(SEED), "--format", "json"], "--format json writes one document"),
        ([str(SEED), "--format", "xml", "--fields", "headline"], "--fields picks what text"),
        ([str(SEED), "--format", "markdown", "--fields", "body"], "--format markdown writes"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_lists_every_rule_with_its_origin() -> None:
    path = ROOT / "samples" / "rules" / "example-news.toml"
    result = run("rules", "--rules", str(path))
    assert result.returncode == 0
    assert "AD001" in result.stdout and "TRL001" in result.stdout and "STO002" in result.stdout
    assert (  # the path as given: two sites' files may share a name
        f"example-news  [file {path}; markers; enabled; only for example-news.com]"
        in result.stdout
    )
    assert "EXN003   TRAILER" in result.stdout


def test_field_on_a_text_file_says_that_it_reads_json_lines(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"A title\n\n{STORY}\n", encoding="utf-8")
    result = run(str(article), "--field", "text")
    assert result.returncode == 1
    assert "2 of 2 records failed (--field reads every line of the inputs as a JSON record" in (
        result.stderr
    )
    named = tmp_path / "records.jsonl"
    named.write_text("not json\n", encoding="utf-8")
    result = run(str(named), "--field", "text")
    assert "1 of 1 record failed\n" in result.stderr  # a JSONL file: no hint needed


def test_rules_says_a_set_whose_every_rule_is_disabled_has_none_enabled() -> None:
    result = run("rules", "--disable", "CAP")
    assert result.returncode == 0, result.stderr
    listing = result.stdout.split("captions  [", 1)[1]
    assert listing.split("\n")[1] == "  (no rule of it enabled)"
    assert "\n  CAP0" not in result.stdout


def test_disable_on_the_command_line(tmp_path: Path) -> None:
    result = run(str(SEED), "--format", "json", "--disable", "AD001,TRL003")
    rules = [r["rule"] for r in json.loads(result.stdout)["removed"]]
    assert "AD001" not in rules and "TRL003" not in rules


def test_inputs_may_come_after_the_options_too(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(f"A second title\n\n{STORY}", encoding="utf-8")
    result = run(str(SEED), "--fields", "headline", str(other))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["headline"] for line in lines] == [EXPECTED["headline"], "A second title"]
    # After "--", a name that starts with a dash is an input.
    dashed = tmp_path / "-dashed.txt"
    dashed.write_text(f"A dashed title\n\n{STORY}", encoding="utf-8")
    result = run("--fields", "headline", "--", dashed.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "A dashed title"


def test_an_html_page_is_read_as_html_by_its_content() -> None:
    page = ROOT / "samples" / "html" / "e372e42c0a3d.html.gz"
    result = run(str(page), "--format", "json", "--fields", "headline,kind,published")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "source": str(page),
        "headline": "Son of former German president stabbed to death in Berlin",
        "kind": "html",
        "published": "2019-11-20",
    }


def test_no_progress_bar_when_quiet_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import ExitStack

    from article_clean import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    with ExitStack() as stack:
        assert cli._progress(10, quiet=False, stack=stack) is None  # stderr is a pipe here
        monkeypatch.setattr(cli.sys, "stderr", Terminal())
        assert cli._progress(10, quiet=True, stack=stack) is None
        bar = cli._progress(10, quiet=False, stack=stack)
        assert bar is not None and bar.total == 10


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is a POSIX device")
def test_one_document_on_a_terminal_shows_the_text_view_without_a_progress_bar() -> None:
    import pty

    # The README's first command, as a person runs it: output and errors on a terminal.
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "article_clean", str(SEED)],
            stdout=secondary,
            stderr=secondary,
            timeout=120,
        )
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    text = shown.decode("utf-8")
    assert done.returncode == 0, text
    assert text.startswith("headline: "), text[:200]
    assert "0/1" not in text and not text.lstrip().startswith("{")


def test_output_piped_in_a_locale_that_is_not_utf8_is_still_utf8(tmp_path: Path) -> None:
    # Windows' default when output is redirected: a Japanese page stopped the run half way.
    folder = tmp_path / "pages"
    folder.mkdir()
    japanese = "本日は晴天なり。東京の天気は晴れで、気温は二十度まで上がる見込み。"
    (folder / "a.txt").write_text(japanese, "utf-8")
    (folder / "b.txt").write_text(STORY, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", str(folder), "-q"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    bodies = [json.loads(line)["body"] for line in done.stdout.decode("utf-8").splitlines()]
    assert bodies[0].startswith("本日は晴天なり") and len(bodies) == 2


def test_a_record_id_too_long_for_a_file_name_still_gets_its_file(tmp_path: Path) -> None:
    ids = ["https://example.com/" + "a" * 300 + tail for tail in ("/1", "/2")]
    records = "".join(json.dumps({"id": i, "text": STORY}) + "\n" for i in ids)
    source = tmp_path / "long.jsonl"
    source.write_text(records, "utf-8")
    result = run(str(source), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 2 and len({p.name for p in written}) == 2
    assert all(len(p.name.encode()) <= 255 for p in written)
    assert {json.loads(p.read_text("utf-8"))["body"] for p in written} == {STORY.strip()}


def test_standard_input_named_twice_is_a_usage_error() -> None:
    result = run("-", "-", stdin=STORY.encode())
    assert result.returncode == 2
    assert "standard input (-) is named more than once" in result.stderr


def test_no_input_on_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from article_clean import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli.sys, "stdin", Terminal())
    assert cli.main([]) == 2
    assert "no input" in capsys.readouterr().err


def test_piped_input_is_read_when_no_file_is_named() -> None:
    result = run("--field", "text", "--fields", "body", stdin=b'{"id": 1, "text": "A short story."}\n')
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"id": 1, "body": "A short story."}


@pytest.mark.parametrize(
    "args",
    [
        ["explain", str(SEED), "-o", "/nonexistent-dir/report.html"],
        [str(SEED), "--errors", "/nonexistent-dir/errors.jsonl"],
    ],
)
def test_an_unwritable_output_is_a_usage_error(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "cannot write /nonexistent-dir/" in result.stderr
    assert "Traceback" not in result.stderr


def test_explain_refuses_a_jsonl_file_of_records(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": 1, "text": STORY}) + "\n", encoding="utf-8")
    result = run("explain", str(feed), "-o", str(tmp_path / "report.html"))
    assert result.returncode == 2
    assert "JSONL" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "report.html").exists()
    missing = run("explain", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "cannot read it" in missing.stderr


def test_documents_of_one_name_in_two_folders_are_both_written_and_the_rename_is_told(
    tmp_path: Path,
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x.txt-2.json", "x.txt.json"]
    second = json.loads((out / "x.txt-2.json").read_text(encoding="utf-8"))
    assert second["source"] == str(tmp_path / "b" / "x.txt")
    assert f"{tmp_path / 'b' / 'x.txt'}: written as x.txt-2.json" in result.stderr
    assert "2 files written to" in result.stderr
    quiet = run(str(tmp_path / "a"), "-o", str(tmp_path / "quiet"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""
    # JSONL records of one id: the renamed one is named by its line.
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "text": STORY}), json.dumps({"id": "a1", "text": STORY})]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(feed), "-o", str(tmp_path / "records"))
    assert f"a1 ({feed}:2): written as a1-2.json" in result.stderr
    # A run with a failed record still says how many files it wrote.
    (tmp_path / "a" / "y.txt").write_bytes(b"\x00binary")
    result = run(str(tmp_path / "a"), "-o", str(tmp_path / "some"))
    assert result.returncode == 1
    assert "1 file written to" in result.stderr and "1 of 2 records failed" in result.stderr


def test_a_record_id_names_a_visible_file_inside_the_output_folder(tmp_path: Path) -> None:
    ids = ["../../etc/passwd", ".profile", "..", "a b/c"]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": STORY}) + "\n" for i in ids), "utf-8")
    result = run(str(feed), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["a_b_c.json", "etc_passwd.json", "profile.json", "record.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "out"]


def test_ids_that_differ_only_in_case_name_two_files(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": STORY}) + "\n" for i in "aA"), "utf-8")
    result = run(str(feed), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["A-2.json", "a.json"]


def test_standard_input_written_to_a_folder_is_named_stdin(tmp_path: Path) -> None:
    result = run("-", "-o", f"{tmp_path / 'out'}/", stdin=STORY.encode())
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["stdin.json"]


def test_a_record_that_cannot_be_saved_is_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt.json").mkdir()  # a directory where the first record's file should go
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    result = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--output", str(out))
    assert result.returncode == 1
    assert "a.txt: OSError: cannot write" in result.stderr
    assert "1 of 2 records failed" in result.stderr
    assert json.loads((out / "b.txt.json").read_text("utf-8"))["body"] == STORY.strip()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "options",
    [["-o", "{input}"], ["--errors", "{input}"], ["-o", "out.jsonl", "--errors", "{input}"]],
)
@pytest.mark.parametrize("name", ["story.txt", "feed.jsonl"])
def test_an_output_or_errors_file_that_is_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, options: list[str], name: str
) -> None:
    # Opened for writing first, it would be emptied before it is read: a run that "succeeds"
    # with the input gone.
    source = tmp_path / name
    content = STORY if name.endswith(".txt") else json.dumps({"id": 1, "text": STORY}) + "\n"
    source.write_text(content, "utf-8")
    field = ["--field", "text"] if name.endswith(".jsonl") else []
    given = [option.format(input=name) for option in options]
    result = run(name, *field, *given, cwd=tmp_path)
    assert result.returncode == 2
    assert f"{name} is also an input ({name})" in result.stderr
    assert source.read_text("utf-8") == content


def test_an_input_found_in_a_directory_is_not_overwritten_either(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    story = tmp_path / "in" / "a.txt"
    story.write_text(STORY, "utf-8")
    result = run("in", "-o", "in/a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "--output in/a.txt is inside the input folder" in result.stderr
    assert story.read_text("utf-8") == STORY


@pytest.mark.parametrize("errors", ["out.jsonl", "./out.jsonl"])
def test_output_and_errors_naming_one_file_is_refused(tmp_path: Path, errors: str) -> None:
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "x"}\nnot json\n', "utf-8")
    result = run("in.jsonl", "--field", "text", "-o", "out.jsonl", "--errors", errors, cwd=tmp_path)
    assert result.returncode == 2
    assert "--output and --errors both name" in result.stderr


def test_explain_writes_its_report_into_a_folder_that_output_names(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    for output in ("new/", "new"):  # a folder made, then one that exists
        assert run("explain", "story.txt", "-o", output, cwd=tmp_path).returncode == 0
        report = tmp_path / "new" / "story.txt.html"
        assert report.is_file() and "<html" in report.read_text(encoding="utf-8")
        report.unlink()
    (tmp_path / ".draft.txt").write_text(STORY, encoding="utf-8")  # no hidden report for it
    assert run("explain", ".draft.txt", "-o", "new/", cwd=tmp_path).returncode == 0
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["draft.txt.html"]


@pytest.mark.skipif(sys.platform == "win32", reason="a file name of bytes is POSIX's")
def test_explain_writes_the_report_of_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    # The name's byte that is no UTF-8 reaches the report's title as a lone surrogate: writing
    # the report failed as an internal error and left it cut short.
    name = os.fsdecode(b"story\xff.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    result = run("explain", name, "-o", "report.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<title>article_clean: story\\udcff.txt" in report and "</html>" in report


def test_explain_makes_no_folder_for_a_report_it_cannot_write_and_refuses_an_empty_output(
    tmp_path: Path,
) -> None:
    assert run("explain", "missing.txt", "-o", "new/", cwd=tmp_path).returncode == 2
    assert not (tmp_path / "new").exists()
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = run("explain", "story.txt", "-o", "", cwd=tmp_path)
    assert result.returncode == 2 and "argument -o/--output: an empty name" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_explain_refuses_to_write_its_report_over_the_input(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    result = run("explain", "story.txt", "-o", "story.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert story.read_text("utf-8") == STORY


def test_errors_give_a_record_id_as_the_input_wrote_it(tmp_path: Path) -> None:
    # Joined back to the inputs by id: a number stays a number, a list a JSON list; a null id
    # names the record by its file and line.
    lines = [{"id": 3, "body": "x"}, {"id": [1, 2], "body": "x"}, {"id": "c", "body": "x"}]
    lines.append({"id": None, "body": "x"})
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    result = run("in.jsonl", "--field", "text", "--errors", "errors.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    failed = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [f["id"] for f in failed] == [3, [1, 2], "c", "in.jsonl:4"]


@pytest.mark.parametrize("command", [[], ["explain", "-"]])
def test_an_output_that_standard_input_reads_is_refused(tmp_path: Path, command: list[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    with story.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "article_clean.cli", *command, "-o", "story.txt"],
            stdin=stdin,
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
    assert result.returncode == 2, result.stderr
    assert story.read_text("utf-8") == STORY


@pytest.mark.parametrize(
    "options, refused",
    [
        (["-o", "in/all.jsonl"], True),  # read back as an input of the folder
        (["-o", "in/all.csv"], False),  # no document: not read
        (["-o", "in/", "--format", "text"], True),  # its .txt files are documents
        (["-o", "in/cleaned/", "--format", "text"], True),
        (["-o", "in/cleaned/"], False),  # .json files are not read
        (["-o", "cleaned/", "--format", "text"], False),
        # As rglob picks files: "**" any folders, the rest one name each.
        (["--glob", "a/**/*.txt", "-o", "in/a/zz.txt"], True),
        (["--glob", "*/*", "-o", "in/all.jsonl"], False),  # never a file at the top
        (["--glob", "*.html", "-o", "in/cleaned/", "--format", "text"], False),
        (["--glob", "*.txt", "-o", "in/cleaned/"], False),  # never a name ending in .json
        (["--glob", "*.txt", "-o", "in/cleaned/", "--format", "text"], True),
        # A glob may pick the folder's output names ("a*" picks "a.txt.json"): refused.
        (["--glob", "a*", "-o", "in/cleaned/"], True),
        (["--glob", "a/*", "-o", "in/cleaned/"], False),  # only in folders named a
        (["--glob", "a/**", "-o", "in/a/out/"], True),  # Python 3.13 picks files under it
        (["--glob", "./*.txt", "-o", "in/all.txt"], True),  # tidied as rglob tidies it
    ],
)
def test_outputs_inside_an_input_folder_are_refused_when_they_would_be_read(
    tmp_path: Path, options: list[str], refused: bool
) -> None:
    (tmp_path / "in" / "a" / "b").mkdir(parents=True)
    for story in ("in/a.txt", "in/a/b/x.txt"):
        (tmp_path / story).write_text(STORY, "utf-8")
    result = run("in", *options, "-q", cwd=tmp_path)
    assert ("inside the input folder" in result.stderr) is refused, result.stderr
    assert result.returncode in ((2,) if refused else (0,)), result.stderr
    assert (tmp_path / "in" / "a.txt").read_text("utf-8") == STORY


@pytest.mark.parametrize(
    "glob, message",
    [
        ("", "must pick files inside the input folders"),
        ("/x.txt", "must pick files inside the input folders"),
        ("../*.txt", "must pick files inside the input folders"),
    ],
)
def test_a_glob_that_leaves_the_folders_is_a_usage_error(
    tmp_path: Path, glob: str, message: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, "utf-8")
    result = run("in", "--glob", glob, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["explain"]])
def test_a_closed_standard_input_is_a_usage_error(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", *command, "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == 2, result.stderr
    assert "standard input is closed" in result.stderr


def test_devices_are_no_files_to_keep(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    result = run("a.txt", "-o", os.devnull, "--errors", os.devnull, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with open(os.devnull, "rb") as stdin:  # standard input and the report both the device
        done = subprocess.run(
            [sys.executable, "-m", "article_clean.cli", "explain", "-", "-o", os.devnull],
            stdin=stdin,
            capture_output=True,
            text=True,
        )
    assert "is the input" not in done.stderr  # refused as empty, not as written over
    assert "standard input is empty" in done.stderr


@pytest.mark.parametrize(
    "stdin, options, hinted",
    [
        (b'{"id": 1, "text": "A short story."}\n{"id": 2, "text": "Another."}\n', [], True),
        (b'{"id": 1, "text": "A short story."}\n', ["--field", "text"], False),
        (b'A story that quotes {"a": 1} on its second line.\n{"a": 1}\n', [], False),
        (b'{"id": 1, "text": "A short story."}\nthen text that is no JSON\n', [], False),
        (b'\xef\xbb\xbf{"id": 1, "text": "A short story."}\n', [], True),  # after a BOM
        # a batch with a broken line among its first, and -q, which quiets counts, not this
        (b'{"id": 1, "text": "A story."}\n{"id": 2, "text": "B."}\noops\n', ["-q"], True),
        # A first record longer than the 64 KB looked at (a page's HTML): its opening tells.
        (b'{"id": 1, "html": "' + b"<p>story</p>" * 6000 + b'"}\n', [], True),
    ],
)
def test_json_lines_piped_in_without_field_say_how_to_read_them(
    stdin: bytes, options: list[str], hinted: bool
) -> None:
    # Cleaned as one text, the records' JSON is the "story": not refused (a text may be JSON),
    # but never without a word.
    result = run(*options, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert ("give --field NAME" in result.stderr) is hinted


def test_gzipped_standard_input_is_read_gunzipped() -> None:
    """A `.gz` fed through `<` or a pipe has no name to say so; its first bytes do."""
    import gzip
    import io

    from article_clean.inputs import Source, read_records

    packed = gzip.compress(SEED.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", "-", "--format", "json"],
        input=packed,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paragraphs"] == EXPECTED["paragraphs"]
    lines = b'{"id": "a", "text": "One record."}\n{"id": "b", "text": "Another."}\n'
    records = list(read_records(["-"], Source(field="text"), io.BytesIO(gzip.compress(lines))))
    assert [(r.id, r.content, r.error) for r in records] == [
        ("a", "One record.", None),
        ("b", "Another.", None),
    ]
    plain = list(read_records(["-"], Source(), io.BytesIO(b"\x1f not gzip")))
    assert plain[0].content == b"\x1f not gzip"


@pytest.mark.parametrize("option", ["--id-field", "--url-field"])
def test_a_jsonl_field_option_where_no_input_is_records_is_a_usage_error(
    option: str, tmp_path: Path
) -> None:
    for inputs in ([str(SEED)], [str(ROOT / "samples" / "html")], ["learn", "-o", "r", str(SEED)]):
        result = run(*inputs, option, "key", cwd=tmp_path)
        assert result.returncode == 2, inputs
        assert f"{option}: a field of JSONL records" in result.stderr and not result.stdout
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"key": "k1", "text": "A story."}\n', "utf-8")
    found = run("in", option, "key", "--fields", "body", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    records = b'{"key": "k1", "text": "A short story."}\n'
    read = run("-", "--field", "text", option, "key", "--fields", "body", stdin=records)
    assert read.returncode == 0, read.stderr


@pytest.mark.parametrize(
    "url",
    ["not a url", "example.com/story", "ftp://example.com/a", "http://:80", "https://[::1",
     "https://exa mple.com/a", "https://example.com:port/"],
)
def test_url_must_be_a_whole_web_address(url: str) -> None:
    result = run(str(SEED), "--url", url)
    assert result.returncode == 2 and "is not a page's address" in result.stderr
    assert not result.stdout


def test_explain_and_learn_read_piped_text_as_clean_does(tmp_path: Path) -> None:
    explained = run("explain", stdin=SEED.read_bytes())
    assert explained.returncode == 0, explained.stderr
    assert EXPECTED["headline"] in explained.stdout
    learned = run("learn", "-o", str(tmp_path / "rules"), stdin=SEED.read_bytes())
    assert learned.returncode == 0, learned.stderr
    assert "1 page read" in learned.stdout


def test_learn_into_a_file_is_a_usage_error_before_any_page_is_read(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("keep me", "utf-8")
    result = run("learn", str(SEED), "-o", str(target))
    assert result.returncode == 2
    assert "is a file; learn writes one rule file per site into a folder" in result.stderr
    assert target.read_text("utf-8") == "keep me"


def test_files_a_folder_holds_besides_its_documents_are_named_as_passed_over(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, "utf-8")
    (folder / "a.expected.json").write_text("{}", "utf-8")
    (folder / "b.json").write_text("{}", "utf-8")
    (folder / "NOTES").write_text("notes", "utf-8")
    result = run(str(folder), "-o", str(tmp_path / "out") + "/")
    assert result.returncode == 0, result.stderr
    assert "passed over 3 files not named as documents (.json 2, no suffix 1)" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.txt.json"]
    quiet = run(str(folder), "-q", "-o", str(tmp_path / "out2") + "/")
    assert "passed over" not in quiet.stderr
    globbed = run(str(folder), "--glob", "*.txt", "-o", str(tmp_path / "out3") + "/")
    assert "passed over" not in globbed.stderr


def test_max_bytes_bounds_what_clean_and_explain_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(STORY * 20, "utf-8")
    refused = run(str(big), "--max-bytes", "100")
    assert refused.returncode == 1
    assert "over 100 bytes (--max-bytes); not read further" in refused.stderr
    explained = run("explain", str(big), "--max-bytes", "100", "-o", str(tmp_path / "r.html"))
    assert explained.returncode == 1 and "over 100 bytes (--max-bytes)" in explained.stderr
    read = run(str(big), "--max-bytes", "0", "--format", "json")
    assert read.returncode == 0 and STORY.strip() in json.loads(read.stdout)["paragraphs"][0]
    assert run(str(big), "--max-bytes", "-1").returncode == 2


def test_time_budget_bounds_each_document_and_zero_lifts_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    over = run(str(tmp_path / "a.txt"), "--time-budget", "1e-9")
    assert over.returncode == 1
    assert "TimeBudgetExceeded" in over.stderr and "--time-budget SECONDS" in over.stderr
    lifted = run(str(tmp_path / "a.txt"), "--time-budget", "0", "--format", "json")
    assert lifted.returncode == 0 and json.loads(lifted.stdout)["body"] == STORY.strip()
    learned = run("learn", "-o", str(tmp_path / "rules"), "--time-budget", "1e-9", str(tmp_path))
    assert learned.returncode == 1 and "TimeBudgetExceeded" in learned.stderr
    for bad in ("-1", "nan", "inf", "soon", "2e6"):
        for command in ([], ["explain", "-o", str(tmp_path / "r.html")], ["learn", "-o", "r/"]):
            refused = run(*command, str(tmp_path / "a.txt"), "--time-budget", bad)
            assert refused.returncode == 2, (command, bad)
            assert "is not a number of seconds" in refused.stderr, (command, bad)


@pytest.mark.parametrize("empty", [b"", gzip.compress(b"")], ids=["plain", "gzipped"])
def test_explain_and_learn_refuse_an_empty_standard_input_as_clean_does(
    tmp_path: Path, empty: bytes
) -> None:
    for command in (["explain", "-"], ["learn", "-o", str(tmp_path / "rules"), "-"], ["-"]):
        result = run_bytes(*command, stdin=empty)
        assert result.returncode == 2, command
        assert "no input: standard input is empty" in result.stderr


def test_a_gzipped_standard_input_with_text_is_read() -> None:
    result = run_bytes("--format", "json", stdin=gzip.compress(STORY.encode()))
    assert result.returncode == 0, result.stderr
    assert STORY.strip() in json.loads(result.stdout)["paragraphs"][0]


def test_a_max_bytes_below_the_workers_warm_up_fails_only_the_records_over_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "short.txt").write_text("Hi there.", "utf-8")
    (tmp_path / "long.txt").write_text(STORY, "utf-8")
    result = run("short.txt", "long.txt", "--max-bytes", "80", "--fields", "body", cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"source": "short.txt", "body": "Hi there."}
    assert "long.txt: InputTooLarge" in result.stderr


def test_learn_reads_standard_input_no_further_than_max_bytes(tmp_path: Path) -> None:
    import gzip

    bomb = gzip.compress(b"word " * (1024 * 1024))  # 5 MiB unpacked
    result = subprocess.run(
        [sys.executable, "-m", "article_clean.cli", "learn", "-o", "rules", "--max-bytes", "1000"],
        input=bomb,
        capture_output=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert b"-: InputTooLarge: the document is over 1000 bytes" in result.stderr


def test_json_nested_past_what_json_reads_is_no_internal_error() -> None:
    result = run(stdin=b'{"a": ' + b"[" * 30_000 + b"\n")
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr


class _OneBytePeek(io.BufferedReader):
    """A pipe whose first write was one byte: a peek sees that byte alone."""

    def peek(self, size: int = 0) -> bytes:
        return super().peek(size)[:1]


@pytest.mark.parametrize("gzipped", [True, False])
def test_standard_input_is_told_gzipped_or_not_when_its_first_write_is_one_byte(
    gzipped: bool,
) -> None:
    import gzip

    from article_clean.inputs import read_document

    data = SEED.read_bytes()
    stream = _OneBytePeek(io.BytesIO(gzip.compress(data) if gzipped else data))
    assert read_document("-", stdin=stream) == data


def test_a_pages_control_characters_reach_no_terminal_or_log_as_they_are(tmp_path: Path) -> None:
    # An escape sequence in a page cleared the terminal or set its title; a line break in a
    # record's id forged a second message on standard error.
    page = tmp_path / "esc.txt"
    page.write_text(f"Title \x1b]0;PWNED\x07 here\n\n{STORY}\x1b[2J", encoding="utf-8")
    shown = run(str(page), "--format", "text")
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "Title \\x1b]0;PWNED\\x07 here" in shown.stdout and "\\x1b[2J" in shown.stdout
    # JSON keeps the text as it is: it is the data.
    data = json.loads(run(str(page), "--format", "json").stdout)
    assert data["body"].endswith("\x1b[2J")
    failed = run("--field", "text", stdin=b'{"id": "x\\u001b[2J\\nforged", "text": "\\u0000"}\n')
    said = [line for line in failed.stderr.splitlines() if "InputError" in line]
    assert said == [
        "article-clean: x\\x1b[2J\\x0aforged (-:1): InputError: the input holds a NUL character "
        "(at offset 0): binary data, not text"
    ]
