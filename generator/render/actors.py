"""The actor index (by kind, with the network picture) and the page of each actor."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from generator.model import Actor
from generator.render.context import (
    ACTORS,
    KIND_ORDER,
    NETWORK_TOP,
    Context,
    actor_page,
    frame,
    h2,
    marks,
    none_found,
    withheld_note,
)
from generator.render.markup import bullet_list, esc, fact_table, highlight, paragraph, table
from generator.render.quotes import quote_list


def actor_table(
    ctx: Context, page: str, actors: Iterable[Actor], with_kind: bool = True, article: str | None = None
) -> str:
    """The actors, with how often and in how many articles they are named; on the page of one
    ``article``, the mentions counted are that article's (its first one linked), and the column of
    articles says that it counts the whole dossier."""
    rows, keys = [], []
    for x in actors:
        sources = {r.article for r in x.mentions}
        here = [r for r in x.mentions if r.article == article] if article else list(x.mentions)
        kind = [esc(ctx.L(f"kind_{x.kind}"))] if with_kind else []
        rows.append(
            [
                ctx.actor_link(page, x.id, x.name)
                + ("" if x.id in ctx.with_page else " " + ctx.ref(page, (here or x.mentions)[0]))
                + marks(ctx, x),
                *kind,
                esc(", ".join(x.roles)),
                esc(", ".join(x.aliases)),
                str(len(here)),
                str(len(sources)),
            ]
        )
        keys.append([None, *([None] * len(kind)), None, None, str(len(here)), str(len(sources))])
    columns = (
        "col_name",
        *(("col_kind",) if with_kind else ()),
        "col_roles",
        "col_aliases",
        "col_mentions_here" if article else "col_mentions",
        "col_articles_dossier" if article else "col_articles",
    )
    numeric = [c.startswith(("col_mentions", "col_articles")) for c in columns]
    return table([ctx.L(k) for k in columns], rows, keys, numeric=numeric)


def render_actor_index(ctx: Context) -> str:
    actors = ctx.dossier.actors
    if not actors:
        return frame(ctx.L("nav_actors"), none_found(ctx, "actors"))
    parts = [withheld_note(ctx, "actors")]
    by_kind: dict[str, list[Actor]] = defaultdict(list)
    for x in actors:
        by_kind[x.kind].append(x)
    parts.append(h2(ctx.L("network")))
    parts.append(paragraph(esc(ctx.L("network_intro", n=min(len(actors), NETWORK_TOP)))))
    parts.append(paragraph(f'<img src="network.svg" alt="{esc(ctx.L("network"))}" class="dossier-network">'))
    for kind in KIND_ORDER:
        if by_kind.get(kind):
            parts.append(h2(ctx.L(f"kind_{kind}_plural")))
            parts.append(actor_table(ctx, f"{ACTORS}/index.md", by_kind[kind], with_kind=False))
    return frame(ctx.L("nav_actors"), *parts)


def render_actor(ctx: Context, x: Actor) -> str:
    page = actor_page(x.id)
    facts = [
        (ctx.L("col_kind"), esc(ctx.L(f"kind_{x.kind}"))),
        (ctx.L("col_roles"), esc(", ".join(x.roles) or ctx.L("none"))),
        (ctx.L("col_aliases"), esc(", ".join(x.aliases) or ctx.L("none"))),
    ]
    meta = fact_table(facts)
    mentions = bullet_list(f"{highlight(r.text, (x.name, *x.aliases))} ({ctx.ref(page, r)})" for r in x.mentions)
    quotes = ctx.quotes_by.get(x.id, [])
    co = ctx.named_with.get(x.id, Counter())
    by_id = ctx.actor_by_id
    together = bullet_list(
        f"{ctx.actor_link(page, i, by_id[i].name)} ({esc(ctx.L('times_together', n=n))})"
        for i, n in sorted(co.items(), key=lambda kv: (-kv[1], by_id[kv[0]].name))
    )
    return frame(
        x.name,
        meta,
        h2(ctx.L("col_mentions")),
        mentions,
        h2(ctx.L("nav_quotes")),
        quote_list(ctx, page, quotes, with_speaker=False) if quotes else none_found(ctx, "quotes"),
        h2(ctx.L("named_with")),
        together if co else paragraph(esc(ctx.L("none")), "dossier-empty"),
    )
