"""The MkDocs plugin: `mkdocs build` alone regenerates site_src/ from seeds/, and `mkdocs serve` watches seeds/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from tests.conftest import CORPUS, make_project, mkdocs_build


def test_mkdocs_build_regenerates_from_seeds(tmp_path: Path) -> None:
    root = make_project(tmp_path, CORPUS)
    assert mkdocs_build(root).returncode == 0
    assert (root / "site" / "articles" / "bericht.html").is_file()
    # a new article in seeds/ appears on the next `mkdocs build`, a removed one disappears
    (root / "seeds" / "neu.txt").write_text(
        "Bonn (epd) - Die Stadt öffnet am Freitag eine weitere Notunterkunft für Betroffene.", encoding="utf-8"
    )
    (root / "seeds" / "bericht.md").unlink()
    assert mkdocs_build(root).returncode == 0
    assert (root / "site_src" / "articles" / "neu.md").is_file()
    assert not (root / "site_src" / "articles" / "bericht.md").exists()
    html = (root / "site" / "articles" / "neu.html").read_text(encoding="utf-8")
    assert "Die Stadt öffnet am Freitag eine weitere Notunterkunft" in html
    assert "epd" in html
    from tests.test_site import parse

    texts = {t.strip() for t in parse(root / "site" / "index.html").text}
    for label in ("Übersicht", "Artikel", "Zahlen", "Akteure", "Zeitleiste", "Zitate", "Quellenvergleich", "Daten"):
        assert label in texts, label  # a nav entry of its own, not a word inside a sentence


def test_plugin_config_and_serve_watch(tmp_path: Path) -> None:
    root = make_project(tmp_path, CORPUS)
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["dossier"]
    assert plugin.core is not None and plugin.core.seeds_dir == root / "seeds"
    assert config.use_directory_urls is False
    assert "assets/dossier/dossier.css" in config.extra_css

    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=config, builder=None)
    assert watched == [str(root / "seeds")]


def test_bad_plugin_option_is_a_configuration_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, CORPUS)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8") + ""
    (root / "mkdocs.yml").write_text(yml.replace("seeds: seeds", "seeds: seeds\n      published: gestern"))
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "published: 'gestern' is not a date" in result.stderr
