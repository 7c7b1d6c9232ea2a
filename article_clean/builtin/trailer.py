"""What comes after the story (TRL0xx): reply forms, comment policies, related links, footers.

Rules that open a trailer region (a "Leave a Reply" heading, an author box) have rest scope:
the block and everything after it is trailer. Headings of related links are not among them: they
sit inside stories as often as after them, so they are noise markers, and the story's end (a
layout decision) makes the ones after it trailer. Lines that are trailer wherever they sit
(a copyright line, "Distributed by Tribune Content Agency") have block scope.
"""

from __future__ import annotations

import functools

import regex

from ..blocks import as_spelled
from ..model import Label
from ..rules import PatternRule, RuleSet, Scope
from . import tags as tag
from .captions import PHOTO_COPYRIGHT

_END = r"[\s:.!…»\-–—|\])}]*$"

REPLY_FORM = (
    r"^[\s\[({]*(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|"
    r"write a comment|join the (?:conversation|discussion|debate)|comments?(?: \(\d+\))?|"
    r"(?:\d+ (?:\w+ )?|(?:one|no) )(?:comments?|responses?|replies|thoughts?)(?: (?:to|on) .{1,200})?|"
    r"\d+ (?:commentaires?|kommentare?|comentarios?|commenti|comentários?|reacties|reactie|"
    r"réponses?|antworten|respuestas?|risposte|respostas?|комментари\w{0,3})|"
    # "{ 13 comments… read them below or add one }", "8 comments so far. Add yours."
    r"\d+ (?:comments?|responses?)(?:…|\.\.\.| so far\.) .{1,60}|"
    r"(?:reader|public) (?:comments|discussion)(?: \(\d+\))?|"
    r"(?:top|most) (?:rated|recent|popular|liked) comments|"
    r"(?:view|show|load|read|see|hide) (?:all )?\d* ?comments?|"
    r"comments are closed|loading comments|comments powered by disqus|discussion|conversation|"
    r"reader comments|what do you think|have your say|responses|reply|cancel reply|"
    r"répondre|antworten|rispondi|responder|responda|beantwoorden|reageer|ответить|"
    r"(?:trackbacks?|pingbacks?)(?:/(?:trackbacks?|pingbacks?))?(?: \(\d+\))?|"
    r"deja un comentario|dejar un comentario|comentarios|laisser un commentaire|commentaires|"
    r"réagir|kommentare|kommentar schreiben|commenti|lascia un commento|comentários|"
    # (not "Leserbriefe", "Comentar", "Commenta" alone: a story's subheading or a label)
    r"leserkommentare|kommentar abgeben|diskutieren sie mit|commentaires des lecteurs|"
    r"comentarios de los lectores|commenti dei lettori|(?:voir|lire) les commentaires|"
    r"ver (?:los )?comentarios|(?:leggi|vedi) i commenti|"
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
    r"(?:notify|email) me (?:of|when) (?:follow[- ]?up comments|new (?:posts|comments))|"
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
    # Not where the sentence goes on in lower case, as a story's does ("... all rights reserved
    # under the contract"); a notice's owner ("by ...") or a footer's next link may follow.
    r"|(?:all rights reserved|todos os direitos reservados|todos los derechos reservados|"
    r"tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati|все права защищены|"
    r"riproduzione riservata|alle rechten voorbehouden|wszelkie prawa zastrzeżone|"
    r"tüm haklar[ıi] sakl[ıi]d[ıi]r)"
    r"(?!\s++(?!by\b)(?-i:\p{Ll}))"
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

# A commenter's verb, in the languages of the other patterns ("jdoe says:", "Jan schreef:").
# French "dit" only as French sets it, a space before the colon ("Marie dit :"): the Dutch
# "dit" is "this" ("Zo werkt dit:").
_COMMENT_VERBS = (
    "says", "said", "wrote", "writes", "replied", "comments", "écrit", "sagt", "schrieb",
    "schreibt", "meint", "dice", "dijo", "escribió", "escribe", "detto", "scritto", "scrive",
    "disse", "diz", "escreveu", "zegt", "schreef", "schrijft", "пишет", "написал", "написала",
)  # fmt: skip
COMMENT_AUTHOR = (
    r"^\S.{0,40}\s(?:a |ha )?(?:" + "|".join(_COMMENT_VERBS) + r")\s*(?::|,|\.\.\.|…)$"
    r"|^\S.{0,40}\s(?:a )?dit\s+:$"
    r"|^(?=.{0,150}\b(?:on|at)\b).{0,120}\d[^:]{0,30} (?:said|says|wrote)\s*:$"
)


@functools.cache
def _thread_furniture() -> regex.Pattern[str]:
    parts = (REPLY_FORM, REPLY_FORM_TEXT, COMMENT_POLICY)
    return regex.compile("|".join(f"(?:{part})" for part in parts), regex.IGNORECASE)


def ends_a_comment(text: str) -> bool:
    """Whether a line below a comment is the thread's furniture (a reply form or link, its
    small print, a comment policy) rather than the comment's own text. Read as written and as
    spelled (`AS_SPELLED`), as the rules read it."""
    furniture = _thread_furniture()
    return any(furniture.search(reading) for reading in (text, as_spelled(text)))


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
    r"^(?:have|got) a (?:news )?tip\b|"
    r"^(?:contact|email|follow) (?:the )?(?:writer|author|reporter)\b|"
    r"^(?:send|email) (?:us )?(?:your )?(?:news )?tips? to\b"
    # A writer's note gives an address in the same sentence, where a story's sentence goes on
    # ("residents may be contacted by phone, officials said"); it follows "follow" to the
    # sentence's end with no comma ("Follow us on Twitter, the airline told travellers").
    # (An address's dots do not end the sentence.)
    r"|\b(?:can|may) be (?:reached|contacted|emailed) (?:at|by|on)\b(?:[^.!?]|[.!?](?=\w)){0,80}?"
    r"(?:\S@\S|(?<!\S)@\w|\+\d|\d{3}[\s.)-]*\d{3}|https?://|www\.|"
    r"\b(?:twitter|facebook|instagram|linkedin)\b|\bon x\b)"
    r"|(?:^|[.!?]\s)\W{0,3}follow (?:him|her|them|us|me) (?:on|at) "
    r"(?:twitter|facebook|instagram|linkedin|x)\b(?:[^.!?,]|[.!?](?=\w)){0,60}(?:[.!?](?!\w)|$)"
)

