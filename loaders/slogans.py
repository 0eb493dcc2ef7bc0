"""Programmes recognised by the shape Chinese administration gives their names: slogans of a way of
working, service reforms, 城市大脑 and its kin, stages named by version.

SCHEMA.md (Programmes and projects): slogans of a way of working are programmes (一网通办, 最多跑一次,
一企一档, 一区一品、一园一业), and so is an A+B+C slogan (人才+项目+平台); numeric frameworks and
layouts are not (3+6+2+1, 1+1+1+N, 一核一极多园). A quoted phrase with one of these shapes is a
programme whatever verb governs it; a parallel slogan ("随叫随到、无事不扰") also needs a context that
does not make it a plan's guiding principle or layout ("…”的总体思路", "按照“…”的原则").
"""

from __future__ import annotations

import re

from loaders.words import segment

_HAN = r"[\u4e00-\u9fff]"
# One-stop reforms: 一X一Y (一企一档, 一局一中心一公司), 一网/一键/一窗… + verb (一网通享, 一键回应, 一屏掌控).
# Idioms of the same shape (一网打尽, 一览无余, 一门心思) are figures of speech, no reform.
_ONE_STOP = re.compile(
    rf"一{_HAN}{{1,3}}(?:一{_HAN}{{1,3}})+|(?!一网打尽|一览无[余遗]|一门心思|一表人才)一(?:网|键|窗|屏|图|证|照|码|门|表|贯|览|件事){_HAN}{{1,4}}|一件事|一本账|一张身份证{_HAN}{{2,4}}"
)
# Service reforms named by what the citizen is spared (全市通办, 免申即享, 秒批, 零跑动, 边问边办).
_SERVICE = re.compile(
    rf"{_HAN}{{1,4}}(?:通办|联办|通享|即享|即办|即批|跑一次|跑一趟|一次办|报一次|查一次|办成事|帮办|代办)|{_HAN}{{0,4}}一次办[成好结]|(?:秒|即)[批报办](?:(?:秒|即)[批报办])?|"
    rf"零(?:跑动|跑腿|费用|收费|延时|等待|材料|见面|接触|成本)|{_HAN}{{1,3}}不用跑|"
    # an integrated service named by the matter it settles (城市更新一件事, 知识产权保护一件事)
    rf"{_HAN}{{2,7}}(?<![办做干成好了的件这那])一件事(?!一次办)|(?:掌上|指尖|网上|就近|马上|随时|自助|预约|延时|刷脸|扫码|集成|联审|并联|邮寄|上门|视频|远程|容缺|异地)办|"
    # where, through what or how soon a case is handled (园区办, 线上办, 跨省办, 即时办), unlike an
    # office named by its field (城管办, 文明办)
    rf"(?:园区|社区|村居|楼宇|家门口|线上|在线|全程网|手机|移动端|移动|快递|当场|当日|即时|限时|承诺|跨域|跨省|跨市|跨区|同城|全城|全省|全市|全域|就地|帮代|一站式)办|"
    # a case handled as its kind asks (特事特办, 急事快办)
    rf"{_HAN}事{_HAN}办|"
    # the most a citizen has to do (最多问一次, 最多提交一次), cases taken anywhere alike (无差别受理)
    rf"{_HAN}{{0,2}}最多{_HAN}{{1,3}}一[次趟]|无差别(?:受理|办理)|"
    # the work a government moves onto the phone (掌上办事, 掌上办公, 掌上治理)
    rf"(?:掌上|指尖)(?:办事|办公|治理)|"
    rf"无感{_HAN}{{1,3}}|不见面{_HAN}{{0,3}}|免{_HAN}{{1,2}}即{_HAN}{{1,2}}|免{_HAN}{{1,2}}办|边{_HAN}边办|{_HAN}{{2}}快办|{_HAN}{{2}}好办|"
    # what a citizen no longer hands in (免提交, 免证明), and papers cut down or dropped (减证便民, 无证利民)
    rf"免(?:提交|申报|申请|证明|填报|签字|跑腿)|[减无免]证(?:便民|利民|办理?)|"
    rf"[三四五六]治融合|(?:\d+分钟|[一二三四五六七八九十]+分钟|一刻钟){_HAN}{{0,6}}圈|"
    # the one door, window or stop a citizen is sent to (只进一扇门, 只进一个窗, 一站办结), and how
    # simply a case is handled (极简办, 简易办, 智能办)
    rf"只(?:进|到|去|找)一{_HAN}{{1,3}}|一站(?!式){_HAN}{{1,3}}|(?:极简|简易|极速|便捷|智能|智慧|贴心|暖心|省心|舒心)办|"
    # all that should be done is done (应编尽编, 应归尽归, 应简则简), firms moved onto the cloud
    # (企业上云), papers nobody asks for (无证明办理, 零材料办), a licence shown instead (亮证即用)
    rf"应{_HAN}[尽则]{_HAN}|{_HAN}{{1,3}}上云|无证明{_HAN}{{0,3}}|零{_HAN}{{1,2}}办|亮证{_HAN}{{1,2}}|一次(?:都)?不跑|互联网\+|"
    # the citizen's review of a service (好差评), the standing slogans of service (马上就办,
    # 我为群众办实事, 高效办成一件事), building started the day land is granted (拿地即开工) and
    # a title given with the keys (交房即交证), a year of one drive (营商环境提升年)
    rf"好差评|马上就办|我为群众办实事|高效办成一件事|(?:掌上|指尖)办理|(?:拿地|批地|交地)即(?:开工|发证)|"
    rf"(?:交房|领房|交地)即(?:交证|领证|发证|办证)|{_HAN}{{2,6}}(?:提升|推进|落实|攻坚|突破|深化|优化)年"
)
# A part of an A+B+C slogan: words, or a technology code with words around it (5G, 人工智能).
_PLUS_PART = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,10}")
# Layout words of a spatial or numeric framework (一核引领, 两翼驱动, 多点支撑).
_LAYOUT = re.compile(
    r"^(?:[一二两三四五六七八九十双N\d]+[核芯主翼极带轴廊圈环横纵]|[两多双三四五六七八九十N\d]+[园区点核翼中级端])"
)
# Words for a place on a plan's map (城, 区, 园, 带, 核, 中心, 基地).
_SPATIAL = r"城|区|园|带|片|核|心|轴|廊|港|湾|岛|极|翼|环|圈|中心|基地|组团"
# After a parallel slogan, these make it a plan's principle, layout or goal, not a way of working.
_PRINCIPLE_AFTER = re.compile(
    r"格局|架构|框架|思路|原则|理念|目标|布局|方针|要求|精神|路径|定位|使命|愿景|策略|方向|任务|基调|导向|意识|观念|共识"
)
# (做到 sets a standard to meet: "真正做到“心往一处想、劲往一处使”")
_PRINCIPLE_BEFORE = re.compile(r"(?:按照|遵循|坚持|秉持|本着|锚定|瞄准|做到)“?$")
# Words that make a unquoted phrase a service reform by shape (实现140项事项全市通办).
_UNQUOTED = re.compile(
    r"(?:全市|全省|全城|全区|全县|全域|跨省|跨市|跨区|跨县|跨域|跨城|跨境|跨江|省内|市内|省域|市域|县域|区域|异地|就近)通办|[三四五六]治融合|"
    r"(?:河|湖|林|田|路|链)长制|(?<![一二三四五六七八九十\d])[多两三四五六][规证审测网评步照图]合一|双随机、?一公开|"
    # National approval reforms named by what follows at once (拿地即开工) or what may wait (容缺受理).
    r"容缺(?:受理|办理|审批)|接诉即办|"
    # Service reforms named by how fast or how unseen the service is (秒批秒办, 无感审批, 不见面开标),
    # or by the one network it runs on (一网通管, 一网通享): shapes, not ordinary phrases.
    r"秒[报批办]秒[批办]|无感(?:审批|申办|办理|兑现)|不见面(?:开标|办理|办)|零跑(?:动|腿)|"
    r"一网(?:通管|通享|智治|统办)|"
    # an integrated service named by the matter it settles (城市更新一件事, 知识产权保护一件事)
    r"(?:(?<=[、,，;；:：])|(?<=推出)|(?<=打造)|(?<=上线)|(?<=推行))[\u4e00-\u9fff]{2,6}(?<![办做干成好了的])一件事(?!一次办)|"
    # One step of a project's approval made to bring on the next at once (拿地即开工, 竣工即投产).
    r"(?:拿地|交地|交房|验收|竣工|取证|办照|准入|入园|签约)即(?:开工|发证|交证|办证|拿证|投产|营业|准营|供地)|"
    r"(?<![一二三四五六七八九十])一[企园村户人楼事区镇街业产]一[档策品码业案图](?![一\u4e00-\u9fff]{0,1}一)|"
    r"“?(?:\d+分钟|[一二三四五六七八九十]+分钟|一刻钟)”?[\u4e00-\u9fff]{0,6}?(?:生活|服务|便民|办事|健身|阅读|就医|养老|政务服务)圈"
)


