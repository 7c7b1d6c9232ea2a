"""The article's language: declared by the page, unless its text plainly says otherwise."""

from __future__ import annotations

import pytest

from article_clean import Cleaner, clean
from article_clean.language import choose, normalise

_GERMAN = (
    "Die Bundesregierung hat am Dienstag beschlossen, die Steuern für Familien mit Kindern "
    "im kommenden Jahr deutlich zu senken. Der Finanzminister sprach von einem wichtigen Signal."
)
_ENGLISH = (
    "The government decided on Tuesday to cut taxes for families with children next year. "
    "The finance minister called it an important signal to the country's households."
)


def _page(lang: str, story: str) -> str:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in story.split(". ") * 2)
    return (
        f"<html lang='{lang}'><head><title>News</title></head><body><article>"
        f"<h1>Today's news</h1>{paragraphs}</article></body></html>"
    )


def test_a_declaration_the_text_contradicts_is_overruled() -> None:
    article = clean(_page("en", _GERMAN))
    assert (article.language, article.language_source) == ("de", "detected")


def test_a_declaration_the_text_agrees_with_is_kept_with_its_region_dropped() -> None:
    article = clean(_page("en-GB", _ENGLISH))
    assert (article.language, article.language_source) == ("en", "declared")


def test_plain_text_gets_the_language_of_its_story() -> None:
    article = clean(f"Steuern sinken\n\n{_GERMAN}\n\n{_GERMAN}")
    assert (article.language, article.language_source) == ("de", "detected")


def test_a_close_language_does_not_overrule_the_declaration() -> None:
    norwegian = "Regjeringen har bestemt at skatten skal senkes for familier med barn fra neste år."
    assert choose("no", norwegian) == ("no", "declared")
    assert choose("nb-NO", norwegian) == ("no", "declared")


def test_too_little_text_is_not_identified() -> None:
    assert choose(None, "Hello") == (None, None)
    assert choose("fr", "OK") == ("fr", "declared")


def test_declarations_are_read_as_their_primary_subtag() -> None:
    assert normalise("EN-us") == "en"
    assert normalise("pt_BR") == "pt"
    assert normalise("") is None
    assert normalise("x-1") is None


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("eng", "en"),  # ISO 639-2: the language's two letters where it has them
        ("fra", "fr"),
        ("iw", "he"),  # a withdrawn code, as the registry replaces it
        ("cmn", "zh"),  # a macrolanguage's member, as the identifier names it
        ("nob", "no"),
        ("haw", "haw"),  # no two-letter code: its three letters
        ("de, en", "de"),  # Content-Language's list: its first
        ("xyz", None),  # well formed, but no language's
        ("qq", None),
        ("zxx", None),  # no linguistic content
        ("und", None),
        ("x-klingon", None),  # private use
        ("tl", "tl"),  # as the identifier names it, not the registry's wider "fil"
        ("tgl", "tl"),
        ("en-EN", "en"),  # a common slip in the region: the language still declared
        ("de-" + "x" * 900, "de"),  # read by its first subtag (and not kept whole in a cache)
        ("x" * 900, None),
        ("zh-yue", "yue"),  # an extended language subtag
        ("i-klingon", "tlh"),  # a grandfathered tag
        ("en-US-u-ca-gregory-co-phonebk-nu-latn", "en"),  # an extension, not read
    ],
)
def test_a_declaration_is_read_against_the_registry_of_language_tags(
    declared: str, code: str | None
) -> None:
    assert normalise(declared) == code
    article = Cleaner(detect_language=False).clean(_page(declared, _GERMAN))
    assert (article.language, article.language_source) == (code, code and "declared")


def test_detection_can_be_turned_off() -> None:
    article = Cleaner(detect_language=False).clean(_page("en", _GERMAN))
    assert (article.language, article.language_source) == ("en", "declared")
    assert Cleaner(detect_language=False).clean(_GERMAN).language is None
    # A declaration that names no language declares none: no source for no language.
    unnamed = Cleaner(detect_language=False).clean(_page("english", _GERMAN))
    assert (unnamed.language, unnamed.language_source) == (None, None)
