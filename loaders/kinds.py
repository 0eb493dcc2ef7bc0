"""Whether a phrase ending in a kind's suffix (平台, 基地, 中心) is said of a kind of thing, not of one.

The phrase may be a name by its words and still not name anything where it stands: a title a
place is awarded (获评…示范基地), a role it plays (成为…承载平台), one of a kind every place builds
(全省16市全部建成…平台), a kind in a list of kinds (…平台等新型基础设施) or of schools (…学院等高校),
or a thing named only by what it does (监测预警平台). SCHEMA.md, version 2: generic plurals,
designations and institutions are not projects. Read from the clause and from LAC words.
"""

from __future__ import annotations

import re

from loaders.gazetteer import load_gazetteer
from loaders.records import ProjectKind
from loaders.words import segment

# Words that make a name a plan, programme or policy, not a thing built (…规划, …工程, …改革).
PROGRAMME_WORDS = re.compile(
    r"(规划|方案|意见|办法|纲要|行动|工程|改革|试点|计划|制度|机制|模式|体系|理念|战略|政策)"
)
# A title awarded or sought (获评, 荣获, 争创…) names a designation, unless a build verb follows it;
# so does each item of the list it awards (获评…示范项目、…基地).
_AWARDED = re.compile(
    r"(?:获评|荣获|评为|命名为|授予|认定为|获批为|创成|争创|入选|入围)(?!.*(?:建设|建成|打造|新建|并))"
    r"(?:[^,，;；。:：、]{2,30}、)*[^,，;；。:：、]{0,12}$"
)
# A copula before a name makes it a role (成为…承载平台, 作为…示范基地), not a name.
# "参加视频连线的是…中心": 的是 (a cleft) points out the thing itself, it gives it no role.
_ROLE = re.compile(
    r"(?:(?:成为|作为|(?<!的)是|视为|定位为|当好|争当)(?:了|全市|全省|全国|区域|我市|我省)?"
    r"|(?:打造成为?|建设成为|建成为|定位为)[^,，;；。]*|(?:成为|(?<!的)是)[^,，;；。]{0,30}的)$"
)
# A subject of many places (各地, 16市, 地级及以上城市) builds one of a kind each.
_MANY_BUILDERS = re.compile(
    r"(?:各地|各省|各市|各区|各县|所有|地级及以上城市|[\d一二三四五六七八九十]+个?(?:市|地市|区县|县区|县市区|省份|城市)"
    r"|[\d一二三四五六七八九十]+个[^,，;；。:：]{0,12}?(?:政府|城市))"
    r"[^,，;；。:：]{0,6}?(?:全部|均|都|普遍|基本|已)?(?:建成|建设|建立|上线|搭建)"
)
# Items of a list of schools, research bodies or companies (贵州大学、贵阳学院等高校).
_INSTITUTION_LIST = re.compile(
    r"^(?:、[^、,，。;；]{2,20})*等(?:高校|院校|高等院校|科研院所|院所|企业|机构|单位)"
)
# Items of a list of kinds of infrastructure or technology (…平台、…平台等新型基础设施).
_KIND_LIST = re.compile(
    r"^(?:、[^、,，。;；]{2,16})*等(?:新型|各类|一批)?(?:创新|科创|研发)?(?:基础设施|载体|设施|技术|领域|能力)"
)
# An indefinite many before a phrase (培育一批省级以上双跨平台): a kind of thing, counted, not named.
_INDEFINITE = re.compile(r"(?:一批|若干|一系列|一些|诸多)[^,，;；。:：、“”]{0,8}$")
# "具备建设和运维…平台的技术实力": a kind one is able to build.
_ABILITY = re.compile(r"的[\u4e00-\u9fff]{0,2}(?:能力|实力|经验|条件|需求)")


