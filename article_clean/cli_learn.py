"""`article-clean learn INPUT... -o rules/`: one rule file per site, learned from its pages.

Records stream through (files, directories, JSONL, standard input, as for cleaning; `--jobs`
cleans them in worker processes, a bounded number in flight); only the per-site line counts stay
in memory (`article_clean.learn`). A record that
cannot be read or cleaned is reported on standard error and the rest go on.
"""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from .batch import Result, clean_many
from .cleaner import DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET, Cleaner
from .cli_writer import named
from .errors import InputError
from .inputs import (
    Record,
    Source,
    byte_count,
    command_parser,
    looks_like_json_lines,
    path_name,
    read_records,
    record_fields,
    seconds,
    stdin_is_empty,
)
from .learn import (
    DEFAULT_MIN_PAGES,
    DEFAULT_MIN_SHARE,
    LearnedRule,
    Learner,
    check_site,
)
from .learnfile import file_name, replaced_files, write_rule_files
from .output import counted, one_line
from .rules import RuleSet


def parser() -> argparse.ArgumentParser:
    parser = command_parser(
        prog="article-clean learn",
        description="Learn each site's rules from the lines its pages repeat, and write them "
        "as one TOML rule file per site (OUTPUT/<domain>.toml) to review and pass to --rules.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, directories (searched recursively) or - for standard input (the default "
        "when text is piped in)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=path_name,
        required=True,
        metavar="DIR",
        help="the folder for the rule files",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary of the rules learned"
    )
    parser.add_argument(
        "--min-pages",
        type=int,
        default=DEFAULT_MIN_PAGES,
        help=f"pages a line must be on, 2 or more (default: {DEFAULT_MIN_PAGES})",
    )
    parser.add_argument(
        "--min-share",
        type=float,
        default=DEFAULT_MIN_SHARE,
        help=f"share of its site's pages a line must be on (default: {DEFAULT_MIN_SHARE})",
    )
    parser.add_argument(
        "--site",
        metavar="DOMAIN",
        help="put every page under this site (default: the registered domain of its URL, or "
        "of an HTML page's canonical link)",
    )
    parser.add_argument(
        "--kind", choices=["auto", "text", "html"], default="auto", help="how to read each page"
    )
    parser.add_argument("--glob", help="which files to take from directories")
    parser.add_argument(
        "--max-bytes",
        type=byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"pass over a page longer than this (default: {DEFAULT_MAX_BYTES}; 0: no limit)",
    )
    parser.add_argument(
        "--time-budget",
        type=seconds,
        default=DEFAULT_TIME_BUDGET,
        metavar="SECONDS",
        help=f"pass over a page that takes longer to clean (default: {DEFAULT_TIME_BUDGET:g}; "
        "0: no limit)",
    )
    parser.add_argument(
        "--field", help="read JSONL records, learning from this field (default: text)"
    )
    parser.add_argument("--url-field", help="the JSONL field holding the URL (default: url)")
    parser.add_argument("--id-field", help="the JSONL field naming a record (default: id)")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes that clean (0: one per CPU)"
    )
    return parser


