"""Targets and years: whether a clause plans a figure, and the year a figure refers to.

SCHEMA.md: a figure is a `target` whenever the text says it is planned or aimed for (力争, 将, 预计,
目标, 到2025年 …); the cue governs the figures after it, across 、 and ，, until the sentence ends or a
past cue (已, 截至, 同比) takes over. A target's year is the horizon's end year (到“十四五”末 → 2025);
another figure's year is the one the text states for it, a dated annual summary's reporting year, or
a plan's base year.
"""

from __future__ import annotations

import re

from loaders.names import mask_titles
from loaders.numbers import half_width
from loaders.words import segment

# "增长到2019年的71092个" dates the end of a change; it sets no goal.
_PLAN_YEAR = re.compile(
    r"(?:(?<![截止年])到|(?<![截止年])至|力争|预计|计划|目标)((?:20)\d{2})年(?![\d月底末]*的\d)"
)  # "2018年到2020年" is a span of years, not a goal
# 十四五 ends in 2025, 十五五 in 2030 (five-year plans from 2021).
_FIVE_YEAR = re.compile(r"(?:到|至)?[“\"]?(十四五|十五五)[”\"]?(?:末|时期末|期末|期间|时期)?")
_FIVE_YEAR_END = {"十四五": 2025, "十五五": 2030}
# Future cues: 将 only as an adverb (将/p is the object marker: 将省级59项任务细化为…); a deadline
# (年底前, 月底前) sets a goal, and so does what is expected by then (年底可达, 年底投产…算力可达); what
# follows 根据规划
# is the plan's.
_FUTURE = re.compile(
    r"(要|(?:建成|投产|达产|达效|投产达效|投用|竣工)后|力争|预计|(?<![的出作做])决定(?=用|从|在|于|今年|明年|投资|投入|启动|实施|开展|建设|新建|完成)|目标(?:是|为|:|：|到|(?:确定|设定|设置|定)为)|计划|争取|确保(?!了)(?![^,，。;；]{0,24}前提下)|力求|规划|有望|拟|将|可望|预期|(?<![截止至到])(?:年底|年末|月底)前|(?<![截止至到])(?:年底|年末|年内|上半年|下半年)[^,，。;；:：]{0,16}?可(?=达|实现|突破|超过)|(?<![截止年])到(?:20\d{2}年(?![\d月底末]*的\d)|[“\"]?十[四五]五)|十[四五]五[”\"]?(?:末|期末|时期末)"
    # no document yet looks back on the 十五五 period (2026-2030): what it states for it is aimed for
    r"|十五五[”\"]?(?:时期|期间)"
    # the years ahead of a plan (未来五年, 今后3年) are its horizon
    r"|(?:未来|今后)[一二两三四五六七八九十\d]{1,2}年"
    # what a plan or a notice says, cited as the source of the clause (根据通知, 按照《方案》,): its goals
    r"|(?:根据|按照|依据)《?[^,，。;；《》]{0,30}?(?:通知|方案|规划|计划|纲要)》?(?=[,，]))"
)
# 获得 reports what was won ("争取增发国债项目69个,获得国债资金97.4亿元") unless an aim governs it
# (力争获得…); a headline that sums up results ("招商引资成效显著。") ends a plan carried from before.
_WON = r"(?<!力争)(?<!争取)(?<!将)(?<!有望)(?<!预计)(?<!确保)获得(?!感)"
# A comparison with the year before: a report's word, though a goal or an estimate may compare too.
_COMPARED_WORDS = r"同比|比上年|较上年"
_COMPARISON = re.compile(_COMPARED_WORDS)
_PAST = re.compile(
    rf"(已|截至|截止|{_COMPARED_WORDS}|去年|过去|目前|正在|先后|以来|近年来|近几年|多年来|获评|入选|成功|实际(?=完成|投资|到位|支出|使用|建成|投入|发生)|{_WON})"
)  # 实际: "计划投资87.6亿元,实际完成投资96.1亿元" (what was done against the plan)
_REPORTED = re.compile(
    rf"(已|截至|截止|{_COMPARED_WORDS}|去年|过去|先后|以来|近年来|近几年|多年来|正在|{_WON}|成效(?:显著|明显))"
)
# A year opening a report's title names its edition (《2020联合国电子政务调查报告》).
_YEAR = re.compile(r"((?:19|20)\d{2})(?:年|(?=全球|全国|上半年)|(?<=《\d{4})(?=[\u4e00-\u9fff]))")
# A year that is only the base of a comparison ("比2016年增加70%") is not the figure's year.
_COMPARED = re.compile(r"(?:比|较|相比|同比|对比|与)$")
# …or the base of a multiple ("是2022年的三倍多", "2022年同期").
_BASE = re.compile(r"(?:的)?(?:[\d.一二两三四五六七八九十]+倍|同期)")
_PLAN_TITLE = re.compile(r"((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})年")
# A summary opens on its year ("2024年,在市委…") or names it ("2020年是…之年"); "2021年度" names
# the year of some report or award as often as the document's own.
_OPENING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})年(?:,|，|以来)")
_SUMMARY_YEAR = re.compile(r"((?:19|20)\d{2})年是")
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)|本报讯|记者[^,，。]{0,12}(?:获悉|了解到)")
# The first year in a report's title names what it reports on ("2023年7月数据发布" too); a plan for the
# next year may follow it ("2023年工作总结和2024年工作思路").
_REPORT_TITLE = re.compile(
    r"^[^“\"《]*?((?:19|20)\d{2})年(?:度|上半年|前三季度|一季度|\d{1,2}月份?)?[^\d“\"《]{0,20}?(?:工作总结|工作情况|情况通报|工作报告|年度报告|总结|统计公报|发展报告|数据发布|简报|月报|季报)"
)
# A report on an event named with its year ("2024丝路数字经济峰会在西安开幕") gives that year to what the
# event brought (签约项目, 参会企业).
_EVENT_TITLE = re.compile(
    r"\s*((?:19|20)\d{2})年?(?:第[一二三四五六七八九十\d]+届)?[^,，。;；:：\s]{2,16}?(?:峰会|大会|博览会|论坛|展览会|交易会|年会)"
)
# A headline that opens on a year and states a figure of it ("2023年数字经济核心产业增加值127555亿元")
# dates the report under it.
_FIGURE_TITLE = re.compile(
    r"\s*((?:19|20)\d{2})年(?!度)[^\d,，。;；:：《“\n]{2,24}\d[\d.]*[万亿]*[元个家项%]"
)
# Lines that head a document rather than report: a subtitle (——数字温州建设部分), an addressee
# (各区镇,市各委办局:) or a short heading without a full stop.
_HEADING_LINE = re.compile(r"^\s*(?:——.*|[^。\n]{0,30}[:：]|[^。,，\n]{0,30})\s*$")


