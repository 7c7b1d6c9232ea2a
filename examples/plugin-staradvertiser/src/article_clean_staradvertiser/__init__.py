"""Star-Advertiser rules for article_clean: its ad slot, its reply form and its comment policy."""

from article_clean import Label, PatternRule, RuleSet


def rule_set() -> RuleSet:
    """The entry point: a zero-argument factory, called once per process when enabled."""
    return RuleSet(
        "staradvertiser",
        [
            PatternRule(
                "STAR001",
                Label.NOISE,
                r"^ADVERTISING$",
                description="the Star-Advertiser's ad slot label",
            ),
            PatternRule(
                "STAR002",
                Label.TRAILER,
                r"^Leave a Reply$",
                scope="rest",
                description="the reply form that ends every story",
            ),
            PatternRule(
                "STAR003",
                Label.TRAILER,
                r"agreed to the Star-Advertiser's TERMS OF SERVICE",
                description="the comment policy under the reply form",
            ),
        ],
        domains=["staradvertiser.com"],
        description="Honolulu Star-Advertiser",
    )
