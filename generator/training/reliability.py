"""A reliability diagram as SVG: per confidence bin, the share of items a reader judged right."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

W, H, PAD = 360, 300, 40


def reliability_svg(area: str, confidence: Sequence[float], label: Sequence[int], scores: Mapping[str, float]) -> str:
    bins: list[list[int]] = [[] for _ in range(10)]
    conf_sum = [0.0] * 10
    for c, y in zip(confidence, label, strict=True):
        b = min(int(c * 10), 9)
        bins[b].append(y)
        conf_sum[b] += c
    size = W - 2 * PAD

    def x(v: float) -> float:
        return PAD + v * size

    def y_(v: float) -> float:
        return H - PAD - v * (H - 2 * PAD)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{W / 2}" y="16" text-anchor="middle" font-size="13">{area}: test part, {len(label)} items</text>',
        f'<line x1="{x(0)}" y1="{y_(0)}" x2="{x(1)}" y2="{y_(1)}" stroke="#999" stroke-dasharray="4 3"/>',
        f'<line x1="{x(0)}" y1="{y_(0)}" x2="{x(1)}" y2="{y_(0)}" stroke="black"/>',
        f'<line x1="{x(0)}" y1="{y_(0)}" x2="{x(0)}" y2="{y_(1)}" stroke="black"/>',
        f'<text x="{W / 2}" y="{H - 8}" text-anchor="middle">confidence</text>',
        f'<text x="12" y="{H / 2}" transform="rotate(-90 12 {H / 2})" text-anchor="middle">share judged right</text>',
    ]
    for t in (0.0, 0.5, 1.0):
        parts.append(f'<text x="{x(t)}" y="{y_(0) + 14}" text-anchor="middle">{t:.1f}</text>')
        parts.append(f'<text x="{x(0) - 4}" y="{y_(t) + 4}" text-anchor="end">{t:.1f}</text>')
    for b, ys in enumerate(bins):
        if not ys:
            continue
        share = sum(ys) / len(ys)
        mean_c = conf_sum[b] / len(ys)
        left, width = x(b / 10) + 2, size / 10 - 4
        parts.append(
            f'<rect x="{left:.1f}" y="{y_(share):.1f}" width="{width:.1f}" height="{y_(0) - y_(share):.1f}" '
            f'fill="#5b8bd0" opacity="0.8"><title>{len(ys)} items, {share:.2f} right</title></rect>'
        )
        parts.append(f'<circle cx="{x(mean_c):.1f}" cy="{y_(share):.1f}" r="3" fill="#b33"/>')
        parts.append(f'<text x="{left + width / 2:.1f}" y="{y_(share) - 4:.1f}" text-anchor="middle">{len(ys)}</text>')
    note = f"ECE {scores.get('ece', 0):.3f}, published {scores.get('precision_published', 0):.2f} right"
    parts.append(f'<text x="{x(0) + 6}" y="{y_(1) + 12}">{note}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
