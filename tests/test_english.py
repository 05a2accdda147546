"""English articles: actors from the English model, roles, a dateline, speakers and figures.

An invented wire report; what a careful reader would list."""

from __future__ import annotations

from pathlib import Path

from generator.lang import load_language
from generator.write.export import dossier_json
from tests.conftest import gather_texts

WIRE = """---
title: Unrest in Kleinau
published: 2023-01-07
source: Northwire
language: en
---

KLEINAU, Jan 7 (Northwire) - President Anna Berger said on Friday she had ordered troops to fire without warning, after 26 "armed criminals" were killed in clashes.

"The militants have not laid down their arms," Berger said in a televised address. Interior Minister Karl Weber will visit the region on Monday.

According to officials, more than 3,700 people have been detained.
"""


def test_an_english_wire_report(tmp_path: Path) -> None:
    dossier = gather_texts(tmp_path, {"wire.txt": WIRE})
    actors = {a.name: a for a in dossier.actors}
    assert actors["Anna Berger"].kind == "person" and actors["Anna Berger"].roles == ("President",)
    assert actors["Karl Weber"].roles == ("Interior Minister",)
    assert actors["Kleinau"].kind == "place"  # the dateline's capitals, written as a name
    assert actors["Northwire"].kind == "organization"
    direct = [q for q in dossier.quotes if q.kind == "direct"]
    assert [(q.speaker_name, q.text) for q in direct] == [
        ("Anna Berger", "The militants have not laid down their arms")
    ]
    figures = {f.text: f for f in dossier.figures}
    assert figures['26 "armed criminals"'].measure == "killed"
    assert figures["more than 3,700 people"].measure == "arrested"
    assert figures["more than 3,700 people"].qualifier == "more than"
    dates = {e.date for e in dossier.timeline}
    assert {"2023-01-06", "2023-01-09"} <= dates  # Friday before, Monday ahead ("will visit")


MIXED = Path(__file__).parent / "fixtures" / "mixed"


def test_a_mixed_dossier_merges_across_languages(tmp_path: Path) -> None:
    """An English wire report, its German translation and a German follow-up (invented)."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(MIXED.glob("*.txt"))}
    dossier = gather_texts(tmp_path, texts)
    people = [a for a in dossier.actors if a.kind == "person"]
    assert [(a.name, a.aliases) for a in people] == [("Oleg Dorofejew", ("Oleg Dorofeyev",))]  # two transliterations
    assert {m.article for m in people[0].mentions} == {"wire-en", "wire-de", "followup-de"}
    places = [a for a in dossier.actors if a.kind == "place"]
    assert [a.name for a in places] == ["Kleinau"]
    # one institution in two languages, named as the dossier's (German) articles name it
    ministry = next(a for a in dossier.actors if a.name == "Innenministerium")
    assert ministry.kind == "organization" and ministry.aliases == ("Interior Ministry",)
    assert {m.article for m in ministry.mentions} == {"wire-en", "wire-de", "followup-de"}
    figures = {f.value: f for f in dossier.figures}
    assert {m.article for m in figures[3700].mentions} == {"wire-en", "wire-de"}  # 3,700 = 3.700, one quantity
    assert {m.article for m in figures[26].mentions} == {"wire-en", "wire-de"}
    friday = next(e for e in dossier.timeline if e.date == "2023-01-06")
    assert {m.article for m in friday.mentions} == {"wire-en", "wire-de"}
    (arrests,) = dossier.developments
    assert [(p.date, p.value, len(p.articles)) for p in arrests.points] == [
        ("2023-01-07", 3700, 2),
        ("2023-01-09", 5800, 1),
    ]


SPEECH = """---
title: Speech frames
published: 2023-03-07
source: Northwire
language: en
---

Kleinau President Oleg Marten said on Friday he had ordered troops to fire without warning.

The Interior Ministry said more than 3,700 people had been detained since Wednesday.

Mayor Anna Berger told reporters that the city would reopen its schools next week.

According to the Health Ministry, 40 people were treated in hospital on Thursday.

Police said Berger was arrested at her home.

Karl Weber, a spokesman for the company, said in a statement that no jobs would be cut.

The weather was cold and the streets were empty, witnesses said.

The president is said to be seriously ill.

The protests spread to five more cities overnight, according to the ministry.

