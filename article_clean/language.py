"""The article's language: what the page declares, unless its own text plainly says otherwise.

Pages often declare the language of their template, not of their story (a German story on a
site whose theme says `lang="en"`), and plain text declares nothing. The story's text is
identified with py3langid (the identifier trafilatura uses), and a declaration is overruled only
when the identification is sure and gives the declared language almost no chance.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .model import LanguageSource as Source

SAMPLE_CHARS = 300  # of the body: enough for a sure answer, little time
GLANCE_CHARS = 150  # enough to confirm a declared language
LEAST_CHARS = 60  # under this much text, identification is a guess
SURE = 0.95  # probability of the identified language needed to overrule a declaration
DECLARED_CHANCE = 0.01  # a declared language with at least this probability is kept
ENOUGH = 0.6  # probability needed to name a language where none is declared
# Codes the identifier gives for what is one language to a reader, mapped to one code.
_SAME = {"nb": "no", "nn": "no", "zxx": ""}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The identifier's model, loaded once per process (it takes most of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise(code: str | None) -> str | None:
    """`en-US` -> `en`: the primary subtag, lower case; None for an empty declaration."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if not (primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3):
        return None
    return _SAME.get(primary, primary) or None


def _chances(text: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for code, probability in _identifier().rank(text):
        code = _SAME.get(code, code)
        found[code] = found.get(code, 0.0) + float(probability)
    return found


def choose(declared: str | None, text: str) -> tuple[str | None, Source | None]:
    """The article's language and where it comes from, given the page's declaration."""
    declared = normalise(declared)
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < LEAST_CHARS:
        return (declared, "declared") if declared else (None, None)
    if declared:
        # Most pages declare their story's language: a shorter sample confirms it, and only
        # one that seems to contradict it is looked at whole.
        glance = _chances(text[:GLANCE_CHARS])
        if max(glance, key=glance.__getitem__) == declared:
            return declared, "declared"
    found = _chances(sample)
    best, chance = max(found.items(), key=lambda item: item[1])
    if declared:
        if best and best != declared and chance >= SURE and found.get(declared, 0) < DECLARED_CHANCE:
            return best, "detected"
        return declared, "declared"
    if best and chance >= ENOUGH:
        return best, "detected"
    return None, None
