"""Document → Extraction: every fact with the place it belongs to and the sentence it came from."""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from loaders.actions import ProgrammeHit, with_place
from loaders.agencies import AgencyHit, find_agencies
from loaders.designations import GRANT_VERBS, ends_as_title
from loaders.figure_places import (
    SCOPE_LEVELS,
    THAT_LEVEL,
    THAT_PLACE,
    about_group,
    figure_place,
    own_scope,
)
from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.indicators import indicator_concept, same_measure_words
from loaders.intervals import Intervals
from loaders.metrics import dated_ranking, find_figures, named_board, ranking_year
from loaders.name_phrases import used_as_venue
from loaders.places import (
    PlaceSpan,
    country_actor_spans,
    find_place_spans,
    names_a_town,
    place_hints,
    scopes_title,
    subject_places,
    whole_word_spans,
)
from loaders.policies import find_policies
from loaders.programmes import find_programmes
from loaders.projects import ProjectHit, built_before, clause_before, ends_on_kind, find_projects
from loaders.records import (
    AgencyMention,
    Division,
    Document,
    Evidence,
    Extraction,
    Metric,
    PlaceMention,
    PolicyCitation,
    ProgrammeMention,
    ProjectMention,
    Sentence,
)
from loaders.script import restored, traditional
from loaders.service_apps import service_apps
from loaders.slogans import has_slogan_shape
from loaders.targets import (
    document_years,
    figure_year,
    goal_frame,
    leads_plan,
    paragraph_year,
    plans_ahead,
    section_plans,
    titled_plan,
)
from loaders.words import segment, segment_many

_SMALL_COUNT_UNITS = {"个", "家", "项", "位", "名", "年", "届", "期"}


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    place: Division


class _Context:
    """What the extractor knows about a document while it reads its sentences."""

    def __init__(self, document: Document, gazetteer: Gazetteer) -> None:
        self.document = document
        self.gazetteer = gazetteer
        segment_many([s.text for s in document.sentences])  # tag all sentences in one batch, cached
        spans = whole_word_spans(
            document.text, find_place_spans(document.text, gazetteer=gazetteer), document.sentences
        )
        self.projects = {s.index: find_projects(s.text) for s in document.sentences}
        names = [
            (s.start + p.start, s.start + p.end) for s in document.sentences for p in self.projects[s.index]
        ]
        inside, heads = Intervals(names), {a for a, b in names if b > a}
        self.spans = [
            PlaceSpan(sp.start, sp.end, sp.division, sp.surface, True)
            if inside.strictly_covers(sp.start)
            # A place named in full at the head of a name still acts (红谷滩区政务服务中心办件量…), as
            # a city's short form does (郑州数据交易中心交易额); a district's or a province's short
            # form there only names the thing (仪征大数据产业园 is 扬州市's; 上海招商推介会, held by
            # 哈尔滨 in 上海, is 哈尔滨's).
            or (
                sp.start in heads
                and not (sp.division.level == "prefecture" or sp.surface == sp.division.name)
            )
            else sp
            for sp in spans
        ]
        # SCHEMA.md v2: a division named only at the head of a project's name (鹿泉区国际数字经济产业园)
        # or inside a programme's (湖南省工业互联网试点平台) is not listed, though it may still act for
        # what the sentence says; programme names are added as they are found.
        self.name_heads = {a for a, _ in names}
        self.subjects = subject_places(
            document.text, self.spans, title=document.title, source=document.source
        )
        self.default = self.subjects[0] if self.subjects else gazetteer.country
        actors = [
            _Actor(s.start, s.end, s.division)
            for s in self.spans
            if not _is_partner(document.text, s)
            # The country acts only where country_actor_spans says so (我国, 党中央, 中国 leading a clause).
            if not s.in_name and s.division.level != "country" and len(s.surface) >= 2 and not _is_group(s)
        ]
        actors += [_Actor(s, e, gazetteer.country) for s, e in country_actor_spans(document.text)]
        # 全省 in a city's report is its province (全省数字经济发展水平得分 81.5分), unless it only
        # frames the city's rank or share (位居全省第二, 占全省的).
        province = self.local("省")
        if province != self.default and province.level == "province":
            actors += [
                _Actor(m.start(), m.end(), province)
                for m in _WHOLE_PROVINCE.finditer(document.text)
                if not scopes_title(document.text, m.end())  # 蝉联全省“…先进县”: the city's title
                and not _scopes_quote(document.text, m)
            ]
            # "省委、省政府…先后推出了“粤省事”“粤商通”": the province's own bodies opening a clause
            # act for it (SCHEMA.md: a platform goes to the division stated as its operator)
            actors += [_Actor(m.start(), m.end(), province) for m in _PROVINCE_BODIES.finditer(document.text)]
        # 全市 in a district's or a county's report is its city (2022年全市生产总值为14920.75亿元。其中,
        # 崂山区…), as 全省 is a city's province
        city = self.local("市")
        # (only where the text names the city: a parent it never names is not listed, SCHEMA.md)
        if (
            city != self.default
            and city.level == "prefecture"
            and any(sp.division == city for sp in self.spans)
        ):
            actors += [
                _Actor(m.start(), m.end(), city)
                for m in _WHOLE_CITY.finditer(document.text)
                if not scopes_title(document.text, m.end()) and not _scopes_quote(document.text, m)
            ]
        self.actors = sorted(actors, key=lambda a: a.start)
        # Offsets to bisect on: a sentence asks for its own places, not the document's (see spans_in).
        self._span_starts = [sp.start for sp in self.spans]
        self._actor_starts = [a.start for a in self.actors]
        self.place_names = tuple(
            sorted({s.surface for s in self.spans if s.division.level != "country"}, key=len, reverse=True)
        )

    def spans_in(self, start: int, end: int) -> list[PlaceSpan]:
        """Return the place spans that start in ``[start, end)``, in order (a slice found by bisection).

        Every sentence and figure looks at the places near it; scanning the document's list each
        time made a 1 MB document's extraction quadratic (over four minutes).
        """
        return self.spans[bisect_left(self._span_starts, start) : bisect_left(self._span_starts, end)]

    def actors_in(self, start: int, end: int) -> list[_Actor]:
        """Return the acting places that start in ``[start, end)``, in order."""
        return self.actors[bisect_left(self._actor_starts, start) : bisect_left(self._actor_starts, end)]

    @functools.cached_property
    def project_head(self) -> Division | None:
        """Return the one division a text without places found builds its projects in, if one.

        A text whose places were not found as actors still builds its things where its own
        projects' names put them (昆山先进计算产业园, 昆山高新区), or else in the one division it
        names by a form LAC reads as a place (推动云阳经济社会发展), rather than in the whole
        country (SCHEMA.md: `place` is usually the subject).
        """
        heads = {
            d
            for s in self.document.sentences
            for p in self.projects[s.index]
            if (d := _head_place(self, s, p)) is not None
        }
        if not heads:
            for w in segment(self.document.text):
                found = (
                    [d for d in self.gazetteer.lookup(w.text) if d.level != "country"]
                    if w.tag == "LOC"
                    else []
                )
                heads |= set(found[:1]) if len(found) == 1 else set()
        return heads.pop() if len(heads) == 1 else None

    @functools.cached_property
    def campaign_places(self) -> frozenset[Division]:
        """Return the divisions a campaign in the text is named after (数字单县 → 单县), read once per document."""
        found = set()
        for m in re.finditer(r"(?:数字|数智|智慧)[\u4e00-\u9fff]{2,3}", self.document.text):
            place = with_place(ProgrammeHit(m.group(0), 0, 0)).place
            if place is not None and self.local(place).level != "country":
                found.add(self.local(place))
        return frozenset(found)

    def first_span(self, place: Division) -> PlaceSpan | None:
        """Return the first span that names `place`, inside another name or not."""
        return next((s for s in self.spans if s.division.code == place.code), None)

    def place_at(self, sentence: Sentence, position: int, *, local: bool = False) -> Division:
        """Return who acts at `position`: the last place named before it in the sentence, else the subject.

        With `local`, the country never acts (projects are built somewhere in particular).
        """
        found = self.default
        for actor in self.actors_in(sentence.start, position):
            if not (local and actor.place.level == "country"):
                found = actor.place
        return found

    def evidence(self, sentence: Sentence, start: int, end: int) -> Evidence:
        """Return evidence for a mention at `start:end` relative to the sentence."""
        return Evidence(
            self.document.id,
            sentence.index,
            sentence.text,
            sentence.start,
            sentence.end,
            sentence.start + start,
            sentence.start + end,
        )

    def local(self, head: str | None) -> Division:
        """Return the division a bare 市/区/县/省 at the head of a name means in this document."""
        if head is None:
            return self.default
        if head in _LEVEL_OF and head != "自治区":
            level = _LEVEL_OF[head]
            for place in (self.default, *self.gazetteer.ancestors(self.default)):
                if (place.level == level and head in "市区县省") or (
                    head in "市州旗盟" and place.name.endswith(head)
                ):
                    return place
            return self.default
        division = self.gazetteer.resolve(head, context=list(self.subjects))
        return division or self.default


# (共同 is "together", not 同 "with": "共同推动黄石“万兆城市”建设" names no partner)
_PARTNER = re.compile(
    r"(?:对接|与|(?<!共)同|联合|携手|协同|会同|合作|学习|借鉴|相比|对标|不如|赴|到|依托|依靠|借助)[^,，。;；:：]*$"
)


def _scopes_quote(text: str, whole: re.Match[str]) -> bool:
    """Whether 全市/全省 only scopes a quoted programme the text's own place takes up, after the
    preposition that makes it a means (成华区委、区政府以全市“幸福美好生活十大工程”为牵引): not who acts."""
    return text.startswith("“", whole.end()) and bool(
        re.search(r"(?:以|按照|围绕|对标|落实|紧扣|聚焦)$", text[max(0, whole.start() - 2) : whole.start()])
    )


def _is_partner(text: str, span: PlaceSpan) -> bool:
    """A place named after 与/对接/对标 in its clause is a partner or a comparison, not who acts;
    a place in a list (内蒙古、贵州、甘肃、宁夏布局建设…) names a scope, not an actor; nor does the
    place whose work a leader's instructions address (贯彻…总书记对四川工作系列重要指示精神).

    >>> t = "贯彻习近平总书记对四川工作系列重要指示精神,大力实施五大行动"
    >>> at = t.index("四川")
    >>> _is_partner(t, PlaceSpan(at, at + 2, None, "四川"))  # type: ignore[arg-type]
    True
    """
    clause = text[max(0, span.start - 30) : span.start]
    in_list = text[span.start - 1 : span.start] == "、" or text[span.end : span.end + 1] == "、"
    addressed = text[span.start - 1 : span.start] == "对" and bool(_ADDRESSED.match(text, span.end))
    return bool(_PARTNER.search(clause)) or in_list or addressed or _names_service_site(text, span)


def _names_service_site(text: str, span: PlaceSpan) -> bool:
    """Whether a province only heads the name of its government-service site (安徽政务服务网), which
    every county's items are put on: 在安徽政务服务网涡阳分厅上线2031个事项 is the county's work.

    >>> t = "安徽政务服务网已上线79项“一件事”"
    >>> _names_service_site(t, PlaceSpan(0, 2, load_gazetteer().get("340000"), "安徽"))
    True
    """
    return span.division.level == "province" and bool(_SERVICE_SITE.match(text, span.end))


_SERVICE_SITE = re.compile(r"(?:省|自治区)?政务服务(?:网|平台)")


# What follows a place a leader's instructions or speech are about: 对四川工作系列重要指示.
_ADDRESSED = re.compile(r"[\u4e00-\u9fff]{0,4}?工作[^,，。;；]{0,8}?(?:重要)?(?:指示|讲话|批示|论述)")


_WHOLE_PROVINCE = re.compile(
    r"(?<!居|列|名|在|较|比|于|占|超|入|身|为|是|进|及|全|批)"
    # 对接全省统一政务服务APP: the object of a verb of joining or using is the city's own act; 全省
    # only says whose system it joins (SCHEMA.md: the place whose activity the sentence describes)
    r"(?<!对接|依托|融入|纳入|汇聚|汇集|利用|使用|通过|联通|贯通)"
    r"(?:全省|我省|本省)"
    # 全省各市 ranks or lists the cities; 我省各县…, in the province's own voice, is its figure
    r"(?![第前首内外]|(?<=全省)各(?!级)|排名|排行|率先|唯一|领先|乃至)"
    # 全省电子信息百强企业13家: a ranking list of the province that the city's firms are on
    r"(?![^,，。;；、]{0,10}?(?:[百十]强|强(?:企业|县|区|市)|榜单?))"
    # 全省数字化改革“最佳应用”获评1项, 全省…推进会上演示汇报, 获全省…五星评价: a province-wide award,
    # appraisal or meeting that the place's own record is counted in
    r"(?![^,，。;；、]{0,14}?(?:“?最佳|评价|评选|考核|会上|会议上))"
)


# (贡献了全市43.6%的核心产业营收: a share of the city's total is the district's own figure)
_WHOLE_CITY = re.compile(_WHOLE_PROVINCE.pattern.replace("(?:全省|我省|本省)", r"全市(?![\d.]+%)"))
# The province's party committee and government named bare at the head of a clause, as its subject.
_PROVINCE_BODIES = re.compile(
    r"(?:^|(?<=[,，。;；:：\n]))(?:省委|省政府|省人民政府)(?:[、和](?:省委|省政府|省人民政府))*(?=[\u4e00-\u9fff])(?!关于|的|印发|出台)"
)


def _is_group(span: PlaceSpan) -> bool:
    return len(span.surface) > 3 and span.surface.startswith(("北上", "京津", "江浙", "苏浙", "沪苏"))


# 我市/本区… speak for the subject again after another place was named ("在泉州市委…领导下,我市…").
_SELF = re.compile(r"(?:我|本)([省市区县州盟旗])(?![场民内外级长委])")
_PLACE_JOINER = re.compile(r"、|和|及|与|以及")
# "就全国推行“跨省通办”“免申即享”作出部署": carried out nationwide, the country runs it.
_NATIONWIDE = re.compile(r"全国(?:范围内)?(?:推行|推广|实施|开展|推进)(?:“[^“”]*”[、和及与]?)*“?$")


@functools.lru_cache(maxsize=256)
def _bodies(text: str, place_names: tuple[str, ...]) -> list[AgencyHit]:
    """Return the agencies a sentence names, once per sentence however many programmes it names."""
    return find_agencies(text, place_names=place_names)


def _scopes_a_first(text: str, start: int, end: int) -> bool:
    """Whether a place only scopes how early the actor was ("该区…在北京市率先实现…“一网通办”"): the
    district is the first in its city to do it, the city runs nothing.

    >>> _scopes_a_first("该区在北京市率先实现“一网通办”", 3, 6), _scopes_a_first("北京市率先实现", 0, 3)
    (True, False)
    """
    return (
        text[start - 1 : start] == "在"
        and re.match(r"(?:范围内|内)?(?:率先|首个|首家|首批|第一个|首次|首创)", text[end : end + 6])
        is not None
    )


