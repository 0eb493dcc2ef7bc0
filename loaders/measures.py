"""Measures: whether a number a pattern found is a measured figure, not part of a name, a date, a
tier, a span of time or a category's bound (SCHEMA.md `metrics`: a threshold inside a category is
left out; 5G基站 is a name, 24小时“不打烊” a description, 三级联动 a tier).
"""

from __future__ import annotations

import re

from loaders.figures import AMOUNTS
from loaders.numbers import CN_NUMERAL_CHARS, parse_number
from loaders.phrases import mended, phrase_after
from loaders.words import segment

# Discourse structure, not a measured figure: "从9个方面系统谋划", "需要摈弃三个误区".
_STRUCTURE_NOUNS = re.compile(
    r"^(?:方面|层面|维度|环节|误区|关系|阶段|部分|要点|原则|特点|步骤|问题|板块|篇章|主线|总体目标|目标|总抓手|抓手|定位|理念|思路|路径|[一二三四]级指标)"
)


# Heads of things counted after a quoted name (“一件事”主题套餐, “一网通办”事项, “数字孪生”场景).
_COUNT_HEADS = r"(套餐|事项|场景|应用|平台|系统|项目|工程|行动|举措|措施|清单|服务|企业|社区|村|街区|园区|基地|中心|窗口|专区)$"


# Kinds of places counted straight after a number, with no counter (11地市, 8个 written 8城市).
PLACES_COUNTED = re.compile(r"(?:地市|城市|县市|县区|区县|省份|省市|部门(?!的))")  # 整合9部门13大类巡查事项

INDEX_WORDS = re.compile(r"(指数|得分|分值|评分|总分|发展水平)")
# A score followed by its parts in brackets: the parts are scores too.
SUBSCORES = re.compile(r"(?:总分|得分|总得分)(?:为|达|是)?\d+(?:\.\d+)?分?[(（][^)）]*$")


_PEOPLE_NOUNS = (
    r"(人才|专家|学员|人员|博士|党员|干部|员工|职工|学生|志愿者|代表|青年|年轻人|工程师|毕业生|医生|教师)"
)


# A bandwidth or a capacity named right before a figure in T or G (出口带宽8T, 出口带宽1200G).
_BANDWIDTH_BEFORE = re.compile(r"(?:带宽|容量|出口)[^,，。;；]{0,4}$")
_SKIP_BEFORE = re.compile(r"[A-Za-z0-9.+\-第]$")
# A counted thing joined by + to the next count of a layout ("1个综合协调办+3个实体运行部+N个项目组").
_LAYOUT_NEXT = re.compile(
    r"[\u4e00-\u9fff()（）]{1,16}\+(?:\d+|[A-Za-z]|[一二两三四五六七八九十])[个家项名位条]"
)


# 每 before a verb of spending or changing opens the unit a ratio is per (每投入1元, 每增加1个百分点).
_PER_INPUT = re.compile(r"每(?:投入|投资|增加|增长|减少|节约|消耗|提高|降低|下降)$")

_SKIP_AFTER = re.compile(r"^(?:[A-Za-z+\-]|月|日|号|年|\.\d|次|大|级|强|条例)")


def _bounds_category(text: str, end: int) -> bool:
    """Whether the words after a figure's 以上/以下 are a noun it bounds (企业, 项目), not a verb."""
    rest = re.match(r"(?:及)?(?:以上|以下)(?:的)?", text[end:])
    position = end + (rest.end() if rest else 0)
    word = next((w for w in segment(text) if w.start >= position), None)
    # 投资10亿元以上的重大/a 项目: an adjective opens the noun bounded too
    return word is not None and word.tag in ("n", "nz", "vn", "nw", "an", "a")


def _heads_name(text: str, start: int, end: int, num: str, unit: str, *, scaled: bool) -> bool:
    """Whether a number in G, P or T is part of a name (5G基站, 5G) rather than a size.

    "扩容至5200G," is a bandwidth, "智能算力供给超2万P" a capacity, and so are "出口带宽达3.2T," (no
    name is a decimal before T), "出口带宽8T", "出口带宽1200G宽带网络" and "超过1000P高性能算力".

    >>> [_heads_name(t, 0, t.index(u) + 1, t[: t.index(u)], u, scaled=False) for t, u in (("5G基站", "G"), ("5G,", "G"), ("5200G,", "G"), ("1000P高性能算力", "P"))]
    [True, True, False, False]
    >>> t = "出口带宽8T,"
    >>> _heads_name(t, 4, 6, "8", "T", scaled=False)
    False
    """
    size = parse_number(num) or 0
    bandwidth = unit in ("G", "T") and bool(_BANDWIDTH_BEFORE.search(text, max(0, start - 10), start))
    # a word right after it (5G基站, not 算力) makes the figure the head of a name, unless it is a
    # capacity of 100P or more or a bandwidth named as such
    if (
        re.match(r"[\u4e00-\u9fff](?<!算)", text[end:])
        and not (unit == "P" and size >= 100)
        and not bandwidth
    ):
        return True
    # a single digit alone is a generation of networks (5G, 4G), unless scaled or a decimal or bandwidth in T
    return size < 10 and not scaled and not (unit == "T" and ("." in num or bandwidth))


