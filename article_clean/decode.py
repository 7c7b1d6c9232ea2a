"""Bytes to text, with the encoding found and named: never a silent mojibake.

A byte-order mark wins. Then ISO-2022-JP by its escapes (seven-bit bytes, valid UTF-8 too). Then
valid UTF-8 is UTF-8, even where a page declares otherwise: text in a legacy encoding is almost
never valid UTF-8 by chance, while pages that declare latin-1 and send UTF-8 are common; and so
is UTF-8 with a few stray Windows-1252 bytes (a pasted quote; reported, so the caller can warn).
Then, for HTML, the charset the page declares (`<meta charset>`, `http-equiv`, found as a
browser's prescan finds it: not in a comment), if it is one a browser knows; then a detector.
Bytes that none of them can read, or can read only as noise, are a DecodeError. Where a page
has a byte-order mark or a declared charset and a few bytes outside it (a page cut off inside a
character), those bytes are read as U+FFFD, as a browser shows them, and counted.

The detector is two: charset_normalizer (already trafilatura's) says whether the bytes are text
at all, and chardetng, the detector Firefox runs on pages that declare no charset, says which
legacy encoding they are in. charset_normalizer's measure of noise cannot tell Windows-1252 from
-1250 or -1258 in French or Swedish ("crčme ŕ la française"); chardetng weighs the letter pairs
of each language's script, and the country a page comes from, as a browser does.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

import chardetng_py
import webencodings
from charset_normalizer import from_bytes

from .document import domain_of
from .errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The head's <meta> tags as a browser's prescan reads them: outside comments, attribute by
# attribute (a "charset=" inside a description's content declares nothing).
_COMMENTED = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)
_META_TAG = re.compile(rb"<meta(?=[\s/])[^>]{0,1000}", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_CHARSET_IN_CONTENT = re.compile(rb"""charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{1,40})""", re.I)
_CHARSET_NAME = re.compile(rb"\s*([a-zA-Z0-9_\-:.]{1,40})")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_\-.]{1,40})""")
# WHATWG labels that no story is written in: "replacement" (ISO-2022-KR and kin, which a browser
# shows as one U+FFFD) and "x-user-defined" (bytes smuggled as characters).
_NO_PAGE_ENCODINGS = ("replacement", "x-user-defined")
# Beyond this share of replacement-like noise, a detector's guess is not text.
_MAX_CHAOS = 0.3
_DETECTED_BYTES = 1_000_000  # enough of a page to tell its encoding; the detectors read no more
# The codecs the WHATWG Encoding Standard decodes these with: supersets of Python's namesakes
# ("gbk" with the gb18030 decoder; webencodings before 0.6 gives the namesakes).
_SUPERSETS = {"gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs"}
# ISO-2022-JP's escapes into JIS X 0208 (ESC $ @, ESC $ B) and back to ASCII (ESC ( B, ESC ( J):
# ASCII bytes that are Japanese text. Its "_ext" codec also reads half-width katakana (ESC ( I).
_ISO_2022_JP_IN = re.compile(rb"\x1b\$[@B]")
_ISO_2022_JP_OUT = re.compile(rb"\x1b\([BJ]")
_ISO_2022_JP = "iso2022_jp_ext"
# The legacy encodings web pages use (the WHATWG Encoding Standard's list, without the rare Mac
# ones): the detector chooses among these, not among DOS code pages no page is written in. The
# CJK ones as the Standard decodes them: Windows-932 for Shift_JIS ("①"), Windows-949 for
# EUC-KR, Big5-HKSCS for Big5 (the namesakes refuse such pages as no text at all).
WEB_ENCODINGS = [
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "cp874",
    "cp866",
    "iso8859_2",
    "iso8859_4",
    "iso8859_5",
    "iso8859_6",
    "iso8859_7",
    "iso8859_8",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "koi8_r",
    "koi8_u",
    "gb18030",
    "big5hkscs",
    "euc_jp",
    "iso2022_jp",
    "cp932",
    "cp949",
    "utf_16",
]