# Places listed after 在 and closed by how many places they are (在上海、杭州、南京等8地): where, not who.
# "先后到南京市溧水区、…、聊城市莘县等地区学习城市大脑、一网统管…建设经验": places visited to learn
# what they run; the learner, not they, is who the sentence's programmes are about.
_VISITED_LIST = re.compile(
    r"(?:到|赴|前往|走进)(?:[^,，。;；、]{2,12}、\s*)+[^,，。;；、]{2,12}等(?:地|地区|城市|省市|地方)"
    r"(?=(?:学习|考察|调研|对标|交流))"
)
_LOCATION_LIST = re.compile(
    r"在(?:[^,，。;；、]{2,8}、)+[^,，。;；、]{2,8}等[\d一二三四五六七八九十]*个?(?:地|城市|地区|省市|国家)"
)


# The world as the scope a figure counts over, heading its clause (全球在建…) or right before it (落地全球
# 30多座城市), not a rank in it (全球第一).
_WORLDWIDE = re.compile(r"(?:全球|全世界|世界各地)(?![第首前领一唯范排])")
_WORLD_COUNT = re.compile(r"(?:全球|全世界)(?:\d|[一二三四五六七八九十百千几]+)?$")


def _programme_runners(ctx: _Context, sentence: Sentence, position: int) -> tuple[Division, ...]:
    """Return who runs a programme named at `position`: each place of a list that leads to it
    (SCHEMA.md: one entry per place when two annotated places carry out the same item: 拉萨、昌都、
    山南“智慧城市”建设), the subject when 我市 speaks after the last place named, else the actor."""
    text = ctx.document.text
    if _NATIONWIDE.search(text[sentence.start : position]):
        return (ctx.gazetteer.country,)
    # SCHEMA.md: a programme named inside a cited title is one too; a title headed by a division
    # (《吉安市打造“吉事即办”…方案》) is that division's, whoever else the sentence names.
    opening = text.rfind("《", sentence.start, position)
    if opening > text.rfind("》", sentence.start, position):
        heads = [s for s in ctx.spans if s.start == opening + 1 and s.division.level != "country"]
        if heads:
            # 《深圳市罗湖区…方案》: a district right after its city heads the title; it is the district's
            district = [s for s in ctx.spans if s.start == heads[0].end and s.division.level != "country"]
            return ((district or heads)[0].division,)
    cited = _cited_issuer(ctx, sentence, position)
    if cited is not None:
        return (cited,)
    listed = _listed_holders(ctx, sentence, position) or _granted_list(ctx, sentence, position)
    if listed:
        return listed
    # "北京市…,作为首都功能拓展区、…、城南行动引领区, 丰台区将…": a clause of 作为 heading the main
    # clause says what the place opening the main clause is, whoever the sentence named before
    opening = max(text.rfind(c, sentence.start, position) for c in ",，;；:：")
    clause_start = max(opening + 1, sentence.start)
    if re.match(r"\s*作为", text[clause_start:position]):
        ends = [e for e in (text.find(c, position, sentence.end) for c in ",，") if e >= 0]
        if ends:
            after_comma = min(ends) + 1
            after_comma += len(text[after_comma:]) - len(text[after_comma:].lstrip())
            subject = [a for a in ctx.actors if a.start == after_comma and a.place.level != "country"]
            if subject:
                return (subject[0].place,)
    # A place or body inside a directive the sentence follows ("按照成都市…总体架构要求", "落实省委…部署")
    # issued it; the one that follows it runs what the directive names and what comes after.
    frames = [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in _DIRECTIVE.finditer(sentence.text)
        if sentence.start + m.end() <= position
    ]

    def framed(start: int) -> bool:
        return any(a <= start < b for a, b in frames)

    # A body inside a directive that names the item ("落实…省委有关“放管服”改革的决策部署") issued the
    # directive; it does not speak for the item, whoever carries it out.
    issuers = [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in _DIRECTIVE.finditer(sentence.text)
        if sentence.start + m.start() < position < sentence.start + m.end()
    ]

    # "在上海、杭州…等8地成功挂牌": places listed as where something is set up run nothing named after them
    visited = {
        (sentence.start + m.start(), sentence.start + m.end()) for m in _VISITED_LIST.finditer(sentence.text)
    }
    located = [
        (sentence.start + m.start(), sentence.start + m.end()) for m in _LOCATION_LIST.finditer(sentence.text)
    ] + sorted(visited)
    spans = [
        s
        for s in ctx.spans_in(sentence.start, position)
        if s.end <= position and not framed(s.start) and not any(a <= s.start < b for a, b in located)
    ]
    # A place that names an award (获2022年浙江省改革突破奖) grants it; one before a semicolon belongs
    # to the clause it closes, not to the next one.
    clause = max(text.rfind("；", sentence.start, position), text.rfind(";", sentence.start, position))
    named = [
        s
        for s in spans
        if not s.in_name
        and s.division.level != "country"
        and not _heads_a_park(text, s.end)
        and not _awards_or_closed(text, s.start, s.end, clause)
        and not _scopes_a_first(text, s.start, s.end)
    ]
    # A place right after a verb of being granted scopes the title ("获评全省智慧广电示范区"); it runs nothing.
    acting = [
        a
        for a in ctx.actors_in(sentence.start, position)
        if not framed(a.start)
        and not any(p <= a.start < q for p, q in visited)  # where the learner went, not who runs it
        and not _heads_a_park(text, a.end)
        and not _awards_or_closed(text, a.start, a.end, clause)
        and not _scopes_a_first(text, a.start, a.end)
        # "入选全省“一地创新、全省共享”": a scope word inside a quoted name is part of that name
        and not _inside_quote(text, sentence.start, a.start)
        and not _GRANTED_BEFORE.search(text, max(sentence.start, a.start - 9), a.start)
        # "打造全省数字产业新兴增长极": a scope word right after a verb of building scopes the title the
        # place works towards (SCHEMA.md: designations a place holds or works towards); it runs nothing
        and not (
            text[a.start : a.end] in ("全省", "我省", "本省")
            and _BUILDS_TITLE_BEFORE.search(text, max(sentence.start, a.start - 4), a.start)
        )
        # "“某模式”全省推广": the scope a practice is spread over runs nothing named after it
        and not re.match(r"(?:范围内)?(?:复制推广|推广|推开)", text[a.end : a.end + 8])
    ]
    last_actor = max((a.end for a in acting), default=sentence.start)
    after = max(last_actor, named[-1].end if named else sentence.start)
    speakers = [(m.start(), ctx.local(m.group(1))) for m in _SELF.finditer(text, after, position)]
    # "黄埔区、广州开发区…该区推出“秒批”": 该区 is the last place of its level named before it.
    for m in re.finditer(r"该([省市区县])", text[after:position]):
        before = [s for s in ctx.spans if s.end <= after + m.start() and not s.in_name]
        same = [
            s for s in before if s.division.level in THAT_LEVEL[m.group(1)] and s.surface.endswith(m.group(1))
        ]
        speakers.append((after + m.start(), same[-1].division if same else ctx.local(m.group(1))))
    # A body named by its level alone speaks for that level ("省大数据局有关负责人表示,将实施“数字强省”…").
    for a in _bodies(sentence.text, ctx.place_names):
        at = sentence.start + a.start
        partner = _PARTNER.search(text[max(sentence.start, at - 30) : at])
        issued = any(x <= at < y for x, y in issuers)
        # "获评国家和省发改委“…”典型案例": the body that grants an honour does not run what is honoured
        issued = issued or bool(
            re.search(r"(?:获评|评为|荣获|获得|入选)[^,，。;；]{0,8}$", text[sentence.start : at])
        )
        # "鞍山市被省发改委确定为…试点城市": the body that names a place to a title is no holder of it
        issued = issued or bool(
            re.search(r"[被由经]$", text[max(sentence.start, at - 1) : at])
            and re.match(r"[\u4e00-\u9fff]{0,10}?(?:确定|认定|命名|评定|批准|列为|评为)", text[at : at + 16])
        )
        if (
            a.place_surface in ("省", "自治区")
            and after <= at < position
            and not partner
            and not framed(at)
            and not issued
        ):
            speakers.append((at, ctx.local("省")))
    if speakers:
        return (max(speakers, key=lambda s: s[0])[1],)
    # The list must be the last place named before the item (not 贵阳 of “贵阳城市大脑” after it), and not
    # a list of partners ("会同上海市、江苏省、浙江省扩大…跨省通办").
    # "共同推动黄石“万兆城市”建设": a place heading the quoted item (the name found starts at it) says
    # whose the item is, unless it is a partner's ("借鉴杭州“最多跑一次”").
    heading = [
        s
        for s in ctx.spans_in(position, position + 1)
        if s.start == position
        and not s.in_name
        and s.division.level != "country"
        and text[s.end : s.end + 1] == "“"
    ]
    if heading and not _PARTNER.search(text[max(sentence.start, position - 30) : position]):
        return (heading[0].division,)
    headed = spans and spans[-1].in_name and not text[spans[-1].end : position].strip("“”")
    if named and not headed and named[-1].end >= last_actor:
        group, lead = [named[-1]], named[-1].start
        for span in reversed(named[:-1]):
            if span.end == lead:
                lead = span.start  # "福建省漳州市与广东省潮州市“跨省通办”": a province locating its city
                continue
            if not _PLACE_JOINER.fullmatch(text[span.end : lead]):
                break
            group.insert(0, span)
            lead = span.start
        partners = _PARTNER.search(text[max(sentence.start, lead - 30) : lead])
        # A list that is the object of its own clause ("争创桦南县、…西安区等4个国家数字乡村试点,推进7个
        # 省级…试点") holds what that clause names; only a list heading its clause acts past a comma
        # ("清镇市、修文县率先接入…,实现县域事件“一键派单”").
        opening = max(text.rfind(c, sentence.start, lead) for c in ",，;；:：")
        heads_clause = not text[max(opening + 1, sentence.start) : lead].strip()
        ends_clause = bool(re.search(r"[,，;；]", text[named[-1].end : position]))
        if len(group) >= 2 and not partners and (heads_clause or not ends_clause):
            return tuple(dict.fromkeys(s.division for s in group))
        # "共同推动黄石“万兆城市”建设": a place right before the quote says whose the item is.
        if not partners and not text[named[-1].end : position].strip("“"):
            return (named[-1].division,)
    # SCHEMA.md: a title goes to the place it is granted to ("漯河市被确定为…全省整市推进的…示范地区"),
    # not to a scope word (全省) inside the title's own description.
    if (
        named
        and _GRANTED_TO.match(text, named[-1].end)
        and not re.search(r"[,，。;；]", text[named[-1].end : position])
    ):
        return (named[-1].division,)
    local = [a.place for a in acting if a.place.level != "country"]
    if not local and not named:
        opener = _OPENING_CLAUSE.match(text, sentence.start, position)
        comma = text.find("，", position, sentence.end), text.find(",", position, sentence.end)
        first = min((c for c in comma if c >= 0), default=-1)
        # "在推进国家数字乡村试点工作中,某县坚持…": the place that opens the main clause runs what the
        # opening clause names.
        subject = [a for a in ctx.actors if a.start == first + 1 and a.place.level != "country"]
        if opener and first >= 0 and subject and not re.search(r"[,，]", text[sentence.start : position]):
            return (subject[0].place,)
    return (local[-1] if local else _sole_place(ctx),)


# A channel of a platform for one place (浙里办·青禾专区, 安徽政务服务网芜湖分厅, …服务网滁州厅).
_CHANNEL = re.compile(r"(?:专区|分厅|频道|分站|(?<=服务网)[\u4e00-\u9fff]{2,3}厅)$")


# A cited document that is the sentence's subject (《…实施意见》对…作出部署, 《…规划》提出…).
_CITED_SUBJECT = re.compile(
    r"\s*《(?:中共)?([^》]{2,80})》(?:[^,，。;；]{0,4}?)(?:对|提出|明确|要求|强调|指出|规定|部署)"
)


def _cited_issuer(ctx: _Context, sentence: Sentence, position: int) -> Division | None:
    """Return the division heading a cited title that opens the sentence as its subject, if the item
    comes after it (《中共北京市委 北京市人民政府关于…意见》对…与吹哨报到、接诉即办有机衔接作出部署:
    the deployer runs them, not the district reporting it)."""
    m = _CITED_SUBJECT.match(sentence.text)
    if m is None or sentence.start + m.end() > position:
        return None
    at = sentence.start + m.start(1)
    heads = [sp for sp in ctx.spans if sp.start == at and sp.division.level != "country"]
    return heads[0].division if heads else None


def _sole_place(ctx: _Context) -> Division:
    """Return the subject, or, when no subject was found, the one division the document names at all
    (“数字单县”建设…单县特点 names 单县 only inside names): its programmes are that place's."""
    if ctx.default.level != "country":
        return ctx.default
    # a campaign named after a place (数字单县) names it too, where no span does
    local = {s.division for s in ctx.spans if s.division.level != "country"} | ctx.campaign_places
    return local.pop() if len(local) == 1 else ctx.default


def _awards_or_closed(text: str, start: int, end: int, clause: int) -> bool:
    """Whether a place at `start:end` names an award (浙江省改革突破奖) or sits before `clause`, the last
    semicolon before the item, so that it acts in another clause.

    >>> _awards_or_closed("获2022年浙江省改革突破奖铜奖", 7, 10, -1), _awards_or_closed("浙江省推进", 0, 3, -1)
    (True, False)
    """
    return start < clause or bool(re.match(r"[^,，。;；“”]{0,8}奖", text[end : end + 9]))


def _heads_a_park(text: str, end: int) -> bool:
    """Whether the place ending at `end` heads a development zone's name (四川自贸试验区, 成都高新区):
    SCHEMA.md: zones are park projects, and a division inside another name does not act.

    >>> _heads_a_park("四川自贸试验区天府新区片区", 2), _heads_a_park("四川省推进", 3)
    (True, False)
    """
    return bool(_PARK_AFTER.match(text, end))


