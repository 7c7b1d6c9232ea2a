"""How cleaned records are written: a person's text view, JSON, JSONL, chosen fields."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from .model import ARTICLE_FIELDS, Article

# Fields an output record may carry; `segments` only when asked for (it repeats the whole text).
FIELDS = tuple(field.name for field in ARTICLE_FIELDS)
DEFAULT_FIELDS = tuple(f for f in FIELDS if f != "segments")


def counted(number: int, noun: str) -> str:
    """A count as the command's messages write it: "1 record", "17 records"."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def parse_fields(spec: str | None) -> tuple[str, ...]:
    """`"headline,body"` as a tuple; ValueError naming the unknown ones."""
    if spec is None:
        return DEFAULT_FIELDS
    names = tuple(name.strip() for name in spec.split(",") if name.strip())
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        problem = f"unknown field(s): {', '.join(unknown)}" if unknown else "no field given"
        raise ValueError(f"{problem}; choose from {', '.join(FIELDS)}")
    return names


def article_fields(article: Article, fields: Sequence[str], prefix: str = "") -> dict[str, Any]:
    data = article.to_dict(segments="segments" in fields)
    return {prefix + name: data[name] for name in fields}


# What the text view shows of `fields`: the "name: value" lines, the body and trailer, the removed
# pieces, warnings and failures (see as_text). The rest is for json and jsonl.
TEXT_VIEW_FIELDS = frozenset(
    [f.name for f in ARTICLE_FIELDS if f.text_line]
    + ["body", "paragraphs", "trailer", "removed", "warnings", "failures"]
)


_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters a terminal acts on (an escape sequence clears it, sets its title), but a
# line break and a tab; in a message of one line, those too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """A person's view of untrusted text: its control characters written as escapes ("\\x1b"),
    so that a page's escape sequences do not act on the terminal or the log that shows it."""
    return _CONTROL.sub(_escaped, text)


def one_line(text: str) -> str:
    """A name in a message of one line (a record's id, a file's name): its line breaks, tabs and
    control characters written as escapes, so that it cannot split the message or forge one."""
    return _CONTROL_OR_BREAK.sub(_escaped, text)


def escape_surrogates(text: str) -> str:
    """`text` with each lone surrogate (a JSON record's `"\\ud800"`) written as its escape: it
    has no UTF-8 form, and as an escape a JSON reader gets it back."""
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def as_json_line(record: dict[str, Any], indent: int | None = None) -> str:
    """Valid JSON in UTF-8 for any record: ValueError on NaN or infinity, which JSON lacks."""
    return escape_surrogates(
        json.dumps(record, ensure_ascii=False, allow_nan=False, indent=indent)
    )


def as_text(article: Article, fields: Sequence[str] = DEFAULT_FIELDS) -> str:
    """A person's view: the fields, the body, then every removed piece with its rule."""
    lines = []
    for field in ARTICLE_FIELDS:
        value = getattr(article, field.name)
        if field.text_line and value and field.name in fields:
            lines.append(f"{field.name}: {value}")
    if "body" in fields or "paragraphs" in fields:
        lines.extend(["", article.body, ""])
    if "trailer" in fields and article.trailer and "removed" not in fields:
        lines.extend(["--- trailer ---", article.trailer, ""])
    removed = [s for s in article.removed if s.text.strip()]
    if removed and "removed" in fields:
        # Noise and trailer only: headline, byline and captions leave the body for their fields.
        lines.append(f"--- removed as noise or trailer ({len(removed)}) ---")
        for segment in removed:
            flat = " ".join(segment.text.split())
            lines.append(f"[{segment.rule or '-'} {segment.label.value}] {flat}")
    if "warnings" in fields:
        lines.extend(f"! {warning}" for warning in article.warnings)
    if "failures" in fields:
        lines.extend(f"! rule {f.rule} failed: {f.error}" for f in article.failures)
    return "\n".join(lines).strip("\n") + "\n"
