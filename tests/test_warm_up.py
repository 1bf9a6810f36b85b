"""The warm-up text (patterns/vi/pipeline.yaml) must reach every stage of the pipeline:
a worker extracts it before its first article, and whatever it does not reach would be
loaded inside that article's time limit."""
import json
import subprocess
import sys

from extractor.patterns import load_patterns
from extractor.pipeline import extract


def test_the_warm_up_text_reaches_every_stage():
    report = json.loads(extract(load_patterns().table("warm_up")).to_json())
    kinds = {f["kind"] for f in report["figures"]}
    assert {"ratio", "change", "money"} <= kinds
    assert any(o["rank"] and o["titles"] for o in report["officials"])
    assert any(not o["rank"] and o["honorific"] for o in report["officials"])
    assert report["documents"] and report["documents"][0]["number"]
    assert {d["year_inferred"] for d in report["dates"]} == {True, False}
    assert {c["status"] for c in report["checks"]} >= {"consistent", "unverifiable"}
    assert report["errors"] == []


# The probe: regex keeps every pattern it compiles in its cache (regex._main._cache), so a
# key that appears while an article is extracted is a pattern compiled for that article.
_PROBE = (
    "import regex._main as m\n"
    "from extractor.pipeline import extract, nlp, warm\n"
    "{setup}\n"
    "before = set(m._cache)\n"
    "extract('Ông Trần Văn Bình, Giám đốc Sở Y tế, nói: đạt 5%, tăng 2 điểm so với năm 2020.')\n"
    "print(len(set(m._cache) - before))\n"
)


def _compiled_by_first_article(setup: str) -> int:
    code = _PROBE.format(setup=setup)
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def test_after_the_warm_up_the_first_article_compiles_no_pattern():
    """The engine's regexes are built lazily (officials' take ~0.6 s); before the warm-up
    text reached them, a server worker paid for them inside its first time limit."""
    assert _compiled_by_first_article("warm()") == 0


def test_without_the_warm_up_the_probe_sees_the_compiles():
    """The same probe after loading spaCy alone counts them, so the test above can fail."""
    assert _compiled_by_first_article("nlp()") > 10
