"""Merge per-article facts across the dossier: one actor, figure or event per real-world thing.

Today's merge joins only what is identical (same kind and name; same value, unit and qualifier; same
date and label). Spelling variants, conflicts and corroboration by content come with the extractors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from generator.analyse.lexicon import territory_code
from generator.analyse.roles import nominative
from generator.analyse.stems import sentence_stems
from generator.analyse.summarise import summary_text
from generator.lang import LanguageData, load_language
from generator.merge.actors import MergedActor, bracketed_aliases, long_forms, merge_actor_mentions
from generator.merge.events import STEM as EVENT_STEM
from generator.merge.events import Dated, calendar, merge_events
from generator.merge.figures import Found, MergedFigure, merge_figure_mentions, quantity
from generator.merge.grouping import Groups
from generator.model import (
    Actor,
    Article,
    ArticleFacts,
    Development,
    DevelopmentPoint,
    Dossier,
    Event,
    EventMention,
    Figure,
    Issue,
    MentionRef,
    Quote,
)
from generator.read.files import slugify
from generator.shorten import cut_at_word


def sentence_at(article: Article, offset: int) -> int:
    return article.sentence_at(offset)


def mention(article: Article, offset: int) -> MentionRef:
    s = article.sentences[sentence_at(article, offset)]
    return MentionRef(article.id, s.index, s.text)


class _Ids:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.taken: set[str] = set()

    def __call__(self, text: str) -> str:
        base = f"{self.prefix}-{slugify(text)[:60].strip('-')}" if self.prefix else slugify(text)[:60]
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


LABEL_MAX = 160


def event_label(article: Article, sentence: int) -> str:
    """What the sentence says, as a short line: the sentence without its dateline, cut at a word."""
    return cut_at_word(" ".join(summary_text(article, sentence).split()), LABEL_MAX)


def _timeline(
    pairs: list[tuple[Article, ArticleFacts]],
    actors: list[Actor],
    figures: list[Figure],
    function_words: frozenset[str],
    languages: Mapping[str, LanguageData],
) -> list[Event]:
    in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    figures_in: dict[tuple[str, int], set[str]] = defaultdict(set)
    for x in actors:
        for r in x.mentions:
            in_sentence[(r.article, r.sentence)].add(x.id)
    for fig in figures:
        for r in fig.mentions:
            figures_in[(r.article, r.sentence)].add(fig.id)
    dated = []
    for a, f in pairs:
        range_ends = {(m.until, sentence_at(a, m.start)) for m in f.times if m.until}
        for k, m in enumerate(f.times):
            cal = calendar(m.value) if m.type in ("DATE", "TIME") and m.event else None
            if cal is None:
                continue
            si = sentence_at(a, m.start)
            if (m.value, si) in range_ends:
                continue  # the end of a range: part of the event its start dates
            if m.until:  # the range as written is the expression: "5. bis 22. November"
                end = next((x.end for x in f.times[k + 1 :] if x.value == m.until), m.end)
                m = replace(m, end=end, text=a.body[m.start : end])
            if a.paragraphs[a.sentences[si].paragraph].heading:
                continue
            key = (a.id, si)
            dated.append(Dated(a, si, m, cal[0], cal[1], frozenset(in_sentence[key]), frozenset(figures_in[key])))
    ids = _Ids("e")
    events = []
    dated_in = {d.article.id for d in dated}  # only their sentences are compared
    stems_of = {
        a.id: sentence_stems(a, f, languages[a.meta.language].function_words, EVENT_STEM)
        for a, f in pairs
        if a.id in dated_in
    }
    for group in merge_events(dated, function_words, lambda d: stems_of[d.article.id][d.sentence]):
        first = group[0]
        tod = next((d.time_of_day for d in group if d.time_of_day), None)
        mentions = tuple(
            dict.fromkeys(
                EventMention(
                    d.article.id, d.sentence, d.article.sentences[d.sentence].text, d.mention.text, d.mention.anchor
                )
                for d in group
            )
        )
        label = event_label(first.article, first.sentence)
        until = max((c[0] for d in group if (c := calendar(d.mention.until))), default=None)
        events.append(Event(ids(f"{first.date}-{label[:40]}"), first.date, tod, label, mentions, until))
    return sorted(events, key=lambda e: (e.date, e.time_of_day or ""))


LEAD = 2  # the sentences that open an article (headline and lead): they name its story


def _named_in_sentences(merged: Sequence[MergedActor]) -> dict[str, dict[int, set[str]]]:
    """The actors (by merged name) each sentence of each article names."""
    named: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for x in merged:
        for a, m in x.mentions:
            named[a.id][sentence_at(a, m.start)].add(x.name)
    return named


def _anchors(named: Mapping[str, Mapping[int, set[str]]], f: Found) -> frozenset[str]:
    """What ties a figure to its story: the actors (people, organisations, places) its sentence, the
    one before and the article's lead name. Figures of two articles are one quantity only when
    they share one (never on value and unit alone)."""
    by_sentence = named.get(f.article.id, {})
    picked = {f.sentence, f.sentence - 1, *range(LEAD)}
    return frozenset().union(*(by_sentence.get(k, set()) for k in picked))


def _figure_importance(
    x: MergedFigure, order: Mapping[str, int], age_units: frozenset[str]
) -> tuple[int, int, int, int, float, int]:
    """Conflicts first; then figures reported by more sources, with a value, not an age, early in
    their articles (mean relative position), with a unit of more than one word (more specific)."""
    first = min(x.found, key=lambda f: (order[f.article.id], f.sentence))
    position = sum(f.sentence / max(len(f.article.sentences), 1) for f in x.found) / len(x.found)
    return (
        0 if x.conflicts else 1,
        -len(x.articles),
        1 if x.first.value is None else 0,
        1 if x.first.unit in age_units else 0,
        round(position, 3),
        -len(first.mention.unit.split()),
    )


def _figures(
    articles: tuple[Article, ...],
    pairs: list[tuple[Article, ArticleFacts]],
    function_words: frozenset[str],
    age_units: frozenset[str],
    stems_of: Mapping[str, Sequence[frozenset[str]]],
    people: frozenset[str],
    anchors: Callable[[Found], frozenset[str]] | None = None,
    groups: Mapping[str, str] | None = None,
) -> tuple[list[Figure], list[Development]]:
    order = {a.id: n for n, a in enumerate(articles)}
    found = [Found(a, sentence_at(a, m.start), m) for a, f in pairs for m in f.figures]
    merged = merge_figure_mentions(
        found, function_words, lambda f: stems_of[f.article.id][f.sentence], people, anchors, groups
    )
    ranked = sorted(range(len(merged)), key=lambda k: _figure_importance(merged[k], order, age_units))
    ids = _Ids("f")
    id_of = {k: ids(merged[k].first.text) for k in ranked}
    out = []
    for k in ranked:
        x = merged[k]
        m = x.first
        mentions = tuple(dict.fromkeys(mention(f.article, f.mention.start) for f in x.found))
        measure = next((f.mention.measure for f in x.found if f.mention.measure), None)
        conflicts = tuple(id_of[c] for c in x.conflicts)
        out.append(Figure(id_of[k], m.value, m.unit, m.qualifier, m.text, mentions, conflicts, measure, m.upper))
    return out, _developments(merged, id_of, people, function_words)


def _developments(
    merged: Sequence[MergedFigure], id_of: Mapping[int, str], people: frozenset[str], function_words: frozenset[str]
) -> list[Development]:
    """Figures of one quantity linked by updates (reports of other days), with the reports of the same
    day that conflict with them: one development each, its points in time order."""
    linked: Groups[int] = Groups(range(len(merged)))
    qty = [quantity(x.first, people, function_words) for x in merged]
    for k, x in enumerate(merged):
        for other in (*x.updates, *x.conflicts):
            if qty[k] is not None and qty[k] == qty[other]:
                linked.union(k, other)
    ids = _Ids("d")
    out = []
    for group in linked.groups():
        if len(group) < 2 or not any(merged[k].updates for k in group):
            continue
        points = []
        for k in group:
            x = merged[k]
            days = sorted({f.article.meta.published for f in x.found if f.article.meta.published})
            articles = tuple(dict.fromkeys(f.article.id for f in x.found))
            points.append(DevelopmentPoint(id_of[k], x.first.value, days[0].isoformat() if days else None, articles))
        points.sort(key=lambda p: (p.date or "", p.value if p.value is not None else -1.0))
        first = merged[group[0]].first
        key = qty[group[0]]
        assert key is not None
        out.append(Development(ids(f"{key[0]}-{first.unit}"), key[0], first.unit, tuple(points)))
    return out


def _importance(x: MergedActor) -> tuple[int, int, str]:
    """More sources first, then more mentions."""
    return (-len({a.id for a, _ in x.mentions}), -len(x.mentions), x.name)


def merge(
    title: str,
    language: str,
    articles: tuple[Article, ...],
    facts: tuple[ArticleFacts, ...],
    issues: tuple[Issue, ...] = (),
    capabilities: frozenset[str] = frozenset(),
    languages: Mapping[str, LanguageData] | None = None,
) -> Dossier:
    languages = dict(languages or {})
    for code in {language, *(a.meta.language for a in articles)} - set(languages):
        languages[code] = load_language(code)
    pairs = list(zip(articles, facts, strict=True))

    actor_ids = _Ids("")
    actors = []
    # roles as a reader writes them on their own: "früheren Minister" → "früherer Minister"
    found = [
        (a, replace(m, role=nominative(m.role, languages[a.meta.language].actors)) if m.role else m)
        for a, f in pairs
        for m in f.actors
    ]
    function_words = frozenset().union(*(lang.function_words for lang in languages.values()))
    acronyms = {m.name for _, m in found if m.kind == "organization" and m.name.isupper()}
    known = {(a.id, m.start) for a, m in found}

    found += [
        (a, m) for a, m in long_forms([(a, f.long_forms) for a, f in pairs], acronyms) if (a.id, m.start) not in known
    ]
    merged = merge_actor_mentions(
        found,
        fold=lambda article, name: languages[article.meta.language].actors.fold(name),
        function_words=function_words,
        same=bracketed_aliases(pairs),
        institution=lambda article, name: languages[article.meta.language].actors.institution(name),
        home=lambda article: article.meta.language == language,
        standard=languages[language].actors.institution_name,
        territory=lambda name: territory_code(name, tuple(sorted(languages))),
    )
    order = {a.id: n for n, a in enumerate(articles)}
    named = _named_in_sentences(merged)
    for x in sorted(merged, key=_importance):
        in_order = sorted(x.mentions, key=lambda am: (order[am[0].id], am[1].start))
        mentions = tuple(dict.fromkeys(mention(a, m.start) for a, m in in_order))
        actors.append(Actor(actor_ids(x.name), x.name, x.kind, x.aliases, x.roles, mentions))

    age_units = frozenset(lang.figures.age_unit for lang in languages.values())
    # each sentence's content words, in its article's language (stored by the analysis)
    stems_of = {a.id: sentence_stems(a, f, languages[a.meta.language].function_words) for a, f in pairs}
    people = frozenset().union(
        *(
            lang.figures.people_nouns.union(*(m.nouns for m in lang.figures.measures.values()))
            for lang in languages.values()
        )
    )
    groups = {noun: key for lang in languages.values() for key, nouns in lang.figures.groups.items() for noun in nouns}
    figures, developments = _figures(
        articles, pairs, function_words, age_units, stems_of, people, lambda f: _anchors(named, f), groups
    )

    by_name = {name: a.id for a in actors for name in (a.name, *a.aliases)}
    quote_ids = _Ids("q")
    quotes = [
        Quote(
            quote_ids(f"{a.id}-{m.start}"),
            m.text,
            by_name.get(m.speaker) if m.speaker else None,
            m.speaker,
            m.kind,
            mention(a, m.start),
            m.cue,
            m.addressee,
        )
        for a, f in pairs
        for m in f.quotes
    ]

    timeline = _timeline(pairs, actors, figures, function_words, languages)

    return Dossier(
        title=title,
        language=language,
        articles=articles,
        facts=facts,
        actors=tuple(actors),
        figures=tuple(figures),
        quotes=tuple(quotes),
        timeline=tuple(timeline),
        issues=issues,
        capabilities=capabilities,
        developments=tuple(developments),
    )
