"""The tags built-in rules know each other by: a rule carries a tag, another reads the decisions
of whatever enabled rule carries it (`Document.rules_tagged`) and says it `needs` it.

A plugin's rule may carry one of these tags to be read the same way (a site's own "Related"
heading whose links NOI101 then takes).
"""

from __future__ import annotations

LONE_BY = "lone-by"  # "By" alone on its line: the writer's name is on the next one
DATELINE = "dateline"  # a date line above the story, with or without a name
RELATED_HEADING = "related-heading"  # heads a box of links to other stories
TAGS_HEADING = "tags-heading"  # "Tags:", "Filed under": the story's tags follow or end it
COMMENTS_HEADING = "comments-heading"  # opens the comment thread or its reply form
COMMENT_RECORD = "comment-record"  # a commenter's name line ("riverbankreader says:")
CREDIT_LABEL = "credit-label"  # a photo credit's label alone ("Фото:"): the credit follows
PICTURE_CONTROL = "picture-control"  # a gallery's or a picture's control ("Image 2 of 5")
UNCREDITED_CAPTION = "uncredited-caption"  # a caption that names no credit of its own
STORY_BOUND = "story-bound"  # decides what lies outside the story (layout)
POSITIONAL_CAPTION = "positional-caption"  # a caption known by its place next to a credit
PHOTO_CREDIT = "photo-credit"  # its line may be a photo credit and nothing else
CREDIT_BY_PLACE = "credit-by-place"  # a credit known by its place: a credit whatever its words
AGENCY_CREDIT = "agency-credit"  # ends in an agency's name: a title, when long and with no '/'
WRITER_LINE = "writer-line"  # the writer's names alone, known by their place (under a lone "By")
PLACE_LINE = "place-line"  # a dateline whose capitalised words are a place, not a writer
# Carried by no rule: the engine gives it to every enabled rule whose match opens the trailer
# from there on (scope "rest", label trailer), a plugin's too: the lines such a rule sweeps in
# under a commenter's line are that comment's text.
OPENS_TRAILER = "opens-trailer"
