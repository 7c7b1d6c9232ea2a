"""The story's byline as names only, and the date on its dateline."""

from __future__ import annotations

import pytest

from article_clean import Label, clean
from article_clean.byline import dates, line_names, marked_names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # English, with the date, the time, the role, the agency or the section on the line
        ("By Sarah E. Needleman Nov. 19, 2019 8:03 am ET", "Sarah E. Needleman"),
        # A name that is a weekday of another language, with no date after it
        ("By Tomasz Piątek, Warsaw", "Tomasz Piątek"),
        ("By Ahmet Cuma, Istanbul", "Ahmet Cuma"),
        ("Von Anna Stand, 24.07.2012", "Anna Stand"),
        ("Tom Krisher, AP Auto Writer", "Tom Krisher"),
        ("By Jamelle Bouie", "Jamelle Bouie"),
        ("By Meg JamesStaff Writer", "Meg James"),
        ("By Michael HiltzikBusiness Columnist", "Michael Hiltzik"),
        ("Bruce Y. Lee Senior Contributor", "Bruce Y. Lee"),
        # A role whose first words are capitalised, its last not.
        ("By Jane Doe Guest columnist", "Jane Doe"),
        ("By Jane Doe Senior Contributing editor for the Gazette", "Jane Doe"),
        ("By Jane Doe Guest at the hotel", "Jane Doe Guest"),  # no role: nothing to take
        # A surname that is a role's word stays; so does a second writer.
        ("By Betty White staff writer", "Betty White"),
        ("By Mary Head senior reporter", "Mary Head"),
        ("By Jane Doe, Ann Poe reporters", "Jane Doe, Ann Poe"),
        ("By Bill Hoppe | Special to the Pioneer Press", "Bill Hoppe"),
        ("By Eric Song, IGN Staff", "Eric Song"),
        ("By Jill Disis, CNN Business", "Jill Disis"),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza"),
        ("Written by Rachael Link, MS, RD on November 14, 2019", "Rachael Link"),
        ("By Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ("Tanza Loudenback, Business Insider", "Tanza Loudenback"),
        ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", "Umair Irfan"),
        ("By Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z Space", "Tim Childers"),
        ("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware", "Jason Cipriani"),
        ("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", "Michael David Smith"),
        ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "Joe Rossignol"),
        ("October 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin", "jdadmin"),
        ("November 20, 2019 Emiliano Bellini", "Emiliano Bellini"),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "Chris Davies"),
        ("Reuters November 18, 2019 11:03 PM", "Reuters"),
        ("The Associated Press", "The Associated Press"),
        ("Updated on: November 19, 2019 / 10:07 AM / CBS News", "CBS News"),
        ("Tom Fenwick HTN Sport", "Tom Fenwick"),
        ("By JANE DOE Associated Press", "JANE DOE"),  # a name in capitals, then its agency
        ("By JOHN Q. PUBLIC Reuters", "JOHN Q. PUBLIC"),
        ("By JANE DOE and JOHN ROE Associated Press", "JANE DOE and JOHN ROE"),
        ("By JOHN PAUL McDONALD", "JOHN PAUL McDONALD"),  # no agency: every word is a name's
        ("By JUAN CARLOS de la CRUZ Reuters", "JUAN CARLOS de la CRUZ"),
        ("By JOHN SMITH Jr", "JOHN SMITH Jr"),
        ("By AJ de Souza", "AJ de Souza"),  # initials in capitals, a name in mixed case
        ("By TJ McCarthy Smith", "TJ McCarthy Smith"),
        # several writers, joined as the line joins them
        ("By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
         "Matthew Digby, Minh Do"),
        ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", "LISA MASCARO, MARY CLARE "
         "JALONICK and ERIC TUCKER"),
        ("Meg Kinnard and Errin Haines, Associated Press", "Meg Kinnard and Errin Haines"),
        ("By RUSSELL GOLDMAN (@GoldmanRussell) and DAN HARRIS (@danbharris)",
         "RUSSELL GOLDMAN and DAN HARRIS"),
        ("By Ana de la Cruz and Barry van Wyk", "Ana de la Cruz and Barry van Wyk"),
        # e-mail addresses, handles, telephone numbers
        ("By Megan Rowe meganr@spokesman.com(509) 459-5382", "Megan Rowe"),
        ("Catherine Shu @catherineshu / 2 days", "Catherine Shu"),
        ("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST", "Chris Pokorny"),
        ("Jane Doe | Staff Writer | jane.doe@example.com | @janedoe", "Jane Doe"),
        ("Marcus De GuzmanView More Articles", "Marcus De Guzman"),
        ("By Jason PaurEmail Author", "Jason Paur"),
        # other languages
        ("Von Moritz Bachmann publiziert am 25. September 2018", "Moritz Bachmann"),
        ("Von Anna Müller und Peter Schmidt, dpa", "Anna Müller und Peter Schmidt"),
        ("Par Jean Dupont et Marie Martin, AFP", "Jean Dupont et Marie Martin"),
        ("Par Jean Dupont Publié le 20/11/2019 à 08h30", "Jean Dupont"),
        ("Por María García | Madrid | 19 de noviembre de 2019", "María García"),
        ("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad",
         "Clarissa Borba"),
        ("di Marco Rossi, 20 novembre 2019", "Marco Rossi"),
        ("Door Jan de Vries · 20 november 2019", "Jan de Vries"),
        ("Av Anna Andersson, TT", "Anna Andersson"),
        ("Autor: Jan Kowalski, 20 listopada 2019", "Jan Kowalski"),
        ("Текст: Венера Ерофеева·24 сентября 2018", "Венера Ерофеева"),
        ("Oleh: Budi Santoso - Rabu, 20 November 2019", "Budi Santoso"),
        ("2019年11月20日 10:30 記者：山田太郎", "山田太郎"),
        # names that look like other things
        ("By April Glaser", "April Glaser"),
        ("By Richard Read", "Richard Read"),
        ("By Ursula von der Leyen", "Ursula von der Leyen"),
        ("By Martin Luther King Jr.", "Martin Luther King Jr."),
        ("By Jane Doe. Photos by John Smith", "Jane Doe"),
        ("Por Plácido Domingo", "Plácido Domingo"),
        ("By Sun Yang, Sunday, November 17, 2019", "Sun Yang"),
        # Another language's "by" after the date, as "by" may stand anywhere
        ("Publié le 28/08/2024 à 07h15 par Yann Le Gall et Morgane Cadiou",
         "Yann Le Gall et Morgane Cadiou"),
        ("Publicado el 30/01/2024 por Carlos Ramírez", "Carlos Ramírez"),
        ("Veröffentlicht am 03.06.2024 von Anna Schuster", "Anna Schuster"),
    ],
)
def test_a_byline_line_gives_its_writers_names_alone(line: str, names: str) -> None:
    assert line_names(line).text == names


