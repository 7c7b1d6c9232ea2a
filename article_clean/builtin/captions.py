"""Photo captions and credits (CAP0xx): a caption is told by the credit it carries.

Wire credits have a handful of recurring shapes: a parenthesised "Name/Agency" at the end,
"AP Photo/Name", "Photo: Name", "Credit...Name", a credit after a "|", and agency names alone at
the end of a line. A block of story text almost never ends that way without a full stop.

One exception comes first (CAP000): a short document's only paragraph is its story, whatever
it ends with; a caption goes with a story.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import regex

from ..byline import opens_with_writer
from ..features import NEWS_AGENCY_TAG, SENTENCE_LIKE_WORDS, BlockStats
from ..model import Label
from ..rules import Example, FunctionRule, PatternRule, Rule, RuleSet
from . import tags as tag
from .bylines import BY_WRITER_AND_AGENCY, WIRE_DATELINE

if TYPE_CHECKING:
    from ..document import Document
    from ..model import Block

AGENCIES = (
    r"Getty(?: ?Images)?|AP(?: Photo)?|Associated Press|Reuters|AFP|TNS|EPA(?:-EFE)?|EFE|dpa|ANSA|Xinhua|"
    r"Bloomberg|Shutterstock|iStock(?:photo)?|Alamy|Corbis|Pool|Wire ?Image|Sipa(?: USA)?|"
    r"ZUMA(?: Press| Wire)?|NurPhoto|SOPA Images|Anadolu(?: Agency)?|PA(?: Images| Wire)?|"
    r"Rex(?:/Shutterstock)?|Splash News|USA TODAY(?: Sports| NETWORK)?|NYT|The New York Times|"
    r"The Washington Post|Los Angeles Times|Chicago Tribune|Handout|Courtesy(?: of [^()]{1,60})?|"
    r"File|Staff|Contributed|Supplied|Flickr|Wikimedia(?: Commons)?|NASA|Unsplash|Pexels|Statista"
)

# The small closed set of words that label a picture, its credit or its source, in the
# languages of the news: "Photo:", "Фото:", "Crédit photo :", "Source:".
PICTURE_WORDS_ML = (
    r"Photo(?:graph)?s?(?: illustration)?|Images?|Pictures?|Pics?|Fotos?|Foto[gq]rafi[ae]|Фото(?:графия)?|Bild(?:er)?|"
    r"Imagen|Immagine|Zdjęcie|Kuva|Φωτογραφία|Illustration|Graphic|Grafik|Gráfico|Chart|Map|"
    r"Video|写真|图片|사진|Beeld|Foto[ğg]raf|تصوير|摄影|攝影|撮影"
)
CREDIT_NAMES = r"Credits?|Crédits?(?: photo)?|Créditos?|Crédito|Bildquelle|Bildnachweis"
SOURCE_WORDS = r"Source|Quelle|Fonte|Fuente|Источник|Źródło|Lähde|Kilde|Bron|Kaynak|Πηγή|출처"
CREDIT_LABEL = (
    r"(?:(?:" + PICTURE_WORDS_ML + r")\s*(?:credits?|source|by|courtesy(?: of)?)?|"
    + CREDIT_NAMES + "|" + SOURCE_WORDS + ")"
)

# "(Kent Nishimura/Getty Images/TNS)", "(AP Photo/Evan Vucci)", "(Photo by Jane Doe)",
# "(Credit: CNET)", "(Foto: dpa)", "( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)", "(onmeth.com)".
# Searched from the end ("(?r)"): every alternative ends at the line's end, and a backward search
# over this union is ten times faster than a forward one (checked to match the same lines).
PAREN_CREDIT = (
    r"(?r)(?<!\b\d{4}\s?)\((?:[^()]{0,80}/\s*)?(?:" + AGENCIES + r")(?:\s*(?:/|via)\s*[^()]{1,60})?\)\s*\.?$"
    r"|\((?:AP |Reuters |AFP |Getty |File |Staff |Courtesy )?(?:Photo|Image|Picture|Foto)s?"
    r"(?: (?:by|courtesy of|credit|:)|/|:)\s*[^()]{2,80}\)\s*\.?$"
    r"|\(\s*\p{Lu}[^()/]{1,40}/\s*\p{Lu}[^()/]{1,40}(?:/[^()/]{1,40})?\)\s*\.?$"
    r"|\(\s*(?i:(?:" + PICTURE_WORDS_ML + r")(?:\s+(?:credits?|by|courtesy(?: of)?|source))?|"
    + CREDIT_NAMES + r"|Copyright)\s*(?::|/|(?i:by|via)\b)\s*[^()]{1,80}\)\s*\.?$"
    r"|^(?=.{0,160}$).*[^.!?\s\"”’]\s*\(\s*(?i:" + SOURCE_WORDS + r")\s*:\s*[^()]{1,80}\)\s*\.?$"
    r"|[.!?][\"'”’]?\s*\([\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\)$"
    r"|^\(\s*(?:\p{Lu}[\w.&'’-]*(?:\s+\p{Lu}[\w.&'’-]*){1,5}|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})\s*\)$"
)

WIRE_PHOTO = r"\b(?:AP|AFP|Reuters|EPA|Getty|Xinhua|Bloomberg|TNS) Photos?\s*/|\bREUTERS/\p{Lu}"

CREDIT_LINE = (
    r"^" + CREDIT_LABEL + r"\s*(?::|\.{2,}|…|-|–|—|by\b)\s*\S.{0,100}$"
    r"|^Fot\.\s*+\S.{0,100}$"  # Polish: "Fot. Jan Kowalski", the label's own stop its mark
)

# "Фото:", "Photo credit:", "Source:" alone: the credit follows on the next line. A bare "Фото"
# too, but not "Photo": in English a bare word is a gallery's or a menu's tab.
CREDIT_LABEL_ALONE = r"^" + CREDIT_LABEL + r"\s*[:：]$|^(?:Фото|Fotos?|Fotó|Zdjęcie|写真)$"

# A list of names or a menu joined by '|' ('A | B | C | D | The New York Times') is no caption,
# and a title's section tag ('... | Pictures') names no one: the picture word needs its credit.
PIPE_CREDIT = (
    r"^(?!(?:[^|]*\|){3}).*\|\s*(?:(?:Photo|Image|Picture|Credit|Foto)s?\b\W*\w.{0,80}|(?:"
    + AGENCIES
    + r")(?:\s*/.{0,60})?)$"
)

# End-anchored patterns carry (?r): the regex module then searches from the end of the line,
# where they can only match, instead of trying every position from the start.
TRAILING_AGENCY = (
    r"(?r)(?:(?:\s(?:for|via)\s|\s?/\s?)(?:" + AGENCIES + r")"
    r"|(?<![.!?…:;,])(?<!^(?i:by))\s(?:Getty Images|Shutterstock|iStock(?:photo)?|AFP via Getty Images|Reuters|"
    r"Statista|"
    r"REUTERS|(?:AP|AFP|EPA|Getty|Reuters) (?:Photo|Images?)(?: Archive)?))"
    r"(?:\s(?:file|archive|pool|handout))?$"
    r"|(?<=\p{Ll}[.!?][\"'”’]?)(?:Getty Images|Getty|Shutterstock|iStock|Reuters|REUTERS|AP|AFP|EPA|"
    r"Bloomberg|Xinhua|Alamy)$"
    r"|(?<=\p{Ll}[.!?][\"'”’]?\s)(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy|Statista)$"
)

POSITION = (
    r"^(?:Above|Top|Below|Left|Right|Pictured|Main image|Inset|In this photo|Pictured above)\s*:\s*\S"
    r"|^(?:image|photo|picture|video|media) ?(?:caption|copyright)(?!ing|ed|s\b)(?=\W|\p{Lu}|$)"
    r"|^(?:video|watch|audio)\s*:\s+\S"
    r"|^caption\s*:\s*\S"
)

VIA_CREDIT = (
    # A caption is written in sentence case: a title's words before its "via" are capitalised
    # ("Interactive Magic Mirror Controlled via Android" is a post's title).
    # A sentence's full stop ends a source only after "courtesy of" or "©": "... via Direct
    # Message." is how a sentence says how something was sent.
    r"^(?=.{25,250}$)(?:(?=[^.!?]*?\s\p{Ll}\p{L}{3,}\s)[^.!?]*\svia(?!.*\.$)"
    r"|[^.!?]*\s(?:courtesy of|©))"
    r"\s+\p{L}[\w.&'-]*(?:\s\p{Lu}[\w.&'-]*){0,3}$"
)

TRAILING_CREDIT = (
    r"(?r)(?:^|[\s.…]|(?<=\p{Ll}))(?:Photo(?:graph)?|Image|Picture|Credit|Foto|Фото|Bild)s?\s*"
    r"(?::|by)\s*"
    r"[^.!?:]{2,60}[^.!?:\s](?:\s+(?:Source|Quelle|Fonte|Fuente|Источник)\s*:\s*[^.!?:]{0,60}[^.!?:\s])?$"
    r"|(?:^|[.!?…][\"'”’]?\s+)(?:Photo|Image|Picture|Foto)s?\s+"
    r"(?:(?:captured|taken|grabbed)\s+)?"
    r"(?:from|via|courtesy(?: of)?)\s+"
    r"\S+(?:\s+\S+){0,5}$"
)

# AP-style captions date their picture in full: "..., Tuesday, Nov. 19, 2019, ..." (story text
# says "on Tuesday").
CAPTION_DATE = (
    r"^(?=.{60,}$)(?!(?i:updated?|published|posted|last updated|modified|by)\b).*"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (?:Jan|Feb|March|April|May|"
    r"June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)

# "Mark Esper, left, and Ngo Xuan Lich shake hands": who is where in the picture.
PICTURE_POSITION = (
    r",\s(?:left|right|center|centre|top|bottom|second (?:from )?(?:left|right)|"
    r"(?:front|back) row|from left|clockwise from (?:top )?left)\s?,"
    r"|\s\((?:left|right|center|centre|top|bottom|from left|second (?:from )?(?:left|right))\)"
)

# How captions describe their picture: "An artist's concept of ...", "This photo shows ...".
PICTURE_WORDS = (
    r"^(?:an? )?artist'?s?[’']? (?:concept|impression|rendering|illustration|depiction)\b|"
    r"\b(?:this|above|below) (?:photo(?:graph)?|image|picture|illustration|graphic|map|"
    r"chart|screenshot|rendering|still|file photo|handout photo)s? (?:shows?|depicts?|taken|"
    r"released|provided|made available)\b|"
    r"^(?:pictured|shown|seen)(?: here| above| below| left| right)?\s*:|\(l-r\)|\(from left\)|"
    r"\btook (?:this|the|these) (?:image|photo|picture|photograph)s?\b|"
    r"^an? (?:stock|file|handout) (?:image|photo|picture)\b|"
    r"^(?:this|in this|in an?) (?:[^.]{0,80}? )?(?:photo(?:graph)?|image|picture|illustration|"
    r"graphic|rendering|micrograph|screenshot|still|satellite image)s?\b[^.]{0,80}?"
    r"\b(?:shows?|depicts?|showing|captures?)\b|"
    r"^in (?:a|this) (?:micrograph|photo|image|picture|video) of\b"
)

CREDIT_ONLY = (
    r"^(?:Getty(?: ?Images)?|Shutterstock|iStock(?:photo)?|Alamy(?: Stock Photo)?|Corbis|"
    r"(?:AP|AFP|EPA|Reuters|Getty) (?:Photo|Images?)|Getty Images for [^.]{1,60}|"
    r"(?:AFP|AP|Bloomberg|NurPhoto|Corbis|Anadolu Agency) via Getty Images|"
    r"(?:\p{Lu}[\w.'’-]*\s+){0,4}(?i:submitted|contributed|staff|file|courtesy|handout|"
    r"supplied) (?i:photo|image|picture)s?)$"
)

# A credit on a line of its own: a person's name and the agency or site, joined by a slash or
# a comma ("Jason Cipriani/ZDNet", "Sue Mainka / IUCN", "Michael Conroy, AP"). A byline names
# its agency in words ("Jane Doe, Associated Press"); a photo credit abbreviates or shouts it.
NAME_AND_AGENCY = (
    r"^(?!By\b)(?=.{3,70}$)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s?/\s?"
    r"\p{L}[\w.&'’-]+$"
    r"|^(?!By\b)(?!.*\b(?:and|und|et|y)\b)(?=.{3,80}$)\p{Lu}[^.!?,/]{1,50},\s*(?:AP|AP Photo|AFP|"
    r"ASSOCIATED PRESS|EPA(?:-EFE)?|Getty Images|Shutterstock|iStock(?:photo)?)(?:\s?/\s?[^.!?/]{1,40})?$"
)

# "Courtesy of Andrew Vaughan", "Photo courtesy of the MagCloud team."
COURTESY = (
    r"^(?=.{8,80}$)(?:(?:(?:Top|Main|Lead|Header|Featured|Cover|Above|Below|Inset|Handout|File|"
    + AGENCIES
    + r")\s+)?"
    r"(?:Photo|Image|Picture|Video)s?\s+)?courtesy(?:\s+of)?\s+\S[^.!?]{0,60}"
    r"\.?$"
)

# "© Aaron Schwartz", "© REUTERS / POOL": a picture's holder, without the year and the rights
# of a page's copyright line.
PHOTO_COPYRIGHT = (
    r"^(?:©|ⓒ)\s*(?!(?:copyright|\(c\))\b)(?!.{0,40}\b(?:19|20)\d\d\b)"
    r"(?!.*\b(?:rights|reserved|inc|ltd|llc|gmbh|corp|riservat[ao]|r[ée]serv[ée]s|reservados|"
    r"vorbehalten|voorbehouden|zastrze[żz]one|sakl[ıi]d[ıi]r|защищены|infocom)\b)\S.{0,300}$"
)

# A gallery caption's toggle: "more" or "less" right after its sentence or an ellipsis, "Show
# more", "View less". Not any word and "more" ("Read more", "Know more", "Discover more"): a
# teaser's link to the rest, under a story's lead in a feed's item as often as in a sidebar.
GALLERY_TOGGLE = (
    r"(?r)(?:(?:\.\.\.|…)\s*more|"
    r"[.!?][\"'”’]?\s+(?:(?i:show|view|expand)\s+)?(?:more|less)|"
    r"(?:\.\.\.|…)\s*View Full (?:Size|Caption))$"
)

FILE_PHOTO = r"\((?:File|AP File|File photo|Archive)\)|\bFILE PHOTO\b|^FILE\s*[-–—:]"

# The lower-case words a credit holds.
_CREDIT_VOCABULARY = frozenset(
    "by via for of the and at from on in photo photos photograph photography image images picture "
    "pictures credit credits courtesy copyright source file staff handout pool contributor archive "
    "submitted supplied illustration graphic video screenshot screen shot stock de da del di do dos "
    "van von der den le la les par por und et y e foto fotos bild quelle fonte fuente crédit "
    "crédito фото источник".split()
)
CREDIT_LABEL_START = re.compile(
    r"^\(?\s*(?:photo|image|picture|foto|фото|bild|credit|source|crédit|illustration|graphic)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
CREDIT_WORDS = 12  # the longest a credit alone runs
AGENCY_CREDIT_WORDS = 7  # ... and one that ends in an agency's name, but for 'Name/Agency'


def credit_alone(text: str, rule: str | None, doc: Document) -> bool:
    """Whether a caption line that `rule` decided in `doc` is a photo credit and nothing else
    ('Sakib Ali/Getty Images', '(Credit: CNET)', 'Фото:'), not a caption that carries its
    credit: a credit's words are names, but for a few words of the trade ('by', 'courtesy',
    'file'). Only a rule tagged photo-credit takes such lines."""
    if rule not in doc.rules_tagged(tag.PHOTO_CREDIT) or len(text.split()) > CREDIT_WORDS:
        return False
    if rule in doc.rules_tagged(tag.CREDIT_BY_PLACE):
        return True  # a credit by its place, under its label
    if (
        rule in doc.rules_tagged(tag.AGENCY_CREDIT)
        and "/" not in text
        and len(text.split()) > AGENCY_CREDIT_WORDS
    ):
        return False  # a title that ends in an agency's name ('... on the Moon for NASA')
    return credit_shaped(text)


@functools.lru_cache(maxsize=1)
def _credit_at_end() -> regex.Pattern[str]:
    return regex.compile(f"(?:{PAREN_CREDIT})|(?:{TRAILING_CREDIT})|(?:{TRAILING_AGENCY})")


def carries_credit(text: str) -> bool:
    """Whether a caption's line ends on its picture's credit ("... on pier 4. Photograph: Anna
    Lindqvist", "... (AP Photo/Evan Vucci)"): a caption and its credit whole. The patterns are
    the credit rules' own, linear as they declare, so no timeout (and no TimeoutError from the
    assembly of the fields) is needed."""
    return _credit_at_end().search(text) is not None


def credit_shaped(text: str) -> bool:
    """Whether a line reads as a credit alone: a few words, names but for the trade's words
    ('Photo: Jane Doe/Reuters', not 'The new earbuds in their charging case')."""
    text = text.removeprefix("• ")
    if len(text.split()) > CREDIT_WORDS:
        return False
    described = sum(
        1
        for word in _WORD.findall(text)
        if word[0].islower() and word.casefold().strip(".'’") not in _CREDIT_VOCABULARY
    )
    return described <= (1 if CREDIT_LABEL_START.match(text) else 0)


_ACRONYM_IN_PARENS = regex.compile(r"\(\s*(\p{L}{2,6})\s*\)\s*\.?$")
_NAME_WORD = regex.compile(r"[\p{L}\d]+")
_SMALL_WORDS = frozenset("of and for the on in de des du la le et y del für und".split())


def defines_acronym(text: str) -> bool:
    """Whether `text` ends by spelling out a name and giving its acronym in parentheses
    ("... the Environmental Protection Agency (EPA).", "Agence France-Presse (AFP)"): an
    abbreviation introduced in a sentence, not a credit."""
    found = _ACRONYM_IN_PARENS.search(text)
    if found is None:
        return False
    acronym: str = found.group(1).casefold()
    before = _NAME_WORD.findall(text[: found.start()])
    words = [word for word in before if word.casefold() not in _SMALL_WORDS]
    initials = "".join(word[0] for word in words[-len(acronym) :]).casefold()
    return initials == acronym


_STORY = "The council met on Tuesday to discuss the plan, and most of its members spoke for it."


def _with_story(line: str) -> Example:
    """`line` under a story's paragraph, as a caption sits: a paragraph alone is the story
    (CAP000), whatever it ends with."""
    return Example(f"{_STORY}\n\n{line}", line)


_BY_WRITER_AND_AGENCY = regex.compile(BY_WRITER_AND_AGENCY)
_WIRE_DATELINE = regex.compile(WIRE_DATELINE)


class CreditNotByline(PatternRule):
    """A credit rule that leaves a byline to the bylines: a wire story's, "By Jane Doe | AP" (a
    name and an agency, but under "By"), and one that credits the photographer after its
    writer ("By Jane Doe • Photos by John Roe", "Text: Jane Doe, Photos: John Roe")."""

    def search_unhinted(self, text: str, timeout: float | None = None) -> Any:
        found = super().search_unhinted(text, timeout)
        if found is None:
            return None
        stripped = text.strip()
        if (
            _BY_WRITER_AND_AGENCY.match(stripped)
            or _WIRE_DATELINE.match(stripped)
            or opens_with_writer(text)
        ):
            return None
        return found


# A news agency's tag alone in parentheses at a paragraph's end: the source a wire story
# names at its end, or a picture's agency.
_AGENCY_TAG = regex.compile(NEWS_AGENCY_TAG + r"\s*+\.?$")
# A sentence's end, then another's start: after a word of three small letters or more, not
# after an abbreviation ("Sen. John", "U.S. border").
_NEXT_SENTENCE = regex.compile(r"\p{Ll}{3}[.!?][\"'”’»)]?\s++\p{Lu}")
WIRE_PARAGRAPH_WORDS = 40  # a caption with its agency runs shorter (CAPTION_WORDS's measure)
WIRE_SENTENCES_WORDS = 12  # two sentences this long are a paragraph, not a caption's two


def wire_story_tag(text: str) -> bool:
    """Whether `text` is a paragraph of a wire story with its agency's tag at the end, before a
    bare "(dpa)" or "(AFP)": two sentences of `WIRE_SENTENCES_WORDS` words or more, or longer
    than a caption runs. A caption with its agency is short ("A ship leaves port. (AP)",
    "Mayor Tom Lee speaks to reporters. He later left. (Reuters)")."""
    tag_found = _AGENCY_TAG.search(text)
    if tag_found is None:
        return False
    before = text[: tag_found.start()]
    words = len(before.split())
    two = words >= WIRE_SENTENCES_WORDS and _NEXT_SENTENCE.search(before) is not None
    return two or words > WIRE_PARAGRAPH_WORDS


class ParenthesisedCredit(CreditNotByline):
    """CAP001: a parenthesised credit at the end, but not an acronym that the words before it
    spell out, nor a byline's agency, nor the agency's tag that ends a wire story's paragraph."""

    def search_unhinted(self, text: str, timeout: float | None = None) -> Any:
        found = super().search_unhinted(text, timeout)
        if found is None:
            return None
        stripped = text.strip()
        return None if defines_acronym(stripped) or wire_story_tag(stripped) else found


