"""HTML-specific behaviour: what the page's structure changes in the result."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st

from article_clean import Hint, Label, clean
from article_clean.html import (
    _normalised,
    _ParagraphIndex,
    _paragraphs_of_loose_text,
    _with_hints,
    read_page,
)
from article_clean.metadata import classes_matching, marked
from article_clean.page_lines import PARAGRAPH, ImageAlt, extracted_lines, visible_lines
from article_clean.regions import whole_page

_PARAGRAPH = (
    "<p>The new earphones went on sale this week at a price well below last year's model, and "
    "early buyers say the battery lasts through a full working day without a charge.</p>"
)
# Three distinct story paragraphs, as text and as HTML.
_TEXTS = (
    _PARAGRAPH[3:-4],
    _PARAGRAPH[3:-4].replace("this week", "on Monday"),
    _PARAGRAPH[3:-4].replace("early buyers", "reviewers"),
)
_STORY = "".join(f"<p>{text}</p>" for text in _TEXTS)
_FEATURES = "<ul><li>Quick access to the assistant</li><li>Charges quickly in the case</li></ul>"


def _page(body: str) -> str:
    return (
        "<html><head><title>Deals</title></head><body><article><h1>The best deals this week</h1>"
        f"{body}</article></body></html>"
    )


def test_list_items_repeated_inside_the_story_are_kept() -> None:
    body = _PARAGRAPH * 3
    for model in ("older", "cheaper", "smaller"):
        body += f"<h2>The {model} model</h2>{_FEATURES}{_PARAGRAPH.replace('new', model)}"
    article = clean(_page(body), kind="html")
    assert article.body.count("Charges quickly in the case") == 3
    assert article.body.count("Quick access to the assistant") == 3
    # As plain text the body reads the same: the lines repeat between the story's paragraphs.
    assert clean(article.body).body == article.body


def test_the_same_repeated_lines_in_plain_text_are_menu_noise() -> None:
    story = (
        "The new earphones went on sale this week at a price well below last year's model, and "
        "early buyers say the battery lasts through a full working day without a charge."
    )
    text = "\n\n".join(["Home", "Deals", story, story.replace("new", "older"), "Home", "Deals"])
    article = clean(text, kind="text")
    assert "Home" not in article.body and "Deals" not in article.body


# A story in loose spans between a menu and a footer: too little main content for trafilatura.
_SHORT_MAIN_CONTENT_PAGE = (
    "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>"
    "</nav><div><span>The council met on Tuesday night and voted to rebuild the old bridge over "
    "the river, which has been closed to traffic since the spring floods damaged it.</span>"
    "<span> Work starts in March and should take about a year, the mayor said after the "
    "vote, adding that a temporary crossing will open for cyclists next month.</span></div>"
    "<footer>Contact us</footer></body></html>"
)


def test_a_page_whose_main_content_is_too_short_is_read_whole(monkeypatch: Any) -> None:
    # Neither trafilatura nor readability finds a story: the rules look at the whole page.
    monkeypatch.setattr("article_clean.regions.readability_lines", lambda tree: [])
    article = clean(_SHORT_MAIN_CONTENT_PAGE, kind="html")
    assert "rebuild the old bridge" in article.body
    assert "temporary crossing" in article.body
    # The rules saw the whole page, menu and footer too, and removed them.
    removed = [segment.text.strip() for segment in article.removed]
    assert "Home" in removed and "Contact us" in removed
    assert "Home" not in article.body


def test_where_trafilatura_keeps_too_little_readabilitys_story_is_the_region() -> None:
    # trafilatura keeps too little of this page; readability weighs its boxes and finds the
    # story, and only the story's box is read: the menu and the footer are not in the text.
    article = clean(_SHORT_MAIN_CONTENT_PAGE, kind="html")
    assert "rebuild the old bridge" in article.body
    assert "temporary crossing" in article.body
    assert "Home" not in article.text and "Contact us" not in article.text


def test_a_poem_readability_keeps_is_the_region_though_it_holds_no_prose(monkeypatch: Any) -> None:
    # trafilatura keeps nothing; readability keeps the poem's box, short lines and no sentence
    # of prose, and that box is read rather than the whole page with its menu.
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    verses = [
        "I often stray along the way,",
        "And lose the path at close of day;",
        "The river knows the road I came,",
        "And calls the hills by every name.",
    ]
    monkeypatch.setattr(
        "article_clean.regions.readability_lines", lambda tree: [(v, PARAGRAPH) for v in verses]
    )
    menu = "".join(f"<div><a href='/s{n}'>Section {n}</a></div>" for n in range(8))
    page = f"<html><body>{menu}<div class='poem'>{'<br>'.join(verses)}</div></body></html>"
    article = clean(page, kind="html")
    assert article.text.split("\n\n") == verses  # the poem's box, not the menu
    assert article.body


_TIPS = (
    "Pack a light rain jacket even when the forecast looks clear for the whole week",
    "Buy a regional rail pass before you arrive because station prices run higher",
    "Carry a paper map of the old town since the narrow lanes confuse phone signals",
    "Book the mountain hut at least two months ahead during the summer season",
    "Try the local cheese market on Saturday mornings when the farmers come down",
    "Bring cash for the smaller bakeries that still refuse cards at the counter",
    "Walk the lakeside path at sunrise before the tour buses fill the car parks",
    "Keep your museum ticket since it also covers the castle on the same day",
)


def _list_post(markup: str = "<li>{}</li>", count: int = len(_TIPS)) -> str:
    """A blog post that is a list and nothing else, under its title, between a menu and a
    footer; each item written as `markup`."""
    items = "".join(markup.format(tip) for tip in _TIPS[:count])
    return (
        "<html><head><title>Eight tips for the lakes | Wander Notes</title></head><body>"
        "<div id='header'><a href='/'>Wander Notes</a> <a href='/about'>About</a></div>"
        "<div class='post'><h2 class='post-title'>Eight tips for the lakes</h2>"
        f"<div class='post-body'><ul>{items}</ul></div></div>"
        "<div id='footer'>Copyright 2012 Wander Notes</div></body></html>"
    )


def test_a_post_made_of_a_list_keeps_every_item_where_readability_finds_it() -> None:
    # trafilatura keeps the list, but no paragraph of prose, so readability's region is read:
    # there the items stay items, after a bullet, as trafilatura writes them, and the rules
    # read them as the list they are rather than as short lines that end the story after three.
    article = clean(_list_post(), kind="html", strict=True)
    assert article.headline == "Eight tips for the lakes"
    assert list(article.paragraphs) == [f"• {tip}" for tip in _TIPS]


def test_a_post_made_of_a_list_keeps_every_item_where_the_page_is_read_whole(
    monkeypatch: Any,
) -> None:
    # readability keeps nothing, so the page is read whole; the items trafilatura kept are
    # known there by their text without the bullet, and written with it again.
    monkeypatch.setattr("article_clean.regions.readability_lines", lambda tree: [])
    article = clean(_list_post(), kind="html", strict=True)
    assert list(article.paragraphs) == [f"• {tip}" for tip in _TIPS]


def test_a_list_item_is_written_after_one_bullet_however_its_markup_opens() -> None:
    # An item's text in a paragraph of its own, after a break or a picture: one line, after a
    # bullet, never a bullet alone on a line.
    region = lxml.html.fromstring(
        "<div><ul><li><p>First point of the list, in a paragraph</p></li>"
        "<li>Second point, as plain text</li><li><br>Third point, after a break</li>"
        "<li><img src='a.jpg'><br>Fourth point, under a picture</li><li> </li>"
        "<li><p>Fifth point</p><p>and its second paragraph</p></li></ul></div>"
    )
    lines = list(visible_lines(region, items=True))
    assert lines == [
        ("• First point of the list, in a paragraph", Hint.ITEM),
        ("• Second point, as plain text", Hint.ITEM),
        ("• Third point, after a break", Hint.ITEM),
        ("• Fourth point, under a picture", Hint.ITEM),
        ("• Fifth point", Hint.ITEM),
        ("and its second paragraph", None),
    ]


def test_a_list_inside_a_list_item_is_read_item_by_item() -> None:
    # trafilatura keeps a nested list inside its item; read as one text, the item's heading and
    # every nested item ran together with no space between them.
    extracted = lxml.etree.fromstring(
        "<body><list><item>Only on this site<list><item>First other story</item>"
        "<item>Second <hi>other</hi> story</item></list>and a word after</item>"
        "<item><list><item>A nested item alone</item></list></item>"
        "<item>A plain item</item></list></body>"
    )
    assert list(extracted_lines(extracted, None)) == [
        ("• Only on this site", Hint.ITEM),
        ("• First other story", Hint.ITEM),
        ("• Second other story", Hint.ITEM),
        ("and a word after", None),
        ("• A nested item alone", Hint.ITEM),
        ("• A plain item", Hint.ITEM),
    ]
    # A list quoted keeps the quote's hint, nested or not.
    quoted = lxml.etree.fromstring(
        "<body><quote><list><item>Quoted<list><item>Nested</item></list>after</item></list>"
        "</quote></body>"
    )
    assert list(extracted_lines(quoted, None)) == [
        ("• Quoted", Hint.QUOTE),
        ("• Nested", Hint.QUOTE),
        ("after", Hint.QUOTE),
    ]


@pytest.mark.parametrize("markup", ["<li><br>{}</li>", "<li><p>{}</p></li>"])
def test_a_post_made_of_a_list_keeps_items_that_open_with_a_break_or_a_paragraph(
    markup: str,
) -> None:
    article = clean(_list_post(markup), kind="html", strict=True)
    assert list(article.paragraphs) == [f"• {tip}" for tip in _TIPS]


@pytest.mark.parametrize("count", [3, 5, 6])
def test_a_short_list_post_keeps_all_its_items(count: int) -> None:
    # Items of a dozen words score as short lines; a story that ends inside a list written with
    # bullets goes on to the list's last item.
    article = clean(_list_post(count=count), kind="html", strict=True)
    assert list(article.paragraphs) == [f"• {tip}" for tip in _TIPS[:count]]


def test_a_paragraph_typed_with_a_bullet_is_known_where_the_page_is_read_whole() -> None:
    line = "• Point made in a paragraph of its own, typed with a bullet"
    assert whole_page(lambda: ((line, None),), [(line, PARAGRAPH)]) == [(line, PARAGRAPH)]


def test_where_readabilitys_region_has_no_story_the_whole_page_is_read(monkeypatch: Any) -> None:
    # readability's prose is the post's footer, which the rules make trailer: the body would be
    # empty, so the page is read whole, and the story found in it.
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    footer = "This entry was posted in News and tagged bridge. Bookmark the permalink."
    monkeypatch.setattr(
        "article_clean.regions.readability_lines", lambda tree: [(footer, PARAGRAPH)]
    )
    menu = "".join(f"<div><a href='/s{n}'>Section {n}</a></div>" for n in range(8))
    page = f"<html><body>{menu}{_STORY}<p>{footer}</p></body></html>"
    article = clean(page, kind="html")
    assert list(article.paragraphs) == list(_TEXTS)


def test_a_title_the_extraction_puts_under_the_story_still_heads_the_article(
    monkeypatch: Any,
) -> None:
    # Some blog templates put the post's date and title after its text in trafilatura's
    # output; the page's headline then goes back on top, and the story stays the body.
    headline = "Council votes to rebuild the bridge"
    extracted = lxml.etree.fromstring(
        "<body>" + _STORY + f"<p>Saturday, May 3, 2012</p><p>{headline}</p></body>"
    )

    class Extraction:
        body = extracted

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: Extraction())
    page = (
        f"<html><head><title>River Town Blog: {headline}</title></head><body>"
        f"<h1>River Town Blog</h1><h3 class='post-title entry-title'>{headline}</h3>{_STORY}"
        "</body></html>"
    )
    article = clean(page, kind="html")
    assert article.headline == headline
    assert list(article.paragraphs) == list(_TEXTS)


def test_main_content_of_teasers_without_prose_is_not_trusted(monkeypatch: Any) -> None:
    # Where trafilatura's main content is a list of teasers and dates, however long, the
    # page is read whole and the story found in it.
    teasers = "".join(
        f"<p>Another headline about the town's plans for the year, part {i}</p><p>7 June 2012</p>"
        for i in range(12)
    )
    teaser_xml = lxml.etree.fromstring(f"<body>{teasers}</body>")

    class Extraction:
        body = teaser_xml

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: Extraction())
    page = _page(_STORY).replace("</article>", f"</article><aside>{teasers}</aside>")
    article = clean(page, kind="html")
    assert list(article.paragraphs) == list(_TEXTS)


def test_a_page_of_a_lone_doctype_is_an_empty_article() -> None:
    # lxml finds no element in it; a browser shows nothing, and so does the Article.
    for page in ("<!DOCTYPE HTML", b"<!doctype html>\n"):
        article = clean(page)
        assert (article.kind, article.body, article.headline) == ("html", "", None)
        assert any("no elements" in warning for warning in article.warnings)
        assert clean(article.body).body == article.body


def test_text_between_elements_is_read() -> None:
    loose = (
        "The controller has dropped to its lowest price of the year, and the matte finish keeps "
        "it looking clean after hours and hours of play, which is why readers keep asking for it."
    )
    body = (
        _PARAGRAPH
        + _PARAGRAPH.replace("this week", "on Monday")
        + _PARAGRAPH.replace("early buyers", "reviewers")
        + f"<h2>Controller for $39.99</h2><a href='/c'><img src='c.jpg'></a>{loose}<br>"
        + "<ul><li><a href='/buy'>Get it on Amazon for $39.99</a></li></ul>"
        + "<h2>Console bundle for $238.99</h2><a href='/b'><img src='b.jpg'></a>"
        + loose.replace("controller", "console")
        + "<br><ul><li><a href='/buy'>Get it at Walmart for $238.99</a></li></ul>"
        + _PARAGRAPH.replace("new", "older")
    )
    article = clean(_page(body), kind="html")
    assert loose in article.body
    assert loose.replace("controller", "console") in article.body


def test_a_story_laid_out_in_a_table_cell_keeps_its_paragraphs() -> None:
    paragraphs = list(_TEXTS)
    cell = "".join(f"<p>{text}</p>" for text in paragraphs)
    page = (
        "<html><body><table><tr><td><h1>The best deals this week</h1>"
        f"{cell}</td></tr></table></body></html>"
    )
    article = clean(page, kind="html")
    assert list(article.paragraphs) == paragraphs
    assert article.headline == "The best deals this week"


def test_a_quoted_passage_of_paragraphs_keeps_each_one() -> None:
    intro, first, second = _TEXTS
    quote = f"<blockquote>{first}<p>{second}</p><p>{intro}</p></blockquote>"
    for page in (
        _page(f"<p>{intro}</p>{quote}"),
        # In a page laid out as a table, beside the sidebar's cell.
        "<html><body><table><tr><td><h1>The best deals this week</h1>"
        f"<p>{intro}</p>{quote}</td><td><p>Archives</p></td></tr></table></body></html>",
    ):
        article = clean(page, kind="html")
        assert list(article.paragraphs) == [intro, first, second, intro]


def test_a_caption_that_repeats_the_first_paragraph_does_not_take_it_away() -> None:
    lede = (
        "A video showing the moment a kidnapped girl was rescued by police was released on "
        "Monday, two days after officers found her in a motel room outside the city."
    )
    page = _page(
        f"<figure><video src='v.mp4'></video><figcaption>{lede}</figcaption></figure>"
        f"<p>{lede}</p>" + _STORY
    )
    article = clean(page, kind="html")
    assert article.paragraphs[0] == lede


@pytest.mark.parametrize(
    "wrapper", ["<span style='font-size: small;'>{}</span>", "<font>{}</font>"]
)
def test_a_styled_paragraph_under_a_picture_is_kept(wrapper: str) -> None:
    # A blog editor's post: a picture's box, then the opening paragraph typed into the post's
    # box inside styling elements, then paragraphs in boxes of their own. trafilatura, keeping
    # images, drops the run of text after the picture unless it is a paragraph of its own.
    opening = (
        "I love a warm bowl of soup as much as the next cook, but once in a while there is "
        "nothing wrong with something lighter, and this one surprised everyone at the table."
    )
    # Enough of them that trafilatura's extraction is not too short to stand on its own.
    texts = [
        "The key is not to overcook the vegetables when you brown them in the pan, so keep the "
        "heat at medium and stir them every minute or so until they just start to soften.",
        "This is meant to be a quick and simple weeknight meal, so there is not much in the way "
        "of extras, but peppers, squash and mushrooms are always welcome additions to the pot.",
        "Once the stock is in, let it simmer gently for twenty minutes with the lid half on, and "
        "taste it now and then: it may want more salt than you think before it is ready.",
        "A spoonful of sour cream and a handful of chopped herbs on top make it feel like much "
        "more work than it was, and a thick slice of bread on the side finishes the job.",
        "It keeps well in the fridge for three days and freezes for a month, which is why I make "
        "a double batch whenever the evenings get cold and wet at the end of the year.",
        "If you try it, let me know how it turned out, and which vegetables you used, since "
        "every season seems to bring something new to the market stalls near my house.",
    ]
    others = "".join(
        f"<div class='MsoNormal'><span>{text}</span></div><div><span><br></span></div>"
        for text in texts
    )
    page = _page(
        "<div class='post-body entry-content'><div class='separator'><a href='a.jpg'>"
        f"<img src='a.jpg' width='320'></a></div>{wrapper.format(wrapper.format(opening))}<br>"
        f"{others}</div>"
    )
    article = clean(page, kind="html")
    assert article.paragraphs[0] == opening
    assert all(text in article.body for text in texts)


def test_a_long_caption_is_still_a_caption() -> None:
    caption = (
        "Dancers in traditional dress perform the court dance on the special stage in the park "
        "during the opening ceremony of the festival on Saturday evening."
    )
    page = _page(
        f"<p>{_TEXTS[0]}</p><div class='wp-caption'><img src='a.jpg'>"
        f"<p class='wp-caption-text'>{caption}</p></div>"
        + "".join(f"<p>{text}</p>" for text in _TEXTS[1:])
    )
    article = clean(page, kind="html")
    assert caption not in article.body
    assert caption in article.captions


def test_a_figures_caption_and_credit_reach_the_captions() -> None:
    # trafilatura keeps a <figure>'s picture and drops its <figcaption>.
    caption = "The new earbuds in their charging case"
    figure = (
        f"<figure><img src='a.jpg'><figcaption>{caption} "
        "<span class='credit'>Photo: Jane Doe/Reuters</span></figcaption></figure>"
    )
    article = clean(_page(f"<p>{_TEXTS[0]}</p>{figure}<p>{_TEXTS[1]}</p><p>{_TEXTS[2]}</p>"))
    assert article.captions == (f"{caption} Photo: Jane Doe/Reuters",)
    assert article.body == "\n\n".join(_TEXTS)


def test_a_figures_caption_in_boxes_keeps_its_lines_apart() -> None:
    lines = ("The new earbuds in their charging case", "Photo: Jane Doe/Reuters")
    for box in ("<div>{}</div><div>{}</div>", "<ul><li>{}</li><li>{}</li></ul>"):
        figure = f"<figure><img src='a.jpg'><figcaption>{box.format(*lines)}</figcaption></figure>"
        article = clean(_page(f"<p>{_TEXTS[0]}</p>{figure}<p>{_TEXTS[1]}</p><p>{_TEXTS[2]}</p>"))
        (caption,) = article.captions
        assert [line.removeprefix("• ") for line in caption.split("\n")] == list(lines)


def test_a_figure_in_the_pages_header_gives_no_caption() -> None:
    page = (
        "<html><head><title>Deals</title></head><body><header><figure><img src='n.jpg'>"
        "<figcaption>Our newsroom in the city centre at night</figcaption></figure></header>"
        f"<article><h1>The best deals this week</h1>{_STORY}</article></body></html>"
    )
    article = clean(page)
    assert article.captions == ()
    assert article.body == "\n\n".join(_TEXTS)


def test_a_figure_set_inside_a_paragraph_keeps_the_paragraphs_text_after_it() -> None:
    # Its caption made a paragraph inside the paragraph, whose own text after the figure was lost.
    lead = (
        "The theatre group will open its new show <a href='/show'><em>Nights of Light</em></a>, "
        "from November to January, at <a href='/venue'>the Old Mill Hall</a>."
    )
    rest = [
        "The director has worked with the group for many years and wrote most of the music for "
        "the new show herself, with help from two composers she met at the conservatory.",
        "Known for their appearances on a televised talent contest, the dancers perform in suits "
        "covered in small lights, which turn each of them into a moving drawing on a dark stage.",
        "The show tells the story of a shy young painter who struggles to talk to the people "
        "around him and finds comfort in a brush whose strokes glow in the dark.",
        "The design team also includes three choreographers, a set designer and a costume maker, "
        "all of whom have worked with the group on its earlier shows.",
    ]
    page = (
        "<html><head><title>t</title></head><body><article><section><p>\t<figure><img src='a.jpg' "
        "alt='Promotional photo'><figcaption>Promotional photo for <i>Nights of Light</i><br>"
        "</figcaption>\t</figure>\n\t" + lead + "</p>" + "".join(f"<p>{t}</p>" for t in rest)
        + "</section></article></body></html>"
    )
    article = clean(page)
    assert "The theatre group will open its new show Nights of Light" in article.body
    assert article.body.endswith("\n\n".join(rest))


def _with_description(description: str, body: str) -> str:
    return (
        f"<html><head><meta property='og:description' content='{description}'></head><body>"
        f"<article><h1>The best deals this week</h1>{body}</article></body></html>"
    )


def test_a_subheading_that_repeats_the_description_is_the_dek() -> None:
    dek = "There are more ways to play than ever before, and here is how to choose between them."
    article = clean(_with_description(dek, f"<h2>{dek}</h2>{_STORY}"), kind="html")
    assert dek not in article.body
    assert [s.rule for s in article.segments if s.text.strip() == dek] == ["HTM005"]


def test_a_first_paragraph_that_the_description_repeats_is_the_story() -> None:
    lede = _TEXTS[0]
    article = clean(_with_description(lede, _STORY), kind="html")
    assert article.paragraphs[0] == lede


def test_a_page_that_opens_with_a_long_script_is_html() -> None:
    script = "<script>var config = {" + "'key': 'value', " * 400 + "};</script>\n"
    page = script + _page(_STORY)
    assert len(script) > 4096
    article = clean(page)
    assert article.kind == "html"
    assert article.body.split("\n\n") == list(_TEXTS)


def test_a_page_with_a_broken_doctype_is_html() -> None:
    style = "<style>" + "p.story { margin: 0 auto; font-size: 1.1em; }\n" * 60 + "</style>\n"
    page = "<!DOCTYPE>\n<!-- generated -->\n" + style + _page(_STORY)
    article = clean(page.encode("utf-8"))
    assert article.kind == "html"
    assert article.headline == "The best deals this week"


def test_text_that_mentions_tags_is_still_text() -> None:
    text = (
        "Web pages start with an <html> element and hold a <body>.\n\n"
        + "Our story explains how browsers read them, one paragraph after another.\n\n" * 3
    )
    assert clean(text).kind == "text"


def test_a_pages_text_that_quotes_a_template_below_its_menu_is_text() -> None:
    menu = "Markets\n\nMarkets\n\nOpinion\n\nOpinion\n\nLife\n\nLife\n\nMore\n\n"
    template = '<div> <div class="suggest hidden"> </div> <ul role="listbox"><li>' * 3
    text = "Geithner urges quick action - The Paper\n\n" + menu + template + "\n\n"
    text += "\n\n".join(_TEXTS)
    assert clean(text).kind == "text"
    fragment = "The best deals this week\n\n" + _STORY
    assert clean(fragment).kind == "html"


_LEDE = (
    "Shoppers queued outside the shop before dawn, and by noon the first delivery of the new "
    "model had sold out in every colour."
)


def test_a_newline_in_the_source_is_a_space_and_a_br_a_line_break() -> None:
    first, second = _LEDE.split(", and ")
    wrapped = f"{first},<br>and {second}".replace(" outside ", "\noutside\n   ").replace(
        " noon ", "\r\nnoon "
    )
    article = clean(_page(f"<p>{wrapped}</p>{_STORY}"), kind="html")
    assert article.paragraphs == (f"{first},\nand {second}", *_TEXTS)


def test_a_page_read_whole_is_read_as_a_browser_shows_it(monkeypatch: Any) -> None:
    monkeypatch.setattr("article_clean.regions.readability_lines", lambda tree: [])
    page = (
        "<html><body><div style='display: none'>Sign in to continue reading</div>"
        "<div>The council met on Tuesday night\nand voted to rebuild the old bridge,<br>"
        "which has been closed\n   since the spring floods.<p>Work starts in March.</p></div>"
        "<pre>Budget:\n  bridge  4.2m</pre></body></html>"
    )
    article = clean(page, kind="html")
    assert article.text.split("\n\n") == [
        "The council met on Tuesday night and voted to rebuild the old bridge,\n"
        "which has been closed since the spring floods.",
        "Work starts in March.",
        "Budget:\nbridge 4.2m",
    ]


def test_a_post_tagged_share_is_not_a_share_box() -> None:
    # WordPress names the post's tags and categories in its element's classes.
    page = (
        "<html><body><div class='post tag-share category-social-media'>"
        f"<h1>The best deals this week</h1>{_STORY}</div></body></html>"
    )
    assert clean(page, kind="html").body.split("\n\n") == list(_TEXTS)


def test_list_items_are_written_with_a_bullet_and_their_repeats_survive_as_text() -> None:
    body = _PARAGRAPH * 2
    for model in ("older", "cheaper"):
        body += f"<h2>The {model} model</h2>{_FEATURES}{_PARAGRAPH.replace('new', model)}"
    article = clean(_page(body), kind="html")
    assert article.body.count("• Charges quickly in the case") == 2
    assert clean(article.body).body == article.body


def test_the_pages_stated_authors_are_read_before_the_whole_page_is() -> None:
    # Too little main content: the page is read whole, which marks up its tree; the authors
    # in its markup are read first, as the page has them.
    page = (
        "<html><head><title>Short note</title></head><body><div class='post'><h1>Short note</h1>"
        "<div class='author-name'><div>Jane Doe</div></div>"
        "<p>The bridge opens on Monday morning at nine.</p></div></body></html>"
    )
    assert read_page(page).authors() == ("Jane Doe",)


def test_a_posts_comment_thread_is_not_its_body() -> None:
    comments = "".join(
        f"<li class='comment' id='comment-{n}'><div class='comment-author'>Reader {n}</div>"
        f"<p>Thanks for the review, I bought a pair after reading it and they are great {n}.</p>"
        "</li>"
        for n in range(4)
    )
    page = (
        "<html><head><title>Earphones</title></head><body><article><h1>The new earphones</h1>"
        f"{_STORY}</article><div id='comments'><h3>4 Comments</h3>"
        f"<ol class='commentlist'>{comments}</ol></div></body></html>"
    )
    article = clean(page, kind="html")
    assert article.paragraphs == _TEXTS
    assert "Thanks for the review" not in article.body


def test_text_typed_loose_into_a_box_around_its_pictures_is_kept() -> None:
    """A blog post written straight into one box, between the boxes of its pictures and split
    by blank lines: every paragraph of it reaches the body, in order, also the ones right
    under a picture, which trafilatura alone drops."""
    loose = [
        text.replace("earphones", noun)
        for noun in ("headphones", "speakers", "watches")
        for text in _TEXTS[:2]
    ]
    picture = '<div class="separator"><a href="/big.jpg"><img src="/small.jpg"></a></div>'
    post = (
        f"{picture}\n{loose[0]}<br>\n<br>\n{loose[1]}<br>\n<br>\n{picture}\n{picture}\n"
        f"{loose[2]}<br>\n<br>\n<b>{loose[3]}</b><br>\n<br>\n{picture}\n{loose[4]}<br>\n<br>\n"
        f"{loose[5]}"
    )
    page = (
        "<html><head><title>Deals</title></head><body><div class='post'><h3>Sound deals</h3>"
        f"<div class='post-body'>{post}</div></div><div class='sidebar'><p>About me</p></div>"
        "</body></html>"
    )
    body = clean(page, kind="html").body
    positions = [body.find(text) for text in loose]
    assert -1 not in positions and positions == sorted(positions)


_POEM = (
    ("The river keeps its counsel in the night,", "It carries what the hills forgot to say;",
     "And when the morning spills its borrowed light,", "It hurries all the darker words away."),
    ("I followed it one autumn to the sea,", "Where every stone had learned to hold its tongue,",
     "And found the river waiting there for me,", "As patient as the songs we left unsung."),
)  # fmt: skip


def test_lines_typed_into_a_box_one_break_after_each_are_kept() -> None:
    """A poem written straight into one box beside a small inner box, a <br> after each line
    and a blank line between stanzas: no line is long, but each stanza is one paragraph, and
    the whole poem reaches the body (trafilatura alone makes every line a paragraph of its own,
    which reads as a column of short lines, not a story)."""
    stanzas = "<br><br>".join("<br>".join(lines) for lines in _POEM)
    page = (
        "<html><head><title>The River</title></head><body><div class='post'>"
        "<h1>The River</h1><div class='article_body'><div align='center'>"
        f"<div align='right'><i>Common metre</i><br></div>{stanzas}</div></div></div>"
        "<div class='sidebar'><p>About me</p></div></body></html>"
    )
    body = clean(page, kind="html").body
    lines = [line for stanza in _POEM for line in stanza]
    positions = [body.find(line) for line in lines]
    assert -1 not in positions and positions == sorted(positions)


def test_a_column_of_short_links_is_no_loose_text_however_indented() -> None:
    # The lines' own characters count, not the source's indentation before each.
    words = ["Home", "News", "Sport", "Contact", "About"]
    column = "<br>".join("\n" + " " * 24 + word for word in words)
    tree = lxml.html.fromstring(f"<html><body><div><p>Links</p>{column}</div></body></html>")
    assert marked(tree).loose == []
    poem = "<br>".join(line for stanza in _POEM for line in stanza)
    tree = lxml.html.fromstring(f"<html><body><div><p>A poem</p>{poem}</div></body></html>")
    assert len(marked(tree).loose) == 1


_WORD = st.sampled_from(["the", "bridge", "Council", "voted", "on", "Tuesday,", "and", "opens."])
_WORDS = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_LONG = st.lists(_WORD, min_size=20, max_size=40).map(" ".join)  # longer than LOOSE_TEXT
_CHILDREN = st.one_of(
    _WORDS,
    _LONG,
    st.just("<br>"),
    st.just("<br><br>"),
    st.just("<!-- a note -->"),
    _WORDS.map(lambda words: f"<b>{words}</b>"),
    _WORDS.map(lambda words: f"<a href='/x'>{words}</a>"),
    _WORDS.map(lambda words: f"<p>{words}</p>"),
    st.just("<div class='separator'><a href='/big.jpg'><img src='/small.jpg'></a></div>"),
    _WORDS.map(lambda words: f"<div>{words}</div>"),
    _WORDS.map(lambda words: f"<div><p>{words}</p>{words}</div>"),
)
_BOXES = st.lists(_CHILDREN, max_size=14).map(lambda children: f"<div>{''.join(children)}</div>")


@settings(max_examples=200, deadline=None)
@given(st.lists(_BOXES, min_size=1, max_size=3).map("".join))
def test_loose_text_made_into_paragraphs_keeps_every_word_in_its_order(boxes: str) -> None:
    tree = lxml.html.fromstring(f"<html><body>{boxes}</body></html>")
    before = tree.text_content().split()
    _paragraphs_of_loose_text(marked(tree).loose)
    assert tree.text_content().split() == before


def test_a_photo_post_told_in_its_captions_keeps_them_as_its_body() -> None:
    """Where the captions hold most of the page's prose, they are the post (where the story has
    its own paragraphs, a caption stays one: the samples' expected captions hold to that)."""
    nouns = ("headphones", "speakers")
    texts = [text.replace("earphones", noun) for noun in nouns for text in _TEXTS]
    photos = "".join(
        f'<div class="image-wrapper"><img src="/{n}.jpg"><div class="caption-image"><p>{text}</p>'
        "</div></div>"
        for n, text in enumerate(texts)
    )
    article = clean(_page(f"<p>From the show floor.</p>{photos}"), kind="html")
    assert all(text in article.body for text in texts)
    assert not article.captions


