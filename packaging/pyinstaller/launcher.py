"""The bundle's entry point: the same ``main()`` as the ``ptce-desktop`` command."""

import sys

from ptce_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
