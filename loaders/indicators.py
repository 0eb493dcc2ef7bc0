"""What a figure counts: the noun phrase its clause gives it, and the scheme indicator that names it.

A figure's indicator (SCHEMA.md `metrics`) is the noun phrase the figure counts. It stands after a
counted figure ("新增89个市级标杆企业"), before it ("5G基站8210个", "数字经济规模达171.3亿元", with the
linking verb and bound words dropped), or is carried from the clause before ("…增加值达66.1亿元,同比增长
10.0%"). Word boundaries and tags come from LAC (loaders/words.py), so a phrase stops at a verb, a
number or a pronoun instead of at a hand-written list of stop words.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from loaders.words import Word, segment

_NOUNS = {"n", "nz", "nw", "vn", "an", "ORG", "LOC", "s", "PER"}
# Inside a phrase only: 公立医院, 规上企业, 网内、网间平均时延, 乌镇的信息经济, 通信网络各类指标.
_INNER = {"a", "f", "u", "w", "r", "c", "m"}
_INNER_WORDS = {"的", "、", "和", "及", "与", "各类", "各项", "各级", "“", "”"}
# Words that link a subject to its figure, or bound it: they belong to neither (SCHEMA.md: never a
# bound word). Verbs ending in 至/到 (升至, 低至, 增加到) link as well.
_LINKS = {
    "达", "达到", "为", "是", "有", "计", "共", "共计", "合计", "总计", "总共", "超", "超过", "突破", "逾", "约",
    "近", "接近", "将近", "大约", "不足", "不到", "低于", "高于", "多于", "少于", "已", "已经", "均", "分别", "实现",
    "累计达", "达到了", "为了", "到", "至", "稳定", "保持", "上", "下", "的", "了", "在", "等", "双", "低", "高", "升",
    "降", "增", "连续", "多年", "连续多年", "力争", "预计", "计划", "争取", "确保", "将", "可", "可以", "能", "能够", "只能",
    "要", "需", "需要", "应", "必须", "也", "又", "再", "已有", "拥有",
}  # fmt: skip
# A growth figure names the change, after the thing that changed (SCHEMA.md: 同比增长 keeps its subject).
_GROWTH = re.compile(r"(增长|增加|提升|提高|下降|降低|减少|增速|增幅|翻番)$")
# The actor and scope words at the head of a phrase are not what is counted (全市5G基站 → 5G基站).
_ACTOR = re.compile(
    r"^(?:其中|全市|全区|全县|全省|全国|全州|全盟|全域|我市|我区|我县|我省|我国|本市|本区|该市|该区|该县|辖区|目前|当前|现有)"
)
# As a word of its own, a bare 市/区/县/省 is the actor too (市数据共享交换平台); inside 市属单位 it is not.
_ACTOR_WORDS = re.compile(rf"{_ACTOR.pattern}|^(?:市|区|县|省|新)$")
_SCOPE = re.compile(r"(全国|全省|全市|全区|全州|全球|全网|全行业|全国同类城市|同类城市|省内|国内)")
_PRONOUNS = re.compile(r"^(?:这个|这一|该|此|其|其他|它们?|我们|他们)")
# Suffixes that make a measure of what precedes them, whatever tag LAC gives them (受理/n 率/v).
_SUFFIXES = ("率", "数", "量", "额", "值", "度")
# Verbs that report a figure rather than measure something (…水平给出81.5分, 报告显示).
_REPORTING = (
    "给出",
    "显示",
    "表明",
    "获得",
    "取得",
    "获评",
    "评为",
    "累计",
    "率先",
    "同比",
    "总计",
    "合计",
    "共计",
    "扩容",
    "增至",
    "升至",
)
_UNIT_LIKE = re.compile(r"^(?:[个家项位名人户条类次元%年]|以上|以下|左右|分别|连续|同比)$")


# What counted_phrase returns for a figure whose thing was named before ("这个数字", "其中的35个").
ANAPHOR = "<anaphor>"


def counted_phrase(sentence: str, start: int, end: int, *, counter: bool) -> str:
    """Return the noun phrase a figure at `start:end` counts, with the denominator of a per-capita
    or per-unit figure (SCHEMA.md: 每万人5G基站数 never passes as a count of base stations).

    >>> counted_phrase("每万人拥有5G基站数达到26个", 12, 15, counter=True)
    '每万人拥有5G基站数'
    >>> counted_phrase("全市超10亿元以上企业39家", 11, 14, counter=True)
    '10亿元以上企业'
    """
    phrase = _counted(sentence, start, end, counter=counter)
    clause = re.split(r"[,，;；:：。]", sentence[:start])[-1]
    per = _PER.search(clause)
    if phrase and phrase != ANAPHOR and per and per.group(0) not in phrase:
        head = clause[per.start() :]
        phrase = head[: head.find(phrase) + len(phrase)] if phrase in head else per.group(0) + phrase
    return phrase


# 每万人, 每千人口, 每百户, 每平方公里: the denominator of a per-unit figure.
_PER = re.compile(r"每(?:[十百千万]|十万|百万)?(?:人口|常住人口|人|户|家庭|平方公里|家企业|家|个)")
# Verbs that say which of a kind are counted (注册用户, 投运服务器), not what was done to them.
_ATTRIBUTIVE = (
    "注册", "激活", "活跃", "实名", "认证", "在线", "入驻", "上架", "接入", "联网", "开放", "共享", "在用", "在建",
    "投运", "投产", "在营", "登记", "备案", "持证",
)  # fmt: skip
# Bare measures that need their owner (…服务业实现营业收入856亿元), and the verbs between them.
_MEASURES = (
    "营业收入",
    "收入",
    "营收",
    "产值",
    "增加值",
    "规模",
    "总量",
    "交易额",
    "销售额",
    "利润",
    "税收",
    "投资",
    "产量",
)
_ACHIEVE = ("实现", "完成", "累计实现", "共实现")
# Verbs that govern what is counted but do not name it (推动3个区, 带动…).
_GOVERNING = ("推动", "带动", "开展", "有", "已有", "拥有", "实现", "完成")
_ASPECTS = ("累计", "新增", "共有", "共计", "合计", "总计", "新建", "全年", "当年")
# What counted_phrase returns before what a figure listed under 其中 adds ("其中今年新增15家").
SUBSET = "<subset>"
# What counted_phrase returns before the thing a figure only scopes ("在41个工业大类中"): no metric.
SCOPE = "<scope>"


def _counted(sentence: str, start: int, end: int, *, counter: bool) -> str:
    """Return the noun phrase a figure at `start:end` counts, or "" when the clause names none.

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
    """
    words = segment(sentence)
    after = _phrase_after(words, end)
    if (
        after
        and re.search(r"在[^,，;；:：。]{0,4}$", sentence[:start])
        and re.match(rf"[^,，;；:：。]{{0,3}}{re.escape(after[-2:])}中", sentence[end:])
    ):
        return SCOPE + after  # "在41个工业大类中覆盖了35个": the figure only sets the scope (SCHEMA.md)
    if counter and after:
        return after
    if not counter and _GROWTH.fullmatch(after):
        return after  # "实现20%多的增长"
    if counter and not after:
        related = _related_noun(words, end)  # "12家跟互联网有关的企业"
        if related:
            return related
    before, verbs, anaphor = _phrase_before(words, start)
    if anaphor:
        return ANAPHOR
    growth = next((v for v in verbs if _GROWTH.search(v)), "")
    if before:
        if growth:
            return before + ("同比" if "同比" in verbs else "") + growth
        # 算力产业累计投资超700亿元, 一期规划占地200亩: the measuring verb is part of what is measured.
        action = [v for v in verbs if len(v) == 2 and v not in _REPORTING and not _SCOPE.fullmatch(v)]
        return before + ("累计" if "累计" in verbs and action else "") + (action[-1] if action else "")
    if not counter and after:
        return after
    following = next((w for w in words if w.start >= end), None)
    if following is not None and (_nominal(following) or following.tag == "m"):
        return ""  # "推动3个区、…": the verb governs a thing too short to name
    verbs = [v for v in verbs if v not in _GOVERNING]
    if not any(w.tag == "v" and w.text in verbs for w in words if w.end <= start):
        return ""  # adverbs alone (累计, 率先) name nothing
    phrase = "".join(verbs).strip()
    if re.search(r"其中[^,，;；:：。]*$", sentence[:start]) or phrase in _ASPECTS:
        return SUBSET + phrase  # 其中今年新增15家, …13家、累计19家: more of the figure before
    return phrase if len(phrase) >= 2 and not _UNIT_LIKE.match(phrase) else ""


def bare_clause(sentence: str, start: int) -> bool:
    """Return whether the clause of a figure at `start` holds nothing but linking words before it
    ("…增加值实现翻番,达到5500亿元"), so that the figure is about the clause before.

    >>> bare_clause("增加值实现翻番,达到5500亿元", 10), bare_clause("5G基站8210个", 4)
    (True, False)
    """
    words = [w for w in segment(sentence) if w.end <= start]
    for w in reversed(words):
        if w.text in _CLAUSE_ENDS:
            return True
        scope = _ACTOR_WORDS.fullmatch(w.text) or _SCOPE.fullmatch(w.text)
        if w.text.strip() and not (
            w.text in _LINKS
            or w.tag in ("d", "ad", "vd", "TIME")
            or w.text in ("截至", "截止", "率先")
            or scope
        ):
            return False
    return False


def subject_phrase(sentence: str, position: int) -> str:
    """Return what a clause without a subject of its own ("同比增长10%", "排名全省第二", "(超过90分)")
    is about: the noun phrase right before its parenthesis, else the one that leads the nearest
    earlier clause of the sentence, else the one that ends it ("我国拥有…的网民数量,截至…达10.92亿人").

    >>> subject_phrase("其中绵阳数字经济发展水平高于全省平均水平,位列第一梯队,排名全省第二", 30)
    '数字经济发展水平'
    >>> subject_phrase("拉高了全省平均水平(88.1分)", 10)
    '平均水平'
    """
    words = segment(sentence)
    if sentence[position - 1 : position] in "(（" and position > 0:
        before, _, _ = _phrase_before(words, position - 1)
        if before:
            return before
    clauses: list[list[Word]] = [[]]
    for w in words:
        if w.start >= position:
            break
        if w.text in _CLAUSE_ENDS and clauses[-1]:
            clauses.append([])
        elif w.text not in _CLAUSE_ENDS:
            clauses[-1].append(w)
    for clause in reversed(clauses[:-1]):
        phrase = _leading_phrase(clause)
        if phrase:
            return phrase
    return _clean(_trailing(clauses[-2]), head=False) if len(clauses) > 1 else ""


def ranked_phrase(sentence: str, cue_start: int, rank_start: int) -> tuple[str, str]:
    """Return what a rank ranks and the rank's own words: "增速全省排名第二" → ("增速", "全省排名").

    `cue_start` is where the rank's verb (排名, 位居, 居 …) begins, `rank_start` where 第 begins.
    The subject is "" when the clause names none; a ranked list cited by title (《2022年数字城市百强榜》)
    is what the rank is in.

    >>> ranked_phrase("5G网络等通信网络各类指标连续多年稳居全省第二", 19, 22)
    ('通信网络各类指标', '全省排名')
    >>> ranked_phrase("在赛迪顾问发布的《2022年数字城市百强榜》,滨州市居第61位", 30, 31)
    ('2022年数字城市百强榜', '排名')
    """
    scope = _SCOPE.search(sentence[max(0, cue_start - 4) : rank_start])
    suffix = (scope.group(1) if scope else "") + "排名"
    board = re.findall(r"《([^》]*(?:榜|排名|排行|指数)[^》]{0,6})》", sentence[:cue_start])
    if board:
        return board[-1], suffix
    subject, _, _ = _phrase_before(segment(sentence), cue_start)
    subject = _SCOPE.sub("", subject) if scope else subject
    return (subject if len(subject) >= 2 else ""), suffix


_CLAUSE_ENDS = (",", "，", ";", "；", ":", "：", "。", "(", "（", ")", "）")


def _trailing(clause: list[Word]) -> list[Word]:
    """The nominal words that end a clause (its object)."""
    picked: list[Word] = []
    for k in range(len(clause) - 1, -1, -1):
        w = clause[k]
        if _nominal(w) or (picked and _joins(w) and _nominal_behind(tuple(clause), k - 1)):
            picked.insert(0, w)
        else:
            break
    return picked


def _phrase_after(words: tuple[Word, ...], end: int) -> str:
    """The noun phrase right after a figure ("89个 市级标杆企业"), or ""."""
    i = next((k for k, w in enumerate(words) if w.start >= end), len(words))
    while i < len(words) and words[i].text.strip() in ("", "以上", "以下", "左右", "多", "余", "的"):
        i += 1
    picked: list[Word] = []
    while i < len(words):
        w = words[i]
        if w.text == "“" and (close := _quote_end(words, i)) is not None:
            picked.extend(words[i : close + 1])  # 三个“一号工程”: a quoted name stays whole
            i = close
        elif _nominal(w):
            picked.append(w)
        elif picked and w.text in "(（" and (close := _closing(words, i)) is not None:
            picked.extend(words[i : close + 1])  # 星级数据产业园区(楼宇), 区、县(市)
            i = close
        elif (picked or w.tag == "a") and _joins(w) and w.text != "的" and _nominal_ahead(words, i + 1):
            if w.text in "、和及与" and any(x.tag == "m" and not _nominal(x) for x in words[i + 1 : i + 5]):
                break  # "50项指标、“省考”41项指标": the next item has its own figure
            picked.append(w)  # 市属单位, 网内、网间平均时延
        else:
            break
        i += 1
    return _clean(picked, head=True)


def _related_noun(words: tuple[Word, ...], end: int) -> str:
    """The head noun of a relative clause after a figure: "12家 跟…有关的 企业" → 企业."""
    after = [w for w in words if w.start >= end]
    if not after or after[0].tag != "p":
        return ""
    for w in after[:12]:
        if w.text in ",，;；:：。":
            return ""
        if w.text == "的":
            return _phrase_after(words, w.end)
    return ""


def _phrase_before(words: tuple[Word, ...], start: int) -> tuple[str, list[str], bool]:
    """The noun phrase before a figure, past its linking verbs and bound words; those verbs; and
    whether the phrase is a pronoun's (这个数字), naming nothing itself."""
    i = max((k for k, w in enumerate(words) if w.end <= start), default=-1)
    verbs: list[str] = []
    glued = skipped = ""
    while i >= 0:
        text = words[i].text
        if (
            re.fullmatch(r"[值率量额数](?:近|约|超|逾|达|达到|为|力争|已)", text)
            and i > 0
            and _nominal(words[i - 1])
        ):
            glued = text[0]  # LAC's "增加/n 值力争/vd", "用户/n 数近/n": the suffix belongs to the phrase
            i -= 1
            break
        if not _links(words[i]):
            break
        level = _GROWTH.search(text) and skipped in ("至", "到")  # 提升至41.2% is a level, not a change
        if text not in _LINKS and words[i].tag not in ("p", "TIME") and not level:
            verbs.insert(0, text)
        skipped = text
        i -= 1
    picked: list[Word] = []
    while i >= 0:
        w = words[i]
        if w.text == "”" and (opening := _opening(words, i)) is not None:
            picked[:0] = words[opening : i + 1]  # “一件事一次办”场景: a quoted name stays whole
            i = opening - 1
            continue
        if _nominal(w) or (picked and _joins(w) and (w.tag == "a" or _nominal_behind(words, i - 1))):
            picked.insert(0, w)
        elif (
            picked and (picked[0].text in _SUFFIXES or w.text in _ATTRIBUTIVE) and w.tag in ("v", "vn", "vd")
        ):
            picked.insert(0, w)  # 掌上/s 执法/v 率/v, 注册/v 用户/n
        elif picked and w.text in ("以上", "以下") and i > 0 and words[i - 1].tag == "m":
            picked[:0] = [words[i - 1], w]  # 10亿元以上企业: the category's bound stays with it
            i -= 2
            continue
        elif (
            not picked
            and len(w.text) == 1
            and w.tag == "v"
            and i > 0
            and words[i - 1].tag in ("n", "q", "v", "vn")
        ):
            picked[:0] = [words[i - 1], w]  # LAC's 日/q 活/v: an abbreviation (日活) split in two
            i -= 2
            continue
        elif picked and w.text in ("占",) and i > 0 and _nominal(words[i - 1]):
            picked.insert(0, w)  # 数字经济产值占GDP比重: one indicator
        elif (
            picked
            and w.tag == "v"
            and len(w.text) == 1
            and w.text not in _LINKS
            and len("".join(x.text for x in picked)) <= 2
        ):
            picked.insert(0, w)  # 办/v 结率/n: a verb LAC split off a compound noun
        else:
            break
        i -= 1
    # 软件和信息技术服务业实现营业收入856亿元: a bare measure belongs to the subject that 实现 it.
    if picked and "".join(x.text for x in picked) in _MEASURES and i > 0 and words[i].text in _ACHIEVE:
        owner, _, _ = _phrase_before(words, words[i].start)
        if owner:
            return owner + "".join(x.text for x in picked), verbs, False
    if len(picked) > 1 and picked[0].text in ("领域", "行业", "方面") and i >= 0 and words[i].text == "等":
        picked = picked[1:]  # 政法、公安、交通等领域感知设备: the list only says where
    phrase = _clean(picked, head=False)
    # "这个数字已增加到500多家", "其中的35个": the counted thing was named before; "该市数字经济…" names it.
    anaphor = (
        i >= 0
        and words[i].tag == "r"
        and bool(_PRONOUNS.match(words[i].text) or words[i].text == "其中")
        and phrase in ("", "数字", "数据", "数量", "数值", "总数", "数目")
    )
    return (phrase + glued if phrase else ""), verbs, anaphor


