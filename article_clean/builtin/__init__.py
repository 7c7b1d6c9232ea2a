"""The built-in rule sets, written with the same public API as any plugin."""

from __future__ import annotations

from ..rules import RuleSet
from .ads import AD_RULES
from .bylines import BYLINE_RULES
from .captions import CAPTION_RULES
from .layout import LAYOUT_RULES
from .noise import NOISE_RULES
from .structure import STRUCTURE_RULES
from .trailer import TRAILER_RULES


def rule_sets() -> tuple[RuleSet, ...]:
    """The built-in rule sets in the order they run: markers, then layout.

    The page-structure set comes first: where markup says what a block is, that is the best
    evidence there is.
    """
    return (
        STRUCTURE_RULES,
        AD_RULES,
        TRAILER_RULES,
        CAPTION_RULES,
        BYLINE_RULES,
        NOISE_RULES,
        LAYOUT_RULES,
    )
