"""Programmes a sentence names: known ones from the scheme, and new ones by the way they are written.

Candidates come from every source that can name one (scheme labels, quotes, names ending in 行动/工程/
改革, titles a place is granted in loaders/designations.py, shapes in loaders/slogans.py); each is
then kept or dropped from its context: the verb that governs it, its quotes, what follows it.
"""

from __future__ import annotations

import dataclasses
import re

from loaders.actions import (
    CARRIED_OUT,
    NOT_A_PROGRAMME,
    WEAKLY_CARRIED_OUT,
    ProgrammeHit,
    find_actions,
    with_place,
)
from loaders.designations import Designation, find_designations, unranked
from loaders.gazetteer import load_gazetteer
from loaders.lexicon import Concept, Lexicon, programme_lexicon
from loaders.names import APP_KINDS, NAME_UNIT, QUOTES, clean_name, mask_titles, name_start
from loaders.numbers import parse_number
from loaders.service_apps import service_apps
from loaders.slogans import (
    are_aims,
    counts_parts,
    find_shaped_names,
    has_slogan_shape,
    is_layout,
    is_parallel_slogan,
    names_a_practice,
    names_a_thing,
)
from loaders.words import segment, word_at

# A quoted name followed by one of these is a programme ("“最多跑一次”改革", "“清朗”系列专项行动"),
# or by the way of approving, supervising or handling it names, ending the phrase ("配套“红蓝章”审批、").
_PROGRAMME_AFTER = re.compile(
    r"^(?:(?:审批|监管|办理)(?![\u4e00-\u9fff])|系列专项行动|专项行动|集成改革|(?:的)?改革|工程|行动|计划|制度|建设|试点|主题活动|活动|服务方式|(?:合作|联动|协同|工作|服务|治理|管理|沟通协调|协调联动)?(?:机制|模式)|工作法|(?:发展)?战略|(?:政务|协商|党建|治理|营商环境|营商)?(?:服务)?(?:品牌|金字招牌|金名片)(?![\u4e00-\u9fff])|品牌(?=成形|初显|效应|影响力)|(?:的)?(?:决策部署|战略部署|重大部署))"
)
# What a quoted platform or product is followed by ("“甬金通”等…应用", "“浙里办”宁波频道").
_PROJECT_AFTER = re.compile(
    r"^(?:App|APP|app|平台|应用|小程序|频道|公众号|系统|专区|热线|客户端|移动端|云|码|大脑|标杆|指数)"
)
# Lexicon labels followed by one of these are a modifier of something else (全程网办率, 清朗网络空间).
_CONTINUES_AS_NAME = re.compile(r"^(?:[\u4e00-\u9fff])")
_ALLOWED_NEXT = re.compile(
    r"^(?:改革|建设|工作|行动|活动|工程|项目|机制|模式|体系|试点|战略|国家战略|政策|培训|宣传|等|和|与|及|为|的|中|在|是|已|了|领域|范围|工作台|基本|上升|"
    r"升级|提质|落地|向|相关|相结合|理念|要求|决策|部署|服务|成效|标志性|突破性|重大成果|应用|场景|品牌|示范(?!基地|园|中心)|标杆|核心区|先行区|先导区|试验区|引领区|样板区|扩面|专项|系列|提供|实现|取得|成为|"
    r"走在|覆盖|上线|开通|推进|持续|不断|全面|进一步|加快|深入|引领|赋能|迈出|迈上|作出|提出|(?:重大|战略|决策)?部署|"
    # "关于网络强国重要思想和数字中国重要论述": what a leader said about it, the programme its topic
    r"重要(?:论述|思想|讲话|指示|批示))"
)
_GRANTED_BEFORE = re.compile(
    r"(?:(?:获评|评为|授予|命名为|认定为|荣获|荣膺|入选|跻身)(?:全国|全省|全市)?|成为(?:全国|全省|全市))(?:首个|首批|唯一)?"
    # which year's or which edition's list ("入选第七届“…50强”榜单")
    r"(?:\d{4}年度?|第[\d一二三四五六七八九十]+[届批])?$"
)
_COUNTED_GRANTEE = re.compile(r"[\d一二三四五六七八九十两]+[个家所项名位款]")
_COUNTED_TITLE = re.compile(
    r"[两三四五六七八九十]个?(?:强[市省区县]|中心|高地|之城|之都|名城|城市|示范区)|[两三四五六七八九十]化"
)
_COUNTED_ACTIONS = re.compile(r"[两三四五六七八九十]+[大个项][\u4e00-\u9fff]{0,4}?(?:工程|行动|攻坚战)")
_CARRIED_AFTER = re.compile(
    r"(?:基本建成|全面建成|已建成|稳步推进|深入推进|全面推进|有序推进|全面推开|全面铺开|"
    # "“局长走流程”常态化开展": what the text says is being run, as a passive of 开展/实施/推行
    r"(?:常态化|深入|持续|全面|广泛)(?:开展|实施|推行|深化))"
)
# (not 目标: "以“为民服务、为企解忧”为目标" sets an aim, it names no initiative)
# (or its core: "以“优政、惠民、兴业”为核心" names the slogan the plan works by)
_FRAMED_AS = re.compile(r"为(?:工作)?(?:主线|重点|核心|抓手|引领|牵引|突破口|主攻方向)")
_SCOPED_KIND = re.compile(
    r"(?:全国|全省|国家级?|省级|市级|首批)+(?:改革|综合)*(?:试点|改革|示范)"
    # "开展试点试验项目": words of kind only name no initiative
    r"|(?:试点|试验|示范|改革|建设)+(?:项目|工程|行动)"
    # "深化政务服务改革", "推进体制机制改革": the reform of a whole domain of government names none in
    # particular (dev gold leaves out 政务服务改革 and 机构改革; 数据管理机构改革 is one)
    r"|(?:政务服务|体制机制|机构|管理体制|业务流程|(?:行政审批|政务服务)和(?:政务服务|行政审批))改革"
)
# Verbs that put effort into what follows (精准发力“提速去堵”): like 聚焦, they govern a slogan that
# ends its clause.
_PUT_EFFORT = re.compile(r"(?:发力|聚力|攻坚)$")
# Words that say what kind of initiative something is, never a name on their own.
_KIND_WORD = re.compile(r"制度|工程|计划|行动|改革|试点|项目|机制|模式|战略|品牌|活动")
# Verbs of doing a task, right before 试点: the phrase says a pilot is to be run, it names none.
_PILOT_TASK = re.compile(r"(?:抓好|做好|搞好|办好|抓实|做实|开展|推进|推动|扩大|深化|组织)试点$")
# Last words of a quoted name that make it a device or an app built (政策AI计算器); a quoted 平台 or
# 系统 may be the initiative's own name (“三网六区智平台”), left to the words around it.
# (and a code a person or firm shows, 居民码, 企业码, 城市码: a credential issued, i.e. a platform)
_THING = re.compile(r"(?:计算器|机器人|小程序|App|APP|一体机|自助机|[民企业人市]码)$")
# Verbs of getting a grip on a task (抓实“接诉即办”, 抓细“协同联办”): they carry out what they govern.
_GRIP = re.compile(r"抓[实细好牢紧严]$")
# What a quote followed by 的 may describe rather than name: the government, city or system built.
_DESCRIBED = re.compile(
    r"”的[\u4e00-\u9fff]{0,4}?(?:政府|城市|城区|社会|家园|体系|格局|局面|环境|生态)(?:[,，。;；、]|提供|$)"
)
# Verbs that build or run what a name after them names ("推动建设“晋江数据湖”"): a verb of effort
# governs the name across them.
_BUILDING = re.compile(r"建设|打造|创建|应用|使用|实施|推进|推行|开展|深化")
# Verbs of effort that govern a name from before it and are never its first word.
_EFFORT = re.compile(r"加大|加强|加快|强化|扩大|深化|推进|推动|推行|实施|开展|落实|持续|全面|大力|着力")
_EVENT_AFTER = re.compile(r"^(?:大赛|竞赛|比赛|赛道|总决赛|决赛|赛区|论坛|峰会|博览会|大会)")


