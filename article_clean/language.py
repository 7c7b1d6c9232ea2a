"""The article's language: what the page declares, unless its own text plainly says otherwise.

Pages often declare the language of their template, not of their story (a German story on a
site whose theme says `lang="en"`), and plain text declares nothing. The story's text is
identified with py3langid (the identifier trafilatura uses), and a declaration is overruled only
when the identification is sure and gives the declared language almost no chance. Declarations
are read with langcodes, which knows the registry of language tags: "eng" and "en-US" are "en",
"iw" is "he", and a code of no language ("english", "qq", "zxx") declares none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import langcodes
from langcodes.tag_parser import LanguageTagError

from .model import LanguageSource as Source

SAMPLE_CHARS = 300  # of the body: enough for a sure answer, little time
GLANCE_CHARS = 150  # enough to confirm a declared language
LEAST_CHARS = 60  # under this much text, identification is a guess
SURE = 0.95  # probability of the identified language needed to overrule a declaration
DECLARED_CHANCE = 0.01  # a declared language with at least this probability is kept
ENOUGH = 0.6  # probability needed to name a language where none is declared
# Codes the identifier gives for what is one language to a reader, mapped to one code.
_SAME = {"nb": "no", "nn": "no"}
# Valid codes that name no one language: undetermined, no linguistic content, several, uncoded.
_NO_LANGUAGE = frozenset({"und", "zxx", "mul", "mis"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The identifier's model, loaded once per process (it takes most of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


LONGEST_TAG = 35  # characters of a language tag with all its subtags; a longer one is junk


def normalise(code: str | None) -> str | None:
    """A declaration's language as the shortest code of the registry: ISO 639-1 where the
    language has one ("eng", "en-US", "EN" give "en"; "iw" gives "he"), else its three letters
    ("haw"); None for a declaration that names no language ("english", "qq", "zxx",
    "x-klingon"). Of a list of languages, the first; a tag's other subtags are not read, so that
    a common slip ("en-EN") still declares its language."""
    tag = (code or "").split(",")[0].strip().replace("_", "-")
    if not tag or len(tag) > LONGEST_TAG:
        return None
    return _primary(tag.split("-")[0].lower())


@lru_cache(maxsize=1024)
def _primary(subtag: str) -> str | None:
    if not (subtag.isascii() and subtag.isalpha() and 2 <= len(subtag) <= 3):
        return None  # private use ("x"), a word ("english")
    try:
        if not langcodes.tag_is_valid(subtag):
            return None
        standard = langcodes.Language.get(langcodes.standardize_tag(subtag, macro=True)).language
    except (LanguageTagError, ValueError):
        return None
    if not standard or standard in _NO_LANGUAGE:
        return None
    # Two letters where the registry gives them ("eng" is "en", "iw" is "he"); a code of two
    # letters the registry folds into a wider one ("tl" into "fil") stays as the identifier
    # names it.
    code = standard if len(standard) == 2 or len(subtag) == 3 else subtag
    return _SAME.get(code, code)


def _chances(text: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for code, probability in _identifier().rank(text):
        code = "" if code in _NO_LANGUAGE else _SAME.get(code, code)
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
