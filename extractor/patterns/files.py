"""Where the rule files are and how one is read: the bottom of the patterns layer.

The normal form (normal_form.py) needs its table before any rule is compiled, and the
loader (__init__) brings its word lists to that normal form: both read through here, so
neither imports the other's module the other way round."""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..report.errors import PatternError

_SECTIONS = {"pieces", "lexicons", "rules", "tables", "doc"}

LANGUAGE = "vi"


def patterns_dir() -> Path:
    """$CHISO_PATTERNS (a folder of *.yaml, to try rules without touching the installed
    ones) if set, else the rules shipped in the package."""
    env = os.environ.get("CHISO_PATTERNS")
    if env:
        return Path(env)
    return Path(str(resources.files(__package__).joinpath(LANGUAGE)))


@lru_cache(maxsize=4)
def normalization_table(directory: str | None = None) -> dict[str, Any]:
    """The normalisation tables alone: normalize() needs them before any rule is built."""
    root = Path(directory) if directory else patterns_dir()
    data = read_file(root / "normalization.yaml")
    try:
        return data["tables"]["normalization"]
    except (KeyError, TypeError):
        raise PatternError("normalization.yaml: needs tables: normalization: {replace, drop, tone_placement}") from None


def read_file(path: Path) -> dict:
    if not path.exists():
        raise PatternError(f"{path}: pattern file not found")
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise PatternError(f"{path.name}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PatternError(f"{path.name}: the top level must be a mapping of sections")
    unknown = set(data) - _SECTIONS
    if unknown:
        raise PatternError(f"{path.name}: unknown section(s) {sorted(unknown)}; expected {sorted(_SECTIONS)}")
    return data
