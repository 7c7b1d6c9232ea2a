"""How the command writes what it cleaned: each record in the chosen format, to the output
stream or a file of its own in the output folder, and each failure to the errors file or
standard error (one bad record is reported; the rest go on).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .batch import Result
from .formats import article_xml, as_markdown, as_xml
from .inputs import Record, looks_like_json_lines
from .model import Article
from .output import (
    article_fields,
    as_json_line,
    as_text,
    counted,
    escape_surrogates,
    for_terminal,
    one_line,
)

_UNSAFE = re.compile(r"[^\w.-]+")
_LONGEST_NAME = 200  # bytes of an output file's name before its suffix and number
SUFFIXES = {"text": ".txt", "markdown": ".md", "xml": ".xml"}


# A full disk or quota: every record after this one would fail too, so the run stops.
DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


class Terminated(KeyboardInterrupt):
    """SIGTERM: the command stops on it as on Ctrl-C, with the workers, at a record's edge."""


def raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated


@contextlib.contextmanager
def whole_record() -> Iterator[None]:
    """Ctrl-C or SIGTERM while a record is written to the output stream acts once the record is
    written whole (a pipe's reader got half a JSON line); a second one acts at once, should the
    reader have stopped reading."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def defer(signum: int, frame: Any) -> None:
        if caught:
            raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt
        caught.append(signum)

    # A signal the command was started to ignore (a job in the background) stays ignored.
    previous = {
        sig: signal.signal(sig, defer)
        for sig in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if caught:  # the record is out whole: now the signal has its say
        raise Terminated if caught[0] == signal.SIGTERM else KeyboardInterrupt


def write_new(target: Path, text: str) -> None:
    """Write `target` in the output folder, never through a symbolic link already there; a
    file cut short (a full disk) is removed, not left to be read as the record's output."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, 0o666)  # a link refused here: nothing of ours to remove
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


