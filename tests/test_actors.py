"""Actors: recognition with roles, genitives and surnames inside an article; merging across articles.

The sentences are our own (no seed story); each case says what a careful reader would list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.actors import ActorExtractor
from generator.analyse.ner import Span, Tagger
from generator.config import load_config
from generator.lang import load_language
from generator.merge.actors import merge_actor_mentions
from generator.model import ActorMention, Article
from generator.read.reader import Reader


@pytest.fixture(scope="module")
def extractor() -> ActorExtractor:
    lang = load_language("de")
    return ActorExtractor(lang, Tagger(lang))


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    root = tmp_path_factory.mktemp("actors")
    return Reader(load_config({"seeds": str(root), "docs": str(root / "out"), "force_language": "de"}, root))


def article(reader: Reader, text: str, name: str = "a.txt") -> Article:
    return reader.parse(text, name, Path(name).stem, markdown=False, warnings=[])


def actors(extractor: ActorExtractor, reader: Reader, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.name, m.role) for m in extractor.extract(article(reader, text))]


def test_people_with_roles_as_written(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Innenministerin Petra Kowalczyk besuchte am Montag die Stadt. "
        "Der stellvertretende Außenminister Tomasz Wiśniewski sagte, man helfe gern. "
        "Die Sprecherin des Ministeriums, Agnieszka Nowak, bestätigte das. "
        "Polens Präsident Andrzej Zieliński äußerte sich nicht.",
    )
    assert ("person", "Petra Kowalczyk", "Innenministerin") in found
    assert ("person", "Tomasz Wiśniewski", "stellvertretende Außenminister") in found
    assert ("person", "Agnieszka Nowak", "Sprecherin des Ministeriums") in found
    assert ("person", "Andrzej Zieliński", "Polens Präsident") in found
    assert ("place", "Polen", None) in found  # the genitive joins its base


def test_ner_features_are_a_words_own_and_its_neighbours(extractor: ActorExtractor) -> None:
    """The CRF sees each word's own features, its POS tag, and its neighbours' two either side;
    features of words already seen are remembered and must not change the result."""
    features = extractor.tagger.features
    words = ["Der", "Minister", "Olaf", "Mustermann", "sprach", "."]
    pos = ["ART", "NN", "NE", "NE", "VVFIN", "$."]
    first = features.sentence(words, pos)
    assert features.sentence(words, pos) == first  # the second time from remembered words
    olaf = first[2]
    assert (olaf["low"], olaf["shape"], olaf["pos"], olaf["-1:pos"], olaf["1:pos"]) == ("olaf", "Xx", "NE", "NN", "NE")
    assert (olaf["-2:low"], olaf["-1:low"], olaf["1:low"], olaf["2:low"]) == ("der", "minister", "mustermann", "sprach")
    assert olaf["-1:role"] == 1.0 and olaf["-2:low"] == "der" and "-2:role" not in olaf
    assert "first_tok" in first[0] and "first_tok" not in olaf
    assert first[0]["-1:edge"] == first[0]["-2:edge"] == 1.0 and first[-1]["1:edge"] == 1.0
    assert all(v for f in first for v in f.values())  # false features are left out
    assert all(isinstance(v, str | float) for f in first for v in f.values())
    with pytest.raises(ValueError):
        features.sentence(words, pos[:-1])


def test_surname_alone_stands_for_the_full_name(extractor: ActorExtractor, reader: Reader) -> None:
    a = article(
        reader,
        "Bürgermeisterin Helga Brandstätter eröffnete die Brücke. Später sagte Brandstätter, sie sei zufrieden. "
        "Brandstätters Stellvertreter schwieg.",
    )
    people = [m for m in extractor.extract(a) if m.kind == "person"]
    assert [m.text for m in people] == ["Helga Brandstätter", "Brandstätter", "Brandstätters"]
    assert {m.name for m in people} == {"Helga Brandstätter"}


def test_places_organisations_and_dateline(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Kleinau (dpa) - In der Kleinstadt Kleinau ist der Fluss Aubach über die Ufer getreten. "
        "Das Innenministerium teilte mit, die Nachrichtenagentur Kobold habe falsch berichtet. "
        "Hilfe kam aus Frankreich und Polen.",
    )
    assert ("place", "Kleinau", None) in found
    assert ("organization", "dpa", None) in found
    assert ("place", "Aubach", None) in found
    assert ("organization", "Innenministerium", None) in found
    assert ("organization", "Kobold", None) in found
    assert ("place", "Frankreich", None) in found and ("place", "Polen", None) in found


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung verurteilte den Schießbefehl in einer Fernsehansprache.",
        "Allerdings waren am Morgen erneut Schüsse zu hören. Zuvor hatte es geregnet.",
        "Wer sich nicht ergibt, wird bestraft, drohte der Präsident den Militanten.",
        "Mehr unter https://www.example.org/nachrichten/2022/artikel-über-Berlin.html zu lesen.",
        "ALLE WOLLEN FRIEDEN\n\nDer Text geht weiter.",
    ],
)
def test_no_junk(extractor: ActorExtractor, reader: Reader, text: str) -> None:
    assert actors(extractor, reader, text) == []


def _mentions(*items: tuple[str, str, str, str | None]) -> list[tuple[Article, ActorMention]]:
    """(article id, kind, name, role) → mentions in stand-in articles (merging reads only ids and names)."""
    out = []
    for art_id, kind, name, role in items:
        a = Article.__new__(Article)
        object.__setattr__(a, "id", art_id)
        out.append((a, ActorMention(0, len(name), name, kind, name, role)))
    return out


def _merge(*items: tuple[str, str, str, str | None]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    fold = load_language("de").actors.fold
    merged = merge_actor_mentions(_mentions(*items), lambda _a, n: fold(n), load_language("de").function_words)
    return sorted((m.kind, m.name, m.aliases, m.roles) for m in merged)


def test_transliterations_merge_and_similar_names_do_not() -> None:
    assert _merge(
        ("a", "person", "Ivan Petrow", "Minister"),
        ("a", "person", "Ivan Petrow", None),
        ("b", "person", "Iwan Petrov", "Verteidigungsminister"),
        ("b", "person", "Ivan Pedrow", None),
    ) == [
        ("person", "Ivan Pedrow", (), ()),
        ("person", "Ivan Petrow", ("Iwan Petrov",), ("Minister", "Verteidigungsminister")),
    ]


def test_first_names_must_be_compatible() -> None:
    merged = _merge(("a", "person", "Anna Kowalski", None), ("b", "person", "Piotr Kowalski", None))
    assert [m[1] for m in merged] == ["Anna Kowalski", "Piotr Kowalski"]


def test_surname_joins_the_one_full_name_in_the_dossier() -> None:
    assert _merge(("a", "person", "Maria Lindqvist", None), ("b", "person", "Lindqvist", "Ministerin")) == [
        ("person", "Maria Lindqvist", (), ("Ministerin",))
    ]
    ambiguous = _merge(
        ("a", "person", "Maria Lindqvist", None),
        ("a", "person", "Erik Lindqvist", None),
        ("b", "person", "Lindqvist", None),
    )
    assert len(ambiguous) == 3  # two people of that name: the surname alone stays apart


def test_person_never_merges_with_a_place_and_acronyms_join_their_long_form() -> None:
    merged = _merge(
        ("a", "person", "Nuran Sultanow", None),
        ("a", "place", "Nur-Sultan", None),
        ("b", "organization", "Vereinte Nationen", None),
        ("b", "organization", "VN", None),
    )
    assert merged == [
        ("organization", "Vereinte Nationen", ("VN",), ()),
        ("person", "Nuran Sultanow", (), ()),
        ("place", "Nur-Sultan", (), ()),
    ]


def test_kind_is_the_majority_and_canonical_is_the_most_complete_name() -> None:
    merged = _merge(
        ("a", "place", "Ostwald", None),
        ("b", "place", "Ostwald", None),
        ("c", "person", "Ostwald", None),
        ("c", "person", "Greta Sommer", None),
        ("d", "person", "Sommer", None),
        ("d", "person", "Sommer", None),
    )
    assert ("place", "Ostwald", (), ()) in merged
    assert ("person", "Greta Sommer", (), ()) in merged


def test_acronym_joins_a_long_form_found_anywhere_in_the_dossier(reader: Reader) -> None:
    from generator.analyse.acronyms import long_form_candidates
    from generator.merge.actors import long_forms

    de = load_language("de")
    a = article(reader, "Die Truppen wurden von der Organisation für gemeinsame Verteidigung entsandt.", "a.txt")
    b = article(reader, "Die OGV schickte Soldaten.", "b.txt")
    candidates = [(x, long_form_candidates(x, de.function_words, de.actors.is_organisation_head)) for x in (a, b)]
    found = long_forms(candidates, {"OGV"})
    assert [(m.name, m.kind) for _, m in found] == [("Organisation für gemeinsame Verteidigung", "organization")]
    assert long_forms(candidates[1:], {"OGV"}) == []
    assert long_forms(candidates, {"OG"}) == []  # too short to be spelt out safely


def test_a_phrase_whose_initials_only_happen_to_spell_an_acronym_is_no_long_form(reader: Reader) -> None:
    from generator.analyse.acronyms import long_form_candidates
    from generator.merge.actors import long_forms

    de = load_language("de")
    text = (
        "Das Gericht in Nordstadt verkündete heute das Urteil. "  # GNVU: a verb in lower case
        "Die Ordnungsbehörde für Gewässer und Verkehr tagte. "  # starts with "Die": found from "Ordnungsbehörde"
        "Im Nordosten der Grünen Vogelinsel regnete es. "  # NGV: no word names an organisation
        "Die Organisation, Gewerbe und Verkehr stehen still."  # OGV again, but a comma ends the run
    )
    c = article(reader, text, "c.txt")
    candidates = long_form_candidates(c, de.function_words, de.actors.is_organisation_head)
    found = long_forms([(c, candidates)], {"GNVU", "OGV", "NGV"})
    assert [m.name for _, m in found] == ["Ordnungsbehörde für Gewässer und Verkehr"]


def test_network_picture_escapes_names() -> None:
    from generator.model import Actor, MentionRef
    from generator.render.network import network_svg

    ref = MentionRef("a", 0, "x")
    svg = network_svg(
        [
            Actor("a", "<script>alert(1)</script>", "person", (), (), (ref,)),
            Actor("b", "Müller & Söhne", "organization", (), (), (ref,)),
        ],
        "Netz <b>",
        {"person": "Personen", "organization": "Organisationen", "place": "Orte"},
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "Müller &amp; Söhne" in svg
    assert svg.count("<line ") == 1  # named in the same sentence once


def test_network_picture_cuts_long_names_and_keeps_them_on_hover() -> None:
    import re

    from generator.model import Actor, MentionRef
    from generator.render.network import LABEL_MAX, network_svg

    ref = MentionRef("a", 0, "x")
    long_name = "Organisation für gemeinsame Verteidigung und Zusammenarbeit"
    svg = network_svg(
        [Actor("a", long_name, "organization", (), (), (ref,)), Actor("b", "Anna Berger", "person", (), (), (ref,))],
        "Netz",
        {"person": "Personen", "organization": "Organisationen", "place": "Orte"},
    )
    labels = re.findall(r"<title>([^<]*)</title>([^<]*)</text>", svg)
    assert ("Anna Berger", "Anna Berger") in labels
    shown = next(x[1] for x in labels if x[0] == long_name)
    assert shown.endswith(" …") and long_name.startswith(shown[:-2]) and len(shown) <= LABEL_MAX + 2
    assert shown[:-2].split()[-1] in long_name.split()  # cut at a word, not inside one


def test_network_labels_do_not_overlap() -> None:
    """Twenty-four actors with names of twenty characters round the circle: no two labels' boxes
    overlap (a character taken as 7 px wide, a line as 12 px high). Centred labels were used within
    20° of the top and bottom, where neighbouring labels ran into each other."""
    import re

    from generator.model import Actor, MentionRef
    from generator.render.network import network_svg

    ref = MentionRef("a", 0, "x")
    kinds = ("person", "organization", "place")
    actors = [Actor(f"x{i}", f"Name{i:02d} Langername{i:02d}"[:20], kinds[i % 3], (), (), (ref,)) for i in range(24)]
    svg = network_svg(actors, "Netz", {"person": "Personen", "organization": "Organisationen", "place": "Orte"})
    boxes = []
    for x, y, anchor, text in re.findall(
        r'<text x="([\d.-]+)" y="([\d.-]+)" [^>]*text-anchor="(\w+)"[^>]*><title>[^<]*</title>([^<]*)</text>', svg
    ):
        width = 7 * len(text)
        left = float(x) - {"start": 0, "middle": width / 2, "end": width}[anchor]
        boxes.append((left, left + width, float(y) - 10, float(y) + 2))
    assert len(boxes) == 24
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)


def test_a_genitive_is_cut_only_from_an_attested_base(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Die Polizei in Paris ermittelt. Das Landgericht Kleinau tagte. Die Entscheidung des Landgerichtes "
        "Kleinau steht aus. Die Ärzte haben die Familie Brandstätters informiert. Der Zustand von Helga "
        "Brandstätter ist ernst.",
    )
    names = {name for _, name, _ in found}
    assert "Paris" in names and "Pari" not in names  # "Paris" is a place as written, not a genitive
    assert "Landgerichtes Kleinau" not in names
    assert ("person", "Helga Brandstätter", None) in found and "Brandstätters" not in names


def test_a_transliterated_article_before_a_surname_is_left_out_when_merging() -> None:
    merged = _merge(("a", "person", "Omar al-Kassem", None), ("b", "person", "Kassem", None))
    assert merged == [("person", "Omar al-Kassem", ("Kassem",), ())]


def test_the_texts_evidence_decides_the_kind(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Der Übernahmekampf um Brandauer ist beendet. Der Brandauer-Aufsichtsrat stimmte zu. Die Firma "
        "Brandauer gehört nun zu einem Konkurrenten. Das Schiff „Nordlicht Express“ lief in Kleinau ein.",
    )
    kinds = {name: kind for kind, name, _ in found}
    assert kinds.get("Brandauer") == "organization"  # by the compound and "die Firma", at every mention
    assert {kind for kind, name, _ in found if name == "Brandauer"} == {"organization"}
    assert not any("Nordlicht" in name for name in kinds)  # a title in quotation marks is no actor


def test_what_the_text_says_of_a_kind_outweighs_the_models_majority() -> None:
    guessed = [(a, m) for a, m in _mentions(("a", "place", "Brandauer", None), ("b", "place", "Brandauer", None))]
    said = [
        (a, ActorMention(m.start, m.end, m.text, "organization", m.name, None, True))
        for a, m in _mentions(("c", "organization", "Brandauer", None))
    ]
    fold = load_language("de").actors.fold
    merged = merge_actor_mentions([*guessed, *said], lambda _a, n: fold(n), load_language("de").function_words)
    assert [(m.kind, m.name) for m in merged] == [("organization", "Brandauer")]


def test_inflected_names_and_shared_surnames(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Firmen aus den Niederlanden sind beteiligt. Die USA und die Vereinigten Staaten von Amerika. Der Trainer Greg Poss "
        "schwieg. Anna Brandstätter und Karl Brandstätter stritten. Brandstätter verließ den Saal.",
    )
    names = [name for _, name, _ in found]
    assert "Niederlande" in names and "Vereinigte Staaten von Amerika" in names
    assert "Greg Poss" in names  # a name ending in "ss" is no genitive
    assert "Brandstätter" in names  # two of that surname: the bare one is not given to either


def test_a_short_form_in_brackets_is_the_same_organisation(reader: Reader) -> None:
    from generator.merge.actors import bracketed_aliases
    from generator.model import ArticleFacts

    a = article(reader, "Das Bundesamt für Kleinbahnen (BfK) warnte.")
    long = ActorMention(4, 29, "Bundesamt für Kleinbahnen", "organization", "Bundesamt für Kleinbahnen")
    short = ActorMention(31, 34, "BfK", "organization", "BfK")
    facts = ArticleFacts.__new__(ArticleFacts)
    object.__setattr__(facts, "actors", (long, short))
    pairs = bracketed_aliases([(a, facts)])
    assert pairs == [("Bundesamt für Kleinbahnen", "BfK")]
    fold = load_language("de").actors.fold
    merged = merge_actor_mentions([(a, long), (a, short)], lambda _a, n: fold(n), frozenset(), same=pairs)
    assert [(m.name, m.aliases) for m in merged] == [("Bundesamt für Kleinbahnen", ("BfK",))]


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("früheren Geheimdienstchef", "früherer Geheimdienstchef"),
        ("amtierenden Generalsekretärs", "amtierender Generalsekretär"),
        ("ehemaligen Ministerin", "ehemalige Ministerin"),
        ("russischen Präsidenten", "russischer Präsident"),
        ("Abgeordneten", "Abgeordneter"),
        ("Sprecher der russischen Regierung", "Sprecher der russischen Regierung"),  # the genitive stays
        ("Bayerns Umweltminister", "Bayerns Umweltminister"),
    ],
)
def test_roles_are_shown_in_the_nominative(written: str, nominative: str) -> None:
    from generator.analyse.roles import nominative as to_nominative

    assert to_nominative(written, load_language("de").actors) == nominative


def test_an_organisation_compound_in_the_genitive_is_named_in_its_base_form(
    extractor: ActorExtractor, reader: Reader
) -> None:
    """ "des Truppengerichts" is the Truppengericht: a compound on an organisation's head word loses its
    genitive ending even when the lexicon does not know the compound."""
    found = actors(extractor, reader, "Das Urteil des Truppengerichts wurde am Montag aufgehoben.")
    assert ("organization", "Truppengericht", None) in found


# --- whole names, their nominative, one actor per entity, no actor (issue 28) ------------------------


def _words(text: str) -> list[str]:
    return text.split(" ")


@pytest.mark.parametrize(
    ("text", "span", "whole"),
    [
        # a preposition and an article end a name: the party is not part of the person's name
        ("Karl Weber von der Demokratischen Partei sagte", Span(0, 5, "PER"), Span(0, 2, "PER")),
        # "von der" before a surname stays
        ("Anna von der Au sagte", Span(0, 4, "PER"), Span(0, 4, "PER")),
        # a role after a name is no part of it
        ("Karl Weber Professor für Chemie", Span(0, 3, "PER"), Span(0, 2, "PER")),
        # an article inside a place ends it
        ("in Brüssel den Kleinwagen nicht", Span(1, 4, "LOC"), Span(1, 2, "LOC")),
    ],
)
def test_a_name_ends_before_a_preposition_and_an_article_or_a_role(
    extractor: ActorExtractor, text: str, span: Span, whole: Span
) -> None:
    assert extractor.names.whole(_words(text), [span]) == [whole]


def test_a_genitive_tail_rejoins_its_organisation_but_not_a_place(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(
        extractor,
        reader,
        "Das Bundesministerium des Innern teilte am Montag mit, die Lage sei ruhig. "
        "Der Landesverband des Deutschen Obsthandels rechnet mit Verlusten.",
    )
    assert ("organization", "Bundesministerium des Innern", None) in found
    assert ("organization", "Landesverband des Deutschen Obsthandels", None) in found
    words = _words("Die Regierung der Vereinigten Staaten schwieg")
    assert extractor.names.whole(words, [Span(3, 5, "LOC")]) == [Span(3, 5, "LOC")]


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("Deutschen Roten Kreuzes", "Deutsches Rotes Kreuz"),  # neuter, genitive
        ("Militärischen Abschirmdienstes", "Militärischer Abschirmdienst"),  # masculine compound
        ("Europäischen Union", "Europäische Union"),  # feminine
        ("Vereinten Nationen", "Vereinte Nationen"),  # plural
        ("Neuen Kleinauer Zeitung", "Neue Kleinauer Zeitung"),  # a place's adjective does not decline
        ("Bundesverbands des Deutschen Obsthandels", "Bundesverband des Deutschen Obsthandels"),
        ("Freien Demokraten", "Freien Demokraten"),  # singular or plural: left as written
        ("Deutsche Bank", "Deutsche Bank"),
        ("Ice Tigers", "Ice Tigers"),  # no adjective: the head keeps its -s
    ],
)
def test_a_name_of_adjectives_and_a_noun_is_named_in_the_nominative(
    extractor: ActorExtractor, written: str, nominative: str
) -> None:
    assert extractor.names.nominative(written) == nominative


@pytest.mark.parametrize(
    "text",
    [
        "Die Anwohner sprechen Englisch und Polnisch.",
        "Das Betriebssystem Kleinux erschien am Montag.",
        "Am Donnerstag erschien Kleinux 17.10 für alle Rechner.",
        "Der Komet Halbhell ist mit bloßem Auge zu sehen.",
        "Sie erhielt am Abend den Lindenthaler Kulturpreis.",
    ],
)
def test_software_prizes_stars_and_languages_are_no_actors(
    extractor: ActorExtractor, reader: Reader, text: str
) -> None:
    assert actors(extractor, reader, text) == []


def test_a_rank_is_a_role_not_an_actor(extractor: ActorExtractor, reader: Reader) -> None:
    found = actors(extractor, reader, "Der Oberbefehlshaber Jens Maier sprach am Montag mit der Presse.")
    assert found == [("person", "Jens Maier", "Oberbefehlshaber")]


def test_a_shared_surname_goes_to_the_person_of_the_headline(extractor: ActorExtractor, reader: Reader) -> None:
    text = (
        "---\ntitle: Jonas Berghof tritt zurück\n---\n"
        "Anna Berghof begrüßte die Entscheidung. Jonas Berghof hatte das Amt zwei Jahre inne. "
        "Berghof sagte am Montag, er gehe ohne Groll."
    )
    found = [(m.text, m.name) for m in extractor.extract(article(reader, text))]
    assert ("Berghof", "Jonas Berghof") in found


def _merge_all(*items: tuple[str, str, str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(article language, kind, name), each in its own article, merged as the dossier merges them."""
    from generator.analyse.lexicon import territory_code

    langs = {"de": load_language("de").actors, "en": load_language("en").actors}
    found = []
    for n, (lang, kind, name) in enumerate(items):
        a = Article.__new__(Article)
        object.__setattr__(a, "id", f"{lang}{n}")
        found.append((a, ActorMention(0, len(name), name, kind, name, None)))
    merged = merge_actor_mentions(
        found,
        lambda a, name: langs[a.id[:2]].fold(name),
        load_language("de").function_words,
        institution=lambda a, name: langs[a.id[:2]].institution(name),
        home=lambda a: a.id.startswith("de"),
        standard=langs["de"].institution_name,
        territory=territory_code,
    )
    return sorted((m.kind, m.name, m.aliases) for m in merged)