_PARK_AFTER = re.compile(
    r"(?:自贸试验区|自由贸易试验区|自贸区|高新区|高新技术产业开发区|经开区|经济技术开发区|开发区|新区)"
)


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Whether `position` lies inside a quote opened after `start` and not yet closed.

    >>> _inside_quote("入选全省“一地创新、全省共享”", 0, 10), _inside_quote("入选全省“一地创新”", 0, 2)
    (True, False)
    """
    return text.rfind("“", start, position) > text.rfind("”", start, position)


# An opening clause that frames the sentence's main one: 在…中, 为…, 围绕…, 通过…
_OPENING_CLAUSE = re.compile(r"(?:在|为了?|围绕|通过|随着|依托|借助|聚焦)")


# "获得第六届广东省“…集体”": an edition between the verb and the place still makes the place a scope.
_GRANTED_BEFORE = re.compile(
    # (作为 too: "作为广西第一批…试点,海城区…" — the place after it scopes the role, the district holds it)
    r"(?:获评|评为|荣获|获得|创成|入选|列入|获批|跻身|作为|确定为|认定为|命名为|批准为)(?:第[一二三四五六七八九十\d]{1,3}届)?$"
)


# Verbs of building towards a title (打造, 争创 …), right before the scope word that heads it.
_BUILDS_TITLE_BEFORE = re.compile(r"(?:打造|建设|建成|创建|争创|争当|成为|迈向)$")


# 按照/根据/贯彻…要求/部署/精神: a directive someone else issued, up to the word that closes it.
_DIRECTIVE = re.compile(
    # (a comma may part the bodies that issued it: "贯彻党中央、国务院,省委、省政府和市委…的决策部署")
    r"(?:按照|根据|依据|遵照|贯彻|落实|关于|聚焦|围绕|对照|响应|践行|牢记)"
    r"(?:[^,，。;；:：]|[,，](?=(?:省|市|区|县|州)(?:委|政府)))"
    r"{2,40}?(?:要求|部署|精神|讲话|指示|批示|嘱托)"
    r"|在[^,，。;；:：]{2,30}?(?:指导|领导|支持|关心|带领)下"
)


# "公布…试点名单,其中,A县、B县…入选": the places a published list names hold the title.
_HOLDERS_AFTER = re.compile(
    r"[^。;；]{0,30}?名单(?:发布|公布|出炉|揭晓)?[,，]?(?:其中[,，]?)?(?P<list>[^,，。;；]{2,80}?)"
    r"(?:等)?(?:[\d一二三四五六七八九十]+(?:个|地|家)[县市区省地]*)?(?:成功)?(?:入选|上榜|入围|获批|榜上有名|在列)"
)


def _listed_holders(ctx: _Context, sentence: Sentence, position: int) -> tuple[Division, ...]:
    """Return the places that a list published after a title names as its holders, or none."""
    m = _HOLDERS_AFTER.match(ctx.document.text, position, sentence.end)
    if m is None:
        return ()
    a, b = m.span("list")
    text = ctx.document.text
    # A note in brackets (河北省(雄安新区)) says where in the place; it names no other holder.
    notes = [(n.start(), n.end()) for n in re.finditer(r"[(（][^)）]*[)）]", text[a:b])]
    spans = [
        s
        for s in ctx.spans
        if a <= s.start
        and s.end <= b
        and not s.in_name
        and not any(a + x <= s.start < a + y for x, y in notes)
    ]
    covered = sum(s.end - s.start for s in spans)
    counted = _COUNTED_KINDS.sub("", text[a:b])
    rest = re.sub(r"[、和及与]", "", re.sub(r"[(（][^)）]*[)）]", "", counted))
    # a count closes a list of places (…5座城市和…8个县(市、区)), not a scope (全国15个城市入选)
    if counted != text[a:b] and len({s.division for s in spans if s.division.level != "country"}) < 2:
        return ()
    if not spans or covered < len(rest) - 2:
        return ()  # not a list of places only
    # A place right before another heads it (贵州省贵阳市息烽县): the last one of the run holds the title.
    return tuple(
        dict.fromkeys(
            sp.division for i, sp in enumerate(spans) if i + 1 == len(spans) or spans[i + 1].start != sp.end
        )
    )


# A town, township or street inside the division it follows (临淄区皇城镇): it locates the holder.
_TOWN = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道)")
# Verbs by which a list of bodies before them runs the item after them (…、…医院开展“…”试点).
_RUN_BY_LIST = re.compile(r"(?:开展|实施|推行|启动|承担|参与)$")
# The verb that grants a title to the list before it (…被确定为首批…试点, …入选…).
_GRANTING = re.compile(rf"(?:被|先后|成功|正式|首次|均)*(?:{GRANT_VERBS}|成为)")


# The count and kind that close a list of places (…盘锦5座城市, …等乡镇, …8个县(市、区)).
_COUNTED_KINDS = re.compile(
    r"(?:等?[\d一二三四五六七八九十两]+[个座家]?|等)"
    r"(?:设区市|地级市|城市|地市|县[(（]市、区[)）]|县市区|区县|县区|市|区|县|乡镇|乡|镇|省市|省区|省份|省)"
    r"(?=[、和及与]|$)"
)
_COUNTED_KIND = re.compile(_COUNTED_KINDS.pattern + "$")


def _granted_list(ctx: _Context, sentence: Sentence, position: int) -> tuple[Division, ...]:
    """Return the divisions of a list the clause grants a title to ("博山区和临淄区皇城镇、沂源县东里镇、
    经开区沣水镇被确定为首批山东省数字乡村试点"): each item a division, or a town inside one (that
    division holds it), or a town of a zone (no division); at least two divisions."""
    text = ctx.document.text
    opening = max(text.rfind(c, sentence.start, position) for c in ",，;；:：")
    clause_start = opening + 1 if opening >= 0 else sentence.start
    verbs = list(_GRANTING.finditer(text, clause_start, position))
    # "拉萨市人民医院、山南市妇幼保健院开展“5G智慧医疗”试点": bodies of two divisions run one item,
    # named right after their verb; each division named at the head of a body runs it
    stop = position - 1 if text[position - 1 : position] == "“" else position
    run = _RUN_BY_LIST.search(text, clause_start, stop)
    bodies = run is not None
    if bodies and run is not None:
        verbs = [run]
    if not verbs:
        return ()
    end = verbs[-1].start()
    if (
        not bodies
        and opening >= sentence.start
        and not re.sub(r"[均都也还并又先后再次]", "", text[clause_start:end])
    ):
        # "郑州、开封…许昌5个省辖市获得授牌,成为我省首批…试点城市": a verb opening its clause grants
        # the title to the list heading the clause before, up to that clause's own verb
        before = max(text.rfind(c, sentence.start, opening) for c in ",，;；:：")
        clause_start = before + 1 if before >= 0 else sentence.start
        verb = next((w for w in segment(text[clause_start:opening]) if w.tag in ("v", "vd")), None)
        if verb is None:
            return ()
        end = clause_start + verb.start
        if _COUNTED_KIND.search(text, clause_start, end) is None:
            return ()  # (only a list its count closes: "…5个省辖市获得授牌")
    # "…8个县(市、区)入选": a joiner inside brackets joins no items
    notes = [(n.start(), n.end()) for n in re.finditer(r"[(（][^()（）]*[)）]", text[clause_start:end])]
    cuts = [
        clause_start,
        *(
            j
            for m in re.finditer(r"以及|、|和|及|与", text[clause_start:end])
            if not any(a < m.start() < b for a, b in notes)
            for j in (clause_start + m.start(), clause_start + m.end())
        ),
        end,
    ]
    holders: list[Division] = []
    for first, last in zip(cuts[::2], cuts[1::2], strict=True):
        # "沈阳、…盘锦5座城市和…兴城市8个县(市、区)入选": a count of the kind closes a run of places
        counted = _COUNTED_KIND.search(text, first, last)
        last = counted.start() if counted and counted.start() > first else last
        item = text[first:last]
        head = [
            sp
            for sp in ctx.spans
            if sp.start == first and (bodies or not sp.in_name) and sp.division.level != "country"
        ]
        while head:  # a chain (贵州省贵阳市) names its last place
            inner = [sp for sp in ctx.spans if sp.start == head[-1].end and not sp.in_name and sp.end <= last]
            if not inner:
                break
            head = inner
        rest = text[head[-1].end : last] if head else item
        # a division, a town inside it (临淄区皇城镇), or a town of a development zone (经开区沣水镇)
        zone_town = not head and re.fullmatch(
            r"[\u4e00-\u9fff]{1,6}?[区园][\u4e00-\u9fff]{1,5}?(?:镇|乡|街道)", item
        )
        body = bodies and head and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", rest)
        if not item or (rest and not _TOWN.fullmatch(rest) and not zone_town and not body):
            return ()  # an item that is neither a division nor a town: not a list of holders
        if head:
            holders.append(head[-1].division)
    return tuple(dict.fromkeys(holders)) if len(holders) >= 2 else ()


_GRANTED_TO = re.compile(rf"(?:被|先后|成功|正式|连续|再次|首次|已|还)*(?:{GRANT_VERBS}|授予|荣获)")


_CARRY_OUT = re.compile(r"(?:落实|践行|贯彻|融入|参与|服务|对接|响应)[^,，。;；]{0,6}$")


def _carries_out(ctx: _Context, sentence: Sentence, start: int, campaign: Division) -> bool:
    """Whether the subject carries out a higher division's 数字X campaign the sentence cites (SCHEMA.md:
    a programme cited by a city is the city's when the text says the city carries it out)."""
    above = campaign != ctx.default and campaign in ctx.gazetteer.ancestors(ctx.default)
    # "贯彻落实福州市委…关于数字福州建设的决策部署", "按照省委“数字福建”建设要求": a directive to carry out
    followed = any(
        m.start() < start < m.end() and re.match(r"落实|贯彻|按照|根据|遵照|响应", m.group(0))
        for m in _DIRECTIVE.finditer(sentence.text)
    )
    return above and (followed or bool(_CARRY_OUT.search(sentence.text[:start])))


# The scope word each level calls its own whole (全市 for a city, 全区/全县 for a district …).
_OWN_SCOPE = {"province": ("全省",), "prefecture": ("全市",), "district": ("全区", "全县", "全市")}


def _without_own_scope(hit: ProgrammeHit, runner: Division) -> ProgrammeHit:
    """The hit without a leading scope word that is the runner's own whole: a city cannot hold a title
    its own 全市 grants, so "全市数字农业农村中心城市" in a 淄博 report is 数字农业农村中心城市 (a title a
    district holds from its city, 创建全市…示范区, keeps the city's 全市)."""
    scope = next((w for w in _OWN_SCOPE.get(runner.level, ()) if hit.name.startswith(w)), None)
    if scope is None or len(hit.name) - len(scope) < 4 or hit.concept is not None:
        return hit
    if runner.level == "district" and scope == "全市" and not runner.name.endswith("市"):
        return hit  # 全市 in a district's text is its city's whole (SCHEMA.md: 市 in a district report)
    return dataclasses.replace(hit, name=hit.name[len(scope) :], aliases=(*hit.aliases, hit.name))


def _bare_pilot(name: str) -> str:
    """A pilot's name without 建设 or 城市 (新型智慧城市建设试点城市 → 新型智慧城市试点)."""
    return re.sub(r"建设试点(?:城市)?$|试点城市$", "试点", name)


def _named_before(
    programmes: dict[tuple[str, str], ProgrammeMention], runner: Division, hit: ProgrammeHit
) -> bool:
    """Whether `runner` already has this programme under another of its names: "深化“交地即交证”和
    “标准地”改革" names 交地即交证改革 (alias 交地即交证), and a later "实现“交地即交证”" is the same one."""

    def suffixed(longer: str, shorter: str) -> bool:
        return longer[len(shorter) :] in ("改革", "行动", "大行动", "专项行动", "工程") and longer.startswith(
            shorter
        )

    def pilot(longer: str, shorter: str) -> bool:
        return longer != shorter and shorter.endswith("试点") and _bare_pilot(longer) == _bare_pilot(shorter)

    # "获批…全国农村改革试验区" after "国家农村改革试验区": 全国 and 国家 both say the country grants it
    national = re.compile(r"^(?:全国|国家级?)(?=[\u4e00-\u9fff]{4})")
    core = national.sub("", hit.name) if national.match(hit.name) else None
    return any(
        code == runner.code
        and (
            (hit.name in m.aliases or m.name in hit.aliases)
            and (suffixed(m.name, hit.name) or suffixed(hit.name, m.name))
            # "开展…新型智慧城市建设试点工作", "确定为…新型智慧城市建设试点城市", "新型智慧城市试点建设":
            # one pilot
            or pilot(m.name, hit.name)
            or pilot(hit.name, m.name)
            or (
                core is not None
                and m.name != hit.name
                and national.match(m.name)
                and national.sub("", m.name) == core
            )
        )
        for (code, _), m in programmes.items()
    )


def _without_short_forms(
    programmes: dict[tuple[str, str], ProgrammeMention],
) -> dict[tuple[str, str], ProgrammeMention]:
    """Return the programmes without a short form of a known one: “一件事” in a report that names
    高效办成一件事 or 一件事一次办 is that reform again, not another one."""
    known = {m.name for m in programmes.values() if m.concept is not None}
    # A title held under its full name (特色型信息消费示范城市) is the same title when the text shortens it
    # for the same place (开展信息消费示范城市申报).
    titles = {(m.place.code, m.name) for m in programmes.values() if ends_as_title(m.name)}
    return {
        key: m
        for key, m in programmes.items()
        if m.concept is not None
        or not (
            any(k != m.name and (k.startswith(m.name) or k.endswith(m.name)) for k in known)
            or (
                ends_as_title(m.name)
                and any(c == m.place.code and t != m.name and t.endswith(m.name) for c, t in titles)
            )
        )
    }


# The years a plan's title ends on: (2025-2027), (2023—2025年), （2021-2025年）.
_PLAN_YEARS = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*(?:年)?\s*[-—–~至到]+\s*(?:19|20)\d{2}\s*年?\s*[)）]$")


def _plan_key(title: str) -> str:
    """Return a policy title without the span of years it ends on (the same plan, cited either way).

    >>> _plan_key("锡林郭勒盟数据产业高质量发展实施方案(2025—2027年)") == _plan_key("锡林郭勒盟数据产业高质量发展实施方案(2025-2027)")
    True
    """
    return _PLAN_YEARS.sub("", title)


def extract(document: Document, *, gazetteer: Gazetteer | None = None) -> Extraction:
    """Return everything read from one document.

    >>> from loaders.documents import document_from_text
    >>> ex = extract(document_from_text("扬州市报告。扬州市建成5G基站8210个。我市深化“一网通办”改革。", name="t.txt"))
    >>> ex.subject_places[0].name, [p.name for p in ex.programmes], [(m.value, m.unit) for m in ex.metrics]
    ('扬州市', ['一网通办'], [(8210.0, '个')])
    """
    gaz = gazetteer or load_gazetteer()
    page = traditional(document)
    if page is None:
        return _read(document, gaz)
    plain, script = page
    return restored(_read(plain, gaz), document, script)


