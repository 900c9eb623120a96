"""Link Chinese entities to their English renderings (and back).

    link_entities(zh: list[Entity], en: list[Entity]) -> list[tuple[Entity | None, Entity | None, float]]

    link_article(article, zh=None, en=None, beads=None) -> the same, with the paragraph alignment

Every zh and every en entity appears exactly once, paired or alone (score 0.0 when alone). Pairs are chosen
greedily by score, one-to-one; ties go to the pair whose relative positions in their texts are closest (so the
n-th 北京 goes with the n-th Beijing). link_article ranks a pair inside an aligned paragraph pair above one across
paragraphs (SAME_PARAGRAPH_BONUS).

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


@lru_cache(maxsize=1 << 13)
def _core(s: str) -> str:
    return norm_en(_GENERIC.sub(" ", s))


#: generic words of feature and wider-place names too (Leningrad Oblast, Moldavian Republic, Zijin Mountain,
#: Qizhou Ocean, the Chongqing area, suburbs of Beijing, Wanglou fishing ground, Longhai Front): dropped when the
#: linker compares names (the benchmark keeps _core's shorter list)
_GENERIC_WIDE = re.compile(
    r"\b(the|special|districts?|county|counties|city|cities|province|provinces|prefecture|region|regions|autonomous|"
    r"municipality|township|townships|town|village|villages|league|banner|area|areas|of|and|people'?s|municipal|"
    r"provincial|republic|oblast|state|island|islands|mountains?|shan|ocean|sea|suburbs?|outskirts|fishing|grounds?|"
    r"front|zone)\b", re.I)


@lru_cache(maxsize=1 << 13)
def _core_wide(s: str) -> str:
    return norm_en(_GENERIC_WIDE.sub(" ", s))


#: Chinese heads of the same kinds (the stem before them is the name: 列宁格勒|州, 摩尔达维亚|共和国, 七洲|洋)
_ZH_HEAD_WIDE = re.compile(r"(特别行政区|自治区|自治州|自治县|共和国|专区|地区|郊区|渔场|前线|省|市|县|区|乡|镇|村|盟|旗|州|岛|山|洋|海)$")
#: a Chinese admin suffix and the English head words that render it (四川省 -> Sichuan Province)
_HEAD_EN = re.compile(r"\b(province|county|city|district|districts|special|township|village|region|prefecture|"
                      r"municipality|area|league|banner)\b", re.I)
_ADMIN_SUFFIX = re.compile(r"(专区|地区|省|市|县|区|乡|镇|村|盟|旗)$")


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
    wide = _ZH_HEAD_WIDE.sub("", e.text)
    if wide and wide != stem and len(wide) >= 2:
        # 列宁格勒州 -> 列宁格勒 (Leningrad), 七洲洋 -> 七洲 (Qizhou): the gazetteer's names and the pinyin of the stem
        for p in g.lookup_zh(wide)[:4]:
            for n in p.english_names:
                core.add(_core_wide(n))
            ids.add(p.id)
        core.add(_pinyin(wide))
    for n in names:
        core.add(_core_wide(n))
    core.discard("")
    full.discard("")
    return full, core, ids


@lru_cache(maxsize=20000)
def _zh_keys_cached(text, label, norm, en, gid):
    """(full keys, core keys, gazetteer ids, fuzzy keys): the fuzzy keys are the non-empty keys of both sets with
    their lengths and letter counts (for the bound on difflib's ratio, computed once per name)."""
    full, core, ids = _zh_keys(Entity(text=text, start=0, end=len(text), label=label, subtype="other", norm=norm,
                                      en=en, gazetteer_id=gid))
    return full, core, ids, tuple((x, len(x), _counts(x)) for x in core | full if x)


def _counts(s: str) -> dict[str, int]:
    d: dict[str, int] = {}
    for ch in s:
        d[ch] = d.get(ch, 0) + 1
    return d


@lru_cache(maxsize=1 << 13)
def _en_keys(text: str):
    """What _score needs of an English mention's text, once per distinct text: (norm_en, core, wide core, the ids
    of its first three gazetteer units when the core is not empty, letter counts of the core)."""
    c = _core(text)
    ids3 = tuple(p.id for p in load_gazetteer().lookup_en(text)[:3]) if c else ()
    return norm_en(text), c, _core_wide(text), ids3, _counts(c)


_STOP_WORDS = {"the", "of", "and", "in", "for", "no", "a", "an"}


def _words(s: str) -> set[str]:
    """Content words, singular (cooperatives = cooperative)."""
    return {_sing(w) for w in re.findall(r"[a-z0-9]+", s.lower().replace("’", "'").replace("'s", "")) if w not in _STOP_WORDS}


@lru_cache(maxsize=1 << 13)
def _words_cached(s: str) -> frozenset[str]:
    return frozenset(_words(s))


def _sing(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


@lru_cache(maxsize=20000)
def _org_words(text: str, en: str, place: str | None) -> frozenset[str]:
    """English words an organisation's rendering is expected to carry: its generated English name's words and the
    English names of the places it names (国营陕西第一棉纺织厂工会 -> trade, union, shaanxi, cotton, textile, factory;
    上海中华油脂厂 -> shanghai too)."""
    w = _words(en or "")
    g = load_gazetteer()
    names = {place} if place else set()
    names.update(text[:k] for k in (2, 3, 4) if len(text) > k + 1)
    for n in names:
        for p in g.lookup_zh(n)[:1]:
            w |= _words(p.en)
    return frozenset(w)


#: words of organisation heads: shared alone they say nothing about which organisation it is
_ORG_HEAD_WORDS = {"factory", "factories", "plant", "mill", "works", "mine", "farm", "cooperative", "organization",
                   "organisation", "production", "commune", "brigade",
                   "society", "group", "team", "union", "trade", "federation", "association", "committee", "commission",
                   "bureau", "department", "ministry", "office", "government", "council", "conference", "party",
                   "army", "division", "regiment", "corps", "brigade", "news", "agency", "daily", "radio", "station",
                   "company", "corporation", "bank", "school", "university", "college", "institute", "hospital",
                   "general", "central", "national", "people", "state", "owned", "branch", "administration"}
#: and words of trades and industries (zh_trades.tsv and a few more): "Coal Mine" says no more than "Mine" which one
_ORG_HEAD_WORDS |= {"coal", "oil", "steel", "iron", "cotton", "textile", "machine", "machinery", "industry", "industrial",
                    "electric", "power", "paper", "cement", "chemical", "railway", "transport", "transportation",
                    "agricultural", "agriculture", "construction", "trading", "commerce", "commercial", "provincial",
                    "municipal", "county", "city", "district", "township", "village", "local", "first", "second",
                    "third"}
_ORG_HEAD_WORDS = {_sing(w) for w in _ORG_HEAD_WORDS}  # compared with _words' singulars


@lru_cache(maxsize=1)
def _generic_org_words() -> frozenset[str]:
    from pipeline.entities.gazetteer import rule_rows

    words = set(_ORG_HEAD_WORDS)
    for r in rule_rows("zh_trades.tsv"):
        words |= _words(r.get("en") or "")
    return frozenset(words)


def score(zh: Entity, en: Entity) -> float:
    """Score of a pair; an exact name match loses 0.02 when one side has an administrative head and the other none
    (四川省 goes to "Sichuan Province" before "Sichuan", 武安 to "Wu'an" before "Wu'an County", when both occur)."""
    s = _score(zh, en)
    if s >= 0.9 and zh.label == "PLACE" and bool(_ADMIN_SUFFIX.search(zh.text)) != bool(_HEAD_EN.search(en.text)):
        s -= 0.02
    return s


def _score(zh: Entity, en: Entity) -> float:
    if zh.label != en.label:
        return 0.0
    full, core, ids, fuzzy = _zh_keys_cached(zh.text, zh.label, zh.norm, zh.en, zh.gazetteer_id)
    k, c, cw, ids3, cc = _en_keys(en.text)
    if k in full:
        return 1.0
    if c and c in core:
        return 0.95
    if cw and cw in core:
        return 0.93
    if en.gazetteer_id and en.gazetteer_id in ids:
        return 0.9
    if en.norm and zh.norm and en.norm == zh.norm:
        return 0.9
    for i in ids3:
        if i in ids:
            return 0.9
    best = 0.0
    lc = len(c)
    for x, lx, cx in (fuzzy if c else ()):  # (the best is the same whatever the order of the keys)
        if lc >= 4 and lx >= 4 and (c in x or x in c):
            best = max(best, 0.8)
            continue
        floor = max(best, 0.75)  # ratio <= quick_ratio <= the length bound: skip what cannot reach the floor
        if 2 * min(lc, lx) / (lc + lx) < floor:
            continue
        # difflib's quick_ratio (letters in common, counted with multiplicity), from the counts kept per text
        matches = 0
        for ch, n in cc.items():
            m = cx.get(ch)
            if m:
                matches += n if n < m else m
        if 2.0 * matches / (lc + lx) < floor:
            continue
        best = max(best, SequenceMatcher(None, c, x).ratio())
    out = 0.0
    if best >= 0.75:
        out = round(0.5 + (best - 0.75) * 1.4, 3) if best < 0.8 or best == 0.8 else min(0.85, round(0.5 + (best - 0.75) * 1.4, 3))
    if zh.label == "ORG" and zh.en:
        # an organisation's rendering carries the words of its name: the share of the expected words found, over
        # the larger word set (so "Cotton Textile Factory" loses to the full name of the union of that factory)
        zw, ew = _org_words(zh.text, zh.en, zh.place), _words_cached(en.text)
        shared = zw & ew
        if shared - _generic_org_words():  # a word of the name itself, not only "News Agency", "Coal Mine", "Army"
            r = len(shared) / max(len(zw), len(ew))
            if r >= 0.5:
                out = max(out, round(0.5 + 0.4 * r, 3))
    return out


def link_entities(zh: list[Entity], en: list[Entity], zh_len: int | None = None, en_len: int | None = None,
                  min_score: float = 0.5) -> list[tuple[Entity | None, Entity | None, float]]:
    zh = list(zh or [])
    en = list(en or [])
    if not zh or not en:
        return [(z, None, 0.0) for z in zh] + [(None, e, 0.0) for e in en]
    zl = zh_len or max(z.end for z in zh) or 1
    el = en_len or max(e.end for e in en) or 1
    return _link(zh, en, [z.start / zl for z in zh], [e.start / el for e in en], None, None, min_score)


#: a pair inside one aligned paragraph pair goes before a pair across paragraphs scoring up to this much more
SAME_PARAGRAPH_BONUS = 0.1
_NONE: frozenset = frozenset()


def link_article(article, zh=None, en=None, beads=None, min_score: float = 0.5):
    """Link the entities of one article using its paragraph alignment: a pair inside an aligned paragraph pair
    (bead) counts SAME_PARAGRAPH_BONUS more than one across paragraphs, so the n-th 北京 goes with the Beijing of
    its own paragraph; a name rendered elsewhere (a merge the alignment missed) is still linked.

    ``zh`` / ``en``: (Segment, Entity) lists from :func:`pipeline.mentions.article_entities` (computed when None);
    ``beads``: from :func:`pipeline.align.align_paragraphs` (computed when None). Returns (zh, en, score) triples
    as :func:`link_entities` does, with the entities' file offsets."""
    from pipeline.mentions import article_entities

    zh = article_entities(article, "zh") if zh is None else zh
    en = article_entities(article, "en") if en is None else en
    zents = [e for _, e in zh]
    eents = [e for _, e in en]
    if not zents or not eents:
        return [(z, None, 0.0) for z in zents] + [(None, e, 0.0) for e in eents]
    if beads is None:
        try:
            from pipeline.align import align_paragraphs

            beads = align_paragraphs(article)
        except Exception:  # no alignment: relative positions alone, as link_entities
            beads = []
    zb, eb = {}, {}
    for k, b in enumerate(beads):
        for i in b.zh:
            zb.setdefault(i, set()).add(k)
        for j in b.en:
            eb.setdefault(j, set()).add(k)
    zs, ze = article.zh_span
    es, ee = article.en_span
    zpos = [(z.start - zs) / max(1, ze - zs) for z in zents]
    epos = [(e.start - es) / max(1, ee - es) for e in eents]
    return _link(zents, eents, zpos, epos, [zb.get(seg.index, _NONE) for seg, _ in zh],
                 [eb.get(seg.index, _NONE) for seg, _ in en], min_score)


#: scores of (zh, en) name pairs, kept across articles (the same names recur: 中国/China, 美国/U.S.): zh key ->
#: {en key: score}; cleared when it holds more than _SCORES_MAX scores
_SCORES: dict = {}
_SCORES_MAX = 50_000  # (about 10 MB)
_SCORES_N = [0]  # scores held


def _link(zh, en, zpos, epos, zbeads, ebeads, min_score):
    cands = []
    cache = _SCORES
    if _SCORES_N[0] > _SCORES_MAX:
        cache.clear()
        _SCORES_N[0] = 0
    by_label: dict[str, list] = {}
    for j, e in enumerate(en):
        by_label.setdefault(e.label, []).append((j, e, (e.text, e.norm, e.gazetteer_id)))
    for i, z in enumerate(zh):
        zkey = (z.text, z.label, z.norm, z.gazetteer_id, z.en, z.place)
        row = cache.get(zkey)
        if row is None:
            row = cache[zkey] = {}
        for j, e, ekey in by_label.get(z.label, ()):  # a pair needs the same label
            s = row.get(ekey)
            if s is None:
                s = row[ekey] = score(z, e)
                _SCORES_N[0] += 1
            if s >= min_score:
                dist = abs(zpos[i] - epos[j])
                rank = s + SAME_PARAGRAPH_BONUS if zbeads is not None and not zbeads[i].isdisjoint(ebeads[j]) else s
                # equal scores: the longer (more specific) mention first, then the closest in relative position
                cands.append((-rank, -(z.end - z.start), dist, i, j, s))
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


__all__ = ["link_entities", "link_article", "score"]
