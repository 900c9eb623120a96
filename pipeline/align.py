"""Align the two sides of an article: paragraphs, then sentences inside aligned paragraphs.

The method is Gale and Church's (1993) dynamic programme on length, with numbers as
anchors (and names, when an entity list is passed): every bead costs

    length cost  +  bead-type prior  -  anchor bonus

where the length cost compares the English length with the Chinese length times the
article's own English/Chinese character ratio (a log-ratio under a normal model, so a
short title line and a long body paragraph are judged on the same scale), the prior is
``-log P(bead type)`` and the anchor bonus rewards numbers (values, exact Decimal) and
names found on both sides of the bead, and penalises those found on one side only.

Beads are 1-1, 1-2 (a Chinese paragraph split in two English ones), 2-1 (merged),
1-0 (a Chinese paragraph with no translation: *dropped*) and 0-1 (English with no
Chinese source). The title lines (``###`` line and ``Title:``) form their own bead;
the Chinese paragraphs that repeat the title and find no English paragraph are paired
with the English ``Title:`` line (the translation usually prints the title once).
English lines that are not translation (the ``**Named Entities**`` glossary some files
carry, ``<br>`` lines) are left out of the alignment.

Inside each paragraph bead the sentences are aligned by the same programme (beads up to
2-2, 1-3 and 3-1), giving :class:`SentenceBead` spans that the reconciler uses as a
position prior when it pairs figures.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.mentions import META, TITLE

#: -log prior of each paragraph bead type
_PARA_PRIOR = {(1, 1): 0.0, (1, 2): 2.3, (2, 1): 2.3, (1, 0): 4.0, (0, 1): 4.0}
#: rarer beads, tried only where the DP left a paragraph alone (1-0 / 0-1) next to a bead: a
#: paragraph split in three English ones, three merged in one (LLM translations do both)
_REPAIR_PRIOR = {(1, 3): 4.6, (3, 1): 4.6}
#: sentence beads: one Chinese sentence often becomes two or three English ones
_SENT_PRIOR = {(1, 1): 0.0, (1, 2): 1.6, (2, 1): 1.6, (2, 2): 2.6, (1, 3): 2.8, (3, 1): 2.8,
               (1, 0): 3.5, (0, 1): 3.5}
#: spread of log(English length / expected length) for one bead: measured on the dev articles'
#: 1-1 paragraphs, 0.08 for paragraphs of 60+ Chinese characters and 0.23 for short ones; the
#: variance is modelled as FLOOR^2 + SHORT / length (length in Chinese characters)
_SIGMA_FLOOR = 0.07
_SIGMA_SHORT = 1.5
#: characters added to both lengths before the ratio (short lines vary more)
_SMOOTH = 12.0
#: anchor weights: a number on both sides, a number on one side only
_ANCHOR_HIT = 3.0
_ANCHOR_MISS = 1.0
_NAME_HIT = 1.5
#: extra cost of merging a title line with a body paragraph; bonus for title lines paired
_TITLE_MERGE = 3.0
_TITLE_BONUS = 2.0

_GLOSSARY_START = re.compile(r"^\W*Named Entities\W*$", re.I)
_HTML_ONLY = re.compile(r"^(?:<[^>]*>\s*)+$")
_CJK = re.compile(r"^[\u4e00-\u9fff][^A-Za-z]*(?:\s{2,}|\t)[A-Za-z]")

_ZH_SENT = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)\]]*|$)")
_EN_ABBR = {"no", "mr", "mrs", "dr", "st", "co", "ltd", "jr", "sr", "vs", "etc", "gen", "lt", "col", "capt",
            "prof", "rev", "mt", "ft", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
            "u.s", "u.k", "u.n", "u.s.s.r", "i.e", "e.g", "inc", "vol", "art", "fig", "approx"}
_EN_BOUNDARY = re.compile(r"([.!?;]+)([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class SentenceBead:
    """Aligned sentences inside one paragraph bead: spans into ``article.text`` (None when empty)."""

    zh: tuple[tuple[int, int], ...]
    en: tuple[tuple[int, int], ...]
    cost: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True)
class Bead:
    """One alignment unit: Chinese paragraph indices and English paragraph indices.

    Indices are :attr:`pipeline.types.Paragraph.index` values, or ``TITLE`` (-1) for the
    title lines and ``META`` (-2) for the date/page lines. ``kind`` is "1-1", "2-1", ...;
    ``note`` explains a non 1-1 bead in words (dropped, merged, split, title repeat).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float = 0.0
    sentences: tuple[SentenceBead, ...] = field(default=(), compare=False)
    note: str = ""

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"

    @property
    def dropped(self) -> bool:
        """A Chinese paragraph with no English counterpart."""
        return bool(self.zh) and not self.en

    @property
    def merged(self) -> bool:
        return len(self.zh) > 1 or len(self.en) > 1


