"""Noun phrases around a position in a sentence, read from LAC's words and tags.

A phrase is a run of nominal words (n, nz, vn, ORG …) with the joiners that may stand inside one
(的, 、, 和, adjectives, 内/上 as in 网内 or 规上), bounded by verbs, numbers, pronouns and
punctuation. LAC's few systematic splits (受理/率, 日/活, 增加/值力争) are mended here, so that
the callers in loaders/indicators.py reason about clauses, not about tagging noise.
"""

from __future__ import annotations

import itertools
import re

from loaders.words import Word

_NOUNS = {"n", "nz", "nw", "vn", "an", "ORG", "LOC", "s", "PER"}

# Inside a phrase only: 公立医院, 规上企业, 网内、网间平均时延, 乌镇的信息经济, 通信网络各类指标.
_INNER = {"a", "f", "u", "w", "r", "c", "m"}

_INNER_WORDS = {"的", "、", "和", "及", "与", "各类", "各项", "各级", "“", "”"}

# Words that link a subject to its figure, or bound it: they belong to neither (SCHEMA.md: never a
# bound word). Verbs ending in 至/到 (升至, 低至, 增加到) link as well.
LINKS = {
    "达", "达到", "为", "是", "有", "计", "共", "共计", "合计", "总计", "总共", "超", "超过", "突破", "逾", "约",
    "近", "接近", "将近", "大约", "不足", "不到", "低于", "高于", "多于", "少于", "已", "已经", "均", "分别", "实现",
    "累计达", "达到了", "为了", "均为", "均达", "均在", "均超过", "分别为", "分别达", "分别达到", "到", "至", "稳定", "保持", "上", "下", "的", "了", "在", "等", "双", "低", "高", "升",
    "降", "增", "连续", "多年", "连续多年", "力争", "预计", "计划", "争取", "确保", "将", "可", "可以", "能", "能够", "只能",
    "要", "需", "需要", "应", "必须", "也", "又", "再", "则", "还", "亦", "仍", "更是", "都", "已有", "拥有", "首次", "首度", "再次", "再度", "一举", "率先",
}  # fmt: skip  # 首次 and 率先 are adverbs LAC often tags as numerals or verbs

# A growth figure names the change, after the thing that changed (SCHEMA.md: 同比增长 keeps its subject).
GROWTH = re.compile(
    r"(增长|增加|净增|提升|提高|上升|扩大|下降|降低|减少|增速|增幅|翻番|缩短|压缩|缩减|压减|下浮|上浮)$"
)

# The actor and scope words at the head of a phrase are not what is counted (全市5G基站 → 5G基站).
_ACTOR = re.compile(
    r"^(?:其中|全市|全区|全县|全省|全国|全州|全盟|全域|我市|我区|我县|我省|我州|我盟|我国|本市|本区|本州|该市|该区|该县|该州|该省|辖区|目前|当前|现有)"
)

# As a word of its own, a bare 市/区/县/省 is the actor too (市数据共享交换平台); inside 市属单位 it is not.
ACTOR_WORDS = re.compile(rf"{_ACTOR.pattern}|^(?:市|区|县|省|州|盟|国|新)$")

SCOPE_WORDS = re.compile(r"(全国|全省|全市|全区|全州|全球|全网|全行业|全国同类城市|同类城市|省内|国内)")

_PRONOUNS = re.compile(r"^(?:这个|这一|该|此|其|其他|它们?|我们|他们)")

# Suffixes that make a measure of what precedes them, whatever tag LAC gives them (受理/n 率/v).
_SUFFIXES = ("率", "数", "量", "额", "值", "度")

# Heads that measure an action, which their verb and its object belong to (隐患/n 发现/v 时间/n,
# 企业/n 开办/v 时间/n, 事件/n 处置/v 时长).
_ACTION_MEASURES = ("时间", "时长", "时限", "周期", "天数", "次数", "环节", "效率", "速度", "成本")


# mended() tries these on every word of a sentence: compiled once.
_SHARE_LINK = re.compile(r"比(?:达到|达|为|超过|超|约)")
# A record set (创历史新高, 再创新高): it says the figure is the highest yet, not what it measures.
# (创新高地, 创新高质量发展 are innovation: a record is followed by its figure or the clause's end.)
_RECORD = re.compile(r"(?:再|又|屡|均|连续)?创(?:下)?(?:历史|同期|年度)?新高(?=[达,，。;；、]|$)")
_TOP_LIST = re.compile(r"[百千十五二三四]+强")
_SERVICE_NUMBER = re.compile(r"1\d{2,4}")
# A Latin-lettered term (5G, IPv6, AI, 10G): letters first, or a number and one letter; a number with
# a unit of letters (27PB, 26.7T) is a figure, not a term.
_LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d{1,2}[A-Za-z]")
_SHARE_GLUED = re.compile(r"占比(?:达到|达|为|超过|超|约)")


def _one_verb_then_one_noun(w: Word, following: Word) -> bool:
    """Whether ``w`` is a one-character verb right before a one-character noun (LAC's split of 办局, 算力)."""
    return (
        w.tag == "v"
        and len(w.text) == 1
        and following.tag == "n"
        and len(following.text) == 1
        and following.start == w.end
    )


