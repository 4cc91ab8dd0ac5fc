"""How nodes and values read on a page: names in the site's language with the
tag of the label shown, notes on literals, numbers with thousands separators."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.labels import LabelIndex
from kg.langtags import lang_matches, pick
from kg.namespaces import curie

TRANSLATED = "en-t-zh"
"""English labels that are the curators' translation from Chinese (BCP 47 transformed content)."""
PLAIN_TYPES = {
    "http://www.w3.org/2001/XMLSchema#string",
    "http://www.w3.org/2001/XMLSchema#decimal",
    "http://www.w3.org/2001/XMLSchema#integer",
}


@dataclass(frozen=True)
class Text:
    """A piece of text to show, with its language (for the `lang` attribute) and a hover title."""

    text: str
    lang: str | None = None
    title: str = ""


@dataclass(frozen=True)
class Link:
    """A name that may link somewhere: `href` is None for text without a page."""

    text: str
    href: str | None = None
    lang: str | None = None
    title: str = ""


def language_note(tag: str | None) -> str:
    """What a label's tag says, in words: the curators' translation is marked as such."""
    if not tag:
        return ""
    if tag.lower() == TRANSLATED:
        return "English, curators' translation"
    return {"zh-hans": "simplified Chinese", "zh-hant": "traditional Chinese", "en": "English"}.get(tag.lower(), tag)


def literal_note(value: Literal) -> str:
    """The tag or datatype of a literal, where it tells the reader something."""
    if value.language:
        return language_note(value.language)
    if value.datatype and str(value.datatype) not in PLAIN_TYPES:
        return curie(str(value.datatype))
    return ""


def number(value: object) -> str:
    """1329000.0 as `1,329,000`; 59.3 as `59.3`; anything else as it is."""
    try:
        figure = float(str(value))
    except (TypeError, ValueError):
        return str(value)
    return f"{figure:,.0f}" if figure.is_integer() else f"{figure:,}"


def _tag_of(labels: list[Literal], text: str, wanted: str) -> str | None:
    """The tag of the label with this text: where two scripts write it alike (彭澎), the
    wanted language's tag, else the first in order."""
    tags = sorted(lbl.language or "" for lbl in labels if str(lbl) == text)
    return next((t for t in tags if lang_matches(t, wanted)), tags[0] if tags else "") or None


class Names:
    """Names of nodes in one language, with fallbacks (kg.langtags.pick), for a site."""

    def __init__(self, index: LabelIndex, lang: str):
        self.index = index
        self.lang = lang

    def label(self, node: Node) -> Text:
        """The main label in the site's language, with its tag; the CURIE when there is none."""
        labels = self.index.main.get(node, []) if isinstance(node, URIRef) else []
        chosen = pick(((str(lbl), lbl.language) for lbl in labels), self.lang)
        if chosen is None:
            return Text(curie(str(node)), None, str(node))
        return Text(chosen, _tag_of(labels, chosen, self.lang), curie(str(node)))

    def name(self, node: Node) -> str:
        return self.label(node).text

    def other(self, node: Node) -> Text | None:
        """The main label in the other script family (Chinese for an English site and back)."""
        wanted = "zh-Hans" if lang_matches(self.lang, "en") else "en"
        labels = self.index.main.get(node, []) if isinstance(node, URIRef) else []
        chosen = pick(((str(lbl), lbl.language) for lbl in labels), wanted)
        shown = self.label(node).text
        if chosen is None or chosen == shown:
            return None
        return Text(chosen, _tag_of(labels, chosen, wanted))

    def kind_of(self, classes: tuple[str, ...]) -> str:
        """The class names of a node, joined."""
        return ", ".join(self.name(URIRef(c)) for c in classes) or "—"
