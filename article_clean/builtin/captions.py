"""Photo captions and credits (CAP0xx): a caption is told by the credit it carries.

Wire credits have a handful of recurring shapes: a parenthesised "Name/Agency" at the end,
"AP Photo/Name", "Photo: Name", "Credit...Name", a credit after a "|", and agency names alone at
the end of a line. A block of story text almost never ends that way without a full stop.
"""

from __future__ import annotations

from ..model import Label
from ..rules import PatternRule, RuleSet

AGENCIES = (
    r"Getty(?: Images)?|AP|Associated Press|Reuters|AFP|TNS|EPA(?:-EFE)?|EFE|dpa|ANSA|Xinhua|"
    r"Bloomberg|Shutterstock|iStock(?:photo)?|Alamy|Corbis|Pool|Wire ?Image|Sipa(?: USA)?|"
    r"ZUMA(?: Press| Wire)?|NurPhoto|SOPA Images|Anadolu(?: Agency)?|PA(?: Images| Wire)?|"
    r"Rex(?:/Shutterstock)?|Splash News|USA TODAY(?: Sports| NETWORK)?|NYT|The New York Times|"
    r"The Washington Post|Los Angeles Times|Chicago Tribune|Handout|Courtesy(?: of [^()]{1,60})?|"
    r"File|Staff|Contributed|Supplied|Flickr|Wikimedia(?: Commons)?|NASA|Unsplash|Pexels|Statista"
)

# "(Kent Nishimura/Getty Images/TNS)", "(AP Photo/Evan Vucci)", "(Photo by Jane Doe)".
PAREN_CREDIT = (
    r"\((?:[^()]{0,80}/\s*)?(?:" + AGENCIES + r")(?:\s*(?:/|via)\s*[^()]{1,60})?\)\s*\.?$"
    r"|\((?:AP |Reuters |AFP |Getty |File |Staff |Courtesy )?(?:Photo|Image|Picture|Foto)s?"
    r"(?: (?:by|courtesy of|credit|:)|/|:)\s*[^()]{2,80}\)\s*\.?$"
    r"|\(\p{Lu}[^()/]{1,40}/\s*\p{Lu}[^()/]{1,40}(?:/[^()/]{1,40})?\)\s*\.?$"
)

WIRE_PHOTO = r"\b(?:AP|AFP|Reuters|EPA|Getty|Xinhua|Bloomberg|TNS) Photos?\s*/|\bREUTERS/\p{Lu}"

CREDIT_LINE = (
    r"^(?:(?:Photo(?:graph)?|Image|Picture|Foto|Bild|Illustration|Video)s?\s*(?:credit|source|"
    r"by|courtesy(?: of)?)?|Credits?|Source|Fotos?|Crédit(?:o)?s?|Bildquelle|Quelle|Fonte|Фото)"
    r"\s*(?::|\.{2,}|…|-|–|—|by\b)\s*\S.{0,100}$"
)

PIPE_CREDIT = (
    r"\|\s*(?:(?:Photo|Image|Picture|Credit|Foto)s?\b.{0,80}|(?:"
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
)

POSITION = (
    r"^(?:Above|Top|Below|Left|Right|Pictured|Main image|Inset|In this photo|Pictured above)\s*:"
    r"|^(?:image|photo|picture|video|media) (?:caption|copyright)\b"
    r"|^(?:video|watch|audio)\s*:\s+\S"
)

VIA_CREDIT = (
    r"^(?=.{25,250}$)[^.!?]*\s(?:via|courtesy of|©)\s+\p{L}[\w.&'-]*(?:\s\p{Lu}[\w.&'-]*){0,3}$"
)

TRAILING_CREDIT = (
    r"(?r)(?:^|[\s.…]|(?<=\p{Ll}))(?:Photo(?:graph)?|Image|Picture|Credit|Foto)s?\s*(?::|by)\s*"
    r"[^.!?:]{2,60}[^.!?:\s]$"
)

