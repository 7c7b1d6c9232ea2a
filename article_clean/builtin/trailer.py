"""What comes after the story (TRL0xx): reply forms, comment policies, related links, footers.

Rules that open a trailer region (a "Leave a Reply" heading, an author box) have rest scope:
the block and everything after it is trailer. Headings of related links are not among them: they
sit inside stories as often as after them, so they are noise markers, and the story's end (a
layout decision) makes the ones after it trailer. Lines that are trailer wherever they sit
(a copyright line, "Distributed by Tribune Content Agency") have block scope.
"""

from __future__ import annotations

from ..model import Label
from ..rules import PatternRule, RuleSet, Scope
from . import tags as tag
from .captions import PHOTO_COPYRIGHT

_END = r"[\s:.!…»\-–—|\])}]*$"

REPLY_FORM = (
    r"^[\s\[({]*(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|"
    r"write a comment|join the (?:conversation|discussion|debate)|comments?(?: \(\d+\))?|"
    r"(?:\d+ (?:\w+ )?|(?:one|no) )(?:comments?|responses?|replies|thoughts?)(?: (?:to|on) .{1,200})?|"
    # "{ 13 comments… read them below or add one }", "8 comments so far. Add yours."
    r"\d+ (?:comments?|responses?)(?:…|\.\.\.| so far\.) .{1,60}|"
    r"(?:reader|public) (?:comments|discussion)(?: \(\d+\))?|"
    r"(?:top|most) (?:rated|recent|popular|liked) comments|"
    r"(?:view|show|load|read|see|hide) (?:all )?\d* ?comments?|"
    r"comments are closed|loading comments|comments powered by disqus|discussion|conversation|"
    r"reader comments|what do you think|have your say|responses|reply|cancel reply|"
    r"(?:trackbacks?|pingbacks?)(?:/(?:trackbacks?|pingbacks?))?(?: \(\d+\))?|"
    r"deja un comentario|dejar un comentario|comentarios|laisser un commentaire|commentaires|"
    r"réagir|kommentare|kommentar schreiben|commenti|lascia un commento|comentários|"
    r"deixe (?:um|seu) comentário|deixe uma resposta|reacties|plaats een reactie|"
    r"комментарии|оставить комментарий|добавить комментарий|отзывы|(?:добавить|оставить) отзыв|"
    r"コメント|댓글)"
    # WordPress prints the reply heading and its cancel link on one line.
    r"(?: (?:cancel reply|annulla risposta|cancelar (?:respuesta|resposta)|annuler la réponse|"
    r"antworten abbrechen))?" + _END
)

REPLY_FORM_TEXT = (
    r"your email address will not be published|required fields are marked|"
    r"you must be logged in to post a comment|"
    r"devi essere (?:connesso|registrato) per (?:inviare|pubblicare) un commento|"
    r"(?:debes|tienes que) (?:estar registrado|iniciar sesión) para (?:publicar|enviar) un "
    r"comentario|vous devez (?:être connecté|vous connecter) pour (?:publier|poster) un "
    r"commentaire|sie müssen (?:angemeldet|eingeloggt) sein, um (?:einen )?kommentar|"
    r"você precisa (?:estar logado|fazer login) para (?:publicar|postar) um comentário|"
    r"(?:notify|email) me (?:of|when) (?:follow-up comments|new (?:posts|comments))|"
    r"save my name, email,? and website|this site uses akismet|"
    r"o seu endereço de e-mail não será publicado|tu dirección de correo electrónico no será "
    r"publicada|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
    r"ihre e-mail-adresse wird nicht veröffentlicht|il tuo indirizzo email non sarà pubblicato"
)

COMMENT_POLICY = (
    r"(?:by (?:participating|posting|commenting) (?:in|on|here)\b.{0,40}\b(?:discussions?|comments?|"
    r"forums?|community|conversations?|site)\b|comments? (?:must|should|are) (?:be )?"
    r"(?:civil|moderated|reviewed)|community (?:guidelines|standards|rules)|comment(?:ing)? "
    r"policy|(?:terms of (?:service|use)|guidelines)\b.{0,80}\bcomments?|"
    r"report comments? (?:that|you)|we reserve the right to (?:remove|delete|edit) comments|"
    r"coment[áa]rios?\b.{0,120}\b(?:n[ãa]o ser[ãa]o|no ser[áa]n) (?:aprovados|publicados)|"
    r"commentaires?\b.{0,120}\b(?:mod[ée]r[ée]s|ne seront pas publi[ée]s)|"
    r"kommentare?\b.{0,120}\b(?:moderiert|nicht ver[öo]ffentlicht)|"
    r"commenti\b.{0,120}\b(?:moderati|non saranno pubblicati)|"
    r"\bas you comment\b|please (?:be respectful|keep (?:it|comments|the conversation) civil))"
)

