"""The explain report: one self-contained HTML page that shows what was removed and why.

The kept Article comes first, each field with the rule that decided it; then the removed lines,
folded by rule; then every segment of the text in order, coloured by its label, removed ones
struck through, each decided line with its rule id (on hover and in the legend). All article
text is escaped, and the page allows no script at all (Content-Security-Policy), so a scraped
`<script>` stays text.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from .builtin import rule_sets
from .model import ARTICLE_FIELDS, Article, Label, Segment
from .rules import RuleSet, Scope

COLOURS = {
    Label.HEADLINE: "#1f4e9c",
    Label.BYLINE: "#5b6b7c",
    Label.CAPTION: "#8a5a00",
    Label.BODY: "#1b1b1b",
    Label.NOISE: "#b3261e",
    Label.TRAILER: "#6d3fa0",
}

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
.legend span.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:4px}
.segment.removed{text-decoration:line-through;opacity:.8}
.segment .rule{font:11px monospace;padding:0 .3em;margin-right:.3em;border-radius:3px;color:#fff;
 text-decoration:none;display:inline-block}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.fields dd{white-space:pre-wrap;margin:0 0 1rem 1rem}
.fields .rule,summary .rule{font:11px monospace;padding:0 .3em;margin-right:.5em;border-radius:3px;
 color:#fff;display:inline-block}
details.removed-rule{margin:.3rem 0}details.removed-rule ul{margin:.2rem 0 .6rem}
.removed-line{text-decoration:line-through;opacity:.8}
.fields .source{font:11px monospace;color:#555;margin-right:.5em}
"""


def _descriptions() -> dict[str, str]:
    return descriptions(rule_sets())


def descriptions(sets: Iterable[RuleSet]) -> dict[str, str]:
    """What each rule of `sets` matches, by id; a rest-scope rule's lines are the one it
    matched and every line after it, which the description alone does not say."""
    return {
        rule.id: rule.description + (_SWEPT if rule.scope is Scope.REST else "")
        for rule_set in sets
        for rule in rule_set.rules
    }


_SWEPT = " (the line it matched, and the lines after it that no other rule took)"


def _badge(rule: str | None, label: Label) -> str:
    if not rule:
        return ""
    return f'<span class="rule" style="background:{COLOURS[label]}">{html.escape(rule)}</span>'


def _byline_in_text(article: Article) -> bool:
    """Whether the text's byline lines name every writer of `article.byline`: else the page's
    metadata named them (the cleaner prefers it to a line of names with no "By")."""
    lines = " ".join(s.text for s in article.segments if s.label is Label.BYLINE).casefold()
    names = (name.strip().casefold() for name in (article.byline or "").split(","))
    return bool(lines) and all(name in lines for name in names if name)


def _field_rules(article: Article) -> dict[Label, str | None]:
    """The rule that decided each kept field's first line: the badge its field carries."""
    found: dict[Label, str | None] = {}
    for segment in article.segments:
        if segment.text.strip() and segment.label not in found:
            found[segment.label] = segment.rule
    return found


