"""``python -m spinscope.cli``."""

from spinscope.cli import main

main()
