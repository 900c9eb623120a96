"""Places and organisations in English text (the archive's translations), by rules and the gazetteer.

Named rules:

1. ``gazetteer``: longest match of capitalised word sequences against the gazetteer's English names, pinyin and
   the period's spellings (Peking, Kwangsi, Shensi ...; en_period_spellings.tsv adds those the gazetteer lacks:
   Chinkiang, Kalgan, Paotow ...), demonyms included (American -> 美国).
2. ``place_head``: capitalised words + a place head noun: "Gaoyou County", "Xiyan Village", "Huai River",
   "Leningrad Oblast", "Moldavian Republic" (pipeline/data/entities/en_place_heads.tsv). A plural head shared by a
   coordination (``plural_head``) makes each name one of its kind and belongs to none: "Guilin, and Pingle Special
   Districts" -> Guilin, Pingle (special districts); after one gazetteer name it is no part of it ("Wu'an Villages").
   A facility named after a place (Shanghai Railway, Longhai Front) returns the place too.
3. ``list_head``: names in a list before a lower-case plural head ("the East Fujia, Songpu and Guxiang districts").
4. ``wider``: a place with a lower-case head around it (en_lower_heads.tsv): "the Chongqing area", "Beijing's
   suburbs", "the suburbs of Beijing", "the Wanglou fishing ground", "the Fujian front"; the place inside stays.
5. ``direction`` / ``compass``: "western Liaoning" (辽西, from the gazetteer), "northern Jiangsu"; "the South".
6. ``pinyin``: a capitalised pinyin word after a place preposition, in a list with places, before an appositive
   ("Loubanzhai, a village ...") or ending in a village syllable (Jincun, Wangzhuang); another romanisation
   (Taechon, Heechon) only after a place in a list; a dispatch's upper-case dateline (KANGO, June 1).
7. ``place_phrase``: lower-case phrases naming a place (our country = 我国), en_place_phrases.tsv; ``trade_body``:
   a trade and a cooperative head in lower case ("handicraft cooperatives", "sewing cooperative groups").
8. ``org_lexicon`` / ``org_head``: known organisations (Xinhua News Agency; lower-case generic bodies: this
   newspaper, supply and marketing cooperatives) and capitalised words up to the last organisation head of their
   run ("Wuan County Party Committee", "Gaoyou County Metal Production Cooperative"), with "of" phrases ("Ministry
   of Agriculture", "Hebei Provincial Committee of the CPC"), numbers ("Textile Factory No. 1", "626th Regiment")
   and another country's body ("Soviet Ministry of Railways").

Offsets index the input text. Never raises.
"""
from __future__ import annotations

import dataclasses
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
        def wkey(name):  # the same words extract() sees (Democratic People's Republic -> democratic people republic)
            return tuple(t[2].lower().strip(".").replace("’", "'") for t in _tokens(name))

        for p in g.places:
            for i, name in enumerate(p.english_names):
                words = wkey(name)
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
        # the period's spellings the gazetteer lacks (Chinkiang, Tatung, Yentai ...): en_period_spellings.tsv
        for r in _rows("en_period_spellings.tsv"):
            p = g.best_zh(r["zh"], r.get("level") or None)
            if p is None:
                continue
            for v in (r["variants"] or "").split("|"):
                words = wkey(v)
                if words and words not in best:
                    best[words] = ((9,), p)
        self.places = {k: v[1] for k, v in best.items()}
        self.max_words = max(len(k) for k in self.places)
        self.place_heads = {}
        self.plural_heads = {}  # Special Districts -> Special District
        for r in _rows("en_place_heads.tsv"):
            self.place_heads[tuple(r["head"].lower().split())] = r["subtype"]
            if r.get("singular"):
                self.plural_heads[tuple(r["head"].lower().split())] = r["singular"]
        # lower-case heads that make a wider place of the name before them (the Chongqing area, Beijing's suburbs)
        self.lower_heads = {}
        for r in _rows("en_lower_heads.tsv"):
            self.lower_heads[(tuple(r["head"].lower().split()), r["position"])] = r["subtype"]
        self.org_heads = {}
        for r in _rows("en_org_heads.tsv"):
            self.org_heads[tuple(r["head"].lower().split())] = r["subtype"]
        self.org_head_first = {h[0] for h in self.org_heads}
        self.orgs = {}
        for r in _rows("zh_orgs.tsv"):
            words = wkey(r["en"])
            if words and len(r["en"]) > 3 and r["en"][0].isupper() and not (len(words) == 1 and words in self.org_heads):
                self.orgs[words] = (r["zh"], r["subtype"], r["en"])  # (not Army alone: a head word of many names)
        self.place_phrases = {}  # our country (我国): a place named in lower case
        for r in _rows("en_place_phrases.tsv"):
            p = g.best_zh(r["zh"])
            self.place_phrases[r["phrase"].lower()] = (p, r["subtype"])
        self.place_phrase_re = re.compile(r"\b(%s)\b" % "|".join(
            re.escape(k) for k in sorted(self.place_phrases, key=len, reverse=True))) if self.place_phrases else None
        # rule trade_body: "handicraft cooperatives", "sewing production cooperative": a trade (zh_trades.tsv) + a
        # cooperative head in lower case names the trade's cooperatives (手工业合作社, 缝纫社)
        trades = {}
        for r in _rows("zh_trades.tsv"):
            if r.get("en"):
                trades.setdefault(r["en"].lower(), r["zh"])
        self.trades = trades
        # found from the head backwards (a search for the heads is cheap; the trades alternation only runs before one)
        self.trade_head_re = re.compile(r"cooperative|co-op|group")  # over the lower-cased text
        self.trade_head_full = re.compile(r"(cooperative (?:organi[sz]ations?|groups?|federations?)|cooperatives?|co-ops?|"
                                          r"production groups?|groups?)(?![\w'-])", re.I)
        self.trade_before = re.compile(r"(?<![\w'-])(%s)(?: production| handicraft| producers'?)? \Z"
                                       % "|".join(re.escape(t) for t in sorted(trades, key=len, reverse=True)), re.I) \
            if trades else None
        self.lower_orgs = {}  # this newspaper, supply and marketing cooperatives: common nouns of generic bodies
        for r in _rows("en_orgs.tsv"):
            words = wkey(r["en"])
            if r["en"][:1].islower():  # any case: this newspaper, Our Newspaper (a title)
                self.lower_orgs[words] = (r["zh"] or None, r["subtype"], r["en"])
            else:
                self.orgs[words] = (r["zh"] or None, r["subtype"], r["en"])
        self.lower_org_first = {k[0] for k in self.lower_orgs}
        self.max_lower_org_words = max((len(k) for k in self.lower_orgs), default=0)
        self.max_org_words = max(len(k) for k in self.orgs)
        after = sorted((" ".join(h) for h, pos in self.lower_heads if pos == "after"), key=len, reverse=True)
        before = sorted((" ".join(h) for h, pos in self.lower_heads if pos == "before"), key=len, reverse=True)
        self.wider_after = re.compile(r"(?:['’]s)? (%s)(?![\w'’-])" % "|".join(map(re.escape, after)))
        self.wider_before = re.compile(r"(?<![\w-])(%s) of (?:the )?$" % "|".join(map(re.escape, before)))
        self.syllables = set(_lines("pinyin_syllables.txt"))
        self.not_pinyin_place = {w.lower() for w in _lines("en_not_pinyin_place.txt")}
        # the key lengths of each first word, longest first (the scans try only the lengths a key of that word has)
        self.org_lens = _lens_by_first(self.orgs)
        self.lower_org_lens = _lens_by_first(self.lower_orgs)
        self.place_lens = _lens_by_first(self.places)
        self.org_or_place_lens = _lens_by_first([*self.orgs, *self.places])
        self.place_head_first = {h[0] for h in self.place_heads if h}


