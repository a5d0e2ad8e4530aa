"""Make a .docx package byte-identical across runs: fixed core properties, member order, timestamps."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import Any

__all__ = ["core_properties", "repack"]

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry: no clock reaches the output."""


def core_properties(document: Any, date: str, *, author: str) -> None:
    """Set the core properties (author, dates, revision) to fixed values: no clock, no user name."""
    when = datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    core = document.core_properties
    core.author = author
    core.last_modified_by = author
    core.created = when
    core.modified = when
    core.last_printed = when
    core.revision = 1
    core.title = "Redline"


def repack(data: bytes) -> bytes:
    """Rewrite the package with fixed member order and timestamps, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
