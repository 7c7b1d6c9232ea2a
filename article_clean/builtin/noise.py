"""Junk inside the story (NOI0xx): share bars, newsletter prompts, inline links, gallery controls."""

from __future__ import annotations

import regex

from ..model import Label
from ..rules import PatternRule, RuleSet
from . import tags as tag

_SEP_ONE = r"[\s:|,•·/\-–—]"
_SEP = _SEP_ONE + "*"
# After "share this ...", one more word may follow ("Share this article Facebook"), but not
# the first word of a network named in two words ("Share this page Pin It", "... Email this").
_TWO_WORD_NETWORK = r"(?:pin|e-?mail|print|copy|linked|link|save)\b"
# "Share" in other languages, and the words that may follow it before a network's name
# ("Partager sur", "Partager cet article", "Compartilhe no", "Deel dit artikel"). Unlike the
# English "share", no other word may follow: "Compartir en familia", "Deel 2" are a story's.
_SHARE_ABROAD = (
    r"(?:partager|partagez|teilen|compartir|comparte|compartilhar|compartilhe|partilhar|"
    r"condividi|delen|поделиться)"
    r"(?: (?:sur|cet|cette|ce|article|auf|diesen|artikel|beitrag|en|el|este|esta|artículo|no|"
    r"na|o|artigo|su|questo|articolo|op|dit|deze|в)\b){0,3}"
    r"|deel (?:dit|deze) (?:artikel|bericht|pagina)|deel (?:op|via)"
    # German puts the verb last: "Auf Facebook teilen", "Diesen Artikel teilen".
    r"|(?:artikel|beitrag|seite) teilen|auf \w+ teilen|(?:diesen|den) (?:artikel|beitrag) teilen"
    r"|per (?:e-?mail|mail) (?:teilen|senden)"
)
# The print and save buttons in other languages ("Drucken", "Imprimer", "Opslaan"); not those
# that are also a story's heading or a name ("Merken", Dutch for brands; "Bewaren" in a recipe;
# "Salva").
_BUTTONS_ABROAD = (
    r"(?:artikel |seite )?drucken|twittern|imprimer(?: (?:l'article|cet article|la page))?|"
    r"enregistrer|imprimir(?: (?:artículo|noticia|página))?|guardar|salvar|"
    r"stampa(?: (?:articolo|l'articolo|pagina))?|printen|afdrukken|opslaan|"
    r"druckversion|druckansicht|version imprimable|versione stampabile|printversie|"
    r"artikel versenden|bookmarken|tuitear|"
    r"envoyer par (?:e-?mail|courriel)|enviar por (?:correo|e-?mail)|invia per (?:e-?mail|mail)"
)
_NETWORKS = (
    r"share(?: (?:this|on|via|to|the|article|story|post|page)){0,3}"
    rf"(?: (?!{_TWO_WORD_NETWORK})\w+)?|{_SHARE_ABROAD}|{_BUTTONS_ABROAD}|tweet|pin(?: it)?|"
    r"e-?mail(?: this)?|printer[- ]friendly(?: version)?|"
    r"print(?: this)?(?: (?:page|article|story))?|"
    r"facebook|twitter|x|linked ?in|pinterest|reddit|whatsapp|social bookmarks?|"
    # The bookmark services pages of the 2000s linked to.
    r"del\.icio\.us|digg(?: this)?|stumbleupon|technorati|mister wong|yigg|webnews|newsvine|"
    r"flipboard|pocket|telegram|tumblr|google\+|messenger|sms|copy(?: link| url)?|link copied|"
    r"save(?: article)?|bookmark|like|instagram|youtube|vk|vkontakte|odnoklassniki|weibo|wechat|"
    r"line|kakao(?:talk)?|naver|mix|xing|threads|bluesky|mastodon|snapchat|tiktok|rss|"
    r"comment(?:s|er)?|シェア"
    r"|\d+(?:\.\d+)?k?\s*(?:shares?|comments?)?"
)

# Each item is atomic and must be followed by a separator or the end, so that a long line of
# digits or names cannot make the search backtrack.
SHARE_BAR = rf"^{_SEP}(?:(?>{_NETWORKS})(?:{_SEP_ONE}+|$))+$"