def _lens_by_first(keys):
    by = {}
    for k in keys:
        if k:
            by.setdefault(k[0], set()).add(len(k))
    return {w: tuple(sorted(ls, reverse=True)) for w, ls in by.items()}


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


_LOWER_PREFIX = re.compile(r"([a-z]+)-(?=[A-Z])")
_ABBREV = re.compile(r"(?:[A-Z]\.)+")


def _word(w):
    """(characters cut at the start, characters cut at the end, the word) of a match of _WORD."""
    e = 0
    # a trailing full stop belongs to the word only for abbreviations (U.S.)
    if w.endswith(".") and not _ABBREV.fullmatch(w):
        w = w[:-1]
        e += 1
    w2 = w.rstrip("'’")
    m2 = _LOWER_PREFIX.match(w2) if "-" in w2 else None
    cut = 0
    if m2:  # pseudo-Hebei, anti-Japanese: the capitalised part is the word
        cut = m2.end()
        w = w[cut:]
        w2 = w2[cut:]
    if w2.endswith(("'s", "’s")) and len(w2) > 3:
        w2 = w2[:-2]  # possessive: China's -> China
    e += len(w) - len(w2)
    return cut, e, w2, w2.lower().strip(".").replace("’", "'")


#: _word of each word seen (the same words recur in every article); cleared when full
_WORDS: dict = {}
_WORDS_MAX = 20_000  # (a few MB: the memory of a worker must not grow with the corpus)


def _tokens(text, lows=None):
    """(start, end, word) of each word; ``lows``: a list to which the words' lower-case keys are appended."""
    toks = []
    memo = _WORDS
    if len(memo) > _WORDS_MAX:
        memo.clear()
    for m in _WORD.finditer(text):
        w = m.group(0)
        r = memo.get(w)
        if r is None:
            r = memo[w] = _word(w)
        toks.append((m.start() + r[0], m.end() - r[1], r[2]))
        if lows is not None:
            lows.append(r[3])
    return toks


def _cap(w):
    return w[:1].isupper()


