"""Where a noun phrase starts and whether it is counted, read from LAC words (loaders/words.py).

A name of a thing (国家级数据标注基地, 市政府新闻办) is a run of nouns, adjectives, place and
organisation names; the verb that governs it (承接, 举行, 引进), a conjunction after a finished
name (“算力之城”和…), a count (三个, 10个) or a function word stands just before it. Verbs inside
a name (城市运行“底图”, 自动驾驶试验区) follow a noun; governing verbs follow a clause break, a
subject (市政府新闻办举行) or adverbs (成功承接). Word tags tell these apart without a stop list.
A division's name is never cut (和林格尔 opens with 和), and a chain of divisions at a name's head
only locates it (山东省德州市陵城区经济开发区): the gazetteer says where those names run.
"""

from __future__ import annotations

import functools
import re

from loaders.gazetteer import load_gazetteer
from loaders.words import Word, segment

# Marks inside names: quotes and brackets are kept, other punctuation ends a name.
_NAME_MARKS = set("“”‘’「」()（）·+-—")
# A numeral that counts (三个, 10个, 四届, 首个) rather than one inside a name (三级, 12345, 5G).
_COUNT = re.compile(r"[个家项座所届次场批条名张类处套]$|^首|^[两几多]")
# A word that ends a finished name: a closing quote or a head noun (业务系统与地方数据平台).
_FINISHED = re.compile(
    r"(?:[”」’)）]|系统|平台|中心|项目|架构|体系|机制|模式|格局|园区?|基地|网|云|库|馆|站|港|谷|城|区|院|局|委|办|厅|部)$"
)
_BREAKS = {"p", "u", "r", "f", "q", "xc", "w"}
# What may stand right before a verb that is part of a name (城市运行, 物联感知, 工作推进; 城西科创…).
_NOUNISH = {"n", "nz", "nw", "vn", "an", "a", "s"}
# Place words that say where or how a verb acts (线下纳入…中心 names the 中心), never a name's head.
_CHANNELS = {"线上", "线下", "网上", "掌上", "现场", "就近", "异地", "全程"}
_SUBJECTS = {"ORG", "PER", "LOC", "r", "TIME"}


def phrase_start(sentence: str, lo: int, hi: int) -> int:
    """Return where the phrase that ends at `hi` starts, no earlier than `lo`: after its governing word.

    >>> s = "成功承接国家级数据标注基地建设任务"
    >>> s[phrase_start(s, 0, s.index("建设")):s.index("建设")]
    '国家级数据标注基地'
    >>> s = "市政府新闻办举行数字重庆基本能力建设成果新闻发布会"
    >>> s[phrase_start(s, 0, len(s)):]
    '数字重庆基本能力建设成果新闻发布会'
    >>> s = "建设“算力之城”和国家级数据标注基地"
    >>> s[phrase_start(s, 2, len(s)):]
    '国家级数据标注基地'
    >>> s = "打造宁波舟山港梅山港区自动驾驶试验区"
    >>> s[phrase_start(s, 2, len(s)):]
    '宁波舟山港梅山港区自动驾驶试验区'
    >>> s = "扬州市正式启用扬州数字经济产业园"
    >>> s[phrase_start(s, 0, len(s)):]
    '扬州数字经济产业园'
    >>> s = "开通海峡两岸直通光缆和福州国家级互联网骨干直联点,光网实现城乡全覆盖"
    >>> s[phrase_start(s, 2, s.index(",")) : s.index(",")]
    '福州国家级互联网骨干直联点'
    >>> s = "在手机上打开佛山通App,市民"
    >>> s[phrase_start(s, s.index("佛山"), s.index("App")):s.index(",")]
    '佛山通App'
    >>> s = "线上纳入青禾平台、线下纳入政务服务中心"
    >>> s[phrase_start(s, s.index("线下"), len(s)):]
    '政务服务中心'
    """
    words = [w for w in segment(sentence) if lo <= w.start and w.end <= hi]
    quoted = _quoted_positions(sentence, lo, hi)
    start = lo
    for i, word in enumerate(words):
        if word.start in quoted:
            continue
        left = words[i - 1] if i > 0 else None
        if word.tag == "v" and left is not None and left.tag == "v" and start < left.start:
            continue  # a verb after a verb inside the name (人工智能赋/能平台) is in it too
        if _fragment(word, words[i - 1 : i] + words[i + 1 : i + 2]):
            continue  # LAC cut a name it does not know into one-character "verbs" (海/创/云谷)
        if _split_place(sentence, word):
            continue  # LAC read the head of a place's short name as a verb (聊/城子平台)
        if (
            word.tag == "v"
            and len(word.text) == 1
            and word.end == hi
            and left is not None
            and left.tag == "LOC"
            and left.end == word.start
        ):
            continue  # a place and one character name its app (佛山/通App, 山东/通): the verb is the brand's
        if (
            word.text == "上"
            and left is not None
            and left.text == "云"
            and any(w.tag == "LOC" for w in words[i + 1 : i + 2])
        ):
            continue  # "云上遵义平台", "云上贵州": a place's cloud brand heads the name with 云上
        if _breaks(word, left, words[:i], quoted):
            start = word.end
        elif word.tag == "c" and i + 1 < len(words) and words[i + 1].tag == "LOC" and left is not None:
            start = (
                word.end
            )  # "海峡两岸直通光缆和福州国家级互联网骨干直联点": a place after 和 heads a second name
        elif word.text[:1] in "和与及" and left is not None and _FINISHED.search(left.text):
            start = word.start + 1  # LAC glued the conjunction to the next name (“底图”和云计算中心)
    return start


