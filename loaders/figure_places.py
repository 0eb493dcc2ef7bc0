"""The place a figure measures: the last actor named before it in its sentence (SCHEMA.md `metrics`).

Facts of other lists take the acting place of their sentence (loaders/extract.py `place_at`); a figure
needs a narrower reading, because a sentence often names one place as the actor and another inside a
name, a contest or an object: 青白江区依托成都国际铁路港…处理订单约860万单 is 青白江区's figure,
在苏州市数字政府建设考核中位列各县级市第一 is 昆山市's, 全国数字经济规模达到53.9万亿元 the country's.
"""

from __future__ import annotations

import re

from loaders.gazetteer import Gazetteer
from loaders.places import PlaceSpan, names_a_town
from loaders.records import Division

# Words after 全国 that make it a yardstick for a place's standing, not the place measured.
_STANDING = (
    r"[第前首内外各性]|排名|排行|率先|唯一|领先|乃至|同类|百强|一流|示范|试点|标杆|典型|重点|优秀|先进"
)
# 全国 heading a clause ("全国数字经济规模达到53.9万亿元") measures the country; after a rank verb or
# before 第/首/领先 it only frames a place's standing (居全国第一, 全国首个).
_WHOLE_COUNTRY = re.compile(
    r"(?:^|(?<=[,，。;；:：\n]))(?:(?:截至)?\d{4}年(?:底|末|上半年)?[,，]?"
    r"|(?:今年|去年|全年)?(?:上半年|下半年|前三季度|一季度)[,，]?)?(全国)"  # "上半年全国…收入总规模突破10万亿元"
    r"(?!" + _STANDING + ")"
)
# 国务院 opening a clause and acting ("2024年,国务院…分两批推出了21个重点事项") counts the country's
# things; after 落实/对口/按照 it is only whose task or whose counterpart the place's figure is.
_STATE_COUNCIL_ACTS = re.compile(
    r"(?:^|(?<=[,，。;；:：\n]))(?:\d{4}年(?:\d{1,2}月)?[,，]?)?(国务院(?:办公厅)?)"
    r"(?=把|将|推出|印发|出台|部署|确定|发布|公布|批复|提出|决定|先后|分)"
)
# Country actors that measure something; 习近平, 党的二十大 name a doctrine the place studies.
_COUNTRY_MEASURES = ("我国", "中国", "全国", "国家")
# "在苏州市数字政府建设考核中,": a place inside the frame names the contest, not who is measured.
_FRAME = re.compile(r"在[^,，。;；:：在]{5,30}?(?:中|上(?=[,，]))")
_CLAUSE_HEAD = ("", ",", "，", ";", "；", "。", ":", "：", "\n")
# A date or an aim may open a clause before its scope (力争到2025年全省…, 截至2022年底全市…).
_DATED_HEAD = re.compile(
    r"(?:^|[,，;；:：。\n])(?:力争|预计|计划|目标)?(?:到|截至|截止|至)?\d{4}年(?:底|末|上半年)?[,，]?$"
)


_DESTINATION = re.compile(r"(?:直通|直达|直连|通往|连通|通达|辐射|(?<!截)至)$")  # (宁夏至上海…时延15毫秒)
# "占南京市比重近40%、江苏省比重约20%": the place a share is taken of is its denominator, not what it measures
_SHARE_OF = re.compile(r"(?:的)?(?:比重|比例|份额)")


def _heads_clause(text: str, at: int) -> bool:
    """Whether the place at `at` opens its clause, after a date or an aim if one comes first.

    >>> text = "全省将以南昌为核心,力争到2025年全省营收突破1500亿元"
    >>> _heads_clause(text, 0), _heads_clause(text, text.rfind("全省")), _heads_clause(text, 4)
    (True, True, False)
    """
    return text[at - 1 : at] in _CLAUSE_HEAD or bool(_DATED_HEAD.search(text[max(0, at - 16) : at]))


# 全省/全市 before an award's words scopes the award (获评年度全省最佳应用2项), as 全国 before 示范 does
# in _WHOLE_COUNTRY: the place measured is the one that won it.
_AWARD_SCOPE = re.compile(
    r"全[国省市区县](?:最佳|最强|最美|十佳|百佳|优秀|先进|示范|标杆|典型|金奖|银奖|铜奖)"
)


