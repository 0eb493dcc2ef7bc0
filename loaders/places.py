"""Places in a document: mentions of divisions, the subject place, and who acts in a clause."""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick

from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.intervals import Intervals
from loaders.names import PARTY_COMMITTEES
from loaders.records import Division, Sentence
from loaders.sentences import split_sentences
from loaders.words import Word, segment

_DATA = Path(__file__).with_name("data")
# Well-known shorthand for several divisions at once ("除北上广深等一线城市外").
_GROUPS = {
    "北上广深": ("110000", "310000", "440100", "440300"),
    "北上广": ("110000", "310000", "440100"),
}  # regions (京津冀, 长三角) name an area, not the divisions in it
# A place name followed by one of these is part of another name (江苏代表团, 浙江大学).
_NAME_TAIL = re.compile(
    r"^(?:代表团|大学|学院|日报|卫视|电视台|晚报|银行|集团|籍|队|话|菜|路|街|桥|港区|舟山港|舟山|级(?=[\u4e00-\u9fff])|"
    # outlets: 新湖南客户端, 金华广电 (SCHEMA.md: a newspaper's place is not listed)
    r"客户端|新闻网|网讯|融媒|广播电视台|广电|青年报|商报|法制报|在线(?=\d|[讯消报])|"
    # 新疆生产建设兵团 is a body of its own, no division
    r"生产建设兵团|"
    # a contest's regional round (大赛江苏分赛, 江苏省分赛区) is part of the contest's name
    r"分赛|赛区|分会场|专场)"
)
# Fixed words and idioms that hold a city's short form without naming the city (长治久安, 幸福安康,
# 世界大同, 三明治, 日照时数): LAC splits some of them, so they are listed.
_FIXED_WORDS = re.compile(
    r"长治久安|大同小异|世界大同|天下大同|幸福安康|平安康|安康码|三明治|日照(?:时[数间长]|充足|充沛|丰富|资源|条件|强度|小时)|哈密瓜|普洱茶|攀枝花开|"
    # the clock of the whole country (a page's chrome: 北京时间:2024年…)
    r"北京时间|"
    # 阿里 is the firm far more often than the prefecture in 西藏 (阿里巴巴, 阿里云, 阿里研究院)
    r"阿里(?:巴巴|云|研究院|集团|钉钉|达摩院|健康|妈妈|数字|系|等)"
)
# A place heading an item of a list of firms (中车时代电气、湖南长城计算机等公司; …、西安电子科技大学等
# 几十家龙头企业) heads a firm's name: it says where the firm is registered (SCHEMA.md).
_FIRM_ITEM = re.compile(
    r"[^、,，。;；:：\s和与及等]{1,12}(?:、[^、,，。;；:：\s]{2,20})*等(?:[\d几十数百多余]+家)?[\u4e00-\u9fff]{0,4}?"
    r"(?:公司|企业|集团|厂商|高校|院校|机构)"
)
# A neighbour in a description of where the place lies (东邻上海,南连浙江; 向东接轨上海、向北联动太仓)
# neither acts nor is the place of a fact.
_NEIGHBOUR = re.compile(
    r"(?:向?[东南西北](?:邻|临|连|接|靠|濒|依|倚)|接轨|联动|对接|融入|毗邻|紧邻|比邻|接壤)$"
)
# Places a parenthesis leaves out of what the text covers ("中国(暂未涵盖香港、澳门和台湾地区)").
_EXCLUDED = re.compile(r"[(（](?:暂未|暂不|尚未|未|不)(?:涵盖|包含|包括|含|计入|统计)[^()（）]{0,40}[)）]")
# A leader's speech or instruction is named by the place visited (视察重庆重要讲话精神, 对江苏工作重要指示).
_SPEECH_BEFORE = re.compile(r"(?:视察|考察|对)$")
_SPEECH = re.compile(r"(?:工作)?(?:时的)?(?:重要讲话|重要指示|重要批示)")
# 中国 is a modifier in names (中国智慧城市…博览会, 中国特色): an actor only when something it does follows.
_COUNTRY_WORDS = ("中国", "我国", "全国")
_COUNTRY_ACTORS = re.compile(
    r"(我国|党中央|中共中央|国务院|党的二十大|二十大报告|十九大|习近平|国家(?=印发|提出|出台|发布|部署|明确))"
)
# (an autonomous prefecture or a league speaks as 我州, 我盟: the level of a city)
_LOCAL_SELF = re.compile(
    r"(我市|全市|本市|我区|全区|本区|我县|全县|本县|我省|全省|我州|全州|本州|我盟|全盟|本盟)"
)
# What a lower level does after the wider level's rule or plan (按照全省…目录, 根据全市统一部署).
_FOLLOWING = re.compile(r"(?:按照|根据|依照|遵照|对照|对标|依据)$")
# A share or a standing measured against the wider level (占全市比重21.7%, 居全市第3): a scope, not a voice.
_SHARE_BEFORE = re.compile(r"(?:占|居|位居|位列|高于|低于|超过)(?:到|了)?$")
# ...or one written after it (全市占比35%, 全市比重).
_SHARE_AFTER = re.compile(r"(?:占比|比重|的比重|总量的)")
# An award or title the 全省 scopes (获得“2022年度全省…先进单位”, 被评选为全省…成果).
_AWARDED_BEFORE = re.compile(r"(?:获得|荣获|获评|评为|评选为|授予|入选)[“\"]?(?:\d{4}年度?)?$")
# After 全省/全市, what ranks a place among the others of that level rather than speaking as it.
_STANDING_AFTER = re.compile(
    r"(?:首创|首个|首家|首批|首次|第[一二三四五六七八九十\d]|率先|唯一|领先|前列|排名|[“\"]?靠前|"
    r"(?:市[(（]州[)）]|各市|地市|县区|区县)第[一二三四五六七八九十\d]|"
    r"[^,，。;；]{0,6}?(?:位次|行列|赛道)|"
    r"的?[^,，。;；]{0,10}?(?:考核|评估|评选|评价|测评)中)"
)
# A body named by its level alone at the start of a clause (市委、市政府; 区大数据局) is the
# document's own: a local text names its own government so, and other places' in full.
# A word that makes a body the text's own without being part of its name: a work report's 我代表市人民
# 政府 and 请市政协, 在市委的坚强领导下, 经市政府同意, 由市大数据局牵头, a bureau's 联合市财政局. A
# character before 市/区 that belongs to a word (城市, 社区) never is one of these; conjunctions and
# counterparts (党中央、国务院和省委, 与市数据局对接) name the levels above, not the text's own.
_GOVERNS = "在表经由请合"
_BARE_BODY = re.compile(
    rf"(?:^|(?<=[\s,，、。;；:：“(（{_GOVERNS}]))([省市区县])(?:委|政府|人民政府|人大|政协|大数据|数据|数管|政务|财政|网信|发改|工信|行政审批)"
)
# A province's bare bodies whose directive a lower level carries out (落实省委、省政府…决策部署).
_SUPERIOR_ORDER = re.compile(
    r"省(?:委|政府)(?:、?省(?:委|政府))?(?:关于[^。;；]{0,60}?)?(?:的)?(?:决策部署|部署|要求|精神|安排)"
)
# ...but a province's body in a person's post (省委书记车俊, 省人大常委会主任) is a leader visiting a
# city's news, which SCHEMA.md expects; a county's own leaders (县委副书记、县长) still speak for it.
_POST = re.compile(r"[^,，、。;；:：\s]{0,6}?(?:书记|常委|主任|副?省长|副?市长|副?区长|副?县长|局长|秘书长)")


@dataclass(frozen=True)
class PlaceSpan:
    """A division named at `start:end` of the cleaned text."""

    start: int
    end: int
    division: Division
    surface: str
    in_name: bool = False
    # Whether the places list takes it, when that differs from `not in_name`: a place heading a
    # university's or a hospital's name acts for what that body does, but is not listed for it; one
    # in a quoted layout of places (“鲁东烟台、鲁南枣庄”) is listed, though it locates nothing there.
    listed: bool | None = None

    @property
    def is_listed(self) -> bool:
        """Return whether SCHEMA.md lists the division for this mention."""
        return (not self.in_name) if self.listed is None else self.listed


@functools.cache
def _automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, divisions in gazetteer.surface_forms().items():
        automaton.add_word(surface, (surface, tuple(d.code for d in divisions)))
    for surface, codes in _GROUPS.items():
        automaton.add_word(surface, (surface, codes))
    automaton.make_automaton()
    return automaton


def group_members(surface: str) -> tuple[str, ...]:
    """Return the codes a shorthand for several divisions stands for (北上广深), else ().

    >>> group_members("北上广")
    ('110000', '310000', '440100')
    """
    return _GROUPS.get(surface, ())


@functools.cache
def place_hints() -> dict[str, str]:
    """Return well-known local brands (apps, programmes, parks) and the division code they belong to."""
    with (_DATA / "place_hints.csv").open(encoding="utf-8") as f:
        return {row["name"]: row["code"] for row in csv.DictReader(f)}