def is_layout(text: str) -> bool:
    """Whether a quoted phrase names a spatial or numeric layout (SCHEMA.md: 一核一极多园, 两园一中心).

    >>> is_layout("一核一极多园"), is_layout("两园一中心"), is_layout("一网通办"), is_layout("中国数谷")
    (True, True, False, False)
    >>> is_layout("一芯两核多支点"), is_layout("3个一"), is_layout("七个一"), is_layout("一城四区")
    (True, True, True, True)
    >>> is_layout("一企一档"), is_layout("一区一品"), is_layout("三级督办"), is_layout("两级平台")
    (False, False, False, True)
    >>> is_layout("一一四+N"), is_layout("1+1+1+N"), is_layout("5G+医疗")
    (True, True, False)
    """
    # "推行“3个一”措施": a count of 一X items is a numeric code for them (SCHEMA.md: numeric codes)
    if re.fullmatch(r"[\d两三四五六七八九十]+个一", text):
        return True
    # "“一一四+N”总体架构": numerals and N joined by plus, in Chinese figures as in Arabic (1+1+1+N)
    if re.fullmatch(r"[\d一二两三四五六七八九十N+＋]+", text) and re.search(r"[+＋]", text):
        return True
    if counts_parts(text):
        return True
    # "“一城四区”建设": counted places on the map, one after another
    if re.fullmatch(f"(?:[一二两三四五六七八九十多]+(?:{_SPATIAL})){{2,}}", text):
        return True
    layout = _LAYOUT.match(text)
    # "三级督办", "四级联动": levels that act together name a mechanism, not a map
    if layout and layout.group(0).endswith("级") and len(text) > layout.end():
        rest = segment(text[layout.end() :])
        return not (rest and rest[0].tag in ("v", "vn"))
    return bool(layout) and not text.startswith("一网")


