"""Stable file names for pages, derived from IRIs, so that links survive rebuilds.

An entity `https://w3id.org/gba-kg/id/case-b2-01` gets `id/case-b2-01.html`: the
page path mirrors the IRI path. A local name outside the curated pattern
(lowercase ASCII words joined by hyphens) is cleaned and given a short hash of
the whole IRI, so two IRIs never share a file, even on a case-blind file system.
"""

from __future__ import annotations

import hashlib
import re

from kg.prefixes import KG_NS

ENTITY_DIR = "id"
_CURATED = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")


def page_slug(iri: str) -> str:
    """The file stem of an entity's page (also its anchor id where a row stands for it)."""
    local = iri[len(KG_NS) :] if iri.startswith(KG_NS) else iri
    if _CURATED.fullmatch(local):
        return local
    cleaned = re.sub(r"[^a-z0-9]+", "-", local.lower()).strip("-")[:80] or "entity"
    return f"{cleaned}-{hashlib.sha256(iri.encode('utf-8')).hexdigest()[:10]}"


def page_path(iri: str) -> str:
    """The entity page's path from the site root, with forward slashes."""
    return f"{ENTITY_DIR}/{page_slug(iri)}.html"


def relative_root(path: str) -> str:
    """The prefix that leads from the page at `path` back to the site root (`../` for `id/x.html`)."""
    return "../" * path.count("/")
