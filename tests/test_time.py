"""Time: German temporal expressions resolved against a publication date; dates inferred; events merged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.analyse.postag import PosTagger
from generator.analyse.timex import TimeTagger
from generator.config import load_config
from generator.lang import load_language
from generator.read.published import infer_dates, linked_dates, publication_weekday, url_date
from generator.read.reader import Reader
from tests.conftest import gather_texts

FRIDAY = dt.date(2022, 1, 7)

# (sentence, [(expression as written, type, value)]) with the document dated Friday 2022-01-07
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Er sprach am Freitag im Fernsehen.", [("Freitag", "DATE", "2022-01-07")]),
    ("Die Soldaten kamen am Donnerstag.", [("Donnerstag", "DATE", "2022-01-06")]),
    ("Seit Mittwoch ist das Netz gesperrt.", [("Mittwoch", "DATE", "2022-01-05")]),
    ("Am Freitagmorgen fielen Schüsse.", [("Freitagmorgen", "TIME", "2022-01-07TMO")]),
    ("Am Donnerstagabend kam es zu Protesten.", [("Donnerstagabend", "TIME", "2022-01-06TEV")]),
    ("Am Sonntag hatte es begonnen.", [("Sonntag", "DATE", "2022-01-02")]),
    ("Die Kommission will am Montag beraten.", [("Montag", "DATE", "2022-01-10")]),
    ("Heute beginnt der Prozess.", [("Heute", "DATE", "2022-01-07")]),
    ("Das Gericht entschied gestern.", [("gestern", "DATE", "2022-01-06")]),
    ("Die Lage war gestern Abend ruhig.", [("gestern Abend", "TIME", "2022-01-06TEV")]),
    ("Er kommt morgen zurück.", [("morgen", "DATE", "2022-01-08")]),
    ("Er trat vor drei Jahren zurück.", [("vor drei Jahren", "DATE", "2019")]),
    ("Vor zwei Wochen war es ruhig.", [("Vor zwei Wochen", "DATE", "2021-W51")]),
    ("Vergangene Woche stiegen die Preise.", [("Vergangene Woche", "DATE", "2021-W52")]),
    ("Im vergangenen Jahr gab es Wahlen.", [("vergangenen Jahr", "DATE", "2021")]),
    ("Nächstes Jahr soll gewählt werden.", [("Nächstes Jahr", "DATE", "2023")]),
    ("Anfang Januar stiegen die Preise.", [("Anfang Januar", "DATE", "2022-01")]),
    ("Am 5. Januar 2022 begannen die Proteste.", [("5. Januar 2022", "DATE", "2022-01-05")]),
    ("Am 5. Januar begannen die Proteste.", [("5. Januar", "DATE", "2022-01-05")]),
    ("Ende Dezember war es ruhig.", [("Ende Dezember", "DATE", "2021-12")]),
    ("Die Frist endet am 05.01.2022 um Mitternacht.", [("05.01.2022", "DATE", "2022-01-05")]),
    ("Im Januar 2022 kam es zu Unruhen.", [("Januar 2022", "DATE", "2022-01")]),
    ("2019 hatte er das Amt übergeben.", [("2019", "DATE", "2019")]),
    ("Im Jahr 1991 wurde das Land unabhängig.", [("Jahr 1991", "DATE", "1991")]),
    ("Im Herbst 2011 begann der Bau.", [("Herbst 2011", "DATE", "2011-FA")]),
    ("Heuer gab es weniger Unfälle.", [("Heuer", "DATE", "2022")]),
    ("Die Sitzung beginnt um 20.30 Uhr.", [("20.30 Uhr", "TIME", "2022-01-07T20:30")]),
    ("Geöffnet ist von 14-18 Uhr.", [("14", "TIME", "2022-01-07T14:00"), ("18 Uhr", "TIME", "2022-01-07T18:00")]),
    ("Seit drei Tagen ist das Internet gesperrt.", [("drei Tagen", "DURATION", "P3D")]),
    ("Er regierte fast 30 Jahre lang.", [("30 Jahre", "DURATION", "P30Y")]),
    ("Die Truppen bleiben einige Tage.", [("einige Tage", "DURATION", "PXD")]),
    ("Die Zeitung erscheint täglich.", [("täglich", "SET", "P1D")]),
    ("Damals war alles anders.", [("Damals", "DATE", "PAST_REF")]),
    ("Der heute 81-jährige Politiker schweigt.", []),
    ("Mehr unter https://example.org/2022-01-05/bericht lesen.", []),
    ("Davon starben 2000 im Jahr 2011.", [("Jahr 2011", "DATE", "2011")]),
    ("Rund 2000 Soldaten kamen.", []),
    # years of a span are years, not counts (a figure's range word is no qualifier of a year)
    ("Sie arbeiteten zwischen 1943 und 1945 dort.", [("1943", "DATE", "1943"), ("1945", "DATE", "1945")]),
]


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reader, TimeTagger]:
    root = tmp_path_factory.mktemp("time")
    reader = Reader(load_config({"seeds": str(root), "docs": str(root / "o"), "force_language": "de"}, root))
    lang = load_language("de")
    return reader, TimeTagger(lang, PosTagger(lang).finite_tense)  # as the pipeline builds it


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_expression(
    tools: tuple[Reader, TimeTagger], sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    reader, tagger = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    got = [(m.text, m.type, m.value) for m in tagger.tag(article, FRIDAY)]
    assert got == expected


def test_vortag_counts_from_the_day_named_before(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse(
        "Am Dienstag wurde gewählt. Bereits am Vortag hatte es Proteste gegeben.", "a.txt", "a", False, []
    )
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == [
        ("Dienstag", "2022-01-04"),
        ("Vortag", "2022-01-03"),
    ]


def test_without_a_publication_date_relative_expressions_stay_unresolved(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse("Am Freitag sprach er, 2019 trat er an, am 5. Januar 2022 ging er.", "a.txt", "a", False, [])
    assert [(m.text, m.value) for m in tagger.tag(article, None)] == [
        ("Freitag", None),
        ("2019", "2019"),
        ("5. Januar 2022", "2022-01-05"),
    ]


def test_url_dates_and_publication_weekday() -> None:
    assert url_date("https://example.org/world/2022/01/05/story") == dt.date(2022, 1, 5)
    assert url_date("https://example.org/some-story-2022-01-05") == dt.date(2022, 1, 5)
    assert url_date("https://example.org/a/20220105-story.html") == dt.date(2022, 1, 5)
    assert url_date("https://example.org/a/story-123456") is None
    assert linked_dates("Siehe https://x.org/2021-12-30/a und www.y.org/2022/01/05/b.") == [
        dt.date(2021, 12, 30),
        dt.date(2022, 1, 5),
    ]
    assert publication_weekday([3, 4, 5]) == 5  # Mittwoch, Donnerstag, Freitag → published Friday
    assert publication_weekday([7, 1]) == 1  # Sonntag, Montag → Monday
    assert publication_weekday([]) is None


def test_infer_dates_from_links_weekdays_and_shared_facts() -> None:
    words = {"url": "url {date}", "link_and_weekdays": "link {date}", "same_facts": "same as {article} ({n})"}
    found = infer_dates(
        ["a", "b", "c", "d"],
        own_url={"a": None, "b": None, "c": "https://x.org/2020/03/04/c", "d": None},
        text={"a": "Mehr: https://x.org/2022-01-05/x", "b": "", "c": "", "d": ""},
        weekdays={"a": [5, 4], "b": [5], "c": [], "d": [2]},
        known={},
        overlap=lambda x, y: 3 if {x, y} in ({"a", "b"}, {"a", "d"}) else 0,
        labels={"a": "A", "b": "B", "c": "C", "d": "D"},
        words=words,
    )
    assert found["a"].date == dt.date(2022, 1, 7) and found["a"].basis == "link 2022-01-05"
    assert found["b"].date == dt.date(2022, 1, 7) and found["b"].basis == "same as A (3)"
    assert found["c"].date == dt.date(2020, 3, 4)
    assert "d" not in found  # shares facts with a, but names Tuesday: no date rather than a guess


def test_seed_like_dossier_dates_itself_and_merges_events(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "Der Rat der Stadt Ostheim beschloss am Mittwoch den Haushalt. Am Freitag stimmte der Kreistag "
                "dem Haushalt der Stadt Ostheim zu, sagte Landrätin Gerda Blum. Der Bau der Brücke beginnt 2023.\n"
            ),
            "b.txt": (
                "Der Kreistag stimmte am Freitag dem Haushalt der Stadt Ostheim zu, wie Landrätin Gerda Blum mitteilte. "
                "Mehr unter https://example.org/ostheim/2022-01-03/haushalt. Der Rat hatte den Haushalt am Mittwoch "
                "beschlossen.\n"
            ),
        },
    )
    published = {a.id: (a.meta.published, a.meta.published_basis) for a in dossier.articles}
    assert published["b"] == (dt.date(2022, 1, 7), "inferred")
    assert published["a"] == (dt.date(2022, 1, 7), "inferred")
    by_date = {e.date: e for e in dossier.timeline}
    assert {m.article for m in by_date["2022-01-07"].mentions} == {"a", "b"}  # one event, both sources
    assert {m.article for m in by_date["2022-01-05"].mentions} == {"a", "b"}
    assert by_date["2023"].mentions[0].expression == "2023"


MONDAY = dt.date(2023, 3, 6)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the tense of the verb decides a weekday's direction; a present tense looks ahead
        ("Der Prozess beginnt am Mittwoch.", "2023-03-08"),
        ("Am Sonntag wird gewählt.", "2023-03-12"),
        ("Am Donnerstag trafen sich die Minister.", "2023-03-02"),  # a strong verb's simple past
        ("Die Polizei hat am Samstag drei Männer festgenommen.", "2023-03-04"),  # the perfect
        # the verb of the weekday's own clause, not the nearest one of another clause
        ("Er erklärte, sie würden den Flughafen sichern, der am Donnerstag zurückerobert wurde.", "2023-03-02"),
        # an explicit date wins, its weekday tells its year
        ("Das Urteil soll am Freitag, dem 3. März, verkündet werden.", "2023-03-03"),
        # "seit" looks back; so does the perfect of a participle without "ge-" (HanTa's morphology)
        ("Seit Oktober protestieren die Bauern.", "2022-10"),
        ("Sein Zustand hat sich seit Samstag verschlechtert.", "2023-03-04"),
        ("Am Samstag sei die Sitzung beendet worden.", "2023-03-04"),
        ("Im Oktober soll gebaut werden.", "2023-10"),
        # a modal's past is a plan, not the past: the coming May
        ("Er sollte ab Mai dabei sein, doch daraus wird nichts.", "2023-05"),
        # "dieses Jahres" belongs to the date it follows (one expression, not two)
        ("Am 29. März dieses Jahres wurde er verurteilt.", "2023-03-29"),
        # "an einem Sonnabend" is no particular Saturday: only the month is a date
        ("Die Tochter wurde an einem Sonnabend im Mai geboren.", "2022-05"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_direction_follows_the_tense(tools: tuple[Reader, TimeTagger], sentence: str, expected: str) -> None:
    reader, tagger = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    values = [m.value for m in tagger.tag(article, MONDAY)]
    assert values == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counted from the narrated day; with none named there is no value rather than a guess
        ("Die Firma wurde am 5. Mai 2019 gegründet. Zwei Jahre zuvor hatte er das Amt übernommen.", "2017"),
        ("Die Firma wurde am 5. Mai 2019 gegründet. Am Tag danach kam der Minister.", "2019-05-06"),
        ("Zwei Jahre zuvor hatte er das Amt übernommen.", None),
        # year-level expressions: a compound unit after a modifier, "Vorjahr"
        ("Im abgelaufenen Geschäftsjahr sank der Gewinn.", "2022"),
        ("Im Vorjahr waren es noch drei.", "2022"),
        # a bare part of the day in past narration belongs to the narrated day
        ("Der Anschlag geschah am 3. Januar 2020. In der Nacht hatte es geschneit.", "2020-01-03TNI"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_relative_to_the_narrated_day(tools: tuple[Reader, TimeTagger], text: str, expected: str | None) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [m.value for m in tagger.tag(article, MONDAY)][-1] == expected


def test_a_year_before_the_common_era_is_no_date(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse("Um 1500 v. Chr. brach der Vulkan aus.", "a.txt", "a", markdown=False, warnings=[])
    assert tagger.tag(article, MONDAY) == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a quarter or half of a year, its year from the text or, without one, from the tense
        ("Im ersten Quartal 2020 sank der Umsatz.", [("ersten Quartal 2020", "DATE", "2020-Q1")]),
        ("Im dritten Quartal stieg der Gewinn.", [("dritten Quartal", "DATE", "2022-Q3")]),
        ("Im vierten Quartal soll der Gewinn steigen.", [("vierten Quartal", "DATE", "2023-Q4")]),
        ("In der ersten Jahreshälfte 2021 wuchs die Firma.", [("der ersten Jahreshälfte 2021", "DATE", "2021-H1")]),
        # a regular day is a set, not a date
        ("Der Markt ist jeden letzten Samstag im Monat geöffnet.", [("jeden letzten Samstag", "SET", "XXXX-WXX-6")]),
        # "heute" as "nowadays" names no day
        ("Der Fall ist bis heute ungeklärt.", [("heute", "DATE", "PRESENT_REF")]),
        ("Früher lebten hier Bauern, heute wohnen hier Pendler.", [("heute", "DATE", "PRESENT_REF")]),
        ("Heute beginnt der Prozess.", [("Heute", "DATE", "2023-03-06")]),
        # an adjective after an article is no past verb: a listing of the day keeps the publication day
        (
            "Theater: Die verzauberte Flöte, im Saal, ab 20 Uhr.",
            [("20 Uhr", "TIME", "2023-03-06T20:00")],
        ),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_parts_of_years_sets_and_nowadays(
    tools: tuple[Reader, TimeTagger], sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    reader, tagger = tools
    article = reader.parse(sentence, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.type, m.value) for m in tagger.tag(article, MONDAY)] == expected


def test_a_listing_after_narration_keeps_the_publication_day(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    text = "Am 3. Januar 2020 spielte das Orchester. Theater: Die verzauberte Flöte, im Saal, ab 20 Uhr."
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [m.value for m in tagger.tag(article, MONDAY)] == ["2020-01-03", "2023-03-06T20:00"]


def test_a_range_is_one_stretch_and_the_narrated_day_is_named(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse("Die Tour führt vom 5. bis 22. November 2023 durch vier Städte.", "a.txt", "a", False, [])
    got = [(m.text, m.value, m.until) for m in tagger.tag(article, MONDAY)]
    assert got == [("5.", "2023-11-05", "2023-11-22"), ("22. November 2023", "2023-11-22", None)]
    text = "Die Firma wurde am 5. Mai 2019 gegründet. Am Tag danach kam der Minister."
    mentions = tagger.tag(reader.parse(text, "a.txt", "a", False, []), MONDAY)
    assert [(m.value, m.anchor) for m in mentions] == [("2019-05-05", None), ("2019-05-06", "2019-05-05")]
    # "am nächsten Tag" in past narration with no day named: the day after something unnamed, no value
    text = "Nach der Wahl fuhr er mit dem Bus. Am nächsten Tag besuchte er eine Kirche."
    assert [m.value for m in tagger.tag(reader.parse(text, "a.txt", "a", False, []), MONDAY)] == [None]


def test_timeline_shows_a_range_once_and_an_article_returning_to_a_landmark_once(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "---\npublished: 2023-03-06\n---\n"
                "Die Messe in Kleinau läuft vom 5. bis 22. November 2023. "
                "Karl Weber übergab 2019 den Vorsitz der Partei an Anna Berger. "
                "Am Donnerstag sprach Karl Weber in Kleinau vor Demonstranten. "
                "Die Polizei traf Karl Weber am Donnerstag in Kleinau vor Demonstranten. "
                "Als Karl Weber 2019 den Vorsitz der Partei abgab, galt Anna Berger als Favoritin.\n"
            ),
        },
    )
    by_date: dict[str, list[str]] = {}
    for e in dossier.timeline:
        by_date.setdefault(e.date, []).append(e.until or "")
    assert by_date["2023-11-05"] == ["2023-11-22"] and "2023-11-22" not in by_date  # one event, a range
    assert len(by_date["2019"]) == 1  # the article's landmark, told twice: one event with both sentences
    assert len(by_date["2023-03-02"]) == 2  # two happenings of one day in one article stay two


def test_deictic_time_inside_a_quotation_counts_from_an_unknown_day(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "---\npublished: 2023-03-06\n---\n"
                "Karl Weber sagte am Montag in Kleinau: „Wir kämpfen heute, morgen und immer.“ "
                "Anna Berger sagte: „Am 5. Mai 2022 begann der Streit.“\n"
            ),
        },
    )
    facts = dossier.facts[0]
    values = {m.text: m.value for m in facts.times}
    assert values["Montag"] == "2023-03-06"  # the frame is the article's own narration
    assert values["heute"] is None and values["morgen"] is None  # the speaker's day, not given
    assert values["5. Mai 2022"] == "2022-05-05"  # a calendar date means the same in any mouth
    assert {e.date for e in dossier.timeline} == {"2023-03-06", "2022-05-05"}


# Each named matcher on an invented example of its own (sentence, token it is tried at, expression as
# written, value), the document dated Friday 2022-01-07: the matcher applies alone and gives the value.
# Tokens are the words between spaces (the tokenizer splits "03.04.2019" into ordinals; the matcher of
# a date as one token serves other tokenizers).
MATCHER_CASES: list[tuple[str, str, int, str, str | None]] = [
    ("iso_date", "Stand 2021-11-30 gilt .", 1, "2021-11-30", "2021-11-30"),
    ("split_numeric_date", "Am 3. 4. 2019 fiel Schnee .", 1, "3. 4. 2019", "2019-04-03"),
    ("numeric_date", "Frist war der 03.04.2019 .", 3, "03.04.2019", "2019-04-03"),
    ("range_start", "Vom 3. bis 9. Mai wird gebaut .", 1, "3.", "2022-05-03"),
    ("day_month", "Am 9. Februar 2020 begann es .", 1, "9. Februar 2020", "2020-02-09"),
    ("month_name", "Im Oktober 2018 war Wahl .", 1, "Oktober 2018", "2018-10"),
    ("period_part_year", "Ende 2017 kam die Wende .", 0, "Ende 2017", "2017"),
    ("season_year", "Im Sommer 2016 regnete es .", 1, "Sommer 2016", "2016-SU"),
    ("unit_year", "Im Jahr 1989 fiel die Mauer .", 1, "Jahr 1989", "1989"),
    ("bare_year", "Seit 1989 ist es so .", 1, "1989", "1989"),
    ("weekday_with_part", "Am Mittwochabend brannte es .", 1, "Mittwochabend", "2022-01-05TEV"),
    ("weekday", "Am Dienstag brannte es .", 1, "Dienstag", "2022-01-04"),
    ("relative_day_adjective", "Am gestrigen Abend brannte es .", 1, "gestrigen", "2022-01-06"),
    ("relative_day", "Gestern brannte es .", 0, "Gestern", "2022-01-06"),
    ("relative_unit", "Im Vorjahr brannte es .", 1, "Vorjahr", "2021"),
    ("anchored_day", "Am Vortag brannte es .", 1, "Vortag", "2022-01-06"),
    ("ago", "Vor zwei Monaten brannte es .", 0, "Vor zwei Monaten", "2021-11"),
    ("quarter_or_half", "Im zweiten Quartal 2021 sank der Umsatz .", 1, "zweiten Quartal 2021", "2021-Q2"),
    ("modified_unit", "Im kommenden Monat wird gebaut .", 1, "kommenden Monat", "2022-02"),
    ("this_year_genitive", "Die Zahlen dieses Jahres sind gut .", 2, "dieses Jahres", "2022"),
    ("deictic_word", "Heuer gab es Schnee .", 0, "Heuer", "2022"),
    ("duration", "Der Bau dauert fünf Wochen .", 3, "fünf Wochen", "P5W"),
    ("clock_time", "Die Feier beginnt um 17 Uhr .", 4, "17 Uhr", "2022-01-07T17:00"),
    ("part_of_day", "Am Abend wurde gefeiert .", 1, "Abend", "2022-01-07TEV"),
    ("repetition", "Der Markt ist jeden Dienstag offen .", 3, "jeden Dienstag", "XXXX-WXX-2"),
]


@pytest.mark.parametrize(("name", "sentence", "at", "said", "value"), MATCHER_CASES, ids=[c[0] for c in MATCHER_CASES])
def test_named_matcher(
    tools: tuple[Reader, TimeTagger], name: str, sentence: str, at: int, said: str, value: str | None
) -> None:
    from generator.analyse.time_spot import Spot
    from generator.analyse.time_tense import Tenses
    from generator.analyse.timex import MATCHERS

    _, tagger = tools
    matcher = next(m for m in MATCHERS if m.__name__ == name)
    words = sentence.split(" ")
    low = [w.casefold() for w in words]
    tenses = Tenses(tagger.t, tagger.lang.function_words, tagger.verb_tense, words, low)
    found = matcher(Spot(tagger.words, words, low, at, (FRIDAY, None, None, None), tenses, MATCHERS))
    assert found is not None and found[0] is not None
    hit, start = found
    assert " ".join(words[start : hit.end]) == said
    assert hit.value == value


def test_matchers_are_tried_in_their_declared_order(tools: tuple[Reader, TimeTagger]) -> None:
    """A written date is one expression, not a day and a year; a count of years before "zuvor" is a
    date counted back, not a duration; "an einem Montag" is no particular Monday."""
    from generator.analyse.timex import MATCHERS

    names = [m.__name__ for m in MATCHERS]
    assert names.index("day_month") < names.index("bare_year")
    assert names.index("anchored_count") < names.index("duration")
    assert names.index("indefinite_weekday") < names.index("weekday")
    reader, tagger = tools
    article = reader.parse(
        "Am 5. Mai 2020 ging es los, zwei Jahre zuvor an einem Montag nicht.", "a.txt", "a", False, []
    )
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == [
        ("5. Mai 2020", "2020-05-05"),
        ("zwei Jahre zuvor", "2018"),
    ]


# Direction and narration (issue 30), the document dated Friday 2022-01-07: (text, [(as written, value)])
DIRECTION_CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # a weak verb's simple past in "-ete" and a separable verb's ("an|kündig|te") are past
    ("Am Donnerstag landete die erste Fähre.", [("Donnerstag", "2022-01-06")]),
    ("Die Messe wird verschoben, wie der Verband am Mittwoch ankündigte.", [("Mittwoch", "2022-01-05")]),
    # a weekday as the attribute of a noun ("vom Sonntag") is the one before
    ("Bei den Krawallen vom Sonntag gibt es viele Verletzte.", [("Sonntag", "2022-01-02")]),
    # "ist … geplant" speaks of what is ahead (a participle of intent, not the perfect)
    ("Die Abstimmung ist für den 20. Juli geplant.", [("20. Juli", "2022-07-20")]),
    # two days of one month, listed: both dates
    ("Die Messe findet am 24. und 25. März statt.", [("24.", "2022-03-24"), ("25. März", "2022-03-25")]),
    # a date without a year in a history told takes the narrated year, not the publication's
    (
        "Am 3. Mai 1961 fiel die Stadt. Am 8. Mai unterzeichnete der General.",
        [
            ("3. Mai 1961", "1961-05-03"),
            ("8. Mai", "1961-05-08"),
        ],
    ),
    ("Im März 1961 begann der Aufstand. Im Juli war er vorbei.", [("März 1961", "1961-03"), ("Juli", "1961-07")]),
    # a number a noun makes an identifier is no year
    ("Der Rat stimmte über die Resolution 1973 ab.", []),
]


@pytest.mark.parametrize(("text", "expected"), DIRECTION_CASES, ids=[c[0][:40] for c in DIRECTION_CASES])
def test_direction_and_narration(
    tools: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]
) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie ist heute 31 Jahre alt.", [("heute", False), ("31 Jahre", True)]),  # an age, not today's event
        ("Bis 2030 sollen alle Dörfer versorgt werden.", [("2030", False)]),  # a plan's target
        ("Seit der Wende 1990 regiert die Partei.", [("1990", False)]),  # the start of a state
        ("Die Partei siegte 1990 bei der Wahl.", [("1990", True)]),
        ("Bis Freitag wurden 40 Menschen gerettet.", [("Freitag", True)]),  # "bis" in a past report
    ],
)
def test_what_is_no_event(tools: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, bool]]) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.event) for m in tagger.tag(article, FRIDAY)] == expected


def test_non_events_stay_off_the_timeline(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "---\npublished: 2022-01-07\n---\nDer Kreistag beschloss am Mittwoch den Haushalt. Bis 2030 sollen "
                "alle Dörfer ans Netz. Seit der Gründung 1994 führt die Partei den Kreis.\n"
            )
        },
    )
    assert [e.date for e in dossier.timeline] == ["2022-01-05"]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reader, TimeTagger]:
    root = tmp_path_factory.mktemp("time-en")
    reader = Reader(load_config({"seeds": str(root), "docs": str(root / "o"), "force_language": "en"}, root))
    lang = load_language("en")
    return reader, TimeTagger(lang, PosTagger(lang).finite_tense)


# English news formats, the document dated Friday 2022-01-07: (text, [(as written, value)])
ENGLISH_CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("The talks resumed on Dec. 28 in the capital.", [("Dec. 28", "2021-12-28")]),
    ("The vote is due to take place on March 3.", [("March 3", "2022-03-03")]),
    ("The accord was signed on June 5, 2019, in the capital.", [("June 5, 2019", "2019-06-05")]),
    ("The accord was signed on 5 June 2019 in the capital.", [("5 June 2019", "2019-06-05")]),
    ("She left the party four years ago.", [("four years ago", "2018")]),
    ("Prices fell on Thursday afternoon.", [("Thursday afternoon", "2022-01-06TAF")]),
    ("Rain fell over the past several weeks.", [("the past several weeks", "PXW")]),
    ("By the end of 2019 the plant had closed.", [("the end of 2019", "2019")]),
    ("Work began in the autumn of 2020.", [("the autumn of 2020", "2020-FA")]),
    # a history told: a date without a year takes the narrated year
    (
        "The city fell on May 3, 1961. On May 8 the general signed.",
        [("May 3, 1961", "1961-05-03"), ("May 8", "1961-05-08")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_CASES, ids=[c[0][:40] for c in ENGLISH_CASES])
def test_english_news_formats(
    english: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]
) -> None:
    reader, tagger = english
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


def test_german_linked_period(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse("Ende des Jahres 2019 schloss das Werk.", "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == [("Ende des Jahres 2019", "2019")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Kloster stammt aus dem 14. Jahrhundert.", [("14. Jahrhundert", "13")]),
        (
            "Am 3. Mai 1961 fiel die Stadt. Am selben Tag floh der König.",
            [
                ("3. Mai 1961", "1961-05-03"),
                ("selben Tag", "1961-05-03"),
            ],
        ),
        (
            "Im Jahr 1961 fiel die Stadt. Im gleichen Jahr floh der König.",
            [("Jahr 1961", "1961"), ("gleichen Jahr", "1961")],
        ),
        ("Im März 1961 fiel die Stadt. Im Winter floh der König.", [("März 1961", "1961-03"), ("Winter", "1961-WI")]),
        ("Im Juni und Juli fiel kein Regen.", [("Juni", "2021-06"), ("Juli", "2021-07")]),
    ],
)
def test_narrated_periods(tools: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1916 Battle of the Somme was long.", [("1916", "1916")]),  # English nouns are no capitals
        ("The 1500 soldiers crossed the river.", []),  # a plural after it: a count
        ("The abbey dates from the 14th century.", [("the 14th century", "13")]),
        (
            "The city fell on May 3, 1961. On the same day the king fled.",
            [
                ("May 3, 1961", "1961-05-03"),
                ("the same day", "1961-05-03"),
            ],
        ),
    ],
)
def test_english_years_and_counts(
    english: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]
) -> None:
    reader, tagger = english
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news that speaks of its own days: a background year does not move a date without a year
        (
            "Am Freitag demonstrierten Tausende. Die Partei wurde 1991 gegründet. Am 5. Januar begann es.",
            [
                ("Freitag", "2022-01-07"),
                ("1991", "1991"),
                ("5. Januar", "2022-01-05"),
            ],
        ),
        # nor does the start of a state
        (
            "Seit der Gründung 1991 regiert die Partei. Am 5. Januar begann es.",
            [("1991", "1991"), ("5. Januar", "2022-01-05")],
        ),
    ],
)
def test_background_years_do_not_narrate(
    tools: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]
) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Burg liegt bei Laibach (heute Ljubljana).", [("heute", "PRESENT_REF")]),  # the name it has now
        ("Die Gespräche sollen bald beginnen.", [("bald", "FUTURE_REF")]),
    ],
)
def test_references_without_a_day(
    tools: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]
) -> None:
    reader, tagger = tools
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By the end of April the army had left.", [("the end of April", "2021-04")]),
        ("Prices rose in the 1960s and again in mid-1982.", [("the 1960s", "196"), ("mid-1982", "1982")]),
    ],
)
def test_english_periods(english: tuple[Reader, TimeTagger], text: str, expected: list[tuple[str, str | None]]) -> None:
    reader, tagger = english
    article = reader.parse(text, "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == expected


def test_german_decade(tools: tuple[Reader, TimeTagger]) -> None:
    reader, tagger = tools
    article = reader.parse("In den 1960er Jahren stiegen die Preise.", "a.txt", "a", markdown=False, warnings=[])
    assert [(m.text, m.value) for m in tagger.tag(article, FRIDAY)] == [("1960er Jahren", "196")]