def mended(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words with LAC's systematic splits of a measure joined again (时/n 长/ad → 时长/n).

    >>> [w.text for w in mended((Word("办结", "v", 0, 2), Word("时", "n", 2, 3), Word("长", "ad", 3, 4)))]
    ['办结', '时长']
    >>> [w.text for w in mended((Word("5G", "m", 0, 2), Word(" ", "w", 2, 3), Word("基站", "n", 3, 5)))]
    ['5G基站']
    >>> [w.text for w in mended((Word("数字经济", "n", 0, 4), Word("占比达", "v", 4, 7)))]
    ['数字经济', '占比', '达']
    >>> [w.text for w in mended((Word("职工", "n", 0, 2), Word("之", "u", 2, 3), Word("家", "n", 3, 4)))]
    ['职工', '之家']
    >>> [w.text for w in mended((Word("12345", "m", 0, 5), Word("热线", "n", 5, 7), Word("受理", "v", 7, 9)))]
    ['12345热线', '受理']
    >>> [(w.text, w.tag) for w in mended((Word("算力", "v", 0, 2), Word("规模", "n", 2, 4)))]
    [('算力', 'n'), ('规模', 'n')]
    >>> [(w.text, w.tag) for w in mended((Word("总算", "d", 0, 2), Word("力", "n", 2, 3), Word("规模", "n", 3, 5)))]
    [('总算力', 'n'), ('规模', 'n')]
    >>> [(w.text, w.tag) for w in mended((Word("网上", "s", 0, 2), Word("实办率", "v", 2, 5)))]
    [('网上', 's'), ('实办率', 'n')]
    >>> [(w.text, w.tag) for w in mended((Word("公开", "vn", 0, 2), Word("及时", "ad", 2, 4), Word("率", "v", 4, 5)))]
    [('公开', 'vn'), ('及时率', 'n')]
    >>> [(w.text, w.tag) for w in mended((Word("办", "v", 0, 1), Word("结工单", "v", 1, 4)))]
    [('办结', 'v'), ('工单', 'n')]
    >>> [w.text for w in mended((Word("线", "n", 0, 1), Word("下", "f", 1, 2), Word("办理", "v", 2, 4)))]
    ['线下', '办理']
    >>> [(w.text, w.tag) for w in mended((Word("市", "n", 0, 1), Word("本级", "r", 1, 3), Word("事项", "n", 3, 5)))]
    [('市本级', 'n'), ('事项', 'n')]
    """
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        following = words[k + 1] if k + 1 < len(words) else None
        record = (
            _RECORD.match("".join(x.text for x in words[k : k + 5])) if w.text[:1] in "再又屡均连创" else None
        )
        if record and all(b.start == a.end for a, b in itertools.pairwise(words[k : k + 5])):
            # 规模/n 创/v 历史/n 新/ad 高达/v 250亿元: a record set stands between the measure and its link,
            # naming nothing itself; what it overruns (高达's 达) is the link.
            end = w.start + record.end()
            while k < len(words) and words[k].end <= end:
                k += 1
            out.append(Word(record.group(0), "d", w.start, end))
            if k < len(words) and words[k].start < end:
                out.append(Word(words[k].text[end - words[k].start :], "v", end, words[k].end))
                k += 1
            continue
        if out and out[-1].text == "时" and w.text == "长":
            out[-1] = Word("时长", "n", out[-1].start, w.end)
        elif out and out[-1].text == "线" and w.text in ("上", "下") and out[-1].end == w.start:
            # 线/n 下/f 办理: offline, one word as 线上 (online) is
            out[-1] = Word("线" + w.text, "s", out[-1].start, w.end)
        elif w.text == "本级" and out and out[-1].text in ("省", "市", "县", "区") and out[-1].end == w.start:
            # 市/n 本级/r 行政许可事项: the city's own level, one noun (市本级), no pronoun that ends the phrase
            out[-1] = Word(out[-1].text + "本级", "n", out[-1].start, w.end)
        elif w.text == "率" and out and out[-1].tag in ("ad", "a", "d", "v", "vn") and out[-1].end == w.start:
            # 及时/ad 率/v, 办/v 结率: a rate LAC split is one noun with the word it rates (及时率)
            out[-1] = Word(out[-1].text + "率", "n", out[-1].start, w.end)
        elif out and out[-1].text == "占" and w.text == "比":
            out[-1] = Word("占比", "n", out[-1].start, w.end)  # 用户/n 占/v 比/p 达到: the share, a noun
        elif out and out[-1].text == "占" and w.text == "比较" and following and following.tag == "TIME":
            # 占/v 比较/vn 上年/TIME 回落: the share, then the base it is compared with (较上年).
            out[-1] = Word("占比", "n", out[-1].start, w.start + 1)
            out.append(Word("较", "p", w.start + 1, w.end))
        elif out and out[-1].text == "占" and _SHARE_LINK.fullmatch(w.text):
            # 数字经济/n 占/v 比达/v 34%: the share is the noun; the link after it is a verb.
            out[-1] = Word("占比", "n", out[-1].start, w.start + 1)
            out.append(Word(w.text[1:], "v", w.start + 1, w.end))
        elif w.tag == "q" and w.text in ("件", "件量", "件数") and out and out[-1].tag in ("v", "vn", "n"):
            # 办/v 件量/q, 承诺/vn 件/q: with no number before it, 件 ends a noun (办件量, 承诺件), not a counter.
            j = (
                len(out) - 2
                if len(out) > 1 and out[-2].text == "即" and out[-1].text == "办"
                else len(out) - 1
            )
            out[j:] = [Word("".join(x.text for x in out[j:]) + w.text, "n", out[j].start, w.end)]  # 即办件
        elif w.tag == "m" and _TOP_LIST.fullmatch(w.text) and following and following.tag in ("n", "nz"):
            # 百强/m 区/n: a top-100 list names a kind of place (百强区, 百强县), a noun.
            out.append(Word(w.text + following.text, "n", w.start, following.end))
            k += 1
        elif (
            w.tag == "m"
            and _SERVICE_NUMBER.fullmatch(w.text)
            and following
            and following.start == w.end
            and following.tag in ("n", "nz", "ORG")
        ):
            # 12345/m 热线/n, 市 12345/m 平台/n: a service number names the line or platform it opens (a
            # figure has its counter; a bare number before a noun is a name).
            out.append(Word(w.text + following.text, "nz", w.start, following.end))
            k += 1
        elif w.tag == "u" and w.text in ("之家", "之窗", "之城", "之都", "之声"):
            out.append(
                Word(w.text, "n", w.start, w.end)
            )  # 健康/a 之家/u: a noun's head (长者运动健康之家6家)
        elif w.text == "之" and following and following.tag == "n" and len(following.text) == 1:
            out.append(Word(w.text + following.text, "n", w.start, following.end))  # 职工/n 之/u 家/n
            k += 1
        elif w.tag == "f" and len(w.text) > 3 and w.text[:2] in ("以上", "以下"):
            # 规模/nz 以上工业增长贡献率/f: LAC glues the bound to the noun after it (规模以上 工业…).
            out += [Word(w.text[:2], "f", w.start, w.start + 2), Word(w.text[2:], "n", w.start + 2, w.end)]
        elif len(w.text) >= 3 and w.text.endswith("率") and w.tag in ("v", "a", "m", "ad", "d"):
            # 网上/s 实办率/v, 绿电使用率/a, 零跑动率/m: a word that ends on 率 is a rate, a noun.
            out.append(Word(w.text, "n", w.start, w.end))
        elif w.text == "以上市":
            # 地级/a 以上市/f: LAC joins the bound to the noun it bounds (地级以上市, the cities).
            out += [Word("以上", "f", w.start, w.start + 2), Word("市", "n", w.start + 2, w.end)]
        elif (
            w.text.isspace()
            and out
            and _LATIN_TERM.fullmatch(out[-1].text)
            and following
            and following.tag in ("n", "nz", "vn")
        ):
            # 建成 5G 基站: a space a web page sets between a Latin-lettered term and its noun (5G 基站,
            # 5G 移动电话用户) parts no words; the term opens the noun.
            out[-1] = Word(out[-1].text + following.text, "nz", out[-1].start, following.end)
            k += 1
        elif _SHARE_GLUED.fullmatch(w.text):
            # 数字经济/n 占比达/v 34%: LAC glues the link to the share; the share is the noun measured.
            out += [Word("占比", "n", w.start, w.start + 2), Word(w.text[2:], "v", w.start + 2, w.end)]
        elif w.text == "算力" and w.tag == "v":
            out.append(Word(w.text, "n", w.start, w.end))  # 建成,算力/v 规模: computing power, always a noun
        elif (
            w.tag == "v"
            and len(w.text) == 1
            and following
            and following.start == w.end
            and len(following.text) == 2
            and following.text.endswith("率")
        ):
            # 办/v 结率/n: LAC splits a rate after its first character (办结率); 结率 is no word.
            out.append(Word(w.text + following.text, "n", w.start, following.end))
            k += 1
        elif (
            w.text == "办"
            and following is not None
            and following.start == w.end
            and len(following.text) > 2
            and following.text.startswith("结")
            and not following.text.endswith("率")
        ):
            # 办/v 结工单/v: LAC splits 办结 (settled) after its first character; what follows is settled.
            out += [
                Word("办结", "v", w.start, w.end + 1),
                Word(following.text[1:], "n", w.end + 1, following.end),
            ]
            k += 1
        elif w.text == "总算" and following and following.text.startswith("力") and following.start == w.end:
            # 全市/n 总算/d 力/n 规模/n: LAC reads 总算 (at last); it is 总 算力, the total computing power.
            out.append(Word(w.text + following.text, "n", w.start, following.end))
            k += 1
        elif w.text == "占地区":
            # 占地区/v 生产/vn 总值/n: LAC reads 占地 (take up land); it is 占 地区生产总值, a share.
            out += [Word("占", "v", w.start, w.start + 1), Word("地区", "n", w.start + 1, w.end)]
        elif (
            out
            and out[-1].tag == "n"
            and len(out[-1].text) == 1
            and out[-1].end == w.start
            and following is not None
            and _one_verb_then_one_noun(w, following)
        ):
            # 委/n 办/v 局/n: three single characters LAC split are one noun (委办局).
            out[-1] = Word(out[-1].text + w.text + following.text, "n", out[-1].start, following.end)
            k += 1
        elif (
            (not out or out[-1].tag == "w" or nominal(out[-1]))
            and following is not None
            and _one_verb_then_one_noun(w, following)
            and k + 2 < len(words)
            and (nominal(words[k + 2]) or words[k + 2].text == "总")
        ):
            # 智能/n 算/v 力/n 规模/n: a verb and a noun of one character each between nouns are one word
            # (算力), at a clause's start as well (,算/v 力/n 总/a 规模/n).
            out.append(Word(w.text + following.text, "n", w.start, following.end))
            k += 1
        elif w.tag == "m" and (
            glued := re.fullmatch(r"(\d+(?:\.\d+)?[万亿]?[个家项名位条件座所台套])([\u4e00-\u9fff]+)", w.text)
        ):
            # 51名村/m (社区): the counter closes the figure; the rest is the noun counted.
            cut = w.start + len(glued.group(1))
            out += [Word(glued.group(1), "m", w.start, cut), Word(glued.group(2), "n", cut, w.end)]
        elif (
            w.text == "长"
            and w.tag == "a"
            and out
            and out[-1].tag == "n"
            and len(out) > 1
            and out[-2].tag == "m"
            and out[-1].end == w.start
        ):
            out[-1] = Word(
                out[-1].text + w.text, "n", out[-1].start, w.end
            )  # 520名 网格/n 长/a: a role (网格长)
        elif w.text in ("元和", "元及", "元与", "个和", "家和", "项和") and out and out[-1].tag == "m":
            # 1073.6亿/m 元和/n 638.7亿元: the unit closes the first figure, 和 joins the next.
            out += [Word(w.text[0], "q", w.start, w.start + 1), Word(w.text[1], "c", w.start + 1, w.end)]
        elif out and out[-1].text in ("获", "被") and len(w.text) == 1 and w.tag in ("v", "vn"):
            out[-1] = Word(out[-1].text + w.text, "v", out[-1].start, w.end)  # 获/v 评/vn → 获评, a verb
        elif (
            out
            and out[-1].tag == "m"
            and not out[-1].text.endswith("期")  # 三期/m 项目/n: a phase, 项目 a noun of its own
            and re.search(r"[\d万亿千百十]$", out[-1].text) is not None  # 6个/m 项目/n has its counter
            and len(w.text) > 1
            and w.text[0] in "个家项名位条件座所台套"
        ):
            # 2600/m 家规/n 上/f: the counter belongs to the number, the rest to the noun (规上).
            out += [Word(w.text[0], "q", w.start, w.start + 1), Word(w.text[1:], "n", w.start + 1, w.end)]
        elif (
            len(w.text) == 2 and w.text[0] in _SUFFIXES and following and w.text[1] + following.text in LINKS
        ):
            # 增加/n 值力/vd 争/v: the suffix ends the phrase, 力争 links it to its figure.
            out += [
                Word(w.text[0], "n", w.start, w.start + 1),
                Word(w.text[1] + following.text, "v", w.start + 1, following.end),
            ]
            k += 1
        else:
            out.append(w)
        k += 1
    return tuple(out)


# An amount that names a class of projects or firms (100亿元项目), and the marks of a band (50亿元~100亿元).
_AMOUNT_CLASS = re.compile(r"[\d.]*[千百万亿]+元")
_BAND = ("~", "～", "-", "—", "至", "到")

UNIT_LIKE = re.compile(r"^(?:[个家项位名人户条类次元%年]|以上|以下|左右|分别|连续|同比)$")

# Verbs that say which of a kind are counted (注册用户, 投运服务器), not what was done to them.
_ATTRIBUTIVE = (
    "注册", "激活", "活跃", "实名", "认证", "在线", "入驻", "上架", "接入", "联网", "开放", "共享", "在用", "在建",
    "投运", "投产", "在营", "登记", "备案", "持证", "感知", "监测", "支配", "可",
)  # fmt: skip

# Bare measures that need their owner (…服务业实现营业收入856亿元), and the verbs between them.
_MEASURES = (
    "营业收入", "收入", "营收", "产值", "增加值", "规模", "总量", "交易额", "销售额", "利润", "税收", "投资", "产量",
)  # fmt: skip

_ACHIEVE = ("实现", "完成", "累计实现", "共实现")

# Verbs that govern what is counted but do not name it (推动3个区, 带动…).
GOVERNING = ("推动", "带动", "开展", "有", "已有", "拥有", "再有", "还有", "仅有", "只有", "实现", "完成")

CLAUSE_ENDS = (",", "，", ";", "；", ":", "：", "。", "(", "（", ")", "）")


def trailing_words(clause: list[Word]) -> list[Word]:
    """The nominal words that end a clause (its object)."""
    picked: list[Word] = []
    for k in range(len(clause) - 1, -1, -1):
        w = clause[k]
        if nominal(w) or (picked and _joins(w) and _nominal_behind(tuple(clause), k - 1)):
            picked.insert(0, w)
        else:
            break
    return picked


def phrase_after(words: tuple[Word, ...], end: int) -> str:
    """The noun phrase right after a figure ("89个 市级标杆企业"), or "".

    >>> from loaders.words import segment
    >>> s = "已发布6批数据共享责任清单,新增12家企业入驻园区"
    >>> phrase_after(mended(segment(s)), 5), phrase_after(mended(segment(s)), 19)
    ('数据共享责任清单', '企业')
    >>> s = "已归集1.84万类344亿条数据"
    >>> phrase_after(mended(segment(s)), 9)
    '数据'
    >>> s = "吸引74家企业常态化开展测试"
    >>> phrase_after(mended(segment(s)), 5)
    '企业'
    >>> phrase_after(mended(segment("打造60个左右基础型以上智慧社区")), 5)
    '基础型以上智慧社区'
    """
    i = next((k for k, w in enumerate(words) if w.start >= end), len(words))
    while i < len(words) and words[i].text.strip() in (
        "",
        "以上",
        "以下",
        "左右",
        "多",
        "余",
        "的",
        "大关",
        "关口",
    ):
        i += 1
    if (
        i < len(words)
        and words[i].start == end
        and re.fullmatch(r"\d+(?:\.\d+)?[万亿]*[\u4e00-\u9fff]", words[i].text)
    ):
        i += 1  # "1.84万类344亿条数据": two measures of one noun, the kinds and the records
    picked: list[Word] = []
    while i < len(words):
        w = words[i]
        if w.text in ("“", '"') and (close := _quote_end(words, i)) is not None:
            picked.extend(words[i : close + 1])  # 三个“一号工程”: a quoted name stays whole
            i = close
        elif (
            re.search(r"[型级星]$|^规模$|^[百千万亿]*[万亿]元$", w.text)
            and i + 2 < len(words)
            and words[i + 1].text in ("以上", "及以上")
            and (nominal(words[i + 2]) or words[i + 2].tag == "a" and _nominal_ahead(words, i + 3))
        ):
            # 60个 基础型以上 智慧社区, 7000多家 二级以上 公立医院: a grade's bound names the class counted
            picked.extend(words[i : i + 2])
            i += 1
        elif (
            not picked
            and w.tag == "m"
            and re.fullmatch(r"[一二三四五六七八九]级", w.text)
            and i + 1 < len(words)
            and (nominal(words[i + 1]) or words[i + 1].tag == "a" and _nominal_ahead(words, i + 2))
        ):
            picked.append(w)  # 2200多家 三级/m 公立医院: a grade names the class counted
        elif nominal(w):
            picked.append(w)
        elif (
            picked
            and w.text == "建"
            and w.start == picked[-1].end
            and i + 1 < len(words)
            and nominal(words[i + 1])
            and len(words[i + 1].text) >= 2
        ):
            picked.append(w)  # 85%以上 市 建 系统: who built them names the things counted (市建系统)
        elif picked and w.text in "(（" and (close := _closing(words, i)) is not None:
            picked.extend(words[i : close + 1])  # 星级数据产业园区(楼宇), 区、县(市)
            i = close
        elif (picked or w.tag == "a") and _joins(w) and w.text != "的" and _nominal_ahead(words, i + 1):
            if w.text in "、和及与" and _figure_ahead(words, i + 1):
                break  # "50项指标、“省考”41项指标": the next item has its own figure
            if w.text in "和及与" and i + 1 < len(words) and words[i + 1].tag in ("LOC", "ORG"):
                break  # "38个区县及两江新区、高新区…": the named places added are not among those counted
            picked.append(w)  # 市属单位, 网内、网间平均时延
        elif w.tag in ("v", "vn") and (rest := _compound_rest(words, i)):
            picked.extend(rest)  # 6批 数据 共享 责任 清单: a verb inside a compound that ends on its head
            break
        else:
            break
        i += 1
    if len(picked) > 1 and picked[-1].text == "基础" and i < len(words) and words[i].text == "上":
        picked = picked[:-1]  # 在32个行业基础上: the frame's 基础 is not what is counted
    if len(picked) > 1 and (
        picked[-1].text.endswith("化")
        or i < len(words)
        and words[i].text == "化"
        and words[i].start == picked[-1].end
        or picked[-1].text in _ADVERBIAL_NOUNS
        and i < len(words)
        and words[i].tag in ("v", "vd")
    ):
        # 企业 常态化 (or 常态/n 化/v) 开展测试, 项目 现场 签约: a phrase ends on its head noun, and
        # X化 or where it was done is how, not what.
        picked = picked[:-1]
    return clean_phrase(picked, head=True)


# Nouns that say where or how something was done when a verb follows (56个项目现场签约).
_ADVERBIAL_NOUNS = ("现场", "线上", "线下", "网上", "当场", "当天", "同步", "集中")


def _figure_ahead(words: tuple[Word, ...], i: int) -> bool:
    """Whether an item from `i` on, before its clause ends, has a figure of its own: what 和 or 、
    joins then is a next counted group ("18个乡镇和住建、自规…8个部门"), not part of this one.

    >>> from loaders.words import segment
    >>> w = mended(segment("覆盖了18个乡镇和住建、自规、林业、交运、水利、公安8个部门,负责上传"))
    >>> _figure_ahead(w, next(k for k, x in enumerate(w) if x.text == "和") + 1)
    True
    """
    for x in words[i : i + 24]:
        if x.text in (",", "，", ";", "；", "。", ":", "："):
            return False
        if x.tag == "m" and not nominal(x):
            return True
    return False


# Heads of named things whose compound often holds a verb (数据共享责任清单, 数据对接清单, 政务服务事项).
_COMPOUND_HEADS = (
    "清单",
    "目录",
    "事项",
    "平台",
    "系统",
    "场景",
    "标准",
    "规范",
    "指南",
    "载体",
    "基地",
    "企业",
    "项目",
)


def _compound_rest(words: tuple[Word, ...], i: int) -> list[Word]:
    """The words from a verb at `i` to the end of its clause when they only go on to a compound's
    head (共享 责任 清单,), or [] when the verb is the clause's predicate (企业 入驻 园区)."""
    rest: list[Word] = []
    for w in words[i : i + 8]:
        if w.text in ",，;；:：。、)）" or not w.text.strip():
            break
        if rest and nominal(rest[-1]) and w.tag in ("d", "p"):
            break  # 126家 拟 转码 企业 向上 争取…: an adverb or a preposition after the head starts the predicate
        if not (nominal(w) or w.tag in ("v", "vn")):
            return []
        rest.append(w)
    else:
        if i + 8 < len(words):
            return []  # (a clause that goes on for eight words is no compound; one ending the text may be)
    return rest if rest and nominal(rest[-1]) and rest[-1].text.endswith(_COMPOUND_HEADS) else []


def related_noun(words: tuple[Word, ...], end: int) -> str:
    """The head noun of a relative clause after a figure: "12家 跟…有关的 企业" → 企业."""
    after = [w for w in words if w.start >= end]
    # "12家 跟…有关的 企业", "10余栋 酷似…的 白色建筑": a clause opened by a preposition or a verb
    if not after or after[0].tag not in ("p", "v"):
        return ""
    for w in after[:12]:
        if w.text in ",，;；:：。":
            return ""
        if w.text == "的":
            return phrase_after(words, w.end)
    return ""


# Periods a rate is taken over when LAC splits it from 均 (日/均, 人/均); adverbs that only stress.
_PERIODS = ("日", "月", "年", "周", "季", "人", "户")
_FOCUS = ("仅", "就", "才", "只", "还", "都", "便")


def phrase_before(words: tuple[Word, ...], start: int) -> tuple[str, list[str], bool]:
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
            and nominal(words[i - 1])
        ):
            glued = text[0]  # LAC's "增加/n 值力争/vd", "用户/n 数近/n": the suffix belongs to the phrase
            i -= 1
            break
        if not _links(words[i]):
            break
        if text == "均" and i > 0 and words[i - 1].text in _PERIODS:
            verbs.insert(0, words[i - 1].text + text)  # 日/均 调阅: a rate per day names its measure
            skipped = text
            i -= 2
            continue
        level = GROWTH.search(text) and skipped in ("至", "到")  # 提升至41.2% is a level, not a change
        linking = words[i].tag == "v" and re.search(r"(至|到|达)$", text)  # 可达, 增加到: the link itself
        focus = words[i].tag == "d" and text in _FOCUS  # 仅2022年就新增485家: the stress names nothing
        if (
            text not in LINKS
            and words[i].tag not in ("p", "TIME")
            and not level
            and not linking
            and not focus
        ):
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
        if w.text in ")）" and (opening := _bracket_open(words, i)) is not None:
            # 智能工厂(数字化车间)15家, 首台(套)装备: a bracket glosses the noun before it
            picked[:0] = words[opening : i + 1]
            i = opening - 1
            continue
        if (
            nominal(w)
            or (picked and _joins(w) and (w.tag == "a" or w.text == "未来" or _nominal_behind(words, i - 1)))
            or (picked and w.text == "一般" and picked[0].text.startswith("公共"))
            or (picked and w.text == "累计" and i > 0 and nominal(words[i - 1]))
        ):
            # 一般/ad 公共预算收入: the fiscal term LAC splits; 基础设施/n 累计/v 投资/vn: a running total
            # inside the phrase when a noun stands before it
            picked.insert(0, w)
        elif (
            picked
            and (
                picked[0].text in _SUFFIXES
                or picked[0].text in _ACTION_MEASURES
                or w.text in _ATTRIBUTIVE
                or len(picked) == 1
                and len(picked[0].text) == 1
                and picked[0].tag == "n"  # 办理/v 项/n
            )
            and w.tag in ("v", "vn", "vd")
        ):
            picked.insert(0, w)  # 掌上/s 执法/v 率/v, 注册/v 用户/n
        elif (
            picked
            and w.tag == "m"
            and (w.text.endswith("级") or picked[0].text == "级")
            and re.fullmatch(r"[\d.一二两三四五六七八九十百千万亿]+(?:元|星)?级?", w.text)
        ):
            picked.insert(0, w)  # 三星/m 级/n 新型智慧城市覆盖率, 千亿元级企业: a grade names the class
        elif (
            picked
            and w.tag == "m"
            and re.fullmatch(r"[\d一二三四五六七八九十]+期", w.text)
            and nominal(picked[0])
        ):
            picked.insert(0, w)  # 视频监控系统三期/m 项目在线率: a phase names which part
        elif picked and w.text in ("以上", "以下") and i > 0 and words[i - 1].tag == "m":
            picked[:0] = [words[i - 1], w]  # 10亿元以上企业: the category's bound stays with it
            i -= 2
            continue
        elif (
            picked
            and w.text in ("以上", "以下")
            and i > 1
            and words[i - 1].text == "及"
            and (nominal(words[i - 2]) or words[i - 2].tag == "m")
        ):
            picked[:0] = [words[i - 2], words[i - 1], w]  # 千兆及以上端口, 二级及以上医院: the class's bound
            i -= 3
            continue
        elif (
            picked
            and w.text in ("-", "－")
            and re.match(r"[A-Za-z]", picked[0].text)
            and i > 0
            and re.fullmatch(r"[A-Za-z0-9.]+", words[i - 1].text)
        ):
            picked[:0] = [words[i - 1], w]  # 10G-PON端口: a technology's code joined by its hyphen
            i -= 2
            continue
        elif (
            len(picked) == 1
            and picked[0].text in ("项目", "企业", "工程")
            and w.tag == "m"
            and _AMOUNT_CLASS.fullmatch(w.text)
        ):
            # 100亿元项目有2个, 50亿元~100亿元项目2个: the amount (or band) names the class counted
            picked.insert(0, w)
            if i > 1 and words[i - 1].text in _BAND and _AMOUNT_CLASS.fullmatch(words[i - 2].text):
                picked[:0] = [words[i - 2], words[i - 1]]
                i -= 3
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
        elif picked and w.text in ("占",) and i > 0 and nominal(words[i - 1]):
            picked.insert(0, w)  # 数字经济产值占GDP比重: one indicator
        elif (
            picked
            and w.text == "占"
            and i > 1
            and words[i - 1].tag == "d"
            and words[i - 1].text in ("已", "已经", "约", "仅")
            and nominal(words[i - 2])
        ):
            picked.insert(0, w)  # 数字经济总量已占GDP总量的30.61%: the adverb is not part of the share
            i -= 1  # the adverb is skipped, the noun before it read next
        elif (
            picked
            and w.tag in ("v", "q")
            and len(w.text) == 1
            and w.text not in LINKS
            and len("".join(x.text for x in picked)) <= 2
        ):
            picked.insert(0, w)  # 办/v 结率/n, 办/v 件/q 量/n: characters LAC split off a compound noun
        else:
            break
        i -= 1
    if picked and picked[0].text in "(（":
        close = next(k for k, w in enumerate(picked) if w.text in ")）")
        picked = picked[close + 1 :]  # a gloss whose noun was not read is no part of the phrase
    # 软件和信息技术服务业实现营业收入856亿元: a bare measure belongs to the subject that 实现 it.
    if picked and "".join(x.text for x in picked) in _MEASURES and i > 0 and words[i].text in _ACHIEVE:
        owner, _, _ = phrase_before(words, words[i].start)
        if owner:
            return owner + "".join(x.text for x in picked), verbs, False
    if (
        len(picked) > 1
        and picked[0].text in ("领域", "行业", "方面", "部门", "单位", "地区", "区域")
        and i >= 0
        and words[i].text == "等"
    ):
        picked = picked[1:]  # 政法、公安、交通等领域感知设备: the list only says where
    phrase = clean_phrase(picked, head=False)
    # "江东大道、…和佳山路沿线老旧公交站牌": the places before a locative only say where.
    located = re.match(r".{2,}?(?:沿线|周边|境内|辖区内|区域内)(?=.{2,})", phrase)
    phrase = phrase[located.end() :] if located else phrase
    # "这个数字已增加到500多家", "其中的35个": the counted thing was named before; "该市数字经济…" names it.
    anaphor = (
        i >= 0
        and words[i].tag == "r"
        and bool(_PRONOUNS.match(words[i].text) or words[i].text == "其中")
        and phrase in ("", "数字", "数据", "数量", "数值", "总数", "数目")
    )
    return (phrase + glued if phrase else ""), verbs, anaphor


