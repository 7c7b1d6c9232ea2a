"""Ad slots and promo markers between story paragraphs (AD0xx), in the languages of the news."""

from __future__ import annotations

from ..model import Label
from ..rules import PatternRule, RuleSet

# Decoration a page puts around a marker: "- Advertisement -", "[ADVERTISING]", "Ad:".
_OPEN = r"^[\s\-–—_=*•·|\[\(<]*"
_CLOSE = r"[\s\-–—_=*•·|:.\]\)>]*$"


def _line(*alternatives: str) -> str:
    """A pattern matching a whole block that is one of `alternatives`, decoration allowed."""
    return _OPEN + "(?:" + "|".join(alternatives) + ")" + _CLOSE


AD_LABELS = _line(
    r"advertis(?:ement|ing)s?",
    r"ad(?:vert)?s?",
    r"publicit[ée]|annonce",  # fr
    r"anzeigen?|werbung",  # de
    r"publicidad|anuncios?",  # es
    r"pubblicit[àa]",  # it
    r"publicidade|an[úu]ncios?",  # pt
    r"advertenties?|reclame",  # nl
    r"реклама|рекламный блок",  # ru
    r"reklama|reklam|reklame|annons|annonse",  # pl, cs, tr, da, sv, no
    r"mainos|hirdet[ée]s|publicitate|διαφήμιση",  # fi, hu, ro, el
    r"إعلان|اعلان|פרסומת",  # ar, he
    r"広告|スポンサーリンク|광고|广告|廣告",  # ja, ko, zh
)

CONTINUES = _line(
    r"(?:the )?(?:story|article|text|content) continues (?:below|after)(?: (?:the|this))?"
    r"(?: (?:advertisement|advert|ad|video))?",
    r"continue reading (?:the main story|below|after (?:the )?ad(?:vertisement)?)",
    r"skip advertisement|scroll (?:down )?to continue(?: with content| reading)?",
    r"advertisement\W+(?:scroll|continue)[\w ]*",
    r"ad feedback|report (?:this )?ad|close ad|remove ads?",
    r"la suite (?:après|de l'article après) (?:cette|la) publicit[ée]",  # fr
    r"(?:der )?artikel (?:wird )?(?:nach|unter) der (?:anzeige|werbung) fortgesetzt|"
    r"weiter(?:lesen)? (?:nach|unter) der (?:anzeige|werbung)",  # de
    r"(?:la noticia |el artículo )?(?:contin[úu]a|sigue) (?:despu[ée]s|tras|debajo) de(?:l| la)? "
    r"(?:publicidad|anuncio)",  # es
    r"(?:l'articolo )?continua (?:dopo|sotto) (?:la )?pubblicit[àa]",  # it
    r"(?:a )?(?:mat[ée]ria |not[íi]cia )?continua (?:ap[óo]s|depois d[ao]|abaixo d[ao]) "
    r"(?:a )?(?:publicidade|an[úu]ncio)",  # pt
    r"(?:het )?(?:artikel|verhaal) gaat (?:verder )?(?:onder|na) de advertentie|"
    r"lees verder na de advertentie",  # nl
    r"продолжение (?:после|ниже) рекламы|материал продолжится после рекламы",  # ru
    r"dalsza cz[eę]ść (?:artyku[łl]u|tekstu) (?:pod|po) (?:reklam[ąa]|materia[łl]em wideo)",  # pl
)

SPONSORED = _line(
    r"sponsored(?: content| links?| stories| by [\w .&'-]{1,40})?",
    r"promoted(?: content| stories| links)?|paid (?:content|post|partner(?:ship)? content)",
    r"partner content|presented by [\w .&'-]{1,40}|in partnership with [\w .&'-]{1,40}",
    r"contenu (?:sponsoris[ée]|partenaire)|sponsoris[ée]",  # fr
    r"gesponsert|gesponserter inhalt|sponsored post",  # de
    r"(?:contenido )?patrocinado",  # es
    r"(?:contenuto )?sponsorizzato",  # it
    r"(?:conte[úu]do )?patrocinado|publieditorial",  # pt
    r"gesponsord|gesponsorde inhoud",  # nl
    r"спонсорский материал|на правах рекламы|партн[её]рский материал",  # ru
    r"PR|スポンサー",  # ja
)

AD_RULES = RuleSet(
    "ads",
    [
        PatternRule(
            "AD001",
            Label.NOISE,
            AD_LABELS,
            linear=True,
            flags="IGNORECASE",
            max_chars=120,
            description="an ad slot label on a line of its own (ADVERTISING, Anzeige, Publicité)",
            examples=(
                "ADVERTISING",
                "Advertisement",
                "- Advertisement -",
                "Anzeige",
                "Publicité",
                "Publicidad",
                "Pubblicità",
                "Publicidade",
                "Advertentie",
                "Реклама",
                "Reklama",
                "REKLAM",
                "إعلان",
            ),
            counter_examples=(
                "The advertising industry has changed more in five years than in the fifty "
                "before.",
            ),
        ),
        PatternRule(
            "AD002",
            Label.NOISE,
            CONTINUES,
            linear=True,
            flags="IGNORECASE",
            max_chars=160,
            description="a 'story continues below the advertisement' marker",
            examples=(
                "Story continues below advertisement",
                "Continue reading the main story",
                "Article continues below",
                "SKIP ADVERTISEMENT",
                "Artikel wird nach der Anzeige fortgesetzt",
                "La suite après cette publicité",
                "Continúa después de la publicidad",
                "Продолжение после рекламы",
                "Weiterlesen nach der Anzeige",
                "Dalsza część artykułu pod reklamą",
            ),
            counter_examples=(
                "The story continues in the next issue, the editor said.",
            ),
        ),
        PatternRule(
            "AD003",
            Label.NOISE,
            SPONSORED,
            linear=True,
            flags="IGNORECASE",
            max_chars=120,
            description="a sponsored or promoted content label",
            examples=(
                "Sponsored",
                "Contenu sponsorisé",
                "Gesponsert",
            ),
            counter_examples=(
                "Sponsored by the city, the festival drew thousands of visitors on Saturday.",
            ),
        ),
    ],
    description="Ad slots and promo markers inside the story.",
    origin="built-in",
)
