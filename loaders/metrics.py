"""Figures in a sentence: counts, amounts, shares, ranks and targets (SCHEMA.md `metrics`).

Candidates come from patterns (a number with its scale and counter, 第N after a rank verb, 连续N年,
N大X); each then takes the indicator its clause gives it (loaders/indicators.py), or the one of the
figure or clause it continues (loaders/antecedents.py); a figure that names nothing is left out. Whether it is a target, and
its year, is decided last (loaders/targets.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.antecedents import carry_subjects, name_by_programme, split_owned, split_respectively
from loaders.figures import AMOUNTS, Figure
from loaders.gazetteer import load_gazetteer
from loaders.indicators import (
    SCOPE,
    counted_phrase,
    ranked_phrase,
    streak_subject,
    subject_before,
)
from loaders.measures import INDEX_WORDS, PLACES_COUNTED, SUBSCORES, is_measure
from loaders.numbers import CN_NUMERAL_CHARS, half_width, parse_number, qualifier_of
from loaders.places import find_place_spans
from loaders.targets import figure_year, horizon_year, is_planned
from loaders.words import segment

# Measure words we keep, longest first so 个百分点 wins over 个. 年 only counts after 连续 (see below).
_UNITS = (
    "个百分点", "百分点", "个工作日", "工作日", "个月", "个小时", "小时", "分钟", "万人次", "人次", "家次", "件次", "场次", "条次", "户次", "架次", "批次", "PFlops", "PFLOPS", "Pflops", "平方千米", "立方米",
    "EFlops", "EFLOPS", "Tbps", "Gbps", "Mbps", "泽字节", "艾字节", "拍字节", "ZB", "核", "路", "次", "标准机架", "平方公里", "平方米",
    "千米", "芯公里", "皮长公里", "公里", "千瓦时", "兆瓦", "千瓦", "兆伏安", "千伏安", "毫秒", "ms", "大类", "小类", "㎡", "个", "家", "项", "位", "名", "期", "人", "户", "条", "类", "届",
    "分", "星级", "星", "元", "台", "套", "座", "所", "处", "件", "倍", "亩", "吨", "场", "批", "款", "张", "辆", "架", "棵",
    "栋", "幢", "种", "天", "秒", "笔", "份", "篇", "支", "根", "盏", "块", "颗", "枚", "艘", "起", "单", "宗", "例", "通", "平米", "GB", "PB", "TB", "EB", "P", "T", "G", "MW", "%",
    "级", "斤", "度", "公顷", "vCPU", "米", "层", "封", "组", "册", "本", "只", "席",
)  # fmt: skip
# M alone is a bandwidth's megabits (100M宽带) where no letter or digit goes on (11370300MB… is an index code)
# 门 counts courses only (500门精品课程; 一门式 is a way of working)
_UNIT_RE = (
    "|".join(re.escape(u) for u in _UNITS)
    + r"|M(?![A-Za-z\d])|部(?![门委署分长队位])|门(?=[\u4e00-\u9fff]{0,4}课)"
)
_CN = f"[{CN_NUMERAL_CHARS}]+"
# A space may stand between a number and its scale or unit ("12 个重点场景", "1240 万"), or after its
# decimal point where a layout broke it ("13. 47亿条").
_FIGURE = re.compile(
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\. ?\d+)?|{_CN})(?: ?(?P<more>多|余))?(?: ?(?P<scale>万亿|千亿|百亿|亿|千万|百万|万))?(?P<more2>多|余)?"
    rf"(?: ?(?P<unit>{_UNIT_RE}))?"
)
# Units written out in Chinese are stored as their usual symbol (32.85泽字节(ZB) → ZB).
_UNIT_NAMES = {
    "个小时": "小时",
    "星级": "星",
    "大类": "类",
    "小类": "类",
    "泽字节": "ZB",
    "艾字节": "EB",
    "拍字节": "PB",
}
_PERCENT_WORDS = re.compile(
    rf"百分之(?P<num>\d+(?:\.\d+)?|{_CN})(?:点(?P<decimals>[零〇一二三四五六七八九]+))?"
)
_DIGITS = {c: str(k) for k, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}
# "七成以上", "同比增长三成": tenths are shares; only before a bound or the clause's end (一成不变 is none).
_TENTHS = re.compile(
    r"(?<![一二两三四五六七八九十百千万亿\d.])(?P<num>[一二三四五六七八九]|[1-9](?![\d.]))成(?=以上|左右|多|[,，。;；、)）]|$)"
)  # "贡献率超6成;" is written with a digit too
# "连续7年上榜": a run of years is a figure; other 年 after a number is a date.
_CROWNS = re.compile(r"(?P<num>\d+|[二两三四五六七八九十]+)连冠")


def _titled_before(text: str, start: int) -> str:
    """The name right before a streak in its own clause (深圳市政府在线网站绩效评估实现三连冠), or ''.

    >>> _titled_before("深圳市政府在线网站绩效评估实现三连冠", 15), _titled_before("过去的一年,实现了四连冠", 10)
    ('深圳市政府在线网站绩效评估', '')
    """
    clause = re.split(r"[,，。;；:：()（）]", text[:start])[-1]
    named = re.match(r"(.{4,30}?)(?:实现了?|获得|取得|荣获)?$", clause)
    return (
        named.group(1)
        if named and re.search(r"(?:评估|评价|排名|测评|评比|考核|榜单|指数)$", named.group(1))
        else ""
    )


# "获全市第3,全省第13的名次": what the ranks won, after them
_WON_RANK = r"的(?:好)?(?:名次|成绩|位次|排名|佳绩)"
_YEARS_RUN = re.compile(r"连续(?:第)?(?P<num>\d+|[二两三四五六七八九十]+)(?:个)?(?P<unit>年|届)(?:度)?")
_RANK = re.compile(
    r"(?P<cue>位居|居于|居|位列|并列|列|排名|排|升至|上升至|上升到|跃居|跃升至|跃升到|提升至|提升到|跻身|名列|位次|蝉联|获得了|获得|荣获|保持|(?<=[也还])是"
    # a streak with no verb ranks all the same ("指标连续三年全市第一")
    r"|(?<=连续[二两三四五六七八九十\d])年(?=全)"
    # a rank straight after what is ranked, with no verb ("装机规模全省第一")
    # (or a region's: "经济密度西部第1、全市第1")
    r"|(?<=[\u4e00-\u9fff%、])(?=(?:全[国省市区县]|中西部|西部|中部|东部|东北)第))[^,，。;；:：]{0,14}?"
    rf"(?:第(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?P<unit>位|名)?|(?P<first>首位|榜首))"
    rf"(?:(?![\u4e00-\u9fffA-Za-z0-9])|(?=[和、及与]第)|(?={_WON_RANK}))"
)  # 首位 and 榜首 are 第一 ("居全国城市首位", "位居全国工业百强区榜首")
# A rank written without 第 after its verb: "我市位列34位", "排名全国12位". A move (上升5位), a top-N
# bound (前10位) or a count of places (排名前列的3位) is none, so the words between take no such word.
_BARE_RANK = re.compile(
    r"(?P<cue>位列|位居|居于|排名|名列|排在|跃居|居(?=全))"
    r"(?P<between>[^,，。;；:：\d第前后升降进退提上下增减个]{0,12}?)"
    r"(?P<num>\d{1,3})(?P<unit>位|名)(?![\u4e00-\u9fffA-Za-z0-9])"
)
# A place among the top N ("稳居前三", "首次进入前十", "“省考”进前三目标") is a rank of N (SCHEMA.md: a rank
# takes unit 位); 前三季度 and 前列 are no ranks.
_TOP_RANK = re.compile(
    r"(?P<cue>稳居|位居|位列|名列|跻身|进入|挺进|迈入|进|排名|排在|保持)"
    r"(?P<between>[^,，。;；:：\d第前后]{0,12}?)前(?P<num>十[一二三四五六七八九]?|[二三四五六七八九]十|[二两三四五六七八九]|\d{1,3})"
    r"(?:名|位|强)?(?:(?![\u4e00-\u9fffA-Za-z0-9])|(?=的?目标))"
)
# A counter over a denominator after a figure ("122.5部/百人", "21.2个/万人"), which a word of a
# change or a rank may follow ("由21.7部/百人提高到…"), but no more of a noun (元/人次 is per visit).
_PER_UNIT = re.compile(
    r"(?P<counter>[部台个张辆座]?)/(?P<per>每?(?:百|千|万|十万|百万)?(?:人|户|平方公里|人口))(?=$|[^\u4e00-\u9fff]|[提增升降减较比居位])"
)
# A rank's move since the last count: "较上年度跃升8位", "排名提升3个位次".
_RANK_MOVE = re.compile(
    r"(?:较|比)(?:上年度?|去年|上一年度?|上期)(?P<verb>跃升|上升|提升|前移|攀升|提高|下降|下滑|后移)(?P<num>\d{1,3}|[一二两三四五六七八九十]{1,3})(?:个)?(?:位次|位|名)"
)  # written in words as often ("排名比去年上升一位")
# A rank with no 第 after a listed place: "东莞(21位)、佛山(22位)", "东莞18位、佛山26位".
_LISTED_RANK = re.compile(r"[(（]?(?P<num>\d{1,3})位[)）]?(?=[、,，。;；]|$)")


def _after_place(text: str, start: int) -> bool:
    """Whether the word right before `start` (past an opening bracket) is a place name (LAC's LOC)."""
    start -= 1 if text[start - 1 : start] in ("(", "（") else 0
    word = next((w for w in reversed(segment(text)) if w.end <= start), None)
    return word is not None and word.end == start and word.tag == "LOC"


# A ranked list a document names: “2022数字经济城市发展百强榜”, 《…百强榜》, 发布了2023数字百强市.
_BOARD = re.compile(
    r"[《“]([^》”]{2,30}?(?:榜|榜单|排行榜))[》”]|((?:19|20)\d{2}年?[\u4e00-\u9fff]{0,12}?百强(?:市|县|区|城市|榜))"
)


def named_board(sentence: str) -> str:
    """Return the last ranked list a sentence names, or "".

    >>> named_board("会上发布了2023数字百强市和《2023中国数字城市竞争力研究报告》")
    '2023数字百强市'
    >>> named_board("形成“2022数字经济城市发展百强榜”")
    '2022数字经济城市发展百强榜'
    """
    found = [a or b for a, b in _BOARD.findall(sentence)]
    return found[-1] if found else ""


# A dated ranking or assessment: 《2020数字政府发展指数报告》, 2019中国数字政府服务能力…评估结果.
_DATED_RANKING = re.compile(
    r"(?:19|20)\d{2}(?:年度?)?[^,，。;；:：《》“”]{0,24}?(?:评估|测评|指数|榜单|排行榜|百强榜|榜)"
)
# An index or list a sentence ranks in by name ("开放数林指数…居全国城市综合排名第13位").
_OWN_RANKING = re.compile(r"([\u4e00-\u9fff]{4,10})(?:指数|榜)")


def dated_ranking(sentence: str) -> str:
    """Return the last dated ranking or assessment a sentence names ("2020数字政府发展指数"), or "".

    >>> dated_ranking("清华大学数据治理研究中心发布了《2020数字政府发展指数报告》")
    '2020数字政府发展指数'
    >>> dated_ranking("截至2022年底,全市建成5G基站1万个")
    ''
    """
    found = [m.group(0) for m in _DATED_RANKING.finditer(sentence)]
    return found[-1] if found else ""


def ranking_year(ranking: str, sentence: str) -> int | None:
    """Return the year of the dated `ranking` for the ranks and scores of a sentence that names no
    other index or list of its own, or None.

    >>> ranking_year("2022中国数字政府发展指数", "在省级排名上,上海位列全国第一名")
    2022
    >>> ranking_year("2022年数字城市百强榜", "开放数林指数居全国城市综合排名第13位") is None
    True
    """
    if not ranking:
        return None
    own = [name[-4:] for name in _OWN_RANKING.findall(sentence)]
    if any(name not in ranking for name in own):
        return None
    return int(ranking[:4])


def _name_listed_ranks(figures: list[Figure], listed: set[int], antecedent: str) -> list[Figure]:
    """Name each rank listed after a place as the rank before it in the sentence, or as the last
    figure before the sentence when that was a rank; a listed rank with neither is left out."""
    out: list[Figure] = []
    for f in figures:
        if f.start in listed:
            ranks = [p for p in out if p.unit == "位" and p.indicator]
            named = ranks[-1].indicator if ranks else antecedent if antecedent.endswith("排名") else ""
            if not named:
                continue
            f = Figure(f.value, f.unit, named, f.qualifier, f.year, f.start, f.end)
        out.append(f)
    return out


# "北京、浙江、广东分列第二至四名": a run of ranks shared out over the places listed before its verb.
_RANK_RANGE = re.compile(
    r"(?P<cue>分列|分别位列|分别位居|分别列|分别居|分居|依次位列|依次列)(?P<scope>全[国省市区县])?"
    rf"第(?P<a>\d+|[{CN_NUMERAL_CHARS}]+)(?:至|到|-|—|~)第?(?P<b>\d+|[{CN_NUMERAL_CHARS}]+)(?:位|名)"
    r"(?![\u4e00-\u9fffA-Za-z0-9])"
)
# "排名第一的是广东省", "第二名是长沙市": a rank whose holders are named after it.
_RANK_HELD_BY = re.compile(
    rf"(?P<cue>排名|位列|名列)?第(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?:名|位)?的?(?:是|为)(?=[\u4e00-\u9fff])"
)
# "从2014年的第70位跃升至…": the rank a move started from, before the verb of the move.
_RANK_FROM = re.compile(
    rf"(?:从|由)(?:(?:19|20)\d{{2}}年度?的?)?(?:全[国省市区县])?第(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?:位|名)"
    r"(?=[^,，。;；]{0,4}?(?:跃升|上升|提升|攀升|升|下降|下滑|降|前移|后移)(?:至|到|为))"
)
# The word right before a rank's verb that shares it out (分列, 分别位列) or gives it to each (均, 都).
_SHARING = re.compile(r"(?:分别|分|均|都|同时)$")
# A figure said of each of the places the sentence opens with ("…,得分均为10分", "均在75分以上").
_EACH = re.compile(r"均(?:为|在|达到|达|超过|超|保持|位于|是)?$")
# "北京、上海、深圳、广州位于第一梯队,得分超过90分": a score past a bar is each listed place's.
_SCORED_PAST = re.compile(r"得分(?:超过|高于|超|不低于)$")


def listed_places(text: str, end: int) -> list[tuple[int, int]]:
    """Return the spans of two or more place names listed right before `end`, or [].

    >>> t = "安徽、江苏、黑龙江、广东并列省级组织机构第一"
    >>> [t[a:b] for a, b in listed_places(t, 12)]
    ['安徽', '江苏', '黑龙江', '广东']
    >>> listed_places("上海位列全国第一名", 2)
    []
    """
    words = [w for w in segment(text) if w.end <= end]
    if not words or words[-1].end != end:
        return []
    spans: list[tuple[int, int]] = []
    k = len(words) - 1
    while k >= 0 and words[k].tag == "LOC":
        spans.insert(0, (words[k].start, words[k].end))
        if k < 1 or words[k - 1].text not in ("、", "和", "与", "及"):
            break
        k -= 2
    return spans if len(spans) >= 2 else []


def _places_after(text: str, start: int) -> list[tuple[int, int]]:
    """Return the spans of the place names listed from `start` on ("广西壮族自治区、湖北省,…"), or [].

    >>> t = "第四名是广西壮族自治区、湖北省,第五名是浙江省"
    >>> [t[a:b] for a, b in _places_after(t, 4)]
    ['广西壮族自治区', '湖北省']
    """
    spans: list[tuple[int, int]] = []
    for w in (w for w in segment(text) if w.start >= start):
        if w.tag == "LOC" and (not spans and w.start == start or spans and spans[-1][1] + 1 == w.start):
            spans.append((w.start, w.end))
        elif not (spans and w.text in ("、", "和", "与", "及") and w.start == spans[-1][1]):
            break
    return spans


def _opening_places(text: str) -> list[tuple[int, int]]:
    """Return the spans of the two or more places listed at the head of a sentence, or [].

    >>> t = "上海、北京并列第二,得分均为9分"
    >>> [t[a:b] for a, b in _opening_places(t)]
    ['上海', '北京']
    >>> t = "在数字产业化方面,北京、上海位于第一梯队"
    >>> [t[a:b] for a, b in _opening_places(t)]
    ['北京', '上海']
    """
    words = segment(text)
    # "在城市数字产业化水平方面,北京、上海…": a frame may open the sentence before its places.
    frame = re.match(r"在[^,，。;；:：]{2,20}?(?:方面|领域|中)[,，]", text)
    k = 0
    while k < len(words) and (
        words[k].text in ("其中", ",", "，", "而") or frame and words[k].start < frame.end()
    ):
        k += 1
    first = k
    while k < len(words) and (words[k].tag == "LOC" or words[k].text in ("、", "和", "与", "及")):
        k += 1
    if k == first or k >= len(words):
        return []
    places = listed_places(text, words[k - 1].end)
    if text.startswith("等", words[k - 1].end):
        return []  # "重庆、济南等36个城市构成第二梯队": examples of a larger group, whose facts are the group's
    return places if places and places[0][0] == words[first].start else []


def _each_place(
    figure: Figure, places: list[tuple[int, int]], values: list[float] | None = None
) -> list[Figure]:
    """Return the figure once per listed place, placed right after that place's name so that it is
    that place's (loaders/figure_places.py: a figure glued to a listed place); `values` are the
    places' own values in order (ranks shared out), else each place takes the figure's."""
    return [
        Figure(
            values[k] if values else figure.value,
            figure.unit,
            figure.indicator,
            figure.qualifier,
            figure.year,
            end,
            end,
        )
        for k, (_, end) in enumerate(places)
    ]


def _name_moves(figures: list[Figure], moves: dict[int, str]) -> list[Figure]:
    """Name each rank move after the rank before it ("…排名第11位,较上年度跃升8位" → …排名跃升); a move
    whose rank names nothing is left out."""
    out: list[Figure] = []
    for f in figures:
        if f.start in moves:
            ranks = [p for p in out if p.unit == "位" and p.indicator and p.start not in moves]
            if not ranks:
                continue
            named = re.sub(r"排名$", "", ranks[-1].indicator) + "排名" + moves[f.start]
            f = Figure(f.value, f.unit, named, f.qualifier, f.year, f.start, f.end)
        out.append(f)
    return out


# Further ranks in the same list: "位列全国第一和第三位", "位列全省第3、全市第1" (a scope of its own).
# "全国排名第六(西部第一)": a rank in brackets right after a rank is the same thing's rank in the
# scope it names.
_MORE_RANKS = re.compile(
    r"^(?:(?:和|、|及|与)|[,，](?=全|[\u4e00-\u9fff]{1,4}(?:省|自治区)第)|[(（](?=[\u4e00-\u9fff]{2,6}第))"
    # the scope: 全省, 陕西省, (西部), or a place's short name after 、 ("排名全国第五、福建第一")
    r"(?P<scope>全[\u4e00-\u9fff]{1,6}?|[\u4e00-\u9fff]{1,4}(?:省|自治区)|(?<=[(（])[\u4e00-\u9fff]{2,6}?|(?<=、)[\u4e00-\u9fff]{2,4}?(?=第))?"
    # "分列第二、三名": a later rank of the list may leave out its 第 when its counter follows, or ends
    # the list it is in ("分别排名第32、37、44位")
    rf"(?:第|(?=(?:\d+|[{CN_NUMERAL_CHARS}]+)(?:、(?:\d+|[{CN_NUMERAL_CHARS}]+))*[位名]))"
    rf"(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?P<unit>位|名)?(?:(?![\u4e00-\u9fffA-Za-z0-9])|(?={_WON_RANK}))"
)
# "五大专项行动", "3大工程": a plan's named things, counted by their kind; 三大误区 and 五大维度 are
# rhetoric. Digits count only before 大 (a digit before 项 or 个 is an ordinary figure).
_NAMED_COUNT = re.compile(
    r"(?<![一二两三四五六七八九十第\d.])(?P<num>[二两三四五六七八九十]{1,2}|十[一二三四五六七八九]|\d{1,2}(?=大))"
    r"(?P<unit>大|项|个)(?!以来|报告|关于|精神)"
)  # 十一个应用场景: eleven is 十一, whose 一 no other count takes
# The kinds of things a plan or a report counts by name: tasks (四大数字攻坚战, 九大专项) and what is
# built or run (四个基地, 九大…产业园, 三个板块 of an app, 九个频道 of a site, 四大品牌).
_NAMED_HEADS = re.compile(
    r"(行动|工程|任务|举措|计划|改革|突破|攻坚战|专项|项目|数据库|基础库|资源库|专题库|园区|产业园|集群|专班|小组|工作组"
    r"|系统|平台|基地|板块|品牌|频道)(?:建设)?[”\"]?$"
)
# The frames a plan orders its work in, counted by 大 only (五大体系, 七大应用场景, 10大重点领域; 三个领域
# is a figure of speech as often).
_FRAME_HEADS = re.compile(r"(体系|(?:应用|重点)?场景|(?:重点)?领域)[”\"]?$")
# 五大攻坚突破: five tasks
_TASKS = ("行动", "工程", "任务", "举措", "计划", "改革", "突破", "攻坚战", "专项")
_IMPLICIT_YUAN = re.compile(
    r"(经济|规模|产值|营收|收入|增加值|GDP|投资|资金|金额|融资|交易额|销售额|总额|税收|利润|基金)"
)
# SCHEMA.md: a count of people or users with no counter takes 人; of households (市场主体) 户.
_IMPLICIT_PEOPLE = re.compile(
    r"(网民|用户|人口|人才|人员|居民|游客|旅客|乘客|访客|观众|学员|会员|日活|月活|粉丝|群众|市民|人数|持卡人)"
)
_IMPLICIT_HOUSEHOLDS = re.compile(r"(市场主体|经营主体|(?<!用)户数|农户|住户|家庭)")
# Uses and cases counted without a counter: 调用量15亿 is 次, 办件量12万 is 件.
_IMPLICIT_TIMES = re.compile(r"(访问|浏览|点击|调用|下载|交换)(量|次数)$")
_IMPLICIT_CASES = re.compile(r"(办件|办理|受理)量$")
# The cues a goal stated earlier in the document needs in a figure's own clause ("…覆盖率达到90%").
_TARGET_CUES = re.compile(r"(达到|力争|确保|打造|创建|建成|实现|培育|争创|提升至|提高到|不低于|以上)")
_PAST_CUES = re.compile(r"(已|截至|截止|同比|比上年|较上年|获评|入选|位列|位居|居全)")
# A web page's own counters ("阅读 10万+", "在看 256", "阅读大约需要8分钟") say nothing about a place.
_PAGE_COUNTERS = re.compile(
    r"^(?:阅读|在看|点赞|浏览|评论|转发|分享|收藏)(?:量|数|次数)?$"
    # a byline's role read before a date ("记者…前8个月"): a person, nothing counted
    r"|^(?:本报)?(?:记者|通讯员|实习生|编辑|责任编辑|摄影|摄|作者)$"
)
_SHARED_UNIT_LIST = re.compile(r"(?<![\d.A-Za-z第])(?:\d+(?:\.\d+)?(?:、|和|及|与))+$")


# The space that parts a figure with its counter from the next cell of a table row.
_CELL_GAP = re.compile(r"(?<=\d[\u4e00-\u9fff%])[ \t\u3000]+(?=[\u4e00-\u9fff])")
# The hour before a time of day's minutes (08:18) and the year before a periodical's issue (2019年8期).
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}:$")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年第?$")


