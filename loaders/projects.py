"""Projects a sentence names: platforms and apps, parks, centres and facilities, events.

Candidates come from a kind's suffix (平台, 产业园, 数据中心, 峰会), quoted brands and listed items
(loaders/brands.py) and the government-service apps everyone knows (loaders/service_apps.py). Each name starts after its
governing word, read from LAC words (loaders/name_phrases.py), and each candidate is then kept only
if it names one thing: not a kind (政务平台), a count (三个园区, …平台10个), a title a place holds
(国家数字化治理试验区), a layout (“1+N+X”平台) or a body (…中心负责人说), nor said of a kind where
it stands (获评…示范基地, 成为…承载平台: loaders/kinds.py). SCHEMA.md, version 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.brands import find_brands, find_listed
from loaders.gazetteer import load_gazetteer
from loaders.kinds import PROGRAMME_WORDS, after_inner_verb, on_map, programme_named, said_of_a_kind
from loaders.name_phrases import (
    acts_as_body,
    counted,
    in_counted_list,
    inside_word,
    noun_verb_start,
    one_verb,
    outer_places,
    phrase_start,
    place_before,
    used_as_venue,
    verb_ends,
    whole_place,
    whole_proper_word,
)
from loaders.names import APP_KINDS, clean_name, governing_before, mask_titles, name_start
from loaders.records import ProjectKind
from loaders.service_apps import find_service_apps
from loaders.words import Word, segment

_KINDS: tuple[tuple[ProjectKind, str], ...] = (
    # a working meeting is named by its topic and its kind (全市重点项目建设推进会, …工作调度会, …推进电视电话会议, …推进视频会)
    ("event", r"(?:工作|推进|部署|调度|培训|动员|表彰|总结|现场|电视电话|视频)会议|(?:电视电话|视频)会|调度会|培训会|部署会|动员会|表彰会|观摩会|现场会|年货节|购物节|电商节|消费节|文化节|旅游节|艺术节|美食节|大奖赛|锦标赛|推介会|成果展巡展|巡展|成果展|科技周|宣传周|活动周|创新周|科技节|嘉年华|博览会|交易会|峰会|大会|大赛|研讨会|论坛|推进会|座谈会|发布会|对接会|洽谈会|博览|展览会|运动会|灯会|[\u4e00-\u9fff]博会|[\u4e00-\u9fff](?:贸|交|洽|服)会"),
    ("facility", r"骨干直联点|专网|直通光缆|海底光缆|数据湖|信息港|国际机场|工场|数据通道|专用通道|电子政务外网|电子政务内网|电子政务骨干网|骨干网|城域网|超算中心|算力中心|计算中心|数据中心集群|数据中心|云计算中心|创新中心|科学中心|促进中心|实验室|学院|研究院|数据交易所|科技馆|规划馆|展示馆|体验馆|创新馆|展览馆|纪念馆|展示厅|展厅|中心"),
    ("park", r"分园|集聚区|生态园|产业园区|产业园|示范园区?|软件园区|软件园|科技园区|科技园|创新园区?|创业园区?|孵化园区?|科创园区?|创意园区?|数创园|智创园|工业园区|工业园|物流园区?|园区|产业基地|基地|试验区|示范区|先行区|先导区|走廊|大数据谷|数据谷|软件谷|[数云声光芯算链创智硅]谷|科技城|科学城|商务城|生态城|未来城|科技新城|生态新城|产业新城|创新港|高新区|开发区|经开区|(?:临空|空港|航空港|临港)经济区|新区|度假区|保税区|合作区|商务区|港区|小镇|铁路港|陆地港|国际陆港|物流港"),
    # SCHEMA.md: 城市大脑 is a programme; a phase of it built and run (郑州城市大脑三期) is one system
    ("platform", r"大脑[一二三四五六七八九十]期|App|APP|app|平台|中台|政务服务网|网上办事大厅|政务网站|政府网站|门户网站|门户网|门户|信息系统|系统|驾驶舱|小程序|频道|专区|分厅|(?<=服务网)[\u4e00-\u9fff]{2,3}厅|热线|一朵云|政务云|通行证|一张网|运行中枢|(?:政务|服务)超市"),
)  # fmt: skip
_SUFFIX = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS))
# Generic heads: a kind of thing, not a named one ("各类平台", "多层次产业互联网服务平台"); a technology
# names a kind too (数字孪生平台, 人工智能计算中心), not the one a place built.
_GENERIC = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,2}级|街道|街镇|社区|乡镇|企业|高新|村级|镇级|县级|区级|便民|国家|各类|多层次|专题|新闻|一批|多个|若干|相关|有关|重点|特色|综合|公共|专业|多元|新型|新兴|统一|省级|市级|国家级|区域性|区域|全市|全省|全国|各级|政务|业务|工作|辖区|地方|互联网|工业互联网|智慧|"
    r"智能|数字|网络|信息|服务|管理|管控|应用|开放|融合|开发|产业|经济|旅游|农业|绿色|低碳|工业|科技|创新|线上|线下|数字化|信息化|智能化|重要|新版|各个|主|指挥|运营|调度|监测|预警|测试|超级|基础设施|IDC|农产品|物流|"
    r"孵化|众创|创业|双创|研发|直播|零碳|AI|实训|培训|示范|标杆|骨干|龙头|配套|大型|大规模|超大规模|国省|智算|人工智能|数字孪生|资源|生态|制造|项目|展示|体验|城管|高端|高水平|高品质|高质量|高标准|高性能|一流|先进|现代|新一代|交易|技术|底座|"
    r"微信|公众|手机|移动|终端|客户端|掌上|网上|中心|综合性|基础性|公益性|支撑性|枢纽型|交流|合作|电子商务|电商|电子政务|传统|例行|常规|政府|市县|省市|区县|县区|系统|招商|推介|"
    # where a thing stands in a chain or among others, not which one it is (中游算力中心, 省直政务信息系统)
    r"国内|上游|中游|下游|省直|市直|核心|"
    # "数据中心园区": kinds' words one after another name a kind too
    r"数据中心|云计算中心|产业园|软件园|科技园|孵化器)*"
    rf"(?:{'|'.join(p for _, p in _KINDS)}|系统|大脑|云|座谈会)$"
)
# "市开发区智谷和市高新区": a connector right after a complete name ends it.
_CONNECTOR_AFTER_NAME = re.compile(
    rf"(?:{'|'.join(p for _, p in _KINDS)})(?:[一二三四五六七八九十\d]期)?[与和及、]"
)  # …中心二期和…: a phase ends a name too
# A centre that is built and run (计算, 运行管理, 指挥), as opposed to a body (服务中心).
_BUILT_CENTRE = re.compile(
    r"(计算|算力|超算|智算|数据中心|科学中心|创新|研发|运行|运营|指挥|展示|演示|会展|会议中心|博览中心|体验|孵化|灾备|调度|监测|监控|交换|渲染|促进中心|交易中心|网上(?:政务)?服务中心|服务分中心|服务中心[\u4e00-\u9fff]{2,4}分中心)"
)
# A verb that builds what its clause lists (建设数字产业综合服务中心、数字人才培育中心…).
_BUILD_VERB = re.compile(r"(?:建设|建成|建立|筹建|新建|投用|落地|引进)了?(?:[\u4e00-\u9fffA-Za-z0-9“”]+、)*$")
# Verbs that set up an institute or a lab as a thing of the place (筹建, 共建, 推进…学院、实验室).
_SET_UP = re.compile(
    r"(?:建设|建成|建立|筹建|新建|共建|组建|成立|揭牌|打造|投用|落地|引进|引入|推进|布局|获批|依托)"
)
# What a thing (or the list it closes) goes on to do once built: 青禾实验室、某某实验室挂牌运行.
_IN_USE = re.compile(
    r"^(?:、[^、,，。;；]{2,16})*(?:等[^,，。;；]{0,16}?)?(?:于[^,，。;；]{1,12}?)?"  # …系统于今年8月14日正式上线
    r"(?:(?:正式|已|均|相继|先后|陆续)?(?:挂牌|揭牌|投用|投入使用|投入运行|实现应用|建成|落成|落地|开工|上线)|(?:运行|使用)情况)"
)
# A channel of an app (浙里办宁波频道) is a thing of its own, not another name of the app.
_CHANNEL = re.compile(r"(?:频道|专区|分厅|分站)$")
# "等10个“百馆之城”项目": a count before a quoted kind of project.
_COUNTED = re.compile(r"[\d一二三四五六七八九十两百千]+[个项批类]$")
# "作为…的", "是…的": a copula and a description before a quoted kind of project.
_CLASSED = re.compile(r"(?:作为|是|属于|列为)[^,，。;；]*的$")
# Verbs that make, launch or use a thing, so what follows them is its name (开发“郑好办”…); not 运行 of 城市运行“一网统管”中心.
_OPENS = re.compile(
    r"开发|研发|建设|建成|搭建|打造|上线|推出|启用|部署|依托|使用|登录|下载|开通|升级|整合|引入|引进"
)
# Degree words LAC reads as adverbs that are a name's own (国家超级计算郑州中心).
_DEGREE = {"超级", "超", "最", "极"}
# What a clause says its subject got (…产业园获评…, …基地入选…); not 成为 (使…平台成为…).
_SUBJECT_OF = re.compile(r"(?:获评|获批|荣获|入选|被评为|被认定为|列入|纳入)")
# A system whose reach the text counts is at work (…会议系统共接入终端1952个).
_AT_WORK = re.compile(r"^(?:共|累计|已|已经)?(?:接入|汇聚|承载|覆盖|联通|连接)[^,，。;；]{0,12}\d")
# What only a building does: its works start, it tops out, opens for business (…中心已开始打桩).
_UNDER_WAY = re.compile(
    r"^(?:项目)?(?:已|正|正在|已经|将|即将|率先|本月底|年底|月底)?(?:开始)?(?:打桩|动建|动工|开工|封顶|竣工|开业|投运|投入运营)"
)
# Verbs that build, launch or roll out a system (建成投用…管理系统, 推广应用…系统, 上线…系统).
_LAUNCH = re.compile(
    r"(?:建设|建成|建立|构建|搭建|开发|研发|上线|投用|启用|部署|推广应用|推出|整合|升级|引入|引进)了?(?:[\u4e00-\u9fffA-Za-z0-9“”]+、)*“?$"
)
# "搭建了全市统一的智慧社区综合服务管理平台", "建设了全省统一的政务服务事项管理系统": the one platform a
# place built or works through, named by what it does; one still to be built (建设全市统一的…平台) is a
# plan's kind of thing.
_UNIFIED = re.compile(r"(?:建成|(?:建设|搭建|建立|打造|上线|开通)了|依托|通过)(?:全市|全省|全区|全县)统一的$")
# What a clause makes a place or a thing into (打造成为…, 建设成为…, 定位为…): a role, not a brand.
_MADE_INTO = re.compile(r"(?:打造成为?|建设成为|建成为|定位为|成为)[^,，;；。“”]*$")
# A verb's result or direction (搭建起, 打造成, 整合进) ends the verb before a name; it opens none.
_COMPLEMENT = re.compile(r"[起成出好完进入到]")
# A system whose build or phase is the topic is one thing (…监控系统建设通过立项审批, …系统三期项目).
_BUILT_AS = re.compile(r"(?:[一二三四五六七八九十\d]+期)?(?:建设|项目|工程)")
# "…平台建设、个旧市数字农业综合服务系统、…等重大项目稳步推进": one of a list the text calls its projects
_LISTED_PROJECT = re.compile(r"(?:[、和及与][^,，。;；、]{2,30})*等(?:重大|重点|一批|信息化)?项目")
# Sectors named by one character each (政产学研, 产学研用金): who meets on a platform, not its brand.
_SECTORS = re.compile(r"[政产学研用金企校商医银]{3,}")
# "(以下简称“青禾试验区”)": the short form a text gives a name it goes on to use.
_SHORT_FORM = re.compile(r"[(（](?:以下)?简称“?(?P<short>[^“”()（）]{2,12}?)”?[)）]")
# A government body inside a centre's name makes the centre one of its units (…管理局数字指挥中心).
_BODY_INSIDE = re.compile(r"(?:局|政府办|办公室|管委会|委员会)(?=[\u4e00-\u9fff]{2})")
# Networks are kinds of infrastructure (物联感知网、量子通信城域网…等新技术基础设施) unless built.
_NETWORKS = {"电子政务外网", "电子政务内网", "电子政务骨干网", "骨干网", "城域网"}
# Work on a place's own network (…外网升级改造, …外网接入点位) says it exists there.
_WORKED_ON = re.compile(r"(?:升级|改造|扩容|接入|覆盖)")
# Every place runs its own e-government network and cloud (SCHEMA.md: 沈阳市电子政务外网); a city
# holds at most one backbone direct-connection point, so 国家级互联网骨干直联点 there is that one.
_OWN = re.compile(r"电子政务|政务云$|政务服务网$|骨干直联点$")
# Work a place does on its own network: it builds, completes, improves or runs it.
_OWN_WORK = re.compile(r"(?:构建|建设|建成|完善|优化|升级|加快|统筹|打造|筑牢)")
_LAYOUT = re.compile(r"^[\dA-Za-z+＋]*[\d+＋][\dA-Za-z+＋]*(?:平台|体系|App|APP)?$")
# "三级平台、五级应用": levels of a layout, not a name (SCHEMA.md: numeric layouts are not projects).
_LEVELS = re.compile(r"^[一二三四五六七八九十两\d]+级")
# A page's source line, breadcrumb or site header names the site that shows the page, no project of it.
_CHROME_BEFORE = re.compile(r"(?:来源|稿源|出处)\s*[:：]\s*[^,，。;；:：]{0,12}$|>>?\s*$")
_CHROME_AFTER = re.compile(r"\s*(?:>>?|(?:www\.|https?://))")
# "整个园区", "该平台": a thing referred back to, not named; "又一重要平台": one more of a kind, described.
_DETERMINER = re.compile(r"^(?:整个|该|这个|这些|这一|此|其|上述|相关|所属|各类)|^一(?=重要|个|座|种|批|流)")
# Words that take in every one of a kind or an unnamed few (所有审批业务系统, 其他政务平台).
_ALL_OF = re.compile(r"(?:所有|全部|各类|各个|各种|其他|其它|若干|诸多|众多)的?$")
# "自首届峰会以来", "本届大会": an event referred to by its edition, not by name.
_ORDINAL_EVENT = re.compile(
    r"^[自从]?(?:首届|本届|历届|上届|每届|第[一二三四五六七八九十\d]+届)|(?:首场|第[一二三四五六七八九十\d]+场)"
)
# An edition or a year before an event's name (第二十五届软博会, 2023数博会).
_EDITION_BEFORE = re.compile(r"(?:(?:第[一二三四五六七八九十\d]+|首)届|20\d\d年?)$")
# Titles a place is named as or works towards (国家数字化治理试验区, 公园城市示范区) are programmes
# (SCHEMA.md: designations); a zone is a park only when it lies somewhere (梅山港区自动驾驶试验区).
_DESIGNATION = re.compile(r"(?:试验区|示范区|先行区|先导区|示范基地|示范园区)$")
# A head noun after a name makes it an aim or an idea (…基地目标, “零废园区”建设理念), SCHEMA.md: designations.
_AIM_AFTER = re.compile(r"^”?(?:建设|创建|发展)?(?:总|总体)?(?:目标|定位|称号|理念)")
# Items of a list closed by a count of parts (…、创新大赛、应用场景发布和闭幕式七个环节).
_PARTS = re.compile(
    r"^(?:[、和及与][^、,，。;；]{1,12}?)*[一二三四五六七八九十两\d]+[个大项]?(?:环节|板块|版块|部分|单元|议程)"
)
# Items of a list of what one building or system holds (集…、…、数据中心六位一体, …于一体).
# …or of the roles a place or a park takes on (承担着…基地、…中心的重任, …六个中心的集合体).
_IN_ONE = re.compile(
    r"^(?:[、和及与][^、,，。;；]{1,12}?)*(?:[一二三四五六七八九十两\d]+位一体|于一体"
    r"|(?:[一二三四五六七八九十两\d]+[个大项][\u4e00-\u9fff]{0,4})?的(?:集合体|综合体|重任|职能|功能|使命|角色))"
)
# A list closed by a count of its kind (…、…和…三大平台): what one thing is made of, where the clause says so.
_COMPONENTS = re.compile(r"^(?:[、和及与][^、,，。;；]{1,16}?)*[一二三四五六七八九十两\d]+[大个项类]")
# "一个…的", "规模最大的": an indefinite article or a superlative and a description before a kind's word.
_DESCRIBED = re.compile(r"(?:一(?:个|座|家|处|条|张|种|类|批)[^,，。;；:：]*|最[\u4e00-\u9fff]{1,3})的$")
# A brand in quotes right after a kind's words, closing its clause (…服务平台“苏企通”,).
# (or going on with what is said of it: …平台“津心办”案例, …平台“津心办”建设按照…)
_APPOSITION = re.compile(
    r"^“(?P<name>[^“”]{2,8})”(?=$|\s|[,，。;；、和及(（]|案例|建设|上线|正式|已|于|自|作为|是|承载|覆盖|累计)"
)


@dataclass(frozen=True)
class ProjectHit:
    """A project named at `start:end` of a sentence."""

    name: str
    kind: ProjectKind
    start: int
    end: int
    aliases: tuple[str, ...] = ()


def ends_on_kind(name: str) -> bool:
    """Whether a name ends on the word of a kind of thing (…中心, …走廊, …项目), not only on a firm's brand.

    >>> ends_on_kind("杭州城西科创大走廊"), ends_on_kind("青禾蓝耘项目"), ends_on_kind("北京蓝耘")
    (True, True, False)
    """
    return _KIND_END.search(name) is not None


_KIND_END = re.compile(rf"(?:{_SUFFIX.pattern}|项目|工程|大厦)$")


# A park two countries build names the partner after 中 and its host in brackets: 中以(上海)创新园,
# 中新(天津)生态城, 中德（蒲江）中小企业合作区.
_PARTNER = re.compile(r"中[\u4e00-\u9fff]$")


def _with_partner(sentence: str, hit: ProjectHit) -> ProjectHit:
    """Return `hit` with the 中X that heads it before a bracketed host (LAC reads 中以 as 中/f 以/p).

    >>> s = "推进中以(上海)创新园建设"
    >>> _with_partner(s, ProjectHit("(上海)创新园", "park", 4, 12)).name
    '中以(上海)创新园'
    """
    if hit.name[:1] not in "(（" or not (partner := _PARTNER.search(sentence, 0, hit.start)):
        return hit
    return replace(hit, name=partner.group(0) + hit.name, start=partner.start())


def find_projects(sentence: str) -> list[ProjectHit]:
    """Return the projects named in one sentence.

    >>> [(h.name, h.kind) for h in find_projects("建成广陵新城软件园、仪征大数据产业园等4个省级产业园区")]
    [('广陵新城软件园', 'park'), ('仪征大数据产业园', 'park')]

    A scale (百亿产业园) describes what is aimed at, and parts joined by + make a way of working:

    >>> find_projects("培育百亿产业园,领略5G+智慧农业+特色小镇的成长")
    []

    Labs and research centres the state names are facilities, named after their field (A与B):


    >>> [h.name for h in find_projects("拥有青禾系统与应用国家工程实验室、青禾数字交换系统工程技术研究中心等平台")]
    ['青禾系统与应用国家工程实验室', '青禾数字交换系统工程技术研究中心']
    >>> [(h.name, h.kind) for h in find_projects("“我的扬州”App注册用户超210万")]
    [('我的扬州App', 'platform')]
    >>> [h.name for h in find_projects("总投资20亿元的重庆现代农业柑橘产业园建成")]
    ['重庆现代农业柑橘产业园']
    >>> [h.name for h in find_projects("在打造京津冀数据服务地、建设“算力之城”和国家级数据标注基地等方面取得突破")]
    ['国家级数据标注基地']
    >>> [h.name for h in find_projects("即“一条主线、三个定位、八项任务、三个园区”,建设国家数字化治理试验区")]
    []
    >>> [h.name for h in find_projects("与您单位联系人进行电话、粤政易等多次沟通")]
    ['粤政易']
    >>> [h.name for h in find_projects("紧扣青禾先进制造业基地目标,一栋12层数据中心楼封顶")]
    []
    >>> [h.name for h in find_projects("青禾区建成投用城市部件全周期管理系统,高峰时段系统运行平稳")]
    ['城市部件全周期管理系统']
    >>> [h.name for h in find_projects("同时建设了全省统一的政务服务事项管理系统,推进新版全流程审批系统与26个系统对接")]
    ['政务服务事项管理系统', '新版全流程审批系统']
    >>> [h.name for h in find_projects("覆盖所有审批业务系统,加强全流程审批系统建设")]
    []
    >>> [h.name for h in find_projects("建成“网上政务超市”和行政审批中介服务超市,改造青禾县现代农业科技馆")]
    ['网上政务超市', '行政审批中介服务超市', '青禾县现代农业科技馆']
    >>> [h.name for h in find_projects("依托青禾县电子政务外网,青禾人工智能重点实验室等研究机构先后落成")]
    ['青禾县电子政务外网', '青禾人工智能重点实验室']
    >>> [h.name for h in find_projects("构建区市县乡村五级全覆盖的电子政务外网,完善自治区政务数据共享交换平台等基础设施")]
    ['电子政务外网', '自治区政务数据共享交换平台']
    >>> [h.name for h in find_projects("以加快电子政务外网、政务云建设为重点,推广量子通信城域网等新技术")]
    ['电子政务外网', '政务云']
    >>> [h.name for h in find_projects("完成大数据安全监测系统的招标与部署,社保信息化系统、养老保险系统实现应用")]
    ['大数据安全监测系统', '社保信息化系统', '养老保险系统']
    >>> find_projects("全疆独立运行政务信息系统1600余个"), find_projects("气候冷凉,温度适合数据中心运行")
    ([], [])
    >>> find_projects("来源:人民网-海南频道"), find_projects("湖南省人民政府门户网站 www.hunan.gov.cn")
    ([], [])
    >>> [h.name for h in find_projects("依托云数据中心,搭建起智慧青禾统一基础平台")]
    ['智慧青禾统一基础平台']
    >>> [h.name for h in find_projects("打造一个布局合理、功能齐全的软件产业园基地,建成青禾软件园")]
    ['青禾软件园']
    >>> [h.name for h in find_projects("研发楼二期已进入施工招标环节,青禾VR中心已开始打桩")]
    ['青禾VR中心']
    >>> [h.name for h in find_projects('市民下载"禾易办"App办理业务')]
    ['禾易办App']
    >>> [h.name for h in find_projects("新增和改造青禾博物馆等10个“百馆之城”项目")]
    []
    >>> [(h.name, h.aliases) for h in find_projects("村民在“禾易办”小程序上申请服务")]
    [('禾易办小程序', ('禾易办',))]
    >>> [h.name for h in find_projects("出席第二十五届软博会,青禾软件园青山分园揭牌")]
    ['第二十五届软博会', '青禾软件园青山分园']
    >>> [h.name for h in find_projects("共建“青禾—华为创新中心”,签约禾云科技·智能制造产业基地")]
    ['青禾—华为创新中心', '禾云科技·智能制造产业基地']
    >>> [h.name for h in find_projects("各区人民政府,青禾经开区、临空经济区管委会,开发区管委会负责同志")]
    ['青禾经开区', '临空经济区']
    >>> [h.name for h in find_projects("政务服务“网购”平台上线,依托省、市一体化大数据平台")]
    []
    >>> [h.name for h in find_projects("交易额“领跑”青禾数据交易所的同类市场")]
    ['青禾数据交易所']
    >>> [h.name for h in find_projects("加快建设青禾数据中心集群,青禾数据中心集群建设领导小组办公室主任说")]
    ['青禾数据中心集群']
    >>> [h.name for h in find_projects("青禾高新区新建青禾智算中心,总投资10亿元")]
    ['青禾高新区', '青禾智算中心']
    >>> [h.name for h in find_projects("上线运行“禾快办”区级专区")]
    ['禾快办区级专区']
    >>> [h.name for h in find_projects("禾博会、茶博会亮点纷呈")]
    ['禾博会', '茶博会']
    >>> [h.name for h in find_projects("重点建设青禾工业园区、青禾高新区两个国家级开发区")]
    ['青禾工业园区', '青禾高新区']
    >>> [h.name for h in find_projects("完善一体化在线政务服务平台功能")]
    ['一体化在线政务服务平台']
    >>> [h.name for h in find_projects("青禾城市大脑三期通过验收并投入运行,推进城市大脑建设")]
    ['青禾城市大脑三期']
    >>> [h.name for h in find_projects("加快建设青禾城市大脑二期")]
    []
    >>> [h.name for h in find_projects("(二)一平台归整,采取综窗+专区模式,打造华中地区最大存算一体数据中心集群")]
    []
    >>> [h.name for h in find_projects("在2023年(第七届)青禾热线大会上")]
    ['青禾热线大会']
    >>> [h.name for h in find_projects("构建“一中心三平台”框架,推进市县平台整合")]
    []
    >>> [h.name for h in find_projects("增强园区发展后劲,围绕算力基础设施、算力服务平台、算力产业载体三个维度")]
    []
    >>> [h.name for h in find_projects("打造青禾大数据产业高地、信息安全产业基地、创新人才聚集地,重要“基地”项目")]
    []
    >>> [h.name for h in find_projects('依托县医院建设"青禾县远程影像诊断中心"和"青禾县远程心电诊断中心"')]
    ['青禾县远程影像诊断中心', '青禾县远程心电诊断中心']
    >>> [h.name for h in find_projects("建设全区统一的移动APP—青禾区政务微信平台")]
    ['青禾区政务微信平台']
    >>> [h.name for h in find_projects("青禾区举行央地协同培育数字产业座谈会,出席特区建立40周年庆祝大会")]
    ['央地协同培育数字产业座谈会']
    >>> [h.name for h in find_projects("青禾县农心农业科技示范园等4家企业完成建设")]
    ['青禾县农心农业科技示范园']
    >>> [h.name for h in find_projects("推动建设“青禾数据湖”,建设“数智青禾”城市运行中枢,通过移动终端APP上报")]
    ['青禾数据湖', '数智青禾城市运行中枢']
    >>> [h.name for h in find_projects("举行青禾先进计算产业园、昆太协同数字经济产业园开工仪式")]
    ['青禾先进计算产业园', '昆太协同数字经济产业园']
    >>> [h.name for h in find_projects("开设“禾企通”惠企政策专区,承办第三届数字政府论坛,完善政策体系平台")]
    ['禾企通惠企政策专区', '第三届数字政府论坛']
    """
    # "内蒙古布局“草原云谷”丨2023数博会": a headline's bar (丨, a CJK character) separates its parts; one
    # mark for one keeps offsets
    sentence = sentence.replace("丨", ",")
    # Web texts quote with straight marks too ("乐享大东"); curly ones, one mark for one, keep offsets.
    sentence = re.sub(r'"([^"\n。！？!?,，;；]{1,16})"', r"“\1”", sentence)
    brands = [ProjectHit(*b) for b in find_brands(sentence)]
    # "作为甲与乙的“山海协作”项目": the quote says what kind of project a thing is (its programme), it
    # names none
    brands = [
        b
        for b in brands
        if not (
            b.name.endswith("项目")
            and (_CLASSED.search(sentence[: b.start]) or _COUNTED.search(sentence[: b.start]))
        )
    ]
    # 政务服务“网购”平台: one common word in quotes before a bare kind's word is a figure of speech;
    # a series of them (探测“天枢”系统、预报“天资”系统) names sibling systems, as a figure is not listed
    brands = [
        b
        for b in brands
        if not (
            re.fullmatch(r"“[^“”]{1,6}”(?:平台|系统|中心|App|APP)", sentence[b.start : b.end])
            and _common_word(sentence, b.start + 1, sentence.index("”", b.start))
            and not _in_series(sentence, b, brands)
        )
    ]
    brands = [b for b in brands if not _SECTORS.fullmatch(b.name)]  # “政产学研用金”: sectors, no brand
    # “全域”+“全景”+“全时”: quoted parts joined by + make one slogan of a way of working (SCHEMA.md: A+B+C)
    brands = [
        b
        for b in brands
        if not (
            re.match(r"\s*[+＋]\s*“", sentence[b.end :]) or re.search(r"”\s*[+＋]\s*$", sentence[: b.start])
        )
    ]
    # "把兰州新区打造成为国家大数据创新应用“试验田”": what a place is made into is a figure of its role
    brands = [b for b in brands if not _MADE_INTO.search(sentence[: b.start])]
    # “放管服”改革平台: a quote a reform or a programme's word follows names that programme, no app
    brands = [
        b
        for b in brands
        if not re.match(
            r"(?:改革|工程|行动|试点|战略|建设)[\u4e00-\u9fff]{0,6}(?:平台|应用)", sentence[b.end :]
        )
    ]
    # 重要“基地”项目, “平台”: a kind's own word in quotes is said of a kind, it is no brand
    brands = [b for b in brands if not any(_SUFFIX.fullmatch(a) for a in (*b.aliases, b.name))]
    # “万亩千亿”新产业平台, “百千万”: a slogan of round numbers is a programme's label, no brand
    brands = [b for b in brands if len(re.findall(r"[十百千万亿]", b.name)) < 2]
    # “AI”展示中心, “5G”: a technology's acronym in quotes is no app's brand
    brands = [b for b in brands if not re.fullmatch(r"[A-Za-z0-9+]{1,4}", b.name)]
    hits = (
        _suffixed(sentence) + brands + [ProjectHit(*b) for b in find_listed(sentence)] + _launched(sentence)
    )
    hits += [ProjectHit(name, "platform", start, end) for name, start, end in find_service_apps(sentence)]
    hits += _owned_projects(sentence)
    hits += _invested_projects(sentence)
    hits += _called(sentence)
    hits += _quoted_apps(sentence)
    hits += _bracketed_members(sentence)
    hits += _ceremonies(sentence)
    hits += _place_brains(sentence)
    hits = _shared_heads(sentence, hits)
    hits = [_without_leading_verb(h) for h in hits if not _linked_generic(h)]
    hits = [_with_partner(sentence, h) for h in hits]
    # "在“秦务员”政务服务平台设置专区": a section set up in a platform is unnamed; the platform is named
    hits = [h for h in hits if not _SET_UP_SECTION.search(h.name)]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[ProjectHit] = []
    for h in hits:
        # "…韶关数据中心集群起步区…开工活动": what a ceremony opens is a thing of its own, named inside
        # it by its kind's word (a quoted theme, “数字丝路”创新应用大赛, stays the event's)
        outer = next(
            (
                k
                for k in kept
                if k.start <= h.start
                and h.end <= k.end
                and not (
                    k.kind == "event" and h.kind != "event" and re.search(rf"(?:{_SUFFIX.pattern})$", h.name)
                )
            ),
            None,
        )
        if (
            outer is not None
            and (outer.start, outer.end) == (h.start, h.end)
            and not _CHANNEL.search(outer.name)
        ):
            # one span read twice (its suffix and its quoted brand: “禾易办”小程序): one name, both aliases
            aliases = (*outer.aliases, *h.aliases, *([h.name] if h.name != outer.name else []))
            kept[kept.index(outer)] = ProjectHit(outer.name, outer.kind, outer.start, outer.end, aliases)
            continue
        if outer is not None and not _is_channel_of(outer, h):
            tail = outer.name.removeprefix(h.name)
            if (
                h.kind == "park"
                and outer.start == h.start
                and outer.kind != "event"
                and re.match(r"[\u4e00-\u9fffA-Za-z]{2,}", tail)
                and not re.match(r"[^\W\d]{0,4}(?:分园|分区|园区|片区|组团)$", tail)
                and not _SUFFIX.fullmatch(tail)  # 泰山数谷产业园: a kind's word after a park's is one name
                # 贵安中电光谷数字产业园: a park heads a thing with a name of its own, not a kind's words
                and not _GENERIC.fullmatch(tail)
                and not _DESIGNATION.search(outer.name)  # …港区自动驾驶试验区: a title, its place no park
                # of parks run on into each other (…产业园科学城会展中心) the first alone is named
                and not any(o.kind == "park" and o.start == h.start and o.end < h.end for o in hits)
            ):
                # "中卫工业园区西部云基地", "…产业园科学城会展中心": a park heading what stands in it is named too
                kept.append(h)
                continue
            if h.name not in outer.aliases and (
                re.fullmatch(r"(?:App|APP|app|平台|小程序|客户端)", tail)
                or (outer.name.startswith(h.name) and h.kind == "platform" and tail != outer.name)
            ):
                # "“郑好办”App", "粤省事移动政务服务平台" name the app 郑好办, 粤省事 too, as later mentions do.
                kept[kept.index(outer)] = ProjectHit(
                    outer.name, outer.kind, outer.start, outer.end, (*outer.aliases, h.name)
                )
            continue
        kept = [k for k in kept if not (h.start <= k.start and k.end <= h.end)]
        prev = kept[-1] if kept else None
        if (
            prev
            and sentence[prev.end : prev.end + 1] in "(（"
            and h.start == prev.end + 1
            and h.kind == prev.kind
        ):
            kept[-1] = ProjectHit(prev.name, prev.kind, prev.start, prev.end, (*prev.aliases, h.name))
            continue
        if (
            prev
            and sentence[prev.end : prev.end + 1] in "(（"
            and h.start == prev.end + 1
            and sentence[h.end : h.end + 1] in ")）"
        ):
            continue  # "江北数据中心(仪征园区)": a bracket right after a name says which site of it, no thing apart
        kept.append(h)
    # SCHEMA.md: numeric frameworks (“1+N+X”平台) are layouts, not names.
    kept = [cut for k in kept if not _LAYOUT.match(k.name) and (cut := _bracket_cut(k)) is not None]
    kept = [k for k in kept if not _part_in_brackets(sentence, k.start, k.end)]
    kept = [k for k in kept if not _signs_as_body(sentence, k)]
    kept = [k for k in kept if not _former_body(sentence, k)]
    kept = [_joined_head(sentence, _with_phase(sentence, k)) for k in kept]
    kept = [_over_bracketed_place(sentence, _proper_word_whole(sentence, k)) for k in kept]
    return [
        ProjectHit(
            k.name,
            k.kind,
            k.start,
            k.end,
            tuple(a for a in dict.fromkeys((*_shortened(sentence, k), *_zone_forms(k))) if a != k.name),
        )
        for k in kept
    ]


def _proper_word_whole(sentence: str, hit: ProjectHit) -> ProjectHit:
    """Return the hit cut to the place or organisation word LAC reads at its end, when only common
    nouns come before that word ("重点区域虹桥商务区": the key area is 虹桥商务区, a name of its own).

    >>> s = "其中重点区域虹桥商务区建成375座"
    >>> _proper_word_whole(s, ProjectHit("区域虹桥商务区", "park", 4, 11)).name
    '虹桥商务区'
    """
    words = [w for w in segment(sentence) if hit.start <= w.start and w.end <= hit.end]
    if (
        len(words) < 2
        or words[-1].end != hit.end
        or words[-1].tag not in ("LOC", "ORG")
        or len(words[-1].text) < 4
        or any(w.tag != "n" for w in words[:-1])
    ):
        return hit
    last = words[-1]
    return ProjectHit(last.text, hit.kind, last.start, hit.end, hit.aliases)


_PLACE_IN_BRACKETS = re.compile(r"[(（](?P<place>[\u4e00-\u9fff]{2,6})[)）]")


_SET_UP_SECTION = re.compile(
    rf"(?:{'|'.join(p for _, p in _KINDS)})(?:设置|开设|开通|设立|增设|上线|推出)了?(?:专区|频道|分厅|分站|专栏)$"
)


def _over_bracketed_place(sentence: str, hit: ProjectHit) -> ProjectHit:
    """Return the hit widened over the name before a bracketed place it starts with.

    "云南新创(大理)工业园区", "中国(福州)物联网开放实验室": the bracket says where the thing stands, inside
    its name, which runs on before it.

    >>> s = "记者走访了云南新创(大理)工业园区,目睹了"
    >>> _over_bracketed_place(s, ProjectHit("(大理)工业园区", "park", 9, 17)).name
    '云南新创(大理)工业园区'
    >>> s = "建设(一期)工业园区"
    >>> _over_bracketed_place(s, ProjectHit("(一期)工业园区", "park", 2, 10)).name
    '(一期)工业园区'
    """
    bracket = _PLACE_IN_BRACKETS.match(hit.name)
    if bracket is None or not load_gazetteer().lookup(bracket.group("place")):
        return hit
    first = name_start(sentence, hit.start, extra=_CONNECTOR_AFTER_NAME)
    if first >= hit.start or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z·]{2,12}", sentence[first : hit.start]):
        return hit
    return ProjectHit(sentence[first : hit.end], hit.kind, first, hit.end, (*hit.aliases, hit.name))


def _with_phase(sentence: str, hit: ProjectHit) -> ProjectHit:
    """The hit with the phase that follows its name (国家超级计算深圳中心二期): a phase is built apart.

    >>> _with_phase("国家超级计算深圳中心二期建成", ProjectHit("国家超级计算深圳中心", "facility", 0, 10)).name
    '国家超级计算深圳中心二期'
    """
    phase = re.match(r"[一二三四五六七八九\d]期(?:项目|工程)?", sentence[hit.end :])
    if phase is None or hit.kind == "event":
        return hit
    end = hit.end + phase.end()
    return ProjectHit(hit.name + phase.group(0), hit.kind, hit.start, end, (*hit.aliases, hit.name))


def _joined_head(sentence: str, hit: ProjectHit) -> ProjectHit:
    """The hit with the words 和 joins before it when a place heads them (华亭市数字政府和智慧城市运营指挥中心):
    one centre of two fields, named in full, not a field and a centre.

    >>> s = "成立华亭市数字政府和智慧城市运营指挥中心"
    >>> _joined_head(s, ProjectHit("智慧城市运营指挥中心", "facility", s.index("智慧"), len(s))).name
    '华亭市数字政府和智慧城市运营指挥中心'
    """
    if sentence[hit.start - 1 : hit.start] != "和" or hit.kind == "event":
        return hit
    run = re.search(r"[\u4e00-\u9fff]{4,14}$", sentence[: hit.start - 1])
    if run is None:
        return hit
    places = load_gazetteer().surface_forms()
    for k in range(len(run.group(0)) - 3):
        head = run.group(0)[k:]
        place = next((n for n in range(min(len(head) - 2, 8), 1, -1) if head[:n] in places), None)
        # the words after the place are a field (数字政府), not a thing of its own (…产业园) or a verb's
        if place is not None and _FIELD.fullmatch(head[place:]):
            start = hit.start - 1 - len(head)
            return ProjectHit(sentence[start : hit.end], hit.kind, start, hit.end, (*hit.aliases, hit.name))
    return hit


# A field of work a centre may be named after with another (数字政府和智慧城市…中心).
_FIELD = re.compile(
    r"(?:数字|智慧|智能)?[\u4e00-\u9fff]{0,3}(?:政府|城市|经济|社会|治理|政务|运行|应急|安全)"
)


# "与…研究所、阿里云物联网产业基地、…集团等20家科研院所和企业签约": the list counts bodies and firms, so
# its items are who signs, not things built (SCHEMA.md: companies and institutes act, projects are built).
_ORGANISATIONS = re.compile(
    r"(?:、[^、,，。;；]{2,24}?)*等?\s*(?:\d+|[一二三四五六七八九十两百几多]+)\s*家"
    r"[\u4e00-\u9fff]{0,6}?(?:企业|公司|单位|机构|院所|高校|院校|医院)"
)


def _signs_as_body(sentence: str, hit: ProjectHit) -> bool:
    """Whether the hit is one item of a list the text counts as firms or institutes (…等20家科研院所和企业).

    A lone item so counted (青禾县农心农业科技示范园等4家企业完成建设) is still a thing built.

    >>> s = "与青禾研究所、禾云物联网产业基地、青禾集团等20家科研院所和企业签约"
    >>> _signs_as_body(s, ProjectHit("禾云物联网产业基地", "park", 7, 16))
    True
    >>> s = "青禾县农心农业科技示范园等4家企业完成建设"
    >>> _signs_as_body(s, ProjectHit("青禾县农心农业科技示范园", "park", 0, 12))
    False
    """
    listed = _ORGANISATIONS.match(sentence[hit.end :])
    return listed is not None and ("、" in listed.group(0) or sentence[hit.start - 1 : hit.start] == "、")


# "我局(原信息办、政务服务中心)", "2017年原政务服务中心…被评为": 原 (formerly) names a body renamed or merged
_FORMER = re.compile(r"原(?:[\u4e00-\u9fff]{2,12}、)*$")


def _former_body(sentence: str, hit: ProjectHit) -> bool:
    """Whether a centre is named as a body's former name (原政务服务中心), not as a thing built.

    LAC reads that 原 as a word of its own; in 原平市数据中心 it heads a city's name.

    >>> s = "2017年原政务服务中心被评为优秀等次"
    >>> _former_body(s, ProjectHit("原政务服务中心", "facility", 5, 12))
    True
    >>> s = "原平市数据中心建成"
    >>> _former_body(s, ProjectHit("原平市数据中心", "facility", 0, 7))
    False
    """
    if hit.kind != "facility":
        return False
    at = hit.start + 1 if hit.name.startswith("原") else hit.start
    former = _FORMER.search(sentence[:at])
    if former is None:
        return False
    word = next((w for w in segment(sentence) if w.start == former.start()), None)
    return word is not None and word.text == "原" and word.tag in ("a", "d", "b")


# A zone's short form (三山经开区 of 三山经济开发区): the same zone named again, SCHEMA.md aliases.
_ZONE_FORMS = (
    (re.compile(r"经济技术开发区$|经济开发区$"), "经开区"),
    (re.compile(r"高新技术产业开发区$|高新技术开发区$"), "高新区"),
    (re.compile(r"综合保税区$"), "综保区"),
)


def _zone_forms(hit: ProjectHit) -> tuple[str, ...]:
    """Return the short forms a zone's full name is known by (三山经济开发区 → 三山经开区).

    >>> _zone_forms(ProjectHit("青禾经济技术开发区", "park", 0, 9))
    ('青禾经开区',)
    >>> _zone_forms(ProjectHit("青禾软件园", "park", 0, 5))
    ()
    """
    if hit.kind != "park":
        return ()
    return tuple(pattern.sub(short, hit.name) for pattern, short in _ZONE_FORMS if pattern.search(hit.name))


def _short_form_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Return the span `start:end` of a name widened to the full name its "(以下简称…)" shows it has.

    "骋风而来超大规模人工智能算力中心项目(以下简称骋风而来算力中心项目)": LAC reads 骋风 as a person and
    而来 as a verb, but the short form keeps them, so they head the name; its 项目 ends it too.

    >>> s = "投资的骋风而来超大规模算力中心项目(以下简称骋风而来算力中心项目)开工"
    >>> start, end = _short_form_span(s, 7, 15)
    >>> s[start:end]
    '骋风而来超大规模算力中心项目'
    """
    after = re.match(r"(?P<tail>项目|工程)?(?=”?[(（](?:以下)?简称)", sentence[end:])
    short = _SHORT_FORM.match(re.sub(r"^(?:项目|工程)?”?", "", sentence[end:]))
    if after is None or short is None:
        return start, end
    form = short.group("short")
    tail = after.group("tail")
    # the longest head of the short form the text puts right before the name is the name's own
    reach = max(
        (k for k in range(2, min(len(form), start + 1)) if sentence[start - k : start] == form[:k]), default=0
    )
    return start - reach, end + (len(tail) if tail and form.endswith(tail) else 0)


