"""MkDocs plugin: a thin shell over the core, so that ``mkdocs build`` and ``mkdocs serve`` regenerate
``site_src/`` from ``seeds/``.

    plugins:
      - search
      - dossier:
          seeds: seeds
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pathspec
from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from generator.config import DEFAULT_CACHE, DEFAULT_MAX_ARTICLE_BYTES, PUBLISH_CHOICES, Config, ConfigError, load_config
from generator.model import Severity
from generator.pipeline import BuildReport, generate
from generator.read.corrections import CorrectionsError
from generator.read.reader import Progress
from generator.render.site import EXTRA_CSS, EXTRA_JS, NOT_IN_NAV, POLYFILLS

log = get_plugin_logger("dossier")


class DossierPluginConfig(MkConfig):
    seeds = c.Type(str, default="seeds")
    title = c.Optional(c.Type(str))
    language = c.Type(str, default="de")
    published = c.Optional(c.Type((str, dt.date)))
    max_article_bytes = c.Type(int, default=DEFAULT_MAX_ARTICLE_BYTES)
    jobs = c.Optional(c.Type(int))  # default: all cores
    cache = c.Optional(c.Type(str))  # default: .dossier-cache beside mkdocs.yml; "" for none
    corrections = c.Optional(c.Type(str))  # default: corrections.yaml beside mkdocs.yml, if there is one
    publish = c.Choice(PUBLISH_CHOICES, default=PUBLISH_CHOICES[0])  # sure: only what the verifier is sure of


def core_options(options: DossierPluginConfig, config: MkDocsConfig) -> dict[str, Any]:
    """The core's raw options from the plugin's options and MkDocs' own: the one mapping from mkdocs.yml
    to the core, used by the plugin and by the command line (`dossier build`, `dossier review`)."""
    raw: dict[str, Any] = {
        "seeds": options.seeds,
        "docs": config.docs_dir,
        "title": options.title or config.site_name,
        "language": options.language,
        "max_article_bytes": options.max_article_bytes,
        "jobs": options.jobs,
        "cache": DEFAULT_CACHE if options.cache is None else (options.cache or None),
        "publish": options.publish,
    }
    if options.published is not None:
        raw["published"] = options.published
    if options.corrections is not None:
        raw["corrections"] = options.corrections
    return raw


def core_config(options: DossierPluginConfig, config: MkDocsConfig) -> Config:
    """The core's validated configuration from the plugin's options and MkDocs' own."""
    base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return load_config(core_options(options, config), base)


class DossierPlugin(BasePlugin[DossierPluginConfig]):
    def __init__(self) -> None:
        self.core: Config | None = None
        self.report: BuildReport | None = None
        self.progress: Progress | None = None  # set by `dossier build`: its progress bar

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.core = core_config(self.config, config)
        except ConfigError as exc:
            raise PluginError(f"dossier: {exc}") from exc
        if config.use_directory_urls:
            log.debug("setting use_directory_urls: false (the generated pages link to .html files)")
            config.use_directory_urls = False
        for css in EXTRA_CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        scripts = [str(s) for s in config.extra_javascript]
        for js in EXTRA_JS:
            if js not in scripts:
                config.extra_javascript.append(js)
        # search from disk (as Material's offline plugin, without fetching its shim from the web): web
        # workers are refused on file://, so the shim runs the search worker in an iframe
        polyfills = list(config.extra.get("polyfills", []))
        config.extra["polyfills"] = polyfills + [p for p in POLYFILLS if p not in polyfills]
        if config.not_in_nav is None:  # the pages reached from tables, not from the sidebar
            config.not_in_nav = pathspec.GitIgnoreSpec.from_lines(NOT_IN_NAV)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index as a script too, which Material's search loads when the site is opened
        from disk (file://), where it cannot fetch the JSON (what Material's offline plugin writes)."""
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            data = index.read_text(encoding="utf-8")
            (index.parent / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.core is not None
        try:
            self.report = generate(self.core, progress=self.progress)
        except (CorrectionsError, ConfigError) as exc:
            raise PluginError(f"dossier: {exc}") from exc
        for issue in self.report.issues:
            (log.warning if issue.severity is Severity.ERROR else log.info)("%s", issue)
        if config.nav is None:
            config.nav = self.report.site.mkdocs_nav()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.core is not None:
            server.watch(str(self.core.seeds_dir))
        return server
