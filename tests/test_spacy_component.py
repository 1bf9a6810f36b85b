"""The spaCy component: nlp.add_pipe("chiso") on spaCy's own Vietnamese pipelines (pyvi
words and whitespace tokens), found through the entry point, its report equal to
extract()'s, its spans on the user's tokens, and the report surviving n_process, DocBin
and pickle as a Report."""
from __future__ import annotations

import pickle
import subprocess
import sys
import unicodedata
import sysconfig
from importlib.metadata import distributions
from pathlib import Path

import pytest
import spacy
import srsly
from spacy import displacy
from spacy.tokens import Doc, DocBin

from extractor import Report, extract
from extractor.text.inputs import to_legacy
from extractor.interfaces.spacy_component import ChisoComponent, make_chiso

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"
BUDGET = (ARTICLES / "t02-ngan-sach-tinh-quy-3.txt").read_text(encoding="utf-8")
WHITESPACE = {"nlp": {"tokenizer": {"use_pyvi": False}}}


def records(report: Report) -> list[tuple[int, int, str, str]]:
    """What the component should place, written out again here (not imported), in its order."""
    out = [(f.start, f.end, "FIGURE_" + f.kind.upper(), f.id) for f in report.figures]
    out += [(m.start, m.end, "OFFICIAL", o.id) for o in report.officials for m in o.mentions]
    out += [(d.start, d.end, "DOCUMENT", d.id) for d in report.documents]
    out += [(d.start, d.end, "DATE", str(i)) for i, d in enumerate(report.dates)]
    return out


@pytest.fixture(scope="module")
def pyvi_nlp():
    nlp = spacy.blank("vi")
    assert nlp.tokenizer.use_pyvi
    nlp.add_pipe("chiso")
    return nlp


@pytest.fixture(scope="module")
def ws_nlp():
    nlp = spacy.blank("vi", config=WHITESPACE)
    assert not nlp.tokenizer.use_pyvi
    nlp.add_pipe("chiso")
    return nlp


@pytest.fixture(params=["pyvi", "whitespace"])
def nlp(request, pyvi_nlp, ws_nlp):
    return pyvi_nlp if request.param == "pyvi" else ws_nlp


def span_tuples(doc: Doc, key: str = "chiso") -> list[tuple]:
    return [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[key]]


# --- pyvi ---------------------------------------------------------------------------

def test_pyvi_loads_its_bundled_model_and_keeps_the_text(pyvi_nlp):
    import pyvi
    from pyvi import ViTokenizer
    # The model is read from the package folder at import: nothing is fetched.
    assert Path(pyvi.__file__).parent.joinpath("models", "pyvi3.pkl").is_file()
    assert ViTokenizer.ViTokenizer.model is not None
    doc = pyvi_nlp.make_doc(BUDGET)
    assert doc.text == BUDGET
    words = [t.text for t in doc]
    # pyvi joins syllables into words with the text's own space, never an underscore.
    assert "Lê Thị Thu Trang" in words and "ngân sách" in words
    assert not any("_" in w for w in words)


# --- the report and its spans ---------------------------------------------------------

def test_the_report_is_extracts(nlp):
    doc = nlp(BUDGET)
    expected = extract(BUDGET)
    assert isinstance(doc._.chiso, Report)
    assert doc._.chiso.to_dict() == expected.to_dict()
    assert doc._.chiso.to_json() == expected.to_json()
    assert doc._.chiso.text == BUDGET


def test_every_record_is_a_span_on_the_users_tokens(nlp):
    doc = nlp(BUDGET)
    report = doc._.chiso
    wanted = records(report)
    spans = list(doc.spans["chiso"])
    assert len(wanted) > 30 and len(spans) == len(wanted)
    assert doc.spans["chiso"].attrs == {"offsets": "input", "unmapped": 0}
    for span, (start, end, label, record_id) in zip(spans, wanted):
        assert (span.label_, span.id_) == (label, record_id)
        # The span is the smallest run of the doc's tokens that covers the record.
        assert span.start_char <= start < span[0].idx + len(span[0])
        assert span[-1].idx < end <= span.end_char
        assert BUDGET[start:end] in span.text


