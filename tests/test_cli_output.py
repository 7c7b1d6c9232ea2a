"""The command's output when it cannot all be written, and options given wrongly: a full disk
stops the run at a record's edge with exit code 4 and leaves no record cut off; a reader that
goes away after failures is no success; an option given twice, or an empty file name, is a
usage error."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXT = SAMPLES / "000_99f8204d1b9f3a68.txt"
PAGE = SAMPLES / "html" / "05844573ca7e.html.gz"  # its JSON runs past 10,000 bytes
FILE_LIMIT = 10_000  # bytes a file may grow to in the "full disk" runs


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "article_clean.cli", *args],
        capture_output=True,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


class _Disk:
    """Room for so many bytes, shared by every file written on it: then ENOSPC, as a full
    disk says it, after writing what fitted."""

    def __init__(self, room: int) -> None:
        self.room = room

    def file(self, raw: io.RawIOBase) -> io.TextIOWrapper:
        disk = self

        class Limited(io.RawIOBase):
            def writable(self) -> bool:
                return True

            def seekable(self) -> bool:
                return raw.seekable()

            def tell(self) -> int:
                return raw.tell()

            def fileno(self) -> int:  # the file's own: its size is read from it
                return raw.fileno()

            def write(self, data: bytes) -> int:  # type: ignore[override]
                if not disk.room:
                    raise OSError(errno.ENOSPC, "No space left on device")
                taken = min(len(data), disk.room)
                raw.write(bytes(data[:taken]))
                disk.room -= taken
                return taken

            def close(self) -> None:
                raw.close()
                super().close()

        return io.TextIOWrapper(io.BufferedWriter(Limited()), encoding="utf-8")


def run_on_a_small_disk(
    monkeypatch: pytest.MonkeyPatch, room: int, *args: str
) -> tuple[int, str]:
    """The command in this process (`--timeout 0 -j 1`: no workers), its files written on a
    disk with `room` bytes: exit code and standard error."""
    from article_clean import cli, cli_writer

    disk = _Disk(room)
    real_fdopen = os.fdopen
    def opened(path: str, mode: str, encoding: str) -> io.TextIOWrapper:
        return disk.file(io.FileIO(path, "w"))

    def fdopened(descriptor: int, mode: str, encoding: str) -> io.TextIOWrapper:
        return disk.file(real_fdopen(descriptor, "wb", buffering=0))

    monkeypatch.setattr(cli, "open", opened, raising=False)
    monkeypatch.setattr(cli_writer.os, "fdopen", fdopened)
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    code = cli.main([*args, "--timeout", "0", "-q"])
    return code, stderr.getvalue()


unix = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--timeout", "inf"], "argument --timeout: 'inf' is not a number of seconds"),
        (["--timeout", "1000001"], "argument --timeout: '1000001' is not a number of seconds"),
        (["--fields", "headline", "--fields", "body"], "--fields is given more than once"),
        (["--format", "json", "--format", "text"], "--format is given more than once"),
        (["-o", ""], "argument -o/--output: an empty name"),
        (["--errors", ""], "argument --errors: an empty name"),
    ],
)
def test_an_option_given_wrongly_is_a_usage_error(args: list[str], message: str) -> None:
    done = run(str(TEXT), *args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr


def test_an_option_given_once_among_inputs_is_taken() -> None:
    done = run(str(TEXT), "--fields", "headline", str(TEXT))
    assert done.returncode == 0, done.stderr
    assert [set(json.loads(line)) for line in done.stdout.splitlines()] == [
        {"source", "headline"}
    ] * 2


@unix
def test_a_full_stream_stops_the_run_with_what_was_written_whole() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "article_clean.cli", str(SAMPLES), "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 4, done.stderr
    assert "No space left on device; stopped there, 0 records written whole" in done.stderr


def test_a_full_disk_leaves_the_output_file_with_whole_records_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "all.jsonl"
    room = len(TEXT.read_text(encoding="utf-8")) * 3  # one record's JSON line, not two
    code, stderr = run_on_a_small_disk(monkeypatch, room, str(TEXT), str(PAGE), "-o", str(out))
    assert code == 4, stderr
    assert "No space left on device; stopped there, 1 record written whole" in stderr
    assert [json.loads(line)["source"] for line in out.read_text().splitlines()] == [str(TEXT)]


def test_a_full_disk_leaves_no_file_cut_short_in_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    room = len(TEXT.read_text(encoding="utf-8")) * 3
    code, stderr = run_on_a_small_disk(
        monkeypatch, room, str(TEXT), str(PAGE), str(TEXT), "-o", f"{folder}/"
    )
    assert code == 4, stderr
    assert "stopped there, 1 record written whole" in stderr
    assert sorted(p.name for p in folder.iterdir()) == [TEXT.name + ".json"]
    assert json.loads((folder / (TEXT.name + ".json")).read_text())["headline"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for the pipe")
def test_a_reader_that_goes_away_after_a_failure_is_no_success(tmp_path: Path) -> None:
    (tmp_path / "a_bad.txt").write_bytes(b"\x00 binary")
    for n in range(8):
        shutil.copy(TEXT, tmp_path / f"b{n}.txt")
    command = (
        f'"{sys.executable}" -m article_clean.cli "{tmp_path}" -q | head -c 10 > /dev/null; '
        'exit "${PIPESTATUS[0]}"'
    )
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "1 record failed before the output closed" in done.stderr
    os.remove(tmp_path / "a_bad.txt")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # all good, then the reader had enough
    assert done.stderr == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_device_in_a_folder_is_counted_not_read(tmp_path: Path) -> None:
    shutil.copy(TEXT, tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # read, it would wait for a writer for ever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    done = run(str(tmp_path), "--fields", "headline", timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert "passed over 2 files not named as documents (not a regular file 2)" in done.stderr


def test_output_names_and_headers_stay_what_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TEXT, folder / "x-->y.txt")
    shutil.copy(TEXT, folder / "z.txt")
    done = run(str(folder), "--format", "markdown")
    sources = [line for line in done.stdout.splitlines() if line.startswith("<!-- source")]
    assert sources == [
        f"<!-- source: {folder}/x&#45;&#45;>y.txt -->",  # a comment holds no "--"
        f"<!-- source: {folder}/z.txt -->",
    ]
    line = json.dumps({"text": TEXT.read_text(encoding="utf-8")}) + "\n"
    out = tmp_path / "out"
    done = run("-", "--field", "text", "-q", "-o", f"{out}/", input=line)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in out.iterdir()] == ["stdin_1.json"]  # no name that opens with "-"


def test_output_appended_to_a_file_keeps_what_the_file_held(tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    out.write_text("a line written before\n", encoding="utf-8")
    with open(out, "a", encoding="utf-8") as appended:  # as `>> all.jsonl` opens it
        done = subprocess.run(
            [sys.executable, "-m", "article_clean.cli", str(TEXT), str(TEXT), "-q"],
            stdout=appended,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "a line written before"
    assert [json.loads(line)["source"] for line in lines[1:]] == [str(TEXT)] * 2


def test_output_and_messages_into_one_file_is_no_full_disk(tmp_path: Path) -> None:
    (tmp_path / "a_bad.txt").write_bytes(b"\x00 binary")  # its message comes first
    shutil.copy(TEXT, tmp_path / "b.txt")
    shutil.copy(TEXT, tmp_path / "c.txt")
    log = tmp_path / "run.log"
    with open(log, "w", encoding="utf-8") as both:  # as `> run.log 2>&1` opens it
        done = subprocess.run(
            [sys.executable, "-m", "article_clean.cli", str(tmp_path), "-q"],
            stdout=both,
            stderr=subprocess.STDOUT,
        )
    lines = log.read_text(encoding="utf-8").splitlines()
    assert done.returncode == 1, lines
    records = [json.loads(line) for line in lines if line.startswith("{")]
    assert [Path(r["source"]).name for r in records] == ["b.txt", "c.txt"]
    assert any("a_bad.txt: DecodeError" in line for line in lines)
