"""Designations a place holds or works towards: 信息消费试点城市, 公园城市示范区, 全国数字经济发展高地.

SCHEMA.md (Programmes and projects): a designation a place holds or works towards is a programme
(中国软件名城, 千兆城市, 国家数字乡村试点, 公园城市示范区). They are written as a noun phrase that
ends in a designation word (示范区, 先行区, 试点城市, 名城, 之城, 高地, 枢纽节点 …) and is governed by a
verb of being named or of building towards a status (建设, 打造, 建成, 创建, 列入, 获批, 入选, 成为,
锚定), often several in one list ("建设A、B和C"). Candidates are every such phrase; each is kept or
dropped from its context: the verb before it, quotes, or a figure after it (试点平台8个 is a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.words import Word, segment

# Words a designation ends in. Bare 城市 and 高地 need a marker (below): 超大城市 and 高地 alone are
# descriptions, not titles.
_SUFFIX = re.compile(
    r"(?:示范区|先行区|试点区|试验区|实验区|先导区|引领区|样板区|聚集区|集聚区|支撑区|承载区|示范地区|试点地区|示范市|示范县|示范旗|先进旗|试点旗|质量安全县|质量安全市|"
    r"先行市|先行县|先进县|先进市|先进区|典型县|典型市|典型区|标杆县|标杆市|标杆区|样板县|样板市|示范镇|示范乡镇|示范城区|典范城区|样板城区|先锋城区|先行城区|标杆城区|试点县|试点市|试点省|示范省|试验县|试验市|重点县|名县|(?:优秀|突出)[县市区]|模范县|模范市|模范区|名城|之城|之都|策源地|集聚地|聚集地|承载地|首选地|举办地|服务地|强市|强省|强区|强县|第一区|第一城|省份|高地|经济特区|增长极|枢纽节点|城市|大都市|新城|试点|"
    r"核心区|百强县|百强镇|百强区|示范基地|园区|示范(?=名单)|数字化标杆(?!区)|转型标杆(?!区)|示范标杆)"
)
# Suffixes that name a place on the map as often as a title: a title only when granted (获评省级数字经济园区,
# 获评国家级电子商务示范基地), a park project when built (SCHEMA.md: parks and bases are projects).
_GRANTED_ONLY = {"示范基地", "园区"}
# Verbs by which a body grants a place a title (入选…试点, 被确定为…示范区); the one list the readers of
# granted titles here and in extract.py build on.
GRANT_VERBS = "确定为|列入|列为|入选|入围|获批|获评|评为|认定为|命名为"
# Verbs that make a place a pilot (成为…试点城市, 入选…试点).
# ("获批建设国家智慧城市": what the grant lets the place do, 建设, is part of the granting verb, not the title)
_GRANTS = re.compile(rf"成为|获批(?:建设|创建)|{GRANT_VERBS}")
# A clause ending in one of these grants the title after it (获评…, 授予…); 列为 and 确定为 rank as often
# as they grant (被列为数字经济二线城市).
_GRANTED = re.compile(
    r"(?:获评|获批(?:建设|创建)?|评为|列入|入选|入围|上榜|认定为|命名为|授予|荣获|当选|成功创建)$"
)
# 城市 is a title only after one of these (信息消费试点城市, 数智先锋城市, 国家中心城市, 5G商用城市).
_CITY_MARK = re.compile(
    r"(?:示范|试点|先行|标杆|领先|先锋|领军|中心|核心|商用|样板|典范|创新型|千兆|韧性|海绵|无废|公园|文明|百强|枢纽|节点|承载|"
    r"卫生|园林|森林|[一二三四五]星级新型智慧|历史文化|国际化|光网)$"
)
# 高地 and 试点 are titles when a scope names who grants them (全国数字经济发展高地, 国家首批智慧城市试点).
_SCOPED = re.compile(
    r"^(?:全国|全省|国家|中国|省级|国家级|世界|国际|全球|首批|京津冀|长三角|粤港澳|中部|西部|东北)|新高地$"
)
# Verbs that name a place's status or the status it builds towards (SCHEMA.md: "designations a place
# holds or works towards"); 作为 and 锚定 state a standing one ("作为国家中心城市").
_GOVERNS = re.compile(
    r"(?:建设|建成|建好|打造|创建|创成|争创|争当|紧扣|瞄准|列入|列为|纳入|获批|获评|评为|入选|入围|上榜|当选|荣膺|斩获|摘得|成为|跻身|锚定|培育|确定为|确定作为|"
    r"认定为|命名为|授予|荣获|迈向|作为|开展|获得|争取|申报|申请)(?:为|成|到)?了?$"
)
# Verbs that publish a list of a title's holders (公布…试点名单).
_PUBLISHED = re.compile(r"公布|公示|发布|印发|下发|确定")
# A verb that opens a quoted goal (“打造…新高地”) and is no part of the title.
_LEADING_VERB = re.compile(r"(?:建设|建成|打造|创建|争创|争当|迈向|成为)(?=[\u4e00-\u9fff]{4})")
# A verb LAC leaves inside an unquoted name ("启动试验区建设工作"): it pushes the work, names no title.
_PUSHING_VERB = re.compile(r"(?:启动|推进|推动|开展|加快|深化)(?=[\u4e00-\u9fff]{3})")
# After the name, these keep it a title ("千兆城市"行列, 试点县创建, 之一, 入选…试点市后).
_AFTER_OK = re.compile(
    r"^(?:建设|名单|工作|“|后(?![期续端台])|终期评估|中期评估|评估|验收|复核|复查|考核|认定|评审|(?:顺利|成功|高分)?通过|创建|称号|提供|行列|之一|总体定位|定位|目标|以来|的|作为|打造|建成|等(?![\d一二三四五六七八九十两]+[余多]?[项个])|[、,，。;；和及与]|$|”|\)|"
    r"[\d一二三四五六七八九十]+[个块](?=[\u4e00-\u9fff])|[(（])"
)
# Words before a title that say how rare it is or who granted it in which batch, not what it is
# (全省唯一, 全域, 全国首个, 第二批, 住房城乡建设部首批): SCHEMA.md's gold keeps the designation itself.
_LEAD = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,12}?(?:部|委|局|办|厅))?(?:全省|全市|全国|国内|省内|我省|我市|本省|本市)?"
    r"(?:唯一(?:的)?|首批|第[一二三四五六七八九十\d]+批|首个|第一个)(?:的)?|^全域(?!旅游)"
)
# Words a designation never starts with (a walk left stops before them).
_STOP_TAGS = {"v", "p", "c", "u", "d", "r", "w", "xc", "TIME", "PER", "vd", "ad", "t"}
_LIST_GLUE = re.compile(r"(?:、|和|及|与|以及|或)$")
# A count inside a title is not part of its name ("全国首批50个5G商用城市").
_COUNT = re.compile(r"\d+个|[一二三四五六七八九十]+个(?!一)")
# Numerals that belong to a title: a batch, a star rating, a count of peers (首批, 四星级, 三大).
_RANK = re.compile(r"首批|首个|第一个|第[一二三四五六七八九十\d]+批|星级|\d+个|[一二三四五六七八九十]+[个大]")
# "全市建设…": a scope before 建设 makes it the governing verb, not a word inside the title.
_SCOPE_WORDS = {"全市", "全区", "全县", "全省"}
# A development zone or a place-name 新城 is a park, not a title (SCHEMA.md: 新区/高新区 are park projects).
# A province or city granting a batch (河北省第一批…试点, 我省首批…试点) scopes the title as 全省 does.
_BATCH_OF = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市)(?:首批|第[一二三四五六七八九十\d]+批)")
_NOT_TITLE = re.compile(
    r"(?:新区|高新区|开发区|自由贸易试验区|自贸试验区|保税区|产业园区|工业园区|(?<!示范|典范|样板|先锋|先行|标杆)城区|市区|主城区|城市群|大城市|超大城市|特大城市|新型城市)$"
)


def ends_as_title(name: str) -> bool:
    """Whether a name ends in a designation word (信息消费示范城市, 数字乡村试点).

    >>> ends_as_title("信息消费示范城市"), ends_as_title("一网通办")
    (True, False)
    """
    return bool(re.search(f"(?:{_SUFFIX.pattern})$", name))


@dataclass(frozen=True)
class Designation:
    """A title a place holds or builds towards, at `start:end` of a sentence."""

    name: str
    start: int
    end: int
    aliases: tuple[str, ...] = ()


def find_designations(sentence: str) -> list[Designation]:
    """Return the designations a sentence names as a place's status or goal.

    >>> [d.name for d in find_designations("就是建设京津冀数字产业化新高地、全国产业数字化转型示范区、国家数字化治理试验区。")]
    ['京津冀数字产业化新高地', '全国产业数字化转型示范区', '国家数字化治理试验区']
    >>> [d.name for d in find_designations("成功入选首批国家陆港型物流枢纽城市")]
    ['国家陆港型物流枢纽城市']
    >>> [d.name for d in find_designations("锚定打造中国AI算力高地、数字经济产业聚集地的宏伟目标")]
    ['中国AI算力高地', '数字经济产业聚集地']
    >>> [d.name for d in find_designations("株洲先后被列入国家首批智慧城市试点、国家下一代互联网示范城市和信息消费试点城市。")]
    ['国家首批智慧城市试点', '国家下一代互联网示范城市', '信息消费试点城市']
    >>> [d.name for d in find_designations("成功入选全国首批50个5G商用城市,加快建设践行新发展理念的公园城市示范区")]
    ['5G商用城市', '公园城市示范区']
    >>> [d.name for d in find_designations("无锡入选住房城乡建设部首批城市基础设施生命线安全工程试点城市")]
    ['城市基础设施生命线安全工程试点城市']
    >>> [d.name for d in find_designations("我区是全省数字经济示范区,深圳是一座创新城市")]
    ['全省数字经济示范区']
    >>> [d.name for d in find_designations("努力打造具有全球影响力的城市治理数字化标杆。")]
    ['城市治理数字化标杆']
    >>> [d.name for d in find_designations("为全面建设现代化典范城区和数字化典范城区提供支撑")]
    ['现代化典范城区', '数字化典范城区']
    >>> [(d.name, d.aliases) for d in find_designations("某县入选国家数字乡村试点地区")]
    [('国家数字乡村试点', ('国家数字乡村试点地区', '数字乡村试点'))]
    >>> find_designations("作为超大城市,推进城市群建设,创建省级试点平台8个")
    []
    >>> [d.name for d in find_designations("成为国家级“信创”试点城市,入围全国首批城市更新试点城市名单")]
    ['国家级信创试点城市', '城市更新试点城市']
    >>> [d.name for d in find_designations("被列为全省数字化改革试点县,顺利通过国家生态文明建设示范区复核")]
    ['全省数字化改革试点县', '国家生态文明建设示范区']
    >>> [d.name for d in find_designations("研究部署推进“5G+光网”双千兆示范城市建设")]
    ['5G+光网双千兆示范城市']
    >>> [d.name for d in find_designations("打造产业数字化转型示范区、数字经济高质量发展新高地")]
    ['产业数字化转型示范区', '数字经济高质量发展新高地']
    >>> [d.name for d in find_designations("紧扣“四化”同步集成改革示范区和长三角先进制造业基地目标")]
    ['四化同步集成改革示范区']
    >>> [d.name for d in find_designations("为台州争创社会主义现代化先行市注入强劲数字动能")]
    ['社会主义现代化先行市']
    >>> [d.name for d in find_designations("我市获评2023年度数字政府创新城市。")]
    ['数字政府创新城市']
    >>> [d.name for d in find_designations("各项工作,社会主义现代化可持续发展先锋城区建设迈出新步伐")]
    ['社会主义现代化可持续发展先锋城区']
    >>> [d.name for d in find_designations("获得全国中小城市“智慧城市”建设试点示范城市、智慧城市领军城市等称号")]
    ['全国中小城市智慧城市建设试点示范城市', '智慧城市领军城市']
    >>> [d.name for d in find_designations("到2025年基本建成掌上办事之城,成功争取到了省级营商环境创新试点区")]
    ['掌上办事之城', '省级营商环境创新试点区']
    >>> [d.name for d in find_designations("入选商务部全国供应链创新与应用试点城市,以物联感知示范城市建设为牵引")]
    ['全国供应链创新与应用试点城市', '物联感知示范城市']
    >>> [d.name for d in find_designations("打造数字经济产业聚集地和人工智能应用示范基地")]
    ['数字经济产业聚集地', '人工智能应用示范基地']
    >>> find_designations("作为全市首个“智网”工程试点区")  # where a city's programme is tried first: no title
    []
    >>> [d.name for d in find_designations("着力推进国家数字经济创新发展试验区、软件名城等国家级平台建设")]
    ['国家数字经济创新发展试验区', '软件名城']
    """
    words = _compounds_joined(segment(sentence))
    if not words:
        return []
    ends = {w.end: i for i, w in enumerate(words)}
    found: list[Designation] = []
    for m in _suffixes(sentence, words, ends):
        start, end = _span(sentence, words, ends, m)
        if start is None:
            continue
        quoted = sentence[start - 1 : start] == "“"
        name = sentence[start:end].replace("“", "").replace("”", "")
        # "我省首批…试点": the level word left of 我省 says who grants the batch, no part of the title
        if not quoted and re.match(r"[省市](?:首批|第[一二三四五六七八九十\d]+批)", name):
            start, name = start + 1, name[1:]
        verb = _LEADING_VERB.match(name) if quoted else _PUSHING_VERB.match(name)
        if verb:  # "以“打造数字经济新高地”为目标": the goal quoted with its verb; the title follows the verb
            start, name = start + verb.end(), name[verb.end() :]
        # A verb of being granted makes any 城市 a title ("获评…数字政府建设优秀城市").
        granted = m.group(0) in ("城市", "试点") and _granted(sentence, start)
        # "9家单位入选年度数字城市建设…名单": a title of counted grantees, not of the place
        granted = granted and not re.search(
            r"[\d一二三四五六七八九十两]+[个家所项名位款]", re.split(r"[,，。;；]", sentence[:start])[-1]
        )
        if not _is_title(name, m.group(0), quoted=quoted or granted) or _figure_follows(sentence, end):
            continue
        # "打造…高地、…聚集地和人工智能应用示范基地": a base listed among titles is one of them
        among_titles = (
            m.group(0) == "示范基地"
            and bool(found)
            and bool(_LIST_GLUE.fullmatch(sentence[found[-1].end : start]))
        )
        if m.group(0) in _GRANTED_ONLY and not _granted(sentence, start) and not among_titles:
            continue
        governed = bool(
            _governed(sentence, start, m.group(0))
            or re.match(r"”?(?:建设|创建)", sentence[end:])
            # "推进A、B、C等国家级平台建设": each title of a list its 等…建设 closes is built towards
            or _LIST_BUILT.match(sentence, end)
        )
        # A scoped pilot whose work or review the text reports (国家数字乡村试点终期评估, …试点工作) is held.
        governed = governed or bool(
            m.group(0) == "试点"
            and _SCOPED.search(unranked(name))
            and re.match(r"”?(?:工作|终期评估|中期评估|评估|验收)", sentence[end:])
        )
        # "国家电子商务进农村综合示范县通过评估": a scoped title whose review the place passed is held.
        governed = governed or bool(
            _SCOPED.search(unranked(name))
            and re.match(
                r"”?(?:顺利|成功|高分)?通过(?:国家|省级|省)?(?:评估|验收|复核|复查|考核)", sentence[end:]
            )
        )
        # "顺利通过国家生态文明建设示范区复核": a title whose review the place passed is held.
        governed = governed or bool(
            re.search(r"通过$", _clause_before(sentence, start))
            and re.match(r"”?(?:复核|验收|评估|复查|考核|认定|评审)", sentence[end:])
        )
        # "公布2021年省级数字乡村示范名单": a published list of holders names the title they hold.
        # "…试点名单发布": so does a list said to be published after it.
        governed = governed or (
            sentence.startswith("名单", end)
            and bool(
                _PUBLISHED.search(_clause_before(sentence, start))
                or re.match(r"名单(?:正式|日前|近日)?(?:公布|公示|发布|出炉|揭晓)", sentence[end:])
            )
        )
        if not (governed or (quoted and m.group(0) != "城市")) or _in_title(sentence, start):
            continue
        if _zone_of_a_park(sentence, start, m.group(0)):
            continue
        # "建设A典范城区和B典范城区提供…": the last item of a list ends where the sentence goes on.
        listed = bool(found) and bool(_LIST_GLUE.fullmatch(sentence[found[-1].end : start]))
        # "为台州争创社会主义现代化先行市注入动能": the verb right before it makes it that verb's object
        # even where the clause goes on with a verb of its own
        nxt = next((w for w in words if w.start == end), None)
        object_of = bool(re.search(_GOVERNS.pattern, sentence[:start]) and nxt is not None and nxt.tag == "v")
        if not _AFTER_OK.match(sentence[end:].lstrip("”")) and not listed and not object_of:
            continue
        if _COUNT.search(name) and "批" not in name:
            continue  # "布局建设8个国家算力枢纽节点": several things built, not a title held
        plain = unranked(_COUNT.sub("", name))
        # "国家数字乡村试点地区": 地区 says the holder is an area; the pilot is the title it holds.
        plain = plain.removesuffix("地区") if plain.endswith("试点地区") else plain
        # "各区县数字农业农村中心城市建设…": the divisions that each work at it are no part of the title
        plain = re.sub(r"^各?(?:县市区|县区|区县|市县区|市县)(?=[\u4e00-\u9fff]{4})", "", plain)
        # "打造数字产业化的发展引领区": a kind word after 的 describes the aim, it is no title's name.
        described = sentence[start - 1 : start] == "的" and len(plain) - len(m.group(0)) <= 2
        if plain == m.group(0) or described:
            continue  # "列入…对接首批试点": only the batch named it, no title is left once that goes
        # "国家智慧城市(区、镇)试点": the levels in brackets say who may hold it; the title goes on after them
        levels = _BRACKETED_LEVELS.match(sentence, end)
        if levels:
            name, plain, end = name + levels.group(0), plain + levels.group(0), levels.end()
        aliases = tuple(dict.fromkeys(a for a in (name, _unscoped(plain)) if a != plain))
        found.append(Designation(plain, start, end, aliases))
    return found


_BRACKETED_LEVELS = re.compile(r"[(（][省市区县镇乡村、]{1,8}[)）](?:试点|示范区|示范县|示范市|示范城市)")


def _suffixes(sentence: str, words: tuple[Word, ...], ends: dict[int, int]) -> list[re.Match[str]]:
    """Every designation word in the sentence; one found inside a longer word (新城 in 创新/城市) does
    not hide one that starts a character later (数字政府创新城市 ends in 城市)."""
    found, pos = [], 0
    while (m := _SUFFIX.search(sentence, pos)) is not None:
        found.append(m)
        inside = m.end() not in ends or _inside_word(words, m.start(), m.end())
        pos = m.start() + 1 if inside else m.end()
    return found


def _span(
    sentence: str, words: tuple[Word, ...], ends: dict[int, int], m: re.Match[str]
) -> tuple[int | None, int]:
    """Return where the candidate ending in suffix `m` starts: the whole quote when it is quoted
    (“算力之城”), else the noun phrase LAC finds before it; None when the suffix is inside a word."""
    end = m.end()
    if sentence[end : end + 1] == "”":
        opening = sentence.rfind("“", 0, m.start())
        if opening >= 0 and "”" not in sentence[opening : m.start()] and m.start() - opening <= 30:
            return opening + 1, end
        return None, end
    if end not in ends or _inside_word(words, m.start(), end):
        return None, end
    # The suffix's own words belong to the name whatever LAC tags them (之/u 城/n, 举办/v 地/u).
    first = next(i for i, w in enumerate(words) if w.end > m.start())
    left = _walk_left(words, first)
    built = sentence.startswith("建设", end)
    start = words[_to_governing_verb(words, left, first, built=built)].start
    if start == m.start() and re.fullmatch(r"强[市省区县]", m.group(0)):
        start = _strong_head(words, first)
    # "成为我省首批数据要素市场培育试点城市": a pilot granted by its verb runs back to that verb, over
    # the verbs of its own name (培育, 建设)
    granting = list(_GRANTS.finditer(sentence, max(0, start - 18), start))
    gap = sentence[granting[-1].end() : start] if granting else ""
    if (
        m.group(0) in ("试点", "城市")
        and re.fullmatch(r"[\u4e00-\u9fff]{2,16}", gap)
        and not re.search(r"等|和|与|及", gap)
    ):
        start = granting[-1].end()
    if sentence[start - 1 : start] == "”":  # “宽带中国”示范城市: the quote heads the title
        opening = sentence.rfind("“", 0, start - 1)
        if re.fullmatch(r"十[一二三四五六七八九]五", sentence[opening + 1 : start - 1]):
            return start, end  # “十四五”数字强市: a plan's period dates the goal, it does not head it
        if opening >= 0 and start - opening <= 20:
            # "全国中小城市“智慧城市”建设试点示范城市": nouns before the quote head the title too
            before = next((i for i, w in enumerate(words) if w.end == opening), None)
            if before is not None and _heads_title(words[before]):
                return words[_walk_left(words, before)].start, end
            return opening, end
    return start, end


def _strong_head(words: tuple[Word, ...], first: int) -> int:
    """Return where a "strong place" goal starts: its two-character field before 强市, however LAC
    tags it (制造/v 强市, 智/v 造/v 强/a 市/n), else the suffix's own start.

    >>> w = segment("推进数字盘锦、智造强市建设")
    >>> "推进数字盘锦、智造强市建设"[_strong_head(w, next(i for i, x in enumerate(w) if x.text == "强")) :]
    '智造强市建设'
    """
    at = words[first].start
    head = [w for w in words[:first] if w.start >= at - 2]
    if (
        head
        and head[0].start == at - 2
        and all(
            w.tag in ("n", "nz", "v", "vn", "a") and re.fullmatch(r"[\u4e00-\u9fff]+", w.text) for w in head
        )
    ):
        return at - 2
    return at


def _heads_title(word: Word) -> bool:
    """Whether a word before a quoted part of a title can begin it: a noun, not a verb or a joiner."""
    # (a scope, 全市“一次办妥”改革试点县, says who counts it, not what it is)
    # who grants it and in which batch are part of it (国家级“信创”试点城市, 全国首批“5G+…”应用试点)
    granted_by = word.text in ("国家级", "省级", "国家", "全国") or (
        word.tag == "m" and bool(_RANK.fullmatch(word.text))
    )
    return granted_by or (
        word.tag in ("n", "nz", "LOC", "ORG")
        and not _GOVERNS.fullmatch(word.text)
        and word.text not in _SCOPE_WORDS
    )


def _to_governing_verb(words: tuple[Word, ...], left: int, first: int, *, built: bool = False) -> int:
    """Return where a title starts when LAC tags a word inside it as a verb (打造数字/n 协同/vd 发展/v
    示范区): right after a governing verb a few words further left, if only content words lie between."""
    i = left
    while i > 0 and first - i < 8:
        prev = words[i - 1]
        # LAC may split the verb itself (获/评), or leave its complement apart (争取/到/了): the words
        # together govern the title.
        joined = words[i - 2].text + prev.text if i > 1 else ""
        joined3 = words[i - 3].text + joined if i > 2 else ""
        if prev.text in _PERIOD:
            return left
        if any(_GOVERNS.fullmatch(v) for v in (prev.text, joined, joined3) if v):
            return i
        # (a batch is part of the title too: 全国首批/m 城市更新试点城市)
        content = (
            prev.tag in ("n", "nz", "vn", "v", "vd", "a", "ad")
            or _era(prev)
            or prev.text == "中国"
            or (prev.tag == "m" and bool(_RANK.fullmatch(prev.text)))
        )
        if not content or prev.text == "的":  # 中国 heads a title (中国领军智慧城市)
            # "…,社会主义现代化可持续发展先锋城区建设迈出新步伐": a title whose 建设 is the clause's
            # subject runs from the clause's start, its verbs inside it
            subject = built and prev.text in (",", "，", "。", ";", "；", ":", "：")
            # "打造A集聚区、数字经济高质量发展新高地", "紧扣“四化”同步集成改革示范区": a list item or a
            # quoted head starts the title just as well, its inner verbs part of it
            # (an item of a list of titles: the item before the 、 ends in a designation word too)
            before_glue = "".join(w.text for w in words[max(0, i - 4) : i - 1])
            item = prev.text == "、" and i < left and bool(re.search(f"(?:{_SUFFIX.pattern})$", before_glue))
            nominal = words[i].tag in ("n", "nz", "LOC")  # a title starts with a noun, not a verb (明确)
            quoted = prev.text == "”" and i < left  # the quote heads it, whatever word follows
            return i if ((subject or item) and nominal) or quoted else left
        i -= 1
    return left


def _inside_word(words: tuple[Word, ...], start: int, end: int) -> bool:
    """Whether the suffix match starts inside a word that runs on past its own start (城市群 → 城市)."""
    return any(w.start < start < w.end and w.end > end for w in words)


# Domain compounds that government names keep whole though LAC splits them at a verb or at 和
# (国家可再生能源示范区, 国家级夜间文化和旅游消费集聚区, 工业和信息化部).
_COMPOUNDS = (
    "可再生能源",
    "文化和旅游",
    "工业和信息化",
    "经济和信息化",
    "住房和城乡建设",
    "人力资源和社会保障",
)


def _compounds_joined(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Return the words with each domain compound LAC split joined into one noun.

    >>> [w.text for w in _compounds_joined(segment("建设国家可再生能源示范区"))]
    ['建设', '国家', '可再生能源', '示范', '区']
    """
    out: list[Word] = []
    k = 0
    while k < len(words):
        for compound in _COMPOUNDS:
            j, text = k, ""
            while j < len(words) and len(text) < len(compound) and compound.startswith(text + words[j].text):
                text += words[j].text
                j += 1
            if text == compound and j - k > 1:
                out.append(Word(compound, "n", words[k].start, words[j - 1].end))
                k = j
                break
        else:
            out.append(words[k])
            k += 1
    return tuple(out)