def is_measure(text: str, m: re.Match[str]) -> bool:
    """Return whether a numeral match is a measured figure rather than part of a name or date."""
    start, end = m.span()
    num, unit = m.group("num"), m.group("unit")
    before, after = text[max(0, start - 2) : start], text[end : end + 4]
    if (_SKIP_BEFORE.search(before) and not re.search(r"[A-Z]{3}$", text[:start])) or (
        not unit and _SKIP_AFTER.match(text[m.end("num") :])
    ):
        return False
    if _names_class(text[end:], unit, bool(m.group("scale"))):
        return False
    if _round_scale_label(text, m):
        return False
    if _PER_INPUT.search(text, max(0, start - 4), start):
        return False  # "每投入1元,将带动3元…": the unit of a ratio (SCHEMA.md per-unit figures), no figure
    if unit and re.match(r"(?:架构|架设|路径|路线|期间|台阶|台账|款式|层级|层面)", text[end - len(unit) :]):
        return False  # "遵循1322架构", "3台账": the counter opens a word of its own, no figure's unit
    if re.search(r"(?:过|超过|超|逾)$", text[:start]) and re.match(
        r"(?:以上)?的[\u4e00-\u9fff]{0,4}?(?:企业|项目|单位|城市|县|区|市|园区|集群|机构|基地|主体)",
        text[end:],
    ):
        return False  # "销售额过5000万元的企业": the threshold of a class of things (SCHEMA.md), no figure
    if (
        unit in ("个", "项", "家", "座", "所")
        and "全国" in re.split(r"[,，。;；]", text[:start])[-1]
        and re.match(r"[^,，。;；]*?(?:之一|中的)", text[end:])
    ):
        return False  # "被列为全国…100项典型案例之一": the size of the national list the place is in
    if unit in ("米", "公里") and re.search(r"最后$", text[:start]):
        return False  # "打通政务服务最后100米": a figure of speech for the last step, no distance
    if unit == "元" and re.match(r"级(?:的|别)", text[end:]):
        return False  # "撬动100亿元级的农村电商市场": an order of size, not a figure
    if (
        unit == "元"
        and re.search(r"个$", text[:start])
        and re.match(r"[\u4e00-\u9fff]{0,4}(?:园区|企业|产业|集群|项目|工程|基地)", text[end:])
    ):
        return False  # "成为玉林首个300亿元园区": the amount names the class of the thing counted
    # (a clause that reaches a level, “应免尽免”,即办事项占比达到50%, states a figure: 即办 is a word there)
    if re.search(r"[“\"][\dN+□]+[”\"][,，]?即[^。;；,，]*$", text[:start]) and not re.search(
        r"即[^。;；,，]*?(?:达到|达|分别|提升至|增至|占比)[^。;；,，]*$", text[:start]
    ):
        return False  # "“1+1+1+N”,即1个智能云中心、…": the parts of a layout, not figures (SCHEMA.md)
    if _LAYOUT_NEXT.match(text, end):
        return False  # SCHEMA.md: a layout (14个重大专项+78个科+N个专班) is no metric, its first part neither
    if num[0] in CN_NUMERAL_CHARS:
        # Chinese numerals are everywhere in prose (一批, 三大, 两级, 三个误区): keep counts of 2+ that
        # are plainly counted things (两家, 五星), or that a figure's verb or qualifier introduces (新增二十一个).
        if re.search(r"(?<!指)(?<!总)[数几]$", text[:start]) and num[0] in "十百千万":
            return False  # 数十家, 几百个: some tens or hundreds, no figure
        value = parse_number(num)
        cue = re.search(
            r"(超过|超|近|约|逾|达到|达|共|累计|新增|建成|突破|培训|共计|合计|至|到)$",
            text[max(0, start - 3) : start],
        )
        plain_count = (
            unit in ("家", "项", "星", "星级", "座", "所", "名")
            or bool(unit and unit != "期" and re.match(r"[,，。;；、]|$", text[end:]))
            or (unit == "倍" and text[start - 1 : start] in ("的", "是", "为"))
        )  # 二期 is a phase, not a count
        if (
            value is None
            or value < 2
            or (len(num) > 4 and not re.search(r"[百千万]", num))  # 二百一十三个 is a count
            or not (plain_count or (unit and (cue or m.group("scale"))) or (cue and m.group("scale")))
        ):
            return False
    if unit is None and PLACES_COUNTED.match(text, end) and not m.group("scale"):
        # "共有11地市入选": places are counted with no counter in news copy; "2023城市…" is a year
        return not re.fullmatch(r"(?:19|20)\d{2}", num) and "." not in num
    if unit is None:
        if m.group("scale"):
            return True  # "网民规模达10.67亿": the unit is implied by the indicator
        # A bare figure only counts as an index value: "总指数达98.1", or as a part of a score
        # opened before it ("总分73.73(其中,服务供给能力30.4、…)").
        return "." in num and bool(
            INDEX_WORDS.search(text[max(0, start - 12) : start]) or SUBSCORES.search(text[:start])
        )
    if unit in ("位", "名") and not re.search(r"第$", text[:start]):
        return (
            unit == "名"
            and (
                bool(re.search(_PEOPLE_NOUNS, after + text[max(0, start - 6) : start]))
                or bool(
                    re.search(r"[\u4e00-\u9fff](?:人|员|者)$", text[:start])
                )  # 数据开放联系人73名, 网格员3000名
                or _people_after(text, end)
                # "进驻客服87名,": N名 closing its clause after the people it counts (前10名 is a top-N bound)
                or bool(
                    num[0].isdigit()  # 上百名 is a rough size, not a count
                    and re.match(r"(?:以上|左右|多|余)?(?:[,，。;；、)）]|$)", text[end:])
                    and re.search(r"[\u4e00-\u9fff](?:超过|达到|共|近|约|超|达)?$", text[:start])
                    and not re.search(r"(?:前|后|排名|名列)[\u4e00-\u9fff]{0,2}$", text[:start])
                )
            )
        )
    if unit == "分" and (
        re.match(r"[钟之类别局行院区公享配工析布级]", text[end:])
        or not ("." in num or re.search(r"(分|得分|指数|评分|评估)", text[max(0, start - 30) : start]))
    ):
        return False  # 86.4分 is a score; 15分钟 and 分类 are not
    if (
        unit in ("小时", "个小时", "个月", "分钟", "天", "秒")
        and re.match(r"[\u4e00-\u9fff]", text[end:])
        # "3.5小时平均等待时间": a duration of a measure named after it
        and not re.match(r"[\u4e00-\u9fff]{0,6}(?:时间|时长|周期)", text[end:])
        and not re.match(
            r"[内以至到]|左右|(?:缩短|压缩|缩减|压减|减少|降低|下降|提升|提高|增加|[增减降升])(?:至|到)",
            text[end:],
        )
    ):
        return False  # "24小时自助政务服务体系": the duration describes a service
    if re.search(r"》[(（][^()（）]{0,6}$", text[:start]):
        return False  # 《…案例选编》(共10个案例): a note on the cited document, not a figure of the place
    if unit == "个" and re.match(r"(?:多|余|半)?(?:月|小时|钟头|星期)", text[end:]):
        return False  # "5个多月以来": a span of time, not a count
    if unit == "级" and not (
        re.search(r"(?:达到|达|为|提升至|提升到|提高至|提高到|升至|晋升为?)(?:了)?$", text[:start])
        and re.match(r"(?:及?以上)?(?:[,，。;；、)）]|$)", text[end:])
    ):
        return False  # 三级联动, 4级指挥体系: a tier; "应用水平达到4级以上": a level reached
    if unit == "通" and re.match(r"[过信讯道知用达报行车航畅关办]", text[end:]):
        return False  # 通过, 通信, 通办: a verb or a name, not a count of calls (120万通来电)
    if unit == "支" and re.match(r"[持撑付出柱]", text[end:]):
        return False  # 支持, 支撑, 支付 are verbs, not a count of teams
    if (unit, text[end : end + 1]) in (
        ("起", "步"),
        ("起", "来"),
        ("起", "草"),
        ("例", "如"),
        ("例", "外"),
    ) or (unit == "单" and re.match(r"[位元项个体一独品车]", text[end:])):
        return False  # 起步, 例如, 单位: the counter is the start of another word
    if unit in ("G", "P", "T", "ms", "Tbps", "Gbps", "Mbps", "GB") and re.match(
        r"[A-Za-z0-9\-]|\s[A-Z]{2,}", text[end:]
    ):
        return False  # the unit runs on into a code or a word (5GB, 10G-PON, 10G PON)
    if unit in ("G", "P", "T") and _heads_name(text, start, end, num, unit, scaled=bool(m.group("scale"))):
        return False
    amount = unit in ("元", "%", "人", "平方米", "亩", "吨") or unit is None
    if (
        amount
        and re.match(r"(?:及)?(?:以上|以下)(?:的)?[\u4e00-\u9fff]", text[end:])
        and _bounds_category(text, end)
        and not (
            unit == "%" and not re.search(r"\d(?![\dA-Za-z.])", re.split(r"[,，;；:：。]", text[end:])[0])
        )
    ):
        return False  # SCHEMA.md: 超10亿元以上企业39家 — the 10亿元 bounds a category
    if re.search(
        r"(?:入选|跻身|列入|获批)[^,，;；。]{0,6}(?:全国|全省|首批|第[一二三四五六七八九十]批)[^,，;；。]{0,4}$",
        text[:start],
    ):
        return False  # 入选全国首批50个5G商用城市: the size of a list the place joined, not its own figure
    if _STRUCTURE_NOUNS.match(text[end:]) or (
        text[end : end + 1] == "“"
        and (unit in AMOUNTS or unit in _DURATIONS or not _counted_quote(text, end))
    ):
        return False  # "24小时“不打烊”": the figure describes a quoted name; 40个“一件事”主题套餐 counts one
    clause_start = max(text.rfind(c, 0, start) for c in ",，;；。:：") + 1
    clause_end = min([i for i in (text.find(c, end) for c in ",，;；。:：") if i >= 0] + [len(text)])
    if _SUPPORT.search(text[clause_start:clause_end]) and (
        _RATE_BEFORE.search(text[clause_start:start])
        or re.match(r"[^,，;；。]{0,3}(?:以内|封顶)", text[end:])
    ):
        return False  # "给予最高100万元奖励", "按投资额的10%给予补贴": a policy's rate, not a measurement
    if re.search(r"(?:^|[^\u4e00-\u9fff])对[^,，;；。]{0,20}$", text[clause_start:start]) and re.match(
        r"[^,，;；。]{0,8}?的(?:企业|项目|单位|机构|个人|主体|团队)", text[end:]
    ):
        return False  # SCHEMA.md: 对年营业收入首次突破1亿元的企业 — a threshold inside a category
    if _CONDITION.search(text[:start]) and re.match(r"[^,，;；。:：]*?(?:时|的时候)", text[end:]):
        return False  # "当…过火面积超过2平方米时,系统会自动报警": a condition's threshold, not a measurement
    if len(num) == 4 and num.startswith(("19", "20")) and unit in ("个", "家", "项") and "." not in num:
        return not re.match(r"年", after)
    return not (unit == "%" and re.match(r"\d", after))