def test_a_surname_alone_is_the_person_never_a_place() -> None:
    assert _merge_all(("de", "person", "Hedwig Clampett"), ("de", "place", "Clampett")) == [
        ("person", "Hedwig Clampett", ())
    ]
    # a country stays a country
    assert len(_merge_all(("de", "person", "Mara Jordan"), ("de", "place", "Jordan"))) == 2


def test_countries_short_forms_and_bodies_are_one_actor_in_both_languages() -> None:
    assert _merge_all(
        ("de", "place", "USA"),
        ("de", "place", "Vereinigte Staaten"),
        ("en", "place", "United States"),
        ("de", "place", "Hongkong"),
        ("en", "place", "Hong Kong"),
        ("de", "place", "Kasachstan"),
        ("en", "place", "Kazakhstan"),
        ("de", "organization", "UNO"),
        ("de", "organization", "Vereinte Nationen"),
        ("en", "organization", "UN"),
        ("en", "organization", "United Nations"),
    ) == [
        ("organization", "Vereinte Nationen", ("UN", "UNO", "United Nations")),
        ("place", "Hongkong", ("Hong Kong",)),
        ("place", "Kasachstan", ("Kazakhstan",)),
        ("place", "Vereinigte Staaten", ("USA", "United States")),
    ]


def test_a_person_is_one_actor_across_german_and_english_romanisations() -> None:
    assert _merge_all(
        ("de", "person", "Nursultan Nasarbajew"),
        ("en", "person", "Nursultan Nazarbayev"),
        ("de", "person", "Michail Chodorkowski"),
        ("en", "person", "Mikhail Khodorkovsky"),
        ("de", "person", "Boris Jelzin"),
        ("en", "person", "Boris Yeltsin"),
    ) == [
        ("person", "Boris Jelzin", ("Boris Yeltsin",)),
        ("person", "Michail Chodorkowski", ("Mikhail Khodorkovsky",)),
        ("person", "Nursultan Nasarbajew", ("Nursultan Nazarbayev",)),
    ]