def said_of_a_kind(sentence: str, clause: str, at: tuple[int, int, int], *, kind: ProjectKind) -> bool:
    """Return whether the phrase at `at` (its start, where its suffix starts, its end) names a kind.

    `clause` is the clause that leads up to the phrase.

    >>> s = "晋江先后获评国家级电子商务示范基地"
    >>> said_of_a_kind(s, s[:s.index("国家级")], (s.index("国家级"), s.index("基地"), len(s)), kind="park")
    True
    >>> s = "培育一批省级以上双跨平台"
    >>> said_of_a_kind(s, s[:4], (4, s.index("平台"), len(s)), kind="platform")
    True
    >>> s = "建成城市生命线监测预警平台"
    >>> said_of_a_kind(s, "建成", (2, s.index("平台"), len(s)), kind="platform")
    False
    """
    start, head, end = at
    if kind != "event" and _AWARDED.search(clause):
        return True  # "获评国家级电子商务示范基地": a title a place holds (SCHEMA.md: designations)
    if kind != "event" and _ROLE.search(clause):
        return True  # "成为全市经济发展主要承载平台": a role the place plays, not a thing's name
    if _MANY_BUILDERS.search(clause):
        return True  # "全省16市全部建成…平台": one of a kind in every place, not a named thing
    if _INDEFINITE.search(sentence[max(0, start - 12) : start]) and not _opens_with_place(
        sentence[start:end]
    ):
        return True  # "培育一批省级以上双跨平台": a kind counted, not a named thing
    if kind in ("platform", "facility") and _named_by_verbs(sentence, start, head):
        return True  # "监测预警平台", "指挥调度中心": what a kind of thing does, not its name
    if _ABILITY.match(sentence[end:]):
        return True  # "具备建设和运维超大规模大数据平台的技术实力": a kind one is able to build
    if _KIND_LIST.match(sentence[end:]) and not _opens_with_place(sentence[start:end]):
        return True  # "大数据平台、物联网平台等新型基础设施": kinds of infrastructure, not named ones
    # "贵州大学、贵阳学院等高校": schools and companies are not projects.
    return bool(_INSTITUTION_LIST.match(sentence[end:]))


def _opens_with_place(name: str) -> bool:
    """Whether `name` opens with a division's name: 扬州数字经济产业园 is one park, not a kind.

    A place's own text names it by its level alone (自治区政务数据共享交换平台, 市数据共享交换平台):

    >>> _opens_with_place("扬州数字经济产业园"), _opens_with_place("大数据平台")
    (True, False)
    >>> _opens_with_place("自治区政务数据共享交换平台"), _opens_with_place("市场监管平台")
    (True, False)
    """
    if _OWN_LEVEL.match(name):
        return True
    places = load_gazetteer().surface_forms()
    return any(name[:n] in places for n in range(2, min(len(name), 8)))


# 省/市/区/县 heading a name as the text's own place (省政务云), not as the first character of a word
# (市场, 市民, 区块链, 县域, 省外).
_OWN_LEVEL = re.compile(r"(?:自治区|[省市区县])(?![场民块域外内长委直属级情])")


def after_inner_verb(sentence: str, start: int, head: int) -> int:
    """Return where a thing's name starts once a verb or a joined noun inside it is passed.

    LAC reads 企业建设 as a phrase and 底图和 as the end of one name: "支持企业建设数据中心" names
    数据中心, "城市运行底图和云计算中心" 云计算中心 (a name is a run of nouns after its verb).

    >>> s = "支持企业建设数据中心"
    >>> s[after_inner_verb(s, 2, s.index("中心")):]
    '数据中心'
    >>> s = "区城市运行和治理中心"
    >>> after_inner_verb(s, 0, s.index("中心"))
    0
    >>> s = "纳入工程建设项目联合审批平台"
    >>> s[after_inner_verb(s, 2, s.index("平台")):]
    '工程建设项目联合审批平台'
    >>> s = "新产业新业态进驻青禾智慧产业园"
    >>> s[after_inner_verb(s, 0, s.index("产业园")):]
    '青禾智慧产业园'
    >>> after_inner_verb("青禾推进建设", 0, 6)
    6
    """
    quoted = {i for q in re.finditer(r"“[^“”]*”|\([^()]*\)|（[^（）]*）", sentence) for i in range(*q.span())}
    cut = start
    words = segment(sentence)
    for i, word in enumerate(words):
        if not start <= word.start < head or word.start in quoted:
            continue
        # 建设项目 is one noun (工程建设项目…平台): a word of the name, not its verb.
        inside = i + 1 < len(words) and words[i + 1].text in ("项目", "单位", "用地")
        if (
            word.tag in ("v", "vn")
            # 进驻/入驻/落户: what settles in a park is no part of its name (新业态进驻…产业园)
            and re.fullmatch(
                r"建设|建成|打造|搭建|新建|组建|修建|兴建|扩建|支持|推动|推进|加快|进驻|入驻|落户|迁入",
                word.text,
            )
            and not inside
        ):
            cut = word.end
        elif word.start == cut > start and (word.tag == "c" or word.tag in ("v", "vn")):
            cut = word.end  # 建设和运维…平台: the verbs joined to it govern the name too
        elif word.text[:1] == "和" and (
            _noun_before(sentence, word.start) or sentence[word.start - 1] == "”"
        ):
            cut = word.start + 1  # LAC may glue 和 to the next name (“底图”和云计算中心)
    return cut