def find_figures(
    sentence: str,
    *,
    target_year: int | None = None,
    horizon: int | None = None,
    planned: bool = False,
    report_year: int | None = None,
    antecedent: str = "",
    board: str = "",
    last_rank: str = "",
    dated_year: int | None = None,
) -> list[Figure]:
    """Return the figures of one sentence, in order; a figure whose clause names nothing it counts is left out.

    `target_year` is the year of a plan's goals stated earlier in the document ("到2025年"), so that
    "智慧社区覆盖率达到90%" after it is read as a target; `planned` says the paragraph is stating a plan
    ("今年济南市将…。…优化15项热点民生服务"); `horizon` and `report_year` are the end year of a plan
    document and the year a dated summary reports on; `antecedent` is the indicator of the last figure
    before the sentence, which "这个数字" points back to; `board` the ranked list the document named
    last ("2023数字百强市"), which "榜单显示,…分列第三" ranks in; `last_rank` the indicator of the
    document's last rank, which places listed as sharing a rank with nothing named ("…并列第二") hold;
    `dated_year` the year the document is dated, after which "到2021年底" reports a level reached.

    >>> [(f.indicator, f.value, f.unit, f.qualifier) for f in find_figures("全市数字经济核心产业企业超1000家,5G基站8210个")]
    [('数字经济核心产业企业', 1000.0, '家', '>'), ('5G基站', 8210.0, '个', '=')]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("在全国数字经济发展百强榜上上升至第40位")]
    [('数字经济发展百强榜排名', 40.0, '位')]
    >>> [(f.value, f.unit, f.year) for f in find_figures("截至2022年底,中国网民规模达10.67亿")]
    [(1067000000.0, '人', 2022)]
    >>> [(f.indicator, f.qualifier, f.year) for f in find_figures("到“十四五”末,数字经济核心产业增加值力争达到7000亿元")]
    [('数字经济核心产业增加值', 'target', 2025)]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("考核指标连续三年全市第一")]
    [('考核指标连续全市第一年数', 3.0, '年'), ('考核指标全市排名', 1.0, '位')]
    >>> [(f.value, f.year, f.qualifier) for f in find_figures("5G基站由2020年的1200个增加到2022年的5600个")]
    [(1200.0, 2020, '='), (5600.0, 2022, '=')]
    >>> [(f.value, f.year) for f in find_figures("2018年至2024年11月,某市用电量占比从28%降至17.1%")]
    [(28.0, 2018), (17.1, 2024)]
    >>> find_figures("2024年数字经济百强市产业数字化指标平均得分为45.9,较上年提升5.7分")
    []
    >>> find_figures("这些目标不约而同都把数字经济在GDP中的占比定在了50%上下")
    []
    >>> find_figures("记者从市数据局获悉,前8个月")
    []
    >>> [(f.indicator, f.value) for f in find_figures("认定市级以上数字化车间120个,其中省级30个、国家级6个")]
    [('数字化车间', 120.0), ('省级数字化车间', 30.0), ('国家级数字化车间', 6.0)]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("全年新增5G基站1200、1500个")]
    [('5G基站', 1200.0, '个'), ('5G基站', 1500.0, '个')]
    >>> [(f.indicator, f.value, f.qualifier) for f in find_figures("一般公共预算收入突破百亿、达到102.57亿元、增长10.7%")]
    [('一般公共预算收入', 10257000000.0, '='), ('一般公共预算收入增长', 10.7, '=')]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("副市长刘长发说,占地1.7万亩园区蓬勃崛起")]
    [('园区占地', 17000.0, '亩')]
    >>> [(f.value, f.unit) for f in find_figures("先后报批用地6批次2796亩")]
    [(6.0, '批次'), (2796.0, '亩')]
    >>> [f.indicator for f in find_figures("政务云达到10.78 万核计算能力、27PB 存储规模")]
    ['计算能力', '存储规模']
    >>> [(f.indicator, f.unit) for f in find_figures("平台上线以来,兑付资金1.7万笔,合计51.16亿元")]
    [('兑付资金', '笔'), ('兑付资金', '元')]
    >>> [(f.indicator, f.value) for f in find_figures("数字乡村指数排名全国第五、福建第一")]
    [('数字乡村指数全国排名', 5.0), ('数字乡村指数福建排名', 1.0)]
    >>> [(f.indicator, f.value, f.qualifier) for f in find_figures("全区95%以上行政村实现光纤通达")]
    [('行政村', 95.0, '>')]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("全省实施3大攻坚行动")]
    [('攻坚行动', 3.0, '项')]
    >>> find_figures("对年营业收入首次突破1亿元的企业给予最高100万元奖励")
    []
    >>> [(f.indicator, f.value) for f in find_figures("建成储能项目4个、装机规模全省第一,项目投产")]
    [('储能项目', 4.0), ('装机规模全省排名', 1.0)]
    >>> [f.indicator for f in find_figures("有关部门发布报告,某某区以总分位居全省第6,列全市第一")]
    ['总分全省排名', '总分全市排名']
    >>> [(f.indicator, f.value) for f in find_figures("平台发布全国300个城市热线运行质量排行榜,我市位列34位")]
    [('热线运行质量排行榜排名', 34.0)]
    >>> [(f.indicator, f.value) for f in find_figures("该市数字经济指数排名全国12位,较上年上升5位")]
    [('数字经济指数全国排名', 12.0), ('数字经济指数全国排名上升', 5.0)]
    >>> [(f.indicator, f.value, f.unit) for f in find_figures("制发电子印章1819枚,使用1350万次")][0]
    ('电子印章', 1819.0, '枚')
    >>> [(f.indicator, f.value) for f in find_figures("工业增加值增长9.4%,连续七年位居全国工业百强区榜首")][-1]
    ('工业增加值全国工业百强区排名', 1.0)
    >>> [(f.value, f.start) for f in find_figures("北京、浙江、广东分列第二至四名", last_rank="发展指数排名")]
    [(2.0, 2), (3.0, 5), (4.0, 8)]
    >>> [(f.indicator, f.value, f.start) for f in find_figures("安徽、江苏并列省级组织机构第一,得分均为10分")]
    [('省级组织机构排名', 1.0, 2), ('省级组织机构排名', 1.0, 5), ('得分', 10.0, 2), ('得分', 10.0, 5)]

    Figures a goal being set is made of are targets:

    >>> [f.qualifier for f in find_figures("集群定下规模达到10万标准机架、10万PFlops算力的“双十万”目标")]
    ['target', 'target']

    A goal year already gone by when the document was dated governs no later sentence either:

    >>> s = "去年,全省产业数字化规模达765亿元,数控化率、平台普及率分别达到52.6%、10.5%,居全国第23位"
    >>> [(f.value, f.qualifier) for f in find_figures(s, target_year=2021, dated_year=2022)][-1]
    (23.0, '=')
    """
    if target_year is not None and dated_year is not None and target_year < dated_year:
        target_year = None
    # "投诉3751件 占比 82.13%": a table's cells, spaced apart after a figure, are clauses of their own
    text = _CELL_GAP.sub(lambda m: "," + m.group(0)[1:], half_width(sentence))
    masked = _mask_quoted(text)
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    rank_words: dict[int, tuple[int, str]] = {}  # a rank's start → where its verb starts, its scope + 排名
    shared_out: set[int] = set()  # the starts of ranks shared out over listed places
    respective: list[tuple[int, list[int]]] = []  # 分别 before ranks → the ranks' starts
    for m in _RANK_RANGE.finditer(masked):
        first, last = parse_number(m.group("a")), parse_number(m.group("b"))
        places = listed_places(text, m.start())
        if first is None or last is None or not places or len(places) != int(last - first) + 1:
            continue
        taken.append(m.span())
        ranked = ranked_phrase(text, m.start(), m.end("cue"), m.end("cue"), board_named=board)
        words = (m.group("scope") or "") + "排名" if m.group("scope") else ranked[1]
        template = _figure(text, first, "位", m.start(), m.end(), indicator=ranked[0])
        for rank in _each_place(template, places, [first + k for k in range(len(places))]):
            figures.append(rank)
            rank_words[rank.start] = (m.start(), words)
            shared_out.add(rank.start)
    for m in _RANK_FROM.finditer(masked):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        rank_start = m.start("num") - 1
        taken.append((rank_start, m.end()))
        ranked = ranked_phrase(text, m.start(), rank_start, rank_start, board_named=board)
        rank = _figure(text, value, "位", m.start(), m.end(), indicator=ranked[0])
        figures.append(rank)
        rank_words[rank.start] = (m.start(), ranked[1])
    for m in _RANK_HELD_BY.finditer(masked):
        value = parse_number(m.group("num"))
        holders = _places_after(text, m.end())
        if value is None or not holders or any(s <= m.start() < e for s, e in taken):
            continue
        taken.append(m.span())
        rank_start = m.start("num") - 1
        cue_start = m.start("cue") if m.group("cue") else rank_start
        ranked = ranked_phrase(
            text, cue_start, m.end("cue") if m.group("cue") else rank_start, rank_start, board_named=board
        )
        template = _figure(text, value, "位", m.start(), m.end(), indicator=ranked[0])
        for rank in _each_place(template, holders):
            figures.append(rank)
            rank_words[rank.start] = (cue_start, ranked[1])
            shared_out.add(rank.start)
    for m in _RANK.finditer(masked):
        cue_end = m.end("cue")
        rank_start = m.start("num") - 1 if m.group("num") else m.start("first")
        if any(s <= rank_start < e for s, e in taken):
            continue  # "位列全省第3、全市第1": the second rank was read with the first
        ranks = [(m.group("num") or "一", rank_start, m.end(), "")]
        while more := _MORE_RANKS.match(masked[ranks[-1][2] :]):
            at = ranks[-1][2]
            # A scope of its own (",陕西省第一") belongs to the rank's span, so that the place naming
            # the scope is not taken for the place ranked.
            first = at + (
                more.start("scope")
                if more.group("scope")
                else more.start("num") - (masked[at + more.start("num") - 1] == "第")
            )
            ranks.append((more.group("num"), first, at + more.end(), more.group("scope") or ""))
        # "排名第一、第二的成都、绵阳": ranks that describe who is named next are not figures of their own.
        attributive = bool(
            re.match(rf"(?:[、和及与]第(?:\d+|[{CN_NUMERAL_CHARS}]+)[位名]?)*的", masked[ranks[-1][2] :])
            # (…的名次, …的好成绩: the ranks are what was won, not words about someone)
            and not re.match(_WON_RANK, masked[ranks[-1][2] :])
        )
        ranked = ranked_phrase(text, m.start(), cue_end, rank_start, board_named=board)
        # "位列全省23个一类县市区第11位": a count between the verb and the rank only says how many were ranked.
        taken.append((cue_end, rank_start))
        # "安徽、江苏并列第一", "浙江、北京分列第二、三名": each listed place holds its own rank.
        sharing = _SHARING.search(text[: m.start()])
        places = (
            listed_places(text, sharing.start() if sharing else m.start())
            if sharing or m.group("cue") == "并列"
            else []
        )
        values = [parse_number(r[0]) for r in ranks]
        # 分列 spreads one rank per place; 并列 gives them all one rank.
        spreads = sharing is not None and sharing.group(0) in ("分", "分别")
        if len(values) != (len(places) if spreads else 1):
            places = []
        numbers = [v for v in values if v is not None]
        if places and not attributive and len(numbers) == len(values):
            for start, end, _ in [(r[1], r[2], r[3]) for r in ranks]:
                taken.append((start, end))
            template = _figure(text, numbers[0], "位", m.start(), ranks[-1][2], indicator=ranked[0])
            scope = ranks[0][3]
            spread = numbers if len(numbers) == len(places) else None
            for rank in _each_place(template, places, spread):
                figures.append(rank)
                rank_words[rank.start] = (m.start(), scope + "排名" if scope else ranked[1])
                shared_out.add(rank.start)
            continue
        # "网站数15.6万个,备案率99.9%,分别列全国第七位和第二位": ranks shared out over the figures before.
        if sharing and sharing.group(0) in ("分", "分别") and len(ranks) > 1 and not attributive:
            respective.append((sharing.start(), [r[1] if k else m.start() for k, r in enumerate(ranks)]))
        for k, (num, start, end, scope) in enumerate(ranks):
            value = parse_number(num)
            taken.append((start, end))
            if value is not None and not attributive:
                # The first rank spans its verb, so that a place in its scope ("居泉州市各县第一") is
                # not taken for the place it ranks.
                rank = _figure(text, value, "位", m.start() if k == 0 else start, end, indicator=ranked[0])
                figures.append(rank)
                rank_words[rank.start] = (m.start(), scope + "排名" if scope else ranked[1])
    for m in _BARE_RANK.finditer(masked):
        value = parse_number(m.group("num"))
        if value is None or any(s <= m.start("num") < e for s, e in taken):
            continue
        taken.append((m.start("num"), m.end()))
        ranked = ranked_phrase(text, m.start(), m.end("cue"), m.start("num"), board_named=board)
        rank = _figure(text, value, "位", m.start(), m.end(), indicator=ranked[0])
        figures.append(rank)
        rank_words[rank.start] = (m.start(), ranked[1])
    for m in _TOP_RANK.finditer(masked):
        value = parse_number(m.group("num"))
        top = m.start("num") - 1  # where 前 stands, as 第 does in a rank
        if value is None or any(s <= top < e for s, e in taken):
            continue
        taken.append((top, m.end()))
        ranked = ranked_phrase(text, m.start(), m.end("cue"), top, board_named=board)
        rank = _figure(text, value, "位", m.start(), m.end(), indicator=ranked[0])
        figures.append(rank)
        rank_words[rank.start] = (m.start(), ranked[1])
    moves: dict[int, str] = {}  # a rank move's start → its verb, named once the rank before it is
    for m in _RANK_MOVE.finditer(masked):
        # "位列全省第11位,较上年度跃升8位": how far the rank moved, named after the rank before it.
        value = parse_number(m.group("num"))
        before = [f for f in figures if f.unit == "位" and f.end <= m.start()]
        if value is None or not before or any(s <= m.start("num") < e for s, e in taken):
            continue
        taken.append((m.start("num"), m.end()))
        moves[m.start("num")] = m.group("verb")
        figures.append(_figure(text, value, "位", m.start("num"), m.end(), indicator="?"))
    listed_ranks: set[int] = set()
    for m in _LISTED_RANK.finditer(masked):
        # "东莞(21位)、佛山(22位)", "广州排第5,东莞18位": a place listed with its place in the ranking the
        # sentence gives, named like the rank before it (or the last figure's, when it was a rank).
        value = parse_number(m.group("num"))
        if (
            any(s <= m.start() < e for s, e in taken)
            or value is None
            or not _after_place(text, m.start("num"))
        ):
            continue
        taken.append((m.start("num"), m.end()))
        listed_ranks.add(m.start("num"))  # named once the ranks before it are (below)
        figures.append(_figure(text, value, "位", m.start("num"), m.end("num") + 1, indicator="?"))
    for m in _YEARS_RUN.finditer(masked):
        value = parse_number(m.group("num"))
        if value is not None:
            taken.append(m.span())
            # SCHEMA.md: a streak (连续两年第一) is a 年 metric named by what is kept up, after the
            # subject or the frame ("在…评估中") that keeps it up.
            streak = re.match(r"[^,，。;；:：]{2,24}", masked[m.end() :])
            kept = text[m.end() : m.end() + len(streak.group(0))] if streak else ""
            # A run of sessions (连续六届蝉联全国文明城市) is counted in 届, as a run of years in 年.
            unit = m.group("unit")
            kept = kept.replace("“", "").replace("”", "")
            # "连续4年获得省政府网站绩效评估的区(市)县第一名": a streak that names its own ranking is named
            # by it; the frame the sentence opened with is another one
            kept_in = re.sub(r"^(?:获得|荣获|获评|进入|入选|位列|位居|保持|蝉联|稳居)", "", kept)
            names_ranking = kept_in != kept and re.search(r"评估|评价|考核|测评|榜单|排行", kept_in)
            indicator = (
                f"{kept_in}连续{unit}数"
                if names_ranking
                else f"{streak_subject(text, m.start())}连续{kept}{unit}数"
            )
            figures.append(_figure(text, value, unit, m.start("num"), m.end(), indicator=indicator))
    for m in _CROWNS.finditer(masked):
        # "实现四连冠": first place held N times running, a streak (SCHEMA.md: a rank metric and a 年 metric)
        value = parse_number(m.group("num"))
        if value is not None and value >= 2 and not any(s <= m.start() < e for s, e in taken):
            taken.append(m.span())
            # "…评估第一名,实现了四连冠", "“…排名第一名”(五连冠)": the first place just given is the one held
            # (what that first place is in is named only later, by the ranks' own subjects: left alone)
            if any(
                f.unit == "位"
                and f.value == 1
                and f.end <= m.start()
                and not re.search(r"[。;；]", text[f.end : m.start()])
                for f in figures
            ):
                continue
            frame = re.search(r"在([^,，。;；在]{2,30}?)(?:中|上)[^,，。;；]{0,6}$", text[: m.start()])
            subject = frame.group(1) if frame else _titled_before(text, m.start())
            if subject:
                figures.append(_figure(text, 1.0, "位", m.start(), m.end(), indicator=f"{subject}排名"))
                figures.append(
                    _figure(text, value, "年", m.start("num"), m.end(), indicator=f"{subject}连冠年数")
                )
    for m in _NAMED_COUNT.finditer(_mask_titles(text)):
        # SCHEMA.md: a count of named things in a plan (五大专项行动 → 5 项, “八项任务”, 三个“一号工程”),
        # quoted or not; its kind names it.
        value = parse_number(m.group("num"))
        thing = counted_phrase(text, m.start(), m.end(), counter=True)
        after = text[m.end() : m.end() + 12]
        own = max((k for k in range(1, len(after) + 1) if thing.endswith(after[:k])), default=0)
        if 0 < own < len(thing) and "、" in re.split(r"[,，;；。:：]", text[: m.start()])[-1]:
            thing = after[:own]  # "A“提质”、…、B“加固”五大工程": the items listed are not the kind counted
        head = _NAMED_HEADS.search(re.split(r"[和及与、]", thing)[0]) or (
            _FRAME_HEADS.fullmatch(thing) if m.group("unit") == "大" else None
        )
        if value is not None and value >= 2 and head and not any(s <= m.start() < e for s, e in taken):
            taken.append(m.span())
            unit = m.group("unit") if m.group("unit") != "大" else "项" if head.group(1) in _TASKS else "个"
            figures.append(
                _figure(text, value, unit, m.start(), m.end(), indicator=re.split(r"[和及与、]", thing)[0])
            )
    for m in _PERCENT_WORDS.finditer(masked):
        value = parse_number(m.group("num"))
        if value is not None and m.group("decimals"):
            # 百分之九十八点五: the digits after 点 are read one by one.
            value = float(f"{value:g}." + "".join(_DIGITS[c] for c in m.group("decimals")))
        if value is not None:
            taken.append(m.span())
            figures.append(_figure(text, value, "%", m.start(), m.end()))
    for m in _TENTHS.finditer(masked):
        value = parse_number(m.group("num"))
        if value is not None and not any(s <= m.start() < e for s, e in taken):
            taken.append(m.span())
            figures.append(_figure(text, value * 10, "%", m.start(), m.end()))
    denominators: dict[int, str] = {}  # a rate's start → what it is per (每百人)
    for m in _FIGURE.finditer(masked):
        start, end = m.span()
        # A counter over a denominator ("122.5部/百人") makes a figure of what reads as a name (…部).
        per = _PER_UNIT.match(masked, end)
        over = bool(per and per.group("counter") and not m.group("unit"))
        if any(s <= start < e for s, e in taken) or not (over or is_measure(masked, m)):
            continue
        if _CLOCK_BEFORE.search(masked, max(0, start - 3), start) or (
            m.group("unit") == "期" and _YEAR_BEFORE.search(masked, max(0, start - 6), start)
        ):
            continue  # "2019-10-08 08:18张青雅", "软件和集成电路 2019年8期": a time of day, an issue
        number = m.group("num").replace(" ", "") + (m.group("scale") or "")
        value = parse_number(number)
        if value is None:
            continue
        unit = _UNIT_NAMES.get(m.group("unit") or "", m.group("unit"))
        if unit in ("度", "斤") and not m.group("scale"):
            # 43亿度 is electricity and 557亿斤 a province's grain; a bare 360度 is an angle, 26度 a
            # temperature, 1500斤 a farm's day
            unit = None
        if unit is None and PLACES_COUNTED.match(masked, end) and not m.group("scale"):
            unit = "个"  # "共有11地市入选数字百强市": counted places
        if unit is None and SUBSCORES.search(masked[:start]):
            unit = "分"  # "总分73.73(其中,服务供给能力30.4、…)": the parts of a score are scored
        # "分别高于全市10.3、12.5和1个百分点": bare numbers listed before a figure share its counter.
        listed = _SHARED_UNIT_LIST.search(masked[:start]) if unit else None
        if listed and not any(s <= listed.start() < e for s, e in taken):
            for n in re.finditer(r"\d+(?:\.\d+)?", listed.group(0)):
                shared = parse_number(n.group(0) + (m.group("scale") or ""))
                if shared is not None:
                    figures.append(
                        _figure(text, shared, unit, n.start() + listed.start(), n.end() + listed.start())
                    )
        # "普及率为122.5部/百人": a count per head (per household, per km²) is a rate; its denominator
        # goes into the indicator (SCHEMA.md: per-capita figures keep it), its counter stays the unit.
        if per and (unit is None) == bool(per.group("counter")):
            unit, end = unit or per.group("counter"), per.end()
            taken.append((start, end))  # 百人 is the denominator, no figure of its own
            denominators[start] = "每" + per.group("per").removeprefix("每")
        # "发展水平(69.1)排名全国第3位": a bare number in brackets after a measure is that measure's value.
        glossed = (
            unit is None
            and start > 0
            and masked[start - 1] in "(（"
            and masked[end : end + 1] in (")", "）")
            and counted_phrase(text[: start - 1], start - 1, start - 1, counter=False)
        )
        figure = _figure(
            text,
            value,
            unit,
            start,
            end,
            # "拥有3000多万人口": the 人 of 人口 counts the people, and 人口 is what is counted
            indicator="人口"
            if unit == "人" and masked[end : end + 1] == "口"
            else glossed
            if glossed and INDEX_WORDS.search(glossed)
            else None,
            more=bool(m.group("more") or m.group("more2")),
        )
        if figure.unit is None and (
            re.match(r"[\u4e00-\u9fff]", masked[end : end + 1]) or not INDEX_WORDS.search(figure.indicator)
        ):
            continue  # "年产3亿片…材料": a counter we do not know; only an index goes without a unit
        figures.append(figure)
    figures.sort(key=lambda f: f.start)
    figures = [
        f for f in figures if not _bounds_next(masked, f, figures) and not _time_limit_of(masked, f, figures)
    ]
    figures = _past_milestones(masked, figures)
    figures, judge_at = _from_to(text, figures)
    figures = split_owned(text, figures)
    figures = [
        name_by_programme(text, f)
        for f in split_respectively(text, carry_subjects(text, figures, antecedent, rank_words))
    ]
    figures = _name_listed_ranks(figures, listed_ranks, antecedent)
    figures = _name_moves(figures, moves)
    figures = [
        replace(f, indicator=denominators[f.start] + f.indicator)
        if f.start in denominators and f.indicator and denominators[f.start] not in f.indicator
        else f
        for f in figures
    ]
    for cue, starts in respective:
        run_start = max(text.rfind(ch, 0, cue) for ch in "。;；") + 1
        measured = [
            f
            for f in figures
            if f.unit not in ("位", "年") and run_start <= f.start and f.end <= cue and f.indicator
        ]
        paired = [f for f in figures if f.start in starts and f.unit == "位"]
        if len(measured) == len(paired) == len(starts):
            names = {
                r.start: measured[k].indicator + rank_words.get(r.start, (0, "排名"))[1]
                for k, r in enumerate(paired)
            }
            figures = [
                Figure(f.value, f.unit, names[f.start], f.qualifier, f.year, f.start, f.end)
                if f.start in names and f.unit == "位"
                else f
                for f in figures
            ]
    # "福建、上海、广东、山东并列第二位": a shared rank whose sentence names nothing it ranks ranks what
    # the rank before it did, in the sentence or before it.
    for k, f in enumerate(figures):
        if f.start in shared_out and not f.indicator:
            earlier = [g.indicator for g in figures[:k] if g.unit == "位" and g.indicator]
            rank_name = earlier[-1] if earlier else antecedent if antecedent.endswith("排名") else last_rank
            figures[k] = Figure(f.value, f.unit, rank_name, f.qualifier, f.year, f.start, f.end)
    # "安徽、江苏、黑龙江、广东并列…第一,得分均为10分": a figure said of each place the sentence opens with.
    opening = _opening_places(text)
    if opening:
        figures = [
            g
            for f in figures
            for g in (
                _each_place(f, opening)
                if f.unit != "位"
                and f.start not in shared_out
                and (
                    _EACH.search(text[: f.start]) or (f.unit == "分" and _SCORED_PAST.search(text[: f.start]))
                )
                else [f]
            )
        ]
    figures = _per_period(text, figures)
    figures = _respectively(text, figures)
    figures = _per_place_list(text, figures)
    # "继续高于全国、GDP增长5.5%": a list mark left at the head of an indicator belongs to what came before
    figures = [
        replace(f, indicator=f.indicator.lstrip(_JOINERS)) if f.indicator.startswith(tuple(_JOINERS)) else f
        for f in figures
    ]
    if not opening:
        figures = [g for f in figures for g in _each_measure(text, f)]
    # Two readings of one listed rank ("A、B分别…,均保持全省第三") give the same figure twice.
    figures = [
        f
        for k, f in enumerate(figures)
        if (f.indicator, f.value, f.unit)
        not in {(g.indicator, g.value, g.unit) for g in figures[:k] if g.start == f.start}
    ]
    # "构建了“1612”工作体系(1个平台,6+1综合应用,2套体系)": the parts a bracket explains a quoted numeric
    # code into are no figures (SCHEMA.md: layouts and codes), as after “…”,即 (is_measure)
    explained = [
        m.span(1)
        for m in re.finditer(r"[“\"][\dN+＋]{2,}[”\"][\u4e00-\u9fff]{0,6}[(（]([^()（）]*)[)）]", text)
    ]
    figures = [f for f in figures if not any(a <= f.start < b for a, b in explained)]
    judged = _past_goals_masked(text, dated_year)
    return [
        _dated(
            f,
            judged,
            target_year=target_year,
            horizon=horizon,
            planned=planned,
            report_year=report_year,
            judge_at=judge_at.get(f.start, f.start),
        )
        for f in figures
        if f.indicator
        and f.indicator not in _SHARE_ALONE
        and not f.indicator.startswith(SCOPE)
        and not _PAGE_COUNTERS.match(f.indicator)
        and not (f.unit != "位" and _REGION_OF_PLACES.match(f.indicator))
        # "牡丹区54个", "当地470类": a place is whose the figure is, not what it counts (SCHEMA.md: a
        # figure with no indicator is dropped rather than labelled with a fragment)
        and not _ONLY_A_PLACE.fullmatch(f.indicator)
        and not _only_firms(f.indicator)
        and f.indicator not in load_gazetteer().surface_forms()
        and not _GROUP_AVERAGE.search(text, _clause_start(text, f.start), f.start)
        and not _firms_own(text, f.start)
        and not _determiner(text, f)
        and not _GROUP_BACK.search(text, _clause_start(text, f.start), f.start)
        and not (_BYLINE.search(f.indicator) and re.search(r"[)）]\s*$", text[: f.start]))
        and not _class_bound(text, f)
    ]