def _read(document: Document, gazetteer: Gazetteer) -> Extraction:
    """Return everything read from a document in simplified characters (see `extract`)."""
    ctx = _Context(document, gazetteer)
    programmes: dict[tuple[str, str], ProgrammeMention] = {}
    agencies: dict[tuple[str, str], AgencyMention] = {}
    projects: dict[tuple[str, str], ProjectMention] = {}
    metrics: list[Metric] = []
    last_rank = ""
    policies: dict[str, PolicyCitation] = {}
    taken_spans: list[tuple[int, int]] = []
    body_spans: list[tuple[int, int]] = []  # agencies' names, whose locating prefixes are places
    target_year: int | None = None
    report_year, horizon = document_years(document.text, document.title)
    dated_year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    planned, previous_end = False, 0
    # A document titled as a plan states goals.
    plan_part = bool(section_plans(document.title or "", title=True)) or titled_plan(document.title)
    board = ""
    ranking = ""  # the last dated ranking or assessment the document named
    last_years: list[int | None] = []  # the years of the previous sentence's figures
    review_year: int | None = None  # the year a plan's review section states for its figures
    heading_review = False  # whether the sentence lies in a plan's review section (发展基础)
    section_year: int | None = None  # the year the heading of the sentence's section states
    # A document that speaks only of its own city or province (全市, 市政府) and never names it, nor the
    # country, states no place for its figures; the country is no fallback there.
    unnamed_locality = (
        not ctx.subjects
        and bool(_LOCAL_SCOPE.search(document.text))
        and not _NATIONAL_SCOPE.search(_NATIONAL_FRAME.sub("", _DEFERENCE.sub("", document.text)))
    )
    for sentence in document.sentences:
        text = sentence.text
        programme_hits = find_programmes(text)
        for hit in programme_hits:
            ctx.name_heads.update(range(sentence.start + hit.start, sentence.start + hit.end))
            # National strategies belong to the country; anything else is run where the text says, and
            # a central body that merely launched it ("国务院部署的“高效办成一件事”") does not take it over.
            places = (
                (ctx.gazetteer.country,)
                if hit.national
                else _programme_runners(ctx, sentence, sentence.start + hit.start)
            )
            # 数字湖北 is 湖北省's campaign wherever it is cited, and also the place's that carries it out.
            named = ctx.local(hit.place) if hit.place else None
            if named is not None:
                # A province acting in the sentence does not run its city's campaign (…引领数字宁波…).
                places = tuple(p for p in places if p not in ctx.gazetteer.ancestors(named))
                # A city citing its province's campaign ("加快建设数字湖北" in a 嘉鱼 plan) does not run it
                # unless the text says it carries it out (_carries_out below): SCHEMA.md, place.
                places = tuple(p for p in places if named not in ctx.gazetteer.ancestors(p))
            if named is not None and _carries_out(ctx, sentence, hit.start, named):
                places = (*places, ctx.default)  # "落实全省“数字湖南”建设部署" in a 长沙 report: 长沙 too
            for runner in dict.fromkeys((*places, named) if named is not None else places):
                own = _without_own_scope(hit, runner)
                key = (runner.code, own.name)
                if key not in programmes and not _named_before(programmes, runner, own):
                    ev = ctx.evidence(sentence, hit.start, hit.end)
                    programmes[key] = ProgrammeMention(runner, own.name, ev, own.concept, own.aliases)
        for a in find_agencies(text, place_names=ctx.place_names):
            mention = _agency(ctx, sentence, a, agencies)
            if mention is None:
                continue
            key = (mention.place.code, _agency_key(ctx, mention))
            if key not in agencies and _known_by_alias(ctx, agencies, mention):
                continue  # 市营商局 after 市营商环境建设监督局(以下简称市营商局): one body
            longer = _abbreviated_by(agencies, key)
            if longer is not None:
                continue  # 贵阳市大数据局 after 贵阳市大数据发展管理局: the same bureau, shortened
            for shorter in [k for k in agencies if _abbreviated_by({key: mention}, k) == key]:
                agencies.pop(shorter)  # the short name came first; the full name stands for both
            # 市政务和数据局 named before its full name gives it (以下简称…): one body, by its full name.
            for short in a.aliases:
                short_key = (
                    mention.place.code,
                    _agency_key(ctx, AgencyMention(mention.place, short, mention.evidence)),
                )
                if short_key != key:
                    agencies.pop(short_key, None)
            agencies.setdefault(key, mention)
            taken_spans.append((sentence.start + a.start, sentence.start + a.end))
            body_spans.append((sentence.start + a.start, sentence.start + a.end))
        for p in ctx.projects[sentence.index]:
            if _programme_says(text, p, programme_hits):
                continue  # a name is a programme or a project, not both ("平台+大脑")
            place = _project_place(ctx, sentence, p)
            national = (p.kind == "platform" and re.match(r"(?:国家|全国|中国)", p.name)) or (
                p.kind == "event" and _NATIONAL_EVENT.match(p.name)
            )
            if place.level == "country" and not national:
                # A document whose subject was not found still builds its things somewhere: where it
                # last named a place (SCHEMA.md: the place that runs it), not the whole country; a
                # national base lies somewhere too (国家青禾安全基地), a national platform does not.
                city = p.name.startswith("市") or bool(_CITY_SPEAKS.search(text))
                place = (
                    _head_place(ctx, sentence, p)
                    or _last_named(ctx, sentence.start + p.start, city=city)
                    or ctx.project_head
                    or place
                )
            if p.kind == "event":
                # "…年货节暨乡村e镇网红直播大赛…。乡村e镇网红直播大赛颁奖典礼": one event named again is held
                # where it was first placed, whoever the later sentence names
                place = next(
                    (
                        o.place
                        for o in projects.values()
                        if o.kind == "event" and p.name in (o.name, *o.aliases)
                    ),
                    place,
                )
            project = ProjectMention(place, p.name, p.kind, ctx.evidence(sentence, p.start, p.end), p.aliases)
            same = _same_project(projects, project)
            used = _used_below(ctx, projects, project) if same is None else None
            if used is not None:  # one app, run by the higher of the two places
                old = projects.pop(used)
                runner = place if place in ctx.gazetteer.ancestors(old.place) else old.place
                merged = _merged(replace(old, place=runner), replace(project, place=runner))
                projects[(runner.code, merged.name)] = merged
            elif same is not None:  # "数字能力建设研讨会" after "亚太经合组织数字能力建设研讨会"
                projects[same] = _merged(projects[same], project)
            else:
                projects[(place.code, p.name)] = project
            taken_spans.append((sentence.start + p.start, sentence.start + p.end))
        # SCHEMA.md: a plan stated earlier in the paragraph governs its later sentences ("今年济南市将…。…优化15项…").
        new_paragraph = "\n" in document.text[previous_end : sentence.start]
        line_start = document.text.rfind("\n", 0, sentence.start) + 1
        line_end = document.text.find("\n", sentence.start)
        heading = section_plans(
            document.text[line_start : line_end if line_end >= 0 else len(document.text)],
            title=line_start == 0,
        )
        plan_part = plan_part if heading is None else heading  # SCHEMA.md: a plan's figures are goals
        plan_part = plan_part or leads_plan(text)  # "报告提出,…": what the report proposes, paragraphs on
        if heading is not None:
            review_year = None  # a new section states its own date
            heading_review = heading is False
            # "一、2024年工作回顾", "二、2025年工作安排": a heading that dates its section
            dated = re.search(
                r"((?:19|20)\d{2})年", document.text[line_start : line_end if line_end >= 0 else None]
            )
            section_year = int(dated.group(1)) if dated else None
        planned = (planned and not new_paragraph) or plan_part
        dated_clause = _DATED_CLAUSE.search(text)
        # ("其中:2017年底,…;2018年底,…": the plan's own milestones, year by year, go on with it)
        if planned and not plan_part and dated_clause and not re.match(r"\s*其中[,，:：]", text):
            # "…要实现数字产业化的整体提升。从数字产业化来看,2020年,广西数字产业化规模850亿元": a clause
            # opening on a year before the goal's (or with no goal year at all) reports, and the plan
            # carried from the sentence before ends there
            clause_year = int(dated_clause.group(1))
            planned = clause_year >= min(target_year or 9999, dated_year or 9999)
        figures = find_figures(
            text,
            target_year=target_year,
            horizon=horizon,
            planned=planned,
            report_year=report_year,
            antecedent=metrics[-1].indicator if metrics else "",
            board=board,
            last_rank=last_rank,
            dated_year=dated_year,
        )
        board = named_board(text) or board  # the list later ranks of the document are in
        ranking = dated_ranking(text) or ranking
        # "2023年上半年,全区实现…;规模以上工业增加值同比增长10.1%": a year heading the full sentence
        # dates the figures of its later semicolon clauses too.
        run_start = max(document.text.rfind(ch, 0, sentence.start) for ch in "。\n") + 1
        head_year = figure_year(document.text[run_start : sentence.start], sentence.start - run_start)
        paragraph_start = document.text.rfind("\n", 0, sentence.start) + 1
        opening_year = paragraph_year(document.text[paragraph_start : paragraph_start + 12])
        dated_paragraph = bool(
            re.match(r"\s*(?:19|20)\d{2}年[,，]", document.text[paragraph_start : paragraph_start + 12])
        )
        count_before = len(metrics)
        for f in figures:
            # A figure find_figures gave each of a list of places ("北京、浙江分列第二、三名") sits, with
            # no width, right after its place's name: it is that place's, not the group's.
            if f.start != f.end and about_group(
                document.text,
                sentence.start,
                sentence.start + f.start,
                ctx.spans_in(sentence.start, sentence.start + f.start),
            ):
                continue  # SCHEMA.md: a fact about an aggregate of places is left out
            listed = [
                sp.division
                for sp in ctx.spans_in(sentence.start - 40, sentence.start + f.start)
                if f.start == f.end and sp.end == sentence.start + f.start and not sp.in_name
            ]
            clause = clause_before(text, f.start)
            if f.unit != "位" and (
                _WORLDWIDE.match(text, f.start - len(clause)) or _WORLD_COUNT.search(clause)
            ):
                continue  # "全球在建智慧城市达1000多个", "落地全球30多座城市": the world's, no place's
            place = listed[-1] if listed else _metric_place(ctx, sentence, f.start)
            if place == ctx.gazetteer.country and unnamed_locality:
                continue  # SCHEMA.md: a metric with no stated place is left out (全市… in a city never named)
            if _LEVEL_RANK.get(ctx.default.level, 3) > _LEVEL_RANK.get(place.level, 3) and any(
                sp.division == place
                and sentence.start <= sp.start
                and sp.end <= sentence.start + f.start
                and (peers := _JOINED_PEERS.match(ctx.document.text, sp.end)) is not None
                and _counts_peers(peers["kind"], "个", place.level)
                for sp in ctx.spans
            ):
                # "定州市和39个县(市、区)的建设项目已通过预验收,共完成了207个应用系统的对接" in a
                # province's report: a place joined to a count of its peers is one of a group, whose
                # figures are the subject's
                place = ctx.default
            if _counts_peers(f.indicator, f.unit, place.level) and not re.search(
                r"(?:[与同跟向]|和)[^,，;；。与同跟向]{0,16}$", text[: f.start]
            ):
                # "有14个地级行政区属于创新领先类" in a city's news: the wider set, not the city's own
                # (partners are its own: 已与26个省份的54个城市签订合作协议)
                continue
            ev = ctx.evidence(sentence, f.start, f.end)
            concept = indicator_concept(f.indicator, f.unit)
            year = f.year if f.year is not None or f.qualifier == "target" else head_year
            if year is None and (f.qualifier == "target" or dated_paragraph):
                year = opening_year  # "2024年,我局将…。力争全年…达到1350亿元": the paragraph's year
            elif (
                f.qualifier == "target"
                and opening_year is not None
                and year == report_year
                and not re.search(r"(?:19|20)\d{2}年", text[: f.start])
            ):
                year = opening_year  # "年内建成…" in the paragraph "2024年,我局将…" of a 2023 summary
            stated = figure_year(text, f.start)
            if horizon is not None and heading_review and f.qualifier != "target":
                # SCHEMA.md: a plan's current-state figures take its base year, which its review
                # section states ("截至2020年底,全市建成…") for the figures after it there.
                if stated is not None:
                    review_year = stated
                elif review_year is not None:
                    year = review_year
            if year is None and section_year is not None and (f.qualifier == "target") == plan_part:
                year = section_year  # SCHEMA.md year: the year the text states, here for the section
            if year is None and f.unit in ("位", "分") and f.qualifier != "target":
                # SCHEMA.md year: a rank or score is a place in the dated ranking the text named
                # (《2020数字政府发展指数报告》…上海位列全国第一名).
                year = ranking_year(ranking, text)
            if (
                year is None
                and f.qualifier != "target"
                and re.match(r"\s*其中", text)
                and len(set(last_years)) == 1
            ):
                # "…2024年1—11月完成…收入31.7万亿元。其中,…同比增长8.4%": a breakdown of the figures just
                # given refers to their year.
                year = last_years[0]
            metrics.append(Metric(place, f.indicator, f.value, f.unit, year, f.qualifier, ev, concept))  # type: ignore[arg-type]
        # A sentence that also reports what is done ("…达到93.5%,今年将提高到97%") states one goal, not a
        # plan its next sentences go on with.
        planned = plans_ahead(text, planned=planned) and all(f.qualifier == "target" for f in figures)
        last_years = [m.year for m in metrics[count_before:]]
        # the last rank so far, for a later "并列第N" (kept as it goes: looking back costs the whole list)
        last_rank = next((m.indicator for m in reversed(metrics[count_before:]) if m.unit == "位"), last_rank)
        previous_end = sentence.end
        for c in find_policies(text):
            # "(以下简称《规划》)" makes later 《规划》 the same citation.
            known = policies.get(c.title)
            cited = next((p for p in policies.values() if _plan_key(p.title) == _plan_key(c.title)), None)
            if known is None and cited is not None:
                # 《…实施方案(2025-2027)》 and 《…实施方案(2025—2027年)》, or the plan without its years:
                # one plan, cited twice; the first citation stands, the other is its alias.
                if c.title not in cited.aliases:
                    policies[cited.title] = dataclasses.replace(cited, aliases=(*cited.aliases, c.title))
                continue
            if known is not None and c.aliases:
                policies[c.title] = PolicyCitation(
                    known.title, known.issuer or c.issuer, known.evidence, known.aliases + c.aliases
                )
            elif known is None and not any(c.title in p.aliases for p in policies.values()):
                policies[c.title] = PolicyCitation(
                    c.title, c.issuer, ctx.evidence(sentence, c.start, c.end), c.aliases
                )
        target_year = goal_frame(text) or target_year
    programmes = _without_short_forms(programmes)
    projects = _not_bodies(ctx, projects, agencies)
    projects = _without_infixed(projects)
    # "积极参与组建湖州市数字资源转化运营中心…出席该中心揭牌仪式": a centre the text sets up anywhere is a body
    # (SCHEMA.md: bodies are agencies), wherever else it is named
    projects = {
        k: p
        for k, p in projects.items()
        if not (
            p.kind == "facility"
            and p.name.endswith("中心")
            and re.search(rf"(?:组建|成立|设立)了?{re.escape(p.name)}", document.text)
        )
    }
    # SCHEMA.md: a division named only inside another proper name is not listed: 数字福州 or
    # 鹿泉区国际数字经济产业园 runs there but does not name the place (an agency's prefix does).
    mentioned: list[ProgrammeMention | ProjectMention] = [*programmes.values(), *projects.values()]
    facts = [(m.place, m.evidence) for m in mentioned if not _inside_name(m)]
    facts += [(m.place, m.evidence) for m in agencies.values()]
    facts += [(m.place, m.evidence) for m in metrics]
    return Extraction(
        document=document,
        subject_places=ctx.subjects,
        places=_places(ctx, taken_spans, facts, body_spans),
        programmes=tuple(programmes.values()),
        agencies=tuple(agencies.values()),
        projects=tuple(projects.values()),
        metrics=tuple(_dedupe_metrics(metrics)),
        policies=tuple(policies.values()),
    )


