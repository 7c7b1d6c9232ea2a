"""Typed errors: every failure of an input, a rule or a plugin has a class of its own under
ArticleCleanError. A call given an argument of the wrong type or value (`kind="xml"`,
`jobs=-1`, `clean(None)`) raises TypeError or ValueError, as Python's own functions do: a
mistake in the calling code, not in the data.

Each error pickles with its fields: one raised in a worker process reaches the caller whole."""

from __future__ import annotations


class ArticleCleanError(Exception):
    """Base class of every error article_clean raises on purpose."""


class RuleConfigError(ArticleCleanError, ValueError):
    """A rule, rule set or rule file is malformed, rule ids clash, or a rule cannot go to worker
    processes; raised when rules are built, before any document is cleaned."""


class PluginError(ArticleCleanError, LookupError):
    """A plugin named in the settings is not installed, or does not give a RuleSet."""


class RuleFailedError(ArticleCleanError):
    """In strict mode: a rule raised or ran past its time limit."""

    def __init__(self, rule: str, error: str) -> None:
        super().__init__(f"rule {rule} failed: {error}")
        self.rule = rule
        self.error = error

    def __reduce__(self) -> tuple[type[RuleFailedError], tuple[str, str], dict[str, object]]:
        # Pickled, the message alone would not do; its notes (`add_note`) go along.
        return type(self), (self.rule, self.error), self.__dict__


class UnsettledError(ArticleCleanError):
    """In strict mode: cleaning the body again still changed it after the settle passes, so
    the promise that `clean(a.body).body == a.body` does not hold for this document."""


class InputError(ArticleCleanError, ValueError):
    """The input cannot be cleaned as given."""


class DecodeError(InputError, UnicodeError):
    """Bytes that are not text in any encoding that could be found."""


class InputTooLarge(InputError):
    """The input is larger than the cleaner's `max_bytes`."""


class TimeBudgetExceeded(ArticleCleanError, TimeoutError):
    """Cleaning one document took longer than the cleaner's `time_budget`."""

    # What the message says, wherever the clock is read: what ran out, and how to give more.
    MESSAGE = (
        "the document ran past the cleaner's time budget "
        "(Cleaner(time_budget=SECONDS) sets it, None for no limit; on the command line, "
        "--time-budget SECONDS, 0 for none)"
    )

    def __init__(self, message: str = MESSAGE, rule: str | None = None) -> None:
        super().__init__(message)
        # The user's rule that took the most of the time, where one was timed: in a batch where
        # every record runs out, the rule to look at.
        self.rule = rule

    def __reduce__(
        self,
    ) -> tuple[type[TimeBudgetExceeded], tuple[str, str | None], dict[str, object]]:
        # The rule's name kept across processes, and the error's notes.
        return type(self), (str(self), self.rule), self.__dict__
