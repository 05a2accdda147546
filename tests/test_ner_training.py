"""The NER models' cards: each names the shipped file's sha256, its data with checksums and licences,
the model's licence, the hyperparameters and the held-out scores with the command that measures them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.training import ner

MODELS = Path(__file__).resolve().parents[1] / "generator" / "models"
LICENCES = {"de": "CC BY 4.0", "en": "CC BY-SA 4.0"}


@pytest.mark.parametrize("code", sorted(ner.RECIPES))
def test_the_card_describes_the_shipped_model(code: str) -> None:
    model = MODELS / f"ner-{code}.crfsuite"
    card = json.loads((MODELS / f"ner-{code}.card.json").read_text(encoding="utf-8"))
    assert card["model"] == model.name
    assert card["sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert card["licence"] == LICENCES[code]
    assert card["rebuild"].endswith(f"python -m generator.training.ner {code}")
    recipe = ner.RECIPES[code]
    assert card["hyperparameters"]["c1"] == recipe.c1 and card["hyperparameters"]["c2"] == recipe.c2
    assert card["hyperparameters"]["max_iterations"] == recipe.iterations
    assert [d["path"] for d in card["data"]] == [f"../shared/data/{s.path}" for s in recipe.sources]
    assert all(d["licence"] and len(d["sha256"]) == 64 for d in card["data"])
    assert card["scores"]["command"] == f"python -m generator.training.ner {code} --score"
    assert isinstance(card["reproducible"], bool)
    for measured in card["scores"]["held_out"].values():
        assert 0 < measured["precision"] <= 1 and 0 < measured["f1"] <= 1


@pytest.mark.parametrize("code", sorted(ner.RECIPES))
def test_the_cards_data_checksums_match_the_data(code: str) -> None:
    card = json.loads((MODELS / f"ner-{code}.card.json").read_text(encoding="utf-8"))
    for item in card["data"]:
        path = ner.SHARED / "data" / item["path"].removeprefix("../shared/data/")
        if not path.is_file():
            pytest.skip(f"training data not here: {path}")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == item["sha256"], item["path"]


def test_a_model_licence_follows_its_data() -> None:
    """ShareAlike data make a ShareAlike model; no non-commercial data."""
    for code, recipe in ner.RECIPES.items():
        licences = {s.licence for s in recipe.sources}
        assert not any("NC" in x for x in licences)
        assert ("SA" in recipe.licence) == any("SA" in x for x in licences), code