def _leading_phrase(clause: list[Word]) -> str:
    """The noun phrase a clause opens with, past its time, place and 其中."""
    i = 0
    while i < len(clause) and (
        clause[i].tag in ("TIME", "p", "r", "d", "w")
        or _is_place(clause[i])
        or _ACTOR_WORDS.fullmatch(clause[i].text)
    ):
        i += 1
    picked: list[Word] = []
    while i < len(clause):
        w = clause[i]
        if _nominal(w) or ((picked or w.tag == "a") and _joins(w) and _nominal_ahead(tuple(clause), i + 1)):
            picked.append(w)
        else:
            break
        i += 1
    phrase = _clean(picked, head=True)
    glued = clause[i].text[:1] if i < len(clause) and phrase and len(clause[i].text) > 1 else ""
    return phrase + glued if glued in ("值", "率", "量", "额") else phrase  # LAC's "增加/n 值力争/vd"


def _is_place(w: Word) -> bool:
    """Whether a word is a division named as the actor (绵阳, 湖南省); LAC's LOC also covers 智慧社区."""
    from loaders.gazetteer import load_gazetteer

    return w.tag == "LOC" and (bool(load_gazetteer().lookup(w.text)) or w.text in ("中国", "全国", "我国"))


def _links(w: Word) -> bool:
    """Whether a word between a phrase and its figure only links or bounds it."""
    text = w.text.strip()
    if not text:
        return True
    if text in _SUFFIXES:
        return False  # 受理/n 率/v: the suffix ends the phrase
    if text in _LINKS or w.tag in ("d", "ad", "vd") or (w.tag == "v" and re.search(r"(至|到)$", text)):
        return True
    if w.tag == "v" and len(text) == 2:
        return True  # the action itself (植树, 认捐, 增长) is kept aside in `verbs`
    return w.tag == "p" and text in ("比", "较") or w.tag == "TIME" and bool(re.match(r"\d{4}年$", text))


