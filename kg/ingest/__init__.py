"""`kg ingest`: draft triples from a new case-list document for a curator to review,
and accept the reviewed draft into triples/ once `kg validate` passes on the result.

    from kg.ingest import ingest_document, write_draft, accept_draft
    draft = ingest_document("005_cases.txt", kg.open_graph(), batch=5)
    write_draft(draft, Path("drafts"))
    accept_draft(project, Path("drafts/batch-5.ttl"))

Nothing heavy is imported with the package itself (the CLI loads it on every start)."""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "ingest_document": "kg.ingest.draft",
    "write_draft": "kg.ingest.draft",
    "draft_turtle": "kg.ingest.draft",
    "draft_dataset": "kg.ingest.draft",
    "accept_draft": "kg.ingest.accept",
    "AcceptResult": "kg.ingest.accept",
    "IngestError": "kg.ingest.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg.ingest' has no attribute {name!r}")
