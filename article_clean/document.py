"""The document that rules look at: its blocks, its URL, and the decisions taken so far."""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .features import BlockStats, block_stats
from .model import Block, Label

T = TypeVar("T")


@dataclass(frozen=True)
class Decision:
    """The label a rule gave a block."""

    label: Label
    rule: str | None


# A scheme ("mailto:"), not a host and its port ("example.com:8080").
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(?![0-9])")
_WEB_SCHEMES = ("http", "https")
_HOST = re.compile(r"[\w.-]+")  # letters of any script, digits, dots, hyphens


def domain_of(url: str | None) -> str | None:
    """The lower-case host of `url` without a leading `www.` or a trailing dot (the DNS root:
    `example.com.` is `example.com`), or None when there is none."""
    if not url:
        return None
    candidate = url if "//" in url else "//" + url
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    host = (host or "").rstrip(".")
    if not host:
        return None
    if ":" in host:  # an IPv6 address: one spelling of its many ("0:0::1" is "::1")
        return ipv6_spelled(host) or host
    return host[4:] if host.startswith("www.") else host


def page_domain(url: str | None) -> str | None:
    """The site whose rules apply to a page at `url`: its domain (`domain_of`), or None where
    `url` is no web page's address. A word or a phrase ("not a url") is no host, and a mail
    address or a script ("mailto:a@b.com", "javascript://..."), any scheme but the web's, is no
    page of a site; a feed's address ("feed://example.com/rss", "feed:https://...") names its."""
    if not url:
        return None
    url = url.strip()
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() == "feed":
        url = url[scheme.end() :]  # "feed://example.com/rss", "feed:https://example.com/rss"
        scheme = None if url.startswith("//") else _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() not in _WEB_SCHEMES:
        return None
    domain = domain_of(url)
    if domain is None or ":" in domain or _HOST.fullmatch(domain):
        return domain
    return None


@functools.lru_cache(maxsize=1)
def suffix_list() -> Any:
    """The public suffix list as tldextract ships it: no network fetch, no cache on disk."""
    import tldextract  # here: only learning and site rule sets read it

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())


def public_suffix(domain: str) -> bool:
    """Whether `domain` is a suffix under which anyone may register a site ("com", "co.uk"):
    no one site's domain."""
    found = suffix_list()(domain)
    return bool(found.suffix) and not found.domain


