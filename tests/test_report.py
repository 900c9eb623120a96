"""OUT/report.html (pipeline/report.py): self-contained, escaped, every figure coloured and linked."""
import re

from pipeline.article import parse_article, read_article
from pipeline.reconcile import reconcile_article
from pipeline.report import render_report, write_report


def test_report_is_self_contained_and_links_pairs(seed_path, tmp_path):
    art = read_article(seed_path)
    df = reconcile_article(art)
    path = write_report([art], df, tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    # no network: no external scripts, styles, images or fonts
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<script" not in html and "@import" not in html
    # every row is a figure with a verdict class; pairs link to each other
    n_zh = int(df.zh_text.notna().sum())
    assert len(re.findall(r'id="a[^"]*-z\d+"', html)) == n_zh
    links = re.findall(r'id="(a[^"]*-z\d+)" href="#(a[^"]*-e\d+)"', html)
    assert len(links) == int(df.en_text.notna().sum() - (df.zh_text.isna()).sum())
    for z, e in links:
        assert f'id="{e}"' in html  # the English figure exists, and links back to a Chinese one
        assert re.search(f'id="{e}" href="#a[^"]*-z\\d+"', html)
    assert "class=\"fig v-match\"" in html
    assert "三十八亿七千万元" in html and "3.87 billion yuan" in html


def test_report_escapes_article_text(seed_path, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    evil = '<script>alert("x")</script> & <b>bold</b>'
    text = text.replace("Xinhua News Agency report:", "Xinhua News Agency report: " + evil, 1)
    text = text.replace("据新华社讯", "据新华社讯<img src=x onerror=alert(1)>", 1)
    art = parse_article(text)
    html = render_report([art], reconcile_article(art))
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(" in html


def test_report_from_articles_table_and_flag_colours(seed_path, tmp_path):
    import pandas as pd

    text = seed_path.read_text(encoding="utf-8").replace("7.21 million yuan", "72.1 million yuan")
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    art = read_article(p)
    df = reconcile_article(art)
    articles = pd.DataFrame([{"id": art.id, "path": str(p)}])
    html = render_report(articles, df)
    assert 'class="fig v-scale_error"' in html
    assert "1 articles" in html and "scale_error 1" in html


def test_report_empty_corpus(tmp_path):
    html = render_report([], None)
    assert "0 articles" in html


def test_report_caps_side_by_side_sections_worst_first(seed_path, tmp_path):
    import pandas as pd

    text = seed_path.read_text(encoding="utf-8")
    arts = [parse_article(text),
            parse_article(text.replace("7.21 million yuan", "72.1 million yuan").replace("第5版", "第6版"))]
    df = pd.concat([reconcile_article(a) for a in arts], ignore_index=True)
    html = render_report(arts, df, max_sections=1)
    assert html.count('<table class="sbs">') == 1
    assert "lowest fidelity of 2" in html
    assert 'class="fig v-scale_error"' in html  # the flawed copy is the one shown
    assert html.count("<tr><td>") >= 2  # both articles have a summary line