# A part of a system or a map, counted in a layout (一中心, 两端, 四梁八柱), not a way of working (一标三实).
_PART = r"(?:中心|平台|端|梁|柱|基|库|云|屏|网|体系|系统|园|区|核|带|轴|廊|极|翼|圈|环|中台|门户|底座|大脑)"
_COUNT = r"[一二两三四五六七八九十百多N\d]"
_COUNTED_PART = re.compile(rf"({_COUNT}+)(?:个|大)?({_HAN}{{1,3}}?)(?=[、,，+]?(?:{_COUNT}|$))[、,，+]?")


def counts_parts(name: str) -> bool:
    """Whether a name is a layout: a run of counted parts of a system, some counted more than once.

    >>> [counts_parts(t) for t in ("一码两端一中心", "一中心、四平台", "一本三基四梁八柱", "一标三实", "三会一课")]
    [True, True, True, False, False]
    >>> counts_parts("一网通办"), counts_parts("一云一网一中心")
    (False, False)
    """
    parts = list(_COUNTED_PART.finditer(name))
    if len(parts) < 2 or "".join(p.group(0) for p in parts) != name:
        return False
    counted = [p for p in parts if p.group(1) != "一"]
    return bool(counted) and all(re.fullmatch(_PART, p.group(2)) for p in counted)


