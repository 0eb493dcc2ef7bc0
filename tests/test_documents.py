"""Reading documents: formats, encodings, chrome cleaning, errors and sentence offsets."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from loaders.cleaning import clean_text
from loaders.documents import (
    BinaryDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    MissingDocument,
    UndecodableDocument,
    UnsupportedFormat,
    document_from_bytes,
    document_from_text,
    read_document,
)
from loaders.extract import extract
from loaders.sentences import split_sentences

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

ARTICLE = (
    "某市数字政府建设情况\n"
    "发布时间: 2024年01月09日 文章来源: 某市大数据局\n"
    "2023年,某市政务服务“一网通办”覆盖率达到95%。\n"
    "全市累计开放公共数据集860个;新建5G基站3200个！\n"
    "下一步将推进“一网统管”。\n"
)


@pytest.fixture
def article_doc():
    return document_from_text(ARTICLE, name="article.txt")


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_each_supported_encoding_reads_to_the_same_text_and_id(tmp_path, article_doc, encoding, prefix):
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + ARTICLE.replace("\n", "\r\n").encode(encoding))

    doc = read_document(path)

    assert doc.text == article_doc.text
    assert doc.id == article_doc.id
    assert doc.date == "2024-01-09"
    assert doc.name == "article.txt"


@pytest.mark.parametrize("encoding", ["gbk", "gb2312"])
def test_gbk_and_gb2312_files_are_read_as_gb18030(tmp_path, article_doc, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))

    doc = read_document(path)

    assert (doc.text, doc.encoding) == (article_doc.text, "gb18030")


def test_document_id_is_sha256_prefix_of_the_cleaned_text(article_doc):
    import hashlib

    assert article_doc.id == hashlib.sha256(article_doc.text.encode("utf-8")).hexdigest()[:16]
    assert len(article_doc.id) == 16


def test_line_endings_zero_width_and_nbsp_are_normalised_and_full_width_punctuation_kept():
    doc = document_from_text("第一段：数字\u200b城市，\u00a0好。\r第二段！\r\n", name="x.txt")

    assert doc.text == "第一段：数字城市， 好。\n第二段！"


# --- formats -------------------------------------------------------------------------------


def test_html_page_yields_only_its_body_and_its_title():
    doc = read_document(DATA / "chrome_page.html")

    assert doc.title == "某区智慧城市建设取得新进展"
    assert doc.date == "2024-05-20"
    assert doc.source == "某区大数据中心"
    assert "接入视频监控点位2.3万路。" in doc.text
    assert "按期办结率达99%。" in doc.text
    for chrome in (
        "新闻中心",
        "政务公开",
        "当前位置",
        "分享到",
        "热门文章",
        "版权所有",
        "主办单位",
        "点赞",
        "color",
    ):
        assert chrome not in doc.text


def test_docx_made_with_python_docx_reads_back_its_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    document.core_properties.title = "某市数字经济报告"
    document.core_properties.author = "王五"
    document.add_paragraph("某市数字经济报告")
    document.add_paragraph("2023年全市数字经济核心产业增加值达1119亿元。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "5G基站"
    table.rows[0].cells[1].text = "2.46万个"
    document.add_paragraph("点赞:")
    path = tmp_path / "report.docx"
    document.save(str(path))

    doc = read_document(path)

    assert doc.text.split("\n") == [
        "某市数字经济报告",
        "2023年全市数字经济核心产业增加值达1119亿元。",
        "5G基站 2.46万个",
    ]
    assert (doc.format, doc.title, doc.author) == ("docx", "某市数字经济报告", "王五")
    assert doc.date is None  # python-docx's template stamp is not a publication date


def _write_text_pdf(path: Path, lines: list[str], *, title: str) -> None:
    """Write a one-page PDF whose text layer holds `lines` (any Unicode, via a ToUnicode CMap).

    No PDF writer is installed that draws text, so the file is assembled by hand: glyph
    codes 1..n stand for the characters used and the CMap maps them back to Unicode.
    The font embeds no glyphs, so viewers show boxes, but the text layer is real.
    """
    chars = sorted({ch for line in lines for ch in line})
    codes = {ch: i + 1 for i, ch in enumerate(chars)}
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    ops += ["<" + "".join(f"{codes[ch]:04X}" for ch in line) + "> Tj T*" for line in lines]
    content = "\n".join([*ops, "ET"]).encode("ascii")
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n"
        + "\n".join(f"<{codes[ch]:04X}> <{ord(ch):04X}>" for ch in chars)
        + "\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestFont /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestFont"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        stream(cmap),
        b"<< /Title <FEFF%s> /Author (Zhao Liu) /CreationDate (D:20230815093000+08'00') >>"
        % title.encode("utf-16-be").hex().upper().encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 8 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def test_pdf_with_a_chinese_text_layer_reads_back_its_lines_and_metadata(tmp_path):
    path = tmp_path / "report.pdf"
    _write_text_pdf(path, ["某市数字城市", "建成5G基站8210个。", "支持率达94.32%。"], title="某市报告")

    doc = read_document(path)

    assert doc.text == "某市数字城市\n建成5G基站8210个。\n支持率达94.32%。"
    assert (doc.format, doc.title, doc.author, doc.date) == ("pdf", "某市报告", "Zhao Liu", "2023-08-15")


def test_markdown_takes_its_title_from_the_first_heading_and_drops_its_syntax():
    doc = document_from_text(
        "# 某市智慧城市\n\n- 建成**城市大脑**。\n- 详见[公告](https://example.org)。\n", name="a.md", fmt="md"
    )

    assert doc.title == "某市智慧城市"
    assert doc.text == "某市智慧城市\n建成城市大脑。\n详见公告。"


def test_unknown_suffixes_are_sniffed_by_content(tmp_path):
    html = tmp_path / "page.dat"
    html.write_text("<!doctype html><html><body><p>某区建成数据中心。</p></body></html>", encoding="utf-8")
    pdf = tmp_path / "report.bin"
    _write_text_pdf(pdf, ["某区建成数据中心。"], title="报告")

    assert (read_document(html).format, read_document(html).text) == ("html", "某区建成数据中心。")
    assert (read_document(pdf).format, read_document(pdf).text) == ("pdf", "某区建成数据中心。")


# --- errors --------------------------------------------------------------------------------


def test_empty_file_raises_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    with pytest.raises(EmptyDocument, match="empty.txt"):
        read_document(path)


def test_file_of_only_whitespace_and_chrome_raises_empty_document(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("  \n\u3000\n当前位置: 首页>新闻\n点赞:\n收藏:\n", encoding="utf-8")

    with pytest.raises(EmptyDocument, match="no text after cleaning"):
        read_document(path)


def test_random_bytes_with_nul_raise_binary_document(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 4 + os.urandom(64))

    with pytest.raises(BinaryDocument, match="noise.txt.*NUL"):
        read_document(path)


def test_bytes_in_no_supported_encoding_raise_undecodable_document():
    with pytest.raises(UndecodableDocument, match="latin.txt.*GB18030"):
        document_from_bytes("Café résumé naïve".encode("latin-1"), name="latin.txt")


def test_file_over_the_limit_raises_document_too_large_naming_the_limit_and_setting(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("数字城市。" * 100, encoding="utf-8")

    with pytest.raises(DocumentTooLarge) as raised:
        read_document(path, max_bytes=1024)

    message = str(raised.value)
    assert "big.txt" in message and "1,500 bytes" in message and "1,024 bytes" in message
    assert "CITYKG_MAX_FILE_MB" in message


def test_missing_path_raises_missing_document_naming_it(tmp_path):
    with pytest.raises(MissingDocument, match="nowhere.txt"):
        read_document(tmp_path / "nowhere.txt")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ],
)
def test_unsupported_formats_raise_unsupported_format(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)

    with pytest.raises(UnsupportedFormat, match=name):
        read_document(path)


def test_every_error_is_a_document_error():
    for error in (MissingDocument, EmptyDocument, BinaryDocument, UndecodableDocument, DocumentTooLarge):
        assert issubclass(error, DocumentError)
    assert issubclass(UnsupportedFormat, DocumentError)


# --- cleaning ------------------------------------------------------------------------------


def test_seed_style_chrome_lines_are_dropped_and_metadata_parsed():
    doc = read_document(DATA / "chrome_article.txt")

    assert doc.text.split("\n") == [
        "某市推进“一网通办”改革纪实",
        "近年来,某市持续深化政务服务“一网通办”改革,全市政务服务事项网上可办率达到98.5%。",
        "截至2023年底,某市累计建成5G基站1.2万个,数据共享平台汇聚数据36亿条。",
        "市大数据局负责人表示,下一步将推动更多事项“免申即享”。",
    ]
    assert (doc.title, doc.date, doc.source, doc.author) == (
        "某市推进“一网通办”改革纪实",
        "2024-03-07",
        "《某市日报》",
        "赵六",
    )
    assert "(责任编辑:赵六)" in doc.dropped_lines
    assert "['某市']" in doc.dropped_lines


def test_body_line_keeps_its_text_and_loses_only_a_trailing_fragment():
    cleaned = clean_text(
        "2023年全市新增数据集120个,较上年增长35%,开放数据总量居全省第二。点赞:\n"
        "全市实施“一网通办”改革,企业开办时间压缩至1个工作日。['某市', '某区']\n"
        "这些成果受到广泛关注和收藏\n"
    )

    assert cleaned.text.split("\n") == [
        "2023年全市新增数据集120个,较上年增长35%,开放数据总量居全省第二。",
        "全市实施“一网通办”改革,企业开办时间压缩至1个工作日。",
        "这些成果受到广泛关注和收藏",
    ]


def test_reporter_byline_and_subscription_lines_are_metadata_not_text():
    cleaned = clean_text(
        "邮发代号 8-123\n征订热线:010-00000000\n某某日报·某某新闻网 张三\n"
        "某市召开数字经济大会,发布了一批应用场景。(来源:某市发布)\n"
        "分享数字知识 共建数字城市\n"
    )

    assert cleaned.text == "某市召开数字经济大会,发布了一批应用场景。"
    assert (cleaned.source, cleaned.author) == ("某某日报·某某新闻网", "张三")


def test_a_government_body_that_publishes_the_page_stays_in_the_text_and_is_an_agency():
    """Annotators list the body a page names as its source or author (SCHEMA.md: agencies the text names)."""
    raw = (
        "文|某市数据资源管理局\n"
        "某区数字政府建设情况\n"
        "发布时间: 2024-01-09 来源:中共某市某区委网络安全和信息化委员会办公室 作者:张三\n"
        "某区推进“一网通办”。(来源:某区融媒体中心)\n"
    )
    cleaned = clean_text(raw)

    assert cleaned.text.split("\n") == [
        "某区数字政府建设情况",  # the title stays first
        "来源:某市数据资源管理局",
        "来源:中共某市某区委网络安全和信息化委员会办公室",
        "某区推进“一网通办”。",
    ]
    assert (cleaned.title, cleaned.source) == (
        "某区数字政府建设情况",
        "中共某市某区委网络安全和信息化委员会办公室",
    )
    text = "文|杭州市数据资源管理局\n杭州市全面打造城市数字治理系统，深化“一网通办”改革。\n"
    extraction = extract(document_from_text(text, name="hangzhou.txt"))
    agency = next(a for a in extraction.agencies if a.name == "杭州市数据资源管理局")
    start, end = agency.evidence.start, agency.evidence.end
    assert extraction.document.text[start:end] == "杭州市数据资源管理局"
    assert extraction.document.text.split("\n")[0] == "来源:杭州市数据资源管理局"


def test_bare_name_line_after_the_title_is_the_author_and_stays_in_the_text():
    cleaned = clean_text("某市数字能力建设实践\n刘某某\n某市委网信办主任\n近年来,某市推进数字能力建设。")

    assert (cleaned.title, cleaned.author) == ("某市数字能力建设实践", "刘某某")
    assert "刘某某\n某市委网信办主任" in cleaned.text


# --- sentences -----------------------------------------------------------------------------


def test_sentence_offsets_round_trip_into_the_cleaned_text(article_doc):
    sentences = article_doc.sentences

    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(article_doc.text[s.start : s.end] == s.text for s in sentences)
    assert [s.text for s in sentences] == [
        "某市数字政府建设情况",
        "来源:某市大数据局",
        "2023年,某市政务服务“一网通办”覆盖率达到95%。",
        "全市累计开放公共数据集860个;新建5G基站3200个！",
        "下一步将推进“一网统管”。",
    ]


def test_a_closing_quote_after_a_terminator_stays_with_its_sentence():
    text = "他宣布,“中方将举办研讨会。”得到积极响应；\n  会议在扬州举行？ "

    assert [s.text for s in split_sentences(text)] == [
        "他宣布,“中方将举办研讨会。”",
        "得到积极响应；",
        "会议在扬州举行？",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


# --- the user's seed documents -------------------------------------------------------------

SEED_CHROME = (
    "当前位置",
    "浏览量",
    "点赞:",
    "收藏:",
    "(编辑:王小莉)",
    "分享网络安全知识",
    "欢迎关注",
    "文章来源",
    "如有侵权",
    "邮发代号",
    "征订热线",
    "发布时间",
)


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the shared seed documents are not at {SEEDS}")
def test_seed_documents_lose_their_chrome_and_keep_their_body_sentences():
    docs = {path.name[:3]: read_document(path) for path in sorted(SEEDS.glob("*.txt"))}

    assert len(docs) == 5
    for doc in docs.values():
        for chrome in SEED_CHROME:
            assert chrome not in doc.text, (doc.name, chrome)
        assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    assert "建成5G基站8210个" in docs["000"].text
    assert docs["000"].date == "2023-08-15"
    assert docs["001"].date == "2023-11-14"
    assert "国家发展改革委创新驱动发展中心" in docs["002"].text
    assert "(作者单位:市智慧城市规划标准发展研究院)" in docs["003"].text
    assert docs["004"].text.startswith("7月31日,滨州市组织召开")


def test_a_related_articles_list_at_the_end_is_chrome() -> None:
    from loaders.cleaning import clean_text

    cleaned = clean_text(
        "郑州市推进一网统管。城市大脑接入部门52个。\n\n往期推荐\n西安“一网统管”上新\n数字政府周报|第89期\n阅读原文"
    )
    assert cleaned.text == "郑州市推进一网统管。城市大脑接入部门52个。"
    assert "西安“一网统管”上新" in cleaned.dropped_lines


def test_menus_font_buttons_and_empty_fields_are_chrome_and_the_date_still_parsed() -> None:
    raw = (
        "首页\n学习\n活动\n专区\n"
        "网站首页 新闻中心 走进商务厅 信息公开 政务服务\n"
        "数字经济规模达171.3亿元\n"
        "- A+\n- A-\n"
        "作者: 发布时间: 2020-08-07\n"
        "2020-09-09 08:00:00 来源:利津县人民政府 字号:T|T\n"
        "上半年全区数字经济规模达171.3亿元。"
    )
    c = clean_text(raw)
    assert c.text == "数字经济规模达171.3亿元\n来源:利津县人民政府\n上半年全区数字经济规模达171.3亿元。"
    assert (c.title, c.date, c.source) == ("数字经济规模达171.3亿元", "2020-08-07", "利津县人民政府")


def test_a_bar_of_links_is_chrome_and_a_source_ends_where_the_next_field_starts() -> None:
    # A nav bar of city links was read as nine places; a portal's own field after the source
    # ("发布开发区:…") named another district and took the subject from the one the source names.
    raw = (
        "直通某地|福建|时评|大学城|台海|福州|厦门|莆田|泉州\n"
        "区人大常委会召开会议\n"
        "发布时间:2021-09-28  来源:南京市雨花台区电台  发布开发区:江苏南京雨花经济开发区\n"
        "会议听取关于全区数字经济情况的报告。"
    )
    c = clean_text(raw)
    assert "厦门" not in c.text
    assert c.source == "南京市雨花台区电台"


def test_an_image_caption_or_a_proposal_header_is_no_title() -> None:
    assert clean_text("【资料图】\n中新网苏州4月19日电 19日,大会召开。").title is None
    replied = clean_text("类别:A\n签发人:耿伟\n尊敬的王委员:\n您提出的建议收悉。")
    assert replied.text == "尊敬的王委员:\n您提出的建议收悉。"


def test_a_small_docx_that_unpacks_to_a_huge_part_is_refused_by_name(tmp_path) -> None:
    # Issue 8: a 511 KB .docx holding a 500 MB zero-filled part was accepted.
    import io
    import zipfile

    from loaders.documents import MAX_UNPACKED_BYTES, DocumentTooLarge

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                part.write(chunk)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentTooLarge, match="bomb.docx: unpacks to"):
        read_document(path)
