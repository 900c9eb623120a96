"""Evaluation built in: score the reconciler against gold files and injected errors.

:func:`evaluate_gold` reads a gold file like ``../shared/gold/dev.jsonl`` (one article per
line: ``file``, ``numbers``: every Chinese number in order with its ``zh`` surface and its
``verdict``, ``extra_en``) and compares each gold verdict with the verdict of the table row
whose Chinese span overlaps the gold surface. A gold number with no row is predicted
``not_applicable``: dates and ordinals are out of scope for the table (see
:mod:`pipeline.reconcile`), so the gold's ``not_applicable`` is right when no row exists.

:func:`inject_errors` copies real articles in memory, changes one English figure that the
reconciler matched (scale x10 or x10^4, one digit, qualifier removed, figure removed, unit
swapped), reconciles again and counts how often the changed figure is flagged (caught) and how
often another, untouched figure that was a match becomes flagged (collateral false flags).
"""
from __future__ import annotations

import json
import random
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

from pipeline.reconcile import FLAGS, dec, rules

NOT_FLAGGED = ("match", "not_applicable")
INJECTIONS = ("scale10", "scale1e4", "digit", "qualifier", "removed", "unit")
_APPROX_WORDS = {"more_than": "more than ", "about": "about ", "nearly": "nearly ", "less_than": "less than ",
                 "at_least": "at least ", "at_most": "at most "}


def load_gold(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _find_file(corpus_dir, name):
    for d in ([Path(corpus_dir)] if not isinstance(corpus_dir, (list, tuple)) else [Path(c) for c in corpus_dir]):
        p = d / name
        if p.exists():
            return p
        hits = list(d.rglob(name))
        if hits:
            return hits[0]
    return None


def locate(text: str, surfaces: list[str], start: int) -> list[tuple[int, int] | None]:
    """Offsets of each gold surface, searched in order from ``start`` (None when not found)."""
    out, pos = [], start
    for s in surfaces:
        if not s:
            out.append(None)
            continue
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s, start)  # out of order: search the whole Chinese side
            if i < 0:
                out.append(None)
                continue
        else:
            pos = i + len(s)
        out.append((i, i + len(s)))
    return out


def _prediction(rows, span):
    """Verdict of the row whose Chinese span overlaps ``span`` most, else not_applicable."""
    best, best_ov = None, 0
    s, e = span
    for r in rows:
        ov = min(e, r[1]) - max(s, r[0])
        if ov > best_ov:
            best, best_ov = r, ov
    return (best[2], best[3], best[4], best[5]) if best else ("not_applicable", None, None, None)


def _span_of(s, e):
    """(start, end) of a table's sentence span columns, None when empty (NaN)."""
    return (int(s), int(e)) if s is not None and s == s and e is not None and e == e else None


def _context(text: str, span, side, width: int = 40) -> str:
    """The Chinese text around a gold figure, inside its side of the article, the figure in [[ ]]."""
    s, e = span
    lo, hi = (side or (0, len(text)))
    a, b = max(lo, s - width), min(hi, e + width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " ")


def _prf(tp, npred, ngold):
    p = tp / npred if npred else None
    r = tp / ngold if ngold else None
    return {"precision": p, "recall": r, "n_pred": npred, "n_gold": ngold, "tp": tp}