# Support a policy gives (给予…奖励) and the words that make a figure its rate or cap (最高, 每个, 按…的).
_SUPPORT = re.compile(r"(给予|奖励|补贴|补助|资助|扶持|奖补)")
_RATE_BEFORE = re.compile(r"(最高|最多|不超过|每个|每家|每项|每户|每台|按照|按)[^,，;；。]{0,14}$")
# 当 opening a clause as "when" (当探测到…时), not 当年, 当前, 当地, 相当, 适当.
_CONDITION = re.compile(
    r"(?:^|[,，;；。:：“”\s])(?:当|每当|一旦)(?![年前地日月天期中下选然作成好家场即])[^,，;；。:：]*$"
)

_DURATIONS = ("小时", "个小时", "分钟", "天", "秒", "个月", "个工作日", "工作日")

# A grade written before a noun: 千亿元级企业, 百亿级产业集群, 三星级新型智慧城市, 四星级以上城市.
# Only with a figure of its own later in the clause: "建成全域四星级新型智慧城市" is the level reached.
_CLASS_AFTER_AMOUNT = re.compile(
    r"级(?:及以上|以上)?(?:的)?[\u4e00-\u9fff][^,，;；:：。]*?\d"
    # "总投资超100亿元项目有2个", "50亿元~100亿元项目2个": an amount (or a band of them) naming the class
    # of projects or firms counted right after it
    r"|(?:[~～\-—至到][\d.]+[千百万亿]*元)?(?:及以上|以上|以下)?(?:的)?(?:项目|企业|工程)(?:有|共|达)?"
    r"[\d一二两三四五六七八九十]"
)
_CLASS_AFTER_STAR = re.compile(
    r"(?:级)?(?:及以上|以上)?(?:的)?(?!水平|标准|等级|评价|认证|评定)[\u4e00-\u9fff]"
    r"(?:[^,，;；:：。]*?\d|[\u4e00-\u9fff]{0,10}?(?:试点|示范))"
)  # …or names a designation (四星级新型智慧城市试点县创建): a programme's name, no figure


