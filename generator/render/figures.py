"""The figures page: conflicts side by side, the comparison chart's rows, and the table of every figure."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from babel.numbers import format_decimal

from generator.model import Figure
from generator.render.charts import Bar, Row
from generator.render.context import (
    FIGURES,
    Context,
    frame,
    h2,
    none_found,
)
from generator.render.markup import esc, link, paragraph, table


def _value(ctx: Context, value: float | None) -> str:
    if value is None:
        return ctx.L("vague")
    return _decimal(value, ctx.lang.code)


@functools.lru_cache(maxsize=4096)
def _decimal(value: float, locale: str) -> str:
    return format_decimal(value, locale=locale)  # Babel's formatting is slow, and values repeat


def _figure_sources(ctx: Context, f: Figure) -> list[str]:
    return list(dict.fromkeys(ctx.short(ctx.articles[r.article]) for r in f.mentions))


def figure_table(ctx: Context, page: str, figures: Iterable[Figure]) -> str:
    rows, keys, ids = [], [], []
    by_id = ctx.figure_by_id
    for f in figures:
        articles = {r.article for r in f.mentions}
        conflicts = ", ".join(link(page, FIGURES, by_id[c].text, anchor=c) for c in f.conflicts if c in by_id)
        rows.append(
            [
                esc(f.text),
                esc(_value(ctx, f.value)),
                esc(f.unit),
                esc(f.qualifier or ""),
                f"{len(articles)}: {esc(', '.join(_figure_sources(ctx, f)))}",
                "<br>".join(ctx.ref(page, r) for r in f.mentions),
                conflicts,
            ]
        )
        keys.append([None, "" if f.value is None else repr(float(f.value)), None, None, str(len(articles)), None, None])
        ids.append(f.id)
    headers = [
        ctx.L(k)
        for k in (
            "col_as_written",
            "col_value",
            "col_unit",
            "col_qualifier",
            "col_sources",
            "col_evidence",
            "col_conflicts",
        )
    ]
    numeric = [False, True, False, False, True, False, False]
    return table(headers, rows, keys, numeric=numeric, row_ids=ids if page == FIGURES else None)


def conflict_list(ctx: Context, page: str, limit: int | None = None) -> str:
    """Each pair of figures that disagree, side by side with their sources (the first ``limit``
    pairs, in dossier order, and a link to the figures page for the rest)."""
    by_id = ctx.figure_by_id
    order = {f.id: n for n, f in enumerate(ctx.dossier.figures)}
    pairs = [  # each pair once, from its first figure, in dossier order
        (f.id, c)
        for n, f in enumerate(ctx.dossier.figures)
        for c in sorted((c for c in f.conflicts if order.get(c, -1) > n), key=order.__getitem__)
    ]
    if not pairs:
        return none_found(ctx, "conflicts")
    more = ""
    if limit is not None and len(pairs) > limit:
        more = paragraph(link(page, FIGURES, ctx.L("all_conflicts", n=len(pairs))), "dossier-note")
        pairs = pairs[:limit]
    rows = []
    for a_id, b_id in pairs:
        cells = []
        for f in (by_id[a_id], by_id[b_id]):
            refs = "<br>".join(ctx.ref(page, r) for r in f.mentions)
            cells.append(f"<strong>{esc(f.text)}</strong><br>{esc(', '.join(_figure_sources(ctx, f)))}<br>{refs}")
        rows.append(cells)
    return table([ctx.L("conflict_side_a"), ctx.L("conflict_side_b")], rows) + more


def comparison_rows(ctx: Context) -> list[Row]:
    """Figures reported by several sources, and figures in conflict, for the comparison chart."""
    rows = []
    by_id = {f.id: f for f in ctx.dossier.figures}
    seen: set[str] = set()
    for f in ctx.dossier.figures:
        if f.id in seen:
            continue
        group = [f, *(by_id[c] for c in f.conflicts if c in by_id)]
        seen.update(g.id for g in group)
        bars = []
        for g in group:
            for article_id in dict.fromkeys(r.article for r in g.mentions):
                bars.append(Bar(ctx.short(ctx.articles[article_id]), g.value, g.text))
        if len({b.source for b in bars}) > 1:
            rows.append(Row(f.unit, tuple(bars), bool(f.conflicts)))
    return rows


def render_figures(ctx: Context) -> str:
    figs = ctx.dossier.figures
    if not figs:
        return frame(ctx.L("nav_figures"), none_found(ctx, "figures"))
    parts = [paragraph(esc(ctx.L("figures_intro")))]
    parts.append(h2(ctx.L("home_conflicts")))
    parts.append(conflict_list(ctx, FIGURES))
    if comparison_rows(ctx):
        parts.append(h2(ctx.L("comparison")))
        parts.append(paragraph(esc(ctx.L("comparison_intro"))))
        parts.append(paragraph(f'<img src="figures.svg" alt="{esc(ctx.L("comparison"))}" class="dossier-chart">'))
    parts.append(h2(ctx.L("all_figures")))
    parts.append(figure_table(ctx, FIGURES, figs))
    return frame(ctx.L("nav_figures"), *parts)
