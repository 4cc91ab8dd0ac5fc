"""Language tags: BCP 47 case, langMatches, and picking the label to show. No rdflib here."""

from __future__ import annotations

from collections.abc import Iterable

FALLBACKS = {"zh-Hans": ("zh-Hans", "zh-Hant", "en"), "zh-Hant": ("zh-Hant", "zh-Hans", "en")}


def canonical_lang(tag: str) -> str:
    """BCP 47 case conventions (Oxigraph stores tags in lower case): `zh-hans` is
    `zh-Hans`, `zh-hk` is `zh-HK`; subtags after a singleton (`en-t-zh`) stay lower case."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for i, part in enumerate(parts[1:], start=1):
        if any(len(p) == 1 for p in parts[:i]):
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def lang_matches(tag: str | None, wanted: str) -> bool:
    """SPARQL langMatches: `en` matches `en` and `en-t-zh`; `zh-Hans` matches `zh-Hans`."""
    if not tag:
        return False
    tag, wanted = tag.lower(), wanted.lower()
    return tag == wanted or tag.startswith(wanted + "-")


def pick(labels: Iterable[tuple[str, str | None]], lang: str = "en") -> str | None:
    """From (text, language) pairs, the label in `lang`; else, for Chinese, the other
    script, then English; for English, simplified then traditional Chinese; else any."""
    pairs = sorted(labels)
    for wanted in FALLBACKS.get(lang, (lang, "en", "zh-Hans", "zh-Hant")):
        for text, tag in pairs:
            if lang_matches(tag, wanted):
                return text
    return pairs[0][0] if pairs else None
