"""``python -m newsanalysis``: the same as the ``newsanalysis`` command."""

import sys

from .cli import main

sys.exit(main())
