"""The printing tests build their worlds with the services' factories (``factories_*``)."""

from __future__ import annotations

import sys
from pathlib import Path

_FACTORIES = str(Path(__file__).parents[1] / "services")
if _FACTORIES not in sys.path:
    sys.path.insert(0, _FACTORIES)
