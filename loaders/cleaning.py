"""Cleaned text of a scraped document: site chrome dropped, stated metadata parsed.

Chrome is recognised line by line. A line is dropped only when all of it is chrome
(breadcrumbs, counters, share buttons, editor and source notes, subscription codes,
copyright notes); a body line only ever loses a chrome fragment at its end. That keeps
every sentence evidence may point to (DESIGN.md: every fact traceable to its sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import lxml.etree
import lxml.html


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text of a document and the metadata its lines stated."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    dropped_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class HtmlPage:
    """The body text of an HTML page (block elements as line breaks) and its head metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None


# --- characters -------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NBSP = re.compile(r"[\u00a0\u2007\u202f]")
# A space typed between a Chinese word and a curly quote ("率先实施 “快递进村”,") is no word boundary:
# Chinese text puts none there, and a verb must stay next to the name it governs.
_QUOTE_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff，。、；：])[ \t\u3000]+(?=[“‘])|(?<=[”’])[ \t\u3000]+(?=[\u4e00-\u9fff，。、；：])"
)

# A space a page sets inside a date or a figure ("截至 2023 年底", "2023 年上半年", "30% 以上") parts no
# words: the year and its 年, the figure and its bound word are read together.
_NUMBER_SPACE = re.compile(
    r"(?<=\d)[ \t]+(?=[年月日])|(?<=[截止至到于在])[ \t]+(?=\d{4}[ \t]*年)|(?<=\d%)[ \t]+(?=以上|以下|左右)"
)


# Some mirror sites gloss characters with their pinyin in brackets (發(fā)展, 經(jīng)濟): a reading aid, no
# text; a tone mark tells it from a bracketed Latin word (5G (NR)).
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONES}])[a-zü{_TONES}]{{1,7}}[)）]")


def normalise_whitespace(raw: str) -> str:
    r"""Return `raw` with "\n" line endings, zero-width and control characters and pinyin glosses
    removed, NBSP as space.

    Full-width punctuation and the ideographic space are kept as they are, except that a space
    between a Chinese word and a curly quote goes.

    >>> normalise_whitespace("数字\u200b城市\r\n第二行\u00a0止\r")
    '数字城市\n第二行 止\n'
    >>> normalise_whitespace("率先实施 “快递进村” ,推出 “慧农管家” 系统, 5G “双千兆”")
    '率先实施“快递进村” ,推出“慧农管家”系统, 5G “双千兆”'
    >>> normalise_whitespace("截至 2023 年底,覆盖率达 30% 以上,发布于 2024-01-02 10:00")
    '截至2023年底,覆盖率达 30%以上,发布于 2024-01-02 10:00'
    >>> normalise_whitespace("數(shù)字經(jīng)濟核心產(chǎn)業(yè), 5G(NR)基站")
    '數字經濟核心產業, 5G(NR)基站'
    """
    text = _PINYIN_GLOSS.sub("", raw)
    text = _LINE_BREAKS.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    return _NUMBER_SPACE.sub("", _QUOTE_SPACE.sub("", _NBSP.sub(" ", text)))


# --- dates ---------------------------------------------------------------------------------

_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*T?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_DATE_PARTS = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def parse_date(text: str) -> str | None:
    """Return the first full date in `text` as ISO YYYY-MM-DD, or None.

    >>> [parse_date(t) for t in ("2023年08月15日", "2023-11-14 10:22", "2023/2/30", "2023年8月")]
    ['2023-08-15', '2023-11-14', None, None]
    """
    match = _DATE_PARTS.search(text)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


# --- chrome lines ----------------------------------------------------------------------------
# Each item is a piece of chrome; a line made only of items (and separators) is dropped.

