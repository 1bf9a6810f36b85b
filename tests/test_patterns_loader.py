"""A bad pattern file gives a clear error naming the file and the rule, at start-up."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.report.errors import PatternError
from extractor.patterns import load_patterns, patterns_dir


def _copy_with(tmp_path: Path, name: str, content: str) -> str:
    for f in patterns_dir().glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / name).write_text(content, encoding="utf-8")
    return str(tmp_path)


GOOD_RULE = """
rules:
  - name: {name}
    produce: exclude
    pattern: '{pattern}'
    examples: ["x 1"]
    negative: ["y"]
"""


@pytest.mark.parametrize("content,message", [
    (GOOD_RULE.format(name="broken", pattern="(\\d"), "zz.yaml: rule 'broken': bad regex"),
    (GOOD_RULE.format(name="unknown_piece", pattern="{nope}"), "zz.yaml: rule 'unknown_piece': unknown piece {nope}"),
    (GOOD_RULE.format(name="unknown_lexicon", pattern="{@nope}"), "unknown lexicon {@nope}"),
    (GOOD_RULE.format(name="count", pattern="x"), "rule 'count' is already defined in figures.yaml"),
    ("rules:\n  - name: bare\n    produce: exclude\n    pattern: 'x'\n    negative: ['y']\n", "rule 'bare': a rule needs at least one example"),
    ("rules:\n  - name: bare\n    produce: exclude\n    pattern: 'x'\n    examples: ['x']\n", "rule 'bare': a rule needs at least one negative example"),
    ("rules:\n  - name: typo\n    produce: exclude\n    patern: 'x'\n    examples: ['x']\n    negative: ['y']\n", "rule 'typo': unknown key(s) ['patern']"),
    ("pieces:\n  loop: '{loop}'\n", "piece {loop} refers to itself"),
    ("rules:\n  - name: anchor\n    produce: exclude\n    starts: '(x'\n    pattern: 'x'\n    examples: ['x']\n    negative: ['y']\n",
     "rule 'anchor': bad 'starts' regex"),
    ("rules:\n  - name: anchor\n    produce: exclude\n    starts_at_word: nope\n    pattern: 'x'\n    examples: ['x']\n"
     "    negative: ['y']\n", "rule 'anchor': 'starts_at_word' names no lexicon ('nope')"),
    ("lexicons:\n  xs: [x]\nrules:\n  - name: anchor\n    produce: exclude\n    starts_at_word: xs\n    starts: 'x'\n"
     "    pattern: 'x'\n    examples: ['x']\n    negative: ['y']\n", "give 'starts' or 'starts_at_word', not both"),
    ("rules: [\n", "zz.yaml: not valid YAML"),
    ("!!python/object/apply:os.system ['echo hacked']\n", "zz.yaml: not valid YAML"),
    ("stuff: 1\n", "zz.yaml: unknown section"),
    ("lexicons:\n  empty: ['', 'a']\n", "lexicon 'empty' has an empty"),
])
def test_bad_file_is_named(tmp_path, content, message):
    directory = _copy_with(tmp_path, "zz.yaml", content)
    load_patterns.cache_clear()
    try:
        with pytest.raises(PatternError) as err:
            load_patterns(directory)
        assert message in str(err.value)
    finally:
        load_patterns.cache_clear()


def test_every_rule_has_examples_both_ways():
    for rule in load_patterns().rules:
        assert rule.examples and rule.negative, rule.name


def test_references_compose():
    p = load_patterns()
    assert p.compile("{quantity}").fullmatch("21,6 nghìn tỷ")
    assert p.compile("{@currencies}").fullmatch("USD")


def test_a_rule_s_requirement_is_met_by_each_of_its_examples_and_spares_other_texts():
    from extractor.patterns.matcher import find_candidates

    rules = [r for r in load_patterns().rules if r.required is not None]
    assert rules, "some rules say what a text must hold"
    for rule in rules:
        for example in rule.examples:
            assert rule.required.search(example.text), (rule.name, example.text)
        assert find_candidates("Không có gì ở đây.", [rule], []) == []


ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"


def _texts_for(rule) -> list[str]:
    texts = [e.text for e in rule.examples] + list(rule.negative)
    texts += [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    # shapes that test the edges: a start at the very beginning, at the end, runs, capitals
    texts += ["hai", "Hai mươi lăm người", "năm năm tù", "một tấn, hai tấn và ba tấn", "mười hai triệu đồng",
              "5hai người", "ba-hai tỷ đồng", "Năm nay có năm dự án",
              # a case-blind scan in lower case must not lose these; spaces inside a word
              "HAI MƯƠI NGƯỜI", "ſáu người và İ hai tấn", "NghịQuyết số 5", "Quyết  định\nsố 12/QĐ-UBND",
              "(Chỉ thị số 20/CT-TTg)", "Thông tư liên tịch số 3"]
    return texts


def test_a_rule_tried_only_where_it_starts_finds_what_finditer_finds():
    """`starts` is a promise that every match begins at one of its positions: trying the
    rule only there must give finditer's matches, on the rule's examples both ways, on the
    project's articles, and on edge shapes."""
    from extractor.patterns.matcher import _matches_at

    rules = [r for r in load_patterns().rules if r.starts is not None]
    assert rules, "some rules say where they start"
    for rule in rules:
        for text in _texts_for(rule):
            positions = [m.start() for m in rule.starts.finditer(text)]
            assert [m.span() for m in _matches_at(rule.compiled, text, positions, 2.0)] == \
                [m.span() for m in rule.compiled.finditer(text)], (rule.name, text[:80])
        for example in rule.examples:
            assert rule.starts.search(example.text), (rule.name, example.text)