def find_programmes(sentence: str, *, lexicon: Lexicon | None = None) -> list[ProgrammeHit]:
    """Return the programmes named in one sentence.

    >>> [h.name for h in find_programmes("全力提升“一网通办、一网统管、一码通城、一数聚产”四项核心能力")]
    ['一网通办', '一网统管', '一码通城', '一数聚产']
    >>> [h.name for h in find_programmes("实现“一次告知、一表申请、一套材料、一窗受理”")]
    ['一次告知、一表申请、一套材料、一窗受理']
    >>> [h.name for h in find_programmes("深入实施“飞凤人才计划”及升级版,推广“免申即享”“民生直达”服务方式")]
    ['飞凤人才计划', '免申即享', '民生直达']
    >>> [h.name for h in find_programmes("擘画“数字湖北”的目标,形成“一局一中心一公司”格局,获批信息消费试点城市")]
    ['数字湖北', '一局一中心一公司', '信息消费试点城市']
    >>> [h.name for h in find_programmes("构建“1+1+1+N”支撑体系,以机构改革为契机,打造“一核一极多园”")]
    []
    >>> find_programmes("“互联网+旅游”“互联网+金融”分别排名第32、47位")
    []
    >>> [h.name for h in find_programmes("党的二十大报告明确提出,‘加快建设网络强国、数字中国’")]
    ['网络强国', '数字中国']
    >>> [h.name for h in find_programmes("要结合台州特色抓好试点,在“制度”“治理”“智慧”三个维度纵深推进")]
    []
    >>> [h.name for h in find_programmes("精准发力“提速去堵”,创新推出“金管家”服务,叫响“有事好商量”协商品牌")]
    ['提速去堵', '金管家', '有事好商量']
    >>> [(h.name, h.place) for h in find_programmes("打响“丽江效率、丽江服务、丽江诚信”营商环境品牌")]
    [('丽江效率、丽江服务、丽江诚信', '丽江')]
    >>> [h.name for h in find_programmes("牢固树立“营商环境好不好,市场主体说了算”的鲜明导向")]
    []
    >>> [h.name for h in find_programmes("创新构建“三网六区智平台”治理模式,打造新时代“枫桥式网格”")]
    ['三网六区智平台', '枫桥式网格']
    >>> [h.name for h in find_programmes("聚焦“游购娱”“医养教”,推动服务从“多窗分散”向“一窗集成”转变")]
    []
    >>> [h.name for h in find_programmes("变过去群众办事“多窗口多平台多次办”为“一窗口一平台一次办”")]
    []
    >>> [h.name for h in find_programmes("实现治理模式由“纵向”向“扁平”转变,从“分级办”到“贯通办”、“串联办”到“并联办”")]
    []
    >>> [h.name for h in find_programmes("CSDN总部项目、百度ARM云手机项目等一批重大项目相继落户长沙")]
    []
    >>> [h.name for h in find_programmes("深入推进“数实融合”进程,认真落实网络强国、数字中国重大部署")]
    ['数实融合', '网络强国', '数字中国']
    >>> [h.name for h in find_programmes("大厅设立“办不成事”反映窗口,设立“潮汕银行”窗口")]
    ['办不成事']
    >>> [h.name for h in find_programmes("推动营商环境跑出“加速度”,构建“协同高效、精准智能”的现代政府")]
    []
    >>> [h.name for h in find_programmes("推出“全域无差别一体化”政务服务模式。打造“惠企计算器”,针对“优化审批流程”建议")]
    ['全域无差别一体化']
    >>> [h.name for h in find_programmes("推行“集成办”“容缺办”等服务场景,推进“数据宝”“政务云”等数据产品")]
    ['集成办', '容缺办']
    >>> [h.name for h in find_programmes("全面实行“一枚印章管审批”,组织“初心学堂”交流")]
    ['一枚印章管审批']
    >>> [h.name for h in find_programmes("抓细“协同联办”,搭建“连心桥”沟通协调机制,运用好“三级督办”机制")]
    ['协同联办', '连心桥', '三级督办']
    >>> [h.name for h in find_programmes("以“为民服务、为企解忧”为目标,按照“三步走”发展战略,围绕“数字甲城”发展战略")]
    ['数字甲城']
    >>> [h.name for h in find_programmes("要推动创造型引领型改革,深化综合窗口改革,配套“红蓝章”审批")]
    ['综合窗口改革', '红蓝章']
    >>> [h.name for h in find_programmes("配套“红蓝章”审批、特事急办等机制,实行“双随机”监管")]
    ['红蓝章', '双随机']
    >>> [h.name for h in find_programmes("可随时看到政策、福利、村集体产业资金项目、文体活动等信息")]
    []
    """
    lex = lexicon or programme_lexicon()
    sentence = _curly(sentence)
    hits: list[ProgrammeHit] = []
    plain, index = _plain(sentence)
    for start, end, concept in lex.find(plain):
        if concept.label.endswith("+"):
            continue  # “互联网+”智慧能源: the name goes on past the plus (see _quoted)
        first, last = index[start], index[end - 1]
        quoted = sentence[max(0, first - 1) : first] in ("“", "「", "‘", '"') or sentence[
            last + 1 : last + 2
        ] in ("”", "」", "’", '"')
        follows = plain[end : end + 4]
        # SCHEMA.md edge case: a quoted domain word the text carries out (推进“智慧城市”建设) is a programme.
        carried_out = quoted and (
            plain[start:end].endswith(("建设", "改革"))
            or re.match(r"”?(?:建设|改革)", sentence[last + 1 :])
            or _built_alone(sentence, first, last)
        )
        # SCHEMA.md: a domain word counts when the text quotes it as a name (推进“智慧城市”建设), not when
        # a quote holds a longer phrase around it (要“加快城市数字化转型”) or a verb alone governs it.
        exact = sentence[max(0, first - 1) : first] in ("“", "「") and sentence[last + 1 : last + 2] in (
            "”",
            "」",
        )
        if (concept.umbrella and not carried_out) or (concept.generic and not exact):
            continue
        if _other_head(sentence, first, plain[start:end], concept):
            # 江西's 数字经济做优做强“一号发展工程” is not 浙江's 数字经济创新提质一号发展工程: named as written
            head = name_start(sentence, first - 1)
            if first - 1 - head >= 2:
                name = sentence[head : first - 1] + plain[start:end]
                hits.append(ProgrammeHit(name, head, last + 2, None, (plain[start:end],)))
            continue
        # "开发了“秒报秒批”应用模块": a label inside a longer quoted slogan is part of that slogan, whose
        # quote names it (a list in one quote, “一网通办、一网统管”, still names each label)
        around = re.search(r"“([^“”]{2,40})”", sentence[max(0, first - 40) : last + 41])
        if around:
            q0 = max(0, first - 40) + around.start(1)
            inner = around.group(1)
            if (
                q0 <= first
                and last < q0 + len(inner)
                and len(inner) > end - start
                and not re.search(r"[、,，;；和及与]", inner)
                and has_slogan_shape(inner)
            ):
                continue
        if concept.generic and names_a_thing(sentence[last + 1 :]):
            continue  # 通过“数字乡村”平台: a domain word naming a platform, not a programme
        measured = re.match(r"(?:发展)?(?:水平指数|水平|指数|评估值|比重|占比)", plain[end : end + 6])
        # "两化融合发展水平指数达72": the programme names what a figure measures; a level with no figure
        # in its clause is how far the place has carried it ("提高了…“一网通办”水平")
        if measured and (
            not measured.group(0).endswith("水平")
            or re.search(r"\d", re.split(r"[,，。;；]", plain[end:], maxsplit=1)[0])
        ):
            continue
        if _EVENT_AFTER.match(follows):
            continue  # “数据要素×”大赛: a contest named after the programme is an event
        # "推进政务服务标准化、规范化、便利化、数字化改革": the last of a list of -化 words shares its
        # 改革 with the others; the list names one reform of all of them, not the known one
        if re.search(r"化[、,，]$", plain[:start]) and re.match(r"[\u4e00-\u9fff]{1,3}化", plain[start:end]):
            continue
        if quoted and re.match(r"”?(?:的)?(?:概念|提法|一词)", sentence[last + 1 : last + 5]):
            continue  # "提出了“新型智慧城市”概念": an idea put forward, not an initiative anyone runs
        continues = _CONTINUES_AS_NAME.match(follows) and not _ALLOWED_NEXT.match(follows)
        # "政务服务一网通办机关运行一网协同社会治理一网统管": a headline runs a list of one-stop phrases
        # together, each after its domain; the next domain and its 一网 end the phrase before
        parallel = concept.label.startswith("一") and re.match(
            rf"[\u4e00-\u9fff]{{2,6}}?{re.escape(concept.label[:2])}", plain[end : end + 10]
        )
        if not quoted and continues and not parallel and not _ends_a_phrase(sentence, index[end - 1] + 1):
            continue
        s, e = index[start], index[end - 1] + 1
        hits.append(ProgrammeHit(concept.label, s, e, concept.slug, (plain[start:end],), concept.national))
    hits += _quoted(sentence, lex)
    # "提升为国家级改革试点": a scope and a kind of reform or pilot name none in particular
    hits += [
        _past_governor(sentence, h)
        for h in find_actions(_unquoted_speech(sentence))
        # "要结合台州特色抓好试点": a verb of effort right before 试点 makes the phrase a task, no title
        if not _SCOPED_KIND.fullmatch(h.name)
        and not _PILOT_TASK.search(h.name)
        # "推广借鉴项目", "重点项目": two words before 项目 say what kind of project, none by name
        and not re.fullmatch(r"[\u4e00-\u9fff]{1,2}项目", h.name)
        # "…开放平台项目", "村集体产业资金项目": the 项目 of a thing built or of a fund is that thing (a
        # project when it has a name), no initiative; 万名大学生电商赋能乡村振兴项目 is one
        and not re.search(r"(?:平台|中心|系统|资金|设施|基地|园区|机房|大楼|网络)项目$", h.name)
        # "推动创造型引领型改革", "突破性改革": what kind of reform it is, no reform by name
        and not re.fullmatch(r"(?:[\u4e00-\u9fff]{1,3}[型性式])+(?:改革|创新)", h.name)
        # "以实际行动迎接…": an action described by how real or concrete it is has no name
        and not re.fullmatch(r"(?:实际|具体|切实|务实|有力|有效)行动", h.name)
        and not _is_clause(h.name)
        and not _manner(h.name)
    ]
    hits += _listed_activities(sentence)
    hits += _framed(sentence)
    hits += _heading(sentence)
    hits += [ProgrammeHit(d.name, d.start, d.end, None, d.aliases) for d in _designations(sentence)]
    hits += [
        ProgrammeHit(clean_name(sentence[a:b]), a, b)
        for a, b in find_shaped_names(sentence)
        # a pair of known reforms (一网通办,一网统管) is two programmes, found by their labels
        if not any(lex.by_label(part) for part in re.split(r"[,，、]", sentence[a:b]))
    ]
    hits += _institution_reforms(sentence)
    hits += _strong_places(sentence)
    hits += _national_initiatives(sentence)
    hits += _national_strategies(sentence)
    hits += _joined_strategies(sentence)
    hits += _local_strategies(sentence)
    hits += _carried_strategies(sentence, lex)
    hits += _themed_years(sentence)
    hits += _joined_ways(sentence)
    hits += _titled_campaigns(sentence)
    hits += _titled_actions(sentence)
    hits += _campaigns_of_rectification(sentence)
    hits += _siblings(sentence, hits, lex)
    hits += _quoted_siblings(sentence, hits, lex)
    hits = _paired_titles(sentence, hits)
    # "推进…综合应急救援基地和首批国家数字乡村试点建设": a name run on over 和 into a title found on its
    # own is two items of a list, no name of one
    hits = [
        h
        for h in hits
        if not any(
            b.end == h.end
            and h.start < b.start
            and re.search(r"和(?:首批|第[一二三四五六七八九十\d]+批)?$", sentence[h.start : b.start])
            for b in hits
        )
    ]
    counted = _counted_list(sentence)
    # "实施数字强基、…、数字惠民四大行动": the list's last item with the count is no name of its own
    hits = [
        h
        for h in hits
        if not (
            re.search(r"[两三四五六七八九十\d]+大(?:行动|工程)$", h.name)
            and any(h.start < c.end and c.start < h.end for c in counted)
        )
    ]
    hits += counted
    hits = _spelled_out(hits)
    # An award (“全国巾帼文明奖”) or a title for a team or a person (“年度风云团队”) is held by no place
    # for work it runs: no designation, no programme.
    hits = [h for h in hits if not _HONOUR.search(h.name)]
    # "CSDN总部项目、百度ARM云手机项目等一批重大项目": a 项目 is a thing built (a project), unless a list
    # of model projects makes it a designation (国家级工业互联网试点示范项目) or it is a campaign for
    # people (万名大学生电商赋能乡村振兴项目)
    hits = [h for h in hits if not (h.name.endswith("项目") and not _NOT_BUILT.search(h.name))]
    # “新的增长极”, “人民满意的公务员集体”: a phrase with 的 describes what a place is or becomes; the
    # names of programmes carry none (the dev gold's 300 programme names have no 的)
    hits = [h for h in hits if "的" not in h.name]
    # “全省事APP”: an app's name ends on its kind's word; it is a platform (projects.py), no programme
    hits = [h for h in hits if not re.search(rf"{APP_KINDS}$", h.name)]
    hits = [h for h in hits if not _RANKED_CATEGORY.match(sentence, h.end)]
    # ‘加快建设网络强国、数字中国’: a call quoted whole is a sentence, the names inside it are the items
    hits = [h for h in hits if not _QUOTED_CALL.match(h.name)]
    # “天府通办”: a province's service app is a platform (a project) whatever shape its name has
    hits = [h for h in hits if h.name not in service_apps()]
    # SCHEMA.md: layouts are no programmes ("一码两端一中心", “一中心、四平台”): parts of a system counted
    hits = [h for h in hits if not counts_parts(h.name)]
    hits = [_past_plus(sentence, h) for h in hits]
    hits = [_as_national(sentence, h) for h in hits]
    return _merge(
        [
            _from_quote(
                _without_class(
                    _shared_suffix(sentence, _without_street(_without_self(_place_kept(sentence, h))))
                )
            )
            for h in hits
        ]
    )


_NOT_BUILT = re.compile(r"示范|试点|标杆|样板|典型|[万千百]名|赋能|振兴|帮扶|培训")
_HONOUR = re.compile(r"(?:奖|奖项|团队|个人|先进集体|标兵|能手|先进工作者)$")
_QUOTED_CALL = re.compile(r"(?:加快|推进|推动|深入|全面|着力|大力)(?:建设|打造|实施|推进|发展)[^、]*、")
# "“互联网+旅游”“互联网+金融”分别排名第32、47位", "“互联网+”总指数排名第42位": categories of an index
# the place is ranked on, not what it runs.
_RANKED_CATEGORY = re.compile(
    r"”?(?:“[^“”]{1,12}”|、){0,12}(?:总?指数|分指数|指标|得分)?(?:分别|均)?(?:排名|位列|位居|列|居)(?:全国|全省)?第"
)


def _built_alone(sentence: str, first: int, last: int) -> bool:
    """Whether the quoted words at `first..last` are the whole object of a verb of building, ending its
    phrase: "高标准打造洛阳“数字政府”。" carries the quoted domain word out as an initiative (SCHEMA.md
    edge case), unlike "打造“数字经济”新高地", where it only says what the goal is about.

    >>> s = "高标准打造洛阳“数字政府”。"
    >>> _built_alone(s, s.index("数"), s.index("府")), _built_alone("打造“数字经济”新高地", 3, 6)
    (True, False)
    """
    if sentence[first - 1 : first] != "“" or not re.match(
        r"”(?:[,，。;；、]|$)", sentence[last + 1 : last + 3]
    ):
        return False
    before = sentence[: first - 1]
    words = segment(before)
    if words and words[-1].tag == "LOC":  # the place building it (洛阳) stands between the verb and the name
        before = before[: words[-1].start]
    return re.search(r"(?:打造|建设|推进|推动|实施|深化|建成)$", before) is not None


def _unquoted_speech(sentence: str) -> str:
    """The sentence with the quote marks around quoted speech made commas: what a speaker says the
    place will do is text like any other, not a name (a quote that holds a clause is speech).

    >>> _unquoted_speech("“今年,斗门区将深化智能化审批改革。”书记表示,推行“一网通办”")
    ',今年,斗门区将深化智能化审批改革。,书记表示,推行“一网通办”'
    """
    return re.sub(
        r"“([^“”]{12,}?)”",
        lambda m: f",{m.group(1)}," if re.search(r"[,，。;；!！?？]", m.group(1)) else m.group(0),
        sentence,
    )


# A year a place names for a drive it runs all year ("开展营商环境提升年活动"): what the drive does, then
# 年, then 活动 or 行动 (not a figure of years: 三年行动, 2024年).
_THEMED_YEAR = re.compile(
    r"(?:开展|推进|实施|深化|启动|组织|深入开展|扎实开展|全面开展)"
    r"(?P<name>[\u4e00-\u9fff]{2,10}?(?:提升|攻坚|建设|服务|作风|落实|突破|提质|能力|效能|优化|创新|招商|质量)年)"
    r"(?P<suffix>活动|行动)"
)


def _themed_years(sentence: str) -> list[ProgrammeHit]:
    """Drives a place runs for a whole year and names after it, unquoted (SCHEMA.md: named campaigns);
    the name with its 活动 is kept as an alias.

    >>> [(h.name, h.aliases) for h in _themed_years("全面开展营商环境提升年活动,实施数字赋能三年行动")]
    [('营商环境提升年', ('营商环境提升年活动',))]
    """
    return [
        ProgrammeHit(
            m.group("name"), m.start("name"), m.end("name"), None, (m.group("name") + m.group("suffix"),)
        )
        for m in _THEMED_YEAR.finditer(sentence)
    ]


# A way of working named unquoted by the parts it joins with +, right after a verb that puts it in
# place and before the word for a mode or mechanism ("创新推出承诺+容缺+代办帮办模式").
_JOINED_WAY = re.compile(
    r"(?P<name>[\u4e00-\u9fff]+(?:[+＋][\u4e00-\u9fff]{2,6}?){1,4})"
    r"(?:服务|治理|合作|工作|协同|联动|管理)?(?:模式|机制)"
)
_PUTS_IN_PLACE = re.compile(r"(?:推出|推行|建立|探索|构建|实行|实施|打造|推广|形成|完善|创新)")


def _joined_ways(sentence: str) -> list[ProgrammeHit]:
    """Ways of working named by the parts they join, unquoted (SCHEMA.md: 行政监管+技术支撑+市场运营 is a
    programme, a numeric framework like 1+N is not: parts here are words, never figures).

    >>> [h.name for h in _joined_ways("创新推出承诺+容缺+代办帮办模式,探索政府+银行+保险服务模式")]
    ['承诺+容缺+代办帮办', '政府+银行+保险']
    """
    hits = []
    for m in _JOINED_WAY.finditer(sentence):
        first = m.group("name").split("+")[0].split("＋")[0]
        verbs = list(_PUTS_IN_PLACE.finditer(first))
        # the name starts after the last such verb, and its first part is a word of 2-6 characters
        if not verbs or not 2 <= len(first) - verbs[-1].end() <= 6:
            continue
        start = m.start("name") + verbs[-1].end()
        hits.append(ProgrammeHit(sentence[start : m.end("name")], start, m.end("name")))
    return hits


# A reform of an institution pushed on by a verb of effort: "推进工程建设项目审批制度改革".
_INSTITUTION_REFORM = re.compile(
    r"(?:深化|推进|推动|实施|开展|落实|推行)(?P<name>[\u4e00-\u9fff]{2,12}?(?:审批|管理|登记|许可)制度改革)"
)


