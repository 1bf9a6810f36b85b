"""The negative corpus (corpus/negative.yaml): texts in which nothing may be found."""
from pathlib import Path

import pytest
import yaml

from extractor.pipeline import extract

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "corpus" / "negative.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_nothing_found(case, report_validator):
    report = extract(case["text"])
    report_validator.validate(report.to_dict())
    for section in case["absent"]:
        found = [item.text if hasattr(item, "text") else item for item in getattr(report, section)]
        assert not found, f"{case['why']}: {section} {found} in {case['text']!r}"
