"""The gazetteer of Chinese administrative divisions: GB/T 2260 codes, names, parents, coordinates.

The base data is `cpca`'s ``resources/adcodes.csv`` (a maintained dependency, DESIGN.md
decision 1), read at run time. It predates many changes since about 2016, so
``data/division_changes.csv`` lists the renames, merges and new divisions since then,
each with the year and a source note, and is applied on top.

Surface forms: every division answers to its full name (扬州市) and, when that is safe,
to its short form (扬州). A surface is unsafe when it has one character, is generic
(城区, 郊区) or is an ordinary word of government prose (和平, 振兴; see `_UNSAFE_SURFACES`).
`Gazetteer.lookup` answers to every short form; `Gazetteer.surface_forms` only to the
safe ones; `Gazetteer.is_short_form` tells a caller which strings are short forms, so an
extractor can accept a short county form only when the document context supports it.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from loaders.records import Division, Level

__all__ = [
    "COUNTRY_CODE",
    "Gazetteer",
    "UnknownPlace",
    "code_level",
    "is_safe_surface",
    "load_gazetteer",
    "short_name",
]

COUNTRY_CODE = "100000"
_COUNTRY_NAME = "中国"
# SCHEMA.md: `country` for 中国/全国 where it carries facts.
_COUNTRY_ALIASES = ("中国", "中华人民共和国", "全国", "我国")
_CHANGES_CSV = Path(__file__).parent / "data" / "division_changes.csv"
_LEVEL_RANK: dict[str, int] = {"country": 0, "province": 1, "prefecture": 2, "district": 3}


def _words(text: str) -> tuple[str, ...]:
    """Return the space-separated words of a hand-written list.

    >>> _words("扬州 泰州")
    ('扬州', '泰州')
    """
    return tuple(text.split())


# Longer endings first, so 自治区 and 矿区 win over 区.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "矿区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
)
_AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
_BANNER_DIRECTIONS = ("左", "右", "前", "中", "后", "联合")

# The 55 minority nationalities named in autonomous divisions (伊犁哈萨克自治州 drops 族),
# and 各族 (龙胜各族自治县).
_NATIONALITIES = tuple(
    sorted(
        _words(
            "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
            "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
            "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
        ),
        key=len,
        reverse=True,
    )
)

# Surfaces that read as ordinary words or generic names in government prose, so a bare match
# is more likely the word than the place (乡村振兴 is not 振兴区, 平安城市 not 平安区, 金山云
# not 金山区). Picked by reading every district short form against jieba's dictionary of common
# words, keeping the places that prose names by their short form (西安, 中山, 大兴, 鼓楼).
# They still answer to `Gazetteer.lookup`; full names stay surfaces unless generic (城区, 郊区).
_UNSAFE_SURFACES = frozenset(
    _words(
        # generic names, full or short
        "城区 郊区 矿区 东区 西区 新区 开发区 高新区 市中 市辖 城中 城东 城西 城南 城北 老城 古城 新城 "
        # words of policy prose: development, safety, people's livelihood
        "和平 长安 新华 永安 太平 东方 平安 安全 开放 发展 建设 振兴 复兴 兴国 兴业 富民 惠民 爱民 "
        "安居 合作 友好 友谊 同心 互助 共和 解放 前进 前锋 向阳 红旗 东风 光明 新兴 新建 新民 新星 "
        "资源 比如 南部 中原 公安 通道 港口 路桥 运河 天河 金山 麒麟 灯塔 宏伟 威信 会同 平和 平原 "
        "平定 安定 延长 长子 万年 富裕 丰满 工农 回民 民和 和顺 高明 大方 大观 大安 江山 商城 台前 "
        # landscape words: rivers, lakes, mountains, seas, landmarks
        "江南 江北 南海 东海 南岸 江岸 河口 东湖 南湖 西湖 清水 白水 清流 温泉 泰山 天山 白云 龙门 "
        "石门 凤凰 莲花 芙蓉 海棠 木兰 宝塔 白塔 钟楼 天桥 天涯 七星 元宝 白玉 玉泉 石鼓 洞口 二道 "
        "甘泉 名山 高台 双桥 小店 平房 同仁 博爱 白杨 水城 天心 阳明 天元 开化 路南 小金 武功 朝阳 "
        "金平 新河 九龙 大名 故城 桃源 永和 金台 中方"
    )
)


# Cities separately planned under the State Council (计划单列市: 大连, 青岛, 宁波, 厦门, 深圳): as
# prominent as a provincial capital when a district name is shared (深圳's 龙华区 and 海口's).
_PLANNED_CITIES = frozenset(("2102", "3702", "3302", "3502", "4403"))


# Customary abbreviations of autonomous prefectures whose names are too long to shorten by rule: the
# first syllable and 州, as their own governments and papers write them (克州 for 克孜勒苏柯尔克孜自治州).
_ABBREVIATIONS = {
    "652700": ("博州",),  # 博尔塔拉蒙古自治州
    "652800": ("巴州",),  # 巴音郭楞蒙古自治州 (巴州 is also 巴中's 巴州区: context decides)
    "653000": ("克州",),  # 克孜勒苏柯尔克孜自治州
}


class UnknownPlace(LookupError):
    """No division of the gazetteer has this code."""


def code_level(code: str) -> Level:
    """Return the level a six-digit GB/T 2260 code denotes.

    >>> code_level("320000"), code_level("321000"), code_level("320214"), code_level("100000")
    ('province', 'prefecture', 'district', 'country')
    """
    if code == COUNTRY_CODE:
        return "country"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "district"


def short_name(name: str) -> str:
    """Return the name without its administrative suffix (and nationalities of autonomous units).

    Falls back to the full name when stripping would leave a single character, and for
    banners named by a direction (土默特左旗), whose bare stem nobody writes.

    >>> short_name("扬州市"), short_name("广西壮族自治区"), short_name("内蒙古自治区")
    ('扬州', '广西', '内蒙古')
    >>> short_name("延边朝鲜族自治州"), short_name("伊犁哈萨克自治州"), short_name("香港特别行政区")
    ('延边', '伊犁', '香港')
    >>> short_name("赵县"), short_name("沙市区"), short_name("鄂温克族自治旗"), short_name("龙胜各族自治县")
    ('赵县', '沙市', '鄂温克', '龙胜')
    >>> short_name("神农架林区"), short_name("万柏林区"), short_name("浦东新区"), short_name("清新区")
    ('神农架', '万柏林', '浦东', '清新')
    >>> short_name("峰峰矿区"), short_name("矿区"), short_name("土默特左旗")
    ('峰峰', '矿区', '土默特左旗')
    """
    for suffix in _SUFFIXES:
        if not name.endswith(suffix):
            continue
        stem = name[: len(name) - len(suffix)]
        if suffix in _AUTONOMOUS_SUFFIXES:
            stem = _strip_nationalities(stem)
        # 神农架林区 is a forestry district; 万柏林区 is a 区 whose name ends in 林.
        if len(stem) >= (3 if suffix == "林区" else 2):
            if suffix == "旗" and stem.endswith(_BANNER_DIRECTIONS):
                return name
            return stem
    return name


def _strip_nationalities(stem: str) -> str:
    """Return `stem` without trailing nationality names, keeping at least two characters."""
    while True:
        for nationality in _NATIONALITIES:
            for form in (nationality + "族", nationality):
                if stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    break
            else:
                continue
            break
        else:
            # Only a nationality is left (鄂温克族自治旗): keep it, minus 族.
            if stem.endswith("族") and len(stem) >= 3:
                return stem[:-1]
            return stem


def is_safe_surface(text: str) -> bool:
    """Return whether a name or short form may stand for its division in running text.

    >>> is_safe_surface("扬州"), is_safe_surface("和平"), is_safe_surface("城区"), is_safe_surface("赵")
    (True, False, False, False)
    """
    return len(text) >= 2 and text not in _UNSAFE_SURFACES


@dataclass(frozen=True)
class _Row:
    code: str
    name: str
    longitude: float | None
    latitude: float | None


def _is_pseudo(name: str) -> bool:
    # cpca keeps GB/T 2260's grouping rows (市辖区, 县, 省直辖县级行政区划), which are not places.
    return name in ("市辖区", "县") or "直辖" in name


def _read_cpca_rows() -> dict[str, _Row]:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca is not installed; it provides the gazetteer's base data")
    # Read the file without importing cpca: its import builds a matcher through pkg_resources,
    # whose deprecation warning is an error under our pytest settings.
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    rows: dict[str, _Row] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            code = record["adcode"][:6]
            if _is_pseudo(record["name"]):
                continue
            rows[code] = _Row(code, record["name"], _float(record["longitude"]), _float(record["latitude"]))
    return rows


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def _apply_changes(rows: dict[str, _Row], changes_csv: Path) -> tuple[dict[str, _Row], dict[str, list[str]]]:
    """Return `rows` with the renames, removals and additions of the changes file applied, and the
    names each new division was known by before (宁乡县 for 宁乡市), which older texts still use."""
    rows = dict(rows)
    former: dict[str, list[str]] = defaultdict(list)
    with changes_csv.open(encoding="utf-8", newline="") as handle:
        for change in csv.DictReader(handle):
            code, name = change["code"], change["name"]
            if change["change"] == "remove":
                rows.pop(code, None)
            elif change["change"] == "rename":
                old = rows[code]
                rows[code] = _Row(code, name, old.longitude, old.latitude)
            elif change["change"] == "add":
                predecessors = [rows.pop(c) for c in change["successor_of"].split() if c in rows]
                former[code] += [p.name for p in predecessors if p.name != name]
                # Coordinates carry over from the first predecessor; brand-new divisions have none.
                first = predecessors[0] if predecessors else _Row(code, name, None, None)
                rows[code] = _Row(code, name, first.longitude, first.latitude)
            else:
                raise ValueError(f"{changes_csv.name}: unknown change {change['change']!r} for {code}")
    return rows, dict(former)


def _parent_code(code: str, codes: set[str]) -> str:
    province = code[:2] + "0000"
    if code == province:
        return COUNTRY_CODE
    prefecture = code[:4] + "00"
    # Districts of 直辖市 and 省直辖县级 cities (仙桃市) have no prefecture row: the province is the parent.
    return prefecture if code != prefecture and prefecture in codes else province


def _divisions_from_rows(rows: dict[str, _Row]) -> list[Division]:
    codes = set(rows)
    divisions = [Division(COUNTRY_CODE, _COUNTRY_NAME, "country", None, _COUNTRY_NAME)]
    for row in rows.values():
        divisions.append(
            Division(
                code=row.code,
                name=row.name,
                level=code_level(row.code),
                parent_code=_parent_code(row.code, codes),
                short=short_name(row.name),
                latitude=row.latitude,
                longitude=row.longitude,
            )
        )
    return divisions


class Gazetteer:
    """Administrative divisions by code and by name, with their hierarchy."""

    def __init__(
        self, divisions: Iterable[Division], *, former_names: Mapping[str, Sequence[str]] = {}
    ) -> None:
        """Index `divisions`; `former_names` maps a code to the names its division was known by
        before a change (宁乡县 for 宁乡市), found in texts as that division unless another holds the name."""
        self._by_code: dict[str, Division] = {}
        for division in sorted(divisions, key=lambda d: d.code):
            if division.code in self._by_code:
                raise ValueError(f"duplicate division code {division.code}")
            self._by_code[division.code] = division
        children: dict[str, list[Division]] = defaultdict(list)
        by_name: dict[str, list[Division]] = defaultdict(list)
        surfaces: dict[str, list[Division]] = defaultdict(list)
        self._short_surfaces: set[str] = set()
        common: dict[str, list[Division]] = defaultdict(list)
        full_names: set[str] = set()
        for division in self._by_code.values():
            if division.parent_code is not None:
                if division.parent_code not in self._by_code:
                    raise ValueError(f"{division.code} {division.name}: no parent {division.parent_code}")
                children[division.parent_code].append(division)
            names = [division.name]
            full_names.add(division.name)
            if division.short != division.name:
                names.append(division.short)
                if is_safe_surface(division.short):
                    surfaces[division.short].append(division)
                    self._short_surfaces.add(division.short)
                elif len(division.short) >= 2 and division.level == "district":
                    common[division.short].append(division)
            if is_safe_surface(division.name):
                surfaces[division.name].append(division)
            for abbreviation in _ABBREVIATIONS.get(division.code, ()):
                names.append(abbreviation)
                surfaces[abbreviation].append(division)
                self._short_surfaces.add(abbreviation)
            for name in names:
                by_name[name].append(division)
        for code, olds in former_names.items():
            for old in olds:
                if (
                    code in self._by_code
                    and old not in full_names
                    and is_safe_surface(old)
                    and old[-1] in "县市区州盟"
                ):
                    by_name[old].append(self._by_code[code])
                    surfaces[old].append(self._by_code[code])
        country = self._by_code[COUNTRY_CODE]
        for alias in _COUNTRY_ALIASES:
            if country not in by_name[alias]:
                by_name[alias].append(country)
                surfaces[alias].append(country)
        self._short_surfaces -= full_names
        self._common = {
            name: tuple(found) for name, found in sorted(common.items()) if name not in full_names
        }
        self._children = {code: tuple(kids) for code, kids in children.items()}
        self._by_name = {name: tuple(found) for name, found in by_name.items()}
        self._surfaces = {name: tuple(found) for name, found in sorted(surfaces.items())}

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def country(self) -> Division:
        """Return the country, 中国 (100000)."""
        return self._by_code[COUNTRY_CODE]

    def get(self, code: str) -> Division:
        """Return the division with this code; raise `UnknownPlace` when there is none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownPlace(code) from None

    def all(self) -> tuple[Division, ...]:
        """Return every division, the country included, sorted by code."""
        return tuple(self._by_code.values())

    def parent(self, division: Division) -> Division | None:
        """Return the division's parent, or None for the country."""
        return None if division.parent_code is None else self._by_code[division.parent_code]

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Return the division's ancestors, nearest first, ending with the country."""
        found: list[Division] = []
        parent = self.parent(division)
        while parent is not None:
            found.append(parent)
            parent = self.parent(parent)
        return tuple(found)

    def children(self, division: Division) -> tuple[Division, ...]:
        """Return the divisions directly under this one, sorted by code."""
        return self._children.get(division.code, ())

    def short(self, division: Division) -> str:
        """Return the division's short form (扬州 for 扬州市); the full name when it has none."""
        return division.short

    def lookup(self, name: str) -> tuple[Division, ...]:
        """Return every division whose full name or short form is `name`, sorted by code.

        Unsafe short forms (和平 for 和平区) count here, unlike in `surface_forms`.
        """
        return self._by_name.get(name, ())

    def surface_forms(self) -> Mapping[str, tuple[Division, ...]]:
        """Return every string a text may use for a division: safe full names and short forms, 中国/全国/我国.

        A read-only view, not a copy: the finders look words up in it many times per sentence.
        """
        return MappingProxyType(self._surfaces)

    def common_word_forms(self) -> dict[str, tuple[Division, ...]]:
        """Return the short forms of districts and counties that are common words (和平, 白云, 朝阳).

        They are no surfaces: a caller may take one for its division only on strong evidence,
        such as LAC reading it as a place in a text that names the division's city.

        >>> [d.code for d in load_gazetteer().common_word_forms()["和平"]]
        ['120101', '210102', '441624']
        """
        return dict(self._common)

    def is_short_form(self, surface: str) -> bool:
        """Return whether `surface` is a short form only (扬州, 鼓楼), never any division's full name.

        An extractor should accept a short district or county form only when the document's
        context supports it; full names and the country's aliases are not short forms.
        """
        return surface in self._short_surfaces

    def resolve(self, name: str, *, context: Sequence[Division] = ()) -> Division | None:
        """Return the one division `name` most likely means in a document about `context`.

        Candidates that are context items win; then those that are descendants or ancestors
        of a context item; then the highest level. Same-level candidates left under different
        parents are ambiguous, and the answer is None.
        """
        candidates = self.lookup(name)
        if not candidates:
            return None
        context_codes = {d.code for d in context if d.code != COUNTRY_CODE}
        named = tuple(d for d in candidates if d.code in context_codes)
        related = named or tuple(d for d in candidates if self._is_related(d, context_codes))
        if len(related) > 1:
            # 鼓楼区 in a text naming 南京市: both 南京's and 徐州's lie in 江苏省, the province the
            # context adds above 南京市, but only one lies in the city the text names.
            related = self._under_nearest(related, context_codes) or related
        candidates = related or candidates
        top = min(_LEVEL_RANK[d.level] for d in candidates)
        candidates = tuple(d for d in candidates if _LEVEL_RANK[d.level] == top)
        return candidates[0] if len(candidates) == 1 else None

    def most_prominent(self, name: str) -> Division | None:
        """Return the best-known district of a full name several cities share (普陀区, 鼓楼区).

        With nothing in the text to tell them apart, the one in a municipality (上海市普陀区) or a
        provincial capital (codes XX01xx: 南京市鼓楼区) is the one a reader takes; the name, and so
        the place a fact is scored at, is the same whichever is meant. None for short forms.

        >>> g = load_gazetteer()
        >>> [g.most_prominent(n).code for n in ("普陀区", "鼓楼区", "朝阳区", "龙华区")], g.most_prominent("普陀")
        (['310107', '320106', '110105', '440309'], None)
        """
        candidates = [d for d in self.lookup(name) if d.name == name and d.level == "district"]
        if len(candidates) < 2:
            return None

        def rank(d: Division) -> tuple[int, str]:
            parent = self.parent(d)
            if parent is not None and parent.level == "province":
                return 0, d.code
            prominent = d.code[2:4] == "01" or d.code[:4] in _PLANNED_CITIES
            return (1 if prominent else 2), d.code

        return min(candidates, key=rank)

    def _under_nearest(
        self, candidates: tuple[Division, ...], context_codes: set[str]
    ) -> tuple[Division, ...]:
        """Return the candidates that lie in the lowest-level context division any of them lies in.

        >>> g = load_gazetteer()
        >>> [d.code for d in g._under_nearest(g.lookup("鼓楼区"), {"320000", "320100"})]
        ['320106']
        """
        for level in ("district", "prefecture", "province"):
            inside = tuple(
                d
                for d in candidates
                if any(a.code in context_codes and a.level == level for a in self.ancestors(d))
            )
            if inside:
                return inside
        return ()

    def _is_related(self, division: Division, context_codes: set[str]) -> bool:
        """Return whether `division` is an ancestor or a descendant of a context division."""
        if any(a.code in context_codes for a in self.ancestors(division)):
            return True
        return any(division in self.ancestors(self._by_code[c]) for c in context_codes if c in self._by_code)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer built from cpca's adcodes with `data/division_changes.csv` applied."""
    rows, former = _apply_changes(_read_cpca_rows(), _CHANGES_CSV)
    return Gazetteer(_divisions_from_rows(rows), former_names=former)
