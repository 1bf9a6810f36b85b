"""The team's commands (chiso eval, review, bench), registered through the `chiso.commands`
entry points so that the runtime never imports this package."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..interfaces.cli.group import Refused
from ..report.errors import ChisoError


@click.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss, every extra and every wrong attribute.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(corpora: tuple[Path, ...], verbose: bool, as_json: bool) -> None:
    """Score chiso against gold annotations (P/R/F1 per section) in CORPUS_DIR..."""
    from .evaluate import evaluate as run, missing_gold

    for corpus in corpora:
        problem = missing_gold(corpus)
        if problem:
            raise Refused(problem)
    result = run(corpora)
    scores = result.to_dict()
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        click.echo(f"{scores['articles']} articles, {scores['crashes']} crashes, "
                   f"{scores['offset_violations']} offset violations")
        click.echo(f"{'section':<10} {'P':>7} {'R':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, s in scores["sections"].items():
            click.echo(f"{name:<10} {s['precision']:>7.4f} {s['recall']:>7.4f} {s['f1']:>7.4f} "
                       f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
        attrs = ", ".join(f"{k} {v:.4f}" for k, v in scores["figure_attributes"].items() if v is not None)
        click.echo(f"figure attributes (accuracy over matched figures): {attrs}")
        attrs = ", ".join(f"{k} {v:.4f}" for k, v in scores["official_attributes"].items() if v is not None)
        click.echo(f"official attributes (accuracy over matched officials): {attrs}")
        click.echo(f"dates with an inferred year (not scored): {scores['inferred_dates_not_scored']}")
        ch = scores["checks"]
        if ch["gold"]:
            click.echo(f"checks: {ch['found']}/{ch['gold']} gold checks found, {ch['right_status']} with the right status "
                       f"({ch['right_status_rate']:.2%}); real errors flagged {ch['errors_flagged']}/{ch['real_errors']}; "
                       f"false alarms on consistent gold checks {ch['false_alarms_on_consistent_gold']}; "
                       f"inconsistent checks not in the gold {ch['inconsistent_not_in_gold']}")
    if verbose:
        for line in result.misses + result.extras + result.wrong:
            click.echo(line)
        for title, lines in (("real errors flagged", result.errors_flagged), ("real errors missed", result.errors_missed),
                             ("false alarms", result.false_alarms), ("inconsistent checks not in the gold", result.extra_alarms)):
            for line in lines:
                click.echo(f"{title}: {line}")
    for line in result.crashes + result.offset_violations:
        click.echo(line, err=True)
    if result.crashes or result.offset_violations:
        sys.exit(1)


@click.command()
@click.option("--input", "source", type=click.Path(path_type=Path), default=None,
              help="A .jsonl of {id, text} (default: ../shared/corpus/bench/baomoi-2017.jsonl).")
@click.option("--reviews", type=click.Path(path_type=Path), default=None,
              help="The judgements to compare with (default: corpus/reviews/bench-flags.yaml).")
@click.option("--unreviewed", "unreviewed_out", type=click.Path(path_type=Path), default=None,
              help="Write the flags no one has judged yet here, as YAML entries to fill in.")
@click.option("--draw", "draw_n", type=click.IntRange(1, 3), default=None,
              help="Records instead of flags: draw sample N (officials, figures, inferred dates, documents) "
                   "of the bench as YAML entries to judge, to -o or stdout.")
@click.option("--validation-slice", "validation_n", type=click.IntRange(1, 6), default=None,
              help="Records of a never-read slice N of the validation pool (--input crawl-2017-b.jsonl): at most "
                   "one item of each section per article, 80 officials, 100 figures, 30 documents, 40 inferred "
                   "dates, as YAML entries to judge, to -o or stdout; and the 10 articles to read for recall.")
@click.option("--recall", "recall_file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Replay a reader's list of every person and figure in some articles (corpus/reviews/recall-*.yaml): "
                   "how many chiso finds today, and the misses.")
@click.option("--records", "records_file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Records instead of flags: replay the judged sample FILE against today's output.")
@click.option("--slices", "slices", default=None, metavar="N[,N…]",
              help="Flags of these slices of the validation pool only (--input crawl-2017-b.jsonl; slice N is its "
                   "articles (N-1)*500+1 … N*500), e.g. --slices 2,3 with --reviews corpus/reviews/validation-flags.yaml.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Where --draw writes.")
def review(source: Path | None, reviews: Path | None, unreviewed_out: Path | None, draw_n: int | None,
           validation_n: int | None, recall_file: Path | None, records_file: Path | None, output: Path | None,
           slices: str | None) -> None:
    """Every ✗ chiso gives on real articles, against the judgements kept in the repo; or
    (--draw, --records) a sample of its records, judged by hand and replayed.

    Exit status 1 when a flag is unreviewed, a flag judged misread came back, or a
    genuine one was lost."""
    from . import review as rv

    source = source or rv.BENCH
    if not source.is_file():
        raise Refused(f"{source}: no such file (the bench corpus lives in ../shared/corpus/bench)")
    if validation_n is not None:
        _validation_sample(source, validation_n, output)
        return
    if recall_file is not None:
        _recall(source, recall_file)
        return
    if draw_n is not None or records_file is not None:
        _review_records(source, draw_n, records_file, output)
        return
    items = list(rv.articles(source))
    if slices:
        from .validation_sample import slice_of

        try:
            wanted = sorted({int(n) for n in slices.split(",")})
        except ValueError:
            raise Refused(f"--slices {slices!r}: give slice numbers, as in --slices 2,3") from None
        if any(not 1 <= n <= 6 for n in wanted):
            raise Refused(f"--slices {slices!r}: the validation pool has slices 1 to 6")
        items = [item for n in wanted for item in slice_of(items, n)]
    flags = rv.current_flags(items)
    state = rv.compare(flags, rv.load_reviews(reviews or rv.REVIEWS), read={aid for aid, _ in items})
    click.echo(f"{len(flags)} inconsistent verdicts: {len(state['genuine'])} reviewed genuine, "
               f"{len(state['misread_back'])} reviewed misread, {len(state['unreviewed'])} unreviewed; "
               f"{len(state['genuine_lost'])} genuine flags lost")
    for title in ("misread_back", "unreviewed"):
        for f in state[title]:
            click.echo(f"{title}: {f.id} {f.rule} {list(f.figures)}\n    {f.sentence[:300]}")
    for e in state["genuine_lost"]:
        click.echo(f"genuine_lost: {e['id']} {e['rule']} {e['figures']}")
    for e in state["given_up"]:
        click.echo(f"given_up: {e['id']} {e['rule']} {e['figures']}: {e['given_up']}")
    if unreviewed_out:
        unreviewed_out.write_text(rv.as_yaml(state["unreviewed"]), encoding="utf-8")
    if state["unreviewed"] or state["misread_back"] or state["genuine_lost"]:
        sys.exit(1)


def _recall(source: Path, recall_file: Path) -> None:
    from . import review_records as rr
    from . import validation_sample as vs

    found, misses = vs.recall(rr.load(recall_file), rr.articles(source))
    for m in misses:
        click.echo("missed: " + " ".join(m))
    click.echo(", ".join(f"{k} {a}/{b} = {a / b:.1%}" if b else f"{k} 0/0" for k, (a, b) in found.items()))


def _validation_sample(source: Path, n: int, output: Path | None) -> None:
    from . import review_records as rr
    from . import validation_sample as vs

    text = rr.as_yaml(vs.draw_validation(rr.articles(source), n))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text)
    click.echo("recall articles: " + " ".join(vs.recall_articles(rr.articles(source), n)), err=True)


def _review_records(source: Path, draw_n: int | None, records_file: Path | None, output: Path | None) -> None:
    from . import review_records as rr

    if draw_n is not None:
        text = rr.as_yaml(rr.draw(rr.articles(source), draw_n))
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text)
        return
    scores, wrong = rr.replay(rr.load(records_file), rr.articles(source))
    for e in wrong:
        click.echo(f"wrong: {e['section']} {e['id']} {e['text']!r}: now {e['now']}; "
                   f"judged {e['verdict']} {e.get('expected', e['record'])}")
    click.echo(rr.summary(scores))


@click.command()
@click.option("--input", "source", type=click.Path(exists=True, path_type=Path), default=None,
              help="A .jsonl of {id, text} (default: ../shared/corpus/bench/baomoi-2017.jsonl).")
@click.option("-n", "--limit", default=300, show_default=True, help="How many articles.")
@click.option("--repeat", default=3, show_default=True, help="Runs of each side; the best is kept.")
def bench(source: Path | None, limit: int, repeat: int) -> None:
    """Time the pipeline and underthesea.word_tokenize side by side on the same texts."""
    from .bench import run_bench

    try:
        click.echo(run_bench(source, limit, repeat))
    except ChisoError as exc:
        raise Refused(str(exc)) from None


@click.command("eval-checks")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--input", "source", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The JSON Lines file the gold's article ids come from (../shared/corpus/bench/…).")
@click.option("-v", "--verbose", is_flag=True, help="List every miss, wrong status, missed error and ✗ outside the gold.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_checks(gold_dir: Path, source: Path, verbose: bool, as_json: bool) -> None:
    """Score the checker against checks gold (corpus/checks-gold/DIR): claims found, with the
    right status, real errors flagged, false alarms, and misses by rule."""
    from .checks_gold import lines, score

    try:
        result = score(gold_dir, source)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    for line in lines(result, verbose):
        click.echo(line)
