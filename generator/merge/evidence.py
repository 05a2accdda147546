"""What the pipeline knows about each merged item, as numbers a verifier can weigh.

One function per area turns an item of the merged :class:`~generator.model.Dossier` into a mapping of
feature name → number: how many mentions and articles support it, which rule or model found it, the
shape and endings of a name, the speaker's distance from the quotation, the tense around a date,
whether the language data knows a unit. The names are the model's inputs
(``generator/models/verifier-<code>.json`` lists them); a feature the model does not know is ignored, one
it knows that is missing counts as 0. Pure functions of the dossier and the language data.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.lang import LanguageData
from generator.model import Actor, ActorMention, Dossier, Event, Figure, Quote, QuoteMention

Features = dict[str, float]

_YEAR = re.compile(r"\b\d{4}\b")
_DIGIT = re.compile(r"\d")
_INFLECTED = ("es", "en", "em", "er", "s", "n")
_CONTEXT = 40  # characters of text kept on each side of an actor's mention
_SENTENCE_END = (".", "!", "?", ":", "\n")


@dataclass(frozen=True)
class Evidence:
    """What the feature functions look up, built once per dossier."""

    dossier: Dossier
    languages: Mapping[str, LanguageData]
    published: Mapping[str, dt.date | None]  # article id → its publication date
    titles: str  # every article's title, case-folded, for "named in a headline"
    actor_mentions: Mapping[str, tuple[ActorMention, ...]]  # actor name or alias → its mentions
    quote_mentions: Mapping[tuple[str, str], QuoteMention]  # (article, text) → the quote as found
    persons_by_last: Mapping[str, int]  # a person's last name → how many persons of the dossier have it
    names: frozenset[str]  # every actor name, case-folded
    name_pieces: frozenset[str]  # what stands in a name right after or right before a space (_pieces)
    languages_of: Mapping[str, str]  # article id → its language code
    events_per_sentence: Mapping[tuple[str, int], int]
    actor_by_id: Mapping[str, Actor]
    name_words: frozenset[str]  # every word of a person's or organisation's name, case-folded
    contexts: Mapping[str, tuple[tuple[str, str], ...]]  # actor name → (text before, text after) per mention

    def lang(self, article: str) -> LanguageData:
        code = self.languages_of.get(article, self.dossier.language)
        return self.languages.get(code) or self.languages[self.dossier.language]


def gather_evidence(dossier: Dossier, languages: Mapping[str, LanguageData]) -> Evidence:
    mentions: dict[str, list[ActorMention]] = defaultdict(list)
    contexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    quotes: dict[tuple[str, str], QuoteMention] = {}
    bodies = {a.id: a.body for a in dossier.articles}
    for facts in dossier.facts:
        body = bodies.get(facts.article_id, "")
        for m in facts.actors:
            mentions[m.name].append(m)
            contexts[m.name].append((body[max(m.start - _CONTEXT, 0) : m.start], body[m.end : m.end + _CONTEXT]))
        for q in facts.quotes:
            quotes.setdefault((facts.article_id, q.text), q)
    last: dict[str, int] = defaultdict(int)
    for a in dossier.actors:
        if a.kind == "person" and " " in a.name:
            last[a.name.rsplit(" ", 1)[1].casefold()] += 1
    per_sentence: dict[tuple[str, int], int] = defaultdict(int)
    for e in dossier.timeline:
        for slot in {(x.article, x.sentence) for x in e.mentions}:
            per_sentence[slot] += 1
    return Evidence(
        dossier=dossier,
        languages=languages,
        published={a.id: a.meta.published for a in dossier.articles},
        titles=" ".join(a.title for a in dossier.articles).casefold(),
        actor_mentions={k: tuple(v) for k, v in mentions.items()},
        quote_mentions=quotes,
        persons_by_last=dict(last),
        names=frozenset(a.name.casefold() for a in dossier.actors),
        name_pieces=frozenset(p for a in dossier.actors for p in _pieces(a.name.casefold())),
        languages_of={a.id: a.meta.language for a in dossier.articles},
        events_per_sentence=dict(per_sentence),
        actor_by_id={a.id: a for a in dossier.actors},
        name_words=frozenset(
            w.casefold() for a in dossier.actors if a.kind != "place" for w in a.name.split() if w[:1].isupper()
        ),
        contexts={k: tuple(v) for k, v in contexts.items()},
    )


def _pieces(name: str) -> set[str]:
    """Every piece of ``name`` that starts right after a space or ends right before one: ``x`` is a
    piece of some name exactly when ``" x"`` or ``"x "`` occurs in it (one set lookup, not a scan of
    every name for every actor)."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    out = {name[i + 1 : j] for i in spaces for j in range(i + 2, len(name) + 1)}
    out |= {name[i:j] for j in spaces for i in range(j)}
    return out


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def _word_shape(words: list[str]) -> Features:
    lower = [w for w in words if w[:1].islower()]
    return {
        "words": float(len(words)),
        "one_word": float(len(words) == 1),
        "lower_words": float(len(lower)),
        "has_digit": float(any(_DIGIT.search(w) for w in words)),
        "all_caps": float(bool(words) and all(w.isupper() and len(w) > 1 for w in words)),
        "hyphen": float(any("-" in w for w in words)),
        "inflected_end": float(bool(words) and words[-1].casefold().endswith(_INFLECTED)),
        "genitive_s": float(bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss")),
        "long_name": float(len(words) > 3),
    }


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def context_features(contexts: tuple[tuple[str, str], ...], articles: frozenset[str]) -> Features:
    """How the text around a name's mentions looks: a name cut from a longer one is followed by a capital
    or by a short lowercase word and a capital (``X ohne Y``), a glued or inflected one follows an article;
    each feature is the share of the mentions that show it. ``articles`` holds the language's articles."""
    nxt, joiner, prev_cap, hyphen, comma, after_article, quoted = [], [], [], [], [], [], []
    for before, after in contexts:
        words_after = after.split()
        words_before = before.split()
        first = words_after[0] if words_after and after[:1].isspace() else ""
        second = words_after[1] if len(words_after) > 1 else ""
        nxt.append(first[:1].isupper())
        joiner.append(first[:1].islower() and len(first) <= 4 and second[:1].isupper())
        prev = words_before[-1] if words_before and before[-1:].isspace() else ""
        prev_cap.append(prev[:1].isupper() and len(words_before) > 1 and not words_before[-2].endswith(_SENTENCE_END))
        hyphen.append(after[:1] == "-" or before[-1:] == "-")
        comma.append(after[:1] == ",")
        after_article.append(prev.casefold() in articles)
        quoted.append(after[:1] in '“”"«»„' or before[-1:] in '“”"«»„')
    return {
        "ctx_next_capital": _share(nxt),
        "ctx_next_joiner": _share(joiner),
        "ctx_prev_capital": _share(prev_cap),
        "ctx_hyphen": _share(hyphen),
        "ctx_comma_after": _share(comma),
        "ctx_after_article": _share(after_article),
        "ctx_quoted": _share(quoted),
    }


def actor_features(actor: Actor, ev: Evidence) -> Features:
    words = actor.name.split()
    lang = ev.lang(actor.mentions[0].article) if actor.mentions else ev.languages[ev.dossier.language]
    found = [m for n in (actor.name, *actor.aliases) for m in ev.actor_mentions.get(n, ())]
    exact = sum(actor.name in r.text for r in actor.mentions) / max(len(actor.mentions), 1)
    articles = {r.article for r in actor.mentions}
    low = actor.name.casefold()
    f: Features = {f"name_{k}": v for k, v in _word_shape(words).items()}
    last = words[-1].casefold() if words else ""
    inside_other = low in ev.name_pieces  # another name has it after or before a space
    f |= {
        f"kind_{actor.kind}": 1.0,
        "mentions": _log(len(actor.mentions)),
        "one_mention": float(len(actor.mentions) == 1),
        "articles": _log(len(articles)),
        "several_articles": float(len(articles) > 1),
        "aliases": _log(len(actor.aliases)),
        "roles": float(bool(actor.roles)),
        "exact_share": exact,
        "in_title": float(low in ev.titles),
        "evidence_share": sum(m.evidence for m in found) / max(len(found), 1),
        "role_share": sum(m.role is not None for m in found) / max(len(found), 1),
        "kind_agreement": sum(m.kind == actor.kind for m in found) / max(len(found), 1),
        "institution": float(low in lang.actors.institutions),
        "place_head": float(last in lang.actors.place_heads),
        "org_ending": float(any(last.endswith(e) for e in lang.actors.organisation_endings)),
        "inside_other_name": float(inside_other),
        "shared_last_name": float(ev.persons_by_last.get(last, 0) > 1),
        "surname_of_other": float(len(words) == 1 and ev.persons_by_last.get(low, 0) > 0),
        "first_is_article": float(bool(words) and words[0].casefold() in lang.actors.definite_articles),
        "inner_word_en": float(any(w.endswith(("en", "em")) and w[:1].isupper() for w in words[:-1])),
        "inner_word_lower": float(any(w[:1].islower() for w in words[1:-1])),
        "last_word_en": float(bool(words) and words[-1].endswith(("en", "es", "em")) and len(words) > 1),
        "kind_place_one_word": float(actor.kind == "place" and len(words) == 1),
        "person_one_word": float(actor.kind == "person" and len(words) == 1),
        "in_first_sentence": float(any(r.sentence == 0 for r in actor.mentions)),
        "name_chars": min(len(actor.name), 40) / 20.0,
    }
    if actor.kind != "person":
        f["single_word_not_person"] = float(len(words) == 1)
    contexts = tuple(c for n in (actor.name, *actor.aliases) for c in ev.contexts.get(n, ()))
    f |= context_features(contexts, lang.actors.definite_articles)
    return f


def _inside_quotation(text: str, at: int) -> bool:
    """Whether ``at`` stands inside quotation marks of ``text`` (an odd number of marks before it)."""
    marks = sum(text[:at].count(m) for m in '„“”"«»')
    return marks % 2 == 1


def event_features(event: Event, ev: Evidence) -> Features:
    first = event.mentions[0]
    lang = ev.lang(first.article)
    t = lang.time
    expr = first.expression
    low = expr.casefold()
    words = low.split()
    parts = event.date.split("-")
    published = ev.published.get(first.article)
    f: Features = {
        "precision_year": float(len(parts) == 1),
        "precision_month": float(len(parts) == 2),
        "precision_day": float(len(parts) == 3),
        "expr_year": float(bool(_YEAR.search(expr))),
        "expr_digits": float(bool(_DIGIT.search(expr))),
        "expr_words": float(len(words)),
        "expr_weekday": float(any(w.rstrip(".,") in t.weekdays for w in words)),
        "expr_relative_day": float(any(w in t.relative_days for w in words)),
        "expr_month_only": float(len(parts) == 2 and not _YEAR.search(expr)),
        "expr_bare_year": float(bool(re.fullmatch(r"\d{4}", expr.strip()))),
        "anchor": float(any(m.anchor for m in event.mentions)),
        "time_of_day": float(event.time_of_day is not None),
        "until": float(event.until is not None),
        "mentions": _log(len(event.mentions)),
        "articles": _log(len({m.article for m in event.mentions})),
        "same_sentence_events": _log(ev.events_per_sentence.get((first.article, first.sentence), 1) - 1),
        "no_published": float(published is None),
        "full_date": float(len(parts) == 3 and bool(_YEAR.search(expr))),
    }
    sentence = first.text.casefold().split()
    at = first.text.find(expr)
    before = first.text[:at].split() if at >= 0 else []
    after = first.text[at + len(expr) :].split() if at >= 0 else []
    prev = before[-1].casefold().strip("(,") if before else ""
    for word in (
        "bis",
        "ab",
        "seit",
        "von",
        "vom",
        "für",
        "nach",
        "vor",
        "zum",
        "im",
        "am",
        "des",
        "der",
        "jahr",
        "jahres",
    ):
        f[f"before_{word}"] = float(prev == word)
    f["before_capital"] = float(bool(before) and before[-1][:1].isupper() and len(before) > 1)
    f["after_capital"] = float(bool(after) and after[0][:1].isupper())
    f["after_bracket"] = float(bool(after) and after[0].startswith(")"))
    f["expr_first"] = float(not before)
    f["future_cue"] = float(any(w in t.future_cues or w in t.future_auxiliaries for w in sentence))
    f["since_before"] = float(any(w in t.since for w in sentence))
    f["sentence_words"] = _log(len(sentence))
    f["in_quotation"] = float(at >= 0 and _inside_quotation(first.text, at))
    if published is not None:
        try:
            date = dt.date(
                int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, int(parts[2]) if len(parts) > 2 else 1
            )
        except ValueError:
            return f
        delta = (date - published).days
        future = delta > (0 if len(parts) == 3 else 31 if len(parts) == 2 else 366)
        relative = f["expr_weekday"] or f["expr_month_only"] or f["expr_relative_day"]
        # direction against the sentence's own cues: a counted date ahead with no word of the future in
        # its sentence, or behind with one (the weekday or month was counted the wrong way)
        f["ahead_without_cue"] = float(bool(relative) and future and not f["future_cue"])
        f["behind_with_cue"] = float(bool(relative) and delta < 0 and bool(f["future_cue"]))
        f |= {
            "future": float(future),
            "same_day": float(delta == 0),
            "distance": _log(abs(delta)) / 10.0,
            "within_week": float(abs(delta) <= 7),
            "years_back": min(max(published.year - int(parts[0]), 0), 50) / 10.0,
        }
    return f


def quote_features(quote: Quote, ev: Evidence) -> Features:
    lang = ev.lang(quote.mention.article)
    q = lang.quotes
    text_words = quote.text.split()
    found = ev.quote_mentions.get((quote.mention.article, quote.text))
    f: Features = {
        f"kind_{quote.kind}": 1.0,
        "text_words": _log(len(text_words)),
        "short_text": float(len(text_words) < 4),
        "text_starts_lower": float(quote.text[:1].islower()),
        "text_ends_stop": float(quote.text.rstrip()[-1:] in ".!?"),
        "whole_sentence": float(len(quote.text) >= 0.9 * len(quote.mention.text)),
        "cue": float(quote.cue is not None),
        "addressee": float(quote.addressee is not None),
        "no_speaker": float(quote.speaker_name is None),
        "text_capital_short": float(quote.text[:1].isupper() and len(text_words) <= 6 and quote.kind == "direct"),
        "text_no_verb_end": float(quote.kind == "direct" and quote.text.rstrip()[-1:] not in ".!?,"),
        "text_has_comma_frame": float(quote.kind == "indirect" and quote.text.count(",") > 2),
        "direct_no_speaker": float(quote.kind == "direct" and quote.speaker_name is None),
        "indirect_no_speaker": float(quote.kind == "indirect" and quote.speaker_name is None),
    }
    if quote.cue:
        cue_words = quote.cue.casefold().split()
        f["cue_verb"] = float(any(w in q.speech_verbs for w in cue_words))
        f["cue_according"] = float(any(w in q.according_words for w in cue_words))
    if quote.speaker_name:
        words = quote.speaker_name.split()
        f |= {f"speaker_{k}": v for k, v in _word_shape(words).items()}
        f["speaker_linked"] = float(quote.speaker is not None)
        f["speaker_pronoun"] = float(quote.speaker_name.casefold() in q.pronouns)
        f["speaker_determiner"] = float(words[0].casefold() in lang.actors.definite_articles)
        f["speaker_in_sentence"] = float(quote.speaker_name in quote.mention.text)
        f["speaker_in_text"] = float(quote.speaker_name in quote.text)
        f["speaker_speech_noun"] = float(
            any(w.casefold() in q.own_sources or w.casefold() in q.according_words for w in words)
        )
        f["speaker_first_lower"] = float(words[0][:1].islower())
        f["speaker_long"] = float(len(words) > 3)
        actor = ev.actor_by_id.get(quote.speaker or "")
        if actor is not None:
            f[f"speaker_kind_{actor.kind}"] = 1.0
            f["speaker_mentions"] = _log(len(actor.mentions))
    if found is not None and found.speaker_start is not None:
        gap = (
            found.speaker_start - found.end
            if found.speaker_start >= found.end
            else found.start - (found.speaker_end or 0)
        )
        f["speaker_after"] = float(found.speaker_start >= found.end)
        f["speaker_gap"] = _log(abs(gap)) / 5.0
        f["speaker_far"] = float(abs(gap) > 60)
    return f


def figure_features(figure: Figure, ev: Evidence) -> Features:
    lang = ev.lang(figure.mentions[0].article) if figure.mentions else ev.languages[ev.dossier.language]
    c = lang.figures
    value = figure.value if figure.value is not None else 0.0
    unit = figure.unit
    unit_low = unit.casefold()
    unit_words = unit.split()
    known_nouns = {n.casefold() for m in c.measures.values() for n in m.nouns}
    known_labels = {m.label.casefold() for m in c.measures.values()}
    f: Features = {
        "year_like": float(value.is_integer() and 1800 <= value <= 2100 and figure.measure is None),
        "magnitude": math.log10(abs(value) + 1.0) / 3.0,
        "integer": float(value.is_integer()),
        "small": float(abs(value) < 10),
        "no_unit": float(not unit.strip()),
        "unit_words": float(len(unit_words)),
        "unit_capitalised": float(unit[:1].isupper()),
        "unit_dative_n": float(bool(unit_words) and unit_words[-1].endswith("n") and unit_words[-1][:1].isupper()),
        "unit_known": float(unit_low in known_nouns or unit_low in known_labels),
        "unit_currency": float(unit_low in {x.casefold() for x in c.currencies}),
        "unit_percent": float(unit_low in {x.casefold() for x in c.percent}),
        "unit_time": float(unit_low in {x.casefold() for x in c.time_units}),
        "unit_age": float(unit == c.age_unit),
        "unit_people": float(unit_low in {x.casefold() for x in c.people_nouns}),
        "unit_in_text": float(unit in figure.text),
        "measure": float(figure.measure is not None),
        "qualifier": float(figure.qualifier is not None),
        "range": float(figure.upper is not None),
        "mentions": _log(len(figure.mentions)),
        "articles": _log(len({r.article for r in figure.mentions})),
        "several_articles": float(len({r.article for r in figure.mentions}) > 1),
        "conflicts": _log(len(figure.conflicts)),
        "text_hyphen": float("-" in figure.text),
        "text_words": float(len(figure.text.split())),
        "unit_ern": float(bool(unit_words) and unit_words[-1].endswith(("ern", "eln"))),
        "unit_ten": float(bool(unit_words) and unit_words[-1].endswith(("ten", "ten"))),
        "unit_en": float(bool(unit_words) and unit_words[-1].endswith("en")),
        "unit_is_name": float(bool(unit_words) and unit_words[-1].casefold() in ev.name_words),
        "text_colon": float(":" in figure.text or ")" in figure.text),
        "unit_lower": float(unit[:1].islower()),
        "unit_long": float(len(unit_words) > 2),
    }
    return f


# each area's feature function: the one table the verifier applies and its training fits on
FEATURISERS: Mapping[str, Callable[[Any, Evidence], Features]] = {
    "actors": actor_features,
    "timeline": event_features,
    "quotes": quote_features,
    "figures": figure_features,
}
AREAS = tuple(FEATURISERS)
