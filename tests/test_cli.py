import json

from click.testing import CliRunner

from extractor.cli import main

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
    assert result.exit_code == 1 and "4 articles, 2 with errors" in result.output


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
