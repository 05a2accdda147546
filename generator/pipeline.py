"""The pipeline, in two phases as in Pelican and MkDocs: gather everything, then write.

``gather``: read every seed → analyse each article → merge across articles (nothing written).
``generate``: gather, render to files in memory, then write them into the docs folder.
If anything fails before writing, ``site_src/`` is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from generator.analyse.analyser import Analyser
from generator.cache import AnalysisCache, ToolStore
from generator.config import Config, ConfigError
from generator.lang import LanguageData, load_language
from generator.merge.corrections import apply_corrections
from generator.merge.dossier import merge
from generator.merge.verifier import load_verifier, verify
from generator.model import Article, ArticleFacts, Dossier, Issue, Severity
from generator.read.corrections import load_corrections
from generator.read.decoding import ReadError
from generator.read.files import article_ids, display_path, duplicate_key, find_seed_files, find_seed_links
from generator.read.layout import dateline_day, plain_title
from generator.read.published import infer_dates
from generator.read.reader import Progress, Reader, link_issue
from generator.render.site import Site, render
from generator.write.export import dossier_json
from generator.write.files import WriteReport, write_site

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


CHUNK = 16  # articles a worker reads and analyses per task

# A build makes millions of small objects that live until it ends (models, tokens, facts, pages) and
# few reference cycles. With the default thresholds the cyclic garbage collector scans them again
# and again (about a tenth of an analysis' time); with these it collects young garbage only now and then.
GC_THRESHOLDS = (20_000, 20, 20)


@contextlib.contextmanager
def seldom_collected() -> Iterator[None]:
    """The cyclic garbage collector runs seldom (``GC_THRESHOLDS``) inside; as before afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass(frozen=True)
class _Result:
    rel: str
    article: Article | None
    facts: ArticleFacts | None
    issues: tuple[Issue, ...]


@dataclass
class _Worker:
    """What one process needs to read and analyse articles; built once per process."""

    reader: Reader
    analyser: Analyser
    cache: AnalysisCache | None

    def run(self, tasks: list[tuple[str, str, str]]) -> list[_Result]:
        return [self.one(Path(path), rel, article_id) for path, rel, article_id in tasks]

    def key(self, path: Path) -> str | None:
        """The key of the file's cache entry (whether there is one, and sound, shows on loading)."""
        if self.cache is None:
            return None
        try:
            return self.cache.key(self.reader.raw(path))
        except ReadError:
            return None  # one() reports it

    def load(self, key: str, rel: str, article_id: str) -> _Result | None:
        """The article from its cache entry, or None when the entry is damaged (then it is analysed anew)."""
        hit = self.cache.get(key) if self.cache else None
        if hit is None:
            return None
        article, facts, warnings = hit
        article = replace(article, id=article_id, file=rel)
        facts = replace(facts, article_id=article_id)
        return _Result(rel, article, facts, tuple(Issue(rel, Severity.WARNING, w) for w in warnings))

    def one(self, path: Path, rel: str, article_id: str) -> _Result:
        warnings: list[str] = []
        try:
            raw = self.reader.raw(path)
            article = self.reader.read_bytes(raw, rel, article_id, path.suffix.lower() == ".md", warnings)
            facts = self.analyser.analyse(article)
            if self.cache:
                self.cache.put(self.cache.key(raw), article, facts, tuple(warnings))
        except ReadError as exc:
            issues = [Issue(rel, Severity.WARNING, w) for w in warnings]
            return _Result(rel, None, None, (*issues, Issue(rel, Severity.ERROR, f"skipped: {exc}")))
        except Exception as exc:  # one bad file must never stop the others
            log.debug("unexpected error reading %s", rel, exc_info=True)
            return _Result(rel, None, None, (Issue(rel, Severity.ERROR, f"skipped: unexpected error: {exc!r}"),))
        return _Result(rel, article, facts, tuple(Issue(rel, Severity.WARNING, w) for w in warnings))


# A worker process's own tools, set once by the pool's initializer (process-local, never shared).
_WORKER: _Worker | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    gc.set_threshold(*GC_THRESHOLDS)  # the process lives for this build only
    _WORKER = _Worker(Reader(config), Analyser(ToolStore.for_config(config)), AnalysisCache.for_config(config))


def _run_chunk(tasks: list[tuple[str, str, str]]) -> list[_Result]:
    assert _WORKER is not None
    return _WORKER.run(tasks)


