"""Renderers: a Redline -> text or bytes, one module per format, looked up by name."""

from __future__ import annotations

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


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under ``name`` (used as a decorator)."""

    def deco(fn: Renderer) -> Renderer:
        _REGISTRY[name] = fn
        return fn

    return deco


def formats() -> tuple[str, ...]:
    """Return the registered format names, sorted."""
    _load_all()
    return tuple(sorted(_REGISTRY))


def render(redline: Redline, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render ``redline`` in format ``fmt``; raise KeyError for an unknown format."""
    _load_all()
    return _REGISTRY[fmt](redline, options or RenderOptions())


def _load_all() -> None:
    from redline.render import docx, html, json, markdown, terminal  # noqa: F401