def evaluate_gold(gold_path, corpus_dir) -> dict:
    """Score verdicts against a gold file.

    Returns a dict: ``n_gold`` (gold numbers located in the text), ``unlocated``, ``accuracy``
    (share of gold numbers whose predicted verdict equals the gold one), ``per_verdict``
    (precision/recall for each verdict), ``flag`` (precision/recall of "is this a real
    mismatch": verdict not in match/not_applicable, on the gold numbers), ``flag_with_extra``
    (the same precision counting every ``extra_in_en`` row too, matched against the gold
    ``extra_en`` list), ``flag_all_rows`` (the same counting also flagged rows whose Chinese
    figure is not a gold number at all: an extractor's extra reading), ``stray_flags`` (those
    rows), ``false_flag_rate`` (gold ``match`` numbers that were flagged),
    ``confusion`` and ``errors`` (every disagreement, to read).
    """
    from pipeline.article import read_article
    from pipeline.reconcile import reconcile_article

    gold = load_gold(gold_path)
    pairs, errors, missing_files, unlocated, stray = [], [], [], 0, []
    extra_pred = extra_hit = extra_gold = 0
    for g in gold:
        path = _find_file(corpus_dir, g["file"])
        if path is None:
            missing_files.append(g["file"])
            continue
        art = read_article(path)
        df = reconcile_article(art)
        rows = [(int(r.zh_start), int(r.zh_end), r.verdict, r.en_text, _span_of(r.en_sent_start, r.en_sent_end),
                 r.note) for r in df.itertuples() if r.zh_start is not None and r.zh_start == r.zh_start]
        nums = g.get("numbers", [])
        spans = locate(art.text, [n.get("zh") for n in nums], art.zh_span[0])
        located = [sp for sp in spans if sp is not None]
        for r in df.itertuples():
            if r.verdict == "match" or r.zh_start != r.zh_start or r.zh_start is None:
                continue
            zs_, ze_ = int(r.zh_start), int(r.zh_end)
            if not any(min(ze_, e) > max(zs_, s) for s, e in located):
                # a flagged Chinese figure the gold does not list as a number (an extractor's extra)
                stray.append({"file": g["file"], "zh": r.zh_text, "start": zs_, "gold": "(not a gold number)",
                              "pred": r.verdict, "gold_en": None, "pred_en": r.en_text, "kind": r.kind,
                              "note": r.note, "why": r.note, "zh_context": _context(art.text, (zs_, ze_), art.zh_span),
                              "en_context": None})
        for n, span in zip(nums, spans):
            if span is None:
                unlocated += 1
                continue
            pred, en_text, en_sent, why = _prediction(rows, span)
            pairs.append((n["verdict"], pred))
            if pred != n["verdict"]:
                errors.append({"file": g["file"], "zh": n.get("zh"), "start": span[0], "gold": n["verdict"],
                               "pred": pred, "gold_en": n.get("en"), "pred_en": en_text, "kind": n.get("kind"),
                               "note": n.get("note"), "why": why,
                               "zh_context": _context(art.text, span, art.zh_span),
                               "en_context": art.text[en_sent[0]:en_sent[1]] if en_sent else None})
        gold_extra = [x for x in g.get("extra_en", []) if x]
        extra_gold += len(gold_extra)
        for r in df[df["verdict"] == "extra_in_en"].itertuples():
            extra_pred += 1
            if any(str(r.en_text) in x or x in str(r.en_text) for x in gold_extra):
                extra_hit += 1
            else:
                errors.append({"file": g["file"], "zh": None, "start": None, "gold": "(none)", "pred": "extra_in_en",
                               "gold_en": None, "pred_en": r.en_text, "kind": r.kind, "note": r.note})
    n = len(pairs)
    acc = sum(g == p for g, p in pairs) / n if n else None
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        per[lab] = _prf(tp, sum(1 for _, p in pairs if p == lab), sum(1 for g, _ in pairs if g == lab))
    gflag = [g not in NOT_FLAGGED for g, _ in pairs]
    pflag = [p not in NOT_FLAGGED for _, p in pairs]
    tp = sum(a and b for a, b in zip(gflag, pflag))
    flag = _prf(tp, sum(pflag), sum(gflag))
    flag_x = _prf(tp + extra_hit, sum(pflag) + extra_pred, sum(gflag) + extra_gold)
    flag_all = _prf(tp + extra_hit, sum(pflag) + extra_pred + len(stray), sum(gflag) + extra_gold)
    n_match = sum(1 for g, _ in pairs if g == "match")
    ff = sum(1 for g, p in pairs if g == "match" and p not in NOT_FLAGGED)
    return {
        "n_articles": len(gold) - len(missing_files), "missing_files": missing_files, "n_gold": n,
        "unlocated": unlocated, "accuracy": acc, "per_verdict": per, "flag": flag, "flag_with_extra": flag_x,
        "flag_all_rows": flag_all, "stray_flags": stray,
        "exact_verdict_recall": (sum(1 for g, p in pairs if g not in NOT_FLAGGED and g == p) / sum(gflag))
        if sum(gflag) else None,
        "false_flag_rate": ff / n_match if n_match else None, "extra_in_en": {"pred": extra_pred, "hit": extra_hit,
                                                                             "gold": extra_gold},
        "confusion": dict(Counter(pairs)), "errors": errors + stray,
    }


