"""The actor network (who is named with whom) as an SVG drawn at build time, put in the page.

Nodes on a circle, ordered by kind and importance; an edge for every pair of actors named in the
same sentence, its width growing with how often. The page shows it at its own size (a :class:`Size`
for a wide column, a smaller one with fewer actors for a phone), so its labels keep their type size;
each node links to the actor's page or to the sentence that names it. All text in it is escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from generator.model import Actor
from generator.shorten import cut_at_word

KIND_COLOURS = {"person": "#3f51b5", "organization": "#e65100", "place": "#2e7d32"}
WIDTH, HEIGHT = 920, 720
RADIUS = 250


def cooccurrence(actors: Sequence[Actor]) -> Counter[tuple[str, str]]:
    """How often two actors are named in the same sentence (pairs of ids, sorted)."""
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for a in actors:
        for m in a.mentions:
            by_sentence.setdefault((m.article, m.sentence), set()).add(a.id)
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        ordered = sorted(ids)
        for i, x in enumerate(ordered):
            for y in ordered[i + 1 :]:
                pairs[(x, y)] += 1
    return pairs


LABEL_MAX = 24  # characters of a node's label; a longer name is cut at a word (the full name shows on hover)


@dataclass(frozen=True)
class Size:
    width: int = WIDTH
    height: int = HEIGHT
    radius: int = RADIUS
    label_max: int = LABEL_MAX
    font: int = 12


def network_svg(
    actors: Sequence[Actor],
    title: str,
    legend: dict[str, str],
    size: Size = Size(),
    link: Callable[[Actor], str] | None = None,
) -> str:
    """``actors`` in the order to draw them (most important first); ``legend`` maps kind → label;
    ``link`` gives a node's link (escaped), if any."""
    pairs = cooccurrence(actors)
    order = sorted(actors, key=lambda a: ({"person": 0, "organization": 1, "place": 2}[a.kind],))
    n = max(len(order), 1)
    cx, cy = size.width / 2, size.height / 2
    pos = {}
    for i, a in enumerate(order):
        angle = 2 * math.pi * i / n - math.pi / 2
        pos[a.id] = (cx + size.radius * math.cos(angle), cy + size.radius * math.sin(angle), angle)
    top = max(pairs.values(), default=1)
    legend_rows = _legend_rows(legend, size)
    height = size.height + 26 * len(legend_rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size.width} {height}" '
        f'width="{size.width}" height="{height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for (a_id, b_id), w in sorted(pairs.items()):
        if a_id in pos and b_id in pos:
            (x1, y1, _), (x2, y2, _) = pos[a_id], pos[b_id]
            width = 0.8 + 4.2 * w / top
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="#9e9e9e" stroke-opacity="0.6" stroke-width="{width:.2f}"/>'
            )
    most = max((len(a.mentions) for a in order), default=1)
    labels = _labels(order, pos, most, size)
    for a in order:
        x, y, _ = pos[a.id]
        r = 4 + 8 * math.sqrt(len(a.mentions) / most)
        target = link(a) if link else ""
        if target:
            parts.append(f'<a href="{target}">')
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{KIND_COLOURS[a.kind]}"/>')
        lx, ly, anchor, shown = labels[a.id]
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-family="sans-serif" font-size="{size.font}" '
            f'text-anchor="{anchor}" fill="#212121"><title>{escape(a.name)}</title>{escape(shown)}</text>'
        )
        if target:
            parts.append("</a>")
    y_legend = size.height + 20
    for row in legend_rows:  # the legend, in as many lines as the width needs
        lx = 10.0
        for kind, label in row:
            parts.append(f'<circle cx="{lx + 6:.1f}" cy="{y_legend}" r="6" fill="{KIND_COLOURS[kind]}"/>')
            parts.append(
                f'<text x="{lx + 16:.1f}" y="{y_legend + 4}" font-family="sans-serif" font-size="{size.font + 1}" '
                f'fill="#212121">{escape(label)}</text>'
            )
            lx += 24 + 8 * len(label)
        y_legend += 26
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


CHAR_WIDTH = 0.62  # a sans-serif character's width at most, in ems, for the labels' boxes


def _labels(
    order: Sequence[Actor], pos: dict[str, tuple[float, float, float]], most: int, size: Size
) -> dict[str, tuple[float, float, str, str]]:
    """Each node's label: (x, y of its baseline, text-anchor, text). Outside the circle, beside the node
    and running away from the circle; a node at the very top or bottom has its label centred above or
    below it. Then labels whose boxes would overlap are pushed apart, away from the middle, in the
    order drawn (any names, any number of them: not fitted to one dossier)."""
    out: dict[str, tuple[float, float, str, str]] = {}
    boxes: list[tuple[float, float, float, float]] = []  # left, right, top, bottom of the labels placed
    for a in order:
        x, y, angle = pos[a.id]
        r = 4 + 8 * math.sqrt(len(a.mentions) / most)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.12 else "end" if cos < -0.12 else "middle"
        lx = x + (r + 4) * cos
        ly = y + 4 + (r + 8) * sin if anchor == "middle" else y + 4 + 6 * sin
        shown = cut_at_word(_short(a, size.label_max), size.label_max)
        width = CHAR_WIDTH * size.font * len(shown)
        left = lx if anchor == "start" else lx - width if anchor == "end" else lx - width / 2
        down = 1.0 if sin >= 0 else -1.0  # push away from the middle of the drawing
        for _ in range(len(boxes) + 1):
            top, bottom = ly - size.font, ly + 3
            hit = next((b for b in boxes if left < b[1] and b[0] < left + width and top < b[3] and b[2] < bottom), None)
            if hit is None:
                break
            ly = hit[3] + size.font + 1 if down > 0 else hit[2] - 4
        boxes.append((left, left + width, ly - size.font, ly + 3))
        out[a.id] = (lx, ly, anchor, shown)
    return out


def _short(a: Actor, most: int) -> str:
    """A person whose name is too long for a label goes by the last word of it (the full name shows
    on hover)."""
    if a.kind == "person" and len(a.name) > most and len(a.name.split()) > 1:
        return a.name.split()[-1]
    return a.name


def _legend_rows(legend: dict[str, str], size: Size) -> list[list[tuple[str, str]]]:
    rows: list[list[tuple[str, str]]] = [[]]
    used = 10.0
    for kind, label in legend.items():
        need = 24 + 8 * len(label)
        if rows[-1] and used + need > size.width:
            rows.append([])
            used = 10.0
        rows[-1].append((kind, label))
        used += need
    return rows
