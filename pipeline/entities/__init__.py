"""Places and organisations in Chinese and English, with a gazetteer of 1946-2003 China."""
from __future__ import annotations

from pipeline.types import Entity


def extract_entities(text: str, lang: str) -> list[Entity]:
    """All place and organisation mentions in ``text``, in text order. Never raises on odd input."""
    if lang == "zh":
        from pipeline.entities.zh import extract
    elif lang == "en":
        from pipeline.entities.en import extract
    else:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if not isinstance(text, str) or not text:
        return []
    return extract(text)


__all__ = ["extract_entities", "Entity"]
