"""The fixed split of a dev corpus into a half we read ("tune") and a half we only score ("check").

A page's half depends on its id alone (a hash, so that neither the id's order nor its number
says anything about the page) and never changes: a rule is found by reading "tune" pages, and
kept only if "check", which nobody opens, agrees. ScrapingHub, read for years, is not split.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check"]
HALVES: tuple[Half, ...] = ("tune", "check")
SPLIT_CORPORA = ("dragnet",)  # corpus folders (by name prefix: "dragnet-text" too) with halves


def half_of(page_id: str) -> Half:
    """The half a page belongs to, from the first byte of the SHA-256 of its id."""
    return "tune" if hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def is_split(corpus: str) -> bool:
    """Whether the corpus in folder `corpus` (a name like "dragnet-text") has halves."""
    return corpus.startswith(SPLIT_CORPORA)
