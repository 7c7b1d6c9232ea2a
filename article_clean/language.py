"""The article's language: what the page declares, unless its own text plainly says otherwise.

Pages often declare the language of their template, not of their story (a German story on a
site whose theme says `lang="en"`), and plain text declares nothing. The story's text is
identified with py3langid (the identifier trafilatura uses), and a declaration is overruled only
when the identification is sure and gives the declared language almost no chance. Declarations
are read with langcodes, which knows the registry of language tags: "eng" and "en-US" are "en",
"iw" is "he", and a code of no language ("english", "qq", "zxx") declares none.
"""

from __future__ import annotations

import re
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
# Codes the identifier gives for what is one language to a reader, mapped to one code; and
# the registry's "fil", into which it folds "tl", named as the identifier names it.
_SAME = {"nb": "no", "nn": "no", "fil": "tl"}
# Valid codes that name no one language: undetermined, no linguistic content, several, uncoded.
_NO_LANGUAGE = frozenset({"und", "zxx", "mul", "mis"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The identifier's model, loaded once per process (it takes most of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The subtags that say which language: a language of two or three letters, up to three
# extended ones, a script, a region ("zh-yue", "sr-Latn-RS"); or a grandfathered tag
# ("i-klingon", "sgn-BE-FR"). Anything longer is read by its first subtag alone.
_LANGUAGE_SUBTAGS = re.compile(
    r"[a-z]{2,3}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"|i-[a-z]{2,8}|[a-z]{3}-[a-z]{2}-[a-z]{2}|art-lojban",
    re.ASCII,
)
_SUBTAGS_READ = 20  # characters: what _LANGUAGE_SUBTAGS matches at most, and then some


def normalise(code: str | None) -> str | None:
    """A declaration's language as the shortest code of the registry: ISO 639-1 where the
    language has one ("eng", "en-US", "EN" give "en"; "iw" gives "he"; "zh-yue" gives "yue"),
    else its three letters ("haw"); None for a declaration that names no language ("english",
    "qq", "zxx", "x-klingon"). Of a list of languages, the first; a tag the registry refuses
    is read by its first subtag, so that a common slip ("en-EN") still declares its language."""
    tag = (code or "").split(",")[0].strip().replace("_", "-").lower()
    parts: list[str] = []
    for part in tag.split("-", 8)[:8]:
        if len(part) == 1 and parts:  # an extension ("-u-ca-gregory") or private use: not read
            break
        parts.append(part)
    head = "-".join(parts)
    if len(head) <= _SUBTAGS_READ and _LANGUAGE_SUBTAGS.fullmatch(head):
        found = _registered(head)
        if found is not None:
            return found
    primary = parts[0] if parts else ""
    return _registered(primary) if 2 <= len(primary) <= 3 and primary.isalpha() else None


@lru_cache(maxsize=1024)  # keys of at most _SUBTAGS_READ characters: a bounded cache
def _registered(tag: str) -> str | None:
    """The language of a tag the registry knows, by its shortest code; None for one it does
    not, or one that names no language."""
    try:
        if not langcodes.tag_is_valid(tag):
            return None
        code = langcodes.Language.get(langcodes.standardize_tag(tag, macro=True)).language
    except (LanguageTagError, ValueError):
        return None
    if not code or not code.isalpha() or code in _NO_LANGUAGE:
        return None
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
