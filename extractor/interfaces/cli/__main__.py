"""python -m extractor.interfaces.cli: the `chiso` command."""
from . import main

main()
