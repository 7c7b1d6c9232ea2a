"""The Article as Markdown and as XML, from Python and from the command line."""

from __future__ import annotations

from pathlib import Path

import lxml.etree
import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from article_clean import clean
from article_clean.formats import markdown_blocks

from .strategies import any_text
from .test_cli import SEED, STORY, run

PROSE = (
    "The council met on Tuesday evening and voted to close the old bridge to cars from next "
    "spring, after a long debate. "
)
PAGE = (
    "<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>"
    f"<p>{PROSE}</p><p>The plan has three parts, each of them argued over for months:</p>"
    "<ul><li>Close the bridge to cars</li><li>Open a ferry service</li>"
    "<li>Build a new bridge by 2030</li></ul>"
    f"<p>{PROSE}</p><table><tr><th>Year</th><th>Cars a day</th></tr>"
    "<tr><td>2020</td><td>12,000</td></tr><tr><td>2024</td><td>15,500</td></tr></table>"
    f"<p>{PROSE * 2}</p></article></body></html>"
)


def test_markdown_has_the_headline_as_heading_then_body_captions_and_trailer() -> None:
    article = clean(SEED.read_text("utf-8"))
    markdown = article.to_markdown()
    assert markdown.startswith(f"# {article.headline}\n\n{article.paragraphs[0]}\n\n")
    body, rest = markdown.split("\n\n## Captions\n\n")
    captions, trailer = rest.split("\n\n## Trailer\n\n")
    assert captions == f"- {article.caption}"
    assert trailer.startswith("Leave a Reply\n\n")
    assert all(paragraph in body for paragraph in article.paragraphs)
    assert "ADVERTISING" not in markdown


def test_lists_and_tables_keep_their_structure_in_markdown() -> None:
    markdown = clean(PAGE, kind="html").to_markdown()
    assert (
        "\n\n- Close the bridge to cars\n- Open a ferry service\n- Build a new bridge by 2030\n\n"
        in markdown
    )
    assert (
        "\n\n| Year | Cars a day |\n| --- | --- |\n| 2020 | 12,000 |\n| 2024 | 15,500 |\n\n"
        in markdown
    )


def test_story_lines_that_look_like_markdown_stay_text() -> None:
    blocks = markdown_blocks(["# 1 in the charts", "1. It began", "> quoted", "plain | text"])
    assert blocks == ["\\# 1 in the charts", "1\\. It began", "\\> quoted", "plain | text"]
    assert markdown_blocks(["• item\nmore of it", "a\tb|c"]) == [
        "- item\n  more of it",
        "| a | b\\|c |\n| --- | --- |",
    ]


def test_a_texts_list_written_on_lines_of_their_own_is_one_item_a_line() -> None:
    """A scraper writes a list's items on consecutive lines: one paragraph, many items."""
    assert markdown_blocks(["• Water early\n• Mulch the beds\nwith straw\n- Weed weekly"]) == [
        "- Water early\n- Mulch the beds\n  with straw\n- Weed weekly"
    ]
    text = (
        f"Ten tips for a dry summer\n\n{PROSE}\n\n{PROSE}\n\n"
        f"• Water early in the day\n• Mulch the beds\n• Plant in the shade\n\n{PROSE}"
    )
    markdown = clean(text, kind="text").to_markdown()
    assert (
        "\n\n- Water early in the day\n- Mulch the beds\n- Plant in the shade\n\n" in markdown
    )


def test_a_pages_text_that_reads_as_markup_stays_text_in_markdown() -> None:
    # Escaped in the page, so text: shown where the Markdown is rendered, never run.
    blocks = markdown_blocks(
        ["It said <img src=x onerror=alert(1)> and [here](javascript:alert(1)).", "3 < 4 [sic]"]
    )
    assert blocks == [
        "It said \\<img src=x onerror=alert(1)> and [here\\](javascript:alert(1)).",
        "3 < 4 [sic]",
    ]
    assert markdown_blocks(["<b>\t</script>"]) == ["| \\<b> | \\</script> |\n| --- | --- |"]


