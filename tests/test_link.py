"""zh-en linking: every entity once, paired or alone."""
from pipeline.entities.en import extract as en_extract
from pipeline.entities.link import link_entities, score
from pipeline.entities.zh import extract as zh_extract

ZH = "广西省南宁市和容县、桂林、平乐等专区的手工业合作组织。江苏高邮县金属生产社。北京、上海等市。"
EN = ("In the Nanning City and Rong County, Guilin, and Pingle Special Districts of Guangxi Province. "
      "The Gaoyou County Metal Production Cooperative in Jiangsu Province. Beijing, Shanghai and other cities.")


def test_link_every_entity_exactly_once():
    z, e = zh_extract(ZH), en_extract(EN)
    links = link_entities(z, e)
    zs = [a for a, _, _ in links if a is not None]
    es = [b for _, b, _ in links if b is not None]
    assert sorted(id(x) for x in zs) == sorted(id(x) for x in z)
    assert sorted(id(x) for x in es) == sorted(id(x) for x in e)
    for a, b, s in links:
        assert (a is None or b is None) == (s == 0.0)


def test_link_pairs_the_right_renderings():
    links = {a.text: (b.text if b else None) for a, b, _ in link_entities(zh_extract(ZH), en_extract(EN)) if a}
    assert links["南宁市"] == "Nanning City"
    assert links["容县"] == "Rong County"
    assert links["平乐"] == "Pingle"  # "Guilin, and Pingle Special Districts": the head is shared
    assert links["广西省"] == "Guangxi Province"
    assert links["江苏高邮县金属生产社"] == "Gaoyou County Metal Production Cooperative"
    assert links["北京"] == "Beijing"


def test_link_unrendered_entity_is_reported_alone():
    z = zh_extract("哈尔滨市的手工业社")
    links = link_entities(z, en_extract("Handicraft cooperatives elsewhere."))
    assert all(b is None and s == 0.0 for a, b, s in links if a is not None and a.text == "哈尔滨市")


def test_link_score_requires_same_label():
    z = [x for x in zh_extract("新华社讯") if x.label == "ORG"][0]
    e = [x for x in en_extract("Xinhua News Agency report") if x.label == "ORG"][0]
    assert score(z, e) == 1.0
    p = [x for x in en_extract("Beijing") if x.label == "PLACE"][0]
    assert score(z, p) == 0.0


def test_link_empty_sides():
    z = zh_extract("北京")
    assert link_entities(z, []) == [(z[0], None, 0.0)]
    assert link_entities([], []) == []


def _pairs(zh_text, en_text):
    return {a.text: (b.text if b else None) for a, b, _ in link_entities(zh_extract(zh_text), en_extract(en_text)) if a}


def test_link_prefers_the_rendering_with_the_same_head():
    # both renderings occur: the one with the administrative head goes to the name with its suffix, and back
    links = _pairs("四川省的煤矿。四川的工人。", "Coal mines of Sichuan. Workers of Sichuan Province.")
    assert links["四川省"] == "Sichuan Province" and links["四川"] == "Sichuan"


def test_link_feature_and_foreign_unit_heads_are_generic():
    for zh, en in [("列宁格勒州的工人", "Workers of the Leningrad Oblast"), ("七洲洋的渔船", "boats in the Qizhou Ocean")]:
        z = [x for x in zh_extract(zh) if x.label == "PLACE"][0]
        e = [x for x in en_extract(en) if x.label == "PLACE"][0]
        assert score(z, e) >= 0.9, (zh, en, score(z, e))


def test_link_organisation_by_the_words_of_its_name():
    links = _pairs("国营陕西第一棉纺织厂工会写信。", "The Cotton Textile Factory met. The Trade Union of State-Owned "
                   "Shaanxi No. 1 Cotton Textile Factory wrote.")
    assert links["国营陕西第一棉纺织厂工会"] == "Trade Union of State-Owned Shaanxi No. 1 Cotton Textile Factory"
    links = _pairs("上海中华油脂厂和中华油脂厂", "Shanghai China Oil Factory and China Oil Factory")
    assert links["上海中华油脂厂"] == "Shanghai China Oil Factory"


def test_link_head_words_alone_link_nothing():
    z = [x for x in zh_extract("新华社讯") if x.label == "ORG"][0]
    e = [x for x in en_extract("the Pan Asia News Agency reported") if x.label == "ORG"][0]
    assert score(z, e) == 0.0


