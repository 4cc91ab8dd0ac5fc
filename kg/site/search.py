"""The index's search, precomputed: every label of every page's entity with its
script-blind keys, and the map the page uses to fold a query the same way.

A key is the label after NFKC, lower case, traditional characters mapped to
simplified and spaces removed. The page folds what the reader types with the
same steps and the map shipped beside the data (every traditional character
that OpenCC turns into a simplified character occurring in some label), so
港澳藥械通 and 港澳药械通 find the same entity. The key kg.labels.script_key
gives (OpenCC phrase by phrase) is kept too where it differs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.labels import LabelIndex, script_key
from kg.site.catalogue import Catalogue
from kg.site.display import Names

CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))
"""Where traditional characters are looked for: CJK Unified Ideographs, Extensions A and B, compatibility."""


CONVERSIONS = ("t2s", "hk2s", "tw2s")
"""OpenCC's traditional-to-simplified conversions, first one first: t2s (what kg.labels uses), then
the Hong Kong and Taiwan variants (衞 as well as 衛 becomes 卫)."""


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[str, str]:
    """Every character of the CJK ranges that OpenCC turns into another, one character at a time."""
    import opencc

    chars = [chr(c) for start, end in CJK_RANGES for c in range(start, end + 1)]
    mapping: dict[str, str] = {}
    for conversion in CONVERSIONS:
        converted = opencc.OpenCC(conversion).convert("\n".join(chars)).split("\n")
        for t, s in zip(chars, converted, strict=True):
            if s != t and len(s) == 1:
                mapping.setdefault(t, s)
    return mapping


def fold(text: str, mapping: dict[str, str]) -> str:
    """The key of a text: NFKC, lower case, each character through `mapping`, no spaces.
    The page's script does exactly this to a query."""
    lowered = unicodedata.normalize("NFKC", text).lower()
    return "".join(mapping.get(ch, ch) for ch in lowered if not ch.isspace())


def folding_map(labels: list[str]) -> dict[str, str]:
    """Traditional → simplified for the characters that matter here: those whose
    simplified form occurs in a label, and the traditional characters of the labels."""
    full = _traditional_to_simplified()
    wanted = set()
    for label in labels:
        wanted |= set(unicodedata.normalize("NFKC", label).lower())
        wanted |= set(script_key(label))
    return {t: s for t, s in sorted(full.items()) if s in wanted or t in wanted}


@dataclass(frozen=True)
class Entry:
    path: str
    name: str
    other: str
    kind: str
    labels: tuple[tuple[str, tuple[str, ...], bool], ...]
    """(label, its keys, whether it is a main label)."""


def search_data(catalogue: Catalogue, index: LabelIndex, names: Names) -> dict:
    """The data the page searches: the folding map and one entry per page, in IRI order."""
    all_labels = [str(label) for node in catalogue.entities for label in index.labels(node)]
    mapping = folding_map(all_labels)
    entries = []
    for node, entity in sorted(catalogue.entities.items(), key=lambda item: str(item[0])):
        main = {str(label) for label in index.main.get(node, [])}
        labels = []
        for text in sorted({str(label) for label in index.labels(node)}):
            keys = tuple(dict.fromkeys((fold(text, mapping), script_key(text))))
            labels.append([text, list(keys), text in main])
        other = names.other(node)
        entries.append(
            {
                "p": entity.path,
                "n": names.name(node),
                "o": other.text if other else "",
                "k": entity.kind.title,
                "l": labels,
            }
        )
    return {"map": mapping, "entries": entries}
