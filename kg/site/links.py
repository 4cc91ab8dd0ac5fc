"""Where a node links to: its page, the figure row that stands for it, or the
ontology reference's entry for a term; relative to the page that links."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.term import Node

from kg.site.catalogue import Catalogue
from kg.site.naming import ENTITY_DIR

ONTOLOGY_PAGE = "ontology.html"


@dataclass
class Links:
    catalogue: Catalogue
    terms: dict[str, str] = field(default_factory=dict)
    """Ontology term IRI → fragment id in the ontology reference."""
    figure_rows: dict[URIRef, str] = field(default_factory=dict)
    """Observation → `id/page.html#row` where its figure row is."""

    def target(self, node: Node) -> str | None:
        """The path (from the site root) a link to `node` goes to; None where there is none."""
        if not isinstance(node, URIRef):
            return None
        entity = self.catalogue.entities.get(node)
        if entity is not None:
            return entity.path
        if node in self.figure_rows:
            return self.figure_rows[node]
        fragment = self.terms.get(str(node))
        return f"{ONTOLOGY_PAGE}#{fragment}" if fragment else None

    def href(self, node: Node, root: str) -> str | None:
        """The link from a page whose way back to the root is `root`: `""` for a page at the
        root, `"../"` for an entity page (which links its neighbours as `case-b2-01.html`)."""
        target = self.target(node)
        if target is None:
            return None
        if root == "../" and target.startswith(ENTITY_DIR + "/"):
            return target.removeprefix(ENTITY_DIR + "/")
        return root + target
