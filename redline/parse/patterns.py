"""The printed shapes the parser recognises, as regular expressions with one name each."""

from __future__ import annotations

import re

LABEL = re.compile(
    r"^(?:Draft (?:resolution|decision)(?: (?:[IVXLC]+|[A-Z]))?"
    r"|(?:Resolution|Decision) (?:[IVXLC]+|\d+/\d+))$"
)
"""A report's heading for one text: "Draft resolution III", "Resolution 20/1", "Decision 20/1"."""

ADOPTED = re.compile(r"^(\d{2,3}/\d{1,3}(?: [A-Z])?)\.\s+(\S.*)$")
"""An adopted GA resolution's number and title: "80/6. Report of the International Criminal Court"."""

_ORGAN_NAME = (
    r"(?:General Assembly|Economic and Social Council|Security Council|Human Rights Council"
    r"|Trusteeship Council|(?:Commission|Conference|Council|Committee|Board|Assembly|Meeting)"
    r"(?: (?:[A-Z][\w’'-]*|of|on|and|for|the|to|in|against|de|la))*)"
)
ORGAN = re.compile(rf"^(The {_ORGAN_NAME})\s*([,:]?)\s*(.*)$")
"""An organ line, optionally with the start of a one-sentence decision after its comma."""

MEETING_ORGAN = re.compile(rf"^At its [\w -]+ meetings?, (?:held )?on [^,]+, the ({_ORGAN_NAME})\s*,")
"""A decision recorded by its meeting: "At its 10th meeting, on 15 April 2011, the Commission ..., "."""

ANNEX = re.compile(r"^(Annex(?:es)?(?: [IVXLC]+| \d+| [A-Z])?)\*?$")
CHAPTER = re.compile(r"^Chapter [IVXLC]+$")
SECTION = re.compile(r"^[A-H]\.\s+[A-Z]")
CLOSING = re.compile(r"^\d+(?:st|nd|rd|th) (?:plenary )?meeting\b")
SPONSORS = re.compile(
    r"^(?P<who>.+?)\s*:[\s*,]*(?P<what>(?:revised |further revised )?draft (?:resolution|decision)"
    r"|(?:amendments?|revisions?) to .*)$"
)
SUBMITTED = re.compile(r"^(?:Revised )?[Dd]raft (?:resolution|decision)s? submitted by (?P<who>.+)$")
NOTE = re.compile(r"^Note by the (?:Secretariat|Secretary-General|President|Chair|Bureau)\b")
ADOPTED_BY = re.compile(r"^(?:Resolution|Decision)s? adopted by the\b")
BRACKET = re.compile(r"^\[(?:on the report|without reference|adopted)\b.*\]$", re.S)
AMENDING = re.compile(r"^(?:\d+\.\s*)?(?:In |Delete |Insert |Replace |Add |After |Before |Amend )", re.I)

OP_NUMBER = re.compile(r"^(\d{1,3})(?:\s?(bis|ter|quater|quinquies))?\.(?:\s+|$)(.*)$", re.S)
PAREN = re.compile(r"^\(([a-z]{1,2}|[ivxlc]{1,6})\)(?:\s+|$)(.*)$", re.S)
DOT_LETTER = re.compile(r"^([a-z])\.\s+(.*)$", re.S)
