"""`make fuzz MINUTES=N`: hypothesis-driven fuzzing of the whole pipeline for N minutes.

Inputs: arbitrary Unicode, arbitrary bytes (through the byte reader), and real
team-corpus sentences mutated with hostile pieces. Each input must give a report that
keeps the contract's promises (see check()); the first that does not is printed, and the
exit status is 1."""
from __future__ import annotations

import json
import sys
import time
import unicodedata
from pathlib import Path

import click


def check(report, text: str) -> None:
    data = report.to_dict()
    source = data.get("source_text", text)
    for section in ("figures", "documents", "dates"):
        for item in data[section]:
            assert source[item["start"]:item["end"]] == item["text"], (section, item)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def _pieces() -> list[str]:
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "articles"
    sentences = [s for p in sorted(corpus.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ")]
    return sentences or ["Có 5 xã đạt 95%."]


@click.command()
@click.option("--minutes", default=1.0, show_default=True, help="How long to fuzz.")
@click.option("--batch", default=200, show_default=True, help="Examples per hypothesis run.")
def main(minutes: float, batch: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ..pipeline import extract, extract_bytes

    sentences = _pieces()
    hostile = ["\u200b", "\ufeff", "\ufffd", "％", "１２", "1/1/1/", "%%%", "tăng tăng", "&nbsp;", "<p>", "\x00",
               "Thiếu tướng ", "NGUYỄN VĂN ", "1.359/1.417 = 95,91%", "(tăng 0,14% so với năm 2021)", "9" * 80]

    @st.composite
    def mutated(draw):
        text = draw(st.sampled_from(sentences))
        for _ in range(draw(st.integers(0, 6))):
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.sampled_from(hostile + [draw(st.text(max_size=5))])) + text[i:]
        return unicodedata.normalize("NFD", text) if draw(st.booleans()) else text

    count = {"n": 0}

    @settings(max_examples=batch, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.text(max_size=400), mutated()), st.binary(max_size=200), st.booleans())
    def one(text, raw, html):
        count["n"] += 1
        check(extract(text, html=html), text)
        report = extract_bytes(raw)
        check(report, report.source_text or raw.decode("utf-8", errors="replace"))

    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        one()
    click.echo(f"fuzz: {count['n']} inputs in {minutes} min, no broken promise")


if __name__ == "__main__":
    sys.exit(main())
