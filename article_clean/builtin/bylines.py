"""Bylines and datelines (BYL0xx): who wrote the story and when, kept apart from the body."""

from __future__ import annotations

from ..features import NEWS_AGENCIES
from ..model import Label
from ..rules import PatternRule, RuleSet
from . import tags as tag

_NAME = r"\p{Lu}[\p{L}.'’-]*"
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"januari|februari|maart|maret|mei|augustus|agustus|desember|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    r"listopada|grudnia|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k|"
    r"يناير|فبراير|مارس|[أا]بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر"
)
_CLOCK = (
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[ap]\b)?(?:\s*[A-Z]{2,4}T?)?"
    r"|\d{1,2}\s*[時时시]\s*\d{1,2}\s*[分분])"  # "18時45分", "18시 45분"
)
_DATE = (
    rf"(?:(?:[\w-]++,?\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}}|'\d\d)"
    rf"|\d{{1,2}}(?:\.|\s+de)?\s+(?:{_MONTHS})\.?(?:\s+de)?,?\s+\d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}"
    rf"|\d{{4}}年\s*\d{{1,2}}月\s*\d{{1,2}}日|\d{{4}}년\s*\d{{1,2}}월\s*\d{{1,2}}일)"
)
MONTHS = _MONTHS  # month names, for rules that tell a dated line from a title

# The words before a byline's names: "By", "Posted by", "Text by", "Por", "Von", "Author:".
_BY = (
    r"(?i:(?:(?:written|words|reporting|story|posted|text|article|analysis|submitted|"
    r"post written|publicado|escrito)\s+)?by|por|par|von|di|door|av|oleh|автор|текст|"
    r"(?:author|autor|auteur|texto|text)(?=\s*:))"
)

BY_NAME = (
    rf"^(?:[+•·*]\s*)?{_BY}(?:\s*:\s*|\s+)"
    rf"{_NAME}(?:[\s,]+(?:and\s+|&\s+|y\s+|et\s+|und\s+|e\s+)?{_NAME}){{0,7}}"
    r"(?:[\s,|•·–—-]+.{0,100}(?:(?<![.!?])|(?<=[ap]\.m\.)))?$"
    # A user's name, as blogs show it: "By admin - 2018-09-16", "by jdadmin".
    rf"|^{_BY}(?:\s*:\s*|\s+)\p{{Ll}}[\w.-]{{2,30}}(?:\s*(?:[|•·–—-]|\son\s)\s*(?=.*\d).{{0,60}})?$"
)

# "By", the writer's names, then the agency after a separator or in parentheses ("By Jane Doe |
# AP", "By Jane Doe (Reuters)", "Von Max Muster / dpa"): read as a name and an agency, it is a
# photo's credit too, and the credit rules leave it to BYL001.
_AGENCY = rf"[\p{{L}}\d][\p{{L}}\d.&'’-]*(?:\s+(?:(?:of|the|and|&)\s+)?{_NAME}){{0,4}}"
BY_WRITER_AND_AGENCY = (
    rf"^(?:By|Von|Par|Por|Door|Di)\s+{_NAME}(?:\s+(?:(?:and|&|und|et|y|e)\s+)?{_NAME}){{0,5}}"
    rf"(?:\s*[|/,–—-]\s*{_AGENCY}|\s*\(\s*{_AGENCY}\s*\)|\s+{_AGENCY})$"
)

LONE_BY = (
    r"^(?:By|Por|Par|Von|Di|Door|Автор)\s*:?$"
    r"|^(?i:author|autor|auteur|written by|posted by|text|texto|текст|автор)\s*:$"
)

# A prompt to follow or write to an account ("Follow @abc") names no writer.
_NOT_A_WRITER = r"(?!(?i:follow|tweet|message|contact|write)\b)"
HANDLE = (
    rf"^{_NOT_A_WRITER}(?:By\s+)?{_NAME}(?:\s{_NAME}){{0,3}}\s+@\w{{2,}}\b.{{0,40}}$"
    # A role and a handle under the writer's name: "News reporter @TomGillespie1".
    rf"|^{_NOT_A_WRITER}\p{{Lu}}\p{{Ll}}+(?:\s\p{{Ll}}+){{0,2}}\s+@\w{{2,}}$"
)

# Among a dateline's parts: "Watch This || By: Grace Randolph || October 30, 2012",
# "Date: November 5, 2012 | Category: Tips | Author: Mary Boone".
BY_AMONG_PARTS = (
    rf"^(?=.{{0,200}}$)(?:[^|•·]{{1,60}}(?:\|\|?|•|·)\s*){{1,3}}{_BY}(?:\s*:\s*|\s+)"
    rf"{_NAME}(?:\s{_NAME}){{0,4}}\s*(?:(?:\|\|?|•|·).{{0,80}})?$"
)