# 全省/全市 before an assessment's name (全省信息经济综合评价得分为103.3) is the field the place named
# before it was assessed in, not the province's own measure.
_ASSESSED_SCOPE = re.compile(r"全[省市区县][^,，;；。:：]{0,12}?(?:评价|评估|考核|测评|排名)")
_HANDED_TO = re.compile(r"(?:转办|转交|转至|推送至?|报送|上报|对接|接入|依托|通过|联通|汇聚到|向)$")
# "作为黑龙江省唯一一个数据共享应用试点市,代理了…": the place a title is unique in scopes the title
_UNIQUE_IN = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:唯一|首个|首家|第一个)")


def _unique_in(text: str, start: int) -> bool:
    """Whether the place at `start`, after 作为, is where the title that follows is unique.

    >>> t = "作为黑龙江省唯一一个数据共享应用试点市,代理了70个省级接口"
    >>> _unique_in(t, 2), _unique_in("作为省会城市,全市建成…", 2)
    (True, False)
    """
    return bool(_UNIQUE_IN.match(text, start))


# A rank given in a place (四川省第1名, 全省排名第三位).
_RANK_IN = re.compile(r"(?:排名|排)?第[一二三四五六七八九十\d]{1,3}(?:[名位]|(?=[,，;；。]))")


