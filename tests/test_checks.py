"""The checker's corpus (corpus/checks.yaml): each case names a rule and its verdict."""
from pathlib import Path

import pytest
import yaml

from extractor.checks.interval import Interval, stated
from extractor.pipeline import extract
from decimal import Decimal

CORPUS = yaml.safe_load((Path(__file__).resolve().parent.parent / "corpus" / "checks.yaml").read_text(encoding="utf-8"))
CASES, NEGATIVE = CORPUS["cases"], CORPUS["negative"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['status']}-{i}" for i, c in enumerate(CASES)])
def test_check_case(case, report_validator):
    report = extract(case["text"])
    report_validator.validate(report.to_dict())
    mine = [c for c in report.checks if c.rule == case["rule"]]
    if case["status"] == "none":
        assert not mine, [c.message for c in mine]
        return
    assert mine, f"no {case['rule']} check in {case['text']!r}; got {[(c.rule, c.message) for c in report.checks]}"
    verdicts = [(c.status, c.severity) for c in mine]
    assert any(status == case["status"] for status, _ in verdicts), [c.message for c in mine]
    if "severity" in case:
        assert any(sev == case["severity"] for status, sev in verdicts if status == case["status"]), verdicts
    for c in mine:
        if c.status == "inconsistent":
            assert c.severity in ("rounding", "error") and c.message and c.message_vi
    if "message" in case:
        assert any(case["message"] in c.message for c in mine), [c.message for c in mine]


@pytest.mark.parametrize("case", NEGATIVE, ids=[f"{c.get('reason', 'no-claim')}-{i}" for i, c in enumerate(NEGATIVE)])
def test_no_false_alarm(case, report_validator):
    report = extract(case["text"])
    report_validator.validate(report.to_dict())
    alarms = [c.message for c in report.checks if c.status == "inconsistent"]
    assert not alarms, alarms
    if "reason" in case:
        reasons = [c.reason for c in report.checks if c.status == "unverifiable"]
        assert case["reason"] in reasons, (reasons, [(c.rule, c.status, c.message) for c in report.checks])
        held = next(c for c in report.checks if c.reason == case["reason"])
        assert held.evidence and held.message.startswith("not checked") or held.status == "unverifiable"


def test_every_inconsistent_check_says_what_links_its_figures():
    for case in CASES:
        for c in extract(case["text"]).checks:
            if c.status == "inconsistent":
                assert c.evidence and c.evidence.get("link"), (case["text"], c)
            if c.status == "unverifiable":
                assert c.reason, (case["text"], c)


def test_exit_status_and_json(tmp_path):
    from click.testing import CliRunner

    from extractor.interfaces.cli import main

    bad = tmp_path / "bad.txt"
    bad.write_text("Toàn huyện có 47/52 xã (chiếm 85,38%) đạt chuẩn.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn.", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", str(bad)]).exit_code == 1
    result = CliRunner().invoke(main, ["check", str(good)])
    assert result.exit_code == 0 and "✓ ratio" in result.output
    result = CliRunner().invoke(main, ["check", str(bad), "--format", "json"])
    assert '"status": "inconsistent"' in result.output


def test_intervals_follow_the_written_digits():
    assert stated(Decimal("95.91"), 2) == Interval(Decimal("95.905"), Decimal("95.915"))
    assert stated(Decimal("1500000000"), 1, Decimal(10) ** 9) == Interval(Decimal("1.45e9"), Decimal("1.55e9"))
    assert stated(Decimal("2000"), 0, exact=True, qualifier="over") == Interval(Decimal(2000), Decimal(3000))


def test_a_change_of_minus_100_percent_loses_nothing():
    report = extract("Tỷ lệ hộ nghèo còn 0% (giảm 100% so với năm 2021), có 5 xã đạt chuẩn.")
    assert not report.errors and [f.text for f in report.figures][-1] == "5 xã"


def test_a_failing_rule_costs_its_claims_not_the_article(monkeypatch):
    import extractor.checks as checks

    def broken(art):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(checks, "RULES", tuple(broken if r is checks.rules.sums else r for r in checks.RULES))
    report = extract("Toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn.")
    assert [e.code for e in report.errors] == ["E014"] and "broken" in report.errors[0].message
    assert [c.status for c in report.checks] == ["consistent"] and report.figures


# Issue 19: a claim read in a short excerpt is read alike inside a whole article. The
# paragraph before is of the same kinds of figures (counts, money, changes, shares), so a
# rule that reaches too far back, or counts figures from the article's start, shows here.
PRELUDE = ("Báo cáo tổng kết của tỉnh được công bố sáng nay. Năm ngoái, tỉnh có 1.250 hộ nghèo, giảm 130 hộ "
           "(giảm 9,4%) so với năm trước; tổng thu ngân sách đạt 4.210 tỷ đồng, chiếm 12% kế hoạch cả giai đoạn.\n\n")


@pytest.mark.parametrize("case", [c for c in CASES if c["status"] != "none"],
                         ids=[f"{c['rule']}-{c['status']}-{i}" for i, c in enumerate(CASES) if c["status"] != "none"])
def test_a_claim_is_read_alike_inside_an_article(case):
    alone = sorted((c.rule, c.status) for c in extract(case["text"]).checks)
    inside = extract(PRELUDE + case["text"])
    offset = len(PRELUDE)
    by_id = {f.id: f for f in inside.figures}
    late = sorted((c.rule, c.status) for c in inside.checks if all(by_id[i].start >= offset for i in c.figures))
    assert late == alone, (case["text"], alone, late)


def test_a_share_of_a_total_several_sentences_back_is_no_error():
    """"Đợt 2 góp 450 tỷ đồng. … (three sentences) … Đợt 3 góp 90 tỷ đồng, chiếm 15% vốn
    điều lệ": a total that far before its share may be of another whole (distant_total)."""
    from extractor.checks.base import CheckDraft
    from extractor.checks.gate.links import _share_gate
    from extractor.pipeline.steps import run

    art = run("Đợt 2, quỹ góp 450 tỷ đồng vào công ty. Hội đồng thành viên đã chấp thuận. Công ty mở "
              "thêm nhà máy. Năm sau công ty thua lỗ. Đợt 3 góp 90 tỷ đồng, chiếm 15% vốn điều lệ.")
    total, part, share = (next(f for f in art.figures if art.text[f.start:f.end] == t)
                          for t in ("450 tỷ đồng", "90 tỷ đồng", "15%"))

    def check():
        return CheckDraft("part_of_total", "inconsistent", [part, share, total], "90/450 ≠ 15%", "90/450 ≠ 15%")

    far = _share_gate(art, check(), {"link": "share"})
    assert far.status == "unverifiable" and far.reason == "distant_total"
    total.sentence = share.sentence - 1          # the same three figures, the total just before
    assert _share_gate(art, check(), {"link": "share"}).status == "inconsistent"