def _part_in_brackets(sentence: str, start: int, end: int) -> bool:
    """Whether the name at `start:end` is one item of a bracketed list right after another name.

    "大数据平台(资产管理平台、数据安全平台等15个子系统)": the bracket lists what the platform is made
    of (SCHEMA.md: a project is a thing with its own name; its parts are the thing's, as in _IN_ONE).

    >>> s = "完成大数据平台(资产管理平台、数据安全平台等15个子系统)建设"
    >>> _part_in_brackets(s, s.index("资产"), s.index("、")), _part_in_brackets(s, 2, s.index("("))
    (True, False)
    >>> s = "推进“一园一院一室”(青禾产业园、青禾学院、青禾实验室)"
    >>> _part_in_brackets(s, s.index("青禾"), s.index("、"))
    False
    >>> s = "智能传感器产业园(中国传感网创新园)"
    >>> _part_in_brackets(s, s.index("中国"), len(s) - 1)
    False
    """
    opening = max(sentence.rfind("(", 0, start), sentence.rfind("（", 0, start))
    if opening <= 0 or re.search(r"[)）]", sentence[opening:start]):
        return False
    closing = re.search(r"[)）]", sentence[end:])
    whole = sentence[max(0, opening - 6) : opening]
    if closing is None or not any(
        _SUFFIX.fullmatch(whole[k:]) or whole[k:] in ("中台", "底座", "中枢") for k in range(len(whole))
    ):
        return False  # “一园一院一室”(大数据产业园、…): a bracket spelling out a layout lists named things
    return "、" in sentence[opening + 1 : end + closing.start()]


