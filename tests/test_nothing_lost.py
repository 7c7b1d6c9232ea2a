"""Every record comes out once, in the output or in the errors, whatever one record or one
worker does; the exit code says which kind of trouble there was."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean import Cleaner, FunctionRule, Label, RuleSet, clean
from article_clean.batch import clean_many, clean_one
from article_clean.inputs import LINK_OUTSIDE, Record, Source, read_records

STORY = "A paragraph of the story, long enough to read as prose in any test, and then some more."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "article_clean.cli", *args],
        input=stdin,
        capture_output=True,
    )  # type: ignore[return-value]


def lines(data: bytes) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# --- one record's content ----------------------------------------------------------------------


def test_a_lone_surrogate_in_a_jsonl_text_is_written_back_as_its_escape(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "Caf\\ud800 story. ' + STORY + '"}\n'
        + json.dumps({"id": "b", "text": STORY}) + "\n",
        encoding="utf-8",
    )
    done = run(str(source), "--fields", "body")
    assert done.returncode == 0, done.stderr
    records = lines(done.stdout)
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["body"].startswith("Caf\ud800 story.")  # the escape reads back as it was


def test_a_lone_surrogate_in_text_output_is_shown_escaped() -> None:
    source = json.dumps({"id": "a", "text": "Caf\ud800 " + STORY}).encode()
    done = run("-", "--field", "text", "--format", "text", stdin=source)
    assert done.returncode == 0, done.stderr
    assert b"Caf\\ud800 " in done.stdout


def test_deeply_nested_nan_and_infinite_records_are_errors_and_the_rest_go_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"[" * 100_000 + b"\n"
        + b'{"id": "nan", "text": "' + STORY.encode() + b'", "score": NaN}\n'
        + json.dumps({"id": "ok", "text": STORY}).encode() + b"\n"
        # A number past a float's range reads as infinity, which no error line can hold.
        + b'{"id": 1e400, "text": "' + STORY.encode() + b'"}\n'
        + json.dumps({"id": "last", "text": STORY}).encode() + b"\n"
    )
    errors = tmp_path / "errors.jsonl"
    done = run(str(source), "--errors", str(errors), "--fields", "body")
    assert done.returncode == 1, done.stderr
    assert [r["id"] for r in lines(done.stdout)] == ["ok", "last"]
    failed = lines(errors.read_bytes())
    assert [f["id"] for f in failed] == [f"{source}:1", f"{source}:2", f"{source}:4"]
    assert "nested too deeply" in failed[0]["error"]["message"]
    assert "NaN" in failed[1]["error"]["message"]
    assert "1e400 is out of a float's range" in failed[2]["error"]["message"]


def test_a_corrupt_gzip_reports_where_the_rest_of_the_file_was_lost(tmp_path: Path) -> None:
    records = "".join(
        json.dumps({"id": str(n), "text": f"Story {n}. {STORY}"}) + "\n" for n in range(2000)
    )
    # 1,000 records, then a second gzip member whose deflate stream is junk: zlib.error there.
    packed = gzip.compress(records[: records.index('{"id": "1000"')].encode(), mtime=0)
    packed += gzip.compress(b"next", mtime=0)[:10] + b"\xff" * 100
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(packed)
    errors = tmp_path / "errors.jsonl"
    done = run(str(source), "--errors", str(errors), "--fields", "body", "-q")
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert [r["id"] for r in lines(done.stdout)] == [str(n) for n in range(1000)]
    (failed,) = lines(errors.read_bytes())
    assert failed["id"] == f"{source}:1001"
    assert failed["error"]["type"] == "ReadError"
    assert "past line 1000" in failed["error"]["message"]
    assert "the rest of the file is lost" in failed["error"]["message"]


def test_a_file_that_vanishes_or_a_dangling_link_is_an_error_record(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / "d.txt").symlink_to(tmp_path / "nowhere.txt")
    records = read_records([str(tmp_path)], Source())
    first = next(records)
    (tmp_path / "b.txt").unlink()  # deleted while the run is going
    rest = list(records)
    assert [Path(r.id).name for r in [first, *rest]] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [r.error is None for r in [first, *rest]] == [True, False, True, False]
    assert rest[0].error is not None and rest[0].error[0] == "FileNotFoundError"


def test_a_link_in_a_folder_to_a_file_outside_it_is_reported_not_read(tmp_path: Path) -> None:
    # An unpacked archive's link to /etc/passwd put the host's file in the output.
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")  # a link within: read
    records = list(read_records([str(folder)], Source()))
    assert [Path(r.id).name for r in records] == ["a.txt", "leak.txt", "inside.txt"]
    assert [r.error for r in records] == [None, ("NotFollowed", LINK_OUTSIDE), None]
    assert all(b"secret" not in (r.content or b"") for r in records)
    # Named itself, a link is read wherever it leads.
    (named,) = read_records([str(folder / "leak.txt")], Source())
    assert named.error is None and named.content == b"root:x:0:0:secret"


def test_standard_input_is_not_read_past_max_bytes() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    (record,) = read_records(["-"], Source(max_bytes=1000), stdin=stream)
    assert record.error is not None and record.error[0] == "InputTooLarge"
    assert stream.tell() == 1001


# --- one worker's death or hang ------------------------------------------------------------------


def _dies(block, doc) -> bool:  # type: ignore[no-untyped-def]
    """Kills its own process (as the OOM killer would) on a POISON line; on a ONCE line only
    the first time (the flag file's name follows the word)."""
    text = block.text
    if "POISON" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if text.startswith("ONCE "):
        flag = Path(text.split()[1])
        if not flag.exists():
            flag.write_text("killed once", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
    if "HANG" in text:
        while True:
            pass
    return False


def _cleaner() -> Cleaner:
    return Cleaner(rules=[RuleSet("deadly", [FunctionRule("DIE001", "noise", _dies)])])


def test_a_killed_worker_is_replaced_and_only_its_record_is_lost(tmp_path: Path) -> None:
    docs = [f"Story {n}. {STORY}" for n in range(40)]
    docs[5] = "POISON"
    docs[23] = f"ONCE {tmp_path / 'flag'}"
    results = list(clean_many(docs, jobs=2, cleaner=_cleaner(), chunk_size=4))
    assert [r.index for r in results] == list(range(40))
    failed = {r.index: r.error for r in results if not r.ok}
    assert list(failed) == [5]
    assert failed[5] is not None and failed[5].kind == "WorkerDied"
    assert "signal 9" in failed[5].message and "2 times" in failed[5].message
    assert (tmp_path / "flag").exists()  # record 23 killed its worker once, then was cleaned
    serial = [r.article for r in clean_many([d for n, d in enumerate(docs) if n != 5])]
    assert [r.article for r in results if r.ok] == serial


def test_a_record_that_never_ends_is_killed_from_outside() -> None:
    docs = [f"Story {n}. {STORY}" for n in range(6)]
    docs[2] = "HANG"
    results = list(clean_many(docs, jobs=1, cleaner=_cleaner(), record_timeout=5))
    assert [r.index for r in results] == list(range(6))
    assert [r.ok for r in results] == [True, True, False, True, True, True]
    error = results[2].error
    assert error is not None and error.kind == "RecordTimeout"


def test_the_cli_reports_a_killed_worker_and_goes_on(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(
        'name = "x"\n[[rule]]\nid = "X001"\nlabel = "noise"\npattern = "^Never"\n',
        encoding="utf-8",
    )
    records = [{"id": str(n), "text": f"Story {n}. {STORY}"} for n in range(30)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = run(str(source), "-j", "2", "--fields", "body", "--rules", str(rules))
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in lines(done.stdout)] == [str(n) for n in range(30)]


# --- exit codes ----------------------------------------------------------------------------------


def test_a_full_disk_is_exit_code_4_with_a_message(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    source = tmp_path / "a.txt"
    source.write_text(STORY, encoding="utf-8")
    done = run(str(source), "-o", "/dev/full", "--format", "jsonl")
    assert done.returncode == 4
    assert b"Traceback" not in done.stderr
    assert b"cannot write the output: No space left on device" in done.stderr
    # The explain report too, to a file or to standard output (a usage error and a traceback).
    for where in (["-o", "/dev/full"], []):
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [sys.executable, "-m", "article_clean", "explain", str(source), *where],
                stdout=full, stderr=subprocess.PIPE, check=False,
            )
        assert done.returncode == 4, done.stderr
        assert b"Traceback" not in done.stderr and b"No space left on device" in done.stderr


def test_an_explain_report_cut_short_by_a_full_disk_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from article_clean import cli

    source = tmp_path / "a.txt"
    source.write_text(STORY, encoding="utf-8")
    report = tmp_path / "report.html"

    def fills_the_disk(self: Path, text: str, encoding: str | None = None) -> int:
        with open(self, "w", encoding="utf-8") as handle:
            handle.write(text[:2048])  # what the disk took
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", fills_the_disk)
    assert cli.main(["explain", str(source), "-o", str(report)]) == cli.EXIT_OUTPUT
    assert not report.exists()  # not left, cut off mid-tag, to be read as the report
    # A link (as /dev/stdout is) is not removed: what it names is not ours to remove either.
    target, link = tmp_path / "kept.html", tmp_path / "link.html"
    link.symlink_to(target)
    assert cli.main(["explain", str(source), "-o", str(link)]) == cli.EXIT_OUTPUT
    assert link.is_symlink()


def test_an_output_folder_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(STORY, encoding="utf-8")
    done = run(str(source), "-o", f"{tmp_path / 'file' / 'out'}/")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"cannot make the folder" in done.stderr


def test_a_link_already_in_the_output_folder_is_not_followed(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.json"
    outside.write_text("keep", encoding="utf-8")
    (out / "a.txt.json").symlink_to(outside)
    done = run(str(source), "-o", f"{out}/", "--format", "json")
    assert done.returncode == 1
    assert outside.read_text(encoding="utf-8") == "keep"
    assert b"symbolic link" in done.stderr


def test_an_internal_error_is_exit_code_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from article_clean import cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "Writer", broken)
    source = tmp_path / "a.txt"
    source.write_text(STORY, encoding="utf-8")
    assert cli.main([str(source), "-q"]) == cli.EXIT_INTERNAL


def _cli_at_work(
    tmp_path: Path, *options: str, stderr: int, group: bool = False
) -> subprocess.Popen[bytes]:
    """The command cleaning 5,000 records with two workers, once its first output is written;
    started as from a terminal, Ctrl-C's signal not ignored (a test run started in the
    background ignores it, and the command keeps an ignored signal ignored)."""
    import time

    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": n, "text": f"Story {n}. {STORY}"}) + "\n" for n in range(5000)),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "article_clean.cli", str(source), "-j", "2", "-q", *options,
         "-o", str(tmp_path / "out.jsonl")],
        stderr=stderr,
        start_new_session=group,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    while proc.poll() is None and not (out.exists() and out.stat().st_size):
        time.sleep(0.1)  # until the workers are at work
    return proc


def _wait_until_the_group_is_gone(group: int) -> None:
    """No worker is left in the process group: gone within seconds (a loaded machine reaps
    slowly); ProcessLookupError is the proof, and none after 15 s fails the test."""
    import time

    deadline = time.monotonic() + 15
    with pytest.raises(ProcessLookupError):
        while True:
            os.killpg(group, 0)
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)


def test_two_ctrl_c_stop_the_cli_and_its_workers(tmp_path: Path) -> None:
    import time

    rules = tmp_path / "rules.toml"
    rules.write_text(
        'name = "x"\n[[rule]]\nid = "X001"\nlabel = "noise"\npattern = "^Never"\n',
        encoding="utf-8",
    )
    # The signal goes to the whole group, as a terminal sends it.
    proc = _cli_at_work(tmp_path, "--rules", str(rules), stderr=subprocess.PIPE, group=True)
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()
    _wait_until_the_group_is_gone(proc.pid)


def test_sigterm_stops_the_cli_and_its_workers_as_ctrl_c_does(tmp_path: Path) -> None:
    # A container's stop: with no handler the command died at once, a line half written. Sent
    # to the whole group (as systemd does), the workers, forked with the handler, end quietly.
    proc = _cli_at_work(tmp_path, stderr=subprocess.PIPE, group=True)
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert proc.stderr is not None
    said = proc.stderr.read()
    assert b"terminated" in said and b"Traceback" not in said
    for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)  # every line written is whole
    _wait_until_the_group_is_gone(proc.pid)


