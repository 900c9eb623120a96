#!/usr/bin/env python3
"""Reconciliation figures: gold verdicts, error injection, clean flag rate, layout robustness, speed.

Run from the repository root (needs ../shared):
    python benchmarks/reconcile_eval.py [--per-kind 3] [--errors [--context]] [--no-inject] [--no-robust]

Layout robustness: each dev article's English re-paragraphed (two paragraphs merged, one split in
two or in three, a sentence moved across a paragraph break) must give its Chinese figures the
verdicts of the clean article.
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


#: what the layout check does to the English of each article (one change per article and kind)
LAYOUTS = ("merge", "split", "split3", "move")


def relayout(art, kind, rng):
    """The article's text with its English re-paragraphed (None when the article does not allow it):
    two paragraphs merged, one split in two or three at sentence ends, or the last sentence of a
    paragraph moved to the start of the next. The Chinese side is untouched (shifted)."""
    from pipeline.align import split_sentences, translation_paragraphs

    text = art.text
    paras = [p for p in translation_paragraphs(art) if p.role != "title"]
    pairs = [(x, y) for x, y in zip(paras, paras[1:]) if not text[x.end:y.start].strip()]
    if kind == "merge":
        if not pairs:
            return None
        x, y = rng.choice(pairs)
        return text[:x.end] + " " + text[y.start:]
    if kind in ("split", "split3"):
        need = 2 if kind == "split" else 3
        cands = [p for p in paras if len(split_sentences(p.text, "en", p.start)) > need]
        if not cands:
            return None
        p = rng.choice(cands)
        sents = split_sentences(p.text, "en", p.start)
        out = text
        for c in sorted(rng.sample(range(1, len(sents)), need - 1), reverse=True):
            out = out[:sents[c][0]] + "\n\n" + out[sents[c][0]:]
        return out
    if kind == "move":
        cands = [(x, y) for x, y in pairs if len(split_sentences(x.text, "en", x.start)) >= 2]
        if not cands:
            return None
        x, y = rng.choice(cands)
        s, e = split_sentences(x.text, "en", x.start)[-1]
        return text[:s].rstrip() + text[e:y.start] + text[s:e] + " " + text[y.start:]
    raise ValueError(kind)


def robustness(corpus, seed=1, verbose=False) -> dict:
    """{layout kind: (Chinese figures, figures whose verdict differs from the clean article's)}."""
    import random

    from pipeline.article import parse_article, read_article
    from pipeline.reconcile import reconcile_article

    def verdicts(a):
        return {int(r.zh_start): r.verdict for r in reconcile_article(a).itertuples() if r.zh_start == r.zh_start}

    rng = random.Random(seed)
    out = {k: [0, 0] for k in LAYOUTS}
    for path in sorted(Path(corpus).glob("*.txt")):
        art = read_article(path)
        clean = verdicts(art)
        for kind in LAYOUTS:
            text = relayout(art, kind, rng)
            if text is None:
                continue
            shift = len(text) - len(art.text)
            changed = verdicts(parse_article(text, path=str(path)))
            for s, v in clean.items():
                out[kind][0] += 1
                if changed.get(s + shift) != v:
                    out[kind][1] += 1
                    if verbose:
                        print(f"  {kind} {path.name} {art.text[s:s + 8]!r}: {v} -> {changed.get(s + shift)}")
    return {k: tuple(v) for k, v in out.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "gold" / "dev.jsonl"))
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "dev"))
    ap.add_argument("--per-kind", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list disagreements and missed injections")
    ap.add_argument("--context", action="store_true",
                    help="with --errors: the reconciler's note, the Chinese around the figure and the aligned "
                         "English sentence")
    ap.add_argument("--no-inject", action="store_true", help="skip the error injection (about a minute)")
    ap.add_argument("--no-robust", action="store_true", help="skip the layout robustness check")
    a = ap.parse_args()
    if not Path(a.gold).exists():
        print(f"gold file not found: {a.gold} (../shared absent?)", file=sys.stderr)
        return 2

    from pipeline.article import read_article
    from pipeline.evaluate import clean_flag_rate, evaluate_gold, format_gold, format_inject, inject_errors
    from pipeline.mentions import article_quantities
    from pipeline.reconcile import reconcile_article

    t0 = time.perf_counter()
    res = evaluate_gold(a.gold, a.corpus)
    t_gold = time.perf_counter() - t0
    print(format_gold(res))
    print("confusion (gold -> predicted):")
    for (g, p), n in sorted(res["confusion"].items(), key=lambda x: -x[1]):
        if g != p:
            print(f"  {g:15} -> {p:15} {n}")
    if a.errors:
        for e in res["errors"]:
            print(f"  {e['file']}  {e['zh'] or '-'}  gold {e['gold']}  pred {e['pred']}  "
                  f"gold_en {e['gold_en']!r}  pred_en {e['pred_en']!r}")
            if a.context:
                for k in ("why", "zh_context", "en_context"):
                    if e.get(k) and e[k] == e[k]:
                        print(f"      {k.split('_')[0]}: {e[k]}")

    clean = clean_flag_rate(a.corpus)
    print(f"clean dev articles: {clean['flagged']} of {clean['rows']} rows flagged = {clean['rate']:.3f} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(clean['by_verdict'].items()))})")

    t0 = time.perf_counter()
    inj = None if a.no_inject else inject_errors(a.corpus, per_kind=a.per_kind)
    t_inj = time.perf_counter() - t0
    if inj is not None:
        print(format_inject(inj))
    if a.errors and inj is not None:
        for m in inj["misses"]:
            print(f"  missed {m['file']}  {m['change']}  zh {m['zh']}  verdicts {m['verdicts']}")

    if not a.no_robust:
        rob = robustness(a.corpus, verbose=a.errors)
        print("layout robustness (the English re-paragraphed; Chinese figures whose verdict changes):")
        for k, (n, c) in rob.items():
            print(f"  {k:7} {c} of {n} = {c / n:.3f}" if n else f"  {k:7} -")

    # speed: reconciliation alone (quantities extracted beforehand) and end to end
    paths = sorted(Path(a.corpus).glob("*.txt"))
    arts = [read_article(p) for p in paths]
    qs = [(article_quantities(x, "zh"), article_quantities(x, "en")) for x in arts]
    t0 = time.perf_counter()
    n_rows = sum(len(reconcile_article(x, z, e)) for x, (z, e) in zip(arts, qs))
    t_rec = time.perf_counter() - t0
    t0 = time.perf_counter()
    for x in arts:
        reconcile_article(x)
    t_all = time.perf_counter() - t0
    print(f"speed: align+reconcile {len(arts) / t_rec:.0f} articles/s ({n_rows / t_rec:.0f} rows/s); "
          f"with extraction {len(arts) / t_all:.0f} articles/s; gold eval {t_gold:.1f} s, injection {t_inj:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
