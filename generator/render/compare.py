"""The source comparison page: what all sources report, what only one does, conflicts, and sentences
that say the same in other words."""

from __future__ import annotations

from generator.analyse.summarise import summary_text
from generator.model import MentionRef
from generator.render.context import (
    COMPARE,
    HOME_TOP,
    Context,
    frame,
    h2,
)
from generator.render.figures import conflict_list, development_list
from generator.render.markup import bullet_list, esc, paragraph, table
from generator.render.timeline import event_date, event_item


def render_compare(ctx: Context) -> str:
    c = ctx.comparison
    by_fig = {f.id: f for f in ctx.dossier.figures}
    by_event = {e.id: e for e in ctx.dossier.timeline}
    parts = [paragraph(esc(ctx.L("compare_intro")))]

    def fig_item(fid: str) -> str:
        f = by_fig[fid]
        return f"{esc(f.text)} ({'; '.join(ctx.ref(COMPARE, r) for r in f.mentions)})"

    def event_line(eid: str) -> str:
        e = by_event[eid]
        return f"<strong>{esc(event_date(ctx, e.date))}</strong>: {event_item(ctx, COMPARE, e)}"

    if not c.groups:
        parts.append(paragraph(esc(ctx.L("compare_no_groups")), "dossier-empty"))
    for g in c.groups:
        names = ", ".join(ctx.short(ctx.articles[a]) for a in g.articles)
        parts.append(h2(ctx.L("compare_all_report", sources=names)))
        if g.shared_figures:
            parts.append(bullet_list(fig_item(f) for f in g.shared_figures))
        if g.shared_events:
            parts.append(bullet_list(event_line(e) for e in g.shared_events))
        if not g.shared_figures and not g.shared_events:
            parts.append(paragraph(esc(ctx.L("none")), "dossier-empty"))
        for a in g.articles:
            figs, events = g.only[a]
            parts.append(h2(ctx.L("compare_only", source=ctx.short(ctx.articles[a]))))
            items = [fig_item(f) for f in figs] + [event_line(e) for e in events]
            parts.append(bullet_list(items) if items else paragraph(esc(ctx.L("none")), "dossier-empty"))
    parts.append(h2(ctx.L("home_conflicts")))
    parts.append(conflict_list(ctx, COMPARE, HOME_TOP))
    if ctx.dossier.developments:
        parts.append(h2(ctx.L("home_developments")))
        parts.append(development_list(ctx, COMPARE))
    parts.append(h2(ctx.L("compare_aligned")))
    if c.aligned:
        parts.append(paragraph(esc(ctx.L("compare_aligned_intro"))))
        rows, keys = [], []
        for pair in c.aligned:
            cells = []
            for art, idx in (pair.a, pair.b):
                article = ctx.articles[art]
                ref = ctx.ref(COMPARE, MentionRef(art, idx, article.sentences[idx].text))
                cells.append(f"{esc(summary_text(article, idx))}<br><small>{ref}</small>")
            rows.append([f"{pair.similarity:.2f}", *cells])
            keys.append([str(pair.similarity), None, None])
        headers = [ctx.L("col_similarity"), ctx.L("conflict_side_a"), ctx.L("conflict_side_b")]
        parts.append(table(headers, rows, keys, numeric=[True, False, False]))
    else:
        parts.append(paragraph(esc(ctx.L("none")), "dossier-empty"))
    return frame(ctx.L("nav_compare"), *parts)
