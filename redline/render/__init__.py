"""Renderers: a Redline -> text or bytes, one module per format, looked up by name.

A format's module is imported the first time that format is rendered, so a process that
writes HTML never imports python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from redline.model import Redline


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Options every renderer receives; each reads only what concerns it."""

    old_name: str | None = None
    new_name: str | None = None
    color: bool = False
    markdown_style: str = "html"
    """"html" (inline <del>/<ins>) or "criticmarkup"."""
    revision_date: str | None = None
    """Date stamped on .docx revisions, "YYYY-MM-DDTHH:MM:SSZ"; None: a fixed date, for determinism."""


Renderer = Callable[[Redline, RenderOptions], str | bytes]
_REGISTRY: dict[str, Renderer] = {}
_MODULES: dict[str, str] = {
    "docx": "redline.render.docx",
    "html": "redline.render.html",
    "json": "redline.render.json",
    "markdown": "redline.render.markdown",
    "terminal": "redline.render.terminal",
}
"""Format name -> the module whose import registers its renderer."""


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under ``name`` (used as a decorator)."""

    def deco(fn: Renderer) -> Renderer:
        _REGISTRY[name] = fn
        return fn

    return deco


def formats() -> tuple[str, ...]:
    """Return the format names, sorted (without importing their renderers)."""
    return tuple(sorted({*_MODULES, *_REGISTRY}))


def render(redline: Redline, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render ``redline`` in format ``fmt``; raise KeyError for an unknown format."""
    fn = _REGISTRY.get(fmt)
    if fn is None:
        importlib.import_module(_MODULES[fmt])
        fn = _REGISTRY[fmt]
    return fn(redline, options or RenderOptions())
