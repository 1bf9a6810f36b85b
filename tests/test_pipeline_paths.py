"""extract() runs the steps on the Article alone; run_doc() runs the same steps as spaCy
components on a Doc. Both must give the same report, and the Doc must carry what the
components promise (sentence starts, span groups)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import run, run_doc
from extractor.pipeline.build import build_report

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES[:8], ids=lambda p: p.stem)
def test_article_path_and_doc_path_give_one_report(path):
    text = path.read_text(encoding="utf-8")
    alone = build_report(run(text), path.stem).model_dump_json()
    on_doc = build_report(run_doc(text)._.chiso_state, path.stem).model_dump_json()
    assert alone == on_doc


def test_doc_carries_sentences_and_span_groups():
    text = ARTICLES[0].read_text(encoding="utf-8")
    doc = run_doc(text)
    art = doc._.chiso_state
    assert len(list(doc.sents)) >= 2
    assert doc.spans["figures"], "the figures span group is empty"
    figure_starts = {s.start_char for s in doc.spans["figures"]}
    assert figure_starts <= {f.start for f in art.figures} | {t.idx for t in doc}


def test_empty_text_is_recorded_on_both_paths():
    assert build_report(run("   "), None).errors[0].code == "E001"
    assert build_report(run_doc("   ")._.chiso_state, None).errors[0].code == "E001"
