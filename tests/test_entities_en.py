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
    # the plural head is shared by the coordination: each bare name is a special district, Rong County keeps its own
    assert p["Pingle"].subtype == "special_district" and p["Pingle"].en == "Pingle Special District"
    assert p["Guilin"].subtype == "special_district" and p["Guilin"].en == "Guilin Special District"
    assert "Pingle Special Districts" not in p
    assert p["Rong County"].norm == "容县" and p["Rong County"].subtype == "county"
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


def test_entities_en_plural_head_after_a_coordination_of_gazetteer_names():
    p = _texts(extract("Handan, Zhangjiakou, and Shijiazhuang Special Districts each produced iron."), "PLACE")
    assert {"Handan", "Zhangjiakou", "Shijiazhuang"} <= set(p)
    assert all(p[n].subtype == "special_district" for n in ("Handan", "Zhangjiakou", "Shijiazhuang"))
    p = _texts(extract("In Hengyang and Xiangtan Special Districts of Hunan Province"), "PLACE")
    assert p["Xiangtan"].subtype == p["Hengyang"].subtype == "special_district"


def test_entities_en_plural_head_after_one_name_is_not_part_of_it():
    p = _texts(extract("Half of Wu'an Villages Achieve Self-Sufficiency"), "PLACE")
    assert "Wu'an" in p and "Wu'an Villages" not in p
    assert p["Wu'an"].subtype != "village"  # the villages of Wu'an: Wu'an stays what the gazetteer says


def test_entities_en_list_of_names_with_a_lower_case_plural_head():
    t = "The East Fujia, West Fujia, Xinyang, Songpu, and Guxiang districts have set up cooperatives."
    p = _texts(extract(t), "PLACE")
    assert {"East Fujia", "West Fujia", "Songpu", "Guxiang"} <= set(p)
    assert p["Songpu"].subtype == "district" and p["Songpu"].en == "Songpu District"
    assert "The East Fujia" not in p
    # no list, no head: nothing made up
    assert _texts(extract("Party and Government districts"), "PLACE") == {}


def test_entities_en_wider_places_with_lower_case_heads_keep_the_place_inside():
    for t, wide, inner in [("In the Chongqing area, coal", "Chongqing area", "Chongqing"),
                           ("farmers in the suburbs of Beijing sold grain", "suburbs of Beijing", "Beijing"),
                           ("Beijing's suburbs are green", "Beijing's suburbs", "Beijing"),
                           ("workers of the North China region", "North China region", "North China"),
                           ("boats in the Wanglou fishing ground", "Wanglou fishing ground", "Wanglou")]:
        p = _texts(extract(t), "PLACE")
        assert wide in p and inner in p, (t, p)
    assert "Chongqing regional" not in _texts(extract("the Chongqing regional office"), "PLACE")


def test_entities_en_direction_adjective_before_a_province_names_its_part():
    p = _texts(extract("troops in western Liaoning and northern Jiangsu"), "PLACE")
    assert p["western Liaoning"].norm == "辽西省"  # the 1949-54 province, from the gazetteer
    assert p["northern Jiangsu"].norm.startswith("苏北")
    assert "Liaoning" in p  # the province inside
    assert "eastern" not in " ".join(_texts(extract("the eastern Railway workers"), "PLACE"))


def test_entities_en_compass_region_standing_alone():
    p = _texts(extract("In the South, many people live in poverty."), "PLACE")
    assert "South" in p and p["South"].subtype == "region"
    p = _texts(extract("the South China Sea and the South-West"), "PLACE")
    assert "South" not in p


def test_entities_en_strong_heads_after_any_capitalised_name():
    p = _texts(extract("the Leningrad Oblast, the Moldavian Republic and the Neutral Zone"), "PLACE")
    assert {"Leningrad Oblast", "Moldavian Republic", "Neutral Zone"} <= set(p)
    assert "People's Republic" not in _texts(extract("the People's Republic"), "PLACE")


def test_entities_en_named_after_facility_returns_the_place_too():
    ents = extract("the Shanghai Railway Administration exceeded its plan")
    assert "Shanghai Railway Administration" in _texts(ents, "ORG")
    assert _texts(ents, "PLACE")["Shanghai"].norm == "上海市"
    # a river only shares a county's name: no county inside it
    p = _texts(extract("the Yongding River flooded"), "PLACE")
    assert "Yongding" not in p


def test_entities_en_battle_front_is_a_place_a_patriotic_front_an_organisation():
    assert "Longhai Front" in _texts(extract("soldiers on the Longhai Front, who"), "PLACE")
    ents = extract("the Lao Patriotic Front said")
    assert "Lao Patriotic Front" in _texts(ents, "ORG") and "Lao Patriotic Front" not in _texts(ents, "PLACE")


