"""The story's byline as names, and the date its dateline gives.

Why: the rules label every line that reads as a byline or a dateline BYLINE, and the segments
keep those labels, since they are the record of what each line is. But a reader of
`Article.byline` wants who wrote the story. A byline line also carries the timestamp ("Nov. 19,
2019 8:03 am ET"), the writer's role ("AP Auto Writer", "Opinion Columnist"), the agency or
section after a separator ("| Fox News", "Topic: Hardware"), an e-mail address or a handle; and a
page has BYLINE lines that are not the story's (the dates of the comments far below, the author
of a teaser above). So the field is made here, from the BYLINE blocks of the story's header:

- the header is what lies above the story's first paragraph; of its byline lines, those that
  name a writer after a word such as "By", "Posted by", "Von", "Por" or "Author:" are preferred,
  and of those the nearest to the headline (the story's start where there is no headline);
- from each line, only the names: the words after the marker up to a date, a separator, a role,
  an agency or a word that is no part of a name;
- a line with no such word ("Tom Krisher, AP Auto Writer", "Reuters November 18, 2019") is used
  only where no line has one, and then only the nearest.

The dates on those lines are what `published` falls back to where the page states none: only
the forms that say a day, a month and a year unmistakably, written out as YYYY-MM-DD.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import as_spelled
from .document import Decision
from .model import Block, Label

# ---------------------------------------------------------------- dates

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari", "stycznia", "января", "ocak", "يناير"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
        "fevereiro", "fev", "februari", "lutego", "февраля", "şubat", "subat", "فبراير"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart",
        "maret", "marca", "марта", "mart", "مارس"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "апреля", "nisan",
        "أبريل", "ابريل"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "мая", "mayıs",
        "مايو"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "июня",
        "haziran", "يونيو"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca",
        "июля", "temmuz", "يوليو"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "agustus", "augusti",
        "sierpnia", "августа", "ağustos", "agustos", "أغسطس", "اغسطس"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "września", "wrzesnia", "сентября", "eylül", "eylul", "سبتمبر"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
         "out", "października", "pazdziernika", "октября", "ekim", "أكتوبر", "اكتوبر"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "ноября", "kasım",
         "kasim", "نوفمبر"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
         "dicembre", "dezembro", "desember", "grudnia", "декабря", "aralık", "aralik", "ديسمبر"),
}  # fmt: skip
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
# Longest first, so that "September" is not read as "Sep" and a word.
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
_WEEKDAY = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|"
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)
# Weekdays that are names too ("Tomasz Piątek", "Ahmet Cuma", "Tom Sali"): a weekday only with
# its date right after it ("Wtorek, 24 lipca 2012"), never before a bare separator.
_NAMED_WEEKDAY = (
    r"poniedzia[łl]ek|wtorek|[śs]roda|czwartek|pi[ąa]tek|sobota|niedziela|"
    r"pazartesi|sal[ıi]|[çc]ar[şs]amba|per[şs]embe|cuma(?:rtesi)?|pazar|"
    r"m[åa]ndag|tisdag|tirsdag|onsdag|torsdag|fredag|l[öø]rdag|s[öø]ndag"
)
_YEAR = r"(?P<year>\d{4})(?:(?!\d)|(?=\d{1,2}[:.]\d{2}))|'(?P<short>\d{2})(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
# The forms a date takes on a byline: "Nov. 19, 2019", "19 November 2019", "20. November 2019",
# "19 de noviembre de 2019", "24 сентября 2018", "2019-11-18T20:51:19Z", "11/19/2019",
# "13.11.2019", "2019年11月20日".
_DATE_FORMS = (
    re.compile(
        rf"(?<![\w])(?P<month>{_MONTH})\.?\s+{_DAY}(?!\d),?\s+(?:{_YEAR})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w.]){_DAY}\.?\s+(?:de\s+)?(?P<month>{_MONTH})\.?,?\s+(?:de\s+)?(?:{_YEAR})",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\w.])(?P<year>\d{4})[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    re.compile(
        r"(?<![\w.:])(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)"
        r"(?:(?P<year>\d{4})|(?P<short>\d{2}))(?![\d])(?![.-]\d)"
    ),
    re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
)
# What makes a date on the line an update rather than the first publication.
_UPDATED = re.compile(
    r"\b(?:updated?|modified|last\s+modified|edited|aktualisiert|geändert|actualizado|"
    r"actualisé|mis\s+à\s+jour|aggiornato|atualizado|обновлено|bijgewerkt)\b",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published|posted|original|publiziert|veröffentlicht|publicado|publié|pubblicato|"
    r"опубликовано|gepubliceerd)\b",
    re.IGNORECASE,
)
# Languages whose writers put the month first in a date of numbers only: none but English
# (and English only in the United States), so there an ambiguous one says nothing for sure.
_MONTH_FIRST = frozenset({"en"})


def _year(match: re.Match[str]) -> int:
    if match.group("year"):
        return int(match.group("year"))
    short = int(match.group("short"))
    return 2000 + short if short < 70 else 1900 + short


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(match: re.Match[str], language: str | None) -> str | None:
    """A date of numbers only: day first or month first, decided only where it can be."""
    first, second, year = int(match.group("first")), int(match.group("second")), _year(match)
    if first > 12 and second <= 12:
        return _valid(year, second, first)
    if second > 12 and first <= 12:
        return _valid(year, first, second)
    if first == second:
        return _valid(year, first, second)
    if language and language not in _MONTH_FIRST:
        return _valid(year, second, first)  # day first, as every other language writes it
    return None


@dataclass(frozen=True)
class Date:
    """A date found on a line, and whether the line says it is an update."""

    iso: str
    updated: bool
    start: int
    end: int


def dates(line: str, language: str | None = None) -> list[Date]:
    """The dates a line states, in order: "Published Nov 18, 2019 | Updated Nov 19, 2019"
    gives 2019-11-18 (first published) and 2019-11-19 (an update).

    Numbers alone are read only where they cannot be read two ways (a day over 12, a year
    first), or where the language writes the day first; a date without a year is passed over.
    """
    line = _GLUED.sub(" ", line)
    found: list[Date] = []
    taken: list[tuple[int, int]] = []
    for form in _DATE_FORMS:
        for match in form.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            groups = match.groupdict()
            if "first" in groups:
                iso = _numeric(match, language)
            else:
                month = groups["month"]
                number = int(month) if month.isdigit() else _MONTHS[month.casefold().rstrip(".")]
                iso = _valid(_year(match), number, int(groups["day"]))
            if iso is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(Date(iso, False, match.start(), match.end()))
    found.sort(key=lambda date: date.start)
    result = []
    previous_end = 0
    for date in found:
        # The nearest word before the date, since the date before it, says which date it is.
        before = line[previous_end : date.start]
        updated = [m.end() for m in _UPDATED.finditer(before)]
        published = [m.end() for m in _PUBLISHED.finditer(before)]
        is_update = bool(updated) and (not published or updated[-1] > published[-1])
        result.append(Date(date.iso, is_update, date.start, date.end))
        previous_end = date.end
    return result


# ---------------------------------------------------------------- names

# Words after which a byline names its writers. "By" may stand anywhere on the line ("Nov 18,
# 2019 by Jane Doe"); the others, which are also words of names or of sentences in some
# language ("di", "von", "av"), only at the line's start or after a separator.
_BY_ANYWHERE = re.compile(
    r"(?:(?<=[\s|/·•,;:(\[])|^)(?P<marker>by)(?=[\s:])(?:\s*:)?\s*", re.IGNORECASE
)
# The byline word a stated writer may open with: "By", and Arabic's "بقلم" ("by the pen of",
# which is also "with a pen" inside a sentence: only where it opens the value).
_STATED_BY = re.compile(r"^\s*(?:by|بقلم)\s*:?\s+", re.IGNORECASE)
_MARKER = re.compile(
    r"(?:^|(?<=[|/·•,;:(\[—–-])\s*|(?<=\s))(?P<marker>"
    # "Posted by", "Written by", "Publicado por", "Text by"
    r"(?:posted|written|reported|reporting|story|words|text|article|analysis|submitted|compiled|"
    r"report|photos?\s+and\s+text|post\s+written|publicado|publicada|escrito|escrita|redigé|"
    r"écrit|geschrieben|scritto|verfasst|opublikowano|napisane|geplaatst|geschreven)\s+"
    r"(?:by|por|par|von|door|di|da|av|af|przez|от)(?=[\s:：]|$)"
    # "By:", "Por:"
    r"|(?:by|por|par|von|door|av|af|przez|od|di|oleh)(?=\s*[:：])"
    # "Author:", "Texto:", "Автор:", "記者："
    r"|(?:author|authors|autor|autora|autores|auteur|auteurs|autore|text|texto|tekst|testo|"
    r"verfasser|redacción|redação|reportagem|oleh|penulis|текст|автор|автори|作者|記者|文|기자)"
    r"(?=\s*[:：])"
    # "Von Anna Müller", "Por María García" at the line's start
    r"|^(?:por|par|von|door|di|av|af|przez|od|oleh|автор)(?=\s|$)"
    # or after the date or time (a placeholder by then): "Publié le 28/08/2024 à 07h15 par
    # Yann Le Gall"
    r"|(?:(?<=\x00\s)|(?<=\x00\s\s))(?:por|par|von|door|di|av|af|przez|od|oleh)(?=\s)"
    r")\s*[:：]?\s*",
    re.IGNORECASE,
)
# A "by" that credits someone else: "Photo by", "Powered by", "Sponsored by", "Edited by".
_NOT_AUTHOR = re.compile(
    r"(?:photos?|photograph(?:y|s)?|images?|pictures?|illustrations?|illustrated|graphics?|"
    r"videos?|powered|sponsored|presented|produced|hosted|designed|supported|brought|"
    r"made|edited|translated|courtesy|reviewed|fact[- ]checked|opinions\s+expressed|"
    r"inspired|followed|liked|shared)\s*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"\(?\s*@[A-Za-z_]\w*\s*\)?")
_AT_TIME = re.compile(r"\s@\s?(?=\d)")  # "Tom Breihan @ 11:18am": "at"
_CLOCK = re.compile(
    # and the hour's word some languages write after it: "14:35 Uhr", "14.35 óra"
    r"(?<![\w])\d{1,2}(?:[:.h]\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?|[ap](?![\w])|uhr(?![\w])|"
    r"óra(?![\w])|horas?(?![\w])|saat(?![\w]))?"
    r"|\d{1,2}\s*[時时시]\s*\d{1,2}\s*[分분]"  # "18時45分", "18시 45분"
    r"|(?<![\w])\d{1,2}\s*[ap]\.?m\.?(?![\w])",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])(?:{_MONTH})\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d)|(?<![\w])[0-3]?\d(?:st|nd|rd|th)?"
    rf"\.?\s+(?:de\s+)?(?:{_MONTH})\.?(?![\w])",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"(?<![\w])(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)(?:\s+ago)?(?![\w])|(?<![\w])just\s+now(?![\w])",
    re.IGNORECASE,
)
# A weekday where a date is next to it ("Wednesday 20 November", "Mon, Oct 29"): alone, a short
# or a foreign one may be a name ("Sun Yang", "Plácido Domingo").
_WEEKDAY_WORD = re.compile(
    rf"(?<![\w])(?:{_WEEKDAY})(?![\w])(?=\s*[,.\x00|•·/–—-]|\s+\d|\s+(?:at|{_MONTH})(?![\w]))"
    # or after the date: "November 12, 2012 Monday"
    rf"|(?<=\x00)\s*,?\s*(?:{_WEEKDAY})(?![\w])"
    # and an English weekday anywhere, which no one is named
    r"|(?<![\w])(?:mon|tues|wednes|thurs|fri|satur|sun)day(?![\w])"
    rf"|(?<![\w])(?:{_NAMED_WEEKDAY})(?![\w])(?=\s*,?\s*(?:\d|\x00|(?:{_MONTH})(?![\w])))",
    re.IGNORECASE,
)
# What a byline's words are glued to when a page runs its elements together: "Meg JamesStaff
# Writer", "Jason PaurEmail Author", "Marcus De GuzmanView More Articles".
_GLUED = re.compile(
    r"(?<=[a-z]{3})(?=[A-Z]{2,}[A-Z][a-z])"  # "Jonathan GarberFOXBusiness"
    r"|(?<=[A-Za-z])(?=(?:Staff|Senior|Contributor|Contributing|Columnist|Correspondent|Reporter|"
    r"Writer|Editor|Email|E-mail|View|More|Follow|Read|Published|Updated|Posted|Business|"
    r"Opinion|Special|Guide|Biography|Bio|Profile|Twitter|Facebook|January|February|March|"
    r"April|June|July|August|September|October|November|December)(?![a-z]))"
)
_SEPARATORS = re.compile(r"\s*(?:\||·|•|/|;|\s[-–—]+\s|[–—]|\s-+$|^-+\s|\(|\)|\[|\]|\{|\})\s*")
_TOKEN = re.compile(r",|&|[^\s,&]+")
_PLACEHOLDER = " \x00 "  # where a date, a time or a handle was: it ends a name

# Words that join names: "Jane Doe and John Roe", "Pedro Gómez y Ana Ruiz".
_JOINERS = frozenset("and & und et y e i og och en ja és и та".split())
# Words that are parts of names though not capitalised: "Barry van Wyk", "Ana de la Cruz".
_PARTICLES = frozenset(
    "van von de da di del della der den dos das du la le ter ten zu bin ibn al el".split()
)
# Words that end a name: what follows is a date, a place, a section or the dateline's words.
_STOPS = frozenset(
    "on at in with for from via updated update published posted modified last original filed "
    "under "
    "am um le el em il op på publiziert veröffentlicht aktualisiert publicado publicada "
    "actualizado atualizado publié mis pubblicato aggiornato опубликовано обновлено "
    "aangepast bijgewerkt gepubliceerd opublikowano zaktualizowano aktualizacja güncelleme "
    "güncellendi yayınlanma oppdatert publisert uppdaterad publicerad opdateret "
    "comments comment comentários comentarios kommentare commentaires leave add "
    "tags topics topic category categories section".split()
)
_BY_WORDS = frozenset("by por par door przez av af od oleh".split())
# Abbreviations that end in a full stop inside a name: "Martin Luther King Jr.", "Dr. Jane Doe".
_ABBREVIATIONS = frozenset("jr sr dr mr mrs ms st prof rev hon gen col capt lt sgt".split())
# Words of a page's controls, never of a name: "View More Articles", "Follow", "Previous Post".
_CONTROLS = frozenset(
    "view more read see share sharing follow print email e-mail order reprints subscribe sign "
    "log login search watch play listen download increase decrease resize previous next back "
    "home menu reply tweet like recent latest related all your my our this that these contact "
    "biography bio profile twitter facebook instagram linkedin rss feed find click tap here "
    "show hide close open toggle buttons button discuss about archive archives posts articles "
    "stories author authors permalink".split()
)
# A writer's role, and the words that qualify one: "Staff Writer", "AP National Security
# Writer", "Senior Contributor", "Business Columnist", "Product Manager".
_ROLES = frozenset(
    "writer writers reporter reporters correspondent correspondents columnist columnists "
    "editor editors contributor contributors staff staffer guide analyst analysts producer "
    "director manager engineer scientist founder cofounder co-founder president ceo cto "
    "chairman intern blogger critic photographer anchor host expert specialist officer "
    "professor lead researcher economist strategist commentator journalist journalists "
    "redakteur redakteurin korrespondent korrespondentin journaliste rédacteur rédactrice "
    "envoyé envoyée spécial spéciale periodista corresponsal redactor redactora redacción "
    "giornalista inviato inviata corrispondente repórter jornalista redacteur verslaggever "
    "корреспондент журналист обозреватель".split()
)
_ROLE_WORDS = _ROLES | frozenset(
    "senior junior chief staff contributing opinion guest special associate assistant "
    "executive managing deputy foreign national international political politics security "
    "auto business sports sport science technology tech health investigative global digital "
    "video photo news features entertainment culture music film food travel fashion style "
    "money economics finance legal courts crime education environment climate energy "
    "medical markets editorial product software development distinguished engineering ap "
    "freelance regular general city metro local state regional world white house capitol "
    "hill washington media social data visual graphics art arts books public affairs "
    "correspondent's team principal head".split()
)
# Words of the names of publications and agencies: what follows a writer's name after a comma
# ("Jane Doe, Business Insider") is one of those, not a second writer.
_ORGANISATIONS = frozenset(
    "press news times post journal herald tribune daily weekly magazine media today gazette "
    "guardian telegraph insider wire network channel radio tv television online group agency "
    "service sport sports business star sun mail express review report reports bureau desk "
    "team inc inc. ltd ltd. llc observer chronicle examiner independent standard mirror "
    "record courier dispatch bulletin leader globe inquirer enquirer register sentinel monitor "
    "world week institute university college foundation association council company corp "
    "corp. center centre project reuters bloomberg associated afp upi pti ians dpa efe ansa "
    "xinhua tass npr cnn bbc nbc cbs abc fox msnbc espn staff editorial contributors "
    "zeitung presse nachrichten journal diario periódico periodico jornal giornale "
    "corriere notícias noticias agencia agência agenzia".split()
)
# Time zones and their kin after a clock: "EST", "PT", "GMT+1".
_ZONES = frozenset(
    "est edt cst cdt mst mdt pst pdt akst akdt hst gmt utc bst cet cest eet eest ist hkt jst "
    "kst aest aedt acst awst nzst nzdt sgt wib msk et pt ct mt z".split()
)
MAX_NAME_WORDS = 5  # a longer run of capitalised words is a title, not a name


def _prepared(line: str) -> str:
    """The line with what is never a name made a placeholder: e-mail addresses, links,
    handles, dates, times, "2 hours ago", weekdays; and glued words pulled apart."""
    text = " ".join(line.replace("\u200b", "").split())
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(_PLACEHOLDER, text)
    text = _AT_TIME.sub(" at ", text)
    text = _HANDLE.sub(" ", text)
    text = _GLUED.sub(_PLACEHOLDER, text)
    for form in _DATE_FORMS:
        text = form.sub(_PLACEHOLDER, text)
    text = _CLOCK.sub(_PLACEHOLDER, text)
    text = _MONTH_DAY.sub(_PLACEHOLDER, text)
    text = _AGO.sub(_PLACEHOLDER, text)
    return _WEEKDAY_WORD.sub(_PLACEHOLDER, text)


def _bare(token: str) -> str:
    return token.strip(".,:;!?\"'“”‘’«»").casefold()


def _joiner(token: str) -> bool:
    """A comma or a word joining two names: "and", "und", "y", "AND"; not the initial "E."."""
    if token in (",", "&"):
        return True
    if not token.isalpha() or token.casefold() not in _JOINERS:
        return False
    return token.islower() or (len(token) > 1 and token.isupper())


def _last_word(word: str) -> str:
    """A name's last word without the punctuation after it, but for an initial's or an
    abbreviation's full stop ("J.", "Jr.")."""
    stripped = word.strip(".,;\"'“”‘’")
    if word.endswith(".") and (len(stripped) == 1 or stripped.casefold() in _ABBREVIATIONS):
        return stripped + "."
    return stripped


