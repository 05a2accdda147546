"""The home page: a lede from what several sources report, the articles, top actors and figures, latest
events, conflicts and what only one source reports. Problems with the input files are not for
readers: they go to the build output and ``dossier review``."""

from __future__ import annotations

from generator.analyse.summarise import summary_text
from generator.model import MentionRef
from generator.render.actors import actor_table
from generator.render.articles import article_table
from generator.render.context import (
    ARTICLES,
    COMPARE,
    HOME,
    HOME_TOP,
    NAV_ARTICLES_MAX,
    Context,
    frame,
    h2,
    none_found,
)
from generator.render.figures import conflict_list, development_list, figure_table
from generator.render.markup import bullet_list, esc, link, paragraph
from generator.render.timeline import event_date, event_item


def render_home(ctx: Context) -> str:
    d = ctx.dossier
    sources = sorted({a.meta.source for a in d.articles if a.meta.source})
    dates = sorted(a.meta.published for a in d.articles if a.meta.published)
    undated = sum(1 for a in d.articles if a.meta.published is None)
    facts = [ctx.count("home_articles", len(d.articles))]
    if sources:
        facts.append(ctx.L("home_sources", sources=", ".join(sources)))
    if dates:
        span = ctx.date(dates[0]) if dates[0] == dates[-1] else f"{ctx.date(dates[0])} – {ctx.date(dates[-1])}"
        facts.append(ctx.L("home_dates", span=span))
    if undated:
        facts.append(ctx.L("home_undated_one") if undated == 1 else ctx.L("home_undated", n=undated))
    parts = []
    if ctx.comparison.overview:
        sentences = []
        for article_id, index in ctx.comparison.overview:
            article = ctx.articles[article_id]
            ref = ctx.ref(HOME, MentionRef(article_id, index, article.sentences[index].text))
            sentences.append(f"{esc(summary_text(article, index))} <small>({ref})</small>")
        parts.append(paragraph(" ".join(sentences), "dossier-lede"))
    parts.append(paragraph(esc(" ".join(facts)), "dossier-facts"))

    parts.append(h2(ctx.L("home_articles_heading")))
    if len(d.articles) <= NAV_ARTICLES_MAX:
        parts.append(article_table(ctx, HOME))
    else:
        to_index = link(HOME, f"{ARTICLES}/index.md", ctx.L("all_articles", n=len(d.articles)))
        parts.append(paragraph(to_index, "dossier-note"))

    parts.append(h2(ctx.L("home_top_actors")))
    parts.append(actor_table(ctx, HOME, d.actors[:HOME_TOP]) if d.actors else none_found(ctx, "actors"))
    parts.append(h2(ctx.L("home_top_figures")))
    parts.append(figure_table(ctx, HOME, d.figures[:HOME_TOP]) if d.figures else none_found(ctx, "figures"))
    parts.append(h2(ctx.L("home_latest_events")))
    latest = sorted(d.timeline, key=lambda e: e.date, reverse=True)[:HOME_TOP]
    parts.append(
        bullet_list(f"<strong>{esc(event_date(ctx, e.date))}</strong>: {event_item(ctx, HOME, e)}" for e in latest)
        if latest
        else none_found(ctx, "timeline")
    )
    parts.append(h2(ctx.L("home_conflicts")))
    parts.append(conflict_list(ctx, HOME, HOME_TOP))
    if d.developments:
        parts.append(h2(ctx.L("home_developments")))
        parts.append(development_list(ctx, HOME))
    for g in ctx.comparison.groups:  # and what only one source reports
        counts = [
            ctx.L(
                "home_only",
                source=ctx.short(ctx.articles[a]),
                figures=ctx.count("n_figures", len(f)),
                events=ctx.count("n_events", len(e)),
            )
            for a, (f, e) in g.only.items()
        ]
        more = link(HOME, COMPARE, ctx.L("nav_compare"))
        parts.append(paragraph(esc(" ".join(counts)) + " " + esc(ctx.L("home_more")) + " " + more + "."))

    return frame(d.title, *parts)
