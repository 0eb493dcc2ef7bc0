"""Antecedents: the subject a figure takes from elsewhere in its sentence when its own clause names
none (SCHEMA.md `indicator`).

A change ("同比增长10%") is the change of what came before it, a share ("占GDP比重") the share of the
count before it, a rank the rank of the figure it follows, a listed figure ("A、B产业增速分别达18%、16%")
one item of the list, and items named only by an anaphor (相关事项) the programme of their sentence.
"""

from __future__ import annotations

import re

from loaders.figures import AMOUNTS, Figure
from loaders.indicators import (
    ANAPHOR,
    SCOPE,
    SUBSET,
    bare_clause,
    elliptical_clause,
    subject_before,
    subject_phrase,
)
from loaders.words import segment


def split_owned(text: str, figures: list[Figure]) -> list[Figure]:
    """Split the phrase two figures share in "汇聚65个部门数据超30亿条", "归集50家单位数据资源1300项":
    the first counts the owners (部门), the second what they hold (数据).

    >>> s = "归集50家单位数据资源超1300项"
    >>> a, b = Figure(50, "家", "单位数据资源", "=", None, 2, 5), Figure(1300, "项", "单位数据资源", ">", None, 12, 17)
    >>> [f.indicator for f in split_owned(s, [a, b])]
    ['单位', '数据资源']
    """
    out = list(figures)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        shared = a.indicator
        if (
            not shared
            or b.indicator != shared
            or a.unit in AMOUNTS
            or not re.fullmatch(
                rf"{re.escape(shared)}(?:超过|超|达到|达|约|近|逾|共|计)?", text[a.end : b.start]
            )
        ):
            continue
        words = [w.text for w in segment(shared)]
        if len(words) < 2:
            continue
        out[k] = Figure(a.value, a.unit, words[0], a.qualifier, a.year, a.start, a.end)
        out[k + 1] = Figure(b.value, b.unit, "".join(words[1:]), b.qualifier, b.year, b.start, b.end)
    return out


