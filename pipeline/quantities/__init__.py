"""Numbers and quantities in Chinese and English: exact values, units, qualifiers.

``extract_quantities(text, lang)`` finds every number in ``text`` and returns
:class:`pipeline.types.Quantity` records with character offsets into ``text``.
Finding a span and working out its value are separate steps in each language
module; the rules and lexicons live in ``pipeline/data``.
"""
from __future__ import annotations

from pipeline.types import Quantity


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """All numbers in ``text`` (``lang`` is ``"zh"`` or ``"en"``), in text order. Never raises on odd input."""
    if lang == "zh":
        from pipeline.quantities.zh import extract
    elif lang == "en":
        from pipeline.quantities.en import extract
    else:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if not isinstance(text, str) or not text:
        return []
    return extract(text)


__all__ = ["extract_quantities", "Quantity"]
