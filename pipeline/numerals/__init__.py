"""Values of numerals, one module per language (``numerals/zh.py``).

A numeral's value carries its grain (Duckling's ``NumeralData``): the power of
ten of the last multiplier it was built with (三十八亿七千万 -> 7), which is what
lets a reconciler tell a 万/亿 scale slip from a typo.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Numeral:
    """Exact value of a numeral string; ``high`` for ranges (七八百 -> 700..800)."""

    value: Decimal
    high: Decimal | None = None
    grain: int = 0
    #: the scale word as written (万, 亿, 万万) or None
    scale: str | None = None
    #: 多/余/几 inside the numeral (二十多万): "more_than" / "about"
    approx: str | None = None
    #: written digit by digit (一九五○, 1957): a year candidate
    digitwise: bool = False


__all__ = ["Numeral"]