def _programme_says(text: str, project: ProjectHit, programmes: list[ProgrammeHit]) -> bool:
    """Whether a project's words are a programme's: the programme's whole name, or a part of a slogan.

    A programme ending in the project's own name is that name (not both); one that goes on
    (“数字苏州驾驶舱”升级工程, 电子政务外网升级改造…) is work on a project that exists. Quotes around
    either name do not count (“一云一网一平台”建成上线). A slogan of parallel clauses (“进一张网、办全省事”)
    is a way of working: the 一张网 inside it is none of the things a place built. A quoted name found
    as both (“晋江数据湖”) is the thing built unless its shape is a way of working.
    """
    quoted = _unquoted(text, project.start, project.end)
    for hit in programmes:
        if hit.start <= quoted[0] and quoted[1] == hit.end:
            return True
        start, end = _unquoted(text, hit.start, hit.end)
        if (start, end) == quoted and has_slogan_shape(text[start:end]):
            return True  # “一云一网一平台”: the shape of a way of working, a quoted thing otherwise
        if start <= quoted[0] and quoted[1] <= end and re.search(r"[、，,]", text[start:end]):
            return True
    return False


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a span without the quotes that open and close it, if it has both."""
    quoted = text[start : start + 1] in '“‘"' and text[end - 1 : end] in '”’"' and end - start > 2
    return (start + 1, end - 1) if quoted else (start, end)


# 中央城市工作会议, 全国…大会, 第十七届全国…研讨会: an event the centre holds, by its title
_NATIONAL_EVENT = re.compile(r"(?:20\d\d年)?(?P<edition>第[一二三四五六七八九十百\d]+届|首届)?(?:中央|全国)")


def _project_place(ctx: _Context, sentence: Sentence, hit: ProjectHit) -> Division:
    """Return where a project belongs: where the sentence acts, unless its name ties it elsewhere.

    SCHEMA.md: a platform goes to the division in its name or its operator (安徽政务服务网 → 安徽省),
    but 浙里办 in a 杭州 report → 杭州市: a province's app used by one of its own places is theirs.
    """
    acting = ctx.place_at(sentence, sentence.start + hit.start, local=True)
    if re.search(r"[;；]$", sentence.text[: hit.start]):
        # "…沙坪坝区建成…;两江新区、渝北区…上线": a clause the project opens is about it, not about the
        # place an earlier clause named
        acting = ctx.default
    # A place heading another project's name earlier in the clause (甲县…产业园区、青禾数谷产业园,
    # 南京…直联点扩容升级和江苏…中心) is that project's own, not who acts for the items after it.
    others = [
        (sentence.start + p.start, sentence.start + p.end)
        for p in ctx.projects[sentence.index]
        if p != hit
        and re.fullmatch(r"、[^,，;；。]{0,20}|[^,，;；。、]{0,12}[和及与]", sentence.text[p.end : hit.start])
    ]
    actors = [
        a
        for a in ctx.actors
        if sentence.start <= a.start < sentence.start + hit.start and a.place.level != "country"
    ]
    if actors and any(b <= actors[-1].start < e for b, e in others):
        free = [a for a in actors if not any(b <= a.start < e for b, e in others)]
        acting = free[-1].place if free else ctx.default
    # "渝北区副区长冉明,两江新区管委会副主任罗佳": a zone heading its own body's name is that body's, one
    # of the bodies listed, not a zone inside the place an earlier item's title named
    if (
        actors
        and hit.kind == "park"
        and re.match(r"(?:管委会|管理委员会|党工委|工委)", sentence.text[hit.end :])
        and re.search(r"[,，、]", ctx.document.text[actors[-1].end : sentence.start + hit.start])
    ):
        acting = ctx.default
    # "…竞得坐落于七星区横塘路…的英才科技园…地块": a district of the subject named in an address locates
    # the site; the subject still runs what is built there (as a venue inside it leaves an event to it)
    if (
        actors
        and acting == actors[-1].place
        and re.search(
            r"(?:坐落于|坐落在|位于|地处)$",
            ctx.document.text[max(0, actors[-1].start - 3) : actors[-1].start],
        )
        and ctx.default in ctx.gazetteer.ancestors(acting)
    ):
        acting = ctx.default
    # 我市/本区 after the last place named speaks for the subject again ("学习杭州经验,我市建成…平台").
    after = actors[-1].end if actors else sentence.start
    self_named = list(_SELF.finditer(ctx.document.text, after, sentence.start + hit.start))
    if self_named:
        acting = ctx.local(self_named[-1].group(1))
    if hit.kind == "event":
        # "收听收看全省…推进电视电话会议" in a city's report: the reach word says who holds it
        national = _NATIONAL_EVENT.match(hit.name)
        if national and national.group("edition"):
            # "在第十七届全国…研讨会上作经验交流": a standing national event is the centre's unless the
            # text says where this edition was held (第二届全国…高峰论坛在北京举行)
            return _venue(ctx, sentence, hit, acting) or ctx.gazetteer.country
        if national:
            # 中央城市工作会议, 全国…大会: held by the centre, whoever cites it, unless the text says where
            # it was held (2024年全国数字乡村建设工作现场推进会在绵阳召开)
            return _venue(ctx, sentence, hit, acting) or ctx.gazetteer.country
        # "中国兰州数字经济论坛", "2019苏州相城…推介会…在上海举行": the division an event's own title
        # carries holds it when it is the subject or lies inside the place acting (SCHEMA.md: the place
        # that runs it, as a platform goes to the division in its own name); a stated venue comes next
        # "举办全省…观摩会" in a county's report: the place that hosts it holds it, whatever its reach or title
        hosted = re.search(r"(?:举办|承办|主办)了?$", sentence.text[: hit.start]) is not None
        namesake = _namesake(ctx, sentence, hit)
        # (A city heading the title of an event held in one of its counties, 滨州市…现场推进会在惠民县召开,
        # is left to the venue: tried in round 22, it cost the set-aside part an event.)
        if (
            namesake is not None
            and not hosted
            and (namesake in ctx.subjects or acting in ctx.gazetteer.ancestors(namesake))
        ):
            return namesake
        reach = re.match(r"全(省|市)", hit.name)
        held_by = ctx.local(reach.group(1)) if reach else None
        if (
            reach
            and not hosted
            and held_by is not None
            and held_by.level == {"省": "province", "市": "prefecture"}[reach.group(1)]
        ):
            return _venue(ctx, sentence, hit, acting) or held_by
        return _venue(ctx, sentence, hit, acting) or _event_holder(ctx, sentence, hit, acting, hosted=hosted)
    hints = {**place_hints(), **service_apps()}
    code = next((hints[n] for n in (hit.name, *hit.aliases) if n in hints), None)
    if hit.name not in hints and _CHANNEL.search(hit.name):
        code = None  # 浙里办·青禾专区: a channel of the province's app, run by the place it names
    if code is not None and code in ctx.gazetteer:
        hinted = ctx.gazetteer.get(code)
        provincial = re.search(r"(?:省级|全省)“?$", sentence.text[: hit.start])  # 依托省级“爱山东”平台
        # 承担省级“浙里办”城市频道…: the province's app named for its channel here is run by the place
        channel_here = re.match(r"”?[\u4e00-\u9fff]{0,4}(?:频道|专区|分厅|分站)", sentence.text[hit.end :])
        # A district that uses its city's app (i厦门 in a 思明区 report) does not run it; a city that
        # uses its province's does, in its own channel (SCHEMA.md: 浙里办 in a 杭州 report → 杭州市).
        # The country's own platform (国家政务服务平台) that a province plugs into stays the country's.
        # A district runs its province's app (皖事通 in a 蒙城县 report) as a city does; an app named
        # after its own place (i厦门, 山东通 in a 日照 report) stays that place's (SCHEMA.md: the
        # division in its own name).
        place_named = ctx.gazetteer.short(hinted) in hit.name or hinted.name in hit.name
        inside = (
            acting.level != "country"
            and not place_named
            and hinted.level != "country"
            and hinted in (acting, *ctx.gazetteer.ancestors(acting))
        )
        return (
            acting
            if inside and not (provincial and not channel_here and hinted.level == "province")
            else hinted
        )
    named = _named_place(ctx, sentence, hit, acting, hints)
    if named is not None:
        return named
    settled = _settled(ctx, sentence, hit, acting)
    if settled is not None:
        return settled
    # A bare level word heading the name (市运管服平台, 区政务服务中心) is the subject's city or district,
    # whichever place the sentence last named (SCHEMA.md: "市" in a district report is its city).
    level = re.match(r"(?:市(?![场级域民区])|[区县](?![块域级城]))", hit.name)
    if level and (level.group(0) == "市" or ctx.local(level.group(0)).level == "district"):
        return ctx.local(level.group(0))
    # "州12345政务服务热线": the level word before a hotline's number says whose it is
    before = (
        re.search(r"([市州盟区县])$", sentence.text[: hit.start]) if re.match(r"\d{5}", hit.name) else None
    )
    if before:
        head = {"州": "市", "盟": "市"}.get(before.group(1), before.group(1))
        if ctx.local(head).level in ("prefecture", "district"):
            return ctx.local(head)
    # A platform that states its level (国家政务服务平台, 省一体化政务服务平台) is run there; a centre
    # named 国家… is still built somewhere (国家超级计算郑州中心).
    if hit.kind == "platform" and re.match(
        r"(?:国家(?!级)|全国一体化|全国(?=[\u4e00-\u9fff]{4,}系统$))", hit.name
    ):
        return ctx.gazetteer.country
    # (and "省级数据共享平台" in a county's report: the level that names its own system runs it)
    if hit.kind == "platform" and hit.name.startswith("省") and ctx.local("省").level == "province":
        return ctx.local("省")
    # A province named or implied (全省) in a city's sentence frames it; the park or platform the city
    # builds is the city's unless its name or operator says otherwise (SCHEMA.md: usually the subject).
    if acting in ctx.gazetteer.ancestors(ctx.default) and not _province_speaks(ctx, sentence, hit, acting):
        return ctx.default
    return _paragraph_district(ctx, sentence) if acting == ctx.default else acting


def _province_speaks(ctx: _Context, sentence: Sentence, hit: ProjectHit, acting: Division) -> bool:
    """Whether the level above the subject opens the clause as who builds (作为…枢纽,四川近年来通过建设
    天府数据中心集群…): then it, not the subject, runs what the clause names."""
    last = [a for a in ctx.actors if sentence.start <= a.start < sentence.start + hit.start]
    if not last or last[-1].place != acting:
        return False
    text = ctx.document.text
    opens = last[-1].start == sentence.start or text[last[-1].start - 1] in ",，;；:："
    return opens and bool(_BUILDS_AS_SUBJECT.match(text, last[-1].end))


_BUILDS_AS_SUBJECT = re.compile(
    r"(?:近年来|通过|已经?|先后|正在|加快|大力|全力|着力|持续|积极)[^,，。;；]{0,6}?(?:建设|建成|打造|搭建|布局)"
)


# "…案例在…峰会上推介": a place that speaks, shows or signs at an event takes part in it, it does not hold it
_AT_EVENT = re.compile(r"^(?:[^，,。；;在]{0,24}?(?:会|论坛|大赛|节|展))?”?(?:上|期间)")


def _event_holder(
    ctx: _Context, sentence: Sentence, hit: ProjectHit, acting: Division, *, hosted: bool
) -> Division:
    """Return who holds an event with no venue stated: the place heading its name, else the acting place.

    A place that hosts it (``hosted``: 举办浙江省…成果展巡展) holds it, whoever's name it carries.

    SCHEMA.md: an event goes to its venue or organiser, else to the subject. 浙江省“…”专题发布会 is the
    province's; a district whose case is shown at a conference (柯桥区案例在…峰会上推介) only takes part.
    """
    head = _head_place(ctx, sentence, hit)
    if head is not None and head.level in ("province", "prefecture") and head != acting and not hosted:
        return head
    framed = re.search(r"在[^，,。；;在]*$", sentence.text[: hit.start])
    if framed and _AT_EVENT.match(sentence.text[hit.end :]) and acting not in (head, ctx.default):
        return ctx.default
    return acting


def _namesake(ctx: _Context, sentence: Sentence, hit: ProjectHit) -> Division | None:
    """Return the division named first in a project's own name, below the country, or its child
    named right after it (苏州相城… → 相城区); None when the name carries none."""
    start, end = sentence.start + hit.start, sentence.start + hit.end
    inside = sorted(
        (
            s
            for s in ctx.spans
            if start <= s.start < end
            and s.division.level != "country"
            and not names_a_town(ctx.document.text, s.end)  # 新都桥: a town
        ),
        key=lambda s: s.start,
    )
    # "首届数字陕西建设高峰论坛在延安举办": a place inside a programme's name (数字陕西) is its theme,
    # not the division that holds the event
    inside = [s for s in inside if not re.search(r"(?:数字|智慧|数智)$", ctx.document.text[start : s.start])]
    if not inside:
        return None
    chain = inside[0]
    for span in inside[1:]:
        if span.start != chain.end or chain.division not in ctx.gazetteer.ancestors(span.division):
            break
        chain = span
    return chain.division


def _head_place(ctx: _Context, sentence: Sentence, hit: ProjectHit) -> Division | None:
    """Return the one division whose name or short form LAC reads at the head of a project's name.

    SCHEMA.md: a project goes to the division named in its own name; 昆山先进计算产业园 in a text
    whose places were not found as actors is still 昆山市's, not the country's.
    """
    name = hit.name.lstrip("“")
    at = hit.start + len(hit.name) - len(name)
    word = next((w for w in segment(sentence.text) if w.start == at), None)
    if word is None or word.tag != "LOC" or not name.startswith(word.text):
        return None
    if names_a_town(name, len(word.text)):
        return None  # 新都桥园区: a town named like a district (新都区) is not that district
    found = [d for d in ctx.gazetteer.lookup(word.text) if d.level != "country"]
    return found[0] if len(found) == 1 else None


def _last_named(ctx: _Context, position: int, *, city: bool = False) -> Division | None:
    """Return the last place below the country that acts before `position` in the document, if any.

    With `city`, the city that place is or lies in (市运管服平台 after 某区住建局 is that district's city's).
    """
    before = [a.place for a in ctx.actors if a.start < position and a.place.level != "country"]
    if not before:
        return None
    if city and before[-1].level == "district":
        return next((p for p in ctx.gazetteer.ancestors(before[-1]) if p.level == "prefecture"), before[-1])
    return before[-1]


# A bare 市 opening a name after a clause mark or a copula (是市…中心, ,市运管服平台) is the city's.
_CITY_SPEAKS = re.compile(r"(?:^|[,，。;；:：、是在由经和与])市(?![场级域民区县])")


_WHOLE_OF = {
    "province": re.compile(r"全省(?![第前首内外])"),
    "prefecture": re.compile(r"全市(?![第前首内外])"),
}
# A person of a place: its residents, staff, an unnamed one (某街道网格员), heading a name or a quote.
_PERSON_OF = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:某|村民|居民|市民|群众|网格员|工作人员|办事员|职工|员工|老人|学生|家长|店主|个体户|创业者)"
)


def _paragraph_actor(ctx: _Context, sentence: Sentence) -> Division | None:
    """Return the last place below the country that acted earlier in the sentence's paragraph, if any."""
    text = ctx.document.text
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    before = [
        a.place for a in ctx.actors if paragraph <= a.start < sentence.start and a.place.level != "country"
    ]
    return before[-1] if before else None