def carry_subjects(
    text: str, figures: list[Figure], antecedent: str, rank_words: dict[int, tuple[int, str]]
) -> list[Figure]:
    """Give a figure the subject it is about when its own clause names none: a change ("同比增长10%")
    takes what changed, a bare clause ("…实现翻番,达到5500亿元") or a share ("占GDP的比重") the subject
    of the clause before, a listed figure ("226类近2200万个", "125.9分和102.6分") its neighbour's, and a
    rank ("新增…工厂3家,居全市第一", "数量居全市第一") the figure it ranks."""
    out: list[Figure] = []
    for f in figures:
        # "按可比价计算较上年同期增长18.7%": how the change was reckoned says nothing of what changed
        indicator = _RECKONED.sub("", f.indicator)
        if f.start in rank_words:
            cue, words = rank_words[f.start]
            counted = [p for p in out if p.unit not in ("位", "年") and p.end <= cue and p.indicator]
            previous = _CHANGE_ONLY.sub("", counted[-1].indicator) if counted else ""
            if indicator in _GENERIC and previous:
                indicator = previous + indicator  # 数量居全市第一, 增速全省排名第二
            elif not indicator:
                # a bare clause ranks the figure before it, or ranks again what the rank before it
                # ranked ("位居全省第16,列全市第一"); otherwise the subject of the sentence
                ranked = [
                    p.indicator[: -len(rank_words[p.start][1])]
                    for p in out[-1:]
                    if p.unit == "位"
                    and p.start in rank_words
                    and rank_words[p.start][1]
                    and p.indicator.endswith(rank_words[p.start][1])
                    and re.fullmatch(r"[,，、]?[^,，;；。]{0,4}", text[p.end : cue])
                ]
                again = ranked[0] if ranked and bare_clause(text, cue) else ""
                # "…满意率高达89.44%,在全市11个区中排名第一", "…强度提高到3.56%、全省第二": a clause with
                # only a frame or a list mark before the rank ranks the figure before it.
                framed = re.search(r"(?:^|[,，、])(?:在[^,，;；。]{0,20}中)?$", text[:cue]) is not None
                ranks_previous = bare_clause(text, cue) or (
                    framed and bool(counted) and not re.search(r"[;；。]", text[counted[-1].end : cue])
                )
                indicator = again or (previous if ranks_previous else "") or subject_phrase(text, cue)
                # "…集成服务拓展至58项,“免证办”事项达到1230项,均居全市第一": each figure of the run
                # since the last semicolon holds the rank.
                run = [p for p in counted if p.indicator and not re.search(r"[;；。]", text[p.end : cue])]
                if text[cue - 1 : cue] == "均" and len(run) > 1 and bare_clause(text, cue):
                    out += [
                        Figure(
                            f.value,
                            f.unit,
                            _CHANGE_ONLY.sub("", p.indicator) + words,
                            f.qualifier,
                            f.year,
                            f.start,
                            f.end,
                        )
                        for p in run[:-1]
                    ]
            # "我区位列全国数字百强区第28位": a named list between verb and rank is what the rank is in.
            listed = re.sub(r"排名$", "", words)
            listed = re.sub(r"^(?:全国|全省|全市|全区|全球|省内|国内)", "", listed)
            # "在省级排名上,…上海位列全国第一名": a subject that is itself a ranking takes no second 排名.
            indicator = (
                (indicator if re.search(r"(?:排名|排行|排序)$", indicator) else indicator + words)
                if indicator
                else (words if len(listed) >= 5 and "各" not in listed else "")
            )
        elif f.unit == "倍" and _PLAN_PERIOD_BASE.fullmatch(indicator):
            # "基站数量达到“十三五”末2倍": the period is the base of the multiple, not what is counted.
            verb = re.search(
                r"(?:达到|达|为|是|相当于)?[“\"]?十[一二三四五]五[”\"]?(?:末|期末)?的?$", text[: f.start]
            )
            indicator = subject_before(text, verb.start()) if verb else ""
        elif indicator == ANAPHOR:
            indicator = out[-1].indicator.removeprefix(SCOPE) if out else antecedent
        elif indicator.startswith(SUBSET):
            whole = [p for p in out if p.unit == f.unit and p.indicator]
            part = indicator[len(SUBSET) :]
            base = whole[-1].indicator.removeprefix(SCOPE) if whole else ""
            if base and re.fullmatch(r"[\u4e00-\u9fff]{1,3}级", part):
                # 其中国家级5个: the level replaces the whole's own (市级以上数字化车间 → 国家级数字化车间)
                indicator = part + re.sub(r"^[\u4e00-\u9fff]{1,3}级(?:及?以上)?", "", base)
            elif base:
                indicator = base + part
            else:
                # "…平台挂接签发量,累计779张": a total with nothing before it in the sentence to add to
                # totals what the clause before measures.
                totals = re.search(
                    r"(?:^|[,，;；:：])\s*(?:累计|共计|合计|总计|共有)(?:达到|达|为)?$", text[: f.start]
                )
                indicator = subject_phrase(text, f.start) if totals else ""
        elif indicator and _CHANGE_ONLY.fullmatch(indicator):
            # "长度较“十三五”末新增66.1%": a subject of the clause's own, right before its 较, comes first.
            compared = re.search(r"(?<=[\u4e00-\u9fff])较[^,，;；:：。]*$", text[: f.start])
            own = (
                subject_before(text, compared.start())
                if compared and not _clause_opens_with(text, "较", f.start)
                else ""
            )
            own = _RECKONED.sub("", own)
            subject = own or next(
                (
                    _CHANGE_ONLY.sub("", p.indicator.removeprefix(SCOPE))
                    for p in reversed(out)
                    # (a share named after the count, 占全市GDP比重为13%, is not what grew: the count is)
                    if p.unit != "位" and p.indicator and not (p.unit == "%" and "占" in p.indicator[1:])
                ),
                "",
            )
            subject = subject or _RECKONED.sub("", subject_phrase(text, f.start))
            if not subject and _RECKONED.match(f.indicator) and antecedent:
                # "…增加值2580.6亿元,占全市GDP比重为13.0%。按可比价计算较上年同期增长18.7%": a change
                # reckoned at comparable prices, opening its sentence, is of the count just reported
                subject = _CHANGE_ONLY.sub("", antecedent.removeprefix(SCOPE).split("占")[0])
            indicator = subject + indicator if subject else ""
        elif (
            out
            and re.fullmatch(r"(?:占比|比重)(?:提高|提升|上升|增加|扩大|下降|降低|回落|减少|缩小)", indicator)
            and "占" in out[-1].indicator[1:]
            and not re.search(r"[;；。]", text[out[-1].end : f.start])
        ):
            # "5G用户占移动电话用户的46.6%,占比较上年末提高13.3个百分点": the change of that share.
            indicator = out[-1].indicator[: out[-1].indicator.index("占", 1)] + indicator
        elif (
            out
            and re.fullmatch(r"(?:增速|增幅)(?:提高|提升|加快|上升|回落|下降|放缓|收窄|扩大)", indicator)
            and _CHANGE_ONLY.search(out[-1].indicator)
            and not re.search(r"[;；。]", text[out[-1].end : f.start])
        ):
            # "投资同比增长26.7%,增速较去年同期提高2个百分点": the change of the growth just given.
            indicator = _CHANGE_ONLY.sub("", out[-1].indicator.removeprefix(SCOPE)) + indicator
        elif (
            out
            and _clause_opens_with(text, "由", f.start)
            and (previous := _CHANGE_ONLY.sub("", out[-1].indicator))
            and indicator in previous
            and not re.search(r"[;；。]", text[out[-1].end : f.start])
        ):
            # "占GDP的比重提升2.2个百分点,由2021年的47.5%扩大到2022年的49.7%": the levels a change went
            # between are of what changed, which the clause before names in full.
            indicator = previous
        elif indicator and re.search(
            r"(?:^|[,，;；:：])占地(?:面积)?(?:约|近|超过?|达到?|逾)?$", text[: f.start]
        ):
            # "占地1.7万亩园区蓬勃崛起": the area the thing after the figure covers, not a share of anything
            # (占地面积约1.45万平方米, read before the figure, says so itself).
            indicator += "" if "占地" in indicator else "占地"
        elif (indicator or (f.unit == "%" and _BARE_SHARE.search(text, 0, f.start))) and (
            _clause_opens_with(text, "占", f.start) or _item_opens_with_share(text, f.start)
        ):
            # "月活跃用户数312万,占总用户数的30.95%": a share right after a count is that count's share;
            # "线下办理1571174件,占37.93%" says nothing of what it is a share of, and is still one.
            indicator = indicator or "占比"
            counted_names = [
                p.indicator.removeprefix(SCOPE)
                for p in out[-1:]
                if p.unit not in ("%", "位", "年")
                and p.indicator
                and re.fullmatch(r"[,，、]", text[p.end : p.end + 1])
                and not re.search(r"[,，;；。]", text[p.end + 1 : f.start])
            ]
            if not counted_names:
                # "规模达50.2万亿元,…,同比名义增长10.3%,占GDP比重41.5%": the shares and changes in between
                # are about that count too; the share is still the count's.
                counted_names = [
                    p.indicator.removeprefix(SCOPE)
                    for p in reversed(out)
                    if p.unit not in ("%", "位", "年")
                    and p.indicator
                    and not re.search(r"[;；。]", text[p.end : f.start])
                    and all(
                        _CHANGE_ONLY.search(q.indicator) or q.unit == "位" for q in out if q.start > p.start
                    )
                ][:1]
            subject = counted_names[0] if counted_names else subject_phrase(text, f.start)
            if indicator.startswith("占"):
                indicator = subject + indicator if counted_names and subject else indicator
            else:
                indicator = subject + "占" + indicator if subject else indicator
        elif indicator in ("数量", "总量", "总数") and (
            same := [
                p
                for p in out
                if p.unit == f.unit and p.indicator and not re.search(r"[。;；]", text[p.end : f.start])
            ]
        ):
            # "新增5G基站1.52万座、总数达9.17万座": the total of what the clause before counted.
            indicator = (
                re.sub(r"^(?:新增|新建|累计|共)", "", same[-1].indicator.removeprefix(SCOPE)) + indicator
            )
        elif not indicator and out and re.fullmatch(r"[和、及与]?[近约超逾]?", text[out[-1].end : f.start]):
            indicator = out[-1].indicator if out[-1].unit == f.unit or f.unit != "位" else ""
        elif (
            not indicator
            and out
            and out[-1].indicator
            and out[-1].unit == f.unit
            and _CHAINED.fullmatch(text[out[-1].end : f.start])
        ):
            # "一般公共预算收入突破百亿、达到102.57亿元": a run of predicates on one subject, the figure
            # in the same unit; the bound it passed restates the figure and goes.
            indicator = out[-1].indicator
            if out[-1].qualifier == ">" and out[-1].value <= f.value:
                out.pop()
        elif not indicator and bare_clause(text, f.start):
            # "新增星级上云企业148家,在全市率先突破400家": the clause goes on about the figure before.
            same = [
                p
                for p in out
                if p.unit == f.unit and p.indicator and not re.search(r"[。;；]", text[p.end : f.start])
            ]
            if same:
                indicator = same[-1].indicator.removeprefix(SCOPE)
            elif (
                out
                and out[-1].indicator
                and not re.search(r"[。;；]", text[out[-1].end : f.start])
                and _SUMMED.search(text, 0, f.start)
            ):
                # "兑付资金1.7万笔,合计51.16亿元": the sum of what the count before it counted
                indicator = out[-1].indicator.removeprefix(SCOPE)
            else:
                indicator = subject_phrase(text, f.start)
        elif not indicator and elliptical_clause(text, f.start, f.end):
            # "建成智慧社区186个,今年力争再建50个": the verb repeats; the thing counted is the one before.
            same = [
                p
                for p in out
                if p.unit == f.unit and p.indicator and not re.search(r"[。]", text[p.end : f.start])
            ]
            indicator = same[-1].indicator.removeprefix(SCOPE) if same else ""
        out.append(Figure(f.value, f.unit, indicator, f.qualifier, f.year, f.start, f.end))
    return out


