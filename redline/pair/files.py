"""Read the two sides of `redline pair`: a file or a folder of files, each into its texts."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
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


PARALLEL_FROM = 16
"""Folders with at least this many files are parsed by a pool of processes (one per core)."""


def load_items(path: str, *, workers: int | None = 1) -> tuple[Item, ...]:
    """Read and parse every file of ``path`` (file or folder) into its texts, in order.

    ``workers`` > 1 parses files in that many processes; None picks one per core for folders
    of PARALLEL_FROM files or more. The result is the same either way.
    """
    names = collect(path)
    count = workers if workers is not None else (os.cpu_count() or 1) if len(names) >= PARALLEL_FROM else 1
    if count > 1 and len(names) > 1:
        with ProcessPoolExecutor(max_workers=count) as pool:
            docs = list(pool.map(_texts, names, chunksize=8))
    else:
        docs = [_texts(name) for name in names]
    return tuple(Item(name, res) for name, texts in zip(names, docs, strict=True) for res in texts)


def _texts(name: str) -> tuple[Resolution, ...]:
    return parse(read(name).text, name=name).resolutions


def pair_items(old: Sequence[Item], new: Sequence[Item], *, options: PairOptions | None = None) -> PairedSet:
    """Pair two sides of items (see `redline.pair.pair`)."""
    pairing = pair([i.resolution for i in old], [i.resolution for i in new], options=options)
    return PairedSet(tuple(old), tuple(new), pairing)


def pair_paths(
    old: str, new: str, *, options: PairOptions | None = None, workers: int | None = None
) -> PairedSet:
    """Read two files or folders (large folders in parallel, see `load_items`) and pair their texts."""
    return pair_items(load_items(old, workers=workers), load_items(new, workers=workers), options=options)
