"""`make bench-server`: a bounded load on `chiso serve`, on loopback only, measured and
printed, never asserted. It starts the server with N workers on a free port of
127.0.0.1, sends REQUESTS POST /v1/extract of real bench articles from CONCURRENCY
clients at once (after a warm-up of a few requests, so that every worker has loaded
the pipeline), then stops the server. Printed: throughput, latency p50/p95/p99, errors
by status, and the peak resident memory of the server and its workers together (sampled
every 50 ms)."""
from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from .bench import DEFAULT_INPUT, load_texts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    chiso = Path(sys.executable).with_name("chiso")
    command = [str(chiso), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
               "--log-level", "warning"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def wait_ready(base: str, server: subprocess.Popen, seconds: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit("the server did not answer /v1/health in time")


class PeakMemory(threading.Thread):
    """The largest sum of RSS over the server process and its children."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self._stop_event = pid, 0, threading.Event()

    def run(self) -> None:
        import psutil

        root = psutil.Process(self.pid)
        while not self._stop_event.wait(0.05):
            try:
                procs = [root] + root.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


async def load(base: str, texts: list[str], requests: int, concurrency: int):
    import httpx

    latencies: list[float] = []
    statuses: Counter = Counter()
    queue: asyncio.Queue = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)

    async def client(http: httpx.AsyncClient) -> None:
        while True:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            began = time.perf_counter()
            try:
                response = await http.post("/v1/extract", json={"text": texts[i % len(texts)], "id": str(i)})
                statuses[response.status_code] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - began)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, statuses, elapsed


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=500, help="distinct articles, cycled")
    args = parser.parse_args(argv)
    texts = load_texts(args.input, args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, args.workers)
    memory = PeakMemory(server.pid)
    try:
        wait_ready(base, server)
        # Each worker loads the pipeline before its first article: not part of the load.
        asyncio.run(load(base, texts, 4 * args.workers, 2 * args.workers))
        memory.start()
        latencies, statuses, elapsed = asyncio.run(load(base, texts, args.requests, args.concurrency))
    finally:
        memory.stop() if memory.is_alive() else None
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    ok = statuses.get(200, 0)
    chars = sum(len(texts[i % len(texts)]) for i in range(args.requests))
    errors = {str(k): v for k, v in statuses.items() if k != 200}
    print(f"chiso serve --workers {args.workers}: {args.requests} POST /v1/extract of {len(texts)} bench articles "
          f"(cycled, {chars / args.requests:.0f} chars on average), {args.concurrency} concurrent, loopback")
    print(f"throughput: {args.requests / elapsed:.1f} requests/s ({chars / elapsed / 1000:.0f} k chars/s) "
          f"over {elapsed:.1f} s; {ok} ok, errors: {errors or 'none'}")
    print("latency: p50 {:.0f} ms, p95 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms".format(
        *(1000 * percentile(latencies, q) for q in (50, 95, 99)), 1000 * max(latencies)))
    print(f"peak memory (server and workers, RSS): {memory.peak / 2**20:.0f} MB")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