# AP-style captions date their picture in full: "..., Tuesday, Nov. 19, 2019, ..." (story text
# says "on Tuesday").
CAPTION_DATE = (
    r"^(?=.{60,}$)(?!(?i:updated|published|posted|last updated|modified|by)\b).*"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (?:Jan|Feb|March|April|May|"
    r"June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)

# "Mark Esper, left, and Ngo Xuan Lich shake hands": who is where in the picture.
PICTURE_POSITION = (
    r",\s(?:left|right|center|centre|top|bottom|second (?:from )?(?:left|right)|"
    r"(?:front|back) row|from left|clockwise from (?:top )?left)\s?,"
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
    r"^(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy(?: Stock Photo)?|Corbis|"
    r"(?:AP|AFP|EPA|Reuters|Getty) (?:Photo|Images?)|Getty Images for [^.]{1,60}|"
    r"(?:AFP|AP|Bloomberg|NurPhoto|Corbis|Anadolu Agency) via Getty Images|"
    r"(?:\p{Lu}[\w.'’-]*\s+){0,4}(?i:submitted|contributed|staff|file|courtesy|handout|"
    r"supplied) (?i:photo|image|picture)s?)$"
)

GALLERY_TOGGLE = r"(?r)(?:(?:\s|\.\.\.|…)\s*more|[.!?]\s+less)$"

FILE_PHOTO = r"\((?:File|AP File|File photo|Archive)\)|\bFILE PHOTO\b|^FILE\s*[-–—:]"

CAPTION_RULES = RuleSet(
    "captions",
    [
        PatternRule(
            "CAP001",
            Label.CAPTION,
            PAREN_CREDIT,
            max_chars=1000,
            requires=(")",),
            description="ends in a parenthesised photo credit, e.g. (Kent Nishimura/Getty Images/TNS)",
        ),
        PatternRule(
            "CAP002",
            Label.CAPTION,
            WIRE_PHOTO,
            max_chars=1000,
            requires=("photo", "reuters/"),
            description="carries a wire photo credit such as AP Photo/Name or REUTERS/Name",
        ),
        PatternRule(
            "CAP003",
            Label.CAPTION,
            CREDIT_LINE,
            flags="IGNORECASE",
            max_chars=200,
            description="a credit line: 'Photo: Name', 'Credit...Name', 'Image credit: Name'",
        ),
        PatternRule(
            "CAP004",
            Label.CAPTION,
            PIPE_CREDIT,
            flags="IGNORECASE",
            max_chars=600,
            requires=("|",),
            description="a caption with its credit after a '|'",
        ),
        PatternRule(
            "CAP005",
            Label.CAPTION,
            TRAILING_AGENCY,
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
        ),
        PatternRule(
            "CAP006",
            Label.CAPTION,
            POSITION,
            flags="IGNORECASE",
            max_chars=600,
            requires=(":", "caption", "copyright"),
            description="starts by pointing at the picture (Above:, Pictured:, Left:)",
        ),
        PatternRule(
            "CAP007",
            Label.CAPTION,
            GALLERY_TOGGLE,
            max_chars=1000,
            requires=("more", "less"),
            description="a gallery caption with its 'more'/'less' toggle",
        ),
        PatternRule(
            "CAP008",
            Label.CAPTION,
            FILE_PHOTO,
            max_chars=1000,
            requires=("file", "archive"),
            description="marked as a file photo",
        ),
        PatternRule(
            "CAP009",
            Label.CAPTION,
            VIA_CREDIT,
            max_chars=250,
            requires=(" via ", "courtesy of", "©"),
            description="a short unpunctuated line ending in its source ('... via iFixit')",
        ),
        PatternRule(
            "CAP010",
            Label.CAPTION,
            CREDIT_ONLY,
            max_chars=100,
            description="a photo credit on a line of its own ('Getty Images')",
        ),
        PatternRule(
            "CAP011",
            Label.CAPTION,
            TRAILING_CREDIT,
            max_chars=1000,
            requires=("photo", "image", "picture", "credit", "foto"),
            description="ends in a credit without a full stop ('... Photo: Hau Dinh, AP')",
        ),
        PatternRule(
            "CAP012",
            Label.CAPTION,
            PICTURE_POSITION,
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
            ),
            description="says who is where in the picture ('Mark Esper, left, and ...')",
        ),
        PatternRule(
            "CAP013",
            Label.CAPTION,
            PICTURE_WORDS,
            flags="IGNORECASE",
            max_chars=400,
            requires=("artist", "photo", "image", "picture", "illustration", "graphic", "map", "took",
                      "micrograph", "rendering",
                      "chart", "screenshot", "rendering", "still", "pictured", "shown", "seen",
                      "(l-r)", "from left"),
            description="describes its picture ('An artist's concept of ...', 'This photo shows')",
        ),
        PatternRule(
            "CAP014",
            Label.CAPTION,
            CAPTION_DATE,
            max_chars=600,
            requires=("day, ", "day "),
            description="dates its picture in full, AP style ('..., Tuesday, Nov. 19, 2019, ...')",
        ),
    ],
    description="Photo captions and their credits.",
    origin="built-in",
)