# "“十四五”时期山东数字强省": the period a goal is pursued in is no part of it.
_PERIOD = ("时期", "期间")


def _walk_left(words: tuple[Word, ...], last: int) -> int:
    """Return the index of the first word of the noun phrase ending at words[last]."""
    i = last
    while i > 0:
        prev = words[i - 1]
        if _GOVERNS.fullmatch(prev.text) and not _inner_verb(words, i - 1):
            break
        # "掌上办事之城", "创新之都": what the city is known for comes before 之, verb or not
        if i == last and words[last].text == "之" and prev.tag in ("v", "vn", "a", "an"):
            i -= 1
            continue
        # "供应链创新与应用试点城市": 与 between two actions the title is for joins them inside it
        if (
            prev.text == "与"
            and i >= 2
            and words[i].tag == "vn"
            and words[i - 2].tag == "vn"
            and len(words[i].text) == len(words[i - 2].text) == 2
        ):
            i -= 2
            continue
        # LAC may split a marker of a title into a verb and a noun (领/v 军/n 城市): it stays one word.
        split_mark = bool(_CITY_MARK.fullmatch(prev.text + words[i].text))
        if (
            prev.tag in _STOP_TAGS
            and not _inner_verb(words, i - 1)
            and not _era(prev)
            and prev.text not in ("永久", "长期")
            and not split_mark
        ):
            break  # 永久/长期 say how a title is held (世界互联网大会永久举办地), inside its name
        # 双 never counts things: it makes a compound with the noun after it (双千兆示范城市)
        if prev.tag == "m" and not _RANK.search(prev.text) and prev.text != "双":
            break
        if prev.text in _PERIOD:
            break
        if prev.tag == "LOC" and re.search(r"[省市县区州]$", prev.text):
            # "江苏省三大算力支撑区": a division heads the title; nothing before it belongs to it.
            return i - 1
        i -= 1
    return i


