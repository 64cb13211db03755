"""Character widths of Arial (the metrics Helvetica and Arial share), in 1/1000 of the font size.

Google shows result titles in about 20px Arial, so a title's width in pixels is roughly the sum
of these widths × 20 ÷ 1000. Characters not listed count as 556, the width of a digit.
Source: Adobe's Helvetica font metrics (AFM), which Arial was drawn to match.
"""

from __future__ import annotations

__all__ = ["pixel_width"]

_WIDTHS = {
    **dict.fromkeys("abdeghnopqu0123456789$£€#_?", 556),
    **dict.fromkeys("cksvxyz", 500),
    **dict.fromkeys("fjt/", 278),
    **dict.fromkeys("il", 222),
    **dict.fromkeys(".,:;! ", 278),
    **dict.fromkeys("r()-[]", 333),
    "m": 833,
    "w": 722,
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("CDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("FTZ", 611),
    "I": 278,
    "J": 500,
    "L": 556,
    "M": 833,
    "W": 944,
    "'": 191,
    "’": 222,
    '"': 355,
    "|": 260,
    "%": 889,
    "@": 1015,
    "+": 584,
    "=": 584,
}


def pixel_width(text: str, *, font_px: float = 20.0) -> float:
    """Roughly how many pixels ``text`` takes in Arial at ``font_px``.

    >>> round(pixel_width("Harbour & Pine"))
    137
    """
    return sum(_WIDTHS.get(c, 556) for c in text) * font_px / 1000
