"""The Cleaner: settings in, Articles out.

A Cleaner holds settings and the rule sets they name, built when it is made (a bad rule file or
plugin is an error there) and kept on the instance, so a pipeline that reuses one Cleaner
compiles its rules once; pickling carries the settings (rule files as read), so every Spark or
Dask worker rebuilds the rules once on its side.
"""

from __future__ import annotations

import functools
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from . import builtin, plugins
from .assemble import Fields, fields, labelled, segments
from .blocks import INVISIBLE, line_break_characters, more_lines_than, split_blocks
from .builtin import tags as tag
from .byline import story_byline
from .decode import decode, head_for_sniffing, refuse_nul
from .document import Document, page_domain
from .errors import InputTooLarge, RuleConfigError, TimeBudgetExceeded, UnsettledError
from .features import BlockStats, count_words
from .html import Page, read_page
from .label import Engine, RuleClock
from .language import choose as choose_language
from .language import normalise as normalise_language
from .metadata import About
from .model import (
    KEPT_LABELS,
    Article,
    Block,
    Content,
    Kind,
    KindOption,
    Label,
    LanguageSource,
    RuleFailure,
)
from .rulefile import rule_files
from .rules import PatternRule, Rule, RuleSet
from .sniff import SNIFF_LIMIT, looks_like_html, text_before_markup

RuleSource = RuleSet | str | os.PathLike[str]
KINDS = ("text", "html")


def chosen_kind(kind: KindOption | None) -> Kind | None:
    """The kind asked for, None where the content is to decide; a ValueError for any other."""
    if kind is None or kind == "auto":
        return None
    if kind not in KINDS:
        raise ValueError(f"kind must be 'text', 'html', 'auto' or None, not {kind!r}")
    return kind

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_BLOCKS = 100_000
ELEMENTS_PER_BLOCK = 10  # an HTML page may have this many elements per allowed block
DEFAULT_TIME_BUDGET = 10.0
DEFAULT_RULE_TIMEOUT = 0.1
DEFAULT_OVERCLEAN_SHARE = 0.6
_MAX_SETTLE_PASSES = 64


@dataclass(frozen=True)
class Settings:
    """Everything a Cleaner is: validated once, when the Cleaner is made."""

    rules: tuple[RuleSource, ...] = ()
    plugins: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    strict: bool = False
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT
    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_blocks: int | None = DEFAULT_MAX_BLOCKS
    time_budget: float | None = DEFAULT_TIME_BUDGET
    overclean_share: float = DEFAULT_OVERCLEAN_SHARE
    detect_language: bool = True


def _tuple_of(value: Any, name: str, kinds: tuple[type, ...], what: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, os.PathLike, RuleSet)):
        value = [value]
    if not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a list of {what}, not {type(value).__name__}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, kinds):
            raise TypeError(f"{name} must be a list of {what}; got {type(item).__name__}")
    return items


def _rule_sources(value: Any) -> tuple[Any, ...]:
    """`rules=`, where a Rule given in place of a RuleSet is told how to wrap it."""
    given = [value] if isinstance(value, Rule) else value
    items = _tuple_of(given, "rules", (RuleSet, str, os.PathLike, Rule), "RuleSets or rule files")
    for item in items:
        if isinstance(item, Rule):
            raise TypeError(
                f"rules must be a list of RuleSets or rule files; rule {item.id} is a "
                f"{type(item).__name__}: put rules in a RuleSet, rules=[RuleSet('mine', [...])]"
            )
    return items


# The longest limit in seconds: the clocks below (threads, worker processes, regex) overflow
# past a few weeks, deep inside and only when a document runs. None is no limit.
MAX_SECONDS = 1_000_000


def _positive(value: Any, name: str, kind: type) -> Any:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int):
        raise TypeError(f"{name} must be a positive {kind.__name__} or None")
    if not 0 < value < math.inf:  # NaN too: it compares false, and would turn the limit off
        raise ValueError(f"{name} must be positive and finite (or None for none), got {value}")
    if kind is float and value > MAX_SECONDS:
        raise ValueError(f"{name} must be at most {MAX_SECONDS:,} seconds (or None for none)")
    return value