def _era(word: Word) -> bool:
    """Whether a word LAC tags as time names an era, not a date: 现代 in 国家现代能源经济示范区 is part
    of the title, unlike 2025年 or 今年 before it.

    >>> [_era(w) for w in segment("建设国家现代能源经济示范区") if w.tag == "TIME"]
    [True]
    >>> _era(Word("2025年", "TIME", 0, 5)), _era(Word("今年", "TIME", 0, 2))
    (False, False)
    """
    return word.tag == "TIME" and not re.search(r"[\d年月日号季期初末底前后时今明去昨]", word.text)


# Verbs that push work along: between a noun and a title they act on it (政府推进示范区建设).
_ACTION = re.compile(
    r"推进|推动|加快|实施|开展|启动|完成|加强|深化|促进|支持|引导|组织|落实|提升|打造|建设|创建|申报|争创|入选|获批|成为|参加|参与|召开|举办|出台|印发"
)


def _inner_verb(words: tuple[Word, ...], index: int) -> bool:
    """A verb between nouns is part of the title (全国构建新发展格局先行区, 基础设施建设示范区,
    IPv6融合应用全国试点), not the verb that governs it."""
    word = words[index]
    if word.tag not in ("v", "vn") or index == 0:
        return False
    before = words[index - 1]
    if _GOVERNS.fullmatch(word.text):
        # "“智慧城市”建设试点示范城市": the quoted field and its 建设 say what the title is for
        quoted_field = word.text == "建设" and before.text == "”"
        return quoted_field or (
            word.tag == "vn" and before.tag in {"n", "nz", "nw", "LOC"} and before.text not in _SCOPE_WORDS
        )
    # "物联/n 感知/v 示范/vn 城市": a verb between a noun and the action the title is for is a word of
    # its field (LAC tags it as the verb it also is)
    after = words[index + 1] if index + 1 < len(words) else None
    fielded = (
        word.tag == "v"
        and before.tag in ("n", "nz")
        and after is not None
        and after.tag == "vn"
        and len(word.text) == 2
        and not _ACTION.fullmatch(word.text)
    )
    return (
        fielded
        or before.tag == "vn"
        or (word.text in ("进", "入", "上") and before.tag in ("n", "nz"))  # 电子商务进农村, 信息进村入户
        or before.text in ("全国", "国家", "全省")
        or bool(re.fullmatch(r"[A-Za-z0-9]+", before.text))
    )


