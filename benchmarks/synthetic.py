"""Generated news pages of any size, every sentence unique, for the size ladder of `speed.py`.

Real pages stop at a few hundred kilobytes; the question at 10 MB is whether any step grows
faster than the page. Unique words keep every per-text cache honest (nothing is remembered from
an earlier line), and each section carries what the slow paths look at: a figure whose caption
runs to twenty words, a credit, an ad label, a share bar, a related-links box.
"""

from __future__ import annotations

import random

_SYLLABLES = ("ka", "lo", "mi", "ren", "to", "sa", "ve", "dun", "pel", "or", "ith", "gam", "bri")


class _Words:
    """Deterministic made-up words, never the same sentence twice."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.count = 0

    def word(self) -> str:
        self.count += 1
        parts = self.random.randint(1, 3)
        return "".join(self.random.choice(_SYLLABLES) for _ in range(parts)) + str(self.count % 97)

    def sentence(self, low: int = 8, high: int = 24) -> str:
        words = [self.word() for _ in range(self.random.randint(low, high))]
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def title(self, size: int = 7) -> str:
        return " ".join(self.word().capitalize() for _ in range(size))


def text_page(size: int, seed: int = 0) -> str:
    """A scraped article's text of about `size` characters: headline, byline, and sections of
    story paragraphs with a caption, a credit, an ad label and a share line between them."""
    words = _Words(seed)
    lines = [words.title(), f"By {words.title(2)}", ""]
    length = sum(len(line) + 1 for line in lines)
    while length < size:
        section = [
            f"{words.sentence(18, 24)} ({words.title(2)}/Getty Images)",
            "ADVERTISING",
            *(" ".join(words.sentence() for _ in range(3)) for _ in range(4)),
            "Share this article",
        ]
        text = "\n\n".join(section) + "\n\n"
        lines.append(text)
        length += len(text) + 1
    lines.append("Leave a Reply")
    return "\n".join(lines)[: max(size, 1)]


def html_page(size: int, seed: int = 0) -> str:
    """A news page of about `size` characters: a menu, the story in sections, each with a figure
    and a long caption, a related-links box and a footer."""
    words = _Words(seed)
    menu = "".join(f"<li><a href=/s>{words.title(1)}</a></li>" for _ in range(8))
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{words.title()}"
        f"</title></head><body><nav><ul>{menu}"
        f"</ul></nav><article><h1>{words.title()}</h1><p class='byline'>By {words.title(2)}</p>"
    )
    tail = f"</article><footer><p>Copyright {words.title(3)}</p></footer></body></html>"
    parts = [head]
    length = len(head) + len(tail)
    while length < size:
        paragraphs = "".join(
            f"<p>{' '.join(words.sentence() for _ in range(3))}</p>" for _ in range(4)
        )
        related = "".join(f"<li><a href=/r>{words.title(5)}</a></li>" for _ in range(3))
        section = (
            f"<figure><img src=/i.jpg alt='{words.title(4)}'><figcaption>"
            f"{words.sentence(18, 24)} ({words.title(2)}/Getty Images)</figcaption></figure>"
            f"{paragraphs}<div class='related-links'><ul>{related}</ul></div>"
        )
        parts.append(section)
        length += len(section)
    parts.append(tail)
    return "".join(parts)
