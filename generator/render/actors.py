"""The actor index (by kind, with the network picture) and the page of each actor."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from generator.model import Actor
from generator.render.context import (
    ACTORS,
    KIND_ORDER,
    NETWORK_TOP,
    Context,
    actor_page,
    article_page,
    frame,
    h2,
    marks,
    none_found,
    withheld_note,
)
from generator.render.markup import bullet_list, esc, fact_table, highlight, href, paragraph, table
from generator.render.network import Size, network_svg
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


# the network at the size it is shown: a wide column (about 720 px) and a phone (about 350 px), the
# phone's with fewer actors; CSS shows one of them
NETWORK_SIZES = (("wide", NETWORK_TOP, Size(680, 420, 160, 22, 12)), ("narrow", 12, Size(350, 290, 80, 12, 13)))


def network(ctx: Context, actors: Sequence[Actor]) -> str:
    """The network drawing in the page, once per screen size, each with its intro (how many actors);
    a node links to the actor's page, or to the sentence that names an actor without one."""
    page = f"{ACTORS}/index.md"
    legend = {k: ctx.L(f"kind_{k}_plural") for k in KIND_ORDER}

    def link(x: Actor) -> str:
        if x.id in ctx.with_page:
            return href(page, actor_page(x.id))
        r = x.mentions[0]
        return href(page, article_page(r.article), f"s{r.sentence}")

    out = []
    for name, top, size in NETWORK_SIZES:
        shown = actors[:top]
        intro = paragraph(esc(ctx.L("network_intro", n=len(shown))))
        svg = network_svg(shown, ctx.L("network"), legend, size, link)
        out.append(f'<div class="dossier-network dossier-network-{name}" data-search-exclude>\n{intro}{svg}</div>\n')
    return "".join(out)


def render_actor_index(ctx: Context) -> str:
    actors = ctx.dossier.actors
    if not actors:
        return frame(ctx.L("nav_actors"), none_found(ctx, "actors"))
    parts = [withheld_note(ctx, "actors")]
    by_kind: dict[str, list[Actor]] = defaultdict(list)
    for x in actors:
        by_kind[x.kind].append(x)
    parts.append(h2(ctx.L("network")))
    parts.append(network(ctx, actors))
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