def find_place_spans(text: str, *, gazetteer: Gazetteer | None = None) -> list[PlaceSpan]:
    """Return the divisions named in `text`, leftmost-longest, ambiguous names resolved by context.

    >>> [(s.surface, s.division.code) for s in find_place_spans("江苏省扬州市和北上广深")]
    [('江苏省', '320000'), ('扬州市', '321000'), ('北上广深', '110000'), ('北上广深', '310000'), ('北上广深', '440100'), ('北上广深', '440300')]
    >>> [(s.surface, s.in_name) for s in find_place_spans("中车时代电气、湖南长城计算机等公司落户湖南")]
    [('湖南', True), ('湖南', False)]
    >>> [(s.surface, s.in_name) for s in find_place_spans("吴江区东邻上海,接轨苏州,贯彻视察江苏重要讲话精神")]
    [('吴江区', False), ('上海', True), ('苏州', True), ('江苏', True)]
    >>> [(s.surface, s.in_name) for s in find_place_spans("为推动西藏长治久安,经新疆生产建设兵团推荐")]
    [('西藏', False), ('新疆', True)]
    >>> [(s.surface, s.in_name) for s in find_place_spans("考察中国(暂未涵盖香港、澳门)城市")]
    [('中国', False), ('香港', True), ('澳门', True)]
    >>> [(s.surface, s.in_name) for s in find_place_spans("浙江在线11月25日讯 伊吾日照充足,日照建成数据中心")]
    [('浙江', True), ('伊吾', False), ('日照', False)]
    """
    gaz = gazetteer or load_gazetteer()
    raw: list[tuple[int, int, str, tuple[str, ...]]] = []
    for end, (surface, codes) in _automaton(gaz).iter(text):
        raw.append((end - len(surface) + 1, end + 1, surface, codes))
    fixed = [m.span() for m in _FIXED_WORDS.finditer(text)]
    fixed_words = Intervals(fixed)
    raw = [r for r in raw if not fixed_words.covers(r[0])]
    # "整合江门市": a short form (合江) that a full name (江门市) overlaps from inside gives way to it
    full = {r for r in raw if any(gaz.get(c).name == r[2] for c in r[3])}
    full_ends: dict[int, list[int]] = {}
    for f in full:
        full_ends.setdefault(f[0], []).append(f[1])
    raw = [
        r
        for r in raw
        if r in full
        or not any(f_end > r[1] for at in range(r[0] + 1, r[1]) for f_end in full_ends.get(at, ()))
    ]
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    chosen: list[tuple[int, int, str, tuple[str, ...]]] = []
    last_end = -1
    for item in raw:
        if item[0] >= last_end:
            chosen.append(item)
            last_end = item[1]
    names = _name_ranges(text)
    layouts = [r for r in names if _lists_places(text, r, chosen)]
    # Unambiguous full names and the provinces/prefectures they point at give the context.
    context = [
        gaz.get(codes[0])
        for _, _, surface, codes in chosen
        if len(codes) == 1
        and surface not in _COUNTRY_WORDS
        and (
            gaz.get(codes[0]).level in ("province", "prefecture")
            or not (gaz.is_short_form(surface) or len(surface) == 2)  # 成县 in 建成县域 proves nothing
        )
    ]
    context += [d for d in list(context) for d in gaz.ancestors(d)]
    # Districts the text names in full (歙县, 江永县), which a text speaking as 我县 may speak for;
    # a two-character one only where a word starts with it (范县 in 示范县 is none).
    named = [
        gaz.get(codes[0])
        for _, _, surface, codes in chosen
        if len(codes) == 1
        and surface == gaz.get(codes[0]).name
        and gaz.get(codes[0]).level == "district"
        and (len(surface) > 2 or _starts_word(surface, text))
    ]
    excluded = Intervals(m.span() for m in _EXCLUDED.finditer(text))
    in_names = Intervals(names)
    spans: list[PlaceSpan] = []
    for start, end, surface, codes in chosen:
        if surface in _GROUPS:
            spans += [PlaceSpan(start, end, gaz.get(code), surface) for code in codes]
            continue
        division = gaz.get(codes[0]) if len(codes) == 1 else gaz.resolve(surface, context=context)
        if len(codes) > 1 and (division is None or not _spoken_for(division, surface, text, gaz)):
            # 象山 in a text speaking as a county (县政务办, 县委、县政府) is 象山县, not 桂林's 象山区
            spoken = [d for d in map(gaz.get, codes) if _spoken_for(d, surface, text, gaz)]
            division = spoken[0] if len(spoken) == 1 else division
        if division is None:
            # 普陀区 in a text that names no city to tell 上海's from 舟山's: the name is the same either way
            division = gaz.most_prominent(surface)
        if division is None:
            continue
        if (
            len(surface) == 2
            and surface[0] in "和与及"
            and (
                _JOINED_BODY.search(text, 0, start)
                or (_LEVEL_PAIR.match(text, end) and not _supported(division, context, gaz))
            )
        ):
            # "市政务办和县委、县政府": 和 joins two bodies, the second 县委; "提醒和县镇便民服务大厅",
            # "和县级以上城区": it joins 县镇, 县级. No 和县 is named, unless the text names its city.
            continue
        bare = (
            gaz.is_short_form(surface) or len(surface) == 2
        )  # 象山, and full names like 成县 inside 建成县域
        if (
            bare
            and division.level == "district"
            and not _supported(division, context, gaz)
            and not _spoken_for(division, surface, text, gaz)
            and not (_heads_own_body(division, surface, text, gaz) and not _TITLE_TAIL.match(text[end:]))
            and not _named_alone(division, surface, text, gaz, [*context, *named])
            and not _full_name_as_place(division, surface, text, gaz)
            and not _listed_with_kin(division, start, end, text, chosen, gaz)
        ):
            continue
        if _stray_namesake(codes, context, gaz):
            continue
        if _ROAD_AFTER.match(text, end):
            continue  # "长宁区江苏路街道": a road named after a place names no place, nor its street office
        in_name = (
            in_names.covers(start)
            or excluded.strictly_covers(start)
            or bool(_NAME_TAIL.match(text[end:]))
            or bool(_FIRM_ITEM.match(text, end))
            or bool(_NEIGHBOUR.search(text, max(0, start - 4), start))
            or bool(_SPEECH.match(text, end) and _SPEECH_BEFORE.search(text, max(0, start - 4), start))
            or _in_dateline(text, start, end)
            # "创建湖南省工业互联网试点平台8个": a province scoping the title a verb of building or winning
            # grants is part of the title's name
            or bool(
                _TITLE_VERB_BEFORE.search(text, max(0, start - 3), start) and _TITLE_AFTER.match(text, end)
            )
        )
        listed = True if any(s <= start < e for s, e in layouts) else None
        # "崇州市位于成都的第三圈层": where a place lies is named (listed) but is no place of the facts after it
        if spans and text[spans[-1].end : start] in ("位于", "地处", "坐落于", "坐落在") and not in_name:
            in_name, listed = True, True
        spans.append(PlaceSpan(start, end, division, surface, in_name, listed))
    spans += _common_word_spans(text, chosen, context, gaz)
    spans += _generic_named_districts(text, spans, context, gaz)
    return sorted(spans, key=lambda sp: sp.start)


# Districts whose full name is a generic word (郊区 "suburbs", 西区 "west side"): no surfaces (gazetteer.py),
# named only where the text calls the district's own bodies by it (郊区委书记, 西区行政审批局).
_GENERIC_DISTRICTS = ("郊区", "城区", "矿区", "西区", "东区")
_OWN_BODY_AFTER = r"(?:委(?!员)|人民政府|政府|人大|政协|[\u4e00-\u9fff]{1,8}?局(?![面势]))"
# Words a generic 区 closes as a word of its own (市郊区, 城区 in 主城区, 老城区 and the like).
_GENERIC_WORD_BEFORE = re.compile(r"[市城近远老新主中东西南北矿郊旧景园社校厂林山湖营]$")


def _generic_named_districts(
    text: str, spans: list[PlaceSpan], context: list[Division], gaz: Gazetteer
) -> list[PlaceSpan]:
    """Return each mention of a district named by a generic word, in a text that names that district's bodies.

    The text must call one of its bodies by the name (郊区委书记冯甲伟, 西区行政审批局), and the name must
    point at one division: the one under a city the text names, or the only one there is.

    >>> [(s.surface, s.division.code) for s in find_place_spans("佳木斯市郊区委书记到郊区调研。市郊区农田")]
    [('佳木斯市', '230800'), ('郊区', '230811'), ('郊区', '230811')]
    >>> [s.surface for s in find_place_spans("城市郊区建设加快")]
    []
    """
    found: list[PlaceSpan] = []
    named = {d.code for d in context}
    taken = Intervals((sp.start, sp.end) for sp in spans)
    for name in _GENERIC_DISTRICTS:
        if name not in text:
            continue
        divisions = gaz.lookup(name) or ()
        under = [d for d in divisions if d.parent_code in named]
        division = under[0] if len(under) == 1 else divisions[0] if len(divisions) == 1 else None
        if division is None:
            continue
        after_city = {sp.end for sp in spans if sp.division.code == division.parent_code}
        mentions = [
            m
            for m in re.finditer(name, text)
            if not _GENERIC_WORD_BEFORE.search(text, max(0, m.start() - 1), m.start())
            or m.start() in after_city
        ]
        if not any(re.match(_OWN_BODY_AFTER, text[m.end() :]) for m in mentions):
            continue
        found += [
            PlaceSpan(m.start(), m.end(), division, name)
            for m in mentions
            if not taken.overlaps(m.start(), m.end())
        ]
    return found


@functools.cache
def _common_automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, divisions in gazetteer.common_word_forms().items():
        automaton.add_word(surface, (surface, tuple(d.code for d in divisions)))
    automaton.make_automaton()
    return automaton