def _bracket_cut(hit: ProjectHit) -> ProjectHit | None:
    """Return the hit named after a bracket it does not close, or None when no kind's name is left.

    "业务中台(感知发现平台、…)": the bracket lists the parts, the first of them is named after it.

    >>> _bracket_cut(ProjectHit("业务中台(感知发现平台", "platform", 0, 11)).name
    '感知发现平台'
    >>> _bracket_cut(ProjectHit("智慧中枢(语音分析", "platform", 0, 9)) is None
    True
    """
    opened = max(hit.name.rfind("("), hit.name.rfind("（"))
    if opened < 0 or re.search(r"[)）]", hit.name[opened:]):
        return hit
    rest = hit.name[opened + 1 :]
    if len(rest) < 4 or not re.search(rf"(?:{_SUFFIX.pattern})$", rest):
        return None
    return ProjectHit(rest, hit.kind, hit.start + opened + 1, hit.end)


def _shortened(sentence: str, hit: ProjectHit) -> tuple[str, ...]:
    """Return a hit's aliases with the short form the text gives it right after its name, if any.

    "升级“禾办通”(以下简称“办通”)": later mentions of 办通 are the same app, not another one.

    >>> s = "升级“青禾一部手机办事通”(以下简称“办事通”),满足需求"
    >>> _shortened(s, ProjectHit("青禾一部手机办事通", "platform", 3, 12))
    ('办事通',)
    """
    after = sentence[hit.end :]
    short = _SHORT_FORM.match(after[1:] if after[:1] in ("”", '"') else after)
    return (*hit.aliases, short.group("short")) if short else hit.aliases


# Words a 项目 of one owner is made of: nouns, verbal nouns and the 和 that joins two of them.
_PROJECT_WORDS = {"n", "nz", "vn", "a", "an", "LOC", "ORG", "c"}
# A project "of the key ones", a pilot or a model is a kind or a title, not one owner's project.
# A province's or city's 重大项目, 招商引资项目 are lists of projects, not one.
_NOT_OWNED = re.compile(r"重点|重大|试点|示范|标杆|典型|优秀|一批|若干|各类|招商|引资|签约")


def _owned_projects(sentence: str) -> list[ProjectHit]:
    """Return the 项目 a company or a place owns by name (恒力某某改造项目, 青禾区智慧城市建设项目).

    SCHEMA.md: a company's named 项目 is a facility. Its name opens with the owner, a company or
    a place LAC reads as one word, and runs over nouns to 项目.

    >>> [h.name for h in _owned_projects("青禾科技数字化改造项目、15个重点项目现场签约")]
    ['青禾科技数字化改造项目']
    >>> [h.name for h in _owned_projects("推进楚雄智慧城市项目")]
    []
    >>> [h.name for h in _owned_projects("实施重点项目建设")]
    []
    """
    words = segment(sentence)
    # "《某市信息化项目建设管理办法》": a project word inside a cited title is the title's
    titles = [(t.start(), t.end()) for t in re.finditer(r"《[^》]*》", sentence)]
    hits = []
    for i, word in enumerate(words):
        if word.text != "项目" or i == 0 or any(a <= word.start < b for a, b in titles):
            continue
        j = i
        while j > 0 and words[j - 1].tag in _PROJECT_WORDS and words[j - 1].end == words[j].start:
            j -= 1
        owners = [k for k in range(j, i) if words[k].tag in ("ORG", "LOC")]
        if not owners or words[owners[0]].text.endswith(("局", "委", "办", "政府", "部", "厅")):
            continue
        if words[owners[0]].tag == "ORG" and len(words[owners[0]].text) < 3:
            continue  # 电信普遍服务项目: a trade's short name, no owner
        first = words[owners[0]]
        name = sentence[first.start : word.end]
        if (
            len(name) < 7
            or _NOT_OWNED.search(name)
            # "推进楚雄智慧城市项目": a place's work in a domain (SCHEMA.md: bare domain words name no
            # programme), not one project; 青禾区智慧城市建设项目 is the project its plan sets up
            or re.fullmatch(
                r"(?:新型)?(?:智慧城市|数字政府|数字乡村|数字经济|智慧社会|数字社会)项目",
                sentence[first.end : word.end],
            )
            or words[i - 1].tag == "c"
            or counted(sentence, first.start, word.end)  # 新引进…项目92个: a count of a kind
            # "…云数据中心项目", "…产业园及配套设施项目": the centre or park, found by its own suffix; a
            # zone that only locates what the project builds (…东丽经开区数字产业集群项目) leaves it its own
            or _park_is_project(sentence[first.start : word.start])
        ):
            continue
        hits.append(ProjectHit(name, "facility", first.start, word.end))
    return hits


# "投资50亿元的中伟新能源项目": a project named after the sum put into it is one owner's, whatever
# LAC makes of the firm's name (SCHEMA.md: a company's named 项目 is a facility).
_INVESTED = re.compile(
    r"投资(?:额)?(?:约|超|近|逾)?\d+(?:\.\d+)?(?:万|亿)元?的(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,16}?项目)(?=[、,，。;；和及等]|$)"
)


