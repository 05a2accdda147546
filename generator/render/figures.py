"""The figures page: conflicts side by side, the comparison chart's rows, and the table of every figure."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from babel.numbers import format_decimal

from generator.model import Development, Figure, MentionRef
from generator.render.charts import Bar, Row, Step, bar_chart, development_chart
from generator.render.context import (
    FIGURES,
    Context,
    article_page,
    frame,
    h2,
    marks,
    none_found,
    withheld_note,
)
from generator.render.markup import bullet_list, esc, href, link, paragraph, table


def _value(ctx: Context, value: float | None) -> str:
    if value is None:
        return ctx.L("vague")
    return _decimal(value, ctx.lang.code)


@functools.lru_cache(maxsize=4096)
def _decimal(value: float, locale: str) -> str:
    return format_decimal(value, locale=locale)  # Babel's formatting is slow, and values repeat


def _figure_sources(ctx: Context, f: Figure) -> list[str]:
    return list(dict.fromkeys(ctx.short(ctx.articles[r.article]) for r in f.mentions))


def counted(ctx: Context, f: Figure) -> str:
    """What a figure counts, as a reader says it: "Tote" for people killed, "Soldaten (Tote)" for a
    group, the unit as written otherwise."""
    measure = ctx.lang.figures.measures.get(f.measure) if f.measure else None
    if measure is None:
        return f.unit
    words = {w.casefold() for w in f.unit.split()}
    if words & (ctx.lang.figures.people_nouns | measure.nouns) or not words:
        return measure.label
    return f"{f.unit} ({measure.label})"


def _value_range(ctx: Context, f: Figure) -> str:
    return _value(ctx, f.value) + (f"–{_value(ctx, f.upper)}" if f.upper is not None else "")


def development_label(ctx: Context, d: Development) -> str:
    measure = ctx.lang.figures.measures.get(d.measure)
    return measure.label if measure else d.counted


def development_line(ctx: Context, page: str, d: Development) -> str:
    """ "Tote: 36 (1. März 2023) → 52, 57 (3. März 2023)", linked to the development on the figures page."""
    by_date: dict[str | None, list[str]] = {}
    for p in d.points:
        by_date.setdefault(p.date, []).append(_value(ctx, p.value))
    steps = " → ".join(
        f"{', '.join(dict.fromkeys(values))} ({ctx.date(dt.date.fromisoformat(day)) if day else ctx.L('unknown')})"
        for day, values in by_date.items()
    )
    text = ctx.L("development_line", counted=development_label(ctx, d), steps=steps)
    return link(page, FIGURES, text, anchor=d.id)


def development_list(ctx: Context, page: str) -> str:
    if not ctx.dossier.developments:
        return none_found(ctx, "developments")
    return bullet_list(development_line(ctx, page, d) for d in ctx.dossier.developments)


def evidence(page: str, ref: MentionRef) -> str:
    """The link (escaped) from ``page`` to the sentence of ``ref``."""
    return href(page, article_page(ref.article), f"s{ref.sentence}")


def development_steps(ctx: Context, d: Development) -> list[Step]:
    """The reports of a development that the page shows (a withheld figure's report left out), each
    linked to its sentence in the first article that reports it."""
    steps = []
    for p in d.points:
        f = ctx.figure_by_id.get(p.figure)
        if f is None:
            continue
        refs = [r for r in f.mentions if r.article in p.articles] or list(f.mentions)
        steps.append(
            Step(
                ctx.date(dt.date.fromisoformat(p.date)) if p.date else ctx.L("unknown"),
                p.value,
                wording(ctx, f, refs[0]),
                ", ".join(ctx.short(ctx.articles[a]) for a in p.articles),
                evidence(FIGURES, refs[0]),
                refs[0].text,
            )
        )
    return steps


def _development_section(ctx: Context, d: Development) -> str:
    by_id = ctx.figure_by_id
    rows, keys = [], []
    for p in d.points:
        f = by_id.get(p.figure)
        if f is None:
            continue
        rows.append(
            [
                esc(ctx.date(dt.date.fromisoformat(p.date)) if p.date else ctx.L("unknown")),
                esc(f.text),
                esc(_value_range(ctx, f)),
                esc(", ".join(ctx.short(ctx.articles[a]) for a in p.articles)),
                "<br>".join(ctx.ref(FIGURES, r) for r in f.mentions),
            ]
        )
        keys.append([p.date or "", None, "" if f.value is None else repr(float(f.value)), None, None])
    headers = [ctx.L(k) for k in ("col_date", "col_as_written", "col_value", "col_sources", "col_evidence")]
    chart = development_chart(development_steps(ctx, d), ctx.L("development_chart", counted=development_label(ctx, d)))
    return (
        f'<h3 id="{esc(d.id)}">{esc(development_label(ctx, d))}</h3>\n'
        + chart
        + table(headers, rows, keys, numeric=[False, False, True, False, False])
    )


def figure_table(ctx: Context, page: str, figures: Iterable[Figure]) -> str:
    rows, keys, ids = [], [], []
    by_id = ctx.figure_by_id
    for f in figures:
        articles = {r.article for r in f.mentions}
        conflicts = ", ".join(link(page, FIGURES, by_id[c].text, anchor=c) for c in f.conflicts if c in by_id)
        rows.append(
            [
                esc(f.text) + marks(ctx, f),
                esc(_value_range(ctx, f)),
                esc(counted(ctx, f)),
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
            "col_counted",
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
            what = f" ({esc(counted(ctx, f))})" if f.measure else ""
            sources = esc(", ".join(_figure_sources(ctx, f)))
            cells.append(f"<strong>{esc(f.text)}</strong>{what}<br>{sources}<br>{refs}")
        rows.append(cells)
    return table([ctx.L("conflict_side_a"), ctx.L("conflict_side_b")], rows) + more


def wording(ctx: Context, f: Figure, ref: MentionRef) -> str:
    """How the source of ``ref`` writes figure ``f`` (a merged figure's text is its first source's):
    the figure found in that sentence with the same value, else the value alone."""
    article = ctx.articles[ref.article]
    sentence = article.sentences[ref.sentence]
    facts = ctx.facts.get(ref.article)
    for m in facts.figures if facts else ():
        if sentence.start <= m.start < sentence.end and m.value == f.value and m.upper == f.upper:
            return m.text
    return f.text if f.text in ref.text else _value_range(ctx, f)


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
            firsts = {r.article: r for r in reversed(g.mentions)}  # each source's first mention
            for article_id in dict.fromkeys(r.article for r in g.mentions):
                r = firsts[article_id]
                source = ctx.short(ctx.articles[article_id])
                bars.append(Bar(source, g.value, wording(ctx, g, r), evidence(FIGURES, r), r.text))
        if len({b.source for b in bars}) > 1:
            rows.append(Row(counted(ctx, f), tuple(bars), bool(f.conflicts)))
    return rows


def render_figures(ctx: Context) -> str:
    figs = ctx.dossier.figures
    if not figs:
        return frame(ctx.L("nav_figures"), none_found(ctx, "figures"))
    parts = [paragraph(esc(ctx.L("figures_intro"))), withheld_note(ctx, "figures")]
    parts.append(h2(ctx.L("home_conflicts")))
    parts.append(conflict_list(ctx, FIGURES))
    if ctx.dossier.developments:
        parts.append(h2(ctx.L("home_developments")))
        parts.append(paragraph(esc(ctx.L("developments_intro"))))
        parts.extend(_development_section(ctx, d) for d in ctx.dossier.developments)
    if comparison_rows(ctx):
        parts.append(h2(ctx.L("comparison")))
        parts.append(paragraph(esc(ctx.L("comparison_intro"))))
        parts.append(bar_chart(comparison_rows(ctx), ctx.L("comparison"), ctx.L("conflict")))
    parts.append(h2(ctx.L("all_figures")))
    parts.append(figure_table(ctx, FIGURES, figs))
    return frame(ctx.L("nav_figures"), *parts)
