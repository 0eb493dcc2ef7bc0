"""Programmes named by the word they end in: unquoted names ending in 行动/工程/计划/改革/试点 that a verb
carries out (实施数字惠民行动), lists of like names (A工程、B工程和C工程), and 数字X/智慧X campaigns
named after a division (数字湖北建设).

SCHEMA.md (Programmes and projects): named reforms and actions are programmes, bare domain words and
counts of named things (五大专项行动) are not; a place that pilots something (锦江区试点…) names no pilot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.designations import unranked
from loaders.gazetteer import load_gazetteer
from loaders.names import clean_name, name_start
from loaders.words import segment, word_at

# Verbs that make a quoted slogan a programme someone carries out.
CARRIED_OUT = re.compile(r"(?:推广|推行|实施|开展|组织|深化|落实|助推|参与|实行)$")
WEAKLY_CARRIED_OUT = re.compile(
    r"(?:推进|推动|探索|拓展|启动|完成|创新|打造|争创|创建|推出|首推|首创|落地|叫响|打响|做实|聚焦)$"
)
# A name ending in one of these, governed by a verb, is a programme even without quotes.
_SUFFIX = re.compile(r"(?:专项行动|行动|工程|计划|项目|综合试点|试点|先导区|提升月|宣传月|宣传周|改革|制度)")
_CAMPAIGN = re.compile(
    r"(?P<name>(?:数字|数智|智慧|网络|制造|质量|科技|交通|平安|法治|智联|健康|绿美|诚信|信用)(?:强市|强省|强区|强县|[\u4e00-\u9fff]{2,4}?))建设"
)
_GOVERNED_CAMPAIGN = re.compile(
    r"(?:建设|打造|推进|推动|建成|深化|以)(?P<name>(?:数字|数智|智慧)[\u4e00-\u9fff]{2,4}?)(?=[,，。;；、\s]|为|$)"
)
# 数字X/智慧X named after a city or a province (数字青岛, 数字内蒙古, 数字鄂尔多斯).
_NAMED_CAMPAIGN = re.compile(r"(?:数字|数智|智慧)")
# What makes a 数字X the name of a body, a product or an event rather than the campaign.
_NAMED_AFTER = re.compile(
    r"(?:[(（][^)）]{1,10}[)）])?[\u4e00-\u9fff]{0,6}?(?:研究院|研究中心|中心|公司|集团|大厦|App|APP|平台|网|报|峰会|大会|论坛|博览会|产业园|园区|科技|驾驶舱|小程序|专区|馆)"
)
NOT_A_PROGRAMME = re.compile(
    r"((?:三年|五年)(?!攻坚行动|专项行动|行动$)|行动计划|规划|纲要|方案|意见|办法|条例|重点项目|建设项目|示范项目|工作|任务)"
)
# A count of named things is a metric, not a programme (SCHEMA.md: 八项任务, 五大专项行动).
_COUNTED = re.compile(r"^[一二三四五六七八九十百千两\d]+[大项个条类]")
_COUNTED_BEFORE = re.compile(r"[一二三四五六七八九十两\d]+[大项个类]$")
_ENUMERATION = re.compile(r"”?(?:[:：]|[,，](?:分别是|分别为|即|包括))")
_GENERIC_HEAD = re.compile(
    r"^(?:各类|各项|相关|重大|重点|一批|多项|有关|数字化|信息化|智能化|国家级|国家|全国|省级|市级)?"
    # A name of only kind words (专项整治行动, 集中攻坚行动, 改造提升工程) names no initiative in particular.
    # Nor does one of only rank words (先导示范工程, 核心工程): they say what a project is to a park.
    r"(?:专项|集中|整治|攻坚|提升|改造|示范|综合|系列|先导|核心|龙头|标志性|关键)*(?:工程|行动|项目|改革|试点|计划)$"
)


# Routine rules of an office: reporting, filing, review and meeting duties.
_ROUTINE_RULE = re.compile(r"(?:报告|备案|公示|登记|考核|通报|例会|值班|会商|审查|评估|统计|报送)制度$")


# Trades of building works: a 工程 of these is a stage of construction (主体结构工程, 装饰装修工程).
_BUILDING_TRADE = re.compile(
    r"(?:安装|装修|装饰|幕墙|土建|主体结构|钢结构|土方|桩基|屋面|给排水|暖通|绿化)工程$"
    # a work on one road, tunnel or bridge is a thing built (S238…隧道…提升工程), not an initiative
    r"|^[A-Z]\d+|隧道|大桥|桥梁|管廊|水库|电站"
)


@dataclass(frozen=True)
class ProgrammeHit:
    """A programme named at `start:end` of a sentence."""

    name: str
    start: int
    end: int
    concept: str | None = None
    aliases: tuple[str, ...] = ()
    national: bool = False
    place: str | None = None  # the division a 数字X campaign is named after (数字湖北 → 湖北)


def find_actions(sentence: str) -> list[ProgrammeHit]:
    """Return unquoted names that end like a programme and follow a verb that carries one out.

    A division's campaign is named by what it builds there (数字X, 平安X, 法治X, 智联X):

    >>> [(h.name, h.aliases) for h in find_actions("在2023年度平安揭阳建设考核中被评定为优秀等次")]
    [('平安揭阳', ('平安揭阳建设',))]
    >>> [h.name for h in find_actions("1.完成三级政务服务体系规范化改革")]
    ['三级政务服务体系规范化改革']
    >>> [h.name for h in find_actions("新型显示器件集群、集成电路产业集群也被列入国家首批战略性新兴产业集群工程。")]
    ['国家首批战略性新兴产业集群工程']
    """
    hits: list[ProgrammeHit] = []
    heads: list[ProgrammeHit] = []
    masked = re.sub(r"《[^》]*》|“[^”]*”", lambda m: "□" * len(m.group(0)), sentence)
    for m in _SUFFIX.finditer(masked):
        end = m.end()
        nxt = masked[end : end + 2]
        inside_word = re.match(r"[\u4e00-\u9fff]", nxt) and not re.match(
            r"建设|等|和|与|及|为|的|中|落地|取得|成效|扩面|升级|已|均|也|都|顺利|稳步|有序|正式|初见|全面",
            nxt,
        )
        # "以民生诉求综合服务改革深化…": after 以, a verb right after the reform starts the clause's own
        # predicate (以A推动B); the reform's name ends there
        if (
            inside_word
            and m.group(0) == "改革"
            and re.search(r"以[\u4e00-\u9fff]{4,20}$", masked[: m.start()])
        ):
            after = word_at(segment(sentence), end)
            inside_word = not (after is not None and after.start == end and after.tag in ("v", "vd"))
        # "落实数字强省宣传月活动要求": the activities of a campaign month are the campaign's own
        if inside_word and m.group(0).endswith(("月", "周")) and nxt == "活动":
            inside_word = None
        if m.group(0) == "工程" and re.match(
            r"[与和及][\u4e00-\u9fff]{2,14}?(?:实验室|研究中心|研究院)", masked[end : end + 20]
        ):
            continue  # "数学工程与先进计算国家重点实验室": the field of a lab, engineering, no programme
        if inside_word and (m.group(0) != "行动" or re.match(r"计划|方案|纲要|者|队|合力|自觉|力量", nxt)):
            continue  # the suffix is inside a longer word (行动计划, 工程师, 改革成果, 试点县)
        start = name_start(sentence, m.start())
        inside = word_at(segment(sentence), start)
        if inside is not None and inside.start < start and inside.tag not in ("v", "p", "d"):
            start = inside.start  # a boundary word cut a word in two (在|线新经济): keep the word whole
        start = _past_inner_verb(sentence, start)
        # "1.完成三级政务服务体系规范化改革": a list item's number is no part of the name after it
        number = re.match(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、)）]", sentence[start:])
        if number and not sentence[:start].strip():
            start += number.end()
        # "…服务试点建设和63个乡镇体检数字化试点": a joiner before a count starts another noun phrase
        joined_count = list(re.finditer(r"(?:和|及|与|、)(?=\d+个)", sentence[start : m.start()]))
        start = start + joined_count[-1].end() if joined_count else start
        listed = _after_joined(masked, start, m.start())
        start, listed = max(start, listed), listed > start
        governor_end = start
        # "国务院高度重视数据要素市场化配置改革": an adverb and its verb make a clause, whose subject and
        # verb are no part of the name that follows them
        clause = [w for w in segment(sentence) if start <= w.start and w.end <= m.start()]
        said = [b for a, b in zip(clause, clause[1:], strict=False) if a.tag == "d" and b.tag == "v"]
        start = said[-1].end if said and said[-1].end < m.start() - 2 else start
        if sentence.startswith(("新一轮", "新一批"), start):  # which round it is, not its name
            start += 3
        elif sentence.startswith(("完成", "启动"), start) and end - start > 6:
            start += 2  # "全面完成数字乡村建设三年行动": the verb that governs it is no part of it
            governor_end = start
        name = clean_name(sentence[start:end])
        if start > 0 and sentence[start - 1] == "等" or len(name) < 4 or len(name) > 28:
            continue
        # 重大/重点 make a kind of project (重大工程, 重点领域改革), unless they only describe what the
        # action is about ("重大事故隐患专项排查整治行动").
        generic = re.search(
            r"(?:重大|重点|相关|有关|各类)(?![\u4e00-\u9fff]{0,1}(?:事故|隐患|疾病|疫情|风险|灾害|安全))",
            sentence[max(0, start - 2) : end],
        ) or name.startswith("领域")
        if "□" in masked[start:end] or NOT_A_PROGRAMME.search(name) or _GENERIC_HEAD.match(name) or generic:
            continue
        if m.group(0) == "制度" and _ROUTINE_RULE.search(name):
            continue  # "落实…年度报告制度": a routine rule of office, not an initiative (首席数据官制度)
        if m.group(0) == "工程" and _BUILDING_TRADE.search(name):
            continue  # "开展外立面幕墙、机电安装及装饰装修工程": building works on a site, not an initiative
        counted = _COUNTED.match(name)
        if (
            counted
            and m.group(0) == "试点"
            and counted.group(0).endswith("个")
            and len(name) - counted.end() >= 6
        ):
            # "63个乡镇体检数字化试点已完成": the count is of the sites a named pilot runs in, not of kinds
            start, name = start + counted.end(), name[counted.end() :]
            counted = None
        if re.match(r"[\d一二三四五六七八九十百千两]+[余多]?[个项家所座类批]", sentence[end:]):
            continue  # "新增省级认可应用试点8项": a count of things of a kind (a metric), not one named
        if counted or _only_places(sentence, start, m.start()):
            continue  # "在观山湖区试点“无感办”": a place that pilots something, not a pilot's name
        if _COUNTED_BEFORE.search(name[: -len(m.group(0))]) and _ENUMERATION.match(sentence, end):
            continue  # "智慧城市六大工程:A工程、B工程…": the count of the actions listed next, not one of them
        domain = _domain_reform(name) if m.group(0) == "改革" else None
        if domain is not None:  # SCHEMA.md: a named reform of a domain (数字政府改革) is a programme
            start, name = end - len(domain), domain
        elif m.group(0) == "改革" and len(name) <= 4:
            continue  # "以机构改革为契机": a reform named by its domain word alone is not a named programme
        governed = domain is not None or (
            CARRIED_OUT.search(sentence[max(0, governor_end - 6) : governor_end])
            or re.search(r"[、以]$", sentence[:start])
            or listed
        )
        # "根据省市百日攻坚强盾护网行动要求,开展…": a place that works to what an action asks of it
        # carries that action out; the levels that set it (省市) are no part of its name
        level = re.match(r"(?:省市|省委|市委|上级|省|市)(?![场民长区县级内外直属])", name)
        directive = (
            m.group(0) in ("行动", "专项行动", "工程")
            and re.search(r"(?:根据|按照|依照|对照|落实)$", sentence[:start])
            and re.match(r"(?:的)?(?:工作)?(?:要求|部署|安排)", sentence[end:])
        )
        if directive:
            governed = True
            if level and len(name) - level.end() >= 4:
                start, name = start + level.end(), name[level.end() :]
        # A long name pushed on to the clause's end names the reform itself ("全面推进数据管理机构改革,").
        pushed = WEAKLY_CARRIED_OUT.search(
            re.sub(r"(?:全面|稳步|深入|大力|加快|持续)$", "", sentence[:start])
        )
        if (
            pushed
            and len(name) >= 6
            and m.group(0) in ("改革", "工程", "行动")
            and re.match(r"[,，。;；、]|$", nxt)
        ):
            governed = pushed
        # A long reform name ending its phrase is named whatever governs it ("全市综合行政审批执法改革、…
        # 取得…"): a reform needs a compound name to be one in particular (机构改革 is not).
        if m.group(0) == "改革" and len(name) >= 7 and re.match(r"[,，。;；、]|$", nxt):
            governed = True
        # A pilot or zone whose name swallowed its verb (被列入…试点, 完成试点) is left to designations.py.
        swallowed = re.search(r"被|列入|获批|入选|完成|开展|申报|申请|争取|争创|创建", name)
        if not governed and m.group(0) in ("试点", "综合试点"):
            opened = _opening_verbs(sentence, start, m.start())
            # "总结提炼新型智慧城市试点", "指导未纳入试点": a pilot named by no verb of carrying out
            # starts after the verbs before it; what is left after a negation (未纳入) names none
            if opened > start:
                start, name = opened, clean_name(sentence[opened:end])
            if re.match(r"[未不没无非]", name) or len(name) < 4:
                continue
        if re.search(r"^[^(（]*[)）]", name):
            continue  # "县(市、区)级试点" cut inside its bracket: a level of pilots, no name
        if governed or (m.group(0) in ("先导区", "提升月", "试点", "综合试点") and not swallowed):
            # "…产业集群也被列入国家首批…集群工程": a verb of being listed inside the name governs what
            # follows it; the name starts after it
            inner = list(re.finditer(r"(?:被|也被|也)?(?:列入|纳入|入选|获批|评为|认定为)", name))
            if inner and len(name) - inner[-1].end() >= 4:
                start += inner[-1].end()
                name = name[inner[-1].end() :]
            plain = unranked(name)
            if _GENERIC_HEAD.match(plain):
                continue  # "列入…对接首批试点": once the batch goes no name is left
            hits.append(ProgrammeHit(plain, start, end, None, (name,) if plain != name else ()))
        elif _JOINER.match(masked, end):
            heads.append(ProgrammeHit(name, start, end))
    # The first item of a list of like names ("A工程、B工程和C工程") is one of them, verb or not.
    hits += [
        h
        for h in heads
        if any(k.start == _JOINER.match(masked, h.end).end() and k.name[-2:] == h.name[-2:] for k in hits)  # type: ignore[union-attr]
    ]
    # "实施数据增富、数据增值工程": a like name right before a listed one, after the verb, shares its kind
    for h in list(hits):
        kind = _SUFFIX.search(h.name)
        if kind is None or kind.end() != len(h.name) or not sentence[: h.start].endswith("、"):
            continue
        body = h.name[: kind.start()]
        twin = re.search(rf"{CARRIED_OUT.pattern[:-1]}([\u4e00-\u9fff]{{{len(body)}}})、$", masked[: h.start])
        if twin and twin.group(1)[:2] == body[:2] and twin.group(1) != body:
            a = h.start - 1 - len(body)
            hits.append(ProgrammeHit(twin.group(1) + kind.group(0), a, h.start - 1))
    for m in _GOVERNED_CAMPAIGN.finditer(masked):
        # "加快建设数字重庆,", "以数字福建为引领": a division's 数字X campaign named alone, after its verb
        levels = {d.level for d in load_gazetteer().lookup(m.group("name")[2:])} - {"country"}
        # A county's short name is often a plain word too (数字惠民): it names the county only where
        # LAC reads it as a name (数字龙华, at times tagged a person's), not a verb or an adjective (惠民).
        short = word_at(segment(sentence), m.start("name") + 2)
        as_place = short is not None and short.tag in ("LOC", "PER") and short.text == m.group("name")[2:]
        if levels - {"district"} or (levels and as_place):
            hits.append(with_place(ProgrammeHit(m.group("name"), m.start("name"), m.end("name"))))
    for m in _NAMED_CAMPAIGN.finditer(masked):
        # "以数字青岛统筹为抓手", "增强数字青岛动能": a city's or a province's 数字X is its campaign
        # wherever the text names it, unless a body or a thing built takes its name (数字青岛研究院).
        name_end = _city_or_province_after(masked, m.end())
        if name_end is not None and not _NAMED_AFTER.match(masked, name_end):
            hits.append(with_place(ProgrammeHit(masked[m.start() : name_end], m.start(), name_end)))
    # SCHEMA.md: a programme named inside a cited title is one too (《…“十四五”数字准格尔建设发展规划》):
    # a division's campaign, not a 强省 goal that the text names elsewhere with its projects (case 17);
    # quotes stay hidden, a quoted name is _quoted's in loaders/programmes.py.
    titles = re.sub(r"“[^”]*”", lambda q: "□" * len(q.group(0)), sentence)
    cited = [range(t.start(), t.end()) for t in re.finditer(r"《[^《》]*》?", titles)]
    kept = ["□"] * len(titles)
    for r in cited:
        kept[r.start : r.stop] = titles[r.start : r.stop]
    titles = "".join(kept)
    named = [t for t in _CAMPAIGN.finditer(titles) if not re.search(r"强[市省区县]$", t.group("name"))]
    for m in [*_CAMPAIGN.finditer(masked), *named]:
        if not re.search(r"强[市省区县]$", m.group("name")) and not _is_place_short(m.group("name")[2:]):
            continue
        hit = ProgrammeHit(m.group("name"), m.start(), m.end("name"), None, (m.group(0),))
        hits.append(with_place(hit))
    return hits


def _opening_verbs(sentence: str, start: int, suffix: int) -> int:
    """Where a name starting at ``start`` begins past the verbs that open it (LAC tags v), if any.

    >>> s = "将总结提炼新型智慧城市试点建设中的案例"
    >>> s[_opening_verbs(s, 1, s.index("试点")):s.index("试点") + 2]
    '新型智慧城市试点'
    >>> s = "开展数据要素试点"
    >>> _opening_verbs(s, 2, s.index("试点"))
    2
    """
    at = start
    for w in segment(sentence):
        if w.end <= start:
            continue
        if w.start != at or w.tag != "v" or w.end >= suffix:
            break
        at = w.end
    return at


def _domain_reform(name: str) -> str | None:
    """The reform of a domain the name ends in, when the domain is a scheme's umbrella word (数字政府,
    数字经济): such a reform is named whatever verb governs it ("把牢数字政府改革建设方向").

    >>> _domain_reform("牢数字政府改革"), _domain_reform("机构改革")
    ('数字政府改革', None)
    """
    from loaders.lexicon import programme_lexicon  # the lexicon reads the ontology once, on first use

    lex = programme_lexicon()
    body = name[:-2]
    for size in range(min(len(body), 8), 3, -1):
        concept = lex.by_label(body[-size:])
        if concept is not None and concept.umbrella and concept.label == body[-size:]:
            return body[-size:] + "改革"
    return None


# What joins the items of a list of like names (A行动、B行动和C行动).
_JOINER = re.compile(r"、|以及|和|及|与|并")


# Verbs that push effort on whatever follows, never the first word of an action's name.
_EFFORT_VERB = re.compile(
    r"加快|加强|加大|强化|持续|继续|坚持|着力|积极|全面|大力|深入|认真|扎实|抓好|做好|完善"
)


def _past_inner_verb(sentence: str, start: int) -> int:
    """Where a name cut at a verb really starts: a verb with nouns before it and a governing verb before
    them is inside the name (开展营商环境优化提升行动), not the verb that governs it.

    >>> s = "开展营商环境优化提升行动"
    >>> s[_past_inner_verb(s, s.index("提升")):]
    '营商环境优化提升行动'
    >>> s = "深入开展优化营商环境专项行动"
    >>> s[_past_inner_verb(s, s.index("营商")):]
    '优化营商环境专项行动'
    """
    words = segment(sentence)
    i = next((k for k, w in enumerate(words) if w.end == start), None)
    if i is None or words[i].tag not in ("v", "vn") or i == 0:
        return start
    j = i
    while (
        j > 0
        and words[j - 1].tag in ("n", "nz", "vn", "a")
        and not re.search(r"[省市县区]$", words[j - 1].text)
    ):
        j -= 1
    verb = words[j - 1] if j > 0 else None
    carried = verb is not None and verb.tag == "v"
    carried = carried and bool(CARRIED_OUT.search(verb.text) or WEAKLY_CARRIED_OUT.search(verb.text))  # type: ignore[union-attr]
    # "开展优化营商环境专项行动": a verb and its object right after the verb that carries the action out
    # name what the action does; the cut verb opens the name unless it pushes effort itself (实施, 加快).
    opens = (
        j == i
        and carried
        and words[i].tag == "v"
        and not (CARRIED_OUT.search(words[i].text) or WEAKLY_CARRIED_OUT.search(words[i].text))
        and not _EFFORT_VERB.fullmatch(words[i].text)
    )
    if opens:
        return words[i].start
    return words[j].start if j < i and carried else start


def _after_joined(masked: str, start: int, suffix: int) -> int:
    """Where the last of a list of like names starts: after the last programme word and joiner before
    its own suffix ("数字惠民行动和数字素养提升行动" names two actions, not one).

    >>> s = "数字惠民行动和数字素养提升行动"
    >>> s[_after_joined(s, 0, s.rindex("行动")):]
    '数字素养提升行动'
    """
    for m in _SUFFIX.finditer(masked, start, suffix):
        joined = _JOINER.match(masked, m.end())
        if joined and joined.end() < suffix:
            start = joined.end()
    return start


def _only_places(sentence: str, start: int, end: int) -> bool:
    """Whether `start:end` holds nothing but places (and 在): the suffix after it is then a verb or a bare
    word, not the end of a name ("锦江区试点“AI+网格”", "在深沪镇试点建设").

    >>> s = "在岳麓区东方红街道试点“无感办”"
    >>> _only_places(s, 0, s.index("试点")), _only_places("开展数字乡村试点", 2, 6)
    (True, False)
    """
    words = [w for w in segment(sentence) if start <= w.start and w.end <= end]
    covered = sum(len(w.text) for w in words) == end - start
    return covered and bool(words) and all(w.tag == "LOC" or w.text in ("在", "由", "、") for w in words)


def with_place(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit with the division its name is built on, when it is a 数字X/智慧X/数智X campaign.

    >>> with_place(ProgrammeHit("数字湖北", 0, 4)).place
    '湖北'
    """
    m = re.fullmatch(r"(?:数字|数智|智慧)(?P<place>[\u4e00-\u9fff]{2,4})", hit.name)
    if m is None or not _is_place_short(m.group("place")):
        return hit
    return ProgrammeHit(
        hit.name, hit.start, hit.end, hit.concept, hit.aliases, hit.national, m.group("place")
    )


def _city_or_province_after(text: str, at: int) -> int | None:
    """Where the short name of a city or a province that starts at `at` ends, the longest one first
    (数字鄂尔多斯, 数字内蒙古, 数字青岛); None when none starts there. A county's short name is often a
    plain word too (数字惠民), so counties are left to the governed and 建设 forms.

    >>> s = "数字内蒙古建设,数字经济"
    >>> _city_or_province_after(s, 2), _city_or_province_after(s, 9)
    (5, None)
    """
    for size in (4, 3, 2):
        short = text[at : at + size]
        if len(short) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", short):
            continue
        if size > 2 and short[-1] in "省市区县州旗" and _is_place_short(short[:-1]):
            continue  # "数字青岛市": the campaign is named by the short name
        if {d.level for d in load_gazetteer().lookup(short)} - {"country", "district"}:
            return at + size
    return None


def _is_place_short(text: str) -> bool:
    """Whether `text` is a division's short name (宁波 in 数字宁波)."""
    return any(d.level != "country" for d in load_gazetteer().lookup(text))
