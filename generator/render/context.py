"""What every page shares: the page paths, the lookups built once per dossier, labels, links to the
sentences items come from, and the page frame."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from babel import Locale
from babel.dates import format_date

from generator.lang import LanguageData
from generator.merge.compare import Comparison, compare
from generator.model import Actor, Article, ArticleFacts, Dossier, Event, Figure, MentionRef, Quote
from generator.read.layout import plain_title
from generator.render.markup import esc, front_matter, link, md_text, paragraph
from generator.render.network import cooccurrence

ARTICLES = "articles"
ACTORS = "actors"
HOME = "index.md"
FIGURES = "figures.md"
TIMELINE = "timeline.md"
QUOTES = "quotes.md"
COMPARE = "compare.md"
DATA = "data.md"
DATA_FILE = "dossier.json"
HOME_TOP = 8  # actors, figures, events and conflicts on the home page
NETWORK_TOP = 24  # actors in the network picture
NAV_ARTICLES_MAX = 40  # more articles than this: the sidebar and home page link to the index only
KIND_ORDER = ("person", "organization", "place")


def article_page(article_id: str) -> str:
    return f"{ARTICLES}/{article_id}.md"


def actor_page(actor_id: str) -> str:
    return f"{ACTORS}/{actor_id}.md"


@dataclass(frozen=True)
class Context:
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

    @functools.cached_property
    def quote_versions(self) -> dict[str, Quote]:
        """A quote and the same statement in another language (a translation and its original): quotes of
        one speaker in two sentences the comparison aligns across languages, each way."""
        at: dict[tuple[str, int], list[Quote]] = defaultdict(list)
        for q in self.dossier.quotes:
            at[(q.mention.article, q.mention.sentence)].append(q)
        language = {a.id: a.meta.language for a in self.dossier.articles}
        out: dict[str, Quote] = {}
        for pair in self.comparison.aligned:
            if language[pair.a[0]] == language[pair.b[0]]:
                continue
            for x in at.get(pair.a, []):
                same = [y for y in at.get(pair.b, []) if y.speaker == x.speaker and y.kind == x.kind]
                if x.speaker and len(same) == 1:
                    out[x.id], out[same[0].id] = same[0], x
        return out

    def quoted(self, html: str) -> str:
        """``html`` in the site language's quotation marks („…“ in German, “…” in English)."""
        opening, closing = self.lang.quotes.quote_marks[0]
        return f"{opening}{html}{closing}"

    def language_of(self, ref: MentionRef) -> str:
        return self.articles[ref.article].meta.language

    def language_mark(self, code: str) -> str:
        """The name of a language other than the site's, as a small mark ("Englisch"); empty for the site's."""
        if code == self.dossier.language:
            return ""
        name = Locale.parse(self.lang.code).languages.get(code, code)
        return f' <span class="dossier-lang">{esc(name)}</span>'

    def actor_link(self, page: str, actor_id: str, name: str) -> str:
        """The actor's name, linked to its page where it has one."""
        return link(page, actor_page(actor_id), name) if actor_id in self.with_page else esc(name)

    def L(self, key: str, **values: object) -> str:
        return self.lang.label(key, **values)

    def count(self, key: str, n: int, **values: object) -> str:
        """A label with a number in it, in the singular where ``n`` is 1 (the key ``{key}_one``)."""
        return self.lang.label(f"{key}_one" if n == 1 else key, n=n, **values)

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


def make_context(dossier: Dossier, lang: LanguageData) -> Context:
    return Context(
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


def frame(title: str, *parts: str) -> str:
    title = plain_title(title)
    return front_matter(title) + f"# {md_text(title)}\n\n" + "\n".join(p for p in parts if p)


def h2(text: str) -> str:
    return f"## {md_text(text)}\n\n"


def marks(ctx: Context, item: Actor | Figure | Quote | Event) -> str:
    """The small marks after an item: "corrected" (the editor's note, escaped, as its tooltip), and on
    a site that shows every item (``publish: all``) "uncertain" where the verifier withheld it (its
    confidence as the tooltip)."""
    out = ""
    if item.corrected is not None:
        title = esc(item.corrected or ctx.L("corrected_no_note"))
        out += f' <span class="dossier-corrected" title="{title}">{esc(ctx.L("corrected"))}</span>'
    if not item.published and item.confidence is not None:
        title = esc(ctx.L("uncertain_title", confidence=f"{item.confidence:.2f}"))
        out += f' <span class="dossier-uncertain" title="{title}">{esc(ctx.L("uncertain"))}</span>'
    return out


def withheld_note(ctx: Context, area: str) -> str:
    """How many items of an area the verifier withheld for the editor (none: nothing)."""
    n = dict(ctx.dossier.withheld).get(area, 0)
    return paragraph(esc(ctx.count("withheld_note", n)), "dossier-note") if n else ""


def none_found(ctx: Context, what: str, capabilities: frozenset[str] | None = None) -> str:
    """The honest empty state: nothing found, or an extractor that did not run (for this article);
    on a dossier-wide page, the items withheld for the editor are counted too."""
    if capabilities is None and dict(ctx.dossier.withheld).get(what):
        return paragraph(esc(ctx.L(f"none_{what}")), "dossier-empty") + withheld_note(ctx, what)
    ran = ctx.dossier.capabilities if capabilities is None else capabilities
    key = f"none_{what}" if what in ran else f"not_yet_{what}"
    return paragraph(esc(ctx.L(key)), "dossier-empty")
