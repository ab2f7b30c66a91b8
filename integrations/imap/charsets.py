"""Decoding mail bytes whose declared charset may be missing, unknown or wrong.

Never raises: undecodable bytes become U+FFFD. Declared single-byte Western
charsets are checked against UTF-8 first, because mail that says iso-8859-1 but
carries UTF-8 is common and decoding it as Latin-1 would "succeed" as mojibake.
"""

from __future__ import annotations

import codecs

# Supersets that real senders mean when they name the smaller charset.
_SUPERSETS = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "ascii",
    "iso-8859-8-i": "iso-8859-8",
    "utf8": "utf-8",
}
_WESTERN = {"ascii", "cp1252", "windows-1252", "iso-8859-15"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip('"').lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None) -> str:
    """The text of `data`, decoded by its declared charset when that is right."""
    codec = _codec(declared)
    if codec is None or codec in _WESTERN or codec == "cp1252":
        if not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        return data.decode(codec if codec and codec != "ascii" else "cp1252", errors="replace")
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    if codec != "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode(codec, errors="replace")
    return data.decode("cp1252", errors="replace")


def clean_surrogates(text: str) -> str:
    """Header text from raw 8-bit bytes arrives with surrogate escapes; decode them properly."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return decode_bytes(text.encode("utf-8", "surrogateescape"), None)
