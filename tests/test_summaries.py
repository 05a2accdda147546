"""Summaries (properties) and the cross-source view (aligned sentences, overview), on our own texts."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse.stems import STEM, stems
from generator.config import load_config
from generator.lang import load_language
from generator.merge.compare import align, compare
from generator.merge.dossier import merge
from generator.merge.verifier import load_verifier, verify
from generator.model import Dossier
from generator.pipeline import gather
from tests.conftest import CORPUS, REPO, gather_texts


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> list[Dossier]:
    out = []
    for source in (REPO / "seeds", CORPUS):
        root = tmp_path_factory.mktemp("summaries")
        shutil.copytree(source, root / "seeds")
        out.append(gather(load_config({"seeds": str(root / "seeds"), "docs": str(root / "out")}, root)))
    return out


def test_summary_properties(dossiers: list[Dossier]) -> None:
    checked = 0
    for dossier in dossiers:
        for article, facts in zip(dossier.articles, dossier.facts, strict=True):
            chosen = facts.summary
            body = [i for p in article.paragraphs if not p.heading for i in p.sentence_indices]
            assert list(chosen) == sorted(set(chosen))  # in the article's order, no repeats
            assert set(chosen) <= set(body)  # sentences of the article, never a heading
            usable = [i for i in body if len(article.sentences[i].text.split()) >= 5]
            assert len(chosen) <= 5 and len(chosen) >= min(3, len(usable))
            texts = [" ".join(article.sentences[i].text.casefold().split()) for i in chosen]
            assert len(set(texts)) == len(texts)
            checked += 1
    assert checked == 6


def test_summary_has_no_dateline_and_carries_a_key_figure(dossiers: list[Dossier]) -> None:
    seeds = dossiers[0]
    for article, facts in zip(seeds.articles, seeds.facts, strict=True):
        assert 3 <= len(facts.summary) <= 5
        figure_sentences = {
            i for f in facts.figures for i, s in enumerate(article.sentences) if s.start <= f.start < s.end
        }
        assert figure_sentences & set(facts.summary), article.id
    from generator.write.export import dossier_data

    for a in dossier_data(seeds)["articles"]:
        assert not any(s.startswith("Almaty/Moskau (Reuters)") for s in a["summary"])


def test_translated_sentences_are_aligned(tmp_path: Path) -> None:
    dossier = gather_texts(
        tmp_path,
        {
            "a.txt": (
                "Die Feuerwehr rettete am Montag 40 Menschen aus dem Hochwasser in Kleinau. "
                "Der Bürgermeister lobte die Helfer. Das Rathaus bleibt geschlossen."
            ),
            "b.txt": (
                "Das Rathaus von Kleinau ist weiter geschlossen. Am Montag holte die Feuerwehr 40 Menschen "
                "aus den Fluten in Kleinau. Es regnet weiter."
            ),
        },
    )
    pairs = {(p.a, p.b) for p in align(dossier)}
    assert (("a", 0), ("b", 1)) in pairs  # the rescue: same figure, same day, other words
    assert (("a", 2), ("b", 0)) in pairs  # the town hall
    assert all(p[0][0] != p[1][0] for p in pairs)  # never two sentences of one article


def test_sentence_stems_stored_by_the_analysis_are_those_the_merge_would_make(dossiers: list[Dossier]) -> None:
    """Merge and comparison match sentences by their content-word stems, which the analysis stores
    (cached) so that a rebuild does not make them again; without them, the same dossier results."""
    for dossier in dossiers:
        for article, facts in zip(dossier.articles, dossier.facts, strict=True):
            function_words = load_language(article.meta.language).function_words  # the article's own language
            assert facts.sentence_stems == tuple(stems(s.text, function_words, STEM) for s in article.sentences)
            assert any(facts.sentence_stems)
        bare = tuple(replace(f, sentence_stems=()) for f in dossier.facts)
        again = merge(dossier.title, dossier.language, dossier.articles, bare, (), dossier.capabilities)
        languages = {a.meta.language: load_language(a.meta.language) for a in dossier.articles}
        again = verify(again, languages | {"de": load_language("de")}, load_verifier("de"))  # as the pipeline does
        assert (again.figures, again.timeline, again.actors) == (dossier.figures, dossier.timeline, dossier.actors)
        assert compare(again) == compare(dossier)
        assert compare(dossier).aligned or len(dossier.articles) < 2
