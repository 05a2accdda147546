"""Static SVG charts drawn at build time (shown through ``<img>``; all text escaped).

``comparison_svg``: the figures several sources report, one row per figure, a bar per source.
Bars are scaled within their row, so agreeing sources show equal bars and a conflict shows at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from generator.shorten import cut_at_word

ROW_GAP = 18
BAR_HEIGHT = 16
LABEL_WIDTH = 260
BAR_WIDTH = 300
WIDTH = LABEL_WIDTH + BAR_WIDTH + 300
COLOURS = ("#3f51b5", "#e65100", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457")


@dataclass(frozen=True)
class Bar:
    source: str
    value: float | None  # None: a vague amount, drawn as a hatched stub
    label: str  # the value as written


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]
    conflict: bool


def comparison_svg(rows: Sequence[Row], title: str, conflict_label: str) -> str:
    sources = sorted({b.source for r in rows for b in r.bars})
    colour = {s: COLOURS[i % len(COLOURS)] for i, s in enumerate(sources)}
    height = 40 + sum(len(r.bars) * (BAR_HEIGHT + 2) + ROW_GAP for r in rows) + 22 * len(sources)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    y = 20
    for row in rows:
        top = max((b.value for b in row.bars if b.value is not None), default=0.0) or 1.0
        label_y = y + BAR_HEIGHT - 3
        weight = ' font-weight="bold" fill="#b71c1c"' if row.conflict else ' fill="#212121"'
        text = row.label + (f" ({conflict_label})" if row.conflict else "")
        parts.append(f'<text x="0" y="{label_y}" font-family="sans-serif" font-size="13"{weight}>{escape(text)}</text>')
        for bar in row.bars:
            width = BAR_WIDTH * (bar.value / top) if bar.value is not None else 12.0
            fill = colour[bar.source]
            opacity = "1" if bar.value is not None else "0.35"
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{fill}" fill-opacity="{opacity}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT - 3}" font-family="sans-serif" '
                f'font-size="12" fill="#212121">{escape(bar.label)}</text>'
            )
            y += BAR_HEIGHT + 2
        y += ROW_GAP
    for s in sources:  # the legend, one source a line
        parts.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{colour[s]}"/>')
        parts.append(f'<text x="18" y="{y + 11}" font-family="sans-serif" font-size="12">{escape(s)}</text>')
        y += 22
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


@dataclass(frozen=True)
class Point:
    date_label: str
    text: str
    sources: int


def timeline_svg(points: Sequence[Point], title: str, legend: tuple[str, str]) -> str:
    """A vertical timeline: one row per event in date order, a filled dot where several sources agree."""
    row = 26
    height = 30 + row * len(points) + 40
    # the dates stand left of the axis, right-aligned: room for the longest (about 6.6 px a character
    # at 12 px sans-serif), so that "8. Januar 2006, 11:34 Uhr" is not cut at the edge
    longest = max((len(p.date_label) for p in points), default=0)
    axis = max(150, round(6.6 * longest) + 24)
    width = 750 + axis
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<line x1="{axis}" y1="16" x2="{axis}" y2="{20 + row * len(points)}" stroke="#9e9e9e" stroke-width="2"/>',
    ]
    previous = None
    for k, p in enumerate(points):
        y = 24 + row * k
        if p.date_label != previous:
            parts.append(
                f'<text x="{axis - 14}" y="{y + 4}" font-family="sans-serif" font-size="12" text-anchor="end" '
                f'fill="#212121">{escape(p.date_label)}</text>'
            )
            previous = p.date_label
        several = p.sources > 1
        fill = "#3f51b5" if several else "#ffffff"
        parts.append(f'<circle cx="{axis}" cy="{y}" r="6" fill="{fill}" stroke="#3f51b5" stroke-width="2"/>')
        text = cut_at_word(p.text, 95)
        parts.append(
            f'<text x="{axis + 14}" y="{y + 4}" font-family="sans-serif" font-size="12" fill="#212121">'
            f"{escape(text)}</text>"
        )
    y = 30 + row * len(points)
    parts.append(f'<circle cx="16" cy="{y}" r="6" fill="#3f51b5" stroke="#3f51b5" stroke-width="2"/>')
    parts.append(f'<text x="28" y="{y + 4}" font-family="sans-serif" font-size="12">{escape(legend[0])}</text>')
    parts.append(f'<circle cx="316" cy="{y}" r="6" fill="#ffffff" stroke="#3f51b5" stroke-width="2"/>')
    parts.append(f'<text x="328" y="{y + 4}" font-family="sans-serif" font-size="12">{escape(legend[1])}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


@dataclass(frozen=True)
class Step:
    date_label: str
    value: float | None
    label: str  # the value as written
    source: str


def development_svg(steps: Sequence[Step], title: str) -> str:
    """A figure over time: one column per report in time order, its value as a bar (a vague amount
    as a hatched stub), the value as written above it and the date and source below."""
    col, bar_max, top = 150, 140, 40
    width = 40 + col * len(steps)
    height = top + bar_max + 60
    highest = max((s.value for s in steps if s.value is not None), default=0.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<line x1="20" y1="{top + bar_max}" x2="{width - 20}" y2="{top + bar_max}" stroke="#9e9e9e"/>',
    ]
    for k, s in enumerate(steps):
        x = 20 + col * k + 30
        h = bar_max * (s.value / highest) if s.value is not None else 12.0
        y = top + bar_max - h
        fill = COLOURS[0] if s.value is not None else "#bdbdbd"
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{col - 60}" height="{h:.1f}" fill="{fill}"/>')
        mid = x + (col - 60) / 2
        for dy, text, size in (
            (y - 8, cut_at_word(s.label, 22), 12),
            (top + bar_max + 18, s.date_label, 12),
            (top + bar_max + 34, cut_at_word(s.source, 22), 11),
        ):
            parts.append(
                f'<text x="{mid:.1f}" y="{dy:.1f}" font-family="sans-serif" font-size="{size}" '
                f'text-anchor="middle" fill="#212121">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