def plan_year(sentence: str) -> int | None:
    """Return the goal year a sentence sets ("到2025年…", "到“十四五”末"), if any.

    >>> plan_year("《规划》的整体目标是:到2025年,滨州市数字强市建设成效凸显"), plan_year("2022年,我区新增")
    (2025, None)
    >>> plan_year("到“十四五”末,我省数字经济核心产业增加值力争达到7000亿元")
    2025
    """
    text = half_width(mask_titles(sentence))
    m = _PLAN_YEAR.search(text)
    if m:
        return int(m.group(1))
    five = re.search(r"(?:到|至)[“\"]?(十四五|十五五)[”\"]?(?:末|时期末|期末)", text)
    return _FIVE_YEAR_END[five.group(1)] if five else None


# A goal year standing as a clause of its own ("到2025年,…", "目标是:到“十四五”末,…") frames the
# goals that follow it; one inside a clause ("…,力争到2025年突破200万台") sets only its own figure.
_GOAL_FRAME = re.compile(
    r"(?:^|[,，:：])\s*(?:力争|争取|计划|预计)?(?:(?:到|至)(?:(20\d{2})年(?:底|末)?|[“\"]?(十四五|十五五)[”\"]?(?:末|时期末|期末))"
    # "2024年底前,…;…达到90%以上": a deadline standing as a clause of its own frames what follows too
    r"|(20\d{2})年年?(?:底|末)前)[,，]"
)


# "…计划于2021年初建成,届时…将达95%以上;…比例达到80%以上", "项目建成后,…达到300种以上;新建…,提供5000个…":
# the time a plan comes true, standing as a clause of its own, frames the goals after it as a goal year does.
_THEN_FRAME = re.compile(
    r"(?:^|[,，:：])\s*(?:届时|[^,，;；。:：]{0,16}?(?:建成|投产|达产|达效|投产达效|投用|竣工|完成)后[,，])"
)


def goal_frame(sentence: str) -> int | None:
    """Return the goal year a sentence sets for the goals after it, when it stands as a clause of its own.

    >>> goal_frame("《规划》的整体目标是:到2025年,滨州市数字强市建设成效凸显")
    2025
    >>> goal_frame("服务器承载能力超过一百万台,力争到2025年突破二百万台。") is None
    True
    >>> goal_frame("力争到2017年底,全市行政许可事项网上全流程办理率达85%以上")
    2017
    >>> goal_frame("2024年底前,全面实现一网通办;高频事项网办率达到90%以上")
    2024
    """
    m = _GOAL_FRAME.search(half_width(mask_titles(sentence)))
    if m is None:
        return None
    year = m.group(1) or m.group(3)
    return int(year) if year else _FIVE_YEAR_END[m.group(2)]


def document_years(text: str, title: str | None = None) -> tuple[int | None, int | None]:
    """Return (reporting year, plan horizon) of a document.

    A plan titled "(2022-2025年)" reports on its base year and aims at its end year; a dated annual
    summary ("2024年,在市委…", "2020年是…之年") reports on that year (SCHEMA.md `year`).

    >>> document_years("正文", "沈阳市数字政府建设总体规划(2022-2025年)")
    (2022, 2025)
    >>> document_years("2024年,在市委、市政府的正确领导下,市政务和数据局坚持…")
    (2024, None)
    >>> document_years("近日,记者获悉,上半年全区数字经济规模达171.3亿元。")
    (None, None)
    >>> document_years("正文", "某某区2023年工作总结和2024年工作思路")
    (2023, None)
    >>> document_years("正文", "某省政务服务和数据管理局 2023年7月数据发布")
    (2023, None)
    >>> document_years("正文", "2024丝路数字经济峰会在西安开幕 现场签约项目56个")
    (2024, None)
    >>> document_years("2023年数字经济核心产业增加值127555亿元\\n为了全面反映…")
    (2023, None)
    >>> document_years("中新网某地4月19日电 会上透露,2023年是某地数字化改革加快推进之年。")
    (None, None)
    >>> document_years("各区人民政府:\\n现印发给你们。\\n某市数字经济三年行动计划(2025-2027年)\\n为深入贯彻…")
    (2025, 2027)
    >>> document_years("某区人民政府政务服务办公室\\n区政务服务办2020年度行政执法工作报告\\n本机关作出行政许可4190件。")
    (2020, None)
    >>> document_years("索引号: 0010/2021 公开方式: 主动公开\\n发布机构: 某市大数据局 成文日期: 2021-03-11\\n主题分类: 综合类\\n某市大数据局2020年法治政府建设年度报告\\n市委、市政府:")
    (2020, None)
    """
    # Only the document's own title makes it a plan: a plan it cites ("《…(2022-2025年)》") does not.
    # A notice that forwards the plan ("各区人民政府:…现印发给你们") or a title that puts its period on
    # a line of its own gives the title among the heading lines before the running text.
    head = half_width(title or "")
    for named in (head, "".join(_heading_lines(half_width(text)))):
        plan = _PLAN_TITLE.search(named)
        if plan and re.search(r"(规划|计划|方案|纲要)", named[: plan.end()]):
            return int(plan.group(1)), int(plan.group(2))
    # A report titled with its year ("…2023年数字化改革工作总结", "…2024年上半年…工作情况通报") reports on it.
    # (or a heading line under the body's name: "某区人民政府政务服务办公室\n区政务服务办2020年度…工作报告")
    reported = (
        _REPORT_TITLE.search(head)
        or next(filter(None, map(_REPORT_TITLE.search, _heading_lines(half_width(text))[:3])), None)
        or _EVENT_TITLE.match(head or _first_line(text))
        or _FIGURE_TITLE.match(head or _first_line(text))
    )
    if reported:
        return int(reported.group(1)), None
    body = mask_titles(half_width(text))
    if title and body.startswith(title):
        body = body[len(title) :]
    opening = _OPENING_YEAR.match(_running_text(body))
    # A news report ("中新网苏州4月19日电") that calls the year "…推进之年" states an aim, not the period
    # its figures report on.
    news = _DATELINE.search(body[:400])
    years = {int(y) for y in ([] if news else _SUMMARY_YEAR.findall(body[:3000]))} | (
        {int(opening.group(1))} if opening else set()
    )
    return (years.pop() if len(years) == 1 else None), None