# The caption markers: what CAP000 asks, and the rest of the caption set after it.
_CREDIT_MARKERS: tuple[Rule, ...] = (
    ParenthesisedCredit(
        "CAP001",
        Label.CAPTION,
        PAREN_CREDIT,
        linear=True,
        max_chars=1000,
        requires=(")",),
        description=(
            "ends in a parenthesised photo credit, e.g. (Kent Nishimura/Getty Images/TNS), but"
            " not an acronym that the words before it spell out"
        ),
        examples=(
            _with_story(
                "Sen. John Kennedy (R-LA) holds up a bag of fentanyl in Washington, D.C. "
                "(Kent Nishimura/Getty Images/TNS)"
            ),
            "President Trump speaks in the Rose Garden. (AP Photo/Evan Vucci)",
            "A fan cheers in the stands (Photo by Jane Doe)",
            "Smoke rises over the city on Monday (EPA)",
            "(Credit: CNET)",
            "(Copyright: Thinkstock)",
            "(Foto: dpa)",
            "(Video via YouTube)",
            "(Graphic: Global assets in 2019 - here)",
            "(Walt Disney Co.)",
            "(GettyImages.com)",
            _with_story(
                "Yersinia pestis survives on fleas that live on rodents, like rats and "
                "rabbits. ( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"
            ),
            "Materials from South Dakota’s viral “Meth. We’re on it.” campaign. (onmeth.com)",
            "The Active Denial System was deployed but withdrawn (Copyright: JNLWP)",
            "Global assets in 2019 (Source: Refinitiv)",
        ),
        counter_examples=(
            "By Jane Doe (Reuters)",
            # A wire story's paragraph, its agency's tag at the end: the story's.
            "Die Stadt will den Marktplatz im Frühjahr umbauen. Die Händler fürchten dagegen "
            "monatelange Einbußen. (dpa)",
            "The rule was written by the Environmental Protection Agency (EPA).",
            "Er sprach mit der Deutschen Presse-Agentur (dpa).",
            "(I know, radical statement, right?)",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP002",
        Label.CAPTION,
        WIRE_PHOTO,
        linear=True,
        max_chars=1000,
        requires=("photo", "reuters/"),
        description="carries a wire photo credit such as AP Photo/Name or REUTERS/Name",
        examples=(
            "Protesters march in Hong Kong on Monday. REUTERS/Tyrone Siu",
        ),
        counter_examples=(
            "<b>The tagged photos were taken in 2012.</b>",
            "Photographs taken by the rover show a dry riverbed.",
            "The photo was taken in 1962 by a neighbour, who kept it for decades.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP003",
        Label.CAPTION,
        CREDIT_LINE,
        linear=True,
        flags="IGNORECASE",
        max_chars=200,
        description="a credit line: 'Photo: Name', 'Credit...Name', 'Image credit: Name'",
        examples=(
            "Photo: Damian Dovarganes, AP",
            "Credit...Doug Mills/The New York Times",
            "Image Credit: WeWork",
            "Crédit photo : AFP",
            "Fonte: Reuters",
            "Фото: личный архив",
            "Source: Russian Defense Ministry",
            "Map: How the virus spread",
            "Photo illustration by Slate. Photo by David Dyer-Bennet.",
            "Beeld: ANP",
            "Fot. Jan Kowalski/Agencja Gazeta",
            "Fotoğraf: AA",
        ),
        counter_examples=(
            "Photographs taken by the rover show a dry riverbed.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    CreditNotByline(
        "CAP004",
        Label.CAPTION,
        PIPE_CREDIT,
        linear=True,
        flags="IGNORECASE",
        max_chars=600,
        requires=("|",),
        description="a caption with its credit after a '|'",
        examples=(
            "The new keyboard | Photo: Apple",
            "Jane Doe | Bloomberg | Getty Images",
        ),
        counter_examples=(
            "By Jane Doe and John Roe | The Associated Press",
            "Other News / Press Releases",
            "Jane Doe and John Smith at the premiere | Pictures",
            "The Planet | The Bugle | Metro | The Herald | The New York Times",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    CreditNotByline(
        "CAP005",
        Label.CAPTION,
        TRAILING_AGENCY,
        linear=True,
        max_chars=1000,
        requires=(
            "/",
            " for ",
            " via ",
            "getty",
            "shutterstock",
            "istock",
            "reuters",
            "afp",
            "epa",
            "ap ",
            "statista",
        ),
        description="ends in a photo agency name without a full stop (... Getty Images)",
        examples=(
            _with_story(
                "Rep. Ilhan Omar speaks at the Capitol on July 25, 2019. J. Scott Applewhite "
                "/ AP"
            ),
            _with_story(
                "Rep. Ilhan Omar speaks at the Capitol on July 25, 2019. J. Scott Applewhite / "
                "AP file"
            ),
            "The WeWork logo is displayed outside of a co-working space in New York.Reuters",
            "U.S. states where marijuana has been legalized for medical use. Statista",
            "KIMIHIRO HOSHINO/AFP/GettyImages",
            "RJ Sangosti/Denver Post/AP Photo",
        ),
        counter_examples=(
            "By Jane Doe / AFP",
            "By participating in the program, farmers receive a subsidy for each acre.",
            "Comments from the minister angered the opposition, which called for an inquiry.",
            "Related companies reported losses in the third quarter, according to Reuters.",
        ),
        tags=(tag.PHOTO_CREDIT, tag.AGENCY_CREDIT),
    ),
    PatternRule(
        "CAP006",
        Label.CAPTION,
        POSITION,
        linear=True,
        flags="IGNORECASE",
        max_chars=600,
        requires=(":", "caption", "copyright"),
        description=(
            "starts by pointing at the picture, then says what it shows (Above: ..., "
            "Pictured: ...)"
        ),
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "Above: A WeWork coworking space in San Francisco.",
            "Image caption Taylor Swift's seventh album, Lover, is the only one she owns",
            _with_story(
                "Video: In this talk presented at the 2016 TEDMED conference, Jennifer "
                "Pluznick, an associate professor of physiology at Johns Hopkins, explains how "
                "smell receptors in the kidney and the gut help the body."
            ),
            "Media captionWho is Julian Assange?",
            "Caption: A WeWork coworking space in San Francisco.",
        ),
        counter_examples=(
            "The show opens to the public on Friday. Here are some of the highlights:",
            "Filed in: Superior Court of Los Angeles County, the suit names three officers.",
            "Image captioning is hard, researchers said.",
            "Captions: what the editors wrote under each picture",
            "Below:",  # a pointer with nothing to say of the picture
        ),
    ),
    PatternRule(
        "CAP007",
        Label.CAPTION,
        GALLERY_TOGGLE,
        linear=True,
        max_chars=1000,
        requires=("more", "less", "view full"),
        description="a gallery caption with its 'more'/'less' toggle",
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "Karma Automotive unveil the Vision SC2 in Los Angeles Tuesday, Nov. 19, 2019. "
            "less",
            "The families of those injured and killed at... View Full Size",
            "Residents crowd the council chamber in the city hall on Tuesday. Show more",
        ),
        counter_examples=(
            "The advertising industry has changed more in five years than in the fifty "
            "before.",
            "One more thought",
            "Read more",
            # A teaser's paragraph with its link to the rest (a feed's item): no toggle.
            "The harbour authority voted on Tuesday to dredge the main channel. Read more",
            "The harbour authority voted on Tuesday to dredge the main channel. See more",
            "The harbour authority voted on Tuesday to dredge the main channel. Know more",
        ),
    ),
    PatternRule(
        "CAP008",
        Label.CAPTION,
        FILE_PHOTO,
        linear=True,
        max_chars=1000,
        requires=("file", "archive"),
        description="marked as a file photo",
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "FILE - In this Oct. 8, 2019 file photo, protesters gather in Hong Kong.",
            "FILE PHOTO: Protesters gather in Hong Kong on Oct. 8, 2019.",
            "Protesters gather in Hong Kong on Oct. 8, 2019. (AP File)",
        ),
        counter_examples=(
            "Filed in: Superior Court of Los Angeles County, the suit names three officers.",
        ),
    ),
    PatternRule(
        "CAP009",
        Label.CAPTION,
        VIA_CREDIT,
        linear=True,
        max_chars=250,
        requires=(" via ", "courtesy of", "©"),
        description="a short unpunctuated line in sentence case ending in its source ('... via "
        "iFixit')",
        examples=(
            "16-inch MacBook Pro's new scissor switch keyboard via iFixit",
        ),
        counter_examples=(
            "Courtesy of the company, every worker got a bonus of $500 last year, the union "
            "said.",
            "Just because I follow you, it does not mean you can sell me things via Direct "
            "Message.",
            "Interactive Magic Mirror Controlled via Android",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP010",
        Label.CAPTION,
        CREDIT_ONLY,
        linear=True,
        max_chars=100,
        # Every branch names an agency, or a photo, image or picture.
        requires=(
            "getty", "shutterstock", "istock", "alamy", "corbis", "photo", "image", "picture",
        ),
        description="a photo credit on a line of its own ('Getty Images')",
        examples=(
            "Jonathan P. Blair Submitted photo",
            "Staff photo",
            "Getty Images",
            "Getty",
        ),
        counter_examples=(
            "Photos and videos posted online showed long queues outside the stations.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    CreditNotByline(
        "CAP011",
        Label.CAPTION,
        TRAILING_CREDIT,
        linear=True,
        max_chars=1000,
        requires=("photo", "image", "picture", "credit", "foto", "фото", "bild"),
        description="ends in a credit: 'Photo: Hau Dinh, AP' with no full stop after it, or "
        "'Image from Lampworksdaily.com.'",
        examples=(
            _with_story(
                "A couple in Mongolia who died are suspected to have eaten a MarmotCredit: The "
                "Siberian Times"
            ),
            "Three of the reading lamps. Image from Lampworksdaily.com.",
            "Image captured from a local TV broadcast",
            "Sand covers the road in Charlestown, RI. Photo courtesy of Erin Diaz",
            "Nigella Lawson says her mother used to hit her. Picture: Supplied Source: "
            "Supplied",
            "By then, most residents had fled. Photo: Ben Cole",
        ),
        counter_examples=(
            "By Ana Lima • Photos by Ben Cole",
            "<b>The tagged photos were taken in 2012.</b>",
            "Photographs taken by the rover show a dry riverbed.",
            "The photo was taken in 1962 by a neighbour, who kept it for decades.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP012",
        Label.CAPTION,
        PICTURE_POSITION,
        linear=True,
        max_chars=800,
        requires=(
            ", left",
            ", right",
            ", center",
            ", centre",
            ", top",
            ", bottom",
            ", second",
            " row,",
            "from left",
            "clockwise",
            "(left)",
            "(right)",
            "(center)",
            "(centre)",
            "(top)",
            "(bottom)",
            "(from left)",
            "(second",
        ),
        description="says who is where in the picture ('Mark Esper, left, and ...')",
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "US professor Kevin King (left) and his Australian colleague Timothy Weeks AP",
        ),
        counter_examples=(
            "(I know, radical statement, right?)",
        ),
    ),
    PatternRule(
        "CAP013",
        Label.CAPTION,
        PICTURE_WORDS,
        linear=True,
        flags="IGNORECASE",
        max_chars=400,
        requires=("artist", "photo", "image", "picture", "illustration", "graphic", "map", "took",
                  "micrograph", "rendering",
                  "chart", "screenshot", "rendering", "still", "pictured", "shown", "seen",
                  "(l-r)", "from left", "video of"),
        description="describes its picture ('An artist's concept of ...', 'This photo shows')",
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "An artist's concept of Blue Origin's Blue Moon lander.",
            "This illustration shows a concept moon lander by Tyvak Nano-Satellite Systems, "
            "Inc.",
            "New Horizons took this image of the icy moon Europa rising above Jupiter's "
            "clouds",
            "A stock image of a woman holding a joint.",
            "This illustration of SpaceX's concept for a lunar lander shows how it could "
            "work.",
            "This satellite image from NASA’s worldview satellite shows fires near Delhi.",
            "In a video of the launch, the rocket lifts off from Cape Canaveral.",
        ),
        counter_examples=(
            "<b>The tagged photos were taken in 2012.</b>",
            "Photographs taken by the rover show a dry riverbed.",
            "The photo was taken in 1962 by a neighbour, who kept it for decades.",
        ),
    ),
    PatternRule(
        "CAP014",
        Label.CAPTION,
        CAPTION_DATE,
        linear=True,
        max_chars=600,
        requires=("day, ", "day "),
        description="dates its picture in full, AP style ('..., Tuesday, Nov. 19, 2019, ...')",
        tags=(tag.UNCREDITED_CAPTION,),
        examples=(
            "Indiana teachers hold a rally at the Statehouse in Indianapolis, Tuesday, Nov. "
            "19, 2019.",
        ),
        counter_examples=(
            "By Tuesday, the two sides had agreed to meet again in Washington.",
            "November 20, 2019 Was The Coldest Day Of The Year In The City, Forecasters Said.",
            "Results of the vote are expected on Friday, the election commission said.",
            "Update on Monday, Nov. 18, 2019: the council has since voted to close the bridge "
            "to cars.",
        ),
    ),
    PatternRule(
        "CAP015",
        Label.CAPTION,
        CREDIT_LABEL_ALONE,
        linear=True,
        flags="IGNORECASE",
        max_chars=40,
        requires=(":", "：", "фото", "foto", "fotó", "zdjęcie", "写真"),
        description="a credit's label alone, its credit on the next line ('Фото:', 'Source:')",
        tags=(tag.CREDIT_LABEL, tag.PHOTO_CREDIT),
        examples=(
            "Фото:",
            "Фото",
            "Photo credit:",
            "Source:",
        ),
        counter_examples=(
            "Photo",
        ),
    ),
    CreditNotByline(
        "CAP016",
        Label.CAPTION,
        NAME_AND_AGENCY,
        linear=True,
        max_chars=80,
        requires=("/", ","),
        description="a name and its agency or site joined by a slash or a comma, alone "
        "('Jason Cipriani/ZDNet', 'Michael Conroy, AP')",
        examples=(
            "Jason Cipriani/ZDNet",
            "Sue Mainka / IUCN",
            "Michael Conroy, AP",
            "Patrick Semansky, ASSOCIATED PRESS",
            "Jupiterimages, Getty Images/Creatas RF",
        ),
        counter_examples=(
            "Por Juan Pérez, EFE",
            "Sponsored by the city, the festival drew thousands of visitors on Saturday.",
            "By Tuesday, the two sides had agreed to meet again in Washington.",
            "By participating in the program, farmers receive a subsidy for each acre.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP017",
        Label.CAPTION,
        COURTESY,
        linear=True,
        flags="IGNORECASE",
        max_chars=80,
        requires=("courtesy",),
        description="a courtesy credit alone ('Courtesy of Andrew Vaughan')",
        examples=(
            "Courtesy of Andrew Vaughan",
            "Courtesy Google",
            "Top image courtesy of the city's archive",
            "AP Photo courtesy of the family",
            "Handout image courtesy of the police",
        ),
        counter_examples=(
            "His video courtesy of his lawyer went viral.",
            "The photo courtesy of the museum was hung in the hall.",
            "Courtesy of the company, every worker got a bonus of $500 last year, the union "
            "said.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
    PatternRule(
        "CAP018",
        Label.CAPTION,
        PHOTO_COPYRIGHT,
        linear=True,
        flags="IGNORECASE",
        max_chars=320,
        requires=("©", "ⓒ"),
        description="a picture's holder after a '©', with no year or rights ('© REUTERS / POOL')",
        examples=(
            "© Aaron Schwartz",
            "© REUTERS / POOL",
            _with_story(
                "© Lucy Nicholson Detainees at Otay Mesa detention center in San Diego, on May "
                "18, 2018."
            ),
        ),
        counter_examples=(
            "Copyright law was changed in 1998, the court said.",
            "© RIPRODUZIONE RISERVATA",  # a rights notice, in any language: the trailer's
            "© Tüm hakları saklıdır.",
        ),
        tags=(tag.PHOTO_CREDIT,),
    ),
)


SHORT_POST_BLOCKS = 2  # the paragraph and its title (a short post, a reading region), not
# counting the lines above it that markers took aside (`_ASIDE_LINES`)
_ASIDE_LINES = frozenset({Label.BYLINE, Label.NOISE})
PARAGRAPH_WORDS = SENTENCE_LIKE_WORDS  # fewer, and a credited line is a picture's caption


def _paragraph(stats: BlockStats) -> bool:
    """Whether a block reads as a paragraph: a paragraph's worth of words, with a sentence in
    them or the look of one (a paragraph that ends in a credit has no final stop). A title,
    even one that asks a question, is shorter."""
    return stats.words >= PARAGRAPH_WORDS and bool(
        stats.prose or stats.sentences or stats.sentence_like
    )


def _paragraphs(doc: Document) -> list[int]:
    return [index for index in range(len(doc)) if _paragraph(doc.stats(index))]


def _enabled(rule: Rule, doc: Document) -> bool:
    """Whether `rule`, a caption marker, is one of the cleaner's: each carries a tag."""
    return any(rule.id in doc.rules_tagged(name) for name in rule.tags)


def only_paragraph(block: Block, doc: Document) -> bool:
    """A short post's only paragraph, though it ends like a photo's caption: its story.

    A caption goes with a story; a short post of one paragraph that ends in "(Video via
    YouTube)" taken for one leaves the page none (on HTML, where it is all of the region a
    reader found, the whole page is then read for a story, and a menu or a footer comes back
    as one). A short post: the paragraph last, under its title and the lines markers took as
    a byline or as noise (a date, a share bar). Any other line makes it no short post: under
    the paragraph, a story's list or a reply form (markers read on down the page, so what it
    is is not known yet); above it, a caption (a gallery's), or a line a trailer marker took
    (a comment under a photo post, "3 comments:").
    """
    index = block.index
    # The cheap tests first: the engine asks about every block the markers before it left,
    # and most documents are no short post; the caption markers' searches come last.
    if index != len(doc) - 1 or not _paragraph(doc.stats(index)):
        return False
    titles = 0
    for at in range(index):
        label = doc.label(at)
        if label is None or label is Label.HEADLINE:
            titles += 1
            if titles + 1 > SHORT_POST_BLOCKS:
                return False
        elif label not in _ASIDE_LINES:
            return False
    if doc.memo(_paragraphs, text_only=True) != [index]:
        return False
    matched = [
        rule for rule in _CREDIT_MARKERS if _enabled(rule, doc) and rule.applies(block, doc)
    ]
    # A caption known by its words, not its credit ("Caption: ...", "Pictured: ...") is one.
    return bool(matched) and not any(tag.UNCREDITED_CAPTION in rule.tags for rule in matched)


_POST = (
    "Someone in the neighbourhood built a full-size bowling lane out of snow last night, and "
    "by the morning half the street had lined up to try it. (Video via YouTube)"
)

CAPTION_RULES = RuleSet(
    "captions",
    [
        FunctionRule(
            "CAP000",
            Label.BODY,
            only_paragraph,
            description=(
                "the only paragraph of a short document (its title besides), though it ends "
                "like a caption: its story, kept in the body"
            ),
            examples=(Example(f"Snow lanes\n\n{_POST}", _POST),),
            counter_examples=(  # beside a story, a credited line is the picture's caption
                Example(f"Snow lanes\n\n{_POST}\n\n{_STORY}", _POST),
                # under a comments heading: a comment under a photo post
                Example(f"3 comments:\n\n{_POST}", _POST),
            ),
        ),
        *_CREDIT_MARKERS,
    ],
    description="Photo captions and their credits.",
    origin="built-in",
)