def test_a_post_inside_a_box_whose_class_names_sharing_is_still_the_story() -> None:
    """A theme that wraps the post in a "social" box: its paragraphs hold most of the page's
    prose, so they are the story, not a share box's text."""
    paragraphs = "".join(f"<p>{text}</p>" for text in _TEXTS)
    page = _page(f"<p>Deals</p><div class='post-social-wrap'>{paragraphs}</div><p>Share</p>")
    body = clean(page, kind="html").body
    assert all(text in body for text in _TEXTS)


def test_a_post_inside_an_aside_keeps_its_paragraphs_that_open_with_a_link() -> None:
    """A theme that writes each post as an <aside>: its paragraphs are the box's whether or
    not a link or emphasis opens them, so all of them hold the page's prose and are the story.
    Keyed only by the box's pieces of text, the linked ones read as plain paragraphs that
    outweighed the others, which went as the box's noise."""
    linked = [f"<p><a href='/deals'>Deals</a> {text}</p>" for text in _TEXTS]
    plain = [
        "<p>Whether the prices hold until the weekend is anyone's guess, and the shop would not "
        "say how many of the earphones it has left in its warehouses.</p>",
        "<p>In other news, the same shop has cut the price of its older model by a third.</p>",
    ]
    page = _page(f"<aside class='blogPost'>{''.join(linked + plain)}</aside>")
    body = clean(page, kind="html").body
    assert all(lxml.html.fromstring(p).text_content() in body for p in linked + plain)