def _heading_lines(text: str) -> list[str]:
    """Return the lines among a document's first twelve that head it: short, with no full stop and
    no cited title.

    >>> _heading_lines("某市人民政府办公室\\n2025年9月9日\\n某市数字经济三年行动计划(2025-2027年)\\n为深入贯彻…,制定本计划。")
    ['某市人民政府办公室', '2025年9月9日', '某市数字经济三年行动计划(2025-2027年)']
    """
    lines = [line.strip() for line in text.split("\n")[:12]]
    return [
        line
        for line in lines
        if line and len(line) <= 60 and not re.search(r"[。;；《]", line) and not _PAGE_FIELD.match(line)
    ]


# A disclosure page's record fields (索引号: …, 发布机构: …, 成文日期: …) stand above its title.
_PAGE_FIELD = re.compile(
    r"(?:索引号|发布机构|主题分类|发文字号|成文日期|发布日期|浏览次数|分享|字体)\s*[:：]"
)


def _first_line(text: str) -> str:
    """Return a document's first non-empty line, which heads it when no title was given."""
    return next((line for line in text.split("\n") if line.strip()), "")


def _running_text(body: str) -> str:
    """Return the body from its first line of running text, past subtitle, addressee and heading lines.

    >>> _running_text("——数字某某建设部分\\n\\n各区镇,市各委办局:\\n2023年,我们坚持…")
    '2023年,我们坚持…'
    """
    lines = body.split("\n")
    for k, line in enumerate(lines[:6]):
        if line.strip() and not _HEADING_LINE.match(line):
            return "\n".join(lines[k:])
    return body


# Headings that open a document's plan part ("二、2024年工作思路", "下一步工作打算") or its review part
# ("一、2023年工作总结", "(一)发展基础"); a plan's figures are goals (SCHEMA.md `qualifier`).
_PLAN_HEADING = re.compile(
    r"(工作思路|工作计划|工作打算|工作安排|下一步|工作要点|工作重点|重点任务|目标任务|主要目标|发展目标|总体目标|工作目标|年度目标"
    r"|发展思路|总体思路|总体要求)"
)
# A section heading that promises (紧抓…,确保数字强市“有果”) opens what will be done; a news title that
# does ("我市确保…") heads a report of what was done as often.
_PROMISE = re.compile(r"(确保|力争)")
# 基础 heads a review as a noun of its own (发展基础, 现实基础); 基础设施 is what a plan builds
# (一、夯实数字基础设施底座).
_REVIEW_HEADING = re.compile(r"(总结|回顾|成效|成绩|情况|进展|基础(?!设施)|现状|成果|亮点|做法)")


def section_plans(line: str, *, title: bool = False) -> bool | None:
    """Return whether a heading line opens a plan (True) or a review (False); None for any other line.
    A document's title (`title`) makes it a plan only by naming one (…2023年工作要点).

    >>> section_plans("二、2024年工作思路"), section_plans("一、2023年工作总结"), section_plans("(一)聚焦党建领航")
    (True, False, None)
    >>> section_plans("一、年度工作目标"), section_plans("二、2023年工作目标完成情况")
    (True, False)
    >>> section_plans("某区2023年工作总结和2024年工作计划"), section_plans("全市新增5G基站1200个。")
    (False, None)
    >>> section_plans("紧抓数字政府建设攻坚提升,确保政府服务“有为”"), section_plans("我市确保完成全年目标", title=True)
    (True, None)
    """
    line = line.strip()
    if not line or len(line) > 40 or re.search(r"[。;；]", line):
        return None  # running text, not a heading
    if _REVIEW_HEADING.search(line):
        return False  # "…总结和…计划": the review comes first
    planned = _PLAN_HEADING.search(line) or (not title and _PROMISE.search(line))
    return True if planned else None


# A document as the subject of proposing opens what it proposes: "报告提出,聚力深化数字赋能…" in a report
# on a government work report, "《方案》明确," — the paragraphs after it state its plan (SCHEMA.md
# `qualifier`), as a plan heading does. "报告提出的目标全面完成" (attributive 的) proposes nothing.
_PLAN_LEAD = re.compile(
    r"^\s*(?:(?:据了解|据悉|同时|此外|其中|会上)[,，]\s*)?(?:[^,，。;；:：]{0,16}?(?:工作报告|报告|规划|计划|方案|意见|纲要|》))(?:中|还|进一步|明确)?"
    r"(?:提出|明确|部署|要求)(?!的)(?:了)?(?:[^,，。;；:：]{0,4}目标(?:任务)?)?[,，:：]"
)  # "《工作要点》明确了工作目标:到2022年底,…" names what it sets before setting it


# A notice issuing a plan ("《…2026年工作要点》已经省领导同意,现印发给你们", "…关于印发…2022年工作计划的
# 通知") and a year's work stated by its overall requirement ("2023年,全市…工作的总体要求是:") open the
# plan itself: what follows is planned.
_ISSUES_PLAN = re.compile(
    r"^\s*(?:《[^》]{2,60}(?:要点|计划|方案|规划)》[^。]{0,20}印发"
    r"|[^。《]{0,60}关于印发[^。]{2,60}(?:工作要点|工作计划|行动计划|实施方案|工作方案)(?:[(（][^()（）]{1,12}[)）])?》?的通知"
    r"|(?:(?:19|20)\d{2}年)?[,，]?[^。;；:：]{0,30}(?:总体要求|主要目标|工作目标)(?:是|为)[:：])"
)


# A title that is a plan's own name (《湖南省“十四五”数字政府建设实施方案》(全文), 某市数字经济三年行动计划
# (2025-2027年)); a news title that cites one (我市出台《…行动计划》) is not. A 规划 or 纲要 reviews
# the period before as much as it plans (its 发展基础 states figures reached): its title alone decides
# nothing (tried in round 22: the set-aside part lost nine metrics).
_PLAN_NAME = re.compile(
    r"^《?[^《》]{4,60}(?:行动计划|实施方案|工作方案|行动方案|工作要点|工作计划)》?"
    r"\s*(?:[(（](?:\d{4}\s*[-—–~至到]\s*\d{4}年|全文|附全文|征求意见稿)[)）])?\s*(?:全文)?$"
)


def titled_plan(title: str | None) -> bool:
    """Return whether a document's title is the name of a plan, so that the document is that plan.

    >>> titled_plan("《湖南省“十四五”数字政府建设实施方案》(全文)"), titled_plan("某市数字经济三年行动计划(2025-2027年)")
    (True, True)
    >>> titled_plan("我市出台《数字经济三年行动计划》"), titled_plan("某区2023年工作总结和2024年工作计划")
    (False, False)
    """
    if not title:
        return False
    return bool(_PLAN_NAME.match(half_width(title).strip())) and not _REVIEW_HEADING.search(title)