# One-character verbs that govern a phrase (获评, 建成, 有…): never pieces of a name.
_ONE_CHAR_VERBS = set("获评建设有是为在到入进用办推抓促引育强补延立让使给把被将要能会可")


def _fragment(word: Word, neighbours: list[Word]) -> bool:
    """Whether a one-character verb is a piece of a name LAC could not read, beside another piece.

    >>> s = "园区内海创云谷集聚软件企业"
    >>> [w.text for w in segment(s) if _fragment(w, [v for v in segment(s) if abs(v.start - w.start) == 1])]
    ['海', '创']
    """
    return (
        word.tag == "v"
        and len(word.text) == 1
        and word.text not in _ONE_CHAR_VERBS
        and any(
            len(n.text) == 1 and n.tag in ("v", "a") and n.text not in _ONE_CHAR_VERBS for n in neighbours
        )
    )


def _split_place(sentence: str, word: Word) -> bool:
    """Whether a one-character verb is the head of a division's two-character name LAC split.

    >>> s = "数据平台青岛子平台"
    >>> _split_place(s, Word("青", "v", 4, 5)), _split_place(s, Word("子", "v", 6, 7))
    (True, False)
    """
    return (
        word.tag == "v"
        and len(word.text) == 1
        and word.text not in _ONE_CHAR_VERBS
        and sentence[word.start : word.start + 2] in load_gazetteer().surface_forms()
    )


def counted(sentence: str, start: int, end: int, *, after_only: bool = False) -> bool:
    """Return whether the phrase at `start:end` is counted: a kind of thing, not a named one.

    With `after_only`, a count before it is an edition (举办12届…博览会), not a count of a kind.

    >>> s = "建成5G基站2.5万个,行业型和区域型工业互联网平台10个"
    >>> counted(s, s.index("行业型"), s.index("10个"))
    True
    >>> s = "打造正定数字经济产业园、鹿泉区国际数字经济产业园"
    >>> counted(s, 2, s.index("、"))
    False
    >>> s = "构建一套青禾景区智能化管理平台"
    >>> counted(s, s.index("青禾"), len(s))
    False
    """
    words = segment(sentence)
    before = [w for w in words if w.end <= start][-1:]
    if (
        not after_only
        and before
        and before[0].tag in ("m", "q")
        and _COUNT.search(before[0].text)
        # "构建一套广州塔景区智能化管理平台": one of a thing is an article before its name, not a count
        # of a kind (a kind's words alone are generic and dropped as such); in a quoted layout
        # (“一个城市运营中心、五大云工程”) or one the list goes on counting, it counts
        and not (
            re.fullmatch(r"一[个套座家所处张条]", before[0].text)
            and sentence[before[0].start - 1 : before[0].start] != "“"
            and not re.match(r"[、,，]\s*[一二三四五六七八九十两百\d]", sentence[end:])
        )
    ):
        return True
    after = re.match(
        r"\s*(?:\d[\d.]*|[一二三四五六七八九十两百千]+)\s*[万亿]?\s*[个家座所项条张类处次场]", sentence[end:]
    )
    return after is not None


