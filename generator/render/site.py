"""The whole site: every page's file, the charts, the assets and the navigation, from the merged
:class:`Dossier` (a pure function: no I/O beyond reading the packaged assets).

Pages are Markdown for MkDocs; every piece of article text goes through :mod:`generator.render.markup`.
Links are written for ``use_directory_urls: false`` (``articles/a.html``), which the plugin enforces
and which keeps the built site browsable from disk.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources

from generator.lang import LanguageData
from generator.merge.verifier import public
from generator.model import Dossier
from generator.read.layout import plain_title
from generator.render.actors import render_actor, render_actor_index
from generator.render.articles import render_article, render_article_index
from generator.render.compare import render_compare
from generator.render.context import (
    ACTORS,
    ARTICLES,
    COMPARE,
    DATA,
    DATA_FILE,
    FIGURES,
    HOME,
    NAV_ARTICLES_MAX,
    QUOTES,
    TIMELINE,
    Context,
    actor_page,
    article_page,
    make_context,
)
from generator.render.data import render_data
from generator.render.figures import render_figures
from generator.render.forking import Forked
from generator.render.home import render_home
from generator.render.quotes import render_quotes
from generator.render.timeline import render_timeline

ASSET_DIR = "assets/dossier"
ASSETS = (
    "dossier.css",
    "dossier.js",
    "tablesort.min.js",
    "tablesort.number.min.js",
    "tablesort.LICENCE",
    "iframe-worker.js",
    "iframe-worker.LICENCE",
)
POLYFILLS = (f"{ASSET_DIR}/iframe-worker.js",)  # before Material's own scripts (config.extra.polyfills)
NOT_IN_NAV = ("/actors/", "/articles/")  # not every page is in the sidebar, and that is meant
EXTRA_CSS = (f"{ASSET_DIR}/dossier.css",)
EXTRA_JS = (f"{ASSET_DIR}/tablesort.min.js", f"{ASSET_DIR}/tablesort.number.min.js", f"{ASSET_DIR}/dossier.js")
NAV_TITLE_MAX = 64

Export = Callable[[Dossier], bytes]  # the dossier as a data file (the write stage's ``dossier_json``)


@dataclass(frozen=True)
class NavEntry:
    title: str
    page: str | None = None
    children: tuple[NavEntry, ...] = ()

    def to_mkdocs(self) -> dict[str, object]:
        if self.children:
            return {self.title: [c.to_mkdocs() for c in self.children]}
        return {self.title: self.page}


@dataclass(frozen=True)
class Site:
    files: Mapping[str, bytes]
    nav: tuple[NavEntry, ...] = field(default=())

    def mkdocs_nav(self) -> list[dict[str, object]]:
        return [entry.to_mkdocs() for entry in self.nav]


def render(dossier: Dossier, lang: LanguageData, export: Export, jobs: int = 1, show_all: bool = False) -> Site:
    """The site's files and navigation; ``export`` makes the data file the data page links
    (``dossier.json``). With ``jobs`` > 1 the dossier-wide pages are rendered in a second process
    while this one renders the page of each article and actor (the same files). The pages show only
    the published items (:func:`generator.merge.verifier.public`), or with ``show_all`` every item,
    the withheld ones marked uncertain; the data file holds them all."""
    full = dossier
    ctx = make_context(dossier if show_all else public(dossier), lang)
    overview = functools.partial(_overview_files, ctx, lambda _: export(full))
    forked = Forked.start(overview) if jobs > 1 else None
    try:
        files = _item_files(ctx)
    except BaseException:
        if forked:
            forked.discard()
        raise
    files.update(forked.result() if forked else overview())
    encoded = dict(sorted(files.items()))
    nav = (
        NavEntry(ctx.L("nav_home"), HOME),
        NavEntry(
            ctx.L("nav_articles"),
            children=(
                NavEntry(ctx.L("nav_articles_index"), f"{ARTICLES}/index.md"),
                *(
                    NavEntry(plain_title(a.title, NAV_TITLE_MAX), article_page(a.id))
                    for a in (dossier.articles if len(dossier.articles) <= NAV_ARTICLES_MAX else ())
                ),
            ),
        ),
        NavEntry(ctx.L("nav_figures"), FIGURES),
        NavEntry(ctx.L("nav_actors"), f"{ACTORS}/index.md"),
        NavEntry(ctx.L("nav_timeline"), TIMELINE),
        NavEntry(ctx.L("nav_quotes"), QUOTES),
        NavEntry(ctx.L("nav_compare"), COMPARE),
        NavEntry(ctx.L("nav_data"), DATA),
    )
    return Site(files=encoded, nav=nav)


def _encoded(files: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {path: (c.encode("utf-8") if isinstance(c, str) else c) for path, c in files.items()}


def _overview_files(ctx: Context, export: Export) -> dict[str, bytes]:
    """The dossier-wide pages, charts, data and assets."""
    dossier = ctx.dossier
    files: dict[str, str | bytes] = {
        HOME: render_home(ctx),
        f"{ARTICLES}/index.md": render_article_index(ctx),
        FIGURES: render_figures(ctx),
        f"{ACTORS}/index.md": render_actor_index(ctx),
        TIMELINE: render_timeline(ctx),
        QUOTES: render_quotes(ctx),
        COMPARE: render_compare(ctx),
        DATA: render_data(ctx),
        DATA_FILE: export(dossier),
    }
    assets = resources.files("generator") / "assets"
    for name in ASSETS:
        files[f"{ASSET_DIR}/{name}"] = (assets / name).read_bytes()
    return _encoded(files)


def _item_files(ctx: Context) -> dict[str, bytes]:
    """The page of each article and of each actor important enough for one."""
    files = {article_page(a.id): render_article(ctx, a) for a in ctx.dossier.articles}
    files.update((actor_page(x.id), render_actor(ctx, x)) for x in ctx.dossier.actors if x.id in ctx.with_page)
    return _encoded(files)