def _read_and_analyse(config: Config, progress: Progress | None) -> tuple[list[_Result], Analyser]:
    """Every seed file read and analysed, in seed order (the output is the same however it is run).

    Files with a cache entry are loaded here. The others are analysed by a pool of processes that
    starts first, so that its work and the loading overlap; without a second process (``--jobs 1``),
    or with one chunk of files and nothing to load meanwhile, they are analysed here.
    """
    paths = find_seed_files(config.seeds_dir)
    rels = {display_path(p.relative_to(config.seeds_dir).as_posix()): p for p in paths}
    ids = article_ids(rels)
    worker = _Worker(Reader(config), Analyser(ToolStore.for_config(config)), AnalysisCache.for_config(config))
    hits: list[tuple[str, str]] = []
    tasks: list[tuple[str, str, str]] = []
    keys: set[str] = set()
    for rel, path in rels.items():
        key = worker.key(path)
        if key is not None:
            keys.add(key)
        if key is not None and worker.cache and worker.cache.has(key):
            hits.append((rel, key))
        else:
            tasks.append((str(path), rel, ids[rel]))
    chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    results: dict[str, _Result] = {}

    def done(batch: list[_Result]) -> None:
        results.update((r.rel, r) for r in batch)
        if progress:
            progress("analyse", len(results), len(rels))

    with contextlib.ExitStack() as stack:
        pool = None
        if config.jobs > 1 and chunks and (len(chunks) > 1 or hits):
            pool = stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=min(config.jobs, len(chunks)), initializer=_init_worker, initargs=(config,)
                )
            )
        pending = [pool.submit(_run_chunk, chunk) for chunk in chunks] if pool else []
        damaged = []
        for rel, key in hits:
            hit = worker.load(key, rel, ids[rel])
            if hit is None:
                damaged.append((str(rels[rel]), rel, ids[rel]))
            else:
                results[rel] = hit
        if results:
            log.info("%d of %d articles from the analysis cache", len(results), len(rels))
        if progress:
            progress("analyse", len(results), len(rels))
        for future in pending:
            done(future.result())
        if not pool:
            for chunk in chunks:
                done(worker.run(chunk))
        done(worker.run(damaged))
    if worker.cache:
        removed = worker.cache.prune(keys)
        if removed:
            log.info("%d cache entries of files no longer read removed", removed)
    links = [_Result(rel, None, None, (link_issue(rel),)) for rel in seed_links(config)]
    return [results[rel] for rel in rels] + links, worker.analyser


def seed_links(config: Config) -> list[str]:
    return [display_path(p.relative_to(config.seeds_dir).as_posix()) for p in find_seed_links(config.seeds_dir)]


def check_seeds(config: Config) -> None:
    """A missing or empty seeds folder is a configuration error (a typo in --seeds must never build an
    empty site over the last one)."""
    if not config.seeds_dir.is_dir():
        raise ConfigError(f"seeds folder {display_path(str(config.seeds_dir))} does not exist")
    if not find_seed_files(config.seeds_dir) and not find_seed_links(config.seeds_dir):
        raise ConfigError(f"seeds folder {display_path(str(config.seeds_dir))} holds no article (*.txt, *.md)")


def gather(config: Config, progress: Progress | None = None) -> Dossier:
    """Read, analyse and merge every article, then apply the editor's corrections (read first, so
    that a broken corrections file stops the build before any work; it raises CorrectionsError)."""
    check_seeds(config)
    corrections = load_corrections(config.corrections)
    results, analyser = _read_and_analyse(config, progress)
    articles: list[Article] = []
    facts: list[ArticleFacts] = []
    issues: list[Issue] = []
    seen: dict[str, str] = {}
    for r in results:
        issues.extend(r.issues)
        if r.article is None or r.facts is None:
            continue
        key = duplicate_key(r.article.body)
        if key in seen:
            issues.append(Issue(r.rel, Severity.WARNING, f"skipped: the same article as {seen[key]} (kept once)"))
            continue
        seen[key] = r.rel
        articles.append(r.article)
        facts.append(r.facts)
    articles, facts = date_articles(articles, facts, analyser, load_language(config.language))
    capabilities = frozenset().union(*(f.capabilities for f in facts)) if facts else frozenset()
    dossier = merge(config.title, config.language, tuple(articles), tuple(facts), tuple(issues), capabilities)
    if config.verify:
        languages = {code: load_language(code) for code in {config.language, *(a.meta.language for a in articles)}}
        model = load_verifier(config.language) or load_verifier("de")
        dossier = verify(dossier, languages, model)
    dossier, stale = apply_corrections(dossier, corrections)
    if stale:
        dossier = replace(dossier, issues=(*dossier.issues, *stale))
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
    """Infer the publication dates the articles do not give (generator.read.published), then analyse those
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
        weekdays={a.id: f.weekdays for a, f in zip(articles, facts, strict=True)},
        known=known,
        overlap=lambda x, y: len(keys[x] & keys[y]),
        labels={a.id: plain_title(a.title, 60) for a in articles},
        words={
            k: ui.label(f"evidence_{k}")
            for k in ("url", "link_and_weekdays", "same_facts", "dateline", "dateline_year")
        },
        dateline_days={
            a.id: day
            for a in articles
            if a.meta.dateline
            and (day := dateline_day(a.meta.dateline, load_language(a.meta.language).time.months)) is not None
        },
    )
    out_articles, out_facts = [], []
    for a, f in zip(articles, facts, strict=True):
        if a.id in inferred:
            d = inferred[a.id]
            meta = replace(a.meta, published=d.date, published_basis="inferred", published_evidence=d.basis)
            a = replace(a, meta=meta)
            f = replace(f, times=analyser.time_tagger(a.meta.language).tag(a, d.date))  # only times depend on it
            log.info("%s: publication date %s inferred (%s)", a.file, d.date, d.basis)
        out_articles.append(a)
        out_facts.append(f)
    return out_articles, out_facts


def generate(config: Config, progress: Progress | None = None, write: bool = True) -> BuildReport:
    with seldom_collected():
        dossier = gather(config, progress)
        site = render(
            dossier, load_language(config.language), dossier_json, config.jobs, show_all=config.publish == "all"
        )
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
