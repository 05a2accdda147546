"""Generating site_src/: deterministic, owns only what it wrote, keeps what it did not, matches the snapshot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import generate
from generator.write.files import MANIFEST
from generator.write.review import doubts, review_yaml
from tests.conftest import CORPUS, FIXTURES, REPO, tree

SNAPSHOT = FIXTURES / "snapshot"


def config(seeds: Path, docs: Path, **options: object):  # type: ignore[no-untyped-def]
    return load_config({"seeds": str(seeds), "docs": str(docs), "title": "Testdossier", **options}, seeds.parent)


def copy_seeds(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    seeds = copy_seeds(REPO / "seeds", tmp_path / "seeds")
    first = generate(config(seeds, tmp_path / "a"))
    second = generate(config(seeds, tmp_path / "b"))
    assert first.exit_code == second.exit_code == 0
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a == b
    assert "dossier.json" in a and "index.md" in a
    # a rebuild into the same folder rewrites nothing
    again = generate(config(seeds, tmp_path / "a"))
    assert again.write is not None and again.write.written == () and again.write.removed == ()


def test_hand_written_page_survives_and_removed_article_disappears(tmp_path: Path) -> None:
    seeds = copy_seeds(CORPUS, tmp_path / "seeds")
    docs = tmp_path / "site_src"
    docs.mkdir()
    (docs / "about.md").write_text("# Über dieses Dossier\n\nVon Hand geschrieben.\n", encoding="utf-8")
    (docs / "articles").mkdir()
    (docs / "articles" / "notes.md").write_text("Notizen\n", encoding="utf-8")

    generate(config(seeds, docs))
    assert (docs / "articles" / "hochwasser-dpa.md").is_file()
    (seeds / "hochwasser-dpa.txt").unlink()
    report = generate(config(seeds, docs))

    assert not (docs / "articles" / "hochwasser-dpa.md").exists()
    assert report.write is not None and "articles/hochwasser-dpa.md" in report.write.removed
    assert (docs / "about.md").read_text(encoding="utf-8") == "# Über dieses Dossier\n\nVon Hand geschrieben.\n"
    assert (docs / "articles" / "notes.md").read_text(encoding="utf-8") == "Notizen\n"
    assert report.exit_code == 0


def test_a_file_someone_else_put_there_is_never_overwritten(tmp_path: Path) -> None:
    seeds = copy_seeds(CORPUS, tmp_path / "seeds")
    docs = tmp_path / "site_src"
    docs.mkdir()
    (docs / "index.md").write_text("Meine Startseite\n", encoding="utf-8")
    report = generate(config(seeds, docs))
    assert (docs / "index.md").read_text(encoding="utf-8") == "Meine Startseite\n"
    assert report.exit_code == 1
    assert any(str(docs / "index.md") == i.file and "not written by the generator" in i.message for i in report.issues)
    assert (docs / "articles" / "bericht.md").is_file()  # the rest is still written
    assert "index.md" not in json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"]


def test_nothing_is_written_when_generation_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = copy_seeds(CORPUS, tmp_path / "seeds")
    docs = tmp_path / "site_src"
    generate(config(seeds, docs))
    before = tree(docs)
    (seeds / "new.txt").write_text("Ein neuer Artikel mit genug Text für die Spracherkennung hier.", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("generator.pipeline.render", broken)
    with pytest.raises(RuntimeError):
        generate(config(seeds, docs))
    assert tree(docs) == before


def test_bad_files_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    seeds = copy_seeds(CORPUS, tmp_path / "seeds")
    (seeds / "leer.txt").write_bytes(b"")
    (seeds / "kaputt.txt").write_bytes(b"\x00\x01binary")
    report = generate(config(seeds, tmp_path / "out"))
    assert report.exit_code == 1
    assert {i.file for i in report.issues} == {"leer.txt", "kaputt.txt"}
    assert len(report.dossier.articles) == 4
    home = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    # build problems are for the editor (build output, dossier review), not the public pages
    assert "leer.txt" not in home and "kaputt.txt" not in home
    review = review_yaml(doubts(report.dossier), report.dossier.issues)
    assert "#   kaputt.txt: error: " in review and "#   leer.txt: " in review


def _snapshot_files(docs: Path) -> dict[str, bytes]:
    return tree(docs, skip=lambda rel: rel.startswith("assets/"))


def test_snapshot_of_fixture_corpus(tmp_path: Path, snapshot_update: bool) -> None:
    """Compare generated site_src/ with tests/fixtures/snapshot; `pytest --snapshot-update` rewrites it."""
    seeds = copy_seeds(CORPUS, tmp_path / "seeds")
    docs = tmp_path / "site_src"
    report = generate(config(seeds, docs))
    assert report.exit_code == 0, report.issues
    got = _snapshot_files(docs)
    if snapshot_update:
        shutil.rmtree(SNAPSHOT, ignore_errors=True)
        for rel, data in got.items():
            (SNAPSHOT / rel).parent.mkdir(parents=True, exist_ok=True)
            (SNAPSHOT / rel).write_bytes(data)
        pytest.skip("snapshot rewritten: review `git diff tests/fixtures/snapshot`")
    want = tree(SNAPSHOT)
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel].decode("utf-8") == want[rel].decode("utf-8"), rel
