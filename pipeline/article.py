"""Read one archive article (English translation above ``<hr />``, Chinese original below
``Original:``) into an :class:`~pipeline.types.Article`.

The decoded text is what every offset in the project points into: bytes decoded
(UTF-8, else GB18030, which covers GBK and GB2312), a BOM stripped, and line ends
normalised to ``\\n`` exactly as Python's ``Path.read_text()`` does, so
``Path(path).read_text(encoding="utf-8-sig")[start:end]`` is the mention.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pipeline.types import Article, Paragraph

#: files larger than this are refused (a real article is a few kilobytes)
MAX_BYTES = 5 * 1024 * 1024


class ArticleError(ValueError):
    """A file that cannot be read as an article. ``kind`` names the problem for the errors table."""

    kind = "unreadable"

    def __init__(self, path, message):
        self.path = str(path) if path is not None else "<text>"
        self.message = message
        super().__init__(f"{self.path}: {message}")


class EmptyFile(ArticleError):
    kind = "empty_file"


class BinaryFile(ArticleError):
    kind = "binary_file"


class TooLarge(ArticleError):
    kind = "too_large"


class EncodingError(ArticleError):
    kind = "encoding"


class NoOriginal(ArticleError):
    kind = "no_original"


class MissingDate(ArticleError):
    kind = "missing_date"


class EmptySide(ArticleError):
    kind = "empty_side"


class BadHeader(ArticleError):
    kind = "bad_header"


_HEADER = re.compile(r"^(Title|Author|Date|Page|Edition)\s*:[ \t]*(.*?)\s*$", re.M)
_HR = re.compile(r"^[ \t]*<hr\s*/?>[ \t]*$", re.M | re.I)
_ORIGINAL = re.compile(r"^[ \t]*Original\s*[:：][ \t]*$", re.M)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_ZH_PAGE = re.compile(r"^\s*第\s*(\d+)\s*版\s*[(（](.*?)[)）]\s*$")
_ZH_COLUMN = re.compile(r"^\s*专栏\s*[:：]\s*(.*?)\s*$")
_TITLE_SPLIT = re.compile(r"[ \t\u3000]{1,}")
_WS = " \t\u3000\ufeff"


def decode(data: bytes, path=None) -> tuple[str, str]:
    """Decode file bytes to the canonical text. Returns (text, encoding)."""
    if len(data) > MAX_BYTES:
        raise TooLarge(path, f"file of {len(data):,} bytes is larger than the {MAX_BYTES:,}-byte limit for one article")
    if not data.strip():
        raise EmptyFile(path, "file is empty" if not data else "file holds only white space")
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryFile(path, "file holds NUL bytes: a binary file, not an article")
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        encoding = "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise EncodingError(
                path, f"bytes are neither UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor GB18030/GBK"
            ) from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 100):
        raise BinaryFile(path, f"{controls} control characters in the first 8 KB: a binary file, not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _lines(text: str, start: int, end: int):
    """Yield (line_start, line_end, line) for the lines of text[start:end], ends without the newline."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop, text[pos:stop]
        pos = stop + 1


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _WS:
        s += 1
    while e > s and text[e - 1] in _WS:
        e -= 1
    return s, e


def _indent(line: str) -> int:
    """Indentation in columns: a tab or a full-width space counts as 4 and 2."""
    n = 0
    for c in line:
        if c == " ":
            n += 1
        elif c == "\t":
            n += 4
        elif c == "\u3000":
            n += 2
        else:
            break
    return n


def _norm_title(s: str) -> str:
    return _TITLE_SPLIT.sub("", s)


def _paragraphs(text: str, start: int, end: int, title: str, lang: str) -> tuple[Paragraph, ...]:
    """Each non-blank line is a paragraph (the archive writes one line per paragraph).

    Leading lines that repeat the title are marked ``title``; lines indented deeper
    than the body (sub-heads, signatures) ``subhead``.
    """
    rows = []
    for ls, le, line in _lines(text, start, end):
        s, e = _stripped(text, ls, le)
        if s < e:
            rows.append((s, e, _indent(line)))
    if not rows:
        return ()
    indents = sorted(r[2] for r in rows)
    body_indent = indents[len(indents) // 2]
    norm_title = _norm_title(title)
    paras = []
    in_head = True
    for i, (s, e, ind) in enumerate(rows):
        t = text[s:e]
        nt = _norm_title(t)
        if in_head and nt and (nt in norm_title or (lang == "en" and nt.lower() in norm_title.lower())):
            role = "title"
        else:
            in_head = False
            role = "subhead" if ind > body_indent else "body"
        paras.append(Paragraph(index=i, start=s, end=e, text=t, role=role))
    return tuple(paras)


def _short_hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def read_article(source, *, path=None) -> Article:
    """Read an article from a path, from bytes, or from its text.

    ``source`` is a :class:`pathlib.Path` or a string naming an existing file, bytes, or
    the article text itself (a string holding a newline). Raises an :class:`ArticleError`
    subclass naming the file and the problem.
    """
    encoding = "utf-8"
    if isinstance(source, bytes):
        text, encoding = decode(source, path)
    elif isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096):
        p = Path(source)
        path = str(p)
        try:
            size = p.stat().st_size
        except OSError as e:
            raise ArticleError(path, f"cannot open: {e.strerror or e}") from None
        if size > MAX_BYTES:
            raise TooLarge(path, f"file of {size:,} bytes is larger than the {MAX_BYTES:,}-byte limit for one article")
        if p.is_dir():
            raise ArticleError(path, "is a directory, not a file")
        text, encoding = decode(p.read_bytes(), path)
    elif isinstance(source, str):
        text = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise EmptyFile(path, "text is empty")
    else:
        raise TypeError(f"read_article takes a path, bytes or str, not {type(source).__name__}")
    return parse_article(text, path=path, encoding=encoding)


