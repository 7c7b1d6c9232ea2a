"""The `article-clean` command: clean files, directories and JSONL streams; list rules; explain.

    article-clean [options] INPUT...        clean; INPUT is a file, a directory or - (stdin)
    article-clean clean [options] INPUT...  the same, for an INPUT named like a command
    article-clean rules [--markdown]        every rule set and rule, with its origin
    article-clean rules --check FILE        run the examples of a rule file's rules
    article-clean explain FILE -o out.html  a page showing what was removed and why
    article-clean learn INPUT... -o rules/  one rule file per site, learned from its pages

Exit codes: 0 every record cleaned, 1 some records failed (each one reported), 2 usage error,
3 internal error (a bug: please report it), 4 the output could not be written (a full disk: the
run stopped), 130 interrupted (Ctrl-C), 143 stopped by SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import stat
import sys
import threading
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import __version__, reference
from .batch import Result, clean_many
from .cleaner import DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, Cleaner
from .cli_paths import Refused, check_glob, refuse_overwriting_inputs, same_file, stdin_file
from .cli_writer import DISK_FULL, SUFFIXES, Terminated, Writer, raise_terminated, write_new
from .errors import ArticleCleanError, RuleConfigError
from .inputs import (
    DOCUMENT_SUFFIXES,
    READ_ERRORS,
    Record,
    Source,
    byte_count,
    command_parser,
    expand,
    is_jsonl,
    looks_like_json_lines,
    passed_over,
    path_name,
    read_document,
    read_records,
    record_fields,
    seconds,
    stdin_is_empty,
    too_large,
)
from .model import Kind
from .output import (
    DEFAULT_FIELDS,
    TEXT_VIEW_FIELDS,
    counted,
    escape_surrogates,
    one_line,
    parse_fields,
)
from .rulefile import rule_files

if TYPE_CHECKING:
    from .examples import Limits

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERNAL, EXIT_OUTPUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # as a shell reports a program Ctrl-C stopped
EXIT_TERMINATED = 143  # as a shell reports a program SIGTERM stopped
DEFAULT_TIMEOUT = 60.0
COMMANDS = ("clean", "rules", "explain", "learn")


class UsageError(Exception):
    """A mistake in how the command was called: exit code 2."""


class OutputError(Exception):
    """The output or the errors file cannot be written (a full disk): exit code 4."""


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rules")
    group.add_argument(
        "--rules",
        action="append",
        type=path_name,
        default=[],
        metavar="FILE|DIR",
        help="a TOML rule file to add, or a folder of them (repeatable)",
    )
    group.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="an installed rule plugin to enable (repeatable); '*' enables all",
    )
    group.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="IDS",
        help="rule ids or id prefixes to leave out, comma-separated (repeatable)",
    )
    group.add_argument(
        "--strict",
        action="store_true",
        help="a failing rule fails the record instead of being recorded",
    )


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        choices=["auto", "text", "html"],
        default="auto",
        help="how to read each document (default: decide from its content)",
    )
    parser.add_argument(
        "--url",
        type=_absolute_url,
        help="the article's URL (for a single document; enables site rules)",
    )
    parser.add_argument(
        "--max-bytes",
        type=byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse a document longer than this (default: {DEFAULT_MAX_BYTES}; 0: no limit)",
    )
    parser.add_argument(
        "--time-budget",
        type=seconds,
        default=DEFAULT_TIME_BUDGET,
        metavar="SECONDS",
        help="stop cleaning a document after this long and report it as TimeBudgetExceeded "
        f"(default: {DEFAULT_TIME_BUDGET:g}; 0: no limit)",
    )


def _absolute_url(value: str) -> str:
    """A web address with its scheme and host, as the site rules and the headline's slug read
    it: a word given by mistake ("--url foo") would match no site, unsaid."""
    url = value.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read to be checked: a port that is no number raises
        host = parts.hostname if parts.scheme.lower() in ("http", "https") else None
    except ValueError:  # a bracketed host left open, a port that is no number
        host = None
    if not host or any(map(str.isspace, url)):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a page's address; give it whole: https://example.com/path"
        )
    return url


def _disabled(args: argparse.Namespace) -> list[str]:
    """The rule ids and prefixes --disable names, comma-separated."""
    if any(not item.replace(",", "").strip() for item in args.disable):
        raise UsageError("--disable names no rule id; give ids or prefixes, comma-separated")
    return [part.strip() for item in args.disable for part in item.split(",") if part.strip()]


def _cleaner(args: argparse.Namespace) -> Cleaner:
    disabled = _disabled(args)
    rules = _rule_files(args.rules)
    try:
        cleaner = Cleaner(
            rules=rules,
            plugins=args.plugin,
            disable=disabled,
            strict=args.strict,
            max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES) or None,
            time_budget=getattr(args, "time_budget", DEFAULT_TIME_BUDGET) or None,
        )
        cleaner.rule_sets  # noqa: B018 - load rule files and plugins now: a bad one is a usage error
    except (ArticleCleanError, TypeError, ValueError) as error:
        raise UsageError(str(error)) from None
    _warn_unreachable(cleaner, len(rules))
    return cleaner


def _rule_files(names: list[str]) -> list[str]:
    """Each --rules name, a folder standing for its *.toml files (as `learn` writes one per
    site), in name order; a folder with none is a usage error, not a run without its rules."""
    try:
        return [path for name in names for path in rule_files(name)]
    except RuleConfigError as error:
        raise UsageError(f"--rules {error}") from None


WARN_EXAMPLES_AT_MOST = 500  # rule-file examples checked before a run (about a second)


def _warn_unreachable(cleaner: Cleaner, files: int) -> None:
    """A rule file's rule whose own example line another rule takes first would never fire
    there: said on standard error (a warning; 'article-clean rules --check FILE' has it all)."""
    if not files:
        return
    from . import builtin
    from .examples import check_rule_set

    first = len(builtin.rule_sets())
    sets = cleaner.rule_sets  # less what --disable leaves out
    given = sets[first : first + files]
    examples = sum(
        len(r.examples) + len(r.counter_examples) for rule_set in given for r in rule_set.rules
    )
    if examples > WARN_EXAMPLES_AT_MOST:
        # Each example is a document cleaned with every rule: thousands of them cost seconds
        # to minutes before the first record (10,000 rules with one each: 40 s).
        print(
            f"article-clean: note: the rule files have {examples} examples and counter-examples, "
            "too many to check before cleaning; 'article-clean rules --check FILE' checks them",
            file=sys.stderr,
        )
        return
    for rule_set in given:
        # Where it runs: a site's set before every other, a general one in its place; among
        # every set that runs on any page (the built-in ones, earlier files, plugins).
        general = [s for s in sets if not s.domains]
        context = [rule_set, *general] if rule_set.domains else general
        for failure in check_rule_set(rule_set, context, _limits(cleaner)):
            others = [rule for rule in failure.decided_by if rule and rule != failure.rule]
            if failure.must_take and others:
                print(
                    f"article-clean: warning: rule {failure.rule} ({rule_set.name}) never takes "
                    f"its example {failure.example.target!r}: rule {others[0]} takes it first",
                    file=sys.stderr,
                )


def _limits(cleaner: Cleaner) -> Limits:
    """The cleaner's limits on a rule's time and a document's, for its rules' examples too."""
    from .examples import Limits

    return Limits(cleaner.settings.rule_timeout, cleaner.settings.time_budget)


def _clean_parser() -> argparse.ArgumentParser:
    parser = command_parser(
        prog="article-clean",
        description="Strip the boilerplate out of scraped news articles (text or HTML).",
        epilog="Other commands: 'article-clean rules', 'article-clean explain FILE', "
        "'article-clean learn INPUT... -o DIR' "
        "('article-clean clean ...' cleans an input named like a command). "
        "Exit codes: 0 all good, 1 some records failed, 2 usage error, 3 internal error, "
        "4 output not writable, 130 interrupted, 143 terminated.",
    )
    parser.add_argument("--version", action="version", version=f"article-clean {__version__}")
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, directories (searched recursively) or - for standard input "
        "(the default when input is piped)",
    )
    parser.add_argument(
        "--glob",
        help="which files to take from directories (default: text, HTML and JSONL files, "
        "gzipped or not)",
    )
    _add_document_options(parser)
    jsonl = parser.add_argument_group("JSONL input")
    jsonl.add_argument(
        "--field", help="read JSONL records, cleaning this field (default for .jsonl files: text)"
    )
    jsonl.add_argument(
        "--url-field", help="the field holding each record's URL (default: url)"
    )
    jsonl.add_argument(
        "--id-field", help="the field identifying a record in errors (default: id)"
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=["text", "json", "jsonl", "markdown", "xml"],
        help="text for a person, json for one document, jsonl for many, markdown, xml "
        "(default: text for one document on a terminal, jsonl otherwise)",
    )
    out.add_argument(
        "--fields", help=f"comma-separated output fields (default: {','.join(DEFAULT_FIELDS)})"
    )
    out.add_argument(
        "--prefix",
        default="",
        help="put this before the Article's field names in json and jsonl output, apart from "
        "the record's own fields ('article_' gives article_body, ...)",
    )
    out.add_argument(
        "-o",
        "--output",
        type=path_name,
        metavar="FILE|DIR",
        help="write to this file, or one file per record into this directory",
    )
    out.add_argument(
        "--errors",
        type=path_name,
        metavar="FILE",
        help="write failed records here as JSONL (default: stderr)",
    )
    run = parser.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (0: one per CPU)")
    run.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="kill the worker cleaning a record after this long and report the record "
        f"(default: {DEFAULT_TIMEOUT:g}; 0: no limit, and -j 1 cleans in this process)",
    )
    run.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no count of files written"
    )
    _add_rule_options(parser)
    return parser


def _rules_parser() -> argparse.ArgumentParser:
    parser = command_parser(
        prog="article-clean rules",
        description="List every rule set and rule: id, label, description, origin.",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the built-in rule reference as Markdown (docs/rules.md)",
    )
    parser.add_argument(
        "--check",
        action="append",
        type=path_name,
        default=[],
        metavar="FILE|DIR",
        help="run the examples of this rule file's rules, or of a folder's files (repeatable); "
        "exit 1 if one fails",
    )
    _add_rule_options(parser)
    return parser


def _explain_parser() -> argparse.ArgumentParser:
    parser = command_parser(
        prog="article-clean explain",
        description="Write an HTML page showing every segment, coloured by "
        "label, with the rule that decided it.",
    )
    parser.add_argument(
        "input",
        metavar="FILE",
        nargs="?",
        help="an article file (text or HTML), or - for stdin (the default when text is piped in)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=path_name,
        default="-",
        metavar="FILE|DIR/",
        help="where to write the report (default: standard output); a folder (one that exists, "
        "or a name ending in /) gets it as the input's name with .html",
    )
    _add_document_options(parser)
    _add_rule_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_stdout()
    command = args_list[0] if args_list and args_list[0] in COMMANDS else "clean"
    if args_list and args_list[0] in COMMANDS:
        # A folder of no documents (learn's rules/ folder) is not what anyone meant to clean.
        if command != "clean" and Path(command).exists() and any(expand([command], None)):
            print(
                f"article-clean: running the {command!r} command; to clean the file named "
                f"{command!r}, write ./{command} or 'article-clean clean {command}'",
                file=sys.stderr,
            )
        args_list = args_list[1:]
    if command == "learn":
        from . import cli_learn  # only here: it loads the TOML writer

        parser = cli_learn.parser()
    else:
        parser = {"clean": _clean_parser, "rules": _rules_parser, "explain": _explain_parser}[
            command
        ]()
    try:
        # Inputs may come before and after the options ("FILE --fields headline FILE"); after
        # a "--", which the intermixed parsing drops (Python 3.10-3.12), only before them.
        parse = parser.parse_args if "--" in args_list else parser.parse_intermixed_args
        args = parse(args_list)
    except SystemExit as exit:  # argparse: --help is 0, a usage mistake is 2
        return int(exit.code or 0)
    previous_term = None
    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN  # a job told to ignore it
    ):
        # SIGTERM stops the run as Ctrl-C does: the workers with it, the output's lines whole.
        previous_term = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        return _run_command(command, args)
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def _run_command(command: str, args: argparse.Namespace) -> int:
    try:
        if command == "learn":
            from . import cli_learn

            return cli_learn.run(args, UsageError)
        if command == "rules":
            return _run_rules(args)
        if command == "explain":
            return _run_explain(args)
        return _run_clean(args)
    except UsageError as error:
        print(f"article-clean: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (| head): not our error
        return EXIT_OK
    except OutputError as error:
        print(f"article-clean: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt as stop:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # stopping already: one more is moot
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if isinstance(stop, Terminated):
            print("article-clean: terminated", file=sys.stderr)
            return EXIT_TERMINATED
        print("article-clean: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: say so plainly, with what a report needs
        print(
            f"article-clean: internal error (please report it): {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL


def _run_rules(args: argparse.Namespace) -> int:
    given = [name for name in ("rules", "plugin", "disable") if getattr(args, name)]
    if args.strict:
        given.append("strict")
    if args.markdown:
        if given or args.check:  # options that would change nothing it prints: said, not ignored
            options = ", ".join(f"--{name}" for name in [*given, *(["check"] * bool(args.check))])
            raise UsageError(f"--markdown prints the built-in rules alone; drop {options}")
        sys.stdout.write(reference.as_markdown())
        return EXIT_OK
    if args.check:
        if args.rules or args.plugin or args.strict:
            raise UsageError(
                "--check labels each file's examples with the built-in rules and that file's "
                "(--disable leaves some out); drop --rules, --plugin and --strict"
            )
        return _check_examples(args.check, _disabled(args))
    cleaner = _cleaner(args)
    sys.stdout.write(reference.as_text(reference.available(cleaner.rule_sets)))
    return EXIT_OK


def _check_examples(paths: Sequence[str], disabled: Sequence[str] = ()) -> int:
    """Each rule file's examples, labelled with the built-in rules (less `disabled`) and the
    file's own: a line per failure."""
    from .examples import check_rule_set

    failed = 0
    for path in _rule_files(list(paths)):
        try:
            # Loaded as `--rules FILE` loads it: what fails a run (a built-in's id) fails here.
            cleaner = Cleaner(rules=[path], disable=disabled)
            rule_set = cleaner.rule_sets[-1]
        except (ArticleCleanError, TypeError, ValueError) as error:
            raise UsageError(str(error)) from None
        failures = check_rule_set(rule_set, cleaner.rule_sets[:-1], _limits(cleaner))
        count = sum(len(r.examples) + len(r.counter_examples) for r in rule_set.rules)
        for failure in failures:
            print(f"{path}: {failure}")
        print(f"{path}: {count - len(failures)} of {count} examples hold")
        failed += len(failures)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _run_explain(args: argparse.Namespace) -> int:
    from .explain import descriptions, report

    if args.input is None:  # as the clean command: text piped in is read, a terminal is not
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: name a file, or pipe text in")
        args.input = "-"
    if is_jsonl(args.input) and Path(args.input).is_file():
        # Read as one article, its records' JSON would be the "story": refused, not guessed.
        raise UsageError(
            f"{args.input}: explain shows one article, and this is a JSONL file of records; "
            "write the record's text to a file of its own to explain it, or clean the records "
            f"with 'article-clean {args.input}'"
        )
    if args.input == "-" and sys.stdin is None:
        raise UsageError("no input: standard input is closed")
    if args.input == "-" and stdin_is_empty():
        raise UsageError("no input: standard input is empty")
    args.output, in_folder = _report_path(args.output, args.input)
    if (
        args.output != "-"
        and Path(args.output).is_file()  # a device (/dev/null, /dev/stdout) keeps nothing
        and (same_file(args.input, args.output) or args.input == "-" and stdin_file(args.output))
    ):
        raise UsageError(f"--output {args.output} is the input: write the report elsewhere")
    cleaner = _cleaner(args)
    try:
        # Gunzipped and bounded as the clean command reads it: a gzip bomb stops at max_bytes.
        data = read_document(args.input, cleaner.settings.max_bytes)
    except READ_ERRORS as error:
        reason = getattr(error, "strerror", None) or error
        raise UsageError(f"{one_line(args.input)}: cannot read it: {reason}") from None
    limit = cleaner.settings.max_bytes
    if limit is not None and len(data) > limit:
        print(
            f"article-clean: {one_line(args.input)}: InputTooLarge: {too_large(limit)}",
            file=sys.stderr,
        )
        return EXIT_SOME_FAILED
    if args.input == "-" and looks_like_json_lines(data):  # explained as asked, and said
        print(
            "article-clean: standard input holds JSON lines and is explained as one text; "
            "explain shows one article: pipe in one record's text",
            file=sys.stderr,
        )
    kind = None if args.kind == "auto" else args.kind
    try:
        article = cleaner.clean(data, url=args.url, kind=kind)
    except ArticleCleanError as error:  # named as the clean command's error line names it
        print(
            f"article-clean: {one_line(args.input)}: {type(error).__name__}: "
            f"{one_line(str(error))}",
            file=sys.stderr,
        )
        return EXIT_SOME_FAILED
    described = descriptions(cleaner.rule_sets)
    # A lone surrogate has no UTF-8 form: a file name's byte that is not UTF-8, a str's.
    page = escape_surrogates(report(article, title=Path(args.input).name, descriptions=described))
    if args.output == "-":
        try:
            sys.stdout.write(page)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:  # a full disk behind the redirection
            raise OutputError(f"cannot write the report: {error.strerror or error}") from None
    else:
        _write_report(page, args.output, in_folder)
    return EXIT_OK


