"""Units as a reader writes them: the nominative plural of a counted noun written in the dative
("mit 12 Punkten" → "Punkte", "sieben Bergleuten" → "Bergleute"), and the nouns that are only ever
singular ("die 2017 anstehende Wahl": no count of elections), from a morphological lexicon
(german-nouns, Wiktionary's inflection tables), never from a list of units.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from generator.cache import ToolStore

log = logging.getLogger(__name__)

_CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
_VARIANTS = ("", "*", " 1", " 2", " 3", " 4")


@dataclass(frozen=True)
class UnitForms:
    """``nominative``: a dative plural form → its nominative plural, where they differ and the form
    is no nominative of any noun; ``singular``: forms that are never a plural of any noun."""

    nominative: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    singular: frozenset[str] = frozenset()

    def nominative_plural(self, word: str) -> str:
        return self.nominative.get(word, word)


@functools.cache
def unit_forms(source: str, store: ToolStore | None = None) -> UnitForms:
    """The forms from ``source`` (``german-nouns``; anything else: none), kept in ``store`` named by
    the library's version and this module's code."""
    if source != "german-nouns":
        return UnitForms()
    made_from = f"{metadata.version(source)} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"
    return (store or ToolStore()).load("unit-forms", made_from, _build, UnitForms)


def _build() -> UnitForms:
    import german_nouns

    path = resources.files(german_nouns) / "nouns.csv"
    dative: dict[str, str] = {}
    nominatives: set[str] = set()
    plurals: set[str] = set()
    singulars: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        col = {name: n for n, name in enumerate(header)}
        # the columns of each case and number, looked up once (not per row: the table has 100,000 rows)
        cells = {
            (case, number): tuple(c for v in _VARIANTS if (c := col.get(f"{case} {number}{v}")) is not None)
            for case in _CASES
            for number in ("singular", "plural")
        }

        def forms(row: list[str], case: str, number: str) -> list[str]:
            n = len(row)
            return [row[c] for c in cells[case, number] if c < n and row[c]]

        for row in reader:
            pos = set(row[1].split(","))
            if "Substantiv" not in pos or pos & {"Abkürzung", "Buchstabe", "Vorname", "Nachname", "Toponym"}:
                continue
            nom_pl = forms(row, "nominativ", "plural")
            nominatives.update(nom_pl, forms(row, "nominativ", "singular"))
            for case in _CASES:
                plurals.update(forms(row, case, "plural"))
                singulars.update(forms(row, case, "singular"))
            if nom_pl and "adjektivische Deklination" not in pos:
                for form in forms(row, "dativ", "plural"):
                    dative.setdefault(form, nom_pl[0])
    nominative = {d: n for d, n in dative.items() if d != n and d not in nominatives}
    log.debug("unit forms: %d dative plurals, %d singular-only forms", len(nominative), len(singulars - plurals))
    return UnitForms(nominative, frozenset(singulars - plurals))
