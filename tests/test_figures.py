"""Figures: table-driven German phrases (number forms, units, qualifiers, negatives) and cross-source merging.

Each case is a sentence of our own and the figures a careful reader would list: (value, unit, qualifier).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.figures import FigureExtractor
from generator.analyse.postag import PosTagger
from generator.config import load_config
from generator.lang import load_language
from generator.read.reader import Reader
from tests.conftest import gather_texts

CASES: list[tuple[str, list[tuple[float | None, str, str | None]]]] = [
    # digits, separators, decimals
    ("Die Polizei nahm 3700 Menschen fest.", [(3700, "Menschen", None)]),
    ("Die Polizei nahm 3.700 Menschen fest.", [(3700, "Menschen", None)]),
    ("Bis zu 20.000 Demonstranten zogen durch die Stadt.", [(20000, "Demonstranten", "bis zu")]),
    ("Der Pegel stieg auf 4,20 Meter.", [(4.2, "Meter", None)]),
    ("Es fielen 1,5 Liter Regen pro Quadratmeter.", [(1.5, "Liter", None)]),
    ("Das Werk beschäftigt 12.500 Mitarbeiter.", [(12500, "Mitarbeiter", None)]),
    ("Insgesamt 1.234.567 Wähler gaben ihre Stimme ab.", [(1234567, "Wähler", "insgesamt")]),
    # scale words
    ("Das Land hat 19 Millionen Einwohner.", [(19_000_000, "Einwohner", None)]),
    ("Der Konzern verlor 2,5 Milliarden Euro.", [(2_500_000_000, "Euro", None)]),
    ("Die Stadt investiert 3 Mio. Euro in Schulen.", [(3_000_000, "Euro", None)]),
    ("Es geht um 2,5 Mrd. Dollar.", [(2_500_000_000, "Dollar", None)]),
    ("Rund 40 Tausend Besucher kamen.", [(40_000, "Besucher", "rund")]),
    # number words
    ("Drei Soldaten wurden verletzt.", [(3, "Soldaten", None)]),
    ("Die Stadt richtete zwei Notunterkünfte ein.", [(2, "Notunterkünfte", None)]),
    ("Neunzehn Häuser brannten nieder.", [(19, "Häuser", None)]),
    ("Fünf ehemalige sowjetische Verbündete schickten Truppen.", [(5, "Verbündete", None)]),
    ("Zwanzig Helfer waren im Einsatz.", [(20, "Helfer", None)]),
    # qualifiers
    ("Mehr als 70 Flugzeuge landeten.", [(70, "Flugzeuge", "mehr als")]),
    ("Weniger als 100 Menschen kamen.", [(100, "Menschen", "weniger als")]),
    ("Etwa 2500 Soldaten bleiben im Land.", [(2500, "Soldaten", "etwa")]),
    ("Knapp 300 Wohnungen sind ohne Strom.", [(300, "Wohnungen", "knapp")]),
    ("Fast 30 Busse fielen aus.", [(30, "Busse", "fast")]),
    ("Mindestens 12 Tote wurden gezählt.", [(12, "Tote", "mindestens")]),
    ("Rund 800 Polizisten sicherten den Gipfel.", [(800, "Polizisten", "rund")]),
    ("Über 50 Schulen blieben geschlossen.", [(50, "Schulen", "über")]),
    ("Ungefähr 60 Kinder wurden geimpft.", [(60, "Kinder", "ungefähr")]),
    ("Höchstens 40 Gäste sind erlaubt.", [(40, "Gäste", "höchstens")]),
    ("Nahezu 90 Bäume stürzten um.", [(90, "Bäume", "nahezu")]),
    ("Circa 70 Boote liegen im Hafen.", [(70, "Boote", "circa")]),
    # units from the sentence's structure
    ("Dabei wurden 18 Polizisten und Nationalgardisten getötet.", [(18, "Polizisten und Nationalgardisten", None)]),
    ("Es starben 18 Angehörige der Polizei.", [(18, "Angehörige der Polizei", None)]),
    ('Das Amt meldete 26 "bewaffnete Kriminelle".', [(26, "Kriminelle", None)]),
    ("Mehr als 70 russische Flugzeuge brachten Material.", [(70, "Flugzeuge", "mehr als")]),
    ("Die 19 Millionen Einwohnerinnen und Einwohner sind arm.", [(19_000_000, "Einwohnerinnen und Einwohner", None)]),
    ("Etwa 2.500 Mann bleiben einige Tage.", [(2500, "Mann", "etwa")]),
    ("Es gab 7 schwer verletzte Menschen.", [(7, "Menschen", None)]),
    # fractions
    ("Fast ein Fünftel des weltweiten Stroms kommt von dort.", [(0.2, "weltweiten Stroms", "fast")]),
    ("Die Hälfte der Bewohner floh.", [(0.5, "Bewohner", None)]),
    ("Zwei Drittel der Befragten stimmten zu.", [(2 / 3, "Befragten", None)]),
    ("Ein Viertel der Ernte ist verloren.", [(0.25, "Ernte", None)]),
    # vague amounts
    ("Dutzende von Menschen wurden getötet.", [(None, "Menschen", None)]),
    ("Hunderte Demonstranten versammelten sich.", [(None, "Demonstranten", None)]),
    ("Einige hundert Meter weiter lag ein Auto.", [(None, "Meter", None)]),
    ("Tausende Pendler steckten fest.", [(None, "Pendler", None)]),
    # percentages and money
    ("Die Inflation stieg auf 7,5 Prozent.", [(7.5, "Prozent", None)]),
    ("Mehr als 80 Prozent der Geimpften erhielten eine dritte Dosis.", [(80, "Prozent der Geimpften", "mehr als")]),
    ("Die Uhr wurde für 350.000 Dollar versteigert.", [(350_000, "Dollar", None)]),
    ("Der Eintritt kostet 12 Euro.", [(12, "Euro", None)]),
    # ages
    ("Der heute 81-jährige Politiker schweigt.", [(81, "Jahre alt", None)]),
    ("Die 47-jährige Schauspielerin starb.", [(47, "Jahre alt", None)]),
    ("Der frühere Staatschef Max Mustermann (81) schweigt.", [(81, "Jahre alt", None)]),
    # not figures: dates, years, times, durations, identifiers, URLs, no unit
    ("Am 5. Januar kam es zu Protesten.", []),
    ("2019 hatte er das Amt übergeben.", []),
    ("Seit der Unabhängigkeit 1991 regierte er.", []),
    ("Im Jahr 1991 wurde das Land unabhängig.", []),
    ("Die Sitzung beginnt um 10 Uhr.", []),
    ("Er regierte fast 30 Jahre lang.", []),
    ("Vor drei Jahren trat er zurück.", []),
    ("Der Streik dauerte zwei Wochen.", []),
    ("Seit drei Tagen ist das Internet gesperrt.", []),
    ("Mehr unter https://example.org/2022/01/05/bericht-3700 lesen.", []),
    ("Der Bus der Linie 5 hielt an.", []),
    ("Er belegte Platz 3 im Finale.", []),
    ("Die Mannschaft Mainz 05 gewann.", []),
    ("Das geschah zum ersten Mal.", []),
    ("Ein Sprecher sagte, man prüfe den Fall.", []),
    ("Die Zahl der Opfer stieg auf 12.", [(12, "Opfer", None)]),  # counted before the number
]


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reader, FigureExtractor, PosTagger]:
    root = tmp_path_factory.mktemp("figures")
    lang = load_language("de")
    reader = Reader(load_config({"seeds": str(root), "docs": str(root / "o"), "force_language": "de"}, root))
    return reader, FigureExtractor(lang), PosTagger(lang)


def test_there_are_at_least_60_cases_with_negatives() -> None:
    assert len(CASES) >= 60
    assert sum(1 for _, expected in CASES if not expected) >= 15


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figure(
    tools: tuple[Reader, FigureExtractor, PosTagger],
    sentence: str,
    expected: list[tuple[float | None, str, str | None]],
) -> None:
    reader, extractor, pos = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
    got = [(m.value, m.unit, m.qualifier) for m in extractor.extract(article, tags)]
    assert len(got) == len(expected), got
    for (value, unit, qualifier), (want_value, want_unit, want_qualifier) in zip(got, expected, strict=True):
        assert (value is None) == (want_value is None)
        if want_value is not None:
            assert value == pytest.approx(want_value)
        assert (unit, qualifier) == (want_unit, want_qualifier)
    for m in extractor.extract(article, tags):
        assert article.body[m.start : m.end] == m.text  # offsets point at the figure as written


def test_same_figure_across_sources_merges_and_different_values_conflict(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "Bei dem Sturm im Norden wurden mehr als 3700 Häuser beschädigt. "
                "Mehr als 70 Flugzeuge blieben am Boden des Flughafens wegen des Sturms."
            ),
            "b.txt": (
                "Der Sturm im Norden hat mehr als 3.700 Häuser beschädigt. "
                "Etwa 80 Flugzeuge blieben wegen des Sturms am Boden des Flughafens."
            ),
        },
    )
    by_value = {f.value: f for f in dossier.figures}
    houses = by_value[3700]
    assert {r.article for r in houses.mentions} == {"a", "b"} and houses.conflicts == ()
    planes_a, planes_b = by_value[70], by_value[80]
    assert planes_a.conflicts == (planes_b.id,) and planes_b.conflicts == (planes_a.id,)
    assert dossier.figures[0].conflicts  # conflicts first


def test_figures_linked_by_context_alone_do_not_snowball(tmp_path: Path) -> None:
    """Three reports of "100" counting different things in the same words: at most the best pair is
    one figure; a chain of such links would merge unrelated counts across a large dossier."""
    texts = {
        "a.txt": "Rund 100 Feuerwehrleute kamen zur brennenden Lagerhalle am Stadthafen.",
        "b.txt": "Die brennende Lagerhalle am Stadthafen ist 100 Meter lang.",
        "c.txt": "In der brennenden Lagerhalle am Stadthafen lagerten 100 Klaviere.",
    }
    dossier = gather_texts(tmp_path, texts)
    hundreds = [f for f in dossier.figures if f.value == 100]
    assert sum(len(f.mentions) for f in hundreds) == 3
    assert max(len({r.article for r in f.mentions}) for f in hundreds) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (value, upper, what is counted as written, measure, change)
        (
            "Bei dem Unglück sind 36 Menschen ums Leben gekommen, 85 Menschen wurden verletzt.",
            [(36, None, "Menschen", "killed", False), (85, None, "Menschen", "injured", False)],
        ),
        (
            "Es gab 52 Tote und 90 Verletzte.",
            [(52, None, "Tote", "killed", False), (90, None, "Verletzte", "injured", False)],
        ),
        ("Die Zahl der Todesopfer ist auf 57 gestiegen.", [(57, None, "Todesopfer", "killed", True)]),
        (
            "Getötet wurden 12 Soldaten und zwei Polizisten.",  # two coordinated quantities, two figures
            [(12, None, "Soldaten", "killed", False), (2, None, "Polizisten", "killed", False)],
        ),
        ("Zwischen 20 und 30 Personen wurden festgenommen.", [(20, 30, "Personen", "arrested", False)]),
        ("Zwei bis drei Häuser brannten ab.", [(2, 3, "Häuser", None, False)]),
        ("Der Wagen fuhr 100 Kilometer pro Stunde.", [(100, None, "Kilometer pro Stunde", None, False)]),
        ("Auf der B 96 staute sich der Verkehr.", []),  # a road number is no quantity
        ("Die Witwe des am 11. November 2004 Verstorbenen klagte.", []),  # the year of a date
        (
            "Mindestens acht Menschen (sieben Patienten und eine Pflegerin) kamen ums Leben.",  # an aside
            [(8, None, "Menschen", "killed", False), (7, None, "Patienten", "killed", False)],
        ),
        (
            "Dabei wurden 40 Menschen getötet und mehr als 100 Autos zerstört.",  # the cue is the people's
            [(40, None, "Menschen", "killed", False), (100, None, "Autos", None, False)],
        ),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_what_is_counted_and_how(
    tools: tuple[Reader, FigureExtractor, PosTagger],
    sentence: str,
    expected: list[tuple[float, float | None, str, str | None, bool]],
) -> None:
    reader, extractor, pos = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
    got = [(m.value, m.upper, m.unit, m.measure, m.change) for m in extractor.extract(article, tags)]
    assert got == expected


DEVELOPMENTS = Path(__file__).parent / "fixtures" / "developments"


def test_a_rising_toll_is_a_development_and_a_same_day_disagreement_a_conflict(tmp_path: Path) -> None:
    """Invented story, three reports over two days: the death toll rises from 36 (1 March) to 57 in
    one report and 52 in another (3 March); the injured rise from 85 to 90; killed never merge with
    or contradict injured."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DEVELOPMENTS.glob("*.txt"))}
    dossier = gather_texts(tmp_path, texts)
    by_measure = {d.measure: d for d in dossier.developments}
    assert set(by_measure) == {"killed", "injured"}
    killed = by_measure["killed"]
    assert [(p.date, p.value) for p in killed.points] == [
        ("2023-03-01", 36),
        ("2023-03-03", 52),
        ("2023-03-03", 57),
    ]
    injured = by_measure["injured"]
    assert [(p.date, p.value, len(p.articles)) for p in injured.points] == [
        ("2023-03-01", 85, 1),
        ("2023-03-03", 90, 2),
    ]
    figures = {f.id: f for f in dossier.figures}
    conflicts = {(figures[f].value, figures[c].value) for f in figures for c in figures[f].conflicts}
    assert conflicts == {(57, 52), (52, 57)}  # the same day, two sources: a real disagreement
    assert all(f.measure != "killed" or figures[c].measure == "killed" for f in figures.values() for c in f.conflicts)
    # the toll that rose is an update, not a conflict with the first report
    first = next(f for f in figures.values() if f.value == 36)
    assert first.conflicts == ()