def _report_path(output: str, source: str) -> tuple[str, bool]:
    """Where the explain report goes, and whether that is in a folder: `output`, or, where it
    names a folder (one that exists, or a name ending in a slash, as for `clean`), the input's
    name with ".html" in that folder (made when the report is written)."""
    if output == "-" or not (output.endswith(("/", "\\")) or Path(output).is_dir()):
        return output, False
    name = "stdin" if source == "-" else Path(source).name.removesuffix(".gz").lstrip(".")
    return str(Path(output) / f"{name}.html"), True


def _write_report(page: str, target: str, in_folder: bool) -> None:
    """Write the report; in a folder, made now (not before the input was read), never through
    a symbolic link already there, as `clean` writes its folder's files."""
    try:
        if in_folder:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            write_new(Path(target), page)
        else:
            Path(target).write_text(page, encoding="utf-8")
    except OSError as error:
        reason = (
            "it is a symbolic link, which is not followed"
            if error.errno == errno.ELOOP
            else error.strerror or error
        )
        if error.errno in DISK_FULL:  # the path was right, the disk could not take the page
            if not in_folder and _regular_file(target):  # never a device, nor a link
                with contextlib.suppress(OSError):
                    Path(target).unlink()  # a report cut short is not left to be read
            raise OutputError(f"cannot write {target}: {reason}") from None
        raise UsageError(f"cannot write {target}: {reason}") from None