# National initiatives whose name has the shape of a layout (一带一路 reads like 一核一极): SCHEMA.md's
# named initiatives all the same, the country's wherever a city cites them.
# A "strong place" goal named by its field (数字强市, 制造强省, 网络强区): a campaign a place runs, in
# whatever frame it stands (数字强市推动数字政府…, 年度数字强市的工作思路). 百强市 is a ranking.
_STRONG_PLACE = re.compile(
    r"(?<![百十千])(?:数字|数智|智慧|网络|制造|质量|科技|交通|平安|法治|健康|文化|教育|人才|产业)强[省市区县]"
)


def _strong_places(sentence: str) -> list[ProgrammeHit]:
    """Programmes of the "strong place" shape, outside cited titles.

    >>> [h.name for h in _strong_places("数字强市推动数字政府更加协同高效,提出年度数字强市的工作思路")]
    ['数字强市', '数字强市']
    >>> _strong_places("全省上榜中国数字百强市"), _strong_places("印发《数字强省建设2023年工作要点》")
    ([], [])
    """
    return [
        ProgrammeHit(m.group(0), m.start(), m.end()) for m in _STRONG_PLACE.finditer(mask_titles(sentence))
    ]


_NATIONAL_INITIATIVE = re.compile(r"一带一路")


def _national_initiatives(sentence: str) -> list[ProgrammeHit]:
    """National initiatives named in the sentence, unless a longer name is built on them (一带一路节点城市
    is a title the city holds; 一带一路倡议 is the initiative).

    >>> [(h.name, h.national) for h in _national_initiatives("抢抓“一带一路”建设机遇,打造一带一路节点城市")]
    [('一带一路', True)]
    """
    return [
        ProgrammeHit(m.group(0), m.start(), m.end(), None, (), True)
        for m in _NATIONAL_INITIATIVE.finditer(sentence)
        if not re.match(
            r"”?(?:[\u4e00-\u9fff]{0,4}?(?:城市|枢纽|门户|中心|节点|基地|示范区|高地))", sentence[m.end() :]
        )
    ]


# A run of names the text then calls strategies of the country's, or strategies whose opportunity a
# place seizes (“西电东送”“南水北调”以及…等国家战略, 抓住“一带一路”和“长江经济带”发展战略机遇).
_NATIONAL_RUN = re.compile(
    r"(?P<quoted>(?:“[^“”]{2,20}”(?:[、和及与]|以及)?)+)"
    r"(?:(?<=”)(?:以及|、)(?P<last>[^,，。;；“”、]{4,20}?))?"
    r"(?:等国家(?:重大|发展)?战略|(?:国家)?(?:发展|重大)?战略机遇)"
)
# A national strategy named unquoted by 国家 and 战略 ("国家大数据战略将纵深推进").
_NATIONAL_NAMED = re.compile(r"(?<![\u4e00-\u9fff])国家(?P<what>[\u4e00-\u9fff]{2,8}?)战略")


def _national_strategies(sentence: str) -> list[ProgrammeHit]:
    """National strategies: 国家X战略, or each item of a run the text calls national strategies
    (SCHEMA.md: named initiatives; the country's, like 数字中国, wherever a place cites them).

    >>> [h.name for h in _national_strategies("国家大数据战略和数字经济战略将纵深推进,国家战略")]
    ['国家大数据战略']
    >>> [h.name for h in _national_strategies("是“西气东输”“东数西算”以及黄河流域生态保护和高质量发展等国家战略交织")]
    ['西气东输', '东数西算', '黄河流域生态保护和高质量发展']
    """
    hits = [
        ProgrammeHit(m.group(0), m.start(), m.end(), None, (), True)
        for m in _NATIONAL_NAMED.finditer(sentence)
        if not re.search(r"[和及与、]|发展$|重大$", m.group("what"))
    ]
    for run in _NATIONAL_RUN.finditer(sentence):
        for q in re.finditer(r"“([^“”]{2,20})”", run.group("quoted")):
            a = run.start("quoted") + q.start(1)
            if _looks_like_name(q.group(1)):
                hits.append(ProgrammeHit(q.group(1), a, a + len(q.group(1)), None, (), True))
        if run.group("last"):
            hits.append(ProgrammeHit(run.group("last"), run.start("last"), run.end("last"), None, (), True))
    return hits


# Unquoted strategies a place joins in, listed before 国家战略 ("主动对接长三角区域一体化和长江经济带发展
# 国家战略"): each item is the place's too (SCHEMA.md: carried out where the text says).
_JOINED_STRATEGIES = re.compile(
    r"(?:对接|融入|服务|落实|实施|抢抓|贯彻|服务和融入)"
    r"(?P<items>[\u4e00-\u9fff]{4,14}?(?:(?:和|、|与|以及)[\u4e00-\u9fff]{4,14}?)+)等?(?:重大)?国家(?:重大)?战略"
)


def _joined_strategies(sentence: str) -> list[ProgrammeHit]:
    """Each item of an unquoted list of strategies a place joins in (…长三角区域一体化和长江经济带发展国家战略).

    >>> [h.name for h in _joined_strategies("南京主动对接长三角区域一体化和长江经济带发展国家战略,正式提出")]
    ['长三角区域一体化', '长江经济带发展']
    """
    hits = []
    for m in _JOINED_STRATEGIES.finditer(sentence):
        items = re.split(r"以及|和|、|与", m.group("items"))
        if any(re.match(r"建设|加快|推进", item) or programme_lexicon().by_label(item) for item in items):
            continue  # "落实建设网络强国、数字中国国家战略": the country's own, read as national strategies
        at = m.start("items")
        for item in items:
            hits.append(ProgrammeHit(item, at, at + len(item)))
            at = sentence.find(item, at) + len(item) + 1
    return hits


def _as_national(sentence: str, hit: ProgrammeHit) -> ProgrammeHit:
    """The hit marked as the country's when it lies in a run the text calls national strategies.

    >>> s = "抓住“一带一路”和“长江经济带”发展战略机遇"
    >>> _as_national(s, ProgrammeHit("长江经济带", 9, 14)).national
    True
    >>> _as_national("推进“长江经济带”建设", ProgrammeHit("长江经济带", 3, 8)).national
    False
    """
    if hit.national or hit.place is not None:
        return hit
    if any(run.start() <= hit.start and hit.end <= run.end() for run in _NATIONAL_RUN.finditer(sentence)):
        return dataclasses.replace(hit, national=True)
    return hit


def _institution_reforms(sentence: str) -> list[ProgrammeHit]:
    """Named reforms of how approvals, registrations or licences are run, whatever things they are
    about (工程建设项目审批制度改革 names projects, yet is a reform: SCHEMA.md, named reforms).

    >>> [h.name for h in _institution_reforms("深化工程建设项目审批制度改革,推进商事登记制度改革")]
    ['工程建设项目审批制度改革', '商事登记制度改革']
    >>> [h.name for h in _institution_reforms("推进政府职能转变和行政审批制度改革")]
    ['行政审批制度改革']
    """
    hits = []
    for m in _INSTITUTION_REFORM.finditer(sentence):
        # the last item of a list the verb governs ("政府职能转变和行政审批制度改革") is the reform
        joined = list(re.finditer(r"[和及与、]", m.group("name")))
        start = m.start("name") + (joined[-1].end() if joined else 0)
        if m.end("name") - start >= 6:
            hits.append(ProgrammeHit(sentence[start : m.end("name")], start, m.end("name")))
    return hits


def _titled_campaigns(sentence: str) -> list[ProgrammeHit]:
    """数字X/智慧X campaigns named after a division inside a cited title, unquoted: SCHEMA.md, a
    programme named only inside a cited title is one too (《关于加快智慧湘潭建设的决定》).

    >>> [h.name for h in _titled_campaigns("印发《关于加快智慧湘潭建设的决定》和《数字政府和智慧南山建设“十四五”规划》")]
    ['智慧湘潭', '智慧南山']
    """
    hits = []
    for title in re.finditer(r"《([^《》]{4,60})》", sentence):
        for m in re.finditer(r"(?<!“)(?:数字|数智|智慧)[\u4e00-\u9fff]{2}(?=建设)", title.group(1)):
            a = title.start(1) + m.start()
            hit = with_place(ProgrammeHit(m.group(0), a, a + len(m.group(0))))
            if hit.place is not None:
                hits.append(hit)
    return hits


# A title that names an action, a project or a reform and then the document that carries it out
# (《泰州市数智赋能行动实施意见》); a plan named after it (…三年行动计划) is a policy, not the action.
_TITLED_ACTION = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,14}?(?:行动|工程|改革|试点))(?:建设)?(?:“十[一二三四五六]五”)?"
    r"(?:实施意见|实施方案|工作实施方案|工作方案|方案|规划|的通知|的意见|的决定)》"
)
_TITLE_HEAD = re.compile(
    # (城市 inside a title names what is piloted, no division: 《…数字化转型城市试点工作方案》)
    r"^(?:[^《》]*?(?:省|(?<!城)市|区|县|自治区|自治州))?(?:关于)?(?:印发|加快|推进|推动|深化|实施|开展|全面)*"
)


def _titled_actions(sentence: str) -> list[ProgrammeHit]:
    """Actions, projects and reforms a cited title names unquoted, after the division that issued it:
    SCHEMA.md, a programme named only inside a cited title is one too.

    >>> s = "根据《泰州市数智赋能行动实施意见》和《盐城市数字经济发展三年行动计划》"
    >>> [h.name for h in _titled_actions(s)]
    ['数智赋能行动']
    >>> [h.name for h in _titled_actions("《广州市数字政府改革建设“十四五”规划》")]
    ['数字政府改革']
    >>> [h.name for h in _titled_actions("印发《甲市中小企业数字化转型城市试点工作方案》")]
    ['中小企业数字化转型城市试点']
    """
    hits = []
    for title in re.finditer(r"《([^《》“”]{4,40}(?:“[^“”]{2,8}”[^《》“”]{0,12})?)》", sentence):
        cut = _TITLE_HEAD.match(title.group(1)).end()  # type: ignore[union-attr]
        # 《广州市天河区…》: a district after its city heads the title too
        cut += _TITLE_HEAD.match(title.group(1)[cut:]).end()  # type: ignore[union-attr]
        m = _TITLED_ACTION.fullmatch(title.group(1)[cut:] + "》")
        if m is None:
            continue
        name = m.group("name")
        # "数字政府建设三年行动方案": a time-boxed plan's own action is the plan, a policy
        if NOT_A_PROGRAMME.search(name) or _SCOPED_KIND.fullmatch(name) or len(name) < 4 or "年" in name:
            continue
        a = title.start(1) + cut + m.start("name")
        hits.append(ProgrammeHit(name, a, a + len(name)))
    return hits


# A named drive to put something right, governed by the verb that runs it.
_RECTIFICATION = re.compile(
    r"(?:开展|深化|深入开展|部署|启动|推进)(?P<name>[\u4e00-\u9fff]{4,16}?(?:专项整治|专项治理|集中整治)(?:行动)?)"
    r"(?![\u4e00-\u9fff])"
)


def _campaigns_of_rectification(sentence: str) -> list[ProgrammeHit]:
    """Drives to put something right that the text runs, named by what they fix ("开展共享接口调用成功率
    提升专项整治"): SCHEMA.md, campaigns are programmes. A name of kind words only names none.

    >>> [h.name for h in _campaigns_of_rectification("开展共享接口调用成功率提升专项整治,编制案例集;开展专项整治")]
    ['共享接口调用成功率提升专项整治']
    """
    hits = []
    for m in _RECTIFICATION.finditer(sentence):
        name = m.group("name")
        if re.fullmatch(
            r"(?:全面|深入|集中|重点|相关|各类|专项|整治|治理|行动)+",
            re.sub(r"专项整治|专项治理|集中整治", "", name),
        ):
            continue
        hits.append(ProgrammeHit(name, m.start("name"), m.end("name")))
    return hits


# A place's own strategy, named by what makes it strong (工业强县, 开放强市产业立市, 科教兴市).
_LOCAL_STRATEGY = re.compile(
    r"(?:实施|贯彻|落实|深化|坚持|推进)(?P<name>(?:[\u4e00-\u9fff]{2}(?:强|立|兴)[市县区省]){1,3})(?P<suffix>战略|行动)"
)


def _local_strategies(sentence: str) -> list[ProgrammeHit]:
    """Unquoted strategies a place names after what is to make it strong, governed by a verb that
    carries them out ("作为贯彻开放强市产业立市战略"); the bare slogan is kept as an alias.

    >>> [(h.name, h.aliases) for h in _local_strategies("把优化营商环境作为贯彻开放强市产业立市战略的重中之重")]
    [('开放强市产业立市战略', ('开放强市产业立市',))]
    """
    return [
        ProgrammeHit(m.group("name") + m.group("suffix"), m.start("name"), m.end(), None, (m.group("name"),))
        for m in _LOCAL_STRATEGY.finditer(sentence)
    ]


# A strategy a place carries out, named unquoted between the verb and 战略 (实施数字经济优先发展战略,
# 深入实施政府数字化转型战略、工业赋能育新战略); not the strategy's deployment, opportunity or standing.
_STRATEGY_NAME = (
    r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?P<suffix>(?:发展)?战略)(?![部机性合意目规布定高地位层思举任构方])"
)
_CARRIED_STRATEGY = re.compile(rf"(?:贯彻落实|实施|贯彻|落实|坚持|深化){_STRATEGY_NAME}")
_STRATEGY_LISTED = re.compile(rf"、{_STRATEGY_NAME}")