# ---------------------------------------------------------------- length + DP


def _len(text: str, lang: str) -> int:
    if lang == "zh":
        return len(text) - sum(map(str.isspace, text))  # the characters that are not white space
    return len(" ".join(text.split()))


def _length_cost(lz: float, le: float, ratio: float) -> float:
    if lz == 0 and le == 0:
        return 0.0
    if lz == 0 or le == 0:
        return 0.0  # a 1-0 / 0-1 bead pays its prior only
    d = math.log((le + _SMOOTH) / (lz * ratio + _SMOOTH))
    n = (lz + le / ratio) / 2  # bead length in Chinese characters
    var = _SIGMA_FLOOR ** 2 + _SIGMA_SHORT / max(n, 1.0)
    return d * d / (2 * var)


def _norm_value(v) -> Decimal | None:
    if v is None:
        return None
    try:
        d = Decimal(v)
    except Exception:
        return None
    if not d.is_finite():
        return None
    return d.normalize()


def _weight(v: Decimal) -> float:
    """How much a shared number says: 1, 2 ... 9 are everywhere ("a", "per day"), 58000 is not."""
    w = _WEIGHTS.get(v)  # by value: both tests below compare values
    if w is None:
        w = 1.0 if (v != v.to_integral_value() or abs(v) >= 10) else 0.3
        if len(_WEIGHTS) < 4096:
            _WEIGHTS[v] = w
    return w


_WEIGHTS: dict = {}


def _anchor_score(zvals: list, evals: list, znames: set, enames: set) -> float:
    """Bonus (positive is good) for numbers and names shared by the two sides of a bead."""
    if not zvals and not evals and not znames:
        return 0.0
    pool = list(evals)
    hits, nhits = 0.0, 0
    for v in zvals:
        if v in pool:
            pool.remove(v)
            hits += _weight(v)
            nhits += 1
    misses = (len(zvals) - nhits) + len(pool)
    score = _ANCHOR_HIT * hits - _ANCHOR_MISS * misses
    if znames and enames:
        score += _NAME_HIT * len(znames & enames)
    return score


_NO_NAMES = frozenset()


def _plain_values(zvals, evals, znames, enames, zcheap, etitle, prior):
    """For a DP with no names and no title marks, the value lists of every bead's units, joined
    once: ``(zcat, ecat)`` with ``zcat[a][i]`` = the values of Chinese units i .. i+a-1 in order;
    None when names or title marks are present (then :func:`_static_cost` does the work).

    With neither, :func:`_static_cost` gives ``(-_anchor_score(zv, ev, {}, {}), None)`` for a bead
    with both sides and ``(_ANCHOR_MISS * (len(zv) + len(ev)), None)`` otherwise: the DP uses
    that directly with these lists (the same values, in the same order)."""
    if (zcheap and any(zcheap)) or (etitle and any(etitle)) or (znames and any(znames)) \
            or (enames and any(enames)):
        return None

    def cat(vals, sizes):
        n = len(vals)
        out = {}
        for a in sizes:
            if a == 0:
                out[a] = [()] * (n + 1)
            elif a == 1:
                out[a] = list(vals) + [()]
            else:
                out[a] = [[v for k in range(i, i + a) for v in vals[k]] if i + a <= n else ()
                          for i in range(n + 1)]
        return out

    return cat(zvals, {a for a, _ in prior}), cat(evals, {b for _, b in prior})


