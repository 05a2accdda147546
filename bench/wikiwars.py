"""WikiWars: 22 Wikipedia war narratives with gold time expressions, German (WikiWarsDE, inline TIMEX2,
``../shared/data/wikiwars-de/keyinline``) and English (TimeML TIMEX3, ``../shared/data/wikiwars-en/timeml``).

Both are read into the ``bench.krauts`` documents (offsets into the text with all tags removed). TIMEX2
has no type: the gold's type is left empty (the scores use extents and values only). Nested TIMEX2
(an expression inside another) count as expressions of their own, as the corpus annotates them.

The split: each file goes once, by a hash of its name fixed here, to the part developed on or to the
part only measured on (``part``); the same name gives the same part in both languages.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from bench.krauts import Document, Timex

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_TAG = re.compile(r"<(/?)(TIMEX[23])([^>]*)>")
_OTHER_TAG = re.compile(r"<[^>]*>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def part(name: str) -> str:
    """``dev`` or ``measured`` for a file, by the number of its name's stem ("01_WW2"): about one in
    three files is measured only."""
    stem = name.split(".")[0]
    digest = hashlib.sha256(f"wikiwars-split-1:{stem}".encode()).digest()
    return "measured" if digest[0] % 3 == 0 else "dev"


def _parse(raw: str, name: str, dct: str, value_attr: str) -> Document:
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    assert body, name
    src = body.group(1)
    text: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(src):
        chunk = html.unescape(_OTHER_TAG.sub("", src[pos : m.start()]))
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1) == "":
            stack.append((length, dict(_ATTR.findall(m.group(3)))))
        elif stack:
            start, attrs = stack.pop()
            if attrs.get("functionInDocument") != "CREATION_TIME":
                said = "".join(text)[start:length]
                timexes.append(Timex(start, length, said, attrs.get("type", ""), attrs.get(value_attr, "")))
    text.append(html.unescape(_OTHER_TAG.sub("", src[pos:])))
    full = "".join(text)
    # the English files repeat the document date in the text's header: that is no expression of the text
    timexes = [t for t in timexes if not (t.value == dct or t.value.startswith(dct + "T"))]
    return Document(name, dct[:10], full, tuple(sorted(timexes, key=lambda t: (t.start, -t.end))))


def read_de() -> dict[str, Document]:
    out = {}
    for p in sorted((DATA / "wikiwars-de" / "keyinline").glob("*.xml")):
        raw = p.read_text(encoding="utf-8")
        dct = re.search(r'<DATETIME>.*?val="([^"]+)"', raw, re.S)
        assert dct, p
        out[p.name] = _parse(raw, p.name, dct.group(1), "val")
    return out


def read_en() -> dict[str, Document]:
    out = {}
    for p in sorted((DATA / "wikiwars-en" / "timeml").glob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
        assert dct, p
        out[p.name] = _parse(raw, p.name, dct.group(1), "value")
    return out
