"""The hostile corpus writer is a real command line: --help explains it and writes nothing
(it once wrote its corpus to a file named "--help"), a path gets the corpus."""
import json
import subprocess
import sys


def _run(args, cwd):
    return subprocess.run([sys.executable, "-m", "extractor.quality.hostile", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_help_explains_and_writes_nothing(tmp_path):
    run = _run(["--help"], tmp_path)
    assert run.returncode == 0 and "PATH" in run.stdout
    assert list(tmp_path.iterdir()) == []


def test_no_argument_is_a_usage_error(tmp_path):
    run = _run([], tmp_path)
    assert run.returncode == 2 and "PATH" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_path_gets_the_corpus_as_json_lines(tmp_path):
    out = tmp_path / "hostile.jsonl"
    assert _run([str(out)], tmp_path).returncode == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids and len(ids) == len(set(ids))