ABOUT_AUTHOR = (
    r"^(?:about the (?:author|writer|contributor)s?|about (?:us|this (?:site|blog))|"
    r"author (?:bio|profile|information)|more by (?:this|the) author|"
    r"sobre o autor|acerca del autor|à propos de l'auteur|über den autor|"
    r"sull'autore|об авторе|"
    # "About Jane Doe": a person's name, two or three capitalised words, heads an author box.
    r"(?:about|über|sobre|à propos de|acerca de|a proposito di|over)\s+"
    r"(?-i:\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+){1,2}))" + _END
)

COPYRIGHT = (
    r"^(?!" + PHOTO_COPYRIGHT.lstrip("^") + r")(?:©|\(c\)|copyright\b|ⓒ).{0,200}$"
    r"|this (?:document|article|material) is subject to copyright"
    r"|no part (?:of (?:this|it) )?may be (?:reproduced|republished) without"
    r"|for your personal,? non-?commercial use only|to order presentation-ready copies"
    r"|all rights reserved|todos os direitos reservados|todos los derechos reservados|"
    r"tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati|все права защищены"
)

SYNDICATION = (
    r"^(?:distributed by|©?\s*\d{4} .{0,60}distributed by) .{0,80}(?:agency|syndicate|service)"
    r"|^(?:this (?:story|article|report|post) (?:was|is|has been|first) (?:originally )?"
    r"(?:published|appeared|posted|republished)|originally published|"
    r"(?:a version of )?this (?:story|article) (?:first |originally )?appeared)\b"
    r"|^visit .{1,60} at www\.\S+|^\(?(?:c\)|©)?\s*\d{4},? .{0,60}(?:tribune|media|news|press)"
    r"\b.{0,40}$"
    r"|^(?:the associated press|reuters|afp) contributed to this (?:report|story)"
    r"|^.{0,200}\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\b"
    r"|^\(?reporting by .{2,200}\)?$"
    r"|^citation: .{0,300}\bretrieved .{0,80}\bfrom https?://"
    r"|^(?:this material may not be published|(?:material|content) may not be "
    r"(?:published|reproduced))"
)

# Headings of a box of other stories picked for the reader: unlike "Related" or "More videos",
# which pages also put between a story's paragraphs, these come after the story.
RECOMMENDED = (
    r"^(?:you (?:may|might|will|would) (?:also )?(?:like|love|enjoy|be interested in)|"
    r"you might also want to (?:read|see)|recommended (?:for you|stories|articles|reading)|"
    r"more from our partners|around the web|from (?:our|the) (?:partners|web)|"
    r"promoted (?:stories|content)|sponsored stories|what to read next|read this next|"
    r"top stories|more stories|(?:most|top) (?:popular|read|viewed|shared|emailed)|"
    r"editors?['’]?s?['’]? picks|"
    r"самые (?:популярные|читаемые)(?: [\w ]{1,40})?|самое (?:популярное|читаемое)|"
    r"(?:você|voce) (?:também )?pode gostar|talvez você (?:também )?goste|"
    r"(?:también )?te (?:puede|podría) (?:interesar|gustar)|"
    r"vous (?:aimerez|pourriez (?:aussi |également )?aimer)(?: aussi| également)?|"
    r"das könnte sie (?:auch )?interessieren|(?:ti )?potrebbe(?:ro)? (?:interessarti|piacerti)|"
    r"ti potrebbe(?:ro)? (?:interessare|piacere)|вам (?:также |тоже )?(?:может|могут) (?:понравиться|быть интересн\w+)|"
    r"あなたにおすすめ|おすすめ記事|猜你喜欢|你可能(?:也)?喜欢)"
    r"[\s:.!…»\-–—|]*$"
)

COMMENT_AUTHOR = (
    r"^\S.{0,40}\s(?:says|said|wrote|writes|replied|comments)\s*(?::|,|\.\.\.|…)$"
    r"|^(?=.{0,150}\b(?:on|at)\b).{0,120}\d[^:]{0,30} (?:said|says|wrote)\s*:$"
)

