"""Render the merged :class:`Dossier` into the files of ``site_src/`` (a pure function: no I/O).

Pages are Markdown for MkDocs; every piece of article text goes through :mod:`generator.markup`.
Links are written for ``use_directory_urls: false`` (``articles/a.html``), which the plugin enforces
and which keeps the built site browsable from disk.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TypeVar

from babel.dates import format_date
from babel.numbers import format_decimal

from generator.charts import Bar, Point, Row, comparison_svg, timeline_svg
from generator.compare import Comparison, compare
from generator.export import dossier_json
from generator.forking import Forked
from generator.lang import LanguageData
from generator.markup import (
    bullet_list,
    esc,
    front_matter,
    highlight,
    link,
    md_text,
    paragraph,
    table,
)
from generator.model import Actor, Article, ArticleFacts, Dossier, Event, EventMention, Figure, MentionRef, Quote
from generator.network import cooccurrence, network_svg
from generator.readers import plain_title
from generator.summarise import summary_text

ARTICLES = "articles"
ACTORS = "actors"
HOME = "index.md"
FIGURES = "figures.md"
TIMELINE = "timeline.md"
QUOTES = "quotes.md"
COMPARE = "compare.md"
DATA = "data.md"
DATA_FILE = "dossier.json"
ASSET_DIR = "assets/dossier"
ASSETS = ("dossier.css", "dossier.js", "tablesort.min.js", "tablesort.number.min.js", "tablesort.LICENCE")
EXTRA_CSS = (f"{ASSET_DIR}/dossier.css",)
EXTRA_JS = (f"{ASSET_DIR}/tablesort.min.js", f"{ASSET_DIR}/tablesort.number.min.js", f"{ASSET_DIR}/dossier.js")
HOME_TOP = 8
NETWORK_TOP = 24
NAV_TITLE_MAX = 64
NAV_ARTICLES_MAX = 40  # more articles than this: the sidebar lists the index only (every page carries the nav)
KIND_ORDER = ("person", "organization", "place")


@dataclass(frozen=True)
class NavEntry:
    title: str
    page: str | None = None
    children: tuple[NavEntry, ...] = ()

    def to_mkdocs(self) -> dict[str, object]:
        if self.children:
            return {self.title: [c.to_mkdocs() for c in self.children]}
        return {self.title: self.page}


@dataclass(frozen=True)
class Site:
    files: Mapping[str, bytes]
    nav: tuple[NavEntry, ...] = field(default=())

    def mkdocs_nav(self) -> list[dict[str, object]]:
        return [entry.to_mkdocs() for entry in self.nav]


def article_page(article_id: str) -> str:
    return f"{ARTICLES}/{article_id}.md"


def actor_page(actor_id: str) -> str:
    return f"{ACTORS}/{actor_id}.md"


@dataclass(frozen=True)
class _Ctx:
    dossier: Dossier
    lang: LanguageData
    articles: Mapping[str, Article]
    facts: Mapping[str, ArticleFacts]
    labels: Mapping[str, str]
    with_page: frozenset[str]  # the actors important enough for a page of their own
    figures_of: Mapping[str, list[Figure]]  # by article id, in dossier order
    actors_of: Mapping[str, list[Actor]]
    quotes_of: Mapping[str, list[Quote]]
    quotes_by: Mapping[str, list[Quote]]  # by speaker id
    named_with: Mapping[str, Counter[str]]  # actor id → the actors named in the same sentences, and how often
    actor_by_id: Mapping[str, Actor]
    figure_by_id: Mapping[str, Figure]

    @functools.cached_property
    def comparison(self) -> Comparison:
        """The cross-source comparison (the costliest part of rendering), for the pages that show it."""
        return compare(self.dossier)

    def actor_link(self, page: str, actor_id: str, name: str) -> str:
        """The actor's name, linked to its page where it has one."""
        return link(page, actor_page(actor_id), name) if actor_id in self.with_page else esc(name)

    def L(self, key: str, **values: object) -> str:
        return self.lang.label(key, **values)

    def date(self, value: dt.date | None) -> str:
        return format_date(value, format="long", locale=self.lang.code) if value else self.L("unknown")

    def source(self, article: Article) -> str:
        return article.meta.source or self.L("source_unknown")

    def ref(self, page: str, ref: MentionRef, with_article: bool = True) -> str:
        """A link to the sentence an item came from; its title attribute shows the sentence."""
        article = self.articles[ref.article]
        text = self.L("sentence_n", n=ref.sentence + 1)
        if with_article:
            text = f"{self.short(article)}, {text}"
        return link(page, article_page(article.id), text, anchor=f"s{ref.sentence}", title=ref.text)

    def short(self, article: Article) -> str:
        """A compact label: the source where no other article has it, else "Artikel N (source)"."""
        return self.labels[article.id]