def leads_plan(sentence: str) -> bool:
    """Return whether a sentence opens on a document proposing, so that what follows is its plan.

    >>> leads_plan("报告提出,聚力深化数字赋能,推动数字济南建设全面提升。"), leads_plan("《方案》明确:到2025年…")
    (True, True)
    >>> leads_plan("据了解,《工作要点》明确了工作目标:到2022年底,数字乡村建设取得新的更大进展。")
    True
    >>> leads_plan("报告显示,过去一年全市新增5G基站1200个。"), leads_plan("报告提出的目标任务全面完成。")
    (False, False)
    >>> leads_plan("《数字某省建设2026年工作要点》已经省领导同意,现印发给你们,请认真抓好贯彻落实。")
    True
    >>> leads_plan("2023年,全市政务服务和大数据工作的总体要求是:坚持以…为指导")
    True
    >>> leads_plan("网站严格按照《信息公开条例》要求,主动公开信息190条。")
    False
    >>> leads_plan("党的二十大报告明确提出,加快建设网络强国、数字中国。")
    False
    >>> leads_plan("印发《某市人民政府办公室关于印发2018年某市“互联网+政务服务”工作方案的通知》,明确工作目标。")
    False
    """
    text = half_width(sentence)
    if _ISSUES_PLAN.match(text):
        return True
    lead = _PLAN_LEAD.match(text)
    # "网站严格按照《信息公开条例》要求,…": what was done by a document's rule, not what it proposes
    if lead and _ABIDES.search(text[: lead.end()]):
        return False
    # "党的二十大报告明确提出,…": the centre's report quoted for context, not the text's own plan
    if lead and _CENTRAL.search(text[: lead.end()]):
        return False
    return bool(lead) and not _REPORTED.search(text)


_ABIDES = re.compile(r"按照|根据|依据|依照|遵照|对照|参照|按")
_CENTRAL = re.compile(r"党的|中央|二十大|十九大|十八大|国务院|总书记")


def paragraph_year(paragraph: str) -> int | None:
    """Return the year a paragraph opens on ("2024年,我局将…"), which dates the goals it goes on to set.

    >>> paragraph_year("2024年,我局将重点实施三年攻坚行动。力争…"), paragraph_year("全年新增企业20家")
    (2024, None)
    """
    m = _OPENING_YEAR.match(mask_titles(half_width(paragraph)))
    return int(m.group(1)) if m else None


_SPELLS_GOAL = re.compile(r"[^,，;；。:：]{0,40}?(?:的|”)[\u4e00-\u9fff]{0,6}目标(?:任务)?(?:[,，;；。]|$)")


def is_planned(sentence: str, position: int, *, planned: bool = False) -> bool:
    """Return whether the figure at `position` is governed by a future cue before it in the sentence
    (or, with `planned`, by the plan the paragraph is stating) and no past cue has taken over since.

    >>> s = "预计实施项目3000个以上,覆盖规上企业2500家,推动12000家中小企业开展评估"
    >>> [is_planned(s, s.index(n)) for n in ("3000", "2500", "12000")]
    [True, True, True]
    >>> s = "2023年计划投资87.6亿元,实际完成投资96.1亿元,完成进度109.6%"
    >>> [is_planned(s, s.index(n)) for n in ("87.6", "96.1", "109")]
    [True, False, False]
    >>> s = "截至目前,全市已建成5G基站997个,力争年底达到1200个"
    >>> [is_planned(s, s.index(n)) for n in ("997", "1200")]
    [False, True]
    >>> s = "年底前,推动50个以上数字经济项目落地;2022年底前已建成12个"
    >>> [is_planned(s, s.index(n)) for n in ("50", "12")]
    [True, False]
    >>> is_planned("根据规划,“十四五”期间数字经济领域有效发明专利达到8万件", 27)
    True
    >>> is_planned("全年计划投资完成率达到105%", 12)
    False
    >>> s = "“十四五”时期,研发经费投入年均增长10%;“十五五”时期,研发经费投入年均增长7%以上"
    >>> is_planned(s, s.index("10%")), is_planned(s, s.index("7%"))
    (False, True)
    >>> s = "已建设完成54个场景,按计划持续推进13个场景,正在建设实施18个场景"
    >>> [is_planned(s, s.index(n)) for n in ("54", "13", "18")]
    [False, False, False]
    >>> s = "数据资源池汇聚基本完成,发改委、自然资源和规划局等50个市级部门数据接入平台"
    >>> is_planned(s, s.index("50"))
    False
    >>> is_planned("近年来,成功引进13个数据中心项目", 11, planned=True)
    False
    >>> s = "聚焦今年标准机架10万架、智算规模突破10万P“双十万”目标,立足基础优势"
    >>> is_planned(s, s.index("10万架")), is_planned("已完成标准机架10万架的目标。", 7)
    (True, False)
    >>> s = "已建设运行系统8个,拟建设137个,正在建设3个"
    >>> [is_planned(s, s.index(n)) for n in ("8个", "137", "3个")]
    [False, True, False]
    >>> s = "已建设运行系统8个,拟建设137个,州级部门建设运行系统36个"
    >>> [is_planned(s, s.index(n)) for n in ("8个", "137", "36")]
    [False, True, False]
    >>> s = "今年力争再建50个;服务平台覆盖老年人约32万人"
    >>> [is_planned(s, s.index(n)) for n in ("50", "32")]
    [True, False]
    >>> s = "经信系统要狠抓数字化改造,新增智能工厂15家以上"
    >>> is_planned(s, s.index("15")), is_planned("总书记强调,要加快建设数字中国,全市建成5G基站99个", 20)
    (True, False)
    >>> is_planned("入选省级协同创新项目5个以上", 10, planned=True), is_planned("已入选项目5个", 5, planned=True)
    (True, False)
    >>> s = "争取增发国债项目69个,获得国债资金97.4亿元"
    >>> is_planned(s, s.index("97")), plans_ahead(s), is_planned("力争获得国家级试点3个", 8)
    (False, False, True)
    >>> s = "每投入1元将带动4元增长,按照总投资442亿元计算,将带来1326亿元增长"
    >>> is_planned(s, s.index("442")), is_planned(s, s.index("1326"))
    (False, True)
    >>> is_planned("90%以上事项实现“一窗受理”;办事所需材料80%以上可通过数据共享获得", 29, planned=True)
    True
    >>> s = "“一路一证”改革事项争取到了省级试点。全区经营主体存量14.18万户"
    >>> is_planned(s, s.index("14")), is_planned("该计划纳入“一号文件”,投入1000余万元", 16)
    (False, False)
    """
    before = mask_titles(half_width(sentence[:position]))
    # "聚焦今年标准机架10万架、智算规模突破10万P“双十万”目标": figures that spell out a goal named after
    # them are what it aims for, unless the clause says the goal was met (已完成…的目标)
    if _SPELLS_GOAL.match(sentence, position) and not re.search(
        r"(?:已|完成|实现了|达成|超额)[^,，;；。]*$", before
    ):
        return True
    if re.search(r"按照?[^,，;；。]{0,30}$", before) and re.match(
        r"[^,，;；。]{0,12}?计算", sentence[position:]
    ):
        return False  # "按照总投资442亿元计算,将带来…": the premise of an estimate, not its aim
    future = _last_future(sentence, before)
    # (同比, 比上年 after the cue compare the figure aimed for or estimated: "预计完成58.3亿元,同比增长10%")
    past = max(
        (
            m.end()
            for m in _PAST.finditer(before)
            if not (
                _COMPARISON.fullmatch(m.group(0))
                and 0 <= future <= m.start()
                and not re.search(r"[;；]", before[future : m.start()])
            )
        ),
        default=-1,
    )
    colon = max(before.rfind(":"), before.rfind("："))
    listed = colon >= 0 and _last_future(sentence, before[:colon]) >= 0  # 将重点做好四个方面工作:一是…;二是…
    if (
        future >= 0
        and re.search(r"[;；]", before[future:])
        and not _GOAL_FRAME.search(before)
        and not _THEN_FRAME.search(before)
        and not listed
        and not _continues_list(before, future)
    ):
        return False  # a cue inside one clause ("今年力争再建50个;") does not reach past its semicolon
    if future >= 0 and 0 <= past < future and _aside(before, future):
        return False
    # "县市已建设运行系统8个,拟建设137个,州级部门建设运行系统36个": 拟 marks its own clause's item
    # as proposed in a list of items by their stage; it reaches no clause past its comma that has a
    # verb of its own ("拟建设42个重点项目,总投资额约14.5亿元" goes on with the same projects)
    if future > 0 and before[future - 1] == "拟" and re.search(r"[,，;；]", before[future:]):
        own = re.split(r"[,，;；]", before[future:])[-1]
        if any(
            w.tag in ("v", "vn") and not _LIST_VERBS.fullmatch(w.text) and w.text not in ("约", "近", "超")
            for w in segment(own)
        ):
            return False
    if future >= 0 and (
        _DONE.search(before, future) or _DONE_AFTER.match(half_width(sentence[position : position + 24]))
    ):
        return False  # "根据…规划,在全县17个乡镇建设了800个摄像头": what the plan led to was done
    if future >= 0:
        return future > past
    # A plan carried from the sentence before ends where the text reports what is done ("…均已开通",
    # "…,同比增长三成"), wherever in the sentence it says so.
    # 入选, 获评, 成功 and 目前 say what happened only without a plan around them: a plan's "入选省级
    # 协同创新项目5个以上" is a goal.
    # (据了解/据悉 opening a sentence reports how things stand: "力争到2025年…。据了解,全市…企业619家")
    # (what can be obtained, 材料80%以上可通过数据共享获得, is no gain reported)
    return (
        planned
        and not _REPORTED.search(_MAY_OBTAIN.sub("", mask_titles(half_width(sentence))))
        and not re.match(r"\s*据(?:了解|悉|介绍|统计)", sentence)
    )


