"""The article index and each article's page: its metadata, summary, figures, actors, quotes and the
full text with every sentence addressable (``#s12``)."""

from __future__ import annotations

from generator.analyse.summarise import summary_text
from generator.model import Article
from generator.render.actors import actor_table
from generator.render.context import (
    ARTICLES,
    Context,
    article_page,
    frame,
    h2,
    none_found,
)
from generator.render.figures import figure_table
from generator.render.markup import bullet_list, esc, fact_table, link, md_text, paragraph, table
from generator.render.quotes import quote_list


def article_table(ctx: Context, page: str) -> str:
    rows, keys = [], []
    for a in ctx.dossier.articles:
        rows.append(
            [
                link(page, article_page(a.id), a.title),
                esc(ctx.source(a)),
                esc(ctx.date(a.meta.published)),
                esc(a.meta.language),
                str(a.word_count),
            ]
        )
        keys.append([None, None, a.meta.published.isoformat() if a.meta.published else "", None, str(a.word_count)])
    headers = [ctx.L(k) for k in ("col_title", "col_source", "col_published", "col_language", "col_words")]
    return table(headers, rows, keys, numeric=[False, False, False, False, True])


def render_article_index(ctx: Context) -> str:
    return frame(ctx.L("nav_articles"), article_table(ctx, f"{ARTICLES}/index.md"))


def render_article(ctx: Context, a: Article) -> str:
    page = article_page(a.id)
    facts = ctx.facts[a.id]
    m = a.meta
    basis = ctx.L(f"basis_{m.published_basis.replace(' ', '_')}")
    if m.published_evidence:
        basis = f"{basis}: {m.published_evidence}"
    published = (
        f"{esc(ctx.date(m.published))} ({esc(ctx.L('published_from', basis=basis))})"
        if m.published
        else esc(ctx.L("published_unknown"))
    )
    meta_rows = [
        (
            ctx.L("col_source"),
            esc(ctx.source(a)) + (f" ({esc(ctx.L('from_dateline'))})" if m.source_basis == "dateline" else ""),
        ),
        (ctx.L("col_published"), published),
        (ctx.L("col_dateline"), esc(m.dateline) if m.dateline else esc(ctx.L("none"))),
        (ctx.L("col_language"), esc(f"{m.language} ({ctx.L('basis_' + m.language_basis.replace(' ', '_'))})")),
        (ctx.L("col_words"), str(a.word_count)),
        (ctx.L("col_file"), f"<code>{esc(a.file)}</code>"),
    ]
    if m.url:
        meta_rows.append((ctx.L("col_url"), f"<code>{esc(m.url)}</code>"))
    meta = fact_table(meta_rows)

    summary = (
        paragraph(esc(ctx.L("summary_lead")))
        + bullet_list(
            f"{esc(summary_text(a, i))} {link(page, page, '↗', anchor=f's{i}', title=ctx.L('sentence_n', n=i + 1))}"
            for i in facts.summary
        )
        if facts.summary
        else none_found(ctx, "summary")
    )

    own_figures = ctx.figures_of.get(a.id, [])
    own_actors = ctx.actors_of.get(a.id, [])
    own_quotes = ctx.quotes_of.get(a.id, [])
    parts = [
        meta,
        h2(ctx.L("summary")),
        summary,
        h2(ctx.L("nav_figures")),
        figure_table(ctx, page, own_figures) if own_figures else none_found(ctx, "figures", facts.capabilities),
        h2(ctx.L("nav_actors")),
        actor_table(ctx, page, own_actors, article=a.id)
        if own_actors
        else none_found(ctx, "actors", facts.capabilities),
        h2(ctx.L("nav_quotes")),
        quote_list(ctx, page, own_quotes, with_speaker=True)
        if own_quotes
        else none_found(ctx, "quotes", facts.capabilities),
        h2(ctx.L("full_text")),
        paragraph(esc(ctx.L("full_text_intro")), "dossier-note"),
        _full_text(ctx, a),
    ]
    return frame(a.title, *parts)


def _full_text(ctx: Context, a: Article) -> str:
    out = []
    for p in a.paragraphs:
        if p.heading:
            i = p.first_sentence
            out.append(f"### {md_text(a.sentences[i].text)} {{ #s{i} .dossier-heading }}\n")
            continue
        pieces, pos = [], p.start
        for i in p.sentence_indices:
            s = a.sentences[i]
            pieces.append(esc(a.body[pos : s.start]))
            pieces.append(
                f'<span class="dossier-s" id="s{i}" title="{esc(ctx.L("sentence_n", n=i + 1))}">{esc(s.text)}</span>'
            )
            pos = s.end
        pieces.append(esc(a.body[pos : p.end]))
        out.append(paragraph("".join(pieces).replace("\n", " "), "dossier-text"))
    return "\n".join(out)