DISCLAIMER = (
    r"\b(?:are|is an?|are the) (?:registered )?trademarks? (?:of|owned by)\b|"
    r"\btrademarks? (?:are|is) the property of\b|^\W?quotes (?:are )?delayed\b|"
    r"\bmarket data (?:is )?provided by\b|^consult your (?:physician|doctor)\b.{0,200}\bbefore\b|"
    r"^\W?results (?:may )?vary\b|^disclaimer\s*:|^(?:legal|important) (?:notice|information)\s*:|"
    r"^we want to hear (?:your|from you)\b.{0,120}\b(?:email|feedback|comments?|suggestions?)"
)

TAGS = (
    # Not a sentence that opens with such a word ("Keywords: trust, work and growth. The mayor
    # opened his speech so."): a tags line lists words, it runs into no second sentence (a
    # full stop after a word in lower case, then a capital and two words in lower case; not
    # "Tags: U.S. Politics, China").
    r"^(?!(?-i:.*?\p{Ll}[.!?]\s++\p{Lu}\p{Ll}*+\s++\p{Ll}++\s++\p{Ll}))(?:tags?|tagged(?: with| as)?|topics?|filed under|categories|category|posted in|keywords|related topics|"
    r"more about|temas|etiquetas|schlagwörter|schlagworte|stichworte|themen|mots-clés|"
    r"mots clés|palabras clave|argomenti|parole chiave|palavras-chave|trefwoorden|tag|теги|"
    r"темы|タグ)\s*:"
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
            examples=(
                "Leave a Reply",
                "34 responses to “Anthony Lynn: “We needed to win this game””",
                "[ 167 comments ]",
                "{ 13 comments… read them below or add one }",
                "8 comments so far. Add yours.",
                "One Comment",
                "Reader Comments (1)",
                "Lascia un commento",
                "Leave a Reply Cancel reply",
                "Lascia un commento Annulla risposta",
                "Добавить отзыв",
                "8 appreciated comments on “New work: a logo for a bank”",
                "TrackBack",
                "Trackbacks/Pingbacks",
            ),
            counter_examples=(
                "Comments from the minister angered the opposition, which called for an inquiry.",
            ),
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
            examples=(
                "Devi essere connesso per inviare un commento.",
                "Your email address will not be published. Required fields are marked *",
                "Notify me of followup comments by email.",  # a plugin's spelling, no hyphen
                "Notify me of follow up comments by email.",
            ),
            counter_examples=(
                "“We reached common understanding,” China’s Minister of Public Security Wang "
                "Xiaohong said.",
                "The show opens to the public on Friday. Here are some of the highlights:",
                "The study was published in Nature on Monday.",
            ),
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
                "respectful",
                "civil",
            ),
            description="a comment policy ('By participating in online discussions ...')",
            examples=(
                "By participating in online discussions you acknowledge that you have agreed to "
                "the Star-Advertiser's TERMS OF SERVICE.",
                "As you comment, please be respectful of other commenters and other viewpoints.",
                "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao "
                "usuário não serão aprovados pelo moderador.",
                "Please be respectful.",
                "Please keep it civil.",
            ),
            counter_examples=(
                "Comments from the minister angered the opposition, which called for an inquiry.",
                "Posted by the council on its website, the plan drew hundreds of comments.",
            ),
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
            examples=(
                "You may also like...",
                "YOU MAY LIKE",
                "Você pode gostar...",
                "Recommended for you",
                "Top stories",
                "Editors' Picks",
                "Самые популярные диеты",
                "Вам также может быть интересно",
                "Most Popular",
            ),
            counter_examples=(
                "You may also like the sequel, which opens in March, the director said.",
            ),
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
            examples=(
                "About the Author",
                "Über Moritz Bachmann",
            ),
            counter_examples=(
                "One more thought",
            ),
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
                "no part",
                "direitos",
                "derechos",
                "droits",
                "rechte",
                "diritti",
                "права",
                "riservata",
                "voorbehouden",
                "zastrzeżone",
                "hakl",
            ),
            description="a copyright line ('©2024 ...', 'All rights reserved')",
            examples=(
                "© 2019 Hearst Communications, Inc.",
                "Copyright 2024 The Associated Press. All rights reserved.",
                "This document is subject to copyright. Apart from any fair dealing, no part may "
                "be reproduced.",
                "© Sputnik 2019",
                "© 2013 Example Media Inc.. All Rights Reserved.",
                "No part of this may be reproduced without permission.",
                "Springfield Gazette Media Group – All Rights Reserved – Privacy Policy",
                "All rights reserved by Springfield Gazette Inc.",
                "© RIPRODUZIONE RISERVATA",
                "Riproduzione riservata",
                "Alle rechten voorbehouden",
                "Wszelkie prawa zastrzeżone",
                "TÜM HAKLARI SAKLIDIR",
                "© dpa-infocom, dpa:241118-99-123456/3",
            ),
            counter_examples=(
                "The study was published in Nature on Monday.",
                "The company said all rights reserved under the contract would be enforced.",
            ),
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
            examples=(
                "Distributed by Tribune Content Agency, LLC.",
                "This story was originally published November 18, 2019 3:44 PM.",
                "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
                "(Reporting by Greg Roumeliotis; editing by Martin Howell.)",
            ),
            counter_examples=(
                "Sponsored by the city, the festival drew thousands of visitors on Saturday.",
                "Previous articles in this newspaper reported the fire.",
                "The study was published in Nature on Monday.",
            ),
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
            examples=(
                "Tags: China, fentanyl",
                "Filed under: Khawarij |",
                "Tagged with: bridges, council, river",
                "Schlagworte: Radweg, Stadtrat",
            ),
            counter_examples=(
                "The show opens to the public on Friday. Here are some of the highlights:",
                "Filed in: Superior Court of Los Angeles County, the suit names three officers.",
                "Sales rose 5% last year, the company said. (Source: company filings)",
            ),
        ),
        PatternRule(
            "TRL008",
            Label.TRAILER,
            COMMENT_AUTHOR,
            linear=True,
            max_chars=160,
            requires=(*_COMMENT_VERBS, "dit"),
            description="a comment's author line ('jdoe says:')",
            tags=(tag.COMMENT_RECORD,),
            examples=(
                "riverbankreader says:",
                "mAriE said...",
                "Open Window said,",
                "Pembuat Film Fitna | Berita Islami, on Desember 30, 2015 at 4:36 am said:",
            ),
            counter_examples=(
                "Zo werkt dit:",  # Dutch "this", not the French "dit"
                "“We reached common understanding,” China’s Minister of Public Security Wang "
                "Xiaohong said.",
                "Comments from the minister angered the opposition, which called for an inquiry.",
                "He said he would sign up for the course next year.",
            ),
        ),
        PatternRule(
            "TRL009",
            Label.TRAILER,
            AUTHOR_BIO,
            linear=True,
            scope=Scope.REST,
            requires=_TRADE_WORDS,
            description="an author bio ('Jane Doe is a reporter for ...')",
            examples=(
                "Meg James is a corporate media reporter for the Los Angeles Times.",
                "Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog.",
                "Louise Matsakis is a Staff Writer at WIRED covering Amazon and security.",
                "Jeff Foust (jeff@example.com) is the editor and publisher of The Space Review.",
            ),
            counter_examples=(
                "Vietnam is one of the region’s most vocal critics of China’s territorial claims.",
                "This post was the most read of the year, the editors said.",
                "The trackback feature let bloggers know who had linked to their posts.",
            ),
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
            examples=(
                "Mike Wall's book about the search for alien life, \"Out There\", is out now. "
                "Follow him on Twitter @michaeldwall.",
                "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.",
                "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com.",
                "Write to Al Root at allen.root@example.com",
                "Jane Doe can be reached on X at @janedoe.",
            ),
            counter_examples=(
                "“We reached common understanding,” China’s Minister of Public Security Wang "
                "Xiaohong said.",
                "She said she would send the letter to a friend in Madrid.",
                "Email from the minister, seen by Reuters, shows the plan was approved in May.",
                "Residents may be contacted by phone in the coming days, officials said. The "
                "survey runs until March.",
                "Follow us on Twitter, the airline told stranded travellers on Sunday night.",
                "Most rural households can be reached by 2026 under the plan, the minister said.",
            ),
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
            examples=(
                "Apple logo, Apple TV, App Store and iPhone are registered trademarks of Apple "
                "Inc.",
                "Quotes delayed at least 15 minutes. Market Data provided by Interactive Data.",
                "Consult your physician and follow all safety instructions before beginning any "
                "exercise.",
                "We want to hear your suggestions and comments. Email the Truth-O-Meter with "
                "feedback.",
            ),
            counter_examples=(
                "Results of the vote are expected on Friday, the election commission said.",
                "The vote is set for Tuesday, and the results will be announced within a week of "
                "it.",
            ),
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
            examples=(
                "« Our week on the coast [Photos & Video] from the road",
                "← A week with the new tablet",
                "PREVIOUS POST",
                "Newer Posts",
            ),
            counter_examples=(
                "He said he would sign up for the course next year.",
                "« Il faut partir maintenant »",
                "« Il faut partir », dit-il, « et vite ».",
            ),
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
            examples=(
                "This entry was posted on Monday, May 6th, 2013 at 9:15 am and is filed under "
                "Gardening. You can follow any responses to this entry through the RSS 2.0 feed.",
                "This entry was posted in Gardening. Bookmark the permalink.",
            ),
            counter_examples=(
                "This post was the most read of the year, the editors said.",
                "This post was written by a resident of the east bank.",
            ),
        ),
    ],
    description="Reply forms, comment policies, related links and footers after the story.",
    origin="built-in",
)