def test_a_paragraph_of_the_story_above_its_headline_stays_in_the_story() -> None:
    # Pages put an update or the story's lead above the headline and byline; trafilatura keeps it.
    update = (
        "Update, Tuesday: the maker has since confirmed the price for all markets, and says the "
        "first shipments will reach the shops in time for the holidays."
    )
    page = (
        "<html><head><title>Earphones</title></head><body><article>"
        f"<p>{update}</p><h1>The new earphones</h1><p>By Jane Doe</p><p>May 5, 2019</p>{_STORY}"
        "</article></body></html>"
    )
    article = clean(page, kind="html")
    assert article.headline == "The new earphones"
    assert article.paragraphs == (update, *_TEXTS)
    # The byline and dateline under the headline are still the story's header, though a body
    # line stands above them.
    assert (article.byline, article.published) == ("Jane Doe", "2019-05-05")


def test_a_short_note_above_the_headline_of_a_short_story_stays_in_the_story() -> None:
    # A note of fewer than twenty words above the <h1>, and one paragraph under it: the
    # markup's headline a block into the story found does not cut the note off (a plain
    # text's post title under its blog's description does).
    note = "Update: this story was changed on Wednesday to add the mayor's comments on the vote."
    story = (
        "The town council voted on Tuesday night to rebuild the old river bridge, ending a year "
        "of delays and arguments over the cost of the work."
    )
    page = (
        "<html><head><title>Council votes | Town News</title></head><body><article>"
        f"<p>{note}</p><h1>Council votes to rebuild the bridge</h1><p>{story}</p>"
        "</article></body></html>"
    )
    article = clean(page, kind="html")
    assert article.headline == "Council votes to rebuild the bridge"
    assert article.paragraphs == (note, story)


