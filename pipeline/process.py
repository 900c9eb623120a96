"""One article through every stage: read -> tokenize -> recognize -> reconcile -> facts.

:func:`process_article` returns the article's rows of every table as pandas
DataFrames, keyed by table name; :mod:`pipeline.batch` streams them to the store.
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pandas as pd

from pipeline import __version__
from pipeline.align import align_paragraphs
from pipeline.facts import extract_facts
from pipeline.mentions import article_entities, article_quantities
from pipeline.reconcile import reconcile_article, summarize
from pipeline.types import Article

ARTICLE_COLUMNS = [
    "id", "path", "date", "page", "column", "title_en", "title_zh", "author",
    "n_paragraphs_en", "n_paragraphs_zh", "n_chars_en", "n_chars_zh", "n_tokens_en", "n_tokens_zh",
    "n_sentences_en", "n_sentences_zh", "encoding", "content_hash", "pipeline_version",
]
QUANTITY_COLUMNS = [
    "article_id", "lang", "para", "start", "end", "text", "value", "high", "unit", "unit_text",
    "approx", "kind", "scale",
]
ENTITY_COLUMNS = [
    "article_id", "lang", "para", "start", "end", "text", "label", "subtype", "norm", "en",
    "gazetteer_id", "modern", "place", "place_parent", "trade",
    "link_start", "link_end", "link_text", "link_score",
]


def dec(v):
    """Decimals are stored as exact strings ("3870000000"), never floats."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        s = format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
        return s
    return str(v)


def _quantity_rows(article, pairs, lang):
    # tuples in QUANTITY_COLUMNS order (a DataFrame is built from them with those columns)
    aid = article.id
    return [
        (aid, lang, seg.index, q.start, q.end, q.text, dec(q.value), dec(q.high), q.unit, q.unit_text,
         q.approx, q.kind, q.scale)
        for seg, q in pairs
    ]


def _entity_rows(article, pairs, lang, links=None):
    # tuples in ENTITY_COLUMNS order; ``links``: (start, end) of a mention -> its counterpart in the
    # other language and the link's score (no entry: no rendering found)
    aid = article.id
    links = links or {}
    rows = []
    for seg, e in pairs:
        other, s = links.get((e.start, e.end, e.label), (None, None))
        rows.append(
            (aid, lang, seg.index, e.start, e.end, e.text, e.label, e.subtype, e.norm, e.en, e.gazetteer_id,
             e.modern, e.place, e.place_parent, e.trade,
             other.start if other else None, other.end if other else None, other.text if other else None,
             round(s, 3) if other else None)
        )
    return rows


def _links(article, e, beads):
    """Each entity's counterpart in the other language (:func:`pipeline.entities.link.link_article`
    over the paragraph alignment reconciliation uses), keyed by language and (start, end, label)."""
    from pipeline.entities.link import link_article

    out = {"zh": {}, "en": {}}
    for z, en, s in link_article(article, e["zh"], e["en"], beads):
        if z is not None and en is not None:
            out["zh"][(z.start, z.end, z.label)] = (en, s)
            out["en"][(en.start, en.end, en.label)] = (z, s)
    return out


class Rows(NamedTuple):
    """A table's rows as plain tuples in ``columns`` order, not yet a DataFrame: a chunk of
    articles is made into one frame per table (:func:`frames`), which costs what one article's
    frame costs (pandas' per-frame overhead is most of a small frame's price)."""

    columns: list[str]
    rows: list[tuple]


def frames(tables: dict) -> dict[str, pd.DataFrame]:
    """The tables of :func:`article_tables` as DataFrames (what :func:`process_article` returns)."""
    return {n: _frame(t.rows, t.columns) if isinstance(t, Rows) else t for n, t in tables.items()}


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A DataFrame from row tuples, handed to pandas column by column: a third faster than
    from the rows, with the same dtypes and values (checked on mixed None/int/float/str/bool
    columns); no rows go the usual way (object columns)."""
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    # the dict's keys are the columns in order: ``columns=`` would only make pandas select them
    # again (a third of the cost of a small frame), with the same result
    return pd.DataFrame(dict(zip(columns, map(list, zip(*rows)))))


class _Cut(NamedTuple):
    """A mention's offsets only: all the token counts need (no record copied)."""

    start: int
    end: int


