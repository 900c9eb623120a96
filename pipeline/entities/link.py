"""Link Chinese entities to their English renderings (and back).

    link_entities(zh: list[Entity], en: list[Entity]) -> list[tuple[Entity | None, Entity | None, float]]

Every zh and every en entity appears exactly once, paired or alone (score 0.0 when alone). Pairs are chosen
greedily by score, one-to-one; ties go to the pair whose relative positions in their texts are closest (so the
n-th 北京 goes with the n-th Beijing). Call it per aligned paragraph pair for the best results, or on whole
article sides.

Score of a pair (0..1), same label required:
- 1.0: the English text (lower case, letters only, "the" dropped) is one of the names the zh entity can have:
  its gazetteer names and period spellings, its English name, the pinyin of its text;
- 0.95: the same with generic words dropped on both sides (County, Province, Special District(s) ...);
- 0.9: both resolve to the same gazetteer unit (the English one by its spelling);
- otherwise a string similarity of the cores (difflib ratio) when >= 0.75, scaled to 0.5-0.85; else no pair.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.entities.gazetteer import load as load_gazetteer
from pipeline.entities.gazetteer import norm_en
from pipeline.types import Entity

_GENERIC = re.compile(
    r"\b(the|special|districts?|county|counties|city|cities|province|provinces|prefecture|region|regions|autonomous|"
    r"municipality|township|town|village|league|banner|area|areas|of|and|people'?s|municipal|provincial)\b", re.I)


def _core(s: str) -> str:
    return norm_en(_GENERIC.sub(" ", s))


@lru_cache(maxsize=20000)
def _pinyin(s: str) -> str:
    try:
        from pypinyin import Style, lazy_pinyin

        return "".join(lazy_pinyin(s, style=Style.NORMAL, errors="ignore"))
    except Exception:
        return ""


_ZH_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|专区|地区|省|市|县|区|乡|镇|村|盟|旗)$")


def _zh_keys(e: Entity) -> tuple[set[str], set[str], set[str]]:
    """(full keys, core keys, gazetteer ids) for a Chinese entity."""
    g = load_gazetteer()
    full, core, ids = set(), set(), set()
    names = []
    if e.en:
        names.append(e.en)
    places = []
    if e.gazetteer_id and e.gazetteer_id in g.by_id:
        places.append(g.by_id[e.gazetteer_id])
    for n in {e.text, e.norm or e.text}:
        places.extend(g.lookup_zh(n)[:4])
    for p in places:
        names.extend(p.english_names)
        ids.add(p.id)
    for n in names:
        full.add(norm_en(n))
        core.add(_core(n))
    stem = _ZH_SUFFIX.sub("", e.text) or e.text
    py = _pinyin(stem)
    if py:
        core.add(py)
        full.add(_pinyin(e.text))
    core.discard("")
    full.discard("")
    return full, core, ids


def score(zh: Entity, en: Entity) -> float:
    if zh.label != en.label:
        return 0.0
    full, core, ids = _zh_keys(zh)
    k = norm_en(en.text)
    if k in full:
        return 1.0
    c = _core(en.text)
    if c and c in core:
        return 0.95
    if en.gazetteer_id and en.gazetteer_id in ids:
        return 0.9
    if en.norm and zh.norm and en.norm == zh.norm:
        return 0.9
    g = load_gazetteer()
    if c:
        for p in g.lookup_en(en.text)[:3]:
            if p.id in ids:
                return 0.9
    best = 0.0
    for x in core | full:
        if not x or not c:
            continue
        if len(c) >= 4 and len(x) >= 4 and (c in x or x in c):
            best = max(best, 0.8)
            continue
        r = SequenceMatcher(None, c, x).ratio()
        best = max(best, r)
    if best >= 0.75:
        return round(0.5 + (best - 0.75) * 1.4, 3) if best < 0.8 or best == 0.8 else min(0.85, round(0.5 + (best - 0.75) * 1.4, 3))
    return 0.0


def link_entities(zh: list[Entity], en: list[Entity], zh_len: int | None = None, en_len: int | None = None,
                  min_score: float = 0.5) -> list[tuple[Entity | None, Entity | None, float]]:
    zh = list(zh or [])
    en = list(en or [])
    if not zh or not en:
        return [(z, None, 0.0) for z in zh] + [(None, e, 0.0) for e in en]
    zl = zh_len or max(z.end for z in zh) or 1
    el = en_len or max(e.end for e in en) or 1
    cands = []
    cache = {}
    for i, z in enumerate(zh):
        for j, e in enumerate(en):
            key = (z.text, z.label, z.gazetteer_id, z.en, e.text, e.label)
            s = cache.get(key)
            if s is None:
                s = cache[key] = score(z, e)
            if s >= min_score:
                dist = abs(z.start / zl - e.start / el)
                # equal scores: the longer (more specific) mention first, then the closest in relative position
                cands.append((-s, -(z.end - z.start), dist, i, j, s))
    cands.sort()
    zi, ej = {}, {}
    for _, _, _, i, j, s in cands:
        if i in zi or j in ej:
            continue
        zi[i] = (j, s)
        ej[j] = i
    out = []
    for i, z in enumerate(zh):
        if i in zi:
            j, s = zi[i]
            out.append((z, en[j], s))
        else:
            out.append((z, None, 0.0))
    for j, e in enumerate(en):
        if j not in ej:
            out.append((None, e, 0.0))
    return out


__all__ = ["link_entities", "score"]