_STRAY = re.compile("[\udc80-\udcff]+")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str  # "bom", "declared", "utf-8", "cut" (UTF-8 cut in a character), "mixed", "detected"
    stray_bytes: int = 0  # with "mixed": bytes that were not UTF-8, read as Windows-1252
    ignored_charset: str | None = None  # a declared charset no browser knows, not trusted
    replaced: int = 0  # with "bom" or "declared": bytes not in the encoding, read as U+FFFD


def _stray_as_cp1252(run: re.Match[str]) -> str:
    raw = bytes(ord(ch) - 0xDC00 for ch in run.group())
    return "".join(
        chr(byte).encode("latin-1").decode("cp1252", "strict")
        if byte not in _CP1252_HOLES
        else chr(byte)
        for byte in raw
    )


_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _mixed_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray single-byte characters (a Windows-1252 quote pasted into a UTF-8
    page): the UTF-8 read as UTF-8 and each stray byte as Windows-1252, as browsers show it."""
    if not _UTF8_MULTIBYTE.search(data):
        return None
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(len(run) for run in _STRAY.findall(text))
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if stray > 0.2 * non_ascii:
        return None  # more stray bytes than a few pasted characters: not UTF-8 at heart
    return Decoded(_STRAY.sub(_stray_as_cp1252, text), "utf-8", "mixed", stray)


def declared_charset(data: bytes) -> tuple[str | None, str | None]:
    """The Python codec of the charset an HTML or XML document declares in its first bytes, and
    the declared name that was ignored, if any.

    A declared name counts only if it is a label of the WHATWG Encoding Standard (webencodings):
    what a browser knows. Python's own codecs that no page is written in (unicode_escape, idna,
    punycode, palmos...) and unknown names are ignored, as browsers ignore them, and named so
    the caller can warn. A DecodeError when the name is one of Python's codecs that are no text
    encoding (hex, base64, rot13, zlib...): such a page cannot be read as it says. UTF-16 is
    ignored without a word, as browsers ignore it: a declaration read as ASCII is not in it.
    """
    head = data[:4096]
    ignored = None
    xml = _XML_ENCODING.search(head)
    for raw in (xml.group(1) if xml else None, _meta_charset(head)):
        if raw is None:
            continue
        name = raw.decode("ascii", "ignore")
        try:
            is_text = getattr(codecs.lookup(name), "_is_text_encoding", True)
        except LookupError:
            is_text = True
        if not is_text:
            raise DecodeError(f"the page declares charset {name!r}, which is not a text encoding")
        encoding = webencodings.lookup(name)
        if encoding is None or encoding.name in _NO_PAGE_ENCODINGS:
            ignored = ignored or name
        elif not encoding.name.startswith("utf-16"):
            return encoding.codec_info.name, ignored
    return None, ignored


def _meta_charset(head: bytes) -> bytes | None:
    """The charset the first <meta> that declares one names: by its `charset` attribute, or
    by the content of an `http-equiv="content-type"` one."""
    for tag in _META_TAG.finditer(_COMMENTED.sub(b"", head)):
        attributes: dict[bytes, bytes] = {}
        for found in _ATTRIBUTE.finditer(tag.group(), len(b"<meta")):
            name = found.group(1).lower()
            attributes.setdefault(name, found.group(2) or found.group(3) or found.group(4) or b"")
        charset = _CHARSET_NAME.match(attributes.get(b"charset", b""))
        if charset is not None:
            return charset.group(1)
        if attributes.get(b"http-equiv", b"").strip().lower() == b"content-type":
            declared = _CHARSET_IN_CONTENT.search(attributes.get(b"content", b""))
            if declared is not None:
                return declared.group(1)
    return None


def head_for_sniffing(data: bytes, limit: int) -> str:
    """The first `limit` bytes as characters, enough to tell markup from prose: in the encoding
    of their byte-order mark (in UTF-16, "<html>" is "<\\x00h\\x00..." read byte by byte), else
    byte by byte, which any encoding of ASCII markup survives."""
    head = data[:limit]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "ignore")  # "ignore": a character cut off
    return head.decode("latin-1")


def decode(data: bytes, *, html: bool = False, url: str | None = None) -> Decoded:
    """Decode `data`; DecodeError when it is not text in any encoding that could be found.

    `url`: where the bytes come from. Its country's domain breaks the detector's ties (a
    Hungarian page in Windows-1250 reads much like Windows-1252), as a browser's does."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding, "bom")
            except UnicodeDecodeError as error:
                mended = _with_few_replaced(body, encoding, "bom")
                if mended is None:
                    raise DecodeError(
                        f"the bytes start with a {encoding} byte-order mark but are not "
                        f"{encoding}: {error}"
                    ) from None
                return mended
    head = data[:_DETECTED_BYTES]
    if _ISO_2022_JP_IN.search(head) and _ISO_2022_JP_OUT.search(head) and data.isascii():
        try:  # seven bits, so valid UTF-8 too; but its escapes say what it is
            text = data.decode(_ISO_2022_JP)
        except UnicodeDecodeError:
            pass
        else:  # a guess only where the page does not say so itself
            said = html and (declared_charset(data)[0] or "").startswith("iso2022_jp")
            return Decoded(text, _ISO_2022_JP, "declared" if said else "detected")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    declared, ignored = declared_charset(data) if html else (None, None)
    if declared in (None, "utf-8"):
        cut = _cut_utf8(data)
        if cut is not None:
            return replace(cut, ignored_charset=ignored)
    if declared is not None:
        mended = _as_declared(data, declared)
        if mended is not None:
            return replace(mended, ignored_charset=ignored)
    return replace(_undeclared(data, top_level_domain(url)), ignored_charset=ignored)


