"""kg ingest (under construction)."""