# What follows a round amount that is a figure after all: its bounds, or the mark it passes (大关).
_AMOUNT_GOES_ON = re.compile(r"(?:以上|以下|以内|左右|大关|台阶|量级|规模|的)")
# Verbs that reach, pass or aim at an amount: what follows them is a figure.
_REACHES = re.compile(r"(?:达到?|突破|超过?|过|逾|迈上|跨越|实现|迈向|冲刺|增至|达至)$")


def _round_scale_label(text: str, m: re.Match[str]) -> bool:
    """Whether a round amount in words (千亿元, 百亿元) heads a noun as its scale: a label of a class of
    industry or zone (打造千亿元数字经济示范区, 撬动千亿元电子信息产业), no amount measured.

    >>> from loaders.metrics import _FIGURE
    >>> [_round_scale_label(t, _FIGURE.search(t)) for t in ("打造首个千亿元数字经济示范区", "规模突破千亿元大关", "产值千亿元,增长")]
    [True, False, False]
    """
    if m.group("unit") != "元" or not m.group("scale") or re.search(r"\d", m.group("num")):
        return False
    start, end = m.span()
    return (
        bool(re.match(r"[\u4e00-\u9fff]", text[end : end + 1]))
        and not _AMOUNT_GOES_ON.match(text, end)
        and not _REACHES.search(text[max(0, start - 3) : start])
    )


