"""Bytes to text: any encoding decoded (with a warning where it is not UTF-8), line ends and Unicode
normalised, binary files refused, with the reason shown to the user."""

from __future__ import annotations

import codecs
import re
import unicodedata

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ReadError(Exception):
    """The file cannot be used; the message is the reason shown to the user."""


def decode(raw: bytes) -> tuple[str, str | None]:
    """Bytes → text. Returns the text and a warning when it was not plain UTF-8."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "decoded as UTF-16 (byte order mark)"
        except UnicodeDecodeError as exc:
            raise ReadError(f"not valid UTF-16 despite its byte order mark ({exc.reason})") from None
    if b"\x00" in raw:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    escaped = raw.decode("utf-8", errors="surrogateescape")  # a bad byte → a lone surrogate
    if any(ord(ch) > 0x7F and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in escaped):
        return _utf8_with_bad_bytes(raw, escaped)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte {where}); decoded as {encoding}, check the characters"
    raise ReadError("not decodable as text")  # pragma: no cover - latin-1 decodes every byte


def _utf8_with_bad_bytes(raw: bytes, escaped: str) -> tuple[str, str]:
    """UTF-8 text with a few invalid bytes (it has valid UTF-8 letters beside them): each bad byte becomes
    U+FFFD, the rest stays as written."""
    bad = [i for i, ch in enumerate(escaped) if 0xDC80 <= ord(ch) <= 0xDCFF]
    first = len(escaped[: bad[0]].encode("utf-8", errors="surrogateescape"))
    line = raw.count(b"\n", 0, first) + 1
    text = "".join("\ufffd" if 0xDC80 <= ord(ch) <= 0xDCFF else ch for ch in escaped)
    more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
    return text, f"not valid UTF-8 at byte {first} (line {line}){more}; read as UTF-8, each invalid byte shown as �"


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return CONTROL.sub(" ", text)


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t")
    return odd / len(sample) > 0.1