def _extract(text: str) -> list[Entity]:
    if not isinstance(text, str) or not text:
        return []
    R = rules()
    low = []
    toks = _tokens(text, low)
    n = len(toks)
    out = []
    used = [False] * n
    # organisations first (longest), so "Gaoyou County Metal Production Cooperative" is one org
    # (only the words that can start a key are visited: the next one at or after i each time)
    cand = [i for i, w in enumerate(low) if (w in R.org_lens and toks[i][2][:1].isupper()) or w in R.lower_org_first]
    ci, nc = 0, len(cand)
    i = 0
    while True:
        while ci < nc and cand[ci] < i:
            ci += 1
        if ci == nc:
            break
        i = cand[ci]
        hit = None
        lens = R.org_lens.get(low[i])
        if lens and _cap(toks[i][2]):
            for L in lens:
                if L > n - i:
                    continue
                key = tuple(low[i:i + L])
                if key in R.orgs and _adjacent(text, toks, i, i + L):
                    hit = (L, R.orgs[key])
                    break
        if hit is None and low[i] in R.lower_org_first:
            for L in R.lower_org_lens.get(low[i], ()):
                if L > n - i:
                    continue
                key = tuple(low[i:i + L])
                if key in R.lower_orgs and _adjacent(text, toks, i, i + L):
                    hit = (L, R.lower_orgs[key])
                    break
        if hit:
            L, (zh, sub, en) = hit
            a, b = i, i + L
            if tuple(low[i:i + L]) in R.lower_orgs and _cap(toks[i][2]) and i > 0:
                # a generic body written as a name, after its own name(s): "Hongqi People's Commune" is one;
                # "the Chengguan and Wuji People's Communes" are two, each a body of that kind
                names = _named_bodies(text, toks, low, used, i, R)
                if len(names) == 1:
                    a = names[0][0]
                    zh = None
                elif len(names) > 1:
                    head = text[toks[i][0]:toks[i + L - 1][1]]
                    single = head[:-1] if head.endswith("s") else head
                    for x, y in names:
                        ns, ne = toks[x][0], toks[y - 1][1]
                        out.append(Entity(text=text[ns:ne], start=ns, end=ne, label="ORG", subtype=sub, norm=None,
                                          en=f"{text[ns:ne]} {single}"))
                        for k in range(x, y):
                            used[k] = True
            # the organisation of another country (Soviet Ministry of Railways): another body than the lexicon's
            if a > 0 and not used[a - 1] and _cap(toks[a - 1][2]) and _adjacent(text, toks, a - 1, b) \
                    and low[a - 1] not in _FUNCTION:
                c = R.places.get((low[a - 1],))
                if c is not None and c.level == "country":
                    a -= 1
                    if c.zh != "中国":
                        zh = None
            # a body of the lexicon's organisation (CCP Central Committee, Xinhua News Agency Branch Office)
            k = b
            while k < n and k - b < 4 and _cap(toks[k][2]) and low[k] not in _FUNCTION and _adjacent(text, toks, a, k + 1):
                h = _head_len(toks, low, k, R)
                if h:
                    b = k = k + h
                    sub = R.org_heads[tuple(low[b - h:b])]
                    zh = None
                else:
                    k += 1
            if zh is None and (a, b) != (i, i + L) and a > 0 and not used[a - 1] and _cap(toks[a - 1][2]) \
                    and _adjacent(text, toks, a - 1, a + 1) and low[a - 1] not in _FUNCTION \
                    and all((w,) in R.places for w in low[a - 1].split("-")):
                a -= 1  # a place's body of the organisation: Hebei-Shandong-Henan CCP Regional Committee
            s, e = toks[a][0], toks[b - 1][1]
            out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=zh,
                              en=en if zh is not None or (a, b) == (i, i + L) else text[s:e]))
            for k in range(a, b):
                used[k] = True
            i = b
            continue
        i += 1
    out.extend(_org_heads(text, toks, low, used, R))
    out.extend(_lower_org_heads(text, toks, low, used, R))
    # places
    i = 0
    places = []
    # (only capitalised words and numbers that are no function words are visited: the next one at or after i)
    cand = [i for i, t in enumerate(toks) if (t[2][:1].isupper() or t[2][:1].isdigit()) and low[i] not in _FUNCTION]
    ci, nc = 0, len(cand)
    while True:
        while ci < nc and cand[ci] < i:
            ci += 1
        if ci == nc:
            break
        i = cand[ci]
        w = toks[i][2]
        hit = None
        if w in R.acronyms:
            hit = (1, R.acronyms[w])
        for L in R.place_lens.get(low[i], ()):
            if hit:
                break
            if L > n - i:
                continue
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
            plural = facility = None
            for H in (3, 2, 1):
                head = tuple(low[j:j + H])
                if len(head) == H and head in R.place_heads and _adjacent(text, toks, i, j + H) and _cap(toks[j][2]):
                    if head in R.plural_heads:
                        plural = (head, H)
                    elif head[-1] in _NAMED_AFTER and p.level in _ADMIN_LEVELS:
                        facility = H  # Shanghai Railway, Longhai Front: a facility named after the place
                    else:
                        sub = R.place_heads[head]
                        j += H
                    break
            s, e = toks[i][0], toks[j - 1][1]
            if L == 1 and j == i + 1 and not plural and not facility and _person_context(toks, low, i):
                i += 1
                continue
            if plural:
                # a plural head: shared by a coordination (Handan and Shijiazhuang Special Districts: each is one)
                # or the places of that kind inside the name (Wu'an Villages): the name alone is the mention
                head, H = plural
                places.append(_plural_head_place(text, s, e, p, head, R, places))
                i = j + H
                continue
            same = j == i + L or sub == p.subtype or p.level not in ("county", "district", "township", "village", "other")
            places.append(Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=sub if j > i + L else p.subtype,
                                 norm=p.zh if same else None, en=p.en if same else text[s:e],
                                 gazetteer_id=p.id if same else None, modern=(p.modern or None) if same else None))
            if facility and not (j + facility < n and _cap(toks[j + facility][2])
                                 and _adjacent(text, toks, j, j + facility + 1)):
                # (inside a longer name, Shanghai Railway Administration, only the place is one)
                fe = toks[j + facility - 1][1]
                places.append(Entity(text=text[s:fe], start=s, end=fe, label="PLACE", subtype="other", norm=None,
                                     en=text[s:fe]))
                j += facility
            i = j
            continue
        # rule place_head: capitalised words + head
        if R.place_head_first.isdisjoint(low[i + 1:i + 5]):
            i += 1  # (no head can start in the run: it ends at most four words on)
            continue
        j = i
        while j < n and _cap(toks[j][2]) and j - i < 4 and _adjacent(text, toks, i, j + 1):
            j += 1
        found = None
        for k in range(j, i, -1):
            if k >= n or low[k] not in R.place_head_first:
                continue  # (no head starts with this word)
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
            if head_words[-1] == "republic" and k + H < n and low[k + H] == "of":
                strong = False  # Democratic People's Republic of Korea: the name is after "of"
            if not any(w in R.stop or w in _GENERIC_FIRST for w in name_words[:1]) and (
                    strong or ordinal_ok or all(_name_word(toks[x][2], R) for x in range(i, k))):
                s, e = toks[i][0], toks[k + H - 1][1]
                if head_words in R.plural_heads and _coord_gap(text[places[-1].end:s] if places else ""):
                    places.append(_plural_head_place(text, s, toks[k - 1][1], None, head_words, R, places))
                else:
                    places.append(Entity(text=text[s:e], start=s, end=e, label="PLACE",
                                         subtype=R.place_heads[tuple(low[k:k + H])], norm=None, en=text[s:e]))
                    e2 = _of_extension(text, toks, low, k + H, R) if "autonomous" in low[i:k + H] else None
                    if e2:  # Miao Autonomous County of Da Miao Shan
                        places[-1] = dataclasses.replace(places[-1], text=text[s:e2], end=e2, en=text[s:e2])
                i = k + H
                continue
        i += 1
    places.extend(_list_with_lower_head(text, toks, low, places, R))
    places.extend(_compass_regions(text, toks, low, places, R))
    places.extend(_direction_places(text, toks, low, places, R))
    out.extend(places)
    out.extend(_pinyin_places(text, toks, low, out, R))
    out.extend(_dateline_places(text, out))
    lower = text.lower()
    if len(lower) != len(text):  # (a character whose lower case is longer: keep the offsets)
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if R.trade_before is not None:
        out.extend(_trade_bodies(text, lower, out, R))
    if R.place_phrase_re is not None and (len(R.place_phrases) > 8 or any(k in lower for k in R.place_phrases)):
        # (a few phrases: looked for as strings first, faster than the regex's scan of every word boundary)
        for m in R.place_phrase_re.finditer(lower):  # rule place_phrase: our country (我国), the motherland (祖国)
            p, sub = R.place_phrases[m.group(1)]
            a, b = m.span(1)
            out.append(Entity(text=text[a:b], start=a, end=b, label="PLACE", subtype=sub,
                              norm=p.zh if p else None, en=p.en if p else text[a:b], gazetteer_id=p.id if p else None))
    out.extend(_wider_places(text, [e for e in out if e.label == "PLACE"], R))
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
                 "township", "town", "mountain", "mountains", "prefecture", "banner", "autonomous region",
                 "republic", "oblast", "zone", "autonomous prefecture", "townships", "hsien"}