_PLAN_PERIOD_BASE = re.compile(r"[“\"]?十[一二三四五]五[”\"]?(?:末|期末)?")
# Between two figures, a list mark and the verb of the second: both are predicates of one subject.
_CHAINED = re.compile(r"[、,，](?:达到|达|为|增至|增加到|提高到|提升至|提升到|超过|突破)[近约超逾]?")
# A clause that opens with a total: what follows sums what came before it.
_SUMMED = re.compile(r"(?:^|[,，])\s*(?:合计|共计|总计)(?:达到|达|为)?$")


_GENERIC = ("数量", "总量", "总数", "增速", "增幅", "规模", "占比")


_RECKONED = re.compile(r"^按?(?:可比价格?|现价|可比口径|不变价格?)(?:计算)?")
_CHANGE_ONLY = re.compile(
    r"(?:比上年|同比|环比|年均|(?:较|比)?[“\"]?十[一二三四五]五[”\"]?(?:末|期末))?(?:名义|实际)?"
    r"(?:增长|增加|新增|净增|提升|提高|上升|下降|降低|减少|增速|增幅|缩短|压缩|缩减|压减)$"
)


# Items counted with no name of their own (相关事项, 高频事项): the programme they are handled under names them.
_BARE_ITEMS = re.compile(r"^(?:相关|这些|上述|其中)?(?:高频|政务服务)?(?:事项|服务事项)$")


