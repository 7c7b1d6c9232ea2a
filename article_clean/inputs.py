"""Where the command line's records come from: files, directories, JSONL and standard input.

Every input record becomes a `Record`; one that cannot be read (a file that vanished, a line that
is not JSON, a record without the text field) becomes a Record with an `error`, so that it is
reported in its place and never silently skipped.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import math
import os
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from .cleaner import MAX_SECONDS

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_ROOM_FOR_FIELDS = 1 << 20  # a JSONL record's id, URL and pass-through fields
_CHUNK = 1 << 20  # how much of a line over the limit is read at a time to skip it


@dataclass
class Record:
    """One document to clean, with what identifies it and what is passed through to the output."""

    id: str
    content: str | bytes | None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    error: tuple[str, str] | None = None  # (type, message) when the record could not be read
    where: str | None = None  # a JSONL record's file and line ("feed.jsonl:12"), for its errors


@dataclass(frozen=True)
class Source:
    """How to read the inputs: JSONL field names, and the glob for directories."""

    field: str | None = None
    url_field: str | None = None
    id_field: str = "id"
    glob: str | None = None  # None: the documents (`DOCUMENT_SUFFIXES`)
    url: str | None = None
    max_bytes: int | None = None  # a document past it is reported without being read whole


def byte_count(value: str) -> int:
    """`--max-bytes` as the commands read it: a count of bytes, 0 for no limit."""
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a count of bytes (0: no limit)")
    return count


class _OneValue(argparse.Action):
    """An option that holds one value, given twice: a usage error, not the last one taken and
    the first silently dropped (`--fields headline --fields body`)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given: set[str] = namespace.__dict__.setdefault("_given_once", set())
        if option_string is not None and self.dest in given:
            parser.error(f"{option_string} is given more than once; give it once")
        given.add(self.dest)
        setattr(namespace, self.dest, values)


def command_parser(**settings: Any) -> argparse.ArgumentParser:
    """An ArgumentParser whose options of one value refuse to be given twice (`_OneValue`)."""
    parser = argparse.ArgumentParser(**settings)
    parser.register("action", None, _OneValue)  # the action of an option that names none
    parser.register("action", "store", _OneValue)
    return parser


def path_name(value: str) -> str:
    """A file's or folder's name as the options take it: never empty (an unset `$OUT` would
    be the current folder, written into unasked)."""
    if not value:
        raise argparse.ArgumentTypeError("an empty name: name a file or a folder")
    return value


def seconds(value: str) -> float:
    """`--time-budget` as the commands read it: seconds, 0 for no limit."""
    try:
        count = float(value)
    except ValueError:
        count = -1.0
    if not 0 <= count <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of seconds up to {MAX_SECONDS:,} (0: no limit)"
        )
    return count


def stdin_is_empty() -> bool:
    """True when piped standard input ends before its first byte, or is a gzip of nothing
    (peeked, not consumed: what the peek shows of a gzip must hold all of it)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or not hasattr(stream, "peek") or sys.stdin.isatty():
        return False
    head = stream.peek(1)
    if not head.startswith(_GZIP_MAGIC):
        return not head
    unzip = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer around the data
    try:
        held = unzip.decompress(head, 1)
    except zlib.error:
        return False  # a corrupt gzip: the reader says so
    return unzip.eof and not held and not unzip.unused_data


def record_fields(args: argparse.Namespace) -> None:
    """Fill in `--url-field` and `--id-field` (url, id), refusing them where no input is read
    as JSONL records (no `--field`, no .jsonl file named or in a folder): options that would do
    nothing."""
    given = {"--url-field": args.url_field, "--id-field": args.id_field}
    named = [option for option, value in given.items() if value is not None]
    if named and args.field is None:
        files = expand([name for name in args.inputs if name != "-"], args.glob)
        if not any(map(is_jsonl, files)):
            raise ValueError(
                f"{' and '.join(named)}: a field of JSONL records, and no input is read as "
                "records; give --field to read them so"
            )
    args.url_field = "url" if args.url_field is None else args.url_field
    args.id_field = "id" if args.id_field is None else args.id_field


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


# What a directory's documents are named, when no glob says: text, HTML and JSONL, gzipped or
# not. A folder of pages also holds notes, licences and expected results, which are no articles.
_PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".wet")
DOCUMENT_SUFFIXES: tuple[str, ...] = (
    *_PAGE_SUFFIXES,
    *(suffix + ".gz" for suffix in _PAGE_SUFFIXES),
    *JSONL_SUFFIXES,
)


def expand(paths: Sequence[str], glob: str | None) -> Iterator[str]:
    """Files named, and files under directories named (recursively, matching `glob`, or the
    documents when it is None), in order."""
    for name, _ in expand_checked(paths, glob):
        yield name


#: Why a link in a folder named is not read: it leads out of the folder.
LINK_OUTSIDE = "a link to a file outside the folder named; not followed"


def expand_checked(paths: Sequence[str], glob: str | None) -> Iterator[tuple[str, str | None]]:
    """`expand`'s files, each with the reason it is refused, if it is: a link under a folder
    named that leads out of it (to /etc/passwd, from an unpacked archive) is reported, not read,
    as the links to folders are not followed. A file named itself is read wherever it leads."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            # Decided when the folder is listed: a file deleted or a link dangling by the time it
            # is read is reported as unreadable, never skipped without a word.
            listed = [
                found
                for found in sorted(path.rglob(glob or "*"))
                if _readable_or_reported(found)
                and (glob or found.name.lower().endswith(DOCUMENT_SUFFIXES))
            ]
            # A folder that cannot be listed is passed over by rglob without a word: named as
            # an input, it fails to be read and is reported, with the files that could be.
            root = _resolved(path)
            for found in sorted([*listed, *unreadable_folders(path)]):
                yield str(found), LINK_OUTSIDE if _leads_out(found, root) else None
        else:
            yield name, None


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links, on older Pythons
        return None


