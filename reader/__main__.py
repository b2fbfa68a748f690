"""Run the reader: ``python -m reader``."""

import sys

from reader.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The standalone build: a child process (reader.page.ahead, reader.page.guard) starts
        # this program again, and must become that child, not a second reader.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
