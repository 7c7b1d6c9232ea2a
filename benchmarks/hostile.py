"""Hostile and huge input: how long each case takes and how much memory, with the default limits.

    python benchmarks/hostile.py [PART OF A CASE'S NAME...]

Each case runs in a fresh process, so its peak memory (max RSS) is its own. A case ends with an
Article or with a typed error (InputTooLarge, TimeBudgetExceeded, DecodeError): never a hang, a
crash or an out-of-memory. The baseline row is the interpreter with article_clean imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PAGE = "'<html><body><article><h1>A headline</h1><p>' + 'A sentence of the story. ' * 20 + '</p>'"
_END = "'</article></body></html>'"
CASES = {
    "baseline (import only)": "''",
    "50 MB text": "('A sentence of a story that goes on and on. ' * 1_200_000).encode()",
    "50 MB HTML": "('<p>' + 'A sentence of a story that goes on. ' * 1_400_000 + '</p>').encode()",
    "100,000 nested <div>": "'<html><body>' + '<div>' * 100_000 + '<p>Deep text.</p>' + "
    "'</div>' * 100_000",
    "1,000,000 <br>": "'<html><body><p>' + 'line<br>' * 1_000_000 + '</p></body></html>'",
    "10 MB single line": "'word ' * 2_000_000",
    "1,000,000 short lines": "'line number\\n' * 1_000_000",
    "5 MB random bytes": "__import__('os').urandom(5_000_000)",
    "a run of 1,000,000 dots, then a letter": "'e' + '.' * 1_000_000 + 'x'",
    "a first line of 300,000 parts": "' | '.join(['Menu item'] * 300_000) + '\\n\\nA story.'",
    "45,000 unclosed <html, no >": "'<x' + '<html ' * 45_000",
    "10,000 <b> in one <p>": f"{_PAGE} + '<p>' + '<b>x</b> ' * 10_000 + '</p>' + {_END}",
    "900,000 <b> in 8 MB": f"{_PAGE} + '<p>' + '<b>x</b> ' * 900_000 + '</p>' + {_END}",
    "200,000 links": f"{_PAGE} + '<ul>' + ''.join(f'<li><a href=\"/p{{n}}\">Link {{n}}</a></li>' "
    f"for n in range(200_000)) + '</ul>' + {_END}",
    "99,000 paragraphs": f"{_PAGE} + ''.join(f'<p>Paragraph {{n}} of the page.</p>' "
    f"for n in range(99_000)) + {_END}",
    "10 MB paragraph, then more": f"{_PAGE} + '<p>' + 'word ' * 2_000_100 + '</p>"
    f"<p>The end.</p>' + {_END}",
    "charset=hex, cp1252 bytes": "('<html><head><meta charset=\"hex\"></head><body><p>' + "
    "'caf\\xe9 ' * 50 + '</p></body></html>').encode('latin-1')",
    "charset=unicode_escape": "('<html><head><meta charset=\"unicode_escape\"></head><body>"
    "<p>' + 'caf\\xe9 C:\\\\new ' * 50 + '</p></body></html>').encode('latin-1')",
    "pattern ((a{1000}){1000}){1000}": "('PATTERN', '((a{1000}){1000}){1000}')",
    "one 200 MB JSONL line, then one": "('JSONL', 200)",
}

RUNNER = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from article_clean import Cleaner
data = {expression}
start = time.perf_counter()
try:
    if data == '':
        outcome = 'n/a'
    elif data[0] == 'JSONL':  # a file of one huge line and a good one, read as the CLI reads
        import tempfile
        from article_clean.inputs import Source, read_records
        with tempfile.NamedTemporaryFile(suffix='.jsonl') as handle:
            handle.write(b'{{"text": "')
            for _ in range(data[1]):
                handle.write(b'x' * 1_048_576)
            handle.write(b'"}}\\n{{"text": "A story."}}\\n')
            handle.flush()
            start = time.perf_counter()
            source = Source(max_bytes=Cleaner().settings.max_bytes)
            records = list(read_records([handle.name], source))
        outcome = ", ".join(r.error[0] if r.error else "read" for r in records)
    elif isinstance(data, tuple):  # a rule file's pattern, compiled
        from article_clean import PatternRule
        PatternRule('USER001', 'noise', data[1])
        outcome = 'compiled'
    else:
        article = Cleaner().clean(data)
        outcome = f"Article, {{len(article.segments)}} segments" + (
            f", {{len(article.failures)}} rule timeouts" if article.failures else "")
        if article.warnings:
            outcome += "; warning: " + " / ".join(w[:70] for w in article.warnings)
except Exception as error:
    outcome = f"{{type(error).__name__}}: {{str(error)[:70]}}"
seconds = time.perf_counter() - start
print(json.dumps({{"outcome": outcome, "seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> int:
    print(f"{'case':32} {'seconds':>8} {'peak MB':>8}  outcome")
    only = sys.argv[1:]  # substrings of the case names to run; all by default
    for name, expression in CASES.items():
        if only and not any(part in name for part in only):
            continue
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", RUNNER.format(root=str(ROOT), expression=expression)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            print(
                f"{name:32} {time.perf_counter() - started:8.2f} {'-':>8}  "
                f"crashed: {done.stderr[-200:]}"
            )
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{name:32} {result['seconds']:8.2f} {result['peak_mb']:8.0f}  {result['outcome']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
