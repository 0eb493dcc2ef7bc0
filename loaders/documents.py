"""Documents read from files (.txt .md .html .docx .pdf) or text: path → `Document`.

Bad input raises a `DocumentError` subclass whose message names the file and the
problem, so a batch can report it and load the rest (DESIGN.md decision 7).
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

from loaders.cleaning import Cleaned, clean_text, html_page_text, parse_date, usable_author
from loaders.records import Document
from loaders.sentences import split_sentences

__all__ = [
    "BinaryDocument",
    "CorruptDocument",
    "DocumentError",
    "DocumentTooLarge",
    "EmptyDocument",
    "MissingDocument",
    "UndecodableDocument",
    "UnreadableDocument",
    "UnsupportedFormat",
    "decode_text",
    "document_from_bytes",
    "document_from_text",
    "read_document",
]

MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("txt", "md", "html", "docx", "pdf")
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf",
}  # fmt: skip
_NOT_SUPPORTED = {
    ".doc": "legacy Word .doc; save it as .docx",
    ".wps": "WPS .wps; save it as .docx",
    ".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".ppt": "a presentation", ".pptx": "a presentation",
    ".rtf": "RTF; save it as .docx", ".odt": "OpenDocument text; save it as .docx",
    ".jpg": "an image", ".jpeg": "an image", ".png": "an image", ".gif": "an image",
    ".zip": "an archive", ".rar": "an archive", ".7z": "an archive", ".gz": "an archive",
}  # fmt: skip
_MAGIC = {
    b"\xd0\xcf\x11\xe0": "an OLE file (legacy .doc/.xls/.ppt)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"Rar!": "a RAR archive",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7z archive",
}


class DocumentError(Exception):
    """A document could not be read; the message names the file and the problem."""


class MissingDocument(DocumentError):
    """The path does not exist or is not a file."""


class UnreadableDocument(DocumentError):
    """The file exists but the operating system refused to read it."""


class EmptyDocument(DocumentError):
    """The file is empty, or nothing but whitespace and site chrome is left after cleaning."""


class BinaryDocument(DocumentError):
    """The bytes are not text (NUL bytes, control codes) and not a supported binary format."""


class UndecodableDocument(DocumentError):
    """No supported encoding (UTF-8, UTF-16/32 with BOM, GB18030) decodes the bytes."""


class DocumentTooLarge(DocumentError):
    """The file is over the size limit (the CITYKG_MAX_FILE_MB setting)."""


class UnsupportedFormat(DocumentError):
    """The format is not one of .txt .md .html .docx .pdf (or the file is encrypted)."""


class CorruptDocument(DocumentError):
    """A .docx or .pdf whose container cannot be opened."""


# --- decoding --------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control codes and private-use characters: what wrongly decoded bytes turn into.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ue000-\uf8ff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_BIG5 = {"big5", "cp950", "big5hkscs"}
_GB_ALIASES = {"gbk", "gb2312", "gb_2312", "gb-2312", "cp936", "x-gbk", "gb18030", "euc-cn"}


def _plausible(text: str) -> bool:
    """Return whether decoded text looks like text rather than mis-decoded bytes."""
    if not text:
        return True
    bad = len(_NOT_TEXT.findall(text))
    return bad <= max(2, len(text) // 200)


def _mostly_gb2312(text: str) -> bool:
    """Return whether the non-ASCII characters are mostly in GB2312, as simplified Chinese is."""
    wide = {ch for ch in text if ord(ch) > 0x7F}
    if len(wide) < 20:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.6 * len(wide)


def decode_text(data: bytes, *, name: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Return `(text, encoding)` for text bytes: BOM, then UTF-8, then GB18030 (GBK, GB2312).

    >>> decode_text("数字城市".encode("gb2312"))
    ('数字城市', 'gb18030')
    >>> decode_text(b"\\xef\\xbb\\xbf" + "数字".encode())
    ('数字', 'utf-8-sig')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise UndecodableDocument(
                    f"{name}: starts with a {encoding} byte order mark but {error}"
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise BinaryDocument(f"{name}: contains NUL bytes; it is binary, not text")
        return utf16
    candidates = ["utf-8", "gb18030"]
    if declared and declared.lower() not in {"utf-8", "utf8"} | _GB_ALIASES:
        # After UTF-8: strict UTF-8 rarely decodes anything else, and pages mislabel themselves.
        candidates.insert(1, declared.lower())
    for encoding in candidates:
        try:
            decoded = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "utf-8" and not _plausible(decoded):
            raise BinaryDocument(f"{name}: is mostly control characters; it is binary, not text")
        # Big5 and other double-byte encodings also decode as GB18030, as nonsense.
        if _plausible(decoded) and (encoding != "gb18030" or _mostly_gb2312(decoded)):
            return decoded, encoding
    guessed = _guess_big5(data)
    if guessed:
        return guessed
    raise UndecodableDocument(
        f"{name}: is not UTF-8, UTF-16/32 with a byte order mark, or GB18030 (GBK/GB2312)"
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return the text of BOM-less UTF-16 whose NUL bytes all sit on one side, else None."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= len(data) // 8 and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, encoding
    return None


def _guess_big5(data: bytes) -> tuple[str, str] | None:
    """Return Big5 text when charset-normalizer says the bytes are Big5 (traditional Chinese)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding not in _BIG5:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if _plausible(text) else None


