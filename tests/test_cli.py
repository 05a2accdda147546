"""The `dossier` command: subcommands, exit codes, JSON Lines output, and `check` writes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.conftest import CORPUS, REPO, dossier, make_project, tree


@pytest.mark.parametrize("command", [[], ["build"], ["generate"], ["check"], ["analyse"]])
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: dossier")
    assert "-q" in out and "-v" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["analyse", "/no/such/file.txt"]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_generate_check_and_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, CORPUS)
    result = dossier(root, "check")
    assert result.returncode == 0, result.stderr
    assert "4 articles readable, 0 problem(s)" in result.stderr
    assert tree(root / "site_src") == {}  # check wrote nothing

    result = dossier(root, "generate", "-q")
    assert result.returncode == 0, result.stderr
    assert (root / "site_src" / "articles" / "bericht.md").is_file()

    (root / "seeds" / "leer.txt").write_bytes(b"")
    result = dossier(root, "build", "--strict")
    assert result.returncode == 1  # a file skipped with an error …
    assert "leer.txt: error: skipped: empty file" in result.stderr
    assert (root / "site" / "articles" / "bericht.html").is_file()  # … and the site still built from the rest


@pytest.mark.parametrize("publish", ["sure", "all"])
def test_generate_reads_publish_and_corrections_from_mkdocs_yml(tmp_path: Path, publish: str) -> None:
    """`dossier generate` takes the plugin's options from mkdocs.yml exactly as `mkdocs build` does: the
    corrections file it names, and publish (the command once ignored both)."""
    root = make_project(tmp_path, CORPUS, publish=publish)
    (root / "fixes.yaml").write_text("actors:\n  - name: Grobe Panne\n    drop: true\n", encoding="utf-8")
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    yml = yml.replace("      seeds: seeds\n", "      seeds: seeds\n      corrections: fixes.yaml\n")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    result = dossier(root, "generate", "-q", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "fixes.yaml" in result.stderr  # the named file was read: its one correction matches nothing
    figures = (root / "site_src" / "figures.md").read_text(encoding="utf-8")
    assert ("dossier-uncertain" in figures) == (publish == "all")  # every figure shown, doubt marked …
    assert ("published: false" in figures) == (publish == "sure")  # … or withheld, and the page says so


def test_configuration_error_exits_2(tmp_path: Path) -> None:
    root = make_project(tmp_path, CORPUS)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("language: de\n", "language: xx\n", 1)
    yml = yml.replace("      seeds: seeds\n      language: de", "      seeds: seeds\n      language: xx")
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    result = dossier(root, "generate")
    assert result.returncode == 2
    assert "'xx' is not a language with data" in result.stderr


def test_analyse_writes_one_json_object_per_article(tmp_path: Path) -> None:
    result = dossier(REPO, "analyse", "seeds", "--published", "2022-01-07")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == ["seeds/000_87b400ab487f448c.txt", "seeds/002_e4538c2e8d428cc0.txt"]
    for r in records:
        assert set(r) >= {"file", "id", "language", "published", "sentences", "actors", "times", "figures", "quotes"}
        assert r["published"] == "2022-01-07" and r["published_basis"] == "command line"
        assert r["language"] == "de"
        body = (REPO / r["file"]).read_text(encoding="utf-8")
        spans = [(s["start"], s["end"]) for s in r["sentences"]]
        assert spans == sorted(spans) and all(0 <= a < b <= len(body) for a, b in spans)
    first = (REPO / records[0]["file"]).read_text(encoding="utf-8")
    s0 = records[0]["sentences"][0]
    assert first[s0["start"] : s0["end"]].startswith("Almaty/Moskau (Reuters) - In Kasachstan")


def test_analyse_front_matter_wins_and_offsets_skip_it(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\npublished: 2023-05-10\n---\nDer Rat tagte am Montag in der Stadthalle. Er beschloss den Plan.\n",
        encoding="utf-8",
    )
    result = dossier(tmp_path, "analyse", "a.md", "--published", "2020-01-01", "--language", "de")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["published"] == "2023-05-10" and record["published_basis"] == "front matter"
    assert record["sentences"][0] == {"start": 0, "end": 42}


def test_generate_creates_a_missing_docs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new project has mkdocs.yml and seeds/ but no docs folder yet: MkDocs alone would refuse the
    configuration, the generator creates the folder and fills it."""
    root = make_project(tmp_path, {"a.txt": "Titel\n\nAnna Berger sprach am Montag in Bern."})
    (root / "site_src").rmdir()
    monkeypatch.chdir(root)
    assert main(["generate", "-q", "--no-cache", "--jobs", "1"]) == 0
    assert (root / "site_src" / "index.md").is_file()


def test_check_reports_what_the_analysis_of_build_would_hit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` runs the same readers and extractors as `build`: an article the analysis fails on is named
    with the reason (it used to pass `check` and fail only in `build`), and no page is written."""
    from generator.analyse.analyser import Analyser

    root = make_project(tmp_path, CORPUS)
    real = Analyser.analyse

    def failing(self: Analyser, article: Any) -> Any:
        if article.file == "bericht.md":
            raise RuntimeError("an extractor failed")
        return real(self, article)

    monkeypatch.setattr(Analyser, "analyse", failing)
    monkeypatch.chdir(root)
    assert main(["check", "--jobs", "1", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "bericht.md" in err and "an extractor failed" in err
    assert "3 articles readable, 1 problem(s)" in err
    assert tree(root / "site_src") == {}
