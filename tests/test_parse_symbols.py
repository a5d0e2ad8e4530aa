"""UN document symbols: finding, normalising and recognising symbol-only lines."""

from __future__ import annotations

import doctest

import redline.symbols
from redline.symbols import find_symbols, is_symbol_line, normalise


def test_doctests_run() -> None:
    assert doctest.testmod(redline.symbols).failed == 0


def test_symbols_are_found_in_running_text() -> None:
    text = (
        "[on the report of the Third Committee (A/80/534, para. 7)], see A/64/92-E/2009/98, "
        "E/CN.15/2011/L.8/Rev.1 and A/HRC/RES/50/13; not and/or, nor 2010/19."
    )
    assert find_symbols(text) == (
        "A/80/534",
        "A/64/92-E/2009/98",
        "E/CN.15/2011/L.8/Rev.1",
        "A/HRC/RES/50/13",
    )


def test_symbol_lines() -> None:
    assert is_symbol_line("E/2011/30 ")
    assert is_symbol_line("A/C.1/80/L.23*")
    assert is_symbol_line("E/2011/30 E/CN.15/2011/21")
    assert not is_symbol_line("A/80/L.9, para. 7")
    assert not is_symbol_line("resolution 60/1")
    assert normalise(" A/80/L.9. ") == "A/80/L.9"
