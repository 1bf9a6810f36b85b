import json

from click.testing import CliRunner

from extractor.interfaces.cli import main

TEXT = "Lực lượng dân quân đạt 20,29% (tăng 0,53% so với năm 2021)."


def test_extract_file(tmp_path, report_validator):
    path = tmp_path / "bai-1.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--pretty"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    report_validator.validate(data)
    assert data["id"] == "bai-1" and [f["text"] for f in data["figures"]] == ["20,29%", "tăng 0,53%"]


def test_extract_stdin_with_bad_bytes():
    raw = TEXT.encode("utf-8") + b"\xff\xfe"
    result = CliRunner().invoke(main, ["extract", "-"], input=raw)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["figures"]


def test_extract_missing_file_is_a_clear_error():
    result = CliRunner().invoke(main, ["extract", "/no/such/file.txt"])
    assert result.exit_code == 2 and "no such file" in result.output


def test_batch_goes_on_after_a_bad_line(tmp_path, report_validator):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "text": 5}),
        json.dumps({"id": "d", "text": "Có 5 xã đạt chuẩn."}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-progress"])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["a", "line-2", "c", "d"]
    assert lines[1]["errors"][0]["code"] == "E004" and lines[2]["errors"][0]["code"] == "E004"
    assert lines[3]["figures"][0]["value"] == 5
    for d in lines:
        report_validator.validate(d)
    assert result.exit_code == 1 and "4 articles; errors by code (articles): E004 ×2; 2 without a report" in result.output


def test_batch_folder_with_workers(tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for i in range(3):
        (folder / f"bai-{i}.txt").write_text(f"Có {i + 2} xã đạt chuẩn.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--jobs", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["figures"][0]["value"] for d in lines] == [2, 3, 4]


def test_schema_command():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output)["title"].startswith("chiso report")


def _write_jsonl(path, items):
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")


def test_batch_resume_skips_done_ids_and_drops_a_cut_line(tmp_path):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": str(i), "text": f"Có {i + 2} xã đạt chuẩn."} for i in range(4)])
    out = tmp_path / "out.jsonl"
    first = json.dumps({"id": "0", "figures": [], "errors": []})
    out.write_text(first + "\n" + '{"id": "1", "figu', encoding="utf-8")   # a run killed mid-line
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--resume", "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["0", "1", "2", "3"]
    assert "1 already done (resumed)" in result.output


def test_batch_reports_duplicate_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": "a", "text": "Có 5 xã."}, {"id": "a", "text": "Có 6 xã."}])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-progress"])
    assert "1 duplicate id (a)" in result.output   # one: singular (issue 17)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_batch_interrupted_leaves_a_valid_file(tmp_path, monkeypatch):
    from extractor.interfaces import batch as batch_module

    calls = {"n": 0}
    real = batch_module.process

    def flaky(item):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(item)

    monkeypatch.setattr(batch_module, "process", flaky)
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": str(i), "text": "Có 5 xã."} for i in range(5)])
    out = tmp_path / "out.jsonl"
    summary = batch_module.run_batch(src, out, jobs=1, progress=False)
    assert summary.interrupted and summary.articles == 2 and summary.exit_status == 130
    # No output from part of a run: the finished articles wait in the .partial for --resume.
    assert not out.exists()
    partial = batch_module.partial_path(out)
    assert [json.loads(line)["id"] for line in partial.read_text(encoding="utf-8").splitlines()] == ["0", "1"]


def test_batch_folder_reads_html_and_legacy_files(tmp_path):
    from extractor.text.inputs import to_legacy

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text("<p>Có 5 xã đạt 95%</p>", encoding="utf-8")
    (folder / "b.txt").write_bytes(to_legacy("Lực lượng dân quân đạt 20,29% dân số.", "tcvn3").encode("cp1252"))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    a, b = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert a["offsets"] == "extracted" and [f["value"] for f in a["figures"]] == [5, 95]
    assert b["offsets"] == "converted" and b["figures"][0]["value"] == 20.29
