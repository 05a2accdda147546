"""The package's layout: one subpackage per pipeline stage, imports only downwards, and the analysis
cache keyed by the code that reads and analyses."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

import generator
from generator.cache import analysis_code, data_fingerprint

PACKAGE = Path(generator.__file__).resolve().parent
STAGES = ("read", "analyse", "merge", "render", "write")  # in pipeline order
# run the stages; no stage and no helper imports them ("training" builds the shipped models from the pipeline)
SHELLS = ("pipeline", "cli", "plugin", "__main__", "training")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names; ``from a import b`` counts as ``a`` and ``a.b``)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            assert node.module is not None
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def _modules() -> dict[str, Path]:
    """Every module of the package by its place: the stage's name, or the top-level module's name."""
    return {p.relative_to(PACKAGE).as_posix(): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def _place(module: str) -> str | None:
    """``generator.render.home`` → ``render``; ``generator.cache`` → ``cache``; other packages → None."""
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) == 1:
        return None
    return parts[1]


def test_every_module_lives_in_a_stage_or_is_a_known_top_level_module() -> None:
    top = {"__init__", "__main__", "model", "config", "pipeline", "cache", "cli", "plugin", "atomic", "shorten"}
    for rel in _modules():
        parts = rel.removesuffix(".py").split("/")
        assert parts[0] in STAGES or parts[0] in ("lang", "training") or (len(parts) == 1 and parts[0] in top), rel


def _layer_problems(rel: str, path: Path) -> list[str]:
    """The imports of module ``rel`` (at ``path``) that break the layering."""
    first = rel.split("/")[0].removesuffix(".py")
    if first in SHELLS:
        return []
    own = STAGES.index(first) if first in STAGES else -1  # a helper: below every stage
    problems = []
    for module in _imports(path):
        place = _place(module)
        if place in SHELLS:
            problems.append(f"{rel} imports {module}")
        elif place in STAGES and STAGES.index(place) > own:
            problems.append(f"{rel} imports {module} (a later stage)")
    return problems


def test_stages_import_only_earlier_stages_and_helpers() -> None:
    """A stage uses the model, the language data, the top-level helpers and the stages before it;
    never a later stage, the pipeline, the command line or the plugin. Helpers use no stage."""
    assert [p for rel, path in _modules().items() for p in _layer_problems(rel, path)] == []


def test_no_stage_or_helper_imports_mkdocs() -> None:
    """The core does not import MkDocs (as mkdocs-gen-files' core): only the shells around it do
    (the plugin, and the command line for ``dossier build``)."""
    users = sorted(
        rel for rel, path in _modules().items() if any(m == "mkdocs" or m.startswith("mkdocs.") for m in _imports(path))
    )
    assert users
    assert all(rel.removesuffix(".py") in SHELLS for rel in users), users


def test_the_layout_test_sees_an_upward_import(tmp_path: Path) -> None:
    """The check above reads real imports: an analysis module importing the rendering or the
    pipeline is reported, one importing the reader and the model is not."""
    bad = tmp_path / "bad.py"
    bad.write_text("from generator.render.markup import esc\nimport generator.pipeline\n", encoding="utf-8")
    problems = _layer_problems("analyse/bad.py", bad)
    assert any("generator.render.markup (a later stage)" in p for p in problems)
    assert "analyse/bad.py imports generator.pipeline" in problems
    good = tmp_path / "good.py"
    good.write_text("from generator.read.reader import Reader\nfrom generator.model import Article\n", encoding="utf-8")
    assert _layer_problems("analyse/good.py", good) == []


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    root = tmp_path / "generator"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__", "models"))
    return root


def _touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def test_cache_key_follows_the_code_that_reads_and_analyses(package_copy: Path) -> None:
    before = data_fingerprint(package_copy)
    _touch(package_copy / "analyse" / "quotes.py")  # an extractor
    edited_extractor = data_fingerprint(package_copy)
    assert edited_extractor != before
    _touch(package_copy / "read" / "layout.py")  # the reader
    assert data_fingerprint(package_copy) != edited_extractor
    edited_reader = data_fingerprint(package_copy)
    _touch(package_copy / "model.py")  # what both import
    assert data_fingerprint(package_copy) != edited_reader


def test_cache_key_ignores_code_that_only_merges_renders_or_writes(package_copy: Path) -> None:
    before = data_fingerprint(package_copy)
    for rel in ("render/home.py", "merge/figures.py", "write/export.py", "pipeline.py", "cli.py"):
        _touch(package_copy / rel)
    assert data_fingerprint(package_copy) == before


def test_analysis_code_holds_every_extractor_and_what_it_imports() -> None:
    files = {p.relative_to(PACKAGE).as_posix() for p in analysis_code(PACKAGE)}
    extractors = {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "analyse").glob("*.py")}
    assert extractors <= files
    assert {"model.py", "lang/__init__.py", "read/reader.py", "read/segment.py"} <= files
    assert not any(f.startswith(("render/", "merge/", "write/")) for f in files)


def test_analysis_code_is_the_import_closure_of_read_and_analyse() -> None:
    """The cache reads imports with a pattern (fast); here they are read with Python's parser."""
    modules = _modules()
    by_name = {
        ".".join(("generator", *rel.removesuffix(".py").split("/"))).removesuffix(".__init__"): rel for rel in modules
    }
    todo = [rel for rel in modules if rel.startswith(("read/", "analyse/"))]
    closure: set[str] = set()
    while todo:
        rel = todo.pop()
        if rel in closure:
            continue
        closure.add(rel)
        for module in _imports(modules[rel]):
            parts = module.split(".")
            for n in range(1, len(parts) + 1):  # the module and the packages that hold it
                name = ".".join(parts[:n])
                if name in by_name:
                    todo.append(by_name[name])
    assert {p.relative_to(PACKAGE).as_posix() for p in analysis_code(PACKAGE)} == closure


def test_every_shipped_model_has_a_card_whose_licence_the_package_declares() -> None:
    """Each file in generator/models/ is a model with a card (`<model>.card.json`) or such a card; the card's
    licence (its leading SPDX identifier) is part of pyproject's licence expression, so the wheel says what it
    ships."""
    import json
    import tomllib

    models = PACKAGE / "models"
    expression = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    declared = {part.strip() for part in expression.split(" AND ")}
    cards = sorted(models.glob("*.card.json"))
    assert cards, "no model card"
    for card_path in cards:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        assert (models / card["model"]).is_file(), f"{card_path.name}: no model {card['model']}"
        spdx = re.sub(r"^CC (BY(?:-SA|-NC)*) (\d\.\d)\b", r"CC-\1-\2", card["licence"]).split()[0]  # "CC BY 4.0"
        assert spdx in declared, f"{card_path.name}: licence {card['licence']!r} not declared"
    uncarded = [
        p.name
        for p in models.iterdir()
        if not p.name.endswith(".card.json") and not (models / f"{p.stem}.card.json").is_file()
    ]
    assert uncarded == [] or set(uncarded) <= {
        "ner-de.crfsuite",
        "ner-en.crfsuite",
    }  # the NER cards: issue 33, in progress