def has_slogan_shape(text: str) -> bool:
    """Whether a quoted phrase is shaped like the name of a reform or way of working.

    >>> [has_slogan_shape(t) for t in ("一局一中心一公司", "一键回应", "全市通办", "边问边办", "5G+医疗")]
    [True, True, True, True, True]
    >>> [has_slogan_shape(t) for t in ("1+1+1+N", "一朵云", "数字化", "3+6+2+1", "一核一极多园", "两园一中心")]
    [False, False, False, False, False, False]
    >>> has_slogan_shape("一区一品"), has_slogan_shape("秒批秒办"), has_slogan_shape("一次不用跑")
    (True, True, True)
    >>> has_slogan_shape("一次办成"), has_slogan_shape("一次办好"), has_slogan_shape("一次性")
    (True, True, False)
    >>> has_slogan_shape("掌上办公"), has_slogan_shape("掌上治理"), has_slogan_shape("掌上")
    (True, True, False)
    >>> has_slogan_shape("枫桥式网格"), has_slogan_shape("一站式服务"), has_slogan_shape("枫桥式")
    (True, False, False)
    >>> has_slogan_shape("最多问一次"), has_slogan_shape("数据最多采一次"), has_slogan_shape("无差别受理")
    (True, True, True)
    >>> has_slogan_shape("园区办"), has_slogan_shape("跨省办"), has_slogan_shape("城管办")
    (True, True, False)
    >>> has_slogan_shape("一趟都不用跑"), has_slogan_shape("零费用"), has_slogan_shape("零延时")
    (True, True, True)
    >>> has_slogan_shape("免提交"), has_slogan_shape("减证便民"), has_slogan_shape("免费")
    (True, True, False)
    >>> has_slogan_shape("只进一扇门"), has_slogan_shape("一站办"), has_slogan_shape("极简办")
    (True, True, True)
    >>> has_slogan_shape("应编尽编"), has_slogan_shape("企业上云"), has_slogan_shape("涉企一件事")
    (True, True, True)
    """
    if _ONE_STOP.fullmatch(text) or _SERVICE.fullmatch(text):
        return not _LAYOUT.match(text) or text.startswith("一网")
    # A way of working modelled on a named one (枫桥式网格): the model, 式, what it shapes
    if re.fullmatch(f"(?!一){_HAN}{{2,3}}式{_HAN}{{2,4}}", text):
        return True
    return _is_plus_slogan(text)


def _is_plus_slogan(text: str) -> bool:
    """A+B(+C) naming a way of working: every part has words, none is a counted unit (3个实体运行部).
    A part may quote a known slogan of its own ("党建+‘三治’").

    >>> _is_plus_slogan("党建+‘三治’"), _is_plus_slogan("12345热线+工商联"), _is_plus_slogan("一云两平台+N应用")
    (True, True, False)
    """
    parts = re.sub(r"[‘’]", "", text).split("+")
    if len(parts) < 2 or not all(_PLUS_PART.fullmatch(p) for p in parts):
        return False
    worded = [p for p in parts if re.search(_HAN, p)]
    # (a long number names a line, no count: 12345热线+工商联)
    counted = any(re.match(r"(?:N|\d{1,3})(?!\d)个?", p) and re.search(_HAN, p) for p in parts)
    # "农民工服务站+电信服务点+金融服务点+邮政网点": sites combined in one place, not a way of working
    sites = all(re.search(r"(?:站|点|网点|中心|大厅|窗口|室|馆)$", p) for p in parts)
    return bool(worded) and not counted and not sites and not all(re.fullmatch(r"[\dN]+", p) for p in parts)


def names_a_practice(text: str) -> bool:
    """Whether a four-character phrase ends in a step of handling a case (帮办代办, 承诺办理), so that in a
    list of ways of working it is one too.

    >>> names_a_practice("承诺办理"), names_a_practice("帮办代办"), names_a_practice("重点项目")
    (True, True, False)
    """
    return bool(
        re.fullmatch(f"{_HAN}{{2}}(?:办理|受理|审批|代办|帮办|办结|通办|核查|准营|申报|承诺|备案)", text)
    )