# ---------------------------------------------------------------- error injection


def _fmt(v: Decimal) -> str:
    s = dec(v)
    if "." in s:
        i, f = s.split(".")
        return f"{int(i):,}.{f}"
    return f"{int(s):,}"


def _number_only(q, value: Decimal) -> str:
    if q.kind == "percent" or q.unit == "percent":
        return f"{_fmt(value)}%"
    return _fmt(value)


def _render(q, value: Decimal, approx=True, unit_word=None) -> str:
    """An English figure written anew: qualifier, digits, unit word."""
    a = _APPROX_WORDS.get(q.approx, "") if approx else ""
    num = _number_only(q, value)
    unit = unit_word if unit_word is not None else (q.unit_text or "")
    if q.kind == "percent" or q.unit == "percent":
        unit = ""
    return f"{a}{num} {unit}".rstrip() if unit else f"{a}{num}"


def _digit_change(value: Decimal, rng) -> Decimal | None:
    s = dec(value)
    neg = s.startswith("-")
    s = s.lstrip("-")
    sig = [i for i, c in enumerate(s.rstrip("0").rstrip(".") if "." not in s else s) if c.isdigit()]
    if not sig:
        return None
    i = rng.choice(sig)
    d = int(s[i])
    choices = [x for x in range(10) if x != d and not (x == 0 and i == 0)]
    new = s[:i] + str(rng.choice(choices)) + s[i + 1:]
    return Decimal(("-" if neg else "") + new)


def make_injection(article_text: str, eq, kind: str, rng) -> tuple[str, int, int, str] | None:
    """Change one English figure ``eq`` (a Quantity with offsets into ``article_text``).

    Returns (new text, start, end of the replacement, description) or None when the kind does
    not apply to this figure."""
    v = eq.value
    if v is None or not isinstance(v, Decimal) or eq.high is not None:
        return None
    if kind == "scale10":
        new = _render(eq, v * 10)
    elif kind == "scale1e4":
        new = _render(eq, v * 10000)
    elif kind == "digit":
        nv = _digit_change(v, rng)
        if nv is None:
            return None
        new = _render(eq, nv)
    elif kind == "qualifier":
        if not eq.approx:
            return None
        new = _render(eq, v, approx=False)
    elif kind == "removed":
        new = ""
    elif kind == "unit":
        word = (eq.unit_text or "").strip()
        swap = rules()["unit_swap"].get(word.lower())
        if not word or not swap or word not in eq.text:
            return None
        i = eq.text.rfind(word)
        new = eq.text[:i] + swap + eq.text[i + len(word):]
    else:
        raise ValueError(f"unknown injection {kind!r}")
    text = article_text[:eq.start] + new + article_text[eq.end:]
    return text, eq.start, eq.start + len(new), f"{kind}: {eq.text!r} -> {new!r}"


def _eligible(kind, eq, zq_kind):
    if eq.kind not in ("number", "percent") or eq.value is None or eq.value == 0:
        return False
    if kind in ("scale10", "scale1e4", "digit") and zq_kind not in ("number", "percent"):
        return False
    return True