def figure_place(
    text: str,
    sentence_start: int,
    position: int,
    *,
    actors: list[tuple[int, int, Division]],
    spans: list[PlaceSpan],
    names: list[tuple[int, int]],
    gazetteer: Gazetteer,
    default: Division,
) -> Division:
    """Return the place a figure at `position` of the document text measures.

    `actors` are the document's acting places (start, end, division) and `spans` its place spans, at
    least those from the start of the full sentence (its last 。) to the figure, and every one before
    a 该区 it holds; `names` the spans of the sentence's project names. A district that opens a project's name is its
    place (郫都区菁蓉镇双创示范基地…共建实验室9个: a platform goes to the division in its own name),
    a parent named after its own district, inside a name or not at a clause's head, does not take the
    district's figures (新吴区依托无锡国家…测试基地,累计建成…), 全国 heading a clause is the country, a
    doctrine (学习贯彻习近平…思想) is no actor, and a place inside 在…中 names a contest. A rank
    written right after a place name (东莞(21位)、佛山(22位)) is that place's.
    """
    # "东莞(21位)、佛山(22位)", "东莞18位": a rank written right after a place name is that place's.
    # (The cheap tests on a span come first: every figure of a document looks at all its spans.)
    ranked = re.match(r"\d{1,3}位", text[position : position + 4]) is not None
    # "高于全国(12个)平均水平": any figure in brackets right after a place is that place's.
    glued = [
        sp.division
        for sp in spans
        if ((ranked and sp.end == position) or (sp.end == position - 1 and text[sp.end] in "(（"))
        and sentence_start <= sp.start
        and not sp.in_name
    ]
    # "其中姑苏区1200个、吴中区1500个": a count written right after a listed place is that place's.
    glued += [
        sp.division
        for sp in spans
        if sp.end == position
        and sentence_start <= sp.start
        and not sp.in_name
        and (text[sp.start - 1 : sp.start] in ("、", ",", "，") or text[sp.start - 2 : sp.start] == "其中")
        # "…26.7个,全国排名第7": 全国 before a rank frames the standing of the place measured
        and not (sp.division.level == "country" and re.match(_STANDING, text[position : position + 2]))
    ]
    if glued:
        return glued[-1]
    respective = _respective_place(text, sentence_start, position, spans)
    if respective is not None:
        return respective
    subject = default
    default = _framing_place(text, sentence_start, actors) or default
    sentence = text[sentence_start:position]
    candidates = [
        (start, place)
        for start, end, place in actors
        if sentence_start <= start < position
        and (place.level != "country" or text[start:end].startswith(_COUNTRY_MEASURES))
    ]
    candidates += [
        (sp.start, sp.division)
        for sp in spans
        if sentence_start <= sp.start < position
        and sp.in_name
        and sp.division.level == "district"
        and not names_a_town(text, sp.end)  # 新都桥园区: a town, not 新都区
        and any(a == sp.start and not listed(text, a, b) for a, b in names)
    ]
    candidates += [
        (sentence_start + m.start(1), gazetteer.country)
        # the words after the figure's start too: "全国排名第7" is a standing, not the country's figure
        for m in _WHOLE_COUNTRY.finditer(text[sentence_start : position + 2])
        if sentence_start + m.start(1) < position
    ]
    candidates += [
        (sentence_start + m.start(1), gazetteer.country)
        for m in _STATE_COUNCIL_ACTS.finditer(text[sentence_start:position])
    ]
    # "克拉玛依市副市长潘瑞介绍,截至目前,该市已建成5G基站460个": 该市 is the last city named before it.
    for m in THAT_PLACE.finditer(text, sentence_start, position):
        earlier = [
            sp
            for sp in spans
            if sp.end <= m.start()
            and sp.surface.endswith(m.group(1))
            and sp.division.name.endswith(m.group(1))  # (杭州 is a 市: 该州 is an autonomous prefecture)
            and sp.division.level in THAT_LEVEL[m.group(1)]
            # ("列全市第2名,仅次于排在榜首的渝北区,这也是该区…": a place compared with is not the one spoken of)
            and not _COMPARED_WITH.search(text, max(0, sp.start - 10), sp.start)
        ]
        if earlier:
            candidates.append((m.start(), earlier[-1].division))
    denominators = {
        sp.start
        for sp in spans
        if sentence_start <= sp.start < position
        and text[sp.start - 1 : sp.start] in ("占", "、")
        and _SHARE_OF.match(text, sp.end)
    }
    frames = [(sentence_start + m.start(), sentence_start + m.end()) for m in _FRAME.finditer(sentence)]
    # A place word inside quotes belongs to a programme's name (“全省一单”事项), not to an actor.
    frames += [
        (sentence_start + m.start(), sentence_start + m.end())
        for m in re.finditer(r"“[^“”]{1,24}”", sentence)
    ]
    candidates = [
        c
        for c in candidates
        if not any(a < c[0] < b for a, b in frames)
        # "光缆直通北京,…时延在5毫秒以内": a place a line runs to is where it ends, not what is measured
        and not _DESTINATION.search(text, max(0, c[0] - 3), c[0])
        and c[0] not in denominators
        and not _AWARD_SCOPE.match(text, c[0])
        and not _ASSESSED_SCOPE.match(text, c[0])
        and not (
            text[max(0, c[0] - 2) : c[0]] == "作为" and c[0] not in denominators and _unique_in(text, c[0])
        )
        # "转办宣城市政府服务热线…835件": a place heading the name of what things are passed on to
        and not (any(a == c[0] for a, _ in names) and _HANDED_TO.search(text, max(0, c[0] - 4), c[0]))
    ]
    # "承德市在北京签订战略合作协议14项", "承德市今日与…单位在北京签订…": a place after 在 where the
    # sentence's acting place signed or met is the venue, not who acted.
    ends = {sp.start: sp.end for sp in spans}
    venues = {
        at
        for at, place in candidates
        if text[at - 1 : at] == "在"
        and _VENUE_VERB.match(text, ends.get(at, at + len(place.name)))
        and any(
            sentence_start <= sp.start < at - 1 and not sp.in_name and sp.division != place for sp in spans
        )
    }
    candidates = [c for c in candidates if c[0] not in venues]
    # "荣获全国第15名,四川省第1名;连续4年…": a place a rank is given in frames a standing, and what the
    # sentence goes on to measure is still its subject's
    candidates = [
        c
        for c in candidates
        if not (
            (rank := _RANK_IN.match(text, ends.get(c[0], c[0] + len(c[1].name)))) is not None
            and rank.end() < position
        )
    ]
    found, found_at = default, -1
    named: list[Division] = []
    for at, place in sorted(candidates, key=lambda c: c[0]):
        aside = any(a <= at < b for a, b in names) or not _heads_clause(text, at)
        if aside and any(place in gazetteer.ancestors(n) for n in named):
            continue
        named.append(place)
        found, found_at = place, at
    # "依托河南省电子政务外网,在全县12个乡镇设立…": a later 全县/全区/全市 of the subject's level, not
    # of the place found, takes the figure back to the subject.
    scope = _OWN_SCOPE.search(text, max(found_at, sentence_start), position)
    if scope and not _in_scope(found, scope.group(1)) and _in_scope(subject, scope.group(1)):
        return subject  # …but 全市 after 潍坊市 is 潍坊市's own
    # "安徽省通信发展…考核得分均位列全省第一": a place ranked among the province's is not the province;
    # the province heading the clause names the contest, and the subject within it is ranked.
    within = _RANKED_WITHIN.search(text, max(sentence_start, position - 12), position + 8)
    if (
        within
        and found.level == {"省": "province", "市": "prefecture"}[within.group(1)]
        and subject is not None
        and found in gazetteer.ancestors(subject)
    ):
        return subject
    return found