def is_parallel_slogan(text: str, before: str, after: str) -> bool:
    """Whether a quoted run of equal-length clauses names a way of working in its context.

    >>> is_parallel_slogan("随叫随到、无事不扰", "联系机制,", "”做好日常服务工作")
    True
    >>> is_parallel_slogan("强化供给、激发动能、优化配置、释放活力", "按照“", "”的总体思路")
    False
    >>> is_parallel_slogan("一核引领、多点支撑、全域协同", "构建“", "”的产业空间格局")
    False
    >>> is_parallel_slogan("以数兴业、以数治城", "我们坚持“", "”"), is_parallel_slogan("小切口、大场景", "坚持“", "”")
    (True, False)
    >>> is_parallel_slogan("走在前、开新局", "锚定“", "”,着力深化改革创新")  # an aim held as a target
    False
    >>> is_parallel_slogan("文化旅游、政务服务、城市治理", "围绕“", "”三大应用主题")  # kinds counted
    False
    >>> is_parallel_slogan("优政、惠民、兴业", "紧扣“", "”目标"), is_parallel_slogan("为民服务、为企解忧", "以“", "”为目标")
    (True, False)
    """
    parts = re.split(r"[、,，]", text)
    if len(parts) < 2 or len({len(p) for p in parts}) != 1 or not 2 <= len(parts[0]) <= 7:
        return False
    # "“核心、关联、衍生”三大业态": a count after the quote makes its clauses kinds of things listed.
    counted = re.match(r"[一二三四五六七八九十两\d]+[大个类种项]", after.lstrip("”"))
    # (whatever their length: "“文化旅游、政务服务、城市治理…”六大应用主题" lists the kinds counted)
    if counted or (len(parts[0]) == 2 and not are_aims(parts)):
        return False
    if not all(re.fullmatch(f"{_HAN}+", p) for p in parts):
        return False
    # "幼有善育、学有优教、老有康养": who is to have what, a list of welfare aims, not a way of working
    if all(p[1] == "有" for p in parts):
        return False
    # A layout leads with its core (一核引领、多点支撑); 多端协同 after 一脑统管 is a way of working.
    if (_LAYOUT.match(parts[0]) and not parts[0].startswith("一网")) or any(
        re.search(r"[化式性]$|[年月周日]", p) for p in parts
    ):
        return False
    # Clauses of one-stop shape (一屏观全域、一网管全城) name ways of working even as the 格局 they form.
    if all(p.startswith("一") for p in parts) and sum(bool(_ONE_STOP.fullmatch(p)) for p in parts) >= 2:
        return True
    tail = re.split(r"[,，。;；、:：(（]", after.lstrip("”"), maxsplit=1)[0][:15]
    described = re.match(r"(?:的)?(?:现象|问题|倾向|弊端|状况|困境)", tail)  # "重建设、轻运营”现象": a fault
    # Clauses that repeat one head (以数兴业、以数治城、以数惠民) name a way of working even when held to.
    repeated = len({p[:2] for p in parts}) == 1
    # One-word aims (优政、惠民、兴业) are the slogan a plan works by even as its 目标: they name what it
    # does, unlike a 4-character aim ("以“为民服务、为企解忧”为目标") that states an outcome.
    aim = len(parts[0]) == 2 and re.match(r"(?:为)?(?:的)?(?:工作|发展|建设)?(?:目标|导向)", tail) is not None
    return aim or not (
        _PRINCIPLE_AFTER.search(tail)
        or tail.startswith("为")
        or described
        or (_PRINCIPLE_BEFORE.search(before) and not repeated)
    )


def are_aims(parts: list[str]) -> bool:
    """Whether two-character clauses name aims of a way of working (善政、兴业、惠民), three or more of
    them, each one word and none a quality (安全、便捷、高效 describes a service).

    >>> are_aims(["善政", "兴业", "惠民"]), are_aims(["安全", "便捷", "高效"]), are_aims(["共建", "共治", "共享"])
    (True, False, False)
    >>> are_aims(["经济", "生活", "治理"])
    False
    """
    if len(parts) < 3:
        return False
    words = [segment(p) for p in parts]
    # Domains listed as nouns (经济、生活、治理) name fields of work, not the aims a slogan sets.
    return all(len(w) == 1 and w[0].tag not in ("a", "an", "ad", "d") for w in words) and any(
        w[0].tag == "v" for w in words
    )