def _noun_before(sentence: str, position: int) -> bool:
    """Whether the word that ends at `position` is a plain noun (底图和…), not a verb (运行和治理)."""
    return any(w.end == position and w.tag in ("n", "nz") for w in segment(sentence))


def _named_by_verbs(sentence: str, start: int, head: int) -> bool:
    """Whether the words from `start` to the suffix at `head` only say what a thing does (LAC v, vn).

    >>> s = "建设监测预警平台和城市生命线监测预警平台"
    >>> _named_by_verbs(s, 2, s.index("平台")), _named_by_verbs(s, s.index("城市"), s.rindex("平台"))
    (True, False)
    """
    words = [w for w in segment(sentence) if start <= w.start and w.end <= head]
    covered = sum(len(w.text) for w in words) == head - start
    # A longer vn word holds a noun (城市管理, 数字化): the name says what it is for, not only what it does.
    # Three such words or more (应急/管理/综合平台) name one system's field and scope, not a kind's work.
    return 0 < len(words) <= 2 and covered and all(w.tag in ("v", "vn") and len(w.text) <= 2 for w in words)


def programme_named(name: str, suffix: str) -> bool:
    """Whether a plan's or programme's word names the thing (…改革平台), not only its domain.

    A system or platform for a programme's work (青禾安全工程应用系统) is still built.

    >>> programme_named("数字化改革平台", "平台"), programme_named("青禾安全工程应用系统", "系统")
    (True, False)
    >>> programme_named("数学工程与先进计算国家重点实验室", "实验室")
    False
    """
    # 数学工程与先进计算国家重点实验室, …系统工程技术研究中心: a lab or a research centre is named
    # after its field, and 工程 there is engineering, no programme's work
    research = suffix in ("实验室", "研究院") or name.endswith(("研究中心", "实验室", "研究院"))
    found = [m for m in PROGRAMME_WORDS.finditer(name) if not (research and m.group(0) == "工程")]
    if not found:
        return False
    if suffix in ("系统", "信息系统", "平台", "大科学装置"):
        # A programme noun followed by what the system does (…工程应用, …改革项目全生命周期管理);
        # 试点, 行动 and the like may be the verb that governs the name (九龙坡区试点“渝悦·邻里”平台).
        return any(m.group(0) not in ("工程", "改革") or len(name) - len(suffix) - m.end() < 2 for m in found)
    return True


def on_map(sentence: str, start: int, end: int) -> bool:
    """Whether the name at `start:end` holds a division or a port: a zone somewhere, not a title.

    >>> s = "打造宁波舟山港梅山港区自动驾驶试验区和国家数字化治理试验区"
    >>> on_map(s, 2, s.index("和")), on_map(s, s.index("国家"), len(s))
    (True, False)
    """
    places = load_gazetteer().surface_forms()
    for word in segment(sentence):
        if start <= word.start and word.end <= end and word.tag == "LOC":
            divisions = places.get(word.text, ())
            if any(d.level != "country" for d in divisions) or word.text.endswith(("港", "港区")):
                return True
    return False
