"""``OUT/report.html``: one self-contained page (no script, font or image from the network).

The page opens with the corpus summary (figures, verdict counts, fidelity, one line per
article with a link), then shows each article as aligned rows, Chinese left and English
right, with every figure coloured by its verdict and linked to its pair (click a Chinese
figure to jump to its English rendering and back). Hovering a figure shows the verdict and
why. All article text is escaped with :func:`html.escape`.
"""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline.reconcile import VERDICTS, summarize

COLOURS = {
    "match": ("#d9f2d9", "#2e7d32"),
    "approx_dropped": ("#ffe8c2", "#e68a00"),
    "approx_added": ("#fff3b0", "#b59a00"),
    "scale_error": ("#ffc9de", "#c2185b"),
    "value_mismatch": ("#ffcdc9", "#d32f2f"),
    "unit_mismatch": ("#e3d4f7", "#6a1b9a"),
    "missing_in_en": ("#e0e0e0", "#d32f2f"),
    "extra_in_en": ("#cfe3ff", "#1565c0"),
}
_SEVERITY = {v: i for i, v in enumerate(("match", "approx_added", "approx_dropped", "extra_in_en", "unit_mismatch",
                                         "missing_in_en", "value_mismatch", "scale_error"))}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",
"WenQuanYi Micro Hei",sans-serif;margin:0 auto;max-width:1400px;padding:1em 2em;color:#222;line-height:1.55}
h1{margin:.2em 0}h2{margin:1.6em 0 .3em;font-size:1.25em;border-top:2px solid #ccc;padding-top:.8em}
table{border-collapse:collapse}
.summary td,.summary th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;font-size:.92em}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
.sbs{width:100%;table-layout:fixed}.sbs td{vertical-align:top;padding:6px 10px;border-bottom:1px solid #eee}
.sbs td.b{color:#999;font-size:.75em;white-space:nowrap}.sbs td.zh{font-size:1.05em}
.sbs tr.dropped td.zh{background:#fff0f0}.sbs tr.note td{color:#a00;font-size:.8em;padding:0 10px}
.fig{border-radius:3px;padding:0 2px;text-decoration:none;color:inherit;border-bottom:2px solid}
.fig:target{outline:3px solid #333}
.chip{display:inline-block;border-radius:3px;padding:0 6px;margin:1px 3px 1px 0;font-size:.85em;border-left:4px solid}
.meta{color:#666;font-size:.85em}.flags td{font-size:.85em;padding:2px 6px;border-bottom:1px solid #eee}
.title td{font-weight:600}
"""


def _css():
    rules = [_CSS]
    for v, (bg, fg) in COLOURS.items():
        rules.append(f".v-{v}{{background:{bg};border-color:{fg}}}")
    return "\n".join(rules)


def _e(s) -> str:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    return html.escape(str(s), quote=True)


def _int(v):
    try:
        if v is None or pd.isna(v):
            return None
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _load_articles(articles):
    """Article objects from a list of Articles, or from an articles DataFrame (reads each path)."""
    from pipeline.article import read_article

    out = []
    if articles is None:
        return out
    if isinstance(articles, pd.DataFrame):
        for _, r in articles.iterrows():
            try:
                out.append(read_article(Path(r["path"])))
            except Exception:
                continue
        return out
    for a in articles:
        if isinstance(a, (str, Path)):
            try:
                a = read_article(Path(a))
            except Exception:
                continue
        out.append(a)
    return out


def _chips(counts: dict) -> str:
    parts = []
    for v in VERDICTS:
        n = counts.get(v, 0)
        if n:
            parts.append(f'<span class="chip v-{v}">{_e(v)} {n}</span>')
    return "".join(parts)


def _marked(text: str, s: int, e: int, spans) -> str:
    """text[s:e] escaped, with the given (start, end, open_tag) spans wrapped in <a>...</a>."""
    out, pos = [], s
    for fs, fe, tag in sorted(spans):
        if fs < pos or fe > e or fs < s:
            continue  # overlapping or outside: leave unmarked
        out.append(_e(text[pos:fs]))
        out.append(tag + _e(text[fs:fe]) + "</a>")
        pos = fe
    out.append(_e(text[pos:e]))
    return "".join(out)


def _article_html(article, df: pd.DataFrame) -> str:
    from pipeline.align import align_paragraphs
    from pipeline.mentions import META, TITLE

    aid = article.id
    key = "a" + "".join(c if c.isalnum() else "-" for c in aid)
    zspans, espans = {}, {}
    en_first = {}
    for i, r in df.reset_index(drop=True).iterrows():
        es, ee = _int(r["en_start"]), _int(r["en_end"])
        if es is not None and (es, ee) not in en_first:
            en_first[(es, ee)] = i
    for i, r in df.reset_index(drop=True).iterrows():
        v = r["verdict"]
        zs, ze = _int(r["zh_start"]), _int(r["zh_end"])
        es, ee = _int(r["en_start"]), _int(r["en_end"])
        why = v + (f" {r['factor']}" if isinstance(r.get("factor"), str) else "") + (
            f": {r['note']}" if isinstance(r.get("note"), str) and r["note"] else "")
        if zs is not None:
            target = f' href="#{key}-e{en_first[(es, ee)]}"' if es is not None else ""
            tip = f"{why} | en: {r['en_text']}" if es is not None else why
            zspans[(zs, ze)] = (f'<a class="fig v-{_e(v)}" id="{key}-z{i}"{target} title="{_e(tip)}">', v)
        if es is not None:
            j = en_first[(es, ee)]
            old = espans.get((es, ee))
            if old is None or _SEVERITY.get(v, 0) > _SEVERITY.get(old[1], 0):
                target = f' href="#{key}-z{i}"' if zs is not None else ""
                tip = f"{why} | zh: {r['zh_text']}" if zs is not None else why
                espans[(es, ee)] = (f'<a class="fig v-{_e(v)}" id="{key}-e{j}"{target} title="{_e(tip)}">', v)
    zlist = [(s, e, t) for (s, e), (t, _) in zspans.items()]
    elist = [(s, e, t) for (s, e), (t, _) in espans.items()]
    text = article.text

    def side(lang, idxs):
        cells = []
        paras = {p.index: p for p in (article.paragraphs_zh if lang == "zh" else article.paragraphs_en)}
        spans = zlist if lang == "zh" else elist
        for i in idxs:
            if i == TITLE:
                span = article.title_zh_span if lang == "zh" else article.title_en_span
                if span:
                    cells.append(f"<div>{_marked(text, span[0], span[1], spans)}</div>")
            elif i in paras:
                p = paras[i]
                cells.append(f"<div>{_marked(text, p.start, p.end, spans)}</div>")
        return "".join(cells)

    try:
        beads = align_paragraphs(article)
    except Exception:
        beads = []
    rows = []
    for b in beads:
        if b.zh == (META,):
            continue
        title_repeat = b.en[:1] == (TITLE,) and b.zh != (TITLE,)
        zcell = side("zh", b.zh)
        if b.zh == (TITLE,):
            b = type(b)(b.zh, b.en[:1], b.cost, b.sentences, b.note)
        ecell = '<span class="meta">(the English title line above)</span>' if title_repeat else side("en", b.en)
        cls = "dropped" if b.dropped else ("title" if TITLE in b.zh else "")
        label = {(): "0"}.get(b.zh, b.kind)
        rows.append(f'<tr class="{cls}"><td class="b">{_e(label)}</td><td class="zh" lang="zh">{zcell}</td>'
                    f'<td class="en" lang="en">{ecell}</td></tr>')
        if b.note and not title_repeat and b.zh != (TITLE,):
            rows.append(f'<tr class="note"><td></td><td colspan="2">{_e(b.note)}</td></tr>')
    s = summarize(df)
    counts = {v: s[f"n_{v}"] for v in VERDICTS}
    flagged = df[df["verdict"] != "match"].reset_index()
    flag_rows = []
    for _, r in flagged.iterrows():
        i = r["index"]
        anchor = f"#{key}-z{i}" if _int(r["zh_start"]) is not None else f"#{key}-e{en_first.get((_int(r['en_start']), _int(r['en_end'])), i)}"
        flag_rows.append(f'<tr><td><a class="chip v-{_e(r["verdict"])}" href="{anchor}">{_e(r["verdict"])}</a></td>'
                         f'<td lang="zh">{_e(r["zh_text"])}</td><td>{_e(r["en_text"])}</td>'
                         f'<td>{_e(r["factor"])}</td><td>{_e(r["note"])}</td></tr>')
    fid = "-" if s["fidelity"] is None else f"{s['fidelity']:.2f}"
    parts = [
        f'<section id="{key}"><h2>{_e(article.title_en or article.title_zh)}</h2>',
        f'<div lang="zh">{_e(article.title_zh)}</div>',
        f'<div class="meta">{_e(aid)} · {_e(article.date)} · page {_e(article.page)} · {_e(article.path)}</div>',
        f"<p>{s['n_figures']} Chinese figures · fidelity {fid} · {_chips(counts)}</p>",
    ]
    if flag_rows:
        parts.append('<table class="flags"><tr><th>verdict</th><th>Chinese</th><th>English</th><th>factor</th>'
                     '<th>why</th></tr>' + "".join(flag_rows) + "</table>")
    parts.append('<table class="sbs"><colgroup><col style="width:3.5em"><col style="width:44%"><col></colgroup>'
                 '<tr><th></th><th>中文 (original)</th><th>English (translation)</th></tr>'
                 + "".join(rows) + "</table></section>")
    return "\n".join(parts)


def _article_rows(articles):
    """(id, date, title, loader) for each article, without reading files for a DataFrame."""
    from pipeline.article import read_article

    out = []
    if articles is None:
        return out
    if isinstance(articles, pd.DataFrame):
        for _, r in articles.iterrows():
            path = r.get("path")
            title = r.get("title_en") if isinstance(r.get("title_en"), str) and r.get("title_en") else r.get("title_zh")
            out.append((str(r.get("id")), r.get("date"), title, (lambda p=path: read_article(Path(p)))))
        return out
    for a in _load_articles(articles):
        out.append((a.id, a.date, a.title_en or a.title_zh, (lambda a=a: a)))
    return out


def render_report(articles, recon_df: pd.DataFrame | None, max_sections: int = 300) -> str:
    """The report page as a string (see :func:`write_report`).

    Every article gets a summary line; the side-by-side view is drawn for at most
    ``max_sections`` articles, those with the lowest fidelity first (a large run stays a page
    a browser can open), in corpus order."""
    rows = _article_rows(articles)
    if recon_df is None:
        recon_df = pd.DataFrame(columns=["article_id", "verdict", "zh_text"])
    by_id = {aid: g for aid, g in recon_df.groupby("article_id", sort=False)} if len(recon_df) else {}
    totals = Counter(recon_df["verdict"]) if len(recon_df) else Counter()
    n_fig = int(recon_df["zh_text"].notna().sum()) if len(recon_df) else 0
    denom = n_fig + totals.get("extra_in_en", 0)
    fid = f"{totals.get('match', 0) / denom:.3f}" if denom else "-"
    sums = []
    for aid, date, title, load in rows:
        df = by_id.get(aid)
        if df is None:
            df = recon_df.iloc[0:0]
        sums.append((aid, date, title, load, df, summarize(df)))
    order = sorted(range(len(sums)), key=lambda k: (sums[k][5]["fidelity"] if sums[k][5]["fidelity"] is not None
                                                    else 2.0, -sums[k][5]["n_flagged"], k))
    shown = set(order[:max_sections])
    lines, sections = [], []
    for k, (aid, date, title, load, df, s) in enumerate(sums):
        key = "a" + "".join(c if c.isalnum() else "-" for c in aid)
        f = "-" if s["fidelity"] is None else f"{s['fidelity']:.2f}"
        link = f'<a href="#{key}">{_e(date)}</a>' if k in shown else _e(date)
        lines.append(f'<tr><td>{link}</td><td>{_e(title)}</td>'
                     f'<td class="n">{s["n_figures"]}</td><td class="n">{s["n_match"]}</td>'
                     f'<td class="n">{s["n_flagged"]}</td><td class="n">{f}</td>'
                     f'<td>{_chips({v: s[f"n_{v}"] for v in VERDICTS if v != "match"})}</td></tr>')
        if k in shown:
            try:
                sections.append(_article_html(load(), df))
            except Exception as e:  # a file gone since the run: the summary line stays
                sections.append(f'<section id="{key}"><h2>{_e(title)}</h2><p class="meta">cannot show: '
                                f'{_e(e)}</p></section>')
    if len(sums) > len(shown):
        sections.insert(0, f'<p class="meta">Side by side below: the {len(shown)} articles with the lowest '
                           f'fidelity of {len(sums)}.</p>')
    arts = sums
    legend = "".join(f'<span class="chip v-{v}">{v}</span>' for v in VERDICTS)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>duizhao: figure reconciliation report</title>",
        f"<style>{_css()}</style></head><body>",
        "<h1>duizhao: figure reconciliation</h1>",
        f'<p>{len(arts)} articles · {n_fig} Chinese figures · {totals.get("match", 0)} match · '
        f'{sum(n for v, n in totals.items() if v != "match")} flagged · fidelity {fid}</p>',
        f"<p>{_chips(dict(totals))}</p>",
        f'<p class="meta">Colours: {legend}. Dates and ordinals are out of scope. Click a figure to jump to its '
        "pair; hover for the verdict and why.</p>",
        '<table class="summary"><tr><th>date</th><th>title</th><th>figures</th><th>match</th><th>flagged</th>'
        "<th>fidelity</th><th>flags</th></tr>",
        *lines,
        "</table>",
        *sections,
        "</body></html>",
    ])


def write_report(articles, recon_df: pd.DataFrame | None, path, max_sections: int = 300) -> Path:
    """Write the report page to ``path``.

    ``articles``: Article objects, paths, or the articles table (a DataFrame with ``path``);
    ``recon_df``: the reconciliation table (rows of any number of articles).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(articles, recon_df, max_sections), encoding="utf-8")
    return path


__all__ = ["write_report", "render_report", "COLOURS"]
