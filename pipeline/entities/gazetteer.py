"""The place gazetteer of 1946-2003 China and the world, shipped as data (pipeline/data/gazetteer/places.tsv).

Loaded once per process (``load()`` is cached). Lookups:

    >>> from pipeline.entities.gazetteer import load
    >>> g = load()
    >>> g.best_zh("高邮县").en
    'Gaoyou County'
    >>> g.best_zh("热河").level, g.best_zh("热河").modern   # historical name kept; successor in its own field
    ('province', '河北省|辽宁省|内蒙古自治区')
    >>> g.best_en("Kwangsi").zh
    '广西省'

A historical name is never rewritten into a modern one: ``modern`` is only ever a separate field.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
PLACES = DATA / "gazetteer" / "places.tsv"

#: lower = more prominent when one surface names several units
LEVEL_RANK = {
    "country": 0, "continent": 0, "world_region": 1, "province": 1, "municipality": 1, "region": 1,
    "city": 3, "special_district": 4, "prefecture": 4, "county": 5, "district": 6, "township": 7, "village": 8,
    "sea": 2, "river": 2, "lake": 3, "mountain": 3, "other": 5,
}
#: gazetteer level -> Entity.subtype vocabulary
SUBTYPE = {
    "country": "country", "continent": "region", "world_region": "region", "province": "province",
    "municipality": "municipality", "region": "region", "city": "city", "special_district": "special_district",
    "prefecture": "prefecture", "county": "county", "district": "district", "township": "township",
    "village": "village",
}


@dataclass(frozen=True)
class Place:
    id: str
    zh: str
    aliases: tuple[str, ...]
    level: str
    parent: str
    province: str
    start: int | None
    end: int | None
    en: str
    en_alt: tuple[str, ...]
    modern: str
    source: str

    @property
    def subtype(self) -> str:
        return SUBTYPE.get(self.level, "other")

    @property
    def english_names(self) -> tuple[str, ...]:
        return (self.en, *self.en_alt)


def _int(s):
    return int(s) if s and s.strip().isdigit() else None


_THE = re.compile(r"^the\s+")
_NOT_LETTER = re.compile(r"[^a-z]")


def _norm_en(s: str) -> str:
    s = s.lower().replace("ü", "u").replace("ö", "o").replace("é", "e")
    return _NOT_LETTER.sub("", _THE.sub("", s))


@lru_cache(maxsize=1 << 14)
def norm_en(s: str) -> str:
    """Key for English lookups: lower case, letters only ('Xi'an' == 'xian', 'Sui-Mong' == 'suimong'). Cached: the
    linker and the lookups ask for the same names again and again."""
    return _norm_en(s)


class Gazetteer:
    def __init__(self, places: list[Place], ambiguous: set[str]):
        self.places = places
        self.by_id = {p.id: p for p in places}
        self.ambiguous = ambiguous
        by_zh: dict[str, list[tuple[int, Place]]] = {}
        by_en: dict[str, list[tuple[int, Place]]] = {}
        for p in places:
            by_zh.setdefault(p.zh, []).append((0, p))
            for a in p.aliases:
                by_zh.setdefault(a, []).append((1, p))
            for i, e in enumerate(p.english_names):
                k = _norm_en(e)
                if k:
                    by_en.setdefault(k, []).append((0 if i == 0 else 1, p))
        self._zh = {k: [p for _, p in sorted(v, key=lambda t: self._key(t))] for k, v in by_zh.items()}
        self._en = {k: [p for _, p in sorted(v, key=lambda t: self._key(t))] for k, v in by_en.items()}
        self.max_len = max(len(k) for k in self._zh)

    @staticmethod
    def _key(t):
        alias, p = t
        early = 0 if (p.start is None or p.start <= 1979) else 1
        hand = 0 if p.source.startswith("hand") else 1
        return (alias, LEVEL_RANK.get(p.level, 9), early, hand, p.id)

    # -- Chinese
    def lookup_zh(self, name: str) -> list[Place]:
        """All units called ``name`` (full name or short form), most prominent first."""
        return list(self._zh.get(name, ()))

    def best_zh(self, name: str, level: str | None = None) -> Place | None:
        cands = self._zh.get(name)
        if not cands:
            return None
        if level:
            for p in cands:
                if p.level == level or p.subtype == level:
                    return p
        return cands[0]

    def names_zh(self):
        return self._zh.keys()

    # -- English
    def lookup_en(self, name: str) -> list[Place]:
        return list(self._en.get(norm_en(name), ()))

    def best_en(self, name: str) -> Place | None:
        c = self._en.get(norm_en(name))
        return c[0] if c else None

    def names_en(self):
        return self._en.keys()

    def __len__(self):
        return len(self.places)


def _read(path: Path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def rule_rows(name: str) -> list[dict]:
    """Rows of a TSV rule file in pipeline/data/entities (``#`` lines are comments)."""
    return list(_read(DATA / "entities" / name))


def rule_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a rule file in pipeline/data/entities ([] if absent)."""
    p = DATA / "entities" / name
    if not p.exists():
        return []
    return [l.strip() for l in p.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    places = []
    for r in _read(PLACES):
        places.append(Place(
            id=r["id"], zh=r["zh"], aliases=tuple(a for a in (r["aliases"] or "").split("|") if a),
            level=r["level"], parent=r["parent"] or "", province=r["province"] or "",
            start=_int(r["start"]), end=_int(r["end"]), en=r["en"] or "",
            en_alt=tuple(a for a in (r["en_alt"] or "").split("|") if a), modern=r["modern"] or "", source=r["source"],
        ))
    return Gazetteer(places, set(rule_lines("ambiguous_zh.txt")))


def lookup_zh(name: str) -> list[Place]:
    return load().lookup_zh(name)


def lookup_en(name: str) -> list[Place]:
    return load().lookup_en(name)


__all__ = ["Place", "Gazetteer", "load", "lookup_zh", "lookup_en", "norm_en"]