class Writer:
    """Writes each cleaned record in the chosen format and each failure to the errors file."""

    def __init__(
        self,
        fmt: str,
        fields: tuple[str, ...],
        out: IO[str],
        output_dir: Path | None,
        errors: IO[str] | None,
        headed: bool = False,
        id_field: str = "id",
        prefix: str = "",
    ) -> None:
        self.fmt, self.fields, self.out, self.output_dir, self.errors = (
            fmt,
            fields,
            out,
            output_dir,
            errors,
        )
        self.id_field, self.prefix = id_field, prefix
        # Several documents in one text stream: each under a line naming where it came from.
        self.headed = headed and fmt != "json" and fmt != "jsonl" and output_dir is None
        self.count = self.failed = self.shown = 0
        # Records whose output is whole where it goes (flushed, or its file written), and the
        # output file's size after the last of them (None where the output is no file).
        self.whole = 0
        self.whole_size: int | None = _file_size(out)
        self.names: set[str] = set()
        self.rule_failures: dict[str, tuple[int, str]] = {}  # rule: records, first error
        self.stdin_json = False  # standard input cleaned as one text, though it held records

    def write(self, record: Record, result: Result | None) -> None:
        self.count += 1
        if record.id == "-" and not record.where and looks_like_json_lines(record.content):
            self.stdin_json = True
        error = (
            record.error
            if result is None
            else ((result.error.kind, result.error.message) if result.error else None)
        )
        if error is not None or result is None or result.article is None:
            self._fail(record, error or ("Error", "no result"))
            return
        for rule in dict.fromkeys(failure.rule for failure in result.article.failures):
            first = next(f.error for f in result.article.failures if f.rule == rule)
            times, message = self.rule_failures.get(rule, (0, first))
            self.rule_failures[rule] = (times + 1, message)
        # The Article's fields as JSON output holds them: once, for the clash check and the line.
        json_fields = (
            article_fields(result.article, self.fields, self.prefix)
            if self.fmt in ("json", "jsonl")
            else {}
        )
        clash = self._clash(record, json_fields)
        if clash:
            self._fail(record, ("FieldClash", clash))
            return
        try:
            rendered = self._render(record, result.article, json_fields)
        except (ValueError, TypeError, RecursionError) as exc:  # pass-through fields JSON lacks
            self._fail(record, (type(exc).__name__, f"cannot write the record as JSON: {exc}"))
            return
        source = record.extra.get("source") or record.id
        if self.fmt == "xml" and self.headed and self.output_dir is None:
            self._open_xml()  # several documents in one stream: elements of one <articles>
            with whole_record():
                self._write_whole(rendered)
                self._flush(rendered)
            return
        if self.output_dir is None:
            if self.headed:
                # A comment holds no "--": a name's own would end it ("x-->y.txt").
                header = (
                    f"<!-- source: {one_line(source).replace('--', '&#45;&#45;')} -->"
                    if self.fmt == "markdown"
                    else f"==> {one_line(source)} <=="
                )
                rendered = ("\n" if self.shown else "") + header + "\n" + rendered
                self.shown += 1
            with whole_record():
                self._write_whole(rendered)
                self._flush(rendered)
            return
        suffix = SUFFIXES.get(self.fmt, ".json")
        base = self._base(record)
        name = self._name(base)
        target = self.output_dir / (name + suffix)
        if name != base:  # another document of this name was written before
            print(
                f"article-clean: {named(record)}: written as {one_line(target.name)}",
                file=sys.stderr,
            )
        try:
            write_new(target, rendered)
        except OSError as exc:  # the record was cleaned but not saved: it counts as failed
            if exc.errno in DISK_FULL:
                raise  # and so would every record after it: the run stops (exit code 4)
            reason = (
                "it is a symbolic link, which is not followed"
                if exc.errno == errno.ELOOP
                else exc.strerror or str(exc)
            )
            self._fail(record, ("OSError", f"cannot write {target}: {reason}"))
            return
        self.whole += 1

    def _write_whole(self, text: str) -> None:
        """Write `text` to the output stream to its last byte. A buffered stream's write that a
        signal interrupts returns what it wrote so far, and the text stream above it drops the
        rest without a word (half a JSON line in the pipe, at Ctrl-C): its bytes are written
        here until none is left."""
        buffer = getattr(self.out, "buffer", None)
        if buffer is None or os.linesep != "\n":  # a str stream; or one that translates "\n"
            self.out.write(text)
            return
        self.out.flush()  # what the text stream holds goes first
        encoding = getattr(self.out, "encoding", None) or "utf-8"
        left = memoryview(text.encode(encoding, getattr(self.out, "errors", None) or "strict"))
        while left:
            left = left[buffer.write(left) or 0 :]

    def _flush(self, rendered: str) -> None:
        """Each record reaches the output whole before the next is written: a full disk
        stops the run at a record's edge, and what came before it is known to be whole."""
        self.out.flush()
        if self.whole_size is not None:
            size = _file_size(self.out)
            # An unbuffered stream (PYTHONUNBUFFERED) takes a short write on a full disk
            # without a word. Where lines are written as they are (POSIX), the size says so: a
            # file short of the record (it may hold more: `> out 2>&1` writes messages there).
            if size is None or (
                os.linesep == "\n" and size < self.whole_size + len(rendered.encode("utf-8"))
            ):
                raise OSError(errno.ENOSPC, "the output took only part of a record")
            self.whole_size = size
        self.whole += 1

    def _render(self, record: Record, article: Article, json_fields: dict[str, Any]) -> str:
        if self.fmt == "text":  # a person's view: a page's escape sequences shown, not run
            return for_terminal(escape_surrogates(as_text(article, self.fields)))
        if self.fmt == "markdown":
            return escape_surrogates(as_markdown(article))
        if self.fmt == "xml":  # U+FFFD for what XML cannot hold, lone surrogates included
            source = record.extra.get("source") or record.id
            in_stream = self.headed and self.output_dir is None
            return article_xml(article, source) if in_stream else as_xml(article, source)
        data = {**record.extra, **json_fields}
        if self.fmt == "json":
            return as_json_line(data, indent=2) + "\n"
        return as_json_line(data) + "\n"

    def report_rule_failures(self) -> None:
        """A rule that failed is recorded in each Article's `failures`; where the output does
        not show that field, standard error says which rules failed and how often, or a
        rule broken on every record would go unseen."""
        if self.fmt == "xml" or ("failures" in self.fields and self.fmt != "markdown"):
            return  # the output shows them
        for rule, (times, error) in self.rule_failures.items():
            print(
                f"article-clean: warning: rule {rule} failed on {times} of "
                f"{counted(self.count, 'record')} (the rest of the rules ran): {error}",
                file=sys.stderr,
            )

    def _clash(self, record: Record, fields: dict[str, Any]) -> str | None:
        """A record's own field that the Article's would overwrite with another value: the
        record is not written (its value would be lost), and the message says how to keep both.
        An empty one (null, "", []) is filled in: nothing of the record's is lost."""
        clash = [
            name
            for name, value in fields.items()
            if record.extra.get(name) not in (None, "", [], {}) and record.extra[name] != value
        ]
        if not clash:
            return None
        return (
            f"the record's own field(s) {', '.join(clash)} would be overwritten by the Article's; "
            "name the Article's fields apart with --prefix (--prefix article_ gives "
            "article_body, ...), or leave them out with --fields"
        )

    def _open_xml(self) -> None:
        if not self.shown:
            self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<articles>\n')
            self.shown = 1

    def finish(self) -> None:
        """Close what the stream opened: the <articles> element of several XML documents."""
        if self.fmt == "xml" and self.headed:
            self._open_xml()
            self.out.write("</articles>\n")

    @staticmethod
    def _base(record: Record) -> str:
        """The output file's name for `record` before its suffix: the input file's own name
        ("stdin" for standard input), or the record's id, with no character that a path or a
        shell reads (an id "../../etc/passwd" gives "etc_passwd") and no leading dot, which
        would hide the file."""
        if record.id == "-":
            return "stdin"
        own = Path(record.id).name if "source" in record.extra else record.id
        if own.startswith("-:"):  # a line of standard input's, with no id of its own
            own = "stdin" + own[1:]
        # No leading "-" either: a shell tool would read the name as an option.
        base = _UNSAFE.sub("_", own).lstrip("._-").rstrip("_") or "record"
        if len(base.encode("utf-8")) > _LONGEST_NAME:
            # A URL for an id: file systems refuse names past 255 bytes. Its start, and a hash
            # of the whole that keeps two such ids apart.
            digest = hashlib.sha256(base.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            base = f"{base.encode('utf-8')[:_LONGEST_NAME - 17].decode('utf-8', 'ignore')}-{digest}"
        return base

    def _name(self, base: str) -> str:
        """`base` (`_base`), numbered ("x.txt-2") after the first document of that name, in
        any case: "A" and "a" are one file on macOS's and Windows' file systems."""
        name, n = base, 1
        while name.casefold() in self.names:
            n += 1
            name = f"{base}-{n}"
        self.names.add(name.casefold())
        return name

    def _fail(self, record: Record, error: tuple[str, str]) -> None:
        self.failed += 1
        kind, message = error
        where = _where(record)
        if self.errors is not None:
            written_id = record.extra.get(self.id_field)  # None: no id, or a null one
            entry = {
                # A JSONL record's id as its input wrote it (a number stays a number), so that
                # errors join back to the inputs; a file's name, or the record's file and line.
                "id": record.id if written_id is None else written_id,
                **({"where": where} if where else {}),
                **{k: v for k, v in record.extra.items() if k in ("source", "url")},
                "error": {"type": kind, "message": message},
            }
            self.errors.write(as_json_line(entry) + "\n")
        else:
            print(f"article-clean: {named(record)}: {kind}: {one_line(message)}", file=sys.stderr)


def _file_size(out: IO[str]) -> int | None:
    """The size of the regular file `out` writes to (what it held before, appended to with
    `>>`, stays), else None: a pipe, a terminal or a device (/dev/null) keeps no size to cut
    back to. Read from the file itself: an appending stream's position says nothing of it."""
    try:
        found = os.fstat(out.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's StringIO), closed
        return None
    return found.st_size if stat.S_ISREG(found.st_mode) else None


def _where(record: Record) -> str | None:
    """Where the record was, when its id does not say it (a JSONL line's own id)."""
    return record.where if record.where != record.id else None


def named(record: Record) -> str:
    """A record as messages name it: its id, and where it was ("a1 (feed.jsonl:2)")."""
    where = _where(record)
    name = one_line(record.id)
    return f"{name} ({one_line(where)})" if where else name
