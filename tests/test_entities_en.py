"""English place and organisation rules."""
from pipeline.entities.en import extract


def _texts(ents, label):
    return {e.text: e for e in ents if e.label == label}


def test_entities_en_offsets_and_order():
    t = "In Liaoning Province, for example, the Gaoyou County Metal Production Cooperative in Jiangsu Province."
    ents = extract(t)
    for e in ents:
        assert t[e.start:e.end] == e.text
    assert [e.start for e in ents] == sorted(e.start for e in ents)


def test_entities_en_sentence_initial_word_not_part_of_place():
    p = _texts(extract("In Liaoning Province, the drive is widespread."), "PLACE")
    assert "Liaoning Province" in p and p["Liaoning Province"].norm == "辽宁省"


def test_entities_en_old_spellings_map_to_gazetteer():
    p = _texts(extract("Workers in Peking, Tientsin and Kwangsi met in Canton."), "PLACE")
    assert p["Peking"].norm == "北京市"
    assert p["Tientsin"].norm == "天津市"
    assert p["Kwangsi"].norm.startswith("广西")
    assert p["Canton"].norm == "广州市"


def test_entities_en_special_districts_and_unknown_heads():
    t = "In the Nanning City and Rong County, Guilin, and Pingle Special Districts of Guangxi Province; Xiyan Village."
    p = _texts(extract(t), "PLACE")
    assert p["Pingle Special Districts"].subtype == "special_district"
    assert p["Rong County"].norm == "容县"
    assert p["Xiyan Village"].subtype == "village"


def test_entities_en_org_with_place_inside():
    t = "The Jiamusi City Leather Production Cooperative in Heilongjiang Province used substitutes."
    ents = extract(t)
    assert "Jiamusi City Leather Production Cooperative" in _texts(ents, "ORG")
    assert "Jiamusi City" in _texts(ents, "PLACE")


def test_entities_en_never_raises():
    for t in ["", "   ", "A" * 1000, "The The The", "\u00e9\u00e9 County"]:
        assert isinstance(extract(t), list)


def test_entities_en_pinyin_place_words_in_place_context_only():
    ents = extract("The villagers of Loubanzhai and Anzhuang, with Zhang Dechang of Guxiang, went to Beijing.")
    p = _texts(ents, "PLACE")
    assert {"Loubanzhai", "Anzhuang", "Guxiang", "Beijing"} <= set(p)
    assert "Zhang" not in p and "Dechang" not in p


def test_entities_en_acronyms_are_case_sensitive():
    assert "U.S." in _texts(extract("the U.S. government"), "PLACE")
    assert _texts(extract("Let Us Work Together"), "PLACE") == {}


def test_entities_en_rules_do_not_fail_on_shuffled_text(monkeypatch):
    import random

    monkeypatch.setenv("DUIZHAO_STRICT", "1")
    pieces = ["Gaoyou", "County", "Metal", "Production", "Cooperative", "The", "in", "of", "U.S.", "China's", ",", ".",
              "Special", "Districts", "Ministry", "Agriculture", "Zhang", "Dechang", "Loubanzhai", "-", "'", " ", "\n"]
    rng = random.Random(7)
    for _ in range(300):
        t = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        for e in extract(t):
            assert t[e.start:e.end] == e.text


def test_entities_en_possessive_inside_a_name():
    from pipeline.entities.en import extract as en_extract

    o = {e.text: e for e in en_extract("The Korean People's Army and the People's Liberation Army attacked.") if e.label == "ORG"}
    assert o["Korean People's Army"].norm == "朝鲜人民军"
    assert o["People's Liberation Army"].norm == "中国人民解放军"
    assert "Army" not in o


def test_entities_en_head_word_alone_is_no_lexicon_name():
    from pipeline.entities.en import extract as en_extract

    assert not [e for e in en_extract("the Army and the Navy") if e.label == "ORG" and e.text == "Army"]
