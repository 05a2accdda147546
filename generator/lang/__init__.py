"""Language data: one folder per language (``generator/lang/<code>/*.yaml``), loaded by one loader.

Code stays language-neutral; adding a language means adding a folder with the same files and keys
as ``de`` (``tests/test_lang.py`` checks that).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

REFERENCE_LANGUAGE = "de"


class LanguageDataError(ValueError):
    pass


@dataclass(frozen=True)
class ActorCues:
    """Words that signal people, organisations, places and roles (``actors.yaml``), case-folded."""

    lexicon_sources: tuple[str, ...]
    role_endings: frozenset[str]
    role_inflections: tuple[str, ...]  # inflection endings of nouns (role words, place heads)
    role_modifiers: frozenset[str]
    role_adjective_endings: tuple[str, ...]
    organisation_endings: frozenset[str]
    organisation_suffixes: frozenset[str]
    institution_endings: frozenset[str]
    institution_words: frozenset[str]
    definite_articles: frozenset[str]
    name_particles: frozenset[str]
    person_cues: frozenset[str]
    place_heads: frozenset[str]
    transliteration: tuple[tuple[str, str], ...]
    # an institution's names → a key shared by every language ("Innenministerium", "Interior Ministry"
    # → "interior-ministry"), case-folded, so that one named in two languages is one actor
    institutions: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    institution_names_in_order: tuple[tuple[str, str], ...] = ()  # (name as written, key), in file order
    # words that continue a name or role after its head where nouns are not capitalised:
    # "Ministry of Defence" (name_links), "spokesman for the company" (role_links)
    name_links: frozenset[str] = frozenset()
    role_links: frozenset[str] = frozenset()
    # a name ends before one of these followed by an article ("Karl Weber von der …", "Kleinau in den …")
    name_breaks: frozenset[str] = frozenset()
    # no actor: the name after one of these heads ("das Betriebssystem X", "der Planet X"), a word ending
    # in one of the endings ("Friedenspreis"), or one of the words (the planets, ranks)
    non_actor_heads: frozenset[str] = frozenset()
    non_actor_endings: frozenset[str] = frozenset()
    non_actor_words: frozenset[str] = frozenset()

    def institution(self, name: str) -> str | None:
        """The language-neutral key of an institution's name, inflected too ("des Innenministeriums")."""
        low = name.casefold()
        for infl in ("", *self.role_inflections):
            if low.endswith(infl) and (key := self.institutions.get(low[: len(low) - len(infl)])) is not None:
                return key
        return None

    @functools.cached_property
    def _institution_names(self) -> dict[str, str]:
        return {key: name for name, key in reversed(list(self.institution_names_in_order))}

    @functools.cached_property
    def institution_first_words(self) -> frozenset[str]:
        """The first words of the institutions' names of several words ("weißes", "auswärtiges")."""
        return frozenset(name.split()[0] for name in self.institutions if " " in name)

    def institution_name(self, key: str) -> str | None:
        """The institution's first name for ``key`` in this language ("interior-ministry" → "Innenministerium")."""
        return self._institution_names.get(key)

    def fold(self, name: str) -> str:
        """A spelling skeleton for comparing names across articles and transliterations."""
        s = name.casefold()
        for a, b in self.transliteration:
            s = s.replace(a, b)
        return s

    def _ending_pattern(self, endings: frozenset[str]) -> re.Pattern[str]:
        """Words ending in one of ``endings``, perhaps followed by an inflection ending."""
        alternatives = "|".join(sorted(map(re.escape, endings), key=len, reverse=True))
        inflections = "|".join(map(re.escape, self.role_inflections))
        return re.compile(rf"(?:{alternatives})(?:{inflections})?$")

    @functools.cached_property
    def _role_pattern(self) -> re.Pattern[str]:
        return self._ending_pattern(self.role_endings)

    @functools.cached_property
    def _place_pattern(self) -> re.Pattern[str]:
        return self._ending_pattern(self.place_heads)

    def is_role(self, token: str) -> bool:
        low = token.casefold().lstrip("-")
        return len(low) >= 3 and token[:1].isalpha() and self._role_pattern.search(low) is not None

    def is_place_head(self, token: str) -> bool:
        low = token.casefold().lstrip("-")
        return len(low) >= 3 and token[:1].isalpha() and self._place_pattern.search(low) is not None

    def is_institution(self, token: str) -> bool:
        """A compound naming an institution that acts on its own ("Innenministerium"), not the bare head."""
        low = token.casefold()
        if low in self.institution_words:
            return True
        for infl in ("", *self.role_inflections):  # inflected too: "des Verfassungsgerichtes"
            base = low[: len(low) - len(infl)] if infl and low.endswith(infl) else low if not infl else ""
            if base and any(base.endswith(e) and base != e for e in self.institution_endings):
                return True
        return False

    @functools.cached_property
    def _organisation_endings(self) -> tuple[str, ...]:
        return tuple(sorted(self.organisation_endings))

    def is_organisation_head(self, token: str, inflected: bool = True) -> bool:
        """Ends in an organisation's head word ("Nachrichtenagentur"), or, with ``inflected``, in an
        inflected one ("Konzerns", "Organisationen")."""
        low = token.casefold()
        return low.endswith(self._organisation_endings) or (
            inflected
            and any(
                low.endswith(infl) and low[: len(low) - len(infl)].endswith(self._organisation_endings)
                for infl in self.role_inflections
            )
        )