def _static_cost(i, j, a, b, zvals, evals, znames, enames, zcheap, etitle):
    """The ratio-free part of a bead's cost: (additive cost, override for title 1-0 / 0-1 beads or None)."""
    # one unit's lists and sets are used as they are (nothing below changes them)
    zv = zvals[i] if a == 1 else [v for k in range(i, i + a) for v in zvals[k]]
    ev = evals[j] if b == 1 else [v for k in range(j, j + b) for v in evals[k]]
    if a and b:
        zn = znames[i] if a == 1 else set().union(*znames[i:i + a])
        en = enames[j] if b == 1 else set().union(*enames[j:j + b])
        add = -_anchor_score(zv, ev, zn, en)
    else:
        add = _ANCHOR_MISS * (len(zv) + len(ev))
    override = None
    if zcheap:
        if a == 1 and b == 0 and zcheap[i]:
            override = 0.5  # a title line repeated in the body: it pairs with the English title
        elif a > 1 and len({zcheap[k] for k in range(i, i + a)}) > 1:
            add += _TITLE_MERGE  # a title line merged with a body paragraph
    if etitle:
        et = [etitle[k] for k in range(j, j + b)]
        if b == 1 and a == 0 and et[0]:
            override = 0.5  # the English repeats its title in the body
        elif b and any(et):
            zt = [bool(zcheap and zcheap[k]) for k in range(i, i + a)]
            if a and all(zt) and all(et):
                add -= _TITLE_BONUS  # Chinese title lines rendered by the English title lines
            elif a:
                add += _TITLE_MERGE  # an English title line paired with Chinese body text
    return add, override


