"""`kg site`: a static, offline website of the graph.

One page per entity (cases, programmes, agencies, organisations, places,
instruments, source documents …) with its names in three languages, every
statement with linked neighbours, its figures with sources and quotes, and its
neighbourhood drawn by the same view code as `kg view`; an index with counts,
batches and a script-blind search; the ontology reference (pyLODE); the dataset
card (VoID/DCAT) as a page and as Turtle.

    from kg.site import build_site
    build_site(graph, Path("site"))

Importing this package is light: `build_site` and `site_files` load the heavy
modules when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.site.build import SiteReport, build_site, site_files

__all__ = ["SiteReport", "build_site", "site_files"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg.site import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
