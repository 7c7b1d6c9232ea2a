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
from .features import BlockStats
from .learn import learn_rules
from .model import (
    Article,
    Block,
    Content,
    Hint,
    Kind,
    KindOption,
    Label,
    LanguageSource,
    RuleFailure,
    Segment,
)
from .rules import (
    BlockPredicate,
    FunctionRule,
    PatternRule,
    Rule,
    RuleAnswer,
    RuleSet,
    Scope,
    Stage,
    rule,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleCleanError",
    "Block",
    "BlockPredicate",
    "BlockStats",
    "Cleaner",
    "Content",
    "DecodeError",
    "Document",
    "FunctionRule",
    "Hint",
    "InputError",
    "InputTooLarge",
    "Kind",
    "KindOption",
    "Label",
    "LanguageSource",
    "PatternRule",
    "PluginError",
    "Rule",
    "RuleAnswer",
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
