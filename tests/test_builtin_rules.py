"""Each built-in marker rule on lines taken from real pages, and on story lines it must leave alone."""

from __future__ import annotations

import pytest

from article_clean import Cleaner, PatternRule, Stage


def first_marker(text: str) -> str | None:
    """The id of the marker that decides `text`, as the engine would (first in order)."""
    for rule_set in Cleaner().rule_sets:
        if rule_set.stage is not Stage.MARKERS:
            continue
        for item in rule_set.rules:
            if isinstance(item, PatternRule) and item.search(text) is not None:
                return item.id
    return None


@pytest.mark.parametrize(
    "text, rule_id",
    [
        ("ADVERTISING", "AD001"),
        ("Advertisement", "AD001"),
        ("- Advertisement -", "AD001"),
        ("Anzeige", "AD001"),
        ("Publicité", "AD001"),
        ("Publicidad", "AD001"),
        ("Pubblicità", "AD001"),
        ("Publicidade", "AD001"),
        ("Advertentie", "AD001"),
        ("Реклама", "AD001"),
        ("Story continues below advertisement", "AD002"),
        ("Continue reading the main story", "AD002"),
        ("Article continues below", "AD002"),
        ("SKIP ADVERTISEMENT", "AD002"),
        ("Artikel wird nach der Anzeige fortgesetzt", "AD002"),
        ("La suite après cette publicité", "AD002"),
        ("Continúa después de la publicidad", "AD002"),
        ("Продолжение после рекламы", "AD002"),
        ("Sponsored", "AD003"),
        ("Contenu sponsorisé", "AD003"),
        ("Gesponsert", "AD003"),
        ("Leave a Reply", "TRL001"),
        ("34 responses to “Anthony Lynn: “We needed to win this game””", "TRL001"),
        ("[ 167 comments ]", "TRL001"),
        ("Lascia un commento", "TRL001"),
        ("Your email address will not be published. Required fields are marked *", "TRL002"),
        (
            "By participating in online discussions you acknowledge that you have agreed to the "
            "Star-Advertiser's TERMS OF SERVICE.",
            "TRL003",
        ),
        ("About the Author", "TRL004"),
        ("Über Moritz Bachmann", "TRL004"),
        ("© 2019 Hearst Communications, Inc.", "TRL005"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "TRL005"),
        ("Distributed by Tribune Content Agency, LLC.", "TRL006"),
        ("This story was originally published November 18, 2019 3:44 PM.", "TRL006"),
        ("thelastchargersfan says:", "TRL008"),
        ("Meg James is a corporate media reporter for the Los Angeles Times.", "TRL009"),
        ("Tags: China, fentanyl", "TRL007"),
        ("Filed under: Khawarij |", "TRL007"),
        (
            "Sen. John Kennedy (R-LA) holds up a bag of fentanyl in Washington, D.C. "
            "(Kent Nishimura/Getty Images/TNS)",
            "CAP001",
        ),
        ("President Trump speaks in the Rose Garden. (AP Photo/Evan Vucci)", "CAP001"),
        ("A fan cheers in the stands (Photo by Jane Doe)", "CAP001"),
        ("Protesters march in Hong Kong on Monday. REUTERS/Tyrone Siu", "CAP002"),
        ("Photo: Damian Dovarganes, AP", "CAP003"),
        ("Credit...Doug Mills/The New York Times", "CAP003"),
        ("Image Credit: WeWork", "CAP003"),
        ("The new keyboard | Photo: Apple", "CAP004"),
        (
            "Rep. Ilhan Omar speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP",
            "CAP005",
        ),
        ("Above: A WeWork coworking space in San Francisco.", "CAP006"),
        (
            "Karma Automotive unveil the Vision SC2 in Los Angeles Tuesday, Nov. 19, 2019. less",
            "CAP007",
        ),
        ("16-inch MacBook Pro's new scissor switch keyboard via iFixit", "CAP009"),
        ("Getty Images", "CAP010"),
        ("By Ana Swanson", "BYL001"),
        ("By JERUSALEM POST STAFF", "BYL001"),
        ("Von Moritz Bachmann publiziert am 25. September 2018", "BYL001"),
        ("By", "BYL002"),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", "BYL003"),
        ("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", "BYL003"),
        ("November 19, 2019 at 6:34 am", "BYL004"),
        ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "BYL004"),
        ("Catherine Shu @catherineshu / 2 days", "BYL005"),
        ("Share this:", "NOI001"),
        ("Facebook Twitter Google+ Whatsapp", "NOI001"),
        ("Click to share on Twitter (Opens in new window)", "NOI002"),
        ("Follow The New York Times Opinion section on Facebook, Twitter and Instagram.", "NOI002"),
        ("Sign up for our daily newsletter", "NOI003"),
        ("Subscribe", "NOI003"),
        ("Related: China and US start working group", "NOI004"),
        ("[Read more: The fentanyl crisis]", "NOI004"),
        ("*", "NOI005"),
        ("Image 1 of 23", "NOI006"),
        ("Back to Gallery", "NOI006"),
        ("Skip to main content", "NOI007"),
        ("Related Stories", "NOI008"),
        ("More from Sportsnet", "NOI008"),
        ("Most Popular", "NOI008"),
        ("Leia também", "NOI008"),
        ("Most read in world news", "NOI008"),
        ("Our Latest Stories", "NOI008"),
        ("Keep an eye on your inbox for the latest sports news.", "NOI009"),
        ("Please check the opt-in box to acknowledge that you would like to subscribe.", "NOI009"),
        ("No spam, we promise. You can unsubscribe at any time.", "NOI009"),
        ("NFL Scores | Expert Picks | Odds", "NOI010"),
        ("An artist's concept of Blue Origin's Blue Moon lander.", "CAP013"),
        ("This illustration shows a concept moon lander by Tyvak Nano-Satellite Systems, Inc.", "CAP013"),
        ("Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.", "TRL010"),
        ("Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com.", "TRL010"),
        ("Get Motor Cycle Monthly delivered through your letterbox every month.", "NOI003"),
        ("China furious at Macron for Hong Kong protest jibe [INSIGHT]", "NOI004"),
        ("Also on rt.com Journalists & politicians from Morales’ party threatened", "NOI004"),
        ("'DANCING WITH THE STARS': LAUREN ALAINA IS CHANNELING HER BREAKUP ENERGY", "NOI011"),
        ("As you comment, please be respectful of other commenters and other viewpoints.", "TRL003"),
        ("Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog.", "TRL009"),
        ("Rep. Ilhan Omar speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP file", "CAP005"),
        ("Image caption Taylor Swift's seventh album, Lover, is the only one she owns", "CAP006"),
        ("New Horizons took this image of the icy moon Europa rising above Jupiter's clouds", "CAP013"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "BYL004"),
        ("October 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin", "BYL004"),
        ("Louise Matsakis is a Staff Writer at WIRED covering Amazon and security.", "TRL009"),
        ("Jeff Foust (jeff@example.com) is the editor and publisher of The Space Review.", "TRL009"),
        ("A couple in Mongolia who died are suspected to have eaten a MarmotCredit: The Siberian Times", "CAP011"),
        ("Indiana teachers hold a rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019.", "CAP014"),
        ("A stock image of a woman holding a joint.", "CAP013"),
        ("This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.", "TRL005"),
        ("Associated Press writers Alan Fram and Zeke Miller contributed to this report.", "TRL006"),
        ("(Reporting by Greg Roumeliotis; editing by Martin Howell.)", "TRL006"),
        ("Sometimes we include links to online retail stores; we may receive a small commission.", "NOI012"),
        ("Need more space? Subscribe to our sister title All About Space Magazine!", "NOI003"),
        ("This illustration of SpaceX's concept for a lunar lander shows how it could work.", "CAP013"),
        ("This satellite image from NASA’s worldview satellite shows fires near Delhi.", "CAP013"),
        ("Video: In this talk presented at the 2016 TEDMED conference, Jennifer Pluznick, an associate professor of physiology at Johns Hopkins, explains how smell receptors in the kidney and the gut help the body.", "CAP006"),
        ("Column: A vulture firm’s bid for Gannett shows there’s still value in newspapers", "NOI004"),
        ("📱 Torn between the latest phones? Never fear—check out our iPhone buying guide", "NOI013"),
        ("Pembuat Film Fitna | Berita Islami, on Desember 30, 2015 at 4:36 am said:", "TRL008"),
        ("If you enjoyed this article, we have a proposition for you: Join NRPLUS.", "NOI003"),
        ("Write to Al Root at allen.root@example.com", "TRL010"),
        ("SEE MORE: Hong Kong protests: 800 students under siege in university", "NOI004"),
        ("Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]", "NOI004"),
        ("Like this story? Share it with a friend!", "NOI002"),
        ("An error has occurred, please try again later.", "NOI007"),
        ("Apple logo, Apple TV, App Store and iPhone are registered trademarks of Apple Inc.", "TRL011"),
        ("Quotes delayed at least 15 minutes. Market Data provided by Interactive Data.", "TRL011"),
        ("Consult your physician and follow all safety instructions before beginning any exercise.", "TRL011"),
        ("We want to hear your suggestions and comments. Email the Truth-O-Meter with feedback.", "TRL011"),
        (
            "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário "
            "não serão aprovados pelo moderador.",
            "TRL003",
        ),
    ],
)
def test_marker_fires_on_real_junk(text: str, rule_id: str) -> None:
    assert first_marker(text) == rule_id


