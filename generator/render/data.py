"""The data page, which links ``dossier.json``."""

from __future__ import annotations

from generator.render.context import (
    DATA_FILE,
    Context,
    frame,
)
from generator.render.markup import esc, paragraph


def render_data(ctx: Context) -> str:
    d = ctx.dossier
    counts = ", ".join(
        ctx.count(f"n_{what}", n)
        for what, n in (
            ("articles", len(d.articles)),
            ("actors", len(d.actors)),
            ("figures", len(d.figures)),
            ("quotes", len(d.quotes)),
            ("events", len(d.timeline)),
        )
    )
    body = (
        paragraph(esc(ctx.L("data_intro")))
        + paragraph(f'<a href="{DATA_FILE}" download>{esc(DATA_FILE)}</a> – {esc(counts)}')
        + paragraph(esc(ctx.L("data_schema")))
    )
    return frame(ctx.L("nav_data"), body)