def _is_title(name: str, suffix: str, *, quoted: bool = False) -> bool:
    """Whether a phrase ending in `suffix` reads as a title rather than a description."""
    body = name[: -len(suffix)]
    # A scope alone ("入选国家试点") says who grants a title, not which one.
    scope_only = re.fullmatch(r"(?:全国|全省|国家级?|省级|市级|中国|首批)+", body)
    if len(body) < 2 or scope_only or _NOT_TITLE.search(name) or re.match(r"[这该此各其]", name):
        return False
    if suffix == "城市":
        # "建设一批…示范项目和示范城市": a marker of rank alone names no title (千兆城市, 韧性城市 do)
        if re.fullmatch(r"示范|试点|先行|标杆|领先|先锋|领军|中心|核心|样板|典范", body):
            return False
        return bool(_CITY_MARK.search(body)) or (quoted and len(body) >= 4)
    if suffix == "新城":  # unquoted, a 新城 is a district on the map (广陵新城), i.e. a park project
        return quoted
    if suffix == "省份":  # "“无证明省份”" is a title a province works towards; 省份 alone counts provinces
        return quoted and len(body) >= 3
    # (a 试点区 as much: "全市首个“榕城智网”工程试点区" is where a city's programme is tried first)
    # (and a 增长极 as much as a 高地: "打造全省数字产业新兴增长极" is a title, "新的增长极" is not)
    if suffix in (
        "高地",
        "增长极",
        "试点",
        "试点区",
    ):  # the scope may follow the batch (第二批省级数字乡村试点)
        return bool(_SCOPED.search(name) or _SCOPED.search(unranked(name)) or _BATCH_OF.match(name)) or (
            suffix == "试点" and "国家" in name
        )
    return True