@pytest.mark.parametrize(
    "text",
    [
        "Chinese and American officials held the first meeting of a working group that aims to curb "
        "the flow of illegal drugs like fentanyl to the U.S. and the chemicals used to make them.",
        "“We reached common understanding,” China’s Minister of Public Security Wang Xiaohong said.",
        "The advertising industry has changed more in five years than in the fifty before.",
        "Sponsored by the city, the festival drew thousands of visitors on Saturday.",
        "By Tuesday, the two sides had agreed to meet again in Washington.",
        "By participating in the program, farmers receive a subsidy for each acre.",
        "Vietnam is one of the region’s most vocal critics of China’s territorial claims.",
        "Comments from the minister angered the opposition, which called for an inquiry.",
        "Related companies reported losses in the third quarter, according to Reuters.",
        "The show opens to the public on Friday. Here are some of the highlights:",
        "NISSAN SENTRA",
        "Share prices fell 3% in early trading in New York.",
        "He said he would sign up for the course next year.",
        "Photographs taken by the rover show a dry riverbed.",
        "The study was published in Nature on Monday.",
        "Subscribers will get the new features first, the company said.",
        "The photo was taken in 1962 by a neighbour, who kept it for decades.",
        "The newsletter, which has 40,000 readers, was sold to a rival publisher last year for $2 million.",
        "He said the map showed three routes, none of them safe, and that the army had closed two.",
        "Email from the minister, seen by Reuters, shows the plan was approved in May.",
        "NASA",
        "McDonald joined the band in 1975 and initially remained in the lineup until 1982.",
        "If you liked the first season, the second will not disappoint, critics say.",
        "Also, the council said it would review the decision in the spring.",
        "Results of the vote are expected on Friday, the election commission said.",
        "The image shows nothing of the kind, the ministry said in a statement on Friday.",
        "The vote is set for Tuesday, and the results will be announced within a week of it.",
        "She said the company may receive a government grant to expand the plant next year.",
        "Tim Cook, Apple's chief executive, said the company would keep investing in the US.",
        "北京市政府周一宣布了新的交通计划，市民反应不一。该计划将于明年开始实施。",
    ],
)
def test_marker_leaves_story_lines_alone(text: str) -> None:
    assert first_marker(text) is None