def _carried_strategies(sentence: str, lex: Lexicon) -> list[ProgrammeHit]:
    """Unquoted strategies after a verb that carries them out, and the like names listed after them;
    a domain word's strategy (实施数字经济战略) is the domain's, as the bare word is no programme.

    >>> lex = programme_lexicon()
    >>> [h.name for h in _carried_strategies("大力实施数字经济优先发展战略、工业赋能育新战略,促进融合", lex)]
    ['数字经济优先发展战略', '工业赋能育新战略']
    >>> _carried_strategies("落实重大战略部署,实施国家大数据战略,实施数字经济战略", lex)
    []
    """
    hits = []
    for m in _CARRIED_STRATEGY.finditer(sentence):
        name = m.group("name")
        if re.search(
            r"[的和与及、]|^(?:国家|重大|发展|这一|该|各项|相关|有关|落实|实施|贯彻)", name
        ) or _is_domain_word(name, lex):
            continue  # 国家X战略 is _national_strategies'; 重大战略 names none
        hits.append(ProgrammeHit(name + m.group("suffix"), m.start("name"), m.end()))
        at = m.end()
        while (listed := _STRATEGY_LISTED.match(sentence, at)) is not None and not re.search(
            r"[的和与及]", listed.group("name")
        ):
            hits.append(
                ProgrammeHit(
                    listed.group("name") + listed.group("suffix"), listed.start("name"), listed.end()
                )
            )
            at = listed.end()
    return hits


# A verb that puts ways of working into practice, right before a list of them.
_PUT_INTO_PRACTICE = re.compile(r"(?:推行|推广|实行|全面实行|全面推行|探索)$")


def _siblings(sentence: str, hits: list[ProgrammeHit], lex: Lexicon) -> list[ProgrammeHit]:
    """Unquoted items listed with a way of working found by its shape or label, when a verb that puts
    ways of working into practice governs the whole list and every item is a four-character phrase:
    "推行帮办代办、容缺受理、承诺办理" names three (SCHEMA.md: slogans of a way of working).

    >>> s = "优化投资项目审批,推行帮办代办、容缺受理、承诺办理,促进重点项目建设"
    >>> at = s.index("容缺受理")
    >>> [h.name for h in _siblings(s, [ProgrammeHit("容缺受理", at, at + 4)], programme_lexicon())]
    ['帮办代办', '承诺办理']
    >>> s = "推动高频事项极简办、集成办、全域办"
    >>> at = s.index("集成办")
    >>> [h.name for h in _siblings(s, [ProgrammeHit("集成办", at, at + 3)], programme_lexicon())]
    ['极简办', '全域办']
    >>> s = "成功搭建全省数据治理平台。一云统揽、一网通办、一平台服务,以业务牵引为主线"
    >>> at = s.index("一网通办")
    >>> [h.name for h in _siblings(s, [ProgrammeHit("一网通办", at, at + 4)], programme_lexicon())]
    ['一云统揽', '一平台服务']
    """
    found = []
    for run in re.finditer(
        r"(?:[\u4e00-\u9fff]{4}、)+[\u4e00-\u9fff]{4}(?=[,，。;；]|$)|(?:[\u4e00-\u9fff]{2}办、)+[\u4e00-\u9fff]{2}办(?=[,，。;；等]|$)",
        sentence,
    ):
        items = [(m.start() + run.start(), m.group(0)) for m in re.finditer(r"[^、]+", run.group(0))]
        size = len(items[0][1])  # four-character phrases, or three-character ways of handling a case (集成办)
        clause = re.split(r"[,，。;；:：]", sentence[: run.start()])[-1]
        if not (
            _PUT_INTO_PRACTICE.search(sentence[: run.start()])
            or (size == 3 and re.search(r"推动|推进|推行|推广|实行|实现|探索|开展|推出", clause))
        ):
            continue
        anchored = {(h.start, h.end) for h in hits}
        if not any((a, a + size) in anchored for a, _ in items):
            continue
        for a, item in items:
            if (
                (a, a + size) in anchored
                or _is_domain_word(item, lex)
                or not (size == 3 or names_a_practice(item))
            ):
                continue
            found.append(ProgrammeHit(item, a, a + size))
    # "一云统揽、一网通办、一平台服务": a run of one-X ways of working that holds a known one names
    # the others alike, whatever verb there is (SCHEMA.md: 一网X, slogans of a way of working)
    for run in re.finditer(
        r"(?<![\u4e00-\u9fff])(?:一[\u4e00-\u9fff]{2,4}、){2,}一[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])",
        sentence,
    ):
        items = [(m.start() + run.start(), m.group(0)) for m in re.finditer(r"[^、]+", run.group(0))]
        anchored = {(h.start, h.end) for h in hits}
        if not any((a, a + len(item)) in anchored for a, item in items):
            continue
        found += [
            ProgrammeHit(item, a, a + len(item))
            for a, item in items
            if (a, a + len(item)) not in anchored and not _is_domain_word(item, lex)
        ]
    return found


def _quoted_siblings(sentence: str, hits: list[ProgrammeHit], lex: Lexicon) -> list[ProgrammeHit]:
    """Quoted four-character items of a list that pairs each field with its way of working, when two
    of them are already programmes: "政务服务“一网通办”、城乡运行“一屏全观”、风险防控“一体联动”" names
    三 ways of working alike (SCHEMA.md: slogans of a way of working), whatever shape the third has.

    >>> s = "实现政务服务“一网通办”、城乡运行“一屏全观”、风险防控“一体联动”"
    >>> hs = [ProgrammeHit(n, s.index(n), s.index(n) + 4) for n in ("一网通办", "一屏全观")]
    >>> [h.name for h in _quoted_siblings(s, hs, programme_lexicon())]
    ['一体联动']
    >>> s = "围绕“一体统领”“一网通办”“一网统管”“一端通达”等板块建设"
    >>> hs = [ProgrammeHit(n, s.index(n), s.index(n) + 4) for n in ("一网通办", "一网统管")]
    >>> [h.name for h in _quoted_siblings(s, hs, programme_lexicon())]
    ['一体统领', '一端通达']
    >>> s = "实现“智能办”“自助办”“掌上办”“码上办”"
    >>> hs = [ProgrammeHit(n, s.index(n), s.index(n) + 3) for n in ("自助办", "掌上办")]
    >>> [h.name for h in _quoted_siblings(s, hs, programme_lexicon())]
    ['智能办', '码上办']
    """
    found = []
    item = r"[\u4e00-\u9fff]{2,6}“[\u4e00-\u9fff]{4}”"
    for run in re.finditer(rf"(?:{item}、)+{item}", sentence):
        quotes = [(run.start() + m.start(1), m.group(1)) for m in re.finditer(r"“([^“”]+)”", run.group(0))]

        def anchored(a: int) -> bool:
            return any(h.start < a + 4 and a < h.end for h in hits)

        if sum(anchored(a) for a, _ in quotes) < 2:
            continue
        for a, name in quotes:
            if anchored(a) or _is_domain_word(name, lex) or lex.by_label(name) is not None:
                continue
            found.append(ProgrammeHit(name, a, a + 4))
    # "实现“基层数据一张表”“社区业务一平台”“一社区一特色”": in a run of quotes that holds a programme,
    # a field of work with its one table, platform or map (X一张表, X一平台) is a way of working too
    for run in re.finditer(r"(?:“[^“”]{3,10}”){2,}", sentence):
        quotes = [(run.start() + m.start(1), m.group(1)) for m in re.finditer(r"“([^“”]+)”", run.group(0))]
        held = sum(any(h.start <= a < h.end for h in hits) for a, _ in quotes)
        if not held:
            continue
        for a, name in quotes:
            one = re.fullmatch(r"[\u4e00-\u9fff]{2,4}一(?:张|本|个|扇|块|套)?[\u4e00-\u9fff]{1,2}", name)
            # "“一体统领”“一网通办”“一网统管”“一端通达”": beside two one-X ways of working, another
            # 一X of four characters is one too
            one = one or (re.fullmatch(r"一[\u4e00-\u9fff]{3}", name) if held >= 2 else None)
            # "实现“智能办”“自助办”“掌上办”“网上办”“码上办”": beside two ways of working that end alike
            # (…办), a short quote ending so is one more
            endings = {n[-1] for b, n in quotes if any(h.start <= b < h.end for h in hits)}
            alike = held >= 2 and len(endings) == 1 and name[-1] in endings and len(name) <= 5
            if (one or alike) and not any(h.start <= a < h.end for h in hits):
                found.append(ProgrammeHit(name, a, a + len(name)))
    return found


_LISTED_ITEM = r"[\u4e00-\u9fff]{2,6}“[\u4e00-\u9fff]{2,6}”"
_COUNTED_LIST = re.compile(
    rf"(?P<items>(?:{_LISTED_ITEM}、)+{_LISTED_ITEM})(?P<count>[两三四五六七八九十\d]+[大项个])(?P<kind>工程|行动|专项行动|计划)"
)


# "实施数字经济提速、政务服务提质、…“五大行动”": fields with their aims, unquoted, then the count and kind.
# The last item may be joined by 和 and the count closed by 等 (…、数字企业融资促进和数字经济治理提升等八大行动).
_COUNTED_PLAIN = re.compile(
    r"(?P<items>(?:[\u4e00-\u9fff“”]{4,16}?、)+[\u4e00-\u9fff“”]{4,16}?(?:和[\u4e00-\u9fff“”]{4,16}?)?)"
    r"等?“?(?P<count>[两三四五六七八九十])大(?P<kind>行动|工程)”?"
)


def _and_inside_item(item: str) -> bool:
    """Whether 和 inside a list's last item is a word of it (数字化和智能化改造 is one field; …促进和…提升 two).

    >>> _and_inside_item("数字企业融资促进和数字经济治理提升"), _and_inside_item("文化和旅游融合")
    (False, True)
    """
    left, right = item.split("和", 1)
    return len(left) < 4 or len(right) < 4


_TITLE_END = re.compile(r"(?:试验区|先导区|示范区|先行区|试点|示范城市|示范县)$")


def _paired_titles(sentence: str, hits: list[ProgrammeHit]) -> list[ProgrammeHit]:
    """Two titles joined by 和 are two, not one name over both; the second, written without the words
    it shares with the first, gets them back ("国家人工智能创新发展试验区和创新应用先导区": 国家人工智能
    创新应用先导区).

    >>> s = "获批国家人工智能创新发展试验区和创新应用先导区"
    >>> hits = [ProgrammeHit("国家人工智能创新发展试验区和创新应用先导区", 2, 23),
    ...         ProgrammeHit("国家人工智能创新发展试验区", 2, 15), ProgrammeHit("创新应用先导区", 16, 23)]
    >>> [h.name for h in _paired_titles(s, hits)]
    ['国家人工智能创新发展试验区', '国家人工智能创新应用先导区']
    """
    pairs = [
        (a, b)
        for a in hits
        for b in hits
        if a.end + 1 == b.start
        and sentence[a.end : b.start] == "和"
        and _TITLE_END.search(a.name)
        and _TITLE_END.search(b.name)
    ]
    if not pairs:
        return hits
    out = [h for h in hits if not any(h.start == a.start and h.end == b.end for a, b in pairs)]
    for a, b in pairs:
        at = a.name.find(b.name[:2], 2)
        if at > 0 and b in out:
            out[out.index(b)] = ProgrammeHit(
                a.name[:at] + b.name, b.start, b.end, b.concept, (b.name, *b.aliases)
            )
    return out


def _counted_list(sentence: str) -> list[ProgrammeHit]:
    """Each item of a counted list of fields with their quoted aims, named with the list's kind:
    "实施公共数据“提质”、项目建设“增效”…五大工程" names 公共数据提质工程, 项目建设增效工程 … (the count
    is the list's length, a metric, not part of a name: SCHEMA.md).

    >>> [h.name for h in _counted_list("聚力实施公共数据“提质”、项目建设“增效”两大工程,全力")]
    ['公共数据提质工程', '项目建设增效工程']

    Unquoted items count only when the list is as long as its count says:

    >>> [h.name for h in _counted_list("大力实施数字经济提速、政务服务提质、数据价值提升“三大行动”")]
    ['数字经济提速行动', '政务服务提质行动', '数据价值提升行动']
    >>> _counted_list("推进政务服务、数据共享“五大行动”")
    []
    >>> [h.name for h in _counted_list("实施数字经济发展攻坚、政务服务创新争先“两大行动”")]
    ['数字经济发展攻坚行动', '政务服务创新争先行动']
    >>> [h.name for h in _counted_list("将实施数字技术创新突破、数据资源开发利用行动和数字经济治理提升等三大行动")]
    ['数字技术创新突破行动', '数据资源开发利用行动', '数字经济治理提升行动']
    """
    found = []
    for m in _COUNTED_PLAIN.finditer(sentence):
        if _COUNTED_LIST.search(sentence, m.start(), m.end()):
            continue  # fields with their quoted aims, each one: read below
        items = m.group("items").split("、")
        if "和" in items[-1] and not _and_inside_item(items[-1]):
            items[-1:] = items[-1].split("和", 1)
        # (the first item may carry the clause's subject and verb: 全市将实施数字强基、…四大行动)
        verbs = list(
            re.finditer(r"将?(?:聚力|大力|全力|全面|深入|加快|着力|重点)?(?:实施|推进|开展|推动)", items[0])
        )
        verb = verbs[-1] if verbs else None
        # (a long first item leaves its verb before the match: 实施数字经济发展攻坚、…“五大行动”)
        governed = verb is not None or re.search(r"(?:实施|推进|开展|推动)$", sentence[: m.start()])
        if not governed or len(items) != parse_number(m.group("count")):
            continue  # only a governed list as long as its count names its items
        at = m.start("items") + (verb.end() if verb else 0)
        items[0] = items[0][verb.end() :] if verb else items[0]
        for item in items:
            plain = item.replace("“", "").replace("”", "")
            if len(plain) >= 4:
                # an item that ends on the kind already (…规模能级提升行动) is named whole
                name = plain if plain.endswith(m.group("kind")) else plain + m.group("kind")
                # (the item as the text writes it is the name too: 数字强基 of 数字强基、…四大行动)
                found.append(ProgrammeHit(name, at, at + len(item), None, (plain,) if plain != name else ()))
            at += len(item) + 1
    for m in _COUNTED_LIST.finditer(sentence):
        at = m.start("items")
        items = m.group("items").split("、")
        verb = re.match(r"(?:聚力|大力|全力|全面|深入|加快|着力)?(?:实施|推进|开展|推动|打造|建设)", items[0])
        if verb:  # the verb that governs the list is no part of its first item
            at += verb.end()
            items[0] = items[0][verb.end() :]
        # (each span runs on over its joiner: the list's kind makes the name longer than the quote's own)
        for item in items:
            name = item.replace("“", "").replace("”", "") + m.group("kind")
            found.append(
                ProgrammeHit(
                    name, at, at + len(item) + 1, None, (item.split("“")[1].rstrip("”") + m.group("kind"),)
                )
            )
            at += len(item) + 1
    return found


