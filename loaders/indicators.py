"""What a figure counts: the noun phrase its clause gives it, and the scheme indicator that names it.

A figure's indicator (SCHEMA.md `metrics`) is the noun phrase the figure counts. It stands after a
counted figure ("新增89个市级标杆企业"), before it ("5G基站8210个", "数字经济规模达171.3亿元", with the
linking verb and bound words dropped), or is carried from the clause before ("…增加值达66.1亿元,同比增长
10.0%"). The phrases themselves are read from LAC's words (loaders/phrases.py), so a phrase stops at
a verb, a number or a pronoun instead of at a hand-written list of stop words; this module decides
which phrase a figure takes, and which scheme indicator (ontology/indicators.ttl) that phrase names.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from loaders.phrases import (
    ACTOR_WORDS,
    CLAUSE_ENDS,
    GOVERNING,
    GROWTH,
    LINKS,
    SCOPE_WORDS,
    UNIT_LIKE,
    clean_phrase,
    leading_phrase,
    mended,
    nominal,
    phrase_after,
    phrase_before,
    related_noun,
    trailing_words,
)
from loaders.words import Word, segment

# Verbs that report a figure rather than measure something (…水平给出81.5分, 报告显示).
_REPORTING = (
    "给出", "显示", "表明", "获得", "取得", "获评", "评为", "累计", "率先", "同比", "总计", "合计", "共计", "扩容", "增至", "升至",
)  # fmt: skip


# 每万人, 每千人口, 每百户, 每平方公里: the denominator of a per-unit figure.
# "万人发明专利拥有量" and "每万名从业人员中数字人才" state their denominator too (SCHEMA.md per-capita).
_PER = re.compile(
    r"每(?:[十百千万]|十万|百万)?(?:人口|常住人口|名[\u4e00-\u9fff]{2,4}?(?=中|拥有|有)|人|户|家庭|平方公里|家企业|家|个)"
    r"|(?<![\d.一二两三四五六七八九十百千万亿])(?:万人(?!次)|[千万]人口)"
)
# Words that only say a figure is more of the one before (…13家、累计19家).
_ASPECTS = ("累计", "新增", "共有", "共计", "合计", "总计", "新建", "全年", "当年")

# What counted_phrase returns instead of a phrase, for the caller to resolve in context:
# a figure whose thing was named before ("这个数字", "其中的35个"),
ANAPHOR = "<anaphor>"
# a figure that adds to the one before (prefix of what it adds: "其中今年新增15家"),
SUBSET = "<subset>"
# a figure that only sets a scope (prefix of the scope: "在41个工业大类中"), which is no metric.
SCOPE = "<scope>"


# A counted thing and the list, award or title it joined (2个应用获评全省数字化改革“最佳应用”).
_LISTED_AS = re.compile(
    r"(?P<thing>[\u4e00-\u9fff]{1,8}?(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?)(?:分别)?(?:被|给)?"
    r"(?P<verb>入选|获评|获批|评为|认定为|列为|跻身|入围|进入(?=[^,，;；:：。、]{0,28}(?:名单|榜单|榜|强|行列|名录)(?:$|[,，;；:：。])))"
    r"(?P<list>[^,，;；:：。、]{2,30})(?=$|[,，;；:：。])"
)  # 进入 lists only when what it enters is a list (…百强县名单, …行列), not a stage or a market


# Nouns of money that an amount written right before them measures (1849亿元5G投资, 50亿元专项债券资金).
_FUNDS = re.compile(r"(?:投资|资金|收入|营收|销售额|交易额|产值|增加值|税收|融资|贷款|补贴|奖补|债券|订单)$")


def counted_phrase(sentence: str, start: int, end: int, *, counter: bool) -> str:
    """Return the noun phrase a figure at `start:end` counts, with the denominator of a per-capita
    or per-unit figure (SCHEMA.md: 每万人5G基站数 never passes as a count of base stations).

    >>> counted_phrase("每万人拥有5G基站数达到26个", 12, 15, counter=True)
    '每万人拥有5G基站数'
    >>> counted_phrase("全市超10亿元以上企业39家", 11, 14, counter=True)
    '10亿元以上企业'
    >>> counted_phrase("视频监控系统三期项目在线率达到市级考核标准(95%)", 22, 25, counter=False)
    '视频监控系统三期项目在线率'
    >>> counted_phrase("滚动实施1000个左右投资500万元以上的数字化技改项目", 4, 9, counter=True)
    '数字化技改项目'
    >>> counted_phrase("全市已有6个县(市、区)入选国家级数字乡村试点", 4, 6, counter=True)
    '入选国家级数字乡村试点的县(市、区)'
    >>> counted_phrase("共有9个县进入数字乡村百强县名单", 2, 4, counter=True)
    '进入数字乡村百强县名单'
    >>> counted_phrase("利用平台让95%以上的案件得到妥善解决", 5, 8, counter=False)
    '案件'
    >>> counted_phrase("四家企业共完成1849亿元5G投资,占比提高", 7, 13, counter=False)
    '5G投资'
    >>> s = "全区5G基站密度达到每平方公里12个"
    >>> counted_phrase(s, s.index("12"), len(s), counter=True), counted_phrase("每万名常住人口拥有自助终端3.1台", 13, 17, counter=True)
    ('5G基站密度', '每万名常住人口拥有自助终端')
    """
    standard = _STANDARD.search(sentence[:start])
    if standard:
        # "在线率达到市级考核标准(95%)": the figure in brackets is the standard's, reached by the subject.
        subject, _, _ = phrase_before(mended(segment(sentence)), standard.start())
        if len(subject) >= 2:
            return subject
    trailing = re.search(rf"(?:达到|达|为|是)?({_PER.pattern})$", sentence[:start])
    if trailing and trailing.group(1).startswith("每"):
        # "5G基站密度达到每平方公里12个": the denominator written after the measure, right before the figure
        measure, _, _ = phrase_before(mended(segment(sentence)), trailing.start())
        if measure:
            return measure if re.search(r"(密度|人均|户均)", measure) else trailing.group(1) + measure
    timed = re.match(r"[\u4e00-\u9fff]{0,6}?(?:时间|时长|周期)", sentence[end:])
    if timed and re.search(r"(?:小时|分钟|天|个月|秒|工作日)$", sentence[start:end]):
        return timed.group(0)  # "3.5小时平均等待时间": a duration named by the measure after it
    phrase = _counted(sentence, start, end, counter=counter)
    clause = re.split(r"[,，;；:：。]", sentence[:start])[-1]
    per = _PER.search(clause)
    if phrase and phrase != ANAPHOR and per and per.group(0) not in phrase:
        head = clause[per.start() :]
        phrase = head[: head.find(phrase) + len(phrase)] if phrase in head else per.group(0) + phrase
    return phrase


# Administrative levels, and a run of them listed with their counts (区级501项、镇级1316项、村级4207项).
_LEVEL = r"(?:国家|省|市|区|县|镇|乡|村|街道|社区|州|盟|旗)级"
_LEVEL_COUNT = _LEVEL + r"\d+(?:\.\d+)?[万亿]?[个家项所座条件类]"
_LEVEL_BEFORE = re.compile(f"({_LEVEL})$")
_LEVEL_RUN = re.compile(f"(?:[、和及]{_LEVEL_COUNT})*")
_LEVEL_LISTED = re.compile(f"{_LEVEL_COUNT}[、和及]{_LEVEL}$")


def _counted(sentence: str, start: int, end: int, *, counter: bool) -> str:
    """Return what a figure at `start:end` counts before any per-unit denominator, or "" for nothing.

    `counter` says the figure has a measure word of its own (个, 家, 项 …), so that a noun right
    after it is what it counts; an amount or a share is named before it. A change with no subject
    of its own comes back bare ("同比增长") for the caller to give it the subject it changes.

    >>> counted_phrase("累计建设5G基站2466个,实现全覆盖", 10, 15, counter=True)
    '5G基站'
    >>> counted_phrase("新增89个市级标杆企业,数量居全市第一", 2, 5, counter=True)
    '市级标杆企业'
    >>> counted_phrase("上半年全区数字经济规模达171.3亿元", 12, 19, counter=False)
    '数字经济规模'
    >>> counted_phrase("年内新增数据企业200家以上。", 8, 12, counter=True)
    '数据企业'
    >>> counted_phrase("也只能找出12家跟互联网、数字经济有关的企业。", 5, 8, counter=True)
    '企业'
    >>> counted_phrase("创建国家级示范基地2个、省级5个", 14, 16, counter=True) == SUBSET + "省级"
    True
    >>> s = "完成区级501项、镇级1316项公共服务事项的审核"
    >>> counted_phrase(s, 4, 8, counter=True), counted_phrase(s, 11, 16, counter=True)
    ('区级公共服务事项', '镇级公共服务事项')
    """
    if counter and re.match(r"(?:多|余)?(?:位列|位居|居于|名列|排名|跃居)", sentence[end:]):
        return ""  # "广东以25万余家位列区域首位": the rank after a count says where it stands, not what it counts
    if counter and re.search(r"(?:这|那|这些|上述|此)$", sentence[:start]):
        return ""  # "认为这3家企业…": a demonstrative points back at things named, it counts nothing new
    if (
        counter
        and re.search(r"从[^,，;；:：。从]{0,30}$", sentence[:start])
        and re.match(r"[^,，;；:：。]{0,30}?中(?:脱颖而出|胜出|突围|选出|评选出|遴选出|评出)", sentence[end:])
    ):
        return SCOPE  # "从64个国家和地区的429个申报城市中脱颖而出": the field a place was picked from
    own_level = _LEVEL_BEFORE.search(sentence, 0, start) if counter else None
    if own_level:
        run = _LEVEL_RUN.match(sentence, end)
        run_end = run.end() if run else end
        if (run_end > end or _LEVEL_LISTED.search(sentence, 0, start)) and re.match(
            r"[\u4e00-\u9fff]", sentence[run_end : run_end + 1]
        ):
            # "完成区级501项、镇级1316项、村级4207项公共服务事项…": levels listed with their counts share
            # the noun after the last, each its own level of it (区级公共服务事项).
            noun = phrase_after(mended(segment(sentence)), run_end)
            if noun:
                return own_level.group(1) + noun
    level = re.search(
        r"(?:其中(?:[^,，;；:：。]*、)?|\d[^\d,，;；:：。、]{0,3}[、,，])([\u4e00-\u9fff]{1,2}级)$",
        sentence[:start],
    )
    if counter and level:
        return SUBSET + level.group(1)  # "…车间120个,其中省级30个、国家级6个": a level of the figure before
    listed = _LISTED_AS.match(sentence, end) if counter else None
    if listed:
        # SCHEMA.md: "6个县(市、区)入选国家级数字乡村试点" counts what was listed, named by the listing.
        thing, listing = (
            listed.group("thing"),
            listed.group("verb") + listed.group("list").replace("“", "").replace("”", ""),
        )
        return listing if thing in listing else listing + "的" + thing
    words = mended(segment(sentence))
    if counter and any(w.start < end < w.end for w in words):
        # "3301个人像识别监控点": LAC reads 个人 across the counter; what is counted starts after it.
        counted = mended(segment(sentence[end:]))
        words = tuple(w for w in words if w.end <= end) + tuple(
            Word(w.text, w.tag, w.start + end, w.end + end) for w in counted
        )
    after = phrase_after(words, end)
    spaced = (
        re.match(r"(?:以上|左右|多|余)?[ \u3000]+(?=[\u4e00-\u9fff])", sentence[end:]) if counter else None
    )
    if after and spaced and any(w.start == end + spaced.end() and w.tag == "LOC" for w in words):
        # "今年湖北新建5G基站5万个以上 武汉城区室外实现…": a space, then a place opening a clause of its own,
        # ends the figure's clause as a headline writes it (a layout's space, "27PB 存储规模", does not)
        after = ""
    if after and (
        re.search(r"在[^,，;；:：。]{0,4}$", sentence[:start])
        and (tail := sentence[end : end + len(after) + 6]).find(after[-2:] + "中") >= 0
        and not re.search(r"[,，;；:：。]", tail[: tail.find(after[-2:] + "中")])
        or re.search(r"在[^,，;；:：。在]{0,60}$", sentence[:start])
        and re.match(r"[^,，;；:：。在]{0,24}(?:中|之中)(?:[,，]|排名|排|位列|位居|居|名列)", sentence[end:])
    ):
        return SCOPE + after  # "在41个工业大类中覆盖了35个": the figure only sets the scope (SCHEMA.md)
    if (
        counter
        and re.search(r"在(?:全国|全省|全市|全区)?$", sentence[:start])
        and re.match(r"[\u4e00-\u9fff()（）、]{1,8}?(?:中|之中)(?:排名|排|位列|位居|居|名列)", sentence[end:])
    ):
        return SCOPE + sentence[end : end + 2]  # "在全市11个区中排名第一": how many were ranked
    if (
        counter
        and after
        and re.search(r"对(?:全国|全省|全市)?(?:[^,，;；。对]{1,30}、)?$", sentence[:start])
        and re.match(
            r"[^,，;；。]{0,40}?(?:进行|开展)(?:了)?[^,，;；。]{0,20}?(?:评价|评估|测评|排名|排序|调查|调研|监测|督查)",
            sentence[end:],
        )
    ):
        # "报告对全国334个地级行政区…进行了评价", "对25个省直部门、16个州市…开展了…调研": the size of
        # what was assessed or surveyed
        return SCOPE + after
    if counter and after and re.search(r"(?:排行榜|榜单|排名)$", after):
        # "发布全国349个城市12345热线运行质量监测结果排行榜": the count only says how wide the list is.
        return SCOPE + after
    if counter and after in ("规模", "水平", "能力", "总量", "容量"):
        after = ""  # "承载能力达到50万标准机架规模": the word after says the figure is a size; the measure is before
    if re.match(
        r"(?:以上|左右|多|余)?为(?:依托|基础|核心|载体|抓手|支撑|支点|龙头|牵引|主体)", sentence[end:]
    ):
        # "以产业园一期600亩为依托": what 以 names is what the figure measures, not the role after it
        held = re.search(r"以([\u4e00-\u9fff]{2,12})$", sentence[:start])
        return held.group(1) if held else ""
    if after in ("目标", "目标任务", "任务目标", "预期目标") and re.match(
        r"(?:以上|以下|左右)?的", sentence[end:]
    ):
        after = ""  # "营业收入同比增长9%左右的目标": the goal the figure sets; what it measures stands before
    if counter and after:
        head = _relative_head(sentence, words, end, after)
        if head:
            return head  # 300个示范性强、显示度高的典型应用场景: what the clause describes is counted
        quoted = re.search(r"“[^“”]{1,8}”$", sentence[:start])
        return quoted.group(0) + after if quoted else after  # 分解“国考”50项指标: the 国考's 指标
    if not counter and GROWTH.fullmatch(after):
        # "社会消费品零售总额仍保持0.4%的增长": the subject before the figure is what grows;
        # "实现20%多的增长" names none, and the caller gives it the one before.
        owner, _, _ = phrase_before(words_of(sentence), start)
        between = sentence[sentence.rfind(owner, 0, start) + len(owner) : start] if owner else ""
        linked = re.fullmatch(r"(?:仍|继续|持续|依然|均)?(?:保持|实现|有|达到)?(?:了)?", between)
        return owner + after if owner and linked else after
    if (
        not counter
        and after
        and sentence[:end].endswith("%")
        and re.match(r"(?:以上|以下|左右)?的", sentence[end:])
    ):
        # "让95%以上的案件得到妥善解决": a share written before 的 and the things it is a share of;
        # "方言识别准确率达92%的语义理解": a rate named before it only describes the head after 的.
        rate, _, _ = phrase_before(words, start)
        return rate if re.search(r"(?:率|比重|占比)$", rate) else after
    if counter and not after:
        related = related_noun(words, end)  # "12家跟互联网有关的企业"
        if related:
            return related
        bounded = _BOUNDED_HEAD.match(sentence, end)
        if bounded:
            # SCHEMA.md: a threshold inside a category bounds the things counted, which are named after it.
            return phrase_after(words, bounded.end())
    if counter and re.search(r"等$", sentence[:start]):
        return ""  # "生命奥秘博物馆等10个…": the names before 等 are examples, not what is counted
    if (
        counter
        and (predicate := _OPENING_COUNT.match(sentence, end))
        and re.search(r"(?:^|[,，;；:：])$", sentence[:start])
    ):
        # "…,396项实现“全省通办”": a count opening its clause is named by what it achieved.
        return predicate.group(1).replace("“", "").replace("”", "")
    if (
        not counter
        and sentence[start:end].endswith("元")
        and after
        and sentence.startswith(after, end)
        and _FUNDS.search(after)
    ):
        return after  # "共完成1849亿元5G投资": an amount written before the funds it is, named by them;
        # checked first, as 建设资金 names the funds, not a purpose (投资425万元建设资金)
    if (
        not counter
        and (purpose := _PURPOSE.match(sentence, end))
        and (spent := re.search(r"(投入|安排|拨付|投资)$", sentence[:start]))
    ):
        # "投入8560万元开展第四轮道路保洁服务采购": money is named by what it pays for.
        aim = re.sub(r"[“”\"]", "", purpose.group(1))
        return aim + spent.group(1)
    before, verbs, anaphor = phrase_before(words, start)
    if anaphor:
        return ANAPHOR
    growth = next((v for v in verbs if GROWTH.search(v)), "")
    compared = re.search(r"(?<=[\u4e00-\u9fff])(?:较|比)([^,，;；:：。较比]{1,12})$", sentence[:start])
    if before and growth and compared and before in compared.group(1):
        # "预算开支较初期申报金额下浮27.55%": what changed stands before 较, not the base after it.
        owner, _, _ = phrase_before(words, compared.start())
        if owner:
            return owner + growth
    if before:
        if growth:
            return before + ("同比" if "同比" in verbs else "") + growth
        # 算力产业累计投资超700亿元, 一期规划占地200亩: the measuring verb is part of what is measured.
        action = [v for v in verbs if len(v) == 2 and v not in _REPORTING and not SCOPE_WORDS.fullmatch(v)]
        # 年度计划投资47.38亿元: the plan is part of the measure's name (and makes it a target).
        planned = (
            "计划"
            if action and re.search("计划" + action[-1] + r"[^,，;；。]{0,4}$", sentence[:start])
            else ""
        )
        return (
            before + ("累计" if "累计" in verbs and action else "") + planned + (action[-1] if action else "")
        )
    if not counter and after and re.match(r"(?:大关|关口)?的", sentence[end:]):
        # "工业经济总量成为…突破2000亿元大关的地区": the amount describes the head after 的; the clause's
        # subject is what measures it.
        clause_start = max(sentence.rfind(c, 0, start) for c in CLAUSE_ENDS) + 1
        lead = leading_phrase([w for w in words if clause_start <= w.start and w.end <= start])
        if lead:
            return lead
    if not counter and after:
        return after
    following = next(
        (w for w in words if w.start >= end and w.text not in ("以上", "以下", "左右", "多", "余")), None
    )
    if counter and following is not None and following.tag != "w":
        return _tail_noun(sentence, words, following.start)  # "支撑1400余个多跨应用场景": LAC missed the noun
    if following is not None and (nominal(following) or following.tag == "m"):
        return ""  # "推动3个区、…": the verb governs a thing too short to name
    verbs = [v for v in verbs if v not in GOVERNING]
    if not any(w.tag == "v" and w.text in verbs for w in words if w.end <= start):
        return ""  # adverbs alone (累计, 率先) name nothing
    phrase = "".join(verbs).strip()
    if re.search(r"其中[^,，;；:：。]*$", sentence[:start]) or phrase in _ASPECTS:
        return SUBSET + phrase  # 其中今年新增15家, …13家、累计19家: more of the figure before
    return phrase if len(phrase) >= 2 and not UNIT_LIKE.match(phrase) else ""


# What a count opening its clause achieved, up to the clause's end ("396项实现“全省通办”").
_OPENING_COUNT = re.compile(
    r"(?:以上|左右|多|余)?((?:实现|完成|通过|纳入|接入|上线|入驻|落地|开通|获批)[^,，;；:：。、]{2,12})(?=$|[,，;；:：。])"
)
# What money was put into, after the amount ("投入8560万元开展…采购", "安排500万元用于…").
_PURPOSE = re.compile(
    r"(?:用于|开展|实施|支持|建设)(?:第[一二三四五六七八九十\d]+[轮批期届次])?([\u4e00-\u9fff“”\"]{2,20})"
)


def words_of(sentence: str) -> tuple[Word, ...]:
    """Return a sentence's words with LAC's splits mended (segment is cached, so this is cheap)."""
    return mended(segment(sentence))


# A standard a measure reaches, its value in brackets after it ("达到市级考核标准(95%)").
_STANDARD = re.compile(
    r"(?:达到|符合|满足|高于|超过)[^,，;；:：。()（）]{0,10}?(?:标准|要求|目标|考核线)[(（]$"
)

# "1000个左右投资500万元以上的数字化技改项目": a threshold clause before the noun a counted figure counts.
_BOUNDED_HEAD = re.compile(
    r"(?:左右|以上|多|余)?[\u4e00-\u9fff]{0,4}?\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]{0,2}?(?:及)?(?:以上|以下|以内)的"
)


def _relative_head(sentence: str, words: tuple[Word, ...], end: int, after: str) -> str:
    """The head noun after 的 when the phrase after a figure only opens a predicate ("示范性 强、显示度 高 的
    典型应用场景"); "" when the phrase is the head itself ("12个部门的数据" counts 部门)."""
    rest = sentence[end:]
    at = rest.find(after)
    if at < 0 or at > 4:
        return ""
    tail = rest[at + len(after) :]
    of = tail.find("的")
    if of <= 0 or of > 20 or re.search(r"[,，;；:：。]", tail[:of]):
        return ""
    first = next((w for w in words if w.start >= end + at + len(after)), None)
    if first is None or first.tag not in ("a", "ad", "d"):
        return ""
    span = (end + at + len(after), end + at + len(after) + of)
    if first.tag in ("d", "ad") and any(w.tag == "v" for w in words if span[0] <= w.start < span[1]):
        return ""  # "2200多家三级公立医院初步实现了院内信息的互通共享": a predicate, not a relative clause
    return phrase_after(words, end + at + len(after) + of + 1)


def _tail_noun(sentence: str, words: tuple[Word, ...], start: int) -> str:
    """The rest of a short clause after a counted figure, when it ends on a noun ("多跨应用场景")."""
    stop = re.search(r"[,，;；:：。、(（]", sentence[start:])
    tail = sentence[start : start + stop.start()] if stop else sentence[start:]
    last = next((w for w in reversed(words) if w.start >= start and w.end <= start + len(tail)), None)
    # LAC tags a rare noun as an adjective now and then (3669个 自然庄/a,); a word of three characters
    # or more closing the clause after a count is the thing counted.
    noun = last is not None and (nominal(last) or last.tag == "a" and len(last.text) >= 3)
    if not 2 <= len(tail) <= 8 or last is None or not noun or last.end != start + len(tail):
        return ""
    return "" if re.search(r"(实现|开展|达到|完成|获|成为)", tail) else tail


def bare_clause(sentence: str, start: int) -> bool:
    """Return whether the clause of a figure at `start` holds nothing but linking words before it
    ("…增加值实现翻番,达到5500亿元"), so that the figure is about the clause before.

    >>> bare_clause("增加值实现翻番,达到5500亿元", 10), bare_clause("5G基站8210个", 4)
    (True, False)
    >>> bare_clause("全程网办率达到93.5%,今年将提高到97%", 20)
    True
    """
    words = [w for w in segment(sentence) if w.end <= start]
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.text in CLAUSE_ENDS:
            return True
        scope = ACTOR_WORDS.fullmatch(w.text) or SCOPE_WORDS.fullmatch(w.text)
        # "今年将提高到97%", "预计2025年提升至16%": a change to a level only links the figure.
        level = GROWTH.search(w.text) and k + 1 < len(words) and words[k + 1].text in ("到", "至")
        if w.text.strip() and not (
            w.text in LINKS
            or w.tag in ("d", "ad", "vd", "TIME")
            or w.text in ("截至", "截止", "率先")
            or scope
            or level
            or w.tag == "v"
            and re.fullmatch(r"(?:提高|提升|增加|增长|降低|下降|压缩|缩短)?(?:到|至)", w.text)
        ):
            return False
    return False


def elliptical_clause(sentence: str, start: int, end: int) -> bool:
    """Return whether the clause of a figure at `start:end` is only a verb and the figure, closing the
    clause ("…建成智慧社区186个,今年力争再建50个;"), so that it counts what the figure before counts.

    >>> s = "全市累计建成智慧社区186个,今年力争再建50个;"
    >>> elliptical_clause(s, s.index("50"), s.index("50") + 3), elliptical_clause("推动3个区整合", 2, 4)
    (True, False)
    """
    if not re.match(r"(?:以上|左右|多|余)?(?:[,，;；。、)）]|$)", sentence[end:]):
        return False
    verbs = 0
    for w in reversed([w for w in segment(sentence) if w.end <= start]):
        if w.text in CLAUSE_ENDS:
            return verbs == 1
        if w.text in LINKS or w.tag in ("d", "ad", "vd", "TIME", "f") or not w.text.strip():
            continue
        if w.tag == "v" and len(w.text) <= 2 and w.text not in GOVERNING:
            verbs += 1
        else:
            return False
    return verbs == 1


def subject_phrase(sentence: str, position: int) -> str:
    """Return what a clause without a subject of its own ("同比增长10%", "排名全省第二", "(超过90分)")
    is about: the noun phrase right before its parenthesis, else the one that leads the nearest
    earlier clause of the sentence, else the one that ends it ("我国拥有…的网民数量,截至…达10.92亿人").

    >>> subject_phrase("其中绵阳数字经济发展水平高于全省平均水平,位列第一梯队,排名全省第二", 30)
    '数字经济发展水平'
    >>> subject_phrase("拉高了全省平均水平(88.1分)", 10)
    '平均水平'
    >>> subject_phrase("从地域分布来看,广东位列首位", 12)
    ''
    """
    words = segment(sentence)
    if sentence[position - 1 : position] in "(（" and position > 0:
        before, _, _ = phrase_before(words, position - 1)
        if before:
            return before
    clauses: list[list[Word]] = [[]]
    for w in words:
        if w.start >= position:
            break
        if w.text in CLAUSE_ENDS and clauses[-1]:
            clauses.append([])
        elif w.text not in CLAUSE_ENDS:
            clauses[-1].append(w)
    # "从地域分布来看,…": a viewpoint the sentence takes names no subject.
    clauses = [c for c in clauses if not _VIEWPOINT.fullmatch("".join(w.text for w in c))]
    for clause in reversed(clauses[:-1]):
        phrase = leading_phrase(clause)
        if phrase:
            return phrase
    return clean_phrase(trailing_words(clauses[-2]), head=False) if len(clauses) > 1 else ""


_VIEWPOINT = re.compile(r"(?:从|就|由)[^,，;；:：。]{1,16}(?:来看|看|上看|而言|来说)")


def ranked_phrase(
    sentence: str, cue_start: int, cue_end: int, rank_start: int, *, board_named: str = ""
) -> tuple[str, str]:
    """Return what a rank ranks and the rank's own words: "增速全省排名第二" → ("增速", "全省排名").

    `cue_start:cue_end` is the rank's verb (排名, 位居, 居 …), `rank_start` where 第 begins. The scope
    is what stands between the verb and 第 ("位列全省县级市第一" → 全省县级市排名), else a scope word
    before the verb. The subject is "" when the clause names none; a ranked list cited by title
    (《2022年数字城市百强榜》) or the frame the sentence opens ("在全省数字政府建设评估中,成都…") is
    what the rank is in; `board_named` is the list the document named before ("…形成“2022数字经济
    城市发展百强榜”"), which a sentence that only says 榜单 or 上榜城市 ranks in.

    >>> ranked_phrase("5G网络等通信网络各类指标连续多年稳居全省第二", 18, 19, 21)
    ('通信网络各类指标', '全省排名')
    >>> ranked_phrase("在赛迪顾问发布的《2022年数字城市百强榜》,滨州市居第61位", 26, 27, 27)
    ('2022年数字城市百强榜', '排名')
    >>> ranked_phrase("在河南省数字政府建设评估中,郑州位列各县级市第一", 16, 18, 22)
    ('河南省数字政府建设评估', '各县级市排名')
    >>> ranked_phrase("光纤宽带普及率在全国各省排第二位", 12, 13, 13)
    ('光纤宽带普及率', '全国排名')
    >>> ranked_phrase("发展指数从2014年的第70位跃升至2024年的第35位", 15, 18, 24)
    ('发展指数', '排名')
    >>> ranked_phrase("创新指数全球排名上升至第17位", 6, 8, 11)
    ('创新指数', '全球排名')
    >>> ranked_phrase("报告对百强市数字经济发展水平进行排名,其中深圳排第3", 23, 24, 24)
    ('百强市数字经济发展水平', '排名')
    >>> ranked_phrase("昆明在全国上榜城市中排名第23位", 10, 12, 12, board_named="2022数字经济城市发展百强榜")
    ('2022数字经济城市发展百强榜', '排名')
    """
    between = sentence[cue_end:rank_start].removeprefix("了").removeprefix("于")
    # "排名上升至第17位": the verb of a rise says how the rank moved, not where it stands.
    between = re.sub(r"^(?:上升|提升|跃升|攀升|升|提高|前移)(?:至|到|为)?", "", between)
    # "从2014年的第70位跃升至2024年的第35位": the year dates the rank; it is no scope.
    between = re.sub(
        r"^(?:(?:从|由)?(?:(?:19|20)\d{2}年度?的?)?(?:全[国省市区县])?第(?:\d+|[一二三四五六七八九十百两]+)(?:位|名)"
        r"(?:跃升|上升|提升|攀升|升|下降|下滑|降|前移|后移)(?:至|到|为))?(?:(?:19|20)\d{2}年度?的?)?",
        "",
        between,
    )
    # …and the rank moved from ranks the subject before 从, as the rank it moved to does.
    origin = re.search(
        r"(?:从|由)(?:(?:19|20)\d{2}年度?的?)?(?:全[国省市区县])?第(?:\d+|[一二三四五六七八九十百两]+)(?:位|名)$",
        sentence[:cue_start],
    )
    cue_start = origin.start() if origin else cue_start
    if re.search(r"(?:从|由)$", sentence[:cue_start]):
        cue_start -= 1  # "营收由全省第7位上升到第3位": the move read from its scope on starts at 由
    if 2 <= len(between) <= 12 and not re.search(r"[,，;；:：。“”]", between):
        scope_words = between  # 全省县级市, 泉州市各县(市、区), 全国城市综合排名
    else:
        scope = SCOPE_WORDS.search(sentence[max(0, cue_start - 4) : rank_start])
        scope_words = scope.group(1) if scope else ""
    suffix = scope_words + ("" if re.search(r"(排名|排行|榜)$", scope_words) else "排名")
    # (or a list quoted by name: “中国西部城市数据要素市场发展水平50强(2024年)”)
    board = re.findall(r"《([^》]*(?:榜|排名|排行|指数)[^》]{0,6})》", sentence[:cue_start]) or re.findall(
        r"“([^”]{4,40}?(?:\d+强|百强榜|排行榜|榜单))(?:[(（](?:19|20)\d{2}年?度?[)）])?”",
        sentence[:cue_start],
    )
    if board:
        return board[-1], suffix
    # "对数字百强市数字经济发展水平进行排名,其中深圳排第3": what is ranked
    ranking = re.search(r"对([^,，;；。]{2,30}?)进行(?:了)?(?:排名|排序)[^;；。]*$", sentence[:cue_start])
    if ranking:
        return ranking.group(1), suffix
    subject, _, _ = phrase_before(mended(segment(sentence)), cue_start)
    # "…凸显,综合评价位居全国第12位": a clause that is only a verbal noun (综合/vd 评价/v, LAC's verbs)
    # before the rank's verb is what is ranked
    clause_start = max(sentence.rfind(c, 0, cue_start) for c in ",，;；:：。") + 1
    if len(subject) < 2 and 2 <= cue_start - clause_start <= 8:
        clause = segment(sentence[clause_start:cue_start])
        if all(w.tag in ("v", "vd", "vn", "n", "an") for w in clause) and clause[-1].tag in ("v", "vn"):
            subject = sentence[clause_start:cue_start]
    # "普及率在全国各省排第二位": the places ranked among (在全国各省) frame the rank; what is ranked
    # stands before them.
    among = re.search(
        r"(?<=[\u4e00-\u9fff%])在(?:全国|全省|全市|国内|省内)[^,，;；。:：在]{0,6}$", sentence[:cue_start]
    )
    if among:
        framed, _, _ = phrase_before(mended(segment(sentence)), among.start())
        subject = framed if len(framed) >= 2 else subject
    subject = SCOPE_WORDS.sub("", subject) if scope_words and not between else subject
    published = _PUBLISHED_LIST.search(sentence[:cue_start])
    if len(subject) < 2 and published:
        # "…发布全国349个城市12345热线运行质量监测结果排行榜,我市位列34位": the list just published.
        subject = published.group(1)
    if len(subject) < 2:
        subject = _frame(sentence, cue_start)
        scoped = re.match(r"(全[国省市区县])\d+个[\u4e00-\u9fff()（）、]{1,8}$", subject)
        if scoped:
            # "在全市11个区中排名第一": the frame only counts the places ranked; the measure is the
            # subject of the clauses before.
            suffix = scoped.group(1) + "排名"
            subject = subject_phrase(sentence, cue_start)
    joined = re.search(
        r"(?:入选|跻身|上榜|荣登|进入)(?:\d{4}年(?:度)?)?([^,，;；。:：]{2,20}?)[,，]$", sentence[:cue_start]
    )
    if len(subject) < 2 and joined:
        subject = SCOPE_WORDS.sub("", joined.group(1)) if scope_words else joined.group(1)  # 入选X,排名第28位
    if board_named and "榜" in sentence[:cue_start] and (len(subject) < 2 or _LIST_WORDS.search(subject)):
        # "榜单显示,…分列第三、第四位", "在全国上榜城市中排名第23位": the list the document named before.
        subject = board_named
    return (subject if len(subject) >= 2 else ""), suffix


# A ranked list the sentence says was published, past the scope and size it opens with (全国349个城市).
_PUBLISHED_LIST = re.compile(
    r"(?:发布|公布|发布了|公布了)(?:了)?(?:全国|全省|全球)?(?:\d+个(?:城市|地市|省份|县区|区县|县|区))?"
    r"([^,，。;；:：]{4,36}?(?:排行榜|榜单|排名))[,，]?[^,，。;；]{0,6}$"
)
# Words that stand for a ranked list without naming it.
_LIST_WORDS = re.compile(r"(?:榜单|名单|排行榜|报告|上榜城市|上榜地市)$")


def subject_before(sentence: str, position: int) -> str:
    """Return the noun phrase that ends right before `position`, past linking words ("注册用户由…" → 注册用户).

    A rate per head keeps what it is per, which the segmenter reads as a pronoun and a numeral
    (SCHEMA.md: per-capita figures keep their denominator).

    >>> subject_before("年内注册用户由目前的690万提升至800万", 6)
    '注册用户'
    >>> s = "全市每万人5G基站数由21.7个提高到47.5个"
    >>> subject_before(s, s.index("由")), subject_before("每百人电话数由21.7部", 6)
    ('每万人5G基站数', '每百人电话数')
    """
    subject, _, anaphor = phrase_before(mended(segment(sentence)), position)
    if anaphor:
        return ""
    start = sentence.rfind(subject, 0, position) if subject else -1
    per = _PER_HEAD.search(sentence, 0, start) if start > 0 else None
    return sentence[per.start() : start] + subject if per else subject


# What a rate is per, right before the measure it rates: 每万人(拥有), 每百户, 每平方公里.
_PER_HEAD = re.compile(r"每(?:十万|百万|[十百千万])?(?:人口|人|户|平方公里)?(?:拥有的?)?$")


def streak_subject(sentence: str, start: int) -> str:
    """Return who or what keeps up a streak starting at `start` (连续…): the noun phrase before it,
    else the frame the sentence opens ("在…评估中"), else "".

    >>> streak_subject("在国家一体化政务服务能力评估中,重庆连续两年获评“非常高”等级", 18)
    '国家一体化政务服务能力评估'
    >>> s = "在今年年初中央网信办、农业农村部等7部门组织的终期评估中,渝北区连续两年排名第六"
    >>> streak_subject(s, s.index("连续"))
    '终期评估'
    """
    subject, _, _ = phrase_before(mended(segment(sentence)), start)
    subject = subject if len(subject) >= 2 and not subject.startswith(ANAPHOR) else ""
    return subject or _frame(sentence, start)


def _frame(sentence: str, position: int) -> str:
    """The frame "在X中," (or 上, 里) that opens a clause before `position`: what a rank or a streak is in.

    >>> _frame("而在最新的联合国电子政务评估排名中,上海首次进入前十", 23)
    '联合国电子政务评估排名'
    """
    frames = re.findall(
        # 中国, 中心, 上海 inside the frame do not close it (在2023年中国城市数字经济发展指数中)
        # a conjunction may open the clause before it (而在…中, 同时在…中)
        r"(?:^|[,，;；:：])(?:而|但|同时|此外|另外)?在([^,，。;；:：在]{2,30}?)(?:中(?![国心央部小型层])|上(?![海半榜市线])|里|当中)[,，]?",
        sentence[:position],
    )
    if not frames:
        # "仙桃市人民政府网站在第二十二届政府网站绩效评估中排名…": a frame after the clause's subject,
        # when it names an assessment or a list
        frames = re.findall(
            r"(?<![正存现实所])在([^,，。;；:：在]{2,30}?(?:评估|评价|排名|排行榜|榜单|指数|考核|测评|评选|报告|监测)"
            r"[^,，。;；:：在]{0,4}?)(?:中(?![国心央部小型层])|当中)",
            sentence[:position],
        )
    if not frames:
        return ""
    frame = re.sub(r"[《》“”]", "", frames[-1])
    # "在今年年初中央网信办、农业农村部等7部门组织的终期评估中": when it was held and who held it
    # describe the assessment; what ranks is the assessment itself.
    frame = _FRAME_TIME.sub("", frame)
    held = _FRAME_HOLDER.match(frame)
    return frame[held.end() :] if held and len(frame) - held.end() >= 4 else frame


# Relative times that open a frame (今年年初, 日前), and a clause saying who held what the frame names.
_FRAME_TIME = re.compile(
    r"^(?:今年|去年|上年|近日|日前|近期|前不久)?(?:年初|年中|年底|年末|以来)?(?:最新(?:一期|发布)?的?)?"
)
_FRAME_HOLDER = re.compile(r"^[^,，的]{2,30}?(?:组织|开展|举办|主办|发起|组织开展)的")


@functools.cache
def _default_units() -> dict[str, str]:
    """The usual unit of each scheme indicator (ck:defaultUnit in ontology/indicators.ttl)."""
    path = Path(__file__).resolve().parents[1] / "ontology" / "indicators.ttl"
    units: dict[str, str] = {}
    slug = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^ind:(\S+)", line):
            slug = m.group(1)
        elif (m := re.search(r'ck:defaultUnit "([^"]+)"', line)) and slug:
            units[slug] = m.group(1)
    return units


def _kind(unit: str) -> str:
    """What sort of quantity a unit measures, for matching a figure to a scheme indicator."""
    if unit in ("%", "个百分点", "百分点"):
        return "share"
    if unit in ("位", "元", "分", "年", "ms", "G", "T", "EFLOPS", "PFLOPS", "P", "PB", "EB", "ZB"):
        return unit
    return "count"


def indicator_concept(indicator: str, unit: str | None) -> str | None:
    """Return the slug of the scheme indicator the wording names, when its unit fits.

    A growth rate or a rank of an indicator is not the indicator (增加值同比增长 is no 增加值).

    >>> indicator_concept("累计建设5G基站", "个"), indicator_concept("数字经济核心产业增加值占GDP比重", "%")
    ('5g-ji-zhan', 'shu-zi-jing-ji-he-xin-chan-ye-zeng-jia-zhi-zhan-gdp-bi-zhong')
    >>> indicator_concept("数字经济核心产业增加值同比增长", "%") is None
    True
    """
    from loaders.lexicon import indicator_lexicon

    if GROWTH.search(indicator) or "排名" in indicator and unit != "位":
        return None
    hits = indicator_lexicon().find(indicator)
    if not hits:
        return None
    start, end, concept = max(hits, key=lambda h: h[1] - h[0])
    expected = _default_units().get(concept.slug)
    if expected is not None and unit is not None and _kind(expected) != _kind(unit):
        return None  # a share is not a count, a rank is not an amount (个 and 架 both count racks)
    if re.search(r"(城镇|农村|乡村)$", indicator[:start]) or _PER.search(indicator):
        return None  # 城镇网民规模 is part of 网民规模, not the same figure
    # What follows the label must not turn it into another measure (5G基站建设投资 is money, not base stations).
    rest = indicator[end:]
    return None if re.search(r"(率|比重|占比|投资|收入|规模|数量增长)", rest) else concept.slug


# Names of one measure written differently in a headline and in the body (GDP, 地区生产总值).
_SAME_MEASURE = (("地区生产总值", "GDP"), ("国内生产总值", "GDP"), ("生产总值", "GDP"))


def same_measure_words(indicator: str) -> str:
    """Return an indicator with its measure written one way, for telling a repeated figure.

    >>> same_measure_words("地区生产总值"), same_measure_words("生产总值增长")
    ('GDP', 'GDP增长')
    """
    for long, short in _SAME_MEASURE:
        indicator = indicator.replace(long, short)
    return indicator
