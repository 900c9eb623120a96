"""Places and organisations in English text (the archive's translations), by rules and the gazetteer.

Named rules:

1. ``gazetteer``: longest match of capitalised word sequences against the gazetteer's English names, pinyin and
   the period's spellings (Peking, Kwangsi, Shensi ...), demonyms included (American -> 美国).
2. ``place_head``: capitalised words + a place head noun: "Gaoyou County", "Pingle Special Districts",
   "Xiyan Village", "Huai River" (pipeline/data/entities/en_place_heads.tsv).
3. ``org_lexicon`` / ``org_head``: known organisations (Xinhua News Agency) and capitalised words + an
   organisation head noun ("Gaoyou County Metal Production Cooperative", "Ministry of Agriculture").

Offsets index the input text. Never raises.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from pipeline.entities.gazetteer import load as load_gazetteer
from pipeline.entities.gazetteer import rule_lines as _lines
from pipeline.entities.gazetteer import rule_rows as _rows
from pipeline.entities.gazetteer import norm_en
from pipeline.types import Entity


_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’\-]*\.?(?:[A-Z]\.)*")
_CONNECT = {"of", "and", "the", "de", "for", "on", "in"}
#: capitalised at a sentence start, never the first word of a name
_FUNCTION = set("""the in at on from for to by with a an and of as after before during according since under through
many some all this that these those its their his her our when while if but also both each every most other such over
into among between near outside inside within across along around about against toward towards than then there here
it he she they we i you one two three four five six seven eight nine ten last next first""".split())


class _Rules:
    def __init__(self):
        g = self.g = load_gazetteer()
        self.stop = {w.lower() for w in _lines("en_not_place.txt")}
        # English place names: key (tuple of lower-case words) -> Place
        best = {}
        self.acronyms = {}
        syllables = set(_lines("pinyin_syllables.txt"))
        for p in g.places:
            for i, name in enumerate(p.english_names):
                words = tuple(w.lower().strip(".") for w in _WORD.findall(name))
                if not words:
                    continue
                if len(words) == 1 and (name.replace(".", "").isupper() and len(name) <= 6):
                    self.acronyms.setdefault(name, p)  # U.S., USSR: matched case-sensitively
                    continue
                if len(words) == 1 and (len(words[0]) < 4 or words[0] in self.stop or words[0] in syllables):
                    continue  # one pinyin syllable (Zhang, Rong) is too ambiguous on its own
                key = words
                rank = g._key((1 if i else 0, p))
                prev = best.get(key)
                if prev is None or rank < prev[0]:
                    best[key] = (rank, p)
        self.places = {k: v[1] for k, v in best.items()}
        self.max_words = max(len(k) for k in self.places)
        self.place_heads = {}
        for r in _rows("en_place_heads.tsv"):
            self.place_heads[tuple(r["head"].lower().split())] = r["subtype"]
        self.org_heads = {}
        for r in _rows("en_org_heads.tsv"):
            self.org_heads[tuple(r["head"].lower().split())] = r["subtype"]
        self.orgs = {}
        def key(name):  # the same words extract() sees (Korean People's Army -> korean people army)
            return tuple(t[2].lower().strip(".").replace("’", "'") for t in _tokens(name))

        for r in _rows("zh_orgs.tsv"):
            words = key(r["en"])
            if words and len(r["en"]) > 3 and r["en"][0].isupper() and not (len(words) == 1 and words in self.org_heads):
                self.orgs[words] = (r["zh"], r["subtype"], r["en"])  # (not Army alone: a head word of many names)
        for r in _rows("en_orgs.tsv"):
            words = key(r["en"])
            self.orgs[words] = (r["zh"] or None, r["subtype"], r["en"])
        self.max_org_words = max(len(k) for k in self.orgs)
        self.syllables = set(_lines("pinyin_syllables.txt"))
        self.not_pinyin_place = {w.lower() for w in _lines("en_not_pinyin_place.txt")}


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules()


def extract(text: str) -> list[Entity]:
    try:
        return _extract(text)
    except Exception:  # never raise on odd input
        if os.environ.get("DUIZHAO_STRICT"):
            raise
        return []


def _tokens(text):
    toks = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        s, e = m.start(), m.end()
        # a trailing full stop belongs to the word only for abbreviations (U.S.)
        if w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w):
            w = w[:-1]
            e -= 1
        w2 = w.rstrip("'’")
        m2 = re.match(r"([a-z]+)-(?=[A-Z])", w2)
        if m2:  # pseudo-Hebei, anti-Japanese: the capitalised part is the word
            cut = m2.end()
            s += cut
            w = w[cut:]
            w2 = w2[cut:]
        if w2.endswith(("'s", "’s")) and len(w2) > 3:
            w2 = w2[:-2]  # possessive: China's -> China
        e -= len(w) - len(w2)
        toks.append((s, e, w2))
    return toks


def _cap(w):
    return w[:1].isupper()


def _extract(text: str) -> list[Entity]:
    if not isinstance(text, str) or not text:
        return []
    R = rules()
    toks = _tokens(text)
    low = [t[2].lower().strip(".").replace("’", "'") for t in toks]
    n = len(toks)
    out = []
    used = [False] * n
    # organisations first (longest), so "Gaoyou County Metal Production Cooperative" is one org
    i = 0
    while i < n:
        hit = None
        if _cap(toks[i][2]):
            for L in range(min(R.max_org_words, n - i), 0, -1):
                key = tuple(low[i:i + L])
                if key in R.orgs and _adjacent(text, toks, i, i + L):
                    hit = (L, R.orgs[key])
                    break
        if hit:
            L, (zh, sub, en) = hit
            s, e = toks[i][0], toks[i + L - 1][1]
            out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=zh, en=en))
            for k in range(i, i + L):
                used[k] = True
            i += L
            continue
        i += 1
    out.extend(_org_heads(text, toks, low, used, R))
    # places
    i = 0
    places = []
    while i < n:
        w = toks[i][2]
        if not (_cap(w) or w[:1].isdigit()) or low[i] in _FUNCTION:
            i += 1
            continue
        hit = None
        if w in R.acronyms:
            hit = (1, R.acronyms[w])
        for L in range(min(R.max_words, n - i), 0, -1):
            if hit:
                break
            key = tuple(low[i:i + L])
            p = R.places.get(key)
            if p is not None and _adjacent(text, toks, i, i + L) and all(_cap(toks[k][2]) or low[k] in _CONNECT for k in range(i, i + L)):
                hit = (L, p)
                break
        if hit:
            L, p = hit
            # extend with a head noun: "Gaoyou" + "County"
            j = i + L
            sub = p.subtype
            for H in (3, 2, 1):
                head = tuple(low[j:j + H])
                if len(head) == H and head in R.place_heads and _adjacent(text, toks, i, j + H) and _cap(toks[j][2]):
                    sub = R.place_heads[head]
                    j += H
                    break
            s, e = toks[i][0], toks[j - 1][1]
            if L == 1 and j == i + 1 and _person_context(toks, low, i):
                i += 1
                continue
            same = j == i + L or sub == p.subtype or p.level not in ("county", "district", "township", "village", "other")
            places.append(Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=sub if j > i + L else p.subtype,
                                 norm=p.zh if same else None, en=p.en if same else text[s:e],
                                 gazetteer_id=p.id if same else None, modern=(p.modern or None) if same else None))
            i = j
            continue
        # rule place_head: capitalised words + head
        j = i
        while j < n and _cap(toks[j][2]) and j - i < 4 and _adjacent(text, toks, i, j + 1):
            j += 1
        found = None
        for k in range(j, i, -1):
            for H in (3, 2, 1):
                head = tuple(low[k:k + H])
                if len(head) == H and head in R.place_heads and k + H <= n and _adjacent(text, toks, i, k + H) \
                        and all(_cap(toks[x][2]) for x in range(k, k + H)):
                    found = (k, H)
                    break
            if found:
                break
        if found and found[0] > i:
            k, H = found
            name_words = low[i:k]
            head_words = tuple(low[k:k + H])
            ordinal_ok = head_words[-1] in ("district", "districts", "region") and all(w in _ORDINALS for w in name_words)
            strong = " ".join(head_words) in _STRONG_HEADS
            if not any(w in R.stop or w in _GENERIC_FIRST for w in name_words[:1]) and (
                    strong or ordinal_ok or all(_name_word(toks[x][2], R) for x in range(i, k))):
                s, e = toks[i][0], toks[k + H - 1][1]
                places.append(Entity(text=text[s:e], start=s, end=e, label="PLACE",
                                     subtype=R.place_heads[tuple(low[k:k + H])], norm=None, en=text[s:e]))
                i = k + H
                continue
        i += 1
    out.extend(places)
    out.extend(_pinyin_places(text, toks, low, out, R))
    out.sort(key=lambda e: (e.start, -e.end, e.label))
    return out


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
             "twentieth"}


def _name_word(w, R):
    """A word that can be part of a Chinese place name in English: pinyin (one syllable or more, hyphens and
    apostrophes allowed) or a word of a gazetteer name (East, West, Upper ...)."""
    lw = w.lower().replace("’", "'")
    if lw in _DIRECTION or (lw,) in R.places:
        return True
    parts = re.split(r"['\-]", lw)
    return all(p and _segment(p, R.syllables) is not None for p in parts)


#: heads that make a place of any capitalised name before them (Moung Bun County, Xam Neua Province); after the
#: other heads (River, Station, District ...) the name must look like pinyin or a gazetteer word
_STRONG_HEADS = {"province", "county", "autonomous county", "special district", "special districts", "village", "villages",
                 "township", "town", "mountain", "mountains", "prefecture", "banner", "autonomous region"}

_DIRECTION = {"east", "west", "south", "north", "upper", "lower", "inner", "outer", "new", "old", "great", "little",
              "central", "northern", "southern", "eastern", "western"}

_PLACE_PREP = {"in", "at", "from", "to", "near", "of", "and", "toward", "towards", "around", "outside", "inside", "via",
               "through", "across", "between", "into", "reached", "captured", "liberated", "entered", "occupied"}


def _is_pinyin(word, R, memo={}):
    """'Loubanzhai' -> True (lou ban zhai); at least two syllables; apostrophes and hyphens split syllables."""
    w = word.lower()
    if w in memo:
        return memo[w]
    parts = re.split(r"['’\-]", w)
    total = 0
    ok = True
    for part in parts:
        n = _segment(part, R.syllables)
        if n is None:
            ok = False
            break
        total += n
    res = ok and total >= 2
    memo[w] = res
    return res


def _segment(s, syl):
    """Fewest-syllable segmentation count of s, or None."""
    if not s or not s.isalpha():
        return None
    n = len(s)
    best = [None] * (n + 1)
    best[0] = 0
    for i in range(n):
        if best[i] is None:
            continue
        for L in range(1, 7):
            if i + L <= n and s[i:i + L] in syl:
                c = best[i] + 1
                if best[i + L] is None or c < best[i + L]:
                    best[i + L] = c
    return best[n]


def _pinyin_places(text, toks, low, found, R):
    """A capitalised pinyin word after a place preposition (in Loubanzhai, from Anzhuang) or in a list with other
    places is a place name; never a word next to a surname or another capitalised pinyin word (a person's name)."""
    covered = set()
    for e in found:
        covered.update(range(e.start, e.end))
    place_starts = {e.start for e in found if e.label == "PLACE"}
    place_ends = {e.end for e in found if e.label == "PLACE"}
    out = []
    n = len(toks)
    for i, (s, e, w) in enumerate(toks):
        if s in covered or len(w) < 4 or not w[0].isupper() or w[1:].replace("-", "").replace("'", "").isupper():
            continue
        lw = low[i]
        if lw in _FUNCTION or lw in R.stop or lw in R.not_pinyin_place or lw in _SURNAMES:
            continue
        if not _is_pinyin(w, R):
            continue
        prev = low[i - 1] if i else ""
        gap = text[toks[i - 1][1]:s] if i else ""
        nxt_cap = i + 1 < n and toks[i + 1][2][:1].isupper() and text[e:toks[i + 1][0]] == " "
        prev_cap = i > 0 and toks[i - 1][2][:1].isupper() and gap == " "
        if nxt_cap or (prev_cap and prev not in _PLACE_PREP):
            continue  # part of a longer name (Zhang Dechang) or a title
        in_list = (gap.strip() in (",", "and", ", and") and toks[i - 1][1] in place_ends) or \
                  (i + 1 < n and text[e:toks[i + 1][0]].strip() in (",", "and") and toks[i + 1][0] in place_starts)
        if (prev in _PLACE_PREP and gap == " ") or in_list:
            out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="other", norm=None, en=w))
    return out


