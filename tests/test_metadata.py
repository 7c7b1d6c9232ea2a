"""What a page says about itself: the story's headline among the page's headings, its authors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest
from trafilatura import extract_metadata

from article_clean import clean
from article_clean.metadata import marked
from article_clean.page_authors import authors
from article_clean.page_headline import headline

ROOT = Path(__file__).resolve().parent.parent

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


@pytest.mark.parametrize(
    "site_heading",
    [
        "<h1><a href='http://rivertown.example/'>River Town News</a></h1>",
        "<div class='site-logo'><h1>River Town News</h1></div>",
    ],
)
def test_of_two_headings_as_long_that_agree_with_the_title_the_sites_is_not_the_headline(
    site_heading: str,
) -> None:
    page = (
        "<html><head><title>River Town News: Bridge reopens today</title></head><body>"
        f"{site_heading}<h2><a href='/2012/05/bridge'>Bridge reopens today</a></h2>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge reopens today"


@pytest.mark.parametrize(
    "banner",
    [
        "<h1 id='banner-header'><a href='http://rivertown.example/blog/'>{}</a></h1>",
        "<header role='banner'><h1>{}</h1></header>",
    ],
)
def test_the_blogs_name_in_the_pages_banner_is_not_the_headline(banner: str) -> None:
    # The blog's name says more of "Blog: Post" than the post's short title does; the banner
    # (its masthead, or the ARIA landmark) tells which heading names the site.
    page = (
        "<html><head><title>River Town Blog: Bridge reopens</title></head><body>"
        + banner.format("River Town Blog")
        + f"<h3 class='entry-header'>Bridge reopens</h3>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge reopens"


def test_of_two_headings_as_long_that_each_say_a_part_of_the_title_the_later_is_the_post() -> None:
    page = (
        "<html><head><title>River Town News: Bridge reopens today</title></head><body>"
        "<h1>River Town News</h1><h2>Archives</h2><h3>Bridge reopens today</h3>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge reopens today"


@pytest.mark.parametrize(
    "box",
    [
        "<aside><div class='sidebar section'><h2 class='title'>{}</h2></div></aside>",
        "<nav><h2>{}</h2></nav>",
        "<footer><h3>{}</h3></footer>",
    ],
)
def test_a_sidebar_box_titled_with_the_sites_name_is_not_the_headline(box: str) -> None:
    # Both headings say as much of "Site - Post"; the box's comes later, where a site's header
    # would come first, but an <aside>, a menu or a footer holds the page's furniture.
    page = (
        "<html><head><title>River Town News: Bridge reopens today</title></head><body>"
        "<div class='main'><h3 class='post-title entry-title'>Bridge reopens today</h3>"
        f"{_STORY}</div>" + box.format("River Town News") + "</body></html>"
    )
    assert _headline(page) == "Bridge reopens today"


@pytest.mark.parametrize(
    "story",
    [
        "<div class='container_wrap sidebar_right'><main>{}</main>{}</div>",
        "<div class='sidebar-layout'><div class='entry-header'>{}</div>{}</div>",
        "<aside class='layout'><article>{}</article></aside>{}",
    ],
)
def test_the_box_nearest_the_heading_says_whether_it_is_furniture(story: str) -> None:
    # A theme's "sidebar_right" on the box around story and sidebar (classes are not read), an
    # <article> set inside an <aside>: the story's own box is nearer its heading.
    heading = f"<h3 class='post-title entry-title'>Bridge reopens today</h3>{_STORY}"
    sidebar = "<aside><h2>River Town News</h2></aside>"
    page = (
        "<html><head><title>River Town News: Bridge reopens today</title></head><body>"
        + story.format(heading, sidebar)
        + "<div id='footer'><h3>About River Town News</h3></div></body></html>"
    )
    assert _headline(page) == "Bridge reopens today"


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


@pytest.mark.parametrize("og_title", [None, "Bridge to reopen in spring | The River Gazette"])
def test_with_no_site_name_the_titles_shorter_end_is_the_sites_in_og_title_too(
    og_title: str | None,
) -> None:
    # og:title usually states the story alone; one that repeats the <title> whole has the
    # site's name in it as the <title> has.
    og = f"<meta property='og:title' content='{og_title}'>" if og_title else ""
    page = (
        f"<html><head><title>Bridge to reopen in spring | The River Gazette</title>{og}</head>"
        f"<body>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


def test_with_no_h1_nor_agreeing_heading_a_post_title_heading_is_the_headline() -> None:
    page = (
        "<html><head><title>River Town Blog: notes from the valley</title></head><body>"
        "<h2 class='date-header'>Tuesday, May 3</h2>"
        "<h3 class='post-title entry-title'>Bridge to reopen in spring</h3>"
        f"{_STORY}<h2>Blog archive</h2></body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


@pytest.mark.parametrize(
    ("head", "top"),
    [
        ("<title>River Town Blog</title>", "<div id='nav'>Home About</div>"),  # its name
        ("<title>River Town Blog | notes from the valley</title>", ""),  # its name and motto
        (  # the site's name stated as such
            "<title>River Town Blog</title>"
            "<meta property='og:site_name' content='River Town Blog'>",
            "",
        ),
    ],
)
def test_a_plain_heading_over_the_post_is_the_headline_where_the_title_is_the_blogs(
    head: str, top: str
) -> None:
    # A blog whose <title> names only itself, its post's title a plain <h2>: the headline was
    # the blog's name, or its motto.
    page = (
        f"<html><head>{head}</head><body>{top}<div class='post'><div class='post-head'>"
        f"<h2>Bridge to reopen in spring</h2></div>{_STORY * 2}</div>"
        "<div class='sidebar'><h3>Archives</h3><p>May 2012</p></div></body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


def test_a_heading_with_little_text_under_it_is_not_taken_over_the_stated_title() -> None:
    page = (
        "<html><head><title>Bridge to reopen in spring - River Town</title></head><body>"
        f"<h2>Share this</h2><p>Facebook Twitter</p><h2>Related</h2>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


@pytest.mark.parametrize("dek", ["art-head-dek", "article-subtitle", "standfirst", "sub-hed"])
def test_an_h1_classed_as_the_dek_gives_way_to_the_heading_classed_as_the_hed(dek: str) -> None:
    page = (
        "<html><head><title>Bridge plans and the river - River Town</title></head><body>"
        "<h2 class='art-head-hed'>The bridge nobody wanted</h2>"
        f"<h1 class='{dek}'>The river has been closed to traffic since the floods.</h1>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "The bridge nobody wanted"


def test_a_headline_class_that_has_a_dek_and_a_sub_hed_are_read_as_such() -> None:
    title = "<html><head><title>Bridge plans and the river - River Town</title></head><body>"
    # "headline--with-dek" names a headline that has a dek: the <h1> is the headline.
    with_dek = f"{title}<h1 class='headline headline--with-dek'>Bridge plans stall again</h1>"
    assert _headline(f"{with_dek}{_STORY}</body></html>") == "Bridge plans stall again"
    # A dek's element named after its headline's block ("headline__dek") is the dek.
    bem = f"{title}<h2 class='entry-title'>The bridge nobody wanted</h2>"
    bem += "<h1 class='headline__dek'>The river has been closed since the floods.</h1>"
    assert _headline(f"{bem}{_STORY}</body></html>") == "The bridge nobody wanted"
    # A "sub-hed" is a subheading inside the story, not the headline a "hed" class names.
    sub_hed = f"{title}{_STORY}<h2 class='sub-hed'>What happens next</h2>{_STORY}</body></html>"
    assert _headline(sub_hed) != "What happens next"


@pytest.mark.parametrize(
    "box",
    [
        "<dl class='newsTitle'><dt>Bridge to reopen in spring</dt></dl>",
        "<table><tr><td class='ArticleTitle'>Bridge to reopen in spring</td></tr></table>",
        "<p><strong class='TITLE'>Bridge to reopen in spring</strong></p>",
    ],
)
def test_a_headline_in_a_titled_box_beats_an_h1_that_names_the_site(box: str) -> None:
    # The site's name in its own script in the <h1>, and no og:site_name to tell it by: the box
    # whose class names a title (in any case) says what the <title> says. (A title of two
    # words: too short for the fallback that looks for the <title>'s story on the whole page.)
    page = (
        "<html><head><title>Bridge reopens - River Town</title></head><body>"
        f"<h1>리버 타운</h1>{box.replace('Bridge to reopen in spring', 'Bridge reopens')}"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge reopens"


@pytest.mark.parametrize(
    "story",
    [
        "Bridge to reopen in spring",
        "Council's bridge to reopen in spring",
        'The "new" bridge opens',
    ],
)
def test_a_title_shown_in_a_plain_box_beats_h1s_that_share_no_word_with_it(story: str) -> None:
    # The <h1>s are teasers of other posts; the <title>'s story is shown in a box that no
    # heading tag or class marks.
    page = (
        f"<html><head><title>{story} | River Town</title></head><body>"
        "<h1>Storm closes the ferry</h1><h1>Festival dates announced</h1>"
        f"<div><b>{story}</b></div>{_STORY}</body></html>"
    )
    assert _headline(page) == story


def test_an_h1_that_shares_a_word_with_the_title_is_still_the_headline() -> None:
    page = (
        "<html><head><title>Council votes to rebuild the bridge | River Town</title></head>"
        "<body><h1>The bridge plan, explained</h1><div>Council votes to rebuild the bridge</div>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "The bridge plan, explained"


@pytest.mark.parametrize(
    ("story", "want"),
    [
        ("Bridge reopens today", "Bridge reopens today"),  # three words: a title found
        ("Bridge reopens", "Weather"),  # two: found on a page by chance, left to the <h1>
    ],
)
def test_a_title_shown_on_the_page_has_three_words_or_more(story: str, want: str) -> None:
    page = (
        f"<html><head><title>{story} | River Town</title></head><body>"
        f"<h1>Weather</h1><div>{story}</div>{_STORY}</body></html>"
    )
    assert _headline(page) == want


def test_the_title_is_found_on_the_page_in_another_case() -> None:
    page = (
        "<html><head><title>BRIDGE TO REOPEN IN SPRING | River Town</title></head><body>"
        "<h1>Weather</h1><div><b>Bridge to reopen in spring</b></div>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


@pytest.mark.parametrize(
    "elsewhere",
    [
        "<ul><li><a href='/x'>Hurricane makes landfall in Florida</a></li></ul>",
        "<nav><span>Hurricane makes landfall in Florida</span></nav>",
    ],
)
def test_the_title_shown_as_a_lists_or_a_menus_item_is_no_headline(elsewhere: str) -> None:
    page = (
        "<html><head><title>Hurricane makes landfall in Florida | Site</title></head><body>"
        f"<h1>Storm hits the coast</h1>{elsewhere}{_STORY}</body></html>"
    )
    assert _headline(page) == "Storm hits the coast"


def test_the_title_linked_to_its_own_page_is_the_headline() -> None:
    # A CMS's title cell linking the story to its permalink, teasers' titles in <h1>s.
    page = (
        "<html><head><title>Bridge to reopen in spring | River Town</title></head><body>"
        "<h1>Storm closes the ferry</h1><table><tr><td class='contentheading'>"
        "<a href='/bridge' class='contentpagetitle'> Bridge to reopen in spring </a></td></tr>"
        f"</table>{_STORY}</body></html>"
    )
    assert _headline(page) == "Bridge to reopen in spring"


def test_a_json_ld_headline_with_control_characters_is_read_without_error() -> None:
    page = (
        "<html><head><title>Other words here</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Bridge to reopen\\u0001inspringtime soon"}'
        "</script></head><body><h1>Zzz</h1>"
        f"{_STORY}</body></html>"
    )
    assert _headline(page) == "Zzz"
    assert clean(page, kind="html").headline == "Zzz"


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


# ---------------------------------------------------------------- authors


def _authors(head: str, body: str = "") -> tuple[str, ...]:
    return authors(lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}{_STORY}</body></html>"))


def test_the_author_meta_tag() -> None:
    assert _authors("<meta name='author' content='Jane Doe'>") == ("Jane Doe",)


def test_an_author_meta_tag_that_says_by_and_a_role() -> None:
    assert _authors("<meta name='byl' content='By Jane Doe, Staff Writer'>") == ("Jane Doe",)


def test_json_ld_authors_as_a_name_a_person_and_a_list() -> None:
    page = (
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Bridge\","
        " \"author\": [{\"@type\": \"Person\", \"name\": \"Jane Doe\"},"
        " {\"@type\": \"Person\", \"name\": \"John Roe\"}]}</script>"
    )
    assert _authors(page) == ("Jane Doe", "John Roe")
    page = (
        "<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebSite\"},"
        " {\"@type\": \"Article\", \"author\": {\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}}]}"
        "</script>"
    )
    assert _authors(page) == ("Ana Ruiz",)
    page = "<script type='application/ld+json'>{\"@type\": \"BlogPosting\", \"author\": \"admin\"}</script>"
    assert _authors(page) == ("admin",)


def test_a_json_ld_author_given_as_a_reference_to_a_person_in_the_graph() -> None:
    page = (
        "<script type='application/ld+json'>{\"@graph\": ["
        "{\"@type\": \"NewsArticle\", \"author\": {\"@id\": \"https://x.com/#/person/1\"}},"
        " {\"@type\": [\"Person\"], \"@id\": \"https://x.com/#/person/1\","
        " \"name\": \"Lewis White\"}"
        "]}</script><meta name='author' content='River Town Staff'>"
    )
    assert _authors(page) == ("Lewis White",)


def test_json_ld_comes_before_the_meta_tag() -> None:
    page = (
        "<meta name='author' content='River Town Staff'>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\","
        " \"author\": {\"@type\": \"Person\", \"name\": \"Jane Doe\"}}</script>"
    )
    assert _authors(page) == ("Jane Doe",)


def test_a_comments_author_is_not_the_storys() -> None:
    page = (
        "<script type='application/ld+json'>{\"@type\": \"Comment\", \"author\": \"Troll\"}</script>"
    )
    body = (
        "<div class='comment' itemscope itemtype='https://schema.org/Comment'>"
        "<span itemprop='author'>Old Commuter</span><p>About time.</p></div>"
    )
    assert _authors(page, body) == ()


def test_itemprop_author_with_its_name_inside() -> None:
    body = (
        "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<img src='jane.jpg'><span itemprop='name'>Jane Doe</span></div>"
    )
    assert _authors("", body) == ("Jane Doe",)


def test_a_rel_author_link_and_a_byline_element() -> None:
    assert _authors("", "<p>Posted by <a rel='author' href='/author/jane'>Jane Doe</a></p>") == (
        "Jane Doe",
    )
    assert _authors("", "<div class='article-byline'>By Jane Doe | River Town</div>") == (
        "Jane Doe",
    )


@pytest.mark.parametrize(
    "element",
    [
        "<div class='nodebyline modfont'><strong><a class='plus-icon'>Jane Doe</a></strong></div>",
        "<h3 class='newsByLine'>Jane Doe</h3>",
        "<p>November 2, 2012 7:39 pm <span class='by'>&mdash; By Jane Doe</span></p>",
        "<span class='submitted'>Submitted by <a href='/users/jane'>Jane Doe</a> on 08/09/2012"
        " 14:30 -0400</span>",
    ],
)
def test_a_byline_element_as_blog_templates_class_it(element: str) -> None:
    assert _authors("", element) == ("Jane Doe",)


def test_a_link_to_the_writers_page_of_posts() -> None:
    link = "<span class='postdate'>Nov 6th '12 by <a href='http://example.com/author/janedoe/'>"
    assert _authors("", link + "Jane Doe</a> @ 10:58am</span>") == ("Jane Doe",)
    many = "".join(
        f"<li><a href='/author/{n}/'>{n.title()} Smith</a></li>"
        for n in ("ann", "bob", "cat", "dan", "eve")
    )
    assert _authors("", f"<ul class='recent'>{many}</ul>") == ()  # a list of posts' writers


def test_a_pages_feature_flags_on_html_are_no_comment_section() -> None:
    page = (
        "<html class='feature_newcomments feature_disablecomments'><body>"
        f"<div class='nodebyline'><a class='plus-icon'>Jane Doe</a></div>{_STORY}</body></html>"
    )
    assert authors(lxml.html.document_fromstring(page)) == ("Jane Doe",)
    thread = "<ol class='commentlist'><li><span class='byline'>John Roe</span> says</li></ol>"
    assert _authors("", thread) == ()


def test_a_by_line_marked_up_as_nothing_right_under_the_h1() -> None:
    header = "<h1>Nurse anesthetists: to reimburse or not?</h1>"
    byline = "<div><span class='small1'> Written By: Jane Doe </span><span>Nov 6</span></div>"
    assert _authors("", header + byline) == ("Jane Doe",)
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(50))
    assert _authors("", f"{header}<ul>{menu}</ul>{byline}") == ()  # far below: not its byline
    assert _authors("", f"{header}<p>Jane Doe</p>") == ()  # a name alone: no byline word


def test_a_box_of_credits_gives_the_writers_line_not_its_lines_glued() -> None:
    # Its items are lines: glued, "Written by Jane DoeEdited by Mark Hill" named "Jane DoeEdited".
    credits = (
        "<ul class='credits'><li>Written by <a>Jane Doe</a></li><li>Edited by <a>Mark Hill</a>"
        "</li><li>Photos by <a>Ana Ruiz</a></li></ul>"
    )
    assert _authors("", _HEADER + credits) == ("Jane Doe",)
    # Line breaks in the page's source are spaces: the date on the byline's next source line
    # is on its line, and ends the name.
    spread = "<span class='byline'>By Jane Doe\n\t\t on 11/12/2012 11:22 PST</span>"
    assert _authors("", spread) == ("Jane Doe",)
    assert _authors("", "<span class='byline'>By Jane<b>Doe</b></span>") == ("JaneDoe",)


def test_a_byline_box_gives_the_line_after_by_before_a_title_line_above_it() -> None:
    box = (
        "<div class='byline_container'><h1>Acer C7 Chromebook announced at $199</h1>"
        "<span class='byline'>By Jane Doe on 11/12/2012</span></div>"
    )
    assert _authors("", box) == ("Jane Doe",)
    # With no "By", the first line that names anyone; the writer's links under it are not.
    links = "".join(f"<li><a>{word}</a></li>" for word in ("Email", "AIM", "Google Plus"))
    assert _authors("", f"<div class='nodebyline'><a>Jane Doe</a><ul>{links}</ul></div>") == (
        "Jane Doe",
    )


def test_a_list_classed_as_authors_is_the_co_authors_but_a_menu_of_the_sites_writers() -> None:
    writers = "".join(f"<li><a href='/{n}/'>{n}</a></li>" for n in ("Delana", "Marc", "Steve"))
    assert _authors("", f"<ul class='dropdown-menu sidebar-authors'>{writers}</ul>") == ()
    assert _authors("", f"<nav><ul class='authors'>{writers}</ul></nav>") == ()
    names = "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ("Jane Doe", "John Roe", "Ann Lee"))
    assert _authors("", f"<ul class='authors'>{names}</ul>") == ("Jane Doe", "John Roe", "Ann Lee")
    # A list of the writer and her place (or her section) is no list of co-authors.
    for place in ("Middle East", "<a href='/world'>Chicago Tribune</a>"):
        box = f"<ul class='byline'><li><a href='/jane'>Jane Doe</a></li><li>{place}</li></ul>"
        assert _authors("", box) == ("Jane Doe",)


def test_a_byline_box_gives_the_line_that_reads_as_a_persons_name() -> None:
    # Its lines are a section's name and the writer's; glued, they were "OPINIONJane Doe".
    for section in ("OPINION", "World News"):
        box = f"<div class='byline'><div>{section}</div><div>Jane Doe</div></div>"
        assert _authors("", box) == ("Jane Doe",)


def test_a_byline_goes_on_to_its_next_line_after_a_comma_a_joining_word_or_by() -> None:
    assert _authors("", _HEADER + "<p>By Jane Doe,<br>John Smith</p>") == ("Jane Doe", "John Smith")
    assert _authors("", "<p class='byline'>By Jane Doe,<br>John Smith and<br>Ann Lee</p>") == (
        "Jane Doe", "John Smith", "Ann Lee",
    )
    assert _authors("", _HEADER + "<div>By <div>Jane Doe</div></div>") == ("Jane Doe",)
    # An icon of many elements in the byline does not hide it.
    icons = ("<a><svg>" + "<path d='M0 0'/>" * 8 + "</svg></a>") * 60
    assert _authors("", f"<div class='byline'>By <a>Jane Doe</a>{icons}</div>") == ("Jane Doe",)


def test_a_class_that_only_ends_in_by_names_no_byline() -> None:
    assert _authors("", "<div class='sort-by'>Jane Doe</div>") == ()


def test_the_site_as_author_is_not_a_writer() -> None:
    head = (
        "<title>Council votes to rebuild the bridge - River Town News</title>"
        "<meta name='author' content='River Town News'>"
    )
    assert _authors(head) == ()
    head = "<meta property='og:site_name' content='CBS News'><meta name='author' content='CBSNews.com'>"
    assert _authors(head) == ()


def test_the_site_in_an_itemprop_meta_gives_way_to_the_writer_the_page_shows() -> None:
    head = "<meta property='og:site_name' content='Example News'>"
    writer = "<a class='blog-author-name' href='/blog?author=1'>Megan Holloway</a>"
    stated = "<meta itemprop='author' content='Example News'>"
    assert _authors(head + stated, writer) == ("Megan Holloway",)
    # Shown on the page, the site's name as author is the page's own word.
    assert _authors(head, "<span itemprop='author'>Example News</span>") == ("Example News",)


def test_an_author_link_or_a_url_is_not_a_name() -> None:
    head = "<meta property='article:author' content='https://www.facebook.com/janedoe'>"
    assert _authors(head) == ()
    assert _authors("", "<a rel='author' href='/about'>About Us</a>") == ()


_HEADER = "<h1>Council votes to rebuild the bridge</h1>"


def test_an_html_page_whose_text_names_no_writer_takes_its_metadata() -> None:
    page = (
        "<html><head><title>Council votes to rebuild the bridge</title>"
        "<meta name='author' content='Jane Doe'></head>"
        f"<body><article>{_HEADER}{_STORY * 3}</article></body></html>"
    )
    assert clean(page, kind="html").byline == "Jane Doe"


def test_the_byline_in_the_storys_text_comes_before_the_metadata_and_dates_the_page() -> None:
    page = (
        "<html><head><title>Council votes to rebuild the bridge</title>"
        "<meta name='author' content='River Town Staff'></head>"
        f"<body><article>{_HEADER}<p>By John Roe | November 19, 2019</p>{_STORY * 3}</article>"
        "</body></html>"
    )
    article = clean(page, kind="html")
    assert article.byline == "John Roe"
    assert article.published == "2019-11-19"


ABOUT_PAGE = (
    '<html><head><meta property="og:site_name" content="Example News">'
    '<meta property="og:image" content="https://example.com/bridge.jpg">'
    '<meta name="description" content="The old bridge closes to cars next spring.">'
    '<meta property="article:tag" content="Bridges">'
    '<meta property="article:tag" content="Transport">'
    "</head><body><article><h1>Bridge to close</h1><p>The council met on Tuesday evening and "
    "voted to close the old bridge to cars from next spring, after a long debate that went on "
    "for hours.</p></article></body></html>"
)


def test_an_html_page_gives_sitename_description_image_and_tags() -> None:
    article = clean(ABOUT_PAGE)
    assert article.sitename == "Example News"
    assert article.description == "The old bridge closes to cars next spring."
    assert article.image == "https://example.com/bridge.jpg"
    assert article.tags == ("Bridges", "Transport")
    data = article.to_dict()
    assert (data["sitename"], data["image"], data["tags"]) == (
        "Example News",
        "https://example.com/bridge.jpg",
        ["Bridges", "Transport"],
    )
    # No site name stated: the URL's host, as trafilatura falls back.
    unnamed = ABOUT_PAGE.replace('<meta property="og:site_name" content="Example News">', "")
    assert clean(unnamed, url="https://www.example.com/story").sitename == "example.com"
    text = clean("The council met on Tuesday and voted to close the old bridge to cars.")
    assert (text.sitename, text.description, text.image, text.tags) == (None, None, None, ())


@pytest.mark.parametrize(
    "ld, expected",
    [
        ('{"@type": "NewsArticle", "keywords": "Bridges, transport,  City council"}',
         ("Bridges", "transport", "City council")),
        ('{"@type": ["BlogPosting"], "keywords": ["Bridges", "bridges", " Transport ", 7, ""]}',
         ("Bridges", "Transport")),
        ('{"@graph": [{"@type": "WebSite", "keywords": "news"},'
         ' {"@type": "Article", "keywords": "Bridges"}]}', ("Bridges",)),
        ('{"@type": "Organization", "keywords": "news, sport"}', ()),  # the site's, not the story's
        ('{"@type": "Blog", "keywords": "cooking, recipes"}', ()),
        ('[{"@type": "WebPage", "keywords": "site, home"}, {"@type": "NewsArticle", "keywords":'
         ' "Bridges"}, {"@type": "NewsArticle", "keywords": "Football"}]', ("Bridges",)),
        ('{"@type": "WebPage", "keywords": "Bridges"}', ("Bridges",)),
        ('{"@type": "Article", "keywords": "Tom &amp; Jerry, <b>Caf&eacute;</b>, \\u0007Rail"}',
         ("Tom & Jerry", "Café", "Rail")),
        ('{"@type": "Article", "keywords": [{"@type": "DefinedTerm", "name": "Bridges"}, "Rail"]}',
         ("Bridges", "Rail")),
        ('{"@type": "Article", "keywords": "' + "a very long keyword " * 6 + '"}', ()),
    ],
)
def test_the_storys_json_ld_keywords_are_its_tags_where_no_meta_tag_states_them(
    ld: str, expected: tuple[str, ...]
) -> None:
    page = ABOUT_PAGE.replace('<meta property="article:tag" content="Bridges">', "").replace(
        '<meta property="article:tag" content="Transport">',
        f'<script type="application/ld+json">{ld}</script>',
    )
    assert clean(page).tags == expected
    # Stated by meta tags too, the meta tags' are the tags, as trafilatura reads them.
    tagged = page.replace("<head>", '<head><meta property="article:tag" content="Trump, Donald J">')
    assert clean(tagged).tags == ("Trump, Donald J",)


def test_a_canonical_link_that_does_not_parse_names_no_site_and_raises_nothing() -> None:
    # urlsplit refuses a host that changes under NFKC ("\u2100" is "a/c"): a raw ValueError.
    page = ABOUT_PAGE.replace('<meta property="og:site_name" content="Example News">', "")
    page = page.replace("<head>", '<head><link rel="canonical" href="https://exa\u2100mple.com/x">')
    article = clean(page)
    assert article.sitename is None
    assert article.url == "https://exa\u2100mple.com/x"


@pytest.mark.parametrize(
    "href, expected",
    [
        ("https://example.com/story", "https://example.com/story"),
        ("/story/1", None),  # a path, with no page URL to read it against
        ("javascript:alert(1)", None),  # a script, which an application would link to
        ("javascript://[%0aalert(1)", None),  # one that urlsplit cannot read is one too
        (" java\tscript:alert(1)", None),  # read as a browser reads it
        ("mailto:desk@example.com", None),
        ("//www.example.com/story", "//www.example.com/story"),  # the page's own scheme
    ],
)
def test_the_canonical_link_is_the_pages_url_where_it_is_a_web_address(
    href: str, expected: str | None
) -> None:
    page = ABOUT_PAGE.replace("<head>", f'<head><link rel="canonical" href="{href}">')
    assert clean(page).url == expected


@pytest.mark.parametrize(
    "stated, url, expected",
    [
        ("/img/a.jpg", "https://example.com/news/story", "https://example.com/img/a.jpg"),
        ("img/a.jpg", "https://example.com/news/story", "https://example.com/news/img/a.jpg"),
        ("//cdn.example.org/a.jpg", "https://example.com/x", "https://cdn.example.org/a.jpg"),
        ("https://cdn.example.org/a.jpg", "https://example.com/x", "https://cdn.example.org/a.jpg"),
        ("/img/a.jpg", None, "/img/a.jpg"),  # no URL to read it against: as stated
        ("/img/a.jpg", "http://[::1", "/img/a.jpg"),  # nor a URL that does not parse
        ("javascript:alert(1)", "https://example.com/x", None),  # a script is no picture
        ("data:image/png;base64,AAAA", None, None),
        ("javascript://[%0aalert(1)", None, None),
    ],
)
def test_a_lead_image_given_as_a_path_is_read_against_the_pages_url(
    stated: str, url: str | None, expected: str | None
) -> None:
    page = ABOUT_PAGE.replace("https://example.com/bridge.jpg", stated)
    assert clean(page, url=url).image == expected


@pytest.mark.parametrize(
    "page", sorted((ROOT / "samples" / "html").glob("*.html.gz")), ids=lambda p: p.name[:12]
)
def test_the_page_metadata_is_what_trafilatura_returns(page: Path) -> None:
    expected = page.with_name(page.name.replace(".html.gz", ".expected.json"))
    url = json.loads(expected.read_text("utf-8"))["url"]
    raw = gzip.decompress(page.read_bytes())
    article = clean(raw, url=url)
    theirs = extract_metadata(raw.decode("utf-8", "replace"), default_url=url)
    assert article.sitename == theirs.sitename
    assert article.description == (theirs.description or None)
    assert article.image == theirs.image
    assert list(article.tags) == list(theirs.tags or [])


@pytest.mark.parametrize("kind", ["application/ld+json", "application/settings+json", None])
def test_a_json_script_in_the_body_is_read_as_trafilatura_reads_it(
    kind: str | None,
) -> None:
    """trafilatura's JSON reader runs only where the page has a JSON script; one in the body,
    of either type it reads, still names the site; without one, the URL's host does."""
    data = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge closes", '
        '"publisher": {"@type": "Organization", "name": "River Town Daily"}}'
    )
    script = f'<script type="{kind}">{data}</script>' if kind else ""
    page = (
        "<html><head><title>Bridge closes</title></head>"
        f"<body><h1>Bridge closes</h1>{_STORY}{script}</body></html>"
    )
    article = clean(page, url="https://example.com/story")
    theirs = extract_metadata(page, default_url="https://example.com/story")
    assert article.sitename == theirs.sitename
    assert article.sitename == ("example.com" if kind is None else "River Town Daily")


