from decimal import Decimal

import pytest

from extractor.records.numbers import parse_digits, parse_quantity, parse_words
from extractor.patterns import load_patterns

EXAMPLES = load_patterns().table("number_examples")
INVALID = load_patterns().table("invalid_numbers")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"] for e in EXAMPLES])
def test_number_examples(example):
    number = parse_quantity(example["text"], whole=example.get("whole", False))
    assert number is not None, example
    assert number.value == Decimal(example["value"])
    assert number.decimals == example["decimals"]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_numbers(text):
    assert parse_quantity(text) is None


def test_values_are_exact_decimals():
    n = parse_digits("0,1")
    assert n.value == Decimal("0.1") and isinstance(n.value, Decimal)
    assert parse_quantity("1,1 tỷ").value == Decimal("1100000000")


def test_digits_keep_written_decimals():
    assert parse_digits("1,50").decimals == 2
    assert parse_digits("16,03").value == Decimal("16.03")


def test_words_reject_nonsense():
    assert parse_words("hai ba") is None
    assert parse_words("mốt") is None
    assert parse_words("một mươi") is None