# 该省/该市/该区/该县/该州 and the levels of division each points back to (figures read all but 该省).
THAT_LEVEL = {
    "省": ("province",),
    "市": ("prefecture", "district"),
    "区": ("district",),
    "县": ("district",),
    "州": ("prefecture",),
}
THAT_PLACE = re.compile(r"该([市区县州])")
# What a place is measured against (仅次于渝北区, 高于全市平均的…): the other end of a comparison.
_COMPARED_WITH = re.compile(r"(?:仅次于|次于|高于|低于|超过|落后于|领先于)[^,，。;；]{0,8}$")
_RANKED_WITHIN = re.compile(r"全(省|市)[^,，;；。\d]{0,6}?(?:第|排名第?|前)")
# What a place's people do where they went (在北京签订…, 在成都举办…): the place after 在 is a venue.
_VENUE_VERB = re.compile(r"(?:市|省)?(?:签订|签署|签约|举办|举行|召开|开幕|参加|出席|发布)")

# "深圳、广州两市进入前十,分列第三、第四位": ranks shared out in order over the places listed before.
_SHARED_OUT = re.compile(r"(?:分列|分别(?:位列|位居|居于|居|排名|排|列))")


def _respective_place(
    text: str, sentence_start: int, position: int, spans: list[PlaceSpan]
) -> Division | None:
    """Return the k-th of the places listed before 分列/分别位列 for the k-th rank after it, or None.

    The first rank starts at its verb (loaders/metrics.py), the others at their 第.

    >>> from loaders.records import Division
    >>> sz, gz = Division("440300", "深圳市", "prefecture", "440000", "深圳"), Division("440100", "广州市", "prefecture", "440000", "广州")
    >>> t = "深圳、广州两市进入前十,分列第三、第四位"
    >>> spans = [PlaceSpan(0, 2, sz, "深圳"), PlaceSpan(3, 5, gz, "广州")]
    >>> [_respective_place(t, 0, at, spans).name for at in (13, 17)]
    ['深圳市', '广州市']
    """
    # the verb may start inside the cue (列 of 分列)
    at_cue = next(
        (
            c
            for c in _SHARED_OUT.finditer(text, max(sentence_start, position - 2), position + 6)
            if c.start() <= position
        ),
        None,
    )
    before = text[sentence_start : at_cue.end() if at_cue else position]
    cue = next(reversed(list(_SHARED_OUT.finditer(before))), None)
    if cue is None or not re.fullmatch(
        r"(?:第?[\d一二三四五六七八九十]+[位名]?[、和及与])*第?", before[cue.end() :]
    ):
        return None
    k = len(re.findall(r"[、和及与]", before[cue.end() :]))
    run_start = max(before.rfind(c, 0, cue.start()) for c in "。;；") + 1
    named = sorted(
        (
            sp
            for sp in spans
            if sentence_start + run_start <= sp.start < sentence_start + cue.start() and not sp.in_name
        ),
        key=lambda sp: sp.start,
    )
    listed_places = named[-1:]
    for first, second in zip(reversed(named[:-1]), reversed(named[1:]), strict=False):
        if text[first.end : second.start] not in ("、", "和", "与", "及"):
            break
        listed_places.insert(0, first)
    return listed_places[k].division if len(listed_places) > max(k, 1) else None


_OWN_SCOPE = re.compile(
    r"(?:^|(?<=[,，;；:：在])|(?<=目前)|(?<=当前)|(?<=今年)|(?<=去年))(全县|全区|全市|全省)(?![内外第首]|率先|范围内)"
)


def _in_scope(place: Division, scope: str) -> bool:
    """Whether 全县/全区/全市/全省 can be `place` speaking of itself: its level, and for a district-level
    unit its own kind (全市 is a county-level city's, never a county's: 和林格尔县 is no 市).

    >>> from loaders.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> _in_scope(gaz.get("150123"), "全市"), _in_scope(gaz.get("320585"), "全市"), _in_scope(gaz.get("150100"), "全市")
    (False, True, True)
    """
    if place.level not in SCOPE_LEVELS[scope]:
        return False
    return place.level != "district" or scope != "全市" or place.name.endswith("市")