class Cleaner:
    """Reusable, picklable cleaning settings; `clean()` turns one article into an Article.

    - `rules`: extra RuleSet objects or paths of TOML rule files (a folder: its *.toml files).
    - `plugins`: names of installed rule plugins to enable, in order; `"*"` enables all.
    - `disable`: rule ids or id prefixes to leave out (`"AD001"`, `"CAP"`).
    - `strict`: raise RuleFailedError when a rule fails, instead of recording it.
    - `rule_timeout`: seconds one pattern search may take before the rule counts as failed.
    - `max_bytes`, `max_blocks`, `time_budget`: per-document limits (None for none): the input's
      size, its number of lines (an HTML page: 10 elements per line allowed), and seconds of
      work; past them an InputTooLarge or TimeBudgetExceeded.
    - `overclean_share`: warn when rules remove more than this share of the words.
    - `detect_language`: identify the story's language from its text (where the page declares
      none, or one the text contradicts); off, `language` is only what the page declares.
    """

    def __init__(
        self,
        *,
        rules: Iterable[RuleSource] | RuleSource | None = None,
        plugins: Iterable[str] | str | None = None,
        disable: Iterable[str] | str | None = None,
        strict: bool = False,
        rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        max_blocks: int | None = DEFAULT_MAX_BLOCKS,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
        overclean_share: float = DEFAULT_OVERCLEAN_SHARE,
        detect_language: bool = True,
    ) -> None:
        if not isinstance(strict, bool):
            raise TypeError("strict must be True or False")
        if not isinstance(detect_language, bool):
            raise TypeError("detect_language must be True or False")
        if isinstance(overclean_share, bool) or not isinstance(overclean_share, (int, float)):
            raise TypeError("overclean_share must be a number between 0 and 1")
        if not 0 < overclean_share <= 1:
            raise ValueError(f"overclean_share must be in (0, 1], got {overclean_share}")
        self.settings = Settings(
            rules=_rule_sources(rules),
            plugins=_tuple_of(plugins, "plugins", (str,), "plugin names"),
            disable=_tuple_of(disable, "disable", (str,), "rule ids or id prefixes"),
            strict=strict,
            rule_timeout=_positive(rule_timeout, "rule_timeout", float),
            max_bytes=_positive(max_bytes, "max_bytes", int),
            max_blocks=_positive(max_blocks, "max_blocks", int),
            time_budget=_positive(time_budget, "time_budget", float),
            overclean_share=float(overclean_share),
            detect_language=detect_language,
        )
        self._rule_sets: tuple[RuleSet, ...] | None = None
        self._given: tuple[RuleSet, ...] = ()  # `rules`, files read, once rule sets are built
        self._engines: dict[tuple[int, ...], Engine] = {}
        # Now: a bad rule file, plugin or disabled id is the caller's error here, where it is
        # made, not at the first document (nor in every record of a batch).
        self.rule_sets  # noqa: B018

    # Pickling: settings only; rules are rebuilt where the Cleaner lands. A rule file travels
    # as the rule set this Cleaner read from it: a worker (Spark, Dask, another folder) need not
    # have the file, and cleans with the rules the parent cleans with, even if it changed since.
    def __getstate__(self) -> dict[str, Any]:
        settings = self.settings
        if any(not isinstance(given, RuleSet) for given in settings.rules):
            self.rule_sets  # noqa: B018 - a bad rule file fails here, where it is, not in a worker
            settings = replace(settings, rules=self._given)
        return {"settings": settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self._rule_sets = None
        self._given = ()
        self._engines = {}

    def __repr__(self) -> str:
        s = self.settings
        named = (("rules", s.rules), ("plugins", s.plugins), ("disable", s.disable))
        parts = [f"{key}={value!r}" for key, value in named if value]
        if s.strict:
            parts.append("strict=True")
        return f"Cleaner({', '.join(parts)})"

    @property
    def rule_sets(self) -> tuple[RuleSet, ...]:
        """Every rule set this cleaner may use, disabled rules left out, in the order they run."""
        if self._rule_sets is None:
            self._rule_sets = self._build_rule_sets()
        return self._rule_sets

    def _build_rule_sets(self) -> tuple[RuleSet, ...]:
        s = self.settings
        # A folder stands for its rule files, as `--rules DIR` does on the command line.
        sources: list[RuleSource] = []
        folders: list[str | None] = []  # the folder each file came from, if any
        for given in s.rules:
            if isinstance(given, RuleSet):
                sources.append(given)
                folders.append(None)
                continue
            found, name = rule_files(given), os.fsdecode(given)
            sources.extend(found)
            folders.extend([None] if found == [name] else [name] * len(found))
        _check_given_once(sources, folders)
        extra = [RuleSet.from_toml(r) if not isinstance(r, RuleSet) else r for r in sources]
        self._given = tuple(extra)  # what a pickled copy carries: the files as read here
        extra.extend(plugins.resolve(s.plugins))
        every = (*builtin.rule_sets(), *extra)
        # Before disabling: `disable` leaves out every rule with an id, so it cannot settle a clash.
        _check_unique_ids(every)
        _check_disabled(s.disable, [item.id for rule_set in every for item in rule_set.rules])
        sets = [r.without(s.disable) for r in every]
        for rule_set in sets[len(every) - len(extra) :]:  # a user's linear pattern compiles on
            for item in rule_set.rules:  # first use: now, unless it is disabled
                if isinstance(item, PatternRule):
                    item.compiled()
        _check_needs(every, sets)
        return tuple(sets)

    def engine_for(self, url: str | None) -> Engine:
        """The compiled rules for a page at `url`: site sets that apply first, then the rest."""
        domain = page_domain(url)
        sets = self.rule_sets
        site = [i for i, r in enumerate(sets) if r.domains and r.applies_to(domain)]
        general = [i for i, r in enumerate(sets) if not r.domains]
        key = tuple(site + general)
        engine = self._engines.get(key)
        if engine is None:
            quick = (item.id for rule_set in builtin.rule_sets() for item in rule_set.rules)
            engine = self._engines[key] = Engine([sets[i] for i in key], quick=quick)
        return engine

    def clean(
        self,
        content: Content,
        *,
        url: str | None = None,
        kind: KindOption | None = None,
    ) -> Article:
        """Clean one article given as plain text or as an HTML page (str or bytes).

        `kind` is "text" or "html"; by default (None or "auto") it is decided from the content.
        Bytes are decoded with the encoding they declare or that can be detected, never guessed
        into mojibake.
        """
        if isinstance(content, (bytearray, memoryview)):
            content = bytes(content)
        if not isinstance(content, (str, bytes)):
            raise TypeError(
                f"clean() takes the article as str (or the page's bytes), not {type(content).__name__}"
            )
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url must be a str or None, not {type(url).__name__}")
        return self._clean(content, url=url, kind=chosen_kind(kind))

    def _clean(self, content: str | bytes, *, url: str | None, kind: Kind | None) -> Article:
        self._check_size(content)
        budget = self.settings.time_budget
        deadline = None if budget is None else time.monotonic() + budget
        warnings: tuple[str, ...] = ()
        utf8 = None  # the page's bytes, when they are its text in UTF-8: parsed without re-encoding
        guessed = kind is None
        if isinstance(content, bytes):
            if kind is None:
                head = head_for_sniffing(content, SNIFF_LIMIT)
                kind = "html" if looks_like_html(head) else "text"
            decoded = decode(content, html=kind == "html", url=url)
            if guessed and looks_like_html(decoded.text) != (kind == "html"):
                # Told again from the characters, as a str is told: the bytes' sniff reads a
                # character of three bytes as three, and ISO-2022-JP's kanji as "<a".
                kind = "text" if kind == "html" else "html"
                decoded = decode(content, html=kind == "html", url=url)
            text = decoded.text
            utf8 = content if decoded.how == "utf-8" else None
            if decoded.how == "mixed":
                warnings = (
                    f"decoding: UTF-8 with {decoded.stray_bytes} stray bytes, read as Windows-1252",
                )
            elif decoded.how == "detected":  # a guess: a pipeline may want to look
                warnings = (
                    f"decoding: no byte-order mark, not UTF-8 and no usable declared charset; "
                    f"read as {decoded.encoding}, the detector's guess",
                )
            if decoded.replaced:
                warnings += (
                    f"decoding: {decoded.replaced} bytes not in {decoded.encoding} read as "
                    "U+FFFD (a character cut off at the end, or corrupt bytes)",
                )
            if decoded.ignored_charset is not None:
                warnings += (
                    f"decoding: the declared charset {decoded.ignored_charset!r} is no web "
                    f"encoding and was ignored",
                )
        else:
            text = content
            if kind is None:
                kind = "html" if looks_like_html(text) else "text"
        refuse_nul(text, from_bytes=isinstance(content, bytes))
        if guessed and kind == "html" and text_before_markup(text):
            warnings += (
                "kind: read as HTML for its tags; the text before the first tag is read as a "
                "browser shows it, its lines run together (kind='text' keeps them apart)",
            )
        if kind == "html":
            limit = self.settings.max_blocks
            page = read_page(
                text,
                url,
                max_elements=None if limit is None else limit * ELEMENTS_PER_BLOCK,
                utf8=utf8,
                check_clock=functools.partial(_check_clock, deadline),
                max_lines=limit,
            )
            _check_clock(deadline)
            article = self._clean_page(page.text, page.blocks, page, deadline, warnings)
            if page.whole is not None and not article.body:
                # The region readability found held no story after all: read the whole page.
                _check_clock(deadline)
                whole_text, whole_blocks = page.whole()
                article = self._clean_page(whole_text, whole_blocks, page, deadline, warnings)
            return article
        if len(text) <= _LONGEST_URL and _LONE_URL.fullmatch(text.strip().strip(INVISIBLE)):
            # A URL where its page was meant: said, or a pipeline stores the address as a story.
            warnings += (
                "kind: the text is a URL alone; pages are not fetched: pass the page's HTML "
                "(trafilatura.fetch_url fetches one)",
            )
        return self._clean_text(
            text, self._blocks(text), url=url, deadline=deadline, warnings=warnings
        )

    def _clean_page(
        self,
        text: str,
        blocks: Sequence[Block],
        page: Page,
        deadline: float | None,
        warnings: tuple[str, ...],
    ) -> Article:
        return self._clean_text(
            text,
            self._blocks(text, blocks),
            url=page.url,
            deadline=deadline,
            kind="html",
            language=page.language,
            published=page.published,
            authors=page.authors,
            warnings=warnings + page.warnings,
            about=page.about,
        )

    def _blocks(self, text: str, blocks: Sequence[Block] | None = None) -> Sequence[Block]:
        """The text's blocks, within `max_blocks` (counted cheaply before the text is split)."""
        limit = self.settings.max_blocks
        if (
            limit is not None
            and blocks is None
            and line_break_characters(text) > 3 * limit
            and more_lines_than(text, limit)
        ):
            raise InputTooLarge(f"the text has more than {limit} lines, over max_blocks={limit}")
        found = split_blocks(text) if blocks is None else blocks
        if limit is not None and len(found) > limit:
            raise InputTooLarge(f"the text has {len(found)} lines, over max_blocks={limit}")
        return found

    def _check_size(self, content: str | bytes) -> None:
        limit = self.settings.max_bytes
        if limit is None or len(content) <= limit // 4:
            return
        if isinstance(content, bytes):
            size = len(content)
        else:
            size = len(content.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise InputTooLarge(f"the article is {size} bytes, over max_bytes={limit}")

    def _clean_text(
        self,
        text: str,
        blocks: Sequence[Block],
        *,
        url: str | None,
        deadline: float | None,
        kind: Kind = "text",
        language: str | None = None,
        published: str | None = None,
        authors: Callable[[], tuple[str, ...]] = tuple,
        warnings: tuple[str, ...] = (),
        about: About | None = None,
    ) -> Article:
        engine = self.engine_for(url)
        s = self.settings
        if page_domain(url) is None:
            warnings += _site_rules_unused(self.rule_sets, url)
        stats: dict[str, BlockStats] = {}  # shared by the passes over the same lines
        doc = Document(text, blocks, url=url, rule_timeout=s.rule_timeout, stats_cache=stats)
        memory: dict[str, int] = {}
        clock = RuleClock()  # the user rules' seconds, over every pass
        failures = list(
            engine.run(doc, strict=s.strict, deadline=deadline, memory=memory, clock=clock)
        )
        result = fields(doc)
        result, settled = self._settle(
            doc, result, engine, url, (deadline, clock), failures, memory, stats
        )
        if not settled:
            message = (
                f"unsettled: cleaning the body again still changed it after {_MAX_SETTLE_PASSES} "
                "passes, so cleaning this article's body may change it again"
            )
            if s.strict:
                raise UnsettledError(message)
            warnings += (message,)
        language_source: LanguageSource | None = "declared" if language else None
        if s.detect_language:
            story = result.body or "\n".join(filter(None, (result.headline, *result.captions)))
            language, language_source = choose_language(language, story)
        else:  # a declaration that names no language ("english", "zxx") declares none
            language = normalise_language(language)
            language_source = "declared" if language else None
        if published is None:  # the date on the story's dateline, where the page states none
            writers, places = doc.rules_tagged(tag.WRITER_LINE), doc.rules_tagged(tag.PLACE_LINE)
            published = story_byline(labelled(doc), language, writers, places).published
        blank = not doc.blocks  # nothing but spaces, line breaks and characters that show none
        if blank:  # said in the words a pipeline looks for, whatever else was said
            warnings += (f"empty: the {'page shows' if kind == 'html' else 'input holds'} no text",)
        elif not blank and not result.body:
            # A title alone, a photo's caption, a page of links: said, or a pipeline stores an
            # empty story as if it were one.
            warnings += ("empty: no story found; the text holds only other parts of a page",)
        # Counted line by line, as the blocks count their words (an unspaced script's characters
        # round per line): the thread's words then leave both counts exactly.
        comment_words = sum(map(count_words, result.comments.split("\n")))
        removed_share = _removed_share(doc, comment_words)
        if removed_share > s.overclean_share:
            warnings += (f"overcleaned: rules removed {removed_share:.0%} of the words",)
        return Article(
            headline=result.headline,
            caption=result.captions[0] if result.captions else None,
            captions=result.captions,
            body=result.body,
            paragraphs=result.paragraphs,
            trailer=result.trailer,
            comments=result.comments,
            byline=_byline(result, authors),
            segments=segments(doc),
            failures=tuple(dict.fromkeys(failures)),
            warnings=warnings,
            kind=kind,
            url=url,
            language=language,
            language_source=language_source,
            published=published,
            sitename=about.sitename if about else None,
            description=about.description if about else None,
            image=about.image if about else None,
            tags=about.tags if about else (),
        )

    def _settle(
        self,
        doc: Document,
        result: Fields,
        engine: Engine,
        url: str | None,
        timing: tuple[float | None, RuleClock],
        failures: list[RuleFailure],
        memory: dict[str, int],
        stats: dict[str, BlockStats],
    ) -> tuple[Fields, bool]:
        """Clean the body again until it no longer changes, so that cleaning is idempotent;
        and whether it stopped changing within `_MAX_SETTLE_PASSES` passes.

        Rules judge a block by its neighbours; once the junk around the story is gone, a block
        may read differently. What a later pass removes is removed in `doc` too, with the rule
        that removed it, so the segments stay the one record of every decision.
        """
        s = self.settings
        deadline, clock = timing  # the time budget's end, and the user rules' time so far
        kept = [b.index for b in doc.blocks if doc.label(b.index) is Label.BODY]
        # As plain text, without the page's hints: the promise is that cleaning the body *text*
        # again changes nothing (list items keep their bullet in the text, so they stay lists).
        for _ in range(_MAX_SETTLE_PASSES):
            body = result.body
            again = Document(
                body, split_blocks(body), url=url, rule_timeout=s.rule_timeout, stats_cache=stats
            )
            failures.extend(
                engine.run(again, strict=s.strict, deadline=deadline, memory=memory, clock=clock)
            )
            settled = fields(again)
            if settled.body == result.body:
                return result, True
            relabelled = []
            for original, block in zip(kept, again.blocks):
                decision = again.decision(block.index)
                if decision is not None and decision.label is not Label.BODY:
                    relabelled.append((original, decision.label, decision.rule))
            doc.decide_many(relabelled)
            kept = [i for i in kept if doc.label(i) is Label.BODY]
            result = replace(fields(doc), paragraphs=settled.paragraphs)
        return result, False


def _check_given_once(
    sources: Sequence[RuleSource], folders: Sequence[str | None] | None = None
) -> None:
    """A rule file or set given twice would clash with itself on every id: said as what it is.
    A file is known by its real path, however it is spelt. `folders`: the folder each source
    came from (a folder given for its files), or None, which the message names."""
    sets: set[int] = set()
    files: dict[str, tuple[str, str | None]] = {}
    for source, folder in zip(sources, folders or [None] * len(sources)):
        if isinstance(source, RuleSet):
            if id(source) in sets:
                raise RuleConfigError(f"rules: {_where(source)} is given twice; give it once")
            sets.add(id(source))
            continue
        path = os.fspath(source)
        real = os.path.normcase(os.path.realpath(path))
        if real in files:
            first, first_folder = files[real]
            spelt = "" if first == path else f" (as {first} and {path})"
            via = [f"in the folder {f}" for f in (first_folder, folder) if f is not None]
            how = f" ({' and '.join(via)})" if via else ""
            raise RuleConfigError(
                f"rules: rule file {first} is given twice{spelt}{how}; give it once"
            )
        files[real] = (path, folder)


def _check_unique_ids(every: Sequence[RuleSet]) -> None:
    """Two rules with one id cannot both run (a segment names its rule by id, `disable` leaves
    out both): the message says where each comes from, and that one must be renamed."""
    seen: dict[str, RuleSet] = {}
    for rule_set in every:
        for item in rule_set.rules:
            first = seen.get(item.id)
            if first is None:
                continue
            # One set, or one loaded twice (a plugin both by name and by '*'); two sets made in
            # Python are two sets, whatever their names.
            if first is rule_set or (
                rule_set.origin != "python" and _where(first) == _where(rule_set)
            ):
                raise RuleConfigError(f"rules: {_where(rule_set)} is given twice; give it once")
            raise RuleConfigError(
                f"rule id {item.id} is in both {_where(first)} and {_where(rule_set)}; ids must "
                f"be unique across rule sets: rename one of them (disabling {item.id} would "
                "leave out both)"
            )
        seen.update((item.id, rule_set) for item in rule_set.rules)


def _where(rule_set: RuleSet) -> str:
    return f"rule set {rule_set.name!r} ({rule_set.origin})"


def _check_disabled(disable: Sequence[str], ids: list[str]) -> None:
    """A rule id or prefix to disable that names no rule is a mistake (a typo, a lowercase
    prefix, a plugin not enabled): said, not silently ignored."""
    for wanted in disable:
        if not wanted.strip():  # a prefix of every id: every rule would go, without a word
            raise RuleConfigError(
                f"disable: {wanted!r} names no rule (an empty id would disable every rule)"
            )
        if not any(rule_id.startswith(wanted) for rule_id in ids):
            near = wanted.upper() if any(i.startswith(wanted.upper()) for i in ids) else None
            hint = f" (rule ids are upper case: {near!r})" if near and near != wanted else ""
            raise RuleConfigError(
                f"disable: {wanted!r} is no rule id or id prefix{hint}; "
                "`article-clean rules` lists them"
            )


def _check_needs(every: Sequence[RuleSet], enabled: Sequence[RuleSet]) -> None:
    """Each enabled rule's `needs` is some enabled rule's tag: a rule that reads the decisions
    of a disabled one would be switched off without a word."""
    carried = {t for rule_set in enabled for item in rule_set.rules for t in item.tags}
    for rule_set in enabled:
        for item in rule_set.rules:
            for needed in sorted(item.needs - carried):
                gone = sorted(r.id for s in every for r in s.rules if needed in r.tags)
                raise RuleConfigError(
                    f"rule {item.id} needs a rule tagged {needed!r} "
                    + (f"({', '.join(gone)}), which is disabled" if gone else "and none is loaded")
                    + f"; disable {item.id} too, or enable {' or '.join(gone) or 'one'}"
                )


def _byline(result: Fields, authors: Callable[[], tuple[str, ...]]) -> str | None:
    """The story's writers: as its text names them after "By" or its kin; else as the page's
    metadata names them (`authors()`); else the line of names the text shows near its headline."""
    if result.byline and result.byline_marked:
        return result.byline
    stated = authors()
    return ", ".join(stated) if stated else result.byline


_LONGEST_URL = 8192
_LONE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def _site_rules_unused(rule_sets: Sequence[RuleSet], url: str | None) -> tuple[str, ...]:
    """A warning where the caller's rule sets for some sites (files or Python, with rules left
    after `disable`) cannot apply, the document naming no site: a rule file with `domains` and
    no URL would otherwise do nothing without a word. A plugin's are not named: `"*"` enables
    every installed site plugin, for documents of any site."""
    names = [
        rule_set.name
        for rule_set in rule_sets
        if rule_set.domains and rule_set.rules and not rule_set.origin.startswith("plugin ")
    ]
    if not names:
        return ()
    what = "has no URL" if not url else "has a URL that names no site"
    return (f"rules: the document {what}, so the site rule sets {', '.join(names)} were not used",)


def _check_clock(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded(TimeBudgetExceeded.MESSAGE)


def _removed_share(doc: Document, comment_words: int = 0) -> float:
    """The share of the words the rules removed, the comment thread left out of both counts:
    a short story under a long thread is not overcleaned."""
    total = removed = 0
    for block in doc.blocks:
        words = doc.stats(block.index).words
        total += words
        if doc.label(block.index) not in KEPT_LABELS:
            removed += words
    total, removed = total - comment_words, removed - comment_words
    return removed / total if total > 0 else 0.0
