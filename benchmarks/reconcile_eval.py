#!/usr/bin/env python3
"""Reconciliation figures: gold verdicts, error injection, clean flag rate, speed.

Run from the repository root (needs ../shared):
    python benchmarks/reconcile_eval.py [--per-kind 3] [--errors [--context]] [--no-inject]
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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
