"""The timeline page: events by date, as precise as the text allows, and the points of its chart."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from babel.dates import format_date

from generator.model import Event, EventMention, MentionRef
from generator.render.charts import Point, timeline_chart
from generator.render.context import (
    TIMELINE,
    Context,
    article_page,
    frame,
    h2,
    marks,
    none_found,
    withheld_note,
)
from generator.render.markup import bullet_list, esc, href, paragraph


def event_date(ctx: Context, date: str) -> str:
    """A date as precise as the text allows, written for a reader: "7. Januar 2022", "Januar 2022", "2019"."""
    parts = [int(x) for x in date.split("-")]
    if len(parts) == 3:
        return ctx.date(dt.date(*parts))
    if len(parts) == 2:
        return str(format_date(dt.date(parts[0], parts[1], 1), format="MMMM y", locale=ctx.lang.code))
    return date


def _time_of_day(ctx: Context, tod: str | None) -> str:
    if not tod:
        return ""
    key = f"tod_{tod}"
    return ctx.L(key) if key in ctx.lang.ui else ctx.L("clock", time=tod)


def _expression(ctx: Context, m: EventMention) -> str:
    """The expression as written, with the narrated day it was counted from, if any."""
    counted = f" ({esc(ctx.L('timeline_anchor', date=event_date(ctx, m.anchor)))})" if m.anchor else ""
    return f"{ctx.quoted(esc(m.expression))}{counted}"


def event_item(ctx: Context, page: str, e: Event) -> str:
    when = _time_of_day(ctx, e.time_of_day)
    if e.until:
        when = " ".join(x for x in (when, ctx.L("timeline_until", date=event_date(ctx, e.until))) if x)
    refs = "; ".join(f"{_expression(ctx, m)}: {ctx.ref(page, _ref(m))}" for m in e.mentions)
    sources = len({m.article for m in e.mentions})
    badge = f' <span class="dossier-badge">{esc(ctx.L("n_sources", n=sources))}</span>' if sources > 1 else ""
    prefix = f"<strong>{esc(when)}</strong> " if when else ""
    return f"{prefix}{esc(e.label)}{badge}{marks(ctx, e)}<br><small>{refs}</small>"


def render_timeline(ctx: Context) -> str:
    events = ctx.dossier.timeline
    if not events:
        return frame(ctx.L("nav_timeline"), none_found(ctx, "timeline"))
    parts = [paragraph(esc(ctx.L("timeline_intro"))), withheld_note(ctx, "timeline")]
    undated = [a for a in ctx.dossier.articles if a.meta.published is None]
    if undated:
        note = ctx.L("timeline_undated_one") if len(undated) == 1 else ctx.L("timeline_undated", n=len(undated))
        parts.append(paragraph(esc(note), "dossier-note"))
    keys = (ctx.L("timeline_several"), ctx.L("timeline_one"))
    parts.append(timeline_chart(timeline_points(ctx), ctx.L("nav_timeline"), keys))
    by_date: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_date[e.date].append(e)
    for date in sorted(by_date):
        parts.append(h2(event_date(ctx, date)))
        parts.append(bullet_list(event_item(ctx, TIMELINE, e) for e in by_date[date]))
    return frame(ctx.L("nav_timeline"), *parts)


def timeline_points(ctx: Context) -> list[Point]:
    return [
        Point(
            event_date(ctx, e.date)
            + (f" – {event_date(ctx, e.until)}" if e.until else "")
            + (f", {_time_of_day(ctx, e.time_of_day)}" if e.time_of_day else ""),
            e.label,
            len({m.article for m in e.mentions}),
            href(TIMELINE, article_page(e.mentions[0].article), f"s{e.mentions[0].sentence}"),
            e.mentions[0].text,
        )
        for e in ctx.dossier.timeline
    ]


def _ref(m: EventMention) -> MentionRef:
    return MentionRef(m.article, m.sentence, m.text)