# "(浙江在线记者 张留)35.7%。": a reporter's credit before a headline figure names nothing it measures.
_BYLINE = re.compile(r"(?:记者|通讯员|报道组|编辑|摄影?|实习生)$")
# SCHEMA.md: a threshold inside a category is no figure ("唯一达到30%以上增速的区县", "增幅超过10%的镇街",
# "GDP重回7%增长区间"): the figure bounds the places it sorts, or a band, not a measure of its own.
_CLASS_BOUND_AFTER = re.compile(
    r"(?P<bound>以上|以下)?(?P<rate>的?(?:增速|增幅|增长))?(?:的(?:区县|县区|镇街|乡镇|县市|市县|城市|省份|地区)|区间)"
)


def _class_bound(text: str, f: Figure) -> bool:
    """Whether the figure only bounds a class of places or a band (SCHEMA.md: a threshold is no figure).

    >>> s = "萧山是全市唯一达到30%以上增速的区县,增幅超过10%的镇街有14个,已覆盖100%的乡镇"
    >>> at = [(s.index(n), s.index(n) + len(n)) for n in ("30%", "10%", "100%")]
    >>> [_class_bound(s, Figure(0.0, "%", "", "=", None, a, b)) for a, b in at]
    [True, True, False]
    """
    after = _CLASS_BOUND_AFTER.match(text, f.end)
    if after is None:
        return False
    # (a share that covers them, "覆盖了100%的乡镇", measures the places; a bound needs its comparison)
    compared = re.search(r"(?:超过了?|超|高于|低于|达到|不足|不到|重回|回到)$", text[: f.start])
    return bool(after.group("bound") or after.group("rate") or compared or after.group(0).endswith("区间"))


