"""``duizhao check``: print each flagged figure of some articles, both sides in context.

For every row of the reconciliation whose verdict is not ``match`` it prints the verdict
(and factor), the reason, and the aligned Chinese and English sentences with the figure
highlighted: ANSI bold when writing to a terminal, ``[[ ]]`` brackets otherwise. The exit
status is 1 when a verdict named in ``fail_on`` occurs, 2 when a file cannot be read,
else 0, so that scripts can gate on it::

    duizhao check article.txt --fail-on scale_error,value_mismatch
"""
from __future__ import annotations

import sys

from pipeline.reconcile import FLAGS, VERDICTS

#: context characters around a figure when no aligned sentence is known
WINDOW = 60
MAX_CONTEXT = 400


def parse_verdicts(spec) -> set[str]:
    """'scale_error,value_mismatch' / 'all' / 'flags' / 'none' -> a set of verdict names.

    Raises ValueError naming an unknown verdict."""
    if spec is None:
        return set()
    if isinstance(spec, (set, frozenset, list, tuple)):
        items = [str(s) for s in spec]
    else:
        items = [s for s in str(spec).replace(" ", ",").split(",")]
    out = set()
    for s in items:
        s = s.strip()
        if not s or s == "none":
            continue
        if s in ("all", "flags", "any"):
            out |= set(FLAGS)
        elif s in VERDICTS:
            out.add(s)
        else:
            raise ValueError(f"unknown verdict {s!r}; choose from {', '.join(VERDICTS)}, or 'all'")
    return out


def _highlight(text, s, e, tty):
    a, b = ("\033[1m", "\033[0m") if tty else ("[[", "]]")
    return text[:s] + a + text[s:e] + b + text[e:]


def context(article_text: str, start: int, end: int, sent=None, tty=False) -> str:
    """The sentence (or a window) around text[start:end], one line, with the figure highlighted."""
    if sent and sent[0] is not None and sent[0] <= start and end <= sent[1] and sent[1] - sent[0] <= MAX_CONTEXT:
        cs, ce = sent
    else:
        cs, ce = max(0, start - WINDOW), min(len(article_text), end + WINDOW)
        para_s = article_text.rfind("\n", 0, start) + 1
        para_e = article_text.find("\n", end)
        cs = max(cs, para_s)
        ce = min(ce, para_e if para_e >= 0 else len(article_text))
    piece = _highlight(article_text[cs:ce], start - cs, end - cs, tty)
    piece = " ".join(piece.split())
    return ("…" if cs > 0 and article_text[cs - 1] not in "\n" else "") + piece + \
        ("…" if ce < len(article_text) and article_text[ce] != "\n" else "")


def _int(v):
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _para(p):
    p = _int(p)
    return {None: "-", -1: "title", -2: "meta"}.get(p, f"¶{p}")


def format_row(article, row, tty=False) -> str:
    """One flagged figure as a few lines of text."""
    text = article.text
    head = row["verdict"] + (f" {row['factor']}" if isinstance(row.get("factor"), str) and row["factor"] else "")
    if tty:
        head = "\033[31m" + head + "\033[0m"
    lines = [f"  {head}: {row.get('note') or ''}".rstrip()]
    zs, ze = _int(row.get("zh_start")), _int(row.get("zh_end"))
    es, ee = _int(row.get("en_start")), _int(row.get("en_end"))
    if zs is not None:
        lines.append(f"    zh {_para(row.get('zh_para'))}: "
                     + context(text, zs, ze, (_int(row.get("zh_sent_start")), _int(row.get("zh_sent_end"))), tty))
    else:
        lines.append("    zh: (no Chinese figure)" + _aligned(text, row, "zh"))
    if es is not None:
        lines.append(f"    en {_para(row.get('en_para'))}: "
                     + context(text, es, ee, (_int(row.get("en_sent_start")), _int(row.get("en_sent_end"))), tty))
    else:
        lines.append("    en: (no English figure)" + _aligned(text, row, "en"))
    return "\n".join(lines)


def _aligned(text: str, row, lang: str, limit: int = 240) -> str:
    """The sentence aligned with a lone figure's own, on the side that lacks the figure (" in: ...")."""
    s, e = _int(row.get(f"{lang}_sent_start")), _int(row.get(f"{lang}_sent_end"))
    if s is None or e is None or e <= s:
        return ""
    piece = " ".join(text[s:e].split())
    return " in: " + (piece if len(piece) <= limit else piece[:limit] + "…")


def check_files(paths, fail_on: set[str] | None = None, out=None) -> int:
    """Reconcile each file and print its flagged figures. Returns the exit status.

    ``fail_on``: verdicts that make the status 1 (empty: always 0 unless a file is unreadable,
    which makes it 2).
    """
    from pipeline.article import ArticleError, read_article
    from pipeline.reconcile import reconcile_article, summarize

    out = out or sys.stdout
    paths = list(paths)
    tty = bool(getattr(out, "isatty", lambda: False)())
    fail_on = parse_verdicts(fail_on) if not isinstance(fail_on, set) else fail_on
    status = 0
    totals = {}
    for path in paths:
        try:
            article = read_article(path)
        except (ArticleError, OSError) as e:
            print(f"{path}: error: {e}", file=out)
            status = max(status, 2)
            continue
        df = reconcile_article(article)
        s = summarize(df)
        flagged = df[df["verdict"] != "match"]
        fid = "-" if s["fidelity"] is None else f"{s['fidelity']:.2f}"
        name = f"\033[1m{path}\033[0m" if tty else str(path)
        print(f"{name}: {s['n_figures']} figures, {s['n_match']} match, {len(flagged)} flagged, fidelity {fid}",
              file=out)
        for note in df.attrs.get("alignment", ()):
            print(f"  alignment: {note}", file=out)
        for _, row in flagged.iterrows():
            print(format_row(article, row, tty), file=out)
            totals[row["verdict"]] = totals.get(row["verdict"], 0) + 1
            if row["verdict"] in fail_on:
                status = max(status, 1)
    if len(paths) > 1 and totals:
        print("flagged: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())), file=out)
    return status


__all__ = ["check_files", "parse_verdicts", "context", "format_row"]
