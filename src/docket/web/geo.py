"""The map's projection: plain equirectangular over the Korean peninsula's bounding box.

Shared by scripts/korea_outline.py (which drew static/korea.svg) and the facilities page (which
places markers on it), so outline and markers always agree.
"""

from __future__ import annotations

import math

BOUNDS = ((124.0, 33.0), (131.0, 43.1))  # (west, south), (east, north) in degrees
WIDTH = 400
_KX = math.cos(math.radians(38.0))
HEIGHT = round(WIDTH * (BOUNDS[1][1] - BOUNDS[0][1]) / ((BOUNDS[1][0] - BOUNDS[0][0]) * _KX))


def project(*, lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates (x right, y down) of a point."""
    (west, south), (east, north) = BOUNDS
    x = (lon - west) / (east - west) * WIDTH
    y = (north - lat) / (north - south) * HEIGHT
    return x, y
