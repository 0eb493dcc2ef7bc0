"""The gazetteer of administrative divisions: codes, hierarchy, names and surface forms."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from loaders.gazetteer import COUNTRY_CODE, Gazetteer, UnknownPlace, load_gazetteer
from loaders.records import Division

CHANGES_CSV = Path(__file__).parents[1] / "loaders" / "data" / "division_changes.csv"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_yangzhou_is_321000_under_jiangsu(gazetteer: Gazetteer) -> None:
    yangzhou = gazetteer.get("321000")
    assert (yangzhou.name, yangzhou.level, yangzhou.short) == ("扬州市", "prefecture", "扬州")
    assert gazetteer.parent(yangzhou) == gazetteer.get("320000")
    assert gazetteer.parent(yangzhou).name == "江苏省"


def test_yangzhou_has_coordinates_near_the_city(gazetteer: Gazetteer) -> None:
    yangzhou = gazetteer.get("321000")
    assert yangzhou.latitude == pytest.approx(32.4, abs=0.3)
    assert yangzhou.longitude == pytest.approx(119.4, abs=0.3)


def test_xinwu_district_is_320214_under_wuxi(gazetteer: Gazetteer) -> None:
    xinwu = gazetteer.get("320214")
    assert (xinwu.name, xinwu.level, xinwu.parent_code) == ("新吴区", "district", "320200")
    assert gazetteer.get("320200").name == "无锡市"


def test_xiangshan_county_is_under_ningbo(gazetteer: Gazetteer) -> None:
    (xiangshan,) = gazetteer.lookup("象山县")
    assert gazetteer.parent(xiangshan).name == "宁波市"


def test_ancestors_run_from_district_to_country(gazetteer: Gazetteer) -> None:
    names = [d.name for d in gazetteer.ancestors(gazetteer.get("320214"))]
    assert names == ["无锡市", "江苏省", "中国"]


def test_beijing_is_province_level_and_its_chaoyang_hangs_from_it(gazetteer: Gazetteer) -> None:
    beijing = gazetteer.get("110000")
    assert (beijing.name, beijing.level, beijing.parent_code) == ("北京市", "province", COUNTRY_CODE)
    chaoyang = gazetteer.get("110105")
    assert (chaoyang.name, chaoyang.parent_code) == ("朝阳区", "110000")
    assert chaoyang in gazetteer.children(beijing)


def test_pseudo_rows_like_shixiaqu_are_not_divisions(gazetteer: Gazetteer) -> None:
    assert not gazetteer.lookup("市辖区")
    assert "110100" not in gazetteer
    assert "500200" not in gazetteer


def test_chongqing_counties_hang_from_chongqing(gazetteer: Gazetteer) -> None:
    (zhongxian,) = gazetteer.lookup("忠县")
    assert zhongxian.parent_code == "500000"


def test_province_administered_city_xiantao_hangs_from_hubei(gazetteer: Gazetteer) -> None:
    xiantao = gazetteer.get("429004")
    assert (xiantao.name, xiantao.level, xiantao.parent_code) == ("仙桃市", "district", "420000")


def test_gulou_is_resolved_by_a_nanjing_context_and_ambiguous_alone(gazetteer: Gazetteer) -> None:
    (nanjing,) = gazetteer.lookup("南京市")
    gulou = gazetteer.resolve("鼓楼区", context=[nanjing])
    assert gulou is not None
    assert (gulou.code, gulou.parent_code) == ("320106", "320100")
    assert len(gazetteer.lookup("鼓楼区")) > 2
    assert gazetteer.resolve("鼓楼区") is None


def test_a_district_in_context_resolves_its_city_by_short_form(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("无锡", context=[gazetteer.get("320214")]) == gazetteer.get("320200")


def test_resolve_prefers_the_province_over_a_same_named_city(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("吉林") == gazetteer.get("220000")
    assert gazetteer.resolve("海南") == gazetteer.get("460000")


def test_resolve_of_an_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("不存在市") is None


def test_short_forms_find_their_divisions(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("扬州") == (gazetteer.get("321000"),)
    assert gazetteer.lookup("浙江") == (gazetteer.get("330000"),)
    assert gazetteer.lookup("广西") == (gazetteer.get("450000"),)
    assert gazetteer.lookup("延边") == (gazetteer.get("222400"),)
    assert gazetteer.resolve("扬州") == gazetteer.get("321000")


@pytest.mark.parametrize("name", ["中国", "全国", "我国", "中华人民共和国"])
def test_the_country_answers_to_its_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) == gazetteer.country
    assert gazetteer.country == Division(COUNTRY_CODE, "中国", "country", None, "中国")


def test_surface_forms_hold_full_names_and_safe_short_forms(gazetteer: Gazetteer) -> None:
    forms = gazetteer.surface_forms()
    assert forms["扬州市"] == forms["扬州"] == (gazetteer.get("321000"),)
    assert gazetteer.get("320000") in forms["江苏"]
    assert gazetteer.country in forms["全国"]
    assert gazetteer.is_short_form("扬州")
    assert not gazetteer.is_short_form("扬州市")
    assert not gazetteer.is_short_form("全国")


@pytest.mark.parametrize("word", ["和平", "长安", "新华", "振兴", "平安", "资源", "城区", "郊区"])
def test_words_of_government_prose_are_not_surface_forms(gazetteer: Gazetteer, word: str) -> None:
    assert word not in gazetteer.surface_forms()


def test_unsafe_short_forms_still_work_in_lookup(gazetteer: Gazetteer) -> None:
    assert {d.name for d in gazetteer.lookup("和平")} == {"和平区", "和平县"}


def test_unknown_code_raises_unknown_place(gazetteer: Gazetteer) -> None:
    with pytest.raises(UnknownPlace):
        gazetteer.get("999999")


def test_counts_per_level_are_plausible(gazetteer: Gazetteer) -> None:
    counts = Counter(d.level for d in gazetteer.all())
    assert counts["country"] == 1
    assert counts["province"] == 34
    assert 330 <= counts["prefecture"] <= 340
    assert 2800 <= counts["district"] <= 2900


def test_every_division_but_the_country_has_a_parent_one_level_up_or_more(gazetteer: Gazetteer) -> None:
    rank = {"country": 0, "province": 1, "prefecture": 2, "district": 3}
    for division in gazetteer.all():
        parent = gazetteer.parent(division)
        if division.level == "country":
            assert parent is None
        else:
            assert parent is not None
            assert rank[parent.level] < rank[division.level]


def test_codes_are_unique_six_digits_and_sorted(gazetteer: Gazetteer) -> None:
    codes = [d.code for d in gazetteer.all()]
    assert codes == sorted(set(codes))
    assert all(len(code) == 6 and code.isdigit() for code in codes)


def test_hangzhou_reorganisation_of_2021_is_applied(gazetteer: Gazetteer) -> None:
    linping = gazetteer.get("330113")
    assert (linping.name, linping.parent_code) == ("临平区", "330100")
    assert "330103" not in gazetteer  # 下城区, merged into 拱墅区
    assert not gazetteer.lookup("江干区")


def test_laiwu_became_a_district_of_jinan(gazetteer: Gazetteer) -> None:
    assert "371200" not in gazetteer
    (laiwu,) = gazetteer.lookup("莱芜区")
    assert (laiwu.code, laiwu.parent_code) == ("370116", "370100")
    assert laiwu.latitude is not None  # carried over from 莱城区


def test_every_change_in_the_patch_file_is_applied(gazetteer: Gazetteer) -> None:
    with CHANGES_CSV.open(encoding="utf-8", newline="") as handle:
        changes = list(csv.DictReader(handle))
    assert changes
    for change in changes:
        assert change["source"] and change["year"].isdigit()
        if change["change"] == "remove":
            assert change["code"] not in gazetteer
        else:
            assert gazetteer.get(change["code"]).name == change["name"]
        for old in change["successor_of"].split():
            assert old not in gazetteer


def test_a_gazetteer_refuses_a_division_whose_parent_is_missing() -> None:
    orphan = Division("320214", "新吴区", "district", "320200", "新吴")
    with pytest.raises(ValueError, match="no parent"):
        Gazetteer([orphan])