def _utf8_characters(data: bytes, end: int | None = None) -> int:
    """How many UTF-8 characters beyond ASCII `data` holds (up to `end`), counted, not listed."""
    return sum(1 for _ in _UTF8_MULTIBYTE.finditer(data, 0, len(data) if end is None else end))


def _cut_utf8(data: bytes) -> Decoded | None:
    """UTF-8 that a crawl's byte limit cut inside its last character, its bytes read as U+FFFD:
    where the rest is UTF-8 and holds four of its characters for each byte cut off (legacy text
    ending in "é", byte E9, pairs up as UTF-8 by chance far less: "Gruß“" is one pair)."""
    cut = _cut_character(data)
    if not cut or _utf8_characters(data, len(data) - cut) < 4 * cut:
        return None
    try:
        text = data[:-cut].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text + "\ufffd", "utf-8", "cut", replaced=cut)


_LEADS = {2: (0xC2, 0xDF), 3: (0xE0, 0xEF), 4: (0xF0, 0xF4)}  # a UTF-8 lead byte's length


def _cut_character(data: bytes) -> int:
    """The bytes of a UTF-8 character cut off at the end of `data` (its lead byte and fewer
    continuation bytes than it needs), or 0."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if 0x80 <= byte <= 0xBF:
            continue  # a continuation byte: the lead is further back
        needs = next((n for n, (low, high) in _LEADS.items() if low <= byte <= high), 0)
        return back if back < needs else 0
    return 0


def _as_declared(data: bytes, declared: str) -> Decoded | None:
    """`data` (not valid UTF-8) in the charset it declares, or None where it is not in it.

    UTF-8 with a few stray Windows-1252 bytes (a pasted quote) comes first: a page that says
    it is Latin-1 or any legacy encoding would make every accent of it mojibake, and one that
    says UTF-8 shows the quote. A page cut off inside a character, or with a few corrupt bytes,
    is read as a browser shows it, with U+FFFD there: in UTF-8, where the page holds enough of
    its characters to be UTF-8 at heart (else the detector reads the legacy text it is)."""
    mixed = _mixed_utf8(data)
    # (Legacy bytes that pair up as UTF-8 by chance pair up far fewer.)
    if mixed is not None and (
        declared == "utf-8" or _utf8_characters(data) >= 4 * mixed.stray_bytes
    ):
        return mixed
    if declared == "utf-8":
        mended = _with_few_replaced(data, declared, "declared")
        if mended is not None and _utf8_characters(data) >= 4 * mended.replaced:
            return mended
        return None
    try:
        return Decoded(_as_browsers_read(data, declared), declared, "declared")
    except UnicodeDecodeError:
        return _with_few_replaced(data, declared, "declared")


# Runs of bytes outside a page's encoding, and their share of its bytes, that are a cut or a
# slip (a character cut off at the end, a corrupt byte or two), not a lie.
_FEW_REPLACED = 8
_FEW_REPLACED_SHARE = 0.01


def _with_few_replaced(data: bytes, encoding: str, how: str) -> Decoded | None:
    """`data` in `encoding` with each run of bytes not in it read as U+FFFD, where they are
    few; None where they are more."""
    allowed = max(1, int(len(data) * _FEW_REPLACED_SHARE))
    parts: list[str] = []
    bad = start = 0
    for _ in range(_FEW_REPLACED + 1):
        try:
            parts.append(data[start:].decode(encoding))
        except UnicodeDecodeError as error:
            parts.extend((data[start : start + error.start].decode(encoding), "\ufffd"))
            bad += error.end - error.start
            start += error.end
            if bad > allowed:
                return None
        else:
            return Decoded("".join(parts), encoding, how, replaced=bad)
    return None


_DNS_LABEL = re.compile(r"[a-z0-9-]{1,63}")


def top_level_domain(url: str | None) -> bytes | None:
    """The last label of the URL's host, as chardetng takes it (lower case ASCII, Punycode for
    an internationalised name); None where the URL has no such host."""
    host = domain_of(url)
    try:
        label = (host or "").rstrip(".").rsplit(".", 1)[-1].encode("idna").decode("ascii")
    except UnicodeError:  # a label idna refuses
        return None
    label = label.lower()
    return label.encode("ascii") if _DNS_LABEL.fullmatch(label) else None


_UTF16_SHARE = 0.9  # of the byte pairs: text of Latin letters in UTF-16, a zero and a letter


def _nul_bytes(head: bytes) -> str:
    """Why bytes with NULs are refused, and what to do: UTF-16 text without its byte-order mark
    (nearly every pair of bytes a zero and a letter, the zero first or last) is named as such;
    anything else (UTF-32, zeros that pad a buffer, a binary file) is binary data. UTF-16 is
    not guessed: neither browsers nor the detectors do so."""
    pairs = [head[i : i + 2] for i in range(0, len(head) - 1, 2)]
    for order, letter_at in (("little", 0), ("big", 1)):
        letters = sum(1 for pair in pairs if pair[1 - letter_at] == 0 and pair[letter_at] > 0)
        if len(pairs) >= 4 and letters >= _UTF16_SHARE * len(pairs):
            return (
                f"the bytes look like UTF-16 ({order}-endian) without a byte-order mark: decode "
                f"them (data.decode('utf-16-{order[0]}e')) and pass the str"
            )
    return "the bytes contain NUL characters: binary data, not text"


def _undeclared(data: bytes, tld: bytes | None = None) -> Decoded:
    """Bytes with no usable declaration: UTF-8 with stray bytes, or the detectors' guess."""
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError(_nul_bytes(data[:4096]))
    head = data[:_DETECTED_BYTES]
    best = from_bytes(head, cp_isolation=WEB_ENCODINGS).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeError(
            "the bytes are not text in any encoding that could be detected (if they are, "
            "decode them and pass the str)"
        )
    guess = chardetng_py.detect(head, allow_utf8=False, tld=tld)
    found = webencodings.lookup(guess)
    encoding = found.codec_info.name if found is not None else guess  # "cp874": Python's name
    encoding = _SUPERSETS.get(encoding, encoding)
    try:
        text = _as_browsers_read(data, encoding)
    except (UnicodeDecodeError, LookupError):
        pass  # a guess from the first megabyte that the rest belies: the other detector's
    else:
        western = None if encoding == _WESTERN else _western_reading(data, text)
        if western is not None:
            return Decoded(western, _WESTERN, "detected")
        return Decoded(text, encoding, "detected")
    try:
        return Decoded(data.decode(best.encoding), best.encoding, "detected")
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodeError(
            f"the bytes do not decode as the detected {best.encoding}: {error}"
        ) from None


