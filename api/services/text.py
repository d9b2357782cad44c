"""Cleaning what people type before it reaches the assistant."""

from __future__ import annotations

import unicodedata

from fastapi import HTTPException

from api.schemas import MESSAGE_MAX_CHARS

# Control, format (zero-width, bidi overrides), surrogate and private-use characters carry no
# meaning in a question and break encoders and tokenisers.
_DROP = {"Cc", "Cf", "Cs", "Co"}


def clean_message(text: str, max_chars: int = MESSAGE_MAX_CHARS) -> str:
    """NFC-normalised question without invisible characters; 422/413 with a Danish detail."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _DROP
    ).strip()
    if not text:
        raise HTTPException(status_code=422, detail="Beskeden er tom. Skriv et spørgsmål.")
    if len(text) > max_chars:
        raise HTTPException(
            status_code=413,
            detail=f"Spørgsmålet er for langt: højst {max_chars} tegn (dit har {len(text)}).",
        )
    return text
