"""Read a PDF's text layer into redline's canonical plain-text shape (pdfminer.six lives here).

pdfminer's own layout analysis splits a line at every raised footnote digit and doubles
the spaces of justified text, so this module takes only its characters and builds lines
and paragraphs itself (see :mod:`redline.load.pdflayout`): lines by baseline, footnote
marks glued to the word they follow, a blank line wherever the vertical gap between two
lines is larger than the line spacing, and a blank line before every footnote.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from redline.errors import InputError
from redline.load.pdflayout import Glyph, page_lines

__all__ = ["MAX_PAGES", "pdf_to_text"]

MAX_PAGES = 2000
"""Refuse longer PDFs: the longest session report runs to a few hundred pages."""

# pdfminer logs warnings about odd fonts; with no handler configured Python would print them
# on stderr, breaking the one-line-error promise. A NullHandler keeps them for apps that log.
_PDFMINER_LOG = logging.getLogger("pdfminer")
if not any(isinstance(h, logging.NullHandler) for h in _PDFMINER_LOG.handlers):
    _PDFMINER_LOG.addHandler(logging.NullHandler())

_SCANNED = (
    "a scanned PDF with no text layer; run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`) "
    "or use the .docx or .txt version"
)


def pdf_to_text(data: bytes, name: str) -> str:
    """Return the text of the PDF ``data`` (named ``name`` in messages), pages in order.

    Paragraphs are separated by lines holding one space, pages by an empty line (as in the
    GA text extractions); page furniture is kept for the cleaning stage to remove.
    Raises InputError for an encrypted, corrupt, empty or scanned (image-only) PDF.
    """
    pages: list[str] = []
    images = glyphs_seen = unmapped = 0
    for glyphs, page_images, height in _pages(data, name):
        images += page_images
        glyphs_seen += len(glyphs)
        unmapped += sum(1 for g in glyphs if g.text.startswith("(cid:"))
        lines = page_lines(glyphs, height=height)
        if lines:
            pages.append("\n".join(lines))
    if unmapped * 2 > glyphs_seen > 0:
        # pdfminer writes "(cid:N)" for a glyph whose font gives no character: mostly those is gibberish.
        raise InputError(
            "a PDF whose fonts do not say which letters they draw; use the .docx or .txt version, or OCR it",
            path=name,
        )
    if not pages:
        if images:
            raise InputError(_SCANNED, path=name)
        raise InputError("a PDF with no text in it", path=name)
    return "\n\n".join(pages) + "\n"


def _pages(data: bytes, name: str) -> Iterator[tuple[list[Glyph], int, float]]:
    """Yield each page's glyphs, number of images and height, mapping pdfminer's failures."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    try:
        for count, page in enumerate(PDFPage.get_pages(io.BytesIO(data)), start=1):
            if count > MAX_PAGES:
                raise InputError(f"more than {MAX_PAGES} pages; split the PDF", path=name)
            interpreter.process_page(page)
            layout = device.get_result()
            glyphs, images = _glyphs(layout)
            yield glyphs, images, float(layout.height)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            "an encrypted PDF that needs a password; save an unprotected copy and try again", path=name
        ) from None
    except InputError:
        raise
    except Exception as exc:
        # A hostile or damaged file can make pdfminer raise almost anything (its own syntax
        # errors, but also KeyError, TypeError, zlib.error, ...): all of them mean "unreadable".
        raise InputError(
            f"a damaged PDF that cannot be read ({type(exc).__name__}); re-save or re-export it",
            path=name,
        ) from None


def _glyphs(layout: object) -> tuple[list[Glyph], int]:
    """Flatten a pdfminer page into upright glyphs, counting its images."""
    from pdfminer.layout import LTChar, LTImage

    glyphs: list[Glyph] = []
    images = 0
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            if item.upright:
                glyphs.append(Glyph(item.get_text(), item.x0, item.x1, item.y0, item.size, len(glyphs)))
        elif isinstance(item, LTImage):
            images += 1
        elif hasattr(item, "__iter__"):
            stack.extend(reversed(list(item)))
    return glyphs, images