"It is a tragedy," Weber told the agency.
"""


def test_english_speech_frames(tmp_path: Path) -> None:
    """English reports a clause without comma: the speaker is the subject before the verb, never a
    name inside what is said ("Police said Berger was arrested" is the police speaking) or the one
    spoken to ("told the agency"); a sentence that is no report ("is said to be") gives no quote."""
    dossier = gather_texts(tmp_path, {"speech.txt": SPEECH})
    got = {(q.speaker_name, q.text) for q in dossier.quotes}
    assert got == {
        ("Oleg Marten", "he had ordered troops to fire without warning"),
        ("Interior Ministry", "more than 3,700 people had been detained since Wednesday"),
        ("Anna Berger", "the city would reopen its schools next week"),
        ("Health Ministry", "40 people were treated in hospital on Thursday"),
        ("Police", "Berger was arrested at her home"),
        ("Karl Weber", "no jobs would be cut"),
        ("witnesses", "The weather was cold and the streets were empty"),
        ("the ministry", "The protests spread to five more cities overnight"),
        ("Karl Weber", "It is a tragedy"),
    }
    actors = {a.name: a.kind for a in dossier.actors}
    # institutions of the language data are named as the dossier's (German) language names them
    assert actors["Innenministerium"] == actors["Gesundheitsministerium"] == "organization"
    assert "Police" not in actors or actors["Police"] == "organization"  # a town of that name exists, too


def _undated(dateline: str) -> str:
    return f"{dateline} - Karl Weber said on Friday the bridge would stay closed until further notice.\n"


def test_a_datelines_day_dates_the_article_with_a_year_only_from_evidence(tmp_path: Path) -> None:
    """'LONDON, Jan 7 (Northwire) -' gives the day; the year comes from a dated article of the dossier
    (the nearest year within two months), never from a guess; a dateline's full date is the date."""
    dated = "---\ntitle: Earlier\npublished: 2022-12-30\nlanguage: en\n---\n\nThe bridge was closed.\n"
    both = gather_texts(tmp_path / "a", {"a.txt": dated, "b.txt": _undated("KLEINAU, Jan 7 (Northwire)")})
    article = next(a for a in both.articles if a.id == "b")
    assert str(article.meta.published) == "2023-01-07"  # across the new year, not 2022-01-07
    assert article.meta.published_basis == "inferred" and "Earlier" in (article.meta.published_evidence or "")
    friday = [e.date for e in both.timeline if any(m.article == "b" for m in e.mentions)]
    assert friday == ["2023-01-06"]
    alone = gather_texts(tmp_path / "b", {"b.txt": _undated("KLEINAU, Jan 7 (Northwire)")})
    assert alone.articles[0].meta.published is None  # no year anywhere: unknown
    full = gather_texts(tmp_path / "c", {"b.txt": _undated("KLEINAU, January 7, 2023 (Northwire)")})
    assert str(full.articles[0].meta.published) == "2023-01-07"
    far = "---\ntitle: Earlier\npublished: 2022-06-30\nlanguage: en\n---\n\nThe bridge was closed.\n"
    apart = gather_texts(tmp_path / "d", {"a.txt": far, "b.txt": _undated("KLEINAU, Jan 7 (Northwire)")})
    assert next(a for a in apart.articles if a.id == "b").meta.published is None  # half a year away: no year


TENSES = """---
title: Tenses
published: 2023-03-07
language: en
---

Karl Weber said on Friday the bridge would stay closed.

The minister will visit the region on Monday.

Troops opened fire on protesters on Wednesday.

The trial begins on Thursday, a court spokesman said.

Anna Berger said the curfew would be lifted on Sunday, according to a statement released by her office.

Prime Minister Katrin Hollis is due to meet union leaders on Monday, her spokesman said.
"""


def test_english_weekdays_run_in_the_direction_of_their_verb(tmp_path: Path) -> None:
    """Published on Tuesday 7 March 2023: a weekday takes the tense of its own verb (HanTa's English
    morphology: "said", "opened" past; "begins" present, so ahead; "will", "would be lifted", "is due
    to" ahead)."""
    dossier = gather_texts(tmp_path, {"t.txt": TENSES})
    by_sentence = {e.mentions[0].sentence: e.date for e in dossier.timeline}
    assert by_sentence == {
        0: "2023-03-03",
        1: "2023-03-13",
        2: "2023-03-01",
        3: "2023-03-09",
        4: "2023-03-12",
        5: "2023-03-13",  # "is due to meet … on Monday": ahead
    }