_K_DATE = r"发布时间|发布日期|发表时间|发表日期|发文日期|成文日期|印发日期|更新时间|更新日期|发布于|时间|日期"
_K_SOURCE = r"文章来源|信息来源|稿件来源|新闻来源|内容来源|本文来源|来源|出处|转自|转载自"
_K_AUTHOR = r"作者|撰文|撰稿|特约记者|本报记者|记者|通讯员|文"
_K_EDITOR = r"责任编辑|值班编辑|编辑|责编|审核|审校|校对|初审|复审|终审|编审"
_K_CONTACT = (
    r"征订热线|订阅热线|订阅电话|发行热线|广告热线|服务热线|咨询热线|联系电话|联系方式|热线电话|电话|传真|投稿邮箱|"
    r"联系邮箱|电子邮箱|邮箱|邮编|地址|E-?mail"
)
_K_CODE = r"邮发代号|国内统一连续出版物号|国内统一刊号|国际标准连续出版物号|刊号|ISSN|CN"
_K_COUNTER = (
    r"浏览量|浏览次数|浏览|阅读量|阅读次数|阅读数|阅读|访问量|访问次数|点击量|点击数|点击率|点击|人气|"
    r"点赞数|点赞|收藏数|收藏|评论数|评论|转发数|转发|分享数|分享|在看"
)
_K_ACTION = (
    r"打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|返回首页|返回|加入收藏|"
    r"我要纠错|纠错|分享到|扫一扫|微信|微博|QQ空间|朋友圈|"
    # a government site's versions for phones, screen readers and the elderly (长者专区, 关怀版)
    r"手机版|无障碍阅读|无障碍浏览|无障碍|长者专区|长者模式|长者版|关怀版|适老化|字体\s*[:：]?|字号\s*[:：]?(?:\s*[TtAa大中小][|｜]?)*|默认|大|中|小"
)
_ALL_KEYS = "|".join((_K_DATE, _K_SOURCE, _K_AUTHOR, _K_EDITOR, _K_CONTACT, _K_CODE, _K_COUNTER))
_TERMINATORS = "。！？!?；;"
# A value never starts with the next key: "作者: 发布时间: 2020-08-07" has an empty author.
_NOT_A_KEY = rf"(?!(?:{_ALL_KEYS})\s*[:：])"
_VALUE = (
    rf"{_NOT_A_KEY}[^{_TERMINATORS}|｜丨]{{1,60}}?(?=\s*[|｜丨]|\s+(?:{_ALL_KEYS}|字号|字体)\s*[:：]|\s*$)"
)
_NAMES = rf"{_NOT_A_KEY}[^\s|｜丨:：，。,;；]{{2,20}}(?:[ \u3000、，,]+[^\s|｜丨:：，。,;；]{{2,12}}){{0,5}}"
_HAN_NAMES = r"[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,4}){0,5}"
_URL = r"(?:https?://|www\.)\S+"


def _item(named: bool) -> str:
    def group(name: str, pattern: str) -> str:
        return f"(?P<{name}>{pattern})" if named else f"(?:{pattern})"

    return "|".join(
        (
            rf"(?:{_K_DATE})\s*[:：]?\s*{group('date', _DATE)}",
            # An empty field before the next key ("作者: 发布时间: …", "来源: ").
            rf"(?:{_ALL_KEYS})\s*[:：](?=\s*(?:(?:{_ALL_KEYS})\s*[:：]|$))",
            # A bare date and time leading a line of other chrome ("2020-09-09 08:00:00 来源:…").
            group("bare_date", rf"{_DATE}(?=\s+(?:{_ALL_KEYS})\s*[:：])"),
            rf"(?:{_K_DATE})\s*[:：]?\s*\d{{4}}\s*年\s*\d{{1,2}}\s*月",
            rf"(?:原文链接|原文地址|本文链接|链接|网址|{_K_SOURCE})?\s*[:：]?\s*{_URL}",
            rf"(?:{_K_SOURCE})\s*[:：]\s*{group('source', _VALUE)}",
            rf"(?:{_K_AUTHOR})\s*[:：|｜丨/]\s*{group('author', _NAMES)}",
            rf"(?:{_K_AUTHOR})\s+{group('reporter', _HAN_NAMES)}",
            rf"(?:{_K_EDITOR})\s*[:：|｜丨]\s*{group('editor', _NAMES)}",
            rf"(?:{_K_CONTACT})\s*[:：]\s*{_VALUE}",
            # "邮发代号 2-786": a code needs no colon, but a heading like "电话诈骗防范" must stay.
            rf"(?:{_K_CODE})\s*[:：]?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*",
            rf"(?:{_K_COUNTER})\s*[:：]?\s*\d*\s*(?:次|人次|人)?",
            rf"(?:{_K_ACTION})",
        )
    )