CLICK_TO_SHARE = (
    r"^(?:click|tap) (?:here )?to (?:share|email|print|tweet|save|pin)\b.{0,80}$"
    r"|\(opens in (?:a )?new window\)$"
    r"|^(?:share|follow|like) (?:us|me) on .{1,40}$"
    r"|^follow (?:us|@\w+|[\w ]{1,60} on (?:twitter|facebook|instagram|x|linkedin|youtube))\b.{0,80}$"
    r"|^(?:all|more|show more) sharing options$|^share (?:this|the) (?:article|story|post)\b.{0,40}$"
    r"|^(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\?"
    r"|^(?:send|e-?mail|forward) (?:this|it)?\s?(?:(?:story|article|post|page) )?to a friend\W*$"
    r"|^e-?mail this (?:story|article|post|page)\W*$"
)

NEWSLETTER = (
    r"\b(?:sign up|subscribe|register|signup)\b.{0,60}\b(?:newsletters?|e-?mails?|alerts?|"
    r"updates|inbox|bulletin|magazine|print edition|sister title|youtube|channel|podcast)\b"
    r"|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox)\b"
    r"|^(?:get|receive) (?:the|our) .{0,60}(?:delivered|straight|direct(?:ly)?) to your inbox"
    r"|^(?:subscribe|sign up|sign in|log ?in|register|join now|subscribe now|subscribe today|"
    r"newsletters?|enter your e-?mail(?: address)?|e-?mail address|your e-?mail|submit|"
    r"inscrivez-vous|abonnez-vous|s'abonner|jetzt abonnieren|newsletter abonnieren|suscríbete|"
    r"iscriviti|"
    r"assine|inscreva-se|подписаться|подпишитесь)\W*$"
    r"|^.{0,200}?\bby (?:signing up|subscribing|clicking)\b.{0,80}\b(?:agree|privacy|terms)\b"
    r"|^thank you for (?:signing up|subscribing)\b"
    r"|^join (?:our|the) .{0,60}\b(?:forums?|community|conversation|newsletter|mailing list)\b"
    r"|^get .{0,60}\bdelivered (?:to|through|straight|directly|right)\b"
    r"|^get (?:full |unlimited |instant )?access to\b.{0,120}\b(?:subscri|membership|premium)"
    r"|^if you (?:enjoyed|liked|value|appreciate|found value in) (?:this|our|reading)\b.{0,200}"
    r"\b(?:join|subscri|member|support|donat|contribut)"
    # A paywall's prompt, and another language's newsletter prompt: "This article is for
    # subscribers only", "Already a subscriber?", "Cet article est réservé aux abonnés",
    # "Inscrivez-vous à notre newsletter".
    r"|^(?:this|the) (?:article|story|content|post) is (?:only )?(?:for|available to|reserved "
    r"for|exclusive (?:to|for)) (?:our )?(?:paying |premium |digital )?(?:subscribers|members)"
    r"(?: only)?\s*+(?:[.!:]|$)"
    r"|^already an? (?:subscriber|member)\b"
    r"|\b(?:subscribe|become an? (?:member|subscriber)|sign in|log ?in) to (?:keep|continue) "
    r"reading\b"
    r"|^(?:cet article|ce contenu) est réservé aux abonnés|^déjà abonné"
    r"|^(?:dieser artikel|dieser beitrag|dieser inhalt) ist (?:nur )?für abonnenten"
    r"|^(?:bereits|schon) abonnent|\bjetzt abonnieren und weiterlesen\b"
    r"|^(?:este artículo|este contenido|esta nota) es (?:exclusivo |solo )?para suscriptores"
    r"|^¿?ya (?:eres|sos) suscriptor"
    r"|^(?:questo articolo|questo contenuto) è riservato agli abbonati|^sei già abbonato"
    r"|^(?:este conteúdo|esta matéria|este artigo) é (?:exclusivo )?para assinantes"
    r"|^já é assinante"
    r"|^(?:inscrivez-vous|abonnez-vous|suscríbete|suscribite|iscriviti|inscreva-se|assine) "
    r".{0,40}\b(?:newsletter|infolettre|lettre d'information|boletín|notiziario)\b"
)

