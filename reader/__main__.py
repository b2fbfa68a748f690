"""Run the reader: ``python -m reader``."""

import sys

from reader.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The standalone build is also started to be a worker process of the reader: the one
        # that converts pages ahead (reader.page.ahead), and the one that converts risky text
        # with a time limit (reader.page.guard, through multiprocessing).
        if sys.argv[1:2] == ["--read-ahead-worker"]:  # reader.page.ahead.WORKER_FLAG
            from reader.page.ahead import main as read_ahead

            sys.exit(read_ahead(sys.argv[2:]))
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
