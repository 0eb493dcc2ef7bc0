"""Agencies a sentence names: central bodies by name, local ones by how Chinese agencies are named.

A local agency name starts with its place (滨州市, 市, 区, 自治区; 天津市南开区 names 南开区) and ends
in a body word (大数据局, 委宣传部, 人民政府, 人大, 领导小组); what lies between has no title in it
(桐乡市委常委 → 桐乡市委) and no verb or preposition read by LAC (临颍县被…, 市政府抽调…), except in
committees named for their task (县委全面深化改革委员会). Task forces and groups set up without a
place in their name, and a zone's 管委会, are found by how they are introduced. SCHEMA.md, version 2.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from loaders.name_phrases import acts_as_body, in_counted_list
from loaders.names import PARTY_COMMITTEES, clean_name, name_start
from loaders.words import Word, segment

_DATA = Path(__file__).with_name("data")
_SUFFIX = re.compile(
    r"(?:人民政府|人民法院|人民检察院|政府办公室|政府办公厅|政府|行政公署办公室|行政公署|行署办公室|行署|管委会|管理委员会|领导小组办公室|领导小组|工作领导小组|工作专班|专班|委员会|办公室|办公厅|办事处|(?:网信|政务|金融|信访|外事|侨务|台务|改革|督查|编|外|侨|台)办(?!公)|(?<![通快易好上就次帮代协联督年网分月日天时即可都均能项])办(?!公)|人大常委会|人大|政协|推进组|委|局|厅|宣传部|组织部|统战部|社会工作部|政法委|督查室|研究室|"
    r"研究院|研究中心|服务中心|发展中心|测评中心|研究所|中心|总署)"
)
# Centres that are built things, not bodies (市政府云计算中心, 城市运行管理中心): projects.
_FACILITY = re.compile(
    r"(计算|算力|超算|智算|(?<!大)数据中心|创新中心|科学中心|运行管理|运营|指挥|展示|体验|孵化|促进中心|交易中心|灾备|机房|购物中心|商业中心|"
    # a service centre is a public body (SCHEMA.md); one online or a branch hall is a thing built
    r"网上(?:政务)?服务中心|服务分中心|服务中心[\u4e00-\u9fff]{2,4}分中心)"
)
_COMMITTEE = re.compile(r"^[\u4e00-\u9fff]{0,16}?(?:委员会|领导小组办公室|领导小组|工作专班)(?!办公室|会议)")
_MEDIA = re.compile(r"(?:融媒体中心|融媒中心|广播电视台|电视台|报社|新闻中心|新闻网|传媒中心)$")
# A name governed by a building verb is a thing built (筹建“德州市数字产业研究院”): a project.
# A name won as a title (获批国家工程研究中心, 认定为…) is a designation held, not a body; but a
# governing body after such a verb is who grants the title (获评市直机关工委首批“一支部一品牌”).
_BUILT = re.compile(r"(?:筹建|建设|建成|建好|新建|共建|打造|揭牌|获批|认定为?|获评|评为|入选|创建|申报)“?$")
_AWARDED = re.compile(r"(?:获批|认定为?|获评|评为|入选)$")
_GRANTOR = re.compile(r"(?:委|政府|局|厅|部|办|办公室|办公厅|委员会|领导小组)$")
# National titles a firm's or a university's centre holds (国家企业技术中心, 国家工程研究中心): no body.
_NATIONAL_TITLE = re.compile(
    r"^国家(?:工程|企业|工程技术|技术创新|制造业创新|临床医学研究|重点)[\u4e00-\u9fff]{0,4}中心$"
)
# What ends the stretch a name may take: titles, verbs, digits, function words.
# A body's name, a verb, then a committee or group of a level of its own (省…领导小组办公室).
_ACTS_THROUGH = re.compile(
    r"(?P<body>[\u4e00-\u9fff]{1,12}?(?:委|局|厅|办|政府))(?P<verb>[\u4e00-\u9fff]{2,6}?)"
    r"(?:自治区|省|市|区|县)[\u4e00-\u9fff]{2,16}?(?:委员会|领导小组办公室|领导小组|工作专班)"
)
_STOP = re.compile(
    r"(副|主任|书记|局长|部长|厅长|主席|秘书长|党组|常务(?!委员会)|(?<!人大)常委|代表(?!大会|工作委员会)|会议|各|被|[一二三四五六七八九十]+届|(?<=委)[市区县省](?=委|政府|人民政府)|牵头|会同|印发|发布|联合|等|和(?=[市区县省国中])|与|及|的|在|对|为|将|以|是|了|"
    r"先后|正式|率先|组织(?!部)|召开|举办|介绍|获悉|表示|指出|强调|作用|提出|出台|负责|主管|主办|委托|关于|决策|部署|高度|重视|"
    r"深入|贯彻|落实|推进(?!组)|推动|加快|围绕|坚持|按照|聚焦|实施|开展|制定|成立|印发|第|[0-9])"
)
# An autonomous prefecture speaks of itself as 州 (州委常委、州人民政府副州长, 经州人民政府同意), a banner
# as 旗 (经旗人民政府…审议), a league as 盟 (盟行署); a bare 州, 旗 or 盟 heads a body only where no word
# ends in it (杭州, 国旗, 联盟).
_PLACE_HEAD = re.compile(
    r"(?:自治区|市(?![域场值区县级直属]|民(?!政|生))|市(?=直属?机关)|区(?![域县级内外])|县(?![域级区])|省(?![域级内外])|"
    r"(?:(?<![\u4e00-\u9fff])|(?<=[、经由在请和及与]))(?:州(?![域级直])|旗(?![域级下直])|盟(?![域级友员直])))"
    r"(?=委|党委|政府|人民政府|行署|行政公署|人大|政协|[\u4e00-\u9fff]{1,12}?(?:局|委|办|厅|部|院|中心|领导小组|推进组))"
)
# Words before a bare level that make it every body of the level or a count of them (各区县, 7个区).
_EVERY_OR_COUNTED = re.compile(r"(?:各[省市区县州旗盟]{1,3}|(?:\d+|[两二三四五六七八九十]+)个)$")
# A bare 市 only starts a name where no word ends in it (城市, 上市, 全市, a goal's 数字强市).
_NOT_BEFORE_BARE = set("城都上超全本该地两各我社园小景新老校辖特街省湾郊县门夜股楼治发港税强")
_GENERIC = re.compile(
    r"(部委|部门|单位|有关|相关|各级|[两二三四五]级|各委办局|委办局|基层|数字政府|省级|市级|国家级)"
)
# "组建数字经济、“智改数转”等领导小组", "综合…改革、…建设两个工作专班相继成立": one body per item.
_GROUP_LIST = re.compile(
    r"(?P<list>(?:“?[\u4e00-\u9fffA-Za-z0-9]{2,16}”?、)+“?[\u4e00-\u9fffA-Za-z0-9]{2,16}?”?)"
    r"(?:等|[两三四五六七八九十\d]+个)(?P<body>领导小组|工作专班|专班)"
)
# A body set up without a place in its name (组建产业链链长办公室): the place is where the text acts.
_SET_UP = re.compile(
    r"(?:组建|成立|设立)(?P<name>[\u4e00-\u9fff“”]{2,16}?(?P<body>领导小组|办公室|推进组|工作组|指挥部))"
)


# What follows an issuer's abbreviation inside a document number (国办发〔2018〕104号, 国办函[2020]).
_DOC_NUMBER = re.compile(r"[发函电]?[〔\[［(（]\d{4}")


@dataclass(frozen=True)
class AgencyHit:
    """An agency named at `start:end`; `place_surface` is how the name names its place, if it does."""

    name: str
    start: int
    end: int
    place_surface: str | None
    national: bool = False
    aliases: tuple[str, ...] = ()


@functools.cache
def _central() -> tuple[ahocorasick.Automaton, dict[str, str]]:
    canonical: dict[str, str] = {}
    automaton = ahocorasick.Automaton()
    with (_DATA / "central_agencies.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
                canonical[form] = row["name"]
                automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton, canonical


def find_agencies(sentence: str, *, place_names: tuple[str, ...] = ()) -> list[AgencyHit]:
    """Return the agencies named in one sentence.

    `place_names` are the names and short forms of divisions, so 扬州市委宣传部 starts at 扬州市.

    >>> [h.name for h in find_agencies("市政府副秘书长、市大数据局党组书记、局长王洪民介绍")]
    ['市政府', '市大数据局']
    >>> [(h.name, h.national) for h in find_agencies("国家发展改革委、国家数据局等部门联合印发")]
    [('国家发展改革委', True), ('国家数据局', True)]
    >>> find_agencies("淘宝镇达到84个(含街道办事处),各区、开发区(高新区)及各园区管委会:")
    []
    >>> find_agencies("中国政府网 | 青禾市人民政府网 | 青禾区人民政府网站")
    []
    >>> [h.name for h in find_agencies("获评市直机关工委首批“一支部一品牌”，获批国家工程研究中心")]
    ['市直机关工委']
    >>> [h.name for h in find_agencies("经旗人民政府常务会议、盟行署同意,开创数字营口建设新局面,完善“爱山东”APP德州分厅")]
    ['旗人民政府', '盟行署']
    >>> [h.name for h in find_agencies("落实自治区党委和政府、南宁市委部署,由市工业和信息化局牵头", place_names=("南宁市",))]
    ['自治区党委', '自治区政府', '南宁市委', '市工业和信息化局']
    >>> [h.name for h in find_agencies("贯彻党中央、国务院及省委部署,由工业和信息化部与国家发展改革委指导")]
    ['中共中央', '国务院', '省委', '工业和信息化部', '国家发展改革委']
    >>> [h.name for h in find_agencies("省发展改革委充分发挥省数字经济发展领导小组办公室作用")]
    ['省发展改革委', '省数字经济发展领导小组办公室']
    >>> [h.name for h in find_agencies("来宾市、兴宾区和自治区交通运输厅、林业局等单位发言", place_names=("兴宾区",))]
    ['自治区交通运输厅', '自治区林业局']
    """
    hits: list[AgencyHit] = []
    automaton, canonical = _central()
    words = functools.partial(segment, sentence)  # LAC reads the unmasked sentence, once and only if needed
    # Names inside cited titles (《滨州市公共数据管理办法》) are not agencies of the document.
    # Its issuer, before 关于, is named as one (《中共中央 国务院关于…意见》: dev gold lists both).
    sentence = re.sub(r"《[^》]*》", _mask_title, sentence)
    heads: list[tuple[int, int, str | None, bool]] = []
    for end, form in automaton.iter(sentence):
        if canonical[form] != form and _DOC_NUMBER.match(sentence, end + 1):
            continue  # "国办发〔2018〕104号": a document's number, which names no body
        if canonical[form] != form and _inside_word(words(), end + 1 - len(form)):
            continue  # "全国办理": a short form (国办) read across two words names no body
        if form.endswith("部") and sentence[end + 1 : end + 2] == "门":
            continue  # "应急管理部门", "教育部门": the departments of a field, not the ministry
        heads.append((end - len(form) + 1, end + 1, None, True))
    for name in place_names:
        for m in re.finditer(re.escape(name), sentence):
            heads.append((m.start(), m.end(), name, False))
    named = [(a, b) for a, b, place, national in heads if place and not national]
    for m in _PLACE_HEAD.finditer(sentence):
        if any(a < m.start() < b for a, b in named):
            continue  # the 市 of 德州市 is not a head of its own
        if _EVERY_OR_COUNTED.search(sentence, max(0, m.start() - 4), m.start()):
            continue  # 各区县政府, 7个区人大常委会: every county's government, a count of bodies, no one body
        if _ends_foreign_name(words(), m.start()):
            continue  # "巴塞罗那市政府": the 市 ends a place the gazetteer does not have
        if m.start() == 0 or sentence[m.start() - 1] not in _NOT_BEFORE_BARE:
            heads.append((m.start(), m.end(), m.group(0), False))
    # "天津市南开区委…": a place inside another names the body's own place (SCHEMA.md: 铜川市王益区委网信办).
    # (and so does the last of a longer chain: 山西省太原市万柏林区委 is the district's)
    places = [h for h in heads if h[2] and not h[3]]
    chained = places
    while chained:
        chained = [(a[0], b[1], b[2], False) for a in chained for b in places if b[0] == a[1]]
        heads += chained
    for m in re.finditer(r"国家(?!级)", sentence):
        heads.append((m.start(), m.end(), None, True))
    heads.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    for start, head_end, place, national in heads:
        if any(h.start <= start < h.end for h in hits):
            continue
        hit = _agency_from(sentence, start, head_end, place, national, canonical, words)
        if hit:
            hits.append(hit)
    branches = _central_branches(sentence, place_names)
    # "中国人民银行麻阳支行": the central body's branch in a place, not the central body itself
    hits = [h for h in hits if not any(b.start <= h.start < b.end for b in branches)] + branches
    hits += _leading_groups(sentence, hits, place_names)
    zones = _zone_committees(sentence, hits)
    # "某某经济区管委会": the 区 ending a zone's name heads no body of its own (区管委会).
    hits = [h for h in hits if not any(z.start < h.start < z.end for z in zones)] + zones
    hits += _listed_zones(sentence, hits)
    hits += _party_bodies(sentence, hits)
    hits += _town_bodies(sentence, hits)
    hits += _congresses(sentence, hits, place_names)
    hits += _elided_governments(sentence, hits)
    hits += _shared_levels(sentence, hits, canonical, words())
    hits += _listed_owners(sentence, hits, place_names)
    listed = _listed_bodies(sentence, hits) + _scoped_list(sentence, hits)
    # a central short form listed among a place's bodies (…、国资委、…) is that place's body
    hits = [h for h in hits if not any(h.national and (h.start, h.end) == (o.start, o.end) for o in listed)]
    hits += listed
    hits += _title_departments(sentence, hits)
    hits += _divisions(sentence, hits)
    hits += _governed_bodies(sentence, hits)
    hits += _counted_departments(sentence, hits)
    hits = [h for h in hits if not _of_other_party(sentence, h)]
    # "北京大学新农村发展研究院": a university and its institutes teach and study, they govern nothing
    hits = [h for h in hits if "大学" not in h.name]
    # "中共中央党校", "市委党校": a party school teaches, it is no part of the body that runs it
    hits = [h for h in hits if not sentence.startswith(("党校", "行政学院"), h.end)]
    # "局党组集中7天时间举办读书班": a bureau's party group is the bureau's own, no body of its own
    hits = [h for h in hits if not re.search(r"(?:局|厅|办)(?:党组|党支部|机关党委)$", h.name)]
    # "国家十大数据中心集群": a count of a kind (十大, 三大) names facilities of a list, never one body
    hits = [h for h in hits if not re.search(r"[一二两三四五六七八九十百]大", h.name)]
    # "助力北京数字经济发展破局", "优化产业布局": a word ending in 局 (破局, 布局, 格局, 开局) is no bureau
    hits = [h for h in hits if not _NOT_A_BUREAU.search(h.name)]
    # "涉及辖区18个镇、管委会和街道办事处": a bare kind of body joined to another is a list of kinds
    hits = [
        h
        for h in hits
        if not re.match(r"(?:管委会|管理委员会|政府|人民政府|委员会|办事处)[和及与、]", h.name)
    ]
    # "淘宝镇84个(含街道办事处)": what a count takes in, no body; "…开发区(…)及各园区管委会": a name
    # cut inside a bracket names none
    hits = [
        h
        for h in hits
        if not (
            sentence[h.start - 1 : h.start] in ("(", "（")
            and re.match(r"(?:含|包含|包括|不含)", sentence[h.start : h.end])
        )
        and sentence.count(")", h.start, h.end) + sentence.count("）", h.start, h.end)
        <= sentence.count("(", h.start, h.end) + sentence.count("（", h.start, h.end)
    ]
    hits = [h for h in hits if not _names_a_thing(sentence, h, words)]
    hits = [part for h in hits for part in _joint_issuers(h, place_names)]
    hits = _with_list_place(sentence, sorted(hits, key=lambda h: h.start))
    return _with_parenthetical_aliases(sentence, hits)


def _names_a_thing(sentence: str, hit: AgencyHit, words: Callable[[], tuple[Word, ...]]) -> bool:
    """Whether a hall or a centre the sentence names is a thing built or run, not a public body.

    >>> s = "安徽政务服务网滁州厅上线。争取到“湖南能源大数据中心”落户。泸州华为四川大数据中心7月投产"
    >>> [_names_a_thing(s, AgencyHit(n, s.index(n), s.index(n) + len(n), None), lambda: segment(s))
    ...  for n in ("安徽政务服务网滁州厅", "湖南能源大数据中心", "四川大数据中心")]
    [True, True, True]
    """
    if hit.name.endswith("厅"):
        # "安徽政务服务网滁州厅": a service website's hall for a place is a part of the site (a project)
        return sentence[: hit.start].endswith("服务网") or "服务网" in hit.name
    if not hit.name.endswith("中心"):
        return False
    # "争取到“湖南能源大数据中心”“天经国际”等一批优质项目": a centre quoted whole is a thing named;
    # "华为四川大数据中心": one a firm's name heads is the firm's facility
    quoted = sentence[hit.start - 1 : hit.start] == "“" and sentence[hit.end : hit.end + 1] == "”"
    return quoted or _after_firm(words(), hit.start)


def _after_firm(words: Sequence[Word], start: int) -> bool:
    """Whether the word right before `start` is a firm's name (LAC: ORG), not a party's or a state's.

    >>> _after_firm(segment("泸州华为四川大数据中心7月投产"), 4), _after_firm(segment("中共四川省委"), 2)
    (True, False)
    """
    return any(
        w.end == start and w.tag == "ORG" and not re.match(r"中共|中国共产党|国家|国务院", w.text)
        for w in words
    )


_NOT_A_BUREAU = re.compile(
    r"(?:破|布|格|开|大|全|结|变|新|当|时|定|僵|残|终|棋|骗|饭|赌|出|入|胜|败|战|对|好|迷|困|谋)局$"
)
# The end of a body's name, after which a second body may follow with no mark (joint issuers).
_BODY_END = re.compile(r"(?:委员会|委|人民政府|政府|办公室|办公厅|局|厅|办)$")


def _joint_issuers(hit: AgencyHit, place_names: tuple[str, ...]) -> list[AgencyHit]:
    """Return a hit that two bodies issuing jointly run together ("中共江西省委江西省人民政府") as both.

    >>> [h.name for h in _joint_issuers(AgencyHit("中共江西省委江西省人民政府", 0, 13, "江西省"), ("江西省",))]
    ['中共江西省委', '江西省人民政府']
    >>> [h.name for h in _joint_issuers(AgencyHit("铁岭市营商环境建设局加挂铁岭市大数据管理局", 0, 22, "铁岭市"), ("铁岭市",))]
    ['铁岭市营商环境建设局', '铁岭市大数据管理局']
    """
    for name in sorted(place_names, key=len, reverse=True):
        ats = (
            [m.start() for m in re.finditer(re.escape(name), hit.name) if m.start() >= 2]
            if len(name) >= 2
            else []
        )
        # ("铁岭市营商环境建设局加挂铁岭市大数据管理局牌子": one body that hangs a second one's sign, two names)
        heads = [(a, hit.name[:a].removesuffix("加挂")) for a in ats]
        at, own = next(((a, head) for a, head in heads if _BODY_END.search(head)), (-1, ""))
        if at > 0:
            first = dataclasses.replace(hit, name=own, end=hit.start + len(own), aliases=())
            rest = AgencyHit(hit.name[at:], hit.start + at, hit.end, name, hit.national)
            return [first, *_joint_issuers(rest, place_names)]
    return [hit]


# Central bodies that keep branches in places (人民银行 → 支行, 国家税务总局 → 税务局, a city's
# 公安 → 分局), and the words that end a branch's name.
_BRANCHED = re.compile(
    r"(?:中国人民银行|人民银行|人行|国家税务总局|国家金融监督管理总局|国家统计局|(?<![\u4e00-\u9fff])公安)"
)
_POLICE_BRANCH = re.compile(r"分局")
_BRANCH = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:中心支行|支行|中支|分行|营业管理部|税务局|监管分局|调查队)")


def _central_branches(sentence: str, place_names: tuple[str, ...]) -> list[AgencyHit]:
    """Return the branches central bodies keep in places: 中国人民银行麻阳支行, 人行漳州市中支,
    国家税务总局某县税务局; each is the place's body, named in full.

    >>> [(h.name, h.place_surface) for h in _central_branches("组织县公安局、中国人民银行麻阳支行以及", ("麻阳",))]
    [('中国人民银行麻阳支行', '麻阳')]
    >>> [h.name for h in _central_branches("副区长、公安青浦分局局长", ("青浦",))]
    ['公安青浦分局']
    """
    hits = []
    for m in _BRANCHED.finditer(sentence):
        for name in sorted(place_names, key=len, reverse=True):
            if len(name) > 1 and sentence.startswith(name, m.end()):
                # (a city's police names its district branches 公安某某分局: 公安青浦分局)
                branch = _POLICE_BRANCH if m.group(0) == "公安" else _BRANCH
                tail = branch.match(sentence, m.end() + len(name))
                if tail:
                    hits.append(AgencyHit(sentence[m.start() : tail.end()], m.start(), tail.end(), name))
                break
    return hits


def _ends_foreign_name(words: tuple[Word, ...], start: int) -> bool:
    """Whether the level word at `start` ends a place name LAC reads from two or more characters before
    it (巴塞罗那市政府): a place of China heads the body as a place name, never so.

    >>> _ends_foreign_name(segment("大会由巴塞罗那市政府主办"), 7), _ends_foreign_name(segment("大会由市政府主办"), 3)
    (True, False)
    >>> _ends_foreign_name(segment("会同市行政审批服务局梳理"), 2)
    False
    """
    return any(
        w.start <= start - 2 < start < w.end
        and w.tag in ("LOC", "ORG")
        and re.fullmatch(r"[\u4e00-\u9fff]{2,}", w.text[: start - w.start])
        and [x.tag for x in segment(w.text[: start - w.start])] in (["LOC"], ["ORG"])  # not 会同市…局
        for w in words
    )


def _inside_word(words: tuple[Word, ...], start: int) -> bool:
    """Whether `start` falls inside a word LAC reads as no organisation's name (全国|办理 hides 国办;
    中办国办, read as one organisation, names two).

    >>> _inside_word(segment("全国办理事项"), 1), _inside_word(segment("中办国办印发"), 2)
    (True, False)
    """
    return any(w.start < start < w.end and w.tag not in ("ORG", "nt") for w in words)


def _mask_title(title: re.Match[str]) -> str:
    """Return a cited title masked but for its issuer (the words before 关于).

    >>> _mask_title(re.match(r".*", "《滨州市人民政府关于印发…的通知》")), _mask_title(re.match(r".*", "《数字中国规划》"))
    ('□滨州市人民政府□□□□□□□□□', '□□□□□□□□')
    """
    text = title.group(0)
    cut = text.find("关于")
    if cut <= 1:
        return "□" * len(text)
    return "□" + text[1:cut].replace(" ", "□") + "□" * (len(text) - cut)


def _agency_from(
    sentence: str,
    start: int,
    head_end: int,
    place: str | None,
    national: bool,
    canonical: dict[str, str],
    words: Callable[[], tuple[Word, ...]],
) -> AgencyHit | None:
    stretch = sentence[head_end : head_end + 24]
    stop = re.search(r"[^\u4e00-\u9fffA-Za-z]|" + _STOP.pattern, stretch)
    if stop and stop.group(0) in ("与", "及") and not _SUFFIX.search(stretch[: stop.start()]):
        # "政务服务与数据管理局": a joiner before any body word joins the words of one name, not two bodies
        stop = re.compile(r"[^\u4e00-\u9fffA-Za-z]|" + _STOP.pattern).search(stretch, stop.end())
    stretch = stretch[: stop.start()] if stop else stretch
    # "自治区党委和政府", "自治区政府和南宁市委": a joiner right after a body's last word starts another
    # body (市工业和信息化局 joins two words of one name, neither a body's end)
    joined = re.search(r"(?:人民政府|政府|党委|委|局|厅)(?=[和及与])", stretch)
    if joined and _SUFFIX.search(stretch, joined.end() + 1):
        stretch = stretch[: joined.end()]
    # "党中央、国务院及省委", "国务院和自治区党委": a joiner right after a central body's whole name,
    # or right after a place (来宾市、兴宾区和自治区交通运输厅: the district speaks, it is no body)
    if (national and sentence[start:head_end] in canonical or place) and re.match(r"[和及与]", stretch):
        stretch = ""
    elif (
        national and sentence[start:head_end] in canonical and re.match(r"国务院|全国人大|全国政协", stretch)
    ):
        stretch = ""  # "党中央国务院和辽宁省委": two central bodies written together, no 、 between
    if place and len(place) > 1:
        # "呼和浩特市工业和信息化局和呼和浩特市财政局": a joiner before the place named again starts the next body
        again = re.search(f"[和及与]{re.escape(place)}", stretch)
        stretch = stretch[: again.start()] if again else stretch
    # "中共某自治区委员会机构编制委员会办公室": the office of a committee of the party committee
    nested = re.match(r"(?:委员会|委)[\u4e00-\u9fff]{2,10}?委员会办公室", stretch)
    committee = None if nested else _COMMITTEE.search(stretch)
    acting = _ACTS_THROUGH.match(stretch) if committee else None
    if acting and any(
        w.tag == "v" and head_end + acting.end("body") <= w.start < head_end + acting.end("verb")
        for w in words()
    ):
        # "山西省发展改革委充分发挥省数字经济发展领导小组办公室…作用": a body that acts through a group
        # of another level names itself first; the group is one of its own (`_leading_groups`).
        stretch, committee = stretch[: acting.end("body")], None
    if nested:
        stretch = stretch[: nested.end()]
    elif committee:
        # Committees and groups are named for what they do (县委全面深化改革委员会, …建设领导小组办公室).
        stretch = stretch[: committee.end()]
    elif _SUFFIX.search(stretch):
        stretch = stretch[: _verb_after(words(), head_end, head_end + len(stretch)) - head_end]
    best = None
    for m in _SUFFIX.finditer(stretch):
        if re.match(r"[门长署员组]", stretch[m.end() : m.end() + 1]):  # 理论学习中心组 is a study group
            continue
        if m.group(0) == "中心" and re.match(r"工作|任务|城区|城市|环节", sentence[head_end + m.end() :]):
            continue  # "省政府中心工作": 中心工作 is the core task, no centre of the government
        if (
            m.group(0) == "办"
            and (
                (m.start() < 2 and stretch[: m.start()] != "委")  # 区委办: the committee's general office
                or re.match(
                    r"(?:App|APP|app|平台|小程序|客户端|移动端|理|结)", sentence[head_end + m.end() :]
                )
                or re.search(r"[A-Za-z]$", stretch[: m.start()])
            )
        ):
            continue  # 安吉办App is an app, 在…APP办理 a verb; an office has a name before 办 (扶贫办, 数转办)
        if m.group(0) == "局" and (
            re.search(r"[大格布全结开变时当好迷困谋]$", stretch[: m.start()])
            or re.match(r"[面势部际]", sentence[head_end + m.end() :])  # (局际: between bureaus)
        ):
            continue  # 大局, 布局, 格局, 新局面 are words, not bureaus
        best = m
    head = sentence[start:head_end]
    if (
        best is not None
        and best.start() == 0
        and best.group(0) in ("中心", "研究院", "研究所", "研究中心", "服务中心")
    ):
        best = None  # 国家超级计算成都中心: a place plus a bare 中心 is part of another name
    if best is None:
        if head in canonical and national:
            return AgencyHit(
                canonical[head], start, head_end, None, True, (head,) if canonical[head] != head else ()
            )
        return None
    end = head_end + best.end()
    # "数字温州建设领导小组": a campaign named for the place starts before the place name.
    campaign = re.search(r"(?:数字|智慧|平安|法治|美丽|健康)$", sentence[max(0, start - 2) : start])
    if (
        campaign
        and place
        and place not in ("市", "区", "县", "省")
        and best.group(0).endswith(("领导小组", "专班", "办公室"))
    ):
        start -= len(campaign.group(0))
    name = sentence[start:end]
    if national and head in canonical and best.group(0) in ("人民政府", "政府"):
        # "国务院政府工作报告": the State Council's work report, no "国务院政府"
        return AgencyHit(
            canonical[head], start, head_end, None, True, (head,) if canonical[head] != head else ()
        )
    if best.group(0) in ("人民政府", "政府") and best.start() > 0 and not name.endswith("人民政府"):
        return None  # 市数字政府考核: 政府 only right after the place
    bare = place in ("市", "区", "县", "省")
    if (
        (
            _FACILITY.search(name)
            and not acts_as_body(sentence, start, end)
            # 行政服务中心管委会 runs the centre: a committee or office named for a facility is a body
            # and a bureau named for a facility's field (中卫市云计算和大数据发展局) is a bureau
            and not re.search(r"(?:管委会|管理委员会|管理办公室|局|厅)$", name)
        )
        or _GENERIC.search(name)
        or len(name) < (2 if bare else 3)
        # "重庆市人民政府网 | …": a government's website in a page's masthead is no body acting
        or (
            name.endswith("政府") and re.match(r"网(?![\u4e00-\u9fff])|网站|门户", sentence[end:]) is not None
        )
        or (
            _BUILT.search(sentence[max(0, start - 4) : start])
            and not (_AWARDED.search(sentence[max(0, start - 4) : start]) and _GRANTOR.search(name))
        )
        or _built_centre(sentence, start, end)
        or in_counted_list(sentence, start)
        or sentence[end : end + 2] == "项目"  # 北方大数据交易中心东丽分中心项目: a thing built
        # "A中心、宜昌三峡大数据中心、B中心等一批数据中心相继投用": a list its closing kind calls machine rooms
        or _LISTED_AS_THINGS.match(sentence, end) is not None
        # "转办宣城市政府服务热线": the body names a hotline, which is the thing the text speaks of
        or re.match(r"(?:服务|便民|政务|公开)?热线", sentence[end:]) is not None
        or _MEDIA.search(name)  # SCHEMA.md: media outlets are not agencies (区融媒体中心 记者…)
        # ...nor are companies, or their party committees (中国移动贵州公司党委书记)
        or re.search(r"公司|集团|有限", name)
        # "区政务服务大厅共接待群众": a hall is where bodies serve, a place, whatever it is said to do
        or name.endswith(("大厅", "分厅"))  # “爱山东”APP德州分厅: a portal's local branch, a project
        or name.endswith("地理中心")  # "位于深圳地理中心的龙华": the middle of a map, no body
        # 国家数字交换系统工程技术研究中心, …技术创新中心: a research centre of a kind the state names
        # (engineering, technology) is a facility a firm or a university runs, no government body
        or re.search(r"(?:工程技术|工程)研究中心$|技术创新中心$|企业技术中心$", name)
    ):
        return None
    if head in ("国家",) and (len(name) <= 3 or _NATIONAL_TITLE.match(name)):
        return None
    aliases = _other_forms(name)
    if place and not national and not name.startswith(place) and place in name:
        # "德州市陵城区工信局" is 陵城区工信局 too: the body is known by its own place's name
        inner = name[name.index(place) :]
        aliases = (*aliases, inner, *_other_forms(inner))
    if sentence[max(0, start - 2) : start] == "中共" and not national:
        # SCHEMA.md: names in full; 中共重庆市委 is also called 重庆市委.
        start, aliases = start - 2, (name, *aliases)
        name = "中共" + name
    party = re.search(rf"(?:{PARTY_COMMITTEES})$", sentence[max(0, start - 4) : start])
    if party and place and name.startswith(place + "委") and not national:
        # "政协成都市委员会", "民革成都市委员会": the conference's or the party's committee of the place
        start, aliases = party.start() + max(0, start - 4), (name, *aliases)
        name = party.group(0) + name
    formal = re.search(r"(中国人民政治协商会议|中国共产党)$", sentence[max(0, start - 10) : start])
    if formal and place and name.startswith(place + "委员会") and not national:
        # "中国人民政治协商会议柳州市委员会(办公室)" is 柳州市政协(办公室); "中国共产党柳州市委员会" is 中共柳州市委
        rest = name[len(place) + len("委员会") :]
        start, aliases = (
            start - len(formal.group(1)),
            (sentence[start - len(formal.group(1)) : end], *aliases),
        )
        name = (place + "政协" if formal.group(1).startswith("中国人民") else "中共" + place + "委") + rest
    return AgencyHit(name, start, end, place, national, aliases)


# The rest of a list closed by a kind of thing built (…等一批数据中心, …等5个算力中心): its items are those things.
_LISTED_AS_THINGS = re.compile(
    r"(?:、[^,，。;；、等]{2,24})*等(?:一批|多个|[\d一二三四五六七八九十]+[个家座])?"
    r"[\u4e00-\u9fff]{0,4}?(?:数据中心|算力中心|计算中心|智算中心|超算中心|基础设施)(?!联|部门|单位)"
)


# What a clause says of a centre that is being built rather than acting: its site, floor area,
# going into use (大数据中心选址…, 指挥中心建筑面积…, 数据中心投入运行).
_BUILT_AFTER = re.compile(
    r"^(?:项目|工程|大楼|机房|一期|二期)?(?:的)?(?:建设|选址|建筑面积|占地|总投资|投用|投入运行|投入使用|建成|竣工|开工|落成|主体|正式启用|启用)"
)
_BUILD_VERB = r"(?:建设|建成|新建|投用|启用|落成|筹建|改造|扩建|升级)"
_BUILT_BEFORE = re.compile(_BUILD_VERB + r"[^，,。;；:：、]{0,8}$")
# The verb governs every quoted item of a list it opens (建设“…影像诊断中心”和“…心电诊断中心”).
_BUILT_LIST = re.compile(
    _BUILD_VERB + r"[^，,。;；:：、]{0,8}?"
    r"(?:[“\"][^”\"]{2,30}[”\"](?:和|及|与|、))+[“\"]?$"
)


def _built_centre(sentence: str, start: int, end: int) -> bool:
    """Whether a centre's name is the thing a clause builds, not a body that acts (a project's job).

    >>> s = "市大数据中心选址高新区,建筑面积2万平方米"
    >>> _built_centre(s, 0, 6), _built_centre("市大数据中心负责平台运维", 0, 6)
    (True, False)
    >>> _built_centre("加快建设市应急指挥中心", 4, 11), _built_centre("市大数据中心建设了统一平台", 0, 6)
    (True, False)
    >>> s = "依托县医院建设“华容县远程影像诊断中心”和“华容县远程心电诊断中心”"
    >>> _built_centre(s, s.index("华容县远程心"), len(s) - 1)
    True
    """
    if not sentence[start:end].endswith("中心") or acts_as_body(sentence, start, end):
        return False
    after = sentence[end:]
    if _BUILT_AFTER.match(after) and not re.match(r"建设(?:了|的|和|与|、|并)", after):
        return True
    before = sentence[max(0, start - 12) : start]
    return bool(_BUILT_BEFORE.search(before) or _BUILT_LIST.search(sentence[max(0, start - 80) : start]))


def _other_forms(name: str) -> tuple[str, ...]:
    """Return the other usual form of a government's name: 市政府 is 市人民政府.

    >>> _other_forms("盐城市政府"), _other_forms("利津县人民政府"), _other_forms("市委")
    (('盐城市人民政府',), ('利津县政府',), ())
    """
    if name.endswith("人民政府"):
        return (name[:-4] + "政府",)
    if name.endswith("政府"):
        return (name[:-2] + "人民政府",)
    return ()


def _verb_after(words: tuple[Word, ...], lo: int, hi: int) -> int:
    """Return where the first preposition or verb of two characters or more starts in `lo:hi`, else `hi`.

    LAC words end a name where a stop list has no entry (市政府抽调…, 临颍县被…).

    A "verb" that is an office's abbreviated tail (改办 in 省工改办, 数转办) ends the name, not before it.

    >>> _verb_after(segment("市政府抽调市政府办公厅"), 3, 11)
    3
    >>> _verb_after(segment("案例被省工改办评为全省优秀案例。"), 4, 12)
    7
    """
    for i, word in enumerate(words):
        if lo <= word.start < hi and (word.tag == "p" or (word.tag == "v" and len(word.text) >= 2)):
            if word.start > lo and _OFFICE_TAIL.fullmatch(word.text):
                continue
            if _office_task(words, i):
                continue
            return word.start
    return hi


def _office_task(words: tuple[Word, ...], i: int) -> bool:
    """Whether the verbs from words[i] on are the task an office is named for (县扫黄/v 打非/v 办,
    县委维稳/v 办): they end in the office's 办, not before its name.

    >>> w = segment("县扫黄打非办等部门")
    >>> _office_task(w, 1), _office_task(segment("市政府抽调人员"), 1)
    (True, False)
    """
    j = i
    while j < len(words) and words[j].tag in ("v", "vn") and words[j].text not in ("办", "办公室"):
        j += 1
    return j > i and j < len(words) and words[j].text in ("办", "办公室")


# Two-character office tails LAC reads as verbs (工改办, 数转办); 举办, 主办, 承办 are verbs.
_OFFICE_TAIL = re.compile(r"[改转编财侨台外信法农扶]办")


def _leading_groups(
    sentence: str, found: list[AgencyHit], place_names: tuple[str, ...] = ()
) -> list[AgencyHit]:
    """Leading groups: "组建数字经济、“智改数转”等领导小组" names two; "成立“智慧城区”建设领导小组" one.

    A group named for pushing its task on keeps its place and verb (宜昌市推进…建设领导小组).

    >>> [(h.name, h.place_surface) for h in _leading_groups("宜昌市推进数据资源规划建设领导小组印发", [], ("宜昌市",))]
    [('宜昌市推进数据资源规划建设领导小组', '宜昌市')]
    >>> [(h.name, h.place_surface) for h in _leading_groups("承担自治区“放管服”改革协调小组办公室日常工作", [])]
    [('自治区放管服改革协调小组办公室', '自治区')]
    >>> [(h.name, h.place_surface) for h in _leading_groups("报请县“放管服”改革协调小组办公室下发了方案", [])]
    [('县放管服改革协调小组办公室', '县')]
    """
    hits = []
    for m in _GROUP_LIST.finditer(sentence):
        first = name_start(sentence, m.start("list") + m.group("list").index("、"))
        for item in re.finditer(r"“?([\u4e00-\u9fffA-Za-z0-9]{2,16})”?", sentence[first : m.end("list")]):
            start = first + item.start()
            hits.append(AgencyHit(item.group(1) + m.group("body"), start, m.end(), None))
    singles = [
        (max(m.start("name"), name_start(sentence, m.start("body"))), m.end())
        for m in _SET_UP.finditer(sentence)
    ]
    singles += [
        (name_start(sentence, m.start()), m.end())
        for m in re.finditer(r"(?:领导|协调)小组(?:办公室)?", sentence)
    ]
    for start, end in singles:
        if any(h.start <= end - 1 < h.end for h in [*found, *hits]):
            continue
        if "简称" in sentence[max(0, start - 4) : end]:
            continue  # "(以下简称领导小组)": the short name of the group just named, no group of its own
        # "报请县“放管服”改革协调小组办公室下发…": the verb that refers a matter to the group is no part
        # of its name; the group's level opens it
        referred = re.match(r"(?:报请|提请|呈请|经|由)(?=自治区|[省市区县州])", sentence[start:end])
        start += referred.end() if referred else 0
        placed = _placed_task(sentence, start, place_names)
        if placed is not None:
            hits.append(AgencyHit(sentence[placed[0] : end], placed[0], end, placed[1]))
            continue
        name = clean_name(sentence[start:end])
        # "局党纪学习…领导小组" is a fragment of 我局…; "县(市)政府(管委会)领导小组" a kind of body.
        if name[:1] == "局" and len(name) > 6 and not re.search(r"[(（]", name):
            hits.append(AgencyHit(name, start, end, "局"))  # 局党纪学习教育工作领导小组: the bureau's own
            continue
        if name[:1] in "局委办厅部处科" or re.search(r"[(（]", name):
            continue
        if len(name) > 6 and sentence[max(0, start - 1) : start] != "等":
            # "省数字政府建设领导小组" names its level like 省大数据局 does.
            head = (
                "自治区"
                if name.startswith("自治区")
                else name[0]
                if name[0] in "省市区县" and name[1] not in "场域级委"
                else None
            )
            hits.append(AgencyHit(name, start, end, head))
    return hits


# A verb of pushing a task on that opens a group's name after its place (市推进…领导小组).
_TASK_VERB = re.compile(r"(?:加快|全面|深入|持续|统筹)?(?:推进|推动|促进|深化|加快|实施|创建)$")


# Verbs that govern a group's meeting or setting up, not its task (召开推进…领导小组会议).
_GROUP_GOVERNOR = re.compile(r"(?:召开|成立|组建|调整|设立|主持召开)$")


def _placed_task(sentence: str, start: int, place_names: tuple[str, ...]) -> tuple[int, str | None] | None:
    """Return where a group's name starts, and its place, when a place and a verb of pushing come right
    before the name found (宜昌市推进…领导小组: the verb is part of the name, the place heads it). A
    place named by its level (省推进…领导小组), or a verb that convenes or sets up the group
    (召开推进…领导小组会议), leaves the pushing verb in the name as well.

    >>> _placed_task("宜昌市推进职能转变领导小组", 5, ("宜昌市",)), _placed_task("推进职能转变领导小组", 2, ())
    ((0, '宜昌市'), None)
    >>> _placed_task("省推进职能转变领导小组", 3, ()), _placed_task("州政府召开推进职能转变领导小组会议", 7, ())
    ((0, '省'), (5, None))
    """
    verb = _TASK_VERB.search(sentence, max(0, start - 6), start)
    if verb is None:
        return None
    for name in sorted(place_names, key=len, reverse=True):
        if len(name) > 1 and sentence.endswith(name, 0, verb.start()):
            return verb.start() - len(name), name
    level = re.search(
        r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[由经在请对和与及]))(自治区|[省市区县州])$", sentence[: verb.start()]
    )
    if level:
        return level.start(1), level.group(1)
    if _GROUP_GOVERNOR.search(sentence, 0, verb.start()):
        return verb.start(), None
    return None


_ZONE = (
    r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|综保区|保税区|新区|园区|经济区|示范区|合作区|试验区"
    r"|度假区|示范园|产业园|工业园|投资区|风景名胜区|风景区|港区)"
)
_ZONE_COMMITTEE = re.compile(
    rf"{_ZONE}(?:管委会|管理委员会|管委(?![会员])|管理办公室)"
    # A zone's own bureaus (湘江新区行政审批服务局, 高新区经发局) are bodies as its committee is.
    rf"|{_ZONE}(?P<bureau>[\u4e00-\u9fff]{{1,10}}?)(?<![大格布全结开变时当])局"
    # A zone named without a zone word (某某数谷管委会) still heads its committee at a clause's start.
    r"|(?:(?<=^)|(?<=[,，;；:：。、]))(?![由经在对向从将按与和及据为被同跟])[\u4e00-\u9fff]{2,8}?(?:管委会|管理委员会)"
)
# "甲高新区、乙新区管委会": zones listed before one committee word each have that committee.
_LISTED_ZONE = re.compile(rf"([\u4e00-\u9fff]{{2,14}}?{_ZONE})、$")


def _zone_committees(sentence: str, found: list[AgencyHit]) -> list[AgencyHit]:
    """Committees that run development zones (SCHEMA.md: their 管委会 is an agency): 天府新区管委会.

    >>> [h.name for h in _zone_committees("高新区管委会、天府新区管委会相关负责人出席", [])]
    ['高新区管委会', '天府新区管委会']
    >>> [h.name for h in _zone_committees("湘江新区行政审批服务局负责人参加", [])]
    ['湘江新区行政审批服务局']
    >>> [h.name for h in _zone_committees("构建新区发展新格局", [])]
    []
    >>> [h.name for h in _zone_committees("各旗人民政府,开发区、示范区管委会:", [])]
    []
    >>> [h.name for h in _zone_committees("各县区人民政府,开发区、示范园区管委,市政府各部门", [])]
    []
    """
    hits = []
    for m in _ZONE_COMMITTEE.finditer(sentence):
        if any(h.start <= m.start() < h.end for h in found):
            continue
        if m.group("bureau") and _STOP.search(m.group("bureau")):
            continue  # 高新区加快…局: a verb between zone and 局 is a clause, not a name
        start = name_start(sentence, m.start())
        # "罗佳(两江新区管委会副主任)": a bracket opened before the zone's name is not part of it.
        start = max(
            start, sentence.rfind("(", start, m.start()) + 1, sentence.rfind("（", start, m.start()) + 1
        )
        clause = re.split(r"[,，;；。:：]", sentence[:start])[-1]
        if (start == m.start() and "各" in clause) or re.match(r"(?:国家级|省级|市级)", sentence[start:]):
            continue  # "各县(市、区)政府、开发区管委会", "国家级开发区管委": zones in general, not one
        # (a kind named by two words more is as bare: "开发区、示范园区管委")
        if start >= m.start() - 2 and re.search(rf"(?:^|[,，;；:：]){_ZONE}、$", sentence[:start]):
            continue  # "开发区、示范区管委会": kinds of zone listed bare, none named
        name = clean_name(sentence[start : m.end()])
        if re.match(r"(?:[各全该本每]|有关|相关)", name):
            continue
        hits.append(AgencyHit(name, start, m.end(), None))
    return hits


def _listed_zones(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the committees of zones listed before one committee word: "甲经开区、乙经济区管委会" names two.

    >>> [h.name for h in _listed_zones("甲高新区、乙新区管委会", [AgencyHit("乙新区管委会", 5, 11, None)])]
    ['甲高新区管委会']
    """
    out: list[AgencyHit] = []
    for hit in hits:
        body = re.search(rf"{_ZONE}(管委会|管理委员会|管委|管理办公室)$", hit.name)
        listed = _LISTED_ZONE.search(sentence[: hit.start]) if body else None
        while body and listed:
            first = max(listed.start(1), name_start(sentence, listed.end(1)))
            if any(h.start <= first < h.end for h in [*hits, *out]):
                break
            out.append(AgencyHit(sentence[first : listed.end(1)] + body.group(1), first, listed.end(1), None))
            listed = _LISTED_ZONE.search(sentence[:first])
    return out