def test_a_signal_the_command_was_started_to_ignore_stays_ignored(tmp_path: Path) -> None:
    import time

    # A job started in the background ignores Ctrl-C: the handlers put in for each record's
    # write took it back, and the job stopped with 130.
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": n, "text": f"Story {n}. {STORY}"}) + "\n" for n in range(3000)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "article_clean.cli", str(source), "-q", "-o", str(out)],
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # noqa: PLW1509
    )
    while proc.poll() is None and not (out.exists() and out.stat().st_size):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before the signal"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=120) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3000


class _Interrupted:
    """A buffered stream that a signal interrupts on each write: it returns what it wrote so
    far, a few bytes (as CPython's BufferedWriter does when a handler ran mid-write)."""

    def __init__(self) -> None:
        self.taken = bytearray()

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        self.taken += bytes(data[:7])
        return min(7, len(data))

    def flush(self) -> None:
        pass


class _TextOver:
    """A text stream over it that drops what its buffer's write did not take, as
    TextIOWrapper does."""

    encoding, errors = "utf-8", "strict"

    def __init__(self, buffer: _Interrupted) -> None:
        self.buffer = buffer

    def write(self, text: str) -> int:
        self.buffer.write(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        pass


def test_a_record_is_written_whole_when_a_signal_cuts_a_write_short() -> None:
    # Half a JSON line reached the pipe at Ctrl-C, the rest dropped without a word.
    from article_clean.cli_writer import Writer

    buffer = _Interrupted()
    out = _TextOver(buffer)
    writer = Writer("jsonl", ("body",), out, None, None, headed=True)  # type: ignore[arg-type]
    writer.write(Record("r1", STORY), clean_one(Cleaner(), 0, STORY))
    line = bytes(buffer.taken).decode("utf-8")
    assert line.endswith("\n") and json.loads(line)["body"]


def test_a_signal_while_a_record_is_written_acts_once_it_is_whole() -> None:
    from article_clean.cli_writer import Terminated, whole_record

    # As the command runs (another library of the process, Spark, may have put in its own).
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        done = []
        with pytest.raises(KeyboardInterrupt):
            with whole_record():
                os.kill(os.getpid(), signal.SIGINT)
                done.append("written")  # the block goes on to its end
        with pytest.raises(Terminated):
            with whole_record():
                os.kill(os.getpid(), signal.SIGTERM)
                done.append("written")
        assert done == ["written", "written"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
        with pytest.raises(KeyboardInterrupt):  # a second one acts at once
            with whole_record():
                os.kill(os.getpid(), signal.SIGINT)
                os.kill(os.getpid(), signal.SIGINT)
                done.append("not reached")
        assert done == ["written", "written"]
        # A signal the command was started to ignore (a job in the background) stays ignored.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with whole_record():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("ignored")
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert done == ["written", "written", "ignored"]
    finally:
        signal.signal(signal.SIGINT, before)


def _without_root_override() -> list[str] | None:
    """A command prefix under which file permissions hold: none needed for a user; for root,
    setpriv dropping the capabilities that override them; None where neither is possible."""
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


@pytest.mark.parametrize(
    "mode, reported", [(0, "secret"), (0o444, "secret/b.txt")], ids=["unlisted", "unentered"]
)
def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(
    tmp_path: Path, mode: int, reported: str
) -> None:
    prefix = _without_root_override()
    if prefix is None:
        pytest.skip("root, and no setpriv to drop the permission override")
    (tmp_path / "in" / "ok").mkdir(parents=True)
    (tmp_path / "in" / "secret").mkdir()
    (tmp_path / "in" / "ok" / "a.txt").write_text(STORY, "utf-8")
    (tmp_path / "in" / "secret" / "b.txt").write_text(STORY, "utf-8")
    (tmp_path / "in" / "secret").chmod(mode)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "article_clean.cli", str(tmp_path / "in"), "-q"],
            capture_output=True,
            text=True,
        )
    finally:
        (tmp_path / "in" / "secret").chmod(0o755)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 1
    assert f"{tmp_path / 'in' / reported}: PermissionError" in done.stderr


