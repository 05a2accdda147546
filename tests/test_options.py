"""Every option works the same through each door: the plugin's options in mkdocs.yml (read by `mkdocs build`
and by the command line) and the command line's flags give the same validated configuration. The
command line once read its own copy of the plugin's options and lost `publish` and `corrections`."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config as load_mkdocs_config

from generator.cli import _config, _parser
from generator.config import _KNOWN, Config
from generator.plugin import DossierPluginConfig, core_config
from tests.conftest import CORPUS, make_project

# option in mkdocs.yml → (its value there, the same as command-line flags or None, what it sets in Config)
OPTIONS: dict[str, tuple[str, list[str] | None, str]] = {
    "seeds": ("other", ["--seeds", "other"], "seeds_dir"),
    "title": ("Ein Titel", ["--title", "Ein Titel"], "title"),
    "published": ("2022-01-07", ["--published", "2022-01-07"], "published"),
    "jobs": ("3", ["--jobs", "3"], "jobs"),
    "corrections": ("fixes.yaml", ["--corrections", "fixes.yaml"], "corrections"),
    "cache": ('""', ["--no-cache"], "cache_dir"),
    "language": ("en", None, "language"),
    "max_article_bytes": ("1000", None, "max_article_bytes"),
    "publish": ("all", None, "publish"),
}


def _project(root: Path, option: str | None = None) -> Path:
    make_project(root, CORPUS)
    (root / "other").mkdir()
    (root / "fixes.yaml").write_text("actors: []\n", encoding="utf-8")
    if option is not None:  # the option's line replaces the template's, if it writes one
        lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
        lines = [x for x in lines if not x.startswith(f"      {option}:")]
        at = lines.index("  - dossier:\n") + 1
        lines.insert(at, f"      {option}: {OPTIONS[option][0]}\n")
        (root / "mkdocs.yml").write_text("".join(lines), encoding="utf-8")
    return root


def _through_plugin(root: Path) -> Config:
    cfg = load_mkdocs_config(str(root / "mkdocs.yml"))
    plugin = cfg.plugins["dossier"]
    return core_config(plugin.config, cfg)


def _through_cli(root: Path, *flags: str) -> Config:
    args = _parser().parse_args(["generate", "-f", str(root / "mkdocs.yml"), *flags])
    return _config(args)


def test_the_plugin_declares_every_option_the_core_knows() -> None:
    plugin_options = {name for name, _ in DossierPluginConfig._schema}
    # docs comes from MkDocs' own docs_dir; force_language only from `dossier analyse --language`
    assert plugin_options == _KNOWN - {"docs", "force_language"}
    assert set(OPTIONS) == plugin_options  # and this test tries each of them


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_an_option_in_mkdocs_yml_reaches_the_core_the_same_through_plugin_and_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    root = _project(tmp_path, option)
    monkeypatch.chdir(root)
    attribute = OPTIONS[option][2]
    by_plugin, by_cli = _through_plugin(root), _through_cli(root)
    assert by_plugin == by_cli
    default = _through_plugin(_project(tmp_path / "plain"))
    assert getattr(by_plugin, attribute) != getattr(default, attribute), f"{option} changed nothing"


@pytest.mark.parametrize("option", sorted(o for o, (_, flags, _) in OPTIONS.items() if flags))
def test_a_flag_sets_what_the_option_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str) -> None:
    with_option = _project(tmp_path / "option", option)
    monkeypatch.chdir(with_option)
    by_option = _through_plugin(with_option)
    plain = _project(tmp_path / "flag")
    monkeypatch.chdir(plain)
    flags = OPTIONS[option][1]
    assert flags is not None
    by_flag = _through_cli(plain, *flags)
    attribute = OPTIONS[option][2]
    expected = getattr(by_option, attribute)
    got = getattr(by_flag, attribute)
    if isinstance(expected, Path):  # the same file or folder name, each beside its own mkdocs.yml
        assert isinstance(got, Path) and got.relative_to(plain) == expected.relative_to(with_option)
    else:
        assert got == expected
