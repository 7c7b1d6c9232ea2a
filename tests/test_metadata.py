"""What a page says about itself: the story's headline among the page's headings."""

from __future__ import annotations

import lxml.html
import pytest

from article_clean import clean
from article_clean.metadata import headline

_STORY = (
    "<p>The council met on Tuesday night and voted to rebuild the old bridge over the river, "
    "which has been closed to traffic since the spring floods damaged it last year.</p>"
)


def _headline(page: str) -> str | None:
    return headline(lxml.html.document_fromstring(page))


@pytest.mark.parametrize(
    "title",
    [
        "Council votes to rebuild the bridge | River Town Blog",
        "River Town Blog » Council votes to rebuild the bridge",
        "River Town Blog: Council votes to rebuild the bridge",
    ],
)
def test_a_blogs_name_in_its_h1_is_not_the_headline(title: str) -> None:
    page = (
        f"<html><head><title>{title}</title></head><body>"
        "<h1><a href='http://rivertown.example/'>River Town Blog</a></h1>"
        f"<h2>Council votes to rebuild the bridge</h2>{_STORY}</body></html>"
    )
    assert _headline(page) == "Council votes to rebuild the bridge"


def test_the_heading_that_says_the_whole_title_beats_one_that_says_a_section() -> None:
    page = (
        "<html><head><meta property='og:title' content='The view on the river: a town on the "
        "brink | Editorial'></head><body><h2>Editorial</h2>"
        f"<h1>The view on the river: a town on the brink</h1>{_STORY}</body></html>"
    )
    assert _headline(page) == "The view on the river: a town on the brink"


def test_a_site_name_heading_is_passed_over_even_when_the_title_has_it() -> None:
    page = (
        "<html><head><meta property='og:site_name' content='River Town'>"
        "<title>River Town | Bridge to reopen in spring</title></head><body>"
        "<div class='logo'><h1>River Town</h1></div><h3 class='entry-title'>Bridge to reopen in "
        f"spring</h3>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


def test_without_a_heading_that_agrees_the_stated_title_without_the_site() -> None:
    page = (
        "<html><head><meta property='og:site_name' content='River Town'>"
        "<title>Bridge to reopen in spring - River Town</title></head>"
        f"<body>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


def test_a_lone_h1_is_the_headline() -> None:
    page = f"<html><body><h1>Bridge to reopen in spring</h1>{_STORY}</body></html>"
    assert _headline(page) == "Bridge to reopen in spring"


def test_the_articles_headline_on_a_blog_page() -> None:
    page = (
        "<html><head><title>Council votes to rebuild the bridge | River Town Blog</title></head>"
        "<body><div id='header'><h1><a href='/'>River Town Blog</a></h1></div>"
        f"<div class='post'><h2>Council votes to rebuild the bridge</h2>{_STORY * 2}</div>"
        "</body></html>"
    )
    assert clean(page, kind="html").headline == "Council votes to rebuild the bridge"