def _past_governor(sentence: str, hit: ProgrammeHit) -> ProgrammeHit:
    """The hit without a verb of effort that heads it and governs the rest ("加大告知承诺制改革…的统筹
    力度": 告知承诺制改革); LAC tags such a verb v, a word of the name (创新驱动) is seldom one of these.

    >>> _past_governor("加大告知承诺制改革", ProgrammeHit("加大告知承诺制改革", 0, 9)).name
    '告知承诺制改革'
    """
    if hit.concept is not None or len(hit.name) < 7:
        return hit
    first = word_at(segment(sentence), hit.start)
    if first is None or first.start != hit.start or first.tag != "v" or not _EFFORT.fullmatch(first.text):
        return hit
    cut = first.end - hit.start
    return ProgrammeHit(hit.name[cut:], first.end, hit.end, None, hit.aliases, hit.national, hit.place)


def _shared_suffix(sentence: str, hit: ProgrammeHit) -> ProgrammeHit:
    """The hit named with the suffix a quoted item after it shares ("深化行政审批制度和“一网通办”改革":
    行政审批制度改革), the bare name kept as an alias.

    >>> _shared_suffix("深化行政审批制度和“一网通办”改革", ProgrammeHit("行政审批制度", 2, 8)).name
    '行政审批制度改革'
    """
    shared = re.match(r"(?:和|及|与|、)“[^“”]{2,12}”(改革|行动|工程)", sentence[hit.end :])
    if hit.concept is not None or shared is None or hit.name.endswith(shared.group(1)):
        return hit
    return ProgrammeHit(
        hit.name + shared.group(1),
        hit.start,
        hit.end,
        None,
        (*hit.aliases, hit.name),
        hit.national,
        hit.place,
    )


def _curly(sentence: str) -> str:
    """The sentence with paired ASCII or corner quotes written as “” (one character each, so every
    offset stays): pages copied from the web quote names as "双创" or 「一网通办」 too.

    >>> _curly('将这一地区的"双创"带上新高度,推进「一网通办」')
    '将这一地区的“双创”带上新高度,推进“一网通办”'
    >>> _curly("“整合‘一网办’等便民措施。”主任说")
    '“整合“一网办”等便民措施。”主任说'
    """
    paired = re.sub(r'"([^"\n。!?！？]{1,30})"', r"“\1”", sentence)
    # (and a name quoted with ‘’ inside quoted speech: "“…深化‘一窗通办’改革…”主任说")
    paired = re.sub(r"‘([^‘’“”\n]{1,30})’", r"“\1”", paired)
    return re.sub(r"「([^「」]{1,30})」", r"“\1”", paired)


def _ends_a_phrase(sentence: str, end: int) -> bool:
    """Whether a label ending at `end` ends its noun phrase: LAC puts a word boundary there and the next
    word is a verb, a particle or the body set up to run it (数字化改革作为…, 党纪学习教育走深走实,
    “智改数转”等领导小组), not a noun it modifies (全程网办率, 清朗网络空间).

    >>> _ends_a_phrase("扎实推动党纪学习教育走深走实", 10), _ends_a_phrase("营造清朗网络空间", 4)
    (True, False)
    """
    words = segment(sentence)
    nxt = word_at(words, end)
    if nxt is None or nxt.start != end:
        return False
    # a count after it ("坚持…改革一条主线") starts a phrase of its own
    return nxt.tag in ("v", "vd", "p", "c", "u", "f", "xc", "m") or bool(
        re.match(r"领导小组|工作专班|专班", nxt.text)
    )


def _place_kept(sentence: str, hit: ProgrammeHit) -> ProgrammeHit:
    """The hit without its heading division, unless the quote holds that division's short name as its
    own word (实施“广东强芯”工程: the brand is 广东强芯, not 强芯); a full name (“滨州市数字强市”) only
    says whose it is."""
    quoted = (
        sentence[hit.start : hit.start + 1] in QUOTES or sentence[max(0, hit.start - 1) : hit.start] in QUOTES
    )
    head = segment(hit.name)[:1]
    if quoted and head and not re.search(r"[省市县区州旗盟]$", head[0].text):
        return hit
    return _without_place(hit)