# 全州, 全市, 全县 opening a clause: the whole of a place of that kind.
_LOWER_WHOLE = re.compile(
    r"(?:^|(?<=[,，;；:：]))(?:截至[^,，;；:：。]{0,12}[,，]?|目前|当前)?全([州市盟县区])(?![内外第首])"
)


def _lower_whole(ctx: _Context, sentence: Sentence, start: int) -> Division | None:
    """Return the place of a kind below the subject's that a clause heading 全州/全市 speaks of.

    A province's reply that has just named 西双版纳州 goes on "全州5G基站总数达2365个": the whole of that
    prefecture, the last place of that kind within the subject its paragraph named, not the province.
    """
    heads = list(_LOWER_WHOLE.finditer(sentence.text, 0, start))
    if not heads:
        return None
    whole = heads[-1]
    kind = whole.group(1)
    levels = SCOPE_LEVELS["全" + kind]
    if ctx.default.level not in ("country", "province", "prefecture") or ctx.default.level in levels:
        return None
    paragraph = ctx.document.text.rfind("\n", 0, sentence.start) + 1
    for actor in reversed([a for a in ctx.actors if paragraph <= a.start < sentence.start + whole.start()]):
        place = actor.place
        if (
            place.level in levels
            and place.name.endswith(kind)
            and ctx.default in ctx.gazetteer.ancestors(place)
        ):
            return place
    return None


def _paragraph_district(ctx: _Context, sentence: Sentence) -> Division:
    """Return the district the paragraph's previous sentence is about when this one names no place.

    "渝北区聚焦…。临空经济示范区内的仙桃国际大数据谷…": the paragraph goes on about 渝北区 (SCHEMA.md:
    `place` is the place whose activity the sentence describes).
    """
    if ctx.actors_in(sentence.start, sentence.end):
        return ctx.default
    if _CITY_SPEAKS.search(sentence.text):
        return ctx.default  # "这是市…指挥中心通过运管服平台…": the city's own body speaks, not the district
    if (whole := _WHOLE_OF.get(ctx.default.level)) and whole.search(sentence.text):
        return ctx.default  # "“粤智助”实现全省行政村全覆盖" in a province's text: the whole province, said so
    text = ctx.document.text
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    # "茂名市高州市云潭镇读岗村村民王康华…给出好评", "天心区某街道网格员小李说": a place that says where a
    # person lives or works is not what the paragraph goes on about.
    before = [
        a for a in ctx.actors if paragraph <= a.start < sentence.start and not _PERSON_OF.match(text, a.end)
    ]
    if not before:
        return ctx.default
    place = before[-1].place
    inside = ctx.default in ctx.gazetteer.ancestors(place)
    return place if place.level == "district" and inside else ctx.default


def _not_bodies(
    ctx: _Context,
    projects: dict[tuple[str, str], ProjectMention],
    agencies: dict[tuple[str, str], AgencyMention],
) -> dict[tuple[str, str], ProjectMention]:
    """Drop the centres the document also names as a body: one that acts in one sentence (会同…、市城市运行
    管理中心办理) is an agency wherever it is named (SCHEMA.md: bodies are agencies, not projects)."""
    bodies = {key for key in agencies}
    return {
        key: p
        for key, p in projects.items()
        if p.kind != "facility"
        or (p.place.code, _agency_key(ctx, AgencyMention(p.place, p.name, p.evidence))) not in bodies
        # 湖州会展中心, …视频监控中心, …算力中心: a venue or a machine room is a building, never a body
        or bool(re.search(r"(?:会展|监控|算力|超算|智算|计算|灾备)中心$", p.name))
        # "投资5亿元建设的龙岗智慧中心": a centre the text says was built is a building wherever it acts
        or built_before(p.evidence.sentence[: p.evidence.start - p.evidence.sentence_start])
        # 建设"华容县远程影像诊断中心"和"…心电诊断中心": a centre whose quoted name a build verb governs is built
        or bool(
            re.search(
                rf"(?:建设|建成|筹建|新建|共建|打造)[^,，。;；]*[“\"]{re.escape(p.name)}[”\"]",
                p.evidence.sentence,
            )
        )
    }


def _venue(ctx: _Context, sentence: Sentence, hit: ProjectHit, acting: Division) -> Division | None:
    """Return the venue stated after an event (…峰会在广州召开), unless it lies inside `acting`."""
    end = sentence.start + hit.end
    text = ctx.document.text
    # "2023全球数字经济大会第二届全国…高峰论坛在北京举行": a session named right after the event is held
    # where it is, so the venue after the session is the event's too
    session = next(
        (h for h in ctx.projects[sentence.index] if h.kind == "event" and h.start == hit.end),
        None,
    )
    end = sentence.start + session.end if session is not None else end
    for span in ctx.spans:
        # "赴杭州参加第八届…推介会": the place a delegation goes to for an event holds it
        if (
            sentence.start < span.start
            and text[span.start - 1] == "赴"
            and re.fullmatch(
                r"(?:参加|出席)(?:第[一二三四五六七八九十\d]+届|首届|20\d\d年?)?",
                text[span.end : sentence.start + hit.start],
            )
        ):
            return (
                None
                if span.division == acting or acting in ctx.gazetteer.ancestors(span.division)
                else span.division
            )
        if span.start < end or span.start >= sentence.end:
            continue
        # "数字中国建设峰会(简称“数字峰会”)于2018年落户福州": where an event settles for good holds it
        if re.fullmatch(r"[^，,。；;]{0,24}?落户", text[end : span.start]):
            return None if acting in ctx.gazetteer.ancestors(span.division) else span.division
        # "…大会在四川成都召开": the province may locate the city that holds it
        lead = span.start
        while (outer := next((s for s in ctx.spans if s.end == lead and s.start >= end), None)) is not None:
            lead = outer.start
        before, after = ctx.document.text[end:lead], ctx.document.text[span.end : span.end + 16]
        # "…在盐城盐南高新区举办": a development zone of the place may stand between it and the verb
        if re.fullmatch(r"[^，,。；;]{0,14}?在", before) and re.match(
            r"(?:市|省)?(?:[^，,。；;在的]{1,8}?(?:高新区|开发区|经开区|新区))?(?:召开|举办|举行|开幕|启幕|落幕|隆重)",
            after,
        ):
            # A venue inside the acting place (相城区 in a 苏州 report) leaves the event to it (dev gold);
            # the subject as venue keeps it, whatever province the sentence names (…将于6月28日在雅安举行).
            inside = acting in ctx.gazetteer.ancestors(span.division) and span.division != ctx.default
            # a province's text holding its event in one of its cities (…推进会在绵阳召开) gives it to the
            # city, as a city's short form heading a thing does
            inside = inside and not (span.division.level == "prefecture" and acting.level == "province")
            return None if inside else span.division
    return None


def _settled(ctx: _Context, sentence: Sentence, hit: ProjectHit, acting: Division) -> Division | None:
    """Return where the clause says a centre or park settles (…灾备中心和托管系统落户南京), if not inside `acting`.

    SCHEMA.md: a project's place is where the text ties it. As with an event's venue, a place inside
    the acting one leaves the thing to it, but a city in a province's text is the city's.
    """
    if hit.kind not in ("facility", "park"):
        return None
    end = sentence.start + hit.end
    for span in ctx.spans:
        if span.start < end or span.start >= sentence.end or span.division.level == "country":
            continue
        before = ctx.document.text[end : span.start]
        if not re.fullmatch(r"[^，,。；;]{0,12}?(?:落户|落地|位于|坐落于|选址|建在)(?:于|在)?", before):
            return None
        inside = acting in ctx.gazetteer.ancestors(span.division) and span.division != ctx.default
        if inside and not (span.division.level == "prefecture" and acting.level == "province"):
            return None
        return span.division
    return None


def _named_place(
    ctx: _Context, sentence: Sentence, hit: ProjectHit, acting: Division, hints: dict[str, str]
) -> Division | None:
    """Return the division a project's own name ties it to, if any (西藏教育珠峰旗云平台 → 西藏自治区)."""
    start, end = sentence.start + hit.start, sentence.start + hit.end
    # The 山东 of 爱山东·青e办 belongs to the province's app brand, not to whoever runs this one.
    brands = [(start + i, start + i + len(n)) for n in hints if (i := hit.name.find(n)) >= 0]
    # 安徽政务服务网芜湖分厅: a channel is run by the division named just before its word (SCHEMA.md: its
    # 涡阳分厅 → 涡阳县), the platform it opens on by the one heading the name
    channel = _CHANNEL.search(hit.name) is not None
    for span in reversed(ctx.spans) if channel else ctx.spans:
        if not start <= span.start < end or span.division.level == "country":
            continue
        if any(a <= span.start < b for a, b in brands):
            continue
        named, full = span.division, span.surface == span.division.name
        # 保山隆阳区…平台: a division right before one of its own only says where that one lies
        child = next(
            (s for s in ctx.spans if s.start == span.end and named in ctx.gazetteer.ancestors(s.division)),
            None,
        )
        if child is not None and child.end <= end:
            named, full = child.division, child.surface == child.division.name
        # 云南新创(大理)工业园区 in a 大理 report: a bracket naming the subject says the thing is its own
        inner = next(
            (
                s
                for s in ctx.spans
                if span.end <= s.start < end
                and ctx.document.text[s.start - 1] in "(（"
                and s.division in ctx.subjects
                and named in ctx.gazetteer.ancestors(s.division)
            ),
            None,
        )
        if inner is not None:
            named, full = inner.division, True
        if (
            hit.kind == "platform"
            and not full
            and not channel  # LAC reads 涡阳分厅 as one place word; the channel is still 涡阳县's
            and _landmark(ctx, sentence, span.start, len(span.surface))
        ):
            continue  # 广州塔景区智能化管理平台: a landmark named after a city is no division that runs it
        if hit.kind == "platform":
            return named
        if not full and not ends_on_kind(hit.name):
            # "启动新疆云针、北京蓝耘…4个算力重点项目": a short form heading a firm's project named by no
            # kind of thing is where the firm comes from; the place that starts the project runs it
            return None
        # A short form heading the name ties it there when no place acts (于都工业园区 in a national text).
        if span.start != start or (
            not full
            and acting.level != "country"
            and acting in ctx.gazetteer.ancestors(named)
            # a city's short form heading a thing in a province's text (南京…直联点 in a 江苏 text) is
            # that city's: SCHEMA.md, the division named in its own name
            and not (named.level == "prefecture" and acting.level == "province")
        ):
            return None  # a park named by a short form of one of the city's districts is the city's (广陵新城软件园)
        # (a centre a province's text names after one of its cities, 郑州数据交易中心, 武汉超算中心, is that
        # city's, though LAC reads the whole as one body's name)
        within = acting in ctx.gazetteer.ancestors(named)
        if not full and not any(
            w.start == span.start - sentence.start
            and (
                w.tag == "LOC"
                or w.tag == "ORG"
                and w.end == hit.end
                and (_SITE_WORD.search(w.text) or (within and _CENTRE_WORD.search(w.text)))
            )
            for w in segment(sentence.text)
        ):
            # a short form LAC reads into a company's name (阿里 of 阿里…中心) names no place; one it reads
            # into the whole name of a park or a port (昆明数码港国际软件园) heads that site's name
            return None
        # Another city's park is that city's (杭州城西科创大走廊 in a 嘉兴 report); a centre named after the
        # province or city above the acting place is theirs only by its full name (德州市数字产业研究院,
        # not 河南空港智算中心 in a 郑州 report).
        above = named in ctx.gazetteer.ancestors(acting)
        return named if not above or (hit.kind == "facility" and full) else None
    return None


_CENTRE_WORD = re.compile(r"(?:交易中心|智算中心|算力中心|数据中心|超算中心)$")
_SITE_WORD = re.compile(r"(?:软件园|产业园|科技园|园区|数码港|科技城|新城|基地)$")


def _landmark(ctx: _Context, sentence: Sentence, start: int, length: int) -> bool:
    """Whether LAC reads the place's short form at `start` as the head of a longer place word that is
    no division's name (广州塔景区, 西湖景区), so the word names a landmark, not the division."""
    offset = start - sentence.start
    forms = ctx.gazetteer.surface_forms()
    return any(
        w.start == offset and w.tag == "LOC" and len(w.text) > length and w.text not in forms
        for w in segment(sentence.text)
    )


def _same_project(
    found: dict[tuple[str, str], ProjectMention], new: ProjectMention
) -> tuple[str, str] | None:
    """Return the key of a project already found that `new` names again, in full or shortened."""
    for key, old in found.items():
        if key[0] != new.place.code or old.kind != new.kind:
            continue
        names = {old.name, *old.aliases}
        if names & {new.name, *new.aliases}:
            return key
        if any(_shortens(a, b) or _shortens(b, a) for a in names for b in {new.name, *new.aliases}):
            return key  # 城运平台 of 城市运行管理平台: an abbreviation names the same thing
        if _unlevelled(names) & _unlevelled({new.name, *new.aliases}):
            return key  # 市运管服平台 and 运管服平台: the level word only says whose it is
        if new.kind == "platform" and _bare(names) & _bare({new.name, *new.aliases}):
            return key  # “筑事通”App, later 筑事通: one app
        # 仙游县大济镇电商直播基地, later 电商直播基地: the subject's own name heads it only to locate it
        pairs = [(a, b) for a in names | _unplaced(names, old.place) for b in {new.name, *new.aliases}]
        pairs += [(b, a) for a, b in pairs]
        if any(
            len(y) >= 4
            and x != y
            and x.endswith(y)
            and _describes(x[: -len(y)])
            and not _placed(y)
            # 国家政务服务平台 is the country's platform, not a description of a province's 政务服务平台
            # (a 国家…中心 is built somewhere, and named again without 国家 it is the same one)
            and not (new.kind == "platform" and re.fullmatch(r"(?:国家|全国|中国)", x[: -len(y)]))
            for x, y in pairs
        ):
            return key  # 一体化智能化公共数据平台, later 公共数据平台: the head only described it
        if any(
            len(y) >= 4
            and x.endswith(y)
            and _describes(x[: -len(y)])
            and _unplaced({y}, new.place) != {y}
            and not re.fullmatch(r"(?:国家|全国|中国)", x[: -len(y)])
            for x, y in pairs
        ):
            return (
                key  # 中国电子北海产业园, later 北海产业园: its owner dropped, the place that heads it kept
            )
        if any(
            len(y) >= 6 and x.endswith(y) and re.search(r"(?:中心|局|委|办|公司|集团)$", x[: -len(y)])
            for x, y in pairs
        ):
            return key  # 蒙城县融媒体中心“广电+乡村治理”综合应用平台, later the platform alone: its owner named first
        if any(
            len(y) >= 4 and x != y and x.endswith(y) and f"“{x[: -len(y)]}”{y}" in old.evidence.sentence
            for x, y in pairs
        ):
            return key  # “数智贵阳”城市运行中枢, later 城市运行中枢: the quoted brand only said whose it is
        if _unplaced(names, old.place) & _unplaced({new.name, *new.aliases}, new.place):
            return key  # 重庆两江新区 and 两江新区, 枣阳市电子商务产业园 and 枣阳电子商务产业园: one park
        # An event named again without its organiser ("数字能力建设研讨会"); parks and platforms that
        # share a tail are different things (仪征大数据产业园, 大数据产业园).
        shortened = any(n.endswith(new.name) or new.name.endswith(n) for n in names if len(n) >= 4)
        if new.kind == "event" and len(new.name) >= 4 and shortened:
            return key
        # "2021年江永县香柚节暨直播带货大赛" in a headline, "…香柚节暨网红带货直播大赛" in the body: a joint
        # title is known by its first event, however the text words the second
        heads = {n.split("暨")[0] for n in {new.name, *new.aliases} if "暨" in n}
        if new.kind == "event" and any(len(h) >= 6 and n.startswith(h + "暨") for h in heads for n in names):
            return key
        if new.kind == "event" and any(
            _headlined(a, b) or _headlined(b, a)
            for a in _unlevelled(_unplaced(names, old.place))
            for b in _unlevelled(_unplaced({new.name, *new.aliases}, new.place))
        ):
            return key  # a headline drops words of the title the report gives in full: one meeting
    return None