INLINE_LINK = (
    r"^[(\[]?(?:related(?: (?:article|story|stories|coverage|content|reading|video|link))?|read more|"
    r"read also|also read|see also|more|more on this|watch|watch now|listen|recommended|"
    r"don't miss|must read|trending|opinion|analysis|explainer|column|commentary|podcast|"
    r"see more|also|leia (?:também|mais)|veja (?:também|mais)|"
    r"lire aussi|à lire aussi|lesen sie auch|mehr zum thema|le[ea] (?:también|más)|leer más|"
    r"te puede interesar|le puede interesar|(?:noticias? |artículos? )?relacionad[oa]s?|"
    r"ver también|mira también|leggi anche|lees ook|"
    r"(?:prze)?czytaj (?:także|też|również|więcej)|zobacz (?:także|też|również)|"
    r"читайте также|смотрите также)(?: (?:su|on|at|in|em|en|auf|sur))?\s*[:>»|–—-]\s*"
    r"\S.{0,200}$"
    r"|^also on [\w.-]+\.\w{2,}\s+\S.{0,200}$"
    # A whole word: "[Moreover ...]", "[Plusieurs passages ont été coupés.]" are the story's.
    r"|^\[(?:read more|related|see also|more|watch|mehr|weiterlesen|plus|lire la suite|más|"
    r"leer más|leggi tutto|meer|lees meer|leia mais)\b[^\]]{0,200}\]$"
    r"|\[(?:INSIGHT|LATEST|REVEALED|ANALYSIS|VIDEO|PICTURES|POLL|EXCLUSIVE|LIVE|NEWS|REACTION)\]"
)

_HEADING_END = r"[\s:.!…»\-–—|]*$"

RELATED_HEADING = (
    r"^(?:our |the )?(?:related(?: (?:articles?|stories|posts|content|coverage|news|links|topics|reading|"
    r"videos?|items))?|more|more (?:from|on|in|about) .{1,60}|more (?:stories|news|articles|"
    r"headlines|videos|to explore|like this)|you (?:may|might) (?:also )?(?:like|enjoy|be "
    r"interested in)|recommended(?: for you| stories| articles| reading| videos)?|"
    r"read (?:next|this next)|what to read next|further reading|up next|"
    r"(?:most|top) (?:popular|read|viewed|shared|commented|emailed)(?: (?:stories|articles|"
    r"videos|now|today|this week))?(?: (?:in|on|from) .{1,40})?|(?:trending|popular)(?: now| stories| articles| news| "
    r"today| on .{1,40})?|don'?t miss|(?:latest|top|breaking) (?:news|stories|headlines|"
    r"articles|videos)(?: (?:in|on|from) .{1,40})?|also on .{1,40}|around the web|from (?:our|the) (?:partners|web)|"
    r"promoted stories|sponsored stories|more from our partners|"
    r"leia (?:também|mais)|veja também|mais lidas|lea también|te puede interesar|"
    r"lo más (?:leído|visto)|lire aussi|à lire aussi|les plus lus|"
    r"das könnte sie auch interessieren|mehr zum thema|leggi anche|"
    r"potrebbe interessarti|i più letti|lees ook|meest gelezen|читайте также|"
    r"смотрите также|популярное|関連記事|関連ニュース|관련기사|相关新闻|相關新聞|"
    r"sur le même sujet|dans la même rubrique|articles (?:liés|similaires|associés)|"
    r"(?:noticias|artículos) relacionad[oa]s|(?:articoli|notizie) correlat[ie]|"
    r"(?:notícias|artigos|matérias) relacionad[oa]s|meer over dit onderwerp|"
    r"gerelateerde artikelen|(?:verwandte|ähnliche|weitere) (?:artikel|beiträge|themen|meldungen|"
    r"nachrichten)|meistgelesene?n?(?: (?:artikel|nachrichten|meldungen|beiträge))?|"
    r"mehr (?:nachrichten|meldungen|artikel)|"
    r"top-(?:themen|artikel|meldungen)|les plus partagés|à la une|plus d'articles|"
    r"más noticias|altri articoli|"
    r"похожие (?:статьи|новости)|по теме)" + _HEADING_END
)

# The small print of a newsletter box: short lines that name the newsletter or the inbox.
NEWSLETTER_BOX = (
    r"^(?=[^.!?]{0,60}$).*\bnewsletters?\b|\byour inbox\b|\bopt-?in (?:box|checkbox)\b|"
    r"\bunsubscribe (?:at any time|anytime|here|easily)\b|^no spam\b|"
    r"\b(?:error|problem) (?:processing|with) your (?:subscription|sign-?up)|"
    r"^thanks? (?:you )?for (?:signing up|subscribing)|"
    r"^i (?:agree|consent) (?:that|to)\b.{0,80}\b(?:send|email|contact|newsletter|terms|privacy)"
)

