"""Entry script for the PyInstaller build (see build.spec): the frozen ``openday`` executable.

It only hands over to the ``openday`` console script's function, so the frozen app and
``openday`` / ``python -m desktop_app`` behave the same.
"""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
