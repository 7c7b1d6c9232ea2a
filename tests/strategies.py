"""Hypothesis strategies for articles: arbitrary text, and mixes of real story and junk lines."""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import strategies as st

_SEED = Path(__file__).resolve().parent.parent / "samples" / "000_99f8204d1b9f3a68.txt"

STORY_LINES = [line for line in _SEED.read_text(encoding="utf-8").splitlines() if len(line) > 80]

JUNK_LINES = [
    "ADVERTISING",
    "Advertisement",
    "Story continues below advertisement",
    "Continue reading the main story",
    "SKIP ADVERTISEMENT",
    "Anzeige",
    "Publicité",
    "Share this:",
    "Facebook",
    "Twitter",
    "Email",
    "Sign up for our newsletter",
    "Related: China and US start working group",
    "[Read more: The fentanyl crisis]",
    "*",
    "Image 1 of 23",
    "Photo: Damian Dovarganes, AP",
    "(AP Photo/Evan Vucci)",
    "By Jane Doe",
    "Updated 1:39 am EST, Wednesday, November 20, 2019",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Related Stories",
    "More from Reuters",
    "© 2024 The Star-Advertiser. All rights reserved.",
    "Distributed by Tribune Content Agency, LLC.",
    "Tags: China, fentanyl",
    "China and US start working group to combat flood of fentanyl",
    # Initials, which end no sentence (features.py): a source's line, a caption with a name.
    "Email interview with Katherine M. Pfaff, spokeswoman for the U.S. Department, Oct. 30",
    "Neil Gaiman and John M. Ford in 2002.",
]

# Any character but NUL: a str holding one is refused as binary data (see test_hostile.py).
NO_NUL = st.characters(exclude_characters="\x00")

SEPARATORS = ["\n", "\n\n", "\r\n", "\n\n\n", "\n \n", "\r\n\r\n", "\n\t\n"]

# A table's row as the HTML reader writes it, cells apart by tabs: the story finder reads runs
# of them as a table, which neither ends the story nor extends it.
CELLS = ["Phoenix", "$83", "28.7%", "-2.1%", "Median $/SqFt", "", " ", "Kyle Busch", "5040"]
table_row = st.lists(
    st.one_of(st.sampled_from(CELLS), st.text(NO_NUL, max_size=12)), min_size=2, max_size=4
).map("\t".join)

line = st.one_of(
    st.sampled_from(STORY_LINES),
    st.sampled_from(JUNK_LINES),
    st.text(NO_NUL, min_size=1, max_size=60),
    table_row,
)

articles = st.builds(
    lambda lines, seps, lead, tail: lead + "".join(line + sep for line, sep in zip(lines, seps)) + tail,
    st.lists(line, min_size=0, max_size=25),
    st.lists(st.sampled_from(SEPARATORS), min_size=25, max_size=25),
    st.sampled_from(["", "\n", "  ", "\ufeff"]),
    st.sampled_from(["", "\n", " \n\n"]),
)

any_text = st.one_of(st.text(NO_NUL), articles)


def _escaped(text: str) -> str:
    return html.escape(text, quote=True)


# Pieces of a page's markup around story and junk lines: the structures the HTML reader turns
# into hints (captions, asides, teaser cards, list items, table rows, <br> lines, headings).
_WRAPPERS = [
    "<p>{}</p>",
    "<div>{}</div>",
    "<p>{}<br>{}</p>",
    "<h2>{}</h2>",
    "<ul><li>{}</li><li>{}</li></ul>",
    "<ul><li><h3><a href='/a'>{}</a></h3><p>{}</p></li><li><h3>{}</h3></li></ul>",
    "<figure><img src='a.jpg' alt='{}'><figcaption>{}</figcaption></figure>",
    "<aside class='related'><a href='/b'>{}</a></aside>",
    "<table><tr><td>{}</td><td>{}</td></tr></table>",
    "<blockquote><p>{}</p></blockquote>",
    "<div class='share'>{}</div>",
    "<div>{}<div><img src='b.jpg'></div>{}</div>",
]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """An HTML page of story and junk lines in a random mix of the markup the reader reads."""
    parts = []
    for wrapper in draw(st.lists(st.sampled_from(_WRAPPERS), min_size=0, max_size=12)):
        texts = [_escaped(draw(line)) for _ in range(wrapper.count("{}"))]
        parts.append(wrapper.format(*texts))
    title = _escaped(draw(st.sampled_from(STORY_LINES + JUNK_LINES))[:80])
    head = f"<head><title>{title}</title></head>" if draw(st.booleans()) else ""
    body = "".join(parts)
    return f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"
