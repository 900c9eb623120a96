"""Tokenization of both languages through spaCy, with duizhao's rule components.

* English: ``spacy.blank("en")`` + the rule-based ``sentencizer``.
* Chinese: ``spacy.blank("zh")`` whose tokenizer is jieba (a private ``jieba.Tokenizer``
  with duizhao's user dictionary, so the global jieba is left alone), wrapped so that
  no token crosses the boundary of a numeral, a place or an organisation: the
  rule extractors run first, their span boundaries cut the text, and jieba segments
  only what lies between (jieba alone gives 七百 / 二十一万元 and 手工业社在).
  Sentences end at 。！？； and at line ends.

Both pipelines carry the components ``duizhao_quantities`` and ``duizhao_entities``,
which write ``doc.spans["quantities"]`` and ``doc.spans["entities"]`` with the record
fields as span extensions (``span._.value``, ``span._.unit`` ...). Models are built
once per process: :func:`make_nlp` is cached.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

QUANTITY_FIELDS = ("value", "high", "unit", "approx", "kind", "scale", "unit_text")
ENTITY_FIELDS = ("subtype", "norm", "en", "gazetteer_id", "modern", "place", "place_parent", "trade")
_ZH_SENT_END = set("。！？；!?;")

# Extension attributes are global state: registered here, once, with plain-typed values.
for _name in QUANTITY_FIELDS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in ENTITY_FIELDS:
    _ext = "en_name" if _name == "en" else _name
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=None)


@lru_cache(maxsize=1)
def jieba_tokenizer():
    """A private jieba tokenizer with the shipped domain dictionary (loaded once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for name in ("jieba_user.txt",):
        ref = resources.files("pipeline.data").joinpath(name)
        if ref.is_file():
            with resources.as_file(ref) as p:
                tok.load_userdict(str(p))
    return tok


def _protected(text: str):
    """Spans jieba must not cut across: quantities and entities found by the rules."""
    from pipeline.entities import extract_entities
    from pipeline.quantities import extract_quantities

    return extract_quantities(text, "zh"), extract_entities(text, "zh")


class ZhTokenizer:
    """Callable ``text -> Doc``: jieba between the boundaries of protected spans."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str, quantities=None, entities=None) -> Doc:
        if quantities is None or entities is None:
            q, e = _protected(text)
            quantities = q if quantities is None else quantities
            entities = e if entities is None else entities
        words = self.words(text, quantities, entities)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data["duizhao_quantities"] = list(quantities)
        doc.user_data["duizhao_entities"] = list(entities)
        return doc

    @staticmethod
    def words(text: str, quantities, entities) -> list[str]:
        """The Doc's token texts: jieba between the mentions' boundaries, each mention one token."""
        cuts = {0, len(text)}
        whole = set()
        for m in list(quantities) + list(entities):
            if 0 <= m.start < m.end <= len(text):
                cuts.add(m.start)
                cuts.add(m.end)
                whole.add((m.start, m.end))
        cuts = sorted(cuts)
        words = []
        seg = jieba_tokenizer()
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b]
            if (a, b) in whole and not piece.isspace():
                words.append(piece)
            else:
                words.extend(w for w in seg.cut(piece, HMM=True) if w)
        return _split_newlines(words)

    # spaCy calls these when saving/loading a pipeline; the tokenizer has no state.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self


def _split_newlines(words):
    """Keep each line end its own token so sentences can end there."""
    out = []
    for w in words:
        if "\n" in w and w != "\n":
            parts = w.split("\n")
            for i, p in enumerate(parts):
                if p:
                    out.append(p)
                if i < len(parts) - 1:
                    out.append("\n")
        else:
            out.append(w)
    return out


@Language.component("duizhao_zh_sentences")
def zh_sentences(doc: Doc) -> Doc:
    """Sentence starts after 。！？； and after line ends."""
    # set in one array: Token.is_sent_start= checks the whole doc on each call (quadratic);
    # the token texts are read as ORTH ids (no Token objects are made)
    import numpy
    from spacy.attrs import ORTH, SENT_START

    if not len(doc):
        return doc
    orth = doc.to_array(ORTH)
    ends, nl = _zh_sent_ids(doc.vocab.strings)
    is_end = numpy.isin(orth, ends)
    is_nl = orth == nl
    # a token starts a sentence when it is the first or follows 。 or a line end ...
    start_next = numpy.ones(len(orth), dtype=bool)
    start_next[1:] = is_end[:-1] | is_nl[:-1]
    # ... except a line end right after 。, which closes the same sentence
    after_end = numpy.zeros(len(orth), dtype=bool)
    after_end[1:] = is_end[:-1]
    starts = numpy.where(start_next & ~(is_nl & after_end), 1, -1)
    doc.from_array([SENT_START], starts.astype("int64").astype("uint64").reshape(-1, 1))
    return doc


def _zh_sent_ids(strings):
    """ORTH ids (string hashes) of the sentence-final marks and of the line end."""
    import numpy

    return numpy.asarray([strings.add(c) for c in sorted(_ZH_SENT_END)], dtype="uint64"), strings.add("\n")


def _sentencize(doc: Doc, proc) -> Doc:
    """spaCy's ``Sentencizer`` (same rule, same sentence starts) over ORTH / IS_PUNCT arrays:
    its ``predict`` builds a Token object per token, the largest cost of English tokenization."""
    import numpy
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START

    n = len(doc)
    if not n:
        return doc
    arr = doc.to_array([ORTH, IS_PUNCT, SENT_START])
    current = arr[:, 2].astype("int64").tolist()
    guesses = _sentence_guesses(proc, arr[:, 0].tolist(), arr[:, 1].tolist())
    # like Sentencizer.set_annotations: a start already set is kept unless overwrite
    starts = [(1 if g else -1) if (c == 0 or proc.overwrite) else c for g, c in zip(guesses, current)]
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


_PUNCT_IDS: dict = {}


def _sentence_guesses(proc, orth: list, is_punct: list) -> list[bool]:
    """``Sentencizer.predict``'s rule over token ORTH ids and IS_PUNCT flags: a sentence starts after
    a run of the sentencizer's punctuation, at the first token that is neither."""
    from spacy.strings import get_string_id

    punct = _PUNCT_IDS.get(id(proc))
    if punct is None or punct[0] is not proc.punct_chars:
        punct = _PUNCT_IDS[id(proc)] = (proc.punct_chars, frozenset(get_string_id(c) for c in proc.punct_chars))
    ids = punct[1]
    guesses = [False] * len(orth)
    guesses[0] = True
    start, seen_period = 0, False
    for i in range(len(orth)):
        in_chars = orth[i] in ids
        if seen_period and not is_punct[i] and not in_chars:
            guesses[start] = True
            start, seen_period = i, False
        elif in_chars:
            seen_period = True
    guesses[start] = True
    return guesses


def _set_spans(doc: Doc, key: str, records, fields, label_of):
    spans = []
    for r in records:
        span = doc.char_span(r.start, r.end, label=label_of(r), alignment_mode="expand")
        if span is None:
            continue
        for f in fields:
            setattr(span._, "en_name" if f == "en" else f, _plain(getattr(r, f, None)))
        spans.append(span)
    doc.spans[key] = spans


def _plain(v):
    # Decimal stays Decimal (exact); everything else is already a plain type.
    return v


class _RuleComponent:
    def __init__(self, lang: str, what: str):
        self.lang, self.what = lang, what

    def __call__(self, doc: Doc) -> Doc:
        if self.what == "quantities":
            recs = doc.user_data.pop("duizhao_quantities", None)
            if recs is None:
                from pipeline.quantities import extract_quantities

                recs = extract_quantities(doc.text, self.lang)
            _set_spans(doc, "quantities", recs, QUANTITY_FIELDS, lambda r: "QUANTITY")
        else:
            recs = doc.user_data.pop("duizhao_entities", None)
            if recs is None:
                from pipeline.entities import extract_entities

                recs = extract_entities(doc.text, self.lang)
            _set_spans(doc, "entities", recs, ENTITY_FIELDS, lambda r: r.label)
        return doc


@Language.factory("duizhao_quantities", default_config={"lang": "en"})
def make_quantities_component(nlp, name, lang):
    return _RuleComponent(lang, "quantities")


@Language.factory("duizhao_entities", default_config={"lang": "en"})
def make_entities_component(nlp, name, lang):
    return _RuleComponent(lang, "entities")


@lru_cache(maxsize=None)
def make_nlp(lang: str, components: bool = True) -> Language:
    """The spaCy pipeline for ``lang`` ("en" or "zh"), built once per process."""
    import spacy

    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    elif lang == "zh":
        # A blank Chinese pipeline with character segmentation (no pkuseg/jieba load here);
        # the tokenizer is replaced by ZhTokenizer, which runs jieba itself.
        nlp = spacy.blank("zh")
        nlp.tokenizer = ZhTokenizer(nlp.vocab)
        nlp.add_pipe("duizhao_zh_sentences")
    else:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if components:
        nlp.add_pipe("duizhao_quantities", config={"lang": lang})
        nlp.add_pipe("duizhao_entities", config={"lang": lang})
    return nlp


def counts(text: str, lang: str, quantities=None, entities=None) -> tuple[int, int]:
    """(tokens that are not white space, sentences holding such a token) of
    ``tokenize(text, lang, quantities, entities)``, counted without the parts of the Doc the
    counts do not need: the Chinese words are counted as jieba and the mentions cut them (no
    Doc, so no vocabulary entry for each new word), the English tokens on one array of the
    tokenizer's Doc, with the sentencizer's rule applied there (no sentence starts written
    back). The same numbers as counting ``doc`` and ``doc.sents``: a test compares them."""
    nlp = make_nlp(lang)
    if lang == "zh":
        if quantities is None or entities is None:
            q, e = _protected(text)
            quantities = q if quantities is None else quantities
            entities = e if entities is None else entities
        return _zh_counts(ZhTokenizer.words(text, quantities, entities))
    return _en_counts(nlp.make_doc(text), nlp.get_pipe("sentencizer"))


def _zh_counts(words: list[str]) -> tuple[int, int]:
    """:func:`zh_sentences` and the counts over the words: a sentence starts at the first word
    and after 。！？； or a line end, except at a line end right after 。 (same sentence)."""
    ends = _ZH_SENT_END
    n_words = n_sents = 0
    has_word = prev_end = prev_nl = False
    for w in words:
        if (prev_end and w != "\n") or prev_nl:  # a sentence starts here
            n_sents += has_word
            has_word = False
        if not w.isspace():
            n_words += 1
            has_word = True
        prev_end = w in ends
        prev_nl = w == "\n"
    return n_words, n_sents + has_word


def _en_counts(doc: Doc, proc) -> tuple[int, int]:
    """:func:`_sentencize` (the sentencizer's rule) and the counts over one array of ``doc``."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

    n = len(doc)
    if not n:
        return 0, 0
    arr = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SENT_START])
    is_space, current = arr[:, 2].tolist(), arr[:, 3].astype("int64").tolist()
    guesses = _sentence_guesses(proc, arr[:, 0].tolist(), arr[:, 1].tolist())
    overwrite = proc.overwrite
    n_words = n_sents = 0
    has_word = False
    for i in range(n):
        c = current[i]
        if i and ((guesses[i] if (c == 0 or overwrite) else c == 1)):  # a sentence starts here
            n_sents += has_word
            has_word = False
        if not is_space[i]:
            n_words += 1
            has_word = True
    return n_words, n_sents + has_word


def tokenize(text: str, lang: str, quantities=None, entities=None, *, spans: bool = True) -> Doc:
    """Tokenize ``text`` with the cached pipeline; precomputed mentions (offsets into
    ``text``) are reused instead of running the extractors again.

    ``spans=False`` is the fast path for callers that only count tokens and sentences
    (:func:`pipeline.process.process_article`): the rule components are skipped, so
    ``doc.spans`` is not written; the mentions (anything with ``start``/``end``; found by
    the extractors when None, as usual) only cut the Chinese text. Tokens and sentences
    are the same either way.
    """
    nlp = make_nlp(lang)
    if not spans:
        if lang == "zh":
            doc = nlp.tokenizer(text, quantities=quantities, entities=entities)
        else:
            doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "sentencizer":
                doc = _sentencize(doc, proc)
            elif name not in ("duizhao_quantities", "duizhao_entities"):
                doc = proc(doc)
        return doc
    if lang == "zh":
        doc = nlp.tokenizer(text, quantities=quantities, entities=entities)
    else:
        doc = nlp.make_doc(text)
        if quantities is not None:
            doc.user_data["duizhao_quantities"] = list(quantities)
        if entities is not None:
            doc.user_data["duizhao_entities"] = list(entities)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