@pytest.mark.parametrize(
    "line",
    [
        "Updated 1:39 am EST, Wednesday, November 20, 2019",
        "Nov 18, 2019 at 9:24 pm ET • 2 min read",
        "Wednesday 20 November 2019 11:42, UK",
        "Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST",
        "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
        "Last Updated : Nov 20, 2019 01:41 PM IST | Source: Moneycontrol.com",
        "Published 22 hours ago",
        "Opinion Columnist",
        "By Staff Writer",
        "Previous Post",
        "Follow @NBCNewsUS",
        "Photo by John Smith",
        "Opinions expressed by Forbes Contributors are their own.",
        "By",
        "November 20, 2019 - 11:28 AMT",
        "Science & Environment",
        "New SSL Vulnerability",
        "Rising Makers: Nora Quillby",
        "CHAMPIONING CREATIVITY ACROSS THE ART AND DESIGN WORLD",
        # Datelines of other languages: the hour's word, a weekday, "updated".
        "24.07.2012 – 14:35 Uhr",
        "Aangepast 24 juli 2012 14:35",
        "Wtorek, 24 lipca 2012",
        "Salı, 24 Temmuz 2012",
        "Fredag 24 juli 2012",
        "24.07.2012, 14.35 óra",
        "24/07/2012 14:35 horas",
        "24.07.2012 14:35 saat",
        "Stand: 24.07.2012 14:35 Uhr",
        # a label and what follows it, on a line no rule calls a writer's (a second reader's)
        "Source: Reuters",
        "Series: Rising Makers",
        "Location: New York",
        "Watch: Biden Speaks in Ohio",
        "Analysis: Why Markets Fell",
    ],
)
def test_a_dateline_or_a_role_alone_names_no_one(line: str) -> None:
    assert line_names(line).names == ()