def _invested_projects(sentence: str) -> list[ProjectHit]:
    """Return the 项目 named right after the sum invested in each (投资50亿元的中伟新能源项目).

    >>> [h.name for h in _invested_projects("还有投资50亿元的中伟新能源项目、投资24亿元的沃特玛项目等")]
    ['中伟新能源项目', '沃特玛项目']
    >>> _invested_projects("投资10亿元的重点项目、投资5亿元的一个项目")
    []
    """
    return [
        ProjectHit(m.group("name"), "facility", m.start("name"), m.end("name"))
        for m in _INVESTED.finditer(sentence)
        if not _NOT_OWNED.search(m.group("name"))
        and not re.match(r"(?:[一二两三四五六七八九十\d]+个|各|该|这|此|其他|相关)", m.group("name"))
        # (…生产基地项目, …数据中心项目: the base or centre, found by its own suffix)
        and not _SUFFIX.search(m.group("name").removesuffix("项目"))
    ]


def _park_is_project(before: str) -> bool:
    """Whether the words before 项目 end in a kind's name, so that the project is that thing.

    >>> _park_is_project("青禾软件园及配套设施"), _park_is_project("中国电信青禾经开区数字产业集群")
    (True, False)
    """
    last = next(reversed(list(_SUFFIX.finditer(before))), None)
    if last is None:
        return False
    rest = before[last.end() :]
    return not (
        last.group("park")
        and re.fullmatch(r"(?:高新区|开发区|经开区|新区)", last.group(0))
        and len(rest) >= 4
        and not re.match(r"[及和与、(（]|[一二三四五六七八九十\d]期", rest)
    )


# Quoted names, one after another, that the clause then says went live (“政务云”“某某云”等相继在某市上线).
# "“青禾云”“禾易办”等相继上线", "《乡聚云》上线发布仪式", "“报表通”建好用实": a name in quotes or title marks that goes live
# is an app's (a document is issued, it does not go live)
_LAUNCHED = re.compile(
    r"(?P<items>(?:[“《][^“”《》]{2,10}[”》][、和及与]?)+)等?(?:相继|先后|陆续|已|正式)*(?:在[\u4e00-\u9fff]{2,6})?(?:上线|上架|投用|投入使用|开通|试运行|建好用实|建成投用|建成上线)"
)


# "一款名为“顺德百事通”的APP上线": the quoted name a kind's word is given is that app's own
_CALLED = re.compile(
    r"(?:名为|名叫|叫做|称为|取名为?)“(?P<name>[^“”]{2,12})”的(?:手机|移动)?(?P<kind>App|APP|app|小程序|客户端|平台|系统)"
)


# "在“全省事APP”开设专区": an app quoted with its kind's word inside the quotes is named by all of it.
# (two letters of a brand at least before the kind's word: “省事APP”, not “APP”)
_QUOTED_APP = re.compile(rf"“(?P<name>[^“”]{{0,8}}[\u4e00-\u9fffA-Za-z]{{2}}{APP_KINDS})”")


def _quoted_apps(sentence: str) -> list[ProjectHit]:
    """Return the apps quoted whole with their kind's word, however short or common their brand.

    >>> [(h.name, h.kind) for h in _quoted_apps("黑龙江省在“全省事APP”开设专区,推广“省事小程序”")]
    [('全省事APP', 'platform'), ('省事小程序', 'platform')]
    """
    return [
        ProjectHit(m.group("name"), "platform", m.start("name"), m.end("name"))
        for m in _QUOTED_APP.finditer(sentence)
    ]


# "建成3个平台(公共信息平台、运营服务平台和应用支撑平台)": a count of one kind, its members named in brackets.
_COUNTED_MEMBERS = re.compile(
    r"(?:\d+|[两二三四五六七八九十]+)(?:个|大|项|套)(?P<kind>[\u4e00-\u9fff]{1,3})[(（](?P<items>[^()（）]{4,90})[)）]"
)


def _bracketed_members(sentence: str) -> list[ProjectHit]:
    """Return the things a count of one kind names in brackets after it, each ending in that kind's word.

    >>> [(h.name, h.kind) for h in _bracketed_members("建成3个平台(公共信息平台,运营服务平台和应用支撑平台)")]
    [('公共信息平台', 'platform'), ('运营服务平台', 'platform'), ('应用支撑平台', 'platform')]
    >>> _bracketed_members("创建3个示范区(含2个省级)")
    []
    """
    hits = []
    for m in _COUNTED_MEMBERS.finditer(sentence):
        if not _SUFFIX.fullmatch(m.group("kind")):
            continue
        offset = m.start("items")
        for item in re.finditer(r"[^、,，和及与;；]+", m.group("items")):
            name = item.group(0).strip()
            suffix = _SUFFIX.search(name)
            if len(name) >= 4 and name.endswith(m.group("kind")) and suffix and suffix.end() == len(name):
                kind = next(k for k, _ in _KINDS if suffix.group(k))
                hits.append(ProjectHit(name, kind, offset + item.start(), offset + item.end()))
    return hits


def _called(sentence: str) -> list[ProjectHit]:
    """Return the apps and platforms a sentence names with 名为“…”的App.

    >>> [(h.name, h.aliases) for h in _called("4年前,一款名为“禾事通”的APP上线")]
    [('禾事通', ('禾事通APP',))]
    """
    return [
        ProjectHit(
            m.group("name"), "platform", m.start("name"), m.end("name"), (m.group("name") + m.group("kind"),)
        )
        for m in _CALLED.finditer(sentence)
        if not PROGRAMME_WORDS.search(m.group("name"))
    ]


def _launched(sentence: str) -> list[ProjectHit]:
    """Return the quoted names a clause says went live: apps and clouds named by brand alone.

    >>> [h.name for h in _launched("“青禾云”“禾易办”等相继在青禾上线")]
    ['青禾云', '禾易办']
    >>> [h.name for h in _launched("推动基层数据“禾报通”建好用实")]
    ['禾报通']
    """
    hits = []
    for m in _LAUNCHED.finditer(sentence):
        for q in re.finditer(r"[“《](?P<name>[^“”《》]{2,10})[”》]", m.group("items")):
            name = q.group("name")
            if PROGRAMME_WORDS.search(name) or re.fullmatch(r"[A-Za-z0-9+]{1,4}", name):
                continue
            start = m.start("items") + q.start()
            hits.append(ProjectHit(name, "platform", start, start + len(q.group(0))))
    return hits


# What says a city brain went live, in its clause before it (上线日照城市大脑) or right after it
# (金寨县“城市大脑”正式建成, 郑州城市大脑三期通过验收).
_LIVE_BEFORE = re.compile(r"(?:建成|上线|投用|启用|升级)了?$")
_LIVE_AFTER = re.compile(
    r"(?:项目|工程)?(?:日前|已|已经|正式|顺利|全面)?(?:通过验收|投入运行|投入使用|上线|建成|投用|运行)"
    # at work already: it has gathered or linked up what it runs on (安吉“城市大脑”已归集44个部门…数据表)
    r"|(?:已|已经|累计)(?:归集|汇聚|接入|打通|集成)"
)


def _went_live(sentence: str, start: int, end: int) -> bool:
    """Whether the clause says the system at `start:end` went live, not that it is still to be built."""
    return bool(_LIVE_BEFORE.search(clause_before(sentence, start)) or _LIVE_AFTER.match(sentence, end))


def _place_brains(sentence: str) -> list[ProjectHit]:
    """Return a city brain its place's name heads, when the clause says it went live: SCHEMA.md's named
    system built under the 城市大脑 programme (the programme alone is no project).

    >>> [h.name for h in _place_brains("2021年6月,在全省率先整体发布上线日照城市大脑,已归集系统155个")]
    ['日照城市大脑']
    >>> [[h.name for h in _place_brains(t)] for t in ("金寨县“城市大脑”正式建成并投入运行", "推进日照城市大脑建设")]
    [['金寨县城市大脑'], []]
    >>> [h.name for h in _place_brains("目前,湖州城市数字大脑已上线智慧医保等典型应用")]
    ['湖州城市数字大脑']
    """
    hits = []
    gaz = load_gazetteer()
    # (an adverb after it opens what it did: 湖州城市数字大脑已上线…; other words run on into a longer name)
    for m in re.finditer(
        r"“城市(?:数字)?大脑”|城市(?:数字)?大脑(?:(?![\u4e00-\u9fff“])|(?=已|正式|日前|顺利|全面))", sentence
    ):
        start = next(
            (a for a in range(max(0, m.start() - 8), m.start() - 1) if gaz.lookup(sentence[a : m.start()])),
            None,
        )
        if start is None:
            continue
        if _went_live(sentence, start, m.end()):
            hits.append(ProjectHit(clean_name(sentence[start : m.end()]), "platform", start, m.end()))
    return hits


# A held ceremony named by what is done at it (…科技园启用暨战略合作签约活动举行, 组织…发布推广活动),
# or a session or stop of a named series (…沙龙数字经济专场活动, …城市行北京站活动 在…举行):
# SCHEMA.md events are named gatherings; a bare 活动 (开展志愿服务活动, 6场专题活动) names none.
_CEREMONY = re.compile(
    r"(?:(?P<verb>举行|举办|组织|召开)了?|(?:^|(?<=[,，;；。]))(?:[今昨][天日](?:上午|下午|晚上)?,)?)"
    r"(?P<name>[^,，。;；、“”《》\s]{4,30}?(?:发布|推广|签约|启用|揭牌|启动|开幕|开工|授牌|颁奖|专场|站)活动)"
    r"(?(verb)|(?=(?:在[^,，。;；]{2,12})?(?:举行|举办|召开)))"
)


def _ceremonies(sentence: str) -> list[ProjectHit]:
    """Return the ceremonies a clause holds by name: what is launched, signed or opened at them.

    >>> [h.name for h in _ceremonies("今天上午,青禾科技园启用暨战略合作签约活动举行")]
    ['青禾科技园启用暨战略合作签约活动']
    >>> [h.name for h in _ceremonies("上半年组织青禾数据制度建设发布推广活动,集中展示成效")]
    ['青禾数据制度建设发布推广活动']
    >>> [h.name for h in _ceremonies("5月8日,全市青年创客沙龙人工智能专场活动在新区举行")]
    ['全市青年创客沙龙人工智能专场活动']
    >>> [h.name for h in _ceremonies("开展党员志愿服务活动")]
    []
    """
    hits = []
    for m in _CEREMONY.finditer(sentence):
        name = m.group("name")
        if _DETERMINER.match(name) or re.match(r"[一二三四五六七八九十两\d]+[场次项个]", name):
            continue
        hits.append(ProjectHit(name, "event", m.start("name"), m.end("name")))
    return hits