_TRADE_WORDS = (
    "reporter", "writer", "editor", "journalist", "correspondent", "columnist", "contributor",
    "author", "producer", "blogger", "freelancer", "critic",
)  # fmt: skip
_TRADES = "(?:" + "|".join(_TRADE_WORDS) + ")"
AUTHOR_BIO = (
    r"^(?:\p{Lu}[\w.'’-]+ ){1,3}(?:\([^()]{1,60}\) )?(?:is|was|has been) (?:a|an|the) "
    r"(?:[\w'’-]+,? ){0,5}(?i:" + _TRADES + r")\b"
    r"|^(?:[\w'’-]+ ){0,4}" + _TRADES + r" (?:\p{Lu}[\w.'’-]+ ){1,3}(?:writes|covers|reports on)\b"
    r"|^I am an? (?:[\w'’-]+,? ){0,4}(?i:" + _TRADES + r")\b"

)

CONTACT = (
    r"^(?:email|e-mail|contact|reach|write to) (?:[\w.'’-]+ ){1,3}at \S+@\S+|"
    r"^(?:have|got) a (?:news )?tip\b|\b(?:can|may) be (?:reached|contacted|emailed) (?:at|by|on)\b|"
    r"^(?:contact|email|follow) (?:the )?(?:writer|author|reporter)\b|"
    r"^(?:send|email) (?:us )?(?:your )?(?:news )?tips? to\b"
    r"|\bfollow (?:him|her|them|us|me) (?:on|at) (?:twitter|facebook|instagram|linkedin)\b"
)

DISCLAIMER = (
    r"\b(?:are|is an?|are the) (?:registered )?trademarks? (?:of|owned by)\b|"
    r"\btrademarks? (?:are|is) the property of\b|^\W?quotes (?:are )?delayed\b|"
    r"\bmarket data (?:is )?provided by\b|^consult your (?:physician|doctor)\b.{0,200}\bbefore\b|"
    r"^\W?results (?:may )?vary\b|^disclaimer\s*:|^(?:legal|important) (?:notice|information)\s*:|"
    r"^we want to hear (?:your|from you)\b.{0,120}\b(?:email|feedback|comments?|suggestions?)"
)

TAGS = (
    r"^(?:tags?|tagged(?: with| as)?|topics?|filed under|categories|category|posted in|keywords|related topics|"
    r"more about|temas|etiquetas|schlagwörter|themen|argomenti|tag|теги|темы|タグ)\s*:"
    r"(?:\s*\S.{0,300})?$"
    r"|^(?:tags|topics|filed under)$"
)

# Links to the posts before and after this one: a title led by an arrow pointing back, or by a
# "«" that opens no sentence (a French quote that opens a paragraph closes on the line, or its
# line ends in a full stop or a comma); or the link named so, alone or before the post's title.
POST_NAVIGATION = (
    r"^(?:←|<<|<\s)\s*\S.*$"
    r"|^[«‹](?!.*[»›])(?!.*[.…:;,]$)\s*\S.*$"
    r"|^(?:previous|next|older|newer) (?:posts?|entry|entries|articles?|stor(?:y|ies))"
    r"(?:\s*$|\s*[:|»›→>\-–—]|\s+(?-i:\p{Lu}))"
)

# The line a blog engine prints under a post: when and where it was filed.
FILING_FOOTER = (
    r"^this entry was (?:posted|filed|written)\b|^this post was (?:posted|filed) (?:on|in|under)\b"
    r"|\bbookmark the permalink\b"
)

