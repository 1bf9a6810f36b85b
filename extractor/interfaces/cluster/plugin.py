"""The worker plugin that warms a Dask worker up once, before its first task: the rules
compiled, spaCy and the word segmenter loaded (the first article does not pay for them)."""
from __future__ import annotations

from distributed import WorkerPlugin


class WarmUp(WorkerPlugin):
    name = "chiso-warm-up"

    def setup(self, worker) -> None:
        from ...pipeline import warm

        warm()
