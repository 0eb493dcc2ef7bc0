"""Projects a sentence names: platforms and apps, parks, centres and facilities, events."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.names import NAME_UNIT, clean_name, name_start
from loaders.records import ProjectKind

_KINDS: tuple[tuple[ProjectKind, str], ...] = (
    ("event", r"博览会|交易会|峰会|大会|大赛|研讨会|论坛|推进会|发布会|对接会|洽谈会|博览|展览会|数博会|智博会"),
    ("facility", r"超算中心|算力中心|计算中心|数据中心|云计算中心|创新中心|促进中心|运行管理中心|运营中心|指挥中心|实验室|学院|研究院|展示中心|体验中心"),
    ("park", r"产业园|软件园|科技园|创新园|创业园|数创园|园区|产业基地|基地|试验区|示范区|先行区|走廊|智谷|高新区|开发区|港区|小镇"),
    ("platform", r"App|APP|app|平台|小程序|频道|专区|大脑|热线|云|通行证|工作台|一张网|数据库|系统"),
)  # fmt: skip
_SUFFIX = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS))
# Generic heads: a kind of thing, not a named one ("各类平台", "多层次产业互联网服务平台").
_GENERIC = re.compile(
    r"^(?:各类|多层次|一批|多个|若干|相关|有关|重点|特色|综合|公共|专业|多元|新型|统一|省级|市级|国家级|区域性|区域|全市|全省|全国|各级|"
    r"智能|数字|网络|信息|服务|管理|应用|开放|融合)*(?:App|平台|中心|园区|基地|系统|大脑|云|热线|实验室|学院|论坛|大会|产业园|示范区)$"
)
_QUOTED_BRAND = re.compile(r"“(?P<name>[^“”]{2,16})”")
_BRAND_AFTER = re.compile(r"^(?P<tail>App|APP|app|小程序|平台|公众号|客户端|(?:[\u4e00-\u9fff]{2,4})?频道)")
_BRAND_CONTEXT = re.compile(r"(应用|平台|App|APP|小程序|上架|注册用户|案例|场景应用)")
_NOT_PROJECT = re.compile(r"(规划|方案|意见|办法|纲要|行动|工程|改革|试点|计划|制度|机制|模式|体系|理念|战略|政策)")


@dataclass(frozen=True)
class ProjectHit:
    """A project named at `start:end` of a sentence."""

    name: str
    kind: ProjectKind
    start: int
    end: int
    aliases: tuple[str, ...] = ()


def find_projects(sentence: str) -> list[ProjectHit]:
    """Return the projects named in one sentence.

    >>> [(h.name, h.kind) for h in find_projects("建成广陵新城软件园、仪征大数据产业园等4个省级产业园区")]
    [('广陵新城软件园', 'park'), ('仪征大数据产业园', 'park')]
    >>> [(h.name, h.kind) for h in find_projects("“我的扬州”App注册用户超210万")]
    [('我的扬州App', 'platform')]
    """
    hits = _suffixed(sentence) + _brands(sentence)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[ProjectHit] = []
    for h in hits:
        if any(k.start <= h.start and h.end <= k.end for k in kept):
            continue
        kept = [k for k in kept if not (h.start <= k.start and k.end <= h.end)]
        kept.append(h)
    return kept


def _suffixed(sentence: str) -> list[ProjectHit]:
    hits = []
    masked = re.sub(r"《[^》]*》", lambda m: "□" * len(m.group(0)), sentence)
    for m in _SUFFIX.finditer(masked):
        end = m.end()
        if re.match(r"[\u4e00-\u9fff]", masked[end : end + 1]) and not re.match(
            r"(建设|等|和|与|及|为|的|中|已|在|是|上|开放|注册|日活|用户|二期|扩容|升级|创新|运营|应用|作用|能级|影响力|入选|获)",
            masked[end:],
        ):
            continue  # the suffix word is inside a longer word (平台企业, 云平台稳定性)
        kind = next(k for k, _ in _KINDS if m.group(k))
        start = name_start(sentence, m.start())
        # An event title may carry a cited title in 《》: 《…规划》新闻发布会.
        title = re.search(r"《[^》]+》$", sentence[max(0, start - 60) : start])
        if kind == "event" and title:
            start -= len(title.group(0))
        name = clean_name(sentence[start:end].replace("《", "").replace("》", ""))
        if len(name) < 3 or _GENERIC.match(name) or (kind != "event" and _NOT_PROJECT.search(name)):
            continue
        if sentence[max(0, start - 1) : start] == "等" or "□" in masked[start:end] and kind != "event":
            continue
        hits.append(ProjectHit(name, kind, start, end))
    return hits


def _brands(sentence: str) -> list[ProjectHit]:
    """Quoted names of apps and services ("“甬金通”…等营商环境数字化应用", "“浙里办”宁波频道")."""
    hits = []
    context = _BRAND_CONTEXT.search(sentence)
    for m in _QUOTED_BRAND.finditer(sentence):
        name = m.group("name")
        if _NOT_PROJECT.search(name) or re.fullmatch(r"[一二三四五六七八九十\d].{0,3}", name):
            continue
        after = _BRAND_AFTER.match(sentence[m.end() :])
        if after:
            full = name + after.group("tail")
            hits.append(ProjectHit(full, "platform", m.start(), m.end() + after.end(), (name,)))
            if "频道" in full:
                hits.append(ProjectHit(name, "platform", m.start(), m.end()))
            continue
        listed = re.match(rf"^(?:、|{NAME_UNIT}{{0,8}}“[^”]*”)*等?[\u4e00-\u9fff]{{0,8}}(应用|平台|场景应用|案例)", sentence[m.end() :])
        if context and (listed or re.search(r"(上架|注册用户|入选|应用)", sentence[m.end() : m.end() + 12])):
            hits.append(ProjectHit(name, "platform", m.start(), m.end()))
    return hits