def _nominal(w: Word) -> bool:
    if w.tag in _NOUNS:
        return True
    # 5G, APP, 10G-PON: letters written with numbers are names, not figures (19.18ms is a figure).
    if w.tag == "m" and re.search(r"[A-Za-z]", w.text):
        return not re.fullmatch(r"\d+(?:\.\d+)?(?:ms|Gbps|Mbps|PB|TB|EB|ZB|%)|\d{2,}(?:G|T|P)", w.text)
    if w.tag == "m" and w.text in ("千亿", "百亿", "万亿", "千亿级", "百亿级", "亿元级"):
        return True  # 2个千亿数字产业集群
    # Suffixes LAC sometimes tags as verbs or numerals: 受理/率, 机架/数.
    return w.text in _SUFFIXES


def _nominal_ahead(words: tuple[Word, ...], i: int) -> bool:
    """Whether a nominal word comes next, past at most two more joiners."""
    for w in words[i : i + 3]:
        if _nominal(w):
            return True
        if not _joins(w):
            return False
    return False


def _nominal_behind(words: tuple[Word, ...], i: int) -> bool:
    """Whether a nominal word comes before position `i`, past at most two more joiners."""
    for k in range(i, max(-1, i - 3), -1):
        if _nominal(words[k]):
            return True
        if not _joins(words[k]):
            return False
    return False