def _zone_of_a_park(sentence: str, start: int, suffix: str) -> bool:
    """Whether a zone title is the role a park plays, not a title of the place: "以济南高新区为核心,
    打造…核心区与…集聚区", "依托经开区建设…示范区" (SCHEMA.md: parks are projects of their own).

    >>> s = "以某某高新区为核心,打造数据要素改革核心区"
    >>> _zone_of_a_park(s, s.index("数据"), "核心区"), _zone_of_a_park("打造数据要素改革核心区", 2, "核心区")
    (True, False)
    """
    if not suffix.endswith(("区", "地")):
        return False
    before = sentence[max(0, start - 40) : start]
    carrier = re.search(
        r"(?:以|依托)[^,，。;；]{0,16}?(?:高新区|开发区|经开区|园区|新区|产业园|基地)", before
    )
    return bool(carrier and not re.search(r"[。;；]", before[carrier.end() :]))


def _clause_before(sentence: str, start: int) -> str:
    """The words of the clause before `start`.

    >>> _clause_before("日前,省厅公布2021年省级示范名单", 12)
    '省厅公布2021年'
    """
    return re.split(r"[,，。;；]", sentence[:start])[-1]


def _in_title(sentence: str, start: int) -> bool:
    """Whether `start` lies inside a cited 《title》: the plan names the goal, the place is its issuer."""
    return sentence.rfind("《", 0, start) > sentence.rfind("》", 0, start)