def _headlined(short: str, full: str) -> bool:
    """Whether `short` is `full` with some characters left out, as a headline shortens a meeting's title.

    >>> _headlined("县级工程项目审批制度改革推进会", "县级工程建设项目审批制度改革推进会暨培训会")
    True
    >>> _headlined("数字政府建设工作推进会", "数字经济建设工作推进会")
    False
    """
    if len(short) < 8 or len(short) < 0.6 * len(full) or short == full:
        return False
    rest = iter(full)
    return all(c in rest for c in short)  # every character, in order: a subsequence


def _without_infixed(
    projects: dict[tuple[str, str], ProjectMention],
) -> dict[tuple[str, str], ProjectMention]:
    """Return the projects with a zone's two namings (仪征大数据产业园, 仪征经济开发区大数据产业园) merged.

    A mention merges with the first one found that fits it (the bare 大数据产业园 may be taken first), so
    two namings of one park can stay apart until every sentence is read: they are merged here only,
    once, rather than also while the sentences are read (that changed no output on the dev corpus,
    the seeds, tests/cases or the project probes).
    """
    kept: dict[tuple[str, str], ProjectMention] = {}
    for key, p in projects.items():
        names = {p.name, *p.aliases}
        same = next(
            (
                k
                for k, o in kept.items()
                if o.place == p.place
                and o.kind == p.kind
                and any(_infixed(a, b) or _infixed(b, a) for a in {o.name, *o.aliases} for b in names)
            ),
            None,
        )
        if same is None:
            kept[key] = p
        else:
            kept[same] = _merged(kept[same], p)
    return kept


def _infixed(short: str, full: str) -> bool:
    """Whether `full` is `short` with words put in between its place and its kind (one thing, named twice).

    >>> _infixed("仪征开发区", "仪征经济开发区"), _infixed("仪征大数据产业园", "仪征经济开发区大数据产业园")
    (True, True)
    >>> _infixed("仪征产业园", "仪征软件产业园"), _infixed("青禾软件园", "青禾软件园青山分园")
    (False, False)
    """
    if len(short) < 4 or len(full) <= len(short) or not _placed(short):
        return False
    for i in range(2, len(short) - 2):
        head, tail = short[:i], short[i:]
        inner = full[i : len(full) - len(tail)]
        # the words put in are a zone's kind (经济开发区) or its economy (经济), not another name's (软件)
        if (
            full.startswith(head)
            and full.endswith(tail)
            and re.fullmatch(r"(?:经济|技术|高新|产业|经济技术)?(?:开发区|高新区|经开区|园区)?", inner)
            and inner
            and len(tail) >= 3
        ):
            return True
    return False


def _placed(name: str) -> bool:
    """Whether a name opens with a division's name (和林格尔数据中心): a whole name of its own.

    >>> _placed("和林格尔数据中心"), _placed("城市计算中心")
    (True, False)
    """
    places = load_gazetteer().surface_forms()
    return any(name[:n] in places for n in (2, 3, 4))


def _describes(head: str) -> bool:
    """Whether a name's head only describes the thing: it names no division (国家级数据…, not 仪征…).

    >>> _describes("国家级数据"), _describes("仪征")
    (True, False)
    """
    places = load_gazetteer().surface_forms()
    # 中国 of 中国电信 names the company, not a division the thing lies in (中国电信某某智算中心)
    return not any(
        any(d.level != "country" for d in places.get(head[i : i + n], ()))
        for n in (2, 3, 4)
        for i in range(len(head) - n + 1)
    )


def _unplaced(names: set[str], place: Division) -> set[str]:
    """Return the names with a head that names `place` taken off: the place only locates the thing.

    Another division's name stays (仪征大数据产业园 is not 大数据产业园 in a 扬州 report); the place's own
    parents may head it first (重庆市垫江软件园 is 垫江软件园 of 垫江县, located twice).
    """
    gazetteer = load_gazetteer()
    places = gazetteer.surface_forms()
    above = set(gazetteer.ancestors(place))
    out = set()
    for name in names:
        n = next((n for n in range(len(name) - 2, 1, -1) if place in places.get(name[:n], ())), 0)
        if n == 0:
            parent = next(
                (k for k in range(len(name) - 2, 1, -1) if above & set(places.get(name[:k], ()))), 0
            )
            rest = name[parent:]
            n = parent + next(
                (k for k in range(len(rest) - 2, 1, -1) if place in places.get(rest[:k], ())), 0
            )
            n = n if n > parent else 0  # a parent alone heading the name names no place of its own here
        out.add(name[n:])
    return out


def _shortens(short: str, full: str) -> bool:
    """Whether `short` abbreviates `full`: same head word, and the words before it cut to their heads.

    >>> _shortens("城运平台", "城市运行管理平台"), _shortens("数据平台", "数据共享交换平台")
    (True, False)
    """
    head = re.search(r"(?:平台|中心|系统|App|APP)$", full)
    if head is None or not short.endswith(head.group(0)):
        return False
    s, f = short[: -len(head.group(0))], full[: -len(head.group(0))]
    return 2 <= len(s) < len(f) and s not in f and _abbreviates(s, f)


def _unlevelled(names: set[str]) -> set[str]:
    """Return the names without a bare level word at their head (市运管服平台 → 运管服平台, 全州…平台 → …平台)."""
    return {re.sub(r"^全?[市区县省州盟](?![场级域民块])", "", n) for n in names}


def _used_below(
    ctx: _Context, found: dict[tuple[str, str], ProjectMention], new: ProjectMention
) -> tuple[str, str] | None:
    """Return the key of a platform `new` names again at a place above or below its own, if any.

    "四川省…“川善治”小程序。…江阳区…村民在“川善治”小程序上申请": a place below the one that runs
    an app, and no subject of the document, only uses it (SCHEMA.md: `place` is the place that runs it).
    """
    if new.kind != "platform":
        return None
    for key, old in found.items():
        # by its own name: 浙里办宁波频道, known also as 浙里办, is a channel of its own (SCHEMA.md)
        named = _bare({new.name}) & _bare({old.name, *old.aliases}) or _bare({old.name}) & _bare(
            {new.name, *new.aliases}
        )
        if old.kind != "platform" or not named:
            continue
        below, above = (
            (new.place, old.place)
            if old.place in ctx.gazetteer.ancestors(new.place)
            else (old.place, new.place)
        )
        if above in ctx.gazetteer.ancestors(below) and below not in ctx.subjects:
            return key
    return None


def _bare(names: set[str]) -> set[str]:
    """Return app names without the word for what they run on (筑事通App → 筑事通, i厦门平台 → i厦门)."""
    return {re.sub(r"(?:手机|移动)?(?:App|APP|app|平台|小程序|客户端|移动端)+$", "", n) for n in names}


def _merged(old: ProjectMention, new: ProjectMention) -> ProjectMention:
    """Keep the longer name; the other becomes an alias."""
    keep, other = (old, new) if len(old.name) >= len(new.name) else (new, old)
    aliases = tuple(dict.fromkeys(a for a in (*keep.aliases, other.name, *other.aliases) if a != keep.name))
    return ProjectMention(keep.place, keep.name, keep.kind, keep.evidence, aliases)


# What a national body's branch in a place is called (中国信通院江西研究院, 国家税务总局杭州市税务局).
_BRANCH_TAIL = re.compile(r"(?:研究院|分院|研究所|分所|分中心|分局|税务局|监管局|调查队|管理局)$")


def _agency(
    ctx: _Context, sentence: Sentence, hit: AgencyHit, found: dict[tuple[str, str], AgencyMention]
) -> AgencyMention | None:
    """Return the agency with its place, or None for a bare 市政府 in a document about no city."""
    ev = ctx.evidence(sentence, hit.start, hit.end)
    text = sentence.text
    if (
        _SITE_CHROME.match(text)
        or re.match(r"\s*(?:门户网站|政府网站|官方网站|官网)", text[hit.end :])
        or (re.search(r"[_|｜]\s*$", text[: hit.start]) and not text[hit.end :].strip())
    ):
        return None  # "主办:合肥市人民政府办公室", "…_南昌要闻_南昌市人民政府": the site, not a fact (cases 15, 23)
    if re.search(r"(?:会展|市民|会议|展览|博览)中心$", hit.name):
        return None  # 福州海峡国际会展中心, 南昌市民中心: a venue is a building (a project), never a body
    if hit.name.endswith("中心") and used_as_venue(text, hit.start, hit.end):
        return None  # 在汾阳市政务服务中心8楼, 参观…政务服务中心: where people go is the building, here
    if hit.place_surface == "局":
        # SCHEMA.md: 我局 is that place's bureau; 局党组, 局机关党支部 are its bodies. The bureau is the
        # first one of the subject the document names (its author, in a bureau's own report).
        bureaus = [m.name for m in found.values() if m.place == ctx.default and m.name.endswith("局")]
        if not bureaus:
            return None
        # Its full name where the text gives both (清远市政务和数据局, 清远市政务服务和数据管理局).
        home = max((b for b in bureaus if _abbreviates(bureaus[0], b)), key=len)
        return AgencyMention(ctx.default, home + hit.name[1:], ev, (hit.name,))
    if hit.national:
        # "中国信通院江西研究院": a national body's branch named after a place is that place's
        inner = (
            [
                sp.division
                for sp in find_place_spans(hit.name, gazetteer=ctx.gazetteer)
                if sp.start > 0 and sp.division.level != "country"
            ]
            if _BRANCH_TAIL.search(hit.name)
            else []
        )
        if inner:
            return AgencyMention(inner[-1], hit.name, ev, hit.aliases)
        return AgencyMention(ctx.gazetteer.country, hit.name, ev, hit.aliases)
    place = (
        # 自治区 heads a body as 省 does (自治区大数据局 in a 西藏 report).
        ctx.local("省" if hit.place_surface == "自治区" else hit.place_surface)
        if hit.place_surface
        else ctx.place_at(sentence, sentence.start + hit.start)
    )
    if hit.place_surface is None and re.search(r"[区园](?:管委会|管理委员会|管委)$", hit.name):
        # A zone's 管委会 answers to the city the text is about, not to a district named before it in
        # a list of speakers (渝北区副区长…,两江新区管委会副主任…); a division in its name still counts.
        place = next(
            (s.division for s in ctx.spans if s.division.level != "country" and s.surface in hit.name[:8]),
            ctx.default,
        )
    if hit.place_surface in ("县", "区", "市") and not _at_level(place, hit.place_surface):
        # "县委副书记…" in a city's report of a meeting in one of its counties: the county last named.
        named = [
            span.division
            for span in ctx.spans
            if span.start < sentence.start + hit.start
            and span.division.level == ("prefecture" if hit.place_surface == "市" else "district")
            and span.division.name.endswith(hit.place_surface)
        ]
        place = named[-1] if named else place
    if hit.place_surface in _LEVEL_OF:
        # "四川已于2019年挂牌成立了省大数据中心": a division of that level named earlier in the same
        # clause is the one a bare 省/市 means, whatever the document's subject is.
        clause_start = sentence.start + max(text.rfind(c, 0, hit.start) for c in ",，;；。:：") + 1
        named = [
            span.division
            for span in ctx.spans
            if clause_start <= span.start < sentence.start + hit.start
            and _at_level(span.division, hit.place_surface)
        ]
        place = named[-1] if named else place
    if hit.place_surface in _LEVEL_OF and not _at_level(place, hit.place_surface):
        # SCHEMA.md: a body named by level alone belongs to the subject's parent at that level; with
        # none ("市政府" in a provincial or national text) inventing 安徽省政府 or 中国政府 is wrong.
        return None
    name = hit.name
    if hit.place_surface == "州":
        # 州人民政府 in a 湘西 report: 湘西州人民政府, as the text shortens the prefecture's name
        full = place.name + name[1:]
        name = place.short + name
        return AgencyMention(place, name, ev, (full, hit.name, *hit.aliases))
    if hit.place_surface in _LEVEL_OF:
        name = place.name + name[len(hit.place_surface) :]
    elif hit.place_surface is None and place.short not in name[:8]:
        if place.level == "country" and not re.match(r"(?:中共|中央|全国|国家|国务院)", name):
            return None  # "由大数据局牵头" in a text about no place: no "中国大数据局"
        name = place.name + name
    aliases = tuple(a for a in (hit.name, *hit.aliases) if a != name)
    return AgencyMention(place, name, ev, aliases)


def _known_by_alias(
    ctx: _Context, found: dict[tuple[str, str], AgencyMention], mention: AgencyMention
) -> bool:
    """Whether a body of the same place already answers to this mention's name as an alias."""
    key = _agency_key(ctx, mention)
    return any(
        m.place == mention.place
        and any(_agency_key(ctx, AgencyMention(m.place, a, m.evidence)) == key for a in m.aliases)
        for m in found.values()
    )


