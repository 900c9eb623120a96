"""Plain record types passed between stages.

Every stage after tokenization works on these frozen dataclasses, never on spaCy
objects, so reconciliation, storage and the CLI can run without a model loaded.
All ``start``/``end`` offsets are character offsets into the text they were
extracted from; for an article that is the decoded file text (UTF-8, BOM
stripped), so ``text[start:end]`` is the mention.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

LANGS = ("zh", "en")

#: Quantity.kind vocabulary
KINDS = ("number", "percent", "fraction", "multiple", "date", "ordinal")
#: Quantity.approx vocabulary
APPROX = ("more_than", "about", "nearly", "less_than", "at_least", "at_most")


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its exact value, unit and qualifier.

    ``value`` is the low end of a range, ``high`` the high end (or None).
    Percentages are in percent (34.88% -> 34.88), money and measures in their
    base unit (三十八亿七千万元 -> 3870000000 yuan), counts with a classifier keep
    the count (一百五十打 -> 150 dozen).
    """

    text: str
    start: int
    end: int
    value: Decimal
    high: Decimal | None = None
    unit: str | None = None
    approx: str | None = None
    kind: str = "number"
    scale: str | None = None
    #: the unit word as written (斤, catties), None when there is none
    unit_text: str | None = None


@dataclass(frozen=True)
class Entity:
    """A place or organisation mention."""

    text: str
    start: int
    end: int
    label: str  # PLACE | ORG
    subtype: str = "other"
    norm: str | None = None  # canonical Chinese name
    en: str | None = None  # canonical English name
    gazetteer_id: str | None = None
    modern: str | None = None  # modern successor, never substituted for the name
    place: str | None = None  # for ORG: the place its name carries (高邮县)
    place_parent: str | None = None  # for ORG: the province/prefecture before it (江苏)
    trade: str | None = None  # for ORG: the trade its name carries (金属)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of one side of an article, with offsets into the file text."""

    index: int
    start: int
    end: int
    text: str
    #: "title" (a heading line repeating the title), "subhead", "body", "signature"
    role: str = "body"


@dataclass(frozen=True)
class Article:
    id: str
    path: str | None
    text: str  # decoded file text; every offset points into it
    date: str  # ISO yyyy-mm-dd
    page: int | None
    column: str | None
    title_en: str
    title_zh: str
    author: str | None
    paragraphs_en: tuple[Paragraph, ...] = field(default_factory=tuple)
    paragraphs_zh: tuple[Paragraph, ...] = field(default_factory=tuple)
    encoding: str = "utf-8"
    #: span of the whole English body and of the whole Chinese block (title line on)
    en_span: tuple[int, int] = (0, 0)
    zh_span: tuple[int, int] = (0, 0)
    #: offsets of the Chinese title (### line), for quantities in the title
    title_zh_span: tuple[int, int] | None = None
    title_en_span: tuple[int, int] | None = None
    content_hash: str = ""

    @property
    def n_chars_en(self) -> int:
        return sum(len(p.text) for p in self.paragraphs_en)

    @property
    def n_chars_zh(self) -> int:
        return sum(len(p.text) for p in self.paragraphs_zh)
