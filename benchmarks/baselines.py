"""The reference points measured beside article_clean on text input.

The C4 line filter (Raffel et al., 2020) as the benchmark data's README describes it: keep a line
that ends in terminal punctuation, has at least 5 words, and mentions neither "javascript" nor a
policy phrase. "Everything as body" is the floor: what recall costs when nothing is removed.
"""

from __future__ import annotations

_TERMINAL = (".", "!", "?", '"', "”", "'", "’")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")


def c4_line_filter(text: str) -> str:
    kept = []
    for line in text.splitlines():
        line = line.strip()
        lowered = line.lower()
        if not line.endswith(_TERMINAL) or len(line.split()) < 5:
            continue
        if "javascript" in lowered or any(phrase in lowered for phrase in _POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def everything_as_body(text: str) -> str:
    return text
