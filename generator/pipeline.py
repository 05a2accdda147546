"""The pipeline, in two phases as in Pelican and MkDocs: gather everything, then write.

``gather``: read every seed → analyse each article → merge across articles (nothing written).
``generate``: gather, render to files in memory, then write them into the docs folder.
If anything fails before writing, ``site_src/`` is left exactly as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from generator.analyse import Analyser
from generator.config import Config
from generator.lang import load_language
from generator.merge import merge
from generator.model import Dossier, Issue, Severity
from generator.readers import Progress, Reader
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
    capabilities = frozenset().union(*(f.capabilities for f in facts)) if facts else frozenset()
    dossier = merge(config.title, config.language, result.articles, tuple(facts), result.issues, capabilities)
    log.info("gathered %d articles (%d issues)", len(dossier.articles), len(dossier.issues))
    return dossier


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
