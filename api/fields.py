"""Field types whose OpenAPI schema says exactly what the server accepts.

A client (or schemathesis) that follows the schema must never be refused, and one that breaks
it must never be served: so a date is an ISO `YYYY-MM-DD` string and nothing pydantic would
also coerce (a Unix timestamp like `0`), and text that must hold a question carries a
`pattern` requiring one character that survives `api.services.text.clean_message`.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

# Categories clean_message drops: control, format (zero-width, bidi), surrogate, private use.
DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in DROPPED_CATEGORIES


def _escape(cp: int) -> str:
    return f"\\u{cp:04X}" if cp <= 0xFFFF else f"\\U{cp:08X}"


def _visible_char_pattern() -> str:
    """A regex class of one visible character, as `\\u`/`\\U` escapes that both Python's `re`
    (schemathesis, hypothesis) and Rust's `regex` (pydantic) read the same way. Surrogates
    are left out: Rust cannot name them, and pydantic refuses them in JSON text anyway."""
    ranges: list[tuple[int, int]] = []
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF or not _invisible(chr(cp)):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    parts = [_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges]
    return "[^" + "".join(parts) + "]"


VISIBLE_CHAR = _visible_char_pattern()


def _iso_date(value: Any) -> Any:
    """Only a `YYYY-MM-DD` string (or a date object from Python callers) is a date here."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise PydanticCustomError("date_from_iso", "Dato skal skrives som ÅÅÅÅ-MM-DD.")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: str) -> str:
    """pydantic refuses a lone surrogate in a top-level JSON string, not inside a list."""
    if _SURROGATE.search(value):
        raise PydanticCustomError("string_unicode", "Teksten er ikke gyldig Unicode.")
    return value


Text = Annotated[str, AfterValidator(_encodable)]