# Heads that make a measure of the word before them, whatever its tag (算力规模, 用电总量).
_MEASURE_HEADS = ("规模", "总量", "总数", "数量", "水平", "能力", "占比", "指数")


def leading_phrase(clause: list[Word]) -> str:
    """The noun phrase a clause opens with, past its time, place and 其中."""
    i = 0
    while i < len(clause) and (
        clause[i].tag in ("TIME", "p", "r", "d", "w")
        or _is_place(clause[i])
        or ACTOR_WORDS.fullmatch(clause[i].text)
    ):
        i += 1
    picked: list[Word] = []
    if (
        i + 1 < len(clause)
        and clause[i].tag in ("v", "vn")
        and len(clause[i].text) == 2
        and clause[i + 1].text in _MEASURE_HEADS
    ):
        picked.append(clause[i])  # 算力/v 规模/n 持续提升: LAC's verb names what the measure is of
        i += 1
    while i < len(clause):
        w = clause[i]
        if nominal(w) or ((picked or w.tag == "a") and _joins(w) and _nominal_ahead(tuple(clause), i + 1)):
            picked.append(w)
        else:
            break
        i += 1
    phrase = clean_phrase(picked, head=True)
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
    if text in LINKS or w.tag in ("d", "ad", "vd") or (w.tag == "v" and re.search(r"(至|到|达)$", text)):
        return True
    if w.tag == "v" and len(text) == 2:
        return True  # the action itself (植树, 认捐, 增长) is kept aside in `verbs`
    # 比/较 and the time they compare with (较上年, 2023年) stand between a phrase and its change.
    return w.tag == "p" and text in ("比", "较") or w.tag == "TIME" and not re.search(r"\d", text[-1:] or "x")