_FIRST_PART = (
    "The city council voted on Tuesday to rebuild the old river bridge, ending a debate that "
    "has run for more than ten years in the town hall.",
    "The vote was seven to two, and work is to start in the spring if the state signs off.",
    "A temporary crossing for cyclists and people on foot will open next month, the mayor "
    "said, and buses will run a longer route until the new bridge is finished.",
    "Shop owners on both banks asked the council to keep the work short, as the closed bridge "
    "has cost them customers every week since the floods of last spring.",
)
_REST = tuple(
    f"Part {n} of the story goes on with the plan, the cost of the work and what the people "
    "who live by the river think about it, street by street."
    for n in ("three", "four", "five", "six", "seven")
)


def _two_boxes(between: str) -> str:
    return (
        "<html><head><title>Bridge</title></head><body><h1>Council votes to rebuild the bridge</h1>"
        "<div class='story'>" + "".join(f"<p>{t}</p>" for t in _FIRST_PART) + "</div>"
        f"{between}<div class='more'>" + "".join(f"<p>{t}</p>" for t in _REST) + "</div>"
        "</body></html>"
    )


def _trafilatura_keeps_the_first_box(monkeypatch: Any) -> None:
    first = lxml.etree.fromstring("<body>" + "".join(f"<p>{t}</p>" for t in _FIRST_PART) + "</body>")

    class Extraction:
        body = first

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: Extraction())


