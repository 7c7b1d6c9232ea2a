"""Rules on the structure HTML gives (HTM0xx): what a page's markup says a block is.

Text input has no hints, so these rules never fire on it; for HTML they carry what lxml read
from the page (see `article_clean.html`) into the same labelling as every other rule.
"""

from __future__ import annotations

from ..document import Document
from ..model import Block, Hint, Label
from ..page_lines import BULLET
from ..rules import Example, FunctionRule, RuleSet


def page_title(block: Block, doc: Document) -> bool:
    """The page's own headline, from its <h1> or og:title."""
    return block.hint == Hint.TITLE


def figure_caption(block: Block, doc: Document) -> bool:
    """Text of a <figcaption> or a caption or credit element, or an image's alt text repeated;
    but not a caption's paragraph where the captions hold most of the page's prose: a photo
    post told in its captions."""
    return block.hint == Hint.CAPTION and not _holds_the_story(doc, block)


def aside_box(block: Block, doc: Document) -> bool:
    """Text of an <aside> or of a related, share, newsletter or promo box; but not a box's
    paragraph where such boxes hold most of the page's prose: a post inside a box whose class
    names sharing."""
    return block.hint == Hint.ASIDE and not _holds_the_story(doc, block)


def teaser_card(block: Block, doc: Document) -> bool:
    """An item of a list whose items hold headings: a card that titles and sums up another
    page (recent posts, a teaser grid); but not where such cards hold most of the page's prose:
    a list article told in headed items, unless a card is the page's own post, titled with its
    headline (a list of recent posts under a short post)."""
    return block.hint == Hint.TEASER and (
        not _holds_the_story(doc, block) or doc.memo(_own_card, text_only=True)
    )


OWN_TITLE_WORDS = 3  # a shorter title ("Update") may open another card by chance


def _own_card(doc: Document) -> bool:
    """Whether a teaser card opens with the page's headline: the list is one of the site's
    posts, this page's among them; a list article's items do not repeat its title."""
    titles = [
        _squeezed(b.text)
        for b in doc.blocks
        if b.hint == Hint.TITLE and len(b.text.split()) >= OWN_TITLE_WORDS
    ]
    return any(
        _squeezed(b.text).startswith(title)
        for b in doc.blocks
        if b.hint == Hint.TEASER
        for title in titles
    )


def _squeezed(text: str) -> str:
    """The text's words and signs without spaces, in lower case, past a list's bullet: a card
    is written as one line, its heading glued to its summary."""
    return "".join(text.removeprefix(BULLET).split()).casefold()


def _holds_the_story(doc: Document, block: Block) -> bool:
    """Whether `block` is prose and the blocks with its hint hold more prose than the page's
    plain paragraphs do (the lines neither caption, aside nor outside trafilatura's region)."""
    if not doc.stats(block.index).prose:
        return False
    words = doc.memo(_prose_by_hint, text_only=True)
    return words.get(block.hint, 0) > words.get(None, 0)


_BOXED = frozenset({Hint.CAPTION, Hint.ASIDE, Hint.TEASER, Hint.OUTSIDE, Hint.SECOND})


def _prose_by_hint(doc: Document) -> dict[str | None, int]:
    """Words of prose under each boxed hint; under None, those of every other line."""
    words: dict[str | None, int] = {}
    for block in doc.blocks:
        stats = doc.stats(block.index)
        if stats.prose:
            key = block.hint if block.hint in _BOXED else None
            words[key] = words.get(key, 0) + stats.words
    return words


def dek(block: Block, doc: Document) -> bool:
    """A subheading above the story that repeats the page's description: the story's summary."""
    return block.hint == Hint.DEK


# Examples: a small page, and the line of its text each rule must label or leave.
_LEAD = (
    "Chinese and American officials held the first meeting of a working group that aims to curb "
    "the flow of illegal drugs to the U.S."
)
_MORE = (
    "<p>The group will meet again in the spring, officials from both countries said on Tuesday, "
    "after two days of talks in Beijing.</p>"
)
_END = (
    "<p>Both sides agreed to share more information about shipments of the chemicals, they said, "
    "and to meet every three months.</p>"
)
_LAST = (
    "<p>Officials in Washington said they were pleased with the progress, but warned that much "
    "work remained to be done before the next round.</p>"
)
_TITLE = "China and US start working group to combat fentanyl"
_CAPTION = "Officials meet in Beijing on Tuesday for the first round of talks on the drug trade."
_BOX = "Our guide to the drug trade, and how the chemicals reach the cartels."
_DEK = "The two countries agree to fight the drug trade together, for the first time in years."
_CARD = "• Another storyA reader asked which of the new phones lasts longest."
_ITEM = "A battery that lasts two days"


def _page(body: str, head: str = "", longer: bool = False) -> str:
    """A story page with `body` after its first paragraph (trafilatura keeps a box in a longer
    story that it leaves out of a short one, and the other way round)."""
    story = f"{_MORE}{body}{_END}{_LAST}" if longer else f"{body}{_MORE}{_END}"
    return (
        f"<html><head><title>Fentanyl talks</title>{head}</head><body><article><h1>{_TITLE}</h1>"
        f"<p>{_LEAD}</p>{story}</article></body></html>"
    )


def _example(body: str, line: str, head: str = "", longer: bool = False) -> Example:
    return Example(_page(body, head, longer), line, kind="html")


STRUCTURE_RULES = RuleSet(
    "structure",
    [
        FunctionRule(
            "HTM001",
            Label.HEADLINE,
            page_title,
            examples=(_example("", _TITLE),),
            counter_examples=(_example("", _LEAD),),
        ),
        FunctionRule(
            "HTM002",
            Label.CAPTION,
            figure_caption,
            examples=(
                _example(
                    f"<figure><img src='a.jpg'><figcaption>{_CAPTION}</figcaption></figure>",
                    _CAPTION,
                ),
            ),
            counter_examples=(_example(f"<p>{_CAPTION}</p>", _CAPTION),),
        ),
        FunctionRule(
            "HTM003",
            Label.NOISE,
            aside_box,
            examples=(_example(f"<div class='promo'><p>{_BOX}</p></div>", _BOX, longer=True),),
            counter_examples=(_example(f"<p>{_BOX}</p>", _BOX, longer=True),),
        ),
        FunctionRule(
            "HTM005",
            Label.NOISE,
            dek,
            examples=(
                _example(
                    f"<h2>{_DEK}</h2>",
                    _DEK,
                    head=f"<meta property='og:description' content='{_DEK}'>",
                ),
            ),
            counter_examples=(_example(f"<h2>{_DEK}</h2>", _DEK),),
        ),
        FunctionRule(
            "HTM006",
            Label.NOISE,
            teaser_card,
            examples=(
                _example(
                    "<ul><li><h3><a href='/a'>Another story</a></h3><p>A reader asked which of the "
                    "new phones lasts longest.</p></li><li><h3><a href='/b'>Yet another story"
                    "</a></h3><p>The cheapest tablet of the year turned out to be the best.</p>"
                    "</li></ul>",
                    _CARD,
                    longer=True,
                ),
            ),
            counter_examples=(
                _example(
                    f"<ul><li>{_ITEM}</li><li>A screen easy to read in the sun</li></ul>",
                    f"{BULLET}{_ITEM}",
                ),
            ),
        ),
    ],
    description="What an HTML page's markup says a block is (no effect on text input).",
    origin="built-in",
)
