"""The same news page in six languages: each language's page chrome, share prompts and
"related" headings go, its story stays whole. The rules' words are kept for many languages;
this holds them to it on pages no English word helps with."""

from __future__ import annotations

import pytest

from article_clean import Article, Cleaner

# language: (headline, story paragraphs, chrome: home link, ad marker, inline link, related
# heading, share prompt, second share prompt, newsletter prompt, comments link, copyright)
PAGES = {
    "de": (
        "Stadtrat beschließt neuen Radweg am Fluss",
        (
            "Der Stadtrat hat am Montagabend mit großer Mehrheit den Bau eines neuen Radwegs "
            "entlang des Flusses beschlossen. Die Arbeiten sollen im Frühjahr beginnen.",
            "Nach Angaben der Verwaltung kostet das Projekt rund vier Millionen Euro, von "
            "denen das Land etwa die Hälfte übernimmt. Anwohner hatten lange darauf gedrängt.",
            "Kritik kam von der Opposition, die vor steigenden Kosten warnte. Der "
            "Bürgermeister verteidigte den Plan jedoch als wichtigen Schritt für die "
            "Verkehrswende.",
            "Die Bauzeit wird auf zwei Jahre geschätzt. Während dieser Zeit soll es nur kurze "
            "Sperrungen geben, versprach die Stadt.",
        ),
        (
            "Zur Startseite",
            "Anzeige",
            "Lesen Sie auch: Neue Buslinie für die Innenstadt",
            "Mehr zum Thema",
            "Artikel teilen",
            "Teilen auf Facebook",
            "Jetzt Newsletter abonnieren",
            "Kommentare (12)",
            "© dpa-infocom, dpa:241118-99-123456/3",
        ),
    ),
    "fr": (
        "Le conseil municipal adopte un nouveau plan vélo",
        (
            "Le conseil municipal a adopté lundi soir un nouveau plan pour développer les "
            "pistes cyclables dans le centre-ville. Les travaux commenceront au printemps.",
            "Selon la mairie, le projet coûtera environ quatre millions d'euros, dont la "
            "moitié sera financée par la région. Les habitants le réclamaient depuis des "
            "années.",
            "L'opposition a critiqué le coût du projet, mais le maire a défendu un "
            "investissement nécessaire pour réduire la circulation automobile.",
            "Les travaux devraient durer deux ans. La ville promet de limiter la gêne pour "
            "les riverains pendant cette période.",
        ),
        (
            "Retour à l'accueil",
            "Publicité",
            "À lire aussi : Une nouvelle ligne de bus en centre-ville",
            "Sur le même sujet",
            "Partager sur Facebook",
            "Partager cet article",
            "Abonnez-vous à notre newsletter",
            "Commentaires (12)",
            "© Le Quotidien 2024. Tous droits réservés.",
        ),
    ),
    "es": (
        "El ayuntamiento aprueba un nuevo plan de bicicletas",
        (
            "El ayuntamiento aprobó el lunes por la noche un nuevo plan para ampliar los "
            "carriles bici en el centro de la ciudad. Las obras comenzarán en primavera.",
            "Según el consistorio, el proyecto costará unos cuatro millones de euros, la "
            "mitad de los cuales financiará la comunidad autónoma.",
            "La oposición criticó el coste del proyecto, pero el alcalde defendió una "
            "inversión necesaria para reducir el tráfico.",
            "Las obras durarán unos dos años. La ciudad promete limitar las molestias a los "
            "vecinos durante ese tiempo.",
        ),
        (
            "Volver a la portada",
            "Publicidad",
            "Lea también: Nueva línea de autobús en el centro",
            "Noticias relacionadas",
            "Compartir en Facebook",
            "Compartir en Twitter",
            "Suscríbete a nuestro boletín",
            "Comentarios (12)",
            "© El Diario 2024. Todos los derechos reservados.",
        ),
    ),
    "it": (
        "Il consiglio comunale approva il nuovo piano per le biciclette",
        (
            "Il consiglio comunale ha approvato lunedì sera un nuovo piano per ampliare le "
            "piste ciclabili nel centro della città. I lavori inizieranno in primavera.",
            "Secondo il Comune, il progetto costerà circa quattro milioni di euro, metà dei "
            "quali finanziati dalla Regione.",
            "L'opposizione ha criticato i costi, ma il sindaco ha difeso un investimento "
            "necessario per ridurre il traffico.",
            "I lavori dureranno circa due anni. La città promette di limitare i disagi per i "
            "residenti.",
        ),
        (
            "Torna alla home",
            "Pubblicità",
            "Leggi anche: Nuova linea di autobus in centro",
            "Articoli correlati",
            "Condividi su Facebook",
            "Condividi su Twitter",
            "Iscriviti alla nostra newsletter",
            "Commenti (12)",
            "© Il Quotidiano 2024. Tutti i diritti riservati.",
        ),
    ),
    "pt": (
        "Câmara aprova novo plano de ciclovias",
        (
            "A câmara municipal aprovou na segunda-feira à noite um novo plano para ampliar "
            "as ciclovias no centro da cidade. As obras começam na primavera.",
            "Segundo a prefeitura, o projeto vai custar cerca de quatro milhões de euros, "
            "metade dos quais financiada pelo governo regional.",
            "A oposição criticou o custo do projeto, mas o prefeito defendeu um investimento "
            "necessário para reduzir o trânsito.",
            "As obras devem durar dois anos. A cidade promete limitar os transtornos para os "
            "moradores.",
        ),
        (
            "Voltar ao início",
            "Publicidade",
            "Leia também: Nova linha de ônibus no centro",
            "Notícias relacionadas",
            "Compartilhar no Facebook",
            "Compartilhe no Twitter",
            "Assine a nossa newsletter",
            "Comentários (12)",
            "© O Jornal 2024. Todos os direitos reservados.",
        ),
    ),
    "nl": (
        "Gemeenteraad keurt nieuw fietsplan goed",
        (
            "De gemeenteraad heeft maandagavond met grote meerderheid een nieuw plan "
            "goedgekeurd om de fietspaden in het centrum uit te breiden. De werkzaamheden "
            "beginnen in het voorjaar.",
            "Volgens de gemeente kost het project ongeveer vier miljoen euro, waarvan de "
            "provincie de helft betaalt.",
            "De oppositie had kritiek op de kosten, maar de burgemeester verdedigde de "
            "investering als noodzakelijk om het verkeer te verminderen.",
            "De werkzaamheden duren naar verwachting twee jaar. De stad belooft de overlast "
            "voor bewoners te beperken.",
        ),
        (
            "Terug naar home",
            "Advertentie",
            "Lees ook: Nieuwe buslijn in het centrum",
            "Meer over dit onderwerp",
            "Delen op Facebook",
            "Deel dit artikel",
            "Schrijf je in voor onze nieuwsbrief",
            "Reacties (12)",
            "© De Krant 2024. Alle rechten voorbehouden.",
        ),
    ),
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_news_page_loses_its_chrome_and_keeps_its_story(language: str) -> None:
    headline, story, chrome = PAGES[language]
    home, ad, inline, related, share, share_again, newsletter, comments, copyright = chrome
    text = "\n\n".join(
        [home, headline, story[0], ad, story[1], inline, story[2], related, share, story[3]]
        + [share_again, newsletter, comments, copyright]
    )
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.headline == headline
    assert article.body == "\n\n".join(story)
    assert article.trailer == "\n\n".join([share_again, newsletter, comments, copyright])


# language: the thread's heading with its count, a commenter's line, the date under it, the
# reply link, the reply form's heading
THREADS = {
    "de": ("3 Kommentare", "{} sagt:", "18. November 2024 um 15:20 Uhr", "Antworten",
           "Schreibe einen Kommentar"),
    "fr": ("3 commentaires", "{} dit :", "18 novembre 2024 à 15 h 20 min", "Répondre",
           "Laisser un commentaire"),
    "es": ("3 comentarios", "{} dice:", "18 noviembre, 2024 a las 15:20", "Responder",
           "Deja una respuesta"),
    "it": ("3 commenti", "{} ha detto:", "18 novembre 2024 alle 15:20", "Rispondi",
           "Lascia un commento"),
    "pt": ("3 comentários", "{} disse:", "18 de novembro de 2024 às 15:20", "Responder",
           "Deixe um comentário"),
    "nl": ("3 reacties", "{} schreef:", "18 november 2024 om 15:20", "Beantwoorden",
           "Geef een reactie"),
}  # fmt: skip
COMMENTS = (
    ("Max Müller", "Very well written, thank you! I ride along this river every day."),
    ("Lena Vogel", "Finally something happens. It took far too long, if you ask me."),
    ("Paul Klein", "Who is going to pay for it? The city has no money left."),
)


@pytest.mark.parametrize("language", sorted(THREADS))
def test_a_comment_thread_goes_to_the_comments_not_the_story(language: str) -> None:
    headline, story, _ = PAGES[language]
    count, says, date, reply, form = THREADS[language]
    thread = [count]
    for name, comment in COMMENTS:
        thread += [says.format(name), date, comment, reply]
    text = "\n\n".join([headline, *story, *thread, form])
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.body == "\n\n".join(story)
    assert all(comment in article.comments for _, comment in COMMENTS)


_ENGLISH = (
    "Council backs a new cycle path along the river",
    (
        "The city council voted on Monday evening by a large majority to build a new cycle "
        "path along the river. Work is due to start in the spring.",
        "The project will cost about four million euros, according to the city, and the "
        "state will pay roughly half. Residents had pressed for it for years.",
        "The opposition warned that costs would rise. The mayor defended the plan as an "
        "important step for the city's transport.",
        "Building is expected to take two years. The city promised that closures would be "
        "short while it lasts.",
    ),
)

# language: a page's buttons and footer links, each alone on a line between the story's
# paragraphs as a scraper leaves them: print, save, share (as the language words it), a
# gallery's link, pagination, "read more", the legal links.
BUTTONS = {
    "en": ("Print", "Save", "Share on Facebook", "Photo gallery", "Page 1 of 2", "Next page",
           "Continue reading", "Privacy policy", "Terms of use",
           # as pages of the 2000s wrote them
           "Printer-friendly version", "Digg this", "del.icio.us", "Page 1 / 2", "Top of page",
           "Close window", "[more]", "Rate this article"),
    "de": ("Drucken", "Twittern", "Auf Facebook teilen", "Bildergalerie", "Seite 1 von 2",
           "Nächste Seite", "Weiterlesen", "Impressum", "Datenschutzerklärung",
           "Druckversion", "Artikel versenden", "Mister Wong", "Seite 1 / 2", "Zum Seitenanfang",
           "Fenster schließen", "[mehr]", "mehr...", "weiter", "Video abspielen",
           "Schriftgröße", "Artikel bewerten", "Fehler melden", "Weitere Meldungen",
           "Meistgelesene Artikel", "Leserkommentare", "Diskutieren Sie mit"),
    "fr": ("Imprimer", "Enregistrer", "Partager sur Facebook", "Galerie photos", "Page 1 sur 2",
           "Page suivante", "Lire la suite", "Mentions légales", "Politique de confidentialité",
           "Taille du texte", "Signaler une erreur", "Envoyer par e-mail", "Les plus partagés",
           "Voir les commentaires"),
    "es": ("Imprimir", "Guardar", "Compartir en Facebook", "Galería de fotos", "Página 1 de 2",
           "Página siguiente", "Leer más", "Aviso legal", "Política de privacidad",
           "Tamaño de letra", "Enviar por correo", "Más noticias", "Ver comentarios"),
    "it": ("Stampa", "Stampa articolo", "Condividi su Facebook", "Galleria fotografica",
           "Pagina 1 di 2", "Pagina successiva", "Continua a leggere", "Note legali",
           "Informativa sulla privacy", "Dimensione testo", "Segnala un errore",
           "Invia per email", "Altri articoli", "Vedi i commenti"),
    "pt": ("Imprimir", "Salvar", "Compartilhe no Facebook", "Galeria de fotos", "Página 1 de 2",
           "Próxima página", "Continue lendo", "Política de privacidade", "Termos de uso"),
    "nl": ("Printen", "Opslaan", "Deel op Facebook", "Fotoserie", "Pagina 1 van 2",
           "Volgende pagina", "Lees meer", "Privacybeleid", "Colofon"),
}  # fmt: skip

# language: the story's tags line, which closes it.
TAGS_LINES = {
    "en": "Tags: cycling, council",
    "de": "Schlagworte: Radweg, Stadtrat",
    "fr": "Mots-clés : vélo, conseil municipal",
    "es": "Etiquetas: bicicleta, ayuntamiento",
    "it": "Argomenti: bici, comune",
    "pt": "Palavras-chave: bicicleta, prefeitura",
    "nl": "Trefwoorden: fiets, gemeente",
}


def _headline_and_story(language: str) -> tuple[str, tuple[str, ...]]:
    return _ENGLISH if language == "en" else (PAGES[language][0], PAGES[language][1])


def _with_line_inside(language: str, line: str) -> tuple[Article, str, list[str]]:
    """The language's page cleaned with `line` alone between its second and third paragraphs;
    its headline, and its story with the line in place."""
    headline, story = _headline_and_story(language)
    kept = [story[0], story[1], line, story[2], story[3]]
    article = Cleaner(strict=True).clean("\n\n".join([headline, *kept]), kind="text")
    return article, headline, kept


@pytest.mark.parametrize("language", sorted(BUTTONS))
def test_a_pages_buttons_and_footer_links_leave_the_story(language: str) -> None:
    for button in BUTTONS[language]:
        article, headline, kept = _with_line_inside(language, button)
        assert article.body == "\n\n".join(kept[:2] + kept[3:]), button
        assert article.headline == headline, button  # nor taken for the headline


@pytest.mark.parametrize("language", sorted(TAGS_LINES))
def test_a_tags_line_after_the_story_goes_to_the_trailer(language: str) -> None:
    headline, story = _headline_and_story(language)
    text = "\n\n".join([headline, *story, TAGS_LINES[language]])
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.body == "\n\n".join(story)
    assert article.trailer == TAGS_LINES[language]
    (line,) = [s for s in article.segments if s.text.strip() == TAGS_LINES[language]]
    assert line.rule == "TRL007"  # told as a tags line, not only by its place after the story


# language: lines a story writes that share a word with a page's buttons or headings: a
# subheading, a list's label, a bracketed editor's note, a word of a review. They stay.
STORY_LINES = {
    "en": ("PLUS:", "Delicious", "Tweeter", "[Moreover, two paragraphs were cut.]"),
    "de": ("Plus", "Mehr von allem", "Leserbriefe", "Speichern", "Weiter so!",
           "[Mehrere Absätze wurden gekürzt.]"),
    "fr": ("Plus !", "Réagissez !", "Suivant !", "[Plusieurs passages ont été coupés.]"),
    "es": ("Te recomendamos:", "Comentar:"),
    "it": ("Ti consigliamo:", "Commenta:"),
    "pt": ("Comentar:",),
    "nl": ("Meer",),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(STORY_LINES))
def test_a_storys_own_short_lines_stay(language: str) -> None:
    for line in STORY_LINES[language]:
        article, _, kept = _with_line_inside(language, line)
        assert article.body == "\n\n".join(kept), line


# A wire story's paragraph that ends in its agency's tag, and a Japanese one that ends in its
# reporter's credit in full-width brackets: the story's last paragraph, not a caption nor the
# page's trailer.
TAGGED_ENDINGS = {
    "de": "Bürgermeisterin Eva Brandt sprach von einem wichtigen Tag für die Innenstadt. Die "
    "Händler fürchten dagegen monatelange Umsatzeinbußen. (dpa)",
    "it": "Il sindaco ha annunciato che i lavori inizieranno in primavera. La città attende ora "
    "il via libera della regione (ANSA).",
    "es": "El alcalde defendió el proyecto ante los vecinos del barrio. Las obras empezarán en "
    "marzo y durarán dos años. (EFE)",
    "fr": "Le maire a défendu le projet devant le conseil municipal. Les travaux commenceront en "
    "mars et dureront deux ans. (AFP/dpa)",
    # One long sentence, past a caption's length (WIRE_PARAGRAPH_WORDS).
    "en": "The council, which had debated the plan for more than two years and heard from "
    "hundreds of residents at a series of public meetings across the city this spring, "
    "approved it late on Tuesday by a vote of seven to two (Reuters)",
}


@pytest.mark.parametrize("language", sorted(TAGGED_ENDINGS))
def test_a_wire_storys_last_paragraph_keeps_its_agency_tag(language: str) -> None:
    headline, story = _headline_and_story("de")
    text = "\n\n".join([headline, *story, TAGGED_ENDINGS[language]])
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.body == "\n\n".join([*story, TAGGED_ENDINGS[language]])
    assert article.captions == ()


def test_a_paragraph_closed_by_a_full_width_bracket_ends_a_sentence() -> None:
    text = "\n\n".join(
        [
            "日銀、緩和策を維持",
            "日本銀行は24日の金融政策決定会合で、現在の大規模な金融緩和策を維持することを決めた。"
            "短期金利をマイナス0.1％に誘導する方針を据え置いた。",
            "黒田総裁は記者会見で「物価目標の実現にはなお時間がかかる」と述べた。",
            "市場では、年内の政策修正を予想する声も出ている。（経済部　佐藤花子）",
        ]
    )
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.headline == "日銀、緩和策を維持"
    assert article.body.endswith("（経済部　佐藤花子）") and article.trailer == ""


# An ad slot's label and a rights notice in more languages: the ad's line is noise, the
# notice the trailer's (a "©" line that names rights is no picture's credit).
AD_AND_RIGHTS = {
    "pl": ("Reklama", "© Wszelkie prawa zastrzeżone"),
    "tr": ("Reklam", "© Tüm hakları saklıdır."),
    "it": ("Pubblicità", "© RIPRODUZIONE RISERVATA"),
    "ar": ("إعلان", "© جميع الحقوق محفوظة 2012"),
    "de": ("Weiterlesen nach der Anzeige", "© dpa-infocom, dpa:241118-99-123456/3"),
}


@pytest.mark.parametrize("language", sorted(AD_AND_RIGHTS))
def test_an_ad_label_and_a_rights_notice_leave_the_story(language: str) -> None:
    headline, story = _headline_and_story("de")
    ad, rights = AD_AND_RIGHTS[language]
    text = "\n\n".join([headline, story[0], ad, *story[1:], rights])
    article = Cleaner(strict=True).clean(text, kind="text")
    assert article.body == "\n\n".join(story)
    assert article.trailer == rights and article.captions == ()
    assert [s.label.value for s in article.segments if s.text.strip() == ad] == ["noise"]