_DIRECTION = {"east", "west", "south", "north", "upper", "lower", "inner", "outer", "new", "old", "great", "little",
              "central", "northern", "southern", "eastern", "western"}

_PLACE_PREP = {"in", "at", "from", "to", "near", "of", "and", "toward", "towards", "around", "outside", "inside", "via", "including",
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
        if lw in _FUNCTION or lw in R.not_pinyin_place or lw in _SURNAMES:
            continue
        pinyin = _is_pinyin(w, R)
        prev = low[i - 1] if i else ""
        gap = text[toks[i - 1][1]:s] if i else ""
        nxt_cap = i + 1 < n and toks[i + 1][2][:1].isupper() and text[e:toks[i + 1][0]] == " "
        prev_cap = i > 0 and toks[i - 1][2][:1].isupper() and gap == " "
        if nxt_cap or (prev_cap and prev not in _PLACE_PREP):
            continue  # part of a longer name (Zhang Dechang) or a title
        in_list = (gap.strip() in (",", "and", ", and") and toks[i - 1][1] in place_ends) or \
                  (prev == "and" and gap == " " and i > 1 and toks[i - 2][1] in place_ends
                   and text[toks[i - 2][1]:toks[i - 1][0]] in (" ", ", ")) or \
                  (i + 1 < n and text[e:toks[i + 1][0]].strip() in (",", "and") and toks[i + 1][0] in place_starts)
        if not pinyin:
            # another romanisation (Taechon, Unsan, Heechon): a place only after a place in a list of names
            after_place = (gap in (", ", " , ") and toks[i - 1][1] in place_ends) or (
                prev == "and" and gap == " " and i > 1 and toks[i - 2][1] in place_ends
                and text[toks[i - 2][1]:toks[i - 1][0]] in (" ", ", "))
            ends_list = text[e:e + 1] in ("", ",", ".", ";", ":", ")") or (text.startswith(" and ", e) and
                                                                              text[e + 5:e + 6].isupper())
            if after_place and ends_list and lw not in R.stop and (lw,) not in R.places \
                    and not lw.endswith(("ese", "ian", "ish")):
                out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="other", norm=None, en=w))
                place_ends.add(e)
            continue
        if lw in R.stop:  # Taiping, Heping: common words too; a place only beside another place
            if in_list:
                out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="other", norm=None, en=w))
                place_ends.add(e)
            continue
        if (prev in _PLACE_PREP and gap == " ") or in_list or _APPOSITIVE.match(text, e) or R.wider_after.match(text, e) \
                or (_toponymic_final(lw, R) and not prev_cap):
            out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="other", norm=None, en=w))
            place_ends.add(e)
    return out


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
#: a news agency's dateline at a line start: "KANGO, June 1 (Xinhua)", "VIENTIANE, 2nd": the place it was filed from
_DATELINE = re.compile(r"^[ \t\u3000]*([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}), (?:(?:%s) \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b)"
                       % _MONTHS, re.M)