def _figure_follows(sentence: str, end: int) -> bool:
    """A figure right after the name makes it a count of things (试点平台8个), not a title."""
    return bool(
        re.match(r"”?\s*[\d一二三四五六七八九十两]+[个家项所座](?:$|[,，。;；、)）])", sentence[end:])
    )


# The years a title was granted for, between the verb and the title: 2023年度, 2016—2020年度和2021—2025年度.
_DATED = r"(?:(?:\d{4}(?:\s*[—\-–~至]\s*\d{4})?(?:年度?)?|年度)(?:和|与|、)?)+"


def _governed(sentence: str, start: int, suffix: str) -> bool:
    """Whether a designation verb governs the phrase starting at `start`: right before it, before a
    modifier ending in 的 (建设践行新发展理念的公园城市示范区), or at the head of its list."""
    clause = re.split(r"[,，。;；:：!！?？]", sentence[:start])[-1].rstrip("“")
    clause = re.sub(
        rf"(?:{_DATED}|第[一二三四五六七八九十\d]+批)$", "", clause
    )  # 入选2023年度国家…试验区, 连续获评2016—2020年度和2021—2025年度…
    clause = re.sub(r"(?:全市|全区|全县|全省)$", "", clause)  # 作为全市“一次办妥”改革试点县
    # 获批全国首批“…”应用试点, 成为国家级“信创”试点城市: who grants it and the batch come between
    scoped = clause
    # (or how many hold it: "江夏区是全省四家…试点地区之一")
    clause = re.sub(
        r"(?:全国|全省|国家级|国家|省级)?(?:[两三四五六七八九十\d]+[家个])?(?:首批|第[一二三四五六七八九十\d]+批)?$",
        "",
        clause,
    )
    # "我市是全国首批双千兆城市": a place that is what a scope grants holds the title (a bare 是, as
    # in "深圳是一座创新城市", describes)
    if re.search(r"(?:[市县区省旗州]|我市|我区|我县|我省)(?:也|还|已|现)?是$", clause) and (
        scoped != clause or _SCOPED.search(sentence[start : start + 4])
    ):
        return True
    verbs = _GOVERNS.pattern.rstrip("$")
    if suffix == "试点":  # a pilot is also run, not only granted (开展国家区块链创新应用试点)
        verbs = verbs.replace("(?:建设", "(?:实施|推进|深化|承担|承接|建设")
    if re.fullmatch(r"强[市省区县]", suffix):  # a "strong place" goal is pushed on (推进数字强市工作)
        verbs = verbs.replace("(?:建设", "(?:推进|推动|加快|建设")
    if re.search(verbs + "$", clause):
        return True
    if re.search(r"(?:重要|主要|重点|关键|最大)的$", clause):
        return False  # "成为全市重要的数字产业承载区": a description of the place, not a title it holds
    if clause.endswith("的") or _LIST_GLUE.search(clause):
        return bool(re.search(verbs, clause))
    return False


