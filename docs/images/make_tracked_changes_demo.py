"""Regenerate docs/images/tracked-changes-demo.png from the bundled demo pair.

The tracked-changes .docx that ``redline diff --format docx`` writes for
redline/data/demo-old.txt -> demo-new.txt, as LibreOffice renders it: converted to PDF by
``soffice --headless`` and rasterised by ``pdftoppm`` (poppler-utils); its first two pages
are set side by side. Run from the repository root:

    python3 docs/images/make_tracked_changes_demo.py
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from importlib import resources
from pathlib import Path

TARGET = Path(__file__).with_name("tracked-changes-demo.png")
DPI = 80
GAP = 16


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    """Return (width, height, RGB bytes) of a binary PPM as pdftoppm writes it."""
    data = path.read_bytes()
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    return width, height, pixels[: width * height * 3]


def write_png(path: Path, width: int, height: int, rgb: bytes) -> None:
    """Write RGB bytes as a PNG (no timestamp chunk, so equal pixels give equal files)."""
    rows = b"".join(b"\0" + rgb[y * width * 3 : (y + 1) * width * 3] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def side_by_side(pages: list[tuple[int, int, bytes]]) -> tuple[int, int, bytes]:
    """Set pages left to right on a grey background, GAP pixels apart."""
    height = max(h for _, h, _ in pages) + 2 * GAP
    width = sum(w for w, _, _ in pages) + GAP * (len(pages) + 1)
    canvas = bytearray(b"\xd0" * (width * height * 3))
    x = GAP
    for w, h, rgb in pages:
        for y in range(h):
            start = ((y + GAP) * width + x) * 3
            canvas[start : start + w * 3] = rgb[y * w * 3 : (y + 1) * w * 3]
        x += w + GAP
    return width, height, bytes(canvas)


def main() -> int:
    data = resources.files("redline") / "data"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("demo-old.txt", "demo-new.txt"):
            (work / name).write_bytes((data / name).read_bytes())
        done = subprocess.run(
            ["redline", "diff", "--format", "docx", "-o", "demo.docx", "demo-old.txt", "demo-new.txt"],
            cwd=work,
            check=False,
        )
        if done.returncode not in (0, 1):
            return done.returncode
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        subprocess.run(
            ["soffice", "--headless", "--norestore", profile, "--convert-to", "pdf", "demo.docx"],
            cwd=work,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "2", "demo.pdf", "page"], cwd=work, check=True
        )
        pages = [read_ppm(p) for p in sorted(work.glob("page-*.ppm"))]
        write_png(TARGET, *side_by_side(pages))
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
