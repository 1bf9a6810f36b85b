"""A ✗ is a slip (checks/gate/slips.py): the slips themselves, and the shared gold's genuine
errors, every one of which a slip explains (or which is a claim of its own, a bound)."""
from decimal import Decimal

import pytest

from extractor.checks.gate.slips import EXEMPT, _digit_slip, variants
from tests.conftest import needs_shared


@pytest.mark.parametrize("shown, wanted, decimals", [
    (Decimal("56"), Decimal("76"), 0),          # one wrong digit
    (Decimal("25.7"), Decimal("27.5"), 1),      # two neighbours swapped
    (Decimal("179"), Decimal("197"), 0),
    (Decimal("391790"), Decimal("341770"), 0),  # two wrong digits in six
])
def test_a_digit_slip(shown, wanted, decimals):
    assert _digit_slip(shown, wanted, decimals)


@pytest.mark.parametrize("shown, wanted, decimals", [
    (Decimal("13"), Decimal("7"), 0),           # not one digit: another length
    (Decimal("61"), Decimal("27.5"), 0),
    (Decimal("3"), Decimal("2"), 0),            # a one-digit figure: any digit "explains" it
    (Decimal("12.5"), Decimal("21.4"), 1),      # swapped and wrong
    (Decimal("39170"), Decimal("34177"), 0),    # two wrong digits in five
])
def test_no_digit_slip(shown, wanted, decimals):
    assert not _digit_slip(shown, wanted, decimals)


def test_the_variants_of_a_written_figure_keep_its_scale_and_decimals():
    found = set(variants(Decimal("208"), 0, Decimal(1)))
    assert Decimal("280") in found and Decimal("209") in found and Decimal("208") not in found
    scaled = set(variants(Decimal("12500000000000"), 1, Decimal("1000000000000")))     # "12,5 nghìn tỷ"
    assert Decimal("15500000000000") in scaled and Decimal("21500000000000") in scaled
    assert not list(variants(Decimal("47"), 0, Decimal(1)))                              # too few digits


def test_every_genuine_error_of_the_shared_gold_is_a_slip():
    from extractor.quality.slips import genuine_errors

    dirs = [needs_shared("corpus", name) for name in ("seed", "real", "real-reports")]
    rows = genuine_errors(dirs)
    assert len(rows) >= 15
    unexplained = [r for r in rows if r["slip"] is None and r["rule"] not in EXEMPT]
    assert not unexplained, unexplained
