#!/usr/bin/env python
"""Build duizhao's place gazetteer (pipeline/data/gazetteer/places.tsv) from the public data in
../shared/gazetteer and the hand-built layers shipped in pipeline/data/gazetteer/hand_*.tsv.

    python scripts/build_gazetteer.py [--shared ../shared/gazetteer]

Sources (see pipeline/data/gazetteer/SOURCES.md for licences and attribution):
  yescallop/areacodes result.csv (CC0)          county level and above 1981-2024 with years and successors
  cn/GB2260 mca/YYYY12.tsv (official lists)      codes 1980-2003 (adds the 1980 units and years)
  andrewhoulbrook/cnid-validator adminGeo.tsv (MIT)  English names by code
  stefangabos/world_countries (CC BY-SA 4.0)     countries in English and Chinese
  dns0129/World_Map_History (CC0)                historical states 1900-2000, cities 1946-1991
  hand_1946_1979.tsv, hand_geography.tsv         this project's own layer, each row with its source
Pinyin for names without an English name comes from pypinyin, with the exceptions in
pipeline/data/entities/en_names.tsv. Only units that existed up to 2003 are kept.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pipeline" / "data" / "gazetteer"
ENT = ROOT / "pipeline" / "data" / "entities"
LAST_YEAR = 2003

COLUMNS = ["id", "zh", "aliases", "level", "parent", "province", "start", "end", "en", "en_alt", "modern", "source"]

ETHNIC = (
    "蒙古 藏 回 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC_RE = re.compile("(?:" + "|".join(sorted({e + "族" for e in ETHNIC}, key=len, reverse=True)) + ")+自治(?:州|县|旗|区)$")

PLACEHOLDER = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖", "省直辖行政单位", "郊区", "矿区", "城区"}
GENERIC_DISTRICT_SHORT = {"城区", "郊区", "矿区", "市中", "城关", "新城", "东城", "西城", "南城", "北城", "新区", "中区", "东区",
                          "西区", "南区", "北区", "市区", "城中", "城东", "城西", "城南", "城北", "河东", "河西", "河北", "河南",
                          "江北", "江南", "山东", "山西", "湖北", "湖南", "广东", "广西", "向阳", "前进", "东风", "红旗", "胜利",
                          "新华", "解放", "人民", "和平", "友谊", "建设", "工农", "红星", "新兴", "长安", "中山", "海城", "南山",
                          "北山", "东山", "西山", "铁西", "铁东", "站前", "新市", "开发", "高新", "经济", "平山", "青山", "白云",
                          "南关", "北关", "东关", "西关", "大东", "沙河", "永红", "临河", "团结", "光明", "振兴", "新建", "金山"}

SUFFIX_EN = {"县": "County", "市": "City", "区": "District", "省": "Province", "地区": "Prefecture", "专区": "Special District",
             "盟": "League", "旗": "Banner", "自治州": "Autonomous Prefecture", "自治县": "Autonomous County",
             "自治旗": "Autonomous Banner", "自治区": "Autonomous Region", "特区": "Special District", "林区": "Forest District"}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


_PINYIN_CACHE = {}


def pinyin(zh: str) -> str:
    """'高邮' -> 'Gaoyou', '西安' -> "Xi'an" (apostrophe before a/o/e syllables after the first)."""
    if zh in _PINYIN_CACHE:
        return _PINYIN_CACHE[zh]
    from pypinyin import Style, lazy_pinyin

    syl = lazy_pinyin(zh, style=Style.NORMAL, errors="ignore", v_to_u=True)
    out = ""
    for i, s in enumerate(syl):
        if i and s[:1] in "aoe":
            out += "'"
        out += s
    out = out[:1].upper() + out[1:]
    _PINYIN_CACHE[zh] = out
    return out


def pinyin_checked(zh: str, hint: str | None) -> str:
    """pinyin of ``zh``; when ``hint`` (an English name from a source) spells one of the characters' other readings
    (长武 Changwu, not Zhangwu), use that reading."""
    py = pinyin(zh)
    if not hint:
        return py
    from itertools import product

    from pypinyin import Style, pinyin as _pinyin

    target = re.sub(r"\b(County|City|District|Prefecture|Autonomous|Banner|League|area|Area|county|city|district)\b.*$", "", hint)
    target = re.sub(r"[^a-z]", "", target.lower())
    if not target or target == re.sub(r"[^a-z]", "", py.lower()):
        return py
    readings = _pinyin(zh, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=True)
    if len(readings) != len(zh) or any(len(r) > 4 for r in readings):
        return py
    for combo in product(*readings):
        if "".join(combo).replace("ü", "v") == target or "".join(combo).replace("ü", "u") == target:
            out = ""
            for i, syl in enumerate(combo):
                out += ("'" if i and syl[:1] in "aoe" else "") + syl
            return out[:1].upper() + out[1:]
    return py


def split_suffix(name: str) -> tuple[str, str]:
    """'高邮县' -> ('高邮', '县'); '延边朝鲜族自治州' -> ('延边', '自治州'); keeps names the suffix would leave 1 char."""
    m = _ETHNIC_RE.search(name)
    if m and m.start() >= 2:
        return name[: m.start()], "自治" + name[-1]
    if m and m.start() < 2:
        # 东乡族自治县: the place is named after the people
        eth = re.match(r"(.+?)族", name)
        if eth and len(eth.group(1)) >= 2:
            return eth.group(1), "自治" + name[-1]
    if name == "神农架林区":
        return "神农架", "林区"
    for suf in ("特别行政区", "自治区", "地区", "专区", "自治州", "自治县", "自治旗", "特区", "省", "市", "县", "区", "盟", "旗"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)], suf
    return name, ""


def load_en_names():
    names = {}
    for path in (ENT / "en_names.tsv", ENT / "world_en_extra.tsv"):
        for r in read_tsv(path):
            names[r["zh"]] = (r["en"], [v for v in (r.get("variants") or "").split("|") if v])
    return names


def level_of(name: str, grade: str, code: str) -> str:
    if grade == "省级":
        if name.endswith("省"):
            return "province"
        if name.endswith("市"):
            return "municipality"
        return "region"
    if grade == "地级":
        if name.endswith("市"):
            return "city"
        return "prefecture"
    if name.endswith("市"):
        return "city"
    if name.endswith("区") and name != "神农架林区" and not name.endswith("特区"):
        return "district"
    return "county"


def build_china(shared: Path, en_names):
    """Entries from yescallop (1981-) + GB2260 mca lists (1980-2003), merged by (name, code-prefix, level)."""
    admin_en = {}
    with open(shared / "andrewhoulbrook_cnid-validator" / "adminGeo.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            admin_en[(r["code"], r["name_zh"])] = r["name_en"]
            admin_en.setdefault((r["code"], None), r["name_en"])
    # (code, name) -> years seen in the mca lists
    mca_years = defaultdict(set)
    names_by_year = defaultdict(dict)
    for p in sorted((shared / "cn_GB2260" / "mca").glob("*.tsv")):
        year = int(p.stem[:4])
        with open(p, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                code, name = r["Code"].strip(), r["Name"].strip()
                if not code.isdigit() or not name:
                    continue
                mca_years[(code, name)].add(year)
                names_by_year[year][code] = name
    rows = []
    with open(shared / "yescallop_areacodes" / "result.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            start = int(r["启用时间"]) if r["启用时间"] else None
            if start and start > LAST_YEAR:
                continue
            rows.append({
                "code": r["代码"], "name": r["名称"], "prov": r["一级行政区"], "pref": r["二级行政区"], "grade": r["级别"],
                "start": start, "end": int(r["变更/弃用时间"]) if r["变更/弃用时间"] else None, "succ": r["新代码"],
            })
    seen = {(r["code"], r["name"]) for r in rows}
    name_of_code = {}
    for r in rows:
        name_of_code.setdefault(r["code"], r["name"])
    # mca-only pairs (units abolished by 1981, or names the CC0 set lacks)
    for (code, name), years in mca_years.items():
        if (code, name) in seen or name in PLACEHOLDER:
            continue
        grade = "省级" if code.endswith("0000") else "地级" if code.endswith("00") else "县级"
        y0 = min(years)
        prov = names_by_year[y0].get(code[:2] + "0000", "")
        pref = "" if grade != "县级" else names_by_year[y0].get(code[:4] + "00", "直辖")
        rows.append({"code": code, "name": name, "prov": prov, "pref": pref, "grade": grade, "start": y0,
                     "end": max(years) + 1 if max(years) < LAST_YEAR else None, "succ": "", "mca": True})
        name_of_code.setdefault(code, name)
    for r in rows:
        yrs = mca_years.get((r["code"], r["name"]))
        if yrs and (r["start"] is None or min(yrs) < r["start"]):
            r["start"] = min(yrs)
    merged = {}
    for r in rows:
        name = r["name"]
        if name in PLACEHOLDER or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue
        level = level_of(name, r["grade"], r["code"])
        key = (name, r["code"][:2], level, r["pref"] if level in ("district",) else "")
        prev = merged.get(key)
        if prev:
            prev["start"] = min(x for x in (prev["start"], r["start"]) if x) if (prev["start"] or r["start"]) else None
            prev["end"] = None if (prev["end"] is None or r["end"] is None) else max(prev["end"], r["end"])
            prev["codes"].append(r["code"])
            if r["end"] is not None and r["end"] >= (prev.get("succ_end") or 0):
                prev["succ"], prev["succ_end"] = r["succ"], r["end"]
            continue
        merged[key] = dict(r, level=level, codes=[r["code"]], succ_end=r["end"])
    out = []
    for (name, _, level, _), r in merged.items():
        short, suf = split_suffix(name)
        aliases = []
        if short != name and len(short) >= 2:
            if not (level == "district" and short in GENERIC_DISTRICT_SHORT):
                aliases.append(short)
        if r["grade"] == "地级" and name.endswith("地区"):
            aliases.append(short + "专区")
        admin = None
        for c in reversed(r["codes"]):
            admin = admin_en.get((c, name))
            if admin:
                break
        if len(name) == 2 and name[1] in "县市区旗" and short == name:
            short1, suf = name[0], name[1]
            py = pinyin_checked(short1, None)
            one_char = True
        else:
            py = pinyin_checked(short, admin)
            one_char = False
        if short in en_names:
            py = en_names[short][0]
        sfx_en = SUFFIX_EN.get(suf, "")
        base_en = en_names.get(short, (None, []))[0]
        if level in ("province", "municipality", "region"):
            en = base_en or py
        elif level == "city" and r["grade"] == "地级":
            en = base_en or py
        elif one_char:
            en = py + " " + sfx_en
        else:
            en = (py + " " + sfx_en).strip() if sfx_en else py
        if r["grade"] == "地级" and name.endswith("地区"):
            aliases_en = [py + " Special District", py + " Prefecture"]
        else:
            aliases_en = []
        alts = {py, *aliases_en}
        if admin and re.fullmatch(r"[A-Za-z' ]+", admin) and admin.lower().replace(" ", "").startswith(py.lower().replace("'", "")):
            alts.add(admin)
        if suf:
            alts.add(py + " " + SUFFIX_EN.get(suf, ""))
            if suf == "县":
                alts.add(py + "xian")
                alts.add(py + " Xian")
                alts.add(py + "xian County")
        if short in en_names:
            alts.add(en_names[short][0])
            alts.update(en_names[short][1])
        if level == "province":
            alts.add(en + " Province")
        if level == "city":
            alts.add(py + " City")
        alts.discard(en)
        alts.discard("")
        succ = ""
        if r["end"] is not None and r["succ"]:
            sc = re.sub(r"\[\d+\]", "", r["succ"]).split(";")
            succ = "|".join(dict.fromkeys(name_of_code.get(c, "") for c in sc if name_of_code.get(c) and name_of_code.get(c) != name))
        parent = r["pref"] if r["pref"] and r["pref"] not in ("直辖", r["prov"]) and r["grade"] == "县级" else r["prov"] if r["grade"] != "省级" else ""
        out.append({
            "id": "cn:" + r["codes"][0] + ("" if r["codes"][0] == r["codes"][-1] else "/" + r["codes"][-1]),
            "zh": name, "aliases": "|".join(aliases), "level": level, "parent": parent, "province": r["prov"] if r["grade"] != "省级" else "",
            "start": str(r["start"] or ""), "end": str(r["end"] or ""), "en": en, "en_alt": "|".join(sorted(alts)),
            "modern": succ, "source": "gb2260-mca" if r.get("mca") else "areacodes",
        })
    # unique ids
    ids = defaultdict(int)
    for e in out:
        ids[e["id"]] += 1
        if ids[e["id"]] > 1:
            e["id"] += f"~{ids[e['id']]}"
    return out


def build_world(shared: Path, en_names):
    out = []
    en_by_id = {}
    with open(shared / "stefangabos_world_countries" / "world_en.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            en_by_id[r["id"]] = (r["name"], r["alpha3"])
    with open(shared / "stefangabos_world_countries" / "world_zh.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            en, a3 = en_by_id.get(r["id"], ("", ""))
            zh = r["name"].strip()
            if zh in ("中国",):
                pass
            extra = en_names.get(zh)
            alts = set(extra[1]) if extra else set()
            if extra and extra[0] != en:
                alts.add(en)
                en = extra[0]
            alts.discard(en)
            out.append({"id": "iso:" + a3, "zh": zh, "aliases": "", "level": "country", "parent": "", "province": "",
                        "start": "", "end": "", "en": en, "en_alt": "|".join(sorted(alts)), "modern": "", "source": "world_countries"})
    have = {e["zh"] for e in out}
    with open(shared / "dns0129_World_Map_History" / "unit_names.csv", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            zh = re.sub(r"（.*?）|\(.*?\)", "", r.get("name_zh") or "").strip()
            en = re.sub(r"\s*\(.*?\)", "", r.get("name_en") or "").strip()
            if not zh or not re.fullmatch(r"[\u4e00-\u9fff·]+", zh) or zh in have or not en:
                continue
            have.add(zh)
            extra = en_names.get(zh)
            alts = set(extra[1]) if extra else set()
            out.append({"id": f"hist:{i}", "zh": zh, "aliases": "", "level": "country", "parent": "", "province": "",
                        "start": r.get("year_from") or "", "end": r.get("year_to") or "", "en": en, "en_alt": "|".join(sorted(alts)),
                        "modern": "", "source": "world_map_history:unit_names"})
    return out, have


def build_cities(shared: Path, en_names, have):
    out = []
    with open(shared / "dns0129_World_Map_History" / "cities_1946_1991.csv", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            zh = r["name_zh"].strip()
            if not zh or zh in have:
                continue
            have.add(zh)
            en = r["name_en"].strip()
            extra = en_names.get(zh)
            alts = set(extra[1]) if extra else set()
            out.append({"id": f"city:{i}", "zh": zh, "aliases": "", "level": "city", "parent": "", "province": "",
                        "start": "", "end": "", "en": en, "en_alt": "|".join(sorted(alts)), "modern": "", "source": "world_map_history:cities"})
    return out


def build_hand(en_names):
    out = []
    for fname in ("hand_1946_1979.tsv", "hand_geography.tsv"):
        for i, r in enumerate(read_tsv(OUT / fname)):
            zh = r["zh"].strip()
            alts = {a.strip() for a in (r["en_alt"] or "").split("|") if a.strip()}
            short, _ = split_suffix(zh)
            if short in en_names and r["level"].strip() in ("province", "municipality", "region", "city"):
                alts.add(en_names[short][0])
                alts.update(en_names[short][1])
            alts.discard(r["en"])
            out.append({"id": f"hand:{fname.split('_')[1].split('.')[0]}:{i}", "zh": zh, "aliases": (r["aliases"] or "").strip(),
                        "level": r["level"].strip(), "parent": (r["parent"] or "").strip(), "province": "",
                        "start": (r["start"] or "").strip(), "end": (r["end"] or "").strip(), "en": r["en"].strip(),
                        "en_alt": "|".join(sorted(alts)), "modern": (r["modern"] or "").strip(),
                        "source": "hand:" + r["source"].strip()})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "gazetteer"))
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not shared.is_dir():
        sys.exit(f"no shared gazetteer data at {shared}")
    en_names = load_en_names()
    hand = build_hand(en_names)
    china = build_china(shared, en_names)
    world, have = build_world(shared, en_names)
    have.update(e["zh"] for e in china)
    have.update(e["zh"] for e in hand)
    for e in china:
        have.update(a for a in e["aliases"].split("|") if a)
    cities = build_cities(shared, en_names, have)
    # extra world names (demonym lists) not yet present
    known = {e["zh"] for e in world + china + hand + cities}
    extra = []
    for zh, (en, variants) in en_names.items():
        if zh not in known and not any(zh == a for e in china + hand for a in e["aliases"].split("|")):
            level = "country" if zh in {r["zh"] for r in read_tsv(ENT / "world_en_extra.tsv")} else "city"
            extra.append({"id": f"extra:{zh}", "zh": zh, "aliases": "", "level": level, "parent": "", "province": "",
                          "start": "", "end": "", "en": en, "en_alt": "|".join(variants), "modern": "", "source": "hand:K"})
    rows = hand + china + world + cities + extra
    by_zh = {}
    for r in rows:
        by_zh.setdefault(r["zh"], r)
    for a in read_tsv(OUT / "hand_aliases.tsv"):
        tgt = by_zh.get(a["zh"])
        if tgt is not None and a["alias"] != "平津":
            tgt["aliases"] = "|".join([x for x in tgt["aliases"].split("|") if x] + [a["alias"]])
            tgt["source"] += f"+alias:{a['alias']}:{a['source']}"
    with open(OUT / "places.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# duizhao place gazetteer, built by scripts/build_gazetteer.py; sources and licences in SOURCES.md.\n")
        f.write("# This file is a derived work of CC BY-SA 4.0 data (stefangabos/world_countries) and is shared under CC BY-SA 4.0.\n")
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        for r in rows:
            w.writerow({k: (r.get(k) or "").replace("\t", " ") for k in COLUMNS})
    # ambiguity list: short forms / names that are common words (jieba's dictionary, non-place tag or high frequency)
    amb = ambiguous_names(rows)
    with open(ENT / "ambiguous_zh.txt", "w", encoding="utf-8") as f:
        f.write("# Gazetteer names that are also common words; the recogniser needs a suffix or place context for them.\n")
        f.write("# Built by scripts/build_gazetteer.py from jieba's dictionary (MIT) + ambiguous_zh_hand.txt.\n")
        for n in sorted(amb):
            f.write(n + "\n")
    n_common = write_common_words()
    print(f"{write_pinyin_syllables()} pinyin syllables -> {ENT / 'pinyin_syllables.txt'}")
    print(f"{n_common} common words -> {ENT / 'zh_common_words.tsv'}")
    by_src = defaultdict(int)
    for r in rows:
        by_src[r["source"].split(":")[0]] += 1
    print(f"{len(rows)} entries -> {OUT / 'places.tsv'}; by source: {dict(by_src)}; {len(amb)} ambiguous names")


def _jieba_dict():
    import jieba

    freq = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                freq[parts[0]] = (int(parts[1]), parts[2])
    return freq


NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "nz", "j"}


def ambiguous_names(rows):
    """Short forms of counties/districts (and hand 'other' names) that are also common non-place words."""
    freq = _jieba_dict()
    hand = set()
    p = ENT / "ambiguous_zh_hand.txt"
    if p.exists():
        hand = {l.strip() for l in p.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")}
    protected = set()
    for r in rows:
        if r["level"] in ("country", "continent", "world_region", "sea", "province", "municipality", "region") or \
                (r["level"] in ("city", "prefecture") and r["source"] != "gb2260-mca" and r.get("parent", "") in ("",) + tuple(
                    x["zh"] for x in rows[:0])) or r["source"].startswith(("hand", "world", "city")):
            protected.add(r["zh"])
            protected.update(a for a in r["aliases"].split("|") if a)
        if r["level"] in ("city", "prefecture") and r["id"].startswith("cn:") and r["id"][7:9] == "00":
            protected.add(r["zh"])
            protected.update(a for a in r["aliases"].split("|") if a)
    amb = set(hand)
    for r in rows:
        if r["level"] not in ("county", "district", "city", "other", "township", "village"):
            continue
        names = [a for a in r["aliases"].split("|") if a] + [r["zh"]]
        if r["level"] == "district" and len(r["zh"]) == 2:
            amb.add(r["zh"])
        for n in names:
            if n in protected:
                continue
            if n in GENERIC_DISTRICT_SHORT:
                amb.add(n)
                continue
            fr = freq.get(n)
            if fr and fr[1] not in NAME_TAGS and fr[0] >= 100:
                amb.add(n)
    return amb


def write_pinyin_syllables():
    """Every toneless pinyin syllable (pypinyin's readings of the CJK block), for the English recogniser's rule that
    a capitalised pinyin word in a place context is a place name."""
    from pypinyin import Style, pinyin as _pinyin

    syl = set()
    for cp in range(0x4E00, 0x9FA6):
        for readings in _pinyin(chr(cp), style=Style.NORMAL, heteronym=True, errors="ignore"):
            for r in readings:
                if r.isalpha() and r.isascii() and r not in ("hm", "hng", "m", "n", "ng", "r"):
                    syl.add(r)  # interjection readings (嗯 n, 呣 m) would let English words pass as pinyin
    with open(ENT / "pinyin_syllables.txt", "w", encoding="utf-8") as f:
        f.write("# Toneless pinyin syllables (from pypinyin, MIT). Built by scripts/build_gazetteer.py.\n")
        for x in sorted(syl):
            f.write(x + "\n")
    return len(syl)


def write_common_words():
    """Common words of jieba's dictionary (MIT) that are not names: used to reject place matches that cut through a
    word (修水|渠 -> 水渠, 大丰|收 -> 丰收) and to trim verbs off unknown stems (修筑|王河)."""
    freq = _jieba_dict()
    keep = sorted((w, f, t) for w, (f, t) in freq.items()
                  if 1 <= len(w) <= 3 and t not in NAME_TAGS and f >= (300 if len(w) > 1 else 2000)
                  and all("\u4e00" <= c <= "\u9fff" for c in w))
    with open(ENT / "zh_common_words.tsv", "w", encoding="utf-8") as f:
        f.write("# Common Chinese words (not names) with their part-of-speech tag, from jieba's dictionary (MIT licence,\n")
        f.write("# https://github.com/fxsjy/jieba), frequency >= 300 (single characters >= 2000). Built by scripts/build_gazetteer.py.\n")
        f.write("word\ttag\n")
        for w, fr, t in keep:
            f.write(f"{w}\t{t}\n")
    return len(keep)


if __name__ == "__main__":
    main()
