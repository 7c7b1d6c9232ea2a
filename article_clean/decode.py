"""Bytes to text, with the encoding found and named: never a silent mojibake.

The order is the one browsers use: a byte-order mark wins, then for HTML the charset the page
declares (`<meta charset>`, `http-equiv`), then UTF-8 if the bytes are valid UTF-8, then a
detector (charset_normalizer, already a dependency of trafilatura). Bytes that none of them can
read, or can read only as noise, are a DecodeError.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from .errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_\-.]{1,40})""")
# Beyond this share of replacement-like noise, a detector's guess is not text.
_MAX_CHAOS = 0.3


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str  # "bom", "declared", "utf-8" or "detected"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if Python knows it."""
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            name = found.group(1).decode("ascii", "ignore")
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode `data`; DecodeError when it is not text in any encoding that could be found."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, "bom")
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"the bytes start with a {encoding} byte-order mark but are not {encoding}: {error}"
                ) from None
    if html:
        declared = declared_charset(data)
        if declared is not None:
            try:
                return Decoded(data.decode(declared), declared, "declared")
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: fall through to UTF-8 and detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("the bytes contain NUL characters: binary data, not text")
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeError("the bytes are not text in any encoding that could be detected")
    try:
        return Decoded(data.decode(best.encoding), best.encoding, "detected")
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodeError(f"the bytes do not decode as the detected {best.encoding}: {error}") from None
