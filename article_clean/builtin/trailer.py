"""What comes after the story (TRL0xx): reply forms, comment policies, related links, footers.

Rules that open a trailer region (a "Leave a Reply" heading, a "Related stories" heading) have
rest scope: the block and everything after it is trailer. Lines that are trailer wherever they sit
(a copyright line, "Distributed by Tribune Content Agency") have block scope.
"""

from __future__ import annotations

from ..model import Label
from ..rules import PatternRule, RuleSet, Scope

_END = r"[\s:.!…»\-–—|]*$"

REPLY_FORM = (
    r"^(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|"
    r"write a comment|join the (?:conversation|discussion|debate)|comments?(?: \(\d+\))?|"
    r"\d+ (?:comments?|responses?|replies)|(?:view|show|load|read|see|hide) (?:all )?\d* ?comments?|"
    r"comments are closed|loading comments|comments powered by disqus|discussion|conversation|"
    r"reader comments|what do you think|have your say|responses|reply|cancel reply|"
    r"deja un comentario|dejar un comentario|comentarios|laisser un commentaire|commentaires|"
    r"réagir|kommentare|kommentar schreiben|commenti|lascia un commento|comentários|"
    r"deixe (?:um|seu) comentário|deixe uma resposta|reacties|plaats een reactie|"
    r"комментарии|оставить комментарий|добавить комментарий|コメント|댓글)" + _END
)

REPLY_FORM_TEXT = (
    r"your email address will not be published|required fields are marked|"
    r"you must be logged in to post a comment|"
    r"(?:notify|email) me (?:of|when) (?:follow-up comments|new (?:posts|comments))|"
    r"save my name, email,? and website|this site uses akismet|"
    r"o seu endereço de e-mail não será publicado|tu dirección de correo electrónico no será "
    r"publicada|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
    r"ihre e-mail-adresse wird nicht veröffentlicht|il tuo indirizzo email non sarà pubblicato"
)

COMMENT_POLICY = (
    r"(?:by (?:participating|posting|commenting)|comments? (?:must|should|are) (?:be )?"
    r"(?:civil|moderated|reviewed)|community (?:guidelines|standards|rules)|comment(?:ing)? "
    r"policy|(?:terms of (?:service|use)|guidelines)\b.{0,80}\bcomments?|"
    r"report comments? (?:that|you)|we reserve the right to (?:remove|delete|edit) comments)"
)

RELATED = (
    r"^(?:related(?: (?:articles?|stories|posts|content|coverage|news|links|topics|reading|"
    r"videos?|items))?|more (?:from|on|in|about) .{1,60}|more (?:stories|news|articles|"
    r"headlines|videos|to explore|like this)|you (?:may|might) (?:also )?(?:like|enjoy|be "
    r"interested in)|recommended(?: for you| stories| articles| reading| videos)?|"
    r"read (?:next|this next)|what to read next|further reading|up next|"
    r"(?:most|top) (?:popular|read|viewed|shared|commented|emailed)(?: (?:stories|articles|"
    r"videos|now|today|this week))?|(?:trending|popular)(?: now| stories| articles| news| "
    r"today| on .{1,40})?|don'?t miss|(?:latest|top|breaking) (?:news|stories|headlines|"
    r"articles|videos)|also on .{1,40}|around the web|from (?:our|the) (?:partners|web)|"
    r"promoted stories|sponsored stories|more from our partners|"
    r"leia (?:também|mais)|veja também|mais lidas|lea también|te puede interesar|"
    r"lo más (?:leído|visto)|lire aussi|à lire aussi|les plus lus|"
    r"das könnte sie auch interessieren|mehr zum thema|meistgelesen|leggi anche|"
    r"potrebbe interessarti|i più letti|lees ook|meest gelezen|читайте также|"
    r"смотрите также|популярное|関連記事|関連ニュース|관련기사|相关新闻|相關新聞)" + _END
)

ABOUT_AUTHOR = (
    r"^(?:about the (?:author|writer|contributor)s?|about (?:us|this (?:site|blog))|"
    r"author (?:bio|profile|information)|more by (?:this|the) author|"
    r"sobre o autor|acerca del autor|à propos de l'auteur|über den autor|"
    r"sull'autore|об авторе)" + _END
)

COPYRIGHT = (
    r"^(?:©|\(c\)|copyright\b|ⓒ).{0,200}$"
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
    r"|^(?:this material may not be published|(?:material|content) may not be "
    r"(?:published|reproduced))"
)

TAGS = (
    r"^(?:tags?|topics?|filed under|categories|category|posted in|keywords|related topics|"
    r"more about|temas|etiquetas|schlagwörter|themen|argomenti|tag|теги|темы|タグ)\s*:"
    r"(?:\s*\S.{0,300})?$"
    r"|^(?:tags|topics|filed under|related topics)$"
)

TRAILER_RULES = RuleSet(
    "trailer",
    [
        PatternRule(
            "TRL001",
            Label.TRAILER,
            REPLY_FORM,
            flags="IGNORECASE",
            scope=Scope.REST,
            description="a comments heading or reply form ('Leave a Reply', '12 Comments')",
        ),
        PatternRule(
            "TRL002",
            Label.TRAILER,
            REPLY_FORM_TEXT,
            flags="IGNORECASE",
            scope=Scope.REST,
            description="reply-form small print ('Your email address will not be published')",
        ),
        PatternRule(
            "TRL003",
            Label.TRAILER,
            COMMENT_POLICY,
            flags="IGNORECASE",
            description="a comment policy ('By participating in online discussions ...')",
        ),
        PatternRule(
            "TRL004",
            Label.TRAILER,
            RELATED,
            flags="IGNORECASE",
            scope=Scope.REST,
            description="a heading of related or popular links ('Related Stories', 'More from')",
        ),
        PatternRule(
            "TRL005",
            Label.TRAILER,
            ABOUT_AUTHOR,
            flags="IGNORECASE",
            scope=Scope.REST,
            description="an author box heading ('About the Author')",
        ),
        PatternRule(
            "TRL006",
            Label.TRAILER,
            COPYRIGHT,
            flags="IGNORECASE",
            description="a copyright line ('©2024 ...', 'All rights reserved')",
        ),
        PatternRule(
            "TRL007",
            Label.TRAILER,
            SYNDICATION,
            flags="IGNORECASE",
            description="a syndication line ('Distributed by Tribune Content Agency', "
            "'This story was originally published ...')",
        ),
        PatternRule(
            "TRL008",
            Label.TRAILER,
            TAGS,
            flags="IGNORECASE",
            description="a tag or category list ('Tags: ...', 'Filed under: ...')",
        ),
    ],
    description="Reply forms, comment policies, related links and footers after the story.",
    origin="built-in",
)