def test_entities_en_autonomous_unit_named_after_of():
    p = _texts(extract("the Miao Autonomous County of Da Miao Shan, Guangxi"), "PLACE")
    assert "Miao Autonomous County of Da Miao Shan" in p
    p = _texts(extract("the Inner Mongolia Autonomous Region of China"), "PLACE")
    assert "Inner Mongolia Autonomous Region" in p and "China" in p


def test_entities_en_pinyin_village_names():
    p = _texts(extract("Loubanzhai, a village along the river, was flooded."), "PLACE")
    assert "Loubanzhai" in p  # appositive
    p = _texts(extract("they started farms in the factory, Jincun, and Shuidong."), "PLACE")
    assert "Jincun" in p  # -cun (村): a village name
    p = _texts(extract("over ten villages along the river, including Wanquansi."), "PLACE")
    assert "Wanquansi" in p
    p = _texts(extract("the highway between Wenjing and Taiping was cleared"), "PLACE")
    assert "Taiping" in p  # a common word as a name only beside another place
    assert "Taiping" not in _texts(extract("The Taiping Rebellion"), "PLACE")
    # a person's name is never a village
    assert "Jincun" not in _texts(extract("Comrade Wang Jincun spoke"), "PLACE")


def test_entities_en_period_spellings_the_gazetteer_lacks():
    p = _texts(extract("Trains from Chinkiang, Kalgan and Yentai reached Paotow."), "PLACE")
    assert p["Chinkiang"].norm == "镇江市" and p["Yentai"].norm == "烟台市"
    assert p["Kalgan"].norm.startswith("张家口") and p["Paotow"].norm.startswith("包头")


def test_entities_en_org_names_run_to_the_last_head():
    o = _texts(extract("The Wuan County Party Committee and County Government convened."), "ORG")
    assert "Wuan County Party Committee" in o and "County Government" in o
    assert o["Wuan County Party Committee"].subtype == "party"
    o = _texts(extract("the Weiyuan Coal Mine and Tianchi Coal Mine met"), "ORG")
    assert "Tianchi Coal Mine" in o and not any(t.startswith("and ") for t in o)
    o = _texts(extract("Textile Factory No. 1 reached 97%"), "ORG")
    assert "Textile Factory No. 1" in o
    o = _texts(extract("the North China Textile Administration Bureau exceeded"), "ORG")
    assert "North China Textile Administration Bureau" in o


def test_entities_en_lexicon_orgs_with_a_country_or_a_body():
    o = _texts(extract("the Soviet Ministry of Railways built dormitories"), "ORG")
    assert "Soviet Ministry of Railways" in o and o["Soviet Ministry of Railways"].norm is None  # not 铁道部
    o = _texts(extract("the CCP Central Committee said"), "ORG")
    assert "CCP Central Committee" in o and "CCP" not in o


def test_entities_en_other_romanisations_only_after_a_place_in_a_list():
    p = _texts(extract("On the line of Dingzhou, Taechon, Unsan and Heechon, the enemy retreated."), "PLACE")
    assert {"Taechon", "Unsan", "Heechon"} <= set(p)
    # a title-case verb after a place is no place; nor a name after a person
    assert "Respond" not in _texts(extract("Cotton Farmers in Xiwu Village, a Suburb of Beijing, Respond to the Call"), "PLACE")
    assert "Getty" not in _texts(extract("an American oil tycoon, Paul Getty, made a fortune"), "PLACE")


def test_entities_en_org_of_phrases_ordinals_and_possessives():
    o = _texts(extract("the Capital Construction Bureau of the Ministry of Textile Industry said"), "ORG")
    assert "Capital Construction Bureau of the Ministry of Textile Industry" in o
    o = _texts(extract("the Physical Culture and Sports Commission of the People's Republic of China met."), "ORG")
    assert "Physical Culture and Sports Commission of the People's Republic of China" in o
    o = _texts(extract("the Leningrad Oblast Committee of the Soviet Textile Workers' Union"), "ORG")
    assert "Leningrad Oblast Committee of the Soviet Textile Workers' Union" in o
    o = _texts(extract("The First Automobile Works and the 626th Regiment"), "ORG")
    assert {"First Automobile Works", "626th Regiment"} <= set(o)
    # "of the" + a place that is only the start of a longer name: not taken
    o = _texts(extract("the Construction Corps of the Xinjiang Military Region"), "ORG")
    assert "Construction Corps of the Xinjiang" not in o