# The writer's name and the date, set apart: "Chris Davies - Nov 19, 2019, 10:31 pm CST",
# "Orion Jones on November 8, 2012, 9:13 AM", "Luke Vandezande | Aug 09, 2:31 PM".
NAME_AND_DATE = (
    rf"^{_NAME}(?:\s\p{{Lu}}\.)?\s{_NAME}(?:\s+[-–—|•·]\s+|\s+on\s+)"
    rf"(?:{_DATE}|(?:{_MONTHS})\.?\s+\d{{1,2}}\b)(?:,?\s*(?:at\s+)?{_CLOCK})?[^\d]{{0,40}}$"
)

# A wire story's byline: "Pete Yost, Associated Press", "Meg Kinnard and Errin Haines,
# Associated Press", "Tom Krisher, AP Auto Writer".
_WRITERS = rf"{_NAME}(?:\s{_NAME}){{1,3}}"
# An agency's initials alone after a name are a photo credit's ("Michael Conroy, AP"): only with
# the writer's role after them ("AP Auto Writer") are they a byline.
_ROLE = r"\s(?:\p{Lu}\p{Ll}+\s){0,3}(?:Writer|Correspondent|Reporter|Editor)"
WIRE_BYLINE = (
    rf"^{_WRITERS}(?:(?:,\s*|\s+(?:and|&)\s+){_WRITERS})*(?:,\s*|\s+)(?:The\s)?"
    r"(?:(?:Associated Press|Reuters|Agence France-Presse|Bloomberg|USA TODAY|Xinhua|Kyodo|"
    rf"Yonhap|Canadian Press|Press Association)(?:{_ROLE})?|(?:AP|AFP|UPI|dpa|EFE|PTI|PA){_ROLE})$"
)

# A wire story's dateline on a line of its own: its place in capitals, perhaps the day, then the
# agency in parentheses ("WESTPORT, Wash. July 24, 2012 (AP)", "LONDON, Nov 19 (Reuters) -").
# Read as a name and an agency, it is a photo's credit too; the credit rules leave it here. (A
# name in title case and a date before the agency is a photo's credit: "Evan Vucci, Jan. 20,
# 2021 (AP)".)
_WIRE_AGENCY = rf"(?:{NEWS_AGENCIES}|UPI|PTI|IANS|Kyodo|Yonhap|AAP|Bloomberg)"
_PLACE_IN_CAPITALS = r"\p{Lu}[\p{Lu}'’.-]++(?:[ /]\p{Lu}[\p{Lu}'’.-]++){0,3}"
_REGION = r",\s*+\p{Lu}[\p{L}.]++(?:\s\p{Lu}[\p{L}.]++)?"
_DAY = (
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?"
)
WIRE_DATELINE = (
    rf"^(?=.{{0,100}}$){_PLACE_IN_CAPITALS}(?:{_REGION})?(?:,?\s+(?:{_DAY}))?"
    rf"\s*\(\s*{_WIRE_AGENCY}\s*\)\s*[-–—:]?$"
)

DATELINE = (
    # After a place or a desk and a "|": "New Delhi, News Nation Bureau | Updated : ...".
    rf"^(?:[^|]{{1,60}}\|\s*)?"
    rf"(?:(?:Last |First )?(?:Updated|Published|Posted|Modified|Created|Publicado|Publié|"
    rf"Mis à jour|Veröffentlicht|Aktualisiert|Pubblicato|Aggiornato|Ultimo aggiornamento|"
    rf"Atualizado|Gepubliceerd|Bijgewerkt|Aangepast|Opublikowano|Zaktualizowano|Aktualizacja|"
    rf"Yay[ıi]nlanma|G[üu]ncelleme|G[üu]ncellendi|Publicerad|Uppdaterad|Publisert|"
    rf"Oppdatert|Опубликовано|Обновлено|"
    # Words of other uses too ("Stand der Dinge", "Giriş ücreti"): with their colon only.
    rf"Stand(?=\s*:)|Giri[şs](?=\s*:))(?!\w)"
    rf"(?: on| at| am| le| em| el| op| om)?\s*:?\s*).{{0,60}}(?:{_DATE}|{_CLOCK}|\d+ \w+ ago)"
    rf".{{0,40}}$"
)

# What every line DATE_ONLY matches holds somewhere, found at a tenth of its cost: a date has a
# year of four digits (after a month's name, or in a numeric or CJK date), a year as '13, digits
# split by '-', '/', '.' (a numeric date) or ':', '.', 'h' (the clock after a month's day, in a
# date without its year), or a number of minutes, hours, days, weeks or months ago.
DATE_SCREEN = r"\d{4}|'\d\d|\d[-/.:h]\d|\d\s+(?:min|hour|day|week|month|hr)"

