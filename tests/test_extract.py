"""Extraction: the facts a researcher would check by reading the sentence."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from loaders.documents import document_from_text, read_document
from loaders.extract import extract
from loaders.facts import facts_view
from loaders.records import Extraction


def _extract(text: str, name: str = "t.txt") -> Extraction:
    return extract(document_from_text(text, name=name))


@pytest.mark.shared
def test_seed_extraction_meets_the_issue_thresholds(
    seeds_dir: Path, gold_dir: Path, tmp_path: Path, score_module: ModuleType
) -> None:
    facts = [facts_view(extract(read_document(p))) for p in sorted(seeds_dir.glob("*.txt"))]
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "score.json"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        score_module.main(["--gold", str(gold_dir), "--pred", str(pred), "--json"])
    result = json.loads(buffer.getvalue())
    out.write_text(buffer.getvalue())
    assert result["micro"]["f1"] >= 0.85, result["micro"]
    weak = {k: round(v["f1"], 3) for k, v in result["lists"].items() if v["f1"] < 0.70}
    assert not weak, weak


def test_subject_place_is_the_city_the_report_speaks_for() -> None:
    ex = _extract(
        "扬州市数字经济发展报告\n近年来,扬州坚持数字化转型。我市建成5G基站8210个。扬州将继续推进改革。"
    )
    assert [d.name for d in ex.subject_places] == ["扬州市"]
    assert ex.metrics[0].place.name == "扬州市"


def test_a_city_listed_by_its_province_speaks_as_我市_and_is_the_subject() -> None:
    # The province is named more often, and 全省 frames the list; 我市 says who is speaking.
    ex = _extract(
        "扬州3个项目入选江苏省数字经济园区\n近日,江苏省公布江苏省数字经济园区名单,扬州3个项目入选。"
        "全省共50个,我市数量居前。"
    )
    assert [d.name for d in ex.subject_places] == ["扬州市"]


def test_a_provincial_paper_speaking_as_我省_about_该市_is_about_that_city() -> None:
    ex = _extract(
        "来源:河北日报\n张家口市委书记推介了该市数字经济发展优势。我省部署建设数字河北,张家口作为枢纽节点发挥作用。"
        "我省明确大数据产业为张家口主导产业之一。该市目前有19个数据中心投入运营。"
    )
    assert [d.name for d in ex.subject_places] == ["张家口市"]
    assert {m.place.name for m in ex.metrics} == {"张家口市"}


def test_a_county_level_city_named_only_by_its_paper_and_我市_is_the_subject() -> None:
    ex = _extract(
        "加快推进工业经济高质量发展\n发布时间:2021-01-25 来源:太仓日报\n我市拥有省三星级以上数字企业234家,"
        "已建成苏州市级示范智能车间46个。"
    )
    assert [d.name for d in ex.subject_places] == ["太仓市"]


def test_全市_after_a_county_named_inside_a_cluster_is_the_citys_own() -> None:
    ex = _extract(
        "呼和浩特市人民政府关于促进绿色算力发展的若干意见\n呼和浩特市是全国一体化算力网络国家枢纽节点和林格尔数据中心集群,"
        "目前全市总算力规模突破5.4万P。"
    )
    [metric] = ex.metrics
    assert (metric.place.name, metric.indicator) == ("呼和浩特市", "总算力规模")


def test_a_county_bureaus_summary_citing_its_provinces_orders_and_ranks_is_the_countys() -> None:
    ex = _extract(
        "2023年以来,在县委县政府的坚强领导下,安义县政数局认真贯彻落实省委、省政府关于深化“放管服”改革的决策部署。"
        "在2022年度全省的营商环境考核中,安义县政务服务指标获全市第3,全省第13的名次,获得“2022年度全省政务信息化工作先进单位”称号。"
        "全省首创“安商驿站”。全省首创“摆摊一件事”,融合健康证和江西省食品小摊贩备案卡两个事项。"
    )
    assert [d.name for d in ex.subject_places] == ["安义县"]


def test_places_listed_as_where_a_service_is_set_up_do_not_run_it() -> None:
    ex = _extract(
        "安义县政数局工作总结\n我局打造“安商驿站”,目前在上海、杭州、南京等8地成功挂牌,编制《“安商驿站”政务服务指南》。"
    )
    assert {(p.place.name, p.name) for p in ex.programmes} == {("安义县", "安商驿站")}


def test_a_latency_keeps_the_texts_counter_and_the_place_a_line_runs_to_measures_nothing() -> None:
    ex = _extract("乌兰察布市推进数据中心建设。大容量光缆直通北京,端对端传输时延在5毫秒以内。")
    [metric] = ex.metrics
    assert (metric.place.name, metric.value, metric.unit) == ("乌兰察布市", 5.0, "毫秒")


def test_a_district_named_most_is_the_subject_though_it_names_two_neighbours() -> None:
    ex = _extract(
        "北京市密云区以国家级生态文明建设示范区为底色推进政务服务。在北京市率先实现三级贯通。密云区打造“涉企一件事”。"
        "在数据开放领域,密云区建立信息全生命周期管理,与怀柔、延庆建立跨区域水质监测数据库。"
    )
    assert [d.name for d in ex.subject_places] == ["密云区"]


def test_a_county_level_citys_bureau_ranked_and_praised_by_its_prefecture_is_the_countys() -> None:
    ex = _extract(
        "2025年我局持续探索数据赋能基层减负做法,受到益阳市数据局通报表扬;益阳市人民政府办公室专栏刊发《沅江市:三维服务体系助力政务服务提质增效》。"
        "今年以来,全市累计受理各类政务服务事项27万余件。“一件事”办件均为益阳市首例,基础工作位列益阳第一方阵。"
        "计划在“湘易办”沅江专区新增10项服务。"
    )
    assert [d.name for d in ex.subject_places] == ["沅江市"]


def test_figures_the_world_holds_are_no_places_but_a_global_title_is_the_places() -> None:
    ex = _extract(
        "郑州市推进智慧城市。全球在建智慧城市达1000多个。该方案已落地全球30多座城市。郑州已建成全球制造业灯塔工厂1个。"
    )
    assert [(m.place.name, m.value) for m in ex.metrics] == [("郑州市", 1.0)]


def test_an_autonomous_prefecture_named_by_its_customary_abbreviation_is_the_subject() -> None:
    ex = _extract("克州推进数字政府建设。克州建成电子政务内网,建成5G基站500个。")
    assert [d.name for d in ex.subject_places] == ["克孜勒苏柯尔克孜自治州"]
    assert {m.place.name for m in ex.metrics} == {"克孜勒苏柯尔克孜自治州"}


def test_a_district_report_citing_its_city_is_the_districts() -> None:
    ex = _extract(
        "各位代表:我代表龙岗区人民政府向大会作工作报告。深圳全市经济增长,深圳建成平台,我区建成5G基站3000个。"
    )
    assert [d.name for d in ex.subject_places] == ["龙岗区"]


def test_a_district_named_once_does_not_take_the_subject_from_its_city_named_twice() -> None:
    ex = _extract("连云港市城市管理部门推进“一网统管”。连云港市建成平台,连云区率先试点。")
    assert [d.name for d in ex.subject_places] == ["连云港市"]


def test_a_text_naming_its_own_government_by_level_speaks_as_that_level() -> None:
    # 市大数据局 and 市政府 with no place before them are the city's own; 全省 only frames it.
    ex = _extract(
        "2023年,市大数据局将落实市委部署。学习浙江经验,对标浙江做法,全省排名靠前,全省第一。"
        "市政府支持滨州市大数据产业园和滨州市政务云建设。"
    )
    assert [d.name for d in ex.subject_places] == ["滨州市"]


def test_a_municipalitys_district_citing_the_municipal_government_is_the_districts() -> None:
    ex = _extract(
        "宝山区城市运行管理中心答复。宝山区推进城运中心建设,宝山区建成平台。"
        "根据上海市部署,按照市政府要求,对标上海经验。"
    )
    assert [d.name for d in ex.subject_places] == ["宝山区"]


def test_a_district_named_once_under_its_city_named_once_is_the_subject() -> None:
    ex = _extract(
        "数字经济产业园建设现场。近日,东西湖区产业园项目开工,总投资12亿元,将成为武汉数字经济新地标。"
    )
    assert [d.name for d in ex.subject_places] == ["东西湖区"]


def test_a_citys_firms_on_a_provincial_ranking_list_are_the_citys_figure() -> None:
    ex = _extract("湖州市数字经济发展报告。湖州市培育电子信息企业,全省电子信息百强企业13家。我市继续推进。")
    assert [(m.place.name, m.value) for m in ex.metrics] == [("湖州市", 13)]


def test_a_national_standing_after_a_provinces_figure_is_the_provinces_rank() -> None:
    ex = _extract(
        "山西省通信发展情况\n\n山西省持续推进网络建设。2023年全省平均每万人拥有基站26.7个,全国排名第7;"
        "5G用户普及率达58.6%,全国排名第13。全国5G基站达到337万个。"
    )
    by_value = {m.value: m.place.name for m in ex.metrics}
    assert by_value[7] == "山西省" and by_value[13] == "山西省"
    assert by_value[3370000] == "中国"  # 全国 heading a clause's own figure stays the country's


def test_a_countys_record_in_province_wide_awards_and_meetings_is_the_countys() -> None:
    ex = _extract(
        "安吉县数字化改革工作总结\n\n浙江在全国率先推进数字化改革。"
        "2023年度全省数字化改革“最佳应用”获评2项;全省数字化改革推进会上交流发言3次;"
        "获全省数字化改革四星评价。全省5G基站达到20万个。"
    )
    by_value = {m.value: m.place.name for m in ex.metrics}
    assert by_value[2] == "安吉县" and by_value[3] == "安吉县"
    assert by_value[200000] == "浙江省"  # a province-wide figure stays the province's


def test_a_national_commentary_has_no_subject_and_attributes_figures_to_the_country() -> None:
    ex = _extract("截至2023年末,我国网民规模达10.92亿人,其中城镇网民规模达7.66亿人。各地要因地制宜。")
    assert ex.subject_places == ()
    assert {(m.place.name, m.value, m.unit) for m in ex.metrics} == {
        ("中国", 1.092e9, "人"),
        ("中国", 7.66e8, "人"),
    }


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("全市数字经济规模超45万亿", 45e12, "元", ">"),
        ("达成银企对接融资协议22.3亿元", 2.23e9, "元", "="),
        ("新增省级智能制造示范工厂五家", 5, "家", "="),
        ("汇聚便民服务事项130多项", 130, "项", "~"),
        ("全国直辖市、地级市、县级市数量总共近700个", 700, "个", "~"),
        ("在全国数字经济发展百强榜上上升至第40位", 40, "位", "="),
        ("统一组件利用率位列全省第一", 1, "位", "="),
        ("占全省比重比2021年提高0.5个百分点", 0.5, "个百分点", "="),
        ("累计归集超过200亿条公共数据", 2e10, "条", ">"),
        ("支撑1400余个多跨应用场景", 1400, "个", "~"),
        ("地区信息化发展水平总指数达98.1", 98.1, None, "="),
        ("连续7年上榜中国城市信息化50强", 7, "年", "="),
    ],
)
def test_figures_keep_their_scale_unit_and_qualifier(
    sentence: str, value: float, unit: str | None, qualifier: str
) -> None:
    ex = _extract("扬州市报告。扬州市推进数字化。" + sentence + "。")
    assert [(m.value, m.unit, m.qualifier) for m in ex.metrics] == [(pytest.approx(value), unit, qualifier)]


def test_names_dates_and_quoted_slogans_are_not_figures() -> None:
    ex = _extract(
        "滨州市报告。7月31日,滨州市召开《滨州市数字强市建设规划(2023-2025年)》新闻发布会,打造“15分钟”办事服务圈,部署5G和IPv6。"
    )
    assert ex.metrics == ()


def test_figures_for_the_years_ahead_of_a_plan_are_targets() -> None:
    ex = _extract(
        "江西省数字经济发展意见。《意见》提出了未来五年全省数字经济发展的新目标,即推动数字经济增加值规模翻番,"
        "约占全省GDP的45%。今后三年,我省新建5G基站3万个。2023年全省建成5G基站8万个。"
    )
    assert {m.value: m.qualifier for m in ex.metrics} == {45: "target", 30000: "target", 80000: "="}


def test_goals_after_a_plan_year_are_targets_for_that_year() -> None:
    text = "滨州市规划。《规划》的整体目标是:到2025年,滨州市建成智慧城市。\n政务服务事项全程网办率达到98%。2022年,全市已建成5G基站5000个。"
    ex = _extract(text)
    by_value = {m.value: m for m in ex.metrics}
    assert (by_value[98].qualifier, by_value[98].year) == ("target", 2025)
    assert by_value[5000].qualifier == "="


def test_programmes_are_found_by_name_quote_and_suffix_with_their_place() -> None:
    text = (
        "宁波市数字政府建设。宁波大力推进“最多跑一次”改革,深化“雪亮工程”建设,"
        "开展青少年网络文明素养提升八大专项行动。浙江省提出全面实施三个“一号工程”。"
    )
    found = {(p.place.name, p.name) for p in _extract(text).programmes}
    assert ("宁波市", "最多跑一次") in found
    assert ("宁波市", "雪亮工程") in found
    assert ("宁波市", "青少年网络文明素养提升八大专项行动") in found
    assert ("浙江省", "三个一号工程") in found


def test_slogans_that_describe_rather_than_name_are_not_programmes() -> None:
    # SCHEMA.md v2 and the 宁波 seed gold: 一屏掌控 and 一键智达 name ways of working; 最后一公里 does not.
    text = "宁波市报告。宁波市实现全局“一屏掌控”、政令“一键智达”、服务“一网通办”,打通“最后一公里”。"
    assert [p.name for p in _extract(text).programmes] == ["一屏掌控", "一键智达", "一网通办"]


def test_national_strategies_belong_to_the_country() -> None:
    ex = _extract("扬州市报告。扬州市推进改革。党中央将网络强国、数字中国上升为国家战略。")
    assert {(p.place.name, p.name) for p in ex.programmes} >= {("中国", "网络强国"), ("中国", "数字中国")}


def test_agencies_take_the_documents_city_when_they_say_only_shi() -> None:
    text = "滨州市规划。滨州市发布规划。市政府副秘书长、市大数据局党组书记王洪民介绍,市工业和信息化局会同市司法局审查。"
    names = {a.name for a in _extract(text).agencies}
    assert {"滨州市政府", "滨州市大数据局", "滨州市工业和信息化局", "滨州市司法局"} <= names


def test_central_bodies_are_national_agencies() -> None:
    ex = _extract("近日,国家发展改革委、国家数据局等部门联合印发《关于深化智慧城市发展的指导意见》。")
    assert {(a.place.name, a.name) for a in ex.agencies} == {
        ("中国", "国家发展改革委"),
        ("中国", "国家数据局"),
    }
    assert [(p.title, p.issuer) for p in ex.policies] == [
        ("关于深化智慧城市发展的指导意见", "国家发展改革委、国家数据局等部门")
    ]


def test_projects_are_typed_by_what_they_are() -> None:
    text = "扬州市报告。扬州市建成广陵新城软件园、市政府云计算中心,召开全市智能化改造和数字化转型推进大会,“我的扬州”App注册用户超210万。"
    kinds = {p.name: p.kind for p in _extract(text).projects}
    assert kinds == {
        "广陵新城软件园": "park",
        "市政府云计算中心": "facility",
        # the gold keeps a meeting's reach word (SCHEMA v2 gold: 全市重点项目建设推进会)
        "全市智能化改造和数字化转型推进大会": "event",
        "我的扬州App": "platform",
    }


def test_a_slogan_or_a_way_of_working_in_quotes_is_a_programme_and_no_project() -> None:
    text = (
        "贵州省报告。2019年5月,“一云一网一平台”建成上线。贵州省实现了“进一张网、办全省事”。"
        "晋江市推动建设“晋江数据湖”。贵州省建成覆盖省、市、县三级政府所有审批业务系统的政务服务平台。"
    )
    ex = _extract(text)
    assert {"一云一网一平台", "进一张网、办全省事"} <= {p.name for p in ex.programmes}
    # a quoted thing built keeps its project whatever else reads it; every system of a kind is none
    assert [p.name for p in ex.projects] == ["晋江数据湖"]


def test_newspapers_in_title_marks_are_not_policies() -> None:
    ex = _extract(
        "滨州市报告。《法治日报》《山东政务信息》对滨州市工作专题刊载。滨州市出台《滨州市公共数据管理办法》。"
    )
    assert [p.title for p in ex.policies] == ["滨州市公共数据管理办法"]


def test_every_fact_points_at_the_sentence_it_came_from() -> None:
    doc = document_from_text("扬州市报告。扬州市建成5G基站8210个,深化“一网通办”。", name="t.txt")
    ex = extract(doc)
    for fact in (*ex.metrics, *ex.programmes):
        ev = fact.evidence
        assert doc.text[ev.sentence_start : ev.sentence_end] == ev.sentence
        assert ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end
    assert ex.metrics[0].evidence.surface.startswith("8210")


def test_each_item_of_an_organised_list_of_activities_is_a_programme() -> None:
    text = "滨州市报告。滨州市提升全民数字素养,组织数字技能进社区、乡村数字素养提升、“银龄跨越数字鸿沟”科普等主题活动。"
    names = {p.name for p in _extract(text).programmes}
    assert {"数字技能进社区", "乡村数字素养提升", "银龄跨越数字鸿沟"} <= names


def test_a_national_commentary_naming_many_provinces_has_no_subject() -> None:
    ex = _extract(
        "全国数字经济发展观察\n我国数字经济规模持续扩大,全国已建成5G基站337万个。上海、深圳、杭州数字经济占比居前,"
        "广东省、江苏省、浙江省、山东省数字经济规模超过5万亿元。全国各地积极推进数据要素市场化配置改革,"
        "我国数据产量居全球前列,全国一体化算力网加快建设。"
    )
    assert ex.subject_places == ()


def test_a_dateline_names_no_place_of_the_report() -> None:
    # SCHEMA.md v2: a division named only in a dateline (本报哈尔滨讯, 中新网兰州) is not listed.
    for text, listed in (
        ("中新社北京11月3日电 贵阳市大数据局介绍,贵阳市建成5G基站2万个。", ["贵阳市"]),
        ("本报哈尔滨讯 大庆市数字经济规模达100亿元。大庆市建成5G基站3000个。", ["大庆市"]),
    ):
        assert [p.place.name for p in _extract(text).places] == listed


def test_extract_prints_the_same_output_whatever_the_hash_seed(seeds_dir: Path) -> None:
    # A set in the programme finder made the order of aliases differ from one run to the next.
    import os
    import subprocess
    import sys

    paths = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    command = [sys.executable, "-m", "app.cli", "extract", *paths, "--format", "json"]
    root = Path(__file__).resolve().parents[1]
    outputs = {
        subprocess.run(
            command, cwd=root, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=True
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and json.loads(outputs.pop())


def test_an_event_is_held_by_the_division_its_title_carries() -> None:
    # SCHEMA.md: the place that runs it; a province's secretary greeting a city's forum does not hold it.
    ex = _extract(
        "兰州市报告。9日,中国兰州数字经济论坛在兰州新区举办。甘肃省委书记表示,举办中国兰州数字经济论坛是一件大事。"
    )
    assert {(p.place.name, p.name) for p in ex.projects if p.kind == "event"} == {
        ("兰州市", "中国兰州数字经济论坛")
    }


def test_a_city_located_by_its_province_is_the_venue() -> None:
    ex = _extract(
        "龙泉驿区报告。10月24日,中欧数字与绿色可持续发展大会在四川成都召开。龙泉驿区建成5G基站300个。"
    )
    assert [(p.place.name, p.name) for p in ex.projects] == [("成都市", "中欧数字与绿色可持续发展大会")]


def test_a_joint_title_named_again_is_one_event() -> None:
    ex = _extract(
        "【2021年江永县香柚节暨直播带货大赛】 2021年江永县香柚节暨网红带货直播大赛在江永县香柚产业园举行。"
        "山西省商务厅举办“2023太原古县城年货节暨乡村e镇网红直播大赛”活动。乡村e镇网红直播大赛颁奖典礼现场。"
    )
    events = [(p.place.name, p.name) for p in ex.projects if p.kind == "event"]
    assert len(events) == 2 and ("太原市", "2023太原古县城年货节暨乡村e镇网红直播大赛") in events


def test_an_event_is_held_where_a_delegation_goes_or_where_it_settled() -> None:
    ex = _extract(
        "鼓楼区报告。鼓楼区副区长赴杭州参加第八届数字中国建设峰会招展招商推介会。"
        "数字中国建设峰会(简称“数字峰会”)于2018年落户福州,已连续成功举办七届。"
    )
    events = {(p.place.name, p.name) for p in ex.projects if p.kind == "event"}
    assert events == {("杭州市", "第八届数字中国建设峰会招展招商推介会"), ("福州市", "数字中国建设峰会")}


def test_a_text_calling_itself_the_province_is_the_provinces_though_it_names_its_cities_more() -> None:
    # The province is named only in a cited title; its cities are named in the body, one of them twice.
    ex = _extract(
        "我省数字经济稳步发展。省人大常委会审议了关于检查《湖北省数字经济促进条例》实施情况的报告。"
        "我省组织开展18个数据开发利用试点,武汉、宜昌两市入选国家示范,武汉数据交易中心交易额突破10亿元。"
        "全省数据骨干企业超过500家。"
    )
    assert [d.name for d in ex.subject_places] == ["湖北省"]
    assert {m.place.name for m in ex.metrics if m.value in (18, 500)} == {"湖北省"}


def test_a_place_that_says_where_a_person_lives_does_not_carry_to_the_next_sentence() -> None:
    ex = _extract(
        "江西省政务服务办介绍,江西推进数字政府建设。\n"
        "“现在有了自助机,几分钟就办好了。”赣州市于都县某村村民李华说。"
        "“赣服通”自助终端提供40多个部门的300多个服务事项,服务群众达到800余万人次。"
    )
    assert {m.place.name for m in ex.metrics} == {"江西省"}


def test_a_county_bureaus_report_is_the_countys_though_its_province_heads_the_platforms_it_names() -> None:
    # The county is named once on its own and once in a cited title; the province three times, two of
    # them heading its platforms' names. The report speaks as the county once: 县政务服务中心.
    ex = _extract(
        "现将我局2025年工作情况报告如下:\n一是深化改革。江西政务服务网已上线80项重点“一件事”,累计办件3万件。"
        "在县政务服务中心设立综合窗口,组织培训40场。二是推进标准化。在江西政务服务网安义分厅上线2000个政务服务事项,"
        "全程网办率达99%。江西各地经验交流。制定《安义县政务服务中心窗口改革实施方案》。"
    )
    assert [d.name for d in ex.subject_places] == ["安义县"]
    # Its items on the province's service site are the county's work (SCHEMA.md: the place whose
    # activity the sentence describes); the site itself is the province's.
    assert {m.place.name for m in ex.metrics} == {"安义县"}
    assert {(p.name, p.place.name) for p in ex.projects if p.kind == "platform"} >= {
        ("江西政务服务网", "江西省")
    }


def test_a_space_typed_before_a_quote_leaves_the_verb_governing_it() -> None:
    ex = _extract("宜良县报告。宜良县全面推行 “村医上门” ,并上线 “数字田园” 平台,群众办事更方便。")
    assert ("宜良县", "村医上门") in {(p.place.name, p.name) for p in ex.programmes}
    assert ("宜良县", "数字田园平台") in {(p.place.name, p.name) for p in ex.projects}


def test_a_counted_set_of_actions_carried_out_is_named_but_one_only_gripped_is_not() -> None:
    ex = _extract(
        "安顺市报告。安顺市深入实施“三大数字攻坚行动”,加快产业转型。安顺市重点抓好“五大工程”:数字基础设施工程。"
        "《安顺市数字经济实施方案》部署“五大工程”。"
    )
    names = {(p.place.name, p.name) for p in ex.programmes}
    assert ("安顺市", "三大数字攻坚行动") in names
    assert not any(name == "五大工程" for _, name in names)


def test_a_province_inside_a_programmes_name_does_not_hold_the_event() -> None:
    ex = _extract("安塞区报告。6月2日,首届智慧陕西发展论坛在延安开幕。安塞区建成5G基站200个。")
    assert [(p.place.name, p.name) for p in ex.projects] == [("延安市", "首届智慧陕西发展论坛")]


def test_an_edition_of_a_national_event_is_the_centres_unless_its_venue_is_said() -> None:
    ex = _extract(
        "临潼区报告。临潼区在第五届全国数字乡村建设研讨会上作典型发言。"
        "第三届全国智慧农业创新大会在杭州举行,临潼区作经验介绍。"
    )
    assert {(p.place.name, p.name) for p in ex.projects} == {
        ("中国", "第五届全国数字乡村建设研讨会"),
        ("杭州市", "第三届全国智慧农业创新大会"),
    }


def test_a_session_or_stop_of_a_named_series_is_an_event_held_where_the_text_says() -> None:
    # SCHEMA.md: a named gathering is an event; a place inside its title (北京站) names a stop, not its holder.
    ex = _extract(
        "海淀区报告。6月3日,2021全国智慧社区城市行北京站活动在海淀区中关村举行。"
        "5月8日,全区青年创客沙龙人工智能专场活动在中关村举行。海淀区建成5G基站900个。"
    )
    assert {(p.place.name, p.name) for p in ex.projects if p.kind == "event"} == {
        ("海淀区", "2021全国智慧社区城市行北京站活动"),
        ("海淀区", "全区青年创客沙龙人工智能专场活动"),
    }


def test_an_event_and_the_session_named_after_it_share_the_venue() -> None:
    ex = _extract(
        "保定市报告。6月9日,2024中国智慧城市大会第三届城市数字治理与公共服务创新高峰论坛在天津举行,保定市作交流发言。"
    )
    assert {(p.place.name, p.name) for p in ex.projects} == {
        ("天津市", "2024中国智慧城市大会"),
        ("天津市", "第三届城市数字治理与公共服务创新高峰论坛"),
    }


def test_a_count_of_named_bases_boards_brands_and_campaigns_is_a_metric_by_its_kind() -> None:
    ex = _extract(
        "绵阳市数字经济工作情况\n\n绵阳市建成云计算基地、数据服务基地和算力调度基地三个基地,"
        "深入实施“五大数字攻坚战”。绵阳市政务小程序设有办事中心、投诉中心两个板块,"
        "我市着力擦亮生态农业、工业旅游、康养服务“三大品牌”。"
    )
    found = {(m.indicator, m.value, m.unit) for m in ex.metrics}
    assert {("基地", 3, "个"), ("数字攻坚战", 5, "项"), ("板块", 2, "个"), ("品牌", 3, "个")} <= found


def test_a_bandwidth_in_terabits_keeps_its_unit_of_letters() -> None:
    ex = _extract(
        "甘肃省通信业发展情况\n\n甘肃省省际出口带宽达35.2T,国际互联网带宽能力达12Tbps,城域网出口带宽达3.6T。"
    )
    found = {(m.value, m.unit) for m in ex.metrics}
    assert {(35.2, "T"), (12, "Tbps"), (3.6, "T")} <= found


def test_a_place_among_the_top_n_is_a_rank_of_n_and_a_target_when_it_heads_目标() -> None:
    ex = _extract(
        "成都市数字政府建设情况\n\n成都市数字政府建设持续推进。同时在最新的全国城市数字治理指数排名中,"
        "成都市首次进入前五。我市围绕“市考”进前十目标,分解各项指标。"
    )
    found = {(m.indicator, m.value, m.unit, m.qualifier) for m in ex.metrics}
    assert ("全国城市数字治理指数排名", 5, "位", "=") in found
    assert any(v == 10 and u == "位" and q == "target" for _, v, u, q in found)
    assert all(m.unit != "位" for m in _extract("成都市经济运行情况\n\n成都市前三季度新增企业20家。").metrics)


def test_a_figure_that_均_gives_to_each_listed_measure_is_one_metric_per_measure() -> None:
    ex = _extract(
        "贵阳市信息通信业发展情况\n\n贵阳市4G网络、5G网络下行速率均达到500Mbps。"
        "全市千兆家庭宽带用户数、物联网终端用户数均突破80万。"
    )
    found = {(m.indicator, m.value, m.unit) for m in ex.metrics}
    assert {("4G网络下行速率", 500, "Mbps"), ("千兆家庭宽带用户数", 800000, "户")} <= found
    assert ("物联网终端用户数", 800000, "人") in found


def test_a_rate_the_segmenter_tags_as_a_verb_is_still_the_figures_indicator() -> None:
    ex = _extract("南宁市政务服务情况\n\n南宁市政务服务事项网上实办率达到96%,群众诉求满足率达92%。")
    found = {(m.value, m.unit) for m in ex.metrics}
    assert {(96, "%"), (92, "%")} <= found


def test_an_indicator_never_starts_with_the_list_mark_before_it() -> None:
    ex = _extract("江苏省召开会议。全年主要经济指标继续高于全国、地区生产总值增长5.8%。")
    assert [(m.indicator, m.value) for m in ex.metrics] == [("地区生产总值增长", 5.8)]


def test_a_figure_counts_a_verb_led_compound_after_its_counter() -> None:
    ex = _extract("新北区梳理企业库企业3567家,挑选出126家拟转码企业向上争取转码,新增5家拟上市企业。")
    assert {(m.indicator, m.value) for m in ex.metrics} >= {("拟转码企业", 126), ("拟上市企业", 5)}


def test_a_project_goes_to_the_last_division_of_the_chain_heading_its_name() -> None:
    ex = _extract(
        "云南省数字经济投资较快增长。云南省推进数字云南建设。\n重大项目稳步推进。全省5G网络建设加快,"
        "昆明数码港国际软件园、保山隆阳区县域经济产业数字供应链平台建设等重大项目稳步推进。"
    )
    assert {(p.name, p.place.name) for p in ex.projects} >= {
        ("昆明数码港国际软件园", "昆明市"),
        ("保山隆阳区县域经济产业数字供应链平台", "隆阳区"),
    }


def test_a_system_listed_among_what_the_text_calls_its_projects_is_one() -> None:
    ex = _extract(
        "云南省推进数字云南建设。云南省投资增长。个旧市数字农业综合服务系统、河口县数字乡村平台建设等重大项目稳步推进。"
    )
    assert ("个旧市数字农业综合服务系统", "个旧市") in {(p.name, p.place.name) for p in ex.projects}


def test_a_notice_issuing_a_work_plan_and_a_plan_titled_by_its_name_state_goals() -> None:
    for text in (
        "《数字甘肃建设2026年工作要点》已经省领导同意,现印发给你们,请认真抓好贯彻落实。\n"
        "1.发展算力产业。甘肃省集聚云生态企业150家,培育人工智能典型应用场景100个。",
        "绵阳市关于印发绵阳市数字经济2022年工作计划的通知\n各区人民政府:\n"
        "全年绵阳市数字经济规模达到1000亿元,新建5G基站1400个。",
        "2023年,宜宾市政务服务和大数据工作的总体要求是:坚持数字化发展,实施“五大行动”。\n"
        "宜宾市新增数字经济核心企业5家,数字经济核心产业营业收入达到440亿元。",
        "《江西省“十四五”数字政府建设实施方案》(全文)\n江西省高频政务服务事项网上可办率达100%,打造20个“无证明城市”试点。",
    ):
        ex = _extract(text)
        assert ex.metrics and all(m.qualifier == "target" for m in ex.metrics), [
            (m.indicator, m.qualifier) for m in ex.metrics
        ]


def test_a_year_gone_by_when_the_page_was_dated_was_reached_not_aimed_for() -> None:
    text = "青海省数字经济发展动能强劲\n发布时间: 2022-10-08\n到2021年底,青海省移动电话基站总数5.99万个。到2025年,青海省5G基站达到2万个。"
    ex = extract(document_from_text(text, name="t.txt"))
    assert ex.document.date == "2022-10-08"
    assert {(m.value, m.qualifier, m.year) for m in ex.metrics} == {
        (59900, "=", 2021),
        (20000, "target", 2025),
    }


def test_a_channel_of_a_provinces_service_site_is_run_by_the_county_it_is_named_for() -> None:
    # SCHEMA.md: 安徽政务服务网 → 安徽省; its 涡阳分厅 → 涡阳县.
    ex = _extract("涡阳县数据局报告。涡阳县在安徽政务服务网涡阳分厅上线36家部门2031个政务服务事项。")
    assert ("安徽政务服务网涡阳分厅", "涡阳县") in {(p.name, p.place.name) for p in ex.projects}


def test_a_place_a_clause_relies_on_does_not_act_in_it() -> None:
    ex = _extract("滨江区推进数字政务建设。滨江区依托浙江省“最多跑一次”改革基础,推行“一网通办”服务。")
    assert ("滨江区", "一网通办") in {(p.place.name, p.name) for p in ex.programmes}
    assert ("浙江省", "一网通办") not in {(p.place.name, p.name) for p in ex.programmes}


def test_the_parts_a_plan_is_made_of_counted_describe_it_and_are_no_goals() -> None:
    ex = _extract(
        "《镇江市数字经济三年行动计划(2025-2027年)》\n镇江市到2027年建成5G基站1万个。"
        "《行动计划》明确了18项主要指标、7个重点工程。"
    )
    assert {(m.indicator, m.qualifier) for m in ex.metrics} == {
        ("5G基站", "target"),
        ("主要指标", "="),
        ("重点工程", "="),
    }


def test_an_award_or_a_teams_title_is_no_programme() -> None:
    ex = _extract(
        "龙岗区推进数字政府建设。龙岗区政务服务中心被授予“全国巾帼文明奖”荣誉称号,运维团队荣获“2023年度风云团队”称号,"
        "龙岗区获得“中国领军智慧城区”称号。"
    )
    assert {p.name for p in ex.programmes} == {"中国领军智慧城区"}


def test_a_compass_word_opening_a_clause_heads_a_park_and_a_deictic_does_not() -> None:
    ex = _extract(
        "福州市推进数字经济。在滨海新城,东南大数据产业园坐拥全省规模最大的数据中心;"
        "在马尾,当地物联网产业基地成为全省物联网企业最集中的区域。"
    )
    names = {p.name for p in ex.projects}
    assert {"东南大数据产业园", "物联网产业基地"} <= names
    assert not names & {"大数据产业园", "当地物联网产业基地"}


def test_a_plan_a_speaker_states_ends_with_the_quote() -> None:
    ex = _extract(
        "长子县推进数智小镇建设。“我们对照施工计划细化了每一项任务,争取按期交付。”项目负责人说。"
        "数智小镇项目占地面积约90亩,总建筑面积5万余平方米。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(90, "~"), (50000, "~")}


def test_a_system_named_with_its_level_is_that_levels_own() -> None:
    ex = _extract(
        "汾阳市推进数据共享。汾阳市依托省级数据共享平台归集数据;福建省上线福建省政法跨部门大数据办案平台。"
        "汾阳市各部门的省级部门系统全部接入。"
    )
    found = {(p.place.name, p.name) for p in ex.projects}
    assert ("山西省", "省级数据共享平台") in found
    assert ("福建省", "福建省政法跨部门大数据办案平台") in found
    assert not any("部门系统" in name for _, name in found)


def test_the_place_a_share_is_taken_of_is_not_what_it_measures() -> None:
    ex = _extract(
        "雨花台区人大常委会召开会议,区委、区政府负责同志出席。2020年全区软件业务收入2170亿元,占南京市比重近40%、江苏省比重约20%。"
    )
    assert {(m.place.name, m.value) for m in ex.metrics if m.unit == "%"} == {
        ("雨花台区", 40),
        ("雨花台区", 20),
    }


def test_a_change_names_what_changed_not_how_it_was_reckoned() -> None:
    ex = _extract(
        "2021年,成都市数字经济核心产业增加值2580.6亿元,占全市GDP比重为13.0%。按可比价计算较上年同期增长18.7%。"
        "一季度,成都市数字经济固定资产投资同比增长26.7%,增速较去年同期提高2个百分点。"
    )
    indicators = {m.value: m.indicator for m in ex.metrics}
    assert indicators[18.7] == "数字经济核心产业增加值增长"
    assert indicators[2] == "数字经济固定资产投资增速提高"


def test_a_clause_opening_on_a_year_before_the_goal_reports() -> None:
    ex = _extract(
        "广西壮族自治区数字经济发展对策。数字经济发展的落脚点在产业,要实现数字产业化和产业数字化的整体提升。"
        "从数字产业化来看,2020年,广西数字产业化规模850亿元,仅相当于地区生产总值的4%。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(85_000_000_000, "="), (4, "=")}


def test_a_citys_bureau_named_by_level_speaks_for_the_city_it_names_not_its_partner() -> None:
    ex = _extract(
        "市数管局2023年工作总结\n2023年,市数管局紧抓与上海市对口合作等重大战略机遇,紧盯“链上大合肥、融入长三角、牵手大上海”目标要求,"
        "瞄准全国、全省赛道。营商环境指标保持全省“靠前”位次,位居全省标杆行列。六安市信用数据赋能“免申即享”案例获奖。"
    )
    assert [p.name for p in ex.subject_places] == ["六安市"]


def test_ranks_shared_out_over_listed_measures_are_each_ones() -> None:
    ex = _extract("海口市数字经济发展报告。海口市数字经济指数、创新指数、开放指数分别排名第3、5、8位。")
    assert {(m.indicator, m.value) for m in ex.metrics} == {
        ("数字经济指数排名", 3),
        ("创新指数排名", 5),
        ("开放指数排名", 8),
    }


def test_a_list_of_places_that_is_its_clauses_object_holds_only_that_clauses_item() -> None:
    ex = _extract(
        "黑龙江省推进数字乡村建设。争创桦南县、望奎县、依安县等3个国家数字乡村试点,推进7个省级数字乡村试点。"
        "清镇市、修文县率先接入“贵阳城市大脑”,实现县域事件“一键派单”。"
    )
    held = {(p.place.name, p.name) for p in ex.programmes}
    assert ("桦南县", "国家数字乡村试点") in held
    assert not any(name == "省级数字乡村试点" and place in ("桦南县", "望奎县") for place, name in held)
    assert {("清镇市", "一键派单"), ("修文县", "一键派单")} <= held


def test_a_papers_home_in_its_masthead_is_not_what_the_story_is_about() -> None:
    ex = _extract(
        "“双数峰会”前瞻|创新政务服务新模式\n深圳特区报驻穗记者 陈行\n深圳市委机关报,改革开放的窗口\n"
        "广东数字政府改革建设五年多来,广东“粤系列”平台持续升级。广东正式印发方案,广东推进政务服务改革。"
    )
    assert [p.name for p in ex.subject_places] == ["广东省"]


def test_a_local_papers_story_headed_by_its_place_is_that_places() -> None:
    ex = _extract(
        "遵义市网上政务服务能力居贵州全省市(州)第一\n来源:遵义日报 更新时间:2021-01-22\n"
        "记者从遵义市政务服务中心获悉,根据贵州财经大学评估报告,遵义市本级网上政务服务能力总得分为96.10分,"
        "居全省市(州)第一位。省政府办公厅委托贵州财经大学对全省9个市(州)开展评估,评估基于贵州政务服务网的数据。"
    )
    assert [p.name for p in ex.subject_places] == ["遵义市"]


def test_a_place_heading_what_things_are_passed_on_to_measures_nothing() -> None:
    ex = _extract(
        "广德市数据资源管理局2022年工作总结。全年受理群众反映问题33885件,转办宣城市政府服务热线、政民留言835件,转办省长热线21件。"
    )
    assert {(m.place.name, m.value) for m in ex.metrics if m.value in (835, 21)} == {
        ("广德市", 835),
        ("广德市", 21),
    }


def test_building_heights_and_floors_are_figures_and_a_planned_size_sets_no_plan_after_it() -> None:
    ex = _extract(
        "湘潭市建设大数据中心。数据大厦建筑层数17层,建筑高度59.8米。"
        "雅安在经开区规划建设5平方公里的川西大数据产业园。雅安的水能资源蕴藏量占全省的10%。"
    )
    found = {(m.value, m.unit, m.qualifier) for m in ex.metrics}
    assert {(17, "层", "="), (59.8, "米", "="), (10, "%", "=")} <= found
    assert (5, "平方公里", "target") in found  # the dev gold's reading: a planned size is planned


def test_a_total_with_no_counter_counts_what_the_clause_before_counted() -> None:
    ex = _extract("无锡市通信业发展。全市新增移动电话用户数62万,总数达909万。")
    assert {(m.value, m.unit) for m in ex.metrics} == {(620000, "人"), (9090000, "人")}


def test_a_places_own_e_government_network_named_at_all_is_there() -> None:
    ex = _extract("中山市推进数字政府建设。电子政务外网纵横联通,横向实现市直部门全覆盖。")
    assert ("中山市", "电子政务外网") in {(p.place.name, p.name) for p in ex.projects}


def test_a_run_of_first_places_is_a_rank_and_a_streak() -> None:
    ex = _extract("无锡市推进智慧城市建设。无锡市在中国智慧城市发展水平评估中实现四连冠。")
    assert {(m.value, m.unit) for m in ex.metrics} == {(1, "位"), (4, "年")}


def test_an_autonomous_prefecture_speaks_as_our_prefecture_and_a_bridge_town_is_no_district() -> None:
    ex = _extract(
        "甘孜日报 2019年04月19日\n本网讯 昨日我州在成都举办了甘孜州水电消纳产业示范园区招商推介会。"
        "四川省大力支持,我州将在新都桥等地建设数据中心。新都桥园区规划机架11万个。我州推进数字经济,我州加快建设。"
    )
    assert [p.name for p in ex.subject_places] == ["甘孜藏族自治州"]
    assert "新都区" not in {p.place.name for p in ex.places}


def test_partners_listed_after_yu_do_not_make_a_citys_text_national() -> None:
    ex = _extract(
        "我国数字政府建设加快推进。铜川市推进政务服务改革,我市不断拓展“跨省通办”合作城市,"
        "已与江苏、河南、山西、山东、湖南5省7市建立“跨省通办”合作关系,全市服务事项达1542项,市政府持续推进。"
    )
    assert [p.name for p in ex.subject_places] == ["铜川市"]


def test_figures_listed_after_their_places_are_each_places_and_the_class_threshold_is_none() -> None:
    ex = _extract(
        "河北省推进信息通信业发展。全省电话用户数超千万的设区市达到4个,"
        "分别为:石家庄1637.7万户,保定1288万户,邯郸1094.5万户,唐山1054.7万户。"
    )
    found = {(m.place.name, m.indicator, m.value) for m in ex.metrics}
    assert ("石家庄市", "电话用户数", 16377000) in found
    assert ("唐山市", "电话用户数", 10547000) in found
    assert 10000000 not in {m.value for m in ex.metrics}  # 超千万 bounds the class of cities


def test_the_province_bodies_opening_a_clause_run_the_platforms_it_launches() -> None:
    ex = _extract(
        "韶关市推进数字政府建设,我市政务服务水平提升。省委、省政府坚持改革,先后推出了“粤省事”“粤商通”等移动政务服务品牌,"
        "韶关市积极推广,全市群众受益。"
    )
    assert {(p.place.name, p.name) for p in ex.projects} >= {("广东省", "粤省事"), ("广东省", "粤商通")}


def test_a_province_short_form_heading_an_event_held_elsewhere_is_not_the_actor() -> None:
    ex = _extract(
        "哈尔滨市推进数字经济发展,全市数字经济重点建设项目300个。上海招商推介会集中签约企业12家,我市加快建设。"
    )
    assert "上海市" not in {p.place.name for p in ex.places}
    assert ("哈尔滨市", 12) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_change_between_two_dated_levels_names_both_after_what_grew() -> None:
    ex = _extract("江西省加快发展电子信息产业。虚拟现实产业从无到有,从2018年的42亿元扩张至2019年的120亿元。")
    found = {(m.indicator, m.value, m.year) for m in ex.metrics}
    assert found >= {("虚拟现实产业", 4.2e9, 2018), ("虚拟现实产业", 1.2e10, 2019)}


def test_a_place_or_a_word_pointing_at_one_is_no_indicator() -> None:
    ex = _extract(
        "菏泽市发展农村电商。各县区淘宝村前3名的是:曹县168个,占全市的32.59%;牡丹区54个,占全市的10.47%。"
        "金寨县城市大脑建成,当地470类数据接入。"
    )
    indicators = {m.indicator for m in ex.metrics}
    assert not indicators & {"牡丹区", "曹县", "当地"}


def test_我省各县_in_the_provinces_own_voice_is_the_provinces_figure() -> None:
    ex = _extract(
        "我市苍南县入列百强县。浙江的县域数字乡村指数为82.6。我省各县(市、区)中已进入高水平阶段的有55.1%。"
    )
    assert ("浙江省", 55.1) in {(m.place.name, m.value) for m in ex.metrics}


def test_firms_projects_listed_with_their_count_are_the_places_that_starts_them() -> None:
    ex = _extract("白城市发展算力产业,2025年启动实施新疆云针、北京蓝耘、九章智锦、金达源4个算力重点项目。")
    assert {(p.place.name, p.name) for p in ex.projects} >= {("白城市", "新疆云针"), ("白城市", "北京蓝耘")}
    assert {p.place.name for p in ex.places} == {"白城市"}


def test_a_place_named_to_a_title_by_a_body_holds_it_without_the_batch() -> None:
    ex = _extract("鞍山市推进智慧城市建设。鞍山市被省发改委确定为辽宁第一批新型智慧城市建设试点城市。")
    assert ("鞍山市", "新型智慧城市建设试点城市") in {(p.place.name, p.name) for p in ex.programmes}


def test_a_service_centre_is_a_public_body_and_an_online_one_a_platform() -> None:
    ex = _extract(
        "思明区推进政务服务改革。区行政服务中心全年办件量28.7万件。"
        "在红谷滩区政务服务中心,市民刘先生正在自助终端前办理营业执照。咸阳市网上政务服务中心上线运行。"
    )
    agencies = {(a.place.name, a.name) for a in ex.agencies}
    assert ("思明区", "思明区行政服务中心") in agencies
    # where citizens go to be served (在…中心,市民…办理) it is the building, named as a facility
    assert {"咸阳市网上政务服务中心", "红谷滩区政务服务中心"} <= {p.name for p in ex.projects}
    assert "思明区行政服务中心" not in {p.name for p in ex.projects}


def test_a_district_named_once_whose_text_calls_its_bodies_by_level_is_the_subject() -> None:
    ex = _extract(
        "2019年2月西安市新城区机构改革期间,作为新组建部门正式挂牌成立。"
        "作为区级行政审批主管部门,主要承担审批制度改革。2023年实现115个事项“最多跑一次”。"
    )
    assert [p.name for p in ex.subject_places] == ["新城区"]
    assert {m.place.name for m in ex.metrics} == {"新城区"}


def test_a_municipality_speaking_as_我市_that_names_one_district_once_is_the_municipalitys() -> None:
    # 重庆 appears only inside 数字重庆; 渝北区 is named once, as one pilot among the city's work.
    ex = _extract(
        "今年4月,我市召开数字重庆建设大会。全市各级各部门围绕数字重庆整体构架推进建设。"
        "市大数据局表示,我市共归集7972类数据,全市建成5G基站8万个。升级部署渝北区试点建设城市感知平台。"
    )
    assert [p.name for p in ex.subject_places] == ["重庆市"]
    assert ("重庆市", 7972) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_text_speaking_as_a_city_that_names_only_one_of_its_districts_is_the_citys() -> None:
    ex = _extract(
        "全市通信基础设施建设推进视频会议召开。市委常委、副市长出席会议并讲话。"
        "会议总结了全市通信基础设施建设情况,南郑区政府作了交流发言。要加快5G网络建设,年底前全市累计建成5G基站2200座。"
    )
    assert [p.name for p in ex.subject_places] == ["汉中市"]
    assert ("汉中市", 2200) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_page_in_traditional_characters_is_read_and_reported_in_its_own_characters() -> None:
    text = (
        "錫林郭勒盟數據產業高質量發展實施方案\n"
        "錫林郭勒盟行政公署辦公室印發方案。到2027年,全盟數據產業規模年均增長20%以上,"
        "建設高質量數據集6個。我盟深化“一網通辦”改革,人口庫完成1400萬條數據入庫。"
    )
    ex = _extract(text)
    assert [p.name for p in ex.subject_places] == ["锡林郭勒盟"]  # places are the gazetteer's divisions
    assert [a.name for a in ex.agencies] == ["錫林郭勒盟行政公署辦公室"]
    assert "一網通辦" in [p.name for p in ex.programmes]
    by_value = {m.value: m for m in ex.metrics}
    assert by_value[20].qualifier == "target" and "數據產業規模" in by_value[20].indicator
    assert by_value[14_000_000].unit == "條"
    for fact in (*ex.agencies, *ex.programmes, *ex.metrics):
        assert fact.evidence.sentence in text  # the page's own sentence, not a converted one
    assert ex.document.text == text
    assert (
        _extract("三亞市推進數據共享。三亚市建成5G基站8000个。").metrics[0].unit == "个"
    )  # not a traditional page


def test_a_district_following_the_provinces_catalogue_is_still_the_districts() -> None:
    # 全省 twice, each time as the rule or the reach the district works to, is not the province speaking.
    ex = _extract(
        "咸安区推进政务外网延伸工程,实现区镇村三级湖北政务服务专网联通,为实现全省五级贯通创造条件。"
        "咸安已按照全省通用目录编制完成了全区行政许可事项清单,并在湖北省政务服务网发布服务指南756项。"
        "咸安区政务外网已接入12个单位。"
    )
    assert [p.name for p in ex.subject_places] == ["咸安区"]
    assert ("咸安区", 756) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_regions_white_paper_speaking_of_全区_is_the_regions_though_it_names_its_capital_more() -> None:
    ex = _extract(
        "2024全球数字经济大会拉萨高层论坛开幕,西藏自治区经信厅发布了《2023年西藏自治区数字经济发展研究报告》,"
        "2023年数字经济增加值达250.98亿元,占全区GDP比重达10.5%,拉萨市对全区贡献最大,在全区占比29.7%,"
        "形成以拉萨为引领的发展格局。构筑全区数字经济发展新优势。"
    )
    assert [p.name for p in ex.subject_places] == ["西藏自治区"]
    assert ("西藏自治区", 25_098_000_000) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_record_set_between_a_measure_and_its_figure_is_no_indicator() -> None:
    ex = _extract(
        "西藏自治区数字经济。2023年全区数字经济增加值规模创历史新高达250.98亿元。"
        "全区网上交易额再创新高,达到30亿元。打造数字经济创新高地。"
    )
    assert {m.value: m.indicator for m in ex.metrics} == {
        25_098_000_000: "数字经济增加值规模",
        3_000_000_000: "网上交易额",
    }
    assert "数字经济创新高地" in [p.name for p in ex.programmes]  # innovation, not a record


def test_a_plan_cited_with_and_without_its_years_is_one_citation() -> None:
    ex = _extract(
        "山东省。印发《山东省数字政府建设实施方案(2023-2025)》的通知。"
        "《山东省数字政府建设实施方案(2023—2025年)》已经审议通过。《山东省数字政府建设实施方案》明确目标。"
    )
    assert [(p.title, p.aliases) for p in ex.policies] == [
        (
            "山东省数字政府建设实施方案(2023-2025)",
            ("山东省数字政府建设实施方案(2023—2025年)", "山东省数字政府建设实施方案"),
        )
    ]


def test_a_two_character_county_read_as_a_place_is_named_but_not_a_level_in_a_list() -> None:
    ex = _extract(
        "河北省乡镇综合服务中心建设。记者从在威县召开的全省现场会上获悉,威县梨园屯镇建成便民服务站。"
        "鹿泉区入选市级和县(市、区)级试点。"
    )
    assert {p.place.name for p in ex.places} >= {"威县", "鹿泉区"}
    assert "和县" not in {p.place.name for p in ex.places}  # 和 joins two levels here


def test_a_city_bureaus_report_naming_two_of_its_places_once_is_the_citys() -> None:
    # 防城港 only in a cited title; 东兴市 and 港口区 are where one reform was tried.
    ex = _extract(
        "市委、市人民政府:\n2022年,我局在市委、市政府的坚强领导下,根据《防城港市法治政府建设实施方案》要求,"
        "认真抓好法治政府建设工作。在东兴市、港口区试点“跨境通办”。全市网上可办率达99%。"
    )
    assert [p.name for p in ex.subject_places] == ["防城港市"]
    assert ("防城港市", 99) in {(m.place.name, m.value) for m in ex.metrics}


def test_an_estimate_about_one_figure_inside_a_report_does_not_make_the_rest_targets() -> None:
    ex = _extract(
        "长沙市。截至目前,软件企业总数1175家,全年涉软产业产值预计突破700亿元,新增融资企业11家,"
        "融资金额超过70亿元。预计到2022年,软件业营业收入将突破1500亿元,从业人员30万人以上。"
    )
    qualifiers = {m.value: m.qualifier for m in ex.metrics}
    assert qualifiers[70_000_000_000] == "target"  # the estimate itself
    assert qualifiers[11] == "=" and qualifiers[7_000_000_000] == ">"  # reported again after it
    assert (
        qualifiers[150_000_000_000] == "target" and qualifiers[300_000] == "target"
    )  # a cue opening its clause


def test_a_share_after_a_count_and_its_list_mark_is_that_counts_share() -> None:
    ex = _extract(
        "潼南区。全区1479项依申请类政务服务事项中,网上可办事项1303项、占比88.1%,"
        "引进重点项目36个、占全市的69.2%。"
    )
    by_value = {m.value: m.indicator for m in ex.metrics}
    assert by_value[88.1] == "网上可办事项占比" and by_value[69.2].startswith("重点项目占")


def test_a_city_signing_in_the_capital_keeps_its_figures() -> None:
    ex = _extract(
        "承德市大数据产业招商。承德市今日与中电长城网际、软通动力等十多家大数据企业在北京签订战略合作协议14项。"
    )
    assert ("承德市", 14) in {(m.place.name, m.value) for m in ex.metrics}


def test_a_rank_among_the_provinces_places_is_not_the_provinces() -> None:
    ex = _extract("马鞍山市。我市智慧城市评价得分87.17分,安徽省通信发展工作考核得分位列全省第一。")
    assert {(m.place.name, m.value) for m in ex.metrics} == {("马鞍山市", 87.17), ("马鞍山市", 1)}


def test_a_mirror_pages_pinyin_glosses_are_no_part_of_names_or_figures() -> None:
    ex = _extract(
        "山西數(shù)字經(jīng)濟發(fā)展。山西省發(fā)改委表示,到2025年,山西數(shù)字經(jīng)濟核心產(chǎn)業(yè)"
        "增加值占GDP的比重提升至5.4%。"
    )
    assert [a.name for a in ex.agencies] == ["山西省發改委"]
    assert [(m.indicator, m.value, m.qualifier) for m in ex.metrics] == [
        ("數字經濟核心產業增加值占GDP的比重", 5.4, "target")
    ]


def test_a_text_opening_on_its_citys_government_hall_is_that_citys() -> None:
    ex = _extract(
        "返回\n通化市人民政府政务大厅于2008年7月30日启动运行。\n"
        "目前,政务大厅进驻部门单位43个,设置窗口28个,其中“只跑一次”事项302项。"
    )
    assert [p.name for p in ex.subject_places] == ["通化市"]
    assert {m.value for m in ex.metrics if m.place.name == "通化市"} >= {43, 28, 302}


def test_a_figure_spelling_out_a_goal_measures_what_stands_before_it() -> None:
    ex = _extract("辽宁省。我省提出今年软件业营业收入同比增长9%左右的目标。")
    assert [(m.indicator, m.qualifier) for m in ex.metrics] == [("软件业营业收入同比增长", "target")]


def test_bandwidth_in_megabits_is_a_figure_and_an_index_code_is_none() -> None:
    ex = _extract("十堰市。全市城市家庭宽带接入能力达100M,光伏装机50MW。索引号11370300MB28560647。")
    assert {(m.value, m.unit) for m in ex.metrics} == {(100, "M"), (50, "MW")}


def test_places_visited_to_learn_run_none_of_what_was_learned() -> None:
    ex = _extract(
        "沂源县推进数字沂源建设。县领导带队先后到南京市溧水区、镇江市句容市、聊城市莘县等地区学习城市大脑、"
        "一网统管等方面建设经验,为数字沂源建设提供了宝贵经验。"
    )
    assert {p.place.name for p in ex.programmes} == {"沂源县"}


def test_a_district_report_measuring_its_shares_against_全市_is_the_districts() -> None:
    # One 全区 against several 全市, but each 全市 is the city the district is measured against (占全市比重,
    # 增速全市第3, 保持全市前列); the city is named as who holds the press conferences and in a park's name.
    ex = _extract(
        "9月9日下午,宜昌市“县(市、区)长谈发展”新闻发布会西陵区专场举行,西陵区区长介绍了西陵区数字化改革。\n"
        "今年上半年,西陵区以宜昌市1.5%的面积贡献了17%的GDP。全区GDP完成178亿元。规上工业增加值占全市比重21.7%,"
        "增速全市第3,限上零售额占全市比重36.8%,主要指标增速保持全市前列。建成宜昌临空电商产业园,"
        "宜昌临空电商产业园已开园。西陵区将继续推进数字化改革。"
    )
    assert [d.name for d in ex.subject_places] == ["西陵区"]


def test_a_city_ranked_in_a_national_list_is_the_subject_of_the_story_about_it() -> None:
    # 全国 ranks the city among the country's (位列全国第35位, 全国第一方阵) and 中国 heads a body's and a
    # report's name: neither makes the story a national commentary, though it names seven other cities.
    ex = _extract(
        "2024数字城市百强揭晓 洛阳位列第35位\n本报讯 中国信息研究院发布《2024中国城市数字发展报告》,洛阳市上榜,"
        "位列全国第35位。此次评选覆盖全国337个城市,北京、上海、广州、深圳等稳居前列,包头、安庆、宜宾等新晋入围。"
        "中国数字经济规模持续扩大。\n近年来,洛阳市加快布局数字产业。全市累计开通5G基站16286个,建设速度位列全国"
        "第一方阵,建成国家超算中心洛阳中心。全市重点实验室达到40个,位居全国前列。"
    )
    assert [d.name for d in ex.subject_places] == ["洛阳市"]
    assert {(m.place.name, m.value) for m in ex.metrics if m.indicator.endswith("5G基站")} == {
        ("洛阳市", 16286)
    }


def test_a_municipality_speaking_as_全市_keeps_its_subject_beside_a_park_named_like_a_city() -> None:
    # 仙桃数据谷 is a park in 重庆; 仙桃市 in 湖北 fits the level 全市 speaks as, but 重庆 is named
    # throughout and says 全市 itself.
    ex = _extract(
        "本报重庆8月24日讯,2021中国国际智能产业博览会签约活动在重庆举行,92个重大项目落户重庆。\n"
        "近年来,重庆把大数据智能化作为战略选择,打造了两江数字经济产业园、中国智谷(重庆)科技园、仙桃数据谷等园区。"
        "重庆仙桃数据谷已集聚企业1000多家,仙桃数据谷入驻企业增长30%。全市数字经济增加值增长15%,增速全国第一,"
        "全市新建5G基站2万个。重庆正全力推进数字重庆建设。"
    )
    assert [d.name for d in ex.subject_places] == ["重庆市"]


def test_a_county_speaking_of_its_bodies_is_named_by_its_short_form_and_no_和县_is_read() -> None:
    # 和 joins 市政务办 and 县委; 象山 (宁波's 象山县, 桂林's 象山区) is the county the text speaks as.
    ex = _extract(
        "2022年工作总结\n2022年,县政务办在市政务办和县委、县政府的正确领导下推进改革,共完成公共资源交易项目367宗。"
        "打造政务服务标准化建设象山样板,县政务办联合县委改革办出台实施方案。打造“多跨联动、降本提效”象山经验。"
    )
    assert [d.name for d in ex.subject_places] == ["象山县"]
    assert "和县" not in {p.place.name for p in ex.places}


def test_a_figure_sizing_what_以_names_as_a_base_is_measured_by_that_name() -> None:
    ex = _extract("西陵区以产业园一期600亩为依托,全面推进物流仓储基地建设。")
    assert [(m.indicator, m.value, m.unit) for m in ex.metrics] == [("产业园一期", 600, "亩")]


def test_全州_after_a_province_names_one_of_its_prefectures_is_that_prefecture() -> None:
    ex = _extract(
        "对省人大代表建议的答复\n我省数字乡村建设成效明显,全省行政村5G网络覆盖率达到85%。红河州为我省网络建设重点支持"
        "地区,全州信息通信基础设施水平在全省前列。截至2023年2月末,全州5G基站总数达2365个,居全省第3位。"
    )
    assert {(m.place.name, m.value) for m in ex.metrics if m.unit != "位"} == {
        ("云南省", 85),
        ("红河哈尼族彝族自治州", 2365),
    }


def test_funds_won_from_a_level_above_are_reported_not_aimed_for() -> None:
    ex = _extract(
        "石门县加快建设大数据中心。2022年,石门县争取省级财政资金898万元,积极争取省级财政用电补助1894万元。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(8.98e6, "="), (1.894e7, "=")}


def test_据了解_after_a_stated_goal_reports_how_things_stand() -> None:
    ex = _extract(
        "漳州市力争到2025年数字经济增加值占GDP比重超过50%,成为全省数字经济示范区。据了解,漳州全市规模以上"
        "数字经济核心产业企业219家,亿元以上企业48家。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(50, "target"), (219, "="), (48, "=")}


def test_central_bodies_written_together_and_a_province_joined_by_和_are_three_agencies() -> None:
    ex = _extract("在党中央国务院和辽宁省委的坚强领导下,大连市推进数字化改革,建成5G基站1万个。")
    assert {(a.place.name, a.name) for a in ex.agencies} == {
        ("中国", "中共中央"),
        ("中国", "国务院"),
        ("辽宁省", "辽宁省委"),
    }


def test_a_headline_figure_after_a_reporters_credit_and_thresholds_of_a_class_are_no_metrics() -> None:
    ex = _extract(
        "浙江在线5月7日讯(浙江在线记者 张三 区委报道组 李四)35.7%。\n一季度,萧山区数字经济增加值同比增长35.7%,"
        "是全市唯一达到30%以上增速的区县。萧山GDP重回7%增长区间,同比增长7.2%。工业增加值增幅超过10%的镇街,"
        "都是推进改革力度最大的地方。全区已覆盖100%的乡镇。"
    )
    assert sorted(m.value for m in ex.metrics) == [7.2, 35.7, 100]


def test_a_report_titled_with_its_year_under_its_bodys_name_dates_its_figures() -> None:
    ex = _extract(
        "天津市津南区人民政府政务服务办公室\n区政务服务办2020年度行政执法工作报告\n"
        "本机关有行政许可权153项,全年作出行政许可4190件。"
    )
    assert {(m.value, m.year) for m in ex.metrics} == {(153, 2020), (4190, 2020)}


def test_a_streak_naming_its_own_ranking_is_named_by_it_and_kept_by_the_subject() -> None:
    # The sentence opens on one evaluation and ranks the district 全国第15名, 四川省第1名; each streak
    # after it names the ranking it was kept in, and 四川省 only framed a rank.
    ex = _extract(
        "郫都区推进政务公开。在2019中国政府网站绩效评估中,郫都区政府网站荣获全国第15名,四川省第1名;"
        "连续4年获得省政府网站绩效评估的区(市)县第一名,连续4年进入全国政府网站绩效评估50强。"
    )
    streaks = {(m.place.name, m.indicator) for m in ex.metrics if m.unit == "年"}
    assert streaks == {
        ("郫都区", "省政府网站绩效评估的区(市)县第一名连续年数"),
        ("郫都区", "全国政府网站绩效评估50强连续年数"),
    }


def test_the_national_flag_counts_nothing() -> None:
    ex = _extract("石门县市民之家正式启用,鲜艳的五星红旗冉冉升起,大厅设置窗口60个。")
    assert [(m.indicator, m.value) for m in ex.metrics] == [("窗口", 60)]


def test_an_all_fibre_city_and_a_digital_economy_zone_are_designations() -> None:
    ex = _extract(
        "洛阳市建成了“全光网城市”,市区主次干道光缆覆盖率达100%。汕头市依托国际海缆登陆站建设,加快打造新时代数字经济特区。"
    )
    assert {(g.place.name, g.name) for g in ex.programmes} == {
        ("洛阳市", "全光网城市"),
        ("汕头市", "新时代数字经济特区"),
    }


def test_the_growth_of_an_estimate_is_estimated_too() -> None:
    ex = _extract("历城区全年固定资产投资预计完成58.3亿元,同比增长10%。去年数字经济增加值同比增长8%。")
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(5.83e9, "target"), (10, "target"), (8, "=")}


def test_将_making_work_the_means_and_building_to_a_standard_set_no_goals() -> None:
    # 将 marks the object made the key measure (将推动…作为…举措), and 规划建设 to a standard is work
    # done well: the figures of the report are what was done.
    ex = _extract(
        "泸州市将推动政务服务标准化规范化便利化作为提升政务效能的关键举措。\n"
        "一是推进政务服务场所建设标准化。严格对照国家和省标准规划建设新市政务服务中心,完成7个区(县)政务服务中心"
        "标准化建设改造,创成省级“示范便民服务中心”45个。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(7, "="), (45, "=")}
    planned = _extract("泸州市将把数字经济作为一号工程,新建5G基站1000个。")
    assert [(m.value, m.qualifier) for m in planned.metrics] == [(1000, "target")]


def test_a_city_sites_page_on_a_list_of_its_provinces_cities_is_the_citys() -> None:
    # Eight cities of the province are listed; the page's footer says it is 达州's own site.
    ex = _extract(
        "全国50强!达州入围\n3月24日,研究院正式发布“2025中国城市数据要素100强”。四川共有8个城市上榜,分别是成都、德阳、"
        "达州、宜宾、绵阳、雅安、乐山、泸州。其中成都、德阳、达州入围全国前50。作为国家枢纽,四川近年来通过建设天府数据中心"
        "集群等举措培育产业生态。达州打造西部内陆“数字特区”样板。\n联系我们 | 网站地图\n达州市人民政府版权所有\n"
        "主办单位:达州市人民政府办公室"
    )
    assert [d.name for d in ex.subject_places] == ["达州市"]
    # ...and what the province builds as the clause's subject is the province's
    assert {(p.place.name, p.name) for p in ex.projects} == {("四川省", "天府数据中心集群")}


def test_a_height_bounding_the_buildings_counted_is_no_figure() -> None:
    ex = _extract("上海市24米以上高层建筑有7万多幢,100米以上高层建筑1022幢。")
    assert {(m.indicator, m.value, m.unit) for m in ex.metrics} == {
        ("24米以上高层建筑", 70000, "幢"),
        ("100米以上高层建筑", 1022, "幢"),
    }


def test_a_design_institute_named_after_its_province_and_a_count_of_facilities_are_no_actors() -> None:
    ex = _extract(
        "韶关市推进数据中心集群建设,韶关是国家十大数据中心集群之一。5月6日,数据中心(一期)项目在韶关开工,"
        "由广东省电信规划设计院承建的(一期)项目占地面积约98亩。"
    )
    assert [(m.place.name, m.value) for m in ex.metrics if m.unit == "亩"] == [("韶关市", 98)]
    assert not ex.agencies


def test_formal_names_of_a_cppcc_and_a_party_committee_and_words_ending_in_局() -> None:
    ex = _extract(
        "中国人民政治协商会议柳州市委员会办公室发文。中国共产党柳州市委员会召开全会,助力柳州数字经济发展破局。"
    )
    assert {(a.place.name, a.name) for a in ex.agencies} == {
        ("柳州市", "柳州市政协办公室"),
        ("柳州市", "中共柳州市委"),
    }


def test_a_named_innovation_hall_or_memorial_is_a_facility() -> None:
    ex = _extract("芜湖市建成芜湖产业创新馆,总面积5726平方米。淮北市修缮双堆集革命烈士纪念馆。")
    assert {(p.name, p.kind) for p in ex.projects} == {
        ("芜湖产业创新馆", "facility"),
        ("双堆集革命烈士纪念馆", "facility"),
    }


def test_a_district_whose_全市_are_shares_of_its_city_is_the_subject() -> None:
    ex = _extract(
        "北京商报讯 5月29日,由北京市科学技术委员会、北京市地方金融管理局、北京市经济和信息化局、海淀区人民政府、西城区人民政府联合主办的金融科技论坛举办。"
        "会上,海淀区委副书记、区长介绍,"
        "海淀高质量发展态势强劲,作为全市经济的压舱石,海淀区持续释放创新活力。截至目前,全区现有国家高新技术企业9764家,"
        "占到全市的35%。北京市专精特新中小企业2125家,全市占比35%。北京市第一个数字经济标杆区落户于此。"
        "来源:北京市朝阳区融媒体中心"
    )
    assert [d.name for d in ex.subject_places] == ["海淀区"]


def test_a_provinces_own_text_naming_one_city_in_passing_is_the_provinces() -> None:
    # 我省, 省委、省政府 and 省级: the province speaks, naming itself nowhere; 恩施市 is its example.
    ex = _extract(
        "近年来,省委、省政府高位推动“高效办成一件事”,坚持省级统筹。截至目前,省级累计定标上线重点事项68项,"
        "办件量302.1万件。我省政务服务稳居全国第一方阵。恩施市全面推行“一窗通办”,恩施市向企业送上服务。"
    )
    assert [d.name for d in ex.subject_places] == ["湖北省"]
    assert {m.place.name for m in ex.metrics if m.value in (68, 3.021e6)} == {"湖北省"}


def test_全市_scoping_a_quoted_programme_a_district_takes_up_does_not_act_for_the_sentence() -> None:
    ex = _extract(
        "成都市成华区:政企共治智慧街区\n成华区是成都市最大的主城区。成华区委、区政府以全市“幸福美好生活十大工程”为牵引,"
        "不断深化“大联动微治理”体系建设,做实城市“微感知、微治理、微服务”体系。"
    )
    assert {(g.place.name, g.name) for g in ex.programmes} == {
        ("成华区", "幸福美好生活十大工程"),
        ("成华区", "大联动微治理"),
        ("成华区", "微感知、微治理、微服务"),
    }


def test_a_dateline_after_an_outlets_讯_names_no_place() -> None:
    ex = _extract(
        "江西推进政务服务“一网通办”\n山阴新闻网讯 南昌2月27日 (记者 李丽丹)江西全力推进政务服务“一网通办”,"
        "2019年底前省本级政务服务事项网上可办率达到90%。"
    )
    assert [p.place.name for p in ex.places] == ["江西省"]
    assert [m.place.name for m in ex.metrics] == ["江西省"]


def test_a_year_heading_a_sentence_dates_its_clauses_past_a_comparison_with_the_year_before() -> None:
    # 较2022年底 is the base a change is measured from; its 年底 does not make the clauses after it undated.
    ex = _extract(
        "海南省互联网发展报告发布\n在互联网基础设施建设方面,2023年,海南省光缆线路总长度达到42.4万公里,"
        "较2022年底增加3.4万公里,增幅为8.7%;宽带接入端口数量达1142.6万个,较2022年底增长97.9万个。"
    )
    assert {m.value: m.year for m in ex.metrics} == {
        424000: 2023,
        34000: 2023,
        8.7: 2023,
        11426000: 2023,
        979000: 2023,
    }


def test_该旗_carries_the_story_to_the_banner_it_refers_back_to() -> None:
    # The news site's masthead and the provincial paper name the region; the story is the banner's.
    ex = _extract(
        "内蒙古经济网-内蒙古财经综合性门户网\n内蒙古商报社主办内蒙古新华报业中心主管\n"
        "“数字羊”成乡村振兴品牌羊\n时间:2023年02月05日 来源:内蒙古日报\n"
        "“数字羊、乌骨羊、白绒山羊”是巴彦淖尔市乌拉特中旗推动羊产业发展的几个重点项目。"
        "该旗围绕羊产业做文章,将之作为基层党建“书记项目”。来到乌拉特中旗新忽热苏木,草场面积达390万亩。"
    )
    assert [d.name for d in ex.subject_places] == ["乌拉特中旗"]


def test_分别_gives_each_listed_firm_the_measure_after_it() -> None:
    ex = _extract(
        "贵州省通信管理局发布。从企业看,贵州移动、贵州电信分别完成投资61.86亿元、28.30亿元,在信息基础设施建设投资方面领跑全省。"
    )
    assert {(m.indicator, m.value) for m in ex.metrics} == {
        ("贵州移动投资", 6.186e9),
        ("贵州电信投资", 2.83e9),
    }


def test_papers_named_after_planning_set_no_plan() -> None:
    # 规划认可书, 乡村规划许可证: kinds of permit issued this year, counted; no 规划 (plan) governs them.
    ex = _extract(
        "墨玉县自然资源局局长表示:今年来,我局共受理规划业务159件,其中建设用地规划许可证23个,"
        "规划认可书45个,乡村规划许可证15个。"
    )
    assert {m.value: m.qualifier for m in ex.metrics} == {159: "=", 23: "=", 45: "=", 15: "="}


def test_a_time_limit_cut_from_working_days_to_hours_keeps_both_ends() -> None:
    ex = _extract("三亚市实施流程优化后,公共场所卫生许可证等事项办理时限从15个工作日压缩至1小时。")
    assert {(m.value, m.unit) for m in ex.metrics if "办理时限" in m.indicator} == {
        (15, "个工作日"),
        (1, "小时"),
    }


def test_some_tens_or_hundreds_are_no_figure() -> None:
    ex = _extract("微软、华为等数十家VR领域龙头企业齐聚南昌,已有几百个项目落地,今年新增二十一个项目。")
    assert [(m.value, m.unit) for m in ex.metrics] == [(21, "个")]


def test_a_quoted_name_followed_by_的改革_is_a_reform() -> None:
    ex = _extract("山西省充分发挥“一枚印章管审批”的改革制度优势,强化数字赋能。")
    assert [(g.place.name, g.name) for g in ex.programmes] == [("山西省", "一枚印章管审批")]


def test_a_bare_发改委_among_a_citys_bureaus_is_the_citys() -> None:
    ex = _extract(
        "铜川市政府召开会议。严维佳副市长带领网信办、发改委、工信局等8个单位主要负责人赴咸阳市考察。我市将加快推进。"
    )
    assert {(a.place.name, a.name) for a in ex.agencies} >= {
        ("铜川市", "铜川市发改委"),
        ("铜川市", "铜川市工信局"),
    }
    assert "国家发展改革委" not in {a.name for a in ex.agencies}


def test_the_state_councils_counts_are_the_countrys() -> None:
    ex = _extract(
        "开封市政务服务中心推进改革。2024年,国务院把“高效办成一件事”作为重要抓手,并分两批推出了21个重点事项。"
        "开封市落实国务院部署,办件量达到100万件。"
    )
    assert {(m.place.name, m.value) for m in ex.metrics} == {("中国", 21), ("开封市", 1e6)}


def test_a_city_speaking_as_我市_over_its_counties_is_their_city() -> None:
    # The page never names 安康市; it lists eight of its counties, one of them the county-level 旬阳市.
    ex = _extract(
        "我市完成政务服务体系普查工作\n截止2016年底,我市共建成实体政务大厅12个,实现了市县两级政务服务机构全覆盖。"
        "各县区政务中心进驻部门最多的是紫阳县,最少的是白河县。进驻事项最多的是镇坪县;办件量排列前三的县区分别是"
        "汉滨区52.4万件、汉阴县20.0万件、紫阳县9.0万件;全市共建成一体化互联网政务服务平台8个,分别为市本级、汉滨区、"
        "紫阳县、汉阴县、石泉县、岚皋县、宁陕县、旬阳市。"
    )
    assert [d.name for d in ex.subject_places] == ["安康市"]


def test_capacities_in_P_and_bandwidths_in_T_or_G_are_figures() -> None:
    ex = _extract(
        "雅安市大数据产业园建成互联网出口带宽8T,互联网城域出口带宽1200G宽带网络已建成,"
        "部署超过1000P高性能算力。雅安市建成5G基站300个。"
    )
    assert {(m.value, m.unit) for m in ex.metrics} == {(8, "T"), (1200, "G"), (1000, "P"), (300, "个")}


def test_plain_domains_listed_beside_quoted_slogans_are_no_platforms() -> None:
    ex = _extract(
        "海南省初步建成“互联网+防灾减灾”、综合治税、精准扶贫、“多规合一”、市场监管、社会信用等信息共享应用平台。"
        "宁波市全力推进数字孪生甬江流域、“甬数通”等国家试点应用项目建设。"
    )
    assert {p.name for p in ex.projects} == {"数字孪生甬江流域", "甬数通"}


def test_letters_sets_volumes_and_phones_are_counted_and_a_rate_per_head_keeps_its_head() -> None:
    ex = _extract(
        "衡东县受理书记县长信箱信件102封。衡东县城运中心编制近1000组视频预案,电子证照2.2亿本。"
        "衡东县电话普及率翻了一番,由21.7部/百人提高到47.5部/百人。衡东县每万人5G基站数由21.7个提高到30个。"
        "衡东县5G用户则首次突破120万大关。"
    )
    assert {(m.indicator, m.value, m.unit) for m in ex.metrics} >= {
        ("书记县长信箱信件", 102, "封"),
        ("视频预案", 1000, "组"),
        ("电子证照", 2.2e8, "本"),
        ("每百人电话普及率", 21.7, "部"),
        ("每百人电话普及率", 47.5, "部"),
        ("每万人5G基站数", 21.7, "个"),
        ("每万人5G基站数", 30, "个"),
        ("5G用户", 1.2e6, "人"),
    }


def test_a_county_under_its_name_before_it_became_a_city_is_that_city() -> None:
    # 宁乡县 became 宁乡市 in 2017; a 2016 report still calls it a county.
    ex = _extract("宁乡县大力推进数字经济发展,2016年宁乡县实现合同引资327.65亿元。宁乡县委、县政府高度重视。")
    assert [d.name for d in ex.subject_places] == ["宁乡市"]
    assert {(m.place.name, m.value) for m in ex.metrics} == {("宁乡市", 327.65e8)}


def test_和_before_县镇_joins_levels_and_names_no_county() -> None:
    ex = _extract(
        "西乡县推进政务服务改革。开通审批事项办结短信提醒和县镇便民服务大厅免费wifi全覆盖服务。"
        "县政务服务中心进驻事项300项。"
    )
    assert {p.place.name for p in ex.places} == {"西乡县"}
    assert {a.name for a in ex.agencies} == {"西乡县政务服务中心"}


def test_a_headline_under_page_chrome_repeats_the_bodys_figure_once() -> None:
    ex = _extract(
        "贵州分社正文\n当前位置:>>首页>>贵州要闻>>正文\n贵州:乡村政务服务站点覆盖率100% 服务事项100%网上可办\n"
        "“十三五”时期,贵州乡村政务服务站点覆盖率从76%增长至100%。"
        "截至2020年底,贵州省市县三级政务服务事项实现100%网上可办。"
    )
    hundred = sorted((m.indicator, m.year) for m in ex.metrics if m.value == 100)
    assert len(hundred) == 2, hundred
    assert any("政务服务事项" in name and year == 2020 for name, year in hundred), hundred


def test_a_share_naming_nothing_after_占_is_the_share_of_the_count_before_it() -> None:
    ex = _extract("黑龙江省全年办件2000000件,其中线下办理1571174件,占37.93%,网上办理428826件,占62.07%。")
    assert {(m.indicator, m.value) for m in ex.metrics if m.unit == "%"} == {
        ("线下办理占比", 37.93),
        ("网上办理占比", 62.07),
    }


def test_a_headlines_space_before_a_place_ends_the_figures_clause() -> None:
    ex = _extract("今年湖北新建5G基站5万个以上 武汉城区室外实现5G网络全覆盖\n湖北省加快数字经济发展。")
    assert {(m.indicator, m.value) for m in ex.metrics} == {("5G基站", 5e4)}


def test_a_joiner_right_before_a_quote_ends_the_item_before_it() -> None:
    ex = _extract("遂宁市实施电信普遍服务项目和“满格天府”专项行动。")
    assert [p.name for p in ex.programmes] == ["满格天府专项行动"]


def test_an_app_quoted_with_its_kinds_word_is_a_platform_and_no_programme() -> None:
    ex = _extract("黑龙江省依托“全省事APP”办理,在“全省事APP”开设专区。")
    assert [(p.name, p.kind) for p in ex.projects] == [("全省事APP", "platform")]
    assert not ex.programmes


def test_a_city_cloud_brain_is_the_city_brain_under_another_name() -> None:
    ex = _extract("青岛市初步建成城市云脑,接入41个单位。")
    assert [p.name for p in ex.programmes] == ["城市云脑"]


def test_a_channel_after_a_middle_dot_is_part_of_the_apps_name() -> None:
    ex = _extract("青岛市全面推广“爱山东·青e办”,福建省上线“闽政通·八闽健康码”。")
    assert {p.name for p in ex.projects} == {"爱山东·青e办", "闽政通·八闽健康码"}


def test_a_national_meeting_held_in_a_stated_city_is_that_citys() -> None:
    ex = _extract("四川省推进数字乡村建设。9月9日,2024年全国数字乡村建设工作现场推进会在绵阳召开。")
    assert [(p.place.name, p.kind) for p in ex.projects] == [("绵阳市", "event")]


def test_the_one_door_one_stop_and_simply_handled_slogans_are_programmes() -> None:
    ex = _extract(
        "969个事项“一站办”\n高安市实行综合受理,在现有“只进一扇门”服务的基础上,实现“只进一个窗”。"
        "50项高频事项“极简办”。"
    )
    assert {p.name for p in ex.programmes} == {"一站办", "只进一扇门", "只进一个窗", "极简办"}


def test_all_that_should_be_done_firms_on_the_cloud_and_no_papers_are_slogan_shapes() -> None:
    ex = _extract(
        "南昌市推动公共数据目录“应编尽编”,推进“企业上云”,全面推行“无证明办理”“亮证即用”,"
        "上线“涉企一件事”集成服务。"
    )
    assert {p.name for p in ex.programmes} >= {"应编尽编", "企业上云", "无证明办理", "亮证即用", "涉企一件事"}


def test_standing_service_slogans_and_years_of_a_drive_are_programmes() -> None:
    ex = _extract(
        "马尾区践行“马上就办”,深化“我为群众办实事”,推行“拿地即开工”“交房即交证”,"
        "开展“营商环境优化年”活动,推进“掌上办理”。"
    )
    assert {p.name for p in ex.programmes} >= {
        "马上就办", "我为群众办实事", "拿地即开工", "交房即交证", "营商环境优化年", "掌上办理"
    }  # fmt: skip


def test_an_unquoted_list_of_ways_of_working_a_place_carries_out_names_each() -> None:
    ex = _extract(
        "常熟市构建起三级政务服务体系,一门办、一窗办、就近办、自助办、掌上办等系列改革便利群众办事。"
        "常熟市推动更多事项网上办、掌上办、指尖办。"
    )
    assert [p.name for p in ex.programmes] == ["一门办", "一窗办", "就近办", "自助办", "掌上办"]


def test_investment_zones_and_scenic_areas_listed_before_one_committee_word_each_have_one() -> None:
    ex = _extract(
        "漳州市人民政府办公室关于印发行动计划的通知\n"
        "各县(区)人民政府,漳州开发区、古雷开发区、漳州台商投资区、漳州高新区管委会,市直各单位:"
    )
    names = {a.name for a in ex.agencies}
    assert {"漳州开发区管委会", "漳州台商投资区管委会", "漳州高新区管委会"} <= names
    assert any(n.endswith("古雷开发区管委会") for n in names)


def test_a_group_named_for_a_strong_city_goal_keeps_the_goal_in_its_name() -> None:
    ex = _extract("淄博市成立数字强市建设领导小组。沂源县成立数字强县建设领导小组。")
    assert {a.name for a in ex.agencies} == {"淄博市数字强市建设领导小组", "沂源县数字强县建设领导小组"}


def test_a_project_named_after_the_sum_invested_in_it_is_its_owners_facility() -> None:
    ex = _extract("宁乡市招商会签约项目29个,包括投资30亿的格力智能机器人项目、投资24亿元的沃特玛项目等。")
    assert {(p.name, p.kind) for p in ex.projects} == {
        ("格力智能机器人项目", "facility"),
        ("沃特玛项目", "facility"),
    }


def test_province_wide_mobile_and_courier_handling_and_special_cases_are_ways_of_working() -> None:
    ex = _extract(
        "贵州还创新推出网上办、全省办、移动办、无证通办。黑龙江省全面推行快递办、预约办、特事特办。"
    )
    assert {p.name for p in ex.programmes} >= {"全省办", "移动办", "无证通办", "快递办", "特事特办"}


def test_every_place_of_a_counted_list_a_published_pilot_names_holds_the_pilot() -> None:
    ex = _extract(
        "辽宁省首批省级新型智慧城市建设试点名单发布,沈阳、鞍山、丹东3座城市和东港市、黑山县2个县(市、区)入选。"
        "太原市清徐县柳杜乡、阳曲县泥屯镇等乡镇成为我省首批数字乡村试点。"
    )
    held = {(p.place.name, p.name) for p in ex.programmes}
    assert {
        (c, "省级新型智慧城市建设试点") for c in ("沈阳市", "鞍山市", "丹东市", "东港市", "黑山县")
    } <= held
    assert {("清徐县", "数字乡村试点"), ("阳曲县", "数字乡村试点")} <= held


def test_a_pilot_named_with_and_without_its_building_word_or_city_is_one_pilot() -> None:
    ex = _extract(
        "石家庄市入选河北省第一批新型智慧城市建设试点城市。石家庄市将总结提炼新型智慧城市试点建设中的经验。"
    )
    assert [p.name for p in ex.programmes] == ["新型智慧城市建设试点城市"]


def test_a_reply_naming_its_city_only_in_committees_of_other_parties_is_that_citys() -> None:
    ex = _extract(
        "关于对政协成都市委员会十六届一次第362号提案答复的函\n民革成都市委员会:\n"
        "我市因地制宜推动建设智慧社区53个。"
    )
    assert [p.name for p in ex.subject_places] == ["成都市"]
    assert {a.name for a in ex.agencies} == {"政协成都市委员会", "民革成都市委员会"}
    assert [(m.place.name, m.value) for m in ex.metrics] == [("成都市", 53)]


def test_provinces_a_reply_joins_forces_with_are_not_its_subject() -> None:
    ex = _extract(
        "对省政协十三届一次会议第0845号提案的答复\n颁布实施《江苏省公共数据管理办法》,初步建立了我省公共数据管理标准规范体系。"
        "联合上海、浙江、安徽大数据管理、标准化主管部门,签订数据标准创新合作协议。我省建成全省一体化平台。"
    )
    assert [p.name for p in ex.subject_places] == ["江苏省"]


def test_a_full_city_name_overlapping_a_county_short_form_is_the_city() -> None:
    ex = _extract("市政务服务数据管理局成功推动鹤山市纳入示范点。我市推广平台。同时,整合江门市招商项目管")
    assert [p.name for p in ex.subject_places] == ["江门市"]


def test_a_province_scoping_a_title_a_place_builds_is_part_of_the_title() -> None:
    # (创建 and 湖南省 overlap in 建湖, a county's short form, which gives way to the full name)
    ex = _extract("株洲市数字经济加快发展。过去5年,株洲创建湖南省工业互联网试点平台8个。")
    assert {p.place.name for p in ex.places} == {"株洲市"}


def test_a_counted_list_of_actions_after_its_subject_and_verb_names_each_action() -> None:
    ex = _extract("镇江市将实施数字强基、数字兴业、数字善治、数字惠民四大行动。")
    found = {p.name: p.aliases for p in ex.programmes}
    assert set(found) == {"数字强基行动", "数字兴业行动", "数字善治行动", "数字惠民行动"}
    assert "数字强基" in found["数字强基行动"]


def test_what_a_year_end_or_half_year_is_expected_to_reach_is_a_target() -> None:
    ex = _extract("庆阳市2024年底投产数据中心承载算力可达3万P,2025年上半年承载算力可达5.5万P。")
    assert [(m.value, m.qualifier) for m in ex.metrics] == [(30000, "target"), (55000, "target")]


def test_figures_a_clause_gives_as_a_notices_are_its_targets() -> None:
    ex = _extract(
        "省政府办公厅下发《关于加快推进全省5G建设发展的通知》。根据通知,2019至2022年,贵州省5G基站规模累计达到3.2万个。"
        "按照《方案》要求,贵州省已建成5G基站1.2万个。"
    )
    assert [(m.value, m.qualifier) for m in ex.metrics] == [(32000, "target"), (12000, "=")]


def test_the_kind_a_list_of_built_things_closes_on_is_no_project() -> None:
    ex = _extract(
        "杭州市建成视频流媒体服务中心、物联网平台、AI智能算法平台等统一的基础服务平台。"
        "张家口市形成以怀来大数据产业基地、张北云计算基地等为核心的数据产业集聚区。"
    )
    names = {p.name for p in ex.projects}
    assert "基础服务平台" not in names and "数据产业集聚区" not in names
    assert {"物联网平台", "AI智能算法平台", "怀来大数据产业基地", "张北云计算基地"} <= names


def test_courses_are_counted_and_a_joint_will_to_act_is_no_action() -> None:
    ex = _extract(
        "辽源市免费网上开放500门精品课程,推行一门式服务。全市上下形成开展平台应用推广共识和行动合力。"
    )
    assert [(m.value, m.unit) for m in ex.metrics] == [(500, "门")]
    assert "共识和行动" not in {p.name for p in ex.programmes}


def test_quoted_practices_a_text_calls_service_regimes_are_programmes() -> None:
    ex = _extract("辽宁省严格落实“首问负责”“帮办代办”“信息公开”等服务制度。")
    assert [p.name for p in ex.programmes] == ["首问负责", "帮办代办", "信息公开"]


def test_places_a_clause_lists_before_a_clause_granting_a_pilot_hold_the_pilot() -> None:
    ex = _extract(
        "河南省试点启动大会在郑州举行,郑州、开封、洛阳5个省辖市获得授牌,成为我省首批数据要素市场培育试点城市。"
    )
    assert {(p.place.name, p.name) for p in ex.programmes} >= {
        (c, "数据要素市场培育试点城市") for c in ("郑州市", "开封市", "洛阳市")
    }


def test_a_goal_quoted_whole_sets_no_plan_for_the_report_after_it() -> None:
    ex = _extract(
        "萍乡市政务服务中心推行网上办。“做好疫情防控的同时,确保群众能够办成事。”这是市公共政务管理局提出的工作目标。"
        "萍乡市将310项服务事项纳入“赣服通”萍乡分厅。"
    )
    assert [(m.value, m.qualifier) for m in ex.metrics] == [(310, "=")]


def test_a_ranking_in_an_action_plans_review_is_a_result() -> None:
    ex = _extract("重庆市渝中区在全市“满天星”行动计划考核中,连续两年名列前茅,综合排名中心城区第一。")
    assert {m.qualifier for m in ex.metrics} == {"="}


def test_figures_of_a_place_joined_to_a_count_of_its_peers_are_the_subjects() -> None:
    ex = _extract(
        "河北省数字城市建设稳步推进。河北省11个设区市、辛集市和80个县(市、区)的建设项目已通过竣工验收;"
        "定州市和39个县(市、区)的建设项目已通过预验收,共完成了207个应用系统的对接。"
    )
    assert {(m.place.name, m.value) for m in ex.metrics} >= {("河北省", 39), ("河北省", 207)}


def test_a_season_in_an_events_name_is_part_of_the_name() -> None:
    ex = _extract("栖霞区作为2020中国南京金秋经贸洽谈会栖霞分会场,活动期间共签约项目53个。")
    assert "2020中国南京金秋经贸洽谈会" in {p.name for p in ex.projects}


def test_unquoted_strategies_a_city_joins_in_are_each_its_programme() -> None:
    ex = _extract(
        "南京市主动对接长三角区域一体化和长江经济带发展国家战略,正式提出加快紫东地区发展的宏伟蓝图。"
    )
    assert {(p.place.name, p.name) for p in ex.programmes} == {
        ("南京市", "长三角区域一体化"),
        ("南京市", "长江经济带发展"),
    }


def test_two_titles_joined_by_and_are_two_and_the_second_gets_their_shared_words_back() -> None:
    ex = _extract(
        "福州市获批国家人工智能创新发展试验区和创新应用先导区。陵水县获批海洋经济发展示范区和国家级沿海渔港经济区试点。"
    )
    assert [p.name for p in ex.programmes] == [
        "国家人工智能创新发展试验区", "国家人工智能创新应用先导区", "海洋经济发展示范区", "国家级沿海渔港经济区试点"
    ]  # fmt: skip


def test_a_rank_in_a_region_right_after_what_is_ranked_is_read() -> None:
    ex = _extract("渝中区经济密度西部第1、全市第1。")
    assert [(m.indicator, m.value) for m in ex.metrics] == [("经济密度西部排名", 1), ("经济密度全市排名", 1)]


def test_a_place_heading_a_news_sites_dateline_is_no_place_of_the_report() -> None:
    ex = _extract("中国江苏网讯 9月17日下午,栖霞区数字经济峰会举行,活动期间共签约项目53个。")
    assert {p.place.name for p in ex.places} == {"栖霞区"}
    assert [m.place.name for m in ex.metrics] == ["栖霞区"]


def test_quoted_drives_a_text_calls_special_works_are_each_a_programme() -> None:
    ex = _extract("福建省推进“信号升格”“宽带边疆”等5G专项建设。")
    assert [p.name for p in ex.programmes] == ["信号升格", "宽带边疆"]


def test_a_civic_or_exhibition_centre_is_a_building_not_a_body() -> None:
    ex = _extract("面积约1.2万平方米的南昌市民中心对外开放。大会在福州海峡国际会展中心举行。")
    assert not ex.agencies
    assert ("福州海峡国际会展中心", "facility") in {(p.name, p.kind) for p in ex.projects}


def test_a_list_of_county_short_forms_of_one_province_names_each_though_no_city_is_named() -> None:
    ex = _extract(
        "湖南省通信管理局具体负责组织实施。自年初项目启动以来,领导先后赴新宁、醴陵、炎陵、零陵、沅陵等地农村开展实地调研。"
    )
    assert {p.place.name for p in ex.places} == {"湖南省", "新宁县", "醴陵市", "炎陵县", "零陵区", "沅陵县"}


def test_a_rank_is_in_the_list_its_sentence_quotes_by_name() -> None:
    ex = _extract(
        "据榜单,四川入围本次“中国西部城市数据要素市场发展水平50强(2024年)”的16个城市具体排名如下:成都位列第2名,德阳位列第6名。"
    )
    assert [(m.place.name, m.indicator, m.value) for m in ex.metrics] == [
        ("成都市", "中国西部城市数据要素市场发展水平50强排名", 2),
        ("德阳市", "中国西部城市数据要素市场发展水平50强排名", 6),
    ]


def test_a_figure_after_that_city_is_the_city_last_named() -> None:
    ex = _extract(
        "新疆维吾尔自治区推进数字政府建设,全区政务服务事项网上可办率达到95%。"
        "自治区人大代表、克拉玛依市副市长潘瑞介绍,截至目前,该市已建成5G基站460个。全区建成5G基站2万个。"
    )
    assert [(m.place.name, m.value) for m in ex.metrics] == [
        ("新疆维吾尔自治区", 95), ("克拉玛依市", 460), ("新疆维吾尔自治区", 20000)
    ]  # fmt: skip


def test_a_road_named_after_a_province_names_no_province() -> None:
    ex = _extract("在上海市长宁区江苏路上,人工智能发现垃圾。长宁区江苏路街道办事处推进一网统管。")
    assert {p.place.name for p in ex.places} == {"上海市", "长宁区"}
    assert [a.place.name for a in ex.agencies] == ["长宁区"]


def test_a_place_opening_a_transliterated_persons_name_is_no_place() -> None:
    ex = _extract("新疆维吾尔自治区政协委员阿里甫·买买提表示,要积极融入东数西算工程。")
    assert {p.place.name for p in ex.places} == {"新疆维吾尔自治区"}


def test_a_pages_time_of_day_and_a_periodicals_issue_are_no_figures() -> None:
    ex = _extract("2019-10-08 08:18张青雅\n软件和集成电路 2019年8期\n福州市数字经济规模达到2000亿元。")
    assert [(m.indicator, m.value) for m in ex.metrics] == [("数字经济规模", 200000000000)]


def test_a_national_bodys_branch_named_after_a_province_is_the_provinces() -> None:
    ex = _extract("中国信通院江西研究院发布白皮书。中国电子信息产业发展研究院发布报告。")
    assert [(a.place.name, a.name) for a in ex.agencies] == [
        ("江西省", "中国信通院江西研究院"), ("中国", "中国电子信息产业发展研究院")
    ]  # fmt: skip


def test_one_stop_phrases_run_together_after_their_domains_are_each_named() -> None:
    ex = _extract("天津市推动政务服务一网通办机关运行一网协同社会治理一网统管。")
    assert [p.name for p in ex.programmes] == ["一网通办", "一网协同", "一网统管"]


def test_a_table_rows_share_spaced_apart_from_its_count_is_that_counts_share() -> None:
    ex = _extract("昌吉市12345热线诉求分类情况\n投诉3751件 占比 82.13%\n表扬298件 占比 6.53%\n")
    assert [(m.indicator, m.value) for m in ex.metrics] == [
        ("投诉", 3751), ("投诉占比", 82.13), ("表扬", 298), ("表扬占比", 6.53)
    ]  # fmt: skip


def test_what_a_plan_led_to_marked_done_is_no_target() -> None:
    ex = _extract(
        "攸县根据乡村雪亮工程规划,在全县17个乡镇(街道)建设了800个高清全彩摄像头。攸县根据规划,力争新增摄像头200个。"
    )
    assert [(m.value, m.qualifier) for m in ex.metrics] == [(17, "="), (800, "="), (200, "target")]


def test_a_place_inside_a_longer_quoted_slogan_takes_no_figure() -> None:
    ex = _extract(
        "柳州市积极践行“北上广研发+广西集成+东盟应用”发展路径,加快打造人工智能应用场景,目前拥有人工智能核心规模以上企业21家。"
    )
    assert [(m.place.name, m.value) for m in ex.metrics] == [("柳州市", 21)]


def test_a_centre_a_provinces_text_names_after_one_of_its_cities_is_that_citys() -> None:
    ex = _extract("河南省将推动郑州数据交易中心累计交易额达到百亿元。内蒙古自治区建成阿里智算中心。")
    assert [(p.place.name, p.name) for p in ex.projects] == [
        ("郑州市", "郑州数据交易中心"), ("内蒙古自治区", "阿里智算中心")
    ]  # fmt: skip


def test_a_quoted_brand_right_after_a_platforms_words_names_that_platform() -> None:
    ex = _extract(
        "天津市。其中,天津数字社会综合应用平台“津心办”案例获奖。\n"
        "天津数字社会综合应用平台“津心办”建设按照“总体规划、分步实施”的原则推进。"
    )
    assert not ex.programmes
    assert [(p.name, p.kind) for p in ex.projects] == [("津心办", "platform")]


def test_a_bodys_former_name_in_brackets_is_its_alias() -> None:
    ex = _extract("北京市经信局(原北京市经信委)结合落实规划,主动布局产业。北京市经信委召开会议。")
    assert [a.name for a in ex.agencies] == ["北京市经信局"]


def test_the_ends_of_a_change_parted_by_a_comma_are_both_levels_reached() -> None:
    ex = _extract("浙江数字经济核心产业增加值从2014年的2854亿元,增长到2020年的7020亿元。")
    assert [(m.value, m.year, m.qualifier) for m in ex.metrics] == [
        (285400000000, 2014, "="), (702000000000, 2020, "=")
    ]  # fmt: skip


def test_a_text_speaking_as_we_the_city_over_a_municipalitys_district_is_the_municipalitys() -> None:
    ex = _extract(
        "国家工信部日前发布相关数据,我市2018年软件和信息技术服务业实现收入1633亿元,高于全国平均增速。"
        "滨海新区作为我市软件产业发展的主要载体,占全市总量的79%。市工信局相关负责人介绍,全市规模以上企业700家。"
        "我市获批企业数量居全国第二,全国共有企业数万家。"
    )
    assert [p.name for p in ex.subject_places] == ["天津市"]
    assert ex.metrics[0].place.name == "天津市"


def test_places_a_text_compares_itself_with_are_not_its_subject() -> None:
    ex = _extract(
        "截至2020年底,全省累计认定数字化示范车间128个。全省政务服务网已全部接入黑龙江政务服务网。"
        "我省出台了《黑龙江省直播电商发展三年行动计划》。与辽宁省、吉林省相比,我省支持的重点不够突出。"
        "与辽宁省、吉林省相比较,我省的特色在于智能应用。"
    )
    assert [p.name for p in ex.subject_places] == ["黑龙江省"]
    assert [m.place.name for m in ex.metrics] == ["黑龙江省"]


def test_a_new_area_named_after_a_county_is_no_part_of_the_county() -> None:
    ex = _extract(
        "呼和浩特市大力发展算力产业,呼和浩特市已位列全国前列。"
        "目前,和林格尔新区已引入中国移动、华为等32个数据中心项目,协议总投资2300亿元。"
    )
    assert {p.place.name for p in ex.places} == {"呼和浩特市"}
    assert {m.place.name for m in ex.metrics} == {"呼和浩特市"}


def test_the_kind_after_this_one_is_no_name_and_ends_the_name_before() -> None:
    ex = _extract("呼和浩特市近年来全力建设和林格尔数据中心集群这一国家数据中心集群,产业迎来了大发展。")
    assert [p.name for p in ex.projects] == ["和林格尔数据中心集群"]


def test_a_hall_named_after_a_congress_is_no_event() -> None:
    ex = _extract("辽源市代表参加全球智慧城市高峰论坛,会议在北京人民大会堂召开。")
    assert "北京人民大会" not in [p.name for p in ex.projects]


def test_a_figure_of_a_line_to_a_place_is_not_that_places() -> None:
    ex = _extract("中卫市建成直连网络,中卫市至上海的网络时延仅15毫秒。")
    assert [m.place.name for m in ex.metrics] == ["中卫市"]


def test_a_count_of_bodies_of_a_level_is_no_one_body() -> None:
    ex = _extract("西湖区推进数字化改革。杭州市7个区人大常委会开展调研。")
    assert not ex.agencies


def test_a_province_a_rank_is_given_in_takes_no_later_figure_of_its_sentence() -> None:
    ex = _extract(
        "贵阳市全力打造产业集群。1月至7月,软件业务收入达173.33亿元,绝对值位列贵州省第一,"
        "规模以上软件和信息技术服务业营业收入达到137.9亿元,新增规模以上企业7家。"
    )
    assert {m.place.name for m in ex.metrics} == {"贵阳市"}


def test_a_count_of_people_written_with_renkou_is_the_population() -> None:
    ex = _extract("拉孜县拥有约5.6万人口。")
    assert [(m.indicator, m.value, m.unit) for m in ex.metrics] == [("人口", 56000, "人")]


def test_an_idiom_ending_in_ju_is_no_bureau_and_a_newspaper_no_policy() -> None:
    ex = _extract(
        "无锡市数据局召开会议,为全面推进中国式现代化无锡新实践开好局起好步强势赋能。"
        "相关做法获《人民日报》《新华每日电讯》等权威媒体报道。"
    )
    assert [a.name for a in ex.agencies] == ["无锡市数据局"]
    assert not ex.policies


def test_a_strong_place_goal_is_pushed_on_and_its_period_is_no_part_of_it() -> None:
    ex = _extract(
        "新余市根据市委、市政府推进数字强市工作要求,结合我市实际,制定本方案。"
        "介绍“十四五”时期新余数字强市建设发展情况。"
    )
    assert [p.name for p in ex.programmes] == ["数字强市"]


def test_a_quoted_practice_chosen_as_a_model_case_is_a_programme() -> None:
    ex = _extract(
        "龙岗区政务服务中心获评优质服务窗口,“个转企到店办”获2022年深圳市营商环境改革优秀案例。"
        "我区企业职工退休“一件事智慧一次办”被国办评为“政务服务效能提升典型经验案例”。"
    )
    assert {"个转企到店办", "一件事智慧一次办"} <= {p.name for p in ex.programmes}


def test_what_a_place_is_first_to_launch_is_its_programme() -> None:
    ex = _extract("龙岗区全力优化营商环境。全市首推“大湾区·视频办”“掌上云办”,建设服务网点。")
    assert {"大湾区·视频办", "掌上云办"} <= {p.name for p in ex.programmes}


def test_the_size_of_a_national_list_a_place_is_in_is_no_figure_of_the_place() -> None:
    ex = _extract(
        "武汉市江夏区同时作为全国117个试点县市区中的重点案例地区。"
        "此项工作也被国务院列为全国推动改革100项典型案例之一。江夏区建成5G基站1200个。"
    )
    assert [(m.indicator, m.value) for m in ex.metrics] == [("5G基站", 1200)]


def test_a_party_school_a_bureaus_party_group_and_a_mall_are_no_bodies() -> None:
    ex = _extract(
        "“蒙速办”被编入由中共中央党校主办的蓝皮书。六安市数管局召开会议,局党组集中7天时间举办读书班。"
        "太原茂业天地购物中心开业。"
    )
    assert [a.name for a in ex.agencies] == ["六安市数管局"]


def test_a_dateline_ending_in_xiaoxi_names_no_place() -> None:
    ex = _extract("央广网兰州6月25日消息(记者李红军)甘肃省华亭市正在致力打造智慧城市,建成5G基站300个。")
    assert "兰州市" not in {p.place.name for p in ex.places}


def test_a_title_held_by_one_of_a_counted_few_and_a_title_listed_after_and() -> None:
    ex = _extract("武汉市江夏区是全省四家国家数字乡村试点地区之一,也是武汉市唯一的试点区。")
    assert [p.name for p in ex.programmes] == ["国家数字乡村试点"]
    ex = _extract("鹤壁市全力推进中部地区(鹤壁)综合应急救援基地和首批国家数字乡村试点建设,推动项目落地。")
    assert [p.name for p in ex.programmes] == ["国家数字乡村试点"]


def test_a_city_brain_named_after_its_place_that_went_live_is_a_system() -> None:
    ex = _extract("2021年6月,日照市在全省率先整体发布上线日照城市大脑,已归集各类监管治理系统155个。")
    assert [(p.name, p.kind) for p in ex.projects] == [("日照城市大脑", "platform")]
    assert [p.name for p in ex.programmes] == ["城市大脑"]
    ex = _extract("日照市将加快推进日照城市大脑建设。")
    assert not ex.projects


def test_a_shift_from_a_known_programme_names_the_next_one_too() -> None:
    ex = _extract(
        "西藏自治区通信建设从“信号升格”到“宽带边疆”,网络覆盖水平逐年提升。实现从“分级办”到“贯通办”。"
    )
    assert {p.name for p in ex.programmes} == {"信号升格", "宽带边疆"}


def test_the_reform_of_a_whole_domain_names_no_programme() -> None:
    ex = _extract("东莞市全力推进政务服务改革,深化体制机制改革,推进数据管理机构改革。")
    assert [p.name for p in ex.programmes] == ["数据管理机构改革"]


def test_a_name_never_opens_on_yituo() -> None:
    ex = _extract("宿城区构建多元智慧治理应用格局。依托镇综合指挥调度中心,建立覆盖8个村社区的网格。")
    assert [p.name for p in ex.projects] == ["镇综合指挥调度中心"]


def test_a_thing_named_only_by_its_level_or_its_place_in_a_chain_is_no_project() -> None:
    ex = _extract(
        "吉林省打造全省政务一朵云,上联国家平台,承载省直政务信息系统。"
        "中卫市形成上游设备制造、中游算力中心建设的产业链,实现与国家平台对接。"
    )
    assert [p.name for p in ex.projects] == ["政务一朵云"]


def test_a_press_conference_named_only_by_who_holds_it_is_unnamed() -> None:
    ex = _extract("山东省大数据局介绍情况。欢迎参加省政府新闻办新闻发布会。")
    assert not ex.projects


def test_a_places_cloud_brand_keeps_its_yun_shang() -> None:
    ex = _extract("遵义市依托云上遵义平台推进数据共享。")
    assert [p.name for p in ex.projects] == ["云上遵义平台"]


def test_a_provinces_app_named_after_it_stays_the_provinces_in_a_citys_report() -> None:
    ex = _extract("日照市数字政府建设成效显著,全市干部通过山东通协同办公,推动“爱山东”日照分厅上线。")
    assert ("山东通", "山东省") in {(p.name, p.place.name) for p in ex.projects}


def test_a_bureau_named_for_a_facilitys_field_is_a_bureau() -> None:
    ex = _extract("“这为大数据发展指明了方向。”中卫市云计算和大数据发展局局长薛军勇说。")
    assert [a.name for a in ex.agencies] == ["中卫市云计算和大数据发展局"]


def test_the_countrys_clock_in_a_pages_chrome_names_no_place() -> None:
    ex = _extract("北京时间:2024年3月1日 10:02\n个旧市推进数字农业综合服务系统建设。")
    assert [p.place.name for p in ex.places] == ["个旧市"]


def test_seats_of_a_call_centre_are_counted_in_seats() -> None:
    ex = _extract("乌兰察布市15家服务外包企业签约落地,坐席规模达1万席。")
    assert (10000, "席") in {(m.value, m.unit) for m in ex.metrics}


def test_handling_a_matter_in_an_app_names_no_office() -> None:
    ex = _extract("湾沚区7172项政务服务事项线上均能在安徽政务服务网或皖事通APP办理。")
    assert not ex.agencies


def test_fibre_is_counted_in_core_kilometres() -> None:
    ex = _extract("截至2020年年底,东营市光缆长度达204.5万芯公里。")
    assert (2045000, "芯公里") in {(m.value, m.unit) for m in ex.metrics}


def test_a_plans_period_in_quotes_does_not_head_a_strong_place_goal() -> None:
    ex = _extract("东营市“十四五”数字强市建设规划为抢抓新一轮科技革命机遇,制定本规划。")
    assert [p.name for p in ex.programmes] == ["数字强市"]


def test_a_goal_put_forward_for_this_year_heads_the_tasks_after_it() -> None:
    ex = _extract(
        "辽宁日报 本报讯 我省印发《数字辽宁建设2022年工作要点》。我省提出今年软件和信息技术服务业"
        "实现营业收入同比增长9%左右的目标。支持数字领域关键技术攻关项目20个以上;重点建设60个智能工厂。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(9, "target"), (20, "target"), (60, "target")}


def test_the_time_a_plan_comes_true_frames_the_goals_past_a_semicolon() -> None:
    ex = _extract(
        "湖北省数字政府一期工程计划于2021年初建成,届时湖北省网办事项实现率将达95%以上;"
        "湖北省依申请事项实现“最多跑一次”比例达到80%以上。"
        "项目建成后,电子证照入库种类达到300种以上;新建电子印章系统,提供5000个电子印章应用支撑。"
    )
    assert {m.value for m in ex.metrics if m.qualifier == "target"} == {95, 80, 300, 5000}


def test_what_a_place_decided_to_do_is_aimed_for() -> None:
    ex = _extract("黄平县决定用三年时间完成全县142个行政村5.81万户农村数字广播电视的覆盖建设工作。")
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(142, "target"), (58100, "target")}


def test_a_plans_milestones_year_by_year_go_on_with_it() -> None:
    ex = _extract(
        "黄平县计划今年6月份起到2019年年底,新建光缆900公里。"
        "其中:2017年底,新建乡镇广播影视综合服务站2个;2018年底,新建乡镇广播影视综合服务站1个。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics if m.unit == "个"} == {(2, "target"), (1, "target")}


def test_a_change_from_about_a_level_keeps_both_ends() -> None:
    ex = _extract("湖北省新建移动APP,接入便民服务事项将由现在的约300项增至600项以上。")
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(300, "~"), (600, "target")}


def test_a_quoted_reform_before_ji_ban_does_not_make_the_figures_a_layouts_parts() -> None:
    ex = _extract("黄州区申报材料实现了“应免尽免”,即办事项、可网办事项占比分别达到50%、90%以上。")
    assert {m.value for m in ex.metrics} == {50, 90}


def test_a_rank_of_a_verbal_noun_standing_alone_is_read() -> None:
    ex = _extract("2022年,重庆数字化的经济赋能作用凸显,综合评价位居全国第12位。")
    assert [(m.indicator, m.value) for m in ex.metrics] == [("综合评价全国排名", 12)]


def test_ranks_won_as_a_placing_are_both_read() -> None:
    ex = _extract("在2022年度全省的营商环境考核中,安义县政务服务指标获全市第3,全省第13的名次。")
    assert sorted(m.value for m in ex.metrics) == [3, 13]


def test_a_title_granted_to_build_is_named_without_the_verb() -> None:
    ex = _extract("2013年,崇州市获批建设国家智慧城市。")
    assert [p.name for p in ex.programmes] == ["国家智慧城市"]


def test_where_a_place_lies_is_listed_but_takes_none_of_its_facts() -> None:
    ex = _extract("崇州市位于成都的第三圈层,2013年,成为全国第二批智慧城市试点市。")
    assert {p.place.name for p in ex.places} == {"崇州市", "成都市"}
    assert {p.place.name for p in ex.programmes} == {"崇州市"}


def test_a_thing_set_to_open_states_no_plan_for_the_sentences_after_it() -> None:
    ex = _extract(
        "今年一季度,泸州华为四川大数据中心项目一期工程完成主体封顶,7月,数据中心将正式投入使用。"
        "华为四川大数据中心分两期建设,一期工程用地20亩,建筑面积1.3万平方米,投资20亿元。"
    )
    assert {m.value for m in ex.metrics} == {20, 13000, 2e9}
    assert not [m for m in ex.metrics if m.qualifier == "target"]


def test_a_centre_a_firms_name_heads_is_no_public_body() -> None:
    ex = _extract("泸州:华为四川大数据中心7月投产。泸州华为四川大数据中心项目一期工程完成主体封顶。")
    assert not ex.agencies
    assert [p.name for p in ex.projects] == ["泸州华为四川大数据中心"]


def test_a_technologys_speed_in_its_name_is_no_figure() -> None:
    ex = _extract("眉山市具备千兆光网接入能力的10G PON端口累计达到86万个。")
    assert [(m.value, m.unit) for m in ex.metrics] == [(860000, "个")]


def test_a_service_websites_hall_for_a_city_is_that_citys_platform() -> None:
    ex = _extract("滁州市政务服务持续优化。目前,安徽政务服务网滁州厅共上线365个部门111708项政务服务事项。")
    assert not ex.agencies
    assert [(p.name, p.place.name, p.kind) for p in ex.projects] == [
        ("安徽政务服务网滁州厅", "滁州市", "platform")
    ]


def test_a_group_between_bureaus_heads_no_bureau() -> None:
    ex = _extract("十堰市成立促进智慧十堰发展局际协调工作组。")
    assert [a.name for a in ex.agencies] == ["促进智慧十堰发展局际协调工作组"]


def test_a_rate_that_must_reach_a_level_is_a_target() -> None:
    ex = _extract(
        "齐齐哈尔市建立市场主体成长访问机制,按重点、一般、普通三类,年度访问率要分别达到100%、80%和60%。"
    )
    assert {(m.value, m.qualifier) for m in ex.metrics if m.unit == "%"} == {
        (100, "target"),
        (80, "target"),
        (60, "target"),
    }


def test_ni_marks_only_its_own_clause_in_a_list_by_stage() -> None:
    ex = _extract("截至目前,甘南州县市已建设运行系统8个,拟建设137个,州级部门建设运行系统36个,正在建设3个。")
    planned = {m.value: m.qualifier == "target" for m in ex.metrics}
    assert planned == {8: False, 137: True, 36: False, 3: False}


def test_a_bare_figure_after_a_thing_that_grew_counts_that_thing() -> None:
    ex = _extract("贵州省具备千兆光网接入能力的10G PON端口从无到有,累计达到86万个。")
    assert [(m.value, "PON端口" in m.indicator) for m in ex.metrics] == [(860000, True)]


def test_a_portal_or_a_middle_platform_is_a_platform() -> None:
    ex = _extract("淮安市建设数据业务中台和智慧淮安门户。新昌县上线数字新昌门户。")
    assert {(p.name, p.kind) for p in ex.projects} == {
        ("数据业务中台", "platform"),
        ("智慧淮安门户", "platform"),
        ("数字新昌门户", "platform"),
    }


def test_an_assessment_after_the_subject_frames_its_rank() -> None:
    ex = _extract("12月20日,仙桃市人民政府网站在第二十二届政府网站绩效评估中排名全国区县第九名。")
    assert [(m.value, "政府网站绩效评估" in m.indicator) for m in ex.metrics] == [(9, True)]


def test_a_rank_moved_within_a_scope_gives_both_ranks_of_the_measure() -> None:
    ex = _extract("赣州市规上工业营收由全省第7位上升到第3位。")
    assert sorted((m.value, m.indicator) for m in ex.metrics) == [
        (3, "规上工业营收全省排名"),
        (7, "规上工业营收全省排名"),
    ]


def test_who_built_the_things_counted_is_part_of_their_name() -> None:
    ex = _extract("泰州市数据共享开放方面,85%以上市建系统完成数据共享。")
    assert [(m.value, m.indicator) for m in ex.metrics] == [(85, "市建系统")]


def test_two_rates_joined_by_he_reach_one_level_together() -> None:
    ex = _extract("到2023年底,泰州总门户成为全市政务服务总入口,应用接入率和一网通办率达98%。")
    assert sorted(m.indicator for m in ex.metrics if m.value == 98) == ["应用接入率", "通办率"]


def test_what_a_place_is_as_zuowei_says_before_it_is_that_places() -> None:
    ex = _extract(
        "北京市正在着力建设全球数字经济标杆城市,作为城南行动引领区, 丰台区将发展数字经济作为重要抓手。"
    )
    assert ("城南行动引领区", "丰台区") in {(p.name, p.place.name) for p in ex.programmes}


def test_the_plan_a_notice_issues_a_bulletin_and_an_agreement_are_cited_policies() -> None:
    ex = _extract(
        "驻马店市根据《河南省人民政府关于印发〈河南省加强数字政府建设实施方案(2023—2025年)〉的通知》文件精神,"
        "制定本方案。十堰市政府与电信签署了《“智慧十堰,光网城市”信息化战略合作协议书》。"
        "省政府办公厅印发《关于对2022年落实有关重大政策措施真抓实干成效明显地方予以激励的通报》。"
    )
    titles = {p.title for p in ex.policies}
    assert {
        "河南省加强数字政府建设实施方案(2023—2025年)",
        "“智慧十堰,光网城市”信息化战略合作协议书",
        "关于对2022年落实有关重大政策措施真抓实干成效明显地方予以激励的通报",
    } <= titles


def test_a_centre_quoted_whole_among_projects_is_no_public_body() -> None:
    ex = _extract("天心区争取到“湖南能源大数据中心”“天经国际”等一批优质项目正式落户。")
    assert not ex.agencies
    assert {p.place.name for p in ex.places} == {"天心区"}


def test_bodies_listed_after_you_that_act_together_are_the_places_bodies() -> None:
    ex = _extract(
        "武义县持续推进“最多跑一次”改革,明确各部门信息化建设上报后由财政局、大数据发展中心共同联审。"
    )
    assert {a.name for a in ex.agencies} == {"武义县财政局", "武义县大数据发展中心"}


def test_the_frames_a_plan_orders_its_work_in_are_counted_by_da() -> None:
    ex = _extract("驻马店市统筹构建数字化履职能力、安全保障、制度规则、数据资源、公共平台支撑五大体系。")
    assert [(m.value, m.unit, m.indicator) for m in ex.metrics] == [(5, "个", "体系")]
    assert not _extract("驻马店市的数字化转型涉及三个领域。").metrics


def test_a_plans_rate_of_attainment_is_a_measure_not_a_plan() -> None:
    ex = _extract("江苏泰隆集团依靠徐工汉云的系统,设备利用率提高了3.6%,计划达成率提高了8.3%。")
    assert {(m.value, m.qualifier) for m in ex.metrics} == {(3.6, "="), (8.3, "=")}


def test_the_parts_a_bracket_explains_a_numeric_code_into_are_no_figures() -> None:
    ex = _extract("绍兴市构建了“1612”工作体系(1个平台,6+1综合应用,2套体系),形成制度化经验。")
    assert not ex.metrics


def test_a_body_that_hangs_a_second_ones_sign_is_two_bodies() -> None:
    ex = _extract("经市委编办批复,确定在铁岭市营商环境建设局加挂铁岭市大数据管理局牌子,并调整相应部门职责。")
    assert {"铁岭市营商环境建设局", "铁岭市大数据管理局"} <= {a.name for a in ex.agencies}


def test_a_provinces_service_app_is_a_platform_whatever_shape_its_name_has() -> None:
    ex = _extract("四川省协同推进更多事项依托“天府通办”“渝快办”跨省办理。")
    assert not ex.programmes
    assert ("天府通办", "platform") in {(p.name, p.kind) for p in ex.projects}


def test_items_handled_name_no_office() -> None:
    ex = _extract("渝北区完善窗口办理地址并发布区县事项办事指南,配置网上办理流程。")
    assert not ex.agencies


def test_a_bracketed_place_inside_a_name_keeps_the_name_whole() -> None:
    ex = _extract(
        "苍溪县数字经济发展纪实。苍溪县通过建成杭广东西部协作(苍溪)数字产业园,不断激活数字新动能。"
        "大理州记者走访了云南新创(大理)工业园区。"
    )
    projects = {(p.place.name, p.name) for p in ex.projects}
    assert ("苍溪县", "杭广东西部协作(苍溪)数字产业园") in projects
    assert "广东省" not in {p.place.name for p in ex.places}
    assert all(not p.name.startswith("(") for p in ex.projects)


def test_a_city_brain_at_work_under_its_places_name_is_a_built_system() -> None:
    ex = _extract(
        "湖州市数字化转型。目前,湖州城市数字大脑已上线智慧医保、数字网格等典型应用。"
        "截至2020年11月初,安吉“城市大脑”已归集44个部门共2139张数据表。"
    )
    projects = {(p.place.name, p.name, p.kind) for p in ex.projects}
    assert {("湖州市", "湖州城市数字大脑", "platform"), ("安吉县", "安吉城市大脑", "platform")} <= projects


def test_a_zone_after_a_counted_item_of_a_list_is_named() -> None:
    ex = _extract("海南省电子政务外网已覆盖50多个省直单位、19个市县和洋浦开发区,延伸覆盖了100%的乡镇。")
    assert ("洋浦开发区", "park") in {(p.name, p.kind) for p in ex.projects}


def test_a_zone_the_segmenter_reads_as_one_place_word_keeps_no_common_noun_before_it() -> None:
    ex = _extract("闵行区建成5G基站3480座,其中重点区域虹桥商务区建成375座,覆盖率达95%。")
    assert "虹桥商务区" in {p.name for p in ex.projects}
    assert not any(p.name.startswith("区域") for p in ex.projects)


def test_a_round_amount_heading_an_industry_is_its_scale_not_a_figure() -> None:
    ex = _extract(
        "北海市撬动了北海千亿元电子信息产业,全力打造千亿元数字经济示范区。全市数字经济规模突破千亿元。"
    )
    assert [(m.indicator, m.value) for m in ex.metrics] == [("数字经济规模", 1e11)]


def test_a_class_bounded_by_its_grade_keeps_the_bound_in_the_indicator() -> None:
    ex = _extract("山西省10G-PON及以上端口新增27.1万个,总数达60.3万个。全省有二级及以上医院45家。")
    assert [m.indicator for m in ex.metrics] == [
        "10G-PON及以上端口新增",
        "10G-PON及以上端口新增总数",
        "二级及以上医院",
    ]


def test_a_service_centre_people_go_to_is_a_building_not_a_body() -> None:
    ex = _extract(
        "汾阳市政务服务。在汾阳市政务服务中心8楼,行政审批服务管理局通过前台综合受理。"
        "今年3月汾阳市市民服务中心7×24小时政务服务大厅正式对外开放使用。"
    )
    projects = {(p.name, p.kind) for p in ex.projects}
    assert {("汾阳市政务服务中心", "facility"), ("汾阳市市民服务中心", "facility")} <= projects
    assert not any(a.name.endswith("服务中心") for a in ex.agencies)


def test_a_citys_own_level_is_part_of_what_is_counted() -> None:
    ex = _extract("邯郸市民网开始试运行,该市148项市本级行政许可审批事项和370多项公共服务事项实现网上办理。")
    assert ("市本级行政许可审批事项", 148) in {(m.indicator, m.value) for m in ex.metrics}


def test_funds_won_are_reported_not_aimed_for() -> None:
    ex = _extract("永川区2023年累计为中小企业争取扶持资金8215万元,全年争取上级资金1.2亿元。")
    assert [(m.value, m.qualifier) for m in ex.metrics] == [(82150000, "="), (120000000, "=")]


def test_an_adverb_and_its_verb_before_a_reform_are_no_part_of_its_name() -> None:
    ex = _extract(
        "本溪市数据局。近年来,中共中央、国务院高度重视数据要素市场化配置改革,加快促进释放数据要素价值。"
    )
    assert [p.name for p in ex.programmes] == ["数据要素市场化配置改革"]


def test_a_strong_place_goal_is_a_programme_in_any_frame() -> None:
    ex = _extract(
        "德州市大数据局解读工作要点。提出了2023年度数字强市的工作思路。数字强市推动数字政府更加协同高效。"
    )
    assert [p.name for p in ex.programmes] == ["数字强市"]


def test_a_section_set_up_in_a_platform_is_no_name_of_its_own() -> None:
    ex = _extract("铜川市线上在“秦务员”政务服务平台设置专区对220个一件事办事指南进行公示。")
    assert [(p.name, p.aliases) for p in ex.projects] == [("秦务员政务服务平台", ("秦务员",))]


def test_a_named_exhibition_hall_is_a_facility() -> None:
    ex = _extract("永川区领导调研了大数据展示厅。在展厅里,市民可以体验数字生活。")
    assert [(p.name, p.kind) for p in ex.projects] == [("大数据展示厅", "facility")]


def test_a_committee_after_据_is_named_without_the_preposition() -> None:
    ex = _extract("邯郸市民网试运行。据邯郸市民中心管委会常务副主任傅积先介绍,市民网开设了7个版块。")
    assert [a.name for a in ex.agencies] == ["邯郸市民中心管委会"]


def test_kinds_of_body_listed_after_a_count_name_no_body() -> None:
    ex = _extract(
        "二七区数字城管系统试运行。“经测试,通过数字城管系统大屏可同步监看该区主要路段、卡口等公共区域1080个监控的"
        "视频图像,涉及辖区18个镇、管委会和街道办事处,为精准、快捷、高效处置各类城市管理案件提供了技术保障。”"
    )
    assert not ex.agencies


def test_levels_a_series_or_a_comma_make_no_projects_name() -> None:
    ex = _extract(
        "荆州市推进政务服务改革。建成覆盖市县乡村四级平台,完成一云一网一目录,五库四平台政务服务大数据应用基础平台建设。"
        "长宁区举行上海十四五规划成果系列发布会。"
    )
    assert not ex.projects


def test_an_idiom_of_the_one_stop_shape_is_no_reform() -> None:
    ex = _extract(
        "邯郸市民网试运行。原本涉及多个部门的事项,今后将“一网打尽”。服务“一网通办”、监督“一览无余”。"
    )
    assert [p.name for p in ex.programmes] == ["一网通办"]


def test_a_strategy_a_leader_spoke_about_is_the_countrys() -> None:
    ex = _extract(
        "九江市推进数字政府建设。深入贯彻习近平总书记关于网络强国重要思想和数字中国重要论述,"
        "我市认真贯彻落实关于数字中国、网络强国重要论述精神。"
    )
    assert {(p.place.name, p.name) for p in ex.programmes} == {("中国", "网络强国"), ("中国", "数字中国")}


def test_the_country_that_carries_out_a_national_strategy_is_listed() -> None:
    # SCHEMA.md: a division is listed as the place of a fact; 数字中国 is the country's own strategy,
    # not a name that merely contains the country (数字福州 in a 福州 report lists nothing by itself)
    ex = _extract("荆门市数字政府建设。荆门市认真落实数字中国战略部署,推进“一网通办”。")
    assert ("中国", "数字中国") in {(p.place.name, p.name) for p in ex.programmes}
    assert "中国" in {p.place.name for p in ex.places}


def test_a_city_named_once_is_the_subject_of_a_text_that_names_its_bodies_by_level() -> None:
    ex = _extract(
        "近年来,湖南省永州市以创建示范市为契机,推进数据共享。一是重梳办事清单,其中马上办事项291项。"
        "二是重构办事流程。2017年,市政务中心各窗口累计消减申报资料近千份,消减率30%。"
    )
    assert [p.name for p in ex.subject_places] == ["永州市"]
    assert {m.place.name for m in ex.metrics} == {"永州市"}


def test_counted_parts_of_a_system_are_a_layout_not_a_programme() -> None:
    # SCHEMA.md: layouts are not programmes; 一标三实 counts ways of working, no parts of a system
    ex = _extract(
        "衡水市推进智慧城市。以“一中心、四平台”作为城市大脑。堰下村最终形成“一码两端一中心”。"
        "衡水市推行“一标三实”采集。"
    )
    assert "一中心、四平台" not in {p.name for p in ex.programmes}
    assert "一码两端一中心" not in {p.name for p in ex.programmes}


def test_east_west_cooperation_is_a_national_programme_the_place_takes_part_in() -> None:
    ex = _extract("旺苍县推进数字乡村。旺苍县深化东西部协作,与萧山区共建数字产业园。")
    assert ("旺苍县", "东西部协作") in {(p.place.name, p.name) for p in ex.programmes}


def test_a_designation_named_past_a_quoted_plus_is_whole() -> None:
    ex = _extract(
        "海南省推进数字经济。复兴城作为海南省重点打造的“互联网+”创新创业示范基地和互联网产业聚集区。"
    )
    assert "互联网+创新创业示范基地" in {p.name.replace("“", "").replace("”", "") for p in ex.programmes}
    assert "互联网+" not in {p.name for p in ex.programmes}


def test_a_district_named_by_a_generic_word_is_found_where_its_bodies_are_named() -> None:
    # 西区 (攀枝花) and 郊区 (佳木斯) are ordinary words, no surfaces: they name the district where the
    # text calls its bodies by them, and every figure of the bulletin is the district's, not the country's
    ex = _extract(
        "9月,全区一体化平台办件数4288件,主动评价率97.86%。"
        "近期,为落实疫情防控工作要求,西区行政审批局加大疫情防控力度。"
    )
    assert [p.name for p in ex.subject_places] == ["西区"]
    assert {m.place.name for m in ex.metrics} == {"西区"}
    ex = _extract("城市郊区建设加快,全国新增绿地100公顷。")
    assert "郊区" not in {p.place.name for p in ex.places}


def test_a_body_named_down_a_chain_of_places_is_the_last_places() -> None:
    # 山西省太原市万柏林区委 is the district's party committee, known as 万柏林区委 too
    ex = _extract("万柏林区发展数字经济。2月28日,山西省太原市万柏林区委书记孙泉表示,要加快数字化转型。")
    bodies = {(a.place.name, a.name, *a.aliases) for a in ex.agencies}
    assert ("万柏林区", "山西省太原市万柏林区委", "万柏林区委") in bodies


def test_a_fields_departments_are_no_ministry() -> None:
    ex = _extract("浏阳市推进智慧城市。浏阳市的应急管理部门配置了烟花爆竹安全监管体系。")
    assert "应急管理部" not in {a.name for a in ex.agencies}
    assert "中国" not in {p.place.name for p in ex.places}


def test_titles_that_are_no_documents_and_digits_that_are_no_count() -> None:
    ex = _extract(
        "昭通市推进改革。其经验做法被《行政改革内参》以《聚焦高效办成一件事打造便民利企新高度》为题刊发。"
        "《昭通市数字政府建设经验.docx》由会员分享。航天国数是航天科工二院七〇六所在江西成立的子公司。"
        "广德市热线转办宣城市政府服务热线835件。"
    )
    assert [p.title for p in ex.policies] == []
    assert all(m.value != 6 for m in ex.metrics)
    assert "宣城市政府" not in {a.name for a in ex.agencies}


def test_what_a_plant_yields_once_in_full_production_is_a_target() -> None:
    ex = _extract(
        "石门县推进项目建设。投资1亿元的线束生产制造项目,投产达效后年产值达3500万元以上,可提供就业岗位100个。"
    )
    assert {m.value: m.qualifier for m in ex.metrics if m.value != 100000000} == {
        35000000: "target",
        100: "target",
    }


def test_short_names_listed_before_a_park_share_its_kind() -> None:
    ex = _extract("江津区推进数字化。与此同时,珞璜、德感、白沙工业园数字化车间也在抓紧生产。")
    assert {p.name for p in ex.projects} == {"珞璜工业园", "德感工业园", "白沙工业园"}


def test_that_district_is_not_the_one_it_was_compared_with() -> None:
    ex = _extract(
        "江津区推进科技创新。江津区去年以79家企业获高新技术认定名列全市第2名,仅次于排在榜首的渝北区,"
        "这也是该区单个年度通过认定数最多的一年。至此,该区已拥有高新技术企业172家。"
    )
    assert {m.place.name for m in ex.metrics if m.value == 172} == {"江津区"}


def test_the_national_average_a_place_beats_is_the_countrys_figure() -> None:
    ex = _extract("湖北省推进5G建设。湖北省每万人拥有5G宏基站数量达7.7个,超过每万人7.1个的全国平均水平。")
    assert {(m.place.name, m.value) for m in ex.metrics} == {("湖北省", 7.7), ("中国", 7.1)}


def test_a_list_of_works_said_to_show_results_names_each() -> None:
    ex = _extract("镇江市推进智慧城市建设。创新管理模式得到肯定;云神工程、市民卡工程也已初见成效。")
    assert {"云神工程", "市民卡工程"} <= {p.name for p in ex.programmes}


def test_centres_in_a_list_closed_by_data_centres_are_machine_rooms_not_bodies() -> None:
    ex = _extract(
        "湖北省发展数字经济。武汉人工智能计算中心、武钢大数据中心、宜昌三峡大数据中心、"
        "中国移动襄阳云计算中心等一批数据中心相继建成投用。"
    )
    assert [a.name for a in ex.agencies] == []
    assert "宜昌三峡大数据中心" in {p.name for p in ex.projects}


def test_a_named_private_network_or_cross_strait_cable_is_a_facility() -> None:
    ex = _extract(
        "福建省推进数字化。福建开通海峡两岸直通光缆,建成福建文化专网。全省建设政务专网,铺设光缆1000公里。"
    )
    assert {(p.name, p.kind) for p in ex.projects} == {
        ("海峡两岸直通光缆", "facility"),
        ("福建文化专网", "facility"),
    }


def test_a_system_the_text_works_through_is_at_work() -> None:
    ex = _extract("嘉定区推进城市数字化转型。区城运中心通过城运视觉中枢系统编制近1000组视频预案。")
    assert "城运视觉中枢系统" in {p.name for p in ex.projects}


def test_a_condition_to_be_ensured_sets_no_target() -> None:
    ex = _extract(
        "江津区推进智能制造。江津区在确保防控措施到位的前提下,14个数字化车间已全部开工。"
        "江津区确保2025年建成数字化车间20个。"
    )
    assert {m.value: m.qualifier for m in ex.metrics} == {14: "=", 20: "target"}
