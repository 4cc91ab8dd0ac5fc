"""A Description as lines of text for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.describe import Description
from kg.labels import LabelIndex
from kg.namespaces import curie


def term_text(term: Node, index: LabelIndex, lang: str) -> str:
    """An IRI as `label (curie)`, a literal as `"text"@lang` or with its datatype."""
    if isinstance(term, URIRef):
        name, short = index.name(term, lang), curie(str(term))
        return short if name == short else f"{name} ({short})"
    if isinstance(term, Literal):
        text = " ".join(str(term).split())
        if term.language:
            return f"“{text}”@{term.language}"
        if term.datatype:
            return f"{text} ({curie(str(term.datatype))})"
        return f"“{text}”"
    return "[…]"


def describe_lines(description: Description, index: LabelIndex, lang: str = "en") -> Iterator[str]:
    node = description.node
    yield f"{index.name(node, lang)}  {curie(str(node))}"
    yield f"  a {', '.join(curie(c) for c in description.classes) or '(no class)'}"
    for (incoming, prop), statements in description.grouped().items():
        arrow = "◀ " if incoming else ""
        yield f"{arrow}{term_text(prop, index, lang)}"
        for st in statements:
            where = ", ".join(st.sources) or ", ".join(st.files)
            if isinstance(st.value, BNode):
                inner = "; ".join(f"{curie(str(p))} {term_text(v, index, lang)}" for p, v in st.inner)
                yield f"    [{inner}]  — {where}"
            else:
                yield f"    {term_text(st.value, index, lang)}  — {where}"
