"""Reading seeds/: every kind of bad input gets a clear reason, and never stops the other files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.config import load_config
from generator.lang import load_language
from generator.model import Severity
from generator.read.decoding import decode
from generator.read.files import article_ids
from generator.read.layout import find_dateline, plain_title, split_blocks
from generator.read.reader import Reader

GOOD = "Berlin (dpa) - Der Stadtrat hat am Montag einen neuen Haushalt beschlossen. Er umfasst mehr Geld für Schulen.\n"


def read(tmp_path: Path, files: dict[str, bytes | str], **options: object):  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        (seeds / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    config = load_config({"seeds": str(seeds), "docs": str(tmp_path / "out"), **options}, tmp_path)
    return Reader(config).read_all()


def issues_for(result, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{i.severity.value}: {i.message}" for i in result.issues if i.file == name]


def test_good_article_is_read_with_dateline_source_and_title(tmp_path: Path) -> None:
    result = read(tmp_path, {"a.txt": GOOD})
    assert result.issues == ()
    (a,) = result.articles
    assert a.id == "a"
    assert a.meta.source == "dpa"
    assert a.meta.source_basis == "dateline"
    assert a.meta.dateline_places == ("Berlin",)
    assert a.title == "Der Stadtrat hat am Montag einen neuen Haushalt beschlossen."  # never the dateline
    assert a.meta.language == "de" and a.meta.language_basis == "detected"
    assert a.meta.published is None and a.meta.published_basis == "unknown"
    assert len(a.sentences) == 2
    assert a.word_count == 17  # Berlin, dpa, Der … beschlossen (11) + Er … Schulen (6)
    for s in a.sentences:
        assert a.body[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("control.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "binary"),
        ("broken.md", "---\ntitle: [unclosed\n---\nText des Artikels hier.\n", "malformed front matter"),
        ("list.md", "---\n- a\n- b\n---\nText des Artikels hier.\n", "malformed front matter"),
        ("date.md", "---\npublished: gestern\n---\n" + GOOD, "published"),
        ("onlyfm.md", "---\ntitle: Nur Kopf\n---\n\n", "no article text"),
        (
            "french.txt",
            "Le gouvernement a annoncé lundi une nouvelle loi sur les retraites. Les syndicats ont appelé à la grève "
            "dans toute la France et les manifestations se poursuivent.\n",
            "language 'fr'",
        ),
    ],
)
def test_bad_file_is_skipped_with_reason_and_others_still_read(
    tmp_path: Path, name: str, content: bytes | str, reason: str
) -> None:
    result = read(tmp_path, {name: content, "good.txt": GOOD})
    assert [a.file for a in result.articles] == ["good.txt"]
    messages = issues_for(result, name)
    assert len(messages) == 1, messages
    assert messages[0].startswith("error: skipped:")
    assert reason in messages[0]


def test_too_large_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"Das ist ein Satz. " * (20 * 1024 * 1024 // 18))  # ~20 MB
    result = read(tmp_path, {"big.txt": big.read_bytes(), "good.txt": GOOD})
    assert [a.file for a in result.articles] == ["good.txt"]
    (message,) = issues_for(result, "big.txt")
    assert "too large" in message and "20.0 MiB" in message and "max_article_bytes" in message


def test_bom_crlf_and_cp1252_are_read(tmp_path: Path) -> None:
    body = "Die Bürgermeisterin äußerte sich am Dienstag zu den Plänen. Die Straße bleibt gesperrt."
    result = read(
        tmp_path,
        {
            "bom.txt": b"\xef\xbb\xbf" + body.encode("utf-8"),
            "crlf.txt": body.replace(". ", ".\r\n\r\n").replace("Plänen", "Vorhaben").encode("utf-8"),
            "cp1252.txt": body.replace("Die Str", "Die neue Str").encode("cp1252"),
        },
    )
    by_file = {a.file: a for a in result.articles}
    assert set(by_file) == {"bom.txt", "crlf.txt", "cp1252.txt"}
    assert by_file["bom.txt"].body.startswith("Die Bürgermeisterin")  # BOM gone
    assert "\r" not in by_file["crlf.txt"].body and len(by_file["crlf.txt"].paragraphs) == 2
    assert "äußerte" in by_file["cp1252.txt"].body
    (warning,) = issues_for(result, "cp1252.txt")
    assert warning.startswith("warning:") and "cp1252" in warning
    assert issues_for(result, "bom.txt") == [] and issues_for(result, "crlf.txt") == []


def test_utf16_with_bom_is_read() -> None:
    text, warning = decode("Grüße aus Köln".encode("utf-16"))
    assert text == "Grüße aus Köln" and warning and "UTF-16" in warning


def test_duplicate_article_is_kept_once_and_flagged(tmp_path: Path) -> None:
    result = read(tmp_path, {"a.txt": GOOD, "b.txt": GOOD.replace(" ", "  ") + "\n\n", "c.txt": GOOD + " Neu."})
    assert [a.file for a in result.articles] == ["a.txt", "c.txt"]
    (message,) = issues_for(result, "b.txt")
    assert "same article as a.txt" in message
    assert all(i.severity is Severity.WARNING for i in result.issues)


def test_file_names_with_spaces_umlauts_and_dots_give_stable_unique_ids(tmp_path: Path) -> None:
    names = ["Über die Lage.v2.final.txt", "über-die-lage-v2-final.txt", "a b.md", "ß.txt"]
    result = read(tmp_path, {n: GOOD.replace("Schulen", f"Schulen {i}") for i, n in enumerate(names)})
    ids = {a.file: a.id for a in result.articles}
    assert ids == {
        "Über die Lage.v2.final.txt": "uber-die-lage-v2-final",
        "a b.md": "a-b",
        "ß.txt": "ss",
        "über-die-lage-v2-final.txt": "uber-die-lage-v2-final-2",
    }
    assert article_ids(reversed(names)) == article_ids(names)  # order of discovery does not matter


def test_front_matter_wins_and_unknown_keys_warn(tmp_path: Path) -> None:
    md = (
        "---\ntitle: 'Ein <b>Titel</b> & mehr'\nsource: Tagblatt\nurl: https://example.org/a\n"
        "published: 2023-05-10\nlanguage: de\nauthor: X\n---\n" + GOOD
    )
    result = read(tmp_path, {"a.md": md}, published="2020-01-01")
    (a,) = result.articles
    assert a.title == "Ein ‹b›Titel‹/b› + mehr"  # no <, > or & left for a theme to decode
    assert (a.meta.source, a.meta.source_basis) == ("Tagblatt", "front matter")
    assert (a.meta.published, a.meta.published_basis) == (dt.date(2023, 5, 10), "front matter")
    assert a.meta.language_basis == "front matter"
    assert a.body.startswith("Berlin (dpa)")  # offsets are into the body, front matter removed
    assert issues_for(result, "a.md") == ["warning: front matter (line 7): unknown key 'author' ignored"]


def test_published_option_applies_to_files_without_a_date(tmp_path: Path) -> None:
    (a,) = read(tmp_path, {"a.txt": GOOD}, published="2022-01-07").articles
    assert (a.meta.published, a.meta.published_basis) == (dt.date(2022, 1, 7), "command line")


def test_leading_rule_without_closing_marker_is_text_not_front_matter(tmp_path: Path) -> None:
    (a,) = read(tmp_path, {"a.txt": "---\n" + GOOD}).articles
    assert a.body.startswith("---")


def test_headlines_headings_and_titles() -> None:
    body = (
        "Ein kurzer Titel\n\nErster Satz des Textes. Zweiter Satz.\n\nZWISCHENTITEL IN GROSSBUCHSTABEN\n\nLetzter Satz."
    )
    blocks = split_blocks(body, markdown=False)
    assert [b.heading for b in blocks] == [True, False, True, False]
    md = "# Überschrift\nText direkt darunter.\n\n## Zweite\n\n#hashtag ist kein Titel."
    blocks = split_blocks(md, markdown=True)
    assert [(md[b.start : b.end], b.heading) for b in blocks] == [
        ("Überschrift", True),
        ("Text direkt darunter.", False),
        ("Zweite", True),
        ("#hashtag ist kein Titel.", False),
    ]
    # In plain text, '#' at a line start is text.
    assert [b.heading for b in split_blocks("# Kein Titel, sondern Text.\n\nMehr Text.", markdown=False)] == [
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Almaty/Moskau (Reuters) - In Kasachstan …", ("Almaty/Moskau (Reuters)", ("Almaty", "Moskau"), "Reuters")),
        ("LONDON, Jan 7 (Reuters) - Oil prices …", ("LONDON, Jan 7 (Reuters)", ("LONDON",), "Reuters")),
        ("Berlin (dpa) – Die Regierung …", ("Berlin (dpa)", ("Berlin",), "dpa")),
        ("Die Regierung (CDU) - so heißt es", None),
        ("Der Präsident erklärte am Freitag …", None),
    ],
)
def test_dateline(text: str, expected: object) -> None:
    assert find_dateline(text, load_language("de").function_words) == expected


def test_plain_title_is_one_safe_line() -> None:
    assert plain_title("  a\n<script>x</script> &amp; ") == "a ‹script›x‹/script› +amp;"
    long = plain_title("Wort " * 60)
    assert len(long) <= 122 and long.endswith("…")


def test_segmenter_tokenises_exactly_as_somajo_itself_with_and_without_emoji() -> None:
    """The segmenter skips SoMaJo's emoji step for tokens without an emoji character, and finds the
    tokens' spans itself where it can: tokens and spans must stay what an unmodified SoMaJo gives."""
    from somajo import SoMaJo

    from generator.read.segment import Segmenter

    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    ours = Segmenter()
    texts = [
        "Die Polizei nahm am Montag 20.000 Menschen fest. Der 81-jährige Ex-Präsident schwieg.",
        "Toll 👍🏽 gemacht! Das ❤️ war :-) schön 🇩🇪 und 👨‍👩‍👧 kam auch.",
        "Preis: 3,50 € – siehe https://example.org/a?b=1 oder mail@example.org ©",
        # characters SoMaJo drops inside a token (soft hyphen, zero-width space), a decomposed
        # accent, tabs and runs of spaces: the spans must be SoMaJo's own
        "Die Ab\u00adteilung\u200b tagte  in\tCafe\u0301s am\u00a0Montag .",
        "\ufeffAm Montag\u2009kam er –\n\nund ging  wieder.",
    ]
    for text in texts:
        want = [[(t.text, t.character_offset) for t in s] for s in plain.tokenize_text([text])]
        got = [[(t.text, (t.start, t.end)) for t in s] for s in ours.sentences(text, 0, len(text), "de")]
        assert got == want, text
        if "👍" in text:  # the emoji step still runs where there is one
            assert {"👍🏽", "❤️"} <= {t for s in got for t, _ in s}