def _abbreviated_by(
    found: dict[tuple[str, str], AgencyMention], key: tuple[str, str]
) -> tuple[str, str] | None:
    """Return the key of a body of the same place whose name `key`'s name shortens, if any.

    A short name keeps the full name's first and last characters and the rest in order
    (大数据局 of 大数据发展管理局, 政务和数据局机关党委 of 政务服务和数据管理局机关党委).

    >>> found = {("1", "大数据发展管理局"): None}
    >>> _abbreviated_by(found, ("1", "大数据局")), _abbreviated_by(found, ("1", "数据局")), _abbreviated_by(found, ("2", "大数据局"))
    (('1', '大数据发展管理局'), None, None)
    """
    place, short = key
    for other in found:
        full = other[1]
        if (
            other[0] == place
            and len(full) - 2
            >= len(short)
            >= 3  # one character off is another name (…服务数据… vs …服务和数据…)
            and full[0] == short[0]
            and full[-1] == short[-1]
            and _abbreviates(short, full)
        ):
            return other
    return None


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` keeps the characters of `full` in order (市政务和数据局 of 市政务服务和数据管理局).

    >>> _abbreviates("清远市政务和数据局", "清远市政务服务和数据管理局"), _abbreviates("市数据局", "市民政局")
    (True, False)
    """
    rest = iter(full)
    return all(ch in rest for ch in short)


# Lines a web page carries about itself: who runs the site, the neighbouring articles.
_SITE_CHROME = re.compile(
    r"\s*(?:主办|承办|协办|主管|主办单位|承办单位|版权所有|技术支持|上一篇|下一篇)\s*[:：]"
)

_LEVEL_OF = {
    "市": "prefecture",
    "区": "district",
    "县": "district",
    "省": "province",
    "自治区": "province",
    "州": "prefecture",
    "旗": "district",
    "盟": "prefecture",
}


def _at_level(place: Division, head: str) -> bool:
    """Whether `place` is what a bare 市/区/县/省 can mean (a county-level 昆山市 says 市 too; only an
    autonomous prefecture says 州)."""
    if head in ("州", "旗", "盟"):
        return place.name.endswith(head)
    return place.level == _LEVEL_OF[head] or (head == "市" and place.name.endswith("市"))


def _agency_key(ctx: _Context, mention: AgencyMention) -> str:
    """Return the name an agency is known by in its place: no 中共, no place prefix, 政府 for 人民政府.

    杭州市滨江区数字化改革领导小组办公室 and 滨江区数字化改革领导小组办公室 are one body, as are
    市政府 and 市人民政府 (loaders/agencies.py gives the other form as an alias), and so are an
    office and its short form (市政府新闻办公室, 市政府新闻办).
    """
    name = mention.name.removeprefix("中共")
    prefixes = sorted(
        {n for p in (mention.place, *ctx.gazetteer.ancestors(mention.place)) for n in (p.name, p.short)},
        key=len,
        reverse=True,
    )
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            if prefix and name.startswith(prefix) and len(name) > len(prefix):
                name, stripped = name[len(prefix) :], True
                break
    return re.sub(r"办公室$", "办", re.sub(r"^[省市区县](?=.)", "", name).replace("人民政府", "政府"))


def _places(
    ctx: _Context,
    taken: list[tuple[int, int]],
    facts: list[tuple[Division, Evidence]],
    bodies: Sequence[tuple[int, int]] = (),
) -> tuple[PlaceMention, ...]:
    """Divisions the text names outside other names, and those it refers to through a fact.

    SCHEMA.md v2: a parent the text never names is not listed (the hierarchy comes from the
    gazetteer); a place the text refers to only through a fact (省大数据局 → the province, 国务院 →
    中国) is listed with that fact's span, so every mention points at the words it was read from.
    """
    found: dict[str, PlaceMention] = {}
    for span in ctx.spans:
        if not span.is_listed or span.division.level == "country" or span.start in ctx.name_heads:
            continue
        if (
            any(s <= span.start < e for s, e in taken)
            and not any(s == span.start for s, e in taken)
            and not any(s <= span.start < e and _locates_body(ctx, s, span.start) for s, e in bodies)
        ):
            continue
        sentence = _sentence_at(ctx.document, span.start)
        if sentence is not None:
            ev = ctx.evidence(sentence, span.start - sentence.start, span.end - sentence.start)
            found.setdefault(span.division.code, PlaceMention(span.division, ev))
    for subject in ctx.subjects:
        first = ctx.first_span(subject)
        if subject.code not in found and first is not None:
            sentence = _sentence_at(ctx.document, first.start)
            if sentence is not None:
                ev = ctx.evidence(sentence, first.start - sentence.start, first.end - sentence.start)
                found[subject.code] = PlaceMention(subject, ev)
    for place, ev in facts:
        found.setdefault(place.code, PlaceMention(place, ev))
    return tuple(found.values())


def _locates_body(ctx: _Context, start: int, position: int) -> bool:
    """Whether a body's name starting at `start` runs through places alone up to `position`.

    SCHEMA.md: each locating prefix of an agency is listed (中共天津市西青区委… lists 天津市 and
    西青区); a place further inside the name (…局数据中心) is not one.
    """
    at = start + 2 if ctx.document.text.startswith("中共", start) else start
    while at < position:
        following = [sp.end for sp in ctx.spans if sp.start == at and sp.end <= position]
        if not following:
            return False
        at = max(following)
    return at == position


def _inside_name(mention: ProgrammeMention | ProjectMention) -> bool:
    """Whether the name of a programme or project names its own place (数字福州, 鹿泉区…产业园)."""
    place = mention.place
    if not any(n and len(n) >= 2 and n in mention.name for n in (place.name, place.short)):
        return False
    if place.level == "country" and isinstance(mention, ProgrammeMention):
        return False  # 数字中国, 健康中国: a national strategy, which the country itself carries out
    # "落实全省“数字湖南”建设部署", "依托省级“爱山东”平台": the text refers to the province itself.
    ev = mention.evidence
    before = ev.sentence[: ev.start - ev.sentence_start]
    level = {"province": "省", "prefecture": "市", "district": "[区县]"}.get(place.level)
    return not (level and re.search(rf"(?:全|我|本){level}|{level}级", before[-12:]))


def _sentence_at(document: Document, position: int) -> Sentence | None:
    for sentence in document.sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


_LOCAL_SCOPE = re.compile(r"(全市|本市|我市|市政府|市委|全区|我区|全县|我县|全省|我省|本省|省政府)")
_NATIONAL_SCOPE = re.compile(r"(全国|我国|中国|国家|国务院|中央)")
# Deference to the centre ("习近平新时代中国特色社会主义思想", "落实党中央、国务院…决策部署") opens
# every local report; it scopes none of its figures.
_DEFERENCE = re.compile(r"中国特色社会主义|党中央|(?:国务院|中央)[^,，。;；]{0,8}?(?:决策部署|部署|精神)")
# The country as a yardstick or a grade ("高于全国平均水平", "居全国第一", "国家级试点", "国家考核目标",
# "国家、省统筹的24项")
# measures the local place against it; it does not make the country a subject of the document.
_NATIONAL_FRAME = re.compile(
    r"全国(?:平均(?:水平)?|第|前列|前|首|领先|同类)|国家(?:级|考核|[、和及与]省)|(?:高于|低于|超过|快于|领先)全国"
)
# A clause opening on a stated year (not 到2025年: a goal's), "2020年,…", "从…来看,2020年全区…".
_DATED_CLAUSE = re.compile(
    r"(?:^|[,，:：])\s*(?:从[^,，。]{2,12}来看[,，])?((?:19|20)\d{2})年(?:底|末|上半年|全年|前三季度)?[,，]?(?![^,，。;；]*将)"
)
# A figure that is the country's average a place is compared with (7.1个的全国平均水平).
_NATIONAL_AVERAGE = re.compile(r"[\d.,]+\s*[%％]?[\u4e00-\u9fff]{0,3}的全国(?:平均)?(?:水平|值)")
# Words that make a figure the country's when they come before it in its sentence.
_COUNTRY_WORDS = re.compile(r"(全国|我国|中国|国家|国内)")


def _metric_place(ctx: _Context, sentence: Sentence, start: int) -> Division:
    """Return the place a figure at `start` of the sentence measures (loaders/figure_places.py); a
    sentence that names no place goes on about the district its paragraph was about."""
    text = ctx.document.text
    # What figure_place reads: the full sentence this one is a clause of (it looks back to its 。)
    head = max(text.rfind("。", 0, sentence.start), text.rfind("\n", 0, sentence.start)) + 1
    # (该区 takes the last such place named anywhere before it)
    looks_back = THAT_PLACE.search(text, sentence.start, sentence.start + start) is not None
    place = figure_place(
        text,
        sentence.start,
        sentence.start + start,
        actors=[(a.start, a.end, a.place) for a in ctx.actors_in(head, sentence.end)],
        spans=ctx.spans_in(0 if looks_back else head, sentence.end),
        names=[(sentence.start + p.start, sentence.start + p.end) for p in ctx.projects[sentence.index]],
        gazetteer=ctx.gazetteer,
        default=ctx.default,
    )
    if _NATIONAL_AVERAGE.match(text, sentence.start + start):
        return ctx.gazetteer.country  # "超过每万人7.1个的全国平均水平": the figure is the country's
    if (
        place == ctx.gazetteer.country == ctx.default
        and not _COUNTRY_WORDS.search(sentence.text[:start])
        and (named := _paragraph_actor(ctx, sentence)) is not None
    ):
        # A document whose subject was not found ("2022年广东省数字经济规模为6.41万亿元;占地区GDP的比重…")
        # goes on about the place its paragraph named, not the whole country (SCHEMA.md `place`).
        return named
    if place == ctx.default and (lower := _lower_whole(ctx, sentence, start)) is not None:
        return lower
    # "下一步还将…", "同时,…": a sentence that turns to what comes next or besides is the speaker's again.
    turns = re.match(r"(?:下一步|此外|同时|另外|我们|我局|我市|我区|我县)", sentence.text) or own_scope(
        _UNDATED.sub(r"\1", sentence.text[:start]), ctx.default.level
    )  # "全市数据共享平台累计调用12亿次", "目前全市…" after a district's sentence: the city's own figure
    return (
        _paragraph_district(ctx, sentence)
        if place == ctx.default and not turns and not _turned_back(ctx, sentence)
        else place
    )


# Time words that may open a clause before its scope ("目前全市…", "截至目前,全市…").
_UNDATED = re.compile(
    r"(^|[,，;；:：])(?:截至目前|截至|目前|当前|现在|今年以来|今年|上半年|1-\d{1,2}月)[,，]?"
)
_SUBJECT_HEAD = re.compile(r"(?:^|[,，。;；:：])(?:我市|我区|我县|本市|本区|本县)")


def _turned_back(ctx: _Context, sentence: Sentence) -> bool:
    """Whether the paragraph came back to the subject after the district it last named ("…榕城和揭东
    已提前完成任务。…全市减少证明材料1045份…。推进“视频办”,可办理服务事项372个"): a sentence
    scoped to the whole subject (全市, 我市) since then ends the district's run."""
    text = ctx.document.text
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    before = ctx.actors_in(paragraph, sentence.start)
    if not before:
        return False
    since = _UNDATED.sub(r"\1", text[before[-1].end : sentence.start])
    return bool(_SUBJECT_HEAD.search(since)) or own_scope(since, ctx.default.level)


def _dedupe_metrics(metrics: list[Metric]) -> list[Metric]:
    """The same figure about the same thing repeated later in a document is one fact (1640个数据集 twice).

    A figure is checked against every earlier one of its size, not only the first: a headline's
    "服务事项100%网上可办" repeats the body's 政务服务事项 at 100%, not its 覆盖率 at 100%.
    """
    seen: dict[tuple[str, float, str | None], list[Metric]] = {}
    out: list[Metric] = []
    for m in metrics:
        key = (m.place.code, m.value, m.unit)
        earlier = seen.setdefault(key, [])
        first = next((e for e in earlier if _repeats(e, m)), None)
        if first is None:
            earlier.append(m)
            out.append(m)
        elif ("GDP" in first.indicator and "GDP" not in m.indicator and _contained(first, m)) or (
            _headline(first) and not _headline(m)
        ):
            # A headline's GDP is the body's 地区生产总值, its “一网统管”接入部门 the body's
            # 接入市级部门: the body names the measure in full.
            out[out.index(first)] = earlier[earlier.index(first)] = m
    return out


def _contained(first: Metric, m: Metric) -> bool:
    """Whether one metric's measure words hold the other's (数字经济核心产业增加值 ⊃ 核心产业增加值)."""
    a, b = same_measure_words(first.indicator), same_measure_words(m.indicator)
    return a in b or b in a


def _repeats(first: Metric, m: Metric) -> bool:
    """Whether `m`, of the same place and size as `first` and read later, states the same fact again."""
    if first.evidence.sentence_index == m.evidence.sentence_index:
        return False
    small = m.unit in _SMALL_COUNT_UNITS and m.value < 100
    # A small count is only the same fact under the same words (六大行动 named four times).
    # A headline repeats a body's figure in fewer words (数字政府建设评估连续三年位列全省第一).
    contained = _contained(first, m)
    # Two quoted names count two things (“跨城通办”事项457项, “邮寄办”事项457项).
    names, other = re.findall(r"“([^”]+)”", first.indicator), re.findall(r"“([^”]+)”", m.indicator)
    distinct = bool(names and other and names != other)
    # …and so do two classes named by different amounts (100亿元项目2个, 50亿元~100亿元项目2个).
    amounts, others = re.findall(r"[\d.]+", first.indicator), re.findall(r"[\d.]+", m.indicator)
    distinct = distinct or bool(amounts and others and amounts != others)
    # Two bounds that disagree (近100亿条 stored, 超过100亿条 fetched) are two facts.
    # So are an exact figure and a bound of the same size (逾300项 流程 optimised, 300项 事项 handled).
    distinct = distinct or (
        {m.qualifier, first.qualifier} in ({"~", ">"}, {"=", ">"}, {"=", "<"}) and not contained
    )
    # A goal and a result of the same size are two facts (增长5.5%左右 last year, and again as this year's goal).
    distinct = distinct or (not small and (m.qualifier == "target") != (first.qualifier == "target"))
    return not distinct and (
        m.unit == "星"
        or contained
        # a headline's small count comes back in the body in other words
        or ((not small or _headline(first)) and _alike(first.indicator, m.indicator))
    )


# Kinds of divisions a count may count, by level; a place holds none of its own level or above.
_PLACE_KINDS = (
    (re.compile(r"(?:省份|省级行政区|省区市|省\(自治区、直辖市\)|省\(区、市\))"), 2),
    (re.compile(r"(?:地级行政区|地级市|地市|设区市|城市)"), 1),
    (re.compile(r"(?:县区|区县|县市区|县\(市、区\)|县\(区\)|县级行政区)"), 0),
)
_LEVEL_RANK = {"district": 0, "prefecture": 1, "province": 2, "country": 3}


# A place joined to a count of places of a kind (定州市和39个县(市、区)).
_JOINED_PEERS = re.compile(
    r"[和及与、]\d+个(?P<kind>" + "|".join(kind.pattern for kind, _ in _PLACE_KINDS) + ")"
)


def _counts_peers(indicator: str, unit: str | None, level: str) -> bool:
    """Whether a count counts divisions of the measured place's own level or above (14个地级行政区 in
    a city's news), which cannot be its own parts.

    >>> _counts_peers("地级行政区", "个", "prefecture"), _counts_peers("县(市、区)", "个", "prefecture")
    (True, False)
    """
    core = re.sub(r"^(?:全国|全省|全市|全区)", "", indicator)
    for kind, rank in _PLACE_KINDS:
        if unit == "个" and kind.fullmatch(core):
            return rank >= _LEVEL_RANK.get(level, 3)
    return False


def _headline(m: Metric) -> bool:
    """Whether a metric was read from the document's headline: a short line with no full stop among
    its first lines, where a page's chrome (当前位置:首页>>要闻>>正文) may come before it."""
    return (
        m.evidence.sentence_index <= 3 and "。" not in m.evidence.sentence and len(m.evidence.sentence) <= 60
    )


def _alike(a: str, b: str) -> bool:
    """Whether two indicator wordings share most of their characters (公共数据平台开放 ~ 公共数据开放平台)."""
    shorter, longer = sorted((set(a), set(b)), key=len)
    # One shared character is no likeness (学校 and 中小学 share only 学: two groups of 341所).
    return len(shorter & longer) >= 2 and len(shorter & longer) / len(shorter) >= 0.5