# --- formats ---------------------------------------------------------------------------------


def _sniff(data: bytes, name: str) -> str:
    """Return the format of bytes whose suffix says nothing, or raise for known binaries."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise UnsupportedFormat(f"{name}: is a zip archive, not one of {', '.join(FORMATS)}")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"{name}: is {what}, not one of {', '.join(FORMATS)}")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head:
        return "html"
    return "txt"


# A .docx is a zip: a small file can unpack to gigabytes (issue 8: 511 KB held a 500 MB part).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def _check_unpacked_size(data: bytes, name: str) -> None:
    """Raise DocumentTooLarge when the zip's parts would unpack to more than MAX_UNPACKED_BYTES."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise CorruptDocument(f"{name}: is not a readable .docx (BadZipFile: {error})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentTooLarge(
            f"{name}: unpacks to {unpacked:,} bytes, over the limit of {MAX_UNPACKED_BYTES:,} bytes "
            "for the parts of a .docx"
        )


def _docx_text(data: bytes, name: str) -> tuple[str, Cleaned]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_unpacked_size(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zip, XML and KeyError alike
        raise CorruptDocument(f"{name}: is not a readable .docx ({type(error).__name__}: {error})") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat; keep one
                    if not cells or cells[-1] != cell.text:
                        cells.append(cell.text)
                lines.append(" ".join(cells))
    props = document.core_properties
    created = props.created
    # python-docx's own template is stamped 2013-12-23; that is not the document's date.
    when = created.date().isoformat() if created and created.year != 2013 else None
    return "\n".join(lines), Cleaned(
        text="", title=props.title or None, date=when, author=usable_author(props.author)
    )


_PDF_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,4}|[-—–]\s*\d{1,4}\s*[-—–])\s*$")


