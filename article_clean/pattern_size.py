"""How big a pattern grows when it is compiled, told from its text before it is compiled.

The regex module compiles a counted repeat by copying what it repeats as often as the repeat's
least count says: `(?:(?:a{1000}){1000}){10}` becomes ten million copies, 2.9 GB and 10 s of
compiling before any text is searched, and one more level takes all the memory there is. What
the compiler will copy is the product of the least counts of nested repeats, summed over the
pattern, which a scan of the pattern's text finds in linear time. `check_size` refuses a
pattern past `MAX_UNITS` (about 40 MB and a tenth of a second of compiling), so a rule file
cannot exhaust a worker with one line. Upper bounds cost nothing (`a{0,1000}` is one copy and a
counter), and are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import RuleConfigError

#: Copies of pattern items a compiled pattern may hold (`a{100000}`): ~40 MB, ~0.1 s.
MAX_UNITS = 100_000
#: Copies the patterns of one rule file may hold together (~200 MB): each pattern under
#: `MAX_UNITS`, three hundred of them took 4.4 GB a process.
MAX_FILE_UNITS = 500_000

_COUNT = re.compile(r"\{\s*(\d*)\s*(,\s*\d*\s*)?\}")
_BRACED_ESCAPES = "pPNxugLk"  # escapes that may take a {...} or <...> argument


def expanded_size(pattern: str) -> int:
    """The number of items the compiled pattern holds, counting each repeat's least count.

    Conservative where the syntax is exotic: a `{n}` the scan cannot place is counted.
    """
    stack: list[int] = [0]  # the running size of each open group
    last = 0  # the size of the item a following quantifier repeats
    i, end = 0, len(pattern)
    while i < end:
        char = pattern[i]
        if char == "\\":
            i += 2
            if i - 1 < end and pattern[i - 1] in _BRACED_ESCAPES and i < end and pattern[i] in "{<":
                close = pattern.find("}" if pattern[i] == "{" else ">", i)
                i = end if close < 0 else close + 1
            last = 1
            stack[-1] += 1
            continue
        if char == "[":
            i = _class_end(pattern, i)
            last = 1
            stack[-1] += 1
            continue
        if char == "(":
            stack.append(0)
            i += 1
            continue
        if char == ")":
            inner = stack.pop() if len(stack) > 1 else 0
            last = max(inner, 1)
            stack[-1] += last
            i += 1
            continue
        if char == "{":
            found = _COUNT.match(pattern, i)
            if found:
                least = int(found.group(1) or 0)
                stack[-1] += last * (max(least, 1) - 1)
                last *= max(least, 1)
                i = found.end()
                continue
        last = 1
        stack[-1] += 1
        i += 1
    return sum(stack)


def _class_end(pattern: str, start: int) -> int:
    """The index after the character class opening at `start` (nested sets counted)."""
    i, depth = start + 1, 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and depth:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[" and pattern.startswith("[:", i):
            close = pattern.find(":]", i + 2)
            i = i + 1 if close < 0 else close + 2
            continue
        depth += char == "["
        depth -= char == "]"
        i += 1
    return i


def check_size(pattern: str, rule_id: str) -> None:
    """RuleConfigError when compiling `pattern` would take more than `MAX_UNITS` copies."""
    size = expanded_size(pattern)
    if size > MAX_UNITS:
        raise RuleConfigError(
            f"rule {rule_id}: pattern too large once its counted repeats are expanded "
            f"({size:,} items, over {MAX_UNITS:,}); use an upper bound ({{0,n}}) or fewer nested "
            "counts"
        )


def check_file_size(patterns: Iterable[tuple[str, str]], where: str) -> None:
    """RuleConfigError when one of a rule file's patterns (rule id, pattern) would be too large
    (`check_size`, naming its rule), or all of them together would hold more than
    `MAX_FILE_UNITS` copies: checked before any of them is compiled."""
    total = 0
    for rule_id, pattern in patterns:
        try:
            check_size(pattern, rule_id)
        except RuleConfigError as error:
            raise RuleConfigError(f"{where}: {error}") from None
        total += expanded_size(pattern)
        if total > MAX_FILE_UNITS:
            raise RuleConfigError(
                f"{where}: the file's patterns are too large together once their counted repeats "
                f"are expanded (over {MAX_FILE_UNITS:,} items); use upper bounds ({{0,n}}) or "
                "fewer counted repeats"
            )