def _without_place(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit named without the division that heads it: the place is the mention's, not the name's
    (利津县新型智慧城市试点 → 新型智慧城市试点, with the full name kept as an alias)."""
    if hit.concept is not None or hit.place is not None:
        return hit
    head = segment(hit.name)[:1]
    if not head or head[0].tag != "LOC" or len(hit.name) - head[0].end < 4:
        return hit
    # A county's bare short name is often a common word too (惠民服务, 平安建设, 光明): only a city's or a
    # province's short name, or a name with its 县/区/市 suffix, heads a programme as a place.
    bare = not re.search(r"[省市县区州旗盟]$", head[0].text)
    levels = {d.level for d in load_gazetteer().lookup(head[0].text)} - {"country"}
    if not levels or (bare and levels == {"district"}):
        return hit
    rest = hit.name[head[0].end :]
    # "丽江效率、丽江服务、丽江诚信": the place names every clause of the slogan, it is its word
    if "、" in rest or head[0].text in rest:
        return hit
    aliases = tuple(dict.fromkeys((*hit.aliases, hit.name)))
    # "辽宁第一批新型智慧城市建设试点城市": the batch after the granting province goes with it
    rest = unranked(rest)
    return ProgrammeHit(rest, hit.start, hit.end, hit.concept, aliases, hit.national, hit.place)


def _without_street(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit named without the street that heads it: "视察了西湖街道“民情流水线”工程" names where the
    programme runs, not the programme (民情流水线工程).

    >>> _without_street(ProgrammeHit("西湖街道民情流水线工程", 0, 11)).name
    '民情流水线工程'
    """
    street = re.match(r"[\u4e00-\u9fff]{2,4}?街道(?=[\u4e00-\u9fff]{4})", hit.name)
    if hit.concept is not None or street is None:
        return hit
    aliases = tuple(a for a in dict.fromkeys((*hit.aliases, hit.name)) if a != hit.name[street.end() :])
    return ProgrammeHit(hit.name[street.end() :], hit.start, hit.end, None, aliases, hit.national, hit.place)


_COUNTS = {"两": 2, "二": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# Words of doing or of reach that may run into a quoted name from before it (试点基层“…”改革).
_BEFORE_QUOTE = re.compile(
    r"(?:试点|推进|推行|推广|开展|深化|实施|探索|落实|全面|持续|扎实|基层|全域|全市|全区|全县)+"
)


def _from_quote(hit: ProgrammeHit) -> ProgrammeHit:
    """Return `hit` named by the quote it holds when only words of doing or reach stand before it.

    >>> h = ProgrammeHit("试点基层一枚印章管审批", 0, 19, aliases=("一枚印章管审批(服务)", "试点基层一枚印章管审批(服务)"))
    >>> _from_quote(h).name
    '一枚印章管审批(服务)'
    """
    for alias in hit.aliases:
        cut = hit.name.find(alias[:4]) if len(alias) >= 4 else -1
        if cut > 0 and _BEFORE_QUOTE.fullmatch(hit.name[:cut]) and not _BEFORE_QUOTE.match(alias):
            rest = tuple(a for a in hit.aliases if a != alias)
            return dataclasses.replace(hit, name=alias, aliases=(hit.name, *rest))
    return hit


def _spelled_out(hits: list[ProgrammeHit]) -> list[ProgrammeHit]:
    """The hits with a counted short name's spelling-out folded into it: "开展“三送服务”,将“送服务上门、
    送政策上门、送信心上门”作为…" names one programme twice, the three clauses that each 送 something
    being what 三送 counts.

    >>> hits = [ProgrammeHit("三送服务", 0, 4), ProgrammeHit("送服务上门、送政策上门、送信心上门", 8, 25)]
    >>> [(h.name, h.aliases) for h in _spelled_out(hits)]
    [('三送服务', ('送服务上门、送政策上门、送信心上门',))]
    """
    out = list(hits)
    for short in hits:
        m = re.match(r"([两二双三四五六七八九十])([\u4e00-\u9fff])", short.name)
        if m is None or short.concept is not None or "、" in short.name:
            continue  # (“双报到、双报告” spells itself out)
        for long in hits:
            parts = long.name.split("、")
            if (
                len(parts) == _COUNTS[m.group(1)]
                and all(m.group(2) in p for p in parts)
                and long in out
                and long.name != short.name
            ):
                out.remove(long)
                i = out.index(short) if short in out else -1
                if i >= 0:
                    aliases = tuple(dict.fromkeys((*out[i].aliases, long.name)))
                    out[i] = ProgrammeHit(
                        short.name, short.start, short.end, None, aliases, short.national, short.place
                    )
                    short = out[i]
    return out


def _without_self(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit named without the words by which the text refers to its own place: "深化我市工程建设项目
    审批制度改革" names the reform, 我市 where it runs (SCHEMA.md: the place is the mention's); 该县
    points back to the county named before in the same way.

    >>> _without_self(ProgrammeHit("我市工程建设项目审批制度改革", 0, 14)).name
    '工程建设项目审批制度改革'
    >>> _without_self(ProgrammeHit("该县社会管理和公共服务标准化试点", 0, 16)).name  # the place named before
    '社会管理和公共服务标准化试点'
    """
    own = re.match(r"(?:我|本|该)[省市区县州旗]", hit.name)
    if hit.concept is not None or own is None or len(hit.name) - own.end() < 4:
        return hit
    aliases = tuple(dict.fromkeys((*hit.aliases, hit.name)))
    return ProgrammeHit(hit.name[own.end() :], hit.start, hit.end, None, aliases, hit.national, hit.place)


def _manner(name: str) -> bool:
    """Whether a short name ending in 行动 says how to act, not which action: LAC reads its head as an
    adverb ("全域感知、深度思考、快速行动": a feature listed, like 实际行动), unlike 清朗行动 or 蓝天行动.

    >>> _manner("快速行动"), _manner("清朗行动"), _manner("蓝天行动")
    (True, False, False)
    """
    words = segment(name)
    return len(name) <= 4 and name.endswith("行动") and bool(words) and words[0].tag in ("ad", "d")


def _is_clause(name: str) -> bool:
    """Whether a name that ends in a kind word is a clause instead: a one-character verb of pushing right
    before the kind word makes it an act ("多方合力促改革": to push reform), no reform by name.

    >>> _is_clause("多方合力促改革"), _is_clause("综合窗口改革"), _is_clause("数据要素赋能行动")
    (True, False, False)
    """
    words = segment(name)
    return (
        len(words) >= 3
        and re.fullmatch(r"改革|行动|工程", words[-1].text) is not None
        # (verbs of pushing only: LAC leaves modals like 能 alone too, 数据要/v素赋/n能/v行动)
        and re.fullmatch(r"[促推抓谋助]", words[-2].text) is not None
    )


def _without_class(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit named without a bracketed class after it: “特色型信息消费示范城市(公共服务类)” is the
    title 特色型信息消费示范城市 in one of its classes, the same title wherever the text names it.

    >>> h = _without_class(ProgrammeHit("特色型信息消费示范城市(公共服务类)", 0, 19))
    >>> h.name, h.aliases
    ('特色型信息消费示范城市', ('特色型信息消费示范城市(公共服务类)',))
    """
    bracket = re.search(r"[(（][^()（）]{1,8}[)）]$", hit.name)
    if hit.concept is not None or bracket is None or bracket.start() < 2:
        return hit
    aliases = tuple(dict.fromkeys((*hit.aliases, hit.name)))
    return ProgrammeHit(
        hit.name[: bracket.start()], hit.start, hit.end, None, aliases, hit.national, hit.place
    )


def _designations(sentence: str) -> list[Designation]:
    """The designations of a sentence, read past a division noted in brackets inside a title
    ("国家大数据(贵州)综合试验区" is the 国家大数据综合试验区 that 贵州 holds); the written form is an alias."""
    gaz = load_gazetteer()
    notes = [m for m in re.finditer(r"[(（]([\u4e00-\u9fff]{2,5})[)）]", sentence) if gaz.lookup(m.group(1))]
    if not notes:
        return find_designations(sentence)
    noted = {i for m in notes for i in range(m.start(), m.end())}
    index = [i for i in range(len(sentence)) if i not in noted]
    read = "".join(sentence[i] for i in index)
    found = []
    for d in find_designations(read):
        start, end = index[d.start], index[d.end - 1] + 1
        written = sentence[start:end]
        aliases = (*d.aliases, written) if written != d.name else d.aliases
        found.append(Designation(d.name, start, end, aliases))
    return found


def _other_head(sentence: str, first: int, matched: str, concept: Concept) -> bool:
    """Whether a quoted short form of a concept (“一号发展工程”) follows words that make it another
    name than the concept's: the rest of the concept's label is not what stands before the quote.

    >>> c = programme_lexicon().by_label("一号发展工程")
    >>> s = "推进数字经济做优做强“一号发展工程”"
    >>> _other_head(s, s.index("一号"), "一号发展工程", c)
    True
    >>> s = "深入实施数字经济创新提质“一号发展工程”"
    >>> _other_head(s, s.index("一号"), "一号发展工程", c)
    False
    """
    if matched == concept.label or not concept.label.endswith(matched) or sentence[first - 1 : first] != "“":
        return False
    head = concept.label[: -len(matched)]
    before = re.search(r"[\u4e00-\u9fff]{2,12}$", sentence[: first - 1])
    return before is not None and not before.group(0).endswith(head) and head[:2] in before.group(0)


def _plain(sentence: str) -> tuple[str, list[int]]:
    index = [i for i, ch in enumerate(sentence) if ch not in QUOTES]
    return "".join(sentence[i] for i in index), index


def _past_plus(sentence: str, hit: ProgrammeHit) -> ProgrammeHit:
    """A name that ends on + goes on past its quote: “互联网+”创新创业示范基地 is one designation.

    >>> s = "作为重点打造的“互联网+”创新创业示范基地和互联网产业聚集区"
    >>> _past_plus(s, ProgrammeHit("互联网+", s.index("互") , s.index("+") + 1)).name
    '“互联网+”创新创业示范基地'
    """
    if not hit.name.endswith(("+", "＋")):
        return hit
    rest = re.match(r"”?([\u4e00-\u9fff]{2,12}?)(?=[和及与、,，。;；:：(（]|$)", sentence[hit.end :])
    if rest is None or not rest.group(1).endswith(_DESIGNATION_HEADS):
        return hit
    opened = sentence[hit.start - 1 : hit.start] == "“"
    name = ("“" if opened else "") + hit.name + ("”" if rest.group(0).startswith("”") else "") + rest.group(1)
    return dataclasses.replace(hit, name=name, end=hit.end + rest.end(), aliases=(*hit.aliases, hit.name))


# What a name carried past a + ends on to be one: a designation (an action, 互联网+行动, is the label's own).
_DESIGNATION_HEADS = ("基地", "示范区", "示范市", "示范县", "示范城市", "试点", "示范项目")


def _quoted(sentence: str, lex: Lexicon) -> list[ProgrammeHit]:
    """Quoted names in a programme-like context; a run of quotes shares its verb and suffix."""
    hits = []
    for series in re.finditer(r"(?:“[^“”]{2,40}”(?:、|(?:以及|和|及|与)(?=“))?)+", sentence):
        quotes = list(re.finditer(r"“([^“”]{2,40})”", series.group(0)))
        # "实施“数基提质”等五大专项行动": the count between the list and its suffix is not part of the name
        after = re.sub(
            r"^等?[一二三四五六七八九十\d]+[大项个类]", "", sentence[series.end() : series.end() + 10]
        ).lstrip("等")
        if _PROJECT_AFTER.match(after) and not (
            # "加大“掌上办”应用推广": a way of handling cases put to use, no app named
            after.startswith("应用")
            and all(
                re.search(r"(?:办|跑|一次)$", q.group(1)) and has_slogan_shape(q.group(1)) for q in quotes
            )
        ):
            continue
        if after.startswith(("精神", "会议精神", "要求", "工作要求")):
            continue  # "落实…“两会”精神", "落实“治理联动协作”要求": what a directive asks, no programme
        if re.search(rf"(?:平台|公众号|{APP_KINDS})$", sentence[: series.start()]) and not re.match(
            r"(?:工作|行动|改革|专项|攻坚)", after
        ):
            continue  # "天津数字社会综合应用平台“津心办”建设": the quote names the platform before it
        suffix = _PROGRAMME_AFTER.match(after)
        if suffix and re.match(r"(?:理念|思路|原则|标准|指标|要求)", after[suffix.end() :]):
            suffix = None  # "遵循“绿色生态”建设理念", "“数字政府建设”指标": a principle or a measure
        head = name_start(sentence, series.start())
        # "“城市大脑”五大…成效“清洁城市”建设": a name runs back over another quote only across a few
        # words that join them ("“地瓜经济”提升能级“一号开放工程”"), not across a clause.
        closed = sentence.rfind("”", head, series.start())
        head = series.start() if closed >= 0 and series.start() - closed > 7 else head
        # A place pilots what it quotes (在中华街道试点“数字孪生街区”) unless that is a thing it builds.
        piloted = sentence[: series.start()].endswith("试点") and not names_a_thing(sentence[series.end() :])
        head = series.start() if piloted else head
        # "纳入“十四五”期间“…工程”": a plan period before the quote dates it, it does not name it
        period = re.search(r"“?十[一二三四五六]五”?(?:期间|时期|以来)?$", sentence[head : series.start()])
        head = series.start() if period else head
        # "数字机关建设和机关内部“一件事”集成改革": a finished item before a joiner is another list item.
        items = list(
            re.finditer(
                r"(?:建设|改革|工程|行动|工作|体系|机制)(?:和|及|与|以及|、)", sentence[head : series.start()]
            )
        )
        head = head + items[-1].end() if items else head
        # "实施电信普遍服务项目和“满格天府”专项行动": a joiner right before the quote ends the item before it,
        # whatever it ends with; the quoted name starts at its quote.
        head = (
            series.start()
            if re.search(r"[\u4e00-\u9fff]{2}(?:和|及|与|以及)$", sentence[head : series.start()])
            else head
        )
        effort = _PUT_EFFORT.search(sentence[: series.start()])
        head = series.start() if effort else head  # "聚力“双招双引”": the verb is no part of the name
        before = sentence[max(0, head - 8) : head]
        # "创新推出“金管家”服务,": a service word between the quote and the clause's end leaves it the
        # object of the verb, the way of serving named by its quote
        # (or a mode of a field of service: "推出“三层级无差别一体化”政务服务模式。")
        ending = re.match(
            r"^(?:(?:政务|审批|便民|惠企|监管|治理)?服务(?:模式|机制)?|模式|机制|进程)?(?:[,，。;；(（]|$)",
            sentence[series.end() :],
        )
        # (a two-character quote before such a word is rather a modifier of it: 打造“全科”服务)
        clause_end = ending is not None and (
            ending.group(0)[:1] in ",，。;；(（" or len(quotes[-1].group(1)) > 2
        )
        # "聚焦“游购娱”“医养教”": a focus named by a few characters is a field of life or work (a
        # three-character abbreviation), not an initiative like "聚焦“数字化五力提升”"
        weak = bool(WEAKLY_CARRIED_OUT.search(before) or effort) and not (
            before.endswith("聚焦") and all(len(q.group(1)) <= 3 for q in quotes)
        )
        # "推动政务服务事业跑出“加速度”": a verb with a complement of result (跑出, 迈上, 驶入) right before
        # the quote, or before the place heading it, takes the quote as its own object; the verb of
        # effort governs the words before it, not the quote ("推行开办企业“免费刻章”" keeps its verb)
        between = (
            [w for w in segment(sentence) if head <= w.start and w.end <= series.start() and w.tag != "LOC"]
            if head < series.start()
            else []
        )
        crossed = bool(
            between
            and between[-1].tag == "v"
            and re.fullmatch(r"[\u4e00-\u9fff][出到上下入起]", between[-1].text)
            and not _BUILDING.fullmatch(between[-1].text)
        )
        # (a verb right before the quote governs it even where the name's head ran back over it, when
        # the quote ends its object: "全面实行“一枚印章管审批”", not "组织“初心学堂”交流")
        # "践行“马上就办”提升…方案": to practise a way of working carries it out wherever the phrase goes
        # on, unless what is practised is an idea or a spirit ("践行“人民城市…”理念").
        practised = sentence[: series.start()].endswith("践行") and not re.match(
            r"(?:理念|精神|思想|宗旨|原则)", after
        )
        adjacent = (
            (CARRIED_OUT.search(sentence[: series.start()]) or _GRIP.search(sentence[: series.start()]))
            and (clause_end or suffix)
        ) or practised
        verb = (CARRIED_OUT.search(before) or adjacent or (weak and clause_end) or piloted) and not crossed
        # "打造山清水秀、宜居宜业的“X”,": the verb governs the quote across a modifier ending in 的
        modified = re.search(
            r"(?:^|[,，;；:：])[\u4e00-\u9fff]{0,4}?(?:打造|建设|创建|争创|实施|推行|推广)[^,，。;；“”:：]{2,24}的$",
            sentence[: series.start()],
        )  # the verb opens the clause, so it is not one inside the modifier (…布局建设…中心的“…”)
        verb = verb or bool(modified and clause_end and len(quotes) == 1)
        # What the text says is being built or pushed on ("“智慧教育”基本建成"), or makes the main line of
        # its work ("以“数实融合”为重点"), it carries out (SCHEMA.md: a quoted initiative carried out).
        # SCHEMA.md: a title the place is granted is a designation it holds ("荣获“X”称号",
        # "成为全省首个“5G全域覆盖县”"), whatever word it ends in.
        granted = bool(
            _GRANTED_BEFORE.search(sentence[: series.start()])
            and re.search(
                # a place among a ranked list's strongest ("中国城市信息化50强") holds that title too
                r"(?:城市|[县市区镇乡村]|之城|之都|名城|强[市县区省]|(?:\d+|[十百千])强|示范地|先锋|标杆)$",
                quotes[-1].group(1),
            )
        ) or after.startswith(("称号", "荣誉称号"))
        # "2个小学获评…", "9家单位入选…": the title is a counted grantee's, not the place's
        granted = granted and not _COUNTED_GRANTEE.search(
            re.split(r"[,，。;；]", sentence[: series.start()])[-1]
        )
        governed = bool(
            verb
            or granted
            or _CARRIED_AFTER.match(after)
            # "“X”经验做法被国务院办公厅推广", "“X”做法入选全国优秀案例": a practice others take up
            or re.match(r"(?:经验|做法){1,2}(?:被|在|入选|获)", after)
            # "设立“办不成事”反映窗口": a service window set up for a practice is named by that practice
            or (
                re.search(r"(?:设立|开设|设置|开通)了?$", sentence[: series.start()]) is not None
                and re.match(r"[^,，。;；“”]{0,12}?(?:窗口|专窗)", sentence[series.end() :]) is not None
                # (a practice says what is done, "设立“潮汕银行”窗口" names who serves there)
                and any(w.tag in ("v", "vd") for w in segment(quotes[-1].group(1)))
            )
            # "“科特派”工作成效保持全省前列": a line of work the text ranks or honours by its quote
            or re.match(
                r"工作(?:成效|经验|做法|成果)?(?:被|获评|获得|荣获|入选|走在|位居|位列|保持|排名|领跑|连续)",
                after,
            )
            # "“数据回流赋能基层”工作列入省市试点": work the text says was made a pilot
            or re.match(r"”?工作(?:被)?(?:列入|纳入|入选)[^,，。;；]{0,6}试点", sentence[series.end() :])
            # "“信用就医”获评…应用典型案例": a practice the text says was chosen as a model case
            or (
                len(quotes) == 1
                # a short name: a long one is the case's title (“人工智能助力…应用 助力提升…能力”)
                and len(quotes[0].group(1)) <= 8
                and re.match(
                    # (“个转企到店办”获…优秀案例, “…一次办”被国办评为“…典型经验案例”)
                    r"(?:获评|获得?|入选|荣获|被[^,，。;；“”]{0,8}?(?:评为|评选为|列为))[^,，。;；]{0,30}?"
                    r"(?:案例|典型经验|创新成果)",
                    sentence[series.end() :],
                )
                and not re.search(r"(?:平台|系统|App|APP|中心|大脑|网|码|号)$", quotes[0].group(1))
            )
            or (
                re.search(r"以(?:培育|推进|推动|实施|打造|深化|开展|创建)?$", sentence[: series.start()])
                and _FRAMED_AS.match(after)
            )
            or (  # "把“微网实格”作为基层治理的基础工程"
                re.search(r"[把将]$", sentence[: series.start()])
                and re.match(
                    r"作为[^，。,;；“”]{0,12}?(?:工程|抓手|主线|突破口|牵引|(?:重点|重要|中心)工作)",
                    sentence[series.end() :],
                )
            )
        )
        # SCHEMA.md: a programme named only inside a cited title (《“数字西藏”建设三年实施方案》) is one too.
        governed = governed or sentence.rfind("《", 0, series.start()) > sentence.rfind(
            "》", 0, series.start()
        )
        # "“A”、“B”等改革举措全省率先", "“A”等做法作典型发言": a list of practices names each one
        practice = sentence[series.end() : series.end() + 1] == "等" and re.match(
            # (or ways of handling cases: "推行“容缺受理”“告知承诺”等审批方式")
            # (or a regime of serving or working: "落实“首问负责”“帮办代办”等服务制度")
            r"(?:[一二三四五六七八九十\d]+[项个条])?(?:改革|创新|典型)?(?:举措|做法|经验)|(?:审批|服务|办理)(?:方式|模式)"
            r"|(?:服务|工作|管理|审批|监管)(?:制度|机制)"
            # (or special drives: "推进“信号升格”“宽带边疆”等5G专项建设")
            r"|[\dA-Za-z\u4e00-\u9fff]{0,4}?专项(?:建设|行动|工程|工作|整治)",
            after,
        )
        governed = governed or bool(practice)
        # "按照“一个项目、一个专班、一跟到底”的工作机制", "构建起“平台集约化、服务场景化、治理精准化”的
        # 政务服务模式": parallel clauses quoted as what a mechanism or mode of work is called name it
        # (bare qualities, “扁平化、体系化、开放式”的管理模式, describe it: each clause has 4 characters or more)
        named_mode = (
            len(quotes) == 1
            and "、" in quotes[0].group(1)
            and all(len(p) >= 4 for p in quotes[0].group(1).split("、"))
            and re.match(
                r"的(?:工作|服务|政务服务|审批|治理|管理|监管|运行)(?:机制|模式)", sentence[series.end() :]
            )
            is not None
        )
        governed = governed or named_mode
        # (a list of titles granted, "获评“A县”“B县”等20余个荣誉称号", names each one)
        things = bool(
            governed
            and not suffix
            and not practice
            and not granted
            and sentence[series.end() : series.end() + 1] == "等"
        )  # "推进“A”“B”等…数据产品": a list of things, named by what follows
        for i, q in enumerate(quotes):
            text = q.group(1)
            # (a way of working keeps its shape in such a list: "推行“集成办”“就近办”等服务场景")
            if things and (not has_slogan_shape(text) or names_a_thing(sentence[series.end() :])):
                continue
            q_start, q_end = series.start() + q.start(), series.start() + q.end()
            if _KIND_WORD.fullmatch(text):
                continue  # "在“制度”“治理”“智慧”三个维度": a kind word alone names no programme
            if lex.by_label(text) is not None and not text.endswith("+"):
                continue
            parts = text.split("、")
            if (
                len(parts) > 1
                and all(_is_domain_word(p, lex) for p in parts)
                and not _carried_transformations(parts, sentence[:q_start], after, clause_end)
            ):
                continue  # SCHEMA.md: bare domain words are no programme, quoted in a list or not
            # "聚焦“兴业、惠民、优政”", "数字赋能“优政、兴业、惠民”": one-word aims that digital work is
            # focused on or empowers are the ends it serves, no way of working the place runs (unlike
            # aims a place is built to have: "建成“善政、兴业、惠民”的智慧晋江")
            if are_aims(parts) and re.search(r"(?:聚焦|赋能|助力|服务于?)$", sentence[:q_start]):
                continue
            # "打造“数字金融”,保障“数字出行”": a quoted domain word alone is a field of work; it is an
            # initiative when the text builds or reforms it (推进“智慧城市”建设), runs it (开展“数字助老”)
            # or cites it in a title.
            in_title = sentence.rfind("《", 0, q_start) > sentence.rfind("》", 0, q_start)
            if (
                len(parts) == 1
                and _is_domain_word(text, lex)
                and not in_title
                and not suffix
                and not _CARRIED_AFTER.match(after)  # "“智慧教育”基本建成"
                and not CARRIED_OUT.search(sentence[:q_start])  # "开展“数字助老”培训": a campaign run
                and not re.match(
                    r"”?[\u4e00-\u9fff]{0,4}?(?:建设|改革|工程|行动|试点|战略)", sentence[q_end - 1 :]
                )
            ):
                continue
            known = [lex.by_label(p) is not None for p in parts]
            shapes = [k or has_slogan_shape(p) for k, p in zip(known, parts, strict=True)]
            if (
                len(parts) > 1
                and any(known)
                and (
                    all(shapes)
                    # “一网通办、一网统管、一码通城、一数聚产”: a one-stop item beside two known ones is one too
                    # (one known among them, “一次告知、一表申请、一套材料、一窗受理”, stays one slogan)
                    or (
                        sum(known) >= 2
                        and all(
                            s or re.fullmatch(r"一[\u4e00-\u9fff]{3}", p)
                            for s, p in zip(shapes, parts, strict=True)
                        )
                    )
                )
            ):
                # “一网通办、一网统管、一键回应”: a list of programmes, known ones among them, not one slogan
                offset = q_start + 1
                for part in parts:
                    if lex.by_label(part) is None:
                        hits.append(ProgrammeHit(part, offset, offset + len(part)))
                    offset += len(part) + 1
                continue
            # SCHEMA.md: a slogan shaped like a way of working is a programme whatever governs it.
            shaped = (
                named_mode
                or has_slogan_shape(text)
                or is_parallel_slogan(text, sentence[:q_start], sentence[q_end - 1 :])
            )
            # "“一件事”“掌上执法”等营商环境数字化应用": a run of quotes can name things too
            shaped = (
                shaped and not names_a_thing(sentence[q_end:]) and not names_a_thing(sentence[series.end() :])
            )
            # SCHEMA.md: 数字X/智慧X named after a division is that place's campaign (“数字湖北”的3年目标),
            # unless the words after it name a thing built under it ("迭代“数智滨江”城市运行平台").
            campaign = with_place(ProgrammeHit(text, 0, 0)).place is not None
            shaped = shaped or (campaign and not names_a_thing(sentence[q_end:]))
            # (or named right before the word for it: "根治群众“上班没空办、下班没处办”痛点")
            if re.match(
                r"”?(?:(?:等|的)[\u4e00-\u9fff]{0,6}?)?(?:矛盾|问题|难题|痛点|堵点|难点|现象|困境|顽疾)",
                sentence[q_end - 1 :],
            ):
                continue  # "解决数据“不敢用、不够用”的矛盾": a problem described, not a way of working
            if re.search(r"就是|[,，][^,，]*是|是[^,，]*[,，]", text):
                continue  # "指出“新时代东北振兴,是全面振兴、全方位振兴”": a statement quoted, not a name
            # "对“实施国家大数据战略,构建…,加快建设数字中国”等工作做出部署": a long quote of several
            # clauses is a directive quoted, not one name; the programmes inside it are found on their own
            if len(re.split(r"[,，;；]", text)) > 2 or (re.search(r"[,，;；]", text) and len(text) > 16):
                continue
            if (sentence[:q_start].endswith("关于") or sentence[:q_start].endswith("针对")) and re.match(
                r"”?的?(?:建议|提案|议案|意见|报告)", sentence[q_end - 1 :]
            ):
                continue  # "关于“更新发展理念,强化市级统筹”的建议": the title of a proposal answered
            # "高频事项向“快办”优化": the mode of service a reform moves things towards
            toward = sentence[q_start - 1 : q_start] == "向" and re.match(
                r"(?:优化|提升|升级|转变|拓展)", sentence[q_end:]
            )
            # "从“多窗分散”向“一窗集成”转变": a shift from one state to another describes both, and so does
            # "变“多窗口多平台多次办”为“一窗口一平台一次办”"
            if toward and re.search(r"从“[^“”]{2,12}”$", sentence[: q_start - 1]):
                continue
            # "由“纵向”向“扁平”转变", "从“分级办”到“贯通办”、“串联办”到“并联办”": the ends of a shift are
            # states the work moves between, whatever verb follows
            # (unless the other end is a known programme: "从“信号升格”到“宽带边疆”" names one plan after
            # another, both carried out)
            shift = re.search(r"(?:从|由|、)“([^“”]{1,16})”(?:向|到|转向|迈向)$", sentence[:q_start]) or (
                re.search(r"(?:从|由|、)$", sentence[:q_start])
                and re.match(r"”(?:向|到|转向|迈向)“([^“”]{1,16})”", sentence[q_end - 1 :])
            )
            if shift and lex.by_label(shift.group(1)) is None:
                continue
            shaped = shaped or bool(shift)
            if re.search(r"变[^“”,，。;；]{0,10}“[^“”]{2,16}”为$", sentence[:q_start]) or (
                re.search(r"变[^“”,，。;；]{0,10}$", sentence[:q_start])
                and re.match(r"”为“", sentence[q_end - 1 :])
            ):
                continue
            shaped = shaped or bool(toward and _looks_like_name(text))
            # "锚定“八个强市”战略目标", "建设“五个中心”", "“四化”发展思路": a count of titles or of ways
            # names one framework (SCHEMA.md); a count of things to do names one only when carried out (below).
            shaped = shaped or bool(_COUNTED_TITLE.fullmatch(text))
            # "深入实施“四大数字攻坚战”", "重点实施数字苏州建设“八大工程”": a counted set of actions that a
            # place carries out is the name it runs them under (dev gold h03; its count is a metric too),
            # unlike a set it only grips ("抓好“六大行动”") or a count of lists ("以“三张清单”为牵引")
            shaped = shaped or bool(
                _COUNTED_ACTIONS.fullmatch(text)
                and re.search(r"实施(?!方案|意见|细则|办法)[^,，。;；“”《》]{0,40}$", sentence[:q_start])
            )
            # "建设“强富美高”新盐城": the qualities of a new place being built, quoted, are that place's
            # slogan of work (unlike “整体智治”的现代政府, qualities of a thing described)
            renewed = re.match(r"新([\u4e00-\u9fff]{2,4}?)(?:[,，。;；、]|提供|现代化|$)", sentence[q_end:])
            shaped = shaped or bool(
                renewed
                and re.search(r"(?:建设|打造|建成|建好|奋力谱写|谱写)$", sentence[:q_start])
                and load_gazetteer().lookup(renewed.group(1))
            )
            # "探索数字乡村“花垣模式”": a model named after the place that made it is its programme
            shaped = shaped or _place_model(text)
            # "（以下简称“智改数转网联”）": a quote that carries a known reform further names one of its own
            # (SCHEMA.md: 数字政府改革, a named reform, against 数字政府, a domain word).
            shaped = (
                shaped
                or bool(
                    any(
                        not (c.umbrella or c.generic)
                        # “实业兴滨智改数转标杆”: to be a model of the known one is an aim under it, no new name
                        and not re.search(r"(?:标杆|样板|典范|高地|名片|示范|先行)$", text[b:])
                        and b - a < len(text)
                        # a year or an edition before it (“2024全民数字素养与技能提升月”) is no new name
                        and re.search(
                            r"[\u4e00-\u9fff]",
                            re.sub(r"\d{4}年?度?|第[\d一二三四五六七八九十]+届", "", text[:a] + text[b:]),
                        )
                        for a, b, c in lex.find(text)
                    )
                    and not names_a_thing(text)
                    and not names_a_thing(sentence[q_end:])
                    # an honour for work under it ("2022年…数字化改革优秀成果") is an award, not a programme
                    and not re.search(r"(?:成果|案例|实践|应用|奖|称号|榜单|名单|单位|集体)$|^\d{4}", text)
                )
            )
            if not (shaped or _looks_like_name(text)) or is_layout(text):
                continue
            # "打造“整体智治、唯实惟先”的现代政府": qualities of the government, city or system to be
            # built, which the verb governs; a quote shaped like a way of working still names one
            # ("“一网统管”的工作体系"), and so does a division's campaign.
            if (
                re.match(_DESCRIBED, sentence[q_end - 1 :])
                and not campaign
                and not any(has_slogan_shape(p) for p in [text, *re.split(r"[、,，]", text)])
            ):
                continue
            # “互联网+”智慧能源: X+ names a programme by how it is written.
            own_suffix = bool(re.search(r"(工程|计划|行动|改革|试点|制度|项目|战略|\+)$", text))
            tail = re.match(
                rf"(?:{NAME_UNIT}){{0,14}}?(?:集成改革|专项行动|行动(?!计划|方案|纲要)|工程|计划|项目|制度|试点(?!城市|县|区|市))",
                sentence[q_end:],
            )
            tail = (
                tail
                if len(quotes) == 1
                and tail
                and not re.search(r"[,，、。等的]|作为", tail.group(0))
                # "…、网络安全“加固”五大工程": a count before the kind says how many items share it
                and not re.match(r"[两三四五六七八九十\d]+[大项个]", tail.group(0))
                else None
            )
            # “数字苏州驾驶舱”升级工程: a word or two then a programme word finish the name
            finished = re.match(
                r"[\u4e00-\u9fff]{0,4}(?:集成改革|专项行动|行动|工程|计划|试点)", sentence[q_end:]
            )
            if not (suffix or governed or own_suffix or shaped or (tail and finished)):
                continue
            # "打造“政策AI计算器”": a tool or app built is a project, unless the words after it name an
            # initiative ("“三网六区智平台”治理模式", "“数字苏州驾驶舱”升级工程")
            if _THING.search(text) and not (suffix or own_suffix or shaped or tail or finished):
                continue
            if governed and not (suffix or own_suffix or shaped) and names_a_thing(sentence[q_end:]):
                continue  # "推广应用“粤智助”政府服务自助机": the verb governs a thing built, named by its quote
            # A shaped slogan is its own name, unless words after it make a longer one (基层治理“一件事”集成改革).
            start = _past_verbs(sentence, head, q_start) if i == 0 and (not shaped or tail) else q_start
            if granted and not tail:
                start = q_start  # "成为全省首个“5G全域覆盖县”": how rare a title is is not its name
            if suffix and suffix.group(0) in ("审批", "监管", "办理"):
                start = q_start  # "配套“红蓝章”审批": the way of approving is named from its quote on
            if tail and tail.group(0).endswith("试点"):
                start = q_start  # "26家医院“智慧医疗”服务试点": the pilot is named from its quote on
            end = q_end
            if text.endswith("+"):  # “互联网+”智慧能源: the plus joins the next words
                joined = re.match(r"[\u4e00-\u9fff]{2,8}?(?=建设|[,，。、]|$)", sentence[q_end:])
                nxt = word_at(segment(sentence), q_end)
                if nxt is not None and nxt.start == q_end and nxt.tag in ("v", "vd", "d", "p"):
                    joined = None  # "“大数据+”实现新的探索": a verb follows, nothing joins the plus
                end += joined.end() if joined else 0
            if tail:
                end = q_end + tail.end()
            elif suffix and suffix.group(0) == "试点" and after.startswith("试点"):
                # SCHEMA.md: a pilot is a designation a place holds (国家数字乡村试点), named with its
                # 试点 ("开展“智慧社区”试点" → 智慧社区试点), unlike a reform named without 改革.
                end = q_end + 2
            if practice:
                start, end = q_start, q_end  # the quote names the practice whole (“建设项目服务清单制”)
            name = clean_name(sentence[start:end])
            if practice and len(name) <= 20:
                hits.append(with_place(ProgrammeHit(name, start, end)))
                continue
            if NOT_A_PROGRAMME.search(name) and shaped and not NOT_A_PROGRAMME.search(text):
                start, end, name = q_start, q_end, text  # “5G+智慧医疗”示范项目: the slogan, not the project
            if NOT_A_PROGRAMME.search(name) and not own_suffix:
                continue
            if re.match(r"相关|有关|各类|各项", name):  # "开展相关“三服务”工作": a modifier, not the name
                start += 2
                name = name[2:]
            rank = re.match(
                r"(?:全国|全省|全市|全区)?(?:首个|首批|唯一|第一个|第[一二三四五六七八九十\d]+批)", name
            )
            if rank:  # "作为全市首个“榕城智网”工程试点区": how rare it is is not its name
                start += rank.end()
                name = name[rank.end() :]
            # "8个“城市大脑”建设工作专班": a figure says how many, it is no part of the name (unlike a
            # numeral that names a set: 三个“一号工程”)
            count = re.match(r"\d+[个项家类条]", name)
            if count and len(name) > count.end() + 1:
                start += count.end()
                name = name[count.end() :]
            if name.startswith(("新一轮", "新一批")):  # "实施新一轮“千企技改”行动": which round, not the name
                start += 3
                name = name[3:]
            # In the order written (a set here made `citykg extract` differ from run to run).
            written = (text, text + (suffix.group(0) if suffix else ""))
            aliases = tuple(a for a in dict.fromkeys(written) if a != name)
            if name == text and _short_modes(parts):
                # “好办、易办、快办”, “一网办、掌上办、免证办”: short ways of serving that share their last
                # word are listed in one quote, each its own programme (unlike one slogan of two
                # clauses, “同要素管理、同标准办理”, or “一区一品、一园一业”)
                offset = q_start + 1
                for part in parts:
                    hits.append(with_place(ProgrammeHit(part, offset, offset + len(part))))
                    offset += len(part) + 1
                continue
            hits.append(_placed(with_place(ProgrammeHit(name, start, end, None, aliases))))
    return hits


# A verb that carries out the transformations it governs, right before their quote (深入推进“…”).
_PUSHED = re.compile(r"(?:推进|推动|实施|深化|落实)$")


def _carried_transformations(parts: list[str], before: str, after: str, clause_end: bool) -> bool:
    """Whether a quoted list of transformations of a field (产业数字化, 数据价值化) is the slogan the text
    carries out: pushed on by a verb and ending its clause, or framed as the main line of work
    ("以推进“产业数字化、数字产业化”为主线"). SCHEMA.md: a quoted domain word the text carries out is a
    programme; a list of them only named as a means ("通过“…”") or a focus is not.

    >>> ps = ["数字产业化", "产业数字化", "数据价值化"]
    >>> _carried_transformations(ps, "扎实推进“", ",全面提升", True), _carried_transformations(ps, "通过“", ",将", True)
    (True, False)
    >>> _carried_transformations(ps, "以推进“", "为主线", False), _carried_transformations(["数字政府", "数字社会"], "推进“", "", True)
    (True, False)
    """
    if not all(len(p) >= 4 and p.endswith("化") for p in parts):
        return False
    head = before.removesuffix("“")
    return bool(
        (_PUSHED.search(head) and clause_end)
        or (re.search(r"以(?:推进|推动|实施|深化)?$", head) and _FRAMED_AS.match(after))
    )


def _short_modes(parts: list[str]) -> bool:
    """Whether the parts of a quote are three or more short ways of doing one thing, each ending in
    the same word (好办、易办、快办); two such parts are rather one paired slogan (补短板、锻长板).

    >>> _short_modes(["一网办", "掌上办", "免证办"]), _short_modes(["补短板", "锻长板"])
    (True, False)
    >>> _short_modes(["一对一", "点对点", "面对面"]), _short_modes(["同要素管理", "同标准办理"])
    (False, False)
    """
    return (
        len(parts) > 2
        and all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", p) for p in parts)
        and len({p[-1] for p in parts}) == 1
    )


def _placed(hit: ProgrammeHit) -> ProgrammeHit:
    """The hit with the division whose name heads it ("丽江效率、丽江服务、丽江诚信" is 丽江's brand): a
    way of working named after a place is that place's, like a 数字X campaign (SCHEMA.md: place)."""
    if hit.place is not None or hit.concept is not None:
        return hit
    head = segment(hit.name)[:1]
    if not head or head[0].tag != "LOC" or len(hit.name) - head[0].end < 2:
        return hit
    rest = hit.name[head[0].end :]
    if len(rest) >= 4 and "、" not in rest and head[0].text not in rest:
        return hit  # "成都“智慧蓉城”": the place only locates a name of its own (see _without_place)
    if re.search(r"(?:[县市区镇乡村州]|城市|之城|之都|名城|示范|试点|标杆|样板|高地)$", rest):
        return hit  # a title is held by whoever the text says holds it, not by the place it names
    # only a city's or a province's short name: a county's is often a common word too (惠民, 光明)
    levels = {d.level for d in load_gazetteer().lookup(head[0].text)} - {"country", "district"}
    if not levels or re.search(r"[省市县区州旗盟]$", head[0].text):
        return hit
    return ProgrammeHit(hit.name, hit.start, hit.end, hit.concept, hit.aliases, hit.national, head[0].text)


def _is_domain_word(text: str, lex: Lexicon) -> bool:
    """Whether `text` is a bare domain word (数字政府, 数字生态, 产业数字化), not a named initiative.

    >>> lex = programme_lexicon()
    >>> [_is_domain_word(w, lex) for w in ("数字经济", "数字生态", "产业数字化", "数字咸宁", "一网通办")]
    [True, True, True, False, False]
    >>> _is_domain_word("数字化治理", lex)
    True
    """
    concept = lex.by_label(text)
    if concept is not None:
        return concept.umbrella or concept.generic
    if with_place(ProgrammeHit(text, 0, 0)).place is not None:
        return False  # 数字湖北: a place's campaign
    return bool(
        re.fullmatch(
            r"(?:数字|智慧|数智)[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{2,4}(?:数字化|价值化|智能化)|数字[\u4e00-\u9fff]{2}化|数字化[\u4e00-\u9fff]{2}",
            text,
        )
    )


def _past_verbs(sentence: str, head: int, quote: int) -> int:
    """Where a name headed at `head` really starts: after any verb LAC finds before the quote
    ("擦亮“苏式服务”品牌" → 苏式服务品牌)."""
    start = head
    first_quote = sentence.find("“", head, quote + 1)  # words inside an earlier quote belong to the name
    for w in segment(sentence):
        verb = w.tag in ("v", "d", "ad", "p") or (
            w.end == first_quote and w.text in ("建设", "打造", "创建", "应用", "使用")
        )
        # a complement of result goes with its verb ("运用好“三级督办”机制": 好 is no part of the name)
        verb = verb or (w.start == start and start > head and w.text in ("好", "实", "牢", "细", "到", "足"))
        if head <= w.start and w.end <= first_quote and verb:  # 推动建设“晋江数据湖”: 建设/vn governs
            start = max(start, w.end)
    return start


def _place_model(text: str) -> bool:
    """Whether a quoted phrase is a division's short name plus 模式 or 经验 (花垣模式, 晋江经验).

    >>> _place_model("花垣模式"), _place_model("晋江经验"), _place_model("共享模式")
    (True, True, False)
    """
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,3})(?:模式|经验)", text)
    return bool(m and {d.level for d in load_gazetteer().lookup(m.group(1))} - {"country"})


def _looks_like_name(text: str) -> bool:
    """A quoted phrase that reads as a name, not as an adjective or a figure of speech."""
    if (
        len(text) < 2
        or re.fullmatch(r"[\d.%]+|.{0,3}化|[一二三四五六七八九十]+[个大项端对]?|[\dNnX+＋]+|\d+个\d+", text)
        or re.match(r"[一二两三四五六七八九十]+[个大项对]|[两三四五六七八九十]+[张条类批支套步]", text)
    ):
        return False
    # "“国字号”“省字号”荣誉称号": a rank of honours, not one honour
    return not re.search(r"(为人而转|最后一公里|卡脖子|一把手|一盘棋|一站式|不打烊|硬核|^.字号$)", text)


# A plan's numbered heading that is a name alone ("(一)中小企业数字化转型扩面行动").
_HEADING = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9+]{4,24}?(?:专项行动|行动|工程))[。.]?\s*$"
)


