"""Language-neutral measures of one block of text, for rules that judge a block by its shape.

Word counts treat Chinese and Japanese script, which has no spaces, as one word per two
characters, so that "long enough to be a paragraph" means the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .thresholds import THRESHOLDS

# A word is a run of letters/digits in a spaced script, or one character of an unspaced one.
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_UNSPACED_CHAR = regex.compile(rf"[{_UNSPACED}]")
_SPACED_RUN = regex.compile(rf"[^\W{_UNSPACED}]+")
# What ends a sentence in any script, as Unicode marks it (Sentence_Terminal: the full stop, the
# Devanagari danda "।", the Arabic "؟", the Armenian "։", the Ethiopic "።"...), and an ellipsis.
# A run of stops is matched from its first, whole (possessive): trying it from each of its
# stops again made a line of thousands of dots quadratic. A full stop after a capital letter
# alone is an initial ("John M. Ford", "the U.S. border"), not a sentence's end.
_INITIAL = r"(?!(?<=\b\p{Lu})\.(?!\.))"
_ANY_SENTENCE_END = regex.compile(
    rf"(?<![\p{{Sentence_Terminal}}…]){_INITIAL}[\p{{Sentence_Terminal}}…]++[\"'”’»)\]]*+(?=\s|$)"
    r"|[。！？]"
)
_SENTENCE_END = regex.compile(  # the same in ASCII
    r"(?<![.!?])(?!(?<=\b[A-Z])\.(?!\.))[.!?]++[\"')\]]*+(?=\s|$)"
)
# What may close a sentence after its stop: quotes and brackets, the full-width ones of
# Chinese and Japanese too ("…です。」").
_CLOSERS = "\"'”’»)]*）」』】〕〉》"
# A news agency's tag in parentheses, as a wire story ends a paragraph with it ("(dpa)",
# "(AFP/dpa)", "(dpa/lby)"), or a picture's caption its credit.
NEWS_AGENCIES = r"dpa|AFP|AP|Reuters|REUTERS|EFE|ANSA|Xinhua|APA|sda|KNA|epd|PAP|TASS|ТАСС"
NEWS_AGENCY_TAG = rf"\(\s*+(?:{NEWS_AGENCIES})(?:\s*+/\s*+[\w-]{{2,12}}){{0,2}}\s*+\)"
# A sentence's stop, then the line's end is a wire story's agency tag ("... ermittelt. (dpa)")
# or a reporter's credit in full-width brackets ("…出ている。（経済部　佐藤花子）"): the
# sentence ends at the stop. Not any parenthesis: a title's "(VIDEO)" or "(opinion)" after its
# question mark leaves it a title.
_TAG_AFTER_STOP = regex.compile(
    r"[\p{Sentence_Terminal}…][\"'”’»」』]*+\s*+(?:（[^()（）]{1,40}）|" + NEWS_AGENCY_TAG + r")$"
)
_TERMINAL = regex.compile(r"[\p{Sentence_Terminal}…]")
# A vowel sign or other combining mark is part of the letter it sits on ("कि", "ที่").
_MARK = regex.compile(r"\p{M}")
_BULLET = regex.compile(r"[•◦▪▫‣∙·*–-]\s+\S")
# An address, or a word with an "@" in it before a dot ("jane@example.com"), looked for from
# the word's first "@" only: from every "@" of "a@a@a@..." the search ran to the word's end.
_URL = regex.compile(r"https?://|www\.|(?<!\S)\S[^\s@]*@\S+\.\w", regex.IGNORECASE)


# The numbers, named and documented in `thresholds.py`, bound here for the loops over blocks.
GIANT_WORDS = THRESHOLDS.giant_words  # a line this long with few sentence ends may be a menu
WORDS_PER_SENTENCE = THRESHOLDS.words_per_sentence
LIST_LOWERCASE = THRESHOLDS.list_lowercase  # prose has more words in lower case
UNCASED = THRESHOLDS.uncased  # a script without case: neither prose nor names
NAMES_ONLY = THRESHOLDS.names_only  # so few, however many full stops: names only
PROSE_WORDS = THRESHOLDS.prose_words
INTRODUCING_WORDS = THRESHOLDS.introducing_words
SENTENCE_LIKE_WORDS = THRESHOLDS.sentence_like_words
SENTENCE_LIKE_LOWERCASE = THRESHOLDS.sentence_like_lowercase
TITLE_MIN_WORDS = THRESHOLDS.title_min_words
TITLE_MAX_WORDS = THRESHOLDS.title_max_words
TITLE_MAX_CHARS = THRESHOLDS.title_max_chars
TITLE_MIN_LETTERS = THRESHOLDS.title_min_letters
# A page's title, "Post | Section | Site", has a few parts within a line or two. A longer one is
# a menu, a dump of metadata, or markup a broken <title> swallowed; and the runs of its parts,
# which the headline finders look for in every line, would number in the square of its parts.
STATED_TITLE_PARTS = 8
STATED_TITLE_CHARS = 500


def past_a_title(title: str, parts: int) -> bool:
    """Whether a stated title (or a text's first line) of `parts` parts is too long to be one."""
    return parts > STATED_TITLE_PARTS or len(title) > STATED_TITLE_CHARS


@dataclass(frozen=True)
class BlockStats:
    """How a block reads: long prose, a short label, a title, a link."""

    chars: int
    words: int
    sentences: int
    ends_sentence: bool
    letters: float
    has_link: bool
    ellipsis: bool
    lowercase: float  # share of words that start with a lower-case letter
    commas: int
    introduces: bool  # ends in a colon: "Here are the highlights:"
    bullet: bool  # starts with a bullet: an item of a list, as scrapers write one

    @property
    def prose(self) -> bool:
        """Reads like a story paragraph: a few words and at least one finished sentence.

        A single sentence cut off with an ellipsis is a teaser for another page, not a paragraph.
        """
        finished = (self.ends_sentence and not self.ellipsis) or self.sentences >= 2
        return (self.words >= PROSE_WORDS and finished) or (
            self.words >= INTRODUCING_WORDS and self.introduces
        )

    @property
    def list_on_one_line(self) -> bool:
        """A long line of capitalised names with hardly a sentence end: a menu, an archive, a
        tag cloud or a drop-down's options that a scraper wrote as one line."""
        return (
            self.words >= GIANT_WORDS
            and self.lowercase < LIST_LOWERCASE
            and (self.sentences * WORDS_PER_SENTENCE <= self.words or self.lowercase < NAMES_ONLY)
        )

    @property
    def sentence_like(self) -> bool:
        """Long and mostly in lower case, like a sentence whose full stop the page left out.

        Titles of other stories are short, capitalised, or cut off with an ellipsis; a list of
        tags or keywords is mostly commas.
        """
        return (
            self.words >= SENTENCE_LIKE_WORDS
            and self.lowercase >= SENTENCE_LIKE_LOWERCASE
            and not self.ellipsis
            and self.commas * 4 < self.words
        )


_NOT_TITLE_END = frozenset(".,;:。，")


TABLE_CELLS = 2  # cells of a table's row; one is a line with a tab in it


def table_row(text: str) -> bool:
    """Two cells or more apart by tabs: a table's row as the HTML reader writes it, never a
    headline or a byline, however short and capitalised ("Home\tNews", "Arsenal\t2")."""
    return "\t" in text and sum(1 for cell in text.split("\t") if cell.strip()) >= TABLE_CELLS


def reads_as_title(text: str, stats: BlockStats) -> bool:
    """Short, unfinished by a full stop, mostly letters: the shape of a headline."""
    if (
        table_row(text)
        or stats.has_link
        or not TITLE_MIN_WORDS <= stats.words <= TITLE_MAX_WORDS
        or stats.chars > TITLE_MAX_CHARS
        or stats.letters < TITLE_MIN_LETTERS
    ):
        return False
    tail = text.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _NOT_TITLE_END and not stats.ellipsis


def count_words(text: str) -> int:
    """Words in `text`, counting two characters of Chinese or Japanese script as one word."""
    if text.isascii() or not _UNSPACED_CHAR.search(text):
        return len(text.split())
    # Each character of an unspaced script is a token of its own, and the other tokens are the
    # runs between them: counted apart, without a list of every token.
    unspaced = len(_UNSPACED_CHAR.findall(text))
    return len(_SPACED_RUN.findall(text)) + (unspaced + 1) // 2


def _lowercase_share(text: str) -> float:
    """Share of the words in lower case, among those in a script with case. Where most words
    have no case (Korean, Arabic, Chinese), the share says nothing either way."""
    firsts = [word[0] for word in text.split()]
    lower = sum(map(str.islower, firsts))
    cased = lower + sum(map(str.isupper, firsts))
    if cased * 2 < sum(map(str.isalpha, firsts)):
        return UNCASED
    return lower / cased if cased else 0.0


def _has_link(text: str) -> bool:
    # Most lines have none of the three marks; the pattern costs more than the rest of the stats.
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return False
    return bool(_URL.search(text))


_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def block_stats(text: str) -> BlockStats:
    tail = text.rstrip(_CLOSERS)
    if text.endswith((")", "）")):
        tagged = _TAG_AFTER_STOP.search(text)
        if tagged is not None:
            tail = text[: tagged.start() + 1]  # up to the stop
    ascii_only = text.isascii()
    if ascii_only:  # most lines: words split on spaces, letters and case by byte
        words = text.split()
        firsts = [word[0] for word in words]
        lower = sum(map(str.islower, firsts))
        cased = lower + sum(map(str.isupper, firsts))  # an ASCII letter has a case
        count = len(words)
        letters = len(text) - len(text.encode("ascii").translate(None, _ASCII_LETTERS))
        lowercase = lower / cased if cased else 0.0
        commas = text.count(",")
    else:
        count = count_words(text)
        letters = sum(map(str.isalpha, text)) + len(_MARK.findall(text))
        lowercase = _lowercase_share(text)
        commas = text.count(",") + text.count("、") + text.count("，")
    return BlockStats(
        chars=len(text),
        words=count,
        sentences=len((_SENTENCE_END if ascii_only else _ANY_SENTENCE_END).findall(text)),
        ends_sentence=bool(tail) and _TERMINAL.match(tail[-1]) is not None,
        letters=letters / len(text) if text else 0.0,
        has_link=_has_link(text),
        ellipsis=tail.endswith(("...", "…")),
        lowercase=lowercase,
        commas=commas,
        introduces=tail.endswith((":", "：")),
        bullet=bool(_BULLET.match(text)),
    )