# The levels a place spoken of as a whole (全县, 全市, 全州…) may be.
SCOPE_LEVELS = {
    "全县": ("district",),
    "全区": ("district",),
    "全市": ("prefecture", "district"),
    "全州": ("prefecture",),
    "全盟": ("prefecture",),
    "全省": ("province",),
}


def listed(text: str, start: int, end: int) -> bool:
    """Return whether a name at `start:end` is one item of a list (A、仪征大数据产业园、B等4个园区).

    >>> t = "建成广陵新城软件园、仪征大数据产业园和市高新区"
    >>> listed(t, 10, 17), listed("郫都区菁蓉镇双创示范基地引进", 0, 12)
    (True, False)
    """
    return text[start - 1 : start] in ("、", "和", "及") or text[end : end + 1] in ("、", "和", "及")


def _framing_place(
    text: str, sentence_start: int, actors: list[tuple[int, int, Division]]
) -> Division | None:
    """Return the place a full sentence opens with as its frame ("在数字经济大省浙江,…;…;…。"), which its
    later clauses after a semicolon go on about, or None."""
    head = max(text.rfind("。", 0, sentence_start), text.rfind("\n", 0, sentence_start)) + 1
    if head >= sentence_start or text[head : head + 1] != "在":
        return None
    framing = [
        place
        for start, end, place in actors
        if head < start < head + 24
        and text[end : end + 1] in (",", "，")
        and not re.search(r"[,，;；]", text[head:start])
    ]
    return framing[0] if framing else None


# What joins two names of a list, with any names between them that are not in the gazetteer (雄安新区).
_LISTED = re.compile(r"[、和与及](?:[\u4e00-\u9fff]{2,6}[、和与及])*")


def about_group(text: str, sentence_start: int, position: int, spans: list[PlaceSpan]) -> bool:
    """Return whether the figure at `position` is about a group of places that heads its clause run
    ("北京、上海、广州、深圳构成一线城市,在总指数中占比29%"): SCHEMA.md leaves out facts about an aggregate.

    >>> from loaders.records import Division
    >>> d = Division("110000", "北京市", "province", "100000", "北京")
    >>> t = "北京、上海构成一线城市,占比29%"
    >>> about_group(t, 0, 14, [PlaceSpan(0, 2, d, "北京"), PlaceSpan(3, 5, d, "上海")])
    True
    >>> about_group("与北京、上海合作,建成基站10个", 0, 13, [PlaceSpan(1, 3, d, "北京"), PlaceSpan(4, 6, d, "上海")])
    False
    >>> about_group("国内仅北京、新区和上海3个城市", 0, 11, [PlaceSpan(3, 5, d, "北京"), PlaceSpan(9, 11, d, "上海")])
    True
    >>> about_group("北京、上海率先,其中上海市接入10个", 0, 17, [PlaceSpan(0, 2, d, "北京"), PlaceSpan(3, 5, d, "上海"), PlaceSpan(10, 13, d, "上海市")])
    False
    """
    run_start = max(sentence_start, max(text.rfind(ch, 0, position) for ch in "。;；\n") + 1)
    named = sorted(
        (sp for sp in spans if run_start <= sp.start < position and not sp.in_name), key=lambda sp: sp.start
    )
    if (
        len(named) > 1
        and text[named[-1].end : position] in ("", "共")
        and _LISTED.fullmatch(text[named[-2].end : named[-1].start])
    ):
        return True  # "国内仅深圳、雄安新区和大庆3个城市": the count of the places just listed
    grouped = False
    for first, second in zip(named, named[1:], strict=False):
        head = (
            first.start == run_start
            or text[first.start - 1] in ",，"
            or text[first.start - 2 : first.start] == "其中"
        )
        joined = text[first.end : second.start] in ("、", "和", "与", "及")
        if joined and (head or grouped):
            grouped = True
        elif not joined:
            grouped = False  # "…四市率先探索,其中上海市…1200个": one of them named on its own
    return grouped


def own_scope(text: str, level: str) -> bool:
    """Return whether a clause head in `text` scopes it to a whole place of `level` (全市 for a city):
    the figure is then the subject's, not the district the paragraph spoke of before.

    >>> own_scope("全市数据共享平台累计调用12亿次", "prefecture"), own_scope("新增智能工厂15家", "prefecture")
    (True, False)
    """
    return any(level in SCOPE_LEVELS[m.group(1)] for m in _OWN_SCOPE.finditer(text))
