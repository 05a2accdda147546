"""The ``dossier`` command line (also ``python -m generator``).

Exit codes: 0 all well; 1 some files skipped with errors (the site is still built from the rest);
2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from generator import __version__
from generator.analyse.analyser import Analyser
from generator.config import DEFAULT_CACHE, Config, ConfigError, load_config
from generator.lang import available_languages, load_language
from generator.model import Issue, Severity
from generator.pipeline import BuildReport, check_seeds, date_articles, generate
from generator.read.corrections import CorrectionsError, load_corrections
from generator.read.files import display_path, find_seed_files
from generator.read.offsets import to_source
from generator.read.reader import Reader
from generator.render.site import EXTRA_CSS, EXTRA_JS
from generator.write.export import article_record

log = logging.getLogger("generator.cli")

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only problems")
    common.add_argument("-v", "--verbose", action="store_true", help="say what is done in detail")

    top = argparse.ArgumentParser(add_help=False)  # before the command: "dossier -v build"
    top.add_argument("-q", "--quiet", dest="top_quiet", action="store_true", help="no progress bar, only problems")
    top.add_argument("-v", "--verbose", dest="top_verbose", action="store_true", help="say what is done in detail")

    mk = argparse.ArgumentParser(add_help=False)
    mk.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default: %(default)s)")
    inputs = argparse.ArgumentParser(add_help=False, parents=[mk])
    inputs.add_argument("--seeds", help="the folder of articles (default: the plugin's 'seeds' option, else seeds)")
    inputs.add_argument("--no-cache", action="store_true", help="analyse every article anew, using no cache")
    inputs.add_argument(
        "--corrections",
        help="the editor's corrections (default: the plugin's option, else corrections.yaml if present)",
    )
    site = argparse.ArgumentParser(add_help=False, parents=[inputs])
    site.add_argument("--title", help="the dossier's title (default: MkDocs' site_name)")
    site.add_argument("--published", help="publication date YYYY-MM-DD for files that give none")
    site.add_argument("--jobs", type=int, help="processes that analyse articles in parallel (default: all cores)")
    writes = argparse.ArgumentParser(add_help=False, parents=[site])
    writes.add_argument("--docs", help="the folder to write pages into (default: MkDocs' docs_dir, else site_src)")
    reads = argparse.ArgumentParser(add_help=False, parents=[site])
    reads.add_argument("--docs", help="the docs folder (default: MkDocs' docs_dir, else site_src); nothing is written")

    p = argparse.ArgumentParser(
        prog="dossier",
        description="Turn a folder of news articles into a static MkDocs site a reader can check.",
        parents=[top],
    )
    p.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser(
        "build",
        parents=[common, inputs],
        help="generate site_src/ from seeds/, then build site/ with MkDocs",
        description="Generate the pages from the articles, then build the static site with MkDocs.",
    )
    b.add_argument("--strict", action="store_true", help="let the site builder fail on warnings")
    b.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the site builder (default: %(default)s; zensical: pip install -e '.[zensical]')",
    )
    sub.add_parser(
        "generate",
        parents=[common, writes],
        help="generate site_src/ only",
        description="Read the articles, analyse and merge them, and write the pages into the docs folder.",
    )
    sub.add_parser(
        "check",
        parents=[common, reads],
        help="validate seeds, configuration and corrections as build would; write no pages",
        description="Read and analyse every article as build does, check the configuration and the corrections, "
        "list the problems per file; no page is written (the analysis cache is used and filled as by build).",
    )
    r = sub.add_parser(
        "review",
        parents=[common, reads],
        help="the items the generator is least sure of, as a corrections.yaml block to edit",
        description="List the doubtful items (no speaker, conflicts, one-mention actors, dates counted from a "
        "narrated day or a weekday), most doubtful first, every line commented out; nothing is written.",
    )
    r.add_argument("--limit", type=int, default=50, help="at most this many items (default: %(default)s)")
    r.add_argument("--format", choices=("yaml", "json"), default="yaml", help="output format (default: %(default)s)")
    a = sub.add_parser(
        "analyse",
        parents=[common],
        help="per-article facts as JSON Lines on standard output",
        description="Write one JSON object per article (sentences, actors, times, figures, quotes) to stdout.",
    )
    a.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    a.add_argument("--published", help="publication date YYYY-MM-DD for files that give none")
    a.add_argument("--language", choices=available_languages(), help="language of files that give none")
    return p


def _mkdocs_options(config_file: Path) -> tuple[dict[str, Any], Path]:
    """The dossier plugin's options, docs_dir and site_name from mkdocs.yml (if there is one)."""
    if not config_file.is_file():
        return {"jobs": None, "cache": DEFAULT_CACHE}, Path.cwd()
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.exceptions import ConfigurationError

    try:
        cfg = load_mkdocs_config(str(config_file))
    except ConfigurationError as exc:
        raise ConfigError(f"{config_file}: {exc}") from exc
    plugin = cfg.plugins.get("dossier")
    if plugin is None:
        options: dict[str, Any] = {"docs": cfg.docs_dir, "title": cfg.site_name, "jobs": None, "cache": DEFAULT_CACHE}
    else:
        from generator.plugin import core_options

        options = core_options(plugin.config, cfg)
    return options, config_file.resolve().parent


