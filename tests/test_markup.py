"""The safe-output helpers: fast paths must give what the slow, obviously right versions give."""

from __future__ import annotations

import html
import itertools
import posixpath

import pytest
import yaml

from generator.render.markup import esc, fact_table, front_matter, highlight, relative, table
from generator.shorten import cut_at_word

TITLES = [
    "Plain title",
    'Quoted "words" and a \\ backslash',
    "a: b # not a comment",
    "- not a list",
    "{not: a mapping}",
    "null",
    "123",
    "yes",
    "'",
    "Umlaute ü ß, „Anführung“ — 5 €",
    "emoji 😀 beyond the BMP",
    "tab\tinside",
    "line\u2028separator",
    "\ufeffbyte-order mark",
    "delete\x7f",
    "\xa0no-break space",
]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_reads_back_as_the_same_title(title: str) -> None:
    text = front_matter(title)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    assert yaml.safe_load(text[4:-5]) == {"title": title}


def test_relative_links_equal_posixpath_relpath() -> None:
    pages = ["index.md", "figures.md", "articles/a.md", "actors/b.md", "articles/sub/c.md", "x/y/z/d.md"]
    targets = ["index.html", "articles/a.html", "actors/b.html", "articles/sub/c.html", "x/y/e.svg", "dossier.json"]
    for page, target in itertools.product(pages, targets):
        folder = posixpath.dirname(page)
        assert relative(page, target) == (posixpath.relpath(target, folder) if folder else target), (page, target)


@pytest.mark.parametrize("text", ["plain", "a < b", "x & y", '"q"', "it's", "<script>alert(1)</script>", ""])
def test_esc_equals_html_escape(text: str) -> None:
    assert esc(text) == html.escape(text, quote=True)


def test_highlight_marks_names_their_last_word_and_genitive_only_as_whole_words() -> None:
    text = "Anna Bergers Rede: Berger sagte, die Bergerin <kam>."
    assert highlight(text, ["Anna Berger"]) == (
        "<strong>Anna Bergers</strong> Rede: <strong>Berger</strong> sagte, die Bergerin &lt;kam&gt;."
    )
    assert highlight("Annaberg", ["Anna"]) == "Annaberg"


def test_cut_at_word() -> None:
    assert cut_at_word("Kurz genug", 10) == "Kurz genug"
    assert cut_at_word("Die Lage bleibt, sagte sie, angespannt", 17) == "Die Lage bleibt …"  # no comma before "…"
    assert cut_at_word("Donaudampfschifffahrtsgesellschaft", 10) == "Donaudampf …"  # one long word: cut inside


def test_table_cells_carry_their_column_name_and_stand_apart() -> None:
    """Each cell names its column (shown beside it on a phone), escaped; cells are spaced and the
    header row is left out of the search index, so that snippets read "Ort 14", not "ArtOrt14"."""
    out = table(["Name", 'Art "x" & <y>'], [["Kleinau", "Ort"]])
    assert '<td data-label="Name">Kleinau</td> <td data-label="Art &quot;x&quot; &amp; &lt;y&gt;">Ort</td>' in out
    assert "<thead data-search-exclude>" in out
    assert out.startswith('<div class="dossier-table">') and out.rstrip().endswith("</div>")
    facts = fact_table([("Art", "Person"), ("Rollen <b>", "Bürgermeisterin")])
    assert "<th>Art</th> <td>Person</td>" in facts and "<th>Rollen &lt;b&gt;</th>" in facts