def _breaks(word: Word, left: Word | None, before: list[Word], quoted: set[int]) -> bool:
    """Whether a name cannot reach back over `word` (so it starts after it)."""
    if word.tag == "w":
        return not set(word.text) <= _NAME_MARKS
    if word.tag == "u":
        return word.text != "之"
    if word.tag == "f" and re.fullmatch(r"[东南西北中][东南西北]?部", word.text):
        return False  # 西部(重庆)科学城, 东部新城: a region word heads the name
    if word.tag == "f" and re.fullmatch(r"[东西][南北]", word.text) and (left is None or left.tag == "w"):
        return False  # ",东南大数据产业园坐拥…": a compass word opening a clause heads the name it starts
    if word.text in ("当地", "本地", "该地"):
        return True  # "在马尾,当地物联网产业基地": the place already named, no word of the name
    if word.tag in _BREAKS and not (word.tag == "p" and word.text == "与"):
        return True  # LAC reads 与 as a preposition too (超级计算与人工智能…研究院): a conjunction below
    if word.tag == "TIME":
        # 目前平台 vs 2025年中央城市工作会议, 24小时自助…; an era word LAC reads as a time heads a name's
        # words like an adjective (重庆现代农业柑橘产业园, 未来社区)
        # (and a season names an event's edition: 2020中国南京金秋经贸洽谈会, 春季招聘会)
        return not re.search(r"\d", word.text) and word.text not in (
            "现代", "当代", "近代", "未来", "金秋", "新春", "春季", "夏季", "秋季", "冬季"
        )  # fmt: skip
    if word.tag == "m":
        return bool(_COUNT.search(word.text))
    if word.tag in ("c", "p"):
        # A conjunction after a finished name joins two names; inside one it joins its words
        # (特色工艺及封装测试创新中心).
        return left is None or left.tag in ("LOC", "ORG") or bool(_FINISHED.search(left.text))
    if word.tag == "v":
        return _governs(left, before, quoted)
    return False


# Adverbs of how or when a subject acts (正式启用, 率先建成): they lead a governing verb.
_LEAD_ADVERBS = {
    "正式", "成功", "全面", "率先", "先后", "陆续", "相继", "已", "已经", "均", "逐步", "进一步",
    "积极", "大力", "着力", "深入", "不断", "持续", "加快", "全力", "稳步", "有序", "顺利", "首次",
}  # fmt: skip


def _governs(left: Word | None, before: list[Word], quoted: set[int]) -> bool:
    """Whether a verb whose left neighbour is `left` governs what follows rather than sits in a name."""
    if left is None or left.start in quoted:
        return left is None
    if (
        left.tag in _SUBJECTS
        or left.tag in ("v", "p", "c", "u", "w", "f", "q")
        or _FINISHED.search(left.text)
    ):
        return True  # a subject or a finished name acts (区数据资源管理局完成…平台)
    if left.tag in ("d", "ad"):
        if left.text in _LEAD_ADVERBS:
            return True  # 青禾市正式启用…: how a subject acts, never a word of a name
        # Adverbs right after a clause break lead a verb (成功承接); after a name they may be
        # part of it (梅山港区自动驾驶, 国家超级计算).
        rest = [w for w in before if w.tag not in ("d", "ad")]
        return not rest or rest[-1].tag in ("w", "p", "c", "u", "v", "r", "TIME")
    return (left.tag not in _NOUNISH and left.tag != "m") or left.text in _CHANNELS


def _quoted_positions(sentence: str, lo: int, hi: int) -> set[int]:
    """Return the positions inside “…” between `lo` and `hi`: words there never break a name."""
    inside: set[int] = set()
    for m in re.finditer(r"“[^“”]*”|‘[^‘’]*’|「[^「」]*」", sentence[lo:hi]):
        inside.update(range(lo + m.start() + 1, lo + m.end() - 1))
    return inside


# A body acts or has staff (…中心负责人说, 由市城运中心牵头); a built thing is built or used.
_BODY_AFTER = re.compile(
    r"^(?:主要|相关|的)?(?:负责人|工作人员|主任|副主任|党组|党委|牵头|负责|会同|联合|印发|发布|召开|获悉|了解到)"
)
_BODY_BEFORE = re.compile(r"(?:组建|成立|设立|挂牌成立)$")


