"""Coverage-guided fuzzing of clean() with atheris: any bytes, as text and as HTML.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_clean.py -max_total_time=60          # a bounded run
    python fuzz/fuzz_clean.py -runs=100000 fuzz/corpus    # with a corpus folder

A finding is any exception that is not one of article_clean's typed errors, or a broken promise:
segments that do not give the text back, or a body that changes when cleaned again.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from article_clean import ArticleCleanError, Cleaner

CLEANER = Cleaner(time_budget=5.0)


def check(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, 2)
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    try:
        if choice == 0:
            text = payload.decode("utf-8", "replace")
            article = CLEANER.clean(text, kind="text")
            assert "".join(s.text for s in article.segments) == text, "segments lost text"
            assert CLEANER.clean(article.body, kind="text").body == article.body, "not idempotent"
        else:
            article = CLEANER.clean(payload, kind="html" if choice == 1 else None)
            assert "".join(s.text for s in article.segments) == article.text
    except ArticleCleanError:
        pass  # a typed error is a correct answer to hostile input


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