def nominal(w: Word) -> bool:
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
        if nominal(w):
            return True
        if not _joins(w):
            return False
    return False


def _nominal_behind(words: tuple[Word, ...], i: int) -> bool:
    """Whether a nominal word comes before position `i`, past at most two more joiners."""
    for k in range(i, max(-1, i - 3), -1):
        if nominal(words[k]):
            return True
        if not _joins(words[k]):
            return False
    return False


def _joins(w: Word) -> bool:
    """Whether a word may stand inside a noun phrase between two nominal words."""
    if w.tag == "a" or w.tag == "f" or w.text == "未来":  # 省级未来工厂: 未来 names a kind here
        return w.text not in ("以上", "以下", "左右", "之间")
    return w.tag in _INNER and w.text in _INNER_WORDS


def _opening(words: tuple[Word, ...], i: int) -> int | None:
    """Index of the “ that opens the quote closed at `i`, if the quote is short (at most 10
    characters: LAC splits a quoted name into many words, “一证(照)通办” into eight)."""
    for k in range(i - 1, max(-1, i - 12), -1):
        if words[k].text == "“":
            return k if words[i].start - words[k].end <= 10 else None
        # a bracket inside a quoted name is part of it (“一证(照)通办”); a comma ends the search
        if (words[k].text in CLAUSE_ENDS and words[k].text not in "()（）") or words[k].text == "”":
            return None
    return None


