"""Read the two sides of `redline pair`: a file or a folder of files, each into its texts."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from redline.errors import InputError, RedlineError
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
    return _items(names, _parse_all(names, workers=workers))


def _items(names: Sequence[str], docs: Sequence[tuple[Resolution, ...]]) -> tuple[Item, ...]:
    return tuple(Item(name, res) for name, texts in zip(names, docs, strict=True) for res in texts)


def _parse_all(names: Sequence[str], *, workers: int | None) -> list[tuple[Resolution, ...]]:
    """Parse ``names`` in order; with several workers, largest files first, so no worker idles at the end.

    The first failing file in ``names`` order raises, as in a sequential run.
    """
    count = workers if workers is not None else (os.cpu_count() or 1) if len(names) >= PARALLEL_FROM else 1
    if count <= 1 or len(names) <= 1:
        return [_texts(name) for name in names]
    sizes = [_size(name) for name in names]
    order = sorted(range(len(names)), key=lambda k: (-sizes[k], k))
    with ProcessPoolExecutor(max_workers=min(count, len(names))) as pool:
        done = dict(zip(order, pool.map(_texts_or_none, [names[k] for k in order], chunksize=4), strict=True))
    # A file that failed is parsed again here, in order, so the first failure raises as it would alone.
    out = []
    for k, name in enumerate(names):
        texts = done[k]
        out.append(texts if texts is not None else _texts(name))
    return out


def _texts_or_none(name: str) -> tuple[Resolution, ...] | None:
    try:
        return _texts(name)
    except RedlineError:
        return None


def _size(name: str) -> int:
    try:
        return os.path.getsize(name)
    except OSError:
        return 0


def _texts(name: str) -> tuple[Resolution, ...]:
    return parse(read(name).text, name=name).resolutions


def pair_items(old: Sequence[Item], new: Sequence[Item], *, options: PairOptions | None = None) -> PairedSet:
    """Pair two sides of items (see `redline.pair.pair`)."""
    pairing = pair([i.resolution for i in old], [i.resolution for i in new], options=options)
    return PairedSet(tuple(old), tuple(new), pairing)


def pair_paths(
    old: str, new: str, *, options: PairOptions | None = None, workers: int | None = None
) -> PairedSet:
    """Read two files or folders (large folders in parallel, see `load_items`) and pair their texts.

    Both sides are parsed by one pool of processes, so neither waits for the other's last file.
    """
    old_names = collect(old)
    try:
        new_names = collect(new)
    except InputError:
        load_items(old, workers=workers)  # a bad file on the old side is reported first, as ever
        raise
    names = (*old_names, *new_names)
    if workers is None and len(old_names) < PARALLEL_FROM and len(new_names) < PARALLEL_FROM:
        workers = 1  # small sides are parsed in process, as load_items would
    docs = _parse_all(names, workers=workers)
    cut = len(old_names)
    return pair_items(_items(old_names, docs[:cut]), _items(new_names, docs[cut:]), options=options)
