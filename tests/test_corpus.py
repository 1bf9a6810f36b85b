"""The team corpus is the test suite: every gold file in corpus/gold drives one case.

Each case runs the whole pipeline on the article and asks for exactly the gold's
figures (overlapping span, equal value), documents and dates: nothing missed, nothing
extra; every official by name, with the gold's rank and honorific; every gold check the
checker finds gets the gold's status, and no inconsistent check stands outside the gold."""
from pathlib import Path

import pytest

from extractor.quality.evaluate import Result, load_corpus, score_article
from extractor.pipeline import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = list(load_corpus(CORPUS)) if (CORPUS / "gold").exists() else []
SECTIONS = ("figures", "documents", "dates", "officials")


def test_the_corpus_is_big_enough():
    assert len(ARTICLES) >= 12


@pytest.mark.parametrize("aid,text,gold", ARTICLES, ids=[a for a, _, _ in ARTICLES])
def test_article_matches_gold(aid, text, gold, report_validator):
    report = extract(text, aid).to_dict()
    report_validator.validate(report)
    result = score_article(aid, text, gold, report, Result())
    assert not result.offset_violations, result.offset_violations
    problems = [line for line in result.misses + result.extras
                if any(f": {section} " in line for section in SECTIONS)]
    problems += [line for line in result.wrong if ": rank of " in line or ": honorific of " in line]
    # The checker: a gold claim it finds gets the gold's verdict, and it cries wolf nowhere.
    problems += [line for line in result.wrong if "chiso says" in line]
    problems += result.false_alarms + result.extra_alarms
    assert not problems, "\n".join(problems)
