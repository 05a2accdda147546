"""The built site: strict build, offline, every link resolves, untrusted text stays text, valid export."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO, make_project, mkdocs_build

SHARED_SCHEMA = REPO.parent / "shared" / "dossier.schema.json"


class Page(HTMLParser):
    """Every element with its attributes, every id, and the visible text of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


def test_seed_site_builds_strict_with_every_page(seed_site: Path) -> None:
    site = seed_site / "site"
    for page in ("index.html", "articles/index.html", "figures.html", "actors/index.html", "timeline.html",
                 "quotes.html", "data.html", "dossier.json"):  # fmt: skip
        assert (site / page).is_file(), page
    articles = sorted(p.name for p in (site / "articles").glob("*.html"))
    assert articles == ["000-87b400ab487f448c.html", "002-e4538c2e8d428cc0.html", "index.html"]


def test_site_is_german_and_every_sentence_is_addressable(seed_site: Path) -> None:
    site = seed_site / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    for article in data["articles"]:
        page = parse(site / article["page"].replace(".md", ".html"))
        body = (REPO / "seeds" / article["file"]).read_text(encoding="utf-8")
        sentence_ids = {i for i in page.ids if i.startswith("s") and i[1:].isdigit()}
        assert len(sentence_ids) >= 30
        assert sentence_ids == {f"s{n}" for n in range(len(sentence_ids))}
        # the article's own headings are headings on its page
        headings = [line for line in body.splitlines() if line.strip() and line.upper() == line and len(line) < 80]
        heading_ids = {a.get("id") for tag, a in page.elements if tag in ("h2", "h3")}
        assert headings and len([i for i in heading_ids if i in sentence_ids]) == len(headings)


def test_pages_fetch_nothing_from_the_web(seed_site: Path) -> None:
    site = seed_site / "site"
    for name, page in pages(site).items():
        for tag, attrs in page.elements:
            for attr in ("src", "href", "srcset", "data"):
                value = attrs.get(attr) or ""
                fetched = tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "object") or (
                    tag == "link" and attrs.get("rel") not in ("canonical", "alternate")
                )
                if fetched:
                    assert not value.startswith(("http:", "https:", "//")), f"{name}: <{tag} {attr}={value}>"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_every_internal_link_and_anchor_resolves(seed_site: Path) -> None:
    site = seed_site / "site"
    parsed = pages(site)
    checked = 0
    for name, page in parsed.items():
        if name == "404.html":  # served at any path, so MkDocs links it from the root
            continue
        for tag, attrs in page.elements:
            href = attrs.get("href") if tag == "a" else None
            if not href or href.startswith(("http:", "https:", "mailto:", "javascript:")):
                continue
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if target.endswith("/") or target == ".":
                target = posixpath.join(target, "index.html").lstrip("./")
            assert (site / target).exists(), f"{name}: broken link {href}"
            if anchor and target.endswith(".html"):
                assert anchor in parsed[target].ids, f"{name}: {href}: no #{anchor} on {target}"
            checked += 1
    assert checked > 50