def _prepare_docs_dir(config_file: Path) -> None:
    """Create MkDocs' docs_dir if it does not exist yet: MkDocs refuses a configuration whose docs_dir
    is missing, and in a new project it is the folder the generator is about to fill."""
    if not config_file.is_file():
        return
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as f:
            raw = yaml_load(f)
    except Exception:  # a broken configuration: MkDocs' own loading reports it
        return
    docs = raw.get("docs_dir", "docs") if isinstance(raw, dict) else None
    if isinstance(docs, str) and docs:
        target = config_file.resolve().parent / docs
        if not target.exists():
            target.mkdir(parents=True)
            log.info("created %s (MkDocs' docs_dir)", target)


def _config(args: argparse.Namespace) -> Config:
    options, base = _mkdocs_options(Path(args.config_file))
    for name in ("seeds", "docs", "title", "published", "jobs", "corrections"):
        value = getattr(args, name, None)
        if value is not None:
            options[name] = value
            if name in ("seeds", "docs", "corrections"):
                options[name] = str(Path(value).resolve())
    if getattr(args, "no_cache", False):
        options["cache"] = None
    return load_config(options, base)


class _Bar:
    """A progress bar on stderr (tqdm), shown only for runs long enough to need one."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet or total < 20:
            return
        if stage != self.stage:
            self.close()
            from tqdm import tqdm

            # tqdm's monitor thread would outlive the bar, and with a second thread running the
            # dossier-wide pages are not rendered in a forked copy (generator.render.forking)
            tqdm.monitor_interval = 0
            self.bar, self.stage = tqdm(total=total, desc=stage, unit="article", file=sys.stderr, leave=False), stage
        self.bar.update(done - self.bar.n)  # ``done`` counts articles (a batch of them may finish at once)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _report_issues(issues: Sequence[Issue]) -> None:
    for issue in issues:
        print(issue, file=sys.stderr)


def _summary(report: BuildReport, config: Config) -> None:
    d = report.dossier
    errors = sum(1 for i in report.issues if i.severity is Severity.ERROR)
    line = f"{len(d.articles)} articles → {config.docs_dir}"
    if report.write:
        line += f" ({len(report.write.written)} files written, {len(report.write.removed)} removed)"
    if errors:
        line += f"; {errors} problem(s), see above"
    log.info("%s", line)


def cmd_generate(args: argparse.Namespace) -> int:
    _prepare_docs_dir(Path(args.config_file))
    config = _config(args)
    bar = _Bar(args.quiet)
    try:
        report = generate(config, progress=bar)
    finally:
        bar.close()
    _report_issues(report.issues)
    _summary(report, config)
    return report.exit_code


def cmd_check(args: argparse.Namespace) -> int:
    """Read and analyse every article as `build` does (the same readers and extractors, the analysis cache
    used and filled as by `build`), merge, and list every problem per file; no page is written."""
    from generator.pipeline import gather

    config = _config(args)
    check_seeds(config)
    load_corrections(config.corrections)  # a broken file: exit 2, naming the line, before any work
    bar = _Bar(args.quiet)
    try:
        dossier = gather(config, progress=bar)
    finally:
        bar.close()
    issues = list(dossier.issues)
    _report_issues(issues)
    if not args.quiet:
        print(f"{len(dossier.articles)} articles readable, {len(issues)} problem(s)", file=sys.stderr)
    return EXIT_SKIPPED if any(i.severity is Severity.ERROR for i in issues) else EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from generator.pipeline import gather
    from generator.write.review import doubts, review_json, review_yaml

    _prepare_docs_dir(Path(args.config_file))
    config = _config(args)
    if args.limit < 1:
        raise UsageError("--limit: expected a whole number ≥ 1")
    bar = _Bar(args.quiet)
    try:
        dossier = gather(config, progress=bar)
    finally:
        bar.close()
    weekdays = frozenset(load_language(config.language).time.weekdays)
    items = doubts(dossier, weekdays)[: args.limit]
    sys.stdout.write(review_json(items) if args.format == "json" else review_yaml(items, dossier.issues))
    return EXIT_OK


ZENSICAL_CONFIG = ".dossier-zensical.yml"  # beside mkdocs.yml: what the plugin adds, for Zensical


def cmd_build(args: argparse.Namespace) -> int:
    if args.engine == "zensical":
        return _build_zensical(args)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.exceptions import MkDocsException

    config_file = Path(args.config_file)
    if not config_file.is_file():
        raise UsageError(f"{config_file} not found: 'dossier build' needs an MkDocs configuration")
    _prepare_docs_dir(config_file)
    try:
        cfg = load_mkdocs_config(str(config_file), strict=args.strict or None)
    except MkDocsException as exc:
        raise ConfigError(str(exc)) from exc
    plugin = cfg.plugins.get("dossier")
    config = _config(args)  # mkdocs.yml's options with the command line's
    check_seeds(config)  # a missing or empty seeds folder: exit 2, the last site kept
    load_corrections(config.corrections)  # a broken file: exit 2 with its line, before any work
    bar = _Bar(args.quiet)
    if plugin is not None:
        for name in ("seeds", "corrections"):
            if getattr(args, name) is not None:
                plugin.config[name] = str(Path(getattr(args, name)).resolve())
        if args.no_cache:
            plugin.config["cache"] = ""
        plugin.progress = bar
    # The plugin logs its issues for `mkdocs build`; here the command lists them once, itself.
    logging.getLogger("mkdocs.plugins.dossier").setLevel(logging.ERROR)
    try:
        report = None if plugin is not None else generate(config, progress=bar)
        mkdocs_build(cfg)
    except MkDocsException as exc:
        print(f"mkdocs build failed: {exc}", file=sys.stderr)
        return EXIT_SKIPPED
    finally:
        bar.close()
    if plugin is not None:
        report = plugin.report
    assert report is not None
    _report_issues(report.issues)
    if not args.quiet:
        print(f"{len(report.dossier.articles)} articles; site built in {cfg.site_dir}", file=sys.stderr)
    return report.exit_code


def _build_zensical(args: argparse.Namespace) -> int:
    """Zensical reads mkdocs.yml but runs no MkDocs plugin: generate the pages here, then build with a
    copy of the configuration that carries what the plugin adds (the navigation with its titles and
    order, the styles and scripts, .html links) and leaves the plugin out; mkdocs.yml stays as it is."""
    import subprocess

    import yaml

    config_file = Path(args.config_file)
    if not config_file.is_file():
        raise UsageError(f"{config_file} not found: 'dossier build' needs an MkDocs configuration")
    zensical = shutil.which("zensical")
    if zensical is None:
        raise UsageError("zensical is not installed: pip install -e '.[zensical]'")
    _prepare_docs_dir(config_file)
    report = generate(_config(args))
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: not a mapping of options")
    raw["plugins"] = [
        p for p in raw.get("plugins") or [] if not (p == "dossier" or (isinstance(p, dict) and "dossier" in p))
    ]
    raw["nav"] = raw.get("nav") or report.site.mkdocs_nav()
    raw["use_directory_urls"] = False
    raw["extra_css"] = [*raw.get("extra_css", []), *(c for c in EXTRA_CSS if c not in raw.get("extra_css", []))]
    raw["extra_javascript"] = [
        *raw.get("extra_javascript", []),
        *(j for j in EXTRA_JS if j not in raw.get("extra_javascript", [])),
    ]
    site_dir = config_file.parent / str(raw.get("site_dir") or "site")
    if site_dir.exists() and not args.quiet:
        print(f"dossier: Zensical writes {site_dir} anew (what mkdocs build left there is replaced)", file=sys.stderr)
    derived = config_file.parent / ZENSICAL_CONFIG
    derived.write_text(
        "# Written by `dossier build --engine zensical` from mkdocs.yml; do not edit (it is rewritten).\n"
        + yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    result = subprocess.run(
        [zensical, "build", "-f", derived.name, *(["--strict"] if args.strict else [])],
        cwd=config_file.parent,
        check=False,
    )
    _report_issues(report.issues)
    if result.returncode != 0:
        print(f"zensical build failed (exit {result.returncode})", file=sys.stderr)
        return EXIT_SKIPPED
    if not args.quiet:
        print(f"{len(report.dossier.articles)} articles; site built with Zensical", file=sys.stderr)
    return report.exit_code


def cmd_analyse(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {"seeds": ".", "docs": ".dossier-unused"}
    if args.published:
        options["published"] = args.published
    if args.language:
        options["force_language"] = args.language
    config = load_config(options, Path.cwd())
    files: list[Path] = []
    for raw in args.paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(find_seed_files(p))
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    reader = Reader(config)
    result = reader.read_all(files)
    paths = {reader.rel(p): p for p in files}
    issues = list(result.issues)
    analyser = Analyser()
    articles, facts = [], []
    for article in result.articles:
        try:
            facts.append(analyser.analyse(article))
        except Exception as exc:  # one article's failure never loses the others
            log.debug("unexpected error analysing %s", article.file, exc_info=True)
            issues.append(Issue(article.file, Severity.ERROR, f"skipped: unexpected error in the analysis: {exc!r}"))
            continue
        articles.append(article)
    _report_issues(issues)
    # dates the files do not give are inferred across the files given, as for the site
    articles, facts = date_articles(articles, facts, analyser, load_language(config.language))
    for article, article_facts in zip(articles, facts, strict=True):
        record = to_source(article_record(article, article_facts, article.file), paths[article.file].read_bytes())
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return EXIT_SKIPPED if any(i.severity is Severity.ERROR for i in issues) else EXIT_OK


COMMANDS = {
    "build": cmd_build,
    "generate": cmd_generate,
    "check": cmd_check,
    "review": cmd_review,
    "analyse": cmd_analyse,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    args.verbose = args.verbose or args.top_verbose
    args.quiet = args.quiet or args.top_quiet
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s: %(name)s: %(message)s", stream=sys.stderr)
    if args.verbose:
        log.setLevel(logging.INFO)
    try:
        return COMMANDS[args.command](args)
    except (ConfigError, UsageError, CorrectionsError) as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # an unwritable docs folder, a full disk: the reason and the path, no traceback
        where = f": {display_path(str(exc.filename))}" if exc.filename else ""
        print(f"dossier: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_USAGE


def run() -> NoReturn:
    """The ``dossier`` command: ``main``, then leave without tearing down the interpreter's objects
    one by one (a large dossier's take several tenths of a second, and nothing needs them: output
    is flushed and every file written is closed by then)."""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
