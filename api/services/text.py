"""Cleaning what people type before it reaches the assistant."""

from __future__ import annotations

import unicodedata

from api.errors import FieldError
from api.fields import DROPPED_CATEGORIES
from api.schemas import MESSAGE_MAX_CHARS

EMPTY_MESSAGE = "Beskeden er tom. Skriv et spørgsmål."


def clean_text(text: str) -> str:
    """`text` without control, format (zero-width, bidi overrides), surrogate and private-use
    characters, which carry no meaning in a question and break encoders and tokenisers;
    stripped and NFC-normalised. Never longer than `text` before normalisation."""
    kept = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in DROPPED_CATEGORIES
    )
    return kept.strip()


def clean_message(text: str, max_chars: int = MESSAGE_MAX_CHARS, field: str = "message") -> str:
    """The cleaned question; 422/413 naming `field`, with a Danish detail, when there is none
    or it is too long. The length is counted before NFC normalisation (which can lengthen
    some scripts), so a message within the schema's `maxLength` is never refused here."""
    text = clean_text(text)
    if not text:
        raise FieldError(422, EMPTY_MESSAGE, field)
    if len(text) > max_chars:
        raise FieldError(
            413, f"Spørgsmålet er for langt: højst {max_chars} tegn (dit har {len(text)}).", field
        )
    return unicodedata.normalize("NFC", text)