_JOINERS = "、,，;；"
# "移动通信网络、固定宽带网络接入能力均达到1Gbps": measures listed before a figure that 均 gives to each.
_EACH_MEASURE = re.compile(
    r"(?:^|[,，;；:：。])(?:全市|全省|全区|全县|我市|我省|我区|我县|其中)?(?P<items>[^,，;；:：。]{4,60}?)"
    r"(?<![人平])均(?:已)?(?:达到|达|为|在|超过|超|突破|保持|居|位居|位列|排名)?(?:了)?$"
)
_PAIRED_RATES = re.compile(
    r"(?:^|[,，;；:：。])(?P<items>[^,，;；:：。和与及]{2,20}?率(?:和|与|及)[^,，;；:：。和与及]{2,12}?率)"
    r"(?:已)?(?:达到|达|为)$"
)
# The heads a listed measure ends on when it is whole by itself (千兆家庭宽带接入户数、5G用户数).
_MEASURE_HEAD = re.compile(r"(?:数|率|量|额|规模|能力|比例|比重|占比|指数|速率|带宽|度)$")


def _each_measure(text: str, f: Figure) -> list[Figure]:
    """Return the figure once for each measure listed before it when 均 shares it out, else [f].

    A listed measure is whole when it ends on a measure's head; otherwise it parallels the start of
    the last one ("移动宽带、固定宽带下载速率": 移动宽带 ↔ 固定宽带) and takes the rest of it.

    >>> s = "移动通信网络、固定宽带网络接入能力均达到1Gbps"
    >>> [g.indicator for g in _each_measure(s, Figure(1, "Gbps", "宽带网络接入能力", "=", None, 20, 25))]
    ['移动通信网络接入能力', '宽带网络接入能力']
    >>> s = "千兆家庭宽带接入户数、5G用户数均突破100万"
    >>> f = Figure(1e6, "户", "千兆家庭宽带接入户数、5G用户数", ">", None, s.index("100"), len(s))
    >>> [(g.indicator, g.unit) for g in _each_measure(s, f)]
    [('千兆家庭宽带接入户数', '户'), ('5G用户数', '人')]
    >>> len(_each_measure("包括改厕、疫苗接种等项目的满意度均为100%", Figure(100, "%", "满意度", "=", None, 22, 26)))
    1
    >>> s = "政务服务“网上办”“马上办”比例均在95%以上"
    >>> [g.indicator for g in _each_measure(s, Figure(95, "%", "比例", ">", None, s.index("95"), len(s)))]
    ['政务服务网上办比例', '政务服务马上办比例']
    >>> s = "全省热线办结率和满意度均超99%"
    >>> [g.indicator for g in _each_measure(s, Figure(99, "%", "满意度", ">", None, s.index("99"), len(s)))]
    ['热线办结率', '满意度']
    >>> s = "总门户成为总入口,应用接入率和一网通办率达98%"
    >>> [g.indicator for g in _each_measure(s, Figure(98, "%", "通办率", "=", None, s.index("98"), len(s)))]
    ['应用接入率', '通办率']
    """
    # (two rates joined by 和 reach one level together, 均 or not: "应用接入率和一网通办率达98%")
    m = _EACH_MEASURE.search(text[: f.start]) or _PAIRED_RATES.search(text[: f.start])
    if m is None or f.unit is None or "等" in m.group("items"):
        return [f]
    # "政务服务“网上办”“马上办”“一次办”比例均在95%以上": quoted ways of working one after another
    # share the words before and the measure after them
    run = re.fullmatch(
        r"(?P<pre>[^“”、]*)(?P<run>(?:“[^“”]{1,10}”){2,})(?P<head>[^“”、]{1,8})", m.group("items")
    )
    if run and _MEASURE_HEAD.search(run.group("head")):
        quoted = re.findall(r"“([^“”]+)”", run.group("run"))
        return [replace(f, indicator=run.group("pre") + q + run.group("head")) for q in quoted]
    if "“" in m.group("items"):
        return [f]
    items = m.group("items").split("、")
    if len(items) == 1:
        # "…热线办结率和满意度均超99%": two measures joined by 和, each ending on its own head
        pair = re.fullmatch(r"(?P<a>[^和与及]{2,30}?)(?:和|与|及)(?P<b>[^和与及]{2,12})", items[0])
        if pair and _MEASURE_HEAD.search(pair.group("a")) and _MEASURE_HEAD.search(pair.group("b")):
            items = [pair.group("a"), pair.group("b")]
    last = items[-1]
    if len(items) < 2 or any(len(a) < 2 for a in items):
        return [f]
    named = []
    for a in items[:-1]:
        if _MEASURE_HEAD.search(a):
            named.append(a)
        elif len(last) > len(a) + 1 and a[-1] == last[len(a) - 1]:
            named.append(a + last[len(a) :])  # 移动宽带 + 下载速率
        else:
            return [f]
    # the figure read as the whole list's, or as nobody's, is the last measure's
    joined = "、" in f.indicator or any(f.indicator.endswith(j + last) for j in "和与及")
    named.append(last if joined or not f.indicator else f.indicator)
    # A unit the text leaves out is each measure's own (千兆家庭宽带接入户数 → 户, 5G用户数 → 人).
    implicit = f.unit not in text[f.start : f.end + len(f.unit)]
    return [
        replace(_figure(text, f.value, None, f.start, f.end, indicator=a), qualifier=f.qualifier)
        if implicit
        else replace(f, indicator=a)
        for a in named
    ]


