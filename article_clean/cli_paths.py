"""Which paths a run of the command may write: never over the inputs it has yet to read.

An output file opened for writing is emptied at once; if it is an input, the run reads it empty
and ends "successfully" with the input gone. So the command's outputs are checked against its
inputs before anything is opened: the files named, the files its input folders hold or will hold
(as `rglob` picks them), and the file standard input reads. `Refused` says why; the command
turns it into a usage error.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath

from .inputs import DOCUMENT_SUFFIXES, expand


class Refused(ValueError):
    """An output that would destroy or re-read an input, or a glob no run can use."""


def check_glob(glob: str) -> None:
    """A glob picks files inside the input folders, as `rglob` reads it: an empty one, one that
    leaves the folder ("/x", "../x") or one `rglob` refuses ("a**") is a usage error, not a
    traceback half way through the run."""
    pattern = PurePath(glob)
    if not glob or pattern.is_absolute() or ".." in pattern.parts:
        raise Refused(f"--glob {glob!r} must pick files inside the input folders")
    try:  # parses the pattern, walking nothing (no folder is there)
        next(Path(os.devnull).rglob(glob), None)
    except (ValueError, NotImplementedError, RecursionError) as error:
        reason = "too many parts" if isinstance(error, RecursionError) else error
        raise Refused(f"--glob {glob!r} is no file pattern: {reason}") from None
    except OSError:  # the walk itself: nothing to say of the pattern
        pass


def same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def stdin_file(name: str) -> bool:
    """Whether `name` is the file standard input reads (`< name`)."""
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(name))
    except (OSError, ValueError, AttributeError):  # no stdin, a closed one, no such file
        return False


def _listed(path: Path, folder: Path, glob: str | None) -> bool:
    """Whether a file at `path` inside the input folder `folder` would be read as an input:
    found by `folder.rglob(glob)`, or a document when there is no glob."""
    if glob is None:
        return path.name.lower().endswith(DOCUMENT_SUFFIXES)
    return _glob_match(path.relative_to(folder).parts, ("**", *PurePath(glob).parts))


_WILDCARD = re.compile(r"[*?\]]")


def _glob_may_pick(written: Path, folder: Path, glob: str, suffix: str) -> bool:
    """Whether `glob` may pick a file the output folder gets: one in that folder, named after
    its input, ending in `suffix` ("x.html.json"). What follows the name's last wildcard is
    the end of every name it picks ("*.html" never picks "x.html.json"; "a*" may)."""
    parts = PurePath(glob).parts
    if not parts:
        return False
    folders = written.parent.relative_to(folder).parts
    if parts[-1] == "**":  # Python 3.13 picks files at any depth under it
        return _glob_match(folders, ("**", *parts))
    if not _glob_match(folders, ("**", *parts[:-1])):
        return False
    name = parts[-1]
    tail = name[max((m.end() for m in _WILDCARD.finditer(name)), default=0) :]
    return suffix.endswith(tail) or tail.endswith(suffix)


def _glob_match(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    """rglob's matching of a relative path's parts: "**" any number of folders, each other part
    one name, as fnmatch matches it."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_glob_match(parts[at:], rest) for at in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _glob_match(parts[1:], rest)


def refuse_overwriting_inputs(
    args: argparse.Namespace, output_dir: Path | None, suffix: str
) -> None:
    """An output or errors file that is an input would be emptied before it is read, and the
    run would end "successfully" with the input gone; one made inside an input folder would be
    read back as an input; --output and --errors naming one file would write the errors over
    the output. Devices (/dev/null) are no files to keep."""
    named = (
        ("--output", None if output_dir is not None or args.output == "-" else args.output),
        ("--errors", args.errors),
    )
    targets = [
        (option, name)
        for option, name in named
        if name is not None and (not Path(name).exists() or Path(name).is_file())
    ]
    if len(targets) == 2 and (
        same_file(targets[0][1], targets[1][1])
        or Path(targets[0][1]).resolve() == Path(targets[1][1]).resolve()
    ):
        raise Refused(f"--output and --errors both name {args.errors}: give each its own file")
    folders = [Path(name).resolve() for name in args.inputs if name != "-" and Path(name).is_dir()]
    for option, name in targets:
        if "-" in args.inputs and stdin_file(name):
            raise Refused(
                f"{option} {name} is the file standard input reads: it would be emptied before "
                "it is read; write elsewhere"
            )
        path = Path(name).resolve()
        inside = next(
            (f for f in folders if path.is_relative_to(f) and _listed(path, f, args.glob)), None
        )
        if inside is not None:
            raise Refused(
                f"{option} {name} is inside the input folder {inside}: it would be read back as "
                "an input; write it elsewhere"
            )
    if output_dir is not None:
        # Its files are named after their inputs, with the format's suffix: one that the run
        # reads as an input could be written over an input not read yet. A glob may pick any
        # name ("doc*" picks "doc1.txt.json"): then no folder inside an input folder is safe.
        written = output_dir.resolve() / f"written{suffix}"
        inside = next(
            (
                f
                for f in folders
                if written.is_relative_to(f)
                and (
                    _listed(written, f, None)
                    if args.glob is None
                    else _glob_may_pick(written, f, args.glob, suffix)
                )
            ),
            None,
        )
        if inside is not None:
            picked = f"--glob {args.glob!r}" if args.glob is not None else "the run"
            raise Refused(
                f"--output {args.output} is inside the input folder {inside}, where {picked} "
                "would read its files as inputs (or write over one); write elsewhere"
            )
    existing = [(option, name) for option, name in targets if Path(name).exists()]
    if not existing:
        return
    for found in expand([name for name in args.inputs if name != "-"], args.glob):
        for option, name in existing:
            if same_file(found, name):
                raise Refused(
                    f"{option} {name} is also an input ({found}): it would be emptied before "
                    "it is read; write elsewhere"
                )
