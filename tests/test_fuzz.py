"""Property-based tests (hypothesis): generated hostile texts, front matter and corrections never raise
anything but the readers' own errors, and every span ``dossier analyse`` gives is exact in the source."""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from generator.analyse.analyser import Analyser
from generator.config import load_config
from generator.read.corrections import CorrectionsError, load_corrections
from generator.read.decoding import ReadError, normalise
from generator.read.offsets import source_text, to_source
from generator.read.reader import Reader
from generator.write.export import article_record

FUZZ = settings(
    max_examples=1400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = [
    "Berlin (dpa) - ", "BERLIN (dpa) - DIE REGIERUNG HAT HEUTE BESCHLOSSEN. ", "Die Ministerin", " sagte", " am Montag",
    " vor 800000 Tagen", " 3000000 Tage später", " morgen", " 1.200 Menschen", " 5 Prozent", ", ", ". ", "\n", "\r\n",
    "\r", "\n\n", "„", "“", '"', "'", "«", "»", "Bu\u0308rgermeisterin", "Mu\u0308nchen", "Ünal", "\u00a0", "\t", "\x07",
    "\u200b", "<script>alert(1)</script>", "{{ x }}", "[a](b)", "# Titel\n", "- Punkt\n", "| a | b |\n", "😀",
    "한국", "ﬁ", "Å", "\u212b", "e\u0301\u0327", " Anna Berger", " der Stadtrat", " (AFP)", " 2022-01-07",
]  # fmt: skip

FRONT = [
    "title: Ein Titel\n", "published: 2022-01-07\n", "published: 9999-12-31\n", "published: 2022-13-45\n",
    "language: de\n", "language: en\n", "a: &a [x, x]\nb: *a\n", "title: a: b\n", "source: [1, 2]\n", "x: 1\n",
    "published: 2022-01-07garbage\n", "title: \"\\ud800\"\n", "url: http://example.org\n",
]  # fmt: skip


@functools.cache
def tools() -> tuple[Reader, Analyser]:
    config = load_config({"seeds": ".", "docs": ".unused", "published": "2022-01-07"}, Path.cwd())
    return Reader(config), Analyser()


def raw_texts() -> st.SearchStrategy[bytes]:
    body = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=30).map("".join)
    front = st.lists(st.sampled_from(FRONT), max_size=4).map(lambda xs: "---\n" + "".join(xs) + "---\n" if xs else "")
    bom = st.sampled_from(["", "\ufeff"])
    encoding = st.sampled_from(["utf-8", "utf-8", "utf-8", "cp1252", "bad-byte"])
    return st.builds(_encode, bom, front, body, encoding)


def _encode(bom: str, front: str, body: str, encoding: str) -> bytes:
    text = bom + front + body
    if encoding == "cp1252":
        return text.encode("cp1252", errors="replace")
    raw = text.encode("utf-8", errors="replace")
    return raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2 :] if encoding == "bad-byte" else raw


def _spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for value in record.values() if isinstance(value, list) for item in value]


def analyse(raw: bytes) -> tuple[dict[str, Any], dict[str, Any]] | None:
    reader, analyser = tools()
    try:
        article = reader.read_bytes(raw, "f.md", "f", True, [])
    except ReadError:
        return None
    record = article_record(article, analyser.analyse(article), "f.md")
    return record, to_source(record, raw)


@FUZZ
@given(raw_texts())
def test_no_exception_escapes_and_every_span_is_exact(raw: bytes) -> None:
    result = analyse(raw)
    if result is None:
        return
    before, after = result
    source = source_text(raw)
    body = (
        source[len(source) - len(source.lstrip("\ufeff")) :] if not source.lstrip("\ufeff").startswith("---") else None
    )
    for old, new in zip(_spans(before), _spans(after), strict=True):
        assert 0 <= new["start"] <= new["end"] <= len(source)
        if "text" in old:
            assert normalise(unicodedata.normalize("NFC", new["text"])) == old["text"]
        if body is not None:  # no front matter: the offsets are the file's own
            assert source[new["start"] : new["end"]] == new.get("text", source[new["start"] : new["end"]])


@settings(max_examples=600, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from(
            [
                "actors:\n",
                "quotes:\n",
                "timeline:\n",
                "  - name: X\n",
                "    kind: person\n",
                "  - at: a#s1\n",
                "    text: Am Montag\n",
                "    date: 2022-02-30\n",
                "    date: 2022-02-03\n",
                "    drop: true\n",
                "&a ",
                "*a ",
                "  - at: a#s" + "9" * 5000 + "\n",
                "x: [1, {y: 2}]\n",
                "\t",
                ": ",
                "- ",
                "'",
                '"',
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_corrections_raise_only_their_own_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("c") / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_corrections(path)
    except CorrectionsError as exc:
        assert str(exc).startswith("corrections.yaml")


def test_crlf_bom_and_nfd_spans_slice_the_source_exactly() -> None:
    raw = (
        "\ufeffHamburg (epd) - Die Bu\u0308rgermeisterin\r\nsagte am Dienstag: „Wir bauen 300 Wohnungen.“\r\n"
        "Der Senat in Mu\u0308nchen stimmte zu.\r\n"
    ).encode()
    result = analyse(raw)
    assert result is not None
    source = source_text(raw)
    texts = [(item["text"], source[item["start"] : item["end"]]) for item in _spans(result[1]) if "text" in item]
    assert ("300 Wohnungen", "300 Wohnungen") in texts
    assert ("Dienstag", "Dienstag") in texts
    assert ("Mu\u0308nchen", "Mu\u0308nchen") in texts  # as written (decomposed), two characters for the ü
    assert all(text == sliced for text, sliced in texts)
