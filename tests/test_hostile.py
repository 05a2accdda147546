"""Hostile, odd and large input (issue 32): no input hangs, crashes or costs work. Every input is invented."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.analyse.analyser import Analyser
from generator.analyse.postag import bounded
from generator.analyse.summarise import centrality
from generator.cli import main
from generator.config import load_config
from generator.model import Sentence, Token
from generator.read.corrections import CorrectionsError, load_corrections
from generator.read.decoding import decode
from generator.read.files import MAX_ID, article_ids, display_path
from generator.read.reader import Reader
from generator.read.segment import split_long
from tests.conftest import make_project

GOOD = "Hamburg (epd) - Der Senat hat am Dienstag ein neues Programm für Radwege beschlossen. Es kostet Geld.\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"


def read(tmp_path: Path, files: dict[str, bytes | str], **options: object):  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        (seeds / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    config = load_config({"seeds": str(seeds), "docs": str(tmp_path / "out"), **options}, tmp_path)
    return Reader(config).read_all()


def messages(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{i.file}: {i.severity.value}: {i.message}" for i in result.issues]


# --- YAML: no anchors or aliases, dates checked ---------------------------------------------------------------


@pytest.mark.parametrize("key", ["published", "language", "title"])
def test_front_matter_alias_bomb_is_refused_at_its_line(tmp_path: Path, key: str) -> None:
    md = f"---\n{BOMB}{key}: *b\n---\n{GOOD}"
    result = read(tmp_path, {"bomb.md": md, "ok.txt": GOOD.replace("Radwege", "Parks")})
    assert [a.file for a in result.articles] == ["ok.txt"]
    (msg,) = messages(result)
    assert msg.startswith("bomb.md: error: skipped: malformed front matter (line 2): an anchor (&a) is not allowed")


def test_corrections_alias_bomb_is_refused_before_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(BOMB + "actors: *b\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"corrections.yaml:1: not valid YAML: an anchor \(&a\)"):
        load_corrections(path)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-13-45", "published '2022-13-45' is not a real date"),
        ("2022-01-07garbage", "published '2022-01-07garbage' is not a date YYYY-MM-DD"),
        ("2022-02-30", "published '2022-02-30' is not a real date"),
    ],
)
def test_impossible_dates_in_front_matter_name_the_line(tmp_path: Path, value: str, reason: str) -> None:
    result = read(tmp_path, {"d.md": f"---\ntitle: Ein Titel\npublished: {value}\n---\n{GOOD}"})
    assert result.articles == ()
    (msg,) = messages(result)
    assert msg.startswith(f"d.md: error: skipped: front matter (line 3): {reason}")


def test_a_date_with_a_time_is_still_a_date(tmp_path: Path) -> None:
    result = read(tmp_path, {"d.md": f"---\npublished: 2022-01-07T08:30:00+01:00\n---\n{GOOD}"})
    (a,) = result.articles
    assert a.meta.published is not None and a.meta.published.isoformat() == "2022-01-07"


def test_unquoted_colon_says_how_to_fix_it(tmp_path: Path) -> None:
    result = read(tmp_path, {"c.md": f"---\ntitle: Hamburg: Radwege: neu\n---\n{GOOD}"})
    (msg,) = messages(result)
    assert "(line 2)" in msg and "goes in quotes" in msg


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (
            "timeline:\n  - at: a#s1\n    text: Am Montag\n    date: 2022-02-30\n",
            "corrections.yaml:4: date '2022-02-30'",
        ),
        ("quotes:\n  - at: a#s" + "7" * 5000 + "\n    text: x\n    drop: true\n", "corrections.yaml:2: at"),
    ],
)
def test_corrections_values_the_schema_cannot_check(tmp_path: Path, item: str, reason: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(item, encoding="utf-8")
    with pytest.raises(CorrectionsError) as err:
        load_corrections(path)
    assert str(err.value).startswith(reason)


# --- decoding and names ---------------------------------------------------------------------------------------


def test_one_bad_byte_keeps_utf8_and_names_its_position() -> None:
    text, warning = decode("Die Bürgermeisterin\nsagte ".encode() + b"\xff" + b" heute ab.")
    assert text == "Die Bürgermeisterin\nsagte \ufffd heute ab."
    assert warning is not None and "byte 27 (line 2)" in warning


def test_a_cp1252_file_is_still_read_as_cp1252() -> None:
    text, warning = decode("Die Bürgermeisterin".encode("cp1252"))
    assert text == "Die Bürgermeisterin" and warning is not None and "cp1252" in warning


def test_long_and_non_utf8_names_get_safe_distinct_ids() -> None:
    long_a, long_b = "x" * 240 + "a.txt", "x" * 240 + "b.txt"
    ids = article_ids([long_a, long_b, display_path("caf\udce9.txt"), display_path("caf\udce8.txt")])
    assert all(len(i) <= MAX_ID for i in ids.values())
    assert len(set(ids.values())) == 4
    assert ids[long_a].startswith("x" * 60) and ids[long_a] != ids[long_b]
    assert display_path("caf\udce9.txt") == "caf\\xe9.txt"


@pytest.mark.skipif(os.name != "posix", reason="byte file names")
def test_build_survives_a_non_utf8_and_an_overlong_file_name(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    seeds = os.fsencode(root / "seeds")
    with open(os.path.join(seeds, b"caf\xe9.txt"), "wb") as f:
        f.write(GOOD.replace("Radwege", "Brücken").encode())
    (root / "seeds" / ("lang" * 60 + ".txt")).write_text(GOOD.replace("Radwege", "Schulen"), encoding="utf-8")
    assert main(["generate", "-q", "-f", str(root / "mkdocs.yml")]) == 0
    pages = sorted(p.name for p in (root / "site_src" / "articles").iterdir())
    assert "caf-xe9.md" in pages
    assert all(len(p) < 100 for p in pages) and len(pages) >= 3


def test_symlinks_are_reported_not_skipped_silently(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "link.txt").symlink_to(outside)
    result = read(tmp_path, {"b.txt": GOOD.replace("Radwege", "Parks")})
    assert messages(result) == ["link.txt: error: skipped: a symbolic link; put the file itself into the seeds folder"]


@pytest.mark.parametrize("seeds", ["sedes", "empty"])
def test_missing_or_empty_seeds_is_an_error_and_keeps_the_last_site(tmp_path: Path, seeds: str) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    assert main(["generate", "-q", "-f", str(root / "mkdocs.yml")]) == 0
    before = sorted((root / "site_src" / "articles").iterdir())
    (root / "empty").mkdir()
    code = main(["generate", "-q", "-f", str(root / "mkdocs.yml"), "--seeds", str(root / seeds)])
    assert code == 2
    assert sorted((root / "site_src" / "articles").iterdir()) == before
    assert main(["check", "-q", "-f", str(root / "mkdocs.yml"), "--seeds", str(root / seeds)]) == 2


# --- crashes in the analysis ----------------------------------------------------------------------------------


def analyse(tmp_path: Path, text: str, **options: object):  # type: ignore[no-untyped-def]
    result = read(tmp_path, {"a.md": text}, **options)
    (article,) = result.articles
    return article, Analyser().analyse(article)


def test_all_caps_lead_after_a_dateline(tmp_path: Path) -> None:
    text = "KÖLN (epd) - DER RAT HAT HEUTE EINEN NEUEN PLAN BESCHLOSSEN. Die Kritik daran war laut.\n"
    _, facts = analyse(tmp_path, text)
    assert [(m.text, m.kind) for m in facts.actors[:2]] == [("KÖLN", "place"), ("epd", "organization")]


@pytest.mark.parametrize(
    ("text", "published", "expression"),
    [
        ("Die Burg wurde vor 800000 Tagen gebaut, sagte die Forscherin.", "2022-01-07", "vor 800000 Tagen"),
        ("Das Fest kommt erst 3000000 Tage später, hieß es im Rathaus.", "2022-01-07", "3000000 Tage später"),
        ("Die Sitzung findet morgen statt, sagte der Sprecher der Stadt.", "9999-12-31", "morgen"),
    ],
)
def test_dates_beyond_the_calendar_stay_unresolved(tmp_path: Path, text: str, published: str, expression: str) -> None:
    _, facts = analyse(tmp_path, f"---\npublished: {published}\n---\n{text}\n")
    assert [(t.text, t.value) for t in facts.times if t.text == expression] == [(expression, None)]


def test_a_run_of_quotation_marks_costs_no_more_than_a_word(tmp_path: Path) -> None:
    text = "Die Ministerin sagte am Morgen in der Stadt etwas. " + "'" * 5000 + " Dann ging sie.\n"
    article, facts = analyse(tmp_path, text, force_language="de")  # minutes before, in HanTa
    assert "'" * 5000 in [t.text for t in article.tokens[0]] and facts.article_id == "a"
    assert bounded("'" * 5000) == "'"
    assert bounded("Donaudampfschifffahrtsgesellschaft") == "Drtsgesellschaft"  # the head decides the class


def test_analyse_reports_one_broken_article_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("Radwege", "Parks"), encoding="utf-8")
    real = Analyser.analyse

    def broken(self: Analyser, article):  # type: ignore[no-untyped-def]
        if article.file.endswith("a.txt"):
            raise KeyError("invented")
        return real(self, article)

    monkeypatch.setattr(Analyser, "analyse", broken)
    monkeypatch.chdir(tmp_path)
    assert main(["analyse", "a.txt", "b.txt"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["file"] for line in out.splitlines()] == ["b.txt"]
    assert "a.txt: error: skipped: unexpected error in the analysis: KeyError('invented')" in err


# --- bounded cost ---------------------------------------------------------------------------------------------


def test_a_long_sentence_is_cut_after_a_comma_into_bounded_parts() -> None:
    tokens = [Token("," if i % 10 == 9 else f"w{i}", 3 * i, 3 * i + 2) for i in range(400)]
    parts = split_long(tokens, limit=150)
    assert [len(p) for p in parts] == [150, 150, 100]  # each part ends after a comma: token 149, 299
    assert all(p[-1].text == "," for p in parts[:-1])
    assert [t for p in parts for t in p] == tokens


def test_summary_centrality_compares_a_sentence_with_its_window_only() -> None:
    texts = ["Radweg Brücke Hafenamt Senatorin"] + ["Der Tag."] * 200  # no stem (words of 3 letters)
    texts[-1] = texts[0]
    sentences = tuple(Sentence(i, 0, 0, t, 0) for i, t in enumerate(texts))
    article = SimpleNamespace(sentences=sentences, meta=SimpleNamespace(dateline=None))
    central = centrality(article, list(range(len(texts))))  # type: ignore[arg-type]
    assert central[0] == 0.0  # its twin is 200 sentences away, outside the window
    short = centrality(article, [0, 5, 200])  # type: ignore[arg-type]
    assert short[0] == pytest.approx(0.5)  # within a short article every pair is compared


def test_a_lone_surrogate_escape_in_front_matter_is_replaced(tmp_path: Path) -> None:
    # found by tests/test_fuzz.py: "\ud800" in YAML made a string no file or library can take
    result = read(tmp_path, {"s.md": f'---\ntitle: "Radwege \\ud800 neu"\n---\n{GOOD}'})
    (a,) = result.articles
    assert a.title == "Radwege \ufffd neu"


def test_a_weekday_after_the_calendars_last_day_stays_that_day() -> None:
    from generator.read.published import first_on_or_after

    last = dt.date.max  # a Friday: the Monday after it does not exist
    assert first_on_or_after(last, 1) == last
    assert first_on_or_after(dt.date(2022, 1, 7), 1) == dt.date(2022, 1, 10)


def test_an_unknown_key_in_corrections_is_named_at_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text("actors:\n  - name: Senat\n    kind: organization\n    colour: red\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"^corrections.yaml:4: actors/0: unknown key 'colour' \(known here: "):
        load_corrections(path)


def test_long_numbers_are_tagged_by_their_shape_once() -> None:
    assert bounded("1.234.567") == bounded("9.876.543") == "5.555.555"  # one HanTa analysis for both
    assert bounded("2022") == "2022" and bounded("7.") == "7."  # short ones as written ("7." is an ordinal)