def _unwrap_pdf_lines(text: str) -> str:
    """Return page text with hard-wrapped lines joined, so a sentence is not cut at a wrap."""
    lines = [line.rstrip() for line in text.split("\n") if not _PDF_PAGE_NUMBER.match(line)]
    if not lines:
        return ""
    widths = sorted(len(line) for line in lines)
    full = widths[int(len(widths) * 0.8)]
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) >= 0.8 * full and not re.search(r"[。！？!?；:：]$", out[-1]):
            glue = " " if out[-1][-1:].isascii() and line[:1].isascii() else ""
            out[-1] = out[-1] + glue + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _pdf_text(data: bytes, name: str) -> tuple[str, Cleaned]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    with warnings.catch_warnings():
        # Malformed-but-readable PDFs are common; pypdf's warnings about them are not ours.
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnsupportedFormat(f"{name}: is an encrypted PDF")
            pages = [_unwrap_pdf_lines(page.extract_text() or "") for page in reader.pages]
            info = reader.metadata
            title = str(info.title).strip() if info and info.title else None
            author = usable_author(str(info.author)) if info and info.author else None
            try:
                created: datetime | None = info.creation_date if info else None
            except ValueError:
                created = None
        except DocumentError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise CorruptDocument(
                f"{name}: is not a readable PDF ({type(error).__name__}: {error})"
            ) from None
        except Exception as error:  # e.g. pypdf's DependencyError for AES-encrypted files
            raise UnsupportedFormat(
                f"{name}: cannot be read as PDF ({type(error).__name__}: {error})"
            ) from None
    if not "".join(pages).strip():
        raise EmptyDocument(f"{name}: the PDF has no text layer (a scan?); run OCR first")
    when = created.date().isoformat() if created else None
    return "\n".join(pages), Cleaned(text="", title=title, date=when, author=author)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_MD_SYNTAX = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|```.*$)", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE), ""),
)


def _markdown_text(text: str) -> tuple[str, Cleaned]:
    """Return markdown without its syntax, and the front matter's or first heading's metadata."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    stated: dict[str, str] = {}
    if match := _FRONT_MATTER.match(text):
        for line in match[1].splitlines():
            key, _, value = line.partition(":")
            stated.setdefault(key.strip().lower(), value.strip().strip("\"'"))
        text = text[match.end() :]
    heading = _MD_HEADING.search(text)
    for pattern, replacement in _MD_SYNTAX:
        text = pattern.sub(replacement, text)
    title = stated.get("title") or (heading[1] if heading else None)
    meta = Cleaned(
        text="",
        title=title,
        date=parse_date(stated.get("date", "")),
        source=stated.get("source"),
        author=usable_author(stated.get("author")),
    )
    return text, meta


# --- documents -------------------------------------------------------------------------------


def _build(
    text: str, *, name: str, label: str, fmt: str, encoding: str, stated: Cleaned | None = None
) -> Document:
    cleaned = clean_text(text)
    if not cleaned.text:
        detail = f" ({len(cleaned.dropped_lines)} chrome lines dropped)" if cleaned.dropped_lines else ""
        raise EmptyDocument(f"{label}: has no text after cleaning{detail}")
    stated = stated or Cleaned(text="")
    # A date the text states (发布时间) beats a file's creation stamp; a page's own <meta> wins.
    date = (stated.date or cleaned.date) if fmt == "html" else (cleaned.date or stated.date)
    return Document(
        id=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest()[:16],
        name=name,
        text=cleaned.text,
        sentences=split_sentences(cleaned.text),
        title=stated.title or cleaned.title,
        date=date,
        source=stated.source or cleaned.source,
        author=(stated.author or cleaned.author) if fmt == "html" else (cleaned.author or stated.author),
        format=fmt,
        encoding=encoding,
        dropped_lines=cleaned.dropped_lines,
    )


def _from_text(text: str, *, name: str, label: str, fmt: str, encoding: str = "utf-8") -> Document:
    fmt = {"htm": "html", "markdown": "md", "text": "txt"}.get(
        fmt.lower().lstrip("."), fmt.lower().lstrip(".")
    )
    if fmt == "html":
        page = html_page_text(text)
        stated = Cleaned(text="", title=page.title, date=page.date, source=page.source, author=page.author)
        return _build(page.text, name=name, label=label, fmt=fmt, encoding=encoding, stated=stated)
    if fmt == "md":
        body, stated = _markdown_text(text)
        return _build(body, name=name, label=label, fmt=fmt, encoding=encoding, stated=stated)
    if fmt == "txt":
        return _build(text, name=name, label=label, fmt=fmt, encoding=encoding)
    raise UnsupportedFormat(
        f"{label}: format {fmt!r} is not text; use one of txt, md, html (or read the file)"
    )


def _from_bytes(data: bytes, *, name: str, label: str, fmt: str | None) -> Document:
    if not data:
        raise EmptyDocument(f"{label}: is empty (0 bytes)")
    suffix = Path(name).suffix.lower()
    if fmt is None and suffix in _NOT_SUPPORTED:
        raise UnsupportedFormat(f"{label}: is {_NOT_SUPPORTED[suffix]}; supported: {', '.join(FORMATS)}")
    fmt = fmt or _SUFFIXES.get(suffix) or _sniff(data, label)
    if fmt == "docx":
        text, stated = _docx_text(data, label)
        return _build(text, name=name, label=label, fmt=fmt, encoding="utf-8", stated=stated)
    if fmt == "pdf":
        text, stated = _pdf_text(data, label)
        return _build(text, name=name, label=label, fmt=fmt, encoding="pdf", stated=stated)
    if fmt not in ("txt", "md", "html"):
        raise UnsupportedFormat(f"{label}: format {fmt!r} is not one of {', '.join(FORMATS)}")
    declared = None
    if fmt == "html" and (match := _META_CHARSET.search(data[:4096])):
        declared = match[1].decode("ascii", "replace")
    text, encoding = decode_text(data, name=label, declared=declared)
    return _from_text(text, name=name, label=label, fmt=fmt, encoding=encoding)


def document_from_text(text: str, *, name: str, fmt: str = "txt") -> Document:
    """Return the `Document` for in-memory text in format `fmt` (txt, md or html).

    >>> doc = document_from_text("数字城市\\n浏览量:3 | 发布时间:2023-11-14\\n建成基站10个。收藏:", name="a.txt")
    >>> doc.text, doc.title, doc.date, [s.text for s in doc.sentences]
    ('数字城市\\n建成基站10个。', '数字城市', '2023-11-14', ['数字城市', '建成基站10个。'])
    """
    return _from_text(text, name=name, label=name, fmt=fmt)


def document_from_bytes(data: bytes, *, name: str, fmt: str | None = None) -> Document:
    """Return the `Document` for file bytes (an upload); `fmt` defaults to the suffix of `name`, then sniffing."""
    return _from_bytes(data, name=name, label=name, fmt=fmt)


def read_document(path: Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Return the read and cleaned `Document` at `path`, or raise a `DocumentError` naming it."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise MissingDocument(f"{path}: no such file") from None
    except OSError as error:
        raise UnreadableDocument(f"{path}: cannot be read ({error.strerror or error})") from None
    if not path.is_file():
        raise MissingDocument(f"{path}: is not a file")
    if stat.st_size > max_bytes:
        raise DocumentTooLarge(
            f"{path}: is {stat.st_size:,} bytes, over the limit of {max_bytes:,} bytes "
            f"({max_bytes / 1024 / 1024:g} MB); raise CITYKG_MAX_FILE_MB to read it"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"{path}: cannot be read ({error.strerror or error})") from None
    return _from_bytes(data, name=path.name, label=str(path), fmt=None)