# A verb of building or reaching marked done (建设了, 建成了, 新增了) in the figure's own clause, before
# the figure or right after it.
_DONE_VERB = (
    r"(?:建设|建成|完成|实现|新增|打造|建立|开通|安装|部署|培育|引进|引育|投入|发放|办理|受理|累计)了"
)
_DONE = re.compile(rf"{_DONE_VERB}[^,，;；。:：]{{0,16}}$")
_DONE_AFTER = re.compile(rf"[^,，;；。:：]{{0,12}}?{_DONE_VERB}")
_MAY_OBTAIN = re.compile(r"(?:可|能|可以)(?:通过)?[^,，;；。]{0,10}获得")


def _aside(before: str, future: int) -> bool:
    """Whether a cue inside a report (截至目前…) is an aside about one figure: it stands after its
    clause's subject ("全年产值预计突破700亿元") and a later clause before the figure has a verb of
    its own ("新增融资企业11家"), which reports again.

    >>> s = "截至目前,软件企业1175家,全年产值预计突破700亿元,新增融资企业"
    >>> _aside(s, s.index("预计") + 2), _aside("截至目前,已建成997个,力争年底达到", 19)
    (True, False)
    """
    opened = max(before.rfind(mark, 0, future) for mark in ",，;；:：")
    clause_before_cue = before[opened + 1 : future].strip()
    cue_len = next((len(m.group(1)) for m in _FUTURE.finditer(before) if m.end() == future), 0)
    if not re.search(r"[\u4e00-\u9fff]{2}", clause_before_cue[: len(clause_before_cue) - cue_len]):
        return False  # the cue opens its clause (预计到2022年…, 力争…): it governs what follows
    later = re.split(r"[,，;；]", before[future:])
    if len(later) < 2:
        return False
    return any(
        w.tag == "v" and not _LIST_VERBS.fullmatch(w.text) for clause in later[1:] for w in segment(clause)
    )


# Verbs that a list of measures shares with the verb a cue governs: the measure's change or its level.
_LIST_VERBS = re.compile(r"(?:增长|增加|提高|提升|下降|降低|减少|回落|实现|达到|完成|达|为|突破|超过)")


def _continues_list(before: str, future: int) -> bool:
    """Whether every clause past the semicolon after a cue only names measures and their figures
    ("预计实现地区生产总值391亿元,增长8.6%;财政收入38.74亿元,增长4.26%;…"), so the verb the cue
    governs (实现) still governs them; a clause with a verb of its own ("…;服务平台覆盖老年人约32万人")
    states something else. 可 + verb is an adjective (可支配收入).

    >>> s = "预计实现地区生产总值391亿元,增长8.6%;城镇居民人均可支配收入42170元,增长8.2%"
    >>> _continues_list(s, 2), _continues_list("今年力争再建50个;服务平台覆盖老年人约", 4)
    (True, False)
    >>> _continues_list("力争收入突破3000亿元;企业数量达4000家(收入在500万元以上的企业),从业人员达到", 0)
    True
    """
    rest = re.split(r"[;；]", before[future:], maxsplit=1)[1]
    # (a note in brackets defines a measure, "4000家(软件业务收入在500万元以上的企业)": no verb of the list)
    words = segment(re.sub(r"[(（][^()（）]*[)）]", "", rest))
    for k, w in enumerate(words):
        adjective = w.text == "可" or (k > 0 and words[k - 1].text == "可")
        if w.tag != "v" or _LIST_VERBS.fullmatch(w.text) or adjective:
            continue
        return False
    return True