def _leads_out(found: Path, root: Path | None) -> bool:
    """Whether `found` is a link whose target lies outside the folder `root`."""
    try:
        if not found.is_symlink():
            return False
    except OSError:
        return False
    target = _resolved(found)
    if target is None or root is None:
        return False  # dangling, or a loop: reported as unreadable when read
    return not target.is_relative_to(root)


def _readable_or_reported(found: Path) -> bool:
    """A file to read, or an entry to report as unreadable when read: a dangling link, or one
    in a folder that may be listed but not entered, which cannot even be told a file."""
    try:
        return found.is_file() or found.is_symlink() and not found.exists()
    except OSError:
        return True


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # in a folder that may be listed but not entered: reported when read
        return False


def _special(path: Path) -> bool:
    """A pipe, a device or a socket, or a link to one."""
    try:
        mode = path.stat().st_mode
    except OSError:  # a dangling link: reported as unreadable when read
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def unreadable_folders(path: Path) -> list[Path]:
    """The folders under `path` (itself included) that cannot be listed."""
    failed: list[OSError] = []
    for _ in os.walk(path, onerror=failed.append):
        pass
    return [Path(error.filename) for error in failed if error.filename is not None]


def passed_over(paths: Sequence[str]) -> dict[str, Counter[str]]:
    """For each directory named, the suffixes of the files under it that are not named as
    documents (`DOCUMENT_SUFFIXES`), counted: what a run with no glob leaves out, to be said."""
    found: dict[str, Counter[str]] = {}
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            continue
        suffixes = Counter(
            "".join(file.suffixes[-1:]).lower() or "no suffix"
            for file in path.rglob("*")
            if _is_file(file)
            and not file.name.lower().endswith(DOCUMENT_SUFFIXES)
            # A hidden folder's files (.git's objects) are no one's documents.
            and not any(part.startswith(".") for part in file.relative_to(path).parts[:-1])
        )
        # A pipe, a device or a socket (or a link to one) is no document, whatever its name:
        # reading a pipe would wait for its writer. Counted, not read.
        suffixes["not a regular file"] += sum(map(_special, path.rglob("*")))
        suffixes = +suffixes  # without a count of 0
        if suffixes:
            found[name] = suffixes
    return found


#: What reading a file can raise half way: a read error, a truncated or corrupt compressed stream.
# What reading a file raises, gzipped or not, or decoded from UTF-16 (a unit that is no text).
READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)


def read_records(
    paths: Sequence[str], source: Source, stdin: BinaryIO | None = None
) -> Iterator[Record]:
    """Every record of every input, in order; one that cannot be read is a Record with an error,
    and the next file is read all the same."""
    for name, refused in expand_checked(paths, source.glob):
        if refused is not None:
            yield Record(name, None, extra={"source": name}, error=("NotFollowed", refused))
        elif source.field is not None or is_jsonl(name):
            yield from _jsonl_records(name, source, stdin)
        else:
            yield _file_record(name, source, stdin)


