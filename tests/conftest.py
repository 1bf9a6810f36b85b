from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = ROOT / "extractor" / "report" / "schema" / "report.schema.json"


@pytest.fixture(scope="session")
def report_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or a skip when the shared material is not beside us."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (shared material lives beside the checkout)")
    return path