def name_by_programme(text: str, f: Figure) -> Figure:
    """Name bare items by the quoted programme of their sentence: "推行“秒报秒批”,相关事项达到316项" counts
    秒报秒批事项, "深化“跨省通办”,已实现186项高频事项…" 跨省通办高频事项.

    >>> name_by_programme("推行“秒报秒批”,相关事项达到316项", Figure(316, "项", "相关事项", "=", None, 17, 21)).indicator
    '秒报秒批事项'
    """
    items = re.sub(r"“[^“”]*”$", "", f.indicator)  # 高频事项“一地受理、异地可办”: what is done with them
    if not _BARE_ITEMS.match(items) or (items == f.indicator and not re.match(r"相关|这些|上述", items)):
        return f  # plain 事项 may be the text's own name for them; only an anaphor or a slogan is renamed
    quoted = re.findall(r"“([^“”]{2,10})”", text[: f.start])
    if not quoted or re.search(r"[。;；]", text[text.rfind("”", 0, f.start) : f.start]):
        return f
    bare = re.sub(r"^(?:相关|这些|上述|其中)", "", items)
    return Figure(f.value, f.unit, quoted[-1] + bare, f.qualifier, f.year, f.start, f.end)


def split_respectively(text: str, figures: list[Figure]) -> list[Figure]:
    """Give each figure of "A、B、C产业增速分别达18%、16%、15.7%" its own item: A产业增速, B产业增速 …;
    "A和B覆盖率实现双100%" is two figures.

    The items share the head that ends the list; the last item is as many words long as the first.

    >>> t = "网上可办率、“最多跑一次”比例、全程网办率分别达到99%、98%、90%"
    >>> fs = [Figure(v, "%", t[:21], "=", None, t.index(str(v)), t.index(str(v)) + 3) for v in (99, 98, 90)]
    >>> [f.indicator for f in split_respectively(t, fs)]
    ['网上可办率', '“最多跑一次”比例', '全程网办率']
    """
    out: list[Figure] = []
    for f in figures:
        items = _items(f.indicator)
        # "A和B覆盖率实现双100%", "A和B通达率均达到100%": one figure, each item's.
        both = text[max(0, f.start - 1) : f.start] == "双" or re.search(
            r"均(?:已)?(?:达到|达|为|实现|增长|提高|提升|下降|超过)?$", text[: f.start]
        )
        if both and len(items) == 2:
            out += [Figure(f.value, f.unit, item, f.qualifier, f.year, f.start, f.end) for item in items]
        else:
            out.append(f)
    i = 0
    while i < len(out):
        group = [i]
        while group[-1] + 1 < len(out) and re.fullmatch(
            r"[、和及与]", text[out[group[-1]].end : out[group[-1] + 1].start]
        ):
            group.append(group[-1] + 1)
        first = out[i]
        items = _items(first.indicator)
        if (
            len(group) > 1
            and len(items) == len(group)
            and re.search(r"分别[^,，;；。]{0,4}$", text[: first.start])
            and all(out[k].indicator == first.indicator for k in group)
        ):
            for k, name in zip(group, items, strict=True):
                f = out[k]
                out[k] = Figure(f.value, f.unit, name, f.qualifier, f.year, f.start, f.end)
        elif (
            len(group) > 1
            and first.unit == "位"
            and re.search(r"分别[^,，;；。]{0,4}$", text[: first.start])
            and all(out[k].indicator == first.indicator for k in group)
        ):
            # ranks shared out over items the indicator could not tell apart: one rank of the list is
            # all it can say, not the same ranking held several times over
            del out[i + 1 : group[-1] + 1]
            group = [i]
        i = group[-1] + 1
    return out


