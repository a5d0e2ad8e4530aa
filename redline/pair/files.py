"""Read the two sides of `redline pair`: a file or a folder of files, each into its texts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redline.errors import InputError
from redline.load import read
from redline.model import Resolution
from redline.pair import Pairing, PairOptions, pair
from redline.parse import parse

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
"""The files a folder contributes; anything else in it is ignored."""


@dataclass(frozen=True, slots=True)
class Item:
    """One text and the file it came from."""

    path: str
    resolution: Resolution


@dataclass(frozen=True, slots=True)
class PairedSet:
    """Two sides of texts and their pairing (the input of the pairing renderers)."""

    old: tuple[Item, ...]
    new: tuple[Item, ...]
    pairing: Pairing


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Return a sort key that orders "L.9" before "L.10" (numbers compare as numbers)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", name) if part)


def collect(path: str) -> tuple[str, ...]:
    """Return ``path`` itself, or a folder's .txt/.md/.docx/.pdf files in natural order.

    Raises InputError when the path does not exist or a folder holds no such file.
    """
    p = Path(path)
    if p.is_file():
        return (path,)
    if not p.is_dir():
        raise InputError("no such file or folder", path=path)
    files = [c for c in p.iterdir() if c.is_file() and c.suffix.lower() in SUFFIXES]
    if not files:
        raise InputError(f"the folder holds no {'/'.join(SUFFIXES)} file", path=path)
    return tuple(str(c) for c in sorted(files, key=lambda c: natural_key(c.name)))


def load_items(path: str) -> tuple[Item, ...]:
    """Read and parse every file of ``path`` (file or folder) into its texts, in order."""
    items: list[Item] = []
    for name in collect(path):
        doc = parse(read(name).text, name=name)
        items.extend(Item(name, res) for res in doc.resolutions)
    return tuple(items)


def pair_items(old: Sequence[Item], new: Sequence[Item], *, options: PairOptions | None = None) -> PairedSet:
    """Pair two sides of items (see `redline.pair.pair`)."""
    pairing = pair([i.resolution for i in old], [i.resolution for i in new], options=options)
    return PairedSet(tuple(old), tuple(new), pairing)


def pair_paths(old: str, new: str, *, options: PairOptions | None = None) -> PairedSet:
    """Read two files or folders and pair their texts."""
    return pair_items(load_items(old), load_items(new), options=options)