_SEPARATORS = r"[\s|｜丨/·•,，;；]*"
_CHROME_LINE = re.compile(
    rf"^\s*[•·]?\s*(?:{_item(False)})(?:{_SEPARATORS}(?:{_item(False)}))*\s*$", re.IGNORECASE
)
_CHROME_ITEM = re.compile(_item(True), re.IGNORECASE)
_BRACKETS = re.compile(r"[【】\[\]()（）]")

# Lines that are chrome by how they start (kept short so a paragraph is never matched).
_CHROME_START = re.compile(
    r"^(?:(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|现在位置|位置)\s*[:：]"
    r"|首页\s*[>＞»›]|欢迎关注|欢迎订阅|关注我们|扫码关注|扫描二维码|长按识别|长按二维码|点击关注|点击上方|"
    r"点击下方|点击蓝字|点击阅读原文|阅读原文|更多精彩|往期推荐|往期回顾|推荐阅读|相关阅读|相关链接|相关新闻|"
    r"相关文章|延伸阅读|上一篇|下一篇|上一条|下一条|分享到|附件下载|今天是\s*[:：]|"
    # the header of a reply to a deputy's proposal: "类别:A", "签发人:耿伟", "A类"
    r"类别\s*[:：]\s*[A-Da-d]类?$|签发人\s*[:：]|[A-Da-d]类$|"
    # font-size buttons and logo placeholders: "- A+", "A-", "logo", "首页"
    r"[-–—•·]?\s*A\s*[+＋\-－]$|(?:logo|LOGO|Logo|首页)$)"
)
# A row of menu entries: four or more short words and nothing else ("网站首页 新闻中心 走进商务厅 …").
_MENU_ENTRY = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{2,5})$")
# (a bar of links split by | is one too: "直通屏山|福建|时评|…|福州|厦门|莆田")
_MENU = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:(?:[ \u3000]+|\s*[|｜]\s*)[\u4e00-\u9fff]{2,6}){3,}$")
_BREADCRUMB = re.compile(r"^[^。！？>＞»›]{1,16}(?:\s*[>＞»›]\s*[^。！？>＞»›]{1,16}){2,}$")
_COPYRIGHT = re.compile(
    r"版权所有|copyright|©|ICP备|ICP证|公网安备|网站标识码|all rights reserved|如有侵权|侵权请联系|侵删|"
    r"转载请注明|未经授权(?:禁止|不得)|未经许可不得|免责声明|本文仅代表作者",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页)$"
)
_LIST_LITERAL = r"\[\s*(?:(?:'[^'\n]*'|\"[^\"\n]*\")\s*(?:,\s*(?:'[^'\n]*'|\"[^\"\n]*\")\s*)*)?\]"
_LIST_LINE = re.compile(rf"^{_LIST_LITERAL}$")