def _capitalised(token: str) -> bool:
    word = token.lstrip("\"'“‘(")
    return bool(word) and word[0].isupper()


# Scripts that write a name without spaces (Chinese, Japanese, Korean): a word is a whole name.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _caseless(token: str) -> bool:
    """A word of a script without capitals (Arabic, Hebrew, Devanagari, Chinese): in a value
    stated to name the writer, a name's word as a capitalised one is in a script with them."""
    return any(c.isalpha() for c in token) and not any(c.isupper() or c.islower() for c in token)


def _acronym(token: str) -> bool:
    """An all-capitals token of two letters or more that is no initial ("BBC", not "J.D.")."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in token


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]
    joiner: str  # what joined it to the name before: ", " or " and " (the line's own word)


def _strip_role(words: list[str]) -> list[str]:
    """A name without the role after it: "Bruce Y. Lee Senior Contributor" -> "Bruce Y. Lee".

    Only a run that ends in a role word goes; a name made of role words alone ("Opinion
    Columnist") leaves nothing.
    """
    if not words or _bare(words[-1]).split("-")[0] not in _ROLES:
        return words
    end = len(words)
    while end and _bare(words[end - 1]).split("-")[0] in _ROLE_WORDS:
        end -= 1
    return words[:end]


def _in_capitals(word: str) -> bool:
    """Every letter a capital: a name's word in a byline written in capitals, or an initial
    ("AJ de Souza" is a name written in mixed case)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title_cased(word: str) -> bool:
    """A capital, then letters in lower case alone ("Associated", "Reuters"): in a name written
    in capitals, a word of its agency. Not "McDONALD", a particle ("de"), "Jr"."""
    bare = word.strip(".,;:")
    return (
        len(bare) > 1
        and bare.isalpha()
        and bare[0].isupper()
        and bare[1:].islower()
        and bare.casefold() not in _ABBREVIATIONS
    )


def _strip_affiliation(words: list[str]) -> list[str]:
    """A mixed-case name without the acronym and what follows it: "Tom Fenwick HTN Sport";
    a name in capitals without the words in title case after it: "JANE DOE Associated Press"."""
    if len(words) < 3 or all(_acronym(word) or not word.isalpha() for word in words):
        return words
    if _acronym(words[0]) and _in_capitals(words[1]):
        cut = next((at for at in range(2, len(words)) if _title_cased(words[at])), len(words))
        return words[:cut]
    for at in range(2, len(words)):
        if _acronym(words[at]) and not any(_acronym(word) for word in words[:at]):
            return words[:at]
    return words


def _person_like(words: Sequence[str], line_upper: bool) -> bool:
    """Whether the words after a comma are another writer, not an agency, a place or a role."""
    if len(words) < 2 or len(words) > MAX_NAME_WORDS:
        return False
    for word in words:
        bare = _bare(word)
        if bare in _ORGANISATIONS or bare.split("-")[0] in _ROLE_WORDS or "." in bare[1:-1]:
            return False
        if _acronym(word) and not line_upper:
            return False
    return True


def _plain_name(words: Sequence[str], more: bool, line_upper: bool) -> bool:
    """Whether words with no "By" before them read as a name rather than a heading: not a lone
    word with more after it ("Science & Environment"), no initials of a thing inside a name
    written in lower case ("New SSL Vulnerability"; "CBS News" starts with its own)."""
    if more and len(words) == 1:
        return False
    return line_upper or not any(_acronym(word) for word in words[1:-1])


def _continues_phrase(tokens: Sequence[str], position: int) -> bool:
    """Whether the token at `position` goes on with words in lower case, as a phrase does: a
    user name ends where a date, a separator or the line does ("by admin on May 2")."""
    if position >= len(tokens):
        return False
    token = tokens[position]
    bare = _bare(token)
    return bool(bare) and bare.islower() and bare not in _STOPS and not _joiner(token)


def _span_names(text: str, after_marker: bool, stated: bool = False) -> list[_Name]:
    """The names at the start of `text`: up to the first word that is no part of a name.

    Names are split on commas and joining words; the first is kept as written but for a role
    after it (it may be an agency: "Reuters", "The Associated Press"); each later one after a
    comma must read as a person's name, since "Jane Doe, CNN" and "Jane Doe, Washington" name
    one writer and where she is.
    """
    groups: list[tuple[str, list[str]]] = [("", [])]
    tokens = _TOKEN.findall(text)
    for position, token in enumerate(tokens):
        bare = _bare(token)
        if token == "\x00":
            break
        if _joiner(token):
            if not groups[-1][1]:
                if groups[-1][0] or len(groups) > 1:
                    break  # two joiners in a row: not a list of names
                continue
            groups.append((", " if token == "," else f" {token} ", []))
            continue
        if bare in _PARTICLES and groups[-1][1]:
            groups[-1][1].append(token)
            continue
        if bare in _BY_WORDS and not after_marker:
            return []  # "Photo by ...": what stands before "by" is no writer
        if any(c.isdigit() for c in token) or bare in _STOPS:
            break
        if bare in _CONTROLS and len(groups[-1][1]) != 1:
            break  # "Follow", "Jane Doe View More": but "Richard Read" is a name
        if bare in _ZONES and (token.isupper() or len(bare) > 1):
            break
        if not bare:
            break
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token.endswith("-") and not _capitalised(following):
            # A word cut by a dash before no capital ends the names ("Jane Doe- 555-0100"; a
            # name broken at a line's end, "Jean- Pierre", goes on).
            if not groups[-1][1] and not any(words for _, words in groups):
                return []  # "by Kingsway- 555-301-0187": a word alone before a number
            if _capitalised(token):
                groups[-1][1].append(token.rstrip("-"))
            break
        ends_here = token.endswith((":", "!", "?")) or (
            token.endswith(".") and len(bare) > 2 and "." not in bare and bare not in _ABBREVIATIONS
        )  # "By Jane Doe. Photos by ...": a sentence's end, not an initial's ("J.D.")
        if _capitalised(token) or bare in _PARTICLES or (stated and _caseless(token)):
            groups[-1][1].append(token.rstrip(":!?") if not ends_here else token.rstrip(":!?."))
        elif after_marker and position == 0:
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            cut = _caseless(token) and _caseless(following) and not _UNSPACED.search(token)
            if cut or _continues_phrase(tokens, position + 1):
                # "Mediocrity by areas of improvement": a phrase, not a user name; and words
                # without capitals, a name of several words cut to its first (not stated: not
                # read; a name written without spaces, "記者：山田太郎", is one word).
                return []
            groups[-1][1].append(token)  # a user name: "by admin"
            break
        elif after_marker:
            if bare == "of" and len(groups) == 1 and len(groups[0][1]) == 1:
                return []  # "By Way of Marrowdale", "by virtue of": a phrase, not a name
            if len(groups) == 1:  # one writer: "By Jane Doe Guest columnist"
                groups[0][1].extend(_role_in_lower_case(groups[0][1], tokens[position:]))
            break
        else:
            return []  # names run on into a sentence: "Opinions expressed by ..."
        if ends_here:
            if not after_marker:
                return []  # "Rising Makers: ...", a label, not a name
            break
    if not groups[-1][1]:
        groups.pop()
    words_upper = all(
        _acronym(word) or not any(c.isalpha() for c in word) for _, words in groups for word in words
    )
    names: list[_Name] = []
    for index, (joiner, words) in enumerate(groups):
        words = [_last_word(word) if i == len(words) - 1 else word for i, word in enumerate(words)]
        words = [word for word in words if word]
        if index == 0:
            words = _strip_affiliation(_strip_role(words))
            if not words or len(words) > MAX_NAME_WORDS:
                return []
            if not after_marker and sum(_bare(w) not in _PARTICLES for w in words) > 4:
                return []  # five capitalised words with no "By" before them: a title
            if all(_bare(word) in _PARTICLES for word in words):
                return []
            if not any(sum(c.isalpha() for c in word) > 1 for word in words):
                return []  # "T", "J.": a letter left over, not a name
            joined = len(groups) > 1 and groups[1][0] != ", "  # "Science & Environment"
            if not after_marker and not _plain_name(words, joined, words_upper):
                return []
            names.append(_Name(tuple(words), ""))
            continue
        role_free = _strip_affiliation(_strip_role(words))
        if joiner == ", ":
            if role_free != words or not _person_like(words, words_upper):
                break
        else:
            if not role_free or len(role_free) > MAX_NAME_WORDS:
                break
            if joiner.strip() == "en" and len(role_free) < 2:
                break  # Dutch "en" joins names; Spanish and French "en" a name to a place
            if role_free != words:
                names.append(_Name(tuple(role_free), joiner))
                break
            if any(_bare(w) in _ORGANISATIONS for w in words) and not words_upper:
                break
        names.append(_Name(tuple(words), joiner))
    return names


def _role_in_lower_case(name: list[str], tokens: Sequence[str]) -> list[str]:
    """The role that opens `tokens` ("columnist", "staff writer"), where it takes the role's
    words in capitals off the end of `name` (`_strip_role`) and leaves a first and a last name:
    "By Jane Doe Guest columnist" named "Jane Doe Guest". A surname that is a role's word stays
    ("By Betty White staff writer"). Nothing where no role opens `tokens`."""
    run = list(itertools.takewhile(lambda token: _bare(token) in _ROLE_WORDS, tokens))
    roles = [at for at, token in enumerate(run) if _bare(token).split("-")[0] in _ROLES]
    if not roles:
        return []
    role = run[: roles[-1] + 1]
    left = _strip_role([*name, *role])
    return role if len(left) >= 2 and len(left) < len(name) else []


def _marker_names(text: str) -> list[_Name] | None:
    """Names after the line's byline words ("By", "Posted by", "Von", "Author:"), or None
    when it has no such word."""
    starts: list[int] = []
    for pattern in (_MARKER, _BY_ANYWHERE):
        for match in pattern.finditer(text):
            if _NOT_AUTHOR.search(text[: match.start("marker")]):
                continue
            starts.append(match.end())
    if not starts:
        return None
    names: list[_Name] = []
    for start in sorted(set(starts)):
        rest = text[start:]
        cut = _SEPARATORS.search(rest)
        span = rest[: cut.start()] if cut else rest
        names.extend(_span_names(span, after_marker=True))
    return names


# A one-word label and a colon at the start of a writer's line: a site's own byline word
# ("Reporter: ...", "Words: ...", "Reportage : ..."), which no list of them can hold.
_LABEL = re.compile(r"^[^\W\d_][\w'’.-]*\s?[:：]\s*")


def _plain_names(text: str) -> list[_Name]:
    """Names on a line with no byline word: the first piece between separators that is one."""
    for part in _SEPARATORS.split(text.replace("\x00", "|")):
        part = part.strip(" ,.-")
        if not part:
            continue
        tokens = part.split()
        if len(tokens) == 1 and (_acronym(tokens[0]) and len(tokens[0]) <= 2):
            continue  # "UK", "US": where, not who
        found = _span_names(part, after_marker=False)
        if found:
            return found
    return []


def _join(names: Sequence[_Name]) -> str:
    return "".join(name.joiner + " ".join(name.words) for name in names)


@dataclass(frozen=True)
class LineNames:
    """The names one byline line gives, and whether a byline word introduced them."""

    names: tuple[str, ...]
    text: str  # the names as the line joins them: "Jane Doe and John Roe"
    marked: bool  # a byline word introduced the names
    has_marker: bool = False  # the line has a byline word, whether or not names follow it


_NO_NAMES = LineNames((), "", False)


def line_names(line: str, marked_line: bool = False) -> LineNames:
    """The writers a byline line names, and nothing else on it.

    `marked_line`: the line is a writer's by its place or its rule (a name under a lone "By",
    a site's "Reporter: Jane Doe"), read as if "By" stood before it, after its label if any.

    >>> line_names("By Sarah E. Needleman Nov. 19, 2019 8:03 am ET").text
    'Sarah E. Needleman'
    >>> line_names("Tom Krisher, AP Auto Writer").text
    'Tom Krisher'
    """
    text = _prepared(line)
    if marked_line:
        # A site's writer line may open with its own label: "Reporter: Jane Doe".
        label = _LABEL.match(text)
        # A name in a script without capitals is told by no capital: only a line stated to
        # name the writer (the page's author metadata) is read for one.
        text = _STATED_BY.sub("", text[label.end() :] if label else text, count=1)
        found = _span_names(text, after_marker=True, stated=True)
        marked = True
    else:
        marker = _marker_names(text)
        marked = marker is not None
        # A line whose byline word names no one ("By Staff Writer") names no one.
        found = marker if marker is not None else _plain_names(text)
    names = _deduplicated(found)
    return LineNames(
        tuple(" ".join(n.words) for n in names), _join(names), marked and bool(names), marked
    )


def has_byline_word(line: str) -> bool:
    """A quick screen before `marked_names`: whether the line holds a byline word at all."""
    return bool(_BY_ANYWHERE.search(line) or _MARKER.search(line))


_LEADING_BY = re.compile(r"\s*by\s", re.IGNORECASE)


def opens_with_writer(line: str) -> bool:
    """Whether a byline word opens the line and names a writer ("By Jane Doe • Photos by John
    Roe", "Text: Jane Doe, Photos: John Roe"): the story's byline, whatever it credits after.
    A writer's name here is a first and a last one, capitalised: "By boat, rescuers ..." and
    "By Monday, ..." open a caption's sentence."""
    opening = _MARKER.match(line.lstrip()) or _LEADING_BY.match(line)
    if opening is None:
        return False
    names = marked_names(line)
    return bool(names) and len(names[0].split()) >= 2 and names[0][:1].isupper()


def marked_names(line: str) -> tuple[str, ...]:
    """The writers a byline word introduces on the line ("Written by Jane Doe"), or none: what
    `line_names` finds on a marked line, without reading an unmarked one for names."""
    found = _marker_names(_prepared(line))
    return tuple(" ".join(name.words) for name in _deduplicated(found or []))


def _deduplicated(names: Sequence[_Name]) -> list[_Name]:
    seen: set[str] = set()
    result: list[_Name] = []
    for name in names:
        key = " ".join(name.words).casefold()
        if key in seen:
            continue
        seen.add(key)
        result.append(name if result else _Name(name.words, ""))
    return result


# ---------------------------------------------------------------- the story's byline

@dataclass(frozen=True)
class StoryByline:
    """The story's byline: its writers' names, and the date its dateline gives."""

    names: str | None
    published: str | None
    marked: bool = False  # the names followed a byline word ("By", "Posted by", "Von")


def _header(labelled: Sequence[tuple[Block, Decision]]) -> tuple[list[Block], int | None]:
    """The BYLINE blocks above the story's first body line, and where the story's header is
    anchored: its headline, else its first body line.

    The first body line under the headline, where there is one: a story's lead or an update
    may stand above the headline and its byline.
    """
    headline = next((b.index for b, d in labelled if d.label is Label.HEADLINE), None)
    body = [b.index for b, d in labelled if d.label is Label.BODY]
    under = [i for i in body if headline is not None and i > headline]
    first_body = under[0] if under else next(iter(body), None)
    blocks = [
        block
        for block, decision in labelled
        if decision.label is Label.BYLINE and (first_body is None or block.index < first_body)
    ]
    anchor = headline if headline is not None else first_body
    return blocks, anchor


def _dated(line: str) -> bool:
    """Whether a line states a date or a time, in whatever form."""
    line = as_spelled(line)
    return bool(_CLOCK.search(line)) or any(form.search(line) for form in _DATE_FORMS)


def _run_around(index: int, bylines: set[int]) -> range:
    """The run of consecutive BYLINE blocks that holds block `index`: one byline, written over
    several lines ("By" / "Jane Doe" / "Jane Doe" / "Nov. 19, 2019")."""
    first = last = index
    while first - 1 in bylines:
        first -= 1
    while last + 1 in bylines:
        last += 1
    return range(first, last + 1)


def _distance(block: Block, anchor: int | None) -> tuple[int, int]:
    if anchor is None:
        return (block.index, 0)
    gap = block.index - anchor
    return (abs(gap), 0 if gap > 0 else 1)  # of two as near, the one below the headline


def story_byline(
    labelled: Sequence[tuple[Block, Decision]],
    language: str | None = None,
    writer_rules: frozenset[str] = frozenset(),
    place_rules: frozenset[str] = frozenset(),
) -> StoryByline:
    """The names and date of the story's byline, from the BYLINE blocks of its header.

    `writer_rules`: the rules whose lines are the writers' names by their place (a name under a
    lone "By", on an author's card: the rules tagged writer-line), read as if "By" led them.
    `place_rules`: the rules whose lines name a place and no writer (a wire story's dateline,
    "LONDON, Nov 19 (Reuters)", tagged place-line): read for their date only."""
    blocks, anchor = _header(labelled)
    if not blocks:
        return StoryByline(None, None)
    rules = {block.index: decision.rule for block, decision in labelled}
    read = {
        block.index: _NO_NAMES
        if rules.get(block.index) in place_rules
        else line_names(block.text, marked_line=rules.get(block.index) in writer_rules)
        for block in blocks
    }
    marked = [b for b in blocks if read[b.index].marked]
    plain = [b for b in blocks if read[b.index].names and not read[b.index].marked]
    chosen: list[Block] = []
    if marked:
        nearest = min(marked, key=lambda b: _distance(b, anchor))
        run = _run_around(nearest.index, {b.index for b in blocks})
        chosen = [b for b in marked if b.index in run]
    elif plain and not any(line.has_marker for line in read.values()):
        # Lines that merely look like names, where no line says "By ...": the nearest. (Where
        # one says "By" but its names cannot be read, the others are no better a guess.)
        # A line of names alone before the names left over on a dateline ("... / News").
        chosen = [min(plain, key=lambda b: (_dated(b.text), _distance(b, anchor)))]
    names: list[str] = []
    parts: list[str] = []
    seen: set[str] = set()
    for block in chosen:
        line = read[block.index]
        new = [name for name in line.names if name.casefold() not in seen]
        if not new:
            continue
        seen.update(name.casefold() for name in line.names)
        names.extend(new)
        parts.append(line.text if len(new) == len(line.names) else ", ".join(new))
    # The date: from the chosen lines first, then from the header's other byline lines, the
    # nearest first; a first publication before an update.
    focus = chosen[0].index if chosen else anchor
    ordered = sorted(blocks, key=lambda b: _distance(b, focus))
    # Read as spelled (`as_spelled`): "décembre" written with a combining accent is a month.
    found = [date for block in ordered for date in dates(as_spelled(block.text), language)]
    first = next((d for d in found if not d.updated), None) or next(iter(found), None)
    return StoryByline(
        ", ".join(parts) if parts else None, first.iso if first else None, bool(marked)
    )


def leads_on(line: str) -> bool:
    """Whether a line ends where a byline goes on to the next line: on a comma, a word joining
    names or a byline word ("By Jane Doe," then "John Smith"; "By", then the name)."""
    stripped = line.rstrip()
    if stripped.endswith(","):
        return True
    words = stripped.split()
    return bool(words) and (_joiner(words[-1]) or words[-1].casefold().rstrip(":") in _BY_WORDS)


def person_like(name: str) -> bool:
    """Whether a name found on a line of its own reads as a person's (two to five words, no
    word of an organisation, a role or a section: "Jane Doe", not "OPINION" or "World News")."""
    return _person_like(name.split(), line_upper=name.isupper())