# Markup left in the text by a scraper: a line of HTML tags and nothing else ("</div>", "<br/>",
# "<p>&nbsp;</p>", "<!-- ad -->"). A tag names an element of HTML, in lower case or in capitals
# (or one of the custom and namespaced ones pages carry: "<amp-img>", "<fb:like>", Word's "<o:p>";
# "<sarcasm-off>", "</rant-mode>" and "<re:post>" are text), and its attributes have values or are
# HTML's own flags ("<input disabled>"): a title or an aside in angle brackets ("<The Palace>",
# "<Legend>", "<snip>", "<i love you>") is text. The document tags are tags in any case ("<Html>":
# a body of it alone reads as a page). Each tag starts with "<", which nothing inside one holds,
# and no quantifier gives back: one parse, linear.
_ELEMENTS = (
    "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|big|blockquote|br|button|canvas|"
    "caption|center|circle|cite|code|col|colgroup|data|datalist|dd|defs|del|details|dfn|dialog|"
    "div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|g|h[1-6]|"
    "header|hgroup|hr|i|iframe|img|input|ins|kbd|label|legend|li|line|link|main|map|mark|menu|"
    "meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|path|picture|polygon|"
    "polyline|pre|progress|q|rect|rp|rt|ruby|s|samp|script|section|select|small|source|span|"
    "strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|"
    "time|title|tr|track|tt|u|ul|use|var|video|wbr"
)
_TAG_NAME = (
    rf"(?i:html|head|body)|{_ELEMENTS}|{_ELEMENTS.upper()}"
    r"|amp-[a-z][a-z0-9-]*+|(?:fb|g|m|o|st\d++|svg|v|w|xlink):[a-z][a-z0-9-]*+"
)
_FLAGS = (
    r"(?i:allowfullscreen|async|autoplay|checked|controls|defer|disabled|hidden|itemscope|loop|"
    r"multiple|muted|noshade|novalidate|nowrap|open|playsinline|readonly|required|reversed|"
    r"selected|data-[\w-]++)"
)
MARKUP_ONLY = (
    rf"^(?:<(?:/?(?:{_TAG_NAME})(?:\s++{_FLAGS}(?=[\s/>]))*+"
    r"(?:\s[^<>=]{0,100}+=[^<>]{0,2000}+)?+\s*+/?"
    r"|!--[^<>]{0,300}?--|!(?i:doctype)[^<>]{0,300}+)>\s*+(?:&[#\w]{1,10};\s*+)*+)++$"
)

# A headline shouted in capitals, as pages style the titles of other stories; the story's own
# subheadings in capitals are short (under eight words).
SHOUTED = r"^(?=.{30,200}$)(?=(?:\S+\s+){7}\S)(?=(?:[^\p{Lu}]*\p{Lu}){12})[^\p{Ll}]*$"

# A promo line led by an emoji: "📱 Torn between the latest phones? Check out our guide".
EMOJI_PROMO = r"^\p{So}.{0,200}\b(?:check out|see|read|shop|browse|sign up for|subscribe to) (?:our|the)\b"

# How affiliate links are disclosed.
AFFILIATE = (
    r"\bmay (?:receive|earn|get) (?:an? )?(?:small |affiliate )*(?:commission|share of (?:the )?"
    r"(?:sales?|revenue))"
    r"|\bif you (?:buy|purchase) something through (?:our|this|these|one of our) (?:links?|post)"
    r"|\b(?:contains?|includes?) affiliate links\b|\bwe (?:include|use) affiliate links\b"
)

# A line of links: three or more short items between pipes ("NFL Scores | Expert Picks | Odds").
LINK_ROW = r"^[^|]{1,40}(?:\s\|\s[^|]{1,40}){2,}$"

LONE_SYMBOL = r"^[\p{P}\p{S}\s]{1,5}$"

GALLERY = (
    r"^(?:image|photo|slide|picture|foto|bild)s?\s*\d+\s*(?:of|/|von|de|di|из)\s*/?\s*\d+$"
    r"|^\d+\s*(?:/|of)\s*\d+$"
    r"|^(?:back to gallery|caption|close|hide caption|toggle caption|show caption|"
    r"expand|enlarge(?: this)? image|view (?:gallery|slideshow|photos?|image)|open gallery|"
    r"launch (?:gallery|slideshow)|next|previous|prev|play|pause|replay|mute|unmute|"
    r"video (?:abspielen|ansehen)|lire la vidéo|(?:ver|reproducir) (?:el )?vídeo|"
    r"guarda il video|bekijk (?:de )?video|assista ao vídeo|"
    r"fullscreen|full screen|loading\W*|please wait\W*|zoom|view larger|"
    r"(?:watch|play) video|video|photos?|gallery|slideshow|audio|listen(?: to this article)?|"
    r"photo gallery|bildergalerie|fotostrecke|fotogalerie|galerie(?: photos?)?|"
    r"galería(?: de fotos)?|galleria(?: fotografica)?|fotogallery|galeria de fotos|fotoserie|"
    r"fotogalerij|"
    r"\d+:\d{2}(?:\s*min)?|\d+ (?:photos|images|slides))\W*$"
    # A pager's word in other languages, bare or with its arrow: with an exclamation it is a
    # story's own ("Weiter so!", "Suivant !").
    r"|^(?:weiter|vor|suivant|précédent|siguiente|successivo|precedente|volgende|vorige|próximo)"
    r"\s*[»›>→]?$"
)