def _common_word_spans(
    text: str,
    chosen: list[tuple[int, int, str, tuple[str, ...]]],
    context: list[Division],
    gaz: Gazetteer,
) -> list[PlaceSpan]:
    """Return the districts a text names by a short form that is a common word (和平, 白云, 朝阳).

    Such a form counts only on strong evidence: the text names the district's city (or the
    municipality it lies in), and LAC reads the form as a place of its own, not as part of a
    word, and next to its city or its siblings (北京市朝阳、海淀等区 names 朝阳区; 西安市的长安大学
    names no 长安区, 郑州…中原城市群 no 中原区).

    >>> [(s.surface, s.division.code) for s in find_place_spans("北京市朝阳、海淀等区推进改革。坚持和平发展")]
    [('北京市', '110000'), ('朝阳', '110105'), ('海淀', '110108')]
    >>> [s.surface for s in find_place_spans("西安市推进长安大学建设")]
    ['西安市']
    """
    automaton = _common_automaton(gaz)
    if not automaton.get_stats()["nodes_count"]:
        return []
    taken = [(start, end) for start, end, _, _ in chosen]
    named = {d.code for d in context}
    found: list[PlaceSpan] = []
    for end, (surface, codes) in automaton.iter(text):
        start, end = end - len(surface) + 1, end + 1
        if any(a < end and start < b for a, b in taken):
            continue
        under = [d for d in map(gaz.get, codes) if d.parent_code in named]
        if (
            len(under) != 1
            or not _among_kin(under[0], start, end, text, chosen)
            or not _loc_word_at(text, start, end)
        ):
            continue
        found.append(PlaceSpan(start, end, under[0], surface))
        taken.append((start, end))
    return found


def _among_kin(
    division: Division, start: int, end: int, text: str, chosen: list[tuple[int, int, str, tuple[str, ...]]]
) -> bool:
    """Return whether the form follows its own city (北京市朝阳) or is listed with a sibling (朝阳、海淀).

    A region's word (中原城市群) or a slogan's (朝阳产业) stands alone; a district named by a
    common word is named next to its city or among the other districts of that city.
    """
    for a, b, _, codes in chosen:
        if b == start and division.parent_code in codes:
            return True
        joined = b == start - 1 and text[b] in "、和及与" or a == end + 1 and text[end] in "、和及与"
        if joined and any(code[:4] == division.code[:4] and code[4:] != "00" for code in codes):
            return True
    return False


def _listed_with_kin(
    division: Division,
    start: int,
    end: int,
    text: str,
    chosen: Sequence[tuple[int, int, str, tuple[str, ...]]],
    gaz: Gazetteer,
) -> bool:
    """Whether a county-level short form is one item of a list of three or more that are all county-level
    units of one province ("赴新宁、醴陵、炎陵、零陵、沅陵等地调研"): the list names them one by one, though
    the text names none of their cities. `chosen` holds the text's place spans in order.

    >>> gaz = load_gazetteer()
    >>> text = "赴新宁、醴陵、炎陵等地调研"
    >>> chosen = [(1, 3, "新宁", ("430528",)), (4, 6, "醴陵", ("430281",)), (7, 9, "炎陵", ("430225",))]
    >>> _listed_with_kin(gaz.get("430281"), 4, 6, text, chosen, gaz)
    True
    >>> _listed_with_kin(gaz.get("430281"), 4, 6, text, chosen[1:], gaz)
    False
    """
    at = next((i for i, item in enumerate(chosen) if item[0] == start and item[1] == end), None)
    if at is None:
        return False

    def joined(i: int) -> bool:  # chosen[i] and chosen[i + 1] are two items of one list
        return chosen[i][1] + 1 == chosen[i + 1][0] and text[chosen[i][1]] == "、"

    first = last = at
    while first > 0 and joined(first - 1):
        first -= 1
    while last + 1 < len(chosen) and joined(last):
        last += 1
    province = division.code[:2]
    return last - first >= 2 and all(
        any(gaz.get(code).level == "district" and code[:2] == province for code in codes)
        for _, _, _, codes in chosen[first : last + 1]
    )


def _loc_word_at(text: str, start: int, end: int) -> bool:
    """Return whether LAC reads `text[start:end]` as one word tagged LOC in its sentence."""
    for sentence in split_sentences(text):
        if sentence.start <= start and end <= sentence.end:
            return any(
                sentence.start + w.start == start and w.text == text[start:end] and w.tag == "LOC"
                for w in segment(sentence.text)
            )
    return False


# A dateline names where a report was filed, not a place of its facts (SCHEMA.md: 本报哈尔滨讯,
# 中新网兰州): an outlet or a line start, the place, an optional date, then 电 or 讯.
# Outlets set the place off with a space now and then (中新网 兰州11月29日电).
_DATELINE_BEFORE = re.compile(r"(?:^|\n|社|网|报|台|端|频道|讯)[ \u3000]?$")
_DATELINE_AFTER = re.compile(
    r"^[ \u3000]?(?:\d{1,2}月\d{1,2}日)?(?:电|讯|消息)(?:题|(?![\u4e00-\u9fff]))"
    r"|^[ \u3000]?\d{1,2}月\d{1,2}日[ \u3000]*[(（]"  # 山阴新闻网讯 南昌2月27日 (记者…)
)  # 新华社北京5月20日电题:


_ANAPHOR = re.compile(r"该(旗|县|区|市|州|盟)")
_OUTLET = re.compile(r"(?:日报|晚报|新闻网|融媒体中心|广播电视台|电视台)")
# A paper's correspondent stationed in another city, or the paper naming whose organ it is (masthead).
_AWAY_OUTLET = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:报|台|网)驻[\u4e00-\u9fff]{1,3}记者|(?:市|省)?委机关报")


# A place the subject is ranked within or praised by, named as a yardstick rather than as the actor.
_RANKED_WITHIN = re.compile(
    r"(?:市|省|区|县)?(?:全省|全市|全区)?(?:市[(（]州[)）]|各市|地市|县区|区县)?"
    r"(?:首例|首个|首家|首批|首位|榜首|第一方阵|前列|第[一二三四五六七八九十\d]+(?!批))"
)
_RANKED_BEFORE = re.compile(r"(?:位列|位居|居于|跻身|受到|获得|得到)$")


# A verb of joining forces with places listed right after it (联合上海、浙江、安徽…, 携手沪苏浙).
_JOINED_BY = re.compile(r"(?:联合|携手|会同|牵手)(?:[\u4e00-\u9fff]{2,8}[、和与及])*$")


# A list of places a subject compares itself with: 与 before it, 相比 after it (与辽宁省、吉林省相比).
_COMPARED_FROM = re.compile(r"(?:与|同|跟)(?:[\u4e00-\u9fff]{2,8}?[、和及])*$")
_COMPARED_TO = re.compile(r"(?:[、和及][\u4e00-\u9fff]{2,8}?)*(?:相比|相比较|比较|对比)")


def _yardstick(text: str, span: PlaceSpan) -> bool:
    """Whether a place is named as the field its subject ranks in or the body that praises it.

    >>> t = "办件均为益阳市首例,基础工作位列益阳第一方阵,受到益阳市数据局通报表扬;益阳市建成平台"
    >>> [_yardstick(t, s) for s in find_place_spans(t)]
    [True, True, True, False]
    >>> [_yardstick(t, s) for s in find_place_spans("紧抓与上海市对口合作机遇,上海市建成平台")]
    [True, False]
    """
    return bool(
        _RANKED_WITHIN.match(text, span.end)
        or _RANKED_BEFORE.search(text, max(0, span.start - 3), span.start)
        # "与上海市对口合作": the place a subject works with is named beside it, not as it
        or (text[span.start - 1 : span.start] == "与" and _PARTNERED.match(text, span.end))
    )


_PARTNER_LIST = re.compile(
    r"(?:与|同|跟)((?:[\u4e00-\u9fff]{2,8}?、)+[\u4e00-\u9fff]{2,8}?)(?:等)?[\d一二三四五六七八九十]+个?[省市县区地]"
)


def _in_slogan(text: str, span: PlaceSpan) -> bool:
    """Whether a place is named inside a quoted slogan of several parts (“链上大合肥、融入长三角”).

    >>> t = "紧盯“链上大合肥、融入长三角、牵手大上海”目标,六安市建成平台"
    >>> [_in_slogan(t, s) for s in find_place_spans(t)]
    [True, True, False]
    """
    opening = text.rfind("“", max(0, span.start - 30), span.start)
    if opening < 0 or "”" in text[opening : span.start]:
        return False
    closing = text.find("”", span.end, span.end + 30)
    return closing >= 0 and bool(re.search(r"[、,，]", text[opening:closing]))