def names_a_thing(after: str) -> bool:
    """Whether the words right after a quoted slogan end in a thing built ("“大平安、全业务”实战平台").

    >>> names_a_thing("等模块"), names_a_thing("”改革"), names_a_thing("”政务信息化平台制定区级数据共享规范")
    (True, False, True)"""
    run = re.match(f"{_HAN}{{0,12}}", after.lstrip("”").removeprefix("等")).group(0)  # type: ignore[union-attr]
    # a module or a column of an app is built too ("开发“秒批”“一件事导办”等模块"); the thing may end its
    # noun phrase before a verb or joiner that goes on ("依托“数字湛河”政务信息化平台制定规范")
    return bool(
        re.search(
            r"(?:平台|应用|系统|App|APP|小程序|中心|中枢|专区|大厅|终端|自助机|一体机|模块|功能模块|专栏|栏目)"
            r"(?:$|(?=制定|实现|开展|推进|提供|上线|汇聚|支撑|覆盖|接入|运行|为|的|和|与|及|等))",
            run,
        )
    )


def find_shaped_names(sentence: str) -> list[tuple[int, int]]:
    """Return spans of programmes named by shape without quotes: service reforms (全市通办), 城市大脑
    and its kin, and stages named by version (智慧城市2.0).

    >>> s = "实现140项事项全市通办,打造“15分钟”办事服务圈,依托城市大脑迈向智慧城市2.0,建设城市智能体"
    >>> [s[a:b] for a, b in find_shaped_names(s)]
    ['全市通办', '“15分钟”办事服务圈', '城市大脑', '城市智能体', '智慧城市2.0']
    >>> s = "推动更多事项秒批秒办、无感审批,企业开办零跑动,打造一网通管体系"
    >>> [s[a:b] for a, b in find_shaped_names(s)]
    ['秒批秒办', '无感审批', '零跑动', '一网通管']
    >>> s = "重点推出城市更新一件事、医疗设备更新一件事等场景,为群众办好一件事"
    >>> [s[a:b] for a, b in find_shaped_names(s)]
    ['城市更新一件事', '医疗设备更新一件事']
    >>> s = "以“城市超级大脑”为底座,建设城区大脑"
    >>> [s[a:b] for a, b in find_shaped_names(s)]
    ['城市超级大脑', '城区大脑']
    >>> s = "推行拿地即开工、验收即办证、竣工即投产“三即”审批"
    >>> [s[a:b] for a, b in find_shaped_names(s)]
    ['拿地即开工', '验收即办证', '竣工即投产']
    """
    spans = [(m.start(), m.end()) for m in _UNQUOTED.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _BRAIN.finditer(sentence)]
    spans += [b for b in _brains(sentence) if not any(a <= b[0] and b[1] <= z for a, z in spans)]
    spans += [(m.start(), m.end()) for m in _PAIRED.finditer(sentence) if _paired(m)]
    spans += [s for s in _one_stop_run(sentence) if not any(a <= s[0] < z for a, z in spans)]
    spans += [s for s in _shaped_run(sentence) if not any(a <= s[0] < z or a < s[1] <= z for a, z in spans)]
    return spans + _versions(sentence)