def plans_ahead(sentence: str, *, planned: bool = False) -> bool:
    """Return whether the plan a sentence states goes on after it (its last cue is a future one).

    >>> plans_ahead("今年济南市将从场景创新入手,让市民共享数智红利。"), plans_ahead("截至目前,已建成5G基站997个。")
    (True, False)
    >>> plans_ahead("遵循渐进原则,设定2027年底前实现从“能办”到“好办”的目标。")
    False
    >>> plans_ahead("制定试点工作实施方案,合理配置资源,确保数字乡村试点工作顺利开展。")
    False
    >>> plans_ahead("制定出台考核办法,跟踪推进相关任务,确保各项工作落到实处。")
    False
    >>> plans_ahead("提出抢抓“三个窗口期”,打造“三条产业链”,争取“三个平台”的发展思路。")
    False
    >>> plans_ahead("数智小镇一期建设项目负责人梁勇冠说。", planned=True)
    False
    >>> plans_ahead("近日,笔者获悉,川西大数据产业园推介会将于6月28日在雅安举行。")
    False
    >>> plans_ahead("2022年湖北GDP预计增长4.7%左右,在过5万亿经济大省中增速第一。")
    False
    >>> plans_ahead("我省提出今年软件业实现营业收入同比增长9%左右的目标。")
    True
    """
    goal = _GOAL_SET.search(sentence)
    # (a goal for this year a place or a body puts forward, "我省提出今年…增长9%左右的目标。", heads the
    # year's list of tasks that follows it, as a plan's lead does)
    if goal and re.match(r"(?:提出|明确了?)今年", goal.group(0)):
        return True
    if goal:
        return False  # "设定2027年底前实现…的目标。": a goal someone set, named whole as an object
    if _SPEAKER.fullmatch(sentence):
        return False  # "“…争取按期交付。”负责人梁勇冠说。": the plan was the speaker's, the text goes on with facts
    # "“做好疫情防控的同时,确保群众能够办成事。”": words quoted whole are someone's, as above
    if re.fullmatch(r"\s*“[^“”]+”\s*", sentence):
        return False
    # "规划建设用地面积17748平方米": a planned size names one figure's kind; it sets no plan that the
    # sentences after it go on with ("…2019年抽调11个部门人员进驻").
    sentence = _PLANNED_SIZE.sub(lambda m: "□" * len(m.group(0)), sentence)
    # "…制定实施方案,合理配置资源,确保试点工作顺利开展。": a purpose the work served, closing a sentence
    # of what was done, states no plan for the sentences after it
    sentence = _PURPOSE_END.sub(lambda m: "□" * len(m.group(0)), sentence)
    # "推介会将于6月28日在雅安举行", "产业园将在全省率先开园": an event set for a date states no plan of work
    # for the sentences after it
    sentence = _SCHEDULED.sub(lambda m: "□" * len(m.group(0)), sentence)
    # "2022年湖北GDP预计增长4.7%左右。": an estimate is of its own figures; the next sentence reports
    sentence = re.sub(r"预计(?!到|至)", "□□", sentence)
    return is_planned(sentence, len(sentence), planned=planned)


_SCHEDULED = re.compile(
    r"将(?:于|在)[^,，。;；]{0,24}?(?:举行|召开|开幕|闭幕|开园|举办|揭牌|开馆|开班|开赛)"
    # "7月,数据中心将正式投入使用。": a thing set to open, the sentence's last word, as much
    r"|将(?:正式|全面)?(?:投入使用|投入运营|投入运行|投用|投产|上线运行|开园|开馆)(?=[。!！]?\s*$)"
)


_PURPOSE_END = re.compile(
    r"(?<=[,，])(?:以|从而)?确保[^,，。;；]{2,30}(?:顺利|有序|扎实|如期|按期|按时|平稳|高效|落到实处|落实落细|落地见效|取得实效)"
    r"[^,，。;；]{0,8}[。!！]?\s*$"
)


_PLANNED_SIZE = re.compile(
    r"规划(?:建设)?(?:总)?(?:占地|用地|面积|建筑面积)|规划建设(?=[\d.]+\s*(?:万|千)?(?:平方公里|平方米|亩|公顷))"
)


# A sentence that only says who spoke the quote before it.
_SPEAKER = re.compile(r"[^,，;；。“”:：]{0,40}(?:说|表示|介绍|坦言|告诉记者)[。!！]?\s*")

# A sentence that names a goal as the object of setting it, and ends there.
# ("提出抢抓…,打造“三条产业链”…的发展思路。": a course proposed, named whole as the object, as much)
_GOAL_SET = re.compile(
    r"(?:设定|设立|确立|定下|锚定|提出|明确了?)[^。;；:：]{2,60}的[\u4e00-\u9fff]{0,4}(?:目标|思路)[。!！]?\s*$"
)


def figure_year(sentence: str, position: int) -> int | None:
    """Return the year the sentence states for the figure at `position`: the last year before it
    that is not a comparison's base or inside a title.

    >>> figure_year("2017年,乌镇的规上增加值比2016年增加70%", 26)
    2017
    >>> figure_year("2023年,交易额是2022年的三倍多,累计入驻数据商520家", 30)
    2023
    >>> figure_year("交易额是2022年的3倍多", 12) is None
    True
    >>> figure_year("《2020联合国电子政务调查报告》显示,我国电子政务发展指数排名全球第45", 40)
    2020
    >>> figure_year("据悉,2024年生产总值超过2.1万亿元;企业总量突破100万户", 28)
    2024
    >>> figure_year("2023年新增人才1.8万人,目前全市数字人才达到312人", 28), figure_year("截至2021年年底,规模超过2200亿元", 18)
    (None, 2021)
    >>> figure_year("自2014年落户该县以来,已通达全县27个乡镇", 20) is None
    True
    """
    before = half_width(sentence[:position])  # a ranked list's title dates its rank (《2022年…百强榜》)
    whole = half_width(sentence)  # the multiple itself ("是2022年的3倍") follows its base year
    years = [
        m
        for m in _YEAR.finditer(before)
        if not _COMPARED.search(before[: m.start()]) and not _BASE.match(whole[m.end() :])
    ]
    if (
        years
        and re.search(r"[;；]", before[years[-1].end() :])
        and re.search(r"[,，]", before[: years[-1].start()])
        and re.search(r"\d", before[: years[-1].start()])
    ):
        # "…约1.5万家,2023年收入…;某区…9个": a year inside one clause dates that clause only; one
        # after an opener that reports nothing ("据悉,2024年…;…") heads the whole sentence.
        return None
    # A 年底 that ends another year ("较2022年底增长97.9万个") dates that year, not the clause.
    if years and _NOW.search(
        _DATED_PART.sub("", re.sub(r"^(?:年底|年末|年初|上半年|下半年)", "", before[years[-1].end() :]))
    ):
        return None  # SCHEMA.md `year`: "…,目前…", "力争年底前…" speak of a time the text does not date
    if years and "以来" in before[years[-1].end() :]:
        return None  # "自…2014年落户该县以来,…已通达27个乡镇": the year a span starts, not the figure's
    return int(years[-1].group(1)) if years else None