def test_every_mention_of_every_official_is_there(nlp):
    doc = nlp(BUDGET)
    officials = [s for s in doc.spans["chiso"] if s.label_ == "OFFICIAL"]
    mentions = [(o.id, m.start, m.end) for o in doc._.chiso.officials for m in o.mentions]
    assert len(mentions) >= 4
    assert len(officials) == len(mentions)
    for span, (record_id, start, end) in zip(officials, mentions):
        assert span.id_ == record_id and BUDGET[start:end] in span.text
    # With whitespace tokens the comma after the name is in its last token.
    assert officials[0].text in ("Bà Lê Thị Thu Trang", "Bà Lê Thị Thu Trang,")


def test_whitespace_tokens_map_a_figure_exactly_or_take_the_whole_token(ws_nlp, pyvi_nlp):
    doc = ws_nlp(BUDGET)
    by_text = {}
    for span in doc.spans["chiso"]:
        by_text.setdefault(span._.chiso_record.text if span.label_ != "OFFICIAL" else None, span.text)
    assert by_text["78,35%"] == "78,35%"                    # the title: " dự toán" follows
    assert by_text["12.450 tỷ đồng"] == "12.450 tỷ đồng,"   # the comma is in the last token
    # pyvi splits punctuation off, so the same figure maps exactly there.
    pyvi_doc = pyvi_nlp(BUDGET)
    pyvi_spans = {s.text for s in pyvi_doc.spans["chiso"]}
    assert "12.450 tỷ đồng" in pyvi_spans and "12.450 tỷ đồng," not in pyvi_spans


def test_strict_alignment_skips_what_does_not_fit_the_tokens():
    nlp = spacy.blank("vi", config=WHITESPACE)
    nlp.add_pipe("chiso", config={"alignment_mode": "strict"})
    doc = nlp(BUDGET)
    wanted = {(s, e, label, i) for s, e, label, i in records(doc._.chiso)}
    got = [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["chiso"]]
    unmapped = doc.spans["chiso"].attrs["unmapped"]
    assert 0 < unmapped < len(wanted)
    assert len(got) + unmapped == len(wanted) and set(got) <= wanted
    assert doc._.chiso.to_dict() == extract(BUDGET).to_dict()   # the report is whole all the same


def test_bad_alignment_mode_fails_at_add_pipe():
    nlp = spacy.blank("vi", config=WHITESPACE)
    with pytest.raises(ValueError, match="alignment_mode"):
        nlp.add_pipe("chiso", config={"alignment_mode": "nearest"})


def test_spans_key_and_record_lookup(ws_nlp):
    nlp = spacy.blank("vi", config=WHITESPACE)
    nlp.add_pipe("chiso", config={"spans_key": "so_lieu"})
    doc = nlp(BUDGET)
    assert "chiso" not in doc.spans and len(doc.spans["so_lieu"]) == len(records(doc._.chiso))
    report = doc._.chiso
    found = [s._.chiso_record for s in doc.spans["so_lieu"]]
    assert found[0] is report.figures[0]
    assert report.documents[0] in found and report.officials[0] in found
    assert [f for f in found if f in report.dates] == report.dates
    assert ws_nlp.make_doc(BUDGET)[0:2]._.chiso_record is None    # a doc with no report


def test_text_that_is_not_nfc_keeps_its_offsets(nlp):
    decomposed = unicodedata.normalize("NFD", BUDGET)
    assert decomposed != BUDGET
    doc = nlp(decomposed)
    assert doc.text == decomposed and doc._.chiso.offsets == "input"
    wanted = records(doc._.chiso)
    assert len(doc.spans["chiso"]) == len(wanted) > 30
    for span, (start, end, _, _) in zip(doc.spans["chiso"], wanted):
        assert decomposed[start:end] in span.text


# --- displacy -----------------------------------------------------------------------

def test_displacy_draws_the_spans(nlp):
    doc = nlp(BUDGET)
    html = displacy.render(doc, style="span", options={"spans_key": "chiso"})
    for label in ("FIGURE_PERCENT", "FIGURE_MONEY", "FIGURE_CHANGE", "OFFICIAL", "DOCUMENT", "DATE"):
        assert label in html
    # displacy writes the text token by token, so look for single tokens.
    assert "12.450" in html and "HĐND" in html


# --- the entry point, processes, serialisation --------------------------------------

