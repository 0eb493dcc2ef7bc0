"""Apps and services a sentence names in quotes or in a list: “甬易办”App, …、…等38个应用.

Texts name their apps by brand (“浙里办”, “随申办”App, “舒心就医”…接入) rather than by a kind's
suffix, and list them (…、…等应用, …、…等五大标杆项目). A quoted name is a brand where an app's
word follows it (App, 小程序, 平台), where the sentence speaks of apps, or where the clause it
leads reports it in service with figures; it is a programme where a plan's word names it
(loaders/kinds.py: PROGRAMME_WORDS). SCHEMA.md, version 2: apps are `platform` projects.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from loaders.gazetteer import load_gazetteer
from loaders.kinds import PROGRAMME_WORDS
from loaders.name_phrases import counted, phrase_start
from loaders.names import NAME_UNIT, clean_name, name_start
from loaders.numbers import parse_number
from loaders.records import ProjectKind
from loaders.slogans import has_slogan_shape
from loaders.words import segment


class BrandHit(NamedTuple):
    """An app, a service or a listed project named at `start:end` of a sentence."""

    name: str
    kind: ProjectKind
    start: int
    end: int
    aliases: tuple[str, ...] = ()


_QUOTED_BRAND = re.compile(r"“(?P<name>[^“”]{2,16})”")
# “郑好办”政务小程序, “四天”智慧气象系统: a few words of what it serves may stand between a brand and
# the word for an app or a system; they describe the brand, which names one thing.
_BRAND_AFTER = re.compile(
    r"^(?P<tail>App|APP|app|平台|公众号|客户端|移动端|(?:[\u4e00-\u9fff]{2,4})?(?:频道|小程序|系统))"
)
_BRAND_CONTEXT = re.compile(r"(应用|平台|App|APP|小程序|上架|注册用户|案例|场景应用)")
_LISTED_APPS = re.compile(
    r"(?P<items>(?:[^,，。；;、]{2,24}、)+[^,，。；;、]{2,24}?)等(?:\d+个|[^\W在的和与及场景]{0,10})(?P<head>应用|平台)(?!场景)"
)
# "引进秦淮数据、…、秦云超级能源综合体等五大标杆项目": a counted list of projects names each one.
_LISTED_PROJECTS = re.compile(
    r"(?P<items>(?:[^,，。；;、]{2,24}、)+[^,，。；;、]{2,24}?)等(?:\d+|[两三四五六七八九十]+)[个大项][\u4e00-\u9fff]{0,6}?(?P<head>项目)(?![库群包])"
)

# "新疆云针、北京蓝耘、九章智锦、金达源4个算力重点项目": a list closed by a count of projects that
# matches its items names each one, 等 or not.
_COUNTED_PROJECTS = re.compile(
    r"(?P<items>(?:[^,，。；;、]{2,12}、)+[^,，。；;、\d]{2,12}?)(?P<n>\d|[两二三四五六七八九十])个[\u4e00-\u9fff]{0,6}?(?P<head>项目)(?![库群包])"
)


_DOMAIN_ITEM = re.compile(r"(?:智慧|数字|智能|互联网\+)[\u4e00-\u9fff]{1,3}")


def find_listed(sentence: str) -> list[BrandHit]:
    """Return the items of a list closed by 等…应用/平台 or a count of 项目 (…、甬易办、…等38个应用).

    >>> [b.name for b in find_listed("“青禾通”、“禾易办”等12个应用上架")]
    ['青禾通', '禾易办']
    >>> [b.name for b in find_listed("启动青禾云针、北京蓝耘、九章智锦3个算力重点项目")]
    ['青禾云针', '北京蓝耘', '九章智锦']
    >>> find_listed("启动了智慧政务、智慧教育、智慧市政等11个重点行业智慧项目")
    []
    """
    hits = []
    counted = [
        m
        for m in _COUNTED_PROJECTS.finditer(sentence)
        if m.group("items").count("、") + 1 == parse_number(m.group("n"))
    ]
    for m in [*_LISTED_APPS.finditer(sentence), *_LISTED_PROJECTS.finditer(sentence), *counted]:
        # only lists of brands (quoted) or counted apps ("等38个应用") name projects; of a plain list of
        # platforms, the items a place's name heads or ends (智慧庐江、云上庐江等平台) are named ones
        placed_only = (
            m.group("head") != "项目"
            and "“" not in m.group("items")
            and not re.search(r"等\d+个", m.group(0))
        )
        if placed_only and (
            m.group("head") != "平台" or re.match(r"企业|经济|公司|城市", sentence[m.end() :])
        ):
            continue
        kind: ProjectKind = "facility" if m.group("head") == "项目" else "platform"
        offset = m.start("items")
        items = m.group("items")
        cut = offset + items.index("、")
        first = phrase_start(sentence, name_start(sentence, cut), cut) - offset
        if m.group("head") == "平台" and any(
            _company_alone(sentence, offset + max(first, 0) + i.start(), offset + max(first, 0) + i.end())
            for i in re.finditer(r"[^、]+", items[max(first, 0) :])
        ):
            continue  # "引入阿里云、村播—菜鸟乡村、“花加”等平台": a company's platforms a place uses, not its own
        for part in re.finditer(r"[^、]+", items[max(first, 0) :]):
            # "…骨干网和“浙政钉”": a conjunction next to a quote joins two items, not one name.
            for sub in re.split(r"(?<=”)(?=“)|[和及与](?=“)|(?<=”)[和及与]", part.group(0)):
                name = clean_name(sub)
                start = offset + max(first, 0) + part.start() + part.group(0).index(sub)
                if (
                    2 <= len(name) <= 16
                    and not PROGRAMME_WORDS.search(name)
                    and not re.search(r"\d", name[:1])
                ):
                    if _company_alone(sentence, start, start + len(sub)):
                        continue  # "中国电信、中国移动、…数据中心等项目": the company is whose, not what
                    # (in a list of quoted brands that counts nothing, an unquoted item is a domain too:
                    # "“互联网+防灾减灾”、综合治税、精准扶贫等信息共享应用平台")
                    plain = placed_only or (
                        m.group("head") != "项目"
                        and not re.search(r"等\d+个", m.group(0))
                        and "“" not in sub
                        and not _OWN_KIND.search(name)
                        and not _proper_word(sentence, start, start + len(sub))
                    )
                    if plain and not _place_named(sentence, start, start + len(sub)):
                        continue  # 智慧旅游、互联网+政务: a domain's words name a kind of platform, no one
                    if _DOMAIN_ITEM.fullmatch(name):
                        continue  # "智慧政务、智慧教育等11个重点行业智慧项目": domains of projects, none named
                    hits.append(BrandHit(name, kind, start, start + len(sub)))
    return hits


def _proper_word(sentence: str, start: int, end: int) -> bool:
    """Whether LAC reads a place, a body or a proper noun inside `sentence[start:end]` (数字孪生甬江流域).

    >>> s = "推进数字孪生甬江流域、综合治税等平台"
    >>> _proper_word(s, 2, 10), _proper_word(s, 11, 15)
    (True, False)
    """
    return any(
        start <= w.start and w.end <= end and w.tag in ("LOC", "ORG", "PER", "nz") for w in segment(sentence)
    )


# An item that ends in a kind of its own (…公交系统, …微信公众号) names a thing, whatever the list.
_OWN_KIND = re.compile(r"(?:系统|平台|网|公众号|号|App|APP|小程序|中心|库|云|码|端|专区|频道)$")


def _place_named(sentence: str, start: int, end: int) -> bool:
    """Whether a division's name, as LAC reads it, heads or ends `sentence[start:end]` with words of its own.

    "智慧庐江、云上庐江等平台": a platform named after its place is one place's own (SCHEMA.md: a
    platform goes to the division named in its own name); 智慧旅游 names a domain, 庐江 alone a place.

    >>> s = "探索智慧旅游、智慧庐江、云上庐江等平台建设"
    >>> [_place_named(s, a, b) for a, b in ((2, 6), (7, 11), (12, 16))]
    [False, True, True]
    """
    forms = load_gazetteer().surface_forms()
    words = [w for w in segment(sentence) if start <= w.start and w.end <= end]
    return (
        len(words) >= 2
        and end - start <= 8
        and any(w.tag == "LOC" and w.text in forms and (w.start == start or w.end == end) for w in words)
    )


def _company_alone(sentence: str, start: int, end: int) -> bool:
    """Whether `sentence[start:end]` is one organisation's name as LAC reads it, with nothing built after it.

    SCHEMA.md: a company's named 项目 is a project; the company itself is not.

    >>> _company_alone("中国电信、中国移动数据中心等项目", 0, 4)
    True
    >>> _company_alone("智算中心、渲染中心等项目", 0, 4)
    False
    """
    words = [w for w in segment(sentence) if start <= w.start and w.end <= end]
    return len(words) == 1 and words[0].tag == "ORG" and (words[0].start, words[0].end) == (start, end)


def find_brands(sentence: str) -> list[BrandHit]:
    """Return the quoted names of apps and services (“甬金通”…等…应用, “浙里办”宁波频道).

    >>> [(b.name, b.aliases) for b in find_brands("“禾易办”App注册用户超10万")]
    [('禾易办App', ('禾易办',))]

    Quoted names built one after another, one of them a system or a line, are each a thing built:

    >>> [b.name for b in find_brands("配套建设“12345便民服务热线”“电子监察”,加快建设“12320健康通”“禾城云医院”")]
    ['12345便民服务热线', '电子监察', '12320健康通', '禾城云医院']
    >>> find_brands("加大“掌上办”应用推广")
    []
    """
    hits = []
    context = _BRAND_CONTEXT.search(sentence)
    built = _built_run(sentence)
    for m in _QUOTED_BRAND.finditer(sentence):
        name = m.group("name")
        if m.span() in built and not re.search(r"(?:工程|行动|改革|计划|活动)$", name):
            hits.append(BrandHit(name, "platform", m.start(), m.end()))
            continue
        if PROGRAMME_WORDS.search(name) or re.fullmatch(r"[一二三四五六七八九十\d].{0,3}", name):
            continue
        if (
            re.search(r"(?:办|跑|一次)$", name)
            and has_slogan_shape(name)
            and not _BRAND_AFTER.match(sentence[m.end() :])
        ):
            continue  # 加大“掌上办”应用推广: a way of working spread, no app
        if re.match(r"项目(?![库群包])", sentence[m.end() :]) and not counted(
            sentence, m.start(), m.end() + 2, after_only=True
        ):
            # “易出行”项目建设: a quoted project is a named one; quoted names are mostly apps.
            hits.append(BrandHit(name + "项目", "platform", m.start(), m.end() + 2, (name,)))
            continue
        if re.search(r"[\u4e00-\u9fff]{4}系统$", name) and _owned(sentence, m.start(), m.end()):
            # 依托“湖北省政务服务事项管理系统”: quotes make a system's name (SCHEMA.md: platforms, systems)
            hits.append(BrandHit(name, "platform", m.start(), m.end()))
            continue
        after = _BRAND_AFTER.match(sentence[m.end() :])
        if after:
            full = name + after.group("tail")
            hits.append(BrandHit(full, "platform", m.start(), m.end() + after.end(), (name,)))
            if "频道" in full:
                hits.append(BrandHit(name, "platform", m.start(), m.end()))
            continue
        phrase = re.match(r"^[^\W等的和与及]{2,10}?应用(?![\u4e00-\u9fff])", sentence[m.end() :])
        if phrase and re.search(r"[两三四五六七八九十\d]+[款个项类]", phrase.group(0)):
            phrase = None  # “禾云碳”和“…治水”两款在建应用: a count closes a list of names, not one name
        if phrase and not phrase.group(0).startswith("的") and not _verb_at(sentence, m.end()):
            full = name + phrase.group(0)
            hits.append(
                BrandHit(full, "platform", m.start(), m.end() + phrase.end(), (name + phrase.group(0),))
            )
            continue
        listed = re.match(
            rf"^(?:、|{NAME_UNIT}{{0,8}}“[^”]*”)*等?(?:\d+多?[个款项])?[\u4e00-\u9fff]{{0,8}}(应用|平台|场景应用)",
            sentence[m.end() :],
        )
        if listed and sentence[m.end() : m.end() + 1] == "的":
            listed = None
        direct = re.match(
            r"^(?:应用|[”“、\u4e00-\u9fff]{0,14}入选[\u4e00-\u9fff]{0,10}应用)", sentence[m.end() :]
        )
        if "+" in name:
            continue  # SCHEMA.md: “5G+工业互联网” alone is a slogan of a way of working, a programme
        if (
            context
            and len(name) <= 8
            and (listed or direct)
            and not re.search(r"[省市区县]", name[:3])
            or _in_service(sentence, m.start(), m.end())
        ):
            hits.append(BrandHit(name, "platform", m.start(), m.end()))
    return hits


# A run of quoted names right after a verb that builds or launches them (配套建设“…热线”“电子监察”).
_BUILT_RUN = re.compile(
    r"(?:建设|建成|上线|推出|开发|打造|搭建|开通)(?P<run>(?:“[^“”]{2,16}”(?:、|和|及|以及)?){2,})"
)
# The last word of a thing built: a line, a system, an app, a site or an online hospital.
_BUILT_END = re.compile(r"(?:热线|系统|平台|App|APP|小程序|网|医院|通|码)$")


def _built_run(sentence: str) -> set[tuple[int, int]]:
    """Return the spans of the quoted names in a built run of which at least one ends as a thing built."""
    spans: set[tuple[int, int]] = set()
    for run in _BUILT_RUN.finditer(sentence):
        items = list(_QUOTED_BRAND.finditer(sentence, run.start("run"), run.end("run")))
        if any(_BUILT_END.search(q.group("name")) for q in items):
            spans |= {q.span() for q in items}
    return spans


# What an app in service does with its users and what it connects (“舒心就医”…302家医疗机构接入).
_SERVICE = re.compile(r"(?:接入|覆盖|集成|注册用户|用户|日活|上架|办件|访问量|下载量)(?!率)")


def _in_service(sentence: str, start: int, end: int) -> bool:
    """Whether a quoted name leads a clause that reports it in service with figures.

    >>> s = "“便捷泊车”接入130万个停车泊位;“一网通办”改革深入推进;“免证办”事项覆盖率达到85%"
    >>> _in_service(s, 0, 6), _in_service(s, s.index("“一网"), s.index("改革"))
    (True, False)
    >>> _in_service(s, s.index("“免证办"), s.index("事项"))
    False
    """
    built = re.search(r"(?:建设|建成|开发|上线|推出|搭建)的$", sentence[max(0, start - 3) : start])
    if start > 0 and sentence[start - 1] not in ",，;；。:：" and not built:
        return False  # a quoted name leads its clause, or is what was built (…牵头建设的“晋江网格通”)
    clause = re.match(r"[^,，;；。]*", sentence[end:])
    text = clause.group(0) if clause else ""
    return bool(_SERVICE.search(text) and re.search(r"\d", text) and not PROGRAMME_WORDS.match(text))


def _owned(sentence: str, start: int, end: int) -> bool:
    """Whether the quoted name at `start:end` opens with, or follows, a place or an owner's name (LAC).

    >>> s = "依托“湖北省政务服务事项管理系统”,上线“互联网监管系统”"
    >>> _owned(s, 2, s.index(",")), _owned(s, s.index("“互"), len(s))
    (True, False)
    """
    for w in segment(sentence):
        if (w.start == start + 1 or w.end == start) and w.tag in ("LOC", "ORG"):
            return True
    return False


def _verb_at(sentence: str, position: int) -> bool:
    """Whether the word at `position` is a verb (“渝快政”接入应用: 接入 is what it does, not its name)."""
    return any(w.start == position and w.tag in ("v", "vn") for w in segment(sentence))
