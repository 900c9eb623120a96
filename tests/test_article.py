import re
from pathlib import Path

import pytest

from conftest import CORPUS, needs_shared, SHARED
from pipeline import article as art
from pipeline import read_article


def test_article_seed_metadata_and_offsets(seed_path):
    a = read_article(seed_path)
    assert a.date == "1957-08-20" and a.page == 5 and a.column is None
    assert a.title_zh == "组织起来\u3000增产节约  手工业产值增长三成多"
    assert a.title_en.startswith("Organize, Increase Production")
    assert re.fullmatch(r"1957-08-20_5_[0-9a-f]{8}", a.id)
    text = seed_path.read_text(encoding="utf-8-sig")
    assert a.text == text
    for p in a.paragraphs_en + a.paragraphs_zh:
        assert text[p.start:p.end] == p.text and p.text == p.text.strip()
    assert [p.role for p in a.paragraphs_zh][:3] == ["title", "title", "body"]
    assert a.paragraphs_zh[2].text.startswith("据新华社讯")
    assert len(a.paragraphs_en) == 4 and a.paragraphs_en[0].text.startswith("Xinhua News Agency report")
    assert text[slice(*a.title_zh_span)] == a.title_zh


def test_article_id_is_stable_and_content_based(seed_path, tmp_path):
    a = read_article(seed_path)
    copy = tmp_path / "elsewhere.txt"
    copy.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert read_article(copy).id == a.id
    changed = tmp_path / "changed.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("三十八亿七千万元", "三十九亿元"), encoding="utf-8")
    assert read_article(changed).id != a.id


def test_article_reads_text_and_bytes(seed_path):
    raw = seed_path.read_bytes()
    assert read_article(raw).id == read_article(raw.decode("utf-8")).id == read_article(seed_path).id


def test_article_crlf_bom_author_column_signature():
    a = read_article(CORPUS / "layouts" / "1951-03-05_3_letter_bom_crlf.txt")
    assert a.encoding == "utf-8-sig" and "\r" not in a.text
    assert a.date == "1951-03-05" and a.page == 3 and a.column == "读者来信"
    assert a.author == "Wang Ming"
    assert a.paragraphs_zh[-1].role == "subhead" and a.paragraphs_zh[-1].text.endswith("王明")
    # offsets point into the text as Python reads the file (universal newlines, BOM stripped)
    text = (CORPUS / "layouts" / "1951-03-05_3_letter_bom_crlf.txt").read_text(encoding="utf-8-sig")
    assert all(text[p.start:p.end] == p.text for p in a.paragraphs_zh + a.paragraphs_en)


def test_article_gbk_is_decoded_and_reported():
    a = read_article(CORPUS / "layouts" / "1950-06-01_2_gbk_encoded.txt")
    assert a.encoding == "gb18030"
    assert a.title_zh == "天津面粉厂日产八千六百袋"


def test_article_edition_header_and_tab_paragraphs():
    a = read_article(CORPUS / "layouts" / "1949-04-12_2_wanwan_edition_tabs.txt")
    assert a.page == 2
    assert [p.role for p in a.paragraphs_en] == ["title", "body", "body"]
    assert a.paragraphs_en[1].text.startswith("[Xinhua")


@pytest.mark.parametrize(
    "name, exc, words",
    [
        ("no_original.txt", art.NoOriginal, "Original"),
        ("empty_english.txt", art.EmptySide, "English side is empty"),
        ("empty_chinese.txt", art.EmptySide, "Chinese side is empty"),
        ("no_date.txt", art.MissingDate, "no date"),
        ("empty.txt", art.EmptyFile, "empty"),
        ("binary.txt", art.BinaryFile, "binary"),
        ("bad_bytes.txt", art.EncodingError, "neither UTF-8"),
    ],
)
def test_article_defects_raise_typed_one_line_errors(name, exc, words):
    path = CORPUS / "defects" / name
    with pytest.raises(exc) as info:
        read_article(path)
    msg = str(info.value)
    assert str(path) in msg and words in msg and "\n" not in msg
    assert isinstance(info.value, art.ArticleError) and info.value.kind


def test_article_too_large_file_is_refused_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"\n")
    with pytest.raises(art.TooLarge, match="larger than"):
        read_article(big)


def test_article_header_date_in_other_form_is_rejected(seed_path):
    text = seed_path.read_text(encoding="utf-8").replace("Date: 1957-08-20", "Date: August 20, 1957")
    with pytest.raises(art.MissingDate, match="not YYYY-MM-DD"):
        read_article(text)


def test_article_missing_path_is_an_article_error(tmp_path):
    with pytest.raises(art.ArticleError, match="cannot open"):
        read_article(tmp_path / "nope.txt")


@needs_shared
def test_article_every_shared_file_reads_with_header_date_and_page():
    files = sorted((SHARED / "corpus" / "dev").glob("*.txt")) + sorted((SHARED / "corpus" / "seed").glob("*.txt"))
    assert len(files) >= 60
    for f in files:
        a = read_article(f)
        head = f.read_text(encoding="utf-8-sig")
        date = re.search(r"^Date:\s*(\S+)", head, re.M).group(1)
        page = re.search(r"^(?:Page|Edition):\s*(\d+)", head, re.M).group(1)
        assert (a.date, a.page) == (date, int(page)), f
        assert a.paragraphs_en and a.paragraphs_zh and a.title_zh, f
        for p in a.paragraphs_en + a.paragraphs_zh:
            assert a.text[p.start:p.end] == p.text
        # the Chinese date line agrees with the header
        assert f"\n{date}\n" in a.text[a.zh_span[0]:]
