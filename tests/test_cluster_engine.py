"""The batch on Dask: a LocalCluster of 2 workers inside pytest. Its output equals the
local engine's; its Parquet tables hold what the JSON holds; a stopped run keeps its parts
and --resume runs only the rest; a shard whose worker dies is rerun one article a task, so
an article that kills every worker gets an E004 line and the others their reports."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from extractor.interfaces.batch import run_batch  # noqa: E402
from extractor.interfaces.cluster import engine, tasks  # noqa: E402
from extractor.interfaces.cluster.engine import run_dask  # noqa: E402
from extractor.report.errors import InputError  # noqa: E402

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"
POISON = "poison"


@pytest.fixture(scope="module")
def scheduler():
    import dask

    # One worker death is enough to give a shard up as poisonous (the default is 3). Every
    # task goes to a worker at once (no queue on the scheduler), so a worker that dies holds
    # queued tasks besides the one that killed it, as on a busy real cluster.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                          "distributed.scheduler.worker-saturation": float("inf")}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=40) as cluster:
            yield cluster.scheduler_address


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The project's articles as JSON lines, with the lines a batch must survive."""
    path = tmp_path_factory.mktemp("in") / "articles.jsonl"
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
             for p in sorted(ARTICLES.glob("*.txt"))[:12]]
    lines[3:3] = ["{not json", json.dumps({"id": "no-text"}), json.dumps({"text": "Tăng 5%."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_lines(source, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("local") / "out.jsonl"
    run_batch(source, out, progress=False)
    return out.read_text(encoding="utf-8").splitlines()


def by_id(lines):
    return sorted(lines, key=lambda line: json.loads(line)["id"])


def test_output_equals_the_local_engines(scheduler, source, local_lines, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_dask(source, out, scheduler=scheduler, partition_size=4, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert by_id(lines) == by_id(local_lines)
    assert lines == local_lines                      # and in input order, too
    assert summary.articles == len(local_lines) and summary.failed == 2
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_a_folder_of_parts_and_parquet_tables(scheduler, source, local_lines, tmp_path):
    out, tables = tmp_path / "parts", tmp_path / "tables"
    run_dask(source, out, folder=True, scheduler=scheduler, partition_size=5, parquet=tables, progress=False)
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 3 and sorted(p.name for p in out.iterdir()) == [p.name for p in parts]
    lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines == local_lines
    reports = [json.loads(line) for line in lines]
    figures = pq.read_table(tables / "figures")
    assert figures.num_rows == sum(len(r["figures"]) for r in reports) > 0
    assert pq.read_table(tables / "checks").num_rows == sum(len(r["checks"]) for r in reports)
    assert pq.read_table(tables / "officials").num_rows == sum(len(r["officials"]) for r in reports)
    assert pq.read_table(tables / "documents").num_rows == sum(len(r["documents"]) for r in reports)
    assert str(figures.schema.field("start").type) == "int64"
    assert str(figures.schema.field("value").type) == "string"     # the exact digits, never a float
    first = reports[0]["figures"][0]
    row = figures.slice(0, 1).to_pylist()[0]
    assert (row["article"], row["id"], row["start"], row["value"]) == \
        (reports[0]["id"], first["id"], first["start"], str(first["value"]))
    # a second run replaces both, whole
    run_dask(source, out, folder=True, scheduler=scheduler, partition_size=5, parquet=tables, progress=False)
    assert len(list(out.glob("part-*.jsonl"))) == 3
    assert pq.read_table(tables / "figures").num_rows == figures.num_rows


def test_a_stopped_run_keeps_its_parts_and_resume_runs_the_rest(scheduler, source, local_lines, tmp_path,
                                                                 monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("the old output\n", encoding="utf-8")
    real = engine._parts

    def stopped_after_two(*args, **kwargs):
        for n, part in enumerate(real(*args, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield part

    monkeypatch.setattr(engine, "_parts", stopped_after_two)
    summary = run_dask(source, out, scheduler=scheduler, partition_size=3, progress=False)
    assert summary.interrupted and out.read_text(encoding="utf-8") == "the old output\n"
    assert "out.jsonl.parts" in summary.line()
    kept = sorted((tmp_path / "out.jsonl.parts").glob("part-*.jsonl"))
    assert len(kept) == 2

    ran: list[int] = []

    def counting(client, shards, *args):
        ran.extend(s.index for s in shards)
        yield from real(client, shards, *args)

    monkeypatch.setattr(engine, "_parts", counting)
    summary = run_dask(source, out, scheduler=scheduler, partition_size=3, resume=True, progress=False)
    assert len(ran) == 5 - 2 and not {int(p.name[5:10]) for p in kept} & set(ran)
    assert summary.skipped == summary.kept > 0
    assert out.read_text(encoding="utf-8").splitlines() == local_lines


def test_resume_refuses_a_plan_made_from_other_input(scheduler, source, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(engine, "_parts", lambda *a, **k: iter([_raise(KeyboardInterrupt)]))
    run_dask(source, out, scheduler=scheduler, partition_size=3, progress=False)
    with pytest.raises(InputError, match="other input"):
        run_dask(source, out, scheduler=scheduler, partition_size=4, resume=True, progress=False)


def _raise(exc):
    raise exc


def test_outputs_that_would_lose_data_are_refused(source, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("a user's file", encoding="utf-8")
    with pytest.raises(InputError, match="did not write"):
        run_dask(source, mine, folder=True, progress=False)
    with pytest.raises(InputError, match="is a folder"):
        run_dask(source, mine, progress=False)
    with pytest.raises(InputError, match="overwrite the input"):
        run_dask(source, source, progress=False)
    assert (mine / "notes.txt").exists()


def dies_on_poison(shard, tables=False):
    """A shard task whose worker process dies when its shard holds the poison article."""
    if any(item.id == POISON for item in tasks.read_shard(shard)):
        os._exit(1)
    return tasks.run_shard(shard, tables)


def dies_on_the_poison_article(shard, k, tables=False):
    if tasks.item_id(shard, k) == POISON:
        time.sleep(0.5)  # long enough for the neighbours to be queued on this worker
        os._exit(1)
    return tasks.run_one(shard, k, tables)


def test_an_article_that_kills_its_worker_costs_only_its_own_line(scheduler, tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    # Six articles on two workers: the poison's worker holds queued neighbours when it dies,
    # and they must still get their reports.
    texts = [("a", "Doanh thu tăng 5%."), (POISON, "Tăng 10%."), ("c", "Giảm 2 người."),
             ("d", "Tăng 3 vụ."), ("e", "Chiếm 40%."), ("f", "Giảm 1%.")]
    source.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in texts),
                      encoding="utf-8")
    monkeypatch.setattr(tasks, "run_shard", dies_on_poison)
    monkeypatch.setattr(tasks, "run_one", dies_on_the_poison_article)
    out = tmp_path / "out.jsonl"
    summary = run_dask(source, out, scheduler=scheduler, partition_size=6, progress=False)
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in reports] == [aid for aid, _ in texts]
    assert [e["code"] for e in reports[1]["errors"]] == ["E004"]
    assert "worker failed on this article" in reports[1]["errors"][0]["message"]
    assert all(r["figures"] and not r["errors"] for r in reports if r["id"] != POISON)
    assert summary.failed == 1


def test_the_local_cluster_s_workers_are_warm_and_unprofiled():
    """The LocalCluster turns off the workers' stack sampler (a fifth of the CPU on this
    workload) and every worker has the warm-up plugin."""
    import dask

    client, cluster = engine.connect(1, None, None)
    try:
        assert set(client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == {False}
        assert all("chiso-warm-up" in names for names in
                   client.run(lambda dask_worker: list(dask_worker.plugins)).values())
    finally:
        client.close()
        cluster.close()