def _heading(sentence: str) -> list[ProgrammeHit]:
    """A numbered heading that names an action or a 工程 of a plan (SCHEMA.md: named actions are
    programmes; a verb-led task heading (加强技术创新) names none).

    >>> [h.name for h in _heading("(一)中小企业数字化转型扩面行动")], _heading("(二)加强技术创新")
    (['中小企业数字化转型扩面行动'], [])
    """
    m = _HEADING.match(sentence)
    if m is None:
        return []
    name = m.group("name")
    words = segment(name)
    if NOT_A_PROGRAMME.search(name) or (words and words[0].tag in ("v", "vd", "d", "ad")):
        return []
    return [ProgrammeHit(name, m.start("name"), m.end("name"))]


# "以全域数字化转型为主线": a reform or action the text makes the main line of its work.
_FRAMED_NAME = re.compile(
    r"以(?P<name>[\u4e00-\u9fff]{2,12}?(?:数字化转型|改革|行动|工程|战略))为(?:工作)?(?:主线|重点|抓手|引领|牵引|突破口|主攻方向)"
)


def _framed(sentence: str) -> list[ProgrammeHit]:
    """Unquoted reforms and actions the text makes the main line of its work (SCHEMA.md: named reforms
    and actions are programmes, domain words alone are not).

    >>> [h.name for h in _framed("以全域数字化转型为主线,以项目建设为抓手,以加快经济社会数字化转型为主线")]
    ['全域数字化转型']
    """
    hits = []
    for m in _FRAMED_NAME.finditer(sentence):
        name = m.group("name")
        if len(name) < 5 or NOT_A_PROGRAMME.search(name) or re.match(r"(?:各项|相关|重点|重大)", name):
            continue
        if segment(name)[0].tag in ("v", "vd", "d", "ad"):
            continue  # "以加快经济社会数字化转型为主线": an aim pursued, not a named reform
        hits.append(ProgrammeHit(name, m.start("name"), m.end("name")))
    return hits


