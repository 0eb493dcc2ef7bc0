"""Figures in a sentence: counts, amounts, shares, ranks and targets (SCHEMA.md `metrics`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.numbers import CN_NUMERAL_CHARS, half_width, parse_number, qualifier_of

# Measure words we keep, longest first so 个百分点 wins over 个. 年 only counts after 连续 (see below).
_UNITS = (
    "个百分点", "百分点", "个工作日", "工作日", "个月", "小时", "万人次", "人次", "家次", "件次", "PFlops", "PFLOPS", "EFlops",
    "EFLOPS", "泽字节", "艾字节", "拍字节", "ZB", "核", "路", "次", "标准机架", "平方公里", "平方米", "千米", "公里", "千瓦时", "兆瓦", "千瓦",
    "个", "家", "项", "位", "名", "期", "人", "户", "条", "类", "届", "分", "星级", "星", "元", "台", "套", "座",
    "所", "处", "件", "倍", "亩", "吨", "场", "批", "款", "张", "辆", "架", "PB", "TB", "EB", "P", "%",
)  # fmt: skip
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_CN = f"[{CN_NUMERAL_CHARS}]+"
_FIGURE = re.compile(
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|{_CN})(?P<more>多|余)?(?P<scale>万亿|千亿|百亿|亿|千万|百万|万)?(?P<more2>多|余)?"
    rf"(?P<unit>{_UNIT_RE})?"
)
# Units written out in Chinese are stored as their usual symbol (32.85泽字节(ZB) → ZB).
_UNIT_NAMES = {"星级": "星", "泽字节": "ZB", "艾字节": "EB", "拍字节": "PB"}
_PERCENT_WORDS = re.compile(rf"百分之(?P<num>\d+(?:\.\d+)?|{_CN})")
# "连续7年上榜": a run of years is a figure; other 年 after a number is a date.
_YEARS_RUN = re.compile(r"连续(?P<num>\d+|[二三四五六七八九十]+)年")
_RANK = re.compile(
    r"(?:位居|居于|居|位列|列|排名|排|升至|上升至|跃居|跃升至|跻身|名列|位次)[^,，。;；:：]{0,14}?"
    rf"第(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?P<unit>位|名)?(?![\u4e00-\u9fffA-Za-z0-9])"
)
_YEAR = re.compile(r"((?:19|20)\d{2})(?:年|(?=全球|全国|上半年))")
_TARGET_YEAR = re.compile(r"(?:(?<![截止])到|(?<![截止])至|力争|预计|计划)((?:20)\d{2})年")
# Discourse structure, not a measured figure: "从9个方面系统谋划", "需要摈弃三个误区".
_STRUCTURE_NOUNS = re.compile(
    r"^(?:方面|层面|维度|环节|误区|关系|阶段|部分|要点|原则|特点|步骤|问题|板块|篇章)"
)
_IMPLICIT_YUAN = re.compile(
    r"(经济|规模|产值|营收|收入|增加值|GDP|投资|资金|金额|融资|交易额|销售额|总额|税收|利润|基金)"
)
_IMPLICIT_PEOPLE = re.compile(r"(网民|用户|人口|人才|人员|居民|游客|访客|观众|学员|会员)")
# The counted thing named right after the figure ("新增89个市级标杆企业", "23.8%的规上数字经济企业数量").
_AFTER_NOUN = re.compile(
    r"^的?((?:(?!等|和|与|及|在|已|是|为|中|实现|入选|获评|获得|达到|提升|提高|增长|下降|居|位列|,|，)[\u4e00-\u9fffA-Za-z0-9“”])+)"
)
_INDEX_WORDS = re.compile(r"(指数|得分|分值|评分)")
_LEAD_VERBS = re.compile(
    r"^(?:截至|截止|到)?(?:\d{4}年(?:底|末|上半年)?)?(?:[,，]?(?:全市|全区|全县|全省|全国|我市|我区|我县|我省|我国|其中|已|已经|累计|共|目前|当前))*"
)
_TRAIL_VERBS = re.compile(
    r"(?:分别|已经|已|共计|共|累计|总共|总计|合计|均|平均)?(?:达到|达|超过|超|突破|为|是|约|近|逾|有|计|提升|提高|增长|下降|降低|增加|减少|升至)*$"
)
_TARGET_CUES = re.compile(r"(达到|力争|确保|打造|创建|建成|实现|培育|争创|提升至|提高到|不低于|以上)")
_PAST_CUES = re.compile(r"(已|累计|截至|截止|同比|比上年|较上年|获评|入选|位列|位居|居全)")
_SKIP_BEFORE = re.compile(r"[A-Za-z0-9.+\-第]$")
_SKIP_AFTER = re.compile(r"^(?:[A-Za-z+\-]|月|日|号|年|\.\d|次|大|级|强|条例)")


@dataclass(frozen=True)
class Figure:
    """A figure read from a sentence; offsets are relative to the sentence text."""

    value: float
    unit: str | None
    indicator: str
    qualifier: str
    year: int | None
    start: int
    end: int


def find_figures(sentence: str, *, target_year: int | None = None) -> list[Figure]:
    """Return the figures of one sentence, in order.

    `target_year` is the year of a plan's goals stated earlier in the document
    ("到2025年"), so that "智慧社区覆盖率达到90%" after it is read as a target.

    >>> [(f.value, f.unit, f.qualifier) for f in find_figures("全市数字经济核心产业企业超1000家,5G基站8210个")]
    [(1000.0, '家', '>'), (8210.0, '个', '=')]
    >>> [(f.value, f.unit) for f in find_figures("在全国数字经济发展百强榜上上升至第40位")]
    [(40.0, '位')]
    >>> [(f.value, f.unit, f.year) for f in find_figures("截至2022年底,中国网民规模达10.67亿")]
    [(1067000000.0, '人', 2022)]
    """
    text = half_width(sentence)
    masked = _mask_quoted(text)
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _RANK.finditer(masked):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        start, end = m.start("num") - 1, m.end()
        taken.append((start, end))
        figures.append(_figure(text, value, "位", start, end, rank_start=m.start()))
    for m in _YEARS_RUN.finditer(masked):
        value = parse_number(m.group("num"))
        if value is not None:
            taken.append(m.span())
            figures.append(_figure(text, value, "年", m.start("num"), m.end()))
    for m in _PERCENT_WORDS.finditer(masked):
        value = parse_number(m.group("num"))
        if value is not None:
            taken.append(m.span())
            figures.append(_figure(text, value, "%", m.start(), m.end()))
    for m in _FIGURE.finditer(masked):
        start, end = m.span()
        if any(s <= start < e for s, e in taken) or not _is_measure(masked, m):
            continue
        number = m.group("num") + (m.group("scale") or "")
        value = parse_number(number)
        if value is None:
            continue
        unit = _UNIT_NAMES.get(m.group("unit") or "", m.group("unit"))
        figures.append(_figure(text, value, unit, start, end, more=bool(m.group("more") or m.group("more2"))))
    figures.sort(key=lambda f: f.start)
    return [_as_target(f, text, target_year) for f in figures]


def plan_year(sentence: str) -> int | None:
    """Return the goal year a sentence sets ("到2025年…"), if any.

    >>> plan_year("《规划》的整体目标是:到2025年,滨州市数字强市建设成效凸显"), plan_year("2022年,我区新增")
    (2025, None)
    """
    m = _TARGET_YEAR.search(half_width(sentence))
    return int(m.group(1)) if m else None


def _mask_quoted(text: str) -> str:
    """Blank out text inside 《》 and “” so names like “15分钟” or 《…2035年…》 give no figures."""
    chars = list(text)
    for m in re.finditer(r"《[^》]*》|“[^”]{0,20}”", text):
        for i in range(m.start() + 1, m.end() - 1):
            chars[i] = "□"
    return "".join(chars)


def _is_measure(text: str, m: re.Match[str]) -> bool:
    """Return whether a numeral match is a measured figure rather than part of a name or date."""
    start, end = m.span()
    num, unit = m.group("num"), m.group("unit")
    before, after = text[max(0, start - 2) : start], text[end : end + 4]
    if _SKIP_BEFORE.search(before) or (not unit and _SKIP_AFTER.match(text[m.end("num") :])):
        return False
    if num[0] in CN_NUMERAL_CHARS:
        # Chinese numerals are everywhere in prose (一批, 三大, 两级, 三个误区): keep counts of 2+ that
        # are plainly counted things (两家, 五星), or that a figure's verb or qualifier introduces (新增二十一个).
        value = parse_number(num)
        cue = re.search(
            r"(超过|超|近|约|逾|达到|达|共|累计|新增|建成|突破|培训|共计|合计)$",
            text[max(0, start - 3) : start],
        )
        plain_count = unit in ("家", "项", "星", "星级", "座", "所", "名") or bool(
            unit and unit != "期" and re.match(r"[,，。;；、]|$", text[end:])
        )  # 二期 is a phase, not a count
        if (
            value is None
            or value < 2
            or len(num) > 4
            or not (plain_count or (unit and (cue or m.group("scale"))))
        ):
            return False
    if unit is None:
        if m.group("scale"):
            return True  # "网民规模达10.67亿": the unit is implied by the indicator
        # A bare figure only counts as an index value: "总指数达98.1".
        return bool(_INDEX_WORDS.search(text[max(0, start - 12) : start])) and "." in num
    if unit in ("位", "名") and not re.search(r"第$", text[:start]):
        return unit == "名" and bool(
            re.search(r"(人才|专家|学员|人员|博士)", after + text[start - 6 : start])
        )
    if unit == "分" and not re.search(r"(分|得分|指数|评分|评估)", text[max(0, start - 30) : start]):
        return False
    if _STRUCTURE_NOUNS.match(text[end:]) or text[end : end + 1] == "“":
        return False  # "24小时“不打烊”": the figure describes a quoted name
    if len(num) == 4 and num.startswith(("19", "20")) and unit in ("个", "家", "项") and "." not in num:
        return not re.match(r"年", after)
    return not (unit == "%" and re.match(r"\d", after))


def _figure(
    text: str,
    value: float,
    unit: str | None,
    start: int,
    end: int,
    *,
    rank_start: int | None = None,
    more: bool = False,
) -> Figure:
    clause_start = max(text.rfind(ch, 0, rank_start or start) for ch in ",，;；:：、(（") + 1
    before = text[clause_start : rank_start or start]
    indicator = _indicator(before, text[end:])
    if unit is None and not _INDEX_WORDS.search(indicator):
        context = text[clause_start:start] + text[end : end + 8]
        if _IMPLICIT_PEOPLE.search(context):
            unit = "人"
        elif _IMPLICIT_YUAN.search(context):
            unit = "元"
    if unit in ("万人次",):
        value, unit = value * 1e4, "人次"
    qualifier = "~" if more else qualifier_of(text[max(0, start - 4) : start], text[end : end + 2])
    if unit == "%" and re.search(r"(增长|提升|提高|下降|降低|减少)$", before) and qualifier == "=":
        qualifier = "="
    return Figure(value, unit, indicator or (unit or ""), qualifier, _year(text[:start]), start, end)


def _indicator(before: str, after: str) -> str:
    """Return a short noun phrase for what a figure counts: the noun after it, else the words before.

    >>> _indicator("新增", "市级标杆企业,数量居全市第一"), _indicator("全市数字经济核心产业企业超", ",2021年")
    ('市级标杆企业', '数字经济核心产业企业')
    >>> _indicator("数字安全防护等", "专项工作组,出台"), _indicator("以我市", "的规上数字经济企业数量")
    ('专项工作组', '规上数字经济企业数量')
    """
    noun = _AFTER_NOUN.match(after)
    if noun and len(noun.group(1)) >= 2:
        return noun.group(1)[:24]
    label = _LEAD_VERBS.sub("", before.strip())
    label = re.sub(r"^(?:截至|截止)?\d{4}年(?:底|末)?", "", label)
    label = _TRAIL_VERBS.sub("", label).strip("的 ")
    label = re.sub(
        r"^(?:开展|建成|新建|新增|建设|完成|实现|开放|汇聚|归集|形成|打造|创建|培育|引进|设立|达成|推动|支撑)",
        "",
        label,
    )
    label = re.sub(r"^(?:在|于)|(?:上|中)$", "", label)
    if len(label) < 2 and noun:
        return noun.group(1)[:24]  # "推动3个区、69家市直单位": 区
    return label[:40]


def _year(before: str) -> int | None:
    years = _YEAR.findall(before)
    return int(years[-1]) if years else None


def _as_target(f: Figure, text: str, target_year: int | None) -> Figure:
    own = plan_year(text[: f.start])
    if own is None and target_year is not None:
        window = text[max(0, f.start - 40) : f.start]
        clause = window[max(window.rfind(c) for c in "。;；") + 1 :]
        if not _TARGET_CUES.search(clause + text[f.end : f.end + 2]) or _PAST_CUES.search(clause):
            return f
        own = target_year
    if own is None:
        return f
    return Figure(f.value, f.unit, f.indicator, "target", own, f.start, f.end)