def test_a_rule_that_starts_at_a_word_finds_its_starts_by_the_plain_scan():
    """`starts_at_word`: the scan of the words (re, lower case for a case-blind rule) and
    the confirmation by `starts` give exactly the positions `starts` gives alone."""
    from extractor.patterns.matcher import _start_positions

    rules = [r for r in load_patterns().rules if r.start_words is not None]
    assert {"word_count", "document"} <= {r.name for r in rules}
    for rule in rules:
        for text in _texts_for(rule):
            assert _start_positions(text, rule, 2.0) == [m.start() for m in rule.starts.finditer(text)], \
                (rule.name, text[:80])


def test_matching_at_positions_keeps_finditer_s_rules():
    import regex
    from extractor.patterns.matcher import _matches_at

    pattern = regex.compile(r"ab|a")
    assert [m.span() for m in _matches_at(pattern, "aab ab", [0, 1, 4], 2.0)] == [(0, 1), (1, 3), (4, 6)]
    assert [m.span() for m in _matches_at(pattern, "abab", [0, 1, 2], 2.0)] == [(0, 2), (2, 4)]
    empty = regex.compile(r"x*")                 # an empty match: finditer decides
    assert [m.span() for m in _matches_at(empty, "axx", [0, 1], 2.0)] == [m.span() for m in empty.finditer("axx")]
    with pytest.raises(TimeoutError):
        _matches_at(regex.compile(r"(a+)+b"), "a" * 30 + "c", [0], 0.000001)


def test_a_case_minding_rule_that_starts_at_a_word_scans_for_the_words_as_written(tmp_path):
    import regex
    from extractor.patterns.matcher import _start_positions, find_candidates

    content = ("lexicons:\n  zz_families: [Lê, Trần, Âu Dương]\nrules:\n  - name: zz_family\n    produce: exclude\n"
               "    flags: []\n    starts_at_word: zz_families\n    pattern: '(?<![\\p{L}\\p{M}])(?:{@zz_families})\\s+\\p{Lu}\\p{Ll}+'\n"
               "    examples: ['ông Lê Hùng']\n    negative: ['quả lê Hùng']\n")
    load_patterns.cache_clear()
    try:
        rule = next(r for r in load_patterns(_copy_with(tmp_path, "zz.yaml", content)).rules if r.name == "zz_family")
    finally:
        load_patterns.cache_clear()
    assert not rule.starts.flags & regex.IGNORECASE
    for text in ["ông Lê Hùng và bà Trần Mai", "quả lê Hùng, LÊ Hùng", "Âu  Dương Phong", "BàLê Hùng"]:
        assert _start_positions(text, rule, 2.0) == [m.start() for m in rule.starts.finditer(text)], text
        assert [m.span() for _, m in find_candidates(text, [rule], [])] == \
            [m.span() for m in rule.compiled.finditer(text)], text