def test_entities_en_generic_bodies_in_lower_case():
    o = _texts(extract("According to this newspaper, the supply and marketing cooperatives and agricultural producers' "
                       "cooperatives of Hebei sold grain."), "ORG")
    assert o["this newspaper"].norm == "本报"
    assert o["supply and marketing cooperatives"].norm == "供销合作社"
    assert o["agricultural producers' cooperatives"].norm == "农业生产合作社"
    assert _texts(extract("Our Newspaper Reports"), "ORG")["Our Newspaper"].norm == "本报"
    assert _texts(extract("the newspaper said"), "ORG") == {}


def test_entities_en_dateline_place():
    p = _texts(extract("\tKANGO, June 1 (Xinhua) -- According to a broadcast"), "PLACE")
    assert "KANGO" in p
    p = _texts(extract("NAM BAO, Sept. 3 (Xinhua) -- Troops"), "PLACE")
    assert "NAM BAO" in p
    assert _texts(extract("UPDATE, the plan"), "PLACE") == {}  # no date after it: no dateline


def test_entities_en_place_phrases():
    p = _texts(extract("Our country produced more steel; the industry of our country grew."), "PLACE")
    assert p["our country"].norm == "中国" and p["Our country"].norm == "中国"
    assert _texts(extract("the country and our countryside"), "PLACE") == {}


def test_entities_en_org_possessive_body_and_hsien():
    o = _texts(extract("the Central South Military and Administrative Committee's Financial and Economic Committee."), "ORG")
    assert "Central South Military and Administrative Committee's Financial and Economic Committee" in o
    o = _texts(extract("the Industry Committee's Chairman Wang spoke"), "ORG")
    assert "Industry Committee's Chairman Wang" not in o
    p = _texts(extract("Peasants of Tsingyuan Hsien, Hopeh, met"), "PLACE")
    assert p["Tsingyuan Hsien"].subtype == "county" and p["Hopeh"].norm.startswith("河北")


def test_entities_en_trade_bodies_in_lower_case():
    o = _texts(extract("most handicraft cooperative organizations saved; the sewing production groups and the "
                       "handicraft cooperatives of Harbin"), "ORG")
    assert o["handicraft cooperative organizations"].trade == "手工业"
    assert o["sewing production groups"].subtype == "cooperative_group" and o["sewing production groups"].trade == "缝纫"
    assert "handicraft cooperatives" in o
    assert _texts(extract("the cooperatives and groups"), "ORG") == {}  # no trade, no name


def test_entities_en_headline_and_joins_phrases_not_name_parts():
    o = _texts(extract("Issues Statement Strongly Protesting U.S. Imperialism and Vientiane Authorities"), "ORG")
    assert "Vientiane Authorities" in o and not any("Imperialism" in t for t in o)
    o = _texts(extract("The Machine and Tool Manufacturing Workers' Union met on Monday."), "ORG")
    assert "Machine and Tool Manufacturing Workers' Union" in o


def test_entities_en_lower_case_government_heads_and_place_bodies():
    o = _texts(extract("the U.S. government and the Sui-Mong government; the Nationalist government; Chiang's army."), "ORG")
    assert {"U.S. government", "Sui-Mong government", "Nationalist government", "Chiang's army"} <= set(o)
    assert o["Chiang's army"].subtype == "army"
    assert _texts(extract("Local government officials met. The Central government said so."), "ORG") == {}
    o = _texts(extract("The Hebei-Shandong-Henan CCP Regional Committee met."), "ORG")
    assert "Hebei-Shandong-Henan CCP Regional Committee" in o


def test_entities_en_plural_wider_head_after_a_coordination():
    p = _texts(extract("the enemy in the Wenjing and Unsan areas was forced to retreat."), "PLACE")
    assert "Unsan areas" not in p and "Unsan" in p
    p = _texts(extract("In the Chongqing area, coal output rose."), "PLACE")
    assert "Chongqing area" in p


def test_entities_en_generic_body_with_its_names():
    o = _texts(extract("The Chengguan and Wuji People's Communes in Wu'an County produced iron."), "ORG")
    assert o["Chengguan"].en == "Chengguan People's Commune" and o["Wuji"].en == "Wuji People's Commune"
    o = _texts(extract("the Hongqi People's Commune grew cotton."), "ORG")
    assert "Hongqi People's Commune" in o and o["Hongqi People's Commune"].norm is None  # a commune, not 人民公社 itself
    assert "People's Communes" in _texts(extract("The People's Communes grew."), "ORG")
