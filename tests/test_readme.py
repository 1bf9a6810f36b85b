"""The README shows what chiso really prints: its example blocks are generated from the
current output (`make readme`), and its measurements by the make targets that take them."""
from pathlib import Path

from extractor.quality import docs

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_examples_are_chisos_current_output():
    text = README.read_text(encoding="utf-8")
    for name, body in docs.examples().items():
        assert docs.block(text, name) == body, f"README block {name!r} is out of date: run `make readme`"


def test_the_measured_blocks_are_generated_not_written():
    text = README.read_text(encoding="utf-8")
    for name, command in docs.MEASURED.items():
        body = docs.block(text, name)
        assert body is not None, f"README has no generated block {name!r}"
        assert body == "" or body.startswith(f"`{command}`, "), f"block {name!r} was not written by {command}"


def test_the_first_two_commands_are_demo_and_test():
    text = README.read_text(encoding="utf-8")
    assert text.index("make demo") < text.index("make test") < text.index("## ")


MEASURING = ("eval", "bench", "bench-server", "hostile", "review-records")


def _recipe(makefile: str, target: str) -> str:
    lines = makefile.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        body.append(line)
    return "\n".join(body)


def test_measuring_writes_to_out_and_only_make_readme_writes_the_readme():
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    for target in MEASURING:
        recipe = _recipe(makefile, target)
        assert "out/" in recipe, f"make {target} should leave its measurement in out/"
        assert "extractor.quality.docs" not in recipe and "README" not in recipe, f"make {target} rewrites the README"
    assert "extractor.quality.docs readme" in _recipe(makefile, "readme")


def test_make_readme_puts_what_out_holds_into_its_blocks(tmp_path):
    readme = tmp_path / "README.md"
    original = README.read_text(encoding="utf-8")
    readme.write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bench.txt").write_text("chiso pipeline 99.0 articles/s\n\nratio 9.99\n", encoding="utf-8")
    written = docs.write_readme(readme, out)
    assert written == ["bench"]
    text = readme.read_text(encoding="utf-8")
    assert docs.block(text, "bench").startswith("`make bench`, ")
    assert "ratio 9.99" in docs.block(text, "bench")
    assert docs.block(text, "eval") == docs.block(original, "eval")     # nothing in out/: left alone