def ipv6_spelled(text: str) -> str | None:
    """An IPv6 address in its one short form (RFC 5952), or None for no IPv6 address."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return str(address) if address.version == 6 else None


_LASTING = -1  # the version a text-only memo is stored under
_READ_ONLY = frozenset({"text", "blocks", "url", "domain", "rule_timeout"})


class Document:
    """One document being labelled: what a rule may read.

    A rule reads `blocks`, `stats(i)`, `label(i)` and `url`/`domain`; it never writes. The engine
    records decisions, and `memo()` lets a rule share a whole-document analysis (say, where the
    story starts) with its other calls on the same document, recomputed whenever decisions change.
    """

    def __init__(
        self,
        text: str,
        blocks: Sequence[Block],
        *,
        url: str | None = None,
        rule_timeout: float | None = None,
        stats_cache: dict[str, BlockStats] | None = None,
    ) -> None:
        self.text = text
        self.blocks: tuple[Block, ...] = tuple(blocks)
        self.url = url
        self.domain = page_domain(url)
        self.rule_timeout = rule_timeout
        self._decisions: list[Decision | None] = [None] * len(self.blocks)
        self._stats: list[BlockStats | None] = [None] * len(self.blocks)
        self._stats_cache = stats_cache if stats_cache is not None else {}
        self._version = 0
        self._labels: tuple[Label | None, ...] | None = None  # `labels()` of `_labels_version`
        self._labels_version = -1
        self._memo: dict[Callable[[Document], Any], tuple[int, Any]] = {}
        self._tagged: Mapping[str, frozenset[str]] = {}
        # One Decision per label and rule, shared by the blocks it decides: most blocks end
        # as body with no rule, and a frozen dataclass costs as much to make as a rule call.
        self._made: dict[tuple[Label, str | None], Decision] = {}
        self._judged = False  # while the engine's rules run: they answer, the engine decides

    def __setattr__(self, name: str, value: Any) -> None:
        # A rule that shortens `blocks` would lose the story's lines without a word, and the
        # failures that follow would be blamed on the rules that run after it.
        if name in _READ_ONLY and name in self.__dict__:
            raise AttributeError(f"Document.{name} is read-only: rules read the document")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if name in _READ_ONLY:
            raise AttributeError(f"Document.{name} is read-only: rules read the document")
        object.__delattr__(self, name)

    def __len__(self) -> int:
        return len(self.blocks)

    def stats(self, index: int) -> BlockStats:
        """Word counts, punctuation and shape of block `index`, computed once."""
        found = self._stats[index]
        if found is None:
            text = self.blocks[index].text
            found = self._stats_cache.get(text)
            if found is None:
                found = self._stats_cache[text] = block_stats(text)
            self._stats[index] = found
        return found

    def label(self, index: int) -> Label | None:
        """The label decided so far for block `index`, or None when no rule has decided."""
        decision = self._decisions[index]
        return None if decision is None else decision.label

    def labels(self) -> tuple[Label | None, ...]:
        """Every block's label so far, in order: one call for a loop over the whole document."""
        if self._labels_version != self._version:
            self._labels = tuple(None if d is None else d.label for d in self._decisions)
            self._labels_version = self._version
        return self._labels  # type: ignore[return-value]

    def decision(self, index: int) -> Decision | None:
        return self._decisions[index]

    @property
    def decisions(self) -> tuple[Decision | None, ...]:
        return tuple(self._decisions)

    def rules_tagged(self, tag: str) -> frozenset[str]:
        """The ids of the rules labelling this document that carry `tag`: how a rule reads
        another's decisions without naming its id."""
        return self._tagged.get(tag, frozenset())

    def memo(self, compute: Callable[[Document], T], *, text_only: bool = False) -> T:
        """`compute(self)`, cached until the next decision is recorded.

        `text_only`: `compute` reads the blocks (their text, stats and hints) and never a
        decision, so its value is cached for the document's life.
        """
        cached = self._memo.get(compute)
        if cached is not None and (cached[0] == self._version or cached[0] == _LASTING):
            return cached[1]  # type: ignore[no-any-return]
        value = compute(self)
        self._memo[compute] = (_LASTING if text_only else self._version, value)
        return value

    # The engine's side: rules never call these.
    def use_tags(self, tagged: Mapping[str, frozenset[str]]) -> None:
        self._tagged = tagged

    def decide(self, index: int, label: Label, rule: str | None) -> None:
        self.decide_many([(index, label, rule)])

    def decide_many(self, decided: Sequence[tuple[int, Label, str | None]]) -> None:
        if self._judged:  # a rule calling this would rewrite every other rule's decisions
            raise RuntimeError(
                "a rule answers True or False for its block; it does not decide labels "
                "(Document.decide is the engine's)"
            )
        self._record(decided)

    def _judge(self, running: bool) -> None:
        """While the engine runs its rules on this document (`running`), `decide` is refused:
        the engine records their answers with `_record`."""
        self._judged = running

    def _record(self, decided: Sequence[tuple[int, Label, str | None]]) -> None:
        """Record decisions (the engine's own call, allowed while its rules run)."""
        if decided:  # first: labels written before a bad one below are not read from a cache
            self._version += 1
        made = self._made
        for index, label, rule in decided:
            decision = made.get((label, rule))
            if decision is None:
                if type(label) is not Label:  # a rule that calls this: its failure, not ours
                    raise TypeError(f"a decision's label must be a Label, not {label!r:.40}")
                decision = made[label, rule] = Decision(label, rule)
            self._decisions[index] = decision