def _determiner(text: str, f: Figure) -> bool:
    """Whether a small count in words names the set a clause then measures ("三家基础电信企业完成…收入
    185.3亿元", "两项业务合计占…的7.7%"): the clause's figure is the fact; the count only says which
    things it is about.

    >>> _determiner("三家企业入选2023年百强", Figure(3, "家", "企业", "=", None, 0, 2))
    False
    >>> t = "三家基础电信企业完成固定语音业务收入185.3亿元"
    >>> _determiner(t, Figure(3, "家", "基础电信企业", "=", None, 0, 2)), _determiner("新增两家企业", Figure(2, "家", "企业", "=", None, 2, 4))
    (True, False)
    """
    if not re.match(r"[一二两三四五六七八九十]", text[f.start : f.start + 1]) or f.value > 10:
        return False
    clause = re.split(r"[,，;；。:：]", text[f.end :], maxsplit=1)[0]
    # a figure of the clause, not a year it dates ("三家企业入选2023年…" counts the firms)
    measured = re.search(r"\d+(?:\.\d+)?(?![\d.]*\s*(?:年|月|日|届))", clause)
    return bool(measured) and f.unit in ("家", "项", "个", "类", "大")


# A share that nothing before it resolved to a share of something ("(占比27%)", "在总指数中占比22.2%"
# after a list of places) names no measure: a fragment, left out (SCHEMA.md: never a fragment).
_SHARE_ALONE = ("占比", "比重", "比例", "所占比重", "所占比例", "占比为")


