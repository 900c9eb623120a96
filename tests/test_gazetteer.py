"""The shipped gazetteer: historical units kept as written, modern successors in their own field."""
import pytest
from pipeline.entities.gazetteer import load, norm_en


def test_gazetteer_loads_once_and_is_broad():
    g = load()
    assert g is load()
    assert len(g) > 4000
    levels = {p.level for p in g.places}
    assert {"province", "county", "city", "country", "special_district", "region"} <= levels


def test_gazetteer_abolished_provinces_are_historical_not_rewritten():
    g = load()
    for name, en in [("热河", "Rehe"), ("察哈尔", "Chahar"), ("绥远", "Suiyuan"), ("西康", "Xikang"), ("平原省", "Pingyuan")]:
        p = g.best_zh(name)
        assert p is not None, name
        assert p.level == "province"
        assert p.en == en
        assert p.zh.startswith(name[:2])  # the historical name, not its successor
        assert p.modern and p.modern != p.zh


def test_gazetteer_greater_regions_and_xingshuqu():
    g = load()
    for name in ["华北", "东北", "西北", "华东", "中南", "西南", "苏北", "皖南", "川西"]:
        p = g.best_zh(name)
        assert p is not None and p.level == "region", name


def test_gazetteer_pinyin_exceptions_and_period_spellings():
    g = load()
    assert g.best_zh("陕西").en == "Shaanxi"
    assert g.best_zh("山西").en == "Shanxi"
    assert g.best_zh("内蒙古").en == "Inner Mongolia"
    assert g.best_zh("西藏").en == "Tibet"
    assert g.best_en("Shensi").zh == "陕西省"
    assert g.best_en("Shansi").zh == "山西省"
    assert g.best_en("Peking").zh == "北京市"
    assert g.best_en("Tientsin").zh == "天津市"
    assert g.best_en("Canton").zh == "广州市"


def test_gazetteer_county_level_with_years_and_successor():
    g = load()
    p = g.best_zh("高邮县")
    assert p.level == "county" and p.en == "Gaoyou County"
    assert p.end is not None and "高邮市" in p.modern
    assert g.best_zh("容县").en == "Rong County"
    assert g.best_zh("榆次市").province == "山西省"


def test_gazetteer_special_district_forms():
    g = load()
    assert g.best_zh("平乐专区").level == "special_district"
    assert any(p.level == "prefecture" for p in g.lookup_zh("保定专区")) or g.best_zh("保定专区").level == "special_district"


def test_gazetteer_world_countries_and_period_names():
    g = load()
    assert g.best_zh("苏联").en == "Soviet Union"
    assert g.best_zh("锡兰") is not None
    assert g.best_zh("列宁格勒").en == "Leningrad"
    assert g.best_en("American").zh == "美国"


def test_gazetteer_norm_en():
    assert norm_en("Xi'an") == norm_en("Xian")
    assert norm_en("the Sui-Mong") == "suimong"


@pytest.mark.parametrize("zh, en", [("图卢兹", "Toulouse"), ("阿斯塔纳", "Astana"), ("切尔诺贝利", "Chernobyl"),
                                    ("神奈川", "Kanagawa"), ("瓦加杜古", "Ouagadougou")])
def test_gazetteer_world_cities_of_the_news(zh, en):
    # world cities and capitals the shared lists lack (hand_geography.tsv), found bare in running text
    g = load()
    assert g.best_zh(zh) is not None and g.best_zh(zh).en == en
    from pipeline.entities.zh import extract
    assert zh in {e.text for e in extract(f"今天在{zh}举行的会议上") if e.label == "PLACE"}
