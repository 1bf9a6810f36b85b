"""The claims layer: every example of patterns/vi/claims.yaml (periods, measures, scopes),
and the fields it puts on figures and checks."""
import pytest

from extractor.claims.cues import cues
from extractor.patterns import load_patterns
from extractor.pipeline import extract

EXAMPLES = load_patterns().table("claims_examples")


@pytest.mark.parametrize("text", EXAMPLES["period"]["match"])
def test_a_period_is_read_whole(text):
    m = cues()["period"].search(f"Trong {text}, toàn tỉnh")
    assert m and m.group() == text


@pytest.mark.parametrize("text", EXAMPLES["period"]["negative"])
def test_not_a_period(text):
    assert cues()["period"].search(text) is None


@pytest.mark.parametrize("case", EXAMPLES["measure_states"], ids=lambda c: c["figure"])
def test_what_a_figure_measures(case):
    figure = next(f for f in extract(case["text"]).figures if f.text == case["figure"])
    assert figure.measure == case["measure"]


@pytest.mark.parametrize("case", EXAMPLES["scope_words"], ids=lambda c: c["figure"])
def test_where_a_figure_belongs(case):
    figure = next(f for f in extract(case["text"]).figures if f.text == case["figure"])
    assert figure.scope == case["scope"]


def test_a_change_measures_what_its_level_measures_and_inherits_the_period():
    report = extract("6 tháng đầu năm 2017, cả nước xảy ra 9.593 vụ tai nạn, làm chết 4.130 người. "
                     "So với cùng kỳ năm 2016, số người chết giảm 229 người (giảm 5,25%).")
    by_text = {f.text: f for f in report.figures}
    assert by_text["4.130 người"].measure == "người chết"
    assert by_text["giảm 229 người"].measure == "người chết"
    # "so với cùng kỳ năm 2016" is the year compared with, not the figure's period
    assert by_text["giảm 229 người"].period == "6 tháng đầu năm 2017"


def test_checks_carry_evidence_reason_and_sentence():
    report = extract("Mở đầu bài viết. Huyện triển khai 63 dự án, trong đó có 24 công trình chuyển tiếp và "
                     "38 công trình khởi công mới.")
    (check,) = report.checks
    assert check.status == "inconsistent" and check.sentence == 1
    assert check.evidence == {"link": "breakdown", "cue": "trong đó", "same_measure": True, "complete": True,
                              "readings_tried": ["as stated", "one unit off"], "slip": "one_unit"}
    quiet = extract("Dư nợ đạt 4,86 nghìn tỷ đồng, trong đó cho vay hộ nghèo 612 tỷ đồng, cho vay học sinh 287 tỷ đồng.")
    (check,) = quiet.checks
    assert check.status == "unverifiable" and check.reason == "partial_list" and check.evidence["complete"] is False
    assert check.message.startswith("not checked:") and "612 tỷ + 287 tỷ" in check.message


def test_a_short_head_is_the_count_of_its_sentence_only():
    report = extract("Trong 37 điểm ùn tắc, 25 điểm đã có chuyển biến. Thí sinh đạt 8 điểm môn Toán.")
    kinds = {f.text: f.kind for f in report.figures}
    assert kinds["25 điểm"] == "count"          # "điểm" said short for "điểm ùn tắc"
    assert kinds["8 điểm"] == "number"          # a score in the next sentence stays a score


@pytest.mark.parametrize("case", EXAMPLES["roles"], ids=lambda c: c["text"][:40])
def test_the_role_of_a_figure_in_its_clause(case):
    from extractor.pipeline.steps import run

    art = run(case["text"])
    roles = {art.text[f.start:f.end]: f.role for f in art.figures}
    for text, role in case["roles"].items():
        found = [t for t in roles if text in t]
        assert found, (text, roles)
        assert roles[found[0]] == role, (text, roles)
