"""Finding the extent of a name in Chinese government prose.

Names of programmes, projects and agencies end in a telling word (行动, 平台, 大数据局)
and start right after the verb or function word that governs them (开展…, 建成…, 由…).
Quoted parts (“一号发展工程”) are kept whole; the name drops the quote marks.
"""

from __future__ import annotations

import re

QUOTES = "“”‘’「」『』\"'"
# The advisory conference and the parties beside the CPC, whose committees a place heads (政协成都市委员会,
# 民革成都市委员会): LAC reads each as one word.
PARTY_COMMITTEES = "政协|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟"
# The words that end an app's name (全省事APP, 随申办小程序): a platform's kind, never a programme's.
APP_KINDS = r"(?:APP|App|app|客户端|小程序)"
_NAME_CHAR = r"[\u4e00-\u9fffA-Za-z0-9+·\-—()（）.×]"
_QUOTED = r"“[^“”]{1,30}”|‘[^‘’]{1,30}’|「[^「」]{1,30}」"
# One unit of a name: a quoted part or a single name character.
NAME_UNIT = rf"(?:{_QUOTED}|{_NAME_CHAR})"

# Words that govern a following name; a name starts after the last one before it.
_BOUNDARY_WORDS = [
    "组织开展",
    "组织实施",
    "深入实施",
    "深入推进",
    "加快推进",
    "统筹推进",
    "有序推进",
    "积极推进",
    "全面推进",
    "持续推进",
    "大力推进",
    "扎实推进",
    "对接",
    "扩大",
    "以上",
    "丰富",
    "推出",
    "首推",
    "提供",
    "参照",
    "基本实现",
    "实现",
    "办好",
    "打开",
    "走进",
    "登录",
    "下载",
    "使用",
    "进入",
    "点击",
    "努力建设",
    "努力",
    "继续办好",
    "继续",
    "牵头建设",
    "牵头",
    "共建",
    "共同建设",
    "联合建设",
    "区域性",
    "做大做强",
    "做大做壮",
    "做精做优",
    "做精做新",
    "加快建设",
    "加快打造",
    "全面落实",
    "探索推广",
    "探索推行",
    "持续优化",
    "迭代升级",
    "全面推动",
    "积极构建",
    "深入开展",
    "积极开展",
    "开展",
    "实施",
    "推进",
    "推动",
    "深化",
    "启动",
    "探索",
    "推行",
    "推广",
    "落实",
    "加快",
    "加强",
    "建成",
    "打造",
    "创建",
    "争创",
    "获批",
    "举办",
    "召开",
    "成立",
    "组建",
    "上线",
    "开通",
    "依托",
    "发挥",
    "支持",
    "完善",
    "迭代",
    "构建",
    "搭建",
    "引导",
    "参与",
    "助推",
    "围绕",
    "聚焦",
    "拓展",
    "优化",
    "强化",
    "入选",
    "获评",
    "荣获",
    "获得",
    "承办",
    "承担",
    "主办",
    "设立",
    "形成",
    "建立",
    "健全",
    "部署",
    "印发",
    "出台",
    "发布",
    "提出",
    "贯彻",
    "谋划",
    "布局",
    "集约",
    "上架",
    "汇聚",
    "接入",
    "整合",
    "覆盖",
    "投用",
    "建有",
    "拥有",
    "成为",
    "作为",
    "通过",
    "利用",
    "借助",
    "基于",
    "面向",
    "按照",
    "根据",
    "结合",
    "以及",
    "包括",
    "其中",
    "同时",
    "唯一",
    "瞄准",
    "坚持",
    "以",
    "将",
    "把",
    "对",
    "向",
    "由",
    "在",
    "为",
    "是",
    "了",
    "并",
    "或",
    "等",
    "的",
    "从",
    "于",
    "让",
    "使",
    "到",
    "至",
    "全市",
    "全区",
    "全县",
    "全省",
    "我市",
    "我区",
    "我县",
    "我省",
    "我国",
    "本市",
    "本区",
    "各地",
    "各级",
    "全面",
    "积极",
    "持续",
    "大力",
    "深入",
    "进一步",
    "不断",
    "一批",
    "一系列",
    "多个",
    "各类",
]
# Verbs that name an event when they stand right before its suffix (推进大会, 发布会, 签约仪式).
_EVENT_VERBS = frozenset({"推进", "加快推进", "推动", "对接", "发布", "签约", "交流", "推介", "表彰", "启动"})
_BOUNDARY = re.compile("|".join(sorted(_BOUNDARY_WORDS, key=len, reverse=True)))
# Qualifiers that open a name but are not part of it ("市级标杆企业" keeps 市级; "新增…" does not).
_LEADING_NOISE = re.compile(
    r"^(?:新增|新建|建设|累计|重点|加快|着力|成功|正式|率先|持续|首批|首个|一个|两个|多个|个|家|\d+[届个家项次]|第[一二三四五六七八九十\d]+[届次期]|首届|\d{4}年)+"
)