def test_own_account_names_the_subject_as_the_source(tmp_path: Path) -> None:
    """ "X hat nach eigenen Angaben …": the subject is the source; the dateline is no part of what is said."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(MIXED.glob("*.txt"))}
    dossier = gather_texts(tmp_path, texts)
    (own,) = [q for q in dossier.quotes if q.mention.article == "wire-de" and q.mention.sentence == 0]
    assert own.speaker_name == "Oleg Dorofejew" and own.text.startswith("Der Präsident von Kleinau")


def test_a_translation_is_aligned_with_its_original_and_its_quotes_linked(tmp_path: Path) -> None:
    """The English wire report and its German translation: each sentence beside its counterpart on the
    comparison page (numbers, names and dates anchor them), never the German follow-up's; on the
    quotes page the English statement stands under its German version, marked as English."""
    from generator.merge.compare import align
    from generator.render.site import render

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(MIXED.glob("*.txt"))}
    dossier = gather_texts(tmp_path, texts)
    pairs = {(p.a, p.b) for p in align(dossier)}
    assert pairs == {(("wire-de", i), ("wire-en", i)) for i in range(3)}
    site = render(dossier, load_language("de"), dossier_json, show_all=True)  # withheld quotes too
    quotes = site.files["quotes.md"].decode("utf-8")
    militants = '<span lang="en">The militants have not laid down their arms</span>'
    assert quotes.count(militants) == 1  # once, under the German version, not as a quote of its own
    german = quotes.index("Die Militanten haben ihre Waffen nicht niedergelegt")
    assert german < quotes.index(militants) < german + 600
    assert '<span class="dossier-lang">Englisch</span>' in quotes
    english = render(dossier, load_language("en"), dossier_json, show_all=True).files["quotes.md"].decode("utf-8")
    assert "“Die Militanten haben ihre Waffen nicht niedergelegt”" in english  # English quotation marks


ROLES = """---
title: Roles
published: 2023-03-07
language: en
---

White House spokeswoman Anna Berger told reporters on Monday that the talks would continue.

Karl Weber, the country's foreign minister, said the border would stay closed.

The company's chief executive, Maria Lindqvist, said profits had fallen by 12 percent.

German Chancellor Olaf Brandauer met French President Pierre Lafont on Tuesday.

UN Secretary-General Kofi Mensah urged both sides to show restraint.
"""


def test_english_roles_as_the_articles_give_them(tmp_path: Path) -> None:
    """English writes a role's body, place or nationality capitalised before it and an apposition after
    the name; the speaker of "X, the country's foreign minister, said …" is X, not what X said."""
    dossier = gather_texts(tmp_path, {"roles.txt": ROLES})
    roles = {a.name: a.roles for a in dossier.actors if a.kind == "person"}
    assert roles == {
        "Anna Berger": ("White House spokeswoman",),
        "Karl Weber": ("foreign minister",),
        "Maria Lindqvist": ("chief executive",),
        "Olaf Brandauer": ("German Chancellor",),
        "Pierre Lafont": ("French President",),
        "Kofi Mensah": ("UN Secretary-General",),
    }
    said = {(q.speaker_name, q.text) for q in dossier.quotes}
    assert ("Karl Weber", "the border would stay closed") in said
    assert ("Maria Lindqvist", "profits had fallen by 12 percent") in said


def test_an_invented_english_wire_story_read_as_a_reader_would(tmp_path: Path) -> None:
    """Every speaker, figure and role of an invented wire story (tests/fixtures/english-wire.txt), as a
    careful reader lists them: "her spokesman said" is the spokesman, a quotation after a paragraph
    that names someone else is not the earlier source's, a month is no actor."""
    text = (Path(__file__).parent / "fixtures" / "english-wire.txt").read_text(encoding="utf-8")
    dossier = gather_texts(tmp_path, {"wire.txt": text})
    speakers = [(q.speaker_name, q.text[:30]) for q in dossier.quotes]
    assert speakers == [
        ("witnesses", "Police fired tear gas and wate"),
        ("Elena Varga", "We are not afraid"),
        ("Elena Varga", "The government has to listen."),
        ("Tomas Brandt", "112 people had been detained a"),
        ("Tomas Brandt", "Those who break the law will b"),
        ("Civic Alliance", "the figure was higher and accu"),
        ("her spokesman", "Prime Minister Katrin Hollis i"),
        ("National Statistics Office", "inflation reached 18.5 percent"),
        ("Marco Bellini", "We call on all parties to enga"),
        ("the central bank", "it would raise interest rates "),
        ("Analysts", "the unrest could weigh on the "),
        ("Jan Kowal", "It's a difficult moment"),
    ]
    figures = {(f.text, f.measure) for f in dossier.figures}
    assert {("23 police officers", "injured"), ("112 people", "arrested"), ("Thousands of protesters", None)} <= figures
    actors = {a.name: (a.kind, a.roles) for a in dossier.actors}
    assert "February" not in actors
    assert actors["Tomas Brandt"] == ("person", ("Interior Minister",))
    assert actors["Jan Kowal"] == ("person", ("economist at Baltic Capital in Warsaw",))
    assert actors["Civic Alliance"][0] == actors["National Statistics Office"][0] == "organization"


