"""The README shows what chiso really prints: its example blocks are generated from the
current output (`make readme`), and its measurements by the make targets that take them."""
from pathlib import Path

from extractor import docs

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
