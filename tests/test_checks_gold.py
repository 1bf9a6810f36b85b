"""Checks gold (corpus/checks-gold/): well formed without ../shared; with it, every gold
figure sits at its span, and the checker holds its floors (development bench 60; the
validation 60, scored once with the change finished, as recorded in the README)."""
import json
from pathlib import Path

import pytest

from tests.conftest import needs_shared

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "checks-gold"
RULES = {"ratio", "part_of_total", "sum", "pair_change", "two_values_change", "change_percent", "rate",
         "multiplier", "bound"}


@pytest.mark.parametrize("name", ["bench", "validation"])
def test_the_gold_is_well_formed(name):
    files = sorted((GOLD / name).glob("*.json"))
    assert len(files) == 60
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["id"] == path.stem and gold["annotated"] == ["checks"]
        for check in gold["checks"]:
            assert check["rule"] in RULES and check["status"] in ("consistent", "inconsistent")
            assert check["status"] == "consistent" or check["why"]
            assert all(0 <= f["start"] < f["end"] and f["end"] - f["start"] == len(f["text"]) for f in check["figures"])


def test_the_agreement_is_recorded():
    agreement = json.loads((GOLD / "agreement.json").read_text(encoding="utf-8"))
    for name in ("bench", "validation"):
        assert agreement[name]["dice"] >= 0.85 and agreement[name]["disputed_items"] == \
            agreement[name]["settled_kept"] + agreement[name]["settled_dropped"]


def test_the_development_floor():
    from extractor.quality.checks_gold import score

    result = score(GOLD / "bench", needs_shared("corpus", "bench", "baomoi-2017.jsonl"))
    assert result.gold == 113
    assert result.found >= 58 and result.right >= 52, result.misses
    assert not result.false_alarms and not result.outside_gold, (result.false_alarms, result.outside_gold)