def _dateline_places(text, found):
    """Rule ``dateline``: the upper-case words opening a dispatch before its date are a place (KANGO, June 1)."""
    if ", " not in text:
        return []
    covered = None
    out = []
    for m in _DATELINE.finditer(text):
        if covered is None:  # (built at the first dateline)
            covered = {e.start for e in found}
        s, e = m.span(1)
        if s not in covered and len(m.group(1)) > 2:
            out.append(Entity(text=m.group(1), start=s, end=e, label="PLACE", subtype="city", norm=None, en=m.group(1)))
    return out


def _trade_bodies(text, lower, found, R):
    """Rule ``trade_body``: a trade (zh_trades.tsv) + a cooperative head in lower case (handicraft cooperatives)."""
    out = []
    taken = None
    last_end = -1
    for h in R.trade_head_re.finditer(lower):
        if h.start() < last_end or lower[h.start() - 1:h.start()] != " ":
            continue
        if taken is None:
            taken = [(e.start, e.end) for e in found if e.label == "ORG"]
        m = R.trade_before.search(text, max(0, h.start() - 48), h.start())
        if not m:
            continue
        full = R.trade_head_full.match(text, h.start())
        if not full:
            continue
        s, e = m.start(1), full.end()
        if text[s].isupper() or any(a < e and s < b for a, b in taken):
            continue  # capitalised: a name, found by the head rule
        head = full.group(1).lower()
        sub = "cooperative_group" if "group" in head else "federation" if "federation" in head else "cooperative"
        out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=None, en=text[s:e],
                          trade=R.trades[m.group(1).lower()]))
        last_end = e
    return out


#: gazetteer levels of administrative units (a facility head after one of them names a facility after the place)
_ADMIN_LEVELS = {"country", "province", "municipality", "region", "city", "special_district", "prefecture", "county",
                 "district", "township", "village"}
#: heads of facilities named after a place (Shanghai Railway Administration, Longhai Front): the place is returned too;
#: other 'other' heads (River, Mountain, Lake ...) name a feature that only shares the name (Yongding River)
_NAMED_AFTER = {"railway", "station", "port", "street", "front"}


def _coord_gap(gap):
    return gap in (", ", " and ", ", and ", " & ", "、")


def _unit(R, name, subtype):
    """The gazetteer unit of that kind with that English name (Shijiazhuang special district: the prefecture)."""
    ok = {subtype} | ({"prefecture"} if subtype == "special_district" else set())
    for q in R.g.lookup_en(name):
        if q.subtype in ok:
            return q
    return None


def _typed(text, s, e, subtype, singular, R):
    """The name with the kind its shared head gives; English name as the text has it (Guilin Special District, not
    the gazetteer's later Guilin Prefecture), the gazetteer unit when it has one of that kind."""
    q = _unit(R, text[s:e], subtype)
    return Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=subtype, norm=q.zh if q else None,
                  en=f"{text[s:e]} {singular}", gazetteer_id=q.id if q else None,
                  modern=(q.modern or None) if q else None)


def _plural_head_place(text, s, e, p, head, R, places):
    """Rule ``plural_head``: "Guilin and Pingle Special Districts" -> Guilin, Pingle, each a special district (the
    head is shared: it belongs to no name alone); the bare conjuncts before take its kind too (Rong County keeps its
    own). After one name alone ("Wu'an Villages": the villages of Wu'an) the name is the place, as it is."""
    singular = R.plural_heads[head]
    sub = R.place_heads[head]
    prev = [k for k, x in enumerate(places) if x.end <= s]
    coord = bool(prev) and _coord_gap(text[places[prev[-1]].end:s])
    if p is not None and not coord:
        return Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype=p.subtype, norm=p.zh, en=p.en,
                      gazetteer_id=p.id, modern=p.modern or None)
    if coord:
        cur = s
        for k in reversed(prev):
            x = places[k]
            if not _coord_gap(text[x.end:cur]) or _has_head(x.text, R):
                break
            places[k] = _typed(text, x.start, x.end, sub, singular, R)
            cur = x.start
    return _typed(text, s, e, sub, singular, R)


def _has_head(name, R):
    words = tuple(w.lower() for w in name.split())
    return any(words[-H:] in R.place_heads for H in (1, 2, 3) if len(words) > H)


def _of_extension(text, toks, low, k, R):
    """After an autonomous unit's head: "of" + capitalised words that are not a province or country (Miao Autonomous
    County of Da Miao Shan; not "... Autonomous Region of China"). Returns the end offset or None."""
    if k + 1 >= len(toks) or low[k] != "of" or not _cap(toks[k + 1][2]) or text[toks[k - 1][1]:toks[k][0]] != " ":
        return None
    j = k + 1
    while j < len(toks) and j - k <= 4 and _cap(toks[j][2]) and _adjacent(text, toks, k + 1, j + 1) and low[j] not in _FUNCTION:
        j += 1
    if j == k + 1 or text[toks[k][1]:toks[k + 1][0]] != " ":
        return None
    name = tuple(low[k + 1:j])
    p = R.places.get(name)
    if p is not None and p.level in ("country", "province", "region", "municipality"):
        return None
    return toks[j - 1][1]


#: lower-case plural heads after a list of names: "the East Fujia, West Fujia, Xinyang and Guxiang districts"
_LOWER_PLURAL = {("districts",): ("district", "District"), ("counties",): ("county", "County"),
                 ("villages",): ("village", "Village"), ("townships",): ("township", "Township"),
                 ("provinces",): ("province", "Province"), ("cities",): ("city", "City"),
                 ("special", "districts"): ("special_district", "Special District"),
                 ("communes",): ("township", "Commune"), ("prefectures",): ("prefecture", "Prefecture")}