def _only_firms(indicator: str) -> bool:
    """Whether an indicator only lists firms (华为、阿里、科大讯飞): whom a place works with, not what it counts.

    >>> _only_firms("华为、阿里、科大讯飞"), _only_firms("5G基站、千兆光网")
    (True, False)
    """
    if "、" not in indicator:
        return False
    return all(w.tag == "ORG" for w in segment(indicator) if w.text != "、")


# Words that point at a place and count nothing.
_ONLY_A_PLACE = re.compile(
    r"(?:当地|本地|全市|全省|全县|全区|该市|该县|该区|该州|我市|我省|我区|我县|我州|本市|本县|本区|本州)"
)


# A company named in the figure's clause ("如诺艾克仪器仪表有限公司变更全程耗时10分钟(原需跑6次…)"): the
# figure is the firm's, not the place's (SCHEMA.md: a metric is a measured figure about a place).
_FIRM = re.compile(r"有限(?:责任)?公司|股份公司")


def _firms_own(text: str, start: int) -> bool:
    """Whether a company is the subject of the clause of a figure at `start` (SCHEMA.md: the figure is
    the firm's); firms listed as examples of what is counted (…有限公司等26家单位) are not.

    >>> _firms_own("如诺艾克仪器仪表有限公司变更全程耗时10分钟", 19), _firms_own("国网福建省电力有限公司等26家单位", 13)
    (True, False)
    """
    clause = max(text.rfind(c, 0, start) for c in ",，。;；") + 1
    firms = list(_FIRM.finditer(text, clause, start))
    return bool(firms) and not re.search(r"[等、]", text[firms[-1].end() : start])


# Parts of a province that group its divisions without being one (苏南, 苏北, 粤东): SCHEMA.md leaves
# their facts out. A place's rank among them is the place's own, and the regions across provinces
# (长三角, 京津冀) name what a place's figure is for as often (长三角政务服务专窗, 长三角地区项目).
_REGION_OF_PLACES = re.compile(
    r"(?:苏南|苏中|苏北|皖南|皖北|皖中|浙东|浙西|浙南|浙北|粤东|粤西|粤北|关中|陕北|陕南|陇东|豫东|豫西|豫南"
    r"|豫北|鲁西|鲁南|鲁中|胶东|闽东|闽西|闽南|闽北|川南|川东北|赣南|滇中|黔中)(?:地区)?(?!市|县|区(?!域))"
)

# The average over a class of places ("百强市产业数字化指标平均得分为45.9", "千兆城市平均每万人拥有5G基站数"):
# a fact about an aggregate, which SCHEMA.md leaves out.
_GROUP_AVERAGE = re.compile(
    r"(?:百强|十强|[二三四五]十强|千兆|前十)(?:城市|市|县|区|县市|区县)[^。;；,，]{0,16}?平均"
)

# A clause about the places just listed as a set ("这些目标不约而同都把…占比定在了50%上下", "上述城市…")
# states the group's fact, left out as an aggregate's (县级以上城市 is a class of places, no set named).
_GROUP_BACK = re.compile(r"(?:这些|上述)(?:目标|城市|地区|省份|省市|地市|县区|区县)")

# "高于全省近4个百分点", "比全国平均高出12个百分点": a gap against the wider place, after the figure
# it compares.
_BEYOND_SCOPE = re.compile(
    r"[,，、]\s*((?:增速|增幅)?(?:高于|低于|超过|快于|慢于|领先)(?:全国|全省|全市|全区)(?:平均)?(?:水平)?"
    r"|比(?:全国|全省|全市|全区)(?:平均)?(?:水平)?(?:高出|高|低|快|多))(?:近|约|超过|超)?$"
)
# "…5G基站8000个,其中姑苏区1200个、吴中区1500个": a place's share of the count before, named by place.
_PLACE_SHARE = re.compile(r"(?:^|其中|、)[\u4e00-\u9fff]{1,6}(?:区|县|市|镇|乡|街道)$")
# A clause that only dates and reaches a figure (年底前将达到, 截至目前已完成): it has no subject of its own.
_BARE_CLAUSE = re.compile(
    r"(?:截至|截止|到|至)?(?:目前|当前|现在|年底前?|年末|年内|今年|明年|全年|届时)*"
    r"(?:已经|已|将|力争|预计|可|累计|共|再)*(?:达到|达|完成|增至|增加到|增长到|提升至|提升到|提高到|突破|超过|超)"
)
# "办事人数53万人次,日均4531人次": a rate per day (month, year) of the count just given.
_PER_PERIOD = re.compile(r"(?:^|[,，;；、])\s*(日均|月均|年均|周均)$")


# The measures a 分别 shares figures out over: items joined by 、 (or quoted one after another), the last
# one carrying a head they share ("网上可办、“不见面”办理事项的比例") unless each ends in a measure's own.
_MEASURE_END = re.compile(r"(?:率|比例|比重|占比|数|量|规模|额|值|指数|总量|收入|增速|增幅)$")


def _respectively(text: str, figures: list[Figure]) -> list[Figure]:
    """Give each of the figures a 分别 lists the measure it stands for, in order
    ("A率、B率分别达到52.6%、10.5%": A率 52.6%, B率 10.5%).

    >>> t = "关键工序数控化率、平台普及率分别达到52.6%、10.5%"
    >>> fs = [Figure(v, "%", "数控化率、平台普及率", "=", None, t.index(str(v)), t.index(str(v)) + len(str(v)) + 1) for v in (52.6, 10.5)]
    >>> [f.indicator for f in _respectively(t, fs)]
    ['数控化率', '平台普及率']
    >>> t = "全区网上可办、“最多跑一次”“不见面”办理事项的比例分别达到93.2%、91.3%、81.65%"
    >>> fs = [Figure(v, "%", "“最多跑一次”“不见面”办理事项的比例", "=", None, t.index(str(v)), t.index(str(v)) + len(str(v)) + 1) for v in (93.2, 91.3, 81.65)]
    >>> [f.indicator for f in _respectively(t, fs)]
    ['网上可办办理事项的比例', '“最多跑一次”办理事项的比例', '“不见面”办理事项的比例']
    >>> t = "除涉密事项外,网上可办率、“最多跑一次”、全程网办率分别达到99%、98%、90%"
    >>> fs = [Figure(v, "%", "全程网办率", "=", None, t.index(str(v)), t.index(str(v)) + len(str(v)) + 1) for v in (99, 98, 90)]
    >>> [f.indicator for f in _respectively(t, fs)]
    ['网上可办率', '“最多跑一次”', '全程网办率']
    """
    out = list(figures)
    k = 0
    while k < len(out):
        run = [k]
        while run[-1] + 1 < len(out) and out[run[-1] + 1].indicator == out[k].indicator:
            run.append(run[-1] + 1)
        parts, head = _listed_measures(out[k].indicator)
        at = text.rfind(out[k].indicator, 0, out[k].start) if out[k].indicator else -1
        if not parts and len(run) >= 2 and at > 0 and text[at - 1] == "、":
            # "网上可办率、“最多跑一次”、全程网办率分别达到99%、98%、90%": the indicator was read from
            # the last item only; the items before it, back to the clause's start, are the others
            bound = max(text.rfind(c, 0, at) for c in ",，。;；:：") + 1
            items = text[bound : at - 1].split("、")
            items[0] = re.sub(r"^(?:全[国省市区县]|其中|[市区县省])", "", items[0])
            if len(items) + 1 == len(run) and all(
                2 <= len(i) <= 16 and not re.search(r"\d", i) for i in items
            ):
                parts, head = [*items, out[k].indicator], ""
        elif not parts and len(run) >= 2 and at < 0:
            # "贵州移动、贵州电信分别完成投资61.86亿元、28.30亿元": the indicator joined the last of the
            # things listed before 分别 to the measure after it; each of them has the measure
            listed = re.search(r"([^,，。;；:：]+)分别[^,，。;；]{0,8}$", text[: out[k].start])
            items = listed.group(1).split("、") if listed else []
            last = items[-1] if items else ""
            if (
                len(items) == len(run)
                and len(last) >= 2
                and out[k].indicator.startswith(last)
                and len(out[k].indicator) > len(last)
                and all(2 <= len(i) <= 12 and not re.search(r"\d", i) for i in items)
            ):
                parts, head = items, out[k].indicator[len(last) :]
        elif parts and len(parts) == len(run) - 1 and at > 0 and text[at - 1] == "、":
            # "全区网上可办、“最多跑一次”…的比例": the indicator was read from the second item on
            lead = re.search(r"[^,，。;；:：、]{2,12}$", text[: at - 1])
            first = re.sub(r"^(?:全[国省市区县]|其中)", "", lead.group(0)) if lead else ""
            parts = [first, *parts] if len(first) >= 2 and not re.search(r"\d", first) else []
        if (
            len(run) >= 2
            and len(parts) == len(run)
            and re.search(r"分别[^,，。;；]{0,8}$", text[: out[k].start])
            and all(
                text[out[j].end : out[j + 1].start].strip() in ("、", "和", "及", "与", ",", "，")
                for j in run[:-1]
            )
        ):
            for j, part in zip(run, parts, strict=True):
                out[j] = replace(out[j], indicator=part if part.endswith(head) else part + head)
        k = run[-1] + 1
    return out


# "分别为:石家庄1637.7万户,保定1288万户": figures listed after the places they are of, one by one.
_PLACE_LIST_OPENING = re.compile(r"分别(?:为|是)[:：]?\s*$")
_PLACE_ITEM = re.compile(r"(?:^|[,，、;；:：])\s*([\u4e00-\u9fff]{2,8}?)\s*$")
# "电话用户数超千万的设区市": a measure bounding a class of places, which each place's figure gives.
_CLASS_BOUND = re.compile(
    r"([^,，。;；:：]{2,16}?)(?:超过|超|逾|突破|达到|在)[\d一二三四五六七八九十百千万亿.]+[^,，。;；的]{0,3}的"
)


def _per_place_list(text: str, figures: list[Figure]) -> list[Figure]:
    """Name the figures a "分别为:" lists after their places (石家庄1637.7万户,保定1288万户) by the measure
    before 分别 (各市5G基站数分别为) or the measure its clause bounds the places by (电话用户数超千万的
    设区市达到4个,分别为…); the places themselves are the figures' places (loaders/figure_places.py).

    >>> t = "电话用户数超千万的设区市达到4个,分别为:石家庄1637.7万户,保定1288万户"
    >>> fs = [Figure(v, "户", "", "=", None, t.index(n), t.index(n) + len(n) + 2) for v, n in ((16377000, "1637.7"), (12880000, "1288"))]
    >>> [f.indicator for f in _per_place_list(t, fs)]
    ['电话用户数', '电话用户数']
    >>> [f.value for f in _per_place_list(t, [Figure(1e7, "人", "电话用户数", ">", None, 5, 7), *fs])]
    [16377000, 12880000]
    """
    if "分别" not in text:
        return figures  # (the list's run is found by a regex per figure: only where a list can be)
    out = list(figures)
    bounds: list[tuple[int, int]] = []
    for k, f in enumerate(out):
        if f.indicator:
            continue
        opening = _PLACE_LIST_OPENING.search(text, 0, _list_start(text, f.start))
        item = _PLACE_ITEM.search(text, 0, f.start)
        if not opening or not item or not find_place_spans(item.group(1)):
            continue
        at = max(text.rfind(c, 0, opening.start()) for c in "。;；\n") + 1
        bound = _CLASS_BOUND.search(text[at : opening.start()])
        measure = subject_before(text, opening.start())
        if not measure and bound:
            measure = bound.group(1)
            bounds.append((at + bound.end(1), at + bound.end()))
        measure = re.sub(r"^(?:各[省市区县]|全[国省市区县])", "", measure)
        if len(measure) >= 2:
            out[k] = replace(f, indicator=measure)
    # SCHEMA.md: the threshold of the class the places are in (超千万的设区市) is no figure of its own
    return [f for f in out if not any(a <= f.start < b for a, b in bounds)]