DATE_ONLY = (
    rf"^(?:[\w.-]++,?\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_DATE})"
    rf"(?:\s*(?:at|às|à|a las|alle|um|в|,|-|–|—|\||•|·|/)?\s*{_CLOCK})?"
    rf"(?:\s*(?:\||•|·|-|–|—|,|/)\s*.{{0,40}})?$"
    rf"|^{_CLOCK}\s*(?:,|\||•|·)?\s*{_DATE}$"
    r"|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|mins?|hrs?)\s+ago$"
    rf"|^(?:\w++,?\s+)?(?:{_DATE})(?:\s*(?:at|,|-|–|—|\||•|·)?\s*{_CLOCK})?"
    rf"\s+(?:(?:written|posted)\s+)?by\s+\p{{Lu}}.{{0,60}}$"
    # A time before the date, or a date without its year, then the writer:
    # "5:45 AM PST 11/19/2019 by Patrick Shanley", "Aug 09 1:44p by Andy Hutchins".
    rf"|^{_CLOCK}\s*,?\s*{_DATE},?\s+by\s+\p{{Lu}}.{{0,60}}$"
    rf"|^(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_CLOCK}\s+by\s+\p{{Lu}}.{{0,60}}$"
    rf"|^(?:{_DATE})\s*[-–—|•·/]\s*(?=.{{0,150}}$).*(?:by|por|par|von|di|door|автор)\b.*(?<![.!?])$"
    # A date and the writer's name, nothing else: "November 20, 2019 Emiliano Bellini".
    rf"|^(?:{_DATE})\s+{_NAME}(?:\s{_NAME}){{1,2}}$"
)

