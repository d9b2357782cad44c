"""The quoted replies of a saved e-mail thread, read as their text.

A thread saved as plain text quotes each older message behind "> ", ">> " or "> > " at the
start of every line. Left in, the markers cut every wrapped line into a sentence of its own
("... Spærene kan ikke" / ">>> genbruges og skal udskiftes ..."), glue the quoted messages into
one paragraph (an empty quoted line is ">>>", not a blank line), and show up in answers. A
person reads past them: the markers go, and an empty quoted line is a paragraph break. Where
the quote level changes, a new message starts, so a blank line separates the two.

The text then differs from the file at every quoted line's start, so a citation across lines
is quoted to the file line by line, as a PDF's is (see `CleanText.seams`).
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
MIN_QUOTED_LINES = 3  # fewer lines opening with ">" are no quoted reply ("> 5 mio. kr.")
# ... unless the text is an e-mail and a marked line opens with a word: a reply that quotes
# one sentence at a time to answer it ("> Borgermødet holdes som planlagt den 7. september.")
_MAIL_HEADER = re.compile(r"^(?:Fra|From|Sendt|Sent):", re.MULTILINE)
_QUOTED_WORDS = re.compile(r"^[ \t]*(?:>[ \t]?)+[A-ZÆØÅ][a-zæøå]")


def _level(line: str) -> int:
    m = _MARKER.match(line)
    return m.group(1).count(">") if m else 0


def strip_reply_markers(text: str) -> tuple[str, bool]:
    """The text without its reply markers, and whether it had any (see the module
    docstring)."""
    lines = text.split("\n")
    levels = [_level(line) for line in lines]
    inline = bool(_MAIL_HEADER.search(text)) and any(_QUOTED_WORDS.match(ln) for ln in lines)
    if sum(1 for level in levels if level) < MIN_QUOTED_LINES and not inline:
        return text, False
    out: list[str] = []
    previous = 0
    for line, level in zip(lines, levels, strict=True):
        body = _MARKER.sub("", line) if level else line
        if out and level != previous and out[-1].strip() and body.strip():
            out.append("")  # another message starts where the quote level changes
        out.append(body)
        previous = level
    return "\n".join(out), True


def line_starts(text: str) -> list[int]:
    """Each line's start after the first: where a quoted line's marker stood in the file."""
    return [m.end() for m in re.finditer(r"\n", text) if m.end() < len(text)]
