from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from generator.model import Dossier

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"

MKDOCS_YML = """\
site_name: {title}
docs_dir: site_src
site_dir: site
use_directory_urls: false
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
  - dossier:
      seeds: seeds
      language: {language}
      publish: {publish}
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--snapshot-update", action="store_true", help="rewrite tests/fixtures/snapshot from the fixture corpus"
    )


@pytest.fixture
def snapshot_update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--snapshot-update"))


def make_project(
    root: Path,
    seeds: Mapping[str, str | bytes] | Path,
    title: str = "Testdossier",
    language: str = "de",
    publish: str = "sure",
) -> Path:
    """A project folder: seeds/ with the given files, an empty site_src/ and an mkdocs.yml."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "site_src").mkdir(exist_ok=True)
    if isinstance(seeds, Path):
        for f in seeds.iterdir():
            shutil.copy(f, root / "seeds" / f.name)
    else:
        for name, content in seeds.items():
            path = root / "seeds" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(title=title, language=language, publish=publish), encoding="utf-8"
    )
    return root


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def dossier(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator", *args], cwd)


def mkdocs_build(cwd: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])], cwd)


def tree(root: Path, skip: Callable[[str], bool] = lambda _: False) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not skip(p.relative_to(root).as_posix())
    }


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own seeds, built once with `mkdocs build --strict`."""
    # as the repository's mkdocs.yml: every item shown, the withheld ones marked (publish: all)
    root = make_project(tmp_path_factory.mktemp("seedsite"), REPO / "seeds", title="Seed-Dossier", publish="all")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert not warnings, result.stderr  # MkDocs' own warning lines ("WARNING  -  …")
    return root


def gather_texts(root: Path, texts: Mapping[str, str]) -> Dossier:
    """The dossier gathered (nothing written) from articles given as ``{file name: text}``."""
    from generator.config import load_config
    from generator.pipeline import gather

    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return gather(load_config({"seeds": str(seeds), "docs": str(root / "out")}, root))