def _shaped_run(sentence: str) -> list[tuple[int, int]]:
    """Spans of the items of an unquoted list of three or more ways of working, each shaped like one:
    the first item may follow its verb, the last run on into what they are (…掌上办等系列改革).

    >>> s = "全面推行网上办、指尖办、邮寄办、预约办、就近办和承诺办等服务"
    >>> [s[a:b] for a, b in _shaped_run(s)]
    ['网上办', '指尖办', '邮寄办', '预约办', '就近办', '承诺办']
    >>> _shaped_run("推进网上办、数字经济、智慧城市建设")
    []
    """
    spans = []
    for clause in re.finditer(r"[^,，。;；:：“”()（）]+", sentence):
        parts = list(re.finditer(r"[^、和及]+", clause.group(0)))
        if len(parts) < 3 or sentence[clause.start() - 1 : clause.start()] == "“":
            continue  # (a quoted list is one name: “网上办、掌上办、就近办、一次办”)
        found: list[tuple[int, int]] = []
        for k, part in enumerate(parts):
            a, b = clause.start() + part.start(), clause.start() + part.end()
            text = sentence[a:b]
            if k == 0:
                # the first item after its verb: the longest tail shaped like a way of working
                cut = next(
                    (j for j in range(max(0, len(text) - 7), len(text) - 1) if has_slogan_shape(text[j:])),
                    None,
                )
                item = None if cut is None else (a + cut, b)
            elif k == len(parts) - 1:
                cut = next((j for j in range(min(len(text), 7), 1, -1) if has_slogan_shape(text[:j])), None)
                item = None if cut is None else (a, a + cut)
            else:
                item = (a, b) if len(text) <= 7 and has_slogan_shape(text) else None
            if item is None:
                spans += found if _carried_run(sentence, clause.start(), found) else []
                found = []
            else:
                found.append(item)
        spans += found if _carried_run(sentence, clause.start(), found) else []
    return spans


# A list of ways of working that a place carries out (推行…, …等系列改革), not the ways a matter is
# handled in ("推动更多事项网上办、掌上办、指尖办") or the channels it is offered through.
_RUN_CARRIED = re.compile(r"(?:推行|实行|推出|推广|开展|实施|深化|创新|打造|推进|整合)")
_RUN_NAMED = re.compile(r"等?(?:系列)?(?:改革|模式|举措|措施|机制)")


def _carried_run(sentence: str, clause: int, items: list[tuple[int, int]]) -> bool:
    """Whether three or more listed ways of working are carried out by the clause from `clause` on."""
    return len(items) >= 3 and bool(
        _RUN_CARRIED.search(sentence, clause, items[0][0]) or _RUN_NAMED.match(sentence, items[-1][1])
    )


# Three or more unquoted one-stop phrases in one list ("一网承载、一网通达、一网管理和一网运营").
_ONE_STOP_RUN = re.compile(rf"一{_HAN}{{3}}(?:(?:、|和|及)一{_HAN}{{3}}){{2,}}(?![\u4e00-\u9fff])")


def _one_stop_run(sentence: str) -> list[tuple[int, int]]:
    """Spans of the items of a list of three or more one-stop phrases, each a way of working.

    >>> s = "实现一网承载、一网通达、一网管理和一网运营"
    >>> [s[a:b] for a, b in _one_stop_run(s)]
    ['一网承载', '一网通达', '一网管理', '一网运营']
    >>> _one_stop_run("一是加强、一是推进、一体发展")
    []
    """
    spans = []
    for run in _ONE_STOP_RUN.finditer(sentence):
        items = [
            (run.start() + m.start(), run.start() + m.end())
            for m in re.finditer(rf"一{_HAN}{{3}}", run.group(0))
        ]
        if all(_ONE_STOP.fullmatch(sentence[a:b]) and not is_layout(sentence[a:b]) for a, b in items):
            spans += items
    return spans


# A headline's pair of one-stop clauses, unquoted ("城市大脑再升级:一屏观全城,一网管全城").
_PAIRED = re.compile(rf"(?<![“\u4e00-\u9fff])(一{_HAN}{{3,5}})[,，、](一{_HAN}{{3,5}})(?![\u4e00-\u9fff”])")


def _paired(m: re.Match[str]) -> bool:
    """Whether both clauses of a pair have the one-stop shape (一屏观全城, 一网管全城).

    >>> _paired(_PAIRED.search("一屏观全城,一网管全城")), _paired(_PAIRED.search("一是加强,一体推进"))
    (True, False)
    """
    return all(_ONE_STOP.fullmatch(part) and not is_layout(part) for part in m.groups())


