"""Charts drawn at build time as HTML in the page (no picture, no script): their text is the page's
own, so it wraps to the column's width, stays at the page's type size (at least 12 px), can be
selected and found, and every mark is a link to the sentence it comes from. All text is escaped;
links arrive escaped (:func:`generator.render.markup.href`).

``bar_chart``: rows of horizontal bars, each bar a link, its value as written and its source in
words under it (no legend to decode). The comparison chart scales bars within their row, so agreeing
sources show equal bars and a conflict shows at once; a development scales them over the whole chart.
``timeline_chart``: a vertical line of events, a filled dot where several sources agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.markup import esc

COLOURS = ("#3f51b5", "#e65100", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457")
VAGUE_WIDTH = 3.0  # per cent: a vague amount ("Dutzende") is drawn as a pale stub


@dataclass(frozen=True)
class Bar:
    source: str
    value: float | None  # None: a vague amount, drawn as a pale stub
    label: str  # the value as written
    href: str = ""  # the evidence sentence (escaped already)
    sentence: str = ""  # the sentence, shown on hover


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]
    conflict: bool


def bar_chart(rows: Sequence[Row], title: str, conflict_label: str, scale_by_row: bool = True) -> str:
    """The rows as an HTML figure; ``title`` names it for screen readers."""
    sources = sorted({b.source for r in rows for b in r.bars})
    colour = {s: COLOURS[i % len(COLOURS)] for i, s in enumerate(sources)}
    overall = max((b.value for r in rows for b in r.bars if b.value is not None), default=0.0) or 1.0
    out = [f'<div class="dossier-chart dossier-bars" role="figure" aria-label="{esc(title)}" data-search-exclude>']
    for row in rows:
        top = (max((b.value for b in row.bars if b.value is not None), default=0.0) or 1.0) if scale_by_row else overall
        conflict = f' <strong class="dossier-conflict">{esc(conflict_label)}</strong>' if row.conflict else ""
        label = esc(row.label) + conflict
        out.append(f'<div class="dossier-bar-row"><div class="dossier-bar-label">{label}</div>')
        for bar in row.bars:
            width = 100 * bar.value / top if bar.value is not None else VAGUE_WIDTH
            vague = "" if bar.value is not None else " dossier-vague"
            hover = f' title="{esc(bar.sentence)}"' if bar.sentence else ""
            out.append(
                f'<a class="dossier-bar{vague}" href="{bar.href}"{hover}>'
                f'<span class="dossier-bar-fill" style="width:{max(width, 0.5):.1f}%;'
                f'background-color:{colour[bar.source]}"></span>'
                f'<span class="dossier-bar-text">{esc(bar.label)} <small>· {esc(bar.source)}</small></span></a>'
            )
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Point:
    date_label: str
    text: str
    sources: int
    href: str = ""  # the first sentence that reports it (escaped already)
    sentence: str = ""


def timeline_chart(points: Sequence[Point], title: str, legend: tuple[str, str]) -> str:
    """A vertical timeline: one entry per event in date order, its dot a link to the sentence."""
    out = [f'<div class="dossier-chart dossier-tl" role="figure" aria-label="{esc(title)}" data-search-exclude>']
    out.append(
        '<p class="dossier-tl-legend"><span class="dossier-tl-dot dossier-several"></span> '
        f'{esc(legend[0])} <span class="dossier-tl-dot"></span> {esc(legend[1])}</p>'
    )
    out.append("<ol>")
    previous = None
    for p in points:
        several = " dossier-several" if p.sources > 1 else ""
        date = f'<span class="dossier-tl-date">{esc(p.date_label)}</span>' if p.date_label != previous else ""
        previous = p.date_label
        hover = f' title="{esc(p.sentence)}"' if p.sentence else ""
        out.append(
            f'<li>{date}<a class="dossier-tl-event" href="{p.href}"{hover}>'
            f'<span class="dossier-tl-dot{several}"></span>{esc(p.text)}</a></li>'
        )
    out.append("</ol>\n</div>")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Step:
    date_label: str
    value: float | None
    label: str  # the value as written
    source: str
    href: str = ""
    sentence: str = ""


def development_chart(steps: Sequence[Step], title: str) -> str:
    """A figure over time: one row per report in time order (its date), one bar per report, all
    bars on one scale."""
    rows = [Row(s.date_label, (Bar(s.source, s.value, s.label, s.href, s.sentence),), False) for s in steps]
    return bar_chart(rows, title, "", scale_by_row=False)