_LOWER_PLURAL_FIRST = {h[0] for h in _LOWER_PLURAL}


def _list_with_lower_head(text, toks, low, places, R):
    """Rule ``list_head``: two or more capitalised names joined by commas/and, then a lower-case plural head: each name
    is a place of that kind (names already found keep their entity)."""
    out = []
    have = {(e.start, e.end) for e in places}
    n = len(toks)
    for j in range(1, n):
        if low[j] not in _LOWER_PLURAL_FIRST:
            continue
        for H in (2, 1):
            head = tuple(low[j:j + H])
            if head not in _LOWER_PLURAL or toks[j][2][:1].isupper() or text[toks[j - 1][1]:toks[j][0]] != " ":
                continue
            names = []
            end = j
            while end > 0:
                k = end
                while k > 0 and end - k < 3 and _cap(toks[k - 1][2]) and low[k - 1] not in _FUNCTION and (
                        k == end or text[toks[k - 1][1]:toks[k][0]] == " "):
                    k -= 1
                if k == end or not all(_name_word(toks[x][2], R) for x in range(k, end)):
                    break
                names.append((k, end))
                if k == 0:
                    break
                if low[k - 1] == "and" and k >= 2 and text[toks[k - 1][1]:toks[k][0]] == " " \
                        and text[toks[k - 2][1]:toks[k - 1][0]] in (" ", ", "):
                    end = k - 1
                elif text[toks[k - 1][1]:toks[k][0]] == ", ":
                    end = k
                else:
                    break
            if len(names) < 2:
                continue
            sub, singular = _LOWER_PLURAL[head]
            for k, e in names:
                span = (toks[k][0], toks[e - 1][1])
                if span not in have:
                    out.append(_typed(text, span[0], span[1], sub, singular, R))
                    have.add(span)
            break
    return out


_COMPASS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Midwest"}
_DIRECTION_ADJ = {"western", "eastern", "northern", "southern", "central", "northeastern", "northwestern",
                  "southeastern", "southwestern"}


def _compass_regions(text, toks, low, places, R):
    """Rule ``compass``: "the South", "the West" standing alone (not "the South China Sea"): a region."""
    covered = {e.start for e in places}
    out = []
    for i in [i for i in range(1, len(toks)) if toks[i][2] in _COMPASS]:
        s, e, w = toks[i]
        if w not in _COMPASS or low[i - 1] != "the" or s in covered or text[toks[i - 1][1]:s] != " ":
            continue
        after = text[e:e + 2]
        if after[:1] in ("-", "'", "’") or (after[:1] == " " and after[1:2].isupper()):
            continue
        out.append(Entity(text=w, start=s, end=e, label="PLACE", subtype="region", norm=None, en="the " + w))
    return out


def _direction_places(text, toks, low, places, R):
    """Rule ``direction``: a lower-case direction adjective before a province, region or country names a part of it
    ("western Liaoning" = 辽西, "northern Jiangsu" = 苏北); the gazetteer gives the unit when it had one."""
    starts = {e.start: e for e in places}
    out = []
    for i in [i for i in range(len(toks) - 1) if low[i] in _DIRECTION_ADJ]:
        if low[i] not in _DIRECTION_ADJ or not toks[i][2].islower() or text[toks[i][1]:toks[i + 1][0]] != " ":
            continue
        inner = starts.get(toks[i + 1][0])
        if inner is None or inner.subtype not in ("province", "region", "country", "municipality"):
            continue
        s, e = toks[i][0], inner.end
        p = R.places.get(tuple(w.lower() for w in _WORD.findall(text[s:e])))
        out.append(Entity(text=text[s:e], start=s, end=e, label="PLACE", subtype="region", norm=p.zh if p else None,
                          en=p.en if p else text[s:e], gazetteer_id=p.id if p else None))
    return out




def _wider_places(text, places, R):
    """Rule ``wider``: a place and a lower-case head around it name a wider place (zh X地区, 京郊, X渔场): "the
    Chongqing area", "Beijing's suburbs", "the suburbs of Beijing" (en_lower_heads.tsv). The place inside stays."""
    out = []
    seen = set()
    for e in places:
        m = R.wider_after.match(text, e.end)
        if m and m.group(1).endswith("s") and text[max(0, e.start - 5):e.start].endswith((" and ", ", ", " & ")):
            continue  # "the Wenjing and Unsan areas": a plural head shared by a coordination, no name's alone
        if m:
            sub = R.lower_heads[(tuple(m.group(1).split()), "after")]
            span = (e.start, m.end())
        else:
            m = R.wider_before.search(text, max(0, e.start - 24), e.start)
            if not m:
                continue
            sub = R.lower_heads[(tuple(m.group(1).split()), "before")]
            span = (m.start(1), e.end)
        if span in seen:
            continue
        seen.add(span)
        t = text[span[0]:span[1]]
        p = R.places.get(tuple(w.lower().strip(".") for w in _WORD.findall(t)))
        out.append(Entity(text=t, start=span[0], end=span[1], label="PLACE", subtype=p.subtype if p else sub,
                          norm=p.zh if p else None, en=p.en if p else t, gazetteer_id=p.id if p else None))
    return out


#: "Loubanzhai, a village along the river": an appositive that says what the name is
_APPOSITIVE = re.compile(r",? (?:is )?(?:a|an|the) (?:(?:small|large|big|remote|mountain|mountainous|border|poor|"
                         r"frontier|nearby|fishing|model|famous|well-known|neighbouring|neighboring) ){0,2}"
                         r"(?:village|town|township|county|city|district|port|hamlet|commune|market town)\b")