TRAILER_RULES = RuleSet(
    "trailer",
    [
        PatternRule(
            "TRL001",
            Label.TRAILER,
            REPLY_FORM,
            linear=True,
            flags="IGNORECASE",
            scope=Scope.REST,
            max_chars=300,
            description="a comments heading or reply form ('Leave a Reply', '12 Comments')",
            tags=(tag.COMMENTS_HEADING,),
        ),
        PatternRule(
            "TRL002",
            Label.TRAILER,
            REPLY_FORM_TEXT,
            linear=True,
            flags="IGNORECASE",
            scope=Scope.REST,
            max_chars=500,
            requires=(
                "publi",
                "required fields",
                "logged in",
                " me ",
                "save my name",
                "akismet",
                "veröffentlicht",
                "commento",
                "comentario",
                "commentaire",
                "kommentar",
                "comentário",
            ),
            description="reply-form small print ('Your email address will not be published')",
            tags=(tag.COMMENTS_HEADING,),
        ),
        PatternRule(
            "TRL003",
            Label.TRAILER,
            COMMENT_POLICY,
            linear=True,
            flags="IGNORECASE",
            max_chars=800,
            requires=(
                "comment",
                "discussion",
                "forum",
                "community",
                "conversation",
                "guidelines",
                "terms of",
                "coment",
                "kommentar",
                "commenti",
            ),
            description="a comment policy ('By participating in online discussions ...')",
        ),
        PatternRule(
            "TRL012",
            Label.TRAILER,
            RECOMMENDED,
            linear=True,
            flags="IGNORECASE",
            scope=Scope.REST,
            max_chars=80,
            description="a heading of stories picked for the reader ('You may also like')",
            tags=(tag.RELATED_HEADING,),
        ),
        PatternRule(
            "TRL004",
            Label.TRAILER,
            ABOUT_AUTHOR,
            linear=True,
            flags="IGNORECASE",
            scope=Scope.REST,
            max_chars=120,
            description="an author box heading ('About the Author')",
        ),
        PatternRule(
            "TRL005",
            Label.TRAILER,
            COPYRIGHT,
            linear=True,
            flags="IGNORECASE",
            max_chars=600,
            requires=(
                "©",
                "(c)",
                "copyright",
                "ⓒ",
                "rights reserved",
                "personal",
                "presentation-ready",
                "direitos",
                "derechos",
                "droits",
                "rechte",
                "diritti",
                "права",
            ),
            description="a copyright line ('©2024 ...', 'All rights reserved')",
        ),
        PatternRule(
            "TRL006",
            Label.TRAILER,
            SYNDICATION,
            linear=True,
            flags="IGNORECASE",
            max_chars=600,
            requires=("distributed by", "published", "appeared", "posted", "visit", "tribune",
                      "media", "news", "press", "contributed", "reporting by", "citation",
                      "may not be"),
            description="a syndication line ('Distributed by Tribune Content Agency', "
            "'This story was originally published ...')",
        ),
        PatternRule(
            "TRL007",
            Label.TRAILER,
            TAGS,
            linear=True,
            flags="IGNORECASE",
            max_chars=600,
            requires=(":", "tags", "topics", "filed under"),
            description="a tag or category list ('Tags: ...', 'Filed under: ...')",
            tags=(tag.TAGS_HEADING,),
        ),
        PatternRule(
            "TRL008",
            Label.TRAILER,
            COMMENT_AUTHOR,
            linear=True,
            max_chars=160,
            requires=("says", "said", "wrote", "writes", "replied", "comments"),
            description="a comment's author line ('jdoe says:')",
            tags=(tag.COMMENT_RECORD,),
        ),
        PatternRule(
            "TRL009",
            Label.TRAILER,
            AUTHOR_BIO,
            linear=True,
            scope=Scope.REST,
            requires=_TRADE_WORDS,
            description="an author bio ('Jane Doe is a reporter for ...')",
        ),
        PatternRule(
            "TRL010",
            Label.TRAILER,
            CONTACT,
            linear=True,
            flags="IGNORECASE",
            max_chars=400,
            requires=(
                "tip",
                "reached",
                "contacted",
                "emailed",
                "contact",
                "email",
                "follow",
                "send",
                "write to",
                "@",
            ),
            description="how to reach the writer ('Have a tip? ... may be reached at ...')",
        ),
        PatternRule(
            "TRL011",
            Label.TRAILER,
            DISCLAIMER,
            linear=True,
            flags="IGNORECASE",
            max_chars=800,
            requires=("trademark", "quotes", "market data", "consult", "results", "disclaimer",
                      "notice", "information", "we want to hear"),
            description="a disclaimer or trademark notice ('... are registered trademarks of ...')",
        ),
        PatternRule(
            "TRL013",
            Label.TRAILER,
            POST_NAVIGATION,
            linear=True,
            max_chars=150,
            flags="IGNORECASE",
            requires=("«", "←", "‹", "<", "previous", "next", "older", "newer"),
            description="links to the previous and next posts ('« Older title', 'Next post')",
        ),
        PatternRule(
            "TRL014",
            Label.TRAILER,
            FILING_FOOTER,
            linear=True,
            flags="IGNORECASE",
            max_chars=600,
            requires=("this entry", "this post", "permalink"),
            description="a post's filing line ('This entry was posted in ... Bookmark the permalink.')",
        ),
    ],
    description="Reply forms, comment policies, related links and footers after the story.",
    origin="built-in",
)
