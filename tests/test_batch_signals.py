"""A stopped `chiso batch` loses nothing (issue 17): Ctrl-C at a terminal, `kill -INT` and
`kill -TERM` on a re-run over a complete output leave that output and its CSVs byte for
byte as they were, keep the finished articles in OUT.partial, and `--resume` then ends
with exactly what an uninterrupted run gives. Real processes and real signals: a
pseudo-terminal whose Ctrl-C reaches the whole process group (the workers of --jobs 2
too), and signals sent to the parent's pid."""
import fcntl
import json
import os
import pty
import signal
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")

CHISO = [sys.executable, "-m", "extractor.interfaces.cli"]
SENTENCE = ("Năm 2022, toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn nông thôn mới, tăng 3 xã so với năm 2021; "
            "tổng chi đạt 106.376 tỷ đồng, trong đó chi đầu tư 75.105 tỷ đồng. ")
ARTICLES = 48


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    """The input, and a complete run's output and CSVs (what every re-run must leave)."""
    folder = tmp_path_factory.mktemp("batch")
    src = folder / "in.jsonl"
    # Articles long enough (~0.1 s each) that a signal lands in the middle of the run.
    src.write_text("".join(json.dumps({"id": f"a{i:02d}", "text": f"Bài {i}. " + SENTENCE * 60}, ensure_ascii=False)
                           + "\n" for i in range(ARTICLES)), encoding="utf-8")
    out = folder / "out.jsonl"
    done = subprocess.run(CHISO + _args(src, out), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    files = {p.name: p.read_bytes() for p in _outputs(out)}
    assert files["out.jsonl"].count(b"\n") == ARTICLES
    return src, out, files


def _args(src: Path, out: Path, *more: str) -> list[str]:
    return ["batch", str(src), "-o", str(out), "--csv", str(out.with_name("f.csv")), "--jobs", "2", *more]


def _outputs(out: Path) -> list[Path]:
    return [out, out.with_name("f.csv"), out.with_name("f-checks.csv")]


def _partial(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def _lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def _wait_for_progress(out: Path, proc: subprocess.Popen, lines: int = 3) -> None:
    deadline = time.monotonic() + 300
    while _lines_in(_partial(out)) < lines:
        assert proc.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.05)


def _run_and_signal(src: Path, out: Path, how: str) -> tuple[int, str]:
    """Start the re-run, stop it once a few articles are written, return (status, stderr)."""
    if how == "terminal":
        master, slave = os.openpty()

        def own_terminal():  # the child leads a session whose controlling terminal is the pty
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        proc = subprocess.Popen(CHISO + _args(src, out), stdin=slave, stdout=slave, stderr=slave,
                                start_new_session=True, preexec_fn=own_terminal, close_fds=True)
        os.close(slave)
        seen = bytearray()

        def drain():   # a terminal that nobody reads would block the progress bar
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    return
                if not chunk:
                    return
                seen.extend(chunk)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        _wait_for_progress(out, proc)
        os.write(master, b"\x03")          # Ctrl-C: the terminal signals the foreground group
        status = proc.wait(timeout=120)
        reader.join(timeout=10)
        os.close(master)
        return status, seen.decode("utf-8", errors="replace")
    proc = subprocess.Popen(CHISO + _args(src, out, "--no-progress"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _wait_for_progress(out, proc)
    proc.send_signal(signal.SIGINT if how == "kill -INT" else signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


@pytest.mark.parametrize("how, status", [("terminal", 130), ("kill -INT", 130), ("kill -TERM", 143)])
def test_a_stopped_rerun_keeps_the_complete_output_and_resume_finishes_it(complete, tmp_path, how, status):
    src, first, files = complete
    out = tmp_path / "out.jsonl"
    for p in _outputs(first):
        (tmp_path / p.name).write_bytes(p.read_bytes())

    got, said = _run_and_signal(src, out, how)

    assert got == status, said
    assert "Traceback" not in said, said
    for p in _outputs(out):        # the complete output and its CSVs, byte for byte
        assert p.read_bytes() == files[p.name], f"{p.name} was changed by the stopped run"
    kept = _partial(out).read_text(encoding="utf-8").splitlines()
    assert 3 <= len(kept) < ARTICLES
    assert [json.loads(line)["id"] for line in kept] == [f"a{i:02d}" for i in range(len(kept))]
    assert "--resume" in said and str(_partial(out)) in said.replace("\r\n", "")

    resumed = subprocess.run(CHISO + _args(src, out, "--resume", "--no-progress"), capture_output=True,
                             text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(kept)} already done (resumed)" in resumed.stderr
    for p in _outputs(out):
        assert p.read_bytes() == files[p.name], f"{p.name} after --resume differs from an uninterrupted run"
    assert not _partial(out).exists()


def test_a_first_run_stopped_leaves_no_output_only_its_partial(tmp_path, complete):
    src, _, files = complete
    out = tmp_path / "new.jsonl"
    proc = subprocess.Popen(CHISO + ["batch", str(src), "-o", str(out), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_progress(out, proc, lines=1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and not out.exists(), err
    assert _lines_in(_partial(out)) >= 1 and "--resume" in err


def test_resume_cuts_a_stopped_partial_after_its_last_whole_line_in_place(tmp_path):
    from extractor.interfaces.batch import partial_path, run_batch

    src = tmp_path / "s.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Có {i + 2} xã."}) + "\n" for i in range(3)),
                   encoding="utf-8")
    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    first = json.dumps({"id": "a0", "figures": [], "errors": []})
    partial_path(out).write_text(first + "\n" + '{"id": "a1", "fig', encoding="utf-8")
    inode = partial_path(out).stat().st_ino
    summary = run_batch(src, out, progress=False, resume=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == first and [json.loads(x)["id"] for x in lines] == ["a0", "a1", "a2"]
    assert summary.kept == 1 and summary.interrupted is None
    assert out.stat().st_ino == inode      # the partial itself became the output: never rewritten
