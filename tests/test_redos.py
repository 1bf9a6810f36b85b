"""ReDoS: every rule, span and context alike, against adversarial strings, with a timeout.
A rule that times out here would hang a batch run on a hostile article."""
import pytest

from extractor.patterns import load_patterns

N = 20_000
ADVERSARIAL = {
    "digits": "1" * N,
    "dotted": "1.1." * (N // 4),
    "slashes": "1/" * (N // 2),
    "commas": "1," * (N // 2),
    "percents": "%" * N,
    "dashes": "1-" * (N // 2),
    "spaces": "1 " * (N // 2),
    "words": "tăng " * (N // 5),
    "capitals": "Nguyễn " * (N // 7),
    "caps": "NGUYỄN " * (N // 7),
    "ranks": "Thiếu tướng " * (N // 12),
    "brackets": "(" * N,
    "ranges": "từ 1 đến " * (N // 9),
    "scales": "1 tỷ " * (N // 5),
    "mixed": "1.359/1.417 = 95,91% (tăng " * (N // 26),
    "dates": "1/1/2020-" * (N // 9),
}
RULES = load_patterns().rules


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_rule_times_out(name):
    text = ADVERSARIAL[name]
    slow = []
    for rule in RULES:
        try:
            if rule.produce.startswith("context."):
                rule.compiled.search(text, 0, len(text), timeout=2.0)
                rule.compiled.match(text, 0, len(text), timeout=2.0)
            else:
                for _ in rule.compiled.finditer(text, timeout=2.0):
                    pass
        except TimeoutError:
            slow.append(rule.name)
    assert not slow, f"rules timed out on {name!r}: {slow}"