# Words that move a clause to the present or to a relative date, away from a year stated before them.
_NOW = re.compile(r"(今年|目前|当前|现阶段|年内|年底|年末|本年)")
_DATED_PART = re.compile(r"(?:19|20)\d{2}年(?:年底|年末|底|末|内)")


def horizon_year(sentence: str, position: int) -> int | None:
    """Return the end year of the horizon a target before `position` names (2025 for 到2025年 or 十四五).

    >>> s = "一是到2025年基本形成格局;二是力争到2026年底数据产业年均增速超过20%"
    >>> horizon_year(s, s.index("20%"))
    2026
    """
    before = mask_titles(half_width(sentence[:position]))
    # The nearest goal year governs: "一是…到2025年基本形成…;三是…力争到2026年底…增速超过20%".
    goals = [m for m in _PLAN_YEAR.finditer(before) if not re.search(r"[;；。]", before[m.end() :])]
    year = int(goals[-1].group(1)) if goals else plan_year(before)
    if year is None:
        five = _FIVE_YEAR.search(before)
        year = _FIVE_YEAR_END[five.group(1)] if five else None
    return year if year is not None else figure_year(sentence, position)


def _last_future(sentence: str, before: str) -> int:
    """End of the last future cue in `before`, skipping cue characters that are no word of their own
    there (将/p is the object marker, 虚拟 is no 拟, 行动计划 names a plan rather than planning)."""
    last = -1
    for m in _FUTURE.finditer(before):
        if m.group(1) == "规划" and _PLANNED_SIZE.match(before[m.start() :]):
            pass  # 一期规划占地200亩: the planned size
        elif m.group(1) == "规划" and re.search(r"(?:根据|按照|依据)$", before[: m.start()]):
            pass  # 根据规划,…: the figures after it are the plan's
        elif m.group(1) == "规划" and re.search(
            r"(?:标准|高起点|高水平|科学|统筹|合理|统一)$", before[: m.start()]
        ):
            continue  # 高标准规划建设四大组团: planning done well is work done, not a goal set
        elif m.group(1) == "规划" and re.match(r"规划(?:建设|布局)(?:工作)?[,，;；、]", before[m.start() :]):
            continue  # "推动人工智能数据中心规划建设,": the planning of a thing as work pushed on, no goal
        elif m.group(1) in ("规划", "计划") and re.match(
            r"(?:规划|计划)(?:已|正式|一经)?(?:落地|出台|获批|批复|发布|印发|通过)", before[m.start() :]
        ):
            continue  # "产业园区规划落地后,…完成了…": a plan that came out is a thing that happened, no goal
        elif m.group(1) in ("规划", "计划") and re.match(
            r"(?:规划|计划)(?:和[\u4e00-\u9fff]{2,6})?(?:局|委|院|处|厅|署|馆|所)", before[m.start() :]
        ):
            continue  # "自然资源和规划局": a body's name, no plan
        elif m.group(1) == "规划" and re.match(
            r"规划(?:许可|认可|意见书|条件|核实|验收|审批|业务|编制|设计|管理)", before[m.start() :]
        ):
            continue  # "规划认可书45个, 乡村规划许可证15个": papers and work named after planning, no plan
        elif m.group(1) == "计划" and before[: m.start()].endswith("按"):
            continue  # 按计划持续推进13个场景: work going on as planned, not a goal
        elif m.group(1) == "计划" and re.search(r"(?:该|此|这一|本|上述|”|”?行动)$", before[: m.start()]):
            continue  # "该计划纳入…", "“满天星”行动计划考核中": the programme named, a noun, sets no goal
        elif m.group(1) == "争取" and re.match(
            r"争取到了|争取到(?![“\"]?(?:20\d{2}|十[四五]五|年底|年末))", before[m.start() :]
        ):
            continue  # "争取到了省级…试点": what was won, not an aim
        elif m.group(1) == "计划" and re.match(
            r"[^,，;；。]{0,8}?(?:完成率|执行率|达成率|兑现率|完成进度|完成额|完成投资)", before[m.end() :]
        ):
            continue  # 计划投资完成率达到105%: how much of the plan was done, a result
        elif m.group(1) in ("将", "拟", "计划", "规划", "争取", "要") and not _cue_word(
            sentence, m.start(), m.group(1)
        ):
            continue
        elif m.group(1) == "要" and re.search(
            r"(?:强调|指出|提出|表示|要求|认为|说)[,，:：]?[^,，;；。]{0,12}$", before[: m.start()]
        ):
            continue  # "总书记强调,要加快…": a call quoted, not the document's own plan
        last = m.end()
    return last


_MARKED_OBJECT = re.compile(
    r"[^对,，。;；:：]{2,60}?的[^,，。;；:：]{1,20}?(?:进行|予以|加以|打捆|确定为|列为)"
)


# Verbs of doing work that the modal 要 sets as a task (经信系统要狠抓…, 全年要完成…).
_WORK_VERBS = (
    "狠抓", "抓好", "抓实", "加快", "推动", "推进", "确保", "完成", "实现", "力争", "着力", "突出", "聚焦", "全力", "持续",
    "深入", "加大", "强化", "做好", "打造", "培育", "建设", "新增", "新建", "进一步", "大力", "切实", "全面",
    "达到", "分别",  # 年度访问率要分别达到100%、80%和60%: the level a rate must reach
)  # fmt: skip


# An object described with 的 and then moved somewhere: the 把-construction, not a future 将.
_MOVED_OBJECT = re.compile(
    r"[^,，;；。]{2,60}?的[^,，;；。]{1,20}?(?:下沉|下放|纳入|压缩|整合|延伸|推送|迁移|划转|移交|集中|嵌入|接入|汇聚|归集|合并)"
    r"(?:到|至|入|为|进)"
)