def _list_start(text: str, position: int) -> int:
    """Where the run of "place figure" items ending at `position` starts (after 分别为:)."""
    m = re.search(
        r"(?:[\u4e00-\u9fff]{2,8}?\s*[\d.]+\s*[万亿]?[\u4e00-\u9fff%]{0,3}\s*[,，、;；]\s*)*[\u4e00-\u9fff]{2,8}?\s*$",
        text[:position],
    )
    return m.start() if m else position


def _listed_measures(indicator: str) -> tuple[list[str], str]:
    """Return the measures an indicator lists and the head they share (see _respectively), or ([], "")."""
    parts = [p for p in re.split(r"、|(?<=”)(?=“)", indicator) if p]
    if len(parts) < 2:
        return [], ""
    if all(_MEASURE_END.search(p) for p in parts):
        return parts, ""
    quoted = re.match(r"“[^“”]+”", parts[-1])
    if not quoted or len(parts[-1]) == quoted.end():
        return [], ""
    return [*parts[:-1], parts[-1][: quoted.end()]], parts[-1][quoted.end() :]


def _per_period(text: str, figures: list[Figure]) -> list[Figure]:
    """Name a bare rate per period after the figure before it in the sentence, with the same counter
    (SCHEMA.md: per-unit figures keep their denominator in the indicator).

    >>> fs = [Figure(903600.0, "件次", "平台受理诉求", "=", None, 6, 11), Figure(4992.0, "件次", "", "=", None, 14, 20)]
    >>> [f.indicator for f in _per_period("平台受理诉求90万件次,日均4992件次", fs)]
    ['平台受理诉求', '日均平台受理诉求']
    >>> fs = [Figure(54.0, "%", "能源占比", "=", None, 4, 7), Figure(4.0, "个百分点", "", "~", None, 13, 18)]
    >>> [f.indicator for f in _per_period("能源占比54%、高于全省近4个百分点", fs)]
    ['能源占比', '能源占比高于全省']
    >>> fs = [Figure(120.0, "个", "事项", "=", None, 4, 8), Figure(300.0, "个", "", "target", None, 17, 21)]
    >>> [f.indicator for f in _per_period("目前已有120个事项,年底前将达到300个", fs)]
    ['事项', '事项']
    >>> fs = [Figure(8000.0, "个", "5G基站", "=", None, 4, 9), Figure(1200.0, "个", "", "=", None, 15, 20)]
    >>> [f.indicator for f in _per_period("新建基站8000个,其中姑苏区1200个", fs)]
    ['5G基站', '5G基站']
    """
    out: list[Figure] = []
    for f in figures:
        beyond = _BEYOND_SCOPE.search(text[: f.start])
        if (
            beyond
            and (f.indicator in ("", "平均", "水平", "平均水平") or f.indicator.startswith(SCOPE))
            and f.unit in ("个百分点", "百分点")
            and out
            and out[-1].indicator
        ):
            # "占比54%、高于全省近4个百分点": the gap is the last figure's, against the wider place.
            base = out[-1].indicator
            if beyond.group(1).startswith(("增速", "增幅")):
                base = re.sub(r"(?:同比|比上年)?(?:增长|增速|增幅)$", "", base)  # 收入同比增长 + 增速高于全国
            named = base + beyond.group(1)
            f = Figure(f.value, f.unit, named, f.qualifier, f.year, f.start, f.end)
        clause = re.split(r"[,，;；:：。]", text[: f.start])[-1]
        same = [p for p in out if p.unit == f.unit and p.indicator]
        if (
            not f.indicator
            and same
            and (_BARE_CLAUSE.fullmatch(clause.strip()) or _PLACE_SHARE.search(clause))
        ):
            # "120个事项…,年底前将达到300个", "…项目200个,截至目前已完成150个": a clause with no
            # subject of its own goes on about the count before it.
            f = Figure(f.value, f.unit, same[-1].indicator, f.qualifier, f.year, f.start, f.end)
        rate = _PER_PERIOD.search(text[: f.start])
        before = [
            p for p in out if p.unit == f.unit and p.indicator and not _PER_PERIOD.search(text[: p.start])
        ]
        if rate and f.indicator in ("", rate.group(1)) and before:
            f = Figure(
                f.value, f.unit, rate.group(1) + before[-1].indicator, f.qualifier, f.year, f.start, f.end
            )
        out.append(f)
    return out


_QUOTED_GOAL = re.compile(
    r"“[\u4e00-\u9fff]{3,}\d+(?:\.\d+)?(?:万|亿)?(?:家|个|项|%|元|人|户|条|所|座)(?:以上|左右)?”"
)


# "由2017年的27万亿元增长到2021年的45.5万亿元": each end of the change may carry its year.
_FROM = re.compile(
    r"(?:由|从)(?:目前的|现在的|原来的|原有的|去年的|上年的|现有的|最初的|起初的|改革前的|此前的|以前的|过去的|原先的|(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末)?的?"
    # "办理时限由平均缩短64%上升到81%": how the measure is taken belongs to its name
    r"|(?P<how>(?:平均|年均|日均)?(?:缩短|压缩|压减|减少|降低|下降|提升|提高|增长|增加)|平均|年均|日均))?(?:约|近|超过|逾)?$"
)
_TO = re.compile(
    r"^(?:[,，]\s*)?(?:迅速|快速|大幅|稳步|持续|进一步)?"  # (从2014年的2854亿元,增长到2020年的7020亿元)
    r"(?:(?:提升|提高|提速|上升|增加|增长|扩大|扩张|扩展|跃升|攀升|飙升|上涨|发展|延长|缩短|压缩|缩减|压减|下降|降低|减少|增|升|降|减)"
    r"(?:至|到|为)|至|到)"
    r"\s*(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末)?的|目前的|现在的|现有的)?(?:超过|超|近|约|逾)?\s*$"
)


def _from_to(text: str, figures: list[Figure]) -> tuple[list[Figure], dict[int, int | None]]:
    """Name both figures of "注册用户由目前的690万提升至800万" after what changes, and say where the
    second one's tense is judged: at 由, before the first figure's 目前 (SCHEMA.md: the level aimed
    for is a target, the level it starts from is not). A level dated at its start (由2020年的2.5万亿元,
    由目前的690万) is one already reached, so its tense is not judged at all (None): a 将 before 由
    plans the change, not the base.

    >>> figures, judge = _from_to("注册用户由目前的690万提升至800万", [_figure("注册用户由目前的690万提升至800万", 6.9e6, None, 8, 12), _figure("注册用户由目前的690万提升至800万", 8e6, None, 15, 19)])
    >>> [(f.indicator, f.unit) for f in figures], judge
    ([('注册用户', '人'), ('注册用户', '人')], {15: 4, 8: None})
    """
    out, judge = list(figures), dict[int, int | None]()
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        opening = _FROM.search(text[: a.start])
        if (
            opening is None
            or not _TO.match(text[a.end : b.start])
            or (a.unit and b.unit and a.unit != b.unit and not {a.unit, b.unit} <= _DURATIONS)
        ):
            continue
        subject = (
            subject_before(text, opening.start())
            or _changed_before(text, out[:k], opening.start())
            or _grown_before(text, opening.start())
        )
        if not subject:
            continue
        subject += opening.group("how") or ""
        # (a duration may change its counter on the way: 从15个工作日压缩至1小时)
        out[k] = _figure(text, a.value, a.unit or b.unit, a.start, a.end, indicator=subject)
        out[k + 1] = _figure(text, b.value, b.unit or a.unit, b.start, b.end, indicator=subject)
        judge[b.start] = opening.start()
        if re.search(r"(?:19|20)\d{2}年|目前|现在|原来|原有|去年|上年|现有", opening.group(0)):
            judge[a.start] = None
    return out, judge


# "虚拟现实产业从无到有,": a clause saying only that a thing grew, before the figures of its growth.
_GREW = re.compile(
    r"(?:从无到有|从小到大|从弱到强|快速发展|迅猛发展|蓬勃发展|异军突起|(?:实现)?翻了?[一两三]?番|"
    # "占GDP比重逐年提升,从2016年的21.30%提升至…": the clause before says what moved, and which way
    r"(?:逐年|持续|不断|稳步|逐步|快速|大幅|明显|显著)(?:提升|提高|增长|增加|扩大|上升|下降|降低|减少|缩短))\s*[,，]\s*$"
)


def _grown_before(text: str, opening: int) -> str:
    """Return what the clause before `opening` says grew, when "从…到…" opens a clause of its own
    right after it: "虚拟现实产业从无到有,从2018年的42亿元扩张至…" is about 虚拟现实产业.

    >>> s = "培育企业600多家;虚拟现实产业从无到有,从2018年的42亿元扩张至2019年的120亿元"
    >>> _grown_before(s, s.index("从2018"))
    '虚拟现实产业'
    >>> s = "电话普及率翻了一番,由21.7部/百人提高到47.5部/百人"
    >>> _grown_before(s, s.index("由"))
    '电话普及率'
    """
    grew = _GREW.search(text, 0, opening)
    return subject_before(text, grew.start()) if grew else ""


# A change named after what changes ("比重较上年提升2.2个百分点"): the measure is what comes before it.
_CHANGE_TAIL = re.compile(r"(?:提升|提高|增长|增加|上升|扩大|下降|降低|减少|缩小|回落)$")


def _changed_before(text: str, figures: list[Figure], opening: int) -> str:
    """Return the measure whose change the clause before `opening` gave, when "由…到…" opens a clause
    of its own: "比重较上一年度提升2.2个百分点,由2021年的47.5%扩大到2022年的49.7%" goes on about the
    比重 (SCHEMA.md: a figure whose clause names nothing it counts takes the measure it continues).

    >>> s = "比重较上一年度提升2.2个百分点,由2021年的47.5%扩大到2022年的49.7%"
    >>> _changed_before(s, [_figure(s, 2.2, "个百分点", 9, s.index(","), indicator="比重提升")], s.index("由"))
    '比重'
    """
    named = [f for f in figures if f.end <= opening and f.indicator]
    if not named or not re.fullmatch(r"\s*[,，]\s*", text[named[-1].end : opening]):
        return ""
    measure = _CHANGE_TAIL.sub("", named[-1].indicator)
    return measure if measure != named[-1].indicator and len(measure) >= 2 else ""


def _mask_quoted(text: str) -> str:
    """Blank out text inside 《》 and “” so names like “15分钟” or 《…2035年…》 give no figures, and
    idioms of numerals.

    >>> _mask_quoted("惠及千家万户,建成“15分钟”服务圈5个")
    '惠及□□□□,建成“□□□□”服务圈5个'
    >>> _mask_quoted("厦门是全国14个软件名城之一")
    '厦门是全国□□个软件名城之一'
    """
    chars = list(text)
    for m in re.finditer(r"《[^》]*》|“[^”]{0,20}”", text):
        if _QUOTED_GOAL.fullmatch(m.group(0)):
            continue  # “培育重点数据企业1400家以上”: a goal quoted whole still states its figure
        for i in range(m.start() + 1, m.end() - 1):
            chars[i] = "□"
    for m in _NUMERAL_IDIOM.finditer(text):
        chars[m.start() : m.end()] = "□" * (m.end() - m.start())
    for m in _ONE_OF.finditer(text):  # "全国14个软件名城之一": the group's size, not the place's figure
        chars[m.start("n") : m.end("n")] = "□" * (m.end("n") - m.start("n"))
    return "".join(chars)


_ONE_OF = re.compile(r"(?P<n>\d+|[一二三四五六七八九十百]+)[个家座所位][^,，。;；、\d]{2,16}?之一")


