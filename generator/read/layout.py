"""Where the parts of a text are: paragraphs and headings (Markdown ``#`` headings only in ``.md``
files), a plain-text headline, the dateline (places and source); and titles as plain text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.shorten import cut_at_word

TITLE_MAX = 120

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?:;,…]['\"»«“”’]?$")
# "Kleinau/Berlin (Reuters) -", "LONDON, Jan 7 (Reuters) -", "Berlin (dpa) –"
_DATELINE = re.compile(
    r"^(?P<places>[^\W\d_][\w.'’-]*(?:[ /][^\W\d_][\w.'’-]*){0,5})"
    r"(?:,(?P<when>[^()\n]{1,30}?))?\s*\((?P<source>[^()\n]{1,40})\)\s*[-–—]+\s*"
)


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    heading: bool


def split_blocks(body: str, markdown: bool) -> list[_Block]:
    """Paragraphs (separated by blank lines) and headings, as offsets into ``body``."""
    blocks: list[_Block] = []
    pos = 0
    pieces: list[tuple[int, int]] = []
    for m in _BLANK_LINES.finditer(body):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(body)))
    for start, end in pieces:
        if markdown:
            cursor = start
            for h in _MD_HEADING.finditer(body, start, end):
                _add_block(blocks, body, cursor, h.start(), heading=False)
                _add_block(blocks, body, h.start(2), h.end(2), heading=True)
                cursor = h.end()
            _add_block(blocks, body, cursor, end, heading=False)
        else:
            _add_block(blocks, body, start, end, heading=False)
    # A plain-text headline: one short line with no closing punctuation, in capitals or on top.
    out: list[_Block] = []
    for i, b in enumerate(blocks):
        text = body[b.start : b.end]
        if not b.heading and _is_headline(text, first=(i == 0 and len(blocks) > 1)):
            b = _Block(b.start, b.end, True)
        out.append(b)
    return out


def _add_block(blocks: list[_Block], body: str, start: int, end: int, heading: bool) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(_Block(start, end, heading))


def _is_headline(text: str, first: bool) -> bool:
    if "\n" in text or len(text) > 200 or _SENTENCE_END.search(text):
        return False
    if re.search(r"[.!?]\s+\S", text):  # a sentence inside: a paragraph, not a headline
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3 or len(text.split()) > 20:
        return False
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    return upper > 0.8 or first


def find_dateline(
    paragraph: str, function_words: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...], str] | None:
    """``Kleinau/Berlin (Reuters) - …`` → (dateline as written, places, source).

    A place never starts with a function word of the language ("Die Regierung (CDU) - …" is no dateline).
    """
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    places = tuple(p.strip() for p in m.group("places").split("/") if p.strip())
    if not places or not all(p[0].isupper() for p in places):
        return None
    if any(p.split()[0].casefold() in function_words for p in places):
        return None
    written = paragraph[: m.end()].rstrip(" -–—")
    return written, places, m.group("source").strip()


def plain_title(text: str, limit: int = TITLE_MAX) -> str:
    """One line of plain text, safe where a theme strips tags or decodes entities; at most ``limit`` characters."""
    text = " ".join(text.split())
    text = text.replace("<", "‹").replace(">", "›").replace("&", "+")
    return cut_at_word(text, limit)


_DAY_WORD = re.compile(r"[^\W\d_]+|\d+")


def dateline_day(dateline: str, months: Mapping[str, int]) -> tuple[int | None, int, int] | None:
    """The day a dateline gives after its places ("LONDON, Jan 7 (Reuters)", "Kleinau, 7. Januar 2023
    (dpa)"): (year or None, month, day), with the language's month names; None where it gives none."""
    m = _DATELINE.match(dateline + " -")
    when = m.group("when") if m else None
    if not when:
        return None
    month = day = year = None
    for word in _DAY_WORD.findall(when):
        if word.isdigit():
            if len(word) == 4 and year is None:
                year = int(word)
            elif len(word) <= 2 and day is None:
                day = int(word)
        elif month is None:
            month = months.get(word.casefold())
    if month is None or day is None:
        return None
    try:
        dt.date(year or 2000, month, day)  # a leap year: 29 February may stand without a year
    except ValueError:
        return None
    return year, month, day


def dateline_end(text: str) -> int:
    """Where the text after the dateline it starts with begins (0: no dateline)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def strip_dateline(text: str) -> str:
    """``text`` without the dateline it starts with."""
    return _DATELINE.sub("", text, count=1)