def _bracket_open(words: tuple[Word, ...], i: int) -> int | None:
    """Index of the ( that opens the short gloss closed at `i`, when a noun or a counted word stands
    before it and the gloss holds only words (no figure, no clause)."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if words[k].text in "(（":
            inner = words[k + 1 : i]
            ok = (
                inner
                and k > 0
                and (
                    nominal(words[k - 1])
                    or words[k - 1].tag == "m"
                    and not re.search(r"\d", words[k - 1].text)
                )
                and all(re.fullmatch(r"[\u4e00-\u9fff、]+", w.text) for w in inner)
            )
            return k if ok else None
        if words[k].text in CLAUSE_ENDS:
            return None
    return None


def _quote_end(words: tuple[Word, ...], i: int) -> int | None:
    """Index of the ” (or, for an ASCII ", the next ") that closes the quote opened at `i`, if the quote is short."""
    closing = '"' if words[i].text == '"' else "”"
    for k in range(i + 1, min(len(words), i + 8)):
        if words[k].text == closing:
            return k
        if words[k].text in CLAUSE_ENDS or words[k].text == "“":
            return None
    return None


def _closing(words: tuple[Word, ...], i: int) -> int | None:
    for k in range(i + 1, min(len(words), i + 6)):
        if words[k].text in ")）":
            return k if all(nominal(w) or w.text in "、" for w in words[i + 1 : k]) else None
    return None


def clean_phrase(picked: list[Word], *, head: bool) -> str:
    """Join picked words, dropping actors, pronouns and joiners at the edges."""
    while picked and (
        _is_place(picked[0])
        or ACTOR_WORDS.fullmatch(picked[0].text)
        and len(picked) > 1
        and nominal(picked[1])
        or picked[0].text in _INNER_WORDS
        and picked[0].text != "“"
        or picked[0].tag == "f"
        and not (picked[0].text == "上" and len(picked) > 1 and picked[1].text.startswith("云"))  # 上云企业
    ):
        picked = picked[1:]
    while picked and (
        picked[-1].text in _INNER_WORDS
        and picked[-1].text != "”"
        or picked[-1].tag in ("f", "a")
        or picked[-1].text in ("全部", "所有", "全体", "均")  # 46所中小学全部接入: how many, not what
    ):
        picked = picked[:-1]
    if (
        not picked
        or len(picked) == 1
        and (ACTOR_WORDS.fullmatch(picked[0].text) or SCOPE_WORDS.fullmatch(picked[0].text))
    ):
        return ""
    text = "".join(w.text for w in picked).replace(" ", "")
    text = _ACTOR.sub("", text) if len(text) > 3 else text
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if _PRONOUNS.match(text) or len(text) < 2 or UNIT_LIKE.match(text):
        return ""
    return text[:40]