def _tokenize_side(article: Article, lang: str, quantities, entities) -> tuple[int, int]:
    """Tokenize one side (paragraphs joined as in the file) reusing the mentions found:
    (tokens that are not white space, sentences), as :func:`_counts` counts them on
    :func:`pipeline.nlp.tokenize`'s Doc; :func:`pipeline.nlp.counts` gives the same numbers
    without building what they do not need (the mentions' offsets still cut the Chinese text)."""
    from pipeline.nlp import counts

    start, end = article.zh_span if lang == "zh" else article.en_span
    text = article.text[start:end]

    def local(pairs):
        if lang != "zh":
            return []  # only the Chinese tokenizer is cut at mention boundaries
        return [_Cut(m.start - start, m.end - start) for _, m in pairs if start <= m.start and m.end <= end]

    return counts(text, lang, quantities=local(quantities), entities=local(entities))


def _counts(doc) -> tuple[int, int]:
    """Tokens that are not white space, and sentences with such a token (= whose text is not
    blank), counted on the IS_SPACE / SENT_START arrays as ``doc.sents`` splits them: iterating
    the Doc and its sentences would build a Token per token."""
    import numpy
    from spacy.attrs import IS_SPACE, SENT_START

    if not len(doc) or "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return sum(1 for t in doc if not t.is_space), sum(1 for s in doc.sents if s.text.strip())
    arr = doc.to_array([IS_SPACE, SENT_START])
    words = arr[:, 0] == 0
    starts = arr[:, 1].astype("int64") == 1
    starts[0] = False  # doc.sents: a sentence starts at token 0 and at every later token with sent_start 1
    sentence = numpy.cumsum(starts)
    return int(words.sum()), int(len(numpy.unique(sentence[words])))


def process_article(article: Article, *, tokenize: bool = True) -> dict[str, pd.DataFrame]:
    """Every table's rows for one article, as DataFrames keyed by table name."""
    return frames(article_tables(article, tokenize=tokenize))


def article_tables(article: Article, *, tokenize: bool = True) -> dict:
    """:func:`process_article` before its frames are built: the quantities, entities and
    articles tables as :class:`Rows` (the other two come as DataFrames from their stages).
    The workers of a run gather a chunk's rows and build one frame per table for it."""
    q = {lang: article_quantities(article, lang) for lang in ("zh", "en")}
    e = {lang: article_entities(article, lang) for lang in ("zh", "en")}
    row = {
        "id": article.id, "path": article.path, "date": article.date, "page": article.page,
        "column": article.column, "title_en": article.title_en, "title_zh": article.title_zh,
        "author": article.author, "n_paragraphs_en": len(article.paragraphs_en),
        "n_paragraphs_zh": len(article.paragraphs_zh), "n_chars_en": article.n_chars_en,
        "n_chars_zh": article.n_chars_zh, "n_tokens_en": None, "n_tokens_zh": None,
        "n_sentences_en": None, "n_sentences_zh": None, "encoding": article.encoding,
        "content_hash": article.content_hash, "pipeline_version": __version__,
    }
    if tokenize:
        for lang in ("zh", "en"):
            row[f"n_tokens_{lang}"], row[f"n_sentences_{lang}"] = _tokenize_side(article, lang, q[lang], e[lang])
    beads = align_paragraphs(article, q["zh"], q["en"])
    links = _links(article, e, beads)
    tables = {
        "quantities": Rows(
            QUANTITY_COLUMNS, _quantity_rows(article, q["zh"], "zh") + _quantity_rows(article, q["en"], "en"),
        ),
        "entities": Rows(
            ENTITY_COLUMNS,
            _entity_rows(article, e["zh"], "zh", links["zh"]) + _entity_rows(article, e["en"], "en", links["en"]),
        ),
    }
    recon = reconcile_article(article, q["zh"], q["en"], beads)
    tables["reconciliation"] = recon
    row.update(summarize(recon))
    tables["facts"] = extract_facts(article, q["zh"], e["zh"], recon)
    tables["articles"] = Rows(list(row), [tuple(row.values())])
    return tables
