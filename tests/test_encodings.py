"""Bytes in a legacy encoding that declare no charset: read as a browser reads them.

Each paragraph of `data/legacy-paragraphs.tsv` is a news sentence or two in its language, in the
encoding its pages used before UTF-8. charset_normalizer alone read 13 of the 42 wrong (French,
Portuguese, Italian, Swedish, Icelandic as Windows-1250, -1257 or -1258: "crčme ŕ la
française"; Romanian and Turkish in look-alike letters; English prices as Shift_JIS;
ISO-2022-JP as ASCII; Japanese with "①" and Hong Kong Chinese as no text). Firefox's detector
reads all but the English ones with a pound sign or a fraction, which it takes for Polish
("Ł25"); the word-shape check of `_western_reading` reads those as Windows-1252.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from article_clean import DecodeError, clean
from article_clean.decode import _western_reading, decode, top_level_domain

ROWS = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "legacy-paragraphs.tsv")
    .read_text("utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("language", "encoding", "paragraph"), ROWS, ids=[r[0] for r in ROWS])
def test_a_paragraph_in_its_legacy_encoding_decodes_to_itself(
    language: str, encoding: str, paragraph: str
) -> None:
    decoded = decode(paragraph.encode(encoding))
    assert decoded.text == paragraph
    assert decoded.how == "detected"


def test_a_cleaned_page_says_its_encoding_was_guessed_and_keeps_its_letters() -> None:
    story = next(p for language, _, p in ROWS if language == "fr2")
    page = f"<html><body><article><h1>Desserts</h1><p>{story}</p><p>{story}</p></article></body>"
    article = clean(page.encode("cp1252"), strict=True)
    assert "la crème brûlée reste le dessert préféré des Français" in article.body
    assert any("read as cp1252, the detector's guess" in w for w in article.warnings)


def test_a_lone_letter_where_windows_1252_reads_a_symbol_is_read_as_windows_1252() -> None:
    data = "Tickets cost £25, or £20 for members.".encode("cp1252")
    assert _western_reading(data, data.decode("cp1250")) == "Tickets cost £25, or £20 for members."


def test_letters_inside_words_outweigh_a_lone_initial() -> None:
    # "Ł." stands alone (Windows-1252: "£."), but "ł", "ą", "ż" inside words would be "³", "¹",
    # "¿": the Central European reading makes more words.
    data = "Prof. Ł. Nowak mówi, że koło i wąż są małe.".encode("cp1250")
    assert _western_reading(data, data.decode("cp1250")) is None
    assert decode(data).text == "Prof. Ł. Nowak mówi, że koło i wąż są małe."


def test_a_multi_byte_reading_is_not_compared_letter_by_letter() -> None:
    data = "政府は水曜日、予算案を閣議決定した。".encode("shift_jis")
    assert _western_reading(data, data.decode("shift_jis")) is None


# Hungarian's letters in Windows-1250 read as Windows-1252 too ("jövõre" for "jövőre"): the page's
# country breaks the tie, as in a browser.
HUNGARIAN = (
    "A kormány szerdán bejelentette, hogy jövőre jelentősen emelkedik a minimálbér. A "
    "pénzügyminiszter szerint az intézkedés több százezer munkavállalót érint."
)


def test_the_pages_country_breaks_the_detectors_tie() -> None:
    data = HUNGARIAN.encode("cp1250")
    assert decode(data, url="https://hirek.example.hu/gazdasag/minimalber").text == HUNGARIAN
    article = clean(data, kind="text", url="https://hirek.example.hu/a", strict=True)
    assert "jövőre jelentősen emelkedik" in article.body
    page = f"<html><body><article><h1>Minimálbér</h1><p>{HUNGARIAN}</p></article></body></html>"
    article = clean(page.encode("cp1250"), url="hirek.example.hu/gazdasag", strict=True)
    assert "jövőre jelentősen emelkedik" in article.body


def test_a_byte_the_encoding_leaves_unmapped_is_read_as_browsers_read_it() -> None:
    # 0x81 is no character of Windows-1252; a browser shows U+0081 and reads the rest as it is.
    # Refused, it sent the page to the other detector, and French came out as Windows-1257.
    story = next(p for language, _, p in ROWS if language == "fr")
    data = story.encode("cp1252")
    decoded = decode(data[:50] + b"\x81" + data[50:])
    assert decoded.text == story[:50] + "\x81" + story[50:]
    assert decoded.encoding == "cp1252"


def test_iso_2022_jp_with_half_width_katakana_is_read() -> None:
    text = "政府はｶﾀｶﾅで発表した。予算案を閣議決定した。"
    assert decode(text.encode("iso2022_jp_ext")).text == text


def test_an_escape_into_kanji_that_never_returns_to_ascii_is_no_iso_2022_jp() -> None:
    data = b"\x1b$B" + b"ab" * 10
    assert decode(data).text == data.decode("ascii")


def test_korean_in_windows_949s_extended_syllables_is_read() -> None:
    # Syllables EUC-KR lacks and Windows-949 (the WHATWG's "EUC-KR") has: "똠", "햏".
    text = "똠방각하 햏햏 " + next(p for language, _, p in ROWS if language == "ko")
    assert decode(text.encode("cp949")).text == text


@pytest.mark.parametrize(
    ("url", "tld"),
    [
        ("https://www.example.co.uk/news", b"uk"),
        ("HTTPS://NEWS.EXAMPLE.HU./a", b"hu"),  # upper case, a root's dot
        ("https://пример.рф/статья", b"xn--p1ai"),  # an internationalised domain, in Punycode
        ("http://127.0.0.1:8080/a", b"1"),
        ("http://[::1]/a", None),
        ("https://example.com:port/a", b"com"),  # a port that is no number: the host stands
        ("http://[::1/a", None),  # an unclosed bracket
        ("https://" + "é" * 64 + "/a", None),  # a label too long for idna
        ("hirek.example.hu/a", b"hu"),  # no scheme, as `url=` is often given
        ("news/story.html", b"news"),  # read as a host, as the page's domain is: no country
        ("", None),
        (None, None),
    ],
)
def test_the_top_level_domain_is_read_as_the_detector_takes_it(
    url: str | None, tld: bytes | None
) -> None:
    assert top_level_domain(url) == tld


def test_windows_1252_whose_bytes_pair_up_as_utf8_by_chance_stays_windows_1252() -> None:
    # "ß“" is DF 93, valid UTF-8 for a letter of N'Ko: one such pair among a short text's
    # legacy bytes does not make it UTF-8 (a second reader's case).
    text = "„Das macht Spaß“, sagte der Trainer nach dem Spiel am Sonntag."
    assert decode(text.encode("cp1252")).text == text


@pytest.mark.parametrize(
    ("page", "encoding"),
    [
        # cp1252's "…" is byte 0x85; a Shift_JIS character's second byte is often 0x85 too. Read
        # as Latin-1 to sniff, that byte is U+0085, which str.splitlines() breaks a line at.
        (
            "<html><body><p>Le maire a dit\u2026 que le pont fermera lundi.</p></body></html>",
            "cp1252",
        ),
        (
            "<html><head><meta charset='shift_jis'></head><body><p>"
            + "これは日本語のニュース記事です。" * 20
            + "</p></body></html>",
            "shift_jis",
        ),
    ],
)
def test_a_legacy_page_as_bytes_is_read_as_the_page_it_is_as_text(page: str, encoding: str) -> None:
    from_bytes = clean(page.encode(encoding), strict=True)
    assert from_bytes.kind == clean(page, strict=True).kind == "html"
    assert "<p>" not in from_bytes.body and from_bytes.body == clean(page).body


def _declaring(charset: str, body: str) -> str:
    return f'<!doctype html>\n<html><head><meta charset="{charset}"></head>\n<body><p>{body}</p>'


FRENCH = (
    "Le conseil municipal a voté mardi pour approuver le projet, mettant fin à des années de "
    "débat. Les élus ont déclaré que les travaux commenceraient au printemps."
)


def test_a_page_cut_off_inside_a_character_is_read_with_one_replacement() -> None:
    # A crawler's byte limit cuts a Shift_JIS page in the middle of its last character: a
    # browser shows U+FFFD there; the whole page was a DecodeError.
    story = "市議会は火曜日、新しい橋の建設計画を承認した。議員らは、来年の春に工事が始まると述べた。"
    page = _declaring("shift_jis", story).removesuffix("</p>")
    article = clean(page.encode("shift_jis")[:-1])
    assert article.body == story[:-1] + "\ufffd"
    assert any("1 bytes not in cp932 read as U+FFFD" in w for w in article.warnings)
    utf16 = codecs.BOM_UTF16_LE + (FRENCH + "\n").encode("utf-16-le")
    assert clean(utf16[:-1]).body == FRENCH + "\ufffd"
    with pytest.raises(DecodeError):  # a page of bytes its encoding does not hold: no text
        decode(codecs.BOM_UTF16_LE + bytes(range(0xD8, 0xDC)) * 20)


def test_a_declared_single_byte_charset_reads_a_byte_it_leaves_unmapped_as_browsers_do() -> None:
    # 0x9D is no character of Windows-1252: the declaration was dropped over it and the
    # detector read the French page as Windows-1250 ("fin ŕ des années").
    page = _declaring("windows-1252", FRENCH.replace("projet", "projet\x9d"))
    article = clean(page.encode("latin-1"))
    assert article.body == FRENCH.replace("projet", "projet\x9d") and not article.warnings


def test_utf8_that_declares_latin_1_with_one_stray_byte_is_read_as_utf8() -> None:
    # One Windows-1252 apostrophe pasted into a UTF-8 page that says it is ISO-8859-1: read as
    # declared, every accent was mojibake ("votÃ©"), unsaid.
    page = _declaring("iso-8859-1", FRENCH.replace("Les élus ont", "Les élus l’ont"))
    data = page.encode("utf-8").replace("’".encode("utf-8"), b"\x92")
    article = clean(data)
    assert article.body == FRENCH.replace("Les élus ont", "Les élus l’ont")
    assert article.warnings == ("decoding: UTF-8 with 1 stray bytes, read as Windows-1252",)
    # Legacy bytes that pair up as UTF-8 by chance ("ß“" is DF 93) stay in the declared charset.
    german = "„Das macht Spaß“, sagte der Trainer. „Größe zählt nicht“, sagte sein Kollege."
    assert clean(_declaring("windows-1252", german).encode("cp1252")).body == german


def test_the_declared_charset_is_read_as_a_browser_s_prescan_reads_it() -> None:
    # Not from a comment, nor from another meta tag's content: the first <meta> that declares.
    russian = "Городской совет во вторник проголосовал за план строительства нового моста."
    commented = _declaring("windows-1251", russian).replace(
        "<head>", '<head><!-- <meta charset="koi8-r"> --><meta name="x" content="charset=koi8-r">'
    )
    assert clean(commented.encode("cp1251")).body == russian
    equiv = commented.replace(
        '<meta charset="windows-1251">',
        '<meta content="text/html; charset=windows-1251" http-equiv=Content-Type>',
    )
    assert clean(equiv.encode("cp1251")).body == russian


def test_bytes_are_told_text_or_html_as_their_characters_are() -> None:
    # The bytes' sniff read a UTF-8 character as three and ISO-2022-JP's kanji 釈 as "<a": the
    # same document was HTML as a str and text as bytes (or the other way), cleaned apart.
    sentence = "市議会は火曜日、新しい橋の建設計画を承認した。"
    mixed = "橋の計画を承認\n\n" + sentence * 40 + "\n\n" + f"<p>{sentence}</p>\n" * 3
    bail = "保釈の決定について、裁判所は火曜日に発表した。保釈金は百万円とされた。\n\n" * 3
    for text, encoding in ((mixed, "utf-8"), (bail, "iso2022_jp")):
        as_str, as_bytes = clean(text), clean(text.encode(encoding))
        assert (as_bytes.kind, as_bytes.body) == (as_str.kind, as_str.body)
    assert clean(bail.encode("iso2022_jp")).kind == "text"


def test_iso_2022_jp_that_the_page_declares_is_no_guess() -> None:
    story = "市議会は火曜日、新しい橋の建設計画を承認した。議員らは、来年の春に工事が始まると述べた。"
    page = clean(_declaring("iso-2022-jp", story).encode("iso2022_jp"))
    assert page.body == story and page.warnings == ()
    guessed = clean(story.encode("iso2022_jp"))  # a text says nothing of its encoding
    assert guessed.body == story and "the detector's guess" in guessed.warnings[0]


def test_utf8_cut_inside_its_last_character_ends_in_one_replacement() -> None:
    # A crawl's byte limit: the rest is UTF-8, the last character's bytes are too few.
    story = "市議会は火曜日、新しい橋の建設計画を承認した。議員らは、来年の春に工事が始まると述べた。"
    for cut in (1, 2):
        article = clean(story.encode("utf-8")[:-cut])
        assert article.body == story[:-1] + "\ufffd"
        left = 3 - cut  # of the last character's three bytes
        assert article.warnings == (
            f"decoding: {left} bytes not in utf-8 read as U+FFFD (a character cut off at the "
            "end, or corrupt bytes)",
        )
    # A legacy text that ends in "é" (byte E9, a UTF-8 lead byte) is no UTF-8 cut short.
    assert clean("Voici le café".encode("cp1252")).body == "Voici le café"


def test_a_page_that_declares_utf8_and_is_windows_1252_is_read_as_windows_1252() -> None:
    # Read byte by byte as "UTF-8", its quotes were invisible C1 controls, unsaid (a second
    # reader's case): it is no UTF-8 with a few slips, and the detector reads it.
    said = "The mayor said “the bridge will open” after the vote on Tuesday, to loud applause."
    article = clean(_declaring("utf-8", said).encode("cp1252"))
    assert article.body == said and "the detector's guess" in article.warnings[0]


def test_legacy_text_ending_in_a_utf8_lead_byte_is_no_utf8_cut_short() -> None:
    # "ß“" pairs up as UTF-8 by chance, and "é" (E9) opens a three-byte UTF-8 character: read
    # as UTF-8 cut short, the text lost its last letter and its quote (a second reader's case).
    german = "Er sagte nur: Gruß“ und ging. Wir treffen uns dann im café"
    assert clean(german.encode("cp1252")).body == german
    assert clean(_declaring("windows-1252", german).encode("cp1252")).body == german
    katakana = _declaring("shift_jis", "テストの記事です。カタカナ: ﾃｽﾄ").removesuffix("</p>")
    assert decode(katakana.encode("cp932"), html=True).text == katakana


@pytest.mark.parametrize("codec, order", [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_its_byte_order_mark_is_named_with_what_to_do(codec: str, order: str) -> None:
    """UTF-16 without a BOM is not guessed (browsers do not), but it was called binary data."""
    story = "The council met on Tuesday and voted to close the bridge. " * 3
    with pytest.raises(DecodeError, match=f"UTF-16 \\({order}-endian\\).*decode\\('{codec}'\\)"):
        clean(story.encode(codec))
    assert clean(story.encode(codec).decode(codec)).body == story.strip()
    # Zeros in other patterns are no UTF-16: UTF-32, a buffer padded with zeros, a binary file.
    for other in (story.encode("utf-32-le"), story.encode() + bytes(4096), bytes(64)):
        with pytest.raises(DecodeError, match="binary data"):
            clean(other)