_PARTNERED = re.compile(r"(?:[市省区县])?(?:的)?(?:对口|战略|深度|全面)?(?:合作|协作|结对|共建|联动)")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the place at `start:end` files a report (新华社杭州电, 本报哈尔滨讯) rather than acts.

    >>> _in_dateline("中新网兰州5月1日电 甘肃省…", 3, 5), _in_dateline("兰州市建成基站", 0, 3)
    (True, False)
    >>> _in_dateline("新华社北京5月20日电题:打造…", 3, 5), _in_dateline("中新网 兰州 11月29日电 甘肃…", 4, 6)
    (True, True)
    >>> _in_dateline("山阴新闻网讯 南昌2月27日 (苏路程)江西…", 7, 9), _in_dateline("央广网兰州6月25日消息(记者…)", 3, 5)
    (True, True)
    """
    return bool(_DATELINE_BEFORE.search(text[max(0, start - 4) : start])) and bool(
        _DATELINE_AFTER.match(text[end:])
    )


def whole_word_spans(text: str, spans: list[PlaceSpan], sentences: tuple[Sentence, ...]) -> list[PlaceSpan]:
    """Return the spans that start where a word starts: 河源 in 黄河源 or 成县 in 建成县域 is no place.

    A span may also start right where another place ends inside one word (山东省德州市…), or
    after 中共 in a party body's name (中共天津市南开区委).

    >>> from loaders.sentences import split_sentences
    >>> text = "通达黄河源,河源市位于广东"
    >>> [s.surface for s in whole_word_spans(text, find_place_spans(text), split_sentences(text))]
    ['河源市', '广东']
    """
    ends = {sp.end for sp in spans}
    starts: set[int] = set()
    reach: dict[int, int] = {}  # where the word starting at each offset ends
    firms: dict[int, Word] = {}
    persons: dict[int, int] = {}  # where a person's name starting at each offset ends
    for sentence in sentences:
        for w in segment(sentence.text):
            starts.add(sentence.start + w.start)
            reach[sentence.start + w.start] = sentence.start + w.end
            if w.tag in ("ORG", "nz"):
                firms[sentence.start + w.start] = w
            elif w.tag == "PER" and "·" in w.text:  # (LAC also reads 张北云 as a person)
                persons[sentence.start + w.start] = sentence.start + w.end
    return [
        replace(sp, in_name=True)
        if _heads_firm(sp, firms.get(sp.start)) or _inside_firm(sp, firms) or _registered_in(text, sp)
        else replace(sp, listed=False)
        if _heads_institution(sp, firms)
        else sp
        for sp in spans
        if sp.start in starts
        or sp.start in ends
        or _PARTY_BEFORE.search(text, max(0, sp.start - 4), sp.start)
        if not _split_by_word(sp, reach)
        # "阿里甫·买买提": a place's name opening a transliterated person's name is no place
        and persons.get(sp.start, sp.end) <= sp.end
        # "和林格尔新区": a new area set up beside a county is a zone of its own, no part of the county
        and not _names_new_area(text, sp)
    ]


# The party, the advisory conference and the other parties head a place's committee (中共某市委,
# 政协成都市委员会, 民革成都市委员会): LAC reads the whole as one word, the place still starts a name.
_PARTY_BEFORE = re.compile(rf"(?:中共|{PARTY_COMMITTEES}|共青团)$")


_TITLE_VERB_BEFORE = re.compile(r"(?:创建|争创|创成|获评|荣获|入选|评为|获批)$")
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff“”]{2,20}?(?:试点|示范|标杆|先进|优秀|基地|称号)")


def names_a_town(text: str, end: int) -> bool:
    """Whether the short form ending at `end` heads a town's or a village's name (新都桥, not 新都区).

    >>> names_a_town("新都桥园区", 2), names_a_town("新都区", 2)
    (True, False)
    """
    return re.match(r"[桥镇乡村]", text[end : end + 1]) is not None


def _names_new_area(text: str, span: PlaceSpan) -> bool:
    """Whether a county's short form only heads the name of a new area set up beside it (和林格尔新区):
    the area is a zone of its own (SCHEMA.md: development zones are parks), the county is not named.

    >>> t = "行走在和林格尔新区的土地上"
    >>> sp = find_place_spans(t)[0]
    >>> (sp.surface, _names_new_area(t, sp))
    ('和林格尔', True)
    """
    return span.surface != span.division.name and text.startswith("新区", span.end)


def _split_by_word(span: PlaceSpan, reach: dict[int, int]) -> bool:
    """Whether a short form's tail opens a longer word: 和政 in 目录和政务, 四平 in 基层治理四平台.

    A full name may run into a word (九江市政府 reads 九江/市政府); a short form that does is
    two words' pieces, not a place.

    >>> sp = PlaceSpan(2, 4, Division("622925", "和政县", "district", "622900", "和政"), "和政")
    >>> _split_by_word(sp, {2: 3, 3: 5}), _split_by_word(sp, {2: 4, 4: 6})
    (True, False)
    """
    if span.surface == span.division.name:
        return False
    return any(reach.get(i, i) > span.end for i in range(span.start + 1, span.end))


# A place heading a firm's or an outlet's name (福建贝瑞和康医学检验所, 福建云计算运营有限公司)
# says where it is registered; the firm, not the place, is what the sentence is about.
_FIRM_TAIL = re.compile(
    r"(?:公司|集团|股份|检验所|研究所|事务所|设计院|规划院|勘察院|银行|新闻网|日报|晚报|报社|电视台|商会|协会)$|集团|公司"
)
# Universities, hospitals and labs are no agencies (SCHEMA.md): a place heading their names (西安电子科技
# 大学, 青岛海洋科学与技术国家实验室, 江西移动5G实验室) names them, though it is where they act.
_INSTITUTION_TAIL = re.compile(
    r"(?:大学|(?<!科)学院|实验室|医院)$"
)  # an academy of sciences is a public body


def _heads_institution(span: PlaceSpan, firms: dict[int, Word]) -> bool:
    """Whether the place opens a university's, a hospital's or a lab's name (西安电子科技大学).

    >>> sp = find_place_spans("西安电子科技大学")[0]
    >>> _heads_institution(sp, {0: Word("西安电子科技大学", "ORG", 0, 8)}), _heads_institution(sp, {})
    (True, False)
    """
    word = firms.get(span.start)
    return (
        word is not None
        and len(word.text) > span.end - span.start
        and bool(_INSTITUTION_TAIL.search(word.text))
    )


def _inside_firm(span: PlaceSpan, firms: dict[int, Word]) -> bool:
    """Whether the place follows another inside one firm's name (济南历城控股集团): 历城 there is no 历城区.

    >>> sp = find_place_spans("济南历城控股集团签约")[1]
    >>> _inside_firm(sp, {0: Word("济南历城控股集团", "ORG", 0, 8)}), _inside_firm(sp, {0: Word("济南市历城区委", "ORG", 0, 7)})
    (True, False)
    """
    # (looked up by offset, not by scanning every firm of the document: a word is never 80 characters)
    return any(
        start < span.start and span.end < start + len(word.text) and bool(_FIRM_TAIL.search(word.text))
        for start in range(max(0, span.start - 80), span.start)
        if (word := firms.get(start)) is not None and start < span.start < start + len(word.text)
    )


# The ends of a public body's name: a place heading one (临沂市大数据局) still acts.
_BODY_TAIL = re.compile(r"(?:局|委|厅|办|政府|办公室|委员会|中心|院|人大|政协|部|署|处|站|队|所|会|馆)$")


def _heads_firm(span: PlaceSpan, word: Word | None) -> bool:
    """Whether the place opens an organisation's name that is a firm's or an outlet's, not a body's.

    A firm's name ends in 公司, 集团, 日报…; a brand is a place's short form and a syllable or
    two more (阿里巴巴, 阿里云), while a public body's name ends in 局, 委, 中心….

    >>> ali = find_place_spans("阿里")[0]
    >>> _heads_firm(ali, Word("阿里巴巴", "ORG", 0, 4)), _heads_firm(ali, Word("阿里地委", "ORG", 0, 4))
    (True, False)
    >>> _heads_firm(ali, Word("阿里", "ORG", 0, 2)), _heads_firm(ali, Word("阿里", "LOC", 0, 2))
    (True, False)
    """
    if word is None:
        return False
    if len(word.text) <= span.end - span.start:
        # A short form LAC reads as a firm by itself (中国电子、华为、阿里) is the firm's brand.
        return word.text == span.surface and word.tag == "ORG" and span.surface != span.division.name
    brand = (
        word.tag == "ORG"
        and span.division.level != "province"  # 浙江新春第一会: a province's short form opens phrases
        and len(word.text) - len(span.surface) <= 2
        and not _BODY_TAIL.search(word.text)
    )
    return bool(_FIRM_TAIL.search(word.text)) or brand


def _registered_in(text: str, span: PlaceSpan) -> bool:
    """Whether the place stands in brackets inside a firm's name (智旦(福建)网络科技).

    A district in brackets after a development zone is the one the zone is run as one with
    (杭州高新区（滨江）): SCHEMA.md's zone is no place, but the district the text names is.

    >>> text = "智旦(福建)网络科技入驻,(福建)全省,杭州高新区（滨江）数字经济"
    >>> [(s.surface, _registered_in(text, s)) for s in find_place_spans(text)]
    [('福建', True), ('福建', False), ('杭州', False), ('滨江', False)]
    """
    before, after = text[span.start - 2 : span.start], text[span.end : span.end + 2]
    return (
        len(before) == 2
        and before[1] in "(（"
        and after[:1] in ")）"
        and bool(re.match(r"[\u4e00-\u9fff]", before[0]))
        and bool(re.match(r"[)）][\u4e00-\u9fff]", after))
        and not _ZONE_BEFORE.search(text[: span.start - 1])
    )


# A road or street named after a place (江苏路, 四川北路, 北京东路, 深南大道), not a path (江苏路径).
_ROAD_AFTER = re.compile(r"[东西南北中]?(?:路(?![径线子演网])|大道|大街)")
_ZONE_BEFORE = re.compile(r"(?:高新技术产业开发区|高新区|经济技术开发区|经开区|开发区|新区)$")


def _stray_namesake(codes: tuple[str, ...], context: list[Division], gaz: Gazetteer) -> bool:
    """Whether a district name several cities share lies under none of the places the text names.

    新城区 in a 绍兴 text (地标性新城区) is a new town, not 西安's or 呼和浩特's district; a text
    that names no place at all gives no such evidence.

    >>> gaz = load_gazetteer()
    >>> zj = [gaz.get("330000"), gaz.get("330600")]
    >>> _stray_namesake(("150102", "610102"), zj, gaz), _stray_namesake(("150102", "610102"), [], gaz)
    (True, False)
    >>> _stray_namesake(("150102", "610102"), [gaz.get("610000")], gaz)
    False
    """
    if len(codes) < 2 or not context:
        return False
    named = {d.code for d in context if d.level != "country"}
    return all(
        gaz.get(code).level == "district"
        and not ({code} | {a.code for a in gaz.ancestors(gaz.get(code))}) & named
        for code in codes
    )


def _supported(division: Division, context: list[Division], gaz: Gazetteer) -> bool:
    """A bare county or district name (象山) counts only in a document about its city."""
    codes = {d.code for d in context}
    return division.code in codes or any(a.code in codes for a in gaz.ancestors(division)[:1])


_SELF_OF_KIND = {
    "县": ("我县", "全县", "本县"),
    "区": ("我区", "全区", "本区"),
    "市": ("我市", "全市", "本市"),
}


def _spoken_for(division: Division, surface: str, text: str, gaz: Gazetteer) -> bool:
    r"""Whether a document that never names the city is still about the county it calls by its short form.

    A county report may say only 海盐 and 全县: the short form counts when no other division
    has it, the first line or three places in the text name it, and the text speaks as a
    division of its kind (全县 for a 县, 全区 for a 区, 全市 for a county-level 市).

    >>> gaz = load_gazetteer()
    >>> yh = gaz.get("330424")
    >>> _spoken_for(yh, "海盐", "海盐深化改革\n全县推进", gaz), _spoken_for(yh, "海盐", "海盐深化改革\n全市推进", gaz)
    (True, False)
    """
    kind = division.name[-1]
    # (象山 is 宁波's 象山县 and 桂林's 象山区: a text speaking as a county means the county)
    if [d for d in gaz.lookup(surface) if d.name[-1] == kind] != [division]:
        return False
    first_line = text.split("\n", 1)[0]
    # A text that keeps speaking as its kind (区委书记, 区政协, 全区, 县政务办…) needs its short name only twice.
    speaking = len(
        re.findall(
            rf"(?:(?<![\u4e00-\u9fff])|(?<=[和及与]))"
            rf"{kind}(?:委|政府|政协|人大|政务|大数据|数据局|行政审批)|全{kind}|我{kind}",
            text,
        )
    )
    if len(gaz.lookup(surface)) > 1 and speaking < 3:
        return False
    if surface not in first_line and text.count(surface) < (2 if speaking >= 3 else 3):
        return False
    return speaking >= 3 or any(word in text for word in _SELF_OF_KIND.get(kind, ()))


# What may follow a county-level unit's short form inside one LAC word that is still that unit:
# a zone it heads (昆山高新区), never a word it only begins (长阳光伏, 鄱阳湖).
_PLACE_WORD_TAIL = re.compile(r"(?:高新区|开发区|经开区|综保区|新区)$")
# ...and the public bodies and associations it heads (长阳电子商务协会, 江津区委); a centre, a firm
# or a brand it heads (鄱阳湖智算中心, 秦淮数据) may be named after a lake or lie anywhere.
_OWN_BODY_TAIL = re.compile(r"(?:委员会|协会|商会|联合会|局|委|办|政府|人大|政协)$")
# A title is a short first line; a long one is the text's first sentence.
_TITLE_LENGTH = 40


def _bare_self(kind: str) -> str:
    r"""Return a pattern for a text speaking as a division of `kind`: 我县, 全县, 县委 opening a clause.

    A post in its body (会议上县委书记耿振华) speaks as well, whatever stands before it.

    >>> [bool(re.search(_bare_self("县"), t)) for t in ("会议上县委书记说", ",县政府推进", "中共某县委")]
    [True, True, False]
    """
    return (
        rf"(?:(?<![\u4e00-\u9fff])|(?<=[{_GOVERNS}]))(?:{kind}委|{kind}(?:人民)?政府)|{kind}委(?:副?书记|常委)|"
        + "|".join(_SELF_OF_KIND[kind])
    )


def _named_alone(
    division: Division,
    surface: str,
    text: str,
    gaz: Gazetteer,
    context: Sequence[Division] = (),
) -> bool:
    r"""Whether a county-level unit's short form (昆山, 云阳, 长阳) names it in a text that names no city above it.

    A county's or a county-level city's own news often calls it by its short form only and
    never names its city. The form counts when no other division has it and either it is
    followed by its level (芷江县 for 芷江侗族自治县), or the title names it, or the text speaks
    as a division of its kind (我县, 县委书记, 全市) and names no division but the unit's own
    province or city (a 重庆 report's 全市 is not 仙桃's; a 歙县 report's 蓝田 is a village).
    In the last two cases LAC must read a mention as a place: the word itself tagged LOC
    (推动云阳经济社会发展), or the head of a zone's or a body's name (昆山高新区, 长阳电子商务协会),
    not of a centre, a brand (鄱阳湖智算中心, 秦淮数据) or a longer word (长阳光伏). Short forms
    that are common words (和平, 新华) never reach here: they are unsafe surfaces (gazetteer.py).

    >>> gaz = load_gazetteer()
    >>> yy, cy = gaz.get("500235"), gaz.get("420528")
    >>> _named_alone(yy, "云阳", "县委书记调研。\n为推动云阳经济社会高质量发展注入动力", gaz)
    True
    >>> _named_alone(yy, "云阳", "调研。\n为推动云阳经济社会高质量发展注入动力", gaz)
    False
    >>> _named_alone(cy, "长阳", "长阳光伏产业发展\n全县推进", gaz), _named_alone(cy, "长阳", "据悉,长阳县推进", gaz)
    (False, True)
    """
    if not gaz.is_short_form(surface) or not _only_one(division, surface, context, gaz):
        return False
    kind = division.name[-1]
    if kind not in _SELF_OF_KIND:
        return False
    # 县长 after 长阳县 opens a title, not the county's name: the same tails as for 歙县 apply.
    if any(not _TITLE_TAIL.match(text, m.end()) for m in re.finditer(surface + kind, text)):
        return True
    first_line = text.split("\n", 1)[0]
    if surface in first_line and len(first_line) <= _TITLE_LENGTH and _reads_as_place(surface, first_line):
        return True
    bare = _bare_self(kind)
    ancestors = {a.code for a in gaz.ancestors(division)}
    if not re.search(bare, text) or any(d.code not in ancestors | {division.code} for d in context):
        return False
    return any(_reads_as_place(surface, s.text) for s in split_sentences(text) if surface in s.text)


def _full_name_as_place(division: Division, surface: str, text: str, gaz: Gazetteer) -> bool:
    """Whether a two-character full name (威县, 成县) is read by LAC as a place word of its own.

    >>> gaz = load_gazetteer()
    >>> wx = gaz.lookup("威县")[0]
    >>> _full_name_as_place(wx, "威县", "记者从在威县召开的现场会上获悉", gaz)
    True
    >>> fx = gaz.lookup("范县")[0]
    >>> _full_name_as_place(fx, "范县", "电子商务进农村综合示范县", gaz)
    False
    """
    if surface != division.name or len(gaz.lookup(surface)) != 1:
        return False
    return any(
        w.text == surface and w.tag == "LOC" and not _LEVELS_AFTER.match(s.text, w.end)
        for s in split_sentences(text)
        if surface in s.text
        for w in segment(s.text)
    )


# A body or a level right before 和县 (市政务办和县委, 市和县两级): 和 joins it to the county's own body.
_JOINED_BODY = re.compile(r"(?:[办局委府厅部室院组所站]|[省市州区乡镇]级?|中心|单位|部门)$")
# Levels 县 pairs with (县镇, 县乡, 县区, 县市) or ends (县级, 县域): 县 then names no county of its own.
_LEVEL_PAIR = re.compile(r"[镇乡区市级域城]")
# "市级和县(市、区)级试点": 县 before (市、区) names a level, and the 和 before it joins levels.
_LEVELS_AFTER = re.compile(r"[(（][市区]")


def _starts_word(surface: str, text: str) -> bool:
    """Return whether some LAC word of the sentences naming `surface` starts with it.

    >>> _starts_word("歙县", "歙县作为试点县"), _starts_word("范县", "电子商务进农村综合示范县")
    (True, False)
    """
    return any(
        w.text.startswith(surface)
        for s in split_sentences(text)
        if surface in s.text
        for w in segment(s.text)
    )


def _only_one(division: Division, surface: str, context: Sequence[Division], gaz: Gazetteer) -> bool:
    """Return whether `division` is the one division of this form, or the one in a province the text names.

    >>> gaz = load_gazetteer()
    >>> nt = gaz.get("320612")
    >>> _only_one(nt, "通州", [], gaz), _only_one(nt, "通州", [gaz.get("320000")], gaz)
    (False, True)
    """
    candidates = gaz.lookup(surface)
    if len(candidates) == 1:
        return True
    named = {d.code for d in context if d.level != "country"}
    inside = [d for d in candidates if any(a.code in named for a in gaz.ancestors(d))]
    return inside == [division]


def _reads_as_place(surface: str, sentence: str) -> bool:
    """Return whether LAC reads `surface` in `sentence` as a place, or as the head of a zone's or body's name.

    >>> _reads_as_place("昆山", "昆山“一网通办”改革再提速"), _reads_as_place("长阳", "长阳光伏产业发展")
    (True, False)

    A word of its own that a verb follows is the one who does something (…县建设寿光入选):

    >>> _reads_as_place("寿光", "2024年县域数字农业发展县建设寿光入选"), _reads_as_place("太仓", "来源:太仓日报")
    (True, True)
    """
    words = segment(sentence)
    for k, word in enumerate(words):
        if not word.text.startswith(surface):
            continue
        rest = word.text[len(surface) :]
        if not rest and word.tag in ("n", "nz", "PER") and k + 1 < len(words) and words[k + 1].tag == "v":
            return True
        if word.tag == "LOC" and (not rest or _PLACE_WORD_TAIL.search(rest)):
            return True
        if word.tag == "ORG" and len(rest) >= 2 and (_OWN_BODY_TAIL.search(rest) or _OUTLET.fullmatch(rest)):
            return True  # 长阳电子商务协会, and a local paper named after its place (来源:太仓日报)
    return False


# 县长 after 代县 (县政府代县长): the name's last character opens a title or a word, no place.
_TITLE_TAIL = re.compile(r"[长级域城情]")


def _heads_own_body(division: Division, surface: str, text: str, gaz: Gazetteer) -> bool:
    """Whether a two-character full name (歙县) is the county a document speaks for.

    A full name of two characters may be a word's tail (成县 in 建成县域, which the word-start
    check drops later), so alone it proves little; it counts when it heads its own party or
    government body (中共歙县县委) or when the text speaks as a division of its kind through
    bare bodies (县委常委, 全县): SCHEMA.md lists a place the text names as an actor.

    >>> gaz = load_gazetteer()
    >>> sx = gaz.get("341021")
    >>> _heads_own_body(sx, "歙县", "来源:中共歙县县委宣传部", gaz), _heads_own_body(sx, "歙县", "歙县作为试点", gaz)
    (True, False)
    >>> _heads_own_body(sx, "歙县", "县委常委调研。歙县作为试点县", gaz)
    True
    """
    if gaz.is_short_form(surface) or len(gaz.lookup(surface)) != 1:
        return False
    kind = division.name[-1]
    if kind not in _SELF_OF_KIND:
        return False
    own = rf"中共{surface}|{surface}{kind}?(?:{kind}委|{kind}政府|人民政府|{kind}人大|{kind}政协)"
    bare = _bare_self(kind)
    return bool(re.search(own, text) or re.search(bare, text))


def _outside_names(title: str, body: str = "") -> str:
    """Return the title without the names it quotes and the parks it names (…国家高新区).

    A name the body quotes is a name in the title too, quoted or not: a headline drops the
    quotes (辽宁第一湖!… over a text that calls the park “辽宁第一湖”).

    >>> _outside_names("“四川数据要素产业园”授牌暨德阳市签约"), _outside_names("秀洲国家高新区调研数字经济")
    ('授牌暨德阳市签约', '调研数字经济')
    >>> _outside_names("辽宁第一湖!华录数据湖产业园开工", "项目是“辽宁第一湖”。")
    '!华录数据湖产业园开工'
    """
    for start, end in sorted(_name_ranges(title), reverse=True):
        title = title[:start] + title[end:]
    for name in sorted({m.group(1) for m in re.finditer(r"“([^”]{2,30})”", body)}, key=len, reverse=True):
        title = title.replace(name, "")
    return _PARK_NAME.sub("", title)


# A division's short form heading a development zone's name (秀洲国家高新区, 滨江经开区) names the zone, which
# SCHEMA.md says is no place; 浦东新区 and 滨海新区 are districts, so 新区 is left out.
_PARK_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,4}(?:国家级?)?(?:高新技术产业开发区|高新区|经济技术开发区|经开区|开发区)"
)


_DATE_LINE = re.compile(
    r"\s*[\d〇零一二三四五六七八九]{4}\s*年\s*[\d〇一二三四五六七八九十]{1,2}\s*月(?:\s*[\d〇一二三四五六七八九十]{1,3}\s*日)?\s*"
)


def _signature(text: str) -> tuple[int, int]:
    r"""Return where the closing signature stands: a short line with no sentence in it, above a date.

    >>> text = "现答复如下:……\n临沂市大数据局\n2021年6月30日\n"
    >>> start, end = _signature(text); text[start:end]
    '临沂市大数据局'
    >>> _signature("全市推进改革。\n临沂市建成平台。")
    (0, 0)
    """
    lines = text.rstrip().split("\n")
    if len(lines) < 3 or not _DATE_LINE.fullmatch(lines[-1]):
        return (0, 0)
    line = lines[-2].strip()
    if not line or len(line) > 30 or re.search(r"[,，。;；:：!！?？]", line):
        return (0, 0)
    end = len(text.rstrip()) - len(lines[-1]) - 1
    return (end - len(lines[-2]), end)


def _lists_places(
    text: str, quoted: tuple[int, int], chosen: Sequence[tuple[int, int, str, tuple[str, ...]]]
) -> bool:
    """Whether a quoted phrase is an enumeration with a division in each item (“鲁东烟台、鲁南枣庄”).

    Such a layout names its divisions one by one (SCHEMA.md: an enumeration of divisions gives one
    place each); it is no proper name they hide in.

    >>> text = "形成“鲁东烟台、鲁南枣庄”的格局,打造“数字烟台”"
    >>> chosen = [(4, 6, "烟台", ("370600",)), (9, 11, "枣庄", ("370400",)), (21, 23, "烟台", ("370600",))]
    >>> _lists_places(text, (2, 12), chosen), _lists_places(text, (18, 24), chosen)
    (True, False)
    """
    start, end = quoted
    if text[start] not in '“"':
        return False
    items, at = [], start + 1
    for part in re.split(r"[、,，]", text[start + 1 : end - 1]):
        items.append((at, at + len(part)))
        at += len(part) + 1
    return len(items) >= 2 and all(any(a <= s and e <= b for s, e, _, _ in chosen) for a, b in items)


def _name_ranges(text: str) -> list[tuple[int, int]]:
    """Return where the text names something in 《》 or “”, and where it repeats a quoted name bare.

    A headline or a later line drops the quotes of a name the text quotes once (辽宁第一湖!…
    over “辽宁第一湖”); the place inside it is still part of that name (SCHEMA.md v2).

    >>> text = '辽宁第一湖!项目是“辽宁第一湖”,入选省"乐购辽宁"工程'
    >>> [text[a:b] for a, b in _name_ranges(text)]
    ['“辽宁第一湖”', '"乐购辽宁"', '辽宁第一湖']
    """
    # Straight quotes pair up as curly ones do when nothing but a name stands between them ("乐购辽宁").
    found = [m.span() for m in re.finditer(r'《[^》]{1,80}》|“[^”]{1,30}”|"[^"\n,，。;；:：]{1,30}"', text)]
    quoted = {text[a + 1 : b - 1] for a, b in found if text[a] in '“"' and b - a >= 6}
    for name in quoted:
        before = Intervals(found)
        found += [m.span() for m in re.finditer(re.escape(name), text) if not before.covers(m.start())]
    return found


_SITE_OWNER = re.compile(r"主办单位[:：]\s*([^\s|,，。;；]{2,30})|([^\s|,，。;；:：]{2,30}?)版权所有")


def subject_places(
    text: str, spans: list[PlaceSpan], *, title: str | None = None, source: str | None = None
) -> tuple[Division, ...]:
    """Return the place(s) a document is mainly about: the most named division of the level it speaks as.

    A document that says 我区 is about a district, 我市 about a city; a national document
    (few local names, no 我市/我区) has none. Well-known local brands vote where names are missing.
    The stated source (来源:岳阳楼区政府门户网站) votes once, as a city's own outlet does.
    """
    gaz = load_gazetteer()
    votes: dict[str, float] = defaultdict(float)
    # A site's footer (主办单位:达州市人民政府办公室, 达州市人民政府版权所有) says whose page it is, as a
    # stated source does.
    owner_spans = find_place_spans(
        " ".join(m.group(1) or m.group(2) for m in _SITE_OWNER.finditer(text)), gazetteer=gaz
    )
    source_spans = find_place_spans(source or "", gazetteer=gaz) + owner_spans
    for span in source_spans:
        if span.division.level != "country" and span.surface not in _GROUPS:
            votes[span.division.code] += 1.0
    headline = _outside_names(title or "", text)
    signed = _signature(text)
    carried = 0.0
    for span, after in zip(spans, [*spans[1:], None], strict=False):  # empty spans: no pairs
        if span.division.level == "country" or span.surface in _GROUPS:
            continue
        # A place the title names on its own is what the text is about; one the title names only
        # inside a park's or a brand's name (秀洲国家高新区, “四川数据要素产业园”) only locates that thing.
        if span.in_name and _names_new_area(text, span):
            continue  # 和林格尔新区: a zone of its own, which does not name the county
        if span.in_name:
            # A city's own outlet (福州日报记者, 福州新闻网讯) reports on that city; a national paper's
            # dateline (本报哈尔滨讯) only names its bureau, and other names (a firm's, a park's) a thing.
            weight = 1.0 if _OUTLET.match(text[span.end :]) else 0.5
        else:
            # The body that signs a reply or a report (临沂市大数据局 above the date) is its author.
            named = (headline and span.surface in headline) or signed[0] <= span.start < signed[1]
            weight = 3.0 if named else 1.0
        weight, carried = max(weight, carried), 0.0
        if _AWAY_OUTLET.match(text, span.end):
            continue  # "深圳特区报驻穗记者", "深圳市委机关报": a paper's home, reporting from elsewhere
        if _yardstick(text, span):
            weight *= (
                0.25  # "益阳市首例", "位列益阳第一方阵", "受到益阳市数据局通报表扬": the level above ranks it
            )
        if _in_slogan(text, span):
            weight *= (
                0.5  # “链上大合肥、融入长三角、牵手大上海”: places a slogan reaches for, not its speaker
            )
        if _VISITING.match(text, span.end):
            continue  # 汶川县县长一行来我县考察: the visitor's place, named in the title, is not the host
        if _JOINED_BY.search(text, max(0, span.start - 24), span.start):
            continue  # "联合上海、浙江、安徽…部门": the places a subject joins forces with, not the subject
        if _COMPARED_FROM.search(text, max(0, span.start - 20), span.start) and _COMPARED_TO.match(
            text, span.end
        ):
            continue  # "与辽宁省、吉林省相比,我省…": the places a subject measures itself against
        # A division right before one of its own (江西九江, 绍兴市越城区) only says where that one lies:
        # the chain names its last place, with the weight its head would have had.
        if (
            after is not None
            and after.start == span.end
            and span.division in load_gazetteer().ancestors(after.division)
        ):
            carried = weight
            continue
        votes[span.division.code] += weight
    # "该旗围绕羊产业做文章": the text goes on about the last division of that kind it named.
    for m in _ANAPHOR.finditer(text):
        earlier = [sp for sp in spans if sp.end <= m.start() and sp.division.name.endswith(m.group(1))]
        if earlier:
            votes[earlier[-1].division.code] += 1.0
    for name, code in place_hints().items():
        if name in text and code in gaz:
            # A province's app (浙里办) is used in each of its cities: it says where, not which level.
            votes[code] += text.count(name) * (0.5 if gaz.get(code).level == "province" else 1.0)
    if not votes:
        return ()
    # 我市/本区 is the document speaking of itself; 全省/全市 also frames ranks and shares of the
    # level above ("位居全省第二" in a city's report), so it counts half. On a tie the lower level
    # speaks: a district's report cites its city's 全市 more often than a city's cites 全区.
    self_words: Counter[str] = Counter()
    mine: Counter[str] = Counter()  # 我市/本市 alone: the text naming itself, never a scope
    bare: Counter[str] = Counter()  # 县政府, 区大数据局: its own bodies named by level alone
    for m in _LOCAL_SELF.finditer(text):
        if m.group(1)[0] == "全" and scopes_title(text, m.end()):
            continue  # 蝉联全省“县域经济发展先进县”: the county's title, not the province speaking
        if m.group(1)[0] == "全" and (
            _STANDING_AFTER.match(text, m.end())
            or _AWARDED_BEFORE.search(text, max(0, m.start() - 16), m.start())
        ):
            continue  # 全省首创, 获全省第13, 被评选为全省…成果: a standing among the level's places
        if m.group(1)[0] == "全" and (
            _FOLLOWING.search(text, max(0, m.start() - 2), m.start())
            or _SHARE_BEFORE.search(text, max(0, m.start() - 3), m.start())
            or _SHARE_AFTER.match(text, m.end())
        ):
            continue  # 按照全省通用目录, 根据全市统一部署: the level above sets the rule the text follows
        level_word = {"州": "市", "盟": "市"}.get(m.group(1)[1], m.group(1)[1])
        self_words[level_word] += 1 if m.group(1)[0] == "全" else 2
        mine[level_word] += m.group(1)[0] != "全"
    for m in _BARE_BODY.finditer(text):
        if m.group(1) == "省" and _SUPERIOR_ORDER.match(text, m.start()):
            continue  # a county's "落实省委、省政府关于…的决策部署": the province above gives orders, not speaks
        if not (m.group(1) == "省" and _POST.match(text, m.end())):
            self_words[m.group(1)] += 1
            bare[m.group(1)] += 1
    # A region's own text calls it bare 自治区 (自治区人民政府, 自治区电子政务外网) as a province's says 省.
    self_words["省"] += len(re.findall(r"(?:^|(?<=[\s,，、。;；:：“(（]))自治区(?!成立)", text))
    if not self_words["省"]:
        del self_words["省"]
    speaks_as = {"区": "district", "县": "district", "市": "prefecture", "省": "province"}
    lowest_first = "区县市省"
    spoken = sorted(self_words.items(), key=lambda kv: (-kv[1], lowest_first.index(kv[0])))
    # One 全省 alone frames a scope (汇聚全省的数据, 位居全省第一) more often than it speaks as the province.
    # A county's or a district's own body named bare (在县政务服务中心设立…) speaks as it even once, when
    # nothing else in the text speaks as any level.
    alone = len(spoken) == 1 and spoken[0][0] in "县区" and bare[spoken[0][0]] >= 1
    level = speaks_as.get(spoken[0][0]) if spoken and (spoken[0][1] >= 2 or alone) else None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    regions = [code for code, _ in ranked if gaz.get(code).name.endswith("自治区")]
    if (
        level == "district"
        and regions
        and (
            regions[0] == ranked[0][0]
            or re.search(r"(?<![\u4e00-\u9fff])自治区", text)
            # (or names no district whose 全区 it could be: 拉萨市 in a 西藏 white paper's 全区GDP)
            or not any(gaz.get(code).level == "district" for code in votes)
        )
    ):
        level = "province"  # 我区 in a 西藏自治区 report, which calls itself 自治区, is the region
    best_code, best = ranked[0]
    if level is not None:
        fitting = [(code, n) for code, n in ranked if _fits(gaz.get(code), level)]
        holders = {a.code for code in votes for a in gaz.ancestors(gaz.get(code)) if a.level == "province"}
        only_province = not (self_words["市"] or self_words["县"] or self_words["区"])
        if (
            level == "province"
            and not fitting
            and mine["省"]
            and only_province
            and best <= 3
            and len(holders) == 1
        ):
            # "我省…省委、省政府…" naming one of its cities in passing (恩施市 three times) and never itself:
            # the province they lie in (a county named six times, 余庆县, is its own story)
            fitting = [(holders.pop(), best)]
            votes[fitting[0][0]] = best  # (it speaks as often as its city is named, for `enough` below)
        if level == "province":
            # A province's own reply names its cities at work (南京市、苏州市、扬州市数据局) and another
            # province once or twice where it went to learn: its cities' names speak for it too.
            fitting.sort(key=lambda kv: -(kv[1] + 0.5 * _named_within(gaz.get(kv[0]), votes, gaz)))
        # A text that calls itself 我省 twice and names one province, if only in a cited title
        # (《河南省数字经济促进条例》), is that province's, however often it names its cities.
        speaks_for_one = len(fitting) == 1 and mine[spoken[0][0]] >= 2
        # A text that speaks as 区 again and again (区委, 区政府, 全区) and names one district, under the
        # city it names more (来源:南京市雨花台区电台 on a page filed under 南京), is that district's.
        within = (
            len(fitting) == 1
            and spoken[0][1] >= 4
            and bare[spoken[0][0]] >= 2  # its own bodies named bare; 全区 alone may be a region's share
            and gaz.get(best_code) in gaz.ancestors(gaz.get(fitting[0][0]))
        )
        top = gaz.get(best_code)
        # (a municipality says 全市 itself: a city elsewhere it names in passing, 仙桃数据谷's 仙桃, is not it)
        beyond = (
            bool(fitting)
            and _fits_municipality(top, level)
            and top not in gaz.ancestors(gaz.get(fitting[0][0]))
        )
        if fitting and (
            fitting[0][1] * 2 >= best or (top.level == "province" and not beyond) or speaks_for_one or within
        ):
            best_code, best = fitting[0]
    if level == "province" and len(re.findall(r"该市", text)) >= 2:
        # A provincial paper's story (我省…) about one of its cities calls that city 该市: the city it
        # names most is what the story is about, the province only the paper's voice.
        province = gaz.get(best_code)
        cities = [
            (code, n)
            for code, n in ranked
            if n >= 2 and gaz.get(code).level == "prefecture" and province in gaz.ancestors(gaz.get(code))
        ]
        if cities:
            (best_code, best), level = cities[0], "prefecture"

    def enough(division: Division, *, chain: bool = False) -> bool:
        # A document that speaks as 我市 needs one naming of a city; otherwise two are wanted, and in
        # the end a district named once under its city named once (武汉…东西湖) is named twice.
        n = votes[division.code]
        if chain:
            n += sum(votes.get(a.code, 0.0) for a in gaz.ancestors(division))
        if level is None or not (_fits(division, level) or _fits_municipality(division, level)):
            # A text that names one place only and speaks once as a division of its kind (县委书记
            # 调研…推动云阳发展) is that place's own news, though one 县委 sets no level above.
            alone = all(code == division.code for code in votes)
            kind = division.name[-1]
            return n >= 2 or (
                alone
                and n > 0
                and kind in _SELF_OF_KIND
                # (or calls its own bodies by their level: "作为区级行政审批主管部门")
                and bool(
                    re.search(_bare_self(kind), text)
                    # (or names its own bodies by their level alone: "2017年,市政务中心各窗口…")
                    or any(m.group(1) == kind for m in _BARE_BODY.finditer(text))
                    or re.search(
                        rf"(?<![州市省县区乡镇]){kind}级[\u4e00-\u9fff]{{0,6}}(?:部门|单位|机关)", text
                    )
                    # (or opens on its own government's body, the text's topic: "通化市人民政府政务大厅于…启动")
                    or re.match(rf"\s*(?:\S{{0,4}}\n\s*)?{re.escape(division.name)}(?:人民政府|政府)", text)
                )
            )
        # ...and when it names no other city, its one city named inside a title (《湘潭市…办法》) will do.
        sole = not any(_fits(gaz.get(code), level) for code in votes if code != division.code)
        return n >= 1 or (sole and n > 0)

    # A local paper's story (来源:遵义日报) headed by its own place (遵义市…居贵州全省市(州)第一) is about
    # that place, named most, whatever level the 全省 of its rankings speaks as.
    home = [sp.division for sp in source_spans if _OUTLET.match(source or "", sp.end)]
    headed = find_place_spans(title or "", gazetteer=gaz)
    speaks_itself = bool(spoken) and mine[spoken[0][0]] > 0  # 我省/本省: the text's own voice, not a scope
    if (
        home
        and headed
        and headed[0].start == 0
        and home[0] == headed[0].division
        and ranked[0][0] == home[0].code
        and not speaks_itself
    ):
        best_code, best = home[0].code, ranked[0][1]
    chosen = gaz.get(best_code)
    parent = next(iter(gaz.ancestors(chosen)), None)
    if (
        level == "prefecture"
        and chosen.level == "district"
        and parent is not None
        and parent.level == "prefecture"
    ):
        # A text speaking as a city whose most named place is one of that city's districts or counties:
        around = [votes[c] for c in votes if c != chosen.code and parent in gaz.ancestors(gaz.get(c))[:1]]
        # 市委、市政府 in a text that names two places of 防城港 once each (东兴市, 港口区) and 防城港 in a
        # cited title: the city speaks of where its work was tried, as a county-level city would not;
        tried = parent.code in votes and bool(around) and votes[chosen.code] <= 1.0
        # 我市 in a text that names eight counties of 安康 and never the city: the one county-level 市
        # among them (旬阳市) is one of the places the city lists, not the voice, unless it leads them.
        listed = len(around) >= 3 and not _leads(votes[chosen.code], around)
        if tried or listed:
            votes[parent.code] += _named_within(parent, votes, gaz)  # its places named speak for it
            chosen, best = parent, votes[parent.code]
    narrower = _narrowest(chosen, best, ranked, level, gaz)
    # A district named once does not take a city named twice down with it (连云港市…连云区).
    division = narrower if enough(narrower) or not enough(chosen) else chosen
    # A text that speaks as no level and names three or more siblings under a division it also names
    # (广东省…支持广州、深圳、佛山、清远…) is that division's: it speaks of its own places in turn.
    if level is None:
        above = [a for a in gaz.ancestors(division) if votes.get(a.code, 0.0) > 0 and a.level != "country"]
        if above:
            siblings = {
                code
                for code in votes
                if gaz.get(code).level == division.level and above[0] in gaz.ancestors(gaz.get(code))
            }
            # ...unless one of them is named far more than the rest (密云区 three times, its neighbours
            # 怀柔、延庆 once each as partners): then the text is that one's, naming whom it works with.
            others = [votes[c] for c in siblings if c != division.code]
            # (...or the page is its own site's, 主办单位:达州市人民政府办公室: the city's page on a list it made)
            hosted = any(sp.division == division for sp in owner_spans)
            if len(siblings) >= 3 and not _leads(votes[division.code], others) and not hosted:
                division = above[0]
    best = votes[division.code]
    # A commentary on the whole country names many places in passing: none of them is its subject.
    # (全国 ranking the text's place among the country's, 位列全国第35位, or a name's 中国 is no national voice)
    country = sum(
        1
        for span in spans
        if span.division.level == "country"
        and not span.in_name
        and not (span.surface == "全国" and _STANDING_AFTER.match(text, span.end))
    )
    # "已与江苏、河南、山西、山东、湖南5省7市建立合作关系": partners listed after 与 say nothing of the
    # text's reach; they neither make it national nor stop it being one city's own
    partner_runs = [m.span(1) for m in _PARTNER_LIST.finditer(text)]
    partners = {sp.division.code for sp in spans if any(a <= sp.start < b for a, b in partner_runs)} - {
        sp.division.code for sp in spans if not any(a <= sp.start < b for a, b in partner_runs)
    }
    provinces = {
        ([d, *gaz.ancestors(d)][-2] if gaz.ancestors(d) else d).code
        for d in map(gaz.get, votes)
        if d.code not in partners
    }
    national = country > best and (best < 0.2 * sum(votes.values()) or len(provinces) >= 5)
    # ...unless it speaks as the one division of its level it names (我市…淄博 with its counties'
    # 全国…试点县 titles): titles of the country's lists name 全国, the text is still the city's own.
    own = (
        level is not None
        and _fits(division, level)
        and spoken[0][1] >= 4
        and not any(_fits(gaz.get(code), level) for code in votes if code != division.code)
        # (every place it names lies in that division or above it: 山东省, 高青县, 沂源县)
        and all(
            division in [gaz.get(code), *gaz.ancestors(gaz.get(code))]
            or gaz.get(code) in gaz.ancestors(division)
            or code in partners
            for code in votes
        )
    )
    national = national and not own
    if enough(division, chain=True) and not national:
        return (division,)
    # A text that keeps speaking as a city (全市…, 市委常委) and names no city, only places of one city
    # below it (南郑区政府…), is that city's: its places lie in it.
    if level is not None and spoken[0][1] >= 3 and not national:
        # (a municipality holds its districts as a city does: 滨海新区作为我市…的主要载体 is 天津市's)
        holders = {
            a.code
            for code in votes
            for a in (gaz.get(code), *gaz.ancestors(gaz.get(code)))
            if (a.level == level or _fits_municipality(a, level)) and a.code != code
        }
        named_level = [code for code in votes if gaz.get(code).level == level]
        if len(holders) == 1 and not named_level:
            return (gaz.get(holders.pop()),)
    return ()


# 全省/全市 heading an award, a pilot or a rank in the same phrase (全省城市更新试点县, 全市第一) scopes
# the title a place holds; it does not say which level the text speaks as.
_RANKED_IN = re.compile(
    r"[^,，。;；、:：\n]{0,16}?(?:试点|示范|先进|百强|十强|十佳|优秀|标杆|第[一二三四五六七八九十\d]|前[三五十]|首位|首批|唯一|前列)"
)


def _leads(named: float, others: list[float]) -> bool:
    """Whether a place named `named` times leads its siblings named `others` times: three times at least
    and two and a half times any of them (密云区 three times beside 怀柔、延庆 once each).

    >>> _leads(3, [1, 1]), _leads(3, [2]), _leads(2, [])
    (True, False, False)
    """
    return named >= 3 and all(named >= 2.5 * n for n in others)


def _named_within(division: Division, votes: dict[str, float], gaz: Gazetteer) -> float:
    """Return the votes of the places a text names that lie within `division`."""
    return sum(n for code, n in votes.items() if division in gaz.ancestors(gaz.get(code)))


def scopes_title(text: str, end: int) -> bool:
    """Whether the 全省/全市 ending at `end` only scopes an award, a pilot or a rank that follows.

    >>> text = "蝉联全省“县域经济发展先进县”,全省数字经济规模达到1万亿元"
    >>> scopes_title(text, 4), scopes_title(text, text.rfind("全省") + 2)
    (True, False)
    """
    return bool(_RANKED_IN.match(text, end))


# A place whose people come to 我县/我市 (X县县长一行来我县考察, X市代表团莅临我区) is a guest's:
# the text speaks as the host.
_VISITING = re.compile(r"[^。;；!！?？\n]{0,30}?(?:来|到|莅临|赴)(?:我|本)[省市区县]")


def _fits(division: Division, level: str) -> bool:
    # A county-level city (昆山市) says 我市 too; a municipality (上海市) is a province, and 市 in
    # one of its districts' texts is the municipality above, not the district.
    return division.level == level or (
        level == "prefecture" and division.level == "district" and division.name.endswith("市")
    )


def _fits_municipality(division: Division, level: str) -> bool:
    """Whether `division` is a municipality (重庆市) and the text speaks as 我市/全市.

    A municipality is a province, yet its own reports say 我市 as a city's do. It does not fit
    the city level outright: a district's text cites its municipality's 全市 often.
    """
    return level == "prefecture" and division.level == "province" and division.name.endswith("市")


def _narrowest(
    division: Division, votes: float, ranked: list[tuple[str, float]], level: str | None, gaz: Gazetteer
) -> Division:
    """Return the most specific place of a chain the document keeps naming (山东省 → 德州市 → 陵城区).

    A division below the current choice takes over when it alone among its siblings is named
    at least half as often, unless the document speaks as the current choice's level (我市).
    """
    while level is None or not _fits(division, level):
        below = [
            (gaz.get(code), n)
            for code, n in ranked
            if division in gaz.ancestors(gaz.get(code)) and n * 2 >= votes
        ]
        if not below:
            break
        below.sort(key=lambda dn: (-dn[1], -len(gaz.ancestors(dn[0]))))
        top, n = below[0]
        if level is not None and _fits_municipality(division, level) and not _fits(top, level):
            break  # 我市 in a 重庆 report that names 渝北区 once: the municipality speaks, not its district
        rivals = [
            d for d, m in below[1:] if m >= n and top not in gaz.ancestors(d) and d not in gaz.ancestors(top)
        ]
        if rivals:
            break
        division, votes = top, n
    return division


def country_actor_spans(text: str) -> list[tuple[int, int]]:
    """Return spans where the country acts (我国, 党中央, 国务院, 中国 leading a clause)."""
    found = [m.span() for m in _COUNTRY_ACTORS.finditer(text)]
    for m in re.finditer("中国", text):
        before = text[max(0, m.start() - 8) : m.start()]
        clause_head = re.search(r"(^|[,，。;；:：、\n])(截至\d{4}年(底|末)?[,，]?)?$", before)
        acts = re.match(
            r"(网民|互联网|数字经济|经济|GDP|人口|城镇|已|在|的|是|将|正|有|拥有|成为|[,，])", text[m.end() :]
        )
        if clause_head and acts:
            found.append(m.span())
    return sorted(found)
