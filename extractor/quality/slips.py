"""How the genuine errors of the shared gold distribute over the slips of the pen that
checks/gate/slips.py allows (`python -m extractor.quality.slips`): each real error chiso
flags, with its rule, the slip that explains it and how far the printed figure is from
the arithmetic, relative to it. The bounds of gate/slips.py were read off this table."""
from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import extract
from .evaluate import Result, load_corpus, score_article

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def genuine_errors(directories) -> list[dict]:
    rows = []
    for directory in directories:
        for aid, text, gold in load_corpus(Path(directory)):
            report = extract(text, aid).to_dict()
            result = Result()
            score_article(aid, text, gold, report, result)
            for c in report["checks"]:
                if c["status"] == "inconsistent" and any(c["message"] in e for e in result.errors_flagged):
                    rep, comp = c.get("reported"), c.get("computed")
                    miss = abs(comp - rep) / abs(rep) if rep and comp is not None else None
                    rows.append({"article": aid, "rule": c["rule"], "slip": (c.get("evidence") or {}).get("slip"),
                                 "relative_miss": miss})
    return rows


@click.command()
@click.argument("corpora", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
def main(corpora: tuple[Path, ...]) -> None:
    """The genuine errors of gold CORPORA (default: ../shared/corpus/{seed,real,real-reports})
    with the slip that explains each."""
    corpora = corpora or tuple(SHARED / name for name in ("seed", "real", "real-reports"))
    for row in genuine_errors(corpora):
        miss = "" if row["relative_miss"] is None else f"{float(row['relative_miss']):.1%}"
        click.echo(f"{row['article'][:40]:<40} {row['rule']:<18} {str(row['slip']):<20} {miss}")


if __name__ == "__main__":
    main()