# The site's own furniture, on every page of it: skip links, its menu, search and home links,
# its cookie and JavaScript notices (not an article's tools, "Listen to article", "Print").
_SITE_FURNITURE = (
    r"skip to (?:main )?content|jump to|menu|search|home|top|back to top|return to top|"
    r"startseite|accueil|inicio|portada|startpagina|"
    r"scroll to top|toggle navigation|navigation|sections|more sections|log out|my account|"
    r"cookie (?:policy|settings|preferences)|accept(?: all)?(?: cookies)?|manage cookies|"
    r"javascript (?:is )?(?:disabled|required).{0,80}|please enable javascript.{0,80}|"
    r"(?:you|we) (?:use|are using) cookies.{0,200}|this (?:web)?site uses cookies.{0,200}|"
    r"(?:utilizziamo|usiamo|nous utilisons|wir (?:verwenden|nutzen)|utilizamos|usamos) "
    r"(?:i |des |los |os )?cookies?.{0,200}|"
    r"(?:questo sito|ce site|diese (?:web)?seite|este (?:sitio|site)|diese website)"
    r"(?: web)? (?:utilizza|usa|utilise|verwendet|nutzt|utiliza) (?:i |des |los |os )?cookies?.{0,200}"
)
SITE_FURNITURE = regex.compile(rf"^(?:{_SITE_FURNITURE})\W*$", regex.IGNORECASE)

PAGE_CHROME = (
    rf"^(?:{_SITE_FURNITURE}|"
    r"learn more|click here|find out more|read the full (?:story|article)|continue reading|"
    r"to read the full story|listen to article|print article|font size|text size|"
    r"report (?:an? )?(?:error|typo|correction)|an error (?:has )?occurred.{0,60}|"
    r"schriftgröße|textgröße|fehler melden|artikel (?:bewerten|empfehlen|weiterempfehlen)|"
    r"zur homepage|rate this (?:article|story)|ajouter (?:à|aux) (?:mes )?favoris|"
    r"taille du texte|signaler une erreur|tamaño de(?:l)? (?:letra|texto)|reportar un error|"
    r"dimensione (?:del )?testo|segnala un errore|ir a la portada|"
    # The pages of a story cut in parts, and the footer's legal links.
    r"(?:page|seite|página|pagina) \d+ ?(?:/|of|von|sur|de|di|van) ?\d+|"
    r"top of (?:the )?page|(?:zum )?seitenanfang|nach oben|haut de (?:la )?page|"
    r"close(?: this)? window|fenster schließen|fermer (?:la )?fenêtre|cerrar (?:la )?ventana|"
    r"chiudi (?:la )?finestra|venster sluiten|fechar (?:a )?janela|"
    r"(?:next|previous) page|(?:nächste|vorherige) seite|page (?:suivante|précédente)|"
    r"página (?:siguiente|anterior)|pagina (?:successiva|precedente|volgende|vorige)|"
    r"(?:próxima|anterior) página|(?:volgende|vorige) pagina|"
    r"privacy(?: policy| notice)|terms of (?:use|service)|terms (?:and|&) conditions|imprint|"
    r"impressum|datenschutzerklärung|nutzungsbedingungen|mentions légales|"
    r"politique de confidentialité|aviso legal|política de (?:privacidad|privacidade|cookies)|"
    r"note legali|informativa (?:sulla )?privacy|termos de uso|privacybeleid|colofon)\W*$"
    # A link's label alone, bare: with an arrow it is NOI014's, with dots a teaser's end.
    r"|^(?:read|show|see|view) more$"
    r"|^(?:weiterlesen|lire la suite|leer más|seguir leyendo|continua a leggere|continue lendo|"
    r"lees meer|verder lezen)$"
    # "More" alone with an ellipsis, in other languages: a link's label ("mehr...").
    r"|^(?:mehr|plus|más|meer|weiter)\s?(?:\.{2,}|…)$"
    # A link back to the list or the page the story was opened from, in several languages
    # (not "Back to Basics", a post's title: only the places a site links back to).
    r"|^\W*(?:back|return|go back) to (?:the )?(?:home ?page|home|overview|list|index|main page|"
    r"search results|results|articles|news|blog|all (?:articles|posts|news|stories))\W*$"
    r"|^\W*(?:zurück )?zur (?:übersicht|startseite|liste)\W*$"
    r"|^\W*zurück(?: zum (?:seitenanfang|anfang|archiv))?\W*$"
    r"|^\W*retour (?:à la liste|à l'accueil|en haut(?: de (?:la )?page)?|aux articles)\W*$"
    r"|^\W*(?:volver|regresar) (?:al inicio|arriba|a la portada|al listado)\W*$"
    r"|^\W*(?:torna|tornare) (?:su|all'inizio|alla home(?: ?page)?|all'elenco)\W*$"
    r"|^\W*voltar (?:ao topo|ao início|à página inicial)\W*$"
    r"|^\W*terug naar (?:boven|het overzicht|(?:de )?home(?:page)?|de startpagina)\W*$"
)

