"""The pipeline, in two phases as in Pelican and MkDocs: gather everything, then write.

``gather``: read every seed → analyse each article → merge across articles (nothing written).
``generate``: gather, render to files in memory, then write them into the docs folder.
If anything fails before writing, ``site_src/`` is left exactly as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from generator.analyse import Analyser
from generator.config import Config
from generator.dating import infer_dates
from generator.lang import LanguageData, load_language
from generator.merge import merge
from generator.model import Article, ArticleFacts, Dossier, Issue, Severity
from generator.readers import Progress, Reader, plain_title
from generator.render import Site, render
from generator.writers import WriteReport, write_site

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    dossier: Dossier
    site: Site
    write: WriteReport | None

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self.dossier.issues + (self.write.issues if self.write else ())

    @property
    def exit_code(self) -> int:
        """0: all well; 1: some files were skipped with errors (the site is still built from the rest)."""
        return 1 if any(i.severity is Severity.ERROR for i in self.issues) else 0


def gather(config: Config, progress: Progress | None = None) -> Dossier:
    reader = Reader(config)
    result = reader.read_all(progress=progress)
    analyser = Analyser()
    facts = []
    total = len(result.articles)
    for n, article in enumerate(result.articles, 1):
        facts.append(analyser.analyse(article))
        if progress:
            progress("analyse", n, total)
    articles, facts = date_articles(list(result.articles), facts, analyser, load_language(config.language))
    capabilities = frozenset().union(*(f.capabilities for f in facts)) if facts else frozenset()
    dossier = merge(config.title, config.language, tuple(articles), tuple(facts), result.issues, capabilities)
    log.info("gathered %d articles (%d issues)", len(dossier.articles), len(dossier.issues))
    return dossier


def _fact_keys(facts: ArticleFacts) -> set[tuple[str, ...]]:
    """What an article reports, to compare articles: its figures (the value; below 100, with the
    first word of the unit) and its actors (by the last word of their names)."""
    keys: set[tuple[str, ...]] = set()
    for f in facts.figures:
        if f.value is None or not f.unit:
            continue
        if f.value >= 100:  # specific enough on its own ("1200 Menschen" / "1.200 Einwohner")
            keys.add(("figure", repr(round(f.value, 6))))
        else:
            keys.add(("figure", repr(round(f.value, 6)), f.unit.split()[0].casefold()[:6]))
    for a in facts.actors:
        keys.add(("actor", a.name.split()[-1].casefold()))  # "Anna Berger" and "Berger" alike
    return keys


def date_articles(
    articles: list[Article], facts: list[ArticleFacts], analyser: Analyser, ui: LanguageData
) -> tuple[list[Article], list[ArticleFacts]]:
    """Infer the publication dates the articles do not give (generator.dating), then analyse those
    articles again so that their relative dates resolve."""
    known = {a.id: a.meta.published for a in articles if a.meta.published is not None}
    if len(known) == len(articles):
        return articles, facts
    ids = [a.id for a in articles]
    keys = {a.id: _fact_keys(f) for a, f in zip(articles, facts, strict=True)}
    inferred = infer_dates(
        ids,
        own_url={a.id: a.meta.url for a in articles},
        text={a.id: a.body for a in articles},
        weekdays={a.id: analyser.time_tagger(a.meta.language).weekdays_named(a) for a in articles},
        known=known,
        overlap=lambda x, y: len(keys[x] & keys[y]),
        labels={a.id: plain_title(a.title, 60) for a in articles},
        words={k: ui.label(f"evidence_{k}") for k in ("url", "link_and_weekdays", "same_facts")},
    )
    out_articles, out_facts = [], []
    for a, f in zip(articles, facts, strict=True):
        if a.id in inferred:
            d = inferred[a.id]
            meta = replace(a.meta, published=d.date, published_basis="inferred", published_evidence=d.basis)
            a = replace(a, meta=meta)
            f = analyser.analyse(a)
            log.info("%s: publication date %s inferred (%s)", a.file, d.date, d.basis)
        out_articles.append(a)
        out_facts.append(f)
    return out_articles, out_facts


def generate(config: Config, progress: Progress | None = None, write: bool = True) -> BuildReport:
    dossier = gather(config, progress)
    site = render(dossier, load_language(config.language))
    report = write_site(config.docs_dir, site.files) if write else None
    if report:
        log.info(
            "%s: %d files written, %d unchanged, %d removed",
            config.docs_dir,
            len(report.written),
            len(report.unchanged),
            len(report.removed),
        )
    return BuildReport(dossier=dossier, site=site, write=report)
