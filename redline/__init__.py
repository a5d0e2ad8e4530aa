"""redline: compare versions of UN resolutions and render redlines.

The pipeline is a chain of pure stages over frozen data (see ``docs/design.md``)::

    load -> clean -> parse -> pair -> align -> diff -> render
"""

from __future__ import annotations

__version__ = "0.1.0"