def test_dossier_json_is_valid_and_published(seed_site: Path) -> None:
    schema = json.loads((resources.files("generator") / "dossier.schema.json").read_text(encoding="utf-8"))
    data = json.loads((seed_site / "site" / "dossier.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert [a["file"] for a in data["articles"]] == ["000_87b400ab487f448c.txt", "002_e4538c2e8d428cc0.txt"]
    for a in data["articles"]:
        assert 1 <= len(a["summary"]) <= 5
        assert not a["summary"][0].startswith("Almaty/Moskau (Reuters)")  # never the dateline
    assert (seed_site / "site" / "data.html").read_text(encoding="utf-8").count('href="dossier.json"') == 1


def test_every_generated_file_is_ignored_by_git(seed_site: Path) -> None:
    """Generated pages never land in the repository: a committed one is not in a fresh clone's manifest,
    so the clone's first build refuses to overwrite it ("not written by the generator")."""
    manifest = json.loads((seed_site / "site_src" / ".dossier-manifest.json").read_text(encoding="utf-8"))
    ignored = [
        line.removeprefix("/site_src/")
        for line in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line.startswith("/site_src/")
    ]
    for rel in [".dossier-manifest.json", *manifest["files"]]:
        assert any(rel == entry or (entry.endswith("/") and rel.startswith(entry)) for entry in ignored), rel
    if (REPO / ".git").exists() and shutil.which("git"):
        tracked = subprocess.run(
            ["git", "ls-files", "site_src"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        assert not {f"site_src/{rel}" for rel in manifest["files"]} & set(tracked)


def _schema_additions(shared: object, packaged: object, path: str = "") -> list[str]:
    """What the packaged schema adds to the shared one; a changed or dropped constraint fails."""
    if isinstance(shared, dict) and isinstance(packaged, dict):
        added = []
        for key, value in shared.items():
            assert key in packaged, f"{path}/{key} dropped"
            added += _schema_additions(value, packaged[key], f"{path}/{key}")
        for key in packaged.keys() - shared.keys():
            assert path.endswith(("/properties", "$defs")), f"{path}/{key}: a new constraint, not a new field"
            added.append(f"{path}/{key}")
        return added
    assert shared == packaged, f"{path} changed"
    return []


@pytest.mark.skipif(not SHARED_SCHEMA.is_file(), reason="shared/ is not beside the checkout")
def test_packaged_schema_only_adds_to_the_shared_one(seed_site: Path) -> None:
    """Schema version 1 stays valid: the packaged schema keeps every constraint of the shared one and
    only adds optional fields and definitions, and an export still validates against the shared schema."""
    shared = json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    packaged = json.loads((resources.files("generator") / "dossier.schema.json").read_text(encoding="utf-8"))
    for field in _schema_additions(shared, packaged):  # an added field is never required by version 1
        assert field.rsplit("/", 1)[1] not in str(shared.get("required", [])), field
    data = json.loads((seed_site / "site" / "dossier.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, shared, cls=jsonschema.Draft202012Validator)


HOSTILE = """<script>alert(1)</script> Titel mit <b>Markup</b> & Entität

Die Stadt meldete am Montag <img src=x onerror=alert(2)> einen Vorfall. Ein [Link](http://evil.example/) und ein Bild ![Bild](http://evil.example/x.png) folgen.

Vorlagen {{ 7*7 }} und {% raw %} bleiben Text, ebenso <a href="http://evil.example/" onclick="alert(3)">ein Anker</a>.
---
# Keine Überschrift
| Spalte | Spalte |
|---|---|
| Zelle | Zelle |
*kursiv* und **fett** und `code` und <!-- Kommentar --> und &lt;script&gt; sowie &amp; bleiben, wie sie sind.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("hostile"), {"hostile.txt": HOSTILE, "also.md": "# Titel <i>x</i>\n\n" + HOSTILE}
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_untrusted_article_text_never_becomes_markup(hostile_site: Path) -> None:
    for name, page in pages(hostile_site).items():
        for tag, attrs in page.elements:
            assert not any(a.startswith("on") for a in attrs), f"{name}: event handler on <{tag}>"
            # article text may stand escaped in a title attribute of ours; it never becomes a link or a source
            for attr in ("href", "src", "srcset", "action", "data", "style"):
                assert "evil.example" not in str(attrs.get(attr) or ""), f"{name}: <{tag} {attrs}>"
            assert not (tag == "img" and attrs.get("src") == "x"), name
            assert tag not in ("b", "i") or name.startswith("search"), f"{name}: <{tag}> from the article"
        html = (hostile_site / name).read_text(encoding="utf-8")
        assert "alert(1)</script>" not in html and "<!-- Kommentar -->" not in html
        assert "49" not in "".join(page.text).split("Vorlagen")[-1][:20]  # no template was evaluated


def test_untrusted_article_text_is_shown_as_written(hostile_site: Path) -> None:
    for name in ("articles/hostile.html", "articles/also.html"):
        page = parse(hostile_site / name)
        text = "".join(page.text)
        heading = "Keine Überschrift" if name.endswith("also.html") else "# Keine Überschrift"  # .md: a heading
        for written in ("<img src=x onerror=alert(2)>", "[Link](http://evil.example/)", "{{ 7*7 }}", "{% raw %}",
                        heading, "| Zelle | Zelle |", "*kursiv* und **fett** und `code`",
                        "<!-- Kommentar -->", "&lt;script&gt; sowie &amp;"):  # fmt: skip
            assert written in text, f"{name}: {written!r} not shown as written"
        content = [t for t, _ in page.elements]
        assert "table" in content  # our own metadata table …
        assert content.count("hr") == 0  # … but no rule from the article's '---'


def test_titles_from_articles_have_nothing_left_to_decode(hostile_site: Path) -> None:
    html = (hostile_site / "articles" / "hostile.html").read_text(encoding="utf-8")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "&lt;" not in title and "&amp;" not in title
    assert title.startswith("‹script›alert(1)‹/script› Titel mit ‹b›Markup‹/b› + Entität")
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["title"] and "<img" not in doc["text"], doc["location"]


def test_every_counted_label_has_its_singular_in_both_languages() -> None:
    """ "1 Zahlen" was on the home page: every "n_*" count and note has a "_one" form, in each language."""
    from generator.lang import load_language

    for code, one_figure in (("de", "1 Zahl"), ("en", "1 figure")):
        lang = load_language(code)
        counted = [k for k in lang.ui if k.startswith("n_") and not k.endswith("_one") and k != "n_sources"]
        assert {"n_articles", "n_actors", "n_figures", "n_quotes", "n_events"} <= set(counted)
        assert all(f"{k}_one" in lang.ui for k in [*counted, "withheld_note", "home_articles"])
        assert lang.label("n_figures_one", n=1) == one_figure


def test_seed_build_prints_no_list_of_pages_outside_the_nav(seed_site: Path) -> None:
    result = mkdocs_build(seed_site)
    assert result.returncode == 0
    assert "not included in the" not in result.stderr
    assert (seed_site / "site" / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")


def test_each_bar_of_the_comparison_chart_shows_its_own_sources_wording(seed_site: Path) -> None:
    """A merged figure's text is its first source's; each bar shows how its own source writes it,
    found in the sentence the bar links to (the seed's Artikel 2 writes "18 Angehörige der Polizei
    und der Nationalgarde" where Reuters writes "18 Polizisten und Nationalgardisten")."""
    import html
    import re

    page = (seed_site / "site_src" / "figures.md").read_text(encoding="utf-8")
    bars = re.findall(
        r'<a class="dossier-bar[^"]*" href="([^"]+)" title="([^"]*)">.*?'
        r'<span class="dossier-bar-text">(.*?) <small>· (.*?)</small>',
        page,
    )
    assert len(bars) >= 4
    for link, sentence, wording, _source in bars:
        assert link.startswith("articles/") and "#s" in link
        assert html.unescape(wording) in html.unescape(sentence), (wording, sentence)
    assert len({html.unescape(w) for _, _, w, _ in bars}) > len(bars) // 2  # the sources' own words, not one


def test_network_labels_never_overlap_whatever_the_names() -> None:
    """The network's label boxes (as the layout estimates them) are pushed apart for any names and any
    number of actors, not only for the seed dossier's (invented names of several lengths)."""
    import math

    from generator.model import Actor, MentionRef
    from generator.render.network import CHAR_WIDTH, Size, _labels

    kinds = ("person", "organization", "place")
    from generator.render.actors import NETWORK_SIZES

    # as many actors as each drawing shows, and more: at 30 (wide) or 18 (narrow) neighbours' labels meet
    for n, size in [(5, Size()), *((count, sz) for _, top, sz in NETWORK_SIZES for count in (top, top + 6, 2 * top))]:
        actors = [
            Actor(
                id=f"a{i}",
                name=f"Verband{i} der Langnamigen Organisationen" if i % 2 else f"Vorname Nachname{i}",
                kind=kinds[i % 3],
                aliases=(),
                roles=(),
                mentions=tuple(MentionRef("x", j, "Satz.") for j in range(1 + i % 4)),
            )
            for i in range(n)
        ]
        pos = {}
        for i, a in enumerate(actors):
            angle = 2 * math.pi * i / n - math.pi / 2
            pos[a.id] = (
                size.width / 2 + size.radius * math.cos(angle),
                size.height / 2 + size.radius * math.sin(angle),
                angle,
            )
        labels = _labels(actors, pos, 4, size)
        boxes = []
        for lx, ly, anchor, shown in labels.values():
            w = CHAR_WIDTH * size.font * len(shown)
            left = lx if anchor == "start" else lx - w if anchor == "end" else lx - w / 2
            boxes.append((left, left + w, ly - size.font, ly + 3))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]), (n, a, b)
