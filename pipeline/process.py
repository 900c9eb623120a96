"""One article through every stage: read -> tokenize -> recognize -> reconcile -> facts.

:func:`process_article` returns the article's rows of every table as pandas
DataFrames, keyed by table name; :mod:`pipeline.batch` streams them to the store.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from pipeline import __version__
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
    return [
        {
            "article_id": article.id, "lang": lang, "para": seg.index, "start": q.start, "end": q.end,
            "text": q.text, "value": dec(q.value), "high": dec(q.high), "unit": q.unit,
            "unit_text": q.unit_text, "approx": q.approx, "kind": q.kind, "scale": q.scale,
        }
        for seg, q in pairs
    ]


def _entity_rows(article, pairs, lang):
    return [
        {
            "article_id": article.id, "lang": lang, "para": seg.index, "start": e.start, "end": e.end,
            "text": e.text, "label": e.label, "subtype": e.subtype, "norm": e.norm, "en": e.en,
            "gazetteer_id": e.gazetteer_id, "modern": e.modern, "place": e.place,
            "place_parent": e.place_parent, "trade": e.trade,
        }
        for seg, e in pairs
    ]


def _tokenize_side(article: Article, lang: str, quantities, entities):
    """Tokenize one side (paragraphs joined as in the file) reusing the mentions found."""
    from pipeline.nlp import tokenize

    start, end = article.zh_span if lang == "zh" else article.en_span
    text = article.text[start:end]

    def local(pairs):
        import dataclasses

        return [dataclasses.replace(m, start=m.start - start, end=m.end - start)
                for _, m in pairs if start <= m.start and m.end <= end]

    return tokenize(text, lang, quantities=local(quantities), entities=local(entities))


def process_article(article: Article, *, tokenize: bool = True) -> dict[str, pd.DataFrame]:
    """Every table's rows for one article, as DataFrames keyed by table name."""
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
    docs = {}
    if tokenize:
        for lang in ("zh", "en"):
            doc = _tokenize_side(article, lang, q[lang], e[lang])
            docs[lang] = doc
            row[f"n_tokens_{lang}"] = sum(1 for t in doc if not t.is_space)
            row[f"n_sentences_{lang}"] = sum(1 for s in doc.sents if s.text.strip())
    tables = {
        "quantities": pd.DataFrame(
            _quantity_rows(article, q["zh"], "zh") + _quantity_rows(article, q["en"], "en"),
            columns=QUANTITY_COLUMNS,
        ),
        "entities": pd.DataFrame(
            _entity_rows(article, e["zh"], "zh") + _entity_rows(article, e["en"], "en"),
            columns=ENTITY_COLUMNS,
        ),
    }
    recon = reconcile_article(article, q["zh"], q["en"])
    tables["reconciliation"] = recon
    row.update(summarize(recon))
    tables["facts"] = extract_facts(article, q["zh"], e["zh"], recon)
    tables["articles"] = pd.DataFrame([row])
    return tables