def inject_errors(corpus_dir, *, kinds=INJECTIONS, per_kind: int = 3, seed: int = 0, files=None) -> dict:
    """Error-injection benchmark over the articles of ``corpus_dir`` (``*.txt``).

    For each article and each kind, up to ``per_kind`` English figures that the clean run
    matched are changed, one at a time. A change is *caught* when the row of the Chinese
    figure it rendered is no longer a match (or a flagged row covers the changed English
    text). Returns caught rates per kind and overall, and ``collateral_rate``: the share of
    the other figures (matches in the clean run) that a change made flagged.
    """
    from pipeline.article import parse_article, read_article
    from pipeline.mentions import article_quantities
    from pipeline.reconcile import reconcile_article

    paths = files or sorted(Path(corpus_dir).glob("*.txt"))
    stats = {k: Counter() for k in kinds}
    misses = []
    coll_flagged = coll_total = 0
    for path in paths:
        try:
            art = read_article(path)
        except Exception:
            continue
        en_q = {(q.start, q.end): q for _, q in article_quantities(art, "en")}
        zh_q = {(q.start, q.end): q for _, q in article_quantities(art, "zh")}
        clean = reconcile_article(art)
        matched = [r for r in clean.itertuples() if r.verdict == "match" and r.en_start == r.en_start
                   and r.en_start is not None and r.zh_start == r.zh_start]
        rng = random.Random(f"{seed}:{Path(path).name}")
        for kind in kinds:
            pool = [r for r in matched if (int(r.en_start), int(r.en_end)) in en_q
                    and _eligible(kind, en_q[(int(r.en_start), int(r.en_end))],
                                  getattr(zh_q.get((int(r.zh_start), int(r.zh_end))), "kind", None))]
            # one English figure may be paired to several Chinese ones (title repeats): inject it once;
            # and a figure the English writes twice in one unit (Title: line and a title paragraph)
            # is left out: changing one copy leaves the other, a faithful rendering
            seen, uniq = set(), []
            for r in pool:
                eq0 = en_q[(int(r.en_start), int(r.en_end))]
                twins = [x for x in clean.itertuples() if x.en_start == x.en_start
                         and (x.en_start, x.en_end) != (r.en_start, r.en_end) and x.en_value == r.en_value
                         and (x.bead == r.bead or x.zh_text == r.zh_text)]
                if (r.en_start, r.en_end) not in seen and not twins and eq0 is not None:
                    seen.add((r.en_start, r.en_end))
                    uniq.append(r)
            rng.shuffle(uniq)
            done = 0
            for r in uniq:
                if done >= per_kind:
                    break
                eq = en_q[(int(r.en_start), int(r.en_end))]
                inj = make_injection(art.text, eq, kind, rng)
                if inj is None:
                    continue
                text, ns, ne, desc = inj
                delta = (ne - ns) - (eq.end - eq.start)
                try:
                    art2 = parse_article(text, path=str(path))
                except Exception:
                    continue
                df = reconcile_article(art2)
                done += 1
                stats[kind]["n"] += 1
                targets = [(int(x.zh_start) + (delta if x.zh_start >= eq.end else 0),
                            int(x.zh_end) + (delta if x.zh_start >= eq.end else 0))
                           for x in matched if x.en_start == r.en_start and x.en_end == r.en_end]
                caught = False
                others_flagged = 0
                # the other figures that matched in the clean run, at their offsets in the changed text
                others = {(int(x.zh_start) + (delta if x.zh_start >= eq.end else 0),
                           int(x.zh_end) + (delta if x.zh_start >= eq.end else 0)) for x in matched} - set(targets)
                for x in df.itertuples():
                    zs = x.zh_start if x.zh_start == x.zh_start else None
                    flagged = x.verdict != "match"
                    if zs is not None and (int(zs), int(x.zh_end)) in targets:
                        caught |= flagged
                    elif flagged and x.en_start == x.en_start and x.en_start is not None \
                            and int(x.en_start) < ne and int(x.en_end) > ns:
                        caught = True
                    elif flagged and zs is not None and (int(zs), int(x.zh_end)) in others:
                        others_flagged += 1
                coll_total += len(others)
                coll_flagged += others_flagged
                if caught:
                    stats[kind]["caught"] += 1
                else:
                    misses.append({"file": Path(path).name, "kind": kind, "change": desc,
                                   "zh": r.zh_text, "verdicts": sorted({x.verdict for x in df.itertuples()
                                                                        if x.zh_start == x.zh_start and
                                                                        (int(x.zh_start), int(x.zh_end)) in targets})})
    per = {k: {"n": s["n"], "caught": s["caught"], "rate": (s["caught"] / s["n"]) if s["n"] else None}
           for k, s in stats.items()}
    n = sum(s["n"] for s in stats.values())
    c = sum(s["caught"] for s in stats.values())
    return {"n": n, "caught": c, "caught_rate": c / n if n else None, "per_kind": per,
            "collateral_rate": coll_flagged / coll_total if coll_total else None,
            "collateral": {"flagged": coll_flagged, "checked": coll_total}, "misses": misses}


