"""The Greater Bay Area rule-alignment knowledge graph.

import kg
graph = kg.open_graph()                      # the checkout's graph, indexed
graph.query("SELECT ?case WHERE { ?case a gba:TypicalCase }")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "open_graph": "kg.store",
    "KnowledgeGraph": "kg.store",
    "open_project": "kg.paths",
    "validate": "kg.validate",
    "stats": "kg.stats",
    "render": "kg.formats",
}


def __getattr__(name: str) -> Any:
    """Import on first use, so `import kg` stays cheap."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
