"""The command line's manners, as a new user met them (issue 17): a closed pipe ends
quietly, a port in use is one human line, --problems means the ✗ and --unverified the ?,
sentences are counted as the JSON counts them, and counts are grammatical."""
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from extractor.interfaces.cli import main

ROOT = Path(__file__).resolve().parent.parent
T02 = ROOT / "corpus" / "articles" / "t02-ngan-sach-tinh-quy-3.txt"   # ✓ c1, ? c2, ✗ c3
T11 = ROOT / "corpus" / "articles" / "t11-kinh-te-xuat-khau.txt"      # one check
CHISO = [sys.executable, "-m", "extractor.interfaces.cli"]


def _invoke(*args):
    return CliRunner().invoke(main, list(args))


def _marks(output: str) -> list[str]:
    return [line[0] for line in output.splitlines() if line[:1] in "✓✗?"]


# --- a closed pipe ----------------------------------------------------------------

def test_a_reader_that_closes_the_pipe_ends_the_batch_quietly(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": "Có 47/52 xã (chiếm 90,38%) đạt chuẩn. " * 40})
                           + "\n" for i in range(200)), encoding="utf-8")
    proc = subprocess.Popen(CHISO + ["batch", str(src), "-o", "-", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()        # `| head -1`: one line, then the reader is gone
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", errors="replace")
    proc.wait(timeout=120)
    assert json.loads(first)["id"] == "a0"
    assert err == "", err                 # no "Error: -: Broken pipe", no traceback
    assert proc.returncode == 141         # as a Unix tool ended by SIGPIPE


def test_extract_into_a_closed_pipe_is_quiet_too(tmp_path):
    files = [str(T02)] * 30
    proc = subprocess.Popen(CHISO + ["extract", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", errors="replace")
    proc.wait(timeout=120)
    assert err == "" and proc.returncode == 141, err


# --- chiso serve --------------------------------------------------------------------

def test_serve_on_a_port_in_use_is_one_human_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(CHISO + ["serve", "--port", str(port), "--workers", "1"],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr               # no JSON log lines, no "startup complete"
    m = re.fullmatch(rf"Error: port {port} is in use; try --port (\d+)", lines[0])
    assert m and int(m.group(1)) > port


def test_serve_says_where_the_page_and_the_docs_are():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(CHISO + ["serve", "--port", str(port), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    assert first.strip() == (f"chiso serve: the page at http://127.0.0.1:{port}/ and the API at "
                             f"http://127.0.0.1:{port}/docs (Ctrl-C stops)")


# --- chiso check: what is shown, how it is counted ---------------------------------

def test_problems_are_the_inconsistent_checks_only():
    result = _invoke("--no-color", "check", str(T02), "--problems")
    assert _marks(result.output) == ["✗"], result.output
    assert "3 claims: 1 consistent, 1 inconsistent, 1 unverifiable; shown: the inconsistent ones" in result.output


def test_unverified_are_the_unverifiable_checks_and_both_flags_give_both():
    assert _marks(_invoke("--no-color", "check", str(T02), "--unverified").output) == ["?"]
    both = _invoke("--no-color", "check", str(T02), "--problems", "--unverified").output
    assert sorted(_marks(both)) == ["?", "✗"]
    assert sorted(_marks(_invoke("--no-color", "check", str(T02)).output)) == ["?", "✓", "✗"]
    refused = _invoke("check", str(T02), "--all", "--problems")
    assert refused.exit_code == 2 and "--all" in refused.output


def test_the_sentence_a_person_reads_is_the_one_the_json_gives():
    report = json.loads(_invoke("extract", str(T02)).output)
    wrong = next(c for c in report["checks"] if c["status"] == "inconsistent")
    text = _invoke("--no-color", "check", str(T02), "--problems").output
    assert f"sentence {wrong['sentence']} (counted from 0, as in the JSON)" in text
    vi = _invoke("--no-color", "check", str(T02), "--problems", "--vi").output
    assert f"câu {wrong['sentence']} (đếm từ 0, như trong JSON)" in vi


def test_one_claim_is_a_claim():
    result = _invoke("--no-color", "check", str(T11))
    assert "1 claim: 1 consistent, 0 inconsistent, 0 unverifiable" in result.output, result.output
    assert "1 claims" not in result.output


def test_one_article_is_an_article(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Có 5 xã."}) + "\n", encoding="utf-8")
    result = _invoke("batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--no-progress")
    assert result.output.startswith("1 article; "), result.output
    vi = _invoke("batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--no-progress", "--vi")
    assert vi.output.startswith("1 bài; "), vi.output