@pytest.mark.parametrize(
    ("line", "language", "found"),
    [
        ("Nov. 19, 2019 8:03 am ET", None, ["2019-11-19"]),
        ("Wednesday, November 20, 2019", None, ["2019-11-20"]),
        ("November 18th, 2019 at 11:08 a.m.", None, ["2019-11-18"]),
        ("Nov 20 20194:29 AM EST", None, ["2019-11-20"]),
        ("18 NOV 2019", None, ["2019-11-18"]),
        ("Von X publiziert am 25. September 2018", "de", ["2018-09-25"]),
        ("19 de noviembre de 2019", "es", ["2019-11-19"]),
        ("Publié le 20 novembre 2019 à 08h30", "fr", ["2019-11-20"]),
        ("24 сентября 2018", "ru", ["2018-09-24"]),
        ("Posted on Maret 30, 2015 by Admin", "id", ["2015-03-30"]),
        ("2019-11-18T20:51:19Z", None, ["2019-11-18"]),
        ("2019年11月20日", "ja", ["2019-11-20"]),
        ("May 6th '13 by Jane Doe", None, ["2013-05-06"]),
        # numbers alone: read where only one reading is possible, or the language settles it
        ("11/19/2019 by Lars Brandle", "en", ["2019-11-19"]),
        ("13.11.2019, 23:06", "de", ["2019-11-13"]),
        ("21/06/2014 Tony Carter", "en", ["2014-06-21"]),
        ("05/10/2018 - Publicado por: Clarissa Borba", "pt", ["2018-10-05"]),
        ("05/10/2018 by Jane Doe", "en", []),
        ("05/10/2018 by Jane Doe", None, []),
        # no year, no date
        ("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", None, []),
        ("2 days ago", None, []),
        ("February 30, 2019", None, []),
    ],
)
def test_dates_on_a_dateline(line: str, language: str | None, found: list[str]) -> None:
    assert [date.iso for date in dates(line, language)] == found


def test_an_update_is_told_from_the_first_publication() -> None:
    line = "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019 at 10:16 pm"
    assert [(d.iso, d.updated) for d in dates(line)] == [
        ("2019-11-19", False),
        ("2019-11-20", True),
    ]
    line = "Updated Nov. 21, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET"
    assert [(d.iso, d.updated) for d in dates(line)] == [
        ("2019-11-21", True),
        ("2019-11-19", False),
    ]


_STORY = [
    "The city council voted on Tuesday night to rebuild the old bridge over the river, which "
    "has been closed to traffic since the spring floods damaged its supports last year.",
    "Engineers told the council that the work would take about eighteen months and that the "
    "bridge would reopen to cars and buses before the end of the following summer.",
    "Residents who crowded into the meeting said the closure had doubled their commutes and "
    "cut the number of customers at the shops on both banks of the river.",
]


def test_the_byline_field_holds_the_names_and_the_segments_keep_every_line() -> None:
    lines = [
        "Council votes to rebuild the river bridge",
        "By Jane Doe | Staff Writer",
        "Published Nov. 19, 2019 8:03 am ET | Updated Nov. 20, 2019",
        *_STORY,
    ]
    article = clean("\n\n".join(lines), kind="text")
    assert article.byline == "Jane Doe"
    assert article.published == "2019-11-19"
    bylines = [s.text.strip() for s in article.segments if s.label is Label.BYLINE]
    assert bylines == [lines[1], lines[2]]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe | AP", "Jane Doe"),
        ("By Jane Doe (Reuters)", "Jane Doe"),
        ("By Jane Doe - Reuters", "Jane Doe"),
        ("By Jane Doe / AFP", "Jane Doe"),
        ("By Jane Doe and John Roe | The Associated Press", "Jane Doe and John Roe"),
        ("Von Max Muster / dpa", "Max Muster"),
        ("Por Juan Pérez, EFE", "Juan Pérez"),
        # the writer first, the photographer after: the writer's line (a new user's finding)
        ("By Ana Lima • Photos by Ben Cole", "Ana Lima"),
        ("Story by Ana Lima • Photos by Ben Cole", "Ana Lima"),
        ("Text: Ana Lima, Photos: Ben Cole", "Ana Lima"),
        ("By Ana Lima | Photos: Ben Cole/Reuters", "Ana Lima"),
        ("By Ana Lima. Photo: Ben Cole/AP", "Ana Lima"),
        ("Story by Ana Lima, photos by Ben Cole/Getty Images", "Ana Lima"),
    ],
)
def test_a_wire_byline_is_a_byline_not_a_photo_credit(line: str, names: str) -> None:
    # A name and an agency is how a photo's credit reads too ("Jane Doe / AFP"); under "By"
    # it is the writer's.
    article = clean("\n\n".join(["Council votes to rebuild the river bridge", line, *_STORY]))
    assert article.byline == names
    assert article.captions == ()
    assert [s.rule for s in article.segments if s.text.strip() == line] == ["BYL001"]


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("WESTPORT, Wash. July 24, 2012 (AP)", "2012-07-24"),
        ("LONDON, Nov 19 (Reuters) -", None),
        ("BERLIN (dpa)", None),
    ],
)
@pytest.mark.parametrize("byline", [None, "By Jane Doe"])
def test_a_wire_dateline_alone_is_the_storys_date_and_place_not_a_credit_or_a_writer(
    dateline: str, published: str | None, byline: str | None
) -> None:
    # "(Reuters)" at a line's end reads as a photo's credit, and a place in capitals as a name;
    # taken for a credit, the dateline made the headline above it that photo's caption.
    headline = "Council Votes To Rebuild The River Bridge"
    lines = [headline, *([byline] if byline else []), dateline, *_STORY]
    article = clean("\n\n".join(lines), kind="text")
    assert article.headline == headline
    assert article.captions == ()
    assert article.byline == (byline[3:] if byline else None)
    assert article.published == published
    assert [s.rule for s in article.segments if s.text.strip() == dateline] == ["BYL009"]