def clean_flag_rate(corpus_dir, files=None) -> dict:
    """On unmodified articles: share of reconciled rows that are flagged (no gold needed)."""
    from pipeline.article import read_article
    from pipeline.reconcile import reconcile_article

    n = f = 0
    by = Counter()
    for path in files or sorted(Path(corpus_dir).glob("*.txt")):
        try:
            df = reconcile_article(read_article(path))
        except Exception:
            continue
        n += len(df)
        fl = df[df["verdict"].isin(FLAGS)]
        f += len(fl)
        by.update(fl["verdict"])
    return {"rows": n, "flagged": f, "rate": f / n if n else None, "by_verdict": dict(by)}


def format_gold(res: dict) -> str:
    def pct(x):
        return "-" if x is None else f"{x:.3f}"

    lines = [f"gold: {res['n_articles']} articles, {res['n_gold']} numbers located ({res['unlocated']} not found)",
             f"verdict accuracy       {pct(res['accuracy'])}",
             f"mismatch recall        {pct(res['flag']['recall'])}  ({res['flag']['tp']}/{res['flag']['n_gold']})",
             f"mismatch precision     {pct(res['flag']['precision'])}  ({res['flag']['tp']}/{res['flag']['n_pred']})",
             f"  with extra_in_en     {pct(res['flag_with_extra']['precision'])}  "
             f"({res['flag_with_extra']['tp']}/{res['flag_with_extra']['n_pred']})",
             f"  every flagged row    {pct(res['flag_all_rows']['precision'])}  "
             f"({res['flag_all_rows']['tp']}/{res['flag_all_rows']['n_pred']}: also rows of Chinese figures "
             f"the gold does not count as numbers)",
             f"exact-verdict recall   {pct(res['exact_verdict_recall'])}",
             f"false flags on gold matches {pct(res['false_flag_rate'])}",
             "per verdict (precision / recall / gold n):"]
    for lab, m in res["per_verdict"].items():
        lines.append(f"  {lab:16} {pct(m['precision'])} / {pct(m['recall'])} / {m['n_gold']}")
    return "\n".join(lines)


def format_inject(res: dict) -> str:
    def pct(x):
        return "-" if x is None else f"{x:.3f}"

    lines = [f"injected errors: {res['n']}, caught {res['caught']} = {pct(res['caught_rate'])}; "
             f"collateral false flags {pct(res['collateral_rate'])} "
             f"({res['collateral']['flagged']} of {res['collateral']['checked']} untouched clean matches flagged)"]
    for k, m in res["per_kind"].items():
        lines.append(f"  {k:10} {m['caught']}/{m['n']} = {pct(m['rate'])}")
    return "\n".join(lines)


__all__ = ["evaluate_gold", "inject_errors", "make_injection", "clean_flag_rate", "load_gold", "locate",
           "format_gold", "format_inject", "INJECTIONS"]