def test_a_story_in_two_sibling_boxes_keeps_the_box_trafilatura_left(monkeypatch: Any) -> None:
    _trafilatura_keeps_the_first_box(monkeypatch)
    article = clean(_two_boxes("<div class='widget'><span>Loading...</span></div>"), kind="html")
    assert article.paragraphs == (*_FIRST_PART, *_REST)


def test_a_longer_box_far_below_the_story_is_not_joined_to_it(monkeypatch: Any) -> None:
    # Further off than a story's parts stand, the longer box is another part of the page.
    _trafilatura_keeps_the_first_box(monkeypatch)
    menu = "".join(f"<div><a href='/s{n}'>Section {n}</a></div>" for n in range(12))
    article = clean(_two_boxes(menu), kind="html")
    assert article.paragraphs == _FIRST_PART


def test_a_page_read_whole_finds_the_story_readability_kept(monkeypatch: Any) -> None:
    # trafilatura kept nothing; the longer run of prose on the page is the sidebar's, far
    # below a menu, and readability's pick, the story's box, pins the story down.
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    about = tuple(
        f"About the author, part {n}: she has written on rivers, towns and bridges for many "
        "years, and her books are found in every library of the valley and beyond it."
        for n in range(1, 7)
    )
    menu = "".join(f"<div><a href='/s{n}'>Section {n}</a></div>" for n in range(30))
    page = (
        "<html><head><title>Bridge</title></head><body><div class='content article'>"
        "<h1>Council votes to rebuild the bridge</h1>"
        + "".join(f"<p>{t}</p>" for t in _FIRST_PART)
        + f"</div>{menu}<div class='sidebar widget'>"
        + "".join(f"<p>{t}</p>" for t in about)
        + "</div></body></html>"
    )
    article = clean(page, kind="html")
    assert article.paragraphs == _FIRST_PART


def test_a_page_of_much_markup_and_little_text_gets_no_second_opinion(monkeypatch: Any) -> None:
    # Readability over tens of thousands of empty elements costs seconds and finds nothing.
    readings: list[object] = []
    monkeypatch.setattr(
        "trafilatura.readability_lxml.Document", lambda *args, **kwargs: readings.append(args)
    )
    page = f"<html><body>{'<i></i>' * 30_000}<p>{_FIRST_PART[0]}</p></body></html>"
    assert clean(page, kind="html").paragraphs == (_FIRST_PART[0],)
    assert readings == []
    clean(f"<html><body><p>{_FIRST_PART[0]}</p></body></html>", kind="html")
    assert len(readings) == 1  # a page of ordinary size gets one


def _cards(*summaries: str) -> str:
    cards = (
        f"<li><h3><a href='/{n}'>Another story of the week, number {n}</a></h3><p>{text}</p></li>"
        for n, text in enumerate(summaries)
    )
    return "<ul>" + "".join(cards) + "</ul>"


def test_a_list_of_headed_cards_is_not_the_story() -> None:
    summaries = [
        "A reader asked which of the new phones lasts longest, and the answer surprised the team.",
        "The cheapest tablet of the year turned out to be the one that most testers liked best.",
    ]
    page = _page(_STORY + _cards(*summaries))
    hints = {block.hint for block in read_page(page).blocks if summaries[0] in block.text}
    assert hints == {"teaser"}
    article = clean(page, kind="html")
    assert all(text in article.body for text in _TEXTS)
    for summary in summaries:
        assert summary not in article.body
    # HTM006 calls the cards noise; the story ends above them, so they go to the trailer.
    assert {s.rule for s in article.segments if summaries[0] in s.text} == {"STO002"}


def test_a_card_with_a_list_of_its_topics_is_still_a_card() -> None:
    # Its heading, summary and topics stay one line, as the cards are keyed: none of it is
    # the story's, nested list or not.
    summaries = [
        "A reader asked which of the new phones lasts longest, and the answer surprised the team.",
        "The cheapest tablet of the year turned out to be the one that most testers liked best.",
    ]
    topics = "</p><ul><li>Phones</li><li>Tests</li></ul></li>"
    page = _page(_STORY + _cards(*summaries).replace("</p></li>", topics))
    hints = {block.hint for block in read_page(page).blocks if "Phones" in block.text}
    assert hints == {"teaser"}
    article = clean(page, kind="html")
    assert all(text in article.body for text in _TEXTS)
    assert "Phones" not in article.body and summaries[0] not in article.body


def test_a_list_article_told_in_headed_items_keeps_them_in_the_story() -> None:
    tip = "It has a battery that lasts two days, a screen easy to read in the sun, and a low price."
    items = "".join(f"<li><h2>{n}. Phone number {n}</h2><p>{tip}</p></li>" for n in "12345")
    intro = "<p>Here are the five phones our reviewers liked best, after three months of tests.</p>"
    article = clean(_page(intro + f"<ol>{items}</ol>"), kind="html")
    assert article.body.count(tip) == 5


def test_a_card_that_sums_up_the_story_itself_leaves_its_paragraph_in_the_story() -> None:
    # The page's own post among the cards: the card's summary is the story's first paragraph.
    # Only the whole item is matched, never its pieces (a summary alone would take the paragraph).
    cards = _cards(_TEXTS[0], "Another summary of another page, which the site also links.")
    article = clean(_page(_STORY + cards), kind="html")
    assert article.body.startswith(_TEXTS[0])


def test_cards_that_outweigh_a_short_post_are_not_its_story_where_one_is_the_post_itself() -> None:
    # A short post, then the site's recent posts as headed cards, which hold more prose than the
    # post: a list article's items, but for the card titled with the page's own headline.
    summaries = [
        "A reader asked which of the new phones lasts longest, and the answer surprised the team.",
        "The cheapest tablet of the year turned out to be the one that most testers liked best.",
        "Three of the watches we tried this month still lose a minute a day, whatever you do.",
    ]
    own = (
        "<li><h3><a href='/deals'>The best deals this week</a></h3>"
        f"<p>{_TEXTS[0][:60]}</p></li>"
    )
    cards = _cards(*summaries).replace("</ul>", own + "</ul>")
    article = clean(_page(f"<p>{_TEXTS[0]}</p>" + cards), kind="html")
    assert article.body == _TEXTS[0]
    # Without the page's own card, such cards are a list article's items, and its story.
    article = clean(_page(f"<p>{_TEXTS[0]}</p>" + _cards(*summaries)), kind="html")
    assert summaries[0] in article.body
    # A title of a word or two ("A", "Update") opens other cards by chance: no own card.
    short = _page(f"<p>{_TEXTS[0]}</p>" + _cards(*summaries)).replace(
        "<h1>The best deals this week</h1>", "<h1>A</h1>"
    )
    assert summaries[0] in clean(short, kind="html").body