# A few words that end in an arrow, with no quote opened: a link to another page. (A French
# quote closes with "»" too, but opens with "«".)
ARROW_LINK = r"^[^«‹\n]{1,40}?(?:\s?[»›→⟶➔➜▶►]|\s>>)\s*$"


NOISE_RULES = RuleSet(
    "noise",
    [
        PatternRule(
            "NOI001",
            Label.NOISE,
            SHARE_BAR,
            linear=True,
            flags="IGNORECASE",
            max_chars=300,
            description="a share bar: only network names and share words on the line",
            examples=(
                "Share this:",
                "Facebook Twitter Google+ Whatsapp",
                "Share this page Pin It",
                "Share this page Email this",
                "Share this Print this",
                "Share on Copy link",
                "Share this Linked in",
                "Partager sur Facebook",
                "Delen op Facebook",
                "Artikel teilen",
                "Auf Facebook teilen",
                "Drucken",
                "Imprimer",
                "Printer-friendly version",
                "del.icio.us",
            ),
            counter_examples=(
                "Share prices fell 3% in early trading in New York.",
                "Compartir en familia",  # a subheading: no network's name after the filler
                "Deel 2",
            ),
        ),
        PatternRule(
            "NOI002",
            Label.NOISE,
            CLICK_TO_SHARE,
            linear=True,
            flags="IGNORECASE",
            max_chars=300,
            requires=(
                "click", "tap", "window", "share", "follow", "like", "sharing", "enjoy", "love",
                "friend", "mail",
            ),  # fmt: skip
            description="a share or follow prompt ('Click to share on Twitter', 'Follow us on')",
            examples=(
                "Send to a Friend",
                "Email this post",
                "Click to share on Twitter (Opens in new window)",
                "Follow The New York Times Opinion section on Facebook, Twitter and Instagram.",
                "Like this story? Share it with a friend!",
            ),
            counter_examples=(
                "Chinese and American officials held the first meeting of a working group that "
                "aims to curb the flow of illegal drugs like fentanyl to the U.S. and the "
                "chemicals used to make them.",
                "Share prices fell 3% in early trading in New York.",
                "She said she would send the letter to a friend in Madrid.",
            ),
        ),
        PatternRule(
            "NOI003",
            Label.NOISE,
            NEWSLETTER,
            linear=True,
            flags="IGNORECASE",
            max_chars=400,
            requires=(
                "sign",
                "subscri",
                "regist",
                "newsletter",
                "inbox",
                "mail",
                "submit",
                "log",
                "join",
                "thank you",
                "delivered",
                "access",
                "inscri",
                "inscreva",
                "clicking",
                "abonn",
                "abbonat",
                "member",
                "suscr",
                "iscriv",
                "assine",
                "подпис",
                "if you ",
            ),
            description="a newsletter or subscription prompt",
            examples=(
                "Sign up for our daily newsletter",
                "Subscribe",
                "Get Motor Cycle Monthly delivered through your letterbox every month.",
                "Need more space? Subscribe to our sister title All About Space Magazine!",
                "If you enjoyed this article, we have a proposition for you: Join NRPLUS.",
                "Inscreva-se",
                "By clicking Continue, you agree to our Terms of Service.",
                "This article is for subscribers only. Subscribe now for $1 a week.",
                "Already a subscriber? Log in.",
                "Become a member to keep reading.",
                "Cet article est réservé aux abonnés. Abonnez-vous pour 1€ le premier mois.",
                "Dieser Artikel ist nur für Abonnenten. Jetzt abonnieren und weiterlesen.",
                "Este artículo es exclusivo para suscriptores.",
                "¿Ya eres suscriptor? Inicia sesión.",
                "Inscrivez-vous à notre newsletter.",
                "Suscríbete a nuestro boletín.",
            ),
            counter_examples=(
                "The article is only for subscribers of the print edition, the editor said, and "
                "will not appear online.",
                "He said he would sign up for the course next year.",
                "The trackback feature let bloggers know who had linked to their posts.",
                "Subscribers will get the new features first, the company said.",
            ),
        ),
        PatternRule(
            "NOI004",
            Label.NOISE,
            INLINE_LINK,
            linear=True,
            flags="IGNORECASE",
            max_chars=300,
            requires=(":", ">", "»", "|", "–", "—", "-", "[", "also on "),
            description="an inline link to another story ('Related: ...', '[Read more: ...]')",
            examples=(
                "Related: China and US start working group",
                "[Read more: The fentanyl crisis]",
                "China furious at Macron for Hong Kong protest jibe [INSIGHT]",
                "Also on rt.com Journalists & politicians from Morales’ party threatened",
                "Column: A vulture firm’s bid for Gannett shows there’s still value in newspapers",
                "SEE MORE: Hong Kong protests: 800 students under siege in university",
                "Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]",
                "Te puede interesar: Así queda el calendario laboral de 2024",
                "Czytaj także: Rząd przyjął projekt budżetu",
                "Przeczytaj także: Rząd przyjął projekt budżetu",
                "Noticias relacionadas: El Gobierno aprueba el presupuesto",
            ),
            counter_examples=(
                "The show opens to the public on Friday. Here are some of the highlights:",
                "« Il faut partir maintenant »",
                "« Il faut partir », dit-il, « et vite ».",
            ),
        ),
        PatternRule(
            "NOI005",
            Label.NOISE,
            LONE_SYMBOL,
            linear=True,
            max_chars=10,
            description="a line of lone symbols ('*', '•', '***')",
            examples=(
                "*",
            ),
            counter_examples=(
                "5%",
            ),
        ),
        PatternRule(
            "NOI006",
            Label.NOISE,
            GALLERY,
            linear=True,
            flags="IGNORECASE",
            max_chars=100,
            description="gallery and player controls ('Image 1 of 23', 'Back to Gallery')",
            tags=(tag.PICTURE_CONTROL,),
            examples=(
                "Image 1 of 23",
                "Back to Gallery",
                "Photo",
                "Bildergalerie",
                "Video abspielen",
            ),
            counter_examples=(
                "Next week the council will vote on the plan again.",
                "Previous studies had found no link between the two.",
            ),
        ),
        PatternRule(
            "NOI007",
            Label.NOISE,
            PAGE_CHROME,
            linear=True,
            flags="IGNORECASE",
            max_chars=400,
            description=(
                "page chrome: skip links, cookie notices, 'Click here', 'Read more', "
                "'Back to the list'"
            ),
            examples=(
                "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore "
                "esperienza sul nostro sito.",
                "Skip to main content",
                "An error has occurred, please try again later.",
                "Read More",
                "Zurück zur Übersicht",
                "Back to the list",
                "Retour à la liste",
                "Zur Startseite",
                "Terug naar home",
                "Seite 1 von 2",
                "Zum Seitenanfang",
                "Lire la suite",
                "Política de privacidad",
            ),
            counter_examples=(
                "Menu prices rose by a third last year, the survey found.",
                "Read more about the plan in the council's report, published on Monday.",
                "Back to Basics",
                "Back to school: what parents need to know",
                "Page 1 of the report sets out the cost of the plan.",
            ),
        ),
        PatternRule(
            "NOI008",
            Label.NOISE,
            RELATED_HEADING,
            linear=True,
            flags="IGNORECASE",
            max_chars=150,
            description="a heading of related or popular links ('Related Stories', 'More from')",
            tags=(tag.RELATED_HEADING,),
            examples=(
                "Related Stories",
                "More from Sportsnet",
                "Most Popular in Sports",
                "More:",
                "Leia também",
                "Most read in world news",
                "Our Latest Stories",
                "Noticias relacionadas",
                "Sur le même sujet",
            ),
            counter_examples=(
                "This post was the most read of the year, the editors said.",
                "Related companies reported losses in the third quarter, according to Reuters.",
            ),
        ),
        PatternRule(
            "NOI009",
            Label.NOISE,
            NEWSLETTER_BOX,
            linear=True,
            flags="IGNORECASE",
            max_chars=120,
            requires=(
                "newsletter", "inbox", "opt", "subscri", "spam", "thank", "agree", "consent",
                "sign-up", "signup",
            ),  # fmt: skip
            description="a newsletter box's small print ('Keep an eye on your inbox', 'opt-in')",
            examples=(
                "Keep an eye on your inbox for the latest sports news.",
                "Please check the opt-in box to acknowledge that you would like to subscribe.",
                "No spam, we promise. You can unsubscribe at any time.",
                "There was a problem with your sign-up.",
            ),
            counter_examples=(
                "By Tuesday, the two sides had agreed to meet again in Washington.",
                "Subscribers will get the new features first, the company said.",
                "The newsletter, which has 40,000 readers, was sold to a rival publisher last "
                "year for $2 million.",
            ),
        ),
        PatternRule(
            "NOI010",
            Label.NOISE,
            LINK_ROW,
            linear=True,
            max_chars=200,
            requires=("|",),  # the pattern's one literal: any space may stand around it
            description="a row of links between pipes ('Scores | Picks | Odds')",
            examples=(
                "NFL Scores | Expert Picks | Odds",
                "NFL Scores\u00a0| Expert Picks\u00a0| Odds",
            ),
            counter_examples=(
                "Scores | Picks",
            ),
        ),
        PatternRule(
            "NOI012",
            Label.NOISE,
            AFFILIATE,
            linear=True,
            flags="IGNORECASE",
            max_chars=400,
            requires=("commission", "share of", "through", "affiliate"),
            description="an affiliate-link disclosure ('we may receive a small commission')",
            examples=(
                "Sometimes we include links to online retail stores; we may receive a small "
                "commission.",
            ),
            counter_examples=(
                "Results of the vote are expected on Friday, the election commission said.",
            ),
        ),
        PatternRule(
            "NOI013",
            Label.NOISE,
            EMOJI_PROMO,
            linear=True,
            flags="IGNORECASE",
            max_chars=300,
            description="a promo line led by an emoji ('📱 ... check out our buying guide')",
            examples=(
                "📱 Torn between the latest phones? Never fear—check out our iPhone buying guide",
            ),
            counter_examples=(
                "📱 Phones sold out in a day, the company said.",
            ),
        ),
        PatternRule(
            "NOI014",
            Label.NOISE,
            ARROW_LINK,
            linear=True,
            max_chars=60,
            requires=("»", "›", "→", "⟶", "➔", "➜", "▶", "►", ">>"),
            description="a link labelled with an arrow ('Read more »', 'All reviews →')",
            examples=(
                "Read more »",
                "All Reviews→",
                "Weiterlesen ›",
            ),
            counter_examples=(
                "« Il faut partir maintenant »",
                "« Il faut partir », dit-il, « et vite ».",
                "»Wir schaffen das«, sagte sie.",
            ),
        ),
        PatternRule(
            "NOI015",
            Label.NOISE,
            MARKUP_ONLY,
            linear=True,
            max_chars=2000,
            description="markup left in the text: a line of HTML tags alone ('</div>', '<br/>')",
            examples=(
                "</div>",
                '<div class="ad-slot"></div> <br/>',
                "<!-- end of article -->",
                "<Html>",
                "<p>&nbsp;</p>",
                "<input disabled> <video controls autoplay></video>",
                '<fb:like href="x"></fb:like> <amp-img src="y"></amp-img>',
                '<st1:place w:st="on"></st1:place>',
                '<img height="1" width="1" style="display:none" src="https://example.com/p?c=2">',
            ),
            counter_examples=(
                "<b>Note:</b> the vote is on Tuesday.",
                "The score was 3 < 4 > 2 in the end.",
                "<The Palace: Tale of Jang Noksu>",
                "<snip>",
                "<i love you>",
                "<PARASITE>",
                "<Legend>",
                "<sarcasm-off>",
                "</rant-mode>",
                "<k-means k=3>",
            ),
        ),
        PatternRule(
            "NOI011",
            Label.NOISE,
            SHOUTED,
            linear=True,
            max_chars=200,
            description="a long line in capitals only: another story's headline",
            examples=(
                "'DANCING WITH THE STARS': LAUREN ALAINA IS CHANNELING HER BREAKUP ENERGY",
            ),
            counter_examples=(
                "NISSAN SENTRA",
            ),
        ),
    ],
    description="Junk between the story's paragraphs.",
    origin="built-in",
)