def test_the_installed_distribution_declares_the_entry_point():
    # Read from site-packages itself: a stale chiso.egg-info left in the checkout (on
    # sys.path under `python -m pytest`) would otherwise be read first.
    installed = [d for d in distributions(path=[sysconfig.get_paths()["purelib"]]) if d.metadata["Name"] == "chiso"]
    assert len(installed) == 1
    (point,) = [e for e in installed[0].entry_points if e.group == "spacy_factories" and e.name == "chiso"]
    assert point.value == "extractor.interfaces.spacy_component:make_chiso"
    assert point.load() is make_chiso


def test_add_pipe_works_in_a_fresh_interpreter_without_importing_extractor(tmp_path):
    # The script never imports extractor: spaCy finds the factory through the entry point
    # (spacy.blank already loads the entry points' factories).
    code = (
        "import sys, spacy\n"
        "assert not any(m.split('.')[0] == 'extractor' for m in sys.modules)\n"
        "nlp = spacy.blank('vi')\n"
        "nlp.add_pipe('chiso')\n"
        "doc = nlp(sys.argv[1])\n"
        "print(type(doc._.chiso).__name__, [(s.text, s.label_) for s in doc.spans['chiso']])\n"
    )
    run = subprocess.run([sys.executable, "-c", code, "Có 1.359/1.417 chi ủy, đạt 95,91%."],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Report ") and "FIGURE_RATIO" in run.stdout


def test_n_process_gives_the_same_reports_and_spans(pyvi_nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("t0[1-4]*.txt"))]
    assert len(texts) == 4
    local = [pyvi_nlp(t) for t in texts]
    remote = list(pyvi_nlp.pipe(texts, n_process=2, batch_size=1))
    for here, there, text in zip(local, remote, texts):
        assert type(there._.chiso) is Report
        assert there._.chiso.to_json() == here._.chiso.to_json() == extract(text).to_json()
        assert there._.chiso.text == text
        assert span_tuples(there) == span_tuples(here) and len(span_tuples(there)) > 20
        assert there.spans["chiso"].attrs == here.spans["chiso"].attrs
        assert there.spans["chiso"][0]._.chiso_record is there._.chiso.figures[0]


def test_the_report_goes_through_msgpack_docbin_and_pickle_exactly(ws_nlp):
    doc = ws_nlp(BUDGET)
    report = doc._.chiso
    back = srsly.msgpack_loads(srsly.msgpack_dumps({"r": report}))["r"]
    assert type(back) is Report and back.to_json() == report.to_json() and back.text == BUDGET
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (from_docbin,) = DocBin().from_bytes(stored).get_docs(ws_nlp.vocab)
    for copy in (from_docbin, pickle.loads(pickle.dumps(doc))):
        assert type(copy._.chiso) is Report and copy._.chiso.to_json() == report.to_json()
        assert span_tuples(copy) == span_tuples(doc)


def test_the_component_pickles():
    # The spawn start method sends the components to the workers by pickle.
    component = pickle.loads(pickle.dumps(ChisoComponent("chiso", "k", "contract")))
    assert (component.spans_key, component.alignment_mode) == ("k", "contract")
    doc = component(spacy.blank("vi", config=WHITESPACE).make_doc(BUDGET))
    assert len(doc.spans["k"]) > 30


# --- text chiso converted, empty text, text without records -----------------------------

@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_gets_its_report_and_no_wrong_spans(ws_nlp, encoding):
    legacy = to_legacy(BUDGET, encoding)
    assert legacy != BUDGET
    doc = ws_nlp(legacy)
    report = doc._.chiso
    assert report.offsets == "converted" and report.source_text is not None
    assert "E006" in [e.code for e in report.errors]
    assert report.to_dict() == extract(legacy).to_dict() and len(report.figures) > 20
    group = doc.spans["chiso"]
    assert len(group) == 0
    assert group.attrs["offsets"] == "converted" and group.attrs["unmapped"] == len(records(report))
    assert "source_text" in group.attrs["note"]


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_empty_text(nlp, text):
    doc = nlp(text)
    assert "chiso" in doc.spans and len(doc.spans["chiso"]) == 0
    assert [e.code for e in doc._.chiso.errors] == ["E001"]
    assert doc._.chiso.to_dict() == extract(text).to_dict()


def test_text_without_records(nlp):
    doc = nlp("Trời hôm nay nắng đẹp, bà con ra đồng từ sớm.")
    report = doc._.chiso
    assert not (report.figures or report.officials or report.documents or report.dates or report.errors)
    assert len(doc.spans["chiso"]) == 0 and doc.spans["chiso"].attrs["unmapped"] == 0