def _regular_file(path: str) -> bool:
    """Whether `path` is itself a regular file: not a device, nor a link to anything
    (/dev/stdout is a link, and removing it would take the link, not what it names)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _single_document(args: argparse.Namespace) -> bool:
    if args.field is not None or len(args.inputs) != 1:
        return False
    name = args.inputs[0]
    return name == "-" or (Path(name).is_file() and not is_jsonl(name))


def _run_clean(args: argparse.Namespace) -> int:
    try:
        fields = parse_fields(args.fields)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    if not args.inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: name files or directories, or pipe text in")
        args.inputs = ["-"]
    if "-" in args.inputs and sys.stdin is None:
        raise UsageError("no input: standard input is closed")
    if args.inputs.count("-") > 1:
        raise UsageError("standard input (-) is named more than once; it can be read only once")
    if "-" in args.inputs and stdin_is_empty():
        raise UsageError("no input: standard input is empty")
    missing = [name for name in args.inputs if name != "-" and not Path(name).exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    single = _single_document(args)
    if args.url is not None and not single:
        raise UsageError(
            "--url is for a single document; give each record its URL with --field and --url-field"
        )
    try:
        record_fields(args)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.glob is not None and not any(
        name != "-" and Path(name).is_dir() for name in args.inputs
    ):
        raise UsageError("--glob picks files from directories, and no INPUT is a directory")
    planned_dir = _output_dir(args.output, single, make=False)
    # A person's text view on a terminal, unless what was asked for is only in JSON.
    text_view = not args.prefix and (
        args.fields is None or all(name in TEXT_VIEW_FIELDS for name in fields)
    )
    fmt = args.format or (
        "text" if single and planned_dir is None and sys.stdout.isatty() and text_view else "jsonl"
    )
    try:
        if args.glob is not None:
            check_glob(args.glob)
        refuse_overwriting_inputs(args, planned_dir, SUFFIXES.get(fmt, ".json"))
    except Refused as error:
        raise UsageError(str(error)) from None
    output_dir = _output_dir(args.output, single)
    if fmt == "json" and not single and output_dir is None:
        raise UsageError("--format json writes one document; use jsonl, or --output DIR")
    if args.fields is not None and fmt in ("markdown", "xml"):
        raise UsageError(
            f"--fields picks what text, json and jsonl output hold; --format {fmt} writes the "
            "whole article"
        )
    unseen = [name for name in fields if name not in TEXT_VIEW_FIELDS]
    if args.fields is not None and fmt == "text" and unseen:
        raise UsageError(
            f"--format text shows no {', '.join(unseen)}; use --format json or jsonl for them"
        )
    if args.prefix and fmt not in ("json", "jsonl"):
        raise UsageError(f"--prefix names fields in json and jsonl output, not in {fmt}")
    cleaner = _cleaner(args)
    source = Source(
        field=args.field,
        url_field=args.url_field,
        id_field=args.id_field,
        glob=args.glob,
        url=args.url,
        max_bytes=cleaner.settings.max_bytes,
    )
    kind = None if args.kind == "auto" else args.kind
    named_streams = any(is_jsonl(name) or name == "-" for name in args.inputs)
    total = (
        None
        if args.field or named_streams
        else sum(1 for _ in expand(args.inputs, args.glob))
    )
    if args.glob is None and not args.quiet:
        for folder, others in passed_over(args.inputs).items():
            counts = ", ".join(f"{suffix} {count}" for suffix, count in others.most_common())
            print(
                f"article-clean: {folder}: passed over {counted(others.total(), 'file')} not "
                f"named as documents ({counts}); --glob picks files by name",
                file=sys.stderr,
            )
    timeout = args.timeout or None
    records = read_records(args.inputs, source)
    writer: Writer | None = None
    try:
        with ExitStack() as stack:
            out = _open_output(args.output, output_dir, stack)
            errors = (
                _open_errors(args.errors, stack) if args.errors else None
            )
            writer = Writer(
                fmt,
                fields,
                out,
                output_dir,
                errors,
                headed=not single,
                id_field=args.id_field,
                prefix=args.prefix,
            )
            progress = None if single else _progress(total, args.quiet, stack)
            for record, result in _cleaned(records, cleaner, args.jobs, kind, timeout):
                writer.write(record, result)
                if progress is not None:
                    progress.update(1)
            writer.finish()
    except BrokenPipeError:
        if writer is not None and writer.failed:  # the reader went away: not "all good"
            _let_stdout_go()
            failed = counted(writer.failed, "record")
            message = f"article-clean: {failed} failed before the output closed"
            with contextlib.suppress(OSError):  # standard error may have shared the pipe
                print(message, file=sys.stderr)
            return EXIT_SOME_FAILED
        raise
    except OSError as error:  # writing the output or the errors (reading never raises)
        whole = writer.whole if writer else 0
        if writer is not None and output_dir is None:
            if args.output in (None, "-"):  # standard output, perhaps a file: cut back too
                _cut_back_stdout(writer.whole_size)
            else:
                _cut_back(args.output, writer.whole_size)
        raise OutputError(
            f"cannot write the output: {error.strerror or error}; stopped there, "
            f"{counted(whole, 'record')} written whole"
        ) from None
    assert writer is not None
    writer.report_rule_failures()
    written = writer.count - writer.failed
    if output_dir is not None and written and not args.quiet:
        # Files written where the terminal shows nothing: say how many, and where.
        files = counted(written, "file")
        print(f"article-clean: {files} written to {output_dir}/", file=sys.stderr)
    if writer.stdin_json:  # a likely mistake, said even with -q (which quiets counts)
        print(
            "article-clean: standard input holds JSON lines and was cleaned as one text; give "
            "--field NAME to clean that field of each record",
            file=sys.stderr,
        )
    if writer.failed:
        of_all = counted(writer.count, "record")
        hint = ""
        if writer.failed == writer.count and args.field is not None and not named_streams:
            hint = " (--field reads every line of the inputs as a JSON record, not as text)"
        print(f"article-clean: {writer.failed} of {of_all} failed{hint}", file=sys.stderr)
        return EXIT_SOME_FAILED
    if writer.count == 0 and any(Path(name).is_dir() for name in args.inputs if name != "-"):
        # Not an error (a pipeline's folder may be empty today), but never silent.
        suffixes = ", ".join(DOCUMENT_SUFFIXES)
        wanted = f"matching {args.glob!r}" if args.glob else f"ending in {suffixes}"
        message = f"no documents found (files {wanted}); nothing written"
        print(f"article-clean: {message}", file=sys.stderr)
    return EXIT_OK


def _cleaned(
    records: Iterator[Record],
    cleaner: Cleaner,
    jobs: int,
    kind: Kind | None,
    timeout: float | None,
) -> Iterator[tuple[Record, Result | None]]:
    """Each record with its result, in input order; records that could not be read get None."""
    order: deque[Record] = deque()

    def readable() -> Iterator[tuple[Any, str | None]]:
        for record in records:
            order.append(record)
            if record.error is None:
                yield record.content, record.url

    cleaned = clean_many(
        readable(), jobs=jobs, cleaner=cleaner, kind=kind, record_timeout=timeout
    )
    for result in cleaned:
        while order[0].error is not None:
            yield order.popleft(), None
        yield order.popleft(), result
    while order:
        yield order.popleft(), None


def _output_dir(output: str | None, single: bool, make: bool = True) -> Path | None:
    """The directory `--output` names: one that exists, a name ending in a slash, or, for
    several documents, a new name without a file suffix (`-o cleaned`); else None (a file).
    `make`: create it (else only say which it is)."""
    if output is None or output == "-":
        return None
    path = Path(output)
    new_folder = not single and not path.exists() and not path.suffix
    if path.is_dir() or output.endswith(("/", "\\")) or new_folder:
        if not make:
            return path
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or error
            raise UsageError(f"cannot make the folder {output}: {reason}") from None
        return path
    return None


def _utf8_stdout() -> None:
    """JSON, XML and Markdown piped on are UTF-8 whatever the locale says (Windows' cp1252 could
    not write a Japanese page's text, and the run stopped half way); a terminal that cannot show
    a character shows a replacement for it."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding in ("utf-8", "utf8") or reconfigure is None:
        return
    if stream.isatty():
        reconfigure(errors="replace")
    else:
        reconfigure(encoding="utf-8")


def _open_output(output: str | None, output_dir: Path | None, stack: ExitStack) -> IO[str]:
    if output is None or output == "-" or output_dir is not None:
        return sys.stdout
    try:
        return stack.enter_context(open(output, "w", encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None


def _cut_back(path: str, size: int | None) -> None:
    """The output file cut back to its records written whole: no record cut off at its end."""
    if size is None or not Path(path).is_file():
        return
    with contextlib.suppress(OSError):
        os.truncate(path, size)


def _cut_back_stdout(size: int | None) -> None:
    """Standard output cut back to its records written whole where it is a file; and what
    its buffer still holds let go, so that Python's flush at exit fails no second time."""
    if size is not None:  # a size is kept only where the output is a regular file
        with contextlib.suppress(OSError, ValueError):
            os.ftruncate(sys.stdout.fileno(), size)
    _let_stdout_go()


def _let_stdout_go() -> None:
    """Standard output's reader went away: what is left in its buffer goes nowhere, quietly
    (Python would say so at exit)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _open_errors(path: str, stack: ExitStack) -> IO[str]:
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def _progress(total: int | None, quiet: bool, stack: ExitStack) -> Any:
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return stack.enter_context(tqdm(total=total, unit="doc", file=sys.stderr, leave=False))


if __name__ == "__main__":
    raise SystemExit(main())