def _joins(w: Word) -> bool:
    """Whether a word may stand inside a noun phrase between two nominal words."""
    if w.tag == "a" or w.tag == "f":
        return w.text not in ("以上", "以下", "左右", "之间")
    return w.tag in _INNER and w.text in _INNER_WORDS


def _opening(words: tuple[Word, ...], i: int) -> int | None:
    """Index of the “ that opens the quote closed at `i`, if the quote is short."""
    for k in range(i - 1, max(-1, i - 8), -1):
        if words[k].text == "“":
            return k
        if words[k].text in _CLAUSE_ENDS or words[k].text == "”":
            return None
    return None


def _quote_end(words: tuple[Word, ...], i: int) -> int | None:
    """Index of the ” that closes the quote opened at `i`, if the quote is short."""
    for k in range(i + 1, min(len(words), i + 8)):
        if words[k].text == "”":
            return k
        if words[k].text in _CLAUSE_ENDS or words[k].text == "“":
            return None
    return None


def _closing(words: tuple[Word, ...], i: int) -> int | None:
    for k in range(i + 1, min(len(words), i + 6)):
        if words[k].text in ")）":
            return k if all(_nominal(w) or w.text in "、" for w in words[i + 1 : k]) else None
    return None


def _clean(picked: list[Word], *, head: bool) -> str:
    """Join picked words, dropping actors, pronouns and joiners at the edges."""
    while picked and (
        _is_place(picked[0])
        or _ACTOR_WORDS.fullmatch(picked[0].text)
        and len(picked) > 1
        and _nominal(picked[1])
        or picked[0].text in _INNER_WORDS
        and picked[0].text != "“"
        or picked[0].tag == "f"
    ):
        picked = picked[1:]
    while picked and (
        picked[-1].text in _INNER_WORDS and picked[-1].text != "”" or picked[-1].tag in ("f", "a")
    ):
        picked = picked[:-1]
    if (
        not picked
        or len(picked) == 1
        and (_ACTOR_WORDS.fullmatch(picked[0].text) or _SCOPE.fullmatch(picked[0].text))
    ):
        return ""
    text = "".join(w.text for w in picked).replace(" ", "")
    text = _ACTOR.sub("", text) if len(text) > 3 else text
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if _PRONOUNS.match(text) or len(text) < 2 or _UNIT_LIKE.match(text):
        return ""
    return text[:40]


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
    if unit in ("位", "元", "分", "年", "ms", "G", "EFLOPS", "PFLOPS", "P", "PB", "EB", "ZB"):
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

    if _GROWTH.search(indicator) or "排名" in indicator and unit != "位":
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