@dataclass(frozen=True)
class Measure:
    """What a count of people says happened to them (``figures.yaml`` measures)."""

    key: str  # "killed"
    label: str  # what the page shows: "Tote"
    nouns: frozenset[str]  # counted nouns that are the measure ("Todesopfer")
    cues: tuple[tuple[str, ...], ...]  # words or phrases in the clause that say it ("ums Leben")


@dataclass(frozen=True)
class FigureCues:
    """Words and forms of quantities (``figures.yaml``), case-folded."""

    qualifiers: tuple[tuple[str, ...], ...]  # token sequences, longest first
    scales: MappingProxyType[str, float]
    fractions: MappingProxyType[str, float]
    vague: frozenset[str]
    vague_before: frozenset[str]
    percent: frozenset[str]
    currencies: frozenset[str]
    time_units: frozenset[str]
    months: frozenset[str]
    age_suffixes: tuple[str, ...]
    age_unit: str
    identifier_words: frozenset[str]
    thousands_separator: str
    decimal_separator: str
    nouns_capitalised: bool
    measures: MappingProxyType[str, Measure]
    change_cues: frozenset[str]
    count_words: frozenset[str]
    range_words: frozenset[str]
    range_openers: frozenset[str]
    rate_words: frozenset[str]
    people_nouns: frozenset[str]
    genitive_links: frozenset[str]  # open a genitive after a unit: "der" ("Prozent der Stimmen"), "of the"
    unit_articles: frozenset[str]  # left out at the start of what is counted ("ein Fünftel des …")
    conjunctions: frozenset[str]  # join two genitives: "der Polizei und der Nationalgarde"
    # a number's clause with one of these tells no toll: "könnten … sterben", "niemand wurde verletzt"
    doubt_words: frozenset[str] = frozenset()
    alternative_words: frozenset[str] = frozenset()  # "zwei oder drei": both ends, as a range
    # a number inside a quotation of at most this many words, with no verb, is a name or a slogan
    slogan_words: int = 0
    unit_forms: str = ""  # the library that gives a unit's nominative plural ("german-nouns"), or none
    # what is counted, keyed across languages: "soldiers" → {"soldaten", "mann", "truppen"}
    groups: MappingProxyType[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @functools.cached_property
    def cues_by_first_word(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """Every measure cue as (measure key, cue words), under the cue's first word: a clause is
        searched word by word with one lookup each, not every cue at every word."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key, m in self.measures.items():
            for cue in m.cues:
                if cue:
                    index.setdefault(cue[0], []).append((key, cue))
        return {w: tuple(v) for w, v in index.items()}  # a dict, not a proxy: language data is pickled


@dataclass(frozen=True)
class TimeCues:
    """Words of time expressions (``time.yaml``), case-folded."""

    weekdays: MappingProxyType[str, int]
    months: MappingProxyType[str, int]
    parts_of_day: MappingProxyType[str, str]
    relative_days: MappingProxyType[str, int]
    anchored_days: MappingProxyType[str, int]
    units: MappingProxyType[str, str]
    plural_units: frozenset[str]
    past_modifiers: frozenset[str]
    present_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    ago: frozenset[str]
    since: frozenset[str]
    lasting: frozenset[str]
    seasons: MappingProxyType[str, str]
    period_parts: frozenset[str]
    present_words: frozenset[str]
    past_words: frozenset[str]
    this_year_words: frozenset[str]
    sets: MappingProxyType[str, str]
    every: frozenset[str]
    vague_amounts: frozenset[str]
    clock_word: str
    clock_prepositions: frozenset[str]
    future_cues: frozenset[str]
    past_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]
    participle: re.Pattern[str]  # a participle, for the perfect
    anchored_before: frozenset[str]
    anchored_after: frozenset[str]
    relative_units: MappingProxyType[str, tuple[str, int]]
    indefinite_articles: frozenset[str]
    before_common_era: frozenset[str]
    articles: frozenset[str]
    one_words: frozenset[str]
    month_prepositions: frozenset[str]
    part_of_day_prepositions: frozenset[str]
    relative_day_adjectives: MappingProxyType[str, int]
    range_words: frozenset[str]
    date_range_words: frozenset[str]
    ordinal_words: MappingProxyType[str, int]
    periods: MappingProxyType[str, str]
    until_now: frozenset[str]
    stative_auxiliaries: frozenset[str]
    passive_participle: str
    then_and_now: frozenset[str]
    # where a participle alone tells the past ("ordered troops on Friday"), the words before one that
    # make it no past ("will be detained on Monday"); empty where a participle needs an auxiliary
    participle_not_past_after: frozenset[str] = frozenset()
    # word sequences that say what follows is ahead ("is due to meet", "are set to")
    future_phrases: tuple[tuple[str, ...], ...] = ()
    # words between two days of one month that list them: "am 24. und 25. September"
    date_list_words: frozenset[str] = frozenset()
    # nouns that make a number after them an identifier, never a year: "Resolution 1701", "Flug 1549"
    identifier_nouns: frozenset[str] = frozenset()
    # words before a weekday that make it an attribute of something past: "die Proteste vom Sonntag"
    past_attributes: frozenset[str] = frozenset()
    # a date after these in a sentence of intent is a target or deadline, not an event: "bis 2020 sollen"
    target_prepositions: frozenset[str] = frozenset()
    # a date after these dates the start of a state, not what the sentence states: "seit … 1991 regiert"
    background_prepositions: frozenset[str] = frozenset()
    # the word after a count of units that counts back from the DCT: "three years ago" (German: before)
    ago_after: frozenset[str] = frozenset()
    # words between a part of a period and its year: "the end of 1939", "Ende des Jahres 1939"
    period_links: frozenset[str] = frozenset()
    # parts of a period before a link: "the end of 1939", "the beginning of May"
    linked_period_parts: frozenset[str] = frozenset()
    # "am selben Tag", "im selben Jahr": the day or year the text narrates
    same_modifiers: frozenset[str] = frozenset()
    # words of a time ahead with no day of its own: "bald" (TIMEX3 FUTURE_REF)
    future_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuoteCues:
    """Speech: quotation marks, speech verbs, frames (``quotes.yaml``)."""

    quote_marks: tuple[tuple[str, str], ...]
    speech_verbs: frozenset[str]
    so_words: frozenset[str]
    according_words: frozenset[str]
    that_words: frozenset[str]
    pronouns: frozenset[str]
    possessives: frozenset[str]
    min_words: int
    source_phrases: tuple[tuple[str, ...], ...]
    frame_gap: int
    addressee_prepositions: frozenset[str] = frozenset()  # "mit X", "gegenüber X": X is spoken to
    dative_articles: frozenset[str] = frozenset()  # "dem X": X is spoken to (but "laut dem X" speaks)
    # a reported clause without comma or conjunction ("X said on Friday he …"): the words that open
    # one; empty where the language always marks it (German: "X sagte, …")
    clause_openers: frozenset[str] = frozenset()
    frame_adjuncts: frozenset[str] = frozenset()  # between the verb and the clause ("said late on Friday")
    addressee_verbs: frozenset[str] = frozenset()  # take the one spoken to first ("told reporters that")
    not_a_frame_after: frozenset[str] = frozenset()  # "is said to be": no speech
    clause_auxiliaries: frozenset[str] = frozenset()  # "said profits had fallen": a bare noun's verb
    own_words: frozenset[str] = frozenset()  # "nach eigenen Angaben": the subject is the source
    own_sources: frozenset[str] = frozenset()  # the nouns after one ("Angaben", "account")
    source_links: frozenset[str] = frozenset()  # inside a source's name ("nach Angaben der Polizei")
    final_frame_words: int = 0  # "…, the ministry said.": the subject between comma and verb, at most
    # the mood of reported speech (German Konjunktiv I: "sei", "habe"): a sentence in it after a quote
    # goes on reporting; its finite verbs written so (whole words, and endings less the ones excluded)
    reported_mood_words: frozenset[str] = frozenset()
    possessor_endings: frozenset[str] = frozenset()  # "Weber's government": the owner does not speak
    passive_auxiliaries: frozenset[str] = frozenset()  # "Ihm wird vorgeworfen, …": no subject speaks
    as_words: frozenset[str] = frozenset()  # "wie X berichtet, …": a clause of its own that frames speech
    reported_mood_endings: frozenset[str] = frozenset()
    reported_mood_not_endings: frozenset[str] = frozenset()
    # learned from annotated speech (``speech_cues.yaml``, written by bench/train_quotes.py):
    learned_cues: frozenset[str] = frozenset()  # word forms that cue speech ("sagte", "laut", "Angaben")
    source_heads: frozenset[str] = frozenset()  # nouns that head a speaker's phrase ("Sprecher", "Polizei")


@dataclass(frozen=True)
class LanguageData:
    code: str
    name: str
    ui: MappingProxyType[str, str]  # page labels and sentences shown to the reader
    function_words: frozenset[str]  # articles, pronouns, conjunctions…, case-folded
    actors: ActorCues
    figures: FigureCues
    time: TimeCues
    quotes: QuoteCues

    def label(self, key: str, **values: object) -> str:
        text = self.ui[key]
        return text.format(**values) if values else text


def _lang_root() -> Any:
    return resources.files(__name__)


@functools.cache
def available_languages() -> tuple[str, ...]:
    root = _lang_root()
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "ui.yaml").is_file()))


# PyYAML's safe loader, in C where PyYAML was built with libyaml (the same documents, 7× faster)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(code: str, name: str) -> dict[str, Any]:
    path = _lang_root() / code / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LanguageDataError(f"lang/{code}/{name}: {exc}") from exc
    if not isinstance(data, dict):
        raise LanguageDataError(f"lang/{code}/{name}: expected a mapping at the top level")
    return data


@functools.cache
def load_language(code: str) -> LanguageData:
    if code not in available_languages():
        raise LanguageDataError(f"no language data for {code!r} (known: {', '.join(available_languages())})")
    ui = _load_yaml(code, "ui.yaml")
    name = ui.pop("language_name", code)
    bad = sorted(k for k, v in ui.items() if not isinstance(v, str) or not v.strip())
    if bad:
        raise LanguageDataError(f"lang/{code}/ui.yaml: empty or non-text labels: {', '.join(bad)}")
    words = _load_yaml(code, "words.yaml")
    return LanguageData(
        code=code,
        name=str(name),
        ui=MappingProxyType(dict(ui)),
        function_words=_word_set(words, "function_words", f"lang/{code}/words.yaml"),
        actors=_actor_cues(code),
        figures=_figure_cues(code),
        time=_time_cues(code),
        quotes=_quote_cues(code),
    )


def _quote_cues(code: str) -> QuoteCues:
    data = _load_yaml(code, "quotes.yaml")
    where = f"lang/{code}/quotes.yaml"
    marks = data.get("quote_marks")
    if not isinstance(marks, list) or not all(
        isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) and x for x in m) for m in marks
    ):
        raise LanguageDataError(f"{where}: quote_marks must be a list of [opening, closing] pairs")
    learned = _load_yaml(code, "speech_cues.yaml")
    learned_where = f"lang/{code}/speech_cues.yaml"
    min_words = data.get("min_words")
    if not isinstance(min_words, int) or min_words < 1:
        raise LanguageDataError(f"{where}: min_words must be a whole number")
    return QuoteCues(
        quote_marks=tuple((m[0], m[1]) for m in marks),
        speech_verbs=_word_set(data, "speech_verbs", where),
        so_words=_word_set(data, "so_words", where),
        according_words=_word_set(data, "according_words", where),
        that_words=_word_set(data, "that_words", where),
        pronouns=_word_set(data, "pronouns", where),
        possessives=_word_set(data, "possessives", where),
        min_words=min_words,
        source_phrases=tuple(
            tuple(x.casefold().split()) for x in data.get("source_phrases", []) if isinstance(x, str) and x.strip()
        ),
        frame_gap=int(data.get("frame_gap", 3)),
        addressee_prepositions=_word_set(data, "addressee_prepositions", where),
        dative_articles=_word_set(data, "dative_articles", where, allow_empty=True),
        clause_openers=_word_set(data, "clause_openers", where, allow_empty=True),
        frame_adjuncts=_word_set(data, "frame_adjuncts", where, allow_empty=True),
        addressee_verbs=_word_set(data, "addressee_verbs", where, allow_empty=True),
        not_a_frame_after=_word_set(data, "not_a_frame_after", where, allow_empty=True),
        clause_auxiliaries=_word_set(data, "clause_auxiliaries", where, allow_empty=True),
        final_frame_words=int(data.get("final_frame_words", 0)),
        source_links=_word_set(data, "source_links", where, allow_empty=True),
        own_words=_word_set(data, "own_words", where, allow_empty=True),
        own_sources=_word_set(data, "own_sources", where, allow_empty=True),
        reported_mood_words=_word_set(data, "reported_mood_words", where, allow_empty=True),
        as_words=_word_set(data, "as_words", where, allow_empty=True) if "as_words" in data else frozenset(),
        possessor_endings=(
            frozenset(data["possessor_endings"].split())
            if isinstance(data.get("possessor_endings"), str)
            else frozenset()
        ),
        passive_auxiliaries=(
            _word_set(data, "passive_auxiliaries", where, allow_empty=True)
            if "passive_auxiliaries" in data
            else frozenset()
        ),
        reported_mood_endings=_word_set(data, "reported_mood_endings", where, allow_empty=True),
        reported_mood_not_endings=_word_set(data, "reported_mood_not_endings", where, allow_empty=True),
        learned_cues=_word_set(learned, "cues", learned_where, allow_empty=True),
        source_heads=_word_set(learned, "source_heads", learned_where, allow_empty=True),
    )


def _mapping(data: dict[str, Any], key: str, where: str, kind: type) -> MappingProxyType[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, kind) for k, v in value.items()):
        raise LanguageDataError(f"{where}: {key} must map words to {kind.__name__} values")
    return MappingProxyType({k.casefold(): v for k, v in value.items()})


def _time_cues(code: str) -> TimeCues:
    data = _load_yaml(code, "time.yaml")
    where = f"lang/{code}/time.yaml"

    def words(key: str) -> frozenset[str]:
        return _word_set(data, key, where)

    return TimeCues(
        weekdays=_mapping(data, "weekdays", where, int),
        months=_mapping(data, "months", where, int),
        parts_of_day=_mapping(data, "parts_of_day", where, str),
        relative_days=_mapping(data, "relative_days", where, int),
        anchored_days=_mapping(data, "anchored_days", where, int),
        units=_mapping(data, "units", where, str),
        plural_units=words("plural_units"),
        past_modifiers=words("past_modifiers"),
        present_modifiers=words("present_modifiers"),
        future_modifiers=words("future_modifiers"),
        ago=words("ago"),
        since=words("since"),
        lasting=words("lasting"),
        seasons=_mapping(data, "seasons", where, str),
        period_parts=words("period_parts"),
        present_words=words("present_words"),
        past_words=words("past_words"),
        this_year_words=words("this_year_words"),
        sets=_mapping(data, "sets", where, str),
        every=words("every"),
        vague_amounts=words("vague_amounts"),
        clock_word=_text(data, "clock_word", where).casefold(),
        clock_prepositions=words("clock_prepositions"),
        future_cues=words("future_cues"),
        past_auxiliaries=words("past_auxiliaries"),
        perfect_auxiliaries=words("perfect_auxiliaries"),
        future_auxiliaries=words("future_auxiliaries"),
        participle=_pattern(data, "participle_pattern", "lang/" + code + "/time.yaml"),
        anchored_before=words("anchored_before"),
        anchored_after=words("anchored_after"),
        relative_units=_relative_units(data, "lang/" + code + "/time.yaml"),
        indefinite_articles=words("indefinite_articles"),
        before_common_era=words("before_common_era"),
        articles=words("articles"),
        one_words=words("one_words"),
        month_prepositions=words("month_prepositions"),
        part_of_day_prepositions=words("part_of_day_prepositions"),
        relative_day_adjectives=MappingProxyType(
            {k.casefold(): int(v) for k, v in (data.get("relative_day_adjectives") or {}).items()}
        ),
        participle_not_past_after=_word_set(data, "participle_not_past_after", where, allow_empty=True),
        future_phrases=tuple(
            tuple(x.casefold().split()) for x in data.get("future_phrases") or [] if isinstance(x, str) and x.strip()
        ),
        range_words=words("range_words"),
        date_range_words=words("date_range_words"),
        ordinal_words=_mapping(data, "ordinal_words", where, int),
        periods=_mapping(data, "periods", where, str),
        until_now=words("until_now"),
        stative_auxiliaries=words("stative_auxiliaries"),
        passive_participle=_text(data, "passive_participle", where).casefold(),
        then_and_now=words("then_and_now"),
        date_list_words=words("date_list_words"),
        identifier_nouns=words("identifier_nouns"),
        past_attributes=_word_set(data, "past_attributes", where, allow_empty=True),
        target_prepositions=words("target_prepositions"),
        background_prepositions=words("background_prepositions"),
        ago_after=_word_set(data, "ago_after", where, allow_empty=True),
        period_links=words("period_links"),
        linked_period_parts=words("linked_period_parts"),
        same_modifiers=words("same_modifiers"),
        future_words=_word_set(data, "future_words", where, allow_empty=True),
    )


def _numbers(data: dict[str, Any], key: str, where: str) -> MappingProxyType[str, float]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise LanguageDataError(f"{where}: {key} must map words to numbers")
    return MappingProxyType({k.casefold(): float(v) for k, v in value.items()})


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise LanguageDataError(f"{where}: {key} must be text")
    return value


def _figure_cues(code: str) -> FigureCues:
    data = _load_yaml(code, "figures.yaml")
    where = f"lang/{code}/figures.yaml"
    qualifiers = data.get("qualifiers")
    if not isinstance(qualifiers, list) or not all(isinstance(q, str) and q.strip() for q in qualifiers):
        raise LanguageDataError(f"{where}: qualifiers must be a list of phrases")
    phrases = sorted({tuple(q.casefold().split()) for q in qualifiers}, key=lambda p: (-len(p), p))
    return FigureCues(
        qualifiers=tuple(phrases),
        scales=_numbers(data, "scales", where),
        fractions=_numbers(data, "fractions", where),
        vague=_word_set(data, "vague", where),
        vague_before=_word_set(data, "vague_before", where),
        percent=_word_set(data, "percent", where),
        currencies=_word_set(data, "currencies", where),
        time_units=_word_set(data, "time_units", where),
        months=_word_set(data, "months", where),
        age_suffixes=tuple(sorted(_word_set(data, "age_suffixes", where), key=len, reverse=True)),
        age_unit=_text(data, "age_unit", where),
        identifier_words=_word_set(data, "identifier_words", where),
        thousands_separator=_text(data, "thousands_separator", where),
        decimal_separator=_text(data, "decimal_separator", where),
        nouns_capitalised=bool(data.get("nouns_capitalised", False)),
        measures=_measures(data, where),
        change_cues=_word_set(data, "change_cues", where),
        count_words=_word_set(data, "count_words", where),
        range_words=_word_set(data, "range_words", where),
        range_openers=_word_set(data, "range_openers", where),
        rate_words=_word_set(data, "rate_words", where),
        people_nouns=_word_set(data, "people_nouns", where),
        genitive_links=_word_set(data, "genitive_links", where),
        unit_articles=_word_set(data, "unit_articles", where),
        conjunctions=_word_set(data, "conjunctions", where),
        doubt_words=_word_set(data, "doubt_words", where) if "doubt_words" in data else frozenset(),
        alternative_words=_word_set(data, "alternative_words", where) if "alternative_words" in data else frozenset(),
        slogan_words=int(data.get("slogan_words", 0)),
        unit_forms=str(data.get("unit_forms", "")),
        groups=MappingProxyType({str(k): _word_set(data["groups"], str(k), where) for k in data.get("groups") or {}}),
    )


def _measures(data: dict[str, Any], where: str) -> MappingProxyType[str, Measure]:
    value = data.get("measures")
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: measures must map a key to its label, nouns and cues")
    out = {}
    for key, spec in value.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("cues"), list):
            raise LanguageDataError(f"{where}: measure {key!r} needs a label, nouns (text) and cues (a list)")
        cues = tuple(tuple(str(c).casefold().split()) for c in spec["cues"] if str(c).strip())
        label = _text(spec, "label", f"{where}: measure {key!r}")
        out[str(key)] = Measure(str(key), label, _word_set(spec, "nouns", f"{where}: measure {key!r}"), cues)
    return MappingProxyType(out)


def _actor_cues(code: str) -> ActorCues:
    data = _load_yaml(code, "actors.yaml")
    where = f"lang/{code}/actors.yaml"
    return ActorCues(
        lexicon_sources=tuple(sorted(_word_set(data, "lexicon", where))),
        role_endings=_word_set(data, "role_endings", where),
        role_inflections=tuple(sorted(_word_set(data, "role_inflections", where), key=len, reverse=True)),
        role_modifiers=_word_set(data, "role_modifiers", where),
        role_adjective_endings=tuple(sorted(_word_set(data, "role_adjective_endings", where))),
        organisation_endings=_word_set(data, "organisation_endings", where),
        organisation_suffixes=_word_set(data, "organisation_suffixes", where),
        institution_endings=_word_set(data, "institution_endings", where),
        institution_words=_word_set(data, "institution_words", where),
        definite_articles=_word_set(data, "definite_articles", where),
        name_particles=_word_set(data, "name_particles", where),
        person_cues=_word_set(data, "person_cues", where),
        place_heads=_word_set(data, "place_heads", where),
        transliteration=_folds(data, where),
        institutions=_institutions(data, where),
        name_links=_word_set(data, "name_links", where, allow_empty=True),
        role_links=_word_set(data, "role_links", where, allow_empty=True),
        name_breaks=_optional_words(data, "name_breaks", where),
        non_actor_heads=_optional_words(data, "non_actor_heads", where),
        non_actor_endings=_optional_words(data, "non_actor_endings", where),
        non_actor_words=_optional_words(data, "non_actor_words", where),
        institution_names_in_order=tuple(
            (name, key) for key, names in (data.get("institutions") or {}).items() for name in names
        ),
    )


def _institutions(data: dict[str, Any], where: str) -> MappingProxyType[str, str]:
    value = data.get("institutions")
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and v and all(isinstance(n, str) and n.strip() for n in v)
        for k, v in value.items()
    ):
        raise LanguageDataError(f"{where}: institutions must map a key to a list of names")
    out: dict[str, str] = {}
    for key, names in value.items():
        for name in names:
            if out.setdefault(" ".join(name.casefold().split()), key) != key:
                raise LanguageDataError(f"{where}: institutions: {name!r} stands under two keys")
    return MappingProxyType(out)


def _folds(data: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    value = data.get("transliteration")
    if not isinstance(value, str):
        raise LanguageDataError(f"{where}: transliteration must be text: pairs such as 'sch>sh'")
    pairs = []
    for item in value.split():
        a, sep, b = item.partition(">")
        if not sep or not a:
            raise LanguageDataError(f"{where}: transliteration: {item!r} is not of the form 'from>to'")
        pairs.append((a.casefold(), b.casefold()))
    return tuple(pairs)


def _relative_units(data: dict[str, Any], where: str) -> MappingProxyType[str, tuple[str, int]]:
    value = data.get("relative_units")
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], int)
        for k, v in value.items()
    ):
        raise LanguageDataError(f"{where}: relative_units must map words to [unit, steps]")
    return MappingProxyType({k.casefold(): (v[0], v[1]) for k, v in value.items()})


def _pattern(data: dict[str, Any], key: str, where: str) -> re.Pattern[str]:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise LanguageDataError(f"{where}: {key} must be a regular expression")
    try:
        return re.compile(value)
    except re.error as exc:
        raise LanguageDataError(f"{where}: {key} is not a valid regular expression: {exc}") from None


def _optional_words(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return _word_set(data, key, where, allow_empty=True) if key in data else frozenset()


def _word_set(data: dict[str, Any], key: str, where: str, allow_empty: bool = False) -> frozenset[str]:
    """A word list written as text (words separated by white space), case-folded."""
    value = data.get(key)
    if not isinstance(value, str) or not (value.split() or allow_empty):
        raise LanguageDataError(f"{where}: {key} must be text: words separated by spaces")
    return frozenset(w.casefold() for w in value.split())