def test_link_article_pairs_names_inside_aligned_paragraphs(shared_dir):
    """The n-th 北京 goes with the Beijing of its own paragraph pair when the alignment is known."""
    from pipeline.article import read_article
    from pipeline.align import align_paragraphs
    from pipeline.entities.link import link_article
    from pipeline.mentions import article_entities

    path = sorted((shared_dir / "corpus" / "dev").glob("*.txt"))[0]
    a = read_article(path)
    zh, en = article_entities(a, "zh"), article_entities(a, "en")
    beads = align_paragraphs(a)
    links = link_article(a, zh, en, beads)
    assert sorted(id(z) for z, _, _ in links if z is not None) == sorted(id(e) for _, e in zh)
    assert sorted(id(e) for _, e, _ in links if e is not None) == sorted(id(e) for _, e in en)
    para = {id(e): seg.index for seg, e in zh} | {id(e): seg.index for seg, e in en}
    same = lambda z, e: any(para[id(z)] in b.zh and para[id(e)] in b.en for b in beads)
    pairs = [(z, e) for z, e, _ in links if z is not None and e is not None]
    assert pairs and sum(same(z, e) for z, e in pairs) >= 0.8 * len(pairs)
    # without the alignment (relative positions only) no more pairs fall inside aligned paragraphs
    plain = link_entities([e for _, e in zh], [e for _, e in en], zh_len=a.zh_span[1], en_len=a.en_span[1])
    assert sum(same(z, e) for z, e in pairs) >= sum(same(z, e) for z, e, _ in plain if z is not None and e is not None)


def test_link_trade_words_alone_link_nothing():
    z = [x for x in zh_extract("綦江同兴煤矿的工人") if x.text == "同兴煤矿"][0]
    e = [x for x in en_extract("workers of the Shuanghe Coal Mine") if x.label == "ORG"][0]
    assert score(z, e) < 0.6
    e = [x for x in en_extract("workers of the Tongxing Coal Mine") if x.label == "ORG"][0]
    assert score(z, e) >= 0.9


def test_link_article_without_alignment_or_entities():
    from pipeline.article import read_article
    from pipeline.entities.link import link_article
    from pathlib import Path

    a = read_article(Path(__file__).resolve().parents[1] / "corpus" / "000_33999ee4fb8daa75.txt")
    with_beads = link_article(a)
    without = link_article(a, beads=[])
    assert len(with_beads) == len(without)
    linked = {z.text: e.text for z, e, _ in with_beads if z is not None and e is not None}
    assert linked["平乐"] == "Pingle" and linked["高邮县"] == "Gaoyou County"
    assert link_article(a, zh=[], en=[]) == []


def test_entities_table_carries_each_rendering_both_ways(seed_path):
    """process_article writes the link: a Chinese entity's English mention (and back), NULL when none."""
    from pipeline.article import read_article
    from pipeline.process import process_article

    a = read_article(seed_path)
    ents = process_article(a, tokenize=False)["entities"]
    zh = ents[ents.lang == "zh"].set_index("text")
    for name, rendering in (("高邮县", "Gaoyou County"), ("桂林", "Guilin"), ("平乐", "Pingle"),
                            ("哈尔滨市", "Harbin City"), ("中央手工业管理局", "Central Handicraft Administration")):
        row = zh.loc[name] if zh.loc[[name]].shape[0] == 1 else zh.loc[[name]].iloc[0]
        assert row["link_text"] == rendering
        assert a.text[int(row["link_start"]):int(row["link_end"])] == rendering
        assert 0.5 <= row["link_score"] <= 1.0
    # and back: the English row names the Chinese mention that links to it
    en = ents[ents.lang == "en"]
    gaoyou = en[en.text == "Gaoyou County"].iloc[0]
    assert gaoyou["link_text"] == "高邮县" and a.text[int(gaoyou["link_start"]):int(gaoyou["link_end"])] == "高邮县"
    # every seed place is linked; an entity with no rendering has all link columns empty
    assert zh[zh.label == "PLACE"]["link_text"].notna().all()
    unlinked = ents[ents.link_text.isna()]
    assert unlinked[["link_start", "link_end", "link_score"]].isna().all().all()