def test_developments_and_measures_are_exported_valid(tmp_path: Path) -> None:
    import json
    from importlib import resources

    import jsonschema

    from generator.write.export import dossier_json

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DEVELOPMENTS.glob("*.txt"))}
    data = json.loads(dossier_json(gather_texts(tmp_path, texts)))
    schema = json.loads((resources.files("generator") / "dossier.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    killed = next(d for d in data["developments"] if d["measure"] == "killed")
    assert [p["value"] for p in killed["points"]] == [36, 52, 57]
    assert {f["measure"] for f in data["figures"] if "measure" in f} >= {"killed", "injured"}


# --- issue 29: what is counted, units as a reader writes them, ranges, non-counts -------------------

ISSUE_29 = [
    # (sentence, [(value, upper, unit, measure, text)])
    ("Der Einsturz kostete neun Arbeitern das Leben.", [(9, None, "Arbeiter", "killed", "neun Arbeitern")]),
    ("Bei dem Überfall wurden zwei Wachleute erschossen.", [(2, None, "Wachleute", "killed", "zwei Wachleute")]),
    (
        "Fachleute fürchten, dass bis zu 300 Menschen sterben könnten.",
        [(300, None, "Menschen", None, "bis zu 300 Menschen")],
    ),
    ("Bei dem Feuer wurden die 40 Gäste nicht verletzt.", [(40, None, "Gäste", None, "40 Gäste")]),
    ("Die Elf gewann mit 14 Punkten Vorsprung.", [(14, None, "Punkte", None, "14 Punkten")]),
    ("Die Familie zog mit drei Kindern um.", [(3, None, "Kinder", None, "drei Kindern")]),
    ("Sie reisten mit 30 Menschen an.", [(30, None, "Menschen", None, "30 Menschen")]),  # also a nominative
    ("Die Zimmer kosten zwischen 65 und 240 Euro.", [(65, 240, "Euro", None, "zwischen 65 und 240 Euro")]),
    ("Es bewerben sich vier oder fünf Firmen.", [(4, 5, "Firmen", None, "vier oder fünf Firmen")]),
    ("Der Verein nimmt 20 bis 30 Millionen Euro ein.", [(20e6, 30e6, "Euro", None, "20 bis 30 Millionen Euro")]),
    ("Die 2031 anstehende Abstimmung gilt als offen.", []),  # a year, not 2031 votes
    ("Die Partei wirbt mit „Ein Volk, drei Sprachen“ um Stimmen.", []),  # a slogan
    ("Der Rat verabschiedete Resolution 2417 Ende Mai.", []),  # an identifier, not 2417 "Ende"
    ("Der Rat verwies auf die UN-Resolution 2417 Frauen und Kinder betreffend.", []),
    ("Die Passagiere von Flug 4711 Richtung Süden warten.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ISSUE_29, ids=[c[0][:40] for c in ISSUE_29])
def test_measure_units_ranges_and_non_counts(
    tools: tuple[Reader, FigureExtractor, PosTagger],
    sentence: str,
    expected: list[tuple[float, float | None, str, str | None, str]],
) -> None:
    reader, extractor, pos = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
    got = [(m.value, m.upper, m.unit, m.measure, m.text) for m in extractor.extract(article, tags)]
    assert got == expected


def test_a_long_list_without_full_stops_keeps_each_figure_to_its_own_words(
    tools: tuple[Reader, FigureExtractor, PosTagger],
) -> None:
    """Issue 32: a list without full stops is one sentence of thousands of tokens. Every line's figure
    is found, and what happened is read near the number: the houses are not "injured" by a cue
    hundreds of words later (the work per number is bounded; timing: bench/figures_long.py)."""
    reader, extractor, pos = tools
    lines = [f"- {n % 80 + 10} Häuser in Altstadt beschädigt" for n in range(300)]
    text = "Schäden\n\n" + "\n".join([*lines, "- 3 Menschen verletzt"]) + "\n"
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
    got = extractor.extract(article, tags)
    assert len(got) == 301
    assert {(m.unit, m.measure) for m in got[:-1]} >= {("Häuser", None)}
    assert {(m.unit, m.measure) for m in got[:280]} == {("Häuser", None)}  # those far from the cue
    assert (got[-1].value, got[-1].unit, got[-1].measure) == (3, "Menschen", "injured")


def test_figures_of_unrelated_stories_never_merge_or_develop(tmp_path: Path) -> None:
    """Two invented stories a week apart, each with 50 dead: the same value and unit in sentences that
    name different places are two quantities, neither merged nor a development; two reports of one
    story (one place) are one figure."""
    texts = {
        "a.txt": "---\npublished: 2023-05-02\n---\nIn Nordhavn starben bei einem Brand 50 Menschen.\n",
        "b.txt": "---\npublished: 2023-05-09\n---\nIn Südwick starben bei einem Anschlag 50 Menschen.\n",
        "c.txt": "---\npublished: 2023-05-10\n---\nIn Südwick starben bei einem Anschlag inzwischen 64 Menschen.\n",
        "d.txt": "---\npublished: 2023-05-02\n---\nBei dem Brand in Nordhavn kamen 50 Menschen ums Leben.\n",
    }
    dossier = gather_texts(tmp_path, texts)
    fifty = [f for f in dossier.figures if f.value == 50]
    assert sorted(sorted({m.article for m in f.mentions}) for f in fifty) == [["a", "d"], ["b"]]
    (development,) = dossier.developments  # Südwick's toll rose: one development, Nordhavn's not in it
    assert [(p.value, p.articles) for p in development.points] == [(50, ("b",)), (64, ("c",))]


def test_reports_a_year_apart_are_no_development(tmp_path: Path) -> None:
    texts = {
        "a.txt": "---\npublished: 2021-03-01\n---\nIm Grenzgebiet von Ostland wurden 15 Rebellen getötet.\n",
        "b.txt": "---\npublished: 2022-06-01\n---\nIm Grenzgebiet von Ostland wurden 4 Rebellen getötet.\n",
    }
    dossier = gather_texts(tmp_path, texts)
    assert dossier.developments == () or list(dossier.developments) == []
    assert all(f.conflicts == () for f in dossier.figures)


def test_one_quantity_in_two_languages_is_one_figure(tmp_path: Path) -> None:
    """An invented wire report in English and its German version: the counted groups are keyed across
    languages in the language data ("troops" / "Mann", "aircraft" / "Flugzeuge")."""
    texts = {
        "en.txt": (
            "---\npublished: 2023-04-03\nlanguage: en\n---\n"
            "About 2,500 troops will stay in Kleinau for several weeks, the Defence Ministry said.\n\n"
            "More than 70 Russian aircraft landed at the airport of Kleinau on Sunday.\n"
        ),
        "de.txt": (
            "---\npublished: 2023-04-03\nlanguage: de\n---\n"
            "Etwa 2.500 Mann sollen einige Wochen in Kleinau bleiben, teilte das Verteidigungsministerium mit.\n\n"
            "Mehr als 70 russische Flugzeuge landeten am Sonntag auf dem Flughafen von Kleinau.\n"
        ),
    }
    dossier = gather_texts(tmp_path, texts)
    by_value = {f.value: {m.article for m in f.mentions} for f in dossier.figures}
    assert by_value[2500] == {"en", "de"}
    assert by_value[70] == {"en", "de"}


def test_a_developing_story_merges_one_days_reports_and_shows_its_disagreement(tmp_path: Path) -> None:
    """Invented: a train crash reported over two days. The same small toll from two sources of the
    same later day is one figure; a third source that day disagrees (a conflict); the injured,
    counted as "Menschen" too, never join the dead."""
    texts = {
        "a.txt": "---\npublished: 2023-06-01\n---\nBei dem Zugunglück bei Kleinau starben acht Menschen, "
        "zwölf Menschen wurden verletzt.\n",
        "b.txt": "---\npublished: 2023-06-02\n---\nDie Zahl der Todesopfer des Zugunglücks bei Kleinau ist auf neun "
        "gestiegen.\n",
        "c.txt": "---\npublished: 2023-06-02\n---\nBei dem Zugunglück bei Kleinau gab es neun Tote.\n",
        "d.txt": "---\npublished: 2023-06-02\n---\nNach dem Zugunglück bei Kleinau meldete die Bahn elf Tote.\n",
    }
    dossier = gather_texts(tmp_path, texts)
    killed = next(d for d in dossier.developments if d.measure == "killed")
    assert [(p.date, p.value, p.articles) for p in killed.points] == [
        ("2023-06-01", 8, ("a",)),
        ("2023-06-02", 9, ("b", "c")),
        ("2023-06-02", 11, ("d",)),
    ]
    figures = {f.id: f for f in dossier.figures}
    conflicts = {(figures[f].value, figures[c].value) for f in figures for c in figures[f].conflicts}
    assert conflicts == {(9, 11), (11, 9)}
    injured = next(f for f in dossier.figures if f.value == 12)
    assert injured.measure == "injured" and {m.article for m in injured.mentions} == {"a"}


def test_an_unmeasured_count_does_not_bridge_the_dead_and_the_injured(tmp_path: Path) -> None:
    texts = {
        "a.txt": "---\npublished: 2023-06-01\n---\nBei dem Brand in Kleinau gab es 12 Menschen in der Halle.\n",
        "b.txt": "---\npublished: 2023-06-01\n---\nBei dem Brand in Kleinau starben 12 Menschen in der Halle.\n",
        "c.txt": "---\npublished: 2023-06-01\n---\nBei dem Brand in Kleinau wurden 12 Menschen in der Halle verletzt.\n",
    }
    dossier = gather_texts(tmp_path, texts)
    twelve = [f for f in dossier.figures if f.value == 12]
    by_measure = {f.measure: {m.article for m in f.mentions} for f in twelve}
    assert by_measure["killed"].isdisjoint(by_measure["injured"])
    assert {"b", "c"} <= by_measure["killed"] | by_measure["injured"]