def _open(name: str, stdin: BinaryIO | None) -> BinaryIO:
    if name == "-":
        handle = stdin if stdin is not None else sys.stdin.buffer
        # A gzipped file fed through a pipe or `<`: no name says so, the stream's first bytes do.
        head, handle = _first_bytes(handle, len(_GZIP_MAGIC))
        if head == _GZIP_MAGIC:
            return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
        return handle
    if name.lower().endswith(".gz"):
        return gzip.open(name, "rb")  # type: ignore[return-value]
    return open(name, "rb")


_GZIP_MAGIC = b"\x1f\x8b"
# Byte-order marks of the encodings JSON Lines are not in but files are saved in (a Windows
# shell's redirection writes UTF-16): read through a decoder, their lines are UTF-8 lines.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _as_utf8(handle: BinaryIO) -> BinaryIO:
    """The stream as UTF-8 bytes: as it is, or decoded from the UTF-16 or UTF-32 its
    byte-order mark names (split at b"\n" as it is, each of its lines was cut in two)."""
    head, handle = _first_bytes(handle, 4)
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return codecs.EncodedFile(handle, "utf-8", encoding)
    return handle


def _first_bytes(handle: BinaryIO, count: int) -> tuple[bytes, BinaryIO]:
    """The stream's first `count` bytes (fewer at its end), and the stream to read from them
    on: the same one where they could be looked at without being read (peeked, or read and
    sought back), else one that gives them back first. A pipe's first write may be a single
    byte, which is all a peek sees."""
    peek = getattr(handle, "peek", None)
    if peek is not None:
        head = bytes(peek(count)[:count])
        if len(head) >= count or not head:
            return head, handle
    elif handle.seekable():
        at = handle.tell()
        head = handle.read(count)
        handle.seek(at)
        return head, handle
    head = handle.read(count)  # blocks until `count` bytes, or the end
    return head, io.BufferedReader(_Prepended(head, handle))