# Chrome fragments at the end of a body line. `boundary` fragments only count after a
# sentence end, a closing bracket or a space, so "受到广泛关注和收藏" keeps its 收藏.
_TRAILING = (
    (re.compile(rf"\s*{_LIST_LITERAL}$"), False),
    (
        re.compile(
            r"[(（]\s*(?:责任编辑|编辑|责编|审核|校对|来源|稿件来源|文章来源|信息来源)\s*[:：]\s*[^()（）]{1,30}[)）]$"
        ),
        False,
    ),
    (re.compile(rf"(?:{_K_COUNTER}|打印|关闭窗口|关闭)\s*[:：]?\s*\d*$"), True),
    (re.compile(r"(?:责任编辑|编辑|责编)\s*[:：]\s*\S{1,12}$"), True),
    (re.compile(rf"(?:如有侵权|版权所有|转载请注明|本文来源|文章来源)[^{_TERMINATORS}]{{0,80}}$"), True),
)
_BOUNDARY = frozenset("。！？!?；;”’\"')）]】》")
# Chrome is short (a long URL line at most); a body line is only scanned at its end.
_LONGEST_CHROME_LINE = 1000
_LONGEST_CHROME = 200

# Slogans after the last sentence of the body ("分享网络安全知识 强化网络安全意识").
_RELATED_HEADING = re.compile(
    r"^(?:往期推荐|往期回顾|往期精选|相关阅读|推荐阅读|延伸阅读|相关新闻|相关链接|更多阅读|热门推荐|精彩推荐)\s*[:：]?$"
)
_TAIL_SLOGAN = re.compile(rf"^(?:分享|关注|订阅|扫码|扫描|长按|点击|转发|投稿|更多|欢迎)[^{_TERMINATORS}]*$")

# A byline of an outlet and reporter at the head ("某某商报·某某新闻网 张三").
_MEDIA_BYLINE = re.compile(
    r"^(?P<source>[^\s。！？!?；;，,:：]{2,30}(?:报|网|社|台|刊|杂志|新闻|客户端|融媒体中心|频道))"
    r"\s+(?P<author>[\u4e00-\u9fff]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff]{2,4}){0,3})$"
)
_BYLINE_HEAD = re.compile(r"^(?:文|作者|撰文)\s*[|｜丨:：]\s*(?P<rest>.+)$")
# Common surnames: a bare name line ("袁慧中") must start with one to count as an author.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆卓缪简车项芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封匡鞠荆冀郁胥"
)
_COMPOUND_SURNAME = re.compile(r"^(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|长孙|宇文|夏侯)")
_NOT_TITLE = re.compile(
    rf"[{_TERMINATORS}]|[:：，,、]$|^(?:[一二三四五六七八九十]+、|[(（]|\d+[、.．]|第.{{1,3}}[章节条部分])"
    # an image and its caption ("【资料图】", "图 | 数字福建(安溪)产业园", "image.png")
    r"|^(?:【[^】]{0,6}图[^】]{0,6}】|图\s*[|｜丨:：])|\.(?:png|jpe?g|gif|webp)$"
)
_BODY_LINE = re.compile(r"[。！？!?]")
# Placeholders that editors and libraries write into file properties, not authors.
_JUNK_AUTHORS = {"python-docx", "administrator", "admin", "user", "微软用户", "microsoft office user"}


def _is_name(token: str) -> bool:
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", token):
        return False
    if _COMPOUND_SURNAME.match(token):
        return len(token) in (3, 4)
    return token[0] in _SURNAMES and len(token) <= 3


def bare_names(line: str) -> str | None:
    """Return `line` when it is only personal names (a byline), else None.

    >>> [bare_names(t) for t in ("袁慧中", "梅立 方丹丹", "数字经济", "编者按")]
    ['袁慧中', '梅立 方丹丹', None, None]
    """
    tokens = re.split(r"[ \u3000、]+", line.strip())
    return line.strip() if tokens and len(tokens) <= 4 and all(_is_name(t) for t in tokens) else None


def usable_author(name: str | None) -> str | None:
    """Return `name` unless it is a placeholder that tools write into file properties."""
    if not name or name.strip().lower() in _JUNK_AUTHORS:
        return None
    return name.strip()