def run(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    """Learn and write; 0 when every record was used, 1 when some failed (each reported)."""
    # Said in the options' names (argparse has typed them), not check_thresholds' arguments'.
    if args.min_pages < 2:
        raise usage_error("--min-pages must be 2 or more: a line on one page is no repetition")
    if not 0 < args.min_share <= 1:
        raise usage_error(f"--min-share must be in (0, 1], got {args.min_share!r}")
    if args.site is not None:
        try:
            check_site(args.site)
        except ValueError as error:
            raise usage_error(f"--site: {error}") from None
    if args.jobs < 0:
        raise usage_error("--jobs must be 0 (one per CPU) or more")
    if not args.inputs:  # as the clean command: text piped in is read, a terminal is not
        if sys.stdin is None or sys.stdin.isatty():
            raise usage_error("no input: name files or directories, or pipe text in")
        args.inputs = ["-"]
    if "-" in args.inputs and stdin_is_empty():
        raise usage_error("no input: standard input is empty")
    missing = [name for name in args.inputs if name != "-" and not Path(name).exists()]
    if missing:
        raise usage_error(f"no such file or directory: {', '.join(missing)}")
    try:
        record_fields(args)
    except ValueError as error:
        raise usage_error(str(error)) from None
    if Path(args.output).exists() and not Path(args.output).is_dir():  # before the pages are read
        raise usage_error(
            f"--output {args.output} is a file; learn writes one rule file per site into a folder"
        )
    fixed = args.site
    limit = args.max_bytes or None
    learner = Learner(
        site=(lambda url: fixed) if fixed else None,
        cleaner=Cleaner(
            detect_language=False, max_bytes=limit, time_budget=args.time_budget or None
        ),
        kind=None if args.kind == "auto" else args.kind,
    )
    source = Source(
        field=args.field,
        url_field=args.url_field,
        id_field=args.id_field,
        glob=args.glob,
        max_bytes=limit,
    )
    failed = 0
    stdin_json = False  # standard input read as one page, though it held records
    for record, result in _cleaned(read_records(args.inputs, source), learner, args.jobs):
        if record.id == "-" and not record.where and looks_like_json_lines(record.content):
            stdin_json = True
        why = _counted(learner, record, result)
        if why is not None:
            failed += 1
            print(f"article-clean: {named(record)}: {why[0]}: {one_line(why[1])}", file=sys.stderr)
    learned = learner.rule_sets(min_pages=args.min_pages, min_share=args.min_share)
    replaced = replaced_files(learned, args.output)
    try:
        write_rule_files(learned, args.output)
    except OSError as error:
        raise usage_error(f"cannot write {args.output}: {error.strerror or error}") from None
    if not args.quiet:
        sys.stdout.write(summary(learner, learned, args.output))
    for line in replacements(replaced):
        print(f"article-clean: {line}", file=sys.stderr)
    if stdin_json:  # a likely mistake, said as the clean command says it
        print(
            "article-clean: standard input holds JSON lines and was read as one page; give "
            "--field NAME (and --url-field NAME) to learn from each record",
            file=sys.stderr,
        )
    if failed:
        print(f"article-clean: {counted(failed, 'record')} could not be used", file=sys.stderr)
        return 1
    return 0


def _counted(learner: Learner, record: Record, result: Result | None) -> tuple[str, str] | None:
    """Count a cleaned record's page; else why the record could not be used (kind, message):
    unread, not cleaned, or a URL that names no site (a bad record, as the others are)."""
    if result is not None and result.article is not None:
        try:
            learner.add_article(result.article, record.url)
        except InputError as error:
            return type(error).__name__, str(error)
        return None
    if result is not None and result.error is not None:
        return result.error.kind, result.error.message
    return record.error or ("Error", "no result")


def replacements(replaced: list[tuple[Path, int | None, int]]) -> list[str]:
    """What learning again replaced: a reviewer's deletions come back, so each file is named."""
    lines = [
        f"replaced {path} ({'unreadable' if before is None else counted(before, 'rule')} "
        f"before, {counted(after, 'rule')} now)"
        for path, before, after in replaced
    ]
    if lines:
        lines.append("review the replaced files again: rules deleted in review are learned again")
    return lines


def _cleaned(
    records: Iterator[Record], learner: Learner, jobs: int
) -> Iterator[tuple[Record, Result | None]]:
    """Each record with its result, in input order (`clean_many`: bounded, in parallel with
    `jobs`); a record that could not be read gets None."""
    order: deque[Record] = deque()

    def readable() -> Iterator[tuple[str | bytes, str | None]]:
        for record in records:
            order.append(record)
            if record.error is None and record.content is not None:
                yield record.content, record.url

    for result in clean_many(readable(), jobs=jobs, cleaner=learner.cleaner, kind=learner.kind):
        while order[0].error is not None or order[0].content is None:
            yield order.popleft(), None
        yield order.popleft(), result
    while order:
        yield order.popleft(), None


def summary(learner: Learner, learned: dict[str, RuleSet], output: str) -> str:
    """A table of the sites that taught rules: pages, rules, and the page lines they cover."""
    lines = _table(learner, learned, output) if learned else ["no site got rules"]
    others = len(learner.sites) - len(learned)
    lines.append(
        f"{counted(learner.pages, 'page')} read, {counted(len(learner.sites), 'site')}: "
        f"{len(learned)} with rules, {others} without"
        + (_NO_RULES_WHY if others else "")
        + f"; {counted(learner.without_site, 'page')} without a site"
        + (_NO_SITE_HINT if learner.without_site else "")
    )
    return "\n".join(lines) + "\n"


# A line repeated on every page may still teach nothing: kept as the story's text on some pages,
# it needs most of a site's pages and more of them (the learned file's evidence says which).
_NO_RULES_WHY = (
    " (no line repeated, outside the stories, on enough of their pages: --min-pages and "
    "--min-share set how many)"
)
# Pages without a URL (text files, JSONL without the URL field) are all left out: say how not to.
_NO_SITE_HINT = (
    " (no URL: --site DOMAIN puts every page under one site; --url-field names the JSONL field "
    "holding the URL)"
)


def _table(learner: Learner, learned: dict[str, RuleSet], output: str) -> list[str]:
    """The summary's table: a row per site with rules."""
    rows = [("site", "pages", "rules", "lines covered", "file")]
    for site, rule_set in learned.items():
        covered = sum(r.evidence.pages for r in rule_set.rules if isinstance(r, LearnedRule))
        rows.append(
            (
                site,
                str(learner.sites[site].pages),
                str(len(rule_set)),
                str(covered),
                str(Path(output) / file_name(site)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) if i in (0, 4) else cell.rjust(w) for i, (cell, w) in
                  enumerate(zip(row, widths))).rstrip()
        for row in rows
    ]
