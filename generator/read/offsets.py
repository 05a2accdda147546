"""Offsets in the source's own characters.

The reader works on a normalised text (line ends as ``\\n``, Unicode NFC, control characters as
spaces, no byte order mark). ``dossier analyse`` gives offsets into the file's text as written:
the characters of the decoded file (a byte order mark counted as one, a CR LF as two, a decomposed
umlaut as two), after the front matter. :class:`SourceMap` translates between the two.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.read.decoding import CONTROL, decode, normalise
from generator.read.frontmatter import split_front_matter

log = logging.getLogger(__name__)

_BOM = "\ufeff"


def _composes(before: str, ch: str) -> bool:
    """Whether NFC joins ``ch`` to the character before it (a combining mark, a Hangul vowel …)."""
    if unicodedata.combining(ch):
        return True
    pair = before + ch
    return unicodedata.normalize("NFC", pair) != unicodedata.normalize("NFC", before) + unicodedata.normalize("NFC", ch)


@dataclass(frozen=True)
class SourceMap:
    """For each character of the normalised text, where its group of source characters starts and ends."""

    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def build(cls, source: str) -> SourceMap:
        """``source``: the decoded file (with its byte order mark, if it has one)."""
        starts: list[int] = []
        ends: list[int] = []
        i, n = (1 if source.startswith(_BOM) else 0), len(source)
        while i < n:
            j = i + (2 if source.startswith("\r\n", i) else 1)
            while j < n and source[j] not in "\r\n" and _composes(source[j - 1], source[j]):
                j += 1
            group = source[i:j].replace("\r\n", "\n").replace("\r", "\n")
            out = CONTROL.sub(" ", unicodedata.normalize("NFC", group))
            starts.extend([i] * len(out))
            ends.extend([j] * len(out))
            i = j
        return cls(source, tuple(starts), tuple(ends))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the normalised span ``start:end``."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.source)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.source[s:e]


def source_text(raw: bytes) -> str:
    """The file's text as decoded, its byte order mark kept as a character."""
    text, _ = decode(raw)
    bom = raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return _BOM + text if bom else text


def to_source(record: dict[str, Any], raw: bytes) -> dict[str, Any]:
    """A ``dossier analyse`` record with every offset into the file's own text after the front matter,
    and every ``text`` that text's slice (the normalised body's offsets otherwise)."""
    source = source_text(raw)
    normalised = normalise(decode(raw)[0])
    smap = SourceMap.build(source)
    if len(smap.starts) != len(normalised):  # pragma: no cover - a normalisation the map does not follow
        log.warning("%s: offsets are into the normalised text", record.get("file"))
        return record
    _, _, body = split_front_matter(normalised)
    base = 0 if body == 0 else smap.starts[body] if body < len(smap.starts) else len(source)
    out = dict(record)
    for key, items in record.items():
        if not isinstance(items, list):
            continue
        mapped = []
        for item in items:
            item = dict(item)
            for s_key, e_key in (("start", "end"), ("speaker_start", "speaker_end")):
                if isinstance(item.get(s_key), int) and isinstance(item.get(e_key), int):
                    s, e = smap.span(item[s_key] + body, item[e_key] + body)
                    item[s_key], item[e_key] = s - base, e - base
            if "text" in item and isinstance(item.get("start"), int):
                item["text"] = source[base + item["start"] : base + item["end"]]
            mapped.append(item)
        out[key] = mapped
    return out
