"""KRAUTS Dolomiten-42 (../shared/data/krauts-dolomiten42): TimeML reading and temporal-tagging scores.

For a system's TIMEX3 list against the gold one: strict extent P/R/F1 (same start and end), relaxed
extent P/R/F1 (overlap, each gold and system expression matched once), and value accuracy on the
relaxed matches (the TIMEX3 value equal). Offsets are into the document text with all tags removed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "krauts-dolomiten42"
_TAG = re.compile(r"<(/?)TIMEX3([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: str
    text: str
    timexes: tuple[Timex, ...]


def parse(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    assert dct and body, path
    src = body.group(1)
    text: list[str] = []
    timexes: list[Timex] = []
    pos = 0
    length = 0
    open_attrs: dict[str, str] | None = None
    open_start = 0
    for m in _TAG.finditer(src):
        chunk = html.unescape(src[pos : m.start()])
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1) == "":
            open_attrs = dict(_ATTR.findall(m.group(2)))
            open_start = length
        elif open_attrs is not None:
            t = "".join(text)[open_start:length]
            timexes.append(Timex(open_start, length, t, open_attrs.get("type", ""), open_attrs.get("value", "")))
            open_attrs = None
    text.append(html.unescape(src[pos:]))
    return Document(path.name, dct.group(1), "".join(text), tuple(timexes))


def read(folder: str) -> dict[str, Document]:
    return {p.name: parse(p) for p in sorted((DATA / folder).glob("*.tml"))}


ADJUDICATED = Path(__file__).resolve().parent / "krauts-adjudicated.yaml"


def adjudicated(gold: dict[str, Document]) -> tuple[dict[str, Document], int]:
    """The gold with the values of ``krauts-adjudicated.yaml`` replaced (each entry's text and gold value
    checked first), and how many were replaced."""
    import yaml  # the bench's only use of it

    entries = yaml.safe_load(ADJUDICATED.read_text(encoding="utf-8"))
    fixes = {(e["file"], int(e["start"])): e for e in entries}
    out: dict[str, Document] = {}
    for name, doc in gold.items():
        timexes = []
        for t in doc.timexes:
            e = fixes.pop((name, t.start), None)
            if e is not None:
                assert (t.text, t.value) == (e["text"], e["gold"]), (name, t, e)
                t = Timex(t.start, t.end, t.text, t.type, e["value"])
            timexes.append(t)
        out[name] = Document(doc.name, doc.dct, doc.text, tuple(timexes))
    assert not fixes, f"adjudications that match no gold expression: {sorted(fixes)}"
    return out, len(entries)


_CLOCK_VALUE = re.compile(r"T(\d{1,2})[.:](\d{2})")


def normal_value(value: str) -> str:
    """One notation for clock times: the gold writes "T8:30", "T08:30" and "T19.30" alike."""
    return _CLOCK_VALUE.sub(lambda m: f"T{int(m.group(1)):02d}:{m.group(2)}", value)


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    value_ok_normal: int = 0

    def add(self, gold: tuple[Timex, ...] | list[Timex], system: tuple[Timex, ...] | list[Timex]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        self.strict += len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system})
        used: set[int] = set()
        for g in gold:
            for k, s in enumerate(system):
                if k not in used and s.start < g.end and g.start < s.end:
                    used.add(k)
                    self.relaxed += 1
                    self.value_ok += s.value == g.value
                    self.value_ok_normal += normal_value(s.value) == normal_value(g.value)
                    break

    @staticmethod
    def _f(hit: int, sys_n: int, gold_n: int) -> tuple[float, float, float]:
        p = hit / sys_n if sys_n else 0.0
        r = hit / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, name: str) -> str:
        sp, sr, sf = self._f(self.strict, self.system, self.gold)
        rp, rr, rf = self._f(self.relaxed, self.system, self.gold)
        acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        acc_n = self.value_ok_normal / self.relaxed if self.relaxed else 0.0
        return (
            f"| {name} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {rp:.3f} | {rr:.3f} | {rf:.3f} | {acc:.3f} | {acc_n:.3f} "
            f"| {self.system} |"
        )


HEADER = (
    "| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc. | value acc. "
    "(clock notation unified) | found |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)