# Four-character idioms of two numerals (千家万户, 千方百计, 四面八方, 五湖四海) count nothing.
_NUMERAL_IDIOM = re.compile(
    r"千家万户|千方百计|千辛万苦|千变万化|千丝万缕|千军万马|千山万水|万水千山|千头万绪|千差万别|千言万语|千锤百炼|"
    r"千秋万代|万紫千红|万众一心|四面八方|五湖四海|五花八门|四通八达|三番五次|七上八下|一心一意|三心二意|十全十美|"
    r"一举两得|一五一十|九牛一毛|百花齐放|百战百胜|百里挑一|一石二鸟|一日千里|一本万利|万无一失|一干二净|"
    r"五星红旗"  # (and the national flag)
)


def _bounds_next(text: str, f: Figure, figures: list[Figure]) -> bool:
    """Whether an amount only bounds the things the next figure counts ("投资超过10亿元的项目12个"),
    or a star level names their class ("五星级城市6个以上")."""
    after = next((g for g in figures if g.start >= f.end), None)
    if f.unit == "星":
        return (
            after is not None
            and after.unit not in AMOUNTS
            and not re.search(r"[,，;；:：。、]", text[f.end : after.start])
        )
    if (
        after is not None
        and after.unit not in AMOUNTS
        and re.match(r"(?:及)?(?:以上|以下)(?!的)[\u4e00-\u9fff]", text[f.end : f.end + 3])
        and after.start - f.end <= 14
        and not re.search(r"[,，;；:：。、和及与]", text[f.end + 2 : after.start])
    ):
        return True  # "24米以上高层建筑有7万多幢": the height bounds the buildings counted
    if f.unit not in ("元", "%", None):
        return False
    return (
        after is not None
        and text[f.end : f.end + 1] == "的"
        and after.start - f.end <= 12
        and not re.search(r"[,，;；:：。、]", text[f.end : after.start])
        # "超过98%的县城城区和80%的乡镇镇区": two shares joined, neither bounds the other
        and not re.search(r"(?:和|及|与)$", text[f.end : after.start])
    )


_DURATIONS = frozenset(("小时", "分钟", "天", "个工作日", "工作日", "秒", "个月"))


def _time_limit_of(text: str, f: Figure, figures: list[Figure]) -> bool:
    """Whether a duration is only the time limit of the things a figure before it in the clause
    counts ("实现了70%审批业务量1小时内办结": SCHEMA.md, a threshold inside a category is no figure).

    >>> s = "实现了70%审批业务量1小时内办结"
    >>> share, limit = _figure(s, 70, "%", 3, 6), _figure(s, 1, "小时", 11, 14)
    >>> _time_limit_of(s, limit, [share, limit]), _time_limit_of("审批时限压缩至1个工作日内办结", _figure("审批时限压缩至1个工作日内办结", 1, "个工作日", 7, 12), [])
    (True, False)
    """
    return (
        f.unit in _DURATIONS
        and re.match(r"(?:以)?内(?:办结|办理|办完|完成|审批|出件|响应|到达|处置|反馈)", text[f.end :])
        is not None
        and any(
            g.end <= f.start
            and g.unit not in _DURATIONS
            and not re.search(r"[,，;；:：。]", text[g.end : f.start])
            for g in figures
        )
    )


def _past_milestones(text: str, figures: list[Figure]) -> list[Figure]:
    """Drop a milestone passed ("突破2000亿大关") when the clause goes on to the figure reached, which
    measures what the milestone was named after.

    >>> s = "全区GDP突破2000亿大关、达2022.6亿元"
    >>> [(f.indicator, f.value) for f in _past_milestones(s, [_figure(s, 2e11, None, 7, 12), _figure(s, 2.0226e11, "元", 16, 23)])]
    [('GDP', 202260000000.0)]
    """
    out: list[Figure] = []
    for k, f in enumerate(figures):
        after = figures[k + 1] if k + 1 < len(figures) else None
        if (
            after is not None
            and f.indicator
            and (after.unit == f.unit or f.unit is None and after.unit == "元")
            and re.fullmatch(r"(?:元)?(?:大关|关口)[,，、]?(?:达到|达|为|至)", text[f.end : after.start])
        ):
            figures[k + 1] = Figure(
                after.value, after.unit, after.indicator or f.indicator, after.qualifier, after.year,
                after.start, after.end,
            )  # fmt: skip
            continue
        out.append(f)
    return out


def _mask_titles(text: str) -> str:
    """Blank out text inside 《》: a title's words are no figures of the document."""
    return re.sub(r"《[^》]*》", lambda m: "《" + "□" * (len(m.group(0)) - 2) + "》", text)


def _figure(
    text: str,
    value: float,
    unit: str | None,
    start: int,
    end: int,
    *,
    indicator: str | None = None,
    more: bool = False,
) -> Figure:
    if indicator is None:
        counter = unit not in AMOUNTS and not (unit == "年" and text[max(0, start - 2) : start] == "连续")
        indicator = counted_phrase(text, start, end, counter=counter)
        if unit == "年" and not indicator:
            indicator = "连续年数"
        if not indicator:
            # "…10G PON端口从无到有,累计达到86万个": a bare clause after one saying a thing grew counts it
            opening = max(text.rfind(ch, 0, start) for ch in ",，;；:：。") + 1
            if _BARE_CLAUSE.fullmatch(text[opening:start].strip()):
                indicator = _grown_before(text, opening)
    if unit is None and re.search(r"(得分|分值|评分|总分|发展水平)$", indicator):
        unit = "分"  # "数字省(区)得分92.9", "乡村数字基础设施发展水平90.8": a score, counted in 分
    if unit is None and not INDEX_WORDS.search(indicator):
        clause_start = max(text.rfind(ch, 0, start) for ch in ",，;；:：、(（") + 1
        context = indicator + text[clause_start:start] + text[end : end + 8]
        # "新增移动电话用户数62万,总数达909万": a total with no counter counts what the clause before did
        previous = ""
        if re.fullmatch(r"(?:总数|总量|累计|共计|合计)?", indicator):
            before = max(text.rfind(ch, 0, max(0, clause_start - 1)) for ch in ",，;；:：。") + 1
            previous = text[before:clause_start]
        for place in (indicator, context, previous):  # what the indicator says wins over its neighbours
            if _IMPLICIT_TIMES.search(place):
                unit = "次"
            elif _IMPLICIT_CASES.search(place):
                unit = "件"
            elif _IMPLICIT_HOUSEHOLDS.search(place):
                unit = "户"
            elif _IMPLICIT_PEOPLE.search(place):
                unit = "人"
            elif _IMPLICIT_YUAN.search(place):
                unit = "元"
            if unit:
                break
    if unit in ("万人次",):
        value, unit = value * 1e4, "人次"
    qualifier = "~" if more else qualifier_of(text[max(0, start - 4) : start], text[end : end + 2])
    return Figure(value, unit, indicator, qualifier, None, start, end)


_THIS_YEAR = re.compile(r"(今年|年内|年底|年末|本年)")
# "今年以来", "上半年" in a report on a named year (…2024年上半年…通报) are that year's.
_THIS_YEAR_SO_FAR = re.compile(r"(今年以来|上半年|前三季度|1-\d{1,2}月|1至\d{1,2}月)")
_RELATIVE_YEAR = re.compile(r"(今年|年底|年末|年内|上半年|下半年|前三季度|本年)")


def _dated(
    f: Figure,
    text: str,
    *,
    target_year: int | None,
    horizon: int | None,
    planned: bool,
    report_year: int | None,
    judge_at: int | None,
) -> Figure:
    """Decide whether a figure is a target, and its year (SCHEMA.md `qualifier`, `year`); `judge_at`
    is where its tense is read (its start, or the 由 of "由目前的690万提升至800万"), None for a level
    already reached that a change starts from."""
    # A quoted goal ("“培育…1400家以上”目标", "“增长5.5%左右”列入…预期目标") is a target wherever it is cited,
    # and so is a figure that heads the word 目标 ("“省考”进前三目标", "实现增长6%的目标").
    # A project's total investment is what it is, not a goal the plan before it carries on; only a cue
    # of its own clause ("计划总投资…") makes it planned.
    carried = (
        planned
        and not f.indicator.endswith("总投资")
        # "《规划》明确了18项主要指标、7个重点工程", "《工作要点》…聚焦9大领域提出28项重点任务": the parts a
        # document is made of, counted, describe it; they are not what it aims for
        and not _PLAN_PARTS.search(text, _clause_start(text, f.start), f.start)
    )
    target = (
        judge_at is not None
        and is_planned(text, judge_at, planned=carried)
        or bool(
            re.match(
                r"[^”“]{0,6}”(?:的)?(?:(?:列入|列为|纳入|作为|确定为)[^”“,，。;；]{0,10})?(?:目标|任务)",
                text[f.end :],
            )
        )
        or bool(re.match(r"的?目标", text[f.end :]))
        # "定下集群规模达到10万标准机架、10万PFlops算力的“双十万”目标": figures a goal being set is made of
        or bool(
            re.match(r"[^,，。;；]{0,30}?的(?:“[^“”]{1,10}”)?目标", text[f.end :])
            and re.search(r"(?:定下|确定|提出|设定|锚定|明确|瞄准)[^,，。;；]*$", text[: f.start])
        )
    )
    if not target and target_year is not None and judge_at is not None:
        # A goal year stated earlier in the document governs a clause that reads like a goal.
        window = text[max(0, f.start - 40) : f.start]
        clause = window[max(window.rfind(c) for c in "。;；") + 1 :]
        stated = figure_year(text, f.start)  # "2023年…达到": a year before the goal year reports, not aims
        target = (
            bool(_TARGET_CUES.search(clause + text[f.end : f.end + 2]))
            and not _PAST_CUES.search(clause)
            and not (stated is not None and stated < target_year)
        )
    if target:
        year = horizon_year(text, f.start) or target_year or horizon
        if year is None and _THIS_YEAR.search(text[: f.start]):
            year = report_year  # 今年 in a document that names its year
        return Figure(f.value, f.unit, f.indicator, "target", year, f.start, f.end)
    year = figure_year(text, f.start)
    spans = list(_YEAR_SPAN.finditer(text, 0, f.start))
    if (
        spans
        and re.search(r"(?:从|由)$", text[: f.start])
        and not re.search(r"(?:19|20)\d{2}年", text[spans[-1].end() : f.start])
    ):
        year = int(spans[-1].group(1))  # "2018年至2024年11月,…比重从28%降至17.1%": 28% is 2018's
    if year is None and (
        not _RELATIVE_YEAR.search(text[: f.start]) or _THIS_YEAR_SO_FAR.search(text[: f.start])
    ):
        year = report_year
    return Figure(f.value, f.unit, f.indicator, f.qualifier, year, f.start, f.end)


_PLAN_PARTS = re.compile(
    r"(?:》|规划|方案|要点|计划|意见)(?:[^,，。;；]{0,12}[,，])?[^,，。;；]{0,10}?(?:提出|明确|包括|涵盖|设置|确定|部署)了?"
    r"(?:[^,，。;；]{0,12}、)?$"
)
_PAST_BY = re.compile(r"(?<![截止年])(?:到|至)((?:19|20)\d{2}年)")


def _past_goals_masked(text: str, dated_year: int | None) -> str:
    """Return `text` with the 到 of each goal year gone by when the document was dated blanked out:
    "到2021年底,全省移动电话基站总数5.99万个" on a page of 2022 reports a level reached, not a goal
    (other cues in the sentence still count).

    >>> _past_goals_masked("到2021年底建成1200个,到2025年建成2000个", 2022)
    '□2021年底建成1200个,到2025年建成2000个'
    """
    if dated_year is None:
        return text
    return _PAST_BY.sub(lambda m: "□" + m.group(1) if int(m.group(1)[:4]) < dated_year else m.group(0), text)


def _clause_start(text: str, position: int) -> int:
    """Return where the sentence part holding `position` starts: after the last 。 or ; before it."""
    return max(text.rfind(c, 0, position) for c in "。;；") + 1


# A span of years ("2018年至2024年11月"): the level a change starts from is the first year's.
# "2018年至2024年", "2014至2022年": the 年 of the first year may be left to the second's.
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})(?:年(?:\d{1,2}月)?(?:底|末)?)?(?:至|到|—|-|~)(?:19|20)\d{2}年")
