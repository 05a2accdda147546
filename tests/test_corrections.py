"""Editorial corrections: each operation, stale and contradicting corrections, hostile text, the
cache, determinism, and `dossier review` output that applies once uncommented.

The corpus is invented (no seed story): a company, its manager, a town, a quote, dates and figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.config import load_config
from generator.merge.corrections import apply_corrections
from generator.model import Dossier
from generator.pipeline import gather, generate
from generator.read.corrections import CorrectionsError, load_corrections
from generator.write.review import doubts, review_yaml
from tests.conftest import dossier as run_dossier
from tests.conftest import make_project

TEXTS = {
    "bote.txt": (
        "---\ntitle: Streik bei Brandauer\npublished: 2023-03-01\nsource: Kleinauer Bote\n---\n\n"
        "Die Firma Brandauer hat am Dienstag in Kleinau 120 Mitarbeiter entlassen. "
        "„Wir hatten keine Wahl“, sagte Geschäftsführerin Anna Berger am Mittwoch. "
        "Gewerkschaftssekretär Karl Weber kritisierte die Entscheidung. "
        "Rund 300 Menschen demonstrierten in Kleinau.\n"
    ),
    "nord.txt": (
        "---\ntitle: Protest in Kleinau\npublished: 2023-03-01\nsource: Agentur Nord\n---\n\n"
        "In Kleinau demonstrierten am Dienstag etwa 500 Menschen gegen die Entlassungen bei Brandauer. "
        "Berger verteidigte den Schritt.\n"
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("corr"), TEXTS)


def _gather(project: Path, corrections: str | None, name: str = "corrections.yaml") -> Dossier:
    path = project / name
    if corrections is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(corrections, encoding="utf-8")
    config = load_config({"seeds": "seeds", "docs": "site_src", "cache": ".cache"}, project)
    return gather(config)


@pytest.fixture(scope="module")
def plain(project: Path) -> Dossier:
    return _gather(project, None)


def _apply(plain: Dossier, tmp_path: Path, text: str) -> Dossier:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    corrected, issues = apply_corrections(plain, load_corrections(path))
    assert not issues, issues
    return corrected


def _where(plain: Dossier, words: str) -> str:
    """ "article#sN" of the sentence with ``words``."""
    for a in plain.articles:
        for s in a.sentences:
            if words in s.text:
                return f"{a.id}#s{s.index}"
    raise AssertionError(words)


def test_actor_operations(plain: Dossier, tmp_path: Path) -> None:
    names = {a.name for a in plain.actors}
    assert {"Brandauer", "Anna Berger", "Kleinau", "Karl Weber"} <= names
    d = _apply(
        plain,
        tmp_path,
        "actors:\n"
        "  - name: Brandauer\n    kind: place\n    note: Ein Ort, kein Unternehmen\n"
        "  - name: Karl Weber\n    rename: Karl-Heinz Weber\n    add_role: Gewerkschafter\n"
        "  - name: Kleinau\n    drop: true\n",
    )
    by_name = {a.name: a for a in d.actors}
    assert by_name["Brandauer"].kind == "place" and by_name["Brandauer"].corrected == "Ein Ort, kein Unternehmen"
    weber = by_name["Karl-Heinz Weber"]
    assert "Karl Weber" in weber.aliases and "Gewerkschafter" in weber.roles and weber.corrected == ""
    assert "Kleinau" not in by_name


def test_actor_merge_and_split(plain: Dossier, tmp_path: Path) -> None:
    merged = _apply(plain, tmp_path, "actors:\n  - merge: [Anna Berger, Karl Weber]\n")
    berger = next(a for a in merged.actors if a.name == "Anna Berger")
    assert "Karl Weber" in berger.aliases and not any(a.name == "Karl Weber" for a in merged.actors)
    split = _apply(merged, tmp_path, "actors:\n  - name: Anna Berger\n    split: Karl Weber\n")
    assert {a.name for a in split.actors} >= {"Anna Berger", "Karl Weber"}
    weber = next(a for a in split.actors if a.name == "Karl Weber")
    assert weber.mentions and all("Karl Weber" in m.text for m in weber.mentions)


def test_quote_timeline_and_figure_operations(plain: Dossier, tmp_path: Path) -> None:
    quote = plain.quotes[0]
    assert quote.text.startswith("Wir hatten keine Wahl")
    at = f"{quote.mention.article}#s{quote.mention.sentence}"
    d = _apply(plain, tmp_path, f"quotes:\n  - at: {at}\n    text: keine Wahl\n    speaker: Karl Weber\n")
    assert (d.quotes[0].speaker_name, d.quotes[0].corrected) == ("Karl Weber", "")
    d = _apply(plain, tmp_path, f"quotes:\n  - at: {at}\n    text: keine Wahl\n    speaker: null\n")
    assert d.quotes[0].speaker is None and d.quotes[0].speaker_name is None
    d = _apply(plain, tmp_path, f"quotes:\n  - at: {at}\n    text: keine Wahl\n    drop: true\n")
    assert not d.quotes

    fired = _where(plain, "120 Mitarbeiter")
    event = next(e for e in plain.timeline if e.mentions[0].text.startswith("Die Firma Brandauer"))
    d = _apply(plain, tmp_path, f"timeline:\n  - at: {fired}\n    text: 120 Mitarbeiter\n    date: 2023-02-27\n")
    moved = next(e for e in d.timeline if e.id == event.id)
    assert moved.date == "2023-02-27" and moved.corrected == ""
    protest_a, protest_b = _where(plain, "Rund 300"), _where(plain, "etwa 500")
    said = _where(plain, "keine Wahl")
    assert len(plain.timeline) >= 2
    d = _apply(
        plain,
        tmp_path,
        f"timeline:\n  - merge:\n    - {{at: {fired}, text: 120 Mitarbeiter}}\n    - {{at: {said}, text: keine Wahl}}\n",
    )
    assert len(d.timeline) == len(plain.timeline) - 1
    d = _apply(plain, tmp_path, f"timeline:\n  - at: {fired}\n    text: 120 Mitarbeiter\n    drop: true\n")
    assert event.id not in {e.id for e in d.timeline}

    three, five = (next(f for f in plain.figures if f.value == v) for v in (300, 500))
    assert five.id in three.conflicts  # the invented disagreement
    d = _apply(
        plain,
        tmp_path,
        f"figures:\n  - same:\n    - {{at: {protest_a}, text: Rund 300}}\n    - {{at: {protest_b}, text: etwa 500}}\n",
    )
    joined = next(f for f in d.figures if f.id == three.id)
    assert len(joined.mentions) == 2 and joined.conflicts == () and five.id not in {f.id for f in d.figures}
    d = _apply(
        plain,
        tmp_path,
        f"figures:\n  - at: {protest_b}\n    text: etwa 500\n    value: 400\n    qualifier: null\n"
        "    counted: Demonstrierende\n",
    )
    changed = next(f for f in d.figures if f.id == five.id)
    assert (changed.value, changed.qualifier, changed.unit) == (400, None, "Demonstrierende")
    d = _apply(plain, tmp_path, f"figures:\n  - at: {protest_b}\n    text: etwa 500\n    drop: true\n")
    assert five.id not in {f.id for f in d.figures} and all(five.id not in f.conflicts for f in d.figures)


def test_a_stale_correction_is_reported_and_not_applied(plain: Dossier, tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text("actors:\n  - name: Niemand Nirgends\n    drop: true\n", encoding="utf-8")
    corrected, issues = apply_corrections(plain, load_corrections(path))
    assert corrected == plain
    assert len(issues) == 1 and "line 2" in issues[0].message and "Niemand Nirgends" in issues[0].message


def test_contradicting_corrections_stop_with_both_lines(plain: Dossier, tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(
        "actors:\n  - name: Brandauer\n    kind: place\n  - name: Brandauer\n    kind: person\n", encoding="utf-8"
    )
    with pytest.raises(CorrectionsError, match=r"corrections\.yaml:2 and line 4"):
        apply_corrections(plain, load_corrections(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors:\n  - name: Brandauer\n    kind: company\n", r"corrections\.yaml:3: .*kind"),
        ("actors:\n  - name: Brandauer\n", r"corrections\.yaml:2: "),
        ("quotes:\n  - at: not-an-address\n    text: x\n    drop: true\n", r"corrections\.yaml:2: "),
        ("figures: [\n", r"corrections\.yaml:\d+: not valid YAML"),
        ("wrong: 1\n", r"corrections\.yaml:1: "),
    ],
)
def test_a_broken_file_names_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(path)


def test_cli_stops_with_exit_code_2_on_a_broken_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, TEXTS)
    (root / "corrections.yaml").write_bytes(b"actors:\n  - name: \xff\n")
    result = run_dossier(root, "generate", "-q")
    assert result.returncode == 2 and "corrections.yaml" in result.stderr and "UTF-8" in result.stderr


def test_hostile_text_is_text_the_cache_stays_and_builds_are_identical(tmp_path: Path) -> None:
    root = make_project(tmp_path, TEXTS)
    config = load_config({"seeds": "seeds", "docs": "site_src", "cache": ".cache"}, root)
    generate(config)
    cache_files = {p: p.stat().st_mtime_ns for p in (root / ".cache").rglob("*.pickle")}
    hostile = '<script>alert(1)</script> "quoted" & <b>bold</b>'
    (root / "corrections.yaml").write_text(
        f"actors:\n  - name: Brandauer\n    rename: '<img src=x onerror=alert(2)>'\n    note: '{hostile}'\n",
        encoding="utf-8",
    )
    config = load_config({"seeds": "seeds", "docs": "site_src", "cache": ".cache"}, root)
    first = generate(config)
    assert {p: p.stat().st_mtime_ns for p in (root / ".cache").rglob("*.pickle")} == cache_files  # nothing re-analysed
    pages = "".join(p.read_text(encoding="utf-8") for p in (root / "site_src").rglob("*.md"))
    assert "<script>" not in pages and "<img src=x" not in pages
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages and "redaktionell korrigiert" in pages
    data = json.loads((root / "site_src" / "dossier.json").read_text(encoding="utf-8"))
    renamed = next(a for a in data["actors"] if a["name"] == "<img src=x onerror=alert(2)>")
    assert renamed["corrected"] == {"note": hostile}
    second = generate(config, write=False)
    assert first.site.files == second.site.files  # deterministic


def test_review_output_uncommented_applies_cleanly(plain: Dossier, tmp_path: Path) -> None:
    text = review_yaml(doubts(plain, frozenset({"montag", "dienstag", "mittwoch"})))
    assert text.strip() and all(line.startswith("#") for line in text.splitlines())
    uncommented = "\n".join(
        re.sub(r"^# ", "", line) for line in text.splitlines() if not line.startswith("# #") and line.startswith("# ")
    )
    uncommented = "\n".join(
        line
        for line in uncommented.splitlines()
        if not line.startswith("dossier review") and not line.startswith(("Uncomment", "twice"))
    )
    path = tmp_path / "corrections.yaml"
    path.write_text(uncommented + "\n", encoding="utf-8")
    corrections = load_corrections(path)
    assert corrections.items
    corrected, issues = apply_corrections(plain, corrections)
    assert issues == []
    marked = [
        x
        for x in (*corrected.actors, *corrected.quotes, *corrected.timeline, *corrected.figures)
        if x.corrected is not None
    ]
    assert len(marked) == len(corrections.items)


def test_cli_review_and_check(tmp_path: Path) -> None:
    root = make_project(tmp_path, TEXTS)
    result = run_dossier(root, "review", "-q", "--format", "json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert 0 < len(items) <= 3 and all({"section", "reason", "correction"} <= set(i) for i in items)
    (root / "corrections.yaml").write_text("actors:\n  - name: Niemand Nirgends\n    drop: true\n", encoding="utf-8")
    result = run_dossier(root, "check", "-q")
    assert "corrections.yaml" in result.stderr and "line 2" in result.stderr and "matches nothing" in result.stderr