@pytest.mark.parametrize(
    ("script", "site"),
    [
        # Parsed here and read by its reader: a publisher in a @graph, a WebSite's name.
        (
            '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Hollis '
            'Post"}, {"@type": "NewsArticle", "headline": "Bridge closes"}]}',
            "Hollis Post",
        ),
        # Broken JSON (a trailing comma): its regexes still find the publisher's name.
        (
            '{"@context": "http://schema.org", "@type": "NewsArticle", "publisher": {"@type": '
            '"Organization", "name": "Hollis Post"}, "keywords": ["a", "b",]}',
            "Hollis Post",
        ),
        # A raw line break inside a string: JSON that only its lenient parse reads.
        (
            '{"@context": "http://schema.org", "@type": "NewsArticle", "headline": "Bridge\n'
            'closes", "publisher": {"@type": "Organization", "name": "Hollis Post"}}',
            "Hollis Post",
        ),
        # A list at the top.
        (
            '[{"@context": "http://schema.org", "@type": "Organization", "name": "Hollis Post"}]',
            "Hollis Post",
        ),
        # A string where its reader expects an object: it reads nothing of the script, and
        # the URL's host names the site.
        (
            '[{"@context": "http://schema.org", "@type": "Organization", "name": "Hollis Post"}, '
            '"stray"]',
            "example.com",
        ),
        # Markup in the name, which its reader strips from the script's text before parsing.
        (
            '{"@context": "http://schema.org", "@type": "Organization", "name": "<b>Hollis</b> '
            'Post<!-- x -->"}',
            "Hollis Post",
        ),
    ],
    ids=["graph", "trailing-comma", "raw-line-break", "list", "stray-string", "markup"],
)
def test_the_site_name_from_json_ld_is_trafilaturas_however_the_json_is_written(
    script: str, site: str
) -> None:
    """The JSON-LD is parsed once and given to trafilatura's reader; a script that does not
    parse is still read its way, for the same site name."""
    page = (
        "<html><head><title>Bridge closes</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body><h1>Bridge closes</h1>{_STORY}</body></html>"
    )
    article = clean(page, url="https://example.com/story")
    theirs = extract_metadata(page, default_url="https://example.com/story")
    assert article.sitename == theirs.sitename == site