@pytest.mark.parametrize("under", ["Key Points", "Chuck Schumer"])
def test_a_line_under_a_wire_dateline_is_not_its_writer(under: str) -> None:
    # A short line of capitalised words under a byline is its writer's name; under a wire
    # dateline, which names a place, it is the story's (a subheading, a name it goes on with).
    lines = ["Council Votes To Rebuild The River Bridge", "WASHINGTON (AP) —", under, *_STORY]
    article = clean("\n\n".join(lines), kind="text")
    assert article.byline is None
    assert [s.rule for s in article.segments if s.text.strip() == under] != ["BYL101"]


def test_a_name_and_an_agency_without_by_is_still_a_credit() -> None:
    article = clean("\n\n".join(["Council votes to rebuild the river bridge", *_STORY[:2],
                                   "Jane Doe / AFP", _STORY[2]]))
    assert article.byline is None
    credit = [s for s in article.segments if s.text.strip() == "Jane Doe / AFP"]
    assert [(s.label, s.rule) for s in credit] == [(Label.CAPTION, "CAP005")]


def test_a_role_on_the_line_below_the_byline_is_not_a_name() -> None:
    lines = ["Council votes to rebuild the river bridge", "By Jane Doe", "Opinion Columnist"]
    article = clean("\n\n".join([*lines, *_STORY]), kind="text")
    assert article.byline == "Jane Doe"


def test_the_comments_datelines_below_the_story_are_not_its_byline() -> None:
    lines = [
        "Council votes to rebuild the river bridge",
        "Nov. 19, 2019",
        *_STORY,
        "2 Comments",
        "Posted by River Fan on November 20, 2019 at 9:12 am",
        "Finally! I have been waiting for this for a year and a half.",
        "Posted by Old Commuter on November 20, 2019 at 10:40 am",
        "About time, but eighteen months is a long time to wait for a bridge.",
    ]
    article = clean("\n\n".join(lines), kind="text")
    assert article.byline is None
    assert article.published == "2019-11-19"


def test_of_two_bylines_above_the_story_the_one_by_the_headline() -> None:
    lines = [
        "Most read",
        "By Any Means Necessary",
        "Council votes to rebuild the river bridge",
        "by Jane Doe",
        *_STORY,
    ]
    article = clean("\n\n".join(lines), kind="text")
    assert article.byline == "Jane Doe"


def test_a_text_without_a_dateline_has_no_date() -> None:
    article = clean("\n\n".join(["Council votes to rebuild the river bridge", *_STORY]))
    assert article.byline is None
    assert article.published is None


def test_an_authors_card_above_the_story_names_its_writer() -> None:
    lines = [
        "Council votes to rebuild the river bridge",
        "Share",
        "Jane Doe",
        "View Profile",
        *_STORY,
    ]
    article = clean("\n\n".join(lines), kind="text")
    assert article.byline == "Jane Doe"
    assert [s.rule for s in article.segments if s.label is Label.BYLINE] == ["BYL102"]