def unranked(name: str) -> str:
    """The title without how rare it is or in which batch who granted it.

    >>> unranked("全国首个国家级车联网先导区"), unranked("第二批国家数字乡村试点"), unranked("国家首批智慧城市试点")
    ('国家级车联网先导区', '国家数字乡村试点', '国家首批智慧城市试点')
    >>> unranked("工信部2023年度中小企业数字化转型城市试点")
    '中小企业数字化转型城市试点'
    >>> unranked("全域旅游示范区")  # 全域旅游 is the title's own word, not how widely it is held
    '全域旅游示范区'

    """
    # "工信部2023年度中小企业数字化转型城市试点": the ministry and the year say who granted it when
    dated = re.sub(r"^(?:[\u4e00-\u9fff]{1,10}?(?:部|委|局|厅))?\d{4}年度?", "", name)
    # "商务部全国供应链创新与应用试点城市": the ministry before the scope grants it, no part of its name
    dated = re.sub(r"^[\u4e00-\u9fff]{1,10}?(?:部|委)(?=全国|国家)", "", dated)
    return _LEAD.sub("", dated) or dated or name


_LIST_BUILT = re.compile(
    r"”?(?:[、和及与]“?[^,，。;；:：、“”]{2,24}”?)*等[^,，。;；:：、]{0,8}?(?:建设|创建)"
)


def _granted(sentence: str, start: int) -> bool:
    """Whether a verb of being granted a title governs the phrase at `start`, or the list it ends.

    >>> s = "晋江先后获评国家新型城镇化综合试点、国家级电子商务示范基地"
    >>> _granted(s, s.index("国家级")), _granted("建设国家级数据标注基地", 2)
    (True, False)
    """
    clause = re.split(r"[,，。;；:：!！?？]", sentence[:start])[-1].rstrip("“")
    clause = re.sub(rf"{_DATED}$", "", clause)  # 获评2023年度…
    if _LIST_GLUE.search(clause):
        return bool(re.search(_GRANTED.pattern.rstrip("$"), clause))
    return bool(_GRANTED.search(clause))


def _unscoped(name: str) -> str:
    """The title without who grants it (全国数字经济发展高地 → 数字经济发展高地)."""
    return re.sub(r"^(?:全国|全省|国家级|国家|省级|中国)?(?:首批|第一批)?", "", name) or name