_UNMAPPED = re.compile("[\udc80-\udcff]")


def _as_browsers_read(data: bytes, encoding: str) -> str:
    """`data` in a single-byte `encoding`, a byte it leaves unmapped read as the code point of
    its value (0x81 as U+0081), as browsers read Windows-1252: one such byte in a French page
    does not make the page Windows-1257. Multi-byte encodings decode strictly."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if not _single_byte(encoding):
            raise  # a multi-byte encoding: the bytes are not in it
    text = data.decode(encoding, "surrogateescape")
    return _UNMAPPED.sub(lambda byte: chr(ord(byte.group()) - 0xDC00), text)


@functools.cache
def _single_byte(encoding: str) -> bool:
    """Whether `encoding` reads each byte as one character, mapping most of the high ones (a
    few left unmapped, as Windows-1252 leaves 0x81): UTF-8 and ISO-2022-JP read each byte they
    refuse as one character too, and leave all the high ones unmapped."""
    read = bytes(range(256)).decode(encoding, "surrogateescape")
    return len(read) == 256 and len(_UNMAPPED.findall(read)) < _MOST_HIGH_BYTES


_MOST_HIGH_BYTES = 64  # of the 128 high bytes: windows-874 leaves 9 unmapped, UTF-8 all


_WESTERN = "cp1252"  # the web's default legacy encoding, which browsers fall back to
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _western_reading(data: bytes, text: str) -> str | None:
    """`data` read as Windows-1252, where that reading makes more words of the single-byte
    text the detector read: the detector's reading strands a lone letter where Windows-1252
    reads a symbol or figure (chardetng reads "£25" in an English price as the Polish "Ł25")
    more often than it reads a letter inside a word where Windows-1252 reads a symbol ("koło",
    "ko³o"). Letters make words; symbols stand between them."""
    if len(text) != len(data):
        return None  # a multi-byte reading: no character-for-character comparison
    western = _as_browsers_read(data, _WESTERN)
    stranded = inside = 0
    for byte in _HIGH_BYTE.finditer(data, 0, _DETECTED_BYTES):
        at = byte.start()
        if not (_is_letter(text[at]) and _is_symbol(western[at])):
            continue
        before = at > 0 and _in_word(text[at - 1])
        after = at + 1 < len(text) and _in_word(text[at + 1])
        stranded += not before and not after
        inside += before and after
    return western if stranded > inside else None


def _is_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L")


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char)[0] in "SPN"


def _in_word(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def refuse_nul(text: str, *, from_bytes: bool) -> None:
    """One rule for str and bytes alike: text holding a NUL character is binary data, never
    text, so it is refused (DecodeError for bytes, InputError for a str), not cleaned into a
    body with NULs in it. UTF-16 and UTF-32 bytes are decoded first, so their zero bytes pass."""
    at = text.find("\x00")
    if at >= 0:
        binary = f"the input holds a NUL character (at offset {at}): binary data, not text"
        if from_bytes:  # read as UTF-8, UTF-16 text of Latin letters is valid: say what it is
            utf16 = _nul_bytes(text[:4096].encode("latin-1", "replace"))
            raise DecodeError(utf16 if "UTF-16" in utf16 else binary)
        raise InputError(binary)