def test_a_line_of_names_beats_a_word_left_over_on_a_dateline() -> None:
    lines = [
        "Council votes to rebuild the river bridge",
        "Tuesday, 07.05.2013 / 4:54 PM / News",
        "The Canadian Press",
        *_STORY,
    ]
    assert clean("\n\n".join(lines), kind="text").byline == "The Canadian Press"


@pytest.mark.parametrize(
    "line, names",
    [
        ("by admin", ("admin",)),
        ("Posted by admin | 3 comments", ("admin",)),
        ("by admin on July 5, 2012", ("admin",)),
        ("Written by Jane Doe", ("Jane Doe",)),
        # A word in lower case after "by" that words in lower case follow is a phrase: a link's
        # title in a sidebar, a heading ("by the numbers"), not a user name.
        ("Mediocrity by areas of improvement", ()),
        ("Pensions by the numbers", ()),
        ("Posted by kathy sierra", ()),  # not half of a name
    ],
)
def test_a_user_name_after_by_is_a_word_alone_not_the_start_of_a_phrase(
    line: str, names: tuple[str, ...]
) -> None:
    assert marked_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # "By X of ...", one word before "of", is an English phrase ("By Way of Marrowdale", a
        # title's words; "by virtue of"), not a name...
        ("Elmsworth or Bust (By Way of Marrowdale)", ()),
        ("By Way of Marrowdale", ()),
        # ... while a name of one word goes on in lower case in other ways, in any language.
        ("By John on May 2", ("John",)),
        ("By Reuters staff", ("Reuters",)),
        ("By Jane about an hour ago", ("Jane",)),
        ("Por EFE con información de Reuters", ("EFE",)),
        ("Von Redaktion mit dpa", ("Redaktion",)),
        ("By Jane Doe of the Times", ("Jane Doe",)),
        # A word cut by a dash before no capital ends the names: a telephone number follows, not
        # a surname; alone, it is no name. Before a capital, a name broken at a line's end.
        ("Lakeside Party Bus by Kingsway- 555-301-0187", ()),
        ("By Jane Doe- 555-0100", ("Jane Doe",)),
        ("By Jane Doe and Bob- 555-0100", ("Jane Doe", "Bob")),
        ("By Jane Doe e- mail", ("Jane Doe",)),
        ("By Jean- Pierre Dupont", ("Jean- Pierre Dupont",)),
    ],
)
def test_by_a_word_and_of_is_a_phrase_and_a_dash_ends_the_names(
    line: str, names: tuple[str, ...]
) -> None:
    assert marked_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Reporter: Jane Doe", "Jane Doe"),
        ("Words: Jane Doe | 12 March 2020", "Jane Doe"),
        ("Reportage : Marie Curie et Pierre Curie", "Marie Curie et Pierre Curie"),
        ("Jane Doe", "Jane Doe"),
    ],
)
def test_a_writers_line_is_read_after_its_own_label(line: str, names: str) -> None:
    assert line_names(line, marked_line=True).text == names


def test_a_site_rule_for_its_own_byline_form_fills_the_byline() -> None:
    # A site writes "Reporter: name": its rule, tagged writer-line, labels the line a byline,
    # and the field holds the name (it was None, or "Reporter" read as one).
    from article_clean import PatternRule, RuleSet

    site = RuleSet(
        "site", [PatternRule("SIT010", Label.BYLINE, r"^Reporter:\s", tags=["writer-line"])]
    )
    lines = ["Council votes to rebuild the river bridge", "Reporter: Jane Doe", *_STORY]
    article = clean("\n\n".join(lines), kind="text", rules=[site])
    assert article.byline == "Jane Doe"
    assert [(s.rule, s.text.strip()) for s in article.segments if s.label is Label.BYLINE] == [
        ("SIT010", "Reporter: Jane Doe")
    ]