def test_a_loose_line_that_repeats_the_alt_text_of_the_image_before_it_is_its_caption() -> None:
    alt = "A lighthouse on the rocky coast at dawn, seen from the harbour wall"
    lines = [("", ImageAlt(alt.casefold())), (alt, None), ("A line of the story itself.", None)]
    assert _with_hints(lines, {}, frozenset()) == [
        (alt, "caption"),
        ("A line of the story itself.", None),
    ]


_WORD = st.sampled_from(["the", "thea", "mayor", "said", "é", "a\u00a0b", "x", "12", "<b>the</b>"])
_GAP = st.sampled_from([" ", "  ", "\n", "\t ", "\r\n"])


@settings(max_examples=150)
@given(
    st.lists(st.lists(st.tuples(_WORD, _GAP), min_size=8, max_size=16), min_size=1, max_size=6),
    st.integers(0, 5),
    st.integers(10, 14),
)
def test_paragraph_index_finds_what_the_xpath_finds(
    paragraphs: list[list[tuple[str, str]]], which: int, size: int
) -> None:
    """The paragraphs indexed once per page are those a search of the tree would find, the
    text normalised as XPath's normalize-space() does (a no-break space is no space to it)."""
    html = "<html><body>" + "".join(
        "<p>" + "".join(w + g for w, g in words) + "</p>" for words in paragraphs
    ) + "</body></html>"
    tree = lxml.html.fromstring(html)
    source = paragraphs[which % len(paragraphs)]
    words = lxml.html.fromstring("<p>" + " ".join(w for w, _ in source) + "</p>").text_content()
    start = " ".join(words.split()[:size])
    xpath = lxml.etree.XPath("//p[starts-with(normalize-space(.), $start)]")
    assert list(_ParagraphIndex(tree).starting(start)) == list(xpath(tree, start=start))


def test_hints_are_the_model_s_enum_and_structure_rules_do_not_import_the_front_end() -> None:
    hints = {block.hint for block in read_page(_page(_STORY)).blocks}
    assert hints == {Hint.TITLE, Hint.PARAGRAPH}
    assert all(isinstance(hint, Hint) for hint in hints)
    for module in ("structure", "anchors", "layout"):
        source = (Path(__file__).parent.parent / "article_clean" / "builtin" / f"{module}.py")
        assert "import html" not in source.read_text(encoding="utf-8")


@given(st.text(st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "\u2003", "a", "é"])))
def test_paragraph_text_is_normalised_as_xpath_normalize_space_does(text: str) -> None:
    """The shortcut that leaves most paragraphs' text alone gives what normalize-space() gives:
    tabs, newlines and runs of spaces collapse, other Unicode spaces stay."""
    element = lxml.etree.Element("p")
    element.text = text
    assert _normalised(text) == lxml.etree.XPath("normalize-space(.)")(element)


@given(st.lists(st.text(st.sampled_from(["a", "A", "b", " ", "-", "İ", "ẞ"]), min_size=1)))
def test_one_search_over_all_classes_finds_the_elements_a_search_each_finds(
    values: list[str],
) -> None:
    """Classes searched at once, lower-cased in one call, give the elements a search of each
    class finds, also where a letter lower-cases to two ("İ") and the offsets would move."""
    pattern = re.compile("ab|i")
    classed = [(index, value) for index, value in enumerate(values)]
    expected = [index for index, value in classed if pattern.search(value.lower())]
    assert classes_matching(classed, pattern) == expected


_FRAMED_STORY = (
    "The council voted on Tuesday to close the old bridge to cars from next spring, after "
    "engineers found cracks in two of its supports."
)


def test_a_page_of_frames_is_read_from_its_noframes_markup_not_as_escaped_tags() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Council news</title></head><frameset>"
        '<frame src="a.html"><noframes><body><h1>Bridge to close</h1>'
        f"<p>{_FRAMED_STORY}</p></body></noframes></frameset></html>"
    )
    article = clean(page, strict=True)
    assert article.body == _FRAMED_STORY
    assert article.headline == "Bridge to close"
    assert "&lt;" not in article.text and "<p>" not in article.text


def test_a_noframes_notice_on_an_ordinary_page_is_not_shown_as_browsers_do_not() -> None:
    page = (
        "<html><body><noframes>Your browser does not support frames.</noframes>"
        f"<h1>Bridge to close</h1><p>{_FRAMED_STORY}</p></body></html>"
    )
    article = clean(page, strict=True)
    assert "does not support frames" not in article.text
    assert article.body == _FRAMED_STORY


def test_of_several_noframes_the_one_holding_the_page_is_read() -> None:
    page = (
        "<html><head><title>T</title></head><frameset><frame src='a'><frameset>"
        "<noframes>This page uses frames.</noframes></frameset>"
        f"<noframes><body><h1>Bridge to close</h1><p>{_FRAMED_STORY}</p></body></noframes>"
        "</frameset></html>"
    )
    article = clean(page, strict=True)
    assert article.body == _FRAMED_STORY
    assert "uses frames" not in article.text


def test_of_several_noframes_the_one_that_shows_the_most_text_is_read() -> None:
    """Judged by what it shows, not by its markup's length: a notice styled at length."""
    style = "<style>" + "p { color: red; } " * 200 + "</style>"
    page = (
        "<html><head><title>T</title></head><frameset><frame src='a'>"
        f"<noframes>{style}<p>This page uses frames.</p></noframes>"
        f"<noframes><body><h1>Bridge to close</h1><p>{_FRAMED_STORY}</p></body></noframes>"
        "</frameset></html>"
    )
    article = clean(page, strict=True)
    assert article.body == _FRAMED_STORY


def test_the_break_marks_of_a_pages_lines_are_the_noncharacters_a_page_is_cleaned_of() -> None:
    # page_lines marks breaks with U+FDD0-U+FDD3; html.parse drops those from any page first,
    # so a page's own text never holds a mark. The two lists are kept in two modules.
    from article_clean import html, page_lines

    marks = (
        page_lines.BREAK, page_lines._BLOCK_END, page_lines._ITEM_START, page_lines._CELL_START
    )
    for mark in marks:
        assert html._NONCHARACTERS.fullmatch(mark.encode("utf-8"))
    tree, _ = html.parse(f"<p>a{''.join(marks)}b</p>")
    assert tree.text_content() == "ab"


def test_a_template_s_markup_is_not_read_as_the_page_s_text() -> None:
    # <template> holds markup for a script to copy; no browser shows it. On a short page it
    # was read as the story's first paragraph.
    story = [
        "The city council voted on Tuesday to approve a plan for a new bridge over the river, "
        "ending years of debate about how to replace the old crossing built in 1932.",
        "Council members said the new bridge would include lanes for cyclists and a footpath, "
        "and that the work would begin next spring if the state releases its funding.",
        "Residents who spoke at the meeting were divided, some praising the design and others "
        "worried about the noise and the traffic during the three years of the work.",
    ]
    paragraphs = "\n".join(f"<p>{p}</p>" for p in story)
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Council approves bridge plan</title></head>"
        "<body><h1>Council approves bridge plan</h1><template><p>A comment's markup, filled in "
        "by a script for each of the readers who write one.</p></template>"
        f"{paragraphs}</body></html>"
    )
    article = clean(page)
    assert article.body == "\n\n".join(story)
    assert "filled in" not in "".join(s.text for s in article.segments)


def test_figures_side_by_side_give_a_caption_entry_each_where_credits_part_them() -> None:
    """One entry per picture (docs/design.md): figures in a row, each caption with its credit
    in a box of its own, gave one entry holding them all (no credit rule took the credit)."""
    figure = (
        "<figure><img src='a.jpg'><figcaption><p>The new earbuds in their case.</p>"
        "<p>They charge in an hour.</p><p>Photo: Jane Doe/Reuters</p></figcaption></figure>"
    )
    article = clean(_page(f"{figure * 2}<p>{_TEXTS[0]}</p><p>{_TEXTS[1]}</p>"))
    caption = "The new earbuds in their case.\nThey charge in an hour.\nPhoto: Jane Doe/Reuters"
    assert article.captions == (caption, caption)
    # A caption that ends on its credit is whole too.
    for credit in (". Photograph: Anna Lindqvist", " (AP Photo/Evan Vucci)"):
        figures = "".join(
            f"<figure><img src='{n}.jpg'><figcaption>Nets mended on pier {n}{credit}</figcaption>"
            "</figure>"
            for n in range(3)
        )
        article = clean(_page(f"{figures}<p>{_TEXTS[0]}</p><p>{_TEXTS[1]}</p>"))
        assert article.captions == tuple(f"Nets mended on pier {n}{credit}" for n in range(3))