def _common_word(sentence: str, start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is one common word (平台“基础”, “底座”), not a brand (“苏企通”).

    >>> s = "夯实青禾服务平台“基础”,搭建政务服务平台“禾企通”"
    >>> _common_word(s, s.index("基础"), s.index("基础") + 2)
    True
    """
    words = [w for w in segment(sentence) if start <= w.start and w.end <= end]
    return (
        len(words) == 1
        and (words[0].start, words[0].end) == (start, end)
        and words[0].tag in ("n", "vn", "v", "a", "an", "ad")
    )


def built_before(text: str) -> bool:
    """Return whether `text`, the words before a name, says the thing was built (…建设的, 建成运行的).

    >>> built_before("以投资5亿元建设的"), built_before("去年建成运行的"), built_before("负责建设的单位是")
    (True, True, False)
    """
    return bool(
        re.search(r"(?:建成|建设|新建|投建|投用|投入使用|上线|开发|研发)(?:运行|投用|使用|上线)?的$", text)
    )


def _in_series(sentence: str, hit: ProjectHit, hits: list[ProjectHit]) -> bool:
    """Whether `hit` is listed next to another quoted name of the same kind (“天枢”系统、…“天资”系统).

    >>> s = "包括探测“天枢”系统、预报“天资”系统"
    >>> hits = [ProjectHit("天枢系统", "platform", 4, 10), ProjectHit("天资系统", "platform", 13, 19)]
    >>> _in_series(s, hits[0], hits), _in_series(s, hits[0], hits[:1])
    (True, False)
    """
    kind_word = sentence[sentence.index("”", hit.start) + 1 : hit.end]
    for other in hits:
        if other is hit or not sentence[other.start : other.end].endswith("”" + kind_word):
            continue
        left, right = sorted((hit, other), key=lambda h: h.start)
        if re.fullmatch(r"[、和及与][\u4e00-\u9fff]{0,6}", sentence[left.end : right.start]):
            return True
    return False


def _is_channel_of(channel: ProjectHit, brand: ProjectHit) -> bool:
    """ "浙里办宁波频道", "“渝快办”区级专区" are channels of 浙里办, 渝快办: both are projects."""
    return bool(
        _CHANNEL.search(channel.name) and channel.name.startswith(brand.name) and channel.name != brand.name
    )


def _inside_quoted_word(masked: str, start: int, end: int) -> bool:
    """Whether the kind's word at `start:end` lies inside a quoted word that runs on past it (“园区办”).

    >>> s = "实现企业事项“园区办”"
    >>> _inside_quoted_word(s, s.index("园区"), s.index("办"))
    True
    >>> s = "建成“青禾数据中心”和“禾云平台二期”"
    >>> _inside_quoted_word(s, s.index("数据中心"), s.index("”")), _inside_quoted_word(s, s.index("平台"), s.index("二期"))
    (False, False)
    """
    if masked.rfind("“", 0, start) <= masked.rfind("”", 0, start):
        return False
    rest = re.match(r"([\u4e00-\u9fffA-Za-z]{1,4})”", masked[end:])
    return rest is not None and not re.search(rf"期|{_SUFFIX.pattern}", rest.group(1))


def _suffixed(sentence: str) -> list[ProjectHit]:
    """Names ending in a kind's suffix (平台, 产业园, 数据中心, 峰会), each kept only if it names one thing."""
    hits = []
    masked = mask_titles(sentence)
    matches = list(_SUFFIX.finditer(masked))
    for i, m in enumerate(matches):
        end = m.end()
        after = matches[i + 1] if i + 1 < len(matches) else None
        run_on = (
            after is not None
            and re.fullmatch(r"[^\W和与及等暨的或在是为将到这]{0,4}", masked[end : after.start()])
            # "…科研创新平台三大平台": a count of the kind after a name ends it
            and not re.match(r"[一二三四五六七八九十两\d]+[大个项类]", masked[end : after.start()])
        )
        # "安徽政务服务网涡阳分厅": a channel of a platform names the platform too (SCHEMA.md: both are projects)
        channel = after is not None and _CHANNEL.fullmatch(after.group(0)) and after.start() > end
        if run_on and not m.group("park") and not channel:
            continue  # "…产业园科学城会展中心": a suffix running on into another is inside a longer name
        # A park heading a longer name stays a candidate: when the longer one names no thing
        # (罗山科技园产业集聚中心, a body), the park it lies in is still named; when it does, the
        # longer name holds it (find_projects keeps the outer one). "数据中心运营商", "A级数据中心标准":
        # the kind's word names a company's trade (运营商, 服务商) or a standard, no thing; 中国政府网站评估 an assessment of a kind.
        in_word = re.match(
            r"(企业|公司|经济|体系|新?模式|新?机制|业务|资源|数据|集群|产品|城市|计算|服务|网络|平台|楼|大楼|大厦|运营商|服务商|供应商|提供商|厂商|标准|规范|评估|评价|评比|测评)",
            masked[end:],
        ) or (re.match(r"[型化性率量数费端层侧间内议堂]", masked[end:]) and inside_word(sentence, end))
        # LAC reads 区内 as a word, but a zone has an inside (示范区内的…谷)
        # "中电光谷联合控股有限公司": a kind's word a company's name runs on from is that company's
        in_word = in_word or re.match(
            r"[\u4e00-\u9fff]{0,4}?(?:有限公司|有限责任公司|股份|控股|集团)", masked[end:]
        )
        # "德阳生态城市新区": a kind's word in 城 that runs on into 城市 is inside that word
        in_word = in_word or (m.group(0).endswith("城") and masked[end : end + 1] == "市")
        if in_word and not (m.group("park") and masked[end : end + 1] == "内"):
            continue  # the suffix word is inside a longer word (平台企业, 平台数, 园区化), not 软件园数字化升级
        if m.group(0) == "分厅" and masked[m.start() - 1 : m.start()] in ("级", "”", ""):
            continue  # 均已开通“天府蓉易办”区级分厅: a hall named by its level is each place's, no one thing
        if _inside_quoted_word(masked, m.start(), end):
            continue  # 实现企业事项“园区办”: the kind's word is inside a quoted word that ends otherwise
        if m.group("facility") and re.match(
            r"(?:管理)?(?:办公室|办)(?![\u4e00-\u9fff]{0,2}[楼室])", masked[end:]
        ):
            continue  # "市政务服务中心管理办公室制定…": the centre heads a body's name (an agency)
        # "云霄经济开发区管委会", "临空经济区管委会": a named zone heading its body's name is that body's
        # zone, a park of its own (SCHEMA.md: zones are parks and their 管委会 an agency); bare kinds
        # (开发区管委会) fall to the generic test below
        if m.group("facility") and re.match(r"(?:建设)?(?:工作)?(?:领导小组|指挥部|专班)", masked[end:]):
            continue  # "韶关数据中心集群建设领导小组办公室": what a body is set up for heads its name
        kind = next(k for k, _ in _KINDS if m.group(k))
        anchor = m.start() - 1 if m.start() > 0 and sentence[m.start() - 1] == "“" else m.start()
        first = name_start(sentence, anchor, extra=_CONNECTOR_AFTER_NAME, suffix_follows=kind == "event")
        cut = governing_before(sentence, first)
        split = next(
            (
                w
                for w in segment(sentence)
                if cut and w.start < first - cut and w.end == first and w.tag != "w"
            ),
            None,
        )
        if split is not None:
            # "中欧数字与绿色可持续发展大会": a governing word read inside a longer word (持续 of 可持续)
            # governs nothing; the name runs on back over that word
            first = name_start(sentence, split.start, extra=_CONNECTOR_AFTER_NAME)
        inner = noun_verb_start(sentence, first)
        if inner is not None and kind != "event":
            # "青禾政务信息发布平台": the listed verb 发布 is a verbal noun of the name, not its governor;
            # with one noun before it (搭建供需对接平台) it names a kind of thing, as before.
            earlier = name_start(sentence, inner, extra=_CONNECTOR_AFTER_NAME)
            first = earlier if earlier < inner else first
        proper = whole_proper_word(sentence, first)
        head = next((w for w in segment(sentence) if w.start == proper), None)
        if proper == first - 1 and head is not None and head.tag not in ("ORG", "nz", "PER", "LOC"):
            # "一体化在线政务服务平台": a function character that heads a word (在线) joins the name, and
            # so do the name's words before it
            proper = name_start(sentence, proper, extra=_CONNECTOR_AFTER_NAME)
        first = whole_place(sentence, proper)
        # LAC words find the governing verb, count or conjunction a list of words misses (承接…基地).
        start = whole_place(sentence, phrase_start(sentence, first, m.start()))
        if (
            (sentence[first - 1 : first] == "、" or verb_ends(sentence, first))
            and one_verb(sentence, first, start)
            and not _COMPLEMENT.fullmatch(sentence[first:start])
        ):
            start = first  # a list item's verb is the first item's: 并行 of “…、并行科技…基地” is in the name
        if (
            sentence[first - 1 : first] == "“"
            and sentence[end : end + 1] == "”"
            and not re.match(r"[一二三四五六七八九十两\d]", sentence[first:])
        ):
            start = first  # “思明数字驾驶舱”: the quotes bound the name, whatever LAC reads inside
        opening = sentence.rfind("“", 0, m.start())
        if (
            sentence[end : end + 1] == "”"
            and 0 <= opening < start
            # a phrase with 的 in it (“指尖上的政务服务中心”) is a slogan, not a name
            and not re.search(r"[“”,，。;；、的]", sentence[opening + 1 : start])
            and not re.match(r"[一二三四五六七八九十两\d]", sentence[opening + 1 :])
        ):
            start = opening + 1  # “德阳—华为工业互联网创新中心”: a dash inside the quotes is the name's own
        # An event title may carry a cited title in 《》: 《…规划》新闻发布会.
        title = re.search(r"《[^》]+》$", sentence[max(0, start - 60) : start])
        if kind == "event" and title:
            start -= len(title.group(0))
        summits = [
            e
            for e in matches[:i]
            if e.group("event") and start < e.end() <= m.start() - 5 and sentence[e.end()] not in "·—-("
        ]  # 峰会·数字政府分论坛 joins the two in one name
        if kind == "event" and summits:
            # "…乌镇峰会浙江省“…”专题发布会": a session held at the summit, not its name
            start = summits[-1].end()
        bracket = max(sentence.rfind("(", start, end), sentence.rfind("（", start, end))
        if bracket > start and ")" not in sentence[bracket:end] and "）" not in sentence[bracket:end]:
            start = bracket + 1  # "智能传感器产业园(中国传感网创新园)": the bracket names its own
        quoted_list = re.search(r"“[一二三四五六七八九十\d][^“”]*、[^“”]*”", sentence[start:end])
        if quoted_list:
            start += quoted_list.end()  # "“三级平台、五级应用”城市大脑信息系统": the quote is a layout
        dash = sentence.rfind("——", start, m.start())
        if dash >= 0:
            start = dash + 2  # "青禾的智能中枢——青禾城市计算中心": the dash gives the thing its name
        single = sentence.rfind("—", start, m.start())
        if (
            single > start
            and any(_SUFFIX.fullmatch(sentence[k:single]) for k in range(max(start, single - 6), single))
            # "苏州工业园区—相城区合作经济开发区": a zone two partners run together is named by both
            and not re.search(r"合作|协作", sentence[single + 1 : m.start()])
        ):
            start = (
                single + 1
            )  # "统一的政务侧移动APP—青禾政务微信平台": a kind's word and a dash say what it is
        start += outer_places(sentence[start:end])
        start += _locating_chain(sentence[start:end])
        start += _before_region(sentence[start:end])
        if kind != "event":
            # "今年3月湾沚区市民服务中心…大厅正式对外开放": a date heading the clause says when, not which
            dated = next((w for w in segment(sentence) if w.start == start and w.tag == "TIME"), None)
            start = dated.end if dated is not None and dated.end < m.start() - 1 else start
        if kind == "event":
            # "举行央地协同培育数字生态产业座谈会": the holding verb governs the whole title; a verb LAC
            # reads inside it (培育) is the title's own
            reach = max(0, start - 24)
            holds = list(re.finditer(r"(?:举行|召开|举办|参加)了?", sentence[reach:start]))
            held_from = reach + holds[-1].end() if holds else start
            edition = re.match(r"(?:第?[一二三四五六七八九十\d]+|首)届", sentence[held_from:start])
            held_from += edition.end() if edition else 0  # 举办第二届…大会: the edition is read apart
            if (
                start - held_from >= 3
                # a quoted word inside a title is the title's own (…开工“一件事”工作推进暨业务培训会议)
                and not re.search(
                    r"[,，。;；、的“”《》:：\s]",
                    re.sub(r"“[^“”,，。;；]{1,12}”", "", sentence[held_from:start]),
                )
                # 召开本场新闻发布会, 召开成立大会: a determiner or one verb before a kind's word names none;
                # 全市/全省 is the title's own reach (SCHEMA.md keeps 全市重点项目建设推进会 whole)
                and not re.match(r"[本该此这那每各]|全(?![市省区县州])", sentence[held_from:])
                # 举办上海汽车文化节和F1中国大奖赛: the verb holds two events, each named by its own kind
                and not _CONNECTOR_AFTER_NAME.search(sentence, held_from, start)
            ):
                start = held_from
            # "在全市数字政府建设工作推进会上", "贯彻落实全市重点项目建设推进会…精神": the reach word opens
            # the title LAC cuts at a noun inside it (SCHEMA.md keeps 全市重点项目建设推进会 whole)
            reach = max(0, start - 16)
            whole = [
                reach + w.start()
                for w in re.finditer(r"全[市省区县州]", sentence[reach:start])
                if not re.search(
                    r"[,，。;；、的《》:：\s]|召开|举行|举办|参加|出席|主持",
                    re.sub(r"“[^“”,，。;；]{1,12}”", "", sentence[reach + w.start() : start]),
                )
            ]
            start = whole[0] if whole else start
            # "…改革推进会暨培训会": 暨 right after an event's name joins a second one to it (see below)
            joint = sentence.rfind("暨", start, m.start())
            if joint >= 0 and any(e.group("event") and e.end() == joint for e in matches[:i]):
                start = joint + 1
            # "昆山和太仓共同举行…推进会": the verb that holds an event governs its name, it is no part of it
            held = list(
                re.finditer(r"(?:举行|召开|举办|主办|承办|出席|参加|亮相)", sentence[start : m.start()])
            )
            start += held[-1].end() if held else 0
            # "“中国年·荆楚购”2024全国网上年货节": a year opens an event's name; a quoted theme before it is a slogan
            theme = re.match(r"“[^“”]{2,12}”(?=(?:19|20)\d\d)", sentence[start : m.start()])
            start += theme.end() if theme else 0
        else:
            # "…推进会暨两地科技产业园合作…": 暨 joins two events' names; what follows it starts anew
            joint = sentence.rfind("暨", start, m.start())
            start = joint + 1 if joint >= 0 else start
            # "“数领智创 沪通相城”2019苏州相城漕湖开发区(上海虹桥)推介会": a year opens an event's title
            # (and a quoted theme before it), never a park's or a platform's name, which starts after it
            years = list(re.finditer(r"(?:19|20)\d\d年?(?=[\u4e00-\u9fff])", sentence[start : m.start()]))
            start += years[-1].end() if years else 0
            unverbed = start
            start = whole_place(sentence, after_inner_verb(sentence, start, m.start()))
            start = place_before(sentence, first, start)
            start = _bounded(sentence, start, end)
            if start > m.start():
                start = unverbed  # "骨干直联点": a verb LAC reads inside a kind's word (联) governs nothing
        start = _after_complement(sentence, start, m.start())
        comma = sentence.rfind("、", max(0, start - 6), start)
        if (
            kind != "event"
            and comma >= 0
            and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", sentence[comma + 1 : start])
            and sentence[max(0, comma - len(m.group(0))) : comma] == m.group(0)
            # (…交通专区、养老专区和乡村振兴专区: an item ending on the kind before 和 is one of its own)
            and not _CONNECTOR_AFTER_NAME.search(sentence, comma + 1, start)
        ):
            # "昆山先进计算产业园、昆太协同数字经济产业园": an item of a list of one kind's names starts at the
            # list's mark, whatever verb LAC reads inside it (协同)
            start = comma + 1
        if (
            m.group(0) == "实验室"
            and re.search(r"(?:国家|省)(?:重点|工程)$", sentence[start : m.start()])
            and sentence[start - 1 : start] == "与"
        ):
            # "互联网医疗系统与应用国家工程实验室": a state-named lab's field may pair two (A与B)
            mark = max(sentence.rfind(c, 0, start - 1) for c in "、,，。;；:：“”")
            field = phrase_start(sentence, mark + 1, start - 1)
            if 2 <= start - 1 - field <= 14:
                start = field
        company = list(re.finditer(r"公司", sentence[start : m.start()]))
        if company and kind != "event" and company[-1].end() < m.start() - start:
            # "考察…中科超算科技有限公司京蒙智算中心": a company's legal name says whose the thing is; the
            # thing's own name starts after it
            start += company[-1].end()
        owner = next((w for w in segment(sentence) if w.start == first and w.tag in ("ORG", "nz")), None)
        if owner is not None and sentence[owner.end : owner.end + 1] == "·" and owner.end < start:
            start = first  # "牧月科技·无人驾驶智能制造产业基地": a company and a dot head the name
        # "我院交通大数据平台", "本局…系统": the body that speaks owns it, it is no part of the name
        speaker = re.match(r"[我本]?[院局厅所委办校]", sentence[start : m.start()])
        if speaker and (len(speaker.group(0)) == 2 or sentence[start - 1 : start] in ("我", "本")):
            start += speaker.end()
        words = segment(sentence)
        leading = next((w for w in words if w.start == start), None)
        governed = next((w for w in words if leading is not None and w.start == leading.end), None)
        if (
            leading is not None
            and leading.tag == "v"
            and governed is not None
            and governed.tag in ("LOC", "ORG", "nz")
        ):
            start = leading.end  # "促进半山基地…": a verb before a place's or a company's name governs it
        address = re.match(
            r"[\u4e00-\u9fff]{1,8}?[路街巷道]\d+号(?=[\u4e00-\u9fff])", sentence[start : m.start()]
        )
        # "通普路602号长风生态商务区": the street address only locates it
        start += address.end() if address else 0
        zone = re.match(r"(?:高新区|经开区|开发区)(?=[\u4e00-\u9fff])", sentence[start : m.start()])
        if zone and not _GENERIC.match(sentence[start + zone.end() : end]):
            # "高新区天健湖智联网产业园": a bare zone only locates a park with a name of its own; 高新区数字产业园
            # has none without it
            start += zone.end()
        lead = next((w for w in segment(sentence) if w.start == start), None)
        if lead is not None and lead.text == "有" and lead.tag == "v" and lead.end < m.start():
            start = lead.end  # "建立有…产业园", "设有…中心": the verb of having is no part of the name
        start = _cloud_compound(sentence, start)
        if re.fullmatch(r"高新区|开发区|经开区|新区|保税区", m.group(0)):
            lead_words = [w for w in segment(sentence) if start <= w.start < m.start()]
            if len(lead_words) > 1 and lead_words[0].tag == "ORG" and lead_words[1].tag == "LOC":
                # "中国移动东丽经开区…": a zone is named by its place, not by a company in it
                start = lead_words[1].start
        # "青禾高新区新建青禾智算中心": LAC reads one word over a zone, the verb that builds in it and the
        # thing built; the zone and its verb stand before the name
        zone_from = max(0, start - 8)
        built_in = [
            zone_from + b.end()
            for b in re.finditer(
                rf"(?:{dict(_KINDS)['park']})(?:建设|新建|建成|筹建|打造|引进)",
                sentence[zone_from : m.start()],
            )
            if zone_from + b.end() > start
        ]
        builds = re.match(r"(?:新建|建成|筹建|打造|引进)", sentence[start : m.start()])
        placed = re.match(
            r"(?P<place>[\u4e00-\u9fff]{2,8}?)(?:建设|新建|建成|筹建|打造|布局)", sentence[start : m.start()]
        )
        if (
            placed
            and sentence[start - 1 : start] == "在"
            and placed.group("place") in load_gazetteer().surface_forms()
        ):
            # "在韶关建设数据中心集群": LAC reads 韶关建设 as a company; the place and its verb stand before the name
            start += placed.end()
        if kind != "event":
            start = built_in[-1] if built_in else start + (builds.end() if builds else 0)
        # "“领跑”广州数据交易所": a quoted verb is a figure of speech that governs the name after it
        figures = [
            f
            for f in re.finditer(r"“([^“”]{2})”", sentence[start : m.start()])
            if any(w.start == start + f.start(1) and w.text == f.group(1) and w.tag == "v" for w in words)
        ]
        start += figures[-1].end() if figures else 0
        # "为农综合服务平台": 为农 (serving farmers) describes the platform; LAC's verb 为 governs nothing
        if (
            sentence[start - 1 : start] == "为"
            and re.match(r"[农民企老侨]", sentence[start : start + 1])
            and any(w.start == start and w.end == start + 1 for w in segment(sentence))
        ):
            start -= 1
        # "国内最大的…存储项目内蒙古政务云大数据灾备中心": 项目 says what kind of work the thing is, and the
        # division's name after it starts the thing's own name
        appositive = list(re.finditer(r"项目", sentence[start : m.start()]))
        if appositive:
            own = start + appositive[-1].end()
            if any(sentence[own : own + k] in load_gazetteer().surface_forms() for k in (2, 3, 4, 5, 6)):
                start = own
        closing = sentence.find("”", start, m.start())
        if (
            closing >= 0
            and sentence.rfind("“", 0, start) > sentence.rfind("”", 0, start)
            and "“" not in sentence[start:closing]
        ):
            start = sentence.rfind(
                "“", 0, start
            )  # "“渝快办”区级专区": a name does not start inside a quote it closes
        name = clean_name(sentence[start:end])
        forms = load_gazetteer().surface_forms()
        if (
            re.match(r"[和与及]", name)
            and any(name[1 : 1 + k] in forms for k in (2, 3, 4))
            and not any(name[:k] in forms for k in (2, 3, 4, 5))
        ):
            # "…扩容升级和江苏互联网交换中心建设": the conjunction joins two works, a place opens the name
            # (和平区, 和田 open theirs with 和 and stay whole)
            start, name = start + 1, name[1:]
        if _OWN.match(m.group(0)):
            # 全市电子政务外网 is the city's own network (SCHEMA.md: 沈阳市电子政务外网); an event keeps it (SCHEMA.md: 全市重点项目建设推进会)
            name = re.sub(r"^(?:全市|全省|全区|全县)", "", name)
        cut = max(name.rfind(")"), name.rfind("）"))
        if (
            kind == "event"
            and cut >= 0
            and name.count(")") + name.count("）") > name.count("(") + name.count("（")
        ):
            # "2023年(第七届)12345…热线大会": the edition in brackets is cut; the event is named after it
            start, name = end - len(name) + cut + 1, name[cut + 1 :]
        widened = _short_form_span(sentence, start, end)
        if widened != (start, end):
            start, end = widened
            name = clean_name(sentence[start:end])
        if name.startswith("一") and sentence[start - 1 : start] == "这":
            # "建设和林格尔数据中心集群这一国家数据中心集群": after 这一, the kind of the thing just named
            continue
        named = _APPOSITION.match(sentence[end:])
        if named is None and re.fullmatch(r"小程序|App|APP|app|公众号", m.group(0)):
            # "通过微信小程序“悦桥南”进入社区页面": an app's word names the app quoted right after it,
            # whatever the clause goes on to say
            named = re.match(r"“(?P<name>[^“”]{2,8})”", sentence[end:])
        dashed = re.match(r"——“(?P<name>[^“”]{2,10})”", sentence[end:])
        if dashed and not PROGRAMME_WORDS.search(dashed.group("name")) and kind != "event":
            # "先进计算产业集聚区——“南淞智谷”": the dash gives the described thing its name
            brand = dashed.group("name")
            hits.append(ProjectHit(brand, kind, end + 3, end + dashed.end() - 1, (name,)))
            continue
        if (
            kind == "platform"
            and named
            and not PROGRAMME_WORDS.search(named.group("name"))
            and not _common_word(sentence, end + 1, end + 1 + len(named.group("name")))
        ):
            # "搭建政务服务平台“苏企通”": the kind's words describe the brand that names it
            brand = named.group("name")
            hits.append(ProjectHit(brand, kind, end, end + named.end(), (name + brand,)))
            continue
        numbered = re.match(r"全?[市州县区盟](?=\d{5})", name)
        if kind == "platform" and numbered:
            # "州12345政务服务热线": the level word says whose hotline it is (the place), not its name
            start, name = start + numbered.end(), name[numbered.end() :]
        level = re.match(r"(?:市|省|县|区)级(?=[\u4e00-\u9fff]{6})", name)
        if (
            kind == "platform"
            and level
            and not _GENERIC.match(name[level.end() :])
            and re.match(
                r"(?:于[^,，。;；]{0,12}?)?(?:正式|已|已经|顺利|全面)?(?:上线|投入运行|投入使用|建成|投用)",
                sentence[end:],
            )
        ):
            # "市级工程建设项目审批管理系统于…正式上线运行": the level says whose system is at work, not a kind
            start, name = start + level.end(), name[level.end() :]
        # "…推进会暨培训会": the part after 暨 is named by the joint title, however short
        second = (
            kind == "event"
            and bool(hits)
            and hits[-1].kind == "event"
            and (
                sentence[hits[-1].end : start] == "暨"
                or (hits[-1].end == start and bool(re.match(r"(?:开幕式|闭幕式|启动仪式|开幕仪式)暨", name)))
            )
        )
        if not second and not _names_one(sentence, m, kind, name, (first, start, end)):
            continue
        brand = re.search(r"“[^“”]+”$", sentence[start:anchor])
        if (
            brand
            and kind == "platform"
            and _common_word(sentence, anchor - len(brand.group(0)) + 1, anchor - 1)
        ):
            continue  # 政务服务“网购”平台: a common word in quotes before a kind's word is a figure of speech
        if brand and kind == "platform":
            start = anchor - len(brand.group(0))  # "移动端服务入口“姑苏易办”App": the brand starts the name
            name = clean_name(sentence[start:end])
        if sentence[max(0, start - 1) : start] == "等" or "□" in masked[start:end] and kind != "event":
            continue
        if kind == "park" and re.search(r"(?:大数据|算力|计算|孵化)基地$", name):
            kind = "facility"  # a data or incubation base is a facility (中联绿色大数据基地), not a zone
        aliases: tuple[str, ...] = ()
        if kind == "event":
            name, start, aliases = _with_edition(sentence, name, start)
        short = _SHORT_FORM.match(sentence[end:])
        if short:  # "…试验区(以下简称“青禾试验区”)": later mentions use the short form
            aliases = (*aliases, short.group("short"))
            end += short.end()
        prev = hits[-1] if hits else None
        joined = sentence[prev.end : start] == "暨" if prev else False
        # "首届海棠文化嘉年华开幕式暨大数据产业大会": the first event's ceremony opens the joint title
        ceremony = re.match(r"(?:开幕式|闭幕式|启动仪式|开幕仪式)?暨", name)
        if kind == "event" and prev and prev.kind == "event" and ((ceremony and prev.end == start) or joined):
            # "…热线大会暨…发展大会", "…大会暨第十三届…博览会": one event under a joint name, known by
            # each part too
            name = "暨" + name if joined else name
            latter = name[ceremony.end() if ceremony else 1 :]
            hits[-1] = ProjectHit(
                prev.name + name, kind, prev.start, end, (*prev.aliases, prev.name, *aliases, latter)
            )
            continue
        hits.append(ProjectHit(name, kind, start, end, aliases))
    return hits


def _cloud_compound(sentence: str, start: int) -> int:
    """Return `start` moved back over a 云计算 that LAC split into a noun and the verb 计算.

    "建设阿里云计算创新中心": LAC reads 阿里云 + 计算 (a verb), but 云计算 is one noun of the name.

    >>> s = "建设阿里云计算创新中心"
    >>> s[_cloud_compound(s, s.index("创新")) :]
    '阿里云计算创新中心'
    >>> s = "建设宽带资本云计算创业产业园"
    >>> s[_cloud_compound(s, s.index("创业")) :]
    '宽带资本云计算创业产业园'
    """
    if not sentence[:start].endswith("云计算"):
        return start
    words = [w for w in segment(sentence) if w.end <= start - 2]
    if not words or not words[-1].text.endswith("云") or words[-1].end != start - 2:
        return start
    at = len(words) - 1
    while at > 0 and words[at - 1].tag in ("n", "nz", "ORG", "LOC") and words[at - 1].end == words[at].start:
        at -= 1
    return words[at].start


def _locating_chain(name: str) -> int:
    """Return the length of a chain of places heading a name that names its own place again after it.

    "湖北十堰竹溪县竹溪数字经济大会": the province, city and county only locate a name that opens with
    竹溪 itself (SCHEMA.md: a dateline's places are no part of what they locate).

    >>> _locating_chain("湖北十堰竹溪县竹溪数字经济大会"), _locating_chain("十堰竹溪数字经济大会")
    (7, 0)
    """
    places = load_gazetteer().surface_forms()
    at, last = 0, None
    while True:
        step = next((n for n in (4, 3, 2) if name[at : at + n] in places), 0)
        if not step or (last and re.search(r"[省市县区州]$", last) and last.startswith(name[at : at + step])):
            break
        last, at = name[at : at + step], at + step
    if at == 0 or last is None or not re.search(r"[省市县区州]$", last):
        return 0
    short = next((n for n in (3, 2) if name[at : at + n] in places), 0)
    return at if short and last.startswith(name[at : at + short]) else 0


# Regions wider than one division (SCHEMA.md: aggregates are not places); a name opening with one is
# named for the region, whatever division hosts it.
_REGION = re.compile(
    r"(?:粤港澳|大湾区|长三角|京津冀|成渝|长江经济带|黄河流域|东北|西北|西南|华南|华北|华东|华中)"
)


def _before_region(name: str) -> int:
    """Return the length of the divisions heading a name that goes on with a region's name.

    "福田区粤港澳大湾区大数据中心": the district only says where the region's centre stands.

    >>> _before_region("深圳市福田区粤港澳大湾区大数据中心"), _before_region("福田区大数据中心")
    (6, 0)
    """
    places = load_gazetteer().surface_forms()
    at = 0
    while step := next((n for n in (4, 3, 2) if name[at : at + n] in places), 0):
        at += step
    return at if at and _REGION.match(name, at) else 0


def _after_complement(sentence: str, start: int, head: int) -> int:
    """Return where a name starts after a verb and its result (用好, 办好, 抓实) before the kind's word.

    >>> s = "用足用好青禾数字大会带来的红利"
    >>> s[_after_complement(s, 0, s.index("大会")) :]
    '青禾数字大会带来的红利'
    >>> s = "高标准建设好青禾森林小镇"
    >>> s[_after_complement(s, s.index("好"), s.index("小镇")) :]
    '青禾森林小镇'
    """
    # the verb may stand just before `start` (建设|好数智小镇): its result word still leads the name
    words = [w for w in segment(sentence) if (start <= w.start or w.end == start) and w.end <= head]
    cut = start
    for left, right in zip(words, words[1:], strict=False):
        if left.tag == "v" and left.end == right.start and right.text in ("好", "足", "实", "牢", "细"):
            cut = right.end
    return cut


# Verbs that relate a thing to another and never stand inside a project's name.
_RELATING = re.compile(r"位于|坐落于?|亮相|纳入|列入|入选|走访|参观|考察|落户|入驻|依托")


def _bounded(sentence: str, start: int, end: int) -> int:
    """Return where a name read to start at `start` really starts, by what stands at its edges.

    A quoted brand right before it is part of it (“华为云”平台赋能基地); a verb that sets a thing up at
    its head governs it (获批筹建…); and a clause that goes on to say what the thing got
    (…产业园获评…) has it as its subject, so the word LAC reads as a verb at the clause's head is
    part of the name.

    >>> s = "为企业发放补贴,青禾开发区“禾云”平台赋能基地成为试点项目"
    >>> s[_bounded(s, s.index("平台"), len(s) - 6) :]
    '“禾云”平台赋能基地成为试点项目'
    >>> s = "获批筹建青禾软件园"
    >>> s[_bounded(s, 2, len(s)) :]
    '青禾软件园'
    >>> s = "规范开展公共服务事项纳入省政务服务平台管理工作"
    >>> s[_bounded(s, 4, 19) : 19]
    '省政务服务平台'
    """
    bar = max(sentence.rfind("丨", start, end), sentence.rfind("|", start, end))
    if bar >= 0:
        return bar + 1  # "2024优秀案例丨某市综合治理平台": a bar separates a heading's parts
    if sentence[start - 1 : start] in ("”", '"'):
        opening = max(sentence.rfind("“", 0, start - 1), sentence.rfind('"', 0, start - 1))
        if opening >= 0 and re.fullmatch(r"[^\W_]{2,12}", sentence[opening + 1 : start - 1]):
            return opening
    words = [w for w in segment(sentence) if w.start >= start or w.end > start]
    opening = sentence.find("“", start, end)
    if opening > start and any(w.tag == "v" and w.end <= opening and _OPENS.fullmatch(w.text) for w in words):
        return opening  # "本地团队开发“郑好办”政务小程序": the verb before a brand governs the name it opens
    person = next((i for i, w in enumerate(words) if w.tag == "PER" and w.end < end), None)
    if person is not None:
        # "汪某一行调研…创新中心": a person who acts, and the verb they act with, stand before the name
        acts = [w for w in words[person + 1 :] if w.end < end]
        verb = next((i for i, w in enumerate(acts[:3]) if w.tag == "v"), None)
        if verb is not None and all(w.tag in ("m", "d", "p", "v") for w in acts[: verb + 1]):
            return acts[verb].end
    relating = [w for w in words if w.tag == "v" and w.end < end and _RELATING.fullmatch(w.text)]
    if relating:
        # "首批创新场景亮相2020年度…座谈会", "事项纳入省政务服务平台": a verb that puts one thing in,
        # at or beside another belongs to the clause; the name starts after it
        return relating[-1].end
    adverbs = [
        w
        for w in words
        if w.tag == "d" and w.end < end and sentence[w.start - 1 : w.start] != "“" and w.text not in _DEGREE
    ]
    if adverbs:
        return adverbs[-1].end  # "与会同志分别就智慧城管平台…": an adverb belongs to a clause, not to a name
    head = next((w for w in words if w.start == start), None)
    if head is not None and head.tag == "v" and _SET_UP.fullmatch(head.text) and head.end < end:
        return head.end
    before = next((w for w in reversed(segment(sentence)) if w.end <= start), None)
    if (
        before is not None
        and before.end == start
        and before.tag == "v"
        and re.search(r"(?:^|[,，;；。:：])$", sentence[: before.start])
        and _SUBJECT_OF.match(sentence[end:])
    ):
        return before.start
    return start


def _names_one(
    sentence: str, m: re.Match[str], kind: ProjectKind, name: str, at: tuple[int, int, int]
) -> bool:
    """Whether a candidate `name` (suffix match `m`) names one thing rather than a kind, a count or a title.

    `at` is where the governing words end, where the name starts after LAC's reading, and its end.
    """
    first, start, end = at
    suffix = m.group(0)
    if _CHROME_BEFORE.search(sentence[:start]) or _CHROME_AFTER.match(sentence[end:]):
        return False  # "来源:人民网-海南频道", "…门户网站 www.hunan.gov.cn": the page's source, no project
    if re.match(r"\d+(?:\.\d+)?[余多]?[个套座家](?![\u4e00-\u9fff])", sentence[end:]) and not re.search(
        r"[、和及与]$", sentence[:start]
    ):
        return False  # "全疆独立运行政务信息系统1600余个": a kind counted, no one thing named
    if re.search(r"(?:适合|适用于|适宜|开设|开通|时间完成)", name[:-2]):
        return False  # "温度适合数据中心": a verb inside is a clause, no name
    if _ALL_OF.search(sentence[:start]):
        return False  # "覆盖省、市、县三级政府所有审批业务系统": every one of a kind is no one thing named
    if re.search(r"[、和及与][^,，。;；]{2,30}等(?:[^,，。;；、“”办举开召]{0,8}的)?$", sentence[:start]):
        return False  # "建成A服务中心、…、B平台等统一的基础服务平台": the kind a list closes on, named by it
    if kind == "event" and re.search(
        r"(?:多|几|数|[\d一二三四五六七八九十两]+)[次场轮][^,，。;；“”]{0,12}$", sentence[:start]
    ):
        return (
            False  # "组织多次培训和实战调度会议": meetings counted by how often they meet are a kind, not one
        )
    if kind == "event" and re.fullmatch(
        r"[\u4e00-\u9fff]{0,8}?(?:新闻办公室|新闻办|政府|局|委|厅)(?:新闻)?发布会", name
    ):
        return False  # SCHEMA.md: "省政府新闻办新闻发布会" says who holds it; an unnamed 新闻发布会 is none
    if kind == "event" and re.match(r"[\d一二三四五六七八九十百]+周年", name):
        return False  # "…特区建立40周年庆祝大会" cut at its verb: whose anniversary is lost, a fragment
    if suffix.startswith("大脑") and not (
        _went_live(sentence, start, end)
        or re.match(r"的[\u4e00-\u9fff]{0,4}(?:功能|应用|场景)", sentence[end:])
    ):
        return (
            False  # "加快建设城市大脑二期": a phase still to be built is the programme's plan, no system yet
        )
    # "葛店经开区、临空经济区管委会": a city has one airport or port zone, and that word is its name
    own = bool(_OWN.match(suffix)) or bool(re.fullmatch(r"(?:临空|空港|航空港|临港)经济区", name))
    short_ok = (
        own
        or (suffix in ("高新区", "开发区", "一张网", "一朵云") and len(name) > len(suffix))
        # "第二十五届软博会", "2023数博会": an expo's short name is a name when its edition or year heads it
        or (kind == "event" and suffix.endswith("博会") and bool(_EDITION_BEFORE.search(sentence[:start])))
        # "玉博会、药博会、香博会", "举办数博会": expos listed together or held are named ones
        or (
            kind == "event"
            and suffix.endswith("博会")
            and bool(
                re.search(r"[\u4e00-\u9fff]博会[、和及与]$", sentence[:start])
                or re.match(r"[、和及与][\u4e00-\u9fff]博会", sentence[end:])
                or re.search(r"(?:举办|举行|召开|参加|亮相|出席|办好)$", sentence[:start])
            )
        )
    )
    if (
        (len(name) - len(suffix) < 2 and not short_ok)
        or (
            _GENERIC.match(name)
            and not own
            and suffix not in ("一张网", "一朵云")
            and not (kind == "event" and short_ok)
            # "承办第三届数字政府论坛": an edition makes an event of generic words one held event
            and not (kind == "event" and _EDITION_BEFORE.search(sentence[:start]))
            and not _UNIFIED.search(sentence[:start])  # 搭建了全市统一的…平台: the one a place built
            # “网上政务超市”: a name of common words, quoted whole, is given as a name
            and not (
                kind == "platform"
                and start > 0
                and sentence[start - 1] == "“"
                and sentence[end : end + 1] == "”"
            )
        )
        or _ORDINAL_EVENT.search(name)
        or re.match(r"[一二三四五六七八九十两\d]+[大个项类]", name)  # 三大平台: a count of kinds
        # “苏州市十大数字经济产业园”品牌: a place's count of a kind is a title its parks hold, not a park
        or (
            kind != "event" and re.match(r"[\u4e00-\u9fff]{1,5}[省市县区][一二三四五六七八九十两百]+大", name)
        )
        # "科研创新平台三大平台": the count after the last item of a list, read back over that item
        or re.search(rf"(?:{'|'.join(p for _, p in _KINDS)})[一二三四五六七八九十两\d]+[大个项类]", name)
        or _DETERMINER.match(name)
        # "中国北方算力最大人工智能计算中心": a superlative describes, it names nothing
        or name.startswith("最")
        # "高标准算力数据中心产业园", "大规模数据计算中心": a standard or a scale describes what is built
        or re.match(r"(?:高标准|高水平|高质量|高品质|大规模|超大规模|超大型|一流|[十百千万]亿级?)", name)
        # "领略5G+智慧农业+特色小镇": parts joined by + make a way of working (SCHEMA.md: A+B+C)
        or name.count("+") + name.count("＋") >= 2
        # "打造全球领先新一代人工智能计算平台": a rank among all describes the thing aimed at, it names none
        # (首届全国先进计算技术创新大赛: an edition makes it one held event, 先进计算 its field)
        or (
            re.match(r"(?:全球|全国|国内|国际|世界|业内)(?:领先|一流|顶尖|先进|高水平|知名|顶级)", name)
            and not (kind == "event" and _EDITION_BEFORE.search(sentence[:start]))
        )
        # "三级平台", "三级运行管理中心": a level heading a kind's words; 三级数字化城市运行和治理中心,
        # 三级中心一体贯通平台 name one system of their own
        or (
            _LEVELS.match(name)
            and (len(_LEVELS.sub("", name)) < 7 or _GENERIC.fullmatch(_LEVELS.sub("", name)))
        )
        # "乡村四级平台", "省市县乡村五级服务平台": the levels a kind reaches, named by them, are a layout
        or re.fullmatch(
            r"[省市县区乡镇村街道社]{2,}[一二三四五六七八九十两]级[\u4e00-\u9fff]{0,4}", name[: -len(suffix)]
        )
        # "粤系列平台": a series of platforms, no one of them; a comma never stands inside a name
        or re.search(r"系列$", name[: -len(suffix)])
        or re.search(r"[,，;；]", name)
        or (re.search(r"[一二三四五六七八九十两]级", name) and "、" in sentence[max(0, start - 6) : start])
        # A programme quoted inside a name (“百千万工程”信息综合平台) does not make it one.
        # 惠企政策专区, 政策兑现平台: policies are what a platform serves up, not a programme it is
        or (
            kind != "event"
            and programme_named(
                re.sub(
                    r"政策(?=[\u4e00-\u9fff]{0,4}$)" if kind == "platform" else "$^",
                    "",
                    re.sub(r"“[^“”]*”", "", sentence[start:end]),
                ),
                suffix,
            )
        )
        # SCHEMA.md: a people's congress is an agency, its sessions no event.
        or (kind == "event" and name.endswith("代表大会"))
    ):
        return False
    rest = re.split(r"[,，。;；]", sentence[end:], maxsplit=1)[0]
    if re.search(r"[、和及与]$|以及$", sentence[:start]) or re.match(r"[、和及与]|以及", rest):
        listed_with = clause_before(sentence, start) + sentence[start:end] + rest
        if re.search(
            r"(?:高地|聚集地|集聚地|策源地|桥头堡|增长极|首选地|目的地|强[省市县区]|名城|之城|之都)(?:[、和及与]|以及|$)",
            listed_with,
        ):
            # "打造…产业高地、信息安全产业基地、创新人才聚集地", "建设湖北经济强县、临港生态新城": roles or titles
            # a place aims at, listed together
            return False
    joined = re.search(r"[和与及](?P<last>[^和与及]+)$", name)
    if joined and _GENERIC.fullmatch(joined.group("last")) and re.match(r"(?:建设|发展)?等", sentence[end:]):
        return (
            False  # "大数据枢纽及产业基地建设等方面": kinds of work joined, the topic of a list, not a name
        )
    if re.match(r"的[\u4e00-\u9fff]{0,2}优势", sentence[end:]):
        return False  # "在蓝光存储和大数据平台的技术优势": a field one is strong in, not a thing built
    opening = sentence.rfind("“", 0, start + 1)
    if opening > sentence.rfind("”", 0, start + 1) and re.match(r"[^“”]*[,，;；][^“”]*”", sentence[end:]):
        return False  # "“大企业做平台,小企业上云端”": a kind's word inside a quoted saying, no name
    if (
        re.match(
            r"[(（][一二三四五六七八九十\d]+[)）]", name
        )  # "(二)一平台归整": a heading's number, a cut name
        or name.count(")") + name.count("）") > name.count("(") + name.count("（")
        or re.search(r"[+＋]$", name[: -len(suffix)])  # "综窗+专区": a way of working (SCHEMA.md: A+B)
        or re.search(r"最[大强优高先]|(?:该|此)[镇村乡街区县市]", name)  # "华中地区最大…", "进驻该镇…中心"
        or re.fullmatch(r"大?数据(?:平台|中台)|云平台", name)  # "超融合大数据平台": a kind's words alone
        or re.search(
            r"(?<![创更革])新(?:平台|中心|载体|引擎|高地)$", name
        )  # "数字惠民新平台": a slogan's figure
        or re.search(r"\d{1,2}月份?", name)
        or name.endswith(
            ("主中心", "副中心")
        )  # "…集群生产副中心": a part of a layout a site is given  # "…管理局3月份城市运行管理服务平台": a month's report, cut wrong
        # "(2022年)度…表彰大会"; an event's title may open with its year (2019年度…考核总结表彰大会)
        or (name.startswith("度") and sentence[start - 1 : start] == "年" and kind != "event")
        # "一中心三平台", "三网六区智平台": counted parts of a layout (SCHEMA.md: 两园一中心), not a name
        or (
            re.match(r"(?:[一二三四五六七八九十两多]+[\u4e00-\u9fff]{1,2}?){2,}", name)
            and re.match(r"[一二三四五六七八九十两多][\u4e00-\u9fff]{1,2}[一二三四五六七八九十两多]", name)
        )
    ):
        return False
    head_words = [w for w in segment(sentence) if start <= w.start and w.end <= m.start()]
    if len(head_words) == 1 and head_words[0].tag == "v" and head_words[0].start == start:
        return False  # "增强园区发展后劲": a verb and a bare kind's word, what is done to a kind of thing
    if re.match(r"[省市区县]", name) and re.search(r"[省市区县][、和及与]$", sentence[:start]):
        return False  # "依托省、市一体化大数据平台": one kind of platform each level runs, not a name
    sectors = re.match(r"“(?P<who>[^“”]+)”", sentence[start:end])
    if (
        sectors
        and _SECTORS.fullmatch(sectors.group("who"))
        and _GENERIC.match(sentence[start + sectors.end() : end])
    ):
        return False  # 搭建“政产学研用金”合作交流平台: the sectors that meet on a kind of platform, not its brand
    if kind != "event" and (
        # 全国一体化…, 全国工业一体化…: one integrated national system, not every place's own.
        (
            re.match(r"(全国(?![\u4e00-\u9fff]{0,4}一体化)|全省(?!域)|全市(?!域))", name)
            # "实现与…全国工程建设项目审批管理系统互联互通": the one national system of its trade, named
            and not (kind == "platform" and suffix == "系统" and name.startswith("全国") and len(name) >= 10)
        )
        # 重点实验室 is a lab's standing title (国家重点实验室), not a kind "of the key ones".
        # 省相关系统平台: the related ones of a kind at a level, none named
        or re.search(
            r"(载体|省部级|市级|省级|高能级|领域|多层次|重点(?!实验室)|(?<!跨)部门|上级|街镇|相关)", name
        )
        and not _levelled_name(name, suffix)
    ):
        return False
    # "启动建设…科技园和吴淞江智能计算中心两个项目": a count of 项目 after names counts the named items
    listed = re.match(r"(?:[两三四五六七八九十]|\d+)个(?:重点|重大)?项目", sentence[end:]) or (
        # "重点建设苏州工业园区、苏州高新区两个国家级开发区", "建成…系统、社会管理信息平台四项信息工程": the
        # count after a list of names counts them (works and projects are what a list of things built is)
        "、" in sentence[max(0, first - 30) : first]
        and re.match(
            rf"(?:[两三四五六七八九十]|\d+)[个家座大项套](?:[\u4e00-\u9fff]{{0,6}}?)(?:{'|'.join(p for _, p in _KINDS)}|工程|项目)",
            sentence[end:],
        )
    )
    if (counted(sentence, start, end, after_only=kind == "event") and not listed) or any(
        re.search(
            r"(?:\d+|[两三四五六七八九十]+)[个家项座所]?(?:以上|左右)?$|[两三四五六七八九十]大[\u4e00-\u9fff]{0,2}$",
            sentence[max(0, s - 8) : s],
        )
        for s in (first, start)
        # "19个市县和洋浦开发区": a count before the item a conjunction ends counts that item
        if not re.search(r"[、和及与]", sentence[s:start])
    ):
        # "创建10个以上…创新平台", "…平台10个", "十大现代主题产业园": a count of a kind of thing, not a named one
        return False
    if re.match(r"[两三四五六七八九十多各]地", name):
        return False  # "两地科技产业园合作共建": the parks of two places, not one park's name
    if re.search(r"^[\d一二三四五六七八九十]+号|[\d一二三四五六七八九十两]+[栋座台套幢]", name):
        return False  # "建设5栋数据中心", "3号数据中心", "项目一期包含2栋…": buildings counted or numbered, not named
    if re.match(
        r"[\d.]+(?:千瓦|兆瓦|万千瓦|P|PF|EF|万|亿|平方米|平方公里|亩|个|台)|[十百千万亿]+级", name
    ) or re.search(r"\d(?:万|千)?(?:亩|平方米|平方公里)", name):
        return False  # "18千瓦智算高功率数据中心", "万P智算产业园": a size describes a thing, it names none
    if _DESCRIBED.search(sentence[max(0, start - 40) : start]) and sentence[start : start + 1] != "“":
        return False  # "打造一个布局合理…的大数据产业园基地": a thing described, not named
    if re.search(
        r"[一二三四五六七八九十两]级(?:联动|贯通|协同|一体)?的“?$", sentence[max(0, start - 8) : start]
    ):
        return False  # "县、乡、村三级联动的“领导驾驶舱”": one of a kind at every level, no name
    if kind == "event" and re.match(
        r"(?:常务)?(?:副)?(?:秘书长|秘书处|组委会|执委会|主席|理事长|会长)", sentence[end:]
    ):
        return False  # "世界互联网大会秘书长…任贤良": the event's standing body in a guest's title, not held here
    if any(w.tag == "m" and w.end == end - len(suffix) and w.text == "一" for w in segment(sentence)):
        return False  # “社区业务一平台” of “基层数据一张表”“社区业务一平台”: one of a layout, no name
    if re.fullmatch(rf"[^和及与]+[和及与](?:{re.escape(suffix)})", name):
        return False  # "装饰装修及园区绿化": a conjunction joins the bare kind's word to a work, no name
    if sentence[:start].endswith("唯一的") and not any(
        w.start == start and w.tag in ("ORG", "LOC", "nz") for w in segment(sentence)
    ):
        return False  # "建成天津市唯一的…主题园区": the only one of a kind described; 唯一的中国电信…中心 is named
    if (kind == "event" and _PARTS.match(sentence[end:])) or _IN_ONE.match(sentence[end:]):
        # "开幕式、主论坛、…、成果展览会…七个环节", "集指挥运营中心、市民体验中心…六位一体": parts of a
        # thing, not things of their own
        return False
    if (kind == "facility" and name.startswith(("国际", "世界"))) or in_counted_list(sentence, start):
        return False
    # A zone with an inside (示范区内的…谷, 落户…先行区) lies on a map, whatever its name says.
    located = re.match(r"(?:内|里|范围内)", sentence[end:]) or re.search(
        r"(?:落户|位于|入驻|坐落于?)$", sentence[max(0, first - 3) : first]
    )
    # A short form given to it (以下简称“…”) makes it a thing of its own, as a title is not.
    if _DESIGNATION.search(name) and re.search(
        r"(?:获批|批准|批复)(?:筹建|建设|创建|设立)?$", sentence[:start]
    ):
        return False  # "获批筹建…保护示范区": a title granted, whatever place its name holds
    if _DESIGNATION.search(name) and not (
        located or on_map(sentence, start, end) or _SHORT_FORM.match(sentence[end:])
    ):
        return False
    if re.match(
        r"(?:[、和及与][^、,，。;；]{2,16})*(?:等(?:多个|[一二三四五六七八九十\d]+个)?(?:领域|行业)"
        r"|等?[一二三四五六七八九十两\d]+[个大](?:领域|行业|维度|方面|层面))",
        sentence[end:],
    ):
        # "涉及…、智慧物流园区、区块链数据服务等多个领域", "围绕…、算力服务平台、算力产业载体三个维度": fields or
        # aspects of work, not named things
        return False
    clause = clause_before(sentence, first)
    holds = re.search(r"(?:包括|包含|建设内容[有为]?)", clause)
    if (
        kind != "event"
        and holds
        and not re.search(r"项目|签约|企业", clause)
        and re.match(r"(?:[、和及与][^、,，。;；]{1,24}?)*等", sentence[end:])
    ):
        # "…信息园,…包括基地云计算中心、IDC数据中心、呼叫中心等": what one site holds, not things of their own;
        # "签约项目包括…等" lists projects
        return False
    if (
        kind == "event"
        and re.search(r"(?:活动|会|节)[^。;；]{0,24}?(?:包括|包含|设有|设置)", sentence[:start])
        and re.match(
            r"(?:[、和及与][^、,，。;；]{1,24}?)*等(?:系列|配套|主题|专题)?(?:活动|赛事)", sentence[end:]
        )
    ):
        # "此次活动…包括香柚短视频与直播带货大赛、…、摄影作品大赛等系列活动": the parts of the event the
        # sentence describes, not events of their own (as _PARTS, …七个环节)
        return False
    if _COMPONENTS.match(sentence[end:]) and re.search(r"(?:包括|包含|涵盖|分为|下设)", clause):
        # "…中心包括人工智能算力平台、…和科研创新平台三大平台": the parts of one thing, not things
        return False
    if re.match(r"(?:、[^、,，。;；]{2,16})*为(?:主|主体|核心|重点|代表)的", sentence[end:]) and not any(
        w.start == start and w.tag in ("LOC", "ORG", "nz") for w in segment(sentence)
    ):
        # "以…云计算中心、信息资源共享平台为主的信息枢纽中心": the parts of a kind, not named things; a part
        # named after its place (以怀来大数据产业基地、张北云计算基地等为核心的…集聚区) is one all the same
        return False
    if kind == "facility" and re.search(r"一体化大?数据中心(?:集群|体系|布局)?$", name):
        # 全国一体化大数据中心(布局, 体系): the national layout of hubs and clusters, not one centre
        return False
    if re.match(r"(?:是指|指的是|是一种)", sentence[end:]):
        return False  # "某省数字经济园区是指…": a category being defined, not one park
    if (
        kind == "facility"
        and re.match(r"(?:中国|全国)?(?:北方|南方|华北|华东|华南|华中|西南|西北|东北|西部|东部|中部)", name)
        and re.search(r"打造$", sentence[max(0, start - 6) : start])
    ):
        return (
            False  # "全力打造中国北方数据中心": the role a place works towards in its region, not one centre
        )
    if re.search(
        r"“[^“”]{0,4}[一二三四五六七八九十两\d]+个?一[^“”]{0,2}”[\u4e00-\u9fff]{0,6}(?:——|:|：)",
        sentence[:start],
    ):
        # "构建…“六个一”系统工程——一个…平台和共性基础“一张网”": the parts of a numbered layout, no names
        return False
    role = re.search(
        r"([\u4e00-\u9fff]{2,8}?)(?:作为|是)[^,，。;；]{0,20}的$", sentence[max(0, start - 32) : start]
    )
    if role and any(
        role.group(1)[i:] in load_gazetteer().surface_forms() for i in range(len(role.group(1)) - 1)
    ):
        return False  # "乌兰察布市作为…重点培育的大数据产业基地": what a place is, a role, not a thing built in it
    if re.search(r"(?:名片|称号|美誉)(?:——|—|:|：)?“?$", sentence[:start]):
        return False  # "又多了一张名片——草原云谷": a label a place is known by, not a thing built
    if _AIM_AFTER.match(sentence[end:]):
        return False  # "…先进制造业基地目标", "“零废园区”建设理念": an aim or an idea, not a thing built
    if (
        kind == "park"
        and sentence[start - 1 : start] == "“"
        and (
            suffix.endswith("谷")
            or re.search(r"(?:打造|创建|争创|争当)$", sentence[max(0, start - 3) : start - 1])
        )
    ):
        # 打造“中国数谷”, 试点打造“千兆园区”: a quoted zone a place works towards is a label, not a park
        return False
    if re.search(
        r"(?:打造|建设|培育|发展|定位)(?:成为?|为)(?:新一代|新型|一流|全国|全省|区域)?“?$",
        sentence[max(0, start - 10) : start],
    ):
        # "把桃园数字小镇打造成数字中国城市实验室", "发展成新一代“数智小镇”": what a thing is to become, a
        # role, not a new thing
        return False
    if kind == "platform" and re.search(r"提供(?:[^,，。;；]*[、的])?$", clause):
        return False  # "为企业提供公共技术平台、展示交流和融资交易平台": services offered, not named things
    if said_of_a_kind(sentence, clause, (start, m.start(), end), kind=kind):
        return False  # SCHEMA.md: generic plurals and titles are left out (see loaders/kinds.py)
    if re.fullmatch(r"(?:行政|政务|市民|便民)服务分?中心", name):
        return False  # "行政服务中心的“大门”": the kind of hall every place has, named by no place or brand
    if (suffix.endswith("网站") or kind == "facility") and not sentence.replace(name, "").strip():
        # a website's or a centre's name standing alone is the page's masthead or signature: its
        # publisher (门户网站, 某区城市运行管理中心), a body
        return False
    if (
        suffix.endswith("网站")
        and not re.search(r"[，,。；;：:、]", sentence)
        and re.search(r"\S\s+\S|[|｜]", sentence.strip())
    ):
        # "中央人民政府网站 云南省人民政府网站 网站地图": a row of links in a portal's nav or footer, no prose
        return False
    if suffix == "学院" and re.search(r"(?:大学|职业|技术|师范|医学|理工|工程)", name):
        return False  # SCHEMA.md: schools and universities are institutions, not projects
    if (
        suffix in ("学院", "研究院", "实验室")
        and not (_SET_UP.search(clause) or _IN_USE.match(sentence[end:]))
        # 先进计算国家重点实验室: a lab the state names, after its field, is one lab wherever it stands
        and not re.search(r"[\u4e00-\u9fff]{4}(?:国家|省)(?:重点|工程)实验室$", name)
    ):
        return False  # an institute or lab is a thing built only where the text builds it (筹建…研究院)
    if suffix == "集聚区" and not any(
        start <= w.start < m.start() and w.tag in ("LOC", "ORG", "nz") for w in segment(sentence)
    ):
        return False  # 总部经济集聚区 is a kind of zone; 乌镇大道科创集聚区 lies somewhere
    if suffix == "新区" and load_gazetteer().surface_forms().get(name):
        return False  # 浦东新区 is a district; 天府新区 a development zone (SCHEMA.md: parks)
    if (
        suffix == "系统"
        and (
            name.endswith("生态系统")
            # 加强…系统建设: strengthening a way of working, not building one system
            or (re.search(r"(?:加强|强化|完善|健全)$", clause) and not _LAUNCH.search(clause))
            or not (
                _LAUNCH.search(clause)
                or _LAUNCH.search(clause_before(sentence, start))
                or built_before(sentence[:start])  # "去年建成运行的…应急处置系统"
                or _IN_USE.match(sentence[end:])
                or _BUILT_AS.match(sentence[end:])
                or _LISTED_PROJECT.match(sentence[end:])
                or _UNIFIED.search(sentence[:start])
                or _AT_WORK.match(sentence[end:])
                # "依托政务服务事项管理系统梳理…": a system the text works through is at work
                or (
                    len(name) >= 8
                    and re.search(
                        r"(?:依托|借助|运用|利用|使用|应用|通过)(?:[^,，。;；]*(?:、|和|及|与))?“?$",
                        clause_before(sentence, start),
                    )
                )
                # "完成大数据安全监测系统的招标与部署": a system tendered, deployed or upgraded is one thing
                or re.match(r"的(?:招标|采购|部署|建设|开发|上线|升级|改版|运维|对接)", sentence[end:])
                or re.match(r"\d+(?:\.\d+)?(?:版)?改版|升级", sentence[end:])
                # "实现与河南省政务服务系统、…等相关系统平台的互联互通": a system one links up with exists
                # (8+ characters, as above: 与市场监管系统对接 names a sector's kind of system)
                or (
                    len(name) >= 8
                    and re.search(r"(?:与|同)(?:[^,，。;；与同]*、)?$", clause_before(sentence, start))
                    and re.match(r"[^,，。;；]*(?:互联互通|对接|联通|贯通)", sentence[end:])
                )
                # "实现新版全流程审批系统与…26个审批系统对接": a system that links up with others is at work
                or (
                    len(name) >= 8
                    and re.match(r"(?:与|同)[^,，。;；]*(?:互联互通|对接|联通|贯通)", sentence[end:])
                )
            )
        )
    ):
        return False  # 生态系统, 指挥系统 name kinds; a system the text builds or launches is one thing
    if (
        suffix in _NETWORKS
        and not _BUILD_VERB.search(clause_before(sentence, first))
        # "构建区市县乡村五级全覆盖的电子政务外网", "加快电子政务外网、政务云建设": every place runs its
        # own e-government network, so the work a clause does on it says it is there
        and not (own and _OWN_WORK.search(clause_before(sentence, first)))
        and not (own and re.match(r"(?:、[^,，。;；、]{2,8})*(?:建设|管理|升级|改造)", sentence[end:]))
        and not (own and _WORKED_ON.match(sentence[end:]))
        # "依托河南省电子政务外网…": a place's own network that the text works through is there
        and not (own and re.search(r"(?:依托|基于|借助|通过|利用)$", sentence[:start]))
        # a place's own e-government network named at all is there (the dev gold lists 沈阳市电子政务外网
        # from 《沈阳市电子政务外网管理实施细则》, 利津县's from 实施电子政务外网升级改造)
        and not (own and suffix in ("电子政务外网", "电子政务内网"))
    ):
        return False  # 量子通信城域网 in a list of technologies is a kind; one built is a facility
    # "深圳数据交易所董事长李红光": a company's officer names the company he heads, no facility
    if kind == "facility" and re.match(r"(?:董事长|副?总经理|总裁|党委书记)", sentence[end:]):
        return False
    # "规划设立…数据中心集群": a cluster of centres is sites on a map, never a body that is set up
    if kind == "facility" and acts_as_body(sentence, start, end) and not name.endswith("集群"):
        return False  # "市城市运行管理中心负责人说", "组建城市运行管理中心": a body (see loaders/agencies.py)
    if (
        kind == "facility"
        and _BODY_INSIDE.search(name[:-2])
        and not re.search(r"(?:算力|数据|计算)中心$", name)
    ):
        # "…城市管理局数字指挥中心": a unit of a body, itself a body; 国家某局西部算力中心 is built
        return False
    if (
        name.endswith("中心")
        and sentence[start - 1 : start] == "“"
        and sentence[end : end + 1] == "”"
        and (_SET_UP.search(clause) or _IN_USE.match(sentence[end + 1 :]))
        and not re.search(r"(?:(?<!运行)管理|服务|研究|发展)中心$", name)
    ):
        # 建设“华容县远程影像诊断中心”: a centre's whole name in quotes, set up by the clause's verb, is
        # a proper name of a thing built (SCHEMA.md: facilities); unquoted, such a centre may be a body
        return True
    # 服务中心, 研究中心: bodies (see loaders/agencies.py), not built things. Taking every centre a
    # build verb governs (建设数字产业综合服务中心) cost precision on the tune and set-aside parts alike.
    if name.endswith("中心") and re.search(
        r"建成了?(?:[^,，、。]{0,6}?首个)?$", clause_before(sentence, start)
    ):
        # "建成一体化安全防护中心", "建成城市运行管理中心": built; a 管理中心 that runs nothing is a body
        return not re.search(r"(?:(?<!运行)管理|服务|研究|发展)中心$", name)
    if name.endswith("中心") and built_before(sentence[:start]):
        # "以投资5亿元建设的龙岗智慧中心为中枢": a centre someone built is a building, as 建成… is
        return not re.search(r"(?:(?<!运行)管理|服务|研究|发展)中心$", name)
    if name.endswith("中心") and re.match(
        r"(?:[一二三四五六七八九十\d]+期)?(?:建设)?(?:项目|工程)", sentence[end:]
    ):
        return True  # "推进交通综合信息中心项目": a centre that is a works project is a building, not a body
    if name.endswith("中心") and _UNDER_WAY.match(sentence[end:]):
        return True  # "…中心已开始打桩", "…中心本月底开业": a building going up, not a body
    if name.endswith("中心") and used_as_venue(sentence, start, end):
        return (
            True  # "在汾阳市政务服务中心8楼", "参观…政务服务中心", "…中心共进驻36个部门": a place one goes to
        )
    # 市大数据中心 is the city's data bureau, a body; a region's (粤港澳大湾区大数据中心) has no government
    # of its own to be a body of (SCHEMA.md: aggregates are not places), so it is the centre built
    if re.search(r"发展中心$", name):
        # "…大数据和产业创新发展中心": a centre that develops a field is a body, not a thing built
        return False
    body = re.match(r"^(?:[\u4e00-\u9fff]{0,8}?[市区县省])?大数据(?:管理|发展|服务)?中心$", name)
    return not name.endswith("中心") or bool(
        _BUILT_CENTRE.search(name) and not (body and not re.search(r"(?:湾区|经济区)大数据", name))
    )


def _levelled_name(name: str, suffix: str) -> bool:
    """Whether a name that opens on its level (省级数据交易平台, 市级网管平台) names one system of that
    level's own: the words between the level and the kind say what it does, none of them says which
    of a kind (省级部门系统, 市级自建信息系统, 省级政务信息系统 are all of a level's systems).

    >>> _levelled_name("省级数据交易平台", "平台"), _levelled_name("省级生态环境大数据云平台", "平台")
    (True, True)
    >>> _levelled_name("省级部门系统", "系统"), _levelled_name("省级政务信息系统", "系统"), _levelled_name("市级平台", "平台")
    (False, False, False)
    """
    middle = name[2 : -len(suffix)] if name.endswith(suffix) else ""
    return (
        name[:2] in ("省级", "市级")
        and len(middle) >= 2
        and not find_service_apps(middle)  # 省级“浙里办”城市频道: a channel of the level's known app
        and not re.search(
            r"部门|自建|统建|及以上|以上|相关|重点|政务信息|信息化?$|业务|各类|其他|共性|创新", middle
        )
        and not re.search(r"(载体|省部级|市级|省级|高能级|领域|多层次|(?<!跨)部门|上级|街镇|相关)", name[2:])
    )


_LEADING_VERB = re.compile(
    r"^(?:(?:纵向|横向)?打通|包含|包括|涵盖|建设|设立|成立|组建|打造|搭建|构建|建立|建成|新建|升级|开通|上线|依托)(?=[\u4e00-\u9fffA-Za-z0-9]{4})"
)


# "部署基于IPv6的新一代电子政务外网": a place has one network of its own, whatever generation it is
_NEW_GENERATION = re.compile(r"新一代(?=电子政务[外内]网$|政务云$)")


def _without_leading_verb(hit: ProjectHit) -> ProjectHit:
    """A name never opens on the verb that builds it: in a list of things done (建设3个中心,即建设大数据
    存储中心、…;打造5个平台,即…、建设大数据服务云平台、设立创新和人才支撑平台) each item's verb goes.

    >>> _without_leading_verb(ProjectHit("建设大数据服务云平台", "platform", 3, 13)).name
    '大数据服务云平台'
    """
    verb = _LEADING_VERB.match(hit.name) or _NEW_GENERATION.match(hit.name)
    if verb is None:
        return hit
    return replace(hit, name=hit.name[verb.end() :], start=hit.start + verb.end())


# A joiner or a verb of linking up opening a name ("…与国家平台", "上联国家平台"): what follows is the
# other end of a link, named only by its level.
_LINKED_TO = re.compile(r"^(?:与|和|及|上联|下联|下连|上连|联通|对接)")


def _linked_generic(hit: ProjectHit) -> bool:
    """Whether a name opens on a joiner or a linking verb and what follows names a kind only.

    >>> _linked_generic(ProjectHit("与国家平台", "platform", 0, 5)), _linked_generic(ProjectHit("和林格尔数据中心", "facility", 0, 8))
    (True, False)
    """
    joined = _LINKED_TO.match(hit.name)
    return joined is not None and bool(_GENERIC.fullmatch(hit.name[joined.end() :]))


def _shared_heads(sentence: str, hits: list[ProjectHit]) -> list[ProjectHit]:
    """Give each firm of a list the kind its last item ends in: "宝德、峨旅、浪潮及各运营商数据中心" names
    宝德数据中心, 峨旅数据中心 and 浪潮数据中心; the operators' ones (各…) are a plural, no name.

    >>> s = "实现了宝德、峨旅、浪潮及各运营商数据中心集聚发展"
    >>> [h.name for h in find_projects(s)]
    ['宝德数据中心', '峨旅数据中心', '浪潮数据中心']
    >>> [h.name for h in find_projects("开工项目包括中国电信、中国移动以及中瀚云韶关数据中心项目")]
    ['中瀚云韶关数据中心']
    """
    out: list[ProjectHit] = []
    words = segment(sentence)
    for h in hits:
        head = _SUFFIX.search(h.name)
        before = [w for w in words if w.end <= h.start]
        if head is None or head.end() != len(h.name) or len(before) < 4:
            out.append(h)
            continue
        k = len(before) - 1
        plural = before[k].text == "各"
        k -= plural
        firms: list[Word] = []
        if k >= 0 and before[k].text in ("及", "和", "与", "以及"):
            k -= 1
            while k >= 0 and before[k].tag == "ORG" and 2 <= len(before[k].text) <= 6:
                firms.insert(0, before[k])
                if k == 0 or before[k - 1].text != "、":
                    break
                k -= 2
        # (the last item a name of its own, 以及中瀚云韶关数据中心项目, shares nothing with the firms before)
        modifier = [w for w in words if h.start <= w.start and w.end <= h.start + head.start()]
        own_name = not plural and not (len(modifier) == 1 and modifier[0].tag == "ORG")
        # "珞璜、德感、白沙工业园": short names listed before a park's own short name share its kind
        if not firms and not plural and h.kind == "park" and 2 <= head.start() <= 3:
            k = len(before) - 1
            while (
                k >= 1 and before[k].text == "、" and before[k].end == (firms[0].start if firms else h.start)
            ):
                item = before[k - 1]
                if not (2 <= len(item.text) <= 3 and item.tag in ("LOC", "ORG", "n", "nz", "ns")):
                    break
                firms.insert(0, item)
                k -= 2
            own_name = False
        if len(firms) < 2 or own_name:
            out.append(h)
            continue
        out += [ProjectHit(f.text + head.group(0), h.kind, f.start, f.end) for f in firms]
        if not plural:
            out.append(h)
    return out


def _with_edition(sentence: str, name: str, start: int) -> tuple[str, int, tuple[str, ...]]:
    """Return an event's name with its edition or year, and the bare name as an alias.

    Texts and annotators name an event both ways (第五届世界互联网大会, 世界互联网大会).

    >>> _with_edition("出席第五届世界互联网大会", "世界互联网大会", 5)
    ('第五届世界互联网大会', 2, ('世界互联网大会',))
    >>> _with_edition("举办首届青禾数字经济大会", "青禾数字经济大会", 4)
    ('首届青禾数字经济大会', 2, ('青禾数字经济大会',))
    >>> _with_edition("在“算力浦江”首届数字经济发展论坛上", "数字经济发展论坛", 9)
    ('“算力浦江”首届数字经济发展论坛', 1, ('数字经济发展论坛', '“算力浦江”数字经济发展论坛'))
    >>> _with_edition("出席2024全球数字经济大会", "2024全球数字经济大会", 2)
    ('2024全球数字经济大会', 2, ('全球数字经济大会',))
    >>> _with_edition("2025年中央城市工作会议将", "中央城市工作会议", 5)
    ('2025年中央城市工作会议', 0, ('中央城市工作会议',))
    >>> _with_edition("贯彻2019年度目标责任考核总结表彰大会精神", "度目标责任考核总结表彰大会", 7)
    ('2019年度目标责任考核总结表彰大会', 2, ('目标责任考核总结表彰大会',))
    """
    annual = re.search(r"(?:20|19)\d\d年$", sentence[max(0, start - 5) : start])
    if annual and re.match(r"[\u4e00-\u9fff]", name) and not name.startswith("度"):
        # "2025年中央城市工作会议": the year heads the title (the bare name is kept as an alias)
        return annual.group(0) + name, start - len(annual.group(0)), (name,)
    if annual and name.startswith("度"):
        # "2019年度…表彰大会": LAC reads 年度 as one word; the year of the title is its own
        return annual.group(0) + name, start - len(annual.group(0)), (name[1:],)
    edition = re.search(r"(?:第[一二三四五六七八九十\d]+|首)届$", sentence[max(0, start - 6) : start])
    if edition:
        at = start - len(edition.group(0))
        # "“算力浦江”首届数字经济发展论坛": a quoted series title before the edition is the event's own
        label = re.search(r"“[^“”,，。;；、]{2,10}”$", sentence[max(0, at - 12) : at])
        if label:
            at -= len(label.group(0))
            return label.group(0) + edition.group(0) + name, at, (name, label.group(0) + name)
        return edition.group(0) + name, at, (name,)
    year = re.match(r"(?:20\d\d|19\d\d)年?(?=[\u4e00-\u9fff])", name)
    if year:
        return name, start, (name[year.end() :],)
    return name, start, ()


def clause_before(sentence: str, start: int) -> str:
    """Return the clause that leads up to `start` (from the last comma, semicolon or colon)."""
    cut = max(sentence.rfind(mark, 0, start) for mark in ",，;；:：。")
    return sentence[cut + 1 : start]