# The brackets that give a body's short name for the rest of the text: (以下简称市营商局).
# …and the brackets that give its former name: 北京市经信局(原北京市经信委).
_SHORT_NAME_OPEN = re.compile(r"[(（](?:以下简称|以下称|简称|原)[:：“\"]?$")


def _with_parenthetical_aliases(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """An agency in brackets right after another is its other name.

    Both 创新驱动发展中心(数字经济研究发展中心) and 市营商环境建设监督局(以下简称市营商局)
    name one body; the short name is an alias, so later uses of it are the same agency.

    >>> hits = [AgencyHit("市营商环境建设监督局", 0, 10, "市"), AgencyHit("市营商局", 15, 19, "市")]
    >>> [(h.name, h.aliases) for h in _with_parenthetical_aliases("市营商环境建设监督局(以下简称市营商局)", hits)]
    [('市营商环境建设监督局', ('市营商局',))]
    """
    out: list[AgencyHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        bracket = prev and (
            (sentence[prev.end : prev.end + 1] in "(（" and hit.start == prev.end + 1)
            or (_SHORT_NAME_OPEN.search(sentence[prev.end : hit.start]) and sentence[prev.end] in "(（")
        )
        if prev and bracket:
            out[-1] = AgencyHit(
                prev.name, prev.start, prev.end, prev.place_surface, prev.national, (*prev.aliases, hit.name)
            )
            continue
        out.append(hit)
    return out


# A bureau's party group and branches (局党组, 机关党支部): "局" alone is the document's own bureau.
_PARTY_BODY = re.compile(r"(?:党组|机关党委|机关党总支|机关党支部)(?!成员|书记|副书记)")
# What may stand before a bureau's own body: 我局, 局, or a break or function word before 机关党委.
_OWN_BUREAU = re.compile(r"(?:[我本]?局|(?<![\u4e00-\u9fff])|(?<=[由经在和与及、的被对为]))$")


def _party_bodies(sentence: str, found: list[AgencyHit]) -> list[AgencyHit]:
    """Party bodies of a bureau that act: 局党组召开…, "局机关党支部", "机关党委牵头" in a bureau's report.

    Dev gold leaves out the 党组 of a job title (…局党组书记、局长), as it does 市委常委's 市委 twice over.

    >>> [(h.name, h.place_surface) for h in _party_bodies("局机关党支部获评先进,由机关党委牵头", [])]
    [('局机关党支部', '局'), ('局机关党委', '局')]
    """
    hits = []
    for m in _PARTY_BODY.finditer(sentence):
        bureau = next((h for h in found if h.end == m.start() and h.name.endswith(("局", "厅"))), None)
        if bureau is not None:
            name = bureau.name + m.group(0)
            hits.append(AgencyHit(name, bureau.start, m.end(), bureau.place_surface, bureau.national))
        elif m.group(0) != "党组" or sentence[m.start() - 1 : m.start()] == "局":
            own = _OWN_BUREAU.search(sentence[max(0, m.start() - 2) : m.start()])
            if own is not None and not re.search(
                r"[市区县省直]局$", sentence[max(0, m.start() - 2) : m.start()]
            ):
                start = m.start() - len(own.group(0).lstrip("我本"))
                hits.append(AgencyHit("局" + m.group(0), start, m.end(), "局"))
    return hits


# The eight parties besides the CPC name their local committees as the CPC does (民进兰州市委会).
_PARTY = re.compile(r"(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)$")


def _of_other_party(sentence: str, hit: AgencyHit) -> bool:
    """Whether the hit is the committee of a party other than the CPC named right before it: 民进兰州市委会
    is no 兰州市委, and dev gold lists no such committee (h08 leaves out 农工党南京市委, as the
    round-15 probes leave out mass organisations), so it is no agency either.

    >>> _of_other_party("民进兰州市委会开展调研", AgencyHit("兰州市委", 2, 6, "兰州市"))
    True
    >>> _of_other_party("兰州市委会同有关部门", AgencyHit("兰州市委", 0, 4, "兰州市"))
    False
    """
    return bool(_PARTY.search(sentence, 0, hit.start)) and bool(re.search(r"委(?:员会)?$", hit.name))


# "市十七届人大三次会议": a numbered session names its congress (SCHEMA.md: 人大 is an agency, the session
# no event).
_SESSION = re.compile(
    r"(?P<head>[省市区县])?第?[一二三四五六七八九十\d]+届(?P<body>人大|人民代表大会|政协)(?P<standing>常委会)?第?[一二三四五六七八九十\d]+次"
)


def _congresses(sentence: str, found: list[AgencyHit], place_names: tuple[str, ...]) -> list[AgencyHit]:
    """The people's congress or CPPCC whose session the sentence names: 市十七届人大三次会议 → 市人大.

    >>> [(h.name, h.place_surface) for h in _congresses("在石家庄市十四届人大五次会议上", [], ("石家庄市",))]
    [('石家庄市人大', '石家庄市')]
    """
    hits = []
    for m in _SESSION.finditer(sentence):
        if any(h.start <= m.start() < h.end for h in found) or not m.group("head"):
            continue  # a session with no level named (十四届人大) may be the national one
        body = "人大" if m.group("body") == "人民代表大会" else m.group("body")
        if m.group("standing"):
            body += "常委会"  # 区十七届人大常委会第二十八次会议: the session is the standing committee's
        start, head = m.start(), m.group("head")
        place = next((p for p in place_names if sentence.endswith(p, 0, m.start() + 1)), None)
        if place is not None:
            start, head = m.start() + 1 - len(place), place
        hits.append(AgencyHit(head + body, start, m.end(), head))
    return hits


def _with_list_place(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """A bare 市 listed right after a body of a named city is that city's: 泉州市委、市政府 → 泉州市政府.

    >>> [h.name for h in _with_list_place("泉州市委、市政府", [AgencyHit("泉州市委", 0, 4, "泉州市"),
    ...  AgencyHit("市政府", 5, 8, "市")])]
    ['泉州市委', '泉州市政府']
    """
    out: list[AgencyHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and hit.place_surface in ("市", "区", "县", "省")
            and prev.place_surface
            and prev.place_surface.endswith(hit.place_surface)
            and len(prev.place_surface) > 1
            and sentence[prev.end : hit.start] in ("、", "和", "及", "与")
        ):
            name = prev.place_surface + hit.name[1:]
            hit = AgencyHit(name, hit.start, hit.end, prev.place_surface, hit.national, _other_forms(name))
        out.append(hit)
    return out


_TOWN_BODY = re.compile(
    r"(?<![\u4e00-\u9fff])(?![各全本该每乡镇])(?P<town>[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))(?P<body>党委|党工委|人民政府|政府|办事处)"
)


def _town_bodies(sentence: str, found: list[AgencyHit]) -> list[AgencyHit]:
    """Bodies of a town or a street (SCHEMA.md: a body in a job title counts): 乌镇党委书记 → 乌镇党委.

    >>> [h.name for h in _town_bodies("桐乡市委常委、乌镇党委书记姜玮", [])]
    ['乌镇党委']
    """
    hits = []
    for m in _TOWN_BODY.finditer(sentence):
        if not any(h.start <= m.start() < h.end for h in found):
            hits.append(AgencyHit(m.group(0), m.start(), m.end(), None))
    return hits


# A body listed right after a local one, with no place of its own ("市政府办、经贸局负责人"): it ends in a
# body word and is followed by a break, a conjunction or what its people do.
_LISTED_BODY = re.compile(
    r"[、和及与]([\u4e00-\u9fff]{1,8}?(?:局|委员会|委|办公室|办|厅|署))"
    r"(?=[、，,。；;:：和及与(（]|负责|牵头|主要|等|相关|有关|联合|会同|分别|共同|配合|参加|出席)"
)


# "自治区党委、政府", "市委和政府": the government of the party committee's place, its place left unsaid.
_ELIDED_GOVERNMENT = re.compile(
    r"(?:[、和及与]|(?=[省市区县]政府|[省市区县]人民政府))[省市区县]?((?:人民)?政府)(?!工作|报告|网站|门户|投资|采购|债|数字|部门|机关)"
)


def _elided_governments(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the government named after a party committee by 政府 alone: it shares the committee's place.

    >>> [(h.name, h.place_surface) for h in _elided_governments("落实自治区党委、政府部署", [AgencyHit("自治区党委", 2, 7, "自治区")])]
    [('自治区政府', '自治区')]
    >>> _elided_governments("市委、政府工作报告", [AgencyHit("市委", 0, 2, "市")])
    []
    >>> [h.name for h in _elided_governments("北京市委市政府举办", [AgencyHit("北京市委", 0, 4, "北京市")])]
    ['北京市政府']
    """
    out: list[AgencyHit] = []
    for hit in hits:
        if hit.national or not hit.place_surface:
            continue
        owner = re.sub(r"(?:党委|委)$", "", hit.name)
        m = _ELIDED_GOVERNMENT.match(sentence, hit.end)
        if owner == hit.name or not owner or not m or any(h.start <= m.start(1) < h.end for h in hits):
            continue
        level = m.group(0)[: m.start(1) - m.start()].lstrip("、和及与")
        if level and not owner.endswith(level):
            continue  # "北京市委市政府" shares its 市; "某市委区政府" names another body
        out.append(AgencyHit(owner + m.group(1), m.start(1), m.end(1), hit.place_surface))
    return out


def _listed_owners(sentence: str, hits: list[AgencyHit], place_names: tuple[str, ...]) -> list[AgencyHit]:
    """Return the bodies of the places listed before a place's body, which share its name
    (南京市、苏州市、扬州市数据局 names each city's 数据局).

    >>> [h.name for h in _listed_owners("召集南京市、苏州市、扬州市数据局", [AgencyHit("扬州市数据局", 10, 16, "扬州市")], ("南京市", "苏州市", "扬州市"))]
    ['南京市数据局', '苏州市数据局']
    """
    if not place_names:
        return []
    names = "|".join(re.escape(n) for n in place_names)
    listed = re.compile(rf"(?:(?:{names})[、和及与])+$")
    item = re.compile(rf"({names})[、和及与]")
    out: list[AgencyHit] = []
    for hit in hits:
        if hit.national or hit.place_surface not in place_names or not hit.name.startswith(hit.place_surface):
            continue
        run = listed.search(sentence[: hit.start])
        if not run:
            continue
        body = hit.name[len(hit.place_surface) :]
        for m in item.finditer(run.group(0)):
            at = run.start() + m.start(1)
            if not any(h.start <= at < h.end for h in hits):
                out.append(AgencyHit(m.group(1) + body, at, at + len(m.group(1)), m.group(1)))
    return out


# "国家和省发改委", "省、市大数据局": a level joined to the level that heads a body shares its body.
_SHARED_LEVEL = re.compile(r"(国家|自治区|省|市|县|区)(?:和|与|及|、)$")


def _shared_levels(
    sentence: str, hits: list[AgencyHit], canonical: dict[str, str], words: tuple[Word, ...] = ()
) -> list[AgencyHit]:
    """Return the bodies of the levels joined before a body named by its level (国家和省发改委 names
    the country's 发改委 as well as the province's).

    >>> [(h.name, h.national) for h in _shared_levels("争取国家和省发改委支持", [AgencyHit("省发改委", 5, 9, "省")], {"国家发改委": "国家发展改革委"})]
    [('国家发展改革委', True)]
    >>> [h.name for h in _shared_levels("省、市大数据局联合", [AgencyHit("市大数据局", 2, 7, "市")], {})]
    ['省大数据局']
    >>> _shared_levels("全省和市大数据局", [AgencyHit("市大数据局", 3, 8, "市")], {})
    []
    """
    out: list[AgencyHit] = []
    for hit in hits:
        if hit.national or hit.place_surface not in ("省", "市", "县", "区", "自治区"):
            continue
        m = _SHARED_LEVEL.search(sentence, max(0, hit.start - 4), hit.start)
        if not m or any(h.start <= m.start(1) < h.end for h in hits):
            continue
        if sentence[max(0, m.start(1) - 1) : m.start(1)] in ("全", "各", "本", "该", "我", "外"):
            continue  # "全省和市大数据局": a scope, not a level of its own
        if words and not any(w.start == m.start(1) for w in words):
            continue  # "兴宾区和自治区…厅": the 区 ends a place's name
        body = hit.name[len(hit.place_surface) :]
        level = m.group(1)
        name = level + body
        if level == "国家":
            if name not in canonical:
                continue  # a central body only by a name the country's bodies go by
            out.append(
                AgencyHit(
                    canonical[name],
                    m.start(1),
                    m.end(1),
                    None,
                    True,
                    (name,) if canonical[name] != name else (),
                )
            )
        else:
            out.append(AgencyHit(name, m.start(1), m.end(1), level))
    return out


# "发改委、自然资源和规划局、医保局等50个市级部门": bare bodies a closing count gives the level of.
_SCOPED_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|厅)、)+[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|厅))"
    r"等(?:\d+|[一二三四五六七八九十]+)?个?(市|区|县|省)(?:级|直)(?:有关|相关)?(?:部门|单位)"
)


def _scoped_list(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the bare bodies of a list its closing count calls the city's (…、医保局等50个市级部门): each is
    that level's body, named with the bare level word as a place's own text names it (市发改委).

    >>> [h.name for h in _scoped_list("发改委、自然资源和规划局、医保局等50个市级部门接入平台", [])]
    ['市发改委', '市自然资源和规划局', '市医保局']
    """
    out: list[AgencyHit] = []
    for m in _SCOPED_LIST.finditer(sentence):
        at = m.start(1)
        for item in m.group(1).split("、"):
            owned = any(h.start <= at < h.end and not h.national for h in hits)
            if not owned and not _GENERIC.search(item) and not re.match(r"[市区县省各全本该我]", item):
                out.append(AgencyHit(m.group(2) + item, at, at + len(item), m.group(2)))
            at += len(item) + 1
    return out


def _listed_bodies(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return bodies listed after a local agency with no place of their own: they share its place.

    >>> [(h.name, h.place_surface) for h in _listed_bodies("甲市政府办、经贸局、统计局负责人",
    ...  [AgencyHit("甲市政府办", 0, 5, "甲市")])]
    [('甲市经贸局', '甲市'), ('甲市统计局', '甲市')]
    >>> [h.name for h in _listed_bodies("乙市数据局机关党委、机关纪委,", [AgencyHit("乙市数据局机关党委", 0, 9, "乙市")])]
    ['乙市数据局机关纪委']
    """
    out: list[AgencyHit] = []
    for hit in hits:
        if hit.national or hit.place_surface in (None, "局") or "各" in sentence[hit.start - 2 : hit.start]:
            continue  # "各区市政府、开发区管委": kinds of bodies, not one
        end = hit.end
        while m := _LISTED_BODY.match(sentence, end):
            item = m.group(1)
            if (
                any(h.start <= m.start(1) < h.end and not _central_short_form(h, m) for h in [*hits, *out])
                or _GENERIC.search(item)
                or _STOP.search(item)
                or re.match(r"(?:[市区县省](?!场)|[各全本该我])", item)
                or "管委" in item  # a zone's committee is the zone's (_zone_committees)
                or re.search(r"[大格布全结开变时当]局$", item)
            ):
                break
            # "市数据局机关党委、机关纪委": a bureau's own body listed after another shares the bureau
            owner = re.sub(r"(?:机关党委|机关纪委|机关党总支|机关党支部|党组)$", "", hit.name)
            head = owner if item.startswith("机关") and owner != hit.name else hit.place_surface
            out.append(AgencyHit(head + item, m.start(1), m.end(1), hit.place_surface))
            end = m.end(1)
    return out


def _central_short_form(hit: AgencyHit, item: re.Match[str]) -> bool:
    """Whether `hit` is a central body read from a short form that is exactly the listed item: in
    "市发展改革委、…、国资委、市场监管局" 国资委 is the city's, not 国务院国资委.

    >>> item = re.match("、(国资委)", "、国资委")
    >>> _central_short_form(AgencyHit("国务院国资委", 1, 4, None, True, ("国资委",)), item)
    True
    >>> _central_short_form(AgencyHit("国务院国资委", 1, 7, None, True), item)
    False
    """
    return hit.national and bool(hit.aliases) and (hit.start, hit.end) == (item.start(1), item.end(1))


# A department named without its place where the sentence gives it a programme's lead (由大数据局牵头,
# 行政审批服务局具体负责): the body of the place the sentence is about (SCHEMA.md: 市大数据局 → 滨州市大数据局).
_GOVERNED_BODY = re.compile(
    r"(?:(?<=由)|(?<=会同)|(?<=委托)|(?:^|(?<=[，,；;。:：、]))(?![由会委经在与和及]))([\u4e00-\u9fff]{2,10}?(?:局|委员会|办公室))"
    # what a body does as the subject of its clause: lead, carry out, convene, issue
    r"(?=牵头|负责|主管|具体负责|统筹|会同|联合|组织|指导|召开|印发|出台|发布|举办|开展|启动|上线)"
)


_GOVERNED_LIST = re.compile(
    r"(?<=由)((?:[\u4e00-\u9fff]{2,10}?(?:局|委员会|办公室|中心)、)+[\u4e00-\u9fff]{2,10}?(?:局|委员会|办公室|中心))"
    r"(?=共同|联合|牵头|负责)"
)


def _governed_bodies(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return departments named bare where the sentence makes them lead or carry out a task.

    >>> [h.name for h in _governed_bodies("推进改革,由大数据局牵头,行政审批服务局具体负责。", [])]
    ['大数据局', '行政审批服务局']
    >>> [h.name for h in _governed_bodies("近日,大数据局组织召开专题会议", [])]
    ['大数据局']
    >>> [h.name for h in _governed_bodies("由相关部门牵头,形成新格局负责", [])]
    []
    >>> [h.name for h in _governed_bodies("职责;划入市经信局牵头推进", [AgencyHit("市经信局", 5, 9, "市")])]
    []
    >>> [h.name for h in _governed_bodies("上报后由财政局、大数据发展中心共同联审", [])]
    ['财政局', '大数据发展中心']
    """
    out: list[AgencyHit] = []
    # "由财政局、大数据发展中心共同联审": bodies listed after 由 that act together, each of them
    listed = [
        (sentence.find(item, m.start(1)), item)
        for m in _GOVERNED_LIST.finditer(sentence)
        for item in m.group(1).split("、")
    ]
    for at, item in listed:
        if not any(h.start <= at < h.end for h in hits) and _names_one_department(item):
            out.append(AgencyHit(item, at, at + len(item), None))
    for m in _GOVERNED_BODY.finditer(sentence):
        item = m.group(1)
        if any(h.start <= m.start(1) < h.end for h in out):
            continue
        if (
            any(h.start <= m.start(1) < h.end for h in hits)
            # "划入市经济和信息化局牵头…": a body found with its place inside the stretch is that body
            or any(m.start(1) < h.start and h.end <= m.end(1) for h in hits)
            or not _names_one_department(item)
            or re.search(r"[大格布全结开变时当]局$", item)
        ):
            continue
        out.append(AgencyHit(item, m.start(1), m.end(1), None))
    return out


def _names_one_department(item: str) -> bool:
    """Whether a bare name is one department's, not a kind (相关部门), a stop word or a scope (各局, 市…)."""
    return not (
        _GENERIC.search(item)
        or _STOP.search(item)
        or re.match(r"(?:[市区县省](?!场)|[各全本该我这此其国])", item)
    )


# Departments named bare in a list the sentence counts as departments (入驻了交通局、民政局、住建委等30个
# 职能部门): each is a body of the place the sentence is about.
_COUNTED_DEPARTMENTS = re.compile(
    r"(?P<list>(?:[\u4e00-\u9fff]{2,8}?(?:局|委|厅)、)+[\u4e00-\u9fff]{2,8}?(?:局|委|厅))"
    r"等(?:[\d一二三四五六七八九十]+个)?(?:职能|政府|市直|区直|县直)?(?:部门|单位)"
)


def _counted_departments(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the departments of a list closed by 等…部门, named without a place.

    >>> [h.name for h in _counted_departments("入驻了交通局、民政局、住建委等30个职能部门", [])]
    ['交通局', '民政局', '住建委']
    """
    out: list[AgencyHit] = []
    for m in _COUNTED_DEPARTMENTS.finditer(sentence):
        start = m.start("list")
        for item in m.group("list").split("、"):
            end = start + len(item)
            words = re.sub(r"^(?:了|由|与|和|及|有|如|含|包括|涉及|入驻|覆盖)+", "", item)
            first = end - len(words)
            if (
                not any(h.start < end and first < h.end for h in [*hits, *out])
                and not _GENERIC.search(words)
                and not _STOP.search(words)
                and not re.match(r"[市区县省各全本该我]", words)
                and not re.search(r"[大格布全结开变时当]局$", words)
                and len(words) >= 3
            ):
                out.append(AgencyHit(words, first, end, None))
            start = end + 1
    return out


# "县委常委、宣传部部长": a party department named in the next title of the same person is that committee's.
_DEPARTMENT_TITLE = re.compile(
    r"常委[、,，](?P<dept>宣传部|组织部|统战部|社会工作部|政法委)(?:常务)?(?:副)?(?:部长|书记|(?<=部)长)"  # 宣传部长
)
_NEXT_DEPARTMENT_TITLE = re.compile(
    r"[、,，](?P<dept>宣传部|组织部|统战部|社会工作部|政法委)(?:常务)?(?:副)?(?:部长|书记|(?<=部)长)"
)


# A division of a bureau or ministry named right after it (无锡市数据局数字城市处), ending where the
# clause does or where a title of its head follows (…处处长).
_DIVISION = re.compile(
    r"(?P<div>[\u4e00-\u9fff]{2,8}?[处科司])"
    r"(?=$|[,，。;；、:：\s)）]|(?:副)?(?:处长|科长|司长|负责人|主任|同志)|(?:[一二三四]级)?(?:调研员|巡视员|主任科员))"
)


def _divisions(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the divisions named right after a bureau or ministry: 无锡市数据局数字城市处 is a body
    of its own (tests/cases 18), besides the bureau it belongs to.

    >>> [h.name for h in _divisions("联系单位:某市数据局数字城市处", [AgencyHit("某市数据局", 5, 10, "某市")])]
    ['某市数据局数字城市处']
    >>> _divisions("某市数据局处长", [AgencyHit("某市数据局", 0, 5, "某市")])
    []
    >>> [h.name for h in _divisions("农业农村部市场与信息化司司长", [AgencyHit("农业农村部", 0, 5, None, True)])]
    ['农业农村部市场与信息化司']
    >>> [h.name for h in _divisions("省委网信办信息化发展处四级调研员", [AgencyHit("省委网信办", 0, 5, "省")])]
    ['省委网信办信息化发展处']
    """
    out = []
    for hit in hits:
        if not re.search(r"[局厅部委办]$", hit.name):
            continue
        m = _DIVISION.match(sentence, hit.end)
        # a division's name may join two fields (农业农村部市场与信息化司)
        stop = _STOP.search(m.group("div")) if m else None
        if m and (stop is None or stop.group(0) in "与和") and not _GENERIC.search(m.group("div")):
            out.append(
                AgencyHit(hit.name + m.group("div"), hit.start, m.end(), hit.place_surface, hit.national)
            )
    return out


def _title_departments(sentence: str, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Return the departments named by a title after a party committee's 常委: 某县委宣传部.

    >>> [h.name for h in _title_departments("某县委常委、宣传部部长", [AgencyHit("某县委", 0, 3, "某县")])]
    ['某县委宣传部']
    >>> [h.name for h in _title_departments("区委常委、宣传部长", [AgencyHit("区委", 0, 2, "区")])]
    ['区委宣传部']
    >>> [h.name for h in _title_departments("市委常委、宣传部部长、统战部部长", [AgencyHit("市委", 0, 2, "市")])]
    ['市委宣传部', '市委统战部']
    """
    out = []
    for m in _DEPARTMENT_TITLE.finditer(sentence):
        committee = next((h for h in hits if h.end == m.start() and h.name.endswith("委")), None)
        if committee is None:
            continue
        # "市委常委、宣传部部长、统战部部长": each title names a department of the same committee
        titles = [m]
        while nxt := _NEXT_DEPARTMENT_TITLE.match(sentence, titles[-1].end()):
            titles.append(nxt)
        for t in titles:
            if not any(h.start == t.start("dept") for h in hits):
                name = committee.name + t.group("dept")
                out.append(
                    AgencyHit(
                        name, t.start("dept"), t.end("dept"), committee.place_surface, committee.national
                    )
                )
    return out