#: words whose possessive stays inside a name (Korean People's Army, Workers' Daily, Women's Federation)
_POSSESSIVE_IN_NAMES = {"people", "worker", "workers", "peasant", "peasants", "women", "woman", "children", "farmers",
                        "youth", "teachers", "writers", "artists", "soldiers", "martyrs", "nations"}


def _adjacent(text, toks, i, j):
    """Tokens i..j-1 are separated only by single spaces or hyphens (no punctuation)."""
    for k in range(i, j - 1):
        gap = text[toks[k][1]:toks[k + 1][0]]
        if gap not in (" ", "-", "- ", " -") and not (
                gap in ("'s ", "’s ", "s' ", "s’ ") and toks[k][2].lower() in _POSSESSIVE_IN_NAMES):
            return False
    return True


#: words that start a head noun phrase, never a name (Special District, Autonomous Region)
_GENERIC_FIRST = {"special", "autonomous", "administrative", "border", "military", "municipal", "provincial", "county",
                  "district", "city", "village", "township", "people's", "peoples"}

_TITLES = {"mr", "mrs", "comrade", "general", "chairman", "premier", "minister", "director", "secretary", "president"}


def _person_context(toks, low, i):
    """A single pinyin word right after another capitalised pinyin word (Zhang Dechang) or a title is a name."""
    if i > 0 and low[i - 1] in _TITLES:
        return True
    if low[i] in _SURNAMES and i + 1 < len(toks) and _cap(toks[i + 1][2]) and toks[i + 1][0] - toks[i][1] == 1:
        return True
    if i > 0 and _cap(toks[i - 1][2]) and toks[i][0] - toks[i - 1][1] == 1 and low[i - 1] in _SURNAMES:
        return True
    return False