_HARBOUR = (
    (
        "The Port Ellison Harbour Authority voted 6-1 on Tuesday night to spend $40 million "
        "dredging the main shipping channel, which has silted up so badly that the largest "
        "container ships now wait offshore for high tide."
    ),
    (
        "The decision ends nearly two years of argument between the authority, the city council and"
        " fishing cooperatives, who feared that the spoil would be dumped on the shellfish beds "
        "north of the breakwater."
    ),
    (
        "Under the approved plan, about 1.2 million cubic metres of sediment will be removed over "
        "eighteen months and carried by barge to a licensed disposal site twelve nautical miles "
        "offshore."
    ),
    (
        "“This is the single most important investment the port will make this decade,” said "
        "authority chair Linda Haverford, who added that two shipping lines had warned they might "
        "move their weekly calls to a rival port."
    ),
)


@pytest.mark.parametrize("separator", ["<br><br>", "<br/>\n<br/>", "<br />"])
def test_a_fragments_paragraphs_a_break_apart_are_all_read(separator: str) -> None:
    """A feed's item written as "P1<br><br>P2...": trafilatura, favouring recall, dropped the
    text before the first element, the story's lead, with no warning."""
    article = clean(separator.join(_HARBOUR), kind="html")
    assert article.body.split() == " ".join(_HARBOUR).split()
    assert article.warnings == ()


def test_a_story_in_a_template_is_not_read_and_a_warning_says_it_is_there() -> None:
    """A page its scripts render keeps its story in a <template>: it came out empty with only
    "no story found", as if the page held none."""
    story = "".join(f"<p>{text}</p>" for text in _TEXTS * 2)
    script = "<script>var state = '" + "x" * 3000 + "';</script>"
    rendered = f"<div id='app'></div>{script}<template><article><h1>Bridge</h1>{story}</article>"
    article = clean(_page(rendered + "</template>"))
    assert article.body == ""
    assert any("<template> elements hold" in warning for warning in article.warnings)
    # Around the empty page, its menu: still no story outside the template.
    menu = "<nav>" + "".join(f"<a href='/s{n}'>Section number {n}</a> " for n in range(40))
    article = clean(_page(f"{menu}</nav>{rendered}</template>"))
    assert any("<template> elements hold" in warning for warning in article.warnings)
    # A page that shows its story, with a card's template beside it, has no such warning.
    shown = clean(_page(f"{story}<template><div class='card'><b>Name</b></div></template>"))
    assert shown.body and not any("<template>" in w for w in shown.warnings)


def test_a_story_stated_only_in_json_ld_keeps_its_paragraphs() -> None:
    """A page its scripts render may state its story in JSON-LD's articleBody alone: read from
    there as one run of words, its body was one paragraph, unlike the same story as text."""
    import json
    import textwrap

    body = "\n\n".join(_HARBOUR)
    data = json.dumps({"@type": "NewsArticle", "headline": "Harbour", "articleBody": body})
    page = (
        "<html><head><title>Harbour</title><script type='application/ld+json'>"
        f"{data}</script></head><body></body></html>"
    )
    assert clean(page).paragraphs == _HARBOUR
    # Its paragraphs' lines wrapped, a blank line apart; or a line each.
    for stated in ("\n\n".join(textwrap.fill(p, 60) for p in _HARBOUR), "\n".join(_HARBOUR)):
        data = json.dumps({"@type": "NewsArticle", "headline": "Harbour", "articleBody": stated})
        page = (
            "<html><head><title>Harbour</title><script type='application/ld+json'>"
            f"{data}</script></head><body></body></html>"
        )
        assert clean(page).paragraphs == _HARBOUR


def test_a_list_articles_first_numbered_heading_stays_in_the_body() -> None:
    """A list article with no intro: its body, cleaned again, opened with "1. Lisbon, Portugal",
    which read as that text's title; taken as a second headline, it was in no field and in no
    removed piece."""
    items = [
        ("Lisbon, Portugal", "Cheap trams, warm evenings and some of the best seafood in Europe "
         "make Lisbon an easy first choice for a spring break."),
        ("Kraków, Poland", "The old town is compact enough to explore on foot, and prices in "
         "cafés and restaurants remain well below those in the west."),
        ("Valencia, Spain", "A long city beach, a huge park in a former riverbed and the home of "
         "paella: Valencia rewards a slow week."),
    ]
    page = "<html><body><article><h1>Three European cities for a cheap spring break</h1>" + "".join(
        f"<h2>{n}. {place}</h2><p>{text}</p>" for n, (place, text) in enumerate(items, 1)
    ) + "</article></body></html>"
    article = clean(page)
    assert article.headline == "Three European cities for a cheap spring break"
    assert article.paragraphs == tuple(
        line for n, (place, text) in enumerate(items, 1) for line in (f"{n}. {place}", text)
    )
    assert [s.label for s in article.segments].count(Label.HEADLINE) == 1
    # A title that opens with "1." and no list under it is still the text's title, and so is
    # one over a paragraph that opens with "2.", which no item is.
    text = clean("1. FC Köln Wins The Derby\n\n" + items[0][1] + " " + items[1][1], kind="text")
    assert text.headline == "1. FC Köln Wins The Derby"
    prose = "2. Bundesliga side Hamburg had tried to keep him, but the player asked to leave."
    text = clean("1. FC Köln Wins The Derby\n\n" + items[0][1] + "\n\n" + prose, kind="text")
    assert text.headline == "1. FC Köln Wins The Derby"
    # Page two of a list article counts on from 6.
    page = "<html><body><article><h1>Ten cheap cities</h1>" + "".join(
        f"<h2>{n}. {place}</h2><p>{text}</p>" for n, (place, text) in enumerate(items, 6)
    ) + "</article></body></html>"
    assert clean(page).paragraphs[0] == "6. Lisbon, Portugal"


def test_a_page_of_a_texts_paragraphs_in_a_pre_keeps_them_apart() -> None:
    """A plain text laid out in a <pre>, paragraphs a blank line apart: it was one paragraph."""
    page = "<html><body><pre>" + "\n\n".join(_HARBOUR) + "\n</pre></body></html>"
    assert clean(page).paragraphs == _HARBOUR


def test_a_dialogs_template_beside_a_story_read_whole_is_no_warning() -> None:
    """A consent dialog's template held more text than the story's paragraphs, and the warning
    said the page showed less than its templates, on a page read whole."""
    dialog = "We use cookies to give you the best experience on our site. " * 15
    page = _page(
        "".join(f"<p>{text}</p>" for text in _HARBOUR)
        + f"<template id='consent'><template><p>{dialog}</p></template><p>{dialog}</p></template>"
    )
    article = clean(page)
    assert article.paragraphs == _HARBOUR
    assert not any("<template>" in warning for warning in article.warnings)


def test_a_pages_loose_masthead_line_before_its_boxes_is_not_made_the_lead() -> None:
    """Only a fragment's loose text becomes paragraphs: a page's tagline written before its
    boxes became the story's first paragraph."""
    tagline = "The Daily Planet, independent news from Metropolis since 1938, read the world over."
    story = "".join(f"<p>{text}</p>" for text in _HARBOUR)
    article = clean(f"<html><head><title>Harbour</title></head><body>{tagline}<div>{story}</div>")
    assert article.paragraphs == _HARBOUR


def test_a_gallerys_counters_between_its_captions_do_not_end_the_story() -> None:
    """Each photo of a gallery with its counter ("2 of 3"): the counters are chrome, but a
    gallery's chrome inside the story, like its captions; marked as any other chrome, three
    of them cost more than the paragraph under them, and the story ended at the first."""
    figures = "".join(
        f"<figure><img src='/{n}.jpg'><figcaption>{caption}</figcaption><span>{n} of 3</span>"
        "</figure>"
        for n, caption in enumerate(
            (
                "Visitors walk through the tulip garden on Saturday.",
                "A child smells a red tulip near the main fountain.",
                "Gardeners prepare a display of rare black tulips.",
            ),
            start=1,
        )
    )
    first = (
        "Thousands of visitors packed the botanical gardens over the weekend for the annual "
        "spring flower festival, which this year featured two hundred varieties of tulip."
    )
    last = (
        "The festival runs until the end of the month, and organisers expect the number of "
        "visitors to pass last year's record of eighty thousand."
    )
    page = (
        "<html><body><article><h1>In pictures: the spring flower festival</h1>"
        f"<p>{first}</p>{figures}<p>{last}</p></article></body></html>"
    )
    article = clean(page, kind="html")
    assert article.body == f"{first}\n\n{last}"
    assert article.captions == (
        "Visitors walk through the tulip garden on Saturday.",
        "A child smells a red tulip near the main fountain.",
        "Gardeners prepare a display of rare black tulips.",
    )
    assert article.trailer == ""
    assert {piece.rule for piece in article.removed} == {"NOI006"}


