"""Build pipeline/data/jieba_user.txt: the jieba user dictionary duizhao ships.

It merges the hand-curated domain words (pipeline/data/jieba_domain.txt) with the
Chinese names of the place gazetteer (tag ns) and the organisation lexicon (tag nt),
so that jieba keeps 1950s place and organisation names whole. Run from the repo root
after changing any of those files:  python scripts/build_jieba_dict.py
"""
import csv
from pathlib import Path

DATA = Path("pipeline/data")


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main():
    words: dict[str, tuple[int, str]] = {}
    for line in (DATA / "jieba_domain.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            w, freq, tag = line.split()
            words[w] = (int(freq), tag)
    for r in rows(DATA / "gazetteer" / "places.tsv"):
        for name in [r["zh"]] + [a for a in (r.get("aliases") or "").split("|") if a]:
            if 2 <= len(name) <= 12:
                words.setdefault(name, (300, "ns"))
    for r in [*rows(DATA / "entities" / "zh_orgs.tsv"), *rows(DATA / "entities" / "zh_orgs_world.tsv")]:
        for name in [r["zh"]] + [a for a in (r.get("aliases") or "").split("|") if a]:
            if 2 <= len(name) <= 20:
                words.setdefault(name, (300, "nt"))
    out = DATA / "jieba_user.txt"
    with open(out, "w", encoding="utf-8") as f:
        for w in sorted(words):
            freq, tag = words[w]
            f.write(f"{w} {freq} {tag}\n")
    print(f"{out}: {len(words)} words")


if __name__ == "__main__":
    main()
