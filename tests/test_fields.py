"""The Article's fields are declared once, in `ARTICLE_FIELDS`: every output is derived from it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from article_clean import clean
from article_clean.explain import report
from article_clean.frames import ARTICLE_COLUMNS, check_columns
from article_clean.model import ARTICLE_FIELDS, Article
from article_clean.output import DEFAULT_FIELDS, FIELDS, as_text, parse_fields

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_99f8204d1b9f3a68.txt"
NAMES = [field.name for field in ARTICLE_FIELDS]


@pytest.fixture(scope="module")
def article() -> Article:
    return clean(SAMPLE.read_text("utf-8"))


def test_every_attribute_of_the_article_is_declared_once() -> None:
    attributes = {f.name for f in dataclasses.fields(Article)}
    assert len(NAMES) == len(set(NAMES))
    # `removed` is a property: the segments that are neither kept nor whitespace.
    assert set(NAMES) == attributes | {"removed"}


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_in_the_dict_and_a_choice_of_fields(name: str, article: Article) -> None:
    assert name in article.to_dict()
    assert name in FIELDS
    assert parse_fields(name) == (name,)
    if name != "segments":
        assert name in DEFAULT_FIELDS


def test_the_dict_follows_the_declaration(article: Article) -> None:
    data = article.to_dict()
    assert list(data) == NAMES
    assert list(article.to_dict(segments=False)) == [n for n in NAMES if n != "segments"]
    assert data["captions"] == list(article.captions)
    assert data["failures"] == [f.to_dict() for f in article.failures]
    assert all(set(piece) == {"rule", "label", "text"} for piece in data["removed"])
    json.dumps(data)  # plain values only


def test_the_columns_are_the_fields_marked_column() -> None:
    marked = [field.name for field in ARTICLE_FIELDS if field.column]
    assert ARTICLE_COLUMNS == (*marked, "error")


def test_the_explain_report_shows_every_field_made_of_segments(article: Article) -> None:
    page = report(article, title="sample")
    for field in ARTICLE_FIELDS:
        shown = f'id="field-{field.name}"' in page
        assert shown == (field.label is not None), field.name


def test_the_text_view_heads_with_the_fields_marked_text_line(article: Article) -> None:
    text = as_text(article)
    for field in ARTICLE_FIELDS:
        value = getattr(article, field.name)
        if field.text_line and value:
            assert f"{field.name}: {value}\n" in text
        elif isinstance(value, str) and value:
            assert f"{field.name}: " not in text.split("\n\n")[0]


def test_the_command_line_offers_every_field() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "article_clean", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert ",".join(DEFAULT_FIELDS) in "".join(done.stdout.split())


def test_the_columns_check_names_the_way_out_of_a_clash_and_refuses_a_bad_prefix() -> None:
    with pytest.raises(ValueError, match="already has column.*language.*prefix="):
        check_columns(["text", "language"], "text", None)
    check_columns(["text", "language"], "text", None, prefix="article_")  # named apart: fine
    with pytest.raises(ValueError, match="article_body"):
        check_columns(["text", "article_body"], "text", None, prefix="article_")
    with pytest.raises(TypeError, match="prefix must be a str"):
        check_columns(["text"], "text", None, prefix=None)  # type: ignore[arg-type]
