"""Policies and reports a document cites by title in 《》, with the body that issued them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,80})》")
# Newspapers, magazines and journals are cited in 《》 too; they are not policies.
# (a 通报 is a government's notice: 《关于对…予以激励的通报》)
_PERIODICAL = re.compile(
    r"(日报|晚报|商报|时报|周刊|杂志|期刊|学报|画报|月刊|季刊|旬刊|电讯|网信|信息|内参|文摘|导刊|(?<!通)报)$"
    # (a file on a document-sharing site, 《…经验.docx》, is a download, not a document cited)
    r"|\.(?:docx?|pdf|pptx?|xlsx?|txt|wps)$"
)
# "以《…》为题刊发": the headline an article ran under, not a document cited.
_HEADLINE = re.compile(r"^为题")
_ISSUED = re.compile(
    r"(?P<issuer>[\u4e00-\u9fffA-Za-z、()（）]{2,40}?)(?:等部门)?(?:联合|正式|近日|率先|在全省率先|已)?(?:印发|发布|出台|制定|颁布|公布)(?:了|的)?$"
)
# SCHEMA.md: text in 《》 that names a document. A bare kind (《规划》, 《实施方案》) opening a clause
# or after a verb names none: it refers back to a document named before or to the one being read
# (one after the name it abbreviates, “十四五”规划《纲要》, names that one). A title that reads as a
# sentence (a comma inside) is an article's or a speech's, unless it ends in a kind of document
# (…,助力…发展的建议; …的提案).
# Kinds of document a title ends in; the first ones are also cited bare, by their kind alone.
_CITED_BARE = "规划|报告|方案|意见|计划|纲要|办法|条例|通知|决定|措施|细则|建议|要点|指南"
_BARE_KIND = re.compile(rf"^(?:总体|实施|行动|工作|专项|本)?(?:{_CITED_BARE})$")
_REFERS_BACK = re.compile(
    r"(?:^|[\s,，。;；:：、“”\"()（）]|落实好?|贯彻|根据|按照|依照|依据|对照|执行|学习|解读|宣传|印发|发布|出台|编制|制定|修订|"
    # ...or after a copula or a conjunction (一是《规划》和《行动计划》): a list of the documents named before
    r"简称|下称|[从在据由按将把以对是和及与])$"
)
_DOCUMENT_KIND = re.compile(
    rf"(?:{_CITED_BARE}|标准|规定|白皮书|蓝皮书|清单|目录|提案|议案|指引|政策|公告|通告|批复|函|纪要|章程|规范|法|"
    r"导则|预案|名单|汇编|制度|倡议书|申报书|协议书?|通报|典|条)(?:[(（][^()（）]*[)）])?$"
)
# A short title that is no kind of document (《天下财经》, 《星露谷物语》) names a show, a game or an app.
_SHORT_TITLE = 5
# "(以下简称《规划》)", "(简称《规划》)", "(下称《报告》)": the short form later 《》 cite.
_ABBREVIATION = re.compile(r"^[(（](?:以下)?(?:简称|下称|称)《(?P<short>[^》]{1,12})》[)）]")
# A journal's issue after a title (《浙江社会科学》2018年第4期) cites a periodical; a title right before
# one (作者:《文章》,《期刊》2018年第4期) is an article in it: neither is a policy.
_ISSUE = r"\s*[(（]?\d{4}\s*年?\s*[(（]?\s*第?\s*\d+\s*[期卷]"
_PERIODICAL_ISSUE = re.compile(_ISSUE)
_ARTICLE_IN = re.compile(r"[,，、]?\s*《[^《》]{2,40}》" + _ISSUE)
_ISSUER_NOISE = re.compile(
    r"^(?:近日|日前|此前|近年来|目前|\d{4}年\d{0,2}月?(?:\d{1,2}日)?|在|由|经|据|根据)+"
)


@dataclass(frozen=True)
class PolicyHit:
    title: str
    issuer: str | None
    start: int
    end: int
    aliases: tuple[str, ...] = ()


def find_policies(sentence: str) -> list[PolicyHit]:
    """Return the titles a sentence cites, with their issuer where the sentence names it.

    >>> [(h.title, h.issuer) for h in find_policies("2022年12月,中共中央、国务院印发《数字中国建设整体布局规划》")]
    [('数字中国建设整体布局规划', '中共中央、国务院')]
    >>> find_policies("《法治日报》对滨州市智慧城市工作专题刊载")
    []
    >>> [h.title for h in find_policies("《天下财经》报道《义乌:将改革进行到底》,落实《数据二十条》")]
    ['数据二十条']
    >>> find_policies("《规划》提出,以《传承奋斗薪火,谱写政数新篇》为题作报告,落实好《规划》")
    []
    >>> find_policies("经验做法被《行政改革内参》以《聚焦高效办成一件事打造便民利企新高度》为题刊发")
    []
    >>> find_policies("《潍坊市数字政府建设经验.docx》由会员分享")
    []
    >>> [h.title for h in find_policies("在“十四五”规划《纲要》中")]
    ['纲要']
    >>> [(h.title, h.aliases) for h in find_policies("《开福区智慧城市规划》(简称《规划》)。一是《规划》和《行动计划》")]
    [('开福区智慧城市规划', ('规划',))]
    >>> find_policies("郁建兴、高翔:《浙江省“最多跑一次”改革的基本经验与未来》,《浙江社会科学》2018年第4期,第76-85页")
    []
    >>> [(h.title, h.issuer) for h in find_policies("根据《河南省人民政府关于印发〈河南省加强数字政府建设实施方案〉的通知》")][1]
    ('河南省加强数字政府建设实施方案', '河南省人民政府')
    """
    hits: list[PolicyHit] = []
    for m in _TITLE.finditer(sentence):
        title = m.group("title").strip()
        after = sentence[m.end() :]
        if _PERIODICAL_ISSUE.match(after) or _ARTICLE_IN.match(after):
            continue
        if _HEADLINE.match(after) and sentence[: m.start()].endswith("以"):
            continue
        if _PERIODICAL.search(title) or (
            _BARE_KIND.match(title) and _REFERS_BACK.search(sentence[: m.start()])
        ):
            continue
        # A headline's pause (优化惠企服务小切口 推进营商环境大提升, 义乌:将改革进行到底) makes a sentence too.
        if re.search(r"[,，!！?？:：\s\u3000]", title) and not _DOCUMENT_KIND.search(title):
            continue
        if len(title) <= _SHORT_TITLE and not _DOCUMENT_KIND.search(title):
            continue
        short = _ABBREVIATION.match(sentence[m.end() :])
        aliases = (short.group("short"),) if short else ()
        issuer = _issuer(sentence[: m.start()])
        hits.append(PolicyHit(title, issuer, m.start(), m.end(), aliases))
        # "《河南省人民政府关于印发〈河南省…实施方案(2023—2025年)〉的通知》": the plan a notice issues is
        # cited too, issued by the notice's issuer
        for inner in re.finditer(r"〈(?P<title>[^〈〉]{4,80})〉", title):
            issued_by = re.match(r"(?P<by>[^〈]{2,40}?)关于印发", title)
            hits.append(
                PolicyHit(
                    inner.group("title"),
                    issued_by.group("by") if issued_by else issuer,
                    m.start() + 1 + inner.start(),
                    m.start() + 1 + inner.end(),
                )
            )
    return hits


def _issuer(before: str) -> str | None:
    clause = re.split(r"[,，。;；:：]", before)[-1]
    while clause.endswith("》"):  # a run of titles shares the verb before the first
        clause = clause[: clause.rfind("《")]
    m = _ISSUED.search(clause)
    if not m:
        return None
    issuer = _ISSUER_NOISE.sub("", m.group("issuer"))
    issuer = re.sub(r"^.*?(?:在|由)(?=[\u4e00-\u9fff]{2,})", "", issuer) if len(issuer) > 12 else issuer
    if sentence_has_agency_list := re.search(r"等部门$", clause[: m.end("issuer") + 3]):
        issuer += "等部门" if sentence_has_agency_list else ""
    return issuer or None
