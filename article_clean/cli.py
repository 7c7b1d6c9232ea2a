"""The `article-clean` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cleaner import Cleaner
from .errors import ArticleCleanError
from .model import Article

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def format_text(article: Article) -> str:
    """A person's view: the fields, then every removed piece with the rule that removed it."""
    lines = []
    for name in ("headline", "byline", "caption"):
        value = getattr(article, name)
        if value:
            lines.append(f"{name}: {value}")
    lines.extend(["", article.body, ""])
    removed = [s for s in article.removed if s.text.strip()]
    if removed:
        lines.append(f"--- removed ({len(removed)}) ---")
        for segment in removed:
            flat = " ".join(segment.text.split())
            lines.append(f"[{segment.rule or '-'} {segment.label.value}] {flat}")
    for failure in article.failures:
        lines.append(f"! rule {failure.rule} failed: {failure.error}")
    return "\n".join(lines).rstrip() + "\n"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-clean",
        description="Strip the boilerplate out of scraped news articles.",
    )
    parser.add_argument("--version", action="version", version=f"article-clean {__version__}")
    parser.add_argument("inputs", nargs="+", help="article files")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--url", help="the article's URL (enables site rules)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    cleaner = Cleaner()
    status = EXIT_OK
    for name in args.inputs:
        try:
            text = Path(name).read_text(encoding="utf-8")
            article = cleaner.clean(text, url=args.url)
        except (OSError, UnicodeDecodeError, ArticleCleanError) as error:
            print(f"article-clean: {name}: {error}", file=sys.stderr)
            status = EXIT_SOME_FAILED
            continue
        if args.format == "json":
            print(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            sys.stdout.write(format_text(article))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
