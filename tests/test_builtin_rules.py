"""Story lines that no built-in marker may take.

The lines each rule must take (and the near misses it must leave) are the rule's own examples,
run by `tests/test_rule_examples.py`; these are story lines that every marker must leave."""

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
        "« Il faut partir maintenant »",
        "« Il faut partir », dit-il, « et vite ».",
        "»Wir schaffen das«, sagte sie.",
        "This post was the most read of the year, the editors said.",
        "Next week the council will vote on the plan again.",
        "Previous studies had found no link between the two.",
        "Previous articles in this newspaper reported the fire.",
        "Next story time at the library is on Saturday.",
        "« Nous n'avions pas le choix, a expliqué le maire devant les élus.",
        "This post was written by a resident of the east bank.",
        "Filed in: Superior Court of Los Angeles County, the suit names three officers.",
        "The trackback feature let bloggers know who had linked to their posts.",
        "<b>The tagged photos were taken in 2012.</b>",
        "One more thought",
        "She said she would send the letter to a friend in Madrid.",
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
        "You may also like the sequel, which opens in March, the director said.",
        "Police supplied photos of the suspect to local newspapers on Friday.",
        "November 20, 2019 Was The Coldest Day Of The Year In The City, Forecasters Said.",
        "Fans who follow him on tour say the new songs work best live.",
        "Also, the council said it would review the decision in the spring.",
        "Results of the vote are expected on Friday, the election commission said.",
        "The image shows nothing of the kind, the ministry said in a statement on Friday.",
        "The vote is set for Tuesday, and the results will be announced within a week of it.",
        "She said the company may receive a government grant to expand the plant next year.",
        "Tim Cook, Apple's chief executive, said the company would keep investing in the US.",
        "北京市政府周一宣布了新的交通计划，市民反应不一。该计划将于明年开始实施。",
        # Credits' shapes that story lines and menus share (a wire byline is BYL008's).
        "View PDF/Print Mode",
        "Other News / Press Releases",
        "Image captioning is hard, researchers said.",
        "Sales rose 5% last year, the company said. (Source: company filings)",
        "(I know, radical statement, right?)",
        "(Editing by Clare Fallon)",
        "Gov. Kristi Noem (R) is defending the campaign.",
        "May 6, 2013 (AP)",
        "Courtesy of the company, every worker got a bonus of $500 last year, the union said.",
        "Photos and videos posted online showed long queues outside the stations.",
        "The image from the telescope shows a disk of dust around the star.",
        "Portugues",
        "diane",
        "Posted by the council on its website, the plan drew hundreds of comments.",
        "Written by Aaron Sorkin and directed by David Fincher, the film opened on Friday.",
        "Garden Hour Live – May 6, 2013 Hour 1",
        "Anna Berg, on May 7th, 2013 // Twitter: @annaberg",
        # An acronym that the words before it spell out is introduced, not credited.
        "The rule was written by the Environmental Protection Agency (EPA).",
        "The pictures were sent to the National Aeronautics and Space Administration (NASA)",
        "Er sprach mit der Deutschen Presse-Agentur (dpa).",
    ],
)
def test_marker_leaves_story_lines_alone(text: str) -> None:
    assert first_marker(text) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The company said all rights reserved under the contract would be enforced, according "
        "to a filing seen by reporters on Monday.",
        "Residents may be contacted by phone in the coming days, officials said, and the survey "
        "will run until March.",
        "Most rural households can be reached by 2026 under the plan, the minister said.",
    ],
)
def test_a_story_sentence_naming_a_notices_words_stays_in_the_story(sentence: str) -> None:
    """A copyright notice ends its sentence and a writer's note gives an address; a story's
    sentence goes on (a new user's finding: the paragraph went to the trailer unsaid)."""
    from article_clean import clean

    paragraph = "The council met on Tuesday to discuss the budget for the town's schools and roads."
    text = "\n\n".join(["Budget Approved", paragraph, paragraph, sentence, paragraph])
    assert sentence in clean(text, kind="text", strict=True).paragraphs
