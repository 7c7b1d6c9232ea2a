"""The explain report: one self-contained HTML page that shows what was removed and why.

Every segment of the text appears in order, coloured by its label; removed segments are struck
through and carry their rule id, on hover and in the legend. All article text is escaped, and the
page allows no script at all (Content-Security-Policy), so a scraped `<script>` stays text.
"""

from __future__ import annotations

import html
from collections import Counter

from .builtin import rule_sets
from .model import Article, Label

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
"""


def _descriptions() -> dict[str, str]:
    return {rule.id: rule.description for rule_set in rule_sets() for rule in rule_set.rules}


def report(
    article: Article, *, title: str = "article", descriptions: dict[str, str] | None = None
) -> str:
    """The report page for `article` as an HTML string."""
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
        f'<p id="summary">{len(article.segments)} segments; {len(removed)} removed '
        f"({article.kind} input).</p>",
        '<h2>Legend</h2><div class="legend"><p>',
    ]
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
    parts.append('</table></div><h2>The text, segment by segment</h2><div class="text">')
    for segment in article.segments:
        colour = COLOURS[segment.label]
        rule = segment.rule or ""
        hover = f"{segment.label.value}" + (f" · {rule}: {described.get(rule, '')}" if rule else "")
        classes = "segment removed" if segment.removed and segment.text.strip() else "segment"
        badge = (
            f'<span class="rule" style="background:{colour}">{esc(rule)}</span>'
            if rule and segment.removed
            else ""
        )
        parts.append(
            f'<span class="{classes}" data-label="{segment.label.value}" data-rule="{esc(rule)}" '
            f'title="{esc(hover)}" style="color:{colour}">{badge}{esc(segment.text)}</span>'
        )
    parts.append('</div><h2>The article</h2><dl class="fields">')
    for name in ("headline", "byline", "caption", "body", "trailer"):
        value = getattr(article, name)
        parts.append(f'<dt>{name}</dt><dd id="field-{name}">{esc(value) if value else "—"}</dd>')
    for failure in article.failures:
        parts.append(f"<dt>failed rule {esc(failure.rule)}</dt><dd>{esc(failure.error)}</dd>")
    for warning in article.warnings:
        parts.append(f"<dt>warning</dt><dd>{esc(warning)}</dd>")
    parts.append("</dl></body></html>\n")
    return "".join(parts)