def parse_article(text: str, *, path=None, encoding="utf-8") -> Article:
    """Parse decoded article text (see :func:`decode`)."""
    m_orig = _ORIGINAL.search(text)
    if not m_orig:
        raise NoOriginal(path, "no 'Original:' line: the Chinese original is missing")
    m_hr = None
    for m in _HR.finditer(text, 0, m_orig.start()):
        m_hr = m
    en_end = m_hr.start() if m_hr else m_orig.start()

    # --- English header: field lines, blank lines between them allowed
    fields: dict[str, tuple[str, int, int]] = {}
    body_start = 0
    for ls, le, line in _lines(text, 0, en_end):
        if not line.strip():
            body_start = le + 1
            continue
        m = _HEADER.match(line)
        if not m or m.group(1) in fields:
            break
        fields[m.group(1)] = (m.group(2), ls + m.start(2), ls + m.end(2))
        body_start = le + 1
    if not fields:
        raise BadHeader(path, "no header lines (Title:, Author:, Date:, Page:) at the top of the file")
    date_s = fields.get("Date", ("", 0, 0))[0]
    dm = _ISO_DATE.match(date_s)
    if not dm:
        raise MissingDate(path, "header has no date" if not date_s else f"header date {date_s!r} is not YYYY-MM-DD")
    date = f"{int(dm.group(1)):04d}-{int(dm.group(2)):02d}-{int(dm.group(3)):02d}"
    page = None
    page_s = (fields.get("Page") or fields.get("Edition") or ("", 0, 0))[0]
    if re.fullmatch(r"\d+", page_s or ""):
        page = int(page_s)
    title_en, ts, te = fields.get("Title", ("", 0, 0))
    author = fields.get("Author", ("", 0, 0))[0] or None

    # --- Chinese block
    zh_start = m_orig.end()
    title_zh, title_zh_span, column, zh_author = "", None, None, None
    zh_body_start = zh_start
    meta_done = False
    author_lines = []
    for ls, le, line in _lines(text, zh_start, len(text)):
        st = line.strip(_WS)
        if not st:
            continue
        if line.startswith("###") and title_zh_span is None:
            s, e = _stripped(text, ls + len(line) - len(line.lstrip("#")), le)
            title_zh, title_zh_span = text[s:e], (s, e)
            zh_body_start = le + 1
            continue
        m_col = _ZH_COLUMN.match(line)
        if m_col:
            column = m_col.group(1) or None
            zh_body_start = le + 1
            meta_done = True
            break
        if _ZH_PAGE.match(line):
            m_p = _ZH_PAGE.match(line)
            if page is None:
                page = int(m_p.group(1))
            zh_body_start = le + 1
            continue
        if _ISO_DATE.match(line):
            zh_body_start = le + 1
            continue
        if title_zh_span is not None and _indent(line) == 0 and len(author_lines) < 2 and not meta_done:
            author_lines.append(st)
            zh_body_start = le + 1
            continue
        break
    if author_lines:
        zh_author = " ".join(author_lines)
    if not author and zh_author:
        author = zh_author
    paragraphs_zh = _paragraphs(text, zh_body_start, len(text), title_zh, "zh")
    if not paragraphs_zh and not title_zh:
        raise EmptySide(path, "the Chinese side is empty: nothing after 'Original:'")
    if not paragraphs_zh:
        raise EmptySide(path, "the Chinese side has a title but no body paragraphs")
    paragraphs_en = _paragraphs(text, body_start, en_end, title_en, "en")
    if not paragraphs_en:
        raise EmptySide(path, "the English side is empty: no text between the header and '<hr />'")
    zh_text = "".join(p.text for p in paragraphs_zh)
    article_id = f"{date}_{page if page is not None else 0}_{_short_hash(title_zh + zh_text)}"
    return Article(
        id=article_id,
        path=str(path) if path is not None else None,
        text=text,
        date=date,
        page=page,
        column=column,
        title_en=title_en,
        title_zh=title_zh,
        author=author,
        paragraphs_en=paragraphs_en,
        paragraphs_zh=paragraphs_zh,
        encoding=encoding,
        en_span=(body_start, en_end),
        zh_span=(zh_start, len(text)),
        title_zh_span=title_zh_span,
        title_en_span=(ts, te) if title_en else None,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
    )