def test_an_invented_agency_story_in_another_house_style(tmp_path: Path) -> None:
    """A second invented story (tests/fixtures/english-ap.txt, a dash after the dateline, 'early
    Tuesday', 'told The Associated Press'): "his office said" is the office speaking; a company
    named by its head word ("Nordsee Lines") is an organisation; the agency's name and its
    initials in the dateline are one actor."""
    text = (Path(__file__).parent / "fixtures" / "english-ap.txt").read_text(encoding="utf-8")
    dossier = gather_texts(tmp_path, {"ferry.txt": text})
    speakers = [(q.speaker_name, q.text[:26]) for q in dossier.quotes]
    assert speakers == [
        ("the coast guard", "The vessel, operated by No"),
        ("Tomasz Nowak", "It was chaos. People were "),
        ("Ingrid Solberg", "the weather had been calm "),
        ("Tomasz Nowak", "the crew had acted quickly"),
        ("his office", "Transport Minister Erik Lu"),
        ("local media", "Last Thursday, another fer"),
    ]
    actors = {a.name: (a.kind, a.aliases) for a in dossier.actors}
    assert actors["Nordsee Lines"] == ("organization", ())
    assert actors["Associated Press"] == ("organization", ("AP",))
    dates = sorted(e.date for e in dossier.timeline)
    assert dates == ["2019", "2023-03-02", "2023-03-07", "2023-03-08"]


def test_english_figures_with_a_currency_sign_and_a_death_toll(tmp_path: Path) -> None:
    """'$2.5 billion' is dollars (the sign stands before the number), 'the death toll rose to 57' counts
    the dead, 'about £300 million' keeps its qualifier."""
    text = """---
title: Money and dead
published: 2023-04-04
language: en
---

The government approved a $2.5 billion aid package on Monday.

The bank lent about £300 million to the city.

The death toll rose to 57, officials said.
"""
    dossier = gather_texts(tmp_path, {"f.txt": text})
    got = {(f.text, f.value, f.unit, f.qualifier, f.measure) for f in dossier.figures}
    assert got == {
        ("$2.5 billion", 2.5e9, "$", None, None),
        ("about £300 million", 3e8, "£", "about", None),
        ("57", 57, "death", None, "killed"),
    }


def test_an_institution_is_one_actor_in_both_languages_named_in_the_dossiers(tmp_path: Path) -> None:
    """ "The White House" / "Das Weiße Haus" / "des Weißen Hauses", "the Kremlin" / "dem Kreml": one
    organisation each, in the nominative of the dossier's language, the other spellings as aliases."""
    en = "---\ntitle: A\npublished: 2023-03-04\nlanguage: en\n---\n\nThe White House said on Friday that talks with the Kremlin would continue.\n"
    de = (
        "---\ntitle: B\npublished: 2023-03-04\nlanguage: de\n---\n\nDas Weiße Haus teilte am Freitag mit, die "
        "Gespräche mit dem Kreml gingen weiter. Ein Sprecher des Weißen Hauses bestätigte das.\n"
    )
    dossier = gather_texts(tmp_path, {"a.txt": en, "b.txt": de})
    got = {(a.name, a.kind, a.aliases) for a in dossier.actors}
    assert got == {
        ("Weißes Haus", "organization", ("White House",)),  # "Weiße Haus", "Weißen Hauses": inflections, no spellings
        ("Kreml", "organization", ("Kremlin",)),
    }


def test_a_bare_organisation_head_is_no_actor() -> None:
    from generator.analyse.ner import Tagger

    tagger = Tagger(load_language("en"))
    assert tagger.is_junk(["Association"]) and tagger.is_junk(["Agency"])
    assert not tagger.is_junk(["Parliament"])  # an institution acting on its own