def test_xml_has_the_documented_shape() -> None:
    article = clean(SEED.read_text("utf-8"))
    root = lxml.etree.fromstring(article.to_xml().encode("utf-8"))
    assert root.tag == "article" and root.get("kind") == "text"
    assert root.findtext("headline") == article.headline
    assert root.find("headline").get("rule") == "HED002"
    assert [p.text for p in root.find("body")] == list(article.paragraphs)
    assert [c.text for c in root.find("captions")] == list(article.captions)
    assert "\n\n".join(p.text for p in root.find("trailer")) == article.trailer
    removed = [(line.get("rule"), line.get("label")) for line in root.find("removed")]
    assert removed == [(s.rule, s.label.value) for s in article.removed if s.text.strip()]


@settings(max_examples=60, deadline=None)
@given(any_text)
def test_any_article_gives_well_formed_xml(text: str) -> None:
    article = clean(text)
    root = lxml.etree.fromstring(article.to_xml().encode("utf-8"))
    kept = "\n\n".join(p.text or "" for p in root.find("body"))
    # The body is there as it is, but for the control characters XML 1.0 cannot hold.
    assert len(kept) == len(article.body)


def test_the_command_writes_markdown_and_xml(tmp_path: Path) -> None:
    single = run(str(SEED), "--format", "markdown")
    assert single.returncode == 0, single.stderr
    assert single.stdout == clean(SEED.read_text("utf-8")).to_markdown()
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(STORY, encoding="utf-8")
    several = run(str(folder), "--format", "xml")
    assert several.returncode == 0, several.stderr
    root = lxml.etree.fromstring(several.stdout.encode("utf-8"))
    assert root.tag == "articles"
    assert [Path(a.get("source")).name for a in root] == ["a.txt", "b.txt"]
    markdown = run(str(folder), "--format", "markdown", "-o", str(tmp_path / "md"))
    assert markdown.returncode == 0, markdown.stderr
    assert sorted(p.name for p in (tmp_path / "md").iterdir()) == ["a.txt.md", "b.txt.md"]


# What a paragraph's lines may hold: words, and every character Markdown gives a meaning to.
_MARKDOWN_PRONE = (
    st.lists(
        st.sampled_from([*"ab1 .,:;!?#*_`~[]()<>&\\-=+|/'\"é", "&amp;", "&#65;", "http://"]),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


def _shown(markdown: str) -> str:
    """The text a CommonMark renderer (with tables and strikethrough, as GitHub's) shows."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    shown = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    return " ".join(shown.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKDOWN_PRONE, min_size=1, max_size=4))
@example(["[foo", "bar]: https://x.example"])  # a definition's label over two lines
@example(["[](]:a"])  # a label that holds a bracket
@example(["a story line", "-- -"])  # a rule written with spaces
@example(["a | b", "--- | ---"])  # a table's delimiter row
def test_a_paragraph_renders_as_it_was_written(lines: list[str]) -> None:
    """The page's text is text where the Markdown is shown: no emphasis, code, link, entity or
    structure made of it (a reader found "2*3*4" shown as "2<em>3</em>4", and a line
    "[1]: https://..." made the story's "[1]" a link and vanished)."""
    paragraph = "\n".join(lines)
    if paragraph.startswith(("• ", "- ", "* ", "+ ")) or "\t" in paragraph:
        return  # a list item or a table row: Markdown's own structure, tested above
    [block] = markdown_blocks([paragraph])
    assert _shown(block) == " ".join(paragraph.split())


def test_markdown_of_a_lone_surrogate_can_be_written_as_utf8() -> None:
    """The command line writes a lone surrogate (a JSON record's "\\ud800") as its escape;
    `to_markdown()` gave it raw, and encoding the result to UTF-8 failed."""
    article = clean(f"Title \ud800 here\n\n{PROSE * 2}")
    markdown = article.to_markdown()
    assert "\\ud800" in markdown
    markdown.encode("utf-8")


def test_a_headline_and_lists_and_rows_render_as_written() -> None:
    """A "#" that ends the headline closed its heading and was not shown; a row after a list
    item came before it."""
    article = clean(f"We're #1 #\n\n{PROSE * 2}")
    assert article.headline == "We're #1 #"
    assert _shown(article.to_markdown().split("\n\n")[0]) == "We're #1 #"
    assert markdown_blocks(["• a", "* b\tc"]) == ["- a", "| \\* b | c |\n| --- | --- |"]