_SURNAMES = set("""zhang wang li zhao liu chen yang huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie
han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia
zhong tian ren fan fang shi yao tan liao zou xiong jin lu hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan
lei qian tang yin yi chang wu qiao lai gong wen""".split())


def _org_heads(text, toks, low, used, R):
    out = []
    n = len(toks)
    for j in range(n):
        if used[j]:
            continue
        for H in (3, 2, 1):
            head = tuple(low[j:j + H])
            if len(head) != H or head not in R.org_heads or not all(_cap(toks[x][2]) for x in range(j, j + H)):
                continue
            # left: capitalised words (with 'of'/'and' inside)
            i = j
            while i > 0 and not used[i - 1] and low[i - 1] not in _FUNCTION - {"and"} and _adjacent(text, toks, i - 1, j + H) and (
                    _cap(toks[i - 1][2]) or (low[i - 1] in ("and",) and i - 2 >= 0 and _cap(toks[i - 2][2]))) \
                    and low[i - 1] not in ("the", "The") and j - i < 8:
                i -= 1
            e_idx = j + H
            # right: "of X Y" (Ministry of Agriculture)
            if e_idx + 1 < n and low[e_idx] == "of" and _cap(toks[e_idx + 1][2]) and _adjacent(text, toks, j, e_idx + 2):
                e_idx += 2
                while e_idx < n and _cap(toks[e_idx][2]) and _adjacent(text, toks, j, e_idx + 1):
                    e_idx += 1
            if i == j and e_idx == j + H:
                break
            s, e = toks[i][0], toks[e_idx - 1][1]
            if tuple(low[i:e_idx]) in R.places:
                break  # Soviet Union: a place, not an organisation
            out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=R.org_heads[head], norm=None,
                              en=text[s:e]))
            for k in range(i, e_idx):
                used[k] = True
            break
    return out


__all__ = ["extract", "rules"]
