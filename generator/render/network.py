"""The actor network (who is named with whom) as a static SVG, drawn at build time.

Nodes on a circle, ordered by kind and importance; an edge for every pair of actors named in the
same sentence, its width growing with how often. The SVG is shown through ``<img>``, so it can
run no script, and all text in it is escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
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


def network_svg(actors: Sequence[Actor], title: str, legend: dict[str, str]) -> str:
    """``actors`` in the order to draw them (most important first); ``legend`` maps kind → label."""
    pairs = cooccurrence(actors)
    order = sorted(actors, key=lambda a: ({"person": 0, "organization": 1, "place": 2}[a.kind],))
    n = max(len(order), 1)
    cx, cy = WIDTH / 2, HEIGHT / 2
    pos = {}
    for i, a in enumerate(order):
        angle = 2 * math.pi * i / n - math.pi / 2
        pos[a.id] = (cx + RADIUS * math.cos(angle), cy + RADIUS * math.sin(angle), angle)
    top = max(pairs.values(), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 40}" '
        f'width="{WIDTH}" height="{HEIGHT + 40}" role="img" aria-label={quoteattr(title)}>',
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
    for a in order:
        x, y, angle = pos[a.id]
        r = 4 + 8 * math.sqrt(len(a.mentions) / most)
        colour = KIND_COLOURS[a.kind]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>')
        # labels outside the circle: beside the node, running away from the circle; only a node at the
        # very top or bottom (within 7°) has its label centred above or below it, since centred labels
        # of neighbouring nodes there overlap
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.12 else "end" if cos < -0.12 else "middle"
        lx = x + (r + 4) * cos
        ly = y + 4 + (r + 8) * sin if anchor == "middle" else y + 4 + 6 * sin
        shown = cut_at_word(a.name, LABEL_MAX)
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-family="sans-serif" font-size="12" '
            f'text-anchor="{anchor}" fill="#212121"><title>{escape(a.name)}</title>{escape(shown)}</text>'
        )
    lx = 10.0
    for kind, label in legend.items():
        parts.append(f'<circle cx="{lx + 6:.1f}" cy="{HEIGHT + 20}" r="6" fill="{KIND_COLOURS[kind]}"/>')
        parts.append(
            f'<text x="{lx + 16:.1f}" y="{HEIGHT + 24}" font-family="sans-serif" font-size="13" '
            f'fill="#212121">{escape(label)}</text>'
        )
        lx += 24 + 8 * len(label)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