def _names_class(after: str, unit: str | None, scaled: bool) -> bool:
    """Return whether a figure is a grade naming a class of the things after it, not a measure: an
    amount's order (千亿元级企业1家 counts 企业 of that class) or a star level (三星级新型智慧城市覆盖率100%
    is a share of such cities), when a figure of its own follows in the clause. A level reached ends
    its clause (评为五星级,), names a standard or is what the place became (建成四星级新型智慧城市).

    `after` is the text right after the figure, `unit` its counter, `scaled` whether it has 万/亿.

    >>> _names_class("级企业1家", "元", True), _names_class("新型智慧城市覆盖率100%", "星级", False)
    (True, True)
    >>> _names_class("新型智慧城市,数字化转型", "星级", False), _names_class("新型智慧城市试点县创建", "星级", False)
    (False, True)
    >>> _names_class(",", "星级", False), _names_class("标准", "星级", False), _names_class("。", "元", True)
    (False, False, False)
    >>> _names_class("项目有2个;50亿元", "元", True), _names_class("~100亿元项目2个", "元", True)
    (True, True)
    """
    if unit == "元" or (unit is None and scaled):
        return bool(_CLASS_AFTER_AMOUNT.match(after))
    if unit in ("星", "星级"):
        return bool(_CLASS_AFTER_STAR.match(after))
    return False


def _counted_quote(text: str, end: int) -> bool:
    """Whether a quoted name after a counter is what it counts: the quote closes on a noun head of
    its own (“一件事”主题套餐, “一次办妥”事项清单已于…) or ends the clause (三个“一号工程”).

    >>> _counted_quote("286项“一次办妥”事项清单已于5月公布", 4), _counted_quote("24小时“不打烊”自助政务", 4)
    (True, False)
    >>> _counted_quote("40个“一件事”落地实施。", 3)
    True
    """
    m = re.match(r"“[^“”]{1,12}”([\u4e00-\u9fff]{0,8}?)(?=[,，。;；:：、)）]|$)", text[end:])
    if m is not None and (not m.group(1) or bool(re.search(_COUNT_HEADS, m.group(1)))):
        return True
    # "联合测绘等40个“一件事”落地实施": the counted names are the subject of what was done with them
    if m is not None and re.match(
        r"(?:全面|已|均|陆续|相继)?(?:落地|上线|实施|推出|实现|建成|完成|纳入|入选|获批|开通)", m.group(1)
    ):
        return True
    # "286项“一次办妥”事项清单已于…公布": the head noun opens the rest of the clause
    return bool(re.match(r"“[^“”]{1,12}”[\u4e00-\u9fff]{0,4}?" + _COUNT_HEADS[:-1], text[end:]))


def _people_after(text: str, end: int) -> bool:
    """Whether the noun right after a figure in 名 names people by their role (网格员, 嘉宾, 志愿者)."""
    phrase = phrase_after(mended(segment(text)), end)
    return len(phrase) >= 2 and (
        phrase[-1] in "员者师生士宾长" or phrase.endswith(("领导", "书记", "负责人"))
    )
