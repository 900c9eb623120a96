from conftest import needs_shared, SHARED
from pipeline import read_article
from pipeline.entities import extract_entities
from pipeline.nlp import make_nlp, tokenize
from pipeline.quantities import extract_quantities

SEED_SENTENCE = "江苏高邮县金属生产社在废油箱中提炼出焊锡二百斤，榆次市针织社每月回收破手套七百斤，节约了二十一万元。"


def _boundaries(doc):
    return {t.idx for t in doc} | {len(doc.text)}


def _assert_no_token_crosses(doc, spans):
    cuts = _boundaries(doc)
    for s in spans:
        assert s.start in cuts and s.end in cuts, (s.text, [t.text for t in doc])


def test_nlp_models_are_built_once_per_process():
    assert make_nlp("zh") is make_nlp("zh") and make_nlp("en") is make_nlp("en")


def test_nlp_zh_tokens_never_cross_numerals_or_names():
    doc = make_nlp("zh")(SEED_SENTENCE)
    assert "".join(t.text for t in doc) == SEED_SENTENCE
    qs = extract_quantities(SEED_SENTENCE, "zh")
    es = extract_entities(SEED_SENTENCE, "zh")
    assert qs and es
    _assert_no_token_crosses(doc, qs + es)
    # jieba alone fuses 社在 and splits 二十一万元 as 二十一万元 / 七百 ...; here the name ends at 社
    assert "社在" not in [t.text for t in doc]


def test_nlp_zh_sentences_split_at_chinese_punctuation_and_line_ends():
    doc = tokenize("今年增产三成。明年呢？再说；\n新的一行", "zh")
    assert [s.text.strip() for s in doc.sents] == ["今年增产三成。", "明年呢？", "再说；", "新的一行"]


def test_nlp_spans_carry_record_fields_as_extensions():
    doc = make_nlp("zh")("产值达到三十八亿七千万元")
    (span,) = [s for s in doc.spans["quantities"] if s._.unit == "yuan"]
    assert str(span._.value) == "3870000000" and span.label_ == "QUANTITY"
    doc = make_nlp("en")("It reached 3.87 billion yuan. Harbin did well.")
    spans = [s for s in doc.spans["quantities"] if s._.unit == "yuan"]
    assert spans and str(spans[0]._.value) == "3870000000"
    assert len(list(doc.sents)) == 2


@needs_shared
def test_nlp_zh_no_token_crosses_a_mention_on_the_dev_corpus():
    for f in sorted((SHARED / "corpus" / "dev").glob("*.txt"))[:20]:
        a = read_article(f)
        for p in a.paragraphs_zh:
            doc = tokenize(p.text, "zh")
            assert "".join(t.text for t in doc) == p.text
            _assert_no_token_crosses(doc, extract_quantities(p.text, "zh") + extract_entities(p.text, "zh"))


def test_nlp_zh_user_dictionary_is_shipped_and_used():
    from importlib import resources

    from pipeline.nlp import jieba_tokenizer

    words = resources.files("pipeline.data").joinpath("jieba_user.txt").read_text(encoding="utf-8").split("\n")
    names = {w.split(" ")[0] for w in words if w}
    assert {"增产节约", "手工业社", "专区"} <= names and len(names) > 1000
    tokens = list(jieba_tokenizer().cut("在增产节约运动中手工业社"))
    assert "增产节约运动" in tokens or "增产节约" in tokens
    assert "手工业社" in tokens


_COUNT_EDGES = {
    "zh": ["", "\n", "。", "。\n", "\n。", "。。\n\n好", "  \n  ", "他说：“好！”\n\n  第二段；第三句。\n", SEED_SENTENCE,
           "一九五七年\n\n\n产值达到三十八亿七千万元。？！"],
    "en": ["", " ", "\n\n", "Mr. Li came. He left!", "It rose 34.88% (to 3.87 billion yuan).\n\nNext para...  ok ?",
           "No final stop", "“Quoted.” Then. . . more"],
}


def _count_texts():
    from pipeline.batch import find_inputs
    from pipeline.article import ArticleError
    from conftest import CORPUS

    files = find_inputs([CORPUS] + ([SHARED / "corpus" / "dev"] if (SHARED / "corpus" / "dev").is_dir() else []))
    for f in files:
        try:
            a = read_article(f)
        except ArticleError:
            continue
        yield a.text[slice(*a.zh_span)], a.text[slice(*a.en_span)]


def test_nlp_counts_are_the_counts_of_the_tokenized_doc():
    """counts() (no Chinese Doc, one English array) gives what counting tokenize()'s Doc gives:
    tokens that are not white space, and sentences (doc.sents) holding one; on the bundled
    corpus, the dev corpus when present, and edge cases (empty, blank, marks at line ends)."""
    from pipeline.nlp import counts
    from pipeline.process import _counts

    def doc_counts(text, lang, q=None, e=None):
        doc = tokenize(text, lang, quantities=q, entities=e, spans=False)
        words = [t for t in doc if not t.is_space]
        return len(words), sum(1 for s in doc.sents if any(not t.is_space for t in s))

    n = 0
    for zh, en in _count_texts():
        q, e = extract_quantities(zh, "zh"), extract_entities(zh, "zh")
        assert counts(zh, "zh", q, e) == doc_counts(zh, "zh", q, e) == _counts(tokenize(zh, "zh", q, e, spans=False))
        assert counts(en, "en") == doc_counts(en, "en") == _counts(tokenize(en, "en", spans=False))
        n += 1
    assert n >= 4
    for lang, texts in _COUNT_EDGES.items():
        for t in texts:
            assert counts(t, lang) == doc_counts(t, lang), (lang, t)
    assert counts("", "zh") == (0, 0) and counts("好。\n\n好。", "zh") == (2 + 2, 2)