_MEASURE_HEADS = r"(?:[\u4e00-\u9fff]{2}率|比重|占比|比例|规模|能力|水平|总量)$"


def _items(indicator: str) -> list[str]:
    """The items a listed indicator names, each with the head they share ("A、B产业增速" → A产业增速, B产业增速),
    or [] when it lists nothing."""
    # (quoted items may follow each other with no mark between: “互联网+旅游”“互联网+金融”排名)
    items = re.split(r"[、和及与]|(?<=”)(?=“)", indicator)
    if len(items) < 2 or not all(items):
        return []
    # "财政总收入、一般公共预算收入全省排名": the first item ends on a measure the last one names too;
    # what follows it in the last item is what they share.
    common = next(
        (items[0][-k:] for k in range(min(len(items[0]), 4), 1, -1) if items[0][-k:] in items[-1][:-1]),
        "",
    )
    if common and len(items) == 2:
        rest = items[-1][items[-1].rindex(common) + len(common) :]
        return [items[0] + rest, items[-1]]
    if all(re.search(r"(?:率|比例|比重|占比|指数)$", item) for item in items):
        return items  # "网上可办率、“最多跑一次”比例、全程网办率": each item is a measure of its own
    head_words = segment(items[-1])
    # The last item is as long as the first, or ends where what is measured of it begins (数字化改造…率).
    size = max(1, len(segment(items[0])))
    size = min([size] + [k for k, w in enumerate(head_words) if k and w.tag in ("vn", "v")])
    measure = re.search(_MEASURE_HEADS, items[-1])
    if len(head_words) <= size and measure and measure.start() > 0:
        # 行政村光纤和4G网络通达率 (LAC's one word 4G网络通达率): the items share the measure ending the list.
        return [*(item + measure.group(0) for item in items[:-1]), items[-1]]
    if len(head_words) <= size:
        # "数字化车间和智能工厂分别达到120家和35家": whole items with no head in common.
        return items if len(items) == 2 and all(len(segment(item)) > 1 for item in items) else []
    head = "".join(w.text for w in head_words[size:])
    if all(item.endswith(head_words[-1].text) for item in items):
        return items  # "财政总收入、一般公共预算收入": each item ends on its own measure; none is shared
    return [*(item + head for item in items[:-1]), "".join(w.text for w in head_words[:size]) + head]


# A share that names nothing after 占 ("…1571174件,占37.93%").
_BARE_SHARE = re.compile(r"(?:^|[,，、])\s*占(?:约|近|达到|达|为)?\s*$")


def _item_opens_with_share(text: str, position: int) -> bool:
    """Whether a share follows a count right after its 、 ("重点项目36个、占全市的69.2%").

    >>> _item_opens_with_share("引进重点项目36个、占全市的69.2%", 14), _item_opens_with_share("数字经济、占比", 7)
    (True, False)
    """
    return bool(re.search(r"\d[^\d,，;；:：。、]{0,4}、占[^,，;；:：。、]*$", text[:position]))


def _clause_opens_with(text: str, words: str, position: int) -> bool:
    """Whether the clause before `position` begins with `words` (占 in "…,占全市生产总值比重7.1%")."""
    clause = re.split(r"[,，;；:：。]", text[:position])[-1]
    return clause.startswith(words)