_FIGURES_TABLE = (
    "<table><tr><th>Region</th><th>2023</th><th>2024</th></tr>"
    "<tr><td>North</td><td>7.2</td><td>6.1</td></tr>"
    "<tr><td>East</td><td>5.5</td><td>5.0</td></tr></table>"
)
_TABLE_LEAD = (
    "Unemployment fell in every region of the country in the first quarter of the year, "
    "according to figures published by the statistics office on Thursday."
)
_TABLE_AFTER = (
    "Economists said the figures showed the labour market was holding up better than expected "
    "despite higher borrowing costs and weak growth in manufacturing."
)


def _table_page(after: str) -> str:
    return (
        "<html><body><article><h1>Unemployment falls in every region</h1>"
        f"<p>{_TABLE_LEAD}</p>{_FIGURES_TABLE}<p>Source: National Statistics Office</p>"
        f"{after}</article></body></html>"
    )


@pytest.mark.parametrize("more", [0, 2], ids=["short post", "longer story"])
def test_a_table_of_figures_and_its_source_line_stay_in_the_story(more: int) -> None:
    """A short post is read from readability's region, which wrote a cell a line: nine short
    lines that ended the story above the table. In a longer story, trafilatura's rows are lines
    with tabs; the last row, above the "Source:" note, was taken for a caption (CAP100)."""
    paragraphs = [_TABLE_AFTER] + [
        f"Officials said the next figures, for the {season}, would be published in a month, "
        "with revised estimates for the previous two quarters of the year."
        for season in ("spring", "summer")[:more]
    ]
    article = clean(_table_page("".join(f"<p>{p}</p>" for p in paragraphs)), kind="html")
    rows = "Region\t2023\t2024\n\nNorth\t7.2\t6.1\n\nEast\t5.5\t5.0"
    assert article.body == "\n\n".join([_TABLE_LEAD, rows, *paragraphs])
    assert article.captions == ("Source: National Statistics Office",)
    assert article.trailer == ""


def test_a_table_of_datas_rows_are_lines_and_a_layout_tables_cells_are_lines() -> None:
    post = "The post typed into the page's main column goes on for a while."
    region = lxml.html.fromstring(
        f"<div>{_FIGURES_TABLE}<table><tr><td>Menu<br>About</td><td>{post}</td></tr>"
        f"<tr><td>Menu</td><td>{post}</td></tr></table>"
        "<table><tr><td>Advertisement</td><td>Advertisement</td></tr></table>"
        "<table><tr><td><p>A</p></td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table></div>"
    )
    assert list(visible_lines(region, items=True)) == [
        ("Region\t2023\t2024", Hint.TABLE),
        ("North\t7.2\t6.1", Hint.TABLE),
        ("East\t5.5\t5.0", Hint.TABLE),
        ("Menu\nAbout", None),  # a column of text, a break in a cell: the page's layout
        (post, None),
        ("Menu", None),
        (post, None),
        ("Advertisement", None),  # a table of one row: a layout's
        ("Advertisement", None),
        ("A", None),  # a block in a cell: a layout's
        ("B", None),
        ("C", None),
        ("D", None),
    ]
    # A column of text beside a short cell, in every row: the page's layout.
    column = lxml.html.fromstring(
        f"<div><table><tr><td>Notes</td><td>{post}</td></tr><tr><td>More</td><td>{post}</td>"
        "</tr></table></div>"
    )
    assert [text for text, _ in visible_lines(column, items=True)] == ["Notes", post, "More", post]
    # A picture beside its caption: a row of one cell with text, no data.
    pictured = lxml.html.fromstring(
        "<div><table><tr><td><img src='a.jpg'></td><td>The mayor speaks after the vote</td></tr>"
        "<tr><td></td><td>Jane Roe/Getty Images</td></tr></table></div>"
    )
    assert [text for text, _ in visible_lines(pictured, items=True)] == [
        "The mayor speaks after the vote", "Jane Roe/Getty Images"
    ]
    # The whole page writes a table of data's rows so too: they match trafilatura's.
    page = lxml.html.fromstring(f"<html><body>{_FIGURES_TABLE}</body></html>")
    assert [text for text, _ in visible_lines(page)] == [
        "Region\t2023\t2024", "North\t7.2\t6.1", "East\t5.5\t5.0"
    ]


_LEAD_PHOTO = "<figure><img src='b.jpg'><figcaption>{}</figcaption></figure>"


def _lead_photo_page(figures: str, box: str = "div itemprop='articleBody'") -> str:
    """A newspaper's page: the headline, the byline and `figures` in the story's <article>,
    the story's paragraphs in a box of their own (`box`) that trafilatura reads alone."""
    paragraphs = "".join(f"<p>{text}</p>" for text in _FIRST_PART)
    return (
        "<html><head><title>Council votes to rebuild the bridge | Gazette</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Council votes to rebuild the bridge</h1><p class='byline'>By Jane Doe</p>"
        f"{figures}<{box}>{paragraphs}</{box.split()[0]}></article>"
        "<footer>Copyright 2024 Gazette</footer></body></html>"
    )


@pytest.mark.parametrize(
    "box", ["div itemprop='articleBody'", "div class='article-body'", "section"]
)
def test_a_lead_photos_caption_outside_the_storys_box_is_its_caption(box: str) -> None:
    caption = "The old bridge over the river on Monday. Photo: John Roe/Gazette"
    article = clean(_lead_photo_page(_LEAD_PHOTO.format(caption), box), kind="html")
    assert article.captions == (caption,)
    assert article.paragraphs == _FIRST_PART
    assert article.headline == "Council votes to rebuild the bridge"


def test_a_lead_photos_caption_keeps_its_lines_its_place_and_is_never_read_twice() -> None:
    caption = "The old bridge over the river on Monday.<br>Photo: John Roe/Gazette"
    lines = ("The old bridge over the river on Monday.", "Photo: John Roe/Gazette")
    # Outside the story's box, above a short lead: a line per block, above the lead.
    figure = f"<figure><img src='b.jpg'><figcaption><p>{lines[0]}</p><p>{lines[1]}</p>"
    lead = "<p>WASHINGTON — The council voted on Tuesday.</p>"
    page = _lead_photo_page(figure + "</figcaption></figure>").replace(
        "<div itemprop='articleBody'>", f"<div itemprop='articleBody'>{lead}"
    )
    article = clean(page, kind="html")
    assert article.captions == ("\n".join(lines),)  # one entry a picture, a line a block
    assert article.paragraphs[0] == "WASHINGTON — The council voted on Tuesday."
    assert article.text.index(lines[1]) < article.text.index("WASHINGTON")
    # Inside the region, with a line break: read once, as the region reads it.
    inside = clean(_lead_photo_page(_LEAD_PHOTO.format(caption), "div"), kind="html")
    assert inside.captions == ("\n".join(lines),)


def test_a_gallery_above_the_story_or_a_picture_outside_its_box_is_left_out() -> None:
    gallery = "".join(_LEAD_PHOTO.format(f"Picture {n} of the old bridge, on Monday") for n in "12")
    gallery += _LEAD_PHOTO.format("Picture 3 of the old bridge, on Monday")
    assert clean(_lead_photo_page(gallery), kind="html").captions == ()
    # A picture under the story, or in a box beside the article, is no lead picture.
    caption = "The old bridge over the river on Monday. Photo: John Roe/Gazette"
    photo = _LEAD_PHOTO.format(caption)
    after = _lead_photo_page("").replace("</article>", photo + "</article>")
    aside = _lead_photo_page("").replace("<footer>", f"<div>{photo}</div><footer>")
    # Nor one between the headline and the story where no box holds both but the page, nor
    # one in a link: another story's teaser card.
    unboxed = _lead_photo_page(photo).replace("<article>", "").replace("</article>", "")
    teaser = _lead_photo_page(f"<div class='card'><a href='/ferry'>{photo}<h3>Ferry</h3></a></div>")
    for page in (after, aside, unboxed, teaser):
        text = clean(page, kind="html").text
        assert caption not in text or text.index(caption) > text.index(_FIRST_PART[-1])