def test_an_organisations_short_form_in_brackets_is_found_with_it(extractor: ActorExtractor) -> None:
    words = _words("Der Landesverband der Obstbauern ( LVO ) warnte")
    assert extractor.names.whole(words, [Span(1, 4, "ORG")]) == [Span(1, 4, "ORG"), Span(5, 6, "ORG")]


def test_more_whole_names(extractor: ActorExtractor, reader: Reader) -> None:
    # a contracted preposition and a noun end a person's name
    words = _words("Jutta Kemmerich vom Fraktionsvorstand sagte")
    assert extractor.names.whole(words, [Span(0, 4, "PER")]) == [Span(0, 2, "PER")]
    # the weak nominative after "der" becomes the name's own ("Der Deutsche Wetterdienst")
    assert extractor.names.nominative("Deutsche Wetterdienst") == "Deutscher Wetterdienst"
    assert extractor.names.nominative("Deutsche Bank") == "Deutsche Bank"
    # a surname that is also a town is the person after a first name, and alone later
    found = actors(
        extractor,
        reader,
        "Die Senatorin Hillary Clinton sprach am Montag in Boston. Später sagte Clinton, sie bleibe im Rennen.",
    )
    assert ("person", "Hillary Clinton", "Senatorin") in found and ("person", "Hillary Clinton", None) in found
