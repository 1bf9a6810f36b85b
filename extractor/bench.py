"""`make bench`: the whole pipeline against underthesea.word_tokenize, on the same texts,
in the same process, one after the other; each side is run `repeat` times and its best
time kept. Reported: articles/s, chars/s, peak memory (tracemalloc, Python allocations
during the timed run) and the ratio pipeline/tokenizer (above 1.0: the pipeline is faster)."""
from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from .errors import InputError

DEFAULT_INPUT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bench" / "baomoi-2017.jsonl"


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


def _time(fn: Callable[[str], object], texts: list[str], repeat: int,
          reset: Callable[[], None]) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeat):
        reset()                          # no run may profit from a cache an earlier run filled
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    reset()
    tracemalloc.start()
    for t in texts:
        fn(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak


def run_bench(source: Path | None, limit: int, repeat: int) -> str:
    from underthesea import word_tokenize

    from .pipeline import extract, nlp
    from .wordseg import clear_cache, warm

    texts = load_texts(source, limit)
    chars = sum(len(t) for t in texts)
    nlp()
    warm()                               # load both sides (models included) before timing
    word_tokenize("khởi động")
    extract(texts[0])
    rows = []
    results = {}
    sides = (("chiso pipeline", extract, clear_cache), ("underthesea.word_tokenize", word_tokenize, lambda: None))
    for name, fn, reset in sides:
        seconds, peak = _time(fn, texts, repeat, reset)
        results[name] = seconds
        rows.append(f"{name:<28} {len(texts) / seconds:>9.1f} articles/s {chars / seconds:>12,.0f} chars/s "
                    f"{peak / 2**20:>8.1f} MiB peak")
    ratio = results["underthesea.word_tokenize"] / results["chiso pipeline"]
    rows.append(f"ratio (pipeline speed / word_tokenize speed): {ratio:.2f}  "
                f"[{len(texts)} articles, {chars:,} chars, best of {repeat}]")
    return "\n".join(rows)