def report(
    article: Article, *, title: str = "article", descriptions: dict[str, str] | None = None
) -> str:
    """The report page for `article` as an HTML string.

    The kept Article comes first (what a reader wants to check), then what was removed, folded
    by rule (a long page's menu lines would otherwise push the story out of sight), then the
    whole text segment by segment, with the legend.
    """
    described = _descriptions() if descriptions is None else descriptions
    esc = html.escape
    used = Counter(s.rule for s in article.segments if s.rule and s.text.strip())
    removed = [s for s in article.removed if s.text.strip()]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src 'none'\">",
        f"<title>article_clean: {esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>What article_clean removed from {esc(title)}</h1>",
        f'<p id="summary">{len(article.segments)} segments; {len(removed)} removed as noise '
        f"or trailer ({article.kind} input).</p>",
        '<h2>The article</h2><dl class="fields">',
    ]
    rules = _field_rules(article)
    # The story's own words in its language (a screen reader's voice, a browser's fonts); the
    # report's words stay English.
    lang = f' lang="{esc(article.language)}"' if article.language else ""
    for name, label in ((f.name, f.label) for f in ARTICLE_FIELDS if f.label is not None):
        value = getattr(article, name)
        badge = ""
        if value and label in (Label.HEADLINE, Label.BYLINE, Label.CAPTION):
            badge = _badge(rules.get(label), label)
            if label is Label.BYLINE and not _byline_in_text(article):
                badge = '<span class="source">from the page\'s metadata</span> '
        shown = f"<span{lang}>{esc(value)}</span>" if value else "—"
        parts.append(f'<dt>{name}</dt><dd id="field-{name}">{badge}{shown}</dd>')
    language = article.language and f"{article.language} ({article.language_source})"
    for name, value in (
        ("language", language), ("published", article.published), ("url", article.url)
    ):
        parts.append(f'<dt>{name}</dt><dd id="about-{name}">{esc(value) if value else "—"}</dd>')
    for failure in article.failures:
        parts.append(f"<dt>failed rule {esc(failure.rule)}</dt><dd>{esc(failure.error)}</dd>")
    for warning in article.warnings:
        parts.append(f"<dt>warning</dt><dd>{esc(warning)}</dd>")
    parts.append("</dl>")
    parts.extend(_removed_by_rule(removed, described))
    parts.append('<h2>Legend</h2><div class="legend"><p>')
    for label, colour in COLOURS.items():
        parts.append(
            f'<span class="label-key" data-label="{label.value}"><span class="swatch" '
            f'style="background:{colour}"></span>{label.value}</span> &nbsp; '
        )
    parts.append("</p><table><tr><th>rule</th><th>segments</th><th>what it matches</th></tr>")
    for rule, count in sorted(used.items()):
        parts.append(
            f'<tr class="legend-rule" data-rule="{esc(rule)}"><td><code>{esc(rule)}</code></td>'
            f"<td>{count}</td><td>{esc(described.get(rule, ''))}</td></tr>"
        )
    parts.append(f'</table></div><h2>The text, segment by segment</h2><div class="text"{lang}>')
    for segment in article.segments:
        colour = COLOURS[segment.label]
        rule = segment.rule or ""
        hover = f"{segment.label.value}" + (f" · {rule}: {described.get(rule, '')}" if rule else "")
        classes = "segment removed" if segment.removed and segment.text.strip() else "segment"
        # Every decided line but the body's carries its rule: kept headlines and captions too.
        badge = _badge(rule, segment.label) if segment.label is not Label.BODY else ""
        parts.append(
            f'<span class="{classes}" data-label="{segment.label.value}" data-rule="{esc(rule)}" '
            f'title="{esc(hover)}" style="color:{colour}">{badge}{esc(segment.text)}</span>'
        )
    parts.append("</div></body></html>\n")
    return "".join(parts)


def _removed_by_rule(removed: list[Segment], described: dict[str, str]) -> list[str]:
    """One folded section per rule that removed lines, in the order the rules first struck."""
    esc = html.escape
    by_rule: dict[str, list[Segment]] = {}
    for segment in removed:
        by_rule.setdefault(segment.rule or "-", []).append(segment)
    parts = [f'<h2>Removed ({len(removed)}), by rule</h2><div id="removed">']
    for rule, pieces in by_rule.items():
        label = pieces[0].label
        parts.append(
            f'<details class="removed-rule" data-rule="{esc(rule)}"><summary>'
            f"{_badge(rule, label)}{len(pieces)} × {esc(described.get(rule, label.value))}"
            "</summary><ul>"
        )
        parts.extend(
            f'<li class="removed-line">{esc(" ".join(p.text.split()))}</li>' for p in pieces
        )
        parts.append("</ul></details>")
    parts.append("</div>")
    return parts