def test_a_site_rule_for_its_own_dateline_gives_the_date_and_no_writer() -> None:
    # A site's dateline with an agency the built-in rule does not know: tagged place-line, its
    # place in capitals is no writer's name, and its date is the story's.
    from article_clean import PatternRule, RuleSet

    pattern = r"^MOSCOW, \d+ \w+ \d{4} \(Interfax\)$"
    lines = ["Council votes to rebuild the river bridge", "MOSCOW, 5 June 2012 (Interfax)", *_STORY]
    site = RuleSet("site", [PatternRule("SIT011", Label.BYLINE, pattern, tags=["place-line"])])
    article = clean("\n\n".join(lines), kind="text", rules=[site])
    assert article.published == "2012-06-05"
    assert article.byline is None
    assert [s.rule for s in article.segments if s.label is Label.BYLINE] == ["SIT011"]


def test_a_dateline_written_with_decomposed_letters_gives_its_date() -> None:
    """Text from macOS tools and PDFs writes "é" as "e" and a combining accent: its dateline
    was taken for a byline (its marker read composed) but its date was not read."""
    import unicodedata

    story = (
        "Le conseil municipal a voté mardi soir la fermeture du vieux pont pour des réparations "
        "qui dureront tout le printemps prochain, a déclaré le maire.\n\nLes habitants ont "
        "expliqué que la déviation ajouterait vingt minutes à leur trajet, et plusieurs ont "
        "demandé si les bus passeraient plus souvent."
    )
    text = f"Le pont fermé\n\nMis à jour le 3 décembre 2024 à 10h05\n\n{story}"
    composed, decomposed = (clean(unicodedata.normalize(form, text)) for form in ("NFC", "NFD"))
    assert composed.published == decomposed.published == "2024-12-03"
    assert [(s.label, s.rule) for s in decomposed.segments] == [
        (s.label, s.rule) for s in composed.segments
    ]


@pytest.mark.parametrize(
    "name", ["ليلى حداد", "محمد بن سلمان العلي", "דוד כהן", "राहुल शर्मा", "山田 花子"]
)
def test_a_stated_name_in_a_script_without_capitals_is_whole(name: str) -> None:
    """A name's words were taken while capitalised: in Arabic, Hebrew, Devanagari or Chinese
    the page's stated author was cut to its first word."""
    assert line_names(name, marked_line=True).names == (name,)
    assert line_names(f"بقلم {name}", marked_line=True).names == (name,)  # "by the pen of"
    story = "<p>" + "The council met on Tuesday evening and voted to close the bridge. " * 3
    page = (
        f'<html><head><meta name="author" content="{name}"><title>Bridge closes</title></head>'
        f"<body><article><h1>Bridge closes</h1>{story}</p>{story}</p></article></body></html>"
    )
    assert clean(page).byline == name


def test_words_without_capitals_name_no_one_unless_stated_to() -> None:
    """Without capitals, a name cannot be told from the words after it ("山田花子 記者",
    "reporter"; "ليلى حداد في", "in"): a line is read for one only where it is stated to name
    the writer, and "بقلم" inside a sentence is "with a pen", no byline word."""
    assert line_names("ليلى حداد").names == ()
    assert line_names("中国经济继续增长").names == ()
    assert line_names("By 山田花子 記者").names == ("山田花子",)
    assert line_names("By ليلى حداد").names == ()  # not "ليلى" alone, half the name
    assert line_names("كتب الطفل رسالته بقلم أحمر").names == ()
    story = "<p>" + "The council met on Tuesday evening and voted to close the bridge. " * 3
    sentence = "<p>وقع الرئيس الاتفاقية بقلم ذهبي أمام الصحفيين</p>"
    page = f"<html><body><article><h1>Bridge</h1>{sentence}{story}</p>{story}</p></article>"
    assert clean(page).byline is None


@pytest.mark.parametrize(
    "line, iso",
    [
        ("12 مارس 2024", "2024-03-12"),  # Arabic's month names
        ("السبت 5 أكتوبر 2024", "2024-10-05"),
        ("2024年3月12日 18時45分", "2024-03-12"),  # the clock in its own words
        ("2024년 3월 12일 18시 45분", "2024-03-12"),
    ],
)
def test_a_dateline_in_arabic_or_with_a_cjk_clock_is_read(line: str, iso: str) -> None:
    """A Japanese dateline with its clock written "18時45分" was no dateline (taken for the
    junk above the story), and an Arabic month's name was no month: `published` stayed empty."""
    assert [d.iso for d in dates(line)] == [iso]
    story = (
        "The council met on Tuesday evening and voted to close the old bridge to cars from "
        "next spring, after a long debate about the cost of repairs. " * 2
    )
    assert clean(f"Bridge to close\n\n{line}\n\n{story}\n\n{story}").published == iso