T = TypeVar("T", Figure, Actor)


def _by_article(items: Sequence[T]) -> dict[str, list[T]]:
    """Items by the articles that mention them (each once per article), in dossier order."""
    out: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for article in dict.fromkeys(r.article for r in item.mentions):
            out[article].append(item)
    return out


def _quotes_by_article(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        out[q.mention.article].append(q)
    return out


def _quotes_by_speaker(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker:
            out[q.speaker].append(q)
    return out


def _named_with(pairs: Counter[tuple[str, str]]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, b), n in pairs.items():
        out[a][b] += n
        out[b][a] += n
    return out


def _important_actors(dossier: Dossier) -> frozenset[str]:
    """Actors that get a page: named more than once, or given a role, or quoted."""
    quoted = {q.speaker for q in dossier.quotes if q.speaker}
    return frozenset(a.id for a in dossier.actors if len(a.mentions) > 1 or a.roles or a.id in quoted)


def _labels(dossier: Dossier, lang: LanguageData) -> dict[str, str]:
    sources = Counter(a.meta.source for a in dossier.articles)
    labels = {}
    for n, a in enumerate(dossier.articles, 1):
        if a.meta.source and sources[a.meta.source] == 1:
            labels[a.id] = a.meta.source
        else:
            numbered = lang.label("article_n", n=n)
            labels[a.id] = f"{numbered} ({a.meta.source})" if a.meta.source else numbered
    return labels


def render(dossier: Dossier, lang: LanguageData, jobs: int = 1) -> Site:
    """The site's files and navigation. With ``jobs`` > 1 the dossier-wide pages are rendered in a
    second process while this one renders the page of each article and actor (the same files)."""
    ctx = _Ctx(
        dossier=dossier,
        lang=lang,
        articles={a.id: a for a in dossier.articles},
        facts={f.article_id: f for f in dossier.facts},
        labels=_labels(dossier, lang),
        with_page=_important_actors(dossier),
        figures_of=_by_article(dossier.figures),
        actors_of=_by_article(dossier.actors),
        quotes_of=_quotes_by_article(dossier.quotes),
        quotes_by=_quotes_by_speaker(dossier.quotes),
        named_with=_named_with(cooccurrence(dossier.actors)),
        actor_by_id={a.id: a for a in dossier.actors},
        figure_by_id={f.id: f for f in dossier.figures},
    )
    overview = functools.partial(_overview_files, ctx)
    forked = Forked.start(overview) if jobs > 1 else None
    try:
        files = _item_files(ctx)
    except BaseException:
        if forked:
            forked.discard()
        raise
    files.update(forked.result() if forked else overview())
    encoded = dict(sorted(files.items()))
    nav = (
        NavEntry(ctx.L("nav_home"), HOME),
        NavEntry(
            ctx.L("nav_articles"),
            children=(
                NavEntry(ctx.L("nav_articles_index"), f"{ARTICLES}/index.md"),
                *(
                    NavEntry(plain_title(a.title, NAV_TITLE_MAX), article_page(a.id))
                    for a in (dossier.articles if len(dossier.articles) <= NAV_ARTICLES_MAX else ())
                ),
            ),
        ),
        NavEntry(ctx.L("nav_figures"), FIGURES),
        NavEntry(ctx.L("nav_actors"), f"{ACTORS}/index.md"),
        NavEntry(ctx.L("nav_timeline"), TIMELINE),
        NavEntry(ctx.L("nav_quotes"), QUOTES),
        NavEntry(ctx.L("nav_compare"), COMPARE),
        NavEntry(ctx.L("nav_data"), DATA),
    )
    return Site(files=encoded, nav=nav)


def _encoded(files: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {path: (c.encode("utf-8") if isinstance(c, str) else c) for path, c in files.items()}


def _overview_files(ctx: _Ctx) -> dict[str, bytes]:
    """The dossier-wide pages, charts, data and assets."""
    dossier = ctx.dossier
    files: dict[str, str | bytes] = {
        HOME: _home(ctx),
        f"{ARTICLES}/index.md": _article_index(ctx),
        FIGURES: _figures(ctx),
        f"{ACTORS}/index.md": _actor_index(ctx),
        TIMELINE: _timeline(ctx),
        QUOTES: _quotes(ctx),
        COMPARE: _compare(ctx),
        DATA: _data(ctx),
        DATA_FILE: dossier_json(dossier),
    }
    if dossier.timeline:
        keys = (ctx.L("timeline_several"), ctx.L("timeline_one"))
        files["timeline.svg"] = timeline_svg(_timeline_points(ctx), ctx.L("nav_timeline"), keys)
    comparison = _comparison_rows(ctx)
    if comparison:
        files["figures.svg"] = comparison_svg(comparison, ctx.L("comparison"), ctx.L("conflict"))
    if dossier.actors:
        legend = {k: ctx.L(f"kind_{k}_plural") for k in KIND_ORDER}
        files[f"{ACTORS}/network.svg"] = network_svg(dossier.actors[:NETWORK_TOP], ctx.L("network"), legend)
    assets = resources.files("generator") / "assets"
    for name in ASSETS:
        files[f"{ASSET_DIR}/{name}"] = (assets / name).read_bytes()
    return _encoded(files)


def _item_files(ctx: _Ctx) -> dict[str, bytes]:
    """The page of each article and of each actor important enough for one."""
    files = {article_page(a.id): _article(ctx, a) for a in ctx.dossier.articles}
    files.update((actor_page(x.id), _actor(ctx, x)) for x in ctx.dossier.actors if x.id in ctx.with_page)
    return _encoded(files)


# --- pages --------------------------------------------------------------------------------------


def _page(title: str, *parts: str) -> str:
    title = plain_title(title)
    return front_matter(title) + f"# {md_text(title)}\n\n" + "\n".join(p for p in parts if p)


def _h2(text: str) -> str:
    return f"## {md_text(text)}\n\n"


def _none(ctx: _Ctx, what: str, capabilities: frozenset[str] | None = None) -> str:
    """The honest empty state: nothing found, or an extractor that did not run (for this article)."""
    ran = ctx.dossier.capabilities if capabilities is None else capabilities
    key = f"none_{what}" if what in ran else f"not_yet_{what}"
    return paragraph(esc(ctx.L(key)), "dossier-empty")


def _home(ctx: _Ctx) -> str:
    d = ctx.dossier
    sources = sorted({a.meta.source for a in d.articles if a.meta.source})
    dates = sorted(a.meta.published for a in d.articles if a.meta.published)
    undated = sum(1 for a in d.articles if a.meta.published is None)
    facts = [ctx.L("home_articles", n=len(d.articles))]
    if sources:
        facts.append(ctx.L("home_sources", sources=", ".join(sources)))
    if dates:
        span = ctx.date(dates[0]) if dates[0] == dates[-1] else f"{ctx.date(dates[0])} – {ctx.date(dates[-1])}"
        facts.append(ctx.L("home_dates", span=span))
    if undated:
        facts.append(ctx.L("home_undated", n=undated))
    parts = []
    if ctx.comparison.overview:
        sentences = []
        for article_id, index in ctx.comparison.overview:
            article = ctx.articles[article_id]
            ref = ctx.ref(HOME, MentionRef(article_id, index, article.sentences[index].text))
            sentences.append(f"{esc(summary_text(article, index))} <small>({ref})</small>")
        parts.append(paragraph(" ".join(sentences), "dossier-lede"))
    parts.append(paragraph(esc(" ".join(facts)), "dossier-facts"))

    parts.append(_h2(ctx.L("home_articles_heading")))
    if len(d.articles) <= NAV_ARTICLES_MAX:
        parts.append(_article_table(ctx, HOME))
    else:
        to_index = link(HOME, f"{ARTICLES}/index.md", ctx.L("all_articles", n=len(d.articles)))
        parts.append(paragraph(to_index, "dossier-note"))

    parts.append(_h2(ctx.L("home_top_actors")))
    parts.append(_actor_table(ctx, HOME, d.actors[:HOME_TOP]) if d.actors else _none(ctx, "actors"))
    parts.append(_h2(ctx.L("home_top_figures")))
    parts.append(_figure_table(ctx, HOME, d.figures[:HOME_TOP]) if d.figures else _none(ctx, "figures"))
    parts.append(_h2(ctx.L("home_latest_events")))
    latest = sorted(d.timeline, key=lambda e: e.date, reverse=True)[:HOME_TOP]
    parts.append(
        bullet_list(f"<strong>{esc(_event_date(ctx, e.date))}</strong>: {_event_item(ctx, HOME, e)}" for e in latest)
        if latest
        else _none(ctx, "timeline")
    )
    parts.append(_h2(ctx.L("home_conflicts")))
    parts.append(_conflict_list(ctx, HOME, HOME_TOP))
    for g in ctx.comparison.groups:  # and what only one source reports
        counts = [
            ctx.L("home_only", source=ctx.short(ctx.articles[a]), figures=len(f), events=len(e))
            for a, (f, e) in g.only.items()
        ]
        more = link(HOME, COMPARE, ctx.L("nav_compare"))
        parts.append(paragraph(esc(" ".join(counts)) + " " + esc(ctx.L("home_more")) + " " + more + "."))

    problems = list(d.issues)
    if problems:
        parts.append(_h2(ctx.L("home_issues")))
        parts.append(paragraph(esc(ctx.L("home_issues_intro"))))
        parts.append(
            bullet_list(
                f"<code>{esc(i.file or '-')}</code> ({esc(ctx.L('severity_' + i.severity.value))}): {esc(i.message)}"
                for i in problems
            )
        )
    return _page(d.title, *parts)


def _article_table(ctx: _Ctx, page: str) -> str:
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


def _article_index(ctx: _Ctx) -> str:
    return _page(ctx.L("nav_articles"), _article_table(ctx, f"{ARTICLES}/index.md"))


def _article(ctx: _Ctx, a: Article) -> str:
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
    meta = (
        "<table>\n<tbody>\n"
        + "\n".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in meta_rows)
        + "\n</tbody>\n</table>\n"
    )

    summary = (
        paragraph(esc(ctx.L("summary_lead")))
        + bullet_list(
            f"{esc(summary_text(a, i))} {link(page, page, '↗', anchor=f's{i}', title=ctx.L('sentence_n', n=i + 1))}"
            for i in facts.summary
        )
        if facts.summary
        else _none(ctx, "summary")
    )

    own_figures = ctx.figures_of.get(a.id, [])
    own_actors = ctx.actors_of.get(a.id, [])
    own_quotes = ctx.quotes_of.get(a.id, [])
    parts = [
        meta,
        _h2(ctx.L("summary")),
        summary,
        _h2(ctx.L("nav_figures")),
        _figure_table(ctx, page, own_figures) if own_figures else _none(ctx, "figures", facts.capabilities),
        _h2(ctx.L("nav_actors")),
        _actor_table(ctx, page, own_actors) if own_actors else _none(ctx, "actors", facts.capabilities),
        _h2(ctx.L("nav_quotes")),
        _quote_list(ctx, page, own_quotes, with_speaker=True)
        if own_quotes
        else _none(ctx, "quotes", facts.capabilities),
        _h2(ctx.L("full_text")),
        paragraph(esc(ctx.L("full_text_intro")), "dossier-note"),
        _full_text(ctx, a),
    ]
    return _page(a.title, *parts)


def _full_text(ctx: _Ctx, a: Article) -> str:
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


def _value(ctx: _Ctx, value: float | None) -> str:
    if value is None:
        return ctx.L("vague")
    return _decimal(value, ctx.lang.code)


@functools.lru_cache(maxsize=4096)
def _decimal(value: float, locale: str) -> str:
    return format_decimal(value, locale=locale)  # Babel's formatting is slow, and values repeat


def _figure_sources(ctx: _Ctx, f: Figure) -> list[str]:
    return list(dict.fromkeys(ctx.short(ctx.articles[r.article]) for r in f.mentions))


def _figure_table(ctx: _Ctx, page: str, figures: Iterable[Figure]) -> str:
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


def _conflict_list(ctx: _Ctx, page: str, limit: int | None = None) -> str:
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
        return _none(ctx, "conflicts")
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


def _comparison_rows(ctx: _Ctx) -> list[Row]:
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


def _figures(ctx: _Ctx) -> str:
    figs = ctx.dossier.figures
    if not figs:
        return _page(ctx.L("nav_figures"), _none(ctx, "figures"))
    parts = [paragraph(esc(ctx.L("figures_intro")))]
    parts.append(_h2(ctx.L("home_conflicts")))
    parts.append(_conflict_list(ctx, FIGURES))
    if _comparison_rows(ctx):
        parts.append(_h2(ctx.L("comparison")))
        parts.append(paragraph(esc(ctx.L("comparison_intro"))))
        parts.append(paragraph(f'<img src="figures.svg" alt="{esc(ctx.L("comparison"))}" class="dossier-chart">'))
    parts.append(_h2(ctx.L("all_figures")))
    parts.append(_figure_table(ctx, FIGURES, figs))
    return _page(ctx.L("nav_figures"), *parts)


def _actor_table(ctx: _Ctx, page: str, actors: Iterable[Actor], with_kind: bool = True) -> str:
    rows, keys = [], []
    for x in actors:
        sources = {r.article for r in x.mentions}
        kind = [esc(ctx.L(f"kind_{x.kind}"))] if with_kind else []
        rows.append(
            [
                ctx.actor_link(page, x.id, x.name)
                + ("" if x.id in ctx.with_page else " " + ctx.ref(page, x.mentions[0])),
                *kind,
                esc(", ".join(x.roles)),
                esc(", ".join(x.aliases)),
                str(len(x.mentions)),
                str(len(sources)),
            ]
        )
        keys.append([None, *([None] * len(kind)), None, None, str(len(x.mentions)), str(len(sources))])
    columns = (
        "col_name",
        *(("col_kind",) if with_kind else ()),
        "col_roles",
        "col_aliases",
        "col_mentions",
        "col_articles",
    )
    numeric = [c in ("col_mentions", "col_articles") for c in columns]
    return table([ctx.L(k) for k in columns], rows, keys, numeric=numeric)


def _actor_index(ctx: _Ctx) -> str:
    actors = ctx.dossier.actors
    if not actors:
        return _page(ctx.L("nav_actors"), _none(ctx, "actors"))
    parts = []
    by_kind: dict[str, list[Actor]] = defaultdict(list)
    for x in actors:
        by_kind[x.kind].append(x)
    parts.append(_h2(ctx.L("network")))
    parts.append(paragraph(esc(ctx.L("network_intro", n=min(len(actors), NETWORK_TOP)))))
    parts.append(paragraph(f'<img src="network.svg" alt="{esc(ctx.L("network"))}" class="dossier-network">'))
    for kind in KIND_ORDER:
        if by_kind.get(kind):
            parts.append(_h2(ctx.L(f"kind_{kind}_plural")))
            parts.append(_actor_table(ctx, f"{ACTORS}/index.md", by_kind[kind], with_kind=False))
    return _page(ctx.L("nav_actors"), *parts)


def _actor(ctx: _Ctx, x: Actor) -> str:
    page = actor_page(x.id)
    facts = [
        (ctx.L("col_kind"), esc(ctx.L(f"kind_{x.kind}"))),
        (ctx.L("col_roles"), esc(", ".join(x.roles) or ctx.L("none"))),
        (ctx.L("col_aliases"), esc(", ".join(x.aliases) or ctx.L("none"))),
    ]
    meta = (
        "<table>\n<tbody>\n"
        + "\n".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in facts)
        + "\n</tbody>\n</table>\n"
    )
    mentions = bullet_list(f"{highlight(r.text, (x.name, *x.aliases))} ({ctx.ref(page, r)})" for r in x.mentions)
    quotes = ctx.quotes_by.get(x.id, [])
    co = ctx.named_with.get(x.id, Counter())
    by_id = ctx.actor_by_id
    together = bullet_list(
        f"{ctx.actor_link(page, i, by_id[i].name)} ({esc(ctx.L('times_together', n=n))})"
        for i, n in sorted(co.items(), key=lambda kv: (-kv[1], by_id[kv[0]].name))
    )
    return _page(
        x.name,
        meta,
        _h2(ctx.L("col_mentions")),
        mentions,
        _h2(ctx.L("nav_quotes")),
        _quote_list(ctx, page, quotes, with_speaker=False) if quotes else _none(ctx, "quotes"),
        _h2(ctx.L("named_with")),
        together if co else paragraph(esc(ctx.L("none")), "dossier-empty"),
    )


def _speaker_html(ctx: _Ctx, page: str, q: Quote) -> str:
    if q.speaker:
        return ctx.actor_link(page, q.speaker, q.speaker_name or q.speaker)
    return esc(q.speaker_name or ctx.L("speaker_unknown"))


def _quote_list(ctx: _Ctx, page: str, quotes: Iterable[Quote], with_speaker: bool) -> str:
    items = []
    for q in quotes:
        speaker = f"<strong>{_speaker_html(ctx, page, q)}</strong>: " if with_speaker else ""
        text = " ".join(q.text.split())
        said = f"„{esc(text)}“" if q.kind == "direct" else f"<em>{esc(ctx.L('reported'))}</em> {esc(text)}"
        items.append(f"{speaker}{said} {ctx.ref(page, q.mention)}")
    return bullet_list(items)


def _quotes(ctx: _Ctx) -> str:
    quotes = ctx.dossier.quotes
    if not quotes:
        return _page(ctx.L("nav_quotes"), _none(ctx, "quotes"))
    # one group per speaker: the merged actor where there is one (all its spellings), else the name as written
    actors = {a.id: a.name for a in ctx.dossier.actors}
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[actors.get(q.speaker or "", q.speaker_name or "")].append(q)
    parts = [paragraph(esc(ctx.L("quotes_intro")))]
    for name in sorted(groups, key=lambda n: (n == "", -len(groups[n]), n)):
        heading = name or ctx.L("speaker_unknown")
        first = groups[name][0]
        parts.append(_h2(heading))
        if first.speaker and first.speaker in ctx.with_page:
            parts.append(paragraph(link(QUOTES, actor_page(first.speaker), ctx.L("to_actor_page")), "dossier-note"))
        parts.append(_quote_list(ctx, QUOTES, groups[name], with_speaker=False))
    return _page(ctx.L("nav_quotes"), *parts)


def _event_date(ctx: _Ctx, date: str) -> str:
    """A date as precise as the text allows, written for a reader: "7. Januar 2022", "Januar 2022", "2019"."""
    parts = [int(x) for x in date.split("-")]
    if len(parts) == 3:
        return ctx.date(dt.date(*parts))
    if len(parts) == 2:
        return str(format_date(dt.date(parts[0], parts[1], 1), format="MMMM y", locale=ctx.lang.code))
    return date


def _time_of_day(ctx: _Ctx, tod: str | None) -> str:
    if not tod:
        return ""
    key = f"tod_{tod}"
    return ctx.L(key) if key in ctx.lang.ui else ctx.L("clock", time=tod)


def _event_item(ctx: _Ctx, page: str, e: Event) -> str:
    when = _time_of_day(ctx, e.time_of_day)
    refs = "; ".join(f"„{esc(m.expression)}“: {ctx.ref(page, _ref(m))}" for m in e.mentions)
    sources = len({m.article for m in e.mentions})
    badge = f' <span class="dossier-badge">{esc(ctx.L("n_sources", n=sources))}</span>' if sources > 1 else ""
    prefix = f"<strong>{esc(when)}</strong> " if when else ""
    return f"{prefix}{esc(e.label)}{badge}<br><small>{refs}</small>"


def _timeline(ctx: _Ctx) -> str:
    events = ctx.dossier.timeline
    if not events:
        return _page(ctx.L("nav_timeline"), _none(ctx, "timeline"))
    parts = [paragraph(esc(ctx.L("timeline_intro")))]
    undated = [a for a in ctx.dossier.articles if a.meta.published is None]
    if undated:
        parts.append(paragraph(esc(ctx.L("timeline_undated", n=len(undated))), "dossier-note"))
    parts.append(paragraph(f'<img src="timeline.svg" alt="{esc(ctx.L("nav_timeline"))}" class="dossier-chart">'))
    by_date: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_date[e.date].append(e)
    for date in sorted(by_date):
        parts.append(_h2(_event_date(ctx, date)))
        parts.append(bullet_list(_event_item(ctx, TIMELINE, e) for e in by_date[date]))
    return _page(ctx.L("nav_timeline"), *parts)


def _timeline_points(ctx: _Ctx) -> list[Point]:
    return [
        Point(
            _event_date(ctx, e.date) + (f", {_time_of_day(ctx, e.time_of_day)}" if e.time_of_day else ""),
            e.label,
            len({m.article for m in e.mentions}),
        )
        for e in ctx.dossier.timeline
    ]


def _compare(ctx: _Ctx) -> str:
    c = ctx.comparison
    by_fig = {f.id: f for f in ctx.dossier.figures}
    by_event = {e.id: e for e in ctx.dossier.timeline}
    parts = [paragraph(esc(ctx.L("compare_intro")))]

    def fig_item(fid: str) -> str:
        f = by_fig[fid]
        return f"{esc(f.text)} ({'; '.join(ctx.ref(COMPARE, r) for r in f.mentions)})"

    def event_item(eid: str) -> str:
        e = by_event[eid]
        return f"<strong>{esc(_event_date(ctx, e.date))}</strong>: {_event_item(ctx, COMPARE, e)}"

    if not c.groups:
        parts.append(paragraph(esc(ctx.L("compare_no_groups")), "dossier-empty"))
    for g in c.groups:
        names = ", ".join(ctx.short(ctx.articles[a]) for a in g.articles)
        parts.append(_h2(ctx.L("compare_all_report", sources=names)))
        if g.shared_figures:
            parts.append(bullet_list(fig_item(f) for f in g.shared_figures))
        if g.shared_events:
            parts.append(bullet_list(event_item(e) for e in g.shared_events))
        if not g.shared_figures and not g.shared_events:
            parts.append(paragraph(esc(ctx.L("none")), "dossier-empty"))
        for a in g.articles:
            figs, events = g.only[a]
            parts.append(_h2(ctx.L("compare_only", source=ctx.short(ctx.articles[a]))))
            items = [fig_item(f) for f in figs] + [event_item(e) for e in events]
            parts.append(bullet_list(items) if items else paragraph(esc(ctx.L("none")), "dossier-empty"))
    parts.append(_h2(ctx.L("home_conflicts")))
    parts.append(_conflict_list(ctx, COMPARE, HOME_TOP))
    parts.append(_h2(ctx.L("compare_aligned")))
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
    return _page(ctx.L("nav_compare"), *parts)


def _data(ctx: _Ctx) -> str:
    d = ctx.dossier
    counts = ctx.L(
        "data_counts",
        articles=len(d.articles),
        actors=len(d.actors),
        figures=len(d.figures),
        quotes=len(d.quotes),
        events=len(d.timeline),
    )
    body = (
        paragraph(esc(ctx.L("data_intro")))
        + paragraph(f'<a href="{DATA_FILE}" download>{esc(DATA_FILE)}</a> – {esc(counts)}')
        + paragraph(esc(ctx.L("data_schema")))
    )
    return _page(ctx.L("nav_data"), body)


def _ref(m: EventMention) -> MentionRef:
    return MentionRef(m.article, m.sentence, m.text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)