def acts_as_body(sentence: str, start: int, end: int) -> bool:
    """Return whether the name at `start:end` is used as an organisation rather than a built thing.

    >>> s = "市城市运行管理中心负责人说"
    >>> acts_as_body(s, 0, s.index("负责人"))
    True
    >>> s = "以城市运行管理中心建设为抓手"
    >>> acts_as_body(s, 1, s.index("建设"))
    False
    >>> s = "会议由市政务服务中心、市数据局参加"
    >>> acts_as_body(s, 3, s.index("、"))
    True
    >>> s = "会同市自然资源规划局、市城市运行管理中心办理"
    >>> acts_as_body(s, s.index("市城市"), s.index("办理"))
    True
    """
    return bool(
        _BODY_AFTER.match(sentence[end:])
        or _BODY_BEFORE.search(sentence[max(0, start - 4) : start])
        or _LISTED_BODY_BEFORE.search(sentence[max(0, start - 24) : start])
        or _LISTED_BODY_AFTER.match(sentence[end:])
        or _ATTENDING.match(sentence[end:])
    )


# After 在 and a centre, what makes it the place where something happens: a floor, its inside, a
# hall in it, or the clause going on (在…政务服务中心,市民…办理); 在…中心的指导下 is a body's.
_IN_VENUE = re.compile(r"(?:[,，]|\d+楼|[一二三四五六七八九十]+楼|内|里|大厅|窗口|现场)")
# A centre that holds floors or a hall is a building (what it has taken in, 进驻事项300项, is the body's).
_VENUE_AFTER = re.compile(r"\d+楼|[一二三四五六七八九十]+楼|[^,，。;；等、]{0,12}?(?:办事|服务|政务)大厅")


def used_as_venue(sentence: str, start: int, end: int) -> bool:
    """Return whether the centre named at `start:end` is a place people go to, a building.

    >>> s = "在汾阳市政务服务中心8楼,行政审批服务管理局通过前台综合受理"
    >>> used_as_venue(s, 1, s.index("8楼")), used_as_venue("与会人员参观梨园屯镇政务服务中心", 6, 16)
    (True, True)
    >>> s = "在市政务服务中心的指导下"
    >>> used_as_venue(s, 1, s.index("的"))
    False
    """
    return bool(
        re.search(r"(?:参观|走进|来到|步入)$", sentence[:start])
        or (sentence[start - 1 : start] == "在" and _IN_VENUE.match(sentence[end:]))
        or _VENUE_AFTER.match(sentence[end:])
    )


# "会同市住房城乡建设局、市自然资源规划局、市城市运行管理中心办理": a name listed with bureaus is one too.
_LISTED_BODY_BEFORE = re.compile(
    r"(?:[市区县省]|[\u4e00-\u9fff]{2,}[市区县省])[\u4e00-\u9fff]{1,12}(?:局|委|厅|办)、$"
)
_LISTED_BODY_AFTER = re.compile(
    r"^、(?:[市区县省]|[\u4e00-\u9fff]{2,}[市区县省])[\u4e00-\u9fff]{1,12}(?:局|委|厅|办)(?=[、，,。；;和及等]|$)"
)


# "…交易中心、陕西省政务服务中心…参加了会议": what attends a meeting, alone or in a list, is a body.
_ATTENDING = re.compile(r"^(?:、[^、,，。;；]{2,24})*(?:等[^,，。;；]{0,8})?(?:参加|出席|列席|参会)")


_COUNTED_LIST = re.compile(r"[一二三四五六七八九十两\d]+[个大项条][^，。“”()（）]{0,6}”?[(（][^)）]*$")


def in_counted_list(sentence: str, start: int) -> bool:
    """Return whether `start` lies in the bracket that spells out a count of roles or tasks.

    建设“五个中心”(全国经济中心、国家科技创新中心…) lists roles a city works towards, not built things.

    >>> s = "建设“五个中心”(全国经济中心、国家科技创新中心)"
    >>> in_counted_list(s, s.index("国家")), in_counted_list("建成国家科技创新中心", 2)
    (True, False)
    """
    return bool(_COUNTED_LIST.search(sentence[max(0, start - 60) : start]))


def whole_proper_word(sentence: str, start: int) -> int:
    """Return `start` moved back to the start of a company or brand name it falls inside (LAC words).

    Function characters inside a proper name (华为, 为 as in 成为) do not end the words before a name.

    >>> s = "签约落地华为鲲鹏生态创新中心"
    >>> s[whole_proper_word(s, s.index("为")):]
    '华为鲲鹏生态创新中心'
    >>> s = "建设超聚变服务器、并行科技算力基地"
    >>> s[whole_proper_word(s, s.index("行")):]
    '并行科技算力基地'
    """
    for w in segment(sentence):
        if w.start < start < w.end and (w.tag in ("ORG", "nz") or start - w.start == 1):
            # A function character LAC reads as the head of a longer word (并 of 并行科技) is no connector.
            return w.start
    return start


