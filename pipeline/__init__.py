"""duizhao: read bilingual People's Daily archive articles and reconcile every figure.

Public API (imported lazily so that ``import pipeline`` stays cheap)::

    read_article(path_or_text) -> Article
    extract_quantities(text, lang) -> list[Quantity]
    extract_entities(text, lang) -> list[Entity]
    process_article(article) -> dict[str, pandas.DataFrame]
    run(inputs, out=...) -> dict[str, pandas.DataFrame]
"""
from importlib import import_module

__version__ = "0.1.0"

_API = {
    "Article": "pipeline.types",
    "Paragraph": "pipeline.types",
    "Quantity": "pipeline.types",
    "Entity": "pipeline.types",
    "read_article": "pipeline.article",
    "ArticleError": "pipeline.article",
    "make_nlp": "pipeline.nlp",
    "extract_quantities": "pipeline.quantities",
    "extract_entities": "pipeline.entities",
    "align_paragraphs": "pipeline.align",
    "reconcile_article": "pipeline.reconcile",
    "extract_facts": "pipeline.facts",
    "process_article": "pipeline.process",
    "run": "pipeline.batch",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
