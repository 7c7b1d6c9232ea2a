"""article_clean: strip the boilerplate out of scraped news articles, and say what was removed."""

from __future__ import annotations

from .api import clean
from .batch import RecordError, Result, clean_many
from .cleaner import Cleaner
from .document import Document
from .errors import (
    ArticleCleanError,
    DecodeError,
    InputError,
    InputTooLarge,
    PluginError,
    RuleConfigError,
    RuleFailedError,
    TimeBudgetExceeded,
    UnsettledError,
)
from .learn import learn_rules
from .model import Article, Block, Hint, Kind, KindOption, Label, RuleFailure, Segment
from .rules import FunctionRule, PatternRule, Rule, RuleSet, Scope, Stage, rule

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleCleanError",
    "Block",
    "Cleaner",
    "DecodeError",
    "Document",
    "FunctionRule",
    "Hint",
    "InputError",
    "InputTooLarge",
    "Kind",
    "KindOption",
    "Label",
    "PatternRule",
    "PluginError",
    "Rule",
    "RuleConfigError",
    "RuleFailedError",
    "RuleFailure",
    "RuleSet",
    "Scope",
    "Segment",
    "Stage",
    "TimeBudgetExceeded",
    "UnsettledError",
    "RecordError",
    "Result",
    "clean",
    "clean_many",
    "learn_rules",
    "rule",
]