_ORGANISATION = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"Organization", "name": "Hollis Post"}</script>'
)


@pytest.mark.parametrize(
    "first",
    [
        # A CMS's settings naming the page, before the JSON-LD: read in the page's order.
        '<script type="application/settings+json">{"@context": "https://schema.org", "@type": '
        '"WebPage", "name": "Settings Page Name"}</script>',
        # A script its reader breaks on (a list of a number): it reads no script after it.
        '<script type="application/ld+json">[1]</script>',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": 7}'
        "</script>",
    ],
    ids=["settings-first", "list-of-a-number", "graph-of-a-number"],
)
def test_json_scripts_are_read_in_the_pages_order_as_trafilatura_reads_them(first: str) -> None:
    page = (
        f"<html><head><title>Bridge closes</title>{first}{_ORGANISATION}</head>"
        f"<body><h1>Bridge closes</h1>{_STORY}</body></html>"
    )
    article = clean(page, url="https://example.com/story")
    theirs = extract_metadata(page, default_url="https://example.com/story")
    assert article.sitename == theirs.sitename != "Hollis Post"


_TYPED = (
    "Some typed text of a post, long enough to be a paragraph of its own, and then a little more."
)


@pytest.mark.parametrize(
    ("box", "loose"),
    [
        # Beside a picture's box, styled text is the box's loose text (trafilatura drops it)...
        (f"<div><div><a href='a.jpg'><img src='a.jpg'></a></div><span>{_TYPED}</span></div>", 1),
        (f"<div><img src='a.jpg'><font><b>{_TYPED}</b></font></div>", 1),
        # ... but not where no picture stands, nor in a paragraph, nor as a link's text.
        (f"<div><div>An inner box.</div><span>{_TYPED}</span></div>", 0),
        (f"<div><img src='a.jpg'><p><span>{_TYPED}</span></p></div>", 0),
        (f"<div><img src='a.jpg'><a href='/x'><span>{_TYPED}</span></a></div>", 0),
    ],
)
def test_styled_text_is_loose_text_beside_a_picture_only(box: str, loose: int) -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{box}</body></html>")
    assert len(set(marked(tree).loose)) == loose


def test_a_templates_indents_in_a_byline_box_are_no_text() -> None:
    indent = "\n" + " " * 300
    box = f"<div class='byline'>{indent}<span>By</span>{indent}<a>Jane Doe</a>{indent}</div>"
    assert _authors("", box) == ("Jane Doe",)


@pytest.mark.parametrize("prop", ["og:title", "http://ogp.me/ns#title"])
def test_the_open_graph_title_is_read_in_either_of_its_spellings(prop: str) -> None:
    # The site's name in the <h1>, a <title> in words of its own: only og:title, as a prefix
    # or as RDFa's full URI, says which heading is the story's.
    page = (
        "<html><head><title>Bridge news of the week | River Town</title>"
        f"<meta property='{prop}' content='Council votes to rebuild the bridge'></head><body>"
        "<h1>More on River Town!</h1><div><h2>Council votes to rebuild the bridge</h2>"
        f"{_STORY}{_STORY}</div></body></html>"
    )
    assert _headline(page) == "Council votes to rebuild the bridge"
