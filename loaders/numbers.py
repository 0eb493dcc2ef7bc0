"""Chinese and Arabic numerals, scale words and qualifiers as they appear in municipal reports."""

from __future__ import annotations

import re

# Full-width digits and signs map one-to-one, so offsets into the original text stay valid.
_WIDTH = str.maketrans("０１２３４５６７８９％．，＋－", "0123456789%.,+-")
# str.translate looks every character of a CJK string up in the table (about 20 µs a sentence, and
# the rules ask for a sentence's half-width form hundreds of times a document); replacing only the
# signs that occur gives the same string in a tenth of the time: no target is itself a source.
_WIDTH_PAIRS = tuple((chr(full), chr(half)) for full, half in _WIDTH.items())

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS)

# SCHEMA.md: 10.67亿 → 1067000000, 45万亿 → 45000000000000
SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}


def half_width(text: str) -> str:
    """Return `text` with full-width digits and signs made ASCII, same length.

    >>> half_width("８２１０个，９４．３２％")
    '8210个,94.32%'
    """
    for full, half in _WIDTH_PAIRS:
        if full in text:
            text = text.replace(full, half)
    return text


def parse_chinese_numeral(text: str) -> int | None:
    """Return the integer a Chinese numeral writes, or None when it is not one.

    >>> [parse_chinese_numeral(t) for t in ("五", "两", "十四", "二十三", "一百二十", "三千零五", "第")]
    [5, 2, 14, 23, 120, 3005, None]

    Digits written one after another (七〇六所, 二〇二〇年) spell a code or a year, not a count:

    >>> parse_chinese_numeral("七〇六"), parse_chinese_numeral("二〇二〇")
    (None, None)
    """
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    for i in range(len(text) - 1):
        # (a 零 after a unit holds a place: 三千零五)
        held = text[i] in "零〇" and i > 0 and text[i - 1] in _CN_UNITS
        if text[i] in _CN_DIGITS and text[i + 1] in _CN_DIGITS and not held:
            return None
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def parse_number(text: str) -> float | None:
    """Return the value of an Arabic or Chinese numeral with an optional scale word.

    >>> [parse_number(t) for t in ("8210", "10.67亿", "45万亿", "2.46万", "1,000", "五", "3.6亿", "66.1亿")]
    [8210.0, 1067000000.0, 45000000000000.0, 24600.0, 1000.0, 5.0, 360000000.0, 6610000000.0]
    """
    text = half_width(text).replace(",", "")
    scale = 1.0
    for word, factor in SCALES.items():
        if text.endswith(word) and len(text) > len(word):
            text, scale = text[: -len(word)], factor
            break
    try:
        value = float(text)
    except ValueError:
        cn = parse_chinese_numeral(text)
        if cn is None:
            return None
        value = float(cn)
    return float(f"{value * scale:.12g}")  # 66.1亿 is 6610000000, not 6609999999.999999


def qualifier_of(before: str, after: str) -> str:
    """Return the SCHEMA.md qualifier for the words around a figure.

    `before` is the text just before the number, `after` the text just after its unit.

    >>> [qualifier_of(b, a) for b, a in (("超", ""), ("", "以上"), ("近", ""), ("", "多"), ("不足", ""), ("达", ""))]
    ['>', '>', '~', '~', '<', '=']
    >>> [qualifier_of(b, "") for b in ("不低于", "不少于", "不超过", "不高于")]
    ['>', '>', '<', '<']
    """
    # SCHEMA.md: `>` for 超/超过/以上/突破/逾, `<` for 不足/以下, `~` for 约/多/近/余
    # (不低于 and 不少于 bound a figure from below, 不超过 and 不高于 from above)
    if re.search(r"不(?:低于|少于|小于)$", before):
        return ">"
    if re.search(r"不(?:超过|超|高于|多于|大于)$", before):
        return "<"
    if re.search(r"(不足|不到|低于|少于)$", before) or after.startswith(("以下", "以内")):
        return "<"
    if re.search(r"(超过|超出|超|突破|逾|高于|多于|大于)$", before) or after.startswith("以上"):
        return ">"
    if re.search(r"(约|近|将近|接近|大约|左右)$", before) or after.startswith(("多", "余", "左右")):
        return "~"
    return "="
