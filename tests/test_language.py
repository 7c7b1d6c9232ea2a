"""The article's language: declared by the page, unless its text plainly says otherwise."""

from __future__ import annotations

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


def test_detection_can_be_turned_off() -> None:
    article = Cleaner(detect_language=False).clean(_page("en", _GERMAN))
    assert (article.language, article.language_source) == ("en", "declared")
    assert Cleaner(detect_language=False).clean(_GERMAN).language is None
    # A declaration that names no language declares none: no source for no language.
    unnamed = Cleaner(detect_language=False).clean(_page("english", _GERMAN))
    assert (unnamed.language, unnamed.language_source) == (None, None)
