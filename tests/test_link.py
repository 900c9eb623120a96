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