class _Prepended(io.RawIOBase):
    """A stream that gives back bytes already read from it before the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head[: len(buffer)]
        self._head = self._head[len(data) :]
        if not data:
            read1 = getattr(self._rest, "read1", self._rest.read)
            data = read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_document(name: str, limit: int | None = None, stdin: BinaryIO | None = None) -> bytes:
    """One document's bytes, gunzipped where its name ends in ".gz"; up to `limit` + 1 bytes,
    so that a caller knows one over its limit. Raises what reading raises (OSError, a corrupt
    gzip's error)."""
    handle = _open(name, stdin)
    try:
        return handle.read() if limit is None else _read_at_most(handle, limit + 1)
    finally:
        if name != "-":
            handle.close()


def too_large(limit: int) -> str:
    """What a document over the byte limit is told, with the option that raises it."""
    return f"the document is over {limit} bytes (--max-bytes); not read further"


def _file_record(name: str, source: Source, stdin: BinaryIO | None) -> Record:
    limit = source.max_bytes
    try:
        data = read_document(name, limit, stdin)
    except READ_ERRORS as error:
        message = getattr(error, "strerror", None) or str(error) or type(error).__name__
        kind = type(error).__name__ if isinstance(error, OSError) else "ReadError"
        return Record(name, None, extra={"source": name}, error=(kind, message))
    if limit is not None and len(data) > limit:
        return Record(
            name,
            None,
            extra={"source": name},
            error=("InputTooLarge", too_large(limit)),
        )
    return Record(name, data, url=source.url, extra={"source": name})


def _jsonl_records(name: str, source: Source, stdin: BinaryIO | None) -> Iterator[Record]:
    text_field = source.field or "text"
    try:
        handle = _open(name, stdin)
    except OSError as error:
        yield Record(name, None, error=(type(error).__name__, error.strerror or str(error)))
        return
    number = 0
    limit = None if source.max_bytes is None else line_limit(source.max_bytes)
    try:
        handle = _as_utf8(handle)
        for number, raw in enumerate(_bounded_lines(handle, limit), 1):
            where = f"{name}:{number}"
            if raw is None:
                yield Record(
                    where,
                    None,
                    extra={"source": name},
                    error=("InputTooLarge", f"the line is over {limit} bytes; not read further"),
                )
                continue
            if not raw.strip():
                continue
            yield replace(_json_record(raw, where, text_field, source), where=where)
    except READ_ERRORS as error:  # a corrupt or truncated gzip, a read error half way
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield Record(
            f"{name}:{number + 1}",
            None,
            extra={"source": name},
            error=(
                "ReadError",
                f"cannot read {name} past line {number} ({reason}): the rest of the file is lost",
            ),
        )
    finally:
        if name != "-":
            handle.close()


def line_limit(max_bytes: int) -> int:
    """The longest JSONL line read for a document of at most `max_bytes`: JSON writes a byte of
    text as at most six (a control character as \\u0000), and the other fields need some room."""
    return 6 * max_bytes + _ROOM_FOR_FIELDS


def _read_at_most(handle: BinaryIO, count: int, *, line: bool = False) -> bytes:
    """Up to `count` bytes (with `line`, up to the end of the line), read a chunk at a time:
    `read(count)` sets aside `count` bytes first, and a limit of "a terabyte, say no limit" is
    no memory to set aside."""
    read = handle.readline if line else handle.read
    chunks = []
    while count > 0:
        chunk = read(min(count, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
        if line and chunk.endswith(b"\n"):
            break
    return b"".join(chunks)


def _bounded_lines(handle: BinaryIO, limit: int | None) -> Iterator[bytes | None]:
    """The file's lines, never more than `limit` bytes of one in memory: a longer line is None,
    and what is left of it is read in chunks and dropped."""
    while True:
        line = handle.readline() if limit is None else _read_at_most(handle, limit + 1, line=True)
        if not line:
            return
        if limit is None or len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
        yield None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _finite(number: str) -> float:
    """A JSON number as a float, unless it is past a float's range ("1e400" would be infinity,
    which no JSON output can hold: the record's error line could not be written)."""
    value = float(number)
    if math.isinf(value):
        raise ValueError(f"the number {number[:40]} is out of a float's range")
    return value


def _json_record(raw: bytes, where: str, text_field: str, source: Source) -> Record:
    try:
        data = json.loads(raw.rstrip(b"\r\n"), parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        # Where in the line, by character: json's own "line 2 column 1" counts the lines of
        # the record, not of the file that `where` names.
        problem = f"{error.msg} (character {error.pos + 1} of the line)"
        return Record(where, None, error=("JSONDecodeError", f"not a JSON line: {problem}"))
    except ValueError as error:  # a NaN or Infinity constant, bytes that are not UTF-8
        return Record(where, None, error=("JSONDecodeError", f"not a JSON line: {error}"))
    except RecursionError:
        return Record(
            where, None, error=("JSONDecodeError", "not a JSON line: nested too deeply to read")
        )
    if not isinstance(data, dict):
        return Record(where, None, error=("InputError", "a JSONL record must be an object"))
    record_id = str(data[source.id_field]) if data.get(source.id_field) is not None else where
    content = data.get(text_field)
    extra = {k: v for k, v in data.items() if k != text_field}
    if not isinstance(content, str):
        if text_field not in data:
            problem = "has no"
        else:
            problem = "has a null" if content is None else "has a non-string"
        return Record(
            record_id,
            None,
            extra=extra,
            error=("InputError", f"the record {problem} field {text_field!r}"),
        )
    url = data.get(source.url_field) if source.url_field else source.url
    if url is not None and not isinstance(url, str):
        return Record(
            record_id, None, extra=extra, error=("InputError", "the URL field is not a string")
        )
    return Record(record_id, content, url=url, extra=extra)


# Records piped in without --field are cleaned as one text; the command says so when they look
# like JSON lines (most of the first few lines are JSON objects).
_JSON_LINES_LOOKED_AT = 3
_JSON_HEAD_BYTES = 65_536


def looks_like_json_lines(content: str | bytes | None) -> bool:
    """Whether a document's first lines are JSON objects: records piped in without --field."""
    if not content:
        return False
    head = content[:_JSON_HEAD_BYTES]
    text = (head.decode("utf-8", "replace") if isinstance(head, bytes) else head).lstrip("\ufeff")
    lines = text.splitlines()
    cut = len(content) > _JSON_HEAD_BYTES
    if cut:
        lines = lines[:-1]  # cut off where the head ends
    lines = [line for line in lines if line.strip()][:_JSON_LINES_LOOKED_AT]
    if not lines:  # a first record longer than the head (an HTML page's): its opening tells
        return cut and text.lstrip().startswith('{"')
    if not lines[0].lstrip().startswith("{"):
        return False
    # Most of them, not all: a batch with one broken line among its first is still a batch.
    return 2 * sum(map(_json_object, lines)) > len(lines)


def _json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # not JSON, or nested past what json reads
        return False
