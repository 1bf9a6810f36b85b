"""`make bench`: the whole pipeline against underthesea.word_tokenize, on the same texts,
in the same process, taking turns; each side is run `repeat` times and its best time
kept. Reported: articles/s, chars/s, peak memory (tracemalloc, Python allocations
during the timed run) and the ratio pipeline/tokenizer (above 1.0: the pipeline is faster)."""
from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from ..report.errors import InputError

DEFAULT_INPUT = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bench" / "baomoi-2017.jsonl"


def load_texts(source: Path | None, limit: int) -> list[str]:
    path = source or DEFAULT_INPUT
    if not path.exists():
        raise InputError(f"{path}: no benchmark input (pass --input FILE.jsonl)")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def _once(fn: Callable[[str], object], texts: list[str], reset: Callable[[], None]) -> float:
    reset()                              # no run may profit from a cache an earlier run filled
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - start


def _peak(fn: Callable[[str], object], texts: list[str], reset: Callable[[], None]) -> int:
    reset()
    tracemalloc.start()
    for t in texts:
        fn(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run_bench(source: Path | None, limit: int, repeat: int) -> str:
    from underthesea import word_tokenize

    from ..pipeline import extract, warm
    from ..text.wordseg import clear_cache

    texts = load_texts(source, limit)
    chars = sum(len(t) for t in texts)
    warm()                               # load both sides (models included) before timing
    word_tokenize(texts[0])
    extract(texts[0])
    rows = []
    results = {}
    sides = (("chiso pipeline", extract, clear_cache), ("underthesea.word_tokenize", word_tokenize, lambda: None))
    # The sides take turns, run by run, so that a change in the machine's load falls on both.
    best = {name: float("inf") for name, _, _ in sides}
    for _ in range(repeat):
        for name, fn, reset in sides:
            best[name] = min(best[name], _once(fn, texts, reset))
    for name, fn, reset in sides:
        seconds, peak = best[name], _peak(fn, texts, reset)
        results[name] = seconds
        rows.append(f"{name:<28} {len(texts) / seconds:>9.1f} articles/s {chars / seconds:>12,.0f} chars/s "
                    f"{peak / 2**20:>8.1f} MiB peak")
    ratio = results["underthesea.word_tokenize"] / results["chiso pipeline"]
    rows.append(f"ratio (pipeline speed / word_tokenize speed): {ratio:.2f}  "
                f"[{len(texts)} articles, {chars:,} chars, best of {repeat}]")
    return "\n".join(rows)