@dataclass
class _Stated:
    dates: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)  # sources and authors that are government bodies

    def read(self, chrome: str) -> None:
        for match in _CHROME_ITEM.finditer(chrome):
            groups = match.groupdict()
            stated_date = groups.get("date") or groups.get("bare_date")
            if stated_date and (iso := parse_date(stated_date)):
                self.dates.append(iso)
            if groups.get("source") and not re.search(_URL, groups["source"]):
                # "来源:南京市雨花台区电台  发布开发区:江苏南京…": a wide gap or a key of the site's own
                # starts the next field, which is not the source
                source = re.split(r"\s{2,}|\u3000|\s+[\u4e00-\u9fff]{2,6}[:：]", groups["source"].strip())[0]
                self.sources.append(source.strip(" ，,。"))
                self._publisher(self.sources[-1])
            if author := groups.get("author") or groups.get("reporter"):
                self.authors.append(author.strip())
                self._publisher(self.authors[-1])
            if groups.get("editor"):
                self.editors.append(groups["editor"].strip())

    def _publisher(self, value: str) -> None:
        if _PUBLISHING_BODY.fullmatch(value) and value not in self.publishers:
            self.publishers.append(value)


# A government body that publishes a page ("来源:中共天津市西青区委网络安全和信息化委员会办公室", "文|杭州市
# 数据资源管理局") is named by the page, and annotators list it (SCHEMA.md: agencies the text names):
# its line is kept in the text as "来源:…", where the page had it. Outlets and people are not kept.
_PUBLISHING_BODY = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}(?:人民政府|政府|委员会|办公室|办公厅|管委会|局|委|厅|办)(?<!报社)"
)


def _is_chrome_line(line: str, stated: _Stated) -> bool:
    unbracketed = _BRACKETS.sub(" ", line) if len(line) <= _LONGEST_CHROME_LINE else ""
    if unbracketed and _CHROME_LINE.match(unbracketed):
        stated.read(unbracketed)
        return True
    if len(line) <= 100 and (_CHROME_START.match(line) or _BREADCRUMB.match(line) or _MENU.match(line)):
        return True
    if len(line) <= 150 and _COPYRIGHT.search(line) and len(_BODY_LINE.findall(line)) <= 1:
        return True
    return bool(_PAGE_NUMBER.match(line) or _LIST_LINE.match(line))


def _strip_trailing(line: str, stated: _Stated) -> tuple[str, list[str]]:
    fragments: list[str] = []
    stripped = True
    while stripped:
        stripped = False
        offset = max(0, len(line) - _LONGEST_CHROME)
        for pattern, needs_boundary in _TRAILING:
            match = pattern.search(line, offset)
            if not match or match.start() == 0:
                continue
            body = line[: match.start()]
            if needs_boundary and not (body[-1] in _BOUNDARY or body[-1].isspace()):
                continue
            fragment = match.group().strip()
            stated.read(_BRACKETS.sub(" ", fragment))
            fragments.append(fragment)
            line = body.rstrip()
            stripped = True
            break
    return line, fragments


def _with_publishers(
    lines: list[str], numbers: list[int], published: list[tuple[int, str]], *, after: int
) -> list[str]:
    """Return ``lines`` with a "来源:…" line for each publishing body, where the page had it (not before the title).

    >>> _with_publishers(["标题", "正文。"], [0, 2], [(1, "某市大数据局")], after=1)
    ['标题', '来源:某市大数据局', '正文。']
    >>> _with_publishers(["标题", "正文。"], [1, 2], [(0, "某市大数据局")], after=1)
    ['标题', '来源:某市大数据局', '正文。']
    """
    out = list(lines)
    for number, body in reversed(published):
        at = max(after, sum(1 for n in numbers if n < number))
        out.insert(min(at, len(out)), f"来源:{body}")
    return out


