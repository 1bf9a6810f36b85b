"""`chiso batch --engine dask --scheduler` against a real cluster: a `dask scheduler` and two
`dask worker` processes on 127.0.0.1. One worker is killed (SIGKILL) mid-run; its shard is
rerun on the other and the output is still complete, equal to the local engine's."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"
CHISO = [sys.executable, "-m", "extractor.interfaces.cli"]


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def _wait_for(predicate, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


@pytest.fixture
def cluster(tmp_path):
    file = tmp_path / "scheduler.json"
    procs = [_start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(file)], tmp_path / "scheduler.log")]
    try:
        address = _wait_for(lambda: file.exists() and json.loads(file.read_text() or "{}").get("address"),
                            60, "the scheduler")
        for n in range(2):
            procs.append(_start(["worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                 "--host", "127.0.0.1", "--name", f"w{n}"], tmp_path / f"worker{n}.log"))
        yield address, procs[1], procs[2]
    finally:
        for proc in reversed(procs):
            _stop(proc)


def test_a_killed_worker_loses_nothing(cluster, tmp_path):
    address, doomed, _survivor = cluster
    source = tmp_path / "articles"
    shutil.copytree(ARTICLES, source)
    local = tmp_path / "local.jsonl"
    subprocess.run([*CHISO, "batch", str(source), "-o", str(local), "--no-progress"], check=True,
                   capture_output=True)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([*CHISO, "batch", str(source), "-o", str(out), "--engine", "dask",
                            "--scheduler", address, "--partition-size", "1", "--no-progress"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    parts = tmp_path / "out.jsonl.parts"
    _wait_for(lambda: parts.is_dir() and any(parts.glob("part-*.jsonl")), 240, "a first part")
    os.killpg(doomed.pid, signal.SIGKILL)
    done_at_kill = len(list(parts.glob("part-*.jsonl")))
    total = len(list(ARTICLES.glob("*.txt")))
    assert run.poll() is None and done_at_kill < total, "the run ended before the worker was killed"
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err.decode()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == total
    assert lines == local.read_text(encoding="utf-8").splitlines()
    assert doomed.poll() is not None
