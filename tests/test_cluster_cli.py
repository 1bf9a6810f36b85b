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


def test_ctrl_c_keeps_the_parts_and_resume_finishes(tmp_path):
    """SIGINT mid-run: exit 130, the old output untouched, the finished parts kept; the same
    command with --resume runs the rest and the output equals the local engine's."""
    source = tmp_path / "articles"
    shutil.copytree(ARTICLES, source)
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    command = [*CHISO, "batch", str(source), "-o", str(out), "--engine", "dask", "--jobs", "1",
               "--partition-size", "1", "--no-progress"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    parts = tmp_path / "out.jsonl.parts"
    _wait_for(lambda: parts.is_dir() and len(list(parts.glob("part-*.jsonl"))) >= 2, 240, "two parts")
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err.decode()
    assert out.read_text(encoding="utf-8") == "old\n"
    assert "--resume" in err.decode() and "out.jsonl.parts" in err.decode()
    kept = len(list(parts.glob("part-*.jsonl")))
    total = len(list(ARTICLES.glob("*.txt")))
    assert 2 <= kept < total
    done = subprocess.run([*command, "--resume"], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert f"{kept} already done (resumed)" in done.stderr.decode()   # one article a part
    local = tmp_path / "local.jsonl"
    subprocess.run([*CHISO, "batch", str(source), "-o", str(local), "--no-progress"], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert not parts.exists()


def test_parquet_and_folder_output_from_the_command_line(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out, tables = tmp_path / "parts", tmp_path / "tables"
    done = subprocess.run([*CHISO, "batch", str(ARTICLES), "-o", f"{out}/", "--engine", "dask", "--jobs", "1",
                           "--partition-size", "8", "--parquet", str(tables), "--no-progress"],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    reports = [json.loads(line) for p in sorted(out.iterdir()) for line in p.read_text(encoding="utf-8").splitlines()]
    assert pq.read_table(tables / "figures").num_rows == sum(len(r["figures"]) for r in reports)
    refused = subprocess.run([*CHISO, "batch", str(ARTICLES), "-o", f"{out}/", "--parquet", str(tables)],
                             capture_output=True)
    assert refused.returncode == 2 and b"goes with --engine dask" in refused.stderr
