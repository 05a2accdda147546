"""Command-line points of issue 31: build takes the input options, exit codes, -v before the command,
a progress bar that counts articles, help texts that say what is written."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from generator import cli
from generator.cli import main
from tests.conftest import make_project

GOOD = "Hamburg (epd) - Der Senat hat am Dienstag ein neues Programm für Radwege beschlossen. Es kostet Geld.\n"


def test_build_takes_seeds_corrections_and_no_cache(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    other = tmp_path / "andere"
    other.mkdir()
    (other / "b.txt").write_text(GOOD.replace("Radwege", "Brücken"), encoding="utf-8")
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text("actors:\n  - name: Senat\n    kind: organization\n", encoding="utf-8")
    args = ["build", "-q", "-f", str(root / "mkdocs.yml"), "--seeds", str(other), "--corrections", str(fixes)]
    assert main([*args, "--no-cache"]) in (0, 1)
    articles = sorted(p.name for p in (root / "site_src" / "articles").iterdir())
    assert "b.md" in articles and "a.md" not in articles
    assert not (root / ".dossier-cache").exists()


def test_build_with_a_broken_corrections_file_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    (root / "corrections.yaml").write_text("actors:\n  - name: Senat\n    kind: [\n", encoding="utf-8")
    assert main(["build", "-q", "-f", str(root / "mkdocs.yml")]) == 2
    assert "corrections.yaml:" in capsys.readouterr().err
    assert not (root / "site").exists()


def test_verbose_before_the_command_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setitem(cli.COMMANDS, "check", lambda args: seen.append(args) or 0)
    assert main(["-v", "check"]) == 0 and main(["-q", "check"]) == 0 and main(["check"]) == 0
    assert [(a.verbose, a.quiet) for a in seen] == [(True, False), (False, True), (False, False)]


def test_progress_bar_counts_articles_not_batches() -> None:
    bar = cli._Bar(quiet=False)
    for done in (16, 32, 48, 50):  # batches of 16 articles finish
        bar("analyse", done, 50)
    assert bar.bar.n == 50
    bar.close()


@pytest.mark.parametrize("command", ["check", "review"])
def test_docs_help_of_commands_that_write_nothing(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "nothing is written" in out and "to write pages into" not in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_docs_folder_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"a.txt": GOOD})
    (root / "site_src").chmod(0o500)
    try:
        assert main(["generate", "-q", "-f", str(root / "mkdocs.yml")]) == 2
    finally:
        (root / "site_src").chmod(0o700)
    assert "Permission denied" in capsys.readouterr().err


def test_an_os_error_while_writing_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "site_src" / "index.md"))

    monkeypatch.setitem(cli.COMMANDS, "generate", refuse)
    assert main(["generate", "-q"]) == 2
    assert capsys.readouterr().err.strip().endswith("Permission denied: " + str(tmp_path / "site_src" / "index.md"))


def test_the_progress_bar_leaves_no_thread_running() -> None:
    import threading

    bar = cli._Bar(quiet=False)
    bar("analyse", 16, 50)
    bar.close()
    assert threading.active_count() == 1  # a second thread would stop the render from forking
