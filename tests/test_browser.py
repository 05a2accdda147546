"""The published site in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright,
against the seed site and a fixture site with a hostile article, each served from a local port.

Skipped, with the reason, where Playwright or a Chromium is missing (`.ci/run` installs both).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from tests.conftest import make_project, mkdocs_build

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")

CHROMIUM = os.environ.get("DOSSIER_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")

# Chromium's own traffic to Google's services is switched off: every request left is the page's
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOSTILE = """<script>alert(1)</script> Titel mit <b>Markup</b> & Entität

Die Stadt Kleinau meldete am Montag <img src=x onerror=alert(2)> einen Vorfall mit 12 Verletzten.
Ein [Link](javascript:alert(3)) und <a href="http://evil.example/" onclick="alert(4)">ein Anker</a> folgen.
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_url(seed_site: Path) -> Iterator[str]:
    server, url = _serve(seed_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_project(tmp_path_factory.mktemp("browser-hostile"), {"hostile.txt": HOSTILE})
    result = mkdocs_build(root, strict=False)
    assert result.returncode == 0, result.stderr
    server, url = _serve(root / "site")
    yield url
    server.shutdown()


class Visit:
    """A page loaded with everything it did recorded: requests, console errors, page errors, dialogs."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url, wait_until="networkidle")

    def close(self) -> None:
        self.page.close()


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def test_no_page_fetches_from_the_web_or_raises_an_error(browser: Any, seed_url: str, seed_site: Path) -> None:
    host = urlparse(seed_url).netloc
    pages = _pages(seed_site / "site")
    assert len(pages) > 10
    for rel in pages:
        visit = Visit(browser, seed_url + rel)
        outside = [u for u in visit.requests if urlparse(u).netloc not in (host, "") and not u.startswith("data:")]
        assert outside == [], (rel, outside)
        assert visit.errors == [], (rel, visit.errors)
        visit.close()


def test_german_search_finds_an_actor_and_a_body_word(browser: Any, seed_url: str) -> None:
    for query, expected in (("Tokajew", "actors/"), ("Schießbefehl", "articles/")):
        visit = Visit(browser, seed_url + "index.html")
        page = visit.page
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query, delay=30)  # key by key, as a reader types: the search listens to keys
        first = page.locator(".md-search-result__item > a").first
        first.wait_for(timeout=10_000)
        href = first.get_attribute("href") or ""
        assert expected in href, (query, href)
        first.click()
        page.wait_for_load_state()
        assert expected in page.url
        text = page.locator("article").inner_text()
        assert query.casefold() in text.casefold() or query[:5].casefold() in text.casefold()
        assert visit.errors == []
        visit.close()


def test_a_number_column_sorts_when_its_header_is_clicked(browser: Any, seed_url: str) -> None:
    visit = Visit(browser, seed_url + "figures.html")
    page = visit.page
    table = page.locator("table").last
    header = table.locator("th", has_text="Wert")
    header.click()

    def keys() -> list[float]:
        cells = table.locator("tbody tr td:nth-child(2)")
        return [float(c.get_attribute("data-sort") or "nan") for c in cells.all() if c.get_attribute("data-sort")]

    ascending = keys()
    assert len(ascending) > 3 and ascending == sorted(ascending)
    header.click()
    descending = keys()
    assert descending == sorted(descending, reverse=True) and descending != ascending
    visit.close()


def test_a_sentence_link_scrolls_to_and_highlights_its_sentence(browser: Any, seed_url: str, seed_site: Path) -> None:
    article = next(p for p in _pages(seed_site / "site") if p.startswith("articles/") and "index" not in p)
    visit = Visit(browser, seed_url + article + "#s12")
    page = visit.page
    target = page.locator("#s12")
    assert target.count() == 1
    box = target.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None and 0 <= box["y"] < viewport["height"]
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = page.locator("#s11").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background != plain  # the :target highlight
    visit.close()


def test_every_evidence_link_points_at_a_sentence_that_exists(browser: Any, seed_url: str) -> None:
    ids: dict[str, set[str]] = {}
    for rel in ("figures.html", "timeline.html", "quotes.html"):
        visit = Visit(browser, seed_url + rel)
        hrefs = visit.page.eval_on_selector_all("article a[href*='#s']", "as => as.map(a => a.href)")
        visit.close()
        assert hrefs, rel
        for href in hrefs:
            page, anchor = urldefrag(href)
            if not re.fullmatch(r"s\d+", anchor):
                continue
            if page not in ids:
                target = Visit(browser, page)
                ids[page] = set(target.page.eval_on_selector_all("[id]", "es => es.map(e => e.id)"))
                target.close()
            assert anchor in ids[page], (rel, href)


def test_a_hostile_article_runs_no_script(browser: Any, hostile_url: str) -> None:
    for rel in ("index.html", "articles/hostile.html", "figures.html", "actors/index.html"):
        visit = Visit(browser, urljoin(hostile_url, rel))
        assert visit.dialogs == [], (rel, visit.dialogs)
        assert visit.errors == [], (rel, visit.errors)
        assert visit.page.locator("article script").count() == 0
        assert (
            "<script>alert(1)</script>" in visit.page.locator("article").inner_text() or rel != "articles/hostile.html"
        )
        visit.close()


# the pages with the widest tables: the figures table has seven columns
WIDE_PAGES = ("index.html", "figures.html", "actors/index.html", "articles/index.html", "compare.html")


@pytest.mark.parametrize("width", [1300, 390])
def test_no_table_is_wider_than_its_column(browser: Any, seed_url: str, width: int) -> None:
    """Every column of every table is in view without a horizontal scroll: at 1300 px the cells wrap,
    at 390 px (a phone) each row is a stack of its cells, each under its column's name."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for rel in WIDE_PAGES:
            page.goto(seed_url + rel, wait_until="networkidle")
            widths = page.evaluate(
                """() => {
                  const column = document.querySelector('article.md-content__inner').getBoundingClientRect();
                  return [...document.querySelectorAll('article table')].map(t => {
                    const r = t.getBoundingClientRect();
                    return [Math.round(r.left - column.left), Math.round(column.right - r.right), t.scrollWidth - t.clientWidth];
                  });
                }"""
            )
            assert widths, rel
            for left, right, scroll in widths:
                assert left >= -1 and right >= -1 and scroll <= 1, (rel, width, left, right, scroll)
            if width == 390 and rel == "figures.html":  # stacked: the column's name stands beside its value
                label = page.evaluate(
                    "() => getComputedStyle(document.querySelector('article table td[data-label]'), '::before').content"
                )
                assert label.strip('"') != "" and label != "none"
                assert page.locator("article table thead").first.bounding_box()["height"] <= 1  # type: ignore[index]
    finally:
        page.close()


def test_search_works_from_disk(browser: Any, seed_site: Path) -> None:
    """The site opened as files (file://): the search index comes as a script, the search worker runs
    in an iframe (the vendored shim), nothing is fetched from the web, and snippets keep cells apart."""
    visit = Visit(browser, (seed_site / "site" / "index.html").as_uri())
    page = visit.page
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Tokajew", delay=30)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=10_000)
    snippets = " ".join(page.locator(".md-search-result__item").all_inner_texts())
    assert "Tokajew" in snippets
    assert "ArtPerson" not in snippets and "Art Person" in snippets  # an actor page's facts, spaced
    assert [u for u in visit.requests if not u.startswith(("file:", "data:"))] == []
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file:") and "Tokajew" in page.locator("article").inner_text()
    visit.close()


CHART_PAGES = ("figures.html", "timeline.html", "actors/index.html")


@pytest.mark.parametrize("width", [1300, 390])
def test_every_chart_mark_links_to_an_existing_sentence_and_labels_are_readable(
    browser: Any, seed_url: str, seed_site: Path, width: int
) -> None:
    """The charts are part of the page: every mark (bar, event, node) is a link to a sentence that
    exists (or to an actor's page), every label shown is at least 12 px at the size shown, and no
    two labels of the network overlap or leave the drawing."""
    site = seed_site / "site"
    page = browser.new_page(viewport={"width": width, "height": 900})
    marks = 0
    try:
        for rel in CHART_PAGES:
            page.goto(seed_url + rel, wait_until="networkidle")
            found = page.evaluate(
                """() => [...document.querySelectorAll('.dossier-chart a, .dossier-network a')]
                    .filter(a => a.getClientRects().length).map(a => a.getAttribute('href'))"""
            )
            assert found, (rel, width)
            for link in found:
                target, anchor = urldefrag(urljoin(rel, link))
                html = (site / target).read_text(encoding="utf-8")
                if target.startswith("articles/"):
                    assert re.match(r"s\d+$", anchor) and f'id="{anchor}"' in html, (rel, link)
                else:
                    assert target.startswith("actors/") and anchor == "", (rel, link)
            marks += len(found)
            sizes = page.evaluate(
                """() => {
                  const out = [];
                  document.querySelectorAll('.dossier-chart *').forEach(el => {
                    if (el.getClientRects().length && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                      out.push(parseFloat(getComputedStyle(el).fontSize));
                  });
                  document.querySelectorAll('.dossier-network svg').forEach(svg => {
                    if (!svg.getClientRects().length) return;
                    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    svg.querySelectorAll('text').forEach(t => out.push(parseFloat(t.getAttribute('font-size')) * scale));
                  });
                  return out;
                }"""
            )
            assert sizes and min(sizes) >= 11.9, (rel, width, min(sizes))
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.dossier-network svg')].filter(s => s.getClientRects().length)
                .map(svg => { const r = svg.getBoundingClientRect();
                  return [[r.left, r.right, r.top, r.bottom],
                          [...svg.querySelectorAll('text')].map(t => { const b = t.getBoundingClientRect();
                             return [b.left, b.right, b.top, b.bottom]; })]; })"""
        )
        assert len(boxes) == 1  # one drawing for the screen's size
        ((frame, labels),) = boxes
        for i, a in enumerate(labels):
            assert frame[0] <= a[0] and a[1] <= frame[1] and frame[2] <= a[2] and a[3] <= frame[3], a
            for b in labels[i + 1 :]:
                assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)
    finally:
        page.close()
    assert marks >= 3
