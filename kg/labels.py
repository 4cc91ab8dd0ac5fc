"""Names of entities in zh-Hans, zh-Hant and English, and script-blind matching.

Labels are rdfs:label (the main name per language) and skos:altLabel (other forms
a source uses). English labels that are curators' translations carry the tag
`en-t-zh` (BCP 47 "transformed from Chinese"); langMatches(…, "en") finds both.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.namespaces import curie

LANGS = ("zh-Hans", "zh-Hant", "en")


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def script_key(text: str) -> str:
    """A key equal for the same name in simplified or traditional script, any
    letter case and any Unicode width: OpenCC t2s, NFKC, casefold, no spaces."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _to_simplified().convert(folded)
    return "".join(folded.casefold().split())


def lang_matches(tag: str | None, wanted: str) -> bool:
    """SPARQL langMatches: `en` matches `en` and `en-t-zh`; `zh-Hans` matches `zh-Hans`."""
    if not tag:
        return False
    tag, wanted = tag.lower(), wanted.lower()
    return tag == wanted or tag.startswith(wanted + "-")


def labels_of(graph: Graph, node: Node) -> list[Literal]:
    """Every rdfs:label and skos:altLabel of a node, main labels first."""
    main = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    alt = [o for o in graph.objects(node, SKOS.altLabel) if isinstance(o, Literal)]
    return sorted(main, key=str) + sorted(alt, key=str)


def pick_label(labels: list[Literal], lang: str = "en") -> str | None:
    """The label in `lang`, else English, else simplified, else traditional Chinese, else any."""
    for wanted in (lang, "en", "zh-Hans", "zh-Hant"):
        for label in labels:
            if lang_matches(label.language, wanted):
                return str(label)
    return str(labels[0]) if labels else None


def display_name(graph: Graph, node: Node, lang: str = "en") -> str:
    """A name to show for a node: its label in `lang` (with fallbacks), else its CURIE."""
    label = pick_label([lbl for lbl in labels_of(graph, node) if lbl is not None], lang)
    return label if label is not None else curie(str(node))
