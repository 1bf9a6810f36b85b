"""The Dask engine's partitions: every article of the input in exactly one shard, read by
the worker as the local engine reads it (same ids, same line numbers, same problems)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor.interfaces.batch_input import read_items
from extractor.interfaces.cluster.shards import fingerprint, plan, read_shard
from extractor.report.errors import InputError

LINES = [
    json.dumps({"id": "a", "text": "Năm 2023 tăng 5%."}, ensure_ascii=False),
    "",
    json.dumps({"text": "Không có id."}, ensure_ascii=False),
    "{not json",
    json.dumps({"id": "b"}),
    "   ",
    json.dumps({"id": "c", "text": "Đạt 1.359/1.417 = 95,91%."}, ensure_ascii=False),
    json.dumps({"id": "d", "text": "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh.", "html": False}, ensure_ascii=False),
]


def items(it):
    return [(i.id, i.text, i.problem, i.raw, i.html) for i in it]


def every_shard(shards):
    return [item for s in shards for item in items(read_shard(s))]


@pytest.fixture
def jsonl(tmp_path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_jsonl_shards_hold_every_line_once_as_the_local_engine_reads_it(jsonl, size):
    shards = plan(jsonl, size)
    assert every_shard(shards) == items(read_items(jsonl))
    assert sum(s.articles for s in shards) == 6
    assert all(0 < s.articles <= size for s in shards)
    assert [s.index for s in shards] == list(range(len(shards)))


def test_a_last_line_without_newline_is_read(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(LINES), encoding="utf-8")
    assert every_shard(plan(path, 4)) == items(read_items(path))


@pytest.mark.parametrize("size", [1, 4, 100])
def test_gzip_shards_are_line_ranges_with_the_same_line_numbers(tmp_path, jsonl, size):
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    shards = plan(gz, size)
    assert {s.kind for s in shards} == {"gzip"}
    assert every_shard(shards) == items(read_items(jsonl))


def test_a_glob_of_shards_names_idless_lines_after_their_file(tmp_path):
    (tmp_path / "p1.jsonl").write_text("\n".join(LINES[:3]) + "\n", encoding="utf-8")
    (tmp_path / "p2.jsonl.gz").write_bytes(gzip.compress(("\n".join(LINES[3:]) + "\n").encode()))
    ids = [i[0] for i in every_shard(plan(str(tmp_path / "p*"), 2))]
    assert ids == ["a", "p1/line-3", "p2/line-1", "b", "c", "d"]


def test_a_single_file_is_not_prefixed(jsonl):
    assert [i[0] for i in every_shard(plan(jsonl, 2))][1] == "line-3"


def test_folder_shards_have_the_folder_ids(tmp_path):
    (tmp_path / "2017").mkdir()
    for name in ("x.txt", "2017/y.html", "2017/z.txt", "notes.md", ".hidden.txt"):
        (tmp_path / name).write_text("Tăng 5%.", encoding="utf-8")
    passed: list[str] = []
    shards = plan(tmp_path, 2, passed)
    assert every_shard(shards) == items(read_items(tmp_path))
    assert [i[0] for i in every_shard(shards)] == ["2017/y", "2017/z", "x"]
    assert passed == ["notes.md"]


def test_one_article_file_is_one_shard(tmp_path):
    path = tmp_path / "bai-viet.txt"
    path.write_text("Doanh thu tăng 5%.", encoding="utf-8")
    assert every_shard(plan(path, 10)) == items(read_items(path))


def test_bad_sources_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        plan(tmp_path / "missing.jsonl", 10)
    with pytest.raises(InputError, match="no file matches"):
        plan(str(tmp_path / "*.jsonl"), 10)
    with pytest.raises(InputError, match="at least 1"):
        plan(tmp_path, 0)
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="gzip"):
        plan(bad, 10)


def test_the_fingerprint_changes_with_the_input(jsonl):
    before = fingerprint(jsonl, plan(jsonl, 2))
    assert before == fingerprint(jsonl, plan(jsonl, 2))
    assert before != fingerprint(jsonl, plan(jsonl, 3))
    with jsonl.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "e", "text": "Thêm."}) + "\n")
    assert before != fingerprint(jsonl, plan(jsonl, 2))