def strip_quotes(text: str) -> str:
    """Return `text` without quote marks.

    >>> strip_quotes("数字经济创新提质“一号发展工程”")
    '数字经济创新提质一号发展工程'
    """
    return "".join(ch for ch in text if ch not in QUOTES)


def name_start(
    sentence: str,
    end: int,
    *,
    floor: int = 0,
    max_len: int = 40,
    extra: re.Pattern[str] | None = None,
    suffix_follows: bool = False,
) -> int:
    """Return where a name that ends at `end` starts: after the last governing word before it.

    >>> s = "组织开展全民数字素养与技能提升月活动"
    >>> s[name_start(s, s.index("活动")):s.index("活动")]
    '全民数字素养与技能提升月'
    >>> s = "推进“云上扬州”建设"
    >>> s[name_start(s, s.index("建设")):s.index("建设")]
    '“云上扬州”'
    """
    window_start = end
    units = list(re.finditer(NAME_UNIT, sentence[max(floor, end - max_len) : end]))
    # Walk left over contiguous name units.
    offset = max(floor, end - max_len)
    for unit in reversed(units):
        if offset + unit.end() != window_start:
            break
        window_start = offset + unit.start()
    start = window_start
    masked = _mask_quotes(sentence[window_start:end])
    for m in _BOUNDARY.finditer(masked):
        # Right before a suffix a verb is part of the name (推进大会, 发布会): only earlier ones govern it.
        if not (suffix_follows and m.end() == len(masked) and m.group(0) in _EVENT_VERBS):
            start = window_start + m.end()
    if extra is not None:
        for m in extra.finditer(masked):
            start = max(start, window_start + m.end())
    lead = _LEADING_NOISE.match(sentence[start:end])
    if lead and lead.end() < end - start:
        start += lead.end()
    return start


def governing_before(sentence: str, position: int) -> int:
    """Return the length of the governing word name_start may cut at that ends at `position` (0 if none).

    >>> s = "中欧数字与绿色可持续发展大会"
    >>> governing_before(s, s.index("发展")), governing_before(s, s.index("绿色"))
    (2, 0)
    """
    found = [
        m
        for m in _BOUNDARY.finditer(sentence[max(0, position - 8) : position])
        if m.end() == min(8, position)
    ]
    return max((len(m.group(0)) for m in found), default=0)


def mask_titles(text: str) -> str:
    """Blank out 《titles》, one mark for one character so offsets keep: a cited title's words
    (《数字强省建设2023年工作要点》, 《…2035年远景目标纲要》) name, date or aim at nothing in the sentence.

    >>> mask_titles("印发《数字强省建设要点》,推进")
    '印发□□□□□□□□□□,推进'
    """
    return re.sub(r"《[^》]*》", lambda m: "□" * len(m.group(0)), text)


def _mask_quotes(text: str) -> str:
    """Blank quoted parts so governing words inside them (“千企画像”) do not cut a name."""
    return re.sub(_QUOTED, lambda m: "□" * len(m.group(0)), text)


def clean_name(text: str) -> str:
    """Return a name as it should be stored: no quote marks, no surrounding punctuation.

    >>> clean_name("“我的扬州”App")
    '我的扬州App'
    """
    name = strip_quotes(text).replace("《", "").replace("》", "").strip(" ,，、。；;:：-—")
    while name[-1:] in ")）" and name.count("(") + name.count("（") < name.count(")") + name.count("）"):
        name = name[:-1]
    while name[:1] in "(（" and name.count("(") + name.count("（") > name.count(")") + name.count("）"):
        name = name[1:]
    return name