_ACTIVITY_LIST = re.compile(
    r"(?:组织|开展|实施|举办)(?P<items>(?:[^,，。;；、]{2,20}、)+[^,，。;；、]{2,20}?)等(?:主题|系列|专项)?(?:活动|行动)"
)


def _listed_activities(sentence: str) -> list[ProgrammeHit]:
    """Items of a list of activities someone organises: "组织数字技能进社区、乡村数字素养提升等主题活动".

    >>> [h.name for h in _listed_activities("举办某某文化旅游节、两岸中秋晚会、数字技能进社区等活动")]
    ['数字技能进社区']
    """
    hits = []
    for m in _ACTIVITY_LIST.finditer(sentence):
        offset = m.start("items")
        for item in re.finditer(r"[^、]+", m.group("items")):
            quoted = re.search(r"“([^”]{2,20})”", item.group(0))
            name = quoted.group(1) if quoted else clean_name(item.group(0))
            # Unquoted, four characters or fewer say what kind of activity it is (干部讲堂, 广场宣传).
            # SCHEMA.md: a named fair, festival, gala or forum held is an `event` project, not a programme.
            if re.search(r"(?:会|节|论坛|峰会|大赛|竞赛|比赛|展)$", name):
                continue
            if (quoted or len(name) > 4) and len(name) <= 20 and not NOT_A_PROGRAMME.search(name):
                hits.append(ProgrammeHit(name, offset + item.start(), offset + item.end()))
    return hits


def _merge(hits: list[ProgrammeHit]) -> list[ProgrammeHit]:
    """Keep one hit per span: scheme concepts first, then the longer name."""
    extended = [c for c in hits if c.concept is not None and any(_extends(h, c) for h in hits)]
    hits = [h for h in hits if h not in extended]
    # SCHEMA.md: a national strategy is the city's own when the city carries it out, as in a title it
    # builds on it ("建成“数字中国”领先城市" → the city runs 数字中国 too).
    carried = [
        ProgrammeHit(c.name, c.start, c.end, c.concept, c.aliases)
        for c in extended
        if c.national and programme_lexicon().concepts[c.concept].top  # type: ignore[index]
    ]
    for c in extended:
        hits = [
            ProgrammeHit(h.name, h.start, h.end, c.concept, (*h.aliases, c.name), h.national, h.place)
            if _extends(h, c)
            else h
            for h in hits
        ]
    hits.sort(key=lambda h: (h.concept is None, -(h.end - h.start), h.start))
    kept: list[ProgrammeHit] = []
    for h in hits:
        overlaps = [k for k in kept if h.start < k.end and k.start < h.end]
        if any(_covers(k, h) for k in overlaps):
            continue
        kept.append(h)
    return sorted(kept + carried, key=lambda h: h.start)


def _covers(kept: ProgrammeHit, hit: ProgrammeHit) -> bool:
    """Whether `hit` says nothing beyond `kept`: inside it, or a scheme concept plus a generic word."""
    if kept.start <= hit.start and hit.end <= kept.end:
        return True
    if kept.concept is None:
        return False
    # The text may name the concept by an alias (智能化改造数字化转型项目 is 智改数转 plus 项目).
    surface = next((n for n in (kept.name, *kept.aliases) if n in hit.name), None)
    rest = hit.name.replace(surface, "", 1) if surface else hit.name
    return not (hit.start <= kept.start and kept.end <= hit.end) or bool(
        re.fullmatch(r"(?:建设|改革|行动|工作|机制|模式|体系|服务|战略|项目)?", rest)
    )


def _extends(longer: ProgrammeHit, concept: ProgrammeHit) -> bool:
    """A new name that carries a scheme concept further ("首席数据官制度+数据管理(保障)科",
    "政府首席数据官制度") names a programme of its own; a domain word before it ("政务服务一网通办") does not."""
    if longer.concept is not None or not (longer.start <= concept.start and concept.end <= longer.end):
        return False
    if (longer.start, longer.end) == (concept.start, concept.end):
        return False
    head = concept.start - longer.start
    return (
        longer.end > concept.end
        and not re.fullmatch(
            r"(?:建设|改革|行动|工作|机制|模式|体系|项目)",
            longer.name[len(longer.name) - (longer.end - concept.end) :],
        )
        or 0 < head <= 2
    )