#: last pinyin syllables that are place-name heads (村 cun, 庄 zhuang, 寨 zhai, 屯 tun, 镇 zhen, 堡 bao/pu, 沟 gou,
#: 店 dian, 营 ying, 湾 wan, 桥 qiao): one word ending in one of them (Jincun, Wangzhuang) is a village, not a person's name
_TOPONYMIC_FINALS = ("cun", "zhuang", "zhai", "tun", "zhen", "gou", "dian", "ying", "pu", "wan", "qiao")


def _toponymic_final(lw, R):
    for f in _TOPONYMIC_FINALS:
        if lw.endswith(f) and len(lw) > len(f) + 1 and _segment(lw[:-len(f)], R.syllables) is not None:
            return True
    return False


#: words whose possessive stays inside a name (Korean People's Army, Workers' Daily, Women's Federation)
_POSSESSIVE_IN_NAMES = {"people", "worker", "workers", "peasant", "peasants", "women", "woman", "children", "farmers",
                        "producers",
                        "youth", "teachers", "writers", "artists", "soldiers", "martyrs", "nations"}


def _adjacent(text, toks, i, j):
    """Tokens i..j-1 are separated only by single spaces or hyphens (no punctuation)."""
    for k in range(i, j - 1):
        gap = text[toks[k][1]:toks[k + 1][0]]
        if gap not in (" ", "-", "- ", " -") and not (
                gap in ("'s ", "’s ", "s' ", "s’ ", "' ", "’ ") and toks[k][2].lower() in _POSSESSIVE_IN_NAMES) and not (
                toks[k][2] == "No" and _NO_GAP.fullmatch(gap)):  # Shaanxi No. 1 Cotton Textile Factory
            return False
    return True


#: words that start a head noun phrase, never a name (Special District, Autonomous Region)
_GENERIC_FIRST = {"special", "autonomous", "administrative", "border", "military", "municipal", "provincial", "county",
                  "district", "city", "village", "township", "people's", "peoples", "democratic", "socialist", "federal"}

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


def _head_len(toks, low, j, R):
    """Length of the organisation head at token j (3, 2, 1) or 0."""
    if low[j] not in R.org_head_first or not toks[j][2][:1].isupper():
        return 0
    for H in (3, 2, 1):
        head = tuple(low[j:j + H])
        if len(head) == H and head in R.org_heads and all(_cap(toks[x][2]) for x in range(j, j + H)):
            return H
    return 0


_NUMBER_SUFFIX = re.compile(r" No\. ?\d+\b")
_NO_GAP = re.compile(r"\. ?\d+ ")


_TITLE_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def _title_case(text, pos):
    """The line around pos is in title case (most words of four letters or more capitalised: a headline, where
    'and' joins phrases, not the parts of a name: "... Protesting U.S. Imperialism and Vientiane Authorities")."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = b if b >= 0 else len(text)
    if text[a:b].rstrip().endswith((".", "。", '."', ".”")):
        return False  # a sentence, not a headline
    words = _TITLE_WORD.findall(text, a, b)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


_ORDINAL_PREFIX = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th) $")


def _of_phrases(text, toks, low, k, R):
    """The end of an organisation name after its head at token k: up to three "of" phrases, each an organisation
    (Capital Construction Bureau of the Ministry of Textile Industry; Committee of the CPC), a place (Commission of
    the People's Republic of China) or, without "the", any capitalised words (Ministry of Agriculture)."""
    n = len(toks)
    for _ in range(3):
        if k + 1 >= n or low[k] != "of" or text[toks[k - 1][1]:toks[k][0]] != " ":
            break
        q = k + 1
        with_the = low[q] == "the"
        if with_the:
            q += 1
        if q >= n or not _cap(toks[q][2]) or text[toks[q - 1][1]:toks[q][0]] != " ":
            break
        r = q
        while r < n and r - q < 7 and _cap(toks[r][2]) and _adjacent(text, toks, q, r + 1):
            r += 1
        ends = [x + _head_len(toks, low, x, R) for x in range(q, r) if _head_len(toks, low, x, R)]
        if ends:
            k = max(ends)  # an organisation: up to its last head
            continue
        found = None
        for L in R.org_or_place_lens.get(low[q], ()):
            if L > n - q:
                continue
            key = tuple(low[q:q + L])
            if (key in R.orgs or key in R.places) and _adjacent(text, toks, q, q + L):
                # the whole capitalised run (not Xinjiang of Xinjiang Military Region)
                found = q + L if q + L >= r else None
                break
        if found:
            k = found
        elif not with_the:
            k = r
        else:
            break
    return k


def _named_bodies(text, toks, low, used, i, R):
    """The names before a capitalised generic body at token i: [(start, end) token ranges], nearest last; one name
    (1-2 name words right before it) or a coordination of such names ("Chengguan and Wuji", "A, B and C")."""
    names = []
    end = i
    while end > 0:
        k = end
        while k > 0 and end - k < 2 and not used[k - 1] and _cap(toks[k - 1][2]) and low[k - 1] not in _FUNCTION \
                and text[toks[k - 1][1]:toks[k][0]] in (" ", "-") and _name_word(toks[k - 1][2], R):
            k -= 1
        if k == end:
            break
        names.append((k, end))
        if k >= 2 and low[k - 1] == "and" and text[toks[k - 1][1]:toks[k][0]] == " " \
                and text[toks[k - 2][1]:toks[k - 1][0]] in (" ", ", "):
            end = k - 1
        elif k >= 1 and text[toks[k - 1][1]:toks[k][0]] == ", ":
            end = k
        else:
            break
    return names[::-1]


#: lower-case heads after a capitalised name: the U.S. government, the Sui-Mong government, the Johnson administration
_LOWER_ORG_HEADS = {"government": "government", "governments": "government", "authorities": "government",
                    "administration": "government", "regime": "government", "army": "army", "troops": "army"}
_NOT_BEFORE_LOWER_HEAD = {"local", "central", "national", "provincial", "municipal", "county", "city", "people",
                          "democratic", "puppet", "federal", "state", "new", "old", "military", "civil", "whole"}


def _lower_org_heads(text, toks, low, used, R):
    """Rule ``lower_head``: capitalised words (a place, a people, a party, a person) + a lower-case government or army
    head: "the U.S. government" (美国政府), "the Nationalist government", "Chiang's army"."""
    out = []
    for j in range(1, len(toks)):
        sub = _LOWER_ORG_HEADS.get(low[j])
        if sub is None or not toks[j][2].islower() or used[j - 1] or not _cap(toks[j - 1][2]):
            continue
        gap = text[toks[j - 1][1]:toks[j][0]]
        if gap not in (" ", "'s ", "’s "):
            continue
        i = j - 1
        while i > 0 and j - i < 3 and _cap(toks[i - 1][2]) and not used[i - 1] and low[i - 1] not in _FUNCTION \
                and text[toks[i - 1][1]:toks[i][0]] in (" ", "-"):
            i -= 1
        if low[i] in _FUNCTION or low[j - 1] in _NOT_BEFORE_LOWER_HEAD or low[i] in _NOT_BEFORE_LOWER_HEAD:
            continue
        s, e = toks[i][0], toks[j][1]
        out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=None, en=text[s:e]))
        for x in range(i, j + 1):
            used[x] = True
    return out


