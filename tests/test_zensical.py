"""Zensical builds the generated site as MkDocs does: the same navigation (order and German titles),
the same assets, sortable tables. Skipped where Zensical is not installed (pip install -e '.[zensical]')."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, dossier, make_project, mkdocs_build

ZENSICAL = shutil.which("zensical")
pytestmark = pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed (pip install -e '.[zensical]')")

CORPUS = REPO / "tests" / "fixtures" / "corpus"
_NAV_LINK = re.compile(r'<a href="(?:\./)?([^"#]+)" class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<')


def _nav(site: Path) -> list[tuple[str, str]]:
    """The primary navigation of the home page: (page, title) in order, each page once."""
    html = (site / "index.html").read_text(encoding="utf-8")
    primary = html[html.index("md-nav--primary") :]
    return list(dict.fromkeys((href, " ".join(title.split())) for href, title in _NAV_LINK.findall(primary)))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    # publish: all, so the figures table is there to sort whatever the verifier withholds
    with_mkdocs = make_project(tmp_path_factory.mktemp("mkdocs"), CORPUS, publish="all")
    result = mkdocs_build(with_mkdocs)
    assert result.returncode == 0, result.stderr
    with_zensical = make_project(tmp_path_factory.mktemp("zensical"), CORPUS, publish="all")
    result = dossier(with_zensical, "build", "--engine", "zensical", "-q")
    assert result.returncode == 0, result.stderr
    return with_mkdocs / "site", with_zensical / "site"


def test_same_navigation_order_and_titles(both: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = both
    nav = _nav(zensical_site)
    titles = [title for _, title in nav]
    assert titles[:2] == ["Übersicht", "Alle Artikel"] and titles[-6:] == [
        "Zahlen",
        "Akteure",
        "Zeitleiste",
        "Zitate",
        "Quellenvergleich",
        "Daten",
    ]  # the generator's order and German titles, not alphabetical folder names
    assert nav == _nav(mkdocs_site)


def test_same_assets_and_sortable_tables(both: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = both
    for name in ("dossier.css", "dossier.js", "tablesort.min.js", "tablesort.number.min.js"):
        assert (zensical_site / "assets" / "dossier" / name).read_bytes() == (
            mkdocs_site / "assets" / "dossier" / name
        ).read_bytes()
    figures = (zensical_site / "figures.html").read_text(encoding="utf-8")
    assert "tablesort.min.js" in figures and "dossier.css" in figures and 'data-sort="' in figures
    pages = {p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*.html")}
    assert {p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*.html")} <= pages | {"404.html"}


def test_tables_sort_in_a_browser(both: tuple[Path, Path]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from tests.test_browser import CHROMIUM, FLAGS, _serve

    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine")
    server, url = _serve(both[1])
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "figures.html", wait_until="networkidle")
            table = page.locator("table").last
            table.locator("th", has_text="Wert").click()
            cells = table.locator("tbody tr td:nth-child(2)").all()
            keys = [float(c.get_attribute("data-sort") or "nan") for c in cells if c.get_attribute("data-sort")]
            assert len(keys) >= 2 and keys == sorted(keys)
            assert errors == []
            browser.close()
    finally:
        server.shutdown()