def _title_of(lines: list[str]) -> str | None:
    if len(lines) < 2:
        return None
    first = lines[0]
    if len(first) > 50 or _NOT_TITLE.search(first) or bare_names(first):
        return None
    return first


def _byline_author(lines: list[str]) -> str | None:
    for line in lines[:3]:
        if match := _BYLINE_HEAD.match(line):
            for token in re.split(r"\s+", match["rest"])[:6]:
                if _is_name(token):
                    return token
    return None


_PAIRS = (("“", "”"), ("《", "》"))
_WRAP_REACH = 30  # a wrapped name closes within this many characters of the next line


def rejoin_wrapped(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Return `lines` (and their source line `numbers`) with quotes and titles broken across lines joined.

    Text copied from PDFs is hard-wrapped at the page width, so a quoted name or a cited title
    can open on one line and close on the next (“一网通\n办2.0”): the two halves are one line
    again when the first leaves a “ or 《 open and the next closes it soon after it starts.

    >>> rejoin_wrapped(["深化“一网通", "办”改革。", "下一段"], [0, 1, 2])
    (['深化“一网通办”改革。', '下一段'], [0, 2])
    >>> rejoin_wrapped(["标题“甲”", "正文。"], [0, 1])
    (['标题“甲”', '正文。'], [0, 1])
    """
    joined: list[str] = []
    kept_numbers: list[int] = []
    for line, number in zip(lines, numbers, strict=True):
        if joined and _left_open(joined[-1]) and _closes_soon(line, _left_open(joined[-1])):
            joined[-1] += line
            continue
        joined.append(line)
        kept_numbers.append(number)
    return joined, kept_numbers


def _left_open(line: str) -> str | None:
    """Return the closing mark a line still waits for (” or 》), or None."""
    for opening, closing in _PAIRS:
        if line.rfind(opening) > line.rfind(closing):
            return closing
    return None


def _closes_soon(line: str, closing: str | None) -> bool:
    at = line.find(closing) if closing else -1
    return 0 <= at <= _WRAP_REACH and not any(line.find(o, 0, at) >= 0 for o, _ in _PAIRS)


def mend_quotes(line: str) -> str:
    """Turn a closing quote that opens a quoted name (在”爱山东”APP办理) into an opening one; a page
    typed with the wrong mark otherwise splits the name at it.

    >>> mend_quotes("可以在”爱山东”APP济南分厅办理,推进“一网通办”")
    '可以在“爱山东”APP济南分厅办理,推进“一网通办”'
    >>> mend_quotes("推进“一网通办”改革”")
    '推进“一网通办”改革”'
    """
    out = list(line)
    open_quote = False
    for i, ch in enumerate(line):
        if ch == "“":
            open_quote = True
        elif ch == "”":
            if not open_quote:
                close = line.find("”", i + 1, i + 18)
                between = line[i + 1 : close] if close > 0 else ""
                if close > 0 and between and not re.search(r"[“,，。;；:：!！?？、\s]", between):
                    out[i] = "“"
                    open_quote = True
                    continue
            open_quote = False
    return "".join(out)


def clean_text(raw: str) -> Cleaned:
    """Return the body text of `raw` with site chrome dropped and stated metadata parsed.

    Paragraphs are kept one per line, blank lines are collapsed, and metadata lines
    (发布时间, 文章来源, 编辑, …) are removed from the text and parsed.

    >>> c = clean_text("当前位置: 首页>要闻\\n\\n数字城市\\n发布时间: 2023年08月15日 文章来源: 《某报》\\n"
    ...                "建成基站10个。点赞:\\n\\n\\n(编辑:李四)")
    >>> c.text, c.title, c.date, c.source, c.author
    ('数字城市\\n建成基站10个。', '数字城市', '2023-08-15', '《某报》', '李四')
    >>> c.dropped_lines
    ('当前位置: 首页>要闻', '发布时间: 2023年08月15日 文章来源: 《某报》', '点赞:', '(编辑:李四)')
    """
    stated = _Stated()
    kept: list[str] = []
    numbers: list[int] = []  # source line of each kept line
    dropped: list[tuple[int, str]] = []  # (line number, text) so the report keeps document order
    media_author: str | None = None
    published: list[tuple[int, str]] = []  # (line number, body) of each publisher line to keep
    for number, raw_line in enumerate(normalise_whitespace(raw).split("\n")):
        line = mend_quotes(raw_line.strip())
        if not line:
            continue
        known = len(stated.publishers)
        if _is_chrome_line(line, stated):
            published.extend((number, body) for body in stated.publishers[known:])
            dropped.append((number, line))
            continue
        if len(kept) < 3 and (byline := _MEDIA_BYLINE.match(line)):
            stated.sources.append(byline["source"])
            media_author = media_author or byline["author"]
            dropped.append((number, line))
            continue
        body, fragments = _strip_trailing(line, stated)
        published.extend((number, p) for p in stated.publishers[known:])
        dropped.extend((number, fragment) for fragment in fragments)
        if body:
            kept.append(body)
            numbers.append(number)

    # "往期推荐" and its list of other articles' titles close many reposted pages: all chrome.
    related_at = next(
        (
            n
            for n, line in enumerate(normalise_whitespace(raw).split("\n"))
            if _RELATED_HEADING.match(line.strip())
        ),
        None,
    )
    if related_at is not None:
        after = [i for i, n in enumerate(numbers) if n > related_at]
        if after and all(len(kept[i]) <= 60 for i in after):
            dropped.extend((numbers[i], kept[i]) for i in after)
            kept, numbers = kept[: after[0]], numbers[: after[0]]

    # A page's menu before the body: three or more one-word lines in a row ("首页 学习 活动 专区").
    first_body = next((i for i, line in enumerate(kept) if _BODY_LINE.search(line)), len(kept))
    entries = [i for i in range(first_body) if _MENU_ENTRY.match(kept[i])]
    runs: list[list[int]] = []
    for i in entries:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    menu = {i for run in runs if len(run) >= 3 for i in run}
    if menu:
        dropped.extend((numbers[i], kept[i]) for i in sorted(menu))
        kept = [line for i, line in enumerate(kept) if i not in menu]
        numbers = [n for i, n in enumerate(numbers) if i not in menu]

    last_body = max((i for i, line in enumerate(kept) if _BODY_LINE.search(line)), default=-1)
    if last_body >= 0:
        tail = {
            i for i in range(last_body + 1, len(kept)) if len(kept[i]) <= 60 and _TAIL_SLOGAN.search(kept[i])
        }
        dropped.extend((numbers[i], kept[i]) for i in sorted(tail))
        kept = [line for i, line in enumerate(kept) if i not in tail]
        numbers = [n for i, n in enumerate(numbers) if i not in tail]

    kept, numbers = rejoin_wrapped(kept, numbers)
    title = _title_of(kept)
    head_name = bare_names(kept[1]) if title and len(kept) > 1 else None
    author = next(
        (a for a in (*stated.authors, _byline_author(kept), head_name, media_author, *stated.editors) if a),
        None,
    )
    kept = _with_publishers(kept, numbers, published, after=1 if title else 0)
    return Cleaned(
        text="\n".join(kept),
        title=title,
        date=stated.dates[0] if stated.dates else None,
        source=stated.sources[0] if stated.sources else None,
        author=author,
        dropped_lines=tuple(text for _, text in sorted(dropped, key=lambda item: item[0])),
    )


# --- HTML ------------------------------------------------------------------------------------

_DROP_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "noscript", "iframe", "form", "button",
    "select", "template", "svg", "canvas", "object", "embed", "head", "menu",
)  # fmt: skip
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "main", "blockquote", "pre", "figure", "figcaption", "address", "hr", "center",
    "caption", "tbody", "thead", "tfoot",
})  # fmt: skip
_CELL_TAGS = frozenset(("td", "th"))
_CHROME_ATTR = re.compile(
    r"breadcrumb|crumb|share|footer|copyright|navbar|navigation|sidebar|toolbar|bdshare|"
    r"(?:^|[\s_-])(?:nav|menu|foot|pager|pagination|comments?|related|print|fontsize|location|position|"
    r"weizhi|dqwz|ads?|advert)(?:$|[\s_-])",
    re.IGNORECASE,
)
_META_FIELDS = {
    "title": ("articletitle", "og:title", "dc.title", "title"),
    "date": ("pubdate", "publishdate", "article:published_time", "dc.date", "date", "og:release_date"),
    "source": ("contentsource", "source", "dc.source"),
    "author": ("author", "article:author", "dc.creator"),
}
_INLINE_WS = re.compile(r"[ \t\n\r\f\v]+")
# A source line break next to a Chinese character is not a space (only Latin words need one).
_CJK_WRAP = re.compile(r"(?<=[^\x00-\x7f])[ \t\r\f\v]*\n\s*|[ \t\r\f\v]*\n\s*(?=[^\x00-\x7f])")
_SITE_SUFFIX = re.compile(r"\s+[-–—|｜_]\s+|_")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def _inline(text: str | None) -> str:
    return _INLINE_WS.sub(" ", _CJK_WRAP.sub("", text)) if text else ""


def _page_title(title: str) -> str:
    first = _SITE_SUFFIX.split(title.strip(), maxsplit=1)[0].strip()
    return first if len(first) >= 4 else title.strip()


def html_page_text(markup: str) -> HtmlPage:
    """Return the body text of an HTML page, without navigation, share and footer chrome.

    >>> page = html_page_text("<html><head><title>数字城市 - 某网</title></head><body>"
    ...     "<nav>首页</nav><div class='breadcrumb'>首页 &gt; 新闻</div>"
    ...     "<p>建成基站<b>10</b>个。</p><p>第二段</p><footer>版权所有</footer></body></html>")
    >>> page.text.split(), page.title
    (['建成基站10个。', '第二段'], '数字城市')
    """
    markup = _XML_DECL.sub("", markup)
    if not markup.strip():
        return HtmlPage(text="")
    try:
        root = lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(remove_comments=True))
    except (lxml.etree.ParserError, ValueError):
        return HtmlPage(text="")

    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        for name, keys in _META_FIELDS.items():
            if content and key in keys and name not in found:
                found[name] = content
    title_el = root.find(".//title")
    if "title" not in found and title_el is not None and (title_el.text or "").strip():
        found["title"] = _page_title(_inline(title_el.text))

    body = root.find("body")
    body = body if body is not None else root
    for element in list(body.iter(*_DROP_TAGS)):
        element.drop_tree()
    total = len(body.text_content())
    for element in list(body.iter()):
        attrs = f"{element.get('class') or ''} {element.get('id') or ''}"
        # A page whose main column is named e.g. "main-side" must not lose its body.
        if (
            element is not body
            and attrs.strip()
            and _CHROME_ATTR.search(attrs)
            and len(element.text_content()) <= max(200, total // 2)
        ):
            element.drop_tree()

    parts: list[str] = []
    pre = 0
    for event, element in lxml.etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "pre":
                pre += 1
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            parts.append(element.text or "" if pre else _inline(element.text))
        else:
            if tag == "pre":
                pre -= 1
            parts.append("\n" if tag in _BLOCK_TAGS else " " if tag in _CELL_TAGS else "")
            if element is not body:
                parts.append(element.tail or "" if pre else _inline(element.tail))
    date_found = parse_date(found.get("date", ""))
    return HtmlPage(
        text="".join(parts),
        title=found.get("title"),
        date=date_found,
        source=found.get("source"),
        author=usable_author(found.get("author")),
    )