def _dp(zs: list, es: list, ratio: float, prior: dict, zvals=None, evals=None, znames=None, enames=None,
        zcheap=None, etitle=None, memo: dict | None = None, full: bool = False):
    """Generic Gale-Church DP. ``zs``/``es`` are lengths; optional per-unit value lists and name sets.

    ``zcheap[i]`` marks Chinese title lines, ``etitle[j]`` English lines repeating the title.
    ``memo`` caches the costs that do not depend on ``ratio`` across calls with the same units.
    Returns [(zi tuple, ej tuple, cost)].
    """
    n, m = len(zs), len(es)
    zvals = zvals or [[] for _ in zs]
    evals = evals or [[] for _ in es]
    znames = znames or [set() for _ in zs]
    enames = enames or [set() for _ in es]
    memo = {} if memo is None else memo
    zpre = [0]
    for x in zs:
        zpre.append(zpre[-1] + x)
    epre = [0]
    for x in es:
        epre.append(epre[-1] + x)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    # per bead type: its prior and a table of its ratio-free part per cell, kept in ``memo``
    # across calls: (fixed cost or None, prior + static cost, Chinese length, English length)
    beads = []
    for (a, b), p in prior.items():
        tab = memo.get((a, b))
        if tab is None:
            tab = memo[(a, b)] = {}
        beads.append((a, b, p, tab))
    # units with no number, no name and no title mark: for a bead of those alone _static_cost
    # gives (-0.0 (both sides) or 0.0 (one side), None); counted by prefix sums
    zanc, eanc = [0], [0]
    for k, (v, nm) in enumerate(zip(zvals, znames)):
        zanc.append(zanc[-1] + (1 if (v or nm or (zcheap and zcheap[k])) else 0))
    for k, (v, nm) in enumerate(zip(evals, enames)):
        eanc.append(eanc[-1] + (1 if (v or nm or (etitle and etitle[k])) else 0))
    plain = _plain_values(zvals, evals, znames, enames, zcheap, etitle, prior)
    # the length cost (_length_cost) is computed inline below, with the same operations
    smooth, short, floor2, log = _SMOOTH, _SIGMA_SHORT, _SIGMA_FLOOR ** 2, math.log
    w = m + 1
    # a band around the diagonal keeps long articles fast; short ones are searched in full
    band = max(8, (max(n, m) + 4) // 4) if not full else max(n, m) + 1
    for i in range(n + 1):
        mid = i * m / n if n else 0
        row = cost[i]
        for j in range(max(0, int(mid) - band), min(m, int(mid) + band) + 1):
            c0 = row[j]
            if c0 == INF:
                continue
            for a, b, p, tab in beads:
                ia, jb = i + a, j + b
                if ia > n or jb > m:
                    continue
                st = tab.get(i * w + j)
                if st is None:
                    if zanc[ia] == zanc[i] and eanc[jb] == eanc[j]:
                        add, override = (-0.0 if (a and b) else 0.0), None
                    elif plain is not None:
                        zv, ev = plain[0][a][i], plain[1][b][j]
                        if not (a and b):
                            add = _ANCHOR_MISS * (len(zv) + len(ev))
                        elif zv and ev:
                            add = -_anchor_score(zv, ev, _NO_NAMES, _NO_NAMES)
                        else:  # nothing to share: what _anchor_score computes, with no hit
                            add = -(_ANCHOR_HIT * 0.0 - _ANCHOR_MISS * (len(zv) + len(ev)))
                        override = None
                    else:
                        add, override = _static_cost(i, j, a, b, zvals, evals, znames, enames, zcheap, etitle)
                    lz, le = zpre[ia] - zpre[i], epre[jb] - epre[j]
                    if override is not None and (a == 0 or b == 0):
                        fixed = override if (a, b) == (1, 0) else min(p + add, override)
                    elif lz == 0 or le == 0:
                        fixed = p + add + 0.0  # a 1-0 / 0-1 bead pays its prior only
                    else:
                        fixed = None
                    st = tab[i * w + j] = (fixed, p + add, lz, le)
                c, pa, lz, le = st
                if c is None:
                    # the length cost is >= 0, so the new cost is >= c0 + pa: when that does not
                    # beat the cell's cost, neither would the full one (rounding is monotonic)
                    if c0 + pa >= cost[ia][jb]:
                        continue
                    d = log((le + smooth) / (lz * ratio + smooth))
                    nn = (lz + le / ratio) / 2
                    var = floor2 + short / (nn if nn >= 1.0 else 1.0)
                    c = pa + d * d / (2 * var)
                nc = c0 + c
                if nc < cost[ia][jb]:
                    cost[ia][jb] = nc
                    back[ia][jb] = (a, b, c)
    if back[n][m] is None and (n or m) and not full:
        return _dp(zs, es, ratio, prior, zvals, evals, znames, enames, zcheap, etitle, memo, full=True)
    out = []
    i, j = n, m
    while i or j:
        a, b, c = back[i][j]
        out.append((tuple(range(i - a, i)), tuple(range(j - b, j)), c))
        i, j = i - a, j - b
    out.reverse()
    return out


def _dp_ratios(zs: list, es: list, ratios: list, prior: dict, zvals=None, evals=None, znames=None, enames=None,
               zcheap=None, etitle=None, full: bool = False) -> list:
    """:func:`_dp` for several ratios in one pass: ``[_dp(zs, es, r, prior, ...) for r in ratios]``.

    Each ratio keeps its own cost and back-pointer tables, filled in the same cell and bead
    order with the same operations as :func:`_dp`, so every path is the one ``_dp`` gives; the
    walk over the cells, the reachability test and the ratio-free part of each bead (the
    ``memo`` of ``_dp``) are shared. Which cells are reachable does not depend on the ratio
    (every cost is finite), so the fallback to a full search is taken for all ratios or none.
    """
    n, m = len(zs), len(es)
    R = len(ratios)
    zvals = zvals or [[] for _ in zs]
    evals = evals or [[] for _ in es]
    znames = znames or [set() for _ in zs]
    enames = enames or [set() for _ in es]
    zpre = [0]
    for x in zs:
        zpre.append(zpre[-1] + x)
    epre = [0]
    for x in es:
        epre.append(epre[-1] + x)
    INF = float("inf")
    w = m + 1
    # per cell (flat index i * w + j): the costs and back pointers of every ratio
    cost = [None] * ((n + 1) * w)
    back = [None] * ((n + 1) * w)
    cost[0] = [0.0] * R
    back[0] = [None] * R
    beads = [(a, b, p) for (a, b), p in prior.items()]
    zanc, eanc = [0], [0]
    for k, (v, nm) in enumerate(zip(zvals, znames)):
        zanc.append(zanc[-1] + (1 if (v or nm or (zcheap and zcheap[k])) else 0))
    for k, (v, nm) in enumerate(zip(evals, enames)):
        eanc.append(eanc[-1] + (1 if (v or nm or (etitle and etitle[k])) else 0))
    plain = _plain_values(zvals, evals, znames, enames, zcheap, etitle, prior)
    smooth, short, floor2, log = _SMOOTH, _SIGMA_SHORT, _SIGMA_FLOOR ** 2, math.log
    krange = range(R)
    band = max(8, (max(n, m) + 4) // 4) if not full else max(n, m) + 1
    for i in range(n + 1):
        mid = i * m / n if n else 0
        base = i * w
        for j in range(max(0, int(mid) - band), min(m, int(mid) + band) + 1):
            c0s = cost[base + j]
            if c0s is None:
                continue  # not reachable (INF in _dp): the same for every ratio
            for a, b, p in beads:
                ia, jb = i + a, j + b
                if ia > n or jb > m:
                    continue
                if zanc[ia] == zanc[i] and eanc[jb] == eanc[j]:
                    add, override = (-0.0 if (a and b) else 0.0), None
                elif plain is not None:
                    zv, ev = plain[0][a][i], plain[1][b][j]
                    if not (a and b):
                        add = _ANCHOR_MISS * (len(zv) + len(ev))
                    elif zv and ev:
                        add = -_anchor_score(zv, ev, _NO_NAMES, _NO_NAMES)
                    else:  # nothing to share: what _anchor_score computes, with no hit
                        add = -(_ANCHOR_HIT * 0.0 - _ANCHOR_MISS * (len(zv) + len(ev)))
                    override = None
                else:
                    add, override = _static_cost(i, j, a, b, zvals, evals, znames, enames, zcheap, etitle)
                lz, le = zpre[ia] - zpre[i], epre[jb] - epre[j]
                if override is not None and (a == 0 or b == 0):
                    fixed = override if (a, b) == (1, 0) else min(p + add, override)
                elif lz == 0 or le == 0:
                    fixed = p + add + 0.0
                else:
                    fixed = None
                pa = p + add
                t = ia * w + jb
                tc = cost[t]
                if tc is None:
                    tc = cost[t] = [INF] * R
                    back[t] = [None] * R
                tb = back[t]
                if fixed is not None:
                    for k in krange:
                        nc = c0s[k] + fixed
                        if nc < tc[k]:
                            tc[k] = nc
                            tb[k] = (a, b, fixed)
                else:
                    for k in krange:
                        if c0s[k] + pa >= tc[k]:
                            continue  # the length cost is >= 0: no better (as in _dp)
                        ratio = ratios[k]
                        d = log((le + smooth) / (lz * ratio + smooth))
                        nn = (lz + le / ratio) / 2
                        var = floor2 + short / (nn if nn >= 1.0 else 1.0)
                        c = pa + d * d / (2 * var)
                        nc = c0s[k] + c
                        if nc < tc[k]:
                            tc[k] = nc
                            tb[k] = (a, b, c)
    last = n * w + m
    if (n or m) and (back[last] is None or back[last][0] is None) and not full:
        return _dp_ratios(zs, es, ratios, prior, zvals, evals, znames, enames, zcheap, etitle, full=True)
    paths = []
    for k in krange:
        out = []
        i, j = n, m
        while i or j:
            a, b, c = back[i * w + j][k]
            out.append((tuple(range(i - a, i)), tuple(range(j - b, j)), c))
            i, j = i - a, j - b
        out.reverse()
        paths.append(out)
    return paths


#: English characters per Chinese character over the dev articles (3.1 .. 5.3, median 4.4)
_CORPUS_RATIO = 4.4
_RATIO_SD = 0.15  # log-space spread of an article's ratio around the corpus ratio


def _ratio_grid(article_ratio: float) -> list[float]:
    """Candidate ratios: the article's own, and a log grid between it and well past the corpus ratio."""
    lo = min(article_ratio, _CORPUS_RATIO * 0.7)
    hi = max(article_ratio, _CORPUS_RATIO * 1.4)
    out = [article_ratio]
    r = lo
    while r <= hi * 1.0001:
        out.append(r)
        r *= 1.1
    return out


def _ratio_penalty(r: float, article_ratio: float) -> float:
    """Cost of assuming ratio ``r``: far from the corpus ratio, and (weakly) from the article's."""
    a = math.log(r / _CORPUS_RATIO) / _RATIO_SD
    b = math.log(r / article_ratio) / (3 * _RATIO_SD)
    return (a * a + b * b) / 2


def _repair(path, zlen, elen, ratio, zvals, evals, znames, enames, zcheap, etitle):
    """Search again, with the rarer beads of :data:`_REPAIR_PRIOR` too (1-3, 3-1), the few beads
    around each bead the DP may have got wrong: a paragraph left alone (a 1-0 or 0-1 bead that
    is not a title line) or a bead whose two sides hold figures and share none. A Chinese
    paragraph split in three English ones, or three merged in one, comes out of the DP as a
    lone paragraph beside a misfit. The window's beads are replaced when the search finds a
    cheaper path through them (the DP's costs: length, prior, anchors), so a paragraph really
    dropped (no shared figure, the lengths do not fit) stays dropped."""
    def misfit(zi, ej):
        if not zi or not ej:
            return True
        zv = {v for x in zi for v in zvals[x]} if zvals else ()
        ev = {v for x in ej for v in evals[x]} if evals else ()
        return bool(zv and ev and not (zv & ev))

    lone = [k for k, (zi, ej, _) in enumerate(path) if misfit(zi, ej)]
    if not lone:
        return path
    prior = {**_PARA_PRIOR, **_REPAIR_PRIOR}
    path = list(path)
    for k0 in reversed(lone):  # from the end: the indices before a replaced window stay valid
        zi, ej, _ = path[k0]
        if any(zcheap and zcheap[x] for x in zi) or any(etitle and etitle[x] for x in ej):
            continue  # a title line repeated in the body: the DP's own rule
        lo, hi = max(0, k0 - 2), min(len(path), k0 + 3)
        win = path[lo:hi]
        zs = [x for zi_, _, _ in win for x in zi_]
        es = [x for _, ej_, _ in win for x in ej_]
        if not zs or not es:
            continue
        z0, z1, e0, e1 = zs[0], zs[-1] + 1, es[0], es[-1] + 1
        sub = _dp(zlen[z0:z1], elen[e0:e1], ratio, prior,
                  zvals[z0:z1] if zvals else None, evals[e0:e1] if evals else None,
                  znames[z0:z1] if znames else None, enames[e0:e1] if enames else None,
                  zcheap[z0:z1] if zcheap else None, etitle[e0:e1] if etitle else None, {}, full=True)
        if sum(c for _, _, c in sub) < sum(c for _, _, c in win) - 1e-6:
            path[lo:hi] = [(tuple(x + z0 for x in a), tuple(x + e0 for x in b), c) for a, b, c in sub]
    return path


# ---------------------------------------------------------------- sentences


def split_sentences(text: str, lang: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (shifted by ``offset``), white space trimmed, never empty."""
    spans = []
    if lang == "zh":
        for m in _ZH_SENT.finditer(text):
            if m.group().strip():
                spans.append((m.start(), m.end()))
    else:
        start = 0
        for m in _EN_BOUNDARY.finditer(text):
            if m.group(1) == ".":
                w = re.search(r"([\w.]+)$", text[start:m.start()])
                word = w.group(1).lower() if w else ""
                if word in _EN_ABBR or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(\w\.)+\w", word):
                    continue
            end = m.end(2)
            spans.append((start, end))
            start = m.end()
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s + offset, e + offset))
    return out


def align_sentences(article, zh_paras, en_paras, ratio: float, zq=None, eq=None) -> tuple[SentenceBead, ...]:
    """Align the sentences of the given Chinese and English paragraphs (lists of Paragraph)."""
    text = article.text
    zs = [sp for p in zh_paras for sp in split_sentences(p.text, "zh", p.start)]
    es = [sp for p in en_paras for sp in split_sentences(p.text, "en", p.start)]
    if not zs or not es:
        return (SentenceBead(tuple(zs), tuple(es)),) if (zs or es) else ()
    zvals = _values_per_span(zq, zs)
    evals = _values_per_span(eq, es)
    path = _dp([_len(text[s:e], "zh") for s, e in zs], [_len(text[s:e], "en") for s, e in es], ratio,
               _SENT_PRIOR, zvals, evals)
    return tuple(SentenceBead(tuple(zs[k] for k in zi), tuple(es[k] for k in ej), round(c, 3)) for zi, ej, c in path)


def _values_per_span(qs, spans) -> list:
    """``[_values_in(qs, s, e) for s, e in spans]``, reading the article's whole figure list once
    (the figures inside the spans' range, kept in list order) instead of once per span."""
    if not qs:
        return [[] for _ in spans]
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    inside = [(None, q) for _, q in qs if lo <= q.start < hi]
    return [_values_in(inside, s, e) if inside else [] for s, e in spans]


def _values_in(qs, s, e) -> list:
    if not qs:
        return []
    return [v for v in (_norm_value(q.value) for _, q in qs if s <= q.start < e) if v is not None]


# ---------------------------------------------------------------- paragraphs


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _title_like(text: str, title: str) -> bool:
    """An English paragraph that repeats (part of) the English title line."""
    if not title or len(text) > 2 * len(title) + 20:
        return False
    a, b = _words(text), set(_words(title))
    if len(a) < 2 or not b:
        return False
    return sum(1 for w in a if w in b) / len(a) >= 0.8


def translation_paragraphs(article) -> list:
    """English paragraphs that are translation: the glossary block and HTML-only lines left out."""
    out = []
    for p in article.paragraphs_en:
        t = p.text.strip()
        if _GLOSSARY_START.match(t.replace("*", " ").strip()):
            break
        if _HTML_ONLY.match(t) or _CJK.match(t):
            continue
        out.append(p)
    return out


def _quick_values(text: str) -> list:
    """Fallback anchors when no quantity list is available: Arabic digit strings."""
    return [_norm_value(m.group().replace(",", "")) for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text)]


def _entity_names(article, lang):
    """Canonical names per paragraph index, when the entity linker is available (optional anchors)."""
    try:
        from pipeline.mentions import article_entities
        pairs = article_entities(article, lang)
    except Exception:
        return {}
    out: dict[int, set] = {}
    for seg, e in pairs:
        key = getattr(e, "norm", None) or getattr(e, "gazetteer_id", None)
        if lang == "en" and not key:
            continue
        if key:
            out.setdefault(seg.index, set()).add(key)
    return out


def align_paragraphs(article, zh=None, en=None, *, names: bool = False) -> list[Bead]:
    """Align the paragraphs of ``article`` and the sentences inside them.

    ``zh`` / ``en`` are optional (Segment, Quantity) lists from
    :func:`pipeline.mentions.article_quantities` (computed when None; Arabic digits are used
    as anchors when the extractors are not installed). ``names=True`` adds place and
    organisation names as anchors when the entity extractors are installed.

    Returns beads in Chinese order: a TITLE bead first (when both sides have a title), then
    a META bead, then the paragraph beads. The title bead's English side is the title pool:
    ``TITLE`` (the Title: line) and the English paragraphs aligned with Chinese title lines.
    A Chinese paragraph that repeats the title and has no English paragraph of its own gets
    the pool as its English side, with note "title repeat";
    any other 1-0 bead is a dropped paragraph (``bead.dropped``), 2-1 / 1-2 beads are merges
    and splits, each with a note in words.
    """
    if zh is None or en is None:
        try:
            from pipeline.mentions import article_quantities
            zh = article_quantities(article, "zh") if zh is None else zh
            en = article_quantities(article, "en") if en is None else en
        except Exception:  # extractors not installed yet
            zh, en = zh or [], en or []
    zparas = list(article.paragraphs_zh)
    eparas = translation_paragraphs(article)
    ratio = (sum(_len(p.text, "en") for p in eparas) or 1) / (sum(_len(p.text, "zh") for p in zparas) or 1)

    def vals(qs, paras, lang):
        by_para: dict[int, list] = {}  # the figures of each paragraph, in list order (one pass)
        for seg, q in qs or ():
            by_para.setdefault(seg.index, []).append(q)
        out = []
        for p in paras:
            v = [_norm_value(q.value) for q in by_para.get(p.index, ())] if qs else _quick_values(p.text)
            out.append([x for x in v if x is not None])
        return out

    zvals, evals = vals(zh, zparas, "zh"), vals(en, eparas, "en")
    znames = enames = None
    if names:
        zn, en_ = _entity_names(article, "zh"), _entity_names(article, "en")
        znames = [zn.get(p.index, set()) for p in zparas]
        enames = [en_.get(p.index, set()) for p in eparas]
    zcheap = [p.role == "title" for p in zparas]
    etitle = [p.role == "title" or _title_like(p.text, article.title_en) for p in eparas]
    zlen = [_len(p.text, "zh") for p in zparas]
    elen = [_len(p.text, "en") for p in eparas]
    # The article's own ratio is skewed when a paragraph is missing on one side: try a grid of
    # ratios around it and the corpus ratio, each path scored with a prior on the ratio, keep the best.
    best = None
    grid = _ratio_grid(ratio) if len(zlen) * len(elen) <= 2500 else [ratio, _CORPUS_RATIO]
    # one DP pass for every ratio of the grid (the same paths as one _dp call per ratio)
    paths = _dp_ratios(zlen, elen, grid, _PARA_PRIOR, zvals, evals, znames, enames, zcheap, etitle)
    for r, p_ in zip(grid, paths):
        total = sum(c for _, _, c in p_) + _ratio_penalty(r, ratio)
        if best is None or total < best[0] - 1e-9:
            best = (total, p_, r)
    _, path, ratio = best
    path = _repair(path, zlen, elen, ratio, zvals, evals, znames, enames, zcheap, etitle)

    # the English title pool: the Title: line, and English paragraphs that render Chinese title
    # lines or repeat the title (the ### line often holds a subtitle the Title: line lacks)
    pool = [TITLE] if article.title_en_span else []
    for zi, ej, _ in path:
        if ej and zi and all(zparas[k].role == "title" for k in zi):
            pool.extend(eparas[k].index for k in ej)
    pool.extend(p.index for p in eparas if p.role == "title" and p.index not in pool)
    pool = tuple(pool)

    beads: list[Bead] = []
    if article.title_zh_span or article.title_en_span:
        beads.append(Bead((TITLE,) if article.title_zh_span else (), pool, note="title lines"))
    beads.append(Bead((META,), (META,), note="date and page lines"))
    for zi, ej, c in path:
        zp = [zparas[k] for k in zi]
        ep = [eparas[k] for k in ej]
        note = ""
        en_idx = tuple(p.index for p in ep)
        if zp and not ep:
            if all(p.role == "title" for p in zp) and pool:
                en_idx, note = pool, "title repeat: paired with the English title line"
            else:
                note = "dropped: Chinese paragraph %s has no English translation" % ", ".join(str(p.index) for p in zp)
        elif ep and not zp:
            note = "English paragraph %s has no Chinese source" % ", ".join(str(p.index) for p in ep)
        elif len(zp) > 1:
            note = "merged: Chinese paragraphs %s in English paragraph %d" % (
                "+".join(str(p.index) for p in zp), ep[0].index)
        elif len(ep) > 1:
            note = "split: Chinese paragraph %d in English paragraphs %s" % (
                zp[0].index, "+".join(str(p.index) for p in ep))
        sents = align_sentences(article, zp, ep, ratio, zh, en) if zp and ep else ()
        beads.append(Bead(tuple(p.index for p in zp), en_idx, round(c, 3), sents, note))
    return beads


def dropped_paragraphs(beads) -> list[int]:
    """Chinese paragraph indices with no English translation."""
    return [i for b in beads if b.dropped for i in b.zh if i >= 0]


__all__ = ["Bead", "SentenceBead", "align_paragraphs", "align_sentences", "split_sentences",
           "translation_paragraphs", "dropped_paragraphs"]
