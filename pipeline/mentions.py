"""Mentions of one article with offsets into the file text.

The extractors work on any string; this module runs them over the parts of an
article that carry text (the title, the Chinese date and page lines, each paragraph)
and shifts their offsets so that ``article.text[m.start:m.end] == m.text``.
Each part is a :class:`Segment` naming which paragraph (or title/meta line) it is.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from pipeline.types import Article, Entity, Quantity

#: record types copied field by field in _shift (plain frozen dataclasses)
_PLAIN = frozenset(t for t in (Quantity, Entity) if not hasattr(t, "__slots__") and not hasattr(t, "__post_init__"))

#: paragraph index used for the title line of each side; metadata lines use META
TITLE = -1
META = -2

_ZH_META = re.compile(r"^[ \t]*(\d{4}-\d{1,2}-\d{1,2}|第\s*\d+\s*版)", re.M)
_EN_META = re.compile(r"^(Date|Page|Edition)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$", re.M)


@dataclass(frozen=True)
class Segment:
    lang: str
    index: int  # paragraph index, TITLE or META
    start: int
    end: int
    role: str  # title | meta | body | subhead | ...


def segments(article: Article, lang: str) -> list[Segment]:
    """The text-bearing parts of one side, in file order."""
    segs = []
    if lang == "zh":
        if article.title_zh_span:
            segs.append(Segment("zh", TITLE, *article.title_zh_span, "title"))
        zs, _ = article.zh_span
        first_para = article.paragraphs_zh[0].start if article.paragraphs_zh else article.zh_span[1]
        for m in _ZH_META.finditer(article.text, zs, first_para):
            segs.append(Segment("zh", META, m.start(1), m.end(1), "meta"))
        paras = article.paragraphs_zh
    else:
        if article.title_en_span:
            segs.append(Segment("en", TITLE, *article.title_en_span, "title"))
        for m in _EN_META.finditer(article.text, 0, article.en_span[0]):
            segs.append(Segment("en", META, m.start(2), m.end(2), "meta"))
        paras = article.paragraphs_en
    segs.extend(Segment(lang, p.index, p.start, p.end, p.role) for p in paras)
    segs.sort(key=lambda s: s.start)
    return segs


def _shift(items, offset):
    """Copies of the records with their offsets moved by ``offset``.

    The record types of :mod:`pipeline.types` (plain frozen dataclasses: no ``__post_init__``,
    no ``__slots__``, every field set by ``__init__``) are copied field by field, which gives
    what :func:`dataclasses.replace` gives at a tenth of its cost; any other record goes
    through ``dataclasses.replace``."""
    out = []
    new = object.__new__
    for x in items:
        if type(x) in _PLAIN:
            y = new(type(x))
            d = y.__dict__
            d.update(x.__dict__)
            d["start"] = x.start + offset
            d["end"] = x.end + offset
            out.append(y)
        else:
            out.append(dataclasses.replace(x, start=x.start + offset, end=x.end + offset))
    return out


def article_quantities(article: Article, lang: str) -> list[tuple[Segment, object]]:
    """(segment, Quantity) pairs for one side of the article, offsets into ``article.text``."""
    from pipeline.quantities import extract_quantities

    out = []
    for seg in segments(article, lang):
        text = article.text[seg.start:seg.end]
        for q in _shift(extract_quantities(text, lang), seg.start):
            out.append((seg, q))
    return out


def article_entities(article: Article, lang: str) -> list[tuple[Segment, object]]:
    """(segment, Entity) pairs for one side of the article, offsets into ``article.text``."""
    from pipeline.entities import extract_entities

    out = []
    for seg in segments(article, lang):
        if seg.role == "meta":
            continue
        text = article.text[seg.start:seg.end]
        for e in _shift(extract_entities(text, lang), seg.start):
            out.append((seg, e))
    return out
