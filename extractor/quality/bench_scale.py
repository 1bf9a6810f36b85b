"""`make bench-scale`: the same articles through `chiso batch` with the local engine (1 and
2 jobs) and with Dask (a LocalCluster of 1 and 2 workers), in one run, each configuration
in a fresh process so that its peak memory is its own. Reported: articles/s, the scaling
of each engine (2-way throughput / twice the 1-way), Dask against the local engine at the
same width, the peak memory of each worker process, and whether the four outputs are the
same after sorting by id. Every run includes starting and warming its workers; each
configuration is run `repeat` times (taking turns) and its best time kept."""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The engines take turns at each width, so that a change in the machine's load falls on both.
CONFIGS = (("local", 1), ("dask", 1), ("local", 2), ("dask", 2))


def one(engine: str, width: int, source: Path, out: Path) -> dict:
    """One configuration, in this process: seconds, articles, peak memory per worker."""
    start = time.perf_counter()
    if engine == "local":
        from ..interfaces.batch import run_batch

        summary = run_batch(source, out, jobs=width, progress=False)
        who = resource.RUSAGE_SELF if width == 1 else resource.RUSAGE_CHILDREN
        peaks = [resource.getrusage(who).ru_maxrss * 1024]      # the largest worker's
    else:
        from ..interfaces.cluster.engine import run_dask

        found: dict[str, int] = {}
        summary = run_dask(source, out, jobs=width, progress=False, peaks=found)
        peaks = sorted(found.values())
    return {"engine": engine, "width": width, "seconds": time.perf_counter() - start,
            "articles": summary.articles, "peaks": peaks}


def _sorted_lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines(), key=lambda line: json.loads(line)["id"])


def run(inputs: list[Path], repeat: int = 2) -> str:
    with tempfile.TemporaryDirectory(prefix="chiso-bench-scale-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("wb") as fh:
            for path in inputs:
                fh.write(path.read_bytes().rstrip(b"\n") + b"\n")
        best: dict[tuple, dict] = {}
        outputs = []
        for turn in range(repeat):
            for engine, width in CONFIGS:
                out = Path(tmp) / f"{engine}-{width}.jsonl"
                done = subprocess.run([sys.executable, "-m", "extractor.quality.bench_scale", "--one", engine,
                                       str(width), str(source), str(out)], check=True, capture_output=True, text=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                if (engine, width) not in best or result["seconds"] < best[(engine, width)]["seconds"]:
                    best[(engine, width)] = result
                if turn == 0:
                    outputs.append(_sorted_lines(out))
        same = all(o == outputs[0] for o in outputs[1:])
    return report([best[c] for c in CONFIGS], same, inputs, repeat)


def report(results: list[dict], same: bool, inputs: list[Path], repeat: int) -> str:
    rate = {(r["engine"], r["width"]): r["articles"] / r["seconds"] for r in results}
    lines = [f"bench-scale: {results[0]['articles']:,} articles ({', '.join(p.name for p in inputs)}), best of {repeat}"]
    for r in results:
        peaks = ", ".join(f"{p / 2**20:.0f} MB" for p in r["peaks"])
        lines.append(f"  {r['engine']:5} × {r['width']}: {r['seconds']:6.1f} s  "
                     f"{rate[(r['engine'], r['width'])]:6.1f} articles/s  peak memory per worker: {peaks}")
    for engine in ("local", "dask"):
        lines.append(f"  {engine} scaling, 2 vs twice 1: {rate[(engine, 2)] / (2 * rate[(engine, 1)]):.2f} (target ≥ 0.80)")
    lines.append(f"  dask × 2 / local × 2: {rate[('dask', 2)] / rate[('local', 2)]:.2f} (target ≥ 0.90)")
    lines.append(f"  outputs equal after sorting by id: {'yes' if same else 'NO'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WIDTH", "SOURCE", "OUT"))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("inputs", nargs="*", type=Path)
    args = parser.parse_args()
    if args.one:
        engine, width, source, out = args.one
        print(json.dumps(one(engine, int(width), Path(source), Path(out))))
        return
    missing = [p for p in args.inputs if not p.exists()]
    if missing or not args.inputs:
        sys.exit(f"bench-scale: no input {', '.join(map(str, missing))} (the bench files live in ../shared)")
    print(run(args.inputs, args.repeat))


if __name__ == "__main__":
    main()