def _org_heads(text, toks, low, used, R):
    """Rule ``org_head``: capitalised words ending in an organisation head; the name runs to the last head of its
    capitalised run (Wuan County Party Committee, North China Textile Administration Bureau), takes "of X" after a
    head (Ministry of Agriculture) and a number (Textile Factory No. 1); never starts with "and"."""
    out = []
    n = len(toks)
    first = R.org_head_first
    for j in [j for j, w in enumerate(low) if w in first]:  # (elsewhere _head_len would say 0)
        if used[j]:
            continue
        H = _head_len(toks, low, j, R)
        if not H:
            continue
        head = tuple(low[j:j + H])
        sub = R.org_heads[head]
        # right: further capitalised words up to the last head of the run
        last = j + H
        k = last
        while k < n and not used[k] and _cap(toks[k][2]) and low[k] not in _FUNCTION and _adjacent(text, toks, j, k + 1) \
                and k - j < 6:
            h2 = _head_len(toks, low, k, R)
            if h2:
                last = k = k + h2
                sub = "party" if sub == "party" or "party" in low[j:last] else R.org_heads[tuple(low[last - h2:last])]
            else:
                k += 1
        # possessive: an organisation's own body (Central South Military and Administrative Committee's Financial and
        # Economic Committee): after a head, "'s" + capitalised words ('and' inside) up to a head
        if last < n and text[toks[last - 1][1]:toks[last][0]] in ("'s ", "’s ") and _cap(toks[last][2]):
            k = last
            while k < n and k - last < 8 and (_cap(toks[k][2]) or (low[k] == "and" and k + 1 < n and _cap(toks[k + 1][2]))) \
                    and (k == last or text[toks[k - 1][1]:toks[k][0]] == " "):
                h2 = _head_len(toks, low, k, R)
                if h2:
                    last = k = k + h2
                    sub = R.org_heads[tuple(low[last - h2:last])]
                else:
                    k += 1
        # left: capitalised words (with 'and' inside)
        i = j
        title = None
        while i > 0 and not used[i - 1] and (low[i - 1] not in _FUNCTION - {"and"} or low[i - 1] in _ORDINALS) \
                and not (low[i - 1] == "and" and (title if title is not None else (title := _title_case(text, toks[j][0])))) \
                and _adjacent(text, toks, i - 1, j + H) and (
                _cap(toks[i - 1][2]) or (low[i - 1] in ("and",) and i - 2 >= 0 and _cap(toks[i - 2][2]))) \
                and low[i - 1] not in ("the", "The") and j - i < 8:
            i -= 1
        while i < j and low[i] in ("and", "of"):
            i += 1
        e_idx = _of_phrases(text, toks, low, last, R)
        s, e = toks[i][0], toks[e_idx - 1][1]
        m = _NUMBER_SUFFIX.match(text, e)
        if m:
            e = m.end()
        o = _ORDINAL_PREFIX.search(text, max(0, s - 10), s)
        if o:  # 626th Regiment, 8th Division
            s = o.start()
        if i == j and e_idx == j + H and not m and not o:
            continue
        if tuple(low[i:e_idx]) in R.places:
            continue  # Soviet Union: a place, not an organisation
        if head == ("front",) and e_idx == last == j + 1 and i < j and all(_name_word(toks[x][2], R) for x in range(i, j)):
            continue  # Longhai Front, Korean Front: a battle front (a place), not the Patriotic Front
        out.append(Entity(text=text[s:e], start=s, end=e, label="ORG", subtype=sub, norm=None, en=text[s:e]))
        for x in range(i, n):
            if toks[x][0] >= e:
                break
            used[x] = True
    return out


__all__ = ["extract", "rules"]