# SCHEMA.md: 城市大脑 and the like are programmes (a system built under them is also a project).
# (城市智能体, the 大脑's successor in the 2024 plans, is one such initiative too)
_BRAIN = re.compile(
    r"(?:城市数据|城市|城区|县域|健康|水利|交通|医疗|教育|生态|环境|农业|应急|警务|城管|经济|产业|政务|治理|文旅)(?:超级)?大脑|城市(?:云脑|智脑|超脑)|城市智能体"
)  # (城市云脑, 城市智脑: the 大脑 under another name)


_BUILDING = re.compile(r"(?:建设|建成|打造|构建|推进|升级|上线|依托|搭建)")


def _brains(sentence: str) -> list[tuple[int, int]]:
    """Spans of a 大脑 named after the field it runs, in one or two words of LAC's that start with a
    noun (基层智治大脑, 县域治理大脑), beyond the fields _BRAIN lists; a quality (最强大脑) is no field.

    >>> s = "温州“城市大脑”、基层智治大脑入选全省“最强大脑”,建设县域治理大脑"
    >>> [s[a:b] for a, b in _brains(s)]
    ['基层智治大脑', '县域治理大脑']
    >>> _brains("我市城市大脑项目进展顺利")
    []
    """
    words = segment(sentence)
    spans = []
    for i, w in enumerate(words):
        if w.text != "大脑" or i == 0:
            continue
        for j in (i - 2, i - 1):
            field = words[max(j, 0) : i]
            if j < 0 or field[0].tag not in ("n", "nz", "vn") or _BUILDING.match(field[0].text):
                continue  # "建设城区大脑": the verb that builds a brain is no field of it
            if re.match(r"[我本全该][省市县区州]", sentence[max(0, field[0].start - 1) : field[0].start + 1]):
                continue  # "我市城市大脑项目": the text naming itself, no field of the brain
            # "重点领域大脑", "省领域大脑": brains of fields in general, none named
            if re.search(r"领域|行业|部门|重点|各类|专题", sentence[field[0].start : w.start]):
                break
            if all(x.tag in ("n", "nz", "vn", "v") for x in field) and 2 <= w.start - field[0].start <= 4:
                if field[0].start != w.start - 2 or not _BRAIN.match(sentence, field[0].start):
                    spans.append((field[0].start, w.end))
                break
    return [sp for sp in spans if not _BRAIN.fullmatch(sentence[sp[0] : sp[1]])]


# A version after a platform's name is the platform's release, not a stage of a programme.
_PROJECT_HEAD = re.compile(r"(?:平台|系统|App|APP|中心|网站|小程序)$")
_VERSIONED_WORD = re.compile(r"[\u4e00-\u9fff]{4,8}[1-9]\.0")
_VERSION = re.compile(r"[1-9]\.0")


def _versions(sentence: str) -> list[tuple[int, int]]:
    """Spans of stages of an initiative named by version (智慧城市2.0, 政务服务2.0).

    >>> s = "智慧城市1.0建设已基本完成,同比增长10.0%,迈向智慧城市2.0"
    >>> [s[a:b] for a, b in _versions(s)]
    ['智慧城市1.0', '智慧城市2.0']
    >>> s = "全面推进数字青岛2.0工程建设"
    >>> [s[a:b] for a, b in _versions(s)]
    ['数字青岛2.0']
    """
    spans = []
    words = segment(sentence)
    for i, w in enumerate(words):
        if _VERSIONED_WORD.fullmatch(w.text):  # LAC may keep 智慧城市2.0 as one word
            spans.append((w.start, w.end))
        if not _VERSION.fullmatch(w.text) or i == 0:
            continue
        first = i
        # a division's campaign has a version too (数字青岛2.0), its place word tagged LOC
        while first > max(0, i - 2) and words[first - 1].tag in ("n", "nz", "vn", "nw", "LOC"):
            first -= 1
        start = words[first].start
        if first < i and w.start - start >= 4 and not _PROJECT_HEAD.search(sentence[start : w.start]):
            spans.append((start, w.end))
    return spans