BYLINE_RULES = RuleSet(
    "bylines",
    [
        PatternRule(
            "BYL001",
            Label.BYLINE,
            BY_NAME,
            linear=True,
            max_chars=200,
            description="a byline: 'By NAME', 'Posted by NAME', 'Autor: NAME' with up to eight names "
            "and an affiliation",
            examples=(
                "By Ana Swanson",
                "By JERUSALEM POST STAFF",
                "Von Moritz Bachmann publiziert am 25. September 2018",
                "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
                "Posted by Vortex",
                "Text by Flora Yin-Wong",
                "Post written by Milo Fenwick.",
                "By: Anna Berg (Diary) | May 6th, 2013 at 09:00 AM |",
                "+ Posted by Tom Weller // Executive Producer, River Run",
                "By admin - 2018-09-16",
                "By Reuters",
                "By Jane Doe | AP",
                "Von Max Muster / dpa",
                "By Maria Lopez|Posted Tuesday, May 7, 2013, at 2:50 PM ET",
                "Текст: Венера Ерофеева·24 сентября 2018",
            ),
            counter_examples=(
                "By Tuesday, the two sides had agreed to meet again in Washington.",
                "Written by Aaron Sorkin and directed by David Fincher, the film opened on "
                "Friday.",
            ),
        ),
        PatternRule(
            "BYL002",
            Label.BYLINE,
            LONE_BY,
            linear=True,
            max_chars=20,
            description="a lone 'By' or 'Author:' whose name follows on the next line",
            tags=(tag.LONE_BY,),
            examples=(
                "By",
                "Author:",
            ),
            counter_examples=(
                "By Tuesday, the two sides had agreed to meet again in Washington.",
            ),
        ),
        PatternRule(
            "BYL006",
            Label.BYLINE,
            BY_AMONG_PARTS,
            linear=True,
            max_chars=200,
            requires=("|", "•", "·"),
            description="a byline among a dateline's parts ('Date: ... | Author: Mary Boone')",
            examples=(
                "Watch This || By: Anna Berg || May 6, 2013 07:00 PM EDT",
                "Date:May 6, 2013 | Category:Tips & Advice | Author:Jane Doe",
            ),
            counter_examples=(
                "Garden Hour Live – May 6, 2013 Hour 1",
            ),
        ),
        PatternRule(
            "BYL007",
            Label.BYLINE,
            NAME_AND_DATE,
            linear=True,
            max_chars=120,
            requires=("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            description="the writer's name and the date ('Chris Davies - Nov 19, 2019')",
            examples=(
                "Chris Davies - Nov 19, 2019, 10:31 pm CST",
                "Tom Weller on May 8, 2013, 9:13 AM",
            ),
            counter_examples=(
                "Share prices fell 3% in early trading in New York.",
                "<b>The tagged photos were taken in 2012.</b>",
                "The photo was taken in 1962 by a neighbour, who kept it for decades.",
            ),
        ),
        PatternRule(
            "BYL008",
            Label.BYLINE,
            WIRE_BYLINE,
            linear=True,
            max_chars=150,
            # Every branch names an agency or a writer's role: most lines skip the search.
            requires=(
                "associated press", "reuters", "agence france-presse", "bloomberg", "usa today",
                "xinhua", "kyodo", "yonhap", "canadian press", "press association", "writer",
                "correspondent", "reporter", "editor",
            ),
            description="a wire story's byline ('Pete Yost, Associated Press')",
            examples=(
                "Pete Yost, Associated Press",
                "Meg Kinnard and Errin Haines, Associated Press",
                "Robert Burns, AP National Security Writer",
            ),
            counter_examples=(
                "Tim Cook, Apple's chief executive, said the company would keep investing in the "
                "US.",
            ),
        ),
        PatternRule(
            "BYL009",
            Label.BYLINE,
            WIRE_DATELINE,
            linear=True,
            max_chars=100,
            requires=(")",),
            description="a wire story's dateline on a line of its own ('LONDON, Nov 19 (Reuters)')",
            tags=(tag.PLACE_LINE,),
            examples=(
                "WESTPORT, Wash. July 24, 2012 (AP)",
                "LONDON, Nov 19 (Reuters) -",
                "WASHINGTON (AP) —",
                "BERLIN (dpa)",
                "PARIS, 3 mars (AFP)",
            ),
            counter_examples=(
                "Barack Obama (AP)",
                "Evan Vucci, Jan. 20, 2021 (AP)",
                "Protesters march in Cairo on Friday (Reuters)",
                "WASHINGTON (AP) — The Senate passed the bill on Tuesday.",
            ),
        ),
        PatternRule(
            "BYL005",
            Label.BYLINE,
            HANDLE,
            linear=True,
            max_chars=120,
            requires=("@",),  # both branches hold the handle's @
            description="an author's name with a social handle ('Jane Doe @janedoe / 2 days')",
            tags=(tag.DATELINE,),
            examples=(
                "Catherine Shu @catherineshu / 2 days",
                "News reporter @TomGillespie1",
            ),
            counter_examples=(
                "Anna Berg, on May 7th, 2013 // Twitter: @annaberg",
                "Follow @abc",
            ),
        ),
        PatternRule(
            "BYL003",
            Label.BYLINE,
            DATELINE,
            linear=True,
            flags="IGNORECASE",
            max_chars=200,
            requires=("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            description="a dateline: 'Updated 1:39 am EST, Wednesday, November 20, 2019'",
            tags=(tag.DATELINE,),
            examples=(
                "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
                "Updated 1:39 am EST, Wednesday, November 20, 2019",
                "Posted on Maret 30, 2015 by Admin",
                "Stand: 24.07.2012 14:35 Uhr",
                "Gepubliceerd op 24 juli 2012 om 14:35",
                "Opublikowano: 24 lipca 2012, 14:35",
                "Giriş: 24.07.2012 14:35 | Güncelleme: 24.07.2012 16:10",
            ),
            counter_examples=(
                "Share prices fell 3% in early trading in New York.",
                "<b>The tagged photos were taken in 2012.</b>",
                "The photo was taken in 1962 by a neighbour, who kept it for decades.",
                # Words of other uses too, without their colon: "Stand der Dinge", "Giriş ücreti".
                "Standard Chartered shares rose 4.25% by noon.",
                "Stand der Ermittlungen am 24.07.2012: offen.",
                "Giriş ücreti 12.50 lira oldu.",
            ),
        ),
        PatternRule(
            "BYL004",
            Label.BYLINE,
            DATE_ONLY,
            linear=True,
            flags="IGNORECASE",
            max_chars=200,
            requires=("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            screen=DATE_SCREEN,
            description="a date or time on a line of its own",
            tags=(tag.DATELINE,),
            examples=(
                "November 20, 2019 Emiliano Bellini",
                "November 19, 2019 at 6:34 am",
                "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
                "5:45 AM PST 11/19/2019 by Patrick Shanley",
                "May 6th '13 by Jane Doe @ 11:18am Comment Tweet",
                "05.06.13 Written by Maria Lopez",
                "example.co.uk, Thursday 9 May 2013 18.57 EDT",
                "Tuesday, 07.05.2013 / 4:54 PM / News",
                "1:54 pm May 9, 2013, by Sean O'Neill",
                "segunda-feira, 22 de janeiro de 2018 às 0:13",
                "2024年3月12日 18時45分",
                "12 مارس 2024",
                "October 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin",
                "24 Temmuz 2012",
            ),
            counter_examples=(
                "Share prices fell 3% in early trading in New York.",
                "<b>The tagged photos were taken in 2012.</b>",
                "The photo was taken in 1962 by a neighbour, who kept it for decades.",
            ),
        ),
    ],
    description="Bylines and datelines.",
    origin="built-in",
)