def _children(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is `pid`, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rpartition(")")[2].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_when_the_cli_is_killed_without_its_cleanup(
    tmp_path: Path, signal_number: int
) -> None:
    import time

    proc = _cli_at_work(tmp_path, stderr=subprocess.DEVNULL)
    workers = _children(proc.pid)
    assert len(workers) == 2
    os.kill(proc.pid, signal_number)  # the parent alone, as a supervisor's kill sends it
    proc.wait(timeout=30)
    deadline = time.monotonic() + 20  # a worker ends once its record is done
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


class _Recorded(io.BytesIO):
    """A file that records how much of a line each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        self.asked.append(-1 if size is None else size)
        return super().readline(size)


def test_a_jsonl_line_over_the_size_limit_is_an_error_and_never_read_whole() -> None:
    from article_clean.inputs import line_limit

    limit = line_limit(1000)
    huge = json.dumps({"id": "huge", "text": "x" * (3 * limit)}).encode()
    handle = _Recorded(huge + b"\n" + json.dumps({"id": "ok", "text": STORY}).encode() + b"\n")
    records = list(read_records(["-"], Source(field="text", max_bytes=1000), stdin=handle))
    assert [r.id for r in records] == ["-:1", "ok"]
    assert records[0].error is not None and records[0].error[0] == "InputTooLarge"
    assert records[1].content == STORY
    assert handle.asked and all(0 < size <= limit + 1 for size in handle.asked)


@pytest.mark.parametrize("text", ["  \n\t\n", " \n\u202e\n", "\ufeff\n\n"])
def test_a_text_of_nothing_visible_removes_nothing_in_every_record(text: str) -> None:
    """It was one removed segment without a rule in `Article.removed`, while the JSON record's
    `removed` and the explain report (which leave out blank pieces) said nothing was removed."""
    article = clean(text)
    assert "".join(s.text for s in article.segments) == text
    assert article.removed == ()
    assert article.to_dict()["removed"] == []
    assert [(s.label, s.rule) for s in article.segments] == [(Label.BODY, None)]
    assert article.body == ""