def noun_verb_start(sentence: str, position: int) -> int | None:
    """Return where the noun before a verbal noun ending at `position` starts, if one does.

    A word list takes 发布, 接入, 利用 for governing verbs; LAC reads them as verbal nouns after a
    noun (信息发布平台, 开发利用平台), where they are words of the name.

    >>> s = "建成青禾政务信息发布平台"
    >>> s[noun_verb_start(s, s.index("平台")):]
    '信息发布平台'
    >>> noun_verb_start("依托青禾平台", 2) is None
    True
    >>> s = "青禾市对接上海科创走廊"
    >>> noun_verb_start(s, s.index("上海")) is None
    True
    """
    words = segment(sentence)
    for i, w in enumerate(words):
        if w.end == position and w.tag == "vn" and i > 0:
            left = words[i - 1]
            # After a place or a body (嘉兴市对接…) the verb is the subject's, whatever LAC calls it.
            if left.end == w.start and left.tag in ("n", "nz", "vn"):
                return left.start
    return None


def verb_ends(sentence: str, position: int) -> bool:
    """Whether a word LAC reads as a verb ends at `position` (搭建 of 搭建通导遥…平台).

    >>> verb_ends("搭建通导遥一体化时空大数据平台", 2)
    True
    """
    return any(w.end == position and w.tag == "v" for w in segment(sentence))


def one_verb(sentence: str, start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is exactly one word LAC reads as a verb.

    >>> one_verb("、并行科技算力基地", 1, 3)
    True
    """
    return any(w.start == start and w.end == end and w.tag == "v" for w in segment(sentence))


def whole_place(sentence: str, start: int) -> int:
    """Return `start` moved back to the start of a division's name it cuts (和林格尔 opens with 和).

    >>> s = "启动建设算力网络节点和林格尔数据中心"
    >>> s[whole_place(s, s.index("林")):]
    '和林格尔数据中心'
    """
    for back in (1, 2):
        head = sentence[max(0, start - back) : start + 4]
        if start - back >= 0 and any(head.startswith(p) for p in _place_heads().get(head[0], ())):
            return start - back
    return start


def place_before(sentence: str, first: int, start: int) -> int:
    """Return `start` moved back over a division's name right before it that LAC read as a verb.

    >>> s = "思明数字经济产业园新增入驻企业86家"
    >>> s[place_before(s, 0, 2):9]
    '思明数字经济产业园'
    """
    places = load_gazetteer().surface_forms()
    for back in (4, 3, 2):
        if start - back >= first and sentence[start - back : start] in places:
            words = [w for w in segment(sentence) if w.start == start - back]
            if words and words[0].tag == "v":
                return start - back
    return start


@functools.cache
def _place_heads() -> dict[str, tuple[str, ...]]:
    """Return divisions' names of three characters or more, by their first character."""
    heads: dict[str, list[str]] = {}
    for name in load_gazetteer().surface_forms():
        if len(name) >= 3:
            heads.setdefault(name[0], []).append(name)
    return {k: tuple(v) for k, v in heads.items()}


def inside_word(sentence: str, position: int) -> bool:
    """Whether `position` falls inside a LAC word rather than between two."""
    return not any(w.end == position for w in segment(sentence))


@functools.cache
def _full_place_names() -> tuple[str, ...]:
    """Return divisions' full names, longest first: only they chain (山东省德州市陵城区), not 宁波舟山港."""
    places = load_gazetteer().surface_forms()
    return tuple(sorted((p for p in places if any(d.name == p for d in places[p])), key=len, reverse=True))


@functools.cache
def _full_place_names_from(first: str) -> tuple[str, ...]:
    """Return divisions' full names that start with `first`, longest first (a look-up by head)."""
    return tuple(p for p in _full_place_names() if p.startswith(first))


def outer_places(name: str) -> int:
    """Return the length of the places that only locate a name: all but the last of a chain at its head.

    >>> outer_places("山东省德州市陵城区经济开发区"), outer_places("德州市数字产业研究院")
    (6, 0)
    """
    heads: list[int] = []
    rest = name
    while head := next((p for p in _full_place_names_from(rest[:1]) if rest.startswith(p)), None):
        heads.append(len(head))
        rest = rest[len(head) :]
    return sum(heads[:-1]) if len(heads) >= 2 else 0
