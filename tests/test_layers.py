"""The layers hold: `lint-imports` keeps the contracts of .importlinter on the tree as it
is, and breaks on a deliberate upward import (so the check can fail); no module has
outgrown one job (400 lines)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    if not LINT.exists():
        pytest.fail(f"{LINT} is missing: install the test extras (pip install -e '.[test]')")
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(cwd / ".importlinter")], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "extractor", tmp_path / "extractor",
                    ignore=shutil.ignore_patterns("__pycache__", "*.yaml", "*.json", "*.js", "*.css", "*.html"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_the_tree_keeps_its_contracts(tmp_path):
    done = _lint(_copy(tmp_path))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "broken" in done.stdout and "0 broken" in done.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("report/upward.py", "from ..interfaces import messages\n", "The data flows one way"),
    ("records/upward.py", "from ..checks import rules\n", "The data flows one way"),
    ("interfaces/tools.py", "from ..quality import bench\n", "The team's tools stay apart"),
])
def test_an_upward_import_breaks_a_contract(tmp_path, module, line, contract):
    root = _copy(tmp_path)
    (root / "extractor" / module).write_text('"""A deliberate mistake."""\n' + line, encoding="utf-8")
    done = _lint(root)
    assert done.returncode != 0
    assert contract in done.stdout and "BROKEN" in done.stdout, done.stdout[-3000:]


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "extractor").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


def test_every_layer_says_its_job():
    """Each subpackage's __init__ has a docstring (what it is for, what it takes and gives)."""
    import ast

    silent = []
    for init in sorted((ROOT / "extractor").rglob("__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        if not doc or len(doc) < 60:
            silent.append(str(init.relative_to(ROOT)))
    assert not silent, silent