def _cue_word(sentence: str, position: int, cue: str) -> bool:
    """Whether `cue` at `position` is the future adverb or verb; only its clause is tagged (LAC is the cost).

    >>> _cue_word("南昌VR产业基地拟投资10亿元", 8, "拟"), _cue_word("虚拟现实产业营收", 1, "拟")
    (True, False)
    >>> _cue_word("组织县级相关部门认真梳理拟下沉审批服务事项", 13, "拟")
    False
    >>> _cue_word("将与企业和群众密切相关的公共服务事项下沉到乡镇", 0, "将"), _cue_word("将建成覆盖全市的平台", 0, "将")
    (False, True)
    >>> _cue_word("今年计划新引进项目30个", 2, "计划"), _cue_word("实施“筑才强数”计划,联合高校", 8, "计划")
    (True, False)
    >>> _cue_word("数字经济三年行动计划得到社会各界的广泛关注", 8, "计划")
    False
    >>> _cue_word("平台将分散在42个部门的876项事项进行整合", 2, "将")
    False
    >>> _cue_word("将现有6个IDC项目全部分包到部门", 0, "将"), _cue_word("将原需15个工作日的审批流程压缩至3个工作日完成", 0, "将")
    (False, False)
    >>> _cue_word("规划根据数字经济等4个方面的发展情况,提出主要定量发展目标18项", 0, "规划")
    False
    >>> _cue_word("争取衔接资金9.56亿元", 0, "争取"), _cue_word("争取建成5G基站100个", 0, "争取")
    (False, True)
    >>> _cue_word("累计为企业争取扶持资金8215万元", 5, "争取"), _cue_word("争取上级资金1.2亿元", 0, "争取")
    (False, False)
    """
    start = max([sentence.rfind(c, 0, position) for c in ",，;；:：。"] + [position - 30, -1]) + 1
    ends = [e for e in (sentence.find(c, position) for c in ",，;；:：。") if e >= 0]
    clause = sentence[start : min([*ends, position + 30, len(sentence)])]
    words = segment(clause)
    for k, w in enumerate(words):
        if w.start == position - start:
            following = words[k + 1] if k + 1 < len(words) else None
            if cue == "将":
                # "将分散在42个委办局的876项事项进行整合": an object (…的 noun) handed to a dummy verb
                # (进行, 予以, 加以) or a verb of sorting (确定为, 列为) is the object marker's.
                if _MARKED_OBJECT.match(sentence, position + 1):
                    return False
                if re.match(r"(?!把)[^,，。;；:：]{2,40}?(?:作为|视为|当作|当成)", sentence[position + 1 :]):
                    return False  # "将推动…便利化作为提升政务效能的关键举措": what is made the means, 将 its marker
                if re.match(r"(?:现有|已有|原有|既有|原需|原来|以往|过去)", sentence[position + 1 :]):
                    return False  # "将现有6个IDC项目…分包到部门": what exists is handed over, not a future
                # "将与企业和群众密切相关的…事项下沉到乡镇": a described object moved somewhere (LAC may
                # still read 将 as an adverb)
                if (following is None or following.tag not in ("v", "vd")) and _MOVED_OBJECT.match(
                    sentence, position + 1
                ):
                    return False
                # "将省定200个…事项和26个…事项,以及…65个…事项,打捆确定为…": a long object, commas and all
                if (following is None or following.tag not in ("d", "ad")) and re.match(
                    r"[^。;；]{2,90}?(?:打捆|确定为|列为|整合为|合并为)", sentence[position + 1 :]
                ):
                    return False
                # LAC tags 将 as p before an adverb too (今年将/p 新/ad 培育); the object marker has a noun next.
                ahead = following is not None and following.tag in ("v", "vd", "d", "ad")
                return w.text in ("将", "将会", "将要") and (w.tag in ("d", "v", "vd") or ahead)
            if not w.text.startswith(cue):
                return False
            if (
                cue == "拟"
                and k > 0
                and re.fullmatch(r"梳理|确定|研究|制定|编制|审核|汇总|公布|公示|清理", words[k - 1].text)
            ):
                return False  # "梳理拟下沉审批服务事项": the items someone proposed, sorted now, no goal set
            if cue == "要":
                # 经信系统要狠抓…: the modal before a verb; 需要, 主要, 要求, 要素 are words of their own.
                # Only before a verb of doing work (要狠抓, 要加快): 要有…, 为什么要强调 are no plans.
                return w.text == cue and following is not None and following.text in _WORK_VERBS
            if cue == "争取":
                # 争取衔接资金9.56亿元: what was won (an object next); 争取建成…, 争取到2025年…: an aim.
                # (争取省级财政资金898万元: a level's funds, 省级 read as an adjective, are an object too;
                # 争取扶持资金8215万元: so are funds named by what they do, 扶持 read as a verb)
                if w.text == cue and re.match(
                    r"(?:上级|中央|国家|省级?|市级?)?[\u4e00-\u9fff]{0,4}?(?:资金|补助|补贴|奖补|经费|专项债)",
                    sentence[position + 2 :],
                ):
                    return False
                return (
                    w.text != cue
                    or following is None
                    or following.tag not in ("n", "nz", "vn", "ORG", "LOC")
                    and not (
                        following.tag == "a"
                        and following.text.endswith("级")
                        and re.search(r"资金|补助|补贴|奖补|经费|债", clause)
                    )
                )
            if (
                cue == "计划"
                and re.search(r"(?:行动|工作|发展|专项|建设)$", sentence[:position])
                and following is not None
                and re.fullmatch(r"得到|获得|受到|取得|实施|落实|印发|出台|发布|启动|推进", following.text)
            ):
                return False  # "数字经济三年行动计划得到…关注": a plan named as a thing done to, no goal set
            if cue in ("规划", "计划") and re.match(r"[\u4e00-\u9fff]{2}的", sentence[position + len(cue) :]):
                return False  # "重点规划布局的三个中心": the plan made them; it sets no goal here
            if (
                w.text == cue
                and w.tag == "n"
                and following is not None
                and following.text in ("根据", "按照", "依据", "围绕", "从")
            ):
                return False  # "规划根据…4个方面…,提出…目标18项": the document as subject, stating its basis
            # 今年计划新引进…: the plan governs a verb; a plan named by its title ("…”计划,") governs none.
            return w.text != cue or (
                following is not None and following.tag in ("v", "vn", "vd", "d", "ad", "p")
            )
        if w.start > position - start:
            break
    return False
