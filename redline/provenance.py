"""Provenance: where each text of a session report came from (placeholder)."""

from __future__ import annotations

from redline.model import Document


def attach_report_provenance(doc: Document) -> Document:
    """Return ``doc`` unchanged (until the report narrative reader lands)."""
    return doc
