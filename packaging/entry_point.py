"""The bundle's entry point: the same `archival-reader` command as the installed package."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Worker processes of a frozen program start through this same executable.
    multiprocessing.freeze_support()
    from reader.cli.main import main

    sys.exit(main())
