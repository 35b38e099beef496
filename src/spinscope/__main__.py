"""``python -m spinscope``: the same command line as ``spinscope``."""

from spinscope.cli import main

if __name__ == "__main__":
    main()
